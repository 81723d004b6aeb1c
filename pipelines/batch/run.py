"""One batch run: read the input, skip what is done, process the rest, write rows, then tables.

    from pipelines.batch import BatchOptions, run_batch
    summary = run_batch(BatchOptions("corpus/", "out/", fmt="parquet", workers=4))

Every input document ends as exactly one row in OUT/records.jsonl or
OUT/errors.jsonl. Tables are rebuilt from those files at the end of a run that
finished (never from a half-done run), each written to a temporary file and
renamed into place.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from pipelines.batch import store as store_mod
from pipelines.batch import work
from pipelines.batch.sources import Item, open_source
from pipelines.errors import VigyaptiError

FORMATS = ("jsonl", "csv", "parquet", "sqlite")
ENGINES = ("local", "dask")
DEFAULT_TIMEOUT_S = 300.0


@dataclass
class BatchOptions:
    input: str
    out: str
    fmt: str = "csv"
    workers: int = 0                   # 0: one per CPU core
    engine: str = "local"
    scheduler: Optional[str] = None    # a Dask scheduler address; None starts a LocalCluster
    text_column: str = "text"
    id_column: Optional[str] = None
    timeout: Optional[float] = DEFAULT_TIMEOUT_S  # per document, local engine; None or 0: no limit
    progress: bool = False
    factory: Optional[work.PipelineFactory] = None  # what builds the pipeline in each worker


@dataclass
class Summary:
    done: int = 0          # records written in this run
    failed: int = 0        # error rows written in this run
    resumed: int = 0       # documents already in OUT from an earlier run, skipped
    resumed_failed: int = 0  # of those, documents whose row is an error row
    words: int = 0
    seconds: float = 0.0
    first_row_s: Optional[float] = None  # from the start of the run to the first row written
    interrupted: bool = False
    tables: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self, out: str) -> str:
        rate = (self.done + self.failed) / self.seconds if self.seconds else 0.0
        words = self.words / self.seconds if self.seconds else 0.0
        state = "interrupted" if self.interrupted else "finished"
        text = (f"vigyapti batch {state}: {self.done:,} done, {self.failed:,} failed, "
                f"{self.resumed:,} skipped (already done{self._earlier_failures()}) in {self.seconds:.1f} s, "
                f"{rate:,.1f} docs/s, {words:,.0f} words/s; output in {out}")
        if self.interrupted:
            text += " (run the same command again to resume)"
        return text

    def _earlier_failures(self) -> str:
        return f", {self.resumed_failed:,} of them failed" if self.resumed_failed else ""

    @property
    def any_failed(self) -> bool:
        """True when some input document has an error row, from this run or an earlier one."""
        return bool(self.failed or self.resumed_failed)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_batch(options: BatchOptions) -> Summary:
    _check(options)
    started = time.monotonic()
    out = Path(options.out)
    source = open_source(options.input, options.text_column, options.id_column, exclude=str(out))
    summary = Summary(notes=source.notes())
    manifest = {"vigyapti_batch": 1, **source.describe()}
    with store_mod.OutputStore(out, manifest) as output:
        todo = _unfinished(source.items(), output, summary)
        bar = _Progress(lambda: max(0, source.count() - len(output.done)), options.progress)
        results = _engine(options, todo)
        try:
            for result in results:
                output.write(result)
                if summary.first_row_s is None:
                    summary.first_row_s = time.monotonic() - started
                if result.ok:
                    summary.done += 1
                else:
                    summary.failed += 1
                summary.words += result.words
                bar.update(1, summary.words, time.monotonic() - started)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            results.close()  # stops the workers
            bar.close()
    if not summary.interrupted and options.fmt != "jsonl":
        summary.tables = [str(p) for p in build_tables(out, options.fmt)]
    summary.seconds = time.monotonic() - started
    return summary


def build_tables(out: Path, fmt: str) -> list[Path]:
    """The tables of everything in OUT's JSONL files (one row per doc_id), written atomically."""
    from pipelines import tables

    records = _unique(store_mod.read_rows(out / store_mod.RECORDS))
    errors = _unique(store_mod.read_rows(out / store_mod.ERRORS))
    return tables.write_tables(tables.records_to_tables(records, errors), out, fmt)


def _unique(rows: Iterator[dict]) -> Iterator[dict]:
    seen: set = set()
    for row in rows:
        if row.get("doc_id") not in seen:
            seen.add(row.get("doc_id"))
            yield row


def _unfinished(items: Iterator[Item], output: store_mod.OutputStore, summary: Summary) -> Iterator[Item]:
    for item in items:
        if item.doc_id in output.done:
            summary.resumed += 1
            summary.resumed_failed += item.doc_id in output.failed
        else:
            yield item


def _engine(options: BatchOptions, items: Iterator[Item]) -> Iterator[work.Result]:
    workers = options.workers or default_workers()
    if options.engine == "dask":
        from pipelines.batch.dask_engine import run_dask

        return run_dask(items, workers, options.scheduler, options.factory)
    from pipelines.batch.pool import run_local

    return run_local(items, workers, options.timeout or None, options.factory)


def _check(options: BatchOptions) -> None:
    if options.fmt not in FORMATS:
        raise VigyaptiError(f"unknown --format {options.fmt!r}; expected one of {', '.join(FORMATS)}")
    if options.engine not in ENGINES:
        raise VigyaptiError(f"unknown --engine {options.engine!r}; expected one of {', '.join(ENGINES)}")
    if options.scheduler and options.engine != "dask":
        raise VigyaptiError("--scheduler needs --engine dask")
    if options.workers < 0:
        raise VigyaptiError("--workers must be 1 or more (or 0 for one per core)")
    if options.fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise VigyaptiError("--format parquet needs pyarrow (pip install pyarrow)") from None
    if options.engine == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise VigyaptiError("--engine dask needs dask.distributed (pip install 'dask[distributed]')") from None
    if Path(options.input).resolve() == Path(options.out).resolve():
        raise VigyaptiError("--out must be a new folder, not the input itself")


class _Progress:
    """A tqdm bar on stderr (documents/s, with words/s beside it), only when asked and stderr is a terminal."""

    def __init__(self, remaining: Callable[[], int], show: bool):
        self.bar = None
        self.last_postfix = 0.0
        if show and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=remaining(), unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                            desc="vigyapti batch")

    def update(self, n: int, words: int, elapsed: float) -> None:
        if self.bar is None:
            return
        if elapsed - self.last_postfix > 0.5 and elapsed > 0:
            self.bar.set_postfix_str(f"{words / elapsed:,.0f} words/s", refresh=False)
            self.last_postfix = elapsed
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


"""The work done for one document, wherever it runs: read it, run the pipeline, serialise the row.

`process(item)` never raises: whatever goes wrong becomes an error row with
the stage it happened in (`read` or `pipeline`), so one bad document cannot
take a chunk of others down with it. The pipeline is built once per worker
(`borrowed_pipeline`), whether the worker is a local process or a Dask worker.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, NamedTuple, Optional

from pipelines.batch.sources import Item
from pipelines.errors import InputError

ERROR_SCHEMA = "vigyapti.error/1"
MAX_ERROR_CHARS = 1000

PipelineFactory = Callable[[], Callable]  # returns something called as pipeline(text, doc_id) -> Record


class Result(NamedTuple):
    doc_id: str
    ok: bool      # True: a record; False: an error row
    line: str     # the JSON line to append (no newline)
    words: int    # words in the document's text (0 when it could not be read)


def default_factory():
    from pipelines import Pipeline

    return Pipeline()


def ner_factory():
    """The Pipeline with the shipped NER model (`vigyapti batch --ner`); a module-level
    function, so workers unpickle the same factory and build its pipeline once.

    The model's matrix products would use every core through OpenBLAS in every
    worker; a batch gets its parallelism from the workers, so each keeps one thread.
    """
    from threadpoolctl import threadpool_limits

    from pipelines import Pipeline

    threadpool_limits(limits=1, user_api="blas")
    return Pipeline(use_ner_model=True)


# Built pipelines not in use, per factory. A process keeps the ones it built, so
# it loads once; a thread borrows one for a document, so two threads of one
# process (a threaded Dask worker) never share one.
_idle: dict[Optional[PipelineFactory], list] = {}
_idle_lock = threading.Lock()


@contextmanager
def borrowed_pipeline(factory: Optional[PipelineFactory] = None) -> Iterator:
    with _idle_lock:
        spare = _idle.setdefault(factory, [])
        built = spare.pop() if spare else None
    if built is None:
        built = (factory or default_factory)()
    try:
        yield built
    finally:
        with _idle_lock:
            _idle[factory].append(built)


def warm_up(factory: Optional[PipelineFactory] = None) -> bool:
    """Build the pipeline now (at worker start), not on the first document."""
    with borrowed_pipeline(factory):
        return True


def process(item: Item, factory: Optional[PipelineFactory] = None) -> Result:
    if item.error is not None:
        return error_result(item.doc_id, "read", item.error)
    try:
        text = _text_of(item)
    except InputError as exc:
        return error_result(item.doc_id, "read", str(exc))
    except Exception as exc:
        return error_result(item.doc_id, "read", f"{item.doc_id}: {type(exc).__name__}: {exc}")
    try:
        with borrowed_pipeline(factory) as pipeline:
            record = pipeline(text, item.doc_id)
        line = _dumps(record.to_dict())
    except Exception as exc:
        return error_result(item.doc_id, "pipeline", f"{type(exc).__name__}: {exc}")
    return Result(item.doc_id, True, line, len(text.split()))


def process_chunk(items: list[Item], factory: Optional[PipelineFactory] = None) -> list[Result]:
    """For engines that ship work in chunks (Dask): one Result per Item, in order."""
    return [process(item, factory) for item in items]


def error_result(doc_id: str, stage: str, error: str) -> Result:
    message = " ".join(str(error).split())
    if len(message) > MAX_ERROR_CHARS:
        message = message[: MAX_ERROR_CHARS - 1] + "…"
    row = {"doc_id": doc_id, "stage": stage, "error": message, "schema": ERROR_SCHEMA}
    return Result(doc_id, False, _dumps(row), 0)


def _text_of(item: Item) -> str:
    from pipelines import readers

    if item.text is not None:
        return item.text
    if item.data is not None:
        return readers.text_from_bytes(item.data, item.suffix, item.doc_id)
    return readers.read_file(item.path, name=item.doc_id)


def _dumps(row: dict) -> str:
    line = json.dumps(row, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate somewhere: keep the row, escaped
        line = json.dumps(row, ensure_ascii=True)
    return line

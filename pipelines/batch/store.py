"""The output folder of a batch run: append-only JSONL that survives crashes and resumes.

OUT/records.jsonl   one `vigyapti.record/1` per line
OUT/errors.jsonl    one `{"doc_id", "stage", "error", "schema": "vigyapti.error/1"}` per line
OUT/batch.json      what the run reads (input path, columns), so a resume reads the same
OUT/.batch.lock     held while a run writes here, so two runs never interleave

Each row is written and flushed as soon as its document is done; at start the
ids already in either file are read back and skipped. A line cut short by a
crash is trimmed away (its document is simply done again). Only this process
writes here; workers send their rows to it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any, Iterator, Optional

from pipelines.batch.work import Result
from pipelines.errors import VigyaptiError

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "batch.json"
LOCK = ".batch.lock"


class OutputStore:
    def __init__(self, out: Path, manifest: dict[str, Any]):
        self.out = out
        self.manifest = manifest
        self.done: set[str] = set()    # ids with a row in either file
        self.failed: set[str] = set()  # ids with an error row
        self._files: dict[bool, IO[str]] = {}
        self._lock: Optional[int] = None

    def __enter__(self) -> "OutputStore":
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        if self.out.exists() and not self.out.is_dir():
            raise VigyaptiError(f"--out {self.out}: exists and is not a folder")
        self.out.mkdir(parents=True, exist_ok=True)
        self._take_lock()
        self._check_manifest()
        for ok, name in ((True, RECORDS), (False, ERRORS)):
            path = self.out / name
            _trim_partial_line(path)
            ids = set(_read_ids(path))
            self.done.update(ids)
            if not ok:
                self.failed.update(ids)
            self._files[ok] = path.open("a", encoding="utf-8", newline="\n")

    def write(self, result: Result) -> None:
        handle = self._files[result.ok]
        handle.write(result.line + "\n")
        handle.flush()  # a killed run loses at most the document in progress
        self.done.add(result.doc_id)
        if not result.ok:
            self.failed.add(result.doc_id)

    def close(self) -> None:
        for handle in self._files.values():
            try:
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                handle.close()
        self._files.clear()
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def _take_lock(self) -> None:
        descriptor = os.open(self.out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks, run one batch per folder by hand
            self._lock = descriptor
            return
        try:
            # a POSIX record lock: belongs to this process only, so forked workers never hold it
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            raise VigyaptiError(f"another `vigyapti batch` is writing to {self.out}; wait for it or use another --out") from None
        self._lock = descriptor

    def _check_manifest(self) -> None:
        path = self.out / MANIFEST
        if path.exists():
            try:
                previous = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                previous = None
            if previous != self.manifest:
                what = previous.get("input") if isinstance(previous, dict) else "another input"
                raise VigyaptiError(
                    f"{self.out} holds a run over {what} with other options (see {path}); "
                    "give the same INPUT and options to resume, or another --out"
                )
            return
        if any((self.out / name).exists() for name in (RECORDS, ERRORS)):
            raise VigyaptiError(f"{self.out} has records from an unknown run (no {MANIFEST}); use another --out")
        temporary = path.with_name(f".{MANIFEST}.tmp")
        temporary.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)


def _trim_partial_line(path: Path) -> None:
    """Cut a last line left half-written by a crash."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        position = size
        block = 64 * 1024
        while position > 0:
            start = max(0, position - block)
            handle.seek(start)
            data = handle.read(position - start)
            cut = data.rfind(b"\n")
            if cut >= 0:
                handle.truncate(start + cut + 1)
                return
            position = start
        handle.truncate(0)


_ID_PREFIX = '{"doc_id": '


def _read_ids(path: Path) -> Iterator[str]:
    """The doc_id of every complete row; rows we wrote start with it, so the rest need not be parsed."""
    if not path.exists():
        return
    decoder = json.JSONDecoder()
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.rstrip().endswith("}"):
                continue
            try:
                if line.startswith(_ID_PREFIX):
                    doc_id = decoder.raw_decode(line, len(_ID_PREFIX))[0]
                else:
                    doc_id = json.loads(line).get("doc_id")
            except (ValueError, AttributeError):
                continue
            if isinstance(doc_id, str):
                yield doc_id


def read_rows(path: Path) -> Iterator[dict]:
    """The JSON objects of a JSONL output file, skipping lines a crash may have damaged."""
    if not path.exists():
        return
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                yield row

"""What a batch run reads: a folder of documents, a JSONL or CSV file with a text column, or one document.

Every input document becomes exactly one `Item` with an id:
- folder: the path relative to the folder, with `/` (`2021/feb/release.txt`);
- JSONL: the id column's value, else the line number (`"7"`);
- CSV: the id column's value, else the data row number (`"1"` is the row after the header).
A row that cannot be read (bad JSON, no text, a repeated id) is still an
Item: one carrying the reason, so it becomes an error row. Rows whose own id
cannot be used are named `line N` (JSONL) or `row N` (CSV).

Ids are data: they are written into records, never used as file names.
"""
from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from pipelines.errors import InputError, VigyaptiError
from pipelines.inputs import MAX_BYTES
from pipelines.readers import DOCUMENT_SUFFIXES

TABLE_SUFFIXES = (".jsonl", ".csv")


@dataclass
class Item:
    """One input document on its way to a worker."""

    doc_id: str
    path: Optional[str] = None    # a file the worker reads (folder input)
    text: Optional[str] = None    # text given inline (JSONL/CSV input)
    data: Optional[bytes] = None  # a file's bytes, read before shipping to a remote worker
    error: Optional[str] = None   # why this row cannot be processed

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower() if self.path else ""


class Source:
    """A corpus: `items()` yields one Item per document, in input order."""

    kind = "source"

    def __init__(self, path: Path):
        self.path = path

    def describe(self) -> dict[str, Any]:
        """What identifies this input, stored in the output folder so a resume reads the same thing."""
        return {"input": str(self.path.resolve()), "kind": self.kind}

    def count(self) -> int:
        raise NotImplementedError

    def items(self) -> Iterator[Item]:
        raise NotImplementedError

    def notes(self) -> list[str]:
        """Things the user should know about the input (files that are not documents ...)."""
        return []


class FolderSource(Source):
    """Every .txt, .html, .htm and .pdf file under a folder; hidden files and the output folder are skipped."""

    kind = "folder"

    def __init__(self, path: Path, exclude: Optional[Path] = None):
        super().__init__(path)
        self.exclude = exclude.resolve() if exclude else None
        self.ignored: Counter[str] = Counter()
        self._files = self._walk()

    def _walk(self) -> list[tuple[str, str]]:
        found = []
        for folder, subfolders, files in os.walk(self.path, followlinks=False):
            here = Path(folder)
            subfolders[:] = sorted(d for d in subfolders
                                   if not d.startswith(".") and (here / d).resolve() != self.exclude)
            for name in files:
                if name.startswith("."):
                    continue
                suffix = Path(name).suffix.lower()
                if suffix not in DOCUMENT_SUFFIXES:
                    self.ignored[suffix or "(no suffix)"] += 1
                    continue
                file = here / name
                found.append((_printable(file.relative_to(self.path).as_posix()), str(file)))
        found.sort()
        return found

    def count(self) -> int:
        return len(self._files)

    def items(self) -> Iterator[Item]:
        for doc_id, path in self._files:
            yield Item(doc_id, path=path)

    def notes(self) -> list[str]:
        if not self.ignored:
            return []
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(self.ignored.items()))
        return [f"ignored {sum(self.ignored.values())} files that are not documents ({kinds})"]


class FileSource(Source):
    """A single .txt, .html or .pdf document; its id is the file name."""

    kind = "file"

    def count(self) -> int:
        return 1

    def items(self) -> Iterator[Item]:
        yield Item(self.path.name, path=str(self.path))


class _RowSource(Source):
    """Shared by JSONL and CSV: a text column, an optional id column, unique ids."""

    unnamed = "line"

    def __init__(self, path: Path, text_column: str, id_column: Optional[str]):
        super().__init__(path)
        self.text_column, self.id_column = text_column, id_column

    def describe(self) -> dict[str, Any]:
        return {**super().describe(), "text_column": self.text_column, "id_column": self.id_column}

    def _item(self, number: int, row: dict[str, Any], seen: dict[str, int]) -> Item:
        """The Item for one parsed row: its id checked for uniqueness, its text checked."""
        fallback = f"{self.unnamed} {number}"
        if self.id_column is None:
            doc_id = str(number)
        else:
            value = row.get(self.id_column)
            if value is None or value == "" or isinstance(value, (dict, list)):
                return Item(fallback, error=f"{fallback}: no usable id in column '{self.id_column}'")
            doc_id = _printable(str(value))
        if doc_id in seen:
            return Item(fallback, error=f"{fallback}: id {doc_id!r} repeats {self.unnamed} {seen[doc_id]}; ids must be unique")
        seen[doc_id] = number
        text = row.get(self.text_column)
        if not isinstance(text, str):
            found = "missing" if text is None else f"a {type(text).__name__}, not text"
            return Item(doc_id, error=f"{doc_id}: column '{self.text_column}' is {found}")
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:  # undecodable CSV bytes, or a lone \\ud800 escape in JSON
            return Item(doc_id, error=f"{doc_id}: the text is not valid UTF-8")
        if size > MAX_BYTES:
            return Item(doc_id, error=f"{doc_id}: {size:,} bytes of text is over the {MAX_BYTES:,}-byte limit for one document")
        return Item(doc_id, text=text)


class JsonlSource(_RowSource):
    """One JSON object per line; blank lines are skipped but still counted for line numbers."""

    kind = "jsonl"

    def __init__(self, path: Path, text_column: str, id_column: Optional[str]):
        super().__init__(path, text_column, id_column)
        self._check_columns()

    def _check_columns(self) -> None:
        """Refuse the whole run when the first readable row lacks the columns (a typo, not bad data)."""
        for _, line in self._lines():
            try:
                first = json.loads(line)
            except ValueError:
                continue
            if isinstance(first, dict):
                for column in (self.text_column, self.id_column):
                    if column is not None and column not in first:
                        raise VigyaptiError(f"{self.path}: the first row has no '{column}' key "
                                            f"(keys: {', '.join(map(str, first)) or 'none'}); see --text-column/--id-column")
            return

    def _lines(self) -> Iterator[tuple[int, bytes]]:
        try:
            with self.path.open("rb") as handle:
                for number, line in enumerate(handle, start=1):
                    if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                        line = line[3:]
                    if line.strip():
                        yield number, line
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from None

    def count(self) -> int:
        return sum(1 for _ in self._lines())

    def items(self) -> Iterator[Item]:
        seen: dict[str, int] = {}
        for number, line in self._lines():
            try:
                row = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield Item(f"line {number}", error=f"line {number}: not valid UTF-8")
                continue
            except ValueError as exc:
                yield Item(f"line {number}", error=f"line {number}: not valid JSON ({exc})")
                continue
            if not isinstance(row, dict):
                yield Item(f"line {number}", error=f"line {number}: a JSON {type(row).__name__}, not an object")
                continue
            yield self._item(number, row, seen)


class CsvSource(_RowSource):
    """A CSV file with a header row; quoted fields may span lines, so ids count rows, not lines."""

    kind = "csv"
    unnamed = "row"

    def __init__(self, path: Path, text_column: str, id_column: Optional[str]):
        super().__init__(path, text_column, id_column)
        header = next(self._rows(), None)
        if header is None:
            raise VigyaptiError(f"{self.path}: empty CSV file (no header row)")
        for column in (text_column, id_column):
            if column is not None and column not in header:
                raise VigyaptiError(f"{self.path}: no column '{column}' in the header "
                                    f"({', '.join(header)}); see --text-column/--id-column")
        self.header = header

    def _rows(self) -> Iterator[list[str]]:
        # surrogateescape lets one bad row become an error row instead of stopping the file
        csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES + 1))
        try:
            with self.path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
                for row in csv.reader(handle):
                    if row:
                        yield row
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from None
        except csv.Error as exc:
            raise VigyaptiError(f"{self.path}: malformed CSV ({exc})") from None

    def count(self) -> int:
        return max(0, sum(1 for _ in self._rows()) - 1)

    def items(self) -> Iterator[Item]:
        seen: dict[str, int] = {}
        rows = self._rows()
        next(rows, None)
        for number, values in enumerate(rows, start=1):
            if len(values) != len(self.header):
                yield Item(f"row {number}", error=f"row {number}: {len(values)} fields where the header has {len(self.header)}")
                continue
            yield self._item(number, dict(zip(self.header, values)), seen)


def _printable(doc_id: str) -> str:
    """An id that can be written as UTF-8: undecodable bytes (from file names or CSV) become \\udcNN escapes."""
    try:
        doc_id.encode("utf-8")
        return doc_id
    except UnicodeEncodeError:
        return doc_id.encode("utf-8", "backslashreplace").decode("utf-8")


def open_source(path: str, text_column: str = "text", id_column: Optional[str] = None,
                exclude: Optional[str] = None) -> Source:
    """The Source for INPUT: a folder, a .jsonl/.csv file, or one document file."""
    input_path = Path(path)
    if not input_path.exists():
        raise InputError(f"{path}: no such file or folder")
    if input_path.is_dir():
        if id_column is not None:
            raise VigyaptiError("--id-column applies to .jsonl and .csv input; folder documents are named by their paths")
        return FolderSource(input_path, Path(exclude) if exclude else None)
    suffix = input_path.suffix.lower()
    if suffix == ".jsonl":
        return JsonlSource(input_path, text_column, id_column)
    if suffix == ".csv":
        return CsvSource(input_path, text_column, id_column)
    if suffix in DOCUMENT_SUFFIXES:
        return FileSource(input_path)
    raise InputError(f"{path}: expected a folder, a .jsonl or .csv file, or a {'/'.join(sorted(DOCUMENT_SUFFIXES))} document")

"""Find the documents of an annotated split: `<id>.txt` beside `<id>.json`.

A split (`corpora/annotated/dev`, `corpora/annotated/test`) is a folder of
pairs. Texts are read exactly as the CLI reads a document
(`pipelines.inputs.read_document`), so gold offsets and pipeline offsets
are measured on the same string.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from pipelines.errors import VigyaptiError
from pipelines.inputs import read_document
from pipelines.record import Record


@dataclass(frozen=True)
class DocumentFiles:
    doc_id: str
    text_path: Optional[Path]
    json_path: Optional[Path]


@dataclass
class GoldDocument:
    doc_id: str
    text: str
    record: Record
    data: dict  # the gold JSON as written, for checks the dataclasses cannot make


def list_split(folder: Union[str, Path]) -> list[DocumentFiles]:
    """Every document id in the folder, with whichever of its two files exist."""
    root = Path(folder)
    if not root.is_dir():
        raise VigyaptiError(f"{folder}: no such folder (expected annotated .txt/.json pairs)")
    ids = sorted({p.stem for p in root.iterdir() if p.suffix in (".txt", ".json") and p.is_file()})
    return [
        DocumentFiles(doc_id, _existing(root / f"{doc_id}.txt"), _existing(root / f"{doc_id}.json"))
        for doc_id in ids
    ]


def _existing(path: Path) -> Optional[Path]:
    return path if path.is_file() else None


def count_documents(folder: Union[str, Path]) -> int:
    """Complete pairs in a folder (0 when the folder does not exist)."""
    if not Path(folder).is_dir():
        return 0
    return sum(1 for files in list_split(folder) if files.text_path and files.json_path)


def read_text(path: Path) -> str:
    return read_document(str(path))


def load_json(path: Path) -> dict:
    """The JSON object in a file; VigyaptiError with line and column when it does not parse."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise VigyaptiError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VigyaptiError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise VigyaptiError(f"{path}: expected a JSON object (a record), found {type(data).__name__}")
    return data


def load_document(files: DocumentFiles) -> GoldDocument:
    """One gold document; raises VigyaptiError when either file is missing or unreadable."""
    if files.text_path is None or files.json_path is None:
        missing = f"{files.doc_id}.txt" if files.text_path is None else f"{files.doc_id}.json"
        raise VigyaptiError(f"{files.doc_id}: {missing} is missing")
    data = load_json(files.json_path)
    try:
        record = Record.from_dict(data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise VigyaptiError(f"{files.json_path}: does not fit the record schema ({exc})") from None
    return GoldDocument(files.doc_id, read_text(files.text_path), record, data)

"""Load the data files under nlp/data once per process.

Lexicons are data, not code: each file names its source in a leading
`#` comment. Keys are folded (see `nlp.normalize.fold`) so spelling
variants with and without nukta or chandrabindu meet.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files("nlp") / "data"))


def data_path(name: str) -> Path:
    return DATA_DIR / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; `#` lines before the header are comments."""
    with open(data_path(name), encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_list(name: str) -> list[str]:
    """Non-comment, non-blank lines of a plain-text data file."""
    with open(data_path(name), encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    return frozenset(read_list("abbreviations_hi.txt"))

"""Evaluation tables as text: the terminal view, Markdown, and JSON-safe records.

Scores print with three decimals and undefined ones (NaN: nothing in gold
and nothing predicted) as '-', the same in the terminal and in report.md.
"""
from __future__ import annotations

import math
from typing import Any, Sequence

import pandas as pd

FIELD_COLUMNS = ["label", "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "f1"]
SLOT_COLUMNS = ["label", "applicable", "correct", "accuracy"]
SUMMARY_COLUMNS = ["doc_id", "rouge1", "rouge2", "rougeL", "unsupported"]
HEADERS = {"label": "field", "tp": "TP", "fp": "FP", "fn": "FN", "precision": "P", "recall": "R", "f1": "F1",
           "applicable": "officers with gold value", "accuracy": "accuracy", "doc_id": "document",
           "rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "unsupported": "unsupported facts"}


def cell(value: Any) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def _cells(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    header = [HEADERS.get(c, c) for c in columns]
    rows = [[cell(v) for v in row] for row in frame[list(columns)].itertuples(index=False)]
    return header, rows


def text_table(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    """An aligned plain-text table: text left, numbers right."""
    header, rows = _cells(frame, columns)
    widths = [max(len(x) for x in col) for col in zip(header, *rows)]
    numeric = [i > 0 or columns[0] not in ("label", "doc_id") for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def markdown_table(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    header, rows = _cells(frame, columns)
    align = ["---" if c in ("label", "doc_id") else "---:" for c in columns]
    esc = lambda s: s.replace("|", "\\|")  # noqa: E731
    return "\n".join("| " + " | ".join(map(esc, r)) + " |" for r in [header, align] + rows)


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as dicts with NaN as None and numpy scalars as Python numbers."""
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: json_value(v) for k, v in row.items()})
    return out


def json_value(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value

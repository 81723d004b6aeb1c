"""Records as tables: documents, officers, posts, places, figures and errors.

    from pipelines.tables import records_to_tables
    tables = records_to_tables(records)          # Record objects or their dicts
    tables["figures"].groupby("unit").value.sum()

The tables are flat and typed (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN) so
they load unchanged into pandas, Parquet, SQLite or PostgreSQL. Every table
has `doc_id`; child rows keep their position in the record (`officer_index`,
`post_index`, ...) so they join back to it. Table and column names come only
from `COLUMNS`; values always travel as query parameters.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

import pandas as pd

from pipelines.record import Record

# table -> ((column, SQL type), ...); the SQL types are the common subset of SQLite and PostgreSQL
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "TEXT"), ("language", "TEXT"),
        ("dateline_date", "TEXT"), ("dateline_text", "TEXT"),
        ("dateline_places_hi", "TEXT"), ("dateline_places_en", "TEXT"),
        ("n_officers", "INTEGER"), ("n_people", "INTEGER"), ("n_places", "INTEGER"),
        ("n_organizations", "INTEGER"), ("n_figures", "INTEGER"),
        ("n_phones", "INTEGER"), ("n_emails", "INTEGER"), ("phones", "TEXT"), ("emails", "TEXT"),
        ("summary_en", "TEXT"), ("warnings", "TEXT"), ("record_schema", "TEXT"),
    ),
    "officers": (
        ("doc_id", "TEXT"), ("officer_index", "INTEGER"),
        ("name_hi", "TEXT"), ("name_en", "TEXT"), ("honorific", "TEXT"), ("service", "TEXT"),
        ("n_posts", "INTEGER"), ("n_mentions", "INTEGER"), ("n_quotes", "INTEGER"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ),
    "posts": (
        ("doc_id", "TEXT"), ("officer_index", "INTEGER"), ("post_index", "INTEGER"),
        ("title_hi", "TEXT"), ("title_en", "TEXT"), ("district_en", "TEXT"), ("state_en", "TEXT"),
        ("is_current", "BOOLEAN"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ),
    "places": (
        ("doc_id", "TEXT"), ("place_index", "INTEGER"), ("source", "TEXT"),
        ("name_hi", "TEXT"), ("name_en", "TEXT"), ("place_type", "TEXT"),
        ("district_en", "TEXT"), ("state_en", "TEXT"), ("n_mentions", "INTEGER"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ),
    "figures": (
        ("doc_id", "TEXT"), ("figure_index", "INTEGER"), ("figure_text", "TEXT"),
        ("value", "DOUBLE PRECISION"), ("unit", "TEXT"), ("of_noun", "TEXT"),
        ("officer_index", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ),
    "errors": (("doc_id", "TEXT"), ("stage", "TEXT"), ("error", "TEXT")),
}
TABLES = tuple(COLUMNS)
FORMATS = ("csv", "parquet", "sqlite")
SQLITE_FILE = "tables.sqlite"

_PANDAS_DTYPES = {"TEXT": "string", "INTEGER": "Int64", "DOUBLE PRECISION": "Float64", "BOOLEAN": "boolean"}
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
assert all(_IDENTIFIER.match(t) and all(_IDENTIFIER.match(c) for c, _ in cols) for t, cols in COLUMNS.items())

RecordLike = Union[Record, Mapping[str, Any]]


def records_to_tables(records: Iterable[RecordLike], errors: Iterable[Mapping[str, Any]] = ()) -> dict[str, pd.DataFrame]:
    """One typed DataFrame per table in `TABLES`, rows sorted by doc_id (numbers in ids sort as numbers)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        data = record.to_dict() if isinstance(record, Record) else record
        _add_record(rows, data)
    for error in errors:
        rows["errors"].append({"doc_id": error.get("doc_id"), "stage": error.get("stage"), "error": error.get("error")})
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}


def _add_record(rows: dict[str, list[dict[str, Any]]], record: Mapping[str, Any]) -> None:
    doc_id = record.get("doc_id")
    dateline = record.get("dateline") or {}
    dateline_places = dateline.get("places") or []
    contacts = record.get("contacts") or {}
    phones, emails = contacts.get("phones") or [], contacts.get("emails") or []
    officers, figures = record.get("officers") or [], record.get("figures") or []
    places = record.get("places") or []
    rows["documents"].append({
        "doc_id": doc_id, "language": record.get("language"),
        "dateline_date": dateline.get("date"), "dateline_text": dateline.get("date_text"),
        "dateline_places_hi": _join(p.get("name_hi") for p in dateline_places),
        "dateline_places_en": _join(p.get("name_en") for p in dateline_places),
        "n_officers": len(officers), "n_people": len(record.get("people") or []), "n_places": len(places),
        "n_organizations": len(record.get("organizations") or []), "n_figures": len(figures),
        "n_phones": len(phones), "n_emails": len(emails),
        "phones": _join(p.get("number") for p in phones), "emails": _join(e.get("address") for e in emails),
        "summary_en": record.get("summary_en") or None, "warnings": _join(record.get("warnings") or [], "\n"),
        "record_schema": record.get("schema"),
    })
    figure_owner: dict[int, int] = {}
    for o_index, officer in enumerate(officers):
        mentions = officer.get("mentions") or []
        first = mentions[0] if mentions else {}
        posts = officer.get("posts") or []
        rows["officers"].append({
            "doc_id": doc_id, "officer_index": o_index, "name_hi": officer.get("name_hi"),
            "name_en": officer.get("name_en"), "honorific": officer.get("honorific"), "service": officer.get("service"),
            "n_posts": len(posts), "n_mentions": len(mentions), "n_quotes": len(officer.get("quotes") or []),
            "start_char": first.get("start"), "end_char": first.get("end"),
        })
        for p_index, post in enumerate(posts):
            rows["posts"].append({
                "doc_id": doc_id, "officer_index": o_index, "post_index": p_index,
                "title_hi": post.get("title_hi"), "title_en": post.get("title_en"),
                "district_en": post.get("district_en"), "state_en": post.get("state_en"),
                "is_current": post.get("current"), "start_char": post.get("start"), "end_char": post.get("end"),
            })
        for f_index in officer.get("figures") or []:
            figure_owner.setdefault(f_index, o_index)
    for index, place in enumerate(dateline_places):
        rows["places"].append({
            "doc_id": doc_id, "place_index": index, "source": "dateline", "name_hi": place.get("name_hi"),
            "name_en": place.get("name_en"), "place_type": None, "district_en": None, "state_en": None,
            "n_mentions": 1, "start_char": place.get("start"), "end_char": place.get("end"),
        })
    for index, place in enumerate(places):
        mentions = place.get("mentions") or []
        first = mentions[0] if mentions else {}
        rows["places"].append({
            "doc_id": doc_id, "place_index": index, "source": "text", "name_hi": place.get("name_hi"),
            "name_en": place.get("name_en"), "place_type": place.get("type"),
            "district_en": place.get("district_en"), "state_en": place.get("state_en"),
            "n_mentions": len(mentions), "start_char": first.get("start"), "end_char": first.get("end"),
        })
    for index, figure in enumerate(figures):
        rows["figures"].append({
            "doc_id": doc_id, "figure_index": index, "figure_text": figure.get("text"),
            "value": figure.get("value"), "unit": figure.get("unit"), "of_noun": figure.get("of"),
            "officer_index": figure_owner.get(index), "start_char": figure.get("start"), "end_char": figure.get("end"),
        })


def _join(values: Iterable[Any], separator: str = "; ") -> Optional[str]:
    kept = [str(v) for v in values if v not in (None, "")]
    return separator.join(kept) if kept else None


def _natural_key(value: Any) -> tuple:
    """'doc2' before 'doc10', '9' before '10'."""
    return tuple((0, int(part), "") if part.isascii() and part.isdecimal() else (1, 0, part)
                 for part in re.split(r"(\d+)", "" if value is None else str(value)) if part)


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = COLUMNS[name]
    frame = pd.DataFrame(
        {column: pd.array([row.get(column) for row in rows], dtype=_PANDAS_DTYPES[sql])
         for column, sql in columns}
    )
    if len(frame):
        order = sorted(range(len(rows)), key=lambda i: _natural_key(rows[i].get("doc_id")))
        frame = frame.iloc[order].reset_index(drop=True)  # stable: child rows keep their record order
    return frame


# ---------------------------------------------------------------- SQL


def create_statements() -> list[str]:
    """DDL for every table and its doc_id index, valid as written in SQLite and PostgreSQL."""
    statements = []
    for table, columns in COLUMNS.items():
        definitions = [f"{column} {sql}" + (" NOT NULL" if column == "doc_id" else "") for column, sql in columns]
        if table == "documents":
            definitions.append("PRIMARY KEY (doc_id)")
        statements.append(f"CREATE TABLE {table} ({', '.join(definitions)})")
        if table != "documents":  # the primary key already indexes documents.doc_id
            statements.append(f"CREATE INDEX {table}_doc_id ON {table} (doc_id)")
    return statements


def write_database(tables: Mapping[str, pd.DataFrame], connection) -> None:
    """Create the tables in an empty DB-API database (sqlite3, psycopg ...) and insert the rows with parameters."""
    placeholder = _placeholder(connection)
    cursor = connection.cursor()
    for statement in create_statements():
        cursor.execute(statement)
    for table, columns in COLUMNS.items():
        frame = tables.get(table)
        if frame is None or not len(frame):
            continue
        names = [column for column, _ in columns]
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join([placeholder] * len(names))})"
        cursor.executemany(sql, _plain_rows(frame, names))
    connection.commit()


def _placeholder(connection) -> str:
    module = sys.modules.get(type(connection).__module__.split(".")[0])
    style = getattr(module, "paramstyle", "qmark")
    return {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(style, "?")


def _plain_rows(frame: pd.DataFrame, names: list[str]):
    """Rows of Python values (None for missing) that every DB-API driver binds."""
    values = frame[names].astype(object)
    for row in values.itertuples(index=False, name=None):
        yield tuple(None if _missing(v) else (v.item() if hasattr(v, "item") else v) for v in row)


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- files


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Union[str, Path], fmt: str) -> list[Path]:
    """Write the tables as CSV or Parquet files (one per table) or one SQLite file; each file appears whole or not at all."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "sqlite":
        return [_write_sqlite(tables, out / SQLITE_FILE)]
    written = []
    for table in TABLES:
        frame = tables.get(table)
        if frame is None:
            frame = _frame(table, [])
        target = out / f"{table}.{fmt}"
        temporary = target.with_name(f".{target.name}.tmp")
        if fmt == "csv":
            frame.to_csv(temporary, index=False, encoding="utf-8")
        else:
            frame.to_parquet(temporary, index=False)
        os.replace(temporary, target)
        written.append(target)
    return written


def _write_sqlite(tables: Mapping[str, pd.DataFrame], target: Path) -> Path:
    import sqlite3

    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        write_database(tables, connection)
    finally:
        connection.close()
    os.replace(temporary, target)
    return target

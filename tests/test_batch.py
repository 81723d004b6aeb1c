"""`vigyapti batch`: one row per input document, resumable after a kill, hostile ids, tables, Dask = local."""
from __future__ import annotations

import csv
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipelines.batch import BatchOptions, run_batch
from pipelines.errors import VigyaptiError
from pipelines.record import Record
from conftest import make_text_pdf
from pipelines.tables import COLUMNS, TABLES, create_statements, records_to_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "corpora" / "samples" / "press_release_webinar.txt").read_text(encoding="utf-8")
VIGYAPTI = Path(sys.executable).with_name("vigyapti")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>विज्ञप्ति</title>
<script>var contact = "script@example.com";</script></head><body>
<nav><a href="/">मुखपृष्ठ</a> <a href="/contact">nav@example.com</a></nav>
<article><p>लखनऊ, 6 फरवरी, 2021: जिलाधिकारी ने आज 14 लाख रुपये की योजना की समीक्षा की।</p>
<p>अधिक जानकारी के लिए main@example.com पर संपर्क करें।</p></article></body></html>"""


def variant(i: int) -> str:
    """The sample release with its figures changed, so documents differ."""
    return SAMPLE.replace("14 लाख", f"{i + 2} लाख")


def batch(*args, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([str(VIGYAPTI), "batch", *map(str, args)], capture_output=True, text=True, timeout=timeout)


def rows(out: Path) -> tuple[dict[str, dict], dict[str, dict], list[str]]:
    """Records and error rows by doc_id, and every doc_id in the order written (to catch repeats)."""
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    errors_path = out / "errors.jsonl"
    errors = [json.loads(line) for line in errors_path.read_text(encoding="utf-8").splitlines()] if errors_path.exists() else []
    ids = [row["doc_id"] for row in records + errors]
    return {r["doc_id"]: r for r in records}, {e["doc_id"]: e for e in errors}, ids


def make_pdf(path: Path) -> bool:
    """A small PDF with a text layer (Hindi when a Devanagari font exists); returns whether Hindi was written."""
    return make_text_pdf(path, "पटना, 9 मार्च, 2021: जिलाधिकारी ने बैठक की।", "Contact: pdf@example.com")


def files_under(folder: Path, skip: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*") if skip not in p.parents and p != skip}


# ---------------------------------------------------------------- a mixed folder


def test_mixed_folder_gives_exactly_one_row_per_document(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "2021" / "feb").mkdir(parents=True)
    (corpus / "a.txt").write_text(variant(1), encoding="utf-8")
    (corpus / "2021" / "feb" / "b.txt").write_text(variant(2), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "latin1.txt").write_bytes("café in Windows-1252".encode("cp1252"))
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    hindi_pdf = make_pdf(corpus / "release.pdf")
    (corpus / "notes.md").write_text("not a document", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"

    result = batch(corpus, "--out", out, "--workers", "2")

    assert result.returncode == 1, result.stderr  # finished, with error rows
    assert "5 done, 2 failed, 0 skipped" in result.stderr
    assert "ignored 1 files that are not documents (1 .md)" in result.stderr
    assert "%|" not in result.stderr  # no progress bar when stderr is not a terminal
    records, errors, ids = rows(out)
    expected = {"a.txt", "2021/feb/b.txt", "empty.txt", "binary.txt", "latin1.txt", "page.html", "release.pdf"}
    assert sorted(ids) == sorted(expected)  # each exactly once
    assert set(errors) == {"binary.txt", "latin1.txt"}
    assert errors["binary.txt"]["stage"] == "read" and "binary" in errors["binary.txt"]["error"]
    assert "not UTF-8" in errors["latin1.txt"]["error"]
    assert [e["address"] for e in records["page.html"]["contacts"]["emails"]] == ["main@example.com"]
    assert records["page.html"]["dateline"]["date"] == "2021-02-06"
    assert [e["address"] for e in records["release.pdf"]["contacts"]["emails"]] == ["pdf@example.com"]
    if hindi_pdf:
        assert records["release.pdf"]["dateline"]["date"] == "2021-03-09"
    assert any("empty" in w for w in records["empty.txt"]["warnings"])
    assert records["a.txt"]["schema"] == "vigyapti.record/1"
    assert records["a.txt"]["dateline"]["places"][0]["name_en"] == "New Delhi"
    documents = pd.read_csv(out / "documents.csv")
    assert sorted(documents.doc_id) == sorted(records)
    assert sorted(pd.read_csv(out / "errors.csv").doc_id) == ["binary.txt", "latin1.txt"]
    figures = pd.read_csv(out / "figures.csv")
    assert set(figures.doc_id) >= {"a.txt", "2021/feb/b.txt"}


def test_progress_bar_shows_documents_and_words_per_second_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty")
    import fcntl
    import select
    import struct
    import termios

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"doc{i}.txt").write_text(variant(i), encoding="utf-8")
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    process = subprocess.Popen([str(VIGYAPTI), "batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        try:
            chunk = os.read(controller, 65536) if ready else b""
        except OSError:  # the terminal closed: the command ended
            chunk = b""
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    text = shown.decode("utf-8", "replace")
    assert "3/3" in text and re.search(r"doc/s, [\d,]+ words/s\]", text), text
    assert "3 done, 0 failed" in text


# ---------------------------------------------------------------- interrupted and killed runs


def wait_for_lines(path: Path, at_least: int, process: subprocess.Popen, deadline_s: float = 180) -> int:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be stopped: {process.stderr.read()}")
        if path.exists():
            lines = path.read_bytes().count(b"\n")
            if lines >= at_least:
                return lines
        time.sleep(0.02)
    pytest.fail(f"no {at_least} records within {deadline_s} s")


def _sigint_as_usual() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def test_interrupted_then_killed_run_resumes_with_every_document_exactly_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 200  # enough that the run is still going when the signal arrives
    for i in range(total):
        (corpus / f"doc{i:03d}.txt").write_text(variant(i), encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then a lone surrogate
    out = tmp_path / "out"
    command = [str(VIGYAPTI), "batch", str(corpus), "--out", str(out), "--workers", "2", "--format", "jsonl"]
    records_file = out / "records.jsonl"

    # Ctrl-C: the run stops cleanly, says so, and keeps what it wrote
    # Ctrl-C must reach the CLI as Ctrl-C: a child inherits an ignored or blocked SIGINT from this process
    # (threads started by earlier tests can leave it so), and Python then never raises KeyboardInterrupt
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_sigint_as_usual)
    wait_for_lines(records_file, 5, first)
    first.send_signal(signal.SIGINT)
    assert first.wait(timeout=60) == 130
    assert "interrupted" in first.stderr.read()

    # SIGKILL: no clean-up at all, and a half-written last line
    second = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    before_kill = wait_for_lines(records_file, rows_so_far(out) + 10, second)
    second.kill()
    second.wait(timeout=60)
    assert before_kill < total
    with records_file.open("a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "doc999.txt", "language": "h')  # a write cut short by the kill

    third = batch(*command[2:])
    assert third.returncode == 1, third.stderr  # bad.txt is an error row
    records, errors, ids = rows(out)
    assert len(ids) == len(set(ids)) == total + 1
    assert set(ids) == {f"doc{i:03d}.txt" for i in range(total)} | {"bad.txt"}
    assert errors["bad.txt"]["stage"] == "read"
    skipped = int(third.stderr.split(" skipped")[0].rsplit(", ", 1)[1].replace(",", ""))
    assert skipped >= before_kill


def rows_so_far(out: Path) -> int:
    return sum(p.read_bytes().count(b"\n") for p in (out / "records.jsonl", out / "errors.jsonl") if p.exists())


# ---------------------------------------------------------------- JSONL and CSV input, hostile ids, SQLite


@pytest.fixture(scope="module")
def jsonl_run(tmp_path_factory):
    area = tmp_path_factory.mktemp("jsonl")
    source = area / "input" / "docs.jsonl"
    source.parent.mkdir()
    lines = [
        json.dumps({"id": "../../etc/passwd", "text": variant(1)}, ensure_ascii=False),
        json.dumps({"id": "/tmp/absolute", "text": variant(2)}, ensure_ascii=False),
        json.dumps({"id": "records.jsonl", "text": PAGE}, ensure_ascii=False),
        "",
        json.dumps({"id": 42, "text": "पटना, 9 मार्च, 2021: बैठक हुई।"}, ensure_ascii=False),
        json.dumps({"id": "42", "text": "the same id again"}),
        json.dumps({"id": "no-text"}),
        "{not json",
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = area / "out"
    before = files_under(area, out)
    result = batch(source, "--out", out, "--id-column", "id", "--format", "sqlite", "--workers", "1")
    return area, out, before, result


def test_jsonl_ids_are_data_never_paths(jsonl_run):
    area, out, before, result = jsonl_run
    assert result.returncode == 1, result.stderr
    records, errors, ids = rows(out)
    assert set(records) == {"../../etc/passwd", "/tmp/absolute", "records.jsonl", "42"}
    assert set(errors) == {"line 6", "no-text", "line 8"}  # the repeated id, no text, bad JSON
    assert "repeats line 5" in errors["line 6"]["error"]
    assert "'text' is missing" in errors["no-text"]["error"]
    assert "not valid JSON" in errors["line 8"]["error"]
    assert len(ids) == 7
    assert files_under(area, out) == before  # nothing written outside OUT
    assert {p.name for p in out.iterdir()} == {"records.jsonl", "errors.jsonl", "batch.json", ".batch.lock", "tables.sqlite"}


def test_sqlite_output_has_every_table_indexed_by_doc_id_and_reloads_in_pandas(jsonl_run):
    _, out, _, _ = jsonl_run
    connection = sqlite3.connect(out / "tables.sqlite")
    try:
        names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names == set(TABLES)
        for table in TABLES:
            indexed = [connection.execute(f"PRAGMA index_info({index[1]})").fetchall()
                       for index in connection.execute(f"PRAGMA index_list({table})")]
            assert any(info and info[0][2] == "doc_id" for info in indexed), table
        frames = {table: pd.read_sql_query(f"SELECT * FROM {table}", connection) for table in TABLES}
    finally:
        connection.close()
    assert sorted(frames["documents"].doc_id) == sorted(["../../etc/passwd", "/tmp/absolute", "records.jsonl", "42"])
    assert sorted(frames["errors"].doc_id) == ["line 6", "line 8", "no-text"]
    assert list(frames["figures"].columns) == [c for c, _ in COLUMNS["figures"]]
    inr = frames["figures"][frames["figures"].unit == "INR"]
    assert set(inr.value) >= {300000.0, 400000.0}  # "3 लाख रुपये", "4 लाख रुपये" from the two variants


def test_csv_input_with_id_column_and_parquet_tables(tmp_path):
    source = tmp_path / "docs.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "headline", "text"])
        writer.writerow(["r-1", "बैठक", variant(3)])  # quoted, many lines
        writer.writerow(["..\\..\\windows", "x", "पटना, 9 मार्च, 2021: बैठक हुई।"])
        writer.writerow(["", "no id", "पटना में बैठक"])
        writer.writerow(["r-4", "short row"])
    out = tmp_path / "out"

    result = batch(source, "--out", out, "--id-column", "id", "--format", "parquet", "--workers", "1")

    assert result.returncode == 1, result.stderr
    records, errors, ids = rows(out)
    assert set(records) == {"r-1", "..\\..\\windows"}
    assert set(errors) == {"row 3", "row 4"}
    assert "no usable id" in errors["row 3"]["error"] and "2 fields where the header has 3" in errors["row 4"]["error"]
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents.doc_id) == sorted(records)
    assert str(documents.n_figures.dtype) == "Int64"
    assert len(pd.read_parquet(out / "errors.parquet")) == 2


def test_jsonl_without_id_column_uses_line_numbers(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"body": "पटना में बैठक"}, ensure_ascii=False) + "\n\n"
                      + json.dumps({"body": "लखनऊ में बैठक"}, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run_batch(BatchOptions(str(source), str(tmp_path / "out"), fmt="jsonl", workers=1, text_column="body"))
    records, errors, _ = rows(tmp_path / "out")
    assert set(records) == {"1", "3"} and not errors
    assert (summary.done, summary.failed) == (2, 0)


def test_the_ner_switch_reaches_every_worker(tmp_path):
    source = tmp_path / "docs.jsonl"
    texts = ["पटना। टीम ने कटेया बाजार और हरपुर कोठी में निरीक्षण किया।", "लखनऊ में बैठक हुई।"]
    source.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    result = batch(source, "--out", tmp_path / "out", "--format", "jsonl", "--workers", 2, "--ner", "--quiet")
    assert result.returncode == 0, result.stderr
    records, errors, _ = rows(tmp_path / "out")
    assert not errors
    assert "हरपुर कोठी" in {p["name_hi"] for p in records["1"]["places"]}
    assert {p["name_hi"] for p in records["2"]["places"]} == {"लखनऊ"}


def test_a_missing_column_is_one_error_for_the_run(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text('{"body": "x"}\n', encoding="utf-8")
    result = batch(source, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"vigyapti: error: {source}: the first row has no 'text' key (keys: body); see --text-column/--id-column"]


# ---------------------------------------------------------------- worker failures (API, real processes)


class Fragile:
    """A pipeline that fails the way real ones can: an exception, a dead process, a document that never ends."""

    def __call__(self, text: str, doc_id: str) -> Record:
        if text.startswith("RAISE"):
            raise RuntimeError("boom in the pipeline")
        if text.startswith("CRASH"):
            os.kill(os.getpid(), signal.SIGKILL)
        if text.startswith("HANG"):
            re.match(r"(a+)+$", "a" * 64 + "!")  # catastrophic backtracking: holds the GIL for ages
        return Record(doc_id=doc_id, language="hi")


def fragile_factory() -> Fragile:
    return Fragile()


def test_a_failing_or_dying_worker_costs_only_its_document(tmp_path):
    source = tmp_path / "docs.jsonl"
    names = [f"ok{i:02d}" for i in range(12)]
    long_text = "पटना में बैठक हुई। " * 2000  # ~100 KB: more than a pipe holds, so sends must not block
    with source.open("w", encoding="utf-8") as handle:
        for name in names[:6] + ["RAISE", "CRASH", "HANG"] + names[6:]:
            text = name if name.isupper() else long_text
            handle.write(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"

    summary = run_batch(BatchOptions(str(source), str(out), fmt="jsonl", workers=2, timeout=2,
                                     id_column="id", factory=fragile_factory))

    records, errors, ids = rows(out)
    assert sorted(ids) == sorted(names + ["RAISE", "CRASH", "HANG"])
    assert set(records) == set(names)
    assert errors["RAISE"]["stage"] == "pipeline" and "RuntimeError: boom" in errors["RAISE"]["error"]
    assert errors["CRASH"]["stage"] == "worker" and "died (signal SIGKILL)" in errors["CRASH"]["error"]
    assert errors["HANG"]["stage"] == "worker" and "took longer than 2 s" in errors["HANG"]["error"]
    assert (summary.done, summary.failed, summary.interrupted) == (12, 3, False)


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("पटना में बैठक", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
         "fcntl.lockf(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)", str(out / ".batch.lock")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(VigyaptiError, match="another `vigyapti batch` is writing to"):
            run_batch(BatchOptions(str(corpus), str(out), fmt="jsonl", workers=1, factory=fragile_factory))
    finally:
        holder.kill()
        holder.wait()
    summary = run_batch(BatchOptions(str(corpus), str(out), fmt="jsonl", workers=1, factory=fragile_factory))
    assert summary.done == 1


def test_an_output_folder_is_resumed_only_with_the_same_input(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for corpus in (first, second):
        corpus.mkdir()
        (corpus / "a.txt").write_text("पटना में बैठक", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(BatchOptions(str(first), str(out), fmt="jsonl", workers=1, factory=fragile_factory))
    with pytest.raises(VigyaptiError, match="holds a run over .*first"):
        run_batch(BatchOptions(str(second), str(out), fmt="jsonl", workers=1, factory=fragile_factory))
    again = run_batch(BatchOptions(str(first), str(out), fmt="jsonl", workers=1, factory=fragile_factory))
    assert (again.done, again.resumed) == (0, 1)


# ---------------------------------------------------------------- Dask


def test_dask_engine_gives_the_records_of_the_local_engine(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"doc{i}.txt").write_text(variant(i), encoding="utf-8")
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"caf\xe9")

    local = run_batch(BatchOptions(str(corpus), str(tmp_path / "local"), fmt="jsonl", workers=1))
    dask = batch(corpus, "--out", tmp_path / "dask", "--format", "jsonl", "--engine", "dask", "--workers", "2")

    assert (local.done, local.failed) == (7, 1)
    assert dask.returncode == 1, dask.stderr
    assert "7 done, 1 failed" in dask.stderr
    local_records, local_errors, _ = rows(tmp_path / "local")
    dask_records, dask_errors, dask_ids = rows(tmp_path / "dask")
    assert len(local_records) == 7 and sorted(dask_ids) == sorted(list(local_records) + ["bad.txt"])
    assert dask_records == local_records
    assert dask_errors == local_errors


# ---------------------------------------------------------------- records_to_tables


def officer_record(doc_id: str) -> Record:
    return Record.from_dict({
        "doc_id": doc_id, "language": "hi",
        "dateline": {"places": [{"name_hi": "रायपुर", "name_en": "Raipur", "start": 0, "end": 6}],
                     "date": "2021-02-06", "date_text": "6 फरवरी, 2021", "start": 0, "end": 21},
        "officers": [{"name_hi": "दीपांशु काबरा", "name_en": "Dipanshu Kabra", "service": "IPS",
                      "posts": [{"title_hi": "अतिरिक्त परिवहन आयुक्त", "title_en": "Additional Transport Commissioner",
                                 "state_en": "Chhattisgarh", "current": True, "start": 40, "end": 62}],
                      "mentions": [{"start": 23, "end": 36, "text": "दीपांशु काबरा"}], "figures": [1]}],
        "figures": [{"text": "5%", "value": 5, "unit": "percent", "of": None, "start": 70, "end": 72},
                    {"text": "14 लाख मास्क", "value": 1400000, "unit": "count", "of": "मास्क", "start": 80, "end": 92}],
        "contacts": {"phones": [{"text": "+91-6201088532", "number": "+916201088532", "start": 100, "end": 114}]},
        "warnings": ["one", "two"],
    })


def test_records_to_tables_flattens_and_links_every_part():
    tables = records_to_tables([officer_record("doc10"), officer_record("doc9").to_dict(), Record(doc_id="doc1")],
                               errors=[{"doc_id": "bad", "stage": "read", "error": "binary"}])
    assert set(tables) == set(TABLES)
    assert list(tables["documents"].doc_id) == ["doc1", "doc9", "doc10"]  # numbers sort as numbers
    document = tables["documents"].iloc[2]
    assert (document.dateline_places_en, document.phones, document.warnings) == ("Raipur", "+916201088532", "one\ntwo")
    officer = tables["officers"].iloc[0]
    assert (officer.name_en, officer.service, officer.start_char) == ("Dipanshu Kabra", "IPS", 23)
    post = tables["posts"].iloc[0]
    assert (post.officer_index, post.title_en, bool(post.is_current)) == (0, "Additional Transport Commissioner", True)
    figures = tables["figures"][tables["figures"].doc_id == "doc9"]
    assert list(figures.officer_index.astype(object).where(figures.officer_index.notna(), None)) == [None, 0]
    assert list(figures.value) == [5.0, 1400000.0]
    assert list(tables["places"].source) == ["dateline", "dateline"]
    assert list(tables["errors"].itertuples(index=False, name=None)) == [("bad", "read", "binary")]
    for name, frame in tables.items():
        assert list(frame.columns) == [column for column, _ in COLUMNS[name]]


def test_empty_tables_keep_their_columns_in_every_format(tmp_path):
    tables = records_to_tables([])
    for fmt in ("csv", "parquet", "sqlite"):
        write_tables(tables, tmp_path / fmt, fmt)
    assert list(pd.read_csv(tmp_path / "csv" / "posts.csv").columns) == [c for c, _ in COLUMNS["posts"]]
    assert list(pd.read_parquet(tmp_path / "parquet" / "officers.parquet").columns) == [c for c, _ in COLUMNS["officers"]]
    connection = sqlite3.connect(tmp_path / "sqlite" / "tables.sqlite")
    try:
        assert connection.execute("SELECT COUNT(*) FROM figures").fetchone() == (0,)
    finally:
        connection.close()


def test_the_ddl_uses_only_types_and_syntax_postgresql_shares():
    statements = create_statements()
    assert len(statements) == 2 * len(TABLES) - 1
    for statement in statements:
        words = set(statement.replace("(", " ").replace(")", " ").replace(",", " ").split())
        assert not words & {"AUTOINCREMENT", "WITHOUT", "ROWID", "IF", "REAL", "BLOB", "STRICT"}
        assert statement.startswith(("CREATE TABLE ", "CREATE INDEX "))

"""The `vigyapti extract` command: records out, one-line errors, exit codes."""
import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

VIGYAPTI = [str(Path(sys.executable).parent / "vigyapti")]


def run(args, stdin=b""):
    return subprocess.run(VIGYAPTI + args, input=stdin, capture_output=True, timeout=120)


def test_extract_sample_as_json():
    result = run(["extract", str(SAMPLE)])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["dateline"]["date"] == "2021-02-06"
    assert record["contacts"]["emails"][0]["address"] == "editor@bureaucratsindia.in"


def test_extract_text_format_from_stdin():
    result = run(["extract", "-", "--format", "text"], SAMPLE.read_bytes())
    assert result.returncode == 0
    assert "figure: 14 लाख मास्क" in result.stdout.decode()


def assert_one_line_error(result, code, words):
    err = result.stderr.decode()
    assert result.returncode == code
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err


def test_missing_file(tmp_path):
    assert_one_line_error(run(["extract", str(tmp_path / "nope.txt")]), 2, "no such file")


def test_binary_input():
    assert_one_line_error(run(["extract", "-"], b"\x00\x01\x02PK\x03\x04"), 2, "binary")


def test_invalid_utf8(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("नई दिल्ली".encode() + b"\xe9t\xe9")
    assert_one_line_error(run(["extract", str(bad)]), 2, "not UTF-8")


def test_directory(tmp_path):
    assert_one_line_error(run(["extract", str(tmp_path)]), 2, "folder")


def test_empty_input_says_so_and_fails():
    result = run(["extract", "-"], b"   \n")
    assert result.returncode == 1
    assert "empty input" in result.stderr.decode()
    assert json.loads(result.stdout)["warnings"]


def test_text_without_devanagari_gets_a_record_with_a_warning():
    result = run(["extract", "-"], b"The District Magistrate of Raipur met 14 officers on Monday.")
    record = json.loads(result.stdout)
    assert record["language"] == "en"
    assert any("Devanagari" in w for w in record["warnings"])
    assert "Traceback" not in result.stderr.decode()

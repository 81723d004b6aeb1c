"""The quality gate: the pipeline's officer and figure F1 on the test split stay above
evaluation/thresholds.json, and the gold it is measured against is valid."""
from pathlib import Path

import pytest

from evaluation.gold import count_documents
from evaluation.thresholds import load_minimums
from evaluation.validate import ERROR, validate_split
from pipelines.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ROOT / "corpora" / "annotated"
TEST_SPLIT = SPLITS / "test"
THRESHOLDS = ROOT / "evaluation" / "thresholds.json"
MIN_DOCUMENTS = 10  # fewer test documents make F1 too noisy to gate on


def test_pipeline_meets_the_thresholds_on_the_test_split(capsys):
    n = count_documents(TEST_SPLIT)
    if n < MIN_DOCUMENTS:
        pytest.skip(f"{TEST_SPLIT.relative_to(ROOT)} has {n} annotated documents; the gate runs from {MIN_DOCUMENTS} on")
    code = main(["evaluate", "--gold", str(TEST_SPLIT), "--run", "--check-thresholds", str(THRESHOLDS)])
    gate = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("ok ", "FAIL "))]
    assert gate, "the gate printed no result"
    assert code == 0, "quality gate failed:\n" + "\n".join(gate)


def test_the_gate_checks_officers_and_figures():
    assert {"officers", "figures"} <= set(load_minimums(THRESHOLDS))


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_files_are_valid(split):
    folder = SPLITS / split
    if count_documents(folder) == 0:
        pytest.skip(f"{folder.relative_to(ROOT)} has no annotated documents yet")
    errors = [str(p) for problems in validate_split(folder).values() for p in problems if p.level == ERROR]
    assert not errors, f"{len(errors)} errors in gold ({folder.relative_to(ROOT)}):\n" + "\n".join(errors[:30])

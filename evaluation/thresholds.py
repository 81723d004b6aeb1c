"""The quality gate: minimum micro F1 per field type, read from thresholds.json.

The file holds `minimum` (what the gate enforces) and `measured` (what the
pipeline scored when the minimums were last set, for reference). A score
under its minimum, or a field with nothing to measure, fails the gate.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from evaluation.run import Evaluation
from evaluation.scoring import FIELDS
from pipelines.errors import VigyaptiError

DEFAULT_PATH = Path(__file__).with_name("thresholds.json")


@dataclass(frozen=True)
class GateResult:
    field: str
    minimum: float
    measured: float

    @property
    def passed(self) -> bool:
        return not math.isnan(self.measured) and self.measured >= self.minimum - 1e-9

    def __str__(self) -> str:
        shown = "nothing to measure" if math.isnan(self.measured) else f"{self.measured:.3f}"
        return f"{'ok  ' if self.passed else 'FAIL'} {self.field}: micro F1 {shown} (minimum {self.minimum:.3f})"


def load_minimums(path: Union[str, Path]) -> dict[str, float]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VigyaptiError(f"{path}: no such thresholds file") from None
    except json.JSONDecodeError as exc:
        raise VigyaptiError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    minimum = data.get("minimum") if isinstance(data, dict) else None
    if not isinstance(minimum, dict) or not minimum:
        raise VigyaptiError(f"{path}: expected an object with \"minimum\": {{field: F1, ...}}")
    for field, value in minimum.items():
        if field not in FIELDS:
            raise VigyaptiError(f"{path}: unknown field {field!r} (one of {', '.join(FIELDS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise VigyaptiError(f"{path}: minimum for {field!r} must be a number from 0 to 1")
    return {k: float(v) for k, v in minimum.items()}


def check(evaluation: Evaluation, minimums: dict[str, float]) -> list[GateResult]:
    return [GateResult(field, minimum, evaluation.f1(field)) for field, minimum in minimums.items()]

"""Entity-level precision, recall and F1 with exact span match (as seqeval/conlleval).

A predicted entity counts only if its start, end and label all equal a gold
entity's. Micro-average pools the counts of the labels asked for (PER, LOC,
ORG by default), so a frequent label weighs more, as in published NER scores.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from nlp.ner.conll import LABELS

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support, "predicted": self.tp + self.fp}


def score_spans(gold: Iterable[Sequence[Span]], predicted: Iterable[Sequence[Span]],
                labels: Sequence[str] = LABELS) -> dict[str, Score]:
    """Per-label scores and "micro" over `labels`, one gold and one predicted span list per sentence."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        g, p = set(gold_spans), set(pred_spans)
        for _, _, label in g & p:
            tp[label] += 1
        for _, _, label in p - g:
            fp[label] += 1
        for _, _, label in g - p:
            fn[label] += 1
    scores = {label: Score(tp[label], fp[label], fn[label]) for label in labels}
    scores["micro"] = Score(sum(tp[l] for l in labels), sum(fp[l] for l in labels), sum(fn[l] for l in labels))
    return scores


def format_table(scores: dict[str, Score]) -> str:
    """A plain-text table: one row per label, then the micro average."""
    rows = [f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    for label, s in scores.items():
        rows.append(f"{label:<8}{s.precision:>8.4f}{s.recall:>8.4f}{s.f1:>8.4f}{s.support:>8}{s.tp + s.fp:>8}")
    return "\n".join(rows)

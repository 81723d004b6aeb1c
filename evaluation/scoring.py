"""Precision, recall and F1 per field type, and officer slot accuracy.

Each field type is scored by aligning gold and predicted items one to one
(`evaluation.matching`) and counting true positives, false positives and
false negatives per document; the corpus score is micro: counts summed over
documents, then P/R/F1. Officer attributes are scored end to end (a service
counts only when its officer was matched and the service is equal) and, as
slot accuracy, over matched officers only. Tables are pandas DataFrames.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

import pandas as pd

from evaluation import matching as m
from pipelines.record import Officer, Record

# field key -> label in tables; the order is the order of every table.
FIELDS: dict[str, str] = {
    "officers": "officer names",
    "officer_services": "officer services",
    "officer_posts": "officer posts (title_en)",
    "officer_districts": "officer districts",
    "officer_states": "officer states",
    "people": "people",
    "places": "places",
    "organizations": "organisations",
    "figures": "figures (value, unit)",
    "figures_of": "figures (value, unit, of)",
    "phones": "phones",
    "emails": "emails",
    "dateline_places": "dateline places",
    "dateline_date": "dateline date",
    "mentions": "entity mentions (exact span)",
}
SLOTS: dict[str, str] = {"service": "service", "post": "posts (title_en)", "district": "districts", "state": "states"}


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @classmethod
    def of(cls, alignment: m.Alignment) -> "Counts":
        return cls(alignment.tp, alignment.fp, alignment.fn)


@dataclass(frozen=True)
class SlotCounts:
    applicable: int = 0  # matched officers whose gold slot has a value
    correct: int = 0

    def __add__(self, other: "SlotCounts") -> "SlotCounts":
        return SlotCounts(self.applicable + other.applicable, self.correct + other.correct)


@dataclass
class DocumentScore:
    doc_id: str
    counts: dict[str, Counts]
    slots: dict[str, SlotCounts]
    alignments: dict[str, m.Alignment] = field(default_factory=dict)  # for highlighting in the report


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """P, R, F1; NaN where undefined (nothing predicted, nothing in gold, or neither)."""
    precision = tp / (tp + fp) if tp + fp else math.nan
    recall = tp / (tp + fn) if tp + fn else math.nan
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan
    return precision, recall, f1


# --- officer attributes -----------------------------------------------------------------------

def _service(o: Officer) -> Counter:
    return Counter([o.service] if o.service else [])


def _posts(o: Officer) -> Counter:
    return Counter(k for k in (m.title_key(p.title_en) for p in o.posts) if k)


def _districts(o: Officer) -> Counter:
    return Counter({d: 1 for d in {p.district_en for p in o.posts if p.district_en}})


def _states(o: Officer) -> Counter:
    return Counter({s: 1 for s in {p.state_en for p in o.posts if p.state_en}})


_ATTRIBUTES: dict[str, Callable[[Officer], Counter]] = {
    "service": _service, "post": _posts, "district": _districts, "state": _states}


def _attribute_counts(gold: Sequence[Officer], pred: Sequence[Officer], alignment: m.Alignment,
                      values: Callable[[Officer], Counter]) -> Counts:
    """(officer, value) pairs: true only for a matched officer with the same value."""
    tp = sum(sum((values(gold[i]) & values(pred[j])).values()) for i, j in alignment.pairs)
    n_gold = sum(sum(values(o).values()) for o in gold)
    n_pred = sum(sum(values(o).values()) for o in pred)
    return Counts(tp, n_pred - tp, n_gold - tp)


def _slot_counts(gold: Sequence[Officer], pred: Sequence[Officer], alignment: m.Alignment,
                 values: Callable[[Officer], Counter]) -> SlotCounts:
    """Of matched officers whose gold slot has a value, how many have exactly that value (set)."""
    applicable = correct = 0
    for i, j in alignment.pairs:
        expected = set(values(gold[i]))
        if expected:
            applicable += 1
            correct += expected == set(values(pred[j]))
    return SlotCounts(applicable, correct)


# --- one document -----------------------------------------------------------------------------

def _date_counts(gold: Optional[str], pred: Optional[str]) -> Counts:
    if gold and pred:
        return Counts(1, 0, 0) if gold == pred else Counts(0, 1, 1)
    return Counts(0, int(bool(pred)), int(bool(gold)))


def score_document(gold: Record, pred: Record, doc_id: Optional[str] = None) -> DocumentScore:
    """Counts per field type and slot accuracy counts for one document."""
    al: dict[str, m.Alignment] = {
        "officers": m.align(gold.officers, pred.officers, m.person_affinity),
        "people": m.align(gold.people, pred.people, m.person_affinity),
        "places": m.align(gold.places, pred.places, m.place_affinity),
        "organizations": m.align(gold.organizations, pred.organizations, m.place_affinity),
        "figures": m.align(gold.figures, pred.figures, m.figure_affinity),
        "figures_of": m.align(gold.figures, pred.figures, m.figure_of_affinity),
        "phones": m.align_keys(gold.contacts.phones, pred.contacts.phones, m.phone_key),
        "emails": m.align_keys(gold.contacts.emails, pred.contacts.emails, m.email_key),
        "dateline_places": m.align(gold.dateline.places, pred.dateline.places, m.place_affinity),
        "mentions": m.align_keys(m.labelled_mentions(gold), m.labelled_mentions(pred), lambda x: x),
    }
    counts = {key: Counts.of(a) for key, a in al.items()}
    officers = al["officers"]
    for slot, values in _ATTRIBUTES.items():
        counts[f"officer_{slot}s"] = _attribute_counts(gold.officers, pred.officers, officers, values)
    counts["dateline_date"] = _date_counts(gold.dateline.date, pred.dateline.date)
    slots = {slot: _slot_counts(gold.officers, pred.officers, officers, values) for slot, values in _ATTRIBUTES.items()}
    return DocumentScore(doc_id or gold.doc_id or "", {k: counts[k] for k in FIELDS}, slots, al)


# --- tables -----------------------------------------------------------------------------------

def _row(key: str, c: Counts) -> dict[str, Any]:
    p, r, f = prf(c.tp, c.fp, c.fn)
    return {"field": key, "label": FIELDS[key], "tp": c.tp, "fp": c.fp, "fn": c.fn,
            "gold": c.tp + c.fn, "predicted": c.tp + c.fp, "precision": p, "recall": r, "f1": f}


def field_table(documents: Iterable[DocumentScore]) -> pd.DataFrame:
    """Micro P/R/F1 per field type: counts summed over documents."""
    documents = list(documents)
    totals = {key: sum((d.counts[key] for d in documents), Counts()) for key in FIELDS}
    return pd.DataFrame([_row(key, c) for key, c in totals.items()])


def slot_table(documents: Iterable[DocumentScore]) -> pd.DataFrame:
    """Officer slot accuracy over matched officers whose gold slot has a value."""
    documents = list(documents)
    matched = sum(d.counts["officers"].tp for d in documents)
    rows = []
    for slot, label in SLOTS.items():
        c = sum((d.slots[slot] for d in documents), SlotCounts())
        rows.append({"slot": slot, "label": label, "matched_officers": matched, "applicable": c.applicable,
                     "correct": c.correct, "accuracy": c.correct / c.applicable if c.applicable else math.nan})
    return pd.DataFrame(rows)


def document_table(documents: Iterable[DocumentScore]) -> pd.DataFrame:
    """Long format: one row per document and field type."""
    rows = []
    for d in documents:
        for key, c in d.counts.items():
            row = _row(key, c)
            rows.append({"doc_id": d.doc_id, **row})
    return pd.DataFrame(rows)


def errors_per_document(documents: Iterable[DocumentScore]) -> pd.DataFrame:
    """doc_id, tp, fp, fn and F1 over every field type pooled: which documents to look at first."""
    rows = []
    for d in documents:
        c = sum((d.counts[k] for k in FIELDS if k != "mentions"), Counts())
        rows.append({"doc_id": d.doc_id, "tp": c.tp, "fp": c.fp, "fn": c.fn, "f1": prf(c.tp, c.fp, c.fn)[2]})
    return pd.DataFrame(rows, columns=["doc_id", "tp", "fp", "fn", "f1"])

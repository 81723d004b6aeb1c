"""Gold and predicted items of one document as coloured spans (spaCy displaCy, manual mode).

Every item with an offset becomes a span labelled with its type; a span
that the scorer paired with the other side is green, one it could not pair
is red (missed in the gold column, spurious in the predicted one), so the
errors of a document show at a glance. displaCy draws no overlapping spans:
identical spans share one box, and a span overlapping a longer one is
left out (and counted).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from evaluation import matching as m
from evaluation.run import DocumentResult
from pipelines.record import Record

OK_COLOUR, MISS_COLOUR = "#b7e4c7", "#ffadad"
MISSED, SPURIOUS = "missed", "spurious"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # OFFICER, POST, PERSON, PLACE, ORG, FIGURE, PHONE, EMAIL, DATELINE, DATE
    ok: bool


def _matched(indexes: Iterable[tuple[int, int]], side: int) -> set[int]:
    return {pair[side] for pair in indexes}


def record_spans(record: Record, result: DocumentResult, side: int) -> list[Span]:
    """Spans of the gold (side 0) or predicted (side 1) record, ok when the scorer paired the item."""
    al = result.score.alignments
    other = result.pred if side == 0 else result.gold.record
    spans: list[Span] = []

    def add(items, key: str, label: str, spans_of) -> None:
        paired = _matched(al[key].pairs, side)
        for i, item in enumerate(items):
            for start, end in spans_of(item):
                spans.append(Span(start, end, label, i in paired))

    mention_spans = lambda item: [(x.start, x.end) for x in item.mentions]  # noqa: E731
    own_span = lambda item: [(item.start, item.end)]  # noqa: E731
    add(record.officers, "officers", "OFFICER", mention_spans)
    add(record.people, "people", "PERSON", mention_spans)
    add(record.places, "places", "PLACE", mention_spans)
    add(record.organizations, "organizations", "ORG", mention_spans)
    add(record.figures, "figures", "FIGURE", own_span)
    add(record.contacts.phones, "phones", "PHONE", own_span)
    add(record.contacts.emails, "emails", "EMAIL", own_span)
    add(record.dateline.places, "dateline_places", "DATELINE", own_span)
    partners = {pair[side]: pair[1 - side] for pair in al["officers"].pairs}
    for i, officer in enumerate(record.officers):
        titles = _titles(other.officers[partners[i]]) if i in partners else set()
        for post in officer.posts:
            if post.start is not None and post.end is not None:
                spans.append(Span(post.start, post.end, "POST", m.title_key(post.title_en) in titles))
    date_span = _date_span(record, result)
    if date_span:
        spans.append(date_span)
    return [s for s in spans if 0 <= s.start < s.end <= len(result.gold.text)]


def _titles(officer) -> set:
    return {m.title_key(p.title_en) for p in officer.posts}


def _date_span(record: Record, result: DocumentResult) -> Span | None:
    dl = record.dateline
    if not (dl.date_text and dl.start is not None and dl.end is not None):
        return None
    at = result.gold.text.find(dl.date_text, dl.start, dl.end)
    if at < 0:
        return None
    ok = bool(dl.date) and result.gold.record.dateline.date == result.pred.dateline.date
    return Span(at, at + len(dl.date_text), "DATE", ok)


def displayable(spans: list[Span]) -> tuple[list[dict], int]:
    """Entities for displaCy: identical spans merged (`labels`: label -> ok), spans overlapping an
    earlier or longer one dropped; and how many were dropped."""
    merged: dict[tuple[int, int], list[Span]] = {}
    for span in spans:
        merged.setdefault((span.start, span.end), []).append(span)
    ordered = sorted(merged.items(), key=lambda kv: (kv[0][0], -(kv[0][1] - kv[0][0])))
    kept, dropped, last_end = [], 0, -1
    for (start, end), group in ordered:
        if start < last_end:
            dropped += len(group)
            continue
        status = {}  # label -> ok, in order of first appearance; a label is wrong if any of its items is
        for s in group:
            status[s.label] = status.get(s.label, True) and s.ok
        kept.append({"start": start, "end": end, "labels": status, "ok": all(status.values())})
        last_end = end
    return kept, dropped


def render(text: str, spans: list[Span], error_word: str) -> tuple[str, int]:
    """displaCy HTML of the text with spans; errors get `error_word` in their label and the red colour."""
    from spacy import displacy

    ents, dropped = displayable(spans)
    colours = {}
    for ent in ents:
        ent["label"] = " / ".join(label if ok else f"{label} · {error_word}" for label, ok in ent["labels"].items())
        colours[ent["label"]] = OK_COLOUR if ent["ok"] else MISS_COLOUR
    data = [{"text": text, "ents": [{k: e[k] for k in ("start", "end", "label")} for e in ents], "title": None}]
    html = displacy.render(data, style="ent", manual=True, page=False, jupyter=False, options={"colors": colours})
    return html, dropped

"""Read IL-NER and HiNER CoNLL files into one label set: PER, LOC, ORG.

The two corpora tag differently (IL-NER: NEP/NEL/NEO plus number, time and
artefact types; HiNER collapsed: PERSON/LOCATION/ORGANIZATION), and IL-NER
has a few hundred malformed tags (`-`, `-NEL`, `I-` with no `B-`). Reading
repairs them the same way every time and counts each repair, so the model
card can say exactly what was changed.

Repairs, in order:
- a line with no tab (a token lost in export) is skipped;
- `-X` (a type with no B/I) becomes `B-X`, or `I-X` right after an X token;
- a bare `-` is an unknown tag: `MISSING` (no loss in training) or `O`
  (evaluation needs a definite answer), as the caller asks;
- `I-X` that does not continue an X entity becomes `B-X` (IOB2 repair);
- any type outside PER/LOC/ORG becomes `O`.
Tokens are normalised as the project's pipeline normalises text
(`nlp.normalize.normalize`), so training sees what inference will see.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from nlp.normalize import normalize

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")
MISSING = "-"  # spaCy's "no annotation here" tag

SCHEMES: dict[str, dict[str, str]] = {
    "ilner": {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"},
    "hiner": {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG",
              "PER": "PER", "LOC": "LOC", "ORG": "ORG"},
}


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]  # IOB2 over LABELS, "O", or MISSING


@dataclass
class CleaningReport:
    """How many tags each repair touched (keys are stable names for the model card)."""

    counts: Counter = field(default_factory=Counter)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def total_repairs(self) -> int:
        return sum(n for k, n in self.counts.items() if k.startswith("repair:"))


def read_raw_conll(lines: Iterable[str], report: CleaningReport) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (words, raw tags); blank lines separate sentences."""
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        if "\t" not in line:
            report.add("repair:line without a tab skipped")
            continue
        word, tag = line.split("\t", 1)
        words.append(word)
        tags.append(tag.strip())
    if words:
        yield words, tags


def _split(tag: str) -> tuple[str, str]:
    """('B', 'NEL') from 'B-NEL'; ('', 'NEL') from '-NEL'; ('-', '') from '-'; ('O', '') from 'O'."""
    if tag in ("O", ""):
        return "O", ""
    if tag == "-":
        return "-", ""
    prefix, _, kind = tag.partition("-")
    return prefix, kind


def clean_tags(raw: list[str], scheme: str, report: CleaningReport, unknown_as: str = MISSING) -> list[str]:
    """Raw corpus tags to IOB2 over LABELS, counting every repair and every dropped type."""
    mapping = SCHEMES[scheme]
    out: list[str] = []
    prev_kind = ""  # source type of the previous token's entity, "" outside one
    for tag in raw:
        prefix, kind = _split(tag)
        if prefix == "-":
            report.add(f"repair:bare '-' tag -> {'missing' if unknown_as == MISSING else 'O'}")
            out.append(unknown_as)
            prev_kind = ""
            continue
        if prefix == "O":
            out.append("O")
            prev_kind = ""
            continue
        if prefix == "":
            prefix = "I" if kind == prev_kind else "B"
            report.add(f"repair:'-{kind}' -> {prefix}-{kind}")
        elif prefix not in ("B", "I"):
            report.add(f"repair:unknown prefix {prefix!r} -> O")
            out.append("O")
            prev_kind = ""
            continue
        if prefix == "I" and kind != prev_kind:
            report.add(f"repair:I-{kind} without B -> B-{kind}")
            prefix = "B"
        prev_kind = kind
        label = mapping.get(kind)
        if label is None:
            report.add(f"dropped type {kind} -> O")
            out.append("O")
            continue
        out.append(f"{prefix}-{label}")
    return out


def normalise_word(word: str) -> str:
    """The token as the project's pipeline would see it (NFC, ASCII digits, folded nukta)."""
    text = normalize(word).text.strip()
    return text or word


def read_conll(path: str | Path, scheme: str, report: CleaningReport | None = None,
               unknown_as: str = MISSING) -> list[Sentence]:
    """All sentences of a CoNLL file, tags cleaned and mapped to PER/LOC/ORG."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}: expected one of {', '.join(SCHEMES)}")
    report = report if report is not None else CleaningReport()
    with open(path, encoding="utf-8") as handle:
        return parse_conll(handle, scheme, report, unknown_as)


def parse_conll(lines: Iterable[str], scheme: str, report: CleaningReport,
                unknown_as: str = MISSING) -> list[Sentence]:
    sentences = []
    for words, raw in read_raw_conll(lines, report):
        tags = clean_tags(raw, scheme, report, unknown_as)
        sentences.append(Sentence([normalise_word(w) for w in words], tags))
    report.add("sentences", len(sentences))
    return sentences


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start_token, end_token_exclusive, label) from IOB2 tags.

    An `I-X` that does not continue an X entity starts one (as conlleval does);
    MISSING and O end an entity.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, kind = tag.partition("-") if tag not in ("O", MISSING) else (tag, "", "")
        continues = prefix == "I" and kind == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans

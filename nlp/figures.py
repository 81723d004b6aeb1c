"""Figures: amounts, percentages, measures and counts with what they count.

'14 लाख रुपये' -> 1400000 INR; '14 लाख मास्क' -> 1400000 count of मास्क;
'9.5 फीसद' -> 9.5 percent; '₹2.5 करोड़' -> 25000000 INR. Works on spaCy
tokens of the normalised text; spans already claimed by dates or contacts
are skipped so a phone number or a year never becomes a figure.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Union

from spacy.lang.hi.stop_words import STOP_WORDS
from spacy.tokens import Doc

from nlp.lexicons import read_list, read_tsv
from nlp.normalize import fold
from nlp.numbers import number_words, parse_number
from nlp.places import gazetteer
from nlp.terms import lookup

LABEL = "-"  # unit of a word that turns the number next to it into a label
_YEARS = range(1900, 2100)


@dataclass(frozen=True)
class FigureMatch:
    start: int
    end: int
    value: Union[int, float]
    unit: str
    of: Optional[str]


@dataclass(frozen=True)
class _Unit:
    unit: str
    before: bool
    after: bool


@lru_cache(maxsize=None)
def _units() -> dict[str, _Unit]:
    table = {}
    for row in read_tsv("units.tsv"):
        pos = row["position"]
        table[fold(row["word"]).lower()] = _Unit(row["unit"], pos in ("before", "either"), pos in ("after", "either"))
    return table


@lru_cache(maxsize=None)
def _ambiguous_words() -> frozenset[str]:
    """Number words that are mostly not numbers on their own: एक is also 'a', आधा 'half (of it)'."""
    return frozenset(fold(w) for w in ("एक", "आधा", "आधी", "आधे"))


def _key(text: str) -> str:
    return fold(text).lower()


def is_word(text: str) -> bool:
    """Letters only, counting Devanagari vowel signs and virama (which str.isalpha does not)."""
    return bool(text) and all(ch.isalpha() or "\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f"
                              for ch in text)


def _is_counted_noun(token) -> bool:
    return (is_word(token.text) and _key(token.text) not in STOP_WORDS and token.text not in STOP_WORDS
            and _key(token.text) not in number_words().scales)


MAX_COUNTED_WORDS = 3
_PLURAL_OBLIQUE = ("ों", "यों", "ओं")


@lru_cache(maxsize=None)
def _not_in_phrase() -> frozenset[str]:
    return frozenset(read_list("not_in_counted_phrase.txt"))


def _counted_phrase_end(doc: Doc, k: int) -> int:
    """End of the noun phrase a number counts, from its first word at k: `मतदान केंद्र`, `राहत शिविरों`,
    `फर्जी सिम कार्ड`. It stops after a plural oblique (`शिविरों` heads the phrase), before a function
    word, and before a word the term lexicon knows as an event or a verb (`मास्क बांटे`, `गांजा बरामद`)."""
    end = k + 1
    first = lookup(doc[k].text)
    if (first is not None and first.kind == "noun") or doc[k].text in _not_in_phrase():
        return end  # `553 मामले सामने`, `90 वर्षीय महिला`: the first word is the counted noun itself
    while end < len(doc) and end - k < MAX_COUNTED_WORDS and not doc[end - 1].text.endswith(_PLURAL_OBLIQUE):
        word = doc[end]
        term = lookup(word.text)
        if not _is_counted_noun(word) or (term is not None and term.kind in ("event", "verb")) or _verb_like(word.text) \
                or word.text in _not_in_phrase() or gazetteer().lookup(word.text):
            break
        end += 1
    return end


def _verb_like(word: str) -> bool:
    """Participles, infinitives and finite verbs that follow a counted noun: लगाए, बांटी, मिलने, पहुंचे, जाएंगे."""
    return word.endswith(("ाए", "ाई", "ाईं", "ाएं", "ाया", "ें", "ेंगे", "ेंगी", "ेगा", "ेगी", "ते", "ती", "ता", "कर", "ने")) \
        or word in {"मिले", "पहुंचे", "हुए", "हुई", "गए", "गई", "रहे", "रहीं"}


def _is_list_number(doc: Doc, i: int, k: int) -> bool:
    """`1.` or `(2)` opening a line of a numbered list is numbering, not a figure."""
    if k - i != 1 or k >= len(doc) or doc[k].text not in (".", ")", "।"):
        return False
    j = i - 1
    while j >= 0 and (doc[j].is_space and "\n" not in doc[j].text or doc[j].text == "("):
        j -= 1
    return j < 0 or "\n" in doc[j].text or "\n" in doc[j].whitespace_


def find_figures(doc: Doc, excluded: Iterable[tuple[int, int]] = ()) -> list[FigureMatch]:
    units = _units()
    texts = [t.text for t in doc]
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    blocked = set()
    for s, e in excluded:
        # the tokens doc.char_span(s, e, alignment_mode="expand") would give, without
        # its cost: char_span rebuilds doc.text on every call (quadratic over many dates)
        blocked.update(range(bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)))
    found: list[FigureMatch] = []
    i, n = 0, len(doc)
    while i < n:
        if i in blocked:
            i += 1
            continue
        marker = units.get(_key(texts[i]))
        j = i + 1 if marker is not None and marker.before else i
        value, used = parse_number(texts, j)
        if value is None or any(t in blocked for t in range(j, j + used)):
            i += 1
            continue
        k = j + used
        unit = marker.unit if j > i else None
        if unit is None and k < n:
            after = units.get(_key(texts[k]))
            if after is not None and after.after:
                unit, k = after.unit, k + 1
        if unit == LABEL or (used == 1 and unit is None and _key(texts[j]) in _ambiguous_words()) \
                or _is_list_number(doc, i, k):
            i = k
            continue
        of = None
        if unit is None:
            if k < n and _is_counted_noun(doc[k]):
                first = k
                k = _counted_phrase_end(doc, k)
                of = doc[first:k].text
            elif isinstance(value, int) and value in _YEARS and used == 1:
                i = k  # a bare year ("2020 में") is a date, not a figure
                continue
            unit = "count"
        start = doc[i].idx
        last = doc[k - 1]
        found.append(FigureMatch(start, last.idx + len(last.text), value, unit, of))
        i = k
    return found

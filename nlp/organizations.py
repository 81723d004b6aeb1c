"""Organisations: names built on a head word (… विभाग, … पार्टी) and known names.

A name is the head word with up to three words before it that are not stop
words (`लोक निर्माण विभाग`, `ब्रिज इंडिया`); known bodies without a head
(भाजपा, सीबीआई) come from data/organizations.tsv; runs of capitalised Latin
words (`Bureaucrats India`) are names too. `kind` (government, party,
company, ngo, education, health, media) tells officers from private people.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.lang.hi.stop_words import STOP_WORDS
from spacy.tokens import Doc

from nlp.figures import is_word
from nlp.lexicons import read_list, read_tsv
from nlp.names import word_stats
from nlp.normalize import fold
from nlp.terms import translate_term

MAX_MODIFIERS = 3


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    kind: str
    name_en: Optional[str] = None


# Heads that name a body only with a place before them (बिहार सरकार) or one of these words: not `पार्थ सरकार`.
PLACE_HEADS = frozenset({"सरकार", "शासन"})
GOVERNMENT_MODIFIERS = frozenset({"राज्य", "केंद्र", "केन्द्र", "प्रदेश", "संघ", "भारत", "सदर", "कोतवाली"})


@lru_cache(maxsize=None)
def _heads() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(fold(r["word"]).split()): (r["kind"], r["english"]) for r in read_tsv("org_heads.tsv")}


def head_english(hindi: str) -> Optional[str]:
    """The English of a listed organisation (एम्स -> AIIMS) or of a head word (ट्रस्ट -> Trust), or None."""
    key = tuple(fold(hindi).split())
    found = _known().get(key) or _heads().get(key)
    return found[1] if found else None


@lru_cache(maxsize=None)
def _known() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(fold(r["name_hi"]).split()): (r["kind"], r["name_en"]) for r in read_tsv("organizations.tsv")}


@lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    """Time adverbs, conjunctions and ordinals spaCy's stop words lack (आज, जोकि, दूसरा)."""
    return frozenset(fold(w) for w in read_list("function_words_hi.txt"))


@lru_cache(maxsize=None)
def _domain_words() -> frozenset[str]:
    """Department domains of the post grammar (परिवहन, समाज कल्याण) name bodies too."""
    return frozenset(w for r in read_tsv("post_domains.tsv") for w in fold(r["hi"]).split())


@lru_cache(maxsize=None)
def _english_heads() -> dict[str, str]:
    """English head words (Department, Ministry, Foundation ...) with their kind."""
    return {r["english"]: r["kind"] for r in read_tsv("org_heads.tsv")} | {"Ltd": "company", "Pvt": "company"}


def _modifier_ok(text: str) -> bool:
    """A word that can stand in an organisation's name: a known domain or term,
    a word IL-NER saw inside one, or a rare word."""
    if not is_word(text) or text in STOP_WORDS or fold(text) in STOP_WORDS or fold(text) in _function_words():
        return False
    if fold(text) in _domain_words() or translate_term(text) is not None:
        return True
    stats = word_stats(text)
    return stats is None or stats.organization > 0 or stats.total < 8


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written between two words with no space (स्व-सहायता)."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def find_organizations(doc: Doc, blocked: frozenset[int] = frozenset(),
                       places: frozenset[int] = frozenset()) -> list[OrgMatch]:
    """Organisation spans (char offsets of doc.text); tokens in `blocked` are never part of one.

    Tokens in `places` (also blocked) may open a name right before its words:
    गोरखपुर नगर निगम, बिहार सरकार, लखनऊ विकास प्राधिकरण.
    """
    keys = [fold(t.text) for t in doc]
    found: list[OrgMatch] = []
    i, n = 0, len(doc)
    known, heads = _known(), _heads()
    longest = max(len(k) for k in list(known) + list(heads))
    while i < n:
        hit = None
        for size in range(longest, 0, -1):
            key = tuple(keys[i:i + size])
            if len(key) == size and key in known and not blocked.intersection(range(i, i + size)):
                hit = (i, i + size, *known[key])
                break
        if hit is None:
            for size in range(longest, 0, -1):
                key = tuple(keys[i:i + size])
                if len(key) == size and key in heads and i > 0:
                    start = i
                    while start > 0 and i - start < MAX_MODIFIERS and start - 1 not in blocked:
                        if _joining_hyphen(doc, start - 1) and start - 2 not in blocked and _modifier_ok(doc[start - 2].text):
                            start -= 2  # `स्व-सहायता समूह`: a hyphenated modifier is one
                        elif _modifier_ok(doc[start - 1].text):
                            start -= 1
                        else:
                            break
                    with_place = start
                    while with_place > 0 and with_place - 1 in places:
                        with_place -= 1
                    if key[-1] in PLACE_HEADS and with_place == start and not (
                            start < i and fold(doc[start].text) in GOVERNMENT_MODIFIERS):
                        break  # सरकार/शासन name a body only after a place: not `पार्थ सरकार`
                    if with_place < i or key[-1].endswith("पालिका"):  # a municipality names itself
                        kind, _ = heads[key]
                        hit = (with_place, i + size, kind, None)
                    break
        if hit is None and doc[i].text[:1].isupper() and doc[i].text.isascii() and doc[i].is_alpha:
            j = i
            while j < n and doc[j].text[:1].isupper() and doc[j].text.isascii() and doc[j].is_alpha:
                j += 1
            # `Bureaucrats India`, `Health Department`: capitalised words ending in an English head
            # (a run without one is more often a person: `Nilesh Deore`)
            if doc[i].text == "The" and j - i >= 3:
                i += 1  # `The Health Department`: the article is not part of the name
            if j - i >= 2 and doc[j - 1].text in _english_heads():
                hit = (i, j, _english_heads()[doc[j - 1].text], doc[i:j].text)
        if hit is None:
            i += 1
            continue
        s, e, kind, name_en = hit
        # drop a previous overlapping (shorter) match
        found = [f for f in found if f.end <= doc[s].idx]
        found.append(OrgMatch(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), kind, name_en))
        i = e
    return found

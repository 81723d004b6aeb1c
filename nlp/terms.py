"""Hindi terms of press releases in English, from a checked word list only.

data/terms_hi_en.tsv pairs Hindi event words (निरीक्षण = inspection),
organisation words (विभाग = department), offices and their modifiers with
English. `translate_phrase` builds an organisation name from known words,
longest known stretch first (लोक निर्माण विभाग = Public Works Department),
and gives None as soon as one word is unknown: a summary may leave a term
in Hindi, but it must not print a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.lexicons import read_tsv
from nlp.normalize import fold

_VIRAMA = "\u094d"
_HALF_NASAL = re.compile(f"[ङञणनम]{_VIRAMA}(?=[\u0915-\u0939\u0958-\u095f])")
# Kinds whose English is a proper name part when it heads a phrase: title case.
_NAMING_KINDS = {"org-word", "office"}
_SMALL_WORDS = {"and", "of", "the", "for", "in"}


def term_key(text: str) -> str:
    """Folded key: nukta and chandrabindu variants, and half-nasal vs anusvara, meet."""
    text = _HALF_NASAL.sub("\u0902", fold(text))
    return " ".join(text.split())


@dataclass(frozen=True)
class Term:
    english: str
    kind: str  # event | org-word | office | misc
    source: str


@lru_cache(maxsize=None)
def _lexicon() -> dict[str, Term]:
    table: dict[str, Term] = {}
    for row in read_tsv("terms_hi_en.tsv"):
        table.setdefault(term_key(row["hindi"]), Term(row["english"], row["kind"], row["source"]))
    return table


@lru_cache(maxsize=None)
def _longest_entry() -> int:
    return max(len(key.split()) for key in _lexicon())


def lookup(hindi: str) -> Optional[Term]:
    """The lexicon entry for exactly this term, or None."""
    return _lexicon().get(term_key(hindi))


def translate_term(hindi: str) -> Optional[str]:
    """English for one listed term (word or fixed phrase), as listed; None if not listed."""
    term = lookup(hindi)
    return term.english if term else None


def _title(text: str) -> str:
    words = text.split()
    return " ".join(w if (i and w in _SMALL_WORDS) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def translate_phrase(hindi: str) -> Optional[str]:
    """English for a phrase made of listed words, in Hindi's order; None if any part is unknown.

    Hindi compounds put the head last as English does (स्वास्थ्य विभाग =
    Health Department), so parts are translated in place, each the longest
    listed stretch of words. A phrase that ends in an organisation word or an
    office is a name and comes back in title case (District Administration);
    others keep the lexicon's case (review meeting).
    """
    words = term_key(hindi).split()
    if not words:
        return None
    parts: list[Term] = []
    i = 0
    while i < len(words):
        for size in range(min(_longest_entry(), len(words) - i), 0, -1):
            term = _lexicon().get(" ".join(words[i:i + size]))
            if term:
                parts.append(term)
                i += size
                break
        else:
            return None
    english = " ".join(part.english for part in parts)
    return _title(english) if parts[-1].kind in _NAMING_KINDS else english

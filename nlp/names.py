"""Which words can be part of a person's name, and where names start.

Hindi has no capital letters, so a name is found by its company: an
honorific before it (श्री, डॉ.), a service or post next to it, a reporting
verb after it (ने कहा). What the words themselves may be is judged from two
data files: IL-NER's counts of how often a word was tagged as a person
(data/word_entity_counts.tsv) and the romanisation spellings of common
given names and surnames (data/name_spellings.tsv, when present).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.lang.hi.stop_words import STOP_WORDS

from nlp.designations import is_post_word
from nlp.figures import is_word
from nlp.lexicons import read_list, read_tsv
from nlp.normalize import fold


@dataclass(frozen=True)
class WordStats:
    person: int
    organization: int
    location: int
    total: int


@lru_cache(maxsize=None)
def _word_stats() -> dict[str, WordStats]:
    stats: dict[str, WordStats] = {}
    for row in read_tsv("word_entity_counts.tsv"):
        key = fold(row["word"])
        old = stats.get(key, WordStats(0, 0, 0, 0))
        stats[key] = WordStats(*(getattr(old, f) + int(row[f]) for f in ("person", "organization", "location", "total")))
    return stats


def word_stats(word: str) -> Optional[WordStats]:
    """IL-NER's tag counts for a word (folded), or None for a word it never saw."""
    return _word_stats().get(fold(word))


@lru_cache(maxsize=None)
def _known_name_words() -> frozenset[str]:
    """Whole given names and surnames from the romanisation spellings (not initials or parts)."""
    return frozenset(fold(row["hindi"]) for row in read_tsv("name_spellings.tsv") if row["kind"] == "name")


@lru_cache(maxsize=None)
def honorifics() -> dict[str, str]:
    return {row["word"]: row["english"] for row in read_tsv("honorifics.tsv")}


_NOT_NAME = re.compile(r"[\d@#/\\]")
_INITIAL = re.compile(r"[\u0905-\u0939\u0958-\u095fA-Z][\u093e-\u094c\u0902]?\.?")  # के., आर, K.


@lru_cache(maxsize=None)
def _not_name_words() -> frozenset[str]:
    return frozenset(fold(w) for w in read_list("not_name_words.txt"))


@lru_cache(maxsize=None)
def _letter_names() -> frozenset[str]:
    """English letters as Hindi writes them (आर, एम, डब्ल्यू), from the romanisation spellings."""
    return frozenset(fold(r["hindi"]) for r in read_tsv("name_spellings.tsv") if r["kind"] == "initial")


def is_initial(word: str) -> bool:
    """A letter standing for a name: के. / आर. / पी / K."""
    return bool(_INITIAL.fullmatch(word)) or fold(word.rstrip(".")) in _letter_names()


def is_ordinary_word(word: str) -> bool:
    """A frequent word annotators (almost) never tagged as a person: कार्यालय, गिनाते."""
    key = fold(word)
    if key in STOP_WORDS or word in STOP_WORDS:
        return True
    stats = _word_stats().get(key)
    return bool(stats and stats.total >= 8 and stats.person / stats.total < 0.05) and key not in _known_name_words()


def is_name_part(word: str) -> bool:
    """Strong evidence the word is a name part: listed, or mostly tagged as a person."""
    key = fold(word)
    if key in _known_name_words():
        return True
    stats = _word_stats().get(key)
    return bool(stats and stats.person and stats.person / stats.total >= 0.5)


def is_post_plural(word: str) -> bool:
    """The plural of a post (कलेक्टरों, मुख्यमंत्रियों, अधिकारियों): a group of officials, never a name."""
    key = fold(word)
    return (key.endswith("ों") and is_post_word(key[:-2])) or (key.endswith("ियों") and is_post_word(key[:-4] + "ी"))


def can_be_name_token(word: str) -> bool:
    """A Devanagari or capitalised Latin word that is not a stop word nor the plural of a post."""
    if _NOT_NAME.search(word) or word in honorifics() or fold(word) in _not_name_words() or is_post_plural(word):
        return False
    if word.isascii():
        return word[:1].isupper() and word.replace(".", "").isalpha()
    return is_word(word) and fold(word) not in STOP_WORDS and word not in STOP_WORDS


def honorific_at(word: str) -> Optional[str]:
    return word if word in honorifics() else None


def loose_key(name: str) -> str:
    """A key under which spelling variants of one name meet: मीणा/मीना, शर्मा/सर्मा."""
    key = fold(name)
    key = key.translate(str.maketrans({"ण": "न", "ष": "श", "ी": "ि", "ू": "ु", "ं": "", "ृ": "र", "ॉ": "ो"}))
    key = key.replace("\u094d", "")  # virama: श्री / शरी
    return " ".join(key.split())

"""English forms for the record: names romanised, organisation names translated.

One place that decides how a Hindi string becomes English, so the record
and the summary always agree.
"""
from __future__ import annotations

from typing import Optional

from nlp.designations import domain_english
from nlp.organizations import head_english
from nlp.places import gazetteer
from nlp.romanize import abbreviation_letters, romanize_name
from nlp.terms import translate_phrase


def person_name(hindi: str) -> str:
    return romanize_name(hindi)


def place_name(hindi: str) -> str:
    """A place the gazetteer does not know (a village, a market): romanised like a proper name."""
    return romanize_name(hindi)


def organization_name(hindi: str) -> Optional[str]:
    """A translation when every part is known (स्वास्थ्य विभाग, जीएसटी विभाग, सूरत नगर निगम), else a romanisation."""
    if hindi.isascii():
        return hindi
    return translate_phrase(hindi) or _chunked(hindi.split()) or romanize_name(hindi)


def _chunked(words: list[str]) -> Optional[str]:
    """English built chunk by chunk, left to right: a letter abbreviation in Latin capitals (जीएसटी -> GST),
    a listed place (सूरत -> Surat), the longest stretch the lexicons translate, or else one word romanised
    as a proper name. Kept when nothing had to be romanised (आईआईटी कानपुर -> IIT Kanpur) or the name
    ends in a translated head (कतरास थाना -> Katras Police Station); None otherwise."""
    out: list[str] = []
    i, romanised, head_known = 0, False, False
    while i < len(words):
        size, english, translated = 1, abbreviation_letters(words[i]), False
        if english is None:
            place = next(((n, entry) for n in (3, 2, 1) if i + n <= len(words)
                          and (entry := gazetteer().best(" ".join(words[i:i + n])))), None)
            if place is not None:
                size, english = place[0], place[1].name_en
        if english is None:
            size, english = next(((n, e) for n in range(len(words) - i, 0, -1)
                                  if (e := _translated(words[i:i + n])) is not None), (1, None))
            translated = english is not None
        if english is None:
            english, romanised = romanize_name(words[i]), True
        out.append(_title_case(english))
        i += size
        head_known = translated
    return " ".join(out) if (head_known and len(words) >= 2) or not romanised else None


def _translated(words: list[str]) -> Optional[str]:
    """The term lexicon's English for these words, a field of government's (विदेश) or an organisation head's (शासन)."""
    text = " ".join(words)
    return translate_phrase(text) or domain_english(text) or head_english(text)


def _title_case(english: str) -> str:
    """Each word capitalised except short function words: Indian Medical Research, Ministry of Home Affairs."""
    return " ".join(w if w in {"of", "and", "the", "for", "in"} else w[:1].upper() + w[1:] for w in english.split())

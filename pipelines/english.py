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


def organization_name(hindi: str) -> Optional[str]:
    """A translation when every part is known (स्वास्थ्य विभाग, जीएसटी विभाग, सूरत नगर निगम), else a romanisation."""
    if hindi.isascii():
        return hindi
    return translate_phrase(hindi) or _composed(hindi) or romanize_name(hindi)


def _composed(hindi: str) -> Optional[str]:
    """Listed places (सूरत -> Surat) and letter abbreviations (जीएसटी -> GST) as they are, the words
    between them translated: सूरत महानगर पालिका -> Surat Municipal Corporation, आईआईटी कानपुर ->
    IIT Kanpur. None unless every word finds its English."""
    words = hindi.split()
    parts: list[str] = []
    run: list[str] = []

    def close_run() -> bool:
        if run:
            english = _translated(run) or _name_then_head(run)
            if english is None:
                return False
            parts.append(english[:1].upper() + english[1:])
            run.clear()
        return True

    i = 0
    while i < len(words):
        letters = abbreviation_letters(words[i])
        place = next(((size, entry) for size in (3, 2, 1) if i + size <= len(words)
                      and (entry := gazetteer().best(" ".join(words[i:i + size])))), None)
        if letters is None and place is None:
            run.append(words[i])
            i += 1
            continue
        if not close_run():
            return None
        parts.append(letters or place[1].name_en)
        i += 1 if letters else place[0]
    if not close_run() or len(parts) < 2 and not any(abbreviation_letters(w) for w in words) \
            and not _name_then_head(words):
        return None
    return " ".join(parts)


def _translated(words: list[str]) -> Optional[str]:
    """The term lexicon's English for these words, a field of government's (विदेश) or an organisation head's (शासन)."""
    text = " ".join(words)
    return translate_phrase(text) or domain_english(text) or head_english(text)


def _name_then_head(words: list[str]) -> Optional[str]:
    """Chunk by chunk when the name ends in a known head: known words translated (the longest known
    stretch first), listed places and abbreviations as they are, the rest romanised as a proper name:
    कस्तूरबा अस्पताल -> Kasturba Hospital, नारायणा मेडिकल कॉलेज -> Narayana Medical College. None if
    the last word is not part of a known stretch."""
    out: list[str] = []
    i, head_known = 0, False
    while i < len(words):
        for size in range(len(words) - i, 0, -1):
            english = _translated(words[i:i + size])
            if english is not None:
                head_known = i + size == len(words)
                break
        else:
            size = 1
            place = gazetteer().best(words[i])
            english = abbreviation_letters(words[i]) or (place.name_en if place else None) or romanize_name(words[i])
        out.append(_title_case(english))
        i += size
    return " ".join(out) if head_known and len(words) >= 2 else None


def _title_case(english: str) -> str:
    """Each word capitalised except short function words: Indian Medical Research, Ministry of Home Affairs."""
    return " ".join(w if w in {"of", "and", "the", "for", "in"} else w[:1].upper() + w[1:] for w in english.split())

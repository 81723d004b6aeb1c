"""English forms for the record: names romanised, organisation names translated.

One place that decides how a Hindi string becomes English, so the record
and the summary always agree.
"""
from __future__ import annotations

from typing import Optional

from nlp.places import gazetteer
from nlp.romanize import abbreviation_letters, romanize_name
from nlp.terms import translate_phrase


def person_name(hindi: str) -> str:
    return romanize_name(hindi)


def organization_name(hindi: str) -> Optional[str]:
    """A translation when every word is known (स्वास्थ्य विभाग, जीएसटी विभाग), else a romanisation."""
    if hindi.isascii():
        return hindi
    return translate_phrase(hindi) or _with_abbreviations(hindi) or romanize_name(hindi)


def _with_abbreviations(hindi: str) -> Optional[str]:
    """Letter abbreviations in Latin capitals, the words between them translated or a listed place:
    जीएसटी विभाग -> GST Department, आईआईटी कानपुर -> IIT Kanpur."""
    parts: list[str] = []
    run: list[str] = []
    for word in hindi.split() + [""]:
        letters = abbreviation_letters(word) if word else None
        if word and not letters:
            run.append(word)
            continue
        if run:
            place = gazetteer().best(" ".join(run))
            english = place.name_en if place else translate_phrase(" ".join(run))
            if english is None:
                return None
            parts.append(english[:1].upper() + english[1:])
            run = []
        if letters:
            parts.append(letters)
    return " ".join(parts) if any(abbreviation_letters(w) for w in hindi.split()) else None

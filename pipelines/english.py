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
            english = translate_phrase(" ".join(run))
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
    if not close_run() or len(parts) < 2 and not any(abbreviation_letters(w) for w in words):
        return None
    return " ".join(parts)

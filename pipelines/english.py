"""English forms for the record: names romanised, organisation names translated.

One place that decides how a Hindi string becomes English, so the record
and the summary always agree.
"""
from __future__ import annotations

from typing import Optional

from nlp.romanize import romanize_name
from nlp.terms import translate_phrase


def person_name(hindi: str) -> str:
    return romanize_name(hindi)


def organization_name(hindi: str) -> Optional[str]:
    """A translation when every word is known (स्वास्थ्य विभाग), else a romanisation."""
    if hindi.isascii():
        return hindi
    return translate_phrase(hindi) or romanize_name(hindi)

"""Language of a stretch of text, deterministic and crash-free.

Devanagari-script text is taken as Hindi without asking langdetect (which
is slow and confuses Hindi with Marathi/Nepali on short news lines); other
text goes to langdetect with a fixed seed. Text with no letters is 'und'.
"""
from __future__ import annotations

from collections import Counter

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0

UNDETERMINED = "und"


def script_counts(text: str) -> Counter:
    counts: Counter = Counter()
    for ch in text:
        if "\u0900" <= ch <= "\u097f" and ch.isalpha() or "\u0900" <= ch <= "\u0903":
            counts["deva"] += 1
        elif ch.isalpha():
            counts["latin" if ch.isascii() else "other"] += 1
    return counts


def detect_language(text: str) -> str:
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters == 0:
        return UNDETERMINED
    if counts["deva"] / letters >= 0.5:
        return "hi"
    try:
        return detect(text)
    except LangDetectException:
        return UNDETERMINED


def document_language(paragraph_texts: list[str]) -> str:
    """The language that holds most letters across paragraphs."""
    weight: Counter = Counter()
    for para in paragraph_texts:
        lang = detect_language(para)
        if lang != UNDETERMINED:
            weight[lang] += sum(script_counts(para).values())
    return weight.most_common(1)[0][0] if weight else UNDETERMINED

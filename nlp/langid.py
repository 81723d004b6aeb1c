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


# A long document is judged on its first letters, and short non-Hindi paragraphs
# go to langdetect together: one call per line made a 1 MB file of short English
# lines take minutes.
_MAX_DOCUMENT_LETTERS = 50_000
_BLOCK_CHARS = 2_000


def document_language(paragraph_texts: list[str]) -> str:
    """The language that holds most letters across paragraphs (the first ~50,000 letters)."""
    weight: Counter = Counter()
    block: list[str] = []
    block_letters = block_chars = seen = 0

    def weigh_block() -> None:
        lang = detect_language("\n".join(block))
        if lang != UNDETERMINED:
            weight[lang] += block_letters

    for para in paragraph_texts:
        para = para[:2 * (_MAX_DOCUMENT_LETTERS - seen)]
        counts = script_counts(para)
        letters = sum(counts.values())
        if letters and counts["deva"] / letters >= 0.5:
            weight["hi"] += letters
        elif letters:
            block.append(para)
            block_letters += letters
            block_chars += len(para)
            if block_chars >= _BLOCK_CHARS:
                weigh_block()
                block, block_letters, block_chars = [], 0, 0
        seen += letters
        if seen >= _MAX_DOCUMENT_LETTERS:
            break
    if block:
        weigh_block()
    return weight.most_common(1)[0][0] if weight else UNDETERMINED

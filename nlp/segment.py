"""Paragraphs and sentences as character spans of the (normalised) text.

Paragraphs are split on newlines first; sentences inside each paragraph
come from indic-nlp-library's `sentence_split`, then pieces that end in a
known abbreviation (डॉ., रु., Dr.) are joined back to what follows.
"""
from __future__ import annotations

import re

from indicnlp.tokenize import sentence_tokenize

from nlp.lexicons import abbreviations

Span = tuple[int, int]

_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped, as (start, end) spans."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        line = match.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if end - trail > start + lead:
            spans.append((start + lead, end - trail))
    return spans


_INITIALS = re.compile(r"(?:[^\s.]{1,3}\.){2,}")  # भा.प्र.से., I.A.S.


def _ends_in_abbreviation(piece: str) -> bool:
    words = piece.rsplit(None, 1)  # not a regex: r"(\S+)\s*$" retries every start, quadratic on long words
    if not words:
        return False
    word = words[-1]
    return word in abbreviations() or bool(_INITIALS.fullmatch(word))


_SPLIT_CHARS = 2_000
_SENTENCE_ENDS = "।?!|\n"


def _split(para: str) -> list[str]:
    """indic-nlp's `sentence_split`, fed at most ~2,000 characters at a time.

    Its merging of one-word "x." pieces is quadratic (50,000 dots took
    seconds, a megabyte minutes), so a long paragraph goes in windows that
    end at a sentence end when there is one in the second half of the window.
    """
    pieces: list[str] = []
    at = 0
    while len(para) - at > _SPLIT_CHARS:
        window = para[at:at + _SPLIT_CHARS]
        cut = max(window.rfind(ch) for ch in _SENTENCE_ENDS) + 1
        cut = cut if cut > _SPLIT_CHARS // 2 else _SPLIT_CHARS
        pieces.extend(sentence_tokenize.sentence_split(window[:cut], lang="hi"))
        at += cut
    pieces.extend(sentence_tokenize.sentence_split(para[at:], lang="hi"))
    return pieces


def sentences(text: str, paragraph_spans: list[Span] | None = None) -> list[Span]:
    """Sentence spans over the whole text, never crossing a paragraph."""
    spans: list[Span] = []
    for p_start, p_end in paragraph_spans if paragraph_spans is not None else paragraphs(text):
        para = text[p_start:p_end]
        cursor = 0
        pending_start = None
        pieces = _split(para)
        for n, piece in enumerate(pieces):
            piece = piece.strip()
            if not piece:
                continue
            found = para.find(piece, cursor)
            if found < 0:  # the splitter changed the text: fall back to the paragraph
                spans.append((p_start + cursor, p_end)) if cursor < len(para) else None
                cursor = len(para)
                pending_start = None
                break
            start = found if pending_start is None else pending_start
            cursor = found + len(piece)
            if n < len(pieces) - 1 and _ends_in_abbreviation(piece):
                pending_start = start
                continue
            spans.append((p_start + start, p_start + cursor))
            pending_start = None
        if pending_start is not None:
            spans.append((p_start + pending_start, p_start + cursor))
    return spans

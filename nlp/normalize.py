"""Unicode normalisation that remembers where every character came from.

The pipeline reads a cleaned copy of the input (NFC, Devanagari digits as
ASCII, no zero-width characters or markdown emphasis, runs of spaces as one,
Urdu nukta letters folded), but records must point into the text the user gave us. `Normalized`
keeps, for every output character, the span of input characters it came
from, so any span of the clean text maps back exactly.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DEVANAGARI_DIGITS = {chr(0x0966 + i): str(i) for i in range(10)}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u3000", "\t"}
_NUKTA = "\u093c"
# Letters whose nukta form is a spelling variant in Hindi news (ज़/ज, फ़/फ ...).
# ड़ and ढ़ are letters of their own and keep the nukta.
_FOLDABLE_NUKTA_BASES = set("कखगजफ")
# A base character followed by its combining marks: NFC composes only inside it.
_CLUSTER = re.compile(r".[\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]*", re.S)


@dataclass(frozen=True)
class Normalized:
    """Clean text plus a map from each of its characters to input offsets."""

    original: str
    text: str
    starts: tuple[int, ...]  # starts[i]: input offset where text[i] begins
    ends: tuple[int, ...]  # ends[i]: input offset where text[i] ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span [start, end) to the input span it came from."""
        if not self.text:
            return 0, 0
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def _emphasis_is_markup(text: str, i: int) -> bool:
    """An underscore is markdown emphasis unless it joins two word characters."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def normalize(original: str) -> Normalized:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _CLUSTER.finditer(original):
        s, e = match.span()
        cluster = match.group()
        if cluster[0] == "\r":
            # CRLF and lone CR both become one newline.
            if e < len(original) and original[e:e + 1] == "\n":
                continue
            cluster = "\n"
        elif cluster in _ZERO_WIDTH:
            continue
        elif cluster in _SPACES:
            cluster = " "
        elif cluster == "*" or (cluster == "_" and _emphasis_is_markup(original, s)):
            cluster = " "
        composed = unicodedata.normalize("NFC", cluster)
        for ch in composed:
            if ch in _ZERO_WIDTH or (ch == " " and out and out[-1] in " \n"):
                continue  # runs of spaces (often left by markdown) collapse to one
            if ch == _NUKTA and out and out[-1] in _FOLDABLE_NUKTA_BASES:
                continue
            out.append(_DEVANAGARI_DIGITS.get(ch, ch))
            starts.append(s)
            ends.append(e)
    return Normalized(original, "".join(out), tuple(starts), tuple(ends))


_FINAL_AI = re.compile(r"(?<=[\u0900-\u097f])आइ(?![\u0900-\u097f])")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """A matching key for lexicon look-ups: spelling variants collapse.

    Nukta dropped everywhere, chandrabindu as anusvara, ZWJ/ZWNJ removed, and a letter
    abbreviation's final आइ as आई (Dainik Jagran writes पीटीआइ, एसएसआइ for पीटीआई, एसएसआई).
    Not for display: only for comparing words.
    """
    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFD", text).replace(_NUKTA, "")
    text = text.replace("\u0901", "\u0902")
    text = _FINAL_AI.sub("आई", text)
    return "".join(ch for ch in text if ch not in _ZERO_WIDTH)

"""Hindi typed in a legacy font (KrutiDev 010, DevLys 010) back to Unicode.

Many state and district offices still type Hindi in KrutiDev: the file holds
Latin letters and symbols that only look like Devanagari in that font, so
pasted text reads `ubZ fnYyh` for नई दिल्ली. `detect_legacy_font` recognises
such text; `convert_legacy` turns it into Unicode Devanagari and gives, for
every output character, the input span it came from, so record offsets can
still point into the user's own text; `to_krutidev` writes Unicode back in
KrutiDev (for round-trip tests). The glyph table is data: data/krutidev.tsv.

KrutiDev stores glyphs in visual order, so two signs move on the way to
Unicode: the short-i sign `f` is typed *before* its consonant cluster, the
reph `Z` (र् on top) *after* its cluster and vowel signs. Output characters of
a reordered syllable all carry the whole syllable's input span, so spans are
ordered and never overlap (like `nlp.normalize`, which maps per cluster).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

from nlp.lexicons import read_tsv
from nlp.normalize import Normalized, normalize

KRUTIDEV = "krutidev"
FONTS = {KRUTIDEV: "krutidev.tsv"}
# DevLys 010 is drawn on the KrutiDev 010 layout: the same table reads both.
FONT_ALIASES = {"krutidev": KRUTIDEV, "krutidev010": KRUTIDEV, "kruti dev 010": KRUTIDEV,
                "devlys": KRUTIDEV, "devlys010": KRUTIDEV, "devlys 010": KRUTIDEV}
WARNINGS = {KRUTIDEV: "converted from KrutiDev legacy font encoding"}

Span = tuple[int, int]

# E-mail addresses and web links are typed in an English font even in a
# KrutiDev document: they pass through unconverted. The look-behind keeps the
# e-mail pattern linear (one start per run of address characters).
_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>]*[A-Za-z0-9/]"
    r"|(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


# --- the glyph table ----------------------------------------------------------

@dataclass(frozen=True)
class _Table:
    read: dict[str, tuple[str, str]]  # legacy sequence -> (unicode, kind)
    write: dict[str, str]  # unicode sequence -> legacy sequence
    write_longest: int


_KINDS = {"vowel", "consonant", "half", "sign", "i", "mark", "virama", "reph", "visarga", "other"}


@lru_cache(maxsize=None)
def _table(font: str) -> _Table:
    read: dict[str, tuple[str, str]] = {}
    write: dict[str, str] = {}
    for row in read_tsv(FONTS[font]):
        uni, legacy, kind, direction = row["unicode"], row["legacy"], row["kind"], row["direction"]
        if kind not in _KINDS or direction not in ("both", "read", "write"):
            raise ValueError(f"{FONTS[font]}: bad row {row}")
        if direction != "write":
            if legacy in read:
                raise ValueError(f"{FONTS[font]}: {legacy!r} is read twice")
            read[legacy] = (unicodedata.normalize("NFC", uni), kind)
        if direction != "read":
            write.setdefault(unicodedata.normalize("NFC", uni), legacy)
    return _Table(read, write, max(map(len, write)))


def _font(font: str) -> str:
    key = FONT_ALIASES.get(font.lower().strip())
    if key is None:
        raise ValueError(f"unknown legacy font {font!r}; known: {', '.join(sorted(FONT_ALIASES))}")
    return key


# --- detection ----------------------------------------------------------------

_SAMPLE_CHARS = 20_000  # enough words to judge; keeps detection cheap on 5 MB input
_MIN_WORDS = 3
_LEGACY_SHARE = 0.5  # KrutiDev Hindi: ~68% of words look like KrutiDev; English, romanised Hindi: ~1%
_ENGLISH_SHARE = 0.2  # English function words: ~50% of English words, ~2% of KrutiDev ones
_WORD = re.compile(r"\S+")
_LATIN_VOWELS = set("aeiouyAEIOUY")
_CONSONANT_KEY = r"[bcdfgjlnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ;'\"/\[{.|]"  # m is उ in KrutiDev: "mk" is romanised (samkhya)
# Key patterns of KrutiDev Hindi that English and romanised Hindi hardly have:
# the ा bar after a consonant key (Hkkjr भारत, dk का, ljdkj सरकार), a symbol key
# between letters (eaU=h मंत्री, izns'k प्रदेश), the short-i key before a
# consonant (fd कि), the reph after a letter (dk;Z कार्य), a word that starts
# with a symbol key (;g यह, [kku खान).
_KRUTIDEV_PATTERNS = re.compile(
    r"kk"
    r"|[a-zA-Z][;'\"/\[\]{}|=<>~`][a-zA-Z]"
    rf"|{_CONSONANT_KEY}k[bcdfgjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ;'\"/\[{{|=]"
    r"|[bdfgjpqtvwxzBCDFGHJKLMNPQRSTVWXZ;'\"/\[{.|]k$"  # not ck lk nk rk sk: back, talk, think, work, ask
    r"|[bdfgjlmpqrtvwxzBCDFGHJKLMNPQRTVWXZ;'\"/\[{.|]kh"
    r"|^f[^aeiouylr\W]|[a-z;]Z|^[;\[{|][a-zA-Z]"
)


@lru_cache(maxsize=None)
def _english_function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _looks_krutidev(word: str) -> bool:
    letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if all(ch.isupper() for ch in letters):
        return False  # an acronym: IAS, DM, COVID
    if not any(ch in _LATIN_VOWELS for ch in letters):
        return True  # ljdkj सरकार, gS है, ds के: many KrutiDev words have no Latin vowel
    return bool(_KRUTIDEV_PATTERNS.search(word))


def detect_legacy_font(text: str) -> Optional[str]:
    """'krutidev' when `text` is Hindi typed in KrutiDev/DevLys, else None.

    Judged on the Latin words of the first 20,000 characters: enough of them
    must look like KrutiDev (no Latin vowel, or a KrutiDev key pattern) and
    few may be English function words. Text that is mostly Devanagari already,
    English, romanised Hindi (ITRANS, Harvard-Kyoto, plain), links and
    addresses do not fire; fewer than three Latin words never do.
    """
    sample = _PROTECTED.sub(" ", text[:_SAMPLE_CHARS])
    words = [word for word in _WORD.findall(sample)
             if not any(ch.isdigit() for ch in word)
             and sum(1 for ch in word if ch.isascii() and ch.isalpha()) >= 2]
    if len(words) < _MIN_WORDS:
        return None
    devanagari = sum(1 for ch in sample if "\u0900" <= ch <= "\u097f")
    if devanagari > sum(map(len, words)):
        return None
    english = _english_function_words()
    function_words = sum(1 for w in words if w.strip(".,;:!?\"'()[]").lower() in english)
    if function_words / len(words) > _ENGLISH_SHARE:
        return None
    legacy = sum(1 for w in words if _looks_krutidev(w))
    return KRUTIDEV if legacy / len(words) >= _LEGACY_SHARE else None


# --- conversion ---------------------------------------------------------------

@dataclass(slots=True)
class _Piece:
    """Output text for the input span [start, end); kind steers reordering."""

    text: str
    start: int
    end: int
    kind: str  # C consonant (cluster) | H half | S sign | R closed syllable | O other


class _Token(NamedTuple):
    unicode: str
    kind: str
    start: int
    end: int


@lru_cache(maxsize=None)
def _reader(font: str) -> re.Pattern:
    """Longest legacy sequence first, else any single character.

    Sequences are grouped by their first character (a one-level trie), so
    the regex tries a few dozen branches per position, not every sequence.
    """
    read = _table(font).read
    branches = []
    for first in sorted({key[0] for key in read if len(key) > 1}):
        rests = sorted((key[1:] for key in read if len(key) > 1 and key[0] == first), key=len, reverse=True)
        optional = "?" if first in read else ""
        branches.append(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")" + optional)
    return re.compile("|".join(branches) + "|.", re.S)


def _tokens(text: str, font: str) -> Iterator[_Token]:
    """Glyph sequences, longest match first; links, addresses and unknown characters pass through."""
    read = _table(font).read
    reader = _reader(font)
    at = 0
    for link in [*_PROTECTED.finditer(text), None]:
        stop = link.start() if link else len(text)
        for match in reader.finditer(text, at, stop):
            key = match.group()
            uni, kind = read.get(key, (key, "other"))
            yield _Token(uni, kind, match.start(), match.end())
        if link:
            for j in range(link.start(), link.end()):
                yield _Token(text[j], "literal", j, j + 1)
            at = link.end()


_VIRAMA = "\u094d"
_VISARGA_FINAL = set("तनशछ")  # अतः, पुनः, क्रमशः, छः: word-final visarga; after other letters % is a colon
_LETTER_KINDS = {"vowel", "consonant", "half", "i"}


def _pieces(tokens: list[_Token]) -> list[_Piece]:
    out: list[_Piece] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "i":
            j, cluster = _cluster(tokens, i + 1)
            if cluster is not None:
                out.append(_Piece(cluster + "\u093f", tok.start, tokens[j - 1].end, "C"))
                i = j
                continue
            out.append(_Piece(tok.unicode, tok.start, tok.end, "S"))
        elif tok.kind in ("consonant", "half"):
            j, cluster = _cluster(tokens, i, single=True)
            out.append(_Piece(cluster, tok.start, tokens[j - 1].end, "H" if cluster.endswith(_VIRAMA) else "C"))
            i = j
            continue
        elif tok.kind in ("mark", "virama") and out:
            last = out[-1]
            last.text += tok.unicode
            last.end = tok.end
        elif tok.kind == "reph":
            _attach_reph(out, tok)
        elif tok.kind == "visarga":
            out.append(_Piece(_visarga_or_colon(out, tokens[i + 1] if i + 1 < n else None), tok.start, tok.end, "S"))
        else:
            out.append(_Piece(tok.unicode, tok.start, tok.end, "S" if tok.kind == "sign" else "O"))
        i += 1
    return out


def _visarga_or_colon(out: list[_Piece], following: Optional[_Token]) -> str:
    """KrutiDev has no colon key: typists use the visarga key `%` for both.

    Inside a word (दुःख, निःशुल्क) it is a visarga; at a word's end only after
    the consonants that end visarga words (अतः, पुनः, क्रमशः, छः); elsewhere
    (वायरस:, 10:30, कहा:) a colon.
    """
    before = out[-1].text[-1:] if out else ""
    devanagari = "\u0900" <= before <= "\u097f"
    if devanagari and following is not None and following.kind in _LETTER_KINDS:
        return "\u0903"
    return "\u0903" if before in _VISARGA_FINAL else ":"


def _cluster(tokens: list[_Token], i: int, single: bool = False) -> tuple[int, Optional[str]]:
    """The consonant cluster at tokens[i]: half forms, then a full consonant, each with its marks.

    Returns (index after it, its text), or (i, None) when no cluster ending in a
    full consonant starts there. With `single`, only the first consonant or half
    form (with its marks) is taken.
    """
    text = ""
    j, n = i, len(tokens)
    while j < n and tokens[j].kind in ("consonant", "half"):
        text += tokens[j].unicode
        j += 1
        while j < n and tokens[j].kind in ("mark", "virama"):
            text += tokens[j].unicode
            j += 1
        if single or not text.endswith(_VIRAMA):
            break
    if not text or (not single and text.endswith(_VIRAMA)):
        return i, None
    return j, text


def _attach_reph(out: list[_Piece], tok: _Token) -> None:
    """र् goes before the cluster the reph was typed after (past its vowel signs)."""
    k = len(out)
    while k > 0 and out[k - 1].kind == "S":
        k -= 1
    if k > 0 and out[k - 1].kind == "C":
        k -= 1
        while k > 0 and out[k - 1].kind == "H":
            k -= 1
        body = "".join(p.text for p in out[k:])
        reph, rest = tok.unicode[:2], tok.unicode[2:]  # '±' is reph + anusvara
        merged = _Piece(reph + body + rest, out[k].start, tok.end, "R")
        del out[k:]
        out.append(merged)
    else:
        out.append(_Piece(tok.unicode, tok.start, tok.end, "O"))


def convert_legacy(text: str, font: str = KRUTIDEV) -> tuple[str, list[Span]]:
    """Unicode Devanagari for legacy-font `text`, and each output character's input span.

    `spans[i]` is the (start, end) of the input that output character i came
    from; all characters of a syllable share the syllable's span, so spans
    never decrease and every input character is covered. E-mail addresses
    and links pass through unchanged. Output is NFC.
    """
    pieces = _pieces(list(_tokens(text, _font(font))))
    joined = "".join(p.text for p in pieces)
    if unicodedata.is_normalized("NFC", joined):
        return joined, [(p.start, p.end) for p in pieces for _ in p.text]
    # Rare (stray combining marks, other scripts): compose run by run, a run
    # ending where a character starts that NFC can never join to what precedes.
    runs: list[list[_Piece]] = []
    for piece in pieces:
        if runs and not _stable_start(piece.text[0]):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    chars: list[str] = []
    spans: list[Span] = []
    for run in runs:
        composed = unicodedata.normalize("NFC", "".join(p.text for p in run))
        chars.append(composed)
        spans.extend([(run[0].start, run[-1].end)] * len(composed))
    return "".join(chars), spans


def _stable_start(ch: str) -> bool:
    """A character NFC neither reorders past nor composes with what precedes it."""
    return unicodedata.combining(ch) == 0 and (ch < "\u0300" or "\u0900" <= ch <= "\u097f")


def normalize_legacy(text: str, font: str = KRUTIDEV) -> Normalized:
    """`normalize()` of the converted text, with offsets into the legacy input `text`.

    What the pipeline reads for a legacy-font document: `.text` is clean
    Unicode, `.original` is the user's text, `to_original` maps into it.
    """
    converted, spans = convert_legacy(text, font)
    clean = normalize(converted)
    starts = tuple(spans[s][0] for s in clean.starts)
    ends = tuple(spans[e - 1][1] for e in clean.ends)
    return Normalized(text, clean.text, starts, ends)


# --- Unicode back to KrutiDev ---------------------------------------------------

_SYLLABLE = re.compile(
    r"(?P<reph>\u0930\u094d(?=[\u0915-\u0939]))?"
    r"(?P<cluster>(?:[\u0915-\u0939]\u093c?\u094d)*[\u0915-\u0939]\u093c?)"
    r"(?P<signs>[\u093e-\u094c\u0901-\u0903\u0945\u0949]*)"
)
_SUBSCRIPT_RA = "\u094d\u0930"


def _encode(text: str, table: _Table) -> str:
    out = []
    i, n = 0, len(text)
    while i < n:
        for size in range(min(table.write_longest, n - i), 0, -1):
            legacy = table.write.get(text[i:i + size])
            if legacy is not None:
                out.append(legacy)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _encode_cluster(cluster: str, signs: str, table: _Table) -> str:
    """A consonant cluster and its vowel signs (रु, कृ have glyphs of their own)."""
    # ग्र, ब्र, भ्र: KrutiDev writes the full consonant and the subscript-ra key,
    # unless the conjunct has a glyph of its own (प्र ç, क्र Ø, द्र æ ...).
    if cluster.endswith(_SUBSCRIPT_RA) and len(cluster) >= 3:
        base = cluster[:-2]
        unit = base[-2:] if base.endswith("\u093c") else base[-1:]
        if unit + _SUBSCRIPT_RA not in table.write:
            return _encode(base, table) + table.write[_SUBSCRIPT_RA] + _encode(signs, table)
    return _encode(cluster + signs, table)


def to_krutidev(text: str, font: str = KRUTIDEV) -> str:
    """Write Unicode Devanagari as a KrutiDev 010 typist would (the reverse of `convert_legacy`).

    Characters KrutiDev cannot type (Latin letters, %, +) are left as they
    are, so only Devanagari, digits and common punctuation round-trip.
    """
    table = _table(_font(font))
    text = unicodedata.normalize("NFC", text)
    out = []
    links = [m.span() for m in _PROTECTED.finditer(text)] + [(len(text), len(text))]
    next_link = 0
    i, n = 0, len(text)
    while i < n:
        if links[next_link][0] <= i:
            out.append(text[i:links[next_link][1]])  # addresses and links stay as typed
            i = links[next_link][1]
            next_link += 1
            continue
        match = _SYLLABLE.match(text, i)
        if not match:
            j = i + 1
            stop = links[next_link][0]
            while j < stop and not ("\u0915" <= text[j] <= "\u0939"):
                j += 1
            out.append(_encode(text[i:j], table))
            i = j
            continue
        reph, cluster, signs = match.group("reph"), match.group("cluster"), match.group("signs")
        short_i = "\u093f" in signs
        signs = signs.replace("\u093f", "")
        reph_key = table.write["\u0930\u094d"]
        if reph and "\u0902" in signs:
            signs = signs.replace("\u0902", "", 1)
            reph_key = table.write["\u0930\u094d\u0902"]
        body = _encode_cluster(cluster, signs, table)
        out.append((table.write["\u093f"] if short_i else "") + body + (reph_key if reph else ""))
        i = match.end()
    return "".join(out)

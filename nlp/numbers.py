"""Indian numbers: parse them from words and digits, and write them back.

Handles ASCII digits (Devanagari digits are made ASCII by normalisation),
Indian (1,40,000) and western (1,400,000) grouping, decimals, Hindi number
words (चौदह), fractions (डेढ़, ढाई), modifiers (साढ़े, सवा, पौने) and scale
words (सौ, हज़ार, लाख, करोड़, अरब; lakh, crore, million). The word lists
live in data/number_words_hi.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence, Union

from nlp.lexicons import read_tsv
from nlp.normalize import fold

Number = Union[int, float]

_DIGITS = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?|\.\d+")
_MAX_DIGITS = 24  # 1 lakh crore crore is 20 digits; longer digit strings are no figure


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, Number]  # folded word -> 0..99
    fractions: dict[str, float]
    modifiers: dict[str, float]
    scales: dict[str, int]
    canonical: dict[int, str]  # 0..99 -> first spelling, for writing numbers


@lru_cache(maxsize=None)
def number_words() -> NumberWords:
    units, fractions, modifiers, scales, canonical = {}, {}, {}, {}, {}
    for row in read_tsv("number_words_hi.tsv"):
        word, kind = fold(row["word"]).lower(), row["kind"]
        value = float(row["value"])
        if kind == "unit":
            units[word] = int(value)
            canonical.setdefault(int(value), row["word"])
        elif kind == "fraction":
            fractions[word] = value
        elif kind == "modifier":
            modifiers[word] = value
        elif kind == "scale":
            scales[word] = int(value)
    canonical_scales = {}
    for row in read_tsv("number_words_hi.tsv"):
        if row["kind"] == "scale":
            canonical_scales.setdefault(int(row["value"]), row["word"])
    canonical.update({-v: w for v, w in canonical_scales.items()})  # negative keys: scale words
    return NumberWords(units, fractions, modifiers, scales, canonical)


def parse_digits(token: str) -> Optional[Number]:
    """'1,40,000' -> 140000, '2.5' -> 2.5; None unless the token is all number."""
    if not _DIGITS.fullmatch(token):
        return None
    if sum(ch.isdigit() for ch in token) > _MAX_DIGITS:
        return None  # an identifier or noise, not an amount (and int() refuses > 4300 digits)
    whole, _, decimals = token.partition(".")
    groups = whole.split(",")
    if len(groups) > 1:
        # Accept Indian (x,xx,xxx) and western (x,xxx,xxx) grouping only:
        # a list such as 5,6,7 is not a number.
        if len(groups[-1]) != 3 or not 1 <= len(groups[0]) <= 3:
            return None
        middle = {len(g) for g in groups[1:-1]}
        if middle - {2} and middle - {3}:
            return None
    value = float(token.replace(",", "")) if decimals else int(whole.replace(",", ""))
    return _tidy(value)


def _tidy(value: float) -> Number:
    """Integral floats become ints; others are rounded to kill binary noise."""
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)):  # 16.6 लाख करोड़ is whole, whatever floats say
        return int(nearest)
    return float(f"{value:.12g}")  # drop binary noise, keep small values


def _small_number(tokens: Sequence[str], i: int) -> tuple[Optional[float], int]:
    """A number below a scale word at tokens[i]: digits, a word, a fraction or modifier+number."""
    if i >= len(tokens):
        return None, 0
    words = number_words()
    key = fold(tokens[i]).lower()
    digits = parse_digits(tokens[i])
    if digits is not None:
        return float(digits), 1
    if key in words.units:
        return float(words.units[key]), 1
    if key in words.fractions:
        return words.fractions[key], 1
    if key in words.modifiers and i + 1 < len(tokens):
        nxt, used = _small_number(tokens, i + 1)
        if nxt is not None and used == 1 and float(nxt).is_integer() and nxt > 0:
            return nxt + words.modifiers[key], 2
        # सवा सौ, साढ़े सात सौ: a modifier directly before a scale word means 1 unit of it
        if fold(tokens[i + 1]).lower() in words.scales:
            return 1 + words.modifiers[key], 1
    return None, 0


def parse_number(tokens: Sequence[str], start: int = 0) -> tuple[Optional[Number], int]:
    """Parse the longest number expression at tokens[start:].

    Returns (value, tokens used); (None, 0) when no number starts there.
    'एक लाख बीस हज़ार' -> 120000; '1 करोड़ 20 लाख' -> 12000000;
    'साढ़े तीन करोड़' -> 35000000; '14 लाख' -> 1400000; '16.6 लाख करोड़' -> 1.66e13.
    """
    words = number_words()
    total = 0.0
    pending: Optional[float] = None  # the number waiting for its scale word
    last_scale = None  # the last big (>= 1000) scale, which must descend
    last_group = 0.0  # what the last big scale word added to the total
    after_hundred = False
    i = start
    while i < len(tokens):
        key = fold(tokens[i]).lower()
        if key in words.scales:
            scale = words.scales[key]
            if pending is None and i == start:
                break  # a bare scale word ("लाख") is not a number by itself
            if scale == 100:
                if after_hundred:
                    break
                pending = (pending if pending is not None else 1) * 100
                after_hundred = True
            else:
                if last_scale is not None and scale > last_scale and pending is None \
                        and fold(tokens[i - 1]).lower() in words.scales:
                    # a compound scale: '16.6 लाख करोड़' is 16.6 lakh crore
                    total += last_group * (scale - 1)
                    last_group *= scale
                    last_scale *= scale
                    i += 1
                    continue
                if last_scale is not None and scale >= last_scale:
                    break
                last_group = (pending if pending is not None else 1) * scale
                total += last_group
                pending, last_scale, after_hundred = None, scale, False
            i += 1
            continue
        value, used = _small_number(tokens, i)
        if value is None:
            break
        if pending is not None and not (after_hundred and value < 100 and pending % 100 == 0):
            break  # two numbers side by side ("14 15") are two figures
        if pending is None and i > start and last_scale is None and not after_hundred:
            break
        pending = value if pending is None else pending + value
        if after_hundred and i > start:
            after_hundred = False
        i += used
    if i == start:
        return None, 0
    return _tidy(total + (pending or 0)), i - start


def parse_number_text(text: str) -> Optional[Number]:
    """Parse a whole string as one number; None if anything is left over."""
    tokens = text.split()
    value, used = parse_number(tokens)
    return value if tokens and used == len(tokens) else None


def format_indian(value: int) -> str:
    """140000 -> '1,40,000' (Indian digit grouping)."""
    sign, digits = ("-" if value < 0 else ""), str(abs(int(value)))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return sign + ",".join([head] + groups + [tail])


def to_hindi_words(value: int) -> str:
    """Write a non-negative integer in Hindi words: 120000 -> 'एक लाख बीस हजार'."""
    if not 0 <= value < 10**13:
        raise ValueError("Hindi word form is written for 0 <= value < 10**13 (99 खरब)")
    words = number_words().canonical
    if value < 100:
        return words[value]
    parts = []
    for scale in (10**11, 10**9, 10**7, 10**5, 1000, 100):
        count, value = divmod(value, scale)
        if count:
            parts.extend((words[count], words[-scale]))  # count < 100 for every scale
    if value:
        parts.append(words[value])
    return " ".join(parts)

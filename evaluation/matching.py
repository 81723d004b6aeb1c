"""Pair gold items with predicted items, one to one.

Each kind of item has an *affinity*: a comparable score when a gold item
and a predicted item may be the same thing, None when they cannot. The
alignment is greedy on that score (best first, ties by document order),
then grown by augmenting paths to a maximum one-to-one pairing, so every
item is used at most once and a duplicate prediction stays unpaired: it
counts as a false positive. The tiers make it pick an exact name over a
surname-only guess. The rules are spelled out in docs/evaluation.md.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from nlp.normalize import fold

Affinity = Callable[[Any, Any], Optional[tuple]]


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[tuple[int, int], ...]  # (gold index, predicted index)
    gold_only: tuple[int, ...]  # false negatives
    pred_only: tuple[int, ...]  # false positives

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def fn(self) -> int:
        return len(self.gold_only)

    @property
    def fp(self) -> int:
        return len(self.pred_only)


def align(gold: Sequence[Any], pred: Sequence[Any], affinity: Affinity) -> Alignment:
    """Greedy one-to-one alignment: the highest affinity pair first, each item used once."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = affinity(g, p)
            if score is not None:
                candidates.append((score, i, j))
    candidates.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    partner_of_gold: dict[int, int] = {}
    partner_of_pred: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in partner_of_gold and j not in partner_of_pred:
            partner_of_gold[i], partner_of_pred[j] = j, i
    _augment(candidates, partner_of_gold, partner_of_pred)
    pairs = sorted(partner_of_gold.items())
    return Alignment(tuple(pairs), tuple(i for i in range(len(gold)) if i not in partner_of_gold),
                     tuple(j for j in range(len(pred)) if j not in partner_of_pred))


def _augment(candidates: list, partner_of_gold: dict[int, int], partner_of_pred: dict[int, int]) -> None:
    """Grow the greedy pairing to a maximum one (Kuhn's augmenting paths).

    Greedy can strand a pair: gold मीणा takes प्रेम प्रकाश मीणा, leaving gold प्रकाश मीणा with
    nothing, when मीणा could have taken श्याम मीणा. An augmenting path re-pairs so neither is
    lost; pairs are only re-routed, never dropped, and the result does not depend on list order.
    """
    options: dict[int, list[int]] = {}
    for _, i, j in candidates:  # best affinity first
        options.setdefault(i, []).append(j)

    def try_gold(i: int, seen: set[int]) -> bool:
        for j in options.get(i, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in partner_of_pred or try_gold(partner_of_pred[j], seen):
                partner_of_gold[i], partner_of_pred[j] = j, i
                return True
        return False

    for i in sorted(options):
        if i not in partner_of_gold:
            try_gold(i, set())


def align_keys(gold: Sequence[Any], pred: Sequence[Any], key: Callable[[Any], Any]) -> Alignment:
    """One-to-one on equal keys (multiset intersection); a None key never matches."""
    def affinity(g: Any, p: Any) -> Optional[tuple]:
        kg = key(g)
        return (1,) if kg is not None and kg == key(p) else None
    return align(gold, pred, affinity)


# --- names ------------------------------------------------------------------------------------

HONORIFICS = frozenset(fold(w).lower() for w in (
    "डॉ", "डा", "डॉक्टर", "श्री", "श्रीमती", "सुश्री", "कुमारी", "प्रो", "प्रोफेसर", "माननीय", "स्व", "स्वर्गीय",
    "श्रीमान", "dr", "shri", "sri", "shree", "smt", "shrimati", "ms", "mr", "mrs", "miss", "prof",
    "professor", "hon'ble", "honble", "kumari", "late", "sushri"))
TRAILING_WORDS = frozenset(fold(w).lower() for w in (
    "जी", "साहब", "ji", "sahab", "आईएएस", "आईपीएस", "आईएफएस", "ias", "ips", "ifs", "ifos", "irs", "pcs"))
_EDGE_PUNCT = ".,;:()[]{}\"'*_–—-“”‘’|/"


def name_tokens(name: Optional[str]) -> tuple[str, ...]:
    """Folded, lower-cased words of a name without honorifics (डॉ., Shri) or a trailing जी/IAS."""
    if not name:
        return ()
    words = [fold(w).lower().strip(_EDGE_PUNCT) for w in re.split(r"[\s,]+", name)]
    words = [w for w in words if w]
    while words and words[0] in HONORIFICS:
        words.pop(0)
    while words and words[-1] in TRAILING_WORDS:
        words.pop()
    return tuple(words)


_NASAL_CLUSTER = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
_HINDI_VARIANTS = str.maketrans({"\u0940": "\u093f", "\u0942": "\u0941", "\u0923": "\u0928", "\u0937": "\u0938",
                                 "\u0936": "\u0938", "\u0935": "\u092c", "\u0902": None, "\u0901": None,
                                 "\u094d": None, "\u0903": None})


def loose_word(word: str) -> str:
    """A spelling-variant key for one name word: मीणा/मीना, पांडेय/पाण्डेय, Chaudhary/Choudhari meet."""
    if any("\u0900" <= ch <= "\u097f" for ch in word):
        word = _NASAL_CLUSTER.sub("\u0902", word).translate(_HINDI_VARIANTS)
        return word[:-1] if len(word) > 2 and word.endswith("\u093e") else word
    word = re.sub(r"[^a-z]", "", word.lower())
    for old, new in (("ee", "i"), ("oo", "u"), ("ou", "au"), ("w", "v"), ("ph", "f")):
        word = word.replace(old, new)
    word = re.sub(r"(?<=[bcdgkpstj])h", "", word)
    word = re.sub(r"y$", "i", word)
    word = re.sub(r"(.)\1+", r"\1", word)
    return word[:-1] if len(word) > 2 and word.endswith("a") else word


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def name_tier(gold: Sequence[str], pred: Sequence[str]) -> int:
    """3 same words, 2 same up to spelling variants, 1 one is a part of the other ending in the
    same surname (मीणा ~ प्रेम प्रकाश मीणा), 0 different. Arguments are `name_tokens`."""
    if not gold or not pred:
        return 0
    if gold == pred:
        return 3
    lg, lp = tuple(map(loose_word, gold)), tuple(map(loose_word, pred))
    if lg == lp:
        return 2
    short, long = (lg, lp) if len(lg) <= len(lp) else (lp, lg)
    if len(short) < len(long) and short[-1] == long[-1] and _is_subsequence(short, long):
        return 1
    return 0


def _spans(item: Any) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in getattr(item, "mentions", []) or []]
    if not spans and getattr(item, "start", None) is not None and getattr(item, "end", None) is not None:
        spans.append((item.start, item.end))
    return spans


def mentions_overlap(a: Any, b: Any) -> int:
    """How many pairs of mention spans of two items overlap."""
    return sum(1 for s1, e1 in _spans(a) for s2, e2 in _spans(b) if s1 < e2 and s2 < e1)


def _best_name_tier(g: Any, p: Any) -> int:
    return max(name_tier(name_tokens(g.name_hi), name_tokens(p.name_hi)),
               name_tier(name_tokens(g.name_en), name_tokens(p.name_en)))


def title_key(title: Optional[str]) -> Optional[str]:
    """A post title compared case-insensitively, spaces and punctuation aside."""
    if not title:
        return None
    return " ".join(re.sub(r"[^\w&]+", " ", title.lower()).split()) or None


def post_keys(officer: Any) -> set[tuple]:
    return {(title_key(p.title_en), p.district_en, p.state_en) for p in officer.posts if title_key(p.title_en)}


def person_affinity(g: Any, p: Any) -> Optional[tuple]:
    """Officers and people. Named: by name (tiers above), then by overlapping mentions.
    Unnamed officers (name_hi null): only with unnamed ones, by the same post title and place."""
    overlap = mentions_overlap(g, p)
    g_named, p_named = bool(g.name_hi or g.name_en), bool(p.name_hi or p.name_en)
    if g_named and p_named:
        tier = _best_name_tier(g, p)
        if tier >= 2:
            return (tier + 2, overlap)
        if overlap:
            return (2, overlap)
        if tier == 1:
            return (1, overlap)
        return None
    if g_named or p_named:
        return None
    if post_keys(g) & post_keys(p):
        return (2, overlap)
    if overlap or any(mentions_overlap(a, b) for a in g.posts for b in p.posts):
        return (1, overlap)
    return None


def _place_key(name: Optional[str]) -> tuple[str, ...]:
    return tuple(w for w in (fold(x).lower().strip(_EDGE_PUNCT) for x in (name or "").split()) if w)


def place_affinity(g: Any, p: Any) -> Optional[tuple]:
    """Places, organisations and dateline places: same Hindi or English name, a spelling variant
    of it, or overlapping mentions. No surname rule: जिला प्रशासन is not प्रशासन."""
    overlap = mentions_overlap(g, p)
    hi_g, hi_p = _place_key(g.name_hi), _place_key(p.name_hi)
    en_g, en_p = _place_key(g.name_en), _place_key(p.name_en)
    if (hi_g and hi_g == hi_p) or (en_g and en_g == en_p):
        return (3, overlap)
    loose = lambda words: tuple(map(loose_word, words))  # noqa: E731
    if (hi_g and loose(hi_g) == loose(hi_p)) or (en_g and loose(en_g) == loose(en_p)):
        return (2, overlap)
    return (1, overlap) if overlap else None


def same_value(a: float, b: float) -> bool:
    """Figure values agree: equal within 1e-6 relative (exactly, for zero)."""
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=0.0) or a == b


def figure_affinity(g: Any, p: Any) -> Optional[tuple]:
    """Same unit and value; among equal figures, the one nearest in the text."""
    if g.unit != p.unit or not same_value(float(g.value), float(p.value)):
        return None
    return (1, -abs(g.start - p.start))


def figure_of_affinity(g: Any, p: Any) -> Optional[tuple]:
    """Value, unit and counted noun (`of`, folded; null equals null)."""
    if figure_affinity(g, p) is None or _of_key(g.of) != _of_key(p.of):
        return None
    return figure_affinity(g, p)


def _of_key(of: Optional[str]) -> Optional[str]:
    return " ".join(fold(of).split()) if of else None


def phone_key(phone: Any) -> Optional[str]:
    number = "".join(ch for ch in phone.number if ch.isdigit() or ch == "+")
    return number or None


def email_key(email: Any) -> Optional[str]:
    return email.address.strip().lower() or None


def span_key(item: Any) -> Optional[tuple[int, int]]:
    return (item.start, item.end)


def labelled_mentions(record: Any) -> list[tuple[int, int, str]]:
    """Every entity mention as (start, end, type) for exact-span scoring."""
    out = []
    for label, items in (("officer", record.officers), ("person", record.people),
                         ("place", record.places), ("organization", record.organizations)):
        out.extend((m.start, m.end, label) for item in items for m in item.mentions)
    return out

"""Phone numbers and e-mail addresses, so they never pass for figures."""
from __future__ import annotations

import re
from dataclasses import dataclass

# The look-behind holds every character the local part may hold, so a run of
# them is tried from its first character only (a%a%a%... stays linear).
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_PATTERNS = [
    # Indian mobile, optional +91 / 0091 / 0 prefix: "+ 91-6201088532", "98765 43210"
    re.compile(r"(?<![\d+])(?:(?:\+\s?|00)91[\s-]*|0)?[6-9]\d{4}[\s-]?\d{5}(?!\d)"),
    # landline with STD code: "0771-2221234", "(0522) 2238 456"
    re.compile(r"(?<!\d)\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    # toll free: "1800-180-1551", "1800 11 4000"
    re.compile(r"(?<!\d)1800[\s-]?\d{2,3}[\s-]?\d{4}(?!\d)"),
    # a short helpline announced as such: "हेल्पलाइन नंबर 1075", "टोल फ्री 1912"
    re.compile(r"(?:हेल्पलाइन|टोल\s?फ्री|helpline|toll[\s-]?free)(?:\s*(?:नंबर|नम्बर|number|no\.?))?\s*(?:[:-]\s*)?(\d{3,5})(?!\d)", re.I),
]


@dataclass(frozen=True)
class ContactMatch:
    kind: str  # phone | email
    start: int
    end: int
    value: str  # digits (with +91 for mobiles) or the lower-cased address


def _mobile_value(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 12 and digits.startswith("91") and digits[2] in "6789":
        return "+" + digits
    if len(digits) == 14 and digits.startswith("0091"):
        return "+" + digits[2:]
    if len(digits) == 11 and digits.startswith("0") and digits[1] in "6789":
        return "+91" + digits[1:]
    if len(digits) == 10 and digits[0] in "6789":
        return "+91" + digits
    return digits


def find_contacts(text: str) -> list[ContactMatch]:
    found: list[ContactMatch] = []
    taken: list[tuple[int, int]] = []  # sorted and disjoint

    for match in _EMAIL.finditer(text):
        found.append(ContactMatch("email", *match.span(), match.group().lower()))
        taken.append(match.span())
    for n, pattern in enumerate(_PHONE_PATTERNS):
        group = 1 if pattern.groups else 0
        added = []
        j = 0  # matches come in order: walk `taken` alongside (linear, not one scan per match)
        for match in pattern.finditer(text):
            s, e = match.span(group)
            while j < len(taken) and taken[j][1] <= s:
                j += 1
            if j == len(taken) or taken[j][0] >= e:
                raw = match.group(group)
                value = _mobile_value(raw) if n == 0 else re.sub(r"\D", "", raw)
                found.append(ContactMatch("phone", s, e, value))
                added.append((s, e))
        taken = sorted(taken + added)
    return sorted(found, key=lambda m: m.start)

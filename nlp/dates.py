"""Dates in Hindi and English forms, and the dateline that opens a release.

'6 फरवरी, 2021', 'फरवरी 6, 2021', '06.02.2021' (day first, as in India),
'6th February 2021', and a day in words when a year or a case word follows
('तीन मई तक', 'छह मार्च को'; not 'एक मार्च निकाला', a march). Month names
live in data/months.tsv, number words in data/number_words_hi.tsv.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.lexicons import read_tsv, read_list
from nlp.normalize import fold

# Devanagari letters and signs count as word characters for boundaries.
WORD = r"[\w\u0900-\u0963\u0971-\u097f]"
NOT_BEFORE = rf"(?<!{WORD})"
NOT_AFTER = rf"(?!{WORD})"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: Optional[str]  # None when the year is missing or the date is impossible


@lru_cache(maxsize=None)
def _months() -> dict[str, int]:
    return {fold(row["word"]).lower(): int(row["month"]) for row in read_tsv("months.tsv")}


@lru_cache(maxsize=None)
def _day_words() -> dict[str, int]:
    """Days of the month in words (एक ... इकतीस), as written and folded."""
    return {form: int(r["value"]) for r in read_tsv("number_words_hi.tsv")
            if r["kind"] == "unit" and 1 <= int(r["value"]) <= 31 for form in (r["word"], fold(r["word"]))}


# After a day in words, a month is a date only before a year or one of these (तीन मई तक, छह मार्च को).
DATE_CASE_WORDS = ("को", "से", "तक", "की", "के", "का")


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern, str]]:
    names = sorted(_months(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    day_word = "(?P<day>" + "|".join(re.escape(w) for w in sorted(_day_words(), key=len, reverse=True)) + ")"
    case = "(?:" + "|".join(DATE_CASE_WORDS) + ")"
    return [
        (re.compile(rf"{NOT_BEFORE}{day}\s*{month}{NOT_AFTER}(?:\s*(?:,\s*)?{year}(?!\d))?", re.I), "dmy"),
        (re.compile(rf"{NOT_BEFORE}{month}{NOT_AFTER}\s*{day},?\s*{year}(?!\d)", re.I), "mdy"),
        (re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<month>[01]?\d)(?P=sep){year}(?!\d)"), "numeric"),
        (re.compile(rf"{NOT_BEFORE}{day_word}\s+{month}{NOT_AFTER}(?:\s*,?\s*{year}(?!\d)|(?=\s+{case}{NOT_AFTER}))"),
         "dmy_words"),
    ]


def _iso(year: Optional[str], month: int, day: str) -> Optional[str]:
    if not year:
        return None
    try:
        return datetime.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """All dates in `text`; dates without a year come back with iso=None."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []  # sorted and disjoint
    months = _months()
    for pattern, kind in _patterns():
        added = []
        j = 0  # matches come in order: walk `taken` alongside (linear, not one scan per match)
        for match in pattern.finditer(text):
            s, e = match.span()
            while j < len(taken) and taken[j][1] <= s:
                j += 1
            if j < len(taken) and taken[j][0] < e:
                continue
            raw_month = match.group("month")
            month = int(raw_month) if kind == "numeric" else months.get(fold(raw_month).lower())
            if not month or not 1 <= month <= 12:
                continue
            day = match.group("day")
            day = str(_day_words()[fold(day)]) if kind == "dmy_words" else day
            found.append(DateMatch(s, e, _iso(match.group("year"), month, day)))
            added.append((s, e))
        taken = sorted(taken + added)
    return sorted(found, key=lambda d: d.start)


# --- dateline -----------------------------------------------------------------

@dataclass(frozen=True)
class DatelineMatch:
    start: int
    end: int
    places: tuple[tuple[int, int], ...]  # spans of the place names
    date: Optional[DateMatch]


@lru_cache(maxsize=None)
def _agencies() -> tuple[str, ...]:
    return tuple(read_list("news_agencies.txt"))


def is_byline(text: str) -> bool:
    """A news agency or byline credit (जेएनएन, संवाददाता, पीटीआई), which follows a dateline's place."""
    return text.strip() in _agencies()


_PLACE_LIST = re.compile(
    rf"^(?P<places>{WORD}[^\n,:।|()]{{0,60}}?)(?:\s*\((?P<district>[^\n()]{{1,30}})\))?\s*(?:,|:|।|-|–|—)\s*"
)
_PLACE_SEPARATOR = re.compile(r"\s*[/|]\s*")
_MAX_PLACE_WORDS = 4
_DATELINE_WINDOW = 3  # the dateline sits in one of the first paragraphs (after a headline)


def _credit_first(para: str, agencies: tuple[str, ...]) -> Optional[int]:
    """Length of a leading byline and its comma ('संवाद सहयोगी, '), or None."""
    for agency in agencies:
        if para.startswith(agency):
            comma = re.match(r"\s*,\s*", para[len(agency):])
            return len(agency) + comma.end() if comma else None
    return None


def _credit_first_dateline(text: str, start: int, p_end: int) -> Optional[DatelineMatch]:
    """The place (and a bracketed district) after a leading byline, ended by ':' or ','."""
    match = _PLACE_LIST.match(text[start:p_end])
    if not match or len(match.group("places").split()) > _MAX_PLACE_WORDS:
        return None
    spans = [(start + match.start("places"), start + match.end("places"))]
    if match.group("district"):
        spans.append((start + match.start("district"), start + match.end("district")))
    return DatelineMatch(start, start + match.end(), tuple(spans), None)


def find_dateline(text: str, paragraph_spans: list[tuple[int, int]],
                  dates: list[DateMatch]) -> Optional[DatelineMatch]:
    """'नई दिल्ली / रायपुर, 6 फरवरी, 2021:' or 'कानपुर, जेएनएन।' at a paragraph start."""
    agencies = _agencies()
    for p_start, p_end in paragraph_spans[:_DATELINE_WINDOW]:
        credit = _credit_first(text[p_start:p_end], agencies)
        if credit is not None:  # 'संवाद सहयोगी, पटौदी (गुरुग्राम):' -- the byline before the place
            return _credit_first_dateline(text, p_start + credit, p_end)
        para = text[p_start:p_end]
        match = _PLACE_LIST.match(para)
        if not match:
            continue
        places_text = match.group("places")
        rest_at = p_start + match.end()
        date = next((d for d in dates if rest_at <= d.start <= rest_at + 3), None)
        rest = text[rest_at:p_end]
        agency = next((a for a in agencies if rest.startswith(a)), None)
        if date is None and agency is None:
            # "रायपुर 6 फरवरी 2021" with no comma: the date ends the place list
            date = next((d for d in dates if p_start < d.start <= p_start + 60
                         and not text[p_start:d.start].strip(" ,").count(",")), None)
            if date is None:
                continue
            places_text = text[p_start:date.start].rstrip(" ,:")
        spans = []
        offset = p_start
        for piece in _PLACE_SEPARATOR.split(places_text):
            at = text.find(piece, offset)
            if piece and at >= 0:
                spans.append((at, at + len(piece)))
                offset = at + len(piece)
        if not spans or any(len(text[s:e].split()) > _MAX_PLACE_WORDS for s, e in spans):
            continue
        end = date.end if date else rest_at + len(agency)
        tail = re.match(r"\s*[:।\-–—]?", text[end:p_end])
        return DatelineMatch(p_start, end + (tail.end() if tail else 0), tuple(spans), date)
    return None

"""Checks of `summary_en`: overlap with a reference, and facts the record does not hold.

ROUGE-1/2/L F1 as the `rouge-score` package computes them without a stemmer
(lower-cased ASCII letters and digits as tokens), written out here to keep
the dependency list short. The faithfulness check holds the summary to the
promise that it is built only from record fields: every number must be a
figure, a date part, a count of record items or part of a contact, and
every capitalised name must be a name, place, organisation, post or service
in the record. `unsupported_facts(record)` is the one-line check for tests.
"""
from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.normalize import normalize
from pipelines.record import Record

# --- ROUGE ------------------------------------------------------------------------------------


def rouge_tokens(text: str) -> list[str]:
    """Lower-case runs of ASCII letters and digits (rouge-score's default tokenizer, no stemming)."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if not overlap:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(prediction: str, reference: str, n: int) -> float:
    """ROUGE-N F1: clipped n-gram overlap."""
    def grams(tokens: list[str]) -> Counter:
        return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    pred, ref = grams(rouge_tokens(prediction)), grams(rouge_tokens(reference))
    return _f1(sum((pred & ref).values()), sum(pred.values()), sum(ref.values()))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F1: longest common subsequence of the token lists (summary-level LCS not used)."""
    pred, ref = rouge_tokens(prediction), rouge_tokens(reference)
    return _f1(_lcs(pred, ref), len(pred), len(ref))


def rouge(prediction: str, reference: str) -> dict[str, float]:
    return {"rouge1": rouge_n(prediction, reference, 1), "rouge2": rouge_n(prediction, reference, 2),
            "rougeL": rouge_l(prediction, reference)}


# --- faithfulness -----------------------------------------------------------------------------

MONTHS = ("January February March April May June July August September October November December "
          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Capitalised words a summary may use without the record naming them: sentence openers,
# pronouns, titles of address, and a few generic words of official English.
FUNCTION_WORDS = frozenset(w.lower() for w in (
    "The A An In On At Of For To From By With And Or But As Also This That These Those It Its He She His Her "
    "They Their Them We Our There Here After Before During While When Where Which Who Whom Whose What "
    "According Under Over Among Between Both Each All Some Many Several Other Another No Not Only If "
    "Mr Mrs Ms Dr Shri Smt Sri Prof Hon'ble Govt Government State Central Union District Department "
    "Ministry Office Officer Officers Officials Police Press Release Hindi English Rs INR USD Sir Madam "
    "Meanwhile However Further Besides Earlier Later Today Yesterday Tomorrow".split())) | frozenset(
    w.lower() for w in MONTHS + WEEKDAYS)
CONNECTORS = frozenset({"of", "and", "the", "for", "&", "in", "on", "de", "da"})
SCALES = {"thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
          "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "hundred": 1e2}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:,\d+)*(?:\.\d+)?)(?:st|nd|rd|th)?(?:\s*(%|[a-zA-Z]+)(?:\s+(crores?)\b)?)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.&]*[A-Za-z]|[A-Za-z]|&")


@dataclass(frozen=True)
class UnsupportedFact:
    kind: str  # "number", "name" or "email"
    text: str  # as written in the summary
    start: int
    end: int


def _known_words(record: Record) -> set[str]:
    """Every word of an English name, title, place, organisation or service in the record, and the
    acronyms of their multi-word parts (District Magistrate -> dm, Superintendent of Police -> sp)."""
    known: set[str] = set()
    texts = [record.dateline.date_text]
    for person in [*record.officers, *record.people]:
        texts += [person.name_en, getattr(person, "service", None), getattr(person, "role_en", None),
                  getattr(person, "organization", None)]
        for post in getattr(person, "posts", []):
            texts += [post.title_en, post.district_en, post.state_en]
    for place in record.places:
        texts += [place.name_en, place.district_en, place.state_en]
    texts += [place.name_en for place in record.dateline.places]
    texts += [org.name_en for org in record.organizations]
    for text in filter(None, texts):
        words = [w for w in (_norm_word(x) for x in _WORD.findall(text)) if w]
        known.update(words)
        content = [w for w in words if w not in CONNECTORS]
        for i in range(len(content)):
            for j in range(i + 2, len(content) + 1):
                known.add("".join(w[0] for w in content[i:j]))
    return known


def _norm_word(word: str) -> str:
    """Lower case, no possessive, singular: Magistrates and Magistrate's meet magistrate."""
    word = word.replace("’", "'").lower()
    word = re.sub(r"'s$", "", word).strip(".'")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _capitalised_runs(summary: str) -> list[list[tuple[str, int, int]]]:
    """Maximal runs of capitalised words (joined by connectors such as 'of'), with offsets.
    Punctuation ends a run, so "Raigarh, Chhattisgarh" is two runs."""
    runs: list[list[tuple[str, int, int]]] = []
    run: list[tuple[str, int, int]] = []
    pending: list[tuple[str, int, int]] = []  # a connector that joins only if a capital follows
    last_end = 0
    for match in _WORD.finditer(summary):
        word, start, end = match.group(), match.start(), match.end()
        if run and re.search(r"[.,;:!?()\"“”]", summary[last_end:start]):
            runs.append(run)
            run, pending = [], []
        if word[0].isupper():
            run += pending + [(word, start, end)]
            pending = []
        elif run and word.lower() in CONNECTORS and not pending:
            pending = [(word, start, end)]
        else:
            if run:
                runs.append(run)
            run, pending = [], []
        last_end = end
    if run:
        runs.append(run)
    return runs


def _sentence_start(summary: str, position: int) -> bool:
    before = summary[:position].rstrip()
    return not before or before[-1] in ".!?:\n\"“("


def _unsupported_names(summary: str, record: Record) -> list[UnsupportedFact]:
    known = _known_words(record)
    found = []
    for run in _capitalised_runs(summary):
        uncovered: list[tuple[str, int, int]] = []
        for i, (word, start, _) in enumerate(run):
            key = _norm_word(word)
            allowed = (not key or key in known or {key, word.lower()} & FUNCTION_WORDS or key in CONNECTORS
                       or (i == 0 and len(run) == 1 and _sentence_start(summary, start)))
            if not allowed:
                uncovered.append(run[i])
            elif uncovered:
                found.append(_fact("name", summary, uncovered))
                uncovered = []
        if uncovered:
            found.append(_fact("name", summary, uncovered))
    return found


def _fact(kind: str, summary: str, words: list[tuple[str, int, int]]) -> UnsupportedFact:
    start, end = words[0][1], words[-1][2]
    return UnsupportedFact(kind, summary[start:end], start, end)


def _supported_values(record: Record) -> list[float]:
    values = [float(f.value) for f in record.figures]
    counts = [len(record.officers), len(record.people), len(record.places), len(record.organizations),
              len(record.figures), len(record.dateline.places)]
    # numbers inside names the record gives: `Commandant, Bihar Military Police-5`, `CIA Staff-2`
    titles = [p.title_en for o in record.officers for p in o.posts if p.title_en]
    titles += [x.role_en for x in record.people if x.role_en] + [o.name_en for o in record.organizations if o.name_en]
    in_names = [float(n) for t in titles for n in re.findall(r"\d+(?:\.\d+)?", t)]
    return values + [float(c) for c in counts if c] + in_names


def _date_parts(record: Record) -> set[int]:
    """Year, month and day of the dateline date, and any number in its date text (9 दिसंबर)."""
    parts = {int(x) for x in re.findall(r"\d+", normalize(record.dateline.date_text or "").text)}
    try:
        date = datetime.date.fromisoformat(record.dateline.date or "")
    except ValueError:
        return parts
    return parts | {date.year, date.month, date.day, date.year % 100}


def _number_supported(written: str, scale_word: Optional[str], record: Record, crore: bool = False) -> bool:
    """crore: a second scale word follows (`16.6 lakh crore`)."""
    digits = written.replace(",", "")
    value = float(digits)
    scale = SCALES.get((scale_word or "").lower(), 1.0) * (1e7 if crore else 1.0)
    # Rounding to the digits written is allowed: "14 lakh" stands for 14.2 lakh, "9.5%" for 9.53 percent.
    decimals = len(digits.partition(".")[2])
    tolerance = 0.5 * 10 ** -decimals * scale if scale > 1 or decimals else 0.0
    for target in _supported_values(record):
        if math.isclose(value * scale, target, rel_tol=1e-6) or abs(value * scale - target) <= tolerance:
            return True
    if scale == 1.0 and "." not in digits and int(digits) in _date_parts(record):
        return True
    phone_digits = ["".join(ch for ch in p.number if ch.isdigit()) for p in record.contacts.phones]
    return len(digits) >= 2 and "," not in written and any(digits in p for p in phone_digits)


def _unsupported_numbers(summary: str, record: Record) -> list[UnsupportedFact]:
    found = []
    for match in _NUMBER.finditer(summary):
        written, after, crore = match.group(1), match.group(2), match.group(3)
        if not _number_supported(written, after, record, crore=bool(crore and after and after.lower() in SCALES)):
            end = match.end(3) if crore else match.end(2) if after and after.lower() in SCALES else match.end(1)
            found.append(UnsupportedFact("number", summary[match.start():end], match.start(), end))
    return found


def find_unsupported(record: Record, summary: Optional[str] = None) -> list[UnsupportedFact]:
    """Names, numbers and e-mails in the summary (default: record.summary_en) the record does not hold."""
    text = record.summary_en if summary is None else summary
    found: list[UnsupportedFact] = []
    addresses = {e.address.lower() for e in record.contacts.emails}
    for match in _EMAIL.finditer(text):
        if match.group().lower().rstrip(".") not in addresses:
            found.append(UnsupportedFact("email", match.group(), match.start(), match.end()))
    # Blank out e-mails and links so their digits and words are not read again.
    masked = _URL.sub(lambda x: " " * len(x.group()), _EMAIL.sub(lambda x: " " * len(x.group()), text))
    found += _unsupported_numbers(masked, record) + _unsupported_names(masked, record)
    return sorted(found, key=lambda f: f.start)


def unsupported_facts(record: Record) -> list[str]:
    """What `record.summary_en` says that the record does not: [] for a faithful summary."""
    return [f.text for f in find_unsupported(record)]

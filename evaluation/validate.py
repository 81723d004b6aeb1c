"""Check gold annotations before anything is scored against them.

A wrong offset or a mistyped district in gold silently costs the pipeline
points, so every gold file is checked against its text: the JSON fits the
`vigyapti.record/1` dataclasses (no missing, mistyped or unknown fields),
every span points at the text it claims, figure values agree with the
number written in the text, districts and states are gazetteer names and
officer figure indexes exist. Errors make a file unusable as gold;
warnings are worth a look but do not block.
"""
from __future__ import annotations

import dataclasses
import datetime
import math
import typing
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from evaluation.gold import DocumentFiles, list_split, load_json, read_text
from nlp.lexicons import read_tsv
from nlp.normalize import fold, normalize
from nlp.numbers import number_words, parse_number
from pipelines.errors import VigyaptiError
from pipelines.record import SCHEMA, Record

ERROR, WARNING = "error", "warning"

# Fields a gold record must spell out even though the dataclasses default them:
# a gold file that leaves out `officers` would otherwise claim "no officers".
REQUIRED_TOP_LEVEL = ("schema", "dateline", "officers", "people", "places", "organizations",
                      "figures", "contacts", "summary_en")
PLACE_TYPES = frozenset({"state", "union_territory", "district", "city", "country", "other"})
UNITS = frozenset({"INR", "USD", "percent", "count", "km", "m", "kg", "g", "quintal", "tonne",
                   "litre", "hectare", "acre"})
KNOWN_SERVICES = frozenset({"IAS", "IPS", "IFS", "IFoS", "IRS", "IRTS", "IA&AS", "IRAS", "IPoS", "IDAS",
                            "IRSE", "IRPS", "IIS", "ITS", "PCS", "PPS", "RAS", "RPS", "HCS", "HPS", "BPSC",
                            "BAS", "MPPSC", "CGPSC", "MPS", "UPPCS", "WBCS", "PCS(J)", "HAS", "GAS", "OAS", "KAS", "JAS",
                            "MCS", "HPAS", "UKPCS", "APCS", "PCS-J", "BPS", "JKAS", "JKPS", "OPS", "GPS"})


@dataclass(frozen=True)
class Problem:
    doc_id: str
    level: str  # "error" or "warning"
    where: str  # a JSON path such as officers[0].mentions[1]
    message: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.level}: {self.where + ': ' if self.where else ''}{self.message}"


@dataclass
class _Checker:
    doc_id: str
    problems: list[Problem] = dataclasses.field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.doc_id, ERROR, where, message))

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.doc_id, WARNING, where, message))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


# --- shape: the JSON against the dataclasses -------------------------------------------------

@lru_cache(maxsize=None)
def _schema_of(tp: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """Field types and fields of a record dataclass (type hints are slow to resolve: once each)."""
    return typing.get_type_hints(tp), {f.name: f for f in dataclasses.fields(tp)}


def _check_shape(tp: Any, value: Any, where: str, check: _Checker) -> bool:
    """True when `value` fits type `tp`; reports each misfit once, at the deepest place."""
    origin = typing.get_origin(tp)
    if origin is Union:
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            if len(options) == len(typing.get_args(tp)):
                check.error(where, "is null but must have a value")
                return False
            return True
        if all(a in (int, float) for a in options):  # Union[int, float]: a number
            return _check_shape(float, value, where, check)
        return _check_shape(options[0], value, where, check)
    if value is None:
        check.error(where, "is null but must have a value")
        return False
    if origin is list:
        if not isinstance(value, list):
            check.error(where, f"must be a list, found {type(value).__name__}")
            return False
        (item_type,) = typing.get_args(tp)
        return all([_check_shape(item_type, item, f"{where}[{i}]", check) for i, item in enumerate(value)])
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            check.error(where, f"must be an object, found {type(value).__name__}")
            return False
        hints, fields = _schema_of(tp)
        ok = True
        for name, f in fields.items():
            path = f"{where}.{name}" if where else name
            if name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    check.error(path, "required field is missing")
                    ok = False
                continue
            ok = _check_shape(hints[name], value[name], path, check) and ok
        for name in value:
            if name not in fields:
                check.error(f"{where}.{name}" if where else name,
                            f"unknown field (the schema has: {', '.join(fields)})")
                ok = False
        return ok
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            check.error(where, f"must be a number, found {type(value).__name__} {value!r}")
            return False
        if not math.isfinite(value):
            check.error(where, f"must be a finite number, found {value!r}")
            return False
        return True
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        check.error(where, f"must be an integer, found {type(value).__name__} {value!r}")
        return False
    if tp is bool and not isinstance(value, bool):
        check.error(where, f"must be true or false, found {value!r}")
        return False
    if tp is str and not isinstance(value, str):
        check.error(where, f"must be a string, found {type(value).__name__} {value!r}")
        return False
    return True


def _check_required(data: dict, check: _Checker) -> None:
    for name in REQUIRED_TOP_LEVEL:
        if name not in data:
            check.error(name, "required in a gold record (write an empty list/object if there is nothing)")
    if data.get("schema") not in (None, SCHEMA):
        check.error("schema", f"must be {SCHEMA!r}, found {data.get('schema')!r}")
    if isinstance(data.get("summary_en"), str) and not data["summary_en"].strip():
        check.error("summary_en", "gold needs a hand-written reference summary (it is empty)")


# --- spans: offsets against the text ----------------------------------------------------------

def _check_span(text: str, item: Any, where: str, stated: Optional[str], check: _Checker,
                optional: bool = False) -> bool:
    """start/end are in range and text[start:end] is the stated text."""
    start, end = item.start, item.end
    if start is None and end is None and optional:
        return True
    if start is None or end is None:
        check.error(where, f"start and end must both be given (start={start}, end={end})")
        return False
    if not 0 <= start < end <= len(text):
        check.error(where, f"span [{start}:{end}] is outside the text (length {len(text)}) or empty")
        return False
    if stated is not None and text[start:end] != stated:
        found = _locate(text, stated)
        hint = f"; {stated!r} occurs at {found}" if found else ""
        check.error(where, f"text[{start}:{end}] is {text[start:end]!r}, not {stated!r}{hint}")
        return False
    return True


def _locate(text: str, needle: str, limit: int = 3) -> str:
    """Where a string occurs in the text, as a hint for fixing an offset."""
    spots, i = [], text.find(needle) if needle else -1
    while i >= 0 and len(spots) < limit:
        spots.append(f"[{i}:{i + len(needle)}]")
        i = text.find(needle, i + 1)
    return ", ".join(spots)


def _check_mentions(text: str, owner: Any, where: str, check: _Checker) -> None:
    for j, mention in enumerate(owner.mentions):
        path = f"{where}.mentions[{j}]"
        if not mention.text:
            check.error(path, "a gold mention must state its text")
        _check_span(text, mention, path, mention.text or None, check)
    for j, quote in enumerate(getattr(owner, "quotes", [])):
        _check_span(text, quote, f"{where}.quotes[{j}]", quote.text, check)


def _check_name_in_text(text: str, name: Optional[str], where: str, check: _Checker) -> None:
    if name and fold(name) not in fold(text):
        check.warn(where, f"name {name!r} does not occur in the text")


# --- values -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _tokenizer():
    from nlp.tokenize import blank_hindi

    return blank_hindi().tokenizer


def numbers_in(text: str) -> list[Union[int, float]]:
    """Every number `nlp.numbers.parse_number` reads in a short text, at any token.

    A compound scale (16.6 लाख करोड़ = 16.6 x 10^5 x 10^7, 2 हजार करोड़) is read here too:
    parse_number stops at a scale larger than the one before it.
    """
    tokens = [t.text for t in _tokenizer()(normalize(text).text)]
    scales = number_words().scales
    values, i = [], 0
    while i < len(tokens):
        value, used = parse_number(tokens, i)
        if value is not None:
            values.append(value)
            j = i + used
            while j < len(tokens) and fold(tokens[j]).lower() in scales:
                value = value * scales[fold(tokens[j]).lower()]
                values.append(value)
                j += 1
        i += max(used, 1)
    return values


def _check_figure(figure: Any, where: str, check: _Checker) -> None:
    if figure.unit not in UNITS:
        check.error(f"{where}.unit", f"unknown unit {figure.unit!r} (one of {', '.join(sorted(UNITS))})")
    read = numbers_in(figure.text)
    if not read:
        check.warn(f"{where}.value", f"no number can be read in {figure.text!r}; check value {figure.value} by hand")
    elif not any(math.isclose(v, figure.value, rel_tol=1e-6) for v in read):
        shown = ", ".join(f"{v:,}" for v in read)
        check.error(f"{where}.value", f"{figure.text!r} reads as {shown}, but value is {figure.value:,}")
    if figure.of and fold(figure.of) not in fold(figure.text):
        check.warn(f"{where}.of", f"counted noun {figure.of!r} is not inside the figure text {figure.text!r}")


@lru_cache(maxsize=1)
def _gazetteer_names() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """District names, state/UT names, and the states each district is in, from nlp/data/places.tsv."""
    rows = read_tsv("places.tsv")
    districts = {r["district_en"] for r in rows if r.get("district_en")} | {
        r["name_en"] for r in rows if r.get("type") == "district"}
    states = {r["state_en"] for r in rows if r.get("state_en")} | {
        r["name_en"] for r in rows if r.get("type") in ("state", "union_territory")}
    states_of: dict[str, set[str]] = {}
    for r in rows:
        if r.get("type") == "district" and r.get("state_en"):
            states_of.setdefault(r["name_en"], set()).add(r["state_en"])
    return frozenset(districts), frozenset(states), {k: frozenset(v) for k, v in states_of.items()}


def _check_district_state(district: Optional[str], state: Optional[str], where: str, check: _Checker) -> None:
    districts, states, states_of = _gazetteer_names()
    if district is not None and district not in districts:
        check.error(f"{where}.district_en", f"{district!r} is not a district in nlp/data/places.tsv")
    if state is not None and state not in states:
        check.error(f"{where}.state_en", f"{state!r} is not a state or union territory in nlp/data/places.tsv")
    if district in states_of and state in states and state not in states_of[district]:
        check.warn(where, f"the gazetteer has {district!r} in {', '.join(sorted(states_of[district]))}, not {state!r}")


def _check_phone(phone: Any, where: str, check: _Checker) -> None:
    number = phone.number
    if not number or not (number.lstrip("+").isdigit() and number.count("+") <= int(number.startswith("+"))):
        check.error(f"{where}.number", f"{number!r} must be digits, with an optional leading +")
        return
    written = "".join(ch for ch in normalize(phone.text).text if ch.isdigit())
    if written.lstrip("0")[-7:] != number[-7:]:
        check.warn(f"{where}.number", f"{number!r} does not end with the digits written in {phone.text!r}")


# --- one document -----------------------------------------------------------------------------

def validate_record(doc_id: str, text: str, data: dict) -> list[Problem]:
    """Every problem in one gold record (its JSON object) against its text."""
    check = _Checker(doc_id)
    _check_required(data, check)
    if not _check_shape(Record, data, "", check):
        return check.problems  # offsets of a misshapen record cannot be checked reliably
    record = Record.from_dict(data)
    if record.doc_id not in (None, doc_id):
        check.warn("doc_id", f"is {record.doc_id!r} but the file is {doc_id}.json")
    _check_dateline(text, record, check)
    for i, officer in enumerate(record.officers):
        _check_officer(text, record, officer, f"officers[{i}]", check)
    for i, person in enumerate(record.people):
        _check_name_in_text(text, person.name_hi, f"people[{i}].name_hi", check)
        _check_mentions(text, person, f"people[{i}]", check)
    for i, place in enumerate(record.places):
        where = f"places[{i}]"
        if place.type not in PLACE_TYPES:
            check.error(f"{where}.type", f"unknown place type {place.type!r} (one of {', '.join(sorted(PLACE_TYPES))})")
        _check_district_state(place.district_en, place.state_en, where, check)
        _check_name_in_text(text, place.name_hi, f"{where}.name_hi", check)
        _check_mentions(text, place, where, check)
    for i, org in enumerate(record.organizations):
        _check_mentions(text, org, f"organizations[{i}]", check)
    for i, figure in enumerate(record.figures):
        if _check_span(text, figure, f"figures[{i}]", figure.text, check):
            _check_figure(figure, f"figures[{i}]", check)
    for i, phone in enumerate(record.contacts.phones):
        if _check_span(text, phone, f"contacts.phones[{i}]", phone.text, check):
            _check_phone(phone, f"contacts.phones[{i}]", check)
    for i, email in enumerate(record.contacts.emails):
        if _check_span(text, email, f"contacts.emails[{i}]", email.text, check) and \
                email.address.lower() not in email.text.lower():
            check.warn(f"contacts.emails[{i}].address", f"{email.address!r} is not what {email.text!r} says")
    _check_duplicates(record, check)
    return check.problems


def _check_dateline(text: str, record: Record, check: _Checker) -> None:
    dateline = record.dateline
    if dateline.start is not None or dateline.end is not None:
        _check_span(text, dateline, "dateline", None, check)
    for i, place in enumerate(dateline.places):
        _check_span(text, place, f"dateline.places[{i}]", place.name_hi, check)
    if dateline.date is not None:
        try:
            datetime.date.fromisoformat(dateline.date)
        except ValueError:
            check.error("dateline.date", f"{dateline.date!r} is not a YYYY-MM-DD date")
    if dateline.date_text:
        inside = text[dateline.start:dateline.end] if dateline.start is not None and dateline.end is not None else text
        if dateline.date_text not in inside:
            check.error("dateline.date_text", f"{dateline.date_text!r} is not in the dateline span")


def _check_officer(text: str, record: Record, officer: Any, where: str, check: _Checker) -> None:
    if officer.name_hi is None and not officer.posts:
        check.error(where, "an unnamed officer needs a post (it is matched by post and place)")
    if officer.name_hi is not None and not officer.name_en:
        check.warn(f"{where}.name_en", "named officer without an English name")
    _check_name_in_text(text, officer.name_hi, f"{where}.name_hi", check)
    if officer.service is not None and officer.service not in KNOWN_SERVICES:
        check.warn(f"{where}.service", f"{officer.service!r} is not a known service code")
    for j, post in enumerate(officer.posts):
        path = f"{where}.posts[{j}]"
        _check_span(text, post, path, post.title_hi, check, optional=True)
        if post.start is None:
            check.warn(path, "post has no offsets")
        if not post.title_en:
            check.warn(f"{path}.title_en", "post without an English title cannot be scored")
        _check_district_state(post.district_en, post.state_en, path, check)
    _check_mentions(text, officer, where, check)
    for j, index in enumerate(officer.figures):
        if not 0 <= index < len(record.figures):
            check.error(f"{where}.figures[{j}]", f"index {index} is out of range (the record has {len(record.figures)} figures)")


def _check_duplicates(record: Record, check: _Checker) -> None:
    for kind, items in (("officers", record.officers), ("people", record.people)):
        names = Counter(fold(x.name_hi) for x in items if x.name_hi)
        for name, count in names.items():
            if count > 1:
                check.warn(kind, f"{name!r} is listed {count} times: one entity per person, with several mentions")


# --- folders ----------------------------------------------------------------------------------

def validate_files(files: DocumentFiles) -> list[Problem]:
    """Problems of one document's pair of files."""
    if files.json_path is None or files.text_path is None:
        missing = f"{files.doc_id}.json" if files.json_path is None else f"{files.doc_id}.txt"
        return [Problem(files.doc_id, ERROR, "", f"{missing} is missing")]
    try:
        data = load_json(files.json_path)
        text = read_text(files.text_path)
    except VigyaptiError as exc:
        return [Problem(files.doc_id, ERROR, "", str(exc))]
    return validate_record(files.doc_id, text, data)


def validate_split(folder: Union[str, Path]) -> dict[str, list[Problem]]:
    """doc_id -> its problems (an empty list for a clean file), for every document in a folder."""
    return {files.doc_id: validate_files(files) for files in list_split(folder)}

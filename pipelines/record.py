"""The `vigyapti.record/1` schema: what one document becomes.

Plain dataclasses so a record is cheap to build, compare and serialise.
Every extracted item carries `start`/`end` character offsets into the
*original* input text (Python string indices, end exclusive), never into
the normalised copy the pipeline works on. See docs/record-schema.md.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union

SCHEMA = "vigyapti.record/1"


@dataclass
class Mention:
    start: int
    end: int
    text: str = ""


@dataclass
class DatelinePlace:
    name_hi: str
    name_en: Optional[str]
    start: int
    end: int


@dataclass
class Dateline:
    places: list[DatelinePlace] = field(default_factory=list)
    date: Optional[str] = None  # ISO YYYY-MM-DD
    date_text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Post:
    title_hi: str
    title_en: Optional[str]
    district_en: Optional[str] = None
    state_en: Optional[str] = None
    current: bool = True  # False for a post the text says was held before
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Quote:
    text: str
    start: int
    end: int


@dataclass
class Officer:
    name_hi: Optional[str]  # None for an unnamed post holder ("जिलाधिकारी ने कहा")
    name_en: Optional[str]
    honorific: Optional[str] = None
    service: Optional[str] = None  # canonical code: IAS, IPS, IFS ...
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[int] = field(default_factory=list)  # indexes into Record.figures


@dataclass
class Person:
    name_hi: str
    name_en: Optional[str]
    honorific: Optional[str] = None
    role_hi: Optional[str] = None
    role_en: Optional[str] = None
    organization: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Place:
    name_hi: str
    name_en: Optional[str]
    type: str  # state | district | city | country | other
    district_en: Optional[str] = None
    state_en: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organization:
    name_hi: str
    name_en: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Figure:
    text: str
    value: Union[int, float]
    unit: str  # INR | percent | count | km | kg | ... (see nlp/data/units.tsv)
    of: Optional[str]  # the counted noun, e.g. मास्क
    start: int
    end: int


@dataclass
class Phone:
    text: str
    number: str  # digits only, with +91 for Indian mobiles
    start: int
    end: int


@dataclass
class Email:
    text: str
    address: str
    start: int
    end: int


@dataclass
class Contacts:
    phones: list[Phone] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)


@dataclass
class SummaryFact:
    """One sentence of summary_en and the record items (with offsets) it was built from."""
    sentence: str
    sources: list[Mention] = field(default_factory=list)


@dataclass
class Record:
    doc_id: Optional[str] = None
    language: str = "und"
    dateline: Dateline = field(default_factory=Dateline)
    officers: list[Officer] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contacts: Contacts = field(default_factory=Contacts)
    summary_en: str = ""
    summary_facts: list[SummaryFact] = field(default_factory=list)
    summary_hi: list[Mention] = field(default_factory=list)  # extractive: the top Hindi sentences
    summary_translation: Optional[str] = None  # summary_hi machine-translated, only with a translator
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """Rebuild a record (e.g. a gold annotation) from its dict form."""
        return _build(cls, data)

    def is_empty(self) -> bool:
        """True when nothing at all was extracted."""
        return not (
            self.dateline.places or self.dateline.date or self.officers or self.people
            or self.places or self.organizations or self.figures
            or self.contacts.phones or self.contacts.emails
        )


def _build(tp: Any, value: Any) -> Any:
    """Turn plain JSON values back into the annotated dataclass types."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Union:
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            return _build(inner[0], value)
        return value
    if origin is list:
        (item_type,) = typing.get_args(tp)
        return [_build(item_type, v) for v in value]
    if dataclasses.is_dataclass(tp):
        hints = _field_types(tp)
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in hints})
    return value


@functools.lru_cache(maxsize=None)
def _field_types(cls: type) -> dict[str, Any]:
    """Resolved field annotations of a dataclass (get_type_hints is slow: once per class)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}

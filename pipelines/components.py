"""spaCy pipeline components that fill the record on a shared Doc.

Like spaCy's own components, each does one thing to the Doc. The Doc is
built over the *normalised* text; `doc._.source` (a `nlp.normalize.Normalized`)
maps every span back to the original input, and `doc._.record` is the
`vigyapti.record/1` being filled. `doc._.claimed` holds spans an earlier
component has taken (a phone number, a date) so a later one leaves them.
"""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from nlp import contacts as contacts_mod
from nlp import dates as dates_mod
from nlp import figures as figures_mod
from nlp import langid, segment
from nlp.designations import find_posts
from nlp.english_posts import find_english_posts
from nlp.normalize import fold
from nlp.officers import link_people, post_title
from nlp.organizations import find_organizations
from nlp.places import find_places, gazetteer, is_kind_word
from nlp.services import find_services
from nlp.textrank import extractive_summary
from pipelines import english
from pipelines.summary import summarize
from pipelines.record import (DatelinePlace, Email, Figure, Mention, Officer, Organization, Person, Phone, Place,
                              Post, Quote)

for _name, _default in (("source", None), ("record", None), ("paragraphs", None),
                        ("claimed", None), ("dates", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def original_span(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """(start, end, text) in the original input for a span of the Doc's text.

    The text is the input's, except for input typed in a legacy font: there
    the offsets still point into the input, but the text is the converted
    Unicode Devanagari (the KrutiDev glyphs `nhika'kq` mean nothing to a reader).
    """
    source = doc._.source
    s, e = source.to_original(start, end)
    if doc.user_data.get("legacy_font"):
        return s, e, source.text[start:end]
    return s, e, source.original[s:e]


@Language.component("vigyapti_structure")
def structure(doc: Doc) -> Doc:
    """Paragraphs, sentence starts, and the language of the document."""
    text = doc._.source.text
    paragraphs = segment.paragraphs(text)
    doc._.paragraphs = paragraphs
    doc._.claimed = []
    starts = {s for s, _ in segment.sentences(text, paragraphs)}
    # one array for the whole Doc: setting token.is_sent_start one by one re-checks the Doc each time
    flags = numpy.array([[1 if token.i == 0 or token.idx in starts else -1] for token in doc],
                        dtype="int64").astype("uint64")  # spaCy's attribute arrays are uint64
    if len(doc):
        doc.from_array([SENT_START], flags)
    record = doc._.record
    record.language = langid.document_language([text[s:e] for s, e in paragraphs])
    if record.language not in ("hi", langid.UNDETERMINED) and not any("\u0900" <= c <= "\u097f" for c in text):
        record.warnings.append(f"no Devanagari text: the document reads as language '{record.language}'")
    return doc


@Language.component("vigyapti_contacts")
def contacts(doc: Doc) -> Doc:
    """Phones and e-mails into record.contacts; their spans are claimed."""
    record = doc._.record
    for match in contacts_mod.find_contacts(doc._.source.text):
        s, e, text = original_span(doc, match.start, match.end)
        if match.kind == "email":
            record.contacts.emails.append(Email(text, match.value, s, e))
        else:
            record.contacts.phones.append(Phone(text, match.value, s, e))
        doc._.claimed.append((match.start, match.end))
    return doc


@Language.component("vigyapti_dates")
def dates(doc: Doc) -> Doc:
    """Dates are claimed (so 2021 is no figure); the dateline fills record.dateline."""
    found = dates_mod.find_dates(doc._.source.text)
    doc._.dates = found
    doc._.claimed.extend((d.start, d.end) for d in found)
    match = dates_mod.find_dateline(doc._.source.text, doc._.paragraphs, found)
    if match is None:
        return doc
    dateline = doc._.record.dateline
    dateline.start, dateline.end, _ = original_span(doc, match.start, match.end)
    places = gazetteer()
    for start, end in match.places:
        s, e, name = original_span(doc, start, end)
        entry = places.best(doc._.source.text[start:end])
        dateline.places.append(DatelinePlace(name, entry.name_en if entry else None, s, e))
    if match.date is not None:
        dateline.date = match.date.iso
        dateline.date_text = original_span(doc, match.date.start, match.date.end)[2]
    return doc


@Language.component("vigyapti_figures")
def figures(doc: Doc) -> Doc:
    """Amounts, percentages, measures and counts into record.figures."""
    record = doc._.record
    for match in figures_mod.find_figures(doc, doc._.claimed):
        s, e, text = original_span(doc, match.start, match.end)
        record.figures.append(Figure(text, match.value, match.unit, match.of, s, e))
    return doc


# --- who and where ---------------------------------------------------------------

for _name in ("place_matches", "post_matches", "service_matches", "org_matches", "ner_spans"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _mention(doc: Doc, start: int, end: int) -> Mention:
    s, e, text = original_span(doc, start, end)
    return Mention(s, e, text)


@Language.component("vigyapti_places")
def places(doc: Doc) -> Doc:
    """Every place mention, grouped by the place it resolves to, into record.places."""
    doc._.post_matches = _all_posts(doc)  # places use them as context; people reuse them
    doc._.service_matches = find_services(doc._.source.text)  # organisations and people reuse them
    matches = find_places(doc, post_spans=[(m.start, m.end) for m in doc._.post_matches])
    doc._.place_matches = matches
    hint = _document_state(matches)
    text = doc._.source.text
    found = [(m.start, m.end, _best_candidate(m.candidates, hint)) for m in matches]
    found = [f for f in found if f[2] is not None]  # the rules keep only places the gazetteer resolves
    found += [(s, e, gazetteer().best(text[s:e], hint)) for s, e in _model_only_places(doc, matches)]
    grouped: dict[tuple, Place] = {}
    for start, end, entry in found:
        key = (entry.name_en, entry.type, entry.state_en) if entry else ("", "other", fold(text[start:end]))
        if key not in grouped:
            name_hi = original_span(doc, start, end)[2]
            grouped[key] = (Place(name_hi, entry.name_en, entry.type, entry.district_en, entry.state_en) if entry
                            else Place(name_hi, english.place_name(text[start:end]), "other"))
        grouped[key].mentions.append(_mention(doc, start, end))
    doc._.record.places.extend(grouped.values())
    return doc


def _model_only_places(doc: Doc, matches) -> list[tuple[int, int]]:
    """The NER model's LOC spans (when it runs) that overlap nothing the rules found (no place,
    post or service such as IFoS, no contact or date) and are more than a kind of place (प्रदेश)
    or a byline (जेएनएन). The rules keep priority where they found something."""
    taken = [(m.start, m.end) for m in (*matches, *doc._.post_matches, *doc._.service_matches)] + list(doc._.claimed or ())
    text = doc._.source.text
    return [(s, e) for s, e, label in doc._.ner_spans or ()
            if label == "LOC" and all(e <= ts or s >= te for ts, te in taken)
            and not is_kind_word(text[s:e]) and not dates_mod.is_byline(text[s:e])]


def _all_posts(doc: Doc) -> list:
    """Hindi posts from the designation grammar, and posts written in English where they do not overlap."""
    posts = find_posts(doc)
    for post in find_english_posts(doc._.source.text):
        if all(post.end <= p.start or post.start >= p.end for p in posts):
            posts.append(post)
    return sorted(posts, key=lambda p: p.start)


def _document_state(matches) -> Optional[str]:
    counts: dict[str, int] = {}
    for match in matches:
        for c in match.candidates:
            if c.type in ("state", "union_territory"):
                counts[c.state_en] = counts.get(c.state_en, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _best_candidate(candidates, hint: Optional[str]):
    if not candidates:
        return None
    if hint:
        for c in candidates:
            if c.state_en == hint:
                return c
    return candidates[0]


@Language.component("vigyapti_organizations")
def organizations(doc: Doc) -> Doc:
    """Organisation names into record.organizations (one entry per name)."""
    def tokens(matches) -> frozenset[int]:
        return frozenset(t.i for m in matches or () for t in (doc.char_span(m.start, m.end, alignment_mode="expand") or ()))

    places_taken = tokens(doc._.place_matches)
    if doc._.service_matches is None:
        doc._.service_matches = find_services(doc._.source.text)
    # a post's or a service's words are no organisation (वरिष्ठ पुलिस अधीक्षक, भारतीय पुलिस सेवा)
    blocked = places_taken | tokens(doc._.post_matches) | tokens(doc._.service_matches)
    matches = find_organizations(doc, blocked, places=places_taken)
    doc._.org_matches = matches
    grouped: dict[str, Organization] = {}
    for match in matches:
        s, e, text = original_span(doc, match.start, match.end)
        key = fold(doc._.source.text[match.start:match.end])
        if key not in grouped:
            grouped[key] = Organization(text, match.name_en or english.organization_name(doc._.source.text[match.start:match.end]))
        grouped[key].mentions.append(Mention(s, e, text))
    doc._.record.organizations.extend(grouped.values())
    return doc


@Language.component("vigyapti_people")
def people(doc: Doc) -> Doc:
    """Officers (with service, posts, district, state) and other named people."""
    record = doc._.record
    findings = link_people(
        doc,
        services=doc._.service_matches if doc._.service_matches is not None else find_services(doc._.source.text),
        posts=doc._.post_matches if doc._.post_matches is not None else _all_posts(doc),
        places=doc._.place_matches or (),
        organizations=doc._.org_matches or (),
        ner_people=[(s, e) for s, e, label in doc._.ner_spans or () if label == "PER"],
        home_district=_home_district(doc, record),
    )
    for finding in findings:
        mentions = [_mention(doc, doc[m.start].idx, _end_char(doc, m.end)) for m in finding.mentions]
        quotes = [Quote(*_reorder(original_span(doc, s, e))) for s, e in finding.quotes]
        name_hi = None if finding.unnamed else _full_name(doc, finding)
        name_en = english.person_name(name_hi) if name_hi else None
        if finding.is_officer:
            record.officers.append(Officer(
                name_hi=name_hi, name_en=name_en, honorific=finding.honorific,
                service=finding.services[0] if finding.services else None,
                posts=[_post(doc, p) for p in finding.posts],
                mentions=mentions, quotes=quotes,
                figures=_figures_of(doc, finding, record),
            ))
        else:
            role = finding.posts[0] if finding.posts else None
            org = finding.organizations[0] if finding.organizations else None
            record.people.append(Person(
                name_hi=name_hi, name_en=name_en, honorific=finding.honorific,
                role_hi=_anchor_text(doc, role.anchor) if role else None,
                role_en=post_title(role) or None if role else None,
                organization=_organization_name(doc, org) if org else None,
                mentions=mentions, quotes=quotes,
            ))
    return doc


def _home_district(doc: Doc, record):
    """The district the document is about: the one district its body names as a district
    (`गंजाम जिले के किसानों`, `जनपद बस्ती`), else the dateline's. A dateline is often the state
    capital where the release was issued (भुवनेश्वर/छत्रपुर, कोलकाता), not the district it reports on."""
    named = {}
    for match in doc._.place_matches or ():
        if match.cue == "district" and doc._.source.to_original(match.start, match.end)[0] >= (record.dateline.end or 0):
            entry = next((c for c in match.candidates if c.district_en), None)
            if entry is not None:
                named.setdefault(entry.district_en, entry)
    if len(named) == 1:
        return next(iter(named.values()))
    return _dateline_district(record)


def _dateline_district(record):
    """The district of the dateline's first place, if it names one (गया, 14 जुलाई ...)."""
    for place in record.dateline.places:
        entry = gazetteer().best(place.name_hi)
        if entry is not None and entry.district_en:
            return entry
    return None


def _reorder(span: tuple[int, int, str]) -> tuple[str, int, int]:
    s, e, text = span
    return text, s, e


def _end_char(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def _anchor_text(doc: Doc, anchor) -> str:
    return original_span(doc, doc[anchor.start].idx, _end_char(doc, anchor.end))[2]


def _full_name(doc: Doc, finding) -> str:
    """The longest mention, as written in the input (honorific not included)."""
    longest = max(finding.mentions, key=lambda m: m.end - m.start)
    return original_span(doc, doc[longest.start].idx, _end_char(doc, longest.end))[2]


def _post(doc: Doc, finding) -> Post:
    s, e, text = original_span(doc, doc[finding.anchor.start].idx, _end_char(doc, finding.anchor.end))
    return Post(
        title_hi=text, title_en=post_title(finding) or None,
        district_en=finding.district.district_en if finding.district else None,
        state_en=finding.state_en, current=finding.current, start=s, end=e,
    )


def _organization_name(doc: Doc, anchor) -> Optional[str]:
    text = doc._.source.text[anchor.data.start:anchor.data.end]
    return anchor.data.name_en or english.organization_name(text) or original_span(doc, anchor.data.start, anchor.data.end)[2]


def _figures_of(doc: Doc, finding, record) -> list[int]:
    """Indexes of the figures in the sentences attributed to the officer."""
    spans = [doc._.source.to_original(s, e) for s, e in finding.attributed]
    return [n for n, f in enumerate(record.figures) if any(s <= f.start and f.end <= e for s, e in spans)]


@Language.component("vigyapti_summary")
def summary(doc: Doc) -> Doc:
    """English summary from the record (with its trace), and the top Hindi sentences."""
    record = doc._.record
    record.summary_en, record.summary_facts = summarize(record, doc)
    for start, end in extractive_summary(doc):
        s, e, text = original_span(doc, start, end)
        if record.dateline.end and s < record.dateline.end <= e:  # the dateline is no part of a summary
            text = doc._.source.original[record.dateline.end:e].lstrip()
            s = e - len(text)
        if text:
            record.summary_hi.append(Mention(s, e, text))
    return doc


class NamedEntities:
    """The trained Hindi NER model (PER/LOC/ORG) as spans on `doc._.ner_spans`.

    Place spans add places the rules did not find (`vigyapti_places`); person
    spans add recall to officer and people extraction (names with no
    honorific, service or post next to them). The rules keep priority where
    they find something. Loaded from the shipped model or a local path, never
    from the network.
    """

    def __init__(self, model_path: Optional[str] = None):
        from nlp.ner import load_model

        self.model = load_model(model_path)

    def __call__(self, doc: Doc) -> Doc:
        from nlp.ner import entities

        doc._.ner_spans = entities(doc, self.model)
        return doc


@Language.factory("vigyapti_ner", default_config={"model_path": None})
def make_named_entities(nlp: Language, name: str, model_path: Optional[str]) -> NamedEntities:
    return NamedEntities(model_path)

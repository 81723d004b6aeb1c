"""spaCy pipeline components that fill the record on a shared Doc.

Like spaCy's own components, each does one thing to the Doc. The Doc is
built over the *normalised* text; `doc._.source` (a `nlp.normalize.Normalized`)
maps every span back to the original input, and `doc._.record` is the
`vigyapti.record/1` being filled. `doc._.claimed` holds spans an earlier
component has taken (a phone number, a date) so a later one leaves them.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp import contacts as contacts_mod
from nlp import dates as dates_mod
from nlp import figures as figures_mod
from nlp import langid, segment
from nlp.places import gazetteer
from pipelines.record import DatelinePlace, Email, Figure, Phone

for _name, _default in (("source", None), ("record", None), ("paragraphs", None),
                        ("claimed", None), ("dates", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def original_span(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """(start, end, text) in the original input for a span of the Doc's text."""
    source = doc._.source
    s, e = source.to_original(start, end)
    return s, e, source.original[s:e]


@Language.component("vigyapti_structure")
def structure(doc: Doc) -> Doc:
    """Paragraphs, sentence starts, and the language of the document."""
    text = doc.text
    paragraphs = segment.paragraphs(text)
    doc._.paragraphs = paragraphs
    doc._.claimed = []
    starts = {s for s, _ in segment.sentences(text, paragraphs)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    record = doc._.record
    record.language = langid.document_language([text[s:e] for s, e in paragraphs])
    if record.language not in ("hi", langid.UNDETERMINED) and not any("\u0900" <= c <= "\u097f" for c in text):
        record.warnings.append(f"no Devanagari text: the document reads as language '{record.language}'")
    return doc


@Language.component("vigyapti_contacts")
def contacts(doc: Doc) -> Doc:
    """Phones and e-mails into record.contacts; their spans are claimed."""
    record = doc._.record
    for match in contacts_mod.find_contacts(doc.text):
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
    found = dates_mod.find_dates(doc.text)
    doc._.dates = found
    doc._.claimed.extend((d.start, d.end) for d in found)
    match = dates_mod.find_dateline(doc.text, doc._.paragraphs, found)
    if match is None:
        return doc
    dateline = doc._.record.dateline
    dateline.start, dateline.end, _ = original_span(doc, match.start, match.end)
    places = gazetteer()
    for start, end in match.places:
        s, e, name = original_span(doc, start, end)
        entry = places.best(doc.text[start:end])
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

"""English summary written from the record, so it says only what the record holds.

Data-to-text, not translation: every sentence is assembled from record
fields (names, services, posts, places, figures, the dateline) and from
lexicon look-ups of words at known offsets (the event word, the verb after
a figure). Each sentence comes with the record items it used
(`record.summary_facts`), so a reader can trace every fact to the input.
"""
from __future__ import annotations

import datetime
import re
from typing import Optional

from spacy.tokens import Doc

from nlp.numbers import format_indian
from nlp.terms import lookup
from pipelines.record import Figure, Mention, Officer, Record, SummaryFact

MAX_OTHER_FIGURES = 5
# Event words the lexicon gives as participles (गिरफ्तार = arrested), as the noun a lead sentence needs.
NOUN_OF_PARTICIPLE = {"arrested": "arrest", "suspended": "suspension", "dismissed": "dismissal", "seized": "seizure"}
# Words that say the organisation named with an event organised it.
ORGANISED_WORDS = ("आयोजित", "आयोजन")
MEASURE_NAMES = {"km": "km", "m": "metres", "kg": "kg", "g": "grams", "quintal": "quintals", "tonne": "tonnes",
                 "litre": "litres", "hectare": "hectares", "acre": "acres"}


def format_figure(figure: Figure) -> str:
    """₹14 lakh, 14 lakh masks, 9.5%, 35 km: the way an Indian English paper writes it."""
    if figure.unit == "percent":
        return f"{_number(figure.value)}%"
    amount = _indian_words(figure.value)
    if figure.unit == "INR":
        return f"₹{amount}"
    if figure.unit == "USD":
        return f"${amount}"
    if figure.unit in MEASURE_NAMES:
        return f"{amount} {MEASURE_NAMES[figure.unit]}"
    noun = (figure.of if figure.of.isascii() else _counted_noun(figure.of)) if figure.of else None
    if noun:
        return f"{amount} {noun}"
    return f"{amount} ({figure.of})" if figure.of else amount


def _hindi_only_noun(figure: Figure) -> bool:
    """What the figure counts has no English in the lexicon, so a summary shows it in Hindi."""
    return bool(figure.of) and not figure.of.isascii() and _counted_noun(figure.of) is None


def _counted_noun(hindi: str) -> Optional[str]:
    """English plural for a counted noun, only from the curated `noun` rows of the term lexicon;
    for a phrase (`राहत शिविरों`), its head, the last word."""
    for candidate in (hindi, hindi.split()[-1]):
        term = lookup(candidate)
        if term is not None and term.kind == "noun":
            return term.english
    return None


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _number(value) -> str:
    """A number as digits, never in exponent form (1.66e+06, 1e-07 are not newspaper English)."""
    if not isinstance(value, float):
        return str(value)
    text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _indian_words(value) -> str:
    """₹16.6 lakh crore, 14 lakh, 2.5 crore, ₹34,000 crore, 12,500."""
    for scale, word in ((10**12, "lakh crore"), (10**7, "crore"), (10**5, "lakh")):
        if abs(value) >= scale:
            amount = round(value / scale, 2)
            whole = float(amount).is_integer()
            return f"{format_indian(int(amount)) if whole else _number(amount)} {word}"
    return format_indian(value) if isinstance(value, int) else _number(value)


def _date(iso: Optional[str]) -> Optional[str]:
    if not iso:
        return None
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _mention(start: int, end: int, text: str) -> Mention:
    return Mention(start, end, text)


class _Writer:
    def __init__(self, record: Record, doc: Doc):
        self.record = record
        self.doc = doc
        self.source = doc._.source
        self.facts: list[SummaryFact] = []

    def say(self, sentence: str, sources: list[Mention]) -> None:
        self.facts.append(SummaryFact(sentence, sources))

    # -- the lead: what happened, who organised it, where and when --------------------------
    def lead(self) -> None:
        record = self.record
        event = self._event()
        places = [p for p in record.dateline.places if p.name_en]
        when = _date(record.dateline.date)
        sources: list[Mention] = [_mention(p.start, p.end, p.name_hi) for p in places]
        if when:
            sources.append(_mention(*self._dateline_date_span()))
        origin = ""
        if places or when:
            origin = "release" + (" from " + _join([p.name_en for p in places]) if places else "") \
                     + (f" dated {when}" if when else "")
        if event is not None:
            word_en, span, organiser = event
            sources.append(span)
            if organiser is not None:
                sources.append(_mention(*organiser[1:]))
                sentence = f"{organiser[0]} organised {_a(word_en)}"
            else:
                sentence = f"The release reports {_a(word_en)}"
            sentence += f", according to a {origin}." if origin else "."
        elif origin:
            sentence = origin[0].upper() + origin[1:] + "."
        else:
            return
        self.say(sentence, sources)

    def _dateline_date_span(self) -> tuple[int, int, str]:
        dl = self.record.dateline
        text = self.source.original
        at = text.find(dl.date_text, dl.start or 0) if dl.date_text else -1
        if at < 0:
            return dl.start or 0, dl.end or 0, text[dl.start or 0:dl.end or 0]
        return at, at + len(dl.date_text), dl.date_text

    def _event(self):
        """The first event word (वेबिनार, बैठक ...) and, if the text says so, who organised it."""
        for token in self.doc:
            term = lookup(token.text)
            if term is None or term.kind != "event":
                continue
            s, e = self.source.to_original(token.idx, token.idx + len(token.text))
            span = _mention(s, e, self.source.original[s:e])
            sentence = token.sent
            organiser = None
            if any(w in sentence.text for w in ORGANISED_WORDS):
                organiser = self._organisation_in(sentence.start_char, sentence.end_char)
            return NOUN_OF_PARTICIPLE.get(term.english, term.english), span, organiser
        return None

    def _organisation_in(self, start: int, end: int):
        s0, e0 = self.source.to_original(start, end)
        for org in self.record.organizations:
            for m in org.mentions:
                if s0 <= m.start and m.end <= e0 and org.name_en:
                    return org.name_en, m.start, m.end, m.text
        return None

    # -- one line per officer ---------------------------------------------------------------------
    def officers(self) -> set[int]:
        used: set[int] = set()
        for officer in self.record.officers:
            if not officer.name_en:
                continue
            sentence, sources, figures = self._officer_sentence(officer)
            used.update(figures)
            self.say(sentence, sources)
        return used

    def _officer_sentence(self, officer: Officer) -> tuple[str, list[Mention], list[int]]:
        sources = [officer.mentions[0]] if officer.mentions else []
        head = officer.name_en + (f" ({officer.service})" if officer.service else "")
        current = [p for p in officer.posts if p.current]
        former = [p for p in officer.posts if not p.current]
        parts = [head]
        for post in current:
            parts.append(self._post_text(post))
            sources.append(_mention(post.start, post.end, post.title_hi))
        text = ", ".join(p for p in parts if p)
        if former:
            text += " (formerly " + "; ".join(self._post_text(p) for p in former) + ")"
            sources += [_mention(p.start, p.end, p.title_hi) for p in former]
        said = []
        figures = []
        for n in officer.figures:
            figure = self.record.figures[n]
            said.append(self._figure_text(figure))
            sources.append(_mention(figure.start, figure.end, figure.text))
            figures.append(n)
        if officer.quotes:
            sources.append(_mention(officer.quotes[0].start, officer.quotes[0].end, officer.quotes[0].text))
            text += " is quoted"
            if said:
                text += "; the statements attributed to them mention " + _join(said)
        elif said:
            text += "; figures in the same passage: " + _join(said)
        return text + ".", sources, figures

    def _post_text(self, post) -> str:
        title = post.title_en or post.title_hi
        places = [post.district_en] if post.district_en else []
        if post.state_en and post.state_en not in places:
            places.append(post.state_en)  # Puducherry the district and the UT is said once
        return ", ".join([title, *places])

    def _figure_text(self, figure: Figure) -> str:
        verb = self._verb_after(figure)
        return format_figure(figure) + (f" {verb}" if verb else "")

    def _verb_after(self, figure: Figure) -> Optional[str]:
        """`14 लाख रुपये जुटाए` -> 'raised': a listed verb right after the figure, same sentence."""
        text = self.source.original[figure.end:figure.end + 40]
        for word in re.findall(r"[\u0900-\u0963\u0971-\u097f]+", text)[:3]:
            term = lookup(word)
            if term is not None and term.kind == "verb":
                return term.english
        return None

    # -- the rest -----------------------------------------------------------------------------------
    def other_figures(self, used: set[int]) -> None:
        """The figures no officer line used, each value once (the mention with an English noun, if any)."""
        chosen: dict[tuple, tuple[int, Figure]] = {}
        for n, f in enumerate(self.record.figures):
            if n in used:
                continue
            key = (f.value, f.unit)
            if key not in chosen or (_hindi_only_noun(chosen[key][1]) and not _hindi_only_noun(f)):
                chosen[key] = (n, f)
        rest = sorted(chosen.values(), key=lambda item: item[0])[:MAX_OTHER_FIGURES]
        if rest:
            self.say("Figures: " + "; ".join(self._figure_text(f) for _, f in rest) + ".",
                     [_mention(f.start, f.end, f.text) for _, f in rest])

    def people(self) -> None:
        named = []
        sources = []
        for person in self.record.people:
            if not person.name_en:
                continue
            role = ", ".join(x for x in (person.role_en, person.organization) if x)
            named.append(person.name_en + (f" ({role})" if role else ""))
            if person.mentions:
                sources.append(person.mentions[0])
        if named:
            self.say("Also named: " + "; ".join(named) + ".", sources)

    def contacts(self) -> None:
        c = self.record.contacts
        items = [(p.number, _mention(p.start, p.end, p.text)) for p in c.phones]
        items += [(e.address, _mention(e.start, e.end, e.text)) for e in c.emails]
        if items:
            self.say("Contact: " + ", ".join(i for i, _ in items) + ".", [m for _, m in items])


def summarize(record: Record, doc: Doc) -> tuple[str, list[SummaryFact]]:
    """The English summary and, for each sentence, the record items it was built from."""
    writer = _Writer(record, doc)
    writer.lead()
    used = writer.officers()
    writer.people()
    writer.other_figures(used)
    writer.contacts()
    return " ".join(f.sentence for f in writer.facts), writer.facts


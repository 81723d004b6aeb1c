"""Who is named in a release, and which service, post and place are theirs.

Works on a spaCy Doc of the normalised text plus the anchors other matchers
found (services, posts, places, organisations, optional NER person spans):

1. **Names** are found by their company (see `nlp.names`): an honorific
   before them, a service or post next to them, `ने` after them, a model's
   PER span; later surname-only mentions (`मीणा ने कहा`) join the person
   whose name ends with that word, spelling variants included (मीणा/मीना).
2. **Appositive chains**: press releases describe a person in a run of
   services, posts and places joined by commas, `और`, `के` ... right after
   the name (`X, आईएएस और जिला मजिस्ट्रेट, सारण, बिहार ने`) or right before
   it (`हाथरस के संयुक्त मजिस्ट्रेट के रूप में तैनात, मीणा ने`). Each name
   takes the anchors of its chains; a post takes the district and state next
   to it in the chain.
3. **Officer or not**: a person with a service or a current public post is
   an officer; a named person whose role sits with a party, company or NGO,
   or who has no post, is one of `people`. A post that is the subject of a
   verb with no name (`जिलाधिकारी ने कहा`) is an unnamed officer.

Everything here is in token indexes and character offsets of the Doc's
text; the pipeline component maps offsets back to the input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional, Sequence

from spacy.tokens import Doc

from nlp.lexicons import read_list, read_tsv
from nlp.normalize import fold
from nlp.places import gazetteer
from nlp.romanize import abbreviation_letters, lexicon_key, public_figure, public_figure_first_words
from nlp.terms import translate_term
from nlp.names import (can_be_name_token, honorifics, is_initial, is_name_part, is_ordinary_word, loose_key,
                       word_stats)

MAX_NAME_TOKENS = 4
MAX_CHAIN_TOKENS = 18
# Words that may sit between the parts of a description (`X, आईपीएस अधिकारी और एसपी, रायगढ़`).
CHAIN_WORDS = {",", "(", ")", "–", "-", "—", "/", ":", "के", "की", "का", "में", "रूप", "पद", "पर", "अधिकारी", "वरिष्ठ",
               "जिले", "जिला", "जनपद", "अब", "वर्तमान", "तैनात", "कार्यरत", "रहे", "रह", "चुके", "पूर्व", "बतौर", "सेवानिवृत्त",
               "और", "एवं", "तथा", "व", "बैच", "कोतवाली",
               # the same in English paragraphs: `Nilesh Deore, IAS, District Magistrate, Saran`
               "and", "of", "the", "district", "District", "in", "as", "now", "former", "batch"}
COORDINATORS = {"और", "एवं", "तथा", "व", "and"}
NOW_WORDS = {"अब", "वर्तमान", "now"}
FORMER_WORDS = {"पूर्व", "रहे", "चुके", "सेवानिवृत्त", "former"}
ENGLISH_SAID = {"said", "says", "told", "stated", "added"}
# Words after a name that show it is the subject or owner in a clause.
AFTER_NAME = {"ने", "का", "की", "के", "को", "से", ",", "(", "।", "और", "एवं", "तथा", "द्वारा", "ने,", "जी", ")", "–", "-", ":",
              "said", "says", "told", "and", "of", "."}
SAID = {"कहा", "बताया"}
MAX_QUOTE_GAP = 12  # tokens between ने and कहा (`ने ... का उत्तर देते हुए कहा`)
REPORTING_VERBS = {"कहा", "बताया", "कहना", "कहते", "कही", "बोले", "बोलीं", "जानकारी", "निर्देश", "दी", "दिया", "दिए"}
PRIVATE_ORG_KINDS = {"party", "company", "ngo", "media"}
NATIONAL_FIGURES = {"national-politics", "foreign"}  # categories of data/public_figures.tsv with no state of their own
POSSESSIVES = {"के", "की", "का"}
RESIDENCE_WORDS = {"निवासी"}
AFTER_RESIDENT = {"ने", "को", "और", "एवं", "तथा", ",", "(", "उर्फ", "पुत्र", "पुत्री", "पत्नी"}  # not से: `निवासी दुबई से लौटी`
KIN_AND_RESIDENCE = {"निवासी", "पुत्र", "पुत्री", "पत्नी"}
MUNICIPAL_BODIES = {"महानगरपालिका", "पालिका", "नगरपालिका"}  # and नगर निगम (निगम alone: any corporation)
MUNICIPAL_TITLES = {"Commissioner": "Municipal Commissioner", "Deputy Commissioner": "Deputy Municipal Commissioner",
                    "Additional Commissioner": "Additional Municipal Commissioner"}
MINISTRY_WORDS = {"मंत्रालय", "मंत्रालयों"}
# Titles that are public offices only with a service, a place or a government body next to them:
# an adviser of a think tank or the president of a party is one of `people`.
GENERIC_TITLES = {"Adviser", "Advisor", "Chairman", "Chairperson", "President", "Director", "Secretary", "Member",
                  "Spokesperson", "Coordinator", "Convener", "Founder", "Chief Executive Officer", "Manager"}


@dataclass
class Anchor:
    kind: str  # service | post | place | org
    start: int  # token index
    end: int  # token index, exclusive
    data: Any  # the matcher's object (ServiceMatch, PostMatch, PlaceMatch, org dict)


@dataclass
class Mention:
    start: int
    end: int
    honorific: Optional[str] = None
    source: str = ""


@dataclass
class PostFinding:
    anchor: Anchor
    district: Optional[Any] = None  # PlaceEntry
    state_en: Optional[str] = None
    current: bool = True
    now: bool = False  # introduced by अब / वर्तमान
    title_en: Optional[str] = None  # when the context changes the matcher's title (a party's Chairman is its President)


@dataclass
class PersonFinding:
    name_tokens: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    honorific: Optional[str] = None
    services: list[str] = field(default_factory=list)
    posts: list[PostFinding] = field(default_factory=list)
    organizations: list[Anchor] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # char spans
    attributed: list[tuple[int, int]] = field(default_factory=list)  # char spans of their sentences
    unnamed: bool = False

    @property
    def is_officer(self) -> bool:
        if self.unnamed or self.services:
            return True
        if any(o.data.kind in PRIVATE_ORG_KINDS for o in self.organizations):
            return False
        public = any(o.data.kind == "government" for o in self.organizations)
        return any(p.current and (public or p.district or p.state_en or post_title(p) not in GENERIC_TITLES)
                   for p in self.posts)


def post_title(post: PostFinding) -> str:
    """The post's English title: the matcher's, unless the context changed it."""
    return post.title_en or getattr(post.anchor.data, "title_en", "") or ""


def _token_span(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


class _Index:
    """Which anchor (if any) covers each token; earlier kinds win overlaps."""

    def __init__(self, doc: Doc, groups: Sequence[tuple[str, Sequence[Any]]]):
        self.doc = doc
        # sentence bounds per token, computed once (Token.sent walks the Doc on every call)
        self.sentences = list(doc.sents)
        self.sent_of: list[Any] = [None] * len(doc)
        for sent in self.sentences:
            for i in range(sent.start, sent.end):
                self.sent_of[i] = sent
        self.owner: list[Optional[Anchor]] = [None] * len(doc)
        self.anchors: list[Anchor] = []
        for kind, matches in groups:
            for match in matches:
                span = _token_span(doc, match.start, match.end)
                if span is not None and kind == "org":
                    # `बिहार सरकार`: the place in an organisation's name stays a place; the body is the rest
                    start = span[0]
                    while start < span[1] and self.owner[start] is not None:
                        start += 1
                    span = (start, span[1]) if start < span[1] else None
                if span is None or any(self.owner[i] is not None for i in range(*span)):
                    continue
                anchor = Anchor(kind, span[0], span[1], match)
                self.anchors.append(anchor)
                for i in range(*span):
                    self.owner[i] = anchor

    def at(self, i: int) -> Optional[Anchor]:
        return self.owner[i] if 0 <= i < len(self.owner) else None


def _word(doc: Doc, i: int) -> str:
    return doc[i].text if 0 <= i < len(doc) else ""


def _name_ok(word: str) -> bool:
    return can_be_name_token(word) and not _very_common(word)


def _very_common(word: str) -> bool:
    """Even after an honorific, these are not names: अधिकारी, जिला, कहा."""
    stats = word_stats(word)
    return bool(stats and stats.total >= 25 and stats.person == 0)


def _is_vocabulary(word: str) -> bool:
    """A word of the term lexicon (पत्रकार, स्टेशन) that is not also a listed name."""
    return translate_term(word) is not None and not is_name_part(word)


def _accept(tokens: list[str], strict: bool) -> bool:
    if not tokens:
        return False
    if not strict:
        return True
    # strict: some evidence the words are a name, not a noun phrase
    return any(is_name_part(t) or word_stats(t) is None for t in tokens)


def _initial_width(doc: Doc, i: int) -> int:
    """Tokens taken by initials at i: `के .` / `आर.के .` (2), `ई.` kept whole by the tokenizer (1), else 0."""
    if i >= len(doc) or doc[i].text in honorifics():
        return 0
    text = doc[i].text
    if text.endswith(".") and len(text) > 1 and all(is_initial(p) for p in text[:-1].split(".")):
        return 1
    if i + 1 < len(doc) and doc[i + 1].text == "." and doc[i].whitespace_ == "" \
            and all(is_initial(part) for part in text.split(".")):
        return 2
    return 0


def _forward_name(doc: Doc, index: _Index, i: int, strict: bool) -> int:
    start = i
    while _initial_width(doc, i) and index.at(i) is None:
        i += _initial_width(doc, i)
    j = i
    while j < len(doc) and j - i < MAX_NAME_TOKENS and index.at(j) is None and _name_ok(doc[j].text):
        if j > i and is_ordinary_word(doc[j].text):
            break  # `श्री दिलीप कुमार पासवान समेत`: the name ends before an ordinary word
        j += 1
    if j == i or not _accept([t.text for t in doc[i:j]], strict and i == start):
        return start
    return j


def _backward_name(doc: Doc, index: _Index, end: int, strict: bool) -> int:
    k = end
    while k > 0 and end - k < MAX_NAME_TOKENS and index.at(k - 1) is None and _name_ok(doc[k - 1].text):
        if doc[k - 1].text in honorifics() or (k < end and _is_vocabulary(doc[k - 1].text)):
            break  # `स्टेशन मास्टर सत्यदेव यादव ने`: the name starts after the common nouns
        k -= 1
    if k == end or not _accept([t.text for t in doc[k:end]], strict):
        return end
    while True:
        if k >= 2 and _initial_width(doc, k - 2) == 2 and index.at(k - 2) is None:
            k -= 2
        elif k >= 1 and _initial_width(doc, k - 1) == 1 and index.at(k - 1) is None:
            k -= 1
        else:
            return k


def _skip_back(doc: Doc, i: int, words: set[str]) -> int:
    """Index just after the tokens before `i` that are in `words` (punctuation, वरिष्ठ ...)."""
    while i > 0 and doc[i - 1].text in words:
        i -= 1
    return i


def find_mentions(doc: Doc, index: _Index, ner_people: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    found: list[Mention] = []
    hon = honorifics()
    for tok in doc:
        if tok.text in hon and index.at(tok.i) is None:
            end = _forward_name(doc, index, tok.i + 1, strict=False)
            if end > tok.i + 1 and _word(doc, end) not in _named_after_words():  # not `श्री अमरनाथ यात्रा`
                found.append(Mention(tok.i + 1, end, tok.text, "honorific"))
    for anchor in index.anchors:
        if anchor.kind == "service":
            end = _skip_back(doc, anchor.start, {",", "(", "–", "-", "—", "वरिष्ठ"})
            start = _backward_name(doc, index, end, strict=False)
            if start < end:
                found.append(Mention(start, end, source="service"))
        elif anchor.kind == "post":
            first = anchor.end + 1 if _word(doc, anchor.end) == "," else anchor.end
            end = _forward_name(doc, index, first, strict=True)
            # `स्वास्थ्य मंत्री राजेश टोपे मुख्य सचिव के साथ`: a name between two posts, the second someone else's;
            # it must hold a known name word (`थानाध्यक्ष लिसाड़ी गेट निरीक्षक` names a police station)
            next_post = (index.at(end) is not None and index.at(end).kind == "post"
                         and any(is_name_part(doc[i].text) for i in range(first, end)))
            if end == first + 1 and (_subdivision(doc, index, first) or _post_place(doc, first)):
                pass  # `उपजिलाधिकारी, मिलक, रामपुर`, `उपखंड अधिकारी, नोखा के पद पर`: a place, not a name
            elif end > first and (_word(doc, end) in AFTER_NAME or next_post or is_name_part(doc[end - 1].text)):
                found.append(Mention(first, end, source="between-posts" if next_post else "post"))
            before = _skip_back(doc, anchor.start, {","})
            if before < anchor.start:
                start = _backward_name(doc, index, before, strict=True)
                if start < before:
                    found.append(Mention(start, before, source="post"))
    for tok in doc:
        if tok.text in ENGLISH_SAID and index.at(tok.i - 1) is None and doc[tok.i - 1].text[:1].isupper():
            start = _backward_name(doc, index, tok.i, strict=False)
            if tok.i - start >= 2:
                found.append(Mention(start, tok.i, source="verb"))
        if tok.text == "ने" and _word(doc, tok.i + 1) in REPORTING_VERBS and index.at(tok.i - 1) is None:
            start = _backward_name(doc, index, tok.i, strict=True)
            if tok.i - start >= 2:
                found.append(Mention(start, tok.i, source="verb"))
        person_before = False
        if tok.text in KIN_AND_RESIDENCE and index.at(tok.i - 1) is None:
            # `राम सिंह पुत्र ...`, `सोनू पाल निवासी सहसपुर`: a person before their father's name or address
            start = _backward_name(doc, index, tok.i, strict=True)
            if tok.i - start >= 2:
                found.append(Mention(start, tok.i, source="residence"))
                person_before = True
        if tok.text in RESIDENCE_WORDS and index.at(tok.i + 1) is None and not person_before:
            # `बरेली निवासी इमरान और ...`: a person after `resident of PLACE` (after `NAME निवासी`, a place)
            end = _forward_name(doc, index, tok.i + 1, strict=True)
            if end > tok.i + 1 and (_word(doc, end) in AFTER_RESIDENT or _is_alias_or_identity(doc, index, end)):
                found.append(Mention(tok.i + 1, end, source="residence"))
        if _is_alias_or_identity(doc, index, tok.i):
            # `सुरेश गंझू उर्फ तूफान`, `की पहचान पप्पू कुशवाह के रूप में हुई`: a person, with or without a post
            start = _backward_name(doc, index, tok.i, strict=False)
            if tok.i - start >= (1 if tok.text == "उर्फ" else 2):  # `शाहनवाज उर्फ शानू`: an alias makes one word a name
                found.append(Mention(start, tok.i, source="identity"))
    found.extend(_bare_names(doc, index))
    found.extend(_public_figures(doc, index))
    for s, e in ner_people:
        span = _token_span(doc, s, e)
        if span is None:
            continue
        start, end = span
        honorific = None
        while start < end and doc[start].text in hon:  # IL-NER sometimes tags `श्री` inside the name
            honorific, start = doc[start].text, start + 1
        words = [doc[i].text for i in range(start, end)]
        if (words and not any(index.at(i) for i in range(start, end))
                and all(can_be_name_token(w) or is_initial(w) for w in words)  # not `तस्कर राजू`
                and (len(words) > 1 or is_name_part(words[0]))  # one word alone must be a known name part
                and _word(doc, end) not in _named_after_words()):  # not `इंदिरा गांधी शासकीय मेडिकल कॉलेज`
            found.append(Mention(start, end, honorific, "ner"))
    return _dedupe(found)


def _is_alias_or_identity(doc: Doc, index: _Index, i: int) -> bool:
    """Token i is `उर्फ` (alias), or starts `के रूप में` in a sentence about who someone was identified as."""
    if index.at(i - 1) is not None:
        return False
    if doc[i].text == "उर्फ":
        return True
    return (doc[i].text == "के" and _word(doc, i + 1) == "रूप" and _word(doc, i + 2) == "में"
            and "पहचान" in index.sent_of[i].text)


def _bare_names(doc: Doc, index: _Index) -> list[Mention]:
    """Names with no cue at all (`स्वेता भारती, ...`): 2-3 words, each a known or unseen
    name word, the last a strong name part (a surname), followed by a clause word."""
    found = []
    for tok in doc:
        if not is_name_part(tok.text) or index.at(tok.i) is not None or _word(doc, tok.i + 1) not in AFTER_NAME:
            continue
        start = tok.i
        while (start > 0 and tok.i - start < 2 and index.at(start - 1) is None and can_be_name_token(doc[start - 1].text)
               and (is_name_part(doc[start - 1].text) or word_stats(doc[start - 1].text) is None)):
            start -= 1
        if start < tok.i:
            found.append(Mention(start, tok.i + 1, source="bare"))
    return found


def _public_figures(doc: Doc, index: _Index) -> list[Mention]:
    """Well-known people named with no cue (`कमलनाथ ने`, `उद्धव ठाकरे मौजूद`), from the public-figures list.

    A one-word name needs a clause word after it, as a bare name does; no
    name may be followed by a word that makes it the name of a thing
    (`इंदिरा गांधी शासकीय मेडिकल कॉलेज`, `मोदी सरकार`, `नेहरू स्टेडियम`).
    """
    found = []
    first_words = public_figure_first_words()
    for tok in doc:
        if index.at(tok.i) is not None or lexicon_key(tok.text) not in first_words:
            continue
        for end in range(min(len(doc), tok.i + MAX_NAME_TOKENS), tok.i, -1):
            if any(index.at(i) is not None or doc[i].is_space for i in range(tok.i, end)) \
                    or not public_figure(doc[tok.i:end].text):
                continue
            after = _word(doc, end)
            if after in AFTER_NAME or (end - tok.i >= 2 and after not in _named_after_words()):
                found.append(Mention(tok.i, end, source="known"))
            break
    return found


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions: keep the longest (an honorific one wins ties)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.honorific is None, m.start))
    kept: list[Mention] = []
    for m in ordered:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _group(doc: Doc, index: _Index, mentions: list[Mention]) -> list[PersonFinding]:
    """One PersonFinding per person: full names first, then shorter mentions join them."""
    people: list[PersonFinding] = []
    by_key: dict[str, PersonFinding] = {}
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):
        tokens = tuple(t.text for t in doc[m.start:m.end])
        key = loose_key("".join(tokens))  # कौशलराज शर्मा = कौशल राज शर्मा
        person = by_key.get(key) or _unique_containing(people, tokens)
        if person is None:
            person = PersonFinding(tokens)
            people.append(person)
            by_key[key] = person
        person.mentions.append(m)
        person.honorific = person.honorific or m.honorific
    _add_surname_mentions(doc, index, people)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return sorted(people, key=lambda p: p.mentions[0].start)


def _unique_containing(people: list[PersonFinding], tokens: tuple[str, ...]) -> Optional[PersonFinding]:
    """The one known person whose name ends with (or starts with) these words."""
    keys = [loose_key(t) for t in tokens]
    hits = [p for p in people if len(p.name_tokens) > len(tokens) and (
        [loose_key(t) for t in p.name_tokens[-len(tokens):]] == keys
        or [loose_key(t) for t in p.name_tokens[:len(tokens)]] == keys and len(tokens) >= 2)]
    return hits[0] if len(hits) == 1 else None


def _add_surname_mentions(doc: Doc, index: _Index, people: list[PersonFinding]) -> None:
    """`मीणा ने कहा` later in the text: a lone surname followed by a clause word."""
    surnames: dict[str, list[PersonFinding]] = {}
    for p in people:
        if len(p.name_tokens) >= 2:
            surnames.setdefault(loose_key(p.name_tokens[-1]), []).append(p)
    taken = {i for p in people for m in p.mentions for i in range(m.start, m.end)}
    for tok in doc:
        owners = surnames.get(loose_key(tok.text))
        if (owners and len(owners) == 1 and tok.i not in taken and index.at(tok.i) is None
                and _word(doc, tok.i + 1) in AFTER_NAME and not is_ordinary_word(tok.text)):
            owners[0].mentions.append(Mention(tok.i, tok.i + 1, source="surname"))


# --- chains -------------------------------------------------------------------

def _chain(doc: Doc, index: _Index, start: int, step: int, stop_at: set[int], words: set[str]) -> list[int]:
    """Token indexes of the description next to a name, walking by `step` (+1 or -1)."""
    out: list[int] = []
    i = start
    sentence_start = index.sent_of[start].start if 0 <= start < len(doc) else 0
    while 0 <= i < len(doc) and len(out) < MAX_CHAIN_TOKENS and i not in stop_at:
        if step < 0 and i < sentence_start:
            break
        if step > 0 and i > start and doc[i].is_sent_start:
            break
        anchor = index.at(i)
        if anchor is None and doc[i].text not in words and doc[i].text not in honorifics() and not _batch_year(doc[i]) \
                and not _subdivision(doc, index, i) and not (step > 0 and _post_place(doc, i)) \
                and not (step < 0 and _joins_descriptions(doc, index, i)):
            break
        out.append(i)
        i += step
    # a chain ends on an anchor (or on अब/पूर्व, which say when), not on a dangling connector
    while out and index.at(out[-1]) is None and doc[out[-1]].text not in NOW_WORDS | FORMER_WORDS:
        out.pop()
    return sorted(out)


def _post_place(doc: Doc, i: int) -> bool:
    """`उपखंड अधिकारी, नोखा के पद पर` / `, नोखा को`: one unknown word after a post and a comma,
    then the post's or the transfer's case word, is the post's place."""
    return (_word(doc, i - 1) == "," and not is_name_part(doc[i].text)
            and (_word(doc, i + 1) == "को" or (_word(doc, i + 1) == "के" and _word(doc, i + 2) == "पद")))


def _joins_descriptions(doc: Doc, index: _Index, i: int) -> bool:
    """`विदिशा के कलेक्टर और 2013 बैच के आईएएस अधिकारी श्री X`: walking back from a name, `और`
    between a post or place and the rest of the description joins two parts of it."""
    before = index.at(i - 1)
    return doc[i].text in COORDINATORS and before is not None and before.kind in ("post", "place", "service")


def _subdivision(doc: Doc, index: _Index, i: int) -> bool:
    """`उपजिलाधिकारी, मिलक, रामपुर`: a word alone between commas, then a listed place, is a
    sub-division or block the gazetteer does not list; the description goes on past it."""
    after = index.at(i + 2)
    return (_word(doc, i - 1) == "," and _word(doc, i + 1) == "," and after is not None and after.kind == "place"
            and index.at(i - 2) is not None)


def _batch_year(token) -> bool:
    """`आईएएस (2011)`, `2009 बैच`: the year of an officer's batch sits inside the description."""
    return token.text.isascii() and token.text.isdecimal() and len(token.text) == 4 and 1950 <= int(token.text) <= 2035


def _resolve_posts(doc: Doc, index: _Index, chain: list[int], state_hint: Optional[str]) -> list[PostFinding]:
    anchors: list[Anchor] = []
    for i in chain:
        a = index.at(i)
        if a is not None and (not anchors or anchors[-1] is not a):
            anchors.append(a)
    posts = []
    # a transfer order: `X, <old post> को <new post> के पद पर ...` -- the post after को is the new one
    transfer_at = next((i for i in chain if doc[i].text == "को"), None)
    if transfer_at is not None and not any(a.kind == "post" and a.start > transfer_at for a in anchors):
        transfer_at = None
    for n, a in enumerate(anchors):
        if a.kind != "post":
            continue
        finding = PostFinding(a)
        finding.current = not getattr(a.data, "former", False) and not (transfer_at is not None and a.start < transfer_at)
        before_words = {doc[i].text for i in chain if i < a.start}
        after_tokens = [doc[i].text for i in range(a.end, min(a.end + 3, len(doc)))]
        if before_words & NOW_WORDS:
            finding.now = True
        if any(w in FORMER_WORDS for w in after_tokens) or (_word(doc, a.start - 1) == "पूर्व"):
            finding.current = False
        # places: the ones right after this post (until the next post), or `PLACE के POST` before it
        nearby = []
        for b in anchors[n + 1:]:
            if b.kind == "post":
                break
            if b.kind == "place":
                nearby.append(b)
        if not nearby and n > 0 and anchors[n - 1].kind == "place" and _joined_by_ke(doc, anchors[n - 1], a):
            nearby.append(anchors[n - 1])  # `हाथरस के संयुक्त मजिस्ट्रेट`
            if n > 1 and anchors[n - 2].kind == "place":
                nearby.append(anchors[n - 2])
        _municipal_title(doc, anchors, n, finding)
        states = [b for b in anchors if b.kind == "place" and _state_of(b)]
        hint = _state_name(states[0]) if states else state_hint
        for b in nearby:
            entry = _district_entry(b, hint)
            if entry is not None and finding.district is None:
                finding.district = entry
            if _state_of(b) and finding.state_en is None:
                finding.state_en = _state_name(b)
        if finding.state_en is None and finding.district is not None:
            finding.state_en = finding.district.state_en
        if finding.state_en is None and hint and _post_level(a) == "state":
            finding.state_en = hint
        posts.append(finding)
    return posts


def _municipal_title(doc: Doc, anchors: list[Anchor], n: int, finding: PostFinding) -> None:
    """`सूरत महानगरपालिका के आयुक्त`, `आयुक्त, नासिक नगर निगम`: a city corporation's Commissioner is
    its Municipal Commissioner (and उपायुक्त its Deputy Municipal Commissioner)."""
    title = post_title(finding)
    if title not in MUNICIPAL_TITLES:
        return
    post = anchors[n]
    after = next((b for b in anchors[n + 1:n + 3] if b.kind in ("org", "post")), None)
    before = anchors[n - 1] if n > 0 and anchors[n - 1].kind == "org" and _joined_by_ke(doc, anchors[n - 1], post) else None
    for org in (after, before):
        words = doc[org.start:org.end].text.split() if org is not None and org.kind == "org" else []
        if words and (words[-1] in MUNICIPAL_BODIES or words[-2:] == ["नगर", "निगम"]):
            finding.title_en = MUNICIPAL_TITLES[title]
            # the city: named in the body's name (सूरत महानगरपालिका) or just before it (नासिक नगर निगम)
            city = doc[org.start - 1].text if org.start > 0 else ""
            entry = gazetteer().best(words[0]) or gazetteer().best(city)
            if finding.district is None and entry is not None and entry.type not in ("state", "union_territory", "country"):
                finding.district = entry
            return


def _joined_by_ke(doc: Doc, place: Anchor, post: Anchor) -> bool:
    """`PLACE के POST`, `PLACE जिले के POST`: the place qualifies the post that follows."""
    between = [t.text for t in doc[place.end:post.start]]
    return bool(between) and between[-1] in ("के", "की", "का") and all(
        w in ("के", "की", "का", "जिले", "जिला", "जनपद", "में") for w in between)


@lru_cache(maxsize=None)
def _post_levels() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"\b{re.escape(r['phrase'])}\b"), r["level"]) for r in read_tsv("post_levels.tsv"))


def _post_level(anchor: Anchor) -> str:
    """district, city, division, state or national (data/post_levels.tsv; district unless listed)."""
    title = getattr(anchor.data, "title_en", "") or ""
    return next((lvl for pattern, lvl in _post_levels() if pattern.search(title)), "district")


def _post_is_state_level(anchor: Anchor) -> bool:
    """Above the district: such a post takes a state (or none), not a district."""
    return _post_level(anchor) not in ("district", "city")


def _candidates(anchor: Anchor):
    return getattr(anchor.data, "candidates", ()) or ()


def _state_of(anchor: Anchor):
    return next((c for c in _candidates(anchor) if c.type in ("state", "union_territory")), None)


def _state_name(anchor: Anchor) -> Optional[str]:
    entry = _state_of(anchor)
    return entry.state_en if entry else None


def _district_entry(anchor: Anchor, state_hint: Optional[str]):
    """The district a place anchor names (a city resolves to its district)."""
    cands = [c for c in _candidates(anchor) if c.type in ("district", "city") and c.district_en]
    if state_hint:
        cands = [c for c in cands if c.state_en == state_hint] or cands
    return cands[0] if cands else None


def _state_counts(index: _Index) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in index.anchors:
        name = _state_name(a) if a.kind == "place" else None
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _dominant_state(counts: dict[str, int]) -> Optional[str]:
    """The state the document is about, to break ties (रायगढ़): the one named most often, when it is named
    at least twice as often as any other. A digest of news from several states has none."""
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=counts.get)


def link_people(doc: Doc, services: Sequence[Any], posts: Sequence[Any], places: Sequence[Any],
                organizations: Sequence[Any] = (), ner_people: Sequence[tuple[int, int]] = (),
                home_district: Optional[Any] = None) -> list[PersonFinding]:
    """Find the people of a Doc and attach services, posts and places to them.

    `home_district` (a PlaceEntry, e.g. the dateline's district) is the district
    a district-level post belongs to when the text names none next to it.
    """
    index = _Index(doc, [("service", services), ("post", posts), ("place", places), ("org", organizations)])
    _initials_not_posts(doc, index)
    mentions = find_mentions(doc, index, ner_people)
    people = _group(doc, index, mentions)
    states = _state_counts(index)
    hint = _dominant_state(states)
    home = home_district or _most_named_district(index, hint)
    if home is not None and not states:  # a text that names no state is about its home district's
        hint = home.state_en
    mention_tokens = {i for p in people for m in p.mentions for i in range(m.start, m.end)}
    claimed: set[int] = set()
    chains: list[tuple[PersonFinding, Mention, list[int], list[int]]] = []
    for person in people:
        for m in person.mentions:
            stop = mention_tokens - set(range(m.start, m.end))
            if _word(doc, m.end) in POSSESSIVES or m.source == "between-posts":
                after = []  # `येदियुरप्पा के मीडिया सचिव` is someone else: his media secretary
            else:
                after = _trim_before_next_person(doc, index, _chain(doc, index, m.end, +1, stop, CHAIN_WORDS | {"को"}), stop)
            claimed.update(after)
            chains.append((person, m, after, []))
    for n, (person, m, after, _) in enumerate(chains):
        stop = (mention_tokens - set(range(m.start, m.end))) | claimed
        before = _chain(doc, index, m.start - 1, -1, stop, CHAIN_WORDS - COORDINATORS) if m.start > 0 else []
        chains[n] = (person, m, after, before)
    for person, m, after, before in chains:
        # a national figure's `गृह मंत्री` is the Union one, whatever state the document is about
        person_hint = None if _national_figure(person) else hint
        for chain in (before, after):
            # a post in a Union ministry (`स्वास्थ्य मंत्रालय के संयुक्त सचिव`) or another country's has no state
            chain_hint = None if _in_union_ministry(doc, index, chain) or _foreign_post(doc, index, chain) else person_hint
            for a in _anchors_in(index, chain):
                if a.kind == "service" and a.data.code not in person.services:
                    person.services.append(a.data.code)
                elif a.kind == "org" and a not in person.organizations:
                    person.organizations.append(a)
            for finding in _resolve_posts(doc, index, chain, chain_hint):
                _add_post(person, finding)
    people = _merge_given_names(people)
    for person in people:
        _party_titles(person)
    _default_district(people, home)
    for person in people:
        _settle_current(person)
        person.quotes = _quotes(doc, index, person)
    _attribute_sentences(doc, index, people)
    people.extend(_unnamed_officers(doc, index, people, hint, home))
    return people


@lru_cache(maxsize=None)
def _named_after_words() -> frozenset[str]:
    """Words after a person's name that make it the name of a thing: organisation heads, शासकीय, स्टेडियम ..."""
    heads = frozenset(row["word"].split()[0] for row in read_tsv("org_heads.tsv"))
    return heads | frozenset(read_list("named_after_words.txt"))


@lru_cache(maxsize=None)
def _demonyms() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_tsv("demonyms.tsv"))


def _foreign_post(doc: Doc, index: _Index, chain: list[int]) -> bool:
    """A post right after a demonym (अमेरिकी स्वास्थ्य मंत्री) or with another country in its chain
    (अमेरिका के स्वास्थ्य मंत्री) is that country's: no Indian state."""
    return any((a.kind == "post" and a.start > 0 and fold(doc[a.start - 1].text) in _demonyms())
               or (a.kind == "place" and a.data.best.type == "country" and a.data.best.name_en != "India")
               for a in _anchors_in(index, chain))


def _in_union_ministry(doc: Doc, index: _Index, chain: list[int]) -> bool:
    """The chain names a ministry (मंत्रालय): ministries are the Union's; states have departments."""
    return any(a.kind == "org" and doc[a.end - 1].text in MINISTRY_WORDS for a in _anchors_in(index, chain))


def _national_figure(person: PersonFinding) -> bool:
    """Listed as a national politician or a foreign figure in the public-figures list."""
    figure = public_figure(" ".join(person.name_tokens))
    return figure is not None and figure.category in NATIONAL_FIGURES


def _default_district(people: list[PersonFinding], home) -> None:
    """District-level posts with no district named take the document's own district."""
    if home is None:
        return
    for person in people:
        for finding in person.posts:
            if finding.district is None and not _post_is_state_level(finding.anchor) \
                    and post_title(finding) not in GENERIC_TITLES:
                finding.district = home
                finding.state_en = finding.state_en or home.state_en


def _party_titles(person: PersonFinding) -> None:
    """`कांग्रेस की अध्यक्ष`: a party has a President, not a Chairman (that is a board's or a commission's)."""
    if not any(o.data.kind == "party" for o in person.organizations):
        return
    for finding in person.posts:
        title = post_title(finding)
        if "Chairman" in title:
            finding.title_en = title.replace("Chairman", "President")


def _initials_not_posts(doc: Doc, index: _Index) -> None:
    """`जिला कलेक्टर एमडी सिंह`: letters right after a post and before a surname are the officer's
    initials (M.D. Singh), not a second post (Managing Director)."""
    for anchor in list(index.anchors):
        if (anchor.kind == "post" and anchor.end - anchor.start == 1
                and abbreviation_letters(doc[anchor.start].text) is not None
                and index.at(anchor.start - 1) is not None and index.at(anchor.start - 1).kind == "post"
                and anchor.end < len(doc) and is_name_part(doc[anchor.end].text)):
            index.anchors.remove(anchor)
            index.owner[anchor.start] = None


def _merge_given_names(people: list[PersonFinding]) -> list[PersonFinding]:
    """`सीएम उद्धव` is `मुख्यमंत्री उद्धव ठाकरे`: a one-word name joins the one full name it begins,
    when they hold the same post (a bare given name with no post could be anyone's)."""
    kept = []
    for person in people:
        target = None
        if len(person.name_tokens) == 1 and person.posts:
            first = loose_key(person.name_tokens[0])
            hits = [p for p in people if len(p.name_tokens) > 1 and loose_key(p.name_tokens[0]) == first]
            titles = {post_title(f) for f in person.posts}
            if len(hits) == 1 and titles <= {post_title(f) for f in hits[0].posts}:
                target = hits[0]
        if target is None:
            kept.append(person)
            continue
        target.mentions.extend(person.mentions)
        for finding in person.posts:
            _add_post(target, finding)
        target.services.extend(s for s in person.services if s not in target.services)
        target.organizations.extend(o for o in person.organizations if o not in target.organizations)
    return kept


def _add_post(person: PersonFinding, finding: PostFinding) -> None:
    """A post said twice (`जिलाधिकारी (DM)`, a later `डीएम X`) is one post; places fill in."""
    for known in person.posts:
        if known.anchor is finding.anchor:
            return
        same_title = post_title(known) == post_title(finding) and known.current == finding.current
        if same_title and (known.district is None or finding.district is None
                           or known.district.district_en == finding.district.district_en):
            known.district = known.district or finding.district
            known.state_en = known.state_en or finding.state_en
            known.now = known.now or finding.now
            return
    person.posts.append(finding)


def _trim_before_next_person(doc: Doc, index: _Index, chain: list[int], mention_tokens: set[int]) -> list[int]:
    """`X और उपजिलाधिकारी जोशीमठ श्री Y`, `X, मंदिर समिति के मुख्य कार्याधिकारी श्री Y`: what follows
    the last `और`, or the last comma when a post follows it, describes Y."""
    if not chain:
        return chain
    nxt = chain[-1] + 1
    while nxt < len(doc) and doc[nxt].text in honorifics():
        nxt += 1
    if nxt not in mention_tokens:
        return chain
    cut = [i for i in chain if doc[i].text in COORDINATORS]
    commas = [i for i in chain if doc[i].text == ","]
    if commas and any(index.at(i) is not None and index.at(i).kind == "post" for i in chain if i > commas[-1]):
        cut.append(commas[-1])
    return [i for i in chain if i < max(cut)] if cut else chain


def _most_named_district(index: _Index, state_hint: Optional[str]):
    """The district a document is about: the one named most often (at least twice)."""
    counts: dict[str, int] = {}
    entries = {}
    for a in index.anchors:
        if a.kind == "place":
            entry = _district_entry(a, state_hint)
            if entry is not None:
                counts[entry.district_en] = counts.get(entry.district_en, 0) + 1
                entries[entry.district_en] = entry
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return entries[ranked[0][0]]


def _anchors_in(index: _Index, chain: list[int]) -> list[Anchor]:
    seen: list[Anchor] = []
    for i in chain:
        a = index.at(i)
        if a is not None and a not in seen:
            seen.append(a)
    return seen


def _settle_current(person: PersonFinding) -> None:
    """Two posts with one title, one introduced by `अब`: the other was held before."""
    for finding in person.posts:
        title = getattr(finding.anchor.data, "title_en", None)
        if not finding.now and any(o.now and getattr(o.anchor.data, "title_en", None) == title
                                   for o in person.posts if o is not finding):
            finding.current = False


def _quotes(doc: Doc, index: _Index, person: PersonFinding) -> list[tuple[int, int]]:
    """`X ने कहा (कि) <quote>` up to the end of the sentence; char spans."""
    spans = []
    for m in person.mentions:
        i = m.end
        # skip the description chain and find `ने कहा` within a few tokens
        limit = min(len(doc), i + MAX_CHAIN_TOKENS)
        while i < limit and doc[i].text != "ने" and not doc[i].is_sent_start:
            i += 1
        if i >= len(doc) or doc[i].text != "ने":
            continue
        sent_end = index.sent_of[i].end
        # `ने कहा`, or `ने दर्शकों के प्रश्न का उत्तर देते हुए कहा कि`: the first कहा/बताया in the clause
        verb = next((k for k in range(i + 1, min(sent_end, i + 1 + MAX_QUOTE_GAP)) if doc[k].text in SAID), None)
        if verb is not None:
            start_tok = verb + 1
            if start_tok < len(doc) and doc[start_tok].text in ("कि", "की"):
                start_tok += 1
            if start_tok < sent_end:
                first, last = doc[start_tok], doc[sent_end - 1]
                end_tok = sent_end - 1 if last.text in ("।", ".", "|") and sent_end - 1 > start_tok else sent_end
                last = doc[end_tok - 1]
                spans.append((first.idx, last.idx + len(last.text)))
    return spans


def _attribute_sentences(doc: Doc, index: _Index, people: list[PersonFinding]) -> None:
    """A person's sentences: where they are named, and after a quote the rest of the
    paragraph's sentences until someone else is named (reported speech runs on)."""
    sentences = index.sentences
    text = doc.text
    named_in: dict[int, set[int]] = {}
    for n, person in enumerate(people):
        for m in person.mentions:
            named_in.setdefault(index.sent_of[m.start].start, set()).add(n)
    for n, person in enumerate(people):
        quoted = {index.sent_of[doc.char_span(s, e, alignment_mode="expand").start].start for s, e in person.quotes}
        for k, sent in enumerate(sentences):
            if n not in named_in.get(sent.start, ()):
                continue
            person.attributed.append((sent.start_char, sent.end_char))
            if sent.start not in quoted:
                continue
            for nxt in sentences[k + 1:]:
                if "\n" in text[sentences[k].end_char:nxt.start_char] or named_in.get(nxt.start, {n}) != {n}:
                    break
                person.attributed.append((nxt.start_char, nxt.end_char))


def _unnamed_officers(doc: Doc, index: _Index, people: list[PersonFinding], hint: Optional[str],
                      home) -> list[PersonFinding]:
    """`जिलाधिकारी ने कहा`: a post as the subject of a verb, with no name attached."""
    used = {id(f.anchor) for p in people for f in p.posts}
    named_titles = {post_title(f) for p in people for f in p.posts if f.current}
    out = []
    for a in index.anchors:
        if a.kind != "post" or id(a) in used or _word(doc, a.end) not in ("ने", "द्वारा"):
            continue
        if getattr(a.data, "title_en", None) in named_titles:
            continue  # `प्रधानमंत्री ने कहा` where the PM is named elsewhere: the same person
        before = _chain(doc, index, a.start - 1, -1, set(), CHAIN_WORDS - COORDINATORS) if a.start > 0 else []
        chain = before + list(range(a.start, a.end))
        posts = _resolve_posts(doc, index, chain, hint)
        finding = PersonFinding((), [Mention(a.start, a.end, source="post")], unnamed=True)
        finding.posts = [p for p in posts if p.anchor is a]
        out.append(finding)
    _default_district(out, home)
    return _one_per_post(out)


def _one_per_post(unnamed: list[PersonFinding]) -> list[PersonFinding]:
    """`मंत्री ने कहा ... मंत्री ने बताया`: one unnamed Minister with both mentions, not two."""
    by_post: dict[tuple, PersonFinding] = {}
    for person in unnamed:
        key = tuple((post_title(f), f.district.district_en if f.district else None, f.state_en) for f in person.posts)
        if key in by_post:
            by_post[key].mentions.extend(person.mentions)
        else:
            by_post[key] = person
    return list(by_post.values())

"""The place gazetteer: Hindi place names resolved to district and state.

Backed by data/places.tsv (states/UTs, districts, towns, countries; see
docs/lexicons.md for how it was checked). Look-ups are on a matching key
that lets real spelling variants meet: nukta and chandrabindu folded,
spaces and hyphens ignored (उत्तरप्रदेश, जम्मू-कश्मीर), and a nasal
consonant before a consonant of its own class read as anusvara (चम्पारण =
चंपारण). A name can be ambiguous (रायगढ़ is Raigarh in Chhattisgarh and
Raigad in Maharashtra): `lookup` returns every candidate and `best` picks
one with a state hint.

`find_places` finds names in a spaCy Doc. Names that are also common words
(गया "went", सागर "ocean", बस्ती "settlement"; data/places_ambiguous.tsv)
are kept only where the text shows they are places (see `_in_place_context`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from nlp.lexicons import read_tsv
from nlp.normalize import fold

# Order in which candidates of one name are listed: the larger unit first.
_TYPE_ORDER = {"state": 0, "union_territory": 0, "district": 1, "city": 2, "country": 3, "other": 4}

# A nasal consonant + virama before a consonant of its own class is the same
# sound as anusvara + that consonant: अम्बाला = अंबाला, झारखण्ड = झारखंड.
_HOMORGANIC_NASAL = re.compile(
    "ङ्(?=[कखगघ])|ञ्(?=[चछजझ])|ण्(?=[टठडढ])|न्(?=[तथदध])|म्(?=[पफबभ])"
)
_JOINERS = re.compile(r"[\s\-‐‑–—]+")
# Vowel length is spelt freely in place names (बेंगलुरु/बेंगलुरू, सिवान/सीवान,
# ईरान/इरान), and ऑ is often written आ (ऑस्ट्रेलिया/आस्ट्रेलिया).
_VOWEL_LENGTH = str.maketrans({"ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ", "ॉ": "ा", "ऑ": "आ"})


@dataclass(frozen=True)
class PlaceEntry:
    name_hi: str
    name_en: str
    type: str  # state | union_territory | district | city | country | other
    district_en: Optional[str]
    state_en: Optional[str]


@dataclass(frozen=True)
class PlaceMatch:
    """A place name in the text: [start, end) of the name only, in doc.text."""

    start: int
    end: int
    candidates: tuple[PlaceEntry, ...]
    cue: Optional[str] = None  # district | state | city | country | division | locality

    @property
    def best(self) -> PlaceEntry:
        return self.candidates[0]


def _place_of(entry: PlaceEntry) -> tuple:
    return entry.name_en, entry.type, entry.district_en, entry.state_en


def _spelling(name: str) -> str:
    return _JOINERS.sub("", fold(name).lower())


def match_key(name: str) -> str:
    """The key two spellings of one place name share.

    Folded (nukta, chandrabindu), vowel length ignored, homorganic nasal as
    anusvara, spaces and hyphens dropped: `उत्तर-प्रदेश`, `उत्तरप्रदेश` and
    `उत्तर प्रदेश` meet. Not for display.
    """
    key = fold(name).lower().translate(_VOWEL_LENGTH)
    key = _HOMORGANIC_NASAL.sub("ं", key).replace("ंं", "ं")
    return _JOINERS.sub("", key)


class Gazetteer:
    def __init__(self, entries: list[PlaceEntry]):
        self.entries = entries
        by_key: dict[str, list[PlaceEntry]] = defaultdict(list)
        for entry in entries:
            # Hindi name, and the English name for English paragraphs (`Raigarh district`)
            for key in (self.key(entry.name_hi), self.key(entry.name_en)):
                # two spellings of one place meet on one key: keep the first row
                if all(_place_of(entry) != _place_of(seen) for seen in by_key[key]):
                    by_key[key].append(entry)
        self._by_key = {
            key: sorted(found, key=lambda e: _TYPE_ORDER.get(e.type, 9)) for key, found in by_key.items()
        }
        self._prefixes = {key[:i] for key in self._by_key for i in range(1, len(key) + 1)}
        self._spellings = {_spelling(e.name_hi) for e in entries}
        self._states_en = {e.state_en for e in entries if e.type in ("state", "union_territory")}
        self.max_words = max((len(e.name_hi.split()) for e in entries), default=1)

    @staticmethod
    def key(name: str) -> str:
        return match_key(name)

    def is_prefix(self, key: str) -> bool:
        return key in self._prefixes

    def is_listed_spelling(self, name: str) -> bool:
        """True when `name` is spelt as a row of the file (only nukta and spacing may differ)."""
        return _spelling(name) in self._spellings

    def lookup(self, name: str) -> list[PlaceEntry]:
        """Every place the name can be; states first, then districts, towns, countries."""
        return list(self._by_key.get(self.key(name), ()))

    def best(self, name: str, state_hint: Optional[str] = None) -> Optional[PlaceEntry]:
        """One reading of the name, preferring one in `state_hint`.

        The hint is a state's English name (`Chhattisgarh`) or any Hindi name
        of it (`छत्तीसगढ़`, `सीजी` is not one). Without a usable hint, the first
        candidate: the larger unit, then the file's order (see docs/lexicons.md).
        """
        candidates = self.lookup(name)
        state = self.state_en(state_hint) if state_hint else None
        if state:
            in_state = [c for c in candidates if c.state_en == state]
            candidates = in_state or candidates
        return candidates[0] if candidates else None

    def state_en(self, name: str) -> Optional[str]:
        """The English name of the state/UT `name` (English or Hindi) names, if any."""
        if name in self._states_en:
            return name
        for entry in self.lookup(name):
            if entry.type in ("state", "union_territory"):
                return entry.state_en
        return None


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    entries = [
        PlaceEntry(r["name_hi"], r["name_en"], r["type"], r["district_en"] or None, r["state_en"] or None)
        for r in read_tsv("places.tsv")
    ]
    return Gazetteer(entries)


@lru_cache(maxsize=None)
def ambiguous_names() -> frozenset[str]:
    """Keys of place names that are also common words or person names."""
    return frozenset(match_key(r["name_hi"]) for r in read_tsv("places_ambiguous.tsv"))


@lru_cache(maxsize=None)
def _cues() -> dict[str, dict[str, str]]:
    """side ('after'/'before') -> folded cue word -> cue."""
    table: dict[str, dict[str, str]] = {"after": {}, "before": {}}
    for row in read_tsv("place_cues.tsv"):
        if row["cue"] != "not_place":
            table[row["side"]][fold(row["word"])] = row["cue"]
    return table


def is_kind_word(text: str) -> bool:
    """Only words that say what kind of place (प्रदेश, जनपद, जिले, ब्लॉक): no place's name."""
    cues = _cues()
    words = fold(text).split()
    return bool(words) and all(w in cues["after"] or w in cues["before"] for w in words)


@lru_cache(maxsize=None)
def _not_place_before() -> frozenset[str]:
    """Words before a common-word name that make it the common word (इस बस्ती, किसी भी सूरत)."""
    return frozenset(fold(r["word"]) for r in read_tsv("place_cues.tsv") if r["cue"] == "not_place")


_LIST_SEPARATORS = {",", "/", "और", "व", "एवं", "तथा", "-", "–"}  # and hyphen pairs: गोंडा-बस्ती
_DATELINE_FOLLOWERS = {",", ":", "/", "(", "-", "–", "|", "।"}
_GENITIVES = {"के", "की", "का"}
_CASE_MARKERS = {"ने", "के", "की", "का", "को", "से", "में", "पर", "तक"}
_POSTPOSITIONS = _CASE_MARKERS | {"द्वारा", "व", "और", "एवं"}
_HYPHENS = {"-", "‐", "‑", "–"}


_COUNT_LIST_FILLERS = {"में", "से", "-", "–"}
_CONTEXT_CUES = {"district", "state", "city", "country", "division"}  # not "locality": विजयनगर थाने


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    is_word: bool
    is_num: bool


def _tokens(doc) -> list[_Tok]:
    return [_Tok(t.text, t.idx, t.idx + len(t.text), not (t.is_punct or t.is_space), t.like_num) for t in doc]


def _scan(toks: list[_Tok], places: Gazetteer) -> list[tuple[int, int]]:
    """Token spans [i, j) of the longest gazetteer names, left to right."""
    spans = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].is_word or (toks[i].text.isascii() and not toks[i].text[:1].isupper()):
            i += 1  # an English place name is capitalised: `Mau`, not `mau`
            continue
        key, found, j = "", None, i
        while j < n:
            tok = toks[j]
            if tok.text in _HYPHENS:
                j += 1
                continue
            if not tok.is_word:
                break
            key += match_key(tok.text)
            if not places.is_prefix(key):
                break
            j += 1
            if places.lookup(key):
                found = j
        if found and not _split_word(toks, i, found, places):
            spans.append((i, found))
            i = found
        else:
            i += 1
    return spans


def _split_word(toks: list[_Tok], i: int, j: int, places: Gazetteer) -> bool:
    """A one-word name assembled from short pieces (`पा ली` is not पाली)."""
    words = [t for t in toks[i:j] if t.text not in _HYPHENS]
    if len(words) < 2:
        return False
    name = " ".join(t.text for t in words)
    if any(len(e.name_hi.split()) > 1 or "-" in e.name_hi for e in places.lookup(name)):
        return False
    return any(len(t.text) < 3 for t in words)


def _cue_after(toks: list[_Tok], j: int) -> Optional[str]:
    table = _cues()["after"]
    two = " ".join(fold(t.text) for t in toks[j:j + 2])
    return table.get(two) or (table.get(fold(toks[j].text)) if j < len(toks) else None)


def _cue_before(toks: list[_Tok], i: int) -> Optional[str]:
    table = _cues()["before"]
    two = " ".join(fold(t.text) for t in toks[max(0, i - 2):i])
    return table.get(two) or (table.get(fold(toks[i - 1].text)) if i > 0 else None)


def _only_list_marks(toks: list[_Tok], j: int, k: int) -> bool:
    """True when tokens [j, k) are one or two list separators (`,` `और` `, और`)."""
    return 0 < k - j <= 2 and all(toks[t].text in _LIST_SEPARATORS for t in range(j, k))


def _list_gap(toks: list[_Tok], j: int, k: int) -> bool:
    """Tokens [j, k) join two items of a list, counts allowed: `सतना में 02, धार`, `सीहोर एवं गुना`, `गोंडा-बस्ती`."""
    if not 0 < k - j <= 6:
        return False
    gap = toks[j:k]
    if len(gap) == 1 and gap[0].text in _HYPHENS:
        return True
    return any(t.text in _LIST_SEPARATORS and t.text not in _HYPHENS for t in gap) and all(
        t.text in _LIST_SEPARATORS or t.text in _COUNT_LIST_FILLERS or t.is_num for t in gap
    )


def _is_dateline_head(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """The name opens a line and is followed by a dateline mark (`गया, जेएनएन`)."""
    k = toks[i].start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    opens_line = k == 0 or text[k - 1] == "\n"
    return opens_line and j < len(toks) and toks[j].text in _DATELINE_FOLLOWERS


@lru_cache(maxsize=None)
def _post_fields() -> frozenset[str]:
    """Words that narrow a post (सदर, ग्रामीण, सिटी), from data/post_qualifiers.tsv."""
    return frozenset(r["hi"] for r in read_tsv("post_qualifiers.tsv") if r["kind"] == "field" and " " not in r["hi"])


def _post_then_place(gap: str) -> bool:
    """The text between a post and a name: nothing, a comma, or a post's field between commas (`, सदर, `)."""
    if len(gap) <= 2 and gap.strip() in ("", ","):
        return True
    field = re.fullmatch(r"\s*,\s*(\S+)\s*,\s*", gap)
    return bool(field) and field.group(1) in _post_fields()


def _in_place_context(text, toks, span, clear_spans, post_spans) -> bool:
    """Evidence that a common-word name is used as a place.

    A dateline (`सागर, जागरण`), a state after it (`सागर, मध्य प्रदेश`), a
    larger place before it (`राजस्थान के कोटा`), a post next to it
    (`डीएम बस्ती`, `बस्ती के डीएम`), or a list with another place
    (`दमोह, सागर, छतरपुर`; `सतना में 02, धार में 06`). (A cue word,
    `बस्ती जिले`, is checked before.) `में` after the name is no evidence:
    `सागर में` is as often "in the sea" as "in Sagar".
    """
    i, j = span
    if _is_dateline_head(text, toks, i, j):
        return True
    for other_i, other_j, entries in clear_spans:
        # a state right after: सागर, मध्य प्रदेश / सागर (मध्य प्रदेश)
        if other_i == j + 1 and toks[j].text in {",", "("} and any(
            e.type in ("state", "union_territory") for e in entries
        ):
            return True
        # a state before: राजस्थान के कोटा, पुडुचेरी का माहे (not a district: पटियाला के रामनगर is a locality)
        if other_j == i - 1 and toks[other_j].text in _GENITIVES and any(
            e.type in ("state", "union_territory", "country") for e in entries
        ):
            return True
        # a list of places: X, Y और Z / X में 3, Y में 5
        if _list_gap(toks, j, other_i) or _list_gap(toks, other_j, i):
            return True
    name_start = toks[i].start
    for post_start, post_end in post_spans:
        # डीएम बस्ती ने / एसपी, रायगढ़, / उपजिलाधिकारी, सदर, बस्ती ... but not राष्ट्रपति हसन रुहानी
        # (a post before a person's name)
        if post_end <= name_start and _post_then_place(text[post_end:name_start]) and (
            j >= len(toks) or not toks[j].is_word or toks[j].text in _POSTPOSITIONS
        ):
            return True
        # बस्ती के डीएम
        if j + 1 < len(toks) and toks[j].text in _GENITIVES and toks[j + 1].start == post_start:
            return True
    return False


def find_places(doc, post_spans: Optional[Iterable[tuple[int, int]]] = None) -> list[PlaceMatch]:
    """Place names in a Doc made with `blank_hindi()` from normalised text.

    Longest match over tokens; `start`/`end` are character offsets of the
    name only. A cue word after the name (`जिले`, `प्रदेश`, `शहर` ...) or
    before it (`जनपद`) sets `cue`; a cue after a list of names
    (`गोंडा, बस्ती और बहराइच जिलों में`) is given to each of them.
    `post_spans` (character spans of posts, as `find_posts` gives) help
    accept common-word names such as बस्ती next to `डीएम`; when omitted and
    needed they are computed here.
    """
    places = gazetteer()
    ambiguous = ambiguous_names()
    text = doc.text
    toks = _tokens(doc)
    matches = []  # [i, j, entries, cue, is_common_word]
    for i, j in _scan(toks, places):
        name = text[toks[i].start: toks[j - 1].end]
        cue = _cue_after(toks, j) or _cue_before(toks, i)
        matches.append([i, j, tuple(places.lookup(name)), cue, match_key(name) in ambiguous])
    for k in range(len(matches) - 2, -1, -1):
        nxt = matches[k + 1]
        if matches[k][3] is None and nxt[3] and _only_list_marks(toks, matches[k][1], nxt[0]):
            matches[k][3] = nxt[3]
    clear_spans = [(i, j, entries) for i, j, entries, _, common in matches if not common]
    accepted = []
    pending = []  # common-word names without evidence of their own
    for i, j, entries, cue, common in matches:
        if common and not places.is_listed_spelling(text[toks[i].start: toks[j - 1].end]):
            continue  # no vowel-length leeway for common words: पूरी is not पुरी
        if common and cue not in _CONTEXT_CUES:
            if post_spans is None:
                post_spans = _post_spans(doc)
            if not _in_place_context(text, toks, (i, j), clear_spans, post_spans):
                pending.append((i, j, entries, cue))
                continue
        accepted.append((i, j, entries, cue))
    # One sense per document: a name shown to be a place once (`सूरत, राजकोट`) is the place again
    # where a postposition follows (`सूरत में`), unless a determiner says otherwise (`इस बस्ती में`).
    known = {match_key(text[toks[i].start: toks[j - 1].end]) for i, j, _, _ in accepted}
    for i, j, entries, cue in pending:
        if (
            match_key(text[toks[i].start: toks[j - 1].end]) in known
            and j < len(toks) and toks[j].text in _CASE_MARKERS
            and not (i > 0 and fold(toks[i - 1].text) in _not_place_before())
        ):
            accepted.append((i, j, entries, cue))
    accepted.sort(key=lambda m: m[0])
    return [PlaceMatch(toks[i].start, toks[j - 1].end, entries, cue) for i, j, entries, cue in accepted]


def _post_spans(doc) -> list[tuple[int, int]]:
    from nlp.designations import find_posts  # posts never need places: no cycle at import time

    return [(p.start, p.end) for p in find_posts(doc)]

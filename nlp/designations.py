"""Post titles (अतिरिक्त परिवहन आयुक्त, एसपी, मुख्यमंत्री) and their English.

A flat list cannot cover Indian post titles: they are built. A title is

    [former] (modifier | domain [एवं domain])* (head | title) [after]

modifiers (अपर = Additional, उप = Deputy, मुख्य = Chief, जिला = District ...,
data/post_modifiers.tsv), domains (परिवहन = Transport, पुलिस = Police ...,
post_domains.tsv), a head noun (आयुक्त = Commissioner, अधीक्षक =
Superintendent ..., post_heads.tsv) or a fixed title / newsroom abbreviation
(जिलाधिकारी, एसपी, थानाध्यक्ष ..., post_titles.tsv), and a field after it
(एसपी सिटी, अपर जिलाधिकारी (वित्त एवं राजस्व), post_qualifiers.tsv). What may
follow the head (`after`): a domain where the head takes one after it (प्रमुख
सचिव स्वास्थ्य -> Principal Secretary, Health), then a field in brackets (a
listed field or a domain: अतिरिक्त उपायुक्त (आपदा प्रबंधन)); or, after a comma,
the body the post sits in (मुख्य कार्यकारी अधिकारी, जिला परिषद; पुलिस
उप-महानिरीक्षक, आर्थिक अपराध इकाई), followed by punctuation or a case marker
other than the genitive. The English is composed in English order:
modifiers, then the domain before the head (Transport Commissioner) or after
it with "of" where the head wants it (Superintendent of Police, Minister of
Home Affairs), `प्रभारी` as "-in-charge". `पूर्व`/`तत्कालीन` mark a former
holder: not part of the title, reported as `former`. A dotted short form
(`अति.`) is spelt with its dot in the data and matches only with it.

The longest reading wins (`वरिष्ठ पुलिस अधीक्षक` is one post); a modifier or
a domain alone is never a post, nor a generic head (`अधिकारी`) with only a
descriptive modifier (`वरिष्ठ अधिकारी`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from nlp.lexicons import read_tsv
from nlp.normalize import fold

_CONJUNCTIONS = {"एवं", "और", "व", "तथा", "&"}
_HYPHENS = {"-", "‐", "‑"}
_WORD_RE = re.compile(r"[()\[\]]|[^\s()\[\],;:।|\-‐‑.]+(?:/[^\s()\[\],;:।|\-‐‑.]+)*|[,;:।|.]")
_DATA_WORD_RE = re.compile(r"[()]|[^\s()\-‐‑.]+|\.")  # a data row's words as the tokenizer splits them
_NUMBERED_RE = re.compile(r"^(.+?)[-‐‑](\d+)$")  # पुलिस-5: a unit number glued to a word
# what may follow a `, <body>`: punctuation or a case marker, never the genitive (स्वास्थ्य विभाग के अधिकारी)
_BODY_END = {",", "।", ";", ":", "|", ".", ")", "–", "—", "को", "ने", "से", "में", "पर"}


@dataclass(frozen=True)
class PostMatch:
    """A post title in the text: [start, end) of the title, without `पूर्व`."""

    start: int
    end: int
    title_hi: str
    title_en: str
    former: bool = False


@dataclass(frozen=True)
class _Word:
    kind: str  # modifier | former | domain | head | title | qualifier | conj
    en: str
    position: str = "before"  # modifiers: before the head in English, or after (-in-charge)
    specifies: bool = True  # modifiers: can make a generic head a post
    of_domains: frozenset = field(default_factory=frozenset)  # heads: domains read "Head of Domain"
    joiner: str = "of"
    generic: bool = False
    domain_after: bool = False
    qualifiable: bool = False  # titles: a bare qualifier may follow
    en_of: str = ""  # domains: the English after "of"/"for" (गृह: Home Secretary, Minister of Home Affairs)


@dataclass(frozen=True)
class _Unit:
    key: str
    start: int
    end: int


def _key(word: str) -> str:
    """Matching key of one word: Latin keeps its case (DM is not dm), Devanagari is folded."""
    return word if word.isascii() else fold(word).lower()


def _split_words(text: str) -> list[str]:
    """Words of a data row as the tokenizer gives them: `अति.` -> अति + ., `(नागरिक)` -> ( नागरिक )."""
    return _DATA_WORD_RE.findall(text)


class _Lexicon:
    def __init__(self) -> None:
        self.by_words: dict[tuple[str, ...], list[_Word]] = {}
        self.by_glued: dict[str, list[tuple[int, _Word]]] = {}  # उपजिलाधिकारी -> उप जिलाधिकारी
        self.max_words = 1

    def add(self, hi: str, word: _Word) -> None:
        words = tuple(_key(w) for w in _split_words(hi))
        self.by_words.setdefault(words, []).append(word)
        self.max_words = max(self.max_words, len(words))
        if len(words) > 1:
            self.by_glued.setdefault("".join(words), []).append((len(words), word))

    def at(self, units: list[_Unit], i: int) -> list[tuple[int, _Word]]:
        """(number of units, word) for every lexicon entry starting at unit i."""
        found = []
        for n in range(min(self.max_words, len(units) - i), 0, -1):
            for word in self.by_words.get(tuple(u.key for u in units[i:i + n]), ()):
                found.append((n, word))
        for _, word in self.by_glued.get(units[i].key, ()):
            found.append((1, word))
        return found

    def split_glued(self, unit: _Unit) -> Optional[list[_Unit]]:
        """`गृहमंत्री` -> `गृह` + `मंत्री`: a modifier or domain glued to a head or title."""
        key = unit.key
        if (key,) in self.by_words or key in self.by_glued or len(key) < 4:
            return None
        for cut in range(len(key) - 2, 1, -1):
            left, right = key[:cut], key[cut:]
            if any(w.kind in ("head", "title") for w in self.by_words.get((right,), ())) and any(
                w.kind in ("modifier", "domain") for w in self.by_words.get((left,), ())
            ):
                return [_Unit(left, unit.start, unit.start + cut), _Unit(right, unit.start + cut, unit.end)]
        return None


def _yes(value: str) -> bool:
    return value.strip().lower() == "yes"


_QUALIFIER_KINDS = {"field": "qualifier", "body": "body", "body_head": "body_head"}


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    lex = _Lexicon()
    for row in read_tsv("post_modifiers.tsv"):
        kind = "former" if row["kind"] == "former" else "modifier"
        position = "after" if row["kind"] == "suffix" else "before"
        lex.add(row["hi"], _Word(kind, row["en"], position=position, specifies=_yes(row["specifies"])))
    for row in read_tsv("post_domains.tsv"):
        lex.add(row["hi"], _Word("domain", row["en"], en_of=row.get("en_of") or row["en"]))
    for row in read_tsv("post_heads.tsv"):
        of = frozenset(d.strip() for d in row["of_domains"].split(",") if d.strip())
        lex.add(row["hi"], _Word("head", row["en"], of_domains=of, joiner=row["joiner"] or "of",
                                 generic=_yes(row["generic"]), domain_after=_yes(row["domain_after"])))
    for row in read_tsv("post_titles.tsv"):
        lex.add(row["hi"], _Word("title", row["en"], qualifiable=_yes(row["qualifiable"])))
    for row in read_tsv("post_qualifiers.tsv"):
        lex.add(row["hi"], _Word(_QUALIFIER_KINDS[row["kind"]], row["en"]))
    for conj in _CONJUNCTIONS:
        lex.add(conj, _Word("conj", "and"))
    return lex


# --- parsing ---------------------------------------------------------------

@dataclass(frozen=True)
class _Parse:
    items: tuple[tuple[_Word, int, int], ...]  # (word, first unit, end unit)

    @property
    def end(self) -> int:
        return self.items[-1][2]


def _core_complete(items) -> bool:
    """A head or title is reached, and what precedes it may stand before it."""
    words = [w for w, _, _ in items]
    last = words[-1]
    before = words[:-1]
    if any(w.kind == "conj" for w in before):
        # every conjunction joins two domains
        for k, w in enumerate(before):
            if w.kind == "conj" and not (k > 0 and before[k - 1].kind == "domain" and k + 1 < len(before)
                                         and before[k + 1].kind == "domain"):
                return False
    if last.kind == "title":
        return not any(w.kind == "domain" for w in before)
    # modifiers come before the domain (मुख्य श्रम आयुक्त); a domain before a modifier only where the head
    # takes "of" (पुलिस उप महानिरीक्षक): otherwise the domain word is a noun of the sentence
    # (`... की निगरानी मुख्य श्रम आयुक्त करेंगे`).
    seen_domain = False
    for w in before:
        seen_domain = seen_domain or w.kind == "domain"
        if seen_domain and w.kind == "modifier" and w.position == "before" and not (
            "*" in last.of_domains or all(d.en in last.of_domains for d in before if d.kind == "domain")
        ):
            return False
    if last.kind == "head" and last.generic:
        return any(w.kind == "domain" or (w.kind == "modifier" and w.specifies) for w in before)
    return last.kind == "head"


def _parses(units: list[_Unit], start: int, lex: _Lexicon) -> list[_Parse]:
    """Every reading of a post that starts at unit `start`."""
    complete: list[_Parse] = []

    def extend_before(i: int, items: tuple) -> None:
        if i >= len(units):
            return
        for n, word in lex.at(units, i):
            item = (word, i, i + n)
            if word.kind == "former" and items:
                continue
            if word.kind in ("former", "modifier", "domain", "conj"):
                if word.kind == "conj" and not (items and items[-1][0].kind == "domain"):
                    continue
                extend_before(i + n, items + (item,))
            elif word.kind in ("head", "title"):
                candidate = items + (item,)
                if _core_complete([it for it in candidate if it[0].kind != "former"]):
                    complete.append(_Parse(candidate))
                    extend_after(i + n, candidate, word)

    def extend_after(i: int, items: tuple, head: _Word) -> None:
        # प्रमुख सचिव स्वास्थ्य (एवं परिवार कल्याण), संयुक्त निदेशक कृषि (विस्तार)
        if head.kind == "head" and head.domain_after:
            for j, run in _domain_runs(units, i, lex):
                tail = tuple((_Word("after_" + w.kind, w.en), a, b) for w, a, b in run)
                complete.append(_Parse(items + tail))
                extend_field(j, items + tail, bare=False)
        extend_field(i, items, bare=head.qualifiable)
        extend_body(i, items)

    def extend_field(i: int, items: tuple, bare: bool) -> None:
        """(वित्त एवं राजस्व), (आपदा प्रबंधन) after any post; वित्त एवं राजस्व only after a qualifiable title."""
        if i >= len(units):
            return
        if units[i].key == "(":
            for j, word in _fields(units, i + 1, lex):
                if j < len(units) and units[j].key == ")":
                    complete.append(_Parse(items + ((word, i, j + 1),)))
                    return
        elif bare:
            for n, w in lex.at(units, i):
                if w.kind == "qualifier":
                    complete.append(_Parse(items + ((w, i, i + n),)))

    def extend_body(i: int, items: tuple) -> None:
        """`, जिला परिषद`, `, आर्थिक अपराध इकाई`, `, आदिवासी विकास,`: a named body, domains and a unit word,
        or domains alone between commas. A department
        (`सचिव, पर्यटन विभाग`) is left to the organisations: it names the employer, not the post."""
        if i + 1 >= len(units) or units[i].key != ",":
            return
        j, names = i + 1, []
        named = [(n, w) for n, w in lex.at(units, j) if w.kind == "body"]
        if named:
            n, word = named[0]
            names.append(word.en)
            j += n
        else:
            runs = [(end, run) for end, run in _domain_runs(units, j, lex, conjunctions=False)]
            if not runs:
                return
            j, run = runs[-1]
            names.extend(w.en for w, _, _ in run)
            body_heads = [(n, w) for n, w in lex.at(units, j) if w.kind == "body_head"] if j < len(units) else []
            if body_heads:
                n, word = body_heads[0]
                names.append(word.en)
                j += n
            elif not (j < len(units) and units[j].key == ","):
                return  # domains alone name a field only between commas: `अपर आयुक्त, आदिवासी विकास, ठाणे`
        text = " ".join(names)
        if j < len(units) and units[j].key.isdigit():  # बिहार सैन्य पुलिस-5
            text += f"-{int(units[j].key)}"
            j += 1
        if j == len(units) or units[j].key in _BODY_END:
            complete.append(_Parse(items + ((_Word("body", text), i, j),)))

    extend_before(start, ())
    return complete


def _domain_runs(units: list[_Unit], i: int, lex: _Lexicon, conjunctions: bool = True):
    """(end unit, items) for each run of domains from unit i that ends in a domain, shortest first.

    The longest domain entry is taken at each step (जल संसाधन, not जल); with `conjunctions`,
    domains may be joined by एवं/और (स्वास्थ्य एवं परिवार कल्याण)."""
    j, run = i, ()
    while j < len(units):
        want = "conj" if conjunctions and run and run[-1][0].kind == "domain" and units[j].key in _CONJUNCTIONS else "domain"
        step = [(n, w) for n, w in lex.at(units, j) if w.kind == want]
        if not step:
            break
        n, word = step[0]
        run += ((word, j, j + n),)
        j += n
        if word.kind == "domain":
            yield j, run


def _fields(units: list[_Unit], i: int, lex: _Lexicon):
    """(end unit, qualifier word) for a field at unit i: listed fields first, then domains (आपदा प्रबंधन)."""
    yield from ((i + n, w) for n, w in lex.at(units, i) if w.kind == "qualifier")
    for j, run in _domain_runs(units, i, lex):
        yield j, _Word("qualifier", " ".join(w.en for w, _, _ in run))


def _english(items) -> str:
    before, after, domains, head, tail, body, field = [], [], [], None, [], None, None
    for word, _, _ in items:
        if word.kind == "modifier":
            (after if word.position == "after" else before).append(word.en)
        elif word.kind in ("domain", "conj"):
            domains.append(word)
        elif word.kind in ("head", "title"):
            head = word
        elif word.kind in ("after_domain", "after_conj"):
            tail.append(word.en)
        elif word.kind == "body":
            body = word.en
        elif word.kind == "qualifier":
            field = word.en
    real_domains = [w.en for w in domains if w.kind == "domain"]
    if head.kind == "head" and real_domains and (
        "*" in head.of_domains or all(d in head.of_domains for d in real_domains)
    ):
        core = f"{head.en} {head.joiner} {' '.join(w.en_of or w.en for w in domains)}"
    elif domains:
        core = f"{' '.join(w.en for w in domains)} {head.en}"
    else:
        core = head.en
    title = " ".join(before + [core])
    if after:
        title += "-" + after[0]
    if tail:
        title += ", " + " ".join(tail)
    if body:
        title += ", " + body
    if field:
        title += f" ({field})"
    return title


def _best(parses: list[_Parse]) -> Optional[_Parse]:
    """The longest reading; of equal ones, the one with fewest items (a listed title)."""
    if not parses:
        return None
    return max(parses, key=lambda p: (p.end, -len(p.items)))


def _match_units(units: list[_Unit], text: str) -> list[PostMatch]:
    lex = _lexicon()
    expanded: list[_Unit] = []
    for unit in units:
        expanded.extend(lex.split_glued(unit) or [unit])
    matches = []
    i = 0
    while i < len(expanded):
        parse = _best(_parses(expanded, i, lex))
        if parse is None:
            i += 1
            continue
        items = parse.items
        former = items[0][0].kind == "former"
        body = items[1:] if former else items
        start = expanded[body[0][1]].start
        end = expanded[body[-1][2] - 1].end
        matches.append(PostMatch(start, end, text[start:end], _english(body), former))
        i = parse.end
    return matches


def _doc_units(doc) -> list[_Unit]:
    units = []
    for t in doc:
        if t.is_space or t.text in _HYPHENS:
            continue
        numbered = _NUMBERED_RE.match(t.text)
        if numbered:  # पुलिस-5 -> पुलिस, 5
            word, number = numbered.groups()
            units.append(_Unit(_key(word), t.idx, t.idx + len(word)))
            units.append(_Unit(number, t.idx + len(t.text) - len(number), t.idx + len(t.text)))
        else:
            units.append(_Unit(_key(t.text), t.idx, t.idx + len(t.text)))
    return units


def is_post_word(word: str) -> bool:
    """A one-word post head or title of the post lexicons (कलेक्टर, मुख्यमंत्री, अधिकारी)."""
    return any(w.kind in ("head", "title") for w in _lexicon().by_words.get((_key(word),), ()))


def find_posts(doc) -> list[PostMatch]:
    """Post titles in a Doc made with `blank_hindi()` from normalised text, left to right."""
    return _match_units(_doc_units(doc), doc.text)


def domain_english(hindi: str) -> Optional[str]:
    """The English of a field of government (विदेश -> External Affairs, राजमार्ग -> Highways), or None."""
    words = tuple(_key(w) for w in _split_words(hindi))
    return next((w.en for w in _lexicon().by_words.get(words, ()) if w.kind == "domain"), None)


def translate_post(title_hi: str) -> Optional[str]:
    """The canonical English title of a Hindi post title, or None if it is not one post.

    A leading former marker (`पूर्व`) is accepted and left out of the title.
    """
    text = title_hi.strip()
    units = [_Unit(_key(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    matches = _match_units(units, text)
    if len(matches) != 1:
        return None
    match = matches[0]
    leading = text[:match.start].strip()
    if match.end != len(text) or (leading and not _is_former(leading)):
        return None
    return match.title_en


def _is_former(words: str) -> bool:
    entries = _lexicon().by_words.get(tuple(_key(w) for w in _split_words(words)), ())
    return any(w.kind == "former" for w in entries)

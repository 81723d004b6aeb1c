"""Devanagari names in the Roman spelling Indian English newspapers print.

A letter-by-letter transliteration gives `dIpAMzu kAbarA`; a reader
expects `Dipanshu Kabra`. Four layers get there, first match wins:

0. data/public_figures.tsv: well-known people under the spelling they use
   themselves (शिवराज सिंह चौहान -> Shivraj Singh Chouhan), whole names only.
1. data/name_spellings.tsv: conventional spellings of common given names,
   surnames and initials (Singh, Meena, Deore, B.D.), then the broader
   data/name_spellings_common.tsv (by region and community).
2. Name parts from the same file: a known prefix or suffix (-deep, -preet,
   -inder, Ram-) joined to a stem the rules romanise (Kuldeep, Surinder).
3. Rules over the ISO 15919 transliteration that indic-transliteration gives:
   Hindi schwa deletion (final, and medial in V C _ C V, left to right;
   not before y, not in the penult of long names), anusvara as m before
   labials and n elsewhere, ड़/ढ़ as r/rh, श/ष as sh, व as w after a
   consonant, between a-vowels and in -wal, फ inside a word as f, ई/ऊ as
   ee/oo where newspapers write them (Navneet, Geeta, Farooq), capitals.

Regional conventions the script cannot show are taken from the name itself:
a listed surname or name form (data/name_regions.tsv), or initials before
one word, marks an east (Bengali, Assamese, Odia: Partha, Buddhadeb,
Sourav), south (Dravidian: Ramachandran, Gayathri, Srinivasan) or
northwest (Haryana, Delhi, Punjab: Surender) name, and every word of it
follows that convention: the rules fully, a lexicon spelling in its regular
changes only (Kavita -> Kavitha in a south name).

Measured by evaluation/romanisation.py (benchmarks/results/romanisation.md).

Honorifics (श्री, डॉ. ... from data/honorifics.tsv) before a name are not
part of it: `romanize_name` drops them unless asked to keep them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from indic_transliteration import sanscript

from nlp.lexicons import data_path, read_tsv
from nlp.normalize import fold
from nlp.places import gazetteer

_VIRAMA = "\u094d"
_NASAL_CONSONANTS = "ङञणनम"
_DEVANAGARI_CONSONANT = re.compile(r"[\u0915-\u0939\u0958-\u095f]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


@lru_cache(maxsize=1 << 16)
def lexicon_key(word: str) -> str:
    """Folded key under which spelling variants of one word meet.

    राजेन्द्र/राजेंद्र (half nasal vs anusvara), ज़/ज, ँ/ं all collapse.
    """
    word = fold(word)
    return re.sub(f"[{_NASAL_CONSONANTS}]{_VIRAMA}(?={_DEVANAGARI_CONSONANT.pattern})", "\u0902", word)


@dataclass(frozen=True)
class _Spellings:
    words: dict[str, str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    initials: dict[str, str]
    abbreviations: dict[str, str]


@lru_cache(maxsize=None)
def _spellings() -> _Spellings:
    tables: dict[str, dict[str, str]] = {k: {} for k in ("name", "prefix", "suffix", "initial", "abbreviation")}
    for row in read_tsv("name_spellings.tsv"):
        tables[row["kind"]].setdefault(lexicon_key(row["hindi"]), row["english"])
    for row in read_tsv("name_spellings_common.tsv"):  # the broad list; the hand-curated file above wins
        tables["name"].setdefault(lexicon_key(row["hindi"]), row["english"])
    return _Spellings(tables["name"], tables["prefix"], tables["suffix"], tables["initial"], tables["abbreviation"])


def _figure_key(name: str) -> str:
    """One key for a full name however its initials are spaced: पी.चिदंबरम = पी. चिदंबरम."""
    return " ".join(lexicon_key(w) for w in name.replace(".", ". ").split() if w != ".").replace(".", "")


@dataclass(frozen=True)
class PublicFigure:
    english: str  # the spelling the person uses
    category: str  # national-politics, state-politics, foreign, sport ... (data/public_figures.tsv)


@lru_cache(maxsize=None)
def _public_figures() -> dict[str, PublicFigure]:
    """Full Hindi name -> the person's entry in data/public_figures.tsv."""
    return {_figure_key(row["hindi"]): PublicFigure(row["english"], row["category"]) for row in read_tsv("public_figures.tsv")}


@lru_cache(maxsize=None)
def _figure_surnames() -> dict[str, str]:
    """Last name word -> its English, where every listed person with that word spells it alike (ट्रंप -> Trump)."""
    seen: dict[str, set[str]] = {}
    for key, figure in _public_figures().items():
        words, english = key.split(), figure.english.split()
        if len(words) >= 2 and len(words) == len(english):
            seen.setdefault(words[-1], set()).add(english[-1])
    return {word: spellings.pop() for word, spellings in seen.items() if len(spellings) == 1}


@lru_cache(maxsize=None)
def public_figure_first_words() -> frozenset[str]:
    """Folded first words of the listed names: a cheap test before trying a span."""
    return frozenset(key.split()[0] for key in _public_figures())


def public_figure(hindi: str) -> Optional[PublicFigure]:
    """The entry of a well-known person named by this full name, or None.

    The name is looked up as written, then without leading honorifics
    (कुमारी सैलजा is a name, श्री अमित शाह is an honorific and a name).
    """
    return _figure_and_lead(" ".join(hindi.split()))[0]


def _figure_and_lead(text: str) -> tuple[Optional[PublicFigure], list[str], str]:
    """(listed person or None, leading honorifics, the name): the whole text first, then without honorifics."""
    figures = _public_figures()
    whole = figures.get(_figure_key(text))
    if whole is not None:
        return whole, [], text
    lead, name = split_honorifics(text)
    return figures.get(_figure_key(name)), lead, name


@lru_cache(maxsize=None)
def _regions() -> dict[str, str]:
    """Surname or name form -> the spelling convention it marks (data/name_regions.tsv)."""
    return {lexicon_key(row["hindi"]): row["region"] for row in read_tsv("name_regions.tsv")}


def name_convention(words: list[str]) -> Optional[str]:
    """"east", "south", "northwest" or None: the regional spelling convention a whole name follows.

    A listed word after the first marks it (बुद्धदेव भट्टाचार्य, कार्तिकेयन
    कृष्णन); so do initials before a single word (पी. चिदंबरम, a Tamil way of
    writing a name).
    """
    regions = _regions()
    for word in words[1:]:
        region = regions.get(lexicon_key(word))
        if region:
            return region
    if len(words) >= 2 and all(_initials(lexicon_key(w)) for w in words[:-1]) and not _initials(lexicon_key(words[-1])):
        return "south"
    return None


@lru_cache(maxsize=None)
def _honorifics() -> dict[str, str]:
    """Hindi honorific -> English form, from data/honorifics.tsv (shared with nlp.names)."""
    if not data_path("honorifics.tsv").exists():
        return {}
    table = {}
    for row in read_tsv("honorifics.tsv"):
        if _DEVANAGARI.search(row["word"]) and lexicon_key(row["word"]) not in _spellings().abbreviations:
            table[lexicon_key(row["word"])] = row["english"]
    return table


def in_lexicon(word: str) -> bool:
    """True when the spellings file gives this whole word (name, initial or abbreviation)."""
    spellings = _spellings()
    key = lexicon_key(word)
    if key in spellings.words or key in spellings.abbreviations or key in _regions():
        return True
    letters = [p for p in key.split(".") if p]
    return bool(letters) and key.endswith(".") and all(p in spellings.initials for p in letters)


# --- the rule layer: ISO 15919 phonemes -------------------------------------------

_ISO_CONSONANTS = {
    "k͟h": "kh", "kh": "kh", "gh": "gh", "ch": "chh", "jh": "jh", "ṭh": "th", "ḍh": "dh",
    "th": "th", "dh": "dh", "ph": "ph", "bh": "bh", "ṛh": "rh",
    "k": "k", "g": "g", "ṅ": "n", "c": "ch", "j": "j", "ñ": "n", "ṭ": "t", "ḍ": "d", "ṇ": "n",
    "t": "t", "d": "d", "n": "n", "p": "p", "b": "b", "m": "m", "y": "y", "r": "r", "l": "l",
    "v": "v", "ś": "sh", "ṣ": "sh", "s": "s", "h": "h", "ṛ": "r", "q": "q", "ġ": "gh", "z": "z",
    "f": "f", "ẏ": "y", "ṟ": "r", "ḻ": "l", "ḷ": "l", "ṉ": "n",
}
_ISO_VOWELS = {
    "ai": "ai", "au": "au", "r̥̄": "ri", "r̥": "ri", "l̥̄": "li", "l̥": "li", "ā": "a", "a": "a",
    "ī": "i", "i": "i", "ū": "u", "u": "u", "ē": "e", "e": "e", "ō": "o", "o": "o", "ô": "o", "æ": "ai",
}
_ISO_NASALS = ("m̐", "ṁ")
_ISO_TOKEN = re.compile(
    "|".join(re.escape(t) for t in sorted([*_ISO_CONSONANTS, *_ISO_VOWELS, *_ISO_NASALS, "ḥ"], key=len, reverse=True))
    + r"|."
)
_LABIALS = {"p", "ph", "b", "bh", "m"}
_STOPS = {"k", "kh", "g", "gh", "c", "ch", "j", "jh", "ṭ", "ṭh", "ḍ", "ḍh", "t", "th", "d", "dh",
          "p", "ph", "b", "bh", "q", "k͟h", "ġ", "ṛ", "ṛh"}
_NASAL_STOPS = {"ṅ", "ñ", "ṇ", "n", "m"}
_SIBILANTS = {"ś", "ṣ", "s"}
_A_VOWELS = {"a", "ā"}
_VOWEL_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0943\u0947\u0948\u094b\u094c"


@dataclass
class _Seg:
    """One phoneme of a word: a consonant, a vowel, a nasal mark, visarga or other."""

    iso: str
    kind: str  # C, V, N, H, X
    dropped: bool = False  # a schwa that Hindi does not pronounce


def _segments(word: str) -> list[_Seg]:
    # NFC first: it splits precomposed nukta letters (U+0958-095F), which the library reads only split.
    word = unicodedata.normalize("NFC", word)
    iso = unicodedata.normalize("NFC", sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.ISO))
    segs = []
    for token in _ISO_TOKEN.findall(iso):
        if token in _ISO_CONSONANTS:
            kind = "C"
        elif token in _ISO_VOWELS:
            kind = "V"
        elif token in _ISO_NASALS:
            kind = "N"
        elif token == "ḥ":
            kind = "H"
        else:
            kind = "X"
        segs.append(_Seg(token, kind))
    return segs


def _live(segs: list[_Seg]) -> list[int]:
    return [i for i, s in enumerate(segs) if not s.dropped]


def _final_cluster_keeps_schwa(cluster: list[str]) -> bool:
    """Does a word ending in this consonant cluster + a keep its a (Mishra, Aditya) or not (Parth, Anand)?"""
    first, last = cluster[-2], cluster[-1]
    if last in {"y", "r", "l"}:
        return True
    if first == "r":
        return False
    if first in _NASAL_STOPS and last in _STOPS:
        return False
    if first in _SIBILANTS and last in _STOPS:
        return last.endswith("h")  # Kulshreshtha, Ambastha keep it; Bisht does not
    if (first, last) == ("k", "ṣ"):
        return False
    if first == last and first in _STOPS:
        return False
    return True


def _delete_schwas(segs: list[_Seg], convention: Optional[str] = None) -> None:
    """Hindi schwa syncope: word-final a, then medial a in V C _ C V, left to right.

    Not before y (Vijayan), and not before the open last syllable of a word
    of four or more syllables (Anupama, Pashupati). Names of the south
    convention keep every medial a (Annamalai, Balakrishnan); east names
    keep a final a after a cluster or after t/d (Partha, Subrata, Sukanta).
    """
    vowels = [i for i, s in enumerate(segs) if s.kind == "V"]
    if len(vowels) < 2:
        return
    last = len(segs) - 1
    if segs[last].iso == "a" and segs[last - 1].kind == "C":
        cluster = []
        j = last - 1
        while j >= 0 and segs[j].kind == "C":
            cluster.insert(0, segs[j].iso)
            j -= 1
        if convention == "east" and _east_keeps_final_schwa(cluster, segs[j] if j >= 0 else None, len(vowels)):
            pass
        elif len(cluster) == 1 or not _final_cluster_keeps_schwa(cluster):
            segs[last].dropped = True
    if convention == "south":
        return
    long_open_word = len(vowels) >= 4 and segs[-1].kind == "V"
    k_vowel = vowels.index
    for i, seg in enumerate(segs):
        if seg.iso != "a" or seg.dropped or i == vowels[0]:
            continue
        nxt = i + 1
        if nxt < len(segs) and segs[nxt].kind in "NH":
            continue  # a syllable with anusvara or visarga keeps its vowel
        live = _live(segs)
        pos = live.index(i)
        before = [segs[k] for k in live[max(0, pos - 2):pos]]
        after = [segs[k] for k in live[pos + 1:pos + 3]]
        if not (len(before) == 2 and before[0].kind in "VN" and before[1].kind == "C"
                and len(after) == 2 and after[0].kind == "C" and after[1].kind == "V"):
            continue
        if after[0].iso == "y":
            continue  # Vijayan, Baijayant: a before y stays
        if long_open_word and k_vowel(i) == len(vowels) - 2:
            continue  # Anupama, Aradhana, Pashupati: long names keep the vowel before an open last syllable
        seg.dropped = True


def _east_keeps_final_schwa(cluster: list[str], before: Optional[_Seg], n_vowels: int) -> bool:
    """Bengali, Assamese and Odia names: Partha, Arabinda, Prafulla, Sukanta; Subrata, Saugata.

    Not after a single other consonant (Tapan, Debashish), not after ng
    (Tamang, Gurung), and not in a short word (Rath, Nath).
    """
    if cluster[-2:] == ["ṅ", "g"]:
        return False
    if len(cluster) >= 2 or (before is not None and before.kind == "N"):
        return True
    return n_vowels >= 3 and cluster[0] in {"t", "th", "d", "dh"} and before is not None and before.iso == "a"


@dataclass(frozen=True)
class _Context:
    """Where a phoneme stands in the word, for rules that look around it."""

    segs: list[_Seg]
    live: list[int]  # indexes of the segments still pronounced
    vowels: list[int]  # indexes of the live vowels
    bound: bool  # the word is a stem before a suffix: its last syllable is not word-final
    convention: Optional[str] = None  # "east" or "south": see name_convention

    def near(self, i: int, step: int) -> Optional[_Seg]:
        pos = self.live.index(i) + step
        return self.segs[self.live[pos]] if 0 <= pos < len(self.live) else None


def _spell_vowel(ctx: _Context, i: int) -> str:
    iso = ctx.segs[i].iso
    if iso == "au" and ctx.convention == "east":
        return "ou"  # Sourav, Soumitra, Mousumi
    if iso not in ("ī", "ū") or ctx.bound:
        return _ISO_VOWELS[iso]
    n_vowels, vowel_no = len(ctx.vowels), ctx.vowels.index(i)
    after = [ctx.segs[k] for k in ctx.live[ctx.live.index(i) + 1:]]
    closed_final = vowel_no == n_vowels - 1 and bool(after) and all(s.kind in "CN" for s in after)
    word_initial = i == 0
    if iso == "ī":
        if word_initial or (after and after[0].kind == "N"):
            return "i"  # Isha, Ishan; Dhindsa
        if n_vowels == 1 and after:
            return "ee"  # Deep, Preet, Neel
        if closed_final and len(after) == 1 and after[0].iso in {"t", "n", "d", "v"}:
            return "ee"  # Navneet, Naveen, Hameed, Rajeev
        if n_vowels == 2 and vowel_no == 0 and ctx.segs[ctx.vowels[1]].iso in _A_VOWELS and ctx.vowels[1] == ctx.live[-1]:
            return "ee"  # Geeta, Seema, Meena
        return "i"
    if n_vowels == 1 and after:
        return "oo"  # Noor, Roop
    if closed_final and len(after) == 1 and after[0].iso in {"d", "q", "p", "l", "n"}:
        return "oo"  # Mahmood, Farooq, Anoop, Rasool, Haroon (but Piyush, Mayur)
    return "u"


def _spell_consonant(ctx: _Context, i: int) -> str:
    iso = ctx.segs[i].iso
    prev, nxt = ctx.near(i, -1), ctx.near(i, 1)
    if ctx.convention == "east" and iso == "v" and nxt is None and prev is not None and prev.iso == "e":
        return "b"  # -deb: Buddhadeb, Joydeb (but Sourav)
    if ctx.convention == "south":
        if iso == "t":
            return "th"  # Gayathri, Kamath, Sitharaman
        if iso == "v" and prev is not None and prev.kind == "V":
            return "v"  # Raghavan, Gavaskar (but Prajwal)
        if iso == "ś" and prev is None and nxt is not None and nxt.iso == "r" and (after := ctx.near(i, 2)) is not None and after.iso == "ī":
            return "s"  # Srinivasan, Sriram (but Shreyas)
    if iso == "v" and nxt is None and not ctx.bound and prev is not None:
        before_nasal = ctx.near(i, -2) if prev.kind == "N" else None
        if prev.iso == "ā":
            return "o"  # final आव as ao: Bhimrao
        if before_nasal is not None and before_nasal.iso == "ā":
            return "on"  # आंव as aon: Gaon
    if iso == "v" and prev is not None:
        if prev.kind == "C" and prev.iso != "r":
            return "w"  # Dwivedi, Swati, Vishwas, Jaswant
        if prev.kind == "N":
            return "w"  # Kunwar
        if prev.iso in _A_VOWELS and nxt is not None and nxt.iso in _A_VOWELS:
            return "w"  # Pawan, Rawat, Pawar
        if nxt is not None and nxt.iso == "ā" and (after := ctx.near(i, 2)) is not None and after.iso == "l":
            return "w"  # Beniwal, Kejriwal, Walia
    if iso == "ph" and prev is not None:
        return "f"  # फ inside a word is mostly Perso-Arabic f: Irfan, Zafar, Mufti (initial stays: Phogat)
    if nxt is not None and iso + nxt.iso in {"kkh", "ggh", "ḍḍh"}:
        return ""  # a doubled aspirate is written once: Sukhu, Chadha
    if iso == "c" and nxt is not None and nxt.iso == "ch":
        return "c"  # च्छ -> chh, not chchh
    if iso == "j" and nxt is not None and nxt.iso == "ñ":
        return "g"  # ज्ञ -> gy (Gyan, Pragya)
    if iso == "ñ" and prev is not None and prev.iso == "j":
        return "y"
    return _ISO_CONSONANTS[iso]


def _spell_nasal(ctx: _Context, i: int) -> str:
    nxt = ctx.near(i, 1)
    if nxt is not None and nxt.iso == "v" and ctx.near(i, 2) is None and not ctx.bound:
        prev = ctx.near(i, -1)
        if prev is not None and prev.iso == "ā":
            return ""  # spelled with the v: Gaon
    return "m" if nxt is not None and nxt.iso in _LABIALS else "n"


def _romanize_rules(word: str, bound: bool = False, convention: Optional[str] = None) -> str:
    """Lower-case newspaper romanisation of one Devanagari word by rule.

    bound: the word is the stem of a compound, so its last syllable is not
    word-final (no ee/oo lengthening, no word-end conventions).
    convention: "east" or "south" (see name_convention), or None for Hindi.
    """
    segs = _segments(word)
    _delete_schwas(segs, convention)
    live = _live(segs)
    ctx = _Context(segs, live, [k for k in live if segs[k].kind == "V"], bound, convention)
    out = []
    for i in live:
        seg = segs[i]
        if seg.kind == "V":
            out.append(_spell_vowel(ctx, i))
        elif seg.kind == "C":
            out.append(_spell_consonant(ctx, i))
        elif seg.kind == "N":
            out.append(_spell_nasal(ctx, i))
        elif seg.kind == "H":
            out.append("h")
        elif seg.iso in ".-'":
            out.append(seg.iso)
        else:
            out.append(_ascii_letters(seg.iso))  # a rare letter (ऍ, ॲ): its base letter
    text = re.sub(r"(?<=[ei])ndar$", "nder", "".join(out))  # Inder, Vijender
    return text if ctx.bound else _tidy(text, len(ctx.vowels))


def _ascii_letters(text: str) -> str:
    """Plain letters for a token the rules do not know: ê -> e; ॲ (CANDRA A) -> a."""
    if len(text) == 1 and _DEVANAGARI.match(text):
        last = unicodedata.name(text, "").split(" ")[-1]
        return last.lower() if last.isalpha() and len(last) <= 3 else ""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalpha()).lower()


def _tidy(text: str, n_vowels: int) -> str:
    """Spelling conventions that read across letters, for a whole word."""
    text = re.sub(r"ay(?=[^aeiouy])", "ai", text)  # Raigarh, Raipur, Jaiswal
    if n_vowels == 1:
        text = re.sub(r"ay$", "ai", text)  # Rai (but Sahay, Upadhyay)
    if n_vowels >= 3:
        text = re.sub(r"(?<=[^r])iya(n|r)?$", r"ia\1", text)  # Bhatia, Sisodia, Kurian, Nambiar (not Supriya)
        text = re.sub(r"(?<=.)shri$", "shree", text)  # Jayashree, Tanushree
    return text


def _romanize_parts(word: str, convention: Optional[str] = None) -> Optional[str]:
    """A compound of a known part and a stem: Kuldeep, Surinder, Ramnaresh."""
    spellings = _spellings()
    key = lexicon_key(word)
    for suffix in sorted(spellings.suffixes, key=len, reverse=True):
        if not (key.endswith(suffix) and len(key) > len(suffix)):
            continue
        stem = key[: -len(suffix)]
        if suffix[0] in _VOWEL_SIGNS:
            # The suffix vowel replaces the stem's last a: Amar+inder, Sur+endra.
            if not _DEVANAGARI_CONSONANT.match(stem[-1]):
                continue
            return _romanize_rules(stem + _VIRAMA, True, convention) + spellings.suffixes[suffix].lower()
        if len(stem) < 2 or not (_DEVANAGARI_CONSONANT.match(stem[-1]) or stem[-1] in _VOWEL_SIGNS + "\u0902"):
            continue  # too short a stem (Ra+vinder), or the suffix would split a syllable
        if stem in spellings.words:
            head = spellings.words[stem].lower()
        elif stem in spellings.prefixes:
            head = spellings.prefixes[stem].lower()
        else:
            head = _romanize_rules(stem, True, convention)
        return _join(head, spellings.suffixes[suffix].lower())
    for prefix in sorted(spellings.prefixes, key=len, reverse=True):
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 2 and _DEVANAGARI_CONSONANT.match(rest[0]):
            tail_word = spellings.words.get(rest)
            return spellings.prefixes[prefix].lower() + (tail_word.lower() if tail_word else _romanize_rules(rest, False, convention))
    return None


def _join(head: str, suffix: str) -> str:
    """Stem + suffix; a suffix w after r is v (Bal+winder but Gur+vinder)."""
    if suffix.startswith("w") and head.endswith("r"):
        suffix = "v" + suffix[1:]
    return head + suffix


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def romanize_word(word: str, convention: Optional[str] = None) -> str:
    """One Devanagari word as a newspaper spells it; non-Devanagari text is kept.

    convention: the regional convention of the name the word is part of
    (name_convention). A spelling from the lexicons keeps its letters except
    where the convention is regular (see _regional_spelling).
    """
    if not _DEVANAGARI.search(word):
        return word
    spellings = _spellings()
    key = lexicon_key(word)
    if key in spellings.words:
        return _regional_spelling(word, spellings.words[key], convention)
    if key in spellings.abbreviations:
        return spellings.abbreviations[key]
    initials = _initials(key)
    if initials:
        return initials
    composed = _romanize_parts(word, convention)
    if composed:
        return _capitalise(composed)
    return _capitalise(_romanize_rules(word, False, convention))


def _regional_spelling(word: str, english: str, convention: Optional[str]) -> str:
    """A lexicon spelling (one all-India form per word) in a region's regular convention.

    south: त is th (Kavita -> Kavitha, Sujit -> Sujith), unless the word also
    has a ट whose t could not be told apart; east: a final a after a cluster
    (Jayant -> Jayanta); northwest (Haryana, Delhi, Punjab): -endra is
    -ender (Surendra -> Surender).
    """
    if convention == "south" and "त" in word and "ट" not in word:
        return re.sub(r"t(?!h)", "th", english)
    if convention == "east" and english[-1:] not in "aeiouy":
        segs = _segments(word)
        _delete_schwas(segs, "east")
        if segs and segs[-1].iso == "a" and not segs[-1].dropped:
            return english + "a"
    if convention == "northwest" and english.endswith("endra"):
        return english[: -len("endra")] + "ender"
    return english


def _initials(key: str) -> Optional[str]:
    """बी.डी. -> B.D.: letters spelled by their English names, each closed by a dot."""
    if "." not in key:
        return None
    letters = [p for p in key.split(".")]
    if letters[-1] == "":
        letters = letters[:-1]
    table = _spellings().initials
    if not letters or not all(p in table for p in letters):
        return None
    return "".join(table[p] + "." for p in letters)


def split_honorifics(hindi: str) -> tuple[list[str], str]:
    """Leading honorifics (as written) and the name that follows them."""
    words = hindi.split()
    table = _honorifics()
    lead = []
    while len(words) > 1 and lexicon_key(words[0]) in table:
        lead.append(words.pop(0))
    if len(words) > 1 and lexicon_key(words[-1]) in {"जी"}:
        words.pop()  # trailing respect particle: मोदी जी
    return lead, " ".join(words)


def romanize_name(hindi: str, keep_honorific: bool = False) -> str:
    """A person's name in newspaper spelling: दीपांशु काबरा -> Dipanshu Kabra.

    Honorifics before the name (श्री, श्रीमती, डॉ. ...) are dropped; with
    keep_honorific=True their English form leads (Dr. B.D. Sharma).
    Initials join without spaces: बी. डी. शर्मा -> B.D. Sharma.
    """
    figure, lead, name = _figure_and_lead(" ".join(hindi.split()))  # कुमारी सैलजा: the whole text is the name
    words = [] if figure else name.split()
    out: list[str] = [figure.english] if figure else []
    if len(words) == 1 and not in_lexicon(words[0]) and lexicon_key(words[0]) in _figure_surnames():
        # a surname alone in news (`ट्रंप ने कहा`) is most often the well-known person's
        words, out = [], [_figure_surnames()[lexicon_key(words[0])]]
    convention = name_convention(words)
    for n, word in enumerate(words):
        run_together = _letters_run_together(word) if n < len(words) - 1 else None
        romanized = run_together or romanize_word(word, convention)
        if out and romanized.endswith(".") and out[-1].endswith(".") and _is_initials(out[-1]) and _is_initials(romanized):
            out[-1] += romanized
        else:
            out.append(romanized)
    if keep_honorific:
        out = [_honorifics()[lexicon_key(h)] for h in lead] + out
    return " ".join(out)


def _letters_run_together(word: str) -> Optional[str]:
    """जेसी पासी, एनएन माथुर, वी नारायणसामी: initials written without dots, before a surname."""
    spellings = _spellings()
    key = lexicon_key(word)
    if key in spellings.words or not _DEVANAGARI.search(word):
        return None
    letters: list[str] = []
    i = 0
    while i < len(key):
        for size in range(min(4, len(key) - i), 0, -1):
            piece = key[i:i + size]
            if piece in spellings.initials:
                letters.append(spellings.initials[piece].rstrip("."))
                i += size
                break
        else:
            return None
    return "".join(f"{letter}." for letter in letters) if letters else None


def abbreviation_letters(word: str) -> Optional[str]:
    """जीएसटी -> GST, सीबीआई -> CBI: a word spelled as English letter names, in Latin capitals; else None."""
    letters = _letters_run_together(word)
    return letters.replace(".", "") if letters and len(letters) >= 4 else None


def _is_initials(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", text))


def romanize_place(hindi: str) -> str:
    """A place name: the gazetteer's English name if it has one, else word by word, else the rules."""
    entry = gazetteer().best(hindi)
    if entry is not None:
        return entry.name_en
    out = []
    for word in hindi.split():
        entry = gazetteer().best(word)
        if entry is not None:
            out.append(entry.name_en)
        else:
            out.append(_capitalise(_romanize_rules(word)) if _DEVANAGARI.search(word) else word)
    return " ".join(out)

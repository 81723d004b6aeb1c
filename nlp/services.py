"""Civil services named in a text (IAS, IPS, PCS ...) as canonical codes.

Hindi news writes a service as a Latin abbreviation (`IAS`, `I.A.S.`), its
Devanagari spelling (`आईएएस`, `आई.ए.एस.`, `आई ए एस`, `आइएएस`), a Hindi
abbreviation (`भा.प्र.से.`) or the full name (`भारतीय प्रशासनिक सेवा`). The
forms live in data/services.tsv; a form written with dots between its letters
is matched joined, dotted or spaced. Matches are whole words: never inside
another word, a web address or an e-mail address (`ias@nic.in`).

`IFS` / `आईएफएस` is written for both the Indian Foreign Service and the
Indian Forest Service (whose officers call themselves IFS too). The file's
cue words decide: a forest cue (`वन विभाग`, `डीएफओ`, `वन अकादमी`) or a
foreign cue (`दूतावास`, `विदेश मंत्रालय`) in the same sentence, else the
kind with more cues in the whole text, else IFS (Foreign), the schema's
reading of the bare code. Unambiguous forms (`आईएफओएस`, `भारतीय वन सेवा`)
need no cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicons import read_tsv

_WORD_CHARS = "0-9A-Za-z_\u0900-\u0963\u0966-\u097f"
# Not after a word character, @, a dot (www.ias.nic.in, a.ias@) or a hyphen (गैर-आईएएस).
_LEFT = rf"(?<![{_WORD_CHARS}@.\-])"
# Not before a word character or @, nor a dot that goes on into a word (ias.nic.in).
_RIGHT = rf"(?![{_WORD_CHARS}@])(?!\.[{_WORD_CHARS}])"
_SENTENCE_END = re.compile(r"[।!?\n]|\.(?=\s)")


@dataclass(frozen=True)
class ServiceMatch:
    start: int
    end: int
    code: str  # IAS, IPS, IFS, IFoS, PCS ...; a commission code (BPSC) when kind == "commission"
    kind: str = "service"  # service | commission


def _letter(piece: str) -> str:
    """One letter name, allowing the short-vowel spelling news uses (आइ for आई)."""
    return re.escape(piece).replace("ई", "[ईइ]")


def _abbreviation_pattern(form: str) -> str:
    """`आई.ए.एस.` -> joined, dotted (with or without a space) or spaced."""
    pieces = [p for p in form.split(".") if p]
    letters = [_letter(p) for p in pieces]
    dotted = r"\.\s?".join(letters) + r"\.?"
    plain = " ?".join(letters)
    return f"(?:{dotted}|{plain})"


def _name_pattern(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


def _cue_pattern(forms: list[tuple[str, str]]) -> re.Pattern:
    """Cue words as whole words; `exact` ones (MEA) in their own case."""
    alternatives = [_name_pattern(f) if case == "exact" else "(?i:" + _name_pattern(f) + ")" for f, case in forms]
    return re.compile(_LEFT + "(?:" + "|".join(alternatives) + ")" + _RIGHT)


@lru_cache(maxsize=None)
def _patterns() -> tuple[list[tuple[re.Pattern, str, str]], re.Pattern, re.Pattern]:
    patterns = []
    cues: dict[str, list[tuple[str, str]]] = {"forest_cue": [], "foreign_cue": []}
    for row in read_tsv("services.tsv"):
        form, code, kind, case = row["form"], row["code"], row["kind"], row["case"]
        if kind in cues:
            cues[kind].append((form, case))
            continue
        body = _abbreviation_pattern(form) if "." in form else _name_pattern(form)
        flags = re.IGNORECASE if form.isascii() and case != "exact" else 0
        patterns.append((re.compile(_LEFT + body + _RIGHT, flags), code, "commission" if kind == "commission" else "service"))
    return patterns, _cue_pattern(cues["forest_cue"]), _cue_pattern(cues["foreign_cue"])


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]


def _forest_or_foreign(text: str, start: int, end: int, forest: re.Pattern, foreign: re.Pattern) -> str:
    sentence = _sentence(text, start, end)
    near_forest, near_foreign = bool(forest.search(sentence)), bool(foreign.search(sentence))
    if near_forest != near_foreign:
        return "IFoS" if near_forest else "IFS"
    return "IFoS" if len(forest.findall(text)) > len(foreign.findall(text)) else "IFS"


def find_services(text: str) -> list[ServiceMatch]:
    """Every service mention in `text` (normalised text), leftmost-longest, in order."""
    patterns, forest, foreign = _patterns()
    found = []
    for pattern, code, kind in patterns:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), code, kind))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    result: list[ServiceMatch] = []
    for start, end, code, kind in found:
        if result and start < result[-1].end:
            continue
        if code == "IFS" and not text[start:end].startswith("भारतीय"):
            code = _forest_or_foreign(text, start, end, forest, foreign)
        result.append(ServiceMatch(start, end, code, kind))
    return result

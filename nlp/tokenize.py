"""spaCy's Hindi tokenizer, taught the abbreviations of Hindi press releases.

`डॉ.`, `रु.`, `Dr.` stay one token; a currency marker glued to a number
(`रु.500`, `Rs.500`, `₹500`) splits off so the number stands alone, and so
does a dash glued to the end of a word (`केरल- 17 मामले`, a headline list).
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_prefix_regex, compile_suffix_regex

from nlp.lexicons import abbreviations

_CURRENCY_PREFIXES = [r"रु\.(?=\d)", r"रू\.(?=\d)", r"Rs\.?(?=\d)", r"INR(?=\d)"]


def blank_hindi() -> Language:
    nlp = spacy.blank("hi")
    for abbr in abbreviations():
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    prefixes = list(nlp.Defaults.prefixes) + _CURRENCY_PREFIXES
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes) + [r"[-–—]$"]).search
    return nlp

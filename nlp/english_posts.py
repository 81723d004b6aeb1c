"""Post titles written in English inside a Hindi release, or in an English one.

`District Magistrate`, `SP`, `Chief Medical Officer`: longest match over
the phrases of data/posts_en.tsv, case-sensitive (so `sp`, `dm` in running
English text are not posts). Returns the same `PostMatch` as the Hindi
designation grammar, so officer linking treats both alike.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nlp.designations import PostMatch
from nlp.lexicons import read_tsv


@lru_cache(maxsize=None)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    titles = {row["phrase"]: row["title_en"] for row in read_tsv("posts_en.tsv")}
    alternatives = sorted(titles, key=len, reverse=True)
    body = "|".join(re.escape(p) for p in alternatives)
    return re.compile(rf"(?<![\w.])(?:Former\s+|former\s+)?({body})(?![\w])"), titles


def find_english_posts(text: str) -> list[PostMatch]:
    """English post titles in `text`; `former` when the word former precedes them."""
    pattern, titles = _pattern()
    if not any("A" <= ch <= "Z" for ch in text):
        return []
    found = []
    for match in pattern.finditer(text):
        phrase = match.group(1)
        found.append(PostMatch(match.start(1), match.end(1), phrase, titles[phrase],
                               former=match.group(0).lower().startswith("former")))
    return found

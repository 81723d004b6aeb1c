"""Extractive Hindi summary: the most central sentences, by TextRank.

Sentences are nodes of a graph whose edge weights are the original TextRank
similarity (Mihalcea & Tarau 2004): shared content words over the log of
the sentence lengths. A weighted PageRank by power iteration ranks them;
the top k come back in document order. Words are folded (`nlp.normalize.fold`)
so spelling variants count as one, and spaCy's Hindi stop words are left out
so that का/की/है do not make every sentence look alike.

Pure Python and deterministic: the same sentences always give the same
indexes, ties going to the earlier sentence (news puts the gist first).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any, Sequence

from spacy.lang.hi.stop_words import STOP_WORDS

from nlp import segment
from nlp.normalize import fold

Span = tuple[int, int]

DAMPING = 0.85
_MAX_ITERATIONS = 200
_TOLERANCE = 1e-12

# Python's \w stops at Devanagari vowel signs, so words are spelled out:
# Devanagari letters and signs (not the dandas), Latin letters and digits.
_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f\w]+")
# A few frequent function words spaCy's list lacks.
_EXTRA_STOP_WORDS = {"तथा", "गई", "गए", "किए", "करने", "करें", "वाले", "वाली", "लिए", "साथ", "बाद", "दौरान"}
_STOP_WORDS = frozenset(fold(w) for w in set(STOP_WORDS) | _EXTRA_STOP_WORDS)


def content_words(sentence: str) -> list[str]:
    """Folded words of a sentence without stop words, punctuation or one-letter words."""
    words = (fold(w.lower()) for w in _WORD.findall(sentence))
    return [w for w in words if len(w) > 1 and w not in _STOP_WORDS and w.strip("_")]


def similarity(words_a: Sequence[str], words_b: Sequence[str]) -> float:
    """TextRank similarity: |common words| / (log|a| + log|b|).

    log(1 + n) instead of log(n) so that two one-word sentences do not
    divide by zero; the ranking it gives is otherwise the original's.
    """
    if not words_a or not words_b:
        return 0.0
    common = len(set(words_a) & set(words_b))
    if not common:
        return 0.0
    return common / (math.log1p(len(words_a)) + math.log1p(len(words_b)))


def pagerank(weights: list[list[float]], damping: float = DAMPING) -> list[float]:
    """Weighted PageRank by power iteration; a node without edges spreads its rank evenly."""
    n = len(weights)
    if n == 0:
        return []
    out_totals = [sum(row) for row in weights]
    scores = [1.0 / n] * n
    for _ in range(_MAX_ITERATIONS):
        dangling = sum(scores[j] for j in range(n) if out_totals[j] == 0.0)
        base = (1.0 - damping) / n + damping * dangling / n
        new = [base] * n
        for j in range(n):
            if out_totals[j] == 0.0:
                continue
            share = damping * scores[j] / out_totals[j]
            row = weights[j]
            for i in range(n):
                if row[i]:
                    new[i] += share * row[i]
        change = sum(abs(a - b) for a, b in zip(new, scores))
        scores = new
        if change < _TOLERANCE:
            break
    return scores


def sentence_scores(sentences: Sequence[str]) -> list[float]:
    """TextRank centrality of each sentence (they sum to 1)."""
    words = [content_words(s) for s in sentences]
    n = len(words)
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            weights[i][j] = weights[j][i] = similarity(words[i], words[j])
    return pagerank(weights)


MAX_SENTENCES = 200


def top_sentences(sentences: list[str], k: int = 3) -> list[int]:
    """Indexes of the k most central sentences, in document order.

    A sentence with no content word is never chosen, and a sentence whose
    content words repeat an already chosen one is skipped, so a summary
    never says the same thing twice. Fewer than k come back when fewer
    qualify.
    """
    if k <= 0 or not sentences:
        return []
    scores = sentence_scores(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-round(scores[i], 12), i))
    chosen: list[int] = []
    seen: set[frozenset] = set()
    for i in ranked:
        words = content_words(sentences[i])
        if not words:
            continue
        key = frozenset(Counter(words).items())
        if key in seen:
            continue
        seen.add(key)
        chosen.append(i)
        if len(chosen) == k:
            break
    return sorted(chosen)


def extractive_summary(doc: Any, k: int = 3) -> list[Span]:
    """Character spans, in the Doc's (normalised) text, of its k most central sentences.

    `doc` is a Doc from `Pipeline().process(text)`; map the spans to the
    input with `doc._.source.to_original(start, end)`.
    """
    text = doc.text
    paragraphs = getattr(doc._, "paragraphs", None) if doc.has_extension("paragraphs") else None
    spans = segment.sentences(text, paragraphs) if paragraphs is not None else segment.sentences(text)
    # the graph compares every pair of sentences: a press release has dozens, a pasted archive
    # thousands, so only the first MAX_SENTENCES take part (the lead of a release comes first anyway)
    spans = spans[:MAX_SENTENCES]
    chosen = top_sentences([text[s:e] for s, e in spans], k)
    return [spans[i] for i in chosen]

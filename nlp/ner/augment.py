"""Mention replacement: training copies with each entity swapped for another name.

A model trained on a few thousand names learns the names; swapped copies
make the same contexts carry many names, so the model has to read the
context (के मुख्यमंत्री ..., ... मंत्रालय ने) and the shape of the words.
Replacement names come from the training entities of the same label, plus
the places of the project gazetteer (nlp/data/places.tsv) for LOC, plus
person names recombined from first and last words of different names, so
copies also contain names the corpus never had. With `lexicon_pools`, the
project's lexicons add more: world_places.tsv (LOC), organization_names.tsv
(ORG) and public_figures.tsv (PER), so the model meets many names that its
lexicon feature (lexicon_features.py) marks.
"""
from __future__ import annotations

import random
from collections import defaultdict
from typing import Sequence

from nlp.lexicons import read_tsv
from nlp.ner.conll import Sentence, normalise_word, spans_from_tags


def name_pools(sentences: Sequence[Sentence], lexicons: bool = True) -> dict[str, list[tuple[str, ...]]]:
    pools: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for s in sentences:
        for start, end, label in spans_from_tags(s.tags):
            pools[label].add(tuple(s.words[start:end]))
    sources = [("places.tsv", "name_hi", "LOC")]
    if lexicons:
        sources += [("world_places.tsv", "name_hi", "LOC"), ("organization_names.tsv", "name_hi", "ORG"),
                    ("public_figures.tsv", "hindi", "PER")]
    for name, column, label in sources:
        for row in read_tsv(name):
            pools[label].add(tuple(normalise_word(w) for w in row[column].split()))
    return {label: sorted(names) for label, names in pools.items()}


def _person_name(rng: random.Random, persons: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Half the time a real training name, else a first word and a last word of two different names."""
    first = rng.choice(persons)
    if rng.random() < 0.5 or len(first) < 2:
        return first
    last = rng.choice([p for p in (rng.choice(persons) for _ in range(5)) if len(p) >= 2] or [first])
    return first[:-1] + last[-1:]


def augment(sentences: Sequence[Sentence], copies: int, seed: int = 13,
            pool_from: Sequence[Sentence] = (), lexicon_pools: bool = True) -> list[Sentence]:
    """`copies` swapped copies of every sentence that has at least one entity.

    Names are drawn from `sentences` and `pool_from` (e.g. a second corpus).
    """
    rng = random.Random(seed)
    pools = name_pools(list(sentences) + list(pool_from), lexicon_pools)
    out = []
    for s in sentences:
        spans = spans_from_tags(s.tags)
        if not spans:
            continue
        for _ in range(copies):
            words: list[str] = []
            tags: list[str] = []
            cursor = 0
            for start, end, label in spans:
                words += s.words[cursor:start]
                tags += s.tags[cursor:start]
                name = _person_name(rng, pools[label]) if label == "PER" else rng.choice(pools[label])
                words += list(name)
                tags += [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                cursor = end
            words += s.words[cursor:]
            tags += s.tags[cursor:]
            out.append(Sentence(words, tags))
    return out

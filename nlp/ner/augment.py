"""Mention replacement: training copies with each entity swapped for another name.

A model trained on a few thousand names learns the names; swapped copies
make the same contexts carry many names, so the model has to read the
context (के मुख्यमंत्री ..., ... मंत्रालय ने) and the shape of the words.
Replacement names come from the training entities of the same label, plus
the places of the project gazetteer (nlp/data/places.tsv) for LOC, plus
person names recombined from first and last words of different training
names, so copies also contain names the corpus never had.
"""
from __future__ import annotations

import random
from collections import defaultdict
from typing import Sequence

from nlp.lexicons import read_tsv
from nlp.ner.conll import Sentence, normalise_word, spans_from_tags


def name_pools(sentences: Sequence[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    pools: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for s in sentences:
        for start, end, label in spans_from_tags(s.tags):
            pools[label].add(tuple(s.words[start:end]))
    for row in read_tsv("places.tsv"):
        pools["LOC"].add(tuple(normalise_word(w) for w in row["name_hi"].split()))
    return {label: sorted(names) for label, names in pools.items()}


def _person_name(rng: random.Random, persons: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Half the time a real training name, else a first word and a last word of two different names."""
    first = rng.choice(persons)
    if rng.random() < 0.5 or len(first) < 2:
        return first
    last = rng.choice([p for p in (rng.choice(persons) for _ in range(5)) if len(p) >= 2] or [first])
    return first[:-1] + last[-1:]


def augment(sentences: Sequence[Sentence], copies: int, seed: int = 13,
            pool_from: Sequence[Sentence] = ()) -> list[Sentence]:
    """`copies` swapped copies of every sentence that has at least one entity.

    Names are drawn from `sentences` and `pool_from` (e.g. a second corpus).
    """
    rng = random.Random(seed)
    pools = name_pools(list(sentences) + list(pool_from))
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

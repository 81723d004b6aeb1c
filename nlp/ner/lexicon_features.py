"""Lexicon knowledge as an input feature of the NER model: each token's classes in the project's lexicons.

A model trained on a few thousand names recalls the names it saw and few
others. The project's lexicons know far more names than the training data:
given names and surnames, places, organisations and their head words,
honorifics and post titles. This component writes, for each token, the
classes of the lexicon entries that cover it ("NAME", "PLACE+ORG", ...)
into `token.lemma_`, which the tok2vec embeds as a fifth feature beside the
word, its first and last characters and its shape (the model never uses
lemmas otherwise). The network learns how far to trust each class in
context, and a name it never saw in training still carries its class.
(Measured: precision rose, recall of unseen names did not; see the model card.)

The table is read from nlp/data when the pipeline is created and saved
inside the trained pipeline, so a shipped model keeps the features it was
trained with even when the lexicon files change later.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

# (lexicon file, column, class, whole phrase only?). Whole-phrase entries mark a token only
# where the whole entry matches (a multiword place); the others mark each of their words.
# Hindi function words (spaCy's Hindi stop words) are never marked: की of बान की मून is no name word.
SOURCES = (
    ("name_spellings_common.tsv", "hindi", "NAME", False),
    ("name_spellings.tsv", "hindi", "NAME", False),
    ("public_figures.tsv", "hindi", "NAME", False),
    ("places.tsv", "name_hi", "PLACE", True),
    ("world_places.tsv", "name_hi", "PLACE", True),
    ("org_heads.tsv", "word", "ORG", False),
    ("organizations.tsv", "name_hi", "ORG", True),
    ("organization_names.tsv", "name_hi", "ORG", True),
    ("honorifics.tsv", "word", "HON", False),
    ("post_titles.tsv", "hi", "POST", True),
    ("post_heads.tsv", "hi", "POST", False),
)
TABLE_FILE = "lexicon_features.json"

Phrase = tuple[str, ...]


def build_table() -> dict[str, list[Phrase]]:
    """class -> phrases (tuples of normalised words) from the project's lexicons."""
    from spacy.lang.hi.stop_words import STOP_WORDS

    from nlp.lexicons import read_tsv
    from nlp.ner.conll import normalise_word

    table: dict[str, set[Phrase]] = defaultdict(set)
    for name, column, label, whole in SOURCES:
        for row in read_tsv(name):
            if name == "name_spellings.tsv" and row.get("kind") != "name":
                continue
            words = tuple(normalise_word(w) for w in row[column].split())
            if not words or (len(words) == 1 and words[0] in STOP_WORDS):
                continue
            if whole:
                table[label].add(words)
            else:
                table[label].update((w,) for w in words if w not in STOP_WORDS)
    return {label: sorted(phrases) for label, phrases in sorted(table.items())}


class LexiconFeatures:
    """Sets token.lemma_ to the '+'-joined lexicon classes covering the token (unset when none)."""

    def __init__(self, table: dict[str, list[Phrase]]):
        self._load(table)

    def _load(self, table: dict[str, list[Phrase]]) -> None:
        self.table = {label: [tuple(p) for p in phrases] for label, phrases in table.items()}
        self._by_first: dict[str, list[tuple[Phrase, str]]] = defaultdict(list)
        for label, phrases in self.table.items():
            for phrase in phrases:
                self._by_first[phrase[0]].append((phrase, label))

    def classes(self, words: list[str]) -> list[str]:
        found: list[set[str]] = [set() for _ in words]
        for i, word in enumerate(words):
            for phrase, label in self._by_first.get(word, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    for j in range(i, i + len(phrase)):
                        found[j].add(label)
        return ["+".join(sorted(labels)) for labels in found]

    def __call__(self, doc: Doc) -> Doc:
        for token, label in zip(doc, self.classes([t.text for t in doc])):
            if label:
                token.lemma_ = label
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: Union[str, Path], exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TABLE_FILE).write_text(json.dumps(self.table, ensure_ascii=False, indent=0), encoding="utf-8")

    def from_disk(self, path: Union[str, Path], exclude: Iterable[str] = ()) -> "LexiconFeatures":
        self._load(json.loads((Path(path) / TABLE_FILE).read_text(encoding="utf-8")))
        return self


@Language.factory("vigyapti_lexicon_features")
def make_lexicon_features(nlp: Language, name: str) -> LexiconFeatures:
    return LexiconFeatures(build_table())

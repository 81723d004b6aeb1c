"""Tag the untagged mentions of names the corpus itself tags almost always.

IL-NER annotators left roughly one in five occurrences of frequently tagged
names untagged; to a model those look like "this name is sometimes not an
entity", which teaches it to hesitate. A name (a word sequence) qualifies
when it is tagged at least `min_tagged` times, one label has at least
`min_label_share` of its tagged occurrences, and at least `min_tagged_share`
of all its occurrences are tagged. Its untagged occurrences (every word O,
no neighbouring word that would make it part of a longer entity) then get
that label. Longer names are filled first.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from nlp.ner.conll import Sentence, spans_from_tags

MAX_NAME_WORDS = 4


def _tagged_names(sentences: Sequence[Sentence]) -> dict[tuple[str, ...], Counter]:
    names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for s in sentences:
        for start, end, label in spans_from_tags(s.tags):
            if end - start <= MAX_NAME_WORDS:
                names[tuple(s.words[start:end])][label] += 1
    return names


def _untagged_occurrences(sentences: Sequence[Sentence], names: set[tuple[str, ...]]) -> Counter:
    counts: Counter = Counter()
    for s in sentences:
        for n in range(1, MAX_NAME_WORDS + 1):
            for i in range(len(s.words) - n + 1):
                key = tuple(s.words[i:i + n])
                if key in names and all(t == "O" for t in s.tags[i:i + n]):
                    counts[key] += 1
    return counts


def reliable_names(sentences: Sequence[Sentence], min_tagged: int = 3, min_label_share: float = 0.9,
                   min_tagged_share: float = 0.6) -> dict[tuple[str, ...], str]:
    names = _tagged_names(sentences)
    untagged = _untagged_occurrences(sentences, set(names))
    reliable = {}
    for key, labels in names.items():
        tagged = sum(labels.values())
        label, top = labels.most_common(1)[0]
        if tagged >= min_tagged and top / tagged >= min_label_share and tagged / (tagged + untagged[key]) >= min_tagged_share:
            reliable[key] = label
    return reliable


def fill_unlabelled(sentences: Sequence[Sentence], **thresholds) -> tuple[list[Sentence], int]:
    """Copies of the sentences with untagged mentions of reliable names tagged; and how many were filled."""
    reliable = reliable_names(sentences, **thresholds)
    filled = 0
    out = []
    for s in sentences:
        tags = list(s.tags)
        for n in range(MAX_NAME_WORDS, 0, -1):
            i = 0
            while i <= len(s.words) - n:
                label = reliable.get(tuple(s.words[i:i + n]))
                if label and all(t == "O" for t in tags[i:i + n]) and _free_edges(tags, i, i + n):
                    tags[i:i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                    filled += 1
                    i += n
                else:
                    i += 1
        out.append(Sentence(list(s.words), tags))
    return out, filled


def _free_edges(tags: list[str], start: int, end: int) -> bool:
    """The words around the match are not inside an entity (the name is not part of a longer one)."""
    before = tags[start - 1] if start > 0 else "O"
    after = tags[end] if end < len(tags) else "O"
    return before == "O" and not after.startswith("I-")

"""The rules-only baseline for `ner-eval --mode gazetteer|both`: the project's place finder.

`nlp.places.find_places` (gazetteer + cue words) gives LOC spans; they are
mapped onto the CoNLL tokens so they can be scored like model predictions.
"both" keeps every model entity and adds gazetteer places that overlap none.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc

WordSpan = tuple[int, int, str]


@lru_cache(maxsize=1)
def _vocab():
    from nlp.tokenize import blank_hindi

    return blank_hindi().vocab


def gazetteer_word_spans(words: Sequence[str]) -> list[WordSpan]:
    """LOC spans (start_token, end_token_exclusive) the place finder sees in these words."""
    from nlp.places import find_places

    doc = Doc(_vocab(), words=list(words))
    spans = []
    for match in find_places(doc):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end, "LOC"))
    return spans


def merge_spans(model: Sequence[WordSpan], extra: Sequence[WordSpan]) -> list[WordSpan]:
    """Model spans, plus the extra spans that overlap no model span."""
    taken = set()
    for start, end, _ in model:
        taken.update(range(start, end))
    merged = list(model) + [s for s in extra if not taken.intersection(range(s[0], s[1]))]
    return sorted(merged)

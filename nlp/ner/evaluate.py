"""Score a NER model on a CoNLL file: its predictions for the file's own tokens."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from spacy.language import Language

from nlp.ner.conll import CleaningReport, read_conll, spans_from_tags
from nlp.ner.model import predict_word_spans
from nlp.ner.scoring import Score, score_spans


def evaluate_model(model: Language, conll: Union[str, Path], scheme: str) -> tuple[dict[str, Score], CleaningReport]:
    """Exact-span P/R/F1 per label and micro over PER/LOC/ORG; unknown gold tags count as O."""
    report = CleaningReport()
    sentences = read_conll(conll, scheme, report, unknown_as="O")
    gold = [spans_from_tags(s.tags) for s in sentences]
    predicted = list(predict_word_spans(model, (s.words for s in sentences)))
    return score_spans(gold, predicted), report

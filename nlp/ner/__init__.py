"""Hindi named entities (PER, LOC, ORG) from a spaCy model trained here and shipped in the package.

    from nlp.ner import entities, load_model
    entities("प्रधानमंत्री नरेन्द्र मोदी ने लखनऊ में ...")
    # [(13, 26, 'PER'), (30, 34, 'LOC')]   (start_char, end_char, label)

- `load_model(path=None) -> spacy.Language`: the shipped pipeline
  (nlp/models/hi_ner, found with importlib.resources) or a local directory;
  reads disk only, never the network.
- `entities(doc_or_text, model=None) -> list[(start_char, end_char, label)]`:
  for a Doc made by `nlp.tokenize.blank_hindi()` on normalised text (what
  `pipelines.Pipeline` builds), offsets point into `doc.text` and the Doc is
  not modified (`doc.char_span(start, end, label=label)` turns them into
  spans); for a string, the text is normalised and tokenised as the pipeline
  does and offsets point into the string as given.
- `predict_word_spans(model, sentences)` tags pre-tokenised sentences
  (evaluation: `vigyapti ner-eval`).

The model was trained on pre-tokenised words and never tokenises: it runs
its tok2vec and ner on Docs from the project's tokenizer. Training recipe:
`python -m nlp.ner.train` (see nlp/ner/train.py and nlp/models/hi_ner/MODEL_CARD.md).
"""
from nlp.ner.conll import LABELS
from nlp.ner.model import default_model_path, entities, load_model, predict_word_spans

__all__ = ["LABELS", "default_model_path", "entities", "load_model", "predict_word_spans"]

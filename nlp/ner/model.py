"""Load the NER pipeline and run it on the project's tokens.

The model was trained on pre-tokenised, normalised words, so it never
tokenises anything itself: callers give words (CoNLL evaluation), a Doc made
by `nlp.tokenize.blank_hindi()` (the pipeline), or text, which is normalised
and tokenised here the same way and whose spans are mapped back to the text
as given. Loading reads a local directory only; nothing touches the network.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

from nlp.ner.conll import LABELS
from nlp.ner import lexicon_features  # noqa: F401  (registers the component factory for spacy.load)

CharSpan = tuple[int, int, str]


def default_model_path() -> Path:
    """The model shipped inside the package (nlp/models/hi_ner)."""
    return Path(str(resources.files("nlp") / "models" / "hi_ner"))


def load_model(path: Union[str, Path, None] = None) -> Language:
    """The NER pipeline at `path` (default: the shipped one), from disk only.

    Its layers multiply matrices with numpy (OpenBLAS) rather than thinc's
    default blis: the same predictions, about 1.5-2x the words per second on
    this project's CPUs (benchmarks/ner_speed.py).
    """
    model_dir = Path(path) if path is not None else default_model_path()
    if not (model_dir / "config.cfg").is_file():
        raise FileNotFoundError(f"no spaCy pipeline at {model_dir} (expected {model_dir / 'config.cfg'})")
    model = spacy.load(model_dir)
    ops = NumpyOps(use_blis=False)
    for _, component in model.pipeline:
        if hasattr(component, "model"):
            for layer in component.model.walk():
                layer.ops = ops
    return model


@lru_cache(maxsize=1)
def shipped_model() -> Language:
    return load_model()


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    from nlp.tokenize import blank_hindi

    return blank_hindi()


def annotate_docs(model: Language, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
    """Run every component of `model` on Docs already in `model.vocab` (no tokenising)."""
    stream: Iterable[Doc] = docs
    for _, component in model.pipeline:
        stream = component.pipe(stream, batch_size=batch_size) if hasattr(component, "pipe") else map(component, stream)
    return iter(stream)


def named_entities(doc: Doc) -> list[Span]:
    """The doc's PER/LOC/ORG entities, trimmed of whitespace tokens, that hold a letter or a digit.

    A model can tag a bracket or a currency sign it rarely saw in training
    (IL-NER dev has hundreds of stray "((" tokens): no name is made of
    punctuation alone. In running text it can also run a span over a line
    break: a name never crosses one.
    """
    found = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        text = doc[start:end].text
        if ent.label_ in LABELS and any(ch.isalnum() for ch in text) and "\n" not in text:
            found.append(Span(doc, start, end, label=ent.label_))
    return found


def predict_word_spans(model: Language, sentences: Iterable[Sequence[str]]) -> Iterator[list[tuple[int, int, str]]]:
    """For pre-tokenised sentences: (start_token, end_token_exclusive, label) per entity."""
    docs = (Doc(model.vocab, words=list(words)) for words in sentences)
    for doc in annotate_docs(model, docs):
        yield [(ent.start, ent.end, ent.label_) for ent in named_entities(doc)]


def in_model_vocab(model: Language, doc: Doc) -> Doc:
    """The same tokens and text in the model's vocab, so the caller's Doc is left untouched."""
    return Doc(model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def entities(doc_or_text: Union[Doc, str], model: Optional[Language] = None) -> list[CharSpan]:
    """(start_char, end_char, label) for each PER/LOC/ORG entity.

    A Doc keeps its tokens (make it with `nlp.tokenize.blank_hindi()` on
    normalised text) and offsets point into `doc.text`. A string is
    normalised and tokenised here, and offsets point into the string given.
    """
    model = model or shipped_model()
    if isinstance(doc_or_text, Doc):
        doc = next(annotate_docs(model, [in_model_vocab(model, doc_or_text)]))
        return [(e.start_char, e.end_char, e.label_) for e in named_entities(doc)]
    from nlp.normalize import normalize

    source = normalize(doc_or_text)
    tokens = _tokenizer().make_doc(source.text)
    doc = next(annotate_docs(model, [in_model_vocab(model, tokens)]))
    return [(*source.to_original(e.start_char, e.end_char), e.label_) for e in named_entities(doc)]

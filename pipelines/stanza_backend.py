"""Stanza's Hindi models as an optional second opinion on names and places.

For users who have Stanza (`pip install 'vigyapti[stanza]'`) and its Hindi
models on disk. Nothing here downloads: the pipeline is built with
`download_method=None`, and without the models the error says how to fetch
them on a connected machine. Entities come out as `(start_char, end_char,
label)` with PER/LOC/ORG labels, the shape of the spaCy NER spans
(`nlp.ner.model.entities`), so the officer extraction can take either.

    stanza_hi = StanzaHindi()                  # $STANZA_RESOURCES_DIR or Stanza's default folder
    stanza_hi.entities(doc.text)               # spans in the text given (give the normalised text)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from pipelines.errors import VigyaptiError
from pipelines.translate import offline_hub

CharSpan = tuple[int, int, str]

LANGUAGE = "hi"
# Stanza's Hindi NER is trained on IL-NER, whose tags are NEP/NEL/NEO for
# person/location/organisation; other Stanza models say PER/LOC/ORG or
# PERSON/GPE/ORGANIZATION. Everything else (times, numbers ...) is left out.
LABELS: Mapping[str, str] = {
    "NEP": "PER", "PER": "PER", "PERSON": "PER",
    "NEL": "LOC", "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "NEO": "ORG", "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
}
DEFAULT_PROCESSORS = "tokenize,ner"  # NER needs only the tokenizer; add pos,lemma,depparse if you want them
INSTALL_HINT = "pip install 'vigyapti[stanza]'"
DOWNLOAD_HINT = (
    "on a connected machine run: python -c \"import stanza; stanza.download('hi', model_dir='stanza_resources')\" "
    "then copy the stanza_resources folder here and set STANZA_RESOURCES_DIR to it")


class StanzaError(VigyaptiError):
    """Stanza or its Hindi models are not there."""


def _candidate_folders() -> list[Path]:
    folders = []
    if os.environ.get("STANZA_RESOURCES_DIR"):
        folders.append(Path(os.environ["STANZA_RESOURCES_DIR"]))
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
        folders.append(Path(DEFAULT_MODEL_DIR))
    except ImportError:
        pass
    folders.append(Path.home() / "stanza_resources")  # where older Stanza versions put them
    return folders


def _has_hindi(folder: Path) -> bool:
    return (folder / "resources.json").is_file() and (folder / LANGUAGE).is_dir()


def resources_folder(resources_dir: Union[str, Path, None] = None) -> Path:
    """The Stanza resources folder holding the Hindi models: the one given, else the first that has them."""
    candidates = [Path(resources_dir)] if resources_dir is not None else _candidate_folders()
    candidates = [c.expanduser() for c in candidates]
    for folder in candidates:
        if _has_hindi(folder):
            return folder
    looked = ", ".join(str(c) for c in dict.fromkeys(candidates))
    raise StanzaError(f"Stanza's Hindi models are not installed (looked in {looked}): {DOWNLOAD_HINT}")


def _import_stanza():
    try:
        import stanza
    except ImportError as error:
        raise StanzaError(f"the Stanza backend needs the stanza package: {INSTALL_HINT}") from error
    return stanza


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return " ".join(text.split())[:300]


class StanzaHindi:
    """A Stanza Hindi pipeline loaded from disk only (CPU unless `use_gpu`)."""

    def __init__(self, resources_dir: Union[str, Path, None] = None, processors: str = DEFAULT_PROCESSORS,
                 use_gpu: bool = False, **stanza_options: Any):
        stanza = _import_stanza()
        self.resources_dir = resources_folder(resources_dir)
        self.processors = processors
        try:
            with offline_hub():
                self.pipeline = stanza.Pipeline(LANGUAGE, dir=str(self.resources_dir), processors=processors,
                                                download_method=None, use_gpu=use_gpu, logging_level="ERROR",
                                                **stanza_options)
        except Exception as error:  # Stanza raises FileNotFoundError, ValueError ... for missing pieces
            raise StanzaError(f"cannot load Stanza's Hindi models ({processors}) from {self.resources_dir}: "
                              f"{_first_line(error)}; {DOWNLOAD_HINT}") from error

    def annotate(self, text: str) -> Any:
        """The Stanza Document for `text` (offsets point into `text`)."""
        return self.pipeline(text)

    def entities(self, text: str, labels: Optional[Mapping[str, str]] = LABELS) -> list[CharSpan]:
        return entity_spans(self.annotate(text), labels)

    def known_labels(self) -> list[str]:
        """The entity types the loaded NER model can emit (before mapping to PER/LOC/ORG)."""
        ner = self.pipeline.processors.get("ner")
        return sorted(ner.get_known_tags()) if ner is not None else []


def entity_spans(document: Any, labels: Optional[Mapping[str, str]] = LABELS) -> list[CharSpan]:
    """`(start_char, end_char, label)` for each entity of a Stanza Document, in text order.

    Labels are mapped through `labels` and entities of other types dropped;
    `labels=None` keeps Stanza's own labels. The Document must carry its
    text (a pipeline's output does; build one by hand with `text=`).
    """
    spans = []
    for entity in document.ents:
        label = entity.type if labels is None else labels.get(entity.type.upper())
        if label is not None:
            spans.append((entity.start_char, entity.end_char, label))
    return sorted(spans)


def token_spans(document: Any) -> list[tuple[int, int, str]]:
    """`(start_char, end_char, text)` for each token of a Stanza Document."""
    return [(token.start_char, token.end_char, token.text)
            for sentence in document.sentences for token in sentence.tokens]

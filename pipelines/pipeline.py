"""`Pipeline`: text in, `vigyapti.record/1` out.

    from pipelines import Pipeline
    record = Pipeline()("नई दिल्ली, 6 फरवरी, 2021: ...")
    record.to_dict()

The pipeline is a spaCy `Language` (blank Hindi with our tokenizer rules)
whose components fill the record; `Pipeline.nlp` is there for users who
want the Doc itself (e.g. for displaCy).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from nlp.legacy import WARNINGS as LEGACY_WARNINGS
from nlp.legacy import detect_legacy_font, normalize_legacy
from nlp.normalize import normalize
from nlp.tokenize import blank_hindi
from pipelines import components  # noqa: F401  (registers the components)
from pipelines.errors import InputError
from pipelines.record import Record

# spaCy's own default; some components grow faster than linearly on one huge document.
MAX_CHARS = 1_000_000

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "vigyapti_structure",
    "vigyapti_contacts",
    "vigyapti_dates",
    "vigyapti_figures",
    "vigyapti_places",
    "vigyapti_organizations",
    "vigyapti_people",
    "vigyapti_summary",
)


def build_language(component_names: Sequence[str] = DEFAULT_COMPONENTS, ner_model: Optional[str] = None,
                   use_ner_model: bool = False) -> Language:
    """Our tokenizer and components; with `use_ner_model`, the trained NER before the first component
    that reads its spans (places, else people), or last."""
    nlp = blank_hindi()
    for name in component_names:
        nlp.add_pipe(name)
    if use_ner_model:
        readers = [name for name in ("vigyapti_places", "vigyapti_people") if name in component_names]
        nlp.add_pipe("vigyapti_ner", config={"model_path": ner_model}, **({"before": readers[0]} if readers else {}))
    return nlp


class Pipeline:
    """Load once, call many times: a Pipeline is cheap to call and holds no per-document state.

    `use_ner_model`: also run the Hindi NER model shipped in nlp/models/hi_ner
    (or the local model at `ner_model`); its place and person spans add recall
    to the rules. Off by default: see nlp/models/hi_ner/MODEL_CARD.md for what
    it adds and costs.
    `translator`: an optional `pipelines.translate.Translator` (or a spec such as
    `transformers:/path/to/local/model`) that translates the extractive Hindi
    summary into `record.summary_translation`. Without one, nothing is translated
    and no model is loaded.
    """

    def __init__(self, components: Sequence[str] = DEFAULT_COMPONENTS, translator=None,
                 use_ner_model: bool = False, ner_model: Optional[str] = None):
        self.nlp = build_language(components, ner_model=ner_model, use_ner_model=use_ner_model or bool(ner_model))
        if isinstance(translator, str):
            from pipelines.translate import make_translator

            translator = make_translator(translator)
        self.translator = translator

    def make_doc(self, text: str, doc_id: Optional[str] = None) -> Doc:
        if len(text) > MAX_CHARS:
            raise InputError(f"{doc_id or 'document'}: {len(text):,} characters is over the {MAX_CHARS:,}-character "
                             "limit for one document; split it (a press release is a few thousand)")
        font = detect_legacy_font(text)  # KrutiDev "ubZ fnYyh" is Hindi typed in a legacy font
        source = normalize_legacy(text, font) if font else normalize(text)
        doc = self.nlp.make_doc(source.text)
        doc._.source = source
        doc._.record = Record(doc_id=doc_id)
        if font:
            doc.user_data["legacy_font"] = font
            doc._.record.warnings.append(LEGACY_WARNINGS[font])
        return doc

    def process(self, text: str, doc_id: Optional[str] = None) -> Doc:
        """Run every component and return the Doc (the record is `doc._.record`)."""
        doc = self.make_doc(text, doc_id)
        if not text.strip():
            doc._.record.warnings.append("empty input: nothing to extract")
            return doc
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        record = doc._.record
        if record.is_empty():
            record.warnings.append("nothing extracted from this document")
        if self.translator is not None and record.summary_hi:
            record.summary_translation = " ".join(self.translator.translate([m.text for m in record.summary_hi]))
        return doc

    def __call__(self, text: str, doc_id: Optional[str] = None) -> Record:
        return self.process(text, doc_id)._.record

    def pipe(self, texts: Iterable[str], doc_ids: Optional[Iterable[Optional[str]]] = None) -> Iterator[Record]:
        ids = iter(doc_ids) if doc_ids is not None else None
        for text in texts:
            yield self(text, next(ids) if ids is not None else None)

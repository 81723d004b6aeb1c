"""One evaluation: a gold split, the predictions for it, and every score.

Predictions come from running the Pipeline on each gold `.txt` or from a
folder of `<id>.json` records. `evaluate_split` returns an `Evaluation`
holding the per-document scores (for the report) and pandas tables.
"""
from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

import pandas as pd

from evaluation import scoring
from evaluation.gold import GoldDocument, list_split, load_document, load_json
from evaluation.summary_checks import UnsupportedFact, find_unsupported, rouge
from pipelines.errors import VigyaptiError
from pipelines.record import Record

Predictor = Callable[[GoldDocument], Record]


@dataclass
class DocumentResult:
    gold: GoldDocument
    pred: Record
    score: scoring.DocumentScore
    rouge: Optional[dict[str, float]]  # None when the gold has no reference summary
    unsupported: list[UnsupportedFact]


@dataclass
class Evaluation:
    gold_dir: str
    source: str  # "run", "run+ner" (with the NER model) or the predictions folder
    documents: list[DocumentResult]
    skipped: dict[str, str] = field(default_factory=dict)  # doc_id -> why it was not scored

    @property
    def source_description(self) -> str:
        """What was scored, in words: "Pipeline run", "Pipeline run with the NER model" or "records in DIR"."""
        runs = {"run": "Pipeline run", "run+ner": "Pipeline run with the NER model"}
        return runs.get(self.source, f"records in {self.source}")

    @property
    def fields(self) -> pd.DataFrame:
        return scoring.field_table(d.score for d in self.documents)

    @property
    def slots(self) -> pd.DataFrame:
        return scoring.slot_table(d.score for d in self.documents)

    @property
    def per_document(self) -> pd.DataFrame:
        return scoring.document_table(d.score for d in self.documents)

    @property
    def summaries(self) -> pd.DataFrame:
        """Per document: ROUGE F1s (NaN without a reference) and the count of unsupported facts."""
        rows = []
        for d in self.documents:
            r = d.rouge or {"rouge1": math.nan, "rouge2": math.nan, "rougeL": math.nan}
            rows.append({"doc_id": d.gold.doc_id, **r, "unsupported": len(d.unsupported),
                         "unsupported_facts": "; ".join(f.text for f in d.unsupported),
                         "summary_chars": len(d.pred.summary_en)})
        return pd.DataFrame(rows, columns=["doc_id", "rouge1", "rouge2", "rougeL", "unsupported",
                                           "unsupported_facts", "summary_chars"])

    def summary_totals(self) -> dict[str, Any]:
        table = self.summaries
        scored = table.dropna(subset=["rouge1"])
        return {"documents": len(table), "with_reference": len(scored),
                "rouge1": _mean(scored["rouge1"]), "rouge2": _mean(scored["rouge2"]),
                "rougeL": _mean(scored["rougeL"]), "unsupported_total": int(table["unsupported"].sum()),
                "documents_with_unsupported": int((table["unsupported"] > 0).sum()),
                "empty_summaries": int((table["summary_chars"] == 0).sum())}

    def f1(self, field_key: str) -> float:
        row = self.fields.set_index("field").loc[field_key]
        return float(row["f1"])


def _mean(series: pd.Series) -> float:
    return float(series.mean()) if len(series) else math.nan


def pipeline_predictor(use_ner_model: bool = False) -> Predictor:
    """Run the Pipeline (loaded once) on each gold text; `use_ner_model` as in `Pipeline`."""
    from pipelines import Pipeline

    pipeline = Pipeline(use_ner_model=use_ner_model)
    return lambda doc: pipeline(doc.text, doc.doc_id)


def folder_predictor(folder: Union[str, Path], warn: Callable[[str], None]) -> Predictor:
    """Read `<id>.json` records from a folder; a missing one is an empty prediction (and a warning)."""
    root = Path(folder)
    if not root.is_dir():
        raise VigyaptiError(f"{folder}: no such folder of predictions")

    def predict(doc: GoldDocument) -> Record:
        path = root / f"{doc.doc_id}.json"
        if not path.is_file():
            warn(f"{path}: no prediction; scored as an empty record")
            return Record(doc_id=doc.doc_id)
        try:
            return Record.from_dict(load_json(path))
        except (TypeError, ValueError, AttributeError) as exc:
            raise VigyaptiError(f"{path}: does not fit the record schema ({exc})") from None
    return predict


def evaluate_split(gold_dir: Union[str, Path], predict: Predictor, source: str = "run",
                   warn: Callable[[str], None] = lambda msg: print(f"vigyapti: warning: {msg}", file=sys.stderr),
                   ) -> Evaluation:
    """Score every complete gold document in a folder; incomplete or unreadable ones are skipped with a warning."""
    documents, skipped = [], {}
    for files in list_split(gold_dir):
        try:
            gold = load_document(files)
        except VigyaptiError as exc:
            skipped[files.doc_id] = str(exc)
            warn(f"skipping {exc}")
            continue
        pred = predict(gold)
        reference = gold.record.summary_en.strip()
        documents.append(DocumentResult(
            gold, pred, scoring.score_document(gold.record, pred, gold.doc_id),
            rouge(pred.summary_en, reference) if reference else None, find_unsupported(pred)))
    if not documents:
        raise VigyaptiError(f"{gold_dir}: no complete gold documents (<id>.txt with <id>.json) to score")
    return Evaluation(str(gold_dir), source, documents, skipped)

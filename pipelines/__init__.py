"""Vigyapti orchestration: the pipeline, the record schema, the CLI and batch runs."""
import nlp  # noqa: F401  (first: it imports spaCy without pulling in torch, see nlp/__init__.py)
from pipelines.pipeline import Pipeline
from pipelines.record import SCHEMA, Record

__all__ = ["Pipeline", "Record", "SCHEMA"]

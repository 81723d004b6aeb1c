"""Vigyapti orchestration: the pipeline, the record schema, the CLI and batch runs."""
from pipelines.pipeline import Pipeline
from pipelines.record import SCHEMA, Record

__all__ = ["Pipeline", "Record", "SCHEMA"]

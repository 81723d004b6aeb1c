"""Batch runs over corpora: many documents in, one row each out, resumable, locally or on Dask.

See docs/batch.md. The parts:
- `sources`: folders, JSONL and CSV files become Items with ids;
- `work`: what happens to one document (never raises: errors become rows);
- `pool` and `dask_engine`: where the work runs;
- `store`: the append-only output that makes runs resumable;
- `run`: ties them together (`run_batch`).
"""
from pipelines.batch.run import BatchOptions, Summary, build_tables, run_batch

__all__ = ["BatchOptions", "Summary", "build_tables", "run_batch"]

"""`vigyapti batch INPUT --out OUT`: a corpus in, one record (or error row) per document out."""
from __future__ import annotations

import argparse
import sys

HELP = "extract records from a folder of documents or a JSONL/CSV file, resumably, on local workers or Dask"


def configure(parser: argparse.ArgumentParser) -> None:
    from pipelines.batch.run import DEFAULT_TIMEOUT_S, ENGINES, FORMATS

    parser.add_argument("input", metavar="INPUT",
                        help="a folder (searched recursively for .txt, .html, .htm, .pdf), a .jsonl or .csv file, or one document")
    parser.add_argument("--out", required=True, metavar="OUT",
                        help="output folder: records.jsonl and errors.jsonl always, plus tables; rerun the same command to resume")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="csv",
                        help="tables to build at the end: csv (default), parquet, sqlite, or jsonl (no tables)")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="worker processes (default: one per CPU core); with --engine dask, LocalCluster workers")
    parser.add_argument("--engine", choices=ENGINES, default=None,
                        help="local processes (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address (e.g. tcp://10.0.0.5:8786); without it --engine dask starts a local cluster")
    parser.add_argument("--text-column", default="text", metavar="NAME", help="JSONL/CSV column with the text (default: text)")
    parser.add_argument("--id-column", metavar="NAME", help="JSONL/CSV column with document ids (default: line/row numbers)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                        help=f"stop a document after this long and record an error (local engine; default {DEFAULT_TIMEOUT_S:g}, 0: never)")
    parser.add_argument("--ner", action="store_true", help="also run the shipped Hindi NER model (more places and people, slower)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")


def run(args: argparse.Namespace) -> int:
    from pipelines.batch import BatchOptions, run_batch, work
    from pipelines.cli import EXIT_NOTHING, EXIT_OK

    engine = args.engine or ("dask" if args.scheduler else "local")
    summary = run_batch(BatchOptions(
        input=args.input, out=args.out, fmt=args.fmt, workers=args.workers, engine=engine,
        scheduler=args.scheduler, text_column=args.text_column, id_column=args.id_column,
        timeout=args.timeout, progress=not args.quiet, factory=work.ner_factory if args.ner else None,
    ))
    if not args.quiet:
        for note in summary.notes:
            print(f"vigyapti: note: {note}", file=sys.stderr)
        print(summary.line(args.out), file=sys.stderr)
    if summary.interrupted:
        return 130
    return EXIT_NOTHING if summary.any_failed else EXIT_OK

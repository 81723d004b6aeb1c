"""`vigyapti extract FILE|-`: one document in, its record out."""
from __future__ import annotations

import argparse
import sys

from pipelines.inputs import read_document
from pipelines.render import record_as_text

HELP = "extract a record from one Hindi press release (a file, or - for stdin)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE|-", help="UTF-8 text file, or - to read standard input")
    parser.add_argument("--format", choices=("json", "text"), default="json", help="json (default) or a readable text view")
    parser.add_argument("--id", dest="doc_id", help="document id to put in the record (default: the file name)")
    parser.add_argument("--ner", action="store_true", help="also run the shipped Hindi NER model (names with no cue)")
    parser.add_argument("--translator", metavar="SPEC",
                        help="translate the extractive Hindi summary with a local model, e.g. transformers:/path/to/opus-mt-hi-en")


def run(args: argparse.Namespace) -> int:
    from pipelines import Pipeline
    from pipelines.cli import EXIT_NOTHING, EXIT_OK

    text = read_document(args.file)
    record = Pipeline(translator=args.translator, use_ner_model=args.ner)(text, args.doc_id or (None if args.file == "-" else args.file))
    print(record.to_json() if args.format == "json" else record_as_text(record))
    for warning in record.warnings:
        print(f"vigyapti: warning: {warning}", file=sys.stderr)
    return EXIT_NOTHING if record.is_empty() else EXIT_OK

"""`vigyapti evaluate --gold DIR [--run | --pred DIR]`: score records against annotated gold.

Prints P/R/F1 per field type, officer slot accuracy and summary checks
(ROUGE, unsupported facts); `--report DIR` writes an HTML report,
`--json` prints the same numbers for machines, `--check-thresholds FILE`
is the quality gate (exit 1 when a score is under its minimum).
"""
from __future__ import annotations

import argparse
import json
import sys

from pipelines.errors import VigyaptiError

HELP = "score Vigyapti against an annotated gold folder (P/R/F1 per field, summaries, HTML report)"
EXIT_GATE_FAILED = 1  # also: gold that fails validation under --validate-only


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, metavar="DIR",
                        help="folder of gold <id>.txt + <id>.json pairs (corpora/annotated/dev or .../test)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--run", dest="run_pipeline", action="store_true", help="run the Pipeline on each gold text (the default)")
    source.add_argument("--pred", metavar="DIR", help="read predicted records <id>.json from this folder instead")
    source.add_argument("--validate-only", action="store_true",
                        help="only check the gold files (same as `vigyapti validate-gold DIR`)")
    parser.add_argument("--ner", action="store_true",
                        help="with --run: also run the shipped Hindi NER model, to measure what it adds to the rules")
    parser.add_argument("--report", metavar="DIR", help="write index.html, report.md and charts to this folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of tables")
    parser.add_argument("--check-thresholds", metavar="FILE",
                        help="fail (exit 1) when a micro F1 is under its minimum in FILE (evaluation/thresholds.json)")


def run(args: argparse.Namespace) -> int:
    if args.validate_only:
        from pipelines.commands.validate_gold import report_problems

        return report_problems(args.gold, as_json=args.json)

    from evaluation import thresholds
    from evaluation.gold import list_split
    from evaluation.run import evaluate_split, folder_predictor, pipeline_predictor

    if args.ner and args.pred:
        raise VigyaptiError("--ner runs the NER model in the Pipeline, so it goes with --run, not --pred")
    list_split(args.gold)  # a missing gold folder is reported before the Pipeline loads
    warn = lambda msg: print(f"vigyapti: warning: {msg}", file=sys.stderr)  # noqa: E731
    predict = folder_predictor(args.pred, warn) if args.pred else pipeline_predictor(use_ner_model=args.ner)
    minimums = thresholds.load_minimums(args.check_thresholds) if args.check_thresholds else {}
    evaluation = evaluate_split(args.gold, predict, source=args.pred or ("run+ner" if args.ner else "run"), warn=warn)
    gate = thresholds.check(evaluation, minimums)

    if args.report:
        try:
            from evaluation.report import write_report
        except ModuleNotFoundError as exc:
            raise VigyaptiError(f"--report needs {exc.name} (pip install {exc.name})") from None

        index = write_report(evaluation, args.report)
        print(f"vigyapti: report written to {index}", file=sys.stderr)
    if args.json:
        print(json.dumps(as_json(evaluation, gate), ensure_ascii=False, indent=2))
    else:
        print(as_text(evaluation, gate))
    return EXIT_GATE_FAILED if any(not g.passed for g in gate) else 0


def as_text(evaluation, gate) -> str:
    from evaluation import tables

    totals = evaluation.summary_totals()
    lines = [f"{len(evaluation.documents)} documents in {evaluation.gold_dir} scored against {evaluation.source_description}"
             + (f" ({len(evaluation.skipped)} skipped)" if evaluation.skipped else ""), "",
             "Micro P/R/F1 per field type",
             tables.text_table(evaluation.fields, tables.FIELD_COLUMNS), "",
             "Officer slot accuracy (matched officers whose gold slot has a value)",
             tables.text_table(evaluation.slots, tables.SLOT_COLUMNS), "",
             "Summaries: ROUGE F1 against the reference, facts the record does not support",
             tables.text_table(evaluation.summaries, tables.SUMMARY_COLUMNS),
             f"mean ROUGE-1 {tables.cell(totals['rouge1'])}, ROUGE-2 {tables.cell(totals['rouge2'])}, "
             f"ROUGE-L {tables.cell(totals['rougeL'])} over {totals['with_reference']} references; "
             f"{totals['unsupported_total']} unsupported facts in {totals['documents_with_unsupported']} documents; "
             f"{totals['empty_summaries']} empty summaries"]
    if gate:
        lines += ["", "Quality gate"] + [str(g) for g in gate]
    return "\n".join(lines)


def as_json(evaluation, gate) -> dict:
    from evaluation import tables

    return {
        "gold": evaluation.gold_dir,
        "predictions": evaluation.source,
        "documents": len(evaluation.documents),
        "skipped": evaluation.skipped,
        "fields": tables.json_records(evaluation.fields),
        "officer_slots": tables.json_records(evaluation.slots),
        "summary": {k: tables.json_value(v) for k, v in evaluation.summary_totals().items()},
        "summary_documents": tables.json_records(evaluation.summaries),
        "per_document": tables.json_records(evaluation.per_document),
        "gate": [{"field": g.field, "minimum": g.minimum, "measured": tables.json_value(g.measured),
                  "passed": g.passed} for g in gate],
    }

"""`vigyapti validate-gold DIR`: check annotated gold files before scoring against them.

One line per problem (`prNNN: error: officers[0].mentions[1]: ...`), a
count per file, exit 1 when any file has an error. Warnings do not fail.
"""
from __future__ import annotations

import argparse
import json

HELP = "check gold annotations: schema, offsets, figure values, gazetteer names (exit 1 on errors)"
EXIT_INVALID = 1


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="folder of gold <id>.txt + <id>.json pairs")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.add_argument("--errors-only", action="store_true", help="leave warnings out of the listing")


def run(args: argparse.Namespace) -> int:
    return report_problems(args.folder, as_json=args.json, errors_only=args.errors_only)


def report_problems(folder: str, as_json: bool = False, errors_only: bool = False) -> int:
    from evaluation.validate import ERROR, validate_split

    results = validate_split(folder)
    shown = {doc: [p for p in problems if not errors_only or p.level == ERROR] for doc, problems in results.items()}
    n_errors = sum(p.level == ERROR for problems in results.values() for p in problems)
    bad_files = sum(any(p.level == ERROR for p in problems) for problems in results.values())
    if as_json:
        print(json.dumps({"folder": folder, "documents": len(results), "files_with_errors": bad_files,
                          "errors": n_errors,
                          "problems": {doc: [{"level": p.level, "where": p.where, "message": p.message}
                                             for p in problems] for doc, problems in shown.items() if problems}},
                         ensure_ascii=False, indent=2))
    else:
        for doc, problems in shown.items():
            for problem in problems:
                print(problem)
        n_warnings = sum(len(problems) for problems in results.values()) - n_errors
        print(f"{len(results)} documents checked in {folder}: {_count(n_errors, 'error')} in "
              f"{_count(bad_files, 'file')}, {_count(n_warnings, 'warning')}")
    return EXIT_INVALID if n_errors else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"

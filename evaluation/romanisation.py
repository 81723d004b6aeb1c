"""How often `romanize_name` gives the spelling a newspaper prints.

Reads a test list (hindi, english, group), counts whole-name exact matches
(case-sensitive) overall and by where the answer can come from: the
public-figures list (the whole name is there), the word lexicons (some word
of the name is in a spellings or regions file), or the rules alone. The
split is computed from the data files at run time, so a lexicon that grows
shows up as a move between columns, not as a silent gain of the rules.
Library baselines (indic-transliteration, aksharamukha when installed) are
scored on the same list so the rule layer's gain is visible.

    python -m evaluation.romanisation [--names FILE] [--out FILE] [--no-baselines]
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from nlp.romanize import in_lexicon, public_figure, romanize_name

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NAMES = ROOT / "corpora" / "romanisation" / "names_hi_en.tsv"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "romanisation.md"


@dataclass(frozen=True)
class Case:
    hindi: str
    english: str
    group: str
    source: str  # "figure", "lexicon" or "rules": see SOURCES


def read_cases(path: Path) -> list[Case]:
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    cases = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        cases.append(Case(row["hindi"], row["english"], row.get("group") or "", source_of(row["hindi"])))
    return cases


SOURCES = {"figure": "public-figures list", "lexicon": "word lexicons", "rules": "rules only"}


def source_of(hindi: str) -> str:
    """Where the romaniser can find the answer: the whole name, some word of it, or nowhere."""
    if public_figure(hindi):
        return "figure"
    return "lexicon" if any(in_lexicon(word) for word in hindi.split()) else "rules"


def _capitalised(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def baselines() -> dict[str, Callable[[str], str]]:
    """Plain library transliterations, capitalised, for comparison."""
    systems: dict[str, Callable[[str], str]] = {}
    from indic_transliteration import sanscript

    systems["indic-transliteration OPTITRANS (lower-cased)"] = lambda s: _capitalised(
        sanscript.transliterate(s, sanscript.DEVANAGARI, sanscript.OPTITRANS).lower())
    try:
        from aksharamukha import transliterate as aksharamukha
    except ImportError:
        return systems
    systems["aksharamukha RomanColloquial + RemoveSchwaHindi"] = lambda s: _capitalised(
        aksharamukha.process("Devanagari", "RomanColloquial", s, pre_options=["RemoveSchwaHindi"]))
    return systems


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def cell(self) -> str:
        if not self.total:
            return "–"
        return f"{100 * self.right / self.total:.1f}% ({self.right}/{self.total})"


def score(cases: list[Case], system: Callable[[str], str]) -> tuple[dict[str, Score], list[tuple[Case, str]]]:
    scores = {"all": Score(), **{source: Score() for source in SOURCES}}
    errors = []
    for case in cases:
        got = system(case.hindi)
        ok = got == case.english
        scores["all"].add(ok)
        scores[case.source].add(ok)
        if not ok:
            errors.append((case, got))
    return scores, errors


def report(cases: list[Case], names_path: Path, with_baselines: bool = True) -> str:
    systems: dict[str, Callable[[str], str]] = {"nlp.romanize.romanize_name": romanize_name}
    if with_baselines:
        systems.update(baselines())
    lines = [
        "# Romanisation of Hindi names: exact-match accuracy",
        "",
        f"Test list: `{names_path.relative_to(ROOT) if names_path.is_relative_to(ROOT) else names_path}` "
        f"({len(cases)} names). Whole name, case-sensitive. Columns split the names by where an answer can come from: "
        "the whole name is in `nlp/data/public_figures.tsv`; else some word is in `name_spellings.tsv`, "
        "`name_spellings_common.tsv` or `name_regions.tsv`; else the rules alone.",
        "Produced by `python -m evaluation.romanisation`.",
        "",
        "| system | overall | " + " | ".join(SOURCES.values()) + " |",
        "|---|---|" + "---|" * len(SOURCES),
    ]
    main_errors: list[tuple[Case, str]] = []
    for label, system in systems.items():
        scores, errors = score(cases, system)
        if label == "nlp.romanize.romanize_name":
            main_errors = errors
        lines.append(f"| {label} | " + " | ".join(scores[key].cell() for key in ("all", *SOURCES)) + " |")
    failed = {id(case) for case, _ in main_errors}
    groups: dict[str, Score] = {}
    for case in cases:
        groups.setdefault(case.group or "-", Score()).add(id(case) not in failed)
    lines += ["", "## `romanize_name` by group (region or community)", "", "| group | exact match |", "|---|---|"]
    lines += [f"| {name} | {score.cell()} |" for name, score in sorted(groups.items(), key=lambda kv: -kv[1].total)]
    lines += ["", f"## Errors of `romanize_name` ({len(main_errors)})", "",
              "| hindi | expected | got | source |", "|---|---|---|---|"]
    for case, got in main_errors:
        lines.append(f"| {case.hindi} | {case.english} | {got} | {case.source} |")
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=Path, default=DEFAULT_NAMES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args(argv)
    cases = read_cases(args.names)
    text = report(cases, args.names.resolve(), with_baselines=not args.no_baselines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

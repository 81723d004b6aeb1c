"""`vigyapti ner-eval --conll FILE --scheme ilner|hiner`: score NER on a labelled CoNLL file.

Entity-level exact-match precision, recall and F1 per label and micro over
PER/LOC/ORG, on predictions for the file's own tokens. `--mode` compares the
trained model with the rule pipeline (officers and people as PER, places as
LOC, organisations as ORG), with the place gazetteer alone, and with the
model plus the places it missed. Only places are added to the model: on
IL-NER dev the rules' PER and ORG spans are less precise than the model's
(adding every rule entity scored 0.711 micro F1 against the model's 0.747).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipelines.errors import VigyaptiError

HELP = "score the NER model (or the rules) on a CoNLL file: P/R/F1 per label and micro over PER/LOC/ORG"
MODES = ("model", "rules", "gazetteer", "both")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conll", required=True, type=Path, help="token<TAB>IOB-tag file, blank line between sentences")
    parser.add_argument("--scheme", required=True, choices=("ilner", "hiner"), help="tag set of the file (IL-NER NEP/NEL/NEO or HiNER PERSON/LOCATION/ORGANIZATION)")
    parser.add_argument("--model", type=Path, help="a spaCy NER pipeline directory (default: the shipped model)")
    parser.add_argument("--mode", choices=MODES, default="model",
                        help="model (default); rules (the rule pipeline: PER, LOC, ORG); gazetteer (places list only, LOC); "
                             "or both (model, plus gazetteer places that overlap none of its entities)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    from nlp.ner.conll import CleaningReport, read_conll, spans_from_tags
    from nlp.ner.scoring import format_table, score_spans

    if not args.conll.is_file():
        raise VigyaptiError(f"no such file: {args.conll}")
    report = CleaningReport()
    try:
        sentences = read_conll(args.conll, args.scheme, report, unknown_as="O")
    except UnicodeDecodeError:
        raise VigyaptiError(f"{args.conll} is not UTF-8 text") from None
    if not sentences:
        raise VigyaptiError(f"{args.conll} has no sentences (expected token<TAB>tag lines)")
    predicted = _predict([s.words for s in sentences], args.mode, args.model)
    scores = score_spans([spans_from_tags(s.tags) for s in sentences], predicted)
    repairs = {k.removeprefix("repair:"): n for k, n in sorted(report.counts.items()) if k.startswith("repair:")}
    if args.json:
        print(json.dumps({"file": str(args.conll), "scheme": args.scheme, "mode": args.mode,
                          "sentences": len(sentences), "tag_repairs": repairs,
                          "scores": {label: s.as_dict() for label, s in scores.items()}}, ensure_ascii=False, indent=2))
    else:
        print(f"{args.conll}: {len(sentences)} sentences, scheme {args.scheme}, mode {args.mode}"
              f"{f', {sum(repairs.values())} malformed gold tags repaired' if repairs else ''}")
        print(format_table(scores))
    return 0


def _predict(sentences: list[list[str]], mode: str, model_path: Path | None) -> list[list[tuple[int, int, str]]]:
    from nlp.ner.gazetteer import gazetteer_word_spans, merge_spans

    if mode == "rules":
        return _rule_spans(sentences)
    places = [gazetteer_word_spans(words) for words in sentences] if mode != "model" else None
    if mode == "gazetteer":
        return places
    from nlp.ner.model import load_model, predict_word_spans

    try:
        model = load_model(model_path)
    except (FileNotFoundError, OSError) as exc:
        raise VigyaptiError(f"cannot load the NER model: {exc}") from None
    predicted = list(predict_word_spans(model, sentences))
    if mode == "both":
        return [merge_spans(m, p) for m, p in zip(predicted, places)]
    return predicted


def _rule_spans(sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """The rule pipeline's entities on each sentence (its words joined by spaces), as token spans."""
    from pipelines.pipeline import Pipeline

    pipeline = Pipeline()
    out = []
    for words, record in zip(sentences, pipeline.pipe(" ".join(words) for words in sentences)):
        starts, ends, at = {}, {}, 0
        for n, word in enumerate(words):
            starts[at], ends[at + len(word)] = n, n + 1
            at += len(word) + 1
        items = [(m, "PER") for p in record.officers + record.people for m in p.mentions] \
            + [(m, "LOC") for p in record.places for m in p.mentions] \
            + [(m, "ORG") for o in record.organizations for m in o.mentions]
        spans = {(starts[m.start], ends[m.end], label) for m, label in items if m.start in starts and m.end in ends}
        out.append(sorted(spans))
    return out

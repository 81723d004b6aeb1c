"""Words per second of the shipped NER model: project tokenizer + the model's components.

The text is the IL-NER dev sentences (joined into paragraphs of ~20
sentences, as a press release would come) read from the shared data; the
text itself stays out of the repository, only the figures are written.

    .venv/bin/python benchmarks/ner_speed.py [--conll FILE] [--repeat N] [--out benchmarks/results/ner_speed.md]
"""
from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import date
from pathlib import Path

from nlp.ner.conll import CleaningReport, read_conll
from nlp.ner.model import in_model_vocab, annotate_docs, default_model_path, load_model
from nlp.tokenize import blank_hindi

DEFAULT_CONLL = Path("/work/shared/data/ner/il-ner-hi/dev.conll")
RESULTS = Path(__file__).parent / "results" / "ner_speed.md"


def paragraphs(conll: Path, per_paragraph: int = 20) -> list[str]:
    sentences = [" ".join(s.words) for s in read_conll(conll, "ilner", CleaningReport(), unknown_as="O")]
    return [" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]


def measure(texts: list[str], repeat: int, model_path: Path | None = None) -> tuple[int, float, float]:
    """(words, seconds for tokenise + NER, seconds for NER alone), best of `repeat` runs.

    NER includes copying each Doc into the model's vocab, as `nlp.ner.entities` does.
    """
    tokenizer = blank_hindi()
    model = load_model(model_path)
    best_total = best_ner = float("inf")
    words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        tokenised = [tokenizer.make_doc(t) for t in texts]
        mid = time.perf_counter()
        for _ in annotate_docs(model, (in_model_vocab(model, d) for d in tokenised)):
            pass
        end = time.perf_counter()
        words = sum(len(d) for d in tokenised)
        best_total = min(best_total, end - start)
        best_ner = min(best_ner, end - mid)
    return words, best_total, best_ner


def model_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conll", type=Path, default=DEFAULT_CONLL)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest counts (default %(default)s)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--model", type=Path, help="another pipeline directory, for comparison (default: the shipped model)")
    args = parser.parse_args()

    texts = paragraphs(args.conll)
    words, total, ner_only = measure(texts, args.repeat, args.model)
    model_dir = args.model or default_model_path()
    load_avg = os.getloadavg()[0]
    lines = [
        f"# NER speed ({'shipped model `nlp/models/hi_ner`' if args.model is None else f'model `{args.model}`'})",
        "",
        f"Measured {date.today().isoformat()} with `.venv/bin/python benchmarks/ner_speed.py{f' --model {args.model}' if args.model else ''}` "
        f"(best of {args.repeat} runs, one process, {os.cpu_count()} CPU cores, {platform.processor() or platform.machine()}, "
        f"load average {load_avg:.1f} at the end: other jobs shared the machine).",
        "",
        f"Text: IL-NER Hindi dev, {len(texts)} paragraphs of 20 sentences, {words} tokens.",
        "",
        "| what | seconds | words/s |",
        "|---|---:|---:|",
        f"| project tokenizer + NER ({', '.join(load_model(model_dir).pipe_names)}) | {total:.2f} | {words / total:,.0f} |",
        f"| NER alone on tokenised Docs | {ner_only:.2f} | {words / ner_only:,.0f} |",
        "",
        f"Model size on disk: {model_size_mb(model_dir):.1f} MB.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

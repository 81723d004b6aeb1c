"""The training recipe of the shipped NER model, from the shared data to nlp/models/hi_ner.

    .venv/bin/python -m nlp.ner.train            # everything, then ship
    .venv/bin/python -m nlp.ner.train --no-ship  # train and score, leave the shipped model alone

Stages (outputs under --workdir, git-ignored; each stage reruns from scratch):
1. corpora: IL-NER train (cleaned, untagged mentions of reliably tagged
   names filled, a seeded 10% carved off in runs of 200 sentences for early
   stopping) + HiNER validation + two mention-swapped copies of each IL-NER
   sentence with an entity, names drawn from the training data and the
   project's lexicons -> train.spacy, dev.spacy;
2. unlabelled text for vectors: Mann Ki Baat, news-dev, the NER words;
3. floret subword vectors trained on that text (one thread: reproducible);
4. `spacy train` with nlp/ner/config.cfg and the vectors (seed fixed there);
   the config's first component marks each token's lexicon classes
   (nlp/ner/lexicon_features.py), which the model reads as a feature;
5. ship: model-best copied to nlp/models/hi_ner with its meta filled in;
6. score on IL-NER dev, which no stage above reads.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from nlp.ner.corpus import ILNER_DEV, CorpusPlan, build
from nlp.ner.model import default_model_path

CONFIG = Path(__file__).with_name("config.cfg")
DEFAULT_WORKDIR = Path("training/ner/recipe")

META = {
    "name": "hi_ner",
    "version": "1.0.0",
    "description": "Hindi NER (PER, LOC, ORG) for Vigyapti, trained from scratch on CPU: "
                   "IL-NER Hindi train + HiNER validation, floret vectors trained on unlabelled Hindi. "
                   "See MODEL_CARD.md.",
    "license": "CC BY-SA 4.0 (trained on HiNER, CC BY-SA 4.0, and IL-NER, CC-BY-4.0)",
    "sources": [
        {"name": "IL-NER Hindi (train split)", "url": "https://github.com/ltrc/IL-NER", "license": "CC-BY-4.0",
         "author": "Bahad, Mishra, Krishnamurthy, Sharma (IIIT Hyderabad, CDAC Noida, IIIT Bhubaneswar; Bhashini)"},
        {"name": "HiNER (validation split, collapsed tags)", "url": "https://github.com/cfiltnlp/HiNER",
         "license": "CC BY-SA 4.0", "author": "Murthy et al., CFILT IIT Bombay (LREC 2022)"},
    ],
}


def stage(message: str) -> None:
    print(f"[ner-train {time.strftime('%H:%M:%S')}] {message}", flush=True)


def train_vectors(workdir: Path, dim: int, bucket: int) -> Path:
    from nlp.ner.rawtext import write_pretraining_jsonl
    from nlp.ner.vectors import init_spacy_vectors, train_floret, write_plain_text

    jsonl = workdir / "unlabelled.jsonl"
    n_tokens = write_pretraining_jsonl(jsonl)
    stage(f"unlabelled text: {n_tokens} tokens")
    write_plain_text(jsonl, workdir / "unlabelled.txt")
    table = train_floret(workdir / "unlabelled.txt", workdir / "vectors", dim=dim, bucket=bucket)
    return init_spacy_vectors(table, workdir / "vectors_pipeline")


def run_spacy_train(workdir: Path, vectors: Path | None, max_steps: int | None, config: Path = CONFIG) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides = {"paths.train": str(workdir / "corpora" / "train.spacy"),
                 "paths.dev": str(workdir / "corpora" / "dev.spacy")}
    if vectors is not None:
        overrides["paths.vectors"] = str(vectors)
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    output = workdir / "model"
    spacy_train(config, output, overrides=overrides, use_gpu=-1)
    return output / "model-best"


def ship(model_dir: Path, target: Path, scores: dict, corpus_stats: dict) -> None:
    """Copy the trained pipeline into the package, with a meta that names data, licences and scores."""
    if target.exists():
        shutil.rmtree(target / "ner", ignore_errors=True)
        shutil.rmtree(target / "tok2vec", ignore_errors=True)
        shutil.rmtree(target / "vocab", ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    for item in model_dir.iterdir():
        dest = target / item.name
        if item.is_dir():
            shutil.copytree(item, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(item, dest)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta["performance_il_ner_dev"] = scores
    meta["training_data"] = corpus_stats
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.ner.train", description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="where intermediate files go (default %(default)s)")
    parser.add_argument("--ship-to", type=Path, default=default_model_path(), help="where the trained pipeline is copied (default: the shipped model)")
    parser.add_argument("--no-ship", action="store_true", help="train and score only")
    parser.add_argument("--vectors", type=Path, default=None, help="reuse a spaCy pipeline holding floret vectors built by an earlier run (skips stages 2-3)")
    parser.add_argument("--no-vectors", action="store_true", help="no floret vectors (hash embeddings only)")
    parser.add_argument("--vector-dim", type=int, default=64)
    parser.add_argument("--vector-bucket", type=int, default=40000)
    parser.add_argument("--no-fill", action="store_true", help="keep IL-NER's untagged mentions of reliably tagged names untagged")
    parser.add_argument("--augment-copies", type=int, default=2, help="mention-swapped copies per IL-NER sentence with entities")
    parser.add_argument("--no-lexicon-pools", action="store_true", help="swapped-in names from the training data and places.tsv only, not also world_places, organization_names and public_figures")
    parser.add_argument("--no-hiner", action="store_true", help="train on IL-NER only")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config (default %(default)s)")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps of the config")
    args = parser.parse_args(argv)

    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    plan = CorpusPlan(use_hiner=not args.no_hiner, fill_unlabelled=not args.no_fill, augment_copies=args.augment_copies,
                      lexicon_pools=not args.no_lexicon_pools)
    stage(f"corpora: {plan}")
    corpus_stats = build(plan, workdir / "corpora")
    (workdir / "corpus_stats.json").write_text(json.dumps(corpus_stats, ensure_ascii=False, indent=1), encoding="utf-8")
    vectors = args.vectors
    if vectors is None and not args.no_vectors:
        stage("floret vectors")
        vectors = train_vectors(workdir, args.vector_dim, args.vector_bucket)
    stage("spacy train")
    best = run_spacy_train(workdir, vectors, args.max_steps, args.config)

    from nlp.ner.evaluate import evaluate_model
    from nlp.ner.model import load_model
    from nlp.ner.scoring import format_table

    stage("scoring on IL-NER dev (held out)")
    scores, _ = evaluate_model(load_model(best), ILNER_DEV, "ilner")
    print(format_table(scores))
    score_dict = {label: s.as_dict() for label, s in scores.items()}
    (workdir / "il_ner_dev_scores.json").write_text(json.dumps(score_dict, indent=1), encoding="utf-8")
    if not args.no_ship:
        ship(best, args.ship_to, score_dict, corpus_stats)
        stage(f"shipped to {args.ship_to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

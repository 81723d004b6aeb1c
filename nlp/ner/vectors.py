"""Subword word vectors (floret) trained here on the unlabelled Hindi text.

No Hindi vectors can be downloaded, so the recipe trains its own on the
pretraining text (about a million tokens). floret stores vectors for
character n-grams in a small hashed table, so every word, including a name
never seen in any corpus, gets a vector built from its pieces; that is what
a model needs to guess at unseen names. The table size is fixed (`bucket` x
`dim`), so the shipped model stays small.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def write_plain_text(jsonl: Path, out: Path) -> None:
    """floret reads whitespace-tokenised lines: the "text" of each pretraining record."""
    with open(jsonl, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            dst.write(json.loads(line)["text"] + "\n")


def train_floret(text: Path, out_prefix: Path, dim: int = 64, bucket: int = 40000, epoch: int = 10,
                 minn: int = 2, maxn: int = 4, hash_count: int = 2, seed_threads: int = 1) -> Path:
    """Train floret vectors; returns the path of the `.floret` table spaCy imports.

    One thread keeps the result reproducible (floret's hogwild updates with
    several threads are not).
    """
    import floret

    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", dim=dim, bucket=bucket, epoch=epoch,
        minn=minn, maxn=maxn, hashCount=hash_count, minCount=2, thread=seed_threads, verbose=0,
    )
    table = out_prefix.with_suffix(".floret")
    model.save_floret_vectors(str(table))
    return table


def init_spacy_vectors(table: Path, out_dir: Path) -> Path:
    """`spacy init vectors hi TABLE OUT --mode floret`: a spaCy pipeline holding only the vectors."""
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "hi", str(table), str(out_dir),
                    "--mode", "floret"], check=True)
    return out_dir

"""Throughput, memory and start-up of `vigyapti batch`, written to benchmarks/results/batch.md.

    .venv/bin/python benchmarks/batch_throughput.py            # 2,000 documents, ~5 minutes on 2 cores
    .venv/bin/python benchmarks/batch_throughput.py --docs 300 --runs local:1   # a quick look
    .venv/bin/python benchmarks/batch_throughput.py --docs 500 --runs local:1,local+ner:1 \
        --output benchmarks/results/batch_ner.md   # what `--ner` (the NER model) costs

The corpus is generated, never committed: the sample release and every
`corpora/annotated/**/*.txt` file, varied by shuffling the sentences of each
paragraph and swapping every number for another of the same length (fixed
seed, so two runs read the same text). Each configuration runs the real CLI in
a subprocess; this script samples the RSS of the command and of every process
under it (psutil, every 0.1 s) and watches records.jsonl for the first record.

Targets (issue 7): >= 20,000 words/s per core end to end, near-linear scaling
from 1 to 2 workers, < 500 MB RSS per worker, < 3 s from command start to the
first record written.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "batch.md"
VIGYAPTI = Path(sys.executable).with_name("vigyapti")
TARGET_WORDS_PER_CORE = 20_000
TARGET_RSS_MB = 500
TARGET_FIRST_RECORD_S = 3.0

_SENTENCE_END = re.compile(r"(?<=[।?!])\s+")
_NUMBER = re.compile(r"[0-9०-९]+")


def seed_texts() -> list[str]:
    files = [ROOT / "corpora" / "samples" / "press_release_webinar.txt"]
    files += sorted((ROOT / "corpora" / "annotated").rglob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files if f.exists()]


def vary(text: str, rng: random.Random) -> str:
    """The same kind of document, not the same document: sentences shuffled within paragraphs, numbers swapped."""
    paragraphs = []
    for index, paragraph in enumerate(text.split("\n")):
        sentences = _SENTENCE_END.split(paragraph)
        if index > 0 and len(sentences) > 2:  # keep the dateline paragraph's first sentence first
            head, rest = sentences[0], sentences[1:]
            rng.shuffle(rest)
            sentences = [head] + rest
        paragraphs.append(" ".join(sentences))
    varied = "\n".join(paragraphs)

    def swap(match: re.Match) -> str:
        digits = match.group(0)
        new = str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1))
        if "०" <= digits[0] <= "९":
            new = new.translate(str.maketrans("0123456789", "०१२३४५६७८९"))
        return new

    return _NUMBER.sub(swap, varied)


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write `count` documents; return their words (whitespace-separated, as the batch summary counts)."""
    rng = random.Random(seed)
    seeds = seed_texts()
    words = 0
    for i in range(count):
        text = vary(seeds[i % len(seeds)], rng)
        (folder / f"{i // 500:02d}").mkdir(exist_ok=True)
        (folder / f"{i // 500:02d}" / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


@dataclass
class Measure:
    name: str
    workers: int
    seconds: float
    first_record_s: float
    main_rss_mb: float
    worker_rss_mb: float
    processes: int
    load_before: float
    cpu_seconds: float  # user + system time of the command and everything under it
    returncode: int


def run_once(name: str, corpus: Path, out: Path, engine: str, workers: int) -> Measure:
    """`engine` is local or dask, with `+ner` for a run with `--ner`."""
    base, ner = engine.split("+")[0], engine.endswith("+ner")
    command = [str(VIGYAPTI), "batch", str(corpus), "--out", str(out), "--workers", str(workers),
               "--engine", base, "--format", "csv", "--quiet", *(["--ner"] if ner else [])]
    load = os.getloadavg()[0]
    records = out / "records.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main = psutil.Process(process.pid)
    peaks: dict[int, float] = {}
    main_peak, first = 0.0, None
    while process.poll() is None:
        try:
            main_peak = max(main_peak, main.memory_info().rss)
            for child in main.children(recursive=True):
                try:
                    peaks[child.pid] = max(peaks.get(child.pid, 0.0), child.memory_info().rss)
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        if first is None and records.exists() and records.stat().st_size > 0:
            first = time.perf_counter() - started
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # reaped descendants count here, workers included
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        sys.exit(f"{name} failed ({process.returncode}): {process.stderr.read().decode(errors='replace')}")
    workers_peak = sorted(peaks.values(), reverse=True)[:workers]
    return Measure(name, workers, seconds, first or seconds, main_peak / 2**20,
                   (max(workers_peak) if workers_peak else 0) / 2**20, len(peaks), load, cpu, process.returncode)


def table(measures: list[Measure], docs: int, words: int) -> str:
    base = next((m for m in measures if m.name == "local" and m.workers == 1), None)
    lines = [
        "| engine | workers | docs/s | words/s | words/s per worker | scaling vs 1 worker | words per CPU-second "
        "| first record (s) | peak RSS per worker (MB) | main RSS (MB) | load avg before |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measures:
        words_s = words / m.seconds
        scaling = f"{(base.seconds / m.seconds):.2f}x" if base else "-"
        lines.append(
            f"| {m.name} | {m.workers} | {docs / m.seconds:,.1f} | {words_s:,.0f} | {words_s / m.workers:,.0f} | {scaling} "
            f"| {words / m.cpu_seconds:,.0f} | {m.first_record_s:.1f} | {m.worker_rss_mb:,.0f} | {m.main_rss_mb:,.0f} "
            f"| {m.load_before:.1f} |"
        )
    return "\n".join(lines)


def verdicts(measures: list[Measure], words: int) -> list[str]:
    out = []
    best = max(measures, key=lambda m: words / m.seconds / m.workers)
    per_core = words / best.seconds / best.workers
    out.append(f"- words/s per core, wall clock (best: {best.name}, {best.workers} workers): {per_core:,.0f} "
               f"({'meets' if per_core >= TARGET_WORDS_PER_CORE else 'misses'} the {TARGET_WORDS_PER_CORE:,} target)")
    per_cpu = max(words / m.cpu_seconds for m in measures)
    out.append(f"- words per CPU-second (what a core that is not shared would do, start-up included): {per_cpu:,.0f} "
               f"({'meets' if per_cpu >= TARGET_WORDS_PER_CORE else 'misses'} the target)")
    one = next((m for m in measures if m.name == "local" and m.workers == 1), None)
    two = next((m for m in measures if m.name == "local" and m.workers == 2), None)
    if one and two:
        out.append(f"- scaling 1 -> 2 local workers: {one.seconds / two.seconds:.2f}x (2.00x is linear)")
    rss = max(m.worker_rss_mb for m in measures)
    out.append(f"- peak RSS of any worker: {rss:,.0f} MB ({'meets' if rss < TARGET_RSS_MB else 'misses'} the < {TARGET_RSS_MB} MB target)")
    first = min(m.first_record_s for m in measures)
    out.append(f"- command start to first record: {first:.1f} s at best "
               f"({'meets' if first < TARGET_FIRST_RECORD_S else 'misses'} the < {TARGET_FIRST_RECORD_S:g} s target)")
    return out


def _torch_note() -> str:
    """spaCy's thinc imports torch whenever it is installed, which every process then pays for."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        return "torch is not installed in this environment."
    return ("torch is installed in this environment, so every process that imports spaCy also imports torch "
            "(thinc does so unconditionally): slower start-up and a larger RSS than without it.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", default="local:1,local:2,dask:2",
                        help="engine:workers,... (default local:1,local:2,dask:2); local+ner or dask+ner runs with --ner")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    runs = [(engine, int(n)) for engine, n in (item.split(":") for item in args.runs.split(","))]

    area = Path(tempfile.mkdtemp(prefix="vigyapti-bench-"))
    try:
        corpus = area / "corpus"
        corpus.mkdir()
        words = make_corpus(corpus, args.docs)
        warm = area / "warm"
        warm.mkdir()
        make_corpus(warm, 4)
        run_once("warm-up", warm, area / "out-warm", "local", 1)  # fill the disk cache with the imports
        measures = []
        for engine, workers in runs:
            print(f"running {engine} with {workers} workers over {args.docs:,} documents ...", file=sys.stderr)
            measures.append(run_once(engine, corpus, area / f"out-{engine}-{workers}", engine, workers))
            print(f"  {measures[-1].seconds:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(area, ignore_errors=True)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    report = "\n".join([
        "# `vigyapti batch` throughput",
        "",
        f"Written by `benchmarks/batch_throughput.py --docs {args.docs} --runs {args.runs}` on "
        f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, commit {commit or '?'} (plus uncommitted work), "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB.",
        "",
        _torch_note(),
        "",
        f"Corpus: {args.docs:,} generated documents, {words:,} words ({words / args.docs:,.0f} per document): "
        "the sample release and corpora/annotated texts with sentences shuffled and numbers swapped.",
        "Each row is one run of the CLI (`--format csv --quiet`), timed from command start to exit, so start-up and "
        "table building are included. RSS is sampled every 0.1 s; \"per worker\" is the largest worker process.",
        "A load average well above the CPU count means other work shared the machine during the run: wall-clock "
        "rates and scaling then understate the code, and words per CPU-second (user + system time of the command "
        "and all its processes) is the fairer per-core figure.",
        "",
        table(measures, args.docs, words),
        "",
        "Against the targets:",
        "",
        *verdicts(measures, words),
        "",
    ])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()

"""Rebuild the FreeDict rows of data/terms_hi_en.tsv.

FreeDict's English-Hindi dictionary (Debian package dict-freedict-eng-hin,
IIIT Hyderabad's list, GPL-2+) is English -> Hindi and, by its own notes,
of uneven quality. Inverted, it gives Hindi -> English for the vocabulary
of news; we keep only pairs we can trust:

- the Hindi is the first sense (first alternative) of a noun or adjective
  headword, one Devanagari word (two-word glosses are mostly phrases);
- exactly one English headword claims it that way (विभाग <- department only);
- the Hindi occurs at least --min-count times in a Hindi news corpus and the
  English at least --min-english times in an English corpus of Indian public
  speech (shared/ data: only word counts are read, no text is copied), which
  drops rare glosses such as अनुराग <- heartstring;
- in the episode-paired Hindi/English speeches (Mann Ki Baat, shared/ data),
  the English word appears in at least --min-agreement of the English
  episodes whose Hindi has the term (a check that the two are translations);
- the Hindi is not a stop word, not in REJECTED, nor a person or place name we know
  (name_spellings.tsv, places.tsv): असम is Assam, not "irregular".

Rows whose source is not FreeDict (hand-written ones) are kept as they are
and win over FreeDict rows for the same Hindi. Run time reads only the TSV.

    apt-get install -y dict-freedict-eng-hin
    python -m nlp.build_terms [--dict PATH] [--corpus DIR] [--parallel DIR]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.hi.stop_words import STOP_WORDS

from nlp.lexicons import data_path
from nlp.normalize import fold

FREEDICT = Path("/usr/share/dictd/freedict-eng-hin.dict.dz")
SOURCE = "freedict-eng-hin"
TSV_NAME = "terms_hi_en.tsv"
HEADER = [
    "# Hindi -> English terms for press-release vocabulary: event words, organisation words, offices.",
    "# Sources: hand = written for Vigyapti (source column 'hand'); freedict-eng-hin = FreeDict English-Hindi 1.6",
    "# (IIIT Hyderabad, GPL-2.0-or-later; Debian dict-freedict-eng-hin), inverted and filtered by nlp/build_terms.py.",
    "# Rows derived from FreeDict carry its GPL licence. kind: event | org-word | office | misc.",
]
_HEADWORD = re.compile(r"^([a-z][a-z \-]*?) /[^/]*/ <(\w+)>$")
_SENSE = re.compile(r"^1\. (.+)$")
_DEVANAGARI_WORD = re.compile(r"^[\u0900-\u097f]+$")
# FreeDict glosses that pass the filters but are wrong for news text (checked by hand).
REJECTED = {"गठन", "समाचार", "व्यापक", "तान", "हां", "ऐसा", "समूह", "पेड"}
_WORD = re.compile(r"[\u0900-\u097f]+")


def freedict_primary_senses(path: Path) -> dict[str, set[str]]:
    """Hindi first-sense term -> the English nouns/adjectives that give it first."""
    claims: dict[str, set[str]] = defaultdict(set)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        head = None
        for line in handle:
            line = line.rstrip("\n")
            match = _HEADWORD.match(line)
            if match:
                word, pos = match.groups()
                head = word if pos in {"N", "Adj"} and " " not in word else None
                continue
            sense = _SENSE.match(line)
            if head and sense:
                first = sense.group(1).split(",")[0].replace("~", " ").strip()
                if _DEVANAGARI_WORD.match(first):
                    claims[fold(first)].add(head)
                head = None  # only sense 1 counts
    return claims


def corpus_counts(corpus: Path) -> Counter:
    """Counts of folded words and word pairs in the corpus files."""
    counts: Counter = Counter()
    for file in sorted(p for p in corpus.rglob("*") if p.is_file()):
        words = [fold(w) for w in _WORD.findall(file.read_text(encoding="utf-8", errors="ignore"))]
        counts.update(words)
        counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return counts


@dataclass
class Parallel:
    """Episode-paired Hindi and English texts, as sets of words per episode."""

    hindi: list[set[str]]
    english: list[set[str]]

    @classmethod
    def read(cls, folder: Path) -> "Parallel":
        hindi, english = [], []
        for hi_file in sorted((folder / "hi").glob("hi-*.txt")):
            en_file = folder / "en" / hi_file.name.replace("hi-", "en-")
            if not en_file.exists():
                continue
            hi_words = [fold(w) for w in _WORD.findall(hi_file.read_text(encoding="utf-8"))]
            hindi.append(set(hi_words) | {f"{a} {b}" for a, b in zip(hi_words, hi_words[1:])})
            english.append(set(re.findall(r"[a-z]+(?:-[a-z]+)*", en_file.read_text(encoding="utf-8").lower())))
        return cls(hindi, english)

    def agreement(self, hindi: str, english: str) -> tuple[int, float]:
        """Episodes with the Hindi term, and the share of them whose English has the word."""
        with_hindi = [i for i, words in enumerate(self.hindi) if hindi in words]
        if not with_hindi:
            return 0, 0.0
        both = sum(english in self.english[i] for i in with_hindi)
        return len(with_hindi), both / len(with_hindi)


def known_names() -> set[str]:
    """Folded Hindi words that are person or place names in the project's data."""
    names = set()
    for name, column in (("name_spellings.tsv", "hindi"), ("places.tsv", "name_hi")):
        for row in read_rows(data_path(name)):
            names.add(fold(row[column]))
    return names


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(dict_path: Path, corpus: Path, parallel_dir: Path, min_count: int, min_agreement: float,
          out: Path) -> tuple[int, int]:
    kept = [row for row in read_rows(out) if row["source"] != SOURCE]
    known = {fold(row["hindi"]) for row in kept} | known_names() | {fold(w) for w in STOP_WORDS | REJECTED}
    counts = corpus_counts(corpus)
    parallel = Parallel.read(parallel_dir)
    added = []
    for hindi, heads in sorted(freedict_primary_senses(dict_path).items()):
        if len(heads) != 1 or hindi in known or counts[hindi] < min_count:
            continue
        episodes, share = parallel.agreement(hindi, next(iter(heads)))
        if episodes < 2 or share < min_agreement:
            continue
        added.append({"hindi": hindi, "english": next(iter(heads)), "kind": "misc", "source": SOURCE})
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(HEADER) + "\n")
        writer = csv.DictWriter(handle, ["hindi", "english", "kind", "source"], delimiter="\t",
                                quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept + added)
    return len(kept), len(added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=FREEDICT)
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev")
    parser.add_argument("--parallel", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "raw-hi" / "mann-ki-baat")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-agreement", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=data_path(TSV_NAME))
    args = parser.parse_args()
    kept, added = build(args.dict, args.corpus, args.parallel, args.min_count, args.min_agreement, args.out)
    print(f"{args.out}: {kept} hand rows kept, {added} FreeDict rows written")


if __name__ == "__main__":
    main()

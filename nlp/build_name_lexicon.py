"""Build data/word_entity_counts.tsv from IL-NER Hindi train (CC-BY-4.0).

For every word: how often IL-NER's annotators tagged it as part of a person
(NEP), organisation (NEO) or location (NEL) name, and how often it occurs. Name finding uses the ratio: a
word mostly tagged as a person is a likely name part (काबरा, मीणा); a frequent
word never tagged so is an ordinary word (गिनाते, कार्यालय).

    python -m nlp.build_name_lexicon ../shared/data/ner/il-ner-hi/train.conll
"""
from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from nlp.lexicons import data_path

MIN_TOTAL_FOR_ORDINARY = 3


TAGS = {"NEP": "person", "NEO": "organization", "NEL": "location"}


def count(conll: Path) -> tuple[dict[str, Counter], Counter]:
    tagged = {name: Counter() for name in TAGS.values()}
    total = Counter()
    for line in conll.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip():
            continue
        word = unicodedata.normalize("NFC", parts[0].strip())
        total[word] += 1
        tag = parts[1].strip().rpartition("-")[2]
        if tag in TAGS:
            tagged[TAGS[tag]][word] += 1
    return tagged, total


def main(argv: list[str]) -> int:
    tagged, total = count(Path(argv[0]))
    out = data_path("word_entity_counts.tsv")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# How often each word is tagged as part of a person (NEP), organisation (NEO), location (NEL) name in IL-NER Hindi train.\n")
        handle.write("# Source: IL-NER (Bhashini; IIIT Hyderabad, CDAC Noida, IIIT Bhubaneswar), CC-BY-4.0. Built by nlp/build_name_lexicon.py.\n")
        handle.write("word\tperson\torganization\tlocation\ttotal\n")
        for word, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
            counts = [tagged[name][word] for name in TAGS.values()]
            if any(counts) or n >= MIN_TOTAL_FOR_ORDINARY:
                handle.write(f"{word}\t" + "\t".join(map(str, counts)) + f"\t{n}\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Unlabelled Hindi text for `spacy pretrain`, tokenised as the project tokenises.

Sources (all read from /work/shared, never copied into the repository):
Mann Ki Baat Hindi, the news-dev day files, and the words of the NER
training data (IL-NER train and HiNER; never IL-NER dev). Lines are split
into sentences at danda/full stop/question mark so that each pretraining
document is sentence-sized, like the NER training Docs.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from nlp.ner.conll import CleaningReport, read_raw_conll
from nlp.ner.corpus import HINER, ILNER_TRAIN
from nlp.normalize import normalize
from nlp.tokenize import blank_hindi

SHARED_DATA = Path("/work/shared/data")
RAW_DIRS = (SHARED_DATA / "raw-hi" / "mann-ki-baat" / "hi", SHARED_DATA / "news-dev")
_SENTENCE_END = re.compile(r"(?<=[।|?!])\s+|(?<=\.)\s+(?=\S)")


def raw_sentences() -> Iterator[str]:
    for directory in RAW_DIRS:
        for path in sorted(directory.rglob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                for sentence in _SENTENCE_END.split(normalize(line).text):
                    if len(sentence.split()) >= 3:
                        yield sentence.strip()


def conll_sentences() -> Iterator[list[str]]:
    for path in (ILNER_TRAIN, HINER):
        with open(path, encoding="utf-8") as handle:
            for words, _ in read_raw_conll(handle, CleaningReport()):
                yield [normalize(w).text.strip() or w for w in words]


def write_pretraining_jsonl(path: Path) -> int:
    """One {"text": ...} line per sentence, its tokens joined by spaces; returns the token count.

    spaCy's JsonlCorpus re-tokenises "text"; on space-joined tokens its Hindi
    tokenizer keeps them as they are.
    """
    tokenizer = blank_hindi()
    n_tokens = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for sentence in raw_sentences():
            tokens = [t.text for t in tokenizer.make_doc(sentence) if not t.is_space]
            n_tokens += len(tokens)
            out.write(json.dumps({"text": " ".join(tokens)}, ensure_ascii=False) + "\n")
        for tokens in conll_sentences():
            n_tokens += len(tokens)
            out.write(json.dumps({"text": " ".join(tokens)}, ensure_ascii=False) + "\n")
    return n_tokens

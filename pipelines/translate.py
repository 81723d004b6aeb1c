"""Machine translation of the Hindi summary, with a model the user has on disk.

Vigyapti never downloads a model: a translator is built from a local folder
(`save_pretrained` output) and loading is forced offline. The only backend is
Hugging Face `transformers` (optional extra: `pip install 'vigyapti[translate]'`);
anything with a `translate(texts) -> texts` method can stand in for it.

    translator = make_translator("transformers:/models/opus-mt-hi-en")
    translator.translate(["जिलाधिकारी ने शिविर का निरीक्षण किया।"])

See docs/translation.md for which models work and what each needs.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Protocol, Union, runtime_checkable

from pipelines.errors import VigyaptiError

INSTALL_HINT = "pip install 'vigyapti[translate]'"
# Language codes of the NLLB-200 models for Hindi in Devanagari and English.
NLLB_HINDI, NLLB_ENGLISH = "hin_Deva", "eng_Latn"
_OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


@runtime_checkable
class Translator(Protocol):
    """Hindi in, English out: one output string per input string, same order."""

    def translate(self, texts: list[str]) -> list[str]: ...


class TranslationError(VigyaptiError):
    """A translator cannot be built from what the user gave."""


@contextlib.contextmanager
def offline_hub() -> Iterator[None]:
    """Hugging Face offline mode for the duration, then back to what it was.

    huggingface_hub reads the variables once, when first imported, so its
    flag is set (and afterwards restored) as well as the variables.
    """
    saved = {name: os.environ.get(name) for name in _OFFLINE_VARIABLES}
    os.environ.update({name: "1" for name in _OFFLINE_VARIABLES})
    constants = sys.modules.get("huggingface_hub.constants")
    saved_flag = getattr(constants, "HF_HUB_OFFLINE", None)
    if constants is not None:
        constants.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        constants = sys.modules.get("huggingface_hub.constants")  # may have been imported meanwhile
        if constants is not None:
            constants.HF_HUB_OFFLINE = saved_flag if saved_flag is not None else _offline_by_environment()


def _offline_by_environment() -> bool:
    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE")
    return value is not None and value.upper() in {"1", "ON", "YES", "TRUE"}


def _model_folder(model_path: Union[str, Path]) -> Path:
    path = Path(model_path).expanduser()
    if not path.exists():
        raise TranslationError(f"translation model folder not found: {path}")
    if not path.is_dir() or not (path / "config.json").is_file():
        raise TranslationError(
            f"not a model folder: {path} (expected the folder save_pretrained() wrote, with config.json)")
    return path


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


class TransformersTranslator:
    """A local seq2seq model (Marian/OPUS-MT, NLLB, mBART, M2M100 ...) on CPU.

    `src_lang`/`tgt_lang` are for multilingual models: NLLB wants
    `src_lang="hin_Deva", tgt_lang="eng_Latn"` (the target becomes the
    `forced_bos_token_id` of generation); OPUS-MT hi-en needs neither.
    Inputs longer than `max_input_tokens` are truncated (translate sentence
    by sentence to avoid that). `preprocess`/`postprocess` take and return a
    list of strings, for models with their own text handling (IndicTrans2
    with IndicTransToolkit's `IndicProcessor`, which also needs
    `trust_remote_code=True`: it runs Python code from the model folder).
    """

    def __init__(self, model_path: Union[str, Path], *, max_new_tokens: int = 256, num_beams: int = 4,
                 batch_size: int = 8, max_input_tokens: int = 512, src_lang: Optional[str] = None,
                 tgt_lang: Optional[str] = None, trust_remote_code: bool = False,
                 preprocess: Optional[Callable[[list[str]], list[str]]] = None,
                 postprocess: Optional[Callable[[list[str]], list[str]]] = None):
        self.path = _model_folder(model_path)
        self.max_new_tokens = max_new_tokens
        self.num_beams = num_beams
        self.batch_size = max(1, batch_size)
        self.preprocess = preprocess
        self.postprocess = postprocess
        self._torch, transformers = _import_backend()
        tokenizer_options: dict[str, Any] = {"local_files_only": True, "trust_remote_code": trust_remote_code}
        if src_lang:
            tokenizer_options["src_lang"] = src_lang
        try:
            with offline_hub():
                self.tokenizer = transformers.AutoTokenizer.from_pretrained(str(self.path), **tokenizer_options)
                self.model = transformers.AutoModelForSeq2SeqLM.from_pretrained(
                    str(self.path), local_files_only=True, trust_remote_code=trust_remote_code)
        except Exception as error:  # whatever the library raised, the user can only fix the folder
            raise TranslationError(f"cannot load a translation model from {self.path}: {_first_line(error)}") from error
        self.model.to("cpu").eval()
        self.max_input_tokens = _input_limit(self.tokenizer, self.model, max_input_tokens)
        # the decoder has no more positions than the model was built with: cap the output length too
        positions = getattr(self.model.config, "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 1:
            max_new_tokens = min(max_new_tokens, positions - 1)
        self._generate_options: dict[str, Any] = {"max_new_tokens": max_new_tokens, "num_beams": num_beams,
                                                  "do_sample": False}
        if tgt_lang:
            self._generate_options["forced_bos_token_id"] = _language_token(self.tokenizer, tgt_lang)

    def translate(self, texts: list[str]) -> list[str]:
        if isinstance(texts, str):
            raise TypeError("translate() takes a list of strings, not one string")
        results = [""] * len(texts)
        # Longest first, so each batch pads little; blank inputs stay blank.
        todo = sorted((i for i, t in enumerate(texts) if t and t.strip()), key=lambda i: (-len(texts[i]), i))
        for n in range(0, len(todo), self.batch_size):
            batch = todo[n:n + self.batch_size]
            for i, english in zip(batch, self._translate_batch([texts[i].strip() for i in batch])):
                results[i] = english
        return results

    def _translate_batch(self, texts: list[str]) -> list[str]:
        if self.preprocess is not None:
            texts = self.preprocess(texts)
        inputs = self.tokenizer(texts, return_tensors="pt", padding=True, truncation=True,
                                max_length=self.max_input_tokens)
        with self._torch.inference_mode():
            output = self.model.generate(**inputs, **self._generate_options)
        english = [t.strip() for t in self.tokenizer.batch_decode(output, skip_special_tokens=True)]
        return self.postprocess(english) if self.postprocess is not None else english


def _import_backend():
    try:  # importing reaches no network; offline mode is set around the load, where it matters
        import torch
        import transformers
    except ImportError as error:
        raise TranslationError(f"the transformers translator needs torch and transformers ({_first_line(error)}): "
                               f"{INSTALL_HINT}") from error
    return torch, transformers


def _input_limit(tokenizer: Any, model: Any, wanted: int) -> int:
    """The smallest of what the caller wants, the tokenizer allows and the model has positions for."""
    limits = [wanted]
    model_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(model_max, int) and 0 < model_max < 1_000_000:
        limits.append(model_max)
    positions = getattr(model.config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        limits.append(positions)
    return max(1, min(limits))


def _language_token(tokenizer: Any, language: str) -> int:
    token_id = tokenizer.convert_tokens_to_ids(language)
    if token_id is None or token_id == tokenizer.unk_token_id:
        raise TranslationError(f"target language {language!r} is not a token of this model "
                               f"(NLLB codes look like {NLLB_ENGLISH})")
    return token_id


_BACKENDS: dict[str, dict[str, Any]] = {
    "transformers": {},
    "nllb": {"src_lang": NLLB_HINDI, "tgt_lang": NLLB_ENGLISH},
}


def make_translator(spec: str, **options: Any) -> Translator:
    """A translator from a CLI-style spec: `transformers:/path/to/model` or `nllb:/path/to/model`.

    `nllb:` is `transformers:` with NLLB's Hindi and English codes; `options`
    go to `TransformersTranslator` and win over the spec's defaults.
    """
    backend, sep, path = spec.partition(":")
    if not sep or backend not in _BACKENDS or not path.strip():
        known = " or ".join(f"{name}:/path/to/model" for name in _BACKENDS)
        raise TranslationError(f"cannot read translator {spec!r}: use {known}")
    return TransformersTranslator(path.strip(), **{**_BACKENDS[backend], **options})

"""The transformers translator, end to end on a tiny Marian model the test builds.

The model has random weights, so its English is noise: these tests check the
plumbing (local loading, offline, batching, order, truncation, errors), not
translation quality. torch, transformers and sentencepiece are test
dependencies: if they are missing these tests fail, they do not skip.
"""
import io
import json
import os
import socket
import sys

import pytest
import sentencepiece
import torch
from transformers import MarianConfig, MarianMTModel, MarianTokenizer

from pipelines.errors import VigyaptiError
from pipelines.translate import (
    TransformersTranslator, TranslationError, Translator, make_translator, offline_hub,
)

pytestmark = pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")  # Marian without sacremoses

# Made-up training text for the tiny tokenizer (both languages share one vocabulary).
CORPUS = [
    "जिलाधिकारी ने राहत शिविर का निरीक्षण किया",
    "बाढ़ प्रभावित गांवों में राहत सामग्री बांटी गई",
    "the district magistrate inspected the relief camp",
    "relief material was distributed in flood affected villages",
] * 5
MAX_POSITIONS = 64


def build_tiny_marian(folder):
    """A SentencePiece vocabulary, a Marian tokenizer and a 1+1-layer d_model=16 model, saved to `folder`."""
    spm = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS), model_writer=spm, vocab_size=60, model_type="unigram",
        character_coverage=1.0, pad_id=0, eos_id=1, unk_id=2, bos_id=-1, hard_vocab_limit=False, minloglevel=2)
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes(spm.getvalue())
    pieces = sentencepiece.SentencePieceProcessor(model_proto=spm.getvalue())
    vocab = {pieces.id_to_piece(i): i for i in range(pieces.get_piece_size())}
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json"),
                                source_lang="hi", target_lang="en")
    config = MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=MAX_POSITIONS,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id, forced_eos_token_id=tokenizer.eos_token_id)
    torch.manual_seed(0)
    MarianMTModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))


@pytest.fixture(scope="module")
def translator(tiny_model):
    return TransformersTranslator(tiny_model, max_new_tokens=6, num_beams=2, batch_size=2)




HINDI = ["जिलाधिकारी ने राहत शिविर का निरीक्षण किया।", "बाढ़ प्रभावित गांव", "राहत"]


def test_one_english_string_per_input(translator):
    assert isinstance(translator, Translator)
    english = translator.translate(HINDI)
    assert len(english) == len(HINDI)
    assert all(isinstance(e, str) for e in english)
    assert translator.translate([]) == []


def test_blank_inputs_stay_blank_and_the_rest_keep_their_place(translator):
    english = translator.translate(["", HINDI[0], "   ", HINDI[1]])
    assert english[0] == "" and english[2] == ""
    assert english[1] == translator.translate([HINDI[0]])[0]


def test_order_is_kept_across_batches(translator):
    forward = translator.translate(HINDI)  # batch_size=2: two batches
    assert translator.translate(list(reversed(HINDI))) == list(reversed(forward))
    assert translator.translate(HINDI) == forward  # greedy/beam decoding: deterministic


def test_long_input_is_truncated_to_what_the_model_can_read(translator):
    assert translator.max_input_tokens == MAX_POSITIONS
    long_text = " ".join([HINDI[0]] * 200)  # far more tokens than the model has positions
    assert len(translator.translate([long_text])) == 1


def test_load_and_generate_without_touching_the_network(tiny_model, no_network):
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))  # the guard is on
    offline = TransformersTranslator(tiny_model, max_new_tokens=4, num_beams=1)
    assert len(offline.translate(HINDI)) == len(HINDI)


def test_offline_mode_is_set_for_the_load_and_restored_after(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    hub = sys.modules["huggingface_hub.constants"]
    flag_before = hub.HF_HUB_OFFLINE
    with offline_hub():
        assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
        assert hub.HF_HUB_OFFLINE is True  # the hub library read the variables at import: its flag is set too
    assert "HF_HUB_OFFLINE" not in os.environ and os.environ["TRANSFORMERS_OFFLINE"] == "0"
    assert hub.HF_HUB_OFFLINE == flag_before


def test_make_translator_reads_the_cli_spec(tiny_model):
    translator = make_translator(f"transformers:{tiny_model}", max_new_tokens=3, num_beams=1)
    assert len(translator.translate(HINDI[:1])) == 1


@pytest.mark.parametrize("spec", ["", "opus-mt", "google:/x", "transformers:", "transformers:  "])
def test_make_translator_rejects_a_spec_it_cannot_read(spec):
    with pytest.raises(VigyaptiError, match="transformers:/path/to/model"):
        make_translator(spec)


def one_line_error(call) -> str:
    with pytest.raises(TranslationError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_missing_folder(tmp_path):
    assert "not found" in one_line_error(lambda: TransformersTranslator(tmp_path / "nowhere"))


def test_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    assert "not a model folder" in one_line_error(lambda: TransformersTranslator(tmp_path))
    assert "not a model folder" in one_line_error(lambda: TransformersTranslator(tmp_path / "notes.txt"))


def test_model_folder_without_weights(tmp_path, tiny_model):
    (tmp_path / "config.json").write_text((tiny_model / "config.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert "cannot load a translation model" in one_line_error(lambda: TransformersTranslator(tmp_path))


def test_target_language_the_model_does_not_know(tiny_model):
    message = one_line_error(lambda: make_translator(f"nllb:{tiny_model}"))
    assert "eng_Latn" in message


def test_without_transformers_the_error_says_what_to_install(tiny_model, monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)  # makes `import transformers` fail
    assert "pip install 'vigyapti[translate]'" in one_line_error(lambda: TransformersTranslator(tiny_model))


def test_a_string_instead_of_a_list_is_refused(translator):
    with pytest.raises(TypeError):
        translator.translate("राहत")


def test_pipeline_translates_the_extractive_summary_and_cli_accepts_the_spec(tiny_model, sample_text, no_network):
    import json
    import subprocess
    import sys
    from pathlib import Path

    from pipelines import Pipeline

    record = Pipeline(translator=f"transformers:{tiny_model}")(sample_text)
    assert record.summary_hi and isinstance(record.summary_translation, str)
    assert record.summary_en  # the data-to-text summary stands beside the translation, unchanged
    vigyapti = str(Path(sys.executable).parent / "vigyapti")
    sample = Path(__file__).resolve().parent.parent / "corpora" / "samples" / "press_release_webinar.txt"
    result = subprocess.run([vigyapti, "extract", str(sample), "--translator", f"transformers:{tiny_model}"],
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout)["summary_translation"], str)


def test_without_a_translator_nothing_is_translated(pipeline, sample_text):
    assert pipeline(sample_text).summary_translation is None

"""Fuzzing: random bytes, random Unicode and grammar-made press-release noise.

Law for every input: `decode_text` either returns text or raises InputError
with one line; `Pipeline()(text)` returns a record (no exception escapes)
whose every start/end lies inside the text, with `text[start:end]` equal to
the item's text. Hypothesis runs derandomized and bounded; atheris (when it is
installed) runs a short coverage-guided session in a subprocess:

    python tests/test_fuzz.py -runs=100000 -max_len=4096 -len_control=0
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

FUZZ = settings(derandomize=True, max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_document(pipeline, text: str) -> None:
    from test_hostile_input import assert_offsets_inside

    record = pipeline(text)
    assert_offsets_inside(record, text)
    record.to_json()  # serialisable: no inf/nan, no int too long to print


def check_bytes(pipeline, data: bytes) -> None:
    from pipelines.errors import InputError
    from pipelines.inputs import decode_text

    try:
        text = decode_text(data)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    check_document(pipeline, text)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(pipeline, data):
    check_bytes(pipeline, data)


@FUZZ
@given(st.binary(max_size=200).map(lambda b: b"\xff\xfe" + b))
def test_random_utf16(pipeline, data):
    check_bytes(pipeline, data)


# Every plane, combining marks, right-to-left and bidi controls; no surrogates (not valid str for I/O).
ANY_CHARACTER = st.characters(blacklist_categories=("Cs",))


@FUZZ
@given(st.text(alphabet=ANY_CHARACTER, max_size=300))
def test_random_unicode(pipeline, text):
    check_document(pipeline, text)


# Pieces of real press releases, glued at random: reaches dates, figures, contacts and datelines
# far more often than random characters do.
PIECES = [
    "नई दिल्ली", "रायपुर", " / ", ", ", ": ", "।", ". ", "\n", "\n\n", " ", "  ", "\u00a0", "\u200c", "**", "_",
    "6 फरवरी", "फरवरी 6,", " 2021", "06.02.2021", "31.02.2021", "6th February 2021", "१५ अगस्त",
    "14", "१४", "1,40,000", "1,400,000", "2.5", ".5", "0.0000001", "99999999999999999999", "5,6,7",
    "लाख", "करोड़", "खरब", "हज़ार", "सौ", "साढ़े", "सवा", "पौने", "डेढ़", "ढाई", "एक", "चौदह",
    "रुपये", "रु.", "रु.500", "₹", "Rs.", "प्रतिशत", "%", "फीसद", "किलोमीटर", "मास्क", "बजे", "धारा",
    "+91-98765 43210", "98765", "0771-2221234", "(0522) 2238 456", "1800-180-1551", "हेल्पलाइन नंबर ",
    "1075", "dm-lko@nic.in", "a@b", "@", ".in", "https://up.gov.in",
    "जिलाधिकारी", "श्री", "डॉ.", "अभिषेक प्रकाश", "(आई.ए.एस.)", "भा.प्र.से.", "पुलिस अधीक्षक", "ने कहा कि",
    "उत्तर प्रदेश", "छत्तीसगढ़", "मंत्रालय", "“", "”", "\"", "(", ")", "[", "]", "-", "–", "—", "...", "…",
    "ubZ fnYyh", "dk;ZØe", "\u093c", "\u094d", "\u093f", "¹²³⁴", "٣٤", "１２", "\u202e", "\r\n", "\t",
]


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_press_release_noise(pipeline, text):
    check_document(pipeline, text)


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_legacy_conversion_of_noise_keeps_sound_offsets(text):
    from nlp.legacy import convert_legacy, detect_legacy_font, normalize_legacy

    detect_legacy_font(text)
    out, spans = convert_legacy(text)
    assert len(out) == len(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    source = normalize_legacy(text)
    for i in range(len(source.text)):
        s, e = source.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)


# --- atheris -------------------------------------------------------------------------

def test_atheris_short_run(tmp_path):
    """A coverage-guided run of a thousand inputs through decode_text and the Pipeline.

    A crashing input is saved under pytest's tmp_path (named in the failure), never in the work tree.
    """
    pytest.importorskip("atheris")
    runs = os.environ.get("VIGYAPTI_ATHERIS_RUNS", "1000")
    result = subprocess.run(
        [sys.executable, __file__, f"-runs={runs}", "-max_len=256", "-len_control=0", "-seed=1",
         "-print_final_stats=1", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, timeout=300, cwd=Path(__file__).resolve().parent.parent,
    )
    log = result.stderr.decode(errors="replace")
    assert result.returncode == 0, log[-3000:]
    assert "Done" in log and f"stat::number_of_executed_units: {runs}" in log, log[-1000:]


def _atheris_main() -> None:
    import atheris

    with atheris.instrument_imports(include=["nlp", "pipelines"]):
        from pipelines import Pipeline

    pipeline = Pipeline()

    def one_input(data: bytes) -> None:
        # Half the inputs as bytes for the reader, half as Unicode text for the pipeline
        # (random bytes are rarely valid UTF-8, so the text path needs its own share).
        if data[:1] in (b"", b"\x00") or data[0] % 2:
            check_bytes(pipeline, data[1:])
        else:
            provider = atheris.FuzzedDataProvider(data[1:])
            check_document(pipeline, provider.ConsumeUnicodeNoSurrogates(len(data)))

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    _atheris_main()

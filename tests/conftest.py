"""Shared fixtures: one Pipeline per test session (loading it is the slow part)."""
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "press_release_webinar.txt"
DEVANAGARI_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf")


@pytest.fixture(scope="session")
def pipeline():
    from pipelines import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def ner_pipeline():
    """The Pipeline with the shipped NER model switched on."""
    from pipelines import Pipeline

    return Pipeline(use_ner_model=True)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_record(pipeline, sample_text):
    return pipeline(sample_text, "press_release_webinar")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: loading models must stay on disk."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)


def make_text_pdf(path: Path, hindi: str, latin: str) -> bool:
    """A PDF with a text layer; Hindi when a Devanagari font is on the machine. Returns whether Hindi was written."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    with_hindi = DEVANAGARI_FONT.exists()
    if with_hindi:
        pdf.add_font("deva", fname=str(DEVANAGARI_FONT))
        pdf.set_font("deva", size=14)
        pdf.multi_cell(0, 10, hindi, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, latin, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return with_hindi

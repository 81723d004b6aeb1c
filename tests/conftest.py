"""Shared fixtures: one Pipeline per test session (loading it is the slow part)."""
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "press_release_webinar.txt"


@pytest.fixture(scope="session")
def pipeline():
    from pipelines import Pipeline

    return Pipeline()


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

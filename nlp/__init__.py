"""Vigyapti's language layer: normalisation, segmentation, language id, numbers, lexicons."""
import sys as _sys


def _import_spacy_without_torch() -> None:
    """Import spaCy with torch hidden from thinc, then unhide it.

    thinc (spaCy's ML library) imports torch at start-up whenever it is
    installed, which costs seconds; Vigyapti's spaCy pipelines run on thinc's
    numpy ops and never need it. torch stays importable afterwards for the
    optional translation backend and for the user's own code.
    """
    if "torch" in _sys.modules or "thinc" in _sys.modules:
        return
    _sys.modules["torch"] = None  # makes `import torch` fail fast inside thinc
    try:
        import spacy  # noqa: F401
    finally:
        del _sys.modules["torch"]


_import_spacy_without_torch()

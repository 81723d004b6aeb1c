"""The Stanza backend: a clear error without models, never a download; spans from a Stanza Document.

Stanza's Hindi models cannot be fetched here, so loading real models is not
tested; the span conversion runs on Documents built by hand from Stanza's
own JSON form (sentences as lists of token dicts).
"""
import json
import sys

import pytest
import stanza.resources.common
from stanza.models.common.doc import Document

from pipelines.errors import VigyaptiError
from pipelines.stanza_backend import StanzaError, StanzaHindi, entity_spans, resources_folder, token_spans




@pytest.fixture
def no_models_anywhere(tmp_path, monkeypatch):
    """Every place the backend looks (the variable, Stanza's default, ~/stanza_resources) is empty."""
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "env"))
    monkeypatch.setattr(stanza.resources.common, "DEFAULT_MODEL_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


def one_line_error(call) -> str:
    with pytest.raises(StanzaError) as caught:
        call()
    message = str(caught.value)
    assert isinstance(caught.value, VigyaptiError) and "\n" not in message
    return message


def test_without_models_the_error_says_how_to_install_them(no_models_anywhere, no_network):
    message = one_line_error(StanzaHindi)
    assert "stanza.download('hi'" in message and "STANZA_RESOURCES_DIR" in message
    assert str(no_models_anywhere / "env") in message and str(no_models_anywhere / "cache") in message


def test_a_folder_given_without_models(tmp_path, no_network):
    assert "not installed" in one_line_error(lambda: StanzaHindi(resources_dir=tmp_path))


def test_a_resources_folder_with_the_models_missing_fails_without_downloading(tmp_path, no_network):
    (tmp_path / "resources.json").write_text(json.dumps({}), encoding="utf-8")
    (tmp_path / "hi").mkdir()
    assert resources_folder(tmp_path) == tmp_path
    message = one_line_error(lambda: StanzaHindi(resources_dir=tmp_path))
    assert "cannot load Stanza's Hindi models" in message and "stanza.download('hi'" in message


def test_the_variable_is_looked_at_first(no_models_anywhere):
    folder = no_models_anywhere / "env"
    (folder / "hi").mkdir(parents=True)
    (folder / "resources.json").write_text("{}", encoding="utf-8")
    assert resources_folder() == folder


def test_without_stanza_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "stanza", None)  # makes `import stanza` fail
    assert "pip install 'vigyapti[stanza]'" in one_line_error(lambda: StanzaHindi(resources_dir=tmp_path))


def stanza_document(text, sentences):
    """A Stanza Document in its JSON form: each word is (text, BIOES NER tag), found in order in `text`."""
    cursor = 0
    built = []
    for words in sentences:
        tokens = []
        for n, (word, tag) in enumerate(words, start=1):
            start = text.index(word, cursor)
            cursor = start + len(word)
            tokens.append({"id": n, "text": word, "start_char": start, "end_char": cursor, "ner": tag})
        built.append(tokens)
    return Document(built, text=text)


# Made-up text; the tags are IL-NER's (NEP person, NEL location, NEO organisation, NETI time).
TEXT = "श्री राम कुमार पटना पहुंचे। जिला प्रशासन बिहार ने सोमवार को बैठक की।"
TAGGED = [
    [("श्री", "O"), ("राम", "B-NEP"), ("कुमार", "E-NEP"), ("पटना", "S-NEL"), ("पहुंचे", "O"), ("।", "O")],
    [("जिला", "B-NEO"), ("प्रशासन", "I-NEO"), ("बिहार", "E-NEO"), ("ने", "O"), ("सोमवार", "S-NETI"),
     ("को", "O"), ("बैठक", "O"), ("की", "O"), ("।", "O")],
]


def test_entities_become_character_spans_with_project_labels():
    spans = entity_spans(stanza_document(TEXT, TAGGED))
    assert [(TEXT[s:e], label) for s, e, label in spans] == [
        ("राम कुमार", "PER"), ("पटना", "LOC"), ("जिला प्रशासन बिहार", "ORG")]  # the time is left out


def test_stanza_labels_can_be_kept():
    spans = entity_spans(stanza_document(TEXT, TAGGED), labels=None)
    assert [label for _, _, label in spans] == ["NEP", "NEL", "NEO", "NETI"]


def test_common_label_sets_map_too():
    text = "Ravi went to Patna for UNICEF."
    doc = stanza_document(text, [[("Ravi", "S-PERSON"), ("went", "O"), ("to", "O"), ("Patna", "S-GPE"),
                                  ("for", "O"), ("UNICEF", "S-ORG"), (".", "O")]])
    assert [label for _, _, label in entity_spans(doc)] == ["PER", "LOC", "ORG"]


def test_token_spans():
    tokens = token_spans(stanza_document(TEXT, TAGGED))
    assert len(tokens) == 15
    assert all(TEXT[s:e] == word for s, e, word in tokens)


def test_spans_over_the_pipelines_text_line_up_with_its_tokens_and_the_input(pipeline):
    original = "नई दिल्ली, 6 फरवरी: डॉ. सुनीता शर्मा ने लखनऊ में शिविर का उद्घाटन किया।"
    doc = pipeline.process(original)
    tagged = [[("नई", "B-NEL"), ("दिल्ली", "E-NEL"), (",", "O"), ("6", "O"), ("फरवरी", "O"), (":", "O"),
               ("डॉ.", "O"), ("सुनीता", "B-NEP"), ("शर्मा", "E-NEP"), ("ने", "O"), ("लखनऊ", "S-NEL"),
               ("में", "O"), ("शिविर", "O"), ("का", "O"), ("उद्घाटन", "O"), ("किया", "O"), ("।", "O")]]
    spans = entity_spans(stanza_document(doc.text, tagged))
    assert [label for _, _, label in spans] == ["LOC", "PER", "LOC"]
    for start, end, _ in spans:
        assert doc.char_span(start, end) is not None  # whole spaCy tokens
        s, e = doc._.source.to_original(start, end)
        assert original[s:e] == doc.text[start:end]

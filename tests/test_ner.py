"""Hindi NER: CoNLL cleaning and label mapping, the scorer, model loading, the shipped model, ner-eval."""
from __future__ import annotations

import json
import socket

import pytest
import spacy
from spacy.training import Example

from nlp.ner import entities, load_model
from nlp.ner.conll import CleaningReport, parse_conll, spans_from_tags
from nlp.ner.consistency import fill_unlabelled
from nlp.ner.corpus import sentence_to_doc
from nlp.ner.scoring import score_spans
from pipelines.cli import main

ILNER_SNIPPET = """\
श्री\tO
नरेन्द्र\tB-NEP
मोदी\tI-NEP
ने\tO
2014\tB-NEN
में\tO
वाराणसी\t-NEL
से\tO
भाजपा\tI-NEO
के\tO
रांगेय\t-
लिए\tO
O

भारत\tB-NEL
सरकार\t-NEL
"""


def test_ilner_tags_are_repaired_mapped_and_counted():
    report = CleaningReport()
    first, second = parse_conll(ILNER_SNIPPET.splitlines(keepends=True), "ilner", report)
    assert first.words[:3] == ["श्री", "नरेन्द्र", "मोदी"]
    assert first.tags == ["O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "B-ORG", "O", "-", "O"]
    assert second.tags == ["B-LOC", "I-LOC"]
    assert report.counts["repair:'-NEL' -> B-NEL"] == 1
    assert report.counts["repair:'-NEL' -> I-NEL"] == 1
    assert report.counts["repair:I-NEO without B -> B-NEO"] == 1
    assert report.counts["repair:bare '-' tag -> missing"] == 1
    assert report.counts["repair:line without a tab skipped"] == 1
    assert report.counts["dropped type NEN -> O"] == 1
    assert report.total_repairs() == 5


def test_unknown_tag_is_outside_for_evaluation():
    (first, _) = parse_conll(ILNER_SNIPPET.splitlines(keepends=True), "ilner", CleaningReport(), unknown_as="O")
    assert first.tags[10] == "O"


def test_hiner_labels_map_and_tokens_are_normalised_like_the_pipeline():
    lines = ["ज़िला\tO\n", "बराक\tB-PERSON\n", "ओबामा\tI-PERSON\n", "बीबीसी\tB-ORGANIZATION\n", "२०२१\tO\n", "दिल्ली\tB-LOCATION\n"]
    (sentence,) = parse_conll(lines, "hiner", CleaningReport())
    assert sentence.words[0] == "जिला"  # nukta folded, as nlp.normalize does
    assert sentence.words[4] == "2021"  # Devanagari digits as ASCII
    assert spans_from_tags(sentence.tags) == [(1, 3, "PER"), (3, 4, "ORG"), (5, 6, "LOC")]


def test_missing_tags_stay_unannotated_in_training_docs():
    (first, _) = parse_conll(ILNER_SNIPPET.splitlines(keepends=True), "ilner", CleaningReport())
    doc = sentence_to_doc(spacy.blank("hi").vocab, first)
    assert [t.ent_iob_ for t in doc][9:12] == ["O", "", "O"]
    assert [(e.text, e.label_) for e in doc.ents] == [("नरेन्द्र मोदी", "PER"), ("वाराणसी", "LOC"), ("भाजपा", "ORG")]


def test_consistently_tagged_names_are_filled_where_left_untagged():
    conll = "".join(
        f"{w}\t{t}\n" for _ in range(3) for w, t in (("पटना", "B-NEL"), ("में", "O"), ("", ""))
    ) + "पटना\tO\nगए\tO\n"
    sentences = parse_conll(conll.replace("\t\n", "\n").splitlines(keepends=True), "ilner", CleaningReport())
    filled, n = fill_unlabelled(sentences)
    assert n == 1
    assert filled[-1].tags == ["B-LOC", "O"]


def test_scorer_exact_span_match_per_label_and_micro():
    gold = [[(0, 2, "PER"), (5, 6, "LOC")], [(1, 3, "ORG"), (4, 5, "LOC")]]
    predicted = [[(0, 2, "PER"), (5, 6, "ORG")], [(1, 2, "ORG"), (4, 5, "LOC"), (7, 8, "PER")]]
    scores = score_spans(gold, predicted)
    assert (scores["PER"].tp, scores["PER"].fp, scores["PER"].fn) == (1, 1, 0)
    assert (scores["LOC"].tp, scores["LOC"].fp, scores["LOC"].fn) == (1, 0, 1)
    assert (scores["ORG"].tp, scores["ORG"].fp, scores["ORG"].fn) == (0, 2, 1)
    micro = scores["micro"]
    assert (micro.tp, micro.fp, micro.fn) == (2, 3, 2)
    assert micro.precision == pytest.approx(0.4)
    assert micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)


TINY_TRAIN = [
    ("राम दिल्ली गया", [(0, 3, "PER"), (4, 10, "LOC")]),
    ("सीता पटना आई", [(0, 4, "PER"), (5, 9, "LOC")]),
    ("मोहन कानपुर में रहता है", [(0, 4, "PER"), (5, 11, "LOC")]),
]


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    """A real (tiny) tok2vec + NER pipeline, trained here for a few steps and saved."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("hi")
    nlp.add_pipe("vigyapti_lexicon_features", name="lexicon_features")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 32, "attrs": ["NORM", "SHAPE", "LEMMA"],
                  "rows": [500, 50, 20], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 1, "window_size": 1, "maxout_pieces": 2},
    }})
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 32, "maxout_pieces": 2, "use_upper": True,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 32, "upstream": "*"},
    }})
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TINY_TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0, annotates=["lexicon_features"])
    path = tmp_path_factory.mktemp("tiny_ner")
    nlp.to_disk(path)
    return path


def test_a_model_saved_to_a_local_path_loads_and_tags_through_the_api(tiny_model_dir):
    model = load_model(tiny_model_dir)
    assert model.pipe_names == ["lexicon_features", "tok2vec", "ner"]
    found = entities("राम दिल्ली गया", model=model)
    assert found == [(0, 3, "PER"), (4, 10, "LOC")]


def test_entities_of_a_doc_point_into_the_doc_text(tiny_model_dir):
    from nlp.tokenize import blank_hindi

    model = load_model(tiny_model_dir)
    doc = blank_hindi()("सीता पटना आई")
    assert [(doc.text[s:e], label) for s, e, label in entities(doc, model=model)] == [("सीता", "PER"), ("पटना", "LOC")]


def test_lexicon_features_mark_names_places_posts_and_bodies_but_not_function_words():
    from nlp.ner.lexicon_features import LexiconFeatures, build_table

    words = "श्री रमेश कुमार ने उत्तर प्रदेश के जिलाधिकारी से भाजपा में बात की".split()
    classes = dict(zip(words, LexiconFeatures(build_table()).classes(words)))
    assert "HON" in classes["श्री"].split("+")
    assert classes["रमेश"] == classes["कुमार"] == "NAME"
    assert classes["उत्तर"] == classes["प्रदेश"] == "PLACE"  # the whole place name, not its words alone
    assert LexiconFeatures(build_table()).classes(["उत्तर", "दिशा"]) == ["", ""]
    assert classes["जिलाधिकारी"] == "POST" and classes["भाजपा"] == "ORG"
    assert classes["ने"] == classes["की"] == ""


def test_a_saved_model_keeps_the_lexicon_table_it_was_trained_with(tiny_model_dir, tmp_path):
    import shutil

    copy = tmp_path / "model"
    shutil.copytree(tiny_model_dir, copy)
    table_file = copy / "lexicon_features" / "lexicon_features.json"
    table = json.loads(table_file.read_text(encoding="utf-8"))
    table["NAME"].append(["झुनझुनवालाजी"])
    table_file.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    doc = load_model(copy)("झुनझुनवालाजी रमेश आए")
    assert [t.lemma_ for t in doc] == ["NAME", "NAME", ""]


def test_an_entity_of_punctuation_alone_is_never_reported():
    from spacy.tokens import Doc, Span

    from nlp.ner.model import named_entities

    doc = Doc(spacy.blank("hi").vocab, words=["((", "राम", "ने", "€", "पटना", "देखा"])
    doc.set_ents([Span(doc, 0, 1, "LOC"), Span(doc, 1, 2, "PER"), Span(doc, 3, 4, "ORG"), Span(doc, 4, 5, "LOC")])
    assert [(e.text, e.label_) for e in named_entities(doc)] == [("राम", "PER"), ("पटना", "LOC")]


def test_an_entity_is_trimmed_of_whitespace_and_never_crosses_a_line_break():
    from spacy.tokens import Doc, Span

    from nlp.ner.model import named_entities

    words = ["मुंबई", "\n\n ", "राहुल", "\n", "गांधी", "आए"]
    doc = Doc(spacy.blank("hi").vocab, words=words, spaces=[False] * len(words))
    doc.set_ents([Span(doc, 0, 2, "LOC"), Span(doc, 2, 5, "PER")])
    assert [(e.text, e.label_) for e in named_entities(doc)] == [("मुंबई", "LOC")]


def test_swapped_copies_keep_the_sentence_and_the_labels_and_bring_new_names():
    from nlp.ner.augment import augment
    from nlp.ner.conll import Sentence

    sentence = Sentence("कल राम ने पटना में भाजपा की सभा की".split(),
                        ["O", "B-PER", "O", "B-LOC", "O", "B-ORG", "O", "O", "O"])
    copies = augment([sentence, Sentence(["आज", "बारिश", "हुई"], ["O", "O", "O"])], copies=20, seed=3)
    assert len(copies) == 20  # only sentences with an entity are copied
    names = set()
    for copy in copies:
        spans = spans_from_tags(copy.tags)
        assert len(copy.words) == len(copy.tags)
        assert [label for _, _, label in spans] == ["PER", "LOC", "ORG"]
        assert copy.words[0] == "कल" and copy.words[-3:] == ["की", "सभा", "की"]
        names.update(" ".join(copy.words[a:b]) for a, b, _ in spans)
    assert len(names) > 30  # drawn from the lexicons, not only from the one training sentence


def test_a_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no spaCy pipeline"):
        load_model(tmp_path / "nothing-here")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the NER model must not touch the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_shipped_model_loads_offline_and_finds_a_person_and_a_place(no_network):
    model = load_model()
    text = "प्रधानमंत्री नरेन्द्र मोदी ने आज लखनऊ में एक जनसभा को संबोधित किया।"
    found = {(text[s:e], label) for s, e, label in entities(text, model=model)}
    assert ("नरेन्द्र मोदी", "PER") in found
    assert ("लखनऊ", "LOC") in found


def test_offsets_point_into_the_text_as_given_even_when_normalisation_changes_it():
    text = "ज़िलाधिकारी\u200b रमेश कुमार ने कानपुर में बैठक की।"
    for start, end, label in entities(text):
        assert text[start:end] == text[start:end].strip() and end > start
    assert any(label == "LOC" and text[s:e] == "कानपुर" for s, e, label in entities(text))


CLI_CONLL = """\
प्रधानमंत्री\tO
नरेन्द्र\tB-NEP
मोदी\tI-NEP
ने\tO
लखनऊ\tB-NEL
में\tO
भाषण\tO
दिया\tO
।\tO
"""


def test_ner_eval_prints_the_table(tmp_path, capsys):
    conll = tmp_path / "tiny.conll"
    conll.write_text(CLI_CONLL, encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll), "--scheme", "ilner"]) == 0
    out = capsys.readouterr().out
    assert "1 sentences, scheme ilner, mode model" in out
    for label in ("PER", "LOC", "ORG", "micro"):
        assert any(line.startswith(label) for line in out.splitlines())


def test_ner_eval_json_with_the_gazetteer_alone(tmp_path, capsys):
    conll = tmp_path / "tiny.conll"
    conll.write_text(CLI_CONLL, encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll), "--scheme", "ilner", "--mode", "gazetteer", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scores"]["LOC"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert result["scores"]["PER"]["predicted"] == 0
    assert result["scores"]["micro"]["recall"] == 0.5


def test_ner_eval_reports_a_missing_file_in_one_line(tmp_path, capsys):
    assert main(["ner-eval", "--conll", str(tmp_path / "absent.conll"), "--scheme", "hiner"]) == 2
    assert capsys.readouterr().err.strip() == f"vigyapti: error: no such file: {tmp_path / 'absent.conll'}"


def test_ner_eval_rules_mode_finds_people_places_and_bodies(tmp_path, capsys):
    conll = tmp_path / "rules.conll"
    conll.write_text("जिलाधिकारी\tO\nनीलेश\tB-NEP\nदेवरे\tI-NEP\nने\tO\nसारण\tB-NEL\nमें\tO\nस्वास्थ्य\tB-NEO\n"
                     "विभाग\tI-NEO\nकी\tO\nबैठक\tO\nली\tO\n।\tO\n", encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll), "--scheme", "ilner", "--mode", "rules", "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert {label: scores[label]["f1"] for label in ("PER", "LOC", "ORG", "micro")} == \
        {"PER": 1.0, "LOC": 1.0, "ORG": 1.0, "micro": 1.0}


def test_with_the_model_a_place_outside_the_gazetteer_joins_the_record_and_rule_places_stay_as_they_are(
        pipeline, ner_pipeline):
    text = "जेएनएन, पटना : टीम ने कटेया बाजार और हरपुर कोठी में निरीक्षण किया। पटना के जिलाधिकारी भी मौजूद रहे।"
    rules = {p.name_hi: p for p in pipeline(text).places}
    both = {p.name_hi: p for p in ner_pipeline(text).places}
    assert "हरपुर कोठी" not in rules
    found = both["हरपुर कोठी"]
    assert (found.type, found.name_en, found.district_en) == ("other", "Harpur Kothi", None)
    assert [text[m.start:m.end] for m in found.mentions] == ["हरपुर कोठी"]
    assert both["पटना"] == rules["पटना"]  # a place the rules found is not found twice
    assert "जेएनएन" in {text[s:e] for s, e, _ in ner_pipeline.process(text)._.ner_spans}
    assert "जेएनएन" not in both  # the model's LOC, but a byline is no place


@pytest.mark.parametrize("words, kind_only", [("प्रदेश", True), ("जनपद", True), ("जिले", True), ("हरपुर कोठी", False),
                                              ("गोमती नगर", False)])
def test_a_kind_of_place_alone_is_no_place_name(words, kind_only):
    from nlp.places import is_kind_word

    assert is_kind_word(words) is kind_only

"""Evaluation: the gold validator, the scorer, summary checks and `vigyapti evaluate`.

Gold files are written to tmp dirs from a short release written for these
tests; scores are checked against counts worked out by hand.
"""
import copy
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation.matching import name_tier, name_tokens
from evaluation.scoring import prf, score_document
from evaluation.summary_checks import rouge, unsupported_facts
from evaluation.validate import ERROR, validate_record
from pipelines.cli import main
from pipelines.record import Dateline, Figure, Officer, Post, Record

TEXT = ("पटना, 5 मार्च, 2021: सारण के जिलाधिकारी डॉ. नीलेश देवरे ने बुधवार को कहा कि जिले में "
        "14 लाख मास्क बांटे गए हैं और 2.5 करोड़ रुपये स्वीकृत हुए हैं। पुलिस अधीक्षक संतोष सिंह ने "
        "बताया कि 95 प्रतिशत लोगों को टीका लग चुका है। संपर्क: 9876543210, dm-saran@nic.in")


def span(needle: str, text: str = TEXT) -> dict:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


def figure(text: str, value, unit: str, of=None) -> dict:
    return {"text": text, "value": value, "unit": unit, "of": of, **span(text)}


def gold_dict() -> dict:
    """A valid gold record for TEXT, built with offsets computed from the text."""
    return {
        "schema": "vigyapti.record/1", "doc_id": "pr900", "language": "hi",
        "dateline": {"places": [{"name_hi": "पटना", "name_en": "Patna", **span("पटना")}],
                     "date": "2021-03-05", "date_text": "5 मार्च, 2021", **span("पटना, 5 मार्च, 2021")},
        "officers": [
            {"name_hi": "नीलेश देवरे", "name_en": "Nilesh Deore", "honorific": "डॉ.", "service": "IAS",
             "posts": [{"title_hi": "जिलाधिकारी", "title_en": "District Magistrate", "district_en": "Saran",
                        "state_en": "Bihar", "current": True, **span("जिलाधिकारी")}],
             "mentions": [{**span("नीलेश देवरे"), "text": "नीलेश देवरे"}], "quotes": [], "figures": [0, 1]},
            {"name_hi": "संतोष सिंह", "name_en": "Santosh Singh", "honorific": None, "service": None,
             "posts": [{"title_hi": "पुलिस अधीक्षक", "title_en": "Superintendent of Police", "district_en": "Saran",
                        "state_en": "Bihar", "current": True, **span("पुलिस अधीक्षक")}],
             "mentions": [{**span("संतोष सिंह"), "text": "संतोष सिंह"}], "quotes": [], "figures": [2]},
        ],
        "people": [],
        "places": [
            {"name_hi": "पटना", "name_en": "Patna", "type": "district", "district_en": "Patna", "state_en": "Bihar",
             "mentions": [{**span("पटना"), "text": "पटना"}]},
            {"name_hi": "सारण", "name_en": "Saran", "type": "district", "district_en": "Saran", "state_en": "Bihar",
             "mentions": [{**span("सारण"), "text": "सारण"}]},
        ],
        "organizations": [],
        "figures": [figure("14 लाख मास्क", 1400000, "count", "मास्क"),
                    figure("2.5 करोड़ रुपये", 25000000, "INR"),
                    figure("95 प्रतिशत", 95, "percent")],
        "contacts": {"phones": [{"text": "9876543210", "number": "+919876543210", **span("9876543210")}],
                     "emails": [{"text": "dm-saran@nic.in", "address": "dm-saran@nic.in", **span("dm-saran@nic.in")}]},
        "summary_en": "District Magistrate Nilesh Deore of Saran said 14 lakh masks were distributed "
                      "and Rs 2.5 crore sanctioned; 95 percent of people are vaccinated.",
        "warnings": [],
    }


def problems(data: dict, level: str = ERROR) -> list:
    return [p for p in validate_record("pr900", TEXT, data) if p.level == level]


def write_gold(folder, data: dict, doc_id: str = "pr900", text: str = TEXT) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# --- validator --------------------------------------------------------------------------------

def test_valid_gold_has_no_errors_or_warnings():
    assert validate_record("pr900", TEXT, gold_dict()) == []


def test_validator_catches_a_wrong_offset_and_says_where_the_text_is():
    data = gold_dict()
    data["officers"][0]["mentions"][0]["start"] += 1
    (problem,) = problems(data)
    assert problem.where == "officers[0].mentions[0]"
    assert "नीलेश देवरे" in problem.message and f"[{TEXT.index('नीलेश देवरे')}:" in problem.message


def test_validator_catches_a_figure_value_that_disagrees_with_its_text():
    data = gold_dict()
    data["figures"][0]["value"] = 140000  # 1.4 lakh, not 14 lakh
    (problem,) = problems(data)
    assert problem.where == "figures[0].value" and "1,400,000" in problem.message


def test_validator_catches_an_unknown_district_and_state():
    data = gold_dict()
    data["officers"][1]["posts"][0]["district_en"] = "Saaran"
    data["places"][0]["state_en"] = "Bihar Pradesh"
    assert [p.where for p in problems(data)] == ["officers[1].posts[0].district_en", "places[0].state_en"]


def test_validator_catches_missing_fields():
    data = gold_dict()
    del data["organizations"]
    del data["officers"][0]["posts"][0]["title_en"]
    del data["figures"][1]["unit"]
    assert sorted(p.where for p in problems(data)) == [
        "figures[1].unit", "officers[0].posts[0].title_en", "organizations"]


def test_validator_catches_wrong_types_unknown_fields_and_bad_indexes():
    data = gold_dict()
    data["figures"][2]["value"] = "95"
    data["places"][1]["district"] = "Saran"
    assert sorted(p.where for p in problems(data)) == ["figures[2].value", "places[1].district"]
    data = gold_dict()
    data["officers"][1]["figures"] = [3]
    data["dateline"]["date"] = "2021-02-30"
    assert sorted(p.where for p in problems(data)) == ["dateline.date", "officers[1].figures[0]"]


def test_validator_checks_every_kind_of_span():
    data = gold_dict()
    data["officers"][0]["posts"][0]["title_hi"] = "जिला मजिस्ट्रेट"
    data["contacts"]["emails"][0]["end"] += 1
    data["dateline"]["places"][0]["end"] = 10_000
    data["summary_en"] = " "
    assert sorted(p.where for p in problems(data)) == [
        "contacts.emails[0]", "dateline.places[0]", "officers[0].posts[0]", "summary_en"]


def test_validate_gold_command_lists_problems_per_file_and_fails(tmp_path, capsys):
    bad = gold_dict()
    bad["figures"][0]["value"] = 14
    bad["doc_id"] = "pr901"
    write_gold(tmp_path, gold_dict(), "pr900")
    write_gold(tmp_path, bad, "pr901")
    (tmp_path / "pr902.txt").write_text(TEXT, encoding="utf-8")
    assert main(["validate-gold", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "pr901: error: figures[0].value" in out and "pr902: error: pr902.json is missing" in out
    assert "pr900:" not in out and "2 errors in 2 files, 0 warnings" in out
    (tmp_path / "pr902.txt").unlink()
    bad["figures"][0]["value"] = 1400000
    (tmp_path / "pr901.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "--gold", str(tmp_path), "--validate-only"]) == 0


# --- scoring ----------------------------------------------------------------------------------

def officer(name_hi, name_en=None, service=None, title="District Magistrate", district=None, state="Bihar"):
    return Officer(name_hi, name_en, service=service, posts=[Post("पद", title, district, state)])


def test_officer_names_match_across_honorifics_spelling_variants_and_surnames():
    assert name_tokens("डॉ. नीलेश देवरे") == name_tokens("नीलेश देवरे")
    assert name_tier(name_tokens("मीना"), name_tokens("प्रेम प्रकाश मीणा आईएएस")) == 1
    gold = Record(officers=[officer("नीलेश देवरे", service="IAS", district="Saran"),
                            officer("प्रेम प्रकाश मीणा", service="IAS", district="Hathras"),
                            officer(None, title="Superintendent of Police", district="Saran")])
    pred = Record(officers=[officer("डॉ. नीलेश देवरे", service="IPS", district="Saran"),  # honorific, wrong service
                            officer("मीना", service="IAS", district="Basti"),  # surname, other spelling, wrong district
                            officer("नीलेश देवरे", service="IAS", district="Saran"),  # duplicate
                            officer("राम प्रसाद")])  # not in gold
    score = score_document(gold, pred)
    assert (score.counts["officers"].tp, score.counts["officers"].fp, score.counts["officers"].fn) == (2, 2, 1)
    p, r, f = prf(2, 2, 1)
    assert (p, r, f) == (0.5, 2 / 3, 4 / 7)
    # with and without डॉ. are the same name: the first one is paired, the duplicate is left over
    assert score.alignments["officers"].pairs == ((0, 0), (1, 1))
    assert (score.slots["service"].applicable, score.slots["service"].correct) == (2, 1)
    assert (score.slots["district"].applicable, score.slots["district"].correct) == (2, 1)
    services = score.counts["officer_services"]
    assert (services.tp, services.fp, services.fn) == (1, 2, 1)


def test_a_surname_is_not_lost_to_an_unlucky_greedy_choice():
    gold = Record(officers=[officer("मीणा"), officer("प्रकाश मीणा")])
    pred = Record(officers=[officer("प्रेम प्रकाश मीणा"), officer("श्याम मीणा")])
    assert score_document(gold, pred).alignments["officers"].pairs == ((0, 1), (1, 0))


def test_english_names_match_case_insensitively_and_unnamed_officers_by_post_and_place():
    gold = Record(officers=[officer("संतोष सिंह", "Santosh Singh"), officer(None, district="Saran")])
    pred = Record(officers=[officer("सन्तोष सींग", "santosh singh"),
                            officer(None, district="Patna"),  # same post, other place
                            officer(None, district="Saran")])
    counts = score_document(gold, pred).counts["officers"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)


def test_figures_match_by_value_and_unit_with_of_scored_separately():
    def fig(value, unit, of=None, start=0):
        return Figure("x", value, unit, of, start, start + 1)
    gold = Record(figures=[fig(1400000, "count", "मास्क"), fig(25000000, "INR"), fig(95, "percent")])
    pred = Record(figures=[fig(1400000.0000001, "count", "मास्को"), fig(25000000, "USD"),
                           fig(95, "percent"), fig(95, "percent")])
    counts = score_document(gold, pred).counts
    assert (counts["figures"].tp, counts["figures"].fp, counts["figures"].fn) == (2, 2, 1)
    assert (counts["figures_of"].tp, counts["figures_of"].fp, counts["figures_of"].fn) == (1, 3, 2)


def test_a_wrong_date_is_both_a_false_positive_and_a_false_negative():
    counts = score_document(Record(dateline=Dateline(date="2021-03-05")),
                            Record(dateline=Dateline(date="2021-05-03"))).counts["dateline_date"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


NAMES = ["नीलेश देवरे", "प्रेम प्रकाश मीणा", "प्रकाश मीणा", "श्याम मीणा", "मीना", "संतोष सिंह", "दीपांशु काबरा"]
figures_strategy = st.lists(st.tuples(st.sampled_from([1, 2.5, 95, 1400000]), st.sampled_from(["count", "INR"])),
                            max_size=6)


@settings(max_examples=60, deadline=None)
@given(gold=figures_strategy, pred=figures_strategy,
       gold_names=st.lists(st.sampled_from(NAMES), max_size=5), pred_names=st.lists(st.sampled_from(NAMES), max_size=5))
def test_alignment_is_one_to_one_and_counts_every_item_once(gold, pred, gold_names, pred_names):
    def record(figs, names):
        return Record(figures=[Figure("x", v, u, None, i, i + 1) for i, (v, u) in enumerate(figs)],
                      officers=[officer(n) for n in names])
    forward = score_document(record(gold, gold_names), record(pred, pred_names)).counts
    backward = score_document(record(pred, pred_names), record(gold, gold_names)).counts
    for key, n_gold, n_pred in (("figures", len(gold), len(pred)), ("officers", len(gold_names), len(pred_names))):
        c = forward[key]
        assert c.tp + c.fn == n_gold and c.tp + c.fp == n_pred and c.tp <= min(n_gold, n_pred)
        assert (backward[key].fp, backward[key].fn) == (c.fn, c.fp)
    itself = score_document(record(gold, gold_names), record(gold, gold_names)).counts
    assert all(itself[k].fp == itself[k].fn == 0 for k in ("figures", "officers", "mentions"))


def test_scoring_a_gold_record_against_itself_is_perfect():
    gold = Record.from_dict(gold_dict())
    for key, c in score_document(gold, copy.deepcopy(gold)).counts.items():
        assert c.fp == c.fn == 0, key
        assert c.tp > 0 or key == "people" or key == "organizations", key


# --- summaries --------------------------------------------------------------------------------

def test_rouge_on_known_strings():
    # values agree with the rouge-score package (no stemmer)
    assert rouge("the cat sat on a mat", "the cat sat on the mat") == pytest.approx(
        {"rouge1": 5 / 6, "rouge2": 0.6, "rougeL": 5 / 6})
    assert rouge("District Magistrate Nilesh Deore said 14 lakh masks were given.",
                 "Nilesh Deore, the DM of Saran, said 14 lakh masks were distributed in Saran.") == pytest.approx(
        {"rouge1": 0.583333, "rouge2": 0.454545, "rougeL": 0.583333}, abs=1e-6)
    assert rouge("", "anything") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def test_a_faithful_summary_has_no_unsupported_facts():
    record = Record.from_dict(gold_dict())
    assert unsupported_facts(record) == []
    record.summary_en = ("On 5 March 2021 in Patna, Superintendent of Police Santosh Singh (SP) said 95% were "
                         "vaccinated; Deore's office is on +91-9876543210 and dm-saran@nic.in. Meanwhile 2 officers spoke, "
                         "and Officials Besides Patna District Magistrates said so.")
    assert unsupported_facts(record) == []


def test_unsupported_facts_flags_an_invented_number_and_name():
    record = Record.from_dict(gold_dict())
    record.summary_en = ("District Magistrate Nilesh Deore said Rs 3.5 crore was sanctioned for 240 villages, "
                         "and Chief Medical Officer Rahul Verma of Gaya agreed; write to cmo@nic.in.")
    assert unsupported_facts(record) == ["3.5 crore", "240", "Chief Medical", "Rahul Verma", "Gaya", "cmo@nic.in"]


# --- the command ------------------------------------------------------------------------------

def test_evaluate_runs_the_pipeline_and_writes_a_report(tmp_path, capsys):
    gold, out = tmp_path / "gold", tmp_path / "report"
    write_gold(gold, gold_dict())
    assert main(["evaluate", "--gold", str(gold), "--run", "--report", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "figures (value, unit)" in printed and "Officer slot accuracy" in printed
    for name in ("index.html", "report.md", "fields.png", "officer_slots.png", "summaries.png"):
        assert (out / name).stat().st_size > 1000, name
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="doc-pr900"' in page and "FIGURE" in page and "नीलेश देवरे" in page
    assert (out / "fields.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_json_from_a_prediction_folder_and_the_threshold_gate(tmp_path, capsys):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write_gold(gold, gold_dict())
    predicted = gold_dict()
    predicted["officers"] = predicted["officers"][:1]
    pred.mkdir()
    (pred / "pr900.json").write_text(json.dumps(predicted, ensure_ascii=False), encoding="utf-8")
    thresholds = tmp_path / "thresholds.json"
    thresholds.write_text(json.dumps({"minimum": {"officers": 0.6, "figures": 1.0}}), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--json",
                 "--check-thresholds", str(thresholds)]) == 0
    result = json.loads(capsys.readouterr().out)
    fields = {row["field"]: row for row in result["fields"]}
    assert (fields["officers"]["tp"], fields["officers"]["fn"]) == (1, 1)
    assert fields["officers"]["f1"] == pytest.approx(2 / 3)
    assert fields["people"]["precision"] is None and not math.isnan(fields["figures"]["f1"])
    assert result["summary"]["rouge1"] == 1.0 and result["summary"]["unsupported_total"] == 0
    assert [g["passed"] for g in result["gate"]] == [True, True]
    thresholds.write_text(json.dumps({"minimum": {"officers": 0.7}}), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--check-thresholds", str(thresholds)]) == 1
    assert "FAIL officers: micro F1 0.667 (minimum 0.700)" in capsys.readouterr().out


def test_evaluate_with_the_ner_model_says_so_and_refuses_it_with_saved_predictions(tmp_path, capsys):
    gold = tmp_path / "gold"
    write_gold(gold, gold_dict())
    assert main(["evaluate", "--gold", str(gold), "--run", "--ner"]) == 0
    printed = capsys.readouterr().out
    assert "scored against Pipeline run with the NER model" in printed and "officer names" in printed
    assert main(["evaluate", "--gold", str(gold), "--pred", str(gold), "--ner"]) == 2
    error = capsys.readouterr().err.strip()
    assert "--ner" in error and "\n" not in error


def test_evaluate_refuses_a_folder_without_gold(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path / "missing"), "--run"]) == 2
    assert "no such folder" in capsys.readouterr().err

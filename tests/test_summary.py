"""English summaries say only what the record supports (issue 5)."""
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation.summary_checks import unsupported_facts
from pipelines.record import Figure
from pipelines.summary import format_figure

ROOT = Path(__file__).resolve().parent.parent


def test_sample_summary_names_officers_figures_event_and_organiser(sample_record):
    summary = sample_record.summary_en
    for piece in ["Dipanshu Kabra (IPS), Additional Transport Commissioner, Chhattisgarh",
                  "Nilesh Deore (IAS), District Magistrate, Saran, Bihar",
                  "Prem Prakash Meena (IAS), Joint Magistrate, Hathras, Uttar Pradesh",
                  "Santosh Singh (IPS), Superintendent of Police, Raigarh, Chhattisgarh",
                  "Ankita Sharma (IPS), Assistant Superintendent of Police, Raipur, Chhattisgarh",
                  "₹14 lakh", "14 lakh masks", "webinar", "Bureaucrats India"]:
        assert piece in summary
    assert unsupported_facts(sample_record) == []


def test_every_summary_sentence_traces_to_input_offsets(sample_record, sample_text):
    assert " ".join(f.sentence for f in sample_record.summary_facts) == sample_record.summary_en
    for fact in sample_record.summary_facts:
        assert fact.sources, fact.sentence
        for source in fact.sources:
            assert sample_text[source.start:source.end] == source.text


@pytest.mark.parametrize("path", sorted((ROOT / "corpora" / "annotated" / "dev").glob("*.txt"))[:30], ids=lambda p: p.stem)
def test_summaries_of_the_dev_corpus_have_no_unsupported_facts(pipeline, path):
    record = pipeline(path.read_text(encoding="utf-8"), path.stem)
    assert unsupported_facts(record) == []


def test_a_release_with_nothing_found_gets_no_invented_summary(pipeline):
    record = pipeline("यह एक साधारण वाक्य है।")
    assert record.summary_en == ""


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.floats(min_value=1e-9, max_value=1e22), st.integers(min_value=0, max_value=10**22)),
       unit=st.sampled_from(["INR", "count", "percent", "km"]))
def test_figures_are_written_in_digits_never_in_exponent_form(value, unit):
    text = format_figure(Figure(text="x", value=value, unit=unit, of=None, start=0, end=1))
    assert not re.search(r"\de[+-]?\d", text), text


def test_lakh_crore_in_a_summary_is_supported_by_the_record(pipeline):
    record = pipeline("नई दिल्ली। बजट 16.6 लाख करोड़ रुपये का है, मंत्री अमित शाह ने कहा।")
    assert "₹16.6 lakh crore" in record.summary_en
    assert unsupported_facts(record) == []
    record.summary_en = record.summary_en.replace("16.6", "17.6")
    assert unsupported_facts(record) == ["17.6 lakh crore"]


def test_a_repeated_figure_is_listed_once_with_its_english_noun(pipeline):
    record = pipeline("राज्य में 602 अस्पताल तैयार हैं। इन 602 अस्पतालों में बिस्तर लगाए गए हैं।")
    assert record.summary_en.count("602") == 1 and "602 hospitals" in record.summary_en

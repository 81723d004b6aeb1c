"""Normalisation keeps offsets; segmentation, language id, dates, contacts, figures."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.contacts import find_contacts
from nlp.dates import find_dates
from nlp.langid import detect_language
from nlp.normalize import fold, normalize
from nlp.segment import sentences

DEVANAGARI_ISH = st.lists(
    st.sampled_from(list("कखगजफडढ़ािीुूेैोौंँः्०१२३४५६७८९ .,*_\n\r\t\u200c\u200d\u00a0abc1\u093c\u0958\u095c") + ["क़", "ज़", "ड़"]),
    max_size=60,
).map("".join)


@given(DEVANAGARI_ISH)
def test_every_normalised_character_maps_back_inside_the_input(text):
    norm = normalize(text)
    assert len(norm.starts) == len(norm.text) == len(norm.ends)
    for i in range(len(norm.text)):
        s, e = norm.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
    assert list(norm.starts) == sorted(norm.starts)


def test_normalisation_examples():
    norm = normalize("*दीपांशु* ज़रूरत १४ लाख\u200d_Bureaucrats India_ dm_raipur@nic.in")
    assert "ज़" not in norm.text and "जरूरत" in norm.text
    assert "14 लाख" in norm.text
    assert "*" not in norm.text and " Bureaucrats India " in norm.text
    assert "dm_raipur@nic.in" in norm.text  # an underscore inside a word stays
    start = norm.text.index("14")
    assert norm.original_text(start, start + 2) == "१४"


def test_fold_unifies_nukta_and_chandrabindu():
    assert fold("मुज़फ्फरपुर") == fold("मुजफ्फरपुर")
    assert fold("छत्तीसगढ़") == fold("छत्तीसगढ")
    assert fold("पाँच") == fold("पांच")


def test_fold_reads_jagrans_final_ai_in_letter_abbreviations():
    assert fold("पीटीआइ") == fold("पीटीआई") and fold("एसएसआइ ने") == fold("एसएसआई ने")
    assert fold("आइए") != fold("आईए")  # only at the end of a word


def test_sentences_do_not_break_after_abbreviations():
    text = "डॉ. नीलेश देवरे ने कहा। भा.प्र.से. अधिकारी आए। रु. 500 मिले।\nदूसरा पैरा।"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["डॉ. नीलेश देवरे ने कहा।", "भा.प्र.से. अधिकारी आए।", "रु. 500 मिले।", "दूसरा पैरा।"]


@pytest.mark.parametrize("text,lang", [
    ("यह एक हिंदी वाक्य है।", "hi"),
    ("The District Magistrate inspected the hospital on Monday and ordered repairs.", "en"),
    ("12345 !!! ...", "und"),
    ("", "und"),
])
def test_language_id(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text,iso", [
    ("6 फरवरी, 2021", "2021-02-06"),
    ("6 फ़रवरी 2021", "2021-02-06"),
    ("फरवरी 6, 2021", "2021-02-06"),
    ("06.02.2021", "2021-02-06"),
    ("6th February 2021", "2021-02-06"),
    ("31 सितम्बर 2021", None),  # no such day
    ("5 मई", None),  # no year
    ("छह अप्रैल 2020", "2020-04-06"),  # a day in words
    ("तीन मई तक", None),  # a day in words before a case word
])
def test_dates(text, iso):
    norm = normalize(text).text
    (found,) = find_dates(norm)
    assert found.iso == iso


def test_a_day_in_words_needs_a_year_or_a_case_word_after_the_month():
    assert find_dates("छात्रों ने एक मार्च निकाला।") == []  # a march, not 1 March
    text = "दंपती एक मार्च को लौटे।"
    assert [text[d.start:d.end] for d in find_dates(text)] == ["एक मार्च"]


def test_contacts_forms():
    text = "फोन 0771-2221234, मो. 98765 43210, हेल्पलाइन नंबर 1075, ईमेल DM-Raipur@nic.in"
    found = {(m.kind, m.value) for m in find_contacts(text)}
    assert found == {("phone", "07712221234"), ("phone", "+919876543210"), ("phone", "1075"), ("email", "dm-raipur@nic.in")}


@pytest.mark.parametrize("text,expected", [
    ("कुल 9.5 फीसद मरीज", (9.5, "percent", None)),
    ("₹2.5 करोड़ की योजना", (25000000, "INR", None)),
    ("रु.500 का जुर्माना", (500, "INR", None)),
    ("Rs 14 lakh raised", (1400000, "INR", None)),
    ("डेढ़ लाख लोगों को राशन", (150000, "count", "लोगों")),
    ("१४ लाख मास्क बांटे", (1400000, "count", "मास्क")),
    ("35 किलोमीटर सड़क", (35, "km", None)),
])
def test_figures(pipeline, text, expected):
    record = pipeline(text)
    assert [(f.value, f.unit, f.of) for f in record.figures] == [expected]
    figure = record.figures[0]
    assert text[figure.start:figure.end] == figure.text


@pytest.mark.parametrize("text", ["सुबह 10 बजे बैठक", "धारा 144 लागू", "वर्ष 2020 में", "एक बैठक हुई", "19वीं शताब्दी"])
def test_labels_years_and_articles_are_not_figures(pipeline, text):
    assert pipeline(text).figures == []


@pytest.mark.parametrize("text, places", [
    ("नई दिल्ली, पीटीआइ । भारत में मामले बढ़े।", ["New Delhi"]),  # the agency spelled with इ
    ("देहरादून, राज्य ब्यूरो । सरकार ने एडवायजरी जारी की।", ["Dehradun"]),
    ("संवाद सहयोगी, पटौदी (गुरुग्राम): जिले में हॉटस्पॉट बने।", [None, "Gurugram"]),  # byline first
    ("जागरण संवाददाता, कानपुर : शहर में दुकानें खुलीं।", ["Kanpur Nagar"]),
])
def test_newspaper_datelines(pipeline, text, places):
    dateline = pipeline(text).dateline
    assert [p.name_en for p in dateline.places] == places
    for place in dateline.places:
        assert text[place.start:place.end] == place.name_hi

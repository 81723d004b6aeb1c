"""Hindi -> English terms at the public surface of nlp.terms."""
import csv

import pytest

from nlp.lexicons import data_path
from nlp.terms import translate_phrase, translate_term
from pipelines.english import organization_name

EVENTS = {
    "वेबिनार": "webinar", "तबादला": "transfer", "निरीक्षण": "inspection", "बैठक": "meeting",
    "शिकायत": "complaint", "समीक्षा बैठक": "review meeting", "गिरफ्तारी": "arrest",
    "टीकाकरण": "vaccination", "राहत": "relief", "सम्मान समारोह": "award ceremony",
    "निलंबन": "suspension", "जनसुनवाई": "public hearing", "छापा": "raid", "बरामद": "seized",
}
ORG_WORDS = {
    "विभाग": "department", "मंत्रालय": "ministry", "आयोग": "commission", "निगम": "corporation",
    "प्राधिकरण": "authority", "परिषद": "council", "बोर्ड": "board", "समिति": "committee",
    "संस्था": "institution", "पार्टी": "party",
}


@pytest.mark.parametrize("hindi, english", sorted({**EVENTS, **ORG_WORDS}.items()))
def test_listed_terms(hindi, english):
    assert translate_term(hindi) == english


@pytest.mark.parametrize("hindi, english", [
    ("जिला प्रशासन", "District Administration"),
    ("स्वास्थ्य विभाग", "Health Department"),
    ("नगर निगम", "Municipal Corporation"),
    ("लोक निर्माण विभाग", "Public Works Department"),
    ("महिला एवं बाल विकास विभाग", "Women and Child Development Department"),
    ("समीक्षा बैठक", "review meeting"),
])
def test_phrases_built_from_known_words(hindi, english):
    assert translate_phrase(hindi) == english


@pytest.mark.parametrize("hindi", ["जिला फलाना विभाग", "फलाना", "स्वास्थ्य विभाग का", ""])
def test_unknown_word_gives_none_not_a_guess(hindi):
    assert translate_phrase(hindi) is None


def test_unlisted_term_is_none():
    assert translate_term("फलाना") is None
    assert translate_term("स्वास्थ्य विभाग") is None  # a phrase, not a listed term


def test_spelling_variants_meet():
    assert translate_term("जन-सुनवाई".replace("-", " ")) == "public hearing"
    assert translate_phrase("स्वास्थ्य  विभाग") == "Health Department"
    assert translate_term("आपदा प्रबन्धन") == translate_term("आपदा प्रबंधन") == "disaster management"


def test_lexicon_rows_are_well_formed():
    with open(data_path("terms_hi_en.tsv"), encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert 300 <= len(rows) <= 5000
    for row in rows:
        assert row["hindi"].strip() and row["english"].strip(), row
        assert row["kind"] in {"event", "org-word", "office", "misc", "verb", "noun"}, row
        assert row["source"] in {"hand", "freedict-eng-hin"}, row


@pytest.mark.parametrize("hindi, english", [
    ("जीएसटी विभाग", "GST Department"),
    ("सीबीआई", "CBI"),
    ("आयकर विभाग", "Income Tax Department"),
    ("यूपी पुलिस", "UP Police"),
])
def test_organisation_names_keep_abbreviations_in_latin_capitals(hindi, english):
    assert organization_name(hindi) == english


@pytest.mark.parametrize("hindi, english", [
    ("सूरत महानगरपालिका", "Surat Municipal Corporation"),
    ("नासिक नगर निगम", "Nashik Municipal Corporation"),
])
def test_organisation_names_keep_listed_places(hindi, english):
    assert organization_name(hindi) == english


@pytest.mark.parametrize("hindi, english", [
    ("कतरास थाना", "Katras Police Station"),  # a proper name romanised before a known head
    ("उत्तर प्रदेश शासन", "Uttar Pradesh Government"),
    ("भारतीय चिकित्सा अनुसंधान संस्थान", "Indian Medical Research Institute"),
    ("विदेश मंत्रालय", "External Affairs Ministry"),
])
def test_organisation_names_word_by_word_when_the_head_is_known(hindi, english):
    assert organization_name(hindi) == english

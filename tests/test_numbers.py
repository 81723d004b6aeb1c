"""The number parser: laws (round trips) and the forms press releases use."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.numbers import format_indian, parse_digits, parse_number, parse_number_text, to_hindi_words

settings.register_profile("ci", derandomize=True, max_examples=300, deadline=None)
settings.load_profile("ci")


@given(st.integers(min_value=0, max_value=10**13 - 1))
def test_hindi_number_words_round_trip(n):
    assert parse_number_text(to_hindi_words(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_indian_grouping_round_trips(n):
    assert parse_digits(format_indian(n)) == n


@given(st.integers(min_value=1, max_value=99), st.sampled_from([("हजार", 10**3), ("हज़ार", 10**3), ("लाख", 10**5), ("करोड़", 10**7), ("अरब", 10**9)]))
def test_digits_or_words_with_a_scale_word(n, scale):
    word, factor = scale
    assert parse_number_text(f"{n} {word}") == n * factor
    assert parse_number_text(f"{to_hindi_words(n)} {word}") == n * factor


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_descending_scales_add_up(crore, lakh):
    assert parse_number_text(f"{crore} करोड़ {lakh} लाख") == crore * 10**7 + lakh * 10**5


@pytest.mark.parametrize("text,value", [
    ("1,40,000", 140000),
    ("14,00,000", 1400000),
    ("1,400,000", 1400000),
    ("2.5 करोड़", 25000000),
    ("चौदह", 14),
    ("ढाई", 2.5),
    ("डेढ़ लाख", 150000),
    ("साढ़े तीन", 3.5),
    ("साढ़े तीन करोड़", 35000000),
    ("सवा सौ", 125),
    ("पौने दो लाख", 175000),
    ("एक लाख बीस हजार", 120000),
    ("दो सौ पचास", 250),
    ("1.4 million", 1400000),
    ("5 lakh", 500000),
])
def test_known_forms(text, value):
    assert parse_number_text(text) == value


@pytest.mark.parametrize("text", ["5,6,7", "1,2", "लाख", "abc", ""])
def test_not_numbers(text):
    assert parse_number_text(text) is None


def test_two_numbers_side_by_side_are_not_one():
    assert parse_number("14 15".split()) == (14, 1)


@pytest.mark.parametrize("text, of", [
    ("पुलिस ने 5 देसी कट्टे और 20 जिंदा कारतूस बरामद किए।", ["देसी कट्टे", "जिंदा कारतूस"]),
    ("जिले में 120 मतदान केंद्र बनाए गए और 14 राहत शिविरों में लोग रह रहे हैं।", ["मतदान केंद्र", "राहत शिविरों"]),
    ("राज्य में 553 मामले सामने आए और 155 लोग ठीक हुए।", ["मामले", "लोग"]),  # a noun, then what is said of it
    ("14 लाख मास्क जिले भर में वितरित", ["मास्क"]),
    ("90 वर्षीय महिला की मौत", ["वर्षीय"]),
    ("लॉकडाउन तीन मई तक है और 20 दुकानें बंद रहीं।", ["दुकानें"]),  # a date in words is no figure
])
def test_the_counted_noun_phrase(pipeline, text, of):
    assert [f.of for f in pipeline(text).figures] == of

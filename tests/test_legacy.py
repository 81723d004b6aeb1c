"""Legacy-font (KrutiDev 010 / DevLys 010) detection and conversion to Unicode."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.legacy import (KRUTIDEV, WARNINGS, convert_legacy, detect_legacy_font, normalize_legacy,
                        to_krutidev)
from nlp.lexicons import read_tsv
from nlp.normalize import normalize

SETTINGS = settings(derandomize=True, max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Press-release paragraphs written for Vigyapti (not taken from any newspaper).
OWN_TEXT = """\
लखनऊ, 12 मार्च, 2021: उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने शुक्रवार को राज्य में 14 लाख रुपये की लागत से बने नए जिला अस्पताल का उद्घाटन किया। उन्होंने कहा कि सरकार हर जिले में स्वास्थ्य सेवाओं को मज़बूत करने के लिए प्रतिबद्ध है।
जिलाधिकारी श्री अभिषेक प्रकाश (भा.प्र.से.) ने बताया कि अस्पताल में 250 बिस्तर, आधुनिक प्रयोगशाला और आपातकालीन कक्ष की व्यवस्था की गई है। पुलिस अधीक्षक डॉ. अर्पणा गुप्ता ने सुरक्षा व्यवस्था की जानकारी दी।
रायपुर / बिलासपुर, 6 फरवरी: छत्तीसगढ़ के अतिरिक्त परिवहन आयुक्त दीपांशु काबरा ने कहा कि सड़क सुरक्षा माह के दौरान 3,500 वाहनों की जाँच की गई और 1,20,000 रुपये का जुर्माना वसूला गया।
राष्ट्रीय ग्रामीण आजीविका मिशन के अंतर्गत 45 प्रतिशत महिलाओं को प्रशिक्षण दिया जाएगा। कार्यक्रम में विधायक, ज़िला पंचायत अध्यक्ष और वरिष्ठ अधिकारी उपस्थित थे।
मुख्य चिकित्सा अधिकारी ने निर्देश दिए कि टीकाकरण केंद्रों पर भीड़ न होने दी जाए। शिकायत के लिए हेल्पलाइन नंबर 1075 पर संपर्क करें।
भारत सरकार के ग्रामीण विकास मंत्रालय ने प्रधानमंत्री आवास योजना की समीक्षा की। सचिव ने कहा: “सभी पात्र परिवारों को पक्का घर मिलेगा।”
कृषि विभाग ने किसानों को उन्नत बीज, खाद और कीटनाशक वितरित किए; साथ ही मृदा परीक्षण की सुविधा दी गई।
दुर्घटना में घायल व्यक्तियों को तत्काल चिकित्सा सहायता दी गई। अतः सभी नागरिकों से अनुरोध है कि वे यातायात नियमों का पालन करें।
श्रद्धांजलि सभा में वृद्धजनों, छात्रों और ग्रामवासियों ने भाग लिया। निःशुल्क स्वास्थ्य शिविर में दृष्टि परीक्षण भी हुआ।
पटना, १५ अगस्त। बिहार के राज्यपाल ने स्वतंत्रता दिवस पर ध्वजारोहण किया और शहीदों को श्रद्धांजलि दी। उन्होंने पर्यावरण संरक्षण, जल संरक्षण और स्वच्छता पर ज़ोर दिया।
ई-मेल dm-lko@nic.in पर या वेबसाइट https://lucknow.nic.in पर शिकायत दर्ज करें। कर्मों, धर्म, पूर्ण, सूर्य, आर्द्रता, उद्भव।
"""

# Typed by hand from the KrutiDev 010 keyboard layout.
HAND_TYPED = {
    "ubZ fnYyh": "नई दिल्ली",
    "Hkkjr ljdkj": "भारत सरकार",
    "dk;ZØe": "कार्यक्रम",  # reph after its cluster, Ø = क्र
    "funsZ'k": "निर्देश",  # short i before द, reph after दे
    "fLFkfr": "स्थिति",  # short i before a half letter + consonant
    "eq[;ea=h": "मुख्यमंत्री",  # = त्र
    "ftykf/kdkjh": "जिलाधिकारी",
    "iqfyl v/kh{kd": "पुलिस अधीक्षक",  # {k क्ष
    'jk"Vªh;': "राष्ट्रीय",
    "Jh jkds'k dqekj": "श्री राकेश कुमार",
    "mRrj izns'k": "उत्तर प्रदेश",  # iz प्र typed with the subscript-ra key
    "y[kuÅ": "लखनऊ",
    "14 yk[k #i;s": "14 लाख रुपये",  # # रु
    "'kfeZyk": "शर्मिला",  # reph after a short-i syllable
    "NÙkhlx<+": "छत्तीसगढ़",  # nukta key + after ढ
    "jk;iqj] 6 Qjojh 2021%": "रायपुर, 6 फरवरी 2021:",  # % after a digit is a colon
    "nq%[k": "दुःख",  # % inside a word is a visarga
    "vr% lHkh": "अतः सभी",
    "M‚- vferkHk": "डॉ. अमिताभ",
    "ftyk LokLF; lfefr": "जिला स्वास्थ्य समिति",
    "Hkkjrh; iz'kklfud lsok ¼vkbZ-,-,l-½": "भारतीय प्रशासनिक सेवा (आई.ए.एस.)",
    "deks±": "कर्मों",  # ± = reph + anusvara
    "fn~o": "द्वि",  # explicit halant inside a short-i cluster
    "bZ&esy% dm-lko@nic.in": "ई-मेल: dm-lko@nic.in",  # the address is not converted
    "osclkbV https://up.gov.in/hi] ij": "वेबसाइट https://up.gov.in/hi, पर",
    "K ;K Kku": "ज्ञ यज्ञ ज्ञान",
    "fo'o LokLF; laxBu": "विश्व स्वास्थ्य संगठन",
}


def covered(text: str) -> str:
    """The characters KrutiDev can type: Latin letters and a few symbols have no key."""
    return "".join(ch for ch in text if not (ch.isascii() and ch.isalpha()) and ch not in "%+&@_*'\"")


@pytest.mark.parametrize("legacy, expected", HAND_TYPED.items())
def test_hand_typed_krutidev_converts(legacy, expected):
    assert convert_legacy(legacy)[0] == expected


def test_own_press_release_round_trips_exactly():
    text = unicodedata.normalize("NFC", OWN_TEXT)
    legacy = to_krutidev(text)
    assert legacy != text and not any("\u0900" <= ch <= "\u097f" for ch in legacy)
    assert convert_legacy(legacy)[0] == text


def test_round_trip_character_accuracy_on_own_text_is_total():
    text = unicodedata.normalize("NFC", OWN_TEXT)
    back = convert_legacy(to_krutidev(text))[0]
    same = sum(a == b for a, b in zip(covered(text), covered(back)))
    assert len(covered(back)) == len(covered(text)) and same / len(covered(text)) == 1.0


def test_devlys_reads_with_the_krutidev_table():
    assert convert_legacy("ubZ fnYyh", font="DevLys 010")[0] == "नई दिल्ली"
    with pytest.raises(ValueError):
        convert_legacy("abc", font="chanakya-unknown")


# --- offsets ------------------------------------------------------------------

def _assert_spans_are_sound(text: str, out: str, spans: list[tuple[int, int]]) -> None:
    assert len(spans) == len(out)
    previous = (0, 0)
    covered_chars = set()
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start >= previous[0] and end >= previous[1]
        assert start >= previous[1] or (start, end) == previous  # pieces never overlap
        covered_chars.update(range(start, end))
        previous = (start, end)
    assert covered_chars == set(range(len(text)))


def test_spans_point_into_the_legacy_input():
    legacy = "14 yk[k #i;s dh ;kstuk"
    out, spans = convert_legacy(legacy)
    assert out == "14 लाख रुपये की योजना"
    _assert_spans_are_sound(legacy, out, spans)
    at = out.index("रुपये")
    assert legacy[spans[at][0]:spans[at + len("रुपये") - 1][1]] == "#i;s"


def test_reordered_syllables_share_one_span():
    out, spans = convert_legacy("fnYyh dk;Z")
    assert out == "दिल्ली कार्य"
    assert spans[0] == spans[1] == (0, 2)  # द and ि both come from "fn"
    assert set(spans[out.index("र्य"):out.index("र्य") + 3]) == {(8, 10)}  # र्य from ";Z"


@SETTINGS
@given(st.text(max_size=60))
def test_any_text_converts_with_sound_spans_and_nfc_output(text):
    out, spans = convert_legacy(text)
    _assert_spans_are_sound(text, out, spans)
    assert unicodedata.is_normalized("NFC", out)


KRUTIDEV_KEYS = sorted({row["legacy"] for row in read_tsv("krutidev.tsv")} | set(" 0123456789\n"))


@SETTINGS
@given(st.lists(st.sampled_from(KRUTIDEV_KEYS), max_size=40).map("".join))
def test_any_key_sequence_converts_with_sound_spans(text):
    out, spans = convert_legacy(text)
    _assert_spans_are_sound(text, out, spans)
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_legacy_maps_clean_text_to_the_users_text():
    legacy = "ubZ fnYyh] 6 Qjojh 2021% 14 yk[k #i;s"
    source = normalize_legacy(legacy)
    assert source.original == legacy
    assert source.text == normalize(convert_legacy(legacy)[0]).text
    at = source.text.index("14 लाख रुपये")
    assert source.original_text(at, at + len("14 लाख रुपये")) == "14 yk[k #i;s"
    at = source.text.index("दिल्ली")
    assert source.original_text(at, at + len("दिल्ली")) == "fnYyh"
    assert list(source.starts) == sorted(source.starts)


# --- Unicode -> KrutiDev -> Unicode as a law ------------------------------------

CONSONANTS = list("कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह")
SIGNS = ["", "ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ृ"]
NASALS = ["", "ं", "ँ"]


@st.composite
def hindi_syllables(draw):
    halves = draw(st.lists(st.sampled_from(CONSONANTS), max_size=2))
    consonant = draw(st.sampled_from(CONSONANTS))
    nukta = "़" if consonant in "डढजफक" and draw(st.booleans()) else ""
    reph = "र्" if draw(st.booleans()) and consonant != "र" and not halves else ""
    sign = draw(st.sampled_from(SIGNS))
    nasal = draw(st.sampled_from(NASALS)) if sign not in ("ि", "ी", "े", "ै", "ो", "ौ") else ""
    return reph + "".join(h + "्" for h in halves) + consonant + nukta + sign + nasal


@st.composite
def hindi_words(draw):
    first = draw(st.sampled_from(["", "अ", "आ", "इ", "ई", "उ", "ऊ", "ए", "ऐ", "ओ", "औ"]))
    return first + "".join(draw(st.lists(hindi_syllables(), min_size=1, max_size=4)))


@SETTINGS
@given(st.lists(hindi_words(), min_size=1, max_size=6).map(" ".join))
def test_unicode_to_krutidev_and_back_is_identity(text):
    text = unicodedata.normalize("NFC", text)
    assert convert_legacy(to_krutidev(text))[0] == text


# --- detection ----------------------------------------------------------------

ENGLISH = [
    "The District Magistrate said that the meeting on road safety was held on Monday at the collectorate.",
    "Applications can be submitted online at https://example.gov.in before 15 March 2021.",
    "For details write to dm-lko@nic.in or call the helpline 1075.",
    "Dr. Mr. St. km kg PTI IANS IAS IPS DM SP CMO SDM BDO NCC COVID-19 WHO ICMR",
    "Lockdown: work from home, think about the task, thank the bank, ask for help; back to work.",
    "def main(argv): return parse(argv)[0] if argv else None  # Python code",
]
ROMANISED = [
    "Mukhyamantri ne kaha ki sarkar har jile mein swasthya sevaon ko mazboot karegi",
    "Nai Dilli mein aaj Pradhanmantri Awas Yojana ki samiksha baithak hui",
    "Zila adhikari Shri Abhishek Prakash ne bataya ki aspatal mein 250 bistar hain",
    "sankramit logon ki sankhya badhkar 45 ho gayi, sankraman rokne ke liye sakhti",
]
LINKS = [
    "https://www.example.com/path/to/page?x=1&y=2 http://up.gov.in www.nic.in",
    "dm-lko@nic.in, sp.raipur@cg.gov.in; ceo_up@gmail.com info@pib.gov.in",
]


def test_detects_krutidev_text():
    assert detect_legacy_font(to_krutidev(OWN_TEXT)) == KRUTIDEV
    assert detect_legacy_font("ubZ fnYyh] 6 Qjojh 2021% eq[;ea=h us dgk fd ljdkj izfrc) gSA") == KRUTIDEV
    for paragraph in OWN_TEXT.splitlines():
        assert detect_legacy_font(to_krutidev(paragraph)) == KRUTIDEV


@pytest.mark.parametrize("text", ENGLISH + ROMANISED + LINKS + [OWN_TEXT, "", "ubZ", "123 456", "!!!"])
def test_does_not_fire_on_english_romanised_links_or_unicode(text):
    assert detect_legacy_font(text) is None


def test_does_not_fire_on_standard_romanisations_of_own_text():
    from indic_transliteration import sanscript

    for scheme in (sanscript.ITRANS, sanscript.HK, sanscript.IAST, sanscript.OPTITRANS):
        romanised = sanscript.transliterate(OWN_TEXT, sanscript.DEVANAGARI, scheme)
        assert detect_legacy_font(romanised) is None, scheme


ENGLISH_WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at which "
                 "but have an they you were her she there been one all we their has would when who will more "
                 "district magistrate police officer meeting said road safety health hospital collector "
                 "government scheme crore lakh rupees village work think bank thank ask back black desk "
                 "Monday March report order state minister chief secretary press release office").split()
ROMAN_WORDS = ("mukhyamantri ne kaha ki sarkar har jile mein swasthya sevaon ko mazboot karegi nai dilli "
               "aaj pradhanmantri awas yojana samiksha baithak hui zila adhikari shri bataya aspatal bistar "
               "hain sankhya sankraman lakh rupaye karod pankaj ankit sankat dekh khan thana pulis").split()


@SETTINGS
@given(st.lists(st.sampled_from(ENGLISH_WORDS), min_size=3, max_size=40).map(" ".join))
def test_never_fires_on_english_words(text):
    assert detect_legacy_font(text) is None


@SETTINGS
@given(st.lists(st.sampled_from(ROMAN_WORDS), min_size=3, max_size=40).map(" ".join))
def test_never_fires_on_romanised_hindi_words(text):
    assert detect_legacy_font(text) is None


@SETTINGS
@given(st.text(max_size=200))
def test_detection_never_crashes(text):
    assert detect_legacy_font(text) in (None, KRUTIDEV)


def test_warning_text_for_the_record():
    assert WARNINGS[KRUTIDEV] == "converted from KrutiDev legacy font encoding"


# --- the table ----------------------------------------------------------------

def test_table_kinds_match_their_unicode():
    for row in read_tsv("krutidev.tsv"):
        uni, kind = unicodedata.normalize("NFC", row["unicode"]), row["kind"]
        if kind == "half":
            assert uni.endswith("\u094d"), row
        elif kind == "consonant":
            assert "\u0915" <= uni[0] <= "\u0939" and not uni.endswith("\u094d"), row
        elif kind == "sign":
            assert all("\u0900" <= ch <= "\u0903" or "\u093e" <= ch <= "\u094c" for ch in uni), row


def test_every_written_sequence_reads_back():
    for row in read_tsv("krutidev.tsv"):
        if row["direction"] == "both" and row["kind"] in ("vowel", "consonant", "half", "other"):
            uni = unicodedata.normalize("NFC", row["unicode"])
            assert convert_legacy(to_krutidev(uni))[0] == uni, row


def test_a_release_typed_in_krutidev_gives_the_unicode_record_with_a_warning(pipeline, sample_text):
    from nlp.legacy import to_krutidev

    legacy = to_krutidev(sample_text)
    record = pipeline(legacy)
    assert any("KrutiDev" in w for w in record.warnings)
    assert record.dateline.date == "2021-02-06"
    assert {o.name_en for o in record.officers if o.name_hi} == {
        "Dipanshu Kabra", "Nilesh Deore", "Prem Prakash Meena", "Santosh Singh", "Ankita Sharma"}
    assert ("14 लाख मास्क", 1400000) in {(f.text, f.value) for f in record.figures}
    for figure in record.figures:  # offsets point into the KrutiDev input the user gave
        assert 0 <= figure.start < figure.end <= len(legacy)

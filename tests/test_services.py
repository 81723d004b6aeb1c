"""find_services: every written form of a service, as a whole word only."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.lexicons import read_tsv
from nlp.normalize import normalize
from nlp.services import find_services


def codes(text: str) -> list[tuple[str, str]]:
    clean = normalize(text).text
    return [(clean[m.start:m.end], m.code) for m in find_services(clean)]


@pytest.mark.parametrize(
    "form, code",
    [
        ("आईएएस", "IAS"), ("आई.ए.एस.", "IAS"), ("आई. ए. एस.", "IAS"), ("आई ए एस", "IAS"), ("आइएएस", "IAS"),
        ("भा.प्र.से.", "IAS"), ("भारतीय प्रशासनिक सेवा", "IAS"), ("IAS", "IAS"), ("I.A.S.", "IAS"), ("ias", "IAS"),
        ("आईपीएस", "IPS"), ("आइपीएस", "IPS"), ("भा.पु.से.", "IPS"), ("भारतीय पुलिस सेवा", "IPS"), ("I.P.S.", "IPS"),
        ("भारतीय विदेश सेवा", "IFS"), ("आईएफओएस", "IFoS"), ("भारतीय वन सेवा", "IFoS"), ("IFoS", "IFoS"),
        ("आईआरएस", "IRS"), ("आईआरटीएस", "IRTS"), ("आईए एंड एएस", "IA&AS"), ("IA&AS", "IA&AS"),
        ("आईआरएएस", "IRAS"), ("आईपीओएस", "IPoS"), ("आईडीएएस", "IDAS"), ("आईसीएएस", "ICAS"), ("आईआरपीएस", "IRPS"),
        ("पीसीएस", "PCS"), ("पी.सी.एस.", "PCS"), ("प्रांतीय सिविल सेवा", "PCS"), ("PCS", "PCS"), ("यूपीपीसीएस", "PCS"),
        ("पीपीएस", "PPS"), ("आरएएस", "RAS"), ("राजस्थान प्रशासनिक सेवा", "RAS"), ("आरपीएस", "RPS"),
        ("एचसीएस", "HCS"), ("एचपीएस", "HPS"), ("बिहार प्रशासनिक सेवा", "BAS"), ("एचएएस", "HAS"), ("HAS", "HAS"),
        ("एचपीएएस", "HPAS"),
        ("राज्य प्रशासनिक सेवा", "SAS"), ("बीपीएससी", "BPSC"), ("एमपीपीएससी", "MPPSC"), ("सीजीपीएससी", "CGPSC"),
    ],
)
def test_each_spelling_gives_its_code(form, code):
    assert codes(f"श्री राम, {form} अधिकारी, ने कहा।") == [(normalize(form).text, code)]


def test_the_sample_release_services():
    text = "दीपांशु काबरा, वरिष्ठ आईपीएस अधिकारी और डॉ. नीलेश देवरे, आईएएस और जिला मजिस्ट्रेट"
    assert [c for _, c in codes(text)] == ["IPS", "IAS"]


@pytest.mark.parametrize(
    "text",
    ["ias@nic.in पर लिखें", "rahul.ias@gmail.com", "www.ias.nic.in", "सेवा@आईएएस.भारत", "आईएएसों की बैठक",
     "गैर-आईएएस अधिकारी", "Biased view", "10 pcs of soap", "ifs and buts", "IPOs rose", "PCSX"],
)
def test_no_hit_inside_an_address_or_another_word(text):
    assert codes(text) == []


def test_ifs_is_foreign_unless_forests_are_spoken_of():
    assert codes("आईएफएस अधिकारी दूतावास में तैनात हैं।") == [("आईएफएस", "IFS")]
    assert codes("आईएफएस अधिकारी, वन विभाग में डीएफओ हैं।") == [("आईएफएस", "IFoS")]
    # no cue in the sentence: the text as a whole decides
    assert codes("प्रशिक्षु आईएफएस संक्रमित। इंदिरा गांधी राष्ट्रीय वन अकादमी बंद।") == [("आईएफएस", "IFoS")]
    assert codes("IFS officer") == [("IFS", "IFS")]


def test_commissions_are_told_apart_from_services():
    clean = normalize("बीपीएससी की परीक्षा").text
    assert [(m.code, m.kind) for m in find_services(clean)] == [("BPSC", "commission")]


def test_longest_form_wins():
    assert codes("आईआरएसई अधिकारी") == [("आईआरएसई", "IRSE")]


_ABBREVIATIONS = [r for r in read_tsv("services.tsv") if r["kind"] == "abbr" and not r["form"].isascii()]
_DEVANAGARI_LETTERS = st.text(alphabet="कखगचजटडतदनपबमयरलवसह", min_size=1, max_size=3)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(row=st.sampled_from(_ABBREVIATIONS), left=_DEVANAGARI_LETTERS, right=_DEVANAGARI_LETTERS)
def test_law_an_abbreviation_glued_into_a_word_is_no_service(row, left, right):
    joined = row["form"].replace(".", "")
    assert codes(left + joined + right) == []
    assert [c for _, c in codes(f"{left} {joined} {right}")] == [row["code"]]

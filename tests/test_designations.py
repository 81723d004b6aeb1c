"""find_posts / translate_post: the designation grammar and its English titles."""
from functools import lru_cache

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nlp.designations import find_posts, translate_post
from nlp.lexicons import read_tsv
from nlp.normalize import normalize
from nlp.tokenize import blank_hindi


@lru_cache(maxsize=None)
def _nlp():
    return blank_hindi()


def posts(text: str):
    clean = normalize(text).text
    return [(clean[p.start:p.end], p.title_en, p.former) for p in find_posts(_nlp()(clean))]


@pytest.mark.parametrize(
    "title_hi, title_en",
    [
        ("अतिरिक्त परिवहन आयुक्त", "Additional Transport Commissioner"),
        ("संयुक्त मजिस्ट्रेट", "Joint Magistrate"),
        ("सहायक पुलिस अधीक्षक", "Assistant Superintendent of Police"),
        ("पुलिस अधीक्षक", "Superintendent of Police"),
        ("अपर मुख्य सचिव", "Additional Chief Secretary"),
        ("मुख्य चिकित्सा अधिकारी", "Chief Medical Officer"),
        ("प्रभारी निरीक्षक", "Inspector-in-charge"),
        ("वरिष्ठ पुलिस अधीक्षक", "Senior Superintendent of Police"),
        ("जिलाधिकारी", "District Magistrate"), ("जिला अधिकारी", "District Magistrate"),
        ("जिला मजिस्ट्रेट", "District Magistrate"),
        ("जिला कलेक्टर", "Collector"), ("कलेक्टर", "Collector"), ("जिलाधीश", "Collector"),
        ("मुख्य सचिव", "Chief Secretary"), ("मुख्यमंत्री", "Chief Minister"), ("उपमुख्यमंत्री", "Deputy Chief Minister"),
        ("थानाध्यक्ष", "Station House Officer"), ("थाना प्रभारी", "Station House Officer"),
        ("पुलिस महानिदेशक", "Director General of Police"), ("महानिदेशक", "Director General"),
        ("महानिरीक्षक", "Inspector General"), ("उपमहानिरीक्षक", "Deputy Inspector General"),
        ("पुलिस उप महानिरीक्षक", "Deputy Inspector General of Police"),
        ("मंडलायुक्त", "Divisional Commissioner"), ("संभागायुक्त", "Divisional Commissioner"),
        ("नगर आयुक्त", "Municipal Commissioner"), ("सिविल सर्जन", "Civil Surgeon"),
        ("मेयर", "Mayor"), ("महापौर", "Mayor"), ("विधायक", "Member of Legislative Assembly"), ("सांसद", "Member of Parliament"),
        ("तहसीलदार", "Tehsildar"), ("नायब तहसीलदार", "Naib Tehsildar"), ("प्रधानाचार्य", "Principal"),
        ("मजिस्ट्रेट", "Magistrate"), ("दंडाधिकारी", "Magistrate"), ("अधीक्षक", "Superintendent"),
        ("निदेशक", "Director"), ("निरीक्षक", "Inspector"), ("मंत्री", "Minister"), ("अध्यक्ष", "Chairman"),
        ("सदस्य सचिव", "Member Secretary"),
        ("स्वास्थ्य मंत्री", "Minister of Health"), ("कैबिनेट मंत्री", "Cabinet Minister"),
        ("केंद्रीय गृह मंत्री", "Union Minister of Home Affairs"), ("गृहमंत्री", "Minister of Home Affairs"),
        ("वित्त राज्य मंत्री", "Minister of State for Finance"),
        ("अपर जिलाधिकारी (वित्त एवं राजस्व)", "Additional District Magistrate (Finance and Revenue)"),
        ("उप-जिलाधिकारी", "Sub-Divisional Magistrate"), ("प्रमुख सचिव स्वास्थ्य", "Principal Secretary, Health"),
        ("मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी", "Chief Medical and Health Officer"),
        ("जिला बेसिक शिक्षा अधिकारी", "District Basic Education Officer"),
        ("खंड विकास अधिकारी", "Block Development Officer"), ("उप सचिव", "Deputy Secretary"), ("अवर सचिव", "Under Secretary"),
        ("प्रधान मुख्य वन संरक्षक", "Principal Chief Conservator of Forests"),
        ("नोडल अधिकारी", "Nodal Officer"), ("कृषि निदेशक", "Director of Agriculture"),
        # heads, modifiers and domains of state and health-department usage
        ("अपर समाहर्ता", "Additional Collector"), ("उप संचालक", "Deputy Director"), ("अपर संचालक", "Additional Director"),
        ("मुख्य कार्याधिकारी", "Chief Executive Officer"), ("मुख्य कार्यपालन अधिकारी", "Chief Executive Officer"),
        ("वरीय पुलिस अधीक्षक", "Senior Superintendent of Police"), ("सहायक समादेष्टा", "Assistant Commandant"),
        ("कमांडेंट", "Commandant"), ("संयुक्त शासन सचिव", "Joint Secretary"), ("प्रमुख शासन सचिव", "Principal Secretary"),
        ("आयुक्त सचिव", "Commissioner-Secretary"), ("मनपा आयुक्त", "Municipal Commissioner"),
        ("नगर निगम कमिश्नर", "Municipal Commissioner"), ("अनुमंडल पुलिस पदाधिकारी", "Sub-Divisional Police Officer"),
        ("जिला मलेरिया अधिकारी", "District Malaria Officer"), ("जिला क्षय रोग अधिकारी", "District Tuberculosis Officer"),
        ("जिला प्रतिरक्षण अधिकारी", "District Immunisation Officer"), ("जिला महामारी विज्ञानी", "District Epidemiologist"),
        ("जिला पंचायत राज अधिकारी", "District Panchayat Raj Officer"), ("जिला कार्यक्रम अधिकारी", "District Programme Officer"),
        ("क्षेत्रीय पासपोर्ट अधिकारी", "Regional Passport Officer"), ("सामान्य पर्यवेक्षक", "General Observer"),
        ("व्यय पर्यवेक्षक", "Expenditure Observer"),
        ("प्रधान मुख्य आयकर आयुक्त", "Principal Chief Commissioner of Income Tax"),
        ("संयुक्त निदेशक कृषि", "Joint Director, Agriculture"),
        # ministers read "Minister of X" (the domain's English after "of" where it differs: गृह -> Home Affairs)
        ("जल संसाधन मंत्री", "Minister of Water Resources"), ("खेल एवं युवा मामले मंत्री", "Minister of Sports and Youth Affairs"),
        ("राजस्व एवं आपदा प्रबंधन मंत्री", "Minister of Revenue and Disaster Management"), ("गृह सचिव", "Home Secretary"),
        ("गृह राज्य मंत्री", "Minister of State for Home Affairs"), ("रेल मंत्री", "Minister of Railways"),
        # fields in brackets: listed ones and domains
        ("पुलिस अधीक्षक (रेल)", "Superintendent of Police (Railways)"),
        ("अपर पुलिस अधीक्षक (अभियान)", "Additional Superintendent of Police (Operations)"),
        ("अतिरिक्त जिला कलेक्टर (प्रथम)", "Additional District Collector (I)"),
        ("अतिरिक्त उपायुक्त (आपदा प्रबंधन)", "Additional Deputy Commissioner (Disaster Management)"),
        ("जिला कार्यक्रम अधिकारी (महिला एवं बाल विकास)", "District Programme Officer (Women and Child Development)"),
        ("जिला निर्वाचन अधिकारी (नगरपालिका)", "District Election Officer (Municipal)"),
        ("संयुक्त निदेशक कृषि (विस्तार)", "Joint Director, Agriculture (Extension)"),
        ("डीसीपी (डिटेक्टिव)", "Deputy Commissioner of Police (Detective)"),
        # the body a post sits in, after a comma
        ("मुख्य कार्यकारी अधिकारी, जिला परिषद", "Chief Executive Officer, Zilla Parishad"),
        ("पुलिस उप-महानिरीक्षक, आर्थिक अपराध इकाई", "Deputy Inspector General of Police, Economic Offences Unit"),
        ("समादेष्टा, बिहार सैन्य पुलिस-5", "Commandant, Bihar Military Police-5"),
        # a dotted short form
        ("अति. पुलिस अधीक्षक", "Additional Superintendent of Police"),
    ],
)
def test_titles_compose_to_their_english(title_hi, title_en):
    assert translate_post(title_hi) == title_en
    assert posts(f"श्री राम, {title_hi}, ने कहा।") == [(normalize(title_hi).text, title_en, False)]


@pytest.mark.parametrize(
    "abbr, title_en",
    [("डीएम", "District Magistrate"), ("एसपी", "Superintendent of Police"), ("एसएसपी", "Senior Superintendent of Police"),
     ("एसडीएम", "Sub-Divisional Magistrate"), ("सीडीओ", "Chief Development Officer"), ("सीएमओ", "Chief Medical Officer"),
     ("डीजीपी", "Director General of Police"), ("बीडीओ", "Block Development Officer"),
     ("एडीएम", "Additional District Magistrate"), ("डीआईजी", "Deputy Inspector General of Police"),
     ("आईजी", "Inspector General of Police"), ("एडीजी", "Additional Director General of Police"),
     ("एसएचओ", "Station House Officer"), ("सीओ", "Circle Officer"), ("एसीपी", "Assistant Commissioner of Police"),
     ("डीसीपी", "Deputy Commissioner of Police"), ("एएसपी", "Additional Superintendent of Police"),
     ("सहायक एसपी", "Assistant Superintendent of Police"), ("एसडीओ", "Sub-Divisional Officer"),
     ("DM", "District Magistrate"), ("SP", "Superintendent of Police"), ("SSP", "Senior Superintendent of Police"),
     ("एसपी सिटी", "Superintendent of Police (City)"), ("डिप्टी सीएम", "Deputy Chief Minister")],
)
def test_newsroom_abbreviations(abbr, title_en):
    assert translate_post(abbr) == title_en


def test_latin_abbreviations_keep_their_case():
    assert translate_post("dm") is None
    assert posts("the sp of the dm") == []


def test_longest_match_wins():
    assert posts("वरिष्ठ पुलिस अधीक्षक ने कहा") == [("वरिष्ठ पुलिस अधीक्षक", "Senior Superintendent of Police", False)]
    assert posts("अपर मुख्य चिकित्सा अधिकारी ने") == [("अपर मुख्य चिकित्सा अधिकारी", "Additional Chief Medical Officer", False)]


_STANDALONE = {r["hi"] for r in read_tsv("post_titles.tsv") + read_tsv("post_heads.tsv")}  # प्रिंसिपल is both


@pytest.mark.parametrize("row", [r for r in read_tsv("post_modifiers.tsv") if r["hi"] not in _STANDALONE],
                         ids=lambda r: r["hi"])
def test_a_modifier_alone_is_never_a_post(row):
    assert translate_post(row["hi"]) is None
    assert posts(f"यह {row['hi']} बात है") == []


@pytest.mark.parametrize("text", ["वरिष्ठ अधिकारी ने कहा", "अधिकारी ने कहा", "पुलिस ने कहा", "विकास हुआ",
                                  "आईपीएस अधिकारी", "मुख्य अतिथि", "राज्य सरकार"])
def test_no_post_without_a_head_that_can_stand(text):
    assert posts(text) == []


def test_a_short_form_matches_only_with_its_dot():
    assert posts("अति पुलिस अधीक्षक") == [("पुलिस अधीक्षक", "Superintendent of Police", False)]
    assert posts("अति. पुलिस अधीक्षक ने") == [("अति. पुलिस अधीक्षक", "Additional Superintendent of Police", False)]


def test_a_department_after_a_comma_is_not_part_of_the_post_but_a_field_between_commas_is():
    assert posts("सचिव, पर्यटन विभाग को") == [("सचिव", "Secretary", False)]  # the employer: an organisation
    assert posts("श्री राम, निदेशक, समाज कल्याण, लखनऊ") == [("निदेशक, समाज कल्याण", "Director, Social Welfare", False)]
    assert posts("निदेशक, समाज कल्याण को") == [("निदेशक", "Director", False)]


def test_a_body_must_end_where_the_post_ends():
    # the genitive makes the unit the owner of something else; a post after the comma is a post of its own
    assert posts("डीएम, आर्थिक अपराध इकाई के अधिकारी") == [("डीएम", "District Magistrate", False)]
    assert [t for _, t, _ in posts("जिलाधिकारी, पुलिस अधीक्षक और सीएमओ")] == [
        "District Magistrate", "Superintendent of Police", "Chief Medical Officer"]


def test_former_holder_is_flagged_and_left_out_of_the_title():
    assert posts("पूर्व मुख्यमंत्री अखिलेश यादव") == [("मुख्यमंत्री", "Chief Minister", True)]
    assert posts("तत्कालीन डीएम ने") == [("डीएम", "District Magistrate", True)]
    assert translate_post("पूर्व मुख्यमंत्री") == "Chief Minister"


def test_posts_in_the_sample_release_sentences():
    found = posts("दीपांशु काबरा, वरिष्ठ आईपीएस अधिकारी और अतिरिक्त परिवहन आयुक्त, छत्तीसगढ़ ने कहा। "
                  "बस्ती के संयुक्त मजिस्ट्रेट के रूप में। संतोष सिंह, आईपीएस अधिकारी और एसपी, रायगढ़")
    assert [t for _, t, _ in found] == ["Additional Transport Commissioner", "Joint Magistrate", "Superintendent of Police"]


def test_translate_post_rejects_what_is_not_one_post():
    assert translate_post("डीएम और एसपी") is None
    assert translate_post("मुख्यमंत्री योगी") is None
    assert translate_post("") is None


@pytest.mark.parametrize("row", read_tsv("post_titles.tsv"), ids=lambda r: r["hi"])
def test_every_listed_title_reads_as_listed(row):
    assert translate_post(row["hi"]) == row["en"]


_RANKS = [r for r in read_tsv("post_modifiers.tsv") if r["kind"] == "rank" and r["specifies"] == "yes"]
_HEADS = [r for r in read_tsv("post_heads.tsv") if r["generic"] == "no" and " " not in r["hi"]]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(mod=st.sampled_from(_RANKS), head=st.sampled_from(_HEADS))
def test_law_a_rank_modifier_is_prefixed_to_the_english(mod, head):
    phrase = f"{mod['hi']} {head['hi']}"
    assume(phrase not in _STANDALONE)  # a listed title wins: उप निरीक्षक is a Sub-Inspector
    title = translate_post(phrase)
    assert title is not None and title.startswith(mod["en"] + " ")

"""Officers, services, posts and places on the user's sample and on small releases (issue 3)."""
import pytest
from spacy.language import Language

EXPECTED_OFFICERS = {
    # name_en: (service, [(title_en, district_en, state_en, current)])
    "Dipanshu Kabra": ("IPS", [("Additional Transport Commissioner", None, "Chhattisgarh", True)]),
    "Nilesh Deore": ("IAS", [("District Magistrate", "Saran", "Bihar", True)]),
    "Prem Prakash Meena": ("IAS", [("Joint Magistrate", "Hathras", "Uttar Pradesh", True),
                                   ("Joint Magistrate", "Basti", "Uttar Pradesh", False)]),
    "Santosh Singh": ("IPS", [("Superintendent of Police", "Raigarh", "Chhattisgarh", True)]),
    "Ankita Sharma": ("IPS", [("Assistant Superintendent of Police", "Raipur", "Chhattisgarh", True)]),
}


def named(officers):
    return {o.name_en: o for o in officers if o.name_hi}


def test_sample_officers_are_exactly_the_five(sample_record):
    assert set(named(sample_record.officers)) == set(EXPECTED_OFFICERS)


@pytest.mark.parametrize("name", sorted(EXPECTED_OFFICERS))
def test_sample_officer_service_posts_and_places(sample_record, name):
    officer = named(sample_record.officers)[name]
    service, posts = EXPECTED_OFFICERS[name]
    assert officer.service == service
    got = {(p.title_en, p.district_en, p.state_en, p.current) for p in officer.posts}
    assert got == set(posts)


def test_sample_honorific_and_mentions(sample_record, sample_text):
    officers = named(sample_record.officers)
    assert officers["Nilesh Deore"].honorific == "डॉ."
    meena = officers["Prem Prakash Meena"]
    mentioned = [sample_text[m.start:m.end] for m in meena.mentions]
    assert mentioned[0] == "प्रेम प्रकाश मीणा"
    assert "मीना" in mentioned and mentioned.count("मीणा") >= 2  # surname-only mentions and a spelling variant
    for officer in sample_record.officers:
        for m in officer.mentions:
            assert sample_text[m.start:m.end] == m.text
        for p in officer.posts:
            assert sample_text[p.start:p.end] == p.title_hi


def test_sample_people_are_not_officers(sample_record):
    people = {p.name_en for p in sample_record.people}
    assert {"Navneet Anand", "Pratik Dattani", "Sweta Bharti"} <= people
    assert not people & set(EXPECTED_OFFICERS)


def test_sample_quote_and_figures_attributed(sample_record, sample_text):
    officers = named(sample_record.officers)
    santosh = officers["Santosh Singh"]
    assert santosh.quotes and "सोशल मीडिया" in santosh.quotes[0].text
    meena = officers["Prem Prakash Meena"]
    assert any(sample_record.figures[i].unit == "INR" for i in meena.figures)
    masks = [i for i, f in enumerate(sample_record.figures) if f.of == "मास्क"]
    assert masks and masks[0] in santosh.figures


def test_sample_places(sample_record):
    places = {(p.name_en, p.type) for p in sample_record.places}
    assert {("Saran", "district"), ("Raigarh", "district"), ("Hathras", "district"), ("Chhattisgarh", "state"),
            ("Bihar", "state"), ("Uttar Pradesh", "state")} <= places


@pytest.mark.parametrize("text,name_en,service,title_en,district_en,state_en", [
    ("गोरखपुर, 3 मार्च। जिलाधिकारी श्री राजेश कुमार सिंह ने बुधवार को अस्पताल का निरीक्षण किया।",
     "Rajesh Kumar Singh", None, "District Magistrate", None, None),
    ("बैठक में श्रीमती सुनीता वर्मा (आईएएस), मुख्य विकास अधिकारी, सीतापुर ने योजनाओं की जानकारी दी।",
     "Sunita Verma", "IAS", "Chief Development Officer", "Sitapur", "Uttar Pradesh"),
    ("कोरबा जिले के पुलिस अधीक्षक अभिषेक मीणा ने बताया कि आरोपी गिरफ्तार कर लिया गया है।",
     "Abhishek Meena", None, "Superintendent of Police", "Korba", "Chhattisgarh"),
])
def test_small_releases(pipeline, text, name_en, service, title_en, district_en, state_en):
    record = pipeline(text)
    officers = named(record.officers)
    assert name_en in officers, [o.name_en for o in record.officers]
    officer = officers[name_en]
    assert officer.service == service
    post = officer.posts[0]
    assert post.title_en == title_en
    if district_en:
        assert post.district_en == district_en
    if state_en:
        assert post.state_en == state_en


def test_unnamed_post_holder_is_an_unnamed_officer(pipeline):
    record = pipeline("पटना। जिलाधिकारी ने सभी अधिकारियों को समय पर कार्यालय आने का निर्देश दिया।")
    unnamed = [o for o in record.officers if o.name_hi is None]
    assert [o.posts[0].title_en for o in unnamed] == ["District Magistrate"]


def test_the_ner_switch_adds_the_model_without_changing_the_sample_officers(ner_pipeline, sample_text):
    assert "vigyapti_ner" in ner_pipeline.nlp.pipe_names
    doc = ner_pipeline.process(sample_text)
    assert any(label == "PER" for _, _, label in doc._.ner_spans)
    assert set(named(doc._.record.officers)) == set(EXPECTED_OFFICERS)


@Language.factory("test_fixed_person_span", default_config={"span": ""})
def _fixed_person_span(nlp, name: str, span: str):
    """Stands in for a NER model that tags `span` as a person where it first occurs."""
    def tag(doc):
        start = doc.text.index(span)
        doc._.ner_spans = [(start, start + len(span), "PER")]
        return doc
    return tag


def people_with_a_model_span(text: str, span: str) -> list[tuple]:
    from pipelines import Pipeline

    pipeline = Pipeline()
    pipeline.nlp.add_pipe("test_fixed_person_span", config={"span": span}, before="vigyapti_people")
    record = pipeline(text)
    return [(p.name_hi, p.honorific) for p in record.officers + record.people]


def test_a_model_name_span_leaves_its_honorific_out_of_the_name():
    text = "पटना। बैठक में श्री राकेश कुमार त्रिपाठी भी शामिल हुए।"
    assert people_with_a_model_span(text, "श्री राकेश कुमार त्रिपाठी") == [("राकेश कुमार त्रिपाठी", "श्री")]


@pytest.mark.parametrize("text, span", [
    ("पटना। तस्कर राजू को पकड़ा गया।", "तस्कर राजू"),  # a word that is never part of a name
    ("पटना। पुलिस ने हेरोइन बरामद की।", "हेरोइन"),  # one word that is no known name part
    ("पटना। इंदिरा गांधी शासकीय मेडिकल कॉलेज में बैठक हुई।", "इंदिरा गांधी"),  # named after her
])
def test_a_model_name_span_that_is_no_name_is_no_person(text, span):
    assert people_with_a_model_span(text, span) == []


def test_a_national_ministers_post_takes_no_state_from_the_story(pipeline):
    record = pipeline("मेघालय के मुख्यमंत्री कोनराड संगमा ने कहा, 'प्रधानमंत्री नरेंद्र मोदी और गृह मंत्री अमित शाह के साथ "
                      "वीडियो कॉन्फ्रेंस में हमने लॉकडाउन बढ़ाने की बात कही।'")
    posts = {o.name_en: o.posts[0] for o in record.officers}
    assert posts["Conrad Sangma"].state_en == "Meghalaya"
    assert posts["Amit Shah"].title_en == "Minister of Home Affairs" and posts["Amit Shah"].state_en is None


def test_well_known_people_are_found_without_a_post_or_honorific(pipeline):
    record = pipeline("पटना। इस मौके पर कमलनाथ और उद्धव ठाकरे मौजूद रहे। इंदिरा गांधी शासकीय मेडिकल कॉलेज में बैठक हुई।")
    assert {p.name_en for p in record.people} == {"Kamal Nath", "Uddhav Thackeray"}


def test_a_post_after_a_possessive_is_someone_elses_and_a_union_ministry_post_has_no_state(pipeline):
    record = pipeline("आगरा। कर्नाटक के मुख्यमंत्री बीएस येदियुरप्पा के मीडिया सचिव ने शनिवार को बताया कि मुख्यमंत्री बाहर नहीं "
                      "जाएंगे। स्वास्थ्य मंत्रालय के संयुक्त सचिव लव अग्रवाल ने प्रशंसा की। उप्र में आगरा रोल मॉडल बना।")
    posts = {o.name_en: [(p.title_en, p.state_en) for p in o.posts] for o in record.officers}
    assert posts["B.S. Yediyurappa"] == [("Chief Minister", "Karnataka")]
    assert posts["Lav Agarwal"] == [("Joint Secretary", None)]


def test_a_given_name_with_the_same_post_joins_the_full_name(pipeline):
    record = pipeline("मुंबई। अमित शाह ने की सीएम उद्धव से बात\nकेंद्रीय गृह मंत्री अमित शाह ने मुख्यमंत्री उद्धव ठाकरे से बात की।")
    assert sorted(o.name_en for o in record.officers) == ["Amit Shah", "Uddhav Thackeray"]
    uddhav = next(o for o in record.officers if o.name_en == "Uddhav Thackeray")
    assert len(uddhav.mentions) == 2


def test_a_party_has_a_president_not_a_chairman(pipeline):
    record = pipeline("नई दिल्ली। कांग्रेस की अंतरिम अध्यक्ष सोनिया गांधी ने पत्र लिखा। आयोग के अध्यक्ष राम सिंह ने कहा।")
    roles = {p.name_en: p.role_en for p in record.people}
    assert roles == {"Sonia Gandhi": "Interim President", "Ram Singh": "Chairman"}


def test_a_name_written_with_and_without_a_space_is_one_person(pipeline):
    record = pipeline("वाराणसी। जिलाधिकारी कौशलराज शर्मा ने निरीक्षण किया। जिलाधिकारी कौशल राज शर्मा ने कहा कि जांच होगी।")
    assert [o.name_en for o in record.officers] == ["Kaushal Raj Sharma"]
    assert len(record.officers[0].mentions) == 2


def test_a_name_between_two_posts_takes_the_first_only(pipeline):
    record = pipeline("मुंबई। महाराष्ट्र के सीएम उद्धव ठाकरे और स्वास्थ्य मंत्री राजेश टोपे मुख्य सचिव के साथ बैठक की।")
    posts = {o.name_en: [p.title_en for p in o.posts] for o in record.officers}
    assert posts == {"Uddhav Thackeray": ["Chief Minister"], "Rajesh Tope": ["Minister of Health"]}


def test_letters_between_a_post_and_a_surname_are_initials(pipeline):
    record = pipeline("यवतमाल के जिला कलेक्टर एमडी सिंह ने बताया कि मामला मिला। निगम के एमडी राजेश कुमार ने कहा।")
    posts = {o.name_en: [p.title_en for p in o.posts] for o in record.officers}
    assert posts == {"M.D. Singh": ["Collector"], "Rajesh Kumar": ["Managing Director"]}


def test_one_unnamed_officer_per_post(pipeline):
    record = pipeline("गांधीनगर। गुजरात में मंत्री ने कहा कि जांच होगी। बाद में मंत्री ने बताया कि 20 मामले मिले।")
    assert len(record.officers) == 1 and record.officers[0].name_en is None
    assert len(record.officers[0].mentions) == 2


def test_a_subdivision_between_commas_does_not_end_the_description(pipeline):
    record = pipeline("लखनऊ, १२ अक्टूबर २०२२। सुश्री प्रीति गौतम, पीसीएस, उपजिलाधिकारी, मिलक, रामपुर को नगर मजिस्ट्रेट, "
                      "आगरा के पद पर भेजा गया है।")
    assert [(o.name_en, [(p.title_en, p.district_en, p.current) for p in o.posts]) for o in record.officers] == [
        ("Preeti Gautam", [("Sub-Divisional Magistrate", "Rampur", False), ("City Magistrate", "Agra", True)])]


def test_a_city_corporations_commissioner_is_its_municipal_commissioner(pipeline):
    record = pipeline("अहमदाबाद। सूरत महानगरपालिका के आयुक्त श्री राघवेंद्र राव ने कहा। परिवहन निगम के आयुक्त राम सिंह ने कहा। "
                      "श्री राजेंद्र भोसले, आईएएस, कलेक्टर, सोलापुर को आयुक्त, नासिक नगर निगम के पद पर भेजा गया है।")
    posts = {o.name_en: [(p.title_en, p.district_en) for p in o.posts] for o in record.officers}
    assert posts["Raghavendra Rao"] == [("Municipal Commissioner", "Surat")]
    assert posts["Ram Singh"] == [("Commissioner", None)]  # a transport corporation is no municipality
    assert posts["Rajendra Bhosale"][-1] == ("Municipal Commissioner", "Nashik")


def test_a_subdivision_named_after_a_post_is_no_person(pipeline):
    record = pipeline("जयपुर, 5 जून। सुश्री पूजा मीणा, आरएएस, उपखंड अधिकारी, बस्सी को उपखंड अधिकारी, टोडाभीम के पद पर "
                      "भेजा गया है। श्री अमरनाथ यात्रा की तैयारी पूरी है।")
    assert [o.name_en for o in record.officers] == ["Pooja Meena"] and record.people == []
    assert [p.current for p in record.officers[0].posts] == [False, True]


@pytest.mark.parametrize("text, name", [
    ("गिरफ्तार एरिया कमांडर सुरेश गंझू उर्फ तूफान पर इनाम था।", "Suresh Ganjhu"),
    ("इनामी बदमाश शाहनवाज उर्फ शानू को गिरफ्तार किया।", "Shahnawaz"),
    ("आरोपियों की पहचान भिंड निवासी उसके सहायक पप्पू कुशवाह के रूप में हुई है।", "Pappu Kushwah"),
    ("पुलिस ने बरेली निवासी इमरान को गिरफ्तार किया।", "Imran"),  # resident of PLACE, then the name
    ("उल्हासनगर की 49 वर्षीय निवासी दुबई से लौटी थीं। पुलिस ने राम सिंह पुत्र श्याम को पकड़ा।", "Ram Singh"),
])
def test_an_alias_or_an_identification_names_a_person(pipeline, text, name):
    assert [p.name_en for p in pipeline(text).people] == [name]


def test_organisations_keep_their_place_and_posts_keep_theirs(pipeline):
    record = pipeline("पटना। बिहार सरकार ने आदेश जारी किया। वरिष्ठ पुलिस अधीक्षक राजेश कुमार, भारतीय पुलिस सेवा ने कतरास थाना का "
                      "निरीक्षण किया।")
    orgs = {o.mentions[0].text: o.name_en for o in record.organizations}
    assert orgs == {"बिहार सरकार": "Bihar Government", "कतरास थाना": "Katras Police Station"}
    assert "Bihar" in {p.name_en for p in record.places}


def test_and_inside_a_description_before_the_name(pipeline):
    record = pipeline("भोपाल। विदिशा के कलेक्टर और 2013 बैच के आईएएस अधिकारी श्री अभिषेक रंजन दुबे ने कहा कि ई-ऑफिस लागू "
                      "हुआ। जिलाधिकारी राम कुमार और एसपी श्याम सिंह ने निरीक्षण किया।")
    posts = {o.name_en: [(p.title_en, p.district_en) for p in o.posts] for o in record.officers}
    assert posts["Abhishek Ranjan Dubey"] == [("Collector", "Vidisha")]
    assert [t for t, _ in posts["Ram Kumar"]] == ["District Magistrate"]
    assert [t for t, _ in posts["Shyam Singh"]] == ["Superintendent of Police"]


def test_in_a_list_of_officers_each_post_goes_to_the_name_after_it(pipeline):
    record = pipeline("पणजी। बैठक में मुख्यमंत्री प्रमोद सावंत, मुख्य सचिव परिमल राय और स्वास्थ्य सचिव अनिल कुमार मौजूद थे।")
    posts = {o.name_hi: [p.title_en for p in o.posts] for o in record.officers}
    assert posts["प्रमोद सावंत"] == ["Chief Minister"]
    assert posts["परिमल राय"] == ["Chief Secretary"]


def test_a_district_named_as_a_district_in_the_body_beats_a_capital_in_the_dateline(pipeline):
    record = pipeline("भुवनेश्वर/छत्रपुर, 12 मार्च 2024 - नुआपाड़ा जिले के पशुपालकों को अनुदान की राशि बुधवार को भेजी गई। "
                      "कलेक्टर श्री रमेश चंद्र नायक ने बताया कि 8 हजार लोगों को लाभ मिला।")
    [officer] = record.officers
    assert (officer.posts[0].title_en, officer.posts[0].district_en, officer.posts[0].state_en) == (
        "Collector", "Nuapada", "Odisha")


def test_a_self_help_groups_president_is_no_officer(pipeline):
    record = pipeline("कोरबा। पाली विकासखंड के जय अंबे स्व-सहायता समूह की अध्यक्ष श्रीमती रामबाई ने बताया कि आय बढ़ी।")
    assert not record.officers
    assert [(p.name_hi, p.organization) for p in record.people] == [("रामबाई", "Ambe Swa-sahayata Samuh")]
    assert [o.name_hi for o in record.organizations] == ["अंबे स्व-सहायता समूह"]


def test_the_plural_of_a_post_is_a_group_of_officials_not_a_name(pipeline):
    record = pipeline("सूरत। मुख्य सचिव ने सभी कलेक्टरों और नगर आयुक्तों के साथ बैठक की। प्रधानमंत्री मुख्यमंत्रियों से बात करेंगे।")
    assert [o.name_hi for o in record.officers if o.name_hi] == []
    assert record.people == []


@pytest.mark.parametrize("text, state", [
    ("लखनऊ। उत्तर प्रदेश में 30 नए मामले मिले। उत्तर प्रदेश सरकार ने सख्ती बढ़ाई। ", "Uttar Pradesh"),
    ("नई दिल्ली। दिल्ली में 20 नए मामले मिले। उत्तर प्रदेश में 30 नए मामले मिले। दिल्ली और उत्तर प्रदेश में सख्ती बढ़ी। ", None),
])
def test_a_state_post_takes_the_documents_state_only_when_one_state_dominates(pipeline, text, state):
    record = pipeline(text + "मुख्य सचिव राजेंद्र तिवारी ने बैठक की।")
    [officer] = record.officers
    assert (officer.posts[0].title_en, officer.posts[0].state_en) == ("Chief Secretary", state)


@pytest.mark.parametrize("text, name", [
    ("पटना। 45 वर्षीय धूप नारायण ने बताया कि फसल खराब हुई।", "धूप नारायण"),  # an age
    ("देहरादून। संवाददाता अमित शर्मा ने बताया कि बैठक हुई।", "अमित शर्मा"),  # a byline
    ("लखनऊ। शिक्षिका दीपा द्विवेदी ने बताया कि बच्चे पढ़ रहे हैं।", "दीपा द्विवेदी"),  # an occupation
    ("उडुपी। चन्नप्पा पुजारी ने बताया कि नाव लौट आई।", "चन्नप्पा पुजारी"),  # पुजारी is also a surname
])
def test_a_word_before_a_name_that_is_never_part_of_one(pipeline, text, name):
    assert [p.name_hi for p in pipeline(text).people] == [name]


@pytest.mark.parametrize("foreign", ["अमेरिकी", "अमेरिका के"])
def test_another_countrys_post_takes_no_state(pipeline, foreign):
    record = pipeline(f"नई दिल्ली। दिल्ली में 20 नए मामले मिले। दिल्ली सरकार ने सख्ती बढ़ाई। {foreign} स्वास्थ्य मंत्री "
                      "एलेक्स अजार ने कहा कि टीका जल्द आएगा। दिल्ली के स्वास्थ्य मंत्री सत्येंद्र जैन ने कहा कि तैयारी है।")
    states = {o.name_hi: o.posts[0].state_en for o in record.officers}
    assert states == {"एलेक्स अजार": None, "सत्येंद्र जैन": "Delhi"}


def test_a_jagran_style_abbreviated_post_is_found(pipeline):
    record = pipeline("कानपुर। एसएसआइ इमाम जैदी ने बताया कि जांच जारी है। चिकित्साधिकारी बीबी सिंह ने भी बात की।")
    assert {o.name_hi: o.posts[0].title_en for o in record.officers} == {
        "इमाम जैदी": "Senior Sub-Inspector", "बीबी सिंह": "Medical Officer"}


def test_a_locality_before_a_resident_is_no_person(pipeline):
    record = pipeline("लखनऊ। गोमती नगर निवासी महिला डॉक्टर संक्रमित मिली।")
    assert record.people == [] and record.officers == []


@pytest.mark.parametrize("text, name, english", [
    ("नई दिल्ली। आज वित्त मंत्रालय ने आंकड़े जारी किए।", "वित्त मंत्रालय", "Finance Ministry"),
    ("जिनेवा। जोकि विश्व स्वास्थ्य संगठन ने चेतावनी दी।", "विश्व स्वास्थ्य संगठन", "World Health Organization"),
])
def test_a_function_word_before_an_organisation_is_not_part_of_its_name(pipeline, text, name, english):
    assert [(o.name_hi, o.name_en) for o in pipeline(text).organizations] == [(name, english)]


@pytest.mark.parametrize("text, people", [
    ("देहरादून। सोनू पाल निवासी सहसपुर को पकड़ा गया।", ["सोनू पाल"]),  # NAME निवासी PLACE
    ("बरेली। बरेली निवासी इमरान को पकड़ा गया।", ["इमरान"]),  # PLACE निवासी NAME
])
def test_a_resident_and_a_residence_around_niwasi(pipeline, text, people):
    assert [p.name_hi for p in pipeline(text).people] == people


def test_director_general_in_english_words_is_one_post(pipeline):
    record = pipeline("जिनेवा। विश्व स्वास्थ्य संगठन के डायरेक्टर जनरल टेड्रोस अडेहनॉम गेब्रीयेसस ने कहा कि खतरा बढ़ा है।")
    assert [(o.name_hi, o.posts[0].title_en) for o in record.officers] == [("टेड्रोस अडेहनॉम गेब्रीयेसस", "Director General")]

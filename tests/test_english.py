"""English inside a Hindi release, and English-only releases (issue 8, mixed language)."""


def test_english_only_release_gets_the_same_schema(pipeline):
    text = ("Raipur, February 6, 2021: Dr. Nilesh Deore, IAS, District Magistrate, Saran, Bihar said the district "
            "raised Rs 14 lakh. SP Santosh Singh said 1.4 million masks were distributed in Raigarh district.")
    record = pipeline(text)
    assert record.language == "en"
    assert record.dateline.date == "2021-02-06" and record.dateline.places[0].name_en == "Raipur"
    officers = {o.name_en: o for o in record.officers}
    assert officers["Nilesh Deore"].service == "IAS"
    assert (officers["Nilesh Deore"].posts[0].title_en, officers["Nilesh Deore"].posts[0].district_en) == \
        ("District Magistrate", "Saran")
    assert officers["Santosh Singh"].posts[0].title_en == "Superintendent of Police"
    assert {(f.value, f.unit) for f in record.figures} == {(1400000, "INR"), (1400000, "count")}
    assert {p.name_en for p in record.places} >= {"Raipur", "Saran", "Bihar", "Raigarh"}
    for officer in record.officers:
        for m in officer.mentions:
            assert text[m.start:m.end] == m.text


def test_english_paragraph_inside_a_hindi_release_is_searched(pipeline):
    text = ("पटना, 3 मार्च 2024: जिले में टीकाकरण अभियान शुरू हुआ। स्वास्थ्य विभाग की टीमें सभी प्रखंडों के गांवों में "
            "घर-घर जाकर बच्चों और बुजुर्गों को टीके लगाएंगी और शिविर भी लगाए जाएंगे।\n"
            "District Magistrate Chandrashekhar Singh said Rs 2.5 crore has been sanctioned for Patna.")
    record = pipeline(text)
    assert record.language == "hi"
    officer = next(o for o in record.officers if o.name_en == "Chandrashekhar Singh")
    assert officer.posts[0].title_en == "District Magistrate"
    assert (25000000, "INR") in {(f.value, f.unit) for f in record.figures}


def test_lower_case_words_are_not_posts_or_places(pipeline):
    record = pipeline("the sp and dm of mau were not named here, said the report.")
    assert record.officers == [] and record.places == []

"""The user's own example release: dateline, figures and contacts (issue 2)."""


def test_dateline_places_and_date(sample_record, sample_text):
    dateline = sample_record.dateline
    assert [p.name_en for p in dateline.places] == ["New Delhi", "Raipur", "Patna", "Lucknow"]
    assert dateline.date == "2021-02-06"
    for place in dateline.places:
        assert sample_text[place.start:place.end] == place.name_hi


def test_figures_money_and_masks(sample_record, sample_text):
    figures = {(f.text, f.value, f.unit, f.of) for f in sample_record.figures}
    assert ("14 लाख रुपये", 1400000, "INR", None) in figures
    assert ("14 लाख मास्क", 1400000, "count", "मास्क") in figures
    for figure in sample_record.figures:
        assert sample_text[figure.start:figure.end] == figure.text


def test_contacts_are_not_figures(sample_record, sample_text):
    phones = sample_record.contacts.phones
    emails = sample_record.contacts.emails
    assert [p.number for p in phones] == ["+916201088532"]
    assert [e.address for e in emails] == ["editor@bureaucratsindia.in"]
    assert sample_text[phones[0].start:phones[0].end] == "+ 91-6201088532"
    assert sample_text[emails[0].start:emails[0].end] == "editor@bureaucratsindia.in"
    assert not any("6201088532" in f.text.replace(" ", "") for f in sample_record.figures)


def test_record_round_trips_through_json(sample_record):
    import json

    from pipelines.record import Record

    data = json.loads(sample_record.to_json())
    assert data["schema"] == "vigyapti.record/1"
    assert Record.from_dict(data) == sample_record

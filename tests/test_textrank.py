"""TextRank picks the central sentences, in document order, deterministically."""
import random

from hypothesis import given
from hypothesis import strategies as st

from nlp.segment import sentences as sentence_spans
from nlp.textrank import content_words, extractive_summary, sentence_scores, top_sentences

# Made-up sentences: the fourth shares words with each of the first three;
# the last shares nothing with any of them.
FLOOD = [
    "जिलाधिकारी ने बाढ़ राहत शिविर का निरीक्षण किया।",
    "राहत शिविर में भोजन और दवाइयों की व्यवस्था की गई।",
    "बाढ़ प्रभावित गांवों में राहत सामग्री बांटी गई।",
    "जिलाधिकारी ने बाढ़ प्रभावित गांवों के राहत शिविर में भोजन, दवाइयों और सामग्री की व्यवस्था देखी।",
    "कल मौसम साफ रहने की संभावना है।",
]
CENTRAL = 3
UNRELATED = 4


def test_the_sentence_that_ties_the_others_together_ranks_first():
    assert top_sentences(FLOOD, k=1) == [CENTRAL]
    scores = sentence_scores(FLOOD)
    assert max(range(len(FLOOD)), key=scores.__getitem__) == CENTRAL
    assert min(range(len(FLOOD)), key=scores.__getitem__) == UNRELATED
    assert abs(sum(scores) - 1.0) < 1e-9


def test_the_unrelated_sentence_is_left_out_and_the_rest_come_in_document_order():
    chosen = top_sentences(FLOOD, k=3)
    assert len(chosen) == 3
    assert chosen == sorted(chosen)
    assert CENTRAL in chosen and UNRELATED not in chosen


def test_the_central_sentence_wins_wherever_it_stands():
    rng = random.Random(7)
    for _ in range(5):
        order = list(range(len(FLOOD)))
        rng.shuffle(order)
        shuffled = [FLOOD[i] for i in order]
        assert top_sentences(shuffled, k=1) == [order.index(CENTRAL)]


def test_same_input_same_answer():
    assert len({tuple(top_sentences(FLOOD, k=2)) for _ in range(5)}) == 1


def test_spelling_variants_count_as_the_same_word():
    assert content_words("ज़िला प्रशासन") == content_words("जिला प्रशासन")
    assert "है" not in content_words("यह सूचना है")  # stop words are left out


def test_no_sentences_or_nothing_asked_for():
    assert top_sentences([], k=3) == []
    assert top_sentences(FLOOD, k=0) == []


def test_one_and_two_sentences():
    assert top_sentences(["राहत शिविर खोला गया।"], k=3) == [0]
    assert top_sentences(["राहत शिविर खोला गया।", "भोजन बांटा गया।"], k=3) == [0, 1]
    assert top_sentences(["राहत", "राहत"], k=1) == [0]  # one-word sentences: no division by zero


def test_a_repeated_sentence_is_chosen_once():
    repeated = [FLOOD[CENTRAL], FLOOD[0], FLOOD[CENTRAL], FLOOD[2]]
    chosen = top_sentences(repeated, k=3)
    assert chosen == [0, 1, 3]


def test_sentences_without_content_words_are_never_chosen():
    assert top_sentences(["।", "और यह है", "---", FLOOD[0]], k=3) == [3]
    assert top_sentences(["।", "है"], k=2) == []


def test_with_nothing_in_common_the_lead_sentences_win():
    unrelated = ["राहत शिविर खोला गया।", "मौसम साफ रहेगा।", "परीक्षा परिणाम घोषित।", "सड़क निर्माण पूरा।"]
    assert top_sentences(unrelated, k=2) == [0, 1]


@given(st.lists(st.text(alphabet="कखगराहतशिविर ।.", max_size=30), max_size=12), st.integers(0, 5))
def test_always_sorted_unique_in_range_and_at_most_k(sentences, k):
    chosen = top_sentences(sentences, k)
    assert chosen == sorted(set(chosen))
    assert len(chosen) <= k
    assert all(0 <= i < len(sentences) for i in chosen)


# A made-up release in three paragraphs, one of them the dateline.
RELEASE = (
    "पटना, 3 मार्च, 2024: जिला प्रशासन ने बाढ़ राहत शिविर खोले।\n"
    "जिलाधिकारी ने राहत शिविर का निरीक्षण किया। शिविर में भोजन और दवाइयों की व्यवस्था है। "
    "बाढ़ प्रभावित परिवारों को राहत सामग्री दी गई।\n"
    "अधिक जानकारी के लिए कार्यालय से संपर्क करें।\n"
)


def test_extractive_summary_gives_whole_sentences_of_the_doc(pipeline):
    doc = pipeline.process(RELEASE)
    spans = extractive_summary(doc, k=2)
    assert len(spans) == 2 and spans == sorted(spans)
    assert set(spans) <= set(sentence_spans(doc.text))
    for start, end in spans:
        s, e = doc._.source.to_original(start, end)
        assert RELEASE[s:e] == doc.text[start:end]  # plain input: offsets agree
    assert any("राहत शिविर" in doc.text[s:e] for s, e in spans)


def test_extractive_summary_of_the_sample_release(pipeline, sample_text):
    doc = pipeline.process(sample_text)
    spans = extractive_summary(doc, k=3)
    assert len(spans) == 3 and spans == sorted(spans)
    assert set(spans) <= set(sentence_spans(doc.text))
    assert extractive_summary(doc, k=3) == spans


def test_extractive_summary_of_an_empty_doc(pipeline):
    assert extractive_summary(pipeline.process(""), k=3) == []

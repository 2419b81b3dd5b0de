"""The compiled attribute ruler and the memoising lemmatizer give exactly spaCy's annotations."""

from __future__ import annotations

import pytest

from newsweave.analyze.fast_components import accelerate, is_accelerated

# Sentences that exercise the ruler's one- and two-token patterns (tag map, "ai n't", "y' all", "nothin'",
# expletive "there is", whitespace tokens, irregular lemmas) and the lemmatizer's base-form path.
TRICKY = [
    "There is no way they ain't coming back, y'all know that. Nothin' gets past her; she got the memo.",
    "The ministers\nhad  resigned.\n\nShe hoped the leaves and ashes would settle; motives were unclear.",
    "Mr. Smith, 54, said: \"We are hoping it's over\" -- but it isn't, and there were 3,500 protesters.",
    "   Leading  whitespace,\ttabs\tand trailing spaces   ",
    "U.S. forces were fated to fail; the hated rule swung back and forth, swinging wildly.",
]


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    from newsweave.analyze.nlp import verify_model_files

    model_dir = verify_model_files()
    return spacy.load(model_dir), accelerate(spacy.load(model_dir))


def _annotations(doc):
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_both_components_are_replaced(pipelines):
    _, fast = pipelines
    replaced = is_accelerated(fast)
    assert replaced["attribute_ruler"] and replaced["lemmatizer"]
    assert not replaced["parser"] and not replaced["ner"]


def test_annotations_identical_to_spacy_on_tricky_and_example_texts(pipelines, example_articles):
    reference, fast = pipelines
    texts = TRICKY + [a.text for a in example_articles]
    for _ in range(2):  # the second round runs from the memo tables
        for ref_doc, fast_doc in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
            assert _annotations(fast_doc) == _annotations(ref_doc)


def test_two_token_patterns_fire(pipelines):
    _, fast = pipelines
    doc = fast("They ain't here, and she gets what she got.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be"  # ai n't → be (pattern over two tokens, first one targeted)
    assert lemmas["gets"] == lemmas["got"] == "get"  # lemmas set by the ruler, kept by the lemmatizer


def test_accelerate_is_idempotent(pipelines):
    _, fast = pipelines
    ruler_class = type(fast.get_pipe("attribute_ruler"))
    accelerate(fast)
    assert type(fast.get_pipe("attribute_ruler")) is ruler_class


def test_patterns_it_cannot_compile_keep_spacys_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    original = type(ruler)
    accelerate(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is original
    assert [t.tag_ for t in nlp("very very good")] == ["RB", "RB", ""]


def test_compiled_rules_follow_pattern_order_later_wins():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "bank"}]], {"LEMMA": "first", "NORM": "n1"})
    ruler.add([[{"LOWER": {"IN": ["bank", "shore"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "bank"}]], {"TAG": "NN"}, index=1)
    reference = spacy.blank("en")
    ref_ruler = reference.add_pipe("attribute_ruler")
    ref_ruler.add_patterns(ruler.patterns)
    accelerate(nlp)
    assert is_accelerated(nlp)["attribute_ruler"]
    text = "the bank by the shore and a bank"
    fast_doc, ref_doc = nlp(text), reference(text)
    got = [(t.lemma_, t.norm_, t.tag_) for t in fast_doc]
    assert got == [(t.lemma_, t.norm_, t.tag_) for t in ref_doc]
    assert got[1] == ("second", "n1", "NN") and got[7] == ("second", "n1", "")

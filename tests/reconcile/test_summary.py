"""The extractive summary picks sentences that stand on their own. Own invented reports."""

from __future__ import annotations

from newsweave.model import Article, PublishedTime, Span
from newsweave.reconcile.summary import summarize


def _article(aid: str, sentences: list[str]) -> tuple[Article, list[Span]]:
    text, spans = "", []
    for s in sentences:
        if text:
            text += " "
        spans.append(Span(aid, len(text), len(text) + len(s)))
        text += s
    return Article(id=aid, text=text, published=PublishedTime(None)), spans


def test_the_tail_of_a_quotation_split_across_sentences_is_never_picked():
    a, sa = _article("a", [
        "The councilman wrote on Twitter: “I am in the middle of the riot in my district.",
        "Right now, things are tense in the district after the riot,” the councilman said on Twitter.",
        "But police said the riot in the district was over by midnight after the vigil.",
    ])
    b, sb = _article("b", [
        "Police said the riot in the district was over by midnight after the vigil for the teenager.",
        "The riot in the district followed a vigil for the teenager shot by police on Saturday.",
    ])
    got = summarize([a, b], {"a": sa, "b": sb}, [], [], max_sentences=3)
    texts = [t for t, _ in got]
    assert not any(t.startswith("Right now") for t in texts), texts  # the tail of a split quotation
    assert len(texts) >= 2 and all(len(spans) == 1 for _, spans in got)


def test_a_sentence_that_leans_on_the_one_before_loses_to_one_that_stands_alone():
    a, sa = _article("a", ["But the mayor said the bridge over the river would reopen to traffic on Friday."])
    b, sb = _article("b", ["The mayor said the bridge over the river would reopen to traffic on Friday morning."])
    got = summarize([a, b], {"a": sa, "b": sb}, [], [], max_sentences=1)
    assert [t for t, _ in got] == [b.text]

"""The analysis stage: one parse for all analysers, long texts, several processes, the JSONL record."""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
from pathlib import Path

import pytest

from newsweave.analyze import pipeline
from newsweave.analyze.jsonl import SCHEMA, analysis_from_record, analysis_to_record
from newsweave.analyze.pipeline import ANALYSIS_VERSION, Analysis, analyze_article, analyze_many, parse_text
from newsweave.errors import InputError
from newsweave.model import Article

ROOT = Path(__file__).resolve().parents[2]


def _has(module: str, function: str) -> bool:
    try:
        return hasattr(importlib.import_module(module), function)
    except ImportError:
        return False


HAS_TIMEX = _has("newsweave.analyze.timex", "find_timexes")
HAS_STATEMENTS = _has("newsweave.analyze.statements", "extract_statements")


@pytest.fixture(scope="module")
def nlp():
    return pipeline.get_pipeline()


@pytest.fixture(scope="module")
def examples(example_articles) -> list[Article]:
    """The example reports as articles (publication date from the ``date`` prefix)."""
    return example_articles


def _article(text: str, n: int = 0) -> Article:
    return Article(id=f"art{n:04d}", text=text)


def _check_offsets(analysis: Analysis, text: str) -> None:
    assert analysis.text_length == len(text)
    assert analysis.text_sha256 == hashlib.sha256(text.encode()).hexdigest()
    for s in analysis.sentences:
        assert text[s.span.start : s.span.end].strip() == text[s.span.start : s.span.end] != ""
    for m in analysis.mentions:
        assert text[m.span.start : m.span.end] == m.text
    for t in analysis.timexes:
        assert text[t.span.start : t.span.end] == t.text
    for st in analysis.statements:
        for span in (st.content, st.cue, st.speaker):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)


def test_analyze_article_on_example(examples, nlp):
    article = examples[0]
    analysis = analyze_article(article, nlp=nlp)
    assert analysis.article_id == article.id and analysis.version == ANALYSIS_VERSION
    _check_offsets(analysis, article.text)
    assert len(analysis.sentences) >= 10
    ids = {e.id for e in analysis.entities}
    assert all(m.entity_id in ids for m in analysis.mentions)
    pm = [m for m in analysis.mentions if m.text == "the Prime Minister"]
    assert pm and analysis.entity(pm[0].entity_id).label == "PERSON"


@pytest.mark.skipif(not HAS_TIMEX, reason="time-expression tagger not installed yet")
def test_time_expressions_use_publication_date(examples, nlp):
    article = examples[0]
    analysis = analyze_article(article, nlp=nlp)
    assert analysis.timexes, "the report has dated events"
    sunday = [t for t in analysis.timexes if t.text == "Sunday"]
    assert sunday and sunday[0].value.startswith(article.published.value.strftime("%Y-"))
    undated = analyze_article(Article(id=article.id, text=article.text), nlp=nlp)
    assert [t.span for t in undated.timexes] and all(
        not t.value.startswith(article.published.value.strftime("%Y-%m-%d")) for t in undated.timexes
    )


@pytest.mark.skipif(not HAS_STATEMENTS, reason="statement extractor not installed yet")
def test_statements_get_entities_from_the_same_parse(examples, nlp):
    analysis = analyze_article(examples[1], nlp=nlp)
    assert analysis.statements
    ids = {e.id for e in analysis.entities}
    resolved = [s.speaker_entity for s in analysis.statements if (s.speaker_entity or "").startswith("e-")]
    assert resolved and all(r in ids for r in resolved)  # the statement extractor saw this report's entities


def test_missing_analyser_gives_empty_part_and_a_warning(monkeypatch, caplog, nlp):
    real_import = importlib.import_module

    def fake_import(name, *args, **kwargs):
        if name in ("newsweave.analyze.timex", "newsweave.analyze.statements"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    monkeypatch.setattr(pipeline, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="newsweave.analyze.pipeline"):
        analysis = analyze_article(
            _article("President Ana Ruiz said on Monday that taxes would rise."), nlp=nlp
        )
    assert analysis.timexes == () and analysis.statements == ()
    assert analysis.mentions  # the rest of the analysis still runs
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "find_timexes" in messages and "extract_statements" in messages


def test_broken_dependency_inside_an_analyser_is_not_hidden(monkeypatch, nlp):
    def fake_import(name, *args, **kwargs):
        raise ModuleNotFoundError("No module named 'somedependency'", name="somedependency")

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(ModuleNotFoundError):
        analyze_article(_article("Ana Ruiz spoke."), nlp=nlp)


def test_long_text_parsed_in_chunks_keeps_offsets(nlp):
    paragraph = "Mayor Lena Vogt opened the bridge on Monday. She said it cost too much.\n\n"
    text = "  " + paragraph * 40 + "The end"
    doc = parse_text(nlp, text, chunk_chars=1000)
    assert doc.text == text
    analysis = pipeline.analyze_doc(doc, article_id="long")
    _check_offsets(analysis, text)
    assert len(analysis.sentences) == 81
    vogt = [m for m in analysis.mentions if m.text == "Lena Vogt"]
    assert len(vogt) == 40 and len({m.entity_id for m in vogt}) == 1
    she = [m for m in analysis.mentions if m.text == "She"]
    assert len(she) == 40 and {m.entity_id for m in she} == {vogt[0].entity_id}


def test_chunks_cut_at_paragraphs():
    text = ("A" * 300 + "\n\n") * 10
    chunks = pipeline._chunks(text, 1000)
    assert "".join(chunks) == text and len(chunks) > 1
    assert all(c.endswith("\n\n") for c in chunks)


def test_analyze_many_in_process_preserves_order_and_reports_progress(nlp):
    texts = [f"Minister Omar Bakr{'i' * (i % 3)} visited Lyon on day {i}." for i in range(7)]
    articles = [_article(t, i) for i, t in enumerate(texts)]
    seen: list[int] = []
    results = list(analyze_many(articles, workers=1, batch_size=3, progress=seen.append))
    assert [r.article_id for r in results] == [a.id for a in articles]
    assert sum(seen) == 7 and seen == [3, 3, 1]
    assert results[4] == analyze_article(articles[4], nlp=nlp)


def test_analyze_many_two_workers_equals_in_process():
    texts = [
        "Minister Omar Bakr visited Lyon on Monday. He said trade would grow.",
        "The Associated Press (AP) reported the vote. AP said turnout was high.",
        "Governor Ana Ruiz spoke in Quito.\n\nShe left on Tuesday.",
        "Nothing happened.",
        "President Luc Marchand met Chancellor Eva Roth. The Chancellor said little.",
    ]
    articles = [_article(t, i) for i, t in enumerate(texts)]
    seen: list[int] = []
    parallel = list(analyze_many(iter(articles), workers=2, batch_size=2, progress=seen.append))
    serial = list(analyze_many(articles, workers=1, batch_size=2))
    assert [r.article_id for r in parallel] == [a.id for a in articles]
    assert parallel == serial
    assert sum(seen) == len(articles)


def _batch_summary(articles, docs, analyses):
    """A module-level batch hook: what it saw, per report (the batch size tells it was called per batch)."""
    return [(a.id, len(doc), x.article_id, len(articles)) for a, doc, x in zip(articles, docs, analyses, strict=True)]


@pytest.mark.parametrize("workers", [1, 2])
def test_analyze_many_batch_extra_sees_each_batch_with_its_parses(workers):
    texts = ["Minister Omar Bakr visited Lyon on Monday.", "Nothing happened.", "Governor Ana Ruiz spoke.",
             "The council met.", "Rain fell in Quito on Tuesday, officials said."]
    articles = [_article(t, i) for i, t in enumerate(texts)]
    items = list(analyze_many(articles, workers=workers, batch_size=2, batch_extra=_batch_summary))
    assert [x.article_id for x, _ in items] == [a.id for a in articles]
    assert [r[0] for _, r in items] == [r[2] for _, r in items] == [a.id for a in articles]
    assert [r[3] for _, r in items] == [2, 2, 2, 2, 1]
    assert all(r[1] > 0 for _, r in items)
    assert [x for x, _ in items] == list(analyze_many(articles, workers=1, batch_size=2))


def test_analyze_many_rejects_both_hooks():
    with pytest.raises(ValueError, match="not both"):
        list(analyze_many([], extra=_batch_summary, batch_extra=_batch_summary))


@pytest.mark.parametrize(("workers", "batch_size"), [(0, 32), (2, 0)])
def test_analyze_many_rejects_bad_options(workers, batch_size):
    with pytest.raises(ValueError):
        list(analyze_many([], workers=workers, batch_size=batch_size))


def test_jsonl_record_round_trip(examples, nlp):
    article = examples[1]
    analysis = analyze_article(article, nlp=nlp)
    record = json.loads(json.dumps(analysis_to_record(analysis, article)))
    assert record["schema"] == SCHEMA == "newsweave.analysis/1"
    assert record["id"] == article.id and record["published"].startswith("2021-11-07")
    for key in ("source", "sentences", "entities", "canonical_entities", "timexes", "statements"):
        assert key in record
    assert set(record["entities"][0]) == {"start", "end", "text", "label", "canonical", "entity_id"}
    for e in record["entities"]:
        assert article.text[e["start"] : e["end"]] == e["text"]
    canon = {c["id"]: c["name"] for c in record["canonical_entities"]}
    assert all(canon[e["entity_id"]] == e["canonical"] for e in record["entities"])
    for t in record["timexes"]:
        assert set(t) >= {"start", "end", "text", "type", "value", "mod", "interval", "granularity", "anchor"}
        assert len(t["interval"]) == 2
    for s in record["statements"]:
        assert set(s) == {
            "speaker",
            "speaker_entity",
            "speaker_name",
            "anonymous",
            "cue",
            "content",
            "direct",
            "channel",
            "relays",
        }
        assert article.text[s["content"]["start"] : s["content"]["end"]] == s["content"]["text"]
        if s["cue"] is not None:
            assert "verb" in s["cue"]
        if s["speaker_entity"] in canon:  # the entity's name, whatever words the report used ("he")
            assert s["speaker_name"] == canon[s["speaker_entity"]]
    assert any(s["speaker"]["text"].lower() in ("he", "she") and s["speaker_name"][:1].isupper()
               for s in record["statements"] if s["speaker"])
    assert analysis_from_record(record) == analysis


@pytest.mark.parametrize(
    "record",
    [
        {"schema": "newsweave.analysis/0", "id": "x"},
        {"id": "x"},
        {"schema": SCHEMA, "id": "x", "sentences": []},
    ],
)
def test_jsonl_rejects_foreign_or_incomplete_records(record):
    with pytest.raises(InputError):
        analysis_from_record(record)


def test_jsonl_refuses_mismatched_article(examples, nlp):
    analysis = analyze_article(examples[0], nlp=nlp)
    with pytest.raises(ValueError):
        analysis_to_record(analysis, examples[1])


def test_analyze_many_chunks_long_reports(monkeypatch, nlp):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1000)
    long_text = "Mayor Lena Vogt opened the bridge on Monday. She said it cost too much.\n\n" * 30
    articles = [_article("Short report from Oslo.", 0), _article(long_text, 1)]
    results = list(analyze_many(articles, workers=1, batch_size=8))
    assert [r.article_id for r in results] == ["art0000", "art0001"]
    _check_offsets(results[1], long_text)
    assert len([m for m in results[1].mentions if m.text == "Lena Vogt"]) == 30


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ryan said,“Look, no.”", ["Ryan", "said", ",", "“", "Look", ",", "no", ".", "”"]),
        ("“It was loud,”said Jane.", ["“", "It", "was", "loud", ",", "”", "said", "Jane", "."]),
        ('He said:"No."', ["He", "said", ":", '"', "No", ".", '"']),
        # negative: apostrophes inside words and ordinary punctuation keep spaCy's tokens
        ("I don’t know what he’s done.", ["I", "do", "n’t", "know", "what", "he", "’s", "done", "."]),
        ("The U.S. agreed, 3,000 people said.", ["The", "U.S.", "agreed", ",", "3,000", "people", "said", "."]),
    ],
)
def test_quotation_marks_glued_to_words_are_split(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_a_statement_behind_a_glued_quotation_mark_is_found(nlp):
    from newsweave.analyze.statements import extract_statements

    text = "Ryan said,“Look, anti-Semitic images have no place in a presidential campaign.”"
    [st] = extract_statements(nlp(text), article_id="t")
    assert (text[st.speaker.start : st.speaker.end], st.direct) == ("Ryan", True)

"""Dossier building (incremental), JSON schema, and the three renderers (with hostile text)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from _reconcile_helpers import make_article

from newsweave.model import Claim, Fact, Span, Story
from newsweave.reconcile.dossier import build_dossier, dossier_to_json
from newsweave.reconcile.render import render_terminal, to_html, to_markdown
from newsweave.reconcile.timeline import build_timeline

A = (
    "Seven police officers were injured when gunmen attacked a checkpoint in Kandahar on Monday. "
    "The governor was not injured, officials said."
)
B = (
    "Several police officers were injured when gunmen attacked a checkpoint in Kandahar on Monday. "
    "The governor was seriously injured, the broadcaster reported."
)
HOSTILE = "<script>alert('x')</script> *bold* [link]"
C = "Gunmen attacked a checkpoint in Kandahar, wounding police officers, local media said."


def _story(nlp, previous=None, texts=(A, B)):
    arts = [
        make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i} {HOSTILE}")
        for i, t in enumerate(texts)
    ]
    return build_dossier(Story(id="s-1", title="Checkpoint <attack>"), arts, {}, nlp=nlp, previous=previous)


def test_dossier_finds_contradiction_and_precision(nlp):
    d = _story(nlp)
    kinds = {(c.kind, c.verdict) for c in d.conflicts}
    assert ("status", "contradiction") in kinds
    assert ("number", "precision") in kinds
    assert ("number", "contradiction") not in kinds


def test_incremental_rebuild_reuses_per_report_work(nlp):
    first = _story(nlp)
    second = _story(nlp, previous=first, texts=(A, B, C))
    per1, per2 = first.extra["per_article"], second.extra["per_article"]
    assert per2["r0"] is per1["r0"] and per2["r1"] is per1["r1"]
    assert "r2" in per2 and len(second.articles) == 3


def test_json_schema_and_offsets(nlp):
    d = _story(nlp)
    data = json.loads(json.dumps(dossier_to_json(d)))
    assert data["schema"] == "newsweave.dossier/1"
    assert set(data) >= {
        "story",
        "articles",
        "publication_times",
        "summary",
        "timeline",
        "statements",
        "facts",
        "conflicts",
    }
    texts = {a.id: a.text for a in d.articles}
    for f in data["facts"]:
        for c in f["claims"]:
            ev = c["evidence"]
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]


def test_html_escapes_report_text(nlp):
    page = to_html(_story(nlp))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Checkpoint &lt;attack&gt;" in page
    assert "http://" not in page.split("<body>")[0]  # no external resources in the head
    assert "src=" not in page and "<link" not in page


def test_markdown_escapes_and_cites(nlp):
    md = to_markdown(_story(nlp))
    assert md.startswith("# Checkpoint")
    assert "\\<script\\>" in md and "\\*bold\\*" in md
    assert "chars " in md and "## Timeline" in md and "## Where the reports disagree" in md


def test_terminal_rendering_does_not_interpret_markup(nlp):
    from rich.console import Console

    buf = io.StringIO()
    render_terminal(_story(nlp), Console(file=buf, width=120, color_system=None))
    out = buf.getvalue()
    assert "Summary" in out and "Timeline" in out
    assert "[link]" in out  # rich markup in report text is printed literally


def _fact(label, aid, value, earliest, latest, granularity="day", start=0):
    args = (
        ("class", "attack"),
        ("time", value),
        ("time_text", value),
        ("time_earliest", earliest),
        ("time_latest", latest),
        ("time_granularity", granularity),
    )
    c = Claim(
        id=f"{aid}:{start}",
        evidence=Span(aid, start, start + 5),
        subject=None,
        predicate="attack",
        arguments=args,
    )
    return c


def test_timeline_orders_by_event_time_marks_background_and_keeps_both_datings():
    arts = {
        "x": make_article("x", "x" * 50, date="2021-11-08", outlet="X"),
        "y": make_article("y", "y" * 50, date="2021-11-07", outlet="Y"),
    }
    main = Fact(
        "s",
        "the attack",
        (
            _fact(
                "a",
                "x",
                "2021-11-06TNI",
                "2021-11-06T20:00:00+00:00",
                "2021-11-07T05:59:59+00:00",
                "part-of-day",
            ),
            _fact("a", "y", "2021-11-07", "2021-11-07T00:00:00+00:00", "2021-11-07T07:59:59+00:00", start=10),
        ),
        ("y", "x"),
        2,
    )
    old = Fact(
        "s",
        "air strikes",
        (
            _fact(
                "b",
                "x",
                "2021-06",
                "2021-06-20T00:00:00+00:00",
                "2021-06-30T23:59:59+00:00",
                "month",
                start=20,
            ),
        ),
        ("x",),
        1,
    )
    tl = build_timeline([main, old], arts)
    assert [e.label for e in tl] == ["air strikes", "the attack"]
    assert tl[0].background and not tl[1].background
    assert tl[1].earliest == datetime(2021, 11, 6, 20, tzinfo=UTC)
    assert tl[1].latest.date().isoformat() == "2021-11-07"
    assert len(tl[1].alternative_datings) == 2


def test_per_report_work_round_trips_through_json(nlp):
    from newsweave.reconcile.dossier import article_claims_from_json, article_claims_to_json

    d = _story(nlp)
    per = d.extra["per_article"]["r1"]
    again = article_claims_from_json(json.loads(json.dumps(article_claims_to_json(per))))
    assert again == per
    rebuilt = build_dossier(
        d.story,
        list(d.articles),
        {},
        nlp=nlp,
        previous=type(d)(**{**d.__dict__, "extra": {"per_article": {"r1": again}}}),
    )
    assert rebuilt.extra["per_article"]["r1"] is again


def test_statements_name_the_speaker_a_pronoun_stands_for(nlp):
    text = ('Fire Chief Martin Oduya said the roof of the depot collapsed at dawn. '
            '"We did all we could," he said.')
    d = _story(nlp, texts=(text,))
    data = dossier_to_json(d)
    by_words = {s["speaker"]: s for s in data["statements"]}
    assert by_words["he"]["speaker_name"] == "Martin Oduya", data["statements"]
    assert by_words["Fire Chief Martin Oduya"]["speaker_name"] == "Martin Oduya"
    md = to_markdown(d)
    assert "Martin Oduya (“he”)" in md
    assert "| Fire Chief Martin Oduya |" in md  # the words used when they already name the speaker


def test_reused_article_id_with_other_text_is_read_again(nlp):
    # the per-report cache must not hand back the claims of an earlier text filed under the same id
    first = _story(nlp, texts=(A,))
    second = _story(nlp, texts=(C,))
    assert {s.content.end for s in second.statements} != {s.content.end for s in first.statements}
    assert all(c.evidence.end <= len(C) for f in second.facts for c in f.claims)
    assert any("local media" in C[s.speaker.start : s.speaker.end] for s in second.statements if s.speaker)


def test_a_toll_disagreement_says_what_was_counted(nlp):
    texts = ("Seven police officers were killed when gunmen attacked a checkpoint in Kandahar on Monday.",
             "Two police officers were killed when gunmen attacked a checkpoint in Kandahar on Monday.")
    d = _story(nlp, texts=texts)
    [last] = [text for text, _ in d.summary if text.startswith("Reports disagree")]
    assert last.startswith("Reports disagree on how many police were killed:"), last


def test_an_undated_story_says_why_its_timeline_is_empty(nlp):
    arts = [make_article(f"u{i}", t) for i, t in enumerate((A, B))]  # no publication dates
    d = build_dossier(Story(id="s-u"), arts, {}, nlp=nlp)
    assert d.timeline == ()
    note = "reports carries a publication date"
    assert note in to_markdown(d) and note in to_html(d)
    from rich.console import Console

    buf = io.StringIO()
    render_terminal(d, Console(file=buf, width=200))
    assert note in buf.getvalue()
    # a dated story with no times says only that none were found
    dated = build_dossier(Story(id="s-d"), [make_article("d0", "The mayor opened a bridge.", date="2022-03-09")],
                          {}, nlp=nlp)
    assert note not in to_markdown(dated)


def test_a_dated_mention_is_marked_in_every_rendering(nlp):
    from rich.console import Console

    arts = [make_article("m0", A + " The mayor opened a new library on Tuesday.", date="2022-03-09"),
            make_article("m1", B, date="2022-03-09")]
    d = build_dossier(Story(id="s-m"), arts, {}, nlp=nlp)
    assert any(e.minor for e in d.timeline) and not all(e.minor for e in d.timeline)
    buf = io.StringIO()
    render_terminal(d, Console(file=buf, width=200))
    for out in (to_markdown(d), to_html(d), buf.getvalue()):
        assert out.count("dated mention") == sum(e.minor for e in d.timeline)

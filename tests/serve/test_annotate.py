"""Annotated article HTML from offsets: escaping, nesting of overlapping spans, the citation mark."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from newsweave.serve.annotate import Annotation, annotate_html, annotations_of
from newsweave.serve.filters import snippet_html, when_range


class Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def strip(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", str(html)))


def well_formed(html: str) -> bool:
    p = Nesting()
    p.feed(str(html))
    return p.ok and not p.stack


TEXT = 'Officials said <b>"the bridge" & the road</b> reopened on Monday night, the mayor said.'


def span(tag: str, start: int, end: int, layer: int = 3, cls: str = "x") -> Annotation:
    return Annotation(start, end, layer, tag, (("class", cls),))


def test_plain_text_is_escaped() -> None:
    html = annotate_html(TEXT, [])
    assert "<b>" not in html and "&lt;b&gt;" in html and strip(html) == TEXT


def test_overlapping_spans_nest_and_keep_the_text() -> None:
    anns = [span("span", 0, 30, 0, "st"), span("mark", 10, 50, 1, "cite"), span("span", 25, 60, 3, "ent"),
            span("span", 40, 41), span("span", 0, 87, 0)]
    html = annotate_html(TEXT, anns)
    assert well_formed(html)
    assert strip(html) == TEXT
    # each annotation covers exactly its characters, possibly in several fragments
    for a in anns:
        covered = "".join(re.findall(rf'<{a.tag} class="{a.attrs[0][1]}">((?:(?!</{a.tag}>).)*)', str(html), re.DOTALL))
        assert a.start == 0 or strip(covered)  # non-empty


def test_citation_mark_has_one_id_and_covers_the_range() -> None:
    analysis = {"entities": [{"start": 0, "end": 9, "text": "Officials", "label": "NORP"},
                             {"start": 60, "end": 74, "text": "Monday night", "label": "DATE"}],
                "statements": [{"content": {"start": 15, "end": 74}, "speaker": {"start": 76, "end": 85},
                                "cue": {"start": 86, "end": 90, "verb": "say"}, "channel": "interview",
                                "relays": ["Reuters"], "direct": False}],
                "timexes": [{"start": 63, "end": 75, "text": "Monday night", "type": "TIME",
                             "value": "2024-03-04TNI", "interval": ["2024-03-04T20:00:00+00:00",
                                                                    "2024-03-05T05:59:59+00:00"]}]}
    html = str(annotate_html(TEXT, annotations_of(TEXT, analysis, cite=(5, 70))))
    assert well_formed(html)
    assert html.count('id="cite"') == 1
    marked = "".join(re.findall(r'<mark class="cite"(?: id="cite")?>(.*?)</mark>', html, re.DOTALL))
    assert strip(marked) == TEXT[5:70]
    assert 'title="said by unattributed · channel: interview · relayed by Reuters · reported speech"' in html
    assert "TIME 2024-03-04TNI → 4 Mar 2024 20:00 – 5 Mar 2024 06:00" in unescape(html)
    assert strip(html) == TEXT


def test_bad_offsets_are_ignored() -> None:
    analysis = {"entities": [{"start": -1, "end": 3}, {"start": 5, "end": 500}, {"start": "a", "end": 2},
                             {"start": 4, "end": 4}, None],
                "statements": [{"content": {"start": 10, "end": 2}}, "junk"], "timexes": [{"start": 1}]}
    assert annotations_of(TEXT, analysis, cite=(80, 9999)) == []
    assert annotations_of(TEXT, None) == []


def test_attribute_values_are_escaped() -> None:
    analysis = {"entities": [{"start": 0, "end": 9, "label": 'X" onmouseover="alert(1)',
                              "canonical": '"><script>alert(2)</script>', "text": "Officials"}]}
    html = str(annotate_html(TEXT, annotations_of(TEXT, analysis)))
    assert "<script>" not in html and 'onmouseover="' not in html
    assert 'class="ent ent-Xonmouseoveralert1"' in html


def test_snippet_marks_only_balanced_hits() -> None:
    html = str(snippet_html('a [hit] and <i>[x] and [unbalanced'))
    assert html == "a <mark>hit</mark> and &lt;i&gt;<mark>x</mark> and [unbalanced"


def test_when_range_reads_intervals() -> None:
    assert when_range("2021-11-07T00:00:00+00:00", "2021-11-07T23:59:59+00:00") == "7 Nov 2021"
    assert when_range("2021-01-01T00:00:00+00:00", "2021-01-31T23:59:59+00:00") == "January 2021"
    assert when_range("2021-06-21T00:00:00+00:00", "2021-06-30T23:59:59+00:00") == "21 Jun 2021 – 30 Jun 2021"
    assert when_range(None, None) == "undated"

"""A report without a publication date takes the one its own dateline states: a title or first line that is only a
date, or a "Posted:/Updated:" stamp near the top. Written-out dates with a year, and numeric ones with a four-digit
year whose day/month order can only be one; never a date after now, a numeric date of unknown order, or a date
inside a sentence. Own invented lines in the layouts web
pages and wire copies leave after extraction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import newsweave
from newsweave.ingest.datelines import dateline_time, headline, is_dateline

NOW = datetime(2026, 1, 1, tzinfo=UTC)

# (title, text, expected ISO value or None, precision)
CASES = [
    ("27 NOVEMBER, 2005", "An earthquake struck the south of the country.", "2005-11-27T00:00:00+00:00", "day"),
    ("November 28th, 2005, 09: 11 GMT", "An earthquake struck.", "2005-11-28T09:11:00+00:00", "minute"),
    ("Tuesday, May 24, 2005", "The team hired a new coach.", "2005-05-24T00:00:00+00:00", "day"),
    (None, "Posted: Apr 02, 2009 11: 06 PM CEST Updated: Apr 02, 2009 11: 06 PM CEST The city attorney said …",
     "2009-04-02T23:06:00+02:00", "minute"),
    (None, "Thursday, Apr 2, 2009 | Updated 1: 32 PM PDT The city attorney said …", "2009-04-02T00:00:00+00:00",
     "day"),
    # a clock time followed by a zone we cannot read keeps only the day
    ("New coach named", "Updated: May 24, 2005, 3: 23 PM ET The team named a new coach.",
     "2005-05-24T00:00:00+00:00", "day"),
    ("New coach named", "The old coach was shown the door. Posted: May 24, 2005 The team named a new coach.",
     "2005-05-24T00:00:00+00:00", "day"),
    # numeric dates with a four-digit year, when only one order of day and month is possible
    ("Posted 11 / 27 / 2005 7: 21 AM", "Strong earthquake jolts the south.", "2005-11-27T07:21:00+00:00", "minute"),
    (None, "Updated 5/5/2010 1:41 PM\nRiots left three bank workers dead.", "2010-05-05T13:41:00+00:00", "minute"),
    ("Posted 27/11/2005 19:21 GMT", "Strong earthquake jolts the south.", "2005-11-27T19:21:00+00:00", "minute"),
    ("11/27/2005 7:21 AM ET", "Strong earthquake jolts the south.", "2005-11-27T00:00:00+00:00", "day"),
    # negatives: numeric dates (11/28/05, 3/4/2010: month first or day first?), a date in a sentence, a month without a day,
    # a date in the future, an ordinary headline
    ("11 / 28 / 05", "An earthquake struck.", None, None),
    (None, "Posted 2 / 3 / 2009 11: 11 PM The team named a new coach.", None, None),
    ("Posted 3/4/2010", "The team named a new coach.", None, None),
    ("Posted 11/31/2005", "The team named a new coach.", None, None),
    ("Report 11/27/2005 on the quake", "An earthquake struck.", None, None),
    (None, "November 28, 2005 will be remembered as a dark day for the city.", None, None),
    ("November 2005", "An earthquake struck.", None, None),
    ("March 3, 2031", "The vote is planned.", None, None),
    ("Quake shakes southern Iran", "An earthquake struck on November 27, 2005.", None, None),
]


@pytest.mark.parametrize(("title", "text", "value", "precision"), CASES)
def test_dateline_time(title, text, value, precision) -> None:
    found = dateline_time(title, text, now=NOW)
    if value is None:
        assert found is None
    else:
        assert found is not None and found.value.isoformat() == value
        assert (found.precision, found.origin) == (precision, "dateline") and found.confidence < 0.9


def test_is_dateline() -> None:
    assert is_dateline("27 NOVEMBER, 2005") and is_dateline("Thursday, Apr 2, 2009 | Updated 1: 32 PM PDT")
    assert is_dateline("Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 27, 2005 8: 10 PM ET")
    assert not is_dateline("Quake shakes southern Iran") and not is_dateline("May 2005 was a hard month")
    assert is_dateline("Posted 11 / 27 / 2005 7: 21 AM") and is_dateline("Updated 5/5/2010 1:41 PM")
    assert not is_dateline("11/27/2005 quake kills 10") and not is_dateline("Vote 3/4 of members")


def test_ingested_report_without_date_takes_its_dateline_and_a_dated_one_keeps_its_date(tmp_path) -> None:
    with newsweave.open(tmp_path / "n.db") as nw:
        nw.ingest_records([
            {"id": "a", "title": "27 NOVEMBER, 2005", "text": "An earthquake struck southern Iran on Sunday, "
             "damaging homes in several villages and injuring dozens of people, officials said."},
            {"id": "b", "title": "28 NOVEMBER, 2005", "date": "2005-11-29", "text": "Aftershocks rattled "
             "southern Iran on Monday as rescuers searched the rubble of damaged homes, officials said."},
        ], process=False)
        by_title = {a.title: a for a in nw.articles()}
        a, b = by_title["27 NOVEMBER, 2005"], by_title["28 NOVEMBER, 2005"]
        assert a.published.value == datetime(2005, 11, 27, tzinfo=UTC) and a.published.origin == "dateline"
        assert b.published.value.date().isoformat() == "2005-11-29" and b.published.origin == "field"


def test_batch_grouping_reads_datelines_only_when_asked() -> None:
    from newsweave.stories.batch import read_jsonl_articles

    lines = ['{"id": "a", "title": "27 NOVEMBER, 2005", "text": "An earthquake struck southern Iran."}',
             '{"id": "b", "title": "Quake shakes Iran", "date": "2005-11-28", "text": "Aftershocks followed."}']
    plain = {a.id: a.published for a in read_jsonl_articles(lines)}
    dated = {a.id: a.published for a in read_jsonl_articles(lines, datelines=True)}
    assert plain["a"].value is None and dated["a"].origin == "dateline"
    assert plain["b"] == dated["b"] and dated["b"].origin == "field"


STAMPED = ("Riot breaks out in Brooklyn following candlelight vigil for 16-year-old shot by cops\nMemorial for "
           "the teen, who was fatally wounded by police Saturday after allegedly pointing a gun in their direction, "
           "turned ugly as nearly 100 angry mourners clashed with cops, tossing bottles and creating a melee in East "
           "Flatbush, a few blocks from the shooting.\n"
           "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM\nUPDATED: TUESDAY, MARCH 12, 2013, 9: 36 AM\n"
           "The commissioner visited the precinct about 12: 30 a. m. Tuesday but did not speak to reporters.")


def test_relative_times_count_from_a_stated_update_a_report_keeps_its_publication_date() -> None:
    from newsweave.ingest.datelines import MAX_UPDATE_GAP, reference_time

    published = dateline_time(None, STAMPED, now=NOW)
    assert published is not None and published.value == datetime(2013, 3, 11, 22, 34, tzinfo=UTC)
    assert reference_time(published.value, None, STAMPED) == datetime(2013, 3, 12, 9, 36, tzinfo=UTC)
    # an update long after publication (a correction a month later) does not move what "Tuesday" means
    early = datetime(2013, 3, 12, 9, 36, tzinfo=UTC) - MAX_UPDATE_GAP - MAX_UPDATE_GAP
    assert reference_time(early, None, STAMPED) == early
    assert reference_time(None, None, STAMPED) is None  # no publication time, nothing to anchor on
    assert reference_time(published.value, None, "No stamp here.") == published.value


def test_analysis_resolves_weekdays_against_the_update() -> None:
    pytest.importorskip("spacy")
    from newsweave.analyze.pipeline import analyze_article
    from newsweave.model import Article

    published = dateline_time(None, STAMPED, now=NOW)
    analysis = analyze_article(Article(id="r", text=STAMPED, published=published))
    tuesday = [t for t in analysis.timexes if t.text.endswith("Tuesday") and t.span.start > STAMPED.index("visited")]
    assert tuesday and tuesday[0].value.startswith("2013-03-12"), [(t.text, t.value) for t in analysis.timexes]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Quake shakes southern Iran", "An earthquake struck.", "Quake shakes southern Iran"),
        # a title that is only a date names nothing: the first line of the text that is not a date, to its sentence end
        ("Posted 11 / 27 / 2005 7: 21 AM", ("Posted 11 / 27 / 2005 7: 21 AM\nUpdated 11 / 27 / 2005 3: 41 PM\n"
                                            "Strong earthquake jolts the south\nAn earthquake struck."),
         "Strong earthquake jolts the south"),
        ("11 / 28 / 05", "Aftershocks jolt the island. The toll rose to ten.", "Aftershocks jolt the island."),
        (None, "27 NOVEMBER, 2005\nTen people were killed. Dozens were hurt.", "Ten people were killed."),
        ("  ", "", "Untitled report"),
    ],
)
def test_headline(title, text, expected) -> None:
    assert headline(title, text) == expected


def test_headline_shortens_at_a_word() -> None:
    got = headline(None, "The city council voted late on Monday night to approve the new budget for schools", limit=40)
    assert got.endswith("…") and len(got) <= 40 and got[:-1] in "The city council voted late on Monday night"

"""End to end with the real models: two reports of one event form a story; another drone attack does not join."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsweave.model import Article, PublishedTime
from newsweave.stories import StoryGrouper, article_features_batch, group_articles, group_jsonl

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "data" / "sample"

# A made-up report (fictional places and people) of an event of the same kind, two years earlier.
OTHER_DRONE_ATTACK = """ date 2019-04-02 An explosive-laden drone struck the governor's compound in Marvelle, the capital \
of the fictional province of Ostrana, late on Monday, officials said.

Governor Elena Varga was not at the compound at the time. Three guards were wounded and a storage building \
caught fire, the provincial police chief, Tomas Rell, told reporters on Tuesday.

No group has claimed the attack. The Ostrana provincial council condemned it and said an investigation had begun.

It was the second attack on government buildings in Marvelle this year; in January a car bomb damaged the \
province's tax office."""


def _article(name: str, raw: str) -> Article:
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", raw)
    assert m, f"{name}: expected a ' date YYYY-MM-DD' prefix"
    when = datetime.fromisoformat(m.group(1)).replace(tzinfo=UTC)
    return Article(id=name, text=raw[m.end():], published=PublishedTime(when, "day", "text-prefix", 1.0))


@pytest.fixture(scope="module")
def reports() -> list[Article]:
    files = sorted(EXAMPLES.glob("*.txt"))
    if len(files) < 2:
        pytest.skip(f"example reports not found in {EXAMPLES}")
    arts = [_article(p.stem, p.read_text(encoding="utf-8")) for p in files[:2]]
    return arts + [_article("other-drone-attack", OTHER_DRONE_ATTACK)]


def test_example_reports_form_one_story_and_another_attack_does_not_join(reports):
    assignments = group_articles(reports)
    by_id = {a.article_id: a for a in assignments}
    first, second, other = (by_id[r.id] for r in reports)
    assert first.story_id == second.story_id
    assert other.story_id != first.story_id


def test_same_event_of_same_kind_without_dates_still_separated(reports):
    # without publication dates only content can tell the two drone attacks apart
    undated = [Article(id=r.id, text=r.text) for r in reports]
    grouper = StoryGrouper()
    feats = article_features_batch(undated)
    # the unrelated attack arrives between the two reports of the same event
    ids = [grouper.add(f).story_id for f in (feats[0], feats[2], feats[1])]
    assert ids[0] == ids[2] and ids[1] != ids[0]


def test_group_jsonl_writes_one_line_per_record_in_input_order(reports, tmp_path):
    records = [{"id": r.id, "date": r.published.value.date().isoformat(), "title": None, "text": r.text,
                "source": ""} for r in reports]
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(x) + "\n" for x in records), encoding="utf-8")
    out = io.StringIO()
    stories = group_jsonl(inp, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == [r.id for r in reports]
    assert lines[0]["story"] == lines[1]["story"] != lines[2]["story"]
    assert stories == {x["id"]: x["story"] for x in lines}


UNRELATED_SAME_WEEK = [
    ("bridge-1", "2021-11-07", ("The harbour bridge in Porthaven reopened to traffic on Saturday after eight months of "
     "repairs, the city council said. Traffic was light in the morning, and officials said the work came in under "
     "budget.")),
    ("floods-1", "2021-11-09", ("Heavy rain flooded roads across the Severn valley on Monday and forced twelve schools "
     "to close, local authorities said. Forecasters expect more rain later in the week.")),
    ("bridge-2", "2021-11-07", ("Porthaven's harbour bridge is open again after repairs that took eight months, the "
     "council said on Saturday. The repairs cost less than planned, a council spokesman said.")),
]


def test_unrelated_reports_of_the_same_days_do_not_join(reports):
    # Publication dates only separate; reports of one week share a year and a month, which is no evidence that
    # they tell one story (grouping once glued the floods to the bridge because both were published in 2021).
    others = [Article(id=i, text=t, published=PublishedTime(datetime.fromisoformat(d).replace(tzinfo=UTC), "day",
                                                             "metadata", 1.0)) for i, d, t in UNRELATED_SAME_WEEK]
    by_id = {a.article_id: a.story_id for a in group_articles(reports[:2] + others)}
    drone = by_id[reports[0].id]
    assert by_id[reports[1].id] == drone
    assert by_id["bridge-1"] == by_id["bridge-2"]
    assert len({drone, by_id["bridge-1"], by_id["floods-1"]}) == 3


def test_another_attack_of_the_same_week_is_another_story(reports):
    # the same kind of event, published the same days: only the content (places, people) tells them apart
    other = reports[2]
    same_week = Article(id=other.id, text=other.text, published=reports[1].published)
    by_id = {a.article_id: a.story_id for a in group_articles(reports[:2] + [same_week])}
    assert by_id[reports[0].id] == by_id[reports[1].id] != by_id[other.id]

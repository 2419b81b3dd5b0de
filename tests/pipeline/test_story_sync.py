"""Mirroring the grouper into the store: a story created and merged within one grouping chunk."""

from __future__ import annotations

import newsweave
from newsweave import stages
from newsweave.stories import StoryGrouper
from tests.stories.helpers import QUAKE_A, QUAKE_WORDS, report


def test_story_created_and_merged_in_one_chunk_is_stored_with_its_target(tmp_path):
    with newsweave.open(tmp_path / "n.db") as nw:
        nw.ingest_texts(["First report of the quake in the north.", "Second report of the same quake.",
                         "Third report: the quake's aftershocks."], process=False)
        ids = [a.id for a in nw.articles()]
        grouper = StoryGrouper()
        for aid, sid in zip(ids, ("s-a", "s-b", "s-c"), strict=True):
            grouper.place(report(aid, topic=1, words=QUAKE_WORDS, entities=QUAKE_A), sid)
        grouper.merge("s-b", "s-a", manual=False)  # a into b, then b into c, all within one chunk
        grouper.merge("s-c", "s-b", manual=False)
        # none of the stories was stored before; each merge target must be written before a story points at it
        stages._sync_stories(nw.store, grouper, ["s-c"], {"s-a": "s-b", "s-b": "s-c"})
        assert nw.store.get_story("s-a").id == "s-c" and nw.store.get_story("s-b").id == "s-c"
        assert sorted(m.article_id for m in nw.store.story_members("s-c")) == sorted(ids)

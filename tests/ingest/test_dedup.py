"""Content hashes and near-duplicate detection."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.ingest.dedup import (
    NUM_PERM,
    NearDuplicateIndex,
    article_id,
    content_hash,
    shingles,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)

WIRE = """The government of Veloria declared a state of emergency in three coastal provinces on Sunday after a
magnitude 5.9 earthquake damaged hundreds of homes and cut electricity to more than 40,000 households.

The quake struck at 6:12 a.m. local time about 20 kilometres off the coast at a depth of 10 kilometres, the
national seismology institute said. Residents of the port city of Marren described walls cracking and
furniture sliding across floors as the shaking lasted for nearly half a minute.

"We have teams on the ground in every affected district and we are bringing in generators and drinking water,"
the head of the civil protection agency told reporters at a briefing in the capital. He said 27 people had been
treated in hospital for minor injuries and that no deaths had been reported so far.

The energy ministry said engineers expected to restore power to most homes by Tuesday. Schools in the three
provinces will stay closed on Monday while inspectors check the buildings for structural damage.

Veloria sits on an active fault line and is hit by several moderate earthquakes every year. The last major quake,
in 1998, killed more than 200 people and destroyed much of the old town of Marren."""

EXTRA_LEDE = """Frightened residents of Veloria's southern coast spent the night outdoors after the strongest tremor
in two decades rattled the region, with many saying they were too afraid to return to their damaged houses.
"""

EXTRA_PARAGRAPH = """Neighbouring countries offered help. The foreign ministry said it had received calls from
several governments and that rescue teams were on standby should the situation worsen."""

INDEPENDENT = """An earthquake of magnitude 5.9 shook southern Veloria early on Sunday, officials said, prompting the
authorities to declare an emergency in three provinces along the coast.

In Marren, the largest city in the region, shopkeepers swept up broken glass while queues formed outside petrol
stations. Power was out across much of the city for most of the day, and the electricity company said repairs
could take until Tuesday.

Hospitals treated 27 people with light injuries, according to the civil protection agency, whose chief promised
generators and water for the worst-hit areas. Nobody was killed.

Seismologists said the tremor began at sea, about 20 kilometres from the shore, and was shallow, which explains
why it was felt so strongly. The country suffers frequent quakes; one in 1998 left more than 200 dead.

Classes are cancelled on Monday in the affected provinces so that engineers can inspect school buildings."""


def _rewrite(text: str) -> str:
    """A light copy-edit: a handful of words changed, as an outlet re-running a wire story does."""
    for old, new in [("declared", "announced"), ("described", "reported"), ("told reporters", "said"),
                     ("expected", "hoped"), ("moderate", "smaller")]:
        text = text.replace(old, new, 1)
    return text


def test_content_hash_ignores_case_spacing_and_normal_form() -> None:
    base = "Café  opens\nin Marren."
    assert content_hash(base) == content_hash("  CAFÉ opens in   marren. ")
    assert content_hash(base) == content_hash("Cafe\u0301 opens in Marren.")  # NFD é
    assert content_hash(base) != content_hash("Café opens in Marren!")
    assert article_id(base) == content_hash(base)[:16]
    assert len(article_id(base)) == 16 and int(article_id(base), 16) >= 0


def test_light_rewrite_is_found() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    ((found, score),) = index.query(_rewrite(WIRE))
    assert found == "wire" and 0.8 <= score < 1.0


def test_wire_copy_with_new_lede_and_extra_paragraph_is_found() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    copy = EXTRA_LEDE + "\n" + WIRE + "\n\n" + EXTRA_PARAGRAPH
    ((found, score),) = index.query(copy)
    assert found == "wire" and score >= 0.9
    sig_wire, sig_copy = signature(WIRE), signature(copy)
    jaccard_only = similarity(sig_wire, sig_copy, min_size_ratio=1.01)  # containment switched off
    assert jaccard_only < 0.8  # found thanks to containment, not Jaccard


def test_different_report_of_the_same_event_is_not_linked() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    index.add("copy", _rewrite(WIRE))
    assert index.query(INDEPENDENT) == []
    assert similarity(signature(WIRE), signature(INDEPENDENT)) < 0.2


def test_short_text_quoted_inside_a_long_one_is_not_a_copy() -> None:
    brief = WIRE.split("\n\n")[0]
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    assert index.query(brief) == []  # fully contained, but a fraction of the size
    assert similarity(signature(brief), signature(WIRE), min_size_ratio=0.0) > 0.8  # containment alone is high


def test_estimate_from_stored_signatures_is_close_to_exact() -> None:
    texts = {"wire": WIRE, "independent": INDEPENDENT}
    exact = NearDuplicateIndex()
    rebuilt = NearDuplicateIndex()
    for key, text in texts.items():
        exact.add(key, text)
        rebuilt.add_signature(key, signature_from_bytes(signature_to_bytes(signature(text))))
    for query in (_rewrite(WIRE), EXTRA_LEDE + WIRE + EXTRA_PARAGRAPH):
        (a_id, a_score), = exact.query(query)
        (b_id, b_score), = rebuilt.query_signature(signature(query))
        assert a_id == b_id == "wire" and abs(a_score - b_score) < 0.1


def test_index_basics() -> None:
    index = NearDuplicateIndex()
    index.add("a", WIRE)
    index.add("a", INDEPENDENT)  # same id again: ignored
    assert len(index) == 1 and "a" in index and "b" not in index
    assert index.query(WIRE) == [("a", 1.0)]
    assert index.query("") == [] and NearDuplicateIndex().query(WIRE) == []
    assert np.array_equal(index.signature_of("a"), signature(WIRE))


def test_many_articles_use_the_band_index() -> None:
    rng = np.random.default_rng(7)
    vocabulary = np.array([f"w{i}" for i in range(5000)])
    index = NearDuplicateIndex()
    texts = [" ".join(rng.choice(vocabulary, 150)) for _ in range(700)]
    for number, text in enumerate(texts):
        index.add(f"doc{number}", text)
    for number in (3, 350, 699):  # in the sorted part and in the recent, unmerged part
        assert index.query(texts[number] + " one more sentence here")[0][0] == f"doc{number}"
    assert index.query(" ".join(rng.choice(vocabulary, 150))) == []


def test_tiny_texts_are_one_shingle() -> None:
    assert len(shingles("Two words")) == 1 and len(shingles("")) == 0
    assert signature("")[0] == 0


def test_signature_does_not_depend_on_the_process() -> None:
    code = (
        "from newsweave.ingest.dedup import signature, signature_to_bytes;"
        f"import sys; sys.stdout.write(signature_to_bytes(signature({WIRE!r})).hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert bytes.fromhex(out) == signature_to_bytes(signature(WIRE))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_signature_bytes_round_trip(text: str) -> None:
    sig = signature(text)
    assert sig.shape == (NUM_PERM + 1,) and sig.dtype == np.uint32
    data = signature_to_bytes(sig)
    assert len(data) == 5 + 4 * (NUM_PERM + 1)
    assert np.array_equal(signature_from_bytes(data), sig)


@given(st.binary(max_size=600))
def test_signature_from_bytes_rejects_garbage(data: bytes) -> None:
    with pytest.raises(ValueError):
        signature_from_bytes(data)


def test_bulk_rebuild_matches_incremental() -> None:
    rng = np.random.default_rng(11)
    vocabulary = np.array([f"w{i}" for i in range(3000)])
    texts = [" ".join(rng.choice(vocabulary, 120)) for _ in range(400)]
    incremental, bulk = NearDuplicateIndex(keep_shingles=False), NearDuplicateIndex(keep_shingles=False)
    for number, text in enumerate(texts):
        incremental.add(str(number), text)
    bulk.add_signatures((str(n), signature_from_bytes(signature_to_bytes(signature(t)))) for n, t in enumerate(texts))
    assert len(bulk) == len(incremental) == 400
    for number in (0, 199, 399):
        probe = texts[number] + " and a few more words"
        assert bulk.query(probe) == incremental.query(probe) != []


def test_real_news_copies_stay_within_their_story() -> None:
    """ECB+ (CC BY 3.0): reports of different events, even of the same kind, are never linked as copies."""
    import json

    data = Path(os.environ.get("NEWSWEAVE_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
    path = data / "ecbplus_train.jsonl"
    if not path.exists():
        pytest.skip("development data ecbplus_train.jsonl not available (set NEWSWEAVE_DATA)")
    index = NearDuplicateIndex(keep_shingles=False)
    story_of: dict[str, str] = {}
    links = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            story_of[record["id"]] = record["story"]
            sig = signature(record["text"])
            links += [(other, record["id"]) for other, _ in index.query_signature(sig, 0.8)]
            index.add_signature(record["id"], sig)
    assert links, "ECB+ holds syndicated copies; finding none means detection is broken"
    assert all(story_of[a] == story_of[b] for a, b in links)

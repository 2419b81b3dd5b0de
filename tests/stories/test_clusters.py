from __future__ import annotations

import json

import pytest

from newsweave.errors import InputError
from newsweave.eval.clusters import format_table, read_labels, score_clusters, score_files

GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"}


def test_pairwise_and_bcubed_on_a_hand_computed_example():
    pred = {"a": "P1", "b": "P1", "c": "P2", "d": "P2", "e": "P2"}
    s = score_clusters(GOLD, pred)
    # contingency: (G1,P1)=2 (G1,P2)=1 (G2,P2)=2 → tp = 1 + 0 + 1 = 2; pred pairs = 1 + 3; gold pairs = 3 + 1
    assert s["true_pairs"] == 2
    assert s["pairwise_precision"] == pytest.approx(0.5)
    assert s["pairwise_recall"] == pytest.approx(0.5)
    assert s["pairwise_f1"] == pytest.approx(0.5)
    # BCubed precision: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15; recall: 2/3, 2/3, 1/3, 1, 1 → 11/15
    assert s["bcubed_precision"] == pytest.approx(11 / 15)
    assert s["bcubed_recall"] == pytest.approx(11 / 15)
    assert s["bcubed_f1"] == pytest.approx(11 / 15)
    assert (s["gold_stories"], s["predicted_stories"], s["splits"], s["merges"]) == (2, 2, 1, 1)


def test_all_singletons_have_no_pairs():
    s = score_clusters(GOLD, {k: k for k in GOLD})
    assert s["pairwise_precision"] == 1.0 and s["pairwise_recall"] == 0.0 and s["pairwise_f1"] == 0.0
    assert s["bcubed_precision"] == 1.0
    assert s["bcubed_recall"] == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    assert s["splits"] == 3 and s["merges"] == 0


def test_everything_in_one_cluster():
    s = score_clusters(GOLD, {k: "all" for k in GOLD})
    assert s["pairwise_recall"] == 1.0
    assert s["pairwise_precision"] == pytest.approx(4 / 10)
    assert s["bcubed_precision"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert s["merges"] == 1


def test_perfect_prediction_with_other_label_names():
    s = score_clusters(GOLD, {k: {"G1": 7, "G2": 9}[v] for k, v in GOLD.items()})
    assert s["pairwise_f1"] == 1.0 and s["bcubed_f1"] == 1.0 and s["splits"] == s["merges"] == 0


def test_missing_items_are_counted_not_scored():
    s = score_clusters(GOLD, {"a": 1, "b": 1, "z": 2})
    assert s["items"] == 2 and s["missing_in_pred"] == 3 and s["extra_in_pred"] == 1


def test_files_and_table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps({"id": k, "story": v}) + "\n" for k, v in GOLD.items()))
    pred.write_text("".join(json.dumps({"id": k, "story": "x"}) + "\n" for k in GOLD))
    s = score_files(gold, pred)
    assert s["predicted_stories"] == 1
    table = format_table([("ours", s), ("base", score_clusters(GOLD, GOLD))], ratio=True)
    assert table.splitlines()[0].startswith("| system |") and "ratio ours / base" in table
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        read_labels(bad)

"""Who said what lists sayings: verbs of saying; verbs of thinking, finding or acting ("fear", "show", "call",
"protest") only with a message that reads as a clause or carries a quotation. Table-driven, with negatives, and
end to end through a dossier of an invented report."""

from __future__ import annotations

import pytest
from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.dossier import build_dossier
from newsweave.reconcile.sayings import is_saying


@pytest.mark.parametrize(
    ("cue", "message", "listed"),
    [
        ("say", "the bridge will reopen on Monday", True),
        ("tell", "reporters the toll had risen", True),
        ("according to", "the ministry", True),
        ("condemn", "the attack", True),
        ("fear", "that the crisis is spreading", True),
        ("believe", "the toll will rise", True),  # a modal: a clause
        ("show", "he had been shot seven times", True),
        ("call", "the cuts “savage attacks on workers”", True),  # a quotation
        ("describe", "him as a dedicated family man", True),
        # negatives: a thing, not a message
        ("feel", "the quake", False),
        ("protest", "police treatment", False),
        ("call", "new elections", False),
        ("charge", "murder", False),
        ("show", "a 20 percent approval rating", False),
        ("point", "a revolver at the officers", False),
        ("respond", "stun grenades and tear gas", False),
        ("respond", "that the claims were false", True),
        # acts and perceptions PolNeAR counts as attributions
        ("attack", "a television crew's truck", False),
        ("record", "high-definition video", False),
        ("refuse", "to accept the result", False),
        ("plan", "to import more features", False),
        (None, "the shadows", False),
    ],
)
def test_is_saying(cue, message, listed):
    assert is_saying(cue, message) is listed


def test_who_said_what_leaves_out_acts_and_perceptions(nlp):
    text = ("The mayor said the bridge would reopen on Monday. Residents in the valley felt the quake. "
            "A crowd protested police treatment outside the station. Officials fear that the damage is worse "
            "than reported.")
    d = build_dossier(Story(id="s-1", title="Quake"), [make_article("r1", text, date="2022-03-09")], {}, nlp=nlp)
    said = {text[s.content.start: s.content.end] for s in d.statements}
    assert any("bridge would reopen" in m for m in said)
    assert any("damage is worse" in m for m in said)
    assert not any("quake" == m.strip() or "the quake" in m for m in said)
    assert not any("police treatment" in m for m in said)

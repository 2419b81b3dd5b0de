"""Which of a report's statements belong in the dossier's "who said what".

The analysis finds attributions the way PolNeAR annotates them, and PolNeAR counts far more than sayings: what
people saw, wanted, refused, planned or did ("the officers say he pointed a revolver at them" holds a saying *and*
"he pointed a revolver", which is no saying of his), what things do ("the rear camera records high-definition
video"), what a crowd protested. The analysis keeps them (they are measured against PolNeAR); a reader of "who
said what" wants sayings. So an indirect statement is listed when its cue is a verb of saying
(:data:`~newsweave.analyze.statements.cues.SPEECH_VERBS` and :data:`OTHER_SAYING_CUES`: "condemned", "called
for", "according to", "accusation" …); a verb of thinking or finding ("believe", "fear", "show", "know") and a
few verbs that also name other acts ("call", "protest", "charge", "speak") only with a message that reads as a
clause or carries a quotation ("officials fear that the crisis is spreading", not "residents felt the quake" or
"the prime minister called new elections"). The test is on the words (a leading "that" or question word, an
auxiliary or modal, a quotation mark, "as"): a clause without any ("officials believe the drones came from the
east") is missed. Quotations are always listed. A statement with no speaker, a message that is only a pronoun ("said
that"), and "no one" as speaker are left out.
"""

from __future__ import annotations

import re

from ..analyze.statements.cues import COMPLEMENT_ONLY, SPEECH_VERBS
from ..model import Statement
from .lexicons import NOBODY

__all__ = ["OTHER_SAYING_CUES", "in_who_said_what", "is_saying"]

_OTHER_SAYING_WORDS = (
    "call condemn denounce criticize criticise praise applaud hail welcome dismiss reject rebuff defend express "
    "voice issue demand attribute encourage accuse accusation assertion insistence statement claim remark lash "
    "slam blast mock ridicule deride chant speak talk detail"
)
OTHER_SAYING_CUES: frozenset[str] = frozenset(_OTHER_SAYING_WORDS.split()) | {
    "according to", "spell out", "lash out", "call for", "speak out"}

_EMPTY_MESSAGE = frozenset({"that", "this", "it", "so", "these", "those", "them", "him", "her", "which", "what",
                            "the", "same"})
# verbs that tell of a saying only with a message that is a clause or a quotation: "officials fear that …",
# "the autopsy showed he had been shot", "called the cuts “savage attacks”" — not "residents felt the quake", "the
# crowd protested police treatment", "he was charged with murder", "the prime minister called new elections",
# "police responded with stun grenades"
_NEEDS_CLAUSE = COMPLEMENT_ONLY | frozenset({"protest", "speak", "talk", "call", "charge", "discuss", "address",
                                             "respond", "reply", "answer", "react"})  # "responded with tear gas"
_CLAUSE_START = re.compile(r"^\W*(?:that|whether|if|how|why|what|who|when|where)\b", re.IGNORECASE)
_AUXILIARY_WORDS = ("is are was were be been being has have had will would can could shall should may might must do "
                    "does did won't can't don't didn't isn't wasn't")
_AUXILIARIES = frozenset(_AUXILIARY_WORDS.split())
_WORD = re.compile(r"\w+(?:'t|’t)?")


def is_saying(cue_verb: str | None, message: str) -> bool:
    """Whether an indirect statement with this cue and message tells of someone saying something (module doc)."""
    cue = (cue_verb or "").lower().strip()
    if cue in _NEEDS_CLAUSE:
        return _clause_like(message)
    return cue in SPEECH_VERBS or cue in OTHER_SAYING_CUES


def _clause_like(message: str) -> bool:
    """A message that reads as a clause or carries a quotation ("that the toll would rise", "he had been shot",
    "the cuts “savage attacks”", "him as a dedicated family man"), not a thing ("the quake", "police treatment")."""
    if _CLAUSE_START.match(message) or any(q in message for q in "“”\"") or " as " in f" {message} ":
        return True
    return any(w.lower() in _AUXILIARIES for w in _WORD.findall(message))


def in_who_said_what(s: Statement, message: str) -> bool:
    """Whether statement ``s`` (with ``message``, its content's text) is listed in "who said what"."""
    if s.speaker is None and not s.direct:
        return False  # a speaker-less stance ("known for partying") says nothing about who said it
    if not s.direct and not is_saying(s.cue_verb, message):
        return False
    if NOBODY.match(s.speaker_text or ""):
        return False  # "no one has claimed responsibility": a fact about silence (the claims keep it), no speaker
    return any(w.lower() not in _EMPTY_MESSAGE for w in _WORD.findall(message))

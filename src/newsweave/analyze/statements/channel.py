"""Channel of a statement: how the words reached the public, read from the words around the cue.

Channels (first match wins, in this order):

* ``social media post`` — tweeted/posted, "on Twitter/X/Facebook/Telegram", "in a post"
* ``written statement`` — "in a (written) statement", "in a letter", "press release", "communique", "wrote"
* ``press briefing`` — "at a press/news conference", "briefing", "told reporters/journalists"
* ``interview`` — "in an interview", "told <news outlet>" (e.g. "told AFP")
* ``broadcast`` — television/radio/"on state TV", a broadcaster as speaker or relay
* ``report`` — the speaker is a report, study, newspaper or news agency ("the report said", "AP reported")
* ``unknown`` — nothing says how
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .cues import (
    BROADCAST_WORDS,
    INTERVIEW_WORDS,
    PRESS_WORDS,
    REPORT_WORDS,
    SOCIAL_MEDIA_WORDS,
    WRITTEN_WORDS,
)

__all__ = ["CHANNELS", "classify_channel"]

CHANNELS = (
    "written statement",
    "social media post",
    "press briefing",
    "interview",
    "broadcast",
    "report",
    "unknown",
)

_SOCIAL_VERBS = frozenset({"tweet", "post", "retweet", "livestream"})
_WRITTEN_VERBS = frozenset({"write", "email", "e-mail", "text", "memo", "publish"})
_BROADCAST_VERBS = frozenset({"broadcast", "air", "televise"})


def _words(tokens: Iterable[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out


def classify_channel(
    cue: Token | None,
    context: Iterable[Token],
    *,
    speaker_kind: str | None = None,
    speaker_root: Token | None = None,
    told_outlet: bool = False,
) -> str:
    """The channel of a statement from its cue verb, the cue's own dependents (``context``: prepositional
    phrases, objects, trailing participles — not the content) and the kind of speaker."""
    words = _words(context)
    lemma = cue.lemma_.lower() if cue is not None else ""
    speaker_word = speaker_root.lemma_.lower() if speaker_root is not None else ""
    if lemma in _SOCIAL_VERBS or words & SOCIAL_MEDIA_WORDS - {"post", "x", "page", "account", "handle", "social"}:
        return "social media post"
    if "social" in words and words & {"media", "network", "networks", "networking"}:
        return "social media post"  # "on social media" (but "a social drinker", "social services": no post)
    if ("on" in words and words & {"x", "page", "account", "handle"}) or (
        "post" in words and lemma not in ("report",) and "washington" not in words and "new" not in words
    ):
        return "social media post"
    if words & WRITTEN_WORDS or lemma in _WRITTEN_VERBS or speaker_word in ("statement", "letter", "release"):
        return "written statement"
    if words & PRESS_WORDS or ("press" in words and "conference" in words):
        return "press briefing"
    if words & INTERVIEW_WORDS or told_outlet:
        return "interview"
    if words & BROADCAST_WORDS or lemma in _BROADCAST_VERBS or speaker_word in ("broadcaster", "television"):
        return "broadcast"
    if words & REPORT_WORDS or speaker_word in REPORT_WORDS or speaker_kind in ("outlet", "medium"):
        return "report"
    if lemma == "report":
        return "report"
    return "unknown"

"""Embedded social-media posts: the text a page keeps of an embedded tweet, signed after a dash.

Twitter's embed code, once a page is reduced to text, leaves the post followed by its signature::

    While I respect the professionals at the FBI, this announcement defies explanation.
    pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) July 5, 2016

The words before the dash are the author's post; the name before the handle is the speaker. Links and picture
addresses at the end of the post are left out of the content; the post starts at its paragraph (or after the
markup tag that opens it).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .docindex import DocIndex
from .reported import Candidate

__all__ = ["embedded_posts"]

_SIGNATURE = re.compile(
    r"[ \t\u00a0]*[—―–]+[ \t\u00a0]*"  # the dash, glued to the post or not
    r"(?P<name>[^\s@()<>—―–][^\n@()<>—―–]{0,60}?)[ \t\u00a0]*"
    r"\(@\w{1,30}\)"  # the handle
)
_TRAILING_LINKS = re.compile(r"(?:[ \t\u00a0]*(?:https?://\S+|pic\.twitter\.com/\S+))+[ \t\u00a0]*$")
_MIN_POST_CHARS = 8


def embedded_posts(doc: Doc, ix: DocIndex, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for posts signed "— Name (@handle)", one per signature, skipping spans already taken."""
    text = ix.text
    out: list[Candidate] = []
    for m in _SIGNATURE.finditer(text):
        para = text.rfind("\n", 0, m.start()) + 1
        tag = text.rfind(">", para, m.start())
        lo = tag + 1 if tag >= 0 else para
        body = text[lo : m.start()]
        hi = lo + len(_TRAILING_LINKS.sub("", body).rstrip())
        while lo < hi and text[lo].isspace():
            lo += 1
        if hi - lo < _MIN_POST_CHARS or any(a < hi and lo < b for a, b in taken):
            continue
        name_end = m.end("name")
        while name_end > m.start("name") and text[name_end - 1].isspace():
            name_end -= 1
        name_last = ix.token_at(name_end) - 1  # the token the name ends in
        dash = ix.token_at(m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u00a0")) + 1) - 1
        if not (0 <= name_last < len(doc)) or doc[name_last].pos_ not in ("PROPN", "NOUN"):
            continue
        out.append(Candidate(dash, dash + 1, doc[dash], doc[name_last], lo, hi, True, "post", None))
    return out

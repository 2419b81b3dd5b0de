"""Simple within-report pronoun resolution for third-person singular personal pronouns.

``he``/``she`` and their forms are linked to the most recent compatible person mention in the same
sentence or the three before it. Preferences, in order: a person already known to have the pronoun's
gender, a main-clause subject, any subject, the nearest mention (possessives and reflexives in the same
sentence take the nearest person). A pronoun outside quotation marks never takes an antecedent from
inside a quotation (the person quoted is talking *about* others, the speaker is outside), and a name used
as a modifier ("an Oscar host") is no antecedent. Gender is learnt from gendered titles (Mr, Mrs, Queen
...) and from earlier pronouns, and a person is not given pronouns of both genders; a given name of one gender
("Jane Roe") only rules out the other pronoun. An object pronoun (``him``/``her``) does not refer to the subject
of its own verb.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["RawMention", "inside", "quoted_regions", "resolve_pronouns", "sentence_of", "subject_flags"]

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_REFLEXIVE = frozenset({"himself", "herself"})
_OBJECT = frozenset({"him", "her"})
_LOOKBACK = 3
_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}


@dataclass(slots=True)
class RawMention:
    """A mention while the report is being analysed (mutable; becomes a :class:`~newsweave.model.Mention`)."""

    start: int
    end: int
    text: str
    label: str
    kind: str  # name | alias | nominal | pronoun
    sentence: int
    subject: bool = False
    main_subject: bool = False
    cluster: int | None = None
    role: str | None = None
    qualifier: str | None = None
    head: int | None = None  # token index of the syntactic head
    gender: str | None = None
    possessive: bool = False


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks (curly, guillemets or straight), never across a blank line.

    A quotation may run over several sentences of one paragraph. Single quotes are ignored (apostrophes).
    """
    regions: list[tuple[int, int]] = []
    for block in re.finditer(r"(?:(?!\n[ \t]*\n).)+", text, flags=re.DOTALL):
        base, chunk = block.start(), block.group(0)
        open_at: int | None = None
        closer = ""
        for i, ch in enumerate(chunk):
            if open_at is None:
                if ch in _QUOTE_PAIRS:
                    open_at, closer = i, _QUOTE_PAIRS[ch]
            elif ch == closer:
                regions.append((base + open_at, base + i + 1))
                open_at = None
        if open_at is not None and closer != '"':  # an unclosed curly quote runs to the paragraph end
            regions.append((base + open_at, base + len(chunk)))
    return regions


def inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def sentence_of(bounds: Sequence[tuple[int, int]], pos: int) -> int:
    """Index of the sentence containing (or, between sentences, preceding) character ``pos``."""
    lo, hi = 0, len(bounds) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if bounds[mid][1] <= pos:
            lo = mid + 1
        elif bounds[mid][0] > pos:
            hi = mid - 1
        else:
            return mid
    return max(0, min(lo - 1, len(bounds) - 1))


def subject_flags(token: Token) -> tuple[bool, bool]:
    """(is a subject, is the subject of the main clause)."""
    subj = token.dep_ in ("nsubj", "nsubjpass")
    return subj, subj and token.head.dep_ == "ROOT"


def _modifier_use(doc: Doc, m: RawMention) -> bool:
    head = doc[m.head]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        return True
    before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return before is not None and before.lower_ in ("a", "an")


def _choose(pronoun: Token, candidates: list[RawMention], same_sentence: bool) -> RawMention | None:
    if not candidates:
        return None
    if pronoun.lower_ in _REFLEXIVE:
        coargs = [c for c in candidates if c.head is not None and pronoun.doc[c.head].head == pronoun.head]
        return (coargs or candidates)[-1]
    if same_sentence and pronoun.tag_ == "PRP$":  # "thanked the judge for her ruling": the nearest person
        return candidates[-1]
    for test in (lambda c: c.main_subject, lambda c: c.subject):
        preferred = [c for c in candidates if test(c)]
        if preferred:
            return preferred[-1] if same_sentence else preferred[0]
    return candidates[-1]


def resolve_pronouns(
    doc: Doc,
    mentions: Sequence[RawMention],
    person_clusters: set[int],
    bounds: Sequence[tuple[int, int]],
    quotes: Sequence[tuple[int, int]],
    genders: dict[int, str],
    *,
    name_genders: dict[int, str] | None = None,
) -> list[RawMention]:
    """Pronoun mentions linked to person clusters (unresolvable pronouns are left out).

    ``genders`` (from titles) are preferred and exclude the other pronoun; ``name_genders`` (from given names,
    :func:`newsweave.analyze.names.given_name_gender`) only exclude: "she" is not "Stan Roe", but "he" does
    not prefer "Stan Roe" over a man whose given name is not in the lexicon."""
    genders = dict(genders)
    name_genders = name_genders or {}
    by_sentence: dict[int, list[RawMention]] = defaultdict(list)
    for m in sorted((m for m in mentions if m.cluster in person_clusters), key=lambda m: m.start):
        by_sentence[m.sentence].append(m)
    resolved: list[RawMention] = []
    for token in doc:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.tag_ not in ("PRP", "PRP$"):
            continue
        start, end = token.idx, token.idx + len(token)
        sent = sentence_of(bounds, start)
        quoted = inside(quotes, start, end)
        chosen: RawMention | None = None
        for back in range(_LOOKBACK + 1):
            s = sent - back
            if s < 0:
                break
            candidates = []
            for c in by_sentence.get(s, ()):
                if c.end > start:
                    break
                if not quoted and inside(quotes, c.start, c.end):
                    continue
                if c.kind == "name" and c.head is not None and _modifier_use(doc, c):
                    continue  # "an Oscar host", "the Tony telecast": a name used as a modifier
                g = (genders.get(c.cluster) or name_genders.get(c.cluster)) if c.cluster is not None else None
                if g is not None and g != gender:
                    continue
                if (
                    token.lower_ in _OBJECT
                    and token.tag_ == "PRP"
                    and c.subject
                    and c.head is not None
                    and doc[c.head].head == token.head
                ):
                    continue
                candidates.append(c)
            agreeing = [c for c in candidates if c.cluster is not None and genders.get(c.cluster) == gender]
            chosen = _choose(token, agreeing or candidates, back == 0)
            if chosen is not None:
                break
        if chosen is None or chosen.cluster is None:
            continue
        genders.setdefault(chosen.cluster, gender)
        m = RawMention(
            start, end, token.text, "PERSON", "pronoun", sent, cluster=chosen.cluster, head=token.i
        )
        m.subject, m.main_subject = subject_flags(token)
        resolved.append(m)
        bisect.insort(by_sentence[sent], m, key=lambda x: x.start)
    return resolved

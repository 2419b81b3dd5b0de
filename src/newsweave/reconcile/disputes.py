"""Disputes: the contradictions of one fact gathered for the reader.

:func:`~newsweave.reconcile.conflicts.find_conflicts` compares claims pair by pair, so three reports giving three
death tolls make three contradictions, and a story with seven counts of the injured a page of them. A reader
wants each disputed fact once, with every value it is given and who gives it ("people injured: “three” (state
television) · “two” (ISNA; the governor) · “five” (two reports)"). A :class:`~newsweave.model.Dispute` is that
view: its positions (one per value, with every claim giving it) and the pairs of positions that cannot both be
true, each with the reason found for it. The pairwise contradictions stay in the dossier as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, Conflict, Dispute, Fact, Position
from .claims import claim_arg, claim_args
from .lexicons import status_range

__all__ = ["dispute_of", "gather_disputes", "position_value"]

_ROLE = {"number": "count", "magnitude": "magnitude", "status": "status", "time": "time", "place": "place",
         "actor": "actor", "means": "means", "attribution": "speaker"}


def position_value(claim: Claim, kind: str) -> tuple[str, str]:
    """What a claim says on the point a contradiction of ``kind`` is about: a key (so that "10" and "Ten" are
    one position) and the words to show."""
    if kind == "number" and claim_arg(claim, "count_low") is not None:
        shown = claim_arg(claim, "count") or claim_arg(claim, "count_low") or "?"
        return f"{claim_arg(claim, 'count_low')}-{claim_arg(claim, 'count_high')}", shown
    role = _ROLE.get(kind)
    values = claim_args(claim, role) if role else []
    if kind == "status" and not values:
        values = claim_args(claim, "outcome")  # "the attack failed" / "the drone hit the house"
    if values:
        shown = ", ".join(dict.fromkeys(values))
        key = shown.lower()
        if kind == "magnitude":
            shown = f"magnitude {shown}"
        elif kind == "time" and claim_arg(claim, "time_text"):
            shown = f"{claim_arg(claim, 'time_text')} ({values[0]})"  # "Saturday night (2021-11-06TNI)"
        elif kind == "status":
            rng = status_range(values[0])
            key = f"{rng or key}|{claim_arg(claim, 'outcome') or ''}"  # "not injured" and "unharmed" are one
        return key, shown
    # a contradiction of polarity (or of a claim of responsibility): it happened, or it is denied
    return ("yes", "says it happened") if claim.polarity else ("no", "denies it")


def gather_disputes(facts: Sequence[Fact], contradictions: Sequence[Conflict]) -> list[Dispute]:
    """One dispute per fact and kind of contradiction, in the order the contradictions come (most serious
    first); a contradiction whose claims belong to no fact (the same quotation credited to two speakers) is a
    dispute of its own."""
    fact_of = {id(c): f for f in facts for c in f.claims}
    groups: dict[tuple, tuple[str, list[Conflict]]] = {}
    for c in contradictions:
        if c.verdict != "contradiction":
            continue
        fact = fact_of.get(id(c.side_a))
        key = (id(fact), c.kind) if fact is not None else (id(c), c.kind)
        label = fact.label if fact is not None else _own_label(c)
        groups.setdefault(key, (label, []))[1].append(c)
    return [_dispute(label, group) for label, group in groups.values()]


def _own_label(c: Conflict) -> str:
    if c.kind == "attribution":
        return "who said these words"
    return c.side_a.predicate


def _dispute(label: str, group: Sequence[Conflict]) -> Dispute:
    kind = group[0].kind
    keys: list[str] = []
    shown: list[str] = []
    claims: list[list[Claim]] = []

    def position(side: Claim, key: str, words: str) -> int:
        if key not in keys:
            keys.append(key)
            shown.append(words)
            claims.append([])
        i = keys.index(key)
        if all(x is not side for x in claims[i]):
            claims[i].append(side)
        return i

    pairs: dict[tuple[int, int], str] = {}
    for c in group:
        va, vb = position_value(c.side_a, kind), position_value(c.side_b, kind)
        if va[0] == vb[0] and c.side_a.polarity != c.side_b.polarity:  # "X claimed it" / "X denied it"
            va, vb = _with_polarity(c.side_a, va), _with_polarity(c.side_b, vb)
        if va[0] == vb[0]:  # the rule saw a difference these words do not show: keep the sides apart
            vb = (f"{vb[0]}|{c.side_b.id}", vb[1])
        a, b = position(c.side_a, *va), position(c.side_b, *vb)
        if a != b:
            pairs.setdefault((min(a, b), max(a, b)), c.reason)
    return Dispute(
        fact=label,
        kind=kind,
        positions=tuple(Position(value=v, claims=tuple(cs)) for v, cs in zip(shown, claims, strict=True)),
        pairs=tuple((a, b, reason) for (a, b), reason in pairs.items()),
    )


def _with_polarity(claim: Claim, value: tuple[str, str]) -> tuple[str, str]:
    key, words = value
    return (f"{key}|yes", words) if claim.polarity else (f"{key}|no", f"not {words}")


def dispute_of(disputes: Sequence[Dispute], conflict: Conflict) -> int | None:
    """The index of the dispute that gathers ``conflict`` (``None`` for differences, which no dispute holds)."""
    if conflict.verdict != "contradiction":
        return None
    for i, d in enumerate(disputes):
        if d.kind == conflict.kind:
            claims = [c for p in d.positions for c in p.claims]
            if any(c is conflict.side_a for c in claims) and any(c is conflict.side_b for c in claims):
                return i
    return None

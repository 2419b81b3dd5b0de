"""Differences listed once: the differences of precision and certainty that :func:`~newsweave.reconcile.conflicts.
find_conflicts` finds pair by pair, grouped for the reader — one line per hedged claim naming every report that
states it as fact, one per fact and pair of values naming the reports on each side, and the counts (or magnitudes)
of a fact in one line when every two of them are compatible. Each reason starts with the fact it is about.
Differences are grouped per fact by the fact's identity (``id``): two facts may share a label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Article, Claim, Conflict, Fact
from .align import fact_label
from .claim_text import describe_side, quote
from .claims import claim_arg, claim_args

__all__ = ["listed_once", "value_key"]


def listed_once(
    differences: Sequence[tuple[Fact, Conflict]],
    contradictions: Sequence[Conflict],
    articles: Mapping[str, Article] | None,
) -> list[Conflict]:
    """The differences of each fact (found pair by pair) grouped: certainty per hedged claim — left out when a
    contradiction already names that claim's hedge —, counts and magnitudes per fact, any other kind per pair of
    values."""
    hedged: dict[tuple[int, str], list[Conflict]] = {}
    precise: dict[tuple, list[Conflict]] = {}
    labels: dict[int, str] = {}
    for fact, c in differences:
        labels[id(fact)] = fact.label
        if c.verdict == "certainty":
            hedged.setdefault((id(fact), _hedged_side(c).id), []).append(c)
        elif c.kind in _ONE_LINE:
            precise.setdefault((id(fact), c.kind), []).append(c)
        else:
            values = sorted((value_key(c.side_a, c.kind), value_key(c.side_b, c.kind)))
            precise.setdefault((id(fact), c.kind, *values), []).append(c)
    out = []
    for key, group in precise.items():
        if key[1] in _ONE_LINE and _all_pairs(group):
            out.append(_values_of_a_fact(labels[key[0]], group, articles))
        elif key[1] in _ONE_LINE:  # some of its values contradict each other: say which agree with which
            out.extend(_compatible_with_each(labels[key[0]], group, articles))
        else:
            out.append(_precision_per_values(labels[key[0]], group, articles))
    disputed = {side.id for c in contradictions for side in (c.side_a, c.side_b)}
    out.extend(_certainty_per_claim(labels[fid], group, articles)
               for (fid, claim_id), group in hedged.items() if claim_id not in disputed)
    return out


def _precision_per_values(label: str, group: Sequence[Conflict], articles: Mapping[str, Article] | None) -> Conflict:
    """One difference of precision per fact and pair of values, naming every report on each side ("reports A and
    B say “critically injured” and reports C and D say “injured”: …") instead of one line per pair of reports."""
    first = group[0]
    va = value_key(first.side_a, first.kind)
    sides: tuple[list[Claim], list[Claim]] = ([], [])
    for c in group:
        for side in (c.side_a, c.side_b):
            sides[value_key(side, c.kind) != va].append(side)
    reason = first.reason
    pos = 0
    for own, claims in ((first.side_a, sides[0]), (first.side_b, sides[1])):
        written = describe_side(own, articles)
        names = list(dict.fromkeys(describe_side(x, articles) for x in claims))
        at = reason.find(written, pos)
        if at < 0 or len(names) < 2:
            pos = max(pos, at + len(written)) if at >= 0 else pos
            continue
        listed = _listed(names)
        rest = reason[at + len(written):]
        for singular, plural_ in ((" says ", " say "), (" dates it ", " date it ")):
            if rest.startswith(singular):
                rest = plural_ + rest[len(singular):]
                break
        reason = reason[:at] + listed + rest
        pos = at + len(listed)
    return replace(first, reason=f"{quote(label)}: {reason}")


# kinds whose compatible values of one fact make one line: (role shown, how the values are shown, why compatible)
# and how one value agreeing with several others is said
_ONE_LINE = {
    "number": ("count", "{}", ("are compatible: bounds, estimates and vague quantities that include one another, "
                               "not disputed counts."),
               "is compatible with each of {} (bounds, estimates and vague quantities that include one another)."),
    "magnitude": ("magnitude", "magnitude {}", ("are within what agencies and scales differ by for one quake "
                                                "(about half a unit)."),
                  "is within half a unit of each of {} (what agencies and scales differ by for one quake)."),
}


def _value(side: Claim, kind: str) -> str:
    """What a side says, as a key: the range of a count ("10" and "Ten" are one value), else the words."""
    if kind == "number" and claim_arg(side, "count_low") is not None:
        return f"{claim_arg(side, 'count_low')}-{claim_arg(side, 'count_high')}"
    return (claim_arg(side, _ONE_LINE[kind][0]) or "?").lower()


def _shown(c: Conflict) -> tuple[str, str]:
    return _value(c.side_a, c.kind), _value(c.side_b, c.kind)


def _all_pairs(group: Sequence[Conflict]) -> bool:
    """Whether every two values of the group were found compatible (then one line can say so of all of them)."""
    pairs = {frozenset(_shown(c)) for c in group}
    values = {v for p in pairs for v in p}
    return all(frozenset((x, y)) in pairs for x in values for y in values if x < y)


def _values_of_a_fact(label: str, group: Sequence[Conflict], articles: Mapping[str, Article] | None) -> Conflict:
    """The compatible values of one fact in one line ("“people injured”: “at least two” (report A), “at least
    70” (reports B and C) and “about 100” (report D) are compatible: …"; "magnitude 5.6 (…), 6.0 (…) …"), the
    reports grouped by the value they give."""
    if len(group) == 1:
        return replace(group[0], reason=f"{quote(label)}: {group[0].reason}")
    why = _ONE_LINE[group[0].kind][2]
    parts = list(_values_shown(group, articles).values())
    return replace(group[0], reason=f"{quote(label)}: {_and(parts)} {why}")


def _compatible_with_each(label: str, group: Sequence[Conflict], articles: Mapping[str, Article] | None
                          ) -> list[Conflict]:
    """The compatible pairs of a fact whose values also contradict each other, one line per value and the
    values it agrees with ("“many” (report A) is compatible with each of “three” (B), “two” (C) and “80” (D)
    (…)"), taking first the value that agrees with most: one vague count agreeing with six exact ones is one line,
    not six. A value agreeing with one other makes the pair's line, as before."""
    by_pair: dict[frozenset, list[Conflict]] = {}
    for c in group:
        by_pair.setdefault(frozenset(_shown(c)), []).append(c)
    out = [_values_of_a_fact(label, by_pair.pop(p), articles) for p in list(by_pair) if len(p) == 1]
    order = list(dict.fromkeys(v for c in group for v in _shown(c)))
    while by_pair:
        hub = max(order, key=lambda v: sum(v in p for p in by_pair))
        mine = [p for p in by_pair if hub in p]
        if len(mine) == 1:
            out.append(_values_of_a_fact(label, by_pair.pop(mine[0]), articles))
            continue
        conflicts = [c for p in mine for c in by_pair.pop(p)]
        shown = _values_shown(conflicts, articles)
        others = [part for v, part in shown.items() if v != hub]
        each = _ONE_LINE[group[0].kind][3].format(_and(others))
        out.append(replace(conflicts[0], reason=f"{quote(label)}: {shown[hub]} {each}"))
    return out


def _values_shown(group: Sequence[Conflict], articles: Mapping[str, Article] | None) -> dict[str, str]:
    """Each value the sides of ``group`` give (keyed as :func:`_value`), shown with the reports giving it:
    "“at least 70” (reports B and C)"."""
    role, shape = _ONE_LINE[group[0].kind][:2]
    by_value: dict[str, tuple[str, list[str]]] = {}
    for c in group:
        for side in (c.side_a, c.side_b):
            entry = by_value.setdefault(_value(side, c.kind), (claim_arg(side, role) or "?", []))
            name = describe_side(side, articles)
            if name not in entry[1]:
                entry[1].append(name)
    return {v: f"{quote(shape.format(shown))} ({_listed(names)})" for v, (shown, names) in by_value.items()}


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _listed(names: Sequence[str]) -> str:
    if len(names) > 4:
        names = [*names[:3], f"{len(names) - 3} other reports"]
    return names[0] if len(names) == 1 else "; ".join(names[:-1]) + " and " + names[-1]


def _hedged_side(c: Conflict) -> Claim:
    return c.side_a if c.side_a.certainty <= c.side_b.certainty else c.side_b


def _certainty_per_claim(label: str, group: Sequence[Conflict], articles: Mapping[str, Article] | None) -> Conflict:
    """One difference of certainty per hedged claim, naming the fact and every report that states it as fact
    (instead of one line per pair of reports)."""
    soft = _hedged_side(group[0])
    firm = [c.side_b if c.side_a is _hedged_side(c) else c.side_a for c in group]
    names = list(dict.fromkeys(describe_side(f, articles) for f in firm))
    listed = _listed(names)
    verb = "states" if len(names) == 1 else "state"
    own = fact_label([soft], articles)
    told = f"it, {quote(own)}," if own.lower() != label.lower() else "it"  # the hedged report's own words when they differ
    return Conflict(
        kind="certainty",
        verdict="certainty",
        side_a=soft,
        side_b=firm[0],
        reason=f"{quote(label)}: {describe_side(soft, articles)} hedges {told} ({quote(soft.hedge or 'hedged')}) "
        f"while {listed} {verb} it as fact.",
    )


def value_key(c: Claim, kind: str) -> str:
    """What a claim says in the role a difference of ``kind`` is about (its counts, status, time …), or its hedge
    and polarity for the other kinds: two differences with the same values on the same fact are one."""
    role = {
        "number": "count",
        "status": "status",
        "time": "time",
        "place": "place",
        "means": "means",
        "actor": "actor",
        "magnitude": "magnitude",
    }.get(kind)
    if role is None:
        return c.hedge or str(c.polarity)
    return "|".join(claim_args(c, role)) + ("|" + (claim_arg(c, "outcome") or "") if kind == "status" else "")

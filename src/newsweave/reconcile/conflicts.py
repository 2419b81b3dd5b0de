"""Typed, explained disagreements between aligned claims.

Aligned claims are compared role by role with the lexicons of :mod:`.lexicons`:

* **number** — counts: two precise counts that differ contradict; a vague quantity ("several") against a
  precise one ("seven") inside its range is a difference of *precision*;
* **status** — health (unharmed < mildly hurt < seriously injured < killed) and outcome (intercepted vs
  hit):
  values whose ranges on the scale do not overlap contradict; nested ones ("injured" / "mildly hurt") differ
  in precision;
* **time** — resolved intervals that do not overlap contradict; overlapping ones, or a part of day next to
  the other ("Saturday night" / "early Sunday"), differ in precision;
* **place**, **means**, **actor** — different values contradict unless the other report names the first
  report's value too (then it is only more detail);
* **polarity** — one report asserts what the other denies;
* **attribution** — the same quoted words credited to different speakers;
* **certainty** — the same content, hedged in one report and firm in the other.

Every :class:`~newsweave.model.Conflict` carries a one-sentence reason naming both sides and the rule used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from itertools import pairwise

from ..model import Article, Claim, Conflict, Fact, Statement
from .align import (
    ALIGN_THRESHOLD,
    CONTRADICTION_THRESHOLD,
    claim_features,
    different_groups,
    pair_score,
    report_time,
    strong_alignment,
    time_gap,
)
from .claim_text import describe_side, quote
from .claims import claim_arg, claim_args, claim_times
from .differences import listed_once, value_key
from .lexicons import CROWD_PREDICATES, STATUS_LEVELS, normalise_key, status_compatible

__all__ = [
    "SCALE_TEXT",
    "attribution_conflicts",
    "compare_aligned",
    "compare_claims",
    "find_conflicts",
    "pair_verdict",
]

SCALE_TEXT = "unharmed < mildly hurt < seriously injured < killed"
NIGHT_TOLERANCE = timedelta(hours=6)
MAX_COUNT_RATIO = 5.0
_VERDICT_RANK = {"contradiction": 3, "precision": 2, "certainty": 1}
_WORD = re.compile(r"[a-z0-9']+")


def _hedge_note(c: Claim, ctx: Mapping[str, Article] | None) -> str:
    return f" ({describe_side(c, ctx)} is hedged: “{c.hedge}”)" if c.hedge else ""


def _mentions(article: Article | None, value: str) -> bool:
    if article is None or not value:
        return False
    return normalise_key(value) in normalise_key(article.text)


def compare_claims(a: Claim, b: Claim, *, context: Mapping[str, Article] | None = None) -> list[Conflict]:
    """All disagreements between two aligned claims (empty when they agree)."""
    ctx = context or {}
    art_a, art_b = ctx.get(a.evidence.article_id), ctx.get(b.evidence.article_id)
    sa, sb = describe_side(a, ctx), describe_side(b, ctx)
    hedges = _hedge_note(a, ctx) + _hedge_note(b, ctx)
    out: list[Conflict] = []

    def add(kind: str, verdict: str, reason: str) -> None:
        out.append(Conflict(kind=kind, verdict=verdict, side_a=a, side_b=b, reason=reason))

    # ---------------------------------------------------------------- status (health)
    va, vb = claim_arg(a, "status"), claim_arg(b, "status")
    if different_groups(a, b):
        return []  # "ten killed" and "80 wounded" are two groups of people, not two views of one
    if va and vb and va != vb:
        ta, tb = claim_arg(a, "status_text") or va, claim_arg(b, "status_text") or vb
        who = _lower_article(a.subject or b.subject or "the subject")
        ok = status_compatible(va, vb)
        if ok and STATUS_LEVELS.get(va) == STATUS_LEVELS.get(vb):
            ok = None  # "not injured" and "unharmed" say the same
        if ok is False:
            add(
                "status",
                "contradiction",
                f"{sa} says {who}{_linking(ta)} {quote(ta)} but {sb} says {quote(tb)}; "
                f"on the health scale {SCALE_TEXT} "
                f"these cannot both be true{hedges}.",
            )
        elif ok:
            finer = ta if _width(va) <= _width(vb) else tb  # in the reports' words, as quoted before
            add(
                "status",
                "precision",
                f"{sa} says {quote(ta)} and {sb} says {quote(tb)}: compatible on the scale {SCALE_TEXT}, "
                f"{quote(finer)} is more specific.",
            )
    # ---------------------------------------------------------------- outcome
    oa, ob = claim_arg(a, "outcome"), claim_arg(b, "outcome")
    if oa and ob and oa != ob and _same_thing(a, b):
        add(
            "status",
            "contradiction",
            f"Outcome differs: {sa} says it {_outcome_text(oa)} ({quote(a.predicate)}) but {sb} says it "
            f"{_outcome_text(ob)} ({quote(b.predicate)}){hedges}.",
        )
    # ---------------------------------------------------------------- number
    _compare_counts(a, b, sa, sb, hedges + _toll_note(a, b, art_a, art_b), add)
    # ---------------------------------------------------------------- magnitude
    _compare_magnitudes(a, b, sa, sb, hedges, add)
    # ---------------------------------------------------------------- time
    _compare_times(a, b, sa, sb, hedges, add)
    # ---------------------------------------------------------------- place, means, actor
    for role, kind in (("place", "place"), ("means", "means"), ("actor", "actor")):
        xa, xb = claim_args(a, role), claim_args(b, role)
        if not xa or not xb:
            continue
        if role == "place" and (
            len(xa) > 1
            or len(xb) > 1
            or any(ch.isdigit() for x in xa + xb for ch in x)
            or claim_arg(a, "class") not in EVENT_CLASSES
        ):
            continue  # lists of places and street addresses are detail, not a disputed location
        if role == "actor" and not (all(_named(x) for x in xa) and all(_named(x) for x in xb)):
            continue  # "a gunman" and "a man" may be the same person: only names can contradict
        na, nb = {normalise_key(x) for x in xa}, {normalise_key(x) for x in xb}
        if na & nb or any(x in y or y in x for x in na for y in nb):
            continue
        if any(_mentions(art_b, x) for x in xa) or any(_mentions(art_a, x) for x in xb):
            continue  # the other report names it too: more detail, not a contradiction
        add(
            kind,
            "contradiction",
            f"{sa} gives the {role} as {quote(', '.join(xa))} but {sb} gives {quote(', '.join(xb))}, "
            "and neither "
            f"report mentions the other's {role}{hedges}.",
        )
    # ---------------------------------------------------------------- polarity
    if a.polarity != b.polarity and not (va and vb):
        pos, neg = (a, b) if a.polarity else (b, a)
        kind = "actor" if (claim_arg(a, "class") == "responsibility") else "polarity"
        add(
            kind,
            "contradiction",
            f"{describe_side(pos, ctx)} asserts {quote(_claim_phrase(pos))} while {describe_side(neg, ctx)} "
            f"denies it ({quote(_claim_phrase(neg))}){hedges}.",
        )
    # ---------------------------------------------------------------- certainty
    if (
        not any(c.verdict == "contradiction" for c in out)
        and abs(a.certainty - b.certainty) >= 0.25
        and _same_target(a, b)
        and not _counts_apart(a, b)
    ):
        hedged, firm = (a, b) if a.certainty < b.certainty else (b, a)
        add(
            "certainty",
            "certainty",
            f"{describe_side(hedged, ctx)} hedges it ({quote(hedged.hedge or 'hedged')}) while "
            f"{describe_side(firm, ctx)} states it as fact.",
        )
    return out


def _counts_apart(a: Claim, b: Claim) -> bool:
    """Whether both claims count the same kind of thing and no count of one can be a count of the other ("one
    person is believed to have been arrested" / "46 were arrested": two arrests, not one told with doubt)."""
    ca, cb = _counts(a), _counts(b)
    if not ca or not cb:
        return False
    return not any((not wa or not wb or wa == wb) and not (ha < lb or hb < la)
                   for _, _, la, ha, wa in ca for _, _, lb, hb, wb in cb)


def _same_target(a: Claim, b: Claim) -> bool:
    """Whether two claims are about the same thing as far as their targets tell: "known for her roles in American
    Pie" and "may be known for her romance with Carson Daly" are two claims, and one's hedge says nothing about the
    other. True when either has no target."""
    ta, tb = claim_arg(a, "target"), claim_arg(b, "target")
    if not ta or not tb:
        return True
    wa = set(_WORD.findall(normalise_key(ta))) - _STOP
    wb = set(_WORD.findall(normalise_key(tb))) - _STOP
    return not wa or not wb or bool(wa & wb)


_STOP = frozenset({"the", "a", "an", "of", "for", "in", "on", "at", "to", "with", "her", "his", "their", "its"})


def _named(value: str) -> bool:
    """A proper name ("the Islamic State", "Hamas"), not a description ("a Michigan man")."""
    words = [w for w in value.split() if w.lower() not in ("the", "a", "an", "of", "al", "de")]
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    return bool(words) and all(w[:1].isupper() for w in words if not w[:1].isdigit())


EVENT_CLASSES = frozenset(
    ("attack", "harm", "intercept", "arrest", "earthquake", "crash", "fire_disaster", "flood", "sentence")
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "its", "one"])


def _linking(status_text: str) -> str:
    """ " was" before a state ("was “mildly hurt”"), nothing before a verb ("“died”", "“recovering”")."""
    return "" if re.match(r"(?:died|dies|survived|survives|recover\w*|\w+ing)\b", status_text) else " was"


def _lower_article(np_text: str) -> str:
    return "the" + np_text[3:] if np_text.startswith("The ") else np_text


def _width(status: str) -> int:
    lo, hi = STATUS_LEVELS.get(status, (0, 3))
    return hi - lo


def _outcome_text(o: str) -> str:
    return "failed or was intercepted" if o == "failed" else "hit its target"


def _same_thing(a: Claim, b: Claim) -> bool:
    ka, kb = (
        set(claim_args(a, "key")) | set(claim_args(a, "means")),
        set(claim_args(b, "key")) | set(claim_args(b, "means")),
    )
    return not ka or not kb or bool(ka & kb)


def _claim_phrase(c: Claim) -> str:
    target = claim_arg(c, "target") or ""
    predicate = c.predicate + (" for" if c.predicate == "claim responsibility" and target else "")
    negated = not c.polarity and not _NO_ONE.match(c.subject or "")  # "No group claim …", not "No group not claim …"
    parts = [c.subject or "", ("not " if negated else "") + predicate, target]
    return " ".join(p for p in parts if p)


_NO_ONE = re.compile(r"(?i)(?:no|nobody|none|neither)\b")


def _counts(c: Claim) -> list[tuple[str, str, float, float, str]]:
    out = []
    texts, kinds = claim_args(c, "count"), claim_args(c, "count_kind")
    lows, highs, what = claim_args(c, "count_low"), claim_args(c, "count_high"), claim_args(c, "counted")
    for i, t in enumerate(texts):
        if i < len(lows) and i < len(highs):
            out.append(
                (
                    t,
                    kinds[i] if i < len(kinds) else "exact",
                    float(lows[i]),
                    float(highs[i]),
                    what[i] if i < len(what) else "",
                )
            )
    return out


TOLL_UPDATE_GAP = timedelta(hours=3)
_TOLL_STATUSES = frozenset({"killed", "dead", "injured", "wounded", "hurt", "missing", "arrested", "displaced"})


def _toll_note(a: Claim, b: Claim, art_a: Article | None, art_b: Article | None) -> str:
    """" (the later report, 20 hours after, counts more: tolls rise as they are counted)" when two counts of
    the same harm differ and the higher one appeared at least three hours later. The disagreement stays a
    contradiction — the reports do say different things — but the reader learns the likely reason."""
    if claim_arg(a, "class") != "harm" or (claim_arg(a, "status") or "") not in _TOLL_STATUSES:
        return ""
    if art_a is None or art_b is None or art_a.published.value is None or art_b.published.value is None:
        return ""
    ca, cb = _counts(a), _counts(b)
    if not ca or not cb:
        return ""
    gap = art_b.published.value - art_a.published.value
    low_a, low_b = ca[0][2], cb[0][2]
    if abs(gap) < TOLL_UPDATE_GAP or low_a == low_b or (gap > timedelta(0)) != (low_b > low_a):
        return ""
    return (f" (the report with the higher count appeared {_human(abs(gap))} later: "
            "a toll often rises as it is counted)")


def _compare_counts(a, b, sa, sb, hedges, add) -> None:
    ca, cb = _counts(a), _counts(b)
    if len(ca) + len(cb) > 2 and any((wa == wb or not wa or not wb) and not (ha < lb or hb < la)
                                     for _, _, la, ha, wa in ca for _, _, lb, hb, wb in cb):
        return  # "22,000 attended, 6,000 on the square and 16,000 outside" / "22,000 attended": the totals agree
    # "shot three people" / "shot dead one": people are compared by what happened to them (hurt, killed, arrested),
    # or a crowd by its size ("2,000 joined the march" / "tens of thousands joined")
    people_comparable = (a.predicate == b.predicate and a.predicate in CROWD_PREDICATES) or (
        claim_arg(a, "class") == claim_arg(b, "class") and claim_arg(a, "class") in ("harm", "arrest"))
    for ta, ka, la, ha, wa in ca:
        for tb, kb, lb, hb, wb in cb:
            if (wa and wb and wa != wb) or ("person" in (wa, wb) and not people_comparable):
                continue
            thing = wa or wb or "count"
            status_a, status_b = claim_arg(a, "status"), claim_arg(b, "status")
            if status_a and status_a == status_b:
                thing += f"(s) {status_a}"  # "counts “three” person(s) injured"
            else:
                thing += "(s)"
            if (la, ha) == (lb, hb):
                continue  # the same number, or the same bound
            if ka == kb == "exact" and min(la, lb) > 0 and max(la, lb) / min(la, lb) > MAX_COUNT_RATIO:
                # "ten killed" vs "26,000 killed": counts of different events, not one disputed count
                continue
            if ka == kb == "exact":
                if la != lb:
                    add(
                        "number",
                        "contradiction",
                        f"{sa} counts {quote(ta)} {thing} but {sb} counts {quote(tb)}{hedges}.",
                    )
                continue
            # a word for a quantity is loose at its edges ("several people were detained" where another report
            # counts "at least 24"): it contradicts a count only when three times beyond its range
            wla, wha = (la / VAGUE_SLACK, ha * VAGUE_SLACK) if ka == "vague" else (la, ha)
            wlb, whb = (lb / VAGUE_SLACK, hb * VAGUE_SLACK) if kb == "vague" else (lb, hb)
            overlap = not (wha < wlb or whb < wla)
            vague = ta if _LOOSENESS.get(ka, 2) <= _LOOSENESS.get(kb, 2) else tb  # the looser includes the other
            if overlap:
                add(
                    "number",
                    "precision",
                    f"{quote(ta)} ({sa}) and {quote(tb)} ({sb}) are compatible: {quote(vague)} is "
                    f"{'a vague quantity' if 'vague' in (ka, kb) else 'a range' if 'range' in (ka, kb) else 'a bound or estimate'} "
                    "that includes the other.",
                )
            else:
                add(
                    "number",
                    "contradiction",
                    f"{sa} says {quote(ta)} {thing} but {sb} says {quote(tb)}; "
                    f"the ranges do not overlap{hedges}.",
                )


CLOCK_TOLERANCE = timedelta(minutes=15)
VAGUE_SLACK = 3.0
_LOOSENESS = {"vague": 0, "range": 1, "approx": 2, "min": 2, "max": 2, "exact": 3}


def _clock(t: dict) -> bool:
    """A clock time ("8:30 a.m.", "10 a.m."), as opposed to a part of day ("Saturday night")."""
    return (t.get("granularity") or "").lower() in ("hour", "minute", "second")


def _fine(t: dict) -> bool:
    g = (t.get("granularity") or "").lower()
    v = t.get("value") or ""
    return g in ("part-of-day", "hour", "minute", "second", "time") or bool(
        re.search(r"T(NI|MO|EV|AF|DT|\d)", v)
    )


MAGNITUDE_TOLERANCE = 0.5


def _compare_magnitudes(a, b, sa, sb, hedges, add) -> None:
    """A quake's magnitude: agencies and scales give values up to about half a unit apart for one quake (a
    difference of measurement); further apart, the reports disagree on the quake itself."""
    ma, mb = claim_arg(a, "magnitude"), claim_arg(b, "magnitude")
    if not ma or not mb or ma == mb:
        return
    gap = abs(float(ma) - float(mb))
    if gap <= MAGNITUDE_TOLERANCE + 1e-9:
        add("magnitude", "precision",
            f"{sa} gives magnitude {ma} and {sb} {mb}: agencies and scales measure one quake up to about half a "
            "unit apart.")
    else:
        add("magnitude", "contradiction",
            f"{sa} gives magnitude {ma} but {sb} {mb}, {gap:.1f} apart: more than agencies and scales differ by for "
            f"one quake{hedges}.")


def _compare_times(a, b, sa, sb, hedges, add) -> None:
    ta_list, tb_list = (
        [t for t in claim_times(a) if t["earliest"]],
        [t for t in claim_times(b) if t["earliest"]],
    )
    if not ta_list or not tb_list:
        return
    best = None
    for ta in ta_list:
        for tb in tb_list:
            gap = time_gap(ta, tb)
            if gap is None:
                continue
            # adjoining intervals ("Saturday" / "Sunday", "the 1980s" / "the early '90s") can be one time told
            # across a boundary or a time zone; a part of day stretches six hours
            # ("Saturday night" / "Sunday")
            if _clock(ta) and _clock(tb):
                tolerance = CLOCK_TOLERANCE  # "8:30 a.m." / "10 a.m.": two clock times, not a part of day
            else:
                tolerance = NIGHT_TOLERANCE if (_fine(ta) or _fine(tb)) else timedelta(minutes=1)
            compatible = gap <= tolerance
            cand = (compatible, ta, tb, gap)
            if best is None or (compatible and not best[0]):
                best = cand
    if best is None:
        return
    compatible, ta, tb, gap = best
    xa, xb = ta["text"] or ta["value"], tb["text"] or tb["value"]
    if compatible:
        if ta["value"] != tb["value"]:
            add(
                "time",
                "precision",
                f"{sa} dates it {quote(xa)} ({ta['value']}) and {sb} {quote(xb)} ({tb['value']}): "
                "the intervals "
                f"overlap or adjoin, so they can be the same time told at different precision.",
            )
    else:
        add(
            "time",
            "contradiction",
            f"{sa} dates it {quote(xa)} ({ta['value']}) but {sb} {quote(xb)} ({tb['value']}); "
            "the intervals are "
            f"{_human(gap)} apart{hedges}.",
        )


def _human(gap: timedelta) -> str:
    if gap >= timedelta(days=2):
        return f"{gap.days} days"
    hours = gap.total_seconds() / 3600
    if hours >= 2:
        return f"{hours:.0f} hours"
    minutes = round(gap.total_seconds() / 60)
    return f"{minutes} minutes" if minutes >= 1 else "less than a minute"


def pair_verdict(conflicts: Sequence[Conflict]) -> str:
    """The overall verdict on a pair of aligned claims: agree, certainty, precision or contradict."""
    if not conflicts:
        return "agree"
    top = max(conflicts, key=lambda c: _VERDICT_RANK[c.verdict]).verdict
    return "contradict" if top == "contradiction" else top


POLARITY_THRESHOLD = 0.75


def compare_aligned(
    a: Claim,
    b: Claim,
    *,
    context: Mapping[str, Article] | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[float, list[Conflict]]:
    """Score how well two claims align and compare them if they do; contradictions must pass a stricter
    gate than differences (a stronger alignment, the same specific subject). Used by the dossier and by
    ``compare`` alike. Returns ``(score, conflicts)``; a score below ``ALIGN_THRESHOLD`` means "not the
    same fact"."""
    if texts is None:
        texts = {aid: art.text for aid, art in (context or {}).items()}
    ctx = context or {}
    fa = claim_features(a, texts.get(a.evidence.article_id, "")[a.evidence.start : a.evidence.end],
                        published=report_time(a.evidence.article_id, ctx))
    fb = claim_features(b, texts.get(b.evidence.article_id, "")[b.evidence.start : b.evidence.end],
                        published=report_time(b.evidence.article_id, ctx))
    score = pair_score(fa, fb)
    if score < ALIGN_THRESHOLD:
        return score, []
    strong = strong_alignment(fa, fb)
    out = []
    for c in compare_claims(a, b, context=context):
        weak = score < CONTRADICTION_THRESHOLD or not strong
        if c.verdict == "contradiction" and (weak or (c.kind == "polarity" and score < POLARITY_THRESHOLD)):
            # too loosely aligned to accuse the reports of contradicting each other: most likely two facts
            # ("ten killed" here, "a dozen killed" in another quake), so they are not compared at all
            return 0.0, []
        out.append(c)
    return score, out


def find_conflicts(facts: Sequence[Fact], *, articles: Mapping[str, Article] | None = None) -> list[Conflict]:
    """Conflicts between claims of different reports within each fact, most serious first, deduplicated."""
    out: list[Conflict] = []
    seen: set[tuple] = set()
    texts = {aid: a.text for aid, a in (articles or {}).items()}
    differences: list[tuple[Fact, Conflict]] = []
    for fact in facts:
        claims = fact.claims
        for i, a in enumerate(claims):
            for j in range(i + 1, len(claims)):
                b = claims[j]
                if a.evidence.article_id == b.evidence.article_id:
                    continue
                # pairs in one fact only through other claims (score below threshold) are not compared
                _, found = compare_aligned(a, b, context=articles, texts=texts)
                for c in found:
                    key = (
                        c.kind,
                        c.verdict,
                        fact.label,
                        *sorted(
                            [
                                (a.evidence.article_id, value_key(a, c.kind)),
                                (b.evidence.article_id, value_key(b, c.kind)),
                            ]
                        ),
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    if c.verdict == "contradiction":
                        out.append(c)
                    else:
                        differences.append((fact, c))
    out.extend(listed_once(differences, out, articles))
    out.sort(key=lambda c: (-_VERDICT_RANK[c.verdict], c.kind))
    return out


def attribution_conflicts(
    statements: Mapping[str, Sequence[Statement]], articles: Mapping[str, Article]
) -> list[Conflict]:
    """The same quoted words credited to different speakers in different reports."""
    quotes = []
    for aid, sts in statements.items():
        art = articles.get(aid)
        if art is None:
            continue
        for s in sts:
            if not s.direct or not s.speaker_text or s.anonymous:
                continue
            words = _WORD.findall(art.text[s.content.start : s.content.end].lower())
            if len(words) >= 6:
                quotes.append((aid, s, set(pairwise(words))))
    out = []
    for i, (aid_a, sa, ga) in enumerate(quotes):
        for aid_b, sb, gb in quotes[i + 1 :]:
            if aid_a == aid_b or not ga or not gb:
                continue
            sim = len(ga & gb) / min(len(ga), len(gb))
            if sim < 0.6:
                continue
            if not (_named(sa.speaker_text or "") and _named(sb.speaker_text or "")):
                continue  # "he", "police", "a witness" may well be the named speaker of the other report
            ka = normalise_key(sa.speaker_text or "").split()
            kb = normalise_key(sb.speaker_text or "").split()
            if ka and kb and not (set(ka) & set(kb)):
                ca, cb = _statement_claim(aid_a, sa), _statement_claim(aid_b, sb)
                out.append(
                    Conflict(
                        kind="attribution",
                        verdict="contradiction",
                        side_a=ca,
                        side_b=cb,
                        reason=f"The same words ({sim:.0%} of word pairs shared) are credited to "
                        f"{quote(sa.speaker_text or '')} by {describe_side(ca, articles)} and to "
                        f"{quote(sb.speaker_text or '')} by {describe_side(cb, articles)}.",
                    )
                )
    return out


def _statement_claim(article_id: str, s: Statement) -> Claim:
    return Claim(
        id=f"{article_id}:{s.content.start}:quote",
        evidence=s.content,
        subject=s.speaker_text,
        predicate=s.cue_verb or "say",
        arguments=(("class", "say"), ("speaker", s.speaker_text or "")),
        statement=s,
    )

"""Aligning claims about the same fact across the reports of a story.

Two claims of different reports are about the same fact when their predicates fall in the same lexicon class
(attack ~ strike ~ target; injure ~ hurt ~ unharmed), they share named participants (canonical entity names,
head nouns, titles linked to names inside each report), their times are compatible, and their sentences are
similar (sentence embeddings when an embedder is given, word overlap otherwise). Claims are clustered greedily
in publication order; each cluster becomes a :class:`~newsweave.model.Fact`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

import numpy as np

from ..model import Article, Claim, Fact
from .claims import claim_arg, claim_args, claim_times
from .event_times import PARTIAL_DATE
from .lexicons import CROWD_PREDICATES, MEANS_WORDS, normalise_key, status_compatible, status_range
from .sources import group_sources

__all__ = [
    "ALIGN_THRESHOLD",
    "CONTRADICTION_THRESHOLD",
    "ClaimFeatures",
    "Embedder",
    "align_claims",
    "claim_features",
    "different_groups",
    "pair_score",
    "plural",
    "report_time",
    "strong_alignment",
    "time_gap",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "by",
        "with",
        "from",
        "that",
        "this",
        "it",
        "its",
        "as",
        "said",
        "says",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "who",
        "which",
        "also",
        "after",
        "before",
        "than",
        "into",
        "over",
        "about",
        "more",
    ]
)
MAX_TIME_GAP = timedelta(days=3)
BACKGROUND_GAP = timedelta(days=30)  # a claim dated this long before another report appeared is not its news
ALIGN_THRESHOLD = 0.45
CONTRADICTION_THRESHOLD = 0.5  # a contradiction needs stronger evidence that both claims are one fact
_MEANS = frozenset(MEANS_WORDS) | frozenset(MEANS_WORDS.values())


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass
class ClaimFeatures:
    claim: Claim
    article_id: str
    cls: str
    keys: frozenset[str]
    of_keys: frozenset[str]
    tkeys: frozenset[str]
    words: frozenset[str]
    times: list[dict] = field(default_factory=list)
    vec: np.ndarray | None = None
    published: datetime | None = None  # when the claim's report appeared, if known


def claim_features(claim: Claim, sentence: str, *, published: datetime | None = None) -> ClaimFeatures:
    keys = claim_args(claim, "key")
    tkeys = claim_args(claim, "target_key")
    of = {k[3:] for k in keys + tkeys if k.startswith("of:")}
    words = frozenset(w for w in _WORD.findall(sentence.lower()) if w not in _STOP and len(w) > 2)
    return ClaimFeatures(
        claim=claim,
        article_id=claim.evidence.article_id,
        cls=claim_arg(claim, "class") or claim.predicate,
        keys=frozenset(k for k in keys if not k.startswith("of:")),
        of_keys=frozenset(of),
        tkeys=frozenset(k for k in tkeys if not k.startswith("of:")),
        words=words,
        times=claim_times(claim),
        published=published,
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def time_gap(a: dict, b: dict) -> timedelta | None:
    """Distance between two resolved times (zero when their intervals overlap); ``None`` if unresolved."""
    if None in (a["earliest"], a["latest"], b["earliest"], b["latest"]):
        return None
    if a["latest"] < b["earliest"]:
        return b["earliest"] - a["latest"]
    if b["latest"] < a["earliest"]:
        return a["earliest"] - b["latest"]
    return timedelta(0)


def pair_score(x: ClaimFeatures, y: ClaimFeatures) -> float:
    """How likely two claims state the same fact, in [0, 1]."""
    if x.cls != y.cls:
        return 0.0
    xk, yk = x.keys, y.keys
    if x.cls in ("attack", "intercept"):  # the weapon says little about which attack it was
        xk, yk = xk - _MEANS, yk - _MEANS
    subj = _overlap(xk, yk)
    if x.cls == "harm" and xk and yk and subj == 0:
        return 0.0  # injuries of different people are different facts
    if x.cls == "harm" and different_groups(x.claim, y.claim):
        return 0.0  # "ten killed" / "80 wounded": different groups of people
    if (
        x.claim.evidence == y.claim.evidence
        and not (x.tkeys and y.tkeys and not x.tkeys & y.tkeys)
        and (x.cls != "harm" or subj > 0)
    ):
        # same sentence, same kind of event: "survived an assassination attempt after drones targeted …"
        return 0.9
    targ = _overlap(x.tkeys, y.tkeys)
    if x.cls == "attack" and x.tkeys and y.tkeys and targ == 0 and _overlap(x.of_keys, y.of_keys) == 0:
        return 0.0  # attacks on different targets are different attacks
    cross = _overlap(xk | x.tkeys, yk | y.tkeys)
    of = _overlap(x.of_keys, y.of_keys)
    key_score = max(subj, targ, 0.8 * cross, 0.5 * of)
    shared = (xk & yk) | (x.tkeys & y.tkeys)
    if shared and shared <= WEAK_KEYS:
        key_score *= 0.75  # "people" / "quake" say little about which event it was
        if _places_differ(x.claim, y.claim):
            return 0.0  # "ten killed in Hormozgan" / "a dozen killed in eastern China": two events
    for tx in x.times:
        for ty in y.times:
            gap = time_gap(tx, ty)
            if gap is not None and gap > MAX_TIME_GAP:
                return 0.0
    if x.vec is not None and y.vec is not None:
        sim = float(np.dot(x.vec, y.vec))
        sim_scaled = min(1.0, max(0.0, (sim - 0.25) / 0.5))
        paraphrase = sim >= 0.85
    else:
        inter = len(x.words & y.words)
        union = len(x.words | y.words) or 1
        sim_scaled = min(1.0, (inter / union) / 0.35)
        paraphrase = inter / union >= 0.5
    if (_earlier_event(x, y) or _earlier_event(y, x)) and not paraphrase:
        return 0.0  # (unless the two sentences say nearly the same thing: then one merely leaves out the date)
    if not (xk or x.tkeys) or not (yk or y.tkeys):
        return 0.8 * sim_scaled
    score = 0.6 * key_score + 0.4 * sim_scaled
    if x.tkeys and y.tkeys and targ == 0 and not (x.of_keys & y.of_keys):
        score *= 0.5  # same subject, different objects ("stepped down as CEO" / "as chairman"): other facts
    if x.vec is not None and sim_scaled >= 0.8:  # near-paraphrases align even when named differently
        score = max(score, 0.55 * sim_scaled)
    return score


def report_time(article_id: str, articles: Mapping[str, Article]) -> datetime | None:
    """When a report appeared: its publication time, else (an undated report) the earliest known one among the
    story's reports; ``None`` when none is known."""
    art = articles.get(article_id)
    if art is not None and art.published.value is not None:
        return art.published.value
    known = [a.published.value for a in articles.values() if a.published.value is not None]
    return min(known) if known else None


def _earlier_event(x: ClaimFeatures, y: ClaimFeatures) -> bool:
    """``x`` is dated well before ``y``'s report appeared and ``y`` names no time of its own: ``x`` tells of an
    earlier event ("the 2003 quake in Bam killed more than 31,000"), ``y`` of the one being reported ("ten people
    were killed"), so they are not the same fact."""
    if y.published is None or any(t["latest"] is not None for t in y.times):
        return False  # (a time ``y`` names but we could not place, "Sunday" in an undated report, is no time)
    ends = [end for t in x.times if (end := _latest(t, x.published)) is not None]
    return bool(ends) and max(ends) < y.published - BACKGROUND_GAP


def _latest(time: dict, published: datetime | None) -> datetime | None:
    """The end of a claim's time; a month or day without a year ("in February" in an undated report,
    ``XXXX-02``) is placed at its last occurrence up to ``published`` — news tells the past — or left out."""
    if time["latest"] is not None:
        return time["latest"]
    m = PARTIAL_DATE.match(time["value"] or "")
    if m is None or published is None:
        return None
    month, day = int(m.group(1)), m.group(2)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    year = published.year
    for y in (year, year - 1):
        try:
            start = datetime(y, month, int(day) if day else 1, tzinfo=published.tzinfo)
        except ValueError:  # 30 February
            return None
        if start <= published:
            if day:
                return start + timedelta(days=1)
            return datetime(y + (month == 12), month % 12 + 1, 1, tzinfo=start.tzinfo)
    return None


GENERIC_PEOPLE = frozenset(
    [
        "person",
        "people",
        "other",
        "others",
        "another",
        "civilian",
        "resident",
        "victim",
        "passenger",
        "worker",
        "villager",
        "student",
        "protester",
        "child",
        "man",
        "woman",
    ]
)
WEAK_KEYS = GENERIC_PEOPLE | frozenset(
    [
        "attack",
        "quake",
        "earthquake",
        "tremor",
        "fire",
        "blaze",
        "explosion",
        "incident",
        "area",
        "building",
        "house",
        "home",
        "police",
        "official",
        "authority",
        "government",
        "country",
        "city",
        "town",
        "village",
        "state",
        "report",
    ]
)


def different_groups(a: Claim, b: Claim) -> bool:
    """Two health claims with exclusive statuses about counted or generic people are about different people
    ("ten were killed" / "80 were wounded"); only a named or definite person can be both unharmed and hurt."""
    sa, sb = claim_arg(a, "status"), claim_arg(b, "status")
    if not sa or not sb or status_compatible(sa, sb) is not False:
        return False
    if claim_args(a, "count") or claim_args(b, "count"):
        return True
    ka = {k for k in claim_args(a, "key") if not k.startswith("of:")}
    kb = {k for k in claim_args(b, "key") if not k.startswith("of:")}
    return bool(ka) and ka <= GENERIC_PEOPLE or bool(kb) and kb <= GENERIC_PEOPLE


_GENERIC_WORDS = (
    GENERIC_PEOPLE
    | WEAK_KEYS
    | frozenset(
        [
            "people",
            "persons",
            "killed",
            "kill",
            "killing",
            "injured",
            "injuring",
            "injuries",
            "hurt",
            "wounded",
            "wounding",
            "dead",
            "died",
            "death",
            "deaths",
            "least",
            "more",
            "than",
            "about",
            "some",
            "many",
            "several",
            "were",
            "have",
            "been",
            "being",
            "also",
            "other",
            "others",
        ]
    )
)


def strong_alignment(x: ClaimFeatures, y: ClaimFeatures) -> bool:
    """Evidence enough to say two claims contradict rather than merely differ: the same specific subject (a
    shared non-generic name or noun), no clashing qualifiers ("Indian" / "British" navy), and the same
    target when both name one."""
    qx, qy = set(claim_args(x.claim, "qualifier")), set(claim_args(y.claim, "qualifier"))
    if qx and qy and not qx & qy:
        return False
    subject = (x.keys & y.keys) - WEAK_KEYS
    if x.cls in ("attack", "intercept"):
        subject -= _MEANS
    if x.tkeys and y.tkeys and not (x.tkeys & y.tkeys) and not (x.of_keys & y.of_keys):
        return False
    if x.of_keys and y.of_keys and not (x.of_keys & y.of_keys):
        return False  # "the name of the suspect" / "the name of the deceased"
    if subject:
        return True
    if x.cls == y.cls == "responsibility" and x.tkeys & y.tkeys:
        return True  # who claims an attack is what is disputed: the attack claimed is the shared thing
    if x.cls == y.cls == "attack" and (x.tkeys & y.tkeys) - WEAK_KEYS:
        return True  # "the attack on the convoy" in both: the attack is named by what it hit
    if x.claim.predicate == y.claim.predicate in CROWD_PREDICATES and x.tkeys & y.tkeys:
        return True  # "2,000 joined the march" / "tens of thousands joined the march": one crowd, its size disputed
    if x.cls == "harm" and (not x.keys or not y.keys):
        return False  # a health claim about someone unnamed cannot be held against a named one
    # generic subjects ("ten people") only when the sentences share some specific word ("island", "villages")
    shared_words = (x.words & y.words) - _GENERIC_WORDS
    return x.cls == y.cls and x.cls in ("harm", "arrest") and bool(shared_words)


def _places_differ(a: Claim, b: Claim) -> bool:
    pa = {normalise_key(p) for p in claim_args(a, "place")}
    pb = {normalise_key(p) for p in claim_args(b, "place")}
    if not pa or not pb:
        return False
    return not any(x == y or x in y or y in x for x in pa for y in pb)


def _published(article: Article | None) -> datetime:
    if article is None or article.published.value is None:
        return _EPOCH
    return article.published.value


def align_claims(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    story_id: str = "",
    embedder: Embedder | None = None,
    threshold: float = ALIGN_THRESHOLD,
    same_report_threshold: float = 0.6,
    entity_names: Mapping[str, str] | None = None,
) -> list[Fact]:
    """Cluster the claims of several reports into facts (single-report facts too), most supported first."""
    feats = []
    for c in claims:
        art = articles.get(c.evidence.article_id)
        sentence = art.text[c.evidence.start : c.evidence.end] if art else ""
        feats.append(claim_features(c, sentence, published=report_time(c.evidence.article_id, articles)))
    if embedder is not None and feats:
        texts = sorted({_sentence(f, articles) for f in feats})
        vecs = embedder.embed(texts)
        index = {t: vecs[i] for i, t in enumerate(texts)}
        for f in feats:
            f.vec = index[_sentence(f, articles)]
    order = {aid: i for i, aid in enumerate(articles)}
    feats.sort(
        key=lambda f: (
            _published(articles.get(f.article_id)),
            order.get(f.article_id, 0),
            not (f.keys or f.tkeys),
            f.claim.evidence.start,
        )
    )
    clusters: list[list[ClaimFeatures]] = []
    by_class: dict[str, list[int]] = {}
    for f in feats:
        best, best_score = None, threshold
        for ci in by_class.get(f.cls, ()):
            score = 0.0
            for g in clusters[ci]:
                s = pair_score(f, g)
                if g.article_id == f.article_id and s < same_report_threshold:
                    continue  # within one report only near-certain matches join (same subject, same target)
                score = max(score, s)
            if score >= best_score:
                best, best_score = ci, score
        if best is None:
            by_class.setdefault(f.cls, []).append(len(clusters))
            clusters.append([f])
        else:
            clusters[best].append(f)
    facts = [_fact(story_id, [f.claim for f in cl], articles, entity_names) for cl in clusters]
    facts.sort(key=lambda fa: (-fa.independent_sources, -len(fa.supporting_articles), -len(fa.claims)))
    return facts


def _sentence(f: ClaimFeatures, articles: Mapping[str, Article]) -> str:
    art = articles.get(f.article_id)
    return art.text[f.claim.evidence.start : f.claim.evidence.end] if art else ""


def _named(label: str, subject: str | None, name: str | None) -> str:
    """The label with its leading pronoun subject replaced by the name it stands for, in brackets as an editor
    marks words that are not the source's ("[Lindsay Lohan] was not charged"): the name is newsweave's reading
    of the pronoun, not the report's words."""
    if not name or not subject or subject.lower() not in _PRONOUN_SUBJECTS:
        return label
    first, _, rest = label.partition(" ")
    return f"[{name}] {rest}" if first.lower() == subject.lower() and rest else label


def _width(status: str) -> int:
    rng = status_range(status)
    return rng[1] - rng[0] if rng else -1


def fact_label(claims: Sequence[Claim], articles: Mapping[str, Article] | None = None) -> str:
    """A short label: the subject, predicate and target of the most detailed claim, as the report words it —
    the stretch of its sentence from the subject to the target when ``articles`` give the text ("Lindsay Lohan
    finally checked into court-mandated rehab", not "Lindsay Lohan checked court-mandated rehab"). A claim stated
    as fact is preferred to a hedged one (the label names the fact, not one report's doubt about it)."""
    best = max(claims, key=lambda c: (c.certainty >= 1.0, sum(r != "subject_name" for r, _ in c.arguments),
                                      -c.evidence.start))
    status = claim_arg(best, "status")
    subject = best.subject
    if status:
        counted = [(claim_arg(c, "counted"), claim_arg(c, "status")) for c in claims if claim_arg(c, "count")]
        if counted and counted[0][0]:
            # a toll: "people killed", told without one report's number ("health of Ten people" said nothing),
            # in the words most of its counts use: seven reports count people injured and one "two villagers
            # slightly injured" — the fact is "people injured", not "villagers mildly hurt"
            noun = Counter(n for n, _ in counted if n).most_common(1)[0][0]
            told = Counter(s for _, s in counted if s)
            # as many say "injured" as "mildly hurt": the wider status, which takes no side
            wide = max(told, key=lambda s: (told[s], _width(s)), default=status)
            return f"{plural(noun)} {wide}"
        named = [c.subject for c in claims if c.subject and c.subject.lower() not in _PRONOUN_SUBJECTS]
        subject = named[0] if named else None  # not "health of it"
        if subject is None and all(claim_arg(c, "status") == "no casualties" for c in claims):
            return "casualties"  # "causing damage but no casualties", "there were no injuries"
        return f"health of {subject or 'those involved'}"
    verb = claim_arg(best, "predicate_text") or best.predicate
    target = claim_arg(best, "target")
    art = articles.get(best.evidence.article_id) if articles else None
    name = claim_arg(best, "subject_name")
    if art is not None:
        sentence = art.text[best.evidence.start : best.evidence.end]
        verbatim = _stretch(sentence, [p for p in (subject, claim_arg(best, "predicate_text"), target) if p])
        if verbatim is not None:
            return _named(verbatim, subject, name)
    if name and subject and subject.lower() in _PRONOUN_SUBJECTS:
        subject = f"[{name}]"  # "[Lindsay Lohan] was not charged", not "she was not charged"
    parts = [subject or "", verb if best.polarity else f"not {verb}", target or ""]
    label = " ".join(p for p in parts if p)
    if len(label.split()) == 1 and art is not None:  # a bare noun ("quake"): the start of its sentence instead
        return sentence_start(art.text[best.evidence.start : best.evidence.end]) or label
    return label[:160]


_MAX_LABEL_CHARS = 100


def sentence_start(text: str, limit: int = _MAX_LABEL_CHARS) -> str:
    """A sentence as a label: one line, no final stop, cut at a word before ``limit`` characters ("…")."""
    text = " ".join(text.split()).rstrip(" .")
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def _stretch(sentence: str, parts: list[str], *, limit: int = 160) -> str | None:
    """The stretch of ``sentence`` from the first of ``parts`` to the end of the last, found in that order."""
    if len(parts) < 2:
        return None
    first = sentence.find(parts[0])
    if first < 0:
        return None
    pos = first + len(parts[0])
    for k, part in enumerate(parts[1:]):
        i = sentence.find(part, pos)
        if i < 0:
            return None
        if k == 0:  # the subject's last mention before the verb: "Lohan's stay …, Lohan was accused"
            first = sentence.rfind(parts[0], 0, i)
        pos = i + len(part)
    return sentence[first:pos] if pos - first <= limit else None


_IRREGULAR_PLURALS = {"person": "people", "people": "people", "police": "police", "staff": "staff",
                      "personnel": "personnel", "crew": "crew", "military": "military", "livestock": "livestock",
                      "child": "children", "man": "men", "woman": "women", "policeman": "policemen"}


def plural(noun: str) -> str:
    """"person" → "people", "guard" → "guards", "casualty" → "casualties" (counted nouns are lemmas)."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


_PRONOUN_SUBJECTS = {"he", "she", "they", "it", "i", "we", "him", "her", "them"}


def _fact(
    story_id: str,
    claims: list[Claim],
    articles: Mapping[str, Article],
    entity_names: Mapping[str, str] | None,
) -> Fact:
    supporting = []
    for c in claims:
        if c.evidence.article_id not in supporting:
            supporting.append(c.evidence.article_id)
    supporting.sort(key=lambda a: (_published(articles.get(a)), a))
    groups = group_sources(claims, articles, entity_names=entity_names)
    originator = groups[0].origin.label if groups else None
    return Fact(
        story_id=story_id,
        label=fact_label(claims, articles),
        claims=tuple(claims),
        supporting_articles=tuple(supporting),
        independent_sources=max(1, len(groups)) if claims else 0,
        originator=originator,
        earliest_article=supporting[0] if supporting else None,
    )

"""A short multi-source extractive summary in which every sentence is cited.

Sentences are scored by *cross-report centrality* (similarity to sentences of the other reports, TF-IDF or
sentence embeddings), plus a bonus for stating facts several independent sources support, and chosen with
maximal marginal relevance so the summary does not repeat itself. Sentences that take one side of a detected
contradiction are left out; instead a connective sentence states the main disagreement and cites both sides
("Reports disagree on …: A says …; B says …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from ..model import Article, Claim, Conflict, Dispute, Fact, Position, Span
from .align import plural
from .claim_text import describe_side
from .claims import claim_arg
from .lexicons import status_range

__all__ = ["disagreement_sentences", "summarize"]

_TOPIC = {
    "number": "how many {counted} were {status}",
    "magnitude": "the quake's magnitude",
    "status": "the condition of {subject}",
    "time": "when it happened",
    "place": "where it happened",
    "means": "how it was carried out",
    "actor": "who was behind it",
    "attribution": "who said it",
    "polarity": "whether {subject} {predicate}",
}
_MIN_CHARS, _MAX_CHARS = 40, 400
# a sentence that leans on the one before it ("But King told …", "He said …", "This was …") reads badly alone
_LEANS_BACK = re.compile(r"(?:But|And|However|Yet|Still|Also|So|Meanwhile|Instead|He|She|They|It|This|That|These|"
                         r"Those|His|Her|Their|Its)\b")
_FIRST_PERSON = re.compile(r"^[\"“'‘]|\b(I|we|We|my|our|Our|me|us)\b(?!\.)")


def _vectors(texts: list[str], embedder) -> np.ndarray:
    if embedder is not None:
        return np.asarray(embedder.embed(texts), dtype=np.float32)
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    try:
        m = vec.fit_transform(texts)
    except ValueError:  # only stop words
        return np.zeros((len(texts), 1), dtype=np.float32)
    return m.toarray().astype(np.float32)


def _whole(text: str) -> bool:
    """A sentence that stands on its own: its quotation marks pair up and it starts like a sentence ("Right now,
    things are tense, ” the councilman said" is the tail of a quotation split across sentences)."""
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    first = text.lstrip("“\"'‘(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _clean(text: str) -> str:
    return " ".join(text.split())


def summarize(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Span]],
    facts: Sequence[Fact],
    conflicts: Sequence[Conflict],
    *,
    embedder=None,
    max_sentences: int = 5,
    diversity: float = 0.3,
    disputes: Sequence[Dispute] = (),
) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    """Pick up to ``max_sentences`` central, non-redundant sentences and add the main disagreement; each with
    the spans it cites (one per picked sentence, both sides for the disagreement)."""
    by_id = {a.id: a for a in articles}
    cands: list[tuple[str, Span, int]] = []
    for a in articles:
        if a.copy_of and a.copy_of in by_id:
            continue  # a copy adds nothing a summary needs
        for pos, sp in enumerate(sentences.get(a.id, ())):
            text = _clean(a.text[sp.start : sp.end])
            if (_MIN_CHARS <= len(text) <= _MAX_CHARS and re.search(r"[.!?…”\"']$", text) and " " in text
                    and _whole(text)):
                cands.append((text, sp, pos))
    disputed = {
        (c.side_a.evidence.article_id, c.side_a.evidence.start)
        for c in conflicts
        if c.verdict == "contradiction"
    }
    disputed |= {
        (c.side_b.evidence.article_id, c.side_b.evidence.start)
        for c in conflicts
        if c.verdict == "contradiction"
    }
    cands = [c for c in cands if (c[1].article_id, c[1].start) not in disputed]
    out: list[tuple[str, tuple[Span, ...]]] = []
    if cands:
        vecs = _vectors([c[0] for c in cands], embedder)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        vecs = vecs / np.where(norms == 0, 1, norms)
        sim = vecs @ vecs.T
        art_ids = [c[1].article_id for c in cands]
        other = np.array([[ai != aj for aj in art_ids] for ai in art_ids], dtype=np.float32)
        n_other = max(1.0, float(other.sum(axis=1).max()))
        central = (sim * other).sum(axis=1) / n_other if len(by_id) > 1 else sim.mean(axis=1)
        support = _support_bonus(cands, facts)
        lead = np.array([0.15 if c[2] == 0 else (0.07 if c[2] < 3 else 0.0) for c in cands], dtype=np.float32)
        quoted = np.array([0.2 if _FIRST_PERSON.search(c[0]) else 0.0 for c in cands], dtype=np.float32)
        leaning = np.array([0.15 if _LEANS_BACK.match(c[0]) else 0.0 for c in cands], dtype=np.float32)
        score = central + support + lead - quoted - leaning
        chosen: list[int] = []
        while len(chosen) < min(max_sentences, len(cands)):
            best, best_val = None, -1e9
            for i in range(len(cands)):
                if i in chosen:
                    continue
                redundancy = max((sim[i, j] for j in chosen), default=0.0)
                val = (1 - diversity) * score[i] - diversity * redundancy
                if redundancy > 0.75:
                    continue
                if val > best_val:
                    best, best_val = i, val
            if best is None:
                break
            chosen.append(best)
        out = [(cands[i][0], (cands[i][1],)) for i in chosen]
    out.extend(disagreement_sentences(conflicts, by_id, disputes=disputes))
    return tuple(out)


def _support_bonus(cands, facts: Sequence[Fact]) -> np.ndarray:
    bonus = np.zeros(len(cands), dtype=np.float32)
    index = {(c[1].article_id, c[1].start): i for i, c in enumerate(cands)}
    for f in facts:
        if f.independent_sources < 2:
            continue
        for cl in f.claims:
            i = index.get((cl.evidence.article_id, cl.evidence.start))
            if i is not None:
                bonus[i] = max(bonus[i], min(0.3, 0.1 * f.independent_sources))
    return bonus


_PRIORITY = {"status": 0, "number": 1, "actor": 2, "magnitude": 3, "time": 4, "place": 5, "means": 6,
             "attribution": 7}
_MAX_VALUES = 4


def disagreement_sentences(
    conflicts: Sequence[Conflict], articles: Mapping[str, Article], *, disputes: Sequence[Dispute] = ()
) -> list[tuple[str, tuple[Span, ...]]]:
    """The main contradiction as one sentence that reports the sides without choosing, citing each. With
    ``disputes``, the main disputed fact: two values are quoted in their sentences with how many reports give
    each; more values are listed with who gives them."""
    if disputes:
        return [_dispute_sentence(_main(disputes), articles)]
    contra = [c for c in conflicts if c.verdict == "contradiction"]
    if not contra:
        return []
    c = min(contra, key=lambda x: (_PRIORITY.get(x.kind, 9), _length(x.side_a) + _length(x.side_b)))
    a, b = c.side_a, c.side_b
    ta = _excerpt(articles, a.evidence).rstrip(" .;")
    tb = _excerpt(articles, b.evidence).rstrip(" .;")
    text = (f"Reports disagree on {_topic(c.kind, a, b)}: {describe_side(a, articles)} says “{ta}”{_hedged(a)}, "
            f"while {describe_side(b, articles)} says “{tb}”{_hedged(b)}.")
    return [(text, (a.evidence, b.evidence))]


def _main(disputes: Sequence[Dispute]) -> Dispute:
    """The dispute to state: the most serious kind, then the gravest harm counted (the dead before the
    injured), then the one most reports take part in."""
    def reports(d: Dispute) -> int:
        return len({c.evidence.article_id for p in d.positions for c in p.claims})

    def gravity(d: Dispute) -> int:
        levels = [status_range(claim_arg(c, "status") or "") for p in d.positions for c in p.claims]
        return max((lv[1] for lv in levels if lv), default=-1)

    return min(disputes, key=lambda d: (_PRIORITY.get(d.kind, 9), -gravity(d) if d.kind == "number" else 0,
                                        -reports(d)))


def _dispute_sentence(d: Dispute, articles: Mapping[str, Article]) -> tuple[str, tuple[Span, ...]]:
    firsts = [p.claims[0] for p in d.positions]
    topic = _topic(d.kind, *firsts[:2])
    if len(d.positions) == 2:
        (a, b), (wa, wb) = firsts, (_who(p, articles) for p in d.positions)
        ta = _excerpt(articles, a.evidence).rstrip(" .;")
        tb = _excerpt(articles, b.evidence).rstrip(" .;")
        text = (f"Reports disagree on {topic}: {wa} {_says(d.positions[0])} “{ta}”{_hedged(a)}, "
                f"while {wb} {_says(d.positions[1])} “{tb}”{_hedged(b)}.")
        return text, (a.evidence, b.evidence)
    shown = d.positions[:_MAX_VALUES]
    parts = [f"“{p.value}” ({_who(p, articles)}"
             + (f"; hedged: “{p.claims[0].hedge}”)" if all(c.hedge for c in p.claims) else ")") for p in shown]
    more = len(d.positions) - len(shown)
    listed = ", ".join(parts[:-1]) + (", " if more else " and ") + parts[-1]
    if more:
        listed += f" and {more} other value{'s' if more > 1 else ''}"
    return f"Reports disagree on {topic}: {listed}.", tuple(p.claims[0].evidence for p in shown)


def _who(p: Position, articles: Mapping[str, Article]) -> str:
    first = describe_side(p.claims[0], articles)
    others = len({c.evidence.article_id for c in p.claims} - {p.claims[0].evidence.article_id})
    return first if not others else f"{first} and {others} other report{'s' if others > 1 else ''}"


def _says(p: Position) -> str:
    return "say" if len({c.evidence.article_id for c in p.claims}) > 1 else "says"


def _hedged(c: Claim) -> str:
    return f" (hedged: “{c.hedge}”)" if c.hedge else ""


def _topic(kind: str, a: Claim, b: Claim) -> str:
    subject = a.subject or b.subject or "those involved"
    return _TOPIC.get(kind, "this").format(
        subject="the" + subject[3:] if subject.startswith("The ") else subject,
        counted=plural(claim_arg(a, "counted") or "person"),
        status=_status_words(claim_arg(a, "status")),
        predicate=a.predicate,
    )


def _status_words(status: str | None) -> str:
    """"killed", "mildly hurt" as they are; anything else (no status, "no casualties") is "involved"."""
    if status and re.fullmatch(r"(?:\w+ly )?\w+(?:ed|en|t)", status) and not status.startswith("not "):
        return status
    return "involved"


def _length(c) -> int:
    return c.evidence.end - c.evidence.start


def _excerpt(articles: Mapping[str, Article], span: Span, limit: int = 220) -> str:
    art = articles.get(span.article_id)
    text = _clean(art.text[span.start : span.end]) if art else ""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

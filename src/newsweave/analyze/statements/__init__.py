"""Who said what, through which channel, relayed by whom: newsweave's statement (attribution) extractor.

``extract_statements(doc, article_id=...)`` reads a parsed article and returns :class:`~newsweave.model.Statement`
objects: direct quotations with the cue next to them, reported speech governed by a speech verb, inverted
cues ("…, reported the broadcaster") and "according to X". See ``docs/statements.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from ...model import Entity, Mention, Span, Statement
from .channel import CHANNELS, classify_channel
from .direct import Quote, cue_after_quote, cue_before_quote, find_quotes
from .relays import credit_line_relays, relay_name, relays_near_cue
from .reported import Candidate, according_candidates, cue_extent, verb_candidates
from .speakers import SpeakerInfo, describe_speaker, is_outlet_phrase, speaker_span

__all__ = ["extract_statements", "CHANNELS"]

_STRIP_CONTENT = " \t\n,;:"


def _token_index(starts: list[int], char: int) -> int:
    """Index of the token containing or starting after ``char``."""
    return bisect.bisect_left(starts, char)


def _quote_candidates(doc: Doc, quotes: list[Quote], cands: dict[int, Candidate]) -> None:
    """Attach quotations to their cue verbs (updating or creating candidates in place)."""
    starts = [t.idx for t in doc]
    text = doc.text
    for q in quotes:
        first_after = _token_index(starts, q.end)
        last_before = _token_index(starts, q.start) - 1
        cue = cue_after_quote(doc, q, first_after if first_after < len(doc) else None)
        if cue is None:
            cue = cue_before_quote(doc, q, last_before if last_before >= 0 else None)
        if cue is None:
            continue
        lo, hi = q.inner_start, q.inner_end
        while hi > lo and text[hi - 1] in _STRIP_CONTENT:
            hi -= 1
        while lo < hi and text[lo] in _STRIP_CONTENT:
            lo += 1
        if hi - lo < 2:
            continue
        tok_lo, tok_hi = _token_index(starts, lo), _token_index(starts, hi)
        existing = cands.get(cue.i)
        if existing is not None and existing.direct:
            # an interrupted quotation: "…," he said, "…" — one statement from first to last piece
            existing.content_start = min(existing.content_start, lo)
            existing.content_end = max(existing.content_end, hi)
            continue
        if existing is not None and (existing.content_end <= q.start or existing.content_start >= q.end):
            # the verb's clausal complement lies elsewhere ("he said, adding that …"): keep it if not the quote
            if existing.content_start > q.end and cue.i > first_after:
                pass
        c_lo, c_hi = cue_extent(cue)
        speaker = existing.speaker if existing is not None else _speaker_of_quote_cue(cue)
        cands[cue.i] = Candidate(
            c_lo, c_hi, cue, speaker, lo, hi, direct=True, kind="quote", content_tokens=(tok_lo, tok_hi)
        )


def _speaker_of_quote_cue(cue):
    from .reported import _speaker_for

    return _speaker_for(cue)


def _content_tokens(doc: Doc, cand: Candidate) -> tuple[int, int]:
    if cand.content_tokens is not None:
        return cand.content_tokens
    starts = [t.idx for t in doc]
    return _token_index(starts, cand.content_start), _token_index(starts, cand.content_end)


def extract_statements(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[Mention] = (),
    entities: Mapping[str, Entity] | None = None,
) -> list[Statement]:
    """Statements of one article: content, cue, speaker (with pronouns resolved), channel and relays.

    ``doc`` is the spaCy parse of the article text; all spans index that text. When ``mentions`` (with
    ``entity_id``) are given, ``speaker_entity`` is the id of the entity the speaker phrase mentions;
    otherwise it is the speaker's name as written (pronouns resolved to the nearest earlier named speaker).
    """
    if not len(doc):
        return []
    cands = verb_candidates(doc)
    _quote_candidates(doc, find_quotes(doc.text), cands)
    ordered = sorted(cands.values(), key=lambda c: (c.content_start, c.cue_start or 0))
    verbal_heads = {c.cue_token.i for c in ordered if c.cue_token is not None}
    for acc in according_candidates(doc):
        head = acc.cue_token.head if acc.cue_token is not None else None
        if head is not None and head.i in verbal_heads and acc.speaker is not None:
            src = doc[acc.speaker.left_edge.i : acc.speaker.right_edge.i + 1]
            if is_outlet_phrase(src):
                continue  # "X said …, according to Reuters": a relay of X's statement, not a statement
        ordered.append(acc)
    ordered = _dedupe(ordered)
    ordered.sort(key=lambda c: min(c.cue_start if c.cue_start is not None else 10**9, _tok_of(doc, c)))
    credit = credit_line_relays(doc)
    history: list[SpeakerInfo] = []
    out: list[Statement] = []
    outer: list[tuple[int, int, str]] = []  # content char ranges of statements whose speaker is an outlet
    built: list[tuple[Candidate, Statement]] = []
    for cand in ordered:
        st, info = _build(doc, cand, article_id, history, mentions, entities)
        if info is not None:
            history.append(info)
            if info.kind == "outlet" and info.name and not cand.direct:
                outer.append((cand.content_start, cand.content_end, info.name))
        built.append((cand, st))
    for cand, st in built:
        relays = list(st.relays)
        for lo, hi, name in outer:
            cue_char = doc[cand.cue_start].idx if cand.cue_start is not None else cand.content_start
            if lo <= cue_char < hi and name not in relays and name != st.speaker_entity:
                relays.append(name)
        is_outlet = st.speaker_text is not None and _speaker_is_outlet(doc, st)
        if not relays and credit and not is_outlet:
            relays.extend(credit)
        if tuple(relays) != st.relays:
            st = _replace(st, relays=tuple(relays))
        out.append(st)
    out.sort(key=lambda s: (s.content.start, s.content.end))
    return out


def _tok_of(doc: Doc, cand: Candidate) -> int:
    return _content_tokens(doc, cand)[0]


def _speaker_is_outlet(doc: Doc, st: Statement) -> bool:
    if st.speaker is None:
        return False
    span = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand")
    return span is not None and is_outlet_phrase(span)


def _replace(st: Statement, **changes) -> Statement:
    from dataclasses import replace

    return replace(st, **changes)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose cue lies inside another candidate's direct quotation or which duplicate a
    quotation's content with a weaker cue."""
    out: list[Candidate] = []
    quotes = [c for c in cands if c.direct]
    for c in cands:
        if not c.direct and c.cue_token is not None:
            cue_char = c.cue_token.idx
            if any(q.content_start <= cue_char < q.content_end for q in quotes):
                continue  # a speech verb inside someone's quotation
        out.append(c)
    return out


def _build(
    doc: Doc,
    cand: Candidate,
    article_id: str,
    history: list[SpeakerInfo],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity] | None,
) -> tuple[Statement, SpeakerInfo | None]:
    cue_span = None
    cue_verb = None
    if cand.cue_start is not None and cand.cue_end is not None:
        cs, ce = doc[cand.cue_start], doc[cand.cue_end - 1]
        cue_span = Span(article_id, cs.idx, ce.idx + len(ce.text))
        cue_verb = "according to" if cand.kind == "according" else cand.cue_token.lemma_.lower()
    speaker = None
    speaker_text = None
    info: SpeakerInfo | None = None
    sp_tokens: tuple[int, int] | None = None
    if cand.speaker is not None:
        sp_tokens = speaker_span(cand.speaker)
        sp = doc[sp_tokens[0] : sp_tokens[1]]
        speaker = Span(article_id, sp.start_char, sp.end_char)
        speaker_text = sp.text
        info = describe_speaker(sp, history=history, mentions=mentions, entities=entities)
    content_tokens = _content_tokens(doc, cand)
    relays: list[str] = []
    told_outlet = False
    context: list = []
    if cand.cue_token is not None and cand.kind != "according":
        relays, told_outlet = relays_near_cue(cand.cue_token, exclude=content_tokens)
        excl = set(range(*content_tokens))
        if sp_tokens:
            excl.update(range(*sp_tokens))
        for child in cand.cue_token.children:
            if child.i in excl or child.dep_ in ("ccomp", "nsubj", "nsubjpass", "punct"):
                continue
            context.extend(t for t in child.subtree if t.i not in excl)
    speaker_root = doc[sp_tokens[1] - 1] if sp_tokens else None
    if cand.kind == "according" and speaker_root is not None and info is not None and info.kind == "outlet":
        context.extend(doc[sp_tokens[0] : sp_tokens[1]])
    channel = classify_channel(
        cand.cue_token if cand.kind != "according" else None,
        context,
        speaker_kind=info.kind if info else None,
        speaker_root=cand.speaker if cand.speaker is not None else speaker_root,
        told_outlet=told_outlet,
        relays=tuple(relays),
    )
    if info is not None and info.name and relays:
        relays = [r for r in relays if r != info.name]
    entity = info.entity_id if (info is not None and (mentions or entities) and info.entity_id) else (
        info.name if info is not None else None
    )
    st = Statement(
        content=Span(article_id, cand.content_start, cand.content_end),
        cue=cue_span,
        cue_verb=cue_verb,
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_entity=entity,
        anonymous=bool(info.anonymous) if info is not None else False,
        direct=cand.direct,
        channel=channel,
        relays=tuple(relays),
    )
    return st, info


__all__ += ["relay_name"]

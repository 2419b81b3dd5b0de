"""Who said what, through which channel, relayed by whom: newsweave's statement (attribution) extractor.

``extract_statements(doc, article_id=...)`` reads a parsed article and returns :class:`~newsweave.model.Statement`
objects: direct quotations with the cue next to them, reported speech governed by a cue verb, inverted cues
("…, reported the broadcaster") and "according to X". See ``docs/statements.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...model import Entity, Mention, Span, Statement
from .according import according_candidates, poll_candidates
from .channel import CHANNELS, classify_channel
from .cues import FIRST_PERSON, PARENTHETICAL_VERBS
from .direct import find_quotes
from .docindex import DocIndex, index_doc
from .messages import NAMING_VERBS
from .nominal import adjective_candidates, noun_candidates
from .posts import embedded_posts
from .quotes import attach_quotes, block_quotes, colon_lines
from .relays import RELAY_VERBS, credit_line_relays, relays_near_cue, trailing_relay
from .reported import DATELINE, Candidate, char_end, skip_dateline, verb_candidates
from .speaker_names import describe_speaker, is_outlet_phrase
from .speakers import SpeakerInfo, speaker_span

__all__ = ["CHANNELS", "extract_statements"]

_MIN_QUOTE_TOKENS_FOR_NESTING = 6
_REL_TAGS = ("WDT",)  # relative pronouns whose speaker span takes in the noun they stand for
_VERBAL_KINDS = frozenset({"verb", "object", "quote", "inverted", "noun"})
_SIGNED_KINDS = frozenset({"colon", "post"})  # "NAME: …", "“…” ― Name", "… — Name (@handle)": no verb
_AS_VERBS = frozenset({"see", "regard", "view", "consider", "describe", "perceive", "portray", "characterize",
                       "characterise", "depict", "brand", "label", "cast", "hail", "dismiss"})
_CONTEXT_SKIP = frozenset({"ccomp", "nsubj", "nsubjpass", "punct", "xcomp"})


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
    Statements come in text order of their content.
    """
    if not len(doc):
        return []
    ix = index_doc(doc)
    cands = verb_candidates(doc, ix)
    for i, cand in noun_candidates(doc, ix).items():
        cands.setdefault(i, cand)
    for i, cand in adjective_candidates(doc, ix).items():
        cands.setdefault(i, cand)
    quotes = find_quotes(ix.text)
    extra = attach_quotes(doc, ix, quotes, cands)  # updates cands in place: run before listing them
    ordered = list(cands.values()) + extra
    trailing = _cut_trailing_relays(doc, ix, ordered)
    taken = [(c.content_start, c.content_end) for c in ordered if c.direct]
    ordered += colon_lines(doc, ix, taken)
    ordered += block_quotes(doc, ix, taken)
    ordered += embedded_posts(doc, ix, taken)
    ordered += _according(doc, ix, ordered, trailing)
    ordered += poll_candidates(doc, ix)
    ordered = _drop_nested(ordered, quotes, ix)
    ordered.sort(key=lambda c: (c.cue_start if c.cue_start is not None else ix.token_at(c.content_start)))
    history: list[SpeakerInfo] = []
    built: list[tuple[Candidate, Statement, SpeakerInfo | None]] = []
    for cand in ordered:  # in cue order, so pronouns see the speakers before them
        st, info = _build(doc, ix, cand, article_id, history, mentions, entities)
        if id(cand) in trailing and trailing[id(cand)] not in st.relays:
            st = replace(st, relays=(*st.relays, trailing[id(cand)]))
        if info is not None:
            history.append(info)
        built.append((cand, st, info))
    out = _outer_relays(ix, built)
    out.sort(key=lambda s: (s.content.start, s.content.end))
    return out


def _cut_trailing_relays(doc: Doc, ix: DocIndex, cands: list[Candidate]) -> dict[int, str]:
    """Cut "…, according to Reuters" / "…, as reported by AP" off the end of contents; returns the relay
    named for each candidate (keyed by ``id``)."""
    trailing: dict[int, str] = {}
    for cand in cands:
        if cand.direct or cand.cue_token is None:
            continue
        lo, hi = _content_tokens(ix, cand)
        hit = trailing_relay(doc, lo, hi)
        if hit is None:
            continue
        end_tok, name = hit
        while end_tok > lo and (doc[end_tok - 1].is_punct or doc[end_tok - 1].is_space):
            end_tok -= 1
        if end_tok > lo:
            cand.content_end = ix.starts[end_tok - 1] + len(doc[end_tok - 1].text)
            cand.content_tokens = (lo, end_tok)
            trailing[id(cand)] = name
    return trailing


def _according(doc: Doc, ix: DocIndex, cands: list[Candidate], trailing: dict[int, str]) -> list[Candidate]:
    """"According to X" statements, except where the phrase only names the relay of another statement."""
    verbal_heads = {c.cue_token.i for c in cands if c.cue_token is not None}
    cut_ends = [c.content_end for c in cands if id(c) in trailing]
    out: list[Candidate] = []
    for acc in according_candidates(doc, ix):
        if any(end <= acc.cue_token.idx <= end + 3 for end in cut_ends):
            continue  # already read as the relay of the statement it closes
        head = acc.cue_token.head
        if head.i in verbal_heads and acc.speaker is not None:
            src = doc[acc.speaker.left_edge.i : acc.speaker.right_edge.i + 1]
            if is_outlet_phrase(src, ix.ents_in(src.start, src.end)):
                continue  # "X said …, according to Reuters": a relay of X's statement, not a statement
        out.append(acc)
    return out


def _outer_relays(ix: DocIndex, built: list[tuple[Candidate, Statement, SpeakerInfo | None]]) -> list[Statement]:
    """Relays from an outlet's own report wrapping a statement ("AP reported that officials said …") and,
    for statements with no relay that are not an outlet's own report, from the article's credit line."""
    credit = credit_line_relays(ix.text)
    outer = [
        (cand.content_start, cand.content_end, info.name)
        for cand, _, info in built
        if info is not None and info.kind == "outlet" and info.name and not cand.direct
    ]
    out: list[Statement] = []
    for cand, st, info in built:
        relays = list(st.relays)
        cue_char = ix.starts[cand.cue_start] if cand.cue_start is not None else cand.content_start
        for lo, hi, name in outer:
            if lo <= cue_char < hi and name not in relays and (info is None or name != info.name):
                relays.append(name)
        if not relays and credit and not (info is not None and info.kind == "outlet"):
            relays.extend(credit)
        if tuple(relays) != st.relays:
            st = replace(st, relays=tuple(relays))
        out.append(st)
    return out


def _drop_nested(cands: list[Candidate], quotes, ix: DocIndex) -> list[Candidate]:
    """Drop reported-speech candidates whose cue sits inside a quotation (the quoted person quoting
    someone: part of that person's statement) or inside the content of another reported statement
    (annotators mark the outer statement only) — except inside a news outlet's own report, which wraps
    the statements it passes on — short quoted phrases, and duplicates of the same content."""
    spans = [(q.inner_start, q.inner_end) for q in quotes
             if ix.token_at(q.inner_end) - ix.token_at(q.inner_start) >= _MIN_QUOTE_TOKENS_FOR_NESTING]
    extents = [(c.content_start, c.content_end) for c in cands if c.direct]
    quote_cues = {c.cue_token.i for c in cands if c.kind == "quote" and c.cue_token is not None}
    # "issued [a statement saying …]": the statement inside is the one to keep
    kept = [c for c in cands if not (c.kind == "object" and _wraps_message(c, cands))]
    _split_coordinated(kept, ix)
    outer = [(c.content_start, c.content_end, c) for c in kept if not c.direct]
    wraps: dict[int, bool] = {}  # id → whether the candidate may hold cues nested in its content

    def holds(o: Candidate) -> bool:
        if id(o) not in wraps:
            wraps[id(o)] = not _reports_others(o, ix)
        return wraps[id(o)]

    out: list[Candidate] = []
    seen: dict[tuple[int, int], int] = {}
    for c in kept:
        if c.kind == "quote" and _short_phrase(c, ix):
            continue  # "used the term “anchor baby” to describe …": a quoted phrase, not a statement
        if not c.direct and c.cue_token is not None:
            cue_char = c.cue_token.idx
            if any(lo <= cue_char < hi for lo, hi in spans):
                continue
            after_quote = c.cue_token.dep_ == "advcl" and c.cue_token.head.i in quote_cues
            if not after_quote and any(lo <= cue_char < hi for lo, hi in extents):
                continue  # inside an interrupted quotation (but "“…,” she said, referring to …" is not)
            if not _said_in_relative(c.cue_token) and any(
                    lo <= cue_char < hi and o is not c and holds(o) for lo, hi, o in outer):
                continue  # "said that [critics believe …]": part of the outer statement
        key = (c.content_start, c.content_end)
        if key in seen:
            if _cue_inside(out[seen[key]]) and not _cue_inside(c):
                out[seen[key]] = c  # "[X were believed to …], reported the broadcaster": the report wraps it
            continue
        seen[key] = len(out)
        out.append(c)
    return out


def _said_in_relative(cue: Token) -> bool:
    """"called for [a wall, which he said Mexico should pay for]": a speech verb with its own subject in a
    relative clause whose pronoun belongs to the message is a statement of its own, not part of the message
    around it."""
    return cue.dep_ in ("relcl", "acl") and cue.lemma_.lower() in PARENTHETICAL_VERBS and any(
        t.dep_ == "nsubj" and t.tag_ not in ("WP", "WDT") for t in cue.children)  # not "X, who said …"


def _cue_inside(c: Candidate) -> bool:
    """Whether the cue lies within the content ("the minister was said to be furious")."""
    return c.cue_token is not None and c.content_start <= c.cue_token.idx < c.content_end


def _wraps_message(obj: Candidate, cands: list[Candidate]) -> bool:
    """Whether an object message only carries another cue's message: "issued [a statement saying …]", "emailed
    [supporters saying …]" — a participle on the object's head — or "responded with [chants of support for …]"
    — a nominal cue of the same holder in a prepositional object. Any other cue inside an object ("bemoaned [the
    climate in which people hate …]", "rejected [the offer to …]") is part of the outer message."""
    if obj.content_tokens is None:
        return any(c.cue_token is not None and obj.content_start <= c.cue_token.idx < obj.content_end for c in cands)
    lo, hi = obj.content_tokens
    by_prep = (obj.frame or "").startswith("prep_")
    for c in cands:
        cue = c.cue_token
        if cue is None or c is obj or not (obj.content_start <= cue.idx < obj.content_end):
            continue
        if cue.dep_ == "acl" and cue.tag_ == "VBG" and not (lo <= cue.head.head.i < hi):
            return True
        if by_prep and c.kind == "noun" and c.speaker is not None and obj.speaker is not None and (
                c.speaker.i == obj.speaker.i):
            return True
    return False


_CONTRAST_MARKS = frozenset({"while", "whereas", "but", "although", "though"})
_JOINERS = frozenset({"and", "but", "while", "whereas", "although", "though", "yet", "so"})


def _split_coordinated(cands: list[Candidate], ix: DocIndex) -> None:
    """"Half said [A], while a third said [B]", "Rubio said [A], and he railed against [B]": a cue with its own
    subject coordinated after the content of another cue is a statement of its own; the first content ends before
    it (in place). A cue other than a verb of saying needs a subject that can hold a view ("he", a name)."""
    for c in cands:
        cue = c.cue_token
        if c.direct or cue is None or c.kind not in ("verb", "object", "inverted"):
            continue
        subj = [t for t in cue.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < cue.i]
        if not (cue.dep_ == "conj" or (cue.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS for m in cue.children)) or _second_complement(cue, subj)):
            continue
        if not subj or subj[0].lower_ in FIRST_PERSON or not (
                cue.lemma_.lower() in PARENTHETICAL_VERBS or _someone(subj[0])) or any(
                m.dep_ == "mark" and m.lower_ == "that" for m in cue.children):
            continue
        doc = cue.doc
        start = min(subj[0].left_edge.i, c.cue_start if c.cue_start is not None else cue.i)
        start = min([start] + [m.i for m in cue.children if m.dep_ in ("mark", "cc") and m.i < start])
        for o in cands:
            if o is c or o.direct or o.cue_token is None or not (o.content_start < cue.idx < o.content_end):
                continue
            lo, _ = _content_tokens(ix, o)
            hi = start
            while hi > lo and (doc[hi - 1].is_punct and not doc[hi - 1].is_quote or doc[hi - 1].is_space
                               or doc[hi - 1].lower_ in _JOINERS):
                hi -= 1
            if hi - lo >= 2:
                o.content_tokens = (lo, hi)
                o.content_end = char_end(doc, hi)


def _someone(tok: Token) -> bool:
    """A subject that can hold a view: "he", "they", a named person, group, organisation or country (not "the
    drone" of "the drone believed to have been involved … was intercepted", a participle the parser made a verb)."""
    return tok.lower_ in ("he", "she", "they") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _second_complement(cue: Token, subj: list[Token]) -> bool:
    """"Most said [A], and a third said [B]" parsed with the second cue as a further complement of the first."""
    if cue.dep_ != "ccomp" or not subj or cue.head.i >= cue.i or cue.head.lemma_.lower() not in PARENTHETICAL_VERBS:
        return False
    before = subj[0].left_edge.i - 1
    doc = cue.doc
    return before > cue.head.i and doc[before].lower_ in _JOINERS and doc[before].dep_ == "cc"


def _short_phrase(cand: Candidate, ix: DocIndex) -> bool:
    """A quoted phrase of one or two words without a verb or sentence punctuation ("anchor baby")."""
    core = ix.text[cand.content_start : cand.content_end].strip().rstrip(",”\"’'")
    if len(core.split()) > 2 or core.endswith(("!", "?", ".")):
        return False
    if cand.cue_token is None or cand.cue_token.lemma_.lower() in NAMING_VERBS:
        return False  # "called it “absolute chaos”": the label is the message
    doc = cand.cue_token.doc
    lo, hi = ix.token_at(cand.content_start), ix.token_at(cand.content_end)
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi])


def _reports_others(cand: Candidate, ix: DocIndex) -> bool:
    """Whether a candidate is a news outlet's report, which wraps the statements of others it passes on
    ("Reuters reported that a senior official said …")."""
    if cand.speaker is None:
        return False
    doc = cand.speaker.doc
    lo, hi = speaker_span(cand.speaker)
    return is_outlet_phrase(doc[lo:hi], ix.ents_in(lo, hi))


def _content_tokens(ix: DocIndex, cand: Candidate) -> tuple[int, int]:
    if cand.content_tokens is not None:
        return cand.content_tokens
    return ix.token_at(cand.content_start), ix.token_at(cand.content_end)


def _build(
    doc: Doc,
    ix: DocIndex,
    cand: Candidate,
    article_id: str,
    history: list[SpeakerInfo],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity] | None,
) -> tuple[Statement, SpeakerInfo | None]:
    cue_span = None
    cue_verb = None
    if cand.cue_start is not None and cand.cue_end is not None and cand.cue_token is not None:
        cs, ce = doc[cand.cue_start], doc[cand.cue_end - 1]
        cue_span = Span(article_id, cs.idx, ce.idx + len(ce.text))
        if cand.kind == "according":
            cue_verb = "according to"
        elif cand.kind == "poll":
            cue_verb = "in"
        elif cand.kind in _SIGNED_KINDS:
            cue_verb = None
        else:
            cue_verb = cand.cue_token.lemma_.lower()
    speaker = speaker_text = None
    info: SpeakerInfo | None = None
    sp_tokens: tuple[int, int] | None = None
    if cand.speaker is not None and cand.kind not in _SIGNED_KINDS:
        cand.speaker = _past_dateline(doc, ix, cand.speaker, cand.cue_start)
    if cand.speaker is not None and _is_time(cand.speaker):
        cand.speaker = None  # "…, Friday tweeted": a date the parser took for the subject
    if cand.speaker is not None:
        sp_tokens = speaker_span(cand.speaker) if cand.kind not in _SIGNED_KINDS else _name_run(doc, cand.speaker.i)
        sp = doc[sp_tokens[0] : sp_tokens[1]]
        full = _full_phrase(doc, cand, sp_tokens)
        if full.end < len(doc) and doc[full.end].text == ")" and full.text.count("(") > full.text.count(")"):
            full = doc[full.start : full.end + 1]  # "Rep. Jane Roe (R-WI)": the parser hung ")" elsewhere
        described = sp
        if cand.speaker.tag_ in ("WP", "WDT") and cand.speaker.head.dep_ == "relcl":
            ante = speaker_span(cand.speaker.head.head)  # "who" stands for the noun the clause modifies
            described = doc[ante[0] : ante[1]]
            if cand.speaker.tag_ in _REL_TAGS and ante[0] < sp_tokens[0] and sp_tokens[0] - ante[1] <= 3:
                full = doc[ante[0] : sp_tokens[1]]  # "a super PAC that backed …": the noun with its "that"
        speaker = Span(article_id, full.start_char, full.end_char)
        speaker_text = full.text
        info = describe_speaker(described, history=history, ix=ix, mentions=mentions, entities=entities,
                                content=(cand.content_start, cand.content_end), phrase=full)
    if speaker is not None and not cand.direct and cand.content_start < speaker.start < cand.content_end:
        _drop_trailing_speaker(doc, ix, cand, speaker.start)
    content_tokens = _content_tokens(ix, cand)
    relays: list[str] = []
    told_outlet = False
    context: list = []
    if cand.cue_token is not None and cand.kind in _VERBAL_KINDS:
        relays, told_outlet = relays_near_cue(cand.cue_token, exclude=content_tokens)
        excl = set(range(*content_tokens))
        if sp_tokens:
            excl.update(range(*sp_tokens))
        cues = [cand.cue_token] if cand.channel_from is None else [cand.cue_token, cand.channel_from]
        for child in (c for cue in cues for c in cue.children):
            if child.i in excl or child.dep_ in _CONTEXT_SKIP:
                continue
            if child.dep_ in ("advcl", "acl", "conj") and child.lemma_.lower() in RELAY_VERBS:
                continue  # "as reported by X" names a relay, not the channel
            for t in child.subtree:
                if t.i in excl:
                    continue
                if t.dep_ in ("acl", "advcl") and t.lemma_.lower() in RELAY_VERBS:
                    excl.update(x.i for x in t.subtree)  # "a statement quoted by Reuters"
                    continue
                if t.i not in excl:
                    context.append(t)
    if cand.kind == "according" and sp_tokens is not None:
        context.extend(doc[sp_tokens[0] : sp_tokens[1]])
    if cand.cue_token is not None and cand.cue_token.dep_ == "acl":
        context.append(cand.cue_token.head)  # "issued a statement saying …": the noun names the channel
    channel = "social media post" if cand.kind == "post" else classify_channel(
        cand.cue_token if cand.kind in _VERBAL_KINDS else None,
        context,
        speaker_kind=info.kind if info else None,
        speaker_root=cand.speaker,
        told_outlet=told_outlet,
    )
    if info is not None and info.name:
        relays = [r for r in relays if r != info.name]
    if info is None:
        entity = None
    elif (mentions or entities) and info.entity_id:
        entity = info.entity_id
    else:
        entity = info.name
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


def _drop_trailing_speaker(doc: Doc, ix: DocIndex, cand: Candidate, speaker_start: int) -> None:
    """"…, the governor of Qeshm, Mehdi Roe, told ISNA": a message the parser extended over the speaker phrase
    that ends it, right before the cue; the message ends at the comma before the speaker."""
    if cand.cue_start is None or not cand.cue_start - 2 <= ix.token_at(cand.content_end) <= cand.cue_start:
        return  # the message does not end right before the cue ("X, he said, Y" goes on after it)
    head = ix.text[cand.content_start : speaker_start].rstrip()
    if not head.endswith(","):
        return
    cand.content_end = cand.content_start + len(head) - 1
    cand.content_tokens = None


def _full_phrase(doc: Doc, cand: Candidate, core: tuple[int, int]):
    """The whole speaker phrase with its appositions and relative clauses ("Jane Roe, who
    chairs the committee,"), as annotators mark it; falls back to the core phrase when the subtree would reach the
    cue or the content."""
    head = cand.speaker
    if cand.kind in _SIGNED_KINDS or head is None:
        return doc[core[0] : core[1]]
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    cue_lo = cand.cue_start if cand.cue_start is not None else hi
    c_lo, c_hi = cand.content_tokens or (hi, hi)
    if lo <= cue_lo < hi or (lo < c_hi and c_lo < hi):
        return doc[core[0] : core[1]]
    subtree = {t.i for t in head.subtree}
    if any(k not in subtree and not doc[k].is_punct for k in range(lo, hi)):
        return doc[core[0] : core[1]]  # the head's subtree has a gap (its own verb inside): no phrase to take whole
    cue = cand.cue_token
    if cue is not None and cue.lemma_.lower() in _AS_VERBS:
        as_phrase = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > head.i]
        if as_phrase:  # "seen by analysts [as a likely candidate]": what the subject is seen as, hung on the agent
            hi = min(hi, as_phrase[0].i)
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and not (
        doc[hi - 1].text == ")" and any(t.text == "(" for t in doc[lo : hi - 1])
    ):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    past_dateline = skip_dateline(doc, lo, hi)  # "RENO, Nev. (AP) — Jane Roe said …"
    if past_dateline <= head.i:
        lo = past_dateline
    return doc[lo:hi]


# "WASHINGTON — …", "BUENA PARK, Calif. — …": a dateline without the agency in brackets
_PLAIN_DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)?\s*(?:[—–]+|-{2,})\s*")


def _past_dateline(doc: Doc, ix: DocIndex, head: Token, cue_start: int | None) -> Token | None:
    """A speaker the parser took from a wire dateline ("LONDON (Reuters) — Jane Roe said …" with "LONDON"
    as subject): the noun phrase after the dateline that hangs on it, else no speaker."""
    s_start = ix.sent_start[head.i]
    start = ix.starts[s_start]
    m = DATELINE.match(ix.text[start : start + 100]) or _PLAIN_DATELINE.match(ix.text[start : start + 100])
    if m is None or ix.starts[head.i] >= start + m.end():
        return head
    end = ix.token_at(start + m.end())
    stop = cue_start if cue_start is not None and cue_start > end else ix.sent_end[head.i]
    for t in doc[end:stop]:
        if t.dep_ == head.dep_ and t.head.i == head.head.i != head.i:
            return t  # "WASHINGTON (AP) — Jane Roe said …" with both as subjects of "said"
    for t in doc[end:stop]:
        if t.head.i < end and t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    return None


_TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "moment", "night", "morning", "evening",
                         "afternoon", "weekend", "hour", "minute", "era", "period", "season"})


def _is_time(tok: Token) -> bool:
    """A date or a stretch of time, which cannot speak ("Friday", "the day before", "a difficult time")."""
    if tok.like_num or "old" in tok.lower_ or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "the 46-year-old", "43" (ages), "nine months of Trump talking about …"
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in tok.subtree):
        return False  # "Saturday at the party convention, Senator Jane Roe said": the parse got the name
    return tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _TIME_NOUNS)


def _name_run(doc: Doc, head: int) -> tuple[int, int]:
    lo = head
    while lo - 1 >= 0 and (doc[lo - 1].pos_ == "PROPN" or (doc[lo - 1].pos_ == "NOUN" and doc[lo - 1].is_title)) and (
            head - lo < 5 and any(c.isalnum() for c in doc[lo - 1].text)):
        lo -= 1  # (not into a quotation mark glued to a dash, "”―", which the parser may tag as a name)
    return lo, head + 1

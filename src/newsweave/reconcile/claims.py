"""Claims: who or what did what to whom, when, where, how many, with what result — one per predicate.

A claim is read off the dependency parse of one sentence: the predicate (verb lemma, event noun or status
adjective), its subject, and arguments as ``(role, value)`` pairs. Roles:

``target``, ``actor``, ``place``, ``means``, ``count`` (a number, or a vague quantity word), ``count_kind``
(exact, approx, min, vague), ``count_low``/``count_high``, ``counted`` (what is counted), ``status``
(health/outcome value on the scale of :mod:`.lexicons`), ``status_text``, ``outcome`` (failed/hit),
``time`` (TIMEX3 value), ``time_text``, ``time_earliest``/``time_latest`` (ISO datetimes), ``time_granularity``,
``key`` (comparable names of the subject: canonical entity names, head nouns), ``target_key``, ``class``
(the predicate class used for alignment) and ``speaker`` (who the claim is attributed to).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from collections.abc import Iterable
from typing import Any

from ..model import Article, Claim, Span, Statement, TimeExpression
from .lexicons import (
    CAR_BOMB,
    EVENT_NOUNS,
    KEY_SYNONYMS,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    LIGHT_VERBS,
    MEANS_WORDS,
    MILD_MODIFIERS,
    OUTCOME_WORDS,
    PREDICATE_CLASSES,
    REPORTING_VERBS,
    SEVERE_MODIFIERS,
    STATUS_WORDS,
    VAGUE_QUANTITIES,
    normalise_key,
    parse_number,
    predicate_class,
)
from .reading import Reading, read_article

__all__ = ["extract_claims", "claims_from_reading", "claim_args", "claim_arg", "claim_times"]

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
TARGET_PREPS = {"on", "against", "at", "into", "targeting", "toward", "towards"}
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "across", "around", "off", "from", "within"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "pcomp"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
TEMPORAL_WORDS = {"today", "yesterday", "tomorrow", "night", "morning", "evening", "afternoon", "week",
                  "month", "year", "day", "weekend", "now", "time"}
TITLE_WORDS = {"president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief",
               "governor", "mayor", "king", "queen", "prince", "general", "ceo", "chairman", "leader", "pm",
               "senator", "ambassador", "commander", "director", "premier", "chancellor", "pope"}


def claim_args(claim: Claim, role: str) -> list[str]:
    return [v for r, v in claim.arguments if r == role]


def claim_arg(claim: Claim, role: str) -> str | None:
    for r, v in claim.arguments:
        if r == role:
            return v
    return None


def extract_claims(article: Article, analysis: Any | None = None, *, doc=None, nlp=None) -> list[Claim]:
    """The claims of one report, in text order, each with its evidence span, hedge and attribution."""
    return claims_from_reading(read_article(article, analysis, doc=doc, nlp=nlp))


def claims_from_reading(reading: Reading) -> list[Claim]:
    doc = reading.doc
    titles = _title_aliases(doc)
    timex_of = _timex_heads(doc, reading.timexes)
    claims: list[Claim] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        preds = [t for t in sent if _is_predicate(t)]
        pred_ids = {t.i for t in preds}
        times: dict[int, list[TimeExpression]] = {}
        for tx, tok_i in timex_of.items():
            if sent.start <= tok_i < sent.end:
                owner = _owner(doc[tok_i], pred_ids)
                if owner is not None:
                    times.setdefault(owner, []).append(tx)
        for p in preds:  # "during the strike early Sunday, a rocket hit …": the time holds for both
            if p.i in times and p.dep_ == "pobj" and p.head.lower_ in ("during", "amid", "in") \
                    and p.head.head.i in pred_ids:
                times.setdefault(p.head.head.i, []).extend(times[p.i])
        for p in sorted(preds, key=_depth):  # "hit … on Sunday, killing 10": the participle inherits the time
            if p.i not in times and p.dep_ in ("advcl", "conj", "xcomp") and p.head.i in times \
                    and p.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP", "VB"):
                times[p.i] = list(times[p.head.i])
        for p in preds:
            claims.extend(_claims_for(reading, sent, p, times.get(p.i, []), titles))
    return claims


def _depth(tok) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


# ---------------------------------------------------------------------------------------------- predicates

def _is_predicate(t) -> bool:
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB":
        if lemma in REPORTING_VERBS and not _claims_responsibility(t):
            return False
        if lemma in LIGHT_VERBS and lemma not in PREDICATE_CLASSES:
            return False
        if t.dep_ == "amod" and lemma not in STATUS_WORDS:
            return False  # "the purported strike", "suspected attack"
        return True
    if t.pos_ in ("ADJ", "ADV") and lemma in STATUS_WORDS and t.dep_ in ("acomp", "advmod", "attr", "oprd"):
        return t.head.lemma_ in ("be", "remain", "seem", "appear", "survive", "escape", "return")
    if t.pos_ == "NOUN" and lemma == "attempt":  # "assassination attempt", "coup attempt"
        return any(c.dep_ == "compound" and c.lemma_.lower() in PREDICATE_CLASSES for c in t.children)
    if t.pos_ == "NOUN" and lemma in EVENT_NOUNS:
        if t.dep_ == "compound" and t.head.lemma_.lower() == "attempt":
            return False
        if lemma in ("injury", "casualty", "death") and not _negated_noun(t):
            return t.dep_ in ("nsubj", "dobj", "attr")
        return True
    return False


def _claims_responsibility(t) -> bool:
    return t.lemma_.lower() == "claim" and any(c.lemma_.lower() == "responsibility" for c in t.children)


def _negated_noun(t) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)


def _owner(tok, pred_ids: set[int]) -> int | None:
    cur = tok
    for _ in range(40):
        if cur.i in pred_ids and cur is not tok:
            return cur.i
        if cur.head is cur:
            return cur.i if cur.i in pred_ids else None
        cur = cur.head
    return None


def _timex_heads(doc, timexes: Iterable[TimeExpression]) -> dict[TimeExpression, int]:
    out = {}
    for tx in timexes:
        span = doc.char_span(tx.span.start, tx.span.end, alignment_mode="expand")
        if span is not None and len(span):
            out[tx] = span.root.i
    return out


# ----------------------------------------------------------------------------------------------- subjects

def _subject_tokens(p) -> list:
    """The subject(s) of predicate ``p``: own subject, else inherited through xcomp/conj/acl."""
    cur = p
    if p.pos_ in ("ADJ", "ADV") and p.dep_ in ("acomp", "advmod", "attr", "oprd"):
        cur = p.head
    for _ in range(6):
        subs = [c for c in cur.children if c.dep_ in SUBJ and c.dep_ != "expl"]
        if subs:
            out = []
            for s in subs:
                out.append(s)
                out.extend(_conjuncts(s))
            return out
        if cur.dep_ in ("xcomp", "conj") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "relcl", "amod") and cur.head.pos_ in ("NOUN", "PROPN"):
            if cur.dep_ == "relcl":
                return [cur.head]
            return [cur.head]
        return []
    return []


def _conjuncts(tok) -> list:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _np_text(tok) -> str:
    """The noun phrase of ``tok`` without relative clauses, conjuncts or trailing punctuation."""
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ not in ("relcl", "acl", "conj", "cc", "punct", "appos", "advcl")]
    while stack:
        c = stack.pop()
        toks.append(c)
        stack.extend(x for x in c.children if x.dep_ not in ("relcl", "acl", "conj", "cc", "punct", "advcl"))
    toks.sort(key=lambda t: t.i)
    text = tok.doc[toks[0].i: toks[-1].i + 1].text
    return text.strip(" ,;\"'“”‘’")


def _quantified(tok):
    """``seven of the guards`` → (guards token, "seven"); ``7 guards`` → (guards, "7"); else (tok, None)."""
    low = tok.lower_
    if tok.pos_ == "NUM" or low in VAGUE_QUANTITIES or tok.lemma_.lower() in VAGUE_QUANTITIES:
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if objs:
            return objs[0], _count_phrase(tok)
        if tok.pos_ == "NUM":  # "50 were injured": a bare number counts people
            return tok, _count_phrase(tok)
    nums = [c for c in tok.children if c.dep_ == "nummod" or (c.dep_ in ("amod", "det")
                                                              and c.lower_ in VAGUE_QUANTITIES)]
    if nums:
        return tok, _count_phrase(nums[0])
    return tok, None


def _count_phrase(num_tok) -> str:
    mods = [c for c in num_tok.children if c.dep_ in ("advmod", "quantmod", "compound", "nummod")]
    toks = sorted([num_tok, *mods, *[g for m in mods for g in m.children if g.dep_ in ("advmod", "quantmod")]],
                  key=lambda t: t.i)
    return num_tok.doc[toks[0].i: toks[-1].i + 1].text


def _keys_for(tok, reading: Reading, titles: dict[str, set[str]], *, depth: int = 0) -> set[str]:
    """Comparable names for the phrase headed by ``tok``: entity names, proper nouns, head lemma, titles,
    and the names of its possessor ("his residence", "the house of the Prime Minister")."""
    keys: set[str] = set()
    doc = tok.doc
    if tok.lower_ in ("i", "we", "me", "us", "my", "our") and tok.pos_ == "PRON":
        st = _statement_for(reading.statements, tok.idx)
        if st is not None and st.speaker_text:
            return _name_keys(st.speaker_text)
        return keys
    if depth < 2 and tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss":
                keys |= {f"of:{k}" for k in _keys_for(c, reading, titles, depth=depth + 1) if ":" not in k}
            elif c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        keys |= {f"of:{k}" for k in _keys_for(g, reading, titles, depth=depth + 1) if ":" not in k}
    if tok.lower_ in PRONOUNS:
        ref = _resolve_pronoun(tok)
        if ref is not None:
            tok = ref
        else:
            return keys
    ents = {e.id: e for e in reading.entities}
    for m in reading.mentions:
        if m.span.start <= tok.idx < m.span.end and m.label in ("PERSON", "ORG", "GPE", "NORP", "FAC",
                                                                         "LOC", "PRONOUN", "NOMINAL"):
            if m.entity_id and m.entity_id in ents:
                e = ents[m.entity_id]
                keys.update(_name_keys(e.name))
                for a in e.aliases:
                    keys.update(_name_keys(a))
            elif m.label in ("PERSON", "ORG", "FAC"):
                keys.update(_name_keys(m.text))
    head = KEY_SYNONYMS.get(tok.lemma_.lower(), tok.lemma_.lower())
    if tok.pos_ == "NUM" or head in ("other", "others"):
        head = "person"
    if tok.pos_ == "PROPN":
        keys.update(_name_keys(doc[tok.left_edge.i: tok.i + 1].text))
        keys.add(normalise_key(tok.text))
    elif head not in ("one", "it", "they", "this", "that", "which", "who"):
        keys.add(head)
    for k in list(keys):
        if k.startswith("of:"):
            keys.update(f"of:{t}" for t in titles.get(k[3:], ()))
        else:
            keys.update(titles.get(k, ()))
    keys.discard("")
    return keys


def _name_keys(name: str) -> set[str]:
    norm = normalise_key(name)
    if not norm:
        return set()
    words = norm.split()
    out = {words[-1]}
    if len(words) > 1:
        out.add(norm)
    return out


def _resolve_pronoun(tok):
    """he/she → the subject of the governing speech verb, else the nearest preceding person name."""
    cur = tok.head
    for _ in range(6):
        if cur.lemma_.lower() in REPORTING_VERBS or cur.lemma_.lower() in ("announce", "tell", "say"):
            for c in cur.children:
                if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                    return c
        if cur.head is cur:
            break
        cur = cur.head
    for e in reversed([e for e in tok.doc.ents if e.end <= tok.i and e.label_ == "PERSON"]):
        if tok.i - e.end < 60:
            return e.root
        break
    return None


def _title_aliases(doc) -> dict[str, set[str]]:
    """Within one report, link titles to the names they precede ("Prime Minister X" ⇒ minister ↔ x)."""
    out: dict[str, set[str]] = {}
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        name = normalise_key(e.text).split()
        if not name:
            continue
        left = e.start - 1
        title: list[str] = []
        while left >= 0 and doc[left].pos_ in ("PROPN", "NOUN") and doc[left].ent_type_ in ("", "PERSON"):
            title.append(doc[left].lower_)
            left -= 1
        for w in title:
            if w in TITLE_WORDS:
                surname = name[-1]
                out.setdefault(w, set()).add(surname)
                out.setdefault(surname, set()).add(w)
    return out


# ----------------------------------------------------------------------------------------------- claims

def _claims_for(reading: Reading, sent, p, times: list[TimeExpression], titles) -> list[Claim]:
    article = reading.article
    lemma = p.lemma_.lower()
    if lemma == "attempt" and p.pos_ == "NOUN":
        lemma = next(c.lemma_.lower() for c in p.children if c.dep_ == "compound")
    predicate = "claim responsibility" if _claims_responsibility(p) else lemma
    cls = "responsibility" if predicate == "claim responsibility" else predicate_class(lemma)
    args: list[tuple[str, str]] = [("class", cls), ("predicate_text", _predicate_text(p))]
    polarity = not any(c.dep_ == "neg" for c in p.children)
    if p.dep_ == "xcomp" and p.head.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in p.head.children):
        polarity = False  # "had yet to regain"
    if p.pos_ == "NOUN" and _negated_noun(p):
        polarity = False
    # ------------------------------------------------------------------ objects, actor, place, means
    for c in p.children:
        if c.ent_type_ in ("DATE", "TIME") or c.lower_ in TEMPORAL_WORDS:
            continue
        if c.dep_ in ("dobj", "attr") and c.lemma_.lower() != "responsibility" and c.tag_ != "WDT":
            obj, count = _quantified(c)
            args.append(("target", _np_text(c)))
            args.extend(("target_key", k) for k in sorted(_keys_for(obj, reading, titles)))
            if count and cls != "harm":
                args.extend(_count_args(count, obj))
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ != "pobj" or g.ent_type_ in ("DATE", "TIME") or g.lower_ in TEMPORAL_WORDS:
                    continue
                prep = c.lower_
                if _is_place(g):
                    args.append(("place", _place_text(g)))
                elif prep in TARGET_PREPS or (prep == "of" and p.pos_ == "NOUN"):
                    args.append(("target", _np_text(g)))
                    args.extend(("target_key", k) for k in sorted(_keys_for(g, reading, titles)))
                elif prep in ("with", "by") and g.lemma_.lower() in MEANS_WORDS:
                    args.append(("means", MEANS_WORDS[g.lemma_.lower()]))
                args.extend(("place", x) for x in _nested_places(g))  # "on the house of X in Baghdad"
        elif c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    args.append(("actor", _np_text(g)))
                    args.extend(("place", x) for x in _nested_places(g))
        if c.dep_ in ("dobj", "attr"):
            args.extend(("place", x) for x in _nested_places(c))
        if c.dep_ == "npadvmod" and c.ent_type_ in PLACE_LABELS:
            args.append(("place", c.text))
    if not any(r == "place" for r, _ in args):  # "hit Qeshm island …, killing 10": the place holds for both
        cur = p
        while cur.dep_ in ("advcl", "conj", "xcomp") and cur.head is not cur:
            cur = cur.head
            found = [x for c in cur.children if c.dep_ in ("prep", "dobj", "nsubj", "nsubjpass")
                     for x in ([_place_text(g) for g in c.children if g.dep_ == "pobj" and _is_place(g)]
                               if c.dep_ == "prep" and c.lower_ in PLACE_PREPS else _nested_places(c))]
            if found:
                args.extend(("place", x) for x in found)
                break
    means = _means_of(p)
    args.extend(("means", m) for m in means)
    if CAR_BOMB.search(sent.text) and cls == "attack":
        args.append(("means", "car bomb"))
    # ------------------------------------------------------------------ time
    for tx in times:
        args.append(("time", tx.value))
        args.append(("time_text", tx.text))
        if tx.earliest is not None:
            args.append(("time_earliest", tx.earliest.isoformat()))
        if tx.latest is not None:
            args.append(("time_latest", tx.latest.isoformat()))
        if tx.granularity:
            args.append(("time_granularity", tx.granularity))
    # ------------------------------------------------------------------ outcome
    if lemma in OUTCOME_WORDS and not (lemma == "strike" and p.pos_ == "NOUN"):
        outcome = OUTCOME_WORDS[lemma]
        if not polarity:
            outcome = "hit" if outcome == "failed" else "failed"
        args.append(("outcome", outcome))
    if any(c.lemma_.lower() == "down" for c in p.children if c.dep_ in ("prt", "advmod")):
        args.append(("outcome", "failed"))
    # ------------------------------------------------------------------ hedge, attribution
    hedge, certainty = _hedge(p, sent)
    statement = _statement_for(reading.statements, p.idx)
    if statement is not None and statement.anonymous and hedge is None:
        hedge, certainty = "anonymous source", 0.8
    if statement is not None and statement.speaker_text:
        args.append(("speaker", statement.speaker_text))
    # ------------------------------------------------------------------ subjects (one claim per conjunct)
    subjects = _subject_tokens(p)
    if cls == "harm" and p.pos_ == "VERB":  # "the quake injured five people": the harmed are the object
        objs = [c for c in p.children if c.dep_ == "dobj"]
        if objs:
            args.extend(("actor", _np_text(s)) for s in subjects if s.lower_ not in PRONOUNS)
            subjects = [objs[0], *_conjuncts(objs[0])]
            args[:] = [a for a in args if a[0] not in ("target", "target_key")]
    out: list[Claim] = []
    evidence = Span(article.id, sent.start_char, _trim_end(sent))
    groups = [[s] for s in subjects] if cls == "harm" and len(subjects) > 1 else [subjects]
    for group in groups:
        own = list(args)
        subject_text = None
        if group:
            texts, keys = [], set()
            for s in group:
                head, count = _quantified(s)
                texts.append(_np_text(s) if s.lower_ not in PRONOUNS else s.text)
                keys |= _keys_for(head, reading, titles)
                if count:
                    own.extend(_count_args(count, head))
                if s.lemma_.lower() in MEANS_WORDS and cls in ("attack", "intercept"):
                    own.append(("means", MEANS_WORDS[s.lemma_.lower()]))
                if s.dep_ != "nsubjpass" and cls == "attack" and s.pos_ in ("PROPN", "NOUN") \
                        and s.lemma_.lower() not in MEANS_WORDS and s.lemma_.lower() not in EVENT_NOUNS:
                    own.append(("actor", _np_text(s)))
                if any(c.lower_ == "no" for c in s.children) or s.lower_ in ("nobody", "noone"):
                    polarity = False if cls != "harm" else polarity
            subject_text = " and ".join(texts)
            own.extend(("key", k) for k in sorted(keys))
        status = _status(p, polarity, group)
        own_polarity = polarity
        if status is not None:
            own.append(("status", status[0]))
            own.append(("status_text", status[1]))
            own_polarity = True  # the negation is folded into the status value ("not injured")
        if not _worth_keeping(cls, subject_text, own):
            continue
        out.append(Claim(
            id=_claim_id(article.id, p.idx, predicate, subject_text),
            evidence=evidence, subject=subject_text, predicate=predicate,
            arguments=tuple(_dedupe(own)), polarity=own_polarity, hedge=hedge, certainty=certainty,
            statement=statement,
        ))
    return out


def _predicate_text(p) -> str:
    parts = [c for c in p.children if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "prt")]
    toks = sorted([p, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _trim_end(sent) -> int:
    text = sent.text
    return sent.start_char + len(text.rstrip())


def _dedupe(args: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen, out = set(), []
    for a in args:
        if a not in seen:
            seen.add(a)
            out.append(a)
    return out


def _claim_id(article_id: str, offset: int, predicate: str, subject: str | None) -> str:
    h = hashlib.sha1(f"{article_id}|{offset}|{predicate}|{subject}".encode()).hexdigest()[:10]
    return f"{article_id}:{offset}:{h}"


def _worth_keeping(cls: str, subject: str | None, args: list[tuple[str, str]]) -> bool:
    roles = {r for r, _ in args} - {"class", "key", "target_key", "speaker", "time_text", "time_earliest",
                                      "predicate_text",
                                      "time_latest", "time_granularity"}
    if cls in PREDICATE_CLASSES.values() or cls == "responsibility":
        return bool(roles) or subject is not None
    return subject is not None and bool(roles)


def _nested_places(tok, depth: int = 0) -> list[str]:
    """Places inside a noun phrase: "the residence of the governor in Kandahar" → ["Kandahar"]."""
    out: list[str] = []
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ in PLACE_PREPS and _is_place(g):
                out.append(_place_text(g))
            else:
                out.extend(_nested_places(g, depth + 1))
    return out


def _is_place(tok) -> bool:
    if tok.ent_type_ in PLACE_LABELS:
        return True
    return any(t.ent_type_ in PLACE_LABELS for t in tok.subtree) and tok.pos_ == "PROPN"


def _place_text(tok) -> str:
    ents = [e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in PLACE_LABELS]
    if ents:
        return ents[0].text
    return _np_text(tok)


def _means_of(p) -> list[str]:
    out = []
    cands = [p, *[c for c in p.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "amod")]]
    for c in cands:
        for t in [c, *[g for g in c.children if g.dep_ in ("compound", "amod", "nmod")]]:
            lem = t.lemma_.lower()
            if lem in MEANS_WORDS and t is not p:
                out.append(MEANS_WORDS[lem])
    return out


def _count_args(count: str, counted) -> list[tuple[str, str]]:
    value, rng, kind = parse_number(count)
    if rng is None:
        return []
    what = counted.lemma_.lower()
    what = "person" if counted.pos_ == "NUM" or what in ("other", "others") else KEY_SYNONYMS.get(what, what)
    out = [("count", count), ("count_kind", kind), ("count_low", f"{rng[0]:g}"), ("count_high", f"{rng[1]:g}"),
           ("counted", what)]
    return out


def _status(p, polarity: bool, subjects: list) -> tuple[str, str] | None:
    """The health status the predicate asserts of its subject(s): value on the scale, and the words used."""
    lemma = p.lemma_.lower()
    if lemma not in STATUS_WORDS:
        if lemma in ("escape", "survive"):
            return ("survived", p.text)
        return None
    base = STATUS_WORDS[lemma]
    mods = {c.lower_ for c in p.children if c.dep_ in ("advmod", "amod", "npadvmod")}
    text = p.text
    if base == "injured":
        if mods & MILD_MODIFIERS:
            base, text = "mildly hurt", f"{next(iter(mods & MILD_MODIFIERS))} {p.text}"
        elif mods & SEVERE_MODIFIERS:
            base, text = "seriously injured", f"{next(iter(mods & SEVERE_MODIFIERS))} {p.text}"
    if p.pos_ == "NOUN" and _negated_noun(p):
        return ("no casualties", f"no {p.text}") if base in ("injured", "killed") else None
    if not polarity:
        if base in ("injured", "mildly hurt", "seriously injured"):
            return ("not injured", f"not {text}")
        if base == "killed":
            return ("survived", f"not {text}")
        if base == "unharmed":
            return ("injured", f"not {text}")
        return None
    return (base, text)


def _hedge(p, sent) -> tuple[str | None, float]:
    """The hedge words governing the predicate, and the certainty they leave (1.0 = stated as fact)."""
    found: list[tuple[str, float]] = []
    toks = [p, *p.children]
    cur = p
    for _ in range(4):  # governors: "believed to have ...", "may have ..."
        if cur.head is cur or cur.dep_ not in ("xcomp", "ccomp", "conj", "acl"):
            break
        cur = cur.head
        toks.append(cur)
        toks.extend(c for c in cur.children if c.dep_ in ("aux", "advmod", "auxpass"))
    for c in list(p.children):
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            toks.extend(g for g in c.children if g.dep_ == "amod")
    for t in toks:
        for form in (t.lower_, t.lemma_.lower()):
            if form in HEDGE_WORDS and (t is not p or t.pos_ in ("ADV", "ADJ")):
                if form in ("claimed", "thought", "believe") and t.dep_ not in ("ROOT", "conj", "ccomp", "amod") \
                        and t is not cur:
                    continue
                if form == "believe" and not any(c.dep_ == "auxpass" for c in t.children):
                    continue
                found.append((t.text.lower(), HEDGE_WORDS[form]))
                break
    clause = sent.text
    for pat, cert in HEDGE_PHRASES:
        m = pat.search(clause)
        if m and sent.start_char + m.start() <= p.idx + 60:
            found.append((m.group(0).lower(), cert))
    if not found:
        return None, 1.0
    word, cert = min(found, key=lambda x: x[1])
    words = []
    for w, _ in found:
        if w not in words and not any(w in x or x in w for x in words):
            words.append(w)
    return ", ".join(words), cert


def _statement_for(statements: Iterable[Statement], offset: int) -> Statement | None:
    best = None
    for s in statements:
        if s.content.start <= offset < s.content.end:
            if best is None or (s.content.end - s.content.start) < (best.content.end - best.content.start):
                best = s
    return best


def claim_times(claim: Claim) -> list[dict]:
    """The resolved times of a claim: dicts with value, text, earliest, latest (datetimes or None), granularity."""
    out: list[dict] = []
    cur: dict | None = None
    for role, value in claim.arguments:
        if role == "time":
            cur = {"value": value, "text": None, "earliest": None, "latest": None, "granularity": None}
            out.append(cur)
        elif cur is not None and role == "time_text":
            cur["text"] = value
        elif cur is not None and role in ("time_earliest", "time_latest"):
            when = datetime.fromisoformat(value)
            cur[role[5:]] = when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)
        elif cur is not None and role == "time_granularity":
            cur["granularity"] = value
    return out

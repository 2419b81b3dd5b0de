"""Claims: who or what did what to whom, when, where, how many, with what result — one per predicate.

A claim is read off the dependency parse of one sentence: the predicate (verb lemma, event noun or status
adjective), its subject, and arguments as ``(role, value)`` pairs. Roles:

``target``, ``actor``, ``place``, ``means``, ``count`` (a number, or a vague quantity word), ``count_kind``
(exact, approx, min, vague), ``count_low``/``count_high``, ``counted`` (what is counted), ``status``
(health/outcome value on the scale of :mod:`.lexicons`), ``status_text``, ``outcome`` (failed/hit),
``time`` (TIMEX3 value), ``time_text``, ``time_earliest``/``time_latest`` (ISO datetimes),
``time_granularity``,
``key`` (comparable names of the subject: canonical entity names, head nouns), ``target_key``, ``class``
(the predicate class used for alignment), ``speaker`` (who the claim is attributed to) and ``subject_name`` (the
name a pronoun subject stands for: "She was not charged" → "Lindsay Lohan"; used for labels).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from ..model import Article, Claim, Span, TimeExpression
from .claim_keys import _keys_for, _pronoun_name, _title_aliases
from .event_times import (
    dates_the_saying,
    event_of_the_lexicon,
    names_which_thing,
    placeable,
    pluperfect,
    time_of_modified_noun,
    time_owner,
    timex_heads,
    told_about,
)
from .lexicons import (
    CAR_BOMB,
    EVENT_NOUNS,
    MEANS_WORDS,
    NOBODY,
    OUTCOME_WORDS,
    PREDICATE_CLASSES,
    QUAKE_WORDS,
    STATUS_WORDS,
    magnitude_in,
    normalise_key,
    predicate_class,
)
from .predicates import is_predicate
from .reading import Reading, read_article
from .syntax import (
    PLACE_LABELS,
    PLACE_PREPS,
    PRONOUNS,
    TARGET_PREPS,
    TEMPORAL_WORDS,
    _claims_responsibility,
    _conjuncts,
    _count_args,
    _hedge,
    _is_place,
    _means_of,
    _negated_noun,
    _nested_places,
    _np_text,
    _place_text,
    _predicate_text,
    _quantified,
    _statement_for,
    _status,
    _subject_tokens,
    _toll,
    _trim_end,
)

__all__ = ["claim_arg", "claim_args", "claim_times", "claims_from_reading", "extract_claims"]


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
    timex_of = timex_heads(doc, reading.timexes)
    claims: list[Claim] = []
    previous: list[TimeExpression] = []  # the one time of the previous sentence, if it had one
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        preds = [t for t in sent if is_predicate(t)]
        pred_ids = {t.i for t in preds}
        times: dict[int, list[TimeExpression]] = {}
        for tx, tok_i in timex_of.items():
            if sent.start <= tok_i < sent.end:
                owner = time_owner(doc[tok_i], pred_ids)
                if owner is not None:
                    times.setdefault(owner, []).append(tx)
        for p in preds:  # "during the strike early Sunday, a rocket hit …": the time holds for both
            if (
                p.i in times
                and p.dep_ == "pobj"
                and p.head.lower_ in ("during", "amid", "in")
                and p.head.head.i in pred_ids
            ):
                times.setdefault(p.head.head.i, []).extend(times[p.i])
        # "hit … on Sunday, killing 10": the participle inherits the time
        for p in sorted(preds, key=_depth):
            if (
                p.i not in times
                and p.dep_ in ("advcl", "conj", "xcomp")
                and p.head.i in times
                and p.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP", "VB")
            ):
                times[p.i] = list(times[p.head.i])
        in_sentence = {
            tx: tok_i
            for tx, tok_i in timex_of.items()
            if sent.start <= tok_i < sent.end and tx.type in ("DATE", "TIME") and placeable(tx)
            and not dates_the_saying(doc[tok_i], pred_ids)
            and doc[tok_i].dep_ != "dobj" and not names_which_thing(doc[tok_i], pred_ids)  # "spend the night"
        }
        one_time = list(in_sentence) if len({t.value for t in in_sentence}) == 1 else []
        for p in preds:  # an event with no time of its own is dated by its sentence ("… in December 2003")
            own = times.get(p.i) or []
            if not own and pluperfect(p):
                pass  # "the autopsy showed on Wednesday he had been shot": before that time, not at it
            elif not own and p.dep_ in ("advcl", "conj", "xcomp") and p.head.i in times and p.tag_.startswith("VB"):
                own = times[p.head.i]  # as above, for a head dated below: "It killed 612 and injured 1,400"
            elif not own and event_of_the_lexicon(p):
                if p.dep_ in ("relcl", "acl"):
                    own = time_of_modified_noun(p, in_sentence)
                elif one_time and not told_about(p):
                    own = one_time
                elif not in_sentence and _pronoun_subject(p):
                    own = previous  # "… was in February, when a temblor rocked Zarand. It killed 612 people."
            if own:
                times.setdefault(p.i, own)
            claims.extend(_claims_for(reading, sent, p, own, titles))
        previous = one_time
    return claims


def _pronoun_subject(p) -> bool:
    """The predicate's subject is "it" (or "this"): the sentence goes on about the previous one's event."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "this") for c in p.children)


def _qualifiers(tok) -> list[str]:
    """Nationality or name modifiers that tell same-named things apart ("the Indian" / "the British navy")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            out.append(normalise_key(c.text))
    return [q for q in out if q]


def _depth(tok) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def _parallel_participle(noun) -> bool:
    """"… and damaging buildings": a conjunct noun led by an -ing modifier is the object of another participle."""
    first = noun.doc[noun.left_edge.i]
    return first.dep_ in ("amod", "compound") and first.head.i == noun.i and first.lower_.endswith("ing")


# particles that make another verb of a verb the lexicon has no class for ("check out" / "check in", "back down",
# "call off"); "in" and "on" are left with the verb, as "checked in" is "checked into"
_TURNING_PARTICLES = frozenset({"out", "off", "down", "up", "away", "back", "over"})


def _claims_for(reading: Reading, sent, p, times: list[TimeExpression], titles) -> list[Claim]:
    article = reading.article
    lemma = p.lemma_.lower()
    if lemma == "attempt" and p.pos_ == "NOUN":
        lemma = next(c.lemma_.lower() for c in p.children if c.dep_ == "compound")
    predicate = "claim responsibility" if _claims_responsibility(p) else lemma
    cls = "responsibility" if predicate == "claim responsibility" else predicate_class(lemma)
    particle = [c.lower_ for c in p.children if c.lower_ in _TURNING_PARTICLES
                and (c.dep_ == "prt" or c.dep_ == "prep" and c.i == p.i + 1 and c.lower_ in ("out", "off"))]
    if cls == lemma and p.pos_ == "VERB" and particle:  # "checked out of the clinic" is not "checked into" it
        predicate = cls = f"{lemma} {particle[0]}"
    toll = _toll(p)  # "the death toll rose to 55": 55 people killed
    if toll is not None:
        predicate, cls = ("kill" if toll[0] == "killed" else "injure"), "harm"
    deed = _deed(p)  # "the attack was carried out by Hamas", "Hamas staged the bombing": the attack, by Hamas
    if deed is not None:
        predicate, cls = deed.lemma_.lower(), predicate_class(deed.lemma_.lower())
    if cls not in ("earthquake", "harm") and lemma not in STATUS_WORDS and p.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in QUAKE_WORDS for c in p.children):
        cls = "earthquake"  # "an earthquake hit the island", "the quake measured 5.8": a quake, not an attack
    magnitude = magnitude_in(sent.text) if cls == "earthquake" else None  # "a 5.9-magnitude earthquake"
    args: list[tuple[str, str]] = [("class", cls), ("predicate_text", _predicate_text(p))]
    if magnitude is not None:
        args.append(("magnitude", magnitude))
    polarity = not any(c.dep_ == "neg" for c in p.children)
    if (
        p.dep_ == "ccomp"
        and p.head.lemma_ in ("think", "believe", "expect", "suppose")
        and any(c.dep_ == "neg" for c in p.head.children)
    ):
        polarity = False  # "I don't think charges will be filed"
    if (
        p.dep_ == "xcomp"
        and p.head.lemma_ in ("have", "be")
        and any(c.lower_ == "yet" for c in p.head.children)
    ):
        polarity = False  # "had yet to regain"
    if p.pos_ == "NOUN" and _negated_noun(p):
        polarity = False
    # ------------------------------------------------------------------ objects, actor, place, means
    for c in p.children:
        if c.ent_type_ in ("DATE", "TIME") or c.lower_ in TEMPORAL_WORDS:
            continue
        if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility":
            for g in (g for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "for"
                      for g in prep.children if g.dep_ == "pobj"):  # "claimed responsibility for the attack"
                args.append(("target", _np_text(g)))
                args.extend(("target_key", k) for k in sorted(_keys_for(g, reading, titles)))
            if polarity:  # who claims it is who says they did it ("no one" claims nothing)
                args.extend(("actor", _np_text(s)) for s in _subject_tokens(p)
                            if s.lower_ not in PRONOUNS and not NOBODY.match(_np_text(s)))
        elif c.dep_ in ("dobj", "attr") and magnitude is not None and c.text.replace(" ", "") == magnitude:
            continue  # "the quake measured 5.8": its magnitude, neither a target nor a count
        elif c.dep_ in ("dobj", "attr") and c.lemma_.lower() != "responsibility" and c.tag_ != "WDT":
            obj, count = _quantified(c)
            args.append(("target", _np_text(c)))
            args.extend(("target_key", k) for k in sorted(_keys_for(obj, reading, titles)))
            if count and cls != "harm":
                args.extend(_count_args(count, obj))
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ != "pobj" or g.ent_type_ in ("DATE", "TIME") or g.lower_ in TEMPORAL_WORDS:
                    continue
                if magnitude is not None and g.lemma_.lower() == "scale":
                    continue  # "on the Richter scale"
                prep = c.lower_
                if _is_place(g):
                    args.append(("place", _place_text(g)))
                elif prep in TARGET_PREPS or (prep == "of" and p.pos_ == "NOUN"):
                    args.append(("target", _np_text(g)))
                    args.extend(("target_key", k) for k in sorted(_keys_for(g, reading, titles)))
                elif prep == "as" and p.pos_ == "VERB":  # "stepped down as chairman"
                    args.append(("role", _np_text(g)))
                    args.extend(("target_key", k) for k in sorted(_keys_for(g, reading, titles)))
                elif prep in ("with", "by") and g.lemma_.lower() in MEANS_WORDS:
                    args.append(("means", MEANS_WORDS[g.lemma_.lower()]))
                args.extend(("place", x) for x in _nested_places(g))  # "on the house of X in the capital"
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
            found = [
                x
                for c in cur.children
                if c.dep_ in ("prep", "dobj", "nsubj", "nsubjpass")
                for x in (
                    [_place_text(g) for g in c.children if g.dep_ == "pobj" and _is_place(g)]
                    if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                    else _nested_places(c)
                )
            ]
            if found:
                args.extend(("place", x) for x in found)
                break
    if deed is not None:  # the attack's own target ("the attack on the convoy"), not the attack as a target
        args[:] = [a for a in args if not (a[0] in ("target", "target_key") and a[1] in (
            _np_text(deed), *sorted(_keys_for(deed, reading, titles))))]
        for prep in deed.children:
            for g in (g for g in prep.children if g.dep_ == "pobj") if prep.dep_ == "prep" else ():
                if _is_place(g):
                    args.append(("place", _place_text(g)))
                elif prep.lower_ in TARGET_PREPS or prep.lower_ == "of":
                    args.append(("target", _np_text(g)))
                    args.extend(("target_key", k) for k in sorted(_keys_for(g, reading, titles)))
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
    if statement is not None and statement.anonymous and hedge is None and not NOBODY.match(
            statement.speaker_text or ""):  # "No one has claimed responsibility for the attack": nobody's word
        hedge, certainty = "anonymous source", 0.8
    if statement is not None and statement.speaker_text:
        args.append(("speaker", statement.speaker_text))
    # ------------------------------------------------------------------ subjects (one claim per conjunct)
    subjects = _subject_tokens(p) if toll is None else [toll[1]]
    if toll is not None:  # the number is what was counted, not a target
        args[:] = [a for a in args if a[0] not in ("target", "target_key")]
    if cls == "harm" and p.pos_ == "VERB" and STATUS_WORDS.get(lemma) in ("injured", "killed"):
        # "the quake injured five people": the harmed are the object (but "X survived an attack": X)
        objs = [c for c in p.children if c.dep_ == "dobj"]
        if objs:
            args.extend(("actor", _np_text(s)) for s in subjects if s.lower_ not in PRONOUNS)
            # (not "injuring five people and damaging buildings", a second participle the parser hung as a conjunct)
            subjects = [objs[0], *(c for c in _conjuncts(objs[0]) if not (p.tag_ == "VBG" and _parallel_participle(c)))]
            args[:] = [a for a in args if a[0] not in ("target", "target_key")]
    out: list[Claim] = []
    evidence = Span(article.id, sent.start_char, _trim_end(sent))
    groups = [[s] for s in subjects] if cls == "harm" and len(subjects) > 1 else [subjects]
    counted_conjuncts = sum(1 for s in subjects if _quantified(s)[1])
    for group in groups:
        own = list(args)
        subject_text = None
        if group:
            texts, keys = [], set()
            for s in group:
                head, count = _quantified(s)
                texts.append(_np_text(s) if s.lower_ not in PRONOUNS else s.text)
                if len(group) == 1 and (name := _pronoun_name(s, reading)):
                    own.append(("subject_name", name))  # "she" → "Lindsay Lohan", for labels
                keys |= _keys_for(head, reading, titles)
                own.extend(("qualifier", q) for q in _qualifiers(head))
                if count and counted_conjuncts < 2:  # "one Australian and one English climber": parts
                    own.extend(_count_args(count, head))
                if s.lemma_.lower() in MEANS_WORDS and cls in ("attack", "intercept"):
                    own.append(("means", MEANS_WORDS[s.lemma_.lower()]))
                if (
                    s.dep_ != "nsubjpass"
                    and cls == "attack"
                    and s.pos_ in ("PROPN", "NOUN")
                    and s.lemma_.lower() not in MEANS_WORDS
                    and s.lemma_.lower() not in EVENT_NOUNS
                ):
                    own.append(("actor", _np_text(s)))
                if any(c.lower_ == "no" for c in s.children) or s.lower_ in ("nobody", "noone"):
                    polarity = False if cls != "harm" else polarity
            subject_text = " and ".join(texts)
            own.extend(("key", k) for k in sorted(keys))
        status = _status(p, polarity, group) if toll is None else (toll[0], _predicate_text(p))
        own_polarity = polarity
        if status is not None:
            own.append(("status", status[0]))
            own.append(("status_text", status[1]))
            own_polarity = True  # the negation is folded into the status value ("not injured")
        if not _worth_keeping(cls, subject_text, own):
            continue
        out.append(
            Claim(
                id=_claim_id(article.id, p.idx, predicate, subject_text),
                evidence=evidence,
                subject=subject_text,
                predicate=predicate,
                arguments=tuple(_dedupe(own)),
                polarity=own_polarity,
                hedge=hedge,
                certainty=certainty,
                statement=statement,
            )
        )
    return out


_DOING_VERBS = frozenset({"carry", "conduct", "stage", "perpetrate", "mount", "commit", "orchestrate", "mastermind"})


def _deed(p):
    """The attack a verb of doing is about, when it names one: "the attack was carried out by X", "X staged the
    bombing" (the doer then is the attack's actor); ``None`` otherwise."""
    if p.pos_ != "VERB" or p.lemma_.lower() not in _DOING_VERBS:
        return None
    for c in p.children:
        if c.dep_ in ("nsubjpass", "dobj") and predicate_class(c.lemma_.lower()) == "attack":
            return c
    return None


_PARALLEL_ROLES = frozenset({"count", "count_kind", "count_low", "count_high", "counted"})


def _dedupe(args: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The arguments without repeats — except the count roles, which are parallel lists (the i-th ``counted`` is
    what the i-th ``count`` counts: two counts of people keep two ``counted``)."""
    seen, out = set(), []
    for a in args:
        if a[0] in _PARALLEL_ROLES:
            out.append(a)
        elif a not in seen:
            seen.add(a)
            out.append(a)
    return out


def _claim_id(article_id: str, offset: int, predicate: str, subject: str | None) -> str:
    h = hashlib.sha1(f"{article_id}|{offset}|{predicate}|{subject}".encode()).hexdigest()[:10]
    return f"{article_id}:{offset}:{h}"


def _worth_keeping(cls: str, subject: str | None, args: list[tuple[str, str]]) -> bool:
    roles = {r for r, _ in args} - {
        "class",
        "key",
        "target_key",
        "speaker",
        "time_text",
        "time_earliest",
        "predicate_text",
        "time_latest",
        "time_granularity",
    }
    if cls in PREDICATE_CLASSES.values() or cls == "responsibility":
        return bool(roles) or subject is not None
    return subject is not None and bool(roles)


def claim_times(claim: Claim) -> list[dict]:
    """The resolved times of a claim: value, text, earliest, latest (datetime or None), granularity."""
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
            cur[role[5:]] = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
        elif cur is not None and role == "time_granularity":
            cur["granularity"] = value
    return out

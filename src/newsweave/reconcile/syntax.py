"""Reading claim parts off a spaCy dependency parse: subjects, noun phrases, counts, places, means, health
status, hedges and the statement a claim sits in. Helpers of :mod:`.claims` (what participants are called:
:mod:`.claim_keys`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Statement
from .lexicons import (
    HEDGE_PHRASES,
    HEDGE_WORDS,
    KEY_SYNONYMS,
    MEANS_WORDS,
    MILD_MODIFIERS,
    PREDICATE_CLASSES,
    SEVERE_MODIFIERS,
    STATUS_WORDS,
    VAGUE_QUANTITIES,
    parse_number,
)

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
TARGET_PREPS = {"for", "on", "against", "at", "into", "targeting", "toward", "towards"}
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "across", "around", "off", "from", "within"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "pcomp"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PERSON_NOUNS = frozenset(
    [
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "child",
        "children",
        "worker",
        "co-worker",
        "coworker",
        "employee",
        "mother",
        "father",
        "son",
        "daughter",
        "officer",
        "soldier",
        "villager",
        "resident",
        "civilian",
        "student",
        "climber",
        "passenger",
        "driver",
        "pedestrian",
        "victim",
        "tourist",
        "protester",
        "guard",
        "policeman",
        "teenager",
        "adult",
        "baby",
        "wife",
        "husband",
    ]
)
TEMPORAL_WORDS = {
    "today",
    "yesterday",
    "tomorrow",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "month",
    "year",
    "day",
    "weekend",
    "now",
    "time",
}
TITLE_WORDS = {
    "president",
    "minister",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "general",
    "ceo",
    "chairman",
    "leader",
    "pm",
    "senator",
    "ambassador",
    "commander",
    "director",
    "premier",
    "chancellor",
    "pope",
}


def _claims_responsibility(t) -> bool:
    return t.lemma_.lower() == "claim" and any(c.lemma_.lower() == "responsibility" for c in t.children)


def _negated_noun(t) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)


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
                if s.tag_ in ("WP", "WDT") and cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    s = _agent_of_relative(cur)  # "a climber who survived": the climber
                out.append(s)
                out.extend(_conjuncts(s))
            return out
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() != "promise":
            objs = [c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i]
            if objs:  # "forced villagers to spend the night in tents": the villagers spend it
                return [objs[0], *_conjuncts(objs[0])]
        if cur.dep_ in ("xcomp", "conj") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "relcl", "amod") and cur.head.pos_ in ("NOUN", "PROPN"):
            if cur.dep_ == "relcl":
                return [cur.head]
            return [cur.head]
        return []
    return []


# nouns of places: a place does not kill or injure, so a harm told in a relative clause hung on one is told of the
# noun the place is attached to ("a powerful earthquake on a Gulf island that killed 10 people": the earthquake)
_PLACE_NOUNS = frozenset({"island", "city", "town", "village", "area", "region", "province", "coast", "country",
                          "state", "district", "county", "neighborhood", "neighbourhood", "capital", "suburb"})
_HARM_CLASSES = frozenset({"harm", "attack"})


def _agent_of_relative(clause):
    """The noun a relative clause tells of: the noun it hangs on, unless that is a place after a preposition and
    the clause's verb harms (parsers attach "that killed" to the nearest noun): then the noun the place belongs to."""
    noun = clause.head
    is_place = noun.lemma_.lower() in _PLACE_NOUNS or noun.ent_type_ in PLACE_LABELS
    prep = noun.head if noun.dep_ == "pobj" else None
    if (is_place and prep is not None and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN")
            and prep.head.ent_type_ not in PLACE_LABELS and prep.head.lemma_.lower() not in _PLACE_NOUNS
            and PREDICATE_CLASSES.get(clause.lemma_.lower()) in _HARM_CLASSES):
        return prep.head
    return noun


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
    stack = [
        c for c in tok.children if c.dep_ not in ("relcl", "acl", "conj", "cc", "punct", "appos", "advcl")
    ]
    while stack:
        c = stack.pop()
        toks.append(c)
        stack.extend(x for x in c.children if x.dep_ not in ("relcl", "acl", "conj", "cc", "punct", "advcl"))
    toks.sort(key=lambda t: t.i)
    text = tok.doc[toks[0].i : toks[-1].i + 1].text
    return text.strip(" ,;\"'“”‘’")


_NUMBER_NOUNS = frozenset({"dozen", "dozens", "hundreds", "thousands", "scores"})


def _quantified(tok):
    """``seven of the guards`` → (guards, "seven"); ``7 guards`` → (guards, "7"); else (tok, None)."""
    low = tok.lower_
    if tok.pos_ == "NUM" or low in VAGUE_QUANTITIES or low in _NUMBER_NOUNS or tok.lemma_.lower() in VAGUE_QUANTITIES:
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if objs:
            return objs[0], _count_phrase(tok)
        if tok.pos_ == "NUM" or low in _NUMBER_NOUNS:  # "50 were injured", "about a dozen were wounded":
            return tok, _count_phrase(tok)  # a bare number counts people
    nums = [
        c
        for c in tok.children
        if c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and c.lower_ in VAGUE_QUANTITIES)
    ]
    if nums:
        return tok, _count_phrase(nums[0])
    return tok, None


_COMPARATIVES = frozenset({"more", "less", "fewer"})


def _count_phrase(num_tok) -> str:
    """The words of a count: the number with its modifiers ("more than 31,000", "around 1,400"); a number
    printed in groups with a space after the comma ("31, 000", as some corpora print it) is one number."""
    doc = num_tok.doc
    while (num_tok.head.i == num_tok.i + 2 and doc[num_tok.i + 1].text == ","
           and re.fullmatch(r"\d{3}", num_tok.head.text)):
        num_tok = num_tok.head
    mods = [c for c in num_tok.children if c.dep_ in ("advmod", "quantmod", "compound", "nummod")
            or (c.dep_ == "det" and c.lower_ in ("a", "an") and num_tok.lower_ in _NUMBER_NOUNS)]  # "a dozen"

    def modifier(g) -> bool:
        return g.dep_ in ("advmod", "quantmod") or (g.dep_ == "amod" and g.lower_ in _COMPARATIVES)

    toks = sorted([num_tok, *mods, *[g for m in [num_tok, *mods] for g in m.children if modifier(g)]],
                  key=lambda t: t.i)
    ranged = any(t.lower_ in ("between", "from") for t in toks)
    for c in num_tok.children:  # "between 50 and 70", "from 20 to 30": the other end of the range
        if c.dep_ == "conj" and c.like_num and c.i > num_tok.i and (ranged or doc[c.i - 1].lower_ == "to"):
            toks.append(c)
    unit = num_tok.head
    if num_tok.dep_ == "nummod" and unit.i == num_tok.i + 1:  # "40 percent to 70 percent": the unit's range
        for prep in unit.children:
            if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i == unit.i + 1:
                toks += [g for o in prep.children if o.dep_ == "pobj" and o.lemma_ == unit.lemma_
                         for g in o.children if g.dep_ == "nummod" and g.like_num]
    end = max(t.i for t in toks) + 1
    while len(toks) > 1 and toks[0].lower_ in ("of", "than") and toks[0].i < num_tok.i and not any(
            t.lower_ in _COMPARATIVES for t in toks):
        toks = toks[1:]  # "a total of 10" parsed without "total": the count is "10", not "of 10"
    while (end + 1 < len(doc) and doc[end].text == "," and re.fullmatch(r"\d{3}", doc[end + 1].text)
           and (toks[0].i <= doc[end + 1].head.i < end or doc[end + 1].head.i == num_tok.head.i)):
        end += 2  # "around 1, 400" parsed with "400" hanging on "1", or on the counted noun beside it
    return doc[toks[0].i : end].text


def _predicate_text(p) -> str:
    parts = [c for c in p.children if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "prt")]
    toks = sorted([p, *parts], key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _trim_end(sent) -> int:
    text = sent.text
    return sent.start_char + len(text.rstrip())


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
    _, rng, kind = parse_number(count)
    if rng is None:
        return []
    what = counted.lemma_.lower()
    bare = counted.pos_ == "NUM" or counted.lower_ in _NUMBER_NOUNS  # "50 were hurt", "dozens were hurt"
    what = "person" if bare or what in ("other", "others") else KEY_SYNONYMS.get(what, what)
    out = [
        ("count", count),
        ("count_kind", kind),
        ("count_low", f"{rng[0]:g}"),
        ("count_high", f"{rng[1]:g}"),
        ("counted", what),
    ]
    return out


_TOLL_VERBS = frozenset({"rise", "climb", "reach", "stand", "jump", "increase", "hit", "top", "be", "grow", "mount",
                         "soar", "exceed", "pass"})


def _toll(p):
    """A toll told through its number ("the death toll rose to 55", "the death toll stands at 612", "the toll
    reached 40"): (status on the health scale, the number's token), or ``None``. A toll is of the dead unless it
    says injuries."""
    if p.pos_ not in ("VERB", "AUX") or p.lemma_.lower() not in _TOLL_VERBS:
        return None
    subj = next((c for c in p.children if c.dep_ == "nsubj" and c.lemma_.lower() == "toll"), None)
    if subj is None:
        return None
    kinds = {c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod")}
    kinds |= {g.lower_ for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    status = "injured" if kinds & {"injury", "injured", "wounded"} else "killed"
    for c in p.children:
        cands = [c] if c.dep_ in ("dobj", "attr") else (
            [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("to", "at") else [])
        for g in cands:
            num = g if g.pos_ == "NUM" else next((n for n in g.children if n.dep_ == "nummod"), None)
            if num is not None:
                return status, num
    return None


def _grave_condition(p) -> str | None:
    """ "critical condition" said of the injured in the predicate's own clause or a clause joined to it ("was
    injured and was in stable but critical condition"), or ``None``."""
    for t in p.subtree:
        if t.lemma_.lower() == "condition" and t.i > p.i:
            words = {w.lower_ for w in t.subtree}
            if words & {"critical", "serious", "grave", "life-threatening"}:
                return t.doc[t.left_edge.i : t.i + 1].text
    return None


def _status(p, polarity: bool, subjects: list) -> tuple[str, str] | None:
    """The health status the predicate asserts of its subject(s): value on the scale, and the words used."""
    lemma = p.lemma_.lower()
    nobody = any(
        s.lower_ in ("nobody", "none", "noone", "no-one")
        or (s.lower_ in ("one", "else") and any(c.lower_ == "no" for c in s.subtree))
        for s in subjects
    )
    if nobody and STATUS_WORDS.get(lemma) in ("injured", "killed") and polarity:
        return ("no casualties", f"no one {p.text}")  # "no one else was injured"
    if lemma not in STATUS_WORDS:
        if lemma in ("escape", "survive"):
            return ("survived", p.text)
        return None
    base = STATUS_WORDS[lemma]
    mods = {c.lower_ for c in p.children if c.dep_ in ("advmod", "amod", "npadvmod")}
    text = p.text
    if base == "injured":
        if mods & {"fatally", "mortally", "lethally"}:  # "fatally wounded"
            base, text = "killed", f"{next(iter(mods & {'fatally', 'mortally', 'lethally'}))} {p.text}"
        elif mods & MILD_MODIFIERS:
            base, text = "mildly hurt", f"{next(iter(mods & MILD_MODIFIERS))} {p.text}"
        elif mods & SEVERE_MODIFIERS:
            base, text = "seriously injured", f"{next(iter(mods & SEVERE_MODIFIERS))} {p.text}"
        elif (grave := _grave_condition(p)) is not None:  # "was injured and is in critical condition"
            base, text = "seriously injured", f"{p.text}, {grave}"
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
        if cur.head is cur or cur.dep_ not in ("xcomp", "ccomp", "conj", "acl", "acomp"):
            break
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cur.children):
            # a clause of its own: "… is believed to have been arrested, and no injuries were reported" is not
            # hedged by "believed"; inside a message ("sources said A and B") it goes on to the cue
            if cur.head.dep_ not in ("ccomp", "xcomp"):
                break
            cur = cur.head
        cur = cur.head
        toks.append(cur)
        toks.extend(c for c in cur.children if c.dep_ in ("aux", "advmod", "auxpass", "nsubj", "prep"))
    for c in list(p.children):
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            toks.extend(g for g in c.children if g.dep_ == "amod")
    for t in toks:
        for form in (t.lower_, t.lemma_.lower()):
            if form in HEDGE_WORDS and (t is not p or t.pos_ in ("ADV", "ADJ")):
                if (
                    form in ("claimed", "thought", "believe")
                    and t.dep_ not in ("ROOT", "conj", "ccomp", "amod")
                    and t is not cur
                ):
                    continue
                if form == "believe" and not any(c.dep_ == "auxpass" for c in t.children):
                    continue
                found.append((t.text.lower(), HEDGE_WORDS[form]))
                break
    # a hedging phrase counts only on the predicate's own chain of governors: "One person is believed to have
    # been arrested" hedges the arrest, not the injuries of "…, and no injuries were reported"; "A source told
    # … that the protest began near where Gray was shot" hedges the protest, not the shooting
    chain = {t.i for t in toks}
    for pat, cert in HEDGE_PHRASES:
        for m in pat.finditer(sent.text):
            lo, hi = sent.start_char + m.start(), sent.start_char + m.end()
            if any(lo <= t.idx < hi and t.i in chain for t in sent):
                found.append((m.group(0).lower(), cert))
                break
    if not found:
        return None, 1.0
    cert = min(c for _, c in found)
    words = []
    for w, _ in found:
        if w not in words and not any(w in x or x in w for x in words):
            words.append(w)
    return ", ".join(words), cert


def _statement_for(statements: Iterable[Statement], offset: int) -> Statement | None:
    best = None
    for s in statements:
        inside = s.content.start <= offset < s.content.end
        if inside and (
            best is None or (s.content.end - s.content.start) < (best.content.end - best.content.start)
        ):
            best = s
    return best

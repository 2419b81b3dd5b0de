"""Speakers: the holder of a cue (the grammatical subject, through participles, infinitives and coordination)
and the token range of the speaker phrase. Who the phrase names is :mod:`.speaker_names`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .cues import (
    AUDIENCE_NOUNS,
    CARRIER_NOUNS,
    CAUSATIVE_VERBS,
    MEDIUM_NOUNS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    ROLE_NOUNS,
    STANCE_PASSIVES,
    TEXT_NOUNS,
)

__all__ = ["NAME_LABELS", "SpeakerInfo", "speaker_span", "subject_of"]

_SPEAKER_CUT = frozenset({"relcl", "acl", "appos", "advmod", "cc", "parataxis", "advcl", "prep"})
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    """What we know about a speaker phrase: its name, kind and whether it is unnamed."""

    name: str | None  # the named entity or phrase the speaker goes by (after pronoun resolution)
    kind: str  # person, group, outlet, medium, organisation, pronoun, unknown
    anonymous: bool
    entity_id: str | None = None
    gender: str | None = None  # "m"/"f" when a pronoun or a gendered title ("Mrs") says so


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through ``conj``/``xcomp``/participle chains.

    "He went on to state that …" → He; "officials launched … and stated that …" → officials;
    "She issued a statement saying …" → She. Expletive "it" ("it was reported that") gives ``None``. A passive
    cue gives its agent ("was asked by a reporter"); a causative its object ("led some to question …"); an
    infinitive or gerund hanging on a noun the subject of the verb that has the noun ("has a chance to show …",
    "has a history of blaming …"); a participle on a message or a scene the one who issued it ("posted a message
    reading …", "had a hard time explaining …").
    """
    tok: Token | None = verb
    via = None  # the relation climbed to reach ``tok``
    for _ in range(6):
        if tok is None:
            return None
        found = _own_subject(tok, via=via)
        if found is not None:
            return found or None
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:
            controller = _object_controller(tok)
            if controller is not None:
                return controller  # "urged lawmakers to reject …": the lawmakers reject
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and _governing_prep(tok.head) is not None:
            # "She began by talking about …", "criticized him for opposing …", "… for X and for saying …"
            tok, via = _governing_prep(tok.head).head, "pcomp"
            if tok.pos_ in ("NOUN", "PROPN"):
                tok, via = _host_verb(tok), "pcomp-noun"  # "has a long history of blaming …" → who has it
                if tok is None or tok.pos_ in ("NOUN", "PROPN", "PRON"):
                    return tok
            continue
        if _infinitive_of_noun(tok):
            tok, via = _host_verb(tok.head), "acl"  # "has a chance to show …", "was the first senator to endorse …"
            if tok is None or tok.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp", "acomp") and tok.head.i != tok.i:
            if tok.dep_ == "acl" and tok.tag_ != "VBG":
                return None
            if tok.dep_ == "ccomp" and tok.tag_ != "VBG":
                return None
            participle_of_noun = tok.dep_ == "acl"
            via = tok.dep_ if not (tok.dep_ == "advcl" and tok.tag_ != "VBG") else "advcl-purpose"
            tok = tok.head
            if participle_of_noun and _carries_message(tok):
                tok = _host_verb(tok)  # "She issued a statement saying …" → She
                if tok is None or tok.pos_ in ("NOUN", "PROPN", "PRON"):
                    return tok
                continue
            if participle_of_noun and (tok.pos_ == "PRON" or tok.lower_ == "one") and tok.lower_ not in (
                    "it", "that", "which", "who"):
                return tok  # "anyone expecting …", "those backing …"
            if tok.pos_ in ("NOUN", "PROPN") and (participle_of_noun or tok.dep_ in _SUBJECT_DEPS):
                return tok  # "a new poll showing …", "a statement saying …" as subject
            continue
        return None
    return None


def _governing_prep(prep: Token) -> Token | None:
    """The preposition attached to a word, through coordinated prepositions ("for X and for saying …")."""
    for _ in range(4):
        if prep.head.i == prep.i:
            return None
        if prep.dep_ == "prep":
            return prep
        if prep.dep_ != "conj" or prep.pos_ != "ADP":
            return None
        if prep.head.pos_ in ("VERB", "AUX"):
            return prep  # "appeared at a hearing and for saying …": the preposition hangs on the verb
        prep = prep.head
    return None


def _object_controller(xcomp: Token) -> Token | None:
    """The object of a causative verb, which is the subject of its infinitive ("led voters to question …");
    ``None`` for other verbs ("used a slur to describe …": a purpose; "urged voters to back …": the speech act's
    own speaker) or without an object."""
    head = xcomp.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i < xcomp.i]
    if not objs or objs[0].pos_ not in ("NOUN", "PROPN", "PRON") or objs[0].lower_ in ("it", "this", "that"):
        return None
    return objs[0]


def _infinitive_of_noun(tok: Token) -> bool:
    """An infinitive without a subject of its own modifying a noun: "a chance to show", "the first to …"."""
    return tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ) and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in tok.children)


def _host_verb(noun: Token) -> Token | None:
    """The verb whose subject holds a noun's phrase: "[has] a chance", "[spoke] in a speech", "[was] the first";
    the indirect object when there is one ("gave voters a chance" → voters)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
        return None
    dative = [c for c in head.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return dative[0] if dative else head


_ADDRESSING_VERBS = frozenset({"email", "e-mail", "message", "text", "write", "tell", "address", "thank", "remind",
                               "warn", "urge", "assure", "inform", "brief", "send", "call", "tweet"})


def _carries_message(noun: Token) -> bool:
    """A noun whose participle speaks for the one who has the noun: what carries someone's message ("issued a
    statement saying", "posted a message reading", "in a speech attacking"), an audience addressed ("emailed
    supporters saying") or a mere scene ("entered the talks believing …")."""
    if noun.dep_ not in ("dobj", "pobj"):
        return False
    lemma = noun.lemma_.lower()
    if noun.dep_ == "dobj" and lemma in MEDIUM_NOUNS:
        return True
    if noun.dep_ == "dobj" and lemma in AUDIENCE_NOUNS and noun.head.lemma_.lower() in _ADDRESSING_VERBS:
        return True  # "emailed supporters saying …": the sender says it (but "met voters demanding …")
    if lemma in CARRIER_NOUNS or noun.lower_ in CARRIER_NOUNS or noun.lower_.rstrip("s") in CARRIER_NOUNS:
        return True
    # a singular common noun that is neither someone nor a text is the scene of the act: "entered the talks
    # believing …", "at one point calling …" (but "a sign saying …", "an item suggesting …" speak themselves)
    return noun.tag_ == "NN" and not noun.ent_type_ and not any(
        lemma in lexicon for lexicon in (ROLE_NOUNS, ORG_NOUNS, AUDIENCE_NOUNS, MEDIUM_NOUNS, OUTLET_NOUNS, TEXT_NOUNS))


_SCENE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _own_subject(tok: Token, *, via: str | None) -> Token | bool | None:
    """The subject a word has itself: the active subject, else the agent of a passive cue ("was criticized by X";
    not of a passive it depends on: "was criticized by X for ignoring …" — X did not ignore),
    else the passive subject when it holds the stance ("X is convinced that …") or is shared with a coordinated
    verb (``via`` "conj": "X was joined by Y and joked …"). ``False`` when the word has a subject that is no
    speaker (expletive "it", a passive whose subject is what was said); ``None`` when it has none."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # a misparse ("In Berea, OH, …, Gov. Roe said"): a place is not the speaker
        subjects = [c for c in subjects if c.ent_type_ not in _SCENE_ENTITIES] or subjects
    if subjects:
        return subjects[0]
    passive = None
    for child in tok.children:
        if child.dep_ == "csubj":
            return _csubj_speaker(child)
        if child.dep_ == "nsubjpass" and via in ("conj", "pcomp", "advcl") and child.lower_ != "it":
            # (a gerund or participle right on the passive: "After saying …, she was rushed …" — not an
            # infinitive of purpose, "the strike was held to protest …", nor a gerund on a noun)
            return child
        if child.dep_ == "nsubjpass" and tok.lemma_.lower() in STANCE_PASSIVES and child.lower_ != "it":
            return child  # "voters are split on …", "she was thrilled by …": the subject holds the stance
        if child.dep_ == "agent" and via is None:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "nsubjpass" and passive is None:
            passive = child
    if passive is None:
        return None
    if passive.lower_ == "it":
        return False
    if tok.lemma_.lower() in ("quote", "cite"):
        return passive  # "X was quoted as saying"
    return False


def _csubj_speaker(clause: Token) -> Token:
    """A clausal subject is the speaker ("What he said shows …"), except a fronted participle the parser took for
    one, whose object carries the speaker in an apposition: "Talking to People magazine, Jack Roe, her
    representative, confirms …" — Jack Roe speaks, not "Talking"."""
    if clause.tag_ == "VBG":
        for t in clause.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > clause.i:
                return t
    return clause


def speaker_span(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the speaker phrase headed by ``head``, without relative clauses,
    appositions in commas or trailing prepositional phrases other than "of"/"for"/"at"."""
    keep: set[int] = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if not _keep_in_speaker(child, tok, head):
                continue
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    # contiguous block containing the head
    lo = head.i
    while lo - 1 >= start and (lo - 1) in keep:
        lo -= 1
    hi = head.i + 1
    while hi < end and hi in keep:
        hi += 1
    doc = head.doc
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space or not any(c.isalnum() for c in doc[lo].text)):
        lo += 1  # (a quotation mark glued to a dash, "”―", is one token the parser may tag as a name)
    return lo, hi


def _keep_in_speaker(child: Token, parent: Token, head: Token) -> bool:
    """Whether a dependent belongs to the speaker phrase: no relative clauses, comma appositions, adverbs
    or trailing prepositional phrases other than "of/for/at/from/with/in"; coordination only at the head
    ("the mayor and her deputy")."""
    dep = child.dep_
    if dep in _SPEAKER_CUT:
        if dep == "prep":
            return child.lower_ in ("of", "for", "at", "from", "with", "in") and child.i > parent.i
        return dep == "appos" and not _comma_between(child, parent)
    if dep == "conj":
        return parent.i == head.i and child.pos_ in ("PROPN", "NOUN")
    if dep == "cc":
        return parent.i == head.i
    return True


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in (",", "(", "—", "–") for t in a.doc[lo:hi])

"""Reported (indirect) speech from the dependency parse.

* a cue verb governing its message: a clausal complement ("Sources said [the drone failed]", "he stated
  [that …]"), and for some verbs an infinitive ("vowed [to fight]"), an object ("criticized [the plan]") or
  a prepositional object ("called for [a ceasefire]") — which verbs take which frame is in
  :data:`~newsweave.analyze.statements.cues.CUE_FRAMES`;
* an inverted or parenthetical cue after its content: "[…], reported the broadcaster", "[…], officials said";
* "according to X, […]" is in :mod:`.according`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import (
    EVENT_VERBS,
    INANIMATE_NOUNS,
    PARENTHETICAL_VERBS,
    SPEECH_VERBS,
)
from .docindex import DocIndex
from .frames import CUE_FRAMES
from .holders import cue_extent, speaker_for
from .messages import NAMING_VERBS, addressee_object, naming, quoted_title, setting_or_addressee, with_reason
from .speakers import subject_of

__all__ = [
    "DATELINE", "NAMING_VERBS", "Candidate", "cue_extent", "is_agent", "is_message", "make_candidate", "skip_dateline",
    "speaker_for", "verb_candidates",
]

_CLAUSE_FRAMES = frozenset({"ccomp", "inverted"})
_CLAUSE_BREAK = frozenset({",", "—", "–", "-", ";", ":"})
_NOT_CUE_DEPS = frozenset({"amod", "compound", "nsubj", "dobj", "pobj", "nsubjpass", "attr", "appos", "npadvmod"})
CUE_WORDS = frozenset(CUE_FRAMES) | SPEECH_VERBS


@dataclass(slots=True)
class Candidate:
    """A statement in the making: token indices for cue and speaker, char offsets for content."""

    cue_start: int | None  # token index range of the cue
    cue_end: int | None
    cue_token: Token | None  # the head word of the cue (a verb, "according", or a colon/dash)
    speaker: Token | None  # head token of the speaker phrase
    content_start: int  # char offsets
    content_end: int
    direct: bool = False
    kind: str = "verb"  # verb (clausal message), object (stance frames), noun, inverted, according, quote, colon
    content_tokens: tuple[int, int] | None = None  # token range of the content, when known
    channel_from: Token | None = None  # an earlier cue of the same speaker whose dependents name the channel
    frame: str | None = None  # the message frame of a verb cue (ccomp, dobj, xcomp, prep_<p>)


def frames_of(tok: Token) -> frozenset[str]:
    """The message frames a word takes as a cue (empty when it is no cue)."""
    if tok.pos_ not in ("VERB", "AUX", "NOUN") or tok.dep_ in _NOT_CUE_DEPS:
        return frozenset()
    if (tok.tag_ == "VB" or tok.pos_ == "NOUN") and tok.dep_ == "ROOT" and not any(
        c.dep_.startswith("nsubj") for c in tok.children
    ):
        return frozenset()  # an imperative: "Note: this story was updated", "Say what you will"
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return frozenset()  # "the drone believed to have been involved": a reduced passive relative
    if tok.dep_ == "xcomp" and tok.head.pos_ in ("AUX", "ADJ") and any(
        c.dep_ == "acomp" for c in tok.head.children
    ):
        return frozenset()  # "It is important to note that …": the author speaking
    lemma = tok.lemma_.lower()
    frames = CUE_FRAMES.get(lemma)
    if frames is not None:
        return frames & _CLAUSE_FRAMES if lemma in EVENT_VERBS else frames
    if lemma in SPEECH_VERBS:
        return frozenset({"ccomp", "inverted"}) if lemma in PARENTHETICAL_VERBS else frozenset({"ccomp"})
    return frozenset()


def trim_tokens(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and (doc[hi - 1].is_punct and not doc[hi - 1].is_quote or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1
    return lo, hi


DATELINE = re.compile(r"[A-Z][A-Za-z0-9 .,'-]{1,60}\([A-Za-z .-]{1,30}\)\s*[—–-]+\s*")


def skip_dateline(doc: Doc, lo: int, hi: int) -> int:
    """Start of a content after a wire dateline ("WASHINGTON (AP) — …")."""
    if not doc[lo].is_upper:
        return lo
    start = doc[lo].idx
    head = "".join(t.text_with_ws for t in doc[lo : min(hi, lo + 30)])  # (``doc.text`` rebuilds the whole text)
    m = DATELINE.match(head[:100])
    if m is None:
        return lo
    end = start + m.end()
    while lo < hi and doc[lo].idx < end:
        lo += 1
    return lo


def content_tokens(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The token range of a content: edge punctuation and spaces trimmed, a leading wire dateline skipped."""
    lo, hi = trim_tokens(doc, lo, hi)
    return (skip_dateline(doc, lo, hi), hi) if lo < hi else (lo, hi)


def char_end(doc: Doc, hi: int) -> int:
    """The character offset where the token range ending before token ``hi`` ends."""
    return doc[hi - 1].idx + len(doc[hi - 1].text)


def make_candidate(doc: Doc, verb: Token, lo: int, hi: int, kind: str, prep: Token | None = None, *,
          frame: str | None = None) -> Candidate | None:
    lo, hi = content_tokens(doc, lo, hi)
    if hi - lo < 1 or not any(t.is_alpha for t in doc[lo:hi]):
        return None
    c_lo, c_hi = cue_extent(verb, prep)
    return Candidate(
        c_lo, c_hi, verb, speaker_for(verb, adjacent=True), doc[lo].idx, char_end(doc, hi),
        kind=kind, content_tokens=(lo, hi), frame=frame,
    )


def _is_clause(doc: Doc, lo: int, hi: int) -> bool:
    return hi - lo >= 2 and any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi])


def _reduced_relative(cue: Token, clauses: list[Token]) -> bool:
    """"The strike called for the 5th of May was attended by …": a past participle modifying the subject
    ("called for the 5th of May") that the parser made the main verb, with the real main verb ("was attended")
    as its clause: the cue is a past form with a prepositional phrase before that clause, and the clause is
    finite with no subject of its own (not "a man who police said was armed": a relative clause)."""
    if cue.tag_ not in ("VBD", "VBN") or cue.dep_ == "relcl":
        return False
    first = min(c.left_edge.i for c in clauses)
    if not any(c.dep_ == "prep" and cue.i < c.i < first for c in cue.children):
        return False
    for clause in clauses:
        finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in clause.children):
            return False
    return True


def _frame_content(doc: Doc, tok: Token, frames: frozenset[str]) -> Candidate | None:
    children = list(tok.children)
    comps = [c for c in children if c.dep_ == "ccomp"]
    if comps and "ccomp" in frames:
        after = [c for c in comps if c.i > tok.i]
        if after and _reduced_relative(tok, after):
            return None  # "the strike called for the 5th of May was attended by …": no message lacks a subject
        side = after if after else comps
        lo, hi = min(c.left_edge.i for c in side), max(c.right_edge.i for c in side) + 1
        if after:
            lo = max(lo, tok.i + 1)
        else:
            hi = min(hi, tok.i)
            subj = subject_of(tok)
            if subj is not None and subj.i < tok.i:
                hi = min(hi, subj.left_edge.i)
            if not _is_clause(doc, lo, hi):
                return None
        return make_candidate(doc, tok, lo, hi, "verb", frame="ccomp")
    if "ccomp" in frames:
        clause = _misattached_complement(tok)
        if clause is not None:
            lo = clause.left_edge.i
            if clause.dep_ == "advcl":
                # "said after the convention he would …": the phrase before the subject belongs to the cue
                lo = min(c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
            return make_candidate(doc, tok, lo, clause.right_edge.i + 1, "verb", frame="ccomp")
    if "ccomp" in frames:
        pro = _pro_message(tok)
        if pro is not None:
            whole = pro.lower_ in _PRO_OBJECTS  # "the same of …" with its modifiers
            return make_candidate(doc, tok, pro.left_edge.i if whole else pro.i,
                         pro.right_edge.i + 1 if whole else pro.i + 1, "verb")
    holder = speaker_for(tok)
    if holder is not None and not is_agent(holder):
        return None  # stance frames need someone holding the stance
    if "dobj" in frames and tok.lemma_.lower() in NAMING_VERBS:
        named = naming(doc, tok, children)
        if named is not None:
            return make_candidate(doc, tok, *named, "object", frame="dobj")
    for frame in ("xcomp", "dobj"):
        if frame not in frames:
            continue
        objs = [c for c in children if c.dep_ == frame and c.i > tok.i]
        if frame == "dobj" and objs:
            # "called the plan a disgrace": the object with its predicate is the message
            oprd = [c for c in children if c.dep_ == "oprd" and c.i > objs[0].i]
            if oprd:
                return make_candidate(doc, tok, objs[0].left_edge.i, oprd[0].right_edge.i + 1, "object", frame="dobj")
        if objs and is_message(objs[0]):
            obj = objs[0]
            lo = obj.left_edge.i
            hi = obj.right_edge.i + 1
            if frame == "xcomp":  # "urged the administration to join …": the addressee is part of it
                addressee = [c for c in children if c.dep_ == "dobj" and tok.i < c.i < obj.i]
                if addressee:
                    lo = addressee[0].left_edge.i
                raised = _raised_subject(tok, obj)
                if raised is not None:  # "the minister was said to be furious": who is said to be so, too
                    lo = raised.left_edge.i
                    cand = make_candidate(doc, tok, lo, hi, "object", frame=frame)
                    if cand is not None and cand.speaker is not None and cand.speaker.i == raised.i:
                        cand.speaker = None  # "Residents were encouraged to find other routes": not by residents
                    return cand
            else:
                hi = with_reason(doc, tok, hi)
            return make_candidate(doc, tok, lo, hi, "object", frame=frame)
    for prep in children:
        if prep.dep_ != "prep" or prep.i < tok.i or f"prep_{prep.lower_}" not in frames:
            continue
        pobjs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if pobjs and prep.lower_ == "with" and doc[prep.i - 1].text == "," and any(
                g.dep_ == "acl" and g.tag_ in ("VBN", "VBG")
                and not any(a.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for a in g.children)
                for g in pobjs[0].children):
            continue  # "…, with at least 70 people injured": a circumstance, not what was said
        if pobjs and is_message(pobjs[0]) and not setting_or_addressee(tok, prep, pobjs[0]):
            return make_candidate(doc, tok, pobjs[0].left_edge.i, pobjs[0].right_edge.i + 1, "object", prep,
                         frame=f"prep_{prep.lower_}")
    if "dobj" in frames:
        passive = _passive_message(tok)
        if passive is not None and passive.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and tok.head.i < tok.i:
            # "a facility that was approved by prosecutors": the relative pronoun stands for the noun before it
            noun = tok.head
            return make_candidate(doc, tok, noun.left_edge.i, passive.left_edge.i, "object", frame="dobj")
        if passive is not None:  # "the move was first reported by the network": the subject is the message
            hi = passive.right_edge.i + 1
            complement = _complement_before_agent(tok)
            if complement is not None:  # "he is regarded as sympathetic to the US by the militias"
                hi = complement.right_edge.i + 1
            return make_candidate(doc, tok, passive.left_edge.i, hi, "object", frame="dobj")
    return None


def _raised_subject(verb: Token, comp: Token) -> Token | None:
    """The passive subject of "X was said / believed / expected to …" when nothing but the cue stands between
    it and the infinitive (no agent there): X is part of what is said."""
    subj = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i and c.lower_ not in ("it", "there")]
    if not subj or any(c.dep_ == "agent" and verb.i < c.i < comp.i for c in verb.children):
        return None
    return subj[0]


def _complement_before_agent(verb: Token) -> Token | None:
    """"regarded [as sympathetic to the US] by the militias": what the subject is regarded as, when it comes
    between the cue and its agent."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    for c in verb.children:
        if verb.i < c.i < agent.i and (c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as")):
            return c
    return None


def _passive_message(verb: Token) -> Token | None:
    """The subject of a passive cue with an agent, which is what the agent said or did: "[the move] was first
    reported by the network"."""
    if not any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    return subj[0] if subj else None


def is_agent(tok: Token | None) -> bool:
    """Whether a speaker can hold a stance: anyone or anything but a physical thing or event.

    Stance frames ("attacked X", "supports X", "vowed to …") are only cues with such a subject — "an
    explosive-laden drone attacked Erbil airport" is an event, not a statement — while people, groups and texts
    hold stances ("the ad attacks …", "the bill calls for …", as PolNeAR annotators mark them).
    """
    if tok is None:
        return False
    return tok.lemma_.lower() not in INANIMATE_NOUNS or tok.pos_ in ("PRON", "PROPN")


_PRO_ANSWERS = frozenset({"so", "yes", "no"})
_PRO_OBJECTS = frozenset({"same", "opposite", "otherwise"})


def _pro_message(verb: Token) -> Token | None:
    """A message standing for a clause: "said so", "said yes", "say the same of …", "said the opposite"."""
    if verb.lemma_.lower() not in ("say", "answer", "reply", "respond"):
        return None
    for c in verb.children:
        if c.i == verb.i + 1 and c.lower_ in _PRO_ANSWERS and c.dep_ in ("advmod", "intj", "dobj", "acomp"):
            return c
        if c.dep_ in ("dobj", "nsubj", "attr") and c.lower_ in _PRO_OBJECTS and 0 < c.i - verb.i <= 2:
            return c
    return None


_PERSON_OBJECTS = frozenset({"him", "her", "them", "us", "me", "himself", "herself", "themselves"})


def is_message(obj: Token) -> bool:
    """An object that can be what was said or the target of a stance: not a bare pronoun ("said it") unless it
    stands for people ("endorsed him", "criticized them"), nor a date ("promised Sunday")."""
    if obj.pos_ == "PRON" and obj.n_lefts + obj.n_rights == 0:
        return obj.lower_ in _PERSON_OBJECTS  # "endorsed him", "attacked her", but not "said it"
    if obj.ent_type_ == "WORK_OF_ART" or quoted_title(obj):
        return False  # "She read “War and Peace”": a title, not a message
    return not (obj.ent_type_ in ("DATE", "TIME") and obj.right_edge.i - obj.left_edge.i < 3)


_FINITE_AUX = frozenset({"would", "will", "could", "can", "should", "may", "might", "must", "had", "has", "have",
                         "is", "was", "are", "were", "did", "does", "do"})


def _misattached_complement(tok: Token) -> Token | None:
    """A "that"-clause the parser hung on a noun of the cue's own phrase ("announced in a memo that he …"):
    a relative clause introduced by the complementiser ``that`` (mark), not by a relative pronoun; or the
    message the parser took for an adverbial clause when a phrase came between ("Trump said after the convention
    he would not accept …"): a finite clause after the cue with its own subject and no subordinator."""
    for clause in tok.children:
        if (clause.dep_ == "advcl" and clause.i > tok.i and clause.pos_ in ("VERB", "AUX")
                and not any(c.dep_ == "mark" for c in clause.children)
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i for c in clause.children)
                and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FINITE_AUX for c in clause.children)):
            return clause
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for pobj in prep.children:
            for clause in pobj.children:
                if clause.dep_ in ("relcl", "acl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    return clause
    return None


def verb_candidates(doc: Doc, ix: DocIndex) -> dict[int, Candidate]:
    """Candidates keyed by the index of the cue verb."""
    out: dict[int, Candidate] = {}
    reattached: dict[int, Candidate] = {}  # coordinated cue verb → the candidate whose content it closed
    for i in ix.with_lemma(CUE_WORDS):
        tok = doc[i]
        frames = frames_of(tok)
        if not frames or discourse_marker(tok):
            continue
        cand = None
        parenthetical = "inverted" in frames and tok.lemma_.lower() in PARENTHETICAL_VERBS
        if parenthetical and not any(c.dep_ == "ccomp" for c in tok.children):
            # "…, reported the broadcaster": the object is the speaker, not the message
            cand = _as_clause(doc, ix, tok) or _inverted(doc, ix, tok) or _parenthetical(doc, ix, tok)
        if cand is None:
            cand = _frame_content(doc, tok, frames)
        if cand is None:
            continue
        if tok.i in reattached and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            cand.speaker = reattached[tok.i].speaker
            cand.channel_from = reattached[tok.i].cue_token  # "announced on Twitter that … and urged …"
        if cand.kind in ("verb", "object") and cand.content_tokens is not None:
            cut = _coordinated_cue(doc, tok, *cand.content_tokens)
            if cut is not None:
                reattached[cut.i] = cand
                _cut_content(doc, cand, cut)
        out[tok.i] = cand
    return out


_MARKER_PRONOUNS = frozenset({"that", "this"})


def discourse_marker(tok: Token) -> bool:
    """"That said, …", "Having said that, …", "That being said, …": a phrase linking sentences, not a cue."""
    if tok.lemma_.lower() != "say":
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is not None and before.lower_ == "being" and tok.i > 1:
        before = doc[tok.i - 2]
    if before is not None and before.lower_ in _MARKER_PRONOUNS and after is not None and after.text == ",":
        return before.i == 0 or doc[before.i - 1].is_punct or doc[before.i - 1].is_space or doc[before.i - 1].lower_ in (
            "but", "and", "still")
    if before is not None and before.lower_ == "having" and after is not None and after.lower_ in _MARKER_PRONOUNS:
        return after.i + 1 < len(doc) and doc[after.i + 1].text == ","
    return False


def _coordinated_cue(doc: Doc, verb: Token, lo: int, hi: int) -> Token | None:
    """A second cue the parser hung inside the content of the first: "says [he respects X] and calls her …",
    "insisted [that …], claiming …" — a subject-less coordinated or participial cue verb after a comma or
    "and" that belongs to the same speaker."""
    for t in doc[lo:hi]:
        if t.dep_ not in ("conj", "advcl") or t.i - lo < 3 or not (lo <= t.head.i < hi):
            continue
        if t.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children):
            continue
        if t.dep_ == "advcl" and t.tag_ != "VBG":
            continue
        if not (frames_of(t) & _MESSAGE_FRAMES):
            continue
        j = t.left_edge.i if t.dep_ == "advcl" else t.i
        if doc[j - 1].lower_ in ("and", ",") or doc[j - 1].is_punct:
            return t
    return None


_MESSAGE_FRAMES = frozenset({"ccomp", "dobj", "xcomp"})


def _cut_content(doc: Doc, cand: Candidate, cut: Token) -> None:
    lo, _ = cand.content_tokens
    hi = cut.left_edge.i if cut.dep_ == "advcl" else cut.i
    while hi > lo and (doc[hi - 1].is_punct and not doc[hi - 1].is_quote or doc[hi - 1].lower_ in ("and", "but")
                       or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < 2:
        return
    cand.content_tokens = (lo, hi)
    cand.content_end = char_end(doc, hi)


def _as_clause(doc: Doc, ix: DocIndex, verb: Token) -> Candidate | None:
    """"As the paper reported, [the mayor resigned]" / "[…], as the agency noted" / "As reported by X, […]":
    a cue in an "as" clause reports the clause it modifies."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    speaker = subject_of(verb) if any(c.dep_ == "nsubj" for c in verb.children) else None
    if speaker is None:
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not agent:
            return None
        speaker = agent[0]
    head = verb.head
    if head.lemma_.lower() in PARENTHETICAL_VERBS and not any(c.dep_ == "nsubjpass" for c in head.children):
        return None  # "she stated, as reported by X, …": X relays her statement
    a_lo, a_hi = verb.left_edge.i, verb.right_edge.i + 1
    lo, hi = max(head.left_edge.i, ix.sent_start[verb.i]), min(head.right_edge.i + 1, ix.sent_end[verb.i])
    if a_lo <= lo + 1:
        lo = a_hi
    elif a_hi >= hi - 2:
        hi = a_lo
    else:
        return None
    if not _is_clause(doc, *trim_tokens(doc, lo, hi)):
        return None
    cand = make_candidate(doc, verb, lo, hi, "inverted")
    if cand is not None:
        cand.speaker = speaker
    return cand


_MODIFIER_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "mark", "punct"})


def _inverted(doc: Doc, ix: DocIndex, verb: Token) -> Candidate | None:
    """"[content], officials said" / "[content], reported the broadcaster": the cue clause follows a comma
    and closes the sentence; the content is the clause before the comma."""
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "…, citing rising prices": a participle takes its message after it
    if verb.dep_ == "relcl" or any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children):
        return None  # "… to convict Lopez, who confessed after the shooting": a relative clause, no inverted cue
    s_start, s_end = ix.sent_start[verb.i], ix.sent_end[verb.i]
    left = verb.i
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own and own[0].dep_ == "nsubjpass":
        return None  # "As X reported, the senator was accused of …": a passive cue is no inverted one
    if own and own[0].i < verb.i:
        speaker = own[0]
        left = speaker.left_edge.i
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp") and not (c.dep_ == "dobj" and addressee_object(verb, c))
               for c in verb.children):
            return None  # (but "…, the governor told Reuters": whom it was told is no message of its own)
    else:
        after = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i]
        if not after or after[0].pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        # "[…],” Roe, 58, told AFP": whom it was told is no speaker (the speaker phrase is found later)
        speaker = None if after[0].dep_ == "dobj" and addressee_object(verb, after[0]) else after[0]
    while left - 1 >= s_start and doc[left - 1].dep_ in ("advmod", "aux", "neg") and doc[left - 1].head.i == verb.i:
        left -= 1
    if left - 1 < s_start or doc[left - 1].text not in _CLAUSE_BREAK:
        return None
    for t in doc[verb.i + 1 : s_end]:  # nothing but the cue's own dependents may follow it
        if t.text in (".", "!", "?") or (t.is_space and "\n" in t.text):
            break
        if t.is_punct or t.is_space:
            continue
        if not _descends(t, verb):
            return None
    comma = left - 1
    if comma - s_start < 3 or not _is_clause(doc, s_start, comma):
        return None
    roots = [t for t in doc[s_start:comma] if not (s_start <= t.head.i < comma) or t.head.i == t.i]
    if roots and all(r.head.i == verb.i and r.dep_ in _MODIFIER_DEPS for r in roots):
        return None  # "On Tuesday, as shares fell, she wrote …": the clause before the cue is its modifier
    cand = make_candidate(doc, verb, s_start, comma, "inverted")
    if cand is not None:
        cand.speaker = speaker
    return cand


def _parenthetical(doc: Doc, ix: DocIndex, verb: Token) -> Candidate | None:
    """"[Bringing the show back], he said, [feels appropriate]": a cue clause set off by commas inside the
    sentence it reports. The content is the extent of the reported clause (first to last piece)."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or verb.head.i == verb.i:
        return None
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own or any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp") for c in verb.children):
        return None
    left = min(own[0].left_edge.i, verb.i)
    right = verb.right_edge.i
    s_start, s_end = ix.sent_start[verb.i], ix.sent_end[verb.i]
    if left - 1 < s_start or doc[left - 1].text not in _CLAUSE_BREAK:
        return None
    if right + 1 >= s_end or doc[right + 1].text not in _CLAUSE_BREAK:
        if right + 1 < s_end and doc[right].text in _CLAUSE_BREAK:
            right -= 1
        else:
            return None
    head = verb.head
    lo, hi = min(head.left_edge.i, s_start), head.right_edge.i + 1
    lo = max(lo, s_start)
    if not (_is_clause(doc, lo, left - 1) or _is_clause(doc, right + 2, hi)):
        return None
    cand = make_candidate(doc, verb, lo, hi, "inverted")
    if cand is not None:
        cand.speaker = own[0]
    return cand


def _descends(tok: Token, anc: Token) -> bool:
    for _ in range(12):
        if tok.i == anc.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False

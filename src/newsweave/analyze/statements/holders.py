"""The holder of a cue: the head of its speaker phrase, found from the parse of the cue word, also where the
parser left the subject unattached (a name set off by commas, a speaker phrase read as a clause of its own),
and the token range of the cue itself."""

from __future__ import annotations

from spacy.tokens import Token

from .speakers import subject_of

__all__ = ["cue_extent", "speaker_for"]

_EXPLETIVES = frozenset({"it", "this", "there"})


def cue_extent(tok: Token, prep: Token | None = None) -> tuple[int, int]:
    """Cue token range: the verb with contiguous auxiliaries/negation before, particle (or the preposition
    of a prepositional frame, "called for") after."""
    lo = tok.i
    doc = tok.doc
    while lo - 1 >= 0 and doc[lo - 1].head.i == tok.i and (
        doc[lo - 1].dep_ in ("aux", "auxpass", "neg")
        or (doc[lo - 1].dep_ == "advmod" and doc[lo - 1].tag_ == "RB")  # "also said", "publicly stated"
    ):
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].head.i == tok.i and doc[hi].dep_ == "prt":
        hi += 1
    if prep is not None and prep.i == hi:
        hi += 1
    return lo, hi



def speaker_for(verb: Token, *, adjacent: bool = False) -> Token | None:
    """The head of the speaker phrase of a cue verb (relative "who" → its antecedent; expletives → None);
    with ``adjacent``, a noun phrase right before a subject-less finite cue stands in for its subject."""
    if verb.lemma_.lower() in _RAISING:
        return None  # "She appeared to …": no one holds it
    if _reduced_passive(verb):
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return agent[0] if agent else None  # "Asked whether …, he said": he was asked; "Asked by X whether …": X
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "dep" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        subj = subject_of(verb.head)  # "Activists clamoring to … say …" with "say" left unattached
    if subj is None:
        if not adjacent:
            return None
        return _adjacent_subject(verb) or _misparsed_subject(verb) or _phrase_before_inverted_cue(verb)
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        return subj  # "Figueroa, who said …": the speaker phrase is "who"; it is resolved to its antecedent
    if subj.tag_ in ("WP", "WDT", "EX"):
        return None
    if subj.lower_ in _EXPLETIVES and subj.head.i != verb.i and _copular(subj.head):
        return None  # "It is important to note that …": the author speaking (but "it attacked X, saying …": it)
    if (subj.dep_ == "nsubjpass" and subj.head.i != verb.i and verb.tag_ in ("VBN", "VBD") and verb.dep_ == "conj"
            and verb.lemma_.lower() in _ADDRESSING and not any(
                c.dep_ in ("aux", "auxpass", "nsubj", "dobj", "dative") for c in verb.children)):
        # "a bank had been contacted by an individual and told that a bomb had been planted": told by them too
        agent = [g for v in (verb, subj.head) for c in v.children if c.dep_ == "agent"
                 for g in c.children if g.dep_ == "pobj"]
        return agent[0] if agent else None
    if subj.head.i != verb.i and subj.lemma_.lower() in _FEELINGS:
        return None  # "as concerns grew … and fears it will spread": "fears" is a noun the parser made a verb
    return subj


# verbs of telling someone: with no object, after a passive verb, they are passive too ("was contacted and told")
_ADDRESSING = frozenset({"tell", "ask", "inform", "warn", "advise", "notify", "assure", "remind", "order", "urge",
                         "instruct"})

# feelings and moods, which hold no view of their own: a cue that takes one as a subject from another verb is a
# misparsed noun
_FEELINGS = frozenset({"concern", "fear", "worry", "hope", "doubt", "speculation", "anxiety", "optimism",
                       "pessimism", "uncertainty", "anger", "frustration", "expectation"})


_SUBORDINATORS = frozenset({"when", "after", "if", "once", "as", "unless", "until", "though", "although", "while",
                            "before"})


def _reduced_passive(verb: Token) -> bool:
    """"Asked whether …, he said", "When asked whether …, the star said" (the tagger may read "asked" as a past
    tense there): a past form in an adverbial clause with no subject or auxiliary of its own is a passive — the
    main clause's subject was asked, and did not ask."""
    if verb.dep_ != "advcl" or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return True
    return verb.tag_ == "VBD" and any(c.dep_ in ("advmod", "mark") and c.lower_ in _SUBORDINATORS
                                      for c in verb.children if c.i < verb.i)


def _copular(tok: Token) -> bool:
    """A copula or a verb of seeming, whose "it" subject is an expletive ("it is clear", "it seems")."""
    return tok.lemma_.lower() in ("be", "seem", "appear", "become", "remain") or tok.pos_ in ("AUX", "ADJ") or any(
        c.dep_ in ("acomp", "attr", "expl") for c in tok.children)


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_RAISING = frozenset({"seem", "appear"})


def _adjacent_subject(verb: Token) -> Token | None:
    """A subject the parser failed to attach: the noun phrase right before a finite active cue verb that has
    no subject of its own ("…, former president Jane Roe said …" with the name parsed as an apposition)."""
    if verb.tag_ not in _FINITE or verb.pos_ != "VERB" or any(
        c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children
    ):
        return None
    lo = cue_extent(verb)[0]
    if lo == 0:
        return None
    prev = verb.doc[lo - 1]
    if prev.text == ")":  # "Rep. Jane Roe (D-Ohio) said": the name before a short parenthesis
        opening = next((k for k in range(lo - 2, max(-1, lo - 9), -1) if verb.doc[k].text == "("), None)
        if opening is None or opening == 0:
            return None
        prev = verb.doc[opening - 1]
        return prev if prev.pos_ == "PROPN" else None
    if prev.text == "," and lo >= 2:
        return _apposition_before(verb, verb.doc[lo - 2])
    if prev.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or prev.ent_type_ in ("DATE", "TIME"):
        return None
    if prev.tag_ in ("WP", "WDT", "EX") or prev.dep_ in ("poss", "dobj", "pobj") or prev.lower_ in _EXPLETIVES:
        return None
    return prev


def _misparsed_subject(verb: Token) -> Token | None:
    """"Jane Roe, a rabbi helping to organize the boycott, said he …": a speaker phrase the parser read as a
    clause of its own before a subject-less cue that has its message after it; the subject of that clause."""
    if verb.tag_ not in _FINITE or verb.pos_ != "VERB":
        return None
    left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not left or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    subj = [c for c in left[-1].children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return subj[0] if subj else None


_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
_MAX_PHRASE_TOKENS = 12


def _phrase_before_inverted_cue(verb: Token) -> Token | None:
    """"…, the governor of Qeshm, Mehdi Roe, told ISNA.": a finite cue after its message, with no subject
    because the parser hung the speaker phrase on the message clause. The words between the comma that ends the
    message and the cue — a noun phrase, perhaps with "of" and a comma-set name — name the speaker; its first
    noun is returned."""
    if verb.tag_ not in _FINITE or verb.pos_ != "VERB" or not any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    doc = verb.doc
    hi = cue_extent(verb)[0]
    if hi > 0 and doc[hi - 1].text == ",":
        hi -= 1
    lo = hi
    while lo > 0 and hi - lo < _MAX_PHRASE_TOKENS:
        tok = doc[lo - 1]
        if tok.pos_ in _PHRASE_POS or tok.lower_ == "of" or tok.text in ("-", "–"):
            lo -= 1
        elif tok.text == "," and lo >= 2 and doc[lo - 2].pos_ in ("PROPN", "NOUN") and doc[lo].pos_ == "PROPN":
            lo -= 1  # "the governor of Qeshm, Mehdi Roe": a name set off by commas
        else:
            break
    if lo == hi or lo == 0 or doc[lo - 1].text != "," or doc[lo].pos_ not in ("DET", "PROPN", "NOUN", "ADJ"):
        return None  # the phrase must follow the comma that ends the message
    nouns = [t for t in doc[lo:hi] if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME")]
    return nouns[0] if nouns else None


_CHAIN_DEPS = frozenset({"pobj", "prep", "appos", "compound", "amod", "conj", "cc", "punct", "nmod", "poss", "advcl"})


def _apposition_before(verb: Token, last: Token) -> Token | None:
    """"In a statement to the paper, her adviser, Jane Roe, said …": a speaker phrase set off by commas before
    a subject-less cue that the parser hung as an apposition on a fronted phrase of the cue. The highest
    apposition on the way from the phrase's last word up to the cue is the speaker."""
    best = None
    tok = last
    for _ in range(12):
        if tok.i == verb.i:
            return best
        if tok.dep_ not in _CHAIN_DEPS or tok.head.i == tok.i:
            return None
        if tok.dep_ == "appos" and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME", "GPE"):
            best = tok
        tok = tok.head
    return None

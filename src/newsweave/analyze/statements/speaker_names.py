"""Who a speaker phrase names: its name, kind and anonymity, with pronouns and descriptions resolved to the
people and organisations named before (:func:`describe_speaker`), and whether a phrase names a news outlet."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from ...model import Entity, Mention
from ..coref import PRONOUN_GENDER
from ..names import given_name_gender, known_label, title_gender
from .cues import (
    CARRIER_NOUNS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    INDEFINITE_PRONOUNS,
    KNOWN_OUTLETS,
    MEDIUM_NOUNS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
    TITLE_WORDS,
)
from .docindex import DocIndex
from .speakers import NAME_LABELS, SpeakerInfo, speaker_span

__all__ = ["describe_speaker", "is_outlet_name", "is_outlet_phrase"]


@lru_cache(maxsize=4096)
def is_outlet_name(name: str) -> bool:
    """True when ``name`` is a news outlet: in newsweave's outlet directory or the cue lexicon's list."""
    low = name.lower().strip()
    if low in KNOWN_OUTLETS or low.removeprefix("the ") in KNOWN_OUTLETS:
        return True
    from ...ingest.outlets import default_outlets

    outlet = default_outlets().match_name(name)
    return outlet is not None and outlet.kind != "government"


def is_outlet_phrase(span: Span, ents: Sequence[Span] | None = None) -> bool:
    """True when the phrase names a news organisation ("news agency Sputnik", "Reuters", "the broadcaster").
    ``ents`` are the entities inside the phrase, when already known."""
    if is_outlet_name(span.text):
        return True
    root = span.root.i
    for ent in span.ents if ents is None else ents:
        if ent.start <= root < ent.end and is_outlet_name(ent.text):
            return True
    return span.root.lemma_.lower() in OUTLET_NOUNS or any(
        t.lower_ in ("news", "agency", "broadcaster") for t in span
    )


def _named_entity(span: Span, ents: Sequence[Span]) -> Span | None:
    """The name a speaker phrase goes by: the entity on its head word, else a person named in it, else another
    name that is not a mere modifier of a common-noun head. A possessor ("the province's governor", "her
    biography"), a nationality or place ("two Iraqi officials", "Oregon officials") or an employer ("a Baxter
    employee") is not the speaker's name — except for a spokesperson or an outlet, who speak for the name ("a
    navy spokesman", "the Press Association news agency")."""
    root = span.root
    best = None
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if ent.start <= root.i < ent.end:
            return ent
        speaks_for = root.lemma_.lower() in _SPEAKS_FOR or (
            root.lemma_.lower() in _CARRIES and ent.root.dep_ == "pobj")  # "a report from TMZ" is TMZ's
        if root.pos_ == "NOUN" and _modifies(ent, root) and (
            not speaks_for or ent.label_ in ("NORP", "GPE", "LOC", "FAC")
        ):
            continue
        if best is None or (ent.label_ == "PERSON" and best.label_ != "PERSON"):
            best = ent
    return best


_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
                         "statement", "release", "announcement"}) | OUTLET_NOUNS
# what carries a source's words, named in a prepositional phrase: "a report from TMZ", "an editorial in Ekathimerini",
# "figures from Nielsen", "a message from the commission"
_CARRIES = CARRIER_NOUNS | MEDIUM_NOUNS | frozenset({"figure", "statistic", "data", "information", "resolution",
                                                     "decision", "finding", "estimate", "account", "report"})


def _renaming_person(head: Token, ents: Sequence[Span]) -> Span | None:
    """A person named in an apposition or conjunct of a descriptive head ("the group's spokesman, Jane Roe")."""
    for ent in ents:
        if ent.label_ == "PERSON" and ent.root.dep_ in ("appos", "conj") and ent.root.head.i == head.i:
            return ent
    return None


_OFFICE_WORDS = frozenset({"office", "department", "bureau", "service", "council", "court", "commission"})


def _proper_run(root: Token, span: Span) -> Span:
    """The proper nouns that end at ``root`` ("Celebrity website TMZ" → "TMZ", "the New York Post" → "New York
    Post")."""
    start = root.i
    while start - 1 >= span.start and span.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return span.doc[start : root.i + 1]


def _modifies(ent: Span, head: Token) -> bool:
    """The entity hangs on ``head`` as a modifier (compound, adjective, possessor, number, or the object of a
    preposition: "the mayor of Springfield", "residents of Gavarzin", "police in Qeshm"), not as an apposition
    or conjunct that renames it."""
    tok = ent.root
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _MODIFYING_PREPOSITIONS:
            tok = tok.head  # the preposition, then the word it hangs on
        elif tok.dep_ not in ("compound", "amod", "poss", "nmod", "nummod", "case", "det", "prep"):
            return False
        tok = tok.head
    return tok.i == head.i


_MODIFYING_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "with"})


def _mention_entity(span: Span, mentions: Sequence[Mention]) -> str | None:
    """The entity of the mention on the phrase's head word (the narrowest one): "her bio" is no mention of
    "her", "Oregon officials" none of Oregon."""
    root = span.root
    lo, hi = root.idx, root.idx + len(root.text)
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.entity_id is None or not (m.span.start <= lo and hi <= m.span.end):
            continue
        if best is None or m.span.end - m.span.start < best[0]:
            best = (m.span.end - m.span.start, m.entity_id)
    return best[1] if best else None


def describe_speaker(
    span: Span,
    *,
    history: Sequence[SpeakerInfo],
    ix: DocIndex,
    mentions: Sequence[Mention] = (),
    entities: Mapping[str, Entity] | None = None,
    content: tuple[int, int] | None = None,
    phrase: Span | None = None,
) -> SpeakerInfo:
    """Name, kind and anonymity of a speaker phrase.

    ``span`` is the core of the phrase; ``phrase``, when given, the whole of it with appositions and conjuncts,
    where a person's name may follow a description ("a spokesman, Jane Roe", "businessman and blogger Jane Roe").

    "he"/"she" resolve to a person named earlier in the same sentence outside the statement's ``content``
    (char range), else to the latest earlier person speaker in ``history`` (latest last), else to the
    nearest earlier person; "they"/"it" to the latest group/organisation speaker; "the broadcaster"/"the
    report" to the latest outlet speaker; "the company"/"the group" to the nearest organisation named
    within the last sentences."""
    root = span.root
    low = root.lower_
    mention_id = _mention_entity(span, mentions) if mentions else None
    if low in INDEFINITE_PRONOUNS:
        return SpeakerInfo(span.text, "person", True, mention_id)  # "someone familiar with the matter"
    if root.pos_ == "PRON" or (len(span) == 1 and low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS):
        if low in FIRST_PERSON:
            return SpeakerInfo(None, "pronoun", False, mention_id)
        want = "person" if low in PERSON_PRONOUNS else "group" if low in GROUP_PRONOUNS else "thing"
        gender = PRONOUN_GENDER.get(low)
        known: dict[str, str] = {}
        for prev in history:
            if prev.name and prev.gender:
                known.setdefault(prev.name, prev.gender)

        def fits(name: str) -> bool:  # a person already called "he", or named "Jane", is not "she"
            return gender is None or (known.get(name) or given_name_gender(name) or gender) == gender

        if want == "person":
            ent = _person_in_sentence(span, ix, content, fits)
            if ent is not None:
                return SpeakerInfo(_strip_titles(ent), "person", False, mention_id or _entity_of(ent, mentions),
                                   gender)
        if low in ("they", "them"):
            ant = _plural_antecedent(span, ix, content)
            if ant is not None:  # "… between security forces and militias. … after they refused …"
                lo, hi = speaker_span(ant)
                return describe_speaker(span.doc[lo:hi], history=history, ix=ix, mentions=mentions,
                                        entities=entities)
        for prev in reversed(history):
            if prev.name is None or prev.anonymous and want == "person":
                continue
            if want == "person" and prev.kind == "person" and fits(prev.name):
                return SpeakerInfo(prev.name, "person", False, mention_id or prev.entity_id, gender)
            if want == "group" and prev.kind in ("group", "organisation", "outlet"):
                return SpeakerInfo(prev.name, prev.kind, prev.anonymous, mention_id or prev.entity_id)
            if want == "thing" and prev.kind in ("organisation", "outlet", "medium"):
                return SpeakerInfo(prev.name, prev.kind, False, mention_id or prev.entity_id)
        if want == "person":
            ent = _previous_person(span, ix, fits)
            if ent is not None:
                return SpeakerInfo(_strip_titles(ent), "person", False, mention_id or _entity_of(ent, mentions),
                                   gender)
        else:  # "the US launched strikes on targets it said were used by …"
            ent = _group_in_sentence(span, ix, content)
            if ent is not None:
                return SpeakerInfo(ent.text, "organisation", False, mention_id or _entity_of(ent, mentions))
        return SpeakerInfo(None, "pronoun", False, mention_id)
    ents = ix.ents_in(span.start, span.end)
    institution = _institution(span, ents)
    if institution is not None:  # "the Chilean navy", "the Obama administration": the body, not its modifier
        return SpeakerInfo(institution, "organisation", False, mention_id)
    ent = _named_entity(span, ents)
    head_named = False
    if (ent is not None and root.pos_ == "PROPN" and not ent.start <= root.i < ent.end and not root.ent_type_
            and (ent.label_ != "PERSON" or ent.root.pos_ != "PROPN") and _modifies(ent, root)
            and root.lower_ not in TITLE_WORDS | ROLE_NOUNS | ORG_NOUNS | _OFFICE_WORDS
            and not (root.i > 0 and root.doc[root.i - 1].text in "-‐–")  # "President-elect"
            and not any(e.label_ == "PERSON" and e.root.pos_ == "PROPN" for e in ents)):
        ent, head_named = None, True  # "Celebrity website TMZ" (the common noun tagged a name): the head is the name
    if (ent is None or ent.label_ != "PERSON") and phrase is not None and root.pos_ == "NOUN":
        ent = _renaming_person(root, ix.ents_in(phrase.start, phrase.end)) or ent
    if ent is not None and ent.label_ == "PERSON" and len(ent) == 1:
        ent = _earlier_person(ent[0], ix) or ent  # "Oduya said" after "Fire Chief Martin Oduya said"
    if ent is not None:
        name = _strip_titles(ent)
        if is_outlet_phrase(span, ents):
            kind = "outlet"
        elif ent.label_ == "PERSON" or any(t.lower_ in TITLE_WORDS for t in span[: max(0, ent.start - span.start)]):
            kind = "person"  # "Prime Minister X" is a person even when the NER calls X something else
        else:
            kind = {"NORP": "group"}.get(ent.label_, "organisation")
        eid = mention_id if ent.start <= root.i < ent.end else _entity_of(ent, mentions) or mention_id
        if eid is None and entities:
            eid = _entity_by_name(name, entities)
        gender = title_gender(t.text for t in span) if kind == "person" else None  # "Mrs Roe said"
        return SpeakerInfo(name, kind, False, eid, gender)
    lemma = root.lemma_.lower()
    if root.pos_ == "PROPN" and root.ent_type_ in ("", "PERSON"):
        ent = _earlier_person(root, ix)  # "Oduya said" after "Fire Chief Martin Oduya", the NER missing it
        if ent is not None:
            return SpeakerInfo(_strip_titles(ent), "person", False, mention_id or _entity_of(ent, mentions))
    if root.pos_ == "PROPN":
        kind = "outlet" if is_outlet_phrase(span, ents) else "organisation"
        return SpeakerInfo(_proper_run(root, span).text if head_named else span.text, kind, False, mention_id)
    if lemma in MEDIUM_NOUNS or lemma in OUTLET_NOUNS:
        definite = any(t.lower_ in ("the", "this", "that") for t in span[:2])
        if definite and (lemma in OUTLET_NOUNS or lemma == "report"):
            for prev in reversed(history):
                if prev.kind == "outlet" and prev.name:
                    return SpeakerInfo(prev.name, "outlet", False, mention_id or prev.entity_id)
        return SpeakerInfo(span.text, "outlet" if lemma in OUTLET_NOUNS else "medium", False, mention_id)
    if lemma in ORG_NOUNS and root.tag_ == "NN" and any(t.lower_ in ("the", "this") for t in span[:2]):
        ent = _previous_org(span, ix)
        if ent is not None:
            kind = "outlet" if is_outlet_name(ent.text) else "organisation"
            return SpeakerInfo(ent.text, kind, False, mention_id or _entity_of(ent, mentions))
        return SpeakerInfo(span.text, "organisation", False, mention_id)
    if lemma in ORG_NOUNS:  # "the militias": several bodies, not the one named last
        return SpeakerInfo(span.text, "group", False, mention_id)
    if lemma in ROLE_NOUNS or root.lower_ in ROLE_NOUNS:
        return SpeakerInfo(span.text, "person" if root.tag_ == "NN" else "group", True, mention_id)
    return SpeakerInfo(span.text, "unknown", False, mention_id)


_INSTITUTION_NOUNS = ORG_NOUNS | frozenset({
    "administration", "government", "navy", "army", "military", "embassy", "office", "team", "court",
    "parliament", "cabinet", "senate", "regime", "club", "school", "university", "hospital", "authority"})


def _institution(span: Span, ents: Sequence[Span]) -> str | None:
    """The name of an institution written as a named modifier and its common noun ("the Chilean navy",
    "Chile's navy", "the Obama administration"): the phrase from its first modifier to its head."""
    root = span.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in _INSTITUTION_NOUNS:
        return None
    if any(e.start <= root.i < e.end for e in ents):
        return None
    mods = [e for e in ents if e.label_ in NAME_LABELS and _modifies(e, root)]
    if not mods:
        return None
    lo = min(e.start for e in mods)
    return span.doc[lo : root.i + 1].text


def _earlier_person(root: Token, ix: DocIndex) -> Span | None:
    """The latest person named before ``root`` whose last word is ``root`` (a surname)."""
    for ent in reversed(ix.ents):
        if ent.end <= root.i and ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == root.text:
            return ent
    return None


def _strip_titles(ent: Span) -> str:
    """"Spokesperson Jane Roe" → "Jane Roe", "the Press Association" → "Press Association": drop leading role
    words and an article the NER swept into a name (role words only before a person: "the Interior Ministry" is
    the Interior Ministry)."""
    lo = ent.start
    person = ent.label_ == "PERSON" or ent[-1].lower_ not in ORG_NOUNS  # not "the Interior Ministry"
    while lo < ent.end - 1 and (person and (ent.doc[lo].lower_ in ROLE_NOUNS or ent.doc[lo].lower_ in TITLE_WORDS)
                                or ent.doc[lo].lower_ == "the"):
        lo += 1
    hi = ent.end
    while hi - 1 > lo and ent.doc[hi - 1].is_punct:
        hi -= 1
    return ent.doc[lo:hi].text


def _person_in_sentence(span: Span, ix: DocIndex, content: tuple[int, int] | None,
                        fits: Callable[[str], bool]) -> Span | None:
    s_start = ix.sent_start[span.start]
    for ent in reversed(ix.ents):
        if ent.end > span.start or not _a_person(ent):
            continue
        if ent.start < s_start:
            return None
        if content is not None and content[0] <= ent.start_char < content[1] or not fits(_strip_titles(ent)):
            continue
        return ent
    return None


_PLURAL_HOLDERS = ROLE_NOUNS | ORG_NOUNS | frozenset({
    "force", "troop", "rebel", "militant", "fighter", "insurgent", "police", "authority", "government", "migrant",
    "immigrant", "refugee", "participant", "inhabitant", "tenant", "parent", "patient", "family", "crowd", "fan"})
# people named by what they do: "miners", "protesters", "activists", "civilians" (not "numbers", "papers")
_AGENT_SUFFIXES = ("er", "or", "ist", "ian")
_NOT_PEOPLE = frozenset({
    "number", "paper", "order", "border", "water", "matter", "letter", "power", "center", "centre", "corner",
    "quarter", "error", "factor", "sector", "mirror", "monitor", "computer", "chapter", "meter",
    "floor", "door", "color", "colour", "motor", "tractor", "indicator", "weather", "layer", "filter", "poster",
    "flyer", "counter", "barrier", "trailer", "container", "cluster", "register", "dollar", "corridor"})


def _names_people(lemma: str) -> bool:
    return lemma in _PLURAL_HOLDERS or (
        len(lemma) > 4 and lemma.endswith(_AGENT_SUFFIXES) and lemma not in _NOT_PEOPLE)


def _plural_antecedent(span: Span, ix: DocIndex, content: tuple[int, int] | None) -> Token | None:
    """What "they" stands for: people or bodies named in the plural in this sentence or the one before, outside
    the statement — a subject first, else the nearest ("… between security forces and militias. The protests
    went on after they refused …": the militias, not the latest speaker three sentences up)."""
    doc = span.doc
    s_start = ix.sent_start[span.start]
    lo = ix.sent_start[s_start - 1] if s_start > 0 else 0
    found: list[Token] = []
    for tok in doc[lo : span.start]:
        if content is not None and content[0] <= tok.idx < content[1]:
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.lower_ == "police" and tok.pos_ == "NOUN")
        if plural and _names_people(tok.lemma_.lower()):
            found.append(tok)
    subjects = [t for t in found if t.dep_ in ("nsubj", "nsubjpass")]
    pick = subjects or found
    return pick[-1] if pick else None


def _group_in_sentence(span: Span, ix: DocIndex, content: tuple[int, int] | None) -> Span | None:
    s_start = ix.sent_start[span.start]
    for ent in reversed(ix.ents):
        if ent.end > span.start or ent.label_ not in ("ORG", "GPE", "NORP"):
            continue
        if ent.start < s_start:
            return None
        if content is not None and content[0] <= ent.start_char < content[1]:
            continue
        return ent
    return None


def _previous_org(span: Span, ix: DocIndex, *, sentences: int = 3) -> Span | None:
    limit = span.start
    for _ in range(sentences):
        if limit <= 0:
            break
        limit = ix.sent_start[limit - 1]
    for ent in reversed(ix.ents):
        if ent.end <= span.start and ent.start >= limit and ent.label_ == "ORG":
            return ent
    return None


def _previous_person(span: Span, ix: DocIndex, fits: Callable[[str], bool]) -> Span | None:
    for ent in reversed(ix.ents):
        if ent.end <= span.start and _a_person(ent) and fits(_strip_titles(ent)):
            return ent
    return None


_PLATFORMS = frozenset({"twitter", "facebook", "telegram", "instagram", "tiktok", "youtube", "weibo", "wechat",
                        "linkedin", "truth social", "snapchat", "whatsapp"})


def _a_person(ent: Span) -> bool:
    """A PERSON entity that can be "he" or "she": the tagger also calls "Twitter", "Reuters" or the ship "INS
    Mysore" a person."""
    low = ent.text.lower().removeprefix("the ")
    return (ent.label_ == "PERSON" and low not in _PLATFORMS and low not in KNOWN_OUTLETS
            and known_label(ent.text) is None)


def _entity_of(ent: Span, mentions: Sequence[Mention]) -> str | None:
    for m in mentions:
        if m.entity_id and m.span.start <= ent.start_char and ent.end_char <= m.span.end:
            return m.entity_id
    return None


def _entity_by_name(name: str, entities: Mapping[str, Entity]) -> str | None:
    low = name.lower()
    for eid, ent in entities.items():
        if ent.name.lower() == low or low in (a.lower() for a in ent.aliases):
            return eid
    return None

"""Simple within-report pronoun resolution for third-person singular personal pronouns.

``he``/``she`` and their forms are linked to the most recent compatible person mention in the same
sentence or the three before it. Preferences, in order: a person already known to have the pronoun's
gender, a main-clause subject, any subject, the nearest mention (possessives and reflexives in the same
sentence take the nearest person); with no subject among the candidates, the person the report has named most
so far. A pronoun outside quotation marks takes an antecedent from inside a quotation only when no one outside
fits (the person quoted is talking *about* others, the speaker is outside; never for "…, he said"), a pronoun
inside one never takes its speaker (who would say "I"), and a name used as a modifier ("an Oscar host") is no antecedent. Gender is learnt from gendered titles (Mr, Mrs, Queen
...) and from earlier pronouns, and a person is not given pronouns of both genders; a given name of one gender
("Jane Roe") only rules out the other pronoun. An object pronoun (``him``/``her``) does not refer to the subject
of its own verb.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["RawMention", "inside", "quote_speakers", "quoted_regions", "resolve_pronouns", "sentence_of",
           "subject_flags"]

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_REFLEXIVE = frozenset({"himself", "herself"})
_OBJECT = frozenset({"him", "her"})
_LOOKBACK = 3
_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_PTB_CLOSE = "''"  # a doubled apostrophe
_REOPENED = re.compile(r'[ \t]*"')  # a line that opens with a quotation mark


@dataclass(slots=True)
class RawMention:
    """A mention while the report is being analysed (mutable; becomes a :class:`~newsweave.model.Mention`)."""

    start: int
    end: int
    text: str
    label: str
    kind: str  # name | alias | nominal | pronoun
    sentence: int
    subject: bool = False
    main_subject: bool = False
    cluster: int | None = None
    role: str | None = None
    qualifier: str | None = None
    head: int | None = None  # token index of the syntactic head
    gender: str | None = None
    possessive: bool = False


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks (curly, guillemets or straight), never across a blank line.

    A quotation may run over several sentences of one paragraph. Single quotes are ignored (apostrophes), but a
    doubled apostrophe closes a straight double quote (tokenised news text writes a quotation as "… '').
    """
    regions: list[tuple[int, int]] = []
    for block in re.finditer(r"(?:(?!\n[ \t]*\n).)+", text, flags=re.DOTALL):
        base, chunk = block.start(), block.group(0)
        open_at: int | None = None
        closer = ""
        for i, ch in enumerate(chunk):
            if open_at is None:
                if ch in _QUOTE_PAIRS:
                    open_at, closer = i, _QUOTE_PAIRS[ch]
            elif ch == "\n" and closer == '"' and _REOPENED.match(chunk, i + 1):
                regions.append((base + open_at, base + i))  # a quotation going on in the next paragraph opens
                open_at = None  # it again without closing it here: the mark on the next line is no closer
            elif ch == closer:
                regions.append((base + open_at, base + i + 1))
                open_at = None
            elif closer == '"' and (
                chunk.startswith(_PTB_CLOSE, i) and not chunk.startswith(_PTB_CLOSE + "'", i)
                or chunk.startswith("``", i) and chunk[i + 2 : i + 3] in ("", "\n")
            ):
                regions.append((base + open_at, base + i + 2))  # tokenised news text closes a quotation with ''
                open_at = None  # (or, mistyped, with `` at the end of a line)
        if open_at is not None and closer != '"':  # an unclosed curly quote runs to the paragraph end
            regions.append((base + open_at, base + len(chunk)))
    return regions


def inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in regions)


def sentence_of(bounds: Sequence[tuple[int, int]], pos: int) -> int:
    """Index of the sentence containing (or, between sentences, preceding) character ``pos``."""
    lo, hi = 0, len(bounds) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if bounds[mid][1] <= pos:
            lo = mid + 1
        elif bounds[mid][0] > pos:
            hi = mid - 1
        else:
            return mid
    return max(0, min(lo - 1, len(bounds) - 1))


def subject_flags(token: Token) -> tuple[bool, bool]:
    """(is a subject, is the subject of the main clause); a name in apposition to a subject is one too
    ("Tennant's colleague, Sgt. Jason Tlusty, was shaken")."""
    if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
        token = token.head
    subj = token.dep_ in ("nsubj", "nsubjpass")
    return subj, subj and token.head.dep_ == "ROOT"


def _modifier_use(doc: Doc, m: RawMention) -> bool:
    head = doc[m.head]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        return True
    before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return before is not None and before.lower_ in ("a", "an")


def _choose(
    pronoun: Token, candidates: list[RawMention], same_sentence: bool, salience: Counter[int]
) -> RawMention | None:
    if not candidates:
        return None
    if pronoun.lower_ in _REFLEXIVE:
        coargs = [c for c in candidates if c.head is not None and pronoun.doc[c.head].head == pronoun.head]
        verb = pronoun.head
        if not coargs and verb.dep_ == "relcl" and any(c.lower_ in ("who", "that") for c in verb.children):
            # "one woman, who identified herself as …": the woman, whom the report does not name
            named = [c for c in candidates if c.head == verb.head.i]
            return named[-1] if named else None
        return (coargs or candidates)[-1]
    if same_sentence and pronoun.tag_ == "PRP$" and not _in_nonfinite_clause(pronoun):
        return candidates[-1]  # "thanked the judge for her ruling": the nearest person (but "stopped Thompson
        # to keep his titles": the subject keeps them)
    for test in (lambda c: c.main_subject, lambda c: c.subject):
        preferred = [c for c in candidates if test(c)]
        if preferred:
            return preferred[-1] if same_sentence else preferred[0]
    # no subject: the person the report has named most so far ("tied McDermott with Rodney Buford … watch him"),
    # the nearest of equals
    return max(reversed(candidates), key=lambda c: salience[c.cluster] if c.cluster is not None else 0)


def _in_nonfinite_clause(tok: Token) -> bool:
    """Whether a word sits in an infinitive or participle clause ("to keep a hold on his titles", "retaining his
    belt"), whose unstated subject is the main clause's."""
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.dep_ in ("xcomp", "advcl", "acl") and tok.tag_ in ("VB", "VBG")
    return False


def _says(tok: Token) -> bool:
    """Whether a word is the subject of a verb of saying ("he said")."""
    from .statements.cues import SPEECH_VERBS

    return tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_VERBS


def _is_speaker(doc: Doc, m: RawMention) -> bool:
    """Whether a mention is the subject of a verb of saying, the one "quoted as saying", or the object of
    "according to"."""

    if m.head is None:
        return False
    tok = doc[m.head]
    while tok.dep_ == "conj" and tok.head is not tok:  # "Mark and Condon said"
        tok = tok.head
    if _says(tok):
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ == "quote":  # "the Daily News quoted witness Devonte Brown as saying"
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def quote_speakers(
    doc: Doc, mentions: Sequence[RawMention], quotes: Sequence[tuple[int, int]], bounds: Sequence[tuple[int, int]]
) -> list[set[int]]:
    """For each quotation, the person clusters that speak it: subjects of a verb of saying (or "according to"
    objects) outside quotation marks in the sentence where it opens or closes; else, for a quotation that goes
    on within two sentences of the previous one, that one's speakers ("…,'' Mark said. / "Hugh seemed …")."""
    speaking = [m for m in mentions if m.cluster is not None and not inside(quotes, m.start, m.end)
                and _is_speaker(doc, m)]
    out: list[set[int]] = []
    for i, (qs, qe) in enumerate(quotes):
        where = {sentence_of(bounds, qs), sentence_of(bounds, max(qs, qe - 1))}
        who = {m.cluster for m in speaking if m.sentence in where}
        if not who and i and sentence_of(bounds, qs) - sentence_of(bounds, max(0, quotes[i - 1][1] - 1)) <= 2:
            who = set(out[i - 1])
        out.append({c for c in who if c is not None})
    return out


def resolve_pronouns(
    doc: Doc,
    mentions: Sequence[RawMention],
    person_clusters: set[int],
    bounds: Sequence[tuple[int, int]],
    quotes: Sequence[tuple[int, int]],
    genders: dict[int, str],
    *,
    name_genders: dict[int, str] | None = None,
) -> list[RawMention]:
    """Pronoun mentions linked to person clusters (unresolvable pronouns are left out).

    ``genders`` (from titles) are preferred and exclude the other pronoun; ``name_genders`` (from given names,
    :func:`newsweave.analyze.names.given_name_gender`) only exclude: "she" is not "Stan Roe", but "he" does
    not prefer "Stan Roe" over a man whose given name is not in the lexicon."""
    genders = dict(genders)
    name_genders = name_genders or {}
    by_sentence: dict[int, list[RawMention]] = defaultdict(list)
    for m in sorted((m for m in mentions if m.cluster in person_clusters), key=lambda m: m.start):
        by_sentence[m.sentence].append(m)
    resolved: list[RawMention] = []
    speakers = quote_speakers(doc, mentions, quotes, bounds)
    named = sorted((m.start, m.cluster) for m in mentions if m.cluster in person_clusters)
    salience: Counter[int] = Counter()  # mentions per person before the current pronoun (names and pronouns)
    seen = 0
    for token in doc:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.tag_ not in ("PRP", "PRP$"):
            continue
        start, end = token.idx, token.idx + len(token)
        sent = sentence_of(bounds, start)
        quoted = inside(quotes, start, end)
        # a quotation's speaker is "I" in it: its "he" or "she" is someone else ("Mark said: "He can hold a stage")
        not_speaker = set().union(*(who for (a, b), who in zip(quotes, speakers, strict=True)
                                    if a <= start and end <= b)) if quoted else set()
        while seen < len(named) and named[seen][0] < start:
            salience[named[seen][1]] += 1
            seen += 1
        chosen: RawMention | None = None
        # outside quotation marks, a person named inside one only when nobody outside fits ("“Tara Reid has checked
        # herself in …,” her rep said. Although the rep would not say why she …")
        # ("…,'' he said" after a long quotation is its speaker: never someone the quotation names)
        fallback = not quoted and not _says(token)
        for from_quotes in (False, True) if fallback else (quoted,):
            chosen = _antecedent(doc, token, sent, by_sentence, quotes, quoted_ok=from_quotes,
                                 not_speaker=not_speaker, genders=genders, name_genders=name_genders,
                                 salience=salience)
            if chosen is not None:
                break
        if chosen is None or chosen.cluster is None:
            continue
        genders.setdefault(chosen.cluster, gender)
        m = RawMention(
            start, end, token.text, "PERSON", "pronoun", sent, cluster=chosen.cluster, head=token.i
        )
        m.subject, m.main_subject = subject_flags(token)
        resolved.append(m)
        salience[chosen.cluster] += 1
        bisect.insort(by_sentence[sent], m, key=lambda x: x.start)
    return resolved


def _antecedent(
    doc: Doc,
    token: Token,
    sent: int,
    by_sentence: dict[int, list[RawMention]],
    quotes: Sequence[tuple[int, int]],
    *,
    quoted_ok: bool,
    not_speaker: set[int],
    genders: dict[int, str],
    name_genders: dict[int, str],
    salience: Counter[int],
) -> RawMention | None:
    """The antecedent of one pronoun in its sentence or the few before it, the nearest sentence with a fitting
    person first (``quoted_ok``: people named inside quotation marks may be taken)."""
    gender = PRONOUN_GENDER[token.lower_]
    for back in range(_LOOKBACK + 1):
        s = sent - back
        if s < 0:
            break
        candidates = []
        for c in by_sentence.get(s, ()):
            if c.end > token.idx:
                break
            if not quoted_ok and inside(quotes, c.start, c.end):
                continue
            if c.cluster in not_speaker and not inside(quotes, c.start, c.end):
                continue
            if c.kind == "name" and c.head is not None and _modifier_use(doc, c):
                continue  # "an Oscar host", "the Tony telecast": a name used as a modifier
            g = (genders.get(c.cluster) or name_genders.get(c.cluster)) if c.cluster is not None else None
            if g is not None and g != gender:
                continue
            if (
                token.lower_ in _OBJECT
                and token.tag_ == "PRP"
                and c.subject
                and c.head is not None
                and doc[c.head].head == token.head
            ):
                continue
            candidates.append(c)
        agreeing = [c for c in candidates if c.cluster is not None and genders.get(c.cluster) == gender]
        chosen = _choose(token, agreeing or candidates, back == 0, salience)
        if chosen is not None:
            return chosen
    return None

"""Entity mentions of one report and the canonical entities they refer to.

Mentions come from three sources:

* **names** — spaCy NER spans (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE;
  dates, times and numbers are left to the time-expression tagger), cleaned: leading article, possessive
  ``'s`` and stray punctuation removed, titles split off person names (``"Spokesperson Ana Ruiz"`` → Ana
  Ruiz with the role Spokesperson), ``"Agency/Photographer"`` split in two;
* **role nominals** — ``"the Prime Minister"``, ``"French PM"``, ``"the US president"`` — linked to the
  person introduced with that title in the report, only when exactly one person holds it;
* **pronouns** — he/him/his/himself, she/her/hers/herself — linked to the most recent compatible person in
  the same or the previous sentences (subjects preferred; the speaker of a quote is not looked for inside
  the quote).

Names are grouped into canonical entities (:mod:`newsweave.analyze.grouping`) by normalised spelling
(case, hyphens, diacritics, particles), surname-only and given-name-only references to a unique full name,
acronyms defined in the text (``"The Associated Press (AP)"``) or matching a name's initials, and a small
table of well-known alternative names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Entity, Mention, Sentence, Span
from . import names as nm
from .coref import RawMention, quoted_regions, resolve_pronouns, sentence_of, subject_flags
from .grouping import Cluster, cluster_names
from .name_repeats import NAME_SUFFIXES as _NAME_SUFFIXES
from .name_repeats import repeated_names

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["NAME_LABELS", "extract_mentions", "quoted_regions"]

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_STRIP_CHARS = " \t\r\n\"'“”‘’«»()[]{}<>,;:.!?*•|–—-"
_ORG_NOUNS = frozenset(
    [
        "agency",
        "broadcaster",
        "newspaper",
        "daily",
        "channel",
        "network",
        "outlet",
        "website",
        "platform",
        "station",
        "tabloid",
    ]
)
_NOT_NOMINAL_BEFORE = frozenset(
    ["former", "ex", "late", "then", "outgoing", "incoming", "next", "new", "future", "previous"]
)


def _sentence_index(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    return [(s.span.start, s.span.end) for s in sentences]


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP_CHARS:
        start += 1
    while end > start and text[end - 1] in _STRIP_CHARS:
        end -= 1
    m = re.search(r"(?:['’]s|['’])$", text[start:end])
    if m and end - start - len(m.group(0)) >= 2:
        end -= len(m.group(0))
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
    if m and end - start > m.end():
        start += m.end()
    return start, end


def _preceding_title_run(doc: Doc, first: int) -> list[Token]:
    """The capitalised words (and "of") right before token ``first``, within its sentence."""
    run: list[Token] = []
    i = first - 1
    while i >= 0 and len(run) < 8 and not doc[i + 1].is_sent_start:
        tok = doc[i]
        hyphen = tok.text in ("-", "\u2010", "\u2011") and run and i > 0 and not tok.whitespace_
        if (
            hyphen and nm.is_title_word(doc[i - 1].text) and nm.is_title_word(run[0].text)
        ):  # Secretary-General
            run.insert(0, tok)
            i -= 1
            continue
        if tok.is_space or tok.is_punct or tok.lower_ in ("the", "a", "an"):
            break
        if not (tok.lower_ == "of" or tok.is_title or tok.is_upper or nm.is_title_word(tok.text)):
            break
        run.insert(0, tok)
        i -= 1
    return run


def _role_from_run(words: list[str]) -> tuple[str | None, int]:
    """The trailing role of a title run ("US Secretary of State" → "Secretary of State") and its start."""
    k = len(words)
    j = k
    while j > 0:
        w = words[j - 1]
        if nm.is_title_word(w) or (w == "-" and j >= 2 and nm.is_title_word(words[j - 2])):
            j -= 1
        elif j >= 3 and words[j - 2].casefold() == "of" and nm.is_title_word(words[j - 3]):
            j -= 2
        else:
            break
    role_words = words[j:]
    if not role_words or not any(nm.is_title_head(w) for w in role_words):
        return None, k
    return re.sub(r"\s*-\s*", "-", " ".join(role_words)), j


def _qualifier(doc: Doc, tokens: list[Token]) -> str | None:
    for tok in reversed(tokens):
        if tok.ent_type_ in ("NORP", "GPE", "ORG", "LOC"):
            return nm.normalize_name(tok.text)
    return None


def _name_mentions(doc: Doc, bounds: list[tuple[int, int]]) -> list[RawMention]:
    text = doc.text
    out: list[RawMention] = []
    role_spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        pieces = [(ent.start_char, ent.end_char)]
        if "\n" in ent.text:  # a name never runs over a line break (a headline and the first word under it)
            pieces, pos = [], ent.start_char
            for line in ent.text.split("\n"):
                pieces.append((pos, pos + len(line)))
                pos += len(line) + 1
        elif "/" in ent.text:
            pieces, pos = [], ent.start_char
            for part in re.split(r"(/)", ent.text):
                if part != "/":
                    pieces.append((pos, pos + len(part)))
                pos += len(part)
        elif ent.label_ in ("ORG", "PERSON") and (cuts := nm.comma_cuts(ent.text)):
            # "In an interview with People, Reid claimed …" tagged one ORG: a comma before a name ends a name
            starts = [0, *[c + 2 for c in cuts]]
            ends = [*cuts, len(ent.text)]
            pieces = [(ent.start_char + a, ent.start_char + b) for a, b in zip(starts, ends, strict=True)]
        for p_start, p_end in pieces:
            start, end = _clean_bounds(text, p_start, p_end)
            if end - start < 1 or not any(ch.isalpha() for ch in text[start:end]):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            label = ent.label_
            if label in ("ORG", "GPE", "NORP", "FAC") and _titled_name(doc, span):
                label = "PERSON"  # "Chancellor Olaf Scholz" tagged ORG: a title says it is a person
            elif label == "PERSON" and len(span) == 1 and span.start > 0 and doc[span.start - 1].like_num:
                label = "PRODUCT"  # "a .357 Magnum": a number before a one-word "name" makes it a model
            elif label == "PERSON" and len(span) > 1 and span[-1].lower_ in _PLACE_OR_BODY_HEADS:
                label = "ORG"  # "Betty Ford Center", "Mount Sinai Hospital": named after a person, not one
            role_tokens: list[Token] = []
            if label == "PERSON":
                # a given name NER left out: "Police Chief [Ana] Ruiz"
                while span.start > 0 and _left_name_part(doc[span.start - 1], span):
                    span = doc[span.start - 1 : span.end]
                # headline spans such as "Having Smith" or "Ann Lee Returns": verbs are not part of names
                while len(span) > 1 and span[0].tag_.startswith("VB"):
                    span = span[1:]
                while len(span) > 1 and span[-1].tag_.startswith("VB"):
                    span = span[:-1]
                while len(span) > 1 and nm.is_title_word(span[0].text):
                    role_tokens.append(span[0])
                    span = span[1:]
                span = _cut_at_known_surname(doc, span)
                if nm.is_title_word(span[0].text) and len(span) == 1:
                    continue
                start, end = span.start_char, min(end, span.end_char)
            sent = sentence_of(bounds, start)
            mention = RawMention(start, end, text[start:end], label, "name", sent, head=span.root.i)
            mention.subject, mention.main_subject = subject_flags(span.root)
            mention.possessive = bool(re.match(r"['’]s?\b", text[end : end + 3]))
            fixed = nm.known_label(mention.text)
            prev = doc[span.start - 1] if span.start > 0 else None
            if fixed:
                mention.label = fixed
            elif label == "PERSON" and prev is not None and prev.lower_ in _ORG_NOUNS:
                mention.label = "ORG"
            if mention.label == "PERSON":
                run = _preceding_title_run(doc, span.start - len(role_tokens)) + role_tokens
                role, j = _role_from_run([t.text for t in run])
                if role is None:
                    role = _appositive_role(span.root)
                if role:
                    if j < len(run):
                        role_spans.append((run[j].idx, span.start_char))
                    mention.role = role
                    mention.qualifier = _qualifier(doc, run[:j])
                    mention.gender = nm.title_gender(role.split())
            out.append(mention)
    _surnames_as_people(doc, out)
    _places_as_people(doc, out)
    out = [m for m in out if not _headline_words(text, m)]
    # names inside a title ("State" in "Secretary of State Ana Ruiz") are part of the role
    return [
        m for m in out if m.label == "PERSON" or not any(a <= m.start and m.end <= b for a, b in role_spans)
    ]


_PLACE_OR_BODY_HEADS = frozenset({
    "center", "centre", "clinic", "hospital", "university", "college", "school", "institute", "foundation",
    "museum", "library", "airport", "stadium", "arena", "hotel", "cathedral", "mosque", "bridge", "street",
    "avenue", "boulevard", "road", "square", "company", "corporation", "inc", "inc.", "ltd", "group", "trust",
    "fund", "award", "awards", "prize", "prizes", "act", "building", "prison", "academy", "advisers", "advisors",
    "associates", "partners", "holdings", "enterprises", "consulting", "capital", "records", "studios",
})  # not "Hall", "Church", "Park": surnames too (Dante Hall, Charlotte Church)
_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across", "outside", "inside"})


def _cut_at_known_surname(doc: Doc, span):
    """A title-case headline glues words to a name ("Lindsay Lohan Checks Into Rehab" tagged PERSON whole): in
    the first line of a report, a name of three or more words that runs on past a surname the report uses for a
    person elsewhere ends there (not before "Jr." or "III", nor in a nickname's quotation marks)."""
    if len(span) < 3 or "\n" in doc.text[: span.start_char] or any(t.text in "\"“”'‘’" for t in span):
        return span
    known = set()
    for e in doc.ents:
        if e.label_ == "PERSON":
            for line in e.text.split("\n"):  # the name on each line (see the line-break rule)
                words = line.split()
                if words and not (e.start_char <= span.start_char and span.end_char <= e.end_char
                                  and line.strip() == span.text.strip()):
                    known.add(words[-1])
    for k in range(len(span) - 2, 0, -1):
        if (span[k].text in known and span[k + 1].lower_ not in _NAME_SUFFIXES
                and not nm.is_given_name(span[k].text)):  # "Comedian Ellen DeGeneres": Ellen is no surname
            return span[: k + 1]
    return span


def _headline_words(text: str, m: RawMention) -> bool:
    """A "person" in the first line (a title-case headline: "Calls Bank Workers", "Rehires") that starts with no
    known given name and none of whose words the report writes again with a capital, or whose first and last
    words the report writes again but never the whole ("Colts Top Jags"): headline words, not a name ("Lindsay
    Lohan" of a headline-only report is kept: "Lindsay" is a given name)."""
    if m.label != "PERSON" or "\n" in text[: m.start] or "\n" not in text[m.end :]:
        return False
    line = text[: text.index("\n")].split()
    long_words = [w for w in line if len(w) > 3 and w[0].isalpha()]
    if len(line) > 20 or not long_words or sum(w[0].isupper() for w in long_words) < 0.7 * len(long_words):
        return False  # not a title-case headline: a first paragraph
    words = m.text.split()
    if not words or nm.is_given_name(words[0]) or nm.known_label(m.text):
        return False
    body = text[text.index("\n", m.end) :]

    def again(w: str) -> bool:
        return bool(re.search(rf"\b(?:{re.escape(w)}|{re.escape(w.title())})\b", body))  # "WILLIAMS" / "Williams"

    if len(words) >= 3 and again(words[0]) and again(words[-1]) and m.text not in body:
        return True  # "Colts Top Jags": two names the report writes again, and a verb between them
    return not any(again(w) for w in words if len(w) > 2 and w[0].isupper())


def _surnames_as_people(doc: Doc, mentions: list[RawMention]) -> None:
    """A one-word name the tagger labelled a place or an organisation, where the report calls a person by that
    name elsewhere ("Lindsay Lohan … Now that Lohan is back", that "Lohan" tagged GPE), is that person: one name,
    one sense within a report — unless it follows a preposition of place ("in Washington") or the table of known
    names says otherwise; so is a name of a given name and that surname ("Hugh Jackman" tagged GPE)."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and m.text.split()}
    full_surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    for m in mentions:
        words = m.text.split()
        if (m.label not in ("PERSON", "NORP") and 2 <= len(words) <= 3 and nm.is_given_name(words[0])
                and words[-1] in surnames and not nm.known_label(m.text)
                and words[-1].lower() not in _PLACE_OR_BODY_HEADS):
            m.label = "PERSON"  # "Hugh Jackman" tagged GPE where "Jackman" is a person elsewhere
            continue
        if m.label == "NORP" and " " not in m.text and m.text in full_surnames and not nm.known_label(m.text):
            m.label = "PERSON"  # "Klitschko" tagged a nationality where "Wladimir Klitschko" is a person
            continue
        if m.label in ("PERSON", "NORP") or " " in m.text or m.text not in surnames or nm.known_label(m.text):
            continue
        first = doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is not None and first.start > 0 and doc[first.start - 1].lower_ in _PLACE_PREPOSITIONS | {"the"}:
            continue  # "in Washington", "for the Colts": a place, a team
        m.label = "PERSON"


def _places_as_people(doc: Doc, mentions: list[RawMention]) -> None:
    """A one-word "person" that the report only ever writes after a preposition of place or before a noun for a
    resident ("a woman from Aberdare", "Aberdare woman") is a place — unless it is a given name or the surname of
    a person the report names in full."""
    surnames = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    by_text: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        if m.label == "PERSON" and " " not in m.text and m.text not in surnames and not nm.is_given_name(m.text):
            by_text[m.text].append(m)
    for group in by_text.values():
        after_preposition = 0
        for m in group:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                break
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            if m.possessive or after is not None and after.lower_ in ("and", "&"):
                break  # "in Klitschko's sixth defence", "in Rodgers and Hammerstein's musical": people
            if before is not None and before.lower_ in _PLACE_PREPOSITIONS - {"to"}:
                after_preposition += 1
            elif not (after is not None and after.lower_ in _RESIDENT_NOUNS):
                break
        else:
            if after_preposition:
                for m in group:
                    m.label = "GPE"


_RESIDENT_NOUNS = frozenset({"woman", "man", "women", "men", "girl", "boy", "resident", "residents", "native",
                             "family", "couple", "mother", "father", "teenager", "teen", "student", "pensioner"})


def _titled_name(doc: Doc, span) -> bool:
    """A capitalised two- or three-word name right after a title head ("Chancellor Olaf Scholz") or a noun
    that describes a person ("Tacoma lawyer William Roe")."""
    if span.start == 0 or len(span) < 2 or nm.is_acronym(span.text) or nm.known_label(span.text):
        return False
    before = doc[span.start - 1]
    titled = nm.is_title_head(before.text) and before.is_title
    described = before.tag_ == "NN" and before.is_lower and nm.is_person_noun(before.text) and len(span) <= 3
    return (
        (titled or described)
        and all(t.is_title for t in span)
        and not any(nm.is_title_word(t.text) for t in span)
    )


def _left_name_part(tok: Token, span) -> bool:
    return (
        tok.is_title
        and not tok.is_sent_start
        and tok.ent_type_ == ""
        and tok.dep_ == "compound"
        and span.start <= tok.head.i < span.end
        and not nm.is_title_word(tok.text)
        and tok.pos_ == "PROPN"
    )


def _appositive_role(root: Token) -> str | None:
    """``"Ana Ruiz, the department's spokeswoman,"`` or ``"the prime minister, Ali al-Rawi,"``."""
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for noun in candidates:
        if nm.is_title_head(noun.text) and noun.pos_ in ("NOUN", "PROPN"):
            words = [t.text for t in noun.lefts if nm.is_title_word(t.text)] + [noun.text]
            return " ".join(words)
    return None


def _qualifier_matches(a: str, b: str) -> bool:
    if a == b:
        return True
    ga, gb = nm.alias_group(a), nm.alias_group(b)
    if ga and ga == gb:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def _nominal_mentions(
    doc: Doc, mentions: list[RawMention], clusters: list[Cluster], bounds: list[tuple[int, int]]
) -> list[RawMention]:
    """Role nominals ("the Prime Minister", "French PM") for roles held by exactly one person."""
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for ci, cluster in enumerate(clusters):
        if cluster.label != "PERSON":
            continue
        for key in cluster.roles:
            holders[tuple(key.split())].add(ci)
    if not holders:
        return []
    taken = [(m.start, m.end) for m in mentions if m.kind == "name" and m.label == "PERSON"]
    out: list[RawMention] = []
    texts = [t.text for t in doc]
    titled = [nm.is_title_word(w) for w in texts]
    i = 0
    while i < len(doc):
        match_len, role_words = 0, ()
        if titled[i]:
            for length in (4, 3, 2, 1):
                if i + length > len(texts) or not titled[i + length - 1]:
                    continue
                key = tuple(" ".join(nm.role_key(w) for w in texts[i : i + length]).split())
                if key in holders:
                    match_len, role_words = length, key
                    break
        if not match_len:
            i += 1
            continue
        first, last = i, i + match_len - 1
        i = last + 1
        nxt = doc[last + 1] if last + 1 < len(doc) else None
        if (
            nxt is not None
            and not nxt.is_punct
            and not nxt.is_space
            and (
                nxt.is_title
                or nxt.is_upper
                or nxt.ent_type_ == "PERSON"
                or nxt.lower_ in nm.SURNAME_PARTICLES
            )
        ):
            continue  # a title before a name: "Prime Minister Al-Rawi", "Prime Minister al-Rawi"
        after_qualifier = None
        if nxt is not None and nxt.lower_ == "of":
            of_obj = doc[last + 2] if last + 2 < len(doc) else None
            if of_obj is None or of_obj.ent_type_ not in ("GPE", "NORP"):
                continue  # "the president of the company": not the person we know as President
            after_qualifier = nm.normalize_name(of_obj.text)
        j = first - 1
        qualifier = after_qualifier
        while j >= 0 and (doc[j].ent_type_ in ("NORP", "GPE") or doc[j].tag_ == "POS" and j > 0):
            if doc[j].ent_type_ in ("NORP", "GPE"):
                qualifier = nm.normalize_name(doc[j].text)
            j -= 1
        before = doc[j] if j >= 0 else None
        if before is not None and (
            nm.is_title_word(before.text)
            or before.lower_ in _NOT_NOMINAL_BEFORE
            or before.lower_ in ("a", "an")
        ):
            continue
        has_det = before is not None and before.lower_ == "the"
        if not has_det and qualifier is None:
            continue
        candidates = set(holders[role_words])
        if qualifier is not None:
            qualified = {
                c for c in candidates if any(_qualifier_matches(qualifier, q) for q in clusters[c].qualifiers)
            }
            unknown = {c for c in candidates if not clusters[c].qualifiers}
            candidates = qualified or unknown
        if len(candidates) != 1:
            continue
        start_tok = j + 1 if not has_det else j
        start, end = doc[start_tok].idx, doc[last].idx + len(doc[last])
        if any(a < end and start < b for a, b in taken):
            continue
        head = doc[last]
        m = RawMention(
            start,
            end,
            doc.text[start:end],
            "PERSON",
            "nominal",
            sentence_of(bounds, start),
            cluster=next(iter(candidates)),
            head=head.i,
        )
        m.subject, m.main_subject = subject_flags(head)
        out.append(m)
    return out


def _acronym_mentions(
    text: str, mentions: list[RawMention], clusters: list[Cluster], bounds: list[tuple[int, int]]
) -> list[RawMention]:
    """Occurrences of an entity's acronym that NER missed ("Image: AP")."""
    out: list[RawMention] = []
    taken = [(m.start, m.end) for m in mentions]
    for ci, cluster in enumerate(clusters):
        for acronym in cluster.acronyms:
            for match in re.finditer(r"(?<![\w.])" + re.escape(acronym) + r"(?![\w])", text):
                start, end = match.span()
                if any(a < end and start < b for a, b in taken):
                    continue
                taken.append((start, end))
                out.append(
                    RawMention(
                        start, end, acronym, cluster.label, "alias", sentence_of(bounds, start), cluster=ci
                    )
                )
    return out


def extract_mentions(
    doc: Doc, *, article_id: str, sentences: Sequence[Sentence] | None = None
) -> tuple[list[Mention], list[Entity]]:
    """Entity mentions of a parsed report (sorted by offset) and the canonical entities they link to.

    ``sentences`` may be passed to reuse :func:`~newsweave.analyze.sentences.split_sentences` output.
    """
    from .sentences import split_sentences

    text = doc.text
    if sentences is None:
        sentences = split_sentences(doc, article_id=article_id)
    bounds = _sentence_index(sentences) or [(0, len(text))]
    mentions = _name_mentions(doc, bounds)
    mentions.extend(repeated_names(doc, mentions, bounds))
    clusters = cluster_names(text, mentions)
    mentions.extend(_acronym_mentions(text, mentions, clusters, bounds))
    mentions.extend(_nominal_mentions(doc, mentions, clusters, bounds))
    mentions.sort(key=lambda m: (m.start, -m.end))
    person_clusters = {ci for ci, c in enumerate(clusters) if c.label == "PERSON"}
    pronouns = resolve_pronouns(
        doc,
        mentions,
        person_clusters,
        bounds,
        quoted_regions(text),
        {ci: c.gender for ci, c in enumerate(clusters) if c.gender},
        name_genders={m.cluster: g for m in mentions if m.cluster in person_clusters and m.kind == "name"
                      and (g := nm.given_name_gender(m.text))},
    )
    mentions.extend(pronouns)
    mentions.sort(key=lambda m: (m.start, -m.end))
    entities: list[Entity] = []
    ids: list[str] = []
    for ci, cluster in enumerate(clusters):
        forms = [m.text for m in mentions if m.cluster == ci and m.kind in ("name", "alias")]
        name = nm.choose_name(forms)
        eid = nm.entity_id(cluster.label, name)
        aliases = dict.fromkeys(f for f in forms if f != name)
        aliases.update(dict.fromkeys(sorted(cluster.acronyms - {name})))
        aliases.update(dict.fromkeys(r for r in cluster.roles.values() if r != name))
        ids.append(eid)
        entities.append(Entity(eid, name, cluster.label, tuple(aliases)))
    result = [
        Mention(
            Span(article_id, m.start, m.end),
            m.text,
            clusters[m.cluster].label if m.cluster is not None else m.label,
            ids[m.cluster] if m.cluster is not None else None,
        )
        for m in mentions
    ]
    return result, _dedupe(entities)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    """Two clusters with the same label and canonical name share an id: keep one record, union aliases."""
    merged: dict[str, Entity] = {}
    for e in entities:
        if e.id in merged:
            old = merged[e.id]
            merged[e.id] = Entity(e.id, old.name, old.label, tuple(dict.fromkeys(old.aliases + e.aliases)))
        else:
            merged[e.id] = e
    return list(merged.values())

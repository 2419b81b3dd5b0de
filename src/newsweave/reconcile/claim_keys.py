"""What a claim's participants are called, for alignment (helpers of :mod:`.claims`): comparable keys for a
phrase — its entity's names and aliases, proper nouns, head lemma, titles, its possessor ("his residence", "the
house of the Prime Minister") —, the name a pronoun subject stands for, and the titles a report puts before names."""

from __future__ import annotations

from .lexicons import KEY_SYNONYMS, REPORTING_VERBS, normalise_key
from .reading import Reading
from .syntax import _NUMBER_NOUNS, PERSON_NOUNS, PRONOUNS, TITLE_WORDS, _statement_for


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
                        keys |= {
                            f"of:{k}" for k in _keys_for(g, reading, titles, depth=depth + 1) if ":" not in k
                        }
    if tok.lower_ in PRONOUNS:
        ref = _resolve_pronoun(tok)
        if ref is not None:
            tok = ref
        else:
            return keys
    ents = {e.id: e for e in reading.entities}
    for m in reading.mentions:
        if m.span.start <= tok.idx < m.span.end and m.label in (
            "PERSON",
            "ORG",
            "GPE",
            "NORP",
            "FAC",
            "LOC",
            "PRONOUN",
            "NOMINAL",
        ):
            if m.entity_id and m.entity_id in ents:
                e = ents[m.entity_id]
                keys.update(_name_keys(e.name))
                for a in e.aliases:
                    keys.update(_name_keys(a))
            elif m.label in ("PERSON", "ORG", "FAC"):
                keys.update(_name_keys(m.text))
    head = KEY_SYNONYMS.get(tok.lemma_.lower(), tok.lemma_.lower())
    if tok.pos_ == "NUM" or tok.lower_ in _NUMBER_NOUNS or head in ("other", "others", "nobody", "noone", "no-one"):
        head = "person"  # "50 were hurt", "dozens were hurt": people
    if head == "one" and any(c.lower_ == "no" for c in tok.children):
        head = "person"  # "no one"
    if tok.pos_ == "PROPN":
        keys.update(_name_keys(doc[tok.left_edge.i : tok.i + 1].text))
        keys.add(normalise_key(tok.text))
    elif head not in ("one", "it", "they", "this", "that", "which", "who"):
        keys.add(head)
        if head in PERSON_NOUNS:
            keys.add("person")  # "two co-workers" / "two people": a weak key, but a shared one
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


_SINGULAR = frozenset({"he", "she", "him", "her"})
_PLURAL = frozenset({"they", "them"})
_GROUP_KINDS = frozenset({"ORG", "GPE", "NORP"})


def _pronoun_name(tok, reading: Reading) -> str | None:
    """The name a personal pronoun subject stands for ("She was not charged" → "Lindsay Lohan"): the entity the
    analysis linked the pronoun to (not a guess from the nearest name before it). "he"/"she" stand only for a
    person, "they" only for an organisation, a country or a group ("they" is seldom one person); a name must be
    a proper name. ``None`` when unsure."""
    word = tok.lower_
    if tok.pos_ != "PRON" or word not in _SINGULAR | _PLURAL:
        return None
    kinds = {"PERSON"} if word in _SINGULAR else _GROUP_KINDS
    ents = {e.id: e for e in reading.entities}
    for m in reading.mentions:
        if m.span.start <= tok.idx < m.span.end and m.entity_id in ents:
            e = ents[m.entity_id]
            return e.name if e.label in kinds and e.name[:1].isupper() else None
    return None


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

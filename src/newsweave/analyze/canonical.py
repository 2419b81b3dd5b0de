"""Canonical entities of a story: the per-report entities of all its reports, merged.

Two report-level entities are the same story-level entity when, with compatible labels:

* a name or alias of one equals one of the other after normalisation (case, hyphens, diacritics, a leading
  article, dotted initialisms: "Al-Rawi" = "al-Rawi", "U.S." = "US");
* they belong to the same group of the bundled table of well-known alternative names ("AP" = "Associated
  Press", "UK" = "Britain");
* they are the same person with or without surname particles ("Ali Rawi" = "Ali al-Rawi");
* one is known only by a surname and exactly one full-name person of the story has that surname;
* one is a bare acronym and exactly one non-person entity's name has those initials;
* they are persons whose full names are spellings of one name ("Heydar Alishvandi" = "Heidar Alishbandi": each
  word the same or, from five letters, the same first letter and consonants after the swaps transliterations
  make — y/i, b/v, w/v, q/k, c/k, kh/k, ph/f, z/s);
* they are places named with and without their kind ("Qeshm Island" = "Qeshm", "Hormozgan Province" =
  "Hormozgan"; never "city" or "state": Mexico City is not Mexico, Washington State not Washington).

Role aliases ("Prime Minister", "President") are never used to merge: every country has one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from ..model import Entity, Mention
from . import names as nm

__all__ = ["labels_compatible", "merge_story_entities"]

_PERSONISH = frozenset({"PERSON", "ORG"})
_PLACEISH = frozenset({"GPE", "LOC", "FAC"})
_LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
_INSTITUTION_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART"})
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})


def labels_compatible(a: str, b: str) -> bool:
    """Labels NER confuses for the same referent (PERSON/ORG, GPE/LOC/FAC, GPE/ORG) are compatible."""
    if a == b:
        return True
    pair = {a, b}
    return pair <= _PERSONISH or pair <= _PLACEISH or pair == {"GPE", "ORG"}


def _names(entity: Entity) -> list[str]:
    return [entity.name, *(a for a in entity.aliases if not nm.is_role(a))]


def _keys(entity: Entity) -> set[str]:
    keys: set[str] = set()
    for name in _names(entity):
        keys |= nm.match_keys(name, entity.label)
    return keys


class _Groups:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for i in self.parent:
            out[self.find(i)].append(i)
        return out


def _runs_on(alias: str, name: str) -> bool:
    """A headline form glued to a person's name ("Lindsay Lohan Checks Out" for "Lindsay Lohan"): the name and
    more words, not a suffix ("Jr.", "III")."""
    if not alias.startswith(name + " "):
        return False
    rest = alias[len(name) + 1 :].split()
    return bool(rest) and rest[0].lower().rstrip(".,") not in {"jr", "sr", "ii", "iii", "iv"}


def merge_story_entities(
    per_article: Mapping[str, tuple[list[Mention], list[Entity]]],
) -> tuple[dict[str, str], list[Entity]]:
    """Merge the entities of a story's reports.

    ``per_article`` maps article id → (mentions, entities) as returned by
    :func:`~newsweave.analyze.entities.extract_mentions`. Returns a mapping from every report-level
    entity id to its story-level entity id, and the story-level entities (ordered by first appearance),
    each named with its longest full name and carrying the other names and roles as aliases.
    """
    entities: dict[str, Entity] = {}
    weight: Counter[str] = Counter()
    spoken_of: set[str] = set()  # entities some "he"/"she" refers to: people, whatever their names look like
    order: dict[str, int] = {}
    for mentions, article_entities in per_article.values():
        for e in article_entities:
            if e.id in entities:
                old = entities[e.id]
                entities[e.id] = Entity(
                    e.id, old.name, old.label, tuple(dict.fromkeys(old.aliases + e.aliases))
                )
            else:
                entities[e.id] = e
                order[e.id] = len(order)
        for m in mentions:
            if m.entity_id:
                weight[m.entity_id] += 1
                if m.text.lower() in _PERSONAL_PRONOUNS:
                    spoken_of.add(m.entity_id)
    groups = _Groups(entities)

    def label_of(members: list[str]) -> str:
        votes: Counter[str] = Counter()
        for i in members:
            votes[entities[i].label] += max(1, weight[i])
        return min(votes, key=lambda lab: (-votes[lab], _LABEL_PRIORITY.get(lab, 9)))

    # 1. equal names, alias-table groups, particle-insensitive person names
    seen: dict[str, list[str]] = defaultdict(list)
    for eid, e in entities.items():
        for key in sorted(_keys(e)):
            for other in seen[key]:
                if labels_compatible(entities[other].label, e.label):
                    groups.union(other, eid)
                    break
            seen[key].append(eid)

    # 2. surname-only persons join the unique full-name person with that surname
    current = groups.members()
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for root, members in current.items():
        if label_of(members) == "PERSON":
            for i in members:
                for name in _names(entities[i]):
                    if not nm.is_surname_only(name) and not nm.is_acronym(name):
                        full_by_surname[nm.surname(name) or ""].add(root)
    for root, members in current.items():
        names = [n for i in members for n in _names(entities[i])]
        if label_of(members) in _PERSONISH and all(nm.is_surname_only(n) for n in names):
            targets = full_by_surname.get(nm.surname(names[0]) or "", set()) - {root}
            if len(targets) == 1:
                groups.union(next(iter(targets)), root)

    # 3. bare acronyms join the unique non-person entity with those initials
    current = groups.members()
    by_initials: dict[str, set[str]] = defaultdict(set)
    for root, members in current.items():
        if label_of(members) != "PERSON":
            for i in members:
                for name in _names(entities[i]):
                    initials = None if nm.is_acronym(name) else nm.acronym_of(name)
                    if initials:
                        by_initials[initials].add(root)
    for root, members in current.items():
        names = [n for i in members for n in _names(entities[i])]
        if label_of(members) != "PERSON" and all(nm.is_acronym(n) for n in names):
            targets = by_initials.get(names[0].replace(".", "").upper(), set()) - {root}
            if len(targets) == 1:
                groups.union(next(iter(targets)), root)

    # 4. one person's name spelled two ways ("Heydar Alishvandi" / "Heidar Alishbandi")
    current = groups.members()
    persons = [(root, [n for i in members for n in _names(entities[i]) if not nm.is_surname_only(n)])
               for root, members in current.items() if label_of(members) == "PERSON"]
    for k, (root_a, names_a) in enumerate(persons):
        for root_b, names_b in persons[k + 1:]:
            if any(nm.spelling_variants(x, y) for x in names_a for y in names_b):
                groups.union(root_a, root_b)

    # 5. a place with and without its kind ("Qeshm Island" / "Qeshm"), when only one place has that name
    current = groups.members()
    by_bare: dict[str, set[str]] = defaultdict(set)
    for root, members in current.items():
        if label_of(members) in _PLACEISH:
            for i in members:
                for name in _names(entities[i]):
                    by_bare[nm.place_key(name)].add(root)
    for roots in by_bare.values():
        if 1 < len(roots) <= 2:
            a, b = sorted(roots)
            groups.union(a, b)

    # 6. a person's name with and without a middle name or initial ("Mark Jay Heller" / "Mark Heller"), when no
    # third person has that first and last name
    current = groups.members()
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    for root, members in current.items():
        if label_of(members) == "PERSON":
            for i in members:
                for name in _names(entities[i]):
                    words = nm.name_tokens(name)
                    if len(words) >= 2:
                        by_ends[(words[0], words[-1])].add(root)
    for roots in by_ends.values():
        if len(roots) == 2:
            groups.union(*sorted(roots))

    # 7. an institution with and without the word for its kind ("Morningside Recovery" / "Morningside Recovery
    # Center", "Betty Ford Center" / "Clinic" / "Centre" / "Treatment Center"), whatever the tagger called each
    # (ORG, FAC, WORK_OF_ART), and a two-word "person" named like it ("checked into Betty Ford"): one place
    current = groups.members()
    by_core: dict[str, set[str]] = defaultdict(set)
    institutions: set[str] = set()
    named_as_institution: set[str] = set()
    for root, members in current.items():
        label = label_of(members)
        for i in members:
            for name in _names(entities[i]):
                core, stripped = nm.institution_key(name)
                if nm.is_acronym(name.split()[0]) and len(core.split()) == 1:
                    continue  # "CNN" and "CNN Center": the network and its building
                if label in _INSTITUTION_LABELS and core:
                    by_core[core].add(root)
                    if stripped:
                        institutions.add(core)
                        named_as_institution.add(i)
                elif (label == "PERSON" and core and len(core.split()) >= 2 and not stripped
                      and not any(m in spoken_of for m in members)):
                    by_core[core].add(root)
    for core, roots in by_core.items():
        if core in institutions and len(roots) > 1:
            first, *rest = sorted(roots)
            for r in rest:
                groups.union(first, r)

    mapping: dict[str, str] = {}
    story: list[tuple[int, Entity]] = []
    for members in groups.members().values():
        label = label_of(members)
        if label == "PERSON" and any(i in named_as_institution for i in members):
            label = label_of([i for i in members if entities[i].label != "PERSON"])  # "Betty Ford" (Center)
        forms: list[str] = []
        institution = label != "PERSON" and any(i in named_as_institution for i in members)
        for i in sorted(members, key=lambda i: order[i]):
            if institution and entities[i].label == "PERSON":
                continue  # named by its own names ("Betty Ford Center"), not the person's it is named after
            forms.extend([entities[i].name] * max(1, weight[i]))
            forms.extend(a for a in entities[i].aliases if not nm.is_role(a))
        name = nm.choose_name(forms)
        story_id = nm.entity_id(label, name)
        aliases: dict[str, None] = {}
        for i in sorted(members, key=lambda i: order[i]):
            for alias in (entities[i].name, *entities[i].aliases):
                if alias != name and (label == "PERSON" or not nm.is_role(alias)) and not (
                        label == "PERSON" and _runs_on(alias, name)):  # no "Attorney" for a clinic
                    aliases[alias] = None
        for i in members:
            mapping[i] = story_id
        story.append((min(order[i] for i in members), Entity(story_id, name, label, tuple(aliases))))
    story.sort(key=lambda item: item[0])
    return mapping, [e for _, e in story]

"""Grouping the name mentions of one report into entity clusters.

Names are grouped when equal after normalisation (:func:`~newsweave.analyze.names.match_keys`), when an
acronym is defined next to a name (``"The Associated Press (AP)"``), when a surname-only or given-name-only
reference matches exactly one full name, and when a bare acronym matches the initials of exactly one name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import names as nm
from .coref import RawMention

__all__ = ["Cluster", "cluster_names"]

_LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


@dataclass(slots=True)
class Cluster:
    """One entity of a report while it is being built: its mentions, roles, qualifiers and acronyms."""

    members: list[int] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # role key -> display form
    qualifiers: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    gender: str | None = None
    label: str = ""


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _acronym_definitions(text: str, mentions: list[RawMention]) -> dict[int, str]:
    """``"The Associated Press (AP)"`` → {index of the mention: "AP"}."""
    found: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.kind != "name" or m.label in ("PERSON", "NORP") or nm.is_acronym(m.text):
            continue
        match = _ACRONYM_AFTER.match(text, m.end)
        if match and nm.is_acronym(match.group(1)):
            acronym = match.group(1)
            initials = nm.acronym_of(m.text) or ""
            if acronym.replace(".", "").upper()[:1] == initials[:1]:
                found[i] = acronym
    return found


def _acts_like_person(m: RawMention) -> bool:
    """A name NER took for a place that behaves like a person: subject of a clause or a possessor."""
    return m.label in ("GPE", "LOC", "FAC") and (m.subject or m.possessive)


def cluster_names(text: str, mentions: list[RawMention]) -> list[Cluster]:
    n = len(mentions)
    uf = _UnionFind(n)
    by_key: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for key in sorted(nm.match_keys(m.text, m.label)):
            if key in by_key:
                uf.union(by_key[key], i)
            else:
                by_key[key] = i
    definitions = _acronym_definitions(text, mentions)
    for i, acronym in definitions.items():
        key = nm.normalize_name(acronym)
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i

    def groups() -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            out[uf.find(i)].append(i)
        return out

    def majority_label(members: list[int]) -> str:
        # a full name the NER calls a person outweighs its bare surname called an organisation ("Roe said")
        if any(mentions[i].label == "PERSON" and not nm.is_surname_only(mentions[i].text) for i in members) and all(
            mentions[i].label == "PERSON" or nm.is_surname_only(mentions[i].text) for i in members
        ):
            return "PERSON"
        counts = Counter(mentions[i].label for i in members)
        return min(counts, key=lambda lab: (-counts[lab], _LABEL_PRIORITY.get(lab, 9)))

    def person_like(members: list[int]) -> bool:
        """Some mention NER took for a person, or all ORG / place names acting like one."""
        return any(mentions[i].label == "PERSON" for i in members) or all(
            mentions[i].label == "ORG" or _acts_like_person(mentions[i]) for i in members
        )

    # surname-only references ("Al-Rawi", "Ruiz") join the unique full-name person with that surname
    current = groups()
    full_by_surname: dict[str, set[int]] = defaultdict(set)
    for root, members in current.items():
        if majority_label(members) == "PERSON":
            for i in members:
                if not nm.is_surname_only(mentions[i].text) and mentions[i].label == "PERSON":
                    full_by_surname[nm.surname(mentions[i].text) or ""].add(root)
    for root, members in current.items():
        if all(nm.is_surname_only(mentions[i].text) for i in members) and person_like(members):
            targets = full_by_surname.get(nm.surname(mentions[members[0]].text) or "", set())
            if len(targets) == 1:
                uf.union(next(iter(targets)), root)

    # a one- or two-word organisation or team ("Colts", "Daily News") joins the unique longer organisation it ends
    # ("Indianapolis Colts", "New York Daily News"), whatever the tagger called one word alone ("Jaguars" a person)
    current = groups()
    org_by_last: dict[str, set[int]] = defaultdict(set)
    for root, members in current.items():
        if majority_label(members) == "ORG":
            for i in members:
                tokens = nm.name_tokens(mentions[i].text)
                if any(w in ("of", "for", "and", "the", "de") for w in tokens):
                    continue  # "University of Athens" is not called "Athens"
                for k in range(1, min(3, len(tokens))):  # its last word, its last two ("Daily News")
                    org_by_last[" ".join(tokens[-k:])].add(root)
    for root, members in current.items():
        tokens = {tuple(nm.name_tokens(mentions[i].text)) for i in members}
        if len(tokens) != 1 or len(next(iter(tokens))) > 2:
            continue
        words = next(iter(tokens))
        labels = {mentions[i].label for i in members}
        if (labels <= {"ORG"} or len(words) == 1 and labels <= {"ORG", "PERSON"} and words[0].endswith("s")
                and len(words[0]) > 3):
            targets = org_by_last.get(" ".join(words), set()) - {root}
            if len(targets) == 1:
                uf.union(next(iter(targets)), root)

    # given-name-only references ("Ellen") join the unique full-name person with that given name
    current = groups()
    full_by_given: dict[str, set[int]] = defaultdict(set)  # PERSON and ORG names: "Ann Lee", "Ann Taylor Inc"
    for root, members in current.items():
        for i in members:
            tokens = nm.name_tokens(mentions[i].text)
            if len(tokens) >= 2 and mentions[i].label in ("PERSON", "ORG"):
                full_by_given[tokens[0]].add(root)
    for root, members in current.items():
        tokens = {tuple(nm.name_tokens(mentions[i].text)) for i in members}
        if len(tokens) == 1 and len(next(iter(tokens))) == 1 and person_like(members):
            given = next(iter(tokens))[0]
            targets = full_by_given.get(given, set()) - {root}
            if (
                len(targets) == 1
                and given not in full_by_surname
                and majority_label(current[next(iter(targets))]) == "PERSON"
            ):
                uf.union(next(iter(targets)), root)

    # bare acronyms ("UN") join the unique non-person entity whose name has those initials
    current = groups()
    by_initials: dict[str, set[int]] = defaultdict(set)
    for root, members in current.items():
        if majority_label(members) != "PERSON":
            for i in members:
                initials = None if nm.is_acronym(mentions[i].text) else nm.acronym_of(mentions[i].text)
                if initials:
                    by_initials[initials].add(root)
    for root, members in current.items():
        if all(nm.is_acronym(mentions[i].text) for i in members) and majority_label(members) != "PERSON":
            key = mentions[members[0]].text.replace(".", "").upper()
            targets = by_initials.get(key, set()) - {root}
            if len(targets) == 1:
                uf.union(next(iter(targets)), root)

    clusters: list[Cluster] = []
    for members in sorted(groups().values(), key=lambda ms: ms[0]):
        cluster = Cluster(members=sorted(members), label=majority_label(members))
        for i in members:
            m = mentions[i]
            if m.role and not nm.is_honorific(m.role):
                cluster.roles.setdefault(nm.role_key(m.role), m.role)
                if m.qualifier:
                    cluster.qualifiers.add(m.qualifier)
            if m.gender and not cluster.gender:
                cluster.gender = m.gender
            if nm.is_acronym(m.text):
                cluster.acronyms.add(m.text)
            if i in definitions:
                cluster.acronyms.add(definitions[i])
        for i in members:
            mentions[i].cluster = len(clusters)
        clusters.append(cluster)
    return clusters

"""One id for the same organisation or person across documents.

Countries and commodities already carry global ids (ISO3, lexicon ids). Organisations and
people carry per-name ids (``org:us strategic metals``); here names that mean the same body
are linked to one canonical id, and every link keeps its reason:

- the same normalised name ("U.S. Strategic Metals Inc." = "US Strategic Metals");
- an acronym a document declared ("US Strategic Metals (USSM)") used alone elsewhere;
- a bare acronym that spells the initials of exactly one known name.

An acronym claimed by two different bodies links neither.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .unionfind import UnionFind

LEGAL_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp",
                  "sa", "ag", "nv", "bv", "se", "spa", "ab", "asa", "oyj", "pty", "tbk", "bhd", "sab", "de cv", "gmbh"}
PERSON_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "professor"}
_ACRONYM_SKIP = {"of", "and", "the", "for", "de", "du", "des", "la", "le", "&"}
_PLACE_FORMS = {"united states": "us", "united kingdom": "uk", "people s republic of china": "prc"}


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """An ORG or PERSON entity as stored: id, kind, name, declared aliases, how often it is mentioned."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class EntityLink:
    """``entity_id`` is the same real-world thing as ``canonical_id``, because ``reason``."""

    entity_id: str
    canonical_id: str
    reason: str


def name_key(name: str, kind: str = "ORG") -> str:
    """A comparison key: lower case, dots and punctuation gone, legal suffixes and titles dropped."""
    low = name.lower().replace("&", " and ").replace("’", "'")
    low = re.sub(r"(?<=\b\w)\.", "", low)          # u.s. -> us
    low = re.sub(r"[^\w\s]", " ", low)
    words = low.split()
    if words and words[0] == "the":
        words = words[1:]
    if kind == "PERSON":
        words = [w for w in words if w not in PERSON_TITLES]
    else:
        while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
            words = words[:-1]
    key = " ".join(words)
    for long, short in _PLACE_FORMS.items():
        key = re.sub(rf"\b{long}\b", short, key)
    return key


def initials(name: str) -> str:
    """The acronym a name would have: first letters, all letters of short capitalised words ("US")."""
    out = []
    for word in re.sub(r"(?<=\b\w)\.", "", name).replace("-", " ").split():
        if word.lower() in _ACRONYM_SKIP:
            continue
        if word.isupper() and 2 <= len(word) <= 3:
            out.append(word)
        elif word[:1].isalpha():
            out.append(word[0].upper())
    return "".join(out)


def _is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", name.replace(".", "")))


def link_entities(entities: Sequence[NamedEntity]) -> list[EntityLink]:
    """A link for every entity to its group's canonical id (itself when alone), with the reason."""
    groups = UnionFind(e.id for e in entities)
    reasons: dict[str, str] = {}
    by_key: dict[tuple[str, str], list[NamedEntity]] = defaultdict(list)
    for e in entities:
        by_key[(e.kind, name_key(e.name, e.kind))].append(e)
    for (_kind, key), same in by_key.items():
        for other in same[1:]:
            groups.union(same[0].id, other.id)
            reasons[other.id] = f"same normalised name '{key}'"
    _link_declared_acronyms(entities, by_key, groups, reasons)
    _link_initials(entities, by_key, groups, reasons)
    return _canonical_links(entities, groups, reasons)


def _link_declared_acronyms(entities: Sequence[NamedEntity], by_key: dict[tuple[str, str], list[NamedEntity]],
                            groups: UnionFind, reasons: dict[str, str]) -> None:
    claims: dict[str, set[str]] = defaultdict(set)   # acronym key -> long-form keys that declared it
    owner: dict[str, NamedEntity] = {}
    for e in entities:
        if e.kind != "ORG":
            continue
        for alias in e.aliases:
            claims[name_key(alias)].add(name_key(e.name))
            owner.setdefault(name_key(alias), e)
    for alias_key, long_keys in claims.items():
        if len(long_keys) != 1:
            continue  # the same letters stand for two bodies: link neither
        declared = owner[alias_key]
        for bare in by_key.get(("ORG", alias_key), []):
            groups.union(declared.id, bare.id)
            reasons.setdefault(bare.id, f"acronym '{bare.name}' declared for '{declared.name}'")


def _link_initials(entities: Sequence[NamedEntity], by_key: dict[tuple[str, str], list[NamedEntity]],
                   groups: UnionFind, reasons: dict[str, str]) -> None:
    spelled: dict[str, set[str]] = defaultdict(set)
    first: dict[str, NamedEntity] = {}
    for e in entities:
        if e.kind == "ORG" and not _is_acronym(e.name) and len(e.name.split()) >= 3:
            letters = initials(e.name)
            spelled[letters].add(name_key(e.name))
            first.setdefault(letters, e)
    for e in entities:
        if e.kind != "ORG" or not _is_acronym(e.name) or e.id in reasons or len(e.name) < 3:
            continue
        long_keys = spelled.get(e.name.replace(".", "").upper(), set())
        if len(long_keys) == 1:
            target = first[e.name.replace(".", "").upper()]
            groups.union(target.id, e.id)
            reasons[e.id] = f"'{e.name}' spells the initials of '{target.name}'"


def _canonical_links(entities: Sequence[NamedEntity], groups: UnionFind, reasons: dict[str, str]) -> list[EntityLink]:
    by_id = {e.id: e for e in entities}
    out: list[EntityLink] = []
    for members in groups.groups():
        # The fullest name stands for the group: not an acronym, most words, most mentions, plainest spelling.
        keys = {i: name_key(by_id[i].name, by_id[i].kind) for i in members}
        canonical = min(members, key=lambda i: (_is_acronym(by_id[i].name), -len(keys[i].split()), -by_id[i].mentions,
                                                len(by_id[i].name), i))
        for member in members:
            if member == canonical:
                reason = "canonical"
            elif keys[member] == keys[canonical]:
                reason = f"same normalised name '{keys[member]}'"
            else:
                reason = reasons.get(member, "linked through another name")
            out.append(EntityLink(member, canonical, reason))
    return out

"""Entities of one article: countries and commodities from the gazetteers, organisations and
people from spaCy's NER, cleaned, with acronyms linked to their long forms ("US Strategic Metals (USSM)").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import Match, country_forms, find_commodities, find_countries

ORG_KIND_CUES = [
    ("GOVERNMENT", re.compile(r"\b(ministry|minister|department|government|cabinet|agency|administration|commission|"
                              r"board of|bureau|council|parliament|congress|senate|customs|treasury|mint|authority|"
                              r"office|state|federal|regulator)\b", re.I)),
    ("MILITARY", re.compile(r"\b(army|military|defen[cs]e|navy|air force|frontier works)\b", re.I)),
    ("MEDIA", re.compile(r"\b(newswire|news|times|journal|post|reuters|bloomberg|press|television|tv|radio|gazette|xinhua)\b", re.I)),
    ("INTERNATIONAL", re.compile(r"\b(association of|organi[sz]ation of|united nations|world bank|imf|international|"
                                 r"opec|asean|union of|council of)\b", re.I)),
]
_ORG_JUNK = re.compile(r"^(reuters?|the company|company|group|government|ministry|board|reuter|dlrs|pct|mln|bln|"
                       r"ltd|inc|corp|co|plc|llc|ag|sa|nv|gmbh|q[1-4]|fy\d*|ceo|cfo|ipo|eps|gdp|lme|comex)$", re.I)
_LEADING_THE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(’s|'s)$")
_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_REUTERS_COMPANY = re.compile(r"<([A-Z][^<>\n]{1,80}?)>")
_TICKER = re.compile(r"^[A-Z]{1,5}(\.[A-Z]{1,3})?$")


@dataclass
class Org:
    """An organisation found in the text, with the forms used and where."""

    name: str
    aliases: set[str] = field(default_factory=set)
    kind: str = "COMPANY"
    country: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Person:
    """A person found in the text."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Entities:
    """Every entity of an article, with mention offsets into its text."""

    countries: list[Match]
    commodities: list[Match]
    orgs: dict[str, Org]
    persons: dict[str, Person]

    def country_ids(self) -> list[str]:
        return _by_frequency(m.id for m in self.countries)

    def commodity_ids(self) -> list[str]:
        return _by_frequency(m.id for m in self.commodities)

    def org_in(self, start: int, end: int) -> list[str]:
        """Names of organisations mentioned between two offsets."""
        return [o.name for o in self.orgs.values() if any(start <= a < end for a, _ in o.spans)]

    def persons_in(self, start: int, end: int) -> list[str]:
        return [p.name for p in self.persons.values() if any(start <= a < end for a, _ in p.spans)]

    def main_org(self) -> str | None:
        """The story's subject: the company mentioned most, the earliest breaking ties."""
        companies = [o for o in self.orgs.values() if o.kind == "COMPANY" and o.spans] or [o for o in self.orgs.values() if o.spans]
        if not companies:
            return None
        return min(companies, key=lambda o: (-len(o.spans) - (2 if min(a for a, _ in o.spans) < 300 else 0),
                                             min(a for a, _ in o.spans))).name


def _by_frequency(ids: Any) -> list[str]:
    return [k for k, _ in Counter(ids).most_common()]


def find_entities(text: str, doc: Any) -> Entities:
    """Entities of an article whose spaCy Doc is ``doc`` (made from ``text``)."""
    orgs = _organisations(text, doc)
    org_spans = [s for o in orgs.values() for s in o.spans]
    countries = [m for m in find_countries(text) if not _inside(m, org_spans) and not _is_dateline(text, m)]
    commodities = [m for m in find_commodities(text) if not _inside(m, org_spans)]
    persons = _persons(text, doc, orgs)
    for org in orgs.values():
        org.country = org.country or _org_country(org, text)
    return Entities(countries, commodities, orgs, persons)


def _inside(m: Match, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b and (b - a) > (m.end - m.start) for a, b in spans)


def _is_dateline(text: str, m: Match) -> bool:
    """A capital that opens the article ("BEIJING, Oct 9 -") is a place, not the government."""
    return m.kind == "capital" and m.start < 40 and text[:m.start].strip() == ""


def _clean_org_name(name: str) -> str:
    name = " ".join(name.split())
    if name.count("(") != name.count(")"):
        name = name.split(" (")[0].split("(")[0]
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name).strip(" ,.-'\"“”’")
    return name


def _organisations(text: str, doc: Any) -> dict[str, Org]:
    countries = {k.lower() for k in country_forms()}
    orgs: dict[str, Org] = {}

    def add(name: str, start: int, end: int) -> None:
        name = _clean_org_name(name)
        if len(name) < 2 or _ORG_JUNK.match(name) or name.lower() in countries or not name[:1].isupper():
            return
        if sum(c.isdigit() for c in name) > 2 or name.isupper() and len(name) > 12:
            return
        key = _org_key(name, orgs)
        org = orgs.setdefault(key, Org(name=name))
        if len(name) > len(org.name) and name.lower().startswith(org.name.lower()):
            org.aliases.add(org.name)
            org.name = name
        elif name != org.name:
            org.aliases.add(name)
        org.spans.append((start, end))

    for m in _REUTERS_COMPANY.finditer(text):
        add(m.group(1), m.start(1), m.end(1))
    for ent in doc.ents:
        if ent.label_ == "ORG":
            add(ent.text, ent.start_char, ent.end_char)
    _link_acronyms(text, orgs)
    for org in orgs.values():
        org.kind = _org_kind(org)
    return {o.name: o for o in _merge_short_forms(orgs)}


def _org_key(name: str, orgs: dict[str, Org]) -> str:
    low = name.lower()
    for key, org in orgs.items():
        forms = {org.name.lower(), *(a.lower() for a in org.aliases)}
        if low in forms or any(f.startswith(low + " ") or low.startswith(f + " ") for f in forms if len(f) > 3 and len(low) > 3):
            return key
    return name


def _merge_short_forms(orgs: dict[str, Org]) -> list[Org]:
    """Fold an org whose name is an alias (acronym) of another into it."""
    out: list[Org] = []
    for org in sorted(orgs.values(), key=lambda o: -len(o.name)):
        host = next((o for o in out if org.name in o.aliases or org.name.lower() == o.name.lower()), None)
        if host:
            host.spans += org.spans
            host.aliases |= org.aliases - {host.name}
        else:
            out.append(org)
    return out


def _link_acronyms(text: str, orgs: dict[str, Org]) -> None:
    """'US Strategic Metals (USSM)': the bracketed acronym becomes an alias of the org before it."""
    for m in _ACRONYM_AFTER.finditer(text):
        acronym = m.group(1)
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        letters = re.sub(r"[^A-Z]", "", acronym)
        for org in orgs.values():
            if before.endswith(org.name) or any(before.endswith(a) for a in org.aliases):
                if _initials_match(org.name, letters):
                    org.aliases.add(acronym)
                    org.spans.append((m.start(1), m.end(1)))
                break
        else:
            words = re.findall(r"[A-Z][\w&.-]*|of|and|for|the|de", before.split("\n")[-1])
            name = _name_for_acronym(words, letters)
            if name:
                org = orgs.setdefault(name, Org(name=name))
                org.aliases.add(acronym)
                org.spans.append((m.start(1), m.end(1)))
    for org in orgs.values():
        for acronym in list(org.aliases):
            if acronym.isupper():
                for hit in re.finditer(rf"\b{re.escape(acronym)}\b", text):
                    org.spans.append((hit.start(), hit.end()))


def _initials_match(name: str, letters: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w&.-]*", name) if w[0].isupper())
    return bool(letters) and (initials.upper().startswith(letters[:2]) or letters in initials.upper())


def _name_for_acronym(words: list[str], letters: str) -> str | None:
    """The capitalised words before an acronym whose initials spell it."""
    for n in range(len(words), 0, -1):
        cand = words[-n:]
        if cand[0][0].isupper() and "".join(w[0] for w in cand if w[0].isupper()).upper() == letters.upper():
            return " ".join(cand)
    return None


def _org_kind(org: Org) -> str:
    names = " ".join([org.name, *org.aliases])
    for kind, cue in ORG_KIND_CUES:
        if cue.search(names):
            return kind
    return "COMPANY"


def _org_country(org: Org, text: str) -> str | None:
    for m in find_countries(org.name):
        return m.id
    first = org.spans[0][0] if org.spans else 0
    window = text[max(0, first - 60):first]
    hits = list(find_countries(window))
    return hits[-1].id if hits and hits[-1].kind in ("demonym", "name") and first - hits[-1].end < 40 else None


_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w.&-]*\s+){0,4}(?:spokes(?:wo)?man|spokesperson|minister|president|chairman|chief executive|"
                          r"ceo|director|secretary|governor|premier|prime minister|analyst|official|manager|chief|head)"
                          r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)?)\s*,?\s*$", re.I)


def _persons(text: str, doc: Any, orgs: dict[str, Org]) -> dict[str, Person]:
    org_names = {o.name.lower() for o in orgs.values()} | {a.lower() for o in orgs.values() for a in o.aliases}
    persons: dict[str, Person] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _POSSESSIVE.sub("", " ".join(ent.text.split())).strip(" ,.")
        if len(name) < 3 or name.lower() in org_names or not name[:1].isupper() or any(c.isdigit() for c in name):
            continue
        key = next((k for k in persons if name in k.split() or k in name.split()), None)
        if key and len(name) > len(key):
            persons[name] = persons.pop(key)
            persons[name].name = name
            key = name
        person = persons.setdefault(key or name, Person(name=name))
        person.spans.append((ent.start_char, ent.end_char))
        if person.role is None:
            m = _ROLE_BEFORE.search(text[max(0, ent.start_char - 80):ent.start_char])
            if m:
                person.role = " ".join(m.group(1).split())
    return {p.name: p for p in persons.values() if " " in p.name or len(p.spans) > 1}

"""Entities of one article: countries and commodities from the gazetteers, organisations and
people from spaCy's NER, cleaned, with acronyms linked to their long forms ("US Strategic Metals (USSM)").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .gazetteer import Match, commodity_forms, country_forms, find_commodities, find_countries

ORG_KIND_CUES = [
    ("GOVERNMENT", re.compile(r"\b(ministry|minister|department|government|cabinet|agency|administration|commission|"
                              r"board of|bureau|council|parliament|congress|senate|customs|treasury|mint|authority|"
                              r"office|state|federal|regulator)\b", re.I)),
    ("MILITARY", re.compile(r"\b(army|military|defen[cs]e|navy|air force|frontier works)\b", re.I)),
    ("MEDIA", re.compile(r"\b(newswire|news|times|journal|post|reuters|bloomberg|press|television|tv|radio|gazette|xinhua)\b", re.I)),
    ("INTERNATIONAL", re.compile(r"\b(association of|organi[sz]ation of|united nations|world bank|imf|international|"
                                 r"opec|asean|union of|council of)\b", re.I)),
]
_ORG_JUNK = re.compile(r"^(reuter|the company|company|group|government|ministry|board|dlrs|pct|mln|bln|"
                       r"ltd|inc|corp|co|plc|llc|ag|sa|nv|gmbh|q[1-4]|fy\d*|ceo|cfo|ipo|eps|gdp)$", re.I)
_LEADING_THE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(’s|'s)$")
_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_REUTERS_COMPANY = re.compile(r"<([A-Z][^<>\n]{1,80}?)>")
_TICKER_LIKE = re.compile(r"^[A-Z0-9]{1,6}[.:][A-Z0-9]{1,4}$|[a-z][A-Z0-9]|\d")
# Places of work named like organisations: "Pueblo Viejo mine", "Manna Lithium Project".
_FACILITY_AFTER = re.compile(r"^\W{0,2}(?:gold |copper |lithium |nickel |zinc |iron ore )?(?:mines?|projects?|deposits?|property|"
                             r"prospects?|claims|operations?|site|complex|field|concession|pit|tenements?|license|licence)\b", re.I)
_FACILITY_WORDS = re.compile(r"\b(?:mine|project|deposit|property|prospect|claims|reserve|tenement|works)s?$", re.I)
_NOT_ORG_ENDINGS = re.compile(r"\b(?:act|regime|memorandum of understanding|agreement|treaty|law|code|index|dollar|prize|award)$", re.I)
NOT_ORG_ACRONYMS = {
    "EV", "EVS", "ATM", "ADR", "ADRS", "GMT", "DLE", "MRE", "FCF", "COO", "CFO", "CEO", "CTO", "RC", "EPC", "SM", "SAO", "OTC",
    "OTCQX", "OTCQB", "EPS", "EBITDA", "EBIT", "IPO", "ETF", "GDP", "CPI", "PMI", "YOY", "QOQ", "FY", "H1", "H2", "AISC",
    "NPV", "IRR", "PFS", "DFS", "JORC", "NI", "LCE", "REE", "REO", "PGM", "APT", "MOU", "JV", "USD", "AUD", "CAD", "GW", "MW",
    "GWH", "MWH", "TWH", "ESG", "AI", "IT", "HR", "PR", "TV", "UK", "US", "EU", "UN", "AM", "PM", "ET", "EST", "UTC",
}
GENERIC_WORDS = {
    "administration", "federal", "institute", "financials", "miners", "tech", "front", "rebar", "government",
    "ministry", "department", "agency", "bank", "exchange", "group", "unit", "division", "company", "board", "council",
    "commission", "central", "national", "state", "industry", "industries", "sector", "mining", "energy", "metals", "equity",
    "placer", "smelting", "non-communist", "communist", "congress", "parliament", "senate", "court", "police", "army",
    "import", "export", "imports", "exports", "market", "markets", "stocks", "shares", "investors", "analysts", "traders",
    "co", "corp", "inc", "ltd", "limited", "sa", "ag", "plc", "llc", "and", "of", "the", "de", "capital", "variable",
    "sociedad", "anonima", "holdings", "resources", "international", "global", "world", "asia", "pacific", "american",
    "investment", "investments", "development", "finance", "trade", "commerce", "planning",
}
_BODY_NOUN = re.compile(r"\b(?:ministry|department|agency|commission|board|bureau|council|office|authority|administration|"
                        r"chamber of \w+|institute|association|federation)$|^(?:board|ministry|department|bureau|office|"
                        r"council|commission|chamber|secretary|minister) of \w+", re.I)
_CAP = r"(?:[A-Z][\w&'’-]*\.?|&|de|del|y|of)"
_NOT_NAME_START = {"But", "And", "Or", "If", "As", "In", "On", "At", "For", "With", "From", "By", "To", "Under", "After", "While",
                   "When", "Its", "Their", "His", "Her", "The", "A", "An", "This", "That", "These", "Those", "Other", "Both",
                   "Shares", "Global", "United", "Bloomberg", "Power", "Mines", "Tin", "Copper", "Gold", "Steel"}
_COMPANY_SUFFIX = (r"(?:Corp(?:oration)?|Inc|Incorporated|Ltd|Limited|plc|PLC|S\.?A\.?|AG|N\.?V\.?|LLC|Co|Company|Group|Holdings|"
                   r"Mining|Minerals|Metals|Resources|Gold|Lithium|Copper|Nickel|Steel|Aluminium|Aluminum|Energy|Exploration|"
                   r"Refining|Technologies|Technology|Industries|Mines|Graphite|Rare Earths|Tungsten|Uranium|Silver|Platinum)")
_COMPANY_NAME = re.compile(rf"\b((?:Grupo |Compa[nñ]ia |Minas |Banco )?[A-Z][\w&'’-]*(?: {_CAP}){{0,4}} {_COMPANY_SUFFIX})\b\.?")
_WITH_TICKER = re.compile(r"\b([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4})\s*\((?:(?:NYSE|NASDAQ|Nasdaq|ASX|TSX|TSXV|LSE|AIM|OTC\w*|"
                          r"NYSEAMERICAN|CSE|JSE|HKEX|ASX|FRA)\s*:\s*)?[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?\)")
_GOVERNMENT_BODY = re.compile(
    r"\b(?:(?:the\s+)?(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?P<body>government|cabinet|central bank|parliament|"
    r"treasury|customs|mines department|industry ministry|finance ministry|trade ministry|commerce ministry|foreign ministry))\b")
# Market institutions that news names as sources of prices and listings (an orewire gazetteer).
MARKETS = {
    "LME": "London Metal Exchange", "London Metal Exchange": "London Metal Exchange", "Comex": "Comex", "COMEX": "Comex",
    "NYMEX": "NYMEX", "Nymex": "NYMEX", "ASX": "ASX", "Australian Securities Exchange": "ASX", "TSX": "TSX",
    "Toronto Stock Exchange": "TSX", "NYSE": "NYSE", "New York Stock Exchange": "NYSE", "Nasdaq": "NASDAQ", "NASDAQ": "NASDAQ",
    "Shanghai Futures Exchange": "Shanghai Futures Exchange", "SHFE": "Shanghai Futures Exchange",
    "Dalian Commodity Exchange": "Dalian Commodity Exchange", "DCE": "Dalian Commodity Exchange",
    "Singapore Exchange": "Singapore Exchange", "SGX": "Singapore Exchange", "Mysteel": "Mysteel",
}
_MARKET_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(MARKETS, key=len, reverse=True)) + r")\b")
_CREDIT_LINE = re.compile(r"(?:(?:reporting|editing|writing|compiled|written|edited|additional reporting) by\b[^.\n]*|"
                          r"write to\s*)$", re.I)
_BY_BEFORE = re.compile(r"\b(?:by|contact\s*:?)\s*$", re.I)  # a bare byline: for people only ("owned by X" names firms)


def in_credit_line(text: str, start: int) -> bool:
    """True when the words at ``start`` are a reporter's or editor's credit ("Reporting by A and B; Editing by C")."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_CREDIT_LINE.search(text[max(line_start, start - 160):start]))
_TITLE_WORDS = re.compile(r"^(?:(?:mr|mrs|ms|dr|sir|president|premier|prime minister|minister|treasurer|chairman|chairwoman|"
                          r"chief executive|ceo|cfo|coo|governor|secretary|senator|spokesman|spokeswoman|spokesperson|king|"
                          r"analyst|director|general|judge|justice)\.?\s+)+", re.I)


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
    main_country = (_by_frequency(m.id for m in countries) or [None])[0]
    for org in orgs.values():
        org.country = org.country or _org_country(org, text)
        if org.country is None and org.kind in ("GOVERNMENT", "MILITARY"):
            org.country = main_country  # "the Foreign Ministry" in a story about China is China's
    for person in persons.values():
        person.affiliation = _affiliation(person, text, orgs, countries, main_country)
    return Entities(countries, commodities, orgs, persons)


def _affiliation(person: Person, text: str, orgs: dict[str, Org], countries: list[Match], main_country: str | None) -> str | None:
    """The state (for officials) or organisation a person speaks for, from the words around the first mention."""
    start, end = person.spans[0]
    window = text[max(0, start - 90):end + 90]
    offset = max(0, start - 90)
    near = sorted(((abs(a - start), o) for o in orgs.values() for a, _ in o.spans if offset <= a < offset + len(window)),
                  key=lambda x: x[0])
    if near:
        org = near[0][1]
        return org.country if org.kind in ("GOVERNMENT", "MILITARY") and org.country else org.name
    if person.role and re.search(r"minister|president|premier|spokes|official|governor|secretary", person.role, re.I):
        nearby = [m for m in countries if offset <= m.start < offset + len(window)]
        return nearby[0].id if nearby else main_country
    return None


def _inside(m: Match, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b and (b - a) > (m.end - m.start) for a, b in spans)


_DATELINE_AFTER = re.compile(r"^\s*(?::|,|\(|-|—|–)")


def _is_dateline(text: str, m: Match) -> bool:
    """A capital that opens the article ("BEIJING, Oct 9 -", "ISLAMABAD:") is a place, not the government."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return m.kind == "capital" and text[line_start:m.start].strip() == "" and bool(_DATELINE_AFTER.match(text[m.end:m.end + 3]))


_LEADING_POSSESSOR = re.compile(r"^[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:’s|'s)\s+(?=[A-Z])")


_DATELINE_PREFIX = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{3,})*(?:\s\([^)]*\))?\s*[-–—]\s*")


def _clean_org_name(name: str) -> str:
    name = " ".join(name.split())
    name = _DATELINE_PREFIX.sub("", name)  # "KARACHI - A cargo ...": the dateline is not part of a name
    name = _LEADING_POSSESSOR.sub("", name)
    if name.count("(") != name.count(")"):
        name = name.split(" (")[0].split("(")[0]
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name).strip(" ,.-'\"“”’")
    return name


def _organisations(text: str, doc: Any) -> dict[str, Org]:
    countries = {k.lower() for k in country_forms()}
    orgs: dict[str, Org] = {}

    def add(name: str, start: int, end: int) -> None:
        raw = name
        name = _clean_org_name(name)
        shift = raw.find(name.split(" ")[0]) if name else -1
        if shift > 0:
            start += shift  # "Pakistan's Ministry of Energy": the country stays outside the name
        if not _plausible_org(name, countries) or _FACILITY_AFTER.match(text[end:end + 30]):
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
    for start, end, known in _known_orgs().find(text):
        if not text[start].isupper() or re.match(r" [A-Z][a-z]", text[end:end + 3]) or re.search(r"[A-Z][a-z]+ $", text[max(0, start - 15):start]):
            continue  # "vale", "benchmark": the word, not the company; or part of a longer name
        surface = text[start:end]
        add(surface, start, end)  # the name as the story writes it; the gazetteer's forms become aliases
        org = orgs.get(_org_key(surface, orgs))
        if org is not None:
            org.aliases |= ({known.name, *known.aliases} - {org.name})
            org.kind, org.country = known.kind, org.country or known.country
    for m in _MARKET_RE.finditer(text):
        add(MARKETS[m.group(0)], m.start(), m.end())
        org = orgs.get(_org_key(MARKETS[m.group(0)], orgs))
        if org is not None:
            org.kind = "OTHER"
            if m.group(0) != org.name:
                org.aliases.add(m.group(0))
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.text not in MARKETS:
            add(ent.text, ent.start_char, ent.end_char)
        elif ent.label_ == "PERSON" and _COMPANY_WORDS.search(ent.text) and "<" not in ent.text:
            add(ent.text, ent.start_char, ent.end_char)  # "Barrick Gold", "Rio Tinto": companies spaCy calls people
    for rx in (_COMPANY_NAME, _WITH_TICKER):
        for m in rx.finditer(text):
            if m.group(1).split()[0] not in _NOT_NAME_START:
                add(m.group(1), m.start(1), m.end(1))
    for m in _GOVERNMENT_BODY.finditer(text):
        if m.group("adj").lower() in countries or m.group("adj") in ("Federal", "State", "National"):
            add(m.group(0).removeprefix("the ").removeprefix("The "), m.start(), m.end())
    _link_acronyms(text, orgs)
    person_texts = {" ".join(e.text.split()) for e in doc.ents if e.label_ == "PERSON"}
    for key in [k for k, o in orgs.items() if _not_an_org(o, text, person_texts)]:
        del orgs[key]
    for org in orgs.values():
        org.kind = _org_kind(org)
    merged = _merge_short_forms(orgs)
    places = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP", "FAC")}
    _link_short_names(text, merged, (countries | places, countries))
    return {o.name: o for o in merged}


_AT_PLACE = re.compile(r"\b(?:at|in|near|from) (?:the |its |their |his |her )?$", re.I)


def _not_an_org(org: Org, text: str, person_texts: set[str]) -> bool:
    """A mine, a place or a person that NER called an organisation, judged over all its mentions."""
    if _COMPANY_WORDS.search(org.name) or org.aliases:
        return False
    if org.name in person_texts:
        return True
    hits = list(re.finditer(re.escape(org.name), text))
    facility = sum(1 for h in hits if _FACILITY_AFTER.match(text[h.end():h.end() + 30]))
    if hits and facility * 2 >= len(hits):
        return True
    if any(in_credit_line(text, h.start()) for h in hits):
        return True
    at_place = sum(1 for a, _ in org.spans if _AT_PLACE.search(text[max(0, a - 12):a]))
    return at_place > 0 and at_place * 2 >= len(org.spans) and org.kind == "COMPANY" and not _COMPANY_WORDS.search(org.name)


@dataclass(frozen=True)
class KnownOrg:
    """An organisation from the packaged gazetteer."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None


@lru_cache(maxsize=1)
def _known_orgs() -> Any:
    """PhraseIndex over the names and aliases of data/gazetteer/organisations.tsv."""
    from importlib import resources

    from .gazetteer import PhraseIndex

    forms: dict[str, KnownOrg] = {}
    text = resources.files("orewire").joinpath("data", "gazetteer", "organisations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, kind, country = (line.split("\t") + ["", "", "", ""])[:4]
        known = KnownOrg(name, tuple(a for a in aliases.split(";") if a), kind or "COMPANY", country or None)
        for form in (name, *known.aliases):
            forms[form] = known
    return PhraseIndex(forms)


def _plausible_org(name: str, countries: set[str]) -> bool:
    """Drop what spaCy tags ORG but is a ticker, a code, a generic word, a law or a country with a common noun."""
    if len(name) < 2 or _ORG_JUNK.match(name) or not name[:1].isupper() or name.lower() in countries:
        return False
    if _TICKER_LIKE.search(name) and not re.search(r"[a-z]{3}", name) or name.isupper() and len(name) > 12:
        return False
    rest = name.lower()
    for form in sorted((c for c in countries if rest.startswith(c + " ")), key=len, reverse=True)[:1]:
        rest = rest[len(form) + 1:]  # "U.S. Import": a country, then a common word
    words = re.findall(r"[\w&'-]+", rest)
    if all(w in GENERIC_WORDS or w in countries for w in words) and not (len(words) > 1 and _BODY_NOUN.search(rest)):
        return False  # "Treasury" alone or "Mining and Energy" are not names; "Industry Ministry" is
    if name.upper() in NOT_ORG_ACRONYMS:
        return False
    return not (_NOT_ORG_ENDINGS.search(name) or _FACILITY_WORDS.search(name))


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


_BARE_WORD = re.compile(r"(?<![\w&.-])([A-Z][a-z]{3,})(?![\w&-])(?! (?:[A-Z]|&))")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.-]*|&) $")


@lru_cache(maxsize=1)
def _metal_words() -> frozenset[str]:
    """Words that name a metal or mineral: never a company's short form ("Barrick Gold", "Iron")."""
    extra = {"iron", "coal", "metal", "mineral", "minerals", "rare", "earth"}
    return frozenset({form.lower() for form in commodity_forms()} | extra)


def _link_short_names(text: str, orgs: list[Org], places: tuple[set[str], set[str]]) -> None:
    """'Xinhai has also committed ...' in a story about Shandong Xinhai Mining Technology: a company is
    often named again by one distinctive word of its name. Such a word, standing alone, is a mention
    of the one company whose first two words include it; a word two companies share is nobody's, and
    a metal or a leading place ("Barrick Gold", "Tennessee Lithium") is no short form. ``places``: the
    words that cannot be a first word (places NER found) and a second word (countries)."""
    metals = _metal_words()
    owners: dict[str, list[Org]] = {}
    for org in orgs:
        if org.kind != "COMPANY":
            continue
        words = re.findall(r"[A-Za-z][\w-]*", org.name)
        if len(words) < 2:
            continue
        for k, word in enumerate(words[:2]):
            low = word.lower()
            common = low in GENERIC_WORDS or low in places[k] or low in metals or low in _LEGAL_WORDS
            if len(word) >= 4 and word[0].isupper() and not common and owners.get(word, [None])[-1] is not org:
                owners.setdefault(word, []).append(org)
    taken = {o.name for o in orgs} | {a for o in orgs for a in o.aliases}
    for m in _BARE_WORD.finditer(text):
        word = m.group(1)
        holders = owners.get(word, [])
        if len(holders) != 1 or word in taken or _NAME_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # part of a longer name ("Shandong Xinhai Mining"), not the short form
        org = holders[0]
        if not any(a <= m.start() < b for a, b in org.spans):
            org.spans.append((m.start(), m.end()))
            org.aliases.add(word)


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
    _alias_bare_acronyms(orgs)
    for org in orgs.values():
        for acronym in list(org.aliases):
            if acronym.isupper():
                for hit in re.finditer(rf"\b{re.escape(acronym)}\b", text):
                    org.spans.append((hit.start(), hit.end()))


_LEGAL_WORDS = {"ltd", "limited", "inc", "corp", "corporation", "co", "plc", "llc", "sa", "ag", "nv", "pty", "the", "of", "and",
                "for", "de"}


def _alias_bare_acronyms(orgs: dict[str, Org]) -> None:
    """'RGC' used alone in a story about Renison Goldfields Consolidated Ltd: an acronym that spells the
    initials of exactly one longer name in the same document is that body's short form."""
    spelled: dict[str, list[Org]] = {}
    for org in orgs.values():
        words = [w for w in re.findall(r"[A-Za-z][\w&-]*", org.name) if w.lower() not in _LEGAL_WORDS]
        if len(words) >= 2:
            spelled.setdefault("".join(w[0].upper() for w in words), []).append(org)
    for org in list(orgs.values()):
        if re.fullmatch(r"[A-Z]{2,6}", org.name) and len(spelled.get(org.name, [])) == 1:
            target = spelled[org.name][0]
            if target is not org and not org.aliases:
                target.aliases.add(org.name)


def _initials_match(name: str, letters: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w&.-]*", name) if w[0].isupper())
    return bool(letters) and (initials.upper().startswith(letters[:2]) or letters in initials.upper())


def _name_for_acronym(words: list[str], letters: str) -> str | None:
    """The capitalised words before an acronym whose initials spell it."""
    for n in range(len(words), 0, -1):
        cand = words[-n:]
        initials = "".join(c for w in cand for c in (w if w.isupper() else w[0]) if c.isupper())
        if cand[0][0].isupper() and initials == letters.upper():
            return " ".join(cand)
    return None


def _org_kind(org: Org) -> str:
    if org.name in MARKETS.values():
        return "OTHER"
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


_COMPANY_WORDS = re.compile(r"\b(?:mining|minerals?|metals?|gold|silver|copper|lithium|graphite|nickel|steel|resources|energy|"
                            r"prospecting|exploration|holdings|group|capital|partners|securities|co|corp|inc|ltd|plc|sa|s\.p\.a|"
                            r"ag|llc|bank|fund|nevada|tinto|wainwright|stillwater|mcmoran|cobre|minas|compa[nñ]h?ia|sistemas|"
                            r"metall\w*|tambang|minera\w*|sider\w*|nacional|industri\w*|societ\w*|grupo|recupera\w*)\b|[<>]", re.I)


def _persons(text: str, doc: Any, orgs: dict[str, Org]) -> dict[str, Person]:
    """People: spaCy PERSON spans, minus bylines, companies and places tagged as people; titles become roles."""
    org_names = {o.name.lower() for o in orgs.values()} | {a.lower() for o in orgs.values() for a in o.aliases}
    org_words = {w for n in org_names for w in n.split()}
    countries = {k.lower() for k in country_forms()}
    persons: dict[str, Person] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        raw = _POSSESSIVE.sub("", " ".join(ent.text.split())).strip(" ,.")
        title = _TITLE_WORDS.match(raw)
        name = raw[title.end():] if title else raw
        if not _plausible_person(name, text, ent.start_char, org_names, org_words, countries):
            continue
        key = next((k for k in persons if name in k.split() or k in name.split()), None)
        if key and len(name) > len(key):
            persons[name] = persons.pop(key)
            persons[name].name = name
            key = name
        person = persons.setdefault(key or name, Person(name=name))
        person.spans.append((ent.start_char + (len(raw) - len(name) if title else 0), ent.end_char))
        if person.role is None:
            m = _ROLE_BEFORE.search(text[max(0, ent.start_char - 80):ent.start_char])
            person.role = " ".join(m.group(1).split()) if m else (title.group(0).strip() if title else None)
    return {p.name: p for p in persons.values() if " " in p.name or len(p.spans) > 1}


def _plausible_person(name: str, text: str, start: int, org_names: set[str], org_words: set[str], countries: set[str]) -> bool:
    """Not a company, a place, a mine or a reporter's credit line."""
    if len(name) < 3 or not name[:1].isupper() or any(c.isdigit() for c in name):
        return False
    low = name.lower()
    if low in org_names or low in countries or _COMPANY_WORDS.search(name) or re.search(r"\b(?:CEO|CFO|COO)$", name):
        return False
    if " " not in name and low in org_words or any(o.startswith(low + " ") for o in org_names):
        return False
    end = start + len(name)
    if _FACILITY_AFTER.match(text[end:end + 30]):
        return False
    return not (in_credit_line(text, start) or _BY_BEFORE.search(text[max(0, start - 12):start]))

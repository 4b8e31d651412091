"""Gazetteers: countries (names, demonyms, capitals) and commodities (the lexicon), matched by regex.

One compiled alternation per gazetteer, longest forms first, so "South Korea" wins over
"Korea" and "copper concentrate" over "copper". Short all-capital forms ("US", "DRC",
"REE") match case-sensitively; everything else ignores case.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Forms that are ordinary English words too; they only count with metal context nearby.
AMBIGUOUS_COMMODITY_FORMS = {"lead", "iron", "tin", "gems", "solder", "chrome", "zircon", "plumbago", "bullion"}
METAL_CONTEXT = re.compile(
    r"\b(metals?|ore|ores|smelt\w*|refin\w*|mines?|mining|tonnes?|tons|ounces?|lme|comex|concentrates?|ingots?|zinc|copper|"
    r"nickel|silver|gold|alumin\w+|prices?|output|production|producers?|exports?|imports?|futures|steel|cathodes?)\b",
    re.I,
)
# Demonyms that are also common words or adjectives of companies, not states, in context.
_DROP_FORMS = {"Guinea", "Georgia", "Jordan", "Chad", "Turkey", "Niger"}


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: the canonical id, the offsets and the words."""

    id: str
    start: int
    end: int
    surface: str
    kind: str  # name | demonym | capital | commodity


def _data_path(*parts: str):  # type: ignore[no-untyped-def]
    return resources.files("orewire").joinpath("data", *parts)


@lru_cache(maxsize=1)
def country_forms() -> dict[str, tuple[str, str]]:
    """surface form -> (iso3 id, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    try:
        import pycountry

        for c in pycountry.countries:
            for name in (c.name, getattr(c, "common_name", None)):
                if name and "," not in name and "(" not in name and name not in _DROP_FORMS:
                    forms.setdefault(name, (c.alpha_3, "name"))
    except ImportError:  # pragma: no cover - pycountry is a core dependency
        pass
    text = _data_path("gazetteer", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        iso, names, demonyms, capitals = cols
        for kind, group in (("name", names), ("demonym", demonyms), ("capital", capitals)):
            for form in filter(None, (f.strip() for f in group.split(";"))):
                forms[form] = (iso, kind)
    return forms


@lru_cache(maxsize=1)
def commodity_forms() -> dict[str, str]:
    """surface form -> lexicon id, from the lexicon's names, synonyms and news forms."""
    forms: dict[str, str] = {}
    path = _data_path("lexicon", "commodities.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        cid = row["id"]
        names = [row["name"].split(" (")[0], cid.replace("_", " ")]
        names += row["synonyms"].split(";") + row["news_forms"].split(";")
        for name in names:
            name = re.sub(r"\s*\([^)]*\)", "", name).strip()
            if len(name) >= 3 and not name.isupper() or name in ("REE", "REEs", "REO", "PGM", "PGMs", "PGEs", "NdPr", "APT", "LCE"):
                forms.setdefault(name, cid)
    forms.update(_EXTRA_COMMODITY_FORMS)
    for form in [f for f in forms if f.lower() in _NOT_COMMODITIES]:
        del forms[form]
    return forms


_EXTRA_COMMODITY_FORMS = {
    "rare earth": "rare_earths", "rare-earth": "rare_earths", "rare earth elements": "rare_earths", "rare earth minerals": "rare_earths",
    "rare earth metals": "rare_earths", "rare earth materials": "rare_earths", "rare-earths": "rare_earths",
    "aluminium": "aluminum", "aluminum": "aluminum", "alum": "aluminum", "iron ore": "iron_ore", "iron-ore": "iron_ore",
    "steelmaking": "steel", "steelmaker": "steel", "steelmakers": "steel", "steel": "steel", "stainless": "steel",
    "platinum group metals": "pgm", "platinum-group metals": "pgm", "coking coal": "coking_coal", "gem ores": "gemstones",
    "critical mineral": "critical_minerals", "critical minerals": "critical_minerals", "rare metals": "critical_minerals",
    "strategic minerals": "critical_minerals", "strategic metals": "critical_minerals", "lithium-ion": "li_ion_batteries",
    "copper concentrate": "copper", "copper cathodes": "copper", "gold mine": "gold", "goldmine": "gold",
    "ferrochrome": "chromium", "ferro-chrome": "chromium", "spodumene": "lithium", "cobalt": "cobalt", "mercury": "mercury",
    "uranium": "uranium", "molybdenum": "molybdenum", "moly": "molybdenum", "manganese ore": "manganese",
}
# Lexicon forms too generic to name a commodity on their own in news text.
_NOT_COMMODITIES = {"iron", "pellets", "smelter output", "anode material", "phosphors", "solder", "regulus", "mercury",
                    "permanent magnets", "magnet exports", "battery packs", "gems", "precious stones"}


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    forms = country_forms()
    exact = [f for f in forms if f.isupper() or "." in f]
    loose = [f for f in forms if f not in exact]
    return (re.compile(rf"(?<![\w.])(?:{_alternation(exact)})(?![\w])"),
            re.compile(rf"\b(?:{_alternation(loose)})(?:'s|’s)?\b", re.I))


@lru_cache(maxsize=1)
def _commodity_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    forms = commodity_forms()
    exact = [f for f in forms if f.isupper() or re.search(r"[A-Z].*[A-Z]", f)]
    loose = [f for f in forms if f not in exact]
    return (re.compile(rf"(?<![\w])(?:{_alternation(exact)})s?(?![\w])"),
            re.compile(rf"\b(?:{_alternation(loose)})(?:s|es)?\b", re.I))


def find_countries(text: str) -> Iterator[Match]:
    """Country mentions: names, abbreviations, demonyms and capitals."""
    forms = country_forms()
    lower = {k.lower(): v for k, v in forms.items() if not (k.isupper() or "." in k)}
    exact_re, loose_re = _country_patterns()
    seen: set[tuple[int, int]] = set()
    for m in exact_re.finditer(text):
        iso, kind = forms[m.group(0)]
        seen.add((m.start(), m.end()))
        yield Match(iso, m.start(), m.end(), m.group(0), kind)
    for m in loose_re.finditer(text):
        surface = re.sub(r"('s|’s)$", "", m.group(0))
        if not surface[:1].isupper() or any(a <= m.start() < b for a, b in seen):
            continue
        iso, kind = lower[surface.lower()]
        yield Match(iso, m.start(), m.start() + len(surface), surface, kind)


def find_commodities(text: str) -> Iterator[Match]:
    """Commodity mentions, by lexicon id; ambiguous words need metal context within 80 characters."""
    forms = commodity_forms()
    lower = {k.lower(): v for k, v in forms.items()}
    exact_re, loose_re = _commodity_patterns()
    for pattern in (exact_re, loose_re):
        for m in pattern.finditer(text):
            surface = m.group(0)
            key = surface.lower()
            cid = lower.get(key) or lower.get(key[:-1]) or lower.get(key[:-2])
            if cid is None:
                continue
            if key.rstrip("s") in AMBIGUOUS_COMMODITY_FORMS and not _metal_context(text, m.start(), m.end(), key):
                continue
            yield Match(cid, m.start(), m.end(), surface, "commodity")


def _metal_context(text: str, start: int, end: int, key: str) -> bool:
    if key.startswith("lead") and re.match(r"\s+(to|the|by|in|a|an|up|role)\b", text[end:end + 8], re.I):
        return False
    window = text[max(0, start - 80):start] + " " + text[end:end + 80]
    return bool(METAL_CONTEXT.search(window))

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
from typing import Any

# Forms that are ordinary English words too; they only count with metal context nearby.
AMBIGUOUS_COMMODITY_FORMS = {"lead", "iron", "tin", "gems", "solder", "chrome", "zircon", "plumbago", "bullion"}
METAL_CONTEXT = re.compile(
    r"\b(metals?|ore|ores|smelt\w*|refin\w*|mines?|mining|tonnes?|tons|ounces?|lme|comex|concentrates?|ingots?|zinc|copper|"
    r"nickel|silver|gold|alumin\w+|prices?|output|production|producers?|exports?|imports?|futures|steel|cathodes?|"
    r"pact|accord|council|quotas?|miners?|markets?|spot|warehouses?|stg)\b",
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


# States the guidelines name beside ISO 3166-1: the EU, and states that no longer exist.
EXTRA_STATES = frozenset({"EU", "SUN", "DDR", "YUG", "CSK"})


@lru_cache(maxsize=1)
def state_ids() -> frozenset[str]:
    """Every id a state may have: ISO 3166-1 alpha-3 codes and :data:`EXTRA_STATES`."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_STATES


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


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00C0-\u024F]+(?:['’&][A-Za-z0-9\u00C0-\u024F]+)*")


class PhraseIndex:
    """Multi-word phrase lookup over word tokens: a dict per first word, longest match first.

    Far faster than one big regex alternation: each token costs a dict lookup. Forms that are
    all capitals (or contain dots, like "U.S.") match case-sensitively; the rest ignore case
    and also match a plural ("-s", "-es") on their last word. A possessive ("China's") is
    matched without its "'s", which stays outside the mention.
    """

    def __init__(self, forms: dict[str, Any]) -> None:
        self.exact: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self.loose: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for form, value in forms.items():
            words = tuple(t.group(0) for t in _TOKEN.finditer(form))
            if not words:
                continue
            if form.isupper() or "." in form or re.search(r"[a-z][A-Z]", form):
                self._add(self.exact, words, value)
            else:
                low = tuple(w.lower() for w in words)
                for variant in (low, low[:-1] + (low[-1] + "s",), low[:-1] + (low[-1] + "es",)):
                    self._add(self.loose, variant, value)
        for table in (self.exact, self.loose):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))

    @staticmethod
    def _add(table: dict[str, list[tuple[tuple[str, ...], Any]]], words: tuple[str, ...], value: Any) -> None:
        entries = table.setdefault(words[0], [])
        if all(w != words for w, _ in entries):
            entries.append((words, value))

    def find(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """(start, end, value) of each longest match, left to right, never overlapping."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            word = tokens[i][2]
            hit = None
            if word in self.exact or word.lower() in self.loose:
                hit = self._match_at(tokens, i, word)
            if hit is None and word.endswith(("'s", "’s")):
                hit = self._match_at(tokens, i, word[:-2])
            if hit is None:
                i += 1
                continue
            n, end, value = hit
            yield tokens[i][0], end, value
            i += n

    def _match_at(self, tokens: list[tuple[int, int, str]], i: int, word: str) -> tuple[int, int, Any] | None:
        for table, lower in ((self.exact, False), (self.loose, True)):
            for words, value in table.get(word.lower() if lower else word, ()):
                end = _rest(tokens, i, words, lower)
                if end is not None:
                    return len(words), end, value
        return None


def _rest(tokens: list[tuple[int, int, str]], i: int, words: tuple[str, ...], lower: bool) -> int | None:
    """End offset of a match of ``words`` from token ``i`` (a possessive "'s" left outside), or None."""
    if i + len(words) > len(tokens):
        return None
    for k in range(len(words)):
        start, end, token = tokens[i + k]
        if k and start - tokens[i + k - 1][1] > 2:
            return None
        norm = token.lower() if lower else token
        if norm == words[k]:
            continue
        if k == len(words) - 1 and token.endswith(("'s", "’s")) and norm[:-2] == words[k]:
            return end - 2
        return None
    return tokens[i + len(words) - 1][1]


@lru_cache(maxsize=1)
def _country_index() -> PhraseIndex:
    return PhraseIndex(country_forms())


@lru_cache(maxsize=1)
def _commodity_index() -> PhraseIndex:
    return PhraseIndex(commodity_forms())


def find_countries(text: str) -> Iterator[Match]:
    """Country mentions: names, abbreviations, demonyms and capitals (capitalised in the text)."""
    for start, end, (iso, kind) in _country_index().find(text):
        surface = text[start:end]
        if surface[:1].isupper():
            yield Match(iso, start, end, surface, kind)


def find_commodities(text: str) -> Iterator[Match]:
    """Commodity mentions, by lexicon id; ambiguous words need metal context within 80 characters."""
    for start, end, cid in _commodity_index().find(text):
        surface = text[start:end]
        key = surface.lower()
        if key.rstrip("s") in AMBIGUOUS_COMMODITY_FORMS and not _metal_context(text, start, end, key):
            continue
        yield Match(cid, start, end, surface, "commodity")


def _metal_context(text: str, start: int, end: int, key: str) -> bool:
    if key.startswith("lead") and re.match(r"\s+(to|the|by|in|a|an|up|role)\b", text[end:end + 8], re.I):
        return False
    if re.match(r"\s+(?:Agreement|Council|pact|accord)\b", text[end:end + 12]):
        return True  # "the International Tin Agreement", "a tin pact": the metal's commodity body
    window = text[max(0, start - 80):start] + " " + text[end:end + 80]
    return bool(METAL_CONTEXT.search(window))

"""Reference data shipped in the package: the export-control registry and USGS world production.

Both are read from CSV files under ``orewire/data/reference`` (see their PROVENANCE.md), once per
process. Nothing here touches the database: these are the facts news events are checked against.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Measure

REFERENCE_DIR = Path(__file__).parent / "data" / "reference"
LEXICON = Path(__file__).parent / "data" / "lexicon" / "commodities.csv"
REGISTRY_STATUS_AS_OF = date(2025, 11, 30)
"""The registry's statuses were read in November 2025; later changes are not in it."""

# USGS data releases and the day each was published: an as-of question uses the latest one out by then.
USGS_EDITIONS = {"MCS2024": date(2024, 1, 31), "MCS2025": date(2025, 1, 31)}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(text: str | None) -> date | None:
    m = _ISO_DAY.search(text or "")
    return date.fromisoformat(m.group(0)) if m else None


@lru_cache(maxsize=1)
def load_measures() -> tuple[Measure, ...]:
    """The registry's measures (China's MOFCOM/GAC mineral export controls, 2023-2025)."""
    with open(REFERENCE_DIR / "china_mofcom.csv", newline="", encoding="utf-8") as fh:
        return tuple(_measure(row) for row in csv.DictReader(fh))


def _measure(row: dict[str, str]) -> Measure:
    kind = row["measure_type"].strip()
    status = row["status"].strip()
    elements = [e.strip() for e in row["elements"].split(";") if e.strip()]
    all_dual_use = "all dual-use items" in elements
    suspended_from = suspended_until = None
    if status.startswith("suspended"):
        suspended_from = _day(row["status_changed_on"])
        m = re.search(r"until (\d{4}-\d{2}-\d{2})", row["status_notes"])
        suspended_until = date.fromisoformat(m.group(1)) if m else None
    lowered_kind = kind.lower()
    return Measure(
        id=row["measure_id"], issuer=row["issuer"], title=row["title_en"], kind=kind,
        is_control=not ("suspension" in lowered_kind or "not an export control" in lowered_kind),
        scope=row["target_scope"], commodities=tuple(e for e in elements if e != "all dual-use items"),
        covers_all_dual_use=all_dual_use, announced=_day(row["date_announced"]), effective=_day(row["date_effective"]),
        suspended_from=suspended_from, suspended_until=suspended_until, status=status, notes=row["status_notes"],
        sources=tuple(u.strip() for u in row["source_urls"].split(";") if u.strip()),
        unverified=row["unverified_fields"], country="CHN", number=_number(row["announcement_no"]),
    )


def _number(text: str) -> int | None:
    m = re.match(r"\s*(\d+)", text)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=1)
def usgs_names() -> dict[str, tuple[str, ...]]:
    """Lexicon id -> the USGS commodity names it maps to (lower case), from the lexicon."""
    out: dict[str, tuple[str, ...]] = {}
    with open(LEXICON, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names = tuple(n.strip().lower() for n in row["usgs_mcs2025_commodity"].split("|") if n.strip())
            if names:
                out[row["id"]] = names
    return out


def same_supply_group(a: str, b: str) -> bool:
    """Whether two lexicon ids share a USGS commodity (dysprosium and rare_earths both count as "Rare earths")."""
    if a == b:
        return True
    names = usgs_names()
    return bool(set(names.get(a, ())) & set(names.get(b, ())))


def measure_covers(measure: Measure, commodity: str, listed: set[str] | None = None) -> bool:
    """Whether ``measure`` applies to ``commodity``: listed directly, or via its USGS group, or as a dual-use item.

    ``listed``: the commodities on the dual-use list (for measures that cover every dual-use item).
    """
    if any(same_supply_group(c, commodity) for c in measure.commodities):
        return True
    return measure.covers_all_dual_use and commodity in (listed or set())


def dual_use_listed(on: date) -> set[str]:
    """Commodities some registry control listed by ``on`` (what 'all dual-use items' reaches)."""
    return {c for m in load_measures() if m.is_control and m.announced and m.announced <= on and not m.covers_all_dual_use
            for c in m.commodities}


@dataclass(frozen=True, slots=True)
class ProductionTable:
    """World production of one commodity in one USGS table, by country."""

    edition: str
    usgs_commodity: str
    type: str
    measure: str
    year: int
    unit: str
    world_total: float | None
    world_qualifier: str
    rows: tuple[dict[str, Any], ...]  # iso3, country, value, share


@lru_cache(maxsize=1)
def _usgs_rows() -> tuple[dict[str, str], ...]:
    with open(REFERENCE_DIR / "usgs_world.csv", newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


_STAGE_ORDER = ("mine production", "primary production", "refinery production", "smelter production", "raw steel",
                "plant production")


def production_table(commodity: str, as_of: date | None = None, stage: str | None = None,
                     measure: str = "production") -> ProductionTable | None:
    """The USGS table for ``commodity`` from the latest edition out by ``as_of``, latest year in it.

    ``stage`` picks among several tables (copper: "mine" or "refinery"); by default mine
    production comes first. None when USGS has no country figures for the commodity.
    """
    names = usgs_names().get(commodity)
    if not names:
        return None
    editions = [e for e, out in sorted(USGS_EDITIONS.items(), key=lambda kv: kv[1], reverse=True)
                if as_of is None or out <= as_of] or [min(USGS_EDITIONS, key=USGS_EDITIONS.__getitem__)]
    for edition in editions:
        groups: dict[tuple[str, str, int], list[dict[str, str]]] = defaultdict(list)
        for row in _usgs_rows():
            if row["edition"] == edition and row["measure"] == measure and row["commodity"].strip().lower() in names:
                groups[(row["commodity"].strip(), row["type"], int(row["year"]))].append(row)
        if not groups:
            continue
        types = sorted({(c, t) for c, t, _ in groups}, key=lambda ct: (names.index(ct[0].lower()), _stage_rank(ct[1], stage)))
        if stage and not any(stage.lower() in t.lower() for _, t in types):
            return None
        usgs_commodity, kind = types[0]
        year = max(y for c, t, y in groups if (c, t) == (usgs_commodity, kind))
        return _table(edition, usgs_commodity, kind, measure, year, groups[(usgs_commodity, kind, year)])
    return None


def _stage_rank(kind: str, stage: str | None) -> int:
    low = kind.lower()
    if stage and stage.lower() in low:
        return -1
    return next((i for i, s in enumerate(_STAGE_ORDER) if low.startswith(s)), len(_STAGE_ORDER))


def _table(edition: str, commodity: str, kind: str, measure: str, year: int, rows: list[dict[str, str]]) -> ProductionTable:
    by_country: dict[str, dict[str, Any]] = {}
    for r in rows:
        if not r["iso3"]:
            continue
        slot = by_country.setdefault(r["iso3"], {"iso3": r["iso3"], "country": display_country(r["iso3"]), "value": 0.0,
                                                 "share": 0.0})
        slot["value"] += float(r["value"] or 0)
        slot["share"] += float(r["share"] or 0)
    first = rows[0]
    world = float(first["world_total"]) if first["world_total"] else None
    ordered = tuple(sorted(by_country.values(), key=lambda d: -d["share"]))
    return ProductionTable(edition, commodity, kind, measure, year, first["unit"], world, first["world_qualifier"], ordered)


def display_country(iso3: str) -> str:
    """One name per state in every answer ("Russia", never the table's "Russiae" with its footnote letter)."""
    from .query import country_name

    return country_name(iso3)


def concentration(table: ProductionTable) -> dict[str, Any]:
    """HHI (0-1 and 0-10,000 points) over the listed countries, top producer, top-three share."""
    shares = [r["share"] for r in table.rows]
    hhi = sum(s * s for s in shares)
    top = table.rows[0] if table.rows else None
    return {
        "hhi": round(hhi, 4),
        "hhi_points": round(hhi * 10_000),
        "top_producer": top["iso3"] if top else None,
        "top_share": round(top["share"], 4) if top else None,
        "top3_share": round(sum(shares[:3]), 4),
        "countries_listed": len(shares),
    }

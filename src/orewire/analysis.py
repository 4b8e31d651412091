"""Questions over time: which measures were in force on a day, and how much world supply they cover.

Two kinds of knowledge meet here: the reference registry (measures with their dates and
lifecycle, shipped in the package) and what the news says (resolved EXPORT_CONTROL events in
the database, when there is one). Each answer says which basis every item rests on.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .errors import OrewireError
from .model import Measure
from .query import export_control_reports
from .reference import (REGISTRY_STATUS_AS_OF, concentration, dual_use_listed, load_measures, measure_covers,
                        production_table, same_supply_group, usgs_names)
from .store import Store

NEWS_CONTROL_STATUSES = {"announced", "completed", None}
"""Statuses of a news-reported export control that mean it was imposed (not planned, suspended or lifted)."""


def _suspension_end(m: Measure) -> date | None:
    """When a suspension act stops: the end of the window it opened on the measure it suspends (the registry
    dates the window on the suspended measure, not on the act)."""
    if m.kind != "suspension" or m.effective is None:
        return None
    ends = [t.suspended_until for t in load_measures() if t.suspended_from == m.effective and t.suspended_until
            and t.country == m.country and set(t.commodities) & set(m.commodities)]
    return max(ends) if ends else None


def _measure_view(m: Measure, day: date, commodity: str) -> dict[str, Any]:
    state = m.state_on(day)
    ends = _suspension_end(m)
    if ends and state == "in_force" and day >= ends:
        state = "expired"  # its window has closed: the suspended controls apply again
    view: dict[str, Any] = {
        "measure_id": m.id, "basis": "registry", "issuer": m.issuer, "country": m.country, "title": m.title,
        "kind": m.kind, "is_control": m.is_control, "scope": m.scope, "state": state,
        "commodities": [c for c in m.commodities if same_supply_group(c, commodity)] or list(m.commodities),
        "covers_all_dual_use_items": m.covers_all_dual_use,
        "announced": m.announced, "effective": m.effective,
        "suspended_from": m.suspended_from, "suspended_until": m.suspended_until,
        "registry_status": m.status, "notes": m.notes, "sources": list(m.sources),
    }
    if m.suspended_until and day >= m.suspended_until:
        view["notes"] = (m.notes + " " if m.notes else "") + (
            f"The suspension window ended on {m.suspended_until}; whether it was extended is not in the registry.")
    if state == "expired":
        view["notes"] = (m.notes + " " if m.notes else "") + (
            f"This suspension ran until {ends}; the controls it suspended apply again unless it was extended, which the "
            "registry does not record.")
    return view


def measures_as_of(store: Store | None, commodity: str, as_of: date) -> dict[str, Any]:
    """What was in force on ``as_of`` for ``commodity``, and everything reported by then (registry and news).

    ``in_force``: registry controls in force that day, and news-reported controls imposed by then
    that no registry measure accounts for and no later report suspended or lifted.
    ``reported``: every registry measure announced by then, in its state that day (announced,
    in_force, suspended, lifted), and every news report of an export control by then.
    """
    _check_commodity(commodity)
    listed = dual_use_listed(as_of)
    relevant = [m for m in load_measures() if measure_covers(m, commodity, listed)]
    reported = [_measure_view(m, as_of, commodity) for m in relevant if m.state_on(as_of) is not None]
    in_force = [v for v in reported if v["is_control"] and v["state"] == "in_force"]
    news = _news_reports(store, commodity, as_of)
    in_force += [n for n in _news_in_force(news, as_of) if not n["measures"]]
    notes = []
    if as_of > REGISTRY_STATUS_AS_OF:
        notes.append(f"Registry statuses were read in November 2025; changes after {REGISTRY_STATUS_AS_OF} are not in it.")
    if store is None:
        notes.append("No database: registry only. Ingest news with 'orewire ingest' to add what was reported.")
    return {
        "commodity": commodity, "as_of": as_of,
        "in_force": in_force,
        "reported": {"registry": reported, "news": news},
        "notes": notes,
    }


def _news_reports(store: Store | None, commodity: str, as_of: date | None) -> list[dict[str, Any]]:
    if store is None:
        return []
    group = [c for c in _known_commodities() if same_supply_group(c, commodity)]
    out = []
    for row in export_control_reports(store, group, as_of):
        out.append({"cluster_id": row["id"], "basis": "news", "country": next((a for a in row["actors"] if _is_state(a)), None),
                    "actors": row["actors"], "counterparts": row["counterparts"], "commodities": row["commodities"],
                    "status": row["status"], "polarity": row["polarity"], "occurred": row["occurred"], "until": row.get("until"),
                    "first_reported": row["first_reported"], "n_sources": row["n_sources"], "n_origins": row["n_origins"],
                    "measures": row["measures"]})
    return out


def all_measures_as_of(store: Store | None, as_of: date) -> dict[str, Any]:
    """Every control in force on ``as_of``, whatever the commodity: the registry's and the news-reported ones."""
    commodities = sorted({c for m in load_measures() for c in m.commodities} | _news_commodities(store))
    full = {m.id: m for m in load_measures()}
    in_force: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for commodity in commodities:
        try:
            answer = measures_as_of(store, commodity, as_of)
        except OrewireError:
            continue  # a news commodity outside the lexicon's supply groups
        for m in answer["in_force"]:
            key = m.get("measure_id") or m.get("cluster_id")
            in_force.setdefault(key, {**m, "commodities": list(full[key].commodities)} if key in full else m)
        notes += [n for n in answer["notes"] if n not in notes]
    return {"commodity": None, "as_of": as_of, "in_force": list(in_force.values()), "notes": notes}


def _news_commodities(store: Store | None) -> set[str]:
    if store is None:
        return set()
    return {c for r in export_control_reports(store, _known_commodities(), None) for c in r["commodities"]}


def _news_in_force(news: list[dict[str, Any]], as_of: date) -> list[dict[str, Any]]:
    """News controls imposed on or before ``as_of``, not past the end of a duration their text states, and not
    suspended or lifted since by the same state."""
    out = []
    for n in news:
        day = n["occurred"] or n["first_reported"]
        if n["polarity"] != "asserted" or n["status"] not in NEWS_CONTROL_STATUSES or n["country"] is None or day is None:
            continue
        if day > as_of:
            continue
        if n.get("until") and n["until"] < as_of:
            continue  # the text gave it a duration, and it has run out ("a four-month ban" a year later)
        undone = any(o["country"] == n["country"] and o["status"] in ("suspended", "lifted") and o["polarity"] == "asserted"
                     and (o["occurred"] or o["first_reported"]) and day < (o["occurred"] or o["first_reported"]) <= as_of
                     and set(o["commodities"]) & set(n["commodities"]) for o in news)
        if not undone:
            out.append({**n, "state": "in_force (reported)"})
    return out


def exposure(store: Store | None, commodity: str, as_of: date | None = None, stage: str | None = None,
             basis: str = "all") -> dict[str, Any]:
    """World production of ``commodity`` by country (USGS), its concentration, and the share under export controls.

    ``controlled_share``: the share of world production from countries that had an export control
    on the commodity in force on ``as_of`` (today when None). ``basis``: ``registry`` counts only the
    reference registry; ``all`` adds controls reported in the news (see ``measures_as_of``).
    """
    day = as_of or date.today()
    _check_commodity(commodity)
    _check_stage(stage)
    table = production_table(commodity, day, stage)
    answer = measures_as_of(store, commodity, day)
    controls = [c for c in answer["in_force"] if basis == "all" or c["basis"] == "registry"]
    controlled = sorted({c["country"] for c in controls if c.get("country")})
    notes = list(answer["notes"])
    if table is None:
        notes.append(f"USGS gives no production by country for {commodity}"
                     + (f" at stage '{stage}'" if stage else "") + " (e.g. germanium is withheld).")
        return {"commodity": commodity, "as_of": day, "production": [], "controlled_share": None,
                "controlled_countries": controlled, "controls_in_force": controls, "notes": notes}
    production = [{**row, "share": round(row["share"], 4), "controlled": row["iso3"] in controlled} for row in table.rows]
    share = round(sum(r["share"] for r in production if r["controlled"]), 4)
    if table.world_qualifier:
        notes.append(f"The USGS world total is qualified '{table.world_qualifier}': shares are bounds.")
    notes.append("HHI covers the separately listed countries only, so it is a lower bound.")
    warning = _edition_warning(table.edition, day)
    reserves = production_table(commodity, day, None, measure="reserves")
    if reserves is not None and reserves.world_qualifier:
        notes.append(f"The USGS world reserves total is qualified '{reserves.world_qualifier}': reserve shares are bounds.")
    return {
        "commodity": commodity, "as_of": day,
        "source": {"dataset": f"USGS Mineral Commodity Summaries ({table.edition})", "commodity": table.usgs_commodity,
                   "type": table.type, "year": table.year, "unit": table.unit, "world_total": table.world_total,
                   "world_qualifier": table.world_qualifier or None},
        "production": production,
        "concentration": concentration(table),
        "controlled_share": share,
        "controlled_countries": controlled,
        "reserves": _reserves_view(reserves, controlled),
        "controls_in_force": controls,
        "basis": basis,
        "warning": warning,
        "notes": notes,
    }


def _edition_warning(edition: str, day: date) -> str | None:
    """Say so when the figures come from an edition published after the day asked about (none earlier ships)."""
    from .reference import USGS_EDITIONS

    out = USGS_EDITIONS.get(edition)
    if out and out > day:
        return (f"No USGS edition out by {day} ships with orewire; these figures are from {edition}, published {out}, "
                "so they may describe a later year than the day asked about.")
    return None


def _reserves_view(table: Any, controlled: list[str]) -> dict[str, Any] | None:
    """Reserves by country (USGS), and the share held by states with a control in force: the longer view."""
    if table is None:
        return None
    return {"year": table.year, "unit": table.unit, "world_total": table.world_total,
            "world_qualifier": table.world_qualifier or None,
            "by_country": [{"iso3": r["iso3"], "country": r["country"], "value": r["value"], "share": round(r["share"], 4)}
                           for r in table.rows],
            "controlled_share": round(sum(r["share"] for r in table.rows if r["iso3"] in controlled), 4)}


def _is_state(value: str) -> bool:
    return len(value) == 3 and value.isupper()


def _known_commodities() -> list[str]:
    from .extract.gazetteer import commodity_forms

    return sorted(set(commodity_forms().values()) | set(usgs_names()))


def commodity_id(value: str) -> str:
    """The lexicon id for a commodity id or name ("antimony", "Rare earths", "NdPr"); ConfigError when unknown."""
    from .errors import ConfigError
    from .extract.gazetteer import commodity_forms

    known = _known_commodities()
    if value in known:
        return value
    forms = {k.lower(): v for k, v in commodity_forms().items()}
    found = forms.get(value.lower()) or forms.get(value.lower().replace("_", " ")) or forms.get(value.lower().replace(" ", "_"))
    if found:
        return found
    if value.lower().replace(" ", "_") in known:
        return value.lower().replace(" ", "_")
    raise ConfigError(f"Unknown commodity '{value}'.{_did_you_mean(value, list(known) + list(forms))} Use a lexicon id "
                      "such as antimony, gallium, rare_earths or copper (the list: orewire/data/lexicon/commodities.csv).")


def country_id(value: str) -> str:
    """The ISO 3166 alpha-3 id for a code or a name ("PAK", "pk", "Pakistan", "Pakistani"); ConfigError when unknown."""
    import pycountry

    from .errors import ConfigError
    from .extract.gazetteer import country_forms, state_ids

    raw = value.strip()
    if raw.upper() in state_ids():
        return raw.upper()
    if len(raw) == 2:
        found = pycountry.countries.get(alpha_2=raw.upper())
        if found:
            return found.alpha_3
    forms = {k.lower(): v[0] for k, v in country_forms().items()}
    if raw.lower() in forms:
        return forms[raw.lower()]
    raise ConfigError(f"Unknown country '{value}'.{_did_you_mean(raw, list(forms))} Use an ISO 3166 code (PAK, PK) "
                      "or a name (Pakistan).")


STAGES = ("mine", "primary", "refinery", "smelter", "raw steel", "plant")


def _check_stage(stage: str | None) -> None:
    """A stage names a kind of USGS table; anything else would silently fall back to the default table."""
    from .errors import ConfigError

    if stage is not None and stage.lower() not in STAGES:
        raise ConfigError(f"Unknown stage '{stage}'.{_did_you_mean(stage, list(STAGES))} Use one of: {', '.join(STAGES)}.")


def _did_you_mean(value: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.lower(), list(dict.fromkeys(c.lower() for c in choices)), n=3, cutoff=0.75)
    return f" Did you mean {', '.join(close)}?" if close else ""


def _check_commodity(commodity: str) -> None:
    commodity_id(commodity)

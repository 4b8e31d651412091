"""The shipped registry and USGS tables, and the as-of answers built on them."""
from __future__ import annotations

from datetime import date

import pytest

from orewire.analysis import commodity_id, exposure, measures_as_of
from orewire.errors import ConfigError
from orewire.reference import load_measures, production_table


def _measure(mid):
    return next(m for m in load_measures() if m.id == mid)


def test_lifecycle_of_a_suspended_measure():
    m = _measure("CN-MOFCOM-2024-46-c2")
    assert m.state_on(date(2024, 12, 2)) is None
    assert m.state_on(date(2024, 12, 3)) == "in_force"
    assert m.state_on(date(2025, 11, 9)) == "suspended"
    assert m.state_on(date(2026, 11, 27)) == "in_force"  # the window ended; the registry does not know more


def test_a_measure_suspended_before_it_took_effect_was_never_in_force():
    m = _measure("CN-MOFCOM-GAC-2025-55")
    assert [m.state_on(date(2025, 10, d)) for d in (8, 9)] == [None, "announced"]
    assert m.state_on(date(2025, 11, 8)) == "suspended"


def test_gallium_exposure_on_2025_11_15():
    answer = exposure(None, "gallium", date(2025, 11, 15))
    assert answer["controlled_share"] == pytest.approx(0.9868, abs=1e-4)
    assert answer["controlled_countries"] == ["CHN"]
    assert answer["source"]["year"] == 2024 and answer["production"][0]["iso3"] == "CHN"
    assert answer["concentration"]["hhi_points"] > 9000
    assert "CN-MOFCOM-GAC-2023-23" in {c["measure_id"] for c in answer["controls_in_force"]}


def test_before_a_control_nothing_is_controlled_and_the_older_edition_is_used():
    answer = exposure(None, "antimony", date(2024, 6, 1))
    assert answer["controlled_share"] == 0.0 and answer["source"]["dataset"].endswith("(MCS2024)")


def test_antimony_measures_on_2025_11_15():
    answer = measures_as_of(None, "antimony", date(2025, 11, 15))
    assert {m["measure_id"] for m in answer["in_force"]} == {"CN-MOFCOM-GAC-2024-33", "CN-MOFCOM-2024-46-c1"}
    states = {m["measure_id"]: m["state"] for m in answer["reported"]["registry"]}
    assert states["CN-MOFCOM-2024-46-c2"] == "suspended" and states["CN-MOFCOM-2025-72"] == "in_force"
    assert "CN-MOFCOM-GAC-2025-10" not in states  # tungsten etc., not antimony


def test_copper_is_not_swept_in_by_the_all_dual_use_clause():
    assert measures_as_of(None, "copper", date(2025, 11, 15))["in_force"] == []


def test_rare_earth_elements_count_against_the_rare_earth_table():
    assert production_table("dysprosium").usgs_commodity == "Rare earths"
    assert exposure(None, "rare_earths", date(2025, 11, 15))["controlled_share"] > 0.6


def test_commodity_names_and_unknown_commodities():
    assert commodity_id("Antimony") == "antimony" and commodity_id("rare earths") == "rare_earths"
    with pytest.raises(ConfigError, match="Unknown commodity 'unobtainium'"):
        commodity_id("unobtainium")


def test_exposure_gives_reserves_and_their_controlled_share():
    answer = exposure(None, "antimony", date(2025, 11, 15))
    reserves = answer["reserves"]
    assert reserves["by_country"][0]["iso3"] == "CHN" and reserves["world_qualifier"] == ">"
    assert reserves["controlled_share"] == pytest.approx(0.335, abs=1e-3)
    assert any("reserve shares are bounds" in n for n in answer["notes"])

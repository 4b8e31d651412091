"""One story told by several outlets becomes one event with the right source and origin counts;
different occurrences stay apart; merges can be explained and undone."""
from __future__ import annotations

import json

import pytest

from orewire.query import EventFilter, explain_cluster, list_resolved_events
from orewire.resolve import resolve_store
from orewire.runner import ingest

COVERAGE = "coverage.jsonl"


@pytest.fixture
def resolved(sample_dir, settings, store, rules_extraction):
    ingest([str(sample_dir / COVERAGE), str(sample_dir / "cobalt_article.html")], store, settings)
    return store


def _shipments(store):
    return list_resolved_events(store, EventFilter(type="SHIPMENT", country="PAK", ascending=True))


def _docs(event):
    return sorted({e["doc"] for e in event["evidence"]})


def test_five_outlets_one_shipment_four_origins(resolved):
    first = next(e for e in _shipments(resolved) if "coverage-01-wire" in _docs(e))
    assert _docs(first) == ["coverage-01-wire", "coverage-02-reprint", "coverage-03-rewrite", "coverage-04-analysis",
                            "coverage-05-oped"]
    assert first["n_sources"] == 5
    assert first["n_origins"] == 4  # the reprint is a copy of the wire story
    assert first["status"] == "completed" and str(first["occurred"]) == "2025-10-08"
    assert {"PAK", "USA"} <= set(first["actors"]) | set(first["counterparts"])
    assert all(e["quote"] and e["article_id"] and e["source"].endswith(tuple(f"#L{i}" for i in range(1, 6)))
               for e in first["evidence"])


def test_same_month_second_shipment_and_planned_exports_stay_apart(resolved):
    shipments = _shipments(resolved)
    second = [e for e in shipments if "coverage-06-second-shipment" in _docs(e)]
    planned = [e for e in shipments if "coverage-07-planned-exports" in _docs(e)]
    assert len(second) == 1 and _docs(second[0]) == ["coverage-06-second-shipment"]
    assert str(second[0]["occurred"]) == "2025-10-27"
    assert len(planned) == 1 and _docs(planned[0]) == ["coverage-07-planned-exports"] and planned[0]["status"] == "planned"


def test_control_merges_with_its_rewrite_but_not_its_suspension(resolved):
    controls = list_resolved_events(resolved, EventFilter(type="EXPORT_CONTROL", commodity="rare_earths", ascending=True))
    # The sample's controls on rare earths: the Oct 9 imposition (one outlet here) and the Nov suspension.
    by_status = {e["status"]: e for e in controls}
    assert set(by_status) == {"announced", "suspended"}
    assert "CN-MOFCOM-2025-62" in by_status["announced"]["measures"]
    assert "CN-MOFCOM-GAC-2025-70" in by_status["suspended"]["measures"]


def test_a_ban_and_its_extension_months_later_stay_apart(resolved):
    cobalt = list_resolved_events(resolved, EventFilter(type="EXPORT_CONTROL", commodity="cobalt", ascending=True))
    assert [str(e["occurred"]) for e in cobalt] == ["2025-02-22", "2025-06-21"]


def test_merges_are_explained_and_a_split_is_kept_across_reruns(resolved):
    first = next(e for e in _shipments(resolved) if "coverage-01-wire" in _docs(e))
    explained = explain_cluster(resolved, first["id"])
    assert len(explained["members"]) == 5 and len(explained["merges"]) == 4
    assert any("syndicated copies of one story" in m["reasons"] for m in explained["merges"])
    oped = next(m for m in explained["members"] if m["doc"] == "coverage-05-oped")
    for other in explained["members"]:
        if other["id"] != oped["id"]:
            resolved.add_override(oped["id"], other["id"], "split", "an opinion piece, not a report")
    resolve_store(resolved)
    after = next(e for e in _shipments(resolved) if "coverage-01-wire" in _docs(e))
    assert after["n_sources"] == 4 and "coverage-05-oped" not in _docs(after)
    alone = next(e for e in _shipments(resolved) if "coverage-05-oped" in _docs(e))
    assert alone["n_sources"] == 1
    assert explain_cluster(resolved, alone["id"])["overrides"]


def test_resolution_is_deterministic_and_reingest_changes_nothing(sample_dir, settings, resolved):
    before = json.dumps(list_resolved_events(resolved), default=str, sort_keys=True)
    ingest([str(sample_dir / COVERAGE)], resolved, settings)
    assert json.dumps(list_resolved_events(resolved), default=str, sort_keys=True) == before


def test_entities_resolve_across_documents(resolved):
    link = resolved.con.execute("SELECT canonical_id, reason FROM entity_links WHERE entity_id = 'org:ussm'").fetchone()
    assert link[0] == "org:us strategic metals" and "USSM" in link[1]
    by_acronym = list_resolved_events(resolved, EventFilter(entity="USSM"))
    by_name = list_resolved_events(resolved, EventFilter(entity="U.S. Strategic Metals"))
    assert by_acronym and [e["id"] for e in by_acronym] == [e["id"] for e in by_name]


def test_events_say_when_the_cross_document_view_is_stale(sample_dir, settings, store):
    from click.testing import CliRunner

    from orewire.cli import main

    ingest([str(sample_dir / COVERAGE)], store, settings, resolve=False)
    store.close()
    result = CliRunner().invoke(main, ["events", "--db", settings.db])
    assert result.exit_code == 0 and "run 'orewire resolve'" in result.output
    assert "0 events" in result.output


def test_reingesting_nothing_new_skips_resolution(sample_dir, settings, store):
    first = ingest([str(sample_dir / COVERAGE)], store, settings)
    again = ingest([str(sample_dir / COVERAGE)], store, settings)
    assert first.resolution is not None and first.resolution.clusters > 0
    assert again.new == 0 and again.resolution is None

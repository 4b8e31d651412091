import json

import pytest
from click.testing import CliRunner

from orewire.cli import main

COMMANDS = sorted(main.commands)


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = _run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    assert len(main.commands[command].help or "") > 20


def test_every_command_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for command in COMMANDS:
        assert f"orewire {command}" in readme, command


def test_demo_then_list_show_and_export(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    demo = _run("demo", "--db", db)
    assert demo.exit_code == 0 and "articles 20" in demo.output
    rows = json.loads(_run("articles", "--db", db, "--format", "json").stdout)
    assert len(rows) == 20
    assert {"id", "source", "title", "published", "dateline", "text"} <= set(rows[0])
    seedlike = [r for r in rows if r["source"].endswith("islamabad_page.txt")]
    assert {r["dateline"] for r in seedlike} == {"ISLAMABAD"} and len(seedlike) == 2
    csv_out = _run("articles", "--db", db, "--format", "csv", "--since", "2025-10-01").output
    assert csv_out.splitlines()[0].startswith("id,doc,source") and len(csv_out.splitlines()) > 2
    shown = _run("show", rows[0]["id"][:10], "--db", db)
    assert shown.exit_code == 0 and rows[0]["title"] in shown.output
    assert json.loads(_run("show", rows[0]["id"], "--db", db, "--format", "json").stdout)["id"] == rows[0]["id"]


def test_filters(tmp_path):
    db = str(tmp_path / "f.duckdb")
    _run("demo", "--db", db)
    only = json.loads(_run("articles", "--db", db, "--format", "json", "--search", "extended its suspension").stdout)
    assert [r["title"] for r in only] == ["Congo extends cobalt export ban by three months"]
    assert json.loads(_run("articles", "--db", db, "--format", "json", "--source", "feed").stdout)[0]["source"].endswith("#item1")


def test_unknown_id_and_missing_db_are_clear_errors(tmp_path):
    db = str(tmp_path / "x.duckdb")
    missing = _run("articles", "--db", db)
    assert missing.exit_code == 3 and "Run 'orewire ingest PATH' first" in missing.output  # database absent: 3
    _run("demo", "--db", db)
    unknown = _run("show", "zzz", "--db", db)
    assert unknown.exit_code == 1 and "No article id starts with 'zzz'" in unknown.output


def test_bad_option_is_a_usage_error(tmp_path):
    result = _run("ingest", "x.txt", "--workers", "many", "--db", str(tmp_path / "u.duckdb"))
    assert result.exit_code == 2 and "--workers" in result.output


def test_doctor_passes_here():
    result = _run("doctor")
    assert result.exit_code == 0, result.output
    assert "duckdb" in result.output and "sample corpus" in result.output


def test_retrieved_at_resolves_relative_stamps(tmp_path, sample_dir):
    db = str(tmp_path / "r.duckdb")
    _run("ingest", str(sample_dir / "islamabad_page.txt"), "--db", db, "--retrieved-at", "2025-11-20T08:00:00+00:00")
    rows = json.loads(_run("articles", "--db", db, "--format", "json").stdout)
    assert sorted(r["published"] for r in rows) == ["2025-10-15", "2025-11-20"]


def test_cross_document_commands(tmp_path, rules_extraction):
    import networkx as nx

    db = str(tmp_path / "x.duckdb")
    _run("demo", "--db", db)
    resolved = json.loads(_run("events", "--db", db, "--format", "json", "--type", "SHIPMENT", "--country", "PAK").stdout)
    top = max(resolved, key=lambda e: e["n_sources"])
    assert top["n_sources"] == 5 and top["n_origins"] == 4
    assert {"type", "actors", "counterparts", "commodities", "status", "polarity", "occurred", "first_reported",
            "last_reported", "n_sources", "n_origins", "evidence"} <= set(top)
    assert {"quote", "article_id", "source", "url"} <= set(top["evidence"][0])
    per_doc = json.loads(_run("events", "--db", db, "--format", "json", "--per-document", "--type", "SHIPMENT").stdout)
    assert len(per_doc) > len(resolved)

    explained = _run("merges", "explain", top["id"][:10], "--db", db)
    assert explained.exit_code == 0 and "merged" in explained.output
    member = json.loads(_run("merges", "explain", top["id"], "--db", db, "--format", "json").stdout)["members"][-1]["id"]
    split = _run("merges", "split", member[:12], "--db", db, "--note", "test")
    assert split.exit_code == 0 and "split" in split.output
    after = json.loads(_run("events", "--db", db, "--format", "json", "--type", "SHIPMENT", "--country", "PAK").stdout)
    assert max(e["n_sources"] for e in after) == 4

    measures = json.loads(_run("measures", "--commodity", "antimony", "--as-of", "2025-11-15", "--db", db,
                               "--format", "json").stdout)
    assert "CN-MOFCOM-GAC-2024-33" in {m.get("measure_id") for m in measures["in_force"]}
    assert any("CN-MOFCOM-2025-72" in n["measures"] for n in measures["reported"]["news"])
    gallium = json.loads(_run("exposure", "gallium", "--as-of", "2025-11-15", "--db", db, "--format", "json").stdout)
    assert abs(gallium["controlled_share"] - 0.9868) < 1e-4

    timeline = _run("timeline", "--commodity", "antimony", "--db", db)
    assert timeline.exit_code == 0 and "SHIPMENT completed" in timeline.output
    ordered = json.loads(_run("timeline", "--commodity", "antimony", "--db", db, "--format", "json").stdout)
    days = [e["occurred"] or e["first_reported"] for e in ordered if e["occurred"] or e["first_reported"]]
    assert days == sorted(days) and max(e["n_sources"] for e in ordered) == 4

    out = tmp_path / "g.graphml"
    assert _run("graph", "--db", db, "-o", str(out)).exit_code == 0
    g = nx.read_graphml(out)
    assert g.has_node("PAK") and any(d.get("kind") == "EVENT" for _, d in g.nodes(data=True))
    data = json.loads(_run("graph", "--db", db, "--format", "json").stdout)
    h = nx.node_link_graph(data, edges="links")
    assert h.number_of_edges() == len(data["links"]) > 0


def test_exposure_and_measures_without_a_database(tmp_path):
    db = str(tmp_path / "none.duckdb")
    result = _run("exposure", "Gallium", "--as-of", "2025-11-15", "--db", db, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["controlled_share"] > 0.98
    bad = _run("measures", "--commodity", "unobtainium", "--db", db)
    assert bad.exit_code == 2 and "Unknown commodity 'unobtainium'" in bad.output

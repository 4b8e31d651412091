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
    assert missing.exit_code == 1 and "Run 'orewire ingest PATH' first" in missing.output
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

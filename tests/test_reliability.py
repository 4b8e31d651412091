"""Reliability: one bad document never costs the rest of its batch, and every string reaches the store as UTF-8."""
from __future__ import annotations

import json

from orewire.errors import StoreError
from orewire.runner import ingest
from orewire.store import Store
from orewire.model import safe_text


def _stories(path, n, bad_at=None, bad_id="i\udc80"):
    lines = []
    for i in range(n):
        rid = bad_id if i == bad_at else f"doc-{i}"
        lines.append(json.dumps({"id": rid, "url": f"https://example.com/{i}", "title": f"Story {i}",
                                 "text": f"Story number {i} about the weather in the plains today."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(store, table):
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_lone_surrogates_become_visible_escapes():
    assert safe_text("i\udc80") == "i\\x80"
    assert safe_text("a\ud800b") == "a\\ud800b"
    assert safe_text("plain é") == "plain é"
    assert safe_text(7) == 7


def test_a_record_with_a_lone_surrogate_loses_nothing(tmp_path, settings, store):
    """Before: one such record at line 301 of 1,001 left 255 stored and stopped the run."""
    path = _stories(tmp_path / "a.jsonl", 1001, bad_at=300)
    report = ingest([str(path)], store, settings.with_(batch_size=256), extract=False)
    assert report.articles == 1001 and _count(store, "articles") == 1001
    docs = {r[0] for r in store.con.execute("SELECT doc FROM articles").fetchall()}
    assert "i\\x80" in docs


def test_a_surrogate_in_a_url_or_meta_is_stored_too(tmp_path, settings, store):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "url": "https://e.com/\udc80", "title": "T\ud800", "text": "Some text here."}) + "\n")
    assert ingest([str(path)], store, settings, extract=False).articles == 1


def test_a_document_the_database_refuses_is_quarantined_and_its_batch_kept(tmp_path, settings, store, monkeypatch):
    real = Store.write_batch

    def refuse_doc_7(self, run_id, raws, articles, quarantined, extractions=()):
        if any('"doc-7"' in json.dumps(r.meta) or r.source.endswith("#L8") for r in raws):
            raise StoreError("simulated refusal", self.path)
        return real(self, run_id, raws, articles, quarantined, extractions)

    monkeypatch.setattr(Store, "write_batch", refuse_doc_7)
    path = _stories(tmp_path / "c.jsonl", 20)
    report = ingest([str(path)], store, settings.with_(batch_size=8), extract=False)
    assert report.articles == 19 and _count(store, "articles") == 19
    rows = store.con.execute("SELECT reason, source FROM quarantine").fetchall()
    assert [r[0] for r in rows] == ["store_rejected"] and rows[0][1].endswith("#L8")
    assert report.exit_code != 0


# --- one bad input never crashes the run (finding 2) -------------------------------------------------

def _good_jsonl(path, n=3, prefix="g"):
    path.write_text("".join(json.dumps({"id": f"{prefix}{i}", "text": f"Good story {prefix} {i} about rain."}) + "\n"
                            for i in range(n)))
    return path


def test_a_corrupt_gzip_sorted_first_does_not_stop_the_folder(tmp_path, settings, store):
    import gzip
    import random

    folder = tmp_path / "in"
    folder.mkdir()
    stored_ok = 0
    for seed in range(12):  # about 43% of such files crashed the run before
        body = bytearray(gzip.compress(b"".join(json.dumps({"id": f"z{seed}-{i}", "text": f"Story {i} " * 40}).encode() + b"\n"
                                                for i in range(50))))
        rng = random.Random(seed)
        for _ in range(4):
            body[rng.randrange(20, len(body) - 10)] = rng.randrange(256)
        (folder / f"a{seed:02d}.jsonl.gz").write_bytes(bytes(body))
    _good_jsonl(folder / "z.jsonl")
    report = ingest([str(folder)], store, settings, extract=False)
    ids = {r[0] for r in store.con.execute("SELECT doc FROM articles").fetchall()}
    assert {"g0", "g1", "g2"} <= ids
    assert report.rejected >= 1


def test_deeply_nested_json_is_one_bad_line(tmp_path, settings, store):
    path = _good_jsonl(tmp_path / "a.jsonl")
    with path.open("a") as fh:
        fh.write("[" * 100000 + "]" * 100000 + "\n")
        fh.write(json.dumps({"id": "after", "text": "A story after the bad line."}) + "\n")
    report = ingest([str(path)], store, settings, extract=False)
    assert report.articles == 4 and report.rejected == 1


def test_bad_lines_at_the_start_do_not_hide_the_good_ones(tmp_path, settings, store):
    """Before: 20 malformed lines at the start quarantined the whole file and 5 good lines were never read."""
    path = tmp_path / "a.jsonl"
    path.write_text("not json\n" * 20 + "".join(json.dumps({"id": f"k{i}", "text": f"Fine story {i}."}) + "\n" for i in range(5)))
    report = ingest([str(path)], store, settings, extract=False)
    assert report.articles == 5 and report.rejected == 20


def test_a_one_line_gzip_bomb_is_capped_while_reading(tmp_path, settings, store):
    import gzip

    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"id": "big", "text": "' + b"a" * (3 * 1024 * 1024) + b'"}\n')
        fh.write(json.dumps({"id": "small", "text": "A small story."}).encode() + b"\n")
    report = ingest([str(path)], store, settings.with_(max_record_bytes=1024 * 1024), extract=False)
    assert report.articles == 1
    reasons = [r[0] for r in store.con.execute("SELECT reason FROM quarantine").fetchall()]
    assert reasons == ["too_large"]


def test_a_feed_item_with_a_surrogate_character_reference(tmp_path, settings, store):
    feed = tmp_path / "f.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    '<item><title>Bad &#xD800; item</title><link>https://e.com/1</link><description>Antimony exports rose '
                    'sharply this month &#xD800; say traders.</description></item>'
                    '<item><title>Good item</title><link>https://e.com/2</link><description>Copper output rose.</description></item>'
                    '</channel></rss>')
    report = ingest([str(feed)], store, settings, extract=False)
    assert report.articles + report.rejected >= 2
    assert report.articles >= 1


def test_an_overlong_path_is_quarantined(tmp_path, settings, store):
    good = _good_jsonl(tmp_path / "a.jsonl")
    report = ingest(["/tmp/" + "x" * 5000, str(good)], store, settings, extract=False)
    assert report.articles == 3 and report.rejected == 1


def test_an_overlong_url_is_quarantined(tmp_path, settings, store):
    good = _good_jsonl(tmp_path / "a.jsonl")
    report = ingest(["https://example.com/" + "a" * 70000, str(good)], store, settings, extract=False)
    assert report.articles == 3 and report.rejected == 1


# --- filters are literal text (finding 5) ------------------------------------------------------------

def test_percent_and_underscore_in_filters_are_literal(sample_dir, settings, store):
    """Before: --search _ returned every article and 'merges explain %' picked an arbitrary event."""
    from orewire.query import ArticleFilter, explain_cluster, get_article, list_articles

    ingest([str(sample_dir)], store, settings)
    rows = store.con.execute("SELECT title, text, source FROM articles").fetchall()
    for mark in ("_", "%"):
        expected = sum(mark in (t or "").lower() or mark in (x or "").lower() for t, x, _ in rows)
        assert expected < len(rows)
        assert len(list_articles(store, ArticleFilter(search=mark))) == expected
    assert list_articles(store, ArticleFilter(source="%")) == []
    assert len(list_articles(store, ArticleFilter(search="ANTIMONY"))) == sum("antimony" in (x or "").lower() or
                                                                                "antimony" in (t or "").lower() for t, x, _ in rows) > 0
    assert explain_cluster(store, "%") is None and explain_cluster(store, "") is None
    assert get_article(store, "%") == [] and get_article(store, "") == []


def test_a_killed_run_is_marked_interrupted_by_the_next_one(tmp_path, settings, store):
    path = _good_jsonl(tmp_path / "a.jsonl")
    store.start_run([str(path)])  # a run that never finished (its process was killed)
    ingest([str(path)], store, settings, extract=False)
    statuses = sorted(r[0] for r in store.con.execute("SELECT status FROM ingest_runs").fetchall())
    assert statuses == ["finished", "interrupted"]


def test_the_size_cap_message_says_the_documented_20_mb(tmp_path, settings, store):
    page = tmp_path / "big.txt"
    page.write_bytes(b"word " * (settings.max_document_bytes // 5 + 10))
    ingest([str(page)], store, settings, extract=False)
    detail = store.con.execute("SELECT detail FROM quarantine").fetchone()[0]
    assert "over the 20 MB cap" in detail, detail


def test_a_warc_record_claiming_more_bytes_than_the_file_holds_is_quarantined(tmp_path, settings, store, sample_dir):
    """Before: Content-Length 99999999999 on the first record gave exit 0, 'read 0', no row, both articles lost."""
    import gzip

    raw = gzip.open(sample_dir / "cc_news_sample.warc.gz").read()
    bad = tmp_path / "bad.warc"
    bad.write_bytes(raw.replace(b"Content-Length: 18", b"Content-Length: 99999999999", 1))
    report = ingest([str(bad)], store, settings, extract=False)
    assert report.rejected == 1 and report.exit_code != 0
    assert store.con.execute("SELECT reason FROM quarantine").fetchone()[0] == "truncated_warc"


def test_truncated_warcs_are_quarantined_and_their_first_records_kept(tmp_path, settings, store, sample_dir):
    import gzip

    raw = gzip.open(sample_dir / "cc_news_sample.warc.gz").read()
    (tmp_path / "half.warc").write_bytes(raw[: len(raw) // 2])
    (tmp_path / "tail.warc").write_bytes(raw[: len(raw) - 200])
    report = ingest([str(tmp_path)], store, settings, extract=False)
    assert report.rejected == 2 and report.articles == 1


# --- exit codes (finding 6) --------------------------------------------------------------------------

def test_an_internal_error_exits_4_with_one_line_and_a_log(tmp_path, monkeypatch, capsys):
    import pytest

    import orewire.cli as cli

    def boom():
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli, "main", boom)
    monkeypatch.setenv("OREWIRE_LOG_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 4
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: simulated bug)" in err and "Traceback" not in err
    logs = list(tmp_path.glob("crash-*.log"))
    assert len(logs) == 1 and "Traceback" in logs[0].read_text()


def test_an_unusable_database_exits_3(tmp_path):
    from click.testing import CliRunner

    from orewire.cli import main

    bad = tmp_path / "not.duckdb"
    bad.write_bytes(b"this is not a database at all" * 100)
    result = CliRunner().invoke(main, ["articles", "--db", str(bad)])
    assert result.exit_code == 3, result.output


# --- two writers, and readers during an ingest (findings 7 and the campaign) ---------------------------

def test_a_second_writer_is_refused_with_the_first_ones_role(tmp_path):
    from orewire.errors import StoreError
    from orewire.store import open_store

    db = str(tmp_path / "w.duckdb")
    with open_store(db, role="ingest"):
        try:
            open_store(db, role="resolve")
        except StoreError as exc:
            message, code = str(exc), exc.exit_code
        else:
            raise AssertionError("a second writer was let in")
    assert "being written by another orewire process (ingest, pid" in message and code == 3
    with open_store(db, role="resolve"):  # free again once the first writer closed
        pass


def test_readers_get_in_between_the_batches_of_a_running_ingest(tmp_path, settings):
    """An ingest in a subprocess writes batch by batch; `articles` runs meanwhile and answers."""
    import subprocess
    import sys
    import time

    from click.testing import CliRunner

    from orewire.cli import main

    stories = tmp_path / "s.jsonl"
    stories.write_text("".join(json.dumps({"id": f"s{i}", "text": f"Story {i} about wheat and rain. " * 20}) + "\n"
                               for i in range(6000)))
    db = str(tmp_path / "r.duckdb")
    proc = subprocess.Popen([sys.executable, "-m", "orewire", "ingest", str(stories), "--db", db, "--quiet", "--no-extract"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        answered = 0
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            import pathlib

            if pathlib.Path(db).exists():
                result = CliRunner().invoke(main, ["runs", "--db", db])
                assert result.exit_code in (0, 3), result.output
                answered += result.exit_code == 0
            time.sleep(0.2)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, proc.stderr.read().decode()[-500:]
    assert answered >= 1


# --- damaged and foreign database files (finding 5) ----------------------------------------------------

def _demo_db(tmp_path, sample_dir, settings):
    from orewire.store import Store

    db = tmp_path / "good.duckdb"
    with Store(str(db)) as store:
        ingest([str(sample_dir / "wire_stories.jsonl"), str(sample_dir / "islamabad_page.txt")], store, settings.with_(db=str(db)))
    return db


def test_an_sqlite_file_is_refused_without_a_download_attempt(tmp_path):
    from click.testing import CliRunner

    from orewire.cli import main

    db = tmp_path / "x.duckdb"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)
    result = CliRunner().invoke(main, ["articles", "--db", str(db)])
    assert result.exit_code == 3 and "is an SQLite database" in result.output


def test_a_half_truncated_database_is_called_damaged_not_old(tmp_path, sample_dir, settings):
    from click.testing import CliRunner

    from orewire.cli import main

    db = _demo_db(tmp_path, sample_dir, settings)
    half = tmp_path / "half.duckdb"
    half.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    result = CliRunner().invoke(main, ["articles", "--db", str(half)])
    assert result.exit_code == 3 and "damaged" in result.output and "older orewire" not in result.output


def test_garbage_in_the_middle_of_a_database_stops_ingest_with_exit_3(tmp_path, sample_dir, settings):
    import os
    import subprocess
    import sys

    db = _demo_db(tmp_path, sample_dir, settings)
    with db.open("r+b") as fh:
        fh.seek(db.stat().st_size // 2)
        fh.write(os.urandom(300_000))
    result = subprocess.run([sys.executable, "-m", "orewire", "ingest", str(sample_dir / "minerals_feed.rss"), "--db", str(db),
                             "--quiet"], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and "damaged" in result.stderr


def test_a_folder_walk_counts_what_it_passes_over(tmp_path, settings, store):
    """Before: hidden files, FIFOs and broken links were skipped without a word."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    _good_jsonl(folder / "a.jsonl")
    (folder / ".hidden.jsonl").write_text(json.dumps({"id": "h", "text": "Hidden story."}) + "\n")
    os.mkfifo(folder / "pipe")
    (folder / "dangling").symlink_to(folder / "nowhere")
    (folder / "loop").symlink_to(folder / "loop")
    report = ingest([str(folder)], store, settings, extract=False)
    assert report.articles == 3 and report.rejected == 0 and report.exit_code == 0
    reasons = sorted(r[0] for r in store.con.execute("SELECT reason FROM quarantine WHERE action = 'skipped'").fetchall())
    assert reasons == ["broken_link", "broken_link", "hidden", "special_file"]  # a self-loop reads as a broken link
    assert report.skipped == 4


# --- bounded work (finding 3) --------------------------------------------------------------------------

def test_a_page_nested_100000_deep_is_quarantined_at_once(tmp_path, settings, store):
    """Before: 385 s in the native parser, which the 30 s alarm cannot interrupt."""
    import time

    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + "<p>x</p>" + "</div>" * 100_000 + "</body></html>")
    _good_jsonl(tmp_path / "ok.jsonl")
    started = time.perf_counter()
    report = ingest([str(tmp_path)], store, settings, extract=False)
    assert time.perf_counter() - started < 20
    assert report.articles == 3
    assert [r[0] for r in store.con.execute("SELECT reason FROM quarantine").fetchall()] == ["too_deep"]


# --- analysts' questions never get a silent empty answer ------------------------------------------------

def test_filters_resolve_names_and_codes_and_refuse_unknown_values(tmp_path):
    from click.testing import CliRunner

    from orewire.cli import main

    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", db]).exit_code == 0

    def count(*args):
        result = runner.invoke(main, ["events", "--db", db, "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return len(json.loads(result.stdout))

    by_code = count("--country", "PAK")
    assert by_code > 0 and count("--country", "Pakistan") == count("--country", "PK") == by_code
    assert count("--commodity", "rare earths") == count("--commodity", "rare_earths") > 0
    unknown = runner.invoke(main, ["events", "--db", db, "--commodity", "galium"])
    assert unknown.exit_code == 2 and "Did you mean gallium" in unknown.output
    assert runner.invoke(main, ["events", "--db", db, "--country", "Narnia"]).exit_code == 2
    for bad in ("-1", "0"):
        assert runner.invoke(main, ["articles", "--db", db, "--limit", bad]).exit_code == 2
    stage = runner.invoke(main, ["exposure", "gallium", "--stage", "foo", "--db", db])
    assert stage.exit_code == 2 and "Unknown stage" in stage.output


def test_a_suspension_past_its_end_no_longer_shows_in_force():
    """CN-MOFCOM-2025-72 suspends the US clause until 2026-11-27; after that day it must not read as in force."""
    from datetime import date

    from orewire.analysis import measures_as_of

    def state(day):
        rows = measures_as_of(None, "gallium", day)["reported"]["registry"]
        return next(m["state"] for m in rows if m["measure_id"] == "CN-MOFCOM-2025-72")

    def in_force(day):
        return {m["measure_id"] for m in measures_as_of(None, "gallium", day)["in_force"]}

    assert state(date(2026, 1, 10)) == "in_force" and "CN-MOFCOM-2024-46-c2" not in in_force(date(2026, 1, 10))
    assert state(date(2026, 12, 1)) == "expired" and "CN-MOFCOM-2024-46-c2" in in_force(date(2026, 12, 1))


def test_measures_without_a_commodity_list_everything_in_force_and_export_as_csv():
    import csv
    import io

    from click.testing import CliRunner

    from orewire.cli import main

    runner = CliRunner()
    every = runner.invoke(main, ["measures", "--as-of", "2026-12-01", "--db", "/nonexistent/none.duckdb", "--format", "csv"])
    assert every.exit_code == 0, every.output
    rows = list(csv.DictReader(io.StringIO(every.stdout)))
    ids = {r["id"] for r in rows}
    assert {"CN-MOFCOM-2024-46-c2", "CN-MOFCOM-GAC-2024-33"} <= ids and len(ids) == len(rows)
    one = runner.invoke(main, ["measures", "--commodity", "gallium", "--as-of", "2026-12-01", "--db", "/nonexistent/none.duckdb",
                               "--format", "csv"])
    assert {r["id"] for r in csv.DictReader(io.StringIO(one.stdout))} < ids
    exposure = runner.invoke(main, ["exposure", "antimony", "--db", "/nonexistent/none.duckdb", "--format", "csv"])
    assert exposure.exit_code == 0 and exposure.stdout.startswith("iso3,country,value,share,controlled")


def test_a_warc_cut_inside_its_first_record_is_named(tmp_path, settings, store, sample_dir):
    """Found by bench/fuzz.py: such a file used to end the run with no article and no row."""
    import gzip

    raw = gzip.open(sample_dir / "cc_news_sample.warc.gz").read()
    (tmp_path / "cut.warc").write_bytes(raw[:222])
    report = ingest([str(tmp_path / "cut.warc")], store, settings, extract=False)
    assert report.rejected == 1
    assert store.con.execute("SELECT reason FROM quarantine").fetchone()[0] == "no_records"


def test_statements_show_speaker_and_subtype_and_one_event_shows_all_its_sources(tmp_path):
    from click.testing import CliRunner

    from orewire.cli import main

    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", db]).exit_code == 0
    statements = runner.invoke(main, ["events", "--db", db, "--type", "STATEMENT"], terminal_width=400)
    assert statements.exit_code == 0 and "speaker " in statements.output
    timeline = runner.invoke(main, ["timeline", "--db", db, "--commodity", "gallium"], terminal_width=400)
    assert "STATEMENT/" in timeline.output
    rows = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "json"]).stdout)
    busiest = max(rows, key=lambda r: r["n_sources"])
    one = runner.invoke(main, ["event", busiest["id"][:10], "--db", db], terminal_width=400)
    assert one.exit_code == 0 and one.output.count("“") >= busiest["n_sources"]
    assert runner.invoke(main, ["event", "zzzz", "--db", db]).exit_code == 1


def test_entities_lists_names_aliases_and_counts_and_searches_literally(tmp_path):
    from click.testing import CliRunner

    from orewire.cli import main

    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", db]).exit_code == 0
    rows = json.loads(runner.invoke(main, ["entities", "--db", db, "--format", "json", "--limit", "500"]).stdout)
    usa = next(r for r in rows if r["id"] == "USA")
    assert usa["name"] == "United States" and usa["articles"] > 0
    found = json.loads(runner.invoke(main, ["entities", "--db", db, "--format", "json", "--search", "USSM"]).stdout)
    assert [r["name"] for r in found] == ["US Strategic Metals"] and "USSM" in found[0]["aliases"]
    assert json.loads(runner.invoke(main, ["entities", "--db", db, "--format", "json", "--search", "%"]).stdout) == []


def test_a_join_after_a_split_restores_the_whole_group_and_decisions_can_be_listed_and_cleared(tmp_path):
    """Before: a wire story and its reprint stayed in different events (3 + 2 sources) after split then join."""
    from click.testing import CliRunner

    from orewire.cli import main

    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", db]).exit_code == 0

    def groups():
        return json.loads(runner.invoke(main, ["events", "--db", db, "--format", "json", "--limit", "500"]).stdout)

    big = max(groups(), key=lambda r: r["n_events"])
    n = big["n_events"]
    assert n >= 3
    explained = json.loads(runner.invoke(main, ["merges", "explain", big["id"], "--db", db, "--format", "json"]).stdout)
    first, second = (m["id"] for m in explained["members"][:2])
    assert runner.invoke(main, ["merges", "split", first, "--db", db]).exit_code == 0
    assert max(r["n_events"] for r in groups()) == n - 1
    assert runner.invoke(main, ["merges", "join", first, second, "--db", db]).exit_code == 0
    assert max(r["n_events"] for r in groups()) == n  # the whole group again
    listed = json.loads(runner.invoke(main, ["merges", "decisions", "--db", db, "--format", "json"]).stdout)
    assert [d["decision"] for d in listed] == ["join"]
    assert runner.invoke(main, ["merges", "decisions", "--clear", "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(main, ["merges", "decisions", "--db", db, "--format", "json"]).stdout) == []


def test_one_name_per_country_and_no_footnote_letters_in_exposure():
    from orewire.analysis import exposure

    answer = exposure(None, "gallium")
    names = {r["iso3"]: r["country"] for r in answer["production"]}
    from orewire.query import country_name

    assert names.get("RUS") == "Russia" and names.get("KOR") == "South Korea"  # the table says "Russiae", "Korea, Republic ofe"
    assert all(name == country_name(iso3) for iso3, name in names.items())


def test_non_utf8_file_names_are_stored_safely_and_a_non_utf8_db_path_is_a_usage_error(tmp_path):
    import os
    import subprocess
    import sys

    folder = os.path.join(os.fsencode(str(tmp_path)), b"in")
    os.makedirs(folder)
    with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as fh:
        fh.write(b"Zinc output rose 5% in March at the Red Dog mine, the operator said on Tuesday.\n" * 3)
    db = str(tmp_path / "a.duckdb")
    run = subprocess.run([sys.executable, "-m", "orewire", "ingest", os.fsdecode(folder), "--db", db, "--quiet", "--no-extract"],
                         capture_output=True)
    assert run.returncode == 0, run.stderr
    listed = subprocess.run([sys.executable, "-m", "orewire", "articles", "--db", db, "--format", "json"], capture_output=True)
    assert "bad\\\\xffname.txt" in listed.stdout.decode()
    bad_db = os.fsdecode(os.path.join(os.fsencode(str(tmp_path)), b"db\xff.duckdb"))
    refused = subprocess.run([sys.executable, "-m", "orewire", "ingest", os.fsdecode(folder), "--db", bad_db, "--quiet"],
                             capture_output=True)
    assert refused.returncode == 2 and b"not valid UTF-8" in refused.stderr and b"Traceback" not in refused.stderr


def test_an_articles_table_stops_at_a_screenful_and_says_how_to_see_more(tmp_path, settings, store):
    from click.testing import CliRunner

    from orewire.cli import TABLE_LIMIT, main

    path = _good_jsonl(tmp_path / "many.jsonl", n=TABLE_LIMIT + 5)
    ingest([str(path)], store, settings, extract=False)
    store.close()
    table = CliRunner().invoke(main, ["articles", "--db", settings.db])
    assert table.exit_code == 0 and f"Showing the newest {TABLE_LIMIT}" in table.output
    every = json.loads(CliRunner().invoke(main, ["articles", "--db", settings.db, "--format", "json"]).stdout)
    assert len(every) == TABLE_LIMIT + 5


def test_a_piped_ingest_prints_progress_lines_with_a_percentage(tmp_path, monkeypatch):
    import orewire.cli as cli
    from click.testing import CliRunner

    monkeypatch.setattr(cli, "LOG_EVERY_S", 0.0)
    path = _good_jsonl(tmp_path / "s.jsonl", n=600)
    result = CliRunner().invoke(cli.main, ["ingest", str(path), "--db", str(tmp_path / "p.duckdb"), "--no-extract"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith("progress:")]
    assert lines and "% of" in lines[-1]


def test_input_size_is_known_for_files_and_gzip_and_unknown_for_urls(tmp_path):
    import gzip

    from orewire.runner import input_bytes

    (tmp_path / "a.txt").write_bytes(b"x" * 1000)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b"y" * 50_000))
    assert input_bytes([str(tmp_path)]) == 51_000
    assert input_bytes(["https://example.org/x"]) is None


def test_exposure_before_the_first_shipped_edition_says_so():
    from datetime import date

    from orewire.analysis import exposure

    early = exposure(None, "tin", date(1987, 4, 15))
    assert early["warning"] and "MCS2024" in early["warning"] and "1987-04-15" in early["warning"]
    assert exposure(None, "tin", date(2025, 4, 15))["warning"] is None


def test_the_resolve_step_reports_its_stages(sample_dir, settings, store):
    heard = []
    ingest([str(sample_dir / "coverage.jsonl")], store, settings, on_resolve_step=heard.append)
    assert heard[0].startswith("resolving:") and any("grouping" in h for h in heard) and heard[-1].startswith("resolving: writing")

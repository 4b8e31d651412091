import pytest

from orewire.errors import StoreError
from orewire.runner import ingest
from orewire.store import Store, open_store
from orewire.store.migrations import MIGRATIONS


def _count(store, table):
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_migrations_are_recorded_once(settings):
    with Store(settings.db) as s:
        assert s.applied_migrations() == [name for name, _ in MIGRATIONS]
    with Store(settings.db) as s:  # reopening applies nothing new
        assert s.migrate() == []


def test_reingest_adds_nothing(sample_dir, settings, store):
    first = ingest([str(sample_dir)], store, settings)
    counts = {t: _count(store, t) for t in ("raw_documents", "articles", "quarantine")}
    second = ingest([str(sample_dir)], store, settings)
    assert first.new == 19 and first.articles == 20
    assert second.new == 0 and second.articles == 0 and second.duplicate == second.read == 19
    assert {t: _count(store, t) for t in counts} == counts


def test_interrupted_run_keeps_its_batches_and_a_rerun_completes(sample_dir, settings, store):
    class Killed(Exception):
        pass

    def die_after_first_batch(report):
        raise Killed

    with pytest.raises(Killed):
        ingest([str(sample_dir)], store, settings.with_(batch_size=3), on_batch=die_after_first_batch)
    kept = _count(store, "raw_documents")
    assert 0 < kept < 19
    status = store.con.execute("SELECT status FROM ingest_runs").fetchone()[0]
    assert status == "interrupted"
    rerun = ingest([str(sample_dir)], store, settings)
    assert rerun.new == 19 - kept and rerun.duplicate == kept
    assert _count(store, "raw_documents") == 19 and _count(store, "articles") == 20


def test_read_only_open_of_a_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="Run 'orewire ingest PATH' first"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_raw_documents_are_kept_for_reprocessing(sample_dir, settings, store):
    ingest([str(sample_dir / "islamabad_page.txt")], store, settings)
    body = store.con.execute("SELECT body FROM raw_documents").fetchone()[0]
    assert body == (sample_dir / "islamabad_page.txt").read_bytes()


def test_killed_process_keeps_what_it_stored_and_a_rerun_completes(tmp_path):
    """SIGKILL a real `orewire ingest` once it has committed, then run the same command again."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big.jsonl"
    with big.open("w") as fh:
        for i in range(40_000):
            fh.write(json.dumps({"id": f"k{i}", "title": f"Story {i}", "text": f"Zinc output was {i} tonnes in week {i % 52}."}) + "\n")
    db = tmp_path / "kill.duckdb"
    cmd = [sys.executable, "-m", "orewire", "ingest", str(big), "--db", str(db), "--quiet", "--no-extract"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = tmp_path / "kill.duckdb.wal"
    deadline = time.time() + 60
    def committed() -> bool:  # a batch is in the write-ahead log, or already checkpointed into the file
        return (wal.exists() and wal.stat().st_size > 200_000) or (db.exists() and db.stat().st_size > 3_000_000)

    while time.time() < deadline and proc.poll() is None and not committed():
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed; make the input bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db) as s:
        kept = _count(s, "raw_documents")
    assert 0 < kept < 40_000
    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"new {40_000 - kept}, duplicate {kept}" in rerun.stdout
    with Store(db) as s:
        assert _count(s, "raw_documents") == _count(s, "articles") == 40_000


def test_an_older_database_is_upgraded_or_named_on_read(tmp_path):
    from orewire.errors import StoreError
    from orewire.store import open_store

    path = str(tmp_path / "old.duckdb")
    with Store(path) as s:  # make it look like a database from before cross-document resolution
        s.con.execute("DELETE FROM _orewire_migrations WHERE name = '0003_resolution'")
        for table in ("article_minhash", "article_origins", "entity_links", "resolved_events", "event_clusters",
                      "event_merges", "merge_overrides", "measure_links"):
            s.con.execute(f"DROP TABLE {table}")
    with pytest.raises(StoreError, match="older orewire .*0003_resolution.*orewire resolve"):
        open_store(path, read_only=True)
    with open_store(path) as s:  # a writable open upgrades it
        assert "0003_resolution" in s.applied_migrations()
    open_store(path, read_only=True).close()

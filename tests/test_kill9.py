"""Kill -9 at random moments, again and again: after a final clean run nothing is lost and nothing is doubled."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from orewire.store import Store

N = 30000


def _stories(path):
    with path.open("w") as fh:
        for i in range(N):
            fh.write(json.dumps({"id": f"k{i}", "title": f"Story {i}", "text": f"Zinc output was {i} tonnes in week {i % 52}."}) + "\n")


def _ids(db):
    with Store(str(db), read_only=True) as s:
        return {t: {r[0] for r in s.con.execute(f"SELECT id FROM {t}").fetchall()}
                for t in ("raw_documents", "articles")}


def test_five_kills_then_a_rerun_equal_one_clean_run(tmp_path):
    stories = tmp_path / "s.jsonl"
    _stories(stories)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    def cmd(db):
        return [sys.executable, "-m", "orewire", "ingest", str(stories), "--db", str(db), "--quiet", "--no-extract"]

    rng = random.Random(7)
    kills = 0
    for _ in range(5):
        proc = subprocess.Popen(cmd(killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))  # from start-up to mid-run
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 3, "the runs finished before they could be killed; make the input bigger"
    assert subprocess.run(cmd(killed_db), capture_output=True).returncode == 0
    assert subprocess.run(cmd(clean_db), capture_output=True).returncode == 0
    killed, clean = _ids(killed_db), _ids(clean_db)
    assert killed == clean and len(clean["articles"]) == N  # 0 lost, 0 duplicated (ids are content hashes)
    with Store(str(killed_db), read_only=True) as s:
        statuses = [r[0] for r in s.con.execute("SELECT status FROM ingest_runs ORDER BY started_at").fetchall()]
    assert statuses[-1] == "finished" and "running" not in statuses

"""Ingest throughput and peak memory, in-process vs the process pool, on two workloads.

    .venv/bin/python bench/ingest_throughput.py [--input PATH] [--workers 1,auto] [--html-copies 20]

* ``jsonl-clean``: Reuters-21578 ``stream.jsonl.gz`` (19,043 stories) with ``--no-extract``: clean and store only.
* ``jsonl``: the same with extraction (spaCy on the few percent of relevant stories).
* ``html``: the 60 pages of the article-extraction benchmark, each written ``--html-copies``
  times with a distinct comment (so none is skipped as already stored): cleaning-bound.

Each configuration runs `orewire ingest` in a fresh process into a fresh DuckDB file; memory is
the resident size of the whole process tree (pool workers included), sampled every 50 ms.
Results are printed and written to bench/out/ingest_throughput.json.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT, require_shared, tree_rss_bytes


def run_one(input_path: Path, workers: str, workload: str, extra: tuple[str, ...] = ()) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "orewire", "ingest", str(input_path), "--db", f"{tmp}/bench.duckdb", "--quiet",
               "--workers", workers, *extra]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak, samples = 0, []
        while proc.poll() is None:
            rss = tree_rss_bytes(proc.pid)
            peak = max(peak, rss)
            samples.append(rss)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        out, err = proc.communicate()
    m = re.search(r"read (\d+), new (\d+).*articles (\d+)", out)
    if proc.returncode not in (0, 1) or not m:
        sys.exit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    stories = int(m.group(1))
    samples = [x for x in samples if x] or [0]
    fifth = samples[len(samples) // 5]
    return {"workload": workload, "workers": workers, "stories": stories, "articles": int(m.group(3)), "seconds": round(seconds, 2),
            "stories_per_s": round(stories / seconds, 1), "peak_rss_mb": round(peak / 2**20, 1),
            "rss_at_20pct_mb": round(fifth / 2**20, 1), "rss_at_end_mb": round(samples[-1] / 2**20, 1)}


def html_corpus(folder: Path, copies: int) -> Path:
    """The benchmark's pages, each ``copies`` times with a distinct trailing comment."""
    import gzip

    src = require_shared("data/article_extraction_benchmark/html")
    for page in sorted(src.glob("*.html.gz")):
        html = gzip.open(page).read()
        for i in range(copies):
            (folder / f"{page.name[:-8]}_{i}.html").write_bytes(html + f"<!-- copy {i} -->".encode())
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=None)
    ap.add_argument("--workers", default="1,auto", help="comma-separated --workers values to compare")
    ap.add_argument("--html-copies", type=int, default=20, help="copies of each benchmark page in the html workload (0: skip)")
    a = ap.parse_args()
    input_path = a.input or require_shared("data/reuters21578/stream.jsonl.gz")
    rows = []
    for w in a.workers.split(","):
        rows.append(run_one(input_path, w, "jsonl-clean", ("--no-extract",)))
    for w in a.workers.split(","):
        rows.append(run_one(input_path, w, "jsonl"))
    if a.html_copies:
        with tempfile.TemporaryDirectory() as tmp:
            folder = html_corpus(Path(tmp), a.html_copies)
            for w in a.workers.split(","):
                rows.append(run_one(folder, w, "html"))
    print(f"{'workload':>11} {'workers':>8} {'docs':>8} {'seconds':>8} {'docs/s':>10} {'peak MB':>8} {'MB@20%':>7} {'MB@end':>7} {'speed x':>8}")
    for r in rows:
        base = next(x for x in rows if x["workload"] == r["workload"])["stories_per_s"]
        r["speedup_vs_first"] = round(r["stories_per_s"] / base, 2)
        print(f"{r['workload']:>11} {r['workers']:>8} {r['stories']:>8} {r['seconds']:>8} {r['stories_per_s']:>10} {r['peak_rss_mb']:>8} "
              f"{r['rss_at_20pct_mb']:>7} {r['rss_at_end_mb']:>7} {r['speedup_vs_first']:>8}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "ingest_throughput.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

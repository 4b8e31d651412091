"""Big inputs: a 200 MB JSON Lines file and a 50 MB HTML page; memory must stay flat and the cap must hold.

    .venv/bin/python bench/big_inputs.py [--mb 200]

1. A JSON Lines file of about --mb MB (short wire stories) is ingested with --no-extract in a fresh process:
   stories/s, peak resident memory (sampled every 50 ms) and memory over time (at each tenth of the run).
2. A 50 MB HTML page: quarantined by the 20 MB page cap, with its reason, and the peak memory.
3. A 15 MB HTML page (under the cap): cleaned and stored, and the peak memory.
Writes bench/out/big_inputs.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT, tree_rss_bytes


def run(args: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "orewire", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        samples.append((time.perf_counter() - start, tree_rss_bytes(proc.pid)))
        time.sleep(0.05)
    out, err = proc.communicate()
    peak = max((rss for _, rss in samples), default=0)
    return {"exit": proc.returncode, "seconds": round(time.perf_counter() - start, 1), "peak_rss_mb": round(peak / 2**20, 1),
            **memory_over_time(samples), "summary": (out.strip().splitlines() or [""])[0][:200], "stderr": err.strip()[-300:]}


def memory_over_time(samples: list[tuple[float, int]]) -> dict:
    """Resident memory at each tenth of the run, and its growth from 20% to 90% of the run: a flat line
    means memory does not grow with the input, a rising one would mean it is kept."""
    if len(samples) < 10:
        return {}
    end = samples[-1][0]
    at = [max((rss for t, rss in samples if t <= end * k / 10), default=0) for k in range(1, 11)]
    mb = [round(x / 2**20) for x in at]
    return {"rss_mb_by_tenth": mb, "growth_20_to_90_pct_mb": mb[8] - mb[1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=200)
    a = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.jsonl"
        with big.open("w") as fh:
            i = 0
            while fh.tell() < a.mb * 2**20:
                fh.write(json.dumps({"id": f"b{i}", "title": f"Story {i}", "text": f"Zinc output was {i} tonnes in week {i % 52}, "
                                     "the producer said, adding that shipments to smelters in Asia resumed. " * 3}) + "\n")
                i += 1
        results["jsonl"] = {"mb": round(big.stat().st_size / 2**20), "stories": i,
                            **run(["ingest", str(big), "--db", str(Path(tmp) / "a.duckdb"), "--quiet", "--no-extract"])}
        results["jsonl"]["stories_per_s"] = round(i / results["jsonl"]["seconds"], 1)
        for name, mb in (("html_over_cap", 50), ("html_under_cap", 15)):
            page = Path(tmp) / f"{name}.html"
            para = "<p>The smelter restarted on Monday after a strike, the company said, and copper output would recover.</p>\n"
            page.write_text("<html><head><title>Big page</title></head><body><article>" + para * (mb * 2**20 // len(para))
                            + "</article></body></html>")
            results[name] = {"mb": mb, **run(["ingest", str(page), "--db", str(Path(tmp) / f"{name}.duckdb"), "--no-extract"])}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "big_inputs.json").write_text(json.dumps(results, indent=1))
    for k, v in results.items():
        print(k, json.dumps(v))


if __name__ == "__main__":
    main()

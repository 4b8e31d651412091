"""The long fuzz run: N mutated inputs of every format through the readers and cleaners (no database).

    .venv/bin/python bench/fuzz.py [--n 10000] [--seed 1]

Counts, per kind of mutation, the inputs that ended with stored articles, with quarantine rows, and those
that raised (must be 0), and the slowest input. Writes bench/out/fuzz.json.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fuzz_inputs import mutate, run_one  # noqa: E402

from _common import OUT  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from orewire.config import Settings

    settings = Settings(max_document_bytes=2**20, max_record_bytes=2**20)
    rng = random.Random(args.seed)
    per_kind: dict[str, Counter] = defaultdict(Counter)
    slowest = (0.0, "")
    failures = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.n):
            name, data, kind = mutate(rng)
            path = Path(tmp) / f"{i}-{name}"
            path.write_bytes(data)
            t = time.perf_counter()
            try:
                articles, quarantined, dropped = run_one(path, settings)
                per_kind[kind]["inputs"] += 1
                per_kind[kind]["stored"] += articles > 0
                per_kind[kind]["quarantined_only"] += articles == 0 and (quarantined + dropped) > 0
                per_kind[kind]["silent"] += articles + quarantined + dropped == 0
            except BaseException:  # noqa: BLE001 - counting them is the point
                per_kind[kind]["raised"] += 1
                failures.append({"kind": kind, "name": name, "error": traceback.format_exc(limit=3)[-600:]})
            took = time.perf_counter() - t
            slowest = max(slowest, (took, f"{kind}:{name}"))
            path.unlink()
    total = sum((c for c in per_kind.values()), Counter())
    result = {"inputs": args.n, "seconds": round(time.perf_counter() - started, 1), "totals": dict(total),
              "per_kind": {k: dict(v) for k, v in sorted(per_kind.items())}, "slowest_s": round(slowest[0], 2),
              "slowest_input": slowest[1], "failures": failures[:20]}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "fuzz.json").write_text(json.dumps(result, indent=1))
    print(json.dumps({k: result[k] for k in ("inputs", "seconds", "totals", "slowest_s", "slowest_input")}))
    for k, v in result["per_kind"].items():
        print(f"  {k:13} {v}")
    return 1 if total["raised"] or total["silent"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

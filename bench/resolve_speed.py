"""Cross-document resolution time on Reuters-21578 (19,043 stories), cold and warm.

    .venv/bin/python bench/resolve_speed.py [--input PATH] [--workers auto]

1. Ingest the stream with extraction but without resolution (``--workers``, default all cores).
2. ``resolve_store`` cold: MinHash signatures for every article, LSH origins, entity links,
   event clustering, registry links. Then warm: the same with signatures cached (what every later
   ingest pays). Peak resident memory of this process is reported for the whole run.
Writes bench/out/resolve_speed.json.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT, ROOT, require_shared

sys.path.insert(0, str(ROOT / "src"))

from orewire.config import Settings  # noqa: E402
from orewire.resolve import resolve_store  # noqa: E402
from orewire.runner import ingest  # noqa: E402
from orewire.store import Store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=None, help="default: ../shared/data/reuters21578/stream.jsonl.gz")
    ap.add_argument("--workers", default="auto", help="ingest workers: a number or 'auto'")
    args = ap.parse_args()
    source = Path(args.input) if args.input else require_shared("data/reuters21578/stream.jsonl.gz")
    workers = 0 if args.workers == "auto" else int(args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "resolve.duckdb"), workers=workers)
        with Store(settings.db) as store:
            started = time.perf_counter()
            report = ingest([str(source)], store, settings, resolve=False)
            ingest_s = time.perf_counter() - started
            cold = resolve_store(store)
            warm = resolve_store(store)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "input": str(source), "articles": cold.articles, "events": cold.events, "ingest_seconds": round(ingest_s, 1),
        "ingest_docs": report.read,
        "cold": {"seconds": round(cold.seconds, 2), "signed": cold.signed, "clusters": cold.clusters,
                 "merged_clusters": cold.merged_clusters, "origins": cold.origins, "copies": cold.copies,
                 "rewrites": cold.rewrites, "articles_per_s": round(cold.articles / cold.seconds, 1)},
        "warm": {"seconds": round(warm.seconds, 2), "signed": warm.signed},
        "peak_rss_mb_this_process": round(peak_mb, 1),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "resolve_speed.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

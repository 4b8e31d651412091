"""Cross-document merge precision and recall on labelled event pairs.

    .venv/bin/python bench/merge_quality.py [--threshold 0.55] [--sweep]

The labels (bench/data/merge_labels.jsonl, described in bench/data/MERGE_LABELS.md) give each
labelled event an occurrence key: events with the same key are one real-world occurrence. They
cover the dev set (gold events named by document and index into ../shared/eval/dev/gold; no
text is copied) and the bundled coverage fixture (named by a phrase of the evidence).

1. Ingest the dev documents and the sample corpus into a fresh database (extraction + resolution).
2. Match each labelled event to the extracted event of the same document and type whose evidence
   overlaps it most (events the extractor missed cannot be scored, and are counted as such).
3. Every pair of matched labelled events of one type from different documents is a pair: gold
   says same or different occurrence, orewire says same or different resolved event.
4. Report precision, recall and F1 of "same" pairs for orewire and for two baselines measured on
   the same pairs: a key-match rule (same type, a shared commodity and state, reported within 10
   days: roughly how event databases deduplicate) and no merging at all.
Writes bench/out/merge_quality.json.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from _common import OUT, ROOT, require_shared

sys.path.insert(0, str(ROOT / "src"))

from orewire.config import Settings  # noqa: E402
from orewire.resolve import resolve_store  # noqa: E402
from orewire.runner import ingest  # noqa: E402
from orewire.store import Store  # noqa: E402

LABELS = ROOT / "bench" / "data" / "merge_labels.jsonl"
SAMPLE = ROOT / "src" / "orewire" / "data" / "sample"
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def load_labels(gold_dir: Path) -> list[dict]:
    labels = []
    for line in LABELS.read_text().splitlines():
        item = json.loads(line)
        if item["set"] == "dev":
            gold = json.loads((gold_dir / f"{item['doc']}.json").read_text())
            event = gold["events"][item["gold_event"]]
            item["type"], item["evidence"] = event["type"], event["evidence"]
        else:
            item["evidence"] = [item["quote_contains"]]
        labels.append(item)
    return labels


def predicted_events(store: Store) -> list[dict]:
    rows = store.con.execute(
        "SELECT e.id, e.doc, e.type, e.actors, e.commodities, min(a.published), list(v.quote ORDER BY v.start_char), c.cluster_id "
        "FROM events e JOIN evidence v ON v.event_id = e.id JOIN articles a ON a.id = v.article_id "
        "JOIN event_clusters c ON c.event_id = e.id GROUP BY ALL ORDER BY e.id").fetchall()
    return [{"id": i, "doc": d, "type": t, "actors": json.loads(ac), "commodities": json.loads(co), "reported": p,
             "quotes": q, "cluster": c} for i, d, t, ac, co, p, q, c in rows]


def match(labels: list[dict], events: list[dict]) -> list[tuple[dict, dict]]:
    by_doc: dict[tuple[str, str], list[dict]] = {}
    for ev in events:
        by_doc.setdefault((ev["doc"], ev["type"]), []).append(ev)
    out = []
    for item in labels:
        best, score = None, 0.0
        for ev in by_doc.get((item["doc"], item["type"]), []):
            s = max((_overlap(g, q) for g in item["evidence"] for q in ev["quotes"]), default=0.0)
            if item["set"] == "fixture":
                s = 1.0 if any(item["quote_contains"] in q for q in ev["quotes"]) else 0.0
            if s > score:  # events come in id order, so ties resolve the same way every run
                best, score = ev, s
        if best is not None and score >= 0.5:
            out.append((item, best))
    return out


def key_match_same(a: dict, b: dict, window_days: int = 10) -> bool:
    """Baseline: same type, a shared commodity, a shared state actor, reported within the window."""
    states = lambda e: {x for x in e["actors"] if len(x) == 3 and x.isupper()}  # noqa: E731
    close = a["reported"] and b["reported"] and abs((a["reported"] - b["reported"]).days) <= window_days
    return bool(set(a["commodities"]) & set(b["commodities"]) and states(a) & states(b) and close)


def score(pairs: list[tuple[bool, bool]]) -> dict:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate(store: Store, labels: list[dict]) -> dict:
    matched = match(labels, predicted_events(store))
    rows = []
    for (la, ea), (lb, eb) in combinations(matched, 2):
        if la["doc"] == lb["doc"] or la["type"] != lb["type"]:
            continue
        rows.append({"a": f"{la['doc']}:{la['occurrence']}", "b": f"{lb['doc']}:{lb['occurrence']}",
                     "gold_same": la["occurrence"] == lb["occurrence"], "orewire_same": ea["cluster"] == eb["cluster"],
                     "key_match_same": key_match_same(ea, eb), "set": la["set"] if la["set"] == lb["set"] else "mixed"})
    result = {"labelled_events": len(labels), "matched_events": len(matched), "pairs": len(rows),
              "same_pairs": sum(r["gold_same"] for r in rows)}
    for system in ("orewire", "key_match"):
        result[system] = score([(r["gold_same"], r[f"{system}_same"]) for r in rows])
        result[system + "_by_set"] = {s: score([(r["gold_same"], r[f"{system}_same"]) for r in rows if r["set"] == s])
                                      for s in ("dev", "fixture")}
    result["no_merging"] = score([(r["gold_same"], False) for r in rows])
    result["errors"] = [r for r in rows if r["gold_same"] != r["orewire_same"]]
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=None, help="merge score threshold (default: orewire's)")
    ap.add_argument("--sweep", action="store_true", help="also report thresholds 0.35 to 0.85")
    args = ap.parse_args()
    dev = require_shared("eval/dev")
    labels = load_labels(dev / "gold")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "merge.duckdb"), workers=1)
        with Store(settings.db) as store:
            started = time.perf_counter()
            ingest([str(dev / "docs" / "seed.txt"), str(dev / "reuters_dev.jsonl"), str(dev / "modern_dev.jsonl"),
                    str(SAMPLE / "coverage.jsonl"), str(SAMPLE / "wire_stories.jsonl"), str(SAMPLE / "cobalt_article.html")],
                   store, settings, resolve=False)
            ingest_s = time.perf_counter() - started
            kwargs = {"threshold": args.threshold} if args.threshold is not None else {}
            report = resolve_store(store, **kwargs)
            result = evaluate(store, labels)
            result["resolve"] = {"events": report.events, "clusters": report.clusters, "seconds": round(report.seconds, 3),
                                 "ingest_seconds": round(ingest_s, 1)}
            if args.sweep:
                result["sweep"] = {}
                for t in (0.35, 0.45, 0.55, 0.65, 0.75, 0.85):
                    resolve_store(store, threshold=t)
                    result["sweep"][str(t)] = evaluate(store, labels)["orewire"]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "merge_quality.json").write_text(json.dumps(result, indent=2, default=str))
    print(f"labelled events {result['labelled_events']}, matched to extracted events {result['matched_events']}, "
          f"pairs {result['pairs']} ({result['same_pairs']} same occurrence)")
    for system in ("orewire", "key_match", "no_merging"):
        s = result[system]
        print(f"{system:<11} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
    for name, s in result["orewire_by_set"].items():
        print(f"  orewire on {name}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for t, s in result.get("sweep", {}).items():
        print(f"  threshold {t}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for e in result["errors"]:
        print(f"  {'missed' if e['gold_same'] else 'wrong'}: {e['a']}  <->  {e['b']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

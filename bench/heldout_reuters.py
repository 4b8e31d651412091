"""Event extraction on stories the rules were never tuned on: a small held-out check beside the dev score.

    .venv/bin/python bench/heldout_reuters.py

The dev set (../shared/eval/dev) is what the extraction rules were read against, so its score is
optimistic. This script scores the same extractor on 12 Reuters-21578 stories outside the dev set,
labelled by hand under GUIDELINES.md before the extractor was run on them (bench/data/heldout_reuters.json).

Selection, re-derived and checked here: stories of ../shared/data/reuters21578/stream.jsonl.gz that are in
neither eval/dev/reuters_dev.jsonl nor data/reuters21578/dev.jsonl, whose title names a metal or mining
word (the labels file's pattern) and whose body has 60 to 260 words; 12 drawn with random.Random(2026).
The stories are picked by their titles, not by orewire's relevance step, so the check also covers relevance.

Gold evidence is rebuilt from character spans, so no story text is stored in the repository; the
prediction and gold files go to a temporary folder and score.py scores them. Writes bench/out/heldout_reuters.json.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import OUT, ROOT, require_shared

LABELS = ROOT / "bench" / "data" / "heldout_reuters.json"


def select(stream: Path, excluded: set[str], rule: dict) -> list[dict]:
    """The stories the selection rule draws, in stream order."""
    title = re.compile(rule["title_pattern"])
    pool = []
    with gzip.open(stream, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            words = len(story["text"].split())
            if story["id"] not in excluded and title.search(story["title"]) and rule["min_words"] <= words <= rule["max_words"]:
                pool.append(story)
    picked = {s["id"] for s in random.Random(rule["seed"]).sample(pool, rule["sample"])}
    return [s for s in pool if s["id"] in picked]


def dev_ids() -> set[str]:
    ids = {json.loads(line)["id"] for line in require_shared("eval/dev/reuters_dev.jsonl").open(encoding="utf-8")}
    ids |= {f"reuters-{json.loads(line)['newid']}" for line in require_shared("data/reuters21578/dev.jsonl").open(encoding="utf-8")}
    return ids


def gold_record(doc: str, text: str, label: dict) -> dict:
    events = []
    for event in label["events"]:
        event = dict(event)
        event["evidence"] = [text[a:b] for a, b in event.pop("evidence_spans")]
        events.append(event)
    return {"doc": doc, "relevant": label["relevant"], "entities": [], "events": events}


def main() -> int:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    stories = select(require_shared("data/reuters21578/stream.jsonl.gz"), dev_ids(), labels["selection"])
    if sorted(s["id"] for s in stories) != sorted(labels["docs"]):
        sys.exit("the selection rule no longer draws the labelled stories; the stream or the rule changed")
    score_py = require_shared("eval/score.py")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        stories_path = tmp_path / "heldout.jsonl"
        stories_path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
        gold_dir = tmp_path / "gold"
        gold_dir.mkdir()
        for story in stories:
            record = gold_record(story["id"], story["text"], labels["docs"][story["id"]])
            (gold_dir / f"{story['id']}.json").write_text(json.dumps(record), encoding="utf-8")
        pred = tmp_path / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, "-m", "orewire", "extract", str(stories_path)], stdout=out, check=True)
        scored = subprocess.run([sys.executable, str(score_py), "--gold", str(gold_dir), "--pred", str(pred), "--json"],
                                capture_output=True, text=True, check=True)
    report = json.loads(scored.stdout)
    n_events = sum(len(d["events"]) for d in labels["docs"].values())
    summary = {"stories": len(stories), "gold_events": n_events,
               "scores": {k: report[k] for k in ("relevance", "event", "event+args", "event_types", "fields")}}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "heldout_reuters.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Event extraction on stories the rules were never tuned on: a small held-out check beside the dev score.

    .venv/bin/python bench/heldout_reuters.py

The dev set (../shared/eval/dev) is what the extraction rules were read against, so its score is
optimistic. This script scores the same extractor on batches of 12 Reuters-21578 stories outside the dev
set, labelled by hand under GUIDELINES.md before the extractor was run on them (bench/data/heldout_reuters.json).
Each batch was scored once, blind, with the rules as they stood (kept in the labels file as blind_first_score);
batches marked read_for_errors were then read for errors and rules changed; the pooled score of those never
read ("unread") is the clean held-out estimate.

Selection, re-derived and checked here: stories of ../shared/data/reuters21578/stream.jsonl.gz that are in
neither eval/dev/reuters_dev.jsonl nor data/reuters21578/dev.jsonl (nor an earlier batch), whose title names a
metal or mining word (the labels file's pattern) and whose body has 60 to 260 words; each batch is drawn
with random.Random(its seed). Stories are picked by their titles, not by orewire's relevance step, so the
check also covers relevance.

Only stories of the Reuters training pool (../shared/data/reuters21578/train_pool_ids.txt) are kept and scored: the
rest of the stream may not be read for errors. The corpus (corpus/, `orewire corpus score`) is the main measure now.

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


def candidates(stream: Path, labels: dict) -> list[dict]:
    """Every story the selection rule accepts (title pattern, body length), in stream order; read once."""
    title = re.compile(labels["title_pattern"])
    out = []
    with gzip.open(stream, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            words = len(story["text"].split())
            if title.search(story["title"]) and labels["min_words"] <= words <= labels["max_words"]:
                out.append(story)
    return out


def shingles(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i:i + 5]) for i in range(max(0, len(words) - 4))}


def near_copies(pool_stories: list[dict], seen: list[dict]) -> set[str]:
    """Pool stories that half repeat an earlier story (a rerun or corrected wire item): at least half
    of the shorter one's word 5-grams occur in the other, as in the dev split's own deduplication."""
    seen_shingles = [shingles(s["text"]) for s in seen]
    out = set()
    for story in pool_stories:
        mine = shingles(story["text"])
        for other in seen_shingles:
            if mine and other and len(mine & other) >= 0.5 * min(len(mine), len(other)):
                out.add(story["id"])
                break
    return out


def dev_ids() -> set[str]:
    ids = {json.loads(line)["id"] for line in require_shared("eval/dev/reuters_dev.jsonl").open(encoding="utf-8")}
    split_dev = require_shared("data/reuters21578/dev.jsonl")
    ids |= {f"reuters-{json.loads(line)['newid']}" for line in split_dev.open(encoding="utf-8")}
    return ids


def dev_stories() -> list[dict]:
    """The dev set's Reuters stories, text included, for the near-copy check."""
    with require_shared("eval/dev/reuters_dev.jsonl").open(encoding="utf-8") as lines:
        return [{"id": d["id"], "text": d["text"]} for d in map(json.loads, lines)]


def gold_record(doc: str, text: str, label: dict) -> dict:
    events = []
    for event in label["events"]:
        event = dict(event)
        event["evidence"] = [text[a:b] for a, b in event.pop("evidence_spans")]
        events.append(event)
    return {"doc": doc, "relevant": label["relevant"], "entities": [], "events": events}


def score(stories: list[dict], docs: dict, workdir: Path) -> dict:
    """Extract the stories with `orewire extract` and score them with score.py against the labels."""
    workdir.mkdir()
    stories_path = workdir / "stories.jsonl"
    stories_path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    gold_dir = workdir / "gold"
    gold_dir.mkdir()
    for story in stories:
        (gold_dir / f"{story['id']}.json").write_text(json.dumps(gold_record(story["id"], story["text"], docs[story["id"]])),
                                                       encoding="utf-8")
    pred = workdir / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "orewire", "extract", str(stories_path)], stdout=out, check=True)
    scored = subprocess.run([sys.executable, str(require_shared("eval/score.py")), "--gold", str(gold_dir), "--pred", str(pred),
                             "--json"], capture_output=True, text=True, check=True)
    report = json.loads(scored.stdout)
    return {"stories": len(stories), "gold_events": sum(len(docs[s["id"]]["events"]) for s in stories),
            **{k: report[k] for k in ("relevance", "event", "event+args", "event_types", "fields")}}


def main() -> int:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    excluded = dev_ids()
    accepted = candidates(require_shared("data/reuters21578/stream.jsonl.gz"), labels)
    dev = dev_stories()
    results, every_story, every_doc = {}, [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for batch in labels["batches"]:
            pool = [s for s in accepted if s["id"] not in excluded]
            if batch.get("without_near_copies"):  # from batch G on: no rerun of a story already read
                seen = [s for s in accepted if s["id"] in excluded] + dev
                copies = near_copies(pool, seen)
                pool = [s for s in pool if s["id"] not in copies]
            picked = {s["id"] for s in random.Random(batch["seed"]).sample(pool, batch["sample"])}
            if not set(batch["docs"]) <= picked:
                sys.exit(f"batch {batch['name']}: the selection rule no longer draws the labelled stories")
            stories = [s for s in pool if s["id"] in batch["docs"]]  # the drawn stories inside the training pool
            results[batch["name"]] = score(stories, batch["docs"], Path(tmp) / batch["name"])
            if "blind_first_score" in batch:
                results[batch["name"]]["blind_first_score"] = batch["blind_first_score"]
            excluded |= picked
            every_story += stories
            every_doc |= batch["docs"]
        results["all"] = score(every_story, every_doc, Path(tmp) / "all")
        unread = [b for b in labels["batches"] if not b.get("read_for_errors", True)]
        if unread:  # the batches never read for errors: the clean held-out estimate
            docs = {k: v for b in unread for k, v in b["docs"].items()}
            results["unread"] = score([s for s in every_story if s["id"] in docs], docs, Path(tmp) / "unread")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "heldout_reuters.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    for name, r in results.items():
        print(f"{name}: {r['stories']} stories, {r['gold_events']} gold events; event P {r['event']['p']} R {r['event']['r']} "
              f"F1 {r['event']['f1']}; event+args F1 {r['event+args']['f1']}; relevance F1 {r['relevance']['f1']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Extraction speed and peak memory on Reuters-21578 (19,043 stories), against spaCy on every story.

    .venv/bin/python bench/extract_speed.py [--input PATH] [--spacy-sample 2000]

1. `orewire extract --format eval` over the whole stream in a fresh process: stories/s and the
   peak resident memory of the process (sampled every 50 ms); then over only the stories it found
   relevant (the NLP and model path), for relevant stories/s.
2. The full spaCy pipeline as shipped (en_core_web_sm with parser and lemmatizer, nlp.pipe) on every story of a random sample
   (seed 42) of --spacy-sample stories, in the same run: stories/s; the ratio compares the two
   rates (running spaCy on all 19,043 would take minutes and measure the same rate).
Writes bench/out/extract_speed.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT, require_shared, tree_rss_bytes


def relevant_only(input_path: Path, relevant_ids: set[str]) -> dict:
    """The same extraction over only the stories found relevant: the rate of the costly path (NLP, model)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for line in gzip.open(input_path, "rt", encoding="utf-8") if str(input_path).endswith(".gz") else open(input_path):
            if json.loads(line)["id"] in relevant_ids:
                fh.write(line)
    result = run_extract(Path(fh.name))
    Path(fh.name).unlink()
    return result


def run_extract(input_path: Path) -> dict:
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "orewire", "extract", str(input_path)], stdout=out,
                                stderr=subprocess.PIPE, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_bytes(proc.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            sys.exit(f"extract failed: {proc.stderr.read()[-2000:]}")
        out.seek(0)
        docs = [json.loads(line) for line in out]
    return {"relevant_ids": sorted(d["doc"] for d in docs if d["relevant"]), "stories": len(docs), "relevant": sum(d["relevant"] for d in docs), "events": sum(len(d["events"]) for d in docs),
            "seconds": round(seconds, 2), "stories_per_s": round(len(docs) / seconds, 1), "peak_rss_mb": round(peak / 2**20, 1)}


def run_spacy(input_path: Path, sample: int) -> dict:
    import importlib

    from orewire.extract.nlp import MODEL_PACKAGES

    texts = [json.loads(line)["text"] for line in gzip.open(input_path, "rt", encoding="utf-8")]
    chosen = random.Random(42).sample(texts, min(sample, len(texts)))
    module = next(m for m in (_try_import(importlib, name) for name in MODEL_PACKAGES) if m is not None)
    nlp = module.load()  # the full pipeline as shipped (parser and lemmatizer included), not orewire's trimmed one
    start = time.perf_counter()
    for _ in nlp.pipe(chosen, batch_size=64):
        pass
    seconds = time.perf_counter() - start
    return {"stories": len(chosen), "seconds": round(seconds, 2), "stories_per_s": round(len(chosen) / seconds, 1)}


def _try_import(importlib, name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=None)
    ap.add_argument("--spacy-sample", type=int, default=2000)
    a = ap.parse_args()
    input_path = a.input or require_shared("data/reuters21578/stream.jsonl.gz")
    orewire = run_extract(input_path)
    relevant = relevant_only(input_path, set(orewire.pop("relevant_ids")))
    relevant.pop("relevant_ids")
    spacy_all = run_spacy(input_path, a.spacy_sample)
    ratio = round(orewire["stories_per_s"] / spacy_all["stories_per_s"], 1)
    print(f"orewire extract: {orewire['stories']} stories ({orewire['relevant']} relevant, {orewire['events']} events) in "
          f"{orewire['seconds']} s = {orewire['stories_per_s']} stories/s, peak {orewire['peak_rss_mb']} MB")
    print(f"relevant stories alone: {relevant['stories']} in {relevant['seconds']} s = {relevant['stories_per_s']} stories/s, "
          f"peak {relevant['peak_rss_mb']} MB")
    print(f"spaCy on every story ({spacy_all['stories']}-story sample): {spacy_all['stories_per_s']} stories/s")
    print(f"ratio: orewire is {ratio}x the full-spaCy rate")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "extract_speed.json").write_text(json.dumps({"orewire": orewire, "relevant_only": relevant, "spacy_every_story": spacy_all,
                                                            "ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()

"""Hostile inputs for the fuzz tests and bench/fuzz.py: mutated sample files of every format, and raw noise.

Each input is (file name, bytes). The property checked is the ingest contract: reading and cleaning an input
never raises, never hangs, and ends in stored articles or quarantine rows with a reason.
"""
from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "orewire" / "data" / "sample"
SEEDS = {
    "page.txt": (SAMPLE / "islamabad_page.txt").read_bytes(),
    "page.html": (SAMPLE / "cobalt_article.html").read_bytes(),
    "wire.jsonl": (SAMPLE / "wire_stories.jsonl").read_bytes(),
    "feed.rss": (SAMPLE / "minerals_feed.rss").read_bytes(),
    "news.warc": gzip.decompress((SAMPLE / "cc_news_sample.warc.gz").read_bytes()),
}
KINDS = ("flip", "truncate", "insert", "splice", "gzip", "gzip_damaged", "noise", "nest", "surrogates")


def mutate(rng: random.Random) -> tuple[str, bytes, str]:
    """One hostile input: (file name, content, kind of mutation)."""
    name, data = rng.choice(sorted(SEEDS.items()))
    kind = rng.choice(KINDS)
    data = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        data = data[: rng.randrange(len(data))]
    elif kind == "insert":
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice([b"\x00" * 50, b"{" * 500, b"<div>" * 3000, "\ud800".encode("utf-8", "surrogatepass"),
                                  b"&#xD800;", b"\xff\xfe", b'"id": "\\udc80"', b"\n" * 100, bytes(rng.randrange(256) for _ in range(64))])
    elif kind == "splice":
        other = rng.choice(list(SEEDS.values()))
        at = rng.randrange(len(data) + 1)
        data[at:at] = other[: rng.randrange(len(other))]
    elif kind == "gzip":
        data, name = bytearray(gzip.compress(bytes(data))), name + ".gz"
    elif kind == "gzip_damaged":
        data, name = bytearray(gzip.compress(bytes(data))), name + ".gz"
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(10, len(data))] = rng.randrange(256)
    elif kind == "noise":
        data = bytearray(rng.randrange(256) for _ in range(rng.randrange(1, 4096)))
    elif kind == "nest":
        depth = rng.choice([10, 1000, 6000])
        data = bytearray(b"<html><body>" + b"<div>" * depth + b"<p>Zinc output rose.</p>" + b"</div>" * depth + b"</body></html>")
        name = "deep.html"
    elif kind == "surrogates":
        data = bytearray(b'{"id": "i\\udc80", "url": "https://e.com/\\ud800", "title": "T\\udfff", "text": "Copper rose."}\n' * 3)
        name = "sur.jsonl"
    return name, bytes(data), kind


def run_one(path: Path, settings: Any) -> tuple[int, int, int]:
    """Read and clean one file the way ingest does (no database): (articles, quarantined, dropped). Never raises."""
    from orewire.ingest import read_targets
    from orewire.model import Article, Quarantined
    from orewire.pipeline import Drop
    from orewire.runner import clean_pipeline

    pipeline = clean_pipeline(settings.html_extractor, extract=False)
    articles = quarantined = dropped = 0
    for item in read_targets([str(path)], settings):
        outputs = [item] if isinstance(item, Quarantined) else pipeline.run([item])
        for out in outputs:
            articles += isinstance(out, Article)
            quarantined += isinstance(out, Quarantined)
            dropped += isinstance(out, Drop)
    return articles, quarantined, dropped

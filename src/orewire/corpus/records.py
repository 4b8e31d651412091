"""Corpus records: annotations with evidence as character offsets, and their join to the texts."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .sources import pool_texts

CorpusRecord = dict[str, Any]
"""One story's annotation: ``id``, ``pool``, ``text_sha256``, ``relevant``, ``entities``, ``events``
(each with ``evidence`` as ``[[start, end], ...]``), and who labelled it (``batch``, ``annotator``)."""

ORDER = ("id", "pool", "text_sha256", "batch", "annotator", "revised_by", "relevant", "entities", "events")


def corpus_dir() -> Path:
    """The repository's ``corpus/`` folder."""
    return Path(__file__).resolve().parents[3] / "corpus"


def text_hash(text: str) -> str:
    """A short hash of a story's text, so a changed source is detected before its offsets are trusted."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_records(path: Path) -> list[CorpusRecord]:
    """The records of one JSON Lines file (empty when the file does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_records(path: Path, records: Iterable[CorpusRecord]) -> None:
    """Write records sorted by id, one per line, keys in a fixed order, so diffs stay small."""
    rows = sorted(records, key=lambda r: _id_key(r["id"]))
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in rows:
            ordered = {k: r[k] for k in ORDER if k in r} | {k: v for k, v in r.items() if k not in ORDER}
            fh.write(json.dumps(ordered, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)


def _id_key(doc_id: str) -> tuple[str, int, str]:
    head, _, tail = doc_id.rpartition("-")
    return (head, int(tail), "") if tail.isdigit() else (doc_id, 0, tail)


def to_gold(record: CorpusRecord, title: str, published: str | None, text: str) -> dict[str, Any]:
    """An ``orewire-eval/1`` gold document: offsets turned back into evidence quotes."""
    gold: dict[str, Any] = {
        "doc": record["id"],
        "relevant": bool(record["relevant"]),
        "articles": [{"title": title, "published": published, "dateline": None}],
        "entities": [dict(e) for e in record.get("entities", [])],
        "events": [],
    }
    for ev in record.get("events", []):
        out = {k: v for k, v in ev.items() if k != "evidence"}
        out["evidence"] = [text[s:e] for s, e in ev["evidence"]]
        gold["events"].append(out)
    return gold


def load_gold(records: Iterable[CorpusRecord] | None = None, *, pools: Iterable[str] = ("reuters", "modern"),
              ids: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Gold documents for the stored records (or ``records``), texts joined from ``../shared``.

    Raises ValueError when a text no longer matches the hash it was labelled on.
    """
    if records is None:
        records = [r for pool in pools for r in read_records(corpus_dir() / f"{pool}.jsonl")]
    for rec in records:
        if ids is not None and rec["id"] not in ids:
            continue
        src = pool_texts(rec["pool"])[rec["id"]]
        if text_hash(src.text) != rec["text_sha256"]:
            raise ValueError(f"{rec['id']}: the text in ../shared changed since it was labelled")
        yield to_gold(rec, src.title, src.published, src.text)

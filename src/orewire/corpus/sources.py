"""Where the pool texts live: ``../shared/data`` beside a checkout (never copied into the repository)."""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POOLS = ("reuters", "modern")  # the labelling pools; "dev" (the dev set) is read only to check the process


@dataclass(frozen=True, slots=True)
class PoolText:
    """One story a pool may label: its id, title, publication day (ISO) and body text."""

    id: str
    pool: str
    title: str
    published: str | None
    text: str


def shared_dir() -> Path | None:
    """``OREWIRE_SHARED`` or the ``shared`` folder beside the repository; None when absent."""
    env = os.environ.get("OREWIRE_SHARED")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[3]
    candidates += [repo.parent / "shared", repo / "shared"]
    return next((p for p in candidates if (p / "data").is_dir()), None)


_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def iso_day(published: str | None) -> str | None:
    """"26-FEB-1987 15:01:01.79" or "2025-02-11 14:04:02" as "1987-02-26" / "2025-02-11"."""
    if not published:
        return None
    head = published.strip().split()[0]
    if len(head) >= 10 and head[4] == "-":
        return head[:10]
    parts = head.split("-")
    if len(parts) == 3 and parts[1].upper() in _MONTHS:
        return f"{int(parts[2]):04d}-{_MONTHS[parts[1].upper()]:02d}-{int(parts[0]):02d}"
    return None


@lru_cache(maxsize=3)
def pool_texts(pool: str) -> dict[str, PoolText]:
    """Every story of ``pool`` that may be labelled, by id (the Reuters pool ids, or all modern pool stories)."""
    root = shared_dir()
    if root is None:
        raise FileNotFoundError("../shared/data is not beside this checkout (set OREWIRE_SHARED)")
    data = root / "data"
    if pool == "dev":  # the dev set's wire and modern stories: for checking the annotation process against its gold
        out: dict[str, PoolText] = {}
        for name in ("reuters_dev.jsonl", "modern_dev.jsonl"):
            for line in (root / "eval" / "dev" / name).read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                out[rec["id"]] = PoolText(rec["id"], pool, rec.get("title") or "", iso_day(rec.get("published")), rec["text"])
        return out
    if pool == "reuters":
        ids = {ln.strip() for ln in (data / "reuters21578" / "train_pool_ids.txt").read_text().split() if ln.strip()}
        path = data / "reuters21578" / "stream.jsonl.gz"
    elif pool == "modern":
        ids = None
        path = data / "modern_news" / "pool.jsonl.gz"
    else:
        raise ValueError(f"unknown pool {pool!r}; expected one of {POOLS}")
    out: dict[str, PoolText] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if ids is None or rec["id"] in ids:
                out[rec["id"]] = PoolText(rec["id"], pool, rec.get("title") or "", iso_day(rec.get("published")), rec["text"])
    return out


def pool_of(doc_id: str) -> str:
    """The pool a story id belongs to, by its prefix."""
    return "reuters" if doc_id.startswith("reuters-") else "modern"

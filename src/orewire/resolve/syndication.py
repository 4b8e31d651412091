"""Near-duplicate articles: copies and rewrites of one story, found with MinHash LSH.

A wire story reprinted by forty outlets is one origin. Each article gets the id of the
earliest article of its group (its origin) and how close it is to it; event resolution then
counts independent origins apart from articles.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .unionfind import UnionFind

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.5
"""Estimated Jaccard of word 5-grams at or above which two articles are one story (copy or rewrite)."""
COPY = 0.8
"""At or above this, a copy (a reprint with small edits); below it, a rewrite."""
_WORD = re.compile(r"\w+")
_SEED = 17
_SCHEME = "affine32"  # pinned: stored signatures must be read back with the scheme that made them


def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError("Near-duplicate detection needs datasketch: pip install 'orewire[resolve]'") from exc
    return datasketch


def shingles(text: str) -> set[bytes]:
    """Lower-cased word 5-grams (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (stored so it is computed once per article)."""
    ds = _datasketch()
    m = ds.MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    grams = shingles(text)
    if grams:
        m.update_batch(list(grams))
    return m.hashvalues.astype("uint64").tobytes()


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """What syndication needs of an article: its id, date and signature."""

    id: str
    published: date | None
    signature: bytes


@dataclass(frozen=True, slots=True)
class Origin:
    """An article's near-duplicate group: its origin article, the similarity to it, and the relation."""

    article_id: str
    origin_id: str
    similarity: float
    relation: str  # origin | copy | rewrite


def find_origins(articles: Sequence[ArticleKey], threshold: float = THRESHOLD) -> list[Origin]:
    """Group near-duplicates (estimated Jaccard >= ``threshold``) and name each group's origin.

    The origin is the earliest-published article (undated ones last, then by id), so the
    answer does not depend on the order articles were ingested.
    """
    import numpy as np

    ds = _datasketch()
    hashes = {a.id: ds.LeanMinHash(seed=_SEED, scheme=_SCHEME,
                                    hashvalues=np.frombuffer(a.signature, dtype="uint64")) for a in articles}
    lsh = ds.MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    groups = UnionFind()
    for a in articles:
        groups.add(a.id)
        for other in lsh.query(hashes[a.id]):
            if hashes[a.id].jaccard(hashes[other]) >= threshold:
                groups.union(a.id, other)
        lsh.insert(a.id, hashes[a.id])
    by_id = {a.id: a for a in articles}
    out: list[Origin] = []
    for members in groups.groups():
        origin = min(members, key=lambda i: (by_id[i].published or date.max, i))
        for member in members:
            if member == origin:
                out.append(Origin(member, origin, 1.0, "origin"))
                continue
            sim = float(hashes[member].jaccard(hashes[origin]))
            out.append(Origin(member, origin, round(sim, 3), "copy" if sim >= COPY else "rewrite"))
    return out


def signatures_for(texts: Iterable[tuple[str, str]]) -> list[tuple[str, bytes]]:
    """``(article id, signature)`` for each ``(article id, text)``."""
    return [(article_id, signature(text)) for article_id, text in texts]

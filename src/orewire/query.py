"""The read side: every SELECT the CLI (and later the API and dashboard) shows lives here."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from .store import Store

ARTICLE_LIST_COLUMNS = ("id", "doc", "source", "url", "title", "published", "dateline", "language", "text")


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Filters for listing articles; None means no filter.

    source: substring of the source path or URL. search: substring of title or text (case-insensitive).
    since, until: publication date bounds (inclusive). language: ISO 639-1 code.
    """

    source: str | None = None
    search: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    limit: int | None = None


def list_articles(store: Store, flt: ArticleFilter = ArticleFilter()) -> list[dict[str, Any]]:
    """Articles matching ``flt``, newest first (undated last), then by source and page position."""
    where, params = [], []
    if flt.source:
        where.append("source ILIKE ?")
        params.append(f"%{flt.source}%")
    if flt.search:
        where.append("(title ILIKE ? OR text ILIKE ?)")
        params += [f"%{flt.search}%"] * 2
    if flt.since:
        where.append("published >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("published <= ?")
        params.append(flt.until)
    if flt.language:
        where.append("language = ?")
        params.append(flt.language)
    sql = f"SELECT {', '.join(ARTICLE_LIST_COLUMNS)} FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY published DESC NULLS LAST, source, position"
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    return _dicts(store, sql, params)


def get_article(store: Store, id_prefix: str) -> list[dict[str, Any]]:
    """Articles whose id starts with ``id_prefix`` (a unique prefix gives one)."""
    return _dicts(store, "SELECT a.*, r.content_type, r.fetched_at FROM articles a JOIN raw_documents r ON r.id = a.raw_id "
                         "WHERE a.id LIKE ? ORDER BY a.id LIMIT 5", [id_prefix + "%"])


def list_quarantine(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Quarantine records, newest first."""
    sql = "SELECT source, reason, action, detail, run_id, created_at FROM quarantine ORDER BY created_at DESC, source"
    return _dicts(store, sql + (f" LIMIT {int(limit)}" if limit else ""), [])


def list_runs(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The latest ingest runs and their counts."""
    return _dicts(store, "SELECT id, started_at, status, docs_read, docs_new, docs_duplicate, articles_new, quarantined, "
                         f"round(seconds, 2) AS seconds FROM ingest_runs ORDER BY started_at DESC LIMIT {int(limit)}", [])


def table_counts(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("raw_documents", "articles", "quarantine", "ingest_runs")}


def _dicts(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row)) for row in cur.fetchall()]
    for row in rows:
        if isinstance(row.get("meta"), str):
            row["meta"] = json.loads(row["meta"])
    return rows

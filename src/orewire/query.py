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
    where, params = _conditions([
        ("source ILIKE ?", f"%{flt.source}%" if flt.source else None),
        ("(title ILIKE ? OR text ILIKE ?)", [f"%{flt.search}%"] * 2 if flt.search else None),
        ("published >= ?", flt.since),
        ("published <= ?", flt.until),
        ("language = ?", flt.language),
    ])
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


def _conditions(pairs: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """SQL conditions and their parameters for the filters that are set (a list value fills several ``?``)."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in pairs:
        if value is None:
            continue
        where.append(clause)
        params += value if isinstance(value, list) else [value]
    return where, params


def _dicts(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row)) for row in cur.fetchall()]
    for row in rows:
        if isinstance(row.get("meta"), str):
            row["meta"] = json.loads(row["meta"])
    return rows


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for listing events; None means no filter.

    type: event type (EXPORT_CONTROL ...). commodity: lexicon id. country: ISO3 among actors or counterparts.
    since, until: the event's date bounds (inclusive). polarity: asserted or denied.
    """

    type: str | None = None
    commodity: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    polarity: str | None = None
    limit: int | None = None


def list_events(store: Store, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events matching ``flt`` with their evidence (quote, article, source, offsets), newest first."""
    where, params = _conditions([
        ("e.type = ?", flt.type.upper() if flt.type else None),
        ("list_contains(CAST(e.commodities AS VARCHAR[]), ?)", flt.commodity),
        ("(list_contains(CAST(e.actors AS VARCHAR[]), ?) OR list_contains(CAST(e.counterparts AS VARCHAR[]), ?))",
         [flt.country.upper()] * 2 if flt.country else None),
        ("e.occurred >= ?", flt.since),
        ("e.occurred <= ?", flt.until),
        ("e.polarity = ?", flt.polarity),
    ])
    sql = ("SELECT e.id, e.type, e.subtype, e.actors, e.counterparts, e.commodities, e.status, e.polarity, e.speaker, "
           "e.amount_usd, e.occurred, e.doc FROM events e")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.occurred DESC NULLS LAST, e.doc, e.type"
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    events = _dicts(store, sql, params)
    for ev in events:
        for key in ("actors", "counterparts", "commodities"):
            ev[key] = json.loads(ev[key]) if isinstance(ev[key], str) else ev[key]
    _attach_evidence(store, events)
    return events


def _attach_evidence(store: Store, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    rows = _dicts(store, "SELECT v.event_id, v.quote, v.article_id, a.source, a.title, v.start_char, v.end_char, "
                         "substr(a.text, greatest(1, v.start_char - 79), least(v.start_char, 80)) AS before, "
                         "substr(a.text, v.end_char + 1, 80) AS after "
                         "FROM evidence v JOIN articles a ON a.id = v.article_id WHERE v.event_id IN (SELECT unnest(?)) "
                         "ORDER BY v.event_id, a.source, v.start_char", [[e["id"] for e in events]])
    by_event: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_event.setdefault(row.pop("event_id"), []).append(row)
    for ev in events:
        ev["evidence"] = by_event.get(ev["id"], [])

"""The read side: every SELECT the CLI (and later the API and dashboard) shows lives here."""
from __future__ import annotations

from functools import lru_cache

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from .model import org_id, person_id
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
        ("contains(lower(source), lower(?))", flt.source or None),  # literal text: % and _ are no wildcards
        ("(contains(lower(title), lower(?)) OR contains(lower(text), lower(?)))", [flt.search] * 2 if flt.search else None),
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
    """Articles whose id starts with ``id_prefix`` (a unique prefix gives one; an empty one gives none)."""
    if not id_prefix.strip():
        return []
    return _dicts(store, "SELECT a.*, r.content_type, r.fetched_at FROM articles a JOIN raw_documents r ON r.id = a.raw_id "
                         "WHERE starts_with(a.id, ?) ORDER BY a.id LIMIT 5", [id_prefix])


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


def _decode(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """JSON columns of ``rows`` as Python values, in place."""
    for row in rows:
        for key in keys:
            if isinstance(row.get(key), str):
                row[key] = json.loads(row[key])
    return rows


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for listing events; None means no filter.

    type: event type (EXPORT_CONTROL ...). commodity: lexicon id. country: ISO3 among actors or counterparts.
    since, until: the event's date bounds (inclusive). polarity: asserted or denied.
    entity: an organisation or person id (``org:us strategic metals``) or name, resolved to its canonical id.
    id_prefix: a resolved event id, or a member event id, or a unique start of one.
    """

    type: str | None = None
    commodity: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    id_prefix: str | None = None
    polarity: str | None = None
    limit: int | None = None
    entity: str | None = None
    ascending: bool = False


def list_events(store: Store, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Per-document events matching ``flt`` with their evidence (quote, article, source, offsets), newest first."""
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
    events = _decode(_dicts(store, sql, params), "actors", "counterparts", "commodities")
    _attach_evidence(store, events)
    return events


_CONTEXT = ("substr(a.text, greatest(1, v.start_char - 79), least(v.start_char, 80)) AS before, "
            "substr(a.text, v.end_char + 1, 80) AS after")
"""Up to 80 characters either side of an evidence span, for showing the quote in context."""


def _hang_evidence(events: list[dict[str, Any]], rows: list[dict[str, Any]], key: str) -> None:
    """Give each event its evidence rows, matched by ``key`` (the event or resolved-event id)."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_id.setdefault(row.pop(key), []).append(row)
    for ev in events:
        ev["evidence"] = by_id.get(ev["id"], [])


def _attach_evidence(store: Store, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    rows = _dicts(store, "SELECT v.event_id, v.quote, v.article_id, a.source, a.title, v.start_char, v.end_char, "
                         f"{_CONTEXT} "
                         "FROM evidence v JOIN articles a ON a.id = v.article_id WHERE v.event_id IN (SELECT unnest(?)) "
                         "ORDER BY v.event_id, a.source, v.start_char", [[e["id"] for e in events]])
    _hang_evidence(events, rows, "event_id")


# -- cross-document (resolved) events --------------------------------------------------------------

_MEASURES_OF_R = ("coalesce((SELECT list(DISTINCT l.measure_id ORDER BY l.measure_id) FROM measure_links l "
                  "WHERE l.cluster_id = r.id), []) AS measures")
RESOLVED_COLUMNS = ("id, type, subtype, actors, counterparts, commodities, status, polarity, speaker, amount_usd, occurred, "
                    "until, first_reported, last_reported, n_events, n_sources, n_origins, names")


def list_entities(store: Store, search: str | None = None, kind: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
    """Entities as resolved across documents (linked names count as one), with their names, aliases, and how
    many articles name them; most mentioned first. ``search`` matches any name, alias or id, literally."""
    having, params = _conditions([
        ("any_value(e.kind) = ?", kind.upper() if kind else None),
        ("bool_or(contains(lower(e.name), lower(?)) OR contains(lower(CAST(e.aliases AS VARCHAR)), lower(?)) "
         "OR contains(lower(e.id), lower(?)))", [search] * 3 if search else None),
    ])
    sql = ("WITH canon AS (SELECT e.id, coalesce(l.canonical_id, e.id) AS cid FROM entities e "
           "LEFT JOIN entity_links l ON l.entity_id = e.id) "
           "SELECT c.cid AS id, any_value(e.kind) AS kind, any_value(e.name ORDER BY e.id = c.cid DESC) AS name, "
           "list(DISTINCT e.name) AS names, flatten(list(CAST(e.aliases AS VARCHAR[]))) AS aliases, "
           "(SELECT count(DISTINCT m.article_id) FROM mentions m JOIN canon c2 ON c2.id = m.entity_id WHERE c2.cid = c.cid) "
           "AS articles "
           "FROM entities e JOIN canon c ON c.id = e.id GROUP BY c.cid")
    if having:
        sql += " HAVING " + " AND ".join(having)
    sql += " ORDER BY articles DESC, name"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = _dicts(store, sql, params)
    for r in rows:
        if r["kind"] == "COUNTRY":
            r["name"] = country_name(r["id"])
        r["aliases"] = sorted({a for a in (r["aliases"] or []) + (r["names"] or []) if a and a != r["name"]})
        del r["names"]
    return rows


def country_name(iso3: str) -> str:
    """A state's short common name for display ("United States", "Russia", "South Korea"); the id when not a code."""
    return _country_names().get(iso3, iso3)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    from .extract.gazetteer import _data_path

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names |= {"EU": "European Union", "SUN": "Soviet Union", "DDR": "East Germany", "YUG": "Yugoslavia", "CSK": "Czechoslovakia"}
    for line in _data_path("gazetteer", "countries.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or not cols[1].strip():
            continue
        names[cols[0]] = cols[1].split(";")[0].strip()  # the gazetteer's first name is the everyday one
    return names


def canonical_entity(store: Store, entity: str) -> str:
    """The canonical id for an entity id or a name (``USSM`` -> ``org:us strategic metals``); ISO3 as it is."""
    if len(entity) == 3 and entity.isupper():
        return entity
    wanted = entity.lower()
    candidates = [wanted] if wanted.startswith(("org:", "person:")) else [org_id(entity), person_id(entity)]
    row = store.con.execute("SELECT canonical_id FROM entity_links WHERE entity_id IN (SELECT unnest(?)) LIMIT 1",
                            [candidates]).fetchone()
    if row:
        return str(row[0])
    row = store.con.execute("SELECT l.canonical_id FROM entities e JOIN entity_links l ON l.entity_id = e.id "
                            "WHERE lower(e.name) = ? OR list_contains(CAST(e.aliases AS VARCHAR[]), ?) LIMIT 1",
                            [wanted, entity]).fetchone()
    if row:
        return str(row[0])
    from .resolve.entities import name_key  # "U.S. Strategic Metals Inc." finds "US Strategic Metals"

    key = name_key(entity.split(":", 1)[-1])
    for canonical, name, kind in store.con.execute("SELECT l.canonical_id, e.name, e.kind FROM entities e "
                                                   "JOIN entity_links l ON l.entity_id = e.id ORDER BY e.id").fetchall():
        if name_key(name, kind) == key:
            return str(canonical)
    return candidates[0]


def list_resolved_events(store: Store, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events resolved across documents, each with every source's evidence, newest first (or oldest, ``ascending``).

    A resolved event carries the number of articles that report it (``n_sources``) and of
    independent origins among them (``n_origins``: syndicated copies count once), the registry
    measures it reports (``measures``), and ``evidence``: quote, article id, source and URL per mention.
    """
    entity = canonical_entity(store, flt.entity) if flt.entity else None
    where, params = _conditions([
        ("r.type = ?", flt.type.upper() if flt.type else None),
        ("list_contains(CAST(r.commodities AS VARCHAR[]), ?)", flt.commodity),
        ("(list_contains(CAST(r.actors AS VARCHAR[]), ?) OR list_contains(CAST(r.counterparts AS VARCHAR[]), ?))",
         [flt.country.upper()] * 2 if flt.country else None),
        ("(list_contains(CAST(r.actors AS VARCHAR[]), ?) OR list_contains(CAST(r.counterparts AS VARCHAR[]), ?))",
         [entity] * 2 if entity else None),
        ("coalesce(r.occurred, r.first_reported) >= ?", flt.since),
        ("coalesce(r.occurred, r.first_reported) <= ?", flt.until),
        ("r.polarity = ?", flt.polarity),
        ("(starts_with(r.id, ?) OR r.id IN (SELECT cluster_id FROM event_clusters WHERE starts_with(event_id, ?)))",
         [flt.id_prefix] * 2 if flt.id_prefix else None),
    ])
    order = "ASC" if flt.ascending else "DESC"
    sql = (f"SELECT {', '.join('r.' + c.strip() for c in RESOLVED_COLUMNS.split(','))}, {_MEASURES_OF_R} "
           "FROM resolved_events r")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY coalesce(r.occurred, r.first_reported) {order} NULLS LAST, r.n_origins DESC, r.type, r.id"
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    events = _decode(_dicts(store, sql, params), "actors", "counterparts", "commodities", "names")
    _attach_cluster_evidence(store, events)
    return events


def _attach_cluster_evidence(store: Store, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    rows = _dicts(store, "SELECT c.cluster_id, v.quote, v.article_id, a.source, a.url, a.title, a.published, e.doc, "
                         "o.origin_id, v.event_id, v.start_char, v.end_char, "
                         f"{_CONTEXT} "
                         "FROM event_clusters c JOIN evidence v ON v.event_id = c.event_id JOIN events e ON e.id = c.event_id "
                         "JOIN articles a ON a.id = v.article_id LEFT JOIN article_origins o ON o.article_id = a.id "
                         "WHERE c.cluster_id IN (SELECT unnest(?)) "
                         "ORDER BY c.cluster_id, a.published NULLS LAST, a.source, v.start_char", [[e["id"] for e in events]])
    _hang_evidence(events, rows, "cluster_id")


def explain_cluster(store: Store, id_prefix: str) -> dict[str, Any] | None:
    """Why a resolved event holds what it holds: its member events and the merges (with reasons) that joined them.

    ``id_prefix`` may be a resolved event id or one of its member event ids.
    """
    if not id_prefix.strip():
        return None
    row = store.con.execute("SELECT cluster_id FROM event_clusters WHERE starts_with(cluster_id, ?) OR starts_with(event_id, ?) "
                            "ORDER BY cluster_id LIMIT 1", [id_prefix, id_prefix]).fetchone()
    if not row:
        return None
    cluster = str(row[0])
    members = _dicts(store, "SELECT e.id, e.doc, e.type, e.status, e.polarity, e.occurred, e.actors, e.commodities, "
                            "min(a.published) AS reported, first(v.quote ORDER BY v.start_char) AS quote, "
                            "first(a.source) AS source "
                            "FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN evidence v ON v.event_id = e.id "
                            "JOIN articles a ON a.id = v.article_id WHERE c.cluster_id = ? GROUP BY ALL ORDER BY reported, e.id",
                     [cluster])
    merges = _dicts(store, "SELECT event_a, event_b, score, reasons FROM event_merges WHERE cluster_id = ? ORDER BY score DESC",
                    [cluster])
    _decode(merges, "reasons")
    _decode(members, "actors", "commodities")
    overrides = _dicts(store, "SELECT event_a, event_b, decision, note, created_at FROM merge_overrides "
                              "WHERE event_a IN (SELECT unnest(?)) OR event_b IN (SELECT unnest(?))",
                       [[m["id"] for m in members]] * 2)
    return {"id": cluster, "members": members, "merges": merges, "overrides": overrides}


def merge_decisions(store: Store, event_prefix: str | None = None) -> list[dict[str, Any]]:
    """People's split and join decisions (all, or those naming an event id starting with ``event_prefix``), oldest first."""
    return _dicts(store, "SELECT decision, event_a, event_b, note, created_at FROM merge_overrides "
                         "WHERE ? IS NULL OR starts_with(event_a, ?) OR starts_with(event_b, ?) ORDER BY created_at, event_a, event_b",
                  [event_prefix] * 3)


def cluster_members(store: Store, event_id_prefix: str) -> tuple[str, list[str]] | None:
    """The member event ids of the resolved event holding ``event_id_prefix`` (an event id), and its full id."""
    if not event_id_prefix.strip():
        return None
    row = store.con.execute("SELECT event_id, cluster_id FROM event_clusters WHERE starts_with(event_id, ?) LIMIT 2",
                            [event_id_prefix]).fetchall()
    if len(row) != 1:
        return None
    event_id, cluster = row[0]
    members = [r[0] for r in store.con.execute("SELECT event_id FROM event_clusters WHERE cluster_id = ? ORDER BY event_id",
                                                [cluster]).fetchall()]
    return str(event_id), members


def export_control_reports(store: Store, commodities: list[str], until: date | None) -> list[dict[str, Any]]:
    """Resolved EXPORT_CONTROL events on any of ``commodities`` first reported by ``until``, oldest first."""
    flt_rows = _dicts(store, "SELECT r.id, r.status, r.polarity, r.actors, r.counterparts, r.commodities, r.occurred, r.until, "
                             f"r.first_reported, r.n_sources, r.n_origins, {_MEASURES_OF_R} "
                             "FROM resolved_events r WHERE r.type = 'EXPORT_CONTROL' "
                             "AND len(list_intersect(CAST(r.commodities AS VARCHAR[]), ?)) > 0 "
                             "AND (? IS NULL OR coalesce(r.first_reported, r.occurred) <= ?) "
                             "ORDER BY coalesce(r.occurred, r.first_reported), r.id",
                      [commodities, until, until])
    return _decode(flt_rows, "actors", "counterparts", "commodities")


def graph_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """What the knowledge graph is built from: resolved events, entities (canonical), measure links."""
    events = _decode(_dicts(store, f"SELECT {RESOLVED_COLUMNS} FROM resolved_events ORDER BY id", []),
                     "actors", "counterparts", "commodities", "names")
    entities = _dicts(store, "SELECT e.id, e.kind, e.name, e.attrs FROM entities e "
                             "LEFT JOIN entity_links l ON l.entity_id = e.id WHERE l.entity_id IS NULL OR l.canonical_id = e.id "
                             "ORDER BY e.id", [])
    _decode(entities, "attrs")
    links = _dicts(store, "SELECT cluster_id, measure_id, score, reason FROM measure_links ORDER BY cluster_id, measure_id", [])
    return {"events": events, "entities": entities, "measure_links": links}


def unresolved_articles(store: Store) -> int:
    """Stored articles without a near-duplicate origin yet (stored since the last resolution)."""
    row = store.con.execute("SELECT count(*) FROM articles a LEFT JOIN article_origins o ON o.article_id = a.id "
                            "WHERE o.article_id IS NULL").fetchone()
    return int(row[0]) if row else 0


def unresolved_events(store: Store) -> int:
    """Stored events not yet in the cross-document view (a database from before resolution, or an interrupted run)."""
    row = store.con.execute("SELECT count(*) FROM events e LEFT JOIN event_clusters c ON c.event_id = e.id "
                            "WHERE c.event_id IS NULL").fetchone()
    return int(row[0]) if row else 0

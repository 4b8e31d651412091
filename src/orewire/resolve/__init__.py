"""Resolve across documents: near-duplicate origins, entities, events, and links to registry measures.

``resolve_store`` recomputes every derived table from the stored articles, entities and
events (deterministic: the same store gives the same result), keeping the decisions people
made (``merge_overrides``). It runs at the end of each ``orewire ingest`` and on its own as
``orewire resolve``. MinHash signatures are cached per article, so a rerun hashes only new text.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import org_id, person_id
from ..reference import load_measures
from ..store import Store
from . import syndication
from .entities import NamedEntity, link_entities
from .events import THRESHOLD, WINDOW_DAYS, EventRecord, cluster_events, content_words, quantities, summarise
from .measures import link_cluster

__all__ = ["ResolveReport", "resolve_store"]


@dataclass
class ResolveReport:
    """What a resolution pass found."""

    articles: int = 0
    signed: int = 0
    origins: int = 0
    copies: int = 0
    rewrites: int = 0
    entities_linked: int = 0
    events: int = 0
    clusters: int = 0
    merged_clusters: int = 0
    measure_links: int = 0
    seconds: float = 0.0
    notes: list[str] | None = None

    def summary(self) -> str:
        return (f"resolved {self.events} events into {self.clusters} ({self.merged_clusters} told by several documents); "
                f"{self.articles} articles from {self.origins} origins ({self.copies} copies, {self.rewrites} rewrites); "
                f"{self.entities_linked} names linked to another; {self.measure_links} links to registry measures; "
                f"{self.seconds:.2f} s")


def resolve_store(store: Store, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS,
                  syndication_threshold: float = syndication.THRESHOLD,
                  on_step: Callable[[str], None] | None = None) -> ResolveReport:
    """Recompute origins, entity links, event clusters and measure links in ``store``; ``on_step`` hears each stage."""
    started = time.perf_counter()
    step = on_step or (lambda _: None)
    report = ResolveReport(notes=[])
    step("resolving: finding syndicated copies")
    origins = _origins(store, report, syndication_threshold)
    step("resolving: linking names")
    links = _entity_links(store)
    report.entities_linked = sum(1 for link in links if link.entity_id != link.canonical_id)
    canonical = {link.entity_id: link.canonical_id for link in links}
    names = _entity_names(store)
    records, quotes = _event_records(store, canonical, {o.article_id: o.origin_id for o in origins})
    overrides = [tuple(r) for r in store.con.execute("SELECT event_a, event_b, decision, note FROM merge_overrides").fetchall()]
    step(f"resolving: grouping {len(records):,} events")
    clustering = cluster_events(records, overrides, threshold, window_days)  # type: ignore[arg-type]
    by_id = {r.id: r for r in records}
    resolved, memberships, merges, measure_links = [], [], [], []
    measures = load_measures()
    for members in clustering.clusters:
        summary = summarise([by_id[m] for m in members])
        shown = {i: names.get(i, i) for i in (*summary["actors"], *summary["counterparts"])}
        resolved.append(_resolved_row(summary, shown))
        memberships += [(m, summary["id"]) for m in members]
        states = [a for a in summary["actors"] if len(a) == 3 and a.isupper()]
        for link in link_cluster(summary["id"], summary["type"], states, summary["commodities"], summary["status"],
                                 summary["occurred"] or summary["first_reported"], [q for m in members for q in quotes[m]],
                                 measures):
            measure_links.append((link.cluster_id, link.measure_id, link.score, link.reason))
    owner = {m: c for m, c in memberships}
    for merge in clustering.merges:
        merges.append((owner[merge.event_a], merge.event_a, merge.event_b, merge.score, json.dumps(list(merge.reasons))))
    step(f"resolving: writing {len(resolved):,} resolved events")
    store.replace_derived({
        "article_origins": [(o.article_id, o.origin_id, o.similarity, o.relation) for o in origins],
        "entity_links": [(link.entity_id, link.canonical_id, link.reason) for link in links],
        "resolved_events": resolved,
        "event_clusters": memberships,
        "event_merges": merges,
        "measure_links": measure_links,
    })
    report.events = len(records)
    report.clusters = len(clustering.clusters)
    report.merged_clusters = sum(1 for c in clustering.clusters if len({by_id[m].doc for m in c}) > 1)
    report.measure_links = len(measure_links)
    report.seconds = time.perf_counter() - started
    return report


def _origins(store: Store, report: ResolveReport, threshold: float) -> list[syndication.Origin]:
    try:
        syndication._datasketch()
    except ImportError as exc:
        ids = [i for (i,) in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        report.notes.append(f"near-duplicates not detected (every article is its own origin): {exc}")  # type: ignore[union-attr]
        report.articles = report.origins = len(ids)
        return [syndication.Origin(i, i, 1.0, "origin") for i in ids]
    missing = [i for (i,) in store.con.execute("SELECT a.id FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
                                               "WHERE m.article_id IS NULL ORDER BY a.id").fetchall()]
    for start in range(0, len(missing), 1000):  # texts a chunk at a time: memory stays flat on a large store
        chunk = store.con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id",
                                  [missing[start:start + 1000]]).fetchall()
        report.signed += store.add_signatures(syndication.signatures_for(chunk))
    rows = store.con.execute("SELECT a.id, a.published, m.signature FROM articles a JOIN article_minhash m ON m.article_id = a.id "
                             "ORDER BY a.id").fetchall()
    origins = syndication.find_origins([syndication.ArticleKey(i, p, bytes(s)) for i, p, s in rows], threshold)
    report.articles = len(rows)
    report.origins = sum(1 for o in origins if o.relation == "origin")
    report.copies = sum(1 for o in origins if o.relation == "copy")
    report.rewrites = sum(1 for o in origins if o.relation == "rewrite")
    return origins


def _entity_links(store: Store) -> list[Any]:
    rows = store.con.execute(
        "SELECT e.id, e.kind, e.name, e.aliases, count(m.id) FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id "
        "WHERE e.kind IN ('ORG', 'PERSON') GROUP BY ALL ORDER BY e.id").fetchall()
    return link_entities([NamedEntity(i, k, n, tuple(json.loads(a or "[]")), c) for i, k, n, a, c in rows])


def _entity_names(store: Store) -> dict[str, str]:
    names = {i: n for i, n in store.con.execute("SELECT id, name FROM entities").fetchall()}
    for iso3 in [i for i, k in store.con.execute("SELECT id, kind FROM entities WHERE kind = 'COUNTRY'").fetchall()]:
        names[iso3] = _country_name(iso3)
    return names


def _country_name(iso3: str) -> str:
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=iso3)
        return getattr(found, "common_name", None) or found.name if found else iso3
    except ImportError:  # pragma: no cover
        return iso3


def _event_records(store: Store, canonical: dict[str, str],
                   origin_of: dict[str, str]) -> tuple[list[EventRecord], dict[str, list[str]]]:
    rows = store.con.execute(
        "SELECT e.id, e.type, e.subtype, e.actors, e.counterparts, e.commodities, e.status, e.polarity, e.speaker, "
        "e.amount_usd, e.occurred, e.doc, list(v.article_id ORDER BY v.article_id, v.start_char), e.until, "
        "list(v.quote ORDER BY v.article_id, v.start_char), min(a.published) "
        "FROM events e JOIN evidence v ON v.event_id = e.id JOIN articles a ON a.id = v.article_id "
        "GROUP BY ALL ORDER BY e.id").fetchall()
    known = {i for (i,) in store.con.execute("SELECT id FROM entities").fetchall()}
    records, quotes = [], {}
    for (eid, etype, subtype, actors, counterparts, commodities, status, polarity, speaker, amount, occurred, doc,
         article_ids, until, texts, reported) in rows:
        records.append(EventRecord(
            id=eid, type=etype, doc=doc, actors=_ids(actors, known, canonical), counterparts=_ids(counterparts, known, canonical),
            commodities=tuple(json.loads(commodities or "[]")), status=status, polarity=polarity, subtype=subtype,
            speaker=speaker, amount_usd=amount, occurred=occurred, until=until, reported=reported,
            articles=frozenset(article_ids), origins=frozenset(origin_of.get(a, a) for a in article_ids),
            words=content_words(texts), figures=quantities(texts)))
        quotes[eid] = list(texts)
    return records, quotes


def _ids(raw: str | None, known: set[str], canonical: dict[str, str]) -> tuple[str, ...]:
    """Event arguments as canonical ids: ISO3 stays, a name becomes its (linked) org or person id."""
    out: list[str] = []
    for value in json.loads(raw or "[]"):
        if len(value) == 3 and value.isupper():
            ident = value
        else:
            ident = next((k for k in (org_id(value), person_id(value)) if k in known), org_id(value))
            ident = canonical.get(ident, ident)
        if ident not in out:
            out.append(ident)
    return tuple(out)


def _resolved_row(s: dict[str, Any], names: dict[str, str]) -> tuple[Any, ...]:
    return (s["id"], s["type"], s["subtype"], json.dumps(s["actors"]), json.dumps(s["counterparts"]),
            json.dumps(s["commodities"]), s["status"], s["polarity"], s["speaker"], s["amount_usd"], s["occurred"],
            s["first_reported"], s["last_reported"], s["n_events"], s["n_sources"], s["n_origins"], json.dumps(names), s["until"])

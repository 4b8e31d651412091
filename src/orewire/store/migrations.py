"""Named, numbered schema migrations, recorded in ``_orewire_migrations``.

Each migration is a function of a DuckDB connection. They run in order, once;
a database made by an older orewire is brought up to date when opened.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = tuple[str, Callable[[Any], None]]


def m0001_initial(con: Any) -> None:
    """Raw documents, articles, ingest runs and the quarantine."""
    con.execute("""
        CREATE TABLE ingest_runs (
            id VARCHAR PRIMARY KEY,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            status VARCHAR NOT NULL,            -- running | finished | interrupted
            targets JSON,
            docs_read BIGINT DEFAULT 0,
            docs_new BIGINT DEFAULT 0,
            docs_duplicate BIGINT DEFAULT 0,
            articles_new BIGINT DEFAULT 0,
            quarantined BIGINT DEFAULT 0,
            seconds DOUBLE
        )""")
    con.execute("""
        CREATE TABLE raw_documents (
            id VARCHAR PRIMARY KEY,             -- sha1 of body
            source VARCHAR NOT NULL,
            url VARCHAR,
            content_type VARCHAR NOT NULL,
            fetched_at TIMESTAMPTZ,
            size BIGINT NOT NULL,
            body BLOB NOT NULL,
            meta JSON,
            run_id VARCHAR,
            ingested_at TIMESTAMPTZ DEFAULT current_timestamp
        )""")
    con.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,             -- sha1 of url, title, text
            raw_id VARCHAR NOT NULL,
            doc VARCHAR,                        -- evaluation key: record id or file stem
            source VARCHAR NOT NULL,
            url VARCHAR,
            title VARCHAR,
            published DATE,
            dateline VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            fingerprint VARCHAR,
            position INTEGER,
            meta JSON,
            run_id VARCHAR,
            ingested_at TIMESTAMPTZ DEFAULT current_timestamp
        )""")
    con.execute("""
        CREATE TABLE quarantine (
            id VARCHAR PRIMARY KEY,
            run_id VARCHAR,
            source VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            detail VARCHAR NOT NULL,
            action VARCHAR NOT NULL,            -- rejected | recovered
            created_at TIMESTAMPTZ DEFAULT current_timestamp
        )""")
    con.execute("CREATE INDEX articles_published ON articles (published)")


def m0002_extraction(con: Any) -> None:
    """Entities, mentions, events and their evidence; per-document relevance."""
    con.execute("""
        CREATE TABLE entities (
            id VARCHAR PRIMARY KEY,             -- ISO3, lexicon id, org:<name>, person:<name>
            kind VARCHAR NOT NULL,              -- COUNTRY | COMMODITY | ORG | PERSON
            name VARCHAR NOT NULL,
            aliases JSON,
            attrs JSON
        )""")
    con.execute("""
        CREATE TABLE mentions (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            entity_id VARCHAR,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            surface VARCHAR NOT NULL
        )""")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            type VARCHAR NOT NULL,
            subtype VARCHAR,
            actors JSON,
            counterparts JSON,
            commodities JSON,
            status VARCHAR,
            polarity VARCHAR NOT NULL,
            speaker VARCHAR,
            amount_usd DOUBLE,
            occurred DATE,
            doc VARCHAR,
            run_id VARCHAR
        )""")
    con.execute("""
        CREATE TABLE evidence (
            id VARCHAR PRIMARY KEY,
            event_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            quote VARCHAR NOT NULL,
            extractor VARCHAR NOT NULL
        )""")
    con.execute("CREATE TABLE relevance (id VARCHAR PRIMARY KEY, relevant BOOLEAN NOT NULL)  -- id: the raw document")
    con.execute("CREATE INDEX mentions_entity ON mentions (entity_id)")
    con.execute("CREATE INDEX evidence_event ON evidence (event_id)")


def m0003_resolution(con: Any) -> None:
    """Cross-document resolution: syndication origins, entity links, event clusters, merges, overrides, measure links.

    Everything but ``merge_overrides`` (decisions people made) is recomputed by ``orewire resolve``.
    """
    con.execute("CREATE TABLE article_minhash (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)")
    con.execute("""
        CREATE TABLE article_origins (
            article_id VARCHAR PRIMARY KEY,
            origin_id VARCHAR NOT NULL,         -- the earliest article of its near-duplicate group
            similarity DOUBLE,                  -- estimated Jaccard of word 5-grams with the origin
            relation VARCHAR NOT NULL           -- origin | copy | rewrite
        )""")
    con.execute("CREATE TABLE entity_links (entity_id VARCHAR PRIMARY KEY, canonical_id VARCHAR NOT NULL, reason VARCHAR)")
    con.execute("""
        CREATE TABLE resolved_events (
            id VARCHAR PRIMARY KEY,             -- content hash of the member event ids
            type VARCHAR NOT NULL,
            subtype VARCHAR,
            actors JSON,                        -- canonical entity ids (ISO3 for states)
            counterparts JSON,
            commodities JSON,
            status VARCHAR,
            polarity VARCHAR NOT NULL,
            speaker VARCHAR,
            amount_usd DOUBLE,
            occurred DATE,                      -- the earliest date a source gives for it
            first_reported DATE,
            last_reported DATE,
            n_events INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,         -- distinct articles
            n_origins INTEGER NOT NULL,         -- distinct near-duplicate groups among them
            names JSON                          -- entity id -> display name
        )""")
    con.execute("CREATE TABLE event_clusters (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL)")
    con.execute("""
        CREATE TABLE event_merges (
            cluster_id VARCHAR NOT NULL,
            event_a VARCHAR NOT NULL,
            event_b VARCHAR NOT NULL,
            score DOUBLE,
            reasons JSON                        -- why these two: shared fields, or a person's decision
        )""")
    con.execute("""
        CREATE TABLE merge_overrides (
            event_a VARCHAR NOT NULL,
            event_b VARCHAR NOT NULL,
            decision VARCHAR NOT NULL,          -- split (never merge) | join (always merge)
            note VARCHAR,
            created_at TIMESTAMPTZ DEFAULT current_timestamp,
            PRIMARY KEY (event_a, event_b)
        )""")
    con.execute("CREATE TABLE measure_links (cluster_id VARCHAR NOT NULL, measure_id VARCHAR NOT NULL, score DOUBLE, reason VARCHAR)")
    con.execute("CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id)")


def m0004_until(con: Any) -> None:
    """The last day of a duration an event's text states (a four-month ban), for events and resolved events."""
    con.execute("ALTER TABLE events ADD COLUMN until DATE")
    con.execute("ALTER TABLE resolved_events ADD COLUMN until DATE")


MIGRATIONS: list[Migration] = [
    ("0001_initial", m0001_initial),
    ("0002_extraction", m0002_extraction),
    ("0003_resolution", m0003_resolution),
    ("0004_until", m0004_until),
]

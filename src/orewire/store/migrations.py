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


MIGRATIONS: list[Migration] = [
    ("0001_initial", m0001_initial),
]

"""The DuckDB store: idempotent writes keyed by content ids, one transaction per batch."""
from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Article, Quarantined, RawDocument, content_id, safe_text
from .migrations import MIGRATIONS

class Store:
    """A DuckDB database file (or ``:memory:``) holding raw documents, articles and runs."""

    def __init__(self, path: str | Path = "orewire.duckdb", read_only: bool = False, memory_limit: str = "256MB",
                 role: str = "a writer", lock_wait: float = 30.0) -> None:
        self.path = str(path)
        _check_path(self.path)
        self.read_only = read_only
        self.memory_limit = memory_limit
        self.lock_wait = lock_wait
        self._con: Any = None
        self._writer = None
        self._released_at = 0.0
        if not read_only and self.path != ":memory:":
            from .lock import WriterLock

            self._writer = WriterLock(self.path, role)
            self._writer.acquire()
        try:
            self.con  # noqa: B018 - open now, so a bad file is reported at once
            if not read_only:
                self.migrate()
            else:
                self._check_schema()
        except BaseException:
            self.close()
            raise

    @property
    def con(self) -> Any:
        """The DuckDB connection, opened on first use and again after :meth:`release`."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> Any:
        """Open the file; while another process holds it (a reader, or the writer between its batches), wait a little."""
        import duckdb

        _check_header(self.path)
        deadline = time.monotonic() + self.lock_wait
        delay = 0.05
        while True:
            try:
                # A bounded buffer pool: DuckDB otherwise keeps every page it wrote in memory,
                # so a long ingest would grow with its input.
                return duckdb.connect(self.path, read_only=self.read_only, config={"memory_limit": self.memory_limit})
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(_open_failure(self.path, exc), self.path) from exc
            except duckdb.Error as exc:
                raise StoreError(_open_failure(self.path, exc), self.path) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    def release(self) -> None:
        """Close the connection (keeping the writer lock) so readers can open the file between batches."""
        if self._con is not None and self.path != ":memory:":
            self._con.close()
            self._con = None
        self._released_at = time.monotonic()

    def release_if_due(self, every: float = 1.0) -> None:
        """:meth:`release` at most once per ``every`` seconds: readers wait at most that long for a window,
        and a fast ingest does not pay a checkpoint per batch."""
        if time.monotonic() - self._released_at >= every:
            self.release()

    # -- schema -----------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations in order; return the names applied."""
        self.con.execute("CREATE TABLE IF NOT EXISTS _orewire_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ)")
        done = {r[0] for r in self.con.execute("SELECT name FROM _orewire_migrations").fetchall()}
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                fn(self.con)
                self.con.execute("INSERT INTO _orewire_migrations VALUES (?, ?)", [name, _now()])
                self.con.execute("COMMIT")
            except Exception as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"Migration {name} failed on {self.path}: {exc}", self.path) from exc
            applied.append(name)
        return applied

    def _check_schema(self) -> None:
        """A read-only open cannot migrate: say how to upgrade a database made by an older orewire, and tell
        an older database apart from one that is damaged or is not orewire's."""
        import duckdb

        try:
            tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            done = set(self.applied_migrations()) if "_orewire_migrations" in tables else set()
        except duckdb.Error as exc:
            raise StoreError(f"The database {self.path} is damaged: {str(exc).splitlines()[0]}", self.path) from exc
        if "_orewire_migrations" not in tables:
            raise StoreError(f"{self.path} is a DuckDB file but not an orewire database (it has no orewire tables).", self.path)
        pending = [name for name, _ in MIGRATIONS if name not in done]
        if pending:
            raise StoreError(f"The database {self.path} was made by an older orewire (missing {', '.join(pending)}). "
                             "Upgrade it with: orewire resolve --db " + self.path, self.path)

    def applied_migrations(self) -> list[str]:
        """Names of the migrations this database has."""
        return [r[0] for r in self.con.execute("SELECT name FROM _orewire_migrations ORDER BY name").fetchall()]

    # -- runs -------------------------------------------------------------
    def start_run(self, targets: Sequence[str]) -> str:
        """Record the start of an ingest run and return its id."""
        run_id = uuid.uuid4().hex[:12]
        # This process holds the only write lock, so a run still marked running was killed: say so.
        self.con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        self.con.execute("INSERT INTO ingest_runs (id, started_at, status, targets) VALUES (?, ?, 'running', ?)",
                         [run_id, _now(), _dumps(list(targets))])
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], seconds: float, status: str = "finished") -> None:
        """Record a run's end and its counts."""
        self.con.execute(
            """UPDATE ingest_runs SET finished_at = ?, status = ?, docs_read = ?, docs_new = ?, docs_duplicate = ?,
               articles_new = ?, quarantined = ?, seconds = ? WHERE id = ?""",
            [_now(), status, counts.get("read", 0), counts.get("new", 0), counts.get("duplicate", 0),
             counts.get("articles", 0), counts.get("quarantined", 0), seconds, run_id])

    # -- writes -----------------------------------------------------------
    def known_raw_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored as raw documents."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute("SELECT id FROM raw_documents WHERE id IN (SELECT unnest(?))", [wanted]).fetchall()
        return {r[0] for r in rows}

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One transaction; on failure it is rolled back and a StoreError says what failed."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{what} to {self.path} failed: {exc}", self.path) from exc

    def write_batch(self, run_id: str, raws: Sequence[RawDocument], articles: Sequence[Article],
                    quarantined: Sequence[Quarantined], extractions: Sequence[Any] = ()) -> dict[str, int]:
        """Store one batch in one transaction; rows already present are left as they are."""
        with self._transaction("Writing a batch"):
            counts = {
                "raw": self._insert_new("raw_documents", [_raw_row(r, run_id) for r in _unique(raws)]),
                "articles": self._insert_new("articles", [_article_row(a, run_id) for a in _unique(articles)]),
                "quarantined": self._insert_new("quarantine", [_quarantine_row(q, run_id) for q in _unique(quarantined)]),
                **self._write_extractions(extractions, run_id),
            }
        return counts

    def _write_extractions(self, extractions: Sequence[Any], run_id: str) -> dict[str, int]:
        entities, mentions, events, evidence, relevance = [], [], [], [], []
        for x in extractions:
            if not x.articles:
                continue
            relevance.append((x.articles[0].raw_id, x.relevant))
            entities += [_entity_row(e) for e in x.entities]
            mentions += [_mention_row(m) for m in x.mentions]
            doc = x.articles[0].doc
            for ev in x.events:
                events.append(_event_row(ev, doc, run_id))
                evidence += [_evidence_row(ev.id, e) for e in ev.evidence]
        return {
            "relevance": self._insert_new("relevance", _unique_rows(relevance)),
            "entities": self._insert_new("entities", _unique_rows(entities)),
            "mentions": self._insert_new("mentions", _unique_rows(mentions)),
            "events": self._insert_new("events", _unique_rows(events)),
            "evidence": self._insert_new("evidence", _unique_rows(evidence)),
        }

    def replace_derived(self, tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, int]:
        """Replace the rows of recomputed tables (resolution output) in one transaction."""
        with self._transaction("Writing resolution results"):
            for table, rows in tables.items():
                self.con.execute(f"DELETE FROM {table}")
                self._insert_all(table, rows)
        return {table: len(rows) for table, rows in tables.items()}

    def add_signatures(self, rows: list[tuple[str, bytes]]) -> int:
        """Store MinHash signatures of articles (a cache: computed once per article)."""
        with self._transaction("Writing signatures"):
            return self._insert_new("article_minhash", rows)

    def add_override(self, event_a: str, event_b: str, decision: str, note: str | None) -> None:
        """Record a person's decision that two events are (join) or are not (split) one occurrence."""
        a, b = sorted((event_a, event_b))
        self.con.execute("DELETE FROM merge_overrides WHERE event_a = ? AND event_b = ?", [a, b])
        self.con.execute("INSERT INTO merge_overrides (event_a, event_b, decision, note) VALUES (?, ?, ?, ?)",
                         [a, b, decision, note])

    def remove_splits(self, left: Sequence[str], right: Sequence[str]) -> int:
        """Forget 'split' decisions between any event of ``left`` and any of ``right`` (a join undoes them)."""
        pairs = [sorted((a, b)) for a in left for b in right if a != b]
        if not pairs:
            return 0
        rows = self.con.execute("DELETE FROM merge_overrides WHERE decision = 'split' AND (event_a, event_b) IN "
                                "(SELECT unnest(?), unnest(?)) RETURNING 1", [[a for a, _ in pairs], [b for _, b in pairs]])
        return len(rows.fetchall())

    def clear_overrides(self, event_prefix: str | None = None) -> int:
        """Forget people's merge decisions: all of them, or those naming an event id starting with ``event_prefix``."""
        if event_prefix:
            rows = self.con.execute("DELETE FROM merge_overrides WHERE starts_with(event_a, ?) OR starts_with(event_b, ?) "
                                    "RETURNING 1", [event_prefix, event_prefix]).fetchall()
        else:
            rows = self.con.execute("DELETE FROM merge_overrides RETURNING 1").fetchall()
        return len(rows)

    def _insert_all(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        columns = [[safe_text(v) for v in col] for col in zip(*rows)]
        select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        self.con.execute(f"INSERT INTO {table} ({_COLUMNS[table]}) SELECT {select}", columns)

    def _insert_new(self, table: str, rows: list[tuple[Any, ...]]) -> int:
        if not rows:
            return 0
        rows = [(safe_text(row[0]), *row[1:]) for row in rows]
        key = _COLUMNS[table].split(",", 1)[0]
        known = {r[0] for r in self.con.execute(f"SELECT {key} FROM {table} WHERE {key} IN (SELECT unnest(?))",
                                                 [[row[0] for row in rows]]).fetchall()}
        rows = [row for row in rows if row[0] not in known]
        # One parameter per column (a list) and unnest: far faster than row-by-row binding.
        self._insert_all(table, rows)
        return len(rows)

    def close(self) -> None:
        """Close the connection (DuckDB checkpoints the file) and give up the writer lock."""
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_COLUMNS = {
    "entities": "id, kind, name, aliases, attrs",
    "mentions": "id, article_id, entity_id, start_char, end_char, surface",
    "events": "id, type, subtype, actors, counterparts, commodities, status, polarity, speaker, amount_usd, occurred, doc, run_id, "
              "until",
    "evidence": "id, event_id, article_id, start_char, end_char, quote, extractor",
    "relevance": "id, relevant",
    "raw_documents": "id, source, url, content_type, fetched_at, size, body, meta, run_id",
    "articles": "id, raw_id, doc, source, url, title, published, dateline, language, text, fingerprint, position, meta, run_id",
    "quarantine": "id, run_id, source, reason, detail, action",
    "article_minhash": "article_id, signature",
    "article_origins": "article_id, origin_id, similarity, relation",
    "entity_links": "entity_id, canonical_id, reason",
    "resolved_events": "id, type, subtype, actors, counterparts, commodities, status, polarity, speaker, amount_usd, occurred, "
                       "first_reported, last_reported, n_events, n_sources, n_origins, names, until",
    "event_clusters": "event_id, cluster_id",
    "event_merges": "cluster_id, event_a, event_b, score, reasons",
    "measure_links": "cluster_id, measure_id, score, reason",
}


def _safe_json(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(k): _safe_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe_json(v) for v in value]
    return value


def _dumps(value: Any) -> str:
    """JSON for a column, its strings made valid UTF-8 first (DuckDB rejects JSON holding a lone surrogate)."""
    return json.dumps(_safe_json(value), default=str)


def _unique(items: Sequence[Any]) -> list[Any]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _unique_rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return list({row[0]: row for row in rows}.values())


def _entity_row(e: Any) -> tuple[Any, ...]:
    return (e.id, e.kind.value, e.name, _dumps(list(e.aliases)), _dumps(e.attrs))


def _mention_row(m: Any) -> tuple[Any, ...]:
    return (content_id(m.article_id, str(m.start), str(m.end), m.entity_id or "", prefix="m"), m.article_id, m.entity_id,
            m.start, m.end, m.surface)


def _event_row(ev: Any, doc: str, run_id: str) -> tuple[Any, ...]:
    return (ev.id, ev.type.value, ev.subtype, _dumps(list(ev.actors)), _dumps(list(ev.counterparts)),
            _dumps(list(ev.commodities)), ev.status, ev.polarity, ev.speaker, ev.amount_usd, ev.occurred, doc, run_id, ev.until)


def _evidence_row(event_id: str, e: Any) -> tuple[Any, ...]:
    return (content_id(event_id, e.article_id, str(e.start), str(e.end), prefix="v"), event_id, e.article_id, e.start, e.end,
            e.quote, e.extractor)


def _raw_row(r: RawDocument, run_id: str) -> tuple[Any, ...]:
    return (r.id, r.source, r.url, r.content_type, r.fetched_at, len(r.body), r.body, _dumps(r.meta), run_id)


def _article_row(a: Article, run_id: str) -> tuple[Any, ...]:
    return (a.id, a.raw_id, a.doc, a.source, a.url, a.title, a.published, a.dateline, a.language, a.text,
            a.fingerprint, a.position, _dumps(a.meta), run_id)


def _quarantine_row(q: Quarantined, run_id: str) -> tuple[Any, ...]:
    return (q.id, run_id, q.source, q.reason, q.detail, q.action)


def _check_path(path: str) -> None:
    """DuckDB needs a UTF-8 path (a byte such as 0xff in it crashes its C++ side with std::bad_cast)."""
    from ..errors import ConfigError

    shown = safe_text(path)
    if shown != path:
        raise ConfigError(f"The database path {shown} is not valid UTF-8, which DuckDB cannot open. Use another --db.")


def _check_header(path: str) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB tries to read it (an SQLite file would make it
    try to download an extension)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"Cannot open the database {path}: {exc}", path) from exc
    if not head:
        return
    if head.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path} is an SQLite database, not an orewire (DuckDB) database. Use another --db.", path)
    if len(head) < 12 or head[8:12] != b"DUCK":
        raise StoreError(f"{path} is not a DuckDB database (its header is not DuckDB's). Use another --db.", path)


def _open_failure(path: str, exc: BaseException) -> str:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        return (f"The database {path} is busy: another process{f' (pid {pid.group(1)})' if pid else ''} holds it and did not "
                "let go in time. Try again when it has finished.")
    return f"Cannot open the database {path}: {text.splitlines()[0] if text else type(exc).__name__}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def open_store(path: str | Path, read_only: bool = False, role: str = "a writer") -> Store:
    """Open (and migrate) the store at ``path``; read-only opens need the file to exist. ``role`` names this
    writer ("ingest", "resolve") to a second writer that is refused."""
    _check_path(str(path))
    if read_only and str(path) != ":memory:" and not Path(path).exists():
        raise StoreError(f"No orewire database at {path}. Run 'orewire ingest PATH' first, or pass --db.", str(path))
    return Store(path, read_only=read_only, role=role)

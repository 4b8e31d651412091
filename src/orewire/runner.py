"""The ingest job: read targets, clean in an executor, store in batches, report.

Each batch is stored in one transaction, so a run that is killed keeps every
batch it finished, and running the same command again stores only the rest
(documents already stored are recognised by their content id and skipped
before cleaning).
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from .clean import CleanStep
from .extract import DocumentExtraction
from .config import Settings
from .executors import make_executor
from .ingest import read_targets
from .model import Article, Quarantined, RawDocument
from .errors import StoreError
from .pipeline import Drop, Pipeline, Step
from .store import Store


BATCH_BYTES = 8 * 1024 * 1024


@dataclass
class IngestReport:
    """What an ingest run did.

    read: documents read (a page, a JSON line, a feed item, a WARC record).
    new: documents not stored before. duplicate: already stored, skipped.
    articles: new articles stored. rejected / recovered: quarantine records by action.
    """

    run_id: str = ""
    read: int = 0
    bytes_read: int = 0
    new: int = 0
    duplicate: int = 0
    articles: int = 0
    rejected: int = 0
    recovered: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0
    quarantine: list[Quarantined] = field(default_factory=list)
    resolution: Any = None

    @property
    def rate(self) -> float:
        """Documents read per second."""
        return self.read / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every input was stored, 1 when any input was rejected into the quarantine."""
        return 1 if self.rejected else 0

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "articles": self.articles, "quarantined": self.rejected}


class DropsToQuarantine(Step):
    """Last step: a document another step dropped becomes a quarantine record naming the reason."""

    name = "quarantine_drops.v1"

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, Drop):
                self.stats.items_in += 1
                source = getattr(item.item, "source", str(item.item))
                yield Quarantined(source, item.reason, item.detail or f"{source}: dropped ({item.reason}).")
            else:
                yield item


def clean_pipeline(html_extractor: str, extract: bool = False) -> Pipeline:
    """The per-document pipeline run by the executor (picklable via functools.partial)."""
    steps: list[Step] = [CleanStep(html_extractor)]
    if extract:
        from .extract.step import ExtractStep

        steps.append(ExtractStep())
    return Pipeline([*steps, DropsToQuarantine()])


def ingest(targets: Sequence[str], store: Store, settings: Settings, *, fetched_at: datetime | None = None, extract: bool = True,
           resolve: bool = True,
           on_batch: Callable[[IngestReport], None] | None = None,
           on_quarantine: Callable[[Quarantined], None] | None = None,
           on_resolve_step: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest ``targets`` into ``store`` and return the report (see module docstring)."""
    report = IngestReport(run_id=store.start_run(targets))
    started = time.perf_counter()
    side: deque[tuple[list[RawDocument], list[Quarantined]]] = deque()

    def note(q: Quarantined) -> None:
        report.quarantine.append(q)
        if q.action == "rejected":
            report.rejected += 1
        elif q.action == "skipped":
            report.skipped += 1
        else:
            report.recovered += 1
        if on_quarantine:
            on_quarantine(q)

    def prepared() -> Iterator[list[RawDocument]]:
        own_files = [store.path, store.path + ".wal", store.path + ".writer.lock"]
        for batch in _batched(read_targets(targets, settings, fetched_at, skip=own_files), settings.batch_size):
            raws = [x for x in batch if isinstance(x, RawDocument)]
            quarantined = [x for x in batch if isinstance(x, Quarantined)]
            for q in quarantined:
                note(q)
            report.read += len(raws)
            report.bytes_read += sum(len(r.body) for r in raws)
            known = store.known_raw_ids(r.id for r in raws)
            fresh = list({r.id: r for r in raws if r.id not in known}.values())
            report.duplicate += len(raws) - len(fresh)
            side.append((fresh, quarantined))
            yield fresh

    executor = make_executor(settings.workers)
    status = "interrupted"
    try:
        for outputs in executor.map_batches(partial(clean_pipeline, settings.html_extractor, extract), prepared()):
            raws, quarantined = side.popleft()
            articles = [o for o in outputs if isinstance(o, Article)]
            notes = [o for o in outputs if isinstance(o, Quarantined)]
            extractions = [o for o in outputs if isinstance(o, DocumentExtraction)]
            for q in notes:
                note(q)
            written = write_isolating(store, report.run_id, raws, articles, [*quarantined, *notes], extractions, note)
            report.new += written["raw"]
            report.duplicate += len(raws) - written["raw"]
            report.articles += written["articles"]
            report.events += written["events"]
            report.seconds = time.perf_counter() - started
            store.release_if_due()  # readers may open the database until the next batch is written
            if on_batch:
                on_batch(report)
        status = "finished"
    finally:
        report.seconds = time.perf_counter() - started
        store.finish_run(report.run_id, report.counts(), report.seconds, status)
    if extract and resolve and (report.new or _stale_view(store)):
        from .resolve import resolve_store

        report.resolution = resolve_store(store, on_step=on_resolve_step)  # the cross-document view, this run included
    return report


def write_isolating(store: Store, run_id: str, raws: list[RawDocument], articles: list[Article],
                    quarantined: list[Quarantined], extractions: list[DocumentExtraction],
                    note: Callable[[Quarantined], None]) -> dict[str, int]:
    """Store a batch; if the database refuses it, store its documents one by one and quarantine only
    those it still refuses, so one bad document never costs the rest of its batch (or blocks the file)."""
    try:
        return store.write_batch(run_id, raws, articles, quarantined, extractions)
    except StoreError:
        pass
    totals = {"raw": 0, "articles": 0, "events": 0, "quarantined": 0}
    refused: list[Quarantined] = []
    for raw in raws:
        mine = [a for a in articles if a.raw_id == raw.id]
        found = [x for x in extractions if x.articles and x.articles[0].raw_id == raw.id]
        try:
            written = store.write_batch(run_id, [raw], mine, [], found)
        except StoreError as exc:
            refused.append(Quarantined(raw.source, "store_rejected",
                                       f"{raw.source}: the database refused this document ({exc}); the rest of its batch was stored."))
            continue
        for key, n in written.items():
            totals[key] = totals.get(key, 0) + n
    for q in refused:
        note(q)
    written = store.write_batch(run_id, [], [], [*quarantined, *refused], [])
    totals["quarantined"] = totals.get("quarantined", 0) + written["quarantined"]
    return totals


def input_bytes(targets: Sequence[str]) -> int | None:
    """The size of the local inputs once decompressed (a gzip file's own trailer says it), for a percentage and an
    ETA; None when some input is a URL (its size is not known in advance). Lists inputs as the ingest will."""
    import os
    import struct

    from .ingest import expand_targets, is_url

    total = 0
    for path in expand_targets(targets):
        if isinstance(path, Quarantined):
            continue
        if is_url(path):
            return None
        try:
            size = os.path.getsize(path)
            if path.endswith(".gz") and size >= 18:
                with open(path, "rb") as fh:
                    fh.seek(-4, os.SEEK_END)
                    size = max(size, struct.unpack("<I", fh.read(4))[0])  # ISIZE: the size mod 4 GiB
            total += size
        except OSError:
            continue
    return total or None


def _stale_view(store: Store) -> bool:
    """Whether some stored article or event is not yet in the cross-document view."""
    from .query import unresolved_articles, unresolved_events

    return bool(unresolved_events(store) or unresolved_articles(store))


def _batched(items: Iterable[Any], size: int, max_bytes: int = BATCH_BYTES) -> Iterator[list[Any]]:
    """Batches of at most ``size`` items and about ``max_bytes`` of raw bodies (memory stays bounded)."""
    batch: list[Any] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.body) if isinstance(item, RawDocument) else 0
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def extract_targets(targets: Sequence[str], settings: Settings,
                    on_quarantine: Callable[[Quarantined], None] | None = None) -> Iterator[tuple[str, Any]]:
    """Read, clean and extract ``targets`` without a database: ``(doc key, DocumentExtraction)`` per document.

    A document is one raw input unit: a page dump (all its articles together), an HTML page,
    a JSON Lines record (keyed by its ``id``), a feed item or a WARC record.
    """
    pipeline = clean_pipeline(settings.html_extractor, extract=True)  # the same steps as ingest, in this process
    for item in read_targets(targets, settings):
        outputs = [item] if isinstance(item, Quarantined) else pipeline.run([item])
        for out in outputs:
            if isinstance(out, Quarantined):
                if on_quarantine:
                    on_quarantine(out)
            elif isinstance(out, DocumentExtraction):
                yield out.articles[0].doc, out

"""WARC files as Common Crawl's CC-NEWS publishes them: HTML responses become documents."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..errors import require
from ..model import Quarantined, RawDocument

HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: Path, source: str, settings: Settings, fetched_at: datetime | None) -> Iterator[RawDocument | Quarantined]:
    """Stream ``response`` records with an HTML payload; a truncated tail is quarantined."""
    fastwarc = require("fastwarc.warc", "warc", "Reading WARC files")
    n = 0
    with open(path, "rb") as fh:
        try:
            records = fastwarc.ArchiveIterator(fh, record_types=fastwarc.WarcRecordType.response, parse_http=True)
            for record in records:
                n += 1
                doc = _document(record, f"{source}#rec{n}", settings)
                if doc is not None:
                    yield doc
        except Exception as exc:  # fastwarc raises assorted errors on broken streams
            yield Quarantined(source, "truncated_warc", f"{source}: the WARC stream breaks after record {n} ({exc}); earlier records were kept.")


def _document(record, where: str, settings: Settings) -> RawDocument | Quarantined | None:  # type: ignore[no-untyped-def]
    http = record.http_headers
    if http is None:
        return Quarantined(where, "truncated_warc", f"{where}: the record has no readable HTTP response (truncated WARC?).")
    ctype = (http.get("Content-Type") or "").lower()
    if ctype and not ctype.startswith(HTML_TYPES):
        return None
    body = record.reader.read(settings.max_record_bytes + 1)
    if len(body) > settings.max_record_bytes:
        return Quarantined(where, "too_large", f"{where}: the payload is over the record cap.")
    if record.content_length and len(body) < record.content_length:
        return Quarantined(where, "truncated_warc",
                           f"{where}: the record is cut short ({len(body)} of {record.content_length} bytes); the WARC file is truncated.")
    url = record.headers.get("WARC-Target-URI")
    return RawDocument.make(where, body, "warc-response", url=url, fetched_at=record.record_date,
                            meta={"content_type": ctype})

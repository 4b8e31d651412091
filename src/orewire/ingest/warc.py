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
    n = said = 0
    with open(path, "rb") as fh:
        try:
            # Every record type is walked, not only responses: a request record that claims more bytes than the
            # file holds would otherwise swallow the rest of the file without a word.
            records = fastwarc.ArchiveIterator(fh, parse_http=False)
            for record in records:
                if record.record_type != fastwarc.WarcRecordType.response:
                    cut = _cut_short(record, f"{source}@byte{record.stream_pos}")
                    if cut is not None:
                        said += 1
                        yield cut
                    continue
                n += 1  # responses are numbered as before: path#rec<n> names the n-th response
                record.parse_http()
                doc = _document(record, f"{source}#rec{n}", settings)
                if doc is not None:
                    said += 1
                    yield doc
        except Exception as exc:  # fastwarc raises assorted errors on broken streams
            yield Quarantined(source, "truncated_warc", f"{source}: the WARC stream breaks after record {n} ({exc}); earlier records were kept.")
            return
    if said == 0:
        yield Quarantined(source, "no_records", f"{source}: no readable HTML response among its records ({n} responses; "
                          "cut short, or holding only requests, metadata and non-HTML payloads).")


def _cut_short(record, where: str, chunk: int = 1 << 20) -> Quarantined | None:  # type: ignore[no-untyped-def]
    """A record whose block is shorter than its Content-Length: the file ends (or lies) there."""
    got = 0
    while data := record.reader.read(chunk):
        got += len(data)
    if record.content_length and got < record.content_length:
        return Quarantined(where, "truncated_warc", f"{where}: the record declares {record.content_length:,} bytes but only {got:,} "
                           "follow; the WARC file is truncated or its Content-Length is wrong, and nothing after it can be read.")
    return None


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

"""RSS and Atom feed files: each item becomes a document (its full content, else its summary)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputRejected, require
from ..model import Quarantined, RawDocument
from .sniff import open_binary, read_capped


def read_feed(path: Path, source: str, settings: Settings, fetched_at: datetime | None) -> Iterator[RawDocument | Quarantined]:
    """Parse the feed (feedparser tolerates most breakage) and yield one document per entry."""
    feedparser = require("feedparser", "feeds", "Reading RSS/Atom feeds")
    with open_binary(path) as fh:
        data = read_capped(fh, settings.max_document_bytes)
    if len(data) > settings.max_document_bytes:
        raise InputRejected("too_large", f"{source}: the feed is over the single-file cap.", source)
    parsed = feedparser.parse(_without_surrogate_refs(data))
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        raise InputRejected("malformed_feed", f"{source}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')}).", source)
    if parsed.get("bozo"):
        yield Quarantined(source, "malformed_feed",
                          f"{source}: the feed is malformed ({parsed.get('bozo_exception')}); {len(entries)} items were recovered.",
                          action="recovered")
    for i, entry in enumerate(entries):
        item = _entry(entry)
        if not (item["html"] or "").strip():
            yield Quarantined(f"{source}#item{i}", "no_text", f"{source}#item{i}: the feed item has no content or summary.")
            continue
        body = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8", "backslashreplace")  # a lone surrogate stays a JSON escape
        yield RawDocument.make(f"{source}#item{i}", body, "feed-item", url=item["link"], fetched_at=fetched_at)


_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _without_surrogate_refs(data: bytes) -> bytes:
    """``&#xD800;`` names no character (a lone surrogate), and feedparser crashes on it: make it U+FFFD."""
    def fix(m: re.Match[bytes]) -> bytes:
        ref = m.group(1)
        code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else m.group(0)

    return _CHAR_REF.sub(fix, data) if b"&#" in data else data


def _entry(entry: Any) -> dict[str, Any]:
    content = entry.get("content") or []
    html = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(*stamp[:3]).isoformat() if stamp else None
    return {"title": entry.get("title"), "link": entry.get("link"), "published": published, "html": html}

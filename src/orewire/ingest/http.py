"""Fetching pages over HTTP(S), politely: a timeout, a size cap and a user agent."""
from __future__ import annotations

import gzip
from datetime import datetime, timezone
from typing import Any

from ..config import Settings
from ..errors import InputRejected, require
from ..model import RawDocument
from .sniff import GZIP_MAGIC, sniff_format


def is_url(target: str) -> bool:
    """True for http:// and https:// targets."""
    return target.startswith(("http://", "https://"))


def fetch_url(url: str, settings: Settings, transport: Any = None) -> RawDocument:
    """GET ``url`` and return its body as a RawDocument stamped with the retrieval time.

    The content type is ``html`` or ``text`` for a page, or ``feed``, ``jsonl`` or
    ``warc`` for a container, which the caller reads like a local file of that format.
    ``transport`` lets tests inject an ``httpx.MockTransport``. Raises InputRejected
    for network errors, HTTP errors, bodies over the cap and binary content.
    """
    httpx = require("httpx", "http", "Fetching URLs")
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,text/plain,*/*;q=0.5"}
    try:
        with httpx.Client(timeout=settings.http_timeout, follow_redirects=True, headers=headers, transport=transport) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise InputRejected("http_error", f"{url}: the server answered HTTP {resp.status_code}.", url)
                body = _read_capped(resp, settings.http_max_bytes, url)
                final_url = str(resp.url)
                ctype = resp.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise InputRejected("timeout", f"{url}: no answer within {settings.http_timeout:g} s ({exc.__class__.__name__}).", url) from exc
    except httpx.HTTPError as exc:
        raise InputRejected("network_error", f"{url}: could not be fetched ({exc.__class__.__name__}: {exc}).", url) from exc
    head = gzip.decompress(body)[:65536] if body[:2] == GZIP_MAGIC else body[:65536]
    fmt = "html" if "html" in ctype else sniff_format(final_url.split("?", 1)[0].rsplit("/", 1)[-1].removesuffix(".gz"), head)
    if fmt == "binary":
        raise InputRejected("binary", f"{url}: the response is binary ({ctype or 'no content type'}), not a page.", url)
    return RawDocument.make(url, body, fmt, url=final_url, fetched_at=datetime.now(timezone.utc), meta={"content_type": ctype})


def _read_capped(resp: Any, cap: int, url: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise InputRejected("too_large", f"{url}: the response is over the {cap / 2**20:.0f} MB cap; stopped reading.", url)
        chunks.append(chunk)
    return b"".join(chunks)

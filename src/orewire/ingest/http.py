"""Fetching pages over HTTP(S), politely: a timeout, a size cap and a user agent."""
from __future__ import annotations

import ipaddress
import socket
import time
import zlib
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
    def guard(request: Any) -> None:  # every hop, redirects included
        _check_host(request.url.host, url, settings.allow_private_urls)

    try:
        with httpx.Client(timeout=settings.http_timeout, follow_redirects=True, max_redirects=settings.max_redirects,
                          headers=headers, transport=transport, event_hooks={"request": [guard]}) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise InputRejected("http_error", f"{url}: the server answered HTTP {resp.status_code}.", url)
                body = _read_capped(resp, settings.http_max_bytes, url, time.monotonic() + settings.http_deadline)
                final_url = str(resp.url)
                ctype = resp.headers.get("content-type", "")
    except httpx.TooManyRedirects as exc:
        raise InputRejected("redirects", f"{url}: more than {settings.max_redirects} redirects; stopped.", url) from exc
    except httpx.TimeoutException as exc:
        raise InputRejected("timeout", f"{url}: no answer within {settings.http_timeout:g} s ({exc.__class__.__name__}).", url) from exc
    except httpx.HTTPError as exc:
        raise InputRejected("network_error", f"{url}: could not be fetched ({exc.__class__.__name__}: {exc}).", url) from exc
    gzipped = body[:2] == GZIP_MAGIC  # a .gz served without Content-Encoding: httpx left it compressed
    head = _gunzip(body, 65536, url, head_only=True) if gzipped else body[:65536]
    fmt = "html" if "html" in ctype else sniff_format(final_url.split("?", 1)[0].rsplit("/", 1)[-1].removesuffix(".gz"), head)
    if fmt == "binary":
        raise InputRejected("binary", f"{url}: the response is binary ({ctype or 'no content type'}), not a page.", url)
    if gzipped and fmt in ("html", "text"):
        body = _gunzip(body, settings.max_document_bytes, url)  # a page is stored as its text, never as gzip bytes
    return RawDocument.make(url, body, fmt, url=final_url, fetched_at=datetime.now(timezone.utc), meta={"content_type": ctype})


def _check_host(host: str, url: str, allow_private: bool) -> None:
    """Refuse hosts that are, or resolve to, private, loopback, link-local or reserved addresses: a URL given to an
    ingest running inside a server must not reach that server's own network (SSRF)."""
    if allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return  # unresolvable: the fetch itself fails with a network error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified:
            raise InputRejected("private_address", f"{url}: {host} is a private or local address ({ip}); not fetched. "
                                "Allow it with --allow-private-urls (OREWIRE_ALLOW_PRIVATE_URLS=1) for a trusted network.", url)


def _gunzip(body: bytes, cap: int, url: str, head_only: bool = False) -> bytes:
    """Decompress at most ``cap`` bytes: a 2 MB gzip of 2 GiB is refused after ``cap``, not expanded in memory."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, cap + 1)
    except zlib.error as exc:
        raise InputRejected("truncated_gzip", f"{url}: the gzip body is damaged ({exc}).", url) from exc
    if head_only:
        return out[:cap]
    if len(out) > cap:
        raise InputRejected("too_large", f"{url}: the page is over the {cap / 2**20:.0f} MB cap once decompressed; stopped.", url)
    if not d.eof:
        raise InputRejected("truncated_gzip", f"{url}: the gzip body ends early (the transfer was cut short).", url)
    return out


def _read_capped(resp: Any, cap: int, url: str, deadline: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise InputRejected("too_large", f"{url}: the response is over the {cap / 2**20:.0f} MB cap; stopped reading.", url)
        if time.monotonic() > deadline:
            raise InputRejected("timeout", f"{url}: the transfer took longer than the whole-fetch limit; stopped reading "
                                "(OREWIRE_HTTP_DEADLINE raises it).", url)
        chunks.append(chunk)
    return b"".join(chunks)

"""Ingest: paths, folders, globs and URLs in; RawDocument (or Quarantined) records out.

Every reader streams: a JSON Lines file or WARC of any size is read record by record.
A reader never raises for bad input; it yields a :class:`~orewire.model.Quarantined`
naming the file (or record) and the reason, and goes on with what it can read.
"""
from __future__ import annotations

import glob
import os
import re
import tempfile
import zlib
from dataclasses import replace
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..errors import InputRejected
from ..model import Quarantined, RawDocument, safe_text
from .feeds import read_feed
from .files import read_single
from .http import fetch_url, is_url
from .jsonl import read_jsonl
from .sniff import SNIFF_BYTES, inner_name, open_binary, sniff_format
from .warc import read_warc

__all__ = ["expand_targets", "read_path", "read_targets"]

READERS = {"jsonl": read_jsonl, "feed": read_feed, "warc": read_warc}  # containers; pages go to read_single
Item = RawDocument | Quarantined


def expand_targets(targets: Iterable[str], skip: Iterable[str] = ()) -> Iterator[str | Quarantined]:
    """Each URL as is; each folder as its files (recursively, sorted); each glob as its matches.

    Files in ``skip`` (the database being written, and its WAL) are left out of folders and globs.
    """
    skipped = {os.path.realpath(p) for p in skip}
    for target in _expand(targets):
        name = target.source if isinstance(target, Quarantined) else target
        if not is_url(name) and os.path.realpath(name) in skipped:
            continue
        yield target


def _expand(targets: Iterable[str]) -> Iterator[str | Quarantined]:
    for target in targets:
        try:
            yield from _expand_one(target)
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte, an unreadable folder
            name = safe_text(target)
            yield Quarantined(name, "unreadable", f"{name[:300]}: cannot be opened ({exc.__class__.__name__}: {str(exc)[:200]}).")


def _expand_one(target: str) -> Iterator[str | Quarantined]:
    if is_url(target):
        yield target
        return
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target):
        yield Quarantined(target[:300], "unsupported_url", f"{target[:300]}: only http:// and https:// URLs are fetched.")
        return
    path = Path(target)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield str(path)
    elif glob.has_magic(target):
        matches = sorted(glob.glob(target, recursive=True))
        if not matches:
            yield Quarantined(target, "not_found", f"{target}: the pattern matches no file.")
        for m in matches:
            if os.path.isfile(m):
                yield m
    else:
        yield Quarantined(target, "not_found", f"{target}: no such file, folder or URL.")


def _walk(root: Path) -> Iterator[str | Quarantined]:
    """Every regular file below ``root``, sorted. What is passed over (hidden files, FIFOs and other special
    files, broken or looping links) is named as ``skipped`` so the run report counts it."""
    def skipped(p: Path, reason: str, why: str) -> Quarantined:
        return Quarantined(safe_text(str(p)), reason, f"{safe_text(str(p))}: {why}, skipped.", action="skipped")

    for p in sorted(root.rglob("*")):
        if _hidden(p, root):
            if not any(part.startswith(".") for part in p.relative_to(root).parts[:-1]):  # name the top hidden entry once
                yield skipped(p, "hidden", "hidden")
            continue
        try:
            if p.is_file():
                yield str(p)
            elif not p.exists():  # a link to nothing (or to itself), or a file gone since the listing (a WAL)
                if p.is_symlink():
                    yield skipped(p, "broken_link", "a link to nothing")
            elif not p.is_dir():
                yield skipped(p, "special_file", "not a regular file (a FIFO, socket or device)")
        except OSError as exc:
            yield skipped(p, "unreadable", f"cannot be followed ({exc})")


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


def read_targets(targets: Iterable[str], settings: Settings, fetched_at: datetime | None = None,
                 skip: Iterable[str] = ()) -> Iterator[Item]:
    """Read every target in turn; bad ones become Quarantined records, never exceptions.

    ``fetched_at`` is when local files were retrieved, if the caller knows (relative
    stamps such as "Updated 10 sec ago" are resolved against it); URLs use the fetch time.
    """
    for target in expand_targets(targets, skip):
        if isinstance(target, Quarantined):
            yield target
        elif is_url(target):
            yield from guarded(target, _read_url(target, settings))
        else:
            yield from guarded(target, read_path(Path(target), settings, fetched_at))


def guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The last line of defence: whatever a reader raises becomes a quarantine row naming the input,
    the documents it yielded before are kept, and the run goes on with the next input."""
    yielded = 0
    try:
        for item in items:
            yielded += 1
            yield item
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - any reader failure on any input must not stop the run
        name = type(exc).__name__
        yield Quarantined(source, _reader_reason(exc), f"{source}: could not be read past item {yielded} ({name}: {str(exc)[:300]}).")


def _reader_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "too_deep"
    if isinstance(exc, UnicodeError):
        return "encoding"
    return _os_reason(exc)


def read_path(path: Path, settings: Settings, fetched_at: datetime | None = None) -> Iterator[Item]:
    """Sniff one file's format and stream its documents."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Quarantined(source, "empty", f"{source}: the file is empty.")
            return
        with open_binary(path) as fh:
            head = fh.read(SNIFF_BYTES)
        if not head.strip():
            yield Quarantined(source, "empty", f"{source}: the file holds only whitespace once decompressed.")
            return
        fmt = sniff_format(inner_name(path), head)
        if fmt in ("text", "html", "binary") and size > settings.max_document_bytes:
            yield Quarantined(source, "too_large",
                              f"{source}: {size / 2**20:,.0f} MB is over the {settings.max_document_bytes / 2**20:,.0f} MB cap for a "
                              "single page; split it, or raise OREWIRE_MAX_DOCUMENT_BYTES if it really is one page.")
            return
        if fmt == "binary":
            yield Quarantined(source, "binary", f"{source}: binary content, not text, HTML, a feed, JSON Lines or WARC.")
            return
        if fmt in ("text", "html"):
            yield from read_single(path, source, settings, fetched_at, fmt)
        else:
            yield from READERS[fmt](path, source, settings, fetched_at)
    except InputRejected as exc:
        yield Quarantined(source, exc.reason, exc.detail)
    except (EOFError, OSError, zlib.error) as exc:
        yield Quarantined(source, _os_reason(exc), f"{source}: could not be read ({exc}).")


def _os_reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if isinstance(exc, (EOFError, zlib.error)) or any(w in text for w in ("compressed", "gzip", "crc")):
        return "truncated_gzip"
    return "unreadable"


def _read_url(url: str, settings: Settings) -> Iterator[Item]:
    """A fetched page is one document; a fetched feed, JSON Lines or WARC file is read like a local one."""
    try:
        doc = fetch_url(url, settings)
    except InputRejected as exc:
        yield Quarantined(url, exc.reason, exc.detail)
        return
    if doc.content_type in ("html", "text"):
        yield doc
        return
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / f"download.{doc.content_type}"
        local.write_bytes(doc.body)
        for item in read_path(local, settings, doc.fetched_at):
            yield _relabel(item, str(local), url)


def _relabel(item: Item, local: str, url: str) -> Item:
    """Name the URL, not the temporary file, as the source."""
    if isinstance(item, Quarantined):
        return Quarantined(item.source.replace(local, url), item.reason, item.detail.replace(local, url), item.action)
    return replace(item, source=item.source.replace(local, url))

"""Single-document files: a plain-text page dump or one HTML page."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..errors import InputRejected
from ..model import RawDocument
from .sniff import open_binary, read_capped


def read_single(path: Path, source: str, settings: Settings, fetched_at: datetime | None, fmt: str) -> Iterator[RawDocument]:
    """Yield the whole file as one RawDocument of the sniffed format (``text`` or ``html``), within the size cap."""
    cap = settings.max_document_bytes
    if path.stat().st_size > cap and not source.endswith(".gz"):
        raise _too_large(source, path.stat().st_size, cap)
    with open_binary(path) as fh:
        body = read_capped(fh, cap)
    if len(body) > cap:
        raise _too_large(source, len(body), cap, decompressed=True)
    yield RawDocument.make(source, body, fmt, fetched_at=fetched_at)


def _too_large(source: str, size: int, cap: int, decompressed: bool = False) -> InputRejected:
    what = "decompressed size exceeds" if decompressed else f"{size / 2**20:.0f} MB is more than"
    return InputRejected(
        "too_large",
        f"{source}: {what} the {cap / 2**20:.0f} MB cap for a single page; "
        "split it, or raise OREWIRE_MAX_DOCUMENT_BYTES if it really is one page.",
        source,
    )

"""JSON Lines (one article per line: ``id``, ``url``, ``title``, ``text``, ``published``) and JSON files.

A ``.json`` file may hold one article object or an array of them; anything else
that does not parse as a whole is read as JSON Lines.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ..config import Settings
from ..model import Quarantined, RawDocument
from .sniff import inner_name, open_binary, read_capped

TEXT_FIELDS = ("text", "body", "content", "article", "articleBody")
MAX_REPORTED_BAD = 100    # after this many bad lines in one file, count them without a line each


def read_jsonl(path: Path, source: str, settings: Settings, fetched_at: datetime | None) -> Iterator[RawDocument | Quarantined]:
    """Stream records; a bad line is quarantined as ``path#L<n>`` and reading goes on."""
    if inner_name(path).lower().endswith(".json"):
        whole = _whole_json(path, settings)
        if whole is not None:
            yield from _from_whole(whole, source, settings, fetched_at)
            return
    yield from _lines(path, source, settings, fetched_at)


def _lines(path: Path, source: str, settings: Settings, fetched_at: datetime | None) -> Iterator[RawDocument | Quarantined]:
    """Every line judged on its own: bad lines anywhere (also at the start) never cost the good ones."""
    n = good = bad = 0
    try:
        with open_binary(path) as fh:
            for n, line in enumerate(capped_lines(fh, settings.max_record_bytes), 1):
                if line is not None and not line.strip():
                    continue
                where = f"{source}#L{n}"
                item = _record(line, where, settings, fetched_at) if line is not None else _too_large(where, settings)
                if isinstance(item, RawDocument):
                    good += 1
                    yield item
                    continue
                bad += 1
                if bad <= MAX_REPORTED_BAD:
                    yield item
    except (EOFError, OSError, zlib.error) as exc:
        yield Quarantined(source, "truncated_gzip",
                          f"{source}: the compressed stream ends early after line {n} ({exc}); the {good} records before were kept.")
    if bad > MAX_REPORTED_BAD:
        yield Quarantined(source, "malformed_json", f"{source}: {bad - MAX_REPORTED_BAD} more bad lines not listed one by one.")


def capped_lines(fh: Any, cap: int, chunk: int = 1 << 20) -> Iterator[bytes | None]:
    """Lines of a binary stream, never holding more than ``cap`` bytes of one: a longer line is read
    through in chunks and given as None, so a one-line gzip bomb costs no more memory than the cap."""
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        while True:  # skip the rest of the over-long line
            rest = fh.readline(chunk)
            if not rest or rest.endswith(b"\n"):
                break
        yield None


def _too_large(where: str, settings: Settings) -> Quarantined:
    return Quarantined(where, "too_large", f"{where}: the record is over the {settings.max_record_bytes / 2**20:.0f} MB record cap; "
                       "it was skipped unread.")


def _whole_json(path: Path, settings: Settings) -> Any:
    with open_binary(path) as fh:
        data = read_capped(fh, settings.max_document_bytes)
    if len(data) > settings.max_document_bytes:
        return None
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _from_whole(obj: Any, source: str, settings: Settings, fetched_at: datetime | None) -> Iterator[RawDocument | Quarantined]:
    items = obj if isinstance(obj, list) else [obj]
    found = 0
    for i, item in enumerate(items):
        line = json.dumps(item, ensure_ascii=False).encode("utf-8", "backslashreplace")  # a lone surrogate stays a JSON escape
        got = _record(line, f"{source}#{i}" if isinstance(obj, list) else source, settings, fetched_at)
        if isinstance(got, RawDocument):
            found += 1
            yield got
        elif isinstance(obj, list):
            yield got
    if not found and not isinstance(obj, list):
        yield Quarantined(source, "no_text", f"{source}: a JSON document with no article text field ({', '.join(TEXT_FIELDS)}).")


def _record(line: bytes, where: str, settings: Settings, fetched_at: datetime | None) -> RawDocument | Quarantined:
    if len(line) > settings.max_record_bytes:
        return Quarantined(where, "too_large", f"{where}: the record is {len(line) / 2**20:.0f} MB, over the record cap.")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Quarantined(where, "malformed_json", f"{where}: not valid JSON ({exc.__class__.__name__}: {exc}).")
    except RecursionError:
        return Quarantined(where, "malformed_json", f"{where}: JSON nested too deeply to read.")
    if not isinstance(obj, dict):
        return Quarantined(where, "malformed_json", f"{where}: a JSON {type(obj).__name__}, not an object with a text field.")
    if not any(isinstance(obj.get(f), str) and obj[f].strip() for f in TEXT_FIELDS):
        return Quarantined(where, "no_text", f"{where}: the record has no non-empty text field ({', '.join(TEXT_FIELDS)}).")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return RawDocument.make(where, line.rstrip(b"\r\n"), "jsonl-record", url=url, fetched_at=fetched_at)

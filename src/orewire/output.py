"""Rendering rows for people (rich tables) and programs (JSON, CSV)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

FORMATS = ("table", "json", "csv")


def to_json(rows: Any) -> str:
    """JSON text with dates as ISO strings."""
    return json.dumps(rows, ensure_ascii=False, indent=2, default=_default)


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV with a header row (union of keys, first-seen order)."""
    keys: list[str] = []
    for row in rows:
        keys += [k for k in row if k not in keys]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=keys)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buf.getvalue()


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None,
                 widths: dict[str, int] | None = None) -> Any:
    """A rich Table of ``columns`` of ``rows``, long cells cut to ``widths``."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold", max_width=(widths or {}).get(col))
    for row in rows:
        table.add_row(*[_short(_cell(row.get(c)), (widths or {}).get(c)) for c in columns])
    return table


def _short(value: str, width: int | None) -> str:
    value = " ".join(value.split())
    return value if not width or len(value) <= width else value[: width - 1] + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=_default)
    return str(value)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")

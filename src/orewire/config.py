"""Settings: one immutable object; packaged defaults, overridden by keyword arguments.

Environment variables ``OREWIRE_<FIELD>`` (upper case) override the defaults, and
explicit keyword arguments (the CLI's flags) override both.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings.

    db: path of the DuckDB file.
    max_document_bytes: largest single page (HTML or text) read; larger ones are quarantined.
    max_record_bytes: largest JSON Lines record or WARC payload read.
    http_timeout: seconds one HTTP read may wait.
    http_deadline: seconds a whole HTTP fetch may take, all reads together (a server dripping bytes is cut off).
    http_max_bytes: largest HTTP response body read.
    user_agent: sent with every HTTP request.
    allow_private_urls: fetch URLs whose host is a private, loopback or link-local address (off: SSRF protection
        when ingest runs inside a server; turn on for a trusted intranet).
    max_redirects: redirects followed per fetch.
    html_extractor: ``auto`` (fast pass, careful fallback), ``fast`` or ``careful``.
    batch_size: documents per storage transaction (and per worker task).
    workers: processes that clean documents: 1 runs in this process, 0 uses one per core.
    """

    db: str = "orewire.duckdb"
    max_document_bytes: int = 20 * 1024 * 1024
    max_record_bytes: int = 20 * 1024 * 1024
    http_timeout: float = 20.0
    http_deadline: float = 120.0
    http_max_bytes: int = 20 * 1024 * 1024
    user_agent: str = "orewire/0.1 (+https://github.com/orewire/orewire)"
    allow_private_urls: bool = False
    max_redirects: int = 5
    html_extractor: str = "auto"
    batch_size: int = 256
    workers: int = 1

    def with_(self, **changes: Any) -> "Settings":
        """A copy with ``changes`` applied (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


HTML_EXTRACTORS = ("auto", "fast", "careful")


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then ``OREWIRE_*`` environment variables, then ``overrides``."""
    env: dict[str, Any] = {}
    for f in fields(Settings):
        raw = os.environ.get(f"OREWIRE_{f.name.upper()}")
        if raw is None:
            continue
        env[f.name] = _coerce(f.name, raw, Settings.__dataclass_fields__[f.name].default)
    settings = Settings().with_(**env).with_(**overrides)
    if settings.html_extractor not in HTML_EXTRACTORS:
        raise ConfigError(
            f"Unknown HTML extractor '{settings.html_extractor}'. Available: {', '.join(HTML_EXTRACTORS)}"
        )
    return settings


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"OREWIRE_{name.upper()}={raw!r} is not a valid {type(default).__name__}") from exc
    return raw

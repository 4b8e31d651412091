"""The orewire exception tree.

    OrewireError                 base; ``exit_code`` 1 (failed work)
    ├── ConfigError              bad settings or options (exit 2)
    ├── MissingDependency        an optional extra is not installed; says what to pip install
    ├── IngestError              an input could not be read; ``.source`` names it
    │   └── InputRejected        carries a ``reason`` kind for the quarantine table
    ├── CleanError               a document could not be turned into an article
    └── StoreError               the database could not be opened or written; ``.path``

Messages say what happened, why, and what to do next.
"""
from __future__ import annotations


EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_STORE, EXIT_INTERNAL = 0, 1, 2, 3, 4
"""Exit statuses: done; input rejected into the quarantine (or work failed); usage error; database busy
or unusable; an internal error (a bug: its traceback is written to a log file)."""


class OrewireError(Exception):
    """Base of every error orewire raises on purpose."""

    exit_code = 1


class ConfigError(OrewireError):
    """Invalid settings or command-line options."""

    exit_code = 2


class MissingDependency(OrewireError):
    """An optional dependency is needed for this input or command."""

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python package '{module}', which is not installed. "
            f"Install it with: pip install 'orewire[{extra}]'"
        )
        self.module = module
        self.extra = extra


class IngestError(OrewireError):
    """An input could not be read."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.source = source


class InputRejected(IngestError):
    """An input (or a record of it) is unusable; ``reason`` is the quarantine kind."""

    def __init__(self, reason: str, detail: str, source: str = "") -> None:
        super().__init__(detail, source)
        self.reason = reason
        self.detail = detail


class CleanError(OrewireError):
    """A raw document could not be cleaned into an article."""


class StoreError(OrewireError):
    """The database could not be opened, migrated or written (busy, locked, damaged): exit 3."""

    exit_code = 3

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


def require(module: str, extra: str, purpose: str):  # type: ignore[no-untyped-def]
    """Import an optional dependency or raise MissingDependency with the pip hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(module, extra, purpose) from exc

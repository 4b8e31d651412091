"""Who may write a database: one orewire writer at a time, named in a lock file beside it.

DuckDB lets one process hold a database file. orewire's writer holds that only while it writes a
batch, so readers (``events``, ``articles``, the API) get in between; the lock file
``<db>.writer.lock`` is what keeps a second writer out for the writer's whole run, and it says who
holds it, so the refusal can name the other process and its role.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

from ..errors import StoreError


class WriterLock:
    """An exclusive advisory lock on ``<db>.writer.lock``, released when the process ends (even by kill -9)."""

    def __init__(self, db: str, role: str) -> None:
        self.db = db
        self.path = Path(db + ".writer.lock")
        self.role = role
        self._fh = None

    def acquire(self) -> None:
        fh = self.path.open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(self.path)
            fh.close()
            raise StoreError(
                f"The database {self.db} is being written by another orewire process ({holder}). "
                "Wait for it to finish, or use another --db.", self.db) from None
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "role": self.role, "since": time.strftime("%Y-%m-%d %H:%M:%S")}))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
        return f"{info.get('role', 'a writer')}, pid {info.get('pid', '?')}, since {info.get('since', '?')}"
    except (OSError, ValueError):
        return "a writer"

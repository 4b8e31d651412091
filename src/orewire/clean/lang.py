"""Language identification (py3langid: small, fast, ships its model)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_CHARS = 40
SAMPLE_CHARS = 600  # a few sentences decide the language; more costs time, not accuracy


@lru_cache(maxsize=1)
def _identifier() -> Any:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    ident = _identifier()
    if ident is None:
        return None
    lang, prob = ident.classify(sample)
    return lang if prob >= 0.5 else None

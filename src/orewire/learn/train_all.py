"""``orewire train``: rebuild the learned models from the corpus with fixed seeds, then score on the test split.

Trains on the corpus's train split only (the detector holds 15% of it back to choose thresholds; the
relevance threshold comes from 5-fold cross-validation). Writes the artefacts and their cards, then runs
extraction on the test split once and prints the scores, per pool.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from .detector import MODELS


def train_all(out: Path = MODELS, epochs: int = 2, log: Callable[[str], None] = print) -> dict[str, Any]:
    from . import train_detector, train_relevance

    log("training the relevance model ...")
    relevance_card = train_relevance.train(out / "relevance.npz")
    log(json.dumps({k: relevance_card[k] for k in ("cv_f1", "threshold", "rules_f1_same_stories")}))
    log("fine-tuning the sentence detector (all-MiniLM-L6-v2; about half an hour on two cores) ...")
    detector_card = train_detector.train(out / "detector", epochs=epochs, log=log)
    return {"relevance": relevance_card, "detector": detector_card}


def test_scores() -> dict[str, Any]:
    """Extraction with the freshly written models on the test split (overall, Reuters, modern)."""
    from ..corpus.evaluate import evaluate
    from ..corpus.report import corpus_records
    from ..corpus.split import load_split
    from .detector import load_detector
    from .relevance import load_relevance_model

    load_detector.cache_clear()
    load_relevance_model.cache_clear()
    split = load_split()
    return evaluate([r for r in corpus_records() if r["id"] in split["test"]])

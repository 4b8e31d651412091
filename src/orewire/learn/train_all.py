"""``orewire train``: rebuild the learned models from the corpus with fixed seeds, then score on the test split.

Trains on the corpus's train split and the dev set only: the relevance model (threshold from 5-fold
cross-validation), the sentence detector (15% of the train stories held back to choose thresholds) and the
grouping and speaker models (from the other 85%). Writes the artefacts and their cards, then runs extraction on
the test split once and prints the scores, per pool. ``learning_curve`` repeats this on a share of the
train stories.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from .detector import MODELS


def train_all(out: Path = MODELS, epochs: int = 3, share: float = 1.0, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fit the three models into ``out`` (relevance.npz, detector/, grouping.npz); returns their cards."""
    from . import train_detector, train_grouping, train_relevance, train_speaker

    log("training the relevance model ...")
    relevance_card = train_relevance.train(out / "relevance.npz", share=share)
    log(json.dumps({k: relevance_card[k] for k in ("cv_f1", "threshold", "rules_f1_same_stories")}))
    log("fine-tuning the sentence detector (all-MiniLM-L6-v2; about forty minutes on two cores) ...")
    detector_card = train_detector.train(out / "detector", epochs=epochs, share=share, log=log)
    log("fitting the grouping model ...")
    grouping_card = train_grouping.train(out / "grouping.npz", share=share, log=log)
    log("fitting the speaker model ...")
    speaker_card = train_speaker.train(out / "speaker.npz", share=share, log=log)
    return {"relevance": relevance_card, "detector": detector_card, "grouping": grouping_card, "speaker": speaker_card}


def test_scores(models: Path | None = None) -> dict[str, Any]:
    """Extraction with the models in ``models`` (default: the installed ones) on the test split (overall,
    Reuters, modern)."""
    from ..corpus.evaluate import evaluate
    from ..corpus.report import corpus_records
    from ..corpus.split import load_split
    from .detector import load_detector
    from .grouping import load_grouping
    from .relevance import load_relevance_model
    from .speaker import load_speaker

    if models is not None:
        os.environ["OREWIRE_MODEL_DIR"] = str(models)
    for loader in (load_detector, load_relevance_model, load_grouping, load_speaker):
        loader.cache_clear()
    split = load_split()
    return evaluate([r for r in corpus_records() if r["id"] in split["test"]])


ENTITY_TYPES = ("COUNTRY", "COMMODITY", "ORG", "PERSON")


def summary(scores: dict[str, Any]) -> dict[str, Any]:
    """The figures the model card and the closing note report, per pool."""
    return {name: {"stories": r["stories"], "relevance_f1": r["relevance"]["f1"], "event_f1": r["event"]["f1"],
                   "entity_f1_mean": round(sum(r[k]["f1"] for k in ENTITY_TYPES) / len(ENTITY_TYPES), 3),
                   "event_p": r["event"]["p"], "event_r": r["event"]["r"], "event_args_f1": r["event+args"]["f1"],
                   "per_type_f1": {t: v["f1"] for t, v in r["event_types"].items()}, "fields": r["fields"],
                   "date_exact": r["dates"], "date_exact_day": r["dates"]["exact_day"]} for name, r in scores.items()}

"""The fixed train/test split, by story: drawn once with a seed, stratified by pool and by batch kind.

Test stories are never trained on, never used to tune thresholds or rules, and never read for errors;
only their scores are reported. The split file lists every story of both pools, so a story labelled
later already has its side.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from .records import corpus_dir

SEED = 20261202
TEST_SHARE = 0.2


def split_path() -> Path:
    return corpus_dir() / "split.json"


def draw_split(strata: dict[str, list[str]], seed: int = SEED, share: float = TEST_SHARE) -> dict[str, list[str]]:
    """Each stratum's ids shuffled with ``seed``; the first ``share`` of each goes to test."""
    test: list[str] = []
    for name in sorted(strata):
        ids = sorted(strata[name])
        random.Random(f"{seed}:{name}").shuffle(ids)
        test += ids[: round(len(ids) * share)]
    train = sorted({i for ids in strata.values() for i in ids} - set(test))
    return {"train": train, "test": sorted(test)}


def load_split() -> dict[str, set[str]]:
    """``{"train": ids, "test": ids}`` as stored in ``corpus/split.json``."""
    data = json.loads(split_path().read_text())
    return {"train": set(data["train"]), "test": set(data["test"])}


def side(doc_id: str, split: dict[str, set[str]] | None = None) -> str:
    split = split or load_split()
    return "test" if doc_id in split["test"] else "train"

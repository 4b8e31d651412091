"""Train the relevance model on the corpus's train split; the threshold is chosen by cross-validation on it.

Needs the ``train`` dependency group (scikit-learn, scipy). The test split is not read here.

    python -m orewire.learn.train_relevance [--out src/orewire/data/models/relevance.npz]
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus.report import corpus_records
from ..corpus.sources import pool_texts
from ..corpus.split import load_split
from ..extract.relevance import relevance as rule_relevance
from .relevance import DIM, MODEL, features

SEED = 20261202


def matrix(stories: list[tuple[str, str]]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, (title, text) in enumerate(stories):
        index, values = features(title, text, rule_relevance(title, text).score)
        rows += [i] * len(index)
        cols += index
        vals += values
    return csr_matrix((vals, (rows, cols)), shape=(len(stories), DIM), dtype=np.float32)


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for th in np.arange(0.05, 0.96, 0.01):
        pred = p >= th
        tp = int((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + (y == 1).sum()) if tp else 0.0
        if f1 > best[0]:
            best = (f1, float(th))
    return best


def train(out: Path = MODEL, c: float = 16.0, exclude: set[str] | None = None, share: float = 1.0) -> dict[str, Any]:
    """Fit on the train split (less ``exclude``; a seeded ``share`` of it for a learning curve) and, with the
    whole split, the dev set."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from .examples import dev_records

    started = time.time()
    split = load_split()
    records = sorted((r for r in corpus_records() if r["id"] in split["train"] and r["id"] not in (exclude or set())),
                     key=lambda r: r["id"])
    if share < 1.0:
        records = sorted(random.Random(SEED).sample(records, round(len(records) * share)), key=lambda r: r["id"])
    else:
        records += dev_records()
    stories = [(pool_texts(r["pool"])[r["id"]].title, pool_texts(r["pool"])[r["id"]].text) for r in records]
    y = np.array([1 if r["relevant"] else 0 for r in records])
    x = matrix(stories)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED % (2**31))
    p = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
    cv_f1, threshold = best_threshold(y, p)
    pools = np.array([r["pool"] for r in records])
    per_pool = {pool: round(best_threshold(y[pools == pool], p[pools == pool])[0], 3) for pool in ("reuters", "modern")}
    rule = np.array([rule_relevance(t, x_).relevant for t, x_ in stories])
    tp = int((rule & (y == 1)).sum())
    rule_f1 = 2 * tp / (rule.sum() + y.sum())
    model.fit(x, y)
    card = {"model": "logistic regression over hashed title and opening words (1-2 grams) and the rule score",
            "train_stories": len(records), "share": share, "relevant": int(y.sum()), "C": c, "threshold": round(threshold, 2),
            "cv_f1": round(cv_f1, 3), "cv_f1_at_own_threshold_per_pool": per_pool, "rules_f1_same_stories": round(rule_f1, 3),
            "trained": time.strftime("%Y-%m-%d"), "seed": SEED, "seconds": round(time.time() - started)}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, weights=model.coef_[0].astype(np.float32), bias=np.float32(model.intercept_[0]),
                        threshold=np.float32(threshold), card=np.array(json.dumps(card)))
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--C", type=float, default=16.0)
    ap.add_argument("--without-tune", action="store_true",
                    help="leave out the detector's held-back stories (to score the whole pipeline on them)")
    args = ap.parse_args(argv)
    exclude = None
    if args.without_tune:
        from .tune_eval import tune_records

        exclude = {r["id"] for r in tune_records()}
    print(json.dumps(train(args.out, args.C, exclude), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

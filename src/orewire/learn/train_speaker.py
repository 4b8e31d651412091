"""Fit the speaker model on the corpus's STATEMENT events (train split less the detector's held-back
stories, plus the dev set): each candidate of the statement's first evidence sentence is labelled by
whether it names the annotated speaker (``score.py``'s own test: equal names, or one inside the other).
Accuracy (the best-scoring candidate is the speaker) is measured by story-grouped 5-fold CV, beside the
rule's (first person named, else first actor).

    python -m orewire.learn.train_speaker --out build/models/speaker.npz
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus.evaluate import load_scorer
from ..corpus.sources import pool_texts
from .examples import dev_records, overlaps
from .speaker import FEATURES, candidate_features, candidates
from .train_detector import SEED, train_stories

def story_statements(record: dict, nlp: Any) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Per annotated statement with a speaker: candidate features, labels, and whether the rule was right."""
    from ..extract.entities import find_entities
    from ..extract.events import sentence_units

    same_speaker = load_scorer().same_speaker  # the scorer's own test: labels mean what the score counts
    statements = [e for e in record.get("events", []) if e["type"] == "STATEMENT" and e.get("speaker")]
    if not statements:
        return []
    text = pool_texts(record["pool"])[record["id"]].text
    doc = nlp(text)
    ents = find_entities(text, doc)
    units = sentence_units(doc)
    main_org = ents.main_org()
    out = []
    for ev in statements:
        span = tuple(ev["evidence"][0])
        unit = next(((a, b, t) for a, b, t in units if overlaps((a, b), span)), None)  # type: ignore[arg-type]
        if unit is None:
            continue
        a, b, sentence = unit
        cands = candidates(a, b, ents)
        labels = np.array([same_speaker(ev["speaker"], c.name) for c in cands])
        if not labels.any():
            continue
        x = np.array([candidate_features(c, sentence, a, ents, cands, main_org) for c in cands])
        persons = [c for c in cands if c.kind == "person"]
        rule = persons[0].name if persons else next((c.name for c in cands if c.kind != "earlier_person"), "")
        out.append((x, labels, same_speaker(ev["speaker"], rule)))
    return out


def train(out: Path, share: float = 1.0, log: Any = print) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    from ..extract.nlp import load_nlp

    started = time.time()
    records, tune_ids = train_stories(share)
    records = [r for r in records if r["id"] not in tune_ids] + (dev_records() if share >= 1.0 else [])
    nlp = load_nlp()
    items, groups = [], []
    for n, r in enumerate(records):
        for item in story_statements(r, nlp):
            items.append(item)
            groups.append(n)
    folds = np.array(groups) % 5
    right = 0
    for k in range(5):
        fit = [it for it, f in zip(items, folds) if f != k]
        model = LogisticRegression(max_iter=2000).fit(np.vstack([x for x, _, _ in fit]), np.concatenate([y for _, y, _ in fit]))
        right += sum(bool(y[int(np.argmax(model.decision_function(x)))]) for (x, y, _), f in zip(items, folds) if f == k)
    model = LogisticRegression(max_iter=2000).fit(np.vstack([x for x, _, _ in items]), np.concatenate([y for _, y, _ in items]))
    card = {"features": list(FEATURES), "statements": len(items), "cv_accuracy": round(right / len(items), 3),
            "rule_accuracy": round(sum(r for _, _, r in items) / len(items), 3), "seed": SEED, "share": share,
            "note": "statements whose sentence names the annotated speaker among its candidates",
            "trained": time.strftime("%Y-%m-%d"), "seconds": round(time.time() - started)}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, weights=model.coef_[0].astype(np.float32), bias=np.float32(model.intercept_[0]), card=json.dumps(card))
    log(json.dumps({k: card[k] for k in ("statements", "cv_accuracy", "rule_accuracy")}))
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("build/models/speaker.npz"))
    ap.add_argument("--share", type=float, default=1.0)
    args = ap.parse_args(argv)
    train(args.out, args.share)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score extraction variants on the held-back train stories (the detector's tune stories), never the test split.

    OREWIRE_MODEL_DIR=build/models python -m orewire.learn.tune_eval [--rules]
"""
from __future__ import annotations

import argparse
import json

from ..corpus.evaluate import evaluate
from ..corpus.report import corpus_records
from ..corpus.split import load_split
from .train_detector import held_back


def tune_records() -> list[dict]:
    split = load_split()
    train = [r for r in corpus_records() if r["id"] in split["train"]]
    tune = held_back([r["id"] for r in train])
    return [r for r in train if r["id"] in tune]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.parse_args(argv)
    result = evaluate(tune_records())
    for name, r in result.items():
        print(name, r["stories"], json.dumps({"relevance": r["relevance"]["f1"], "event": [r["event"]["p"], r["event"]["r"], r["event"]["f1"]],
                                              "args": r["event+args"]["f1"], "types": {t: v["f1"] for t, v in r["event_types"].items()},
                                              "fields": r["fields"]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

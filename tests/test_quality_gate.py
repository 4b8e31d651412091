"""The quality gate: extraction, with the models this installation ships, on the corpus's fixed test split
(never fitted, tuned or read for errors) must score at or above the pinned floors, per pool; and on the dev
set, which is training data since the learned extractor, as a check that nothing broke."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orewire.config import Settings
from orewire.extract.evalfmt import to_eval
from orewire.runner import extract_targets

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _need_shared():
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"{SHARED} is absent (a fresh clone has no ../shared; CI always has it)")


@pytest.fixture(scope="module")
def test_split_scores():
    _need_shared()
    from orewire.learn.train_all import summary, test_scores

    scores = summary(test_scores())
    print(json.dumps(scores, indent=1))
    return scores


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    _need_shared()
    dev = SHARED / "eval" / "dev"
    pred = tmp_path_factory.mktemp("gate") / "pred.jsonl"
    targets = [str(dev / "docs" / "seed.txt"), str(dev / "reuters_dev.jsonl"), str(dev / "modern_dev.jsonl")]
    with pred.open("w") as fh:
        for doc, extraction in extract_targets(targets, Settings()):
            fh.write(json.dumps(to_eval(doc, extraction), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(dev / "gold"), "--pred", str(pred)],
                         capture_output=True, text=True, check=True).stdout
    summary = out.strip().splitlines()[-1]
    print(out)
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", summary) if k != "docs"}


TEST_FLOORS = [(pool, metric) for pool, floors in FLOORS["test"].items() for metric in floors]


@pytest.mark.parametrize(("pool", "metric"), TEST_FLOORS, ids=[f"{p}-{m}" for p, m in TEST_FLOORS])
def test_test_split_score_at_or_above_floor(test_split_scores, pool, metric):
    got, floor = test_split_scores[pool][metric], FLOORS["test"][pool][metric]
    assert got >= floor, f"test split, {pool}: {metric} {got:.3f} fell below its floor {floor}"


@pytest.mark.parametrize("metric", list(FLOORS["dev"]))
def test_dev_score_at_or_above_floor(dev_scores, metric):
    assert dev_scores[metric] >= FLOORS["dev"][metric], f"dev: {metric} {dev_scores[metric]:.3f} fell below its floor {FLOORS['dev'][metric]}"

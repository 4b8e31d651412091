"""The quality gate: extraction on the dev set must score at or above the pinned floors."""
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


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not (shared / "eval" / "score.py").exists():
        pytest.skip(f"{shared} is absent (a fresh clone has no ../shared; CI always has it)")
    dev = shared / "eval" / "dev"
    pred = tmp_path_factory.mktemp("gate") / "pred.jsonl"
    targets = [str(dev / "docs" / "seed.txt"), str(dev / "reuters_dev.jsonl"), str(dev / "modern_dev.jsonl")]
    with pred.open("w") as fh:
        for doc, extraction in extract_targets(targets, Settings()):
            fh.write(json.dumps(to_eval(doc, extraction), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(dev / "gold"), "--pred", str(pred)],
                         capture_output=True, text=True, check=True).stdout
    summary = out.strip().splitlines()[-1]
    print(out)
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", summary) if k != "docs"}


@pytest.mark.parametrize("metric", [k for k in FLOORS if not k.startswith("_")])
def test_dev_score_at_or_above_floor(dev_scores, metric):
    assert dev_scores[metric] >= FLOORS[metric], f"{metric} {dev_scores[metric]:.3f} fell below its floor {FLOORS[metric]}"

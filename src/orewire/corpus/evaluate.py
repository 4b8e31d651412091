"""Scoring against the corpus: gold written to a private folder, predictions scored by the shared scorer.

Gold rebuilt from offsets holds story text, so it goes to a temporary folder outside the repository
and is removed afterwards; only the scores come back.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .records import CorpusRecord, load_gold
from .sources import pool_texts, shared_dir

Predictor = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
"""Stories (``id``, ``title``, ``published``, ``text``) in, ``orewire-eval/1`` predictions out."""


def scorer_path() -> Path:
    root = shared_dir()
    if root is None:
        raise FileNotFoundError("../shared/eval/score.py is not beside this checkout (set OREWIRE_SHARED)")
    return root / "eval" / "score.py"


@lru_cache(maxsize=1)
def load_scorer() -> Any:
    """``score.py`` as a module: its matching and name tests, where a figure must mean what the score counts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("orewire_score", scorer_path())
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    return scorer


def score(gold: Iterable[dict[str, Any]], predictions: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``score.py --json`` of predictions against gold documents (only the gold documents count)."""
    with tempfile.TemporaryDirectory(prefix="orewire-score-") as tmp:
        folder = Path(tmp) / "gold"
        folder.mkdir()
        docs = set()
        for g in gold:
            docs.add(g["doc"])
            (folder / f"{g['doc']}.json").write_text(json.dumps(g, ensure_ascii=False))
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for p in predictions:
                if p.get("doc") in docs:
                    fh.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")
        out = subprocess.run([sys.executable, str(scorer_path()), "--gold", str(folder), "--pred", str(pred), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def stories_for(records: Iterable[CorpusRecord]) -> list[dict[str, Any]]:
    """The input stories of some records, as JSON Lines records the extractor reads."""
    out = []
    for r in records:
        s = pool_texts(r["pool"])[r["id"]]
        out.append({"id": s.id, "title": s.title, "published": s.published, "text": s.text})
    return out


def rule_predictions(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Today's extractor (``orewire extract --format eval``) over the stories, in this process."""
    from ..config import load_settings
    from ..extract.evalfmt import to_eval
    from ..runner import extract_targets

    with tempfile.TemporaryDirectory(prefix="orewire-stories-") as tmp:
        path = Path(tmp) / "stories.jsonl"
        path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories), encoding="utf-8")
        return [to_eval(doc, x) for doc, x in extract_targets([str(path)], load_settings())]


def evaluate(records: list[CorpusRecord], predict: Predictor = rule_predictions) -> dict[str, Any]:
    """Scores of ``predict`` on the records, overall and per pool."""
    result: dict[str, Any] = {}
    preds = predict(stories_for(records))
    for name, pools in (("all", ("reuters", "modern")), ("reuters", ("reuters",)), ("modern", ("modern",))):
        subset = [r for r in records if r["pool"] in pools]
        if subset:
            result[name] = score(load_gold(subset), preds) | {"stories": len(subset),
                                                               "dates": date_accuracy(load_gold(subset), preds)}
    return result


def date_accuracy(gold: Iterable[dict[str, Any]], predictions: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Of the matched events (the scorer's own matching) whose gold gives a ``date``, the share predicted with
    exactly that day; also how many of them had any date predicted."""
    scorer = load_scorer()
    preds = {p["doc"]: p for p in predictions}
    dated = exact = given = undated = invented = 0
    for g in gold:
        p = preds.get(g["doc"], {})
        for ge, pe in scorer.match_events(g.get("events", []), p.get("events", [])):
            if not ge.get("date"):
                undated += 1
                invented += bool(pe.get("date"))
                continue
            dated += 1
            given += bool(pe.get("date"))
            exact += pe.get("date") == ge["date"]
    return {"dated_matched_events": dated, "exact_day": round(exact / dated, 3) if dated else None,
            "with_a_date": round(given / dated, 3) if dated else None,
            "undated_matched_events": undated, "dated_anyway": round(invented / undated, 3) if undated else None}

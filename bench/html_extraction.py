"""Article-body extraction on the HTML benchmark: orewire vs trafilatura and resiliparse, in one run.

    .venv/bin/python bench/html_extraction.py [--repeat 3]

Reads ../shared/data/article_extraction_benchmark (60 pages with ground truth), times each
extractor over all pages on one core (best of --repeat), and scores each with
../shared/eval/score_article_text.py. Writes bench/out/html_<method>.json and html_extraction.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable

from _common import OUT, require_shared


def methods() -> dict[str, Callable[[str], str]]:
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    from orewire.clean.html import extract_html

    return {
        "orewire auto": lambda h: extract_html(h, "auto").text,
        "orewire fast": lambda h: extract_html(h, "fast").text,
        "orewire careful": lambda h: extract_html(h, "careful").text,
        "trafilatura (default)": lambda h: trafilatura.extract(h) or "",
        "resiliparse (main_content)": lambda h: extract_plain_text(HTMLTree.parse(h), main_content=True),
    }


def score(pred_path, truth_path, scorer) -> dict:
    out = subprocess.run([sys.executable, str(scorer), "--truth", str(truth_path), "--pred", str(pred_path)],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r"f1=([\d.]+) precision=([\d.]+) recall=([\d.]+)", out)
    return {"f1": float(m.group(1)), "precision": float(m.group(2)), "recall": float(m.group(3))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timing repeats (the best is kept)")
    a = ap.parse_args()
    bench = require_shared("data/article_extraction_benchmark")
    scorer = require_shared("eval/score_article_text.py")
    pages = {p.name[: -len(".html.gz")]: gzip.open(p).read().decode("utf-8", "replace") for p in sorted((bench / "html").glob("*.html.gz"))}
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, fn in methods().items():
        best, preds = float("inf"), {}
        for _ in range(a.repeat):
            start = time.perf_counter()
            preds = {k: fn(v) for k, v in pages.items()}
            best = min(best, time.perf_counter() - start)
        pred_path = OUT / f"html_{re.sub(r'[^a-z]+', '_', name.lower()).strip('_')}.json"
        pred_path.write_text(json.dumps(preds))
        rows.append({"method": name, "pages": len(pages), "pages_per_s": round(len(pages) / best, 1),
                     **score(pred_path, bench / "ground-truth.json", scorer)})
    traf = next(r for r in rows if r["method"].startswith("trafilatura"))
    print(f"{'method':28} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'x trafilatura':>14}")
    for r in rows:
        r["speed_vs_trafilatura"] = round(r["pages_per_s"] / traf["pages_per_s"], 2)
        print(f"{r['method']:28} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['pages_per_s']:8.1f} {r['speed_vs_trafilatura']:14.2f}")
    (OUT / "html_extraction.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

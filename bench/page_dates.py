"""Publication dates from pages: accuracy by day, pages left undated, wrong years, and how each was found.

    .venv/bin/python bench/page_dates.py

Two labelled sets, neither tuned on:
1. The 60 real pages of ../shared/data/article_extraction_benchmark: those whose URL carries a date
   (/2019/11/19/) are labelled with it (the URL is not read by orewire, so the label is independent of
   the method). Publishers stamp pages in their own time zone while metadata is often UTC, so a one-day
   difference is reported apart.
2. The modern pool's stories (../shared/data/modern_news, training pool), their metadata date withheld:
   what the text alone gives, with a retrieval time two days after publication, and without one.
Writes bench/out/page_dates.json.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from _common import OUT, require_shared

from orewire.clean.html import extract_html
from orewire.clean.pubdate import publication_date

URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|\b)")


def html_pages() -> dict:
    bench = require_shared("data/article_extraction_benchmark")
    truth = json.loads((bench / "ground-truth.json").read_text())
    rows = []
    for page_id, item in sorted(truth.items()):
        m = URL_DAY.search(item["url"])
        if not m:
            continue
        label = date(*map(int, m.groups()))
        html = gzip.open(bench / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace").read()
        result = extract_html(html, "fast")
        found = publication_date(result.text, metadata=result.published, page=html)
        rows.append((label, found))
    return _summary(rows) | {"labelled_pages": len(rows)}


def modern_stories(retrieval_after_days: int | None) -> dict:
    pool = require_shared("data/modern_news/pool.jsonl.gz")
    rows = []
    for line in gzip.open(pool, "rt", encoding="utf-8"):
        story = json.loads(line)
        label = datetime.fromisoformat(story["published"]).date()
        fetched = (datetime.combine(label, datetime.min.time(), timezone.utc) + timedelta(days=retrieval_after_days)
                   if retrieval_after_days is not None else None)
        rows.append((label, publication_date(story["text"], fetched_at=fetched)))
    return _summary(rows) | {"stories": len(rows)}


def _summary(rows: list) -> dict:
    dated = [(label, f) for label, f in rows if f.day]
    exact = sum(f.day == label for label, f in dated)
    near = sum(abs((f.day - label).days) <= 1 for label, f in dated)
    wrong_year = [(label, f) for label, f in dated if f.day.year != label.year]
    return {"dated": len(dated), "undated": len(rows) - len(dated),
            "exact_day": round(exact / len(dated), 3) if dated else None,
            "within_one_day": round(near / len(dated), 3) if dated else None,
            "wrong_year": len(wrong_year), "wrong_year_stated": sum(f.how == "stated" for _, f in wrong_year),
            "how": dict(Counter(f"{f.how}: {f.source}" for _, f in rows))}


def main() -> None:
    result = {"html_pages_with_a_dated_url": html_pages(),
              "modern_text_only_retrieved_two_days_later": modern_stories(2),
              "modern_text_only_no_retrieval_time": modern_stories(None)}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "page_dates.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

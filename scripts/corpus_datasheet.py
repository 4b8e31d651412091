"""Rewrite the counts in corpus/README.md (between the ``<!-- counts -->`` markers) from the stored corpus.

    .venv/bin/python scripts/corpus_datasheet.py

Reads the texts from ../shared only to check the records first; the tables hold counts, never text.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from orewire.corpus.report import corpus_records, corpus_stats, validate_corpus  # noqa: E402

TYPES = ["EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "SHIPMENT", "AGREEMENT", "INVESTMENT", "MEETING", "STATEMENT",
         "PRODUCTION", "FACILITY", "PRICE", "POLICY"]
STATUSES = ["announced", "planned", "completed", "interest", "suspended", "lifted", "None"]
SUBTYPES = ["CLAIM", "DENY", "ASSURE", "ACCUSE", "WARN"]


def table(stats: dict, key: str, rows: list[str], label: str) -> list[str]:
    out = [f"| {label} | Reuters | modern | all |", "|---|---:|---:|---:|"]
    for row in rows:
        r, m = stats["reuters"][key].get(row, 0), stats["modern"][key].get(row, 0)
        out.append(f"| {row} | {r} | {m} | {r + m} |")
    return out


def counts_markdown(records: list[dict]) -> str:
    s = corpus_stats(records)
    lines = ["| | Reuters | modern | all |", "|---|---:|---:|---:|"]
    for key, label in [("stories", "stories labelled"), ("relevant", "relevant"), ("events", "events"),
                       ("test_stories", "stories in the test split"), ("test_events", "events in the test split"),
                       ("dated", "events with a `date`"), ("with_until", "events with an `until`"),
                       ("multi_sentence_evidence", "events with evidence in two or more places")]:
        lines.append(f"| {label} | {s['reuters'][key]} | {s['modern'][key]} | {s['reuters'][key] + s['modern'][key]} |")
    batches = Counter(r["batch"][0] for r in records)
    lines += ["", f"Batches: {dict(sorted(batches.items()))} stories (M modern, R Reuters metals, Q Reuters screened).", ""]
    lines += ["**Events per type**", ""] + table(s, "by_type", TYPES, "type")
    lines += ["", "**Events per status**", ""] + table(s, "by_status", STATUSES, "status")
    lines += ["", "**STATEMENT subtypes**", ""] + table(s, "by_subtype", SUBTYPES, "subtype")
    return "\n".join(lines)


def main() -> int:
    records = corpus_records()
    problems = validate_corpus(records)
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    path = ROOT / "corpus" / "README.md"
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- counts -->\n).*?(<!-- /counts -->)", lambda m: m.group(1) + counts_markdown(records) + "\n" + m.group(2),
                 text, flags=re.S)
    path.write_text(new, encoding="utf-8")
    print(f"{len(records)} records counted into {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the corpus holds and how sound it is: validation over every record, counts, annotator agreement."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .evaluate import score
from .records import CorpusRecord, corpus_dir, load_gold, read_records
from .sources import POOLS, pool_texts
from .split import load_split
from .validate import validate_record


def corpus_records(second: bool = False, pools: tuple[str, ...] = POOLS) -> list[CorpusRecord]:
    """Every stored record (the first annotations, or the independent second ones)."""
    folder = corpus_dir() / "second" if second else corpus_dir()
    return [r for pool in pools for r in read_records(folder / f"{pool}.jsonl")]


def validate_corpus(records: list[CorpusRecord]) -> list[str]:
    """Every problem in the records, naming the story; also a record filed under the wrong pool or twice."""
    problems: list[str] = []
    seen: Counter[str] = Counter(r["id"] for r in records)
    problems += [f"{doc}: stored {n} times" for doc, n in seen.items() if n > 1]
    for r in records:
        texts = pool_texts(r.get("pool", ""))
        src = texts.get(r["id"])
        problems += validate_record(r, src.text if src else None)
    return problems


def corpus_stats(records: list[CorpusRecord]) -> dict[str, Any]:
    """Counts per pool and split side: stories, relevant, events by type, status and subtype."""
    split = load_split()
    out: dict[str, Any] = {}
    for pool in POOLS:
        mine = [r for r in records if r["pool"] == pool]
        events = [e for r in mine for e in r.get("events", [])]
        out[pool] = {
            "stories": len(mine),
            "relevant": sum(bool(r["relevant"]) for r in mine),
            "test_stories": sum(r["id"] in split["test"] for r in mine),
            "events": len(events),
            "test_events": sum(len(r.get("events", [])) for r in mine if r["id"] in split["test"]),
            "by_type": dict(sorted(Counter(e["type"] for e in events).items())),
            "by_status": dict(sorted(Counter(str(e.get("status")) for e in events).items())),
            "by_subtype": dict(sorted(Counter(e["subtype"] for e in events if e.get("subtype")).items())),
            "dated": sum(bool(e.get("date")) for e in events),
            "with_until": sum(bool(e.get("until")) for e in events),
            "multi_sentence_evidence": sum(len(e["evidence"]) > 1 for e in events),
        }
    return out


def agreement(first: list[CorpusRecord], second: list[CorpusRecord]) -> dict[str, Any]:
    """The second annotations scored against the first on the stories both labelled (F1 is symmetric)."""
    both = {r["id"] for r in second} & {r["id"] for r in first}
    a = [r for r in first if r["id"] in both]
    b = [r for r in second if r["id"] in both]
    result = score(load_gold(a), load_gold(b))
    result["stories"] = len(both)
    result["relevant_in_either"] = len({r["id"] for r in a + b if r["relevant"]})
    return result


def dev_alignment() -> dict[str, Any]:
    """Our annotation process against the guidelines' authors: stories of the dev set labelled by our annotators
    (``corpus/devcheck/``, without seeing those stories' gold) scored as predictions against the dev gold."""
    import json

    from .sources import shared_dir

    records = read_records(corpus_dir() / "devcheck" / "dev.jsonl")
    gold_dir = shared_dir() / "eval" / "dev" / "gold"  # type: ignore[operator]
    gold = [json.loads((gold_dir / f"{r['id']}.json").read_text()) for r in records]
    result = score(gold, load_gold(records))
    result["stories"] = len(records)
    return result

"""The annotation workbench: batches of pool stories shown with numbered sentences, drafts checked and accepted.

An annotator reads ``show BATCH``, writes a draft (JSON, evidence as sentence references such as
``"S3"`` or ``"S3: the exact clause"``), runs ``check`` until it is clean, then ``accept``. Accepting
turns every reference into character offsets and stores the record in ``corpus/<pool>.jsonl``
(``corpus/second/<pool>.jsonl`` for an independent second annotation). Drafts hold quotes, so they live
in the work folder (``OREWIRE_ANNOT_DIR``, default ``../annot``), never in the repository.

    python -m orewire.corpus.workbench plan
    python -m orewire.corpus.workbench show M07
    python -m orewire.corpus.workbench check M07 [--second]
    python -m orewire.corpus.workbench accept M07 --annotator NAME [--second]
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from .records import corpus_dir, read_records, text_hash, write_records
from .sources import PoolText, pool_of, pool_texts
from .validate import entity_keys, norm_name, validate_record

FULL_BATCH = 25
FULL_BATCH_WORDS = 16000
SCREEN_BATCH = 100
REF = re.compile(r"^\s*S(\d+)(?:\s*-\s*S?(\d+))?\s*(?::\s*(.*\S))?\s*$", re.S)
METAL_WORDS = re.compile(
    r"\b(metals?|mining|mines?|miners?|mined|smelt\w*|refiner\w*|ores?|concentrates?|bullion|ingots?|alloys?|"
    r"gold|silver|platinum|palladium|copper|zinc|lead|tin|nickel|cobalt|alumin(?:i?um)|bauxite|iron|steel|uranium|"
    r"tungsten|molybdenum|antimony|lithium|manganese|chrom\w+|titanium|vanadium|rare earths?|gallium|germanium|"
    r"cadmium|magnesium|tantalum|niobium|rhodium|diamonds?|coal|graphite)\b", re.I)


def work_dir() -> Path:
    return Path(os.environ.get("OREWIRE_ANNOT_DIR") or corpus_dir().parents[1] / "annot")


def names_metals(story: PoolText) -> bool:
    """The pool's rule for a metals story: two metals or mining words in the body, or one in the title."""
    return bool(METAL_WORDS.search(story.title)) or len(METAL_WORDS.findall(story.text)) >= 2


def plan_batches() -> dict[str, dict[str, Any]]:
    """Fixed batches: modern stories (M), Reuters metals stories (R), other Reuters stories to screen (Q)."""
    batches: dict[str, dict[str, Any]] = {}
    modern = list(pool_texts("modern").values())  # already shuffled by the pool's builder (seed 7)
    reuters = sorted(pool_texts("reuters").values(), key=lambda s: int(s.id.split("-")[1]))
    metals = [s for s in reuters if names_metals(s)]
    others = [s for s in reuters if not names_metals(s)]
    random.Random(9).shuffle(metals)
    _fill(batches, "M", modern, FULL_BATCH, FULL_BATCH_WORDS, "full")
    _fill(batches, "R", metals, FULL_BATCH + 5, FULL_BATCH_WORDS, "full")
    _fill(batches, "Q", others, SCREEN_BATCH, 10**9, "screen")
    return batches


def _fill(batches: dict[str, dict[str, Any]], prefix: str, stories: list[PoolText], size: int, words: int, mode: str) -> None:
    current: list[str] = []
    count = 0
    for s in stories:
        n = len(s.text.split())
        if current and (len(current) >= size or count + n > words):
            batches[f"{prefix}{len([b for b in batches if b[0] == prefix]) + 1:02d}"] = {"mode": mode, "ids": current}
            current, count = [], 0
        current.append(s.id)
        count += n
    if current:
        batches[f"{prefix}{len([b for b in batches if b[0] == prefix]) + 1:02d}"] = {"mode": mode, "ids": current}


def load_plan() -> dict[str, dict[str, Any]]:
    path = work_dir() / "plan.json"
    if not path.exists():
        work_dir().mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(plan_batches(), indent=1))
    return json.loads(path.read_text())


def story(doc_id: str) -> PoolText:
    texts = pool_texts(pool_of(doc_id))
    return texts[doc_id] if doc_id in texts else pool_texts("dev")[doc_id]


def story_pool(doc_id: str) -> str:
    return pool_of(doc_id) if doc_id in pool_texts(pool_of(doc_id)) else "dev"


def sentences(doc_id: str) -> list[tuple[int, int]]:
    """Sentence spans of a story (spaCy, the extractor's splitter), cached in the work folder."""
    cache = work_dir() / "sentences" / f"{doc_id}.json"
    if cache.exists():
        return [tuple(x) for x in json.loads(cache.read_text())]  # type: ignore[misc]
    from ..learn.examples import spacy_splitter

    spans = spacy_splitter()(story(doc_id).text)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(spans))
    tmp.replace(cache)  # atomic: annotators working in parallel never read half a file
    return spans


def show(batch: str, ids: list[str], mode: str) -> None:
    print(f"# batch {batch}: {len(ids)} stories, mode {mode}")
    for i, doc_id in enumerate(ids, 1):
        s = story(doc_id)
        print(f"\n=== [{i}/{len(ids)}] id={doc_id} published={s.published} words={len(s.text.split())}")
        print(f"TITLE: {s.title}")
        if mode == "screen":
            print(" ".join(s.text.split()[:120]) + (" ..." if len(s.text.split()) > 120 else ""))
            continue
        for n, (a, b) in enumerate(sentences(doc_id), 1):
            print(f"S{n}: {' '.join(s.text[a:b].split())}")


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """A quote as typed, matched with any white space and either kind of quotation mark or dash."""
    out = []
    for ch in quote.strip():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'’‘":
            out.append("['’‘]")
        elif ch in '"“”':
            out.append('["“”]')
        elif ch in "-–—":
            out.append("[-–—]")
        else:
            out.append(re.escape(ch))
    return re.compile("".join(out))


def resolve_evidence(doc_id: str, ref: str) -> tuple[int, int]:
    """``"S3"``, ``"S3-S4"`` or ``"S3: exact clause"`` as character offsets into the story's text."""
    m = REF.match(ref)
    if not m:
        raise ValueError(f"evidence {ref!r} is not 'S<n>', 'S<n>-S<m>' or 'S<n>: exact words'")
    spans = sentences(doc_id)
    first = int(m.group(1))
    last = int(m.group(2) or first)
    if not 1 <= first <= last <= len(spans):
        raise ValueError(f"evidence {ref!r}: no such sentence range (the story has S1 to S{len(spans)})")
    a, b = spans[first - 1][0], spans[last - 1][1]
    if not m.group(3):
        return a, b
    text = story(doc_id).text
    quote = m.group(3).strip().strip('"')
    hit = _quote_pattern(quote).search(text, a, b)
    if hit is None:
        raise ValueError(f"evidence {ref!r}: those words are not in S{first}..S{last} exactly as written")
    return hit.start(), hit.end()


def build_record(doc: dict[str, Any], batch: str, annotator: str) -> tuple[dict[str, Any], list[str]]:
    """A draft document as a corpus record, with its problems (empty when it may be stored)."""
    doc_id = doc.get("id", "?")
    problems: list[str] = []
    try:
        text = story(doc_id).text
    except KeyError:
        return {}, [f"{doc_id}: not a story of either pool"]
    rec: dict[str, Any] = {"id": doc_id, "pool": story_pool(doc_id), "text_sha256": text_hash(text), "batch": batch,
                           "annotator": annotator, "relevant": doc.get("relevant"), "entities": [], "events": []}
    if not doc.get("relevant"):
        if doc.get("entities") or doc.get("events"):
            problems.append(f"{doc_id}: marked irrelevant but has entities or events")
        return rec, problems + validate_record(rec, text)
    rec["entities"] = [_entity(e) for e in doc.get("entities") or []]
    keys = entity_keys(rec["entities"])
    for i, ev in enumerate(doc.get("events") or []):
        event, errs = _event(doc_id, ev, keys)
        rec["events"].append(event)
        problems += [f"{doc_id} event {i} ({ev.get('type')}): {e}" for e in errs]
    return rec, problems + validate_record(rec, text)


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in e.items() if v not in (None, "", [])}
    if out.get("type") in ("COUNTRY", "COMMODITY") and isinstance(out.get("id"), str):
        out["id"] = out["id"].strip().upper() if out["type"] == "COUNTRY" else out["id"].strip()
    if out.get("type") == "ORG":
        out.setdefault("aliases", [])
    return out


def _canonical(arg: str, keys: dict[str, str]) -> str:
    return keys.get(norm_name(arg)) or keys.get(arg.lower()) or arg


def _event(doc_id: str, ev: dict[str, Any], keys: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    errs: list[str] = []
    if "status" not in ev:
        errs.append("no status (write null when none applies)")
    out: dict[str, Any] = {
        "type": ev.get("type"),
        "actors": [_canonical(a, keys) for a in ev.get("actors") or []],
        "counterparts": [_canonical(a, keys) for a in ev.get("counterparts") or []],
        "commodities": list(ev.get("commodities") or []),
        "status": ev.get("status"),
        "polarity": ev.get("polarity") or "asserted",
        "amount_usd": ev.get("amount_usd"),
    }
    if ev.get("type") == "STATEMENT" or ev.get("subtype") or ev.get("speaker"):
        out["subtype"] = ev.get("subtype")
        out["speaker"] = _canonical(ev["speaker"], keys) if ev.get("speaker") else None
    for key in ("date", "until"):
        if ev.get(key):
            out[key] = ev[key]
    spans = []
    for ref in ev.get("evidence") or []:
        try:
            spans.append(list(resolve_evidence(doc_id, str(ref))))
        except ValueError as exc:
            errs.append(str(exc))
    out["evidence"] = spans
    unknown = set(ev) - {"type", "subtype", "actors", "counterparts", "commodities", "status", "polarity", "amount_usd",
                         "speaker", "date", "until", "evidence", "note"}
    if unknown:
        errs.append(f"unknown fields {sorted(unknown)}")
    return out, errs


def draft_path(batch: str, second: bool, revise: bool = False) -> Path:
    return work_dir() / "drafts" / f"{batch}{'-second' if second else ''}{'-rev' if revise else ''}.json"


def evidence_ref(doc_id: str, start: int, end: int) -> str:
    """Offsets back as a sentence reference: ``S3``, ``S3-S4`` or ``S3: exact words``."""
    spans = sentences(doc_id)
    first = next(i for i, (a, b) in enumerate(spans, 1) if a <= start < b or start < a)
    last = next((i for i, (a, b) in enumerate(spans, 1) if a < end <= b), len(spans))
    a, b = spans[first - 1][0], spans[last - 1][1]
    rng = f"S{first}" if first == last else f"S{first}-S{last}"
    if (a, b) == (start, end):
        return rng
    return f"{rng}: {' '.join(story(doc_id).text[start:end].split())}"


def export_draft(batch: str, ids: list[str], second: bool) -> Path:
    """The stored records of a batch as an editable draft (for a review against the settled conventions)."""
    folder = corpus_dir() / "second" if second else corpus_dir()
    stored = {r["id"]: r for pool in ("reuters", "modern") for r in read_records(folder / f"{pool}.jsonl")}
    docs = []
    for doc_id in ids:
        rec = stored[doc_id]
        doc: dict[str, Any] = {"id": doc_id, "relevant": rec["relevant"]}
        if rec["relevant"]:
            doc["entities"] = rec["entities"]
            doc["events"] = [{**{k: v for k, v in ev.items() if k != "evidence"},
                              "evidence": [evidence_ref(doc_id, a, b) for a, b in ev["evidence"]]} for ev in rec["events"]]
        docs.append(doc)
    path = draft_path(batch, second, revise=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(docs, indent=1, ensure_ascii=False))
    return path


def check(batch: str, ids: list[str], second: bool, annotator: str, revise: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    path = draft_path(batch, second, revise)
    try:
        docs = json.loads(path.read_text())
    except FileNotFoundError:
        return [], [f"no draft at {path}"]
    except json.JSONDecodeError as exc:
        return [], [f"{path}: not valid JSON ({exc})"]
    if isinstance(docs, dict):
        docs = docs.get("docs") or []
    problems: list[str] = []
    seen = [d.get("id") for d in docs]
    if missing := [i for i in ids if i not in seen]:
        problems.append(f"the draft lacks {len(missing)} stories of the batch: {missing}")
    if extra := [i for i in seen if i not in ids]:
        problems.append(f"the draft has stories outside the batch: {extra}")
    if dupes := [i for i, n in Counter(seen).items() if n > 1]:
        problems.append(f"stories drafted twice: {dupes}")
    records = []
    before = _stored(second) if revise else {}
    for doc in docs:
        first = before.get(doc.get("id"), {})
        rec, errs = build_record(doc, first.get("batch", batch), first.get("annotator", annotator))
        if revise:
            rec["revised_by"] = annotator
        problems += errs
        records.append(rec)
    return records, problems


def _stored(second: bool) -> dict[str, dict[str, Any]]:
    folder = corpus_dir() / "second" if second else corpus_dir()
    return {r["id"]: r for pool in ("reuters", "modern") for r in read_records(folder / f"{pool}.jsonl")}


def accept(records: list[dict[str, Any]], second: bool) -> None:
    """Store the records in their pool files (replacing any earlier record of the same story)."""
    folder = corpus_dir() / "second" if second else corpus_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for pool in ("reuters", "modern", "dev"):
            mine = {r["id"]: r for r in records if r["pool"] == pool}
            if not mine:
                continue
            path = (corpus_dir() / "devcheck" if pool == "dev" else folder) / f"{pool}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            kept = [r for r in read_records(path) if r["id"] not in mine]
            write_records(path, kept + list(mine.values()))


def summary(records: list[dict[str, Any]]) -> str:
    rel = [r for r in records if r.get("relevant")]
    types = Counter(e["type"] for r in rel for e in r["events"])
    return f"{len(records)} stories, {len(rel)} relevant, {sum(types.values())} events: {dict(sorted(types.items()))}"


def draw_second(batches: list[str], name: str, relevant: int = 5, irrelevant: int = 1, seed: int = 31) -> dict[str, Any]:
    """An agreement batch: from each accepted batch, ``relevant`` stories its annotator found relevant and
    ``irrelevant`` others, drawn with a seed, none already annotated twice. The second annotator is not told which."""
    first = {r["id"]: r for pool in ("reuters", "modern") for r in read_records(corpus_dir() / f"{pool}.jsonl")}
    done = {r["id"] for pool in ("reuters", "modern") for r in read_records(corpus_dir() / "second" / f"{pool}.jsonl")}
    ids: list[str] = []
    for b in batches:
        mine = sorted(i for i, r in first.items() if r.get("batch") == b and i not in done)
        rng = random.Random(f"{seed}:{b}")
        rel = [i for i in mine if first[i]["relevant"]]
        irr = [i for i in mine if not first[i]["relevant"]]
        ids += rng.sample(rel, min(relevant, len(rel))) + rng.sample(irr, min(irrelevant, len(irr)))
    random.Random(f"{seed}:{name}").shuffle(ids)
    batch = {"mode": "full", "ids": ids, "second_of": batches}
    path = work_dir() / "extra" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(batch, indent=1))
    return batch


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.corpus.workbench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("verb", choices=["plan", "show", "check", "accept", "ids", "draw-second", "export"])
    ap.add_argument("batch", nargs="?")
    ap.add_argument("--second", action="store_true", help="an independent second annotation (agreement)")
    ap.add_argument("--annotator", default="unnamed")
    ap.add_argument("--revise", action="store_true", help="a review of stored records (draft from 'export')")
    args = ap.parse_args(argv)
    plan = load_plan()
    if args.verb == "plan":
        modes = Counter((b[0], v["mode"]) for b, v in plan.items())
        sizes = Counter(b[0] for b, v in plan.items() for _ in v["ids"])
        print(json.dumps({"batches": {f"{k[0]}:{k[1]}": n for k, n in modes.items()}, "stories": sizes}))
        return 0
    if args.verb == "draw-second":
        name, *sources = (args.batch or "").split(",")
        print(json.dumps(draw_second(sources, name)))
        return 0
    batch = _batch(plan, args.batch)
    if batch is None:
        return 2
    ids, mode = batch["ids"], batch["mode"]
    if args.verb == "ids":
        print("\n".join(ids))
        return 0
    if args.verb == "show":
        show(args.batch, ids, mode)
        return 0
    if args.verb == "export":
        print(export_draft(args.batch, ids, args.second))
        return 0
    records, problems = check(args.batch, ids, args.second, args.annotator, args.revise)
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        print(f"{len(problems)} problems; nothing stored")
        return 1
    if args.verb == "accept":
        accept(records, args.second)
        print("stored:", summary(records))
    else:
        print("clean:", summary(records))
    return 0


def _batch(plan: dict[str, dict[str, Any]], name: str | None) -> dict[str, Any] | None:
    if name and name in plan:
        return plan[name]
    if name and name[:1] in "XD" and (work_dir() / "extra" / f"{name}.json").exists():
        return json.loads((work_dir() / "extra" / f"{name}.json").read_text())
    print(f"no batch {name!r}; batches are {', '.join(sorted(plan))}", file=sys.stderr)
    return None


if __name__ == "__main__":
    raise SystemExit(main())

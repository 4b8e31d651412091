"""The corpus validator: every record checked against its text and the guidelines' vocabulary.

A record that passes can be turned into gold evidence that is verbatim, on word boundaries,
with ids the scorer and the extractor share.
"""
from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..extract.gazetteer import state_ids
from .records import CorpusRecord, text_hash

EVENT_TYPES = frozenset({
    "EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "SHIPMENT", "AGREEMENT", "INVESTMENT", "MEETING",
    "STATEMENT", "PRODUCTION", "FACILITY", "PRICE", "POLICY",
})
STATUSES = frozenset({"announced", "planned", "completed", "interest", "suspended", "lifted", None})
POLARITIES = frozenset({"asserted", "denied"})
SUBTYPES = frozenset({"CLAIM", "DENY", "ASSURE", "ACCUSE", "WARN"})
ORG_KINDS = frozenset({"COMPANY", "GOVERNMENT", "MILITARY", "MEDIA", "INTERNATIONAL", "OTHER"})
LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "commodities.csv"


@lru_cache(maxsize=1)
def commodity_ids() -> frozenset[str]:
    with LEXICON.open(encoding="utf-8") as fh:
        return frozenset(row["id"] for row in csv.DictReader(fh))


def norm_name(name: str) -> str:
    """The scorer's name key: case, punctuation and company suffixes do not matter."""
    s = name.lower().replace("&", " and ")
    s = re.sub(r"\b(ltd|limited|inc|incorporated|corp|corporation|co|plc|llc|pty|sa|ag|gmbh)\b\.?", " ", s)
    s = re.sub(r"[^\w ]+", " ", s)
    s = re.sub(r"^the ", "", s.strip())
    return " ".join(s.split())


def entity_keys(entities: list[dict[str, Any]]) -> dict[str, str]:
    """Every form an event argument may take (country id, ORG name or alias, PERSON name) -> its canonical form."""
    keys: dict[str, str] = {}
    for e in entities:
        if e.get("type") == "COUNTRY" and e.get("id"):
            keys[e["id"].lower()] = e["id"]
        elif e.get("type") in ("ORG", "PERSON") and e.get("name"):
            for form in [e["name"], *(e.get("aliases") or [])]:
                if norm_name(form):
                    keys.setdefault(norm_name(form), e["name"])
    return keys


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """The span neither cuts a word nor starts or ends on white space."""
    if not (0 <= start < end <= len(text)) or text[start].isspace() or text[end - 1].isspace():
        return False
    cuts_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    cuts_end = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return not (cuts_start or cuts_end)


def validate_record(rec: CorpusRecord, text: str | None) -> list[str]:
    """Every problem with one record, as sentences naming the field; empty when the record is sound."""
    where = rec.get("id", "?")
    if text is None:
        return [f"{where}: no such story in its pool"]
    problems: list[str] = []
    if rec.get("text_sha256") != text_hash(text):
        problems.append(f"{where}: the text hash does not match the story (its source changed)")
    if not isinstance(rec.get("relevant"), bool):
        problems.append(f"{where}: 'relevant' must be true or false")
    entities, events = rec.get("entities") or [], rec.get("events") or []
    if not rec.get("relevant") and (entities or events):
        problems.append(f"{where}: an irrelevant story has no entities or events")
    problems += [f"{where}: {p}" for e in entities for p in _entity_problems(e)]
    keys = entity_keys(entities)
    commodities = {e.get("id") for e in entities if e.get("type") == "COMMODITY"}
    for i, ev in enumerate(events):
        problems += [f"{where} event {i} ({ev.get('type')}): {p}" for p in _event_problems(ev, text, keys, commodities)]
    problems += [f"{where}: {p}" for p in _shared_evidence(events, text)]
    return problems


def _entity_problems(e: dict[str, Any]) -> list[str]:
    kind = e.get("type")
    if kind == "COUNTRY":
        return [] if e.get("id") in state_ids() else [f"country id {e.get('id')!r} is not ISO 3166-1 alpha-3 (or EU, SUN, DDR, YUG)"]
    if kind == "COMMODITY":
        return [] if e.get("id") in commodity_ids() else [f"commodity id {e.get('id')!r} is not in the lexicon"]
    if kind not in ("ORG", "PERSON"):
        return [f"entity type {kind!r} is not COUNTRY, COMMODITY, ORG or PERSON"]
    out = [] if (e.get("name") or "").strip() else [f"{kind} without a name"]
    if kind == "ORG" and e.get("kind") not in ORG_KINDS:
        out.append(f"ORG {e.get('name')!r}: kind {e.get('kind')!r} is not one of {sorted(ORG_KINDS)}")
    if kind == "ORG" and e.get("country") not in (None, *state_ids()):
        out.append(f"ORG {e.get('name')!r}: country {e.get('country')!r} is not an ISO3 id")
    return out


def _event_problems(ev: dict[str, Any], text: str, keys: dict[str, str], commodities: set[Any]) -> list[str]:
    out: list[str] = []
    etype = ev.get("type")
    if etype not in EVENT_TYPES:
        return [f"type {etype!r} is not one of the twelve event types"]
    if ev.get("status") not in STATUSES:
        out.append(f"status {ev.get('status')!r} is not allowed")
    if ev.get("polarity") not in POLARITIES:
        out.append(f"polarity {ev.get('polarity')!r} is not asserted or denied")
    if etype == "STATEMENT":
        if ev.get("subtype") not in SUBTYPES:
            out.append(f"subtype {ev.get('subtype')!r} is not one of {sorted(SUBTYPES)}")
        if ev.get("speaker") and norm_name(ev["speaker"]) not in keys and ev["speaker"].lower() not in keys:
            out.append(f"speaker {ev['speaker']!r} is not an entity of the document")
    elif ev.get("subtype") or ev.get("speaker"):
        out.append("only a STATEMENT has a subtype or a speaker")
    for role in ("actors", "counterparts"):
        for arg in ev.get(role) or []:
            if norm_name(arg) not in keys and arg.lower() not in keys:
                out.append(f"{role[:-1]} {arg!r} is not an entity of the document")
    for c in ev.get("commodities") or []:
        if c not in commodities:
            out.append(f"commodity {c!r} is not among the document's COMMODITY entities")
    amount = ev.get("amount_usd")
    if amount is not None and (not isinstance(amount, (int, float)) or amount <= 0):
        out.append(f"amount_usd {amount!r} is not a positive number")
    out += _date_problems(ev)
    spans = ev.get("evidence") or []
    if not spans:
        out.append("no evidence")
    for span in spans:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            out.append(f"evidence {span!r} is not [start, end]")
        elif not on_word_boundaries(text, *span):
            out.append(f"evidence {span} is outside the text or cuts a word")
    return out


def _date_problems(ev: dict[str, Any]) -> list[str]:
    days = {}
    for key in ("date", "until"):
        if ev.get(key) is None:
            continue
        try:
            days[key] = date.fromisoformat(ev[key])
        except (TypeError, ValueError):
            return [f"{key} {ev[key]!r} is not an ISO date YYYY-MM-DD"]
    if "date" in days and "until" in days and days["until"] < days["date"]:
        return ["until is before date"]
    return []


def _shared_evidence(events: list[dict[str, Any]], text: str) -> list[str]:
    """Two events of one type whose evidence spans overlap: one clause of text states one occurrence."""
    out = []
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if a.get("type") != b.get("type"):
                continue
            if any(sa[0] < sb[1] and sb[0] < sa[1] for sa in a.get("evidence") or [] for sb in b.get("evidence") or []):
                out.append(f"events {i} and {j} ({a['type']}) share evidence; give each its own clause")
    return out

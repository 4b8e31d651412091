"""The ``orewire-eval/1`` JSON shape (eval/GUIDELINES.md) of a document's extraction."""
from __future__ import annotations

from typing import Any

from . import DocumentExtraction, text_day
from ..clean.dates import mentioned_date
from ..model import EntityKind


def to_eval(doc: str, x: DocumentExtraction) -> dict[str, Any]:
    """One JSON object per document: articles, relevance, entities and events with evidence."""
    out: dict[str, Any] = {
        "doc": doc,
        "relevant": x.relevant,
        "articles": [{"title": a.title, "published": a.published.isoformat() if a.published else None, "dateline": a.dateline}
                     for a in x.articles],
        "entities": [],
        "events": [],
    }
    if not x.relevant:
        return out
    for e in x.entities:
        if e.kind in (EntityKind.COUNTRY, EntityKind.COMMODITY):
            out["entities"].append({"type": e.kind.value, "id": e.id})
        elif e.kind == EntityKind.ORG:
            out["entities"].append({"type": "ORG", "name": e.name, "aliases": list(e.aliases), **_clean(e.attrs)})
        else:
            out["entities"].append({"type": "PERSON", "name": e.name, **_clean(e.attrs)})
    published = {a.id: a.published for a in x.articles}
    lead = {a.id: mentioned_date(a.text[:LEAD_CHARS], a.published) for a in x.articles}
    for ev in x.events:
        item: dict[str, Any] = {
            "type": ev.type.value, "actors": list(ev.actors), "counterparts": list(ev.counterparts),
            "commodities": list(ev.commodities), "status": ev.status, "polarity": ev.polarity, "amount_usd": ev.amount_usd,
            "evidence": [e.quote for e in ev.evidence],
        }
        if ev.type.value == "STATEMENT":
            item["subtype"] = ev.subtype
            item["speaker"] = ev.speaker
        first = ev.evidence[0].article_id if ev.evidence else None
        day = text_day(ev.evidence, published.get(first)) or lead.get(first)
        if day:
            item["date"] = day.isoformat()
        if ev.until:
            item["until"] = ev.until.isoformat()
        out["events"].append(item)
    return out


LEAD_CHARS = 300  # a wire story's lead says when its news happened ("said on Tuesday"); later sentences often do not


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}

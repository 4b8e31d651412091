"""Extract: Article in, entities, mentions and events (with evidence) out.

Relevance is decided first and cheaply (:mod:`.relevance`); only relevant articles go
through spaCy. A document (a page holding several articles, or one JSON Lines record) is
extracted as a whole so that an event told in two of its articles is one event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..clean.dates import mentioned_date, mentioned_until
from ..model import Article, Entity, EntityKind, Event, EventType, Evidence, Mention, content_id, org_id, person_id
from .entities import Entities, find_entities
from .events import EXTRACTOR, Found, complete_arguments, merge_events, sentence_events
from .nlp import load_nlp
from .relevance import relevance

__all__ = ["DocumentExtraction", "extract_document"]


@dataclass
class DocumentExtraction:
    """What was found in one document's articles."""

    articles: list[Article]
    relevant: bool
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


_AUTO = object()
NO_METAL_SCORE = 1.0


def extract_document(articles: list[Article], nlp: Any = None, detector: Any = _AUTO,
                     relevance_model: Any = _AUTO, grouping: Any = _AUTO) -> DocumentExtraction:
    """Entities and events of the articles of one document (in page order).

    The learned relevance model, sentence detector and grouping are used when they ship with this
    installation (``data/models``); pass None to use the rules alone. Grouping is learned on the
    detector's candidates, so it only groups when the detector ran.
    """
    english = [a for a in articles if a.language in (None, "en")]
    if not any(is_relevant(a.title, a.text, relevance_model) for a in english):
        return DocumentExtraction(articles, relevant=False)
    from ..learn.detector import load_detector  # the learned parts import extract's cues: loaded on use, not at import
    from ..learn.speaker import load_speaker

    nlp = nlp or load_nlp()
    detector = load_detector() if detector is _AUTO else detector
    speaker = load_speaker() if detector is not None else None  # learned on the detector's statements
    per_article: list[Entities] = []
    found: list[Found] = []
    for i, article in enumerate(articles):
        doc = nlp(article.text)
        ents = find_entities(article.text, doc)
        per_article.append(ents)
        found += sentence_events(i, article.text, doc, ents, detector, speaker)
    merged = merge_events(found, _linker(articles, detector, grouping))
    complete_arguments(merged, per_article)
    return DocumentExtraction(
        articles, relevant=True, entities=_entities(per_article), mentions=_mentions(articles, per_article),
        events=[_event(articles, f) for f in merged],
    )


def _linker(articles: list[Article], detector: Any, grouping: Any) -> Any:
    """The learned grouping for this document's candidates, or None (the rules group)."""
    from ..learn.grouping import Linker, load_grouping

    grouping = load_grouping() if grouping is _AUTO else grouping
    if detector is None or grouping is None:
        return None
    return Linker(grouping, [a.text for a in articles], [a.published for a in articles])


def is_relevant(title: str | None, text: str, model: Any = _AUTO) -> bool:
    """The learned relevance model's decision (the rule score is one of its inputs), or the rules' alone."""
    from ..learn.relevance import load_relevance_model

    rules = relevance(title, text)
    model = load_relevance_model() if model is _AUTO else model
    if model is None:
        return rules.relevant
    if rules.score < NO_METAL_SCORE:
        return False  # names no commodity or mining word at all (2 of 813 relevant train stories): no need to ask the model
    return model.relevant(title, text, rules.score)[0]


def _entities(per_article: list[Entities]) -> list[Entity]:
    out: dict[str, Entity] = {}
    for ents in per_article:
        for cid in ents.country_ids():
            out.setdefault(cid, Entity(cid, EntityKind.COUNTRY, cid))
        for cid in ents.commodity_ids():
            out.setdefault(cid, Entity(cid, EntityKind.COMMODITY, cid))
        for org in ents.orgs.values():
            key = org_id(org.name)
            out.setdefault(key, Entity(key, EntityKind.ORG, org.name, tuple(sorted(org.aliases)),
                                       {"kind": org.kind, "country": org.country}))
        for person in ents.persons.values():
            key = person_id(person.name)
            out.setdefault(key, Entity(key, EntityKind.PERSON, person.name, (),
                                       {"role": person.role, "affiliation": person.affiliation}))
    return list(out.values())


def _mentions(articles: list[Article], per_article: list[Entities]) -> list[Mention]:
    out: list[Mention] = []
    for article, ents in zip(articles, per_article):
        for m in [*ents.countries, *ents.commodities]:
            out.append(Mention(article.id, m.id, m.start, m.end, article.text[m.start:m.end]))
        for org in ents.orgs.values():
            out += [Mention(article.id, org_id(org.name), a, b, article.text[a:b]) for a, b in org.spans]
        for person in ents.persons.values():
            out += [Mention(article.id, person_id(person.name), a, b, article.text[a:b]) for a, b in person.spans]
    return out


def _event(articles: list[Article], f: Found) -> Event:
    evidence = tuple(Evidence(articles[i].id, a, b, articles[i].text[a:b], EXTRACTOR) for i, a, b in f.spans)
    published = articles[f.article_index].published
    eid = content_id(f.type, ",".join(f.actors), ",".join(f.commodities), evidence[0].article_id, str(evidence[0].start), prefix="e")
    occurred = _occurred(evidence, published)
    return Event(id=eid, type=EventType(f.type), actors=tuple(f.actors), counterparts=tuple(f.counterparts),
                 commodities=tuple(f.commodities), status=f.status, polarity=f.polarity, subtype=f.subtype,
                 speaker=f.speaker, amount_usd=f.amount_usd, occurred=occurred, evidence=evidence,
                 until=_until(f.type, f.status, evidence, occurred, published))


# Types whose state lasts, so that a stated duration ends it: measures, and output or trade halted for a time.
_LASTING = {"EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "POLICY"}


def _until(etype: str, status: str | None, evidence: tuple[Evidence, ...], occurred: date | None,
           published: date | None) -> date | None:
    """The last day of a duration the evidence states ("a four-month ban", "suspended until November 27, 2026")."""
    if etype not in _LASTING and status != "suspended":
        return None
    for ev in evidence:
        found = mentioned_until(ev.quote, occurred, published)
        if found:
            return found
    return None


def text_day(evidence: tuple[Evidence, ...], published: date | None) -> date | None:
    """The earliest day the evidence sentences name, resolved against publication; None when none names one."""
    days = [d for d in (mentioned_date(ev.quote, published) for ev in evidence) if d]
    return min(days) if days else None


def _occurred(evidence: tuple[Evidence, ...], published: date | None) -> date | None:
    """The day the evidence names, else the publication date."""
    return text_day(evidence, published) or published

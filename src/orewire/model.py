"""The orewire data model: the only place the domain types are defined.

Every pipeline stage takes and yields these types. They are frozen, slotted
dataclasses; ids are content hashes so that processing the same input twice
yields the same ids (and storing it twice changes nothing).

    RawDocument --clean--> Article --extract--> Mention, Event(Evidence...)
                                      resolve-> Entity

The invariant that matters most: for every Evidence ``e`` of an Article ``a``,
``a.text[e.start:e.end] == e.quote``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import Enum
from typing import Any

__all__ = [
    "Article",
    "Entity",
    "EntityKind",
    "Event",
    "EventType",
    "Evidence",
    "Measure",
    "Mention",
    "Quarantined",
    "RawDocument",
    "content_id",
    "safe_text",
    "org_id",
    "person_id",
    "source_stem",
]


def content_id(*parts: str | bytes | None, prefix: str = "") -> str:
    """A stable sha1 id over ``parts``; ``None`` parts hash as empty."""
    h = hashlib.sha1()
    for p in parts:
        if p is None:
            p = b""
        h.update(p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p)  # never fails on a lone surrogate
        h.update(b"\x1f")
    return prefix + h.hexdigest()


def safe_text(value: Any) -> Any:
    """A string as valid UTF-8: lone surrogates (from a file name that is not UTF-8, or a JSON ``"\\udc80"``)
    become visible escapes ("\\xff", "\\ud800") instead of breaking a database write or a message. Other values pass."""
    if not isinstance(value, str) or value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:  # \udc80-\udcff stand for the undecodable bytes of a file name: show those bytes
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def org_id(name: str) -> str:
    """The entity id of an organisation named ``name`` in one document (resolution links ids across documents)."""
    return "org:" + name.lower()


def person_id(name: str) -> str:
    """The entity id of a person named ``name`` in one document."""
    return "person:" + name.lower()


def source_stem(source: str) -> str:
    """``/a/b/seed.txt.gz#L3`` -> ``seed``: the file name without record, ``.gz`` and extension."""
    name = source.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, _DictMixin):
        return value.to_dict()
    return value


class _DictMixin:
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields (dates as ISO strings)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class RawDocument(_DictMixin):
    """One input unit as read, before any parsing beyond framing.

    id: sha1 of ``body`` (so the same bytes read twice are one document).
    source: where it came from: a file path, ``path#record`` for a record of a
        container (JSON Lines line, WARC record, feed item) or a URL.
    body: the bytes of this unit (a page, a JSON line, a WARC payload).
    content_type: the sniffed format: ``text``, ``html``, ``jsonl-record``,
        ``feed-item`` or ``warc-response`` (the payload is HTML).
    url: the document's own URL when known (WARC target URI, feed link, JSON field).
    fetched_at: when the bytes were retrieved, when known (HTTP fetch, WARC date);
        relative dates on the page are resolved against it.
    encoding: the text encoding the body was decoded with, when known.
    meta: format-specific fields (JSON Lines id/title/published, feed title...).
    """

    id: str
    source: str
    body: bytes
    content_type: str
    url: str | None = None
    fetched_at: datetime | None = None
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def make(cls, source: str, body: bytes, content_type: str, **kw: Any) -> "RawDocument":
        """Build a RawDocument whose id is the content hash of its body."""
        return cls(id=content_id(body, prefix="r"), source=source, body=body, content_type=content_type, **kw)


@dataclass(frozen=True, slots=True)
class Article(_DictMixin):
    """One clean news article; ``text`` is frozen and every offset downstream points into it.

    id: sha1 over the canonical URL (if any), title and text.
    raw_id: the RawDocument it was cleaned from (a page may hold several articles).
    source: the file path or URL the raw document came from.
    url: the article's URL when known.
    title: the headline as printed, once.
    published: publication date (absolute); None when the page gives none
        or only a relative stamp with no known retrieval time.
    dateline: the place that opens the body (``ISLAMABAD``), else None.
    language: ISO 639-1 code guessed from the text, or None when too short to tell.
    text: the article body, boilerplate removed.
    fingerprint: 64-bit SimHash of word shingles, as 16 hex digits, for near-duplicate search.
    position: index of the article on its page (0 for single-article pages).
    meta: cleaner notes (extractor used, removed boilerplate line count...).
    """

    id: str
    raw_id: str
    source: str
    title: str | None
    text: str
    published: date | None = None
    dateline: str | None = None
    language: str | None = None
    url: str | None = None
    fingerprint: str | None = None
    position: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def doc(self) -> str:
        """The evaluation key: the JSON Lines record id, else the source file's stem."""
        if self.meta.get("doc"):
            return str(self.meta["doc"])
        return source_stem(self.source)

    @staticmethod
    def make_id(url: str | None, title: str | None, text: str) -> str:
        """Content id of an article: same URL, title and text give the same id."""
        return content_id(url or "", title or "", text, prefix="a")


@dataclass(frozen=True, slots=True)
class Quarantined(_DictMixin):
    """An input (or part of one) that could not be used, or was used only after repair.

    source: the file path, URL or ``path#record`` concerned.
    reason: a short machine-readable kind (``binary``, ``empty``, ``too_large``,
        ``truncated_gzip``, ``malformed_json``, ``encoding``...).
    detail: one human sentence: what happened and what to do.
    action: ``rejected`` (nothing stored from it), ``skipped`` (passed over on purpose: a hidden or special
        file in a folder walk; counted, not an error) or ``recovered`` (stored after a repair,
        e.g. decoded as cp1252); only rejections make ``ingest`` exit non-zero.
    """

    source: str
    reason: str
    detail: str
    action: str = "rejected"

    @property
    def id(self) -> str:
        """Content id: the same problem with the same input is recorded once."""
        return content_id(self.source, self.reason, self.detail, prefix="q")


class EntityKind(str, Enum):
    """Kinds of real-world things orewire resolves mentions to."""

    COUNTRY = "COUNTRY"
    COMMODITY = "COMMODITY"
    ORG = "ORG"
    PERSON = "PERSON"


class EventType(str, Enum):
    """The twelve event types of the orewire ontology (eval/GUIDELINES.md)."""

    EXPORT_CONTROL = "EXPORT_CONTROL"
    IMPORT_CONTROL = "IMPORT_CONTROL"
    SANCTION = "SANCTION"
    SHIPMENT = "SHIPMENT"
    AGREEMENT = "AGREEMENT"
    INVESTMENT = "INVESTMENT"
    MEETING = "MEETING"
    STATEMENT = "STATEMENT"
    PRODUCTION = "PRODUCTION"
    FACILITY = "FACILITY"
    PRICE = "PRICE"
    POLICY = "POLICY"


@dataclass(frozen=True, slots=True)
class Entity(_DictMixin):
    """A canonical real-world thing.

    id: ISO 3166 alpha-3 for countries, the lexicon id for commodities,
        ``org:<slug>`` / ``person:<slug>`` for organisations and people.
    kind: COUNTRY, COMMODITY, ORG or PERSON.
    name: the fullest name used.
    aliases: other surface forms (acronyms, short names).
    attrs: kind-specific attributes (org kind and country, person role and affiliation).
    """

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mention(_DictMixin):
    """A span of an article's text that refers to an entity.

    article_id: the Article whose text the offsets point into.
    entity_id: the resolved Entity id, or None when unresolved.
    start, end: character offsets; ``text[start:end] == surface``.
    surface: the words as written.
    """

    article_id: str
    entity_id: str | None
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Evidence(_DictMixin):
    """Provenance of an event: the words of an article that state it.

    article_id: the Article the offsets point into.
    start, end: character offsets with ``article.text[start:end] == quote``.
    quote: the verbatim words.
    extractor: the versioned name of the rule or model that found it.
    """

    article_id: str
    start: int
    end: int
    quote: str
    extractor: str = "orewire.event_rules.v1"


@dataclass(frozen=True, slots=True)
class Event(_DictMixin):
    """Something that happened, was announced, planned, claimed or denied.

    id: content hash of type, actors, commodities and the first evidence.
    type: one of the twelve EventTypes.
    actors, counterparts: entity ids (ISO3 for states) or names.
    commodities: lexicon ids.
    status: announced, planned, completed, interest, suspended, lifted, or None.
    polarity: ``asserted``, or ``denied`` when only reported to be denied.
    subtype: for STATEMENT: CLAIM, DENY, ASSURE, ACCUSE or WARN.
    speaker: for STATEMENT, the person or body quoted.
    amount_usd: money in US dollars when stated.
    occurred: the date the event is dated to, when known.
    until: the last day of a duration the text states (a four-month ban, suspended until a date), when it does.
    evidence: every span that states it.
    """

    id: str
    type: EventType
    actors: tuple[str, ...] = ()
    counterparts: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    status: str | None = None
    polarity: str = "asserted"
    subtype: str | None = None
    speaker: str | None = None
    amount_usd: float | None = None
    occurred: date | None = None
    evidence: tuple[Evidence, ...] = ()
    until: date | None = None


@dataclass(frozen=True, slots=True)
class Measure(_DictMixin):
    """A government measure from a reference registry (e.g. a MOFCOM export-control announcement).

    id: the registry's id (``CN-MOFCOM-GAC-2024-33``). issuer: who issued it. number: the announcement's number.
    kind: the registry's measure type ("dual-use export licensing", "suspension" ...).
    is_control: whether it restricts exports (a suspension act or a trading licence list does not).
    scope: destinations it applies to ("all destinations", "United States").
    commodities: lexicon ids it covers. covers_all_dual_use: it applies to every dual-use listed item.
    announced, effective: when it was published and when it applies (None when not known).
    suspended_from, suspended_until: a suspension's window (until None = open-ended).
    lifted_on: when it was withdrawn for good.
    status: the registry's own status text. notes, sources: why, and where it was read.
    """

    id: str
    issuer: str
    title: str
    kind: str
    is_control: bool
    scope: str
    commodities: tuple[str, ...]
    announced: date | None
    effective: date | None
    covers_all_dual_use: bool = False
    suspended_from: date | None = None
    suspended_until: date | None = None
    lifted_on: date | None = None
    status: str = ""
    notes: str = ""
    sources: tuple[str, ...] = ()
    unverified: str = ""
    country: str = ""
    number: int | None = None

    def state_on(self, day: date) -> str | None:
        """``announced``, ``in_force``, ``suspended`` or ``lifted`` on ``day``; None before it was announced."""
        if self.announced is None or day < self.announced:
            return None
        if self.lifted_on and day >= self.lifted_on:
            return "lifted"
        if self.suspended_from and day >= self.suspended_from and (self.suspended_until is None or day < self.suspended_until):
            return "suspended"
        if self.effective and day >= self.effective:
            return "in_force"
        return "announced"

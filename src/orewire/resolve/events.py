"""One event from many sources: cluster per-document events that tell the same real-world occurrence.

Two events are merged only when nothing about them conflicts (type, polarity, status phase,
dates, amounts, quantities, commodities, states) and enough of them agrees (the score). A group
is grown pair by pair, and a pair joins two groups only if no member of one conflicts with a
member of the other, so a ban and its extension, a control and its suspension, or a completed
shipment and one planned under a deal never end up together through a third report.
Every merge records why; a person's ``split`` or ``join`` decision (``merge_overrides``) wins.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from ..model import content_id
from .unionfind import UnionFind

THRESHOLD = 0.55
"""Score at or above which two compatible events are merged (chosen on the labelled pairs, bench/merge_quality.py)."""
WINDOW_DAYS = 10
"""Reports of one occurrence dated by their articles may lie this many days apart."""
DATED_TOLERANCE_DAYS = 2
"""When both sentences name the day, the days may differ by this much (time zones, 'on Monday' vs the date)."""

TYPE_WINDOW_DAYS = {"PRICE": 1}
_STATUS_FAMILY = {"planned": {"planned", "interest", "announced"}, "interest": {"planned", "interest", "announced"},
                  "announced": {"announced", "planned", "interest", "completed"}, "completed": {"completed", "announced"},
                  "suspended": {"suspended"}, "lifted": {"lifted"}}
_STOP = set("""the a an and or of to in on for with from by at as is was were be been are has have had it its this that
these those said says say will would could should may might can also after before over under into than then but not
which who whom whose their they them he she his her our we you your about more most new last first year years month
months week weeks day days per cent percent company government minister ministry official officials""".split())
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
_QUANTITY = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|mln|bln|m|bn|k)?\s*"
    r"(metric\s+)?(tonnes|tons|tonne|ton|t|mt|kt|kg|kilograms|ounces|oz|lbs|pounds|containers|cargoes|wagons)\b", re.I)
_MULTIPLIER = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9}
_UNIT = {"tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "t": "t", "mt": "Mt", "kt": "kt", "kg": "kg",
         "kilograms": "kg", "ounces": "oz", "oz": "oz", "lbs": "lb", "pounds": "lb", "containers": "containers",
         "cargoes": "cargoes", "wagons": "wagons"}


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One per-document event, with what resolution compares.

    actors, counterparts: canonical entity ids (ISO3 for states). reported: the earliest
    publication date among its articles. articles, origins: the articles giving evidence and their
    near-duplicate origins. words, figures: content words and stated quantities of the evidence.
    """

    id: str
    type: str
    doc: str | None
    actors: tuple[str, ...] = ()
    counterparts: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    status: str | None = None
    polarity: str = "asserted"
    subtype: str | None = None
    speaker: str | None = None
    amount_usd: float | None = None
    occurred: date | None = None
    until: date | None = None
    reported: date | None = None
    articles: frozenset[str] = frozenset()
    origins: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()

    @property
    def dated(self) -> bool:
        """Whether a sentence named the day (it differs from the publication date)."""
        return self.occurred is not None and self.occurred != self.reported

    @property
    def states(self) -> set[str]:
        return {a for a in self.actors if _is_state(a)}

    @property
    def counterpart_states(self) -> set[str]:
        return {a for a in self.counterparts if _is_state(a)}

    @property
    def bodies(self) -> set[str]:
        return {a for a in (*self.actors, *self.counterparts) if not _is_state(a)}


def _is_state(entity_id: str) -> bool:
    return len(entity_id) == 3 and entity_id.isupper()


def content_words(texts: Iterable[str]) -> frozenset[str]:
    """Lower-case content words of the evidence (no stop words, no numbers)."""
    return frozenset(w for t in texts for w in _WORD.findall(t.lower()) if w not in _STOP)


def quantities(texts: Iterable[str]) -> frozenset[str]:
    """Stated quantities, normalised to three significant figures and a unit: '2,000 tonnes' -> '2000 t'."""
    out = set()
    for text in texts:
        for m in _QUANTITY.finditer(text):
            try:
                value = float(m.group(1).replace(",", "")) * _MULTIPLIER.get((m.group(2) or "").lower(), 1.0)
            except ValueError:
                continue
            if value <= 0 or (m.group(4).lower() == "t" and not m.group(2) and value < 10):
                continue  # "3 t" is more likely a typo or a ticker than a quantity
            out.add(f"{float(f'{value:.3g}'):g} {_UNIT[m.group(4).lower()]}")
    return frozenset(out)


def conflict(a: EventRecord, b: EventRecord, window_days: int = WINDOW_DAYS) -> str | None:
    """Why ``a`` and ``b`` cannot be one occurrence, or None when nothing conflicts."""
    if a.type != b.type:
        return "different types"
    if a.doc is not None and a.doc == b.doc:
        return "same document (extraction already kept them apart)"
    if a.subtype and b.subtype and a.subtype != b.subtype and "DENY" in (a.subtype, b.subtype):
        return f"a denial and a {b.subtype if a.subtype == 'DENY' else a.subtype} claim"
    if a.polarity != b.polarity:
        return "one asserted, one denied"
    if a.status and b.status and b.status not in _STATUS_FAMILY.get(a.status, {a.status}):
        return f"status {a.status} vs {b.status}"
    gap = _day_gap(a, b)
    if gap is not None:
        allowed = DATED_TOLERANCE_DAYS if a.dated and b.dated else _window(a.type, window_days)
        if gap > allowed:
            return f"dates {gap} days apart"
    if a.amount_usd and b.amount_usd and abs(a.amount_usd - b.amount_usd) > 0.05 * max(a.amount_usd, b.amount_usd):
        return "different amounts"
    if a.figures and b.figures and not a.figures & b.figures:
        return "different quantities"
    if a.commodities and b.commodities and not set(a.commodities) & set(b.commodities):
        return "different commodities"
    if a.bodies & b.bodies:
        return None  # the same company or body acts in both: states added from story context do not decide
    # Roles are often confused by extraction (the target of a tariff named as its actor), so states
    # conflict only when the two events share no state in either role.
    a_states, b_states = a.states | a.counterpart_states, b.states | b.counterpart_states
    if a_states and b_states and not a_states & b_states:
        return "different states"
    if (a.type == "SHIPMENT" and a.states and a.counterpart_states and not a.states & a.counterpart_states
            and a.states == b.counterpart_states and a.counterpart_states == b.states):
        return "opposite directions"
    return None


def _window(event_type: str, window_days: int) -> int:
    """Days apart two reports of one occurrence may be: a price move is a day's news."""
    return min(window_days, TYPE_WINDOW_DAYS.get(event_type, window_days))


def _day_gap(a: EventRecord, b: EventRecord) -> int | None:
    if a.occurred is None or b.occurred is None:
        return None
    return abs((a.occurred - b.occurred).days)


def _overlap(x: set[str] | frozenset[str], y: set[str] | frozenset[str]) -> float | None:
    """Shared share of the smaller set: robust to arguments one report adds from its story context."""
    if not x and not y:
        return None
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def similarity(a: EventRecord, b: EventRecord, window_days: int = WINDOW_DAYS) -> tuple[float, list[str]]:
    """How much ``a`` and ``b`` agree (0 to about 1.3) and the reasons, in words."""
    score, why = 0.0, []
    if a.origins & b.origins:
        score += 0.3
        why.append("syndicated copies of one story")
    comm = _overlap(set(a.commodities), set(b.commodities))
    score += 0.2 * (0.5 if comm is None else comm)
    if comm:
        why.append("commodities " + ",".join(sorted(set(a.commodities) & set(b.commodities))))
    states = _overlap(a.states | a.counterpart_states, b.states | b.counterpart_states)
    score += 0.2 * (0.5 if states is None else states)
    if states:
        why.append("states " + ",".join(sorted((a.states | a.counterpart_states) & (b.states | b.counterpart_states))))
    shared_bodies = a.bodies & b.bodies
    if shared_bodies:
        score += 0.1
        why.append("bodies " + ",".join(sorted(shared_bodies)))
    gap = _day_gap(a, b)
    if gap is not None:
        if a.dated and b.dated and gap <= DATED_TOLERANCE_DAYS:
            score += 0.15
            why.append(f"same day named ({a.occurred})")
        else:
            score += 0.15 * max(0.0, 1 - gap / max(_window(a.type, window_days), 1))
            why.append(f"reported {gap} days apart")
    if a.words and b.words:
        overlap = len(a.words & b.words) / min(len(a.words), len(b.words))
        score += 0.25 * overlap
        why.append(f"evidence wording overlap {overlap:.2f}")
    if a.amount_usd and b.amount_usd:
        score += 0.1
        why.append(f"same amount ${a.amount_usd:,.0f}")
    if a.figures & b.figures:
        score += 0.1
        why.append("same quantities " + ", ".join(sorted(a.figures & b.figures)))
    return round(score, 3), why


MIN_WORDING = 0.1
"""Below this evidence-wording overlap, a merge needs another specific tie (see ``specific_tie``)."""


def specific_tie(a: EventRecord, b: EventRecord) -> bool:
    """Something beyond type, commodity, state and week: syndication, the same named day, amount,
    quantity, or wording. Shared arguments alone fit many occurrences in a busy week."""
    if a.origins & b.origins or (a.amount_usd and b.amount_usd) or a.figures & b.figures:
        return True
    gap = _day_gap(a, b)
    if a.dated and b.dated and gap is not None and gap <= DATED_TOLERANCE_DAYS:
        return True
    return bool(a.words and b.words and len(a.words & b.words) / min(len(a.words), len(b.words)) >= MIN_WORDING)


@dataclass(frozen=True, slots=True)
class Merge:
    """Two events joined into one cluster, the score and the reasons (or a person's decision)."""

    event_a: str
    event_b: str
    score: float
    reasons: tuple[str, ...]


@dataclass
class Clustering:
    """Clusters of event ids (each sorted) and the merges that built them."""

    clusters: list[list[str]]
    merges: list[Merge] = field(default_factory=list)


def candidate_pairs(records: Sequence[EventRecord], window_days: int = WINDOW_DAYS) -> set[tuple[str, str]]:
    """Pairs worth comparing: same type and a shared commodity (or state, when neither names one), dates in reach.

    Blocking keeps this near-linear: within a block events are sorted by date and each is
    compared only with those inside the window.
    """
    blocks: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for r in records:
        keys = [("c", c) for c in r.commodities] or [("s", s) for s in sorted(r.states | r.counterpart_states)] or [("-", "")]
        for kind, key in keys:
            blocks[(r.type, f"{kind}:{key}")].append(r)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        dated = sorted((r for r in members if r.occurred), key=lambda r: r.occurred)  # type: ignore[arg-type, return-value]
        undated = [r for r in members if not r.occurred]
        for i, a in enumerate(dated):
            for b in dated[i + 1:]:
                if (b.occurred - a.occurred).days > window_days:  # type: ignore[operator]
                    break
                pairs.add(_ordered(a.id, b.id))
        for a, b in combinations(undated, 2):
            pairs.add(_ordered(a.id, b.id))
        for a in undated:
            for b in dated:
                pairs.add(_ordered(a.id, b.id))
    return pairs


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def cluster_events(records: Sequence[EventRecord], overrides: Sequence[tuple[str, str, str, str]] = (),
                   threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS) -> Clustering:
    """Group ``records`` into occurrences; ``overrides`` are ``(event_a, event_b, 'split'|'join', note)``."""
    by_id = {r.id: r for r in records}
    groups = UnionFind(by_id)
    members: dict[str, list[str]] = {r.id: [r.id] for r in records}
    never = {_ordered(a, b) for a, b, decision, _ in overrides if decision == "split"}
    merges: list[Merge] = []

    def join(a: str, b: str) -> None:
        ra, rb = groups.find(a), groups.find(b)
        root = groups.union(ra, rb)
        other = rb if root == ra else ra
        members[root] = members[root] + members.pop(other)

    for a, b, decision, note in overrides:
        if decision == "join" and a in by_id and b in by_id and groups.find(a) != groups.find(b):
            join(a, b)
            merges.append(Merge(a, b, 1.0, (f"joined by a person: {note}" if note else "joined by a person",)))

    scored = []
    for a, b in candidate_pairs(records, window_days):
        if conflict(by_id[a], by_id[b], window_days) is None and specific_tie(by_id[a], by_id[b]):
            score, why = similarity(by_id[a], by_id[b], window_days)
            if score >= threshold:
                scored.append((score, a, b, why))
    for score, a, b, why in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or not _compatible(members[ra], members[rb], by_id, never, window_days):
            continue
        join(a, b)
        merges.append(Merge(a, b, score, tuple(why)))
    return Clustering([sorted(m) for m in members.values()], merges)


def _compatible(left: list[str], right: list[str], by_id: dict[str, EventRecord], never: set[tuple[str, str]],
                window_days: int) -> bool:
    """No member of one group conflicts with, or was split by a person from, a member of the other."""
    for x in left:
        for y in right:
            if _ordered(x, y) in never or conflict(by_id[x], by_id[y], window_days) is not None:
                return False
    return True


def cluster_id(member_ids: Sequence[str]) -> str:
    """Content id of a cluster: the hash of its sorted member event ids."""
    return content_id(*sorted(member_ids), prefix="c")


def summarise(members: Sequence[EventRecord]) -> dict[str, Any]:
    """The resolved event's fields: unions of arguments by frequency, the most stated status, earliest dates."""
    def ranked(values: Iterable[str]) -> list[str]:
        counts = Counter(values)
        return sorted(counts, key=lambda v: (-counts[v], v))

    def most_common(values: Iterable[Any]) -> Any:
        counts = Counter(v for v in values if v is not None)
        return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None

    articles = frozenset().union(*(m.articles for m in members))
    origins = frozenset().union(*(m.origins for m in members))
    occurred = [m.occurred for m in members if m.occurred]
    reported = [m.reported for m in members if m.reported]
    return {
        "id": cluster_id([m.id for m in members]),
        "type": members[0].type,
        "subtype": most_common(m.subtype for m in members),
        "actors": ranked(a for m in members for a in m.actors),
        "counterparts": ranked(a for m in members for a in m.counterparts),
        "commodities": ranked(c for m in members for c in m.commodities),
        "status": most_common(m.status for m in members),
        "polarity": members[0].polarity,
        "speaker": most_common(m.speaker for m in members),
        "amount_usd": most_common(m.amount_usd for m in members),
        "occurred": min(occurred) if occurred else None,
        "until": most_common(m.until for m in members),
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
        "n_events": len(members),
        "n_sources": len(articles),
        "n_origins": len(origins) or len(articles),
    }

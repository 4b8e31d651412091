"""Link resolved EXPORT_CONTROL events to the measures of the reference registry.

A news event is a report of a registry measure when the issuing state is among its actors,
a commodity is shared (or in the same USGS group: dysprosium and rare earths), and the report
falls near the milestone it tells of: the announcement or entry into force for an imposed
control, the suspension for a suspended one. An explicit "Announcement No. 33" in the evidence
links directly. Each link keeps its score and reason.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Measure
from ..reference import same_supply_group

LINK_WINDOW_DAYS = 21
"""A report may follow the milestone it tells of by up to three weeks (or precede it by the same)."""
_NUMBER = re.compile(r"\b(?:Announcement|Notice)\s+(?:No\.?|Number)\s*(\d{1,3})\b", re.I)


@dataclass(frozen=True, slots=True)
class MeasureLink:
    """A resolved event (cluster) reports a registry measure."""

    cluster_id: str
    measure_id: str
    score: float
    reason: str


def _milestones(measure: Measure, status: str | None) -> list[tuple[str, date]]:
    if not measure.is_control and "suspension" in measure.kind.lower():
        # A suspension act is reported when the suspension is.
        return [("suspension act", measure.announced)] if status == "suspended" and measure.announced else []
    if status == "suspended":
        return [("suspension", measure.suspended_from)] if measure.suspended_from else []
    if status == "lifted":
        return [("lifting", measure.lifted_on)] if measure.lifted_on else []
    return [(name, day) for name, day in (("announcement", measure.announced), ("entry into force", measure.effective)) if day]


def _same_year(day: date | None, m: Measure) -> bool:
    """Numbers restart every year: a report names this measure only within a year after it."""
    return day is None or m.announced is None or -7 <= (day - m.announced).days <= 400


def link_cluster(cluster_id: str, type_: str, states: Sequence[str], commodities: Sequence[str], status: str | None,
                 day: date | None, quotes: Sequence[str], measures: Sequence[Measure]) -> list[MeasureLink]:
    """Registry measures that this resolved event reports (possibly several: one announcement, many measures)."""
    if type_ != "EXPORT_CONTROL":
        return []
    numbers = {int(n) for q in quotes for n in _NUMBER.findall(q)}
    out: list[MeasureLink] = []
    for m in measures:
        if m.country not in states:
            continue
        shared = [c for c in commodities if any(same_supply_group(c, mc) for mc in m.commodities)]
        if not shared:
            continue
        if m.number in numbers and _same_year(day, m):
            out.append(MeasureLink(cluster_id, m.id, 1.0, f"evidence names Announcement No. {m.number}"))
            continue
        if day is None:
            continue
        best = None
        for name, when in _milestones(m, status):
            gap = abs((day - when).days)
            if gap <= LINK_WINDOW_DAYS and (best is None or gap < best[1]):
                best = (name, gap)
        if best is None:
            continue
        share = len(shared) / max(len(set(commodities)), 1)
        score = round(0.5 * share + 0.5 * (1 - best[1] / LINK_WINDOW_DAYS), 3)
        out.append(MeasureLink(cluster_id, m.id, score,
                               f"{best[0]} {best[1]} days from the report; commodities {', '.join(sorted(set(shared)))}"))
    return out

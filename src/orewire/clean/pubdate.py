"""An article's publication day from whatever its page gives, and how it was found.

Merge windows, ``first_reported`` and every as-of answer lean on this date, and wire pages often give
only "LONDON, Oct 6 (Reuters) -", with no year. The order of trust:

1. a date the page states in its metadata (meta tags, JSON-LD, ``<time>``, a feed's or record's field);
2. a "Published/Updated/Posted ..." line with a full date, in the article's header or the page's clutter;
3. a dateline with a full date ("QUEBEC CITY, Feb. 13, 2025 (GLOBE NEWSWIRE) -");
4. a relative stamp ("3 hours ago") resolved against the retrieval time;
5. a dateline with month and day only: the year is inferred, from the retrieval time when known (the
   latest such day not after retrieval), else from the other full dates in the page (the year that puts
   the day nearest the latest of them).

Each result says ``stated`` (1-3), ``inferred`` (4-5) or ``none``, and from what, so that a guessed year is
never passed off as a printed one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import _MONTH, MONTHS, _month_key, parse_absolute, parse_date

STATED, INFERRED, NONE = "stated", "inferred", "none"

# "Published 12 Oct 2025", "Updated: Nov 13, 2019, 10:28am": a capitalised stamp word, then the date at once
# (not "... was updated and became effective May 23rd, 2018" in a privacy notice).
_STAMP_LINE = re.compile(r"\b(?:First\s+[Pp]ublished|Published|PUBLISHED|Posted|POSTED|Updated|UPDATED|Last\s+[Uu]pdated)"
                         r"(?:\s+on|\s*:)?\s+(?P<rest>(?:\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
                         r"[^\n<]{3,60})")
_DATELINE_DAY = re.compile(rf"^\s*(?!(?:On|In|By|As|At|From|Since|Until|Through|Before|After)\b)[A-Z][A-Za-z.'\- ]{{1,40}}?,?\s+(?i:{_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
                           rf"(?=[^\n]{{0,40}}?(?:\s[-–—:]|\)\s*[-–—:]?|\s-\s))")
_FULL_DATES = re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\b", re.I)
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.I | re.S)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication day, ``how`` it was found (stated, inferred, none) and ``source``, in words."""

    day: date | None
    how: str = NONE
    source: str | None = None

    def as_meta(self) -> dict[str, str]:
        """What an Article's ``meta`` records of it."""
        return {"published_how": self.how, **({"published_from": self.source} if self.source else {})}


def publication_date(text: str, *, metadata: date | None = None, stamps: list[str] | tuple[str, ...] = (),
                     page: str | None = None, fetched_at: datetime | None = None) -> FoundDate:
    """The article's publication day. ``text``: its body; ``stamps``: header lines a page dump kept aside;
    ``page``: the raw page (HTML or text) whose clutter may hold a "Published ..." line."""
    if metadata:
        return FoundDate(metadata, STATED, "metadata")
    for line in _stamp_lines(stamps, page, text):
        found = parse_absolute(line)
        if found and _plausible(found, fetched_at):
            return FoundDate(found, STATED, "published line")
    dateline = _DATELINE_DAY.match(text[:200])
    if dateline and dateline.group(3):
        found = parse_absolute(dateline.group(0))
        if found and _plausible(found, fetched_at):
            return FoundDate(found, STATED, "dateline")
    for line in stamps:
        found, kind = parse_date(line, fetched_at)
        if found and kind == "relative":
            return FoundDate(found, INFERRED, "relative stamp and retrieval time")
    if dateline:
        return _dateline_year(MONTHS[_month_key(dateline.group(1))], int(dateline.group(2)), text, page, fetched_at)
    return FoundDate(None)


def _stamp_lines(stamps: list[str] | tuple[str, ...], page: str | None, text: str) -> list[str]:
    """"Published ..." lines: the header stamps first, then ones in the page's clutter or the body's head."""
    lines = [s for s in stamps if _STAMP_LINE.search(s)] + list(stamps)
    for source in (page, text[:1500]):
        if source:
            visible = _TAG.sub(" ", source[:300_000]) if "<" in source else source
            lines += [m.group(0) for m in _STAMP_LINE.finditer(visible)][:10]
    return lines


def _dateline_year(month: int, day: int, text: str, page: str | None, fetched_at: datetime | None) -> FoundDate:
    if fetched_at is not None:
        ref = fetched_at.date()
        for year in (ref.year, ref.year - 1):
            got = _day(year, month, day)
            if got and got <= ref:
                return FoundDate(got, INFERRED, "dateline; year from the retrieval time")
        return FoundDate(None)
    dates = [d for d in (parse_absolute(m.group(0)) for m in _FULL_DATES.finditer(_TAG.sub(" ", page or "") + "\n" + text)) if d]
    if not dates:
        return FoundDate(None)
    ref = max(dates)
    options = [d for d in (_day(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
    best = min(options, key=lambda d: abs((d - ref).days))
    return FoundDate(best, INFERRED, "dateline; year from the page's other dates")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible(day: date, fetched_at: datetime | None) -> bool:
    """Not after retrieval (a day of slack for time zones), and not before the web."""
    if fetched_at is not None and day > fetched_at.date() + timedelta(days=1):
        return False
    return day.year >= 1980

"""Dates as news pages print them: absolute stamps, and relative ones resolved against retrieval time."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}[\s,-]+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_SLASH = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_RELATIVE = re.compile(r"\b(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_date(text: str, now: datetime | None = None) -> tuple[date | None, str | None]:
    """Find a date in a short stamp: ``(date, kind)`` with kind ``absolute`` or ``relative``.

    A relative stamp ("Updated 10 sec ago", "yesterday") gives a date only when
    ``now`` (the retrieval time) is known; otherwise ``(None, "relative")``.
    """
    found = parse_absolute(text)
    if found:
        return found, "absolute"
    low = text.lower()
    m = _RELATIVE.search(low)
    if m or re.search(r"\b(just now|today|yesterday)\b", low):
        if now is None:
            return None, "relative"
        return _resolve_relative(low, m, now), "relative"
    return None, None


def parse_absolute(text: str) -> date | None:
    """The first absolute calendar date in ``text`` (ISO, '15 October 2025', 'Oct. 15, 2025', '26-FEB-1987')."""
    for pattern, order in ((_ISO, "ymd"), (_SLASH, "ymd"), (_DMY, "dmy"), (_MDY, "mdy")):
        m = pattern.search(text)
        if not m:
            continue
        got = _build(m.groups(), order)
        if got:
            return got
    return None


def _build(groups: tuple[str, ...], order: str) -> date | None:
    try:
        if order == "ymd":
            y, mo, d = int(groups[0]), int(groups[1]), int(groups[2])
        elif order == "dmy":
            d, mo, y = int(groups[0]), MONTHS[groups[1].lower().rstrip(".")[:3] if groups[1].lower()[:4] != "sept" else "sep"], int(groups[2])
        else:
            mo, d, y = MONTHS[groups[0].lower().rstrip(".")[:3]], int(groups[1]), int(groups[2])
        if not 1 <= y < 3000:
            return None
        return date(y, mo, d)
    except (ValueError, KeyError):
        return None


def _resolve_relative(low: str, m: re.Match[str] | None, now: datetime) -> date:
    if m is None:
        return (now - timedelta(days=1)).date() if "yesterday" in low else now.date()
    qty = 1 if m.group(1) in ("a", "an", "one") else int(m.group(1))
    unit = m.group(2).lower()
    if unit.startswith("mo"):
        return (now - timedelta(days=30 * qty)).date()
    if unit.startswith("y"):
        return (now - timedelta(days=365 * qty)).date()
    seconds = _UNIT_SECONDS[unit[0]] * qty
    return (now - timedelta(seconds=seconds)).date()


def parse_any(value: object) -> date | None:
    """A date from a metadata value: a date, a datetime, an ISO string or a printed stamp."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    return parse_absolute(value) or _dateparser_fallback(value)


def _dateparser_fallback(value: str) -> date | None:
    """dateparser for the odd formats our patterns miss (lazy: it is slow to import)."""
    if len(value) > 60 or not re.search(r"\d", value) or re.match(r"\s*\d{4}-\d", value):
        return None
    try:
        import dateparser
    except ImportError:
        return None
    got = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return got.date() if got else None


_LEADING_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:\([^)]*\))?,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[-–—:]\s+")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
_ON_WEEKDAY = re.compile(rf"\b(?:on|last|this|by)\s+({'|'.join(WEEKDAYS)})\b|\b(?:from|since)\s+({'|'.join(WEEKDAYS)})\b(?!'s|’s)", re.I)
# A weekday named on its own ("said Sunday", "gold rose Friday", "Monday morning"), not "Friday's close" (a
# reference point, not the news) nor "next Friday" (ahead: :data:`_NEXT_WEEKDAY`).
_BARE_WEEKDAY = re.compile(rf"(?<!\bnext )(?<!\bon )(?<!\blast )(?<!\bthis )(?<!\bfrom )(?<!\bsince )(?<!\bby )"
                           rf"\b({'|'.join(WEEKDAYS)})\b(?!'s|’s)", re.I)
_NEXT_WEEKDAY = re.compile(rf"\bnext\s+({'|'.join(WEEKDAYS)})\b", re.I)
# The day of publication, said in other words ("fixed this morning", "effective immediately").
# A market move measured against yesterday ("up seven stg from yesterday's kerb close") or within the day's
# trading ("ended the day", "at midsession", "the afternoon fix") is that day's news too.
_SAME_DAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|effective\s+immediately|"
                       r"(?:from|on|over|than|against)\s+(?:yesterday|last\s+night)(?:[’']s|\s+afternoon(?:[’']s)?|\s+morning(?:[’']s)?)|the\s+day[’']s|ended\s+the\s+day|"
                       r"midsession|(?:morning|afternoon)\s+(?:ring|fix(?:ing)?|kerb)s?)\b", re.I)
_MD_NO_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\s*(?:%|per|million|billion|tonnes?|tons?))", re.I)
WORD_DAYS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()) if i}
_MD_WORD_DAY = re.compile(rf"\b{_MONTH}\s+({'|'.join(sorted(WORD_DAYS, key=len, reverse=True))})\b(?!\s+(?:percent|pct|per|mln|million))",
                          re.I)
_AHEAD = re.compile(r"\b(?:will|would|shall|to be|is to|are to|scheduled|due|effective|expected|plans?|intends?|from|until|"
                    r"starting|beginning|next)\b", re.I)
_DM_NO_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?![\s,-]+\d{{4}})", re.I)


def mentioned_date(sentence: str, published: date | None) -> date | None:
    """The day a sentence says something happened, resolved against the article's date.

    "on Monday" is the last Monday on or before publication; "October 8" takes the
    publication year (the year before when that would lie over a week in the future);
    full dates are taken as they are. Without a publication date only full dates count.
    Why: two outlets reporting one shipment on different days still name the same day,
    and two shipments in one month are told apart by theirs.
    """
    sentence = _LEADING_DATELINE.sub("", sentence)
    found = parse_absolute(sentence)
    if found or published is None:
        return found
    candidates: list[tuple[int, date | None]] = []
    ahead = bool(_AHEAD.search(sentence))
    for m in re.finditer(r"\byesterday\b(?!'s)", sentence, re.I):
        candidates.append((m.start(), published - timedelta(days=1)))
    for m in _SAME_DAY.finditer(sentence):
        candidates.append((m.start(), published))
    for m in _MD_NO_YEAR.finditer(sentence):
        if m.group(1)[0].isupper():  # "may 12" is rarely the month
            candidates.append((m.start(), _in_publication_year(MONTHS.get(_month_key(m.group(1))), m.group(2), published, ahead)))
    for m in _MD_WORD_DAY.finditer(sentence):
        if m.group(1)[0].isupper():  # wire style: "on March nine", "effective July one"
            candidates.append((m.start(), _in_publication_year(MONTHS.get(_month_key(m.group(1))), m.group(2), published, ahead)))
    for m in _DM_NO_YEAR.finditer(sentence):
        if m.group(2)[0].isupper():
            candidates.append((m.start(), _in_publication_year(MONTHS.get(_month_key(m.group(2))), m.group(1), published, ahead)))
    for m in _ON_WEEKDAY.finditer(sentence):
        candidates.append((m.start(), _weekday_day(sentence, m, (m.group(1) or m.group(2)), published)))
    for m in _BARE_WEEKDAY.finditer(sentence):
        if m.group(1)[0].isupper():
            candidates.append((m.start(), _weekday_day(sentence, m, m.group(1), published)))
    for m in _NEXT_WEEKDAY.finditer(sentence):
        ahead_by = (WEEKDAYS.index(m.group(1).lower()) - published.weekday()) % 7 or 7
        candidates.append((m.start(), published + timedelta(days=ahead_by)))
    # The first day named: "shipped on October 8, officials said on Thursday" is about October 8.
    return next((day for _, day in sorted(candidates, key=lambda c: c[0]) if day), None)


_FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|scheduled|due|set to|expected to|plans? to|is to|are to)\b", re.I)
_SAID = re.compile(r"\b(?:said|says|told|announced|reported)\b", re.I)


def _weekday_day(sentence: str, m: re.Match[str], weekday: str, published: date) -> date:
    """The day a weekday names: the last such day on or before publication, or the next one when the clause
    before it speaks of what is to come ("would meet Vance on Tuesday", not "said on Sunday he would")."""
    target = WEEKDAYS.index(weekday.lower())
    before = sentence[:m.start()]
    said = list(_SAID.finditer(before))
    if _FUTURE_BEFORE.search(before[said[-1].end():] if said else before):
        return published + timedelta(days=(target - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - target) % 7)


def _month_key(name: str) -> str:
    low = name.lower().rstrip(".")
    return "sep" if low.startswith("sept") else low[:3]


def _in_publication_year(month: int | None, day: str, published: date, ahead: bool = False) -> date | None:
    """A month and day in the publication's year; a day over a week ahead belongs to the year before, unless
    the sentence speaks of what is to come ("will open on October 1", "effective July 1")."""
    if month is None:
        return None
    try:
        got = date(published.year, month, int(WORD_DAYS.get(day.lower(), day)))
    except ValueError:
        return None
    if got > published + timedelta(days=7) and not ahead:
        try:
            got = got.replace(year=got.year - 1)
        except ValueError:
            return None
    return got


_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_FOR_SPAN = re.compile(rf"\bfor\s+(?:a\s+(?:further|period\s+of)\s+|another\s+|up\s+to\s+)?{_NUMBER}\s+(day|week|month|year)s?\b", re.I)
_SPAN_ADJ = re.compile(rf"\b{_NUMBER}[- ](day|week|month|year)\b(?!s)", re.I)
_UNTIL = re.compile(r"\b(?:until|till|through|to|ending|expires? on|valid to)\s+(?:the\s+end\s+of\s+)?", re.I)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def add_span(start: date, n: int, unit: str) -> date:
    """``start`` plus n days, weeks, months or years; the last day of the span (a four-month ban from
    February 22 runs to June 21)."""
    unit = unit.lower()
    if unit == "day":
        return start + timedelta(days=n - 1)
    if unit == "week":
        return start + timedelta(days=7 * n - 1)
    months = n * (12 if unit == "year" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    day = min(start.day, [31, 29 if (start.year + year) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month])
    return date(start.year + year, month + 1, day) - timedelta(days=1)


def mentioned_until(sentence: str, start: date | None, published: date | None) -> date | None:
    """The last day of a duration the sentence states: "until November 27, 2026", "for four months", "a
    four-month ban" (counted from ``start``, the event's own day, else publication). None when it states none."""
    for m in _UNTIL.finditer(sentence):
        tail = sentence[m.end():m.end() + 40]
        day = parse_absolute(tail) or (mentioned_date("until " + tail, published) if published else None)
        if day and (start is None or day >= start) and re.match(r"\s*(?:the\s+end\s+of\s+)?[A-Z0-9]", tail):
            return day
    base = start or published
    if base is None:
        return None
    m = _FOR_SPAN.search(sentence) or _SPAN_ADJ.search(sentence)
    if m:
        return add_span(base, _count(m.group(1)), m.group(2))
    return None

"""Stated durations end what they bound: "a four-month ban" is no longer in force a year later."""
from __future__ import annotations

import json
from datetime import date

from orewire.clean.dates import add_span, mentioned_until

STORY = {"id": "congo-ban", "title": "Congo bans cobalt exports for four months", "published": "2025-02-24",
         "text": "KINSHASA, Feb 24 - The Democratic Republic of Congo has imposed a four-month ban on cobalt exports, the "
                 "country's strategic minerals regulator said on Monday, as it seeks to curb a glut that has sent prices "
                 "to nine-year lows."}


def test_durations_and_end_dates_are_read():
    start, published = date(2025, 2, 22), date(2025, 2, 24)
    assert mentioned_until("Congo suspended cobalt exports for four months from February 22.", start, published) == date(2025, 6, 21)
    assert mentioned_until("The DRC imposed a four-month ban on cobalt exports.", start, published) == date(2025, 6, 21)
    assert mentioned_until("China suspended the ban until November 27, 2026.", start, published) == date(2026, 11, 27)
    assert mentioned_until("The quota runs through March 31.", start, published) == date(2025, 3, 31)
    assert mentioned_until("Exports are halted until further notice.", start, published) is None
    assert add_span(date(2025, 1, 31), 1, "month") == date(2025, 2, 27)
    assert add_span(date(2025, 3, 1), 2, "week") == date(2025, 3, 14)


def test_a_ban_with_a_stated_duration_leaves_force_when_it_runs_out(tmp_path, settings, store):
    from orewire.analysis import measures_as_of
    from orewire.runner import ingest

    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(STORY) + "\n")
    ingest([str(path)], store, settings)
    during = [m for m in measures_as_of(store, "cobalt", date(2025, 3, 15))["in_force"] if m.get("country") == "COD"]
    after = [m for m in measures_as_of(store, "cobalt", date(2026, 2, 24))["in_force"] if m.get("country") == "COD"]
    assert len(during) == 1 and during[0]["until"] == date(2025, 6, 23)
    assert after == []  # before: still "in force" a year later

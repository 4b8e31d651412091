"""Publication dates from what a page gives, and how each was found (stated, inferred, none)."""
from datetime import date, datetime, timezone

from orewire.clean.pubdate import INFERRED, NONE, STATED, publication_date

FETCHED = datetime(2025, 10, 8, 9, 0, tzinfo=timezone.utc)


def test_metadata_is_stated():
    got = publication_date("LONDON, Oct 6 (Reuters) - Copper rose.", metadata=date(2025, 10, 6))
    assert (got.day, got.how, got.source) == (date(2025, 10, 6), STATED, "metadata")


def test_a_wire_dateline_without_year_takes_it_from_the_retrieval_time():
    got = publication_date("LONDON, Oct 6 (Reuters) - Copper rose on Monday.", fetched_at=FETCHED)
    assert (got.day, got.how) == (date(2025, 10, 6), INFERRED)
    early = publication_date("ISLAMABAD, Dec 30 — Pakistan shipped antimony.", fetched_at=datetime(2026, 1, 2, tzinfo=timezone.utc))
    assert early.day == date(2025, 12, 30)  # the latest such day not after retrieval: last year's


def test_without_retrieval_time_the_year_comes_from_the_pages_other_dates():
    text = "BEIJING, Oct 9 - China said the controls take effect on December 1, 2025, and cover holmium."
    got = publication_date(text)
    assert (got.day, got.how, got.source) == (date(2025, 10, 9), INFERRED, "dateline; year from the page's other dates")
    assert publication_date("BEIJING, Oct 9 - China said nothing dated.").how == NONE


def test_a_full_dateline_and_a_published_line_in_the_clutter_are_stated():
    wire = publication_date("QUEBEC CITY, Feb. 13, 2025 (GLOBE NEWSWIRE) — Robex is pleased to announce ...")
    assert (wire.day, wire.how, wire.source) == (date(2025, 2, 13), STATED, "dateline")
    page = "<html><div class='byline'>By A. Writer</div><span>Published 7 Oct 2025</span><p>ISLAMABAD, Oct 6 — text</p></html>"
    got = publication_date("ISLAMABAD, Oct 6 — Pakistan shipped antimony.", page=page, fetched_at=FETCHED)
    assert (got.day, got.how, got.source) == (date(2025, 10, 7), STATED, "published line")


def test_a_stamp_after_retrieval_is_not_believed_and_sentences_are_no_datelines():
    got = publication_date("On March 3 - the company said", fetched_at=FETCHED)
    assert got.how == NONE
    later = publication_date("Body.", page="<p>Published 12 Oct 2031</p>", fetched_at=FETCHED)
    assert later.how == NONE

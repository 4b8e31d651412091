from datetime import date, datetime, timezone

import pytest

from orewire.clean.dates import parse_any, parse_date


@pytest.mark.parametrize("text, expected", [
    ("Updated 15 October 2025", date(2025, 10, 15)),
    ("Published Oct. 9, 2025 10:00", date(2025, 10, 9)),
    ("26-FEB-1987 16:48:55.38", date(1987, 2, 26)),
    ("2025-02-10 23:44:51 +08:00", date(2025, 2, 10)),
    ("Tue, 11 Feb 2025 08:30:00 GMT", date(2025, 2, 11)),
    ("September 3rd, 2024", date(2024, 9, 3)),
])
def test_absolute_stamps(text, expected):
    assert parse_date(text) == (expected, "absolute")


def test_relative_stamp_unknown_without_retrieval_time():
    assert parse_date("Updated 10 sec ago") == (None, "relative")


@pytest.mark.parametrize("text, expected", [
    ("Updated 10 sec ago", date(2025, 3, 1)),
    ("3 hours ago", date(2025, 2, 28)),
    ("yesterday", date(2025, 2, 28)),
    ("2 days ago", date(2025, 2, 27)),
])
def test_relative_stamp_with_retrieval_time(text, expected):
    now = datetime(2025, 3, 1, 1, 0, tzinfo=timezone.utc)
    assert parse_date(text, now)[0] == expected


def test_parse_any_handles_metadata_values():
    assert parse_any("2025-06-21T09:15:00Z") == date(2025, 6, 21)
    assert parse_any(datetime(2025, 1, 2, 3)) == date(2025, 1, 2)
    assert parse_any("") is None
    assert parse_any(None) is None


def test_mentioned_date_resolves_against_publication():
    from datetime import date

    from orewire.clean.dates import mentioned_date

    published = date(2025, 11, 8)  # a Saturday
    assert mentioned_date("BEIJING, Nov 8 - China said on Friday it would suspend the controls it announced on "
                          "October 9.", published) == date(2025, 11, 7)
    assert mentioned_date("ISLAMABAD, Oct 9 - Pakistan shipped antimony on October 8, officials said.",
                          date(2025, 10, 9)) == date(2025, 10, 8)
    assert mentioned_date("The ban took effect on Dec 30.", date(2025, 1, 2)) == date(2024, 12, 30)
    assert mentioned_date("Prices may 12 times higher", published) is None
    assert mentioned_date("No day is named here.", published) is None
    assert mentioned_date("on 3 March 2024 it began", None) == date(2024, 3, 3)


def test_dates_ahead_stay_in_the_publication_year_and_wire_word_days_parse():
    from datetime import date

    from orewire.clean.dates import mentioned_date

    published = date(1987, 4, 13)
    assert mentioned_date("China will open the first phase of its plant on October 1.", published) == date(1987, 10, 1)
    assert mentioned_date("It shipped on October 8.", published) == date(1986, 10, 8)  # past: the year before
    assert mentioned_date("Barrick announced on March nine that drilling found gold.", published) == date(1987, 3, 9)
    assert mentioned_date("USX will close the Geneva Works effective July one.", published) == date(1987, 7, 1)
    assert mentioned_date("Copper prices rose sharply today in London.", published) == published
    assert mentioned_date("up seven stg from yesterday's afternoon kerb close", published) == published  # today's move


def test_a_weekday_named_alone_or_said_otherwise_dates_the_news():
    from datetime import date

    from orewire.clean.dates import mentioned_date

    published = date(2025, 2, 11)  # a Tuesday
    assert mentioned_date("Gold was shining bright Monday morning.", published) == date(2025, 2, 10)
    assert mentioned_date("Trump said Sunday he would impose tariffs.", published) == date(2025, 2, 9)
    assert mentioned_date("Platinum was fixed this morning at 565.75 dlrs.", published) == published
    assert mentioned_date("Prices rise three cents a lb, effective immediately.", published) == published
    assert mentioned_date("He will announce reciprocal tariffs next Tuesday.", published) == date(2025, 2, 18)
    assert mentioned_date("Gold rose 1.2% from Friday's close.", published) is None  # a reference point, not the news

from datetime import datetime, timezone

from orewire.clean.pubdate import publication_date
from orewire.clean.text import find_dateline, is_boilerplate, reflow, split_page


def page_date(article, fetched_at):
    return publication_date(article.text, stamps=article.stamps, fetched_at=fetched_at).day

BOILERPLATE_LINES = ("Short Url", "Follow", "Updated 15 October 2025", "Updated 10 sec ago", "(AFP/ file)")


def _sample_page(sample_dir):
    return (sample_dir / "islamabad_page.txt").read_text(encoding="utf-8")


def test_seed_shaped_page_splits_into_two_titled_articles(sample_dir):
    articles = split_page(_sample_page(sample_dir))
    assert [a.title for a in articles] == [
        "Beijing says gallium licence rules are routine, denies link to Pakistan minerals pact",
        "US refiner plans antimony processing plant in Pakistan, officials say",
    ]


def test_seed_shaped_page_dates_and_datelines(sample_dir):
    first, second = split_page(_sample_page(sample_dir))
    assert page_date(first, None).isoformat() == "2025-10-15"
    assert page_date(second, None) is None  # "Updated 10 sec ago" with no retrieval time
    assert find_dateline(first.paragraphs) == find_dateline(second.paragraphs) == "ISLAMABAD"


def test_no_boilerplate_left_in_article_text(sample_dir):
    for article in split_page(_sample_page(sample_dir)):
        text = article.text
        assert article.title not in text
        for line in text.split("\n"):
            assert not is_boilerplate(line.strip()), line
        for junk in BOILERPLATE_LINES:
            assert junk not in text


def test_summary_bullets_are_kept_without_the_bullet(sample_dir):
    first = split_page(_sample_page(sample_dir))[0]
    assert first.paragraphs[0].startswith("Commerce ministry says updated licensing")


def test_relative_stamp_resolves_against_retrieval_time(sample_dir):
    second = split_page(_sample_page(sample_dir))[1]
    fetched = datetime(2025, 11, 20, 0, 0, 5, tzinfo=timezone.utc)
    assert page_date(second, fetched).isoformat() == "2025-11-19"


def test_the_real_seed_page(shared_dir):
    articles = split_page((shared_dir / "eval/dev/docs/seed.txt").read_text(encoding="utf-8"))
    assert [a.title for a in articles] == [
        "China rejects link between new rare earth export curbs and US-Pakistan cooperation",
        "US firm eyes long-term investment in Pakistan’s mining and mineral sectors, government says",
    ]
    assert page_date(articles[0], None).isoformat() == "2025-10-15"
    assert [find_dateline(a.paragraphs) for a in articles] == ["ISLAMABAD", "ISLAMABAD"]
    for article in articles:
        for junk in BOILERPLATE_LINES + ("Mineria LyC",):
            assert junk not in article.text


def test_single_article_without_repeats_takes_its_first_line_as_title():
    page = "Copper output rises at Chilean mine\n\nLONDON - Output rose 5% in March, the company said.\n\nMore follows."
    (article,) = split_page(page)
    assert article.title == "Copper output rises at Chilean mine"
    assert find_dateline(article.paragraphs) == "LONDON"


def test_caption_with_credit_is_boilerplate_but_a_sentence_with_parentheses_is_not():
    assert is_boilerplate("A miner shows coal rocks at the mine on August 20, 2025. (AFP/ file)")
    assert is_boilerplate("Trucks queue at the border crossing (Reuters)")
    assert not is_boilerplate("The company (USSM) signed the agreement last month.")


def test_reflow_joins_hard_wrapped_wire_copy():
    wire = "Mine officials said\nexports would fall.\n    Prices rose\nsharply.\n Reuter\n"
    assert reflow(wire) == "Mine officials said exports would fall.\n\nPrices rose sharply."

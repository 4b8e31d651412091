from orewire.clean import clean_document
from orewire.clean.html import densest_window, extract_html
from orewire.model import RawDocument


def test_sample_page_body_title_and_date(sample_dir):
    html = (sample_dir / "cobalt_article.html").read_text(encoding="utf-8")
    for mode in ("auto", "fast", "careful"):
        result = extract_html(html, mode)
        assert result.title == "Congo extends cobalt export ban by three months"
        assert result.published.isoformat() == "2025-06-21"
        assert "extended its suspension of cobalt exports" in result.text, mode
        assert "Most read" not in result.text and "All rights reserved" not in result.text, mode


def test_html_article_has_dateline_and_no_repeated_headline(sample_dir):
    raw = RawDocument.make("cobalt_article.html", (sample_dir / "cobalt_article.html").read_bytes(), "html")
    (article,) = clean_document(raw)
    assert article.dateline == "KINSHASA"
    assert not article.text.startswith("Congo extends cobalt export ban")
    assert article.language == "en"


def test_densest_window_drops_navigation_runs():
    nav = "\n".join(["Home", "Markets", "Sign in", "Subscribe"])
    body = "\n".join(["The ministry said the new quota would cut exports of tin concentrate by a fifth this year."] * 4)
    text, confidence = densest_window(nav + "\n" + body + "\n" + nav)
    assert text.split("\n\n") == [body.split("\n")[0]] * 4
    assert confidence == 1.0


def test_malformed_html_still_cleans():
    raw = RawDocument.make("broken.html", b"<html><body><p>Unclosed <b>tags <div>Copper prices rose 3% on Monday as "
                           b"Chinese demand picked up, traders said, and stocks fell." * 3, "html")
    articles = clean_document(raw)
    assert articles and "Copper prices rose" in articles[0].text

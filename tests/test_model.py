from datetime import date

from hypothesis import given, settings as hsettings, strategies as st

import orewire
from orewire.model import Article, Evidence, RawDocument, content_id, source_stem
from orewire.query import ArticleFilter, list_articles
from orewire.store import Store


def test_ids_are_content_hashes():
    a = RawDocument.make("a.txt", b"same bytes", "text")
    b = RawDocument.make("elsewhere/b.txt", b"same bytes", "text")
    assert a.id == b.id and a.id != RawDocument.make("a.txt", b"other", "text").id
    assert Article.make_id(None, "T", "x") == Article.make_id(None, "T", "x") != Article.make_id(None, "T", "y")
    assert content_id("a", "bc") != content_id("ab", "c")


def test_doc_key():
    assert source_stem("/data/seed.txt") == "seed"
    assert source_stem("/data/feed.jsonl.gz#L3") == "feed"
    art = Article(id="a1", raw_id="r1", source="x.jsonl#L2", title=None, text="t", meta={"doc": "reuters-1"})
    assert art.doc == "reuters-1"


def test_public_api_is_sorted_and_importable():
    assert orewire.__all__ == sorted(orewire.__all__)
    for name in orewire.__all__:
        assert hasattr(orewire, name)


def test_evidence_points_into_the_text():
    text = "Pakistan dispatched its first shipment of antimony to the United States."
    start = text.index("dispatched")
    ev = Evidence(article_id="a", start=start, end=start + 10, quote="dispatched")
    assert text[ev.start:ev.end] == ev.quote


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200)


@hsettings(max_examples=40, deadline=None)
@given(title=st.one_of(st.none(), texts), text=texts,
       published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))))
def test_article_roundtrips_through_the_store(title, text, published):
    raw = RawDocument.make("h.txt", text.encode("utf-8"), "text")
    art = Article(id=Article.make_id(None, title, text), raw_id=raw.id, source="h.txt", title=title, text=text,
                  published=published, meta={"k": 1})
    with Store(":memory:") as store:
        store.write_batch("run", [raw], [art], [])
        (row,) = list_articles(store, ArticleFilter())
    assert (row["id"], row["title"], row["text"], row["published"]) == (art.id, title, text, published)


def test_fingerprint_finds_near_duplicates():
    from orewire.clean.fingerprint import hamming, simhash

    base = ("China on Thursday added rare earth processing technologies and production equipment to its export "
            "control list, the commerce ministry said, adding that exporters will need licences to ship the listed "
            "items. The ministry said the measures were needed to safeguard national security and meet international "
            "non-proliferation obligations, and that licences would be granted for compliant civilian uses. Analysts "
            "said the rules could slow shipments of magnets and separation equipment to manufacturers in Japan, Europe "
            "and the United States, where companies have been trying to build their own supply chains for years. "
            "Prices of neodymium oxide rose in Shanghai after the announcement, traders said, while shares of miners "
            "outside China gained in Sydney and Toronto as investors bet on demand for alternative sources. ")
    copy = base + "Reporting by a staff writer; editing by the desk."
    other = "Wheat futures eased on Monday as forecasts for rain improved the outlook for winter crops. " * 3
    assert simhash(base) == simhash(base)
    assert hamming(simhash(base), simhash(copy)) <= 6
    assert hamming(simhash(base), simhash(other)) > 12

"""Every input format orewire reads, from bundled fixtures."""
import gzip
import json
import shutil

from orewire.ingest import read_targets
from orewire.model import Quarantined, RawDocument
from orewire.runner import ingest


def _docs(targets, settings):
    items = list(read_targets([str(t) for t in targets], settings))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Quarantined)]


def test_jsonl_records_plain_and_gzip(tmp_path, sample_dir, settings):
    src = sample_dir / "wire_stories.jsonl"
    gz = tmp_path / "wire.jsonl.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    plain, bad = _docs([src], settings)
    zipped, bad_gz = _docs([gz], settings)
    assert len(plain) == len(zipped) == 3 and not bad and not bad_gz
    assert [d.id for d in plain] == [d.id for d in zipped]  # same content, same ids
    assert plain[0].source.endswith("wire_stories.jsonl#L1") and plain[0].content_type == "jsonl-record"


def test_single_json_document_and_array(tmp_path, settings):
    (tmp_path / "one.json").write_text(json.dumps({"id": "x1", "title": "T", "text": "Nickel output rose."}))
    (tmp_path / "many.json").write_text(json.dumps([{"id": "a", "text": "Tin."}, {"id": "b", "text": "Zinc."}]))
    docs, bad = _docs([tmp_path / "one.json", tmp_path / "many.json"], settings)
    assert len(docs) == 3 and not bad


def test_feed_items(sample_dir, settings):
    docs, bad = _docs([sample_dir / "minerals_feed.rss"], settings)
    assert len(docs) == 2 and not bad
    item = json.loads(docs[0].body)
    assert item["title"].startswith("Tungsten prices climb") and item["published"] == "2025-02-11"


def test_warc_responses_only(sample_dir, settings):
    docs, bad = _docs([sample_dir / "cc_news_sample.warc.gz"], settings)
    assert len(docs) == 2 and not bad  # the request records are skipped
    assert docs[0].url == "https://example.org/news/lithium-royalty"
    assert docs[0].fetched_at.year == 2025


def test_folder_and_glob(tmp_path, sample_dir, settings):
    folder = tmp_path / "corpus"
    shutil.copytree(sample_dir, folder)
    by_folder, _ = _docs([folder], settings)
    by_glob, _ = _docs([str(folder / "*.jsonl"), str(folder / "*.rss")], settings)
    assert len(by_folder) == 19
    assert len(by_glob) == 15


def test_missing_path_is_quarantined_not_raised(settings):
    docs, bad = _docs(["/nonexistent/file.txt", "/nonexistent/*.html"], settings)
    assert not docs and [q.reason for q in bad] == ["not_found", "not_found"]


def test_every_sample_format_gives_articles(sample_dir, settings, store):
    report = ingest([str(sample_dir)], store, settings)
    assert report.rejected == 0
    by_type = dict(store.con.execute(
        "SELECT r.content_type, count(*) FROM articles a JOIN raw_documents r ON r.id = a.raw_id GROUP BY 1").fetchall())
    assert by_type == {"text": 2, "jsonl-record": 13, "feed-item": 2, "html": 1, "warc-response": 2}


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom sample</title>
  <entry>
    <title>Bolivia opens lithium tender</title>
    <link href="https://example.org/atom/1"/>
    <updated>2025-01-20T10:00:00Z</updated>
    <content type="html">&lt;p&gt;LA PAZ - Bolivia opened a tender for lithium extraction projects on Monday, the state company said.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_atom_feed(tmp_path, settings, store):
    (tmp_path / "feed.atom").write_text(ATOM)
    report = ingest([str(tmp_path / "feed.atom")], store, settings)
    assert report.articles == 1
    row = store.con.execute("SELECT title, published, dateline, url FROM articles").fetchone()
    assert row[0] == "Bolivia opens lithium tender" and row[1].isoformat() == "2025-01-20"
    assert row[2] == "LA PAZ" and row[3] == "https://example.org/atom/1"


def test_gzipped_html_and_text_pages(tmp_path, sample_dir, settings, store):
    for name in ("cobalt_article.html", "islamabad_page.txt"):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((sample_dir / name).read_bytes()))
    report = ingest([str(tmp_path)], store, settings)
    assert report.articles == 3 and report.rejected == 0
    docs = {r[0] for r in store.con.execute("SELECT doc FROM articles").fetchall()}
    assert docs == {"cobalt_article", "islamabad_page"}

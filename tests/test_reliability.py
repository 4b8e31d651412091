"""Reliability: one bad document never costs the rest of its batch, and every string reaches the store as UTF-8."""
from __future__ import annotations

import json

from orewire.errors import StoreError
from orewire.runner import ingest
from orewire.store import Store
from orewire.store.duckdb import safe_text


def _stories(path, n, bad_at=None, bad_id="i\udc80"):
    lines = []
    for i in range(n):
        rid = bad_id if i == bad_at else f"doc-{i}"
        lines.append(json.dumps({"id": rid, "url": f"https://example.com/{i}", "title": f"Story {i}",
                                 "text": f"Story number {i} about the weather in the plains today."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(store, table):
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_lone_surrogates_become_visible_escapes():
    assert safe_text("i\udc80") == "i\\x80"
    assert safe_text("a\ud800b") == "a\\ud800b"
    assert safe_text("plain é") == "plain é"
    assert safe_text(7) == 7


def test_a_record_with_a_lone_surrogate_loses_nothing(tmp_path, settings, store):
    """Before: one such record at line 301 of 1,001 left 255 stored and stopped the run."""
    path = _stories(tmp_path / "a.jsonl", 1001, bad_at=300)
    report = ingest([str(path)], store, settings.with_(batch_size=256), extract=False)
    assert report.articles == 1001 and _count(store, "articles") == 1001
    docs = {r[0] for r in store.con.execute("SELECT doc FROM articles").fetchall()}
    assert "i\\x80" in docs


def test_a_surrogate_in_a_url_or_meta_is_stored_too(tmp_path, settings, store):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "url": "https://e.com/\udc80", "title": "T\ud800", "text": "Some text here."}) + "\n")
    assert ingest([str(path)], store, settings, extract=False).articles == 1


def test_a_document_the_database_refuses_is_quarantined_and_its_batch_kept(tmp_path, settings, store, monkeypatch):
    real = Store.write_batch

    def refuse_doc_7(self, run_id, raws, articles, quarantined, extractions=()):
        if any('"doc-7"' in json.dumps(r.meta) or r.source.endswith("#L8") for r in raws):
            raise StoreError("simulated refusal", self.path)
        return real(self, run_id, raws, articles, quarantined, extractions)

    monkeypatch.setattr(Store, "write_batch", refuse_doc_7)
    path = _stories(tmp_path / "c.jsonl", 20)
    report = ingest([str(path)], store, settings.with_(batch_size=8), extract=False)
    assert report.articles == 19 and _count(store, "articles") == 19
    rows = store.con.execute("SELECT reason, source FROM quarantine").fetchall()
    assert [r[0] for r in rows] == ["store_rejected"] and rows[0][1].endswith("#L8")
    assert report.exit_code != 0

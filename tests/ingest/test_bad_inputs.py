"""Each kind of bad input: one clear line naming the file and reason, a quarantine row, the rest stored."""
import gzip

import pytest
from click.testing import CliRunner

from orewire.cli import main

GOOD_TEXT = "Zinc smelter restarts\n\nLIMA - A zinc smelter restarted on Monday after a two-week strike, the company said.\n"


def _truncated_warc(sample_dir) -> bytes:
    data = gzip.decompress((sample_dir / "cc_news_sample.warc.gz").read_bytes())  # the whole stream, uncompressed
    return data[: len(data) - 400]


def make_bad_inputs(folder, sample_dir):
    """name -> expected quarantine reason."""
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.html").write_bytes(b"")
    lines = "".join(f'{{"id": "t{i}", "text": "Market note {i * 7919 % 10007} for week {i}: trading was quiet."}}\n' for i in range(3000))
    packed = gzip.compress(lines.encode())
    (folder / "truncated.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    (folder / "truncated.warc").write_bytes(_truncated_warc(sample_dir))
    with open(folder / "huge.txt", "wb") as fh:  # 200 MB, sparse: no disk is used
        fh.truncate(200 * 1024 * 1024)
    (folder / "broken.rss").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Bad</title><<<>>>&&&</channel>')
    (folder / "broken.jsonl").write_bytes(b'{"id": "ok1", "text": "Copper output rose in March."}\n{"id": "bad", "text": \n')
    return {
        "image.txt": "binary", "empty.html": "empty", "truncated.jsonl.gz": "truncated_gzip",
        "truncated.warc": "truncated_warc", "huge.txt": "too_large", "broken.rss": "malformed_feed",
        "broken.jsonl": "malformed_json",
    }


@pytest.fixture
def bad_folder(tmp_path, sample_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = make_bad_inputs(folder, sample_dir)
    (folder / "good.txt").write_text(GOOD_TEXT)
    (folder / "latin.txt").write_bytes("Nickel prices \u2013 caf\u00e9 talk\n\nPARIS - Nickel rose, traders said \u201cstrongly\u201d.\n".encode("cp1252"))
    (folder / "wide.txt").write_bytes("Cobalt news\n\nKINSHASA - Cobalt exports resumed on Monday, officials said.\n".encode("utf-16"))
    (folder / "malformed.html").write_bytes(b"<html><body><div><p>Lithium prices fell 4% on Tuesday as new supply from "
                                           b"Australia reached the market, traders said.<div><p>Unclosed" * 3)
    return folder, expected


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_bad_inputs_are_quarantined_and_the_rest_stored(tmp_path, bad_folder):
    folder, expected = bad_folder
    db = str(tmp_path / "q.duckdb")
    result = _run("ingest", str(folder), "--db", db, "--quiet")
    assert result.exit_code == 1, result.output
    rows = _run("quarantine", "--db", db, "--format", "json").stdout
    import json
    records = json.loads(rows)
    rejected = {r["source"].split("/")[-1].split("#")[0]: r["reason"] for r in records if r["action"] == "rejected"}
    for name, reason in expected.items():
        assert rejected.get(name) == reason, (name, rejected)
        assert name in result.output  # one clear line naming the file
    recovered = {r["source"].split("/")[-1]: r["reason"] for r in records if r["action"] == "recovered"}
    assert recovered == {"latin.txt": "encoding", "wide.txt": "encoding"}
    titles = {a["title"] for a in json.loads(_run("articles", "--db", db, "--format", "json").stdout)}
    assert {"Zinc smelter restarts", "Nickel prices – café talk", "Cobalt news"} <= titles
    texts = " ".join(a["text"] for a in json.loads(_run("articles", "--db", db, "--format", "json").stdout))
    assert "Lithium prices fell" in texts and "Copper output rose in March" in texts and "“strongly”" in texts


def test_records_before_a_truncation_are_kept(tmp_path, bad_folder):
    folder, _ = bad_folder
    db = str(tmp_path / "t.duckdb")
    _run("ingest", str(folder / "truncated.jsonl.gz"), str(folder / "truncated.warc"), "--db", db, "--quiet")
    import duckdb
    con = duckdb.connect(db, read_only=True)
    n_jsonl = con.execute("SELECT count(*) FROM raw_documents WHERE source LIKE '%truncated.jsonl.gz%'").fetchone()[0]
    n_warc = con.execute("SELECT count(*) FROM articles WHERE source LIKE '%truncated.warc%'").fetchone()[0]
    # what was decoded before the cut is kept; the WARC keeps its intact first response
    assert 1000 < n_jsonl < 3000 and n_warc == 1


def test_clean_input_exits_zero(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    result = _run("ingest", str(tmp_path / "good.txt"), "--db", str(tmp_path / "g.duckdb"), "--quiet")
    assert result.exit_code == 0
    assert "read 1, new 1, duplicate 0, articles 1, " in result.output and "quarantined 0 (recovered 0, skipped 0)" in result.output

"""URLs over HTTP against a local server (loopback only): pages, errors, timeouts, the size cap."""
import http.server
import threading
import time

import pytest
from click.testing import CliRunner

from orewire.cli import main
from orewire.config import Settings
from orewire.errors import InputRejected
from orewire.ingest.http import fetch_url

PAGE = (b"<html><head><title>Tin smelter restarts - Example</title></head><body><nav>Home</nav><article>"
        + b"<p>LIMA: A tin smelter restarted on Monday after a two-week strike, the operator said, and output would recover soon.</p>" * 6
        + b"</article></body></html>")


FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Nickel rises</title>'
        b"<link>https://example.org/n</link><description>&lt;p&gt;JAKARTA - Nickel ore prices rose on Monday after the quota cut, "
        b"traders said.&lt;/p&gt;</description></item></channel></rss>")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/feed.rss":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(FEED)
            return
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/missing":
            self.send_error(404)
            return
        body = PAGE * (200 if self.path == "/big" else 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("X-Seen-UA", self.headers.get("User-Agent", ""))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = {"allow_private_urls": True}  # the test server is on 127.0.0.1, which fetches refuse unless allowed


def test_fetch_page_is_stamped_with_retrieval_time(server):
    doc = fetch_url(f"{server}/page", Settings(**LOCAL))
    assert doc.content_type == "html" and doc.body == PAGE and doc.fetched_at is not None


def test_http_error_timeout_and_size_cap(server):
    with pytest.raises(InputRejected) as err:
        fetch_url(f"{server}/missing", Settings(**LOCAL))
    assert err.value.reason == "http_error" and "404" in err.value.detail
    with pytest.raises(InputRejected) as err:
        fetch_url(f"{server}/slow", Settings(http_timeout=0.5, **LOCAL))
    assert err.value.reason == "timeout"
    with pytest.raises(InputRejected) as err:
        fetch_url(f"{server}/big", Settings(http_max_bytes=10_000, **LOCAL))
    assert err.value.reason == "too_large"


def test_user_agent_is_sent():
    import httpx

    seen = {}

    def handler(request):
        seen["ua"] = request.headers["user-agent"]
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    fetch_url("https://example.org/x", Settings(user_agent="orewire-test/1"), transport=httpx.MockTransport(handler))
    assert seen["ua"] == "orewire-test/1"


def test_ingest_urls_end_to_end(server, tmp_path):
    db = str(tmp_path / "h.duckdb")
    result = CliRunner().invoke(main, ["ingest", f"{server}/page", f"{server}/missing", "--db", db, "--quiet", "--allow-private-urls"])
    assert result.exit_code == 1
    assert "articles 1" in result.output and f"{server}/missing" in result.output


def test_fetched_feed_is_read_item_by_item(server, tmp_path):
    db = str(tmp_path / "feed.duckdb")
    result = CliRunner().invoke(main, ["ingest", f"{server}/feed.rss", "--db", db, "--quiet", "--allow-private-urls"])
    assert result.exit_code == 0, result.output
    import duckdb

    (source, title), = duckdb.connect(db, read_only=True).execute("SELECT source, title FROM articles").fetchall()
    assert source == f"{server}/feed.rss#item0" and title == "Nickel rises"


def test_a_gzip_bomb_is_refused_at_the_cap_not_expanded():
    """Before: a 2 MB gzip of 2 GiB took 4.3 GB of memory."""
    import gzip as gz
    import tracemalloc

    import httpx

    bomb = gz.compress(b"<html><body><p>" + b"a" * (64 * 2**20) + b"</p></body></html>", 9)

    def handler(request):
        return httpx.Response(200, content=bomb, headers={"Content-Type": "application/octet-stream"})

    tracemalloc.start()
    with pytest.raises(InputRejected) as info:
        fetch_url("https://example.org/page.html.gz", Settings(max_document_bytes=2**20), transport=httpx.MockTransport(handler))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert info.value.reason == "too_large" and peak < 16 * 2**20


def test_a_gzipped_page_without_content_encoding_is_stored_as_text():
    """Before: stored as its compressed bytes decoded as cp1252 ('recovered', exit 0)."""
    import gzip as gz

    import httpx

    def handler(request):
        return httpx.Response(200, content=gz.compress(PAGE), headers={"Content-Type": "application/octet-stream"})

    doc = fetch_url("https://example.org/story.html.gz", Settings(), transport=httpx.MockTransport(handler))
    assert doc.body == PAGE and doc.content_type == "html"


def test_a_truncated_gzip_page_is_rejected_with_its_reason():
    import gzip as gz

    import httpx

    def handler(request):
        return httpx.Response(200, content=gz.compress(PAGE)[:-30], headers={"Content-Type": "text/html"})

    with pytest.raises(InputRejected) as info:
        fetch_url("https://example.org/story.html.gz", Settings(), transport=httpx.MockTransport(handler))
    assert info.value.reason == "truncated_gzip"


def test_a_server_dripping_bytes_is_cut_off_at_the_whole_fetch_deadline():
    """Before: one byte every 5 s held a run 150 s with the database locked (the timeout is per read)."""
    import httpx

    def drip():
        for _ in range(40):
            time.sleep(0.1)
            yield b"x"

    def handler(request):
        return httpx.Response(200, content=drip(), headers={"Content-Type": "text/html"})

    started = time.monotonic()
    with pytest.raises(InputRejected) as info:
        fetch_url("https://example.org/slow", Settings(http_deadline=1.0), transport=httpx.MockTransport(handler))
    assert info.value.reason == "timeout" and time.monotonic() - started < 2.5


def test_private_and_loopback_addresses_are_refused_unless_allowed(server, tmp_path):
    """SSRF protection: an ingest inside a server must not fetch that server's own network."""
    with pytest.raises(InputRejected) as err:
        fetch_url(f"{server}/page", Settings())
    assert err.value.reason == "private_address"
    for url in ("http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x"):
        with pytest.raises(InputRejected) as err:
            fetch_url(url, Settings())
        assert err.value.reason == "private_address"
    db = str(tmp_path / "p.duckdb")
    refused = CliRunner().invoke(main, ["ingest", f"{server}/page", "--db", db, "--quiet"])
    assert refused.exit_code == 1 and "private_address" in refused.output


def test_a_redirect_to_a_private_address_is_refused_and_redirects_are_capped():
    import httpx

    def to_metadata(request):
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest"})

    with pytest.raises(InputRejected) as err:
        fetch_url("https://example.org/r", Settings(), transport=httpx.MockTransport(to_metadata))
    assert err.value.reason == "private_address"

    def loop(request):
        return httpx.Response(302, headers={"Location": str(request.url) + "x"})

    with pytest.raises(InputRejected) as err:
        fetch_url("https://example.org/r", Settings(max_redirects=3), transport=httpx.MockTransport(loop))
    assert err.value.reason == "redirects"


def test_file_and_other_schemes_are_refused(tmp_path, settings, store):
    from orewire.runner import ingest

    report = ingest(["file:///etc/passwd", "ftp://example.org/x"], store, settings, extract=False)
    assert report.rejected == 2 and report.articles == 0

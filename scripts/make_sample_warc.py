"""Build the sample CC-NEWS-style WARC (deterministic: fixed dates and record ids).

    python scripts/make_sample_warc.py src/orewire/data/sample/cc_news_sample.warc.gz

Needs warcio (a dev dependency); orewire itself reads WARC with fastwarc.
"""
from __future__ import annotations

import io
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = [
    ("https://example.org/news/lithium-royalty", "2025-03-04T10:00:00Z", "Chile raises lithium royalty for new contracts",
     ["SANTIAGO - Chile's government said on Tuesday it would raise royalties on lithium sold under new contracts with the state, "
      "as part of its national lithium strategy.",
      "The mining ministry said existing contracts would not be affected and that talks with producers would continue this year.",
      "Chile holds the world's largest lithium reserves and is the second-largest producer after Australia."]),
    ("https://example.org/news/nickel-output", "2025-03-05T12:30:00Z", "Indonesia nickel ore output quota cut for 2025",
     ["JAKARTA - Indonesia cut its approved nickel ore mining quota for 2025, the energy and mineral resources ministry said on Wednesday, "
      "a move traders said could tighten supply to smelters.",
      "The ministry said the cut was meant to support prices and extend the life of the country's reserves.",
      "Indonesia is the world's largest producer of mined nickel."]),
]


def page_html(title: str, when: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title} - Example Wire</title>"
            f"<meta property='og:title' content='{title}'><meta property='article:published_time' content='{when}'></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Example Wire. All rights reserved.</footer></body></html>").encode()


def main(out: str) -> None:
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (url, when, title, paragraphs) in enumerate(PAGES):
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                            warc_headers_dict={"WARC-Date": when, "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000010{i}>"})
            writer.write_record(req)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            resp = writer.create_warc_record(url, "response", payload=io.BytesIO(page_html(title, when, paragraphs)), http_headers=http,
                                             warc_headers_dict={"WARC-Date": when, "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{i}>"})
            writer.write_record(resp)


if __name__ == "__main__":
    main(sys.argv[1])

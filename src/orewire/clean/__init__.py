"""Clean: RawDocument in, Article(s) out (text, title, date, dateline, language, fingerprint).

One raw document may give several articles (a page dump that holds two stories)
or none (a page with no article text), in which case the step drops it with a reason.
"""
from __future__ import annotations

import json
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from ..model import Article, Quarantined, RawDocument
from ..pipeline import Drop, MapStep
from ..ingest.jsonl import TEXT_FIELDS
from ..ingest.sniff import decode_text
from .dates import parse_any
from .fingerprint import simhash
from .html import TooDeep, extract_html, simple_text
from .lang import detect_language
from .pubdate import publication_date
from .text import find_dateline, reflow, split_page

__all__ = ["CleanStep", "clean_document"]

PARSE_TIMEOUT_S = 30
_LOOKS_HTML = re.compile(r"^\s*<|<(p|div|br|span)[\s/>]", re.I)


class CleanStep(MapStep):
    """Turn raw documents into articles; drop with a reason when there is no article text."""

    name = "clean.v1"

    def __init__(self, html_extractor: str = "auto") -> None:
        super().__init__()
        self.html_extractor = html_extractor

    def process(self, item: RawDocument) -> list[Article | Quarantined] | Drop:
        try:
            with time_limit(PARSE_TIMEOUT_S):
                articles = clean_document(item, self.html_extractor)
        except TimeoutError:
            return Drop(item, "timeout", f"{item.source}: cleaning took over {PARSE_TIMEOUT_S} s and was stopped.")
        except TooDeep as exc:
            return Drop(item, "too_deep", f"{item.source}: {exc}.")
        except Exception as exc:  # a parser bug on one page must not stop the batch
            return Drop(item, "parse_error", f"{item.source}: could not be parsed ({exc.__class__.__name__}: {exc}).")
        if not articles:
            return Drop(item, "no_text", f"{item.source}: no article text found ({item.content_type}).")
        return articles


def clean_document(raw: RawDocument, html_extractor: str = "auto") -> list[Article | Quarantined]:
    """Articles of one raw document, by its content type, plus notes on repairs made."""
    if raw.content_type == "jsonl-record":
        return list(_from_record(raw, html_extractor))
    if raw.content_type == "feed-item":
        return list(_from_feed_item(raw))
    text, encoding, repaired = decode_text(raw.body)
    notes: list[Article | Quarantined] = []
    if repaired or encoding.startswith("utf-16"):
        notes.append(Quarantined(raw.source, "encoding",
                                 f"{raw.source}: not UTF-8; decoded as {encoding}. Check the text if characters look wrong.",
                                 action="recovered"))
    if raw.content_type in ("html", "warc-response"):
        articles: list[Article] = _from_html(raw, text, html_extractor)
    else:
        articles = list(_from_page_dump(raw, text))
    return [*articles, *notes] if articles else []


def _from_page_dump(raw: RawDocument, text: str) -> Iterator[Article]:
    for position, found in enumerate(split_page(text)):
        day = publication_date(found.text, stamps=found.stamps, fetched_at=raw.fetched_at)
        yield build_article(raw, found.text, title=found.title, published=day.day,
                            dateline=find_dateline(found.paragraphs), position=position,
                            meta={"boilerplate_lines_removed": found.dropped, **day.as_meta()})


def _from_html(raw: RawDocument, html: str, mode: str) -> list[Article]:
    result = extract_html(html, mode)
    paragraphs = [ln.strip() for ln in result.text.split("\n") if ln.strip()]
    if paragraphs and result.title and _same_words(paragraphs[0], result.title):
        paragraphs.pop(0)
    if not paragraphs:
        return []
    body = "\n\n".join(paragraphs)
    day = publication_date(body, metadata=result.published, page=html, fetched_at=raw.fetched_at)
    return [build_article(raw, body, title=result.title, published=day.day,
                          dateline=find_dateline(paragraphs), meta={"extractor": result.extractor, **day.as_meta()})]


def _from_record(raw: RawDocument, mode: str) -> list[Article]:
    record = json.loads(raw.body)
    text = next(record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip())
    if _LOOKS_HTML.search(text[:2000]):
        text = extract_html(text, mode).text or simple_text(text)
    body = reflow(text)
    doc = str(record["id"]) if record.get("id") not in (None, "") else None
    day = publication_date(body, metadata=parse_any(record.get("published") or record.get("date")), fetched_at=raw.fetched_at)
    return [build_article(raw, body, title=_clean_title(record.get("title")), published=day.day,
                          dateline=record.get("dateline") or find_dateline(body.split("\n\n")), url=raw.url,
                          meta={**({"doc": doc} if doc else {}), **day.as_meta()})]


def _from_feed_item(raw: RawDocument) -> list[Article]:
    item = json.loads(raw.body)
    body = simple_text(item.get("html") or "")
    if not body.strip():
        return []
    day = publication_date(body, metadata=parse_any(item.get("published")), fetched_at=raw.fetched_at)
    return [build_article(raw, body, title=_clean_title(item.get("title")), published=day.day,
                          dateline=find_dateline(body.split("\n\n")), url=item.get("link"), meta=day.as_meta())]


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _clean_title(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    return title or None


def build_article(raw: RawDocument, text: str, *, title: str | None, published: date | None = None,
                  dateline: str | None = None, url: str | None = None, position: int = 0,
                  meta: dict[str, Any] | None = None) -> Article:
    """An Article with its content id, language and fingerprint filled in."""
    url = url or raw.url
    return Article(
        id=Article.make_id(url, title, text), raw_id=raw.id, source=raw.source, title=title, text=text,
        published=published, dateline=dateline, language=detect_language(text), url=url,
        fingerprint=simhash(text), position=position, meta=dict(meta or {}),
    )


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds`` (main thread on Unix; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


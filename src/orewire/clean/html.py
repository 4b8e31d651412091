"""Main text and metadata from HTML pages.

Two extractors and a chooser:

* ``fast``: resiliparse (the Lexbor parser in C) renders the main-content text, then
  the densest run of paragraph-like lines is kept (a maximum-sum window over
  per-line scores). About an order of magnitude faster than trafilatura.
* ``careful``: trafilatura, tuned (no comment or table extraction, no fallback
  comparison), which is slower but robust on unusual layouts.
* ``auto`` (default): the fast pass, falling back to the careful one when the fast
  pass is unsure: its window leaves out much paragraph-like text, or it is short.

``bench/html_extraction.py`` measures all three against trafilatura and resiliparse.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import require
from .dates import parse_any

_SENTENCE_END = re.compile(r"[.!?\"”’)\]:]\s*$")
AUTO_MIN_CONFIDENCE = 0.96
AUTO_MIN_WORDS = 130


@dataclass(frozen=True, slots=True)
class HtmlResult:
    """What the HTML cleaner found: body text, title, date and which extractor won."""

    text: str
    title: str | None
    published: date | None
    extractor: str


def extract_html(html: str, mode: str = "auto") -> HtmlResult:
    """Extract the article body and metadata from one HTML page."""
    tree = _parse(html)
    title, published = page_metadata(tree)
    if mode == "careful":
        return HtmlResult(careful_text(html), title, published, "careful")
    text, confidence = fast_text(tree)
    if mode == "fast" or (confidence >= AUTO_MIN_CONFIDENCE and len(text.split()) >= AUTO_MIN_WORDS):
        return HtmlResult(text, title, published, "fast")
    careful = careful_text(html)
    return HtmlResult(careful or text, title, published, "careful" if careful else "fast")


def _parse(html: str) -> Any:
    parse = require("resiliparse.parse.html", "html", "Cleaning HTML pages")
    return parse.HTMLTree.parse(html)


def fast_text(tree: Any) -> tuple[str, float]:
    """resiliparse main-content text narrowed to its densest paragraph run, and a confidence in [0, 1]."""
    html2text = require("resiliparse.extract.html2text", "html", "Cleaning HTML pages")
    rendered = html2text.extract_plain_text(tree, main_content=True, alt_texts=False, links=False)
    return densest_window(rendered)


def densest_window(rendered: str) -> tuple[str, float]:
    """Keep the maximum-sum run of lines, where long sentence-like lines score positive.

    The confidence is the share of all positive line weight that the run keeps: a
    page whose paragraph-like text is scattered (comments, teasers) scores low.
    """
    lines = [ln.strip() for ln in rendered.split("\n") if ln.strip()]
    scores = [_line_score(ln) for ln in lines]
    best = current = 0.0
    best_span = (0, 0)
    start = 0
    for i, s in enumerate(scores):
        if current <= 0:
            current, start = 0.0, i
        current += s
        if current > best:
            best, best_span = current, (start, i + 1)
    total = sum(s for s in scores if s > 0)
    return "\n\n".join(lines[best_span[0]:best_span[1]]), (best / total if total else 0.0)


def _line_score(line: str) -> float:
    words = len(line.split())
    if words >= 12 and _SENTENCE_END.search(line):
        return float(words)
    if words >= 25:
        return words * 0.5
    return -max(2, words) * 0.6


def careful_text(html: str) -> str:
    """trafilatura's body text (empty when it finds none)."""
    trafilatura = require("trafilatura", "html", "Cleaning HTML pages")
    text = trafilatura.extract(html, fast=True, include_comments=False, include_tables=False)
    return text or ""


def simple_text(html: str) -> str:
    """All visible text of an HTML fragment (feed item content), paragraphs kept apart."""
    html2text = require("resiliparse.extract.html2text", "html", "Cleaning HTML pages")
    rendered = html2text.extract_plain_text(_parse(html), main_content=False, alt_texts=False, links=False)
    return "\n\n".join(ln.strip() for ln in rendered.split("\n") if ln.strip())


_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:»]\s+[^|\-–—:»]{2,40}$")
_DATE_META = (
    "article:published_time", "og:published_time", "datePublished", "publishdate", "pubdate",
    "publish-date", "dc.date", "dc.date.issued", "date", "sailthru.date", "parsely-pub-date",
)


def page_metadata(tree: Any) -> tuple[str | None, date | None]:
    """Title (og:title, else <title> without the site suffix, else h1) and publication date."""
    metas: dict[str, str] = {}
    for el in tree.document.query_selector_all("meta"):
        key = (el.getattr("property") or el.getattr("name") or el.getattr("itemprop") or "").strip().lower()
        if key and key not in metas:
            metas[key] = el.getattr("content") or ""
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title and tree.title:
        title = _TITLE_SUFFIX.sub("", tree.title.strip())
    if not title:
        h1 = tree.document.query_selector("h1")
        title = h1.text.strip() if h1 is not None else None
    return (title.strip() or None) if title else None, _published(tree, metas)


def _published(tree: Any, metas: dict[str, str]) -> date | None:
    for key in _DATE_META:
        found = parse_any(metas.get(key.lower()))
        if found:
            return found
    for script in tree.document.query_selector_all('script[type="application/ld+json"]'):
        found = _jsonld_date(script.text)
        if found:
            return found
    time_el = tree.document.query_selector("time[datetime]")
    return parse_any(time_el.getattr("datetime")) if time_el is not None else None


def _jsonld_date(raw: str) -> date | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "datePublished" in item:
                found = parse_any(item["datePublished"])
                if found:
                    return found
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None

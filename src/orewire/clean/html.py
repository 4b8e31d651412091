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
import logging
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


MAX_DEPTH = 5000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
_NOT_NESTING = frozenset("area base br col embed hr img input link meta param source track wbr p li td th tr option dt dd".split())


class TooDeep(ValueError):
    """Elements nested so deep that parsing would take minutes (the cost grows with the square of the depth)."""


def nesting_depth(html: str) -> int:
    """The deepest nesting of container elements, read from the tags alone (no parse); implied-close
    elements (p, li, td ...) and void ones do not count, so sloppy but ordinary pages stay shallow."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def extract_html(html: str, mode: str = "auto") -> HtmlResult:
    """Extract the article body and metadata from one HTML page."""
    depth = nesting_depth(html)
    if depth > MAX_DEPTH:
        raise TooDeep(f"elements nested {depth:,} deep (over {MAX_DEPTH:,}); a page that deep is not an article, and "
                      "parsing it would take minutes")
    tree = _parse(html)
    title, published = page_metadata(tree, html)
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

    A run of ``BARRIER_LINES`` or more non-paragraph lines (menus, teasers, bylines) ends a
    window, so a cookie notice above the headline block is not glued to the body.
    The confidence is the share of all positive line weight that the run keeps: a
    page whose paragraph-like text is scattered (comments, teasers) scores low.
    """
    lines = [ln.strip() for ln in rendered.split("\n") if ln.strip()]
    scores = [_line_score(ln) for ln in lines]
    best = current = 0.0
    best_span = (0, 0)
    start = 0
    negatives = 0
    for i, s in enumerate(scores):
        negatives = negatives + 1 if s < 0 else 0
        if current <= 0 or negatives >= BARRIER_LINES:
            current, start = 0.0, i
        current += s
        if current > best:
            best, best_span = current, (start, i + 1)
    total = sum(s for s in scores if s > 0)
    return "\n\n".join(lines[best_span[0]:best_span[1]]), (best / total if total else 0.0)


BARRIER_LINES = 6
_CONSENT = re.compile(r"\b(cookies?|consent|privacy policy|subscribe|newsletter|sign up|all rights reserved)\b", re.I)


def _line_score(line: str) -> float:
    words = len(line.split())
    if _CONSENT.search(line) and words < 80:
        return -float(words)
    if words >= 12 and _SENTENCE_END.search(line):
        return float(words)
    if words >= 25:
        return words * 0.5
    if words >= 6 and _SENTENCE_END.search(line):
        return words * 0.3
    return -max(2, words) * 0.6


def careful_text(html: str) -> str:
    """trafilatura's body text (empty when it finds none)."""
    trafilatura = require("trafilatura", "html", "Cleaning HTML pages")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "empty HTML tree": an empty result, which we report ourselves
    text = trafilatura.extract(html, fast=True, include_comments=False, include_tables=False)
    return text or ""


def simple_text(html: str) -> str:
    """All visible text of an HTML fragment (feed item content), paragraphs kept apart."""
    html2text = require("resiliparse.extract.html2text", "html", "Cleaning HTML pages")
    rendered = html2text.extract_plain_text(_parse(html), main_content=False, alt_texts=False, links=False)
    return "\n\n".join(ln.strip() for ln in rendered.split("\n") if ln.strip())


_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:»]\s+[^|\-–—:»]{2,40}$")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
    "publish-date", "dc.date", "dc.date.issued", "date", "sailthru.date", "parsely-pub-date",
)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)", re.I)


def page_metadata(tree: Any, html: str) -> tuple[str | None, date | None]:
    """Title (og:title, else <title> without the site suffix, else h1) and publication date.

    Meta tags, JSON-LD and <time> are read with regular expressions over the raw HTML:
    walking the parsed tree for them cost more than extracting the body.
    """
    metas = _meta_tags(html)
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title and tree.title:
        title = _TITLE_SUFFIX.sub("", tree.title.strip())
    if not title:
        h1 = tree.document.query_selector("h1")
        title = h1.text.strip() if h1 is not None else None
    title = " ".join(title.split()) if title else None
    return title or None, _published(html, metas)


def _meta_tags(html: str) -> dict[str, str]:
    from html import unescape

    metas: dict[str, str] = {}
    for tag in _META_TAG.findall(html):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        if key and key not in metas and "content" in attrs:
            metas[key] = unescape(attrs["content"])
    return metas


def _published(html: str, metas: dict[str, str]) -> date | None:
    for key in _DATE_META:
        found = _plausible(parse_any(metas.get(key)))
        if found:
            return found
    for raw in _JSONLD.findall(html):
        found = _plausible(_jsonld_date(raw))
        if found:
            return found
    m = _TIME_TAG.search(html)
    return _plausible(parse_any(m.group(1))) if m else None


def _plausible(found: date | None) -> date | None:
    """Drop placeholder dates CMSs emit (0001-01-01, 1970-01-01)."""
    return found if found and found.year >= 1980 else None


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
                found = _plausible(parse_any(item["datePublished"]))
                if found:
                    return found
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None

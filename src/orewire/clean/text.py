"""Plain-text page dumps: drop scraper boilerplate and split pages that hold several articles.

A scraped page repeats each headline (menu, hero, article header), interleaves
"Short Url", "Follow", "Updated ..." and photo captions, then prints the body.
A headline is a short line that the page repeats close by; each one opens an
article. Boilerplate lines are dropped (stamps are kept aside to date the article).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field


BOILERPLATE = re.compile(
    r"^(short\s*url|follow|following|share|share this( article| story)?|tweet|print|email|e-mail|comments?|"
    r"advertisement|sponsored|ad|read more|read next|related( stories| articles| news| topics)?|most (popular|read)|"
    r"trending( now)?|listen( to this article)?|save|bookmark|whatsapp|facebook|twitter|linkedin|telegram|x|"
    r"copy link|subscribe( now)?|sign up|sign in|log ?in|menu|home|close|skip to (main )?content|"
    r"(font size|text size).*|(copyright|©).*|all rights reserved.*|click here.*|back to top)$",
    re.I,
)
STAMP = re.compile(r"^(updated|published|posted|last updated|first published|modified)\b\s*(on|at)?\s*:?\s*(.*)$", re.I)
CAPTION_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&'-]*(?:\s*/\s*[^()]{0,40})?|(?:photo|file|image|picture|credit)[^()]{0,60}|getty images[^()]*)\)\s*$"
)
CAPTION_PREFIX = re.compile(r"^(photo|image|picture|file photo|credit|caption)\s*[:/-]", re.I)
BULLET = re.compile(r"^\s*[•·▪●◦‣∙*-]\s+")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])(?:\s*,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?:\((?:[^()]{1,30})\))?\s*(?::|—|–|--|-)\s+"
)
SENTENCE_END = re.compile(r"[.!]\s*[\"”’']?\s*$")


@dataclass
class PageArticle:
    """An article found on a page: its title, paragraphs and the date stamps of its header."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    dropped: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def is_boilerplate(line: str) -> bool:
    """True for a stripped line that is page furniture, not article text."""
    if BOILERPLATE.match(line) or STAMP.match(line) and len(line) < 80:
        return True
    if len(line) < 400 and CAPTION_CREDIT.search(line) and not line.endswith(")."):
        return True
    return bool(CAPTION_PREFIX.match(line)) and len(line) < 300


def split_page(raw: str) -> list[PageArticle]:
    """Split a page dump into its articles, boilerplate removed, in page order."""
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    headline_at = _headline_lines(lines)
    articles: list[PageArticle] = []
    current: PageArticle | None = None
    pending: list[str] = []

    def flush() -> None:
        if current is not None and pending:
            current.paragraphs.append(" ".join(pending))
        pending.clear()

    for i, line in enumerate(lines):
        if not line:
            flush()
            continue
        if i in headline_at:
            flush()
            if current is None or line != current.title:
                current = PageArticle(title=line)
                articles.append(current)
            continue
        if current is None:
            current = PageArticle(title=None)
            articles.append(current)
        if is_boilerplate(line):
            if STAMP.match(line) and not current.paragraphs:
                current.stamps.append(line)
            current.dropped += 1
            continue
        if BULLET.match(line):
            flush()
            current.paragraphs.append(BULLET.sub("", line))
            continue
        pending.append(line)
    flush()
    found = [a for a in articles if a.paragraphs]
    if len(found) == 1 and found[0].title is None:
        _title_from_first_line(found[0])
    return found


def _headline_lines(lines: list[str], window: int = 15) -> set[int]:
    """Indexes of lines that look like headlines: short, not a sentence, repeated close by."""
    counts = Counter(ln for ln in lines if ln)
    positions: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln and counts[ln] >= 2:
            positions.setdefault(ln, []).append(i)
    out: set[int] = set()
    for ln, pos in positions.items():
        if not (12 <= len(ln) <= 300) or SENTENCE_END.search(ln) or is_boilerplate(ln) or BULLET.match(ln):
            continue
        if any(b - a <= window for a, b in zip(pos, pos[1:])):
            out.update(pos)
    return out


def _title_from_first_line(article: PageArticle) -> None:
    """A lone article whose first paragraph is a short non-sentence takes it as its title."""
    first = article.paragraphs[0]
    if len(article.paragraphs) > 1 and len(first) <= 200 and not SENTENCE_END.search(first):
        article.title = first
        article.paragraphs.pop(0)


def find_dateline(paragraphs: list[str]) -> str | None:
    """The place that opens the body ("ISLAMABAD:", "LONDON (Reuters) -"), else None."""
    for para in paragraphs[:4]:
        m = DATELINE.match(para)
        if m:
            place = m.group("place").strip()
            if len(place) >= 3 and not place.isdigit():
                return place
    return None


_WIRE_SIGNATURE = re.compile(r"\n\s*REUTERS?\s*$", re.I)
_HARD_WRAP_INDENT = re.compile(r"\n[ \t]{2,}")


def reflow(text: str) -> str:
    """Join hard-wrapped lines (wire copy wraps at ~70 columns) into paragraphs.

    Paragraph breaks are blank lines or indented line starts; other newlines become spaces.
    """
    text = _WIRE_SIGNATURE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    if len(lines) < 4 or sum(len(ln) for ln in lines) / len(lines) > 100:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
    text = _HARD_WRAP_INDENT.sub("\n\n", text)
    paragraphs = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    return "\n\n".join(paragraphs)

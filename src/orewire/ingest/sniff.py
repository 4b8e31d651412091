"""Framing helpers: open a file through gzip when needed, guess its format, decode text."""
from __future__ import annotations

import codecs
import gzip
import io
import re
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 64 * 1024
_EXT_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".arc": "warc",
    ".txt": "text", ".text": "text", ".md": "text",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_HINT = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<div[\s>]", re.I)
_CONTROL = bytes(sorted(set(range(0, 9)) | {11, 12} | set(range(14, 32))))


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes."""
    with open(path, "rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes, transparently decompressing gzip."""
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def inner_name(path: Path) -> str:
    """The file name without a trailing ``.gz``."""
    name = path.name
    return name[:-3] if name.lower().endswith(".gz") else name


def sniff_format(name: str, head: bytes) -> str:
    """Guess the format from the name and the first bytes.

    Returns one of ``warc``, ``jsonl``, ``feed``, ``html``, ``text`` or ``binary``.
    Content wins over the extension where the two disagree on something unmistakable.
    """
    stripped = head.lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    text_head = _as_ascii_probe(head)
    ext = Path(name).suffix.lower()
    by_ext = _EXT_FORMATS.get(ext)
    if by_ext == "jsonl" or (by_ext is None and text_head.lstrip().startswith(b"{")):
        return "jsonl"
    if _FEED_ROOT.search(text_head[:4096]) and (by_ext in (None, "feed") or ext == ".xml"):
        return "feed"
    if ext == ".xml" and _FEED_ROOT.search(text_head):
        return "feed"
    if by_ext in ("html", "feed", "warc"):
        return by_ext if by_ext != "warc" else "text"
    if _HTML_HINT.search(text_head[:8192]):
        return "html"
    return "text"


def _as_ascii_probe(head: bytes) -> bytes:
    """Bytes to regex-probe: UTF-16 is narrowed to its ASCII bytes."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return head.replace(b"\x00", b"")
    return head.lstrip(codecs.BOM_UTF8)


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:2048]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, archives, executables)."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > 0.05


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Decode bytes as text: ``(text, encoding, repaired)``.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or by the pattern of zero bytes)
    are decoded as such. Anything else is guessed (charset-normalizer), falling back
    to cp1252; ``repaired`` is True in that case so the caller can note it.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", False
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    return data.decode(encoding, errors="replace"), encoding, True


def _guess_encoding(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a core dependency
        return "cp1252"
    best = from_bytes(data[:200_000]).best()
    enc = best.encoding if best is not None else "cp1252"
    # Short Western text is often guessed as a sibling Latin code page; cp1252 (the web's
    # de facto "Latin-1") is right far more often when it decodes cleanly.
    if not enc.startswith(_NON_LATIN) and _decodes(data, "cp1252"):
        return "cp1252"
    return enc


_NON_LATIN = ("cp1251", "cp866", "cp855", "koi8", "iso8859_5", "mac_cyrillic", "ptcp154", "kz1048", "cp1253", "iso8859_7",
              "mac_greek", "cp737", "cp1255", "iso8859_8", "cp862", "cp1256", "iso8859_6", "cp864", "cp874", "tis", "shift_jis",
              "cp932", "euc", "gb", "big5", "cp949", "cp950", "hz", "iso2022", "utf")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_capped(stream: io.BufferedIOBase | BinaryIO, cap: int) -> bytes:
    """Read at most ``cap + 1`` bytes, so the caller can tell an over-size input."""
    return stream.read(cap + 1)

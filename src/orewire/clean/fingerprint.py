"""Near-duplicate fingerprints: a 64-bit SimHash over word 3-gram shingles."""
from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")
_WORD_HASHES: dict[str, int] = {}
_CACHE_LIMIT = 500_000


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        if len(_WORD_HASHES) < _CACHE_LIMIT:
            _WORD_HASHES[word] = h
    return h


def simhash(text: str) -> str:
    """64-bit SimHash of the text's lower-cased word 3-gram shingles, as 16 hex digits.

    Two texts whose fingerprints differ in few bits (Hamming distance <= 3) are
    near-duplicates; syndicated copies with a changed byline or footer still match.
    Word hashes are stable (blake2b), and a shingle's hash combines its words'
    hashes by rotation and xor, so the work is vectorised.
    """
    import numpy as np

    words = _WORD.findall(text.lower())
    if not words:
        return "0" * 16
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= 3:
        h = np.unique(_rotl(h[:-2], 2) ^ _rotl(h[1:-1], 1) ^ h[2:])
    bits = np.unpackbits(h.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 > len(h)
    return f"{int(np.packbits(votes, bitorder='little').view('<u8')[0]):016x}"


def _rotl(values, bits: int):  # type: ignore[no-untyped-def]
    import numpy as np

    return (values << np.uint64(bits)) | (values >> np.uint64(64 - bits))


def hamming(a: str, b: str) -> int:
    """Bits that differ between two fingerprints."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")

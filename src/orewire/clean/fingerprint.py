"""Near-duplicate fingerprints: a 64-bit SimHash over word 3-gram shingles."""
from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")


def simhash(text: str, n: int = 3) -> str:
    """64-bit SimHash of the text's lower-cased word shingles, as 16 hex digits.

    Two texts whose fingerprints differ in few bits (Hamming distance <= 3) are
    near-duplicates; syndicated copies with a changed byline or footer still match.
    """
    import numpy as np

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()
    if not shingles:
        return "0" * 16
    digests = b"".join(hashlib.blake2b(sh.encode(), digest_size=8).digest() for sh in shingles)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    votes = bits.sum(axis=0) * 2 > len(shingles)
    return np.packbits(votes).tobytes().hex()


def hamming(a: str, b: str) -> int:
    """Bits that differ between two fingerprints."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")

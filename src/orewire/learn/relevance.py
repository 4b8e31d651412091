"""Learned relevance: a logistic regression over hashed words of the title and the opening, plus the rule score.

Runs on every story before any NLP, so it is plain Python and numpy: a few hundred hashed features and one
dot product. The weights, bias and threshold ship as ``data/models/relevance.npz`` with a model card;
``orewire train`` rebuilds them from the corpus (``learn/train_relevance.py``).
"""
from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parents[1] / "data" / "models" / "relevance.npz"
DIM = 1 << 18
N_DENSE = 6  # the last slots of the weight vector: rule score, rule decision, metals share of the text (3), title
BODY_WORDS = 400
WORD = re.compile(r"[a-z][a-z0-9'&.-]*[a-z0-9]|[a-z]")


def features(title: str | None, text: str, rule_score: float) -> tuple[list[int], list[float]]:
    """Hashed unigram and bigram counts of the title (marked) and the body's first words; two rule features."""
    counts: dict[int, float] = {}
    for prefix, words in (("t", WORD.findall((title or "").lower())), ("b", WORD.findall(text[:4000].lower())[:BODY_WORDS])):
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        for g in grams:
            h = zlib.crc32(f"{prefix}:{g}".encode()) % (DIM - N_DENSE)
            counts[h] = counts.get(h, 0.0) + 1.0
    index = list(counts)
    values = [1.0 + math.log(v) for v in counts.values()]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    values = [v / norm for v in values]
    share, in_title = metals_share(title, text)
    index += list(range(DIM - N_DENSE, DIM))
    values += [min(rule_score, 20.0) / 10.0, 1.0 if rule_score >= 4.0 else 0.0, share, float(share >= 1 / 3), float(share >= 0.5),
               float(in_title)]
    return index, values


def metals_share(title: str | None, text: str, chunk: int = 400, limit: int = 12000) -> tuple[float, bool]:
    """The share of the text's stretches that name a commodity or a mining word (the guidelines' "a third of
    the story" test for market wraps), and whether the title names one."""
    from ..extract.relevance import MINING_TERMS
    from ..extract.gazetteer import find_commodities

    body = text[:limit]
    pieces = [body[i:i + chunk] for i in range(0, len(body), chunk)] or [""]
    hits = sum(1 for p in pieces if MINING_TERMS.search(p) or find_commodities(p))
    return hits / len(pieces), bool(title and (MINING_TERMS.search(title) or find_commodities(title)))


@dataclass(frozen=True)
class RelevanceModel:
    weights: np.ndarray
    bias: float
    threshold: float
    card: dict

    def probability(self, title: str | None, text: str, rule_score: float) -> float:
        index, values = features(title, text, rule_score)
        z = self.bias + float(np.dot(self.weights[index], values))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def relevant(self, title: str | None, text: str, rule_score: float) -> tuple[bool, float]:
        p = self.probability(title, text, rule_score)
        return p >= self.threshold, p


@lru_cache(maxsize=1)
def load_relevance_model(path: Path | None = None) -> RelevanceModel | None:
    """The shipped model, or None when this installation has none or OREWIRE_NO_MODEL is set (the rules decide)."""
    from .detector import read_artefact

    found = read_artefact("relevance.npz", path)
    if found is None:
        return None
    data, card = found
    return RelevanceModel(data["weights"].astype(np.float32), float(data["bias"]), float(data["threshold"]), card)

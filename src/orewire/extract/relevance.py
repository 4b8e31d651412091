"""Relevance: is an article about minerals, metals or mining? Decided cheaply, before any NLP.

A weighted count of commodity mentions (the lexicon) and mining vocabulary, with the
title counting double. Off-topic stories that merely name a metal once (a grain story,
a bank's earnings) stay below the threshold.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import find_commodities

MINING_TERMS = re.compile(
    r"\b(mines?|mining|miners?|minerals?|metals?|smelt\w*|refiner(?:y|ies)|ores?|concentrates?|bullion|ounces?|"
    r"exploration|drilling|deposits?|reserves|lme|comex|nymex metals|tailings|assay\w*|grades?|pits?|shafts?|ingots?|"
    r"cathodes?|steelmak\w+|foundr\w+|alloys?|tonnes of (?:ore|metal|concentrate))\b",
    re.I,
)
OTHER_METALS = re.compile(r"\b(mercury|cadmium|thallium|selenium|rhenium|osmium)\b", re.I)
MINING_COMPANY = re.compile(r"\b[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)* (?:Minerals|Mining|Mines|Metals|Resources|Lithium|Gold|Copper|Nickel|"
                            r"Rare Earths|Steel|Aluminium|Aluminum|Zinc|Silver|Platinum|Smelting|Refining)\b")
# Commodity ids that are too general to carry relevance alone.
WEAK_IDS = {"coal", "critical_minerals", "li_ion_batteries", "gemstones", "phosphate_rock", "helium", "silicon"}
THRESHOLD = 4.0
SHORT_TEXT_WORDS = 60  # a brief or a single sentence needs proportionally less evidence


@dataclass(frozen=True, slots=True)
class Relevance:
    """The decision and what it rests on."""

    relevant: bool
    score: float
    commodities: tuple[str, ...]


def relevance(title: str | None, text: str) -> Relevance:
    """Score an article; relevant when the score reaches THRESHOLD and a commodity or mining term is named."""
    body = text[:6000]
    counts: Counter[str] = Counter(m.id for m in find_commodities(body))
    title_counts: Counter[str] = Counter(m.id for m in find_commodities(title or ""))
    strong = sum(n for cid, n in counts.items() if cid not in WEAK_IDS) + len(OTHER_METALS.findall(title or "")) * 2
    strong += len(OTHER_METALS.findall(body))
    weak = sum(n for cid, n in counts.items() if cid in WEAK_IDS)
    terms = len(MINING_TERMS.findall(body)) + 2 * len(MINING_TERMS.findall(title or ""))
    score = min(strong, 8) + 0.5 * min(weak, 4) + 0.5 * min(terms, 10)
    companies = set(MINING_COMPANY.findall(body))
    score += 1.5 * len(companies)
    if companies and title and any(name.split()[0].upper() in title.upper() for name in companies):
        score += 2.0  # the story is about a mining or metals company named in its title ("NEWMONT MINING PLANS SPLIT")
    score += 3.0 * sum(1 for cid in title_counts if cid not in WEAK_IDS) + 1.0 * sum(1 for cid in title_counts if cid in WEAK_IDS)
    words = len(body.split())
    # One commodity mention decides a sentence-long brief; the bar rises to THRESHOLD at SHORT_TEXT_WORDS words.
    threshold = min(THRESHOLD, 1.0 + (THRESHOLD - 1.0) * max(0, words - 2 * SHORT_TEXT_WORDS / 3) / (SHORT_TEXT_WORDS / 3))
    relevant = score >= threshold and bool(counts or title_counts or strong or terms >= 3)
    return Relevance(relevant, score, tuple(sorted(set(counts) | set(title_counts))))

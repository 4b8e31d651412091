"""Training examples from the corpus: each sentence of a story, with the event types its text states.

A sentence carries type T when it overlaps the evidence of a T event by at least half of the shorter of
the two spans, the same test the scorer applies to evidence. Sentences come from the extractor's own
splitter, so training and extraction see the same units.
"""
from __future__ import annotations

import random
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..corpus.records import CorpusRecord
from ..corpus.sources import pool_texts
from ..corpus.validate import EVENT_TYPES

TYPES = tuple(sorted(EVENT_TYPES))
Splitter = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class SentenceExample:
    """One sentence of a labelled story: where it is, its text, and the event types it states."""

    doc: str
    index: int
    start: int
    end: int
    text: str
    types: frozenset[str]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def sentence_examples(record: CorpusRecord, text: str, split: Splitter) -> list[SentenceExample]:
    """Every sentence of one story with its labels (none for an irrelevant story)."""
    spans = [(tuple(span), ev["type"]) for ev in record.get("events", []) for span in ev["evidence"]]
    out = []
    for i, (a, b) in enumerate(split(text)):
        types = frozenset(t for span, t in spans if overlaps((a, b), span))  # type: ignore[arg-type]
        out.append(SentenceExample(record["id"], i, a, b, text[a:b], types))
    return out


def corpus_examples(records: Iterable[CorpusRecord], split: Splitter, negatives_share: float = 0.25,
                    seed: int = 13) -> Iterator[SentenceExample]:
    """Sentences of the relevant stories, and a seeded ``negatives_share`` of those of irrelevant ones (the
    detector runs after relevance, so those matter less but keep it honest on off-topic text)."""
    rng = random.Random(seed)
    for rec in records:
        if not rec["relevant"] and rng.random() >= negatives_share:
            continue
        text = pool_texts(rec["pool"])[rec["id"]].text
        yield from sentence_examples(rec, text, split)


@lru_cache(maxsize=1)
def spacy_splitter() -> Splitter:
    """The extractor's sentence splitter (spaCy senter with orewire's paragraph rules), trimmed spans."""
    from ..extract.nlp import load_nlp

    nlp = load_nlp()

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        for sent in nlp(text).sents:
            a, b = sent.start_char, sent.end_char
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((a, b))
        return spans

    return split

"""Training examples from the corpus: each sentence of a story, with the event types its text states.

A sentence carries type T when it overlaps the evidence of a T event by at least half of the shorter of
the two spans, the same test the scorer applies to evidence. Sentences and rule hints come from the
extractor itself, so training and extraction see the same units and the same inputs.
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
Units = Callable[[str], list[tuple[int, int, frozenset[str]]]]


@dataclass(frozen=True, slots=True)
class SentenceExample:
    """One sentence of a labelled story: where it is, its text, the types the rules fire on it, and the
    event types its annotation states."""

    doc: str
    index: int
    start: int
    end: int
    text: str
    types: frozenset[str]
    hints: frozenset[str] = frozenset()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def sentence_examples(record: CorpusRecord, text: str, units: Units) -> list[SentenceExample]:
    """Every sentence of one story with its labels (none for an irrelevant story)."""
    spans = [(tuple(span), ev["type"]) for ev in record.get("events", []) for span in ev["evidence"]]
    out = []
    for i, (a, b, hints) in enumerate(units(text)):
        types = frozenset(t for span, t in spans if overlaps((a, b), span))  # type: ignore[arg-type]
        out.append(SentenceExample(record["id"], i, a, b, text[a:b], types, hints))
    return out


def corpus_examples(records: Iterable[CorpusRecord], units: Units, negatives_share: float = 0.25,
                    seed: int = 13) -> Iterator[SentenceExample]:
    """Sentences of the relevant stories, and a seeded ``negatives_share`` of those of irrelevant ones (the
    detector runs after relevance, so those matter less but keep it honest on off-topic text)."""
    rng = random.Random(seed)
    for rec in records:
        if not rec["relevant"] and rng.random() >= negatives_share:
            continue
        text = pool_texts(rec["pool"])[rec["id"]].text
        yield from sentence_examples(rec, text, units)


def dev_records() -> list[CorpusRecord]:
    """The dev set's stories as labelled under the corpus rules (``corpus/devcheck``): training data too."""
    from ..corpus.records import corpus_dir, read_records

    return read_records(corpus_dir() / "devcheck" / "dev.jsonl")


@lru_cache(maxsize=1)
def extractor_units() -> Units:
    """The extractor's own sentence units (spaCy with orewire's paragraph rules, scraps and questions left
    out), each with the types the trigger rules fire on it: exactly what the detector reads at run time."""
    from ..extract.entities import find_entities
    from ..extract.events import sentence_candidates, rule_hints, sentence_units
    from ..extract.nlp import load_nlp

    nlp = load_nlp()

    def units(text: str) -> list[tuple[int, int, frozenset[str]]]:
        doc = nlp(text)
        sents = sentence_units(doc)
        found = sentence_candidates(0, sents, find_entities(text, doc), None)
        return [(a, b, h) for (a, b, _t), h in zip(sents, rule_hints(sents, found))]

    return units


@lru_cache(maxsize=1)
def spacy_splitter() -> Callable[[str], list[tuple[int, int]]]:
    """Sentence spans as the annotators' workbench numbers them (spaCy with orewire's paragraph rules), trimmed."""
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

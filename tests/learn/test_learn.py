"""The learned parts' plumbing: training examples from offsets, hashed relevance features, absent artefacts."""
from __future__ import annotations

from orewire.corpus.records import text_hash
from orewire.learn.examples import overlaps, sentence_examples
from orewire.learn.relevance import DIM, N_DENSE, features

TEXT = "China tightened export controls on Monday. Copper rose 2% in London. The weather was fine."


def _split(text):
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


def test_a_sentence_carries_the_types_whose_evidence_it_holds():
    rec = {"id": "x", "pool": "reuters", "text_sha256": text_hash(TEXT), "relevant": True, "events": [
        {"type": "EXPORT_CONTROL", "evidence": [[0, 41]]}, {"type": "PRICE", "evidence": [[43, 58]]}]}
    examples = sentence_examples(rec, TEXT, _split)
    assert [sorted(e.types) for e in examples] == [["EXPORT_CONTROL"], ["PRICE"], []]
    assert examples[1].text.startswith("Copper rose")


def test_overlap_needs_half_of_the_shorter_span():
    assert overlaps((0, 10), (5, 30))
    assert not overlaps((0, 10), (8, 30))
    assert not overlaps((0, 10), (10, 20))


def test_relevance_features_are_stable_and_bounded():
    a = features("Copper output rises", "Chile's copper output rose 5% in March.", 6.0)
    b = features("Copper output rises", "Chile's copper output rose 5% in March.", 6.0)
    assert a == b
    index, values = a
    assert all(0 <= i < DIM for i in index) and len(index) == len(values)
    assert index[-N_DENSE:] == list(range(DIM - N_DENSE, DIM))


def test_without_artefacts_extraction_uses_the_rules(monkeypatch, tmp_path):
    """An installation without model files extracts exactly as the rules alone do."""
    from orewire.clean import build_article
    from orewire.extract import extract_document
    from orewire.learn.detector import load_detector
    from orewire.learn.relevance import load_relevance_model
    from orewire.model import RawDocument

    text = ("Chile's copper output rose 5% in March to 450,000 tonnes, the state mining agency said on Tuesday. "
            "Codelco plans to invest $1 billion in its Chuquicamata smelter, its chairman said.")
    article = build_article(RawDocument.make("c.txt", text.encode(), "text"), text, title=None)
    monkeypatch.setenv("OREWIRE_MODEL_DIR", str(tmp_path))
    load_detector.cache_clear()
    load_relevance_model.cache_clear()
    try:
        assert load_detector() is None and load_relevance_model() is None
        auto = extract_document([article])
    finally:
        load_detector.cache_clear()
        load_relevance_model.cache_clear()
    rules = extract_document([article], detector=None, relevance_model=None)
    assert auto.relevant and [e.to_dict() for e in auto.events] == [e.to_dict() for e in rules.events]
    assert auto.events

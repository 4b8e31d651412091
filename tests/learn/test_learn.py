"""The learned parts' plumbing: training examples from offsets, hashed relevance features, absent artefacts."""
from __future__ import annotations

import json

import numpy as np
import pytest

from orewire.corpus.records import text_hash
from orewire.learn.detector import with_hints
from orewire.learn.examples import overlaps, sentence_examples
from orewire.learn.relevance import DIM, N_DENSE, features

TEXT = "China tightened export controls on Monday. Copper rose 2% in London. The weather was fine."


def _units(text):
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        out.append((start, min(end, len(text)), frozenset({"PRICE"}) if "rose" in part else frozenset()))
        start = end + 1
    return out


def test_a_sentence_carries_the_types_whose_evidence_it_holds():
    rec = {"id": "x", "pool": "reuters", "text_sha256": text_hash(TEXT), "relevant": True, "events": [
        {"type": "EXPORT_CONTROL", "evidence": [[0, 41]]}, {"type": "PRICE", "evidence": [[43, 58]]}]}
    examples = sentence_examples(rec, TEXT, _units)
    assert [sorted(e.types) for e in examples] == [["EXPORT_CONTROL"], ["PRICE"], []]
    assert examples[1].text.startswith("Copper rose") and examples[1].hints == {"PRICE"} and not examples[0].hints


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
    from orewire.learn.grouping import load_grouping
    from orewire.learn.relevance import load_relevance_model
    from orewire.model import RawDocument

    text = ("Chile's copper output rose 5% in March to 450,000 tonnes, the state mining agency said on Tuesday. "
            "Codelco plans to invest $1 billion in its Chuquicamata smelter, its chairman said.")
    article = build_article(RawDocument.make("c.txt", text.encode(), "text"), text, title=None)
    monkeypatch.setenv("OREWIRE_MODEL_DIR", str(tmp_path))
    for loader in (load_detector, load_relevance_model, load_grouping):
        loader.cache_clear()
    try:
        assert load_detector() is None and load_relevance_model() is None and load_grouping() is None
        auto = extract_document([article])
    finally:
        for loader in (load_detector, load_relevance_model, load_grouping):
            loader.cache_clear()
    rules = extract_document([article], detector=None, relevance_model=None)
    assert auto.relevant and [e.to_dict() for e in auto.events] == [e.to_dict() for e in rules.events]
    assert auto.events


def test_the_detector_reads_the_rules_types_before_the_sentence():
    assert with_hints("Copper rose.", frozenset({"PRICE", "PRODUCTION"})) == "[price production] Copper rose."
    assert with_hints("Nothing here.", frozenset()) == "[none] Nothing here."


def test_rule_hints_give_clause_events_to_their_sentence():
    from orewire.extract.events import Found, rule_hints

    units = [(0, 40, "a"), (41, 90, "b"), (91, 120, "c")]
    found = [Found("PRODUCTION", 0, [], [], [], None, spans=[(0, 50, 70)]), Found("PRICE", 0, [], [], [], None, spans=[(0, 0, 40)]),
             Found("SHIPMENT", 0, [], [], [], None, spans=[(0, 60, 80)])]
    assert rule_hints(units, found) == [frozenset({"PRICE"}), frozenset({"PRODUCTION", "SHIPMENT"}), frozenset()]


def _found(etype, start, commodities=(), actors=(), figures=()):
    from orewire.extract.events import Found

    f = Found(etype, 0, list(actors), [], list(commodities), "completed", spans=[(0, start, start + 40)])
    f.figures = set(figures)
    return f


def _grouping(weights, threshold=0.5):
    from orewire.learn.grouping import FEATURES, GroupingModel

    w = np.zeros(len(FEATURES), dtype=np.float32)
    for name, value in weights.items():
        w[FEATURES.index(name)] = value
    return GroupingModel(w, -1.0, threshold, {"features": list(FEATURES)})


def test_pair_features_see_shared_and_clashing_arguments():
    from orewire.learn.grouping import FEATURES, Mention, pair_features

    text = "x" * 400
    a = Mention(_found("PRODUCTION", 0, ["copper"], ["CHL"], ["5 pct"]), text[:40], None)
    b = Mention(_found("PRODUCTION", 100, ["copper"], ["PER"], ["7 pct"]), text[100:140], None)
    v = dict(zip(FEATURES, pair_features(a, b)))
    assert v["commodities_shared"] == 1 and v["actors_disjoint"] == 1 and v["figures_disjoint"] == 1
    assert v["near"] == 1 and v["same_sentence"] == 0 and v["type_PRODUCTION"] == 1


def test_the_linker_joins_on_a_strong_link_and_keeps_clashes_apart():
    from orewire.extract.events import merge_events
    from orewire.learn.grouping import Linker

    model = _grouping({"commodities_shared": 3.0, "figures_disjoint": -5.0})
    found = [_found("PRODUCTION", 0, ["copper"]), _found("PRODUCTION", 100, ["copper"]),
             _found("PRODUCTION", 200, ["copper"], figures=["9 pct"]), _found("PRICE", 300, ["copper"])]
    found[0].figures = {"5 pct"}
    merged = merge_events(found, Linker(model, ["x" * 400], [None]))
    assert [len(m.spans) for m in merged] == [2, 1, 1]  # joined; a clashing figure apart; another type apart


def test_a_grouping_model_built_for_other_features_is_not_used(tmp_path):
    from orewire.learn.grouping import load_grouping

    np.savez(tmp_path / "grouping.npz", weights=np.zeros(3, dtype=np.float32), bias=np.float32(0), threshold=np.float32(0.5),
             card=json.dumps({"features": ["a", "b", "c"]}))
    assert load_grouping(tmp_path / "grouping.npz") is None


def _entities(text):
    from orewire.extract.entities import Entities, Org, Person

    persons = {"Lin Jian": Person("Lin Jian", spans=[(text.index("Lin Jian"), text.index("Lin Jian") + 8)])}
    orgs = {"Foreign Ministry": Org("Foreign Ministry", kind="GOVERNMENT",
                                    spans=[(text.index("Foreign Ministry"), text.index("Foreign Ministry") + 16)])}
    return Entities([], [], orgs, persons)


def test_speaker_candidates_are_the_sentence_names_and_the_last_person_before_it():
    from orewire.learn.speaker import candidates

    text = "Foreign Ministry spokesperson Lin Jian spoke on Monday. He said the curbs were lawful."
    ents = _entities(text)
    second = text.index("He said")
    assert [(c.name, c.kind) for c in candidates(0, second, ents)] == [("Lin Jian", "person"), ("Foreign Ministry", "org")]
    assert [(c.name, c.kind) for c in candidates(second, len(text), ents)] == [("Lin Jian", "earlier_person")]


def test_the_speaker_model_picks_the_best_scoring_candidate():
    from orewire.learn.speaker import FEATURES, SpeakerModel

    text = "Foreign Ministry spokesperson Lin Jian said the curbs were lawful."
    w = np.zeros(len(FEATURES), dtype=np.float32)
    w[FEATURES.index("role_before")] = 2.0  # "spokesperson Lin Jian"
    assert SpeakerModel(w, 0.0, {}).choose(text, 0, len(text), _entities(text), None) == "Lin Jian"
    w[:] = 0
    w[FEATURES.index("kind_org")] = 2.0
    assert SpeakerModel(w, 0.0, {}).choose(text, 0, len(text), _entities(text), None) == "Foreign Ministry"


def test_learning_curve_shares_keep_the_held_back_stories_and_never_touch_the_test_split():
    from orewire.corpus.sources import shared_dir

    if shared_dir() is None:
        import pytest

        pytest.skip("../shared is absent (the corpus texts live there; CI always has it)")
    from orewire.corpus.split import load_split
    from orewire.learn.train_detector import train_stories

    full, tune = train_stories(1.0)
    quarter, tune_q = train_stories(0.25)
    assert tune == tune_q
    fit_full = {r["id"] for r in full} - tune
    fit_quarter = {r["id"] for r in quarter} - tune
    assert fit_quarter < fit_full and abs(len(fit_quarter) - 0.25 * len(fit_full)) <= 1
    assert not ({r["id"] for r in full} & set(load_split()["test"]))


def test_across_articles_the_rules_judge_the_link():
    """The corpus has one article per story, so the pair model never saw two articles of a page."""
    from orewire.extract.events import merge_events
    from orewire.learn.grouping import Linker

    model = _grouping({"commodities_shared": -9.0})  # would never join anything
    first, second = _found("SHIPMENT", 0, ["antimony"], ["PAK"]), _found("SHIPMENT", 0, ["antimony"], ["PAK"])
    second.article_index, second.spans = 1, [(1, 0, 40)]
    merged = merge_events([first, second], Linker(model, ["x" * 100, "y" * 100], [None, None]))
    assert len(merged) == 1 and len(merged[0].spans) == 2


@pytest.mark.parametrize("module", ["orewire.learn.grouping", "orewire.learn.speaker", "orewire.learn.relevance",
                                    "orewire.learn.detector", "orewire.extract"])
def test_each_learned_part_imports_first_in_a_fresh_interpreter(module):
    """The learned parts read extract's cues and extract uses them: neither may need the other imported first."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]

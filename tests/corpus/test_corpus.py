"""The labelled corpus: every record valid against its text, the split fixed, no story text in the repository."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orewire.corpus.records import corpus_dir, read_records, text_hash, to_gold
from orewire.corpus.sources import iso_day, shared_dir
from orewire.corpus.validate import on_word_boundaries, validate_record

needs_shared = pytest.mark.skipif(shared_dir() is None, reason="../shared (the pool texts) is not beside this checkout")
TEXT = "China tightened rare-earth export controls on Monday. Pakistan shipped antimony to the US."


def _record(**events_and_entities):
    rec = {"id": "x", "pool": "reuters", "text_sha256": text_hash(TEXT), "relevant": True,
           "entities": [{"type": "COUNTRY", "id": "CHN"}, {"type": "COMMODITY", "id": "rare_earths"}], "events": []}
    rec.update(events_and_entities)
    return rec


def _event(**kw):
    ev = {"type": "EXPORT_CONTROL", "actors": ["CHN"], "counterparts": [], "commodities": ["rare_earths"],
          "status": "announced", "polarity": "asserted", "amount_usd": None, "evidence": [[0, 52]]}
    ev.update(kw)
    return ev


def test_a_sound_record_has_no_problems():
    assert validate_record(_record(events=[_event()]), TEXT) == []


@pytest.mark.parametrize("bad, expected", [
    ({"evidence": [[2, 52]]}, "cuts a word"),
    ({"evidence": [[0, 500]]}, "outside the text"),
    ({"type": "EXPORT_BAN"}, "not one of the twelve"),
    ({"status": "done"}, "status 'done'"),
    ({"actors": ["PAK"]}, "actor 'PAK' is not an entity"),
    ({"commodities": ["antimony"]}, "commodity 'antimony' is not among"),
    ({"date": "2025-13-01"}, "not an ISO date"),
    ({"date": "2025-03-01", "until": "2025-02-01"}, "until is before date"),
    ({"subtype": "DENY"}, "only a STATEMENT"),
])
def test_the_validator_names_each_kind_of_problem(bad, expected):
    problems = validate_record(_record(events=[_event(**bad)]), TEXT)
    assert any(expected in p for p in problems), problems


def test_statements_need_a_subtype_and_a_speaker_among_the_entities():
    ev = _event(type="STATEMENT", subtype="CLAIM", speaker="Lin Jian", status=None)
    assert any("speaker 'Lin Jian'" in p for p in validate_record(_record(events=[ev]), TEXT))
    ents = _record()["entities"] + [{"type": "PERSON", "name": "Lin Jian"}]
    assert validate_record(_record(entities=ents, events=[ev]), TEXT) == []
    assert any("subtype None" in p for p in validate_record(_record(entities=ents, events=[_event(type="STATEMENT")]), TEXT))


def test_ids_follow_the_guidelines():
    bad = [{"type": "COUNTRY", "id": "China"}, {"type": "COMMODITY", "id": "rare earths"},
           {"type": "ORG", "name": "Foreign Ministry", "kind": "MINISTRY"}]
    problems = validate_record(_record(entities=bad), TEXT)
    assert len(problems) == 3, problems


def test_two_events_of_one_type_may_not_share_evidence():
    twice = [_event(), _event(evidence=[[0, 40]])]
    assert any("share evidence" in p for p in validate_record(_record(events=twice), TEXT))


def test_a_changed_text_is_detected():
    assert any("hash" in p for p in validate_record(_record(), TEXT + " "))


def test_word_boundaries():
    assert on_word_boundaries(TEXT, 0, 5)
    assert not on_word_boundaries(TEXT, 0, 4)
    assert not on_word_boundaries(TEXT, 5, 10)  # starts on a space


def test_gold_quotes_are_rebuilt_from_offsets():
    gold = to_gold(_record(events=[_event()]), "Title", "2025-10-13", TEXT)
    assert gold["events"][0]["evidence"] == ["China tightened rare-earth export controls on Monday"]
    assert gold["articles"] == [{"title": "Title", "published": "2025-10-13", "dateline": None}]


def test_publication_days_of_both_pools():
    assert iso_day("26-FEB-1987 15:01:01.79") == "1987-02-26"
    assert iso_day("2025-02-11 14:04:02") == "2025-02-11"
    assert iso_day(None) is None


# --- the stored corpus -------------------------------------------------------------------------------

def _stored(second: bool = False) -> list[dict]:
    folder = corpus_dir() / "second" if second else corpus_dir()
    return [r for p in ("reuters", "modern") for r in read_records(folder / f"{p}.jsonl")]


@needs_shared
@pytest.mark.parametrize("second", [False, True], ids=["first", "second"])
def test_every_stored_record_is_valid(second):
    from orewire.corpus.report import validate_corpus

    records = _stored(second)
    assert validate_corpus(records) == []


@needs_shared
def test_the_dev_check_labels_are_valid_and_only_dev_stories():
    from orewire.corpus.report import validate_corpus

    records = read_records(corpus_dir() / "devcheck" / "dev.jsonl")
    assert all(r["pool"] == "dev" for r in records)
    assert validate_corpus(records) == []


def test_the_split_is_fixed_disjoint_and_a_fifth_per_stratum():
    data = json.loads((corpus_dir() / "split.json").read_text())
    train, test = set(data["train"]), set(data["test"])
    assert not train & test
    assert len(test) + len(data["moved_to_train"]) == pytest.approx(0.2 * (len(train) + len(test)), abs=3)
    assert set(data["moved_to_train"]) <= train
    assert sum(data["strata"].values()) == len(train | test)


@needs_shared
def test_the_split_covers_both_pools_exactly():
    from orewire.corpus.sources import pool_texts

    data = json.loads((corpus_dir() / "split.json").read_text())
    assert set(data["train"]) | set(data["test"]) == set(pool_texts("reuters")) | set(pool_texts("modern"))
    modern_test = [i for i in data["test"] if not i.startswith("reuters-")]
    assert len(modern_test) == pytest.approx(0.2 * len(pool_texts("modern")), abs=1)


def _stored_text_beyond_names() -> str:
    """Everything stored under corpus/ except entity names, aliases and roles (and the event arguments that
    repeat them): names of things are facts the gold may keep; any other run of story words is a leak."""
    parts = []
    for path in Path(corpus_dir()).rglob("*"):
        if not path.is_file() or path.suffix not in (".jsonl", ".json", ".md"):
            continue
        if path.suffix != ".jsonl":
            parts.append(path.read_text())
            continue
        for rec in read_records(path):
            rest = {k: v for k, v in rec.items() if k != "entities"}
            rest["events"] = [{k: v for k, v in e.items() if k not in ("actors", "counterparts", "speaker")}
                              for e in rec.get("events", [])]
            parts.append(json.dumps(rest))
    return "\n".join(parts)


@needs_shared
def test_no_modern_story_text_is_stored_in_the_repository():
    """The modern pool's text has no redistribution rights: no eight-word run of it may sit in corpus/."""
    from orewire.corpus.sources import pool_texts

    def runs(text: str) -> set[str]:
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}

    stored_runs = runs(_stored_text_beyond_names())
    leaked = [s.id for s in pool_texts("modern").values() if runs(s.text) & stored_runs]
    assert leaked == []


def test_entity_names_and_roles_stay_names():
    """Names, aliases and roles are short labels, not sentences carried in by the back door."""
    long_ = [(r["id"], e.get("name"), e.get("role")) for r in _stored() for e in r.get("entities", [])
             if len(str(e.get("name") or "").split()) > 14 or len(str(e.get("role") or "").split()) > 14]
    assert long_ == []


@needs_shared
def test_the_two_annotations_agree_on_events_at_the_target():
    """The datasheet's settled agreement: event F1 between the independent annotations stays at 0.85 or more."""
    from orewire.corpus.report import agreement

    result = agreement(_stored(), _stored(second=True))
    assert result["relevant_in_either"] >= 100
    assert result["event"]["f1"] >= 0.85, result["event"]

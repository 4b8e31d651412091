"""Golden extraction cases kept as data (tests/cases/extraction.json).

They guard the rules: the trigger rules that extract alone when no learned model is installed, and the
argument, clause, status and amount rules that fill in the events the learned detector finds. So they run
the rules alone (no model), where each case's behaviour is exact.
"""
import json
from pathlib import Path

import pytest

from orewire.clean import build_article
from orewire.extract import extract_document
from orewire.model import RawDocument

CASES = json.loads((Path(__file__).resolve().parents[1] / "cases" / "extraction.json").read_text())["cases"]


def _extract(text):
    raw = RawDocument.make("case.txt", text.encode(), "text")
    article = build_article(raw, text, title=None)
    return extract_document([article], detector=None, relevance_model=None)


def _matches(event, want):
    for key, value in want.items():
        got = getattr(event, key)
        got = got.value if hasattr(got, "value") else got
        if isinstance(value, list):
            if not set(value) <= set(got):
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(case, request):
    if case["expect"] == "fail":
        request.applymarker(pytest.mark.xfail(strict=True, reason=case["comment"]))
    x = _extract(case["text"])
    for want in case.get("expected_events", []):
        assert any(_matches(e, want) for e in x.events), (want, [e.to_dict() for e in x.events])
    for etype in case.get("forbidden_types", []):
        assert not [e for e in x.events if e.type.value == etype], etype
    for etype, n in case.get("counts", {}).items():
        assert len([e for e in x.events if e.type.value == etype]) == n, etype

"""Fuzzing the readers and cleaners: every mutated input is stored or quarantined, with no exception and no hang.

A short profile runs here (CI); `bench/fuzz.py` runs the long one (10,000 inputs or more).
"""
from __future__ import annotations

import random
import time

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from orewire.config import Settings

from .fuzz_inputs import mutate, run_one


@hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_mutated_input_ends_stored_or_quarantined(tmp_path, seed):
    name, data, kind = mutate(random.Random(seed))
    path = tmp_path / f"{seed}-{name}"
    path.write_bytes(data)
    started = time.perf_counter()
    articles, quarantined, dropped = run_one(path, Settings(max_document_bytes=2**20, max_record_bytes=2**20))
    assert articles + quarantined + dropped >= 1, (kind, name)  # nothing vanishes without a word
    assert time.perf_counter() - started < 30, (kind, name)

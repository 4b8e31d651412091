"""Pipeline steps and the Pipeline that chains them.

A step turns a stream of items into a stream of items (``run``). Most steps work
one item at a time: subclass :class:`MapStep` and implement ``process``, which
returns the output items, or a :class:`Drop` with a reason. The base class counts
what went in, out and what was dropped by reason, so nothing disappears silently.

How the steps are run (in this process, or over a pool of processes) is the
executor's business (:mod:`orewire.executors`), not the steps'.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Drop:
    """An item a step refused, with a short reason (counted as ``dropped_<reason>``).

    item: the item refused (kept so a caller can quarantine it).
    reason: a short kind, e.g. ``empty_text``.
    detail: one human sentence.
    """

    item: Any
    reason: str
    detail: str = ""


@dataclass
class StepStats:
    """Counts for one step: items in and out, drops by reason, seconds spent."""

    name: str
    items_in: int = 0
    items_out: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def merge(self, other: "StepStats") -> None:
        """Add another worker's counts for the same step."""
        self.items_in += other.items_in
        self.items_out += other.items_out
        self.dropped.update(other.dropped)
        self.seconds += other.seconds


class Step:
    """Base of every pipeline step: ``run`` maps an item stream to an item stream."""

    name = "step"

    def __init__(self) -> None:
        self.stats = StepStats(self.name)

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        """Yield output items (and Drop records, which later steps pass through)."""
        raise NotImplementedError


class MapStep(Step):
    """A step that handles one item at a time; Drops from earlier steps pass through."""

    def process(self, item: Any) -> Iterable[Any] | Drop:
        """Return the outputs for one item, or a Drop with the reason."""
        raise NotImplementedError

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, Drop):
                yield item
                continue
            self.stats.items_in += 1
            t0 = time.perf_counter()
            result = self.process(item)
            self.stats.seconds += time.perf_counter() - t0
            if isinstance(result, Drop):
                self.stats.dropped[result.reason] += 1
                yield result
                continue
            for out in result:
                self.stats.items_out += 1
                yield out


class Pipeline:
    """An ordered chain of steps; ``run`` streams items through all of them."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        """Stream ``items`` through every step in order (lazily)."""
        stream: Iterable[Any] = items
        for step in self.steps:
            stream = step.run(stream)
        yield from stream

    def stats(self) -> list[StepStats]:
        """The per-step counters."""
        return [s.stats for s in self.steps]

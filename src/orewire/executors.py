"""Executors run a pipeline over batches of items; the steps do not know which one runs them.

* :class:`InProcessExecutor`: in this process (the default; used by tests).
* :class:`ProcessPoolExecutor`: over a pool of worker processes (all cores by
  default) with a bounded number of batches in flight, so memory stays flat
  however long the input is. Results come back in input order.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import ProcessPoolExecutor as _Pool
from typing import Any

from .pipeline import Pipeline, StepStats

PipelineFactory = Callable[[], Pipeline]


class Executor:
    """Base: ``map_batches`` yields the outputs of each input batch, in order."""

    def __init__(self) -> None:
        self.stats: dict[str, StepStats] = {}

    def map_batches(self, make_pipeline: PipelineFactory, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        raise NotImplementedError

    def _merge(self, stats: list[StepStats]) -> None:
        for s in stats:
            self.stats.setdefault(s.name, StepStats(s.name)).merge(s)


class InProcessExecutor(Executor):
    """Run every batch here, one after another."""

    def map_batches(self, make_pipeline: PipelineFactory, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        pipeline = make_pipeline()
        for batch in batches:
            yield list(pipeline.run(batch))
            self._merge(_take_stats(pipeline))


class ProcessPoolExecutor(Executor):
    """Run batches on ``workers`` processes, each batch cut into tasks of ``task_size`` items
    so that all workers share even a small batch; at most ``2 * workers`` batches are pending."""

    def __init__(self, workers: int | None = None, task_size: int = 16) -> None:
        super().__init__()
        self.workers = workers or os.cpu_count() or 1
        self.task_size = task_size

    def map_batches(self, make_pipeline: PipelineFactory, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        pending: deque[list[Future[tuple[list[Any], list[StepStats]]]]] = deque()
        with _Pool(self.workers, initializer=_init_worker, initargs=(make_pipeline,)) as pool:
            for batch in batches:
                tasks = [batch[i:i + self.task_size] for i in range(0, len(batch), self.task_size)]
                pending.append([pool.submit(_run_batch, task) for task in tasks])
                if len(pending) >= 2 * self.workers:
                    yield self._collect(pending.popleft())
            while pending:
                yield self._collect(pending.popleft())

    def _collect(self, futures: list[Future[tuple[list[Any], list[StepStats]]]]) -> list[Any]:
        outputs: list[Any] = []
        for future in futures:
            got, stats = future.result()
            self._merge(stats)
            outputs += got
        return outputs


def make_executor(workers: int) -> Executor:
    """In-process for 1 worker, else a process pool (0: one worker per core)."""
    if workers == 1:
        return InProcessExecutor()
    return ProcessPoolExecutor(workers or None)


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(make_pipeline: PipelineFactory) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = make_pipeline()


def _run_batch(batch: list[Any]) -> tuple[list[Any], list[StepStats]]:
    assert _WORKER_PIPELINE is not None, "worker was not initialised"
    outputs = list(_WORKER_PIPELINE.run(batch))
    return outputs, _take_stats(_WORKER_PIPELINE)


def _take_stats(pipeline: Pipeline) -> list[StepStats]:
    """The counters since the last call, then reset (so each batch is counted once)."""
    taken = []
    for step in pipeline.steps:
        taken.append(step.stats)
        step.stats = StepStats(step.name)
    return taken

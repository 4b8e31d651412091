"""The extraction step of the ingest pipeline: the articles of each raw document, extracted together."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import MissingDependency
from ..model import Article
from ..pipeline import Step


class ExtractStep(Step):
    """Group consecutive articles of one raw document and yield their DocumentExtraction after them.

    Without the ``nlp`` extra the step says so once and lets articles through unextracted,
    so ingest still works on a core install.
    """

    name = "extract.v1"

    def __init__(self) -> None:
        super().__init__()
        self.disabled_reason: str | None = None

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        group: list[Article] = []
        for item in items:
            if isinstance(item, Article) and group and item.raw_id != group[0].raw_id:
                yield from self._flush(group)
                group = []
            if isinstance(item, Article):
                group.append(item)
            yield item
        yield from self._flush(group)

    def _flush(self, group: list[Article]) -> Iterator[Any]:
        if not group or self.disabled_reason:
            return
        from . import extract_document

        self.stats.items_in += 1
        try:
            extraction = extract_document(group)
        except MissingDependency as exc:
            self.disabled_reason = str(exc)
            print(f"orewire: extraction skipped: {exc}", file=sys.stderr)
            return
        except Exception as exc:  # one document's failure must not stop the batch
            self.stats.dropped[f"error_{exc.__class__.__name__}"] += 1
            return
        self.stats.items_out += 1
        yield extraction

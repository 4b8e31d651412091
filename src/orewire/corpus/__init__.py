"""The labelled corpus: annotations kept as character offsets into texts that live outside the repository.

Records are stored one JSON Lines file per pool under ``corpus/`` (``reuters.jsonl``, ``modern.jsonl``).
Each holds a story id, a hash of its text and the annotation, with evidence as ``[start, end]``
offsets. :func:`load_gold` joins them to the texts in ``../shared`` and yields ``orewire-eval/1``
gold documents; :mod:`.validate` checks every record against its text and the guidelines.
"""
from __future__ import annotations

from .records import CorpusRecord, corpus_dir, load_gold, read_records, text_hash, write_records
from .sources import PoolText, pool_texts, shared_dir

__all__ = [
    "CorpusRecord",
    "PoolText",
    "corpus_dir",
    "load_gold",
    "pool_texts",
    "read_records",
    "shared_dir",
    "text_hash",
    "write_records",
]

"""Sentence embeddings at run time: all-MiniLM-L6-v2 as int8 ONNX (``train_encoder`` exports it), with
``tokenizers``. Cross-document resolution compares events' evidence by meaning with it, so that outlets
retelling one occurrence in their own words still meet. No torch here; absent artefact or missing
``onnxruntime``: :func:`load_encoder` returns None and resolution compares words and arguments alone.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .detector import models_dir


@dataclass
class Encoder:
    session: Any
    tokenizer: Any
    dim: int

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """``len(texts) x dim`` unit vectors; sentences are batched by length to pad little."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            encs = self.tokenizer.encode_batch([texts[j] or " " for j in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, e in enumerate(encs):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = e.attention_mask
            out[idx] = self.session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})[0]
        return out


@lru_cache(maxsize=1)
def load_encoder(path: Path | None = None) -> Encoder | None:
    """The shipped encoder, or None (no artefact, onnxruntime or tokenizers not installed, or OREWIRE_NO_MODEL set)."""
    path = path or models_dir() / "encoder"
    if os.environ.get("OREWIRE_NO_MODEL") or not (path / "encoder.onnx").exists():
        return None
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError:
        return None
    card = json.loads((path / "card.json").read_text())
    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("OREWIRE_MODEL_THREADS") or min(2, os.cpu_count() or 1))
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path / "encoder.onnx"), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(card["max_tokens"])
    tokenizer.no_padding()
    return Encoder(session, tokenizer, card["dim"])

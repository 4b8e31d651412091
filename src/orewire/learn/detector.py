"""The sentence event detector at run time: the fine-tuned MiniLM as int8 ONNX, with ``tokenizers``.

No torch here. ``probabilities(sentences)`` gives each sentence a probability per event type; the card's
per-type thresholds (chosen on held-back train stories) turn them into types. Absent artefact or missing
``onnxruntime``: :func:`load_detector` returns None and extraction falls back to the rules alone.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"


def models_dir() -> Path:
    """Where the learned artefacts are read from: ``OREWIRE_MODEL_DIR`` (to try a candidate), else the shipped ones."""
    return Path(os.environ.get("OREWIRE_MODEL_DIR") or MODELS)


def with_hints(sentence: str, hints: frozenset[str]) -> str:
    """The detector's input: the rules' types in brackets, then the sentence ("[price] Copper rose 2 pct ...")."""
    return "[" + (" ".join(sorted(h.lower() for h in hints)) or "none") + "] " + sentence


def read_artefact(name: str, path: Path | None = None, features: tuple[str, ...] | None = None) -> tuple[Any, dict] | None:
    """An ``.npz`` artefact's arrays and card, or None: absent, OREWIRE_NO_MODEL set, or (given ``features``)
    built for another feature set, which the rules then handle rather than misread the weights."""
    path = path or models_dir() / name
    if os.environ.get("OREWIRE_NO_MODEL") or not path.exists():
        return None
    data = np.load(path, allow_pickle=False)
    card = json.loads(str(data["card"]))
    if features is not None and tuple(card.get("features", ())) != features:
        return None
    return data, card


@dataclass
class Detector:
    session: Any
    tokenizer: Any
    types: tuple[str, ...]
    thresholds: dict[str, float]
    max_tokens: int
    card: dict

    def probabilities(self, sentences: list[str], hints: list[frozenset[str]] | None = None, batch_size: int = 32) -> np.ndarray:
        """``len(sentences) x len(types)`` probabilities; sentences are batched by length to pad little.

        ``hints``: per sentence, the types the trigger rules fire on it (read by a detector trained with them)."""
        if self.card.get("input") == "hints":
            sentences = [with_hints(s, h) for s, h in zip(sentences, hints or [frozenset()] * len(sentences))]
        out = np.zeros((len(sentences), len(self.types)), dtype=np.float32)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            encs = self.tokenizer.encode_batch([sentences[j] for j in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, e in enumerate(encs):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = e.attention_mask
            out[idx] = self.session.run(["probs"], {"input_ids": ids, "attention_mask": mask})[0]
        return out

    def types_of(self, probs: np.ndarray) -> list[dict[str, float]]:
        """Per sentence, the types whose probability reaches their threshold, with that probability."""
        return [{t: float(p[k]) for k, t in enumerate(self.types) if p[k] >= self.thresholds[t]} for p in probs]


@lru_cache(maxsize=1)
def load_detector(path: Path | None = None) -> Detector | None:
    """The shipped detector, or None (no artefact, onnxruntime or tokenizers not installed, or OREWIRE_NO_MODEL set)."""
    path = path or models_dir() / "detector"
    if os.environ.get("OREWIRE_NO_MODEL") or not (path / "detector.onnx").exists():
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
    session = ort.InferenceSession(str(path / "detector.onnx"), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(card["max_tokens"])
    return Detector(session, tokenizer, tuple(card["types"]), card["thresholds"], card["max_tokens"], card)

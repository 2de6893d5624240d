"""Arrays a person gives `cnncalc run`: inputs and weights from .npy, .npz or a small JSON form
typed from a problem sheet, checked against the network; and writing results safely."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np

from cnncalc.files import OutputError, write_new


class ArrayError(Exception):
    """A given file cannot be used: the message says which and why (expected vs given)."""


def load_input(path: str, dims: tuple[int, ...]) -> np.ndarray:
    """An input volume `(H, W, C)` or batch `(N, H, W, C)` (flat inputs: `(F,)` or `(N, F)`), as float64.

    JSON: a nested list in that order, or `{"slices": [s0, s1, ...]}` with one H x W matrix per
    depth slice, as the lecture draws `x[:,:,0]`, `x[:,:,1]`, ...
    """
    raw = _load(path, "input")
    if isinstance(raw, dict) and set(raw) == {"slices"}:
        raw = _from_slices(raw["slices"], path)
    given = _numeric(raw, path)
    _check_finite(given, path)
    x = given[None] if given.shape == dims else given
    if x.shape[1:] != dims:
        expected = ", ".join(map(str, dims))
        raise ArrayError(f"{path}: the input has shape {_shape(given.shape)}, but the spec's input is "
                         f"{'x'.join(map(str, dims))}: give ({expected}), or (N, {expected}) for a batch")
    return x


def load_weights(path: str) -> dict[str, np.ndarray]:
    """Weights keyed `PATH.weight`, `PATH.bias`, `PATH.gamma`, ... A conv weight in JSON may be
    `{"filters": [f0, f1, ...]}`, each filter a list of K x K depth slices (the lecture's w0[:,:,0])."""
    raw = _load(path, "weights")
    if not isinstance(raw, dict):
        raise ArrayError(f"{path}: weights are an object (JSON) or archive (.npz) keyed by `PATH.weight`, `PATH.bias`")
    out = {}
    for key, value in raw.items():
        if isinstance(value, dict) and set(value) == {"filters"}:
            value = np.stack([_from_slices(f, f"{path}: {key}") for f in value["filters"]])
        out[key] = _numeric(value, f"{path}: {key}")
        _check_finite(out[key], f"{path}: {key}")
    return out


def _load(path: str, what: str) -> Any:
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".npy":
            return np.load(path, allow_pickle=False)
        if suffix == ".npz":
            with np.load(path, allow_pickle=False) as archive:
                arrays = {k: archive[k] for k in archive.files}
            if what == "input":
                if len(arrays) != 1 and "input" not in arrays:
                    raise ArrayError(f"{path}: an input archive holds one array (or one named `input`), "
                                     f"found {', '.join(arrays) or 'none'}")
                return arrays.get("input", next(iter(arrays.values()), None))
            return arrays
        if suffix == ".json":
            with open(path, encoding="utf-8") as f:
                return json.load(f)
    except ArrayError:
        raise
    except json.JSONDecodeError as e:
        raise ArrayError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    except (OSError, ValueError, EOFError) as e:
        raise ArrayError(f"{path}: cannot read the {what}: {e}") from None
    raise ArrayError(f"{path}: the {what} must be a .npy, .npz or .json file")


def _numeric(value: Any, where: str) -> np.ndarray:
    if isinstance(value, np.ndarray):
        if not np.issubdtype(value.dtype, np.number) or np.iscomplexobj(value):
            raise ArrayError(f"{where}: expected real numbers, found an array of {value.dtype}")
        return value.astype(np.float64)
    bad = _first_non_number(value, [])
    if bad is not None:
        index, item = bad
        raise ArrayError(f"{where}: expected numbers, found {json.dumps(item)} at {''.join(f'[{i}]' for i in index)}")
    try:
        return np.array(value, dtype=np.float64)
    except ValueError:
        raise ArrayError(f"{where}: the nested lists are ragged (rows of different lengths)") from None


def _first_non_number(value: Any, index: list[int]) -> tuple[list[int], Any] | None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _first_non_number(item, index + [i])
            if found is not None:
                return found
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return index, value
    return None


def _from_slices(slices: Any, where: str) -> Any:
    """Depth slices (C lists of H x W) -> an (H, W, C) array."""
    stacked = _numeric(slices, where)
    if stacked.ndim != 3:
        raise ArrayError(f"{where}: `slices` is a list of matrices (one per depth slice), found {stacked.ndim} levels")
    return np.moveaxis(stacked, 0, -1)


def _check_finite(x: np.ndarray, where: str) -> None:
    bad = np.argwhere(~np.isfinite(x))
    if bad.size:
        raise ArrayError(f"{where}: holds {x[tuple(bad[0])]} at {tuple(int(i) for i in bad[0])}; "
                         f"inputs and weights must be finite numbers")


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def write_output(path: str, y: np.ndarray, force: bool) -> None:
    """`.npy` (H, W, C for one image) or `.json`; never overwrites without `force`, never half-writes."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".npy", ".json"):
        raise ArrayError(f"{path}: the output must be a .npy or .json file")
    data = y[0] if y.shape[0] == 1 else y
    if suffix == ".npy":
        buffer = io.BytesIO()
        np.save(buffer, data, allow_pickle=False)
        payload = buffer.getvalue()
    else:
        payload = json.dumps({"shape": list(data.shape), "output": data.tolist()}).encode()
    try:
        write_new(path, payload, force)
    except OutputError as e:
        raise ArrayError(str(e)) from None

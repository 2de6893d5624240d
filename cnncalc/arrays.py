"""Arrays a person gives `cnncalc run`: inputs and weights from .npy, .npz or a small JSON form
typed from a problem sheet, checked against the network; and writing results safely.

Nothing is trusted: pickles and object arrays are refused (NumPy never unpickles here), a .npy
header is read and checked (dtype, shape, size against the file and the limit) before its data,
an .npz member's size before it is inflated, and JSON within the file-size limit and its nesting."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from cnncalc.files import InputError, OutputError, read_bytes, write_new
from cnncalc.limits import MAX_ARRAY_BYTES


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
    elif isinstance(raw, dict):
        raise ArrayError(f"{path}: an input is a nested list or {{\"slices\": [...]}}, found an object with "
                         f"{', '.join(map(repr, list(raw)[:5]))}")
    given = _numeric(raw, path)
    _check_finite(given, path)
    x = given[None] if given.shape == dims else given
    if x.shape[1:] != dims:
        expected = ", ".join(map(str, dims))
        raise ArrayError(f"{path}: the input has shape {_shape(given.shape)}, but the network's input is "
                         f"{'x'.join(map(str, dims))}: give ({expected}), or (N, {expected}) for a batch")
    if x.shape[0] < 1:
        raise ArrayError(f"{path}: the input batch is empty")
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
            if not isinstance(value["filters"], list) or not value["filters"]:
                raise ArrayError(f"{path}: {key}: `filters` is a list of filters, each a list of depth slices")
            value = np.stack([_from_slices(f, f"{path}: {key}") for f in value["filters"]])
        out[key] = _numeric(value, f"{path}: {key}")
        _check_finite(out[key], f"{path}: {key}")
    return out


def _load(path: str, what: str) -> Any:
    suffix = Path(path).suffix.lower()
    if suffix not in (".npy", ".npz", ".json"):
        raise ArrayError(f"{path}: the {what} must be a .npy, .npz or .json file")
    try:
        data = read_bytes(path, MAX_ARRAY_BYTES)
    except InputError as e:
        raise ArrayError(str(e)) from None
    try:
        if suffix == ".npy":
            return _npy(io.BytesIO(data), path)
        if suffix == ".npz":
            return _npz(data, path, what)
        return json.loads(data.decode("utf-8"))
    except ArrayError:
        raise
    except json.JSONDecodeError as e:
        raise ArrayError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    except UnicodeDecodeError:
        raise ArrayError(f"{path}: not UTF-8 text (JSON is text)") from None
    except RecursionError:
        raise ArrayError(f"{path}: the JSON is nested too deeply") from None
    except (ValueError, EOFError, OSError, zipfile.BadZipFile) as e:
        raise ArrayError(f"{path}: cannot read the {what}: {e}") from None


def _npy(stream: io.BytesIO, where: str) -> np.ndarray:
    """A .npy array, its header checked before its data is read."""
    from numpy.lib import format as npy
    try:
        version = npy.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = npy.read_array_header_1_0(stream)
        else:
            shape, fortran, dtype = npy.read_array_header_2_0(stream)
    except ValueError as e:
        raise ArrayError(f"{where}: not a .npy file, or a damaged one: {e}") from None
    if dtype.hasobject:
        raise ArrayError(f"{where}: holds Python objects (a pickle); cnncalc reads numbers only")
    if dtype.kind not in "biuf":
        raise ArrayError(f"{where}: holds {dtype} values; cnncalc reads real numbers (integers or floats)")
    count = 1
    for d in shape:
        count *= d
    need = count * dtype.itemsize
    available = len(stream.getbuffer()) - stream.tell()
    if need > available:
        raise ArrayError(f"{where}: the header promises {_shape(shape)} ({need:,} bytes) but the file holds "
                         f"{available:,}: it is truncated or damaged")
    array = np.frombuffer(stream.getbuffer()[stream.tell():stream.tell() + need], dtype=dtype)
    return array.reshape(shape, order="F" if fortran else "C").copy()


def _npz(data: bytes, where: str, what: str) -> Any:
    arrays = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if total > MAX_ARRAY_BYTES:
                raise ArrayError(f"{where}: the archive inflates to more than {MAX_ARRAY_BYTES:,} bytes")
        for info in archive.infolist():
            name = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            arrays[name] = _npy(io.BytesIO(archive.read(info)), f"{where}: {name}")
    if what == "input":
        if len(arrays) != 1 and "input" not in arrays:
            raise ArrayError(f"{where}: an input archive holds one array (or one named `input`), found "
                             f"{', '.join(arrays) or 'none'}")
        return arrays.get("input", next(iter(arrays.values()), None))
    return arrays


def _numeric(value: Any, where: str) -> np.ndarray:
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            raise ArrayError(f"{where}: expected real numbers, found an array of {value.dtype}")
        return value.astype(np.float64)
    bad = _first_non_number(value, [])
    if bad is not None:
        index, item = bad
        shown = json.dumps(item) if not isinstance(item, (list, dict)) or len(str(item)) < 40 else type(item).__name__
        raise ArrayError(f"{where}: expected numbers, found {shown} at {''.join(f'[{i}]' for i in index) or 'the top'}")
    try:
        return np.array(value, dtype=np.float64)
    except (ValueError, OverflowError):
        raise ArrayError(f"{where}: the nested lists are ragged (rows of different lengths)") from None


def _first_non_number(value: Any, index: list[int]) -> tuple[list[int], Any] | None:
    stack = [(value, index)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, list):
            stack += [(child, where + [i]) for i, child in reversed(list(enumerate(item)))]
        elif isinstance(item, bool) or not isinstance(item, (int, float)) or abs(item) > 2**53:
            return where, item  # not a number, or an integer a float64 cannot hold exactly
    return None


def _from_slices(slices: Any, where: str) -> Any:
    """Depth slices (C lists of H x W) -> an (H, W, C) array."""
    stacked = _numeric(slices, where)
    if stacked.ndim != 3:
        raise ArrayError(f"{where}: `slices` is a list of matrices (one per depth slice), found {stacked.ndim} levels")
    return np.moveaxis(stacked, 0, -1)


def _check_finite(x: np.ndarray, where: str) -> None:
    if x.size and not (np.isfinite(x.max()) and np.isfinite(x.min())):
        bad = np.argwhere(~np.isfinite(x))
        raise ArrayError(f"{where}: holds {x[tuple(bad[0])]} at {tuple(int(i) for i in bad[0])}; "
                         f"inputs and weights must be finite numbers")


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def write_output(path: str, y: np.ndarray, force: bool) -> None:
    """`.npy` (H, W, C for one image) or `.json`; never overwrites without `force`, never half-writes."""
    suffix = os.path.splitext(path)[1].lower()
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

"""Real arrays through the network: an independent witness of the walker's numbers.

The executor walks the concrete tree with NumPy arrays. It never calls the walker or the
shape formula: an output's shape is whatever the arithmetic on the arrays produced, a
parameter count is the size of the weight arrays it allocated, and a MAC count is what the
kernels counted while computing.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np

from cnncalc.expand import LayerNode, MergeNode, Node, SeqNode
from cnncalc.layers.base import NON_TRAINABLE


class NodeResult(NamedTuple):
    """What running one node showed, per image."""

    shape: tuple[int, ...]
    params: int
    non_trainable: int
    macs: float  # per image; not whole only if a kernel miscounted
    finite: bool


class WeightError(Exception):
    """A given weight array does not fit the layer: the message names it, expected vs given."""


class Executor:
    def __init__(self, rounding: str, rng: np.random.Generator, dtype: type = np.float32,
                 weights: dict[str, np.ndarray] | None = None, naive: bool = False,
                 on_layer: Callable[[str], None] | None = None) -> None:
        self.rounding = rounding
        self.rng = rng
        self.dtype = dtype
        self.given = weights or {}
        self.naive = naive
        self.on_layer = on_layer
        self.results: dict[str, NodeResult] = {}
        self.outputs: dict[str, np.ndarray] = {}  # kept only for paths asked for in `keep`
        self.keep: set[str] = set()
        self.random_weights: list[str] = []  # layers whose weights were generated

    def run(self, root: SeqNode, x: np.ndarray) -> np.ndarray:
        y, *_ = self.seq(root, x, record=False)
        return y

    # ---- nodes -----------------------------------------------------------------------

    def node(self, node: Node, x: np.ndarray) -> tuple[np.ndarray, int, int, float]:
        if isinstance(node, LayerNode):
            return self.layer(node, x)
        if isinstance(node, MergeNode):
            return self.merge(node, x)
        return self.seq(node, x)

    def layer(self, node: LayerNode, x: np.ndarray) -> tuple[np.ndarray, int, int, float]:
        assert node.layer is not None, "run only networks that analysed without errors"
        weights = self.weights(node, x.shape[1:])
        y, macs = node.layer.run(x, weights, self.rounding, self.naive)
        y = y.astype(self.dtype, copy=False)
        params = sum(a.size for name, a in weights.items() if name not in NON_TRAINABLE)
        fixed = sum(a.size for name, a in weights.items() if name in NON_TRAINABLE)
        per_image = macs / x.shape[0]
        self.record(node.path, y, params, fixed, per_image)
        if self.on_layer is not None:
            self.on_layer(node.path)
        return y, params, fixed, per_image

    def seq(self, node: SeqNode, x: np.ndarray, record: bool = True) -> tuple[np.ndarray, int, int, float]:
        params = fixed = 0
        macs = 0.0
        for child in node.children:
            x, p, f, m = self.node(child, x)
            params, fixed, macs = params + p, fixed + f, macs + m
        if record:
            self.record(node.path, x, params, fixed, macs)
        return x, params, fixed, macs

    def merge(self, node: MergeNode, x: np.ndarray) -> tuple[np.ndarray, int, int, float]:
        outs = []
        params = fixed = 0
        macs = 0.0
        for branch in node.branches:
            y, p, f, m = self.seq(branch, x)
            outs.append(y)
            params, fixed, macs = params + p, fixed + f, macs + m
        y = np.concatenate(outs, axis=-1) if node.kind == "concat" else _sum(outs)
        self.record(f"{node.path}.{'concat' if node.kind == 'concat' else 'add'}", y, 0, 0, 0.0)
        self.record(node.path, y, params, fixed, macs)
        return y, params, fixed, macs

    def record(self, path: str, y: np.ndarray, params: int, fixed: int, macs: float) -> None:
        self.results[path] = NodeResult(tuple(y.shape[1:]), params, fixed, macs, bool(np.isfinite(y).all()))
        if path in self.keep:
            self.outputs[path] = y

    # ---- weights ---------------------------------------------------------------------

    def weights(self, node: LayerNode, x: tuple[int, ...]) -> dict[str, np.ndarray]:
        """The given arrays for this layer, checked against its layout, or seeded random ones."""
        shapes = node.layer.weight_shapes(x) if node.layer is not None else {}
        out: dict[str, np.ndarray] = {}
        generated = False
        for name, shape in shapes.items():
            key = f"{node.path}.{name}"
            if key in self.given:
                given: np.ndarray = np.asarray(self.given[key], dtype=self.dtype)
                if given.shape != shape:
                    raise WeightError(f"`{key}` has shape {_dims(given.shape)}, but {node.keyword} needs {_dims(shape)}"
                                      f" ({_layout(node.keyword, name)})")
                out[name] = given
            else:
                out[name] = self.random(name, shape)
                generated = True
        if generated:
            if any(f"{node.path}.{name}" in self.given for name in shapes):
                missing = [f"{node.path}.{n}" for n in shapes if f"{node.path}.{n}" not in self.given]
                raise WeightError(f"weights for `{node.path}` are incomplete: {', '.join(missing)} not given")
            self.random_weights.append(node.path)
        return out

    def random(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """He-normal weights (std √(2/fan-in)) keep activations finite through deep networks."""
        values: np.ndarray = self.rng.standard_normal(shape, dtype=self.dtype)
        if name == "weight":
            values *= np.sqrt(2.0 / max(1, int(np.prod(shape[1:]))))
        elif name == "gamma":
            values = 1 + 0.1 * values
        elif name == "var":
            values = 1 + 0.1 * np.abs(values)
        else:
            values *= 0.1
        return values


def _sum(arrays: list[np.ndarray]) -> np.ndarray:
    total = arrays[0]
    for a in arrays[1:]:
        total = total + a
    return total


def _dims(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def _layout(keyword: str, name: str) -> str:
    return {
        ("conv", "weight"): "C_out, K_h, K_w, C_in/groups",
        ("dwconv", "weight"): "M·C_in, K_h, K_w, 1",
        ("deconv", "weight"): "C_in, K_h, K_w, C_out/groups",
        ("fc", "weight"): "out, in",
        ("linear", "weight"): "out, in",
        ("dense", "weight"): "out, in",
    }.get((keyword, name), "one value per channel" if name != "bias" else "C_out")

"""Real arrays through the network: an independent witness of the walker's numbers.

The executor walks the resolved tree with NumPy arrays. It never calls the walker or the shape
formulas: an output's shape is whatever the arithmetic on the arrays produced, a parameter count
is the size of the weight arrays it allocated, and a MAC count is what the kernels counted while
computing. Merges use their kind's executor op; `@NAME` branches read arrays kept for them.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from cnncalc.layers.base import NON_TRAINABLE
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode


class NodeResult(NamedTuple):
    """What running one node showed, per image."""

    shape: tuple[int, ...]
    params: int
    non_trainable: int
    macs: float  # per image (inference and training-only heads together); not whole only if a kernel miscounted
    finite: bool


class WeightError(Exception):
    """A given weight array does not fit the layer: the message names it, expected vs given."""


Sums = tuple[int, int, float]  # params, non-trainable, MACs


class Executor:
    def __init__(self, rng: np.random.Generator, dtype: type = np.float32,
                 weights: dict[str, np.ndarray] | None = None, naive: bool = False,
                 on_layer: Callable[[str], None] | None = None) -> None:
        self.rng = rng
        self.dtype = dtype
        self.given = weights or {}
        self.naive = naive
        self.on_layer = on_layer
        self.results: dict[str, NodeResult] = {}
        self.kept: dict[int, np.ndarray] = {}  # outputs read later by `@NAME` branches
        self.random_weights: list[str] = []  # layers whose weights were generated
        self.outputs: dict[str, np.ndarray] = {}  # side heads' outputs

    def run(self, root: SeqNode, x: np.ndarray) -> np.ndarray:
        y, _ = self.seq(root, x, record=False)
        return y

    # ---- nodes -----------------------------------------------------------------------

    def node(self, node: Node, x: np.ndarray) -> tuple[np.ndarray, Sums]:
        if isinstance(node, LayerNode):
            y, sums = self.layer(node, x)
        elif isinstance(node, MergeNode):
            y, sums = self.merge(node, x)
        elif node.kind == "side":
            head, sums = self.seq(node, x)
            self.outputs[node.path] = head
            y = x
        else:
            y, sums = self.seq(node, x)
        if node.keep:
            self.kept[id(node)] = y
        return y, sums

    def layer(self, node: LayerNode, x: np.ndarray) -> tuple[np.ndarray, Sums]:
        assert node.layer is not None, "run only networks that analysed without errors"
        weights = self.weights(node, x.shape[1:])
        y, macs = node.layer.run(x, weights, node.rounding.ceil, self.naive)
        y = y.astype(self.dtype, copy=False)
        params = sum(a.size for name, a in weights.items() if name not in NON_TRAINABLE)
        fixed = sum(a.size for name, a in weights.items() if name in NON_TRAINABLE)
        per_image = macs / x.shape[0]
        self.record(node.path, y, (params, fixed, per_image))
        if self.on_layer is not None:
            self.on_layer(node.path)
        return y, (params, fixed, per_image)

    def seq(self, node: SeqNode, x: np.ndarray, record: bool = True) -> tuple[np.ndarray, Sums]:
        if node.ref is not None:
            x = self.kept[id(node.ref)]
        params = fixed = 0
        macs = 0.0
        for child in node.children:
            x, (p, f, m) = self.node(child, x)
            params, fixed, macs = params + p, fixed + f, macs + m
        if record:
            self.record(node.path, x, (params, fixed, macs))
        return x, (params, fixed, macs)

    def merge(self, node: MergeNode, x: np.ndarray) -> tuple[np.ndarray, Sums]:
        parts = node.kind.split(x, len(node.branches))
        outs = []
        params = fixed = 0
        macs = 0.0
        for branch, part in zip(node.branches, parts):
            y, (p, f, m) = self.seq(branch, part)
            outs.append(y)
            params, fixed, macs = params + p, fixed + f, macs + m
        y = node.kind.run(outs)
        self.record(node.join_path, y, (0, 0, 0.0))
        self.record(node.path, y, (params, fixed, macs))
        return y, (params, fixed, macs)

    def record(self, path: str, y: np.ndarray, sums: Sums) -> None:
        self.results[path] = NodeResult(tuple(y.shape[1:]), sums[0], sums[1], sums[2], bool(np.isfinite(y).all()))

    # ---- weights ---------------------------------------------------------------------

    def weights(self, node: LayerNode, x: tuple[int, ...]) -> dict[str, np.ndarray]:
        """The given arrays for this layer, checked against its layout, or seeded random ones."""
        assert node.layer is not None
        shapes = node.layer.weight_shapes(x)
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
        """He-uniform weights (variance 2/fan-in) keep activations finite through deep networks; uniform
        draws cost a fifth of normal ones (docs/executor.md)."""
        values: np.ndarray = self.rng.random(shape, dtype=self.dtype)
        if name == "weight":
            fan_in = max(1, int(np.prod(shape[1:])))
            bound = float(np.sqrt(6.0 / fan_in))
            values *= 2 * bound
            values -= bound
        elif name in ("gamma", "var"):
            values *= 0.2
            values += 0.9
        else:
            values -= 0.5
            values *= 0.2
        return values


def weight_keys(root: SeqNode) -> set[str]:
    """Every `PATH.NAME` a weights file may give for this network (names do not depend on sizes)."""
    keys: set[str] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, LayerNode):
            if node.layer is not None:
                keys |= {f"{node.path}.{name}" for name in node.layer.weight_shapes((1, 1, 1))}
        elif isinstance(node, MergeNode):
            stack += node.branches
        else:
            stack += node.children
    return keys


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

"""Fully connected layers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import Layer, Params, ShapeContext, flag, layer, positional, thousands
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np


@layer
class FC(Layer):
    """Every output neuron sees the whole input, flattened in H, W, C order. MACs = in·out."""

    keyword = "fc"
    aliases = ("linear", "dense")
    units: int = positional("int")
    bias: bool = flag({"nobias": False}, True)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.flat(self.units)

    def params(self, x: Shape) -> Params:
        return Params(weights=x.size * self.units, biases=self.units if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        return x.size * self.units

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        inputs = 1
        for d in x:
            inputs *= d
        return {"weight": (self.units, inputs)} | ({"bias": (self.units,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.linear(x, w["weight"], w.get("bias"), naive)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        inputs = x.size if x.is_flat else "·".join(str(d) for d in x.dims)
        return [
            f"out {self.units} (one value per neuron)",
            f"params ({inputs}{' + 1' if self.bias else ''})·{self.units} = {thousands(self.params(x).learnable)}",
            f"macs {x.size}·{self.units} = {thousands(self.macs(x, y))}",
        ]

"""Fully connected layers."""
from __future__ import annotations

from dataclasses import dataclass

from cnncalc.layers.base import Layer, Params, ShapeContext, flag, positional, thousands
from cnncalc.shape import Shape


@dataclass(frozen=True)
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

    def explain(self, x: Shape, y: Shape) -> list[str]:
        inputs = x.size if x.is_flat else "·".join(str(d) for d in x.dims)
        return [
            f"params ({inputs}{' + 1' if self.bias else ''})·{self.units} = {thousands(self.params(x).learnable)}",
            f"macs {x.size}·{self.units} = {thousands(self.macs(x, y))}",
        ]

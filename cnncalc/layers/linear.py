"""Fully connected layers."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, codes, field
from cnncalc.layers.arguments import CHANNELS, NOBIAS, declared_inputs, flag, positional
from cnncalc.layers.base import (
    FLAT_SIZES,
    KEEPS_INPUT,
    KEEPS_NOTHING,
    Filter,
    Kept,
    Layer,
    Params,
    ShapeContext,
    Working,
    learnt_lengths,
    lengths_term,
    normed_kept,
    thousands,
    weight_norm_flag,
    weight_normed,
)
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


class FC(Layer):
    """Every output neuron sees the whole input, flattened in H, W, C order.

    Params (in + 1)·N; MACs = in·N (bias excluded).
    """

    keyword = "fc"
    family = "fc"
    aliases = ("linear", "dense")
    example = "fc 4096"
    units: int = positional(CHANNELS, doc="the number of neurons N")
    bias: bool = flag(NOBIAS, default=True)
    inputs: int | None = declared_inputs("values")
    flattens: bool = flag({"noflatten": False}, default=True,
                          doc="takes a flat vector only, as PyTorch's Linear and Keras' Dense do (E037)")
    counts_all_inputs = True
    read_transposed = ("weight",)
    normed: bool = weight_norm_flag()

    def kept(self, x: Shape, y: Shape) -> Kept:
        """Its input serves only its weights' gradient (a matrix product): a frozen one keeps nothing, as PyTorch
        keeps nothing for a Linear whose weight needs no gradient."""
        return KEEPS_NOTHING if self.frozen else normed_kept(KEEPS_INPUT, self.normed, self.params(x).weights)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not self.flattens and not x.is_flat:
            ctx.report(codes.E037, f"takes a flat vector (it flattens nothing, as PyTorch's Linear and Keras' Dense) "
                                   f"but gets the volume {x}", arg="flattens",
                       hint="flatten it first (`flatten`; PyTorch's `torch.flatten(x, 1)`, Keras' `Flatten()`) "
                            "or pool it globally; the walk goes on as if it were flattened")
        return Shape.flat(self.units)

    def params(self, x: Shape) -> Params:
        return Params(weights=x.size * self.units + self.normed * self.units, biases=self.units if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        return x.size * self.units

    def filter(self, x: Shape) -> Filter:
        """A neuron: a weight per input value."""
        return Filter(x.size, int(self.bias), str(x.size) if x.is_flat else "·".join(str(d) for d in x.dims), x.dims,
                      neuron=True)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        one = self.filter(x)
        return Working(f"{self.units} (one value per neuron)",
                       f"({one.shown}{' + 1' * one.bias})·{self.units}{lengths_term(self.normed, self.units)} = "
                       f"{thousands(self.params(x).learnable)}",
                       f"{x.size}·{self.units} = {thousands(self.macs(x, y))}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return FLAT_SIZES

    def steps(self, x: Shape) -> tuple[Step, Step]:
        """Every output mixes every position of a volume: the whole map."""
        return (field.whole(x.dims[0]), field.whole(x.dims[1])) if not x.is_flat else field.SAME_STEPS

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        inputs = 1
        for d in x:
            inputs *= d
        shapes: dict[str, tuple[int, ...]] = {"weight": (self.units, inputs)}
        return shapes | ({"bias": (self.units,)} if self.bias else {}) | learnt_lengths(self.normed, self.units)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        w = weight_normed(w) if self.normed else w
        return kernels.linear(x, w["weight"], w.get("bias"), naive)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * x[0] * self.units * itemsize

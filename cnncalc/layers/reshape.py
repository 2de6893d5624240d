"""Layers that move or pass values without arithmetic: flatten, reshape, identity, dropout."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, axis, codes, field
from cnncalc.layers.arguments import KERNEL, Int, RealKind, declared_inputs, option, positional
from cnncalc.layers.base import A_VIEW, FLAT_SIZES, Kept, Layer, ShapeContext
from cnncalc.limits import MAX_CHANNELS, MAX_FLAT
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


class Flatten(Layer):
    """HxWxC -> H·W·C, in H, W, C order."""

    keyword = "flatten"
    example = "flatten"
    inputs: int | None = declared_inputs("values")  # PyTorch's `x.view(-1, 400)`: the length it expects
    counts_all_inputs = True

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if x.size > MAX_FLAT:
            ctx.report(codes.E031, f"flattening {x} gives {x.size:,} values, above cnncalc's limit of {MAX_FLAT:,}",
                       hint="pool the map smaller before it is flattened")
            return None
        return Shape.flat(x.size)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return FLAT_SIZES

    def steps(self, x: Shape) -> tuple[Step, Step]:
        """Every output mixes every position of a volume: the whole map."""
        return (field.whole(x.dims[0]), field.whole(x.dims[1])) if not x.is_flat else field.SAME_STEPS

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.reshape(x.shape[0], -1), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        n = itemsize
        for d in x:
            n *= d
        return n  # a copy when the input is not contiguous


class Squeeze(Layer):
    """A 1x1xC map as the vector of its C values (PyTorch's `x.squeeze()`, or `x.view(b, c)` after a
    global pool); a vector passes. A larger map is E037: squeeze removes sizes of 1 only."""

    keyword = "squeeze"
    example = "globalavgpool ; squeeze"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if x.is_flat:
            return x
        if x.dims[:2] != (1, 1):
            ctx.report(codes.E037, f"squeeze takes a 1x1 map or a vector but gets {x}: it removes sizes of 1 only",
                       hint="pool the map globally first (`globalavgpool`), or flatten it")
            return None
        return Shape.flat(x.channels)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Unit(), axis.Unit()

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.reshape(x.shape[0], -1), 0


class Unflatten(Layer):
    """A vector of C as a 1x1xC map (PyTorch's `y.view(b, c, 1, 1)`): a squeeze-and-excitation gate
    computed by fully connected layers, before it scales the map (`mul`). A volume is E037."""

    keyword = "unflatten"
    example = "globalavgpool ; squeeze ; fc 16 ; unflatten"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not x.is_flat:
            ctx.report(codes.E037, f"unflatten takes a vector but gets the volume {x}",
                       hint="unflatten the output of a fully connected layer or a flatten")
            return None
        return Shape.volume(1, 1, x.size)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(1, 1), axis.Fixed(1, 1)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.reshape(x.shape[0], 1, 1, -1), 0


class Reshape(Layer):
    """A vector, or a volume, of H·W·C values as an HxWxC map: PyTorch's `x.view(-1, C, H, W)` after a fully
    connected layer (a generator's first map from its latent vector), Keras' `Reshape((H, W, C))`. `reshape 4x4`
    takes the depth its input's size gives. The values are read in H, W, C order, as `flatten` writes them; their
    count must be H·W·C (E017)."""

    keyword = "reshape"
    example = "fc 8192 ; reshape 4x4x512"
    size: tuple[int, int] = positional(KERNEL)
    depth: int | None = option(Int(1, MAX_CHANNELS), default=None, doc="the map's depth, when written (4x4x512)")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        h, w = self.size
        depth = self.depth if self.depth is not None else x.size // (h * w)
        if depth < 1 or h * w * depth != x.size:
            takes = f"{h * w * depth:,} values" if self.depth is not None else f"a multiple of {h * w:,} values"
            ctx.report(codes.E017, f"reshape {h}x{w}{f'x{self.depth}' if self.depth is not None else ''} takes "
                                   f"{takes} but receives {x.size:,} ({x})", arg="size",
                       hint=f"reshape to sizes whose product is {x.size:,}")
            return None
        return Shape.volume(h, w, depth)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(self.size[0]), axis.Fixed(self.size[1])

    def steps(self, x: Shape) -> tuple[Step, Step]:
        """Every unit of the map may hold any value of the input: the whole of it."""
        return (field.whole(x.dims[0]), field.whole(x.dims[1])) if not x.is_flat else field.SAME_STEPS

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.reshape(x.shape[0], self.size[0], self.size[1], -1), 0


class Identity(Layer):
    """Passes its input through: the empty branch of an `add`; with `inputs C`, only a map of C channels (a
    framework's constant per channel, `(x - mean) / std`, which broadcasts against C channels alone)."""

    keyword = "identity"
    example = "identity"
    inputs: int | None = declared_inputs()

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW


class Dropout(Layer):
    """Zeroes a fraction `p` of activations in training; the identity at inference."""

    keyword = "dropout"
    example = "dropout 0.5"
    p: float = positional(RealKind(0, 1, below=True), default=0.5)

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("nothing", y.size)  # its mask, a byte a value (PyTorch's fused kernel on a GPU)

"""Pooling: max and average windows, and global pools. No parameters, no MACs."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, axis, field
from cnncalc.layers.arguments import KERNEL, NO_PAD, PADDING, ROUNDING_WORDS, SIZE, Pad, Pair, flag, option, positional
from cnncalc.layers.base import INDEX_BYTES, KEEPS_NOTHING, Kept, Layer, ShapeContext, Working
from cnncalc.layers.window import format_axes, resolve_pad, window_axes, window_output
from cnncalc.shape import Shape, effective_kernel

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


class MaxPool(Layer):
    """Max over each `KxK` window of each depth slice; stride defaults to K."""

    keyword = "maxpool"
    family = "pool"
    example = "maxpool 3x3 stride 2"
    spatial_input = True
    kernel: Pair = positional(KERNEL)
    stride: Pair | None = option(SIZE, default=None, doc="defaults to the kernel")
    pad: Pad = option(PADDING, default=NO_PAD, names=("padding",))
    dilation: Pair = option(SIZE, default=(1, 1))
    rounding: str | None = flag(ROUNDING_WORDS, default=None)

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", y.size * INDEX_BYTES)  # and where each maximum was

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, self.dilation, ctx, pool=True)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        return Working(format_axes(*window_axes(x, self.kernel, self.step, self.pad, self.dilation,
                                                ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        p, s, d = self.pad, self.step, self.dilation
        return (axis.Window(effective_kernel(self.kernel[0], d[0]), s[0], p.top, p.bottom, p.same),
                axis.Window(effective_kernel(self.kernel[1], d[1]), s[1], p.left, p.right, p.same))

    def steps(self, x: Shape) -> tuple[Step, Step]:
        p = resolve_pad(x, self.kernel, self.step, self.dilation, self.pad)
        return (field.window(self.kernel[0], self.step[0], p.top, self.dilation[0]),
                field.window(self.kernel[1], self.step[1], p.left, self.dilation[1]))

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x.shape[1:3], self.kernel, self.step, self.dilation)
        return kernels.max_pool2d(x, self.kernel, self.step, pads, self.dilation, ceil, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x[1:3], self.kernel, self.step, self.dilation)
        return kernels.pool_plan(x, kernels.Windows(x, self.kernel, self.step, pads, self.dilation, ceil), itemsize,
                                 average=False)


class AvgPool(Layer):
    """Mean over each window; padded zeros count unless `exclude_pad` (PyTorch's default)."""

    keyword = "avgpool"
    family = "pool"
    example = "avgpool 2x2"
    spatial_input = True
    kernel: Pair = positional(KERNEL)
    stride: Pair | None = option(SIZE, default=None, doc="defaults to the kernel")
    pad: Pad = option(PADDING, default=NO_PAD, names=("padding",))
    rounding: str | None = flag(ROUNDING_WORDS, default=None)
    exclude_pad: bool = flag({"exclude_pad": True}, default=False, doc="divide by the cells inside the input only")

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, (1, 1), ctx, pool=True)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        return Working(format_axes(*window_axes(x, self.kernel, self.step, self.pad, (1, 1), ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        p, s, d = self.pad, self.step, (1, 1)
        return (axis.Window(effective_kernel(self.kernel[0], d[0]), s[0], p.top, p.bottom, p.same),
                axis.Window(effective_kernel(self.kernel[1], d[1]), s[1], p.left, p.right, p.same))

    def steps(self, x: Shape) -> tuple[Step, Step]:
        p = resolve_pad(x, self.kernel, self.step, (1, 1), self.pad)
        return (field.window(self.kernel[0], self.step[0], p.top, (1, 1)[0]),
                field.window(self.kernel[1], self.step[1], p.left, (1, 1)[1]))

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x.shape[1:3], self.kernel, self.step, (1, 1))
        return kernels.avg_pool2d(x, self.kernel, self.step, pads, ceil, self.exclude_pad, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x[1:3], self.kernel, self.step, (1, 1))
        return kernels.pool_plan(x, kernels.Windows(x, self.kernel, self.step, pads, (1, 1), ceil), itemsize,
                                 average=True)


class GlobalAvgPool(Layer):
    """Mean of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalavgpool"
    family = "pool"
    example = "globalavgpool"
    spatial_input = True

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # PyTorch averages to 1x1 with `mean`, whose gradient needs only sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(1, 1, x.channels)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(1), axis.Fixed(1)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        # adaptive pooling to one unit, as `adaptiveavgpool 1x1` moves it: the map's size at a stride of that size
        # (the stride matters when the unit is resampled back to a map, as DeepLab's image pooling is)
        return field.adaptive(x.dims[0], 1), field.adaptive(x.dims[1], 1)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.mean(axis=(1, 2), keepdims=True), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * x[0] * x[-1] * itemsize


class GlobalMaxPool(Layer):
    """Max of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalmaxpool"
    family = "pool"
    example = "globalmaxpool"
    spatial_input = True

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", y.size * INDEX_BYTES)  # PyTorch's adaptive_max_pool2d(1): and the indices

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(1, 1, x.channels)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(1), axis.Fixed(1)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        # adaptive pooling to one unit, as `adaptiveavgpool 1x1` moves it: the map's size at a stride of that size
        # (the stride matters when the unit is resampled back to a map, as DeepLab's image pooling is)
        return field.adaptive(x.dims[0], 1), field.adaptive(x.dims[1], 1)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.max(axis=(1, 2), keepdims=True), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * x[0] * x[-1] * itemsize

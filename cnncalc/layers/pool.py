"""Pooling: max, average and power-average windows, and global pools. No parameters, no MACs."""
from __future__ import annotations

import math

from cnncalc import TYPE_CHECKING, axis, codes, field
from cnncalc.layers.arguments import (
    KERNEL,
    NO_PAD,
    PADDING,
    ROUNDING_WORDS,
    SIZE,
    Int,
    Pad,
    Pair,
    RealKind,
    flag,
    option,
    positional,
)
from cnncalc.layers.base import BYTES_PER_VALUE, INDEX_BYTES, KEEPS_NOTHING, Kept, Layer, ShapeContext, Working
from cnncalc.layers.window import format_axes, window_axes, window_output, window_rules, window_steps
from cnncalc.limits import MAX_FLAT, MAX_REAL
from cnncalc.shape import Shape, effective_kernel

if TYPE_CHECKING:
    from typing import Any, ClassVar

    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


def _wide_pad_flag() -> Any:
    """`widepad`: Caffe's, ONNX's and MATLAB's limit on a pool's padding, P < K on each side, instead of PyTorch's
    P <= floor(K/2) (E032): their readers set it on a pool padded past PyTorch's limit."""
    return flag({"widepad": True}, default=False, doc="padding up to K - 1 on a side, as Caffe, ONNX and MATLAB allow "
                                                      "(PyTorch allows floor(K/2): E032 without it)")


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
    wide_pad: bool = _wide_pad_flag()

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", y.size * INDEX_BYTES)  # and where each maximum was

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def reach(self) -> Pair:
        """How many rows and columns one (dilated) window spans."""
        return effective_kernel(self.kernel[0], self.dilation[0]), effective_kernel(self.kernel[1], self.dilation[1])

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, self.dilation, ctx, pool=True,
                             wide_pad=self.wide_pad)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        return Working(format_axes(*window_axes(x, self.kernel, self.step, self.pad, self.dilation,
                                                ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return window_rules(self.kernel, self.step, self.pad, self.dilation)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return window_steps(x, self.kernel, self.step, self.pad, self.dilation)

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
    wide_pad: bool = _wide_pad_flag()
    divisor: int | None = option(Int(1, MAX_FLAT), default=None,
                                 doc="divide every window's sum by this number, whatever its cells (PyTorch's "
                                     "divisor_override; `exclude_pad` then changes nothing)")

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, (1, 1), ctx, pool=True,
                             wide_pad=self.wide_pad)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        return Working(format_axes(*window_axes(x, self.kernel, self.step, self.pad, (1, 1), ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return window_rules(self.kernel, self.step, self.pad, (1, 1))

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return window_steps(x, self.kernel, self.step, self.pad, (1, 1))

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x.shape[1:3], self.kernel, self.step, (1, 1))
        return kernels.avg_pool2d(x, self.kernel, self.step, pads, ceil, self.exclude_pad, naive, self.divisor), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x[1:3], self.kernel, self.step, (1, 1))
        return kernels.pool_plan(x, kernels.Windows(x, self.kernel, self.step, pads, (1, 1), ceil), itemsize,
                                 average=True)


class LPPool(Layer):
    """The power-average (Σ x^p)^(1/p) over each window, unpadded (PyTorch's LPPool2d; p 1 is a sum pool, and as p
    grows it nears a max pool). As PyTorch computes it, a ceil-mode window that reaches past the input has its sum
    scaled by the window's size over its cells inside; and x^p of a negative x, or a root of a negative sum, is NaN
    for a fractional power (odd powers keep signs: ONNX's LpPool, of |x|, is the same for even p only)."""

    keyword = "lppool"
    family = "pool"
    example = "lppool 2x2 p 2"
    spatial_input = True
    kernel: Pair = positional(KERNEL)
    p: float = option(RealKind(0, MAX_REAL, above=True), default=2.0, names=("norm",),
                      doc="the power (PyTorch's norm_type)")
    stride: Pair | None = option(SIZE, default=None, doc="defaults to the kernel")
    rounding: str | None = flag(ROUNDING_WORDS, default=None)

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    @property
    def pad(self) -> Pad:
        """None (PyTorch's LPPool2d has no padding), for what reads any window layer's padding."""
        return NO_PAD

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, NO_PAD, (1, 1), ctx, pool=True, padded=False)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        return Working(format_axes(*window_axes(x, self.kernel, self.step, NO_PAD, (1, 1), ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return window_rules(self.kernel, self.step, NO_PAD, (1, 1))

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return window_steps(x, self.kernel, self.step, NO_PAD, (1, 1))

    def kept(self, x: Shape, y: Shape) -> Kept:
        # PyTorch's avg_pool2d(x.pow(p)), then (sign(a)·relu(|a|))·k·k, then pow(1/p), keeps beside its input x^p and
        # four maps of the output's size: the average, its sign, the relu of its magnitude, the scaled sum
        return Kept("input", (x.size + 4 * y.size) * BYTES_PER_VALUE)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.lp_pool2d(x, self.kernel, self.step, self.p, ceil, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        windows = kernels.Windows(x, self.kernel, self.step, (0, 0, 0, 0), (1, 1), ceil)
        return kernels.pool_plan(x, windows, itemsize, average=True) + math.prod(x) * itemsize  # and x^p


class _GlobalPool(Layer):
    """A pool over the whole map: HxWxC -> 1x1xC; or, with `width` (`height`), a window the map's width
    (height) at a stride of it, as PyTorch's `F.avg_pool2d(x, x.size(3))` writes it: the whole map when it is
    square, `floor(H/W)x1` on a taller one (the window couples the two axes: `solve` does not follow it)."""

    family = "pool"
    spatial_input = True
    reduction: ClassVar[str]  # avg | max: PyTorch's name for it (`F.adaptive_avg_pool2d`)
    side: str | None = flag({"width": "width", "height": "height"}, default=None,
                            doc="a window of the map's width (height) at a stride of it: global on a square map")

    def window(self, x: Shape) -> Pair:
        """The window's side on input `x` (the map's width or height), both ways; its stride too."""
        k = x.dims[1] if self.side == "width" else x.dims[0]
        return k, k

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if self.side is None:
            return Shape.volume(1, 1, x.channels)
        k = self.window(x)
        across = x.dims[0] if self.side == "width" else x.dims[1]
        if across < k[0]:
            ctx.report(codes.E031, f"the window is the map's {self.side}, {k[0]}, and its "
                                   f"{'height' if self.side == 'width' else 'width'} only {across}: no window fits",
                       hint="PyTorch refuses it too; pool the whole map with `"
                            f"{self.keyword}` (PyTorch's `F.adaptive_{self.reduction}_pool2d(x, 1)`)")
            ctx.no_window()
            return None
        return window_output(x, x.channels, k, k, NO_PAD, (1, 1), ctx, pool=True, of_the_map=True)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        if self.side is None:
            return Working()
        k = self.window(x)
        return Working(format_axes(*window_axes(x, k, k, NO_PAD, (1, 1), ctx.rounding == "ceil")))

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        if self.side is not None:
            coupled = axis.Coupled(f"`{self.spec_text()}`: its window is the map's {self.side}")
            return coupled, coupled
        return axis.Fixed(1), axis.Fixed(1)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        if self.side is not None:
            k = self.window(x)[0]
            return field.window(k, k, 0), field.window(k, k, 0)
        # adaptive pooling to one unit, as `adaptiveavgpool 1x1` moves it: the map's size at a stride of that size
        # (the stride matters when the unit is resampled back to a map, as DeepLab's image pooling is)
        return field.adaptive(x.dims[0], 1), field.adaptive(x.dims[1], 1)

    def executed_window(self, x: tuple[int, ...]) -> Pair:
        """The window's side on the executor's input (N, H, W, C), read off the array."""
        k = x[2] if self.side == "width" else x[1]
        return k, k

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        if self.side is None:
            return 2 * x[0] * x[-1] * itemsize
        from cnncalc import kernels
        k = self.executed_window(x)
        return kernels.pool_plan(x, kernels.Windows(x, k, k, (0, 0, 0, 0), (1, 1), ceil), itemsize,
                                 average=self.reduction == "avg")


class GlobalAvgPool(_GlobalPool):
    """Mean of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalavgpool"
    example = "globalavgpool"
    reduction = "avg"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # PyTorch averages to 1x1 with `mean`, whose gradient needs only sizes

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        if self.side is None:
            return x.mean(axis=(1, 2), keepdims=True), 0
        from cnncalc import kernels
        k = self.executed_window(x.shape)
        return kernels.avg_pool2d(x, k, k, (0, 0, 0, 0), ceil, False, naive), 0


class GlobalMaxPool(_GlobalPool):
    """Max of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalmaxpool"
    example = "globalmaxpool"
    reduction = "max"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", y.size * INDEX_BYTES)  # PyTorch's adaptive_max_pool2d(1): and the indices

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        if self.side is None:
            return x.max(axis=(1, 2), keepdims=True), 0
        from cnncalc import kernels
        k = self.executed_window(x.shape)
        return kernels.max_pool2d(x, k, k, (0, 0, 0, 0), (1, 1), ceil, naive), 0


class _ChannelPool(Layer):
    """A pool across the channels at each position: HxWxC -> HxWx1 (CBAM's spatial attention pools the map so, its
    mean and its max concatenated before a convolution)."""

    family = "pool"
    spatial_input = True
    reduction: ClassVar[str]  # avg | max

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return x.with_channels(1)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return x[0] * x[1] * x[2] * itemsize  # the output


class ChannelAvgPool(_ChannelPool):
    """Mean over the channels at each position: HxWxC -> HxWx1 (PyTorch's `torch.mean(x, 1, keepdim=True)`)."""

    keyword = "channelavgpool"
    example = "channelavgpool"
    reduction = "avg"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # a mean's gradient needs only the sizes

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.mean(axis=-1, keepdims=True), 0


class ChannelMaxPool(_ChannelPool):
    """Max over the channels at each position: HxWxC -> HxWx1 (PyTorch's `torch.max(x, 1, keepdim=True)[0]`)."""

    keyword = "channelmaxpool"
    example = "channelmaxpool"
    reduction = "max"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("nothing", y.size * INDEX_BYTES)  # where each maximum was: torch.max's indices

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x.max(axis=-1, keepdims=True), 0

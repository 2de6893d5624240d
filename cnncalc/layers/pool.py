"""Pooling: max and average windows, and global pools."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import NO_PAD, Layer, Pad, ShapeContext, ceil_mode, executor_pads, flag, layer, option, positional
from cnncalc.layers.conv import ROUNDING_WORDS
from cnncalc.layers.window import Pair, format_axes, window_axes, window_output
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np


@layer
class MaxPool(Layer):
    """Max over each `KxK` window of each depth slice; stride defaults to K. No parameters, no MACs."""

    keyword = "maxpool"
    spatial_input = True
    kernel: Pair = positional("pair")
    stride: Pair | None = option("pair", None)
    pad: Pad = option("pad", NO_PAD, min=0)
    dilation: Pair = option("pair", (1, 1))
    rounding: str | None = flag(ROUNDING_WORDS, None)

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, self.dilation, self.rounding, ctx,
                             pool=True)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        return ["out " + format_axes(*window_axes(x, self.kernel, self.step, self.pad, self.dilation, "floor"), y)]

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = executor_pads(self.pad, x.shape[1:], self.kernel, self.step, self.dilation)
        return kernels.max_pool2d(x, self.kernel, self.step, pads, self.dilation,
                                  ceil_mode(self.rounding, rounding), naive), 0


@layer
class AvgPool(Layer):
    """Mean over each window; padded zeros count unless `exclude_pad` (PyTorch's default)."""

    keyword = "avgpool"
    spatial_input = True
    kernel: Pair = positional("pair")
    stride: Pair | None = option("pair", None)
    pad: Pad = option("pad", NO_PAD, min=0)
    rounding: str | None = flag(ROUNDING_WORDS, None)
    exclude_pad: bool = flag({"exclude_pad": True}, False)

    @property
    def step(self) -> Pair:
        return self.stride or self.kernel

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, x.channels, self.kernel, self.step, self.pad, (1, 1), self.rounding, ctx,
                             pool=True)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        return ["out " + format_axes(*window_axes(x, self.kernel, self.step, self.pad, (1, 1), "floor"), y)]

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = executor_pads(self.pad, x.shape[1:], self.kernel, self.step, (1, 1))
        return kernels.avg_pool2d(x, self.kernel, self.step, pads, ceil_mode(self.rounding, rounding),
                                  self.exclude_pad, naive), 0


@layer
class GlobalAvgPool(Layer):
    """Mean of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalavgpool"
    spatial_input = True

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(1, 1, x.channels)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        return x.mean(axis=(1, 2), keepdims=True), 0


@layer
class GlobalMaxPool(Layer):
    """Max of each whole depth slice: HxWxC -> 1x1xC."""

    keyword = "globalmaxpool"
    spatial_input = True

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(1, 1, x.channels)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        return x.max(axis=(1, 2), keepdims=True), 0

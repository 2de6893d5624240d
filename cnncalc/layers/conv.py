"""Convolutions: standard (grouped, dilated), depthwise, and transposed."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import (NO_PAD, Layer, Pad, Params, ShapeContext, ceil_mode, executor_pads, flag, layer, option,
                                 positional, thousands)
from cnncalc.layers.window import Pair, format_axes, window_axes, window_output
from cnncalc.shape import Shape, effective_kernel, transposed_len

if TYPE_CHECKING:
    import numpy as np

ROUNDING_WORDS = {"floor": "floor", "ceil": "ceil"}


def _check_groups(ctx: ShapeContext, cin: int, cout: int, groups: int) -> bool:
    if cin % groups == 0 and cout % groups == 0:
        return True
    bad = [f"{what} {n}" for what, n in (("input channels", cin), ("output channels", cout)) if n % groups]
    ctx.report("E033", f"groups {groups} does not divide the {' and '.join(bad)}", field="groups",
               hint=f"use a groups value that divides both {cin} and {cout}, e.g. "
                    f"{max(g for g in range(1, groups + 1) if cin % g == 0 and cout % g == 0)}")
    return False


@layer
class Conv(Layer):
    """Convolution: `C` filters of `KxK x Cin/G`, sliding at `stride` over the padded input.

    MACs = Hout·Wout·Cout·Kh·Kw·Cin/G (bias excluded).
    """

    keyword = "conv"
    spatial_input = True
    out_channels: int = positional("int")
    kernel: Pair = positional("pair")
    stride: Pair = option("pair", (1, 1))
    pad: Pad = option("pad", NO_PAD, min=0)
    dilation: Pair = option("pair", (1, 1))
    groups: int = option("int", 1)
    bias: bool = flag({"nobias": False}, True)
    rounding: str | None = flag(ROUNDING_WORDS, None)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        _check_groups(ctx, x.channels, self.out_channels, self.groups)
        return window_output(x, self.out_channels, self.kernel, self.stride, self.pad, self.dilation,
                             self.rounding, ctx)

    def params(self, x: Shape) -> Params:
        kh, kw = self.kernel
        return Params(weights=kh * kw * (x.channels // self.groups) * self.out_channels,
                      biases=self.out_channels if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        kh, kw = self.kernel
        return y.dims[0] * y.dims[1] * self.out_channels * kh * kw * (x.channels // self.groups)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        shapes = {"weight": (self.out_channels, self.kernel[0], self.kernel[1], x[-1] // self.groups)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = executor_pads(self.pad, x.shape[1:], self.kernel, self.stride, self.dilation)
        return kernels.conv2d(x, w["weight"], w.get("bias"), self.stride, pads, self.dilation, self.groups,
                              ceil_mode(self.rounding, rounding), naive)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        kh, kw = self.kernel
        cin = x.channels // self.groups
        per_filter = f"{kh}·{kw}·{cin}" + (" + 1" if self.bias else "")
        return [
            "out " + format_axes(*window_axes(x, self.kernel, self.stride, self.pad, self.dilation, "floor"), y),
            f"params ({per_filter})·{self.out_channels} = {thousands(self.params(x).learnable)}",
            f"macs {y.dims[0]}·{y.dims[1]}·{self.out_channels}·{kh}·{kw}·{cin} = {thousands(self.macs(x, y))}",
        ]


@layer
class DWConv(Layer):
    """Depthwise convolution: one `KxK` filter per input channel (times `multiplier`).

    It is a convolution with C = M·Cin and groups = Cin. MACs = Hout·Wout·M·Cin·Kh·Kw.
    """

    keyword = "dwconv"
    spatial_input = True
    kernel: Pair = positional("pair")
    stride: Pair = option("pair", (1, 1))
    pad: Pad = option("pad", NO_PAD, min=0)
    dilation: Pair = option("pair", (1, 1))
    multiplier: int = option("int", 1)
    bias: bool = flag({"nobias": False}, True)
    rounding: str | None = flag(ROUNDING_WORDS, None)

    def as_conv(self, x: Shape) -> Conv:
        return Conv(self.multiplier * x.channels, self.kernel, self.stride, self.pad, self.dilation,
                    x.channels, self.bias, self.rounding)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return self.as_conv(x).out_shape(x, ctx)

    def params(self, x: Shape) -> Params:
        return self.as_conv(x).params(x)

    def macs(self, x: Shape, y: Shape) -> int:
        return self.as_conv(x).macs(x, y)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        c = self.multiplier * x[-1]
        return {"weight": (c, self.kernel[0], self.kernel[1], 1)} | ({"bias": (c,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        pads = executor_pads(self.pad, x.shape[1:], self.kernel, self.stride, self.dilation)
        return kernels.depthwise2d(x, w["weight"], w.get("bias"), self.stride, pads, self.dilation,
                                   ceil_mode(self.rounding, rounding), naive)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        kh, kw = self.kernel
        c = self.multiplier * x.channels
        return [
            "out " + format_axes(*window_axes(x, self.kernel, self.stride, self.pad, self.dilation, "floor"), y),
            f"params ({kh}·{kw}{' + 1' if self.bias else ''})·{c} = {thousands(self.params(x).learnable)}",
            f"macs {y.dims[0]}·{y.dims[1]}·{c}·{kh}·{kw} = {thousands(self.macs(x, y))}",
        ]


@layer
class Deconv(Layer):
    """Transposed convolution: each input pixel scatters a `KxK x C/G` filter into the output.

    Output `(N - 1)·S - P_total + F_eff + outpad`. MACs = Hin·Win·Cin·Kh·Kw·Cout/G.
    """

    keyword = "deconv"
    spatial_input = True
    out_channels: int = positional("int")
    kernel: Pair = positional("pair")
    stride: Pair = option("pair", (1, 1))
    pad: Pad = option("pad", NO_PAD, min=0)
    outpad: Pair = option("pair", (0, 0), min=0)
    dilation: Pair = option("pair", (1, 1))
    groups: int = option("int", 1)
    bias: bool = flag({"nobias": False}, True)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if self.pad.same:
            ctx.report("E013", "`pad same` is not defined for a transposed convolution", field="pad",
                       hint="give the padding as a number, e.g. `pad 1`")
            return None
        _check_groups(ctx, x.channels, self.out_channels, self.groups)
        for axis, a, s, d in (("height", self.outpad[0], self.stride[0], self.dilation[0]),
                              ("width", self.outpad[1], self.stride[1], self.dilation[1])):
            if a >= s and a >= d:
                ctx.report("E035", f"outpad {a} is not smaller than the {axis} stride {s} or dilation {d}",
                           field="outpad", hint=f"use outpad {max(s, d) - 1} or less")
                break
        h, w = self._axes(x)
        if h < 1 or w < 1:
            ctx.report("E031", f"the transposed convolution's output would be {h}x{w}", field="pad",
                       hint="use less padding")
            return None
        return Shape.volume(h, w, self.out_channels)

    def _axes(self, x: Shape) -> tuple[int, int]:
        p = self.pad
        return (transposed_len(x.dims[0], effective_kernel(self.kernel[0], self.dilation[0]), self.stride[0],
                               p.top + p.bottom, self.outpad[0]),
                transposed_len(x.dims[1], effective_kernel(self.kernel[1], self.dilation[1]), self.stride[1],
                               p.left + p.right, self.outpad[1]))

    def params(self, x: Shape) -> Params:
        kh, kw = self.kernel
        return Params(weights=kh * kw * x.channels * (self.out_channels // self.groups),
                      biases=self.out_channels if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        kh, kw = self.kernel
        return x.dims[0] * x.dims[1] * x.channels * kh * kw * (self.out_channels // self.groups)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        shapes = {"weight": (x[-1], self.kernel[0], self.kernel[1], self.out_channels // self.groups)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        p = self.pad
        return kernels.conv_transpose2d(x, w["weight"], w.get("bias"), self.stride, (p.top, p.bottom, p.left, p.right),
                                        self.outpad, self.dilation, self.groups, naive)

    def explain(self, x: Shape, y: Shape) -> list[str]:
        kh, kw = self.kernel
        p = self.pad
        f = effective_kernel(self.kernel[0], self.dilation[0])
        cpg = self.out_channels // self.groups
        return [
            f"out ({x.dims[0]} - 1)·{self.stride[0]} - {p.top + p.bottom} + {f} + {self.outpad[0]} = {y.dims[0]}",
            f"params {kh}·{kw}·{x.channels}·{cpg}{f' + {self.out_channels}' if self.bias else ''}"
            f" = {thousands(self.params(x).learnable)}",
            f"macs {x.dims[0]}·{x.dims[1]}·{x.channels}·{kh}·{kw}·{cpg} = {thousands(self.macs(x, y))}",
        ]

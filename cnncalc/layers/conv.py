"""Convolutions: standard (grouped, dilated), depthwise, and transposed."""
from __future__ import annotations

import math

from cnncalc import TYPE_CHECKING, axis, codes, field
from cnncalc.layers.arguments import (
    CHANNELS,
    KERNEL,
    NO_PAD,
    NOBIAS,
    OFFSET,
    PADDING,
    ROUNDING_WORDS,
    SIZE,
    Int,
    Pad,
    Pair,
    declared_inputs,
    flag,
    option,
    positional,
)
from cnncalc.layers.base import (
    Filter,
    Layer,
    Params,
    ShapeContext,
    Working,
    learnt_lengths,
    lengths_term,
    thousands,
    weight_norm_flag,
    weight_normed,
)
from cnncalc.layers.window import (
    common_groups,
    format_axes,
    window_axes,
    window_output,
    window_rules,
    window_steps,
)
from cnncalc.limits import MAX_CHANNELS, MAX_EXTENT, MAX_SIZE
from cnncalc.shape import Shape, effective_kernel, transposed_len

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step


def check_groups(ctx: ShapeContext, cin: int, cout: int, groups: int) -> bool:
    if cin % groups == 0 and cout % groups == 0:
        return True
    bad = [f"{what} {n}" for what, n in (("input channels", cin), ("output channels", cout)) if n % groups]
    ctx.report(codes.E033, f"groups {groups} does not divide the {' and '.join(bad)}", arg="groups",
               hint=f"use a groups value that divides both {cin} and {cout}, e.g. {common_groups(cin, cout, groups)}")
    return False


def check_depth(ctx: ShapeContext, depth: int | None, x: Shape, groups: int = 1) -> bool:
    """`conv 96 11x11x3`: the filter's depth, when written, must be the input's (per group)."""
    if depth is not None and depth != x.channels // groups:
        per_group = f" ({x.channels}/{groups} per group)" if groups > 1 else ""
        split = x.channels // depth if groups == 1 and depth and x.channels % depth == 0 and depth < x.channels else 0
        ctx.report(codes.E016, f"the filters are {depth} deep but the input is {x.channels} deep{per_group}",
                   arg="kernel", hint=f"write the kernel as `KxKx{x.channels // groups}`, or leave the depth out"
                   + (f"; filters {depth} deep on {x.channels} channels are {split} groups (AlexNet's two GPUs): add "
                      f"`groups {split}`" if split else ""))
        return False
    return True


class Conv(Layer):
    """Convolution: `C` filters of `KxK x Cin/G`, sliding at `stride` over the padded input.

    Params (K·K·Cin/G + 1)·C; MACs = Hout·Wout·C·Kh·Kw·Cin/G (bias excluded).
    """

    keyword = "conv"
    family = "conv"
    example = "conv 96 11x11 stride 4 pad 0"
    spatial_input = True
    read_transposed = ("weight",)
    out_channels: int = positional(CHANNELS, doc="the number of filters C")
    kernel: Pair = positional(KERNEL, doc="K or KxK (KxKxCin also, checked against the input)")
    stride: Pair = option(SIZE, default=(1, 1))
    pad: Pad = option(PADDING, default=NO_PAD, names=("padding",), doc="P, PxQ, T,B,L,R, same or valid")
    dilation: Pair = option(SIZE, default=(1, 1))
    groups: int = option(CHANNELS, default=1)
    bias: bool = flag(NOBIAS, default=True)
    rounding: str | None = flag(ROUNDING_WORDS, default=None, doc="this layer's rounding of inexact divisions")
    depth: int | None = option(Int(1, MAX_CHANNELS), default=None, doc="the filter depth, when written (11x11x3)")
    inputs: int | None = declared_inputs()
    normed: bool = weight_norm_flag()

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not check_groups(ctx, x.channels, self.out_channels, self.groups):
            return None  # PyTorch refuses it: no output to go on with
        if not check_depth(ctx, self.depth, x, self.groups):
            return None
        return window_output(x, self.out_channels, self.kernel, self.stride, self.pad, self.dilation, ctx)

    def params(self, x: Shape) -> Params:
        kh, kw = self.kernel
        return Params(weights=kh * kw * (x.channels // self.groups) * self.out_channels +
                      self.normed * self.out_channels, biases=self.out_channels if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        kh, kw = self.kernel
        return y.dims[0] * y.dims[1] * self.out_channels * kh * kw * (x.channels // self.groups)

    def filter(self, x: Shape) -> Filter:
        kh, kw = self.kernel
        cin = x.channels // self.groups
        return Filter(kh * kw * cin, int(self.bias), f"{kh}·{kw}·{cin}", (kh, kw, cin))

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        kh, kw = self.kernel
        cin = x.channels // self.groups
        one = self.filter(x)
        per_filter = one.shown + " + 1" * one.bias
        return Working(
            format_axes(*window_axes(x, self.kernel, self.stride, self.pad, self.dilation, ctx.rounding == "ceil")),
            f"({per_filter})·{self.out_channels}{lengths_term(self.normed, self.out_channels)} = "
            f"{thousands(self.params(x).learnable)}",
            f"{y.dims[0]}·{y.dims[1]}·{self.out_channels}·{kh}·{kw}·{cin} = {thousands(self.macs(x, y))}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return window_rules(self.kernel, self.stride, self.pad, self.dilation)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return window_steps(x, self.kernel, self.stride, self.pad, self.dilation)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        shapes: dict[str, tuple[int, ...]] = {"weight": (self.out_channels, self.kernel[0], self.kernel[1],
                                                         x[-1] // self.groups)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {}) | learnt_lengths(self.normed,
                                                                                               self.out_channels)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        w = weight_normed(w) if self.normed else w
        pads = kernels.pads_for(self.pad, x.shape[1:3], self.kernel, self.stride, self.dilation)
        return kernels.conv2d(x, w["weight"], w.get("bias"), self.stride, pads, self.dilation, self.groups, ceil, naive)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x[1:3], self.kernel, self.stride, self.dilation)
        windows = kernels.Windows(x, self.kernel, self.stride, pads, self.dilation, ceil)
        return kernels.conv2d_plan(x, self.out_channels, self.kernel, self.groups, windows, itemsize)


class ChannelConv(Layer):
    """A 1-D convolution across the channels at each position: one filter of K weights slides along the C
    channels, over P zeros at each end (ECA-Net's channel attention: PyTorch's `nn.Conv1d(1, 1, K, padding=(K -
    1)//2)` on the pooled channels). HxWxC -> HxWx(C + 2P - K + 1); the default P, (K - 1)/2, keeps C for an odd K.

    Params K + 1 (K with `nobias`); MACs = H·W·Cout·K, as PyTorch counts its `Conv1d` (the zeros' products
    included)."""

    keyword = "channelconv"
    family = "conv"
    example = "channelconv 3 nobias"
    kernel: int = positional(Int(1, MAX_SIZE), doc="K, the filter's length along the channels")
    pad: int | None = option(Int(0, MAX_SIZE), default=None, names=("padding",),
                             doc="P zeros before the first channel and after the last ((K - 1)/2 unless written)")
    bias: bool = flag(NOBIAS, default=True)

    @property
    def zeros(self) -> int:
        """The zeros at each end of the channels: P as written, else (K - 1)/2 rounded down (PyTorch's ECA)."""
        return (self.kernel - 1) // 2 if self.pad is None else self.pad

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        channels = x.channels + 2 * self.zeros - self.kernel + 1
        if channels < 1:
            ctx.report(codes.E031, f"{self._channels_working(x.channels, channels)}: the output would have no "
                                   f"channels", arg="kernel",
                       hint=f"a filter of at most {x.channels + 2 * self.zeros} fits {x.channels} channels padded "
                            f"by {self.zeros} each end")
            ctx.no_window()
            return None
        return x.with_channels(channels)

    def _channels_working(self, c: int, out: int) -> str:
        return f"{c} - {self.kernel} + 2·{self.zeros} + 1 = {out}"

    def params(self, x: Shape) -> Params:
        return Params(weights=self.kernel, biases=1 if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        return y.size * self.kernel

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        positions = "·".join(str(d) for d in y.dims[:-1])
        return Working(f"{self._channels_working(x.channels, y.channels)} channels",
                       f"{self.kernel} weights + 1 bias = {self.kernel + 1}" if self.bias else
                       f"{self.kernel} weights",
                       f"{positions + '·' if positions else ''}{y.channels}·{self.kernel} = "
                       f"{thousands(self.macs(x, y))}")

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        shapes: dict[str, tuple[int, ...]] = {"weight": (self.kernel,)}
        return shapes | ({"bias": (1,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        """Each output channel c the sum over taps j of weight j times input channel c + j - P, where that is a
        channel (the padding's zeros add nothing, and are not copied: a long filter on few channels meets mostly
        zeros); the count is the filter's K products for every output value, as PyTorch's Conv1d makes them."""
        import numpy as np
        p, k, c = self.zeros, self.kernel, x.shape[-1]
        out = c + 2 * p - k + 1
        y = np.zeros(x.shape[:-1] + (out,), dtype=x.dtype)
        weight = w["weight"]
        for j in range(max(0, p - out + 1), min(k, p + c)):  # taps that reach a channel of x
            lo, hi = max(0, p - j), min(out, c + p - j)  # the output channels whose tap j reads one
            y[..., lo:hi] += weight[j] * x[..., lo + j - p:hi + j - p]
        if "bias" in w:
            y += w["bias"][0]
        return y, y.size * k

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        positions = math.prod(x[:-1])
        return 2 * positions * (x[-1] + 2 * self.zeros) * itemsize  # the output and one tap's products (at most)


class DWConv(Layer):
    """Depthwise convolution: one `KxK` filter per input channel (times `multiplier`).

    A convolution with C = M·Cin and groups = Cin: params (K·K + 1)·M·Cin; MACs = Hout·Wout·M·Cin·Kh·Kw.
    """

    keyword = "dwconv"
    family = "conv"
    example = "dwconv 3x3 stride 2 pad 1"
    spatial_input = True
    kernel: Pair = positional(KERNEL)
    stride: Pair = option(SIZE, default=(1, 1))
    pad: Pad = option(PADDING, default=NO_PAD, names=("padding",))
    dilation: Pair = option(SIZE, default=(1, 1))
    multiplier: int = option(CHANNELS, default=1)
    bias: bool = flag(NOBIAS, default=True)
    rounding: str | None = flag(ROUNDING_WORDS, default=None)
    inputs: int | None = declared_inputs()
    normed: bool = weight_norm_flag()

    def as_conv(self, x: Shape) -> Conv:
        return Conv(self.multiplier * x.channels, self.kernel, self.stride, self.pad, self.dilation,
                    x.channels, self.bias, self.rounding, normed=self.normed)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return window_output(x, self.multiplier * x.channels, self.kernel, self.stride, self.pad, self.dilation, ctx)

    def params(self, x: Shape) -> Params:
        return self.as_conv(x).params(x)

    def macs(self, x: Shape, y: Shape) -> int:
        return self.as_conv(x).macs(x, y)

    def filter(self, x: Shape) -> Filter:
        return self.as_conv(x).filter(x)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        kh, kw = self.kernel
        c = self.multiplier * x.channels
        return Working(
            format_axes(*window_axes(x, self.kernel, self.stride, self.pad, self.dilation, ctx.rounding == "ceil")),
            f"({kh}·{kw}{' + 1' if self.bias else ''})·{c}{lengths_term(self.normed, c)} = "
            f"{thousands(self.params(x).learnable)}",
            f"{y.dims[0]}·{y.dims[1]}·{c}·{kh}·{kw} = {thousands(self.macs(x, y))}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return window_rules(self.kernel, self.stride, self.pad, self.dilation)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return window_steps(x, self.kernel, self.stride, self.pad, self.dilation)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        c = self.multiplier * x[-1]
        shapes: dict[str, tuple[int, ...]] = {"weight": (c, self.kernel[0], self.kernel[1], 1)}
        return shapes | ({"bias": (c,)} if self.bias else {}) | learnt_lengths(self.normed, c)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        w = weight_normed(w) if self.normed else w
        pads = kernels.pads_for(self.pad, x.shape[1:3], self.kernel, self.stride, self.dilation)
        return kernels.depthwise2d(x, w["weight"], w.get("bias"), self.stride, pads, self.dilation, ceil, naive)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        pads = kernels.pads_for(self.pad, x[1:3], self.kernel, self.stride, self.dilation)
        windows = kernels.Windows(x, self.kernel, self.stride, pads, self.dilation, ceil)
        return kernels.depthwise_plan(x, self.multiplier, windows, itemsize)


class Deconv(Layer):
    """Transposed convolution: each input pixel scatters a `KxK x C/G` filter into the output.

    Output `(N - 1)·S - P_total + F_eff + outpad`; params K·K·Cin·C/G + C; MACs = Hin·Win·Cin·Kh·Kw·C/G.
    `to @NAME` picks the outpad that gives NAME's height and width (`reaching`).
    """

    keyword = "deconv"
    family = "conv"
    aliases = ("convtranspose",)
    example = "deconv 64 4x4 stride 2 pad 1"
    spatial_input = True
    sized_to = True
    out_channels: int = positional(CHANNELS)
    kernel: Pair = positional(KERNEL)
    stride: Pair = option(SIZE, default=(1, 1))
    pad: Pad = option(PADDING, default=NO_PAD, names=("padding",))
    outpad: Pair = option(OFFSET, default=(0, 0), doc="extra rows/columns at the end (PyTorch's output_padding)")
    dilation: Pair = option(SIZE, default=(1, 1))
    groups: int = option(CHANNELS, default=1)
    bias: bool = flag(NOBIAS, default=True)
    inputs: int | None = declared_inputs()
    normed: bool = weight_norm_flag()

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if self.pad.same:
            ctx.report(codes.E035, "`pad same` is not defined for a transposed convolution", arg="pad",
                       hint="give the padding as a number, e.g. `pad 1`")
            return None
        if not check_groups(ctx, x.channels, self.out_channels, self.groups):
            return None
        for side, a, s, d in (("height", self.outpad[0], self.stride[0], self.dilation[0]),
                              ("width", self.outpad[1], self.stride[1], self.dilation[1])):
            if a >= s and a >= d:
                ctx.report(codes.E035, f"outpad {a} is not smaller than the {side} stride {s} or dilation {d}",
                           arg="outpad", hint=f"use outpad {max(s, d) - 1} or less")
                return None
        h, w = self._axes(x)
        if h < 1 or w < 1:
            ctx.report(codes.E031, f"the transposed convolution's output would be {h}x{w}", arg="pad",
                       hint="use less padding")
            return None
        if max(h, w) > MAX_EXTENT:
            ctx.report(codes.E031, f"the output would be {h}x{w}, above cnncalc's limit of {MAX_EXTENT:,}",
                       arg="stride", hint="use a smaller stride, or upsample less before it")
            return None
        return Shape.volume(h, w, self.out_channels)

    def reaching(self, x: Shape, target: Shape) -> Layer | str:
        """The output padding that gives `target`'s height and width, as PyTorch's `output_size` picks it: on each
        axis the size without it, (N - 1)·S - P + F_eff, plus 0 to S - 1 (PyTorch's range)."""
        if target.is_flat or x.is_flat:
            return f"the vector {target if target.is_flat else x} has no height and width"
        p = self.pad
        outpad = []
        for i, side, pads in ((0, "height", p.top + p.bottom), (1, "width", p.left + p.right)):
            f, s = effective_kernel(self.kernel[i], self.dilation[i]), self.stride[i]
            least = transposed_len(x.dims[i], f, s, pads, 0)
            if not least <= target.dims[i] <= least + s - 1:
                can = f"{least}" if s == 1 else f"{least} to {least + s - 1}"
                return f"its output {side} can be {can} (({x.dims[i]} - 1)·{s} - {pads} + {f}, plus an output " \
                       f"padding of 0 to the stride less 1), not {target.dims[i]}"
            outpad.append(target.dims[i] - least)
        return self._padded((outpad[0], outpad[1]))

    def widest(self) -> Layer:
        return self._padded((self.stride[0] - 1, self.stride[1] - 1))

    def _padded(self, outpad: Pair) -> Layer:
        values = dict(zip(self._names, self.__dict__["_values"]))
        values["outpad"] = outpad
        return type(self).build(values)

    def _axes(self, x: Shape) -> tuple[int, int]:
        p = self.pad
        return (transposed_len(x.dims[0], effective_kernel(self.kernel[0], self.dilation[0]), self.stride[0],
                               p.top + p.bottom, self.outpad[0]),
                transposed_len(x.dims[1], effective_kernel(self.kernel[1], self.dilation[1]), self.stride[1],
                               p.left + p.right, self.outpad[1]))

    def params(self, x: Shape) -> Params:
        kh, kw = self.kernel
        return Params(weights=kh * kw * x.channels * (self.out_channels // self.groups) + self.normed * x.channels,
                      biases=self.out_channels if self.bias else 0)

    def macs(self, x: Shape, y: Shape) -> int:
        kh, kw = self.kernel
        return x.dims[0] * x.dims[1] * x.channels * kh * kw * (self.out_channels // self.groups)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        kh, kw = self.kernel
        p = self.pad
        cpg = self.out_channels // self.groups

        def axis(i: int, pads: int) -> str:
            f = effective_kernel(self.kernel[i], self.dilation[i])
            return f"({x.dims[i]} - 1)·{self.stride[i]} - {pads} + {f} + {self.outpad[i]} = {y.dims[i]}"
        h, w = axis(0, p.top + p.bottom), axis(1, p.left + p.right)
        return Working(h if h == w else f"height {h}; width {w}",
                       f"{kh}·{kw}·{x.channels}·{cpg}{f' + {self.out_channels}' if self.bias else ''}"
                       f"{lengths_term(self.normed, x.channels)} = {thousands(self.params(x).learnable)}",
                       f"{x.dims[0]}·{x.dims[1]}·{x.channels}·{kh}·{kw}·{cpg} = {thousands(self.macs(x, y))}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        p, s, d, a = self.pad, self.stride, self.dilation, self.outpad
        return (axis.Transposed(effective_kernel(self.kernel[0], d[0]), s[0], p.top + p.bottom, a[0]),
                axis.Transposed(effective_kernel(self.kernel[1], d[1]), s[1], p.left + p.right, a[1]))

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return (field.transposed(self.kernel[0], self.stride[0], self.pad.top, self.dilation[0]),
                field.transposed(self.kernel[1], self.stride[1], self.pad.left, self.dilation[1]))

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        shapes: dict[str, tuple[int, ...]] = {"weight": (x[-1], self.kernel[0], self.kernel[1],
                                                         self.out_channels // self.groups)}
        return shapes | ({"bias": (self.out_channels,)} if self.bias else {}) | learnt_lengths(self.normed, x[-1])

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        w = weight_normed(w) if self.normed else w
        p = self.pad
        return kernels.conv_transpose2d(x, w["weight"], w.get("bias"), self.stride, (p.top, p.bottom, p.left, p.right),
                                        self.outpad, self.dilation, self.groups, naive)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        from cnncalc import kernels
        w = (x[-1], self.kernel[0], self.kernel[1], self.out_channels // self.groups)
        return kernels.conv_transpose_plan(x, w, self.stride, self.outpad, self.dilation, self.groups, itemsize)

"""Resolved tree -> PyTorch source (`cnncalc convert --to pytorch`): an `nn.Module` file that builds
the same network, so that PyTorch counts the same parameters, output shape and MACs.

Every number comes from the tree and the walk (each layer's input, the rounding the expander
decided, `same` padding resolved for the input); this module only spells them in PyTorch's words.
Layers are attributes named after the spec's names; a block call whose contents neither read nor
are read by `@NAME` references outside it becomes an instance of a class of its own (calls with the
same contents share one); merges, references and side heads are written out in `forward`.
The file never needs cnncalc, and cnncalc never needs PyTorch to write it."""
from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Callable, Iterator
from typing import Any

from cnncalc import __version__
from cnncalc.layers.base import Layer
from cnncalc.layers.window import window_axes
from cnncalc.record import NamedTuple
from cnncalc.report import Report, Row
from cnncalc.shape import Shape
from cnncalc.spec_writer import layer_text
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode, nodes

INDENT = "    "


class Step(NamedTuple):
    """One statement of a layer: a module (`suffix` names its attribute after the layer's: "" for the
    layer itself, "pad" for `conv1_pad`) or an expression of the input `{x}` (no attribute)."""

    suffix: str | None  # None: an expression
    code: str  # `nn.Conv2d(3, 96, kernel_size=11, stride=4)` or `{x}[:, 0:16]`


Spell = Callable[[Any, Shape, Shape, bool], list[Step]]  # layer, input, output, ceil -> statements


def _pair(a: int, b: int) -> str:
    return str(a) if a == b else f"({a}, {b})"


def _real(v: float) -> str:
    return repr(float(v))


def _sides(top: int, bottom: int, left: int, right: int) -> str:
    return f"({left}, {right}, {top}, {bottom})"  # PyTorch's order: last dimension first


def _window(layer: Any, x: Shape, y: Shape, ceil: bool, stride: tuple[int, int], dilation: tuple[int, int],
            native_ceil: bool) -> tuple[tuple[int, int, int, int], bool]:
    """The padding per side (top, bottom, left, right) that gives `y` with PyTorch's floor, or with
    its `ceil_mode` when `native_ceil`; and whether ceil_mode is to be set."""
    h, w = window_axes(x, layer.kernel, stride, layer.pad, dilation, ceil)
    if ceil and native_ceil:
        return (h.pad_begin, h.pad_end, w.pad_begin, w.pad_end), True
    ends = []
    for a, out in ((h, y.dims[0]), (w, y.dims[1])):
        ends.append(max(a.pad_end, (out - 1) * a.stride + a.f_eff - a.n - a.pad_begin))  # floor reaches `out`
    return (h.pad_begin, ends[0], w.pad_begin, ends[1]), False


def _padded(pads: tuple[int, int, int, int], fill: str | None = None, apart: bool = False) -> tuple[list[Step], str]:
    """Symmetric padding as the layer's `padding=`; otherwise, or when `apart` (a pool padded past PyTorch's
    limit, `widepad`), a padding module before the layer."""
    top, bottom, left, right = pads
    if top == bottom and left == right and not apart:
        return [], _pair(top, left)
    module = f"nn.ZeroPad2d({_sides(*pads)})" if fill is None else f"nn.ConstantPad2d({_sides(*pads)}, {fill})"
    return [Step("pad", module)], "0"


def _conv(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    pads, _ = _window(layer, x, y, ceil, layer.stride, layer.dilation, native_ceil=False)
    steps, padding = _padded(pads)
    groups = x.channels if layer.keyword == "dwconv" else layer.groups
    args = [str(x.channels), str(y.channels), f"kernel_size={_pair(*layer.kernel)}"]
    args += [f"stride={_pair(*layer.stride)}"] if layer.stride != (1, 1) else []
    args += [f"padding={padding}"] if padding != "0" else []
    args += [f"dilation={_pair(*layer.dilation)}"] if layer.dilation != (1, 1) else []
    args += [f"groups={groups}"] if groups != 1 else []
    args += ["bias=False"] if not layer.bias else []
    return steps + [Step("", f"nn.Conv2d({', '.join(args)})")]


def _deconv(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    p = layer.pad
    symmetric = p.top == p.bottom and p.left == p.right
    args = [str(x.channels), str(y.channels), f"kernel_size={_pair(*layer.kernel)}"]
    args += [f"stride={_pair(*layer.stride)}"] if layer.stride != (1, 1) else []
    args += [f"padding={_pair(p.top, p.left)}"] if symmetric and (p.top or p.left) else []
    args += [f"output_padding={_pair(*layer.outpad)}"] if layer.outpad != (0, 0) else []
    args += [f"groups={layer.groups}"] if layer.groups != 1 else []
    args += ["bias=False"] if not layer.bias else []
    args += [f"dilation={_pair(*layer.dilation)}"] if layer.dilation != (1, 1) else []
    steps = [Step("", f"nn.ConvTranspose2d({', '.join(args)})")]
    if not symmetric:  # PyTorch pads a transposed convolution symmetrically: crop each side instead
        steps.append(Step(None, f"{{x}}[:, :, {p.top}:{-p.bottom if p.bottom else ''}, "
                                f"{p.left}:{-p.right if p.right else ''}]"))
    return steps


def _pool(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    maximum = layer.keyword == "maxpool"
    dilation = layer.dilation if maximum else (1, 1)
    pads, ceil_mode = _window(layer, x, y, ceil, layer.step, dilation, native_ceil=True)
    fill = "float('-inf')" if maximum else None
    steps, padding = _padded(pads, fill, layer.wide_pad)
    divisor = None if maximum else layer.divisor  # every window's sum over it: the padding's zeros may be steps
    if steps and not maximum and layer.exclude_pad and divisor is None:
        raise Unsupported("an average pool with uneven or wide padding that excludes the padding from the divisor")
    if steps and ceil_mode:
        pads, ceil_mode = _window(layer, x, y, ceil, layer.step, dilation, native_ceil=False)
        steps, padding = _padded(pads, fill, layer.wide_pad)
    args = [_pair(*layer.kernel)]
    args += [f"stride={_pair(*layer.step)}"] if layer.step != layer.kernel else []
    args += [f"padding={padding}"] if padding != "0" else []
    args += [f"dilation={_pair(*dilation)}"] if dilation != (1, 1) else []
    args += ["ceil_mode=True"] if ceil_mode else []
    args += ["count_include_pad=False"] if not maximum and layer.exclude_pad and divisor is None else []
    args += [f"divisor_override={divisor}"] if divisor is not None else []
    return steps + [Step("", f"nn.{'MaxPool2d' if maximum else 'AvgPool2d'}({', '.join(args)})")]


def _lp_pool(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    args = [_real(layer.p), _pair(*layer.kernel)]
    args += [f"stride={_pair(*layer.step)}"] if layer.step != layer.kernel else []
    args += ["ceil_mode=True"] if ceil else []
    return [Step("", f"nn.LPPool2d({', '.join(args)})")]


def _fc(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    flatten = [] if x.is_flat else [Step(None, "torch.flatten({x}, 1)")]
    return flatten + [Step("", f"nn.Linear({x.size}, {y.size}{'' if layer.bias else ', bias=False'})")]


def _norm(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    eps = "" if layer.eps == 1e-5 else f", eps={_real(layer.eps)}"
    c = x.channels
    if layer.keyword == "batchnorm":
        stats = ", track_running_stats=False" if layer.stats == "none" else ""
        if layer.learnt in ("gamma", "beta"):  # PyTorch's batch norms learn both or neither
            one_side = f"{'shift' if layer.learnt == 'gamma' else 'scale'}=False"
            return [Step("", f"OneSidedBatchNorm({c}{eps}, {one_side}{stats})")]
        affine = "" if layer.learnt else ", affine=False"
        return [Step("", f"nn.BatchNorm{'1' if x.is_flat else '2'}d({c}{eps}{affine}{stats})")]
    if layer.keyword == "layernorm":  # PyTorch's learns both, neither, or gamma only (bias=False)
        learnt = {"gamma beta": "", "": ", elementwise_affine=False", "gamma": ", bias=False"}.get(layer.learnt)
        if learnt is None:
            raise Unsupported("a layer norm that learns beta only (PyTorch's LayerNorm learns gamma with it)")
        if layer.volume and not x.is_flat:  # over C, H and W together: PyTorch's own module, on N x C x H x W
            return [Step("", f"nn.LayerNorm([{c}, {x.dims[0]}, {x.dims[1]}]{eps}{learnt})")]
        return [Step("", f"{'nn.LayerNorm' if x.is_flat else 'LayerNorm2d'}({c}{eps}{learnt})")]
    if layer.keyword == "groupnorm":  # PyTorch's learns both or neither
        if len(layer.learnt.split()) == 1:
            raise Unsupported("a group norm that learns gamma only or beta only (PyTorch's learns both or neither)")
        if x.size == layer.groups:  # (`onevalue`: Keras builds it)
            raise Unsupported("a group norm of groups of one value (PyTorch refuses it)")
        return [Step("", f"nn.GroupNorm({layer.groups}, {c}{eps}{'' if layer.learnt else ', affine=False'})")]
    return [Step("", f"nn.InstanceNorm2d({c}{eps}{', affine=True' if layer.learnt else ''})")]


def _lrn(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    return [Step("", f"nn.LocalResponseNorm({layer.size}, alpha={_real(layer.alpha)}, beta={_real(layer.beta)}, "
                     f"k={_real(layer.k)})")]


def _simple(module: str) -> Spell:
    return lambda layer, x, y, ceil: [Step("", module)]


def _global_pool(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    """`nn.AdaptiveAvgPool2d(1)`; a window of the map's width (height) as the idiom that reads it:
    `F.avg_pool2d(x, x.size(3))`."""
    if layer.side is None:
        return [Step("", f"nn.Adaptive{layer.reduction.capitalize()}Pool2d(1)")]
    return [Step(None, f"nn.functional.{layer.reduction}_pool2d({{x}}, {{x}}.size({3 if layer.side == 'width' else 2})"
                       f"{', ceil_mode=True' if ceil else ''})")]


def _resample(layer: Any, x: Shape, y: Shape, ceil: bool) -> list[Step]:
    if layer.keyword == "upsample":
        (hn, hd), (wn, wd) = layer.factor
        factors = [str(n) if d == 1 else repr(n / d) for n, d in ((hn, hd), (wn, wd))]
        how = f"scale_factor={factors[0]}" if factors[0] == factors[1] else \
            f"scale_factor=({float(hn / hd)}, {float(wn / wd)})"
    else:
        how = f"size={_pair(*layer.size)}"
    return [Step("", f"nn.Upsample({how}{_interpolation(layer.mode)})")]


def _interpolation(mode: str | None) -> str:
    """PyTorch's arguments for a resampling mode (`upsample`'s, `resize`'s and `resample`'s): nearest is its
    default."""
    return "" if mode in (None, "nearest") else f", mode='bilinear', align_corners={mode == 'aligned'}"


def _unpooling(kind: Any) -> str:
    """`maxunpool`'s max pool as the helper's arguments (`, 2, stride=2`): PyTorch pads a pool evenly, within
    K/2 of a side; its indices count the unpadded map's places, so other padding is not written as steps."""
    pool = kind.window
    top, bottom, left, right = pool.pad[:4]
    if pool.pad.same or (top, left) != (bottom, right) or top > pool.kernel[0] // 2 or left > pool.kernel[1] // 2:
        raise Unsupported("a max unpooling whose pool pads unevenly or past half its window (PyTorch's max pool "
                          "pads evenly, at most K/2 a side)")
    args = [_pair(*pool.kernel)]
    args += [f"stride={_pair(*pool.step)}"] if pool.step != pool.kernel else []
    args += [f"padding={_pair(top, left)}"] if top or left else []
    args += [f"dilation={_pair(*pool.dilation)}"] if pool.dilation != (1, 1) else []
    args += ["ceil_mode=True"] if kind.ceil else []
    return ", " + ", ".join(args)


def _crop(top: int, left: int, x: Shape, y: Shape) -> list[Step]:
    """Rows and columns kept, as a slice whose ends count from the far edge (`x[:, :, 2:-2, 2:-2]`):
    the same for any input size, so the reader writes it back as the crop it is."""
    bottom, right = x.dims[0] - top - y.dims[0], x.dims[1] - left - y.dims[1]
    return [Step(None, f"{{x}}[:, :, {top}:{-bottom if bottom else ''}, {left}:{-right if right else ''}]")]


def _center_crop(layer: Any, x: Shape, y: Shape) -> list[Step]:
    """The window kept; where `resize` resizes it (Keras' CenterCrop of a smaller input), then resized bilinearly."""
    top, left, rows, columns = layer.window(x.dims[0], x.dims[1])
    steps = _crop(top, left, x, Shape.volume(rows, columns, x.channels))
    if (rows, columns) != y.dims[:2]:
        steps.append(Step("resize", f"nn.Upsample(size={_pair(*y.dims[:2])}{_interpolation('bilinear')})"))
    return steps


def _unshuffle(layer: Any, x: Shape, y: Shape) -> list[Step]:
    """Space to depth: the whole blocks (`floor` drops the rows and columns past them), then PyTorch's PixelUnshuffle
    or, in TensorFlow's order, the helper that puts block (i, j) before the channel."""
    r = layer.factor
    whole = Shape.volume(y.dims[0] * r, y.dims[1] * r, x.channels)
    steps = _crop(0, 0, x, whole) if whole.dims != x.dims else []
    return [*steps, Step("", f"nn.PixelUnshuffle({r})" if layer.order == "crd" else f"SpaceToDepth({r})")]


SPELLINGS: dict[str, Spell] = {
    "conv": _conv, "dwconv": _conv, "deconv": _deconv,
    "channelconv": lambda layer, x, y, ceil: [Step("", f"ChannelConv({layer.kernel}, padding={layer.zeros}"
                                                       f"{'' if layer.bias else ', bias=False'})")],
    "maxpool": _pool, "avgpool": _pool, "lppool": _lp_pool,
    "globalavgpool": _global_pool, "globalmaxpool": _global_pool,
    "channelavgpool": lambda layer, x, y, ceil: [Step(None, "{x}.mean(1, keepdim=True)")],
    "channelmaxpool": lambda layer, x, y, ceil: [Step(None, "torch.max({x}, 1, keepdim=True)[0]")],
    "adaptiveavgpool": lambda layer, x, y, ceil: [Step("", f"nn.AdaptiveAvgPool2d({_pair(*layer.size)})")],
    "adaptivemaxpool": lambda layer, x, y, ceil: [Step("", f"nn.AdaptiveMaxPool2d({_pair(*layer.size)})")],
    "fc": _fc,
    "flatten": _simple("nn.Flatten()"),
    "squeeze": lambda layer, x, y, ceil: [Step(None, "{x}.flatten(1)")],  # a 1x1 map or a vector: the same
    "unflatten": lambda layer, x, y, ceil: [Step(None, "{x}.view({x}.size(0), -1, 1, 1)")],
    "reshape": lambda layer, x, y, ceil: [Step(None, f"{{x}}.reshape({{x}}.size(0), {y.channels}, {y.dims[0]}, "
                                                    f"{y.dims[1]})")],  # (PyTorch's idiom: nn.Flatten's inverse)
    "relu": _simple("nn.ReLU()"), "relu6": _simple("nn.ReLU6()"),
    "leakyrelu": lambda layer, x, y, ceil: [Step("", f"nn.LeakyReLU({_real(layer.slope)})")],
    "prelu": lambda layer, x, y, ceil: [Step("", f"nn.PReLU({1 if layer.slopes == 'one' else x.channels})"
                                                 if layer.slopes != "value" or x.is_flat else
                                                 f"ValuePReLU({x.channels}, {x.dims[0]}, {x.dims[1]})")],
    "elu": lambda layer, x, y, ceil: [Step("", f"nn.ELU({_real(layer.alpha)})")], "selu": _simple("nn.SELU()"),
    "sigmoid": _simple("nn.Sigmoid()"), "hardsigmoid": _simple("nn.Hardsigmoid()"), "tanh": _simple("nn.Tanh()"),
    "gelu": lambda layer, x, y, ceil: [Step("", "nn.GELU(approximate='tanh')" if layer.approximation == "tanh" else
                                            "nn.GELU()")],
    "silu": _simple("nn.SiLU()"), "hardswish": _simple("nn.Hardswish()"),
    "mish": _simple("nn.Mish()"), "softsign": _simple("nn.Softsign()"), "logsigmoid": _simple("nn.LogSigmoid()"),
    "softplus": lambda layer, x, y, ceil: [Step("", f"nn.Softplus({_real(layer.beta)}, {_real(layer.threshold)})")],
    "hardtanh": lambda layer, x, y, ceil: [Step("", f"nn.Hardtanh({_real(layer.low)}, {_real(layer.high)})")],
    "celu": lambda layer, x, y, ceil: [Step("", f"nn.CELU({_real(layer.alpha)})")],
    "threshold": lambda layer, x, y, ceil: [Step("", f"nn.Threshold({_real(layer.threshold)}, {_real(layer.value)})")],
    "hardshrink": lambda layer, x, y, ceil: [Step("", f"nn.Hardshrink({_real(layer.lambd)})")],
    "softshrink": lambda layer, x, y, ceil: [Step("", f"nn.Softshrink({_real(layer.lambd)})")],
    "tanhshrink": _simple("nn.Tanhshrink()"),
    "softmax": lambda layer, x, y, ceil: [Step("", f"nn.Softmax(dim={1 if layer.on_maps else -1})")],
    "logsoftmax": lambda layer, x, y, ceil: [Step("", f"nn.LogSoftmax(dim={1 if layer.on_maps else -1})")],
    "lrn": _lrn,
    "l2norm": lambda layer, x, y, ceil: [Step(None, f"nn.functional.normalize({{x}}, dim=1, eps={_real(layer.eps)})")],
    "batchnorm": _norm, "layernorm": _norm, "groupnorm": _norm, "instancenorm": _norm,
    "scale": lambda layer, x, y, ceil: [Step("", f"Scale({1 if layer.single else x.channels}"
                                                 f"{'' if layer.bias else ', bias=False'})")],  # (one broadcasts)
    "dropout": lambda layer, x, y, ceil: [Step("", f"nn.Dropout({_real(layer.p)})")],
    "identity": lambda layer, x, y, ceil: [],  # nothing to write: the next statement reads the input
    "slice": lambda layer, x, y, ceil: [Step(None, f"{{x}}[:, {layer.channels[0]}:"
                                                   f"{'' if layer.channels[1] is None else layer.channels[1]}]")],
    "part": lambda layer, x, y, ceil: [Step(None, f"torch.split({{x}}, {layer.size}, 1)[{layer.index - 1}]"
                                            if layer.size is not None else
                                            f"{{x}}.chunk({layer.chunks or layer.of}, 1)[{layer.index - 1}]")],
    "shuffle": lambda layer, x, y, ceil: [Step("", f"nn.ChannelShuffle({layer.groups})")],
    "pixelshuffle": lambda layer, x, y, ceil: [
        Step("", f"nn.PixelShuffle({layer.factor})" if layer.order == "crd" else f"DepthToSpace({layer.factor})")],
    "pixelunshuffle": lambda layer, x, y, ceil: _unshuffle(layer, x, y),
    "upsample": _resample, "resize": _resample,
    "zeropad": lambda layer, x, y, ceil: [Step("", f"nn.ZeroPad2d({_sides(*layer.pad[:4])})")],
    "reflectpad": lambda layer, x, y, ceil: [Step("", f"nn.ReflectionPad2d({_sides(*layer.pad[:4])})")],
    "circularpad": lambda layer, x, y, ceil: [Step("", f"nn.CircularPad2d({_sides(*layer.pad[:4])})")],
    "padchannels": lambda layer, x, y, ceil: [
        Step(None, f"nn.functional.pad({{x}}, (0, 0, 0, 0, {layer.added[0]}, {layer.added[1]}))")],
    "replicatepad": lambda layer, x, y, ceil: [Step("", f"nn.ReplicationPad2d({_sides(*layer.pad[:4])})")],
    "crop": lambda layer, x, y, ceil: _crop(layer.crop.top, layer.crop.left, x, y),
    "centercrop": lambda layer, x, y, ceil: _center_crop(layer, x, y),
    "region": lambda layer, x, y, ceil: [Step(None, f"{{x}}[:, :, {layer.at[0]}:{layer.at[0] + layer.size[0]}, "
                                                    f"{layer.at[1]}:{layer.at[1] + layer.size[1]}]")],
}

JOINS = {"concat": "torch.cat([{}], 1)", "split": "torch.cat([{}], 1)", "add": " + ", "sub": " - ",
         "avg": "torch.stack([{}]).mean(0)",
         "mul": " * ", "fit": "fit({1}, like={0}{channels})",
         "resample": "nn.functional.interpolate({1}, size={0}.shape[-2:]{interpolation})",
         "maxunpool": "maxunpool({1}, {0}{window})"}
PAIRWISE = {"max": "torch.maximum", "min": "torch.minimum"}  # joined two at a time, as PyTorch compares tensors

HELPERS = {"ChannelConv": '''class ChannelConv(nn.Module):
    """A 1-D convolution across the channels at each position (ECA-Net's): one filter of kernel_size weights."""

    def __init__(self, kernel_size: int, padding: int, bias: bool = True) -> None:
        super().__init__()
        self.conv = nn.Conv1d(1, 1, kernel_size, padding=padding, bias=bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        along = x.movedim(1, -1)  # each position's channels last, a sequence of one channel
        y = self.conv(along.reshape(-1, 1, along.shape[-1]))
        return y.reshape(*along.shape[:-1], -1).movedim(-1, 1)
''', "Scale": '''class Scale(nn.Module):
    """A learnt scale (and shift) per channel: Caffe's Scale layer."""

    def __init__(self, channels: int, bias: bool = True) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels)) if bias else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = (1, -1) + (1,) * (x.dim() - 2)
        y = x * self.weight.view(shape)
        return y if self.bias is None else y + self.bias.view(shape)
''', "LayerNorm2d": '''class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels at each position (ConvNeXt's), for N x C x H x W input."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
''', "fit": '''def fit(x: torch.Tensor, like: torch.Tensor, channels: bool = False) -> torch.Tensor:
    """x zero-padded, or cropped, to like's height and width, the odd row and column at the end (U-Net's); with
    `channels`, like's channels too, zero channels after x's own (ENet's shortcut)."""
    dy, dx = like.size(2) - x.size(2), like.size(3) - x.size(3)
    x = nn.functional.pad(x, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2])
    if channels:
        zeros = torch.zeros(x.size(0), like.size(1) - x.size(1), x.size(2), x.size(3), dtype=x.dtype, device=x.device)
        x = torch.cat((x, zeros), 1)
    return x
''', "maxunpool": '''def maxunpool(x: torch.Tensor, like: torch.Tensor, kernel_size: int | tuple[int, int],
              stride: int | tuple[int, int] | None = None, padding: int | tuple[int, int] = 0,
              dilation: int | tuple[int, int] = 1, ceil_mode: bool = False) -> torch.Tensor:
    """x's values put back where like's maxima were in the windows of this max pool, zeros elsewhere (SegNet's)."""
    stride = kernel_size if stride is None else stride
    _, indices = nn.functional.max_pool2d(like, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)
    k = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    d = dilation if isinstance(dilation, tuple) else (dilation, dilation)
    reach = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)  # the window max_unpool2d checks like's size against
    return nn.functional.max_unpool2d(x, indices, reach, stride, padding, output_size=like.shape[-2:])
''', "DepthToSpace": '''class DepthToSpace(nn.Module):
    """TensorFlow's depth_to_space (ONNX's DepthToSpace in DCR order): channel (i·r + j)·C + c to row offset i,
    column offset j of each r x r block."""

    def __init__(self, block_size: int) -> None:
        super().__init__()
        self.block_size = block_size

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        r = self.block_size
        return x.unflatten(1, (r, r, -1)).permute(0, 3, 4, 1, 5, 2).flatten(4, 5).flatten(2, 3)
''', "SpaceToDepth": '''class SpaceToDepth(nn.Module):
    """TensorFlow's space_to_depth (ONNX's SpaceToDepth): row offset i, column offset j of each r x r block to
    channel (i·r + j)·C + c."""

    def __init__(self, block_size: int) -> None:
        super().__init__()
        self.block_size = block_size

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        r = self.block_size
        return x.unflatten(3, (-1, r)).unflatten(2, (-1, r)).permute(0, 3, 5, 1, 2, 4).flatten(1, 3)
''', "ValuePReLU": '''class ValuePReLU(nn.Module):
    """PReLU with a learnt slope per value of its C x H x W input (Keras' PReLU without shared axes)."""

    def __init__(self, channels: int, height: int, width: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.full((channels, height, width), 0.25))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.where(x > 0, x, x * self.weight)
''', "OneSidedBatchNorm": '''class OneSidedBatchNorm(nn.modules.batchnorm._BatchNorm):
    """A batch norm that learns beta only or gamma only (Keras' scale=False or center=False)."""

    def __init__(self, channels: int, eps: float = 1e-5, scale: bool = True, shift: bool = True,
                 track_running_stats: bool = True) -> None:
        super().__init__(channels, eps=eps, affine=False, track_running_stats=track_running_stats)
        self.weight = nn.Parameter(torch.ones(channels)) if scale else None
        self.bias = nn.Parameter(torch.zeros(channels)) if shift else None

    def _check_input_dim(self, x: torch.Tensor) -> None:
        if x.dim() not in (2, 4):
            raise ValueError(f"expected a batch of vectors or of maps, not {x.dim()} dimensions")
'''}

RESERVED = {"self", "torch", "nn", "x", "outputs", "training", "forward", "train", "eval", "to", "type", "float",
            "double", "half", "cuda", "cpu", "apply", "children", "modules", "parameters", "buffers",
            "state_dict", "zero_grad", "register_buffer", "register_parameter", "add_module", "extra_repr",
            "named_modules", "named_parameters", "named_children", "named_buffers", "requires_grad_", "share_memory",
            "get_submodule", "get_parameter", "get_buffer", "load_state_dict", "bfloat16", "ipu", "xpu", "mtia",
            "compile", "dump_patches", "call_super_init", "set_extra_state", "get_extra_state"}


class Unsupported(Exception):
    """A layer PyTorch has no way to write as cnncalc computes it; named in the message."""


def identifier(text: str, taken: set[str]) -> str:
    """A Python name for a spec path: `inception3a.1.conv1` -> `inception3a_1_conv1`, unique in `taken`."""
    name = re.sub(r"\W", "_", text.replace(".", "_")) or "layer"
    if name[0].isdigit():
        name = "b" + name
    if keyword.iskeyword(name) or name in RESERVED:
        name += "_"
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}_{n}", n + 1
    taken.add(unique)
    return unique


def class_name(text: str) -> str:
    """`U-Net` -> `UNet`, `resnet50` -> `Resnet50`, `bottleneck` -> `Bottleneck`."""
    words = [w for w in re.split(r"[^0-9A-Za-z]+", text) if w]
    name = "".join(w[0].upper() + w[1:] for w in words) or "Network"
    return "Net" + name if name[0].isdigit() else name


class _Module:
    """A class being written: its attributes (`self.NAME = MODULE  # note`, a nested block call being
    a `_Module` until its class is known) and its `forward` lines."""

    def __init__(self, root: str, reserved: set[str], node: SeqNode | None = None, in_channels: int = 0) -> None:
        self.root = root  # the path the attributes are named relative to
        self.reserved = reserved  # the locals that hold outputs read by `@NAME`
        self.node = node  # the block call, for a block's class
        self.in_channels = in_channels
        self.attributes: list[tuple[str, str | _Module, str]] = []
        self.lines: list[str] = []
        self.names: set[str] = set()
        self.locals: set[str] = set()
        self.sides = False
        self.cls = ""  # the class, once decided
        self.call_args = ""  # the arguments its call site passes

    def attribute(self, path: str, code: str | _Module, note: str) -> str:
        relative = path[len(self.root) + 1:] if self.root and path.startswith(self.root + ".") else path
        name = identifier(relative, self.names)
        self.attributes.append((name, code, note))
        return name

    def local(self, path: str) -> str:
        relative = path[len(self.root) + 1:] if self.root and path.startswith(self.root + ".") else path
        return identifier(relative, self.locals | self.names | self.reserved | {"x"})

    def init_lines(self) -> list[str]:
        return [f"self.{n} = {_code(c)}" for n, c, _ in self.attributes]


def _code(code: str | _Module) -> str:
    return code if isinstance(code, str) else f"{code.cls}({code.call_args})"


class _Class(NamedTuple):
    """A class for the calls of one block whose code differs only in numbers: those that differ are
    the constructor's parameters (`signature`), and each call passes its own (`_Module.call_args`)."""

    name: str
    calls: list[_Module]
    signature: list[str]  # `c: int`, …
    init: list[str]  # `self.conv1 = nn.Conv2d(in_channels, c, kernel_size=1)`, …
    notes: list[str]  # a comment per `init` line
    forward: list[str]


class Writer:
    """Writes one analysed network as a PyTorch module file."""

    def __init__(self, report: Report, root: SeqNode) -> None:
        self.report = report
        self.root = root  # the path the attributes are named relative to
        self.rows: dict[str, Row] = {r.path: r for r in report.rows}
        self.calls: list[tuple[int, _Module]] = []  # every block call written as a class, with its nesting
        self.helpers: set[str] = set()
        self.kept: dict[int, str] = {}  # id(node) -> the local holding its output, for `@NAME`
        self.read = _read_by_references(root)
        # the layers whose weights others share (`shares NAME`): each module step's attribute and code, by suffix
        self.shared: dict[int, dict[str, tuple[str, str]]] = {}

    def write(self) -> str:
        main = _Module("", set(self.read.values()))
        out = self.seq(self.root, "x", "x", main, 0)
        if main.sides:
            main.lines.insert(0, "outputs = []")
            main.lines.append(f"return ({out}, *outputs) if outputs else {out}")
        else:
            main.lines.append(f"return {out}")
        main.cls = class_name(self.report.network or _stem(self.report.source.name))
        classes = self.classes({main.cls})
        return "\n".join(self._file(main, classes))

    # ---- forward, node by node -------------------------------------------------------------

    def seq(self, node: SeqNode, src: str, dst: str, module: _Module, level: int) -> str:
        """Writes the children of `node` from the local `src`; returns the local holding the output."""
        if node.ref is not None:
            src = self.kept[id(node.ref)]
        current = src
        for child in node.children:
            current = self.node(child, current, dst, module, level)
        return current

    def node(self, node: Node, src: str, dst: str, module: _Module, level: int) -> str:
        if isinstance(node, LayerNode):
            out = self.layer(node, src, dst, module)
        elif isinstance(node, MergeNode):
            out = self.merge(node, src, dst, module, level)
        elif node.kind == "side":
            self.side(node, src, module, level)
            out = src
        elif node.kind == "block" and self._separable(node):
            out = self.block(node, src, dst, module, level)
        else:
            out = self.seq(node, src, dst, module, level)
        if id(node) in self.read:
            name = self.read[id(node)]
            module.locals.add(name)
            module.lines.append(f"{name} = {out}  # read later by @{name}")
            self.kept[id(node)] = name
        return out

    def layer(self, node: LayerNode, src: str, dst: str, module: _Module) -> str:
        row = self.rows[node.path]
        layer: Layer | None = node.layer
        if layer is None or row.input is None or row.output is None:
            raise Unsupported(f"{node.path} could not be computed")
        steps = SPELLINGS[layer.keyword](layer, row.input, row.output, node.rounding.ceil)
        if getattr(layer, "normed", False):  # `weightnorm`: PyTorch's weight_norm on the layer's own module
            steps = [s._replace(code=f"nn.utils.parametrizations.weight_norm({s.code})") if s.suffix == "" else s
                     for s in steps]
        self.helpers.update(h for h in HELPERS for s in steps if s.code.startswith(h + "("))
        written = layer_text(node.call) if module.node is not None else \
            f"{layer.spec_text()} -> {_nchw(row.output)}"
        current = src
        if node.to is not None and len(steps) > 1:
            raise Unsupported(f"{node.path}: `to @…` with uneven padding (PyTorch's output_size is for a transposed "
                              f"convolution padded evenly)")
        # (`to @NAME`: PyTorch picks the output padding that gives NAME's size, `output_size=`)
        sized = f", output_size={self.kept[id(node.to)]}.shape[-2:]" if node.to is not None else ""
        # a layer that shares another's weights applies that one's module again, as PyTorch shares them
        borrowed = self.shared[id(node.shares)] if node.shares is not None else {}
        for step in steps:
            if step.suffix is None:
                module.lines.append(f"{dst} = {step.code.format(x=current)}")
            else:
                path = node.path if not step.suffix else f"{node.path}_{step.suffix}"
                code = step.code + (".requires_grad_(False)" if layer.frozen and not step.suffix else "")
                if step.suffix in borrowed and borrowed[step.suffix][1] == code:
                    name = borrowed[step.suffix][0]
                elif not step.suffix and node.shares is not None:
                    raise Unsupported(f"{node.path} shares the weights of {node.shares.path}, whose module is "
                                      f"written otherwise for its input (`{borrowed.get('', ('', '?'))[1]}`)")
                else:
                    name = module.attribute(path, code, written if not step.suffix else
                                            "its padding" if step.suffix == "pad" else f"its {step.suffix}")
                    if node.tied and node.shares is None:
                        self.shared.setdefault(id(node), {})[step.suffix] = (name, code)
                module.lines.append(f"{dst} = self.{name}({current}{sized if not step.suffix else ''})")
            current = dst
        return current

    def merge(self, node: MergeNode, src: str, dst: str, module: _Module, level: int) -> str:
        outs = []
        parts = [src] * len(node.branches)
        if node.kind.divides_input:
            sizes = [self.rows[b.path].input for b in node.branches]
            parts = [module.local(f"{b.path}_in") for b in node.branches]
            module.locals.update(parts)
            split = ", ".join(str(s.channels) if s is not None else "?" for s in sizes)
            module.lines.append(f"{', '.join(parts)} = torch.split({src}, [{split}], 1)")
        for branch, part in zip(node.branches, parts):
            local = module.local(branch.path)
            module.locals.add(local)
            outs.append(self.seq(branch, part, local, module, level))
        kind = node.kind.keyword
        if node.kind.offset is not None:  # `fit at TxL`: a slice from the offset, the reference's size
            (top, left), (ref, x) = node.kind.offset, outs
            module.lines.append(f"{dst} = {x}[:, :, {top}:{top} + {ref}.size(2), {left}:{left} + {ref}.size(3)]"
                                f"  # {node.name}: {node.op}")
            return dst
        if kind in HELPERS:
            self.helpers.add(kind)
        if kind in PAIRWISE:  # maximum(maximum(a, b), c)
            joined = functools.reduce(lambda a, b: f"{PAIRWISE[kind]}({a}, {b})", outs)
        elif kind == "avg" and len({self.rows[b.path].output for b in node.branches}) > 1:  # a gate among them
            joined = f"torch.stack(torch.broadcast_tensors({', '.join(outs)})).mean(0)"
        else:
            join = JOINS[kind]
            joined = join.format(", ".join(outs)) if "{}" in join else \
                join.format(*outs, interpolation=_interpolation(node.kind.mode),
                            window=_unpooling(node.kind) if node.kind.window is not None else "",
                            channels=", channels=True" if kind == "fit" and node.kind.mode == "channels" else "") \
                if "{0}" in join else join.join(outs)
        module.lines.append(f"{dst} = {joined}  # {node.name}: {node.op}")
        return dst

    def side(self, node: SeqNode, src: str, module: _Module, level: int) -> None:
        local = module.local(node.path)
        module.locals.add(local)
        start = len(module.lines)
        out = self.seq(node, src, local, module, level)
        body = module.lines[start:]
        del module.lines[start:]
        if node.train:
            module.lines.append(f"if self.training:  # {node.name}: a training-only head")
            module.lines += [INDENT + line for line in body] + [f"{INDENT}outputs.append({out})"]
        else:
            module.lines += body + [f"outputs.append({out})  # {node.name}: a side head"]
        module.sides = True

    def block(self, node: SeqNode, src: str, dst: str, module: _Module, level: int) -> str:
        entry = self.rows[node.path].input
        inner = _Module(node.path, module.reserved, node, entry.channels if entry is not None else 0)
        out = self.seq(node, "x", "x", inner, level + 1)
        inner.lines.append(f"return {out}")
        self.calls.append((level + 1, inner))
        attribute = module.attribute(node.path, inner, node.op if module.node is None else "")
        module.lines.append(f"{dst} = self.{attribute}({src})")
        return dst

    def _separable(self, node: SeqNode) -> bool:
        """A block call is a class of its own when no `@NAME` reference starts or ends inside it and it
        has no side head (those are written where the network's `forward` can reach them)."""
        return not any(id(n) in self.read or (isinstance(n, SeqNode) and (n.kind == "side" or n.ref is not None))
                       for n in nodes(node))

    # ---- classes for block calls -------------------------------------------------------------

    def classes(self, taken: set[str]) -> list[_Class]:
        """Groups the block calls into classes, deepest first (a class's code holds its nested calls'
        arguments): calls of one block at one depth whose code differs only in numbers share a class,
        and the numbers that differ become its parameters."""
        done: list[_Class] = []
        for level in sorted({lv for lv, _ in self.calls}, reverse=True):
            groups: dict[tuple[str, str], list[tuple[_Module, list[str]]]] = {}
            for lv, call in self.calls:
                if lv != level:
                    continue
                text = "\n".join(call.init_lines() + ["|"] + call.lines)
                numbers = NUMBER.findall(text)
                template = NUMBER.sub(HOLE, text)
                block = call.node.op.split("(")[0] if call.node is not None else "block"
                groups.setdefault((block, template), []).append((call, numbers))
            for (block, template), members in groups.items():
                base, n = class_name(block), 2
                name = base
                while name in taken:
                    name, n = f"{base}{n}", n + 1
                taken.add(name)
                done.append(_parameterise(name, template, members))
        return done

    # ---- the file --------------------------------------------------------------------------

    def _file(self, main: _Module, classes: list[_Class]) -> Iterator[str]:
        r = self.report
        t = r.totals
        yield f'"""{r.name}: written by cnncalc {__version__} from {r.source.name}.'
        yield ""
        yield f"Input: a batch of N x {_nchw(r.input)} (N x C x H x W). cnncalc counts {t.params:,} learnable"
        yield f"parameters and {t.macs:,} multiply-accumulates per image; run this file for PyTorch's counts."
        yield '"""'
        yield "import torch"
        yield "from torch import nn"
        for helper in sorted(self.helpers):
            yield ""
            yield ""
            yield HELPERS[helper].rstrip("\n")
        for cls in classes:
            yield from _class_lines(cls)
        assert r.input is not None
        input_size = (r.input.channels, *r.input.dims[:2]) if not r.input.is_flat else (r.input.size,)
        yield from _module_lines(main.cls, f"{r.name}, as cnncalc reads it.", [], main.init_lines(),
                                 [note for _, _, note in main.attributes], main.lines, main.sides,
                                 f"input_size = {input_size!r}  # of one image: C, H, W")
        yield ""
        yield ""
        yield 'if __name__ == "__main__":'
        yield f"{INDENT}model = {main.cls}().eval()"
        yield f"{INDENT}y = model(torch.zeros(1, *model.input_size))"
        yield f"{INDENT}y = y[0] if isinstance(y, tuple) else y"
        yield f"{INDENT}print(sum(p.numel() for p in model.parameters()), 'parameters; output', tuple(y.shape[1:]))"
        yield ""


HOLE = "\x00"  # where a number was, in a class's template
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d*)?(?:[eE][-+]?\d+)?(?![\w.])")


def _value(text: str) -> float:
    return float(text)


def _parameterise(name: str, template: str, members: list[tuple[_Module, list[str]]]) -> _Class:
    """The class's parameters: a number that differs between calls is, when it does so in step with
    them, the block's argument (`c`), the input's channels (`in_channels`), or a multiple or part of
    one (`4 * c`, `c // 2`); otherwise a parameter of its own (`size1`). Sets each call's arguments."""
    calls = [m for m, _ in members]
    columns = list(zip(*(numbers for _, numbers in members))) if members[0][1] else []
    known: list[dict[str, float]] = []
    for call in calls:
        named = {"in_channels": float(call.in_channels)} if call.in_channels else {}
        assert call.node is not None
        for arg, value in call.node.arguments:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                named[identifier(arg, {"in_channels"})] = float(value)
        known.append(named)
    order = ["in_channels"] + [k for k in known[0] if k != "in_channels"]
    used: dict[str, list[float]] = {}
    own: dict[tuple[str, ...], str] = {}
    filled = []
    for column in columns:
        if len(set(column)) == 1:
            filled.append(column[0])
            continue
        values = [_value(v) for v in column]
        expression = _relation(values, known)
        if expression is None:
            key = tuple(column)
            if key not in own:
                own[key] = f"size{len(own) + 1}"
            expression = own[key]
            used[expression] = values
        else:
            for word in re.findall(r"[A-Za-z_]\w*", expression):
                used[word] = [k[word] for k in known]
        filled.append(expression)
    parameters = [p for p in order if p in used] + [p for p in used if p not in order]
    for i, call in enumerate(calls):
        call.cls = name
        call.call_args = ", ".join(f"{p}={_shown(used[p][i])}" for p in parameters)
    pieces = template.split(HOLE)
    in_init = pieces[0].count("\n|\n") == 0
    code = pieces[0]
    stored: set[str] = set()
    for expression, piece in zip(filled, pieces[1:]):
        if not in_init:  # `forward` reads a parameter the constructor stored
            stored.update(w for w in re.findall(r"[A-Za-z_]\w*", expression))
            expression = re.sub(r"[A-Za-z_]\w*", lambda m: f"self.{m.group(0)}", expression)
        code += expression + piece
        in_init = in_init and "\n|\n" not in piece
    init, _, forward = code.partition("\n|\n")
    kept = [p for p in parameters if p in stored]
    init_lines = [f"self.{p} = {p}" for p in kept] + (init.split("\n") if init else [])
    notes = ["read in forward"] * len(kept) + [note for _, _, note in calls[0].attributes]
    signature = [f"{p}: {'int' if all(v == int(v) for v in used[p]) else 'float'}" for p in parameters]
    return _Class(name, calls, signature, init_lines, notes, forward.split("\n"))


def _relation(values: list[float], known: list[dict[str, float]]) -> str | None:
    """An expression of the calls' known numbers that gives `values` in every call."""
    names = sorted(known[0], key=lambda n: n == "in_channels")  # the block's own words first
    for name in names:
        if all(name in k and k[name] == v for k, v in zip(known, values)):
            return name
    for name in names:
        first = known[0][name]
        if not all(name in k for k in known) or first == 0 or values[0] == 0:
            continue
        if values[0] % first == 0 and all(v == k[name] * (values[0] // first) for k, v in zip(known, values)):
            return f"{int(values[0] // first)} * {name}"
        if first % values[0] == 0 and all(k[name] % (first // values[0]) == 0 and v == k[name] // (first // values[0])
                                          for k, v in zip(known, values)):
            return f"{name} // {int(first // values[0])}"
    return None


def _shown(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def _class_lines(cls: _Class) -> Iterator[str]:
    first = cls.calls[0]
    assert first.node is not None
    ops = list(dict.fromkeys(c.node.op for c in cls.calls if c.node is not None))
    shown = ops[0] if len(ops) == 1 else f"{ops[0].split('(')[0]}: {len(ops)} calls, as {ops[0]}"
    yield from _module_lines(cls.name, f"The block {shown}.", cls.signature, cls.init, cls.notes, cls.forward,
                             first.sides)


def _module_lines(name: str, doc: str, signature: list[str], init: list[str], notes: list[str], forward: list[str],
                  sides: bool, extra: str = "") -> Iterator[str]:
    yield ""
    yield ""
    yield f"class {name}(nn.Module):"
    yield f'{INDENT}"""{doc}"""'
    yield ""
    if extra:
        yield INDENT + extra
        yield ""
    yield f"{INDENT}def __init__({', '.join(['self', *signature])}) -> None:"
    yield f"{INDENT * 2}super().__init__()"
    for line, note in zip(init, notes):
        yield f"{INDENT * 2}{line}" + (f"  # {note}" if note else "")
    yield ""
    result = "tuple[torch.Tensor, ...] | torch.Tensor" if sides else "torch.Tensor"
    yield f"{INDENT}def forward(self, x: torch.Tensor) -> {result}:"
    for line in forward:
        yield f"{INDENT * 2}{line}"


def _nchw(shape: Shape | None) -> str:
    if shape is None:
        return "?"
    if shape.is_flat:
        return str(shape.size)
    return f"{shape.channels}x{shape.dims[0]}x{shape.dims[1]}"


def _stem(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


def _read_by_references(root: SeqNode) -> dict[int, str]:
    """The nodes an `@NAME` branch or a `to @NAME` reads, and a local name for each output (the NAME written first);
    a block holding one is written inline (`Writer._separable`)."""
    read: dict[int, str] = {}
    taken: set[str] = set()
    for n in nodes(root):
        if isinstance(n, SeqNode) and n.ref is not None and id(n.ref) not in read:
            read[id(n.ref)] = identifier(n.op.rpartition("@")[2], taken)
        elif isinstance(n, LayerNode) and n.to is not None and n.call.to is not None and id(n.to) not in read:
            read[id(n.to)] = identifier(n.call.to.name, taken)  # (`to @NAME`: its output's size is read)
    return read


def write_pytorch(report: Report, root: SeqNode) -> str:
    """The PyTorch source for an analysed network without errors; raises `Unsupported` naming the
    layer PyTorch cannot express as cnncalc computes it."""
    return Writer(report, root).write()

"""A second executor, written with PyTorch's own operators: it walks the resolved tree with the
weights cnncalc's executor drew and computes every layer and merge the way PyTorch does, in NCHW.
tests/test_torch.py compares the two on every layer keyword and merge kind (TORCH_OPS has one
entry per keyword: tests/test_registry.py checks that). Only imported when torch is installed."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from cnncalc.executor import Executor
from cnncalc.tree import LayerNode, MergeNode, SeqNode

Weights = dict[str, torch.Tensor]


def nchw(x: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2)))


def nhwc(t: torch.Tensor) -> np.ndarray:
    a = t.detach().numpy()
    return a.transpose(0, 2, 3, 1) if a.ndim == 4 else a


def _same(n: int, k: int, s: int, d: int) -> tuple[int, int]:
    """TensorFlow's `same`: total padding max((ceil(N/S) - 1)·S + D·(K-1) + 1 - N, 0), odd pixel last."""
    total = max((math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0)
    return total // 2, total - total // 2


def _padded(layer: Any, x: torch.Tensor, dilation: tuple[int, int], fill: float = 0.0) -> torch.Tensor:
    p = layer.pad
    stride = getattr(layer, "stride", None) or layer.kernel
    if p.same:
        top, bottom = _same(x.shape[2], layer.kernel[0], stride[0], dilation[0])
        left, right = _same(x.shape[3], layer.kernel[1], stride[1], dilation[1])
    else:
        top, bottom, left, right = p.top, p.bottom, p.left, p.right
    return F.pad(x, (left, right, top, bottom), value=fill)


def _normed(layer: Any, w: Weights) -> Weights:
    """`weightnorm`: the weight as PyTorch's `torch._weight_norm(v, g, 0)` computes it, dim 0 being ours too."""
    return {**w, "weight": torch._weight_norm(w["weight"], w["g"].view(-1, *(1,) * (w["weight"].ndim - 1)), 0)} \
        if getattr(layer, "normed", False) else w


def _conv(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    weight = w["weight"].permute(0, 3, 1, 2)  # ours (C_out, Kh, Kw, C_in/G)
    return F.conv2d(_padded(layer, x, layer.dilation), weight, w.get("bias"), layer.stride, 0, layer.dilation,
                    layer.groups)


def _dwconv(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    weight = w["weight"].permute(0, 3, 1, 2)  # ours (M·C, Kh, Kw, 1)
    return F.conv2d(_padded(layer, x, layer.dilation), weight, w.get("bias"), layer.stride, 0, layer.dilation,
                    x.shape[1])


def _deconv(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    weight = w["weight"].permute(0, 3, 1, 2)  # ours (C_in, Kh, Kw, C_out/G)
    p = layer.pad
    y = F.conv_transpose2d(x, weight, w.get("bias"), layer.stride, 0, layer.outpad, layer.groups, layer.dilation)
    return y[:, :, p.top:y.shape[2] - p.bottom, p.left:y.shape[3] - p.right]


def _deconv_to(layer: Any, x: torch.Tensor, w: Weights, like: torch.Tensor) -> torch.Tensor:
    """`deconv … to @NAME`: PyTorch's own module called with `output_size=`, which picks the output padding."""
    weight = w["weight"].permute(0, 3, 1, 2)
    p = layer.pad
    assert p.top == p.bottom and p.left == p.right, "PyTorch pads a transposed convolution evenly"
    module = torch.nn.ConvTranspose2d(x.shape[1], weight.shape[1] * layer.groups, layer.kernel, layer.stride,
                                      (p.top, p.left), groups=layer.groups, bias="bias" in w, dilation=layer.dilation)
    module = module.to(x.dtype)
    with torch.no_grad():
        module.weight.copy_(weight)
        if "bias" in w:
            module.bias.copy_(w["bias"])
        return module(x, output_size=like.shape[-2:])


def _channel_conv(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    """ECA-Net's way: each position's channels a sequence of one channel, through `F.conv1d`."""
    along = x.movedim(1, -1)
    y = F.conv1d(along.reshape(-1, 1, along.shape[-1]), w["weight"].view(1, 1, -1), w.get("bias"),
                 padding=layer.zeros)
    return y.reshape(*along.shape[:-1], -1).movedim(-1, 1)


def _pool(layer: Any, x: torch.Tensor, ceil: bool, average: bool) -> torch.Tensor:
    p = layer.pad
    stride = layer.stride or layer.kernel
    if layer.wide_pad and not ceil and not getattr(layer, "exclude_pad", False):
        # PyTorch refuses padding past K/2 (Caffe, ONNX and MATLAB allow up to K - 1): the padding as its own step (-inf
        # under a max, zeros counted by an average), then the pool unpadded; floored, every window is in the padding
        x = F.pad(x, (p.left, p.right, p.top, p.bottom), value=0.0 if average else float("-inf"))
        if average:
            return F.avg_pool2d(x, layer.kernel, stride, divisor_override=layer.divisor)
        return F.max_pool2d(x, layer.kernel, stride, 0, layer.dilation)
    if p.same or (p.top, p.left) != (p.bottom, p.right):
        raise NotImplementedError("asymmetric pool padding: not a PyTorch pool")
    if average:
        return F.avg_pool2d(x, layer.kernel, stride, (p.top, p.left), ceil, not layer.exclude_pad, layer.divisor)
    return F.max_pool2d(x, layer.kernel, stride, (p.top, p.left), layer.dilation, ceil)


def _fc(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    flat = (x.permute(0, 2, 3, 1) if x.ndim == 4 else x).reshape(x.shape[0], -1)  # H, W, C order
    return F.linear(flat, w["weight"], w.get("bias"))


def _layer_norm(layer: Any, x: torch.Tensor, w: Weights) -> torch.Tensor:
    """`layernorm volume` of a map: PyTorch's nn.LayerNorm([C, H, W]), its gamma and beta cnncalc's H, W, C ones
    in PyTorch's C, H, W order; else the norm over the channels at each position."""
    if layer.volume and x.ndim == 4:
        learnt = {name: array.permute(2, 0, 1) for name, array in w.items()}
        return F.layer_norm(x, tuple(x.shape[1:]), learnt.get("gamma"), learnt.get("beta"), layer.eps)
    return _channels_last_norm(x, w, layer.eps)


def _channels_last_norm(x: torch.Tensor, w: Weights, eps: float) -> torch.Tensor:
    last = x.permute(0, 2, 3, 1) if x.ndim == 4 else x
    y = F.layer_norm(last, (last.shape[-1],), w.get("gamma"), w.get("beta"), eps)
    return y.permute(0, 3, 1, 2) if x.ndim == 4 else y


def _interpolate(x: torch.Tensor, mode: str, **size: Any) -> torch.Tensor:
    if mode == "aligned":
        return F.interpolate(x, mode="bilinear", align_corners=True, **size)
    return F.interpolate(x, mode=mode, align_corners=False if mode == "bilinear" else None, **size)


def _center(x: torch.Tensor, h: int, w: int, floor: bool, resize: bool) -> torch.Tensor:
    ih, iw = x.shape[2], x.shape[3]
    if resize and (ih < h or iw < w):  # Keras' smart resize (keras.utils.smart_resize), bilinear as its torch backend
        rows, columns = max(min(ih, int(float(iw * h) / w)), 1), max(min(iw, int(float(ih * w) / h)), 1)
        top, left = int(float(ih - rows) / 2), int(float(iw - columns) / 2)
        return F.interpolate(x[:, :, top:top + rows, left:left + columns], size=(h, w), mode="bilinear",
                             align_corners=False)
    if floor:  # Keras' CenterCrop
        top, left = (x.shape[2] - h) // 2, (x.shape[3] - w) // 2
    else:
        top, left = round((x.shape[2] - h) / 2.0), round((x.shape[3] - w) / 2.0)  # torchvision's
    return x[:, :, top:top + h, left:left + w]


def _depth_to_space(x: torch.Tensor, r: int) -> torch.Tensor:
    """ONNX's DepthToSpace in DCR order, as its operator documentation writes it out."""
    b, c, h, w = x.shape
    return x.reshape(b, r, r, c // (r * r), h, w).permute(0, 3, 4, 1, 5, 2).reshape(b, c // (r * r), h * r, w * r)


def _space_to_depth(x: torch.Tensor, r: int) -> torch.Tensor:
    """ONNX's SpaceToDepth, as its operator documentation writes it out."""
    b, c, h, w = x.shape
    return x.reshape(b, c, h // r, r, w // r, r).permute(0, 3, 5, 1, 2, 4).reshape(b, c * r * r, h // r, w // r)


def _unshuffled(x: torch.Tensor, r: int, order: str) -> torch.Tensor:
    """The whole r x r blocks (MATLAB's spaceToDepthLayer drops the rest, as `floor` says) into the channels."""
    whole = x[:, :, :x.shape[2] // r * r, :x.shape[3] // r * r]
    return F.pixel_unshuffle(whole, r) if order == "crd" else _space_to_depth(whole, r)


def _channels(v: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """A per-channel vector shaped to broadcast over N x C (x H x W)."""
    return v.view(1, -1, *([1] * (x.ndim - 2)))


def _sides(p: Any) -> tuple[int, int, int, int]:
    return p.left, p.right, p.top, p.bottom  # F.pad's order


def _global_pool(layer: Any, x: torch.Tensor, ceil: bool, average: bool) -> torch.Tensor:
    """The whole map (adaptive pooling to 1x1), or a window of its width (height) as the CIFAR ports write it."""
    if layer.side is None:
        return F.adaptive_avg_pool2d(x, 1) if average else F.adaptive_max_pool2d(x, 1)
    side = x.shape[3] if layer.side == "width" else x.shape[2]
    return F.avg_pool2d(x, side, ceil_mode=ceil) if average else F.max_pool2d(x, side, ceil_mode=ceil)


Op = Callable[[Any, torch.Tensor, Weights, bool], torch.Tensor]
TORCH_OPS: dict[str, Op] = {
    "conv": lambda layer, x, w, c: _conv(layer, x, _normed(layer, w)),
    "dwconv": lambda layer, x, w, c: _dwconv(layer, x, _normed(layer, w)),
    "deconv": lambda layer, x, w, c: _deconv(layer, x, _normed(layer, w)),
    "channelconv": lambda layer, x, w, c: _channel_conv(layer, x, w),
    "maxpool": lambda layer, x, w, c: _pool(layer, x, c, average=False),
    "avgpool": lambda layer, x, w, c: _pool(layer, x, c, average=True),
    "lppool": lambda layer, x, w, c: F.lp_pool2d(x, layer.p, layer.kernel, layer.stride, c),
    "globalavgpool": lambda layer, x, w, c: _global_pool(layer, x, c, average=True),
    "globalmaxpool": lambda layer, x, w, c: _global_pool(layer, x, c, average=False),
    "channelavgpool": lambda layer, x, w, c: torch.mean(x, 1, keepdim=True),
    "channelmaxpool": lambda layer, x, w, c: torch.max(x, 1, keepdim=True)[0],
    "adaptiveavgpool": lambda layer, x, w, c: F.adaptive_avg_pool2d(x, layer.size),
    "adaptivemaxpool": lambda layer, x, w, c: F.adaptive_max_pool2d(x, layer.size),
    "fc": lambda layer, x, w, c: _fc(layer, x, _normed(layer, w)),
    "flatten": lambda layer, x, w, c: x.permute(0, 2, 3, 1).reshape(x.shape[0], -1) if x.ndim == 4 else x,
    "relu": lambda layer, x, w, c: F.relu(x),
    "relu6": lambda layer, x, w, c: F.relu6(x),
    "leakyrelu": lambda layer, x, w, c: F.leaky_relu(x, layer.slope),
    "prelu": lambda layer, x, w, c: F.prelu(x, w["slope"]) if w["slope"].ndim == 1 else
    torch.where(x > 0, x, x * w["slope"].permute(2, 0, 1)),  # `pervalue` on a map: cnncalc's slopes H, W, C
    "elu": lambda layer, x, w, c: F.elu(x, layer.alpha),
    "selu": lambda layer, x, w, c: F.selu(x),
    "sigmoid": lambda layer, x, w, c: torch.sigmoid(x),
    "hardsigmoid": lambda layer, x, w, c: F.hardsigmoid(x),
    "tanh": lambda layer, x, w, c: torch.tanh(x),
    "gelu": lambda layer, x, w, c: F.gelu(x, approximate="tanh" if layer.approximation == "tanh" else "none"),
    "silu": lambda layer, x, w, c: F.silu(x),
    "hardswish": lambda layer, x, w, c: F.hardswish(x),
    "mish": lambda layer, x, w, c: F.mish(x),
    "softplus": lambda layer, x, w, c: F.softplus(x, layer.beta, layer.threshold),
    "softsign": lambda layer, x, w, c: F.softsign(x),
    "hardtanh": lambda layer, x, w, c: F.hardtanh(x, layer.low, layer.high),
    "logsigmoid": lambda layer, x, w, c: F.logsigmoid(x),
    "celu": lambda layer, x, w, c: F.celu(x, layer.alpha),
    "threshold": lambda layer, x, w, c: F.threshold(x, layer.threshold, layer.value),
    "hardshrink": lambda layer, x, w, c: F.hardshrink(x, layer.lambd),
    "softshrink": lambda layer, x, w, c: F.softshrink(x, layer.lambd),
    "tanhshrink": lambda layer, x, w, c: F.tanhshrink(x),
    "softmax": lambda layer, x, w, c: torch.softmax(x, dim=1 if layer.on_maps else -1),
    "logsoftmax": lambda layer, x, w, c: torch.log_softmax(x, dim=1 if layer.on_maps else -1),
    "lrn": lambda layer, x, w, c: F.local_response_norm(x, layer.size, layer.alpha, layer.beta, layer.k),
    "l2norm": lambda layer, x, w, c: F.normalize(x, 2.0, 1, layer.eps),
    "batchnorm": lambda layer, x, w, c: F.batch_norm(x, w.get("mean"), w.get("var"), w.get("gamma"), w.get("beta"),
                                                     training=layer.stats == "none", eps=layer.eps),
    "scale": lambda layer, x, w, c: x * _channels(w["gamma"], x) + (_channels(w["beta"], x) if "beta" in w else 0),
    "layernorm": lambda layer, x, w, c: _layer_norm(layer, x, w),
    "groupnorm": lambda layer, x, w, c: F.group_norm(x, layer.groups, w.get("gamma"), w.get("beta"), layer.eps),
    "instancenorm": lambda layer, x, w, c: F.instance_norm(x, weight=w.get("gamma"), bias=w.get("beta"), eps=layer.eps),
    "dropout": lambda layer, x, w, c: F.dropout(x, layer.p, training=False),
    "identity": lambda layer, x, w, c: x,
    "squeeze": lambda layer, x, w, c: x.squeeze(-1).squeeze(-1) if x.ndim == 4 else x,
    "unflatten": lambda layer, x, w, c: x.view(x.shape[0], -1, 1, 1),
    # cnncalc reads the values in H, W, C order (flatten's inverse): PyTorch's NCHW map from that order
    "reshape": lambda layer, x, w, c: (x.permute(0, 2, 3, 1) if x.ndim == 4 else x).reshape(
        x.shape[0], layer.size[0], layer.size[1], -1).permute(0, 3, 1, 2),
    "slice": lambda layer, x, w, c: x[:, layer.channels[0]:layer.channels[1]],
    "part": lambda layer, x, w, c: torch.split(x, layer.size, 1)[layer.index - 1] if layer.size is not None else
    x.chunk(layer.chunks or layer.of, 1)[layer.index - 1],
    "shuffle": lambda layer, x, w, c: nn.ChannelShuffle(layer.groups)(x),
    "pixelshuffle": lambda layer, x, w, c: F.pixel_shuffle(x, layer.factor) if layer.order == "crd" else
    _depth_to_space(x, layer.factor),
    "pixelunshuffle": lambda layer, x, w, c: _unshuffled(x, layer.factor, layer.order),
    "upsample": lambda layer, x, w, c: _interpolate(x, layer.mode, scale_factor=tuple(n / d for n, d in layer.factor)),
    "resize": lambda layer, x, w, c: _interpolate(x, layer.mode, size=layer.size),
    "zeropad": lambda layer, x, w, c: F.pad(x, _sides(layer.pad)),
    "reflectpad": lambda layer, x, w, c: F.pad(x, _sides(layer.pad), mode="reflect"),
    "circularpad": lambda layer, x, w, c: F.pad(x, _sides(layer.pad), mode="circular"),
    "padchannels": lambda layer, x, w, c: torch.cat([x.new_zeros(x.shape[0], layer.added[0], *x.shape[2:]), x,
                                                     x.new_zeros(x.shape[0], layer.added[1], *x.shape[2:])], 1),
    "replicatepad": lambda layer, x, w, c: F.pad(x, _sides(layer.pad), mode="replicate"),
    "crop": lambda layer, x, w, c: F.pad(x, tuple(-p for p in _sides(layer.crop))),  # negative padding crops
    "centercrop": lambda layer, x, w, c: _center(x, *layer.size, floor=layer.floor, resize=layer.resize),
    "region": lambda layer, x, w, c: x[:, :, layer.at[0]:layer.at[0] + layer.size[0],
                                       layer.at[1]:layer.at[1] + layer.size[1]],
}

JOINS: dict[str, Callable[[list[torch.Tensor], Any], torch.Tensor]] = {
    "concat": lambda outs, kind: torch.cat(outs, dim=1),
    "split": lambda outs, kind: torch.cat(outs, dim=1),
    "add": lambda outs, kind: torch.stack(torch.broadcast_tensors(*outs)).sum(0),
    "sub": lambda outs, kind: torch.sub(outs[0], outs[1]),
    "avg": lambda outs, kind: torch.mean(torch.stack(torch.broadcast_tensors(*outs)), 0),  # (a gate spread)
    "max": lambda outs, kind: torch.amax(torch.stack(torch.broadcast_tensors(*outs)), 0),
    "min": lambda outs, kind: torch.amin(torch.stack(torch.broadcast_tensors(*outs)), 0),
    "mul": lambda outs, kind: math.prod(outs[1:], start=outs[0]),  # PyTorch broadcasts a 1x1xC or HxWx1 gate
    "fit": lambda outs, kind: _fit(outs[1], outs[0], kind.mode == "channels") if kind.offset is None else
    _crop_at(outs[1], outs[0], *kind.offset),
    "resample": lambda outs, kind: _interpolate(outs[1], kind.mode, size=tuple(outs[0].shape[-2:])),
    "maxunpool": lambda outs, kind: _unpool(outs[1], outs[0], kind.window, kind.ceil),
}


def _unpool(x: torch.Tensor, like: torch.Tensor, pool: Any, ceil: bool) -> torch.Tensor:
    """SegNet's decoder step as its code writes it: the indices of the max pool of `like`, then max_unpool2d to
    like's size (its kernel the pool's reach, so that its range check on that size holds when dilated)."""
    stride, pad = pool.stride or pool.kernel, (pool.pad.top, pool.pad.left)
    _, indices = F.max_pool2d(like, pool.kernel, stride, pad, pool.dilation, ceil, return_indices=True)
    reach = tuple(d * (k - 1) + 1 for k, d in zip(pool.kernel, pool.dilation))
    return F.max_unpool2d(x, indices, reach, stride, pad, output_size=like.shape[-2:])


def _fit(x: torch.Tensor, like: torch.Tensor, channels: bool = False) -> torch.Tensor:
    """U-Net's pad of the upsampled map to the skip's size, as milesial/Pytorch-UNet writes it; `channels`: then
    zero channels after x's own up to like's, as ENet's PyTorch port pads its shortcut."""
    diff_y = like.size()[2] - x.size()[2]
    diff_x = like.size()[3] - x.size()[3]
    x = F.pad(x, [diff_x // 2, diff_x - diff_x // 2, diff_y // 2, diff_y - diff_y // 2])
    if not channels:
        return x
    n, c, h, w = x.size()
    return torch.cat((x, torch.zeros(n, like.size()[1] - c, h, w)), 1)


def _crop_at(x: torch.Tensor, like: torch.Tensor, top: int, left: int) -> torch.Tensor:
    """Caffe's Crop layer (axis 2): x from row `top` and column `left`, like's height and width."""
    return x[:, :, top:top + like.size(2), left:left + like.size(3)]


class Recording(Executor):
    """cnncalc's executor, keeping the weights it drew (for the reference to use the same ones)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drawn: dict[str, np.ndarray] = {}

    def weights(self, node: LayerNode, x: tuple[int, ...]) -> dict[str, np.ndarray]:
        out = super().weights(node, x)
        self.drawn.update({f"{node.path}.{k}": v for k, v in out.items()})
        return out


class Reference:
    """The network run with PyTorch's operators: each node's output by path, and every side head's."""

    def __init__(self, drawn: dict[str, np.ndarray]) -> None:
        self.drawn = drawn
        self.outputs: dict[str, torch.Tensor] = {}
        self.kept: dict[int, torch.Tensor] = {}
        self.sides: dict[str, torch.Tensor] = {}

    def run(self, root: SeqNode, x: np.ndarray) -> torch.Tensor:
        return self.seq(root, nchw(x) if x.ndim == 4 else torch.from_numpy(x))

    def node(self, node: Any, x: torch.Tensor) -> torch.Tensor:
        if isinstance(node, LayerNode):
            prefix = (node.shares or node).path + "."  # a layer that shares another's weights runs with them
            w = {k[len(prefix):]: torch.from_numpy(v) for k, v in self.drawn.items() if k.startswith(prefix)
                 and "." not in k[len(prefix):]}
            y = TORCH_OPS[node.layer.keyword](node.layer, x, w, node.rounding.ceil) if node.to is None else \
                _deconv_to(node.layer, x, w, self.kept[id(node.to)])
        elif isinstance(node, MergeNode):
            y = self.merge(node, x)
        elif node.kind == "side":
            self.sides[node.path] = self.outputs[node.path] = self.seq(node, x)
            return x  # the trunk goes on from the side's input
        else:
            y = self.seq(node, x)
        self.outputs[node.path] = y
        if node.keep:
            self.kept[id(node)] = y
        return y

    def seq(self, node: SeqNode, x: torch.Tensor) -> torch.Tensor:
        if node.ref is not None:
            x = self.kept[id(node.ref)]
        for child in node.children:
            x = self.node(child, x)
        return x

    def merge(self, node: MergeNode, x: torch.Tensor) -> torch.Tensor:
        keyword = node.kind.keyword
        n = len(node.branches)
        parts = list(torch.chunk(x, n, dim=1)) if keyword == "split" else [x] * n
        outs = [self.seq(branch, part) for branch, part in zip(node.branches, parts)]
        return JOINS[keyword](outs, node.kind)

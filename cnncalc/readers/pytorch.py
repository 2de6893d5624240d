"""PyTorch source -> IR, read with `ast` and never imported or run.

A small interpreter follows what building the model would do: module-level constants, the
classes' `__init__` (constructor arguments, loops, `if`s on known values, lists of layers,
`nn.Sequential(*layers)`, helper classes of the same file) and `forward` (each module applied,
`F.relu`, `torch.flatten`, `x.view(x.size(0), -1)`, `torch.cat`, `+`, `*`, `torch.split`, channel
slices, `outputs.append` for extra heads under `if self.training:`). Tensors are nodes of a
`graph.Graph`; every layer becomes a spec-language layer (`graph.spec_layer`), so the spec parser
alone decides what its numbers mean. What cannot be followed is E070 at the construct, never a
guess. The model is the last module the file builds at top level (`model = Net()`), else the last
`nn.Module` class no other class uses, else the `nn.X(...)` lines of a snippet, in order.
The input's size comes from `--input`, or a class attribute `input_size = (C, H, W)` (as
`convert --to pytorch` writes), or the file's own code (torch_inputs.py: the tensor it runs the model on,
the size it hands torchsummary or torchinfo).
"""
from __future__ import annotations

import ast
import collections
import math
import operator
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeGuard

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.layers.arguments import scale_text
from cnncalc.readers import torch_inputs, torch_values, torchvision_zoo
from cnncalc.readers.graph import (
    INPUT,
    PYTHON_TYPES,
    Graph,
    Malformed,
    NotReadable,
    SourceOffsets,
    cut_short,
    parse_python,
    some_of,
    spec_layer,
    why,
)
from cnncalc.record import NamedTuple
from cnncalc.shape import effective_kernel

BY = "PyTorch"
REQUIRED: Any = ...  # a parameter without a default
FROM_INPUT: Any = NotImplemented  # a lazy module's input size: read off the input, so written without `inputs`
class _Training:
    """`self.training`: a head under `if self.training:` is a training-only head; anywhere else
    (`if self.training and self.aux_logits:`) it is False, as in the eval-mode forward followed."""

    def __bool__(self) -> bool:
        return False


TRAINING = _Training()


# What evaluating the user's Python may raise where the file itself is at fault (a dict() of bad pairs,
# an index past a list's end): E070 at the expression, never a traceback.
_FOLLOWING_ERRORS = (TypeError, ValueError, LookupError, ArithmeticError, RecursionError)


class _Unsupported(Exception):
    def __init__(self, message: str, node: ast.AST) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


class _Refused(_Unsupported):
    """The model's own code raises (`raise ValueError(...)`): PyTorch would stop there too."""


class _TooLong(_Unsupported):
    """More steps than limits.MAX_READER_STEPS: the reading stops here, even where a failure is passed over
    (a top-level value the model may not need, a class attribute)."""


# A convolution's sizes, as PyTorch keeps them on the module: tuples of one per spatial axis (`_pair(stride)`), an
# int given or not (a padding given as a string stays one)
_CONV_DIMS = {"Conv2d": 2, "ConvTranspose2d": 2, "Conv1d": 1}
_CONV_TUPLES = frozenset({"kernel_size", "stride", "padding", "dilation", "output_padding"})


class Layer(NamedTuple):
    """`nn.Conv2d(...)`: its class name, arguments bound to PyTorch's parameter names, where."""

    kind: str
    args: dict[str, Any]
    node: ast.AST


class Sequence(NamedTuple):
    """`nn.Sequential` / `nn.ModuleList`: named modules applied (or iterated) in order."""

    items: list[tuple[str, Any]]
    node: ast.AST


class Instance:
    """An object of a class of the file: its attributes as `__init__` left them."""

    def __init__(self, cls: ast.ClassDef, node: ast.AST) -> None:
        self.cls = cls
        self.node = node
        self.attrs: dict[str, Any] = {}
        self.sequential: list[tuple[str, Any]] | None = None  # an `nn.Sequential` subclass: what it holds
        self.layer: Layer | None = None  # a subclass of a layer (EDSR's `MeanShift(nn.Conv2d)`): what it is


def _held_modules(owner: Instance) -> list[tuple[str, Any]]:
    """The modules an object holds in its attributes (layers, containers, objects of the file's classes), in the order
    they were assigned."""
    return [(k, v) for k, v in owner.attrs.items() if isinstance(v, (Layer, Sequence, Instance))]


def _sequence_of(owner: Instance) -> Sequence:
    """An nn.Sequential subclass's modules as its forward runs them: what its `super().__init__(...)` was given, then
    the modules assigned to it afterwards (torchvision's `_Transition`: `self.norm = ...`)."""
    return Sequence([*(owner.sequential or []), *_held_modules(owner)], owner.node)


def _decorators(func: ast.FunctionDef) -> set[str]:
    """The names a function is decorated with (`staticmethod`, `classmethod`)."""
    return {d.id for d in func.decorator_list if isinstance(d, ast.Name)}


class Tensor(NamedTuple):
    node: int  # a node of the graph
    # a view of a map cut at its edges or strided (`x[:, :, 1:-1, 1:-1]`, `x[:, :, ::2, ::2]`): its memory is not
    # contiguous, so PyTorch's `.view` cannot flatten it (`.reshape`, `torch.flatten` or `.contiguous()` first can)
    strided: bool = False


class LayerClass(NamedTuple):
    """`nn.BatchNorm2d` as a value (`norm_layer = nn.BatchNorm2d`, then `norm_layer(planes)`)."""

    kind: str


class _TypeName(NamedTuple):
    """A type that is neither an `nn` class nor a class of the file, as `type(x)` gives it and a comparison reads
    it: `functools.partial`, `int`, `list`."""

    name: str


class _Partial(NamedTuple):
    """`functools.partial(nn.BatchNorm2d, eps=0.001)`: a callable with some arguments bound."""

    func: Any
    args: list[Any]
    kwargs: dict[str, Any]


class _Closure(NamedTuple):
    """A lambda, or a function defined in a function's body (`LambdaLayer(lambda x: F.pad(...))`), with the
    variables of where it was made: read when it is called, as Python's closures read them."""

    definition: ast.FunctionDef | ast.Lambda
    env: dict[str, Any]
    defaults: dict[str, Any]  # its parameters' defaults, computed where it was made (`lambda x, p=p: ...`)


class _SizeOf(NamedTuple):
    """`x.size(0)` / `x.shape[0]`: a dimension of a tensor, known only when the network runs;
    `per` > 1 is that size divided by it (`num_channels // groups` of a channel shuffle)."""

    dim: int
    per: int = 1


class _SizeTimes(NamedTuple):
    """`x.size(2) * 2`: a map's height or width times a whole number (the size an upsampling by it gives)."""

    size: _SizeOf
    factor: int


class _SizePlus(NamedTuple):
    """`t + x.size(2)`: a tensor's size moved on by a whole number (a slice's end: Caffe's crop from row t)."""

    size: _SizeOf
    plus: int


class _ChannelsLast(NamedTuple):
    """A map viewed N x H x W x C (`x.permute(0, 2, 3, 1)`, torchvision's `Permute([0, 2, 3, 1])`): a layer
    on its last axis acts on the channels at each position (ConvNeXt's block): `nn.Linear` is a 1x1
    convolution there and `nn.LayerNorm` the norm over the channels. Permuted back, it is a map again."""

    tensor: Tensor


class _ChannelsAlong(NamedTuple):
    """A map's pooled channels viewed as a sequence of one channel, (N, 1, C) (ECA-Net's `y.squeeze(-1).transpose(-1,
    -2)` of a 1x1 map, timm's `x.mean((2, 3)).view(b, 1, -1)`): `nn.Conv1d(1, 1, K)` slides along them (`channelconv`)
    and an activation acts on each value; transposed back, or viewed (b, -1, 1, 1), they are the channels again."""

    tensor: Tensor


class _Weights(NamedTuple):
    """A tensor made in `__init__` (`torch.ones(C, 1, 1) * 1e-6`): its shape, and whether it is learnt
    (wrapped in `nn.Parameter`). A map multiplied by a learnt one of shape (C, 1, 1) is scaled per channel
    (ConvNeXt's layer scale)."""

    shape: tuple[int, ...]
    learnt: bool = False
    viewed: _Weights | None = None  # the tensor this one views (`weight[:, None, None]`), whose identity counts


class _PositionsFlat(NamedTuple):
    """A map viewed (N, C, H·W) (`x.view(b, c, -1)`, `x.flatten(2)`): only the mean over its last axis is followed, a
    global average pool (`x.view(b, c, -1).mean(-1)`)."""

    map: Tensor


class _HalfMean(NamedTuple):
    """A map's mean over one spatial axis, the other still to come (`x.mean(3).mean(2)`, a global average pool
    written as two means): only that second mean is followed."""

    map: Tensor


class _ChannelReduced(NamedTuple):
    """The channels' mean or max at each position with the channel axis dropped (`torch.mean(x, 1)`,
    `torch.max(x, 1)[0]`): only `.unsqueeze(1)` is followed, which gives the HxWx1 map back (CBAM's ChannelPool)."""

    map: Tensor


class _MaxResult(NamedTuple):
    """`torch.max(x, 1)`'s values and indices: the values a map (`keepdim=True`) or a `_ChannelReduced`; the
    indices are not followed."""

    values: Any
    indices: None = None


class _Indices(NamedTuple):
    """The indices a max pool returns (`return_indices=True`): where the maxima of `source` were in the windows of
    the pool `window` (its spec arguments, `2x2 stride 2`); `reach`, the rows and columns one window spans, its
    stride and its padding, the arguments of an unpooling whose output_size PyTorch accepts at any map size;
    `plain`, without dilation or ceil_mode (then the unpooling's own size is the pooled map's where the windows
    tile it)."""

    source: Tensor
    window: str
    reach: tuple[tuple[int, int], tuple[int, int], tuple[int, int]]
    plain: bool


class _Statistic(NamedTuple):
    """A step of a layer norm written out over a map's channels (ConvNeXt's `LayerNorm` for `channels_first`):
    `u = x.mean(1, keepdim=True)` ("mean"), `x - u` ("centred"), `.pow(2)` ("squared"), its mean over the channels
    ("variance", plus `eps`), `torch.sqrt(...)` ("deviation"), `(x - u) / ...` ("normalised"), times a learnt
    (C, 1, 1) weight ("scaled"); plus a learnt (C, 1, 1) bias, it is the layer `layernorm`. No other use of a step
    is followed (`_Reader.statistic`)."""

    step: str
    of: Tensor
    eps: float = 0.0
    weight: _Weights | None = None
    node: ast.AST | None = None  # where a "mean" was taken: a map there if it is used as one (`channelavgpool`)


class _Standardised(NamedTuple):
    """Values computed from a convolution's own weight and numbers alone: weight standardisation (BiT's `StdConv2d`,
    `(w - m) / torch.sqrt(v + eps)` of `torch.var_mean(w, dim=[1, 2, 3])`; timm's `F.batch_norm` of the weight viewed
    (1, out, -1)). `F.conv2d` with them and the layer's own arguments is the layer: its parameters and MACs are the
    layer's (`_Reader.standardised_call`). Nothing else learnt may enter them."""

    layer: Layer


class _Parameter(NamedTuple):
    """A learnt tensor of a layer (`weight` or `bias`), or a module's own (`nn.Parameter`, its `weight`), as a loop
    over `model.named_parameters()` sees it: only its `requires_grad` is followed."""

    layer: Layer | _Weights
    blob: str


def _blobs(layer: Layer) -> list[str]:
    """The learnt tensors of a layer, as PyTorch names them: a weight, and a bias where it has one."""
    if not _has_state(layer) or not layer.args.get("affine", True) or not layer.args.get("elementwise_affine", True):
        return []  # a norm without gamma and beta (affine=False, elementwise_affine=False)
    if layer.kind == "PReLU":
        return ["weight"]
    return ["weight", "bias"] if layer.args.get("bias", True) and layer.args.get("elementwise_affine", True) else \
        ["weight"]


class _RecordType:
    """`collections.namedtuple("BlockArgs", [...])`: a record type of the file (EfficientNet-PyTorch's block and global
    parameters). Called, it makes Python's own namedtuple of those fields (a tuple, its fields by name, `_replace`),
    with the defaults `defaults=` or `BlockArgs.__new__.__defaults__ = ...` give."""

    def __init__(self, made: type, fields: tuple[str, ...]) -> None:
        self.made = made
        self.fields = fields


class _AutogradContext:
    """The `ctx` a `torch.autograd.Function`'s static forward is given (a memory-efficient Swish's): what it keeps for
    the backward pass (`ctx.save_for_backward(i)`, `ctx.alpha = a`) is no part of the shape."""

    def __init__(self) -> None:
        self.attrs: dict[str, Any] = {}


_CONTEXT_METHODS = frozenset({"save_for_backward", "mark_dirty", "mark_non_differentiable", "set_materialize_grads"})

def _regex_split(args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> tuple[list[Any], int]:
    """`re.split(pattern, text)` (EfficientNet's block strings, `re.split(r"(\\d.*)", "k3")`), as Python's, where
    its cost is bounded (`limits.MAX_REGEX_CHARS`), and the reader's steps it costs at most (backtracking over n
    characters with r repetitions tries up to about n^(r + 1) ways: 0.5 s for 200 characters and 3, 160,000
    steps); else E070."""
    if len(args) != 2 or kwargs or not all(isinstance(a, str) for a in args):
        raise _Unsupported("`re.split` of other than a pattern and a string", node)
    pattern, text = args
    repeats = len(re.findall(r"(?<!\\)[*+{]|(?<![\\(])\?", pattern))
    grouped = re.search(r"(?<!\\)\)[*+?{]|\\[1-9]|\(\?P=", pattern)  # a repeated group, a backreference
    if len(pattern) > limits.MAX_REGEX_CHARS or len(text) > limits.MAX_REGEX_TEXT or grouped or \
            repeats > limits.MAX_REGEX_REPEATS:
        raise _Unsupported(f"`re.split` with the pattern {pattern[:limits.MAX_REGEX_CHARS]!r} on {len(text):,} "
                           f"characters (cnncalc runs patterns of up to {limits.MAX_REGEX_CHARS} characters and "
                           f"{limits.MAX_REGEX_REPEATS} repetitions, none of a group, on strings of up to "
                           f"{limits.MAX_REGEX_TEXT})", node)
    try:
        return re.split(pattern, text), len(text) ** (repeats + 1) // 10_000
    except re.error as e:
        raise _Unsupported(f"`re.split` with the pattern {pattern!r} ({e})", node) from None


class _Hparams(dict[str, Any]):
    """PyTorch Lightning's `self.hparams`: the saved arguments, read as attributes or keys."""


def _arguments_of(env: dict[str, Any], names: list[Any], ignored: Any) -> dict[str, Any]:
    """The running function's arguments (its variables but `self`, `_`-names and those `ignored`), or the
    `names` among them: what a library's `save_hyperparameters` keeps."""
    skip = {ignored} if isinstance(ignored, str) else set(ignored) if _listed(ignored) else set()
    wanted = {n for n in names if isinstance(n, str)}
    return {k: v for k, v in env.items() if k != "self" and not k.startswith("_") and k not in skip
            and (not wanted or k in wanted)}


class _Broadcast(NamedTuple):
    """`torch.broadcast_tensors(a, g)`: maps spread to one shape (a gate over a map), read only as what
    `torch.stack` stacks (`convert --to pytorch` writes a mean with a gate so); a join broadcasts them anyway."""

    tensors: list[Tensor]


class _Stacked(NamedTuple):
    """`torch.stack([a, b, c])`: maps stacked along a new first axis, to be reduced back along it (`.mean(0)`:
    their mean value by value). Nothing else may read it."""

    tensors: list[Tensor]


class _Chunks:
    """`torch.split(x, 26, 1)`: x's channels in parts of 26, as many as the channels make, which the reader does
    not know; each part read by its index (`spx[i]`) is `part i+1 size 26` (channels 26·i to 26·(i + 1), the last
    part what is left, E036 where none is). Unpacked into names, as many parts as names (`Reader.unpacked`);
    counted or listed, E070 (`plain`)."""

    def __init__(self, tensor: Tensor, size: int, node: ast.AST) -> None:
        self.tensor, self.size, self.node = tensor, size, node
        self.parts: dict[int, Tensor] = {}  # each part read, made once


class _GroupView(NamedTuple):
    """A channel shuffle under way: `x.view(b, g, c // g, h, w)`, then its transpose of axes 1 and 2;
    viewed back to four axes it is `shuffle g` on x. Nothing else may read it."""

    tensor: Tensor
    groups: int
    transposed: bool


# ---- what PyTorch's layers mean, in the spec language -------------------------------------------------

# Each layer's parameters in PyTorch's order, with defaults (positional and keyword arguments bind to these); those in
# KEYWORD_ONLY are given by name only (the norms' `bias`, after `*` in PyTorch's signatures).
SIGNATURES: dict[str, tuple[tuple[str, Any], ...]] = {
    "Conv2d": (("in_channels", REQUIRED), ("out_channels", REQUIRED), ("kernel_size", REQUIRED), ("stride", 1),
               ("padding", 0), ("dilation", 1), ("groups", 1), ("bias", True), ("padding_mode", "zeros")),
    "Conv1d": (("in_channels", REQUIRED), ("out_channels", REQUIRED), ("kernel_size", REQUIRED), ("stride", 1),
               ("padding", 0), ("dilation", 1), ("groups", 1), ("bias", True), ("padding_mode", "zeros")),
    "ConvTranspose2d": (("in_channels", REQUIRED), ("out_channels", REQUIRED), ("kernel_size", REQUIRED), ("stride", 1),
                        ("padding", 0), ("output_padding", 0), ("groups", 1), ("bias", True), ("dilation", 1),
                        ("padding_mode", "zeros")),
    "MaxPool2d": (("kernel_size", REQUIRED), ("stride", None), ("padding", 0), ("dilation", 1),
                  ("return_indices", False), ("ceil_mode", False)),
    "AvgPool2d": (("kernel_size", REQUIRED), ("stride", None), ("padding", 0), ("ceil_mode", False),
                  ("count_include_pad", True), ("divisor_override", None)),
    "LPPool2d": (("norm_type", REQUIRED), ("kernel_size", REQUIRED), ("stride", None), ("ceil_mode", False)),
    "AdaptiveAvgPool2d": (("output_size", REQUIRED),),
    "AdaptiveMaxPool2d": (("output_size", REQUIRED), ("return_indices", False)),
    "Linear": (("in_features", REQUIRED), ("out_features", REQUIRED), ("bias", True)),
    "BatchNorm2d": (("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", True),
                    ("track_running_stats", True), ("bias", True)),
    "BatchNorm1d": (("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", True),
                    ("track_running_stats", True), ("bias", True)),
    # its statistics gathered over the processes in training: at inference a batch norm, of a map or a vector
    "SyncBatchNorm": (("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", True),
                      ("track_running_stats", True), ("process_group", None), ("bias", True)),
    "GroupNorm": (("num_groups", REQUIRED), ("num_channels", REQUIRED), ("eps", 1e-5), ("affine", True),
                  ("bias", True)),
    "InstanceNorm2d": (("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", False),
                       ("track_running_stats", False), ("bias", True)),
    "LayerNorm": (("normalized_shape", REQUIRED), ("eps", 1e-5), ("elementwise_affine", True), ("bias", True)),
    "LayerNorm2d": (("normalized_shape", REQUIRED), ("eps", 1e-5), ("elementwise_affine", True), ("bias", True)),
    "Scale": (("channels", REQUIRED), ("bias", True)),
    "ChannelConv": (("kernel_size", REQUIRED), ("padding", REQUIRED), ("bias", True)),
    "ValuePReLU": (("channels", REQUIRED), ("height", REQUIRED), ("width", REQUIRED)),
    "DepthToSpace": (("block_size", REQUIRED),), "SpaceToDepth": (("block_size", REQUIRED),),
    "OneSidedBatchNorm": (("channels", REQUIRED), ("eps", 1e-5), ("scale", True), ("shift", True),
                          ("track_running_stats", True)),
    "LocalResponseNorm": (("size", REQUIRED), ("alpha", 1e-4), ("beta", 0.75), ("k", 1.0)),
    "ReLU": (("inplace", False),), "ReLU6": (("inplace", False),),
    "Hardtanh": (("min_val", -1.0), ("max_val", 1.0), ("inplace", False)),
    "LeakyReLU": (("negative_slope", 0.01), ("inplace", False)),
    "ELU": (("alpha", 1.0), ("inplace", False)), "SELU": (("inplace", False),),
    "PReLU": (("num_parameters", 1), ("init", 0.25)),
    "Sigmoid": (), "Tanh": (), "Hardsigmoid": (("inplace", False),), "SiLU": (("inplace", False),),
    "Hardswish": (("inplace", False),), "Mish": (("inplace", False),), "GELU": (("approximate", "none"),),
    "Softplus": (("beta", 1.0), ("threshold", 20.0)), "Softsign": (), "LogSigmoid": (),
    "CELU": (("alpha", 1.0), ("inplace", False)),
    "Threshold": (("threshold", REQUIRED), ("value", REQUIRED), ("inplace", False)),
    "Hardshrink": (("lambd", 0.5),), "Softshrink": (("lambd", 0.5),), "Tanhshrink": (),
    "Softmax": (("dim", None),), "LogSoftmax": (("dim", None),),
    "Dropout": (("p", 0.5), ("inplace", False)), "Dropout2d": (("p", 0.5), ("inplace", False)),
    "Flatten": (("start_dim", 1), ("end_dim", -1)),
    "Unflatten": (("dim", REQUIRED), ("unflattened_size", REQUIRED)),
    "Identity": (),
    # (recompute_scale_factor changes the scale the values are interpolated at, never the output's size)
    "Upsample": (("size", None), ("scale_factor", None), ("mode", "nearest"), ("align_corners", None),
                 ("recompute_scale_factor", None)),
    "ZeroPad2d": (("padding", REQUIRED),),
    "ReflectionPad2d": (("padding", REQUIRED),),
    "ReplicationPad2d": (("padding", REQUIRED),),
    "CircularPad2d": (("padding", REQUIRED),),
    "ConstantPad2d": (("padding", REQUIRED), ("value", REQUIRED)),
    "ChannelShuffle": (("groups", REQUIRED),),
    "PixelShuffle": (("upscale_factor", REQUIRED),),
    "PixelUnshuffle": (("downscale_factor", REQUIRED),),
    "MaxUnpool2d": (("kernel_size", REQUIRED), ("stride", None), ("padding", 0)),  # applied with its indices
    "CenterCrop": (("size", REQUIRED),),  # torchvision.transforms': the middle of the map, zero-padded if smaller
}
KEYWORD_ONLY: dict[str, frozenset[str]] = dict.fromkeys(("BatchNorm2d", "BatchNorm1d", "SyncBatchNorm", "GroupNorm",
                                                        "InstanceNorm2d"), frozenset({"bias"}))
# `F.relu(x)` and friends: the module they stand for, and their parameters after the input
FUNCTIONS: dict[str, tuple[str, tuple[tuple[str, Any], ...]]] = {
    "relu": ("ReLU", (("inplace", False),)), "relu6": ("ReLU6", (("inplace", False),)),
    "hardtanh": ("Hardtanh", SIGNATURES["Hardtanh"]),
    "clamp": ("Clamp", (("min", None), ("max", None))), "clip": ("Clamp", (("min", None), ("max", None))),
    "leaky_relu": ("LeakyReLU", (("negative_slope", 0.01), ("inplace", False))),
    "elu": ("ELU", (("alpha", 1.0), ("inplace", False))), "selu": ("SELU", (("inplace", False),)),
    "sigmoid": ("Sigmoid", ()), "tanh": ("Tanh", ()), "hardsigmoid": ("Hardsigmoid", (("inplace", False),)),
    "silu": ("SiLU", (("inplace", False),)), "hardswish": ("Hardswish", (("inplace", False),)),
    "mish": ("Mish", (("inplace", False),)), "gelu": ("GELU", (("approximate", "none"),)),
    "softplus": ("Softplus", SIGNATURES["Softplus"]), "softsign": ("Softsign", ()), "logsigmoid": ("LogSigmoid", ()),
    "celu": ("CELU", SIGNATURES["CELU"]),
    "threshold": ("Threshold", SIGNATURES["Threshold"]),
    "hardshrink": ("Hardshrink", SIGNATURES["Hardshrink"]), "softshrink": ("Softshrink", SIGNATURES["Softshrink"]),
    "tanhshrink": ("Tanhshrink", ()),
    "softmax": ("Softmax", (("dim", None),)), "log_softmax": ("LogSoftmax", (("dim", None),)),
    "normalize": ("Normalize", (("p", 2.0), ("dim", 1), ("eps", 1e-12), ("out", None))),
    "dropout": ("Dropout", (("p", 0.5), ("training", True), ("inplace", False))),
    "dropout2d": ("Dropout2d", (("p", 0.5), ("training", True), ("inplace", False))),
    # (F.max_pool2d takes ceil_mode before return_indices, nn.MaxPool2d after: `F.max_pool2d(x, 3, 2, 0, 1, True)`
    # rounds up)
    "max_pool2d": ("MaxPool2d", (("kernel_size", REQUIRED), ("stride", None), ("padding", 0), ("dilation", 1),
                                 ("ceil_mode", False), ("return_indices", False))),
    "max_unpool2d": ("MaxUnpool2d", (("indices", REQUIRED), ("kernel_size", REQUIRED), ("stride", None),
                                     ("padding", 0), ("output_size", None))),
    "avg_pool2d": ("AvgPool2d", SIGNATURES["AvgPool2d"]),
    "lp_pool2d": ("LPPool2d", SIGNATURES["LPPool2d"]),
    "adaptive_avg_pool2d": ("AdaptiveAvgPool2d", SIGNATURES["AdaptiveAvgPool2d"]),
    "adaptive_max_pool2d": ("AdaptiveMaxPool2d", SIGNATURES["AdaptiveMaxPool2d"]),
    "local_response_norm": ("LocalResponseNorm", SIGNATURES["LocalResponseNorm"]),
    "interpolate": ("Upsample", (*SIGNATURES["Upsample"], ("antialias", False))),  # (antialias: values, not sizes)
    # the deprecated spellings, which PyTorch still runs (with a warning): `upsample` is `interpolate`, the other two
    # have their mode fixed (and bilinear its corners aligned, as nn.UpsamplingBilinear2d)
    "upsample": ("Upsample", SIGNATURES["Upsample"]),
    "upsample_nearest": ("Upsample", (("size", None), ("scale_factor", None), ("mode", "nearest"),
                                      ("align_corners", None), ("recompute_scale_factor", None))),
    "upsample_bilinear": ("Upsample", (("size", None), ("scale_factor", None), ("mode", "bilinear"),
                                       ("align_corners", True), ("recompute_scale_factor", None))),
    "pad": ("F.pad", (("pad", REQUIRED), ("mode", "constant"), ("value", None))),
    "channel_shuffle": ("ChannelShuffle", SIGNATURES["ChannelShuffle"]),
    "pixel_shuffle": ("PixelShuffle", SIGNATURES["PixelShuffle"]),
    "pixel_unshuffle": ("PixelUnshuffle", SIGNATURES["PixelUnshuffle"]),
    "center_crop": ("CenterCrop", (("output_size", REQUIRED),)),  # torchvision.transforms.functional's
}
# Modules that are another with some parameters fixed: the module, and those parameters' values (not passed).
# The lazy modules read their input's size off the first input (`inputs` is then not written); the deprecated
# upsampling classes are `Upsample` with a mode.
ALIASES: dict[str, tuple[str, dict[str, Any]]] = {
    "LazyConv2d": ("Conv2d", {"in_channels": FROM_INPUT}),
    "LazyConvTranspose2d": ("ConvTranspose2d", {"in_channels": FROM_INPUT}),
    "LazyLinear": ("Linear", {"in_features": FROM_INPUT}),
    "LazyBatchNorm1d": ("BatchNorm1d", {"num_features": FROM_INPUT}),
    "LazyBatchNorm2d": ("BatchNorm2d", {"num_features": FROM_INPUT}),
    "LazyInstanceNorm2d": ("InstanceNorm2d", {"num_features": FROM_INPUT}),
    "UpsamplingNearest2d": ("Upsample", {"mode": "nearest"}),
    "UpsamplingBilinear2d": ("Upsample", {"mode": "bilinear", "align_corners": True}),
    "Softmax2d": ("Softmax", {"dim": -3}),  # over the channels of a map, as `softmax` is
}
SIMPLE = {"ReLU": "relu", "ReLU6": "relu6", "Sigmoid": "sigmoid", "Tanh": "tanh", "Hardsigmoid": "hardsigmoid",
          "SiLU": "silu", "Hardswish": "hardswish", "Mish": "mish", "Identity": "identity", "SELU": "selu",
          "Softsign": "softsign", "LogSigmoid": "logsigmoid", "Tanhshrink": "tanhshrink"}
CONTAINERS = {"Sequential", "ModuleList", "ModuleDict"}
_CONTAINERS = (list, tuple, dict, set, frozenset)  # plain values whose elements Python's own operations visit
_SCALINGS = frozenset({"mul", "mul_", "div", "div_", "add", "add_", "sub", "sub_"})  # a tensor's methods by a number
# a learnt tensor's in-place methods that set its values (`m.weight.data.normal_(0, 0.02)`, `m.bias.data.zero_()`)
_INITIALISERS = frozenset({"normal_", "uniform_", "zero_", "fill_", "copy_", "mul_", "div_", "add_", "sub_", "clamp_",
                           "clamp_min_", "clamp_max_", "fmod_", "exponential_", "bernoulli_", "random_"})
BUILTINS: dict[str, Callable[..., Any]] = {
    "range": range, "len": len, "int": int, "float": float, "min": min, "max": max, "abs": abs, "round": round,
    "zip": lambda *a: list(zip(*a)), "enumerate": lambda *a: list(enumerate(*a)), "list": list, "tuple": tuple,
    "sum": sum, "bool": bool, "str": str, "reversed": lambda a: list(reversed(a)), "any": any, "all": all,
    "set": set, "sorted": sorted,
}
# Python's arithmetic on the values a model's set-up computes (numbers, and tensors of constants)
_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv,
    ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow, ast.LShift: operator.lshift,
    ast.RShift: operator.rshift, ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor}
MATH: dict[str, Callable[..., Any]] = {
    "ceil": math.ceil, "floor": math.floor, "sqrt": math.sqrt, "log": math.log, "log2": math.log2, "exp": math.exp,
    "pow": math.pow, "isclose": math.isclose}


# the activation functions PyTorch also computes in place under a name ending in `_` (`F.relu_(x)`,
# `torch.sigmoid_(x)`; the tensor methods' are `_IN_PLACE`), by the module that defines them
_IN_PLACE_FUNCTIONS = {"torch.nn.functional.": {"relu_", "elu_", "leaky_relu_", "hardtanh_", "threshold_", "celu_",
                                                "selu_"},
                       "torch.": {"relu_", "sigmoid_", "tanh_", "clamp_", "clip_", "selu_", "celu_"}}
_CHECKPOINTS = {"torch.utils.checkpoint.checkpoint", "torch.utils.checkpoint.checkpoint_sequential"}
_CHECKPOINT_OPTIONS = {"use_reentrant", "preserve_rng_state", "context_fn", "determinism_check", "debug"}
_STATEFUL = {"Conv2d", "ConvTranspose2d", "Linear", "BatchNorm1d", "BatchNorm2d", "SyncBatchNorm", "GroupNorm",
             "LayerNorm", "LayerNorm2d", "Scale", "OneSidedBatchNorm", "PReLU", "ValuePReLU", "ChannelConv",
             "Conv1d"}  # modules with parameters or running statistics
# the helper modules `convert --to pytorch` writes (cnncalc/pytorch_writer.py's HELPERS), read as they are defined
WRITTEN_HELPERS = ("LayerNorm2d", "Scale", "OneSidedBatchNorm", "ValuePReLU", "ChannelConv", "DepthToSpace",
                   "SpaceToDepth")


def _is_written_helper(cls: ast.ClassDef) -> bool:
    """Whether a class is the helper `convert --to pytorch` writes under its name: as written, or for `LayerNorm2d`
    under that name alone (a layer norm over the channels wherever timm, torchvision or detectron2 define one). A
    file's own class of another helper's name, mmdetection's `Scale` of one learnt number, is read from its body."""
    if cls.name == "LayerNorm2d":
        return True
    if cls.name not in _HELPER_TREES:  # (parsed once a process: a file names its classes at every use)
        from cnncalc.pytorch_writer import HELPERS
        _HELPER_TREES[cls.name] = ast.dump(ast.parse(HELPERS[cls.name]).body[0])
    return _HELPER_TREES[cls.name] == ast.dump(cls)


_HELPER_TREES: dict[str, str] = {}  # each helper class as `convert` writes it, as `ast.dump` shows its syntax tree


def _has_state(layer: Layer) -> bool:
    if layer.kind == "InstanceNorm2d":
        return bool(layer.args.get("affine") or layer.args.get("track_running_stats"))
    return layer.kind in _STATEFUL


def _weight_of(value: Any) -> Layer | None:
    """The convolution whose weight a value is, or is computed from alone (`_Standardised`)."""
    if isinstance(value, _Standardised):
        return value.layer
    if isinstance(value, _Parameter) and value.blob == "weight" and isinstance(value.layer, Layer) and \
            value.layer.kind == "Conv2d":
        return value.layer
    return None


def _weight_shape(value: Any) -> tuple[int, ...] | None:
    """The shape of a convolution's weight (C_out, C_in/groups, Kh, Kw), or of one standardised from it, as PyTorch
    makes it; None where its input's channels are not written (a lazy one) or for another value."""
    layer = _weight_of(value)
    if layer is None or not all(type(layer.args.get(k)) is int for k in ("in_channels", "out_channels", "groups")):
        return None
    kernel = layer.args["kernel_size"]
    sizes = (kernel, kernel) if type(kernel) is int else tuple(kernel)
    if len(sizes) != 2 or not all(type(k) is int for k in sizes):
        return None
    return layer.args["out_channels"], layer.args["in_channels"] // layer.args["groups"], *sizes


def _bound_names(target: ast.expr) -> list[str]:
    """The names an assignment to `target` binds (`a`, `a, (b, c)`); none for an attribute's or an item's."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _bound_names(element)]
    return []


def _plain(value: Any) -> bool:
    """A number, a flag, None, or a list of whole numbers (dimensions): what a standardisation's steps take beside the
    weight."""
    return value is None or isinstance(value, (int, float)) or (
        isinstance(value, (list, tuple)) and all(type(v) is int for v in value))


# a weight's methods that standardise it (`.mean(dim=...)`, `.var(...)`, `.reshape(1, out, -1)`, `.reshape_as(w)`)
_STANDARDISING = frozenset({"mean", "var", "std", "sqrt", "rsqrt", "reshape", "view", "reshape_as", "view_as",
                            "flatten", "pow", "add", "sub", "mul", "div", "clamp", "clamp_min", "abs", "square",
                            "contiguous"})
# torch's functions that do, and those that give two (the variance or deviation, and the mean)
_STANDARDISING_FUNCTIONS = frozenset({"var", "mean", "std", "sqrt", "rsqrt", "abs", "square", "clamp"})
_CONV2D = (("weight", REQUIRED), ("bias", None), ("stride", 1), ("padding", 0), ("dilation", 1), ("groups", 1))


def _gains_two_axes(parts: list[ast.expr], whole: list[bool]) -> bool:
    """`y[:, :, None, None]` or `y[..., None, None]`: a vector given a height and a width of 1."""
    added = [isinstance(p, ast.Constant) and p.value is None for p in parts]
    return added[-2:] == [True, True] and ((len(parts) == 4 and whole[0] and whole[1]) or (
        len(parts) == 3 and isinstance(parts[0], ast.Constant) and parts[0].value is Ellipsis))


def _names_only(target: ast.expr) -> bool:
    """A target of names only: `x`, or a tuple or list of them (`nz, ngf, nc`, `(a, [b, c])`)."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return all(_names_only(t) for t in target.elts)
    return isinstance(target, ast.Name)


def _spelt_out(parts: list[ast.expr]) -> list[ast.expr]:
    """A map's index with a leading `...` as its four axes (`x[..., ::2, ::2]`, YOLOv5's Focus: `x[:, :, ::2, ::2]`);
    one that adds axes (`y[..., None, None]`) is left as written."""
    rest = parts[1:]
    if not parts or not _is_constant(parts[0], Ellipsis) or len(rest) > 3 or \
            any(_is_constant(p, Ellipsis) or _is_constant(p, None) for p in rest):
        return parts
    return [*(ast.Slice() for _ in range(4 - len(rest))), *rest]


def _is_constant(node: ast.expr, value: Any) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _swaps_last_two(attr: str, args: list[Any]) -> bool:
    """Whether `.transpose(...)` or `.permute(...)` of a 3-axis tensor swaps its last two axes: (N, C, 1) and (N, 1,
    C) one into the other."""
    dims = list(args[0]) if attr == "permute" and len(args) == 1 and _listed(args[0]) else list(args)
    if not all(type(d) is int and -3 <= d <= 2 for d in dims):
        return False
    if attr == "permute":
        return [d % 3 for d in dims] == [0, 2, 1]
    return len(dims) == 2 and sorted(d % 3 for d in dims) == [1, 2]


def _is_batch(size: Any) -> bool:
    """`x.size(0)` or -1 in a view's first place."""
    return bool(size == _SizeOf(0) or size == -1)


def _sized(v: Any, what: str, node: ast.AST) -> None:
    """`F.avg_pool2d(x, x.size()[3])`: an argument read from a tensor's size, which only running the
    network knows; said plainly, with what to write instead."""
    if isinstance(v, (_SizeOf, _ShapeOf)):
        read = f"x.size({v.dim})" if isinstance(v, _SizeOf) else "x.size()"
        raise _Unsupported(f"{what} read from a tensor's size (`{read}`), known only when the network runs; "
                           f"write the number, or pool the whole map with `F.adaptive_avg_pool2d(x, 1)`", node)


def _without_arguments(function: ast.FunctionDef) -> bool:
    """A function called with no arguments: every parameter has a default (none is `*args` or `**kwargs`)."""
    arguments = function.args
    return len(arguments.posonlyargs + arguments.args) == len(arguments.defaults) and \
        all(d is not None for d in arguments.kw_defaults) and arguments.vararg is None and arguments.kwarg is None


def _shown(v: Any, depth: int = 0) -> str:
    """A value in a message as the file would write it: Python's own values as Python does, a module as its
    call, and never the reader's records (nor an address that changes from run to run)."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return repr(v)[:60]
    if isinstance(v, (Layer, LayerClass)):
        return f"nn.{v.kind}" + ("(…)" if isinstance(v, Layer) else "")
    if isinstance(v, Sequence):
        return "a container of modules"
    if isinstance(v, Instance):
        return f"{v.cls.name}(…)"
    if isinstance(v, (Tensor, _GroupView)):
        return "a tensor"
    if isinstance(v, _ChannelsLast):
        return "a channels-last view of a map (`x.permute(0, 2, 3, 1)`)"
    if isinstance(v, _ChannelsAlong):
        return "a map's pooled channels viewed as a sequence (`y.squeeze(-1).transpose(-1, -2)`)"
    if isinstance(v, _Weights):
        return "a learnt tensor" if v.learnt else "a tensor of constants"
    if isinstance(v, _Statistic):
        return "a step of a layer norm written out"
    if isinstance(v, _Parameter):
        return f"a learnt tensor (`{v.blob}`)"
    if isinstance(v, _Standardised):
        return "a convolution's weight, standardised"
    if depth > 2:
        return "…"
    if type(v) in (list, tuple):
        inner = ", ".join(_shown(x, depth + 1) for x in v[:6]) + (", …" if len(v) > 6 else "")
        return f"[{inner}]" if isinstance(v, list) else f"({inner}{',' * (len(v) == 1)})"
    if isinstance(v, dict):
        inner = ", ".join(f"{_shown(k, depth + 1)}: {_shown(x, depth + 1)}" for k, x in list(v.items())[:6])
        return "{" + inner + (", …" if len(v) > 6 else "") + "}"
    return "a value cnncalc does not follow here"


def _listed(value: Any) -> TypeGuard[list[Any] | tuple[Any, ...]]:
    """A list or tuple as the file's code makes them: not one of the reader's own records (a size, a tensor, a
    layer), which are tuples too, and whose fields a check for a list of numbers would read as one (the size record
    of `x.shape[1] // 2` as the list [1, 2])."""
    return type(value) in (list, tuple)


def _pair(v: Any, what: str, node: ast.AST) -> tuple[int, int]:
    _sized(v, what, node)
    if isinstance(v, bool) or v is None:
        raise _Unsupported(f"{what}={_shown(v)}", node)
    if isinstance(v, int):
        return v, v
    if _listed(v) and len(v) in (1, 2) and all(isinstance(x, int) and not isinstance(x, bool) for x in v):
        return v[0], v[-1]  # (one in a list: PyTorch's 2-D operations take it for both axes)
    raise _Unsupported(f"{what}={_shown(v)} (expected a whole number or a pair)", node)


def _size(h: int, w: int) -> str:
    return str(h) if h == w else f"{h}x{w}"


def _real(x: Any, what: str, node: ast.AST) -> str:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise _Unsupported(f"{what}={_shown(x)}", node)
    return repr(float(x))


def _learnt(a: dict[str, Any]) -> str:
    """A batch or group norm's learnt parts: `affine=False` none, `bias=False` (PyTorch 2.13) the scale alone."""
    return "" if a["affine"] and a["bias"] else " noshift" if a["affine"] else " noaffine"


def _eps(x: Any, node: ast.AST) -> str:
    """` eps 0.001`, or nothing for the default 1e-5 (the spec language's too)."""
    text = _real(x, "eps", node)
    return "" if float(text) == 1e-5 else f" eps {text}"


def _int(x: Any, what: str, node: ast.AST) -> int:
    _sized(x, what, node)
    if isinstance(x, bool) or not isinstance(x, int):
        raise _Unsupported(f"{what}={_shown(x)} (expected a whole number)", node)
    return x


def _inputs(a: dict[str, Any], name: str, node: ast.AST) -> str:
    """` inputs N`, the size PyTorch's module was built for; nothing for a lazy module (it takes its input's)."""
    return "" if a[name] is FROM_INPUT else f" inputs {_int(a[name], name, node)}"


_CHANNELWISE = {*SIMPLE, "GELU", "Dropout", "LeakyReLU", "ELU", "CELU", "Softplus", "Hardtanh", "Clamp", "Threshold",
                "Hardshrink", "Softshrink"}  # the same
# on any view of a map


def channels_last_text(layer: Layer) -> str:
    """A layer applied to a channels-last view, in the spec language: on the channels at each position."""
    a, node, kind = layer.args, layer.node, layer.kind
    if kind == "Linear":
        return (f"conv {_int(a['out_features'], 'out_features', node)} 1x1"
                f"{'' if a['bias'] else ' nobias'}{_inputs(a, 'in_features', node)}")
    if kind == "LayerNorm":
        return spec_text(Layer("LayerNorm2d", a, node))
    if kind in _CHANNELWISE:
        return spec_text(layer)
    raise _Unsupported(f"nn.{kind} on a channels-last view (`x.permute(0, 2, 3, 1)`)", node)


def same_padded_text(layer: Layer, padded: _SamePadded, node: ast.AST) -> str:
    """A convolution or max pool of a map F.pad padded by TensorFlow's SAME padding for the layer's own window and
    stride, without padding of its own: `pad same` (timm's Conv2dSame with zeros, MaxPool2dSame with -inf, which no
    window's maximum takes; F.pad's zeros before a max pool would be values of their own); refused at `node`, where
    it is applied."""
    a, kind = layer.args, layer.kind
    if kind not in ("Conv2d", "MaxPool2d"):
        raise _Unsupported(f"nn.{kind} of a map padded by TensorFlow's SAME padding (cnncalc follows a convolution or "
                           f"max pool of it)", node)
    kh, kw = _pair(a["kernel_size"], "kernel_size", node)
    dh, dw = _pair(a["dilation"], "dilation", node)
    stride = a["stride"] if a["stride"] is not None and a["stride"] != [] else a["kernel_size"]
    sh, sw = _pair(stride, "stride", node)
    window = (dh * (kh - 1) + 1, dw * (kw - 1) + 1)
    padding = a["padding"]
    pads = (0, 0) if padding == "valid" else padding if padding == "same" else _pair(padding, "padding", node)
    value = padded.value
    if window != padded.window or (sh, sw) != padded.stride or pads != (0, 0) or a.get("ceil_mode") or \
            a.get("padding_mode", "zeros") != "zeros" or \
            (value != 0 if kind == "Conv2d" else not (math.isinf(value) and value < 0)):
        raise _Unsupported(f"nn.{kind} with a window of {_size(*window)} at stride {_size(sh, sw)} and padding "
                           f"{_shown(padding)} of a map padded with {_shown(value)} by TensorFlow's SAME padding for "
                           f"{_size(*padded.window)} at stride {_size(*padded.stride)} (cnncalc follows the layer's "
                           f"own window and stride, no padding of its own, zeros before a convolution, -inf before "
                           f"a max pool)", node)
    return spec_text(layer, same=True)


def channels_along_text(layer: Layer) -> str:
    """A layer applied to a map's pooled channels viewed as a sequence (`_ChannelsAlong`): `nn.Conv1d(1, 1, K)` a
    convolution across them, an activation the same on each value."""
    node, kind = layer.node, layer.kind
    if kind in _CHANNELWISE:
        return spec_text(layer)
    a = {k: v[0] if _listed(v) and len(v) == 1 else v for k, v in layer.args.items()}  # `kernel_size=(3,)`: 3
    if kind != "Conv1d":
        raise _Unsupported(f"nn.{kind} on a map's channels viewed as a sequence (cnncalc follows nn.Conv1d(1, 1, K) "
                           f"and activations there, as ECA-Net's attention uses them)", node)
    kernel = _int(a["kernel_size"], "kernel_size", node)
    padding = a["padding"]
    padding = (kernel - 1) // 2 if padding == "same" and kernel % 2 else 0 if padding == "valid" else padding
    plain = {"in_channels": 1, "out_channels": 1, "stride": 1, "dilation": 1, "groups": 1, "padding_mode": "zeros"}
    changed = [f"{k}={_shown(a[k])}" for k, v in plain.items() if a[k] != v]
    if changed or padding == "same":
        raise _Unsupported(f"nn.Conv1d with {', '.join(changed) or 'padding=same of an even kernel'} across a map's "
                           f"channels (cnncalc follows one filter sliding one channel at a time over zeros, "
                           f"ECA-Net's `nn.Conv1d(1, 1, K, padding=P)`)", node)
    return f"channelconv {kernel} pad {_int(padding, 'padding', node)}{'' if a['bias'] else ' nobias'}"


# nn.Conv2d's padding_mode, as a layer; F.pad's modes; the padding modules; what each pads with, said
_PADDING_MODES = {"reflect": "reflectpad", "replicate": "replicatepad", "circular": "circularpad"}
_PADDING_MODULES = {"ZeroPad2d": "zeropad", "ConstantPad2d": "zeropad", "ReflectionPad2d": "reflectpad",
                    "ReplicationPad2d": "replicatepad", "CircularPad2d": "circularpad"}
_PADDED_BY = {"reflectpad": "reflection", "replicatepad": "replication", "circularpad": "wrapping around"}


def spec_text(layer: Layer, same: bool = False) -> str:
    """The layer in the spec language, every number as PyTorch reads it; `same`: padded as TensorFlow's SAME pads (a
    convolution or pool without padding of its own, after F.pad by it: `same_padded_text`)."""
    a, node, kind = layer.args, layer.node, layer.kind
    if kind in SIMPLE:
        return SIMPLE[kind]
    if kind == "Conv1d":
        raise _Unsupported("nn.Conv1d on a map or a vector (cnncalc follows a 1-D convolution across a map's pooled "
                           "channels, ECA-Net's: `self.conv(y.squeeze(-1).transpose(-1, -2))`)", node)
    if kind in ("Conv2d", "ConvTranspose2d"):
        mode = a["padding_mode"]
        if mode != "zeros" and (kind != "Conv2d" or mode not in _PADDING_MODES):
            raise _Unsupported(f"padding_mode={_shown(mode)} (cnncalc pads with zeros, or for nn.Conv2d "
                               f"reflects, replicates or wraps around)", node)
        kh, kw = _pair(a["kernel_size"], "kernel_size", node)
        dh, dw = _pair(a["dilation"], "dilation", node)
        sh, sw = _pair(a["stride"], "stride", node)
        out = [f"{_int(a['out_channels'], 'out_channels', node)} {kh}x{kw}"]
        if (sh, sw) != (1, 1):
            out.append(f"stride {_size(sh, sw)}")
        padding = a["padding"]
        if padding == "valid":
            padding = 0
        if same:
            out.append("pad same")
        elif padding == "same":
            if (sh, sw) != (1, 1):
                raise _Unsupported("padding='same' with a stride (PyTorch refuses it)", node)
            th, tw = dh * (kh - 1), dw * (kw - 1)  # PyTorch: the odd pixel at the bottom and right
            out.append(f"pad {th // 2},{th - th // 2},{tw // 2},{tw - tw // 2}")
        else:
            ph, pw = _pair(padding, "padding", node)
            if (ph, pw) != (0, 0):
                out.append(f"pad {_size(ph, pw)}")
        if kind == "ConvTranspose2d":
            oh, ow = _pair(a["output_padding"], "output_padding", node)
            if (oh, ow) != (0, 0):
                out.append(f"outpad {_size(oh, ow)}")
        if (dh, dw) != (1, 1):
            out.append(f"dilation {_size(dh, dw)}")
        groups = _int(a["groups"], "groups", node)
        if groups != 1:
            out.append(f"groups {groups}")
        if not a["bias"]:
            out.append("nobias")
        out += _inputs(a, "in_channels", node).split()
        keyword = "conv " if kind == "Conv2d" else "deconv "
        padded = next((o for o in out if o.startswith("pad ")), None)
        if mode == "zeros" or padded is None:
            return keyword + " ".join(out)
        # PyTorch pads by reflection, replication or wrapping around, then convolves without padding: two layers
        return f"{_PADDING_MODES[mode]} {padded[4:]} ; {keyword}{' '.join(o for o in out if o is not padded)}"
    if kind in ("MaxPool2d", "AvgPool2d"):
        kh, kw = _pair(a["kernel_size"], "kernel_size", node)
        stride = a["stride"] if a["stride"] is not None and a["stride"] != [] else a["kernel_size"]
        sh, sw = _pair(stride, "stride", node)
        ph, pw = _pair(a["padding"], "padding", node)
        out = [f"{'maxpool' if kind == 'MaxPool2d' else 'avgpool'} {kh}x{kw} stride {_size(sh, sw)}"]
        if same:
            out.append("pad same")
        elif (ph, pw) != (0, 0):
            out.append(f"pad {_size(ph, pw)}")
        if kind == "MaxPool2d":
            dh, dw = _pair(a["dilation"], "dilation", node)
            if (dh, dw) != (1, 1):
                out.append(f"dilation {_size(dh, dw)}")
        else:
            if a["divisor_override"] is not None:  # every window's sum over it: count_include_pad changes nothing
                out.append(f"divisor {_int(a['divisor_override'], 'divisor_override', node)}")
            elif not a["count_include_pad"]:
                out.append("exclude_pad")
        if a["ceil_mode"]:
            out.append("ceil")
        return " ".join(out)
    if kind == "LPPool2d":
        kh, kw = _pair(a["kernel_size"], "kernel_size", node)
        stride = a["stride"] if a["stride"] is not None and a["stride"] != [] else a["kernel_size"]
        sh, sw = _pair(stride, "stride", node)
        return (f"lppool {kh}x{kw} p {_real(a['norm_type'], 'norm_type', node)} stride {_size(sh, sw)}"
                f"{' ceil' if a['ceil_mode'] else ''}")
    if kind in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        h, w = _pair(a["output_size"], "output_size", node)
        return f"{'adaptiveavgpool' if kind == 'AdaptiveAvgPool2d' else 'adaptivemaxpool'} {_size(h, w)}"
    if kind == "Linear":
        bias = "" if a["bias"] else " nobias"
        return (f"fc {_int(a['out_features'], 'out_features', node)}{bias}"
                f"{_inputs(a, 'in_features', node)} noflatten")  # Linear flattens nothing
    if kind in ("BatchNorm2d", "BatchNorm1d", "SyncBatchNorm"):
        # PyTorch refuses the other (a 4-D or 2-D input); SyncBatchNorm takes either
        takes = " map" if kind == "BatchNorm2d" else " vector" if kind == "BatchNorm1d" else ""
        stats = "" if a["track_running_stats"] else " nostats"  # the batch's own statistics, in eval() too
        return f"bn{_inputs(a, 'num_features', node)}{_eps(a['eps'], node)}{_learnt(a)}{stats}{takes}"
    if kind == "GroupNorm":
        return (f"groupnorm {_int(a['num_groups'], 'num_groups', node)} inputs "
                f"{_int(a['num_channels'], 'num_channels', node)}{_eps(a['eps'], node)}{_learnt(a)}")
    if kind == "InstanceNorm2d":
        if a["track_running_stats"]:  # in eval mode its running statistics, as a batch norm's: the same arithmetic
            return f"bn{_inputs(a, 'num_features', node)}{_eps(a['eps'], node)}{_learnt(a)} map"
        if a["affine"] and not a["bias"]:
            raise _Unsupported("InstanceNorm2d(affine=True, bias=False) (cnncalc's instance norm learns its scale "
                               "and shift together)", node)
        return (f"instancenorm{_inputs(a, 'num_features', node)}"
                f"{_eps(a['eps'], node)}{' affine' if a['affine'] else ''}")
    if kind in ("LayerNorm", "LayerNorm2d"):
        shape = a["normalized_shape"]
        shape = shape[0] if _listed(shape) and len(shape) == 1 else shape
        parts = " noaffine" if not a["elementwise_affine"] else "" if a["bias"] else " noshift"  # bias=False: gamma
        if kind == "LayerNorm" and _listed(shape) and len(shape) == 3:  # [C, H, W]: the whole map
            c, h, w = (_int(n, "normalized_shape", node) for n in shape)
            return f"layernorm inputs {c}{_eps(a['eps'], node)}{parts} volume size {h}x{w}"
        last = " lastaxis" if kind == "LayerNorm" else ""  # nn.LayerNorm acts on the last axis; LayerNorm2d on C
        return f"layernorm inputs {_int(shape, 'normalized_shape', node)}{_eps(a['eps'], node)}{parts}{last}"
    if kind == "ChannelConv":  # `convert --to pytorch`'s helper: ECA's Conv1d across the channels
        return (f"channelconv {_int(a['kernel_size'], 'kernel_size', node)} pad {_int(a['padding'], 'padding', node)}"
                f"{'' if a['bias'] else ' nobias'}")
    if kind == "Scale":  # (the helper's one weight, `Scale(1)`, broadcasts over any channels)
        n = _int(a["channels"], "channels", node)
        return f"scale {'one' if n == 1 else f'inputs {n}'}{'' if a['bias'] else ' nobias'}"
    if kind == "OneSidedBatchNorm":
        learnt = {(True, True): "", (True, False): " noshift", (False, True): " noscale", (False, False): " noaffine"}
        return (f"bn inputs {_int(a['channels'], 'channels', node)}{_eps(a['eps'], node)}"
                f"{learnt[bool(a['scale']), bool(a['shift'])]}{'' if a['track_running_stats'] else ' nostats'}")
    if kind == "LocalResponseNorm":
        return (f"lrn size {_int(a['size'], 'size', node)} alpha {_real(a['alpha'], 'alpha', node)} "
                f"beta {_real(a['beta'], 'beta', node)} k {_real(a['k'], 'k', node)}")
    if kind == "LeakyReLU":
        return f"leakyrelu {_real(a['negative_slope'], 'negative_slope', node)}"
    if kind == "ELU":
        return f"elu {_real(a['alpha'], 'alpha', node)}"
    if kind == "CELU":
        return f"celu {_real(a['alpha'], 'alpha', node)}"
    if kind == "Threshold":
        return f"threshold {_real(a['threshold'], 'threshold', node)} value {_real(a['value'], 'value', node)}"
    if kind in ("Hardshrink", "Softshrink"):
        return f"{kind.lower()} {_real(a['lambd'], 'lambd', node)}"
    if kind == "Softplus":
        return f"softplus beta {_real(a['beta'], 'beta', node)} threshold {_real(a['threshold'], 'threshold', node)}"
    if kind == "PReLU":
        n = _int(a["num_parameters"], "num_parameters", node)
        return "prelu" if n == 1 else f"prelu perchannel inputs {n}"
    if kind == "ValuePReLU":  # a slope per value (`convert --to pytorch`'s helper)
        return (f"prelu pervalue inputs {_int(a['channels'], 'channels', node)} "
                f"size {_int(a['height'], 'height', node)}x{_int(a['width'], 'width', node)}")
    if kind == "GELU":
        if a["approximate"] not in ("none", "tanh"):  # (PyTorch takes these two, and refuses others)
            raise _Unsupported(f"GELU(approximate={_shown(a['approximate'])}) (PyTorch's are 'none' and 'tanh')", node)
        return "gelu" if a["approximate"] == "none" else "gelu tanh"
    if kind in ("Hardtanh", "Clamp"):  # clipped to [0, ∞) or [0, 6]: relu, relu6; to [a, b]: hardtanh
        low, high = (a["min_val"], a["max_val"]) if kind == "Hardtanh" else (a["min"], a["max"])
        if low == 0 and not isinstance(low, bool) and (high is None or (high == 6 and not isinstance(high, bool))):
            return "relu" if high is None else "relu6"
        if low is None or high is None:
            raise _Unsupported(f"{kind} to [{_shown(low)}, {_shown(high)}] (cnncalc clips to [0, ∞) as relu, and "
                               f"between two bounds as hardtanh)", node)
        return f"hardtanh low {_real(low, 'min', node)} high {_real(high, 'max', node)}"
    if kind == "Normalize":  # F.normalize: x / max(‖x‖_p, eps) along `dim`
        if a["p"] != 2 or a["out"] is not None or a["dim"] not in (1, -3, -1):
            raise _Unsupported(f"F.normalize(p={_shown(a['p'])}, dim={_shown(a['dim'])}) (cnncalc's l2norm is the "
                               f"Euclidean length over the channels, dim=1, or a vector's last axis, dim=-1)", node)
        eps = "" if a["eps"] == 1e-12 else f" eps {_real(a['eps'], 'eps', node)}"
        return f"l2norm{' lastaxis' if a['dim'] == -1 else ''}{eps}"
    if kind in ("Softmax", "LogSoftmax"):
        if a["dim"] == -1:  # the last axis: a vector's features (a map's width, E037)
            return f"{kind.lower()} lastaxis"
        if a["dim"] not in (1, -3, None):  # None: PyTorch's implicit dim, 1 for 2-D and 4-D input
            raise _Unsupported(f"{kind}(dim={_shown(a['dim'])}) (cnncalc's softmax is over the channels, dim=1, or "
                               f"a vector's last axis, dim=-1)", node)
        return kind.lower()
    if kind in ("Dropout", "Dropout2d"):
        return f"dropout {_real(a['p'], 'p', node)}"
    if kind == "Flatten":
        if a["start_dim"] != 1 or a["end_dim"] != -1:
            raise _Unsupported(f"Flatten({a['start_dim']}, {a['end_dim']}) (cnncalc flattens all but the batch)", node)
        return "flatten"
    if kind == "Unflatten":  # `nn.Unflatten(1, (512, 4, 4))`: a vector as a map, as `x.view(-1, 512, 4, 4)`
        sizes = a["unflattened_size"]
        if a["dim"] not in (1, -1) or not _listed(sizes) or len(sizes) != 3 or \
                not all(type(d) is int and d > 0 for d in sizes):
            raise _Unsupported(f"Unflatten({_shown(a['dim'])}, {_shown(sizes)}) (cnncalc follows a vector unflattened "
                               f"to a map: dim 1, (C, H, W))", node)
        return f"reshape {sizes[1]}x{sizes[2]}x{sizes[0]}"
    if kind == "Upsample":
        mode = _resampling(a, node)
        how = "" if mode == "nearest" else f" {mode}"
        if a["size"] is not None:
            h, w = _pair(a["size"], "size", node)
            return f"resize {h}x{w}{how}"
        factor = a["scale_factor"]
        factors = factor if _listed(factor) else (factor, factor)
        texts = [scale_text(f) for f in factors] if len(factors) == 2 else [None]
        tall, wide = texts[0], texts[-1]
        if tall is None or wide is None or (tall != wide and not (tall.isdigit() and wide.isdigit())):
            raise _Unsupported(f"scale_factor={_shown(factor)} (cnncalc scales by whole factors, or by one factor "
                               f"for both sides that is exact in binary: 0.5, 1.5, 0.25…)", node)
        if not tall.isdigit() and a["recompute_scale_factor"]:
            raise _Unsupported(f"scale_factor={_shown(factor)} with recompute_scale_factor=True (cnncalc reads the "
                               f"input at the factor's steps, not at the sizes' ratio)", node)
        return f"upsample {tall if tall == wide else f'{tall}x{wide}'}{how}"
    if kind in _PADDING_MODULES or kind == "F.pad":
        p = a["pad"] if kind == "F.pad" else a["padding"]
        modes = {"constant": "zeropad", **_PADDING_MODES}
        if kind == "F.pad" and a["mode"] not in modes:
            raise _Unsupported(f"F.pad mode={_shown(a['mode'])}", node)
        keyword = modes[a["mode"]] if kind == "F.pad" else _PADDING_MODULES[kind]
        if isinstance(p, int) and not isinstance(p, bool):
            return f"{keyword} {p}"
        if not (_listed(p) and len(p) in (2, 4, 6) and all(type(v) is int and v >= 0 for v in p)):
            raise _Unsupported(f"padding {_shown(p)} (expected one number, (left, right), (left, right, top, bottom) "
                               f"or with the channels' (front, back) after them, none negative)", node)
        if len(p) != 4 and keyword != "zeropad":
            raise _Unsupported(f"padding {_shown(p)} by {_PADDED_BY[keyword]} (PyTorch pads a map so by four numbers "
                               f"only)", node)
        left, right, top, bottom, front, back = (*p, 0, 0, 0, 0)[:6]  # PyTorch's order: the last dimension first
        spatial = f"{keyword} {top},{bottom},{left},{right}"
        if not front and not back:
            return spatial
        channels = f"padchannels {front}" + (f" after {back}" if back != front else "")
        return channels if not any((top, bottom, left, right)) else f"{spatial} ; {channels}"
    if kind == "ChannelShuffle":
        return f"shuffle {_int(a['groups'], 'groups', node)}"
    if kind == "PixelShuffle":
        return f"pixelshuffle {_int(a['upscale_factor'], 'upscale_factor', node)}"
    if kind == "PixelUnshuffle":
        return f"pixelunshuffle {_int(a['downscale_factor'], 'downscale_factor', node)}"
    if kind in ("DepthToSpace", "SpaceToDepth"):  # `convert --to pytorch`'s helpers: TensorFlow's block order
        shuffle = "pixelshuffle" if kind == "DepthToSpace" else "pixelunshuffle"
        return f"{shuffle} {_int(a['block_size'], 'block_size', node)} dcr"
    if kind == "CenterCrop":
        h, w = _pair(a["size"] if "size" in a else a["output_size"], "size", node)
        return f"centercrop {h}x{w}"
    raise _Unsupported(f"nn.{kind}", node)


def _resampling(a: dict[str, Any], node: ast.AST) -> str:
    """nn.Upsample's or F.interpolate's mode as the spec writes it: nearest, bilinear, or `aligned` (bilinear
    with align_corners=True)."""
    mode = a["mode"]
    if mode not in ("nearest", "bilinear") or (mode == "nearest" and a["align_corners"] is not None):
        aligned = ", align_corners" if a["align_corners"] is not None else ""
        raise _Unsupported(f"mode={_shown(mode)}{aligned}", node)
    return "nearest" if mode == "nearest" else "aligned" if a["align_corners"] else "bilinear"


# ---- reading ---------------------------------------------------------------------------------------


def read(text: str, sink: DiagnosticSink, model: str | None = None) -> ir.File:
    """The file's model: the one `model` names (`--model`, a name or a call as `analysis.model_expression`
    checked it), else the one the file builds (docs/notations.md says which)."""
    return ir.File((), (_Reader(text, sink, model).read(),))


def read_with_names(text: str, sink: DiagnosticSink, names: Iterable[str],
                    labels: dict[tuple[int, int], str]) -> ir.File:
    """Python source whose bare `names` are torch.nn's (`Sequential(Conv2d(3, 8, 3))`, as a printout of
    `print(model)` is turned into it, with no import line to keep its lines where they were); the modules a
    `Sequential(...)` is given by position named by `labels`, at the (line, column) each starts at."""
    reader = _Reader(text, sink)
    reader.imported.update({name: f"torch.nn.{name}" for name in names})
    reader.labels = labels
    return ir.File((), (reader.read(),))


# the layers of torch.nn the reader follows (cnncalc's own names for common blocks left out)
NN_LAYERS = frozenset(SIGNATURES).union(ALIASES).union(CONTAINERS) - {*WRITTEN_HELPERS, "CenterCrop"}


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Continue(Exception):
    """`continue` in a loop being followed."""


class _Break(Exception):
    """`break` in a loop being followed."""


def _placed(source: str, at: ast.AST) -> list[ast.stmt]:
    """The statements of cnncalc's own Python for a library, every node placed at `at` (where the user's code
    brings it in: diagnostics made inside point there)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        for field in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(node, field):
                setattr(node, field, getattr(at, field))
    return tree.body


def _torchvision_definitions(at: ast.AST) -> list[ast.ClassDef | ast.FunctionDef | ast.Assign]:
    """cnncalc's definitions of torchvision's building blocks and models (torchvision_zoo.py), placed at `at`."""
    return [stmt for stmt in _placed(torchvision_zoo.SOURCE, at) if isinstance(stmt, (ast.ClassDef, ast.FunctionDef,
                                                                                      ast.Assign))]


# `torchvision.models.ResNet50_Weights.DEFAULT` and the like: pretrained weights, no part of the shape
_ZOO_WEIGHTS = re.compile(r"torchvision\.models\.(?:\w+\.)?\w+_Weights(?:\.\w+)?")
PRETRAINED = "pretrained"  # what a weights enum evaluates to: a value that is not None
ZOO_ROUNDING = "torchvision's definition"  # who rounds the layers of torchvision_zoo.py's models


def _zoo_builder(full: str) -> str | None:
    """`torchvision.models.resnet50` (or `torchvision.models.resnet.resnet50`) -> `resnet50`: a builder of
    torchvision's models (torchvision_zoo.py defines the classification ones); None for any other name."""
    if not full.startswith("torchvision.models.") or _ZOO_WEIGHTS.fullmatch(full):
        return None
    return full.rsplit(".", 1)[-1]


class _Reader:
    def __init__(self, text: str, sink: DiagnosticSink, chosen: str | None = None) -> None:
        self.text = text
        self.sink = sink
        self.chosen = chosen  # `--model`'s expression (`ResNet50`, `VGG('VGG16')`), over the file's own choice
        self.offsets = SourceOffsets(text)
        self.classes: dict[str, ast.ClassDef] = {}
        self.functions: dict[str, ast.FunctionDef] = {}  # the file's top-level functions (`conv3x3`, `resnet50`)
        self.factories: list[ast.FunctionDef] = []  # those written in the file, in its order (`def ResNet18():`)
        self.built_by: str | None = None  # the function whose model is read, when the file builds none itself
        self.built: str | None = None  # the expression that builds the model read (`ResNet18()`), as written
        self.imported: dict[str, str] = {}  # a local name -> what it stands for (`nn` -> `torch.nn`)
        self.star_imported: list[str] = []  # modules of the user's own imported whole: `from .unet_parts import *`
        self.globals: dict[str, Any] = {}
        self.steps = 0
        self.last: ast.AST | None = None  # the expression being evaluated (`tick`)
        self.depth = 0
        self.graph = Graph()
        self.train_heads: set[int] = set()
        self.applied: dict[int, Layer | _Weights] = {}  # what has weights and was applied (a second use shares them)
        self.first_applied: dict[int, int] = {}  # a module with weights -> the graph node of its first application
        # a height or width read from a tensor (`x2.size()[2]`): id -> (the size, kept alive, and the tensor)
        self.map_sizes: dict[int, tuple[_SizeOf, Tensor]] = {}
        # a height or width divided by a stride (`ih / s`), for `math.ceil` alone: its tensor (kept apart from
        # `map_sizes`, whose readers take the whole size)
        self.divided_sizes: dict[int, tuple[_SizeOf, Tensor]] = {}
        self.defined_in: dict[int, ast.ClassDef] = {}  # a method (by id) -> the class whose body defines it
        self.running: list[ast.FunctionDef] = []  # the methods and functions being run, innermost last
        self.owners: list[Instance] = []  # the instances whose methods are running, innermost last
        self.squeezes: set[int] = set()  # graph nodes a squeeze made (`.squeeze(-1).squeeze(-1)` is one)
        self.unsqueezes: set[int] = set()
        self.half_squeezed: set[int] = set()  # squeezed of one axis only, (N, C, 1): `.transpose(-1, -2)` is (N, 1, C)
        self.training = False  # inside `if self.training:` of a forward
        self.prefix = ""  # the attribute path of the module whose forward is being read
        self.summarised: ir.Input | None = None  # the input size the d2l book's `layer_summary((N, C, H, W))` gives
        self.zoo_titles: dict[int, str] = {}  # a model torchvision's builder made (by id) -> the builder's name
        self.records: set[type] = set()  # the namedtuple types the file made (`_RecordType`)
        self.unread: dict[str, _Unsupported] = {}  # top-level names whose value could not be read, and why
        self.zoo_definitions: set[str] = set()  # the names of the functions and methods torchvision_zoo.py defines
        self.zoo_names: dict[str, ast.ClassDef | ast.FunctionDef] = {}  # its classes and functions, by name
        self.requires_grad: dict[tuple[int, str], bool] = {}  # (a layer's id, `weight` or `bias`) -> as set
        self.partly_frozen: set[int] = set()  # the layers already reported with some parameters frozen (W073)
        self.listing = False  # in a loop that sets `requires_grad`: `parameters()` lists the model's (`freezing`)
        self.forwarding = 0  # how many forwards are being followed: `children()` there are the modules run
        self.labels: dict[tuple[int, int], str] = {}  # a printout's names of a Sequential's modules, where each starts

    # ---- the file -------------------------------------------------------------------------------------

    def read(self) -> ir.Network:
        if len(self.text) > limits.MAX_PYTHON_CHARS:
            return self.stop(f"not supported: a Python file of {len(self.text):,} characters (cnncalc reads up to "
                             f"{limits.MAX_PYTHON_CHARS:,}: its syntax tree would take some hundred times that)",
                             Span(0, 1), None, "read the file that defines the model, or cut it to the model's code")
        try:
            tree = parse_python(self.text, "exec")
        except SyntaxError as e:
            start = self.offsets.at(e.lineno or 1, (e.offset or 1) - 1)
            self.sink.add(codes.E071, f"Python syntax error: {e.msg}", Span(start, start + 1),
                          hint="cnncalc reads the file as Python 3 source")
            return cut_short(self.text, Span(start, start + 1), BY)
        except (RecursionError, MemoryError, ValueError) as e:
            self.sink.add(codes.E071, f"the Python source cannot be read ({type(e).__name__}: nested too deeply "
                                      f"or not text)", Span(0, 1),
                          hint="give cnncalc the Python file that defines the model, as text")
            return cut_short(self.text, Span(0, 1), BY)
        snippet: list[Layer] = []
        bound: list[tuple[Layer | Sequence | Instance, ast.stmt]] = []  # each module a top-level statement gives
        for stmt in tree.body:
            try:
                found = self.module_statement(stmt)
            except _Unsupported as e:
                return self.unsupported(e)
            except _FOLLOWING_ERRORS as e:
                return self.unsupported(_Unsupported(f"code cnncalc cannot follow ({why(e)})", self.last or stmt))
            if isinstance(found, Layer) and isinstance(stmt, ast.Expr):
                snippet.append(found)
            elif isinstance(found, (Layer, Sequence, Instance)):
                bound.append((found, stmt))
        model: Any = self.top_level_model(bound) if bound and self.chosen is None else None
        given = None
        try:
            if self.chosen is not None:
                model, snippet = self.chosen_model(), []
                if model is None:  # (E075 says why)
                    return cut_short(self.text, Span(0, min(1, len(self.text))), BY)
            if model is None and not snippet:
                model = self.main_model(tree)
            if model is None and not snippet:
                model = self.default_class()
                if model is None:
                    return cut_short(self.text, Span(0, min(1, len(self.text))), BY)
            if model is None:
                model = Sequence([(f"{s.kind.lower()}{i}", s) for i, s in enumerate(snippet, 1)], snippet[0].node)
            given = self.input_size(model) or self.summarised or self.example_input(tree, model)
            mains = self.tensors(self.apply(model, Tensor(INPUT), "", model.node), model.node)
            self.report_never_called(model)
        except _Unsupported as e:
            return self.unsupported(e, given)
        except Malformed as e:  # the graph's limit
            return self.stop(f"not supported: {e.message}", e.span, given)
        except _FOLLOWING_ERRORS as e:
            where = self.last or (model.node if model is not None else tree)
            return self.unsupported(_Unsupported(f"code cnncalc cannot follow ({why(e)})", where), given)
        span = Span(0, len(self.text))
        title = self.built_by or self.zoo_titles.get(id(model)) or (
            model.cls.name if isinstance(model, Instance) else None)
        self.graph.optional.difference_update(t.node for t in mains)  # (an output, even a part of a chunk)
        return self.graph.network(title, given, span, main=mains[0].node, train=frozenset(self.train_heads),
                                  rounding=ir.RoundingLine("floor", span, by=BY))

    def top_level_model(self, bound: list[tuple[Layer | Sequence | Instance, ast.stmt]]) -> Any:
        """The model the file builds at top level: the last module bound there that is no part of another
        (`head = model.fc` is a part of `model`); W077 names the others the file still holds (`teacher` beside
        `student`). Its call (`ResNet18()`) is the one that first built it (`model = model.to(device)` keeps it)."""
        objects: dict[int, tuple[Layer | Sequence | Instance, ast.stmt]] = {}
        calls: dict[int, str] = {}
        for module, stmt in bound:
            objects.pop(id(module), None)
            objects[id(module)] = (module, stmt)  # in the order of their last binding
            value = getattr(stmt, "value", None)
            built = torch_inputs.placed(value) if isinstance(value, ast.expr) else None
            if isinstance(built, ast.Call) and id(module) not in calls:
                calls[id(module)] = ast.unparse(built)
        trees = {key: self.modules_in(m) for key, (m, _) in objects.items()}  # what each holds, itself too
        held = [(m, stmt) for m, stmt in objects.values()
                if not any(key != id(m) and id(m) in tree for key, tree in trees.items())]
        model, stmt = held[-1]
        self.built = calls.get(id(model), self.built)
        names = {id(m): [n for n, v in self.globals.items() if v is m] for m, _ in held}
        # (a model whose parts it took, `list(resnet.children())[:-2]`, is no other)
        others = [names[id(m)][0] for m, _ in held[:-1] if names[id(m)] and not trees[id(model)] & trees[id(m)]]
        if others and names[id(model)]:
            start = self.offsets.span(stmt).start
            self.sink.add(codes.W077, f"the file builds {len(others) + 1:,} models at top level; cnncalc reads "
                                      f"`{names[id(model)][0]}`, the last, not {some_of(others)}",
                          Span(start, start + len(names[id(model)][0])), hint=f"`--model {others[-1]}` reads another")
        return model

    @staticmethod
    def modules_in(module: Any) -> set[int]:
        """The ids of a module and of every module it holds, at any depth (limits.MAX_DEPTH)."""
        found: set[int] = set()
        stack: list[tuple[Any, int]] = [(module, 0)]
        while stack:
            part, depth = stack.pop()
            if id(part) in found or depth > limits.MAX_DEPTH or not isinstance(part, (Layer, Sequence, Instance)):
                continue
            found.add(id(part))
            children = [*part.attrs.values(), *(m for _, m in part.sequential or ()), part.layer] \
                if isinstance(part, Instance) else [m for _, m in part.items] if isinstance(part, Sequence) else []
            stack.extend((child, depth + 1) for child in children)
        return found

    def report_never_called(self, model: Any) -> None:
        """W076: the modules with parameters the model holds and its forward never applied (PyTorch counts them).
        Only what PyTorch registers is followed: a module's attributes and its containers' entries (a plain list or
        dict of modules is not registered, and its parameters are not PyTorch's either)."""
        unused: list[tuple[str, Layer]] = []
        seen: set[int] = set()

        def visit(value: Any, path: str, depth: int) -> None:
            if id(value) in seen or depth > limits.MAX_DEPTH:
                return
            seen.add(id(value))
            if isinstance(value, Layer):
                if _has_state(value) and id(value) not in self.applied:
                    unused.append((path, value))
                return
            if isinstance(value, Instance) and value.layer is not None:
                visit(value.layer, path, depth + 1)  # a layer's subclass: its parameters are its own
            children = value.attrs.items() if isinstance(value, Instance) else \
                value.items if isinstance(value, Sequence) else ()
            for key, child in children:
                visit(child, f"{path}.{key}" if path else str(key), depth + 1)

        visit(model, "", 0)
        if unused:
            names = some_of([path for path, _ in unused], shown=4)
            self.sink.add(codes.W076, f"{len(unused)} module{'s' * (len(unused) > 1)} with parameters built but "
                                      f"never called by the forward: {names}", self.offsets.span(unused[0][1].node),
                          hint="PyTorch's model.parameters() counts their parameters too; cnncalc counts what the "
                               "forward computes")

    def unsupported(self, e: _Unsupported, given: ir.Input | None = None) -> ir.Network:
        if isinstance(e, _Refused):
            return self.stop(e.message, self.offsets.span(e.node), given,
                             "PyTorch stops here too: build the model with arguments its code accepts")
        return self.stop(f"not supported: {e.message}", self.offsets.span(e.node), given)

    def stop(self, message: str, span: Span, given: ir.Input | None,
             hint: str = "docs/notations.md lists what the PyTorch reader follows") -> ir.Network:
        """E070 at the construct; the network is the layers followed before it, then unknown."""
        self.sink.add(codes.E070, message, span, hint=hint)
        return cut_short(self.text, span, BY, given, self.graph)

    def module_statement(self, stmt: ast.stmt) -> Any:
        """A top-level statement: imports and classes are recorded, constants evaluated, a module
        built at top level returned; functions and `if __name__ == "__main__":` are skipped."""
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self.imported[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else \
                    alias.name.split(".")[0]
            return None
        if isinstance(stmt, ast.ImportFrom):
            module = stmt.module or ""
            torchvision = module.startswith("torchvision") or (bool(stmt.level) and (
                module.startswith("ops") or module in ("_utils", "models._utils")))  # torchvision's own files
            if not module.startswith(_LIBRARIES):
                self.star_imported += ["." * stmt.level + module for a in stmt.names if a.name == "*"]
            for alias in stmt.names:
                local = alias.asname or alias.name
                if torchvision and alias.name in torchvision_zoo.HELPERS:
                    # torchvision's building blocks (`from torchvision.ops import SqueezeExcitation`, a torchvision
                    # file's `from ..ops.misc import Conv2dNormActivation`): cnncalc's definitions, at this import
                    helper = self.zoo(stmt)[f"tv_{alias.name}"]
                    if isinstance(helper, ast.ClassDef):
                        self.record_class(local, helper)
                    else:
                        self.functions[local] = helper
                    continue
                self.imported[local] = f"{module}.{alias.name}"
            return None
        if isinstance(stmt, ast.ClassDef):
            self.record_class(stmt.name, stmt)
            return None
        if isinstance(stmt, ast.FunctionDef):
            self.functions[stmt.name] = stmt
            self.factories.append(stmt)
            return None
        if self.freezing(stmt, self.globals):
            return None
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            value_node = stmt.value
            if value_node is None or self.runs_model(value_node):
                return None
            try:
                value = self.eval(value_node, self.globals)
            except _TooLong:
                raise
            except _Unsupported as e:
                if self._builds_model(value_node):
                    raise
                for target in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                    for name in _bound_names(target):
                        self.unread.setdefault(name, e)  # (said where the model uses it)
                return None  # a top-level value cnncalc does not need (a transform, a device)
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if all(_names_only(target) for target in targets):  # `model = Net()`, `nz, ngf, nc = 100, 64, 3`
                for target in targets:
                    self.assign(target, value, self.globals)
                return value
            for target in targets:
                self.record_defaults(target, value)
            for target in targets:  # `model.fc = nn.Linear(512, 10)`: a part of a model replaced
                if isinstance(target, (ast.Attribute, ast.Subscript)) and (
                        self.is_model_part(target.value) or self.is_parameter(target)):
                    self.assign(target, value, self.globals)
            return None
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and self._builds_model(stmt.value):
            return self.eval(stmt.value, self.globals)
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
                isinstance(stmt.value.func, ast.Attribute) and \
                stmt.value.func.attr in ("layer_summary", "requires_grad_"):
            # the d2l book's `model.layer_summary((1, 1, 28, 28))`: the input; `model.features.requires_grad_(False)`
            self.eval(stmt.value, self.globals)
            return None
        if isinstance(stmt, (ast.For, ast.While, ast.Expr)) and any(
                isinstance(n, ast.Call) and self._builds_model(n) for n in ast.walk(stmt)):
            self.statement(stmt, self.globals)  # `for ...: layers.append(nn.ReLU())` building a list of layers
        return None

    def unread_name(self, name: str) -> None:
        """A top-level name the model uses whose assignment could not be read (passed over as a value no model needs):
        E070 there, with why."""
        cause = self.unread.get(name)
        if cause is not None:
            raise _Unsupported(f"{cause.message} (the value of `{name}`, which the model uses)", cause.node)

    def record_defaults(self, target: ast.expr, value: Any) -> None:
        """`BlockArgs.__new__.__defaults__ = (None,) * len(BlockArgs._fields)`: the defaults of a namedtuple's last
        fields, as Python takes them."""
        if not (isinstance(target, ast.Attribute) and target.attr == "__defaults__" and
                isinstance(target.value, ast.Attribute) and target.value.attr == "__new__"):
            return
        try:
            made = self.eval(target.value.value, self.globals)
        except _Unsupported:
            return  # (another class's: as before, not followed)
        if not isinstance(made, _RecordType):
            return
        if not (value is None or (_listed(value) and len(value) <= len(made.fields))):
            raise _Unsupported(f"`{ast.unparse(target)[:60]}` set to other than defaults of a namedtuple's fields",
                               target)
        made.made.__new__.__defaults__ = None if value is None else tuple(value)

    def runs_model(self, node: ast.expr) -> bool:
        """Whether a top-level value is the output of a model run on something (`out = model(x)`,
        `model.forward(x).cpu()`): the reader runs the model once itself, from its input (the
        statement says what that input is: torch_inputs.py); running it here would apply its layers twice."""
        node = torch_inputs.placed(node)
        if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
            return False
        func = node.func.value if isinstance(node.func, ast.Attribute) and node.func.attr == "forward" else node.func
        return self.is_model_part(func)

    def is_model_part(self, node: ast.expr) -> bool:
        """Whether a top-level expression is a model or a part of one (`model`, `model.classifier`), or a list of
        layers a model is built from (`layers[0] = nn.Conv2d(1, 8, 3)` before `nn.Sequential(*layers)`)."""
        modules = (Layer, Sequence, Instance)
        try:
            value = self.eval(node, self.globals)
            listed = isinstance(value, list) and any(isinstance(v, modules) for v in value)
            return isinstance(value, modules) or listed
        except _Unsupported:
            return False  # `args.lr = 0.1`: a value cnncalc does not follow

    def is_parameter(self, target: ast.expr) -> bool:
        """Whether a top-level target is a learnt tensor's flag: `model.fc.weight.requires_grad = False`."""
        if not isinstance(target, ast.Attribute) or target.attr != "requires_grad":
            return False
        try:
            return isinstance(self.eval(target.value, self.globals), _Parameter)
        except _Unsupported:
            return False

    def freezing(self, stmt: ast.stmt, env: dict[str, Any]) -> bool:
        """A loop over a model's (or a part's) `parameters()` or `named_parameters()` that sets `requires_grad`
        (`for name, p in model.named_parameters(): if not name.startswith("fc"): p.requires_grad = False`),
        followed parameter by parameter (`name` as PyTorch names it; `children()` lists the modules); True when the
        statement sets `requires_grad`. Another way of setting it (on one tensor), or a loop whose body does what
        cnncalc does not follow, is W073: not followed, those parameters counted as trained."""
        if not any(isinstance(t, ast.Attribute) and t.attr == "requires_grad"
                   for node in ast.walk(stmt) if isinstance(node, ast.Assign) for t in node.targets):
            return False
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute):
            try:  # `p.requires_grad = False` in such a loop's body, `model.fc.bias.requires_grad = False`: the
                # assignment follows (one tensor of a layer frozen without the other is W073 at the layer)
                if isinstance(self.eval(stmt.targets[0].value, env), _Parameter) and \
                        isinstance(self.eval(stmt.value, env), bool):
                    return False
            except _Unsupported:
                pass  # `model.fc.weight.requires_grad = args.tune`: not followed
        if isinstance(stmt, ast.For):
            before, listing = dict(self.requires_grad), self.listing
            self.listing = True  # `model.parameters()` and `.children()` list what they hold, here
            try:
                for item in self.iterate(self.eval(stmt.iter, env), stmt.iter):
                    self.assign(stmt.target, item, env)
                    if not self.loop_pass(stmt.body, env):
                        break
                return True
            except (_TooLong, _Refused):
                raise  # the step budget spent, or the code's own `raise`: reported where it happens
            except _Unsupported:
                self.requires_grad = before  # the loop as a whole is not followed
            finally:
                self.listing = listing
        self.sink.add(codes.W073, "cnncalc does not follow how this sets `requires_grad`: the parameters it "
                                  "freezes are counted as trained", self.offsets.span(stmt),
                      hint="loop over `model.named_parameters()` (a name test may choose them), or freeze a whole "
                           "part: `model.features.requires_grad_(False)`")
        return True

    def listed(self, part: Layer | Sequence | Instance, what: str) -> list[Any]:
        """`parameters()`, `named_parameters()`, `children()` or `named_children()` of a module, as PyTorch lists
        them (followed in a loop that sets `requires_grad`)."""
        if what in ("parameters", "named_parameters"):
            named = self.parameters_of(part, "", 0)
            return named if what == "named_parameters" else [p for _, p in named]
        children = part.items if isinstance(part, Sequence) else [*part.attrs.items(), *(part.sequential or ())] \
            if isinstance(part, Instance) else []
        named_children = [(k, v) for k, v in children if isinstance(v, (Layer, Sequence, Instance))]
        return named_children if what == "named_children" else [v for _, v in named_children]

    def parameters_of(self, part: Any, prefix: str, depth: int) -> list[tuple[str, _Parameter]]:
        """A model's (or a part's) learnt tensors, named as PyTorch's `named_parameters()` names them
        (`layer4.0.conv1.weight`), each once."""
        if depth > limits.MAX_DEPTH:
            raise _Unsupported("modules nested deeper than cnncalc follows", part.node)
        if isinstance(part, Layer):
            return [(f"{prefix}{blob}", _Parameter(part, blob)) for blob in _blobs(part)]
        children = part.items if isinstance(part, Sequence) else \
            [*((k, v) for k, v in part.attrs.items()), *(part.sequential or ())] if isinstance(part, Instance) else []
        # a module's own learnt tensors first (ConvNeXt's `layer_scale`), then its children's, as PyTorch lists them
        found = [(f"{prefix}{key}", _Parameter(value, "weight")) for key, value in children
                 if isinstance(value, _Weights) and value.learnt]
        if isinstance(part, Instance) and part.layer is not None:
            found += self.parameters_of(part.layer, prefix, depth + 1)  # `MeanShift(nn.Conv2d)`: `weight`, `bias`
        for key, child in children:
            if isinstance(child, (Layer, Sequence, Instance)):
                found += self.parameters_of(child, f"{prefix}{key}.", depth + 1)
        return list({id(p.layer) * 4 + ("weight", "bias").index(p.blob): (n, p) for n, p in found}.values())

    def freeze(self, part: Any, frozen: bool) -> None:
        """Every parameter of a model or a part of one frozen (or not): `requires_grad_(False)`."""
        for _, parameter in self.parameters_of(part, "", 0):
            self.requires_grad[(id(parameter.layer), parameter.blob)] = not frozen

    def layer_text(self, layer: Layer) -> str:
        """The layer in the spec language, `frozen` when its parameters are."""
        return self.frozen_text(layer, spec_text(layer))

    def frozen_text(self, layer: Layer, text: str) -> str:
        """`weightnorm` after the text when `weight_norm` wraps the layer; `frozen` when none of the layer's
        parameters is trained; W073 when some are and some are not (one flag a layer), counted as trained."""
        text = f"{text} weightnorm" if layer.args.get("weight_norm") else text
        trained = [self.requires_grad.get((id(layer), blob), True) for blob in _blobs(layer)]
        if trained and not any(trained):
            return f"{text} frozen"
        if any(trained) and not all(trained) and id(layer) not in self.partly_frozen:
            self.partly_frozen.add(id(layer))
            self.sink.add(codes.W073, f"some of the parameters of `{text}` are frozen and some are not: cnncalc counts "
                                      f"them as trained", self.offsets.span(layer.node),
                          hint="freeze a layer's weight and bias together")
        return text

    def _builds_model(self, node: ast.expr, seen: frozenset[str] = frozenset()) -> bool:
        """A call of `nn.X`, `nn.Sequential`, a class of the file (perhaps followed by `.eval()`), or a
        function of the file that makes one (`model = resnet50()`): its failure is reported, not skipped."""
        node = torch_inputs.placed(node)
        if not isinstance(node, ast.Call):
            return False
        name = self.dotted(node.func)
        if name in self.functions and name not in seen:
            return any(isinstance(n, ast.Call) and self._builds_model(n, seen | {name})
                       for n in ast.walk(self.functions[name]))
        layer = self.nn_name(name) if name is not None else None
        return name is not None and ((layer is not None and not layer.endswith("Loss")) or name in self.classes or
                                     _zoo_builder(self.resolve(name)) is not None or
                                     self.resolve(name) == "torch.hub.load")  # (a loss is no part of a model)

    def chosen_model(self) -> Layer | Sequence | Instance | None:
        """The model `--model` names: a class of the file built with its defaults, a function of the file called
        without arguments, a value the file defines at top level, or a call evaluated among the file's names
        (`VGG('VGG16')`); None (E075) when the file gives none. The expression is placed at the definition it
        names, where diagnostics about it point."""
        assert self.chosen is not None
        try:  # (checked by `analysis.model_expression` before: a Settings made by hand may not be)
            expression = ast.parse(self.chosen, mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self.not_chosen("not a name or a call")
            return None
        head = expression.func if isinstance(expression, ast.Call) else expression
        root = head
        while isinstance(root, ast.Attribute):
            root = root.value
        name = root.id if isinstance(root, ast.Name) else ""
        definition = self.classes.get(name) or self.functions.get(name)
        if definition is None and name not in self.globals and name not in self.imported:
            self.not_chosen(f"the file defines no `{name}`")
            return None
        line = definition.lineno if definition is not None else 1
        for node in ast.walk(expression):  # (positions count UTF-8 bytes, as `ast` does)
            node.lineno, node.col_offset, node.end_lineno = line, 0, line  # type: ignore[attr-defined]
            node.end_col_offset = len(self.offsets.lines[line - 1].encode("utf-8"))  # type: ignore[attr-defined]
        if isinstance(expression, ast.Name) and definition is not None:
            needed = self.required_arguments(definition)
            if needed:
                self.not_chosen(f"{'class' if isinstance(definition, ast.ClassDef) else 'function'} `{name}` "
                                f"needs `{needed[0]}`", f"give it: `--model \"{name}(...)\"`")
                return None
        if (isinstance(expression, ast.Name) and definition is not None) or \
                (isinstance(expression, ast.Attribute) and name in self.imported and name not in self.globals):
            # `ResNet50`: `ResNet50()`; `torchvision.models.resnet50`: called too (`model.features` is not)
            expression = ast.copy_location(ast.Call(expression, [], []), expression)
        model = self.eval(expression, self.globals)
        if not isinstance(model, (Layer, Sequence, Instance)):
            self.not_chosen(f"it gives {_shown(model)}, not a module")
            return None
        self.built = ast.unparse(expression)
        self.built_by = self.chosen
        return model

    def not_chosen(self, why: str, hint: str = "") -> None:
        """E075: `--model` names no model of the file; the hint lists those it defines."""
        defined = [c.name for c in self.classes.values() if any(self.is_module_base(b) for b in c.bases)] + \
            [f.name for f in self.factories if _without_arguments(f)]
        listed = ", ".join(defined[:12]) + (", …" if len(defined) > 12 else "")
        self.sink.add(codes.E075, f"`--model {self.chosen}`: {why}", Span(0, min(1, len(self.text))),
                      hint=hint or (f"the file defines {listed}" if defined else
                                    "the file defines no nn.Module class and no function without arguments"))

    def required_arguments(self, definition: ast.ClassDef | ast.FunctionDef) -> list[str]:
        """The parameters a class's `__init__` (its own or inherited) or a function needs, having no default."""
        function = self.init_of(definition) if isinstance(definition, ast.ClassDef) else definition
        if not isinstance(function, ast.FunctionDef):
            return []
        params = function.args.posonlyargs + function.args.args
        skipped = 1 if isinstance(definition, ast.ClassDef) else 0  # (`self`)
        return [p.arg for p in params[skipped:len(params) - len(function.args.defaults)]] + \
            [a.arg for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults) if d is None]

    def main_model(self, tree: ast.Module) -> Any:
        """The first model the file's `if __name__ == "__main__":` block builds, there or in a function of
        the file it calls (the CIFAR model files' `def test(): net = ResNet18(); ...`); None if it builds none."""
        for stmt in tree.body:
            if isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Compare) and \
                    ast.unparse(stmt.test).replace("'", '"') == '__name__ == "__main__"':
                built = self.first_build(stmt.body, 0)
                if built is not None:
                    self.built = ast.unparse(torch_inputs.placed(built))
                    model = self.eval(built, self.globals)
                    if not isinstance(model, (Layer, Sequence, Instance)):
                        raise _Unsupported(f"`{ast.unparse(built)[:60]}` gives {_shown(model)}, not a module", built)
                    return model
        return None

    def first_build(self, body: list[ast.stmt], depth: int) -> ast.expr | None:
        """The first value assigned in `body` that builds a model, following calls of the file's functions."""
        found: list[tuple[int, int, ast.expr | None, str | None]] = []
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and \
                        self._builds_model(node.value):
                    found.append((node.lineno, node.col_offset, node.value, None))
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                        node.func.id in self.functions and depth < 2:
                    found.append((node.lineno, node.col_offset, None, node.func.id))
        for _, _, value, function in sorted(found, key=lambda f: (f[0], f[1])):
            if value is not None:
                return value
            assert function is not None
            inner = self.first_build(self.functions[function].body, depth + 1)
            if inner is not None:
                return inner
        return None

    def default_class(self) -> Layer | Sequence | Instance | None:
        """The last `nn.Module` class that no other class of the file uses, built with its defaults; None
        (reported) when the file has none."""
        # (a class's own name in it is no use by another: `super(Block, self).__init__()`, as older code writes it)
        used = {n.id for c in self.classes.values() for n in ast.walk(c) if isinstance(n, ast.Name) and n.id != c.name}
        modules = [c for c in self.classes.values() if any(self.is_module_base(b) for b in c.bases)]
        candidates = [c for c in modules if c.name not in used] or modules
        if not candidates and any(name.split(".")[0] in ("keras", "tensorflow") for name in self.imported.values()):
            self.sink.add(codes.E070, "not supported: Keras source code, read as PyTorch; cnncalc reads a Keras "
                                      "script with its Keras reader",
                          Span(0, min(1, len(self.text))),
                          hint="give `--lang keras` (a `.py` that imports Keras and not torch is read so by itself; "
                               "docs/notations.md, Keras)")
            return None
        if not candidates:
            self.sink.add(codes.E070, "not supported: no nn.Module class, nn.Sequential or nn layer in the file",
                          Span(0, min(1, len(self.text))),
                          hint="cnncalc reads `model = nn.Sequential(...)`, `class Net(nn.Module)` with `__init__` "
                               "and `forward`, or lines of `nn.Conv2d(...)`")
            return None
        cls = candidates[-1]
        init = self.init_of(cls)
        if isinstance(init, ast.FunctionDef):
            required = self.required_arguments(cls)
            if required:  # name how the file itself builds a model, when one of its functions does
                factory = self.factory()
                if factory is not None:  # `def ResNet18(): return ResNet(BasicBlock, [2, 2, 2, 2])`
                    return factory
                example = next((b for f in self.functions.values() if (b := self.first_build(f.body, 1))), None)
                built = None if example is None else self.built_as_in_file(example)
                if built is not None:  # `net = VGG('VGG11')` in the file's `def test():`
                    return built
                buildable = [c for c in candidates if not self.required_arguments(c)]
                if not buildable:
                    shown = f"`model = {ast.unparse(example)[:60]}`, as the file's own code builds it" \
                        if example is not None else f"`model = {cls.name}(...)`"
                    raise _Unsupported(f"class {cls.name} needs `{required[0]}`: build the model at the end of the "
                                       f"file, e.g. {shown}", cls)
                cls = buildable[-1]  # a block left unused below the model, which needs arguments: the model is read
        self.built = f"{cls.name}()"
        self.report_other_classes(cls, candidates)
        return self.instantiate(cls, [], {}, cls)

    def report_other_classes(self, cls: ast.ClassDef, candidates: list[ast.ClassDef]) -> None:
        """W077: the model classes the file defines besides the one read, which neither another class nor a
        function of the file uses (a GAN's generator beside its discriminator; not a block a factory builds)."""
        called = {n.id for f in self.functions.values() for n in ast.walk(f) if isinstance(n, ast.Name)}
        others = [c.name for c in candidates if c is not cls and c.name not in called]
        if not others:
            return
        start = self.offsets.at(cls.lineno, cls.col_offset)
        which = "the last" if cls is candidates[-1] else "the last that builds without arguments"
        self.sink.add(codes.W077, f"the file defines {len(others) + 1:,} model classes that no other class uses; "
                                  f"cnncalc reads `{cls.name}`, {which}, not {some_of(others)}",
                      Span(start, start + len("class ") + len(cls.name)), hint=f"`--model {others[0]}` reads another")

    def built_as_in_file(self, example: ast.expr) -> Layer | Sequence | Instance | None:
        """The model a function of the file builds (the CIFAR model files' `def test(): net = VGG('VGG11')`), for a
        file that builds none itself, when the call reads only the file's own names and constants (not the
        function's variables); N072 says which. None otherwise."""
        names = {n.id for n in ast.walk(example) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if not names <= {*self.globals, *self.classes, *self.functions, *self.imported, "True", "False", "None"}:
            return None  # `net = VGG(cfg)` with the function's own `cfg`
        model = self.eval(example, self.globals)
        if not isinstance(model, (Layer, Sequence, Instance)):
            return None
        written = ast.unparse(example)
        self.built = ast.unparse(torch_inputs.placed(example))
        self.sink.add(codes.N072, f"the file builds no model itself: read as `model = {written[:60]}`, as its own "
                                  f"code builds one", self.offsets.span(example),
                      hint="`--model` reads another (or add `model = …` at the end of the file)")
        return model

    def factory(self) -> Layer | Sequence | Instance | None:
        """The model the file's first function without arguments returns (the CIFAR model files' `def ResNet18():
        return ResNet(BasicBlock, [2, 2, 2, 2])`), for a file that builds none itself and whose model class needs
        arguments; N072 says which, and the network is named after it. None when no such function builds one."""
        factories = [f for f in self.factories if _without_arguments(f) and any(
            isinstance(n, ast.Return) and n.value is not None and self._builds_model(n.value) for n in ast.walk(f))]
        if not factories:
            return None
        function = factories[0]
        call = ast.copy_location(ast.Call(ast.copy_location(ast.Name(function.name, ast.Load()), function), [], []),
                                 function)
        model = self.eval(call, self.globals)
        if not isinstance(model, (Layer, Sequence, Instance)):
            raise _Unsupported(f"`{function.name}()` gives {_shown(model)}, not a module", function)
        self.sink.add(codes.N072, f"the file builds no model itself: read as `model = {function.name}()`, its first "
                                  f"function that returns one and takes no arguments", self.offsets.span(function),
                      hint=(f"`--model {factories[1].name}` reads another" if len(factories) > 1 else
                            "`--model` reads another") + " (or add `model = …` at the end of the file)")
        self.built_by = function.name
        self.built = f"{function.name}()"
        return model

    def record_class(self, name: str, cls: ast.ClassDef) -> None:
        self.classes[name] = cls
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef):
                self.defined_in[id(stmt)] = cls

    def is_autograd_function(self, cls: ast.ClassDef, depth: int = 0) -> bool:
        """A subclass of `torch.autograd.Function` (directly or through classes of the file)."""
        if any(self.resolve(self.dotted(b) or "") == "torch.autograd.Function" for b in cls.bases):
            return True
        base = self.file_base(cls)
        return base is not None and depth < limits.MAX_DEPTH and self.is_autograd_function(base, depth + 1)

    def file_base(self, cls: ast.ClassDef) -> ast.ClassDef | None:
        """The first base of a class that is a class of the file (`class Child(Base)`), else None."""
        for base in cls.bases:
            name = self.dotted(base)
            if name in self.classes and self.classes[name] is not cls:
                return self.classes[name]
        return None

    def init_of(self, cls: ast.ClassDef, depth: int = 0) -> ast.FunctionDef | ast.ClassDef | None:
        """What builds an object of the class: the nearest `__init__` up its file bases, or a
        `@dataclass` met first (its generated `__init__`: the class itself); None: nn.Module's own."""
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
                return stmt
        if self.is_dataclass(cls):
            return cls
        base = self.file_base(cls)
        return self.init_of(base, depth + 1) if base is not None and depth < limits.MAX_DEPTH else None

    def is_dataclass(self, cls: ast.ClassDef) -> bool:
        for decorator in cls.decorator_list:
            name = self.dotted(decorator.func if isinstance(decorator, ast.Call) else decorator)
            if name is not None and self.resolve(name) in ("dataclasses.dataclass", "dataclass"):
                return True
        return False

    def dataclass_fields(self, cls: ast.ClassDef, depth: int = 0) -> list[tuple[str, ast.expr | None]]:
        """A dataclass's fields in order, those of its dataclass bases first, with their defaults."""
        base = self.file_base(cls)
        fields = self.dataclass_fields(base, depth + 1) if base is not None and depth < limits.MAX_DEPTH and \
            self.is_dataclass(base) else []
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and \
                    "ClassVar" not in ast.unparse(stmt.annotation):
                fields = [f for f in fields if f[0] != stmt.target.id] + [(stmt.target.id, stmt.value)]
        return fields

    def build(self, owner: Instance, init: ast.FunctionDef | ast.ClassDef, args: list[Any], kwargs: dict[str, Any],
              node: ast.AST) -> None:
        """Run an `__init__` on `owner`, or fill a dataclass's fields from the arguments."""
        if isinstance(init, ast.FunctionDef):
            self.run_function(init, self.bind_function(init, [owner, *args], kwargs, node), node)
            return
        fields = self.dataclass_fields(init)
        if len(args) > len(fields):
            raise _Unsupported(f"{init.name} called with {len(args)} arguments for {len(fields)} fields", node)
        for i, (name, default) in enumerate(fields):
            if i < len(args):
                owner.attrs[name] = args[i]
            elif name in kwargs:
                owner.attrs[name] = kwargs.pop(name)
            elif default is not None:
                owner.attrs[name] = self.eval(default, self.globals)
            else:
                raise _Unsupported(f"the field `{name}` of {init.name} is not given", node)
        if kwargs:
            raise _Unsupported(f"{init.name}({next(iter(kwargs))}=...) (no such field)", node)
        post = self.method_def(owner.cls, "__post_init__")
        if post is not None:
            self.call_method(owner, post, [], {}, node)  # a dataclass runs it after filling its fields

    def layer_base(self, cls: ast.ClassDef, depth: int = 0) -> str | None:
        """The `nn` layer a class derives from (`class MeanShift(nn.Conv2d)`), directly or through classes of the
        file; None for a module or a container."""
        for base in cls.bases:
            name = self.dotted(base)
            kind = self.nn_name(name) if name is not None else None
            if kind in SIGNATURES:
                return kind
            if name in self.classes and depth < limits.MAX_DEPTH:
                found = self.layer_base(self.classes[name], depth + 1)
                if found is not None:
                    return found
        return None

    def derives_sequential(self, cls: ast.ClassDef) -> bool:
        """Whether the class is an `nn.Sequential`, directly or through classes of the file."""
        return self.derives(cls, "Sequential")

    def derives(self, cls: ast.ClassDef, container: str, depth: int = 0) -> bool:
        """Whether the class derives from `nn.<container>` (or a library's module, `D2L` or `LIGHTNING`, which are
        nn.Modules), directly or through classes of the file."""
        for base in cls.bases:
            name = self.dotted(base)
            if name is not None and (self.nn_name(name) == container or self.resolve(name) in _LIBRARY_BASES.get(
                    container, _LIBRARY_MODULES if container == "Module" else ())):
                return True
            if name in self.classes and depth < limits.MAX_DEPTH and self.derives(self.classes[name], container,
                                                                                  depth + 1):
                return True
        return False

    def is_weights_enum(self, cls: ast.ClassDef) -> bool:
        """A torchvision weights class (`class ResNet50_Weights(WeightsEnum)`): names pretrained weights."""
        return any(self.resolve(name).split(".")[-1] == "WeightsEnum"
                   for name in (self.dotted(base) for base in cls.bases) if name is not None)

    def is_module_base(self, base: ast.expr) -> bool:
        name = self.dotted(base)
        return name is not None and (name.endswith("Module") or self.nn_name(name) is not None or name in self.classes
                                     or self.resolve(name) in _LIBRARY_MODULES)

    def input_size(self, model: Any) -> ir.Input | None:
        """`input_size = (C, H, W)` on the model's class (what `convert --to pytorch` writes), or Lightning's
        `self.example_input_array = torch.rand(N, C, H, W)` (what its model summary runs)."""
        if not isinstance(model, Instance):
            return None
        example = model.attrs.get("example_input_array")
        if isinstance(example, _Weights) and len(example.shape) in (2, 4):
            return self.summary_input(example.shape, model.cls)
        for stmt in model.cls.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                if any(isinstance(t, ast.Name) and t.id == "input_size" for t in targets):
                    value = self.eval(stmt.value, self.globals)
                    if type(value) is tuple and len(value) == 3 and all(
                            isinstance(v, int) and 1 <= v <= limits.MAX_SIZE for v in value):
                        c, h, w = value
                        return ir.Input((h, w, c), 1, self.offsets.span(stmt))
                    if type(value) is tuple and len(value) == 1 and isinstance(value[0], int):
                        return ir.Input((value[0],), 1, self.offsets.span(stmt))
        return None

    def example_input(self, tree: ast.Module, model: Any) -> ir.Input | None:
        """The input the file's own code runs the model on, or hands a tool that summarises or exports it
        (torch_inputs.py), the first that is images (N, C, H, W) or vectors (N, F); N074 says which."""
        def evaluate(node: ast.expr, env: dict[str, Any]) -> Any:
            try:
                return self.eval(node, env)
            except (_Unsupported, *_FOLLOWING_ERRORS):
                return None

        def resolve(node: ast.expr) -> str | None:
            name = self.dotted(node)
            return self.resolve(name) if name is not None else None

        finder = torch_inputs.Finder(model, self.built, self.globals, evaluate, resolve,
                                     lambda: self.steps > limits.MAX_READER_STEPS)
        for sizes, call in finder.candidates(tree):
            if len(sizes) in (2, 4) and all(1 <= v <= limits.MAX_SIZE for v in sizes):
                batch = f"; its batch of {sizes[0]} counted per image" if sizes[0] > 1 else ""
                return self.summary_input(sizes, call)._replace(read_from=f"`{ast.unparse(call)[:60]}`{batch}")
        return None

    def zoo(self, at: ast.AST) -> dict[str, ast.ClassDef | ast.FunctionDef]:
        """cnncalc's definitions of torchvision's building blocks and models (readers/torchvision_zoo.py), by
        name, recorded the first time the file imports a block or calls a builder; every node placed there."""
        if not self.zoo_names:
            for stmt in _torchvision_definitions(at):
                self.zoo_definitions.update(n.name for n in ast.walk(stmt) if isinstance(n, ast.FunctionDef))
                if isinstance(stmt, ast.ClassDef):
                    self.record_class(stmt.name, stmt)
                    self.zoo_names[stmt.name] = stmt
                elif isinstance(stmt, ast.FunctionDef):
                    self.functions[stmt.name] = self.zoo_names[stmt.name] = stmt
                elif isinstance(stmt.targets[0], ast.Name):
                    self.globals[stmt.targets[0].id] = self.eval(stmt.value, self.globals)
        return self.zoo_names

    def summary_input(self, shape: Any, node: ast.AST) -> ir.Input:
        """The input a summary is asked for, `(N, C, H, W)` or `(N, F)`: one image of C x H x W, or F features."""
        if not (_listed(shape) and len(shape) in (2, 4) and all(
                isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= limits.MAX_SIZE for v in shape)):
            raise _Unsupported(f"a summary of the input {_shown(shape)} (expected (N, C, H, W) or (N, F))", node)
        dims = (shape[2], shape[3], shape[1]) if len(shape) == 4 else (shape[1],)
        return ir.Input(dims, 1, self.offsets.span(node))

    # ---- names ------------------------------------------------------------------------------------------

    def dotted(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return None if base is None else f"{base}.{node.attr}"
        return None

    def resolve(self, name: str) -> str:
        """`nn.Conv2d` -> `torch.nn.Conv2d`, `F.relu` -> `torch.nn.functional.relu` (through the imports)."""
        head, _, rest = name.partition(".")
        full = self.imported.get(head, head)
        return f"{full}.{rest}" if rest else full

    def nn_name(self, name: str) -> str | None:
        """The layer class a dotted name stands for (`nn.Conv2d` -> `Conv2d`), else None."""
        full = self.resolve(name)
        for prefix in ("torch.nn.", "nn."):
            if full.startswith(prefix) and "." not in full[len(prefix):]:
                return full[len(prefix):]
        if full == "torchvision.transforms.CenterCrop":
            return "CenterCrop"
        if full in WRITTEN_HELPERS and full in self.classes and _is_written_helper(self.classes[full]):
            return full
        if full == "tv_LayerNorm2d" and full in self.zoo_names:
            return "LayerNorm2d"  # torchvision's, as torchvision_zoo.py writes it
        return None

    def function_name(self, name: str) -> str | None:
        """`F.relu`, `torch.relu`, `torch.nn.functional.relu` -> `relu`."""
        full = self.resolve(name)
        for prefix in ("torch.nn.functional.", "torch."):
            if full.startswith(prefix) and full[len(prefix):] in FUNCTIONS:
                return full[len(prefix):]
            if full.startswith(prefix) and full[len(prefix):] in _IN_PLACE_FUNCTIONS[prefix]:
                return full[len(prefix):-1]  # `F.relu_(x)`: the activation, computed into x
        if full == "torchvision.transforms.functional.center_crop":
            return "center_crop"
        return None

    # ---- expressions ----------------------------------------------------------------------------------

    def tick(self, node: ast.AST) -> None:
        self.steps += 1
        self.last = node  # where a Python error in the user's code (dict() of bad pairs, …) is reported
        if self.steps > limits.MAX_READER_STEPS:
            raise _TooLong(f"more than {limits.MAX_READER_STEPS:,} steps to follow (a loop too long to read)", node)

    def charge(self, values: Iterable[Any], node: ast.AST, nested: bool = True) -> None:
        """Python's own work on plain values (`sum`, `sorted`, `max`, `==`, `in`) costs a step per element,
        nested ones included (`[[1] * 10**5] * 10**5` is 10^5 references to one row, and its `sum` 10^10
        additions in a few hundred steps otherwise); making a list (`*`, `+`) a step per element it holds.
        Counted up to the steps left, so counting costs no more than they."""
        stack = [v for v in values if isinstance(v, _CONTAINERS)]
        while stack:
            value = stack.pop()
            items = value.values() if isinstance(value, dict) else value
            self.steps += len(items)
            if self.steps > limits.MAX_READER_STEPS:
                self.tick(node)
            if nested:
                stack.extend(v for v in items if isinstance(v, _CONTAINERS))

    def eval(self, node: ast.expr, env: dict[str, Any]) -> Any:
        self.tick(node)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, int) and not isinstance(node.value, bool) and abs(node.value) > limits.MAX_INT:
                raise _Unsupported(f"the number {node.value} (larger than {limits.MAX_INT:,})", node)
            return node.value
        if isinstance(node, ast.Name):
            if node.id in env:
                return env[node.id]
            if node.id in self.globals:
                return self.globals[node.id]
            if node.id in ("True", "False", "None"):
                return {"True": True, "False": False, "None": None}[node.id]
            if node.id in self.classes and self.nn_name(node.id) is not None:
                return LayerClass(node.id)  # `partial(LayerNorm2d, eps=1e-6)`: read as the layer it is
            if node.id in self.classes:
                return self.classes[node.id]  # a class passed as a value (`ResNet(BasicBlock, ...)`)
            if node.id in self.functions:
                return self.functions[node.id]
            layer = self.nn_name(node.id)
            if layer is not None:
                return LayerClass(layer)  # `from torch.nn import BatchNorm2d`
            self.unread_name(node.id)
            raise _Unsupported(f"the name `{node.id}` (not defined where cnncalc can see it)", node)
        if isinstance(node, (ast.Tuple, ast.List)):
            out: list[Any] = []
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    out += list(self.eval(element.value, env))
                else:
                    out.append(self.eval(element, env))
            return tuple(out) if isinstance(node, ast.Tuple) else out
        if isinstance(node, ast.Dict):
            return {self.eval(k, env): self.eval(v, env) for k, v in zip(node.keys, node.values) if k is not None}
        if isinstance(node, ast.UnaryOp):
            v = self.eval(node.operand, env)
            if isinstance(node.op, ast.USub) and isinstance(v, (int, float)):
                return -v
            if isinstance(node.op, ast.USub) and isinstance(v, Tensor):
                return v  # `-x`: x times -1, as `x * 0.5` keeps the shape and learns nothing
            if isinstance(node.op, ast.UAdd):
                return v
            if isinstance(node.op, ast.Not):
                return not self.truth(v, node)
            raise _Unsupported("this operator", node)
        if isinstance(node, ast.BinOp):
            return self.binop(node, env)
        if isinstance(node, ast.BoolOp):  # evaluated as far as Python evaluates it: `m is not None and m.stride`
            result = self.eval(node.values[0], env)
            for operand in node.values[1:]:
                if self.truth(result, node) != isinstance(node.op, ast.And):
                    return result
                result = self.eval(operand, env)
            return result
        if isinstance(node, ast.Compare):
            return self.compare(node, env)
        if isinstance(node, ast.IfExp):
            return self.eval(node.body if self.truth(self.eval(node.test, env), node.test) else node.orelse, env)
        if isinstance(node, ast.Attribute):
            return self.attribute(node, env)
        if isinstance(node, ast.Subscript):
            return self.subscript(node, env)
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):  # a generator is read as its list
            return [self.eval(node.elt, inner) for inner in self.comprehension(node.generators, env, node)]
        if isinstance(node, ast.DictComp):
            return {self.eval(node.key, inner): self.eval(node.value, inner)
                    for inner in self.comprehension(node.generators, env, node)}
        if isinstance(node, ast.Lambda):
            return self.closure(node, env)
        if isinstance(node, ast.JoinedStr):
            return "".join(str(self.eval(v.value, env)) if isinstance(v, ast.FormattedValue) else str(v.value)
                           for v in node.values if isinstance(v, (ast.FormattedValue, ast.Constant)))
        raise _Unsupported(f"the expression `{ast.unparse(node)[:60]}`", node)

    def comprehension(self, generators: list[ast.comprehension], env: dict[str, Any],
                      node: ast.AST) -> list[dict[str, Any]]:
        """The environments a comprehension's `for ... in ... if ...` clauses bind, in order (bounded)."""
        envs = [dict(env)]
        for generator in generators:
            if generator.is_async:
                raise _Unsupported("an async comprehension", node)
            bound = []
            for outer in envs:
                for item in self.iterate(self.eval(generator.iter, outer), generator.iter):
                    inner = dict(outer)
                    self.assign(generator.target, item, inner)
                    if all(self.truth(self.eval(test, inner), test) for test in generator.ifs):
                        bound.append(inner)
                    if len(bound) > limits.MAX_NODES:
                        raise _Unsupported("a comprehension too long to follow", node)
            envs = bound
        return envs

    @staticmethod
    def constant_arithmetic(node: ast.BinOp, left: Any, right: Any) -> torch_values.Values:
        """`torch.arange(depth) * w_a + w_0`: a tensor of constants and a number or another such tensor."""
        elementwise = isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv))
        if not elementwise or not all(isinstance(v, (torch_values.Values, int, float)) for v in (left, right)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` on a tensor of constants", node)
        try:
            return torch_values.elementwise(_OPERATORS[type(node.op)], left, right, isinstance(node.op, ast.Div))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None

    def binop(self, node: ast.BinOp, env: dict[str, Any]) -> Any:
        left, right = self.eval(node.left, env), self.eval(node.right, env)
        if _weight_of(left) is not None or _weight_of(right) is not None:
            return self.standardised(node, [left, right], {})
        if isinstance(left, _Statistic) or isinstance(right, _Statistic):
            return self.statistic(_STATISTIC_OPERATORS.get(type(node.op), ""), left, right, node)
        if isinstance(left, _Weights) or isinstance(right, _Weights):
            weights, other = (left, right) if isinstance(left, _Weights) else (right, left)
            if isinstance(other, (int, float)) and not isinstance(other, bool):
                return weights  # `torch.ones(C, 1, 1) * layer_scale`: the same shape
            return self.scaled(weights, other, node)
        if isinstance(left, Tensor) or isinstance(right, Tensor):
            other = right if isinstance(left, Tensor) else left
            if ((isinstance(other, (int, float)) and not isinstance(other, bool)) or
                    (isinstance(other, torch_values.Values) and len(other.items) == 1)) and \
                    isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
                # `(torch.tanh(x) + 1) / 2`, `x * 0.5`: a constant on every value keeps the shape and learns nothing
                return left if isinstance(left, Tensor) else right
            kinds = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul"}
            kind = kinds.get(type(node.op))
            if kind is None or not (isinstance(left, Tensor) and isinstance(right, Tensor)):
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` on tensors (cnncalc joins two tensors with +, - or *)",
                                   node)
            return Tensor(self.graph.merge(self.name_of(kind), kind, [left.node, right.node],
                                           self.offsets.span(node)))
        if isinstance(left, torch_values.Values) or isinstance(right, torch_values.Values):
            return self.constant_arithmetic(node, left, right)
        if isinstance(left, _SizeOf) and left.per == 1 and isinstance(node.op, (ast.FloorDiv, ast.Div)) and \
                isinstance(right, int) and not isinstance(right, bool) and right > 0:
            divided = _SizeOf(left.dim, right)  # `num_channels // groups`, `int(C / g)`
            owner = self.size_owner(left)
            if owner is not None and isinstance(node.op, ast.Div):  # `ih / s`, for `math.ceil(ih / s)` alone
                self.divided_sizes[id(divided)] = (divided, owner)
            return divided
        same = self.same_arithmetic(node, left, right)
        if same is not None:
            return same
        if isinstance(left, _SizeOf) and left.per == 1 and isinstance(node.op, ast.Mult) and \
                isinstance(right, float) and 0 < right < 1 and (1 / right).is_integer():
            return _SizeOf(left.dim, int(1 / right))  # `int(x.size(1) * 0.5)`: half the channels
        if isinstance(node.op, ast.Mult) and any(isinstance(v, _SizeOf) and v.per == 1 and v.dim % 4 in (2, 3) and
                                                 self.size_owner(v) is not None for v in (left, right)) and \
                any(type(v) is int and v > 1 for v in (left, right)):
            size, factor = (left, right) if isinstance(left, _SizeOf) else (right, left)
            return _SizeTimes(size, factor)  # `h * 2`: the height an upsampling by 2 gives
        if isinstance(node.op, ast.Add) and any(isinstance(v, _SizeOf) and v.per == 1 for v in (left, right)) and \
                any(type(v) is int and v >= 0 for v in (left, right)):
            size, plus = (left, right) if isinstance(left, _SizeOf) else (right, left)
            return _SizePlus(size, plus)  # `t + ref.size(2)`: a slice's end
        if isinstance(left, _SizeOf) and isinstance(right, _SizeOf) and isinstance(node.op, ast.Sub):
            return self.size_gap(left, right, node)
        if isinstance(left, _SizeGap) and isinstance(node.op, ast.FloorDiv) and right == 2:
            return _GapPart(left, True)  # `diffY // 2`: the rows added at the top
        if isinstance(left, _SizeGap) and isinstance(node.op, ast.Sub) and right == _GapPart(left, True):
            return _GapPart(left, False)  # `diffY - diffY // 2`: the rest, at the bottom
        if isinstance(left, (_SizeGap, _GapPart)) or isinstance(right, (_SizeGap, _GapPart)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: arithmetic on the difference of two maps' sizes "
                               f"(cnncalc follows its halves for F.pad, as U-Nets write them)", node)
        if isinstance(left, (_SizeOf, _ShapeOf)) or isinstance(right, (_SizeOf, _ShapeOf)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: arithmetic on a tensor's size, known only when the "
                               f"network runs (cnncalc follows a size divided by a whole number or halved)", node)
        operation = _OPERATORS.get(type(node.op))
        if operation is None:
            raise _Unsupported("this operator", node)
        floating = isinstance(left, float) or isinstance(right, float)  # `alpha ** phi`: compound scaling's factors
        if isinstance(node.op, (ast.Pow, ast.LShift)) and not (floating and isinstance(node.op, ast.Pow)) and \
                (not isinstance(right, int) or abs(right) > 64):
            raise _Unsupported("a power or shift cnncalc does not follow", node)
        for n, seq in ((left, right), (right, left)):
            if isinstance(n, int) and isinstance(seq, (list, tuple, str)) and n * len(seq) > limits.MAX_NODES:
                raise _Unsupported("a list too long to follow", node)
        try:
            result = operation(left, right)
        except (TypeError, ZeroDivisionError, ValueError, OverflowError) as e:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({e})", node) from None
        if isinstance(result, complex):  # `(-2.0) ** 0.5`
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` (a complex number)", node)
        self.charge((result,), node, nested=False)
        if isinstance(result, int) and abs(result) > limits.MAX_INT:
            raise _Unsupported(f"a number larger than {limits.MAX_INT:,}", node)
        return result

    def compare(self, node: ast.Compare, env: dict[str, Any]) -> bool:
        left = self.operand(node.left, env)
        for op, right_node in zip(node.ops, node.comparators):
            right = self.operand(right_node, env)
            if isinstance(left, _SamePad) and isinstance(op, (ast.Gt, ast.NotEq)) and right == 0 and \
                    type(right) is int:
                # `if pad_h > 0 or pad_w > 0:` before F.pad: taken; a padding of 0 pads nothing, as `pad same` does
                left = right
                continue
            if not isinstance(op, (ast.Is, ast.IsNot)) and any(isinstance(v, _RUN_TIME) for v in (left, right)):
                # `x.size(1) == 3`, `x.shape[2:] != skip.shape[2:]`: the reader's records would compare as tuples
                raise _Unsupported(f"the comparison `{ast.unparse(node)[:60]}` (a size or tensor known only when "
                                   f"the network runs)", node)
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, Sequence):
                right = [name for name, _ in right.items] if isinstance(left, str) else [m for _, m in right.items]
            if not isinstance(op, (ast.Is, ast.IsNot)):
                self.charge((left, right), node)
            tests: dict[type, Callable[[Any, Any], bool]] = {
                ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
                ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
                ast.Is: lambda a, b: a is b, ast.IsNot: lambda a, b: a is not b,
                ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b}
            try:
                if not tests[type(op)](left, right):
                    return False
            except (TypeError, KeyError):
                raise _Unsupported(f"the comparison `{ast.unparse(node)[:60]}`", node) from None
            left = right
        return True

    def operand(self, node: ast.expr, env: dict[str, Any]) -> Any:
        """A comparison's operand; a type's name there is the type (`type(k) == int`, `type(n) is functools.partial`),
        which `type_of` gives."""
        name = self.dotted(node)
        if name is not None and name.split(".")[0] not in env and name.split(".")[0] not in self.globals:
            full = self.resolve(name)
            if full == "functools.partial" or (full in PYTHON_TYPES and name not in self.functions and
                                               name not in self.classes):
                return _TypeName(full)
        return self.eval(node, env)

    def attribute(self, node: ast.Attribute, env: dict[str, Any]) -> Any:
        if isinstance(node.value, ast.Name) and node.value.id in self.classes and node.value.id not in env:
            attrs = self.class_attributes(self.classes[node.value.id])
            if node.attr in attrs:
                return attrs[node.attr]
        name = self.dotted(node)
        head = name.split(".")[0] if name is not None else None
        if name is not None and head not in env and head not in self.globals:  # a module's name: `nn.X`, `math.pi`
            if head == "math" and node.attr in ("pi", "e"):
                return getattr(math, node.attr)
            layer = self.nn_name(name)
            if layer is not None:
                return LayerClass(layer)  # `norm_layer = nn.BatchNorm2d`
            if _ZOO_WEIGHTS.fullmatch(self.resolve(name)):
                return PRETRAINED  # `ResNet50_Weights.DEFAULT`: the same network as without weights
            if head not in self.classes:
                self.unread_name(str(head))
                raise _Unsupported(f"`{name}` used as a value", node)
        base = self.eval(node.value, env)
        if isinstance(base, _RecordType) and node.attr == "_fields":
            return base.fields
        if type(base) in self.records and node.attr in base._fields:
            return getattr(base, node.attr)  # `block_args.kernel_size`
        if isinstance(base, ast.ClassDef) and self.is_weights_enum(base):
            raise _Unsupported(f"pretrained weights (`{base.name}.{node.attr}`); the network is the same with "
                               f"`weights=None`", node)
        if isinstance(base, ast.ClassDef):
            attrs = self.class_attributes(base)  # `block.expansion`, the class passed as a value
            if node.attr in attrs:
                return attrs[node.attr]
            if node.attr == "apply" and self.is_autograd_function(base):
                forward = self.method_def(base, "forward")  # `SwishImplementation.apply(x)`: its forward, as run
                if forward is not None:
                    return _Partial(forward, [_AutogradContext()], {})
            method = self.method_def(base, node.attr)  # `partial(Config.adjust_channels, width_mult=w)`
            if method is not None:
                return _Partial(method, [base], {}) if "classmethod" in _decorators(method) else method
            raise _Unsupported(f"`{base.name}.{node.attr}` (not a class attribute)", node)
        if isinstance(base, _AutogradContext) and node.attr in base.attrs:
            return base.attrs[node.attr]
        if node.attr == "module" and (isinstance(base, (Layer, Sequence)) or (
                isinstance(base, Instance) and "module" not in base.attrs)):
            return base  # a wrapper's `model.module` (DataParallel's, torch.compile's): the model it wraps
        if isinstance(base, Instance):
            if node.attr == "training":
                return TRAINING
            if node.attr in base.attrs:
                return base.attrs[node.attr]
            method = self.method_def(base.cls, node.attr) if base.layer is None else None
            if method is not None:  # `self.forward_split_cat`, a method as a value (FasterNet assigns it to forward)
                decorators = _decorators(method)
                return method if "staticmethod" in decorators else \
                    _Partial(method, [base.cls if "classmethod" in decorators else base], {})
            if base.layer is not None:
                base = base.layer  # `self.weight`, `self.in_channels` in a layer's subclass (EDSR's MeanShift)
            else:
                raise _Unsupported(f"`self.{node.attr}` (never assigned in __init__)", node)
        if isinstance(base, Sequence) and any(name == node.attr for name, _ in base.items):
            return next(m for name, m in base.items if name == node.attr)  # `model.features.denseblock4`
        if isinstance(base, Layer) and node.attr in ("weight", "bias") and _has_state(base):
            # `self.fc.weight`, to set or freeze (`bias`: the tensor, not the argument); None where PyTorch has none
            return _Parameter(base, node.attr) if node.attr in _blobs(base) else None
        if isinstance(base, (_Parameter, Tensor)) and node.attr == "data":
            return base  # `self.fc.weight.data`, `x.data.size()` (older code): its values, which set no size
        if isinstance(base, Layer) and node.attr in base.args and base.args[node.attr] is not FROM_INPUT:
            value = base.args[node.attr]  # `model.fc.in_features`, what the layer was built with
            dims = _CONV_DIMS.get(base.kind, 0)
            if dims and node.attr in _CONV_TUPLES and type(value) is int:
                return (value,) * dims  # a convolution keeps its sizes as tuples: `self.stride` is (2, 2)
            if dims and node.attr in _CONV_TUPLES and _listed(value):
                return tuple(value)  # (given [2], (2,))
            return value
        if isinstance(base, _Partial) and node.attr in ("func", "args", "keywords"):
            # `norm_layer.func == nn.InstanceNorm2d`: what a `functools.partial` binds, as Python keeps it
            return base.func if node.attr == "func" else tuple(base.args) if node.attr == "args" else dict(base.kwargs)
        if isinstance(base, _Hparams) and node.attr in base:
            return base[node.attr]  # Lightning's `self.hparams.num_classes`
        if isinstance(base, Tensor) and node.attr == "shape":
            return _ShapeOf(base)
        if node.attr == "shape" and _weight_shape(base) is not None:
            return _weight_shape(base)  # `self.weight.shape[-2:]`
        if isinstance(base, _MaxResult) and node.attr == "values":
            return base.values
        if isinstance(base, Tensor) and node.attr in ("requires_grad", "is_cuda"):
            # the forward followed is inference's (DenseNet's checkpointing is skipped), on the CPU (DCGAN's example:
            # `if input.is_cuda and self.ngpu > 1:` runs the same layers on several GPUs)
            return False
        if isinstance(base, Tensor) and node.attr in ("dtype", "device"):
            return _TypeName(f"torch.{node.attr}")  # `torch.zeros(..., dtype=x.dtype, device=x.device)`: as the data's
        raise _Unsupported(f"the attribute `.{node.attr}`", node)

    def subscript(self, node: ast.Subscript, env: dict[str, Any]) -> Any:
        base = self.eval(node.value, env)
        if isinstance(base, Tensor):
            return self.tensor_slice(base, node, env)
        if isinstance(base, _Chunks):
            return self.chunk_part(base, self.eval(node.slice, env), node)
        cut = node.slice
        if isinstance(base, _ShapeOf) and isinstance(cut, ast.Slice) and cut.upper is None and cut.step is None and \
                cut.lower is not None and self.eval(cut.lower, env) in (2, -2):
            return _SpatialSize(base.of)  # `x.size()[2:]`: height and width
        if isinstance(base, _ShapeOf) and isinstance(cut, ast.Slice) and cut.step is None and cut.upper is not None \
                and (cut.lower is None or self.eval(cut.lower, env) == 0) and self.eval(cut.upper, env) in (1, 2):
            # `b, c = x.shape[:2]`: the batch and the channels, each a size as `x.size(0)` is
            return [self.size_of(base.of, axis) for axis in range(self.eval(cut.upper, env))]
        if isinstance(base, _ShapeOf):
            if isinstance(cut, ast.Slice) and cut.upper is None and cut.step is None and cut.lower is not None and \
                    self.eval(cut.lower, env) == 1:  # `x.size()[1:]`, the old tutorial's `num_flat_features` multiplies
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`: sizes of a tensor other than its height and width "
                                   f"(`x.size()[2:]`), known only when the network runs; to flatten, "
                                   f"`torch.flatten(x, 1)` or `x.view(x.size(0), -1)`", node)
            index = self.eval(node.slice, env)
            return self.size_of(base.of, index)
        if isinstance(base, _Weights) and len(base.shape) == 1 and ast.unparse(node.slice) == "(:, None, None)":
            # `self.weight[:, None, None]`
            return _Weights((base.shape[0], 1, 1), base.learnt, base.viewed or base)
        index = self.eval(node.slice, env) if not isinstance(node.slice, ast.Slice) else slice(
            *(None if p is None else self.eval(p, env) for p in (node.slice.lower, node.slice.upper, node.slice.step)))
        if isinstance(base, Instance) and base.sequential is not None:
            base = Sequence(base.sequential, node)  # `model.features[0][0]`: an `nn.Sequential` subclass's module
        if isinstance(base, Sequence):
            if isinstance(index, str):  # an nn.ModuleDict's entry
                found = [m for name, m in base.items if name == index]
                if not found:
                    raise _Unsupported(f"`{ast.unparse(node)[:60]}` (no such entry)", node)
                return found[0]
            try:
                items = base.items[index]
            except (TypeError, IndexError):
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`", node) from None
            return Sequence(items, node) if isinstance(index, slice) else items[1]
        if not (type(base) in (list, tuple, str, range) or isinstance(base, (dict, _MaxResult))):
            # (the reader's own values are tuples too: a learnt tensor's `self.weight[0]` is not its layer;
            # `torch.max(x, 1)[0]` is the max's values)
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: an index of {_shown(base)}", node)
        try:
            return base[index]
        except (TypeError, IndexError, KeyError):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`", node) from None

    def tensor_slice(self, base: Tensor, node: ast.Subscript, env: dict[str, Any]) -> Tensor:
        """`x[:, a:b]`: channels a to b (a spec `slice`); `x[:, :, t:-b, l:-r]`: rows and columns cut from
        each edge (a spec `crop`, which needs no input size); `x[:, :, t:b, l:r]` of numbers, a `region`; anything
        else is not followed."""
        parts = _spelt_out(node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice])
        whole = [isinstance(p, ast.Slice) and p.lower is None and p.upper is None and p.step is None for p in parts]
        bounds: list[tuple[Any, Any]] = [
            (None if p.lower is None else self.eval(p.lower, env), None if p.upper is None else self.eval(p.upper, env))
            if isinstance(p, ast.Slice) and p.step is None else ("index", "index") for p in parts]
        if 2 <= len(parts) <= 4 and whole[0] and all(whole[2:]) and bounds[1] != ("index", "index"):
            low, high = bounds[1]  # `x[:, a:b]`, also written `x[:, a:b, :, :]`
            low = 0 if low is None else low
            if isinstance(low, int) and isinstance(high, int) and 0 <= low < high:
                return self.add_layer(f"slice {low}:{high}", node, base, "slice")
            if isinstance(low, int) and low > 0 and high is None:
                return self.add_layer(f"slice {low}:", node, base, "slice")  # `x[:, d:]`: to the last channel
            if low == 0 and isinstance(high, _SizeOf) and high.dim == 1 and high.per > 1:
                return self.add_layer(f"part 1 of {high.per}", node, base, "part")  # `x[:, :c]`, c = C / n
            if isinstance(low, _SizeOf) and low.dim == 1 and low.per == 2 and high is None:
                return self.add_layer("part 2 of 2", node, base, "part")  # `x[:, c:]`, the other half
        if len(parts) == 4 and whole[0] and whole[1] and ("index", "index") not in bounds[2:]:
            fitted = self.cropped_to(base, bounds[2:], node)
            if fitted is not None:
                return fitted
            cuts = [(0 if low is None else low, 0 if high is None else -high if isinstance(high, int) else None)
                    for low, high in bounds[2:]]
            if all(isinstance(a, int) and isinstance(b, int) and a >= 0 and b >= 0 for a, b in cuts):
                (top, bottom), (left, right) = cuts
                cropped = self.add_layer(f"crop {top},{bottom},{left},{right}", node, base, "crop")
                return cropped._replace(strided=any((top, bottom, left, right)))
            starts = [0 if low is None else low for low, _ in bounds[2:]]
            if all(type(a) is int and type(high) is int and 0 <= a < high <= limits.MAX_SIZE
                   for a, (_, high) in zip(starts, bounds[2:])):
                # `x[:, :, 2:10, 3:9]`, both ends counted from the start: that region (E036 past the map's edge)
                (top, bottom), (left, right) = zip(starts, (high for _, high in bounds[2:]))
                region = self.add_layer(f"region {bottom - top}x{right - left} at {top}x{left}", node, base, "region")
                return region._replace(strided=True)
        if _gains_two_axes(parts, whole):  # `y[:, :, None, None]`: as `y.unsqueeze(-1).unsqueeze(-1)`
            return self.squeezed_map(base, "unsqueeze", [-1], node)
        if len(parts) == 4 and whole[0] and whole[1] and all(
                isinstance(p, ast.Constant) and type(p.value) is int and p.value in (0, -1) for p in parts[2:]):
            # `x[..., 0, 0]` (BiT's head after its global pool): the one pixel of a 1x1 map, as `x.squeeze()` (E037
            # on a larger map, whose pixel at a corner cnncalc does not take)
            return self.squeezed_map(base, "squeeze", [], node)
        if len(parts) in (3, 4) and whole[0] and whole[1] and all(
                isinstance(p, ast.Slice) and p.upper is None for p in parts[2:]) and \
                any(p.step is not None for p in parts[2:] if isinstance(p, ast.Slice)):
            return self.subsampled(base, [p for p in parts[2:] if isinstance(p, ast.Slice)], node, env)
        raise _Unsupported(f"the tensor index `{ast.unparse(node)[:60]}` (cnncalc follows channel slices "
                           f"`x[:, a:b]`, cuts from the edges `x[:, :, t:-b, l:-r]`, every S-th row and column "
                           f"`x[:, :, ::S, ::S]` and crops to another map's "
                           f"size `x[:, :, t:t + ref.size(2), l:l + ref.size(3)]` or to a region of numbers "
                           f"`x[:, :, t:b, l:r]`; another end counted from the start needs the input's size)", node)

    def subsampled(self, x: Tensor, cuts: list[ast.Slice], node: ast.Subscript, env: dict[str, Any]) -> Tensor:
        """`x[:, :, ::2, ::2]`: every other row and column (the ResNet paper's option A shortcut), a 1x1 max pool at
        that stride, rounded down: (N - 1)/S + 1 of them; `x[:, :, 1::2]` crops the rows it starts past first."""
        starts, steps = [], []
        for cut in [*cuts, ast.Slice()][:2]:
            start = 0 if cut.lower is None else self.eval(cut.lower, env)
            step = 1 if cut.step is None else self.eval(cut.step, env)
            if type(start) is not int or type(step) is not int or start < 0 or step < 1 or step > limits.MAX_SIZE:
                raise _Unsupported(f"the tensor index `{ast.unparse(node)[:60]}` (every S-th row and column is "
                                   f"followed from a start and a step of whole numbers, S from 1)", node)
            starts.append(start)
            steps.append(step)
        if any(starts):
            x = self.add_layer(f"crop {starts[0]},0,{starts[1]},0", node, x, "crop")
        subsampled = self.add_layer(f"maxpool 1x1 stride {steps[0]}x{steps[1]} floor", node, x, "subsample")
        return subsampled._replace(strided=steps != [1, 1] or any(starts))

    def cropped_to(self, x: Tensor, bounds: list[tuple[Any, Any]], node: ast.AST) -> Tensor | None:
        """`x[:, :, t:t + ref.size(2), l:l + ref.size(3)]`: x cropped from row t and column l to ref's height and
        width (`fit at TxL { @ref | … }`, Caffe's Crop layer); None when the bounds are not such."""
        offsets, refs = [], []
        for axis, (low, high) in zip((2, 3), bounds):
            low = 0 if low is None else low
            end = _SizePlus(high, 0) if isinstance(high, _SizeOf) and high.per == 1 else high
            if not isinstance(end, _SizePlus) or type(low) is not int or end.plus != low or end.size.dim % 4 != axis:
                return None
            owner = self.size_owner(end.size)
            if owner is None:
                return None
            offsets.append(low)
            refs.append(owner)
        if refs[0] is not refs[1]:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a crop to the height of one map and the width of "
                               f"another", node)
        return Tensor(self.graph.merge(self.name_of("fit"), "fit", [refs[0].node, x.node], self.offsets.span(node),
                                       offset=(offsets[0], offsets[1])))

    @staticmethod
    def truth(value: Any, node: ast.AST) -> bool:
        """A condition's value; a tensor or a size is known only when the network runs (a record is
        always true as a tuple)."""
        if isinstance(value, _RUN_TIME):
            raise _Unsupported(f"the condition `{ast.unparse(node)[:60]}` (known only when the network runs)", node)
        return bool(value)

    @staticmethod
    def plain(value: Any, use: str, node: ast.AST) -> Any:
        """A value Python's builtins may see: the reader's own records are tuples, and `len(x)` of a
        tensor or `len(self.convs)` of a ModuleList must not count their fields."""
        if isinstance(value, _Chunks):
            raise _Unsupported(f"{use} the parts of a split into parts of {value.size} channels (how many there are "
                               f"depends on the channels; read each by its index, `parts[0]`)", node)
        if isinstance(value, (Layer, Tensor, LayerClass, _SizeOf, _SizePlus, _SizeTimes, _Partial, _ChannelsLast,
                              _ChannelsAlong, _Weights, _GroupView, _SpatialSize, _Closure, _PositionsFlat, _HalfMean,
                              _ShapeOf)):
            thing = "a function" if isinstance(value, _Closure) else \
                "a tensor" if isinstance(value, (Tensor, _ChannelsLast, _ChannelsAlong, _GroupView, _PositionsFlat,
                                                 _HalfMean)) else \
                "a size" if isinstance(value, (_SizeOf, _SizePlus, _SizeTimes, _SpatialSize)) else \
                "a tensor's shape" if isinstance(value, _ShapeOf) else \
                "a learnt tensor" if isinstance(value, _Weights) else "a layer"
            raise _Unsupported(f"{use} {thing}", node)
        return value

    def iterate(self, value: Any, node: ast.AST) -> list[Any]:
        if isinstance(value, Sequence):
            return [m for _, m in value.items]
        if isinstance(value, Instance) and value.sequential is not None:
            # `for module in self:` in an nn.Sequential subclass (torchvision's ASPPPooling): its modules in order
            return [m for _, m in _sequence_of(value).items]
        if isinstance(value, _SpatialSize):  # `h, w = x.size()[2:]`
            return [self.size_of(value.of, 2), self.size_of(value.of, 3)]
        if isinstance(value, torch_values.Values):  # `for x in torch.linspace(...)`: each a tensor of one value
            return [torch_values.Values([v], value.floating) for v in value.items]
        self.plain(value, "a loop over", node)
        if isinstance(value, (list, tuple, range, str)):
            if len(value) > limits.MAX_NODES:
                raise _Unsupported("a loop too long to follow", node)
            return list(value)
        if isinstance(value, dict):
            return list(value)
        raise _Unsupported("a loop over something cnncalc cannot list", node)

    def call(self, node: ast.Call, env: dict[str, Any]) -> Any:
        func = node.func
        # `nn.Module.__init__(self)`, `Base.__init__(self, c)`: older code's `super().__init__(…)`, the base named
        named = self.dotted(func.value) if isinstance(func, ast.Attribute) and func.attr == "__init__" and \
            node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "self" else None
        if named is not None or (isinstance(func, ast.Attribute) and func.attr == "__init__" and
                                 isinstance(func.value, ast.Call) and self.dotted(func.value.func) == "super"):
            owner = env.get("self")
            if named is not None:
                parent = self.classes.get(named)
                node = ast.copy_location(ast.Call(func, node.args[1:], node.keywords), node)  # (without its `self`)
            else:
                current = self.defined_in.get(id(self.running[-1])) if self.running else None
                parent = self.file_base(current) if current is not None else None
            init = self.init_of(parent) if parent is not None else None
            if isinstance(owner, Instance) and init is not None:  # `class Child(Base)`: Base's `__init__`
                args, kwargs = self.arguments(node, env)
                self.build(owner, init, args, kwargs, node)
                return None
            kind = self.layer_base(owner.cls) if isinstance(owner, Instance) else None
            if isinstance(owner, Instance) and kind is not None:
                args, kwargs = self.arguments(node, env)  # `class MeanShift(nn.Conv2d)`: the layer it is
                owner.layer = self.construct(kind, args, kwargs, node)
                return None
            if isinstance(owner, Instance) and self.derives_sequential(owner.cls):
                args, _ = self.arguments(node, env)  # `class ConvBNReLU(nn.Sequential)`: its modules, in order
                owner.sequential = list(args[0].items()) if len(args) == 1 and isinstance(args[0], dict) else \
                    [(str(i), m) for i, m in enumerate(args)]
            return None  # `super().__init__()`: nn.Module's own set-up
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call) and \
                self.dotted(func.value.func) == "super":
            return self.super_call(func.attr, node, env)
        # methods of values: tensors, lists, instances
        if isinstance(func, ast.Attribute):
            name = self.dotted(func)
            head = name.split(".")[0] if name else None
            if not (head and head not in env and head not in self.globals):
                return self.method(func, node, env)
        name = self.dotted(func)
        if name is not None and name.split(".")[0] not in env and name.split(".")[0] not in self.globals:
            self.unread_name(name.split(".")[0])
        if name is None and isinstance(func, (ast.Subscript, ast.Call)):  # `self.convs[i](x)`, `partial(...)(c)`
            value = self.eval(func, env)
            args, kwargs = self.arguments(node, env)
            return self.call_value(value, args, kwargs, node)
        if name is None:
            raise _Unsupported(f"the call `{ast.unparse(node)[:60]}`", node)
        if self.resolve(name).startswith("torch.nn.init."):
            return None  # weight initialisation: no part of the network's shape
        if self.resolve(name) in _SILENT or self.resolve(name).startswith(("warnings.", "logging.")):
            return None  # `warnings.warn(...)`, `print(...)`: no part of the shape, their arguments not read
        if self.resolve(name) in ("torch.jit.is_scripting", "torch.jit.is_tracing", "torch.onnx.is_in_onnx_export"):
            return False  # the eager forward is the one followed
        if self.resolve(name) == "typing.cast" and len(node.args) == 2:
            return self.eval(node.args[1], env)  # `cast(int, v)` is v
        if name in ("setattr", "getattr") and name not in env and 2 <= len(node.args) <= 3 and not node.keywords:
            module = self.dotted(node.args[0])
            if name == "getattr" and len(node.args) == 2 and module is not None and \
                    module.split(".")[0] not in env and module.split(".")[0] not in self.globals:
                attr = self.eval(node.args[1], env)  # `getattr(nn, "ReLU")`: the attribute as written out
                if isinstance(attr, str) and attr.isidentifier():
                    return self.eval(ast.copy_location(ast.Attribute(node.args[0], attr, ast.Load()), node), env)
            owner, attr = self.eval(node.args[0], env), self.eval(node.args[1], env)
            if isinstance(owner, Instance) and isinstance(attr, str):
                if name == "setattr" and len(node.args) == 3:
                    owner.attrs[attr] = self.eval(node.args[2], env)  # `setattr(self, "stage2", ...)`
                    return None
                if name == "getattr" and attr in owner.attrs:
                    return owner.attrs[attr]
                if name == "getattr" and len(node.args) == 3:
                    return self.eval(node.args[2], env)
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`", node)
        if name == "hasattr" and name not in env and len(node.args) == 2 and not node.keywords:
            owner, attr = self.eval(node.args[0], env), self.eval(node.args[1], env)
            if isinstance(owner, Instance) and isinstance(attr, str):
                return self.has_attribute(owner, attr)  # `self.shortcut(x) if hasattr(self, "shortcut") else x`
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`", node)
        if name == "type" and "type" not in env and "type" not in self.globals and "type" not in self.functions and \
                len(node.args) == 1 and not node.keywords:
            return self.type_of(self.eval(node.args[0], env), node)  # `type(norm_layer) == functools.partial`
        if name == "isinstance" and "isinstance" not in env and len(node.args) == 2 and not node.keywords:
            value = self.eval(node.args[0], env)
            kinds = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
            return any(self.is_instance(value, kind, env) for kind in kinds)
        args, kwargs = self.arguments(node, env)
        if isinstance(func, ast.Name) and (func.id in env or func.id in self.globals):
            return self.call_value(env.get(func.id, self.globals.get(func.id)), args, kwargs, node)
        if name in self.functions:
            return self.call_value(self.functions[name], args, kwargs, node)
        if self.resolve(name) in _SPECTRAL_NORMS and len(args) == 1 and isinstance(args[0], Layer) and \
                "weight" in _blobs(args[0]) and kwargs.get("name", "weight") == "weight" and \
                not set(kwargs) - {"name", "n_power_iterations", "eps", "dim"}:
            # `spectral_norm(nn.Conv2d(...))` (SNGAN's discriminators): the layer's weight divided by its largest
            # singular value, the same shape and parameters (`weight_orig` in its place; `u` and `v` are buffers)
            return args[0]
        if self.resolve(name) in _WEIGHT_NORMS and len(args) == 1 and isinstance(args[0], Layer):
            return self.weight_normed(args[0], kwargs, node)
        if self.resolve(name) in _WRAPPERS and len(args) >= 1 and isinstance(args[0], (Layer, Sequence, Instance)):
            return args[0]  # `nn.DataParallel(model)`, `torch.compile(model)`: the network they run is the model
        layer = self.nn_name(name)
        if layer == "Parameter" and args and isinstance(args[0], _Weights):
            return args[0]._replace(learnt=True)  # `nn.Parameter(torch.ones(C, 1, 1) * s)`: learnt
        if layer == "Parameter" and args and isinstance(args[0], torch_values.Values):
            return _Weights((len(args[0].items),), learnt=True)  # `nn.Parameter(torch.FloatTensor([1.0]))`
        if layer is not None:
            return self.construct(layer, args, kwargs, node)
        if name in self.classes:
            if self.depth > limits.MAX_DEPTH:
                raise _Unsupported("classes that build each other deeper than cnncalc follows", node)
            return self.instantiate(self.classes[name], args, kwargs, node)
        owner, _, attr = name.rpartition(".")
        if attr == "verify" and owner in self.classes and self.is_weights_enum(self.classes[owner]):
            if args == [None] and not kwargs:
                return None  # torchvision's `weights = ResNet50_Weights.verify(weights)` with no weights
            raise _Unsupported("pretrained weights (`weights=...`); the network is the same with `weights=None`",
                               node)
        if owner in self.classes:  # `Config.adjust_channels(c, w)`: a static or class method through its class
            return self.call_value(self.eval(func, env), args, kwargs, node)
        function = self.function_name(name)
        if function is not None:
            return self.functional(function, args, kwargs, node)
        full = self.resolve(name)
        builder = _zoo_builder(full)
        if full == "torch.hub.load" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str) and \
                args[0].split(":")[0] == "pytorch/vision":  # `torch.hub.load("pytorch/vision", "resnet18")`
            builder = _zoo_builder(f"torchvision.models.{args[1]}")
            args = args[2:]
            kwargs = {k: v for k, v in kwargs.items() if k not in ("source", "force_reload", "skip_validation",
                                                                  "trust_repo", "verbose")}
        if full in _CHECKPOINTS and args:
            # activation checkpointing recomputes in the backward pass what the forward computes: the same call
            rest = {k: v for k, v in kwargs.items() if k not in _CHECKPOINT_OPTIONS}
            if full.endswith("checkpoint"):  # `checkpoint(self.block, x, use_reentrant=False)`: self.block(x)
                return self.call_value(args[0], args[1:], rest, node)
            if len(args) == 3 and not rest:  # `checkpoint_sequential(self.blocks, 2, x)`: the blocks in turn
                functions, _, x = args
                for function in (functions if type(functions) in (list, tuple) else [functions]):  # (or a Sequential)
                    x = self.call_value(function, [x], {}, node)
                return x
        if builder is not None:  # `torchvision.models.resnet50(weights="DEFAULT")`: cnncalc's own definition
            if builder not in torchvision_zoo.BUILDERS:
                raise _Unsupported(f"torchvision's `{builder}` (cnncalc defines {len(torchvision_zoo.BUILDERS)} of its "
                                   f"models: docs/notations.md lists them)", node)
            model = self.call_value(self.zoo(node)[f"tv_{builder}"], args, kwargs, node)
            self.zoo_titles[id(model)] = builder
            return model
        if any(_weight_of(a) is not None for a in (*args, *kwargs.values())):
            return self.standardised_call(full, args, kwargs, env, node)
        if full in ("torch.nn.functional.conv2d", "torch.conv2d", "torch.nn.functional.linear") and \
                any(isinstance(a, _Weights) for a in (*args[1:2], kwargs.get("weight"))):
            return self.layer_of_parameters(full.rsplit(".", 1)[-1], args, kwargs, node)
        if full in ("torch.cat", "torch.concat", "torch.concatenate"):
            return self.concatenate(args, kwargs, node)
        if full == "torch.sqrt" and len(args) == 1 and isinstance(args[0], _Statistic) and not kwargs:
            return self.statistic("sqrt", args[0], None, node)
        if full in ("torch.nn.functional.layer_norm", "torch.layer_norm"):
            return self.layer_norm(args, kwargs, node)
        if full == "torch.mean" and args and isinstance(args[0], Tensor):
            return self.spatial_mean(args[0], args[1:], kwargs, node)
        if full in ("torch.flatten",):
            return self.flatten(args[0] if args else kwargs.get("input"), args[1:], kwargs, node)
        if full == "torch.tensor" and len(args) == 1 and isinstance(args[0], list) and len(args[0]) == 1 and \
                isinstance(args[0][0], _SizeGap):
            return args[0][0]  # `torch.tensor([x2.size()[2] - x1.size()[2]])`: the same gap, in a tensor
        if full == "torch.tensor" and len(args) == 1 and type(args[0]) in (int, float) and not kwargs:
            return _Weights(())  # `torch.tensor(1.0)`: a number as a tensor of no axes (a learnt one when a Parameter)
        if full in ("torch.Tensor", "torch.FloatTensor") and len(args) == 1 and isinstance(args[0], (list, tuple)) \
                and not kwargs:  # EDSR's `torch.Tensor(rgb_std)`: float32 whatever the numbers
            try:
                return torch_values.make([float(v) for v in self.plain(args[0], f"{full} of", node)])
            except (TypeError, ValueError, OverflowError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if full.startswith("torch.") and full[6:] in torch_values.FUNCTIONS and (
                full in ("torch.arange", "torch.tensor", "torch.linspace") or
                any(isinstance(a, torch_values.Values) for a in args)):
            if kwargs:
                raise _Unsupported(f"keyword arguments to {full} on constants", node)
            try:  # RegNet's widths: `torch.round(torch.log(widths / w_0) / math.log(w_m))`
                return torch_values.FUNCTIONS[full[6:]](*args)
            except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        short = full[6:] if full.startswith("torch.") else ""
        if short in _JOINS and len(args) == 2:  # a channel mean joined as a map: `torch.maximum(x, x.mean(1, …))`
            args = [self.channel_mean(a, node) if isinstance(a, _Statistic) and a.step == "mean" else a for a in args]
        if short in _JOINS and len(args) == 2 and all(isinstance(a, Tensor) for a in args):
            return self.joined(_JOINS[short], args, node)  # `torch.add(a, b)`, `torch.maximum(a, b)`
        if short in _JOINS and short not in ("max", "min"):  # (those two also reduce one tensor)
            raise _Unsupported(f"{full} with a number", node)
        if full in ("torch.max", "torch.amax") and args and isinstance(args[0], Tensor):
            return self.channel_max(args[0], full[6:], args[1:], kwargs, node)
        if full == "torch.stack":
            return self.stacked(args, kwargs, node)
        if full == "torch.broadcast_tensors" and len(args) >= 2 and all(isinstance(a, Tensor) for a in args):
            return _Broadcast(list(args))
        if short in _STACK_REDUCTIONS and args and isinstance(args[0], _Stacked):
            return self.stack_reduced(args[0], short, args[1:], kwargs, node)  # `torch.mean(torch.stack(...), 0)`
        if full in ("torch.split",):
            return self.split(args[0], args[1:], kwargs, node)
        if full in ("torch.chunk",):
            return self.chunk(args[0], args[1:], kwargs, node)
        if full == "torch.unsqueeze" and len(args) == 2 and isinstance(args[0], _ChannelReduced) and args[1] in (1, -3):
            return args[0].map  # `torch.unsqueeze(torch.mean(x, 1), 1)`
        if full in ("torch.squeeze", "torch.unsqueeze") and args and isinstance(args[0], Tensor):
            return self.squeezed(args[0], full[6:], args[1:], node)
        if full == "torch.transpose" and args and isinstance(args[0], _GroupView):
            return self.group_view(args[0], "transpose", args[1:], node)
        if full in ("torch.transpose", "torch.permute") and args and isinstance(args[0], (Tensor, _ChannelsAlong)) and \
                _swaps_last_two(full[6:], list(args[1:])) and \
                (isinstance(args[0], _ChannelsAlong) or args[0].node in self.half_squeezed):
            return self.along_method(args[0], full[6:], list(args[1:]), kwargs, node) \
                if isinstance(args[0], _ChannelsAlong) else _ChannelsAlong(args[0])
        zeros = self.zero_channels(full, args, kwargs) if full == "torch.zeros" else None
        if zeros is not None:
            return zeros
        if full in ("torch.ones", "torch.zeros", "torch.empty", "torch.rand", "torch.randn", "torch.full"):
            sizes = args[0] if args and _listed(args[0]) else \
                args[:-1] if full == "torch.full" else args
            if not sizes or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= limits.MAX_CHANNELS
                                    for d in sizes):
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` (a learnt tensor's sizes must be whole numbers)",
                                   node)
            return _Weights(tuple(sizes))
        if full == "torch.permute" and len(args) == 2 and isinstance(args[0], (Tensor, _ChannelsLast)) and \
                _listed(args[1]):
            return self.permuted(args[0], list(args[1]), node)
        if full in ("copy.copy", "copy.deepcopy") and len(args) == 1 and not kwargs:
            return self.copied(args[0], full == "copy.deepcopy", node)
        if full == "functools.partial" and args:
            return _Partial(args[0], list(args[1:]), dict(kwargs))
        if full in ("collections.OrderedDict", "OrderedDict", "dict"):
            try:
                return {**dict(args[0]), **kwargs} if args else dict(kwargs)
            except (TypeError, ValueError):
                raise _Unsupported(f"{full} of something other than (name, module) pairs", node) from None
        if full == "collections.namedtuple":
            return self.record_type(args, kwargs, node)
        if full == "re.split":
            parts, cost = _regex_split(args, kwargs, node)
            self.steps += cost
            self.tick(node)
            return parts
        if full == "math.ceil" and len(args) == 1 and isinstance(args[0], _SizeOf) and args[0].dim % 4 in (2, 3):
            divided = self.divided_sizes.get(id(args[0]))  # `math.ceil(ih / s)`: ⌈N/S⌉, on the way to a SAME padding
            owner = divided[1] if divided is not None else self.size_owner(args[0]) if args[0].per == 1 else None
            if owner is not None:
                return _SameSize(self.size_of(owner, args[0].dim), args[0].per, 1, 0, 0)
        if full.startswith("math.") and full[5:] in MATH:
            try:
                return MATH[full[5:]](*[self.plain(a, f"`{full}(...)` of", node) for a in args])
            except (TypeError, ValueError, OverflowError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if name == "max" and len(args) == 2 and not kwargs and any(isinstance(a, _SameSize) for a in args):
            return self.same_pad(args, node)
        if name == "int" and len(args) == 1 and isinstance(args[0], _SizeOf):
            return args[0]  # `int(C / g)` of a size that divides (else PyTorch's view fails, and cnncalc's E033)
        if name == "len" and len(args) == 1 and isinstance(args[0], Tensor) and not kwargs:
            return _SizeOf(0)  # `x.view(len(x), -1)`: a tensor's length is its first size, the batch
        if name == "map" and len(args) == 2 and not kwargs:  # `map(decode, stages)`: each item's result, in order
            return [self.call_value(args[0], [item], {}, node) for item in self.iterate(args[1], node)]
        if name in BUILTINS:
            args = [self.iterate(a, node) if isinstance(a, Sequence) else self.plain(a, f"`{name}(...)` of", node)
                    for a in args]
            self.charge((*args, *kwargs.values()), node)
            try:
                return BUILTINS[name](*args, **kwargs)
            except (TypeError, ValueError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({e})", node) from None
        source = self.imported.get(name, "").rpartition(".")[0] or (self.star_imported[0] if self.star_imported else "")
        if source and not source.startswith(_LIBRARIES):
            raise _Unsupported(f"the call `{name}(...)`: `{name}` is not defined in this file (it comes from "
                               f"`{source}`, which cnncalc does not read with it); put that file's classes in this "
                               f"one, without the import line", node)
        raise _Unsupported(f"the call `{name}(...)`", node)

    def type_of(self, value: Any, node: ast.AST) -> Any:
        """`type(x)`, as a comparison with a type reads it (`type(norm_layer) == functools.partial`, then
        `norm_layer.func == nn.InstanceNorm2d`, as the CycleGAN and pix2pix generators decide their biases): an `nn`
        class, a class of the file, or a _TypeName."""
        if isinstance(value, Layer):
            return LayerClass(value.kind)
        if isinstance(value, Instance):
            return value.cls
        if isinstance(value, _Partial):
            return _TypeName("functools.partial")
        if isinstance(value, (LayerClass, ast.ClassDef)):
            return _TypeName("type")  # `type(nn.BatchNorm2d)`: a class's type
        if type(value) in (*PYTHON_TYPES.values(), type(None)):  # (a record's type is none of them)
            return _TypeName(type(value).__name__)
        raise _Unsupported(f"the type of {_shown(value)}", node)

    def is_instance(self, value: Any, kind: ast.expr, env: dict[str, Any]) -> bool:
        """`isinstance(x, torch.Tensor)` (DenseNet's layers take a tensor or a list), of a builtin type,
        an `nn` class or a class of the file; the reader's own records are no tuples to it."""
        name = self.dotted(kind)
        if name is None or name in env:
            raise _Unsupported(f"isinstance with `{ast.unparse(kind)[:40]}`", kind)
        if self.resolve(name) == "torch.Tensor":
            return isinstance(value, Tensor)
        if self.resolve(name) in ("typing.Sequence", "collections.abc.Sequence"):
            name = "list" if isinstance(value, list) else "tuple"  # MobileNetV3's check of its settings
        if name in PYTHON_TYPES and name not in self.globals:
            return isinstance(value, PYTHON_TYPES[name]) and not isinstance(value, (Layer, Sequence, Tensor, LayerClass,
                                                                                _SizeOf, _Partial))
        layer = self.nn_name(name)
        if layer == "Module":
            return isinstance(value, (Layer, Sequence, Instance))
        if layer is not None:
            return (isinstance(value, Layer) and value.kind == layer) or \
                (isinstance(value, Instance) and self.derives(value.cls, layer))
        if name in self.classes:
            target = self.classes[name]
            return isinstance(value, Instance) and (value.cls is target or any(
                self.dotted(b) == name for b in value.cls.bases))
        raise _Unsupported(f"isinstance with `{name}`", kind)

    def keyword_input(self, module: Layer | Sequence | Instance, kwargs: dict[str, Any],
                      node: ast.AST) -> tuple[Any, dict[str, Any]]:
        """A module called with keywords only (Attention U-Net's `self.Att5(g=d5, x=x4)`): what its forward takes
        first (a layer's and a container's `input`), and the other keywords."""
        forward = self.method_def(module.cls, "forward") if isinstance(module, Instance) else None
        params = (forward.args.posonlyargs + forward.args.args)[1:] if forward is not None else []
        first = params[0].arg if params else "input"
        if first not in kwargs:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a module called without its input `{first}`", node)
        rest = dict(kwargs)
        return rest.pop(first), rest

    def record_type(self, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> _RecordType:
        """`collections.namedtuple("BlockArgs", ["num_repeat", ...])` (or the fields in one string), Python's own."""
        bound = self.bind((("typename", REQUIRED), ("field_names", REQUIRED), ("rename", False), ("defaults", None),
                           ("module", None)), args, kwargs, "collections.namedtuple", node,
                          frozenset({"rename", "defaults", "module"}))
        fields = bound["field_names"]
        fields = fields.replace(",", " ").split() if isinstance(fields, str) else fields
        defaults = bound["defaults"]
        if not isinstance(bound["typename"], str) or not _listed(fields) or len(fields) > limits.MAX_RECORD_FIELDS or \
                not all(isinstance(f, str) for f in fields) or bound["rename"] is not False or \
                not (defaults is None or _listed(defaults)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` (cnncalc makes a namedtuple of a name, up to "
                               f"{limits.MAX_RECORD_FIELDS} field names and their defaults)", node)
        self.steps += 16 + len(fields)  # (Python makes a namedtuple's class from source: some 80 µs, 4 µs a field)
        self.tick(node)
        try:
            made = collections.namedtuple(bound["typename"], list(fields), defaults=defaults)  # type: ignore[misc]
        except (TypeError, ValueError) as e:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        self.records.add(made)
        return _RecordType(made, tuple(fields))

    def call_value(self, value: Any, args: list[Any], kwargs: dict[str, Any], node: ast.Call) -> Any:
        """A call of something held in a variable: a module on a tensor (`for layer in self.layers:
        x = layer(x)`), a class of the file, an `nn` class, a function, a namedtuple's type."""
        if isinstance(value, _RecordType):
            try:
                return value.made(*args, **kwargs)
            except TypeError as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if isinstance(value, (Layer, Sequence, Instance)) and len(args) == 1 and isinstance(args[0], Tensor):
            return self.apply(value, args[0], self.held_as(value), node)
        if isinstance(value, Instance) and args:
            # its forward takes what it is given (DenseNet: a list; U-Net's `up(x, skip)`: two tensors)
            return self.apply(value, args[0], self.held_as(value), node, tuple(args[1:]), kwargs)
        if isinstance(value, (Layer, Sequence, Instance)) and not args and kwargs:
            x, rest = self.keyword_input(value, kwargs, node)  # `att(g=d5, x=x4)`
            return self.apply(value, x, self.held_as(value), node, (), rest)
        owner = value.args[0] if isinstance(value, _Partial) and value.args else None
        if isinstance(value, _Partial) and isinstance(value.func, ast.FunctionDef) and isinstance(owner, Instance) \
                and value.func is self.method_def(owner.cls, value.func.name):
            # a method bound to its module (`fn = self.forward_features; fn(x)`): run as the module's own
            return self.call_method(owner, value.func, [*value.args[1:], *args], {**value.kwargs, **kwargs}, node)
        if isinstance(value, _Partial):
            return self.call_value(value.func, [*value.args, *args], {**value.kwargs, **kwargs}, node)
        if isinstance(value, ast.ClassDef):
            if self.depth > limits.MAX_DEPTH:
                raise _Unsupported("classes that build each other deeper than cnncalc follows", node)
            return self.instantiate(value, args, kwargs, node)
        if isinstance(value, LayerClass):
            return self.construct(value.kind, args, kwargs, node)
        if isinstance(value, ast.FunctionDef):
            kwargs = self.legacy_keywords(value, dict(kwargs), node)
            return self.run_function(value, self.bind_function(value, args, kwargs, node), node)
        if isinstance(value, _Closure):
            env = {**value.env, **self.bind_function(value.definition, args, dict(kwargs), node, value.defaults)}
            if isinstance(value.definition, ast.Lambda):
                return self.run_lambda(value.definition, env, node)
            return self.run_function(value.definition, env, node)
        raise _Unsupported(f"the call `{ast.unparse(node)[:60]}`", node)

    def legacy_keywords(self, func: ast.FunctionDef, kwargs: dict[str, Any], node: ast.AST) -> dict[str, Any]:
        """torchvision's `@handle_legacy_interface(weights=("pretrained", ...))`: the old keyword
        `pretrained=False` is `weights=None`; asking for pretrained weights is no part of the shape."""
        for decorator in func.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            name = self.dotted(decorator.func)
            if name is None or self.resolve(name).split(".")[-1] != "handle_legacy_interface":
                continue
            for keyword in decorator.keywords:
                old = keyword.value.elts[0] if isinstance(keyword.value, ast.Tuple) and keyword.value.elts else None
                if keyword.arg is None or not isinstance(old, ast.Constant) or old.value not in kwargs:
                    continue
                if kwargs.pop(old.value):
                    raise _Unsupported(f"pretrained weights (`{old.value}=True`); the network is the same with "
                                       f"`{old.value}=False`", node)
                kwargs.setdefault(keyword.arg, None)
        return kwargs

    def arguments(self, node: ast.Call, env: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
        args: list[Any] = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                args += self.iterate(self.eval(a.value, env), a)
            else:
                args.append(self.eval(a, env))
        kwargs: dict[str, Any] = {}
        for k in node.keywords:
            if k.arg is None:
                value = self.eval(k.value, env)
                if not isinstance(value, dict):
                    raise _Unsupported("`**` of something other than a dict", k)
                kwargs.update(value)
            else:
                kwargs[k.arg] = self.eval(k.value, env)
        return args, kwargs

    def bind(self, signature: tuple[tuple[str, Any], ...], args: list[Any], kwargs: dict[str, Any], what: str,
             node: ast.AST, keyword_only: frozenset[str] = frozenset()) -> dict[str, Any]:
        """Positional and keyword arguments to PyTorch's parameter names, with its defaults."""
        names = [n for n, _ in signature if n not in keyword_only]
        if len(args) > len(names):
            raise _Unsupported(f"{what} with {len(args)} positional arguments (PyTorch takes {len(names)})", node)
        bound = dict(signature)
        bound.update(zip(names, args))
        for key, value in kwargs.items():
            if key not in bound:
                raise _Unsupported(f"{what}({key}=...) (not an argument cnncalc knows of {what})", node)
            bound[key] = value
        missing = [n for n, default in signature if default is REQUIRED and bound[n] is REQUIRED]
        if missing:
            raise _Unsupported(f"{what} without {missing[0]}", node)
        return bound

    def construct(self, kind: str, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Any:
        if kind in CONTAINERS:
            if len(args) == 1 and isinstance(args[0], dict):
                return Sequence([(str(k), v) for k, v in args[0].items()], node)
            if kind == "ModuleList" and len(args) == 1 and _listed(args[0]):
                args = list(args[0])
            if kind in ("ModuleList", "ModuleDict") and not args:
                return Sequence([], node)
            written = node.args if isinstance(node, ast.Call) and len(node.args) == len(args) else []
            return Sequence([(self.labels.get((a.lineno, a.col_offset), str(i)) if written else str(i), v)
                             for i, (a, v) in enumerate(zip(written or args, args))], node)
        fixed: dict[str, Any] = {}
        what = kind
        if kind in ALIASES:
            kind, fixed = ALIASES[kind]
        if kind not in SIGNATURES:
            raise _Unsupported(f"nn.{kind} (docs/notations.md lists the layers cnncalc reads)", node)
        signature = tuple(p for p in SIGNATURES[kind] if p[0] not in fixed)
        layer = Layer(kind, {**self.bind(signature, args, kwargs, what, node, KEYWORD_ONLY.get(kind, frozenset())),
                             **fixed}, node)
        if kind == "Conv1d":
            channels_along_text(layer)  # (only across a map's pooled channels: there, what it cannot be is said here)
        elif kind != "MaxUnpool2d" and not (kind == "CenterCrop" and self.size_source(layer.args["size"]) is not None):
            spec_text(layer)  # report what cannot be written where the layer is built (a crop to a map's size: fit)
        return layer

    def instantiate(self, cls: ast.ClassDef, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Instance:
        instance = Instance(cls, node)
        init = self.init_of(cls)
        instance.attrs.update(self.class_attributes(cls))
        if init is not None:
            self.build(instance, init, args, kwargs, node)
        elif (kind := self.layer_base(cls)) is not None:  # `class StdConv2d(nn.Conv2d)` with only a forward
            instance.layer = self.construct(kind, args, kwargs, node)
        return instance

    def class_attributes(self, cls: ast.ClassDef, depth: int = 0) -> dict[str, Any]:
        """Values the class body assigns (`expansion = 4`), those cnncalc can evaluate, over those of
        the file bases it inherits."""
        base = self.file_base(cls)
        attrs = self.class_attributes(base, depth + 1) if base is not None and depth < limits.MAX_DEPTH else {}
        for stmt in cls.body:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else \
                [stmt.target] if isinstance(stmt, ast.AnnAssign) and stmt.value is not None else []
            if targets and all(isinstance(t, ast.Name) for t in targets):
                assert isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None
                try:
                    value = self.eval(stmt.value, self.globals)
                except _TooLong:
                    raise
                except _Unsupported:
                    continue
                attrs.update((t.id, value) for t in targets if isinstance(t, ast.Name))  # `expansion: int = 4`
        return attrs

    def has_attribute(self, owner: Instance, name: str) -> bool:
        """Python's `hasattr` on a module of the file: what its `__init__` assigned, what its class (or a file base)
        defines or assigns, and nn.Module's own `training` and `forward`."""
        if name in owner.attrs or name in ("training", "forward") or self.method_def(owner.cls, name) is not None:
            return True
        cls: ast.ClassDef | None = owner.cls
        for _ in range(limits.MAX_DEPTH):
            if cls is None:
                break
            for stmt in cls.body:  # a class attribute, evaluated or not (`expansion = 4`)
                targets = stmt.targets if isinstance(stmt, ast.Assign) else \
                    [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    return True
            cls = self.file_base(cls)
        return False

    def method_def(self, cls: ast.ClassDef, name: str) -> ast.FunctionDef | None:
        for stmt in reversed(cls.body):  # the last definition wins (DenseNet's `@_overload_method` stubs)
            if isinstance(stmt, ast.FunctionDef) and stmt.name == name:
                return stmt
        for base in cls.bases:  # a helper class deriving from another class of the file
            base_name = self.dotted(base)
            if base_name in self.classes:
                return self.method_def(self.classes[base_name], name)
        return None

    def closure(self, definition: ast.FunctionDef | ast.Lambda, env: dict[str, Any]) -> _Closure:
        """A lambda or a nested function, its defaults computed now, as Python computes them."""
        params = definition.args.posonlyargs + definition.args.args
        pairs = [*zip(params[len(params) - len(definition.args.defaults):], definition.args.defaults),
                 *zip(definition.args.kwonlyargs, definition.args.kw_defaults)]
        return _Closure(definition, env, {p.arg: self.eval(d, env) for p, d in pairs if d is not None})

    def bind_function(self, func: ast.FunctionDef | ast.Lambda, args: list[Any], kwargs: dict[str, Any],
                      node: ast.AST, computed: dict[str, Any] | None = None) -> dict[str, Any]:
        """The environment a call binds: its arguments, and the defaults of those not given (`computed` when they
        were computed where a closure was made, else from the file's globals)."""
        name = func.name if isinstance(func, ast.FunctionDef) else "a lambda"
        params = func.args.posonlyargs + func.args.args
        defaults = [None] * (len(params) - len(func.args.defaults)) + list(func.args.defaults)
        env: dict[str, Any] = {}
        if len(args) > len(params) and func.args.vararg is None:
            raise _Unsupported(f"{name} called with {len(args) - 1} arguments", node)
        for i, param in enumerate(params):
            if i < len(args):
                env[param.arg] = args[i]
            elif param.arg in kwargs:
                env[param.arg] = kwargs.pop(param.arg)
            elif computed is not None and param.arg in computed:
                env[param.arg] = computed[param.arg]
            elif defaults[i] is not None:
                env[param.arg] = self.eval(defaults[i], self.globals)  # type: ignore[arg-type]
            else:
                raise _Unsupported(f"`{param.arg}` of {name} is not given (build the model at the end of the "
                                   f"file, e.g. `model = Net(...)`)", node)
        if func.args.vararg is not None:
            env[func.args.vararg.arg] = tuple(args[len(params):])
        for param, default in zip(func.args.kwonlyargs, func.args.kw_defaults):
            if param.arg in kwargs:
                env[param.arg] = kwargs.pop(param.arg)
            elif computed is not None and param.arg in computed:
                env[param.arg] = computed[param.arg]
            elif default is not None:
                env[param.arg] = self.eval(default, self.globals)
            else:
                raise _Unsupported(f"`{param.arg}` of {name} is not given", node)
        if func.args.kwarg is not None:
            env[func.args.kwarg.arg] = dict(kwargs)
        elif kwargs:
            raise _Unsupported(f"{name}({next(iter(kwargs))}=...) (no such parameter)", node)
        return env

    # ---- statements ----------------------------------------------------------------------------------

    def run(self, body: list[ast.stmt], env: dict[str, Any]) -> None:
        for stmt in body:
            self.statement(stmt, env)

    def statement(self, stmt: ast.stmt, env: dict[str, Any]) -> None:
        self.tick(stmt)
        if isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Constant):
                return  # a docstring
            value = self.eval(stmt.value, env)
            call = stmt.value
            if isinstance(value, Tensor) and isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and \
                    call.func.attr.endswith("_") and isinstance(call.func.value, ast.Name) and \
                    isinstance(env.get(call.func.value.id), Tensor):
                env[call.func.value.id] = value  # `out.add_(identity)`: the tensor now holds the result
        elif isinstance(stmt, (ast.Assign, ast.AugAssign)) and self.initialises(stmt, env):
            return  # `self.weight.data = torch.eye(3).view(3, 3, 1, 1)`: values, not the shape (not evaluated)
        elif isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, env)
            for target in stmt.targets:
                self.assign(target, value, env)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value, env), env)
        elif isinstance(stmt, ast.AugAssign):
            load: ast.expr
            if isinstance(stmt.target, ast.Name):
                load = ast.Name(stmt.target.id, ast.Load())
            elif isinstance(stmt.target, ast.Attribute):
                load = ast.Attribute(stmt.target.value, stmt.target.attr, ast.Load())
            elif isinstance(stmt.target, ast.Subscript) and not isinstance(self.eval(stmt.target.value, env), Tensor):
                load = ast.Subscript(stmt.target.value, stmt.target.slice, ast.Load())  # `split[0] += c - sum(split)`
            elif isinstance(stmt.target, ast.Subscript):
                raise _Unsupported(f"changing part of a tensor in place, `{ast.unparse(stmt)[:60]}` (cnncalc follows "
                                   f"operations on whole tensors, `out = out + x`, and channel slices read, "
                                   f"`out[:, a:b]`)", stmt)
            else:
                raise _Unsupported("this augmented assignment", stmt)
            combined = ast.BinOp(load, stmt.op, stmt.value)
            ast.copy_location(combined, stmt)
            ast.copy_location(load, stmt.target)
            self.assign(stmt.target, self.eval(combined, env), env)
        elif isinstance(stmt, ast.If):
            test = self.eval(stmt.test, env)
            if test is TRAINING and isinstance(stmt.test, ast.Attribute):  # `if self.training:` itself
                was, first = self.training, len(self.graph.nodes)
                self.training = True
                try:
                    self.run(stmt.body, env)
                finally:
                    self.training = was
                # what this block computes is training-only: a head it ends (GoogLeNet's `aux1 = ...`,
                # never returned in eval mode) is a `side train`
                self.train_heads.update(range(first, len(self.graph.nodes)))
                self.run(stmt.orelse, env) if stmt.orelse else None
            else:
                self.run(stmt.body if self.truth(test, stmt.test) else stmt.orelse, env)
        elif isinstance(stmt, (ast.For, ast.Assign)) and self.freezing(stmt, env):
            return
        elif isinstance(stmt, ast.For):
            for item in self.iterate(self.eval(stmt.iter, env), stmt.iter):
                self.assign(stmt.target, item, env)
                if not self.loop_pass(stmt.body, env):
                    break
            else:
                self.run(stmt.orelse, env)
        elif isinstance(stmt, ast.While):
            while self.truth(self.eval(stmt.test, env), stmt.test):  # bounded by the step budget
                if not self.loop_pass(stmt.body, env):
                    break
            else:
                self.run(stmt.orelse, env)
        elif isinstance(stmt, ast.Continue):
            raise _Continue
        elif isinstance(stmt, ast.Break):
            raise _Break
        elif isinstance(stmt, ast.Return):
            raise _Return(None if stmt.value is None else self.eval(stmt.value, env))
        elif isinstance(stmt, (ast.Pass, ast.Assert, ast.Import, ast.ImportFrom)):
            return
        elif isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list:
            env[stmt.name] = self.closure(stmt, env)  # a function defined in a function's body
        elif isinstance(stmt, ast.Raise):
            raise _Refused(f"the model's own code raises {self.raised(stmt, env)}", stmt)
        else:
            raise _Unsupported(f"the statement `{ast.unparse(stmt).splitlines()[0][:60]}`", stmt)

    def raised(self, stmt: ast.Raise, env: dict[str, Any]) -> str:
        """`ValueError: BasicBlock only supports groups=1` when its message can be read, else the code."""
        exc = stmt.exc
        if isinstance(exc, ast.Call) and len(exc.args) == 1 and isinstance(exc.args[0], (ast.Constant, ast.JoinedStr)):
            try:
                message = self.eval(exc.args[0], env)
            except _TooLong:
                raise
            except _Unsupported:
                message = None
            if isinstance(message, str):
                return f"{ast.unparse(exc.func)[:30]}: {message[:100]}"
        return f"`{ast.unparse(stmt)[:60]}`"

    def initialises(self, stmt: ast.Assign | ast.AugAssign, env: dict[str, Any]) -> bool:
        """Whether the statement only sets a learnt tensor's values (`m.weight.data = ...`, `self.bias.data *= 0.1`):
        its shape stays the layer's."""
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        return all(isinstance(t, ast.Attribute) and t.attr == "data" and
                   isinstance(self.eval(t.value, env), _Parameter) for t in targets)

    def loop_pass(self, body: list[ast.stmt], env: dict[str, Any]) -> bool:
        """One pass of a loop's body; False when it `break`s (a `continue` ends the pass)."""
        try:
            self.run(body, env)
        except _Continue:
            pass
        except _Break:
            return False
        return True

    def assign(self, target: ast.expr, value: Any, env: dict[str, Any]) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and \
                isinstance(env.get(target.value.id), Instance):
            env[target.value.id].attrs[target.attr] = value
        elif isinstance(target, ast.Attribute) and isinstance(owner := self.eval(target.value, env), _Parameter) and \
                target.attr == "requires_grad":
            if not isinstance(value, bool):
                raise _Unsupported(f"`requires_grad = {_shown(value)}`", target)
            self.requires_grad[(id(owner.layer), owner.blob)] = value  # `p.requires_grad = False`
        elif isinstance(target, ast.Attribute) and isinstance(owner, _Weights) and owner.learnt and \
                target.attr == "requires_grad":
            if not isinstance(value, bool):
                raise _Unsupported(f"`requires_grad = {_shown(value)}`", target)
            self.requires_grad[(id(owner.viewed or owner), "weight")] = value  # a module's own `self.weight`
        elif isinstance(target, ast.Attribute) and isinstance(owner, (Instance, _AutogradContext)):
            owner.attrs[target.attr] = value  # `self.block.scale = 2`, `ctx.alpha = alpha`
        elif isinstance(target, ast.Attribute) and isinstance(owner, Layer) and \
                target.attr not in {name for name, _ in SIGNATURES.get(owner.kind, ())} | _LAYER_STATE:
            pass  # a note kept on a layer (Inception's `self.fc.stddev = 0.001`): no part of the shape
        elif isinstance(target, (ast.Tuple, ast.List)):
            # `batchsize, num_channels, height, width = x.size()`: each a size known when the network runs
            values = [self.size_of(value.of, i) for i in range(len(target.elts))] if isinstance(value, _ShapeOf) else \
                self.unpacked(value, len(target.elts), target) if isinstance(value, _Chunks) else \
                self.iterate(value, target)
            if len(values) != len(target.elts):
                raise _Unsupported(f"unpacking {len(values)} values into {len(target.elts)}", target)
            self.graph.optional.difference_update(v.node for v in values if isinstance(v, Tensor))  # each named
            for t, v in zip(target.elts, values):
                self.assign(t, v, env)
        elif isinstance(target, ast.Subscript) and (
                isinstance(container := self.eval(target.value, env), Sequence) or
                (isinstance(container, Instance) and container.sequential)):
            # `model.classifier[6] = nn.Linear(4096, 10)`; `model.features[0][0] = ...` in an nn.Sequential subclass
            items = container.items if isinstance(container, Sequence) else container.sequential or []
            index = self.eval(target.slice, env)
            try:
                name, _ = items[index]
                items[index] = (name, value)
            except (TypeError, IndexError):
                raise _Unsupported(f"assigning to `{ast.unparse(target)[:60]}`", target) from None
        elif isinstance(target, ast.Subscript) and isinstance(container, list):
            index = self.eval(target.slice, env)  # `rep[0] = nn.ReLU(inplace=False)` in a list of layers being built
            if not isinstance(index, int) or isinstance(index, bool):
                raise _Unsupported(f"an index that is not a number: `{ast.unparse(target)[:60]}`", target)
            if not -len(container) <= index < len(container):
                raise _Refused(f"the model's own code raises IndexError: `{ast.unparse(target)[:60]}` is past the end "
                               f"of a list of {len(container)}", target)
            container[index] = value
        elif isinstance(target, ast.Subscript) and isinstance(container, dict):
            key = self.eval(target.slice, env)
            if not isinstance(key, (str, int)):
                raise _Unsupported(f"a key that is not a name or a number: `{ast.unparse(target)[:60]}`", target)
            container[key] = value  # `kwargs["groups"] = 32` before `**kwargs` passes it on
        else:
            raise _Unsupported(f"assigning to `{ast.unparse(target)[:60]}`", target)

    def method(self, func: ast.Attribute, node: ast.Call, env: dict[str, Any]) -> Any:
        """`layers.append(m)`, `self.add_module(name, m)`, `x.view(...)`, `x.flatten(1)`, `self.block(x)`."""
        owner = self.eval(func.value, env)
        attr = func.attr
        if isinstance(owner, _AutogradContext) and attr in _CONTEXT_METHODS:
            return None  # `ctx.save_for_backward(i)`: kept for the backward pass
        if type(owner) in self.records and attr == "_replace" and not node.args:
            _, changes = self.arguments(node, env)
            try:
                return owner._replace(**changes)  # `block_args._replace(num_repeat=...)`
            except (TypeError, ValueError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if isinstance(owner, _Parameter) and attr == "requires_grad_":
            flag = self.eval(node.args[0], env) if node.args else True  # `self.fc.bias.requires_grad_(False)`
            if not isinstance(flag, bool):
                raise _Unsupported(f"`requires_grad_({ast.unparse(node.args[0])[:40]})`", node)
            self.requires_grad[(id(owner.layer), owner.blob)] = flag
            return owner
        if isinstance(owner, _Parameter) and attr in _INITIALISERS:
            return owner  # `self.fc.weight.data.normal_(0, 0.01)`: values, not the shape (its arguments not read)
        if isinstance(owner, (Layer, Sequence, Instance)) and attr == "requires_grad_":
            flag = self.eval(node.args[0], env) if node.args else True  # `backbone.requires_grad_(False)`
            if not isinstance(flag, bool):
                raise _Unsupported(f"`requires_grad_({ast.unparse(node.args[0])[:40]})`", node)
            self.freeze(owner, not flag)
            return owner
        if isinstance(owner, (Layer, Sequence, Instance)) and attr in torch_inputs.PLACEMENT:
            return owner  # `Net().to(device)`: its arguments (a device, a dtype) are no part of the shape
        if self.listing and isinstance(owner, (Layer, Sequence, Instance)) and not node.args and not node.keywords \
                and attr in ("parameters", "named_parameters", "children", "named_children"):
            return self.listed(owner, attr)  # in a loop that sets `requires_grad`: what PyTorch lists
        if isinstance(owner, (Sequence, Instance)) and not node.args and not node.keywords \
                and attr in ("children", "named_children"):
            # `for m in self.children(): x = m(x)` in a forward: the modules run; `nn.Sequential(*list(
            # resnet.children())[:-2])`: a backbone of a model's parts (empty, it read as nothing at all)
            return self.listed(owner, attr)
        args, kwargs = self.arguments(node, env)
        shape = _weight_shape(owner) if attr == "size" and not kwargs and len(args) <= 1 else None
        if shape is not None:  # `kh, kw = self.weight.size()[-2:]` (EfficientNet-PyTorch's and timm's same padding)
            if not args:
                return shape
            if type(args[0]) is int and -len(shape) <= args[0] < len(shape):
                return shape[args[0]]
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a size of a weight with {len(shape)} dimensions", node)
        if _weight_of(owner) is not None:  # `w.mean(dim=[1, 2, 3], keepdim=True)` of a convolution's own weight
            if attr not in _STANDARDISING:
                raise _Unsupported(f"`.{attr}(...)` of a convolution's weight (cnncalc follows the weight standardised "
                                   f"from itself, as BiT's StdConv2d does, to apply it with F.conv2d)", node)
            return self.standardised(node, [owner, *args], kwargs)
        if isinstance(owner, list) and attr in ("append", "extend", "insert"):
            if len(args) != (2 if attr == "insert" else 1) or kwargs:
                given = "keyword arguments" if kwargs else f"{len(args)} argument{'s' * (len(args) != 1)}"
                raise _Unsupported(f"`{attr}` with {given}", node)
            if self.training and attr == "append" and isinstance(args[0], Tensor):
                self.train_heads.add(args[0].node)  # `outputs.append(aux)` under `if self.training:`
            if attr == "append":
                owner.append(args[0])
            elif attr == "extend":
                owner.extend(self.iterate(args[0], node))
            else:
                owner.insert(args[0], args[1])
            if len(owner) > limits.MAX_NODES:
                raise _Unsupported("a list too long to follow", node)
            return None
        if isinstance(owner, Sequence) and attr in ("append", "add_module", "extend"):
            if attr == "append":
                owner.items.append((str(len(owner.items)), args[0]))
            elif attr == "extend":
                owner.items.extend((str(len(owner.items) + i), m) for i, m in enumerate(self.iterate(args[0], node)))
            else:
                owner.items.append((str(args[0]), args[1]))
            return None
        if isinstance(owner, Instance):
            if attr == "register_buffer" and len(args) == 2 and isinstance(args[0], str) and \
                    set(kwargs) <= {"persistent"}:
                owner.attrs[args[0]] = args[1]  # `self.register_buffer("mean", ...)`: constants, no parameters
                return None
            if attr in ("add_module", "register_module", "__setattr__") and len(args) == 2 and not kwargs and \
                    isinstance(args[0], str):  # (kuangliu's DLA: `self.__setattr__('level_%d' % i, subtree)`)
                owner.attrs[args[0]] = args[1]
                return None
            if attr in ("__getattr__", "get_submodule") and len(args) == 1 and not kwargs and \
                    isinstance(args[0], str) and args[0] in owner.attrs:
                return owner.attrs[args[0]]  # `self.__getattr__('level_%d' % i)`, as `getattr(self, ...)`
            if attr in ("items", "values", "keys") and not args and attr not in owner.attrs and \
                    self.derives(owner.cls, "ModuleDict"):  # torchvision's `_DenseBlock(nn.ModuleDict)`
                modules = _held_modules(owner)
                return modules if attr == "items" else [k if attr == "keys" else v for k, v in modules]
            if attr in ("modules", "named_modules", "children", "named_children", "parameters",
                        "named_parameters") and attr not in owner.attrs:
                return []  # the loops over them in `__init__` initialise weights: no part of the shape
            if attr in owner.attrs and not isinstance(owner.attrs[attr], (Layer, Sequence, Instance)):
                return self.call_value(owner.attrs[attr], args, kwargs, node)  # `cnf.block(cnf, p, norm)`
            if attr in owner.attrs and not args and kwargs and isinstance(owner.attrs[attr], (Layer, Sequence,
                                                                                          Instance)):
                x, rest = self.keyword_input(owner.attrs[attr], kwargs, node)  # `self.att(g=d5, x=x4)`
                return self.apply(owner.attrs[attr], x, attr, node, (), rest)
            if attr in owner.attrs:
                return self.apply(owner.attrs[attr], args[0], attr, node, tuple(args[1:]), kwargs) if args else \
                    owner.attrs[attr]
            own = self.method_def(owner.cls, attr)
            if own is not None:
                return self.call_method(owner, own, args, kwargs, node)
            if attr == "save_hyperparameters" and self.derives(owner.cls, D2L):
                # the d2l book's: the calling function's arguments (but `ignore`) become attributes
                ignored = kwargs.get("ignore", args[0] if args else [])
                owner.attrs.update(_arguments_of(env, [], ignored))
                return None
            if attr == "save_hyperparameters" and self.derives(owner.cls, LIGHTNING):
                # Lightning's: the named arguments (all by default, but `ignore`), in `self.hparams`
                owner.attrs["hparams"] = _Hparams(_arguments_of(env, args, kwargs.get("ignore") or []))
                return None
            if attr == "layer_summary" and self.derives(owner.cls, D2L) and len(args) == 1 and not kwargs:
                self.summarised = self.summary_input(args[0], node)  # the book's way of giving the input's size
                return None
            raise _Unsupported(f"`self.{attr}(...)`", node)
        if isinstance(owner, Tensor) and attr in ("transpose", "permute") and owner.node in self.half_squeezed and \
                _swaps_last_two(attr, args) and not kwargs:
            return _ChannelsAlong(owner)  # ECA's `y.squeeze(-1).transpose(-1, -2)`: (N, C, 1) as (N, 1, C)
        if isinstance(owner, (Tensor, _ChannelsLast)) and attr == "permute":
            return self.permuted(owner, list(args[0]) if len(args) == 1 and _listed(args[0])
                                 else args, node)
        if isinstance(owner, _ChannelsLast) and attr in ("contiguous", "clone", "detach", "float"):
            return owner
        if isinstance(owner, _ChannelsAlong):
            return self.along_method(owner, attr, args, kwargs, node)
        if isinstance(owner, Tensor):
            return self.tensor_method(owner, attr, args, kwargs, node)
        if isinstance(owner, _HalfMean) and attr == "mean" and len(args) + len(kwargs) == 1 and \
                (args or [kwargs.get("dim")])[0] in (2, -1):
            # `x.mean(3).mean(2)`, `x.mean(-1).mean(-1)`: the map's other axis, the last of the (N, C, H or W) left
            pooled = self.add_layer("globalavgpool", node, owner.map, "mean")
            return self.add_layer("flatten", node, pooled, "flatten")
        if isinstance(owner, _PositionsFlat) and attr == "mean" and len(args) + len(kwargs) == 1 and \
                (args or [kwargs.get("dim")])[0] in (2, -1):
            # `x.view(b, c, -1).mean(-1)`: each channel's mean over its positions, a global average pool's vector
            pooled = self.add_layer("globalavgpool", node, owner.map, "mean")
            return self.add_layer("flatten", node, pooled, "flatten")
        if isinstance(owner, _ChannelReduced) and attr == "unsqueeze" and \
                (args or [kwargs.get("dim")])[0] in (1, -3) and len(args) + len(kwargs) == 1:
            return owner.map  # `torch.max(x, 1)[0].unsqueeze(1)`: the HxWx1 map
        if isinstance(owner, _Statistic):  # `(x - u).pow(2).mean(1, keepdim=True)`, `(s + eps).sqrt()`
            if attr == "mean" and (args[:1] or [kwargs.get("dim")])[0] in (1, -3, [1], (1,)) and \
                    (args[1] if len(args) > 1 else kwargs.get("keepdim")) is True:
                return self.statistic("mean", owner, None, node)
            if attr in ("pow", "sqrt") and len(args) == (attr == "pow") and not kwargs:
                return self.statistic(attr, owner, args[0] if args else None, node)
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a mean over the channels, used other than in a layer "
                               f"norm written out (cnncalc follows ConvNeXt's: `.mean(1, keepdim=True)`, `.pow(2)`, "
                               f"`torch.sqrt`)", node)
        if isinstance(owner, ast.ClassDef):  # `cls._adjust_widths(...)` in a classmethod, `block.make(...)`
            return self.call_value(self.eval(func, env), args, kwargs, node)
        if isinstance(owner, torch_values.Values) and attr in ("view", "reshape") and not kwargs:
            sizes = list(args[0]) if len(args) == 1 and _listed(args[0]) else list(args)
            known = [d for d in sizes if d != -1]
            count = len(owner.items)
            if not all(type(d) is int and d >= 1 for d in known) or len(known) < len(sizes) - 1 or \
                    (len(known) == len(sizes) and math.prod(known) != count) or count % max(math.prod(known), 1):
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`: {count} constants viewed as {sizes}", node)
            # `torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)`: a buffer of constants, its shape what counts
            return _Weights(tuple(d if d != -1 else count // math.prod(known) for d in sizes))
        if isinstance(owner, torch_values.Values) and attr in torch_values.METHODS and not args and not kwargs:
            try:
                return torch_values.METHODS[attr](owner)  # `(...).int().tolist()`
            except (ValueError, OverflowError) as e:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if isinstance(owner, _Weights) and len(owner.shape) == 1 and attr in ("view", "reshape") and not kwargs and \
                (list(args[0]) if len(args) == 1 and _listed(args[0]) else list(args)) in \
                ([1, -1, 1, 1], [-1, 1, 1], [1, owner.shape[0], 1, 1], [owner.shape[0], 1, 1]):
            # `self.gamma.view(1, -1, 1, 1)` (timm's LayerScale2d): the learnt tensor per channel, as `[:, None, None]`
            return _Weights((owner.shape[0], 1, 1), owner.learnt, owner.viewed or owner)
        if isinstance(owner, _GroupView):
            return self.group_view(owner, attr, args, node)
        if isinstance(owner, _Stacked) and attr in _STACK_REDUCTIONS:
            return self.stack_reduced(owner, attr, args, kwargs, node)  # `torch.stack([a, b]).mean(0)`
        if isinstance(owner, dict) and attr in ("items", "values", "keys"):
            return list(getattr(owner, attr)())
        if isinstance(owner, (str, dict, list)) and \
                attr in next(names for kind, names in _VALUE_METHODS.items() if isinstance(owner, kind)):
            return self.value_method(owner, attr, args, kwargs, node)
        if isinstance(owner, Sequence) and attr in ("items", "values", "keys", "children") and not args:
            if attr == "items":
                return list(owner.items)
            return [name for name, _ in owner.items] if attr == "keys" else [m for _, m in owner.items]
        if isinstance(owner, (Layer, Sequence)) and not attr.startswith("_"):
            raise _Unsupported(f"`.{attr}(...)` on a module", node)
        raise _Unsupported(f"the call `{ast.unparse(node)[:60]}`", node)

    def value_method(self, owner: str | dict[Any, Any] | list[Any], attr: str, args: list[Any],
                     kwargs: dict[str, Any], node: ast.Call) -> Any:
        """`arch.startswith("efficientnet_b")`, `kwargs.pop("dropout", 0.2)`: Python's own methods of plain
        values; a string they make is bounded as a list is."""
        if isinstance(owner, str):
            for value in (*args, *kwargs.values()):
                self.plain(value, f"`.{attr}(...)` of", node)
            if _grown_length(owner, attr, args) > limits.MAX_NODES:
                raise _Unsupported("a string too long to follow", node)
        self.charge((owner, *args, *kwargs.values()), node)
        try:
            result = getattr(owner, attr)(*args, **kwargs)
        except (TypeError, ValueError, KeyError, IndexError) as e:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` ({why(e)})", node) from None
        if isinstance(result, (str, list)) and len(result) > limits.MAX_NODES:
            raise _Unsupported("a value too long to follow", node)
        return result

    def copied(self, value: Any, deep: bool, node: ast.AST, depth: int = 0) -> Any:
        """`copy.copy(cnf)` (EfficientNet's per-block settings), `copy.deepcopy(layer)` (each copy a module
        of its own). A shallow copy of a module shares its weights in PyTorch: it stays the same module."""
        if depth > limits.MAX_DEPTH:
            raise _Unsupported("a copy nested deeper than cnncalc follows", node)
        if isinstance(value, Instance) and (deep or not self.derives(value.cls, "Module")):
            copy = Instance(value.cls, value.node)
            copy.attrs = {k: self.copied(v, deep, node, depth + 1) if deep else v for k, v in value.attrs.items()}
            copy.sequential = None if value.sequential is None else \
                [(k, self.copied(m, deep, node, depth + 1) if deep else m) for k, m in value.sequential]
            return copy
        if not deep:
            return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
        if isinstance(value, Layer):
            return Layer(value.kind, dict(value.args), value.node)
        if isinstance(value, Sequence):
            return Sequence([(k, self.copied(m, deep, node, depth + 1)) for k, m in value.items], value.node)
        if isinstance(value, _Weights):
            return _Weights(value.shape, value.learnt)  # a learnt tensor of its own
        if isinstance(value, (Tensor, _ChannelsLast, _ChannelsAlong, _GroupView, _SizeOf)):
            raise _Unsupported("a copy of a tensor or its size", node)
        if type(value) in (list, tuple):
            return type(value)(self.copied(v, deep, node, depth + 1) for v in value)
        if isinstance(value, dict):
            return {k: self.copied(v, deep, node, depth + 1) for k, v in value.items()}
        return value

    def call_method(self, owner: Instance, func: ast.FunctionDef, args: list[Any], kwargs: dict[str, Any],
                    node: ast.AST) -> Any:
        decorators = _decorators(func)
        first = [] if "staticmethod" in decorators else [owner.cls] if "classmethod" in decorators else [owner]
        self.owners.append(owner)
        try:
            return self.run_function(func, self.bind_function(func, [*first, *args], dict(kwargs), node), node)
        finally:
            self.owners.pop()

    def run_lambda(self, func: ast.Lambda, env: dict[str, Any], node: ast.AST) -> Any:
        """A lambda's expression with its arguments bound, as deep in calls as a function's body."""
        self.depth += 1
        try:
            if self.depth > limits.MAX_DEPTH:
                raise _Unsupported("calls nested deeper than cnncalc follows", node)
            return self.eval(func.body, env)
        finally:
            self.depth -= 1

    def run_function(self, func: ast.FunctionDef, env: dict[str, Any], node: ast.AST) -> Any:
        """A function's body with its arguments bound: what it returns (None without a `return`)."""
        self.depth += 1
        self.running.append(func)
        try:
            if self.depth > limits.MAX_DEPTH:
                raise _Unsupported("calls nested deeper than cnncalc follows", node)
            self.run(func.body, env)
        except _Return as r:
            return r.value
        finally:
            self.depth -= 1
            self.running.pop()
        return None

    # ---- tensors -------------------------------------------------------------------------------------

    def held_as(self, module: Layer | Sequence | Instance) -> str:
        """The name of a module called through a variable (`getattr(self, name)(x)`, `for conv in self.convs:`): the
        attribute of the module whose forward runs that holds it, or its index in a list held there (`convs.1`),
        as PyTorch names it; "" when it is held elsewhere (the layer is then named by its kind)."""
        owner = self.owners[-1] if self.owners else None
        if owner is None:
            return ""
        for key, held in owner.attrs.items():
            if held is module:
                return key
            if isinstance(held, Sequence):
                for child, item in held.items:
                    if item is module:
                        return f"{key}.{child}"
        return ""

    def name_of(self, kind: str) -> str:
        """A merge's name: its kind under the module whose forward makes it (the graph numbers repeats)."""
        return self.prefix + kind

    def add_layer(self, text: str, node: ast.AST, x: Tensor, name: str, rounding_by: str = "",
                  shares: int | None = None, to: int | None = None) -> Tensor:
        """A layer on `x`; `shares`: the graph node of the module's first application, whose weights it uses; `to`,
        the graph node whose height and width its output takes."""
        if not isinstance(x, Tensor):
            raise _Unsupported(f"a layer applied to {_shown(x)}, not to a tensor", node)
        if " ; " in text:  # a convolution's own padding by reflection: `reflectpad 1 ; conv 16 3x3` (`spec_text`)
            padding, _, rest = text.partition(" ; ")
            padded = self.add_layer(padding, node, x, f"{name}_pad")
            return self.add_layer(rest, node, padded, name, rounding_by, shares)
        stated = bool(self.running) and self.running[-1].name in self.zoo_definitions
        span = self.offsets.span(node)
        try:  # a layer of torchvision's models as cnncalc defines them rounds as torchvision means it to
            layer = spec_layer(text, span, ZOO_ROUNDING if stated else rounding_by, stated)
        except NotReadable as e:
            raise _Unsupported(e.message, node) from None
        if shares is not None:
            layer = layer._replace(shares=ir.Ref(self.graph.nodes[shares].name, span))
        return Tensor(self.graph.layer(self.prefix + name, layer, x.node, span, to))

    def apply(self, module: Any, x: Any, name: str, node: ast.AST, more: tuple[Any, ...] = (),
              keywords: dict[str, Any] | None = None) -> Any:
        """A module applied to a tensor: a layer, each module of a Sequential, an instance's `forward`
        (which may take more inputs: U-Net's `self.up1(x5, x4)`)."""
        if isinstance(module, Layer) and module.kind == "MaxUnpool2d":  # `self.unpool(x, indices, output_size=…)`
            bound = self.bind((("indices", REQUIRED), ("output_size", None)), list(more), dict(keywords or {}),
                              "nn.MaxUnpool2d", node)
            return self.unpooled(x, {**module.args, **bound}, node)
        if isinstance(module, Layer) and module.kind == "ConvTranspose2d" and (more or keywords):
            bound = self.bind((("output_size", None),), list(more), dict(keywords or {}), "nn.ConvTranspose2d", node)
            return self.transposed_to(module, x, bound["output_size"], name, node)
        if (more or keywords) and not isinstance(module, Instance):
            raise _Unsupported(f"`{ast.unparse(node)[:50]}`: a {type(module).__name__.lower()} called with more "
                               f"than its input", node)
        if isinstance(module, Layer) and module.kind == "MaxPool2d" and module.args["return_indices"]:
            return self.pooled_with_indices(x, module, node)
        if isinstance(module, Layer):
            if module.kind == "CenterCrop" and self.size_source(module.args["size"]) is not None:
                return self.centre_cropped(x, module.args["size"], node)
            first = self.first_applied.get(id(module))  # applied again: the same weights (`shares`)
            if _has_state(module):
                self.applied[id(module)] = module
            if isinstance(x, _SamePadded):  # timm's Conv2dSame: `F.conv2d(pad_same(x, …), self.weight, …)`
                y = self.add_layer(self.frozen_text(module, same_padded_text(module, x, node)), module.node, x.tensor,
                                   name or module.kind.lower(), shares=first)
            elif isinstance(x, _ChannelsLast):
                y = self.add_layer(self.frozen_text(module, channels_last_text(module)), module.node, x.tensor,
                                   name or module.kind.lower(), shares=first)
            elif isinstance(x, _ChannelsAlong):
                y = self.add_layer(self.frozen_text(module, channels_along_text(module)), module.node, x.tensor,
                                   name or module.kind.lower(), shares=first)
            else:
                y = self.add_layer(self.layer_text(module), module.node, x, name or module.kind.lower(), shares=first)
            if _has_state(module) and first is None:
                self.first_applied[id(module)] = y.node
            return _ChannelsLast(y) if isinstance(x, _ChannelsLast) else _ChannelsAlong(y) \
                if isinstance(x, _ChannelsAlong) else y
        if isinstance(module, Sequence):
            for child, m in module.items:
                x = self.apply(m, x, f"{name}.{child}" if name else child, node)
            return x
        if isinstance(module, Instance):
            assigned = module.attrs.get("forward")  # `self.forward = self.forward_split_cat` in __init__ (FasterNet)
            forward = assigned.func if isinstance(assigned, _Partial) and len(assigned.args) == 1 and \
                assigned.args[0] is module and \
                not assigned.kwargs and isinstance(assigned.func, ast.FunctionDef) else \
                self.method_def(module.cls, "forward")
            if forward is None and module.layer is not None:
                return self.apply(module.layer, x, name, node)  # a layer's subclass without a forward: the layer
            if forward is None and module.sequential is not None:
                return self.apply(_sequence_of(module), x, name, node)  # (torchvision's `_Transition`)
            book = forward is None and self.derives(module.cls, D2L) and not more and not keywords
            if forward is None and not book:
                raise _Unsupported(f"class {module.cls.name} has no forward", module.cls)
            outer = self.prefix
            self.prefix = f"{outer}{name}." if name else outer
            self.forwarding += 1
            try:
                if book:  # the d2l book's `Module.forward(self, X)`: `return self.net(X)`
                    if "net" not in module.attrs:
                        raise _Unsupported(f"class {module.cls.name} has no forward and no `self.net`", module.cls)
                    return self.apply(module.attrs["net"], x, "net", node)
                assert forward is not None
                return self.call_method(module, forward, [x, *more], dict(keywords or {}), node)
            finally:
                self.prefix = outer
                self.forwarding -= 1
        raise _Unsupported(f"calling {type(module).__name__} as a module", node)

    def functional(self, function: str, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Any:
        kind, signature = FUNCTIONS[function]
        x = args[0] if args else kwargs.pop("input", None)
        bound = self.bind(signature, list(args[1:]), kwargs, f"F.{function}", node)
        if kind == "MaxUnpool2d":
            return self.unpooled(x, bound, node)
        if kind == "MaxPool2d" and bound["return_indices"] and self.size_source(bound["kernel_size"]) is None:
            return self.pooled_with_indices(x, Layer(kind, bound, node), node)
        if kind in ("MaxPool2d", "AvgPool2d"):
            window = bound["kernel_size"]
            whole = self.size_source(window)
            if whole is not None:
                return self.whole_map_pool(kind, x, whole, bound, node)
            if isinstance(window, _SizeOf) and window.dim % 4 in (2, 3):
                return self.side_pool(kind, x, window, bound, node)
        if kind == "Upsample" and self.size_source(bound["size"]) is not None:
            return self.resampled(x, bound, node)
        if kind == "Upsample" and _listed(bound["size"]) and any(isinstance(s, _SizeTimes) for s in bound["size"]):
            bound = {**bound, "size": None, "scale_factor": self.upsampled_by(x, bound["size"], node)}
        if kind == "CenterCrop" and self.size_source(bound["output_size"]) is not None:
            return self.centre_cropped(x, bound["output_size"], node)
        if kind in ("Dropout", "Dropout2d"):
            bound.pop("training")
        if kind == "F.pad":
            pads = bound["pad"]
            if _listed(pads) and any(isinstance(p, (_SamePad, _SamePart)) for p in pads):
                return self.same_padded(x, pads, bound, node)
            if _listed(pads) and any(isinstance(p, (_SizeGap, _GapPart)) for p in pads):
                if bound["mode"] != "constant" or bound.get("value") not in (None, 0, 0.0):
                    raise _Unsupported("a pad by the difference of two maps' sizes other than with zeros", node)
                return self.fitted(x, pads, node)
            bound = {"pad": bound["pad"], "mode": bound["mode"]}
        if isinstance(x, _SamePadded):  # `F.max_pool2d(pad_same(x, …), …)`, timm's MaxPool2dSame
            return self.add_layer(same_padded_text(Layer(kind, bound, node), x, node), node, x.tensor, function)
        if isinstance(x, _ChannelsLast):  # `F.gelu(y)` on a channels-last view: the same on the map
            return _ChannelsLast(self.add_layer(channels_last_text(Layer(kind, bound, node)), node, x.tensor, function))
        if isinstance(x, _ChannelsAlong):  # `torch.sigmoid(y)` on pooled channels as a sequence: the same on each
            return _ChannelsAlong(self.add_layer(channels_along_text(Layer(kind, bound, node)), node, x.tensor,
                                                 function))
        return self.add_layer(spec_text(Layer(kind, bound, node)), node, x, function)

    def whole_map_pool(self, kind: str, x: Any, of: Tensor, bound: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.avg_pool2d(x, x.size()[2:])`, `(x.size(2), x.size(3))`: a window the size of x's own map fits
        once, whatever the stride: a global pool. With padding, or the size of another tensor's map, it is not
        followed."""
        plain = bound["padding"] == 0 and bound.get("dilation", 1) == 1
        if not isinstance(x, Tensor) or of != x or not plain:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a window the size of a map, other than the pooled "
                               f"map's own without padding", node)
        return self.add_layer("globalavgpool" if kind == "AvgPool2d" else "globalmaxpool", node, x, "pool")

    def side_pool(self, kind: str, x: Any, window: _SizeOf, bound: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.avg_pool2d(out, out.size()[3])` (the ResNet paper's CIFAR networks as most ports write them): a
        window of the map's width both ways, at a stride of it: `globalavgpool width`, the whole map when it
        is square. Only on the map whose size it is, without padding, dilation, ceil_mode or another stride."""
        stride = bound["stride"]
        strided_by_it = stride is None or stride == [] or (
            isinstance(stride, _SizeOf) and stride == window and self.size_owner(stride) == x)  # `x.size(3)` again
        plain = bound["padding"] == 0 and bound.get("dilation", 1) == 1 and not bound["ceil_mode"] and \
            not bound.get("return_indices") and bound.get("divisor_override") is None and strided_by_it
        if not isinstance(x, Tensor) or self.size_owner(window) != x or window.per != 1 or not plain:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a window read from a tensor's size, other than the "
                               f"pooled map's own width or height without padding, dilation, ceil_mode or another "
                               f"stride; pool the whole map with `F.adaptive_avg_pool2d(x, 1)`", node)
        side = "width" if window.dim % 4 == 3 else "height"
        return self.add_layer(f"{'globalavgpool' if kind == 'AvgPool2d' else 'globalmaxpool'} {side}", node, x,
                              "pool")

    def zero_channels(self, full: str, args: list[Any], kwargs: dict[str, Any]) -> _ZeroChannels | None:
        """`torch.zeros(n, c, h, w)` of the batch's size, a channel count or gap, and one map's height and width
        (`dtype`, `device` as the data's): zero channels to join to a map; None for another tensor of zeros."""
        sizes = list(args[0]) if len(args) == 1 and _listed(args[0]) else args
        if len(sizes) != 4 or any(k not in ("dtype", "device") for k in kwargs):
            return None
        batch, channels, height, width = sizes
        owner = self.size_owner(height) if isinstance(height, _SizeOf) else None
        if not (isinstance(batch, _SizeOf) and batch.dim == 0 and owner is not None and height.dim % 4 == 2 and
                isinstance(width, _SizeOf) and width.dim % 4 == 3 and self.size_owner(width) is owner):
            return None
        if (isinstance(channels, _SizeGap) and channels.axis == 1) or \
                (type(channels) is int and 1 <= channels <= limits.MAX_CHANNELS):
            return _ZeroChannels(channels)
        return None

    def padded_channels(self, x: Tensor, zeros: _ZeroChannels, first: bool, node: ast.AST) -> Tensor:
        """`torch.cat((x, zeros), 1)`: x with zero channels after its own, so many (`padchannels 0 after C`), or as
        many as the map whose channels they are the gap to has more (`fit channels { REF | x }`: ENet's shortcut);
        before them, a number of them only."""
        if isinstance(zeros.channels, int):
            before, after = (zeros.channels, 0) if first else (0, zeros.channels)
            return self.add_layer(f"padchannels {before} after {after}", node, x, "padchannels")
        if first or zeros.channels.of != x:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: zero channels joined {'before' if first else 'to'} "
                               f"{'a map' if first else 'another map than the one whose channels they add to'} "
                               f"(cnncalc follows `torch.cat((x, torch.zeros(n, c_ref - c_x, h, w)), 1)`)", node)
        return Tensor(self.graph.merge(self.name_of("fit"), "fit", [zeros.channels.ref.node, x.node],
                                       self.offsets.span(node), mode="channels"))

    def concatenate(self, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Tensor:
        tensors = args[0] if args else kwargs.get("tensors")
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        if dim not in (1, -3):
            raise _Unsupported(f"concatenation along dim={dim} (cnncalc concatenates channels, dim=1)", node)
        if _listed(tensors) and len(tensors) == 2 and sum(isinstance(t, _ZeroChannels) for t in tensors) == 1 and \
                any(isinstance(t, Tensor) for t in tensors):
            first = isinstance(tensors[0], _ZeroChannels)
            zeros, x = (tensors[0], tensors[1]) if first else (tensors[1], tensors[0])
            return self.padded_channels(x, zeros, first, node)
        if _listed(tensors):  # CBAM's `torch.cat([torch.mean(x, 1, keepdim=True), ...], 1)`
            tensors = [self.channel_mean(t, node) if isinstance(t, _Statistic) and t.step == "mean" else t
                       for t in tensors]
        if not _listed(tensors) or not tensors or not all(isinstance(t, Tensor) for t in tensors):
            raise _Unsupported("torch.cat of something other than a list of tensors", node)
        if len(tensors) > limits.MAX_BRANCHES:  # a loop concatenating all earlier outputs grows quadratically
            raise _Unsupported(f"torch.cat of {len(tensors):,} tensors (cnncalc merges at most "
                               f"{limits.MAX_BRANCHES:,})", node)
        return Tensor(self.graph.merge(self.name_of("concat"), "concat", [t.node for t in tensors],
                                       self.offsets.span(node)))

    def flatten(self, x: Any, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Tensor | _PositionsFlat:
        start = args[0] if args else kwargs.get("start_dim", 0)
        end = args[1] if len(args) > 1 else kwargs.get("end_dim", -1)
        if start == 2 and end == -1 and isinstance(x, Tensor):
            return _PositionsFlat(x)  # `x.flatten(2)`: each channel's positions on one axis
        if start != 1 or end != -1:
            raise _Unsupported(f"flatten from dim {start} (cnncalc keeps the batch: flatten(x, 1))", node)
        return self.add_layer("flatten", node, x, "flatten")

    def split(self, x: Any, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> list[Tensor] | _Chunks:
        sizes = args[0] if args else kwargs.get("split_size_or_sections")
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        if dim in (1, -3) and isinstance(sizes, _SizeOf) and sizes.dim == 1 and sizes.per > 1:
            # `torch.split(x, x.size(1) // n, 1)`: n equal parts (channels that do not divide by n are E033, where
            # PyTorch makes one part more, which the file's own unpacking would refuse)
            return [self.add_layer(f"part {i} of {sizes.per}", node, x, "part") for i in range(1, sizes.per + 1)]
        if dim in (1, -3) and isinstance(sizes, int) and not isinstance(sizes, bool) and sizes > 0 and \
                isinstance(x, Tensor):
            return _Chunks(x, sizes, node)
        if dim not in (1, -3) or not _listed(sizes) or \
                not all(isinstance(s, int) and s > 0 for s in sizes):
            raise _Unsupported("torch.split other than into listed channel counts along dim=1", node)
        out, low, channels = [], 0, sum(sizes)  # (PyTorch refuses sizes that do not add up to the channels)
        for size in sizes:
            out.append(self.add_layer(f"slice {low}:{low + size}{'' if low else f' inputs {channels}'}", node, x,
                                      "slice"))  # (the channels checked once, at the first part)
            low += size
        return out

    def chunk_part(self, chunks: _Chunks, index: Any, node: ast.AST) -> Tensor:
        """Part `index` of a split into parts of a given size (Res2Net's `spx[i]`), counted from the first."""
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a part of a split into parts of {chunks.size} channels "
                               f"is read by its index from the first (how many there are depends on the channels)",
                               node)
        if index not in chunks.parts:
            if index * chunks.size + 1 > limits.MAX_CHANNELS:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`: channels past {limits.MAX_CHANNELS:,}", node)
            chunks.parts[index] = self.add_layer(f"part {index + 1} size {chunks.size}", chunks.node, chunks.tensor,
                                                 "part")
        return chunks.parts[index]

    def unpacked(self, chunks: _Chunks, count: int, node: ast.expr) -> list[Tensor]:
        """`a, b = torch.split(x, 8, 1)`: the parts of a split into parts of a given size, as many as the names,
        `part I size S`, the last what is left; the first `part 1 of N size S`, E033 where the channels make another
        number of parts (which PyTorch refuses to unpack)."""
        if any(isinstance(e, ast.Starred) for e in getattr(node, "elts", ())):
            raise _Unsupported("unpacking the parts of a split into parts of a given size with a starred name", node)
        if (count - 1) * chunks.size + 1 > limits.MAX_CHANNELS:
            raise _Unsupported(f"channels past {limits.MAX_CHANNELS:,}", node)
        return [self.add_layer(f"part {i}{f' of {count}' if i == 1 else ''} size {chunks.size}", chunks.node,
                               chunks.tensor, "part") for i in range(1, count + 1)]  # (the count checked once)

    def group_view(self, view: _GroupView, attr: str, args: list[Any], node: ast.AST) -> Any:
        """The rest of a channel shuffle: transpose axes 1 and 2, `.contiguous()`, view back to 4 axes."""
        if attr == "contiguous":
            return view
        if attr == "transpose" and not view.transposed and sorted(args) == [1, 2]:
            return view._replace(transposed=True)
        if attr == "permute" and not view.transposed and list(args) == [0, 2, 1, 3, 4]:
            return view._replace(transposed=True)
        shape = list(args[0]) if len(args) == 1 and _listed(args[0]) else list(args)
        if attr in ("view", "reshape") and view.transposed and len(shape) == 4 and _is_batch(shape[0]) and \
                shape[1] in (_SizeOf(1), -1) and shape[2:] == [_SizeOf(2), _SizeOf(3)]:
            if view.groups == 1:  # one group (kuangliu's ShuffleNet where its first block's are 1): nothing moves
                return view.tensor
            return self.add_layer(f"shuffle {view.groups}", node, view.tensor, "channel_shuffle")
        raise _Unsupported(f"`.{attr}(...)` of a grouped view (cnncalc follows it in a channel shuffle)", node)

    def squeezed(self, x: Tensor, attr: str, args: list[Any], node: ast.AST) -> Tensor | _ChannelsAlong:
        """`x.squeeze()` or `.squeeze(-1)` after a global pool (`squeeze`: a 1x1 map as its vector, E037
        otherwise); `y.unsqueeze(-1).unsqueeze(-1)` (`unflatten`, once); `y.expand_as(x)` before a
        product (the product broadcasts a 1x1 gate as it is); that vector's `.unsqueeze(1)`, a sequence (ECA's)."""
        if attr == "unsqueeze" and args in ([1], [-2]) and x.node in self.squeezes and x.node not in self.half_squeezed:
            return _ChannelsAlong(x)  # a pooled map's vector (N, C) as (N, 1, C)
        return self.squeezed_map(x, attr, args, node)

    def squeezed_map(self, x: Tensor, attr: str, args: list[Any], node: ast.AST) -> Tensor:
        """`squeezed` of a map or its pooled vector, whose result is a map or a vector."""
        if attr in ("expand_as", "expand"):
            return x
        if attr == "squeeze" and (not args or args[0] in (2, 3, -1, -2)):
            if x.node in self.squeezes:
                self.half_squeezed.discard(x.node)  # (N, C) now
                return x
            y = self.mark(self.squeezes, self.add_layer("squeeze", node, x, "squeeze"))
            if args:
                self.half_squeezed.add(y.node)
            return y
        if attr == "unsqueeze" and args and args[0] in (2, 3, -1, -2):
            return x if x.node in self.unsqueezes else self.mark(self.unsqueezes, self.add_layer(
                "unflatten", node, x, "unflatten"))
        raise _Unsupported(f"`.{attr}({', '.join(map(repr, args))})` (cnncalc follows it on the spatial axes)", node)

    @staticmethod
    def weight_normed(layer: Layer, kwargs: dict[str, Any], node: ast.AST) -> Layer:
        """`weight_norm(nn.Conv2d(...))` (WDSR's, weight-normalised GANs'): the layer with its weight g·v/‖v‖, a learnt
        length g per slice of the weight's first axis (PyTorch's dim=0): `weightnorm`. Another dim, or another
        layer, is said."""
        if layer.kind not in ("Conv2d", "ConvTranspose2d", "Linear") or kwargs.get("name", "weight") != "weight" or \
                kwargs.get("dim", 0) != 0 or set(kwargs) - {"name", "dim"}:
            dim = kwargs.get("dim", 0)
            raise _Unsupported(f"weight_norm of nn.{layer.kind}" + (f" with dim={_shown(dim)}" if dim != 0 else "") +
                               " (cnncalc follows it on Conv2d, ConvTranspose2d and Linear, a length per slice of the "
                               "weight's first axis: dim=0, PyTorch's default)", node)
        return Layer(layer.kind, {**layer.args, "weight_norm": True}, layer.node)

    def along_method(self, x: _ChannelsAlong, attr: str, args: list[Any], kwargs: dict[str, Any],
                     node: ast.AST) -> Any:
        """A method of pooled channels viewed as a sequence (N, 1, C): transposed back, (N, C, 1), they are the
        vector of the channels again, which `.unsqueeze(-1)` makes the 1x1 map; viewed (b, -1, 1, 1) the map, (b, -1)
        or squeezed the vector; an activation acts on each value."""
        if attr in _IN_PLACE:
            attr = attr[:-1]
        if attr in ("transpose", "permute") and _swaps_last_two(attr, args) and not kwargs:
            self.half_squeezed.add(x.tensor.node)
            self.squeezes.add(x.tensor.node)
            return x.tensor
        if attr in ("view", "reshape") and not kwargs:
            shape = list(args[0]) if len(args) == 1 and _listed(args[0]) else args
            if len(shape) == 4 and _is_batch(shape[0]) and shape[2:] == [1, 1]:
                return self.add_layer("unflatten", node, x.tensor, "unflatten")  # timm's `.view(b, -1, 1, 1)`
            if len(shape) == 2 and _is_batch(shape[0]):
                return x.tensor
        if ((attr == "squeeze" and args in ([1], [-2])) or (attr == "flatten" and args in ([1], []))) and not kwargs:
            return x.tensor
        if attr in ("contiguous", "clone", "detach", "float") and not args and not kwargs:
            return x
        if attr in FUNCTIONS and attr not in ("dropout", "pad", "interpolate", "upsample", "upsample_nearest",
                                              "upsample_bilinear"):
            return self.functional(attr, [x, *args], kwargs, node)
        raise _Unsupported(f"`.{attr}(...)` of a map's pooled channels viewed as a sequence (cnncalc follows a "
                           f"transpose back, `.view(b, -1, 1, 1)` and activations)", node)

    @staticmethod
    def mark(made: set[int], x: Tensor) -> Tensor:
        made.add(x.node)  # a second `.squeeze(-1)` or `.unsqueeze(-1)` of the same tensor is the same layer
        return x

    def joined(self, kind: str, tensors: list[Tensor], node: ast.AST) -> Tensor:
        """Two or more maps joined value by value: a merge of `kind`."""
        return Tensor(self.graph.merge(self.name_of(kind), kind, [t.node for t in tensors], self.offsets.span(node)))

    @staticmethod
    def stacked(args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> _Stacked:
        """`torch.stack([a, b, c])` along a new first axis: only a reduction back along that axis is followed."""
        tensors = args[0] if args else kwargs.get("tensors")
        tensors = tensors.tensors if isinstance(tensors, _Broadcast) else tensors
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        if not (_listed(tensors) and len(tensors) >= 2 and
                all(isinstance(t, Tensor) for t in tensors)) or dim != 0:
            raise _Unsupported("torch.stack other than of two or more maps along dim=0", node)
        return _Stacked(list(tensors))

    def stack_reduced(self, stack: _Stacked, how: str, args: list[Any], kwargs: dict[str, Any],
                      node: ast.AST) -> Tensor:
        """`torch.stack([a, b]).mean(0)` (also sum, amax, amin): the maps joined value by value."""
        dim = args[0] if args else kwargs.get("dim")
        if dim not in (0, (0,), [0]) or len(args) > 1 or set(kwargs) - {"dim"}:
            raise _Unsupported(f"`.{how}` of a stack other than along dim=0", node)
        return self.joined(_STACK_REDUCTIONS[how], stack.tensors, node)

    def chunk(self, x: Any, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> list[Tensor]:
        """`x.chunk(2, dim=1)`: parts of ⌈C/N⌉ channels, the last what is left (`part I chunks N`). The channels
        may make fewer than N, so a part is there only where it is read (`x.chunk(3, 1)[1]` of 4 channels is
        channels 2-3) or unpacked into a name (`a, b, c = x.chunk(3, 1)`, which PyTorch refuses there: E036 at
        the third)."""
        n = args[0] if args else kwargs.get("chunks")
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        if dim not in (1, -3) or isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= limits.MAX_BRANCHES:
            raise _Unsupported("torch.chunk other than into a number of parts along dim=1", node)
        parts = [self.add_layer(f"part {i} chunks {n}", node, x, "part") for i in range(1, n + 1)]
        self.graph.optional.update(part.node for part in parts)
        return parts

    def tensor_method(self, x: Tensor, attr: str, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Any:
        if attr in _IN_PLACE:
            attr = attr[:-1]  # `x.relu_()`, `out.add_(identity)`: computed as the method without `_`
        if attr == "size":
            return self.size_of(x, args[0]) if args else _ShapeOf(x)
        if attr in ("squeeze", "unsqueeze", "expand_as", "expand"):
            return self.squeezed(x, attr, args, node)
        if attr in ("view", "reshape"):
            shape = list(args[0]) if len(args) == 1 and _listed(args[0]) else args
            if len(shape) == 2 and _is_batch(shape[0]) and shape[1] == _SizeOf(1):
                return self.add_layer("squeeze", node, x, "squeeze")  # `x.view(b, c)` after a global pool
            if len(shape) == 3 and _is_batch(shape[0]) and shape[1] == _SizeOf(1) and shape[2] == -1:
                return _PositionsFlat(x)  # `x.view(b, c, -1)`: the positions of each channel on one axis
            if len(shape) == 3 and _is_batch(shape[0]) and shape[1] == 1 and \
                    (shape[2] in (-1, _SizeOf(1)) or (type(shape[2]) is int and shape[2] > 0)):
                # `x.mean((2, 3)).view(b, 1, -1)` (timm's ECA): a pooled map's channels as a sequence (a larger map's
                # values, flattened: its size is the same in any order)
                length = f" inputs {shape[2]}" if type(shape[2]) is int and shape[2] > 0 else ""
                made = self.graph.nodes[x.node].layer
                flat = x.node in self.squeezes or (made is not None and made.keyword == "flatten")  # a vector
                return _ChannelsAlong(x if flat and not length else
                                      self.add_layer(f"flatten{length}", node, x, "flatten"))
            if len(shape) == 4 and _is_batch(shape[0]) and shape[2:] == [1, 1] and (
                    shape[1] in (_SizeOf(1), -1) or type(shape[1]) is int):
                return self.add_layer("unflatten", node, x, "unflatten")  # `y.view(b, c, 1, 1)`: an SE gate
            if len(shape) == 4 and _is_batch(shape[0]) and all(type(d) is int and d > 0 for d in shape[2:]) and \
                    ((shape[1] == -1 and shape[0] != -1) or (type(shape[1]) is int and shape[1] > 0)):
                # `x.view(-1, 512, 4, 4)` after a Linear: a generator's first map (`-1` for C: its input's size says)
                depth = "" if shape[1] == -1 else f"x{shape[1]}"
                return self.add_layer(f"reshape {shape[2]}x{shape[3]}{depth}", node, x, "reshape")
            batch = len(shape) == 2 and _is_batch(shape[0])
            if batch and attr == "view" and x.strided:
                raise _Unsupported("`.view` flattening a map cut at its edges or strided (a slice of another's "
                                   "memory): PyTorch refuses it (view size is not compatible with input tensor's "
                                   "size and stride) unless the cut's strides happen to line up with the map's "
                                   "sizes (every column a step of 3 on a width of 9), which cnncalc does not "
                                   "follow; `.reshape(...)`, `torch.flatten(x, 1)` or `.contiguous().view(...)` "
                                   "flatten it", node)
            if batch and shape[1] == -1 and shape[0] != -1:
                return self.add_layer("flatten", node, x, "flatten")
            if batch and isinstance(shape[1], int) and not isinstance(shape[1], bool) and shape[1] > 0:
                # `x.view(-1, 16 * 5 * 5)`: a flatten that expects 400 values (E017 when it gets others,
                # where PyTorch fails or silently changes the batch)
                return self.add_layer(f"flatten inputs {shape[1]}", node, x, "flatten")
            groups = shape[1] if len(shape) == 5 and type(shape[1]) is int and shape[1] >= 1 else None
            if groups is not None and _is_batch(shape[0]) and shape[2] in (_SizeOf(1, groups), -1) and \
                    shape[3:] == [_SizeOf(2), _SizeOf(3)]:
                return _GroupView(x, groups, False)  # a channel shuffle's first step
            raise _Unsupported(f"`.{attr}` to a shape other than (batch, -1), (batch, N) or (batch, C, H, W)", node)
        if attr == "flatten":
            return self.flatten(x, args, kwargs, node)
        if attr in FUNCTIONS and attr not in ("dropout", "pad", "interpolate", "upsample", "upsample_nearest",
                                              "upsample_bilinear"):
            return self.functional(attr, [x, *args], kwargs, node)
        if attr in ("contiguous", "clone"):  # a copy in order (clone: a cut or strided view is not dense)
            return x._replace(strided=False) if x.strided else x  # the same tensor otherwise, as before
        if attr in ("detach", "float"):
            return x
        if attr in _JOINS and len(args) == 1 and isinstance(args[0], Tensor):
            return self.joined(_JOINS[attr], [x, args[0]], node)  # `out.add_(identity)`, `a.maximum(b)`
        if attr in _SCALINGS and len(args) == 1 and not kwargs and isinstance(args[0], (int, float)) and \
                not isinstance(args[0], bool):
            return x  # `self.body(x).mul(self.res_scale)`: a constant on every value keeps the shape, learns nothing
        if attr == "split":
            return self.split(x, args, kwargs, node)
        if attr == "chunk":
            return self.chunk(x, args, kwargs, node)
        if attr == "mean":
            return self.spatial_mean(x, args, kwargs, node)
        if attr in ("max", "amax"):
            return self.channel_max(x, attr, args, kwargs, node)
        raise _Unsupported(f"the tensor method `.{attr}(...)`", node)

    def channel_mean(self, mean: _Statistic, used: ast.AST) -> Tensor:
        """A channel mean taken as a layer norm's first step (`x.mean(1, keepdim=True)`) and used as a map instead:
        `channelavgpool` where it was taken (else where it is `used`)."""
        return self.add_layer("channelavgpool", mean.node or used, mean.of, "mean")

    def channel_max(self, x: Tensor, how: str, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Any:
        """`torch.max(x, 1, keepdim=True)[0]` (its values; `.values`, `v, _ = …`), `x.amax(1, keepdim=True)`:
        `channelmaxpool`; without `keepdim` the map with its channel axis dropped. `x.amax((2, 3))`: the spatial
        max, a global max pool (then a flatten, unless the dimensions are kept)."""
        dim = args[0] if args else kwargs.get("dim")
        keep = args[1] if len(args) > 1 else kwargs.get("keepdim", False)
        if how == "amax" and _listed(dim) and sorted(d % 4 if type(d) is int else -1 for d in dim) == [2, 3] and \
                len(args) <= 2 and not set(kwargs) - {"dim", "keepdim"} and isinstance(keep, bool):
            pooled = self.add_layer("globalmaxpool", node, x, how)  # `torch.amax(x, dim=(2, 3))`: the spatial max
            return pooled if keep else self.add_layer("flatten", node, pooled, "flatten")
        if dim not in (1, -3, (1,), [1]) or len(args) > 2 or set(kwargs) - {"dim", "keepdim"} or \
                not isinstance(keep, bool):
            raise _Unsupported(f"`.{how}` other than over the channels (dim=1), or for `amax` over the height and "
                               f"width (dim=(2, 3))", node)
        pooled = self.add_layer("channelmaxpool", node, x, how)
        values = pooled if keep else _ChannelReduced(pooled)
        return values if how == "amax" else _MaxResult(values)

    @staticmethod
    def permuted(x: Tensor | _ChannelsLast, dims: list[Any], node: ast.AST) -> Tensor | _ChannelsLast:
        """`x.permute(0, 2, 3, 1)` to channels last and `(0, 3, 1, 2)` back; other orders are not followed."""
        if isinstance(x, Tensor) and dims == [0, 2, 3, 1]:
            return _ChannelsLast(x)
        if isinstance(x, _ChannelsLast) and dims == [0, 3, 1, 2]:
            return x.tensor
        raise _Unsupported(f"a permute to {tuple(dims)} (cnncalc follows channels last, (0, 2, 3, 1), and back)",
                           node)

    def scaled(self, weights: _Weights, x: Any, node: ast.BinOp) -> Tensor | _ChannelsLast:
        """A map times a learnt (C, 1, 1) tensor, or a channels-last view times a learnt (C,) one: `scale nobias`
        (C weights), ConvNeXt's layer scale; times a learnt number (of any shape of ones): `scale nobias one`. A map
        with a tensor of constants, one value per channel or in all (a buffer's mean and std): the map, on C channels
        alone (`identity inputs C`)."""
        shape = weights.shape[1:] if len(weights.shape) == 4 and weights.shape[0] == 1 else weights.shape
        if not weights.learnt and isinstance(x, Tensor) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)) \
                and (all(d == 1 for d in shape) or (len(shape) == 3 and shape[1:] == (1, 1))):
            # `(x - self.mean) / self.std` of buffers of one value per channel (or one in all): the shape kept,
            # nothing learnt, as with a number; per channel only on that many channels (PyTorch's broadcast)
            return x if shape[0] == 1 else self.add_layer(f"identity inputs {shape[0]}", node, x, "constant")
        if not weights.learnt:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a map combined with a tensor of constants other than "
                               f"one value per channel", node)
        channels_last = isinstance(x, _ChannelsLast) and len(shape) == 1
        if isinstance(x, _ChannelsLast) and len(shape) == 1:  # the same scale per channel, on the map itself
            x, shape = x.tensor, (shape[0], 1, 1)
        # one learnt number for the whole map (mmdetection's Scale, ReZero's alpha), which PyTorch broadcasts
        one = isinstance(x, Tensor) and all(d == 1 for d in shape) and isinstance(node.op, ast.Mult)
        if not one and (not isinstance(x, Tensor) or len(shape) != 3 or shape[1:] != (1, 1) or
                        not isinstance(node.op, ast.Mult)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` (cnncalc follows a map times a learnt tensor of shape "
                               f"(C, 1, 1), or a channels-last view times one of shape (C,))", node)
        learnt = weights.viewed or weights
        if id(learnt) in self.applied:
            raise _Unsupported(f"`{ast.unparse(node)[:50]}` uses a learnt tensor used before: PyTorch shares it, "
                               f"and cnncalc would count it once per use", node)
        self.applied[id(learnt)] = learnt
        frozen = " frozen" if self.requires_grad.get((id(learnt), "weight")) is False else ""
        scaled = self.add_layer(f"scale nobias {'one' if one else f'inputs {shape[0]}'}{frozen}", node, x, "scale")
        return _ChannelsLast(scaled) if channels_last else scaled

    def standardised(self, node: ast.AST, values: list[Any], kwargs: dict[str, Any]) -> _Standardised:
        """A step of a weight's standardisation: the weight (or what was computed from it) with numbers and
        dimensions, or with itself; E070 for anything else learnt or a map (NFNet's gain times the weight)."""
        layers = {id(layer): layer for layer in map(_weight_of, [*values, *kwargs.values()]) if layer is not None}
        others = [v for v in [*values, *kwargs.values()] if _weight_of(v) is None and not _plain(v)]
        if len(layers) == 1 and not others:
            return _Standardised(next(iter(layers.values())))
        what = "another layer's weight" if len(layers) > 1 else \
            "a map" if any(isinstance(v, Tensor) for v in others) else \
            "a learnt tensor (NFNet's gain)" if any(isinstance(v, (_Weights, _Parameter)) for v in others) else \
            "something cnncalc does not follow"
        raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a convolution's weight computed with {what} (cnncalc follows "
                           f"a weight standardised from itself alone, as BiT's StdConv2d does; more learnt values "
                           f"would be parameters its layer does not have)", node)

    def standardised_call(self, full: str, args: list[Any], kwargs: dict[str, Any], env: dict[str, Any],
                          node: ast.AST) -> Any:
        """torch's functions on a convolution's weight: the standardising ones (`torch.var_mean`, `torch.sqrt`,
        `F.batch_norm` with no statistics of its own, in training mode), and `F.conv2d` applying it with the
        layer's own stride, padding, dilation and groups: the layer, where it is applied."""
        short = full.rsplit(".", 1)[-1]
        if full in ("torch.nn.functional.conv2d", "torch.conv2d"):
            return self.conv_with_weight(args, kwargs, env, node)
        if full in ("torch.var_mean", "torch.std_mean"):
            step = self.standardised(node, args, kwargs)
            return step, step  # (the variance or deviation, the mean)
        if full == "torch.nn.functional.batch_norm":
            bound = self.bind((("running_mean", REQUIRED), ("running_var", REQUIRED), ("weight", None),
                               ("bias", None), ("training", False), ("momentum", 0.1), ("eps", 1e-05)),
                              list(args[1:]), kwargs, "F.batch_norm", node)
            if bound["running_mean"] is not None or bound["running_var"] is not None or bound["training"] is not True:
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.batch_norm of a convolution's weight with running "
                                   f"statistics (cnncalc follows it in training mode without them, as timm's "
                                   f"StdConv2d standardises its weight)", node)
            return self.standardised(node, [args[0] if args else kwargs.get("input"), *bound.values()], {})
        if full.startswith("torch.") and short in _STANDARDISING_FUNCTIONS:
            return self.standardised(node, args, kwargs)
        raise _Unsupported(f"`{full}` of a convolution's weight (cnncalc follows its standardisation, then "
                           f"F.conv2d)", node)

    def layer_of_parameters(self, function: str, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.conv2d(x, self.weight, self.bias, stride, padding, dilation, groups)` with a learnt weight (C_out,
        C_in/groups, Kh, Kw) made in `__init__` (`nn.Parameter(torch.empty(...))`: a convolution written from scratch)
        and a learnt (C_out,) bias or none: the convolution they are, applied to x, as nn.Conv2d with those arguments;
        `F.linear(x, self.weight, self.bias)` with a learnt (out, in) weight, nn.Linear's. Once: PyTorch shares a
        learnt tensor used twice, which cnncalc would count twice."""
        x = args[0] if args else kwargs.pop("input", None)
        conv = function == "conv2d"
        signature = _CONV2D if conv else (("weight", REQUIRED), ("bias", None))
        bound = {"groups": 1, **self.bind(signature, list(args[1:]), kwargs, f"F.{function}", node)}
        weight, bias = bound["weight"], bound["bias"]
        if not (isinstance(weight, _Weights) and weight.learnt and len(weight.shape) == (4 if conv else 2)) or \
                not (bias is None or (isinstance(bias, _Weights) and bias.learnt and bias.shape == weight.shape[:1])) \
                or not isinstance(x, Tensor) or type(bound["groups"]) is not int or bound["groups"] < 1:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` (cnncalc follows F.{function} of a map with a learnt "
                               f"weight {'(C_out, C_in/groups, Kh, Kw)' if conv else '(out, in)'} and a learnt bias "
                               f"(C_out,) or none)", node)
        for learnt in (weight, bias):
            if learnt is not None and id(learnt.viewed or learnt) in self.applied:
                raise _Unsupported(f"`{ast.unparse(node)[:50]}` uses a learnt tensor used before: PyTorch shares it, "
                                   f"and cnncalc would count it once per use", node)
            if learnt is not None:
                self.applied[id(learnt.viewed or learnt)] = learnt
        if conv:
            out, per_group, kh, kw = weight.shape
            layer = self.construct("Conv2d", [per_group * bound["groups"], out, (kh, kw)],
                                   {name: bound[name] for name in ("stride", "padding", "dilation", "groups")} |
                                   {"bias": bias is not None}, node)
        else:
            layer = self.construct("Linear", [weight.shape[1], weight.shape[0]], {"bias": bias is not None}, node)
        if not isinstance(layer, Layer):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`", node)
        for blob, learnt in (("weight", weight), ("bias", bias)):
            if learnt is not None:  # frozen as the tensors are (`self.weight.requires_grad = False`)
                self.requires_grad[(id(layer), blob)] = self.requires_grad.get((id(learnt.viewed or learnt), "weight"),
                                                                                True)
        return self.add_layer(self.layer_text(layer), node, x, "conv" if conv else "fc")

    def conv_with_weight(self, args: list[Any], kwargs: dict[str, Any], env: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.conv2d(x, w, self.bias, self.stride, self.padding, self.dilation, self.groups)` with w a convolution's
        weight or standardised from it: that convolution applied to x (once: its weights are not shared)."""
        x = args[0] if args else kwargs.pop("input", None)
        bound = self.bind(_CONV2D, list(args[1:]), kwargs, "F.conv2d", node)
        layer = _weight_of(bound["weight"])
        if layer is None or not isinstance(x, (Tensor, _SamePadded)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.conv2d of {'a map with ' if layer is None else ''}"
                               f"{'another convolution' if layer is None else 'something other than a map'} "
                               f"(cnncalc follows F.conv2d of a map with a convolution's own weight)", node)
        bias = bound["bias"]
        if bias is not None and bias != _Parameter(layer, "bias"):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.conv2d with a bias other than the convolution's own",
                               node)

        def pair(v: Any) -> Any:  # (one size in a list: PyTorch's for both axes)
            return (v, v) if type(v) is int else (v[0], v[0]) if _listed(v) and len(v) == 1 else \
                tuple(v) if isinstance(v, (list, tuple)) else v

        own = layer.args
        for name in ("stride", "padding", "dilation", "groups"):
            if pair(bound[name]) != pair(own[name]):
                raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.conv2d with {name}={_shown(bound[name])}, the "
                                   f"convolution's own {name} being {_shown(own[name])} (its weight applied "
                                   f"otherwise than by the layer)", node)
        if own.get("padding_mode", "zeros") != "zeros" and pair(own["padding"]) != (0, 0):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.conv2d pads with zeros, the convolution by "
                               f"{own['padding_mode']}", node)
        owner = env.get("self")
        itself = isinstance(owner, Instance) and owner.layer is layer  # the subclass's own forward (StdConv2d's)
        applied: Tensor = self.apply_as_owner(layer, x, node) if itself else self.apply(layer, x, "", node)
        return applied

    def apply_as_owner(self, module: Any, x: Any, node: ast.AST) -> Any:
        """A module applied inside the forward of the module it is (a layer's subclass, an nn.Sequential's
        subclass calling its own modules): its rows named as the module's, not under it."""
        outer = self.prefix
        if not outer.endswith("."):
            return self.apply(module, x, "", node)
        self.prefix = ""
        try:
            return self.apply(module, x, outer[:-1], node)
        finally:
            self.prefix = outer

    def super_call(self, method: str, node: ast.Call, env: dict[str, Any]) -> Any:
        """`super().forward(x)`, `super(Block, self).method(...)` in a method: the method as the class's base
        defines it — a base of the file's, or nn.Sequential's forward (its modules in order: the ASPPPooling of
        DeepLabV3+ repositories), or the layer's own (`class Conv(nn.Conv2d)` with a forward of its own)."""
        owner = env.get("self")
        current = self.defined_in.get(id(self.running[-1])) if self.running else None
        if not isinstance(owner, Instance) or current is None:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}` outside a method of a module", node)
        args, kwargs = self.arguments(node, env)
        base = self.file_base(current)
        found = self.method_def(base, method) if base is not None else None
        if found is not None:
            return self.call_method(owner, found, args, kwargs, node)
        if method != "forward" or len(args) != 1 or kwargs:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a method of PyTorch's own base class", node)
        if owner.layer is not None:
            return self.apply_as_owner(owner.layer, args[0], node)
        if owner.sequential is not None:
            return self.apply(_sequence_of(owner), args[0], "", node)
        raise _Unsupported(f"`{ast.unparse(node)[:60]}`: nn.Module's forward, which PyTorch does not define", node)

    def statistic(self, op: str, left: Any, right: Any, node: ast.AST) -> _Statistic | Tensor:
        """The next step of a layer norm written out over a map's channels (`_Statistic`); its last, the learnt bias
        added, is the layer `layernorm inputs C` on the map. E070 for any other step."""
        def step(v: Any, name: str) -> bool:
            return isinstance(v, _Statistic) and v.step == name

        def number(v: Any) -> bool:
            return isinstance(v, (int, float)) and not isinstance(v, bool)

        def learnt(v: Any) -> bool:
            return isinstance(v, _Weights) and v.learnt and len(v.shape) == 3 and v.shape[1:] == (1, 1)

        if op == "mean" and isinstance(left, Tensor):
            return _Statistic("mean", left, node=node)
        if op == "mean" and step(left, "squared"):
            return _Statistic("variance", left.of)
        if op == "sub" and isinstance(left, Tensor) and step(right, "mean") and right.of == left:
            return _Statistic("centred", left)
        if op == "pow" and step(left, "centred") and right == 2:
            return _Statistic("squared", left.of)
        if op == "add" and ((step(left, "variance") and number(right)) or (step(right, "variance") and number(left))):
            variance, eps = (left, right) if isinstance(left, _Statistic) else (right, left)
            return variance._replace(eps=variance.eps + eps)
        if op == "sqrt" and step(left, "variance"):
            return _Statistic("deviation", left.of, left.eps)
        if op == "div" and step(left, "centred") and step(right, "deviation") and left.of == right.of:
            return _Statistic("normalised", right.of, right.eps)
        if op == "mul" and ((step(left, "normalised") and learnt(right)) or
                            (step(right, "normalised") and learnt(left))):
            normalised, weight = (left, right) if isinstance(left, _Statistic) else (right, left)
            return normalised._replace(step="scaled", weight=weight)
        if op == "add" and ((step(left, "scaled") and learnt(right)) or (step(right, "scaled") and learnt(left))):
            scaled, bias = (left, right) if isinstance(left, _Statistic) else (right, left)
            assert scaled.weight is not None
            return self.normed(scaled.of, scaled.weight, bias, scaled.eps, node)
        raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a mean over the channels, used other than in a layer norm "
                           f"written out (cnncalc follows ConvNeXt's: u = x.mean(1, keepdim=True), s = (x - u).pow(2)"
                           f".mean(1, keepdim=True), (x - u) / torch.sqrt(s + eps), then weight[:, None, None] * x + "
                           f"bias[:, None, None])", node)

    def normed(self, x: Tensor, weight: _Weights, bias: _Weights, eps: Any, node: ast.AST) -> Tensor:
        """`layernorm inputs C` on the map, its learnt weight and bias (C each) the layer's."""
        learnt = [w.viewed or w for w in (weight, bias)]
        if weight.shape != bias.shape:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a layer norm's weight and bias of {weight.shape[0]} and "
                               f"{bias.shape[0]} values", node)
        if any(id(w) in self.applied for w in learnt) or learnt[0] is learnt[1]:
            raise _Unsupported(f"`{ast.unparse(node)[:50]}` uses a learnt tensor used before: PyTorch shares it, "
                               f"and cnncalc would count it once per use", node)
        for w in learnt:
            self.applied[id(w)] = w
        frozen = " frozen" if all(self.requires_grad.get((id(w), "weight")) is False for w in learnt) else ""
        return self.add_layer(f"layernorm inputs {weight.shape[0]}{_eps(eps, node)}{frozen}", node, x, "layernorm")

    def layer_norm(self, args: list[Any], kwargs: dict[str, Any], node: ast.AST) -> _ChannelsLast:
        """`F.layer_norm(x, (C,), weight, bias, eps)` on a channels-last view (ConvNeXt's `LayerNorm`): the norm over
        the channels at each position, its learnt weight and bias (C each) the layer's."""
        bound = self.bind((("input", REQUIRED), ("normalized_shape", REQUIRED), ("weight", None), ("bias", None),
                           ("eps", 1e-5)), args, kwargs, "F.layer_norm", node)
        x, shape, weight, bias = bound["input"], bound["normalized_shape"], bound["weight"], bound["bias"]
        channels = shape[0] if _listed(shape) and len(shape) == 1 else shape
        if not isinstance(x, _ChannelsLast) or not isinstance(channels, int) or isinstance(channels, bool):
            raise _Unsupported("F.layer_norm other than over the channels of a channels-last view "
                               "(`x.permute(0, 2, 3, 1)`, normalized_shape (C,))", node)
        if not all(isinstance(w, _Weights) and w.learnt and w.shape == (channels,) for w in (weight, bias)):
            raise _Unsupported(f"F.layer_norm without a learnt weight and bias of {channels} values each", node)
        viewed = [_Weights((channels, 1, 1), True, w) for w in (weight, bias)]
        return _ChannelsLast(self.normed(x.tensor, viewed[0], viewed[1], bound["eps"], node))

    def size_of(self, x: Tensor, dim: Any) -> _SizeOf:
        """`x.size(d)`, `x.shape[d]`; a height, width or channel count remembers its tensor, for U-Net's size gaps
        and ENet's channel gap."""
        size = _SizeOf(dim)
        if dim in (1, 2, 3, -3, -2, -1):
            self.map_sizes[id(size)] = (size, x)
        return size

    def size_owner(self, size: _SizeOf) -> Tensor | None:
        """The tensor a height or width was read from (`x` of `x.size(3)`); None for another size."""
        owned = self.map_sizes.get(id(size))
        return owned[1] if owned is not None else None

    def size_gap(self, left: _SizeOf, right: _SizeOf, node: ast.AST) -> _SizeGap:
        """`x2.size()[2] - x1.size()[2]`: how much taller (or wider, or deeper) x2's map is than x1's."""
        ref, of = self.size_owner(left), self.size_owner(right)
        if ref is None or of is None or left.dim % 4 != right.dim % 4:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: arithmetic on a tensor's size, known only when the "
                               f"network runs (cnncalc follows the difference of two maps' heights or widths)", node)
        return _SizeGap(ref, of, left.dim % 4)

    def same_arithmetic(self, node: ast.BinOp, left: Any, right: Any) -> _SameSize | _SamePart | None:
        """Arithmetic on the way to TensorFlow's SAME padding (`_SameSize`): a whole number added, taken or
        multiplied, the map's own height or width added or taken (`… + 1 - ih`); a SAME padding halved and the rest
        (`pad // 2`, `pad - pad // 2`: F.pad's sides); None for other operands."""
        op = node.op
        if isinstance(left, _SamePad) and isinstance(op, ast.FloorDiv) and right == 2 and type(right) is int:
            return _SamePart(left, True)
        if isinstance(left, _SamePad) and isinstance(op, ast.Sub) and right == _SamePart(left, True):
            return _SamePart(left, False)
        if not (isinstance(left, _SameSize) or isinstance(right, _SameSize)):
            return None
        on_left = isinstance(left, _SameSize)
        same: _SameSize = left if on_left else right
        other = right if on_left else left
        sign = -1 if isinstance(op, ast.Sub) else 1
        if type(other) is int and isinstance(op, (ast.Add, ast.Sub)):
            if on_left or sign == 1:
                return same._replace(c=same.c + sign * other)
            return _SameSize(same.size, same.stride, -same.a, -same.b, other - same.c)  # `k - s`
        if type(other) is int and isinstance(op, ast.Mult):
            return _SameSize(same.size, same.stride, same.a * other, same.b * other, same.c * other)
        if isinstance(other, _SizeOf) and other.per == 1 and on_left and isinstance(op, (ast.Add, ast.Sub)) and \
                other.dim % 4 == same.size.dim % 4 and self.size_owner(other) == self.size_owner(same.size):
            return same._replace(b=same.b + sign)  # `… + 1 - ih`: N itself
        if isinstance(other, _SameSize) and isinstance(op, (ast.Add, ast.Sub)) and other.stride == same.stride and \
                other.size.dim % 4 == same.size.dim % 4 and self.size_owner(other.size) == self.size_owner(same.size):
            first, second = (same, other) if on_left else (other, same)
            assert isinstance(first, _SameSize) and isinstance(second, _SameSize)
            return first._replace(a=first.a + sign * second.a, b=first.b + sign * second.b,
                                  c=first.c + sign * second.c)
        raise _Unsupported(f"`{ast.unparse(node)[:60]}`: arithmetic on a map's size, known only when the network "
                           f"runs (cnncalc follows the padding TensorFlow's SAME needs, "
                           f"`max((math.ceil(ih / s) - 1) * s + (k - 1) * d + 1 - ih, 0)`)", node)

    def same_pad(self, args: list[Any], node: ast.AST) -> _SamePad:
        """`max((⌈N/S⌉ - 1)·S + K_eff - N, 0)`: TensorFlow's SAME padding of a window of K_eff at stride S."""
        same, zero = (args[0], args[1]) if isinstance(args[0], _SameSize) else (args[1], args[0])
        window = same.c + same.stride
        if not (isinstance(same, _SameSize) and zero == 0 and type(zero) is int and same.a == same.stride and
                same.b == -1 and window >= 1):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: the largest of a map's size and another value (cnncalc "
                               f"follows the padding TensorFlow's SAME needs, "
                               f"`max((math.ceil(ih / s) - 1) * s + (k - 1) * d + 1 - ih, 0)`)", node)
        return _SamePad(same.size, window, same.stride)

    def same_padded(self, x: Any, pads: Any, bound: dict[str, Any], node: ast.AST) -> _SamePadded:
        """`F.pad(x, [pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2])` with x's own SAME paddings
        of its width and height (the odd pixel at the right and bottom, as TensorFlow puts it)."""
        parts = list(pads)
        value = bound.get("value")
        value = 0.0 if value is None else value
        if not (isinstance(x, Tensor) and len(parts) == 4 and all(isinstance(p, _SamePart) for p in parts) and
                [p.low for p in parts] == [True, False, True, False] and parts[0].pad == parts[1].pad and
                parts[2].pad == parts[3].pad and parts[0].pad.size.dim % 4 == 3 and parts[2].pad.size.dim % 4 == 2 and
                all(self.size_owner(p.pad.size) == x for p in parts) and bound["mode"] == "constant" and
                isinstance(value, (int, float)) and not isinstance(value, bool)):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: F.pad by TensorFlow's SAME padding other than of the "
                               f"padded map's own width and height, halves first, with zeros or -inf", node)
        height, width = parts[2].pad, parts[0].pad
        return _SamePadded(x, (height.window, width.window), (height.stride, width.stride), float(value))

    def size_source(self, size: Any) -> Tensor | None:
        """The tensor whose height and width a size is, known when the network runs: `ref.shape[-2:]`,
        `ref.size()[2:]`, `(ref.size(2), ref.size(3))`, `h, w` unpacked from `ref.shape`."""
        if isinstance(size, _SpatialSize):
            return size.of
        if _listed(size) and len(size) == 2 and all(isinstance(s, _SizeOf) for s in size):
            owner = self.size_owner(size[0])
            if owner is not None and self.size_owner(size[1]) is owner and \
                    (size[0].dim % 4, size[1].dim % 4) == (2, 3) and size[0].per == size[1].per == 1:
                return owner
        return None

    def upsampled_by(self, x: Any, size: list[Any] | tuple[Any, ...], node: ast.AST) -> int:
        """`F.interpolate(x, size=(h * 2, w * 2))` with h, w x's own height and width: the factor, as
        `scale_factor=2` gives the same size and samples (PyTorch reads the input at in/out, 1/2)."""
        if len(size) == 2 and all(isinstance(s, _SizeTimes) for s in size):
            (high, k), (wide, k2) = size
            if k == k2 and (high.dim % 4, wide.dim % 4) == (2, 3) and \
                    self.size_owner(high) == x == self.size_owner(wide):
                return int(k)
        raise _Unsupported(f"`{ast.unparse(node)[:70]}`: a size computed from run-time sizes (cnncalc follows the "
                           f"map's own height and width times one whole number, `size=(h * 2, w * 2)`)", node)

    def resampled(self, x: Any, bound: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.interpolate(x, size=ref.shape[-2:], mode="bilinear")`: x resampled to ref's height and width,
        whatever they are (`resample bilinear { @ref | … }`), as segmentation heads return to the input's size."""
        ref = self.size_source(bound["size"])
        assert ref is not None
        if not isinstance(x, Tensor):
            raise _Unsupported("F.interpolate of something that is not a map", node)
        mode = _resampling(bound, node)
        return Tensor(self.graph.merge(self.name_of("resample"), "resample", [ref.node, x.node],
                                       self.offsets.span(node), None if mode == "nearest" else mode))

    def pooled_with_indices(self, x: Any, pool: Layer, node: ast.AST) -> tuple[Tensor, _Indices]:
        """`y, indices = self.pool(x)` of a max pool with `return_indices=True` (SegNet's encoder): the pool, and
        where x's maxima were, for a `maxunpool` of x later."""
        text = spec_text(pool)
        y = self.add_layer(text, node, x, "pool")
        a = pool.args
        (kh, kw), (dh, dw) = _pair(a["kernel_size"], "kernel_size", node), _pair(a["dilation"], "dilation", node)
        stride = a["stride"] if a["stride"] is not None and a["stride"] != [] else a["kernel_size"]
        reach = ((effective_kernel(kh, dh), effective_kernel(kw, dw)), _pair(stride, "stride", node),
                 _pair(a["padding"], "padding", node))
        return y, _Indices(x, text.removeprefix("maxpool "), reach, (dh, dw) == (1, 1) and not a["ceil_mode"])

    def unpooled(self, x: Any, a: dict[str, Any], node: ast.AST) -> Tensor:
        """`F.max_unpool2d(x, indices, 2, 2, output_size=size)` and `nn.MaxUnpool2d(2, 2)(x, indices, size)`: x's
        values put back where the pooled map's maxima were, `maxunpool 2x2 { @that map | … }`. To the pooled map's
        own size (`output_size` its `size()` or `shape[-2:]`), or without output_size by the pool's own window
        (PyTorch's (h - 1)·S - 2P + K): `maxunpool 2x2 exact`, the pooled map's size where its windows tile it and
        E067 where they do not (PyTorch's values then land at other places, or it fails)."""
        indices = a["indices"]
        if not isinstance(indices, _Indices):
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: unpooling by indices other than a max pool's "
                               f"`return_indices=True`", node)
        if not isinstance(x, Tensor):
            raise _Unsupported("max unpooling of something that is not a map", node)
        size = a["output_size"]
        stride = a["stride"] if a["stride"] is not None and a["stride"] != [] else a["kernel_size"]
        own = (_pair(a["kernel_size"], "kernel_size", node), _pair(stride, "stride", node),
               _pair(a["padding"], "padding", node))
        if own != indices.reach:  # PyTorch checks output_size against (h - 1)·S - 2P + K: a size of the map's
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: max unpooling by a kernel, stride or padding other "
                               f"than its pool's (the window's reach, its stride and padding), whose output_size "
                               f"PyTorch accepts at some map sizes only", node)
        if size is None and not indices.plain:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: max unpooling without output_size after a pool with "
                               f"dilation or ceil_mode (pass output_size=x.size() of the pooled map)", node)
        if size is not None and (size.of if isinstance(size, _ShapeOf) else self.size_source(size)) != \
                indices.source:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: an output_size other than the pooled map's own "
                               f"(`x.size()`, `x.shape[-2:]` of the map the indices come from)", node)
        span = self.offsets.span(node)
        try:
            window = spec_layer(f"maxpool {indices.window}{' exact' if size is None else ''}", span, "", False)
        except NotReadable as e:
            raise _Unsupported(e.message, node) from None
        return Tensor(self.graph.merge(self.name_of("maxunpool"), "maxunpool", [indices.source.node, x.node], span,
                                       window=window))

    def transposed_to(self, module: Layer, x: Any, size: Any, name: str, node: ast.AST) -> Tensor:
        """`self.up(x, output_size=skip.size())` (ENet's decoder, U-Nets that keep odd sizes): the transposed
        convolution whose output padding PyTorch picks to give that map's height and width, `to @skip` (its own
        `output_padding` then unused, as PyTorch leaves it)."""
        ref = size.of if isinstance(size, _ShapeOf) else self.size_source(size) if size is not None else None
        if size is not None and ref is None:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: an output_size cnncalc cannot trace to a map of the "
                               f"network (`x.size()`, `x.shape[-2:]` of one)", node)
        if not isinstance(x, Tensor):
            raise _Unsupported(f"a layer applied to {_shown(x)}, not to a tensor", node)
        if id(module) in self.first_applied:
            raise _Unsupported(f"`{ast.unparse(node)[:60]}`: a transposed convolution applied twice with "
                               f"output_size", node)
        if _has_state(module):
            self.applied[id(module)] = module
        unpadded = module._replace(args={**module.args, "output_padding": 0}) if ref is not None else module
        y = self.add_layer(self.layer_text(unpadded), module.node, x, name or module.kind.lower(),
                           to=None if ref is None else ref.node)
        self.first_applied[id(module)] = y.node
        return y

    def centre_cropped(self, x: Any, size: Any, node: ast.AST) -> Tensor:
        """torchvision's `CenterCrop([H, W])(skip)` with H, W another map's (U-Net with unpadded convolutions
        crops the skip to the upsampled map): `fit { @ref | … }`, cropped from the middle or zero-padded where
        smaller, as torchvision's center_crop does."""
        ref = self.size_source(size)
        assert ref is not None
        if not isinstance(x, Tensor):
            raise _Unsupported("a centre crop of something that is not a map", node)
        return Tensor(self.graph.merge(self.name_of("fit"), "fit", [ref.node, x.node], self.offsets.span(node)))

    def fitted(self, x: Any, pads: Any, node: ast.AST) -> Tensor:
        """`F.pad(x1, [dX // 2, dX - dX // 2, dY // 2, dY - dY // 2])` with dX, dY what x2 has more than x1:
        x1 fitted to x2's height and width (`fit { @x2 | … }`), as U-Net implementations write it."""
        parts = list(pads) if _listed(pads) and len(pads) == 4 else []
        want = [(3, True), (3, False), (2, True), (2, False)]  # left, right (width), top, bottom (height)
        if not all(isinstance(p, _GapPart) and (p.gap.axis, p.low) == w for p, w in zip(parts, want)) or \
                len({(p.gap.ref, p.gap.of) for p in parts}) != 1 or not isinstance(x, Tensor) or parts[0].gap.of != x:
            raise _Unsupported(f"`{ast.unparse(node)[:70]}`: a pad computed from run-time sizes (cnncalc follows "
                               f"F.pad(x1, [dX // 2, dX - dX // 2, dY // 2, dY - dY // 2]), x1 fitted to x2)", node)
        ref = parts[0].gap.ref
        return Tensor(self.graph.merge(self.name_of("fit"), "fit", [ref.node, x.node], self.offsets.span(node)))

    def spatial_mean(self, x: Tensor, args: list[Any], kwargs: dict[str, Any],
                     node: ast.AST) -> Tensor | _Statistic | _ChannelReduced | _HalfMean:
        """`x.mean([2, 3])`, `torch.mean(x, dim=(2, 3), keepdim=True)`: a global average pool (then a
        flatten, unless the dimensions are kept); over dimension 1 the channels' mean (a layer norm's first step
        when kept, `_Statistic`; else the map with its channel axis dropped)."""
        dims = args[0] if args else kwargs.get("dim")
        keep = args[1] if len(args) > 1 else kwargs.get("keepdim", False)
        if dims in (1, -3, [1], (1,), [-3], (-3,)) and keep is True:
            return self.statistic("mean", x, None, node)  # a layer norm written out: `x.mean(1, keepdim=True)`
        if dims in (1, -3) and keep is False:  # `torch.mean(x, 1).unsqueeze(1)`, CBAM's ChannelPool
            return _ChannelReduced(self.add_layer("channelavgpool", node, x, "mean"))
        if isinstance(dims, int) and not isinstance(dims, bool) and dims % 4 in (2, 3) and keep is False:
            return _HalfMean(x)  # `x.mean(3)`, then `.mean(2)`
        if not _listed(dims) or sorted(d % 4 if isinstance(d, int) else -1 for d in dims) != [2, 3]:
            raise _Unsupported(f"a mean over dimensions {_shown(dims)} (cnncalc follows the spatial mean, (2, 3))",
                               node)
        pooled = self.add_layer("globalavgpool", node, x, "mean")
        return pooled if keep else self.add_layer("flatten", node, pooled, "flatten")

    def tensors(self, value: Any, node: ast.AST) -> list[Tensor]:
        """What `forward` returned: a tensor, or a tuple whose first item is the main output, or a dict whose first
        entry is (torchvision's segmentation models: `result["out"]`, then `result["aux"]`)."""
        if isinstance(value, Tensor):
            return [value]
        if isinstance(value, dict):
            value = list(value.values())
        if _listed(value) and value and all(isinstance(v, Tensor) for v in value):
            return list(value)
        raise _Unsupported("a forward that returns no tensor", node)


class _ShapeOf:
    """`x.shape` / `x.size()`: indexed, a size known when the network runs."""

    def __init__(self, of: Tensor) -> None:
        self.of = of


class _SizeGap(NamedTuple):
    """`x2.size()[2] - x1.size()[2]`: how much taller (axis 2) or wider (3) ref's map is than of's."""

    ref: Tensor
    of: Tensor
    axis: int


class _GapPart(NamedTuple):
    """`gap // 2` (low: the top or left) or `gap - gap // 2` (the bottom or right): F.pad's sides."""

    gap: _SizeGap
    low: bool


class _SameSize(NamedTuple):
    """a·⌈N/S⌉ + b·N + c of a map's height or width N (`math.ceil(ih / s)` and the arithmetic on it): on the way to
    the padding TensorFlow's SAME needs, `(math.ceil(ih / s) - 1) * s + (k - 1) * d + 1 - ih`."""

    size: _SizeOf  # N, its tensor in `Reader.map_sizes`
    stride: int  # S
    a: int
    b: int
    c: int


class _SamePad(NamedTuple):
    """`max((⌈N/S⌉ - 1)·S + K_eff - N, 0)`: the padding TensorFlow's SAME adds along a map's height or width N for a
    window of K_eff (its dilation counted) at stride S (timm's `get_same_padding`, EfficientNet ports')."""

    size: _SizeOf
    window: int  # K_eff
    stride: int


class _SamePart(NamedTuple):
    """`pad // 2` (low: the top or left) or `pad - pad // 2` (the bottom or right) of a SAME padding: F.pad's sides."""

    pad: _SamePad
    low: bool


class _SamePadded(NamedTuple):
    """A map F.pad padded by TensorFlow's SAME padding for a window and stride (each (height, width)) with `value`:
    only a convolution or max pool of that window and stride without padding of its own may read it, which is then
    `pad same` (timm's Conv2dSame and MaxPool2dSame, EfficientNet ports' Conv2dDynamicSamePadding)."""

    tensor: Tensor
    window: tuple[int, int]
    stride: tuple[int, int]
    value: float


class _ZeroChannels(NamedTuple):
    """`torch.zeros(n, c, h, w)` in a forward, of the batch and a map's height and width (ENet's and PyramidNet's
    shortcut): `channels` zero channels, or, a gap (`ch_ext - ch_main`), those one map has more than another. Joined
    after a map by `torch.cat`, they pad its channels."""

    channels: int | _SizeGap


class _SpatialSize(NamedTuple):
    """`x.size()[2:]` / `x.shape[-2:]`: the height and width of tensor x, known when the network runs;
    as the kernel of a pool on x itself, the pool is global (`F.avg_pool2d(x, x.size()[2:])`)."""

    of: Tensor


# modules a model file imports that are not the user's own (`torch` covers torchvision too)
_LIBRARIES = ("torch", "typing", "collections", "functools", "math", "dataclasses", "copy", "itertools")
# calls passed over: their arguments are not read (torchvision's usage logging, imported by its model files)
_SILENT = {"print", "torch._assert", "torch._C._log_api_usage_once", "_log_api_usage_once",
           "utils._log_api_usage_once", "torchvision.utils._log_api_usage_once"}
# values that exist only when the network runs
_RUN_TIME = (Tensor, _SizeOf, _SizePlus, _ShapeOf, _SizeGap, _GapPart, _ZeroChannels, _SameSize, _SamePad, _SamePart,
             _SamePadded)
# what a layer holds besides its arguments: assigning one of these (or an argument) changes the layer
_LAYER_STATE = frozenset({"weight", "bias", "running_mean", "running_var", "num_batches_tracked", "training",
                          "forward", "in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
                          "groups", "in_features", "out_features", "num_features"})
# Python's own methods of plain values that a model's set-up uses; none changes anything but its owner
_VALUE_METHODS: dict[type, frozenset[str]] = {
    str: frozenset({"startswith", "endswith", "lower", "upper", "strip", "lstrip", "rstrip", "split", "replace",
                    "join", "isdigit", "count", "find"}),
    dict: frozenset({"get", "pop", "copy", "update", "setdefault"}),
    list: frozenset({"copy", "index", "count", "pop"}),
}
# tensor functions and methods that join two maps value by value (`torch.maximum(a, b)`, `a.sub(b)`): the merge
_STATISTIC_OPERATORS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_JOINS = {"add": "add", "sub": "sub", "subtract": "sub", "mul": "mul", "multiply": "mul", "maximum": "max",
          "minimum": "min", "max": "max", "min": "min"}
_STACK_REDUCTIONS = {"mean": "avg", "sum": "add", "amax": "max", "amin": "min"}  # `torch.stack([a, b]).mean(0)`
# tensor methods that overwrite the tensor
_IN_PLACE = {"relu_", "sigmoid_", "tanh_", "add_", "sub_", "mul_", "clamp_", "clip_", "hardtanh_"}
# Libraries' nn.Module classes a model derives from, by the name `derives` takes: the Dive into Deep Learning
# book's (`from d2l import torch as d2l`), whose forward is `self.net(X)` and whose `save_hyperparameters()`
# makes the `__init__`'s arguments attributes; PyTorch Lightning's, whose `save_hyperparameters()` keeps them
# in `self.hparams`
D2L, LIGHTNING = "d2l.torch.Module", "lightning.LightningModule"
_LIBRARY_BASES = {
    D2L: frozenset({"d2l.torch.Module", "d2l.torch.Classifier"}),
    LIGHTNING: frozenset({"pytorch_lightning.LightningModule", "pytorch_lightning.core.LightningModule",
                          "lightning.LightningModule", "lightning.pytorch.LightningModule",
                          "lightning.pytorch.core.LightningModule"})}
_LIBRARY_MODULES = frozenset().union(*_LIBRARY_BASES.values())
# what wraps a model to run it on several devices, or compiled: the network is the one wrapped
_WEIGHT_NORMS = frozenset({"torch.nn.utils.weight_norm", "torch.nn.utils.parametrizations.weight_norm"})
_SPECTRAL_NORMS = frozenset({"torch.nn.utils.spectral_norm", "torch.nn.utils.parametrizations.spectral_norm"})
_WRAPPERS = frozenset({"torch.nn.DataParallel", "torch.nn.parallel.DataParallel",
                       "torch.nn.parallel.DistributedDataParallel", "torch.compile"})


def _grown_length(text: str, method: str, args: list[Any]) -> int:
    """The most characters a string method can make, known before it runs (`replace` and `join` grow)."""
    if method == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        return len(text) + (text.count(args[0]) if args[0] else len(text) + 1) * len(args[1])
    if method == "join" and len(args) == 1 and _listed(args[0]):
        return sum(len(p) if isinstance(p, str) else 0 for p in args[0]) + len(text) * len(args[0])
    return len(text)


def layer_form(source: str) -> str:
    """The spec form of one layer written in PyTorch (`nn.Conv2d(3, 16, 3, stride=3, padding=1)`), or of
    an `nn.Sequential(...)` of layers (`conv 6 5x5 ; relu`), for code pasted into a spec; NotReadable
    (with the reason) when it is not that."""
    try:
        node = parse_python(source.strip(), "eval").body
    except (SyntaxError, RecursionError, ValueError, MemoryError):
        raise NotReadable("not one Python expression", Span(0, len(source))) from None
    reader = _Reader(source, DiagnosticSink())
    try:
        layer = reader.eval(node, {})
        if isinstance(layer, Sequence) and layer.items and all(isinstance(m, Layer) for _, m in layer.items):
            return " ; ".join(spec_text(m) for _, m in layer.items)
        if not isinstance(layer, Layer):
            raise _Unsupported("anything but a layer or an nn.Sequential of layers", node)
        return spec_text(layer)
    except _Unsupported as e:
        raise NotReadable(f"not supported: {e.message}", reader.offsets.span(e.node)) from None
    except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError) as e:
        raise NotReadable(why(e), Span(0, len(source))) from None

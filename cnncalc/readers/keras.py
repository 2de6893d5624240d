"""Keras model JSON (`model.to_json()`, Keras 2 and 3; Sequential and Functional) -> IR; a Keras script
(Python building a Sequential, functional or subclassed model) through the JSON its model would write (keras_source.py).

Each layer's config says what it is; the graph comes from `inbound_nodes` (Keras 2's
`[[name, node, tensor, kwargs], ...]` or Keras 3's `{"args": [keras tensors]}`), a Sequential's
from the order. An activation fused into a layer (`Conv2D(..., activation="relu")`) becomes a
layer of its own after it. Keras' conventions are kept: `padding="same"` is TensorFlow's,
BatchNormalization's epsilon defaults to 0.001 and its moving mean and variance are non-trainable
(Keras' "Non-trainable params"), GlobalAveragePooling2D flattens, `channels_first` models read
their shapes as C, H, W. Positions come from the layer's `"name"` in the text.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from cnncalc import ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.readers.graph import INPUT, Malformed, Progress, Unsupported, read_guarded, spec_layer, why

BY = "Keras"


ACTIVATIONS = {"relu": "relu", "relu6": "relu6", "sigmoid": "sigmoid", "tanh": "tanh", "softmax": "softmax",
               "elu": "elu", "swish": "silu", "silu": "silu", "gelu": "gelu", "hard_sigmoid": "hardsigmoid",
               "hard_swish": "hardswish", "hard_silu": "hardswish", "mish": "mish", "leaky_relu": "leakyrelu 0.2",
               "log_softmax": "logsoftmax", "selu": "selu", "softplus": "softplus", "softsign": "softsign",
               "hard_tanh": "hardtanh", "log_sigmoid": "logsigmoid", "celu": "celu", "hard_shrink": "hardshrink",
               "soft_shrink": "softshrink", "tanh_shrink": "tanhshrink"}  # (the shrinks' threshold 0.5 by name)


def _shown(value: Any) -> str:
    """A value in a message as the JSON writes it (`null`, `"same"`), cut to a line."""
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _pair(value: Any, what: str, span: Span) -> tuple[int, int]:
    """A size, stride, crop or padding given as one whole number or two; Keras takes none below 0 (a negative one
    would read as arithmetic in the spec text written from it)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, value
    if isinstance(value, list) and len(value) == 2 and \
            all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value):
        return value[0], value[1]
    raise Unsupported(f"{what} {_shown(value)} (expected a whole number or two, none below 0)", span)


def _whole(value: Any, what: str, span: Span, least: int = 1) -> int:
    """A count Keras takes as a whole number (filters, units, groups, a padding's rows): at least `least`. A string
    or a bool is refused, never written into the spec text (`'8 stride 2'` would be read as a stride)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return value
    raise Unsupported(f"{what} {_shown(value)} (expected a whole number of at least {least})", span)


def _real(value: Any, what: str, span: Span) -> float:
    """A number Keras takes as a float (an epsilon, a rate, a slope): a finite one, never a string."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise Unsupported(f"{what} {_shown(value)} (expected a number)", span)


def _size(h: int, w: int) -> str:
    return str(h) if h == w else f"{h}x{w}"


def _activation(name: Any, span: Span) -> str | None:
    """The spec layer of a fused activation, None for `linear`."""
    if isinstance(name, dict):  # Keras 3 may serialise it as an object
        name = name.get("config", {}).get("name", name.get("class_name"))
    if name in (None, "linear"):
        return None
    if name not in ACTIVATIONS:
        raise Unsupported(f"the activation {_shown(name)}", span)
    return ACTIVATIONS[name]


def _padding(config: dict[str, Any], span: Span) -> str:
    padding = config.get("padding", "valid")
    if padding == "same":
        return " pad same"
    if padding != "valid":
        raise Unsupported(f"padding {_shown(padding)}", span)
    return ""


# Layers that join their inputs, as the spec language's merges. CustomScaleLayer (Keras' Inception-ResNet):
# x + scale·residual, an add with no weights.
_MERGES = {"Concatenate": "concat", "Add": "add", "Subtract": "sub", "Average": "avg", "Maximum": "max",
           "Minimum": "min", "Multiply": "mul", "CustomScaleLayer": "add"}
# Layers with weights: how many of the spec layers each is written as hold them (a fused activation does not)
_WEIGHTED = {"Conv2D": 1, "Convolution2D": 1, "Conv1D": 1, "Convolution1D": 1, "DepthwiseConv2D": 1,
             "SeparableConv2D": 2, "Conv2DTranspose": 1,
             "Convolution2DTranspose": 1, "Dense": 1, "BatchNormalization": 1, "LayerNormalization": 1,
             "GroupNormalization": 1, "PReLU": 1, "LayerScale": 1}
# Layers that only act while training (augmentation, noise, regularisers): the input itself at inference
TRAINING_ONLY = frozenset({
    "RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast", "RandomBrightness",
    "RandomHeight", "RandomWidth", "RandomHue", "RandomSaturation", "RandomSharpness", "RandomShear",
    "RandomGrayscale", "RandomColorJitter", "RandomErasing", "RandomGaussianBlur", "RandomPerspective",
    "RandomPosterization", "RandomInvert", "RandomElasticTransform", "RandomColorDegeneration", "RandAugment",
    "AugMix", "CutMix", "MixUp", "Solarization", "GaussianNoise",
    "GaussianDropout", "AlphaDropout", "ActivityRegularization", "Identity"})


# Operations written as layers: Keras 3's on Keras tensors (`x + 3.0`, `x / 255.0`, `keras.ops.sigmoid(x)`: a layer
# of module keras.src.ops.*, named by the operation) and Keras 2's TFOpLambda (a TensorFlow function on Keras tensors,
# `tf.math.multiply`, its arguments in the inbound node). Each is read as the layer it equals (`_operation`).
_ARITHMETIC = {"Add", "Subtract", "Multiply", "Maximum", "Minimum", "TrueDivide", "Divide"}
_TF_ARITHMETIC = {"__operators__.add": "Add", "math.add": "Add", "math.subtract": "Subtract",
                  "math.multiply": "Multiply", "math.truediv": "TrueDivide", "math.divide": "TrueDivide",
                  "math.maximum": "Maximum", "math.minimum": "Minimum"}
# the operations that are an activation, by the name `Activation` takes
_OP_ACTIVATIONS = {"Relu": "relu", "Relu6": "relu6", "Sigmoid": "sigmoid", "Silu": "silu", "Swish": "silu",
                   "HardSigmoid": "hard_sigmoid", "HardSilu": "hard_silu", "HardSwish": "hard_silu", "Tanh": "tanh",
                   "Gelu": "gelu", "Selu": "selu", "Softplus": "softplus", "Softsign": "softsign", "Mish": "mish",
                   "LogSigmoid": "log_sigmoid", "LogSoftmax": "log_softmax"}
_TF_ACTIVATIONS = {"nn.relu": "relu", "nn.relu6": "relu6", "math.sigmoid": "sigmoid", "nn.sigmoid": "sigmoid",
                   "nn.silu": "silu", "nn.swish": "silu", "math.tanh": "tanh", "nn.tanh": "tanh", "nn.gelu": "gelu",
                   "nn.selu": "selu", "nn.elu": "elu", "math.softplus": "softplus", "nn.softplus": "softplus",
                   "math.softsign": "softsign", "nn.softsign": "softsign", "nn.softmax": "softmax",
                   "math.log_sigmoid": "log_sigmoid"}
_TF_REDUCTIONS = {"math.reduce_mean": "GlobalAveragePooling2D", "math.reduce_max": "GlobalMaxPooling2D"}
_REDUCTIONS = {"Mean": "GlobalAveragePooling2D", "Max": "GlobalMaxPooling2D"}


def _is_constant(value: Any) -> bool:
    """A number, or numbers in nested lists (a TFOpLambda's tensor of constants `y`), not a tensor of the model (Keras
    2's `[layer, node, tensor]`, Keras 3's `{"class_name": "__keras_tensor__", ...}`)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list) and item and not isinstance(item[0], str):
            stack.extend(item)
        elif not isinstance(item, (int, float)) or isinstance(item, bool):
            return False
    return True


# (the Reshape operation shares the layer's name: known by its module alone)
_OPERATIONS = {*_ARITHMETIC, *_OP_ACTIVATIONS, *_REDUCTIONS, "Elu", "LeakyRelu", "TFOpLambda", "Resize", "Clip", "Pad",
               "MaxPool", "AveragePool"}


_Read = tuple[str, int, int]  # a tensor a layer reads: (layer, its application, which of its outputs)


def _is_operation(layer: dict[str, Any]) -> bool:
    """A Keras 3 operation or a Keras 2 TFOpLambda layer (`_operation` reads it); by its name too, since Keras 3's
    legacy `.h5` writes no module (an Add layer, which shares the Add operation's name, is read as itself)."""
    return layer.get("class_name") in _OPERATIONS or str(layer.get("module", "")).startswith("keras.src.ops.")


def _resize_op(config: dict[str, Any], span: Span) -> tuple[str, dict[str, Any]]:
    """`keras.ops.image.resize(x, (H, W))`: Resizing's arithmetic (antialiased, E070)."""
    if config.get("antialias"):
        raise Unsupported("an antialiased resize (cnncalc resizes nearest or bilinear)", span)
    size = config.get("size")
    if not isinstance(size, list) or len(size) != 2:
        raise Unsupported(f"a resize to {_shown(size)}", span)
    kept = ("interpolation", "crop_to_aspect_ratio", "pad_to_aspect_ratio")
    return "Resizing", {"name": config.get("name"), "height": size[0], "width": size[1],
                        **{k: config[k] for k in kept if k in config}}


def _reshape_op(config: dict[str, Any], span: Span) -> tuple[str, dict[str, Any]]:
    """`keras.ops.reshape(x, (-1, 240))`: the Reshape layer's, its target the shape after the batch's -1."""
    shape = config.get("newshape")
    if not isinstance(shape, list) or len(shape) < 2 or shape[0] not in (-1, None) or -1 in shape[1:]:
        raise Unsupported(f"a reshape to {_shown(shape)} (cnncalc follows one that keeps the batch, -1 first)", span)
    return "Reshape", {"name": config.get("name"), "target_shape": shape[1:]}


def _clip_op(config: dict[str, Any], span: Span) -> tuple[str, dict[str, Any]]:
    """`keras.ops.clip(x, 0.0, 6.0)`: a ReLU with that ceiling (`relu6`, or `hardtanh low 0 high M`)."""
    if config.get("x_min") != 0 or not isinstance(config.get("x_max"), (int, float)):
        raise Unsupported(f"a clip to [{_shown(config.get('x_min'))}, {_shown(config.get('x_max'))}] (cnncalc "
                          f"follows one from 0)", span)
    return "ReLU", {"name": config.get("name"), "max_value": config["x_max"]}


def _pad_op(config: dict[str, Any], span: Span) -> tuple[str, dict[str, Any]]:
    """`keras.ops.pad(x, [[0, 0], [t, b], [l, r], [0, 0]])` with zeros: ZeroPadding2D's."""
    pads = config.get("pad_width")
    if config.get("mode", "constant") != "constant" or config.get("constant_values") not in (None, 0) or \
            not isinstance(pads, list) or len(pads) != 4 or pads[0] != [0, 0] or pads[3] != [0, 0]:
        raise Unsupported(f"a pad by {_shown(pads)} in mode {_shown(config.get('mode'))} (cnncalc follows zeros "
                          f"around the height and width of channels-last maps)", span)
    return "ZeroPadding2D", {"name": config.get("name"), "padding": pads[1:3]}


# Keras 3's operations (`keras.ops.…` in a functional model) that are a layer with another config
_OP_LAYERS: dict[str, Callable[[dict[str, Any], Span], tuple[str, dict[str, Any]]]] = {
    "Resize": _resize_op, "Reshape": _reshape_op, "Clip": _clip_op, "Pad": _pad_op,
    "MaxPool": lambda config, span: ("MaxPooling2D", config),
    "AveragePool": lambda config, span: ("AveragePooling2D", config)}


def _operation(layer: dict[str, Any], application: int, channels_first: bool,
               span: Span) -> tuple[str, dict[str, Any]]:
    """An operation as the layer it equals, (class name, config): arithmetic with a number (`x + 3.0`, `x * (1/6)`,
    `x / 255.0`: the same number on every value, which keeps the shape and learns nothing) as Identity, as Rescaling
    is read; between two tensors the merge (`x + y`: Add), a division of two E070; an activation as Activation; a
    mean or a max over the height and width as the global pool (`keepdims`). Any other is E070, named."""
    nodes = layer.get("inbound_nodes")
    node = nodes[application] if isinstance(nodes, list) and application < len(nodes) else None
    config = layer["config"]
    name = config.get("name")
    if layer.get("class_name") == "TFOpLambda":
        function = str(config.get("function"))
        # Keras 2 writes the call's first tensor as [layer, node, tensor, keyword arguments]
        arguments = node[3] if isinstance(node, list) and len(node) > 3 and isinstance(node[3], dict) else {}
        constant = _is_constant(arguments.get("y"))
        kind = _TF_ARITHMETIC.get(function) or _TF_REDUCTIONS.get(function)
        if function in _TF_ACTIVATIONS:
            return "Activation", {"name": name, "activation": _TF_ACTIVATIONS[function]}
        if kind is None:
            raise Unsupported(f"the TensorFlow function `tf.{function}` (TFOpLambda)", span)
        config = {"name": name, **{k: v for k, v in arguments.items() if k in ("axis", "keepdims")}}
    else:
        kind = str(layer.get("class_name"))
        args = node.get("args") if isinstance(node, dict) else None
        constant = isinstance(args, list) and any(map(_is_constant, args))
        if kind in _OP_ACTIVATIONS:
            return "Activation", {"name": name, "activation": _OP_ACTIVATIONS[kind]}
        if kind == "Elu":
            return "ELU", config
        if kind == "LeakyRelu":
            return "LeakyReLU", config
        if kind in _OP_LAYERS:
            return _OP_LAYERS[kind](config, span)
        if kind not in _ARITHMETIC and kind not in _REDUCTIONS:
            return kind, config  # (Softmax, Concatenate: the layer's name and config; another is E070 as a layer)
        kind = _REDUCTIONS.get(kind, kind)
    if kind in _ARITHMETIC:
        if constant:
            return "Identity", config
        if kind in ("TrueDivide", "Divide"):
            raise Unsupported("a division of one tensor by another (cnncalc divides by numbers only)", span)
        return kind, config
    axis = config.get("axis")
    axes = sorted(a % 4 if isinstance(a, int) and not isinstance(a, bool) else -1
                  for a in (axis if isinstance(axis, list) else [axis]))
    if axes != ([2, 3] if channels_first else [1, 2]):
        raise Unsupported(f"a {'mean' if 'Average' in kind else 'max'} over axis {_shown(axis)} (cnncalc takes it "
                          f"over the height and width, a global pool)", span)
    return kind, {"name": name, "keepdims": config.get("keepdims") is True}


def _transposed_side(kernel: int, stride: int, dilation: int, same: bool,
                     output_padding: int | None) -> tuple[int, int, int]:
    """A Conv2DTranspose's padding (before, after) and output padding on one axis, from Keras' output length:
    with `output_padding`, (N - 1)·S + K_eff - 2·pad + output_padding, pad K_eff // 2 for 'same' and 0 for
    'valid'; without, N·S ('same') or N·S + max(K_eff - S, 0) ('valid'): K_eff - S cropped, the odd row at
    the end, or S - K_eff added as output padding when the kernel is the smaller."""
    reach = dilation * (kernel - 1) + 1
    if output_padding is not None:
        pad = reach // 2 if same else 0
        return pad, pad, output_padding
    if reach < stride:
        return 0, 0, stride - reach
    total = reach - stride if same else 0
    return total // 2, total - total // 2, 0


def layer_texts(kind: str, config: dict[str, Any], span: Span, rank: int | None = None,
                channels_first: bool = False) -> list[str]:
    """The spec layers of a Keras layer (a SeparableConv2D is two; a fused activation adds one).
    `rank` is its input's (4 for a batch of maps, 2 of vectors; None when not known)."""
    out: list[str]
    if kind in ("Conv2D", "Convolution2D"):
        kh, kw = _pair(config["kernel_size"], "kernel_size", span)
        sh, sw = _pair(config.get("strides", 1), "strides", span)
        dh, dw = _pair(config.get("dilation_rate", 1), "dilation_rate", span)
        text = f"conv {_whole(config['filters'], 'filters', span)} {kh}x{kw}" + \
            (f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) else "")
        text += _padding(config, span) + (f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else "")
        groups = _whole(config.get("groups", 1), "groups", span)
        text += f" groups {groups}" if groups != 1 else ""
        out = [text + ("" if config.get("use_bias", True) else " nobias")]
    elif kind in ("Conv1D", "Convolution1D"):
        out = [_channel_conv(config, rank, span)]
    elif kind in ("DepthwiseConv2D", "SeparableConv2D"):
        kh, kw = _pair(config["kernel_size"], "kernel_size", span)
        sh, sw = _pair(config.get("strides", 1), "strides", span)
        dh, dw = _pair(config.get("dilation_rate", 1), "dilation_rate", span)
        multiplier = _whole(config.get("depth_multiplier", 1), "depth_multiplier", span)
        text = f"dwconv {kh}x{kw}" + (f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) else "") + _padding(config, span)
        text += (f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else "")
        text += f" multiplier {multiplier}" if multiplier != 1 else ""
        if kind == "DepthwiseConv2D":
            out = [text + ("" if config.get("use_bias", True) else " nobias")]
        else:  # the depthwise part has no bias in Keras; the pointwise part has
            bias = "" if config.get("use_bias", True) else " nobias"
            out = [text + " nobias", f"conv {_whole(config['filters'], 'filters', span)} 1x1{bias}"]
    elif kind in ("Conv2DTranspose", "Convolution2DTranspose"):
        kh, kw = _pair(config["kernel_size"], "kernel_size", span)
        sh, sw = _pair(config.get("strides", 1), "strides", span)
        dh, dw = _pair(config.get("dilation_rate", 1), "dilation_rate", span)
        text = f"deconv {_whole(config['filters'], 'filters', span)} {kh}x{kw}" + \
            (f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) else "")
        same = config.get("padding", "valid") == "same"
        if not same and config.get("padding", "valid") != "valid":
            raise Unsupported(f"padding {_shown(config.get('padding'))}", span)
        given = config.get("output_padding")
        extra: tuple[int | None, int | None] = (None, None) if given is None else \
            _pair(given, "output_padding", span)
        top, bottom, oh = _transposed_side(kh, sh, dh, same, extra[0])
        left, right, ow = _transposed_side(kw, sw, dw, same, extra[1])
        text += f" pad {top},{bottom},{left},{right}" if top or bottom or left or right else ""
        text += f" outpad {_size(oh, ow)}" if oh or ow else ""
        text += f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else ""
        out = [text + ("" if config.get("use_bias", True) else " nobias")]
    elif kind in ("MaxPooling2D", "AveragePooling2D", "MaxPool2D", "AveragePooling2D", "AvgPool2D"):
        kh, kw = _pair(config.get("pool_size", 2), "pool_size", span)
        sh, sw = _pair(config.get("strides") or [kh, kw], "strides", span)
        average = kind.startswith("Av")
        text = f"{'avgpool' if average else 'maxpool'} {kh}x{kw} stride {_size(sh, sw)}" + _padding(config, span)
        out = [text + (" exclude_pad" if average and config.get("padding") == "same" else "")]
    elif kind in ("GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalAvgPool2D", "GlobalMaxPool2D"):
        pool = "globalmaxpool" if "Max" in kind else "globalavgpool"
        out = [pool] if config.get("keepdims", False) else [pool, "flatten"]
    elif kind in ("AdaptiveAveragePooling2D", "AdaptiveMaxPooling2D"):  # PyTorch's windows, as Keras' own take them
        oh, ow = _pair(config.get("output_size"), "output_size", span)
        out = [f"{'adaptivemaxpool' if 'Max' in kind else 'adaptiveavgpool'} {_size(oh, ow)}"]
    elif kind == "Dense" and rank == 4 and not channels_first:  # at each position, on the channels: a 1x1 conv
        out = [f"conv {_whole(config['units'], 'units', span)} 1x1" + ("" if config.get("use_bias", True) else
                                                                          " nobias")]
    elif kind == "Dense":
        out = [f"fc {_whole(config['units'], 'units', span)}" + ("" if config.get("use_bias", True) else " nobias")
               + " noflatten"]
    elif kind == "Flatten":
        out = ["flatten"]
    elif kind == "Reshape":
        target = config.get("target_shape")
        sizes = target if isinstance(target, list) and all(isinstance(d, int) and not isinstance(d, bool) and
                                                           (d > 0 or d == -1) for d in target) and \
            target.count(-1) <= 1 else None
        if sizes is not None and len(sizes) == 3 and sizes[0 if channels_first else 2] == -1 and -1 not in sizes[
                slice(1, 3) if channels_first else slice(0, 2)]:  # `Reshape((7, 7, -1))`: the depth its input gives
            h, w = sizes[1:] if channels_first else sizes[:2]
            out = [f"reshape {h}x{w}"]
        elif sizes is not None and len(sizes) == 3 and -1 not in sizes:
            h, w, c = (sizes[1], sizes[2], sizes[0]) if channels_first else sizes  # `Reshape((7, 7, 256))`
            out = [f"reshape {h}x{w}x{c}"]
        elif sizes is not None and len(sizes) == 1:  # (a length of its own: checked against the values, as Keras does)
            out = ["flatten" if sizes[0] == -1 else f"flatten inputs {sizes[0]}"]
        elif sizes is not None and len(sizes) == 2 and sizes[1] == 1 and not channels_first:
            # `Reshape((-1, 1))` of a pooled vector (ECA-Net's gate in Keras): its values as a sequence of one
            # channel, which only a Conv1D along it reads (`channelconv`)
            out = ["flatten" if sizes[0] == -1 else f"flatten inputs {sizes[0]}"]
        else:
            raise Unsupported(f"a Reshape to {_shown(target)} (cnncalc follows a reshape to a vector or to a map, "
                              f"(H, W, C))", span)
    elif kind == "BatchNormalization":
        _channel_axis(config.get("axis", -1), rank, channels_first, kind, span)
        eps = _real(config.get("epsilon", 1e-3), "epsilon", span)
        out = ["bn" + ("" if eps == 1e-5 else f" eps {eps!r}") + _learnt(config)]
    elif kind == "LayerNormalization":
        volume = _whole_image(config.get("axis", -1), rank)
        if not volume:
            _channel_axis(config.get("axis", -1), rank, channels_first, kind, span)
        if config.get("rms_scaling"):
            raise Unsupported("LayerNormalization with rms_scaling", span)
        eps = _real(config.get("epsilon", 1e-3), "epsilon", span)
        out = [f"layernorm eps {eps!r}{_learnt(config)}{' volume' * volume}"]
    elif kind == "UnitNormalization":  # x / sqrt(max(Σx², 1e-12)): a length of at least 1e-6
        _channel_axis(config.get("axis", -1), rank, channels_first, kind, span)
        out = ["l2norm eps 1e-06"]
    elif kind == "Normalization":
        if config.get("mean") is not None and config.get("variance") is not None:
            return ["identity"]  # its mean and variance are constants written in the file: no weights
        out = ["bn noaffine counted"]  # adapted to data: its mean, variance and count are non-trainable weights
    elif kind == "LayerScale" and isinstance(config.get("projection_dim"), int):
        # Keras' ConvNeXt: a learnt scale per channel, its gamma (of projection_dim values: checked); of one value,
        # broadcast over any channels
        values = _whole(config["projection_dim"], "projection_dim", span)
        return ["scale nobias one" if values == 1 else f"scale nobias inputs {values}"]
    elif kind == "StochasticDepth":
        return ["identity"]  # Keras' ConvNeXt: drops a residual branch in training only
    elif kind in ("Dropout", "SpatialDropout2D"):
        out = [f"dropout {_real(config.get('rate', 0.5), 'rate', span)!r}"]
    elif kind == "Activation":
        act = _activation(config.get("activation"), span)
        out = [act] if act else ["identity"]
        return out
    elif kind == "ReLU":
        slope, ceiling = _real(config.get("negative_slope", 0) or 0, "negative_slope", span), config.get("max_value")
        threshold = _real(config.get("threshold", 0) or 0, "threshold", span)
        if threshold < 0:
            raise Malformed(f"ReLU threshold {threshold!r}: Keras refuses a negative threshold", span)
        if threshold and (slope or ceiling is not None):
            raise Unsupported("ReLU with a threshold and a negative slope or a maximum", span)
        if threshold:  # x from the threshold on, 0 below (`threshold T`: x above T; the same but where x is T)
            return [f"threshold {threshold!r}"]
        if ceiling is None:
            return [f"leakyrelu {slope!r}" if slope else "relu"]
        if ceiling == 6 and not slope:
            return ["relu6"]
        if not slope and isinstance(ceiling, (int, float)) and not isinstance(ceiling, bool):
            return [f"hardtanh low 0 high {float(ceiling)!r}"]  # clipped to [0, max_value]
        raise Unsupported(f"ReLU(max_value={_shown(ceiling)}, negative_slope={_shown(slope)}) (a leaky ReLU clipped "
                          f"above: cnncalc clips without a slope, `hardtanh`, or slopes without a clip, `leakyrelu`)",
                          span)
    elif kind == "LeakyReLU":
        slope = _real(config.get("negative_slope", config.get("alpha", 0.3)), "negative_slope", span)
        return [f"leakyrelu {slope!r}"]
    elif kind == "ELU":
        return [f"elu {_real(config.get('alpha', 1.0), 'alpha', span)!r}"]
    elif kind == "PReLU":  # a slope per value of its input, but one for all the positions of each shared axis
        shared = config.get("shared_axes") or []
        whole = isinstance(shared, list) and all(isinstance(a, int) and not isinstance(a, bool) for a in shared)
        shared = sorted(shared) if whole else [shared]
        if rank == 2 and shared in ([], [1]):
            return ["prelu perchannel" if not shared else "prelu"]
        spatial = [2, 3] if channels_first else [1, 2]
        if rank != 2 and shared in ([], spatial, [1, 2, 3]):
            return ["prelu pervalue" if not shared else "prelu perchannel" if shared == spatial else "prelu"]
        raise Unsupported(f"PReLU with shared_axes {_shown(config.get('shared_axes'))} (cnncalc's prelu learns a "
                          f"slope per value, per channel, or one in all)", span)
    elif kind == "Softmax":
        return ["softmax"]
    elif kind == "ZeroPadding2D":
        padding = config.get("padding", 1)
        if isinstance(padding, list) and len(padding) == 2 and all(isinstance(p, list) for p in padding):
            (t, b), (left, r) = (_pair(p, "padding", span) for p in padding)
            return [f"zeropad {t},{b},{left},{r}"]
        h, w = _pair(padding, "padding", span)
        return [f"zeropad {h},{h},{w},{w}"]
        raise Unsupported(f"ZeroPadding2D padding {_shown(padding)}", span)
    elif kind == "Cropping2D":
        cropping = config.get("cropping", 0)
        if isinstance(cropping, list) and len(cropping) == 2 and all(isinstance(p, list) for p in cropping):
            (t, b), (left, r) = (_pair(p, "cropping", span) for p in cropping)
            return [f"crop {t},{b},{left},{r}"]
        h, w = _pair(cropping, "cropping", span)
        return [f"crop {h},{h},{w},{w}"]
    elif kind == "UpSampling2D":
        h, w = _pair(config.get("size", 2), "size", span)
        mode = config.get("interpolation", "nearest")
        if mode not in ("nearest", "bilinear"):
            raise Unsupported(f"UpSampling2D interpolation {_shown(mode)}", span)
        return [f"upsample {_size(h, w)}" + (" bilinear" if mode == "bilinear" else "")]
    elif kind == "CenterCrop":  # at inference as in training: the central HxW, from (N - n)//2; a smaller input resized
        h, w = _pair([config.get("height"), config.get("width")], "height and width", span)
        return [f"centercrop {h}x{w} floor resize"]
    elif kind in ("DepthToSpace", "SpaceToDepth"):  # `keras.ops.depth_to_space(x, 2)`: TensorFlow's block order
        if config.get("data_format", "channels_last") != "channels_last" or channels_first:
            raise Unsupported(f"{kind} of channels-first data", span)
        shuffle = "pixelshuffle" if kind == "DepthToSpace" else "pixelunshuffle"
        return [f"{shuffle} {_whole(config.get('block_size'), 'block_size', span)} dcr"]
    elif kind == "Rescaling" or kind in TRAINING_ONLY:
        return ["identity"]
    elif kind == "RandomCrop":  # (its size at inference is not in the file: the Keras version's)
        raise Unsupported("RandomCrop: at inference Keras 3 returns its input unchanged, though its output shape says "
                          "the crop's, and Keras 2 resizes and crops to it; give the size the model runs at with a "
                          "Resizing or CenterCrop layer", span)
    elif kind == "Resizing":
        mode = config.get("interpolation", "bilinear")
        if mode not in ("nearest", "bilinear"):
            raise Unsupported(f"Resizing with interpolation {_shown(mode)} (cnncalc resizes nearest or bilinear)",
                              span)
        kept = next((f for f in ("crop_to_aspect_ratio", "pad_to_aspect_ratio") if config.get(f)), None)
        if kept is not None:
            raise Unsupported(f"Resizing with {kept} (cnncalc resizes the whole image)", span)
        h, w = _whole(config["height"], "height", span), _whole(config["width"], "width", span)
        return [f"resize {h}x{w}" + (" bilinear" if mode == "bilinear" else "")]
    elif kind == "GroupNormalization":
        _channel_axis(config.get("axis", -1), rank, channels_first, kind, span)
        eps = _real(config.get("epsilon", 1e-3), "epsilon", span)
        groups = _whole(config.get("groups", 32), "groups", span)
        # (Keras builds a group of one value, which PyTorch refuses: `onevalue`)
        return [f"groupnorm {groups} onevalue" + ("" if eps == 1e-5 else f" eps {eps!r}") + _learnt(config)]
    else:
        raise Unsupported(f"the layer `{kind}` (docs/notations.md lists the Keras layers cnncalc reads)", span)
    act = _activation(config.get("activation"), span)
    return out + ([act] if act else [])


# ---- the model ---------------------------------------------------------------------------------------


def _learnt(config: dict[str, Any]) -> str:
    """A normalisation's learnt parts as the spec says them: Keras' `center` is beta, `scale` gamma."""
    center, scale = config.get("center", True), config.get("scale", True)
    return "" if center and scale else " noscale" if center else " noshift" if scale else " noaffine"


def _first_data_format(layers: list[Any], depth: int = 0) -> str | None:
    """The data format the first layer that states one states, in the models used as layers too (an outer model of
    a Flatten and Dense around a channels-first backbone states none itself); None when none does."""
    for layer in layers:
        config = layer.get("config") if isinstance(layer, dict) else None
        if not isinstance(config, dict):
            continue
        if isinstance(config.get("data_format"), str):
            return str(config["data_format"])
        inner = config.get("layers")
        found = _first_data_format(inner, depth + 1) if isinstance(inner, list) and depth < limits.MAX_DEPTH else None
        if found is not None:
            return found
    return None


def _whole_image(axis: Any, rank: int | None) -> bool:
    """Whether a norm's `axis` is every axis of a map but the batch's (`[1, 2, 3]`, `[-3, -2, -1]`): each image's
    whole volume, a gamma and a beta per value (`layernorm volume`)."""
    return rank in (None, 4) and isinstance(axis, list) and len(axis) == 3 and \
        all(isinstance(a, int) and not isinstance(a, bool) and -4 <= a <= 3 for a in axis) and \
        sorted(a % 4 for a in axis) == [1, 2, 3]


def _channel_axis(axis: Any, rank: int | None, channels_first: bool, kind: str, span: Span) -> None:
    """A norm's `axis` must be the channels' (the last, or 1 channels first), as cnncalc's norms are."""
    axes = axis if isinstance(axis, list) else [axis]
    if rank is None:  # Keras 2 says no rank: a batch of maps, or the channels' axis written -1
        ok = axes in ([1],) if channels_first else axes in ([-1], [3])
    else:
        channel = 1 if channels_first and rank == 4 else rank - 1
        ok = len(axes) == 1 and isinstance(axes[0], int) and axes[0] % rank == channel
    if not ok:
        raise Unsupported(f"{kind} over axis {_shown(axis)} (cnncalc normalises the channels)", span)


def read(text: str, sink: DiagnosticSink) -> ir.File:
    return read_guarded(_read, text, sink, "Keras")


def archive(data: bytes, name: str) -> str:
    """The text `read` reads from a `.keras` file (Keras 3's `model.save`, a zip): its `config.json`, the
    model as `model.to_json()` writes it. Read up to MAX_FILE_BYTES, whatever the zip's header claims."""
    import io
    import zipfile

    from cnncalc.files import InputError, decode
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("config.json") as config:
            raw = config.read(limits.MAX_FILE_BYTES + 1)
    except KeyError:
        raise InputError(f"{name} holds no config.json: not a model saved by Keras 3 (`model.save(\"m.keras\")`); "
                         f"for Keras 2 give `model.to_json()`") from None
    except Exception as e:  # noqa: BLE001 (BadZipFile, zlib.error, an encrypted or unsupported member: not a model)
        raise InputError(f"{name} is not a Keras model file ({type(e).__name__}: {str(e)[:80]})") from None
    if len(raw) > limits.MAX_FILE_BYTES:
        raise InputError(f"{name}'s config.json is more than {limits.MAX_FILE_BYTES:,} bytes, more than cnncalc reads")
    return decode(raw, name).text


HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
# Where a Keras `.h5` keeps the model: its root's `model_config` attribute, the model's JSON (Keras 2 stores it as
# bytes, Keras 3's legacy writer as a string; either way the bytes of the text, in one piece, before the weights).
_MODEL_CONFIG = re.compile(rb'\{\s*"class_name"\s*:\s*"(?:Sequential|Functional|Model)"')


def hdf5(data: bytes, name: str) -> str:
    """The text `read` reads from a Keras `.h5` file (`model.save("m.h5")`, Keras 2, or Keras 3's legacy format):
    the model's JSON, as `model.to_json()` writes it, found where the file stores it, at most MAX_FILE_BYTES.
    The weights are not read."""
    from cnncalc.files import InputError
    if not data.startswith(HDF5_SIGNATURE):
        raise InputError(f"{name} is not an HDF5 file (it does not start with HDF5's signature)")
    found = _MODEL_CONFIG.search(data)
    if found is None:
        raise InputError(f"{name} holds no model, only weights (`model.save_weights`?): save the model with "
                         f"`model.save(\"m.h5\")` or `model.save(\"m.keras\")`, or give `model.to_json()`")
    window = data[found.start():found.start() + limits.MAX_FILE_BYTES + 1].decode("utf-8", errors="replace")
    try:
        _, end = json.JSONDecoder().raw_decode(window)
    except (json.JSONDecodeError, RecursionError):
        raise InputError(f"{name}: the model's configuration in it cannot be read as JSON (cut short, or more than "
                         f"{limits.MAX_FILE_BYTES:,} bytes); give `model.to_json()`") from None
    return window[:end]


class _Model:
    def __init__(self, text: str) -> None:
        self.text = text
        self.searched_from = 0

    def span_of(self, name: str, application: int = 0) -> Span:
        """Where the layer's `"name": "NAME"` stands (searching on from the previous layer's), whichever
        application of it is meant."""
        found = re.compile(r'"name"\s*:\s*' + re.escape(json.dumps(name))).search(self.text, self.searched_from)
        if found is None:
            found = re.compile(r'"name"\s*:\s*' + re.escape(json.dumps(name))).search(self.text)
        if found is None:
            return Span(0, 1)
        self.searched_from = found.end()
        return Span(found.start(), found.end())


class _Placed:
    """Where a script makes each layer (readers/keras_source.py)."""

    def __init__(self, spans: dict[str | tuple[str, int], Span]) -> None:
        self.spans = spans

    def span_of(self, name: str, application: int = 0) -> Span:
        """Where the layer is made, or applied again (`conv(y)`)."""
        return self.spans.get((name, application)) or self.spans.get(name, Span(0, 1))


MODELS = ("Sequential", "Functional", "Model")


def _read(text: str, sink: DiagnosticSink, progress: Progress) -> ir.Network:
    spans: dict[str | tuple[str, int], Span] | None = None
    if not text.lstrip().startswith("{"):  # a Keras script: the model it builds, as its JSON
        from cnncalc.readers.keras_source import model_config
        model, spans = model_config(text)
    else:
        try:
            model = json.loads(text)
        except json.JSONDecodeError as e:
            raise Malformed(f"JSON: {e.msg}", Span(e.pos, e.pos + 1)) from None
        except RecursionError:
            raise Malformed("JSON nested too deeply", Span(0, 1)) from None
    if isinstance(model, dict) and "model_config" in model:  # an .h5's or .keras' config wrapper
        model = model["model_config"]
    if isinstance(model, dict) and isinstance(model.get("class_name"), str) and model["class_name"] not in MODELS \
            and "build_config" in model:  # Keras 3's `.keras` of a subclassed model: its arguments, not its layers
        raise Unsupported(f"a subclassed model (`{model['class_name'][:60]}`): Keras saves the arguments it was made "
                          f"with, not its layers; give cnncalc the script that defines and builds it", Span(0, 1))
    if not isinstance(model, dict) or model.get("class_name") not in MODELS or \
            not isinstance(model.get("config"), dict):
        raise Malformed("not a Keras model: expected {\"class_name\": \"Sequential\" or \"Functional\", "
                         "\"config\": {...}}", Span(0, 1))
    reader = _Layers(text, progress, spans)
    main = reader.model(model, [INPUT], Span(0, 1), 0)
    span = Span(0, len(text))
    name = model["config"].get("name")
    return progress.graph.network(str(name) if name else None, progress.given, span, main=reader.vector_of(main),
                                  rounding=ir.RoundingLine("floor", span, by=BY))


class _Layers:
    """A model's layers into the graph; a model used as a layer (a pretrained base inside a Sequential)
    has its layers read in its place, its inputs fed by what the outer model gives it."""

    def __init__(self, text: str, progress: Progress, spans: dict[str | tuple[str, int], Span] | None = None) -> None:
        self.where: _Model | _Placed = _Model(text) if spans is None else _Placed(spans)
        self.progress = progress
        self.graph = progress.graph
        self.channels_first: bool | None = None
        self.count = 0  # layers read, nested models' included
        # A global pool without keepdims gives Keras a vector: its flatten is made when a layer reads it,
        # unless that layer is a Reshape back to 1x1xC (squeeze-and-excitation in Keras 2's EfficientNet).
        self.unflattened: dict[int, tuple[str, Span]] = {}
        self.flattened: dict[int, int] = {}
        # Each node's rank as Keras sees it (4: a batch of maps, 2: of vectors), followed from the input so
        # that a Keras 2 file, which does not say it, has it too: Dense on a map is a 1x1 convolution
        self.rank_of: dict[int, int] = {}

    def vector_of(self, node: int) -> int:
        if node in self.unflattened and node not in self.flattened:
            label, where = self.unflattened[node]
            self.flattened[node] = self.graph.layer(label, spec_layer("flatten", where), node, where)
            self.rank_of[self.flattened[node]] = 2
        return self.flattened.get(node, node)

    def model(self, model: dict[str, Any], entries: list[int], span: Span, depth: int, frozen: bool = False) -> int:
        """The node that gives the model's (first) output, its inputs fed by `entries`; every weight `frozen` in a
        model used as a layer that is not trainable (Keras' `base.trainable = False`)."""
        config = model.get("config")
        layers = config.get("layers") if isinstance(config, dict) else None
        if not isinstance(config, dict) or not isinstance(layers, list) or not layers:
            raise Malformed("the model's config has no layers", span)
        self.count += len(layers)
        if self.count > limits.MAX_NODES:
            raise Unsupported("more layers than cnncalc reads", span)
        if depth > limits.MAX_DEPTH:
            raise Unsupported("models nested deeper than cnncalc follows", span)
        if self.channels_first is None:
            self.channels_first = _first_data_format(layers) == "channels_first"
        data_format = "channels_first" if self.channels_first else "channels_last"
        sequential = model.get("class_name") == "Sequential"
        inputs = _input_names(config)
        # (a layer, its application: Keras' node index, which of its outputs) -> the graph's node
        ids: dict[_Read, int] = {}
        weighted: dict[str, list[int]] = {}  # a layer with weights -> the graph nodes of its first application's
        previous = entries[0]
        for layer, application, reads in self.applications(layers, sequential, span):
            kind, cfg = str(layer.get("class_name")), layer["config"]
            name = str(cfg.get("name", layer.get("name", kind.lower())))
            where = self.where.span_of(name, application)
            try:  # a field of the wrong type (a list where a name stands): malformed, at this layer
                shape = cfg.get("batch_input_shape") or cfg.get("batch_shape")
                if shape is not None and self.progress.given is None:
                    self.progress.given = _input(shape, self.channels_first, where)
                    self.rank_of[entries[0]] = len(shape)
                if _is_operation(layer):
                    kind, cfg = _operation(layer, application, self.channels_first, where)
                if kind == "InputLayer":
                    position = inputs.index(name) if name in inputs else sum(1 for v in ids.values() if v in entries)
                    if position >= len(entries):
                        raise Unsupported(f"a model with more inputs than it is given ({name})", where)
                    ids[name, 0, 0] = previous = entries[position]
                    continue
                if cfg.get("data_format", data_format) != data_format:
                    raise Unsupported("layers with different data formats", where)
                sources = [previous] if sequential else _sources(reads, ids, where)
                if kind == "Split":  # `ops.split(x, 2, axis=-1)`: its parts, each an output of its own
                    for k, part in enumerate(self.split(name, cfg, sources, where)):
                        ids[name, application, k] = previous = part
                    continue
                fixed = frozen or cfg.get("trainable") is False  # its weights are not trained
                if kind in MODELS and application:
                    raise Unsupported(f"the model `{name}` applied more than once (shared weights)", where)
                if kind in MODELS:  # a model used as a layer: its layers, here
                    node = self.model(layer, [self.vector_of(s) for s in sources], where, depth + 1, fixed)
                elif kind == "Reshape" and len(sources) == 1 and sources[0] in self.unflattened and \
                        _squeezed(cfg.get("target_shape"), self.channels_first):
                    # the pool's own 1x1xC, never flattened: the Reshape is an identity on it
                    node = self.graph.layer(name, spec_layer("identity", where), sources[0], where)
                    self.rank_of[node] = 4
                else:
                    rank = _input_rank(layer) or self.rank_of.get(sources[0])  # as the file says, else followed
                    # applied again: the same layer on another input, with the first application's weights
                    first = weighted.setdefault(name, []) if not application else weighted.get(name, [])
                    node = self.layer(kind, name, cfg, [self.vector_of(s) for s in sources], where, rank, fixed,
                                      first, application > 0)
                    after = _rank_after(kind, cfg, rank)
                    if after is not None:
                        self.rank_of[node] = after
                ids[name, application, 0] = previous = node
            except (TypeError, AttributeError, ValueError, KeyError, IndexError) as e:
                raise Malformed(f"{name}: {why(e)}", where) from None
        if sequential:
            return previous
        outputs = config.get("output_layers")
        if isinstance(outputs, list) and outputs:
            first_output = outputs[0] if isinstance(outputs[0], list) else outputs
            if first_output and isinstance(first_output[0], str):
                index = first_output[1] if len(first_output) > 1 and type(first_output[1]) is int else 0
                output = first_output[2] if len(first_output) > 2 and type(first_output[2]) is int else 0
                if (first_output[0], index, output) in ids:
                    return ids[first_output[0], index, output]
        return previous

    def split(self, name: str, cfg: dict[str, Any], sources: list[int], span: Span) -> list[int]:
        """`keras.ops.split(x, n, axis=-1)`: n equal parts of the channels (`part k of n`: NumPy's split, which
        Keras follows, refuses channels n does not divide: E033); at listed indices, the parts between them
        (`slice a:b`, the last open: `slice c:`)."""
        assert self.channels_first is not None
        sections, axis = cfg.get("indices_or_sections"), cfg.get("axis", 0)
        if axis not in ((1, -3) if self.channels_first else (-1, 3)) or len(sources) != 1:
            raise Unsupported(f"ops.split along axis {_shown(axis)} (cnncalc splits the channels)", span)
        if type(sections) is int and 1 <= sections <= limits.MAX_BRANCHES:
            texts = [f"part {k} of {sections}" for k in range(1, sections + 1)]
        elif isinstance(sections, list) and 0 < len(sections) < limits.MAX_BRANCHES and \
                all(type(i) is int and 0 < i <= limits.MAX_CHANNELS for i in sections) and \
                all(a < b for a, b in pairwise(sections)):
            bounds = [0, *sections]
            texts = [f"slice {a}:{b}" for a, b in pairwise(bounds)] + [f"slice {bounds[-1]}:"]
        else:
            raise Unsupported(f"ops.split into {_shown(sections)} (cnncalc follows a number of equal parts or rising "
                              f"channel indices)", span)
        return [self.graph.layer(f"{name}_{k}", spec_layer(text, span), sources[0], span)
                for k, text in enumerate(texts, 1)]

    def applications(self, layers: list[Any], sequential: bool, span: Span) -> list[tuple[dict[str, Any], int,
                                                                                        list[_Read]]]:
        """Each application of each layer (a Functional layer applied twice has two inbound nodes: CBAM's shared
        Dense layers) with what it reads, as (layer, node index) pairs, in an order where each comes after what it
        reads; a Sequential's layers in order."""
        for layer in layers:
            if not isinstance(layer, dict) or not isinstance(layer.get("config"), dict):
                raise Malformed("a layer must be {\"class_name\": ..., \"config\": {...}}", span)
        if sequential:
            return [(layer, 0, []) for layer in layers]
        found: dict[tuple[str, int], tuple[dict[str, Any], list[_Read]]] = {}
        for layer in layers:
            name = str(layer["config"].get("name", layer.get("name", str(layer.get("class_name")).lower())))
            nodes = layer.get("inbound_nodes") or []
            try:
                if not isinstance(nodes, list):
                    raise Malformed(f"{name}: inbound_nodes must be a list", Span(0, 1))
                for index, node in enumerate(nodes or [None]):
                    found[name, index] = (layer, _reads(node) if node is not None else [])
            except Malformed as e:  # (where the layer is, found only then: a search per layer in a large file)
                raise Malformed(e.message, self.where.span_of(name)) from None
        applied = Counter(name for name, _ in found)
        for key, (layer, reads) in found.items():
            # Keras 2 may give a nested model's application by its index among all its nodes (`["base", 1, 0]`, the
            # first being the one it was built with, not listed): a layer applied once here is that application
            found[key] = (layer, [(name, 0, output) if (name, index) not in found and applied[name] == 1
                                  else (name, index, output) for name, index, output in reads])
        ordered: list[tuple[dict[str, Any], int, list[_Read]]] = []
        done: set[tuple[str, int]] = set()
        entered: set[tuple[str, int]] = set()  # on the path being followed, or done
        for key in found:  # depth first from each, in the file's order (what a layer reads first)
            stack = [(key, False)]
            while stack:
                at, expanded = stack.pop()
                if at in done:
                    continue
                layer, reads = found[at]
                if expanded:
                    done.add(at)
                    ordered.append((layer, at[1], reads))
                    continue
                if at in entered:  # reached again before it is done: it reads itself
                    raise Malformed(f"{at[0]}: inbound_nodes that read each other in a loop",
                                    self.where.span_of(at[0]))
                entered.add(at)
                stack.append((at, True))
                stack += [((read[0], read[1]), False) for read in reversed(reads)
                          if (read[0], read[1]) in found and (read[0], read[1]) not in done]
        return ordered

    def layer(self, kind: str, name: str, cfg: dict[str, Any], sources: list[int], span: Span,
              rank: int | None, frozen: bool = False, first: list[int] | None = None, again: bool = False) -> int:
        """The layer's nodes on `sources`; `first`: the nodes with weights of its first application, which this
        one appends to, or, applied `again`, whose weights it shares (`shares`)."""
        assert self.channels_first is not None
        if kind in _MERGES:
            if kind == "Concatenate" and cfg.get("axis", -1) not in ((1,) if self.channels_first else (-1, 3)):
                raise Unsupported(f"Concatenate along axis {cfg.get('axis')} (cnncalc concatenates channels)", span)
            return self.graph.merge(name, _MERGES[kind], sources, span)
        if len(sources) != 1:
            raise Malformed(f"{name}: a {kind} layer takes one input, not {len(sources)}", span)
        node = sources[0]
        try:
            holding = _WEIGHTED.get(kind, 0)
            weighted = holding if frozen else 0
            for i, spec in enumerate(layer_texts(kind, cfg, span, rank, self.channels_first)):
                label = name if i == 0 else f"{name}_{spec.split()[0]}"
                spec += " frozen" if i < weighted else ""
                if spec == "flatten" and i > 0 and kind.startswith("Global"):
                    self.unflattened[node] = (label, span)  # made when read
                    continue
                call = spec_layer(spec, span)
                if again and first is not None and i < min(holding, len(first)):
                    call = call._replace(shares=ir.Ref(self.graph.nodes[first[i]].name, span))
                node = self.graph.layer(label, call, node, span)
                if not again and first is not None and i < holding:
                    first.append(node)
        except (ValueError, TypeError, KeyError, OverflowError) as e:  # a config field missing or of the wrong type
            raise Malformed(f"{name}: {why(e)}", span) from None
        return node


def _input_names(config: dict[str, Any]) -> list[str]:
    """A Functional model's input layers in order (`input_layers`: `[[name, 0, 0], ...]`, or one)."""
    given = config.get("input_layers")
    if isinstance(given, list) and given and isinstance(given[0], str):
        given = [given]
    if not isinstance(given, list):
        return []
    return [str(entry[0]) for entry in given if isinstance(entry, list) and entry]


def _input_rank(layer: dict[str, Any]) -> int | None:
    """The rank of what the layer reads, batch included, from Keras 3's `build_config` (None if unsaid)."""
    build = layer.get("build_config")
    shape = build.get("input_shape") if isinstance(build, dict) else None
    return len(shape) if isinstance(shape, list) and shape and not isinstance(shape[0], list) else None


def _rank_after(kind: str, config: dict[str, Any], rank: int | None) -> int | None:
    """The rank of a layer's output, from its input's: pools to vectors, flattens and reshapes change it."""
    if kind.startswith("Global"):
        return 4 if config.get("keepdims", False) else 2
    if kind == "Flatten":
        return 2
    if kind == "Reshape":
        target = config.get("target_shape")
        return len(target) + 1 if isinstance(target, list) else None
    return rank


def _channel_conv(config: dict[str, Any], rank: int | None, span: Span) -> str:
    """A Conv1D of one filter along a pooled vector reshaped to a sequence of one channel (`Reshape((-1, 1))`, rank
    3: ECA-Net's gate), as `channelconv K pad P`; 'same' pads (K - 1)/2 at each end, an odd K's."""
    kernel = _whole(config["kernel_size"][0] if isinstance(config.get("kernel_size"), list) and
                    len(config["kernel_size"]) == 1 else config["kernel_size"], "kernel_size", span)
    padding = config.get("padding", "valid")
    plain = {"filters": 1, "strides": 1, "dilation_rate": 1, "groups": 1}
    changed = [f"{k}={_shown(config.get(k, v))}" for k, v in plain.items()
               if config.get(k, v) not in (v, [v])]
    if rank != 3 or changed or padding not in ("same", "valid") or (padding == "same" and kernel % 2 == 0):
        why = "on other than a pooled vector reshaped to (-1, 1)" if rank != 3 else \
            f"with {', '.join(changed)}" if changed else f"padding {_shown(padding)}" if padding != "same" else \
            f"padding 'same' of an even kernel, {kernel} (Keras pads it unevenly; cnncalc both ends alike)"
        raise Unsupported(f"a Conv1D {why} (cnncalc follows one filter sliding along a map's pooled channels, "
                          f"ECA-Net's gate: `Reshape((-1, 1))`, then `Conv1D(1, K, padding='same')`)", span)
    pad = (kernel - 1) // 2 if padding == "same" else 0
    return f"channelconv {kernel} pad {pad}" + ("" if config.get("use_bias", True) else " nobias")


def _squeezed(target: Any, channels_first: bool) -> bool:
    """A Reshape's target `(1, 1, C)` (`(C, 1, 1)` channels first): a pooled vector back to a volume."""
    if not isinstance(target, list) or len(target) != 3:
        return False
    ones = target[1:] if channels_first else target[:2]
    return ones == [1, 1]


def _input(shape: Any, channels_first: bool, span: Span) -> ir.Input | None:
    """The input's size; None when the model leaves its height and width open (`input_shape=None`):
    the analysis then asks for `--input`."""
    dims = shape[1:] if isinstance(shape, list) else None
    if isinstance(dims, list) and len(dims) == 3 and isinstance(dims[0 if channels_first else 2], (int, type(None))) \
            and [d for i, d in enumerate(dims) if i != (0 if channels_first else 2)] == [None, None]:
        return None  # (its channels unsaid too: a subclassed model its script never builds)
    if not dims or not all(isinstance(d, int) and 1 <= d <= limits.MAX_CHANNELS for d in dims) or \
            len(dims) not in (1, 3):
        raise Unsupported(f"an input of shape {_shown(shape)} (cnncalc reads images H x W x C and vectors)", span)
    if len(dims) == 3 and channels_first:
        dims = [dims[1], dims[2], dims[0]]
    return ir.Input(tuple(dims), 1, span)


def _reads(node: Any) -> list[_Read]:
    """What one application of a Functional layer reads, from its inbound node (Keras 2 or 3): (layer, node index,
    tensor index) triples, the node index saying which application of that layer gave the tensor, the tensor index
    which of its outputs (`ops.split`'s parts)."""
    reads: list[_Read] = []

    def index(entry: list[Any], at: int = 1) -> int:
        return entry[at] if len(entry) > at and type(entry[at]) is int and 0 <= entry[at] <= limits.MAX_NODES else 0

    if isinstance(node, list) and node and isinstance(node[0], str):
        # Keras 2's TFOpLambda: its first tensor [name, node_index, tensor_index, kwargs], a second as `y` in kwargs
        operand = node[3].get("y") if len(node) > 3 and isinstance(node[3], dict) else None
        reads = [(node[0], index(node), index(node, 2))] + \
            ([(operand[0], index(operand), index(operand, 2))]
             if isinstance(operand, list) and operand and isinstance(operand[0], str) else [])
    elif isinstance(node, list):  # Keras 2: [[name, node_index, tensor_index, kwargs], ...]
        reads = [(str(entry[0]), index(entry), index(entry, 2)) for entry in node if isinstance(entry, list) and entry]
    elif isinstance(node, dict):  # Keras 3: {"args": [tensor or [tensors]], "kwargs": {}}
        def history(value: Any) -> None:
            if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
                config = value.get("config")
                source = config.get("keras_history") if isinstance(config, dict) else None
                if not isinstance(source, list) or not source:
                    raise Malformed("a tensor in inbound_nodes without its `keras_history`", Span(0, 1))
                reads.append((str(source[0]), index(source), index(source, 2)))
            elif isinstance(value, list):
                for v in value:
                    history(v)
        history(node.get("args", []))
    if not reads:
        raise Malformed("inbound_nodes names no input", Span(0, 1))
    return reads


def _sources(reads: list[_Read], ids: dict[_Read, int], span: Span) -> list[int]:
    """The graph's nodes an application of a Functional layer reads (the input, when it reads nothing said)."""
    if not reads:
        return [INPUT]
    for name, index, output in reads:
        if (name, index, output) not in ids:
            which = f" (its application {index})" if index else ""
            if (name, index, 0) in ids:  # (a nested model's second output, say: its first alone is followed)
                raise Unsupported(f"an input from output {output} of `{name}`{which} (cnncalc follows the first output "
                                  f"of a layer or model, and each part of an ops.split)", span)
            raise Malformed(f"an input from `{name}`{which}, which is not an earlier layer", span)
    return [ids[read] for read in reads]

"""Caffe prototxt -> IR (Netscope's input; no dependency: a reader of the protobuf text format
with positions, so a malformed file is reported where it goes wrong).

The graph comes from each layer's `bottom` and `top` (an in-place layer, top == bottom, follows
the one before it). Caffe's own arithmetic is kept exactly: convolutions floor; pooling rounds up
and then drops a last window that would start in the padding, which cnncalc's `ceil` does too
(PyTorch's ceil_mode rule; the one pool where they differ, a kernel smaller than its stride without
padding, is reported as not supported); BatchNorm holds three non-trainable blobs (mean, variance, the moving-average
factor: `bn noaffine counted`) and Scale learns the affine part (`scale`, without bias unless
`bias_term: true`). Data, loss and accuracy layers are left out (N070).
"""
from __future__ import annotations

import re
from typing import Any

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.readers.graph import INPUT, Malformed, Progress, Unsupported, read_guarded, some_of, spec_layer, why
from cnncalc.record import NamedTuple

BY = "Caffe"
_TOKEN = re.compile(r"""(?P<SPACE>\s+|\#[^\n]*)
  | (?P<STRING>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<NUMBER>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?f?)
  | (?P<NAME>[A-Za-z_][A-Za-z0-9_.]*)
  | (?P<P>[{}:<>\[\],;])
  | (?P<BAD>.)""", re.VERBOSE)


class Field(NamedTuple):
    name: str
    value: Any  # str | int | float | Message
    span: Span


class Message:
    """A protobuf text message: its fields in order (repeated fields repeat)."""

    def __init__(self, fields: list[Field], span: Span) -> None:
        self.fields = fields
        self.span = span

    def all(self, name: str) -> list[Any]:
        return [f.value for f in self.fields if f.name == name]

    def get(self, name: str, default: Any = None) -> Any:
        values = self.all(name)
        return values[-1] if values else default

    def message(self, name: str) -> Message:
        value = self.get(name)
        return value if isinstance(value, Message) else Message([], self.span)


class Word(str):
    """An enum value (`MAX`), as opposed to a quoted string."""


class _Tokens:
    """The file's tokens, lexed as the parser reads them (a list of them would hold ~400 bytes per
    token: a gigabyte for a 32 MB file), with the current one at hand; the end repeats as `EOF`."""

    def __init__(self, text: str) -> None:
        self.matches = (m for m in _TOKEN.finditer(text) if m.lastgroup != "SPACE")
        self.end = ("EOF", "", Span(len(text), len(text)))
        self.current: tuple[str, str, Span] = self.end
        self.advance()

    def advance(self) -> tuple[str, str, Span]:
        """Move to the next token, and return it."""
        m = next(self.matches, None)
        self.current = self.end if m is None else (m.lastgroup or "BAD", m.group(), Span(m.start(), m.end()))
        return self.current


def parse_text_format(text: str) -> Message:
    """The file as a message; a file of more than limits.MAX_FIELDS fields in all is refused where it passes
    that (what is parsed is held whole: a field costs a few hundred bytes)."""
    tokens = _Tokens(text)
    count = 0

    def message(end: str, start: Span, depth: int) -> Message:
        nonlocal count
        if depth > limits.MAX_DEPTH:
            raise Malformed(f"messages nested more than {limits.MAX_DEPTH} deep", start)
        fields: list[Field] = []
        while True:
            kind, value, span = tokens.current
            if (value == end and kind == "P") or (end == "" and kind == "EOF"):
                tokens.advance()
                return Message(fields, start.to(span))
            if kind == "EOF":
                raise Malformed("this message is never closed", start)
            if kind != "NAME":
                raise Malformed(f"expected a field name, found `{value}`", span)
            following = tokens.advance()
            if following[1] == ":":
                following = tokens.advance()
            if following[1] in ("{", "<"):
                tokens.advance()
                fields.append(Field(value, message("}" if following[1] == "{" else ">", following[2], depth + 1), span))
            elif following[1] == "[":  # a list: `dim: [1, 3, 224, 224]`
                item = tokens.advance()
                while item[1] != "]":
                    fields.append(Field(value, _scalar(item), item[2]))
                    item = tokens.advance()
                    if item[1] == ",":
                        item = tokens.advance()
                tokens.advance()
            else:
                fields.append(Field(value, _scalar(following), span))
                tokens.advance()
            if tokens.current[1] in (",", ";"):
                tokens.advance()
            count += 1
            if count > limits.MAX_FIELDS:
                raise Malformed(f"more than {limits.MAX_FIELDS:,} fields in the file", span)

    return message("", Span(0, 0), 0)


def _scalar(token: tuple[str, str, Span]) -> Any:
    kind, value, span = token
    if kind == "STRING":
        return value[1:-1].encode("utf-8").decode("unicode_escape", errors="replace") if "\\" in value \
            else value[1:-1]
    if kind == "NUMBER":
        text = value.rstrip("f")
        if re.fullmatch(r"[-+]?\d+", text):
            if len(text) > limits.MAX_LITERAL_DIGITS:
                raise Malformed(f"the number {value} is too large", span)
            return int(text)
        return float(text)
    if kind == "NAME":
        return {"true": True, "false": False}.get(value, Word(value))
    raise Malformed(f"expected a value, found `{value or 'the end of the file'}`", span)


# ---- layers ------------------------------------------------------------------------------------------

V1_TYPES = {"CONVOLUTION": "Convolution", "DECONVOLUTION": "Deconvolution", "POOLING": "Pooling",
            "INNER_PRODUCT": "InnerProduct", "RELU": "ReLU", "SIGMOID": "Sigmoid", "TANH": "TanH", "LRN": "LRN",
            "DROPOUT": "Dropout", "CONCAT": "Concat", "ELTWISE": "Eltwise", "SOFTMAX": "Softmax",
            "FLATTEN": "Flatten", "SPLIT": "Split", "DATA": "Data", "IMAGE_DATA": "ImageData",
            "SOFTMAX_LOSS": "SoftmaxWithLoss", "ACCURACY": "Accuracy", "EUCLIDEAN_LOSS": "EuclideanLoss",
            "HDF5_DATA": "HDF5Data", "MEMORY_DATA": "MemoryData", "WINDOW_DATA": "WindowData", "SILENCE": "Silence",
            "BNLL": "BNLL"}
LEFT_OUT = {"Data", "ImageData", "HDF5Data", "MemoryData", "WindowData", "DummyData", "Python", "Silence",
            "SoftmaxWithLoss", "Accuracy", "EuclideanLoss", "SigmoidCrossEntropyLoss", "HingeLoss",
            "InfogainLoss", "MultinomialLogisticLoss", "ContrastiveLoss"}


def _hw(param: Message, name: str, default: int, what: str) -> tuple[int, int]:
    """`kernel_size: 3` (or two values: h, w) or `kernel_h`/`kernel_w`."""
    h, w = param.get(f"{what}_h"), param.get(f"{what}_w")
    values = param.all(name) if h is None and w is None else \
        [h if h is not None else default, w if w is not None else default]
    if not values:
        return default, default
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= limits.MAX_SIZE for v in values):
        raise Unsupported(f"{name}: {_shown(values)}", param.span)
    return (values[0], values[0]) if len(values) == 1 else (values[0], values[1])


def _shown(value: Any) -> str:
    """A value in a message as the prototxt writes it (a message as `{ … }`, never the reader's record)."""
    if isinstance(value, Message):
        return "{ … }"
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value[:6])) + (", …" if len(value) > 6 else "") + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Word):
        return str(value)
    if isinstance(value, str):
        return f"\"{value[:60]}\""
    return repr(value)


def _size(h: int, w: int) -> str:
    return str(h) if h == w else f"{h}x{w}"


def _count(value: Any, what: str, span: Span) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Malformed(f"{what}: expected a positive whole number, found {_shown(value)}", span)
    return value


def _learnt_blobs(kind: str, layer: Message) -> int:
    """How many learnt blobs the layer has (one `param { }` each, in order: the weights, then the bias); 0 for a
    kind cnncalc knows none of."""
    params = {"Convolution": "convolution_param", "Deconvolution": "convolution_param",
              "InnerProduct": "inner_product_param", "Scale": "scale_param"}
    if kind not in params:
        return 1 if kind == "PReLU" else 0
    return 1 + bool(layer.message(params[kind]).get("bias_term", kind != "Scale"))


def _frozen(kind: str, layer: Message) -> bool:
    """Whether every learnt blob of the layer has `lr_mult: 0`: Caffe's frozen layer in a fine-tuning net."""
    blobs = _learnt_blobs(kind, layer)
    rates = [p.get("lr_mult", 1) if isinstance(p, Message) else 1 for p in layer.all("param")]
    return blobs > 0 and len(rates) >= blobs and all(rate == 0 for rate in rates[:blobs])


def _param(layer: Message, name: str) -> Message:
    """A layer's parameter message (`convolution_param`), every field of it one Caffe's proto has: Caffe refuses
    another (`strides: 2`), which read past would leave the layer at its defaults (a stride of 1), in silence."""
    param = layer.message(name)
    fields = _FIELDS.get(name)
    wrong = next((f for f in param.fields if fields is not None and f.name not in fields), None)
    if wrong is not None:
        assert fields is not None
        raise Malformed(f"{name} has no field `{wrong.name}` (Caffe refuses it); its fields are "
                        f"{some_of(list(fields), 6)}", wrong.span)
    return param


# the fields of the parameter messages cnncalc reads, as caffe.proto (BVLC) defines them, the common first
_WINDOW = ("kernel_size", "stride", "pad", "kernel_h", "kernel_w", "stride_h", "stride_w", "pad_h", "pad_w", "engine")
_FIELDS: dict[str, tuple[str, ...]] = {
    "convolution_param": ("num_output", *_WINDOW, "dilation", "group", "bias_term", "weight_filler", "bias_filler",
                          "axis", "force_nd_im2col"),
    "pooling_param": ("pool", *_WINDOW, "global_pooling", "round_mode"),
    "inner_product_param": ("num_output", "bias_term", "weight_filler", "bias_filler", "axis", "transpose"),
    "relu_param": ("negative_slope", "engine"), "prelu_param": ("filler", "channel_shared"), "elu_param": ("alpha",),
    "lrn_param": ("local_size", "alpha", "beta", "norm_region", "k", "engine"),
    "batch_norm_param": ("use_global_stats", "moving_average_fraction", "eps"),
    "scale_param": ("axis", "num_axes", "filler", "bias_term", "bias_filler"), "dropout_param": ("dropout_ratio",),
    "softmax_param": ("engine", "axis"), "concat_param": ("axis", "concat_dim"),
    "eltwise_param": ("operation", "coeff", "stable_prod_grad"), "crop_param": ("axis", "offset"),
    "input_param": ("shape",), "clip_param": ("min", "max"),
}


def layer_text(kind: str, layer: Message) -> tuple[str, str]:
    """(the spec text, who rounds: '' or 'Caffe') of a Caffe layer of one bottom."""
    span = layer.span
    if kind in ("Convolution", "Deconvolution"):
        p = _param(layer, "convolution_param")
        kh, kw = _hw(p, "kernel_size", 0, "kernel")
        if not kh or not kw:
            raise Malformed("convolution_param without kernel_size", p.span)
        sh, sw = _hw(p, "stride", 1, "stride")
        ph, pw = _hw(p, "pad", 0, "pad")
        dh, dw = _hw(p, "dilation", 1, "dilation")
        text = f"{'conv' if kind == 'Convolution' else 'deconv'} {_count(p.get('num_output'), 'num_output', p.span)} " \
               f"{kh}x{kw}"
        text += f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) else ""
        text += f" pad {_size(ph, pw)}" if (ph, pw) != (0, 0) else ""
        text += f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else ""
        group = _count(p.get("group", 1), "group", p.span)
        text += f" groups {group}" if group != 1 else ""
        return text + ("" if p.get("bias_term", True) else " nobias"), ""
    if kind == "Pooling":
        p = _param(layer, "pooling_param")
        method = str(p.get("pool", "MAX"))
        if method not in ("MAX", "AVE"):
            raise Unsupported(f"pooling `{method}` (cnncalc pools MAX and AVE)", p.span)
        if p.get("global_pooling", False):
            return ("globalmaxpool" if method == "MAX" else "globalavgpool"), ""
        kh, kw = _hw(p, "kernel_size", 0, "kernel")
        if not kh or not kw:
            raise Malformed("pooling_param without kernel_size (or global_pooling: true)", p.span)
        sh, sw = _hw(p, "stride", 1, "stride")  # Caffe's default stride is 1
        ph, pw = _hw(p, "pad", 0, "pad")
        text = f"{'maxpool' if method == 'MAX' else 'avgpool'} {kh}x{kw} stride {_size(sh, sw)}"
        text += f" pad {_size(ph, pw)}" if (ph, pw) != (0, 0) else ""
        wide = " widepad" if ph > kh // 2 or pw > kw // 2 else ""  # Caffe's limit is P < K (pooling_layer.cpp)
        if str(p.get("round_mode", "CEIL")) == "FLOOR":
            return text + wide, ""
        if (ph, pw) == (0, 0) and (kh < sh or kw < sw):
            raise Unsupported("a pool whose kernel is smaller than its stride, without padding: Caffe keeps a last "
                               "window there that cnncalc's `ceil` (PyTorch's ceil_mode) drops", p.span)
        return text + " ceil" + wide, BY
    if kind == "InnerProduct":
        p = _param(layer, "inner_product_param")
        if p.get("axis", 1) != 1 or p.get("transpose", False):
            raise Unsupported("inner_product_param axis or transpose", p.span)
        return f"fc {_count(p.get('num_output'), 'num_output', p.span)}" + \
            ("" if p.get("bias_term", True) else " nobias"), ""
    if kind == "ReLU":
        slope = _param(layer, "relu_param").get("negative_slope", 0)
        return ("relu" if not slope else f"leakyrelu {float(slope)!r}"), ""
    if kind == "PReLU":
        return ("prelu" if _param(layer, "prelu_param").get("channel_shared", False) else "prelu perchannel"), ""
    if kind == "ELU":
        return f"elu {float(_param(layer, 'elu_param').get('alpha', 1.0))!r}", ""
    if kind == "LRN":
        p = _param(layer, "lrn_param")
        if str(p.get("norm_region", "ACROSS_CHANNELS")) != "ACROSS_CHANNELS":
            raise Unsupported("LRN within channels (cnncalc's lrn is across channels)", p.span)
        return (f"lrn size {_count(p.get('local_size', 5), 'local_size', p.span)} "
                f"alpha {float(p.get('alpha', 1.0))!r} beta {float(p.get('beta', 0.75))!r} "
                f"k {float(p.get('k', 1.0))!r}"), ""
    if kind == "BatchNorm":
        eps = float(_param(layer, "batch_norm_param").get("eps", 1e-5))
        return "bn noaffine counted" + ("" if eps == 1e-5 else f" eps {eps!r}"), ""
    if kind == "Scale":
        p = _param(layer, "scale_param")
        return ("scale" if p.get("bias_term", False) else "scale nobias"), ""
    if kind == "Dropout":
        return f"dropout {float(_param(layer, 'dropout_param').get('dropout_ratio', 0.5))!r}", ""
    if kind == "Softmax":
        if _param(layer, "softmax_param").get("axis", 1) != 1:
            raise Unsupported("softmax over another axis than the channels", span)
        return "softmax", ""
    if kind == "Flatten":
        return "flatten", ""
    if kind == "Clip":
        p = _param(layer, "clip_param")
        if p.get("min") is None or p.get("max") is None:
            raise Malformed("a Clip layer needs clip_param's `min` and `max` (caffe.proto requires both)", p.span)
        return f"hardtanh low {float(p.get('min'))!r} high {float(p.get('max'))!r}", ""
    simple = {"Sigmoid": "sigmoid", "TanH": "tanh", "Swish": "silu", "GELU": "gelu", "BNLL": "softplus"}
    if kind in simple:
        return simple[kind], ""
    raise Unsupported(f"the layer type `{kind}` (docs/notations.md lists the Caffe layers cnncalc reads)", span)


def _named_field(value: Any, field: str, layer: Message) -> str:
    """A layer's `name`, `type`, `bottom` or `top`: a name (a quoted string, or a bare word or number), never a
    message `{ … }`."""
    if isinstance(value, Message):
        raise Malformed(f"a layer's `{field}` must be a name in quotes, not a message `{{ … }}`", value.span)
    return str(value)


def _crop_sources(sources: list[int], name: str, layer: Message) -> list[int]:
    """Crop's bottoms, the map then the reference whose size it takes, as `fit` takes them: reference first."""
    if len(sources) != 2:
        raise Malformed(f"{name}: a Crop layer takes two bottoms (the map, then the reference whose size it takes), "
                        f"not {len(sources)}", layer.span)
    return [sources[1], sources[0]]


def _slice_parts(layer: Message, name: str, count: int) -> list[str]:
    """A Slice layer's tops along the channels (slice_layer.cpp): between its slice points, the last to the end
    (`slice A:`); without slice points, `count` equal parts (channels that do not divide are E033, as Caffe refuses)."""
    p = _param(layer, "slice_param")
    if p.get("axis", p.get("slice_dim", 1)) not in (1, -3):
        raise Unsupported("a slice along another axis than the channels", layer.span)
    points = [_count(v, "slice_point", layer.span) for v in p.all("slice_point")]
    if not points:
        return [f"part {k} of {count}" for k in range(1, count + 1)]
    if len(points) != count - 1 or points != sorted(set(points)):  # (each a positive whole number: `_count`)
        raise Malformed(f"{name}: {len(points)} slice points for {count} tops (Caffe takes one fewer than the tops, "
                        f"each above the one before)", layer.span)
    bounds = [0, *points]
    return [f"slice {a}:{b}" for a, b in zip(bounds, points)] + [f"slice {points[-1]}:"]


def _crop_offset(p: Message) -> tuple[int, int]:
    """(rows, columns) a Crop starts from: crop_param's `offset`, one for both axes or one per axis from `axis`
    (2, the height, by default; Caffe's CropLayer::Reshape); `fit at` crops height and width only."""
    axis = p.get("axis", 2)
    if axis not in (2, -2):
        raise Unsupported(f"Crop from axis {_shown(axis)} (cnncalc crops the height and width: axis 2)", p.span)
    offsets = p.all("offset") or [0]
    if len(offsets) not in (1, 2) or not all(type(o) is int and 0 <= o <= limits.MAX_EXTENT for o in offsets):
        raise Malformed(f"crop_param offset {_shown(offsets)}: one whole number for both axes, or one per axis "
                        f"(height, width)", p.span)
    return (offsets[0], offsets[-1])


# ---- the network ---------------------------------------------------------------------------------------


def read(text: str, sink: DiagnosticSink) -> ir.File:
    return read_guarded(_read, text, sink, "Caffe")


def _input_shape(dims: list[Any], span: Span) -> ir.Input:
    """N, C, H, W (or N, C) -> the spec's H x W x C."""
    if not all(isinstance(d, int) and 1 <= d <= limits.MAX_CHANNELS for d in dims) or len(dims) not in (2, 4):
        raise Unsupported(f"an input of shape {_shown(dims)} (cnncalc reads N x C x H x W or N x C)", span)
    return ir.Input((dims[2], dims[3], dims[1]) if len(dims) == 4 else (dims[1],), dims[0], span)


def _read(text: str, sink: DiagnosticSink, progress: Progress) -> ir.Network:
    net = parse_text_format(text)
    tops: dict[str, int] = {}  # a blob name -> the graph node that last wrote it
    graph = progress.graph
    given: ir.Input | None = None
    inputs = net.all("input")
    if inputs:
        shapes = [m.all("dim") for m in net.all("input_shape")] or [net.all("input_dim")[i:i + 4]
                                                                   for i in range(0, len(net.all("input_dim")), 4)]
        if shapes and shapes[0]:
            given = progress.given = _input_shape(shapes[0], net.fields[0].span)
        tops[str(inputs[0])] = INPUT
    layers = net.all("layer") or net.all("layers")
    if not layers:
        raise Malformed("no `layer { ... }` in the file", net.span)
    last = INPUT
    # a `param { name: ... }` -> the layer that declared it and the names of all its blobs (a layer naming them all,
    # in order, after it shares its weights: a Siamese net's second branch); each such layer's graph node
    shared: dict[str, tuple[str, tuple[str, ...]]] = {}
    owners: dict[str, int] = {}
    for layer in layers:
        if not isinstance(layer, Message):
            raise Malformed("`layer` must be a message `{ ... }`", net.span)
        kind = _named_field(layer.get("type", ""), "type", layer)
        kind = V1_TYPES.get(kind, kind)
        name = _named_field(layer.get("name", kind.lower() or "layer"), "name", layer)
        bottoms = [_named_field(b, "bottom", layer) for b in layer.all("bottom")]
        top_names = [_named_field(t, "top", layer) for t in layer.all("top")]
        if any(str(r.get("phase", "")) == "TRAIN" for r in layer.all("include") if isinstance(r, Message)):
            sink.add(codes.N070, f"{name} left out: a training-phase layer", layer.span)
            continue
        if kind == "Input":
            shape = _param(layer, "input_param").message("shape")
            if shape.all("dim"):
                given = progress.given = _input_shape(shape.all("dim"), layer.span)
            for t in top_names:
                tops[t] = INPUT
            continue
        if kind in LEFT_OUT:
            sink.add(codes.N070, f"{name} left out: a {kind} layer is not part of the network's computation",
                     layer.span)
            if kind.endswith("Data") or (kind == "Python" and not bottoms):
                for t in top_names[:1]:
                    tops[t] = INPUT
            continue
        learnt = _learnt_blobs(kind, layer)
        named = tuple(str(p.get("name", "")) if isinstance(p, Message) else "" for p in layer.all("param"))
        blobs = named[:learnt] if learnt else named  # (a kind with other blobs, a BatchNorm's statistics: as named)
        earlier = next((shared[b] for b in blobs if b in shared), None)
        if earlier is not None and (earlier[1] != blobs or len(blobs) < learnt or not all(blobs) or
                                    earlier[0] not in owners or not learnt):
            raise Unsupported(f"{name}: weights shared with `{earlier[0]}` (param names "
                              f"{', '.join(f'`{b}`' for b in blobs if b)}, where `{earlier[0]}` has "
                              f"{', '.join(f'`{b}`' for b in earlier[1] if b)}); cnncalc follows a Convolution, "
                              f"InnerProduct, Scale or PReLU layer that names every learnt blob of an earlier one",
                              layer.span)
        for blob in blobs if earlier is None else ():
            if blob:
                shared[blob] = (name, blobs)
        for b in bottoms:
            if b not in tops:
                raise Malformed(f"{name}: bottom `{b}` is not the top of any earlier layer", layer.span)
        sources = [tops[b] for b in bottoms] or [last]
        if kind == "Split":
            for t in top_names:
                tops[t] = sources[0]
            continue
        if kind in ("Concat", "Eltwise"):
            merge = "concat"
            if kind == "Concat":
                p = _param(layer, "concat_param")
                if p.get("axis", p.get("concat_dim", 1)) != 1:
                    raise Unsupported("concatenation along another axis than the channels", layer.span)
            else:
                p = _param(layer, "eltwise_param")
                operation = str(p.get("operation", "SUM"))
                coeff = p.all("coeff")
                if operation == "SUM" and coeff == [1, -1] and len(sources) == 2:
                    merge = "sub"  # the first bottom minus the second
                elif operation == "SUM" and len(coeff) == len(sources) and all(
                        isinstance(c, (int, float)) and abs(c * len(sources) - 1) < 1e-6 for c in coeff):
                    merge = "avg"  # each bottom weighted 1/K: their mean
                elif operation in ("SUM", "PROD", "MAX") and all(c == 1 for c in coeff):
                    merge = {"SUM": "add", "PROD": "mul", "MAX": "max"}[operation]
                else:
                    raise Unsupported(f"Eltwise {operation}" + (f" with coefficients {coeff}" if coeff else ""),
                                      layer.span)
            node = graph.merge(name, merge, sources, layer.span)
        elif kind == "Crop":
            node = graph.merge(name, "fit", _crop_sources(sources, name, layer), layer.span,
                               offset=_crop_offset(_param(layer, "crop_param")))
        elif kind == "Slice":  # each top a layer of its own, named as the top
            if len(sources) != 1:
                raise Malformed(f"{name}: a Slice layer takes one bottom, not {len(sources)}", layer.span)
            for t, part in zip(top_names, _slice_parts(layer, name, len(top_names))):
                tops[t] = last = graph.layer(t, spec_layer(part, layer.span), sources[0], layer.span)
            continue
        else:
            if len(sources) != 1:
                raise Malformed(f"{name}: a {kind} layer takes one bottom, not {len(sources)}", layer.span)
            try:
                text_, by = layer_text(kind, layer)
                text_ += " frozen" if _frozen(kind, layer) else ""
                call = spec_layer(text_, layer.span, by)
                if earlier is not None:  # the weights of the layer that declared them (`shares`), counted there
                    call = call._replace(shares=ir.Ref(graph.nodes[owners[earlier[0]]].name, layer.span))
                node = graph.layer(name, call, sources[0], layer.span)
                if any(blobs) and earlier is None:
                    owners[name] = node
            except (ValueError, TypeError, KeyError, OverflowError) as e:  # a field of the wrong type or range
                raise Malformed(f"{name}: {why(e)}", layer.span) from None
        for t in top_names or [name]:
            tops[t] = node
        last = node
    span = Span(0, len(text))
    title = net.get("name")
    return graph.network(str(title) if title is not None else None, given, span,
                         rounding=ir.RoundingLine("floor", span, by=BY))

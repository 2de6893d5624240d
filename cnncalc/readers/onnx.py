"""ONNX models -> IR. An `.onnx` file is binary: `listing` (which needs the optional `onnx`
package: `pip install "cnncalc[onnx]"`) turns it into text, one line per graph input, initializer
and node, and `read` reads that text, so diagnostics point at a node's line like any other file.

    input {"name": "data", "shape": [1, 3, 224, 224]}
    initializer {"name": "conv1.weight", "shape": [64, 3, 7, 7]}
    node {"op": "Conv", "name": "/conv1/Conv", "inputs": ["data", "conv1.weight", "conv1.bias"], ...}

The parameters cnncalc computes for a node are checked against the sizes of the initializers it
reads (an expectation on the node's line: a disagreement is reported like a wrong answer), a
check no other tool makes. Shape computations (Shape, Gather, Unsqueeze, Concat of shapes,
Constant) feed a Reshape and are not layers; a Reshape to (batch, -1) is a flatten. Operators
cnncalc cannot express are listed in one E070, at the first.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.layers.activation import SELU_ALPHA, SELU_SCALE
from cnncalc.layers.arguments import scale_text
from cnncalc.readers.graph import INPUT, Graph, Malformed, Node, cut_short, spec_layer, why

BY = "ONNX"
_READ_HINT = "docs/notations.md lists the ONNX operators and forms cnncalc reads"
_FLOATS = {1, 10, 11, 16}  # ONNX's FLOAT, FLOAT16, DOUBLE and BFLOAT16
SMALL = 16  # initializers of at most this many values are listed with their values (shapes, pads, scales)
# ops that join maps (all operands computed, none constant), as the spec language's merges
_MERGES = {"Concat": "concat", "Add": "add", "Sum": "add", "Sub": "sub", "Mul": "mul", "Mean": "avg", "Max": "max",
           "Min": "min"}
# `torch.stack([a, b]).mean(0)`: a reduction over the stacking axis, as the merge of the maps stacked
# what may read a map's pooled channels as a sequence N x 1 x C (`_Reader.sequences`): the 1-D Conv, activations
_ON_SEQUENCES = {"Conv", "Transpose", "Reshape", "Sigmoid", "HardSigmoid", "Relu", "Tanh", "Identity", "Dropout"}
_STACK_REDUCTIONS = {"ReduceMean": "avg", "ReduceSum": "add", "ReduceMax": "max", "ReduceMin": "min"}
# (what an export without constant folding leaves: `do_constant_folding=False`, Shape and Gather of constants too)
FOLDABLE = {"ConstantOfShape", "Concat", "Reshape", "Slice", "Transpose", "Cast", "Add", "Sub", "Mul", "Mod", "Shape",
            "Gather", "Unsqueeze", "Squeeze"}
SMALL_FOLD = 4096  # the most values a folded constant may have
# What a channels-last view of the data (a Transpose to N, H, W, C) may meet: ConvNeXt's blocks
CHANNELS_LAST_OPS = {"Transpose", "LayerNormalization", "MatMul", "Add", "Sub", "Mul", "Div", "Gelu", "Relu",
                     "Sigmoid", "Tanh", "HardSwish", "Mish", "Identity", "Dropout"}
SHAPE_OPS = {"Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Cast", "Constant", "Slice", "Mul", "Div", "Add",
             "Sub", "ConstantOfShape", "Range", "ReduceProd"}


def listing(data: bytes, name: str) -> str:
    """The text `read` reads: the model's graph, one JSON object per line."""
    from cnncalc.files import InputError
    try:
        import onnx
        from onnx import numpy_helper
    except ImportError:
        raise InputError(f"reading {name} needs the onnx package: pip install \"cnncalc[onnx]\"") from None
    try:
        model = onnx.load_model_from_string(data)
    except Exception as e:  # noqa: BLE001 (protobuf's DecodeError and others: the file is not an ONNX model)
        raise InputError(f"{name} is not an ONNX model ({type(e).__name__}: {str(e)[:80]})") from None
    try:
        return _listed(model, name, onnx, numpy_helper)
    except (ValueError, TypeError, LookupError, ArithmeticError, AttributeError) as e:
        # A model that decodes but contradicts itself (a tensor type onnx does not know, a name that is not
        # text): what the file holds cannot be listed.
        raise InputError(f"{name} is not a consistent ONNX model ({type(e).__name__}: {str(e)[:80]})") from None


def _adaptive_windows(indices: Any) -> tuple[list[int], bool] | None:
    """The input's height and width when `indices` (out_h, k_h, out_w, k_w, 2) are the (row, column) of every cell of
    adaptive pooling's windows, as PyTorch's newer exporter gathers them (GatherND) when the sizes do not divide:
    window i starts at floor(i·N/out) and ends at ceil((i + 1)·N/out), of k cells, or of fewer padded to k by the
    cells after them (the last row or column again at the map's edge), which it masks; and whether any is so
    padded. None otherwise."""
    import numpy as np
    if indices.ndim != 5 or indices.shape[4] != 2 or 0 in indices.shape:
        return None
    rows, cols = indices[:, :, 0, 0, 0], indices[0, 0, :, :, 1]
    if not (np.array_equal(indices[..., 0], np.broadcast_to(rows[:, :, None, None], indices.shape[:4])) and
            np.array_equal(indices[..., 1], np.broadcast_to(cols[None, None], indices.shape[:4]))):
        return None
    sizes, padded = [], False
    for starts in (rows, cols):
        out, k = starts.shape
        n = int(starts[-1, -1]) + 1
        expected = [[min(i * n // out + a, n - 1) for a in range(k)] for i in range(out)]
        cells = [-(-(i + 1) * n // out) - i * n // out for i in range(out)]
        if starts.tolist() != expected or max(cells) != k:
            return None
        sizes.append(n)
        padded = padded or min(cells) != k
    return sizes, padded


def _layer_text(node: Node) -> str:
    """A graph node's layer in the spec language, whatever its place in the file."""
    from cnncalc.spec_writer import layer_text
    return layer_text(node.layer) if node.layer is not None else ""


def _module_of(node: Any) -> str | None:
    """The path of the PyTorch module whose call a node was exported from, as PyTorch's newer exporter records it
    (`pkg.torch.onnx.name_scopes`: `['', 'ca', 'ca.fc', 'ca.fc.0', 'conv2d_1']`, the module the one before the
    operation's own name); None when the node does not say."""
    import ast
    for prop in node.metadata_props:
        if prop.key == "pkg.torch.onnx.name_scopes" and len(prop.value) <= 4096:
            try:
                scopes = ast.literal_eval(prop.value)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return None
            if isinstance(scopes, list) and len(scopes) >= 2 and isinstance(scopes[-2], str):
                return str(_text(scopes[-2]))
    return None


def _text(value: Any) -> Any:
    """Protobuf text that is not UTF-8 comes back as bytes: shown with replacement characters."""
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def _listed(model: Any, name: str, onnx: Any, numpy_helper: Any) -> str:
    import os

    graph = model.graph
    # The newer exporter keeps tensors in a file beside the model (`m.onnx.data`): only small ones are read
    base = "" if name == "<stdin>" else os.path.dirname(os.path.abspath(name))

    def values(tensor: Any) -> Any:
        """A small tensor's values, flat; None when they are in a file beside the model that cannot be read."""
        if tensor.data_location != onnx.TensorProto.EXTERNAL:
            return numpy_helper.to_array(tensor).reshape(-1)
        try:
            return numpy_helper.to_array(tensor, base).reshape(-1)
        except Exception:  # noqa: BLE001 (onnx's ValidationError, OSError: the file beside it is missing or refused)
            return None

    opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0)
    lines = [f"# {graph.name or 'ONNX model'} (opset {opset}), listed by cnncalc from {name}"]
    initializers = {i.name for i in graph.initializer}
    floats = {i.name for i in graph.initializer if i.data_type in (1, 10, 11, 16)}  # float, half, double, bfloat16
    readers: dict[str, set[int]] = {}  # a float initializer -> the nodes that read it
    concatenated: set[str] = set()  # those a Concat reads (zeros joined to a map: its channels padded)
    for index, node in enumerate(graph.node):
        for read in node.input:
            if read in floats:
                readers.setdefault(read, set()).add(index)
                if node.op_type == "Concat":
                    concatenated.add(read)
    for value in graph.input:
        if value.name in initializers:
            continue
        dims = [d.dim_value if d.HasField("dim_value") else (d.dim_param or "?")
                for d in value.type.tensor_type.shape.dim]
        lines.append("input " + json.dumps({"name": _text(value.name), "shape": [_text(d) for d in dims]}))
    for init in graph.initializer:
        entry: dict[str, Any] = {"name": _text(init.name), "shape": list(init.dims)}
        size = 1
        for d in init.dims:
            size *= d
        array = values(init) if size <= SMALL or (init.data_type in (6, 7) and size <= SMALL_FOLD * 64) else None
        if array is not None and size <= SMALL:
            entry["values"] = array.tolist()
        elif array is not None:  # int32, int64 indices: do they keep every value in order?
            import numpy as np
            entry["arange"] = bool(np.array_equal(array, np.arange(size)))
        if array is not None and init.data_type in (6, 7):  # (a few cells gathered too: a 3x1 map pooled to 2x2)
            covered = _adaptive_windows(array.reshape(list(init.dims)))
            if covered is not None:
                entry["windows"], entry["padded"] = covered
        if "values" not in entry and len(readers.get(init.name, ())) > 1:
            # read by several nodes: one module's weights applied twice, or equal values an exporter merged into one
            # (the newer one merges a fresh model's batch norms: ones and zeros), which only values that differ
            # tell apart
            whole = values(init)
            if whole is not None:
                entry["uniform"] = bool(whole.size == 0 or (whole == whole[0]).all())
        if "values" not in entry and init.name in concatenated and size <= limits.MAX_FLAT:
            whole = values(init)
            if whole is not None:
                entry["zeros"] = not whole.any()
        lines.append("initializer " + json.dumps(entry))
    shared = {read for read, nodes in readers.items() if len(nodes) > 1}
    for node in graph.node:
        attrs = {}
        for a in node.attribute:
            value = onnx.helper.get_attribute_value(a)
            if isinstance(value, bytes):
                value = value.decode("utf-8", errors="replace")
            elif isinstance(value, onnx.TensorProto):
                array = values(value)
                attrs[_text(a.name) + "_dims"] = list(value.dims)  # the values below are flattened
                value = array.tolist() if array is not None and array.size <= SMALL else \
                    f"tensor of {_product(list(value.dims))} values"
            elif isinstance(value, list):
                value = [v.decode("utf-8", errors="replace") if isinstance(v, bytes) else v for v in value
                         if isinstance(v, (int, float, str, bytes))]
            elif not isinstance(value, (int, float, str)):
                value = str(type(value).__name__)
            attrs[_text(a.name)] = value
        lines.append("node " + json.dumps({"op": _text(node.op_type), "name": _text(node.name),
                                           "inputs": [_text(i) for i in node.input],
                                           "outputs": [_text(o) for o in node.output], "attrs": attrs,
                                           **({"domain": _text(node.domain)} if node.domain not in ("", "ai.onnx")
                                              else {}),
                                           **({"module": module} if shared.intersection(node.input) and
                                              (module := _module_of(node)) is not None else {})}))
    lines.append("output " + json.dumps({"names": [_text(o.name) for o in graph.output], "opset": opset}))
    return "\n".join(lines) + "\n"


class _Unsupported(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read(text: str, sink: DiagnosticSink) -> ir.File:
    try:
        network = _Reader(text, sink).read()
    except _Unsupported as e:
        sink.add(codes.E071, e.message, Span(0, min(1, len(text))), hint=_READ_HINT)
        network = cut_short(text, Span(0, min(1, len(text))), BY)
    except Malformed as e:  # the graph's limit
        sink.add(codes.E070, f"not supported: {e.message}", e.span, hint=_READ_HINT)
        network = cut_short(text, e.span, BY)
    return ir.File((), (network,))


# the fields each line of a listing has, and their types (`listing` writes them all)
_ENTRY_FIELDS: dict[str, dict[str, type]] = {
    "input": {"name": str, "shape": list}, "initializer": {"name": str, "shape": list},
    "node": {"op": str, "name": str, "inputs": list, "outputs": list, "attrs": dict}, "output": {"names": list}}
_TYPE_WORDS: dict[type, str] = {str: "a string", list: "a list", dict: "an object"}


def _entry_problem(kind: str, entry: Any) -> str | None:
    """What is wrong with a line of a listing (a field missing or of another type; an initializer's shape not sizes,
    a node's inputs and outputs not names); None when nothing is, or the line is of no kind the reader reads."""
    fields = _ENTRY_FIELDS.get(kind)
    if fields is None:
        return None
    if not isinstance(entry, dict):
        return f"an {kind} is a JSON object" if kind[0] in "aeiou" else f"a {kind} is a JSON object"
    for field, kind_of in fields.items():
        if not isinstance(entry.get(field), kind_of):
            return f"the {kind}'s `{field}` is missing or not {_TYPE_WORDS[kind_of]}"
    if kind == "initializer" and not all(type(d) is int and d >= 0 for d in entry["shape"]):
        return "an initializer's shape is its sizes, whole numbers"
    values = entry.get("values") if kind == "initializer" else None
    if values is not None and (not isinstance(values, list) or len(values) != _product(entry["shape"]) or
                               not all(type(v) in (int, float, bool) for v in values)):
        return "an initializer's values are numbers, as many as its shape holds"
    names = [name for field in ("inputs", "outputs", "names") if field in fields for name in entry[field]]
    if not all(isinstance(n, str) for n in names):
        return f"the {kind}'s tensors are named by strings"
    if kind == "node" and (not entry["outputs"] or (not entry["inputs"] and entry["op"] != "Constant")):
        return "a node reads a tensor at least (a Constant none) and makes one at least"
    if kind == "output" and type(entry.get("opset", 13)) is not int:
        return "the output's `opset` is a whole number"
    return None


def _size(h: int, w: int) -> str:
    return str(h) if h == w else f"{h}x{w}"


def _edge_crop(axes: list[int], starts: list[Any], ends: list[Any]) -> str:
    """A Slice of the height and width from their edges (`x[:, :, 1:-1, 2:]` exported: starts from the top or left,
    ends counted from the bottom or right, or past it) as a `crop T,B,L,R`; an end counted from the start needs
    the map's size, which the file does not give."""
    cut = {2: [0, 0], 3: [0, 0]}
    for axis, start, end in zip(axes, starts, ends):
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= limits.MAX_EXTENT or \
                not (-limits.MAX_EXTENT <= end < 0 or end >= 2 ** 31 - 1):
            raise _Unsupported(f"a Slice of the {'height' if axis % 4 == 2 else 'width'} from {start} to {end} "
                               f"(cnncalc reads cuts from the edges, x[:, :, t:-b, l:-r]; an end counted from the "
                               f"start needs the map's size)")
        cut[axis % 4] = [start, 0 if end > 0 else -end]
    (top, bottom), (left, right) = cut[2], cut[3]
    return f"crop {top},{bottom},{left},{right}"


class _Reader:
    def __init__(self, text: str, sink: DiagnosticSink) -> None:
        self.text = text
        self.sink = sink
        self.inputs: list[dict[str, Any]] = []
        self.initializers: dict[str, dict[str, Any]] = {}
        self.constants: dict[str, list[Any]] = {}  # Constant nodes' small values
        self.elided: dict[str, int] = {}  # the number of values of a Constant whose values are not listed
        self.arrays: dict[str, Any] = {}  # small constant tensors with their shapes (numpy), folded from the graph
        self.partial: dict[str, list[Any]] = {}  # shape arithmetic on the data's sizes: None where only running knows
        self.views: dict[str, tuple[int, int, bool]] = {}  # a 5-D view of the data: (node, groups, transposed)
        self.adds: dict[str, dict[str, Any]] | None = None  # a tensor -> the first Add reading it
        self.flat: set[str] = set()  # the data reshaped to one axis, batch and all (`Reshape(x, [-1])`)
        self.batch = 1  # the input's batch as the file gives it (an open one: 1)
        self.vectors: set[str] = set()  # the outputs of operators that make N x F (Gemm, Flatten), not N x C x H x W
        self.half_unsqueezed: set[str] = set()  # a vector given a height of 1 (N, C, 1): its width's Unsqueeze follows
        # ECA-Net's gate: a pooled map squeezed of its width, (N, C, 1), which a Transpose makes a sequence, and the
        # pooled channels as a sequence of one channel, (N, 1, C), along which a 1-D Conv slides (`channelconv`)
        self.half_squeezed: set[str] = set()
        self.sequences: set[str] = set()
        # a 6-D view of the data, (N, C, H/r, r, W/r, r) or (N, C/r², r, r, H, W): (node, its shape, the layer its
        # Transpose makes of it: `pixelunshuffle` or `pixelshuffle`, "" before it)
        self.blocks: dict[str, tuple[int, list[int], str]] = {}
        self.channels_last: set[str] = set()  # tensors transposed to N, H, W, C (a view of a node's output)
        self.norms_channels_last: dict[str, str] = {}  # a layer norm written out -> its text on a channels-last view
        self.channels_dropped: dict[str, Span] = {}  # a channel pool's N, H, W (keepdims=0): Unsqueeze(1) reads it
        self.shape_of: dict[str, str] = {}  # a Shape's output -> the tensor whose sizes it holds
        # a 1-D shape tensor's entries, as far as known: (tensor, axis) for a size of a 4-D map, a number for a constant
        self.dims: dict[str, list[Any]] = {}
        # a size of a 4-D map plus a whole number, (tensor, axis, plus): a slice's end `t + ref.size(2)`
        self.dims_plus: dict[str, tuple[str, int, int]] = {}
        # a Slice of one spatial axis to another map's size, waiting for the Slice of the other axis that reads it
        # alone (PyTorch exports `x[:, :, t:t + ref.size(2), l:l + ref.size(3)]` as two): its output ->
        # (the sliced tensor, (ref, axis, offset))
        self.half_crops: dict[str, tuple[str, tuple[str, int, int]]] = {}
        # a Slice of one spatial axis to a row or column counted from the start, waiting likewise: its output -> (the
        # sliced tensor, {axis: (start, end)})
        self.half_regions: dict[str, tuple[str, dict[int, tuple[int, int]]]] = {}
        # A size computed from a tensor's channels C, as an exporter writes x.chunk(n, 1)'s bounds:
        # (tensor, a, d, m) for ((C + a) // d) · m.
        self.channel_sizes: dict[str, tuple[str, int, int, int]] = {}
        self.nodes: list[tuple[dict[str, Any], Span]] = []
        self.producer: dict[str, dict[str, Any]] = {}  # each tensor's producing node
        self.readers: dict[str, list[dict[str, Any]]] = {}  # each tensor's reading nodes, once for each input
        # a gathered adaptive pool's output (`decomposed_adaptive_pools`) -> whether it reads a channels-last view
        self.pool_layouts: dict[str, bool] = {}
        # the last Reshape of a max unpooling written out (`decomposed_unpoolings`) -> (the values, the max pool's
        # indices, the output's shape)
        self.unpooled: dict[str, tuple[str, str, list[Any] | None]] = {}
        self.outputs: list[str] = []
        self.opset = 13

    def read(self) -> ir.Network:
        offset = 0
        for number, line in enumerate(self.text.split("\n"), 1):
            span = Span(offset, offset + len(line))
            offset += len(line) + 1
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, body = line.partition(" ")
            try:
                entry = json.loads(body)
            except json.JSONDecodeError as e:
                self.sink.add(codes.E071, f"line {number} of the listing: {e.msg}", span,
                              hint="each line of the listing is `input`, `initializer` or `node` and a JSON object; "
                                   "a listing made from a .onnx file by cnncalc always is")
                return cut_short(self.text, span, BY)
            problem = _entry_problem(kind, entry)
            if problem is not None:  # (a listing written by hand, or edited)
                self.sink.add(codes.E071, f"line {number} of the listing: {problem}", span,
                              hint="the listing cnncalc makes of a valid model has these; "
                                   "`onnx.checker.check_model` tells what a .onnx file lacks")
                return cut_short(self.text, span, BY)
            if kind == "input":
                self.inputs.append(entry)
            elif kind == "initializer":
                self.initializers[entry["name"]] = entry
            elif kind == "node":
                self.nodes.append((entry, span))
            elif kind == "output":
                self.outputs = entry.get("names", [])
                self.opset = entry.get("opset", 13) or 13
        if len(self.nodes) > limits.MAX_NODES:
            raise _Unsupported("more nodes than cnncalc reads")
        for index, (node, _) in enumerate(self.nodes):  # opset 9's Slice: its starts, ends and axes as attributes,
            attrs = node["attrs"]  # which opset 10 made inputs: given as constant inputs, read as later opsets' are
            if node["op"] == "Slice" and len(node["inputs"]) == 1 and isinstance(attrs.get("starts"), list):
                given = [attrs["starts"], attrs.get("ends"), attrs.get("axes", list(range(len(attrs["starts"]))))]
                names = [f"\0slice {index} {part}" for part in ("starts", "ends", "axes")]
                self.constants.update((name, value) for name, value in zip(names, given) if isinstance(value, list))
                node["inputs"] = [*node["inputs"], *names]
        return self.network()

    def network(self) -> ir.Network:
        given = None
        graph = Graph()
        tensors: dict[str, int] = {}
        if self.inputs:
            first = self.inputs[0]
            # An open batch size is 1; an open height, width or length is not known: E072 asks for --input
            dims = [d if isinstance(d, int) and d > 0 else 1 if i == 0 else 0 for i, d in enumerate(first["shape"])]
            self.batch = dims[0] if dims else 1
            if len(dims) == 4 and all(1 <= d <= limits.MAX_SIZE for d in dims[2:]) and \
                    1 <= dims[1] <= limits.MAX_CHANNELS:
                given = ir.Input((dims[2], dims[3], dims[1]), min(dims[0], limits.MAX_BATCH), Span(0, 0))
            elif len(dims) == 2 and 1 <= dims[1] <= limits.MAX_CHANNELS:
                given = ir.Input((dims[1],), min(dims[0], limits.MAX_BATCH), Span(0, 0))
            tensors[first["name"]] = INPUT
        shape_only: set[str] = set()
        poisoned: set[str] = set()
        stacked: dict[str, list[str]] = {}  # a map given a new first axis (Unsqueeze), or maps so joined (Concat)
        unsupported: dict[str, Span] = {}
        consumers: dict[str, list[str]] = {}
        for node, _ in self.nodes:
            for name in node["inputs"]:
                consumers.setdefault(name, []).append(node["op"])
        folded: dict[str, tuple[int, Span]] = {}  # a MatMul's output -> its fc, when an Add of a bias follows
        producer, uses = self.wiring()
        self.producer = producer
        listed = set(self.initializers)  # (before Identity and Unsqueeze nodes give them second names)
        read_by: dict[str, dict[str, Any]] = {}  # a listed initializer -> the first layer node that read it
        made_by: dict[int, int] = {}  # a layer node (by id) -> the graph node it made
        lrn, absorbed = self.decomposed_lrns(producer)
        for decomposed in (self.decomposed_mish, self.decomposed_group_norms, self.decomposed_layer_norms,
                           self.decomposed_activations, self.transposed_softmaxes,
                           self.decomposed_adaptive_pools, self.decomposed_wraps):
            try:
                found, steps = decomposed(producer, uses)
            except (IndexError, KeyError, TypeError, ValueError):  # a malformed node where a pattern looked (a 3-D
                continue  # kernel, a node without its inputs): none of that pass's layers; each node read on its own
            lrn.update(found)
            absorbed |= steps
        try:
            self.unpooled, steps = self.decomposed_unpoolings(producer, uses)
            absorbed |= steps
        except (IndexError, KeyError, TypeError, ValueError):
            pass
        for node, span in self.nodes:
            op, name, inputs, outputs = node["op"], node["name"] or node["op"], node["inputs"], node["outputs"]
            data = [i for i in inputs if i in tensors]
            if id(node) in absorbed:  # a step of a LocalResponseNorm written out: the Div below is the layer
                shape_only.update(outputs)
                continue
            if outputs and outputs[0] in lrn and lrn[outputs[0]][0] in tensors:
                source, text = lrn[outputs[0]]
                layout = self.pool_layouts.get(outputs[0])
                if layout is not None and layout != (source in self.channels_last):
                    unsupported.setdefault(f"Transpose (a gathered adaptive pool transposing a map as if "
                                           f"{'channels-last' if layout else 'channels-first'})", span)
                    poisoned.update(outputs)
                    continue
                if source in self.channels_last:  # (a layer norm written out over a channels-last view's last axis)
                    text = self.norms_channels_last.get(outputs[0], text)
                tensors[outputs[0]] = graph.layer(name, spec_layer(text, span), tensors[source], span)
                if source in self.channels_last and layout is None:  # (an activation written out, ConvNeXt's GELU
                    self.channels_last.add(outputs[0])  # between its MatMuls: a view as its input)
                continue
            if outputs and outputs[0] in self.unpooled:
                values, indices, shape = self.unpooled[outputs[0]]
                if values in poisoned or indices in poisoned:  # (after an operator not read: unknown, not listed)
                    poisoned.update(outputs)
                    continue
                # (N, groups, C/groups, H, W): the exporter's one Reshape to the unpooled map and on to a channel
                # shuffle's start, which only its transpose may read
                groups = shape[1] if shape is not None and len(shape) == 5 and \
                    all(isinstance(d, int) and d > 0 for d in shape) else None
                if shape is not None and groups is not None:
                    shape = [shape[0], groups * shape[2], *shape[3:]]
                try:
                    tensors[outputs[0]] = self.unpooling(graph, name, span, tensors, values, indices, shape)
                    if groups is not None:
                        self.views[outputs[0]] = (tensors[outputs[0]], groups, False)
                except _Unsupported as e:
                    unsupported.setdefault(f"a max unpooling ({e.message})", span)
                    poisoned.update(outputs)
                continue
            if op in ("Gemm", "Flatten"):
                self.vectors.add(outputs[0])  # N x F: a Shape of it has two sizes
            if op == "Constant":
                value = node["attrs"].get("value", node["attrs"].get("value_ints", []))
                dims = node["attrs"].get("value_dims")
                if isinstance(value, str) and isinstance(dims, list) and all(isinstance(d, int) for d in dims):
                    self.elided[outputs[0]] = _product(dims)  # more values than the listing keeps: their count
                self.constants[outputs[0]] = value
                if isinstance(value, list) and isinstance(dims, list) and len(dims) > 1 and \
                        all(isinstance(d, int) and d >= 0 for d in dims) and _product(dims) == len(value):
                    import numpy as np
                    self.arrays[outputs[0]] = np.array(value).reshape(dims)
                shape_only.add(outputs[0])
                continue
            if op == "Unsqueeze" and inputs and inputs[0] in self.initializers and \
                    (shape := _unsqueezed(self.initializers[inputs[0]]["shape"], self.axes(node))) is not None:
                # a weight given axes of 1 (a PReLU's slope C -> C x 1 x 1 in an export not folded): the same
                # stored values under a second name
                self.initializers[outputs[0]] = {**self.initializers[inputs[0]], "shape": shape}
                continue
            if op == "Transpose" and inputs and inputs[0] in self.initializers and \
                    (moved := _transposed(self.initializers[inputs[0]], node["attrs"].get("perm"))) is not None:
                # a weight transposed in the graph (a Linear exported without constant folding: Transpose, then
                # MatMul): the same stored values under a second name, read along the new axes
                self.initializers[outputs[0]] = moved
                continue
            if op in ("Expand", "Tile") and len(inputs) == 2 and inputs[0] in self.initializers and \
                    _kept_shape(op, self.initializers[inputs[0]]["shape"], self.values(inputs[1])):
                # a weight broadcast to itself or tiled once, as the older exporter spreads an instance norm's over
                # the images of a batch of one: the same stored values under a second name
                self.initializers[outputs[0]] = self.initializers[inputs[0]]
                continue
            if op in FOLDABLE and not data and inputs and len(outputs) == 1:
                value = self.fold(op, node)  # a constant computed in the graph (an exported Pad's pads)
                if value is not None:
                    self.arrays[outputs[0]] = value
                    self.constants[outputs[0]] = value.reshape(-1).tolist()
                    shape_only.add(outputs[0])
                    continue
            if op == "Shape" or (op in SHAPE_OPS and not data and all(
                    not i or i in shape_only or i in self.initializers or i in self.constants for i in inputs)):
                shape_only.update(outputs)  # the arithmetic of a Reshape's target shape, not a layer
                self.follow_shape(op, node)
                continue
            if op == "Identity" and inputs and inputs[0] in self.initializers:  # an initializer under a second name
                self.initializers[outputs[0]] = self.initializers[inputs[0]]
                continue
            if any(i in poisoned for i in inputs):
                poisoned.update(outputs)  # downstream of an operator not read: unknown, not listed again
                continue
            if self.stacking(op, node, stacked, tensors):
                continue
            if op in _STACK_REDUCTIONS and inputs and inputs[0] in stacked and len(stacked[inputs[0]]) > 1 and \
                    self.axes(node) == [0] and not node["attrs"].get("keepdims", 1):
                tensors[outputs[0]] = graph.merge(name, _STACK_REDUCTIONS[op],
                                                  [tensors[i] for i in stacked[inputs[0]]], span)
                continue
            if not data:
                unsupported.setdefault(op, span)
                poisoned.update(outputs)
                continue
            last = [i in self.channels_last for i in data]
            dropped = [i for i in data if i in self.channels_dropped]
            if dropped:
                if op == "Unsqueeze" and self.axes(node) in ([1], [-3]) and inputs[0] in dropped:
                    tensors[outputs[0]] = tensors[inputs[0]]  # `torch.mean(x, 1).unsqueeze(1)`: the HxWx1 map
                    continue
                unsupported.setdefault(f"{op} (of a reduction over the channels without keepdims: cnncalc follows "
                                       f"an Unsqueeze at axis 1 of it)", span)
                poisoned.update(outputs)
                continue
            try:
                if any(i in self.views for i in inputs) and op not in ("Transpose", "Reshape"):
                    raise _Unsupported("a 5-D view of the data (cnncalc follows one in a channel shuffle)")
                if any(i in self.blocks for i in inputs) and op not in ("Transpose", "Reshape"):
                    raise _Unsupported("a 6-D view of the data (cnncalc follows one in a space to depth)")
                if any(i in self.half_unsqueezed for i in inputs) and op != "Unsqueeze":
                    raise _Unsupported("a vector given one more axis (cnncalc follows two, a height and a width of 1)")
                if any(i in self.half_squeezed for i in inputs) and op not in ("Transpose", "Unsqueeze", "Squeeze"):
                    raise _Unsupported("a pooled map squeezed of its width, N x C x 1 (cnncalc follows its Transpose "
                                       "to a sequence, as ECA-Net's gate takes it)")
                if any(i in self.sequences for i in inputs) and op not in _ON_SEQUENCES:
                    raise _Unsupported("a map's pooled channels as a sequence, N x 1 x C (cnncalc follows a 1-D Conv "
                                       "of one filter along them, activations, and a Transpose or Reshape back)")
                if any(i in self.flat for i in inputs) and (op != "Gather" or inputs[0] not in self.flat):
                    raise _Unsupported("on the data reshaped to one axis (cnncalc follows a Gather of it in order)")
                if any(last) and (op not in CHANNELS_LAST_OPS or not all(last)):
                    raise _Unsupported("on a channels-last view of the data (a Transpose to N, H, W, C), which "
                                       "cnncalc follows through layer norms, MatMuls and element-wise operations")
                product = next((i for i in inputs if i in folded), None)
                if op == "Add" and product is not None and len(inputs) == 2 and \
                        self._bias(inputs[1] if inputs[0] == product else inputs[0]):
                    node_id, _ = folded[product]
                    tensors[outputs[0]] = node_id
                    if any(last):
                        self.channels_last.add(outputs[0])
                    continue
                made = self.node(graph, op, name, node, span, tensors, consumers)
            except _Unsupported as e:
                unsupported.setdefault(f"{op} ({e.message})" if e.message else op, span)
                poisoned.update(outputs)
                continue
            except (ValueError, TypeError, KeyError, IndexError, OverflowError) as e:  # attributes cnncalc cannot read
                unsupported.setdefault(f"{op} ({why(e)})", span)
                poisoned.update(outputs)
                continue
            if made is None:
                continue
            node_id, params = made
            reads = [i for i in inputs[1:] if params is not None and i in listed]
            again = [i for i in reads if self.applied_again(node, read_by.setdefault(i, node), i)]
            if again:  # one module applied again: the layer shares the first node's weights, counted there
                first = read_by[again[0]]
                target = made_by.get(id(first))
                if target is None or again != reads or any(read_by[i] is not first for i in again) or \
                        _layer_text(graph.nodes[target]) != _layer_text(graph.nodes[node_id]):
                    earlier = first["name"] or first["op"]
                    unsupported.setdefault(f"{op} (its weights `{again[0]}` are read by `{earlier}` too: one module "
                                           f"applied twice, which cnncalc follows as `shares` when the node reads all "
                                           f"the weights of one earlier node and is the same layer)", span)
                    poisoned.update(outputs)
                    continue
                mine = graph.nodes[node_id]
                assert mine.layer is not None
                graph.nodes[node_id] = mine._replace(layer=mine.layer._replace(
                    shares=ir.Ref(graph.nodes[target].name, span)))
                params = None  # (its weights are checked at the first node's line)
            made_by[id(node)] = node_id
            for out in outputs[:1] if op != "Split" else []:
                tensors[out] = node_id
            if any(last) and op != "Transpose":
                self.channels_last.add(outputs[0])
            if op in _ON_SEQUENCES and op not in ("Transpose", "Reshape") and any(i in self.sequences for i in inputs):
                self.sequences.add(outputs[0])  # a Conv or an activation of a sequence: a sequence
            if op == "MatMul":
                folded[outputs[0]] = (node_id, span)
            if params is not None:
                label = graph.nodes[node_id].name
                graph.expectations[label] = ir.Expectation(None, ir.Count(params, 0, 1, f"{params}", span), None,
                                                           span)
        for out in self.outputs:
            if out in self.channels_dropped:
                unsupported.setdefault("a reduction over the channels without keepdims as an output (cnncalc follows "
                                       "an Unsqueeze at axis 1 of it)", self.channels_dropped[out])
        if unsupported:
            where = min(unsupported.values(), key=lambda s: s.start)
            self.sink.add(codes.E070, f"not supported: {', '.join(sorted(unsupported))} ({len(unsupported)} "
                                      f"operator{'s' * (len(unsupported) != 1)})", where,
                          hint="docs/notations.md lists the ONNX operators cnncalc reads; the layers after these "
                               "are unknown")
            return cut_short(self.text, where, BY, given)
        span = Span(0, len(self.text))
        main = tensors.get(self.outputs[0]) if self.outputs else None
        return graph.network(None, given, span, main=main, rounding=ir.RoundingLine("floor", span, by=BY))

    # ---- operators ------------------------------------------------------------------------------------

    def cropped_to(self, graph: Graph, name: str, node: dict[str, Any], span: Span, tensors: dict[str, int],
                   consumers: dict[str, list[str]], starts: list[Any] | None, axes: list[Any] | None,
                   steps: list[Any] | None) -> tuple[int, int | None] | None:
        """`x[:, :, t:t + ref.size(2), l:l + ref.size(3)]` exported as a Slice of the height to `t + ref's height`,
        then one of the width: x cropped from (t, l) to ref's size (`fit at TxL`). The first Slice waits for the
        second, the one operator that reads it; anything else is not followed."""
        inputs, out = node["inputs"], node["outputs"][0]
        ref, axis, plus = self.dims_plus[inputs[2]]
        if starts != [plus] or steps not in ([1], None) or axes is None or len(axes) != 1 or \
                not isinstance(axes[0], int) or axes[0] % 4 != axis or axis not in (2, 3) or ref not in tensors:
            raise _Unsupported("a Slice to another map's size from an offset other than its start")
        if inputs[0] in self.half_crops:
            sliced, first = self.half_crops[inputs[0]]
            if first[0] != ref or first[1] == axis:
                raise _Unsupported("a crop to the height of one map and the width of another")
            offset = (first[2], plus) if first[1] == 2 else (plus, first[2])
            return graph.merge(name, "fit", [tensors[ref], tensors[sliced]], span, offset=offset), None
        if consumers.get(out) != ["Slice"]:
            raise _Unsupported("a crop of the height alone, or the width alone, to another map's size")
        self.half_crops[out] = (inputs[0], (ref, axis, plus))
        return tensors[inputs[0]], None  # read by the other axis's Slice alone, which makes the crop

    def region(self, graph: Graph, name: str, node: dict[str, Any], span: Span, tensors: dict[str, int],
               consumers: dict[str, list[str]], counted: dict[int, tuple[int, int]], sliced: int
               ) -> tuple[int, int | None]:
        """`x[:, :, t:b, l:r]` of numbers, as the newer exporter writes every crop (FCN's `x[:, :, 19:19 + H]` with
        H a number): a Slice of both axes with ends counted from the start, or one of the height and one of the
        width, the first read by the second alone: `region (b - t)x(r - l) at txl`."""
        inputs, out = node["inputs"], node["outputs"][0]
        if len(counted) != sliced:
            raise _Unsupported("a Slice of one axis from its edges and of the other to a row or column counted from "
                               "the start (cnncalc reads the two alike: cuts from the edges, or a region of numbers)")
        source = inputs[0]
        if source in self.half_regions:
            source, first = self.half_regions[source]
            if set(first) & set(counted):
                raise _Unsupported("a Slice of one axis twice")
            counted = {**first, **counted}
        if len(counted) == 1:
            if consumers.get(out) != ["Slice"] or source not in tensors:
                raise _Unsupported("a Slice of the height alone, or the width alone, to a row or column counted from "
                                   "the start, which needs the map's other size")
            self.half_regions[out] = (source, counted)
            return tensors[source], None  # read by the other axis's Slice alone, which makes the region
        (top, bottom), (left, right) = counted[2], counted[3]
        return graph.layer(name, spec_layer(f"region {bottom - top}x{right - left} at {top}x{left}", span),
                           tensors[source], span), None

    def applied_again(self, node: dict[str, Any], first: dict[str, Any], weights: str) -> bool:
        """Whether a layer node reading an initializer that an earlier node read is the same module applied again
        (CBAM's shared MLP: its weights PyTorch counts once), not a copy of equal values that the exporter stored
        once (PyTorch's newer exporter merges equal parameters, as a fresh model's batch norms, ones and zeros, or a
        module's copies; the older one names the copy through an Identity). The newer exporter records the module
        each node comes from; without that, only weights whose values differ are a module's own."""
        if node is first:
            return False
        if "module" in node and "module" in first:
            return bool(node["module"] == first["module"])
        entry = self.initializers[weights]
        values = entry.get("values")
        return not (len(set(values)) <= 1 if isinstance(values, list) else entry.get("uniform") is True)

    def weight(self, name: str) -> list[int]:
        init = self.initializers.get(name)
        if init is None:
            raise _Unsupported("weights computed in the graph, not stored")
        return list(init["shape"])

    def axes(self, node: dict[str, Any]) -> list[Any] | None:
        """An Unsqueeze's or a reduction's axes: an attribute before opset 13 (18 for most reductions), then an
        input."""
        given = node["attrs"].get("axes")
        if given is None and len(node["inputs"]) > 1 and node["inputs"][1]:
            given = self.values(node["inputs"][1])
        return list(given) if isinstance(given, list) else None

    def stacking(self, op: str, node: dict[str, Any], stacked: dict[str, list[str]], tensors: dict[str, int]) -> bool:
        """`torch.stack([a, b])` as exported: each map Unsqueezed at axis 0, then a Concat of them on that axis.
        Records which maps the result stacks (a reduction over axis 0 reads it, `_STACK_REDUCTIONS`); False for
        any other operator."""
        inputs, outputs = node["inputs"], node["outputs"]
        if op == "Unsqueeze" and inputs[0] in tensors and self.axes(node) == [0]:
            stacked[outputs[0]] = [inputs[0]]
            return True
        if op == "Concat" and node["attrs"].get("axis") == 0 and inputs and all(i in stacked for i in inputs):
            stacked[outputs[0]] = [source for i in inputs for source in stacked[i]]
            return True
        return False

    def wiring(self) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
        """Each tensor's producing node, and how many inputs read it: what the decompositions below follow (the
        nodes that read each, `readers`, too)."""
        producer = {out: n for n, _ in self.nodes for out in n["outputs"]}
        for node, _ in self.nodes:
            for name in node["inputs"]:
                self.readers.setdefault(name, []).append(node)
        return producer, {name: len(nodes) for name, nodes in self.readers.items()}

    def decomposed_lrns(self, producer: dict[str, dict[str, Any]]) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """PyTorch exports LocalResponseNorm written out: x / (k + alpha·avg(x², over `size` channels))^beta,
        as Mul(x, x), Reshape to 5-D, Pad (two before opset 11), AveragePool (size, 1, 1), back to 4-D (Squeeze, or
        Reshape of an If), Mul alpha, Add k, Pow beta, Div. Each such Div's output -> (x, the `lrn` spec), and the nodes
        of the steps (read as no layer)."""
        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()

        def scalar(name: str) -> float | None:
            made = producer.get(name)
            values = made["attrs"].get("value") if made is not None and made["op"] == "Constant" else self.values(name)
            if not isinstance(values, list) or len(values) != 1 or not isinstance(values[0], (int, float)):
                return None
            return float(f"{values[0]:.7g}")  # a float32 constant, as it was written (1e-4, not 9.9999997e-05)

        for node, _ in self.nodes:
            if node["op"] != "Div" or len(node["inputs"]) != 2:
                continue
            x, chain = node["inputs"][0], [node]
            constants: list[float] = []
            current = producer.get(node["inputs"][1])
            for op in ("Pow", "Add", "Mul"):  # beta, k, alpha, outermost first
                value = scalar(current["inputs"][1]) if current is not None and current["op"] == op and \
                    len(current["inputs"]) == 2 else None
                if current is None or value is None:
                    break
                constants.append(value)
                chain.append(current)
                current = producer.get(current["inputs"][0])
            if len(constants) != 3:
                continue
            while current is not None and current["op"] in ("Reshape", "Squeeze", "Unsqueeze", "Identity", "If",
                                                               "Equal", "Gather", "Shape"):
                chain.append(current)  # back to the pool's 4-D shape (an If's branches squeeze its output)
                current = producer.get(current["inputs"][0]) if current["inputs"] else None
            pool = current
            kernel = pool["attrs"].get("kernel_shape") if pool is not None and pool["op"] == "AveragePool" else None
            if pool is None or not isinstance(kernel, list) or len(kernel) != 3 or kernel[1:] != [1, 1]:
                continue
            pads, view = [], producer.get(pool["inputs"][0])
            while view is not None and view["op"] == "Pad":  # (opset 9: a second Pad, of nothing)
                pads.append(view)
                view = producer.get(view["inputs"][0])
            square = producer.get(view["inputs"][0]) if view is not None and view["op"] == "Reshape" and pads else None
            if square is None or square["op"] != "Mul" or square["inputs"] != [x, x]:
                continue
            beta, k, alpha = constants
            found[node["outputs"][0]] = (x, f"lrn size {kernel[0]} alpha {alpha!r} beta {beta!r} k {k!r}")
            absorbed.update(id(n) for n in [*chain[1:], pool, *pads, view, square])
        return found, absorbed

    def decomposed_mish(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                        ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """Mish written out, x·tanh(softplus(x)), as PyTorch exports it before opset 18: Softplus(x), Tanh, then Mul
        by x. Each such Mul's output -> (x, `mish`), and the Softplus and Tanh (read as no layer)."""
        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for node, _ in self.nodes:
            if node["op"] != "Mul" or len(node["inputs"]) != 2:
                continue
            for x, other in (node["inputs"], node["inputs"][::-1]):
                tanh = producer.get(other)
                if tanh is None or tanh["op"] != "Tanh":
                    continue
                softplus = producer.get(tanh["inputs"][0])
                if softplus is not None and softplus["op"] == "Softplus" and softplus["inputs"] == [x] and \
                        uses.get(other) == 1 and uses.get(tanh["inputs"][0]) == 1:  # no other use of the steps
                    found[node["outputs"][0]] = (x, "mish")
                    absorbed.update((id(tanh), id(softplus)))
                    break
        return found, absorbed

    def decomposed_activations(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                               ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """Softplus, Softsign, LogSigmoid and Tanhshrink as PyTorch's exporters write them out. Softplus with a
        beta: Mul by beta, Softplus, Div by beta; with its threshold (the newer exporter): then Where(Greater(beta·x,
        threshold), x, that). Softsign: Div(x, Add(Abs(x), 1)). LogSigmoid: Log(Sigmoid(x)). Tanhshrink:
        Sub(x, Tanh(x)). Each last step's
        output -> (x, the layer), and the steps before it (read as no layer)."""

        def made(name: str, op: str, used: int = 1) -> dict[str, Any] | None:
            node = producer.get(name)
            return node if node is not None and node["op"] == op and uses.get(name) == used else None

        def scalar(name: str) -> float | None:
            return self.scalar(producer, name)

        def softplus(top: dict[str, Any] | None, scaled_uses: int) -> tuple[str, float, str, list[Any]] | None:
            """(x, beta, beta·x's tensor, the steps) of a softplus whose last step is `top`."""
            if top is not None and top["op"] == "Softplus":
                return top["inputs"][0], 1.0, top["inputs"][0], [top]
            if top is None or top["op"] != "Div" or len(top["inputs"]) != 2:
                return None
            inner = made(top["inputs"][0], "Softplus")
            mul = made(inner["inputs"][0], "Mul", scaled_uses) if inner is not None else None
            beta = scalar(top["inputs"][1])
            if inner is None or mul is None or len(mul["inputs"]) != 2 or beta is None or beta <= 0:
                return None
            for x, factor in (mul["inputs"], mul["inputs"][::-1]):
                if scalar(factor) == beta:
                    return x, beta, inner["inputs"][0], [top, inner, mul]
            return None

        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for node, _ in self.nodes:
            op, inputs = node["op"], node["inputs"]
            out = node["outputs"][0] if node["outputs"] else ""
            if id(node) in absorbed:
                continue
            if op == "Where" and len(inputs) == 3 and made(inputs[0], "Greater") is not None and \
                    producer.get(inputs[2], {}).get("op") in ("Softplus", "Div"):
                greater = made(inputs[0], "Greater")
                last = producer.get(inputs[2]) if uses.get(inputs[2]) == 1 else None
                for scaled_uses in (1, 2):  # beta·x read by the Softplus alone, or by the Greater too
                    core = softplus(last, scaled_uses) if greater is not None else None
                    if core is not None and greater is not None and core[0] == inputs[1] and \
                            greater["inputs"][0] == core[2] and scalar(greater["inputs"][1]) is not None:
                        x, beta, _, steps = core
                        threshold = scalar(greater["inputs"][1])
                        found[out] = (x, f"softplus beta {beta!r} threshold {threshold!r}")
                        absorbed.update(id(n) for n in (*steps, greater) if n is not node)
                        break
            elif op == "Div" and len(inputs) == 2 and out not in found:
                core = softplus(node, 1)
                add = made(inputs[1], "Add")
                if core is not None and len(core[3]) == 3:
                    x, beta, _, steps = core
                    found[out] = (x, f"softplus beta {beta!r}")
                    absorbed.update(id(n) for n in steps if n is not node)
                elif add is not None and len(add["inputs"]) == 2:
                    for absolute_name, one in (add["inputs"], add["inputs"][::-1]):
                        absolute = made(absolute_name, "Abs")
                        if absolute is not None and absolute["inputs"] == [inputs[0]] and scalar(one) == 1.0:
                            found[out] = (inputs[0], "softsign")
                            absorbed.update((id(add), id(absolute)))
                            break
                else:
                    normalized = self.l2_norm_steps(node, made, scalar)
                    if normalized is not None:
                        found[out] = normalized[:2]
                        absorbed.update(id(n) for n in normalized[2])
            elif op == "Sub" and len(inputs) == 2:
                tanh = made(inputs[1], "Tanh")
                if tanh is not None and tanh["inputs"] == [inputs[0]]:
                    found[out] = (inputs[0], "tanhshrink")
                    absorbed.add(id(tanh))
            elif op == "Log" and len(inputs) == 1:
                sigmoid = made(inputs[0], "Sigmoid")
                if sigmoid is not None:
                    found[out] = (sigmoid["inputs"][0], "logsigmoid")
                    absorbed.add(id(sigmoid))
            elif op == "Mul" and len(inputs) == 2:
                gelu, approximation = self.gelu_steps(node, made, scalar), ""
                if gelu is None:
                    gelu, approximation = self.gelu_tanh_steps(node, made, scalar), " tanh"
                if gelu is not None:
                    found[out] = (gelu[0], "gelu" + approximation)
                    absorbed.update(id(n) for n in gelu[1])
            if op in ("Pow", "Where", "Add") and out not in found:  # (a Where that is no softplus's threshold)
                written_out = self.lp_pool_steps(node, made, scalar) if op == "Pow" else \
                    self.shrink_steps(node, made, scalar)
                if written_out is not None:
                    found[out] = written_out[:2]
                    absorbed.update(id(n) for n in written_out[2])
        return found, absorbed

    def l2_norm_steps(self, last: dict[str, Any], made: Callable[..., dict[str, Any] | None],
                      scalar: Callable[[str], float | None]) -> tuple[str, str, list[dict[str, Any]]] | None:
        """PyTorch's F.normalize(x) as both exporters write it: Div(x, Expand(Clip(ReduceL2(x, axes [1], keepdims),
        eps), the shape of x)), the older exporter's shape a Shape of x. (x, the layer, the steps before `last`)."""
        x = last["inputs"][0]
        expand = made(last["inputs"][1], "Expand")
        clip = made(expand["inputs"][0], "Clip") if expand is not None else None
        reduce = made(clip["inputs"][0], "ReduceL2") if clip is not None else None
        if expand is None or clip is None or reduce is None or reduce["inputs"][0] != x:
            return None
        axes = reduce["attrs"].get("axes")
        if axes is None and len(reduce["inputs"]) > 1:  # (opset 18: the axes an input, a constant or an initializer)
            constant = made(reduce["inputs"][1], "Constant")
            axes = constant["attrs"].get("value") if constant is not None else self.values(reduce["inputs"][1])
        eps = clip["attrs"].get("min", scalar(clip["inputs"][1]) if len(clip["inputs"]) > 1 else None)
        if axes != [1] or not reduce["attrs"].get("keepdims", 1) or eps is None or \
                (len(clip["inputs"]) > 2 and clip["inputs"][2]) or "max" in clip["attrs"]:
            return None
        shape = made(expand["inputs"][1], "Shape")
        steps = [expand, clip, reduce] + ([shape] if shape is not None and shape["inputs"] == [x] else [])
        return x, "l2norm" + ("" if eps == 1e-12 else f" eps {_float32(eps)!r}"), steps

    @staticmethod
    def lp_pool_steps(last: dict[str, Any], made: Callable[..., dict[str, Any] | None],
                      scalar: Callable[[str], float | None]) -> tuple[str, str, list[dict[str, Any]]] | None:
        """PyTorch's LPPool2d as both exporters write it: Pow(x, p), AveragePool, Sign and Abs of the average,
        Relu of the Abs, their Mul, Mul by the window's size, Pow(1/p). (x, the layer, the steps before `last`)."""
        if len(last["inputs"]) != 2 or (root := scalar(last["inputs"][1])) is None:
            return None
        scaled = made(last["inputs"][0], "Mul")
        if scaled is None or len(scaled["inputs"]) != 2:
            return None
        for product_name, size_name in (scaled["inputs"], scaled["inputs"][::-1]):
            product = made(product_name, "Mul")
            if product is None:
                continue
            for sign_name, relu_name in (product["inputs"], product["inputs"][::-1]):
                sign, relu = made(sign_name, "Sign"), made(relu_name, "Relu")
                absolute = made(relu["inputs"][0], "Abs") if relu is not None else None
                if sign is None or relu is None or absolute is None or sign["inputs"] != absolute["inputs"]:
                    continue
                pool = made(sign["inputs"][0], "AveragePool", 2)
                powed = made(pool["inputs"][0], "Pow") if pool is not None else None
                power = scalar(powed["inputs"][1]) if powed is not None and len(powed["inputs"]) == 2 else None
                if pool is None or powed is None or power is None or power <= 0:
                    continue
                a = pool["attrs"]
                if len(a.get("kernel_shape", ())) != 2 or len(a.get("strides", (1, 1))) != 2:
                    continue  # (not a 2-D pool: read on its own)
                kh, kw = a["kernel_shape"]
                if abs(root * power - 1) > 1e-6 or scalar(size_name) != kh * kw or any(a.get("pads", [0])) or \
                        a.get("auto_pad", "NOTSET") not in ("NOTSET", "VALID") or \
                        any(d != 1 for d in a.get("dilations", [1, 1])):
                    continue
                sh, sw = a.get("strides", [1, 1])
                text = f"lppool {kh}x{kw} p {power!r} stride {_size(sh, sw)}{' ceil' if a.get('ceil_mode') else ''}"
                return powed["inputs"][0], text, [scaled, product, sign, relu, absolute, pool, powed]
        return None

    @staticmethod
    def shrink_steps(last: dict[str, Any], made: Callable[..., dict[str, Any] | None],
                     scalar: Callable[[str], float | None]) -> tuple[str, str, list[dict[str, Any]]] | None:
        """Hardshrink and Softshrink as PyTorch's exporters write them. The newer: Where(LessOrEqual(Abs(x), l), 0,
        x); Where(Greater(Abs(x), l), Sub(x, Mul(Sign(x), l)), Mul(x, 0)). The older: Where(Or(Cast(Greater(x, l)),
        Cast(Less(x, -l))), x, 0); Add(Where(Greater(x, l), Sub(x, l), 0), Where(Less(x, -l), Add(x, l), 0)). And
        Threshold as the newer writes it, Where(LessOrEqual(x, T), V, x). (x, the layer, the steps before `last`)."""
        inputs = last["inputs"]

        def compared(name: str, op: str) -> tuple[str, float, dict[str, Any]] | None:
            """(what, the bound, the node) of `op`(what, bound)."""
            node = made(name, op)
            bound = scalar(node["inputs"][1]) if node is not None and len(node["inputs"]) == 2 else None
            return None if node is None or bound is None else (node["inputs"][0], bound, node)

        def of_abs(name: str, op: str) -> tuple[str, float, list[dict[str, Any]]] | None:
            """(x, the bound, the steps) of `op`(Abs(x), bound)."""
            test = compared(name, op)
            absolute = made(test[0], "Abs") if test is not None else None
            return None if test is None or absolute is None else (absolute["inputs"][0], test[1], [test[2], absolute])

        def factor(node: dict[str, Any] | None, of: str) -> float | None:
            """The constant that the Mul `node` multiplies `of` by."""
            for name, other in (node["inputs"], node["inputs"][::-1]) if node is not None else ():
                if name == of and scalar(other) is not None:
                    return scalar(other)
            return None

        if last["op"] == "Where" and len(inputs) == 3:
            hard = of_abs(inputs[0], "LessOrEqual")
            if hard is not None and scalar(inputs[1]) == 0.0 and inputs[2] == hard[0]:
                return hard[0], f"hardshrink {hard[1]!r}", hard[2]
            below = compared(inputs[0], "LessOrEqual")  # the newer exporter's Threshold: Where(x <= T, V, x)
            value = scalar(inputs[1])
            if below is not None and value is not None and inputs[2] == below[0]:
                return below[0], f"threshold {below[1]!r}" + (f" value {value!r}" if value else ""), [below[2]]
            soft = of_abs(inputs[0], "Greater")
            sub = made(inputs[1], "Sub")
            scaled = made(sub["inputs"][1], "Mul") if sub is not None else None
            sign = next((made(n, "Sign") for n in scaled["inputs"] if made(n, "Sign")), None) if scaled else None
            zero = made(inputs[2], "Mul")
            if soft is not None and sub is not None and scaled is not None and sign is not None and \
                    sub["inputs"][0] == soft[0] == sign["inputs"][0] and \
                    factor(scaled, sign["outputs"][0]) == soft[1] and factor(zero, soft[0]) == 0.0 and zero:
                return soft[0], f"softshrink {soft[1]!r}", [*soft[2], sub, scaled, sign, zero]
            either = made(inputs[0], "Or")
            casts = [c for c in (made(n, "Cast") for n in either["inputs"]) if c is not None] if either else []
            if either is None or len(casts) != 2 or scalar(inputs[2]) != 0.0:
                return None
            tests = [t for c in casts for op in ("Greater", "Less") if (t := compared(c["inputs"][0], op))]
            above = next((t for t in tests if t[2]["op"] == "Greater"), None)
            below = next((t for t in tests if t[2]["op"] == "Less"), None)
            if above is not None and below is not None and above[0] == below[0] == inputs[1] and above[1] == -below[1]:
                return inputs[1], f"hardshrink {above[1]!r}", [either, *casts, above[2], below[2]]
            return None
        if last["op"] == "Add" and len(inputs) == 2:
            sides = [made(n, "Where") for n in inputs]
            parts: dict[str, tuple[str, float, list[dict[str, Any]]]] = {}
            for where in sides:
                if where is None or len(where["inputs"]) != 3 or scalar(where["inputs"][2]) != 0.0:
                    return None
                for test_op, step_op in (("Greater", "Sub"), ("Less", "Add")):
                    test, step = compared(where["inputs"][0], test_op), compared(where["inputs"][1], step_op)
                    if test is not None and step is not None and test[0] == step[0]:
                        parts[test_op] = (test[0], test[1] if test_op == "Greater" else -test[1],
                                          [where, test[2], step[2]])
            upper, lower = parts.get("Greater"), parts.get("Less")
            if upper is not None and lower is not None and upper[0] == lower[0] and upper[1] == lower[1]:
                return upper[0], f"softshrink {upper[1]!r}", [*upper[2], *lower[2]]
        return None

    @staticmethod
    def gelu_steps(last: dict[str, Any], made: Callable[[str, str], dict[str, Any] | None],
                   scalar: Callable[[str], float | None]) -> tuple[str, list[dict[str, Any]]] | None:
        """The exact GELU as both exporters write it before opset 20, x·0.5·(1 + erf(x/√2)): Div by √2, Erf, Add
        of 1, then Mul by x and by 0.5 in either order (the older exporter multiplies by x first). (x, the steps
        before `last`), or None."""
        for inner, outer in (last["inputs"], last["inputs"][::-1]):
            product = made(inner, "Mul")
            if product is None or len(product["inputs"]) != 2:
                continue
            for sum_name, factor in (product["inputs"], product["inputs"][::-1]):
                add = made(sum_name, "Add")
                if add is None or len(add["inputs"]) != 2:
                    continue
                for erf_name, one in (add["inputs"], add["inputs"][::-1]):
                    erf = made(erf_name, "Erf")
                    div = made(erf["inputs"][0], "Div") if erf is not None and scalar(one) == 1.0 else None
                    if erf is None or div is None or len(div["inputs"]) != 2 or \
                            abs((scalar(div["inputs"][1]) or 0.0) - 2 ** 0.5) > 1e-6:
                        continue
                    x = div["inputs"][0]
                    if (factor == x and scalar(outer) == 0.5) or (outer == x and scalar(factor) == 0.5):
                        return x, [product, add, erf, div]
        return None

    @staticmethod
    def gelu_tanh_steps(last: dict[str, Any], made: Callable[[str, str], dict[str, Any] | None],
                        scalar: Callable[[str], float | None]) -> tuple[str, list[dict[str, Any]]] | None:
        """GELU's tanh approximation as both exporters write it before opset 20, x·0.5·(1 + tanh(√(2/π)·(x +
        0.044715·x³))): x³ a Pow by 3 (the newer exporter) or Mul(x, Mul(x, x)) (the older), the products by x and
        by 0.5 in either nesting, each constant on either side. (x, the steps before `last`), or None."""

        def near(name: str, value: float) -> bool:
            found = scalar(name)
            return found is not None and abs(found - value) <= 1e-6 * value

        def operands(node: dict[str, Any] | None) -> list[tuple[str, str]]:
            """A two-input node's inputs in both orders; none for another node or none."""
            if node is None or len(node["inputs"]) != 2:
                return []
            first, second = node["inputs"]
            return [(first, second), (second, first)]

        def cube(name: str, x: str) -> list[dict[str, Any]] | None:
            """The steps of x³ written as Pow(x, 3) or Mul(x, Mul(x, x)), or None."""
            power = made(name, "Pow")
            if power is not None:
                return [power] if power["inputs"][:1] == [x] and near(power["inputs"][1], 3.0) else None
            product = made(name, "Mul")
            for first, square_name in operands(product):
                square = made(square_name, "Mul")
                if product is not None and first == x and square is not None and square["inputs"] == [x, x]:
                    return [product, square]
            return None

        factors, inner = [], None  # the product of three: x, 0.5 and 1 + tanh(…), one pair a Mul read here alone
        for part in last["inputs"] if len(last["inputs"]) == 2 else []:
            product = made(part, "Mul")
            if product is not None and len(product["inputs"]) == 2 and inner is None:
                factors.extend(product["inputs"])
                inner = product
            else:
                factors.append(part)
        halves = [f for f in factors if near(f, 0.5)]
        sums = [f for f in factors if made(f, "Add") is not None]
        if inner is None or len(factors) != 3 or len(halves) != 1 or len(sums) != 1 or halves == sums:
            return None
        x = next(f for f in factors if f not in (halves[0], sums[0]))
        outer = made(sums[0], "Add")
        for tanh_name, one in operands(outer):
            tanh = made(tanh_name, "Tanh")
            scaled = made(tanh["inputs"][0], "Mul") if tanh is not None and near(one, 1.0) else None
            for root, shifted_name in operands(scaled):
                shifted = made(shifted_name, "Add")
                if not near(root, math.sqrt(2 / math.pi)) or shifted is None or x not in shifted["inputs"]:
                    continue
                term = made(shifted["inputs"][1] if shifted["inputs"][0] == x else shifted["inputs"][0], "Mul")
                for factor, cubed in operands(term):
                    steps = cube(cubed, x) if near(factor, 0.044715) else None
                    if steps is not None and term is not None and scaled is not None and tanh is not None and \
                            outer is not None:
                        return x, [inner, outer, tanh, scaled, shifted, term, *steps]
        return None

    def decomposed_wraps(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                         ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """A circular padding (`padding_mode='circular'`) as PyTorch's older exporter writes it out: for the height,
        then the width, a Concat along that axis of the map's last P rows (a Slice from -P to its end), the map, and
        its first Q rows (a Slice from 0 to Q). Each such Concat's output -> (the map, its `circularpad`), and its
        Slices (read as no layer)."""
        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()

        def whole(name: str) -> int | None:
            node = producer.get(name)
            value = node["attrs"].get("value") if node is not None and node["op"] == "Constant" else self.values(name)
            if isinstance(value, list) and len(value) == 1:
                value = value[0]
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        def cut(name: str, x: str, axis: int) -> tuple[int, int, dict[str, Any]] | None:
            """(start, end, the node) of a Slice of `x` along `axis` alone, read by one node only."""
            node = producer.get(name)
            if node is None or node["op"] != "Slice" or uses.get(name) != 1 or len(node["inputs"]) < 4 or \
                    node["inputs"][0] != x:
                return None
            sliced, start, end = whole(node["inputs"][3]), whole(node["inputs"][1]), whole(node["inputs"][2])
            step = whole(node["inputs"][4]) if len(node["inputs"]) > 4 and node["inputs"][4] else 1
            if sliced is None or sliced % 4 != axis or step != 1 or start is None or end is None:
                return None
            return start, end, node

        for node, _ in self.nodes:
            axis = node["attrs"].get("axis")
            if node["op"] != "Concat" or len(node["inputs"]) not in (2, 3) or not isinstance(axis, int) or \
                    axis % 4 not in (2, 3):
                continue
            # (last rows, the map, first rows); a side of no rows is left out (`CircularPad2d((0, 1, 2, 0))`)
            parts = node["inputs"]
            x = parts[1] if len(parts) == 3 else parts[1] if cut(parts[0], parts[1], axis % 4) else parts[0]
            above = cut(parts[0], x, axis % 4) if parts[0] != x else None
            below = cut(parts[-1], x, axis % 4) if parts[-1] != x else None
            if (above is None and parts[0] != x) or (below is None and parts[-1] != x) or \
                    (above is not None and not (-limits.MAX_EXTENT <= above[0] < 0 and above[1] >= 2 ** 31 - 1)) or \
                    (below is not None and not (below[0] == 0 and 0 < below[1] <= limits.MAX_EXTENT)):
                continue
            before, after = -above[0] if above else 0, below[1] if below else 0
            sides = f"{before},{after},0,0" if axis % 4 == 2 else f"0,0,{before},{after}"
            found[node["outputs"][0]] = (x, f"circularpad {sides}")
            absorbed |= {id(step[2]) for step in (above, below) if step is not None}
        return found, absorbed

    def decomposed_adaptive_pools(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                                  ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """An adaptive average pool whose sizes do not divide, as PyTorch's newer exporter writes it: Transpose to (H,
        W, N, C) (from a channels-last view, (1, 2, 0, 3)), GatherND of every window's cells (indices listed with the
        input size they cover, `windows`), Transpose to (N, C, out_h, k_h, out_w, k_w); its windows all of one size
        (8 to 7, 6 to 5), ReduceMean over the window's axes; of unequal sizes (9 to 7), padded to the largest, a Where
        that zeroes the padding for each axis so padded, a sum of every cell (Gather, Gather, Add) and a Div by the
        cells each window has. Each mean's or Div's output -> (x, `adaptiveavgpool HxW`), and the steps (read as no
        layer); `pool_layouts` says which read a channels-last view."""

        def made(name: str, op: str) -> dict[str, Any] | None:
            node = producer.get(name)
            return node if node is not None and node["op"] == op and uses.get(name) == 1 else None

        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for node, _ in self.nodes:
            if node["op"] == "ReduceMean" and node["attrs"].get("keepdims", 1) == 0 and \
                    [a % 6 for a in self.axes(node) or []] == [3, 5]:
                cells, summed = node["inputs"][0], None
                steps: list[dict[str, Any]] = []
            elif node["op"] == "Div" and len(node["inputs"]) == 2 and node["inputs"][1] in self.initializers and \
                    (summed := self.summed_cells(node["inputs"][0], producer, made)) is not None:
                cells, steps, _ = summed
                rows = sum(1 for n in steps if n["inputs"][0] == cells)  # (the Gathers of the cells' rows)
                while (where := producer.get(cells)) is not None and where["op"] == "Where" and \
                        uses.get(cells) == rows and where["inputs"][0] in self.initializers and \
                        self.scalar(producer, where["inputs"][1]) == 0.0:
                    steps.append(where)  # (the padded cells zeroed: one Where for each axis whose windows differ)
                    cells, rows = where["inputs"][2], 1
            else:
                continue
            back = made(cells, "Transpose")
            gather = made(back["inputs"][0], "GatherND") if back is not None else None
            there = producer.get(gather["inputs"][0]) if gather is not None and len(gather["inputs"]) == 2 else None
            if there is not None and (there["op"] != "Transpose" or  # (one Transpose of a map may serve its pools)
                                      any(n["op"] != "GatherND" for n in self.readers.get(there["outputs"][0], []))):
                there = None
            if back is None or gather is None or there is None or back["attrs"].get("perm") != [4, 5, 0, 1, 2, 3] \
                    or there["attrs"].get("perm") not in ([2, 3, 0, 1], [1, 2, 0, 3]) or \
                    gather["attrs"].get("batch_dims", 0) != 0:
                continue
            indices = self.initializers.get(gather["inputs"][1])
            if indices is None or "windows" not in indices or bool(indices.get("padded")) != (summed is not None):
                continue
            out_h, k_h, out_w, k_w = indices["shape"][:4]
            if summed is not None and (summed[2] != {(i, j) for i in range(k_h) for j in range(k_w)} or
                                       not self.window_counts(node["inputs"][1], out_h, out_w)):
                continue
            found[node["outputs"][0]] = (there["inputs"][0], f"adaptiveavgpool {out_h}x{out_w}")
            self.pool_layouts[node["outputs"][0]] = there["attrs"]["perm"] == [1, 2, 0, 3]
            absorbed.update(id(n) for n in (back, gather, there, *steps))
        return found, absorbed

    def summed_cells(self, top: str, producer: dict[str, dict[str, Any]],
                     made: Callable[[str, str], dict[str, Any] | None]
                     ) -> tuple[str, list[dict[str, Any]], set[tuple[int, int]]] | None:
        """`top` as a sum (Adds, each read once) of cells of one tensor (N, C, out_h, k_h, out_w, k_w), each taken by a
        Gather of axis 3 then one of axis 4 at constant positions: (that tensor, the steps, the (row, column) of the
        cells), or None. No cell twice."""
        pending, steps, leaves, seen = [top], [], [], set()
        while pending:
            name = pending.pop()
            add = made(name, "Add")
            if name in seen:  # (a listing written by hand may loop)
                return None
            seen.add(name)
            if add is not None and len(add["inputs"]) == 2:
                steps.append(add)
                pending.extend(add["inputs"])
            else:
                leaves.append(name)
        source, cells = None, set()
        rows: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        for leaf in leaves:
            outer = made(leaf, "Gather")
            inner = producer.get(outer["inputs"][0]) if outer is not None and len(outer["inputs"]) == 2 else None
            if outer is None or inner is None or inner["op"] != "Gather" or len(inner["inputs"]) != 2 or \
                    outer["attrs"].get("axis", 0) % 5 != 4 or inner["attrs"].get("axis", 0) % 6 != 3:
                return None
            row, column = self.values(inner["inputs"][1]), self.values(outer["inputs"][1])
            source = source or inner["inputs"][0]
            if inner["inputs"][0] != source or not isinstance(row, list) or not isinstance(column, list) or \
                    len(row) != 1 or len(column) != 1 or (row[0], column[0]) in cells:
                return None
            cells.add((row[0], column[0]))
            steps.append(outer)
            rows.setdefault(id(inner), (inner, []))[1].append(outer)
        for inner, outers in rows.values():  # each row taken for these cells alone
            if len(self.readers.get(inner["outputs"][0], [])) != len(outers):
                return None
            steps.append(inner)
        return (source, steps, cells) if source is not None else None

    def window_counts(self, name: str, out_h: int, out_w: int) -> bool:
        """Whether the divisor `name` of a sum of windows' cells has a shape that broadcasts to (out_h, out_w) along
        the output's last two axes (its values, where listed, are not checked: they are the windows' sizes only in
        what a pool computes, not in its shape or cost)."""
        shape = self.initializers[name]["shape"]
        padded = [1] * (2 - len(shape)) + list(shape[-2:])
        return len(shape) <= 4 and all(d == 1 for d in shape[:-2]) and padded[0] in (1, out_h) and \
            padded[1] in (1, out_w)

    def decomposed_unpoolings(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                              ) -> tuple[dict[str, tuple[str, str, list[Any] | None]], set[int]]:
        """PyTorch's max_unpool2d as its newer exporter writes it out: the pool's Indices (ONNX's count the whole
        tensor) less the first of a 1x1 max pool's of the same input (each channel's own count, PyTorch's), plus
        each channel's start in the output (a constant); Reshape to one axis, Unsqueeze; ScatterND of the values,
        reshaped to one axis, into zeros (ConstantOfShape, reshaped so); Reshape to the output's shape (a constant).
        Each last Reshape's output -> (the values, the pool's indices, that shape), and the steps (read as no
        layer)."""

        def made(name: str, op: str) -> dict[str, Any] | None:
            node = producer.get(name)
            return node if node is not None and node["op"] == op and uses.get(name) == 1 else None

        found: dict[str, tuple[str, str, list[Any] | None]] = {}
        absorbed: set[int] = set()
        for node, _ in self.nodes:
            if node["op"] != "Reshape" or len(node["inputs"]) != 2:
                continue
            scatter = made(node["inputs"][0], "ScatterND")
            if scatter is None or len(scatter["inputs"]) != 3 or scatter["attrs"].get("reduction", "none") != "none":
                continue
            blank = producer.get(scatter["inputs"][0])  # (zeros: one Reshape of them may serve two unpoolings)
            if blank is None or blank["op"] != "Reshape" or \
                    any(n["op"] != "ScatterND" or n["inputs"][0] != scatter["inputs"][0]
                        for n in self.readers.get(scatter["inputs"][0], [])):
                continue
            zeros = producer.get(blank["inputs"][0])
            spread = made(scatter["inputs"][1], "Unsqueeze")
            flat = made(spread["inputs"][0], "Reshape") if spread is not None else None
            placed = made(flat["inputs"][0], "Add") if flat is not None else None
            values = made(scatter["inputs"][2], "Reshape")
            if zeros is None or zeros["op"] != "ConstantOfShape" or placed is None or values is None or \
                    zeros["attrs"].get("value", [0]) not in ([0], [0.0]) or len(placed["inputs"]) != 2:
                continue
            for relative_name, starts in (placed["inputs"], placed["inputs"][::-1]):
                relative = made(relative_name, "Sub")
                corner = made(relative["inputs"][1], "Slice") if relative is not None else None
                ones = made(corner["inputs"][0], "MaxPool") if corner is not None else None
                pool = producer.get(relative["inputs"][0]) if relative is not None else None
                if starts not in self.initializers or relative is None or corner is None or ones is None or \
                        pool is None or pool["op"] != "MaxPool" or \
                        ones["inputs"][:1] != pool["inputs"][:1] or ones["attrs"].get("kernel_shape") != [1, 1] or \
                        ones["attrs"].get("strides", [1, 1]) != [1, 1] or ones["outputs"][1:] != corner["inputs"][:1]:
                    continue
                found[node["outputs"][0]] = (values["inputs"][0], relative["inputs"][0], self.values(node["inputs"][1]))
                absorbed.update(id(n) for n in (scatter, blank, zeros, spread, flat, placed, values, relative, corner,
                                                ones))
                break
        return found, absorbed

    def decomposed_group_norms(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                               ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """GroupNorm as PyTorch's exporters write it: Reshape to (N, G, -1), InstanceNormalization (G ones and zeros),
        Reshape back to x's shape, Mul by gamma and Add beta (C values each, stored). Each such Add's output -> (x,
        `groupnorm G`), and the steps (read as no layer). Ones and zeros written as Constants, not stored, are
        `affine=False` as the older exporter writes it: `groupnorm G noaffine` (the newer one stores them: they
        are then counted as learnt, as nothing in the file tells them apart)."""

        def made(name: str, op: str) -> dict[str, Any] | None:
            node = producer.get(name)
            return node if node is not None and node["op"] == op and uses.get(name) == 1 else None

        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for node, _ in self.nodes:
            if node["op"] != "Add" or len(node["inputs"]) != 2:
                continue
            product, beta = node["inputs"]
            mul = made(product, "Mul")
            back = made(mul["inputs"][0], "Reshape") if mul is not None and len(mul["inputs"]) == 2 else None
            norm = made(back["inputs"][0], "InstanceNormalization") if back is not None else None
            split = made(norm["inputs"][0], "Reshape") if norm is not None else None
            if mul is None or back is None or norm is None or split is None:
                continue
            target = producer.get(split["inputs"][1])
            groups = target["attrs"].get("value") if target is not None and target["op"] == "Constant" else \
                self.values(split["inputs"][1])
            scale, shift = self.per_channel(producer, mul["inputs"][1]), self.per_channel(producer, beta)
            if not isinstance(groups, list) or len(groups) != 3 or groups[0] != 0 or groups[2] != -1 or \
                    not isinstance(groups[1], int) or groups[1] < 1 or scale is None or shift is None or \
                    scale[1] != shift[1] or (scale[1] and (scale != shift or scale[0] % groups[1])):
                continue
            found[node["outputs"][0]] = (split["inputs"][0], f"groupnorm {groups[1]}{_epsilon_said(norm['attrs'])}"
                                                             f"{'' if scale[1] else ' noaffine'}")
            absorbed.update(id(n) for n in (split, norm, back, mul))
        return found, absorbed

    def scalar(self, producer: dict[str, dict[str, Any]], name: str) -> float | None:
        """One number a Constant node or a small initializer holds, as written in float32 (1e-06, not 9.99e-07);
        None for anything else."""
        node = producer.get(name)
        value = node["attrs"].get("value") if node is not None and node["op"] == "Constant" else self.values(name)
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else None
        return _float32(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def stored(self, producer: dict[str, dict[str, Any]], name: str) -> str:
        """The initializer a tensor is, under the older exporter's second name for an equal one (an Identity)."""
        alias = producer.get(name)
        if name not in self.initializers and alias is not None and alias["op"] == "Identity":
            return str(alias["inputs"][0])
        return name

    def per_channel(self, producer: dict[str, dict[str, Any]], name: str) -> tuple[int, bool] | None:
        """(C, whether stored) of a tensor of C x 1 x 1 values: an initializer (given its axes of 1 by Unsqueezes in
        an export not folded, one or two), or a Constant's (1 x 1 x 1 as the older exporter writes a fixed 1 and 0;
        C values given their axes of 1 by an Unsqueeze in an export not folded)."""
        name = self.stored(producer, name)
        alias = producer.get(name)
        shape: Any = None
        kept = name in self.initializers
        unsqueezes: list[dict[str, Any]] = []  # (C values given their axes one at a time: `w[:, None, None]`)
        walked = alias
        while walked is not None and walked["op"] == "Unsqueeze" and len(unsqueezes) < 3:
            unsqueezes.append(walked)
            walked = producer.get(self.stored(producer, walked["inputs"][0]))
        source = self.stored(producer, unsqueezes[-1]["inputs"][0]) if unsqueezes else ""
        if kept:
            shape = self.initializers[name].get("shape")
        elif source in self.initializers:
            shape = self.initializers[source]["shape"]
            for unsqueeze in reversed(unsqueezes):
                axes = producer.get(unsqueeze["inputs"][1]) if len(unsqueeze["inputs"]) > 1 else None  # (a Constant
                given = axes["attrs"].get("value") if axes is not None and axes["op"] == "Constant" else None  # unread)
                shape = _unsqueezed(shape, given if isinstance(given, list) else unsqueeze["attrs"].get("axes")) \
                    if shape is not None else None
            kept = True
        elif alias is not None and alias["op"] == "Unsqueeze" and producer.get(alias["inputs"][0], {}).get("op") == \
                "Constant":  # a fixed 1 and 0 per channel, given its axes of 1 (an export not folded: `affine=False`)
            axes = producer.get(alias["inputs"][1]) if len(alias["inputs"]) > 1 else None
            given = axes["attrs"].get("value") if axes is not None and axes["op"] == "Constant" else None
            dims = producer[alias["inputs"][0]]["attrs"].get("value_dims")
            shape = _unsqueezed(dims, given if isinstance(given, list) else alias["attrs"].get("axes")) \
                if isinstance(dims, list) else None
        elif alias is not None and alias["op"] == "Constant":
            shape = alias["attrs"].get("value_dims")
        return (shape[0], kept) if isinstance(shape, list) and len(shape) == 3 and shape[1:] == [1, 1] else None

    def decomposed_layer_norms(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                               ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """A layer norm written out, as the official ConvNeXt's `channels_first` LayerNorm is exported and as PyTorch's
        older exporter writes nn.LayerNorm before opset 17: u = ReduceMean(x) (keepdims), d = x - u, ReduceMean(d²)
        over the same axes, plus eps, Sqrt, d / that; then times gamma and plus beta where stored (elementwise_affine
        =False has neither, bias=False no beta). Over axis 1 of a map (gamma C x 1 x 1): `layernorm inputs C`; over
        the last axis (gamma C): on a channels-last view its channels, `layernorm inputs C`, else a vector's values or
        a map's width, `layernorm lastaxis`; over the last three (gamma C x H x W, PyTorch's nn.LayerNorm([C, H,
        W])): `layernorm inputs C volume size HxW`, as the LayerNormalization operator reads (`layer_norm`). Each
        last step's output -> (x, the text), its text where x is a channels-last view in `norms_channels_last`, and
        the steps (read as no layer)."""

        def made(name: str, op: str, used: int = 1) -> dict[str, Any] | None:
            node = producer.get(name)
            return node if node is not None and node["op"] == op and uses.get(name) == used else None

        def then(node: dict[str, Any], op: str) -> tuple[dict[str, Any], Any] | None:
            """The one node reading `node`'s output, if it is an `op` of it and a stored tensor, and that tensor's
            shape (C x 1 x 1 where an export not folded gives C values their axes by an Unsqueeze)."""
            out = node["outputs"][0]
            readers = self.readers.get(out, [])
            if len(readers) != 1 or readers[0]["op"] != op or len(readers[0]["inputs"]) != 2:
                return None
            other = self.stored(producer, next((str(i) for i in readers[0]["inputs"] if i != out), ""))
            if other in self.initializers:
                return readers[0], self.initializers[other].get("shape")
            per_channel = self.per_channel(producer, other)
            return (readers[0], [per_channel[0], 1, 1]) if per_channel is not None and per_channel[1] else None

        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for div, _ in self.nodes:
            if div["op"] != "Div" or len(div["inputs"]) != 2:
                continue
            centred, root = made(div["inputs"][0], "Sub", 2), made(div["inputs"][1], "Sqrt")
            shifted = made(root["inputs"][0], "Add") if root is not None else None
            if centred is None or shifted is None or len(shifted["inputs"]) != 2 or len(centred["inputs"]) != 2:
                continue
            x, mean = centred["inputs"]
            variance, eps = next(((v, e) for v, e in (shifted["inputs"], shifted["inputs"][::-1])
                                  if producer.get(v, {}).get("op") == "ReduceMean"), (None, None))
            reduced = made(mean, "ReduceMean")
            spread = made(variance, "ReduceMean") if variance is not None else None
            square = made(spread["inputs"][0], "Pow") if spread is not None else None
            if reduced is None or spread is None or square is None or reduced["inputs"][0] != x or \
                    square["inputs"][0] != centred["outputs"][0] or self.scalar(producer, square["inputs"][1]) != 2 \
                    or eps is None or (epsilon := self.scalar(producer, eps)) is None or \
                    self.axes(reduced) != self.axes(spread) or \
                    not (reduced["attrs"].get("keepdims", 1) and spread["attrs"].get("keepdims", 1)):
                continue
            axes = self.axes(reduced)
            over = "channels" if axes in ([1], [-3]) else "last" if axes == [-1] else \
                "volume" if axes in ([-3, -2, -1], [1, 2, 3]) else None
            scaled = then(div, "Mul")
            shifted_by = then(scaled[0], "Add") if scaled is not None else None
            shapes = [step[1] for step in (scaled, shifted_by) if step is not None]
            shape = shapes[0] if shapes and all(s == shapes[0] for s in shapes) else None
            rank = {"channels": 3, "last": 1, "volume": 3}.get(over or "")
            if over is None or (scaled is not None and (not isinstance(shape, list) or len(shape) != rank or
                                                        (over == "channels" and shape[1:] != [1, 1]))):
                continue
            last = shifted_by[0] if shifted_by is not None else scaled[0] if scaled is not None else div
            text = "layernorm" + _epsilon_said({"epsilon": epsilon}) + \
                (" noaffine" if scaled is None else "" if shifted_by is not None else " noshift")
            if over == "channels":
                found[last["outputs"][0]] = (x, text if shape is None else f"{text} inputs {shape[0]}")
            elif over == "last":
                found[last["outputs"][0]] = (x, f"{text} lastaxis")
                self.norms_channels_last[last["outputs"][0]] = text if shape is None else f"{text} inputs {shape[0]}"
            else:
                found[last["outputs"][0]] = (x, f"{text} volume" if shape is None else
                                             f"{text} inputs {shape[0]} volume size {shape[1]}x{shape[2]}")
                self.norms_channels_last[last["outputs"][0]] = f"{text} volume" if shape is None else \
                    f"{text} inputs {shape[2]} volume size {shape[0]}x{shape[1]}"
            absorbed.update(id(n) for n in (reduced, centred, square, spread, shifted, root, div,
                                            *(step[0] for step in (scaled, shifted_by) if step is not None))
                            if n is not last)
        return found, absorbed

    def transposed_softmaxes(self, producer: dict[str, dict[str, Any]], uses: dict[str, int]
                             ) -> tuple[dict[str, tuple[str, str]], set[int]]:
        """A softmax over a map's channels before opset 13, whose Softmax spans every axis from its own: PyTorch's
        exporter swaps the channels with the last axis (a Transpose by [0, 3, 2, 1]), takes the Softmax (or
        LogSoftmax) over that last axis and swaps back. Each such second Transpose's output -> (x, `softmax`), and
        the steps (read as no layer)."""
        found: dict[str, tuple[str, str]] = {}
        absorbed: set[int] = set()
        for back, _ in self.nodes:
            if back["op"] != "Transpose" or back["attrs"].get("perm") != [0, 3, 2, 1]:
                continue
            soft = producer.get(back["inputs"][0])
            swap = producer.get(soft["inputs"][0]) if soft is not None else None
            if soft is None or swap is None or soft["op"] not in ("Softmax", "LogSoftmax") or \
                    soft["attrs"].get("axis") not in (3, -1) or swap["op"] != "Transpose" or \
                    swap["attrs"].get("perm") != [0, 3, 2, 1] or \
                    uses.get(soft["outputs"][0]) != 1 or uses.get(swap["outputs"][0]) != 1:
                continue
            found[back["outputs"][0]] = (swap["inputs"][0], soft["op"].lower())
            absorbed.update((id(swap), id(soft)))
        return found, absorbed

    def follow_shape(self, op: str, node: dict[str, Any]) -> None:
        """Shape arithmetic on the data's sizes, as far as it can be told without running: the batch
        size read and a -1 beside it (`x.view(x.size(0), -1)`) is `[None, -1]`."""
        inputs, out = node["inputs"], node["outputs"][0]

        def known(name: str) -> list[Any] | None:
            return self.partial.get(name) if name in self.partial else self.values(name)

        if op == "Shape" and not node["attrs"].get("start") and "end" not in node["attrs"]:
            self.shape_of[out] = inputs[0]
        self.follow_channels(op, inputs, out)
        self.follow_dims(op, node)
        if op == "Gather" and len(inputs) > 1 and len(self.values(inputs[1]) or []) == 1:
            self.partial[out] = [None]  # one size of the data
        elif op in ("Unsqueeze", "Squeeze", "Cast") and inputs and inputs[0] in self.partial:
            self.partial[out] = self.partial[inputs[0]]
        elif op == "Concat" and inputs and any(i in self.partial for i in inputs):
            parts = [known(i) for i in inputs]
            if all(p is not None for p in parts):
                self.partial[out] = [v for p in parts if p is not None for v in p]

    def dims_of(self, name: str) -> list[Any] | None:
        """A shape tensor's entries: a map's sizes by axis (`Shape`), what `follow_dims` found, or constants."""
        if name in self.shape_of:
            return [(self.shape_of[name], axis) for axis in range(2 if self.shape_of[name] in self.vectors else 4)]
        if name in self.dims:
            return self.dims[name]
        values = self.values(name)
        return list(values) if values is not None else None

    def follow_dims(self, op: str, node: dict[str, Any]) -> None:
        """Which map's sizes a shape tensor holds, through the exporter's Gather, Slice, Unsqueeze, Cast and Concat:
        `F.interpolate(y, size=x.shape[-2:])` is a Resize to sizes Concat(y's N and C, x's H and W)."""
        inputs, out = node["inputs"], node["outputs"][0]
        if op == "Gather" and len(inputs) == 2 and inputs[0] in self.shape_of and node["attrs"].get("axis", 0) == 0:
            index, rank = self.values(inputs[1]), len(self.dims_of(inputs[0]) or ())
            if index is not None and len(index) == 1 and isinstance(index[0], int) and -rank <= index[0] < rank:
                self.dims[out] = [(self.shape_of[inputs[0]], index[0] % rank)]
        elif op == "Slice" and len(inputs) >= 3 and inputs[0] in self.shape_of:
            starts, ends = self.values(inputs[1]), self.values(inputs[2])
            axes = self.values(inputs[3]) if len(inputs) > 3 and inputs[3] else [0]
            steps = self.values(inputs[4]) if len(inputs) > 4 and inputs[4] else [1]
            if starts is not None and ends is not None and len(starts) == len(ends) == 1 and axes == [0] and \
                    steps == [1] and all(isinstance(v, int) for v in starts + ends):
                whole = self.dims_of(inputs[0])
                assert whole is not None
                self.dims[out] = whole[starts[0]:ends[0]]
        elif op in ("Unsqueeze", "Squeeze", "Cast") and inputs and inputs[0] in self.dims:
            self.dims[out] = self.dims[inputs[0]]
        elif op in ("Unsqueeze", "Squeeze", "Cast") and inputs and inputs[0] in self.dims_plus:
            self.dims_plus[out] = self.dims_plus[inputs[0]]
        elif op == "Add" and len(inputs) == 2 and any(len(self.dims.get(i, ())) == 1 for i in inputs):
            size = next(i for i in inputs if len(self.dims.get(i, ())) == 1)
            plus = self.values(inputs[1] if size == inputs[0] else inputs[0])
            (found,) = self.dims[size]
            if isinstance(found, tuple) and plus is not None and len(plus) == 1 and type(plus[0]) is int and \
                    plus[0] >= 0:
                self.dims_plus[out] = (found[0], found[1], plus[0])  # `t + ref.size(2)`
        elif op == "Concat" and inputs and any(i in self.dims for i in inputs):
            parts = [self.dims_of(i) for i in inputs]
            if all(p is not None for p in parts):
                self.dims[out] = [v for p in parts if p is not None for v in p]

    def follow_channels(self, op: str, inputs: list[str], out: str) -> None:
        """Arithmetic on a tensor's channel count: ((C + a) // d) · m, the bounds of a chunk."""
        sizes = self.channel_sizes
        if op == "Gather" and len(inputs) == 2 and inputs[0] in self.shape_of and self.values(inputs[1]) == [1]:
            sizes[out] = (self.shape_of[inputs[0]], 0, 1, 1)
        elif op in ("Unsqueeze", "Squeeze", "Cast") and inputs and inputs[0] in sizes:
            sizes[out] = sizes[inputs[0]]
        elif op in ("Add", "Div", "Mul") and len(inputs) == 2:
            known = [i for i in inputs if i in sizes]
            other = self.values(inputs[1] if known == inputs[:1] else inputs[0])
            if len(known) != 1 or not other or len(other) != 1 or not isinstance(other[0], (int, float)) or \
                    (op == "Div" and known != inputs[:1]):
                return
            tensor, a, d, m = sizes[known[0]]
            value = other[0]
            if op == "Mul" and isinstance(value, float) and value > 0 and (1 / value).is_integer():
                op, value = "Div", int(1 / value)  # `int(x.size(1) * 0.5)`: C // 2 once cast back
            if isinstance(value, float):
                return
            if op == "Add" and (d, m) == (1, 1):
                sizes[out] = (tensor, a + value, 1, 1)
            elif op == "Div" and (d, m) == (1, 1) and value > 0:
                sizes[out] = (tensor, a, value, 1)
            elif op == "Mul" and value >= 0:
                sizes[out] = (tensor, a, d, m * value)

    def channel_fraction(self, name: str, data: str) -> tuple[Fraction, bool | None] | None:
        """A Slice bound on the channels as a share of data's channels C: 0, `C` itself or past it (1),
        or ((C + a) // d) · m with a rounding the division (0 or d - 1): m/d; and whether its division rounds
        up (x.chunk(d, 1)'s ⌈C/d⌉, a = d - 1 > 0), down, or is none (None)."""
        if name in self.channel_sizes:
            tensor, a, d, m = self.channel_sizes[name]
            if tensor != data or a not in (0, d - 1):
                return None
            return Fraction(m, d), (a > 0) if d > 1 else None
        value = self.values(name)
        if value is None or len(value) != 1 or not isinstance(value[0], int):
            return None
        return (Fraction(0), None) if value[0] == 0 else (Fraction(1), None) if value[0] >= 2 ** 31 - 1 else None

    def array(self, name: str) -> Any:
        """A constant's value as a numpy array of its shape, or None when it is not a known constant."""
        import numpy as np
        if name in self.arrays:
            return self.arrays[name]
        init = self.initializers.get(name)
        if init is not None:
            return np.array(init["values"]).reshape(init["shape"]) if "values" in init else None
        if name in self.constants:
            return np.array(self.constants[name])  # a Constant's own shape, when it has one, is in `arrays`
        return None

    def fold(self, op: str, node: dict[str, Any]) -> Any:
        """The value of a small operation on constants (the arithmetic PyTorch's exporter writes for a
        Pad's pads); None when an input is not constant or the result would not be small."""
        import numpy as np
        if op == "Shape" and node["inputs"][0] in self.initializers:  # its sizes, whether or not its values are listed
            return _shape_part(self.initializers[node["inputs"][0]]["shape"], node["attrs"])
        if op == "Shape" and node["inputs"][0] in self.elided:
            return None  # a Constant's values not listed: its shape neither
        args: list[Any] = [self.array(i) if i else None for i in node["inputs"]]
        if any(a is None for i, a in zip(node["inputs"], args) if i):
            return None
        attrs = node["attrs"]
        try:
            if op == "ConstantOfShape":
                shape = [int(d) for d in args[0].reshape(-1)]
                if _product(shape) > SMALL_FOLD or any(d < 0 for d in shape):
                    return None
                fill = attrs.get("value", [0.0])
                return np.full(shape, fill[0] if isinstance(fill, list) and fill else 0.0)
            if op == "Concat":
                if sum(a.size for a in args) > SMALL_FOLD:
                    return None
                return np.concatenate(args, axis=int(attrs.get("axis", 0)))
            if op == "Reshape":
                data, shape = args[0], [int(d) for d in args[1].reshape(-1)]
                shape = [data.shape[i] if d == 0 and not attrs.get("allowzero") else d for i, d in enumerate(shape)]
                return data.reshape(shape)
            if op == "Slice":
                data = args[0]
                starts, ends = (list(a.reshape(-1)) for a in args[1:3])
                axes = list(args[3].reshape(-1)) if len(args) > 3 and args[3] is not None else list(range(len(starts)))
                steps = list(args[4].reshape(-1)) if len(args) > 4 and args[4] is not None else [1] * len(starts)
                index = [slice(None)] * data.ndim
                for axis, start, end, step in zip(axes, starts, ends, steps):
                    index[int(axis)] = slice(int(start), int(end), int(step))
                return data[tuple(index)]
            if op == "Shape":
                return _shape_part(list(args[0].shape), attrs)
            if op == "Gather":
                axis = int(attrs.get("axis", 0))
                if args[1].size * (args[0].size // max(args[0].shape[axis], 1)) > SMALL_FOLD:
                    return None  # many indices into a constant's rows
                return np.take(args[0], args[1].astype(np.int64), axis=axis)
            if op in ("Unsqueeze", "Squeeze"):
                given = self.axes(node)
                if given is None:
                    return np.squeeze(args[0]) if op == "Squeeze" else None
                which = tuple(int(a) for a in given)
                return np.expand_dims(args[0], which) if op == "Unsqueeze" else np.squeeze(args[0], which)
            if op == "Transpose":
                perm = attrs.get("perm")
                return np.transpose(args[0], perm if isinstance(perm, list) else None)
            if op == "Cast":
                kinds = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}
                kind = kinds.get(int(attrs.get("to", 1)))
                return None if kind is None else args[0].astype(kind)
            if op in ("Add", "Sub", "Mul", "Mod") and len(args) == 2:
                if _product(list(np.broadcast_shapes(args[0].shape, args[1].shape))) > SMALL_FOLD:
                    return None  # two small constants can broadcast to a large one
                if op == "Mod" and not np.all(args[1]):
                    return None
                # (Mod: the divisor's sign, Python's %, unless `fmod` asks for C's, the dividend's: nn.Unflatten's dim)
                mod = np.fmod if attrs.get("fmod") else np.mod
                return {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Mod": mod}[op](args[0], args[1])
        except (ValueError, TypeError, IndexError, OverflowError, AttributeError):  # an operand missing (""), too
            return None
        return None

    def layer_norm(self, a: dict[str, Any], inputs: list[str]) -> tuple[str, int | None]:
        """A LayerNormalization as `layernorm`, and the parameters the file stores for it. Its scale and bias are
        learnt when stored (initializers), fixed when constants of the graph (PyTorch's elementwise_affine=False
        exports ones and zeros, its bias=False zeros): over the last axis (the channels of a channels-last view,
        a vector's values), or from the channels on (axis 1 or -3: PyTorch's nn.LayerNorm([C, H, W]), each image's
        whole volume)."""
        scale, bias = inputs[1], inputs[2] if len(inputs) > 2 else ""
        for given in (scale, bias):
            if given and given not in self.initializers and self.values(given) is None:
                raise _Unsupported("weights computed in the graph, not stored")
        gamma, beta = scale in self.initializers, bool(bias) and bias in self.initializers
        parts = {(True, True): "", (True, False): " noshift", (False, True): " noscale", (False, False): " noaffine"}
        text = "layernorm" + _epsilon_said(a) + parts[gamma, beta]
        shape = self.weight(scale) if gamma else self.weight(bias) if beta else None
        params = (_product(self.weight(scale)) if gamma else 0) + (_product(self.weight(bias)) if beta else 0)
        channels_last = inputs[0] in self.channels_last
        if a.get("axis", -1) in (1, -3) and (shape is None or len(shape) == 3):
            if shape is None:
                return text + " volume", params
            h, w, c = shape if channels_last else (shape[1], shape[2], shape[0])
            return f"{text} inputs {c} volume size {h}x{w}", params
        if a.get("axis", -1) != -1:
            raise _Unsupported("other than over the last axis, or over C, H and W")
        if not channels_last:  # a vector's, or of a map N x C x H x W its width: E037
            return text + " lastaxis", None
        return (text if shape is None else f"{text} inputs {_product(shape)}"), params

    def fixed_count(self, name: str) -> int:
        """How many values a norm's scale has when it is a constant of the graph, not stored (PyTorch's
        `affine=False`: ones); 0 when it is stored or not a constant."""
        if name in self.initializers:
            return 0
        if name in self.elided:  # (more than the listing keeps: 32 channels' ones)
            return self.elided[name]
        fixed = self.values(name)
        return len(fixed) if isinstance(fixed, list) else 0

    def values(self, name: str) -> list[Any] | None:
        if name in self.constants:
            value = self.constants[name]
            return value if isinstance(value, list) else [value]
        init = self.initializers.get(name)
        return None if init is None else init.get("values")

    def constant_operand(self, constant: str, op: str, span: Span, channels_last: bool = False) -> str:
        """An element-wise operation with a constant (normalising an input, a fixed scale): a scalar or one
        value per channel (on the last axis of a channels-last view) keeps the data's shape, costs no MACs
        (cnncalc's convention for element-wise work) and holds no layer's weights, which a note says; other
        shapes are not followed. The layer: `identity`, `identity inputs C` for C values per channel (E017 on a map
        of other channels, which the constant would not broadcast against)."""
        init = self.initializers.get(constant)
        if init is not None:
            shape = list(init["shape"])
        elif constant in self.arrays:  # a Constant node's values with their axes (1 x C x 1 x 1 per channel)
            shape = list(self.arrays[constant].shape)
        elif constant in self.constants:
            shape = [len(self.values(constant) or [])]
        else:
            raise _Unsupported("with an operand computed in the graph")
        channel_axis = len(shape) - 1 if channels_last else len(shape) - 3
        per_channel = (len(shape) in (3, 4) or (channels_last and len(shape) >= 1)) and \
            all(d == 1 for i, d in enumerate(shape) if i != channel_axis)
        if _product(shape) != 1 and not per_channel:
            raise _Unsupported(f"with a constant of shape {shape} (cnncalc follows scalars and one value per channel)")
        self.sink.add(codes.N071, f"{op} with a constant of {_product(shape)} value{'s' * (_product(shape) != 1)}: "
                                  f"the shape is kept, no MACs, and the constant is not counted as parameters", span)
        return "identity" if _product(shape) == 1 else f"identity inputs {shape[channel_axis]}"

    def zero_channels(self, name: str) -> int | None:
        """The channels of a constant of zeros of one image (1 x C x H x W; `torch.zeros(n, c, h, w)` in the forward,
        stored by the exporter), which a Concat along the channels joins to a map: zero channels added to it. None
        for another constant."""
        init = self.initializers.get(name)
        if init is None or len(init["shape"]) != 4 or init["shape"][0] != 1 or \
                not 1 <= init["shape"][1] <= limits.MAX_CHANNELS:
            return None
        values = init.get("values")
        zeros = not any(values) if isinstance(values, list) else init.get("zeros") is True
        return int(init["shape"][1]) if zeros else None

    def _bias(self, name: str) -> bool:
        return name in self.initializers and len(self.initializers[name]["shape"]) <= 1

    def node(self, graph: Graph, op: str, name: str, node: dict[str, Any], span: Span, tensors: dict[str, int],
             consumers: dict[str, list[str]]) -> tuple[int, int | None] | None:
        """The graph node a data operator becomes, and the parameters its initializers hold (None: none to check)."""
        a, inputs = node["attrs"], node["inputs"]
        source = next((tensors[i] for i in inputs if i in tensors), None)  # `Mul(scale, x)` too: the data

        def layer(text: str, params: int | None = None, by: str = "") -> tuple[int, int | None]:
            if source is None:
                raise _Unsupported("a layer whose input is not the data")
            return graph.layer(name, spec_layer(text, span, by), source, span), params

        if op == "Conv" and inputs[0] in self.sequences:
            return layer(*self.channel_conv(a, inputs))
        if op in ("Conv", "ConvTranspose"):
            w = self.weight(inputs[1])
            if len(w) == 3 and op == "Conv":
                raise _Unsupported("1-D, other than along a map's pooled channels as a sequence (ECA-Net's gate)")
            if len(w) != 4:
                raise _Unsupported("not 2-D")
            kh, kw = a.get("kernel_shape", w[2:])
            group = a.get("group", 1)
            sh, sw = a.get("strides", [1, 1])
            dh, dw = a.get("dilations", [1, 1])
            bias = len(inputs) > 2 and bool(inputs[2])
            params = _product(w) + (_product(self.weight(inputs[2])) if bias else 0)
            out = w[0] if op == "Conv" else w[1] * group
            cin = w[1] * group if op == "Conv" else w[0]
            text = f"{'conv' if op == 'Conv' else 'deconv'} {out} {kh}x{kw}"
            text += f" stride {_size(sh, sw)}" if (sh, sw) != (1, 1) else ""
            text += self.pads(a, (kh, kw) if op == "ConvTranspose" else None)
            if op == "ConvTranspose":
                if "output_shape" in a:
                    raise _Unsupported("output_shape")
                oh, ow = a.get("output_padding", [0, 0])
                text += f" outpad {_size(oh, ow)}" if (oh, ow) != (0, 0) else ""
            text += f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else ""
            text += f" groups {group}" if group != 1 else ""
            return layer(text + ("" if bias else " nobias") + f" inputs {cin}", params)
        if op in ("MaxPool", "AveragePool"):
            return layer(self.pool_text(op, a))
        if op == "MaxUnpool":
            return self.unpooling(graph, name, span, tensors, inputs[0], inputs[1],
                                  self.values(inputs[2]) if len(inputs) > 2 and inputs[2] else None, a), None
        if op == "LpPool":  # an Lp norm, (Σ |x|^p)^(1/p): PyTorch's LPPool2d, cnncalc's lppool, for an even p
            kh, kw = a["kernel_shape"]
            sh, sw = a.get("strides", [1, 1])
            p = a.get("p", 2)
            if p % 2 or p <= 0:
                raise _Unsupported(f"p={p} (cnncalc's lppool, PyTorch's LPPool2d, raises x to the power p, not |x|: "
                                   f"the same for an even p only)")
            if any(a.get("pads", [0])) or a.get("auto_pad", "NOTSET") not in ("NOTSET", "VALID") or \
                    a.get("ceil_mode", 0) or any(d != 1 for d in a.get("dilations", [1, 1])):
                raise _Unsupported("padding, ceil_mode or dilations (cnncalc's lppool is PyTorch's LPPool2d: "
                                   "unpadded, undilated windows, floored)")
            return layer(f"lppool {kh}x{kw} p {p} stride {_size(sh, sw)}")
        if op in ("GlobalAveragePool", "GlobalMaxPool"):
            return layer("globalavgpool" if op == "GlobalAveragePool" else "globalmaxpool")
        if op in ("ReduceMean", "ReduceMax"):  # `x.mean([2, 3])`: a global pool, flattened unless kept
            axes = a.get("axes") or (self.values(inputs[1]) if len(inputs) > 1 and inputs[1] else None)
            if axes and [int(d) % 4 for d in axes] == [1]:  # CBAM's pools of the channels
                if not a.get("keepdims", 1):
                    self.channels_dropped[node["outputs"][0]] = span  # N, H, W: its axis given back by an Unsqueeze
                return layer("channelavgpool" if op == "ReduceMean" else "channelmaxpool")
            if not axes or sorted(int(d) % 4 for d in axes) != [2, 3]:
                raise _Unsupported(f"axes {axes} (cnncalc follows the spatial mean and max, axes 2 and 3, and the "
                                   f"channels' kept as a map, axis 1)")
            pooled, _ = layer("globalavgpool" if op == "ReduceMean" else "globalmaxpool")
            if a.get("keepdims", 1):
                return pooled, None
            return graph.layer(f"{name}_flatten", spec_layer("flatten", span), pooled, span), None
        if op == "Gemm":
            w = self.weight(inputs[1])
            if a.get("transA", 0) or a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0:
                raise _Unsupported("transA, alpha or beta")
            n, k = (w[0], w[1]) if a.get("transB", 0) else (w[1], w[0])
            bias = len(inputs) > 2 and bool(inputs[2])
            params = _product(w) + (_product(self.weight(inputs[2])) if bias else 0)
            return layer(f"fc {n}{'' if bias else ' nobias'} inputs {k} noflatten", params)  # A is 2-D
        if op == "MatMul":
            w = self.weight(inputs[1])
            if len(w) != 2:
                raise _Unsupported("a product with more than a weight matrix")
            nxt = self._bias_after(node)
            no_bias = "" if nxt is not None else " nobias"
            params = _product(w) + (_product(self.weight(nxt)) if nxt else 0)
            if inputs[0] in self.channels_last:  # on the channels at each position: a 1x1 convolution
                return layer(f"conv {w[1]} 1x1{no_bias} inputs {w[0]}", params)
            return layer(f"fc {w[1]}{no_bias} inputs {w[0]} noflatten", params)  # the last axis
        if op == "LayerNormalization":
            return layer(*self.layer_norm(a, inputs))
        if op == "BatchNormalization" and (fixed := self.fixed_count(inputs[1])):
            # its scale computed as a constant, not stored: PyTorch's `affine=False` (ones and zeros), nothing learnt
            return layer(f"bn noaffine inputs {fixed}{_epsilon_said(a)}")
        if op == "BatchNormalization":
            c = self.weight(inputs[1])[0]
            return layer(f"bn inputs {c}{_epsilon_said(a)}", 2 * c)
        if op == "GroupNormalization":  # an operator from opset 18; its scale and shift one per channel from 21
            if self.opset < 21:
                raise _Unsupported("before opset 21 (its scale and shift one per group; cnncalc's groupnorm, "
                                   "PyTorch's, learns one per channel, as opset 21's)")
            groups = a["num_groups"]
            if self.fixed_count(inputs[1]):  # constants of the graph: nothing learnt
                return layer(f"groupnorm {groups}{_epsilon_said(a)} noaffine")
            return layer(f"groupnorm {groups}{_epsilon_said(a)}", 2 * self.weight(inputs[1])[0])
        if op == "InstanceNormalization":  # its scale and shift stored, as a batch norm's are
            if fixed := self.fixed_count(inputs[1]):
                return layer(f"instancenorm inputs {fixed}{_epsilon_said(a)}")  # constants: no affine, PyTorch's
            c = self.weight(inputs[1])[0]
            return layer(f"instancenorm affine inputs {c}{_epsilon_said(a)}", 2 * c)
        if op in ("DepthToSpace", "SpaceToDepth"):  # (SpaceToDepth has TensorFlow's order alone: DCR)
            order = a.get("mode", "DCR")
            if order not in ("DCR", "CRD"):
                raise _Unsupported(f"mode {order!r}")
            shuffle = "pixelshuffle" if op == "DepthToSpace" else "pixelunshuffle"
            return layer(f"{shuffle} {a['blocksize']}{' dcr' if order == 'DCR' else ''}")
        if op == "LRN":
            return layer(f"lrn size {a['size']} alpha {_float32(a.get('alpha', 1e-4))!r} "
                         f"beta {_float32(a.get('beta', 0.75))!r} k {_float32(a.get('bias', 1.0))!r}")
        simple = {"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "HardSwish": "hardswish", "Mish": "mish",
                  "Identity": "identity", "Flatten": "flatten", "Gelu": "gelu", "Softplus": "softplus",
                  "Softsign": "softsign", "Neg": "identity"}  # (`-x`: the shape kept, nothing learnt, as `x * -1`)
        if op == "Cast" and a.get("to") in _FLOATS:  # `x.float()`: the same values, in cnncalc's float32
            return layer("identity")
        if op in simple:
            if op == "Flatten" and a.get("axis", 1) != 1:
                raise _Unsupported("axis other than 1")
            if op == "Gelu" and a.get("approximate", "none") != "none":  # (opset 20: "none" or "tanh")
                if a.get("approximate") != "tanh":
                    raise _Unsupported(f"approximate={a.get('approximate')!r}")
                return layer("gelu tanh")
            return layer(simple[op])
        if op == "LeakyRelu":
            return layer(f"leakyrelu {_float32(a.get('alpha', 0.01))!r}")
        if op == "Elu":
            return layer(f"elu {_float32(a.get('alpha', 1.0))!r}")
        if op == "Celu":
            return layer(f"celu {_float32(a.get('alpha', 1.0))!r}")
        if op == "LpNormalization":  # x / ‖x‖_p along an axis, without an eps
            axis = a.get("axis", -1)
            if a.get("p", 2) != 2 or axis not in (1, -1):
                raise _Unsupported(f"p={a.get('p', 2)}, axis={axis} (cnncalc's l2norm is the Euclidean length over the "
                                   f"channels, axis 1, or a vector's last axis)")
            return layer(f"l2norm{' lastaxis' if axis == -1 else ''} eps 0")
        if op == "ThresholdedRelu":
            return layer(f"threshold {_float32(a.get('alpha', 1.0))!r}")
        if op == "Shrink":  # x - bias above lambd, x + bias below -lambd, 0 between
            offset, lambd = _float32(a.get("bias", 0.0)), _float32(a.get("lambd", 0.5))
            if offset not in (0.0, lambd) or lambd < 0:
                raise _Unsupported(f"bias {offset!r} with lambd {lambd!r} (cnncalc reads a bias of 0, hardshrink, or "
                                   f"of lambd, softshrink)")
            return layer(f"{'hardshrink' if offset == 0 else 'softshrink'} {lambd!r}")
        if op == "Selu":  # ONNX's defaults are SELU's own constants (float32)
            if abs(a.get("alpha", SELU_ALPHA) - SELU_ALPHA) > 1e-6 or \
                    abs(a.get("gamma", SELU_SCALE) - SELU_SCALE) > 1e-6:
                raise _Unsupported("alpha or gamma other than SELU's own (cnncalc's selu has them fixed)")
            return layer("selu")
        if op == "HardSigmoid":
            if abs(a.get("alpha", 0.2) - 1 / 6) > 1e-6 or abs(a.get("beta", 0.5) - 0.5) > 1e-6:
                raise _Unsupported("alpha other than 1/6 (cnncalc's hardsigmoid is relu6(x+3)/6)")
            return layer("hardsigmoid")
        if op == "Clip":
            low = a.get("min", (self.values(inputs[1]) or [None])[0] if len(inputs) > 1 and inputs[1] else None)
            high = a.get("max", (self.values(inputs[2]) or [None])[0] if len(inputs) > 2 and inputs[2] else None)
            if low == 0 and high == 6:
                return layer("relu6")
            if low == 0 and high is None:
                return layer("relu")
            if low is not None and high is not None:
                return layer(f"hardtanh low {float(low)!r} high {float(high)!r}")
            raise _Unsupported(f"Clip({low}, {high}) (cnncalc clips to [0, ∞) as relu, and between two bounds as "
                               f"hardtanh)")
        if op == "PRelu":
            slope = self.weight(inputs[1])
            n = _product(slope)
            if len(slope) == 3 and slope[1:] != [1, 1]:  # C x H x W: a slope per value (Keras' PReLU, converted)
                return layer(f"prelu pervalue inputs {slope[0]} size {slope[1]}x{slope[2]}", n)
            return layer("prelu" if n == 1 else f"prelu perchannel inputs {n}", n)
        if op in ("Softmax", "LogSoftmax"):
            axis = a.get("axis", 1 if self.opset < 13 else -1)
            if axis not in (1, -1, -3):  # -3: a map's channels (PyTorch's Softmax2d)
                raise _Unsupported(f"axis {axis}")
            return layer(op.lower())  # axis -1 is the channels for the (N, C) scores networks end with
        if op == "Dropout":
            ratio = a.get("ratio")
            if ratio is None and len(inputs) > 1 and inputs[1]:
                ratio = (self.values(inputs[1]) or [0.5])[0]
            return layer(f"dropout {float(ratio if ratio is not None else 0.5)!r}")
        if op == "Reshape" and inputs[0] in self.blocks:  # a space to depth's end (the blocks' values as channels),
            start, six, layer_made = self.blocks[inputs[0]]  # or a depth to space's (the channels' values as blocks)
            target = self.values(inputs[1])
            r = six[3]  # (in either)
            blocked = [six[1] * r * r, six[2], six[4]] if layer_made == "pixelunshuffle" else \
                [six[1], six[4] * r, six[5] * r]
            if not layer_made or target is None or len(target) != 4 or \
                    any(isinstance(t, int) and t > 0 and t != m for t, m in zip(target[1:], blocked)):
                raise _Unsupported(f"a 6-D view reshaped to {target}")  # (its sizes other than the view's blocks make)
            return graph.layer(name, spec_layer(f"{layer_made} {r}", span), start, span), None
        if op == "Reshape":
            shape = self.values(inputs[1])
            shape = shape if shape is not None else self.partial.get(inputs[1])
            view = self.views.get(inputs[0])
            if view is not None:  # a channel shuffle's end: the transposed 5-D view back to N x C x H x W
                if view[2] and shape is not None and len(shape) == 4:
                    if view[1] == 1:  # one group (kuangliu's ShuffleNet, its first block's): nothing moves
                        return view[0], None
                    return graph.layer(name, spec_layer(f"shuffle {view[1]}", span), view[0], span), None
                raise _Unsupported(f"a 5-D view reshaped to {shape}")
            dims = self.dims_of(inputs[1])
            if dims is not None and len(dims) in (2, 4) and isinstance(dims[1], tuple) and dims[1][1] == 1 and \
                    (dims[0] in (0, 1, -1) or (isinstance(dims[0], tuple) and dims[0][1] == 0)) and \
                    dims[2:] in ([], [1, 1]):
                # `y.view(b, c)` and `y.view(b, c, 1, 1)` with `b, c, _, _ = x.size()` (an SE gate's pooled map and
                # its scales, a map or a vector): its C values, as the PyTorch reader reads them (`squeeze`, E037 on a
                # map not 1x1), and those values as a 1x1 map again
                squeezed = layer("squeeze")
                if len(dims) == 2:
                    return squeezed
                return graph.layer(f"{name}_unflatten", spec_layer("unflatten", span), squeezed[0], span), None
            if dims is not None and len(dims) == 4 and isinstance(dims[0], tuple) and dims[0][1] == 0 and \
                    all(type(d) is int and 0 < d <= limits.MAX_EXTENT for d in dims[1:]):
                # (its batch, C, H, W): `nn.Unflatten(1, (C, H, W))` of a vector as the older exporter writes it, the
                # batch read by Shape and Slice (E017 where the values number otherwise)
                return layer(f"reshape {dims[2]}x{dims[3]}x{dims[1]}")
            if shape is None:
                raise _Unsupported("a reshape to a shape computed from the data's sizes")
            if len(shape) == 5 and all(isinstance(d, int) and d > 0 for d in shape) and source is not None:
                # a channel shuffle's start (N, groups, C/groups, H, W); only its transpose may read it
                self.views[node["outputs"][0]] = (source, shape[1], False)
                return source, None
            if len(shape) == 6 and all(isinstance(d, int) and d > 0 for d in shape[1:]) and source is not None and \
                    (shape[3] == shape[5] > 1 or shape[2] == shape[3] > 1):
                # a space to depth's start (N, C, H/r, r, W/r, r), as PyTorch exports PixelUnshuffle, or a depth to
                # space's (N, C/r², r, r, H, W), as it exports PixelShuffle before opset 11 has DepthToSpace in its
                # order: only a transpose may read it, which tells which
                self.blocks[node["outputs"][0]] = (source, shape, "")
                return source, None
            if shape == [-1] and source is not None:  # batch and all: only a Gather in order may read it
                self.flat.add(node["outputs"][0])
                return source, None
            if len(shape) == 3 and shape[0] in (None, 0, 1) and shape[1] == 1 and inputs[0] not in self.sequences and \
                    (shape[2] == -1 or (isinstance(shape[2], int) and shape[2] > 0)):
                # `x.mean((2, 3)).view(b, 1, -1)` (timm's ECA): the pooled channels as a sequence N x 1 x C
                flattened = layer("flatten" if shape[2] == -1 else f"flatten inputs {shape[2]}")
                self.sequences.add(node["outputs"][0])
                return flattened
            if len(shape) == 2 and (shape[0] in (None, 0, 1)) and shape[1] == -1:  # (one -1 at most, ONNX says)
                return layer("flatten")
            if len(shape) == 4 and shape[0] in (None, 0, 1) and shape[2:] == [1, 1] and \
                    (shape[1] == -1 or (isinstance(shape[1], int) and shape[1] > 0)):
                # `s.view(b, -1, 1, 1)`: the values as a 1x1xC map (a squeeze-and-excitation gate)
                flat, _ = layer("flatten" if shape[1] == -1 else f"flatten inputs {shape[1]}")
                return graph.layer(f"{name}_unflatten", spec_layer("unflatten", span), flat, span), None
            if len(shape) == 2 and shape[0] in (None, 0, 1, -1) and isinstance(shape[1], int) and shape[1] > 0:
                return layer(f"flatten inputs {shape[1]}")  # `x.view(-1, 400)`: the length it expects
            if len(shape) == 4 and shape[0] in (None, 0, 1, -1) and \
                    all(isinstance(d, int) and 0 < d <= limits.MAX_EXTENT for d in shape[1:]):
                # `x.view(-1, 512, 4, 4)` after a Gemm: a generator's first map (E017 where the values number otherwise)
                return layer(f"reshape {shape[2]}x{shape[3]}x{shape[1]}")
            if len(shape) == 4 and shape[0] == 1 and shape[1] == -1 and self.batch == 1 and \
                    all(isinstance(d, int) and 0 < d <= limits.MAX_EXTENT for d in shape[2:]):
                # (1, -1, H, W): the newer exporter's instance norm with running statistics, a batch norm of the images'
                # channels side by side; of one image, its own map (`reshape HxW` keeps the depth the values give)
                return layer(f"reshape {shape[2]}x{shape[3]}")
            raise _Unsupported(f"a reshape to {shape}")
        if op == "Squeeze" and source is not None:
            axes = self.axes(node)
            if inputs[0] in self.half_squeezed and axes in ([1], [-1], [2]):
                return source, None  # N x C x 1 -> N x C: the vector already
            if axes in ([3], [-1]):  # a pooled map's width (N, C, 1): only its Transpose to a sequence may read it
                squeezed = layer("squeeze")
                self.half_squeezed.add(node["outputs"][0])
                return squeezed
            if axes in (None, [2, 3], [-2, -1], [-1, -2], [3, 2]):
                return layer("squeeze")
            raise _Unsupported(f"at axes {axes} (cnncalc follows a pooled map's height and width)")
        if op == "Transpose" and source is not None and a.get("perm") == [0, 2, 1] and \
                (inputs[0] in self.half_squeezed or inputs[0] in self.sequences):
            # the pooled channels N x C x 1 as a sequence N x 1 x C (ECA-Net's gate), or back
            (self.sequences if inputs[0] in self.half_squeezed else self.half_squeezed).add(node["outputs"][0])
            return source, None
        if op == "Unsqueeze" and inputs[0] in self.half_squeezed and self.axes(node) in ([3], [-1]):
            return layer("unflatten")  # N x C x 1 -> N x C x 1 x 1: the 1x1 map again
        if op == "Unsqueeze" and source is not None:
            # a vector given a height and a width of 1 (`s[:, :, None, None]`, `s.unsqueeze(-1).unsqueeze(-1)`): at
            # once, or one axis at a time (the first waits for the second, the one operator that reads it)
            axes = self.axes(node)
            if inputs[0] in self.half_unsqueezed and axes in ([3], [-1]):
                return layer("unflatten")
            if axes in ([2, 3], [-2, -1], [-1, -2]):
                return layer("unflatten")
            if axes in ([2], [-1]) and consumers.get(node["outputs"][0]) == ["Unsqueeze"]:
                self.half_unsqueezed.add(node["outputs"][0])
                return source, None
            raise _Unsupported(f"at axes {axes} (cnncalc follows a vector given a height and a width of 1)")
        if op == "Gather" and inputs[0] in self.flat:
            # The newer exporter's `as_strided` of a pooled 1 x C x 1 x 1 map: every value in order, shaped
            # (1, C, 1, 1) again. `flatten inputs C` checks that the map held exactly C values.
            index = self.initializers.get(inputs[1]) if len(inputs) > 1 else None
            dims = list(index["shape"]) if index is not None else []
            in_order = index is not None and (index.get("arange") or index.get("values") == list(range(_product(dims))))
            if a.get("axis", 0) != 0 or not in_order or len(dims) != 4 or dims[:1] + dims[2:] != [1, 1, 1]:
                raise _Unsupported("of the data reshaped to one axis, other than every value in order as 1 x C x 1 x 1")
            flat, _ = layer(f"flatten inputs {dims[1]}")
            return graph.layer(f"{name}_unflatten", spec_layer("unflatten", span), flat, span), None
        if op == "Transpose" and inputs[0] in self.blocks:
            start, six, _ = self.blocks[inputs[0]]
            as_layer = "pixelunshuffle" if a.get("perm") == [0, 1, 3, 5, 2, 4] and six[3] == six[5] else \
                "pixelshuffle" if a.get("perm") == [0, 1, 4, 2, 5, 3] and six[2] == six[3] else ""
            if not as_layer:
                raise _Unsupported(f"a transpose of a 6-D view by {a.get('perm')}")
            self.blocks[node["outputs"][0]] = (start, six, as_layer)
            return start, None
        if op == "Transpose" and inputs[0] not in self.views:
            perm = a.get("perm")
            if perm == [0, 2, 3, 1] and inputs[0] not in self.channels_last and source is not None:
                self.channels_last.add(node["outputs"][0])  # N, H, W, C: the same values, no layer
                return source, None
            if perm == [0, 3, 1, 2] and inputs[0] in self.channels_last and source is not None:
                return source, None  # back to N, C, H, W
            raise _Unsupported(f"a transpose by {perm} (cnncalc follows one to channels-last and back)")
        if op == "Transpose" and inputs[0] in self.views:
            start, groups, _ = self.views[inputs[0]]
            if a.get("perm") != [0, 2, 1, 3, 4]:
                raise _Unsupported(f"a transpose of a 5-D view by {a.get('perm')}")
            self.views[node["outputs"][0]] = (start, groups, True)
            return start, None
        if op in ("Add", "Sub", "Mul", "Div") and len(inputs) == 2 and sum(i in tensors for i in inputs) == 1:
            constant = inputs[1] if inputs[0] in tensors else inputs[0]
            return layer(self.constant_operand(constant, op, span, any(i in self.channels_last for i in inputs)))
        if op == "Expand" and inputs[0] in tensors and len(inputs) == 2:
            # `y.expand_as(x)` (an SE block's scales before their product with x): a 1x1 map broadcast to a map's
            # size is that map resized by nearest neighbour, to the size of another map (Shape(x), as the older
            # exporter writes it) or to the sizes stored (the newer); the channels broadcast by the product
            ref = self.shape_of.get(inputs[1])
            if ref in tensors:
                return graph.merge(name, "resample", [tensors[ref], tensors[inputs[0]]], span), None
            sizes = self.values(inputs[1])
            if not (isinstance(sizes, list) and len(sizes) == 4 and
                    all(type(v) is int and 0 < v <= limits.MAX_EXTENT for v in sizes[2:])):
                raise _Unsupported("to a shape other than a map's sizes, N x C x H x W")
            return layer(f"resize {sizes[2]}x{sizes[3]}")
        if op in ("Concat", "Sum", "Mean", "Max", "Min") and len(inputs) == 1 and source is not None:
            return source, None  # of one map, along any axis: the map (a circular padding of none, exported)
        if op == "Concat" and a.get("axis") in (1, -3) and len(inputs) == 2 and sum(i in tensors for i in inputs) == 1:
            constant = inputs[1] if inputs[0] in tensors else inputs[0]
            zeros = self.zero_channels(constant)  # ENet's and PyramidNet's shortcut: a map joined to zero channels
            if zeros is not None:
                before, after = (0, zeros) if constant == inputs[1] else (zeros, 0)
                return layer(f"padchannels {before} after {after}")
        if op == "Max" and len(inputs) == 2 and sum(i in tensors for i in inputs) == 1 and \
                self.values(inputs[1] if inputs[0] in tensors else inputs[0]) in ([0], [0.0]):
            return layer("relu")  # `x.clamp(min=0)` as the newer exporter writes it: Max(x, 0)
        if op in _MERGES:
            sources = [tensors[i] for i in inputs if i in tensors]
            if len(sources) != len(inputs):
                raise _Unsupported("with a constant operand")
            if op == "Concat" and a.get("axis") not in (1, -3):
                raise _Unsupported(f"axis {a.get('axis')}")
            return graph.merge(name, _MERGES[op], sources, span), None
        if op == "Pad":
            pads = a.get("pads") or (self.values(inputs[1]) if len(inputs) > 1 else None)
            keyword = {"constant": "zeropad", "reflect": "reflectpad", "edge": "replicatepad",
                       "wrap": "circularpad"}.get(a.get("mode", "constant"))
            if keyword is None or not pads or len(pads) != 8 or any(pads[i] for i in (0, 4)) or \
                    (keyword != "zeropad" and any(pads[i] for i in (1, 5))) or \
                    not all(isinstance(p, int) and 0 <= p <= limits.MAX_CHANNELS for p in pads):
                raise _Unsupported("other than constant, reflect, edge or wrap padding of height and width, or "
                                   "padding of the channels with zeros")
            spatial = f"{keyword} {pads[2]},{pads[6]},{pads[3]},{pads[7]}"
            channels = f"padchannels {pads[1]}" + (f" after {pads[5]}" if pads[5] != pads[1] else "")  # option A
            if not pads[1] and not pads[5]:
                return layer(spatial)
            if not any(pads[i] for i in (2, 3, 6, 7)):
                return layer(channels)
            return self.two_layers(graph, name, span, source, spatial, channels)
        if op in ("Resize", "Upsample"):
            mode = a.get("mode", "nearest")
            # (opset 10's Resize, as Upsample, reads its scales second; from opset 11 third, after a region)
            scales = self.values(inputs[2]) if op == "Resize" and len(inputs) > 2 and inputs[2] else \
                (self.values(inputs[1]) if (op == "Upsample" or self.opset == 10) and len(inputs) > 1 else
                 a.get("scales"))
            sizes = self.dims_of(inputs[3]) if op == "Resize" and len(inputs) > 3 and inputs[3] else None
            aligned = a.get("coordinate_transformation_mode") == "align_corners"  # PyTorch's align_corners=True
            how = "" if mode == "nearest" else (" aligned" if aligned else " bilinear") if mode == "linear" else None
            if how is None:
                raise _Unsupported(f"mode {mode}")
            if sizes and len(sizes) == 4 and isinstance(sizes[2], tuple) and isinstance(sizes[3], tuple) and \
                    sizes[2][0] == sizes[3][0] and (sizes[2][1], sizes[3][1]) == (2, 3) and sizes[2][0] in tensors \
                    and source is not None:  # to another map's height and width, whatever they are
                return graph.merge(name, "resample", [tensors[sizes[2][0]], source], span, how.strip() or None), None
            if sizes and not all(isinstance(d, (int, float)) for d in sizes[2:]):
                raise _Unsupported("sizes computed from a map's other than its height and width")
            if sizes and len(sizes) == 4:
                return layer(f"resize {int(sizes[2])}x{int(sizes[3])}{how}")
            computed = inputs[2] if op == "Resize" and self.opset > 10 and len(inputs) > 2 else \
                inputs[1] if (op == "Upsample" or self.opset == 10) and len(inputs) > 1 else ""
            resized_to = self.sizes_over_own(computed, inputs[0]) if scales is None and computed else None
            if resized_to is not None:
                return layer(f"resize {resized_to[0]}x{resized_to[1]}{how}")
            if scales and len(scales) == 4 and all(float(s).is_integer() for s in scales[2:]):
                return layer(f"upsample {_size(int(scales[2]), int(scales[3]))}{how}")
            factor = scale_text(scales[2]) if scales and len(scales) == 4 and scales[2] == scales[3] else None
            if factor is not None:  # floor(N·F), the input read at the factor's steps (PyTorch's export of it)
                return layer(f"upsample {factor}{how}")
            raise _Unsupported("scales or sizes cnncalc cannot read")
        if op == "Slice":
            starts, ends = self.values(inputs[1]), self.values(inputs[2])
            axes = self.values(inputs[3]) if len(inputs) > 3 and inputs[3] else [0]
            steps = self.values(inputs[4]) if len(inputs) > 4 and inputs[4] else [1]
            if ends is None and inputs[2] in self.dims_plus:
                return self.cropped_to(graph, name, node, span, tensors, consumers, starts, axes, steps)
            if inputs[0] in self.half_crops:
                raise _Unsupported("a crop of the height alone, or the width alone, to another map's size")
            if axes is not None and starts is not None and ends is not None and len(axes) == len(starts) == \
                    len(ends) and axes and all(isinstance(v, int) for v in axes) and {v % 4 for v in axes} <= {2, 3} \
                    and (steps == [1] * len(axes) or steps == [1]):
                counted = {axis % 4: (start, end) for axis, start, end in zip(axes, starts, ends)
                           if type(start) is int and type(end) is int and 0 <= start < end <= limits.MAX_SIZE}
                if counted or inputs[0] in self.half_regions:
                    return self.region(graph, name, node, span, tensors, consumers, counted, len(axes))
                return layer(_edge_crop(axes, starts, ends))
            if inputs[0] in self.half_regions:
                raise _Unsupported("a Slice of the height alone, or the width alone, to a row or column counted from "
                                   "the start, then a Slice other than of the other axis")
            if axes and starts and ends and steps and len(axes) == len(starts) == len(ends) == len(steps) and \
                    all(isinstance(v, int) for v in axes + starts + ends + steps) and {v % 4 for v in axes} <= {2, 3} \
                    and all(e >= 2 ** 31 - 1 for e in ends) and all(0 <= v <= limits.MAX_EXTENT for v in starts) and \
                    all(1 <= v <= limits.MAX_SIZE for v in steps):  # x[:, :, ::2, ::2]: every other row and column
                stride = {2: 1, 3: 1, **{axis % 4: step for axis, step in zip(axes, steps)}}
                pool = f"maxpool 1x1 stride {stride[2]}x{stride[3]} floor"
                if not any(starts):
                    return layer(pool)
                return self.two_layers(graph, name, span, source, _edge_crop(axes, starts, ends), pool)
            if axes != [1] or steps != [1]:
                raise _Unsupported("other than a channel slice")
            if starts and ends and len(starts) == len(ends) == 1 and all(isinstance(v, int) for v in starts + ends) \
                    and starts[0] >= 0:
                # past the last channel (PyTorch writes x[:, 4:] with an end of 2^63 - 1): to the last
                return layer(f"slice {starts[0]}:{'' if ends[0] >= 2 ** 31 - 1 else ends[0]}")
            first, last = (self.channel_fraction(i, inputs[0]) for i in inputs[1:3])
            if first is not None and last is not None:
                (low, low_up), (high, high_up) = first, last
                rounding = {low_up, high_up} - {None}
                if high > low and (1 / (high - low)).denominator == 1 and (low / (high - low)).denominator == 1 and \
                        len(rounding) < 2:  # x.chunk(n, 1)[k - 1], its bounds from x's size: parts of ⌈C/n⌉
                    parts = int(1 / (high - low))
                    return layer(f"part {int(low * parts) + 1} {'chunks' if rounding == {True} else 'of'} {parts}")
            raise _Unsupported("other than a channel slice, or a chunk of the channels")
        if op == "Split":
            sizes = a.get("split") or (self.values(inputs[1]) if len(inputs) > 1 and inputs[1] else None)
            # opset 18's num_outputs: parts of ⌈C/n⌉, the last smaller (x.chunk(n, 1), as the newer exporter writes
            # it); before it, with no sizes, as many equal parts as outputs
            parts = a.get("num_outputs")
            if a.get("axis", 0) == 1 and not sizes and (parts is None or parts == len(node["outputs"])):
                for k, out in enumerate(node["outputs"], 1):
                    tensors[out], _ = layer(f"part {k} chunks {parts}" if isinstance(parts, int) else
                                            f"part {k} of {len(node['outputs'])}")
                return None
            if a.get("axis", 0) != 1 or not sizes:
                raise _Unsupported("other than into listed channel counts, or equal parts")
            offset, total = 0, sum(map(int, sizes))  # (ONNX's sizes add up to the axis, checked at the first part)
            for out, size in zip(node["outputs"], sizes):
                made, _ = layer(f"slice {offset}:{offset + int(size)}{'' if offset else f' inputs {total}'}")
                tensors[out] = made
                offset += int(size)
            return None
        raise _Unsupported("")

    @staticmethod
    def two_layers(graph: Graph, name: str, span: Span, source: int | None, first: str,
                   second: str) -> tuple[int, None]:
        """One operator as two layers in turn (a Pad of the map and its channels; a strided Slice with a start: the
        crop, then the subsampling), the first named after it with `_1`."""
        if source is None:
            raise _Unsupported("a layer whose input is not the data")
        made = graph.layer(f"{name}_1", spec_layer(first, span), source, span)
        return graph.layer(name, spec_layer(second, span), made, span), None

    def channel_conv(self, a: dict[str, Any], inputs: list[str]) -> tuple[str, int]:
        """A 1-D Conv along a map's pooled channels as a sequence (ECA-Net's gate): one filter of K weights, over P
        zeros at each end, as `channelconv K pad P`; and the parameters its initializers hold."""
        w = self.weight(inputs[1])
        if len(w) != 3 or w[:2] != [1, 1] or a.get("group", 1) != 1 or a.get("strides", [1]) != [1] or \
                a.get("dilations", [1]) != [1] or a.get("auto_pad", "NOTSET") != "NOTSET":
            raise _Unsupported(f"a 1-D Conv of weights {w} with strides, dilations or groups along the pooled channels "
                               f"(cnncalc follows one filter, ECA-Net's: weights 1 x 1 x K)")
        before, after = a.get("pads", [0, 0])
        if before != after:
            raise _Unsupported(f"a 1-D Conv padded by {before} and {after} (cnncalc pads both ends alike)")
        bias = len(inputs) > 2 and bool(inputs[2])
        params = _product(w) + (_product(self.weight(inputs[2])) if bias else 0)
        return f"channelconv {w[2]} pad {before}{'' if bias else ' nobias'}", params

    def pool_text(self, op: str, a: dict[str, Any]) -> str:
        """A MaxPool's or an AveragePool's layer as the spec writes it."""
        kh, kw = a["kernel_shape"]
        sh, sw = a.get("strides", [1, 1])  # ONNX's default stride is 1
        text = f"{'maxpool' if op == 'MaxPool' else 'avgpool'} {kh}x{kw} stride {_size(sh, sw)}"
        text += self.pads(a)
        dh, dw = a.get("dilations", [1, 1])
        text += f" dilation {_size(dh, dw)}" if (dh, dw) != (1, 1) else ""
        if op == "AveragePool" and not a.get("count_include_pad", 0) and "pad" in text:
            text += " exclude_pad"
        text += " ceil" if a.get("ceil_mode", 0) else ""
        if a.get("auto_pad", "NOTSET") == "NOTSET":
            t, left, b, r = a.get("pads", [0, 0, 0, 0])
            text += " widepad" if max(t, b) > kh // 2 or max(left, r) > kw // 2 else ""  # ONNX's limit is P < K
        return text

    def unpooling(self, graph: Graph, name: str, span: Span, tensors: dict[str, int], values: str, indices: str,
                  shape: list[Any] | None, own: dict[str, Any] | None = None) -> int:
        """`values` put back where the maxima of the max pool whose Indices output is `indices` were in its input
        (SegNet's decoder): `maxunpool <the pool's window> { @the pool's input | values }`. `shape`, the output's
        (N, C, H, W) as the file fixes it, is checked as an answer: the pool's input's own where PyTorch's
        `output_size=x.size()` made it, else the values land at other places, as PyTorch's do. Without it, the
        window's own size, (h - 1)·S - 2P + K: `exact` (E067 where the windows do not tile the input). `own`: the
        MaxUnpool's attributes, which must be the pool's window."""
        pool = self.producer.get(indices)
        if pool is None or pool["op"] != "MaxPool" or pool["outputs"][1:2] != [indices] or \
                pool["inputs"][0] not in tensors or values not in tensors:
            raise _Unsupported("unpooling by indices other than those of a max pool of the data (its second output)")
        a = pool["attrs"]
        if own is not None:
            reach = [(k - 1) * d + 1 for k, d in zip(a["kernel_shape"], a.get("dilations", [1, 1]))]
            if own.get("kernel_shape") != reach or own.get("strides", [1, 1]) != a.get("strides", [1, 1]) or \
                    own.get("pads", [0, 0, 0, 0]) != a.get("pads", [0, 0, 0, 0]) or \
                    a.get("auto_pad", "NOTSET") not in ("NOTSET", "VALID"):
                raise _Unsupported("a kernel, stride or padding other than its max pool's (the window's reach, its "
                                   "stride and padding)")
        text = self.pool_text("MaxPool", a)
        if shape is None:
            if any(d != 1 for d in a.get("dilations", [1, 1])) or a.get("ceil_mode", 0):
                raise _Unsupported("without output_shape after a max pool with dilations or ceil_mode")
            text += " exact"
        elif len(shape) != 4 or not all(isinstance(d, int) and 0 < d <= limits.MAX_SIZE for d in shape):
            raise _Unsupported(f"an output shape of {shape} (cnncalc reads N, C, H, W, each a size)")
        node_id = graph.merge(name, "maxunpool", [tensors[pool["inputs"][0]], tensors[values]], span,
                              window=spec_layer(text, span))
        if shape is not None:
            _, c, h, w = shape
            answer = ir.ShapeAnswer((h, w, c), f"{h}x{w}x{c}", span)
            graph.expectations[graph.nodes[node_id].name] = ir.Expectation(answer, None, None, span)
        return node_id

    def sizes_over_own(self, scales: str, data: str) -> tuple[int, int] | None:
        """Scales computed for a resize to fixed sizes, as PyTorch exports `F.interpolate(x, size=(65, 65))` before
        opset 11 (Upsample's and opset 10's Resize's scales, no sizes): Concat(1, 1 and Div(the sizes, x's own height
        and width, Cast to floats)): the sizes, whole numbers."""
        concat = self.producer.get(scales)
        divided = self.producer.get(concat["inputs"][1]) if concat is not None and concat["op"] == "Concat" and \
            len(concat["inputs"]) == 2 else None
        if concat is None or divided is None or divided["op"] != "Div" or self.values(concat["inputs"][0]) != [1, 1]:
            return None
        sizes, own = self.values(divided["inputs"][0]), self.dims_of(divided["inputs"][1])
        if own != [(data, 2), (data, 3)] or not isinstance(sizes, list) or len(sizes) != 2 or \
                not all(isinstance(v, (int, float)) and float(v).is_integer() and 1 <= v <= limits.MAX_SIZE
                        for v in sizes):
            return None
        return int(sizes[0]), int(sizes[1])

    def pads(self, a: dict[str, Any], transposed: tuple[int, int] | None = None) -> str:
        """A node's padding as the spec writes it; `transposed`, a ConvTranspose's kernel, whose SAME pads are worked
        out here (`pad same` is a convolution's)."""
        auto = a.get("auto_pad", "NOTSET")
        if auto in ("SAME_UPPER", "SAME_LOWER") and transposed is None:
            return " pad same"  # SAME_LOWER puts the odd pixel first: the same sizes and counts
        if auto in ("SAME_UPPER", "SAME_LOWER") and transposed is not None:
            # the output is the input times the stride: S·(N - 1) + outpad + (K - 1)·D + 1 - total = S·N, so the
            # total cropped is (K - 1)·D + 1 + outpad - S, whatever N; its odd pixel at the end for SAME_UPPER
            totals = [(k - 1) * d + 1 + o - s for k, d, o, s in zip(transposed, a.get("dilations", [1, 1]),
                                                                    a.get("output_padding", [0, 0]),
                                                                    a.get("strides", [1, 1]))]
            if min(totals) < 0:
                raise _Unsupported("auto_pad SAME on a transposed convolution whose filter is narrower than its stride")
            firsts = [t // 2 if auto == "SAME_UPPER" else t - t // 2 for t in totals]
            pads = [*firsts, *(t - f for t, f in zip(totals, firsts))]
        else:
            pads = a.get("pads", [0, 0, 0, 0]) if auto == "NOTSET" else [0, 0, 0, 0]
        t, left, b, r = pads
        if not any(pads):
            return ""
        if t == b and left == r:
            return f" pad {_size(t, left)}"
        return f" pad {t},{b},{left},{r}"

    def _bias_after(self, matmul: dict[str, Any]) -> str | None:
        """The bias an `Add` right after a MatMul adds (PyTorch exports nn.Linear so, without Gemm)."""
        if self.adds is None:  # each tensor -> the first Add reading it, found once (not a scan per MatMul)
            self.adds = {}
            for node, _ in self.nodes:
                if node["op"] == "Add" and len(node["inputs"]) == 2:
                    for name in node["inputs"]:
                        self.adds.setdefault(name, node)
        out = matmul["outputs"][0]
        add = self.adds.get(out)
        if add is None:
            return None
        other = add["inputs"][1] if add["inputs"][0] == out else add["inputs"][0]  # the older exporter: Add(bias, x)
        return str(other) if self._bias(other) else None


def _epsilon_said(attrs: dict[str, Any]) -> str:
    """A norm's `eps` option, left out at the default 1e-5; a float32 attribute read as it was written (1e-05, not
    9.99999974e-06)."""
    eps = _float32(attrs.get("epsilon", 1e-5))
    return "" if eps == 1e-5 else f" eps {eps!r}"


def _float32(value: float) -> float:
    """A float32 value as it was written (0.3, not 0.30000001192092896): its seven significant digits."""
    return float(f"{float(value):.7g}")


def _shape_part(shape: list[int], attrs: dict[str, Any]) -> Any:
    """A Shape's output: a tensor's sizes from its `start` to its `end` attribute (opset 15), as int64; None when
    they are not whole numbers."""
    import numpy as np
    start, end = attrs.get("start", 0), attrs.get("end", len(shape))
    if type(start) is not int or type(end) is not int:
        return None
    return np.array(shape, dtype=np.int64)[start:end]


def _kept_shape(op: str, shape: list[Any], given: list[Any] | None) -> bool:
    """Whether Expand to the shape `given`, or Tile by the repeats `given`, leaves a tensor of `shape` as it is."""
    if not isinstance(given, list) or not all(type(d) is int for d in given):
        return False
    if op == "Tile":
        return len(given) == len(shape) and all(r == 1 for r in given)
    return len(given) <= len(shape) and all(g in (1, d) for g, d in zip(given[::-1], shape[::-1]))


def _unsqueezed(shape: list[int], axes: Any) -> list[int] | None:
    """A shape given axes of 1 by an Unsqueeze; None when its axes are not a list of distinct axes within it."""
    rank = len(shape) + (len(axes) if isinstance(axes, list) else 0)
    if not isinstance(axes, list) or not axes or \
            not all(isinstance(a, int) and not isinstance(a, bool) and -rank <= a < rank for a in axes):
        return None
    ones = {a % rank for a in axes}
    if len(ones) != len(axes):
        return None
    kept = iter(shape)
    return [1 if axis in ones else next(kept) for axis in range(rank)]


def _transposed(entry: dict[str, Any], perm: Any) -> dict[str, Any] | None:
    """An initializer as a Transpose reorders its axes (all reversed without `perm`), its listed values too; None
    when `perm` is not an order of its axes."""
    shape = entry["shape"]
    order = list(reversed(range(len(shape)))) if perm is None else perm
    if not isinstance(order, list) or not all(type(a) is int for a in order) or \
            sorted(order) != list(range(len(shape))):
        return None
    moved = {**entry, "shape": [shape[a] for a in order]}
    if isinstance(entry.get("values"), list):
        import numpy as np
        moved["values"] = np.array(entry["values"]).reshape(shape).transpose(order).reshape(-1).tolist()
    return moved


def _product(dims: list[int]) -> int:
    total = 1
    for d in dims:
        total *= d
    return total

"""Keras models written in Python -> the configuration `model.to_json()` would write, for readers/keras.py.

A student's or an engineer's Keras script builds its model one of three ways: `Sequential([...])`, `model.add(...)`
line after line, or the functional API (`x = Conv2D(...)(inputs)`, then `Model(inputs, outputs)`); or it subclasses
`keras.Model` or `keras.layers.Layer`, its layers made in `__init__` and applied in `call`. The script is read with
`ast`, never run: its statements are followed (assignments, `for` loops over `range` or a list, functions it calls,
`if` on values it knows, its classes' methods), each Keras layer's arguments are matched to its constructor's
parameters
(`_PARAMETERS`, in Keras' order) and the last model built that no other model holds is the one read (a model
used as a layer, `base(x)` or in a Sequential, is read whole in its place). What it cannot follow is Unsupported at
its place, never a guess. Every layer is named as Keras names it (`conv2d`, `conv2d_1`, or its `name=`), and
placed at its call in the script.
"""
from __future__ import annotations

import ast
import math
import operator
import re
from collections import ChainMap
from collections.abc import Callable, MutableMapping
from typing import Any

from cnncalc import limits
from cnncalc.diagnostics import Span
from cnncalc.readers.graph import PYTHON_TYPES, Malformed, SourceOffsets, Unsupported, parse_python
from cnncalc.readers.keras import TRAINING_ONLY

# Each Keras layer's parameters that can be given by position, in its constructor's order (Keras 2 and 3 agree)
_CONV = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation",
         "use_bias")
_POOL = ("pool_size", "strides", "padding", "data_format")
_GLOBAL = ("data_format", "keepdims")
_PARAMETERS: dict[str, tuple[str, ...]] = {
    "Conv2D": _CONV, "Convolution2D": _CONV, "Conv1D": _CONV, "Convolution1D": _CONV,
    "Conv2DTranspose": ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format",
                        "dilation_rate", "activation", "use_bias"),
    "SeparableConv2D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                        "depth_multiplier", "activation", "use_bias"),
    "DepthwiseConv2D": ("kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate",
                        "activation", "use_bias"),
    "Dense": ("units", "activation", "use_bias"),
    "MaxPooling2D": _POOL, "MaxPool2D": _POOL, "AveragePooling2D": _POOL, "AvgPool2D": _POOL,
    "GlobalAveragePooling2D": _GLOBAL, "GlobalMaxPooling2D": _GLOBAL, "GlobalAvgPool2D": _GLOBAL,
    "GlobalMaxPool2D": _GLOBAL,
    "Flatten": ("data_format",), "Dropout": ("rate", "noise_shape", "seed"), "SpatialDropout2D": ("rate",),
    "Activation": ("activation",), "ReLU": ("max_value", "negative_slope", "threshold"),
    "LeakyReLU": ("negative_slope",), "ELU": ("alpha",), "Softmax": ("axis",),
    "PReLU": ("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"),
    "BatchNormalization": ("axis", "momentum", "epsilon", "center", "scale"),
    "LayerNormalization": ("axis", "epsilon", "center", "scale"),
    "GroupNormalization": ("groups", "axis", "epsilon", "center", "scale"), "UnitNormalization": ("axis",),
    "ZeroPadding2D": ("padding", "data_format"), "Cropping2D": ("cropping", "data_format"),
    "UpSampling2D": ("size", "data_format", "interpolation"), "Reshape": ("target_shape",),
    "Resizing": ("height", "width", "interpolation"), "CenterCrop": ("height", "width"),
    "Rescaling": ("scale", "offset"), "Normalization": ("axis", "mean", "variance", "invert"),
    "Add": (), "Subtract": (), "Multiply": (), "Average": (), "Maximum": (), "Minimum": (), "Concatenate": ("axis",),
}
# what a layer's configuration must hold as values cnncalc knows (the others, initializers and regularizers, are
# passed over unread)
_READ = {"filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation",
         "use_bias", "output_padding", "depth_multiplier", "units", "pool_size", "keepdims", "rate", "max_value",
         "negative_slope", "threshold", "alpha", "axis", "epsilon", "center", "scale", "shared_axes", "cropping",
         "size", "interpolation", "target_shape", "height", "width", "name", "trainable", "input_shape",
         "batch_input_shape", "batch_size", "shape", "offset", "mean", "variance", "invert"}
# calls that change no model (a statement cnncalc passes over may make them)
_HARMLESS = frozenset({"print", "len", "range", "str", "int", "float", "format", "summary", "compile", "fit",
                       "evaluate", "predict", "info", "debug", "warning", "log", "save", "plot_model", "count_params"})
# the functions of `keras.layers` that apply a merge layer to a list of tensors (`layers.add([x, y])`; TensorFlow's
# `tf.concat([x, y], axis=-1)`)
_MERGE_FUNCTIONS = {"add": "Add", "subtract": "Subtract", "multiply": "Multiply", "average": "Average",
                    "maximum": "Maximum", "minimum": "Minimum", "concatenate": "Concatenate", "concat": "Concatenate"}
# Python's arithmetic on tensors of the model, as Keras 3 makes it an operation: two tensors joined (`x + y`: Add),
# or a tensor and a number (`x / 255.0`)
_TENSOR_ARITHMETIC = {ast.Add: "Add", ast.Sub: "Subtract", ast.Mult: "Multiply", ast.Div: "TrueDivide"}
# functions on one tensor (`keras.ops.relu(x)`, `tf.nn.sigmoid(x)`, `keras.activations.hard_sigmoid(x)`,
# `tf.reduce_mean(x, axis=[1, 2], keepdims=True)`): the operation Keras 3 writes for each, read by the model reader
_TENSOR_FUNCTIONS = {"relu": "Relu", "relu6": "Relu6", "sigmoid": "Sigmoid", "silu": "Silu", "swish": "Silu",
                     "tanh": "Tanh", "gelu": "Gelu", "selu": "Selu", "softplus": "Softplus", "softsign": "Softsign",
                     "hard_sigmoid": "HardSigmoid", "hard_silu": "HardSilu", "hard_swish": "HardSilu",
                     "log_sigmoid": "LogSigmoid", "mean": "Mean", "reduce_mean": "Mean", "max": "Max",
                     "reduce_max": "Max"}


# functions that move blocks between the map and its channels, as Keras 3's operations (TensorFlow's order)
_BLOCK_MOVES = {"depth_to_space": "DepthToSpace", "space_to_depth": "SpaceToDepth"}
# `keras.ops` functions that Keras 3 saves as an operation the model reader reads as a layer: the operation's name,
# the module Keras saves it with, and its parameters after the tensor, in Keras' order and with Keras' defaults (what
# a saved model's config holds). Only as `keras.ops.…` (or `ops.…`): TensorFlow's functions of these names take other
# arguments.
_OP_CALLS: dict[str, tuple[str, str, tuple[tuple[str, Any], ...]]] = {
    "resize": ("Resize", "image", (("size", None), ("interpolation", "bilinear"), ("antialias", False),
                                   ("crop_to_aspect_ratio", False), ("pad_to_aspect_ratio", False),
                                   ("fill_mode", "constant"), ("fill_value", 0.0), ("data_format", None))),
    "pad": ("Pad", "numpy", (("pad_width", None), ("mode", "constant"), ("constant_values", None))),
    "clip": ("Clip", "numpy", (("x_min", None), ("x_max", None))),
    "reshape": ("Reshape", "numpy", (("newshape", None),)),
    "max_pool": ("MaxPool", "nn", (("pool_size", None), ("strides", None), ("padding", "valid"),
                                   ("data_format", None))),
    "average_pool": ("AveragePool", "nn", (("pool_size", None), ("strides", None), ("padding", "valid"),
                                           ("data_format", None)))}

# Keras' other names of its layers (one class each)
_ALIASES = {"MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D", "Convolution2D": "Conv2D",
            "Convolution1D": "Conv1D", "GlobalAvgPool2D": "GlobalAveragePooling2D",
            "GlobalMaxPool2D": "GlobalMaxPooling2D"}
# the convolutions Keras 2 makes subclasses of Conv2D and Keras 3 does not
_CONV_SUBCLASSES = frozenset({"DepthwiseConv2D", "SeparableConv2D", "Conv2DTranspose"})
# the functions that make an array of a shape (`tf.zeros((1, 28, 28, 1))`): what a subclassed model is built on
_EXAMPLE_ARRAYS = frozenset({"zeros", "ones", "normal", "uniform", "rand", "randn", "random", "random_normal",
                             "random_uniform", "empty"})
# where a method's own names keep the instance it runs on and the class that defines it (no name Python can write)
_METHOD = "<method>"

# Python's builtins (and `math`'s and `copy`'s functions) that `_Script.builtin` works out on the script's own values
_BUILTINS = frozenset({"range", "list", "tuple", "int", "float", "len", "min", "max", "sum", "abs", "round", "chr",
                       "reversed", "sorted", "enumerate", "zip", "str", "isinstance", "dict", "any", "all", "ceil",
                       "floor", "sqrt", "log", "log2", "copy", "deepcopy"})
_REDUCTIONS: dict[str, Callable[[Any], Any]] = {"min": min, "max": max, "sum": sum, "sorted": sorted, "any": any,
                                                "all": all}
_NUMERIC: dict[str, Callable[..., Any]] = {"float": float, "abs": abs, "round": round, "ceil": math.ceil,
                                           "floor": math.floor, "sqrt": math.sqrt, "log": math.log, "log2": math.log2}
_KEYS = (str, int)  # what a dict of the script is keyed by, as cnncalc follows it
# the digits `round(x, n)` is followed to, either way: past them Python works out 10^|n| (a minute at 10^8)
_ROUNDED_DIGITS = 400
_PLAIN = (bool, int, float, str, type(None))


def _json_like(value: Any, expr: ast.expr, key: str, span: Span) -> Any:
    """A configuration value as JSON holds it (tuples as lists), or E070 for what a configuration cannot hold."""
    if isinstance(value, (list, tuple)):
        return [_json_like(v, expr, key, span) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise Unsupported(f"`{ast.unparse(expr)}` for `{key}`: a value cnncalc cannot work out", span)


def _plain_copy(value: Any, depth: int = 0) -> Any:
    """`copy.deepcopy` of the script's plain values (numbers, strings, lists, tuples and dicts of them); None for
    anything else (a layer, a tensor), which cnncalc does not copy."""
    if isinstance(value, _PLAIN):
        return value
    if depth > limits.MAX_DEPTH:
        return None
    if isinstance(value, (list, tuple)):
        items = [_plain_copy(v, depth + 1) for v in value]
        if any(i is None and v is not None for i, v in zip(items, value)):
            return None
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        copied = {k: _plain_copy(v, depth + 1) for k, v in value.items()}
        return None if any(copied[k] is None and v is not None for k, v in value.items()) else copied
    return None


_COMPARISONS: dict[type, Callable[[Any, Any], Any]] = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
                                                     ast.GtE: operator.ge}
_ARITHMETIC: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv,
    ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow}


class _Layer:
    """A Keras layer made by the script, not yet applied (`Conv2D(32, 3)`)."""

    def __init__(self, kind: str, config: dict[str, Any], span: Span) -> None:
        self.kind, self.config, self.span = kind, config, span
        self.applied = False


class _Tensor:
    """What a layer applied to tensors gives (the functional API), or a model's input (`Input(shape=...)`)."""

    def __init__(self, layer: str, index: int = 0, output: int = 0) -> None:
        self.layer = layer  # the name of the layer that gives it
        self.index = index  # which application of that layer (Keras' node index: a layer applied twice has two)
        self.output = output  # which of its outputs (Keras' tensor index: `ops.split` gives several)


class _Shape:
    """A tensor's `.shape` (`keras.backend.int_shape(x)`): its sizes, batch first, worked out when one is read."""

    def __init__(self, tensor: _Tensor) -> None:
        self.tensor = tensor


class _Sequential:
    kind = "Sequential"

    def __init__(self, name: str | None, span: Span) -> None:
        self.name, self.span = name, span
        self.layers: list[_Layer | _Sequential | _Functional] = []  # a model among them: used as a layer
        self.applied = False  # used as a layer of another model (once: twice would share its weights)


class _Functional:
    kind = "Functional"

    def __init__(self, inputs: list[_Tensor], outputs: list[_Tensor], name: str | None, span: Span) -> None:
        self.inputs, self.outputs, self.name, self.span = inputs, outputs, name, span
        self.applied = False


_Model = _Sequential | _Functional
_Part = _Layer | _Sequential | _Functional  # what a model holds: a layer, or a model used as one


class _Function:
    """A function the script defines: its names resolve in `scope`, where it is defined, as Python's do."""

    def __init__(self, node: ast.FunctionDef, scope: MutableMapping[str, Any], defaults: list[Any],
                 keyword_defaults: dict[str, Any]) -> None:
        self.node, self.scope, self.defaults, self.keyword_defaults = node, scope, defaults, keyword_defaults


class _Class:
    """A subclass of keras.Model or keras.layers.Layer the script defines, or of such a class of its own: what its
    body defines (methods, class attributes), looked up in it and then in its base, as Python looks them up."""

    def __init__(self, node: ast.ClassDef, kind: str, base: _Class | None, defined: dict[str, Any]) -> None:
        self.node, self.kind, self.base, self.defined = node, kind, base, defined  # kind: "Model" or "Layer"

    def lookup(self, name: str) -> tuple[Any, _Class] | None:
        """What `name` is on the class, and the class that defines it (where `super()` in it starts)."""
        cls: _Class | None = self
        while cls is not None:
            if name in cls.defined:
                return cls.defined[name], cls
            cls = cls.base
        return None


class _Instance:
    """An object of such a class: the attributes its methods set (`self.conv1 = Conv2D(32, 3)`)."""

    def __init__(self, cls: _Class, node: ast.Call) -> None:
        self.cls, self.node = cls, node  # (made by that call)
        self.attrs: dict[str, Any] = {}
        self.name: str | None = None  # given to Keras' `__init__` (`super().__init__(name=...)`), or Keras' own
        self.built = False  # its `build` run (Keras runs it once, before the first call)
        self.functional: _Functional | None = None  # `super().__init__(inputs, outputs)`: a functional model
        self.after = 0  # the models made before it (its `__init__`'s among them): which of them is made last


class _Super:
    """`super()` in a method: the instance, its methods looked up from the base of the class that defines the
    method (None: Keras' own Model or Layer)."""

    def __init__(self, instance: _Instance, after: _Class | None) -> None:
        self.instance, self.after = instance, after


class _Example:
    """`tf.zeros((1, 28, 28, 1))`, `np.random.rand(...)`: an array of that shape, batch first, which a subclassed
    model is called on to build it."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape


class _Weight:
    """`self.gamma = self.add_weight(shape=(C,))`: a learnt tensor a layer of the script's makes itself, read where it
    scales a map per channel (`x * self.gamma`, ConvNeXt's and CaiT's layer scale)."""

    def __init__(self, shape: tuple[int, ...], trainable: bool, node: ast.AST) -> None:
        self.shape, self.trainable, self.node = shape, trainable, node
        self.used = False


class _Unknown:
    """A value the script computes in a way cnncalc does not follow (a module, a call it does not know)."""

    def __init__(self, said: str) -> None:
        self.said = said


# what an `if` cannot be decided on: a value cnncalc does not know, or an object whose truth Python would take from
# what it is (a layer, a tensor, a model, an array) rather than anything the script says
_UNDECIDED = (_Unknown, _Layer, _Tensor, _Sequential, _Functional, _Instance, _Class, _Super, _Example, _Weight)


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Break(Exception):
    """`break` in a loop being followed."""


class _Continue(Exception):
    """`continue` in a loop being followed."""


class _Script:
    """The script's statements followed, in order; the layers and models they make."""

    def __init__(self, text: str) -> None:
        self.offsets = SourceOffsets(text)
        self.names: dict[str, int] = {}  # Keras' names given so far, per stem: `conv2d`, `conv2d_1`, …
        self.nodes: dict[str, dict[str, Any]] = {}  # the functional API's layers applied, by name, in order
        self.order: dict[str, int] = {}  # each node's place in that order (a model's are sorted by it)
        # where each layer is made, and where a layer is applied again (by its application, from 1)
        self.spans: dict[str | tuple[str, int], Span] = {}
        self.made: dict[str, _Part] = {}  # each layer made, and each model applied as a layer, by name
        self.models: list[_Model] = []
        self.configuring: list[_Model] = []  # the models whose configuration is being written, outermost first
        self.layers = 0  # layers made: at most MAX_NODES
        self.steps = 0  # statements followed: at most MAX_READER_STEPS (a loop of loops of nothing stays bounded)
        self.depth = 0  # functions called inside each other
        self.analysed = 0  # layers analysed to work out tensor shapes (`x.shape[-1]`): at most MAX_SHAPE_LAYERS
        self.unbuilt: list[_Instance] = []  # the script's models not yet built on an input
        self.weights: list[_Weight] = []  # the weights layers of the script's classes make (`add_weight`)

    def span(self, node: ast.AST) -> Span:
        return self.offsets.span(node)

    # ---- statements ----------------------------------------------------------------------------------

    def run(self, body: list[ast.stmt], env: MutableMapping[str, Any]) -> None:
        for stmt in body:
            self.steps += 1
            if self.steps > limits.MAX_READER_STEPS:
                raise Unsupported(f"more than {limits.MAX_READER_STEPS:,} statements to follow (a loop too long to "
                                  f"read)", self.span(stmt))
            self.statement(stmt, env)

    def statement(self, stmt: ast.stmt, env: MutableMapping[str, Any]) -> None:
        if isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, env)
            for target in stmt.targets:
                self.assign(target, value, env)
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.assign(stmt.target, self.eval(stmt.value, env), env)
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            env[stmt.target.id] = self.binary(stmt.op, env.get(stmt.target.id), self.eval(stmt.value, env), stmt)
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Subscript):  # `args["filters"] *= 2`
            load = ast.copy_location(ast.Subscript(stmt.target.value, stmt.target.slice, ast.Load()), stmt.target)
            self.assign(stmt.target, self.binary(stmt.op, self.eval(load, env), self.eval(stmt.value, env), stmt), env)
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Attribute) and \
                isinstance(self.owner(stmt.target, env), _Instance):  # `self.channels *= 2`
            read = ast.copy_location(ast.Attribute(stmt.target.value, stmt.target.attr, ast.Load()), stmt.target)
            self.assign(stmt.target, self.binary(stmt.op, self.eval(read, env), self.eval(stmt.value, env), stmt), env)
        elif isinstance(stmt, ast.AugAssign):
            self.passed_over(stmt, env, "a value changed in place where cnncalc does not follow it", stmt.target)
        elif isinstance(stmt, ast.Expr):
            self.eval(stmt.value, env)
        elif isinstance(stmt, ast.FunctionDef):  # (its defaults worked out where it is defined, as Python does)
            arguments = stmt.args
            env[stmt.name] = _Function(stmt, env, [self.eval(d, env) for d in arguments.defaults],
                                       {k.arg: self.eval(d, env) for k, d in zip(arguments.kwonlyargs,
                                                                                 arguments.kw_defaults)
                                        if d is not None})
        elif isinstance(stmt, ast.Break):
            raise _Break
        elif isinstance(stmt, ast.Continue):
            raise _Continue
        elif isinstance(stmt, (ast.Global, ast.Nonlocal)):
            raise Unsupported("a function that changes names outside it (`global`, `nonlocal`)", self.span(stmt))
        elif isinstance(stmt, ast.Raise):
            raise Unsupported("the script raises an exception here, where cnncalc follows it", self.span(stmt))
        elif isinstance(stmt, ast.Return):
            raise _Return(self.eval(stmt.value, env) if stmt.value is not None else None)
        elif isinstance(stmt, ast.For):
            self.loop(stmt, env)
        elif isinstance(stmt, ast.If):
            test = self.eval(stmt.test, env)
            if isinstance(test, _UNDECIDED):
                self.passed_over(stmt, env, "a model built under a condition cnncalc cannot decide", stmt.test)
                return
            self.run(stmt.body if test else stmt.orelse, env)
        elif isinstance(stmt, ast.While):
            self.passed_over(stmt, env, "a model built in a `while` loop (cnncalc follows `for` loops)", stmt)
        elif isinstance(stmt, ast.ClassDef):
            self.define_class(stmt, env)
        elif isinstance(stmt, ast.With):
            self.run(stmt.body, env)  # (`with strategy.scope():`)
        elif isinstance(stmt, ast.Try):  # a `try` around the build: as if nothing failed
            self.run(stmt.body, env)
            self.run(stmt.orelse, env)
            self.run(stmt.finalbody, env)
        # imports, `while`, `del`, `assert`, `pass`: nothing a model needs

    def define_class(self, stmt: ast.ClassDef, env: MutableMapping[str, Any]) -> None:
        """`class Block(keras.layers.Layer)`, `class Net(keras.Model)` or a subclass of one the script defines: its
        body followed (methods, class attributes), kept to make objects of. Any other class: nothing a model needs."""
        bases = [env.get(b.id) if isinstance(b, ast.Name) and isinstance(env.get(b.id), _Class) else
                 self.dotted(b).split(".")[-1] for b in stmt.bases]
        base = next((b for b in bases if isinstance(b, _Class)), None)
        kind = base.kind if base is not None else next((b for b in bases if b in ("Model", "Layer")), None)
        if not isinstance(kind, str):
            return
        defined: dict[str, Any] = {}
        self.run(stmt.body, ChainMap(defined, env))
        for value in defined.values():
            if isinstance(value, _Function):
                value.scope = env  # (a method sees the names where its class is defined, not the class body's)
        env[stmt.name] = _Class(stmt, kind, base, defined)

    def passed_over(self, stmt: ast.stmt, env: MutableMapping[str, Any], why: str, where: ast.AST) -> None:
        """A statement cnncalc does not follow: Unsupported if it makes layers or models; else what it assigns is
        unknown from here (a value it may have changed is never taken as it was before)."""
        if self.builds(stmt):
            raise Unsupported(why, self.span(where))
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                env[node.id] = _Unknown(node.id)

    def builds(self, stmt: ast.stmt) -> bool:
        """Whether a statement calls anything that may make or change a model, a layer or a list of them (an `if`
        cnncalc cannot decide then matters): any call but printing, logging and a model's training."""
        return any((isinstance(n, ast.Call) and self.dotted(n.func).split(".")[-1] not in _HARMLESS) or
                   (isinstance(n, ast.Attribute) and n.attr == "trainable" and isinstance(n.ctx, ast.Store))
                   for n in ast.walk(stmt))

    def assign(self, target: ast.expr, value: Any, env: MutableMapping[str, Any]) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (list, tuple)) and len(value) == len(target.elts):
                for t, v in zip(target.elts, value):
                    self.assign(t, v, env)
            else:  # (unpacked from a value cnncalc does not know: each name unknown, never its value before)
                for t in target.elts:
                    self.assign(t, _Unknown("unpacked"), env)
        elif isinstance(target, ast.Attribute) and target.attr == "trainable":
            self.trainable(target, value, env)
        elif isinstance(target, ast.Attribute) and isinstance(owner := self.owner(target, env), _Instance):
            owner.attrs[target.attr] = value  # `self.conv1 = layers.Conv2D(32, 3)`
            if len(owner.attrs) > limits.MAX_NODES:
                raise Unsupported("an object with more attributes than cnncalc follows", self.span(target))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            values, index = env.get(target.value.id), self.eval(target.slice, env)
            if isinstance(values, list) and isinstance(index, int) and -len(values) <= index < len(values):
                values[index] = value  # `sizes[0] = 64`
            elif isinstance(values, dict) and isinstance(index, _KEYS):
                values[index] = value  # `args["filters_in"] = round_filters(args["filters_in"])`
                if len(values) > limits.MAX_NODES:
                    raise Unsupported("a dict larger than cnncalc follows", self.span(target))
            else:
                env[target.value.id] = _Unknown(target.value.id)
        # (an attribute set on anything else: not followed; a value read from one is unknown)

    def owner(self, node: ast.Attribute, env: MutableMapping[str, Any]) -> Any:
        """What `a.b` is an attribute of, where that is a name, or an attribute or item of one (`self`,
        `self.blocks[0]`); None where finding it would call anything."""
        if any(isinstance(n, ast.Call) for n in ast.walk(node.value)):
            return None
        return self.eval(node.value, env)

    def trainable(self, target: ast.Attribute, value: Any, env: MutableMapping[str, Any]) -> None:
        """`layer.trainable = False` (`model.trainable = …`, `model.layers[0].trainable = …`): its weights frozen or
        not, as Keras counts them; on something cnncalc cannot tell, refused (the split of trainable weights would
        be wrong)."""
        owner = self.eval(target.value, env)
        if not isinstance(value, bool):
            raise Unsupported("`trainable` set to a value cnncalc cannot work out", self.span(target))
        if not isinstance(owner, (_Layer, _Sequential, _Functional)):
            raise Unsupported("`trainable` set on something cnncalc cannot tell", self.span(target))
        self.set_trainable(owner, value)

    def set_trainable(self, part: _Part, value: bool, within: tuple[_Model, ...] = ()) -> None:
        """A layer's weights trained or not; a model's, every layer's in it (its nested models' too)."""
        if isinstance(part, _Layer):
            part.config["trainable"] = value
            return
        if part in within:
            raise Unsupported("a model that holds itself", part.span)
        if len(within) >= limits.MAX_DEPTH:
            raise Unsupported("models nested deeper than cnncalc follows", part.span)
        for inner in self.model_layers(part):
            self.set_trainable(inner, value, (*within, part))

    def nested(self, model: _Model) -> None:
        """A model entered (its configuration written, its layers frozen): never one inside itself, and nested at
        most MAX_DEPTH deep."""
        if model in self.configuring:
            raise Unsupported("a model that holds itself", model.span)
        if len(self.configuring) >= limits.MAX_DEPTH:
            raise Unsupported("models nested deeper than cnncalc follows", model.span)
        self.configuring.append(model)

    def model_layers(self, model: _Model) -> list[_Part]:
        """A model's layers as Keras lists them in `model.layers`, its input left out (a model used as a layer is
        one of them)."""
        if isinstance(model, _Sequential):
            return [layer for layer in model.layers if layer.kind != "InputLayer"]
        names = [n["name"] for n in self.config(model)["config"]["layers"] if n["class_name"] != "InputLayer"]
        return [self.made[name] for name in names]

    def loop(self, stmt: ast.For, env: MutableMapping[str, Any]) -> None:
        values = self.eval(stmt.iter, env)
        if not isinstance(values, (list, tuple)):
            self.passed_over(stmt, env, "a loop over values cnncalc cannot work out", stmt.iter)
            return
        for value in values:
            self.assign(stmt.target, value, env)
            try:
                self.run(stmt.body, env)
            except _Continue:
                continue
            except _Break:
                return
        self.run(stmt.orelse, env)  # (`for … else`: when no `break` ended it)

    # ---- expressions ---------------------------------------------------------------------------------

    def dotted(self, node: ast.AST) -> str:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            return f"{self.dotted(node.value)}.{node.attr}"
        return ""

    def eval(self, node: ast.expr, env: MutableMapping[str, Any]) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return env[node.id] if node.id in env else _Unknown(node.id)
        if isinstance(node, ast.Attribute):
            if node.attr == "shape" and isinstance(node.value, ast.Name) and \
                    isinstance(env.get(node.value.id), _Tensor):  # `x.shape[-1]`
                return _Shape(env[node.value.id])
            if node.attr == "layers" and isinstance(node.value, ast.Name) and \
                    isinstance(env.get(node.value.id), (_Sequential, _Functional)):  # `model.layers[:-2]`
                return self.model_layers(env[node.value.id])
            owner = self.owner(node, env)
            if isinstance(owner, _Instance):
                return self.attribute(owner, node)
            return _Unknown(self.dotted(node) or node.attr)
        if isinstance(node, (ast.Tuple, ast.List)):
            items = []
            for e in node.elts:  # (`(*image_size, 3)`: a list or tuple it knows, spread)
                if not isinstance(e, ast.Starred):
                    items.append(self.eval(e, env))
                    continue
                spread = self.eval(e.value, env)
                if not isinstance(spread, (list, tuple)):
                    return _Unknown("*")
                items.extend(spread)
            if len(items) > limits.MAX_NODES:
                raise Unsupported("a list longer than cnncalc follows", self.span(node))
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.Dict):
            return self.dictionary(node, env)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.DictComp)):
            return self.comprehension(node, env)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            value = self.eval(node.operand, env)
            return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else _Unknown("-")
        if isinstance(node, ast.BinOp):
            return self.binary(node.op, self.eval(node.left, env), self.eval(node.right, env), node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            value = self.eval(node.operand, env)
            return _Unknown("not") if not isinstance(value, (bool, int, float, str, type(None))) else not value
        if isinstance(node, ast.BoolOp):  # Python's: the operand that decides, evaluated as far as it is
            result = self.eval(node.values[0], env)
            for operand in node.values[1:]:
                if not isinstance(result, (bool, int, float, str, type(None), list, tuple)):
                    return _Unknown("and/or")
                if bool(result) != isinstance(node.op, ast.And):
                    return result
                result = self.eval(operand, env)
            return result
        if isinstance(node, ast.IfExp):  # `"same" if stride == 1 else "valid"`
            test = self.eval(node.test, env)
            if not isinstance(test, (bool, int, float, str, type(None), list, tuple)):
                return _Unknown("if")
            return self.eval(node.body if test else node.orelse, env)
        if isinstance(node, ast.Compare):  # `0 < se_ratio <= 1`: each pair in turn, as far as Python goes
            left = self.eval(node.left, env)
            for op, comparator in zip(node.ops, node.comparators):
                right = self.eval(comparator, env)
                result = self.compare(op, left, right)
                if isinstance(result, _Unknown) or not result:
                    return result
                left = right
            return result
        if isinstance(node, ast.Subscript):
            seq = self.eval(node.value, env)
            if isinstance(node.slice, ast.Slice) and isinstance(seq, _Shape):
                seq = self.sizes(seq.tensor, node)  # `inputs.shape[1:3]`: its height and width
            if isinstance(node.slice, ast.Slice) and isinstance(seq, (list, tuple)):
                bounds = [self.eval(b, env) if b is not None else None
                          for b in (node.slice.lower, node.slice.upper, node.slice.step)]
                whole = all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds)
                if whole and bounds[2] != 0:
                    return seq[slice(*bounds)]
                return _Unknown("[:]")
            index = self.eval(node.slice, env)
            if isinstance(seq, _Shape) and isinstance(index, int) and not isinstance(index, bool):
                seq = self.sizes(seq.tensor, node)
            if isinstance(seq, (list, tuple)) and isinstance(index, int) and -len(seq) <= index < len(seq):
                return seq[index]
            if isinstance(seq, dict) and isinstance(index, _KEYS) and index in seq:
                return seq[index]  # `args["repeats"]`
            return _Unknown("[]")
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.JoinedStr):
            return self.joined(node, env)
        return _Unknown(type(node).__name__)

    def dictionary(self, node: ast.Dict, env: MutableMapping[str, Any]) -> Any:
        """`{"kernel_size": 3, "repeats": 1, ...}` (EfficientNet's blocks' arguments), `{**base, "strides": 2}`:
        keys that are names or numbers; unknown otherwise."""
        made: dict[Any, Any] = {}
        for key, value in zip(node.keys, node.values):
            given = self.eval(value, env)
            if key is None:  # `**base`
                if not isinstance(given, dict):
                    return _Unknown("{**}")
                made.update(given)
                continue
            name = self.eval(key, env)
            if not isinstance(name, _KEYS):
                return _Unknown("{}")
            made[name] = given
        if len(made) > limits.MAX_NODES:
            raise Unsupported("a dict larger than cnncalc follows", self.span(node))
        return made

    def comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.DictComp,
                      env: MutableMapping[str, Any]) -> Any:
        """`[f(a) for a in values if …]`, the same as a generator (`sum(round_repeats(a["repeats"]) for a in
        blocks_args)`) or a dict: its loops over lists cnncalc knows, at most MAX_NODES values; unknown otherwise."""
        made: list[Any] = []
        own: dict[str, Any] = {}
        local: MutableMapping[str, Any] = ChainMap(own, env)  # (its names are its own, as Python 3's are)

        def loop(depth: int) -> bool:
            if depth == len(node.generators):
                made.append((self.eval(node.key, local), self.eval(node.value, local))
                            if isinstance(node, ast.DictComp) else self.eval(node.elt, local))
                if len(made) > limits.MAX_NODES:
                    raise Unsupported("a comprehension longer than cnncalc follows", self.span(node))
                return True
            generator = node.generators[depth]
            values = self.eval(generator.iter, local)
            if isinstance(values, dict):
                values = list(values)
            if not isinstance(values, (list, tuple)) or generator.is_async:
                return False
            for value in values:
                self.steps += 1  # (each pass counts as a statement followed: nested loops that keep nothing end too)
                if self.steps > limits.MAX_READER_STEPS:
                    raise Unsupported(f"more than {limits.MAX_READER_STEPS:,} steps to follow (a comprehension too "
                                      f"long to read)", self.span(node))
                self.assign(generator.target, value, own)
                tests = [self.eval(test, local) for test in generator.ifs]
                if any(isinstance(t, _Unknown) for t in tests):
                    return False
                if all(tests) and not loop(depth + 1):
                    return False
            return True

        if not loop(0):
            return _Unknown("comprehension")
        if isinstance(node, ast.DictComp):
            if not all(isinstance(k, _KEYS) for k, _ in made):
                return _Unknown("comprehension")
            return dict(made)
        return made

    def dict_method(self, values: dict[Any, Any], method: str, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        """A dict's methods: `pop` and `update` change it in place (EfficientNet's `args.pop("repeats")`), the rest
        read it; any other refused (a dict changed unseen would hold other arguments than cnncalc thinks)."""
        args = [self.eval(a, env) for a in node.args]
        if node.keywords or (method in ("pop", "get", "setdefault") and args and not isinstance(args[0], _KEYS)):
            raise Unsupported(f"the dict method `{method}` here (of a key that is no name or number)", self.span(node))
        if method in ("pop", "get") and len(args) in (1, 2):
            if args[0] in values:
                return values.pop(args[0]) if method == "pop" else values[args[0]]
            if len(args) == 2:
                return args[1]
            if method == "get":
                return None
            raise Unsupported(f"`{ast.unparse(node)[:60]}`: no such key (Python raises KeyError)", self.span(node))
        if method == "setdefault" and len(args) in (1, 2):
            return values.setdefault(args[0], args[1] if len(args) == 2 else None)
        if method == "update" and len(args) == 1 and isinstance(args[0], dict):
            values.update(args[0])
            return None
        if method in ("items", "keys", "values", "copy") and not args:
            return dict(values) if method == "copy" else list(getattr(values, method)())
        raise Unsupported(f"the dict method `{method}` here (cnncalc follows pop, get, setdefault, update, items, "
                          f"keys, values and copy)", self.span(node))

    def text(self, value: Any, node: ast.AST) -> Any:
        """A string the script makes (a layer's name, `f"block{i}_conv"`), at most MAX_SCRIPT_STRING_CHARS long."""
        if isinstance(value, str) and len(value) > limits.MAX_SCRIPT_STRING_CHARS:
            raise Unsupported(f"a string of more than {limits.MAX_SCRIPT_STRING_CHARS:,} characters", self.span(node))
        return value

    @staticmethod
    def formatted(pattern: str, values: Any, how: str) -> Any:
        """`"%s_%d" % (a, b)` or `"{}_{}".format(a, b)` of plain values; unknown otherwise."""
        given = values if isinstance(values, tuple) else (values,)
        if not all(isinstance(v, (str, int, float, bool)) or v is None for v in given):
            return _Unknown("format")
        try:
            return pattern % given if how == "%" else pattern.format(*given)
        except (TypeError, ValueError, IndexError, KeyError):
            return _Unknown("format")

    def joined(self, node: ast.JoinedStr, env: MutableMapping[str, Any]) -> Any:
        """An f-string of plain values (`f"conv{i}"`, `f"{name}_bn"`); unknown otherwise."""
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
                continue
            assert isinstance(value, ast.FormattedValue)
            given = self.eval(value.value, env)
            spec = self.joined(value.format_spec, env) if isinstance(value.format_spec, ast.JoinedStr) else ""
            if not (isinstance(given, (str, int, float, bool)) or given is None) or not isinstance(spec, str) or \
                    value.conversion not in (-1, ord("s"), ord("r")):
                return _Unknown("f-string")
            shown = repr(given) if value.conversion == ord("r") else given
            try:
                parts.append(format(shown, spec))
            except (TypeError, ValueError):
                return _Unknown("f-string")
        return self.text("".join(parts), node)

    @staticmethod
    def compare(op: ast.cmpop, left: Any, right: Any) -> Any:
        plain = (bool, int, float, str, type(None))
        if isinstance(op, (ast.Is, ast.IsNot)) and (left is None or right is None) and \
                not isinstance(left, _Unknown) and not isinstance(right, _Unknown):
            return (left is right) == isinstance(op, ast.Is)  # `if self.shortcut is not None:`
        if not isinstance(left, plain) or not isinstance(right, plain):
            return _Unknown("comparison")
        if isinstance(op, (ast.Eq, ast.Is)):
            return left == right
        if isinstance(op, (ast.NotEq, ast.IsNot)):
            return left != right
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
        if not numbers:
            return _Unknown("comparison")
        function = _COMPARISONS.get(type(op))
        return function(left, right) if function is not None else _Unknown("comparison")

    def binary(self, op: ast.operator, left: Any, right: Any, node: ast.AST) -> Any:
        if isinstance(left, _Tensor) or isinstance(right, _Tensor):
            return self.tensor_arithmetic(op, left, right, node)
        if isinstance(left, str) and isinstance(op, ast.Add) and isinstance(right, str):
            return self.text(left + right, node)  # `"block" + str(i)`
        if isinstance(left, str) and isinstance(op, ast.Mod):
            return self.text(self.formatted(left, right, "%"), node)  # `"conv%d" % i`
        if isinstance(op, ast.Add) and isinstance(left, (list, tuple)) and type(left) is type(right):
            if len(left) + len(right) > limits.MAX_NODES:
                raise Unsupported("a list longer than cnncalc follows", self.span(node))
            joined = [*left, *right]  # `[x] + skips`, `(1, 1) + (2,)`
            return joined if isinstance(left, list) else tuple(joined)
        if isinstance(op, ast.Mult) and isinstance(left, (list, tuple)) and isinstance(right, int) and \
                not isinstance(right, bool):  # `[(16, 1)] * 3`
            if len(left) * max(right, 0) > limits.MAX_NODES:
                raise Unsupported("a list longer than cnncalc follows", self.span(node))
            return left * right
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right)):
            return _Unknown("arithmetic")
        if isinstance(op, ast.Pow) and (abs(right) > 64 or abs(left) > 2**32):
            raise Unsupported("a power larger than cnncalc works out", self.span(node))
        function = _ARITHMETIC.get(type(op))
        if function is None or (isinstance(op, (ast.FloorDiv, ast.Div, ast.Mod)) and right == 0):
            return _Unknown("arithmetic")
        value = function(left, right)
        if isinstance(value, int) and abs(value) > 2**62:
            raise Unsupported("a number larger than cnncalc works out", self.span(node))
        return value

    def tensor_arithmetic(self, op: ast.operator, left: Any, right: Any, node: ast.AST) -> _Tensor:
        """`x + y` of two tensors: the merge Keras 3 makes of it (Add, Subtract, Multiply); `x / 255.0`, `x + 3.0`,
        `x * (1 / 6)` of a tensor and a number: the same number on every value, which keeps the shape and learns
        nothing (as the model reader reads Keras 3's operation: Identity, named as Keras names it, `true_divide`)."""
        weight = next((v for v in (left, right) if isinstance(v, _Weight)), None)
        if weight is not None:
            return self.scaled(op, left if weight is right else right, weight, node)
        kind = _TENSOR_ARITHMETIC.get(type(op))
        tensors = [v for v in (left, right) if isinstance(v, _Tensor)]
        numbers = [v for v in (left, right) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if kind is None or len(tensors) + len(numbers) != 2 or (kind == "TrueDivide" and not numbers):
            raise Unsupported(f"`{ast.unparse(node)[:60]}`: cnncalc follows +, - and * of two tensors of the model, "
                              f"and +, -, * and / of one and a number", self.span(node))
        layer = self.new_layer("Identity" if numbers else kind, {}, node, named_as=kind)
        return self.attached(layer, tensors, node)

    def scaled(self, op: ast.operator, x: Any, weight: _Weight, node: ast.AST) -> _Tensor:
        """`x * self.gamma` of a weight of one value per channel (shape `(C,)`, or 1s before it): the layer scale Keras'
        ConvNeXt has (`LayerScale`, a learnt gamma per channel), checked against x's channels where it is read; of one
        value (shape `()` or `(1,)`), one learnt number for the whole map."""
        if not isinstance(op, ast.Mult) or not isinstance(x, _Tensor) or any(d != 1 for d in weight.shape[:-1]):
            raise Unsupported(f"`{ast.unparse(node)[:60]}`: a weight made with add_weight, followed only as a scale "
                              f"per channel (`x * self.gamma`, gamma of shape (C,))", self.span(node))
        if weight.used:
            raise Unsupported(f"`{ast.unparse(node)[:60]}`: a weight made with add_weight used twice",
                              self.span(node))
        weight.used = True
        config: dict[str, Any] = {"projection_dim": weight.shape[-1] if weight.shape else 1}
        if not weight.trainable:
            config["trainable"] = False
        return self.attached(self.new_layer("LayerScale", config, node), [x], node)

    def call(self, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        func = node.func
        owner = self.eval(func.value, env) if isinstance(func, ast.Attribute) else None
        if isinstance(owner, (_Sequential, _Functional)) and isinstance(func, ast.Attribute) and func.attr != "add":
            return self.model_method(owner, func.attr, node, env)
        if isinstance(owner, (_Instance, _Super)) and isinstance(func, ast.Attribute):
            return self.method_call(owner, func.attr, node, env)
        if isinstance(func, ast.Name) and func.id == "super" and "super" not in env:
            return self.super_of(node, env)
        if isinstance(func, ast.Attribute) and func.attr == "add" and isinstance(owner, _Sequential):
            model = owner
            layer = self.eval(node.args[0], env) if len(node.args) == 1 else None
            if isinstance(layer, _Tensor) and layer.layer in self.nodes and \
                    self.nodes[layer.layer]["class_name"] == "InputLayer" and not model.layers:
                model.layers.append(_Layer("InputLayer", self.nodes.pop(layer.layer)["config"], self.span(node)))
            elif layer is model:
                raise Unsupported("a model added to itself", self.span(node))
            elif isinstance(layer, (_Layer, _Sequential, _Functional)):
                self.use(layer, node)
                model.layers.append(layer)
            elif isinstance(layer, _Instance):
                raise Unsupported(f"an object of the script's class `{layer.cls.node.name}` added to a Sequential "
                                  f"(cnncalc reads one in `keras.Sequential([keras.Input(...), ...])`, in the "
                                  f"functional API or in a subclassed model's `call`)", self.span(node))
            else:
                raise Unsupported("`add` of something other than a Keras layer or model", self.span(node))
            return None
        if isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(owner, str) and not node.keywords:
            return self.text(self.formatted(owner, tuple(self.eval(a, env) for a in node.args), "{}"), node)
        if isinstance(func, ast.Attribute) and isinstance(owner, list):  # `skips.append(x)`: changed in place
            return self.list_method(owner, func.attr, node, env)
        if isinstance(func, ast.Attribute) and isinstance(owner, dict):  # `args.pop("repeats")`
            return self.dict_method(owner, func.attr, node, env)
        callee = self.eval(func, env) if not isinstance(func, (ast.Name, ast.Attribute)) or \
            (isinstance(func, ast.Name) and func.id in env) else None
        if isinstance(callee, (_Layer, _Sequential, _Functional)):  # `Conv2D(32, 3)(x)`, `Add()([x, y])`, `base(x)`
            return self.applied(callee, node, env)
        if isinstance(callee, _Function):
            return self.function(callee, node, env)
        if isinstance(callee, _Class):  # `Block(64)`: its `__init__` run
            return self.instantiate(callee, node, env)
        if isinstance(callee, _Instance):  # `block(x)`: its `call` run
            return self.instance_call(callee, *self.call_arguments(node, env), node)
        name = self.dotted(func).split(".")[-1]
        if name == "int_shape" and len(node.args) == 1:  # `keras.backend.int_shape(x)`
            tensor = self.eval(node.args[0], env)
            return _Shape(tensor) if isinstance(tensor, _Tensor) else _Unknown(name)
        if name == "image_data_format" and not node.args and not node.keywords:
            # Keras' default, which keras.json may change on another machine: the applications' `bn_axis = 3 if
            # backend.image_data_format() == "channels_last" else 1`
            return "channels_last"
        if name in _BUILTINS:
            return self.builtin(name, node, env)
        if name in _PARAMETERS or name in TRAINING_ONLY:
            return self.layer(name, node, env)
        if name == "Sequential":
            return self.sequential(node, env)
        if name in ("Input", "InputLayer"):
            return self.input(node, env)
        if name in ("Model", "Functional"):
            return self.functional(node, env)
        if name in _MERGE_FUNCTIONS:  # `layers.add([x, y])`: the merge layer applied
            layer = self.layer(_MERGE_FUNCTIONS[name], node, env, skip=1)
            if not node.args:
                raise Malformed(f"`{name}` without its list of tensors", self.span(node))
            return self.applied(layer, ast.Call(func=node.func, args=[node.args[0]], keywords=[]), env, node)
        if re.fullmatch(r"[A-Z]\w*", name) and re.search(r"(?:2D|Pool\w*|Norm\w*|Conv\w*|LU)$", name):
            raise Unsupported(f"the Keras layer `{name}` (docs/notations.md lists the Keras layers cnncalc reads)",
                              self.span(node))
        values = [self.eval(a, env) for a in node.args]  # (`print(model.summary())`: what it calls is followed)
        if name in _EXAMPLE_ARRAYS:  # `tf.zeros((1, 28, 28, 1))`, `np.random.rand(1, 28, 28, 1)`
            given = next((self.eval(k.value, env) for k in node.keywords if k.arg in ("shape", "size")), None)
            shape = given if isinstance(given, (list, tuple)) else \
                values[0] if len(values) == 1 and isinstance(values[0], (list, tuple)) else values
            if shape and all(type(v) is int and 0 < v <= limits.MAX_SIZE for v in shape):
                return _Example(tuple(shape))
        if name in _TENSOR_FUNCTIONS and len(values) == 1 and isinstance(values[0], _Tensor):
            return self.tensor_function(_TENSOR_FUNCTIONS[name], values[0], node, env)
        if name in _BLOCK_MOVES and values and isinstance(values[0], _Tensor):
            return self.block_move(_BLOCK_MOVES[name], values, node, env)
        if name in _OP_CALLS and values and isinstance(values[0], _Tensor) and \
                "ops" in self.dotted(func).split(".")[:-1]:
            return self.operation(name, values, node, env)
        if name == "split" and values and isinstance(values[0], _Tensor) and "ops" in self.dotted(func).split(".")[:-1]:
            return self.split(values, node, env)
        if any(isinstance(v, _Tensor) or (isinstance(v, (list, tuple)) and any(isinstance(t, _Tensor) for t in v))
               for v in values):
            raise Unsupported(f"`{self.dotted(func) or name}` applied to a tensor of the model: cnncalc does not know "
                              f"what it computes (a keras.applications model is read from the `.keras` file "
                              f"`model.save` writes)", self.span(node))
        return _Unknown(name)

    def block_move(self, kind: str, values: list[Any], node: ast.Call, env: MutableMapping[str, Any]) -> _Tensor:
        """`keras.ops.depth_to_space(x, 2)`, `tf.nn.space_to_depth(x, block_size=2)`: Keras 3's operation of that name
        with its block size."""
        given = {k.arg: self.value(k.value, env, k.arg) for k in node.keywords if k.arg is not None}
        if len(values) > 2 or any(k.arg not in ("block_size", "data_format") for k in node.keywords):
            raise Unsupported(f"`{self.dotted(node.func)}` with other arguments than the tensor, block_size and "
                              f"data_format", self.span(node))
        config = {"block_size": values[1] if len(values) == 2 else given.get("block_size"),
                  "data_format": given.get("data_format", "channels_last")}
        return self.attached(self.new_layer(kind, config, node), [values[0]], node)

    def operation(self, function: str, values: list[Any], node: ast.Call, env: MutableMapping[str, Any]) -> _Tensor:
        """`keras.ops.image.resize(x, (64, 64))`, `keras.ops.pad(x, …)`, `clip`, `reshape`, `max_pool`,
        `average_pool`: the operation Keras 3 saves, its config its parameters (positions matched in Keras' order,
        its defaults where not given, data_format None as Keras' default, channels_last), read as a saved model's."""
        kind, module, parameters = _OP_CALLS[function]
        names = [parameter for parameter, _ in parameters]
        if len(values) - 1 > len(names) or any(k.arg not in names for k in node.keywords):
            raise Unsupported(f"`{self.dotted(node.func)}` with other arguments than the tensor and "
                              f"{', '.join(names)}", self.span(node))
        config = dict(parameters)
        config.update({key: _json_like(v, node.args[i + 1], key, self.span(node.args[i + 1]))
                       for i, (key, v) in enumerate(zip(names, values[1:]))})
        config.update({k.arg: self.value(k.value, env, k.arg) for k in node.keywords if k.arg is not None})
        if "data_format" in config and config["data_format"] is None:
            config["data_format"] = "channels_last"  # (Keras' own, which keras.json may change on another machine)
        tensor = self.attached(self.new_layer(kind, config, node), [values[0]], node)
        self.nodes[tensor.layer]["module"] = f"keras.src.ops.{module}"  # (an operation, as Keras saves it)
        return tensor

    def split(self, values: list[Any], node: ast.Call, env: MutableMapping[str, Any]) -> list[_Tensor]:
        """`keras.ops.split(x, 2, axis=-1)`: Keras 3's Split operation (its axis 0 unless given, as Keras'), and its
        parts, as many as it makes: n, or one more than the indices listed; each an output of its own."""
        names = ["indices_or_sections", "axis"]
        if len(values) > 3 or any(k.arg not in names for k in node.keywords):
            raise Unsupported(f"`{self.dotted(node.func)}` with other arguments than the tensor, indices_or_sections "
                              f"and axis", self.span(node))
        config: dict[str, Any] = {"indices_or_sections": None, "axis": 0}
        config.update({key: _json_like(v, node.args[i + 1], key, self.span(node.args[i + 1]))
                       for i, (key, v) in enumerate(zip(names, values[1:]))})
        config.update({k.arg: self.value(k.value, env, k.arg) for k in node.keywords if k.arg is not None})
        sections = config["indices_or_sections"]
        count = sections if type(sections) is int else len(sections) + 1 if isinstance(sections, list) else 0
        if not 1 <= count <= limits.MAX_BRANCHES:
            raise Unsupported(f"`{ast.unparse(node)[:60]}`: cnncalc follows a split into a number of parts or at a "
                              f"list of indices", self.span(node))
        tensor = self.attached(self.new_layer("Split", config, node), [values[0]], node)
        self.nodes[tensor.layer]["module"] = "keras.src.ops.numpy"  # (an operation, as Keras saves it)
        return [_Tensor(tensor.layer, tensor.index, k) for k in range(count)]

    def tensor_function(self, kind: str, tensor: _Tensor, node: ast.Call, env: MutableMapping[str, Any]) -> _Tensor:
        """An activation, or a mean or max (`axis`, `keepdims`), of one tensor as Keras 3's operation of that name."""
        given = {k.arg: self.value(k.value, env, k.arg) for k in node.keywords if k.arg is not None}
        allowed = ("axis", "keepdims") if kind in ("Mean", "Max") else ()
        if any(k.arg is None or k.arg not in allowed for k in node.keywords):
            raise Unsupported(f"`{self.dotted(node.func)}` with {', '.join(str(k.arg) for k in node.keywords)} "
                              f"(cnncalc follows the activation alone, a mean or max with axis and keepdims)",
                              self.span(node))
        return self.attached(self.new_layer(kind, given, node), [tensor], node)

    def model_method(self, model: _Sequential | _Functional, method: str, node: ast.Call,
                     env: MutableMapping[str, Any]) -> Any:
        """A model's method: `pop` (a Sequential's last layer off) and `build` (its input's shape) change it; showing,
        training and saving it do not; any other is refused."""
        args = [self.eval(a, env) for a in node.args]
        given = {k.arg: self.eval(k.value, env) for k in node.keywords if k.arg is not None}
        if method == "pop" and isinstance(model, _Sequential) and not args and \
                [layer for layer in model.layers if layer.kind != "InputLayer"]:
            model.layers.pop()
            return None
        if method == "build" and isinstance(model, _Sequential):
            shape = args[0] if args else given.get("input_shape")
            if not isinstance(shape, (list, tuple)) or any(layer.kind == "InputLayer" for layer in model.layers):
                raise Unsupported("`build` without an input shape cnncalc can read, or on a model with its input",
                                  self.span(node))
            model.layers.insert(0, _Layer("InputLayer", {"batch_input_shape": [*shape], "name": self.named(
                "InputLayer", {})}, self.span(node)))
            return None
        if method in _HARMLESS or method in ("get_layer", "to_json", "get_config"):
            return _Unknown(method)
        raise Unsupported(f"the model's method `{method}` (cnncalc follows add, pop and build)", self.span(node))

    def list_method(self, values: list[Any], method: str, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        """A list's method that changes it, followed; any other refused (a list the script changes unseen would
        hold other layers than cnncalc thinks)."""
        args = [self.eval(a, env) for a in node.args]
        if method == "append" and len(args) == 1:
            values.append(args[0])
        elif method == "extend" and len(args) == 1 and isinstance(args[0], (list, tuple)):
            values.extend(args[0])
        elif method == "insert" and len(args) == 2 and isinstance(args[0], int):
            values.insert(args[0], args[1])
        elif method == "pop" and len(args) <= 1 and values and all(isinstance(a, int) for a in args):
            return values.pop(*args)
        elif method in ("copy", "count", "index") and not node.keywords:
            return list(values) if method == "copy" else _Unknown(method)
        else:
            raise Unsupported(f"the list method `{method}` here (cnncalc follows append, extend, insert and pop)",
                              self.span(node))
        if len(values) > limits.MAX_NODES:
            raise Unsupported("a list longer than cnncalc follows", self.span(node))
        return None

    def builtin(self, name: str, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        args = [self.eval(a, env) for a in node.args]
        if name == "range" and 1 <= len(args) <= 3 and all(isinstance(a, int) and not isinstance(a, bool)
                                                             for a in args):
            values = range(*args)
            try:
                steps = f"{len(values):,}" if len(values) > limits.MAX_NODES else ""
            except OverflowError:  # (Python's own `len` fails past a machine word)
                steps = "more than 2^63"
            if steps:
                raise Unsupported(f"a loop of {steps} steps, more than cnncalc follows", self.span(node))
            return list(values)
        if name in ("list", "tuple", "reversed") and len(args) == 1 and isinstance(args[0], (list, tuple)):
            return list(reversed(args[0])) if name == "reversed" else list(args[0])
        if name == "enumerate" and len(args) == 1 and isinstance(args[0], (list, tuple)):
            return list(enumerate(args[0]))
        if name == "zip" and args and all(isinstance(a, (list, tuple)) for a in args):
            return list(zip(*args))
        if name == "len" and len(args) == 1 and isinstance(args[0], (list, tuple)):
            return len(args[0])
        if name == "int" and len(args) == 1 and isinstance(args[0], (int, float)) and not isinstance(args[0], bool):
            return int(args[0]) if math.isfinite(args[0]) else _Unknown(name)  # (Python raises on inf and nan)
        if name == "str" and len(args) == 1 and isinstance(args[0], (str, int, float, bool)):
            return self.text(str(args[0]), node)
        numbers = all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in args)
        if name in ("min", "max") and len(args) >= 2 and numbers:
            return min(args) if name == "min" else max(args)
        if name in ("min", "max", "sum", "sorted", "any", "all") and len(args) == 1 and \
                isinstance(args[0], (list, tuple)) and all(isinstance(a, _PLAIN) for a in args[0]) and \
                (name in ("any", "all") or all(isinstance(a, (int, float)) for a in args[0])) and not node.keywords:
            try:  # `sum(round_repeats(a["repeats"]) for a in blocks_args)`
                return _REDUCTIONS[name](args[0])
            except (ValueError, TypeError):  # (the max of nothing: Python raises)
                return _Unknown(name)
        if name in _NUMERIC and len(args) in (1, 2) and numbers and \
                (len(args) == 1 or (name == "round" and type(args[1]) is int and abs(args[1]) <= _ROUNDED_DIGITS) or
                 (name == "log" and 0 < args[1] != 1)) \
                and not (name == "sqrt" and args[0] < 0) and not (name in ("log", "log2") and args[0] <= 0):
            # (`math.log(c, 2)`: ECA-Net's filter length from the channels)
            try:
                return _NUMERIC[name](*args)
            except (OverflowError, ValueError):
                return _Unknown(name)
        if name == "chr" and len(args) == 1 and isinstance(args[0], int) and 0 <= args[0] < 0x110000:
            return chr(args[0])  # `"block{}{}_".format(i + 1, chr(j + 97))`
        if name in ("copy", "deepcopy") and len(args) == 1:
            copied = _plain_copy(args[0]) if name == "deepcopy" else \
                list(args[0]) if isinstance(args[0], list) else dict(args[0]) if isinstance(args[0], dict) else None
            return copied if copied is not None else _Unknown(name)
        if name == "dict" and len(args) <= 1 and (not args or isinstance(args[0], dict)):
            made = dict(args[0]) if args else {}
            made.update({k.arg: self.eval(k.value, env) for k in node.keywords if k.arg is not None})
            return made
        if name == "isinstance" and len(node.args) == 2:  # `isinstance(kernel_size, int)` (Keras' `correct_pad`)
            kinds = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
            types = [PYTHON_TYPES.get(self.dotted(k)) for k in kinds]
            if all(types) and type(args[0]) in (*PYTHON_TYPES.values(), type(None)):  # (a value of the script's)
                return isinstance(args[0], tuple(t for t in types if t is not None))
            if isinstance(args[0], (_Layer, _Instance, _Sequential, _Functional)):
                answers = [self.is_instance(args[0], k, env) for k in kinds]
                return True if True in answers else False if all(a is False for a in answers) else _Unknown(name)
        return _Unknown(name)

    def is_instance(self, value: _Part | _Instance, kind: ast.expr, env: MutableMapping[str, Any]) -> bool | None:
        """`isinstance(op, layers.BatchNormalization)` of a layer, model or object of the script's class: as Keras'
        classes answer it; None where Keras' versions differ (Keras 2's Conv2DTranspose subclasses Conv2D, Keras 3's
        does not) or the class is not one cnncalc knows."""
        cls = env.get(kind.id) if isinstance(kind, ast.Name) else None
        if isinstance(cls, _Class):
            if not isinstance(value, _Instance):
                return False
            mine: _Class | None = value.cls
            while mine is not None and mine is not cls:
                mine = mine.base
            return mine is cls
        name = self.dotted(kind).split(".")[-1]
        name = _ALIASES.get(name, name)
        if name == "Layer":
            return True
        if name == "Model":
            return not isinstance(value, _Layer) and (not isinstance(value, _Instance) or value.cls.kind == "Model")
        if isinstance(value, (_Layer, _Sequential, _Functional)) and _ALIASES.get(value.kind, value.kind) == name:
            return True
        if isinstance(value, _Layer) and name == "Conv2D" and value.kind in _CONV_SUBCLASSES:
            return None
        return False if name in _PARAMETERS or name in TRAINING_ONLY or name in ("Sequential", "Functional") else None

    def function(self, callee: _Function, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        """A function of the script called: its body followed with its parameters bound (`def block(x, filters):`)."""
        return self.invoke(callee, *self.call_arguments(node, env), node)

    def invoke(self, callee: _Function, args: list[Any], keywords: dict[str, Any], node: ast.AST,
               method: tuple[_Instance, _Class] | None = None) -> Any:
        """A function's body followed with its parameters bound to arguments worked out; `method`: the instance it
        is called on (its first parameter, `self`) and the class that defines it (where `super()` looks next)."""
        self.depth += 1
        if self.depth > limits.MAX_DEPTH:
            raise Unsupported("functions called inside each other deeper than cnncalc follows", self.span(node))
        definition = callee.node.args
        own: dict[str, Any] = {}
        local: MutableMapping[str, Any] = ChainMap(own, callee.scope)  # its own names, then where it is defined
        params = [a.arg for a in definition.posonlyargs + definition.args]
        for param, default in zip(params[len(params) - len(callee.defaults):], callee.defaults):
            local[param] = default
        local.update(callee.keyword_defaults)
        if method is not None:
            own[_METHOD] = method
            args = [method[0], *args]
        name = callee.node.name
        if len(args) > len(params) and definition.vararg is None:
            raise Unsupported(f"`{name}` given {len(args)} arguments by position, which Python refuses",
                              self.span(node))
        local.update(zip(params, args))
        if definition.vararg is not None:
            local[definition.vararg.arg] = tuple(args[len(params):])
        by_name = set(params[len(definition.posonlyargs):]) | {a.arg for a in definition.kwonlyargs}
        extra: dict[str, Any] = {}
        for key, value in keywords.items():
            if key in params[:len(args)]:
                raise Unsupported(f"`{name}` given `{key}` by position and by name, which Python refuses",
                                  self.span(node))
            if key in by_name:
                local[key] = value
            elif definition.kwarg is not None:
                extra[key] = value  # (`**kwargs`: a dict, as Python makes it)
            else:
                raise Unsupported(f"`{name}` given `{key}`, which it does not take (Python refuses it)",
                                  self.span(node))
        if definition.kwarg is not None:
            local[definition.kwarg.arg] = extra
        missing = [p for p in params + [a.arg for a in definition.kwonlyargs] if p not in own]
        if missing:  # (Python refuses the call; its body would read another value of that name)
            raise Unsupported(f"`{callee.node.name}` called without `{missing[0]}`", self.span(node))
        try:
            self.run(callee.node.body, local)
            value = None
        except _Return as r:
            value = r.value
        self.depth -= 1
        return value

    def call_arguments(self, node: ast.Call, env: MutableMapping[str, Any]) -> tuple[list[Any], dict[str, Any]]:
        """A call's arguments by position and by name, `*values` and `**values` spread where cnncalc knows them
        (EfficientNet's `block(x, ..., **args)`)."""
        args: list[Any] = []
        for arg in node.args:
            if not isinstance(arg, ast.Starred):
                args.append(self.eval(arg, env))
                continue
            spread = self.eval(arg.value, env)
            if not isinstance(spread, (list, tuple)):
                raise Unsupported("a call with `*` of values cnncalc cannot work out", self.span(arg))
            args.extend(spread)
        keywords: dict[str, Any] = {}
        for keyword in node.keywords:
            given = {keyword.arg: self.eval(keyword.value, env)} if keyword.arg is not None else \
                self.eval(keyword.value, env)
            if not isinstance(given, dict) or not all(isinstance(k, str) for k in given):
                raise Unsupported("a call with `**` of values cnncalc cannot work out", self.span(keyword.value))
            for key, value in given.items():
                if key in keywords:
                    raise Unsupported(f"`{key}` given twice, which Python refuses", self.span(keyword.value))
                keywords[key] = value
        return args, keywords

    # ---- layers and models ---------------------------------------------------------------------------

    def arguments(self, kind: str, node: ast.Call, env: MutableMapping[str, Any], skip: int = 0) -> dict[str, Any]:
        """A layer's configuration from its call: positions matched to Keras' parameters, keywords by name; only
        what cnncalc reads is worked out (an initializer may be anything)."""
        names = _PARAMETERS.get(kind, ())
        args = node.args[skip:]
        if kind in TRAINING_ONLY:  # (an augmentation's or noise's arguments change nothing at inference)
            return {key: self.value(k.value, env, key) for k in node.keywords if (key := k.arg) == "name"}
        if len(args) > len(names):
            raise Unsupported(f"`{kind}` with {len(args)} arguments by position (Keras' {kind} takes "
                              f"{', '.join(names) or 'none'} so)", self.span(node))
        given: list[tuple[str, ast.expr]] = list(zip(names, args))
        for keyword in node.keywords:
            if keyword.arg is None:  # `Conv2D(**conv_args)` of a dict the script made
                spread = self.eval(keyword.value, env)
                if not isinstance(spread, dict) or not all(isinstance(k, str) for k in spread) or \
                        not all(_plain_copy(v) is not None or v is None for k, v in spread.items() if k in _READ):
                    raise Unsupported(f"`{kind}(**...)`: arguments cnncalc cannot see", self.span(keyword.value))
                pairs: list[tuple[str, ast.expr]] = [(k, ast.copy_location(ast.Constant(v), keyword.value))
                                                     for k, v in spread.items()]
            else:
                pairs = [(keyword.arg, keyword.value)]
            for key, value in pairs:
                given.append(("negative_slope" if kind == "LeakyReLU" and key == "alpha" else key, value))
        config: dict[str, Any] = {}
        for key, expr in given:
            if key not in _READ:
                continue
            value = self.value(expr, env, key)
            config[key] = value
        return config

    def value(self, expr: ast.expr, env: MutableMapping[str, Any], key: str) -> Any:
        """A configuration value as JSON holds it (tuples as lists); an activation given as a function by its
        name (`activation=tf.nn.relu`)."""
        if key == "activation" and isinstance(expr, (ast.Name, ast.Attribute)) and \
                not (isinstance(expr, ast.Name) and expr.id in env):
            return self.dotted(expr).split(".")[-1]
        return _json_like(self.eval(expr, env), expr, key, self.span(expr))

    def named(self, kind: str, config: dict[str, Any]) -> str:
        """The layer's name: its own, or Keras' (`Conv2D` -> `conv2d`, then `conv2d_1`, …)."""
        given = config.get("name")
        if isinstance(given, str) and given:
            if given in self.spans:
                raise Malformed(f"two layers named `{given}`", Span(0, 1))
            return given
        # (Keras' own rule: `MaxPooling2D` is `max_pooling2d`; its aliases are named as the layer they stand for)
        kind = _ALIASES.get(kind, kind)
        stem = re.sub(r"([a-z])([A-Z])", r"\1_\2", re.sub(r"(.)([A-Z][a-z0-9]+)", r"\1_\2", kind)).lower()
        while True:
            count = self.names.get(stem, 0)
            self.names[stem] = count + 1
            name = stem if count == 0 else f"{stem}_{count}"
            if name not in self.spans:
                return name

    def layer(self, kind: str, node: ast.Call, env: MutableMapping[str, Any], skip: int = 0) -> _Layer:
        return self.new_layer(kind, self.arguments(kind, node, env, skip), node)

    def new_layer(self, kind: str, config: dict[str, Any], node: ast.AST, named_as: str | None = None) -> _Layer:
        """A layer the script makes, named as Keras names it (`named_as`: an operation's, when it is read as
        another layer)."""
        self.layers += 1
        if self.layers > limits.MAX_NODES:
            raise Unsupported("more layers than cnncalc reads", self.span(node))
        config["name"] = self.named(named_as or kind, config)
        layer = _Layer(kind, config, self.span(node))
        self.spans[config["name"]] = layer.span
        self.made[config["name"]] = layer
        return layer

    def use(self, part: _Part, node: ast.AST, applied: bool = False) -> None:
        """A layer, or a model, placed in another model. A layer `applied` to tensors again shares its weights (a
        second inbound node, read as `shares`); a model, once (the spec language has one input: Siamese twins are no
        network of it), and a layer placed in a Sequential, once."""
        again = applied and isinstance(part, _Layer) and self.made.get(part.config["name"]) is part and \
            part.config["name"] in self.nodes
        if part.applied and not again:
            what = f"the layer `{part.config['name']}`" if isinstance(part, _Layer) else f"the model `{part.name}`"
            raise Unsupported(f"{what} used twice (shared weights)", self.span(node))
        part.applied = True
        if not isinstance(part, _Layer):  # (named as Keras names it, when it is placed; placed where it is made)
            part.name = part.name or self.named(part.kind, {})
            self.spans.setdefault(part.name, part.span)

    def applied(self, layer: _Part, node: ast.Call, env: MutableMapping[str, Any],
                at: ast.AST | None = None) -> _Tensor:
        """A layer applied to a tensor, or a merge layer to a list of them, or a model used as a layer (`base(x)`):
        a node of the functional graph."""
        where = at or node
        if len(node.args) != 1 or any(k.arg not in ("training", "mask") for k in node.keywords):
            raise Unsupported("a layer applied to anything but one tensor or a list of them", self.span(where))
        given = self.eval(node.args[0], env)
        tensors = list(given) if isinstance(given, (list, tuple)) else [given]
        if not tensors or not all(isinstance(t, _Tensor) for t in tensors):
            raise Unsupported("a layer applied to something that is not a tensor of the model", self.span(where))
        return self.attached(layer, tensors, where)

    def attached(self, layer: _Part, tensors: list[_Tensor], where: ast.AST) -> _Tensor:
        """The node of the functional graph that applies `layer` to `tensors`."""
        self.use(layer, where, applied=True)
        name = layer.config["name"] if isinstance(layer, _Layer) else layer.name
        assert name is not None
        inbound = [[t.layer, t.index, t.output, {}] for t in tensors]
        if name in self.nodes and self.made.get(name) is layer:  # applied again: the same weights, another node
            self.nodes[name]["inbound_nodes"].append(inbound)
            application = len(self.nodes[name]["inbound_nodes"]) - 1
            self.spans[name, application] = self.span(where)
            return _Tensor(name, application)
        self.made[name] = layer
        self.node(name, {"class_name": layer.kind, "name": name, "inbound_nodes": [inbound]})
        return _Tensor(name)

    def node(self, name: str, entry: dict[str, Any]) -> None:
        """A node of the functional graph, after those made before it."""
        self.nodes[name] = entry
        self.order[name] = len(self.order)

    def input(self, node: ast.Call, env: MutableMapping[str, Any]) -> _Tensor:
        """`Input(shape=(224, 224, 3))` (`keras.Input((28, 28, 1))`, `InputLayer(input_shape=...)`)."""
        config = self.arguments("Input", ast.Call(func=node.func, args=[], keywords=node.keywords), env)
        shape = config.get("shape", config.get("input_shape"))
        if node.args:
            shape = self.value(node.args[0], env, "shape")
        batch = config.get("batch_input_shape")
        if batch is None:
            if not isinstance(shape, list):
                raise Unsupported("an Input without its shape", self.span(node))
            batch = [config.get("batch_size"), *shape]
        name = self.named("InputLayer" if "name" not in config else "Input", config)
        self.spans[name] = self.span(node)
        self.node(name, {"class_name": "InputLayer", "name": name, "inbound_nodes": [],
                         "config": {"batch_input_shape": batch, "name": name}})
        return _Tensor(name)

    def sequential(self, node: ast.Call, env: MutableMapping[str, Any]) -> _Sequential | _Functional:
        name = None
        for keyword in node.keywords:
            if keyword.arg == "name":
                name = self.value(keyword.value, env, "name")
        model = _Sequential(name if isinstance(name, str) else None, self.span(node))
        given = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "layers"), None)
        layers = self.eval(given, env) if given is not None else []
        if not isinstance(layers, (list, tuple)):
            raise Unsupported("a Sequential of something other than a list of layers", self.span(node))
        if any(isinstance(layer, _Instance) for layer in layers):
            return self.sequential_of_objects(list(layers), model.name, node)
        for layer in layers:
            if isinstance(layer, _Tensor) and layer.layer in self.nodes and not model.layers and \
                    self.nodes[layer.layer]["class_name"] == "InputLayer":
                model.layers.append(_Layer("InputLayer", self.nodes.pop(layer.layer)["config"], model.span))
                continue
            if isinstance(layer, _Instance):
                raise Unsupported(self.in_sequential(layer), self.span(node))
            if not isinstance(layer, (_Layer, _Sequential, _Functional)):
                raise Unsupported("a Sequential holding something other than Keras layers and models",
                                  self.span(node))
            self.use(layer, node)
            model.layers.append(layer)
        self.models.append(model)
        return model

    def sequential_of_objects(self, layers: list[Any], name: str | None, node: ast.Call) -> _Functional:
        """A Sequential holding objects of the script's classes, after its `keras.Input`: each applied to the one
        before's output, as Keras builds it (each object's `build`, then its `call`) — the functional model of it."""
        first = layers[0] if layers else None
        if not isinstance(first, _Tensor) or self.nodes.get(first.layer, {}).get("class_name") != "InputLayer":
            instance = next(layer for layer in layers if isinstance(layer, _Instance))
            raise Unsupported(self.in_sequential(instance), self.span(node))
        x: Any = first
        for layer in layers[1:]:
            if isinstance(layer, _Instance):
                x = self.instance_call(layer, [x], {}, node)
            elif isinstance(layer, (_Layer, _Sequential, _Functional)):
                x = self.attached(layer, [x], node)
            else:
                raise Unsupported("a Sequential holding something other than Keras layers and models", self.span(node))
            if not isinstance(x, _Tensor):
                raise Unsupported("a Sequential whose layer gives something other than one tensor", self.span(node))
        return self.functional_model([first], [x], name or self.named("Sequential", {}), node)

    @staticmethod
    def in_sequential(instance: _Instance) -> str:
        return (f"an object of the script's class `{instance.cls.node.name}` in a Sequential without a `keras.Input` "
                f"first (cnncalc builds such a Sequential on its input, as Keras does)")

    def functional(self, node: ast.Call, env: MutableMapping[str, Any]) -> _Functional:
        given = dict(zip(("inputs", "outputs"), node.args))
        given.update({k.arg: k.value for k in node.keywords if k.arg in ("inputs", "outputs", "name")})
        if "inputs" not in given or "outputs" not in given:
            raise Unsupported("a Model without its inputs and outputs", self.span(node))
        name = self.value(given["name"], env, "name") if "name" in given else None
        return self.functional_model(self.eval(given["inputs"], env), self.eval(given["outputs"], env),
                                     name, node, {key: given[key] for key in ("inputs", "outputs")})

    def functional_model(self, inputs: Any, outputs: Any, name: Any, node: ast.AST,
                         where: dict[str, ast.AST] | None = None) -> _Functional:
        """The functional model of those inputs and outputs (`keras.Model(inputs, outputs)`, or a subclass's
        `super().__init__(inputs, outputs)`); `where`, each argument's place, to point at a wrong one."""
        tensors = []
        for key, value in (("inputs", inputs), ("outputs", outputs)):
            value = list(value) if isinstance(value, (list, tuple)) else [value]
            if not value or not all(isinstance(t, _Tensor) for t in value):
                raise Unsupported(f"a Model whose {key} are not tensors the script makes",
                                  self.span((where or {}).get(key, node)))
            tensors.append(value)
        model = _Functional(tensors[0], tensors[1], name if isinstance(name, str) and name else None,
                            self.span(node))
        self.models.append(model)
        return model

    # ---- the script's own layer and model classes ----------------------------------------------------

    def instantiate(self, cls: _Class, node: ast.Call, env: MutableMapping[str, Any]) -> _Instance:
        """`Block(64)`, `MyModel()`: an object of the script's class, its `__init__` run (Keras' own, that of
        keras.Model or Layer, takes its name)."""
        instance = _Instance(cls, node)
        args, keywords = self.call_arguments(node, env)
        found = cls.lookup("__init__")
        if found is not None and isinstance(found[0], _Function):
            self.method(found, instance, args, keywords, node)
        else:
            self.keras_init(instance, args, keywords, node)
        if cls.kind == "Model":
            instance.after = len(self.models)
            self.unbuilt.append(instance)
        return instance

    def super_of(self, node: ast.Call, env: MutableMapping[str, Any]) -> _Super:
        """`super()` in a method, or `super(Block, self)`."""
        args = [self.eval(a, env) for a in node.args]
        if not args and isinstance(env.get(_METHOD), tuple):
            instance, cls = env[_METHOD]
            return _Super(instance, cls.base)
        if len(args) == 2 and isinstance(args[0], _Class) and isinstance(args[1], _Instance):
            return _Super(args[1], args[0].base)
        raise Unsupported("`super(...)` outside a method of the script's Keras classes", self.span(node))

    def attribute(self, instance: _Instance, node: ast.Attribute) -> Any:
        """`self.conv1`: what the instance holds, else what its class defines (a property run); a method not
        called, unknown."""
        if node.attr in instance.attrs:
            return instance.attrs[node.attr]
        found = instance.cls.lookup(node.attr)
        if found is None:
            return _Unknown(node.attr)
        value, _ = found
        if isinstance(value, _Function):
            if any(self.dotted(d) == "property" for d in value.node.decorator_list):
                return self.method(found, instance, [], {}, node)
            return _Unknown(node.attr)
        return value

    def method(self, found: tuple[Any, _Class], instance: _Instance, args: list[Any], keywords: dict[str, Any],
               node: ast.AST) -> Any:
        """A method of the script's class run on `instance` (a static method, without it)."""
        function, defined_in = found
        if any(self.dotted(d) == "staticmethod" for d in function.node.decorator_list):
            return self.invoke(function, args, keywords, node)
        return self.invoke(function, args, keywords, node, (instance, defined_in))

    def method_call(self, owner: _Instance | _Super, attr: str, node: ast.Call, env: MutableMapping[str, Any]) -> Any:
        """`self.conv1(x)` (a layer it holds, applied), `self.stage(x)` (a method of its class), `model.build(shape)`,
        `super().__init__(**kwargs)`; Keras' methods that change no model (`summary`, `fit`), passed over."""
        instance = owner.instance if isinstance(owner, _Super) else owner
        defined = owner.cls.lookup(attr) if isinstance(owner, _Instance) and attr not in owner.attrs else None
        if isinstance(owner, _Instance) and (attr in owner.attrs or (defined is not None and
                                                                     not isinstance(defined[0], _Function))):
            held = owner.attrs[attr] if attr in owner.attrs else defined[0] if defined is not None else None
            if isinstance(held, (_Layer, _Sequential, _Functional)):
                return self.applied(held, node, env)
            if isinstance(held, _Instance):
                return self.instance_call(held, *self.call_arguments(node, env), node)
            if isinstance(held, _Function):
                return self.function(held, node, env)
            raise Unsupported(f"`{ast.unparse(node.func)[:60]}` called: cnncalc does not know what it is",
                              self.span(node))
        if isinstance(owner, _Instance) and attr == "build":
            return self.build_model(owner, node, env)
        found = owner.after.lookup(attr) if isinstance(owner, _Super) and owner.after is not None else \
            owner.cls.lookup(attr) if isinstance(owner, _Instance) else None
        if found is not None and isinstance(found[0], _Function):
            return self.method(found, instance, *self.call_arguments(node, env), node)
        if attr == "__init__" and isinstance(owner, _Super):
            return self.keras_init(instance, *self.call_arguments(node, env), node)
        if attr == "add_weight":
            return self.own_weight(node, env)
        if attr in _HARMLESS or attr in ("build", "get_config", "save_weights", "load_weights"):
            return _Unknown(attr)  # (`super().build(input_shape)`: Keras' marks the layer built)
        raise Unsupported(f"`{ast.unparse(node.func)[:60]}`: a method cnncalc does not follow (the class's own "
                          f"methods are, and the layers it holds)", self.span(node))

    def own_weight(self, node: ast.Call, env: MutableMapping[str, Any]) -> _Weight:
        """`self.add_weight(shape=(C,), initializer=..., trainable=True)`: its shape and whether it is trained (by
        name: Keras 2 and 3 take other arguments first by position)."""
        given = {k.arg: k.value for k in node.keywords if k.arg in ("shape", "trainable")}
        shape = self.eval(given["shape"], env) if "shape" in given else None
        trainable = self.eval(given["trainable"], env) if "trainable" in given else True
        if node.args or not isinstance(shape, (list, tuple)) or not isinstance(trainable, bool) or \
                not all(type(d) is int and 1 <= d <= limits.MAX_CHANNELS for d in shape):
            raise Unsupported("a weight the layer makes itself (`add_weight`) without a shape of whole numbers given "
                              "by name (`shape=(C,)`), or `trainable` cnncalc cannot work out", self.span(node))
        weight = _Weight(tuple(shape), trainable, node)
        self.weights.append(weight)
        return weight

    def keras_init(self, instance: _Instance, args: list[Any], keywords: dict[str, Any], node: ast.AST) -> None:
        """keras.Model's or Layer's `__init__`: the name it is given; a Model's inputs and outputs, when a subclass
        builds itself with the functional API (`super().__init__(inputs, outputs)`)."""
        name = keywords.get("name")  # (else Keras' own: `MyModel` is `my_model`)
        instance.name = name if isinstance(name, str) and name else self.named(instance.cls.node.name, {})
        if keywords.get("trainable", True) is not True:
            raise Unsupported("a layer of the script's class made with `trainable` other than True (cnncalc follows "
                              "`trainable` set on Keras' own layers)", self.span(node))
        given = dict(zip(("inputs", "outputs"), args))
        given.update({k: v for k, v in keywords.items() if k in ("inputs", "outputs")})
        if instance.cls.kind == "Model" and given:
            if len(given) != 2:
                raise Unsupported("a Model without its inputs and outputs", self.span(node))
            instance.functional = self.functional_model(given["inputs"], given["outputs"], instance.name, node)
            instance.built = True

    def build_model(self, instance: _Instance, node: ast.Call, env: MutableMapping[str, Any]) -> None:
        """`model.build((None, 28, 28, 1))`: the model called on an input of that shape (batch first)."""
        args, keywords = self.call_arguments(node, env)
        shape = args[0] if args else keywords.get("input_shape")
        if not isinstance(shape, (list, tuple)) or len(shape) < 2 or \
                not all(s is None or (type(s) is int and 0 < s <= limits.MAX_SIZE) for s in shape):
            raise Unsupported("`build` without an input shape cnncalc can read (`(None, 224, 224, 3)`)",
                              self.span(node))
        self.build_model_on(instance, list(shape), node)

    def build_model_on(self, instance: _Instance, shape: list[int | None], node: ast.AST) -> None:
        """The model called on an input of that shape (batch first; None: a size it does not say)."""
        if not instance.built:
            self.instance_call(instance, [self.example_input(shape, node)], {}, node)

    def example_input(self, shape: list[int | None], node: ast.AST) -> _Tensor:
        """The input a subclassed model is built on: `build`'s shape, or an example array's (batch first)."""
        name = self.named("InputLayer", {})
        self.spans[name] = self.span(node)
        self.node(name, {"class_name": "InputLayer", "name": name, "inbound_nodes": [],
                         "config": {"batch_input_shape": [None, *shape[1:]], "name": name}})
        return _Tensor(name)

    def instance_call(self, instance: _Instance, args: list[Any], keywords: dict[str, Any], node: ast.AST) -> Any:
        """An object of the script's class applied (`block(x)`, `self.block1(x, training=training)`), as Keras'
        `__call__` does it: its `build` run before the first call, then its `call`, the instance as `self` (layers it
        applies again share their weights, as they do in Keras). A model called on an input, or on an example array
        (`model(tf.zeros((1, 28, 28, 1)))`), is built: the model read."""
        cls = instance.cls.node.name
        if len(args) == 1 and isinstance(args[0], _Example) and instance.cls.kind == "Model":
            args = [self.example_input(list(args[0].shape), node)]
        tensors = list(args[0]) if args and isinstance(args[0], (list, tuple)) else args[:1]
        if not tensors or not all(isinstance(t, _Tensor) for t in tensors):
            raise Unsupported(f"`{cls}` applied to something that is not a tensor of the model", self.span(node))
        if instance.functional is not None and instance.cls.lookup("call") is None:
            return self.attached(instance.functional, tensors, node)
        found = instance.cls.lookup("call")
        if found is None or not isinstance(found[0], _Function):
            raise Unsupported(f"`{cls}` has no `call` method to follow", self.span(node))
        if not instance.built:
            instance.built = True
            build = instance.cls.lookup("build")
            if build is not None and isinstance(build[0], _Function):  # (its input's shape: `input_shape[-1]`)
                shapes = [_Shape(t) for t in tensors]
                self.method(build, instance, [shapes if isinstance(args[0], (list, tuple)) else shapes[0]], {}, node)
        definition = found[0].node.args
        if definition.kwarg is None:  # (Keras passes `training` and `mask` only to a `call` that takes them)
            taken = {a.arg for a in definition.args + definition.kwonlyargs}
            keywords = {k: v for k, v in keywords.items() if k in taken or k not in ("training", "mask")}
        outputs = self.method(found, instance, args, keywords, node)
        if instance in self.unbuilt and all(self.nodes.get(t.layer, {}).get("class_name") == "InputLayer"
                                            for t in tensors):  # the model, built on its input
            self.unbuilt.remove(instance)
            self.functional_model(tensors, outputs, instance.name, node)
        return outputs

    def sizes(self, tensor: _Tensor, node: ast.AST) -> tuple[int | None, ...] | _Unknown:
        """A tensor's sizes as Keras gives them, batch first (`(None, 16, 16, 32)`), from cnncalc's own analysis of
        the model up to it (the walker decides every size, once); unknown when that analysis has no output, or
        the model is channels first."""
        import json

        from cnncalc.analysis import Settings, run
        config = self.config(_Functional([], [tensor], None, self.span(node)))
        self.analysed += len(config["config"]["layers"])
        if self.analysed > limits.MAX_SHAPE_LAYERS:
            raise Unsupported(f"tensor shapes read over more than {limits.MAX_SHAPE_LAYERS:,} layers analysed in all "
                              f"(each read analyses the model up to it)", self.span(node))
        report = run(json.dumps(config), "<keras script>", Settings(lang="keras"))[0].report
        if report.output is None or any(layer["config"].get("data_format") == "channels_first"
                                        for layer in config["config"]["layers"]):
            return _Unknown("shape")
        return (None, *report.output.dims)

    # ---- the configuration ---------------------------------------------------------------------------

    def config(self, model: _Model) -> dict[str, Any]:
        """The model as `model.to_json()` writes it (Keras 2's form); a model used as a layer, whole in its place."""
        self.nested(model)
        whole = self.sequential_config(model) if isinstance(model, _Sequential) else self.functional_config(model)
        self.configuring.pop()
        return whole

    def part_config(self, part: _Part) -> dict[str, Any]:
        """A layer's configuration, or a model's used as a layer."""
        return dict(part.config) if isinstance(part, _Layer) else self.config(part)["config"]

    def sequential_config(self, model: _Sequential) -> dict[str, Any]:
        layers = []
        for i, layer in enumerate(model.layers):
            config = self.part_config(layer)
            shape = config.pop("input_shape", None)
            if i == 0 and shape is not None and layer.kind != "InputLayer":
                config["batch_input_shape"] = [None, *(shape if isinstance(shape, list) else [shape])]
            layers.append({"class_name": layer.kind, "config": config})
        return {"class_name": "Sequential", "config": {"name": model.name or "sequential", "layers": layers}}

    def functional_config(self, model: _Functional) -> dict[str, Any]:
        needed: set[tuple[str, int]] = set()  # (layer, application)
        reached = [(t.layer, t.index) for t in model.outputs]  # what the outputs need, back to the inputs (the
        while reached:  # model's own nodes only: a script of many models reads each without going over the others')
            key = reached.pop()
            name, index = key
            if key in needed or name not in self.nodes:
                continue
            needed.add(key)
            for inbound in self.nodes[name]["inbound_nodes"][index:index + 1]:
                reached.extend((source, at) for source, at, *_ in inbound)
        # each layer's applications this model needs, numbered again from 0 (as Keras numbers a model's own nodes)
        applications: dict[str, list[int]] = {}
        for name, index in sorted(needed, key=lambda key: key[1]):
            applications.setdefault(name, []).append(index)
        renumbered = {(name, index): i for name, indices in applications.items() for i, index in enumerate(indices)}

        def layer_entry(name: str) -> dict[str, Any]:
            node = self.nodes[name]
            inbound = [[[source, renumbered.get((source, at), at), *rest] for source, at, *rest in node_entry]
                       for i, node_entry in enumerate(node["inbound_nodes"]) if i in applications[name]]
            whole = {**node, "inbound_nodes": inbound}
            return {**whole, "config": self.part_config(self.made[name])} if name in self.made else whole

        layers = [layer_entry(name) for name in sorted(applications, key=self.order.__getitem__)]
        inputs: list[str] = [t.layer for t in model.inputs] or \
            [str(n["name"]) for n in layers if n["class_name"] == "InputLayer"]
        return {"class_name": "Functional", "config": {
            "name": model.name or "model", "layers": layers,
            "input_layers": [[given, 0, 0] for given in inputs],
            "output_layers": [[t.layer, renumbered.get((t.layer, t.index), 0), t.output] for t in model.outputs]}}


def model_config(text: str) -> tuple[dict[str, Any], dict[str | tuple[str, int], Span]]:
    """The configuration of the last model a Keras script builds (outside any other), and where each of its layers
    is made; Malformed or Unsupported (with the place) for what cannot be read."""
    if len(text) > limits.MAX_PYTHON_CHARS:
        raise Unsupported(f"a Python file of more than {limits.MAX_PYTHON_CHARS:,} characters (its syntax tree would "
                          f"take some hundred times that)", Span(0, 1))
    try:
        tree = parse_python(text, "exec")
    except SyntaxError as e:
        offsets = SourceOffsets(text)
        at = offsets.at(e.lineno or 1, max((e.offset or 1) - 1, 0))
        raise Malformed(f"Python syntax: {e.msg}", Span(at, at + 1)) from None
    except (RecursionError, MemoryError, ValueError):
        raise Malformed("Python that cannot be parsed (nested too deeply, or a null byte)", Span(0, 1)) from None
    script = _Script(text)
    try:
        script.run(tree.body, {})  # (a `return` or `break` outside its place: Python's SyntaxError, above)
    except RecursionError:
        raise Unsupported("expressions nested deeper than cnncalc follows", Span(0, 1)) from None
    # the last model built that is not a part of another (an encoder built after the model that holds it is not
    # the model)
    outermost = [model for model in script.models if not model.applied]
    last = script.unbuilt[-1] if script.unbuilt else None
    if last is not None and (not outermost or script.models.index(outermost[-1]) < last.after):
        # a subclassed model made last, which the script trains without building it first: built on an input of a
        # size it does not say (`--input` gives it), as Keras builds it on the first batch
        instance = last
        try:
            script.build_model_on(instance, [None, None, None, None], instance.node)
        except RecursionError:
            raise Unsupported("expressions nested deeper than cnncalc follows", Span(0, 1)) from None
        outermost = [model for model in script.models if not model.applied]
    unused = next((w for w in script.weights if not w.used), None)
    if unused is not None:  # (Keras counts it, wherever it is used; cnncalc places a weight only where it scales)
        raise Unsupported("a weight made with add_weight that the model does not use as a scale per channel "
                          "(`x * self.gamma`)", script.span(unused.node))
    if not outermost:
        raise Unsupported("no Keras model built in the file (cnncalc reads `keras.Sequential([...])`, "
                          "`model.add(...)`, the functional API's `keras.Model(inputs, outputs)` and subclassed models "
                          "built on an input)", Span(0, 1))
    return script.config(outermost[-1]), script.spans

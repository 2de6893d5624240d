"""What every layer is: an immutable value whose fields are its spec arguments.

A layer class declares its arguments (`layers/arguments.py`) and, beside each other, its rules:
`out_shape`, `params`, `macs`, `working` (the arithmetic, as the lecture writes it) and, for the
executor, `weight_shapes` and `run`. The parser and expander read the schema, so a new layer
needs no parser code. `dataclass_transform` tells type checkers that layer classes are frozen
dataclasses; at run time the base class builds them cheaply (no `dataclasses` import).
"""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, axis, codes
from cnncalc.field import SAME_STEPS
from cnncalc.layers.arguments import Argument, Schema, flag, option, positional, spec_text
from cnncalc.record import NamedTuple, Protocol

if TYPE_CHECKING:
    from typing import Any, ClassVar

    import numpy as np
    from typing_extensions import dataclass_transform

    from cnncalc.axis import AxisRule
    from cnncalc.codes import Code
    from cnncalc.field import Step
    from cnncalc.shape import Shape
else:
    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


class Params(NamedTuple):
    """Parameter counts: learnable weights and biases, and non-trainable running statistics."""

    weights: int = 0
    biases: int = 0
    non_trainable: int = 0

    @property
    def learnable(self) -> int:
        return self.weights + self.biases


class Kept(NamedTuple):
    """What a layer keeps for the backward pass of a training step (cnncalc/training.py)."""

    what: str  # input | output | nothing | view (the output is the input seen differently)
    extra: int = 0  # bytes per image beside it: pooling indices, dropout masks, normalisation statistics
    per_batch: int = 0  # bytes once per batch: a batch norm's statistics


KEEPS_INPUT, KEEPS_OUTPUT, KEEPS_NOTHING, A_VIEW = Kept("input"), Kept("output"), Kept("nothing"), Kept("view")
BYTES_PER_VALUE = 4  # float32: every memory figure's convention
INDEX_BYTES = 8  # PyTorch's pooling indices are int64


class Working(NamedTuple):
    """The arithmetic behind a row's numbers, as the lecture writes it (`None`: nothing to show)."""

    out: str | None = None
    params: str | None = None
    macs: str | None = None


class Filter(NamedTuple):
    """One filter of a layer (a neuron of `fc`): its weights, its bias (0 or 1), the weights' arithmetic
    (`5·5·3`) and its shape (height, width, the depth it covers; a neuron's, the input's own), for the answers
    about one filter (`filter params 76`, `filter 5x5x3`)."""

    weights: int
    bias: int
    shown: str
    dims: tuple[int, ...]
    neuron: bool = False  # a neuron's: a weight for every value of the input, whatever its shape


class ShapeContext(Protocol):
    """What a shape rule may ask of the walker: the rounding in force (decided by the expander), and a
    place to report problems (`arg` names the argument the caret points at)."""

    @property
    def rounding(self) -> str: ...  # exact | floor | ceil

    @property
    def rounding_source(self) -> str: ...  # where the rounding came from, for notes

    @property
    def rounding_stated(self) -> bool: ...  # False: a framework's silent rule, not the author's statement

    def report(self, code: Code, message: str, arg: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None: ...

    def divided(self, height: tuple[int, int], width: tuple[int, int]) -> None:
        """An inexact division's exact output height and width, each as (numerator, denominator): a 3x3
        window at stride 3 on 7x7 gives (7 - 3)/3 + 1 = (7, 3). Answers such as `2.33` are judged by it."""

    def no_window(self) -> None:
        """No window fits the padded input (the E031 just reported): the answer "doesn't fit" holds."""


def last_axis_flag(doc: str) -> Any:
    """`lastaxis`: over PyTorch's last axis (`nn.LayerNorm(N)`, `dim=-1`), a vector's values; `on_maps` False."""
    return flag({"lastaxis": False}, default=True, doc=doc)


def said_last_axis_of_a_map(ctx: ShapeContext, x: Shape, what: str, hint: str) -> None:
    """E037 for a layer over PyTorch's last axis given a map (N x C x H x W there: the last axis is the width)."""
    if not x.is_flat:
        ctx.report(codes.E037, f"{what} but gets the map {x}, whose last axis in PyTorch is the width", arg="on_maps",
                   hint=hint)


def said_written_size(ctx: ShapeContext, x: Shape, size: tuple[int, int] | None) -> None:
    """E017 for a `size HxW` written (a framework's module built for that map) that is not the input's."""
    if size is not None and (x.is_flat or size != x.dims[:2]):
        written = f"{size[0]}x{size[1]}"
        ctx.report(codes.E017, f"written for a {written} map but receives {x}", arg="size",
                   hint="a vector has no height and width: leave out `size`" if x.is_flat else
                   f"write `size {x.dims[0]}x{x.dims[1]}`, or change the layers before so they give {written}")


def weight_norm_flag() -> Any:
    """`weightnorm`: PyTorch's `weight_norm` on the layer: its weight is g·v/‖v‖, a learnt length g for each slice of
    the weight's first axis (each filter; each input channel of a transposed convolution, PyTorch's dim 0)."""
    return flag({"weightnorm": True}, default=False,
                doc="PyTorch's weight_norm: a learnt length more per filter (per input channel for deconv)")


def learnt_lengths(normed: bool, n: int) -> dict[str, tuple[int, ...]]:
    """weight_norm's array of lengths `g`, one per slice of the weight's first axis (nothing without `weightnorm`)."""
    return {"g": (n,)} if normed else {}


def lengths_term(normed: bool, n: int) -> str:
    """The parameters' working's term for weight_norm's n learnt lengths: ` + n` (nothing without `weightnorm`)."""
    return f" + {n}" if normed else ""


def normed_kept(kept: Kept, normed: bool, weights: int) -> Kept:
    """`kept`, plus what weight_norm's autograd keeps once per batch when `normed`: the weight it computes and each
    slice's norm (`weights`, the layer's weights and lengths, counts as many values)."""
    return kept._replace(per_batch=kept.per_batch + weights * BYTES_PER_VALUE) if normed else kept


def weight_normed(w: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays with `weight` as weight_norm computes it from its direction v (`weight`) and lengths `g`: each slice
    of the first axis scaled to length g."""
    import numpy as np
    v = w["weight"]
    rows = v.reshape(v.shape[0], -1)
    lengths = (w["g"] / np.sqrt(np.einsum("ij,ij->i", rows, rows))).astype(v.dtype)
    return {**w, "weight": v * lengths.reshape(-1, *(1,) * (v.ndim - 1))}


# Every layer's last argument: its parameters are not trained (transfer learning's frozen layers, Keras'
# `trainable: false`, PyTorch's `requires_grad = False`); the report counts them as non-trainable.
FROZEN = flag({"frozen": True}, default=False, doc="its parameters are not trained: counted as non-trainable")
FROZEN.name = "frozen"


@dataclass_transform(frozen_default=True, field_specifiers=(positional, option, flag))
class Layer:
    """Base of all layers. Subclasses set `keyword` and declare their arguments as class attributes."""

    keyword: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    example: ClassVar[str] = ""  # a spec line using it (docs, help, the registry test)
    spatial_input: ClassVar[bool] = False  # needs an HxWxC volume, not a flat vector
    sized_to: ClassVar[bool] = False  # takes `to @NAME`: its output padding chosen to give NAME's height and width
    counts_all_inputs: ClassVar[bool] = False  # `inputs N` counts every input value (fc), not the channels
    family: ClassVar[str | None] = None  # the kind of layer a total may be restricted to (layers.FAMILIES)
    # Arrays whose kernel multiplies by them transposed (an output channel per column): random ones are drawn
    # with that first axis last in memory, so BLAS reads them in order (a gemv on a transposed matrix is 25% slower)
    read_transposed: ClassVar[tuple[str, ...]] = ()
    inputs: int | None = None  # the input size as written (`inputs N`), for layers that take it: checked
    frozen: bool = False  # `frozen` (FROZEN): set on every layer through its schema
    schema: ClassVar[Schema] = Schema.of(())
    _names: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[tuple[Any, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        arguments: dict[str, Argument] = {a.name: a for a in cls.schema.arguments}
        for name, value in list(vars(cls).items()):
            if isinstance(value, Argument):
                value.name = name
                arguments[name] = value
        arguments.pop(FROZEN.name, None)
        arguments[FROZEN.name] = FROZEN  # last, after the layer's own arguments
        cls.schema = Schema.of(tuple(arguments.values()))
        cls._names = tuple(arguments)
        cls._defaults = tuple(a.default for a in arguments.values())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        values = list(args) + list(self._defaults[len(args):])
        for key, value in kwargs.items():
            values[self._names.index(key)] = value
        self._set(tuple(values))

    @classmethod
    def build(cls, values: dict[str, Any]) -> Layer:
        """A layer from converted argument values (missing ones take their defaults)."""
        layer = object.__new__(cls)
        layer._set(tuple(values.get(n, d) for n, d in zip(cls._names, cls._defaults)))
        return layer

    def _set(self, values: tuple[Any, ...]) -> None:
        state = self.__dict__
        state.update(zip(self._names, values))
        state["_values"] = values

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__["_values"] == self.__dict__["_values"]

    def __hash__(self) -> int:
        return hash((type(self), self.__dict__["_values"]))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} `{self.spec_text()}`>"

    def spec_text(self) -> str:
        """The layer in canonical spec syntax (round-trips through the parser); kept once computed."""
        state = self.__dict__
        text = state.get("_text")
        if text is None:
            text = state["_text"] = spec_text(self.keyword, self.schema, state["_values"])
        return text

    # ---- the walker's side ---------------------------------------------------------------

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        """The output volume for input `x`; reports problems to `ctx`; None when there is none."""
        return x

    def params(self, x: Shape) -> Params:
        return Params()

    def macs(self, x: Shape, y: Shape) -> int:
        """Multiply-accumulates per image; 0 for layers without weights."""
        return 0

    def filter(self, x: Shape) -> Filter | None:
        """One of its filters on input `x` (each output channel's); None for a layer without filters."""
        return None

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        """The arithmetic behind the row's numbers, as the lecture writes it."""
        return Working()

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        """How the layer sets the output's height and width from the input's (cnncalc/axis.py), for
        `cnncalc solve`. Default: it keeps them."""
        return KEEP_SIZES

    def reaching(self, x: Shape, target: Shape) -> Layer | str:
        """A layer that takes `to @NAME` (`sized_to`): itself as it gives `target`'s height and width from `x`, or
        why it cannot (the arithmetic of what it can give)."""
        raise NotImplementedError(type(self).__name__)

    def widest(self) -> Layer:
        """A layer that takes `to @NAME`: itself with the largest output padding `to` may choose; the executor runs
        it and crops the output to NAME's height and width (its own witness of `reaching`'s arithmetic)."""
        raise NotImplementedError(type(self).__name__)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        """How the layer moves the receptive field along height and width (cnncalc/field.py): each
        output unit sees e + 1 of its input units, every s-th, from -b. Default: position for position."""
        return SAME_STEPS

    # ---- a training step's side (cnncalc/training.py) ------------------------------------------

    def kept(self, x: Shape, y: Shape) -> Kept:
        """What the backward pass needs of the layer for input `x` and output `y` (per image), as
        PyTorch's autograd keeps it. Default: the input (what a weighted layer's gradient needs), and what
        weight_norm keeps for a layer under it (`weightnorm`)."""
        normed = bool(getattr(self, "normed", False))  # (the layers that take `weightnorm`)
        return normed_kept(KEEPS_INPUT, normed, self.params(x).weights) if normed else KEEPS_INPUT

    # ---- the executor's side (NumPy, imported only when a network is run) ------------------

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        """Arrays this layer allocates for a per-image input of shape `x` (docs/executor.md layouts)."""
        return {}

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        """Apply the layer to a batch (N, H, W, C) or (N, F); returns the output and the MACs performed.
        `ceil` is the rounding the expander decided for this node. Default: the identity."""
        return x, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        """Bytes `run` allocates for a batch of shape `x` (its output and temporaries, not the weights):
        the executor checks it against `--max-memory` before running the layer. Default: nothing."""
        return 0


KEEP_SIZES: tuple[AxisRule, AxisRule] = (axis.KEEP, axis.KEEP)
FLAT_SIZES: tuple[AxisRule, AxisRule] = (axis.Flat(), axis.Flat())

NON_TRAINABLE = ("mean", "var", "count")  # weight arrays that are running statistics, not learnable


def thousands(n: int) -> str:
    return f"{n:,}"

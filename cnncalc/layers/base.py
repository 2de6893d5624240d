"""What every layer is: a frozen dataclass whose fields are its spec arguments.

Field metadata tells the parser how each argument is written (positional, `name value`
option, or flag word), so adding a layer needs no parser code.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, Protocol

from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np

# How an argument's value is written in a spec.
ValueKind = Literal["int", "pair", "pad", "real"]


if TYPE_CHECKING:
    from dataclasses import dataclass as layer  # what type checkers need to know: a dataclass
else:
    def layer(cls: type) -> type:
        """Make a layer class a frozen dataclass. Without generated `__eq__` and `__repr__` it
        is built in half the time (start-up imports every layer); `Layer.__repr__` shows its spec text."""
        return dataclass(frozen=True, eq=False, repr=False)(cls)


def positional(kind: ValueKind, *, default: Any = dataclasses.MISSING, min: float = 1,
               below: float | None = None) -> Any:
    """An argument written bare, in order (`conv 96 11x11`)."""
    return field(default=default, metadata={"role": "positional", "kind": kind, "min": min, "below": below})


def option(kind: ValueKind, default: Any, *, min: float = 1, below: float | None = None) -> Any:
    """An argument written as the field's name and a value (`stride 4`)."""
    return field(default=default, metadata={"role": "option", "kind": kind, "min": min, "below": below})


def flag(words: dict[str, Any], default: Any) -> Any:
    """A bare word that sets the field (`nobias` -> bias=False; `ceil` -> rounding='ceil')."""
    return field(default=default, metadata={"role": "flag", "words": words})


class Pad(NamedTuple):
    """Padding per side, or TensorFlow's `same` (resolved against the input size)."""

    top: int = 0
    bottom: int = 0
    left: int = 0
    right: int = 0
    same: bool = False

    def __str__(self) -> str:
        if self.same:
            return "same"
        if self.top == self.bottom and self.left == self.right:
            return str(self.top) if self.top == self.left else f"{self.top}x{self.left}"
        return f"{self.top},{self.bottom},{self.left},{self.right}"


NO_PAD = Pad()


class Params(NamedTuple):
    """Parameter counts: learnable weights and biases, and non-trainable running statistics."""

    weights: int = 0
    biases: int = 0
    non_trainable: int = 0

    @property
    def learnable(self) -> int:
        return self.weights + self.biases


class Schema(NamedTuple):
    """How a layer's arguments are written, read once from its dataclass fields."""

    positionals: tuple[dataclasses.Field[Any], ...]
    options: dict[str, dataclasses.Field[Any]]
    flags: dict[str, dataclasses.Field[Any]]  # flag word -> the field it sets
    fields: dict[str, dataclasses.Field[Any]]


_SCHEMAS: dict[type, Schema] = {}


def schema(cls: type) -> Schema:
    """The argument schema of a layer class, read from its fields once and kept."""
    found = _SCHEMAS.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        found = _SCHEMAS[cls] = Schema(
            positionals=tuple(f for f in fields if f.metadata.get("role") == "positional"),
            options={f.name: f for f in fields if f.metadata.get("role") == "option"},
            flags={w: f for f in fields if f.metadata.get("role") == "flag" for w in f.metadata["words"]},
            fields={f.name: f for f in fields},
        )
    return found


class ShapeContext(Protocol):
    """What a layer's shape rule may ask of the walker: the rounding in force, and a place to report."""

    rounding: str

    def report(self, code: str, message: str, field: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None: ...


class Layer:
    """Base of all layers. Subclasses are frozen dataclasses and set `keyword`."""

    keyword: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    spatial_input: ClassVar[bool] = False  # needs an HxWxC volume, not a flat vector

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        """The output volume for input `x`; reports problems to `ctx`; None when there is none."""
        return x

    def params(self, x: Shape) -> Params:
        return Params()

    def macs(self, x: Shape, y: Shape) -> int:
        """Multiply-accumulates per image; 0 for layers without weights."""
        return 0

    def explain(self, x: Shape, y: Shape) -> list[str]:
        """The working behind the row's numbers, as the lecture writes it."""
        return []

    # ---- the executor's side (NumPy, imported only when a network is run) ----------------

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        """Arrays this layer allocates for a per-image input of shape `x` (docs/executor.md layouts)."""
        return {}

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        """Apply the layer to a batch; returns the output and the multiply-accumulates performed.
        `rounding` is the spec's; a layer's own `floor`/`ceil` wins. Default: the identity."""
        return x, 0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} `{self.spec_text()}`>"

    def spec_text(self) -> str:
        """The layer in canonical spec syntax: positionals, then options and flags that differ from defaults."""
        words = [self.keyword]
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            role = f.metadata.get("role")
            if role == "positional":
                if f.default is dataclasses.MISSING or value != f.default:
                    words.append(f"{value[0]}x{value[1]}" if isinstance(value, tuple) else str(value))
            elif role == "option" and value != f.default:
                words += [f.name, format_value(value)]
            elif role == "flag" and value != f.default:
                words += [w for w, v in f.metadata["words"].items() if v == value][:1]
        return " ".join(words)


NON_TRAINABLE = ("mean", "var")  # batch-norm running statistics


def ceil_mode(layer_rounding: str | None, rounding: str) -> bool:
    return (layer_rounding or rounding) == "ceil"


def executor_pads(pad: Pad, x: tuple[int, ...], kernel: tuple[int, int], stride: tuple[int, int],
                  dilation: tuple[int, int]) -> tuple[int, int, int, int]:
    """Padding per side for the executor; `same` resolved as TensorFlow's kernels do it
    (total = F_eff - (N mod S), or F_eff - S when S divides N), not with the walker's rule."""
    if not pad.same:
        return pad.top, pad.bottom, pad.left, pad.right
    sides = []
    for n, k, s, d in ((x[0], kernel[0], stride[0], dilation[0]), (x[1], kernel[1], stride[1], dilation[1])):
        f = d * (k - 1) + 1
        total = max(f - (n % s if n % s else s), 0)
        sides += [total // 2, total - total // 2]
    return sides[0], sides[1], sides[2], sides[3]


def format_value(value: Any) -> str:
    if isinstance(value, tuple):
        return str(value[0]) if value[0] == value[1] else f"{value[0]}x{value[1]}"
    return str(value)


def thousands(n: int) -> str:
    return f"{n:,}"

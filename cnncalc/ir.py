"""The parsed spec as frozen dataclasses. Every node keeps its source span.

This is the spec as written: block definitions and calls, `repeat`, integer expressions.
`expand.py` turns it into concrete layers.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Union

from cnncalc.diagnostics import Span

# ---- integer expressions -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Num:
    value: int
    span: Span


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # + - * //
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Expr
    span: Span


Expr = Union[Num, Var, BinOp, Neg]

# ---- layer arguments -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tuple:
    """`11x11` (sep 'x') or `1,2,1,2` (sep ',')."""

    items: tuple[Expr, ...]
    sep: str
    span: Span


@dataclass(frozen=True, slots=True)
class Word:
    """A bare word value (`same`, `valid`) or a flag (`nobias`, `ceil`)."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Real:
    text: str
    span: Span


Value = Union[Expr, Tuple, Word, Real]


@dataclass(frozen=True, slots=True)
class Arg:
    field: str  # the layer dataclass field it sets
    value: Value
    span: Span  # the option word and its value


# ---- items of a line -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LayerCall:
    keyword: str
    args: tuple[Arg, ...]
    label: str | None
    span: Span
    valid: bool = True  # False when its arguments were bad (reported): the layer's output is unknown


@dataclass(frozen=True, slots=True)
class KwArg:
    name: str
    value: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class BlockCall:
    block: str
    args: tuple[Expr, ...]
    kwargs: tuple[KwArg, ...]
    label: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Merge:
    """`concat { a | b }` or `add { a | b }`; a `residual` is an add with branches body, shortcut."""

    kind: str  # concat | add | residual
    branches: tuple[Seq, ...]
    branch_names: tuple[str, ...]
    label: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Repeat:
    count: Expr
    body: Seq
    label: str | None
    span: Span


Item = Union[LayerCall, BlockCall, Merge, Repeat]

# ---- expectations --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Count:
    """A number in an expectation: exact (`34944`) or rounded at the precision written (`62.4M`)."""

    value: Decimal
    unit: int
    decimals: int
    text: str
    span: Span

    @property
    def exact(self) -> bool:
        return self.unit == 1 and self.decimals == 0

    @property
    def amount(self) -> Decimal:
        return self.value * self.unit

    def accepts(self, actual: int) -> bool:
        """`35K` accepts 34,944 (rounds to 35 at 0 decimals); `34944` only itself."""
        if self.exact:
            return Decimal(actual) == self.value
        half = Decimal(5) / (Decimal(10) ** (self.decimals + 1))
        return abs(Decimal(actual) / self.unit - self.value) <= half


@dataclass(frozen=True, slots=True)
class Expectation:
    shape: tuple[int, ...] | None
    shape_span: Span | None
    params: Count | None
    macs: Count | None
    span: Span


@dataclass(frozen=True, slots=True)
class TotalExpectation:
    """`expect total params|macs [op] N`, `expect output HxWxC`."""

    quantity: str  # params | macs | memory | output
    op: str  # == <= < >= >
    count: Count | None
    shape: tuple[int, ...] | None
    span: Span


# ---- structure -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    items: tuple[Item, ...]
    expectation: Expectation | None
    span: Span


@dataclass(frozen=True, slots=True)
class Seq:
    lines: tuple[Line, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    default: Expr | None
    span: Span


@dataclass(frozen=True, slots=True)
class BlockDef:
    name: str
    params: tuple[Param, ...]
    body: Seq
    span: Span  # the header `block NAME(...)`


@dataclass(frozen=True, slots=True)
class Input:
    shape: tuple[int, ...]
    batch: int
    span: Span


@dataclass(frozen=True, slots=True)
class Network:
    name: str | None
    input: Input | None
    rounding: str | None
    blocks: tuple[BlockDef, ...]
    body: Seq
    totals: tuple[TotalExpectation, ...]

"""The parsed spec as immutable named tuples (cheap to define and create). Every node keeps its source span.

This is the spec as written: block definitions and calls, `repeat`, integer expressions.
`expand.py` turns it into concrete layers.
"""
from __future__ import annotations

from typing import NamedTuple, Union

from cnncalc.diagnostics import Span

# ---- integer expressions -------------------------------------------------------------


class Num(NamedTuple):
    value: int
    span: Span


class Var(NamedTuple):
    name: str
    span: Span


class BinOp(NamedTuple):
    op: str  # + - * //
    left: Expr
    right: Expr
    span: Span


class Neg(NamedTuple):
    operand: Expr
    span: Span


Expr = Union[Num, Var, BinOp, Neg]

# ---- layer arguments -----------------------------------------------------------------


class Tuple(NamedTuple):
    """`11x11` (height, width) or `1,2,1,2` (top, bottom, left, right padding)."""

    items: tuple[Expr, ...]
    span: Span


class Word(NamedTuple):
    """A bare word value (`same`, `valid`) or a flag (`nobias`, `ceil`)."""

    text: str
    span: Span


class Real(NamedTuple):
    text: str
    span: Span


Value = Union[Expr, Tuple, Word, Real]


class Arg(NamedTuple):
    field: str  # the layer dataclass field it sets
    value: Value
    span: Span  # the option word and its value


# ---- items of a line -----------------------------------------------------------------


class LayerCall(NamedTuple):
    keyword: str
    args: tuple[Arg, ...]
    label: str | None
    span: Span
    valid: bool = True  # False when its arguments were bad (reported): the layer's output is unknown


class KwArg(NamedTuple):
    name: str
    value: Expr
    span: Span


class BlockCall(NamedTuple):
    block: str
    args: tuple[Expr, ...]
    kwargs: tuple[KwArg, ...]
    label: str | None
    span: Span


class Merge(NamedTuple):
    """`concat { a | b }` or `add { a | b }`; a `residual` is an add with branches body, shortcut."""

    kind: str  # concat | add | residual
    branches: tuple[Seq, ...]
    branch_names: tuple[str, ...]
    label: str | None
    span: Span


class Repeat(NamedTuple):
    times: Expr
    body: Seq
    label: str | None
    span: Span


Item = Union[LayerCall, BlockCall, Merge, Repeat]

# ---- expectations --------------------------------------------------------------------


class Count(NamedTuple):
    """A number in an expectation: exact (`34944`) or rounded at the precision written (`62.4M`).

    Its value is `digits / 10**decimals * unit`, kept in integers: `62.4M` is 624, 1, 10**6.
    """

    digits: int
    decimals: int
    unit: int
    text: str
    span: Span

    @property
    def exact(self) -> bool:
        return self.unit == 1 and self.decimals == 0

    def compare(self, actual: int) -> int:
        """The sign of `actual - value`, exactly."""
        difference = actual * 10**self.decimals - self.digits * self.unit
        return (difference > 0) - (difference < 0)

    @property
    def amount(self) -> int:
        """The value as a whole number (a budget's limit; fractions of a unit truncated)."""
        return self.digits * self.unit // 10**self.decimals

    def accepts(self, actual: int) -> bool:
        """`35K` accepts 34,944 (34.944 rounds to 35 at 0 decimals); `34944` only itself.

        |actual/unit - digits/10^d| <= 0.5/10^d, multiplied through by 2·unit·10^d.
        """
        if self.exact:
            return actual == self.digits
        return abs(2 * (actual * 10**self.decimals - self.digits * self.unit)) <= self.unit


class Expectation(NamedTuple):
    shape: tuple[int, ...] | None
    shape_span: Span | None
    params: Count | None
    macs: Count | None
    span: Span


class TotalExpectation(NamedTuple):
    """`expect total params|macs [op] N`, `expect output HxWxC`."""

    quantity: str  # params | macs | memory | output
    op: str  # == <= < >= >
    limit: Count | None
    shape: tuple[int, ...] | None
    span: Span


# ---- structure -----------------------------------------------------------------------


class Line(NamedTuple):
    items: tuple[Item, ...]
    expectation: Expectation | None
    span: Span


class Seq(NamedTuple):
    lines: tuple[Line, ...]
    span: Span


class Param(NamedTuple):
    name: str
    default: Expr | None
    span: Span


class BlockDef(NamedTuple):
    name: str
    params: tuple[Param, ...]
    body: Seq
    span: Span  # the header `block NAME(...)`


class Input(NamedTuple):
    shape: tuple[int, ...]
    batch: int
    span: Span


class Network(NamedTuple):
    name: str | None
    input: Input | None
    rounding: str | None
    blocks: tuple[BlockDef, ...]
    body: Seq
    totals: tuple[TotalExpectation, ...]

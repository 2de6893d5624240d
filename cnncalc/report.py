"""What an analysis produces: rows, totals and diagnostics. Numbers only; renderers format them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from cnncalc.diagnostics import Diagnostic, Source, Span
from cnncalc.layers import Layer
from cnncalc.shape import Shape

BYTES_PER_VALUE = 4  # float32


@dataclass(slots=True)
class Row:
    """One layer or container, in walk order (a container before its contents)."""

    path: str
    name: str
    kind: str  # layer | join (a merge's concat/add) | concat | add | residual | block | repeat | iteration | branch
    op: str  # the layer in canonical spec syntax, or the container's description
    depth: int
    span: Span
    input: Shape | None = None
    output: Shape | None = None
    weights: int = 0
    biases: int = 0
    non_trainable: int = 0
    macs: int = 0
    activations: int = 0
    rounded: bool = False  # an inexact division settled by explicit rounding (N030)
    guessed: bool = False  # the output rests on a floored invalid stride (E030): expectations stay quiet
    inputs: list[str] = field(default_factory=list)  # paths of the rows that feed this one
    branches: list[str] = field(default_factory=list)  # a merge's branch paths
    layer: Layer | None = None

    @property
    def params(self) -> int:
        return self.weights + self.biases

    @property
    def is_container(self) -> bool:
        return self.kind not in ("layer", "join")


class Check(NamedTuple):
    """One expectation written in the spec, and whether it held (homework answers, CI invariants)."""

    span: Span
    path: str  # the row it is about, or "" for a total
    quantity: str  # output | params | macs | total params | total macs | total memory | network output
    expected: str  # as written
    actual: str
    ok: bool
    working: tuple[str, ...]  # the arithmetic behind the actual value


class Totals(NamedTuple):
    params: int
    weights: int
    biases: int
    non_trainable: int
    macs: int
    activations: int  # per image
    batch: int

    @property
    def param_bytes(self) -> int:
        """Learnable and non-trainable parameters, float32."""
        return (self.params + self.non_trainable) * BYTES_PER_VALUE

    @property
    def activation_bytes(self) -> int:
        """Every layer's output for the whole batch, float32."""
        return self.activations * self.batch * BYTES_PER_VALUE


@dataclass(slots=True)
class Report:
    source: Source
    network: str | None
    input: Shape | None
    batch: int
    rows: list[Row]
    totals: Totals
    output: Shape | None
    diagnostics: list[Diagnostic]
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

"""Walker against executor: run a network on seeded random arrays and compare, row by row, the
shapes, parameter counts and MACs the formulas gave with what the arrays showed. Any
disagreement is an E9xx diagnostic: a bug in cnncalc."""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from cnncalc import codes
from cnncalc.analysis import Analysis
from cnncalc.codes import Code
from cnncalc.diagnostics import Diagnostic
from cnncalc.executor import Executor, NodeResult
from cnncalc.report import Report, Row

BYTES = 4  # verify runs in float32, as the frameworks do


class Comparison(NamedTuple):
    row: Row
    result: NodeResult | None

    @property
    def agrees(self) -> bool:
        r, x = self.row, self.result
        return (x is not None and r.output is not None and r.output.dims == x.shape and r.params == x.params
                and r.non_trainable == x.non_trainable and r.macs + r.train_macs == x.macs and x.finite)


class Verification(NamedTuple):
    comparisons: list[Comparison]
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def memory_estimate(report: Report, batch: int, itemsize: int = BYTES) -> int:
    """Bytes the executor needs at its peak: every weight array, plus the largest input and
    output held at once (a merge keeps its input and its finished branches alive), plus the
    largest im2col block."""
    from cnncalc.kernels import CHUNK_BYTES
    t = report.totals
    weights = ((t.params or 0) + (t.non_trainable or 0)) * itemsize
    live = 0
    for row in report.rows:
        size_in = row.input.size if row.input is not None else 0
        size_out = row.output.size if row.output is not None else 0
        live = max(live, size_in + size_out + (size_out if row.is_container else 0))
    return weights + 2 * live * batch * itemsize + CHUNK_BYTES


def verify(analysis: Analysis, batch: int = 1, seed: int = 0, naive: bool = False,
           on_layer: Callable[[str], None] | None = None) -> Verification:
    report, root = analysis.report, analysis.root
    assert root is not None and report.input is not None and report.ok, "verify only networks without errors"
    rng = np.random.default_rng(seed)
    x = rng.random((batch, *report.input.dims), dtype=np.float32) * 2 - 1
    executor = Executor(rng, np.float32, naive=naive, on_layer=on_layer)
    executor.run(root, x)
    comparisons = [Comparison(row, executor.results.get(row.path)) for row in report.rows]
    diagnostics = [d for c in comparisons for d in _disagreements(c)]
    return Verification(comparisons, diagnostics)


def _disagreements(c: Comparison) -> list[Diagnostic]:
    row, got = c.row, c.result
    out = []

    def bug(code: Code, message: str) -> None:
        out.append(Diagnostic(code, f"{row.path}: {message}", row.span,
                              "this is a bug in cnncalc; please report it with this spec", row.path))

    if got is None:
        bug(codes.E901, "the executor produced no output for this row")
        return out
    walker_shape = row.output.dims if row.output is not None else None
    if walker_shape != got.shape:
        bug(codes.E901, f"the walker says {_dims(walker_shape)}, the executor's array is {_dims(got.shape)}")
    if (row.params, row.non_trainable) != (got.params, got.non_trainable):
        bug(codes.E902, f"the walker counts {row.params:,} params ({row.non_trainable:,} non-trainable), the executor "
                        f"allocated {got.params:,} ({got.non_trainable:,})")
    if row.macs + row.train_macs != got.macs:
        bug(codes.E903, f"the walker counts {row.macs + row.train_macs:,} MACs, the executor performed {got.macs:,.0f}")
    if not got.finite and row.kind == "layer":
        out.append(Diagnostic(codes.E904, f"{row.path}: the output holds NaN or Inf on random input", row.span,
                              "the network is numerically unstable at this scale, or cnncalc has a bug", row.path))
    return out


def _dims(dims: tuple[int, ...] | None) -> str:
    return "?" if dims is None else "x".join(map(str, dims))

"""Walker against executor: run a network on seeded random arrays and compare, row by row, the
shapes, parameter counts and MACs the formulas gave with what the arrays showed. Any
disagreement is an E9xx diagnostic: a bug in cnncalc."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from cnncalc import codes
from cnncalc.analysis import Analysis
from cnncalc.codes import Code
from cnncalc.diagnostics import Diagnostic
from cnncalc.executor import Budget, Executor, NodeResult
from cnncalc.record import NamedTuple
from cnncalc.report import Row
from cnncalc.shape import Shape
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode, nodes, reference_counts

BYTES = 4  # verify runs in float32, as the frameworks do


class Comparison(NamedTuple):
    row: Row
    result: NodeResult | None

    @property
    def counts_agree(self) -> bool:
        """The walker's shape, parameters and MACs are the executor's."""
        r, x = self.row, self.result
        return (x is not None and r.output is not None and r.output.dims == x.shape and r.params == x.params
                and r.non_trainable == x.non_trainable and r.macs + r.train_macs == x.macs)

    @property
    def agrees(self) -> bool:
        return self.counts_agree and self.result is not None and self.result.finite


class Verification(NamedTuple):
    comparisons: list[Comparison]
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def memory_estimate(analysis: Analysis, batch: int, itemsize: int = BYTES, given: int = 0) -> int:
    """The peak bytes the executor will account for, found before running by following its rules
    (executor.py) with the report's shapes: the arrays it holds (the current input and output, a
    merge's input and finished branches, kept and side outputs, given weights) plus, at each layer,
    that layer's new weights and its workspace (each kernel's own statement of what it allocates)."""
    report, root = analysis.report, analysis.root
    assert root is not None and report.input is not None
    rows = {r.path: r for r in report.rows}

    def nbytes(shape: Shape | None) -> int:
        return 0 if shape is None else shape.size * batch * itemsize

    held = 2 * nbytes(report.input) + given  # the caller's input and the flowing copy of it
    peak = held
    readers = reference_counts(root)
    shared = {id(n.shares) for n in nodes(root) if isinstance(n, LayerNode) and n.shares is not None}

    def check(extra: int) -> None:
        nonlocal peak
        peak = max(peak, held + extra)

    def node(n: Node, x: Shape) -> Shape:
        nonlocal held
        row = rows[n.path]
        if isinstance(n, LayerNode):
            assert n.layer is not None and row.output is not None
            run = n.layer if n.to is None else n.layer.widest()  # (`to @NAME`: run so, then cropped)
            new = sum(_size(shape) for shape in run.weight_shapes(x.dims).values()) * itemsize
            check((new if n.shares is None else 0) + run.workspace((batch, *x.dims), n.rounding.ceil, itemsize))
            y = row.output
            held += nbytes(y) - nbytes(x) + (new if id(n) in shared else 0)  # (weights others share: to the end)
            if n.to is not None:
                readers[id(n.to)] -= 1
                held -= 0 if readers[id(n.to)] else nbytes(rows[n.to.path].output)  # (its last reader lets it go)
        elif isinstance(n, MergeNode):
            outs = []
            for branch in n.branches:
                part = rows[branch.path].input
                assert part is not None
                held += nbytes(part)
                outs.append(seq(branch, part))
            join = rows[n.join_path].output
            assert join is not None
            check(n.kind.workspace([(batch, *o.dims) for o in outs], itemsize))
            held += nbytes(join) - sum(nbytes(o) for o in outs) - nbytes(x)
            y = join
        elif n.kind == "side":
            held += nbytes(x)
            seq(n, x)
            y = x
        else:
            y = seq(n, x)
        if n.keep:
            held += nbytes(y)  # kept until the last `@NAME` branch reading it starts
        return y

    def seq(s: SeqNode, x: Shape) -> Shape:
        nonlocal held
        if s.ref is not None:
            ref = rows[s.ref.path].output
            assert ref is not None
            readers[id(s.ref)] -= 1
            held += (nbytes(ref) if readers[id(s.ref)] else 0) - nbytes(x)  # the last reader takes the kept one
            x = ref
        for child in s.children:
            x = node(child, x)
        return x

    seq(root, report.input)
    return peak


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def verify(analysis: Analysis, batch: int = 1, seed: int = 0, naive: bool = False,
           on_layer: Callable[[str], None] | None = None, budget: Budget | None = None) -> Verification:
    report, root = analysis.report, analysis.root
    assert root is not None and report.input is not None and report.ok, "verify only networks without errors"
    rng = np.random.default_rng(seed)
    x = rng.random((batch, *report.input.dims), dtype=np.float32) * 2 - 1
    executor = Executor(rng, np.float32, naive=naive, on_layer=on_layer, budget=budget)
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
        hint = ("a dilated max-pool window that covers only padding gives -inf, as in PyTorch: use less padding "
                "or dilation" if row.keyword == "maxpool" and "dilation" in row.op else
                "a power-average pool of an odd or fractional power gives NaN where a value or a window's sum is "
                "negative, as in PyTorch: pool after a ReLU, or use an even power" if row.keyword == "lppool" else
                "the network is numerically unstable at this scale, or cnncalc has a bug")
        out.append(Diagnostic(codes.E904, f"{row.path}: the output holds NaN or Inf on random input", row.span,
                              hint, row.path))
    return out


def _dims(dims: tuple[int, ...] | None) -> str:
    return "?" if dims is None else "x".join(map(str, dims))

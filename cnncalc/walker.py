"""Concrete tree -> Report: shapes, parameters, MACs and activations per row, expectations
checked. Never raises on user input: problems become diagnostics and the walk goes on with
the best shape it has (or unknown), so one mistake gives one diagnostic."""
from __future__ import annotations

from cnncalc import ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.expand import LayerNode, MergeNode, Node, SeqNode
from cnncalc.report import Check, Row, Totals
from cnncalc.shape import Shape


class _Flow:
    """What flows along the walk: the current volume and the row that produced it."""

    __slots__ = ("shape", "source", "guessed")

    def __init__(self, shape: Shape | None, source: str, guessed: bool = False) -> None:
        self.shape = shape
        self.source = source
        self.guessed = guessed  # the shape rests on a floored invalid stride


SIZE_CODES = ("E030", "N030", "E031")  # diagnostics about sizes, meaningless on a guessed input


class _LayerContext:
    """The `ShapeContext` a layer reports into: prefixes its path and points at its arguments."""

    def __init__(self, walker: Walker, node: LayerNode, row: Row) -> None:
        self.rounding = walker.rounding
        self.walker = walker
        self.node = node
        self.row = row
        self.input_guessed = row.guessed

    def report(self, code: str, message: str, field: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None:
        if self.input_guessed and code in SIZE_CODES:
            return  # a consequence of an earlier invalid stride, already reported
        span = self.node.arg_spans.get(field or "", self.node.span)
        if code == "N030":
            self.row.rounded = True
        if code == "E030":
            self.row.guessed = True
        self.walker.sink.add(code, f"{self.node.path}: {message}", span, hint, self.node.path, notes)


class Walker:
    def __init__(self, sink: DiagnosticSink, rounding: str) -> None:
        self.sink = sink
        self.rounding = rounding
        self.rows: list[Row] = []
        self.checks: list[Check] = []

    def walk(self, root: SeqNode, x: Shape | None, source: str = "input") -> tuple[Shape | None, list[Row]]:
        flow = _Flow(x, source)
        self.seq_children(root, flow, root.children)
        return flow.shape, self.rows

    # ---- nodes ---------------------------------------------------------------------

    def node(self, node: Node, flow: _Flow) -> Row:
        if isinstance(node, LayerNode):
            return self.layer(node, flow)
        if isinstance(node, MergeNode):
            return self.merge(node, flow)
        return self.seq(node, flow)

    def layer(self, node: LayerNode, flow: _Flow) -> Row:
        layer = node.layer
        row = Row(node.path, node.name, "layer", layer.spec_text() if layer else node.keyword, node.depth, node.span,
                  input=flow.shape, inputs=[flow.source], layer=layer, guessed=flow.guessed)
        self.rows.append(row)
        x = flow.shape
        y: Shape | None = None
        if layer is not None and x is not None:
            if layer.spatial_input and x.is_flat:
                self.sink.add("E034", f"{node.path}: `{node.keyword}` needs an HxWxC volume but gets the flat vector {x}",
                              node.span, hint="put spatial layers before the first `fc` or `flatten`", path=node.path)
            else:
                y = layer.out_shape(x, _LayerContext(self, node, row))
                p = layer.params(x)
                row.weights, row.biases, row.non_trainable = p.weights, p.biases, p.non_trainable
                if y is not None:
                    row.macs = layer.macs(x, y)
                    row.activations = y.size
        row.output = y
        flow.shape, flow.source, flow.guessed = y, node.path, row.guessed
        return row

    def seq(self, node: SeqNode, flow: _Flow) -> Row:
        row = Row(node.path, node.name, node.kind, node.op, node.depth, node.span, input=flow.shape,
                  inputs=[flow.source])
        self.rows.append(row)
        children = self.seq_children(node, flow, node.children)
        _sum_into(row, children)
        row.output, row.guessed = flow.shape, flow.guessed
        return row

    def seq_children(self, node: SeqNode, flow: _Flow, children: list[Node]) -> list[Row]:
        rows: list[Row] = []
        checks = iter(node.checks)
        check = next(checks, None)
        for i, child in enumerate(children):
            rows.append(self.node(child, flow))
            while check is not None and check.last == i:
                self.check_line(check.expectation, rows[check.first:check.last + 1], check.span)
                check = next(checks, None)
        return rows

    def merge(self, node: MergeNode, flow: _Flow) -> Row:
        """The container row, its branches, then a `join` row (the concat or add itself) fed by the branch ends."""
        join_op = "concat" if node.kind == "concat" else "add"
        row = Row(node.path, node.name, node.kind, f"{node.kind} of {len(node.branches)}", node.depth, node.span,
                  input=flow.shape, inputs=[flow.source], branches=[b.path for b in node.branches])
        self.rows.append(row)
        x, source = flow.shape, flow.source
        outs: list[tuple[str, Shape | None]] = []
        children = []
        join = Row(f"{node.path}.{join_op}", join_op, "join", join_op, node.depth + 1, node.span)
        guessed = flow.guessed
        for branch in node.branches:
            branch_flow = _Flow(x, source, flow.guessed)
            children.append(self.seq(branch, branch_flow))
            outs.append((branch.name, branch_flow.shape))
            join.inputs.append(branch_flow.source)
            guessed = guessed or branch_flow.guessed
        y = self.merged_shape(node, outs, quiet=guessed)
        join.output = y
        join.activations = y.size if y is not None else 0
        self.rows.append(join)
        _sum_into(row, children + [join])
        row.output = join.output = y
        row.guessed = join.guessed = guessed
        flow.shape, flow.source, flow.guessed = y, join.path, guessed
        return row

    def merged_shape(self, node: MergeNode, outs: list[tuple[str, Shape | None]], quiet: bool) -> Shape | None:
        """The merged output; a mismatch is E050/E051 unless the shapes rest on a guess (`quiet`)."""
        if not outs or any(shape is None for _, shape in outs):
            return None
        shapes = [(name, shape) for name, shape in outs if shape is not None]
        first_name, first = shapes[0]
        if node.kind == "concat":
            for name, shape in shapes[1:]:
                if shape.is_flat != first.is_flat or shape.dims[:-1] != first.dims[:-1]:
                    if quiet:
                        return None
                    self.sink.add("E050", f"{node.path}: branch {first_name} gives {first} but branch {name} gives "
                                  f"{shape}; a concat needs equal height and width",
                                  node.span, hint=_align_hint(first, shape), path=node.path)
                    return None
            return first.with_channels(sum(shape.channels for _, shape in shapes))
        for name, shape in shapes[1:]:
            if shape != first:
                if quiet:
                    return None
                self.sink.add("E051", f"{node.path}: {_branch(node, first_name)} gives {first} but "
                              f"{_branch(node, name)} gives {shape}; an add needs equal shapes",
                              node.span, hint=_projection_hint(node, shapes[0][1], shape), path=node.path)
                return None
        return first

    # ---- expectations ------------------------------------------------------------------

    def check_line(self, exp: ir.Expectation, rows: list[Row], span: Span) -> None:
        last = rows[-1]
        if any(r.output is None or r.guessed for r in rows):
            return  # an earlier diagnostic explains why nothing (certain) is known here
        label = last.path
        assert last.output is not None
        if exp.shape is not None:
            written = "x".join(map(str, exp.shape))
            ok = exp.shape == last.output.dims
            self.record(Check(exp.shape_span or span, label, "output", written, str(last.output), ok,
                              _working(rows, "out")))
            if not ok:
                self.sink.add("E040", f"{label}: expected {written}, computed {last.output}", exp.shape_span or span,
                              hint=f"the output volume is {last.output}", path=label, notes=_working(rows, "out"))
        params = sum(r.params for r in rows)
        if exp.params is not None:
            ok = exp.params.accepts(params)
            self.record(Check(exp.params.span, label, "params", exp.params.text, f"{params:,}", ok,
                              _working(rows, "params")))
            if not ok:
                self.sink.add("E041", f"{label}: expected params {exp.params.text}, computed {params:,}",
                              exp.params.span, hint=f"the parameter count is {params:,}", path=label,
                              notes=_working(rows, "params"))
        macs = sum(r.macs for r in rows)
        if exp.macs is not None:
            ok = exp.macs.accepts(macs)
            self.record(Check(exp.macs.span, label, "macs", exp.macs.text, f"{macs:,}", ok, _working(rows, "macs")))
            if not ok:
                self.sink.add("E042", f"{label}: expected macs {exp.macs.text}, computed {macs:,}",
                              exp.macs.span, hint=f"the MAC count is {macs:,}", path=label,
                              notes=_working(rows, "macs"))

    def record(self, check: Check) -> None:
        """One check per evaluation: an expectation inside a repeat or block is checked (and
        reported) for every path it is evaluated at."""
        self.checks.append(check)


def _sum_into(row: Row, children: list[Row]) -> None:
    for child in children:
        row.weights += child.weights
        row.biases += child.biases
        row.non_trainable += child.non_trainable
        row.macs += child.macs
        row.activations += child.activations
        row.rounded = row.rounded or child.rounded


def _working(rows: list[Row], what: str) -> tuple[str, ...]:
    """The explain lines of the given kind for the layers of a line."""
    lines = []
    for r in rows:
        if r.layer is None or r.input is None or r.output is None:
            continue
        found = [f"{r.path}: {text}" for text in r.layer.explain(r.input, r.output) if text.startswith(what + " ")]
        if not found and what == "out":
            found = [f"{r.path}: out {r.output}" + (" (keeps its input's shape)" if r.input == r.output else "")]
        lines += found
    if what == "params" and len(rows) > 1:
        lines.append("line total: " + " + ".join(f"{r.params:,}" for r in rows) + f" = {sum(r.params for r in rows):,}")
    return tuple(lines)


def _branch(node: MergeNode, name: str) -> str:
    return name if node.kind == "residual" else f"branch {name}"


def _align_hint(a: Shape, b: Shape) -> str:
    if a.is_flat or b.is_flat:
        return "concatenate volumes with volumes and vectors with vectors"
    dh = a.dims[0] - b.dims[0]
    if dh > 0 and dh % 2 == 0:
        return f"pad the smaller branch's filters by {dh // 2} more (keep HxW with pad (F-1)/2 at stride 1)"
    return "keep height and width equal in every branch: pad (F-1)/2 at stride 1, and the same strides"


def _projection_hint(node: MergeNode, body: Shape, other: Shape) -> str:
    if body.is_flat or other.is_flat or body.dims[0] == 0:
        return "make both branches give the same shape"
    stride = other.dims[0] // body.dims[0] if other.dims[0] % body.dims[0] == 0 else 1
    proj = f"conv {body.channels} 1x1" + (f" stride {stride}" if stride > 1 else "")
    if node.kind == "residual":
        return f"add a projection: `shortcut {{ {proj} }}`"
    return f"project the other branch with `{proj}`"


def totals_of(rows: list[Row], batch: int) -> Totals:
    top = [r for r in rows if r.depth == 1]
    return Totals(
        params=sum(r.params for r in top), weights=sum(r.weights for r in top), biases=sum(r.biases for r in top),
        non_trainable=sum(r.non_trainable for r in top), macs=sum(r.macs for r in top),
        activations=sum(r.activations for r in top), batch=batch)


_COMPARE = {"==": lambda a, b: a == b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
            ">=": lambda a, b: a >= b, ">": lambda a, b: a > b}


def check_totals(expectations: tuple[ir.TotalExpectation, ...], totals: Totals, output: Shape | None,
                 sink: DiagnosticSink) -> list[Check]:
    """`expect total params|macs|memory [op] N` and `expect output HxWxC`."""
    checks = []
    for exp in expectations:
        if exp.quantity == "output":
            written = "x".join(map(str, exp.shape or ()))
            if output is not None:
                checks.append(Check(exp.span, "", "network output", written, str(output), exp.shape == output.dims, ()))
            if output is not None and exp.shape != output.dims:
                sink.add("E044", f"expected the network's output to be {written}, computed {output}", exp.span,
                         hint=f"the last layer gives {output}")
            continue
        assert exp.limit is not None
        actual = {"params": totals.params, "macs": totals.macs,
                  "memory": totals.param_bytes + totals.activation_bytes}[exp.quantity]
        if exp.op == "==":
            holds = exp.limit.accepts(actual)
        else:
            holds = _COMPARE[exp.op](exp.limit.compare(actual), 0)
        unit = " bytes" if exp.quantity == "memory" else ""
        relation = "" if exp.op == "==" else f"{exp.op} "
        checks.append(Check(exp.span, "", f"total {exp.quantity}", f"{relation}{exp.limit.text}", f"{actual:,}{unit}",
                            holds, ()))
        if not holds:
            sink.add("E043", f"expected total {exp.quantity} {relation}{exp.limit.text}, computed {actual:,}{unit}",
                     exp.span, hint=f"the total is {actual:,}{unit}" + (
                         f", {actual - exp.limit.amount:,} over the limit" if exp.op in ("<=", "<") else ""))
    return checks

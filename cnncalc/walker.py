"""Resolved tree -> rows: per node the output shape, parameters, MACs and activations, with the
working when asked. Never raises on user input: problems become diagnostics and the walk goes on.

After an invalid stride the walk continues on the floored size, as PyTorch would, and reports
every later problem too; what rests on the guess is tracked per row (`Doubt`), so that answers
which depend on it are left unchecked with the reason, and answers which do not are judged.
"""
from __future__ import annotations

from collections.abc import Callable

from cnncalc import TYPE_CHECKING, axis, codes, limits, memo
from cnncalc import field as fields
from cnncalc.codes import Code
from cnncalc.diagnostics import DiagnosticSink
from cnncalc.layers.base import Layer, Working
from cnncalc.layers.merge import Named
from cnncalc.record import NamedTuple
from cnncalc.report import Doubt, Output, Row
from cnncalc.shape import Shape
from cnncalc.tree import LayerNode, LineCheck, MergeNode, Node, SeqNode

if TYPE_CHECKING:
    from typing import TypeAlias

    from cnncalc import ir
    from cnncalc.axis import AxisRule
    from cnncalc.field import Field, Step
    from cnncalc.tree import Rounding

PERTURB = 2**31 + 11  # added to a guessed size to see what depends on it (larger than any stride)
# a layer's own errors that leave its channels unsettled: its parameters and MACs are not known
_UNBUILDABLE = frozenset((codes.E016, codes.E017, codes.E033, codes.E037))

_LIMITS_HINT = "docs/diagnostics.md lists cnncalc's limits (Limits)"


class Flow:
    """What flows along the walk: the current volume, the row that produced it, its doubt, and the
    receptive field of its units (cnncalc/field.py; None once unknown)."""

    __slots__ = ("shape", "source", "doubt", "field")

    def __init__(self, shape: Shape | None, source: str, doubt: Doubt | None, field: Field | None) -> None:
        self.shape = shape
        self.source = source
        self.doubt = doubt  # None: certain
        self.field = field

    def copy(self) -> Flow:
        return Flow(self.shape, self.source, self.doubt, self.field)


class _LayerContext:
    """The `ShapeContext` a layer reports into: prefixes its path, points at its arguments, and says
    when a size-dependent problem is computed on a guessed size."""

    __slots__ = ("walker", "node", "row", "guess", "rounding", "rounding_source", "rounding_stated", "reported", "said",
                 "divided_as", "windowless")

    def __init__(self, walker: Walker, node: LayerNode, row: Row, guess: str | None) -> None:
        self.walker = walker
        self.node = node
        self.row = row
        self.guess = guess
        self.rounding = node.rounding.mode
        self.rounding_source = node.rounding.source
        self.rounding_stated = node.rounding.stated
        self.reported: list[Code] = []
        self.said: list[_Said] = []  # as given, to be said again at another node (`_NOTED`)
        self.divided_as: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.windowless = False

    def report(self, code: Code, message: str, arg: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None:
        self.reported.append(code)
        self.said.append((code, message, arg, hint, notes))
        if code is codes.N030 or code is codes.W030:
            self.row.rounded = True
        if self.guess is not None and code.size_dependent:
            notes = notes + (f"computed on {self.guess}",)
        self.walker.sink.add(code, f"{self.node.path}: {message}", self.node.arg_span(arg), hint, self.node.path,
                             notes)

    def divided(self, height: tuple[int, int], width: tuple[int, int]) -> None:
        self.row.divided = self.divided_as = (height, width)

    def no_window(self) -> None:
        self.row.empty = self.windowless = True


class _Quiet:
    """A context that hears nothing: for the perturbed second look at a guessed size."""

    def __init__(self, rounding: str) -> None:
        self.rounding = rounding
        self.rounding_source = ""
        self.rounding_stated = True

    def report(self, code: Code, message: str, arg: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None:
        pass

    def divided(self, height: tuple[int, int], width: tuple[int, int]) -> None:
        pass

    def no_window(self) -> None:
        pass


class _MergeContext:
    __slots__ = ("walker", "node", "guess")

    def __init__(self, walker: Walker, node: MergeNode, guess: str | None) -> None:
        self.walker, self.node, self.guess = walker, node, guess

    def report(self, code: Code, message: str, hint: str | None = None, notes: tuple[str, ...] = ()) -> None:
        if self.guess is not None and code.size_dependent:
            notes = notes + (f"computed on {self.guess}",)
        self.walker.sink.add(code, f"{self.node.path}: {message}", self.node.span, hint, self.node.path, notes)


class _Walked(NamedTuple):
    """A templated node's clean walk: its path, its input's source, its rows, its output, the row that
    gave it and its doubt, the outputs of its side heads, the receptive field it started from and its
    output's; `plan` is made by the first replay (most templates are walked once)."""

    path: str
    source: str
    rows: list[Row]
    output: Shape | None
    end: str
    doubt: Doubt | None
    outputs: list[Output]
    entry: Field | None
    field: Field | None
    plan: list[_Plan]  # empty until the first replay, then its one plan


class _Plan(NamedTuple):
    """How a walk's rows are replayed elsewhere, worked out once: paths relative to the node's (`.body.conv1`;
    None for the input's source; others as they are), receptive fields relative to its entry, and which rows
    are written inside the node's text (they move with it)."""

    opening_branches: tuple[str, ...]  # the first row's branch paths (a merge's)
    # each later row: the row, its path's suffix, where its inputs are (`_SOURCE`, …) and, elsewhere, their paths,
    # its branch suffixes, its field's index in `relatives`, whether its place moves with the node's, and the path
    # of the layer whose weights it shares, moved as its inputs' are (None: it shares none)
    steps: list[tuple[Row, str, int, tuple[str | None, ...], tuple[str, ...], int, bool, str | None]]
    relatives: list[Field | None]  # the distinct fields, relative to the entry (field.relative)
    opening_field: int  # the first row's field, as an index into `relatives`
    field: int  # the output's
    end: str | None  # the row that gives the output
    end_last: bool  # that row is the last (a merge's join, a sequence's last layer)
    outputs: list[str | None]  # the side heads' outputs


# where a replayed row's inputs are: the one row before it (most rows), the node's input alone, or elsewhere (each
# input moved as `_relative_path` says)
_BEFORE, _SOURCE, _OTHER = range(3)


def _relative_path(p: str, saved: _Walked) -> str | None:
    """A path as a replay moves it: None for the walk's input's source, `.x` for one inside the node, else
    itself."""
    if p == saved.source:
        return None
    return p[len(saved.path):] if p.startswith(saved.path + ".") else p


def _replay_plan(saved: _Walked) -> _Plan:
    entry, cut, source = saved.entry, len(saved.path), saved.source
    relatives: dict[int, Field | None] = {}  # by the field object: rows that keep a field share it (conv, bn, relu)
    own = []
    for field in [r.field for r in saved.rows] + [saved.field]:
        if id(field) not in relatives:
            relatives[id(field)] = fields.relative(field, entry)
        own.append(relatives[id(field)])
    index: dict[Field | None, int] = {}
    for relative in own:
        index.setdefault(relative, len(index))
    opening = saved.rows[0].span
    steps = []
    for before, r, relative in zip(saved.rows, saved.rows[1:], own[1:]):
        single = r.inputs[0] if len(r.inputs) == 1 else None
        # the inputs themselves only where the replay moves each (`_OTHER`)
        where, inputs = (_SOURCE, ()) if single == source else (_BEFORE, ()) if single == before.path else \
            (_OTHER, tuple(_relative_path(p, saved) for p in r.inputs))
        steps.append((r, r.path[cut:], where, inputs, tuple(p[cut:] for p in r.branches) if r.branches else (),
                      index[relative], opening.start <= r.span.start <= opening.end,  # (an empty branch is at the end)
                      None if r.shares is None else  # (inside the node: `.x`; elsewhere as it is)
                      r.shares[cut:] if r.shares.startswith(saved.path + ".") else r.shares))
    plan = _Plan(tuple(p[cut:] for p in saved.rows[0].branches), steps, list(index), index[own[0]],
                 index[own[-1]], _relative_path(saved.end, saved), saved.end == saved.rows[-1].path,
                 [_relative_path(o.path, saved) for o in saved.outputs])
    saved.plan.append(plan)
    return plan


_CacheKey: TypeAlias = "tuple[int, tuple[int, ...], str]"  # a layer's id, its input's dimensions, its rounding
# its output, (weights, biases, non-trainable), MACs, working, activations, receptive-field steps, the layer in
# spec syntax (the row's `op`, read here without a call), and the layer itself (alive while its id is a key)
_Computed: TypeAlias = ("tuple[Shape | None, tuple[int, int, int], int, Working | None, int, tuple[Step, Step] | None, "
                        "str, Layer]")
# what a layer gives on an input, without doubt and without a diagnostic: shared by the analyses of a process
# (cnncalc/memo.py), since a deep network repeats one layer on one volume, and networks share layers
_COMPUTED: dict[_CacheKey, _Computed] = memo.shared()
# what a layer reports, as `_LayerContext.report` takes it: code, message, argument, hint, notes
_Said: TypeAlias = "tuple[Code, str, str | None, str | None, tuple[str, ...]]"
# and what a layer gives on an input where it reports something without doubt (a division's rounding, said in a
# note at each place): the result, its reports, and what the row is told (`divided`, `no_window`), to report again
# at each node that gives it. Keyed by the whole rounding, which the notes name (`rounding floor` at line 7).
_NOTED: dict[tuple[int, tuple[int, ...], Rounding],
             tuple[_Computed, tuple[_Said, ...], tuple[tuple[int, int], tuple[int, int]] | None, bool]] = memo.shared()
# a layer sized `to @NAME` on an input and a target's dimensions: the layer with its output padding, or why none does
# (its base layer kept alive while its id is a key)
_SIZED: dict[tuple[int, tuple[int, ...], tuple[int, ...]], tuple[Layer, Layer | str]] = memo.shared()
_UNSEEN = _Walked("", "", [], None, "", None, [], None, None, [])


class Walker:
    def __init__(self, sink: DiagnosticSink, explain: bool, line_of: Callable[[int], int]) -> None:
        self.sink = sink
        self.explain = explain  # compute every row's working, not only for answered lines
        self.line_of = line_of
        self.rows: list[Row] = []
        self.top: list[Row] = []  # the walked network's own rows (its lines' items), in `rows` too
        self.outputs: list[Output] = []
        self.kept: dict[int, Flow] = {}  # outputs that `@NAME` references read later
        # answered lines, for expectations.py: each with its rows and the doubt of the volume it receives
        self.lines: list[tuple[LineCheck, list[Row], Doubt | None]] = []
        self.train = False
        self.templates: dict[tuple[object, ...], _Walked | None] = {}  # None: walk it afresh
        self.went_on: Doubt | None = None  # the first input stated that may start another example (`restated`)
        self.tied_rows: dict[int, Row] = {}  # the rows of the layers whose weights others share, by their node's id

    def walk(self, root: SeqNode, x: Shape | None, unknown: str | None = None, guessed: str | None = None) -> Flow:
        """The rows of the network from input `x`; `unknown` says why there is none, `guessed` why its
        height and width are only an example (what depends on them is then not judged)."""
        doubt = Doubt(unknown, None, True, True) if unknown is not None else \
            Doubt(guessed, (True, True, False), False, False) if guessed is not None and x is not None else None
        flow = Flow(x, "input", doubt, None if x is None or x.is_flat else fields.START)
        self.top = self.children(root, flow)
        return flow

    # ---- nodes ---------------------------------------------------------------------

    def node(self, node: Node, flow: Flow, answered: bool) -> Row:
        if isinstance(node, LayerNode):
            row = self.layer(node, flow, answered)
            if node.tied:
                self.tie(node, row)
        elif isinstance(node, MergeNode):
            row = self.merge(node, flow) if node.template is None else self.templated(node, flow)
        else:
            row = self.seq(node, flow)
        if node.keep:
            self.kept[id(node)] = flow.copy()
        return row

    def layer(self, node: LayerNode, flow: Flow, answered: bool) -> Row:
        layer, problem = node.layer, node.problem
        if node.to is not None and layer is not None:
            layer, problem = self.sized(node, layer, flow)
        x = flow.shape
        if layer is not None and x is not None and flow.doubt is None:
            hit = _COMPUTED.get((id(layer), x.dims, node.rounding.mode))
            wanted = answered or self.explain  # the row's working (only then: whatever computed it first wanted)
            if hit is not None and (hit[3] is not None or not wanted):
                # computed before on the same input, without doubt (most layers of a deep network): the row from
                # the cache, in one pass (here, not in a method of the walker's: a call a layer costs 2% of a chain;
                # the row with each slot set once, Row.of_layer)
                y, counts, macs, working, activations, steps, op, _ = hit
                field = flow.field
                if field is not None and steps is not fields.SAME_STEPS:
                    field = None if steps is None else fields.compose(field, steps)
                call = node.call
                row = Row.of_layer(node.path, node.name, call.keyword, op, node.depth, call.span, node.shift, x,
                                   flow.source, y, counts, macs, self.train, activations, layer,
                                   working if wanted else None, field)
                flow.shape = y  # (a statement each: four targets at once would build and unpack a tuple)
                flow.source = node.path
                flow.field = field
                flow.doubt = None
                self.rows.append(row)
                return row
        keyword = node.call.keyword
        row = Row(node.path, node.name, "layer", keyword, layer.spec_text() if layer else keyword,
                  node.depth, node.call.span, x, (flow.source,), node.shift)
        row.train = self.train
        row.layer = layer
        self.rows.append(row)
        if layer is None or x is None:
            row.known = False
            reason = problem or (flow.doubt.reason if flow.doubt is not None else "an earlier error")
            row.doubt = Doubt(reason, None, True, True)
        elif layer.spatial_input and x.is_flat:
            self.sink.add(codes.E034, f"{node.path}: `{node.keyword}` needs an HxWxC volume but gets the flat vector "
                                      f"{x}", node.span, hint="put spatial layers before the first `fc` or `flatten`",
                          path=node.path)
            row.known = False
            row.doubt = Doubt(f"the error at line {self.line_of(node.span.start)}", None, True, True)
        else:
            key = (id(layer), x.dims, node.rounding.mode)
            hit = _COMPUTED.get(key) if flow.doubt is None else None
            wanted = answered or self.explain
            if hit is None or (hit[3] is None and wanted):
                hit = self.computed(node, layer, x, row, flow.doubt, answered, key)
            y, (row.weights, row.biases, row.non_trainable), macs, working, row.activations, steps, _, _ = hit
            if wanted:
                row.working = working
            row.output = y
            if self.train:
                row.train_macs = macs
            else:
                row.macs = macs
            field = flow.field
            if field is not None and steps is not None:
                row.field = fields.compose(field, steps)
        flow.shape, flow.source, flow.field = row.output, node.path, row.field
        flow.doubt = None if row.doubt is None else _output_doubt(row.doubt)
        return row

    def sized(self, node: LayerNode, layer: Layer, flow: Flow) -> tuple[Layer | None, str | None]:
        """`deconv … to @NAME`: the layer as it gives NAME's height and width (its output padding decided here,
        once: later stages read the row's layer), or None and why (E068 where none does). The output's size rests
        on NAME's, so on its doubt too."""
        ref, target = node.call.to, self.kept.get(id(node.to))
        assert ref is not None
        if target is None or target.shape is None:
            return None, f"the size of `@{ref.name}` is unknown"
        if flow.shape is None:
            return layer, None
        if target.doubt is not None and flow.doubt is None:
            flow.doubt = target.doubt
        key = (id(layer), flow.shape.dims, target.shape.dims)
        known = _SIZED.get(key)
        reached = known[1] if known is not None else layer.reaching(flow.shape, target.shape)
        _SIZED[key] = (layer, reached)
        if isinstance(reached, str):
            span = ref.span.shifted(node.shift)
            guess = _floored(_guess_reason(flow.doubt))  # (a size resting on a guess says so, as a layer's own do)
            self.sink.add(codes.E068, f"{node.path}: `to @{ref.name}` ({target.shape}) cannot be reached from "
                                      f"{flow.shape}: {reached}", span, path=node.path,
                          hint=f"make `{ref.name}`'s size one it reaches, or write the output padding with `outpad`",
                          notes=(f"computed on {guess}",) if guess is not None else ())
            return None, f"the error at line {self.line_of(span.start)}"
        return reached, None

    def tie(self, node: LayerNode, row: Row) -> None:
        """A layer whose weights another shares: its row, kept to compare. One that shares another's (`shares
        NAME`): no parameters of its own, as PyTorch counts a module applied twice (they are counted at the other's
        row), and E064 where its input would give the weights another shape than the other's input gives them."""
        target = node.shares
        if target is None:
            self.tied_rows[id(node)] = row
            return
        assert node.layer is not None and target.layer is not None and node.call.shares is not None
        row.shares = target.path
        row.op = f"{row.op} shares {node.call.shares.name}"
        first = self.tied_rows.get(id(target))
        if first is not None and row.input is not None and first.input is not None and row.doubt is None \
                and first.doubt is None:
            mine, theirs = node.layer.weight_shapes(row.input.dims), target.layer.weight_shapes(first.input.dims)
            if mine != theirs:
                self.sink.add(codes.E064, f"{node.path}: receives {row.input}, where `{target.path}`, whose weights "
                                          f"it shares, receives {first.input}: its weights would be "
                                          f"{_weight_shapes(mine)}, the shared ones are {_weight_shapes(theirs)}",
                              node.call.shares.span.shifted(node.shift),
                              hint="a layer shares the weights of one that receives as many channels "
                                              "(features, for `fc`)", path=node.path)
        row.weights = row.biases = row.non_trainable = 0
        if row.working is not None and row.working.params is not None:
            row.working = row.working._replace(params=f"0: its weights are `{target.path}`'s, counted there")

    def computed(self, node: LayerNode, layer: Layer, x: Shape, row: Row, doubt: Doubt | None, answered: bool,
                 key: _CacheKey) -> _Computed:
        """A layer's output, parameters, MACs, working (when wanted), activations and receptive-field
        steps on input `x` (the steps None without an output), and its row's doubt; kept under `key`
        (layer, input, rounding) when nothing was reported, since a deep network repeats one layer on
        one volume, and with what it reported in `_NOTED` when that was all (no doubt on its input)."""
        want_working = answered or self.explain
        ctx = _LayerContext(self, node, row, _floored(_guess_reason(doubt)))
        noted = _NOTED.get((id(layer), x.dims, node.rounding)) if doubt is None else None
        if noted is not None and (noted[0][3] is not None or not want_working):  # reported before, said here again
            computed, said, divided, windowless = noted
            for report in said:
                ctx.report(*report)
            if divided is not None:
                ctx.divided(*divided)
            if windowless:
                ctx.no_window()
            row.doubt = self.doubt_of(node, layer, x, computed[0], computed[1], computed[2], None, ctx.reported)
            return computed
        _check_declared_inputs(layer, x, ctx)
        y = layer.out_shape(x, ctx)
        if y is not None and not _within_limits(y):
            ctx.report(codes.E031, f"the output {y} is beyond cnncalc's limits ({limits.MAX_EXTENT:,} per side, "
                                   f"{limits.MAX_FLAT:,} flat)", hint=_LIMITS_HINT)
            y = None
        p = layer.params(x)
        params = (p.weights, p.biases, p.non_trainable)
        macs = layer.macs(x, y) if y is not None else 0
        working = layer.working(x, y, ctx) if y is not None and want_working else None
        computed = (y, params, macs, working, y.size if y is not None else 0, layer.steps(x) if y is not None else None,
                    row.op, layer)
        if doubt is None:
            if not ctx.reported:
                _COMPUTED[key] = computed
            else:
                _NOTED[id(layer), x.dims, node.rounding] = (computed, tuple(ctx.said), ctx.divided_as, ctx.windowless)
        row.doubt = self.doubt_of(node, layer, x, y, params, macs, doubt, ctx.reported)
        return computed

    def doubt_of(self, node: LayerNode, layer: Layer, x: Shape, y: Shape | None, params: tuple[int, int, int],
                 macs: int, doubt: Doubt | None, reported: list[Code]) -> Doubt | None:
        """What of this row rests on a guessed size or an error: its own invalid stride, or its input's
        doubt, found by looking again with the guessed sizes moved far away. A layer whose channels do not fit
        its input (E016, E017, E033, E037) could not be built as written: its counts rest on that error."""
        reason = doubt.reason if doubt is not None else None
        params_unsure = macs_unsure = not _UNBUILDABLE.isdisjoint(reported)
        if params_unsure:
            reason = reason or f"the error at line {self.line_of(node.span.start)}"
        unsure = [False] * (len(y.dims) if y is not None else 0)
        if doubt is not None and doubt.dims is not None and any(doubt.dims):
            moved = Shape(tuple(d + PERTURB if flag else d for d, flag in zip(x.dims, doubt.dims)))
            y2 = layer.out_shape(moved, _Quiet(node.rounding.mode))
            p2 = layer.params(moved)
            params_unsure = params_unsure or (p2.weights, p2.biases, p2.non_trainable) != params
            if y is not None:
                if y2 is None or len(y2.dims) != len(y.dims):
                    unsure = [True] * len(y.dims)
                    macs_unsure = True
                else:
                    unsure = [a != b for a, b in zip(y.dims, y2.dims)]
                    macs_unsure = macs_unsure or layer.macs(moved, y2) != macs
        if y is None:
            return Doubt(reason or f"the error at line {self.line_of(node.span.start)}", None, params_unsure, True)
        if codes.E030 in reported:
            for i in _inexact_axes(layer, x, node.rounding.ceil):
                unsure[i] = True
            reason = reason or f"the invalid stride at line {self.line_of(node.span.start)}"
            macs_unsure = True
        if reason is None or not (any(unsure) or params_unsure or macs_unsure):
            return None
        own = doubt is None and reported == [codes.E030]
        sides, most = _reach(layer, node.rounding.mode, x, y, doubt, reported)
        if most is not None and (most[0] < params[0] or most[1] < params[1] or most[2] < macs):
            most = None  # (counts grow with the sizes; a layer whose do not is not followed)
        return Doubt(reason, tuple(unsure), params_unsure, macs_unsure, own, sides, most)

    def seq(self, node: SeqNode, flow: Flow) -> Row:
        if node.kind == "side":
            return self.side(node, flow)
        if node.template is not None:
            return self.templated(node, flow)
        return self.walk_seq(node, flow)

    def templated(self, node: SeqNode | MergeNode, flow: Flow) -> Row:
        """A node like one walked before on the same input (a repeat's iterations on a steady volume, a
        block called again, a merge's line written again): the earlier rows, moved to this node's paths
        (and a merge's, to its place in the text). Only a clean walk is reused: nothing reported, no
        answered line, no kept reference. The input's doubt is part of the key: the rows' doubts follow
        from it."""
        key = (node.template, node.depth, flow.shape, flow.doubt, self.train, flow.field is None, node.keep)
        saved = self.templates.get(key, _UNSEEN)
        if saved is None:
            return self.afresh(node, flow)
        if saved is not _UNSEEN:
            return self.replay(node, flow, saved)
        start, outputs, marks = len(self.rows), len(self.outputs), (self.sink.total, len(self.lines), len(self.kept))
        source, entry = flow.source, flow.field
        row = self.afresh(node, flow)
        clean = marks == (self.sink.total, len(self.lines), len(self.kept))
        # Copying two rows costs what walking them does: only larger nodes are worth keeping.
        if clean and len(self.rows) - start > 2:
            rows = self.rows[start:]
            self.templates[key] = _Walked(node.path, source, rows, flow.shape, flow.source, flow.doubt,
                                          self.outputs[outputs:], entry, flow.field, [])
        else:
            self.templates[key] = None
        return row

    def afresh(self, node: SeqNode | MergeNode, flow: Flow) -> Row:
        return self.merge(node, flow) if isinstance(node, MergeNode) else self.walk_seq(node, flow)

    def replay(self, node: SeqNode | MergeNode, flow: Flow, saved: _Walked) -> Row:
        path, source = node.path, flow.source
        # The rows written inside the node's text move with it (a merge's line written again, and what is in it);
        # a block's body stays where the block is written (so a block called again, elsewhere, moves only its
        # first row), and a repeat's iterations are the same text.
        shift = node.span.start - saved.rows[0].span.start
        plan = saved.plan[0] if saved.plan else _replay_plan(saved)
        entry = flow.field
        # each field the rows have, from this replay's entry (rows that keep a field share it: conv, bn, relu)
        absolute = [fields.absolute(relative, entry) for relative in plan.relatives]

        def moved(p: str | None) -> str:
            return source if p is None else path + p if p[:1] == "." else p

        rows = self.rows
        append = rows.append
        first = saved.rows[0].moved(path, (source,), tuple(map(path.__add__, plan.opening_branches)),
                                    absolute[plan.opening_field], node.span, 0)
        first.name, first.op = node.name, node.op
        append(first)
        last = first
        for r, suffix, where, inputs, branches, field, moves, shares in plan.steps:
            last = r.moved(path + suffix,
                           (last.path,) if where == _BEFORE else (source,) if where == _SOURCE else
                           tuple(map(moved, inputs)),
                           tuple(map(path.__add__, branches)) if branches else (), absolute[field],
                           r.written, r.shift + shift if moves else r.shift)
            if shares is not None:
                last.shares = path + shares if shares[:1] == "." else shares
            append(last)
        if plan.outputs:
            self.outputs += [Output(moved(p), o.shape, o.train) for p, o in zip(plan.outputs, saved.outputs)]
        flow.shape, flow.source, flow.doubt = saved.output, last.path if plan.end_last else moved(plan.end), saved.doubt
        flow.field = absolute[plan.field]
        return first

    def walk_seq(self, node: SeqNode, flow: Flow) -> Row:
        if node.ref is not None:  # the branch starts from the referenced output: the caller's flow moves there
            saved = self.kept.get(id(node.ref))
            start = saved if saved is not None else Flow(None, node.ref.path, Doubt(
                f"`@{node.ref.name}` is unknown here", None, True, True), None)
            flow.shape, flow.source, flow.doubt, flow.field = start.shape, start.source, start.doubt, start.field
        row = Row(node.path, node.name, node.kind, node.kind, node.op, node.depth, node.span, flow.shape,
                  (flow.source,))
        row.train = self.train
        if node.ref is not None:
            row.ref = node.ref.path
        self.rows.append(row)
        rows = self.children(node, flow)
        _sum_into(row, rows)
        row.output = flow.shape
        row.field = flow.field
        row.doubt = _combined(rows, flow.doubt, flow.shape)
        return row

    def side(self, node: SeqNode, flow: Flow) -> Row:
        """A head on the current output: its result is an extra output; the trunk continues unchanged."""
        was = self.train
        self.train = was or node.train
        head = flow.copy()
        row = Row(node.path, node.name, "side", "side", node.op, node.depth, node.span, flow.shape, (flow.source,))
        row.train = self.train
        self.rows.append(row)
        place = len(self.outputs)  # the heads' outputs in the order they start (a head inside it: after it)
        self.outputs.append(Output(node.path, None, False))
        rows = self.children(node, head)
        _sum_into(row, rows)
        row.output = head.shape
        row.field = head.field
        row.doubt = _combined(rows, head.doubt, head.shape)
        self.train = was
        self.outputs[place] = Output(node.path, head.shape, self.train or node.train)
        return row

    def children(self, node: SeqNode, flow: Flow) -> list[Row]:
        rows: list[Row] = []
        checks = node.checks
        layer = self.layer
        if not checks:  # no answered line (most sequences of a deep network): nothing to count or hand on
            for child in node.children:
                # a layer that no `@NAME` reads (most nodes) goes straight to `layer`, the rest through `node`
                rows.append(layer(child, flow, False) if type(child) is LayerNode and not (child.keep or child.tied)
                            else self.node(child, flow, False))
            return rows
        answered: set[int] = set()
        restated: dict[int, ir.ShapeAnswer] = {}
        entering: dict[int, Doubt | None] = {}  # the doubt of what each answered line receives
        for check in checks:
            answered.update(range(check.first, check.last + 1))
            entering[check.first] = None
            if check.expectation.restated is not None:
                restated[check.first] = check.expectation.restated
        k = 0
        for i, child in enumerate(node.children):
            if i in restated:
                self.restated(restated[i], flow)
            if i in entering:
                entering[i] = flow.doubt
            rows.append(layer(child, flow, i in answered) if type(child) is LayerNode and not (child.keep or child.tied)
                        else self.node(child, flow, i in answered))
            while k < len(checks) and checks[k].last == i:
                check = checks[k]
                self.lines.append((check, rows[check.first:check.last + 1], entering[check.first]))
                k += 1
        return rows

    def restated(self, stated: ir.ShapeAnswer, flow: Flow) -> None:
        """A homework sheet's input stated before a layer read as the network going on (`Second layer (POOL1)`),
        which the sheet may mean as an example of its own on that input. Where the two differ, what rests on the
        difference is in doubt, as after a guessed size: those answers are not judged."""
        x = flow.shape
        if x is None or flow.doubt is not None or x.dims == stated.dims:
            return
        unsure = tuple(a != b for a, b in zip(x.dims, stated.dims)) if len(x.dims) == len(stated.dims) else None
        flow.doubt = Doubt(f"the input stated at line {self.line_of(stated.span.start)} ({stated.text}) while "
                           f"the network stands at {x}: an example of its own on that input, or the network going "
                           f"on? (to go on, write `After {flow.source}: {x}` in its place and name the layer)",
                           unsure, True, True)
        self.went_on = self.went_on or flow.doubt  # the totals rest on it too: which layers are the network's?

    def merge(self, node: MergeNode, flow: Flow) -> Row:
        """The container row, its branches, then a `join` row (the merge itself) fed by the branch ends."""
        n = len(node.branches)
        row = Row(node.path, node.name, node.keyword, node.keyword, node.op, node.depth, node.span,
                  flow.shape, (flow.source,))
        row.branches = node.branch_paths
        row.train = self.train
        self.rows.append(row)
        inputs: list[Shape] | None = None
        if flow.shape is not None:
            if node.kind.divides_input:
                inputs = node.kind.branch_inputs(flow.shape, n, node.count,
                                                 _MergeContext(self, node, _floored(_guess_reason(flow.doubt))))
            else:
                inputs = [flow.shape] * n
        start_doubt = flow.doubt
        if inputs is None and flow.shape is not None:
            start_doubt = Doubt(f"the error at line {self.line_of(node.span.start)}", None, False, False)
        children: list[Row] = []
        ends: list[Flow] = []
        for i, branch in enumerate(node.branches):
            branch_flow = Flow(inputs[i] if inputs is not None else None, flow.source, start_doubt,
                               flow.field if inputs is not None else None)
            children.append(self.seq(branch, branch_flow))
            ends.append(branch_flow)
        join = Row(node.join_path, node.join_name, "join", node.kind.keyword, node.kind.keyword, node.depth + 1,
                   node.span, None, tuple(e.source for e in ends))
        join.train = self.train
        join.merge = node.kind
        y = None
        unknown = next((e.doubt for e in ends if e.shape is None), None)
        if unknown is None and ends:
            outs: list[Named] = [(b.name if node.keyword == "residual" else f"branch {b.name}", e.shape)
                                 for b, e in zip(node.branches, ends) if e.shape is not None]
            guess = next((g for g in (_guess_reason(e.doubt) for e in ends) if g), None)
            y = node.kind.out_shape(outs, _MergeContext(self, node, _floored(guess)))
            if y is not None and not _within_limits(y):
                self.sink.add(codes.E031, f"{node.path}: the output {y} is beyond cnncalc's limits", node.span,
                              hint=_LIMITS_HINT, path=node.path)
                y = None
            if y is not None and (self.explain or node.keep):
                join.working = Working(node.kind.working(outs, y))
        join.output = y
        if y is not None:
            join.activations = y.size
            if any(e.doubt is not None for e in ends):  # (most merges: none, and no doubt to merge)
                join.doubt = _merged_doubt(y, [e.doubt for e in ends], _merged_sides(y, ends))
            join.field = self.joined_field(node, y, ends)
        else:
            join.known = unknown is None
            reason = unknown.reason if unknown is not None else f"the error at line {self.line_of(node.span.start)}"
            join.doubt = Doubt(reason, None, False, True)
        self.rows.append(join)
        _sum_into(row, children + [join])
        row.output = y
        row.field = join.field
        row.doubt = _combined(children + [join], _output_doubt(join.doubt), y)
        flow.shape, flow.source, flow.doubt, flow.field = y, join.path, _output_doubt(join.doubt), join.field
        return row

    def joined_field(self, node: MergeNode, y: Shape, ends: list[Flow]) -> Field | None:
        """The widest receptive field of the branches that meet, centred as the first map branch's;
        W002 when two of them, each a map of the output's size, look at different places (different
        strides or centres). A gate (1x1, broadcast by `mul`) widens the field but is not compared."""
        if any(e.field is None for e in ends) or y.is_flat:
            return None
        moved = node.kind.field_steps([e.shape for e in ends if e.shape is not None])
        if moved is not None:  # one branch's values, moved (`fit`): its field, moved too
            index, steps = moved
            source = ends[index].field
            return fields.compose(source, steps) if source is not None else None
        maps = [(b, e) for b, e in zip(node.branches, ends) if e.shape is not None and e.shape.dims[:2] == y.dims[:2]]
        first_branch, first = maps[0] if maps else (None, None)
        for branch, end in maps[1:]:
            assert first is not None and first.field is not None and end.field is not None and first_branch
            if not fields.aligned(first.field, end.field):
                self.sink.add(codes.W002, f"{node.path}: branch `{first_branch.name}` and branch `{branch.name}` look "
                                          f"at different places: {fields.describe(first.field)} against "
                                          f"{fields.describe(end.field)}", node.span,
                              hint="pad (F-1)/2 at stride 1 and put the strides at the same depth in every branch",
                              path=node.path)
                break
        anchor = first.field if first is not None and first.field is not None else ends[0].field
        assert anchor is not None
        return fields.widest([e.field for e in ends if e.field is not None], anchor)


def _weight_shapes(shapes: dict[str, tuple[int, ...]]) -> str:
    """`weight 4x1x1x64, bias 4`: a layer's arrays as `Layer.weight_shapes` gives them."""
    return ", ".join(f"{name} {'x'.join(map(str, dims))}" for name, dims in shapes.items())


def _within_limits(y: Shape) -> bool:
    if y.is_flat:
        return y.dims[0] <= limits.MAX_FLAT
    return max(y.dims) <= limits.MAX_EXTENT


def _floored(reason: str | None) -> str | None:
    """`the invalid stride at line 2` -> `the floored size from line 2` (the note on later problems)."""
    if reason is None:
        return None
    return reason.replace("the invalid stride at line", "the floored size from line")


def _guess_reason(doubt: Doubt | None) -> str | None:
    if doubt is not None and doubt.dims is not None and any(doubt.dims):
        return doubt.reason
    return None


def _inexact_axes(layer: Layer, x: Shape, ceil: bool) -> list[int]:
    """The spatial axes whose window division was inexact (its own E030)."""
    from cnncalc.layers.window import window_axes
    kernel = getattr(layer, "kernel", None)
    stride = getattr(layer, "step", None) or getattr(layer, "stride", None)
    if kernel is None or stride is None or x.is_flat:
        return [0, 1]
    dilation = getattr(layer, "dilation", (1, 1))
    h, w = window_axes(x, kernel, stride, layer.pad, dilation, ceil)  # type: ignore[attr-defined]
    return [i for i, a in enumerate((h, w)) if not a.whole]


def _output_doubt(doubt: Doubt | None) -> Doubt | None:
    """The part of a row's doubt that flows on: an unknown or partly guessed output (and how far its sides reach)."""
    if doubt is None or (doubt.dims is not None and not any(doubt.dims)):
        return None
    return Doubt(doubt.reason, doubt.dims, False, False, sides=doubt.sides)  # (its counts are the row's own)


_Sides: TypeAlias = "tuple[tuple[int, int], tuple[int, int]]"


def _reach(layer: Layer, mode: str, x: Shape, y: Shape, doubt: Doubt | None,
           reported: list[Code]) -> tuple[_Sides | None, tuple[int, int, int] | None]:
    """How far a row reaches when inexact divisions alone are in doubt: the least and the most its output's
    height and width can be, and the most its weights, biases and MACs can be (the row's own, every division
    rounded down, are the least). The input's sides (as they are, or the reach its doubt carries) go through each
    axis's rule, every inexact division rounded down for the least and up for the most; along these rules a side
    never shrinks as the input grows, nor does a count, so no way of rounding those divisions gives a value
    outside. None where anything else is in doubt (a guess, an error), or a rule carries no reach (a flatten, a
    window the map's own width)."""
    if (doubt is None and codes.E030 not in reported) or any(code is not codes.E030 for code in reported) or \
            len(x.dims) != 3:
        return None, None
    if doubt is None:
        reach: _Sides = ((x.dims[0], x.dims[0]), (x.dims[1], x.dims[1]))
    elif doubt.sides is None:
        return None, None
    else:
        reach = doubt.sides
    largest = Shape((reach[0][1], reach[1][1], x.dims[2]))
    if len(y.dims) != 3:  # a vector: the layer's own output from the largest input (a fully connected layer's)
        y_most = layer.out_shape(largest, _Quiet(mode))
        return None, _most(layer, largest, y_most) if y_most is not None and y_most.dims == y.dims else None
    sides = []
    for (least, most), rule, computed in zip(reach, layer.axis_rules(), y.dims):
        carried = _carried(rule, least, most)
        if carried is None or carried[0] != computed:  # the walk rounds down: its side is the least (else: a mode
            return None, None                          # of the layer's own, which this reach does not follow)
        sides.append(carried)
    return (sides[0], sides[1]), _most(layer, largest, Shape((sides[0][1], sides[1][1], y.dims[2])))


def _most(layer: Layer, x: Shape, y: Shape) -> tuple[int, int, int]:
    p = layer.params(x)
    return p.weights, p.biases, layer.macs(x, y)


def _carried(rule: AxisRule, least: int, most: int) -> tuple[int, int] | None:
    """An axis's least and most output for an input between `least` and `most` (an inexact window division
    rounded down for the least, up for the most); None for a rule that ends the axis or ties it to the other."""
    if isinstance(rule, axis.Window):
        if rule.same:
            return -(-least // rule.stride), -(-most // rule.stride)
        travel = rule.pad_begin + rule.pad_end - rule.f_eff
        if least + travel < 0:
            return None
        return (least + travel) // rule.stride + 1, -(-(most + travel) // rule.stride) + 1
    if isinstance(rule, axis.Transposed):
        grown = rule.f_eff + rule.outpad - rule.pad_total
        return (least - 1) * rule.stride + grown, (most - 1) * rule.stride + grown
    if isinstance(rule, axis.Scale):
        return least * rule.factor // rule.divisor, -(-most * rule.factor // rule.divisor)
    if isinstance(rule, axis.Fixed):
        return rule.size, rule.size
    if isinstance(rule, axis.Shift):
        return least + rule.delta, most + rule.delta
    return None


def _merged_sides(y: Shape, ends: list[Flow]) -> _Sides | None:
    """How far a merge's output sides reach (`Doubt.sides`) when inexact divisions alone put its branches in doubt:
    the hull of the reaches of the branches that are maps of its size (a residual's body and shortcut, a concat's
    branches, the map `fit` takes its size from), which holds every side the merge can have. A certain branch of
    another size (a gate `mul` broadcasts) does not count; one in doubt leaves the reach unknown."""
    if len(y.dims) != 3:
        return None
    reaches: list[_Sides] = []
    for end in ends:
        sides = None if end.doubt is None else end.doubt.sides
        if end.shape is None or (end.doubt is not None and sides is None):
            return None
        if end.shape.dims[:2] != y.dims[:2]:
            if end.doubt is not None:
                return None
            continue
        reaches.append(sides if sides is not None else ((y.dims[0], y.dims[0]), (y.dims[1], y.dims[1])))
    if not reaches:
        return None
    height, width = ((min(r[i][0] for r in reaches), max(r[i][1] for r in reaches)) for i in (0, 1))
    return (height, width) if (height[0], width[0]) == y.dims[:2] else None


def _merged_doubt(y: Shape, doubts: list[Doubt | None], sides: _Sides | None = None) -> Doubt | None:
    """A merge's output is unsure in a dimension when any branch's is (conservatively); `sides`: how far its sides
    reach, when that is known."""
    present = [d for d in doubts if d is not None and d.dims is not None]
    if not present:
        return None
    unsure = [False] * len(y.dims)
    for d in present:
        assert d.dims is not None
        for i, flag in enumerate(d.dims[-len(y.dims):] if len(d.dims) >= len(y.dims) else d.dims):
            unsure[i] = unsure[i] or flag
        if d.dims and d.dims[-1]:
            unsure[-1] = True
    return Doubt(present[0].reason, tuple(unsure), False, False, sides=sides) if any(unsure) else None


def _combined(rows: list[Row], end: Doubt | None, output: Shape | None) -> Doubt | None:
    """A container's doubt: its output's (the flow at its end), and any child's parameters or MACs (with the most
    they can be, when every child's in doubt is followed)."""
    doubts = [r.doubt for r in rows if r.doubt is not None]
    if end is None and not doubts:
        return None
    params = any(d.params for d in doubts)
    macs = any(d.macs for d in doubts)
    if end is None and not params and not macs:
        return None
    most = _most_within(rows) if params or macs else None
    if end is not None:
        return Doubt(end.reason, end.dims, params, macs, sides=end.sides, most=most)
    reason = next(r.doubt.reason for r in rows if r.doubt is not None)
    return Doubt(reason, tuple(False for _ in output.dims) if output is not None else None, params, macs, most=most)


def _most_within(children: list[Row]) -> tuple[int, int, int] | None:
    """The most a container's weights, biases and MACs (with its training heads') can be: each child's most where
    its counts rest on inexact divisions, its own counts elsewhere; a sum of counts that each grow with the sizes
    grows with them too. None when a child's in doubt has no most (it is not followed)."""
    weights = biases = macs = 0
    for r in children:
        doubt = r.doubt
        if doubt is not None and (doubt.params or doubt.macs):
            if doubt.most is None:
                return None
            w, b, m = doubt.most
        else:
            w, b, m = r.weights, r.biases, r.macs + r.train_macs
        weights, biases, macs = weights + w, biases + b, macs + m
    return weights, biases, macs


def _sum_into(row: Row, children: list[Row]) -> None:
    for child in children:
        row.weights += child.weights
        row.biases += child.biases
        row.non_trainable += child.non_trainable
        row.macs += child.macs
        row.train_macs += child.train_macs
        row.activations += child.activations
        row.rounded = row.rounded or child.rounded
        row.known = row.known and child.known


def _check_declared_inputs(layer: Layer, x: Shape, ctx: _LayerContext) -> None:
    """`inputs N` as written (PyTorch's `in_channels`, `in_features`): what the layer receives must be N."""
    declared = layer.inputs
    if declared is None:
        return
    received = x.size if layer.counts_all_inputs else x.channels
    if declared != received:
        what = "values" if layer.counts_all_inputs else "channels"
        seen = f" ({x} flattened)" if layer.counts_all_inputs and not x.is_flat else f" ({x})"
        ctx.report(codes.E017, f"written for {declared:,} input {what} but receives {received:,}{seen}",
                   arg="inputs", hint=f"write `inputs {received}`, or change the layer before so it gives {declared:,}")

"""Checking answers: every answer written after `->` or in an `expect` line gets a verdict — right,
wrong, or not checked with the reason. A value that rests on a guessed size (after an invalid
stride) or on an unknown one (after an unreadable line) is never judged; everything else is.
A wrong answer says what the right one is, shows the working, and names a common slip."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cnncalc import TYPE_CHECKING, axis, codes, ir
from cnncalc.codes import Code
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.field import describe, shown
from cnncalc.layers import REGISTRY
from cnncalc.layers.base import BYTES_PER_VALUE, Filter
from cnncalc.report import Answer, Doubt, Row, Totals, sum_rows
from cnncalc.shape import Shape, format_ratio, same_padding
from cnncalc.tree import LineCheck

if TYPE_CHECKING:
    from fractions import Fraction

_COMPARE: dict[str, Callable[[int], bool]] = {
    "<=": lambda sign: sign <= 0, "<": lambda sign: sign < 0, ">=": lambda sign: sign >= 0, ">": lambda sign: sign > 0}


class Checker:
    """Collects answers and reports the wrong and unchecked ones as diagnostics."""

    def __init__(self, sink: DiagnosticSink, worked: Callable[[Span], Fraction | None] | None = None,
                 rows: Sequence[Row] = (), assumed: str = "") -> None:
        self.sink = sink
        # why the input's depth is only assumed (`ir.Input.depth_assumed`): the counts, which rest on it, are not
        # judged (but a layer's parameters none at any depth, a pool's 0); the sizes are
        self.assumed = assumed
        self.worked = worked  # what the working written before an answer computes (a homework sheet's), if any
        self.answers: list[Answer] = []
        self.confirmed: set[str] = set()  # rows an answer says do not fit (`-> invalid`): N047/N048, not E030/E031
        self.rows = rows  # every row of the network, in walk order: where a container's parts are
        self._places: dict[str, int] | None = None  # each row's place in `rows`, once a container's parts are asked

    def parts(self, row: Row) -> list[Row]:
        """A container's rows one level in (a repeat's iterations, a block's layers, a merge's branches and join),
        whose counts its own sums: the working of a count answered for it."""
        if self._places is None:
            self._places = {r.path: i for i, r in enumerate(self.rows)}
        rows, found = self.rows, []
        at = self._places.get(row.path, len(rows)) + 1
        while at < len(rows) and rows[at].depth > row.depth:  # (its own rows alone: no copy of the rest)
            if rows[at].depth == row.depth + 1:
                found.append(rows[at])
            at += 1
        return found

    def _slipped(self, span: Span, right: int) -> str | None:
        """For a wrong answer whose working right before it gives the right value: the slip is that step's
        arithmetic (not a named slip: `(5*5*3+1)*10 = 750` is no count without the biases)."""
        if self.worked is None or self.worked(span) != right:
            return None
        return f"its working gives {right:,}: the arithmetic of its last step slipped"

    def _record(self, answer: Answer, code: Code, hint: str | None = None) -> None:
        self.answers.append(answer)
        who = f"{answer.label}: " if answer.label else ""
        if answer.verdict == "wrong":
            slip = f"; {answer.reason}" if answer.reason else ""
            self.sink.add(code, f"{who}expected {_quantity(answer)}{answer.expected}, computed {answer.actual}{slip}",
                          answer.span, hint, answer.path or None, answer.working)
        elif answer.verdict == "unchecked":
            self.sink.add(codes.N046, f"{who}the answer {_quantity(answer)}{answer.expected} is not checked: "
                                      f"{answer.reason}", answer.span, None, answer.path or None)

    # ---- the input's answers ---------------------------------------------------------------

    def input(self, answers: ir.Expectation, x: Shape | None, unknown: str | None) -> None:
        """Counts answered for the input (`| Input | (32,32,3) | 3,072 | 0 |`): its values, H·W·C, and no
        parameters or MACs (it is no layer). `unknown` says why the size is not known (letters, an error)."""
        for quantity in _INPUT_QUANTITIES:
            count = getattr(answers, quantity)
            if count is None:
                continue
            if quantity == "memory":
                count = _significant(count)  # as a layer's memory is read (`150K` for 150,528 values)
            code = _COUNT_CODES[quantity]
            working: tuple[str, ...]
            if quantity != "memory":
                actual, working = 0, (f"input: {ir.PLURALS[quantity]} 0 (the input is no layer)",)
            elif x is None or unknown is not None:
                self._record(Answer(count.span, "input", "input", quantity, count.text, None, "unchecked",
                                    f"it rests on {unknown or 'the input, unknown'}", ()), code)
                continue
            else:
                actual, working = x.size, (f"input: memory {'·'.join(map(str, x.dims))} = {x.size:,} values",)
            in_bytes, values = _in_bytes(count, quantity), actual
            if in_bytes:
                working = _in_bytes_worked(working, actual)
                actual *= BYTES_PER_VALUE
            verdict = "right" if _holds(count, actual, in_bytes) and not _unit_slip(count, quantity) else "wrong"
            self._record(Answer(count.span, "input", "input", quantity, count.text,
                                f"{actual:,}{' bytes' * in_bytes}", verdict,
                                (_unit_slip(count, quantity) or
                                 (_bytes_slip(quantity, values) if in_bytes and count.accepts(values) else
                                  _rounding_slip(count, actual))) if verdict == "wrong" else None, working), code,
                         hint=f"the input holds {actual:,} {'bytes as float32' if in_bytes else 'values'}"
                         if quantity == "memory" else f"the input is no layer: it has no {ir.PLURALS[quantity]}")

    # ---- a line's answers ----------------------------------------------------------------

    def line(self, check: LineCheck, rows: list[Row], received: Doubt | None) -> None:
        """The answers written after a line about its `rows`; `received`: the doubt of the volume the line receives
        (the flow's before its first item), which its `-> input …` answer rests on."""
        exp = check.expectation
        label = rows[0].path
        last = rows[-1]
        if exp.shape is not None and not exp.shape.dims:
            self.no_fit(exp.shape, label, rows)
        elif exp.shape is not None:
            self.shape(exp.shape, label, last.path, last.output, last.doubt, _working(rows, "out"), codes.E040,
                       window=_window_row(rows), sizing=_window_row(rows, (axis.Window, axis.Transposed)))
        for side in exp.sides:
            if side.axis is None:  # a square output's side, answered beside a volume that says another
                self.shape(side, label, last.path, last.output, last.doubt, _working(rows, "out"), codes.E040,
                           window=_window_row(rows), sizing=_window_row(rows, (axis.Window, axis.Transposed)))
            else:
                self.side(side, label, last.path, last.output, last.doubt, _working(rows, "out"), _window_row(rows))
        for quantity in ("params", "weights", "biases", "macs"):
            count = getattr(exp, quantity)
            if count is not None:
                self.count(count, label, quantity, rows, _COUNT_CODES[quantity])
        if exp.memory is not None:  # the line's output, as its shape answer is
            self.count(_significant(exp.memory), label, "memory", rows[-1:], _COUNT_CODES["memory"])
        if exp.field is not None:
            self.receptive(exp.field, label, last)
        if exp.padding is not None:
            self.padding(exp.padding, label, rows)
        if exp.received is not None:  # what the line's first layer receives: the output before it
            first = rows[0]
            x = first.input
            if x is not None and len(x.dims) == 3 and len(exp.received.dims) == 1 and first.keyword == "fc":
                x = Shape.flat(x.size)  # an FC layer's input as the vector it flattens (`| FC | 8192 |` on 16x16x32)
                if received is not None and received.dims is not None:  # unsure when any side it flattens is
                    received = Doubt(received.reason, (any(received.dims),), False, False)
            said = () if first.input is None else (f"{first.path}: input {first.input}",)
            if exp.received.axis is None:
                self.shape(exp.received, label, first.path, x, received if x is not None else first.doubt, said,
                           codes.E040, "input")
            else:  # `-> input depth 3`: one side of it
                self.side(exp.received, label, first.path, first.input, received if x is not None else first.doubt,
                          said, quantity="input")
        if exp.input_memory is not None:
            self.received_values(exp.input_memory, label, rows[0], received)
        if exp.filter_params is not None:
            self.one_filter(exp.filter_params, label, "params", rows)
        if exp.filter_weights is not None:
            self.one_filter(exp.filter_weights, label, "weights", rows)
        if exp.filter_biases is not None:
            self.one_filter(exp.filter_biases, label, "biases", rows)
        if exp.filter_shape is not None:
            self.filter_shape(exp.filter_shape, label, rows)
        if exp.connections is not None:
            self.connections(exp.connections, label, rows)

    def received_values(self, count: ir.Count, label: str, first: Row, received: Doubt | None) -> None:
        """`-> input memory 4096` (`CONV2 receives 4096 values`): the values the line's first layer receives,
        H·W·C of the output before it, read as a layer's `memory` is (`4.1K`, in bytes as float32). When that volume
        rests on a guess (`received`, the flow's doubt before the line), not checked, unless no rounding of the
        inexact divisions it rests on gives the answer (wrong, as a line's `memory` is then)."""
        quantity, code = "input memory", _COUNT_CODES["memory"]
        x = first.input
        doubt = received if x is not None else first.doubt
        unsure = doubt is not None and (doubt.dims is None or any(doubt.dims))
        if x is None:
            reason = f"it rests on {doubt.reason}" if doubt is not None else "the input is unknown"
            self._record(Answer(count.span, label, first.path, quantity, count.text, None, "unchecked", reason, ()),
                         code)
            return
        count = _significant(count)
        in_bytes, actual = _in_bytes(count, "memory"), x.size
        working: tuple[str, ...] = (
            f"{first.path}: input {x} = {'·'.join(map(str, x.dims))} = {actual:,} values" if len(x.dims) > 1
            else f"{first.path}: input {actual:,} values",)
        if in_bytes:
            working = _in_bytes_worked(working, actual)
        shown = actual * BYTES_PER_VALUE if in_bytes else actual
        written = f"{shown:,}{' bytes' * in_bytes}"
        if unsure and doubt is not None:
            most = None if in_bytes else _values_most(x, doubt)
            if most is None or _reachable(count, actual, most):
                self._record(Answer(count.span, label, first.path, quantity, count.text, written, "unchecked",
                                    f"it rests on {doubt.reason}", working), code)
                return
            self._record(Answer(count.span, label, first.path, quantity, count.text, written, "wrong",
                                _out_of_reach(doubt.reason, actual, most), working), code,
                         hint=f"rounded down at each division that is not whole, as PyTorch does, {first.path} "
                              f"receives {actual:,} values")
            return
        if _holds(count, shown, in_bytes):
            self._record(Answer(count.span, label, first.path, quantity, count.text, written, "right", None, working),
                         code)
            return
        slip = _bytes_slip("memory", actual) if in_bytes and count.accepts(actual) else \
            (self._slipped(count.span, actual) if count.exact and not in_bytes else None) or \
            _rounding_slip(count, shown)
        self._record(Answer(count.span, label, first.path, quantity, count.text, written, "wrong", slip, working),
                     code, hint=f"{first.path} receives {x}: {actual:,} values"
                                f"{f' ({shown:,} bytes as float32)' * in_bytes}")

    def one_filter(self, count: ir.Count, label: str, of: str, rows: list[Row]) -> None:
        """`filter params 76` (the lecture's `76 per filter`): one filter's parameters, its bias with them
        (`filter weights` leaves it out, `filter biases` is the bias alone: 1, or 0 in a layer without biases), of
        the line's one layer with filters (a neuron's, for `fc`)."""
        quantity = f"{of} per filter"
        found = _one_filtered(rows, "one filter's count", lambda doubt: doubt.params)
        if isinstance(found, str):
            self._record(Answer(count.span, label, rows[-1].path, quantity, count.text, None, "unchecked", found,
                                ()), codes.E041)
            return
        row, one = found
        bias = one.bias if of in ("params", "biases") else 0
        actual = bias if of == "biases" else one.weights + bias
        working: tuple[str, ...] = \
            (f"{row.path}: {quantity} {bias} ({'one bias' if bias else 'no bias'} per filter)",) if of == "biases" \
            else (f"{row.path}: {quantity} {one.shown}{' + 1' * bias} = {actual:,}",)
        in_bytes = _in_bytes(count, of)
        scale = BYTES_PER_VALUE if in_bytes else 1  # `filter params 304B`: 76 parameters as float32

        def holds(values: int) -> bool:
            return _holds(count, values * scale, in_bytes)

        slip = None
        if not holds(actual):
            if bias and holds(one.weights):
                slip = "that leaves out the filter's bias"
            elif of == "weights" and one.bias and holds(one.weights + 1):
                slip = "that counts the bias too; weights leave it out"
            elif holds(row.params if of == "params" else row.weights if of == "weights" else row.biases):
                slip = f"that is the whole layer's count, not one filter's ({row.path} has " \
                       f"{row.output.channels if row.output is not None else '?'} filters)"
        if in_bytes:
            working = _in_bytes_worked(working, actual)
        shown = f"{actual * scale:,}{' bytes' * in_bytes}"
        self._record(Answer(count.span, label, row.path, quantity, count.text, shown,
                            "right" if holds(actual) else "wrong", slip, working), codes.E041,
                     hint=f"each filter of {row.path} has {actual:,} {ir.NOUNS[of]}{'s' * (actual != 1)}")

    def connections(self, count: ir.Count, label: str, rows: list[Row]) -> None:
        """`-> connections 122304`: the LeNet paper's count, every output value's inputs and its bias, at every
        position (its C1, 28·28·6 outputs of 5·5·1 weights and a bias: 122,304), of the line's one `conv`, `dwconv`
        or `fc` layer (an fc layer's: its parameters). Not checked for other layers: the paper's subsampling layers,
        with a coefficient and a bias per map, are none of cnncalc's pools."""
        found = _one_filtered(rows, "connections", lambda doubt: True)
        if not isinstance(found, str) and any(r.params for r in rows if r is not found[0]):
            found = "the line's other layers have parameters of their own"
        if isinstance(found, str):
            pools = " (the LeNet paper's subsampling layers, with a coefficient and a bias per map, are none of " \
                    "cnncalc's pools)" if not any(r.params for r in rows) else ""
            self._record(Answer(count.span, label, rows[-1].path, "connections", count.text, None, "unchecked",
                                found + pools, ()), codes.E042)
            return
        row, one = found
        assert row.output is not None
        actual = row.output.size * (one.weights + one.bias)
        working = (f"{row.path}: connections {'·'.join(map(str, row.output.dims))} outputs · "
                   f"({one.shown}{' + 1' * one.bias}) = {actual:,}",)
        right = _holds(count, actual, False)
        slip = None
        if not right and _holds(count, row.macs, False):
            slip = "that is the MACs; a connection is each output value's bias too"
        elif not right and _holds(count, row.params, False):
            slip = "that is the parameter count; the connections are the parameters at every output position"
        self._record(Answer(count.span, label, row.path, "connections", count.text, f"{actual:,}",
                            "right" if right else "wrong", slip, working), codes.E042,
                     hint=f"{row.path} has {actual:,} connections")

    def filter_shape(self, answer: ir.ShapeAnswer, label: str, rows: list[Row]) -> None:
        """`-> filter 11x11x3`: the shape of one filter of the line's layer with filters, its height, width and the
        depth it covers (the input's, or a group's: C_in/groups; `1` for a depthwise one), as `Kh x Kw x C` or
        PyTorch's `C x Kh x Kw`; `11x11` its height and width, `11` a square one's side, `363` the values it holds
        (a filter's "size" is either). A neuron of `fc` covers its whole input (`6x6x256`, or `9216` flattened)."""
        quantity = "filter shape"
        found = _one_filtered(rows, "a filter's shape", lambda doubt: True)
        if isinstance(found, str):
            self._record(Answer(answer.span, label, rows[-1].path, quantity, answer.text, None, "unchecked", found,
                                ()), codes.E041)
            return
        row, one = found
        assert row.input is not None and row.output is not None
        dims = one.dims
        if answer.axis is not None:
            self.filter_side(answer, label, row, one)
            return
        if len(answer.dims) == 4 or answer.weights:
            self.weight_shape(answer, label, row, one)
            return
        shown = "x".join(map(str, dims))
        if not one.neuron:
            height, width, depth = dims
            accepted = [dims, (depth, height, width), (height, width), (height * width * depth,)] + \
                ([(height,)] if height == width else [])  # (`11`, a square's side; `363`, its values)
            working = (f"{row.path}: filter {height}x{width} over the {depth} input channel{'s' * (depth != 1)} "
                       f"each filter sees = {shown}",)
        else:  # a neuron: a weight for every value of its input
            size = 1
            for d in dims:
                size *= d
            accepted = [dims, (size,)]
            working = (f"{row.path}: one weight per input value, {shown}" + (f" = {size:,}" if len(dims) > 1 else ""),)
        verdict = "right" if answer.dims in accepted else "wrong"
        slip = None
        if verdict == "wrong" and not one.neuron:
            if answer.dims == (dims[0], dims[1], row.output.channels):
                slip = f"that is the output's depth; a filter covers the input's {dims[2]} channel" + \
                    "s" * (dims[2] != 1)
            elif row.input.channels != dims[2] and answer.dims == (dims[0], dims[1], row.input.channels):
                slip = f"each filter covers its group's {dims[2]} of the {row.input.channels} input channels"
        self._record(Answer(answer.span, label, row.path, quantity, answer.text, shown, verdict, slip, working),
                     codes.E041, hint=f"each filter of {row.path} is {shown}")

    def filter_side(self, answer: ir.ShapeAnswer, label: str, row: Row, one: Filter) -> None:
        """`-> filter depth 3`: one side of one filter (its depth the input channels it covers); a neuron of `fc`
        on a vector covers a 1x1xN one, as the output's sides read a vector."""
        assert answer.axis is not None
        name = ir.SIDES[answer.axis]
        sides = one.dims if len(one.dims) == 3 else (1, 1, one.dims[0])
        shown = "x".join(map(str, one.dims))
        got = sides[answer.axis]
        verdict = "right" if answer.dims == (got,) else "wrong"
        slip = None
        if verdict == "wrong" and answer.axis == 2 and not one.neuron and row.output is not None and \
                answer.dims[0] == row.output.channels:
            slip = f"that is the output's depth; a filter covers the input's {got} channel" + "s" * (got != 1)
        self._record(Answer(answer.span, label, row.path, f"filter {name}", answer.text, str(got), verdict, slip,
                            (f"{row.path}: each filter is {shown}",)), codes.E041,
                     hint=f"each filter of {row.path} is {shown}: its {name} is {got}")

    def weight_shape(self, answer: ir.ShapeAnswer, label: str, row: Row, one: Filter) -> None:
        """`Weight shape: 96x3x11x11`: a convolution's whole weight tensor, as PyTorch stores it (filters, the depth
        each covers, height, width) or as Keras does (height, width, depth, filters); not checked for other layers
        (a transposed convolution's order differs between the two). An `fc` layer's matrix likewise: PyTorch's
        (units, inputs), Keras' (inputs, units), its input flattened."""
        quantity = "weight shape"
        if one.neuron and row.keyword == "fc" and row.output is not None:
            self.weight_matrix(answer, label, row, one)
            return
        if one.neuron or row.keyword not in ("conv", "dwconv") or row.output is None:
            self._record(Answer(answer.span, label, row.path, quantity, answer.text, None, "unchecked",
                                "a weight tensor's shape is judged for conv, dwconv and fc layers", ()), codes.E041)
            return
        height, width, depth = one.dims
        filters = row.output.channels
        pytorch, keras = (filters, depth, height, width), (height, width, depth, filters)
        if row.keyword == "dwconv" and row.input is not None:  # Keras' DepthwiseConv2D: channels, then multiplier
            keras = (height, width, row.input.channels, filters // row.input.channels)
        shown = "x".join(map(str, pytorch))
        working = (f"{row.path}: {filters} filters of {height}x{width} over {depth} channel{'s' * (depth != 1)}: "
                   f"{shown} as PyTorch stores them (filters, depth, height, width), "
                   f"{'x'.join(map(str, keras))} as Keras does",)
        verdict = "right" if answer.dims in (pytorch, keras) else "wrong"
        slip = None
        if verdict == "wrong" and len(answer.dims) != 4:
            slip = "a convolution's weights have four sizes: filters, depth, height, width"
        elif verdict == "wrong" and row.keyword == "conv" and depth != filters and \
                answer.dims in ((depth, filters, height, width), (height, width, filters, depth)):
            slip = "the filters and the depth each covers are swapped"
        self._record(Answer(answer.span, label, row.path, quantity, answer.text, shown, verdict, slip, working),
                     codes.E041, hint=f"the weights of {row.path} are {shown}")

    def weight_matrix(self, answer: ir.ShapeAnswer, label: str, row: Row, one: Filter) -> None:
        """`Weight shape: 10x256`: an `fc` layer's weight matrix, a row of weights per unit over its flattened input,
        as PyTorch stores it (units, inputs) or Keras does (inputs, units)."""
        assert row.output is not None
        inputs = 1
        for size in one.dims:
            inputs *= size
        units = row.output.size
        pytorch, keras = (units, inputs), (inputs, units)
        shown = f"{units}x{inputs}"
        flattened = "x".join(map(str, one.dims))
        working = (f"{row.path}: {units} unit{'s' * (units != 1)}, each with a weight per input value "
                   f"({flattened}{f' = {inputs:,}' if len(one.dims) > 1 else ''}): {shown} as PyTorch stores them, "
                   f"{inputs}x{units} as Keras does",)
        verdict = "right" if answer.dims in (pytorch, keras) else "wrong"
        slip = "a convolution's weights have four sizes; an fc layer's are a matrix" \
            if verdict == "wrong" and len(answer.dims) == 4 else None
        self._record(Answer(answer.span, label, row.path, "weight shape", answer.text, shown, verdict, slip, working),
                     codes.E041, hint=f"the weights of {row.path} are {shown} (units x inputs)")

    def padding(self, answer: ir.ShapeAnswer, label: str, rows: list[Row]) -> None:
        """`-> padding 3` (`padding 1x2` for rows and columns): the zeros the line's sliding window adds on each
        side, as its `pad` says or `pad same` works out (`same_padding`, the walker's rule); wrong when the two
        sides of an axis differ (an even window's `same`); not checked without a window or a known input. A `kept`
        answer is the padding that would keep the size, `same`'s at stride 1 (not checked at another stride)."""
        window = _window_row(rows)
        row = window or rows[-1]
        if window is None or window.input is None or window.layer is None or window.doubt is not None or \
                len(window.input.dims) != 3:
            reason = f"it rests on {row.doubt.reason}" if row.doubt is not None else \
                "the line has no sliding window whose padding is known"
            self._record(Answer(answer.span, label, row.path, "padding", answer.text, None, "unchecked", reason, ()),
                         codes.E040)
            return
        rules = [rule for rule in window.layer.axis_rules() if type(rule) is axis.Window]
        if answer.kept:  # the padding that keeps the size: `same`'s at stride 1, whatever the layer's own
            strided = next((rule.stride for rule in rules if rule.stride != 1), None)
            if strided is not None:
                self._record(Answer(answer.span, label, window.path, "padding", answer.text, None, "unchecked",
                                    f"at stride {strided} no padding keeps the size", ()), codes.E040)
                return
            rules = [rule._replace(same=True) for rule in rules]
        sides = [same_padding(n, rule.f_eff, rule.stride) if rule.same else (rule.pad_begin, rule.pad_end)
                 for n, rule in zip(window.input.dims[:2], rules)]
        (top, bottom), (left, right) = sides  # as the spec writes a padding: `3`, `1x2`, `0,1,0,1`
        got = str(top) if top == bottom == left == right else f"{top}x{left}" if (top, left) == (bottom, right) \
            else f"{top},{bottom},{left},{right}"
        want = answer.dims if len(answer.dims) == 2 else answer.dims * 2
        verdict = "right" if all(pad == (w, w) for pad, w in zip(sides, want)) else "wrong"
        uneven = next(((axis_name, a, b) for axis_name, (a, b) in zip(("top and bottom", "left and right"), sides)
                       if a != b), None)
        why = None if verdict == "right" or uneven is None else \
            f"the padding differs between the sides: {uneven[1]} and {uneven[2]} ({uneven[0]})"
        working = tuple(f"{window.path}: {name} pad {_padding_working(n, rule, pad)}"
                        for name, n, rule, pad in zip(("height", "width"), window.input.dims[:2], rules, sides))
        self._record(Answer(answer.span, label, window.path, "padding", answer.text, got, verdict, why, working),
                     codes.E040, hint=f"{got} on each side keeps {window.path}'s size" if answer.kept else
                     f"{window.path} pads {got} on each side")

    def receptive(self, answer: ir.ShapeAnswer, label: str, row: Row) -> None:
        """`-> rf 7x7` (`rf 7` for a square one): how many input pixels a unit of the line's output sees, per
        axis (cnncalc/field.py); not checked when the field is unknown or rests on a guessed size."""
        field = row.field
        if field is None or row.doubt is not None:
            reason = f"it rests on {row.doubt.reason}" if row.doubt is not None else \
                "the receptive field is unknown here (an error above, or a layer that does not keep one)"
            self._record(Answer(answer.span, label, row.path, "receptive field", answer.text, None, "unchecked",
                                reason, ()), codes.E040)
            return
        height, width = shown(field[0][0]), shown(field[1][0])
        got = f"{height}x{width}"
        want = answer.dims if len(answer.dims) == 2 else answer.dims * 2
        working = (f"{row.path}: receptive field {got} input pixels, {describe(field)}",)
        verdict = "right" if (want[0], want[1]) == (height, width) else "wrong"
        self._record(Answer(answer.span, label, row.path, "receptive field", answer.text, got, verdict, None, working),
                     codes.E040, hint=f"a unit of {row.path}'s output sees {got} input pixels")

    def shape(self, answer: ir.ShapeAnswer, label: str, path: str, y: Shape | None, doubt: Doubt | None,
              working: tuple[str, ...], code: Code, quantity: str = "output", window: Row | None = None,
              sizing: Row | None = None) -> None:
        """An output volume; `window` is the line's sliding-window row, whose formula names a slip; `sizing` the
        row whose window or transposed convolution sized the output (a single number may be a side of it)."""
        if y is None:
            reason = f"it rests on {doubt.reason}" if doubt is not None else "the output is unknown"
            self._record(Answer(answer.span, label, path, quantity, answer.text, None, "unchecked", reason, ()), code)
            return
        if _side_or_values(answer, y, sizing or window):
            side = y.dims[0]
            self.answers.append(Answer(answer.span, label, path, quantity, answer.text, str(y), "unchecked",
                                       f"it may be the output's {answer.text} values or its side ({side})", working))
            self.sink.add(codes.E049, f"{label + ': ' if label else ''}`{answer.text}` may be the output's "
                                      f"{answer.text} values (right) or its side (wrong: the output is {side}x{side}),"
                                      f" so it is not judged", answer.span,
                          hint=f"write the volume, {y}", path=path or None)
            return
        dims = answer.judged(y.dims)
        pairs = ir.compared(dims, y.dims)
        unsure = doubt.dims if doubt is not None and doubt.dims is not None else ()
        rounded = _roundings(window)
        # how far the sides reach, however the inexact divisions they rest on are rounded
        reach = doubt.sides if doubt is not None and len(y.dims) == 3 else None
        neither = outside = False  # wrong only because no rounding of the inexact divisions gives it
        if pairs is None:
            verdict = "wrong"
        else:
            certain_wrong = any(want != got and not _flag(unsure, i) for i, want, got in pairs)
            guessed = any(_flag(unsure, i) for i, _, _ in pairs)
            neither = not certain_wrong and rounded is not None and \
                any(_flag(unsure, i) and i < 2 and want not in rounded[i] for i, want, _ in pairs)
            outside = not certain_wrong and not neither and reach is not None and \
                any(_flag(unsure, i) and i < 2 and not reach[i][0] <= want <= reach[i][1] for i, want, _ in pairs)
            verdict = "wrong" if certain_wrong or neither or outside else "unchecked" if guessed else "right"
        why = f"it rests on {doubt.reason}" if verdict == "unchecked" and doubt is not None else \
            _neither(rounded) if neither and rounded is not None else \
            _outside(reach, doubt.reason) if outside and reach is not None and doubt is not None else \
            (answer.square and len(y.dims) == 3 and y.dims[0] == y.dims[1] and self._slipped(answer.span, y.dims[0])) \
            or _shape_slip(answer.dims if answer.square else dims, y, answer.square, answer.order) or \
            (_formula_slip(dims, window) if window is not None else None) if verdict == "wrong" else None
        volume = f"the {'input' if quantity == 'input' else 'output'} volume is {y}"
        hint = "the division does not fit: answer so (`invalid`, the lecture's \"doesn't fit\")" if neither else \
            f"rounded down at each division that is not whole, as PyTorch does, {volume}" if outside else volume
        self._record(Answer(answer.span, label, path, quantity, answer.text, str(y), verdict, why, working), code,
                     hint=hint)

    def side(self, answer: ir.ShapeAnswer, label: str, path: str, y: Shape | None, doubt: Doubt | None,
             working: tuple[str, ...], window: Row | None = None, quantity: str = "output") -> None:
        """One side of the output (`-> depth 96`, `D2 = 96`), or of the `input` the line receives (`-> input depth
        3`); a vector of N values is 1x1xN, as `1x1x4096` answers it. `window`: the line's sliding-window row, whose
        inexact division rounds two ways."""
        assert answer.axis is not None
        name = ir.SIDES[answer.axis] if quantity == "output" else f"{quantity} {ir.SIDES[answer.axis]}"
        if y is None:
            reason = f"it rests on {doubt.reason}" if doubt is not None else "the output is unknown"
            self._record(Answer(answer.span, label, path, name, answer.text, None, "unchecked", reason, ()), codes.E040)
            return
        sides = y.dims if len(y.dims) == 3 else (1, 1, y.dims[0])
        got = sides[answer.axis]
        unsure = doubt is not None and doubt.dims is not None and \
            _flag(doubt.dims, answer.axis if len(y.dims) == 3 else 0)
        rounded = _roundings(window) if unsure and answer.axis < 2 and len(y.dims) == 3 else None
        neither = rounded is not None and answer.dims[0] not in rounded[answer.axis]
        reach = doubt.sides if unsure and doubt is not None and answer.axis < 2 and len(y.dims) == 3 else None
        outside = not neither and reach is not None and \
            not reach[answer.axis][0] <= answer.dims[0] <= reach[answer.axis][1]
        verdict = "wrong" if neither or outside or (not unsure and answer.dims[0] != got) else \
            "unchecked" if unsure else "right"
        why = f"it rests on {doubt.reason}" if verdict == "unchecked" and doubt is not None else \
            _neither(rounded) if neither and rounded is not None else \
            _outside(reach, doubt.reason, answer.axis) if outside and reach is not None and doubt is not None else \
            self._slipped(answer.span, got) if verdict == "wrong" else None
        self._record(Answer(answer.span, label, path, name, answer.text, str(got), verdict, why, working), codes.E040,
                     hint=f"the {quantity}'s {ir.SIDES[answer.axis]} is {got} (the {quantity} is {y})")

    def no_fit(self, answer: ir.ShapeAnswer, label: str, rows: list[Row]) -> None:
        """`-> invalid` (the lecture's "doesn't fit"): right when a division on the line is inexact or no
        window fits a layer's padded input, wrong when every division is exact, not checked when the line's
        input rests on an earlier guess. With the value the division gives (`2.33`), that value must be right."""
        last = rows[-1]
        working = _working(rows, "out")
        inexact = [r for r in rows if r.inexact]
        empty = [r for r in rows if r.empty]  # a kernel wider than its padded input: it does not fit either
        if inexact and answer.ratio is not None:
            self.division(answer, label, inexact[-1], working)
        elif (inexact or empty) and answer.ratio is None:
            self.confirmed.update(r.path for r in inexact + empty)
            self._record(Answer(answer.span, label, last.path, "output", answer.text,
                                "not a whole number" if inexact else "no window fits", "right", None, working),
                         codes.E040)
        elif last.output is None or (last.doubt is not None and (last.doubt.dims is None or any(last.doubt.dims))):
            reason = f"it rests on {last.doubt.reason}" if last.doubt is not None else "the output is unknown"
            self._record(Answer(answer.span, label, last.path, "output", answer.text, None, "unchecked", reason, ()),
                         codes.E040)
        else:
            self._record(Answer(answer.span, label, last.path, "output", answer.text, str(last.output), "wrong",
                                "every division on the line is exact", working), codes.E040,
                         hint=f"the output volume is {last.output}")

    def division(self, answer: ir.ShapeAnswer, label: str, row: Row, working: tuple[str, ...]) -> None:
        """`2.33` for `(7 - 3)/3 + 1`: right when the inexact division gives that value at the places written
        (rounded or cut off, as people write 2.33 or 2.3 for 7/3), on both axes; confirming it (N047)."""
        assert answer.ratio is not None and row.divided is not None
        written, scale = answer.ratio
        height, width = (format_ratio(*size) for size in row.divided)
        got = height if height == width else f"{height}x{width}"
        if all(written in _at_places(numerator, denominator, scale) for numerator, denominator in row.divided):
            self.confirmed.add(row.path)
            self._record(Answer(answer.span, label, row.path, "output", answer.text, got, "right", None, working),
                         codes.E040)
            return
        gives = f"the division gives {got}" if height == width else \
            f"the division gives {height} for the height and {width} for the width"
        self._record(Answer(answer.span, label, row.path, "output", answer.text, got, "wrong", gives, working),
                     codes.E040, hint=f"{gives}: the stride does not fit")

    def count(self, count: ir.Count, label: str, quantity: str, rows: list[Row], code: Code) -> None:
        path = rows[-1].path
        if not all(r.known for r in rows):
            doubt = next((r.doubt for r in rows if r.doubt is not None), None)
            reason = f"it rests on {doubt.reason}" if doubt is not None else "the value is unknown"
            self._record(Answer(count.span, label, path, quantity, count.text, None, "unchecked", reason, ()), code)
            return
        actual = sum(_line_value(r, quantity) for r in rows)
        doubt = next((r.doubt for r in rows if r.doubt is not None and _rests_on(r.doubt, quantity)), None)
        working = _working(rows, quantity, self.parts)
        if self.assumed and not (quantity in ("params", "weights", "biases") and not any(r.params for r in rows)):
            self._record(Answer(count.span, label, path, quantity, count.text, f"{actual:,}", "unchecked",
                                f"it rests on {self.assumed}", working), code)
            return
        # `memory 1.16MB`: the values as float32; `params 3KB` (`Memory for the parameters: 3 KB`): the parameters
        in_bytes = _in_bytes(count, quantity)
        values = actual
        if in_bytes:
            working = _in_bytes_worked(working, actual)
            actual *= BYTES_PER_VALUE
        shown = f"{actual:,} bytes" if in_bytes else f"{actual:,}"
        if doubt is not None:
            most = None if in_bytes else _most_of(rows, quantity)
            if most is None or _reachable(count, values, most):
                self._record(Answer(count.span, label, path, quantity, count.text, shown, "unchecked",
                                    f"it rests on {doubt.reason}", working), code)
                return
            reason = _out_of_reach(doubt.reason, values, most)
            self._record(Answer(count.span, label, path, quantity, count.text, shown, "wrong", reason, working),
                         code, hint=f"rounded down at each division that is not whole, as PyTorch does, the "
                                    f"{ir.NOUNS[quantity]} count is {actual:,}")
            return
        slip = _unit_slip(count, quantity)
        if slip is None and _holds(count, actual, in_bytes):
            self._record(Answer(count.span, label, path, quantity, count.text, shown, "right", None, working), code)
            return
        if slip is None and count.exact and not in_bytes:  # (a rounded one is told what it rounds to)
            slip = self._slipped(count.span, values)
        slip = slip or _slip(count, values, quantity, rows, in_bytes)
        self._record(Answer(count.span, label, path, quantity, count.text, shown, "wrong", slip, working),
                     code, hint=f"the output holds {actual:,} bytes as float32" if in_bytes and quantity == "memory"
                     else f"as float32 the {ir.NOUNS[quantity]} values take {actual:,} bytes" if in_bytes else
                     f"the output holds {actual:,} values" if quantity == "memory" else
                     f"the {ir.NOUNS[quantity]} count is {actual:,}")

    # ---- totals ------------------------------------------------------------------------

    def totals(self, expectations: tuple[ir.TotalExpectation, ...], totals: Totals, output: Shape | None,
               output_doubt: Doubt | None, rows: list[Row], top: list[Row], received: int | None = None,
               went_on: Doubt | None = None) -> None:
        """The `expect total …` lines, judged against the network's totals (`totals`: the sums of its `top`
        rows) or a kind of layer's sums (taken from all its `rows`). `received`: the input's values, when known
        (a total of activations may count them, as the CS231n notes' memory column does). `went_on`: an input
        stated that may start another example (`Walker.restated`): which layers the totals sum is in doubt."""
        for exp in expectations:
            if exp.quantity == "output":
                assert exp.shape is not None
                self.shape(exp.shape, "", "", output, output_doubt, (), codes.E044, "network output")
                continue
            assert exp.limit is not None
            if self.assumed:  # (every count of the network rests on its input's depth)
                self._record(Answer(exp.limit.span, "", "", f"total {exp.quantity}", exp.limit.text, None,
                                    "unchecked", f"it rests on {self.assumed}", ()), codes.E043)
                continue
            counted, sums = top, totals
            if exp.family is not None:  # `in conv layers`: that kind's layers alone, wherever they are
                counted = [r for r in rows if r.kind == "layer" and _family_of(r) == exp.family]
                sums = sum_rows(counted, totals.batch)
            memory = None if sums.param_bytes is None or sums.activation_bytes is None else \
                sums.param_bytes + sums.activation_bytes
            # memory is in bytes; the counts of values are with a byte unit (`expect total params 16.4MB`: float32)
            in_bytes = exp.quantity == "memory" or _in_bytes(exp.limit, exp.quantity)
            actual = {"params": sums.all_params if exp.with_statistics else sums.params, "weights": sums.weights,
                      "biases": sums.biases, "macs": sums.macs, "memory": memory,
                      "activations": sums.activations}[exp.quantity]
            scale = BYTES_PER_VALUE if in_bytes and exp.quantity != "memory" else 1  # values as float32 bytes
            if actual is not None:
                actual *= scale
            unit = " bytes" if in_bytes else ""
            relation = "" if exp.op == "==" else f"{exp.op} "
            expected = f"{relation}{exp.limit.text}"
            quantity = f"total {exp.quantity}" + ("" if exp.family is None else f" in {exp.family} layers") + \
                (" with running statistics" if exp.with_statistics else "")
            if actual is None:
                doubt = next((r.doubt for r in counted if not r.known and r.doubt is not None), None)
                reason = f"it rests on {doubt.reason}" if doubt is not None else "a layer could not be computed"
                self._record(Answer(exp.limit.span, "", "", quantity, expected, None, "unchecked", reason, ()),
                             codes.E043)
                continue
            if exp.unsure:
                self._record(Answer(exp.limit.span, "", "", quantity, expected, None, "unchecked", exp.unsure, ()),
                             codes.E043)
                continue
            attr = "macs" if exp.quantity == "macs" else "params"
            doubt = went_on or next((r.doubt for r in counted if r.doubt is not None and getattr(r.doubt, attr)), None)
            if exp.quantity in ("memory", "activations") and doubt is None:
                doubt = next((r.doubt for r in counted if r.doubt is not None and
                              (r.doubt.params or r.doubt.dims is None or any(r.doubt.dims))), None)
            shown = f"{actual:,}{unit}"
            if doubt is not None:
                # a total the network's layers reach after inexact divisions (not a worked example's, between
                # layers, whose readings differ): a budget holds, or fails, at both ends of the reach or not checked
                most = None if doubt is went_on or in_bytes or exp.between else \
                    _most_of(counted, exp.quantity, inference=True)
                ends = None if most is None or exp.op == "==" else \
                    {_COMPARE[exp.op](exp.limit.compare(value)) for value in (actual, most)}
                if most is None or (exp.op == "==" and _reachable(exp.limit, actual, most)) or ends == {True, False}:
                    self._record(Answer(exp.limit.span, "", "", quantity, expected, shown, "unchecked",
                                        f"it rests on {doubt.reason}", ()), codes.E043)
                    continue
                if ends == {True}:  # (from `actual` to `most` alike: whichever way the divisions are rounded)
                    self._record(Answer(exp.limit.span, "", "", quantity, expected, f"{actual:,} to {most:,}",
                                        "right", None, ()), codes.E043)
                    continue
                reason = _out_of_reach(doubt.reason, actual, most) if exp.op == "==" else \
                    _out_of_reach(doubt.reason, actual, most, f"`{expected}` holds for none of them")
                self._record(Answer(exp.limit.span, "", "", quantity, expected, shown, "wrong", reason, ()), codes.E043,
                             hint=f"rounded down at each division that is not whole, as PyTorch does, the network's "
                                  f"{ir.NOUNS[exp.quantity]} count is {actual:,}")
                continue
            slip = _unit_slip(exp.limit, exp.quantity)
            holds = slip is None and (_COMPARE[exp.op](exp.limit.compare(actual)) if exp.op != "==" else
                                      _holds(exp.limit, actual, in_bytes))
            readings = [(what, value) for what, value in _readings_above(exp, top) if value != actual] \
                if slip is None and exp.between and exp.op == "==" and not holds and not in_bytes and \
                exp.family is None else []
            # (a budget, `<= 30M`, is the network's wherever it is written)
            meant = next((reading for reading in readings if exp.limit.accepts(reading[1])), None)
            if meant is not None:  # `Total params: 34,944` under CONV1's answers, then CONV2: CONV1's own count
                holds, shown, slip = True, f"{meant[1]:,}", f"{meant[0]}; the network's is {actual:,}"
            elif readings:
                said = [(" and ".join(what for what, v in readings if v == value), value)
                        for value in dict.fromkeys(value for _, value in readings)]
                slip = f"nor is it {' or '.join(f'{what}, {value:,}' for what, value in said)}"
            elif slip is None and not holds and exp.op == "==":
                slip = _rounding_slip(exp.limit, actual)
                if scale != 1 and exp.limit.accepts(actual // scale):
                    slip = _bytes_slip(exp.quantity, actual // scale)
                running = (sums.non_trainable or 0) * scale
                if exp.quantity == "params" and running and not exp.with_statistics and \
                        _holds(exp.limit, actual + running, in_bytes):
                    slip = (f"that counts the {running:,} running statistics too (the table's Total params, as Keras "
                            f"counts); `expect total params` is the learnable count, the table's Trainable params")
                if exp.quantity == "macs" and exp.limit.accepts(2 * actual):
                    slip = "that is FLOPs (2·MACs); MACs count each multiply-accumulate once"
                if exp.quantity == "weights" and sums.biases and sums.params is not None and \
                        _holds(exp.limit, sums.params * scale, in_bytes):
                    slip = "that counts the biases too; `weights` leaves them out (`params` counts them)"
                if exp.quantity == "params" and sums.biases and sums.weights is not None and \
                        _holds(exp.limit, sums.weights * scale, in_bytes):
                    slip = (f"that is the weights alone, without the {sums.biases:,} biases, which `params` counts "
                            f"(a layer without biases says so: `nobias`, `no bias`)")
                inputs = (received or 0) * scale
                if exp.quantity == "activations" and exp.family is None and inputs and \
                        _holds(exp.limit, actual + inputs, in_bytes):
                    # the notes' VGG listing sums its memory column, the INPUT row's 150K with it
                    what = "bytes" if in_bytes else "values"
                    holds, slip = True, (f"with the input's {inputs:,} {what}, as the CS231n notes' memory column "
                                         f"counts them; the layers' outputs alone are {actual:,} {what}")
                if exp.quantity == "activations" and in_bytes and memory is not None and \
                        exp.limit.accepts_either(memory):
                    slip = (f"that counts the parameters' {sums.param_bytes:,} bytes too; the activations alone "
                            f"take {actual:,} bytes")
            elif slip is None and not holds and exp.op in ("<=", "<"):
                slip = f"{actual - exp.limit.amount:,}{unit} over the limit"
            verdict = "right" if holds else "wrong"
            self._record(Answer(exp.limit.span, "", "", quantity, expected, shown, verdict, slip, ()),
                         codes.E043, hint=f"the total is {shown}")


# the error a wrong count is, by quantity (memory, the output's values, is the output's E040)
_COUNT_CODES = {"params": codes.E041, "weights": codes.E041, "biases": codes.E041, "macs": codes.E042,
                "memory": codes.E040, "connections": codes.E042}
_INPUT_QUANTITIES = tuple(_COUNT_CODES)  # (an input has no filter to count)


def _family_of(row: Row) -> str | None:
    """The kind of layer a row is (layers.FAMILIES), from its layer, or its keyword when it could not be built."""
    if row.layer is not None:
        return row.layer.family
    cls = REGISTRY.get(row.keyword)
    return None if cls is None else cls.family


def _readings_above(exp: ir.TotalExpectation, top: list[Row]) -> list[tuple[str, int]]:
    """What else a total written between layers may mean: the whole count of the layer above (the last above
    with any, counted as a line's answer is) and the total through it. Nothing when a row above is not known
    (its count is not judged)."""
    quantity = "memory" if exp.quantity == "activations" else exp.quantity  # a line's `memory` counts values
    above = [r for r in top if r.span.start < exp.span.start]
    if quantity not in ir.COUNTED or not above or not all(r.known and r.doubt is None for r in above):
        return []
    layer = next((r for r in reversed(above) if _value(r, quantity)), above[-1])
    return [(f"{layer.path}'s own count", _value(layer, quantity)),
            (f"the total through {above[-1].path}", sum(_value(r, quantity) for r in above))]


def _one_filtered(rows: list[Row], what: str, rests_on: Callable[[Doubt], bool]) -> tuple[Row, Filter] | str:
    """The line's one layer with filters (`conv`, `dwconv`, `fc`: a neuron) and its filter, which the answers about a
    filter are about; or why such an answer (`what`) is not checked: a row unknown or in a doubt it `rests_on`, none
    such layer, or several."""
    unknown = next((r for r in rows if not r.known or (r.doubt is not None and rests_on(r.doubt))), None)
    if unknown is not None:
        return f"it rests on {unknown.doubt.reason}" if unknown.doubt is not None else "the value is unknown"
    filtered = [(r, one) for r in rows if r.kind == "layer" and r.layer is not None and r.input is not None
                and (one := r.layer.filter(r.input)) is not None]
    if len(filtered) != 1:
        return f"{what} is judged for conv, dwconv and fc layers, and the line has none" if not filtered else \
            f"the line has {len(filtered)} layers with filters; answer each on a line of its own"
    return filtered[0]


def _line_value(r: Row, quantity: str) -> int:
    """A line's answer about a row: its memory is the values of its output (a `repeat`, a merge or a block call
    holds more: its row sums its layers' activations, as the totals count them), other counts as `_value`."""
    if quantity == "memory" and r.output is not None:
        return r.output.size
    return _value(r, quantity)


def _value(r: Row, quantity: str) -> int:
    if quantity == "memory":
        return r.activations
    return r.params if quantity == "params" else r.weights if quantity == "weights" else \
        r.biases if quantity == "biases" else r.macs + r.train_macs


def _most_of(rows: list[Row], quantity: str, inference: bool = False) -> int | None:
    """The most a line's count can be however the inexact divisions it rests on are rounded (its rows' own
    counts are the least): `Doubt.most` for each row whose count rests on them, a line's memory (its output's
    values) from the reach of its sides; None when one has none. `inference`: the MACs without the training
    heads' (a total's): a head's rows count none, and a row in doubt that holds a head is not followed (its most is
    not kept apart)."""
    if quantity not in ("params", "weights", "biases", "macs", "memory"):
        return None
    inference = inference and quantity == "macs"
    if quantity == "memory":  # a line's output's values (its one row): its sides' most times its depth
        output, doubt = rows[-1].output, rows[-1].doubt
        if len(rows) != 1 or output is None or len(output.dims) != 3 or doubt is None or doubt.sides is None:
            return None
        (_, height), (_, width) = doubt.sides
        return height * width * output.dims[2]
    total = 0
    for r in rows:
        if inference and r.train:
            continue
        if r.doubt is None or not _rests_on(r.doubt, quantity):
            total += r.macs if inference else _value(r, quantity)
        elif r.doubt.most is None or (inference and r.train_macs):
            return None
        else:
            weights, biases, macs = r.doubt.most
            total += weights + biases if quantity == "params" else weights if quantity == "weights" else \
                biases if quantity == "biases" else macs
    return total


def _values_most(x: Shape, doubt: Doubt) -> int | None:
    """The most values a volume in doubt can hold, however the inexact divisions it rests on are rounded (its own
    size is the least): its sides' reach times its depth, when the depth is certain; None otherwise."""
    if len(x.dims) != 3 or doubt.sides is None or doubt.dims is None or doubt.dims[2]:
        return None
    (_, height), (_, width) = doubt.sides
    return height * width * x.dims[2]


def _out_of_reach(reason: str, least: int, most: int, verdict: str = "this answer is outside that") -> str:
    """Why a count is wrong that no rounding of the inexact divisions it rests on gives (`Doubt.most`)."""
    return f"{_rounded_either_way(reason)} is {least:,} to {most:,}, and {verdict}"


def _rounded_either_way(reason: str) -> str:
    return f"it rests on {reason}; rounded down or up there, and at any later division that is not whole, it"


def _reachable(count: ir.Count, least: int, most: int) -> bool:
    """Whether some count from `least` to `most` is right for `count` (at the precision it is written)."""
    if count.compare(least) >= 0:  # the least is at or above the answer: the nearest
        return count.accepts(least)
    if count.compare(most) <= 0:
        return count.accepts(most)
    return count.accepts(count.amount) or count.accepts(count.amount + 1)  # the answer's value lies between


def _rests_on(doubt: Doubt, quantity: str) -> bool:
    """Whether a count of this quantity rests on what the doubt is about."""
    if quantity == "memory":
        return doubt.dims is None or any(doubt.dims)
    return doubt.macs if quantity == "macs" else doubt.params


def _significant(count: ir.Count) -> ir.Count:
    """A memory figure with a unit read at two significant digits when its last zeros are padding: the
    CS231n notes' `800K` for 802,816 values is 8.0·10⁵, as sizes are quoted (but `100K` is not 140,000);
    a figure without a unit (`4096`) stays exact."""
    return count if count.exact or count.decimals else count.significant()


def _quantity(answer: Answer) -> str:
    return "" if answer.quantity in ("output", "network output") else f"{answer.quantity} "


def _roundings(window: Row | None) -> tuple[set[int], set[int]] | None:
    """The sides the line's window's inexact division gives rounded down and up, per axis (height, width), when
    its doubt is that division alone (`Doubt.own`; the layers after it on the line keep its output): an answer
    that is neither is wrong whichever rounding is meant."""
    if window is None or window.divided is None or window.doubt is None or not window.doubt.own:
        return None
    down_up = [{numerator // denominator, -(-numerator // denominator)} for numerator, denominator in window.divided]
    return down_up[0], down_up[1]


def _neither(rounded: tuple[set[int], set[int]]) -> str:
    sides = [" or ".join(map(str, sorted(r))) for r in rounded]
    said = sides[0] if sides[0] == sides[1] else f"{sides[0]} high and {sides[1]} wide"
    return f"the division is not whole: rounded down or up it gives {said}, and that is neither"


def _outside(reach: tuple[tuple[int, int], tuple[int, int]], reason: str, axis: int | None = None) -> str:
    """Why a side is wrong that no rounding of the inexact divisions it rests on gives (`Doubt.sides`)."""
    sides = [str(least) if least == most else f"{least} or {most}" if most == least + 1 else f"{least} to {most}"
             for least, most in reach]
    said = sides[axis] if axis is not None else sides[0] if sides[0] == sides[1] else \
        f"{sides[0]} high and {sides[1]} wide"
    return f"{_rounded_either_way(reason)} gives {said}, and this answer is none of those"


def _flag(flags: tuple[bool, ...], i: int) -> bool:
    return i < len(flags) and flags[i]


def _shape_slip(dims: tuple[int, ...], y: Shape, square: bool = False, order: str | None = ir.HWC) -> str | None:
    """A wrong volume that is the right one written channels first, as PyTorch prints its sizes (or, read channels
    first, `order`, the right one written channels last), or the number of its values; a `size N` (`square`) that
    is one side of an output that is not square."""
    if order == ir.CHW and len(y.dims) == 3 and len(dims) == 3 and (dims[2], dims[0], dims[1]) == y.dims:
        return "that is the volume written height x width x channels; this answer is read channels first, as its " \
               "network's input or its own remark is written"
    if len(y.dims) == 3 and len(dims) == 3 and dims == (y.dims[2], y.dims[0], y.dims[1]):
        return "that is the volume channels first, as PyTorch prints sizes; cnncalc writes height x width x channels"
    if len(y.dims) == 3 and dims == (y.size,):
        return f"that is the number of values in the volume ({y.dims[0]}·{y.dims[1]}·{y.dims[2]}), not its shape"
    if len(y.dims) == 3 and dims in ((y.dims[0],), (y.dims[1],)):
        if square:
            return f"the output is not square: {y.dims[0]} high and {y.dims[1]} wide"
        return "that is one side of the volume; a single number answers a vector, the volume is height x width x " \
               "channels"
    if len(y.dims) == 3 and dims == (y.dims[2],) and not square:
        return "that is the volume's depth; a single number answers a vector, the volume is height x width x " \
               "channels"
    return None


def _side_or_values(answer: ir.ShapeAnswer, y: Shape, window: Row | None) -> bool:
    """Whether a single number reads two ways against a 1x1xC output: as its C values (right) and as its side
    (1, so wrong), the number being C and no larger than the layer's padded input, as a side of its output
    could be (`Output size: 2` for a 1x1x2 output of a 5x5 input; LeNet's C5, `120` on a 5x5 input, is its
    values alone); for a transposed convolution, which enlarges, no larger than its output without the padding
    taken off, `(N - 1)·S + F_eff + A`."""
    if not (answer.square and len(answer.dims) == 1 and len(y.dims) == 3 and y.dims[:2] == (1, 1) and
            answer.dims[0] == y.dims[2] != 1) or window is None or window.input is None or window.layer is None:
        return False
    reach = [n + rule.pad_begin + rule.pad_end if isinstance(rule, axis.Window) else
             (n - 1) * rule.stride + rule.f_eff + rule.outpad
             for n, rule in zip(window.input.dims[:2], window.layer.axis_rules())
             if isinstance(rule, (axis.Window, axis.Transposed))]
    return bool(reach) and answer.dims[0] <= max(reach)


def _padding_working(n: int, rule: axis.Window, pad: tuple[int, int]) -> str:
    """How a window's padding on one axis comes about: as written, or `same`'s `(ceil(N/S) - 1)·S + F - N` (none
    when that is below 0) split with the odd pixel at the end."""
    if not rule.same:
        return f"{pad[0]}" if pad[0] == pad[1] else f"{pad[0]} and {pad[1]}"
    needed = (-(-n // rule.stride) - 1) * rule.stride + rule.f_eff - n
    total = f"{needed}" if needed >= 0 else f"{needed}, so 0"
    split = f"{pad[0]} each side" if pad[0] == pad[1] else f"{pad[0]} and {pad[1]}"
    return f"same: (ceil({n}/{rule.stride}) - 1)·{rule.stride} + {rule.f_eff} - {n} = {total} in all, {split}"


def _window_row(rows: list[Row], kinds: tuple[type, ...] = (axis.Window,)) -> Row | None:
    """The row of a line whose sliding window (or another rule of `kinds`) made the line's output (`conv 10 5x5 ;
    relu` is the conv's), when there is one."""
    last = rows[-1]
    for row in reversed(rows):
        if row.output != last.output or row.layer is None:
            return None
        if any(type(rule) in kinds for rule in row.layer.axis_rules()):
            return row
    return None


def _formula_slip(dims: tuple[int, ...], row: Row) -> str | None:
    """A wrong volume that `(N - F + 2P)/S + 1` gives with one of its terms left out (the padding, one side's
    padding, the `+ 1`, the stride), or a convolution's output given the input's depth: the slip, with its
    arithmetic."""
    x, y, layer = row.input, row.output, row.layer
    if x is None or y is None or layer is None or len(x.dims) != 3 or len(y.dims) != 3 or len(dims) not in (2, 3):
        return None
    if len(dims) == 3 and dims[:2] == y.dims[:2] and dims[2] == x.dims[2] != y.dims[2] and layer.family == "conv":
        return f"that is the input's depth; a convolution's output has one map per filter ({y.dims[2]})"
    if len(dims) == 3 and dims[2] != y.dims[2]:
        return None
    rules = layer.axis_rules()
    if not all(type(rule) is axis.Window and not rule.same for rule in rules):
        return None
    for what, slipped in _WINDOW_SLIPS:
        sides = [slipped(n, rule) for n, rule in zip(x.dims[:2], rules)]  # type: ignore[arg-type]
        if all(side is not None and side[0] == d for side, d in zip(sides, dims[:2])) and tuple(dims[:2]) != y.dims[:2]:
            shown_sides = [side[1] for side in sides if side is not None]
            arithmetic = shown_sides[0] if shown_sides[0] == shown_sides[1] else " and ".join(shown_sides)
            return f"that {what}: {arithmetic}"
    return None


def _whole(numerator: int, stride: int, plus: int, text: str) -> tuple[int, str] | None:
    """`numerator/stride + plus` when the division is exact, with its arithmetic written out."""
    if stride < 1 or numerator < 0 or numerator % stride:
        return None
    value = numerator // stride + plus
    return value, f"{text} = {value}"


def _pads(rule: axis.Window) -> str:
    return f"2·{rule.pad_begin}" if rule.pad_begin == rule.pad_end else f"{rule.pad_begin} + {rule.pad_end}"


# The terms of `(N - F + 2P)/S + 1` a hand calculation drops, each as the size it then gives (None when
# the term is not there to drop, or the division is not exact).
_WINDOW_SLIPS: tuple[tuple[str, Callable[[int, axis.Window], tuple[int, str] | None]], ...] = (
    ("leaves out the padding", lambda n, r: _whole(n - r.f_eff, r.stride, 1, f"({n} - {r.f_eff})/{r.stride} + 1")
     if r.pad_begin or r.pad_end else None),
    ("pads one side only", lambda n, r: _whole(n - r.f_eff + r.pad_begin, r.stride, 1,
                                                f"({n} - {r.f_eff} + {r.pad_begin})/{r.stride} + 1")
     if r.pad_begin == r.pad_end > 0 else None),
    ("leaves out the + 1", lambda n, r: _whole(n - r.f_eff + r.pad_begin + r.pad_end, r.stride, 0,
                                                f"({n} - {r.f_eff} + {_pads(r)})/{r.stride}")),
    ("leaves out the stride", lambda n, r: _whole(n - r.f_eff + r.pad_begin + r.pad_end, 1, 1,
                                                   f"{n} - {r.f_eff} + {_pads(r)} + 1") if r.stride > 1 else None),
)


def _slip(count: ir.Count, actual: int, quantity: str, rows: list[Row], in_bytes: bool = False) -> str | None:
    """A common mistake the wrong answer matches (at the precision written: `211M` is FLOPs for 105.4M
    MACs), named; else, for a rounded answer, what the true value rounds to. A rounded answer within one
    unit of its last digit of the true value (`106M` for 105.4M) is taken for a rounding slip. `actual` is
    in values; an answer `in_bytes` is compared with them as float32."""
    scale = BYTES_PER_VALUE if in_bytes else 1

    def holds(values: int) -> bool:
        return _holds(count, values * scale, in_bytes)

    if in_bytes and count.accepts(actual):
        return _bytes_slip(quantity, actual)
    if not count.exact and count.near(actual * scale):
        return _rounding_slip(count, actual * scale)
    biases = sum(r.biases for r in rows)
    if quantity == "memory" and rows[-1].activations != actual and holds(rows[-1].activations):
        return (f"that adds up the outputs of every layer in {rows[-1].path}; `memory` is the values of the line's "
                f"output")
    if quantity == "weights" and holds(actual + biases):
        return "that counts the biases too; `weights` leaves them out (`params` counts them)"
    if quantity == "biases":
        weights = sum(r.weights for r in rows)
        if weights and holds(weights):
            return "that is the weights' count; each filter or unit has one bias"
        if weights and holds(actual + weights):
            return "that is the parameter count, weights and biases; each filter or unit has one bias"
    if quantity == "params":
        running = sum(r.non_trainable for r in rows)
        if biases and holds(actual - biases):
            return f"that is the count without the {biases:,} biases"
        if biases > 1 and holds(actual - biases + 1):  # Ng's LeNet table: 48,001 for 400·120 + 120
            return f"that counts one bias for the whole layer; each filter or neuron has its own ({biases:,} in all)"
        if running and holds(actual + running):
            return f"that counts the {running:,} running statistics too; they are not learnable"
    if quantity in ("params", "weights"):
        flat = _depth_left_out(rows, quantity == "params")
        if flat is not None and holds(flat[0]):
            return flat[1]
    if quantity == "memory" and not count.in_bytes and \
            count._replace(in_bytes=True).accepts_either(actual * BYTES_PER_VALUE):  # `40K` for 40,960 bytes
        return (f"that is its bytes as float32 ({actual:,} values · {BYTES_PER_VALUE} = {actual * BYTES_PER_VALUE:,}); "
                f"`memory N` counts values, and bytes end in B (`{count.text}B`)")
    elif quantity == "macs":
        adds = sum(r.output.size for r in rows if r.kind == "layer" and r.biases and r.output is not None)
        if adds and holds(actual + adds):
            return f"that counts the {adds:,} bias additions too; MACs leave biases out"
        if holds(2 * actual):
            return "that is FLOPs (2·MACs); MACs count each multiply-accumulate once"
    if len(rows) > 1:
        for r in rows:
            value = _value(r, quantity)
            if value and holds(value) and value != actual:
                return f"that is {r.path} alone; the line's answer covers all {len(rows)} layers on it"
    return _rounding_slip(count, actual * scale)


_OF_VALUES = frozenset({"memory", "params", "weights", "biases", "activations"})  # counts of float32 values


def _in_bytes_worked(working: tuple[str, ...], values: int) -> tuple[str, ...]:
    """A count's working carried on to its values' bytes as float32, for an answer written in bytes."""
    return tuple(f"{step} · {BYTES_PER_VALUE} bytes = {values * BYTES_PER_VALUE:,} bytes" for step in working)


def _in_bytes(count: ir.Count, quantity: str) -> bool:
    """An answer written in bytes (`params 3KB`, `memory 1.16MB`) of a count of values: compared with the values
    as float32, 4 bytes each. The one rule for every answer (a line's, the input's, a filter's, a total)."""
    return count.in_bytes and quantity in _OF_VALUES


def _holds(count: ir.Count, actual: int, in_bytes: bool) -> bool:
    """Whether `count` is right for `actual`; in bytes, under either reading of its prefix (`40KB`: 40,000 or
    40,960 bytes)."""
    return count.accepts_either(actual) if in_bytes else count.accepts(actual)


def _bytes_slip(quantity: str, values: int) -> str:
    """A count of values written with a byte unit (`params 138MB` for 138,357,544 parameters)."""
    noun = "values'" if quantity in ("memory", "activations") else f"{ir.PLURALS[quantity]}'"
    return (f"that is the {noun} count written in bytes (`B`); as float32 they take {values * BYTES_PER_VALUE:,} "
            f"bytes")


def _unit_slip(count: ir.Count, quantity: str) -> str | None:
    """Why a count in bytes of what is not values is wrong whatever its digits: MACs are operations
    (`macs 4.1MB`)."""
    if count.in_bytes and quantity == "macs":
        return f"MACs count multiply-accumulates, not bytes: no `B` (`{count.text.removesuffix('B')}`)"
    return None


def _depth_left_out(rows: list[Row], with_biases: bool) -> tuple[int, str] | None:
    """A convolution's or FC layer's count worked out without its input's depth (`(5·5 + 1)·10` for 5x5x3
    filters): the value, and the slip that names it; None for other lines."""
    layers = [r for r in rows if r.layer is not None and (r.weights or r.biases)]
    if len(layers) != 1:
        return None
    row = layers[0]
    layer, x, y = row.layer, row.input, row.output
    if layer is None or layer.keyword not in ("conv", "fc") or x is None or y is None or len(x.dims) != 3 or \
            x.dims[2] < 2 or getattr(layer, "groups", 1) != 1 or row.weights % (x.dims[2] * y.dims[-1]):
        return None  # (a depthwise or grouped filter sees part of the depth)
    depth, each = x.dims[2], row.weights // y.dims[-1]  # one filter's (neuron's) weights
    value = row.weights // depth + (row.biases if with_biases else 0)
    unit = "filter" if layer.keyword == "conv" else "neuron"
    return value, f"that leaves out the input's depth, {depth}: each {unit} has {each // depth:,}·{depth} = {each:,} " \
                  f"weights"


def _rounding_slip(count: ir.Count, actual: int) -> str | None:
    """`149,520,384 rounds to 150M, not 149M`: what the true value is at the precision written."""
    if count.exact:
        return None
    scaled = actual * 10**count.decimals
    rounded = (2 * scaled + count.unit) // (2 * count.unit)  # half up
    # the exponent after `e` or as a power of ten (`3.5 x 10^4`, the lecture's notation)
    written = re.fullmatch(r"([0-9_,]*)(?:\.([0-9]+))?(?:([eE]| ?[xX×*·] ?10 ?(?:\^|\*\*) ?)([-+]?[0-9]+))?(.*)",
                           count.text.removeprefix("~"))  # `~36000`: approximate (`ir.Count.approximate`)
    assert written is not None
    whole_written, mantissa_decimals, marker, exponent, suffix = written.groups()
    dropped = len(whole_written.replace("_", "").replace(",", "")) - len(str(count.digits))  # `_significant`'s zeros
    if exponent is not None:  # `3.5e4`: the rounded value in the same form, the mantissa's digits as written
        places = len(mantissa_decimals or "")
        whole, fraction = divmod(rounded, 10**places)
        number = (str(whole) if not places else f"{whole}.{fraction:0{places}d}") + f"{marker}{exponent}"
    else:
        whole, fraction = divmod(rounded, 10**count.decimals)
        number = str(whole) + "0" * max(dropped, 0) if not count.decimals else f"{whole}.{fraction:0{count.decimals}d}"
    return f"{actual:,} rounds to {number}{suffix} at the precision written, not {count.text}"


def _at_places(numerator: int, denominator: int, scale: int) -> tuple[int, int]:
    """numerator/denominator times `scale` (a power of ten), rounded and cut off: 7/3 at 100 is (233, 233),
    11/3 is (367, 366)."""
    cut, rest = divmod(numerator * scale, denominator)
    return cut + (2 * rest >= denominator), cut


def _working(rows: list[Row], what: str, parts: Callable[[Row], list[Row]] | None = None) -> tuple[str, ...]:
    """The working of the given kind for the rows of a line; a container's count, with `parts`, as its parts' sum."""
    lines = []
    for r in rows:
        w = r.working
        text = getattr(w, "params" if what == "weights" else what, None) if w is not None else None
        if text is None and parts is not None and r.kind != "layer" and what in ("params", "weights", "biases", "macs"):
            inside = parts(r)
            if inside:
                text = " + ".join(f"{_value(p, what):,} ({p.kind + ' ' if p.name.isdigit() else ''}{p.name})"
                                  for p in inside) + f" = {_value(r, what):,}"  # (`iteration 2`, `branch 1`)
                lines.append(f"{r.path}: {what} {text}")
                continue
        if text is not None and what == "weights" and r.biases:  # the parameters' working, then without biases
            learnable = text if not r.non_trainable else f"{r.params:,} learnable"  # not the running statistics
            text = f"{learnable} less {r.biases:,} biases = {r.weights:,}"
        elif what == "biases":  # the parameters' working, less the weights
            learnable = None if w is None or w.params is None else w.params if not r.non_trainable else \
                f"{r.params:,} learnable"
            text = f"{r.biases:,}" if learnable is None or not r.params else \
                f"{learnable} less {r.weights:,} weights = {r.biases:,}"
        if what == "memory" and r.output is not None:  # the values of the output volume
            product = "·".join(map(str, r.output.dims))
            lines.append(f"{r.path}: memory {product} = {r.output.size:,} values" if len(r.output.dims) > 1 else
                         f"{r.path}: memory {r.output.size:,} values")
        elif text is not None:
            lines.append(f"{r.path}: {what} {text}")
        elif what == "out" and r.output is not None:
            same = " (keeps its input's shape)" if r.input == r.output else ""
            lines.append(f"{r.path}: out {r.output}{same}")
    if len(rows) > 1 and what in ("params", "weights", "biases", "macs"):
        values = [_value(r, what) for r in rows]
        lines.append("line total: " + " + ".join(f"{v:,}" for v in values) + f" = {sum(values):,}")
    return tuple(lines)

"""A network read as a graph -> the IR. Caffe's bottoms and tops, Keras' inbound nodes, ONNX's
inputs, MATLAB's connections and a PyTorch `forward` all describe a graph of layers; the spec
language writes sequences, merges whose branches start from one point, `@NAME` references and
side heads. This module turns one into the other, once for every notation.

The graph is laid out series-parallel where it is (AlexNet, ResNet, Inception, U-Net: each merge
takes its branches from the nearest point every branch passes through, its dominator); otherwise
(a DenseNet written as one concatenation of all earlier outputs) every layer goes on one level,
and a layer or merge that reads an earlier output starts a branch from it (`@NAME`). Either way
each layer of the graph is written exactly once. Outputs other than the main one become `side`
heads where they leave the trunk.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cnncalc import codes, ir, limits
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.record import NamedTuple

INPUT = 0  # the node standing for the network's input


class SourceOffsets:
    """Character offsets of `ast` positions (which count UTF-8 bytes within a line)."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def at(self, line: int, col: int) -> int:
        if line < 1 or line > len(self.lines):
            return self.starts[-1] - 1 if line > len(self.lines) else 0
        raw = self.lines[line - 1]
        return self.starts[line - 1] + len(raw.encode("utf-8")[:col].decode("utf-8", errors="replace"))

    def span(self, node: Any) -> Span:
        start = self.at(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))
        end_line = getattr(node, "end_lineno", None)
        end = self.at(end_line, getattr(node, "end_col_offset", 0)) if end_line else start + 1
        return Span(start, max(end, start + 1))


def parse_python(source: str, mode: str) -> Any:
    """`ast.parse` without Python's compile-time warnings (`1if x else 2` is a SyntaxWarning on stderr):
    the file is read, never run, and what cnncalc cannot read is its own diagnostic. The tree is compiled, never
    run, for the errors Python finds only then (`break` outside a loop, `return` outside a function): a file
    Python refuses is no model, whatever its statements would build."""
    import ast  # (only for a Python source)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree: Any = ast.parse(source, mode=mode)
        compile(tree, "<model>", mode, dont_inherit=True)
        return tree


def num(n: int, span: Span) -> ir.Num:
    return ir.Num(n, span)


def pair(h: int, w: int, span: Span) -> ir.Expr:
    return ir.Num(h, span) if h == w else ir.PairLit((ir.Num(h, span), ir.Num(w, span)), span)


def sides(top: int, bottom: int, left: int, right: int, span: Span) -> ir.Value:
    """Padding or cropping per side, in the shortest form the spec language reads the same way."""
    if top == bottom == left == right:
        return ir.Num(top, span)
    if top == bottom and left == right:
        return pair(top, left, span)
    return ir.Sides(tuple(ir.Num(v, span) for v in (top, bottom, left, right)), span)


def word(text: str, span: Span) -> ir.Word:
    return ir.Word(text, span)


def arg(name: str, value: ir.Value, span: Span | None = None) -> ir.Arg:
    return ir.Arg(name, value, span or value.span)


def call(keyword: str, span: Span, *args: ir.Arg) -> ir.LayerCall:
    return ir.LayerCall(keyword, tuple(args), None, span)


UNREAD = "unreadable"  # the keyword and name of the row that stands for what a reader could not read


def cut_short(text: str, span: Span, framework: str, given: ir.Input | None = None,
              graph: Graph | None = None) -> ir.Network:
    """What a reader returns when it stops at a construct it cannot read (its E070 or E071 is reported):
    the layers it read before, then one layer standing for that construct, which no walk can compute.
    So the output and every total are unknown, as after the spec language's unreadable line; a
    network of only the layers read would add up to numbers the file does not have (0 parameters).
    The layers read keep the framework's silent floor, as in a network read whole."""
    graph = graph or Graph()
    call = ir.LayerCall(UNREAD, (), None, span, valid=False)
    unread = graph._add(Node(graph.labels(UNREAD), call, None, (len(graph.nodes) - 1,), span), bounded=False)
    whole = Span(0, len(text))
    return graph.network(None, given, whole, main=unread, rounding=ir.RoundingLine("floor", whole, by=framework))


class Progress:
    """What a reader guarded by `read_guarded` has read so far: its graph and the input's size, kept
    for `cut_short` when it stops."""

    __slots__ = ("graph", "given")

    def __init__(self) -> None:
        self.graph = Graph()
        self.given: ir.Input | None = None


class NotReadable(ValueError):
    """A value in the file that makes no layer (a negative count, a number too long to write): the
    reader reports it at `span` (E071), never a traceback."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class Malformed(Exception):
    """Text a reader cannot read as its notation (E071), at `span` in the user's file."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class Unsupported(Malformed):
    """A construct of the notation that cnncalc cannot express as its framework computes it (E070)."""


def read_guarded(read_network: Callable[[str, DiagnosticSink, Progress], ir.Network], text: str,
                 sink: DiagnosticSink, framework: str) -> ir.File:
    """A framework reader's entry point: what it cannot read is one E070 (unsupported) or E071
    (malformed) at its place, and the network is cut short there (`cut_short`)."""
    progress = Progress()
    try:
        network = read_network(text, sink, progress)
    except Malformed as e:
        sink.add(codes.E070 if isinstance(e, Unsupported) else codes.E071, e.message, e.span,
                 hint=f"docs/notations.md lists what the {framework} reader follows")
        network = cut_short(text, e.span, framework, progress.given, progress.graph)
    return ir.File((), (network,))


# Python's builtin types by name, as a model's code tests its own values (`isinstance(k, int)`, `type(k) == int`):
# the readers that interpret Python (pytorch.py, keras_source.py) know these, never their own records
PYTHON_TYPES: dict[str, type] = {"int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple,
                                 "dict": dict}


def some_of(names: list[str], shown: int = 5) -> str:
    """The first `shown` names in code quotes, then how many more (a message lists a few, not 20,000)."""
    more = f" and {len(names) - shown:,} more" if len(names) > shown else ""
    return ", ".join(f"`{name}`" for name in names[:shown]) + more


def why(error: Exception) -> str:
    """What a reader's failed lookup or conversion means to the user."""
    if isinstance(error, KeyError):
        return f"no `{error.args[0]}` where one is needed"
    return str(error)


_FRAGMENTS: dict[str, ir.LayerCall] = {}


def spec_layer(text: str, span: Span, rounding_by: str = "", rounding_stated: bool = False) -> ir.LayerCall:
    """A layer written in the spec language (`conv 96 11x11 stride 4 pad 2 inputs 3`), every span moved
    to `span` in the user's file: a reader says what the layer is in the language it shares with
    users, and the spec parser alone decides what the words mean."""
    parsed = _FRAGMENTS.get(text)
    if parsed is None:
        from cnncalc.parser import Parser
        sink = DiagnosticSink()
        item = Parser(text, sink).parse_item()
        if sink.errors or not isinstance(item, ir.LayerCall):
            problem = sink.items[0].message if sink.items else "not a layer"
            raise NotReadable(f"the values make no layer: `{text}` ({problem})", span)
        parsed = _FRAGMENTS[text] = item
    moved: ir.LayerCall = _moved(parsed, span)
    return moved._replace(rounding_by=rounding_by, rounding_stated=rounding_stated)


def _moved(value: Any, span: Span) -> Any:
    if isinstance(value, Span):
        return span
    if isinstance(value, tuple):
        moved = [_moved(v, span) for v in value]
        return type(value)(*moved) if hasattr(value, "_fields") else tuple(moved)
    return value


class Node(NamedTuple):
    name: str  # the source's name: the label the spec gives it
    layer: ir.LayerCall | None  # a layer, or
    merge: str | None  # a merge kind: concat, add, mul
    inputs: tuple[int, ...]
    span: Span
    mode: str | None = None  # the merge's mode (`resample bilinear`)
    offset: tuple[int, int] | None = None  # the merge's offset (`fit at TxL`)
    window: ir.LayerCall | None = None  # the layer whose arguments the merge takes (`maxunpool 2x2`: a max pool)
    to: int | None = None  # the node whose height and width a transposed convolution's output takes (`to @NAME`)


class _NotSeriesParallel(Exception):
    """A node would be written twice: the graph needs `@NAME` references."""


STATEMENT_WORDS = {"input", "network", "block", "expect", "rounding"}


class Labels:
    """Spec names for the source's names: `conv1/7x7_s2` -> `conv1_7x7_s2`, unique, never a statement word."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}  # the suffix to try next for a label given before (no rescan from 2)

    def __call__(self, name: str) -> str:
        label = re.sub(r"\W+", "_", name).strip("_") or "layer"
        if label[0].isdigit():
            label = "n" + label
        if label in STATEMENT_WORDS:
            label += "_"
        unique, n = label, self.next.get(label, 2)
        while unique in self.taken:
            unique, n = f"{label}_{n}", n + 1
        self.next[label] = n
        self.taken.add(unique)
        return unique


class Graph:
    """Layers and merges in an order where every node comes after its inputs (node 0: the input)."""

    def __init__(self) -> None:
        self.nodes: list[Node] = [Node("input", None, None, (), Span(0, 0))]
        self.labels = Labels()
        self.expectations: dict[str, ir.Expectation] = {}  # by label: what the file itself says (ONNX's weights)
        self.size = 0  # the nodes the expander will count: a layer 1, a merge 2 and one per input
        self._input_label: str | None = None
        # nodes left out where nothing reads them: the parts of PyTorch's x.chunk(n, 1) the code never reads, which
        # may be fewer than n (as many as the channels make), so that only a part read must be there
        self.optional: set[int] = set()

    def input_label(self) -> str:
        """The input's label, where a line must name it (`image: identity`): one for every layout tried."""
        if self._input_label is None:
            self._input_label = self.labels("image")
        return self._input_label

    def layer(self, name: str, layer: ir.LayerCall, source: int, span: Span, to: int | None = None) -> int:
        """A layer on node `source`; `to`, the node whose height and width its output takes (PyTorch's
        `output_size` of a transposed convolution), written `to @NAME`."""
        return self._add(Node(self.labels(name), layer, None, (source,), span, to=to))

    def merge(self, name: str, kind: str, sources: list[int], span: Span, mode: str | None = None,
              offset: tuple[int, int] | None = None, window: ir.LayerCall | None = None) -> int:
        return self._add(Node(self.labels(name), None, kind, tuple(sources), span, mode, offset, window))

    def _add(self, node: Node, *, bounded: bool = True) -> int:
        """Checked before the layout is built: a loop concatenating every earlier output makes merges of
        1, 2, 3, … inputs, and laying out thousands of them would take minutes before E058."""
        assert all(0 <= i < len(self.nodes) for i in node.inputs), "inputs come first"
        self.size += 1 if node.merge is None else 2 + len(node.inputs)
        if bounded and self.size > limits.MAX_NODES:
            raise Unsupported(f"a network of more than {limits.MAX_NODES:,} layers, merges and merge inputs "
                              f"(cnncalc's limit)", node.span)
        self.nodes.append(node)
        return len(self.nodes) - 1

    def network(self, title: str | None, given: ir.Input | None, span: Span, main: int | None = None,
                train: frozenset[int] = frozenset(), rounding: ir.RoundingLine | None = None) -> ir.Network:
        """The network, its output `main` (default: the last node nothing reads), the other unread
        nodes as side heads (training-only heads when in `train`), those `optional` left out."""
        consumers: list[list[int]] = [[] for _ in self.nodes]
        for i, node in enumerate(self.nodes):
            for source in node.inputs:
                consumers[source].append(i)
        ends = [i for i in range(1, len(self.nodes)) if not consumers[i] and (i not in self.optional or i == main)]
        if main is None:
            main = ends[-1] if ends else INPUT
        sides = [e for e in ends if e != main]
        try:
            layout = _Layout(self, main, train)
            lines = layout.series_parallel(sides)
            if not _sized_in_scope(lines, set()):  # a `to @NAME` whose NAME the layout put out of its sight
                raise _NotSeriesParallel
        except _NotSeriesParallel:
            layout = _Layout(self, main, train)
            lines = layout.flat(sides)
        shares = any(node.layer is not None and node.layer.shares is not None for node in self.nodes)
        if shares:
            lines = _retied(lines)
        return ir.Network(title, given, rounding, ir.Seq(tuple(lines), span), (), span, layout.refers or shares)


class _Layout:
    def __init__(self, graph: Graph, main: int, train: frozenset[int]) -> None:
        self.train = train
        self.expectations = graph.expectations
        self.nodes = graph.nodes
        self.labels = graph.labels
        self.input_label = ""  # the flat layout's name for the input, when it is read twice
        self.refers = False  # whether a line reads an earlier one by name (`@NAME`)
        self.main = main
        self.done: set[int] = set()
        self.items: dict[int, ir.Item] = {}  # a written node's item, to place side heads after it
        self.dominator = self._dominators()
        self.named_input = graph.input_label
        if any(node.to == INPUT for node in self.nodes):  # an output sized to the input's: the input named
            self.input_label = self.named_input()

    def _dominators(self) -> list[int]:
        """Each node's immediate dominator: the last node every path from the input to it passes through."""
        idom = [INPUT] * len(self.nodes)
        depth = [0] * len(self.nodes)
        for v in range(1, len(self.nodes)):
            inputs = self.nodes[v].inputs
            d = inputs[0]
            for u in inputs[1:]:
                a, b = d, u
                while a != b:
                    if depth[a] >= depth[b] and a != INPUT:
                        a = idom[a]
                    else:
                        b = idom[b]
                d = a
            idom[v], depth[v] = d, depth[d] + 1
        return idom

    # ---- series-parallel --------------------------------------------------------------------

    def series_parallel(self, sides: list[int]) -> list[ir.Line]:
        top = self.build(self.main, INPUT)
        lines = [self.line(item) for item in top]
        if self.input_label:  # (the input named, as the flat layout names it: an identity at the start)
            lines.insert(0, ir.Line((call("identity", Span(0, 0))._replace(label=self.input_label),), None,
                                    Span(0, 0)))
        for side in sides:
            start = self.dominator[side]
            while start != INPUT and start not in self.done:
                start = self.dominator[start]
            body = self.build(side, start)
            head = ir.Side(side in self.train, ir.Seq(tuple(self.line(i) for i in body), _span_of(body)),
                           None, _span_of(body))
            placed = _insert_after(lines, self.items.get(start), head)
            if sum(map(_heads, placed)) != sum(map(_heads, lines)) + 1:
                raise _NotSeriesParallel  # (its place not found: laid out flat, never left out)
            lines = placed
        return lines

    def build(self, v: int, start: int) -> list[ir.Item]:
        """The items that take the flow from node `start` to node `v`."""
        chain: list[int] = []
        while v != start:
            if v == INPUT or v in self.done or v in chain:
                raise _NotSeriesParallel
            chain.append(v)
            node = self.nodes[v]
            v = node.inputs[0] if node.merge is None else self.dominator[v]
        items: list[ir.Item] = []
        for v in reversed(chain):
            node = self.nodes[v]
            self.done.add(v)
            if node.merge is None:
                assert node.layer is not None
                item: ir.Item = node.layer._replace(label=node.name, to=self._sized(node))
            else:
                fork = self.dominator[v]
                branches = []
                for i, u in enumerate(node.inputs):
                    body = self.build(u, fork)
                    branches.append(ir.Branch(self.seq(body, node.span), None, str(i + 1), node.span))
                item = ir.Merge(node.merge, _offset(node), tuple(branches), node.name, node.span, node.mode,
                                node.window)
            self.items[v] = item
            items.append(item)
        return items

    # ---- flat, with references ----------------------------------------------------------------

    def flat(self, sides: list[int]) -> list[ir.Line]:
        """Every node the main output needs on one level, in the graph's order; a node that does not
        read the previous one starts from what it reads (`@NAME`). Then a side head per other
        output, holding the nodes only it needs, laid out the same way."""
        trunk = self._needs(self.main)
        lines: list[ir.Line] = []
        if sum(INPUT in self.nodes[v].inputs for v in range(1, len(self.nodes))) > 1 or self.input_label:
            # the input is read again later: name it, so that a branch can start from it
            self.input_label = self.named_input()
            lines.append(ir.Line((call("identity", Span(0, 0))._replace(label=self.input_label),), None, Span(0, 0)))
        lines += self._level(trunk, INPUT)
        for side in sides:
            own = self._needs(side) - self.done
            body = self._level(own, self.main)
            span = _span_of([line.items[0] for line in body])
            lines.append(ir.Line((ir.Side(side in self.train, ir.Seq(tuple(body), span), None, span),), None, span))
        return lines

    def _needs(self, v: int) -> set[int]:
        """The node and every node it reads, directly or not (the input left out)."""
        seen: set[int] = set()
        stack = [v]
        while stack:
            u = stack.pop()
            if u != INPUT and u not in seen:
                seen.add(u)
                stack += self.nodes[u].inputs
        return seen

    def _level(self, chosen: set[int], current: int) -> list[ir.Line]:
        lines: list[ir.Line] = []
        for v in sorted(chosen):
            node = self.nodes[v]
            self.done.add(v)
            if node.merge is None:
                assert node.layer is not None
                layer = node.layer._replace(to=self._sized(node))
                if node.inputs[0] == current:
                    item: ir.Item = layer._replace(label=node.name)
                else:
                    body = self.seq([layer], node.span)
                    branch = ir.Branch(body, self._ref(node.inputs[0], node.span), "1", node.span)
                    item = ir.Merge("concat", None, (branch,), node.name, node.span)
            else:
                branches = tuple(ir.Branch(self.seq([], node.span), None if u == current else self._ref(u, node.span),
                                           str(i + 1), node.span) for i, u in enumerate(node.inputs))
                item = ir.Merge(node.merge, _offset(node), branches, node.name, node.span, node.mode,
                                node.window)
            lines.append(self.line(item))
            current = v
        return lines

    def line(self, item: ir.Item) -> ir.Line:
        expect = self.expectations.get(item.label) if item.label else None
        return ir.Line((item,), expect, item.span)

    def seq(self, items: list[ir.Item] | list[ir.LayerCall], span: Span) -> ir.Seq:
        return ir.Seq(tuple(self.line(i) for i in items), _span_of(items) if items else span)

    def _sized(self, node: Node) -> ir.Ref | None:
        """A layer's `to @NAME`: the node whose height and width its output takes, by its label."""
        return None if node.to is None else self._ref(node.to, node.span)

    def _ref(self, v: int, span: Span) -> ir.Ref | None:
        if v == INPUT and not self.input_label:
            return None
        self.refers = True
        return ir.Ref(self.input_label if v == INPUT else self.nodes[v].name, span)


def _sized_in_scope(lines: tuple[ir.Line, ...] | list[ir.Line], seen: set[str]) -> bool:
    """Whether every `to @NAME` in the lines names a label written before it, in its sequence or one that holds it
    (the expander's rule for `@NAME`)."""
    seen = set(seen)
    for line in lines:
        for item in line.items:
            if isinstance(item, ir.LayerCall) and item.to is not None and item.to.name not in seen:
                return False
            inner = [b.body for b in item.branches] if isinstance(item, ir.Merge) else \
                [item.body] if isinstance(item, ir.Side) else []
            if not all(_sized_in_scope(body.lines, seen) for body in inner):
                return False
            if item.label is not None:
                seen.add(item.label)
    return True


def _retied(lines: list[ir.Line]) -> list[ir.Line]:
    """The lines with the weights of each module applied more than once held by the application written first.
    A reader names the module's first application in the others' `shares`; the layout may write a later one first
    (a head applied at two levels, the first level's head as the trunk's end, the second's as a side head before
    it), and `shares NAME` names a layer written before. What the file says of the weights (ONNX's parameters, the
    line's expectation) goes with them."""
    first: dict[str, str] = {}  # a module (its first application's label) -> the label of the one written first
    said: dict[str, ir.Expectation | None] = {}  # a module -> what its first application's line expects

    def visit(lines: tuple[ir.Line, ...]) -> None:
        for line in lines:
            for item in line.items:
                if isinstance(item, ir.LayerCall) and item.label is not None:
                    first.setdefault(item.shares.name if item.shares is not None else item.label, item.label)
                    if item.shares is None:
                        said[item.label] = line.expectation
                elif isinstance(item, ir.Merge):
                    for branch in item.branches:
                        visit(branch.body.lines)
                elif isinstance(item, ir.Side):
                    visit(item.body.lines)

    visit(tuple(lines))
    moved = {module: label for module, label in first.items() if module != label}  # written after another
    if not moved:
        return lines
    owners = {label: module for module, label in moved.items()}

    def line_of(line: ir.Line) -> ir.Line:
        item = line.items[0]
        label = item.label if isinstance(item, ir.LayerCall) and len(line.items) == 1 else None
        expectation = line.expectation if label is None else \
            said.get(owners[label]) if label in owners else None if label in moved else line.expectation
        return line._replace(items=tuple(map(held, line.items)), expectation=expectation)

    def held(item: ir.Item) -> ir.Item:
        if isinstance(item, ir.LayerCall) and item.label is not None:
            module = item.shares.name if item.shares is not None else item.label
            if module in moved:
                owner = moved[module]
                return item._replace(shares=None if item.label == owner else ir.Ref(owner, item.span))
            return item
        if isinstance(item, ir.Merge):
            return item._replace(branches=tuple(b._replace(body=seq(b.body)) for b in item.branches))
        if isinstance(item, ir.Side):
            return item._replace(body=seq(item.body))
        return item

    def seq(body: ir.Seq) -> ir.Seq:
        return body._replace(lines=tuple(map(line_of, body.lines)))

    return list(map(line_of, lines))


def _offset(node: Node) -> ir.Expr | None:
    """A merge's offset as the spec writes it after `at` (`fit at 19`), or None."""
    if node.offset is None:
        return None
    return pair(*node.offset, node.span)


def _span_of(items: list[ir.Item] | list[ir.LayerCall]) -> Span:
    return Span(min(i.span.start for i in items), max(i.span.end for i in items)) if items else Span(0, 0)


def _insert_after(lines: list[ir.Line], item: ir.Item | None, head: ir.Side) -> list[ir.Line]:
    """The lines with a side head placed after `item`, wherever it stands (inside a merge's branch
    too); at the front when `item` is None (the head reads the input)."""
    line = ir.Line((head,), None, head.span)
    if item is None:
        return [line, *lines]
    out: list[ir.Line] = []
    for existing in lines:
        target = existing.items[0]
        if _same(target, item):
            out += [existing, line]
        elif isinstance(target, ir.Merge) and _contains(target, item):
            branches = tuple(b._replace(body=ir.Seq(tuple(_insert_after(list(b.body.lines), item, head)), b.body.span))
                             if _seq_contains(b.body, item) else b for b in target.branches)
            out.append(existing._replace(items=(target._replace(branches=branches),)))
        elif isinstance(target, ir.Side) and _seq_contains(target.body, item):  # a head from inside another head
            body = ir.Seq(tuple(_insert_after(list(target.body.lines), item, head)), target.body.span)
            out.append(existing._replace(items=(target._replace(body=body),)))
        else:
            out.append(existing)
    return out


def _heads(line: ir.Line) -> int:
    """The side heads a line holds, inside its merges and heads too."""
    count = 0
    for item in line.items:
        if isinstance(item, ir.Side):
            count += 1 + sum(map(_heads, item.body.lines))
        elif isinstance(item, ir.Merge):
            count += sum(_heads(inner) for branch in item.branches for inner in branch.body.lines)
    return count


def _same(target: ir.Item, item: ir.Item) -> bool:
    """`target` is `item`, or its copy with a side head placed inside (a merge, replaced by `_insert_after` when an
    earlier head went into one of its branches: the node's label, unique in the graph, is kept)."""
    return target is item or (item.label is not None and isinstance(target, type(item)) and
                               target.label == item.label)


def _contains(merge: ir.Merge, item: ir.Item) -> bool:
    return any(_seq_contains(b.body, item) for b in merge.branches)


def _seq_contains(seq: ir.Seq, item: ir.Item) -> bool:
    for line in seq.lines:
        target = line.items[0]
        if _same(target, item) or (isinstance(target, ir.Merge) and _contains(target, item)) or \
                (isinstance(target, ir.Side) and _seq_contains(target.body, item)):
            return True
    return False

"""IR -> concrete tree: block calls inlined, `repeat` unrolled, expressions evaluated,
layers built from their arguments, every node named and given its path.

Guard rails: at most MAX_NODES nodes and MAX_DEPTH levels; beyond them a diagnostic, never a hang.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Union

from cnncalc import ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.layers import REGISTRY, Layer, Pad
from cnncalc.layers.base import schema
from cnncalc.parser import did_you_mean

MAX_NODES = 1_000_000
MAX_DEPTH = 64


@dataclass(slots=True)
class LayerNode:
    name: str
    path: str
    depth: int
    span: Span
    keyword: str
    layer: Layer | None  # None when its arguments were bad (already reported)
    arg_spans: dict[str, Span]


class Check(NamedTuple):
    """An expectation about children[first..last] of a sequence (one spec line)."""

    expectation: ir.Expectation
    first: int
    last: int
    span: Span


@dataclass(slots=True)
class SeqNode:
    """A run of nodes: the network, a block call, a repeat, one repeat iteration, or a branch."""

    name: str
    path: str
    depth: int
    span: Span
    kind: str  # network | block | repeat | iteration | branch
    op: str
    children: list[Node] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


@dataclass(slots=True)
class MergeNode:
    """`concat`, `add` or `residual`: every branch sees the same input."""

    name: str
    path: str
    depth: int
    span: Span
    kind: str
    branches: list[SeqNode]


Node = Union[LayerNode, SeqNode, MergeNode]


class _TooLarge(Exception):
    """Raised once the node budget is spent; turned into E058 at the top."""

    def __init__(self, span: Span) -> None:
        self.span = span


class _Bad(Exception):
    """A value that could not be evaluated; its diagnostic is already reported."""


def expand(network: ir.Network, sink: DiagnosticSink) -> SeqNode | None:
    """The concrete tree under a root sequence (depth 0), or None when it would be too large."""
    expander = Expander(network, sink)
    root = SeqNode("", "", 0, network.body.span, "network", network.name or "network")
    try:
        expander.fill(root, network.body, {})
    except _TooLarge as e:
        sink.add("E058", f"expanding this would exceed cnncalc's limit of {MAX_NODES:,} nodes", e.span,
                 hint="reduce the repeat counts; cnncalc analyses at most a million layers")
        return None
    for block in network.blocks:
        if block.name not in expander.called:
            sink.add("W001", f"block `{block.name}` is never used", block.span, hint=f"call it as `{block.name}(...)` or remove it")
    return root


class Expander:
    def __init__(self, network: ir.Network, sink: DiagnosticSink) -> None:
        self.sink = sink
        self.blocks: dict[str, ir.BlockDef] = {}
        for block in network.blocks:
            if block.name in self.blocks:
                sink.add("E055", f"block `{block.name}` is defined twice", block.span,
                         hint="rename one of them")
            else:
                self.blocks[block.name] = block
        self.nodes = 0
        self.stack: list[str] = []
        self.called: set[str] = set()

    def count(self, n: int, span: Span) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise _TooLarge(span)

    # ---- sequences and naming --------------------------------------------------------

    def fill(self, parent: SeqNode, seq: ir.Seq, env: dict[str, int]) -> None:
        """Expand the lines of `seq` into `parent`'s children; names are unique within `parent`."""
        explicit: dict[str, Span] = {}
        for line in seq.lines:
            for item in line.items:
                if item.label is None:
                    continue
                if item.label in explicit:
                    self.sink.add("E015", f"the name `{item.label}` is already used in this scope", item.span,
                                  hint="give each layer its own name")
                explicit.setdefault(item.label, item.span)
        counters: dict[str, int] = {}
        for line in seq.lines:
            first = len(parent.children)
            for item in line.items:
                name = item.label or self.generated_name(_item_word(item), counters, explicit)
                node = self.item(item, name, parent, env)
                if node is not None:
                    parent.children.append(node)
            if line.expectation is not None and len(parent.children) > first:
                parent.checks.append(Check(line.expectation, first, len(parent.children) - 1, line.span))

    @staticmethod
    def generated_name(word: str, counters: dict[str, int], explicit: dict[str, Span]) -> str:
        """`conv1`, `conv2`, ... counting each keyword in its scope, skipping names given explicitly."""
        n = counters.get(word, 0)
        while True:
            n += 1
            name = f"{word}{n}"
            if name not in explicit:
                counters[word] = n
                return name

    def item(self, item: ir.Item, name: str, parent: SeqNode, env: dict[str, int]) -> Node | None:
        path = f"{parent.path}.{name}" if parent.path else name
        depth = parent.depth + 1
        if depth > MAX_DEPTH:
            self.sink.add("E004", f"nesting deeper than {MAX_DEPTH} levels", item.span,
                          hint="flatten the spec with blocks and `repeat`")
            return None
        self.count(1, item.span)
        if isinstance(item, ir.LayerCall):
            return LayerNode(name, path, depth, item.span, item.keyword, self.build_layer(item, env),
                             {a.field: a.span for a in item.args})
        if isinstance(item, ir.Merge):
            merge = MergeNode(name, path, depth, item.span, item.kind, [])
            for branch, branch_name in zip(item.branches, item.branch_names):
                node = SeqNode(branch_name, f"{path}.{branch_name}", depth + 1, branch.span, "branch", "branch")
                self.count(1, branch.span)
                self.fill(node, branch, env)
                merge.branches.append(node)
            return merge
        if isinstance(item, ir.Repeat):
            return self.repeat(item, name, path, depth, env)
        return self.block_call(item, name, path, depth, env)

    def repeat(self, item: ir.Repeat, name: str, path: str, depth: int, env: dict[str, int]) -> SeqNode | None:
        try:
            n = self.eval(item.times, env)
        except _Bad:
            return None
        if n < 0:
            self.sink.add("E056", f"`repeat` needs a count of 0 or more, got {n}", item.times.span)
            return None
        if n > MAX_NODES - self.nodes:
            raise _TooLarge(item.span)
        node = SeqNode(name, path, depth, item.span, "repeat", f"repeat {n}")
        for i in range(1, n + 1):
            iteration = SeqNode(str(i), f"{path}.{i}", depth + 1, item.body.span, "iteration", f"{i} of {n}")
            self.count(1, item.span)
            self.fill(iteration, item.body, env)
            node.children.append(iteration)
        return node

    def block_call(self, call: ir.BlockCall, name: str, path: str, depth: int, env: dict[str, int]) -> SeqNode | None:
        block = self.blocks.get(call.block)
        if block is None:
            hint = did_you_mean(call.block, sorted(self.blocks)) or (
                f"define it first: `block {call.block}(...) {{ ... }}`")
            self.sink.add("E052", f"no block named `{call.block}`", call.span, hint=hint)
            return None
        self.called.add(block.name)
        if block.name in self.stack:
            chain = " -> ".join(self.stack[self.stack.index(block.name):] + [block.name])
            self.sink.add("E054", f"block `{block.name}` calls itself ({chain})", call.span,
                          hint="a network must be finite; use `repeat N { ... }` for repetition")
            return None
        try:
            args = [self.eval(a, env) for a in call.args]
            kwargs = {k.name: (self.eval(k.value, env), k.span) for k in call.kwargs}
        except _Bad:
            return None
        bound = self.bind(block, call, args, kwargs)
        if bound is None:
            return None
        shown = ", ".join(str(v) for v in bound.values())
        node = SeqNode(name, path, depth, call.span, "block", f"{block.name}({shown})")
        self.stack.append(block.name)
        try:
            self.fill(node, block.body, bound)
        finally:
            self.stack.pop()
        return node

    def bind(self, block: ir.BlockDef, call: ir.BlockCall, args: list[int],
             kwargs: dict[str, tuple[int, Span]]) -> dict[str, int] | None:
        params = [p.name for p in block.params]
        signature = f"{block.name}({', '.join(p.name + ('' if p.default is None else '=…') for p in block.params)})"
        if len(args) > len(params):
            self.sink.add("E053", f"`{block.name}` takes {len(params)} argument{'s' * (len(params) != 1)}, "
                          f"{len(args)} given", call.span, hint=f"the block is {signature}")
            return None
        bound: dict[str, int] = dict(zip(params, args))
        for key, (value, span) in kwargs.items():
            if key not in params:
                self.sink.add("E053", f"`{block.name}` has no parameter `{key}`", span,
                              hint=did_you_mean(key, params) or f"the block is {signature}")
                return None
            if key in bound:
                self.sink.add("E053", f"`{key}` is given twice", span, hint=f"the block is {signature}")
                return None
            bound[key] = value
        for p in block.params:
            if p.name in bound:
                continue
            if p.default is None:
                self.sink.add("E053", f"`{block.name}` needs a value for `{p.name}`", call.span,
                              hint=f"the block is {signature}")
                return None
            try:
                bound[p.name] = self.eval(p.default, bound)
            except _Bad:
                return None
        return {p: bound[p] for p in params}

    # ---- expressions and layer arguments ---------------------------------------------

    def eval(self, e: ir.Expr, env: dict[str, int]) -> int:
        if isinstance(e, ir.Num):
            return e.value
        if isinstance(e, ir.Var):
            if e.name not in env:
                hint = did_you_mean(e.name, sorted(env)) or (
                    "names in expressions are the parameters of the enclosing block")
                self.sink.add("E059", f"`{e.name}` is not defined here", e.span, hint=hint)
                raise _Bad
            return env[e.name]
        if isinstance(e, ir.Neg):
            return -self.eval(e.operand, env)
        left, right = self.eval(e.left, env), self.eval(e.right, env)
        if e.op == "+":
            return left + right
        if e.op == "-":
            return left - right
        if e.op == "*":
            return left * right
        if right == 0:
            self.sink.add("E057", "division by zero", e.span, hint="check the block's arguments")
            raise _Bad
        return left // right

    def build_layer(self, call: ir.LayerCall, env: dict[str, int]) -> Layer | None:
        if not call.valid:
            return None
        cls = REGISTRY[call.keyword]
        fields = schema(cls).fields
        values: dict[str, Any] = {}
        try:
            for arg in call.args:
                values[arg.field] = self.value(fields[arg.field], arg, env)
        except _Bad:
            return None
        return cls(**values)

    def value(self, f: dataclasses.Field[Any], arg: ir.Arg, env: dict[str, int]) -> Any:
        meta = f.metadata
        v = arg.value
        if meta["role"] == "flag":
            assert isinstance(v, ir.Word)
            return meta["words"][v.text]
        kind = meta["kind"]
        if kind == "real":
            assert isinstance(v, ir.Real)
            try:
                number = float(v.text.replace("_", ""))
            except ValueError:
                self.sink.add("E013", f"`{v.text}` is not a plain number", v.span, hint="write e.g. `0.5`")
                raise _Bad from None
            return self.in_range(number, meta, f.name, v.span)
        if kind == "pad" and isinstance(v, ir.Word):
            return Pad(same=True) if v.text == "same" else Pad()
        if isinstance(v, ir.Tuple):
            items = [self.in_range(self.eval(e, env), meta, f.name, e.span) for e in v.items]
            if kind == "pad":
                return Pad(items[0], items[0], items[1], items[1]) if len(items) == 2 else Pad(*items)
            if kind == "int":
                self.sink.add("E013", f"{f.name.replace('_', ' ')} is one whole number, not `AxB`", v.span)
                raise _Bad
            return (items[0], items[1])
        n = self.in_range(self.eval(v, env), meta, f.name, v.span)  # type: ignore[arg-type]
        if kind == "pad":
            return Pad(n, n, n, n)
        return (n, n) if kind == "pair" else n

    def in_range(self, n: Any, meta: Any, name: str, span: Span) -> Any:
        label = name.replace("_", " ")
        if n < meta["min"]:
            self.sink.add("E013", f"{label} must be at least {meta['min']}, got {n}", span)
            raise _Bad
        if meta["below"] is not None and n >= meta["below"]:
            self.sink.add("E013", f"{label} must be below {meta['below']}, got {n}", span)
            raise _Bad
        return n


def _item_word(item: ir.Item) -> str:
    if isinstance(item, ir.LayerCall):
        return item.keyword
    if isinstance(item, ir.BlockCall):
        return item.block
    if isinstance(item, ir.Merge):
        return item.kind
    return "repeat"

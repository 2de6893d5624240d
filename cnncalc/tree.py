"""The expanded, fully resolved model: what the walker and the executor both read.

Block calls are inlined, repeats unrolled, expressions evaluated, layers built, every node
named and given its path, every layer's rounding decided (with where that came from), every
merge's join named and every `@NAME` reference resolved to a node. Nothing after expansion
re-decides any of it.
"""
from __future__ import annotations

from collections.abc import Iterator

from cnncalc import ir
from cnncalc.diagnostics import Span
from cnncalc.layers.base import Layer
from cnncalc.layers.merge import MergeKind
from cnncalc.record import NamedTuple, make


class Rounding(NamedTuple):
    """How a layer settles an inexact division, and where that was said (for notes)."""

    mode: str  # exact | floor | ceil
    source: str  # "`rounding floor` at line 3", "`--rounding ceil` on the command line", "the layer's `ceil`"
    stated: bool = True  # False: a framework's silent rule (an imported model), so inexact divisions warn (W030)

    @property
    def ceil(self) -> bool:
        return self.mode == "ceil"


EXACT = Rounding("exact", "no rounding stated")


class LayerNode:
    __slots__ = ("name", "path", "depth", "call", "shift", "layer", "rounding", "problem", "keep", "shares", "tied",
                 "to")

    def __init__(self, name: str, path: str, depth: int, call: ir.LayerCall, shift: int, layer: Layer | None,
                 rounding: Rounding, problem: str | None) -> None:
        self.name = name
        self.path = path
        self.depth = depth
        self.call = call  # as written (argument spans for carets)
        self.shift = shift  # how far its line is from the text the parser read (a line written again shares items)
        self.layer = layer  # None when it could not be built (reported): its output is unknown
        self.rounding = rounding
        self.problem = problem  # why the layer is missing, for answers that cannot be checked
        self.keep = False  # an `@NAME` reference reads this node's output later
        self.shares: LayerNode | None = None  # `shares NAME`: the layer whose weights these are (counted there)
        self.tied = False  # it shares another layer's weights, or another shares its
        self.to: Node | None = None  # `to @NAME`: the node whose height and width its output takes

    @property
    def keyword(self) -> str:
        return self.call.keyword

    @property
    def span(self) -> Span:
        """Where it is written: made when asked (most layers' spans are never read, and a deep network's
        nodes would each make one)."""
        return self.call.span.shifted(self.shift)

    def arg_span(self, name: str | None) -> Span:
        """Where the argument `name` is written (the caret of a diagnostic about it), else the layer."""
        for arg in self.call.args:
            if arg.name == name:
                return arg.span.shifted(self.shift)
        return self.span


class LineCheck(NamedTuple):
    """The answer written after a line: about children[first..last] of a sequence."""

    expectation: ir.Expectation  # spans already shifted
    first: int
    last: int
    label: str  # the line's name: its first item's label or generated name


class SeqNode:
    """A run of nodes: the network, a block call, a repeat, one repeat iteration, a branch or a side head."""

    __slots__ = ("name", "path", "depth", "span", "kind", "op", "_children", "_copy_of", "checks", "keep", "ref",
                 "train", "template", "arguments")

    def __init__(self, name: str, path: str, depth: int, span: Span, kind: str, op: str) -> None:
        self.name = name
        self.path = path
        self.depth = depth
        self.span = span
        self.kind = kind  # network | block | repeat | iteration | branch | side
        self.op = op  # the description shown in tables: `stage(64, 3, 1)`, `repeat 3`, `side train`
        self._children: list[Node] = []
        # the node this copies and how its text moves (`moved`): its children are copied when first read
        self._copy_of: tuple[SeqNode, Moving | None] | None = None
        self.checks: list[LineCheck] = []
        self.keep = False
        self.ref: Node | None = None  # a branch that starts from an earlier node's output (`@NAME`)
        self.train = False  # a `side train` head: its MACs are training-only
        # Nodes with the same template have the same contents but for their paths (the iterations of one
        # repeat, the calls of a block with the same arguments): the walker may copy one's rows for another.
        self.template: tuple[object, ...] | None = None
        self.arguments: tuple[tuple[str, object], ...] = ()  # a block call's parameters as bound (name, value)

    @property
    def children(self) -> list[Node]:
        """The nodes inside, in order. A copy's are made when first asked for: a walk that replays the
        copied node's rows never asks."""
        if self._copy_of is not None:
            original, text = self._copy_of
            self._copy_of = None
            self._children = [moved(child, original.path, self.path, lazy=True, text=text)
                              for child in original.children]
        return self._children


class MergeNode:
    """`concat`, `add`, `mul`, `split` or `residual`: branches from one input, joined by the merge kind."""

    __slots__ = ("name", "path", "depth", "span", "kind", "keyword", "count", "_branches", "_copy_of", "keep", "op",
                 "template")

    def __init__(self, name: str, path: str, depth: int, span: Span, kind: MergeKind, keyword: str,
                 count: int | None) -> None:
        self.name = name
        self.path = path
        self.depth = depth
        self.span = span
        self.kind = kind
        self.keyword = keyword  # as written: `residual` is an add with branches body and shortcut
        self.count = count  # split's N
        self._branches: list[SeqNode] = []
        self._copy_of: tuple[MergeNode, Moving | None] | None = None  # as a sequence's: branches copied when read
        self.keep = False
        self.op = ""  # the description shown in tables: `concat of 4` (set with the branches)
        # Merges with the same template (a line written again, its text elsewhere) have the same contents but
        # for their paths and places in the text: the walker may copy one's rows for another.
        self.template: tuple[object, ...] | None = None

    @property
    def join_name(self) -> str:
        """The join's name: the merge kind's keyword (`add`, `concat`)."""
        return self.kind.keyword

    @property
    def join_path(self) -> str:
        return f"{self.path}.{self.kind.keyword}"

    @property
    def branch_paths(self) -> tuple[str, ...]:
        return tuple([b.path for b in self.branches])

    @property
    def branches(self) -> list[SeqNode]:
        """The branches, in order; a copy's are made when first asked for (a replayed walk never asks)."""
        if self._copy_of is not None:
            original, text = self._copy_of
            self._copy_of = None
            self._branches = [moved(b, original.path, self.path, lazy=True, text=text)  # type: ignore[misc]
                              for b in original.branches]
        return self._branches


Node = LayerNode | SeqNode | MergeNode
Moving = tuple[int, int, int]  # the text from start to end, moved by so many characters (`moved`)


class Network(NamedTuple):
    """One network of a file, resolved: its tree (None when it could not be expanded) and its statements."""

    title: str | None
    input: ir.Input | None
    root: SeqNode | None
    totals: tuple[ir.TotalExpectation, ...]
    span: Span


def nodes(root: Node) -> Iterator[Node]:
    """Every node of a subtree, the root first, depth first (a sequence's children and a merge's
    branches from the last): the one walk over the tree that needs no flow through it."""
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, SeqNode):
            stack += node.children
        elif isinstance(node, MergeNode):
            stack += node.branches


def reference_counts(root: SeqNode) -> dict[int, int]:
    """How many `@NAME` branches and `to @NAME` layers read each referenced node's output: after the last one
    has read it, the output need not be kept (the executor and its memory estimate let it go)."""
    counts: dict[int, int] = {}
    for node in nodes(root):
        target = node.ref if isinstance(node, SeqNode) else node.to if isinstance(node, LayerNode) else None
        if target is not None:
            counts[id(target)] = counts.get(id(target), 0) + 1
    return counts


def moved(node: Node, old: str, new: str, copies: dict[int, Node] | None = None, *, lazy: bool = False,
          text: Moving | None = None) -> Node:
    """A copy of a subtree whose paths start with `new` instead of `old`; with `text` (start, end, by), the
    nodes written between start and end are `by` characters further on (a line written again; a block's
    body stays where it is written). With `lazy` (a tree without `@NAME` references) a sequence's contents
    are copied only when read (`SeqNode.children`); otherwise all at once, and a reference to a node inside
    reads that node's copy (`copies`). The copy's root is not kept for `@NAME` unless a reference to it says
    so (the expander's decision)."""
    top = copies is None
    if top and not lazy:
        copies = {}
    path = new + node.path[len(old):]
    copy: Node
    if type(node) is LayerNode:  # (its span follows its shift: none made here)
        start = node.call.span.start + node.shift
        by = text[2] if text is not None and text[0] <= start <= text[1] else 0
        copy = LayerNode(node.name, path, node.depth, node.call, node.shift + by, node.layer, node.rounding,
                         node.problem)
        if node.tied:  # (a tree with `shares` is copied whole, `copies` at hand: its targets are inside or above)
            copy.tied = True
            target = node.shares
            copied = copies.get(id(target)) if target is not None and copies is not None else None
            copy.shares = copied if isinstance(copied, LayerNode) else target
        if node.to is not None:  # (as a branch's `@NAME`: a tree with one is copied whole)
            copy.to = node.to if copies is None else copies.get(id(node.to), node.to)
    else:
        span = node.span
        if text is not None and text[0] <= span.start <= text[1]:  # (an empty branch is at the end)
            span = make(Span, (span.start + text[2], span.end + text[2]))  # `Span(…)` without its call
        if type(node) is SeqNode:
            copy = SeqNode(node.name, path, node.depth, span, node.kind, node.op)
            copy.ref = node.ref if node.ref is None or copies is None else copies.get(id(node.ref), node.ref)
            if lazy:
                copy._copy_of = (node, text)
            else:
                copy._children = [moved(child, old, new, copies, text=text) for child in node.children]
            copy.checks = node.checks  # none inside a moved copy (the expander's rule): their spans stay
            copy.train = node.train
            copy.template = node.template
            copy.arguments = node.arguments
        else:
            assert isinstance(node, MergeNode)
            copy = MergeNode(node.name, path, node.depth, span, node.kind, node.keyword, node.count)
            if lazy:
                copy._copy_of = (node, text)
            else:
                copy._branches = [moved(b, old, new, copies, text=text) for b in node.branches]  # type: ignore[misc]
            copy.op = node.op
            copy.template = node.template
    copy.keep = node.keep and not top
    if copies is not None:  # (a lazy copy has no `@NAME` reference inside to read it)
        copies[id(node)] = copy
    return copy

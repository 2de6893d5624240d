"""IR -> resolved tree (`tree.py`): block calls inlined, `repeat` unrolled, expressions evaluated,
layers built from their arguments, every node named, every rounding and reference decided.

The size of the expansion is computed from the IR first (memoised per block and arguments), so a
network over the node limit is refused in milliseconds, before anything is built.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator

from cnncalc import TYPE_CHECKING, codes, ir, limits, memo
from cnncalc.diagnostics import Diagnostic, DiagnosticSink, Source, Span
from cnncalc.layers import REGISTRY, Layer
from cnncalc.layers.arguments import BadValue
from cnncalc.layers.merge import MERGES
from cnncalc.suggest import did_you_mean
from cnncalc.tree import EXACT, LayerNode, LineCheck, MergeNode, Node, Rounding, SeqNode, moved

Value = int | tuple[int, int]  # a block parameter holds a number or a pair (`1x7`)
Env = dict[str, Value]
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _Spanned = TypeVar("_Spanned", ir.Count, ir.ShapeAnswer)  # an answer, moved with its line


class _Bad(Exception):
    """A value that could not be evaluated; its diagnostic is already reported (or, sizing, not wanted)."""


def expand_blocks(file: ir.File, sink: DiagnosticSink) -> dict[str, ir.BlockDef]:
    """The file's blocks by name (shared by its networks); a name defined twice is E055."""
    blocks: dict[str, ir.BlockDef] = {}
    for block in file.blocks:
        if block.name in blocks:
            sink.add(codes.E055, f"block `{block.name}` is defined twice", block.span, hint="rename one of them")
        else:
            blocks[block.name] = block
    return blocks


_SUGGESTED = 200  # the names a misspelt `@NAME` or `shares NAME` is compared with (a suggestion, not a search)
_CONTAINERS = {"block": "a block call", "repeat": "a repeat", "side": "a side head"}  # what `shares` may name instead


def _parents(scope: _Scope | None) -> Iterator[_Scope]:
    """A scope and those enclosing it, the nearest first, as `@NAME` sees them (not out of a repeat)."""
    while scope is not None:
        yield scope
        scope = scope.parent


def _regions(scope: _Scope | None) -> Iterator[dict[str, LayerNode]]:
    """The layers `shares NAME` sees from a scope, by name: those written before it in its network, block body or
    repeat iteration, then, out of a repeat, those written before the repeat (not out of a block's body: a block is
    written apart from where it is called)."""
    while scope is not None:
        yield scope.written
        while scope.parent is not None:
            scope = scope.parent
        scope = scope.enclosing


def network_rounding(net: ir.Network, cli: str | None, text: str) -> Rounding:
    """The rounding for a network's layers that state none: the command line's, else the spec's line."""
    if cli is not None:
        return Rounding(cli, f"`--rounding {cli}` on the command line")
    if net.rounding is not None and net.rounding.by:
        return Rounding(net.rounding.mode, f"as {net.rounding.by} does", stated=False)
    if net.rounding is not None and net.rounding.mode != "exact":
        line = text.count("\n", 0, net.rounding.span.start) + 1
        return Rounding(net.rounding.mode, f"`rounding {net.rounding.mode}` at line {line}")
    return EXACT


class _Scope:
    """Names visible to `@NAME` references: this sequence's lines so far, then the enclosing ones; and the layers
    written so far, which `shares NAME` sees wherever they are (CBAM's MLP in a merge's first branch, shared from
    its second; a detection head applied at every level, a side head's layers shared by the next head)."""

    __slots__ = ("names", "parent", "line_label", "siblings", "written", "enclosing")

    def __init__(self, parent: _Scope | None) -> None:
        self.names: dict[str, Node] = {}
        self.parent = parent
        self.line_label: str | None = None  # the label of the line being expanded (not yet referable)
        self.siblings: set[str] = set()  # names inside earlier branches of the merge this scope is a branch of
        # the layers written so far in the network, block body or repeat iteration, by name (the last of a name);
        # one dictionary for all its scopes
        self.written: dict[str, LayerNode] = parent.written if parent is not None else {}
        # a repeat's iteration: the scope the repeat is written in, whose layers `shares` sees (`@NAME` does not)
        self.enclosing: _Scope | None = None


# Shared by the analyses of a process (cnncalc/memo.py): one object per distinct layer (a 100k-layer chain shares a
# few; the walker keeps what it computed by the object), and each layer call as built, by the values of the block
# parameters in scope and the network's rounding: (the call, kept alive, its layer, its rounding, whether it reads
# no parameter). A block's body written the same in many files is one IR (the parser's `_BLOCKS`), so its calls are
# the same objects.
_LAYERS: dict[Layer, Layer] = memo.shared()
_BUILT: dict[tuple[int, tuple[tuple[str, Value], ...], Rounding], tuple[ir.LayerCall, Layer, Rounding, bool]] = \
    memo.shared()
# `fill`'s own index of the calls written without block parameters (most): by the call alone, with the network's
# rounding that decided the entry. Two files under `rounding floor` stated on different lines replace each other's
# entries here, and find their layers in `_BUILT` without building them again.
_LITERALS: dict[int, tuple[ir.LayerCall, Layer, Rounding, Rounding]] = memo.shared()
# `_fits`' sizes of the network's lines, by the line's items and the file's block definitions (a line, or a block,
# written the same in many files is one IR: the parser's caches), the line's size a function of those alone: each
# set of definitions a number (kept alive with them), and each line's size with its items kept alive. Only lines and
# block bodies of at most `_SHARED_CHARS` characters are kept (what the parser's caches share is shorter still), so
# that what these hold between analyses stays small (memo.py)
_BLOCK_SETS: dict[tuple[tuple[str, int, int], ...], tuple[int, tuple[ir.BlockDef, ...]]] = memo.shared()
_LINE_SIZES: dict[tuple[int, int], tuple[int, tuple[ir.Item, ...]]] = memo.shared()
_SHARED_CHARS = 2_000


class Expander:
    def __init__(self, blocks: dict[str, ir.BlockDef], sink: DiagnosticSink, source: Source,
                 rounding: Rounding) -> None:
        self.blocks = blocks
        self.sink = sink
        self.source = source
        self.rounding = rounding
        self.stack: list[str] = []
        self.called: set[str] = set()
        self.sizes: dict[tuple[str, tuple[Value, ...]], int] = {}
        self.merge_sizes: dict[tuple[int, tuple[tuple[str, Value], ...], int], int] = {}
        self.roundings: dict[tuple[int, str, bool], Rounding] = {}
        self.track_names = False  # `@NAME` references need every scope's names; most networks have none
        # Layer calls that could not be built, whose diagnostics are reported again at each other place the line is
        # written (a line repeated 100,000 times costs a copy of them, not a build each); those built are `_LITERALS`
        self.bad_literals: dict[int, _Failed] = {}
        self.frozen = False  # whether a layer of the network is frozen (`frozen`: its parameters are not trained)
        # per sequence: itself (kept alive), its items' names line after line, and its items named as written
        self.plans: dict[int, tuple[ir.Seq, list[str], list[tuple[ir.Item, int]]]] = {}
        self.named: set[tuple[int, int]] = set()  # (sequence, shift) whose names were checked for E015
        self.built: dict[tuple[object, ...], tuple[SeqNode, bool]] = {}  # each template's first node; lazy copies?
        self.merges: dict[tuple[object, ...], tuple[MergeNode, int]] = {}  # each merge template's node, its shift
        self.answered_lines = 0  # lines with answers expanded so far
        self.references = 0  # `@NAME` references resolved so far
        self.repeats = itertools.count()

    # ---- the network -----------------------------------------------------------------

    def network(self, net: ir.Network) -> SeqNode | None:
        if net.beyond_limit or not self._fits(net.body):
            return None
        self.track_names = net.refers
        root = SeqNode("", "", 0, net.body.span, "network", net.title or "network")
        self.fill(root, net.body, {}, 0, _Scope(None))
        return root

    def _fits(self, body: ir.Seq) -> bool:
        """The expansion's size, computed before building; over the limit is E058 at the line responsible."""
        total = 0
        blocks = tuple(self.blocks.values())
        shared = all(b.body.span.end - b.body.span.start <= _SHARED_CHARS for b in blocks)
        definitions = _BLOCK_SETS.setdefault(tuple((b.name, id(b.body), id(b.params)) for b in blocks),
                                             (len(_BLOCK_SETS), blocks))[0] if shared else -1
        sized_here: dict[int, int] = {}  # (the lines too long to keep: sized once in this file)
        for line in body.lines:
            items = line.items
            kept = shared and line.span.end - line.span.start <= _SHARED_CHARS
            sized = _LINE_SIZES.get((id(items), definitions)) if kept else None
            size = sized[0] if sized is not None else sized_here.get(id(items), -1)
            if size < 0:
                size = sized_here[id(items)] = sum([self.size_item(item, {}, 0) for item in items])
                if kept:
                    _LINE_SIZES[id(items), definitions] = (size, items)
            if total + size <= limits.MAX_NODES:
                total += size
                continue
            for item in items:  # the item that passes the limit
                size = self.size_item(item, {}, 0)
                total += size
                if total > limits.MAX_NODES:
                    alone = (f"this line alone expands to {size:,} nodes" if size > limits.MAX_NODES else
                             f"the network reaches {total:,} nodes here")
                    self.sink.add(codes.E058, f"{alone}; cnncalc's limit is {limits.MAX_NODES:,}",
                                  item.span.shifted(line.shift),
                                  hint=f"reduce the repeat counts or the calls; cnncalc analyses at most "
                                       f"{limits.MAX_NODES:,} layers and containers")
                    return False
        return True

    # ---- size, before building -------------------------------------------------------

    def size_seq(self, seq: ir.Seq, env: Env, depth: int) -> int:
        return sum(self.size_item(item, env, depth) for line in seq.lines for item in line.items)

    def size_item(self, item: ir.Item, env: Env, depth: int) -> int:
        if depth > limits.MAX_TREE_DEPTH:
            return 1
        if isinstance(item, ir.LayerCall):
            return 1
        if isinstance(item, ir.Merge):  # a line of a merge written many times is sized once
            written = (id(item), tuple(env.items()), depth)
            sized = self.merge_sizes.get(written)
            if sized is None:
                sized = self.merge_sizes[written] = 2 + sum(1 + self.size_seq(b.body, env, depth + 2)
                                                            for b in item.branches)
            return sized
        if isinstance(item, ir.Side):
            return 1 + self.size_seq(item.body, env, depth + 1)
        if isinstance(item, ir.Repeat):
            n = self.quiet_eval(item.times, env)
            if not isinstance(n, int) or not 0 <= n <= limits.MAX_REPEAT:
                return 1  # E056 when built
            body = self.size_seq(item.body, env, depth + 2)
            return 1 + n * (1 + body)
        block = self.blocks.get(item.block)
        if block is None or block.name in self.stack:
            return 1
        bound = self.bind(block, item, env, quiet=True)
        if bound is None:
            return 1
        key = (block.name, tuple(bound.values()))
        if key not in self.sizes:
            self.stack.append(block.name)
            try:
                self.sizes[key] = 1 + self.size_seq(block.body, bound, depth + 1)
            finally:
                self.stack.pop()
        return self.sizes[key]

    def quiet_eval(self, e: ir.Expr, env: Env) -> Value | None:
        try:
            return self.eval(e, env, 0, quiet=True)
        except _Bad:
            return None

    # ---- sequences and naming --------------------------------------------------------

    def fill(self, parent: SeqNode, seq: ir.Seq, env: Env, shift: int, scope: _Scope) -> None:
        """Expand the lines of `seq` into `parent`'s children; names are unique within `parent`."""
        children = parent.children  # a node being filled is never a lazy copy: the list itself
        track_names = self.track_names
        prefix = f"{parent.path}." if parent.path else ""
        depth = parent.depth + 1
        too_deep = depth > limits.MAX_TREE_DEPTH or len(self.stack) > limits.MAX_DEPTH
        build_layer, built, rounding = self.build_layer, _LITERALS, self.rounding
        names = self.naming(seq, shift)
        k = 0  # the next item's name in `names`
        for line in seq.lines:
            line_shift = shift + line.shift
            first = len(children)
            if track_names:
                scope.line_label = line.items[0].label
            named = k  # the line's first item's name
            for item in line.items:
                name = names[k]
                k += 1
                node: Node | None
                if too_deep:
                    self.sink.add(codes.E004, f"the expanded network nests deeper than {limits.MAX_TREE_DEPTH} "
                                              f"levels", item.span.shifted(line_shift),
                                  hint="flatten the spec with blocks and `repeat`")
                    node = None
                elif isinstance(item, ir.LayerCall):  # most items: built here, without a call per item (nor a span)
                    known = built.get(id(item))
                    if known is not None and known[0] is item and known[3] == rounding:  # as built before
                        node = LayerNode(name, prefix + name, depth, item, line_shift, known[1], known[2], None)
                    else:
                        layer, problem, own = build_layer(item, env, line_shift)
                        node = LayerNode(name, prefix + name, depth, item, line_shift, layer, own, problem)
                    if track_names and item.shares is not None:
                        self.tie(node, item.shares, scope, line_shift)
                    if track_names and item.to is not None:  # `deconv … to @NAME`: NAME's output is read there
                        node.to = self.resolve(item.to, scope, line_shift, set())
                        if node.to is not None:
                            node.to.keep = True
                else:
                    node = self.item(item, name, prefix + name, depth, item.span.shifted(line_shift), env, line_shift,
                                     scope)
                if node is not None:
                    children.append(node)
                    if track_names and not (item is line.items[0] and item.label is not None and len(line.items) > 1):
                        scope.names.setdefault(name, node)
                    if track_names and type(node) is LayerNode:
                        scope.written[name] = node
            if track_names:
                scope.line_label = None
                if len(children) > first and line.items[0].label is not None:
                    scope.names[line.items[0].label] = children[-1]  # `@NAME` of a line is its output
            if line.expectation is not None and len(children) > first:
                self.answered_lines += 1
                parent.checks.append(LineCheck(_shift_expectation(line.expectation, line_shift), first,
                                               len(children) - 1, names[named]))

    def naming(self, seq: ir.Seq, shift: int) -> list[str]:
        """The names of the items of `seq`, line after line: given ones, else `conv1`, `conv2`, ... counting each
        keyword in the scope and skipping names given explicitly. Decided once per sequence (a repeat's
        body is named the same in every iteration); a name given twice is E015 at each place it is written."""
        plan = self.plans.get(id(seq))
        if plan is None:
            labelled = [(item, line.shift) for line in seq.lines for item in line.items if item.label is not None]
            explicit = {item.label for item, _ in labelled}
            # per word, the stem of its names and the last number given: `conv` 1, 2, …; after a keyword ending in
            # a digit an underscore (`relu6_2`, not `relu62`); a number whose name is given explicitly is skipped
            stems: dict[str, str] = {}
            numbers: dict[str, int] = {}
            names = []
            for line in seq.lines:
                for item in line.items:
                    label = item.label
                    if label is not None:
                        names.append(label)
                        continue
                    word = item.keyword if type(item) is ir.LayerCall else _item_word(item)
                    stem = stems.get(word)
                    if stem is None:
                        stem = stems[word] = word + "_" if word[-1].isdigit() else word
                    number = numbers.get(word, 0) + 1
                    name = f"{stem}{number}"
                    while explicit and name in explicit:
                        number += 1
                        name = f"{stem}{number}"
                    numbers[word] = number
                    names.append(name)
            plan = self.plans[id(seq)] = (seq, names, labelled)
        if (id(seq), shift) not in self.named:
            self.named.add((id(seq), shift))
            seen: set[str] = set()
            for item, line_shift in plan[2]:
                assert item.label is not None
                if item.label in seen:
                    self.sink.add(codes.E015, f"the name `{item.label}` is already used in this scope",
                                  item.span.shifted(shift + line_shift), hint="give each layer its own name")
                seen.add(item.label)
        return plan[1]

    def item(self, item: ir.Merge | ir.Repeat | ir.Side | ir.BlockCall, name: str, path: str, depth: int, span: Span,
             env: Env, shift: int, scope: _Scope) -> Node | None:
        """A container item's node (a layer's is built in `fill`)."""
        if isinstance(item, ir.Merge):
            return self.merge(item, name, path, depth, span, env, shift, scope)
        if isinstance(item, ir.Repeat):
            return self.repeat(item, name, path, depth, span, env, shift, scope)
        if isinstance(item, ir.Side):
            node = SeqNode(name, path, depth, span, "side", "side train" if item.train else "side")
            node.train = item.train
            self.fill(node, item.body, env, shift, _Scope(scope))
            return node
        return self.block_call(item, name, path, depth, span, env, shift)

    def layer_rounding(self, layer: Layer | None, by: str, stated: bool) -> Rounding:
        """The layer's own `floor`/`ceil` (a framework's rule when `by` names one; `exact` for a layer whose division
        is never rounded, `pixelunshuffle`), else the network's (the command line's or the spec's line); stated by
        `by` when it is a definition that rounds on purpose."""
        key = (id(layer), by, stated)
        found = self.roundings.get(key)
        if found is None:
            own = getattr(layer, "rounding", None)
            if not own:
                found = self.rounding._replace(source=f"as {by} does", stated=True) if stated else self.rounding
            else:
                found = Rounding(own, f"as {by} does", stated=stated) if by else Rounding(own, f"the layer's `{own}`")
            self.roundings[key] = found
        return found

    def merge(self, item: ir.Merge, name: str, path: str, depth: int, span: Span, env: Env, shift: int,
              scope: _Scope) -> MergeNode | None:
        """A merge's node; the same merge again (its line written again, shifted in the text, with the same
        block arguments, depth and nesting) is a lazy copy of the first, when that one reported nothing and
        holds no `@NAME` reference and no answered line: their contents differ only in paths and places."""
        template = ("merge", id(item), tuple(env.items()), depth, len(self.stack))
        built = self.merges.get(template)
        if built is not None:
            original, at = built  # its text, from the line written at shift `at`, moves to this one's
            copy = moved(original, original.path, path, lazy=True,
                         text=(original.span.start, original.span.end, shift - at))
            assert isinstance(copy, MergeNode)
            copy.name = name
            return copy
        marks = (self.sink.total, self.references, self.answered_lines)
        node = self.merge_node(item, name, path, depth, span, env, shift, scope)
        if node is not None and marks == (self.sink.total, self.references, self.answered_lines):
            node.template = template
            self.merges[template] = (node, shift)
        return node

    def merge_node(self, item: ir.Merge, name: str, path: str, depth: int, span: Span, env: Env, shift: int,
                   scope: _Scope) -> MergeNode | None:
        kind = MERGES["add" if item.kind == "residual" else item.kind]
        if item.mode is not None:
            kind = kind.with_mode(item.mode)
        if item.window is not None:  # `maxunpool 2x2 stride 2`: its max pool, built and rounded as a layer is
            window, _, rounding = self.build_layer(item.window, env, shift)
            if window is None:
                return None
            kind = kind.windowed(window, rounding.mode == "ceil", getattr(window, "rounding", None) == "exact")
        count = None
        if item.arg is not None:
            try:
                value = self.eval(item.arg, env, shift)
            except _Bad:
                return None
            if kind.takes_offset:
                pair = (value, value) if isinstance(value, int) else value
                if not all(0 <= v <= limits.MAX_EXTENT for v in pair):
                    self.sink.add(codes.E013, f"`{item.kind} at` needs an offset of whole numbers from 0 to "
                                              f"{limits.MAX_EXTENT:,} (rows, or `TxL`)", item.arg.span.shifted(shift),
                                  hint=f"e.g. `{item.kind} at 4x4 {{ … }}`: 4 rows down, 4 columns across")
                    return None
                kind = kind.at((pair[0], pair[1]))
            elif not isinstance(value, int) or not 1 <= value <= limits.MAX_BRANCHES:
                self.sink.add(codes.E013, f"`{item.kind}` needs a whole number of parts from 1 to "
                                          f"{limits.MAX_BRANCHES:,}", item.arg.span.shifted(shift),
                              hint=f"e.g. `{item.kind} 2 {{ … }}`")
                return None
            else:
                count = value
        node = MergeNode(name, path, depth, span, kind, item.kind, count)
        siblings: set[str] = set()
        for branch in item.branches:
            child = SeqNode(branch.name, f"{path}.{branch.name}", depth + 1, branch.span.shifted(shift), "branch",
                            "branch")
            branch_scope = _Scope(scope)
            branch_scope.siblings = set(siblings)
            if branch.ref is not None:
                child.ref = self.resolve(branch.ref, scope, shift, siblings)
                if child.ref is None:
                    return None
                child.ref.keep = True
                child.op = f"branch from @{branch.ref.name}"
            self.fill(child, branch.body, env, shift, branch_scope)
            siblings |= set(branch_scope.names)
            node.branches.append(child)
        at = kind.offset
        words = f" {item.mode}" if item.mode is not None else f" at {at[0]}x{at[1]}" if at is not None else \
            f" {kind.window_text()}" if kind.window is not None else ""
        node.op = f"{item.kind}{words} of {len(node.branches)}"
        return node

    def resolve(self, ref: ir.Ref, scope: _Scope, shift: int, siblings: set[str]) -> Node | None:
        """`@NAME`: the nearest earlier line or layer of that name in this scope or an enclosing one."""
        self.references += 1
        found = next((s.names[ref.name] for s in _parents(scope) if ref.name in s.names), None)
        if found is not None:
            return found
        span = ref.span.shifted(shift)
        if self.sink.full:  # only counted: no message to work out (a suggestion compares hundreds of names)
            self.sink.add(codes.E063, "", span)
            return None
        if ref.name in siblings or ref.name in scope.siblings:
            why = f"`{ref.name}` is inside a sibling branch of this merge; a branch cannot read another's layers"
        elif ref.name == scope.line_label:
            why = f"`{ref.name}` names its own line, which is not finished here"
        else:
            why = f"no earlier line or layer is named `{ref.name}` here"
        if ref.name == "input":  # the input is no line: a branch from it starts at a line that passes it on
            hint = "the network's input has no name here: begin the network with a line `image: identity` and " \
                   "refer to `@image`"
        else:
            visible = itertools.islice((name for s in _parents(scope) for name in s.names), _SUGGESTED)
            hint = did_you_mean(ref.name, list(visible)) or \
                "refer to a line above the merge, in this scope or an enclosing one"
        self.sink.add(codes.E063, why, span, hint=hint)
        return None

    def tie(self, node: LayerNode, ref: ir.Ref, scope: _Scope, shift: int) -> None:
        """`shares NAME`: the last layer of that name written before it, whose weights the layer uses (counted there;
        the walker compares their shapes): in its network, block body or repeat iteration (merges and side heads
        included, not a repeat or block call before it), or before the repeat it is in. A layer that shares another's
        shares what that one shares. E063 for no such layer, E064 for one written otherwise."""
        self.references += 1  # what contains it is expanded afresh, not copied from a template (as for `@NAME`)
        target: LayerNode | None = None
        for written in _regions(scope):
            target = written.get(ref.name)
            if target is not None:
                break
        span = ref.span.shifted(shift)
        if target is None and self.sink.full:  # only counted: no message to work out
            self.sink.add(codes.E063, "", span)
            return
        if target is None:
            other = next((s.names[ref.name] for s in _parents(scope) if ref.name in s.names), None)
            what = f"`{ref.name}` is {_CONTAINERS.get(getattr(other, 'kind', ''), 'a merge')}, not a layer" \
                if other is not None else f"no earlier layer is named `{ref.name}` here"
            visible = itertools.islice((name for written in _regions(scope) for name in written), _SUGGESTED)
            self.sink.add(codes.E063, f"{what}: `shares` names a layer written before, whose weights this one uses",
                          span, hint=did_you_mean(ref.name, list(visible)) or
                          "name a layer written above it (not inside a repeat or block call before it)")
            return
        target = target.shares or target
        if node.layer is None or target.layer is None:
            return  # (its error is reported)
        if node.layer != target.layer:
            self.sink.add(codes.E064, f"`{node.layer.spec_text()}` cannot share the weights of `{target.name}`, which "
                                      f"is `{target.layer.spec_text()}`", span,
                          hint="a layer shares the weights of one written the same (its kind and arguments)")
            return
        node.shares, node.tied, target.tied = target, True, True

    def repeat(self, item: ir.Repeat, name: str, path: str, depth: int, span: Span, env: Env,
               shift: int, scope: _Scope) -> SeqNode | None:
        try:
            n = self.eval(item.times, env, shift)
        except _Bad:
            return None
        if not isinstance(n, int) or not 0 <= n <= limits.MAX_REPEAT:
            self.sink.add(codes.E056, f"`repeat` needs a count from 0 to {limits.MAX_REPEAT:,}, got {_shown(n)}",
                          item.times.span.shifted(shift), hint="e.g. `repeat 3 { conv 64 3x3 pad 1 ; relu }`")
            return None
        node = SeqNode(name, path, depth, span, "repeat", f"repeat {n}")
        template = ("repeat", next(self.repeats))  # a serial number: an id() could be reused
        for i in range(1, n + 1):
            iteration = self.copy_of(template, f"{path}.{i}")
            if iteration is None:
                iteration = SeqNode(str(i), f"{path}.{i}", depth + 1, item.body.span.shifted(shift), "iteration", "")
                iteration.template = template
                references = self.references
                inside = _Scope(None)
                inside.enclosing = scope  # a weight-tied recursion's layers share one written before the repeat
                self.fill(iteration, item.body, env, shift, inside)
                self.remember(template, iteration, lazy=self.references == references)
            iteration.name, iteration.op = str(i), f"{i} of {n}"
            node.children.append(iteration)
        return node

    def copy_of(self, template: tuple[object, ...], path: str) -> SeqNode | None:
        """A copy, at `path`, of the node built before from the same template, if any."""
        built = self.built.get(template)
        if built is None:
            return None
        original, lazy = built
        if not lazy:
            self.references += 1  # references inside: what contains this copy has them too
        copy = moved(original, original.path, path, lazy=lazy)
        assert isinstance(copy, SeqNode)
        return copy

    def remember(self, template: tuple[object, ...], node: SeqNode, *, lazy: bool) -> None:
        """Expansion depends only on the template (the same body, arguments, depth and nesting), so later
        nodes of this template are copies: the same contents, and no diagnostic reported twice. Without
        an `@NAME` reference inside, a copy's contents are made only if something reads them."""
        self.built[template] = (node, lazy)

    def block_call(self, call: ir.BlockCall, name: str, path: str, depth: int, span: Span, env: Env,
                   shift: int) -> SeqNode | None:
        block = self.blocks.get(call.block)
        if block is None:
            if call.block in REGISTRY:  # `conv(96, 11x11)`: a layer written as a call
                layer = REGISTRY[call.block]
                hint = f"`{call.block}` is a layer, not a block: its arguments follow it without parentheses or " \
                       f"commas, as in `{layer.example or call.block}`"
            else:
                hint = did_you_mean(call.block, sorted(self.blocks)) or \
                    f"define it: `block {call.block}(...) {{ ... }}`"
            self.sink.add(codes.E052, f"no block named `{call.block}`", span, hint=hint)
            return None
        self.called.add(block.name)
        if block.name in self.stack:
            chain = " -> ".join(self.stack[self.stack.index(block.name):] + [block.name])
            self.sink.add(codes.E054, f"block `{block.name}` calls itself ({chain})", span,
                          hint="a network must be finite; use `repeat N { ... }` for repetition")
            return None
        bound = self.bind(block, call, env, shift=shift)
        if bound is None:
            return None
        template = ("block", block.name, tuple(bound.values()), depth, len(self.stack))
        node = self.copy_of(template, path)
        if node is not None:
            node.name, node.span = name, span
            return node
        shown = ", ".join(_shown(v) for v in bound.values())
        node = SeqNode(name, path, depth, span, "block", f"{block.name}({shown})")
        node.template = template
        node.arguments = tuple(bound.items())
        references = self.references
        self.stack.append(block.name)
        try:
            self.fill(node, block.body, bound, block.shift, _Scope(None))
        finally:
            self.stack.pop()
        self.remember(template, node, lazy=self.references == references)
        return node

    def bind(self, block: ir.BlockDef, call: ir.BlockCall, env: Env, *, quiet: bool = False,
             shift: int = 0) -> Env | None:
        params = [p.name for p in block.params]

        def signature() -> str:  # (made only for a diagnostic: a network's calls bind twice, sized then built)
            return f"{block.name}({', '.join(p.name + ('' if p.default is None else '=…') for p in block.params)})"

        def fail(message: str, where: Span | None = None) -> None:
            if not quiet:
                self.sink.add(codes.E053, message, where or call.span.shifted(shift),
                              hint=f"the block is {signature()}")

        try:
            args = [self.eval(a, env, shift, quiet) for a in call.args]
            kwargs = {k.name: (self.eval(k.value, env, shift, quiet), k.span.shifted(shift)) for k in call.kwargs}
        except _Bad:
            return None
        if len(args) > len(params):
            fail(f"`{block.name}` takes {len(params)} argument{'s' * (len(params) != 1)}, {len(args)} given")
            return None
        bound: Env = dict(zip(params, args))
        for key, (value, where) in kwargs.items():
            if key not in params:
                if not quiet:
                    self.sink.add(codes.E053, f"`{block.name}` has no parameter `{key}`", where,
                                  hint=did_you_mean(key, params) or f"the block is {signature()}")
                return None
            if key in bound:
                fail(f"`{key}` is given twice", where)
                return None
            bound[key] = value
        for p in block.params:
            if p.name in bound:
                continue
            if p.default is None:
                fail(f"`{block.name}` needs a value for `{p.name}`")
                return None
            try:
                bound[p.name] = self.eval(p.default, bound, block.shift, quiet)
            except _Bad:
                return None
        return {p: bound[p] for p in params}

    # ---- expressions and layer arguments ---------------------------------------------

    def eval(self, e: ir.Expr, env: Env, shift: int, quiet: bool = False) -> Value:
        """An integer expression's value (or a pair `1x7`), bounded by MAX_INT; problems are E057/E059."""
        if isinstance(e, ir.Num):
            return e.value
        if isinstance(e, ir.Var):
            if e.name not in env:
                if not quiet:
                    hint = did_you_mean(e.name, sorted(env)) or (
                        "names in expressions are the parameters of the enclosing block")
                    self.sink.add(codes.E059, f"`{e.name}` is not defined here", e.span.shifted(shift), hint=hint)
                raise _Bad
            return env[e.name]
        if isinstance(e, ir.PairLit):
            h, w = (self.eval(part, env, shift, quiet) for part in e.items)
            if not isinstance(h, int) or not isinstance(w, int):
                raise _Bad
            return (h, w)
        if isinstance(e, ir.Neg):
            operand = self.eval(e.operand, env, shift, quiet)
            return self._arith("-", 0, operand, e, shift, quiet)
        left = self.eval(e.left, env, shift, quiet)
        right = self.eval(e.right, env, shift, quiet)
        return self._arith(e.op, left, right, e, shift, quiet)

    def _arith(self, op: str, left: Value, right: Value, e: ir.Expr, shift: int, quiet: bool) -> int:
        def fail(message: str) -> _Bad:
            if not quiet:
                self.sink.add(codes.E057, message, e.span.shifted(shift), hint="check the block's arguments")
            return _Bad()

        if not isinstance(left, int) or not isinstance(right, int):
            pair = left if not isinstance(left, int) else right
            raise fail(f"arithmetic on the pair `{_shown(pair)}`: a pair is a size, not a number")
        if op == "+":
            result = left + right
        elif op == "-":
            result = left - right
        elif op == "*":
            result = left * right
        elif right == 0:
            raise fail("division by zero")
        else:
            result = left // right
        if abs(result) > limits.MAX_INT:
            raise fail(f"the result is beyond cnncalc's range for expressions (±{limits.MAX_INT:,})")
        return result

    def build_layer(self, call: ir.LayerCall, env: Env, shift: int) -> tuple[Layer | None, str | None, Rounding]:
        """The layer object, its rounding and, when it cannot be built, why (for answers that cannot be
        checked). `fill` looks up the layers built before without a problem (`_LITERALS`) itself."""
        failed = self.bad_literals.get(id(call))
        if failed is not None and failed.call is call:
            return self.failed_again(failed, shift)
        if not call.valid:
            return None, f"line {self.line_of(call.span.start + shift)}, which could not be read", self.rounding
        key = (id(call), tuple(env.items()), self.rounding)
        known = _BUILT.get(key)
        if known is not None and known[0] is call:  # built before on these values
            if known[3]:
                _LITERALS[id(call)] = (call, known[1], known[2], self.rounding)
            return known[1], None, known[2]
        cls = REGISTRY[call.keyword]
        literal = not any(map(_reads_names, _expressions(call)))  # the same layer, or failure, wherever written
        reporting, self.sink = self.sink, DiagnosticSink()  # what a failed build says, kept to say it again
        try:
            values = self.arguments(call, cls, env, shift)
        except _Bad:
            values = None
        finally:
            said, self.sink = self.sink, reporting
        if values is None:
            reported = tuple(d._replace(span=Span(d.span.start - shift, d.span.end - shift)) for d in said.items)
            failed = _Failed(call, None, self.layer_rounding(None, call.rounding_by, call.rounding_stated), reported)
            if literal:
                self.bad_literals[id(call)] = failed
            return self.failed_again(failed, shift)
        layer = cls.build(values)
        layer = _LAYERS.setdefault(layer, layer)
        rounding = self.layer_rounding(layer, call.rounding_by, call.rounding_stated)
        if layer.frozen:  # (built again at each place: `frozen` is said of the network only here)
            self.frozen = True
        else:
            _BUILT[key] = (call, layer, rounding, literal)
            if literal:
                _LITERALS[id(call)] = (call, layer, rounding, self.rounding)
        return layer, None, rounding

    def arguments(self, call: ir.LayerCall, cls: type[Layer], env: Env, shift: int) -> dict[str, Any]:
        """The call's argument values, converted by their kinds; _Bad when one cannot be (what it reports is said
        only then)."""
        schema = cls.schema
        values: dict[str, Any] = {}
        for arg in call.args:
            argument = next(a for a in schema.arguments if a.name == arg.name)
            raw = self.raw_value(arg, env, shift)
            if isinstance(arg.value, ir.Volume):
                if "depth" not in cls._names:
                    self.sink.add(codes.E013, f"`{call.keyword}` takes a size `KxK`, not `KxKxD`",
                                  arg.value.span.shifted(shift), hint=f"e.g. `{cls.example or call.keyword}`")
                    raise _Bad
                values["depth"] = arg.value.depth
            try:
                values[arg.name] = argument.kind.convert(raw)
            except BadValue as bad:
                where = _item_span(arg.value, bad.index)
                self.sink.add(codes.E013, f"{call.keyword}: the {argument.label}: {bad.message}", where.shifted(shift),
                              hint=f"e.g. `{cls.example or call.keyword}`")
                raise _Bad from None
        return values

    def failed_again(self, failed: _Failed, shift: int) -> tuple[None, str, Rounding]:
        """A layer that could not be built, at the place `shift`: its diagnostics reported there, unless they
        were just reported there (a repeat's iterations are one place)."""
        if failed.shift != shift:
            for d in failed.reported:
                self.sink.add(d.code, d.message, d.span.shifted(shift), d.hint, d.path, d.notes)
            failed.shift = shift
        return None, f"the bad argument at line {self.line_of(failed.call.span.start + shift)}", failed.rounding

    def raw_value(self, arg: ir.Arg, env: Env, shift: int) -> Any:
        """What was written, evaluated: a number, a pair, four sides, a word or a real's text."""
        v = arg.value
        if isinstance(v, (ir.Word, ir.Real)):
            return v.text
        if isinstance(v, ir.Volume):
            return (v.items[0].value, v.items[1].value)
        if isinstance(v, ir.Range) and v.stop is None:
            return (self._number(v.start, env, shift), None)
        if isinstance(v, (ir.Sides, ir.Range)):
            parts = v.items if isinstance(v, ir.Sides) else (v.start, v.stop)
            return tuple(self._number(p, env, shift) for p in parts if p is not None)
        return self.eval(v, env, shift)

    def _number(self, e: ir.Expr, env: Env, shift: int) -> int:
        value = self.eval(e, env, shift)
        if not isinstance(value, int):
            self.sink.add(codes.E013, f"expected one number here, found the pair `{_shown(value)}`",
                          e.span.shifted(shift), hint="a pair `AxB` goes only where a size does (`3x3`, `stride 2x1`)")
            raise _Bad
        return value

    def line_of(self, offset: int) -> int:
        return self.source.line_col(offset)[0]


class _Failed:
    """A layer call that could not be built: its diagnostics (spans as written, unshifted), the place they
    were last reported (None: not yet), and the rounding its row gets."""

    __slots__ = ("call", "shift", "rounding", "reported")

    def __init__(self, call: ir.LayerCall, shift: int | None, rounding: Rounding,
                 reported: tuple[Diagnostic, ...]) -> None:
        self.call, self.shift, self.rounding, self.reported = call, shift, rounding, reported


def _expressions(call: ir.LayerCall) -> Iterator[ir.Expr]:
    """The expressions of a call's arguments (what may read block parameters)."""
    for arg in call.args:
        v = arg.value
        if isinstance(v, (ir.Word, ir.Real, ir.Volume)):
            continue
        if isinstance(v, ir.Sides):
            yield from v.items
        elif isinstance(v, ir.Range):
            yield v.start
            if v.stop is not None:
                yield v.stop
        else:
            yield v


def _reads_names(e: ir.Expr) -> bool:
    """Whether an expression's value depends on block parameters (else it is the same everywhere)."""
    if isinstance(e, ir.Var):
        return True
    if isinstance(e, ir.BinOp):
        return _reads_names(e.left) or _reads_names(e.right)
    if isinstance(e, ir.Neg):
        return _reads_names(e.operand)
    if isinstance(e, ir.PairLit):
        return any(_reads_names(p) for p in e.items)
    return False


def _item_span(value: ir.Value, index: int | None) -> Span:
    if index is not None:
        if isinstance(value, (ir.PairLit, ir.Sides, ir.Volume)) and index < len(value.items):
            return value.items[index].span
        if isinstance(value, ir.Range):
            part = (value.start, value.stop)[index]
            return value.span if part is None else part.span
    return value.span


def _shift_expectation(e: ir.Expectation, shift: int) -> ir.Expectation:
    """The answers of a line written again `shift` characters later: every span moved, every answer kept."""
    if not shift:
        return e

    def moved(answer: _Spanned) -> _Spanned:
        return answer._replace(span=answer.span.shifted(shift))

    return e._replace(shape=None if e.shape is None else moved(e.shape),
                      params=None if e.params is None else moved(e.params),
                      macs=None if e.macs is None else moved(e.macs), span=e.span.shifted(shift),
                      weights=None if e.weights is None else moved(e.weights),
                      memory=None if e.memory is None else moved(e.memory), sides=tuple(map(moved, e.sides)),
                      biases=None if e.biases is None else moved(e.biases),
                      field=None if e.field is None else moved(e.field),
                      filter_params=None if e.filter_params is None else moved(e.filter_params),
                      filter_weights=None if e.filter_weights is None else moved(e.filter_weights),
                      padding=None if e.padding is None else moved(e.padding),
                      received=None if e.received is None else moved(e.received),
                      restated=None if e.restated is None else moved(e.restated),
                      filter_shape=None if e.filter_shape is None else moved(e.filter_shape),
                      connections=None if e.connections is None else moved(e.connections),
                      filter_biases=None if e.filter_biases is None else moved(e.filter_biases),
                      input_memory=None if e.input_memory is None else moved(e.input_memory))


def _shown(value: Value) -> str:
    return f"{value[0]}x{value[1]}" if isinstance(value, tuple) else str(value)


def _item_word(item: ir.Item) -> str:
    if isinstance(item, ir.LayerCall):
        return item.keyword
    if isinstance(item, ir.BlockCall):
        return item.block
    if isinstance(item, ir.Merge):
        return item.kind
    if isinstance(item, ir.Side):
        return "side"
    return "repeat"

"""Letters for input sizes (`input HxWx3`): every row's output as a formula in H and W, and the
totals as formulas, for the sizes `cnncalc solve` finds.

An output size along an axis is affine in the input size while every division is exact, so it is
written `(H - 7)/4`; a declared floor or ceil is kept as ⌊…⌋ or ⌈…⌉. Parameters and MACs are, on
one residue class of sizes, polynomials of degree at most one in each of H and W (a convolution's
MACs grow with its output's area, a fully connected layer's parameters with its input's):
c₀ + c₁·H + c₂·W + c₃·H·W, found exactly from the walk at four sizes of that class.
"""
from __future__ import annotations

from fractions import Fraction
from math import gcd
from typing import TYPE_CHECKING

from cnncalc import axis
from cnncalc.axis import AxisRule
from cnncalc.record import NamedTuple
from cnncalc.solve import Answer
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode

if TYPE_CHECKING:
    from cnncalc.report import Row, Symbolic


class Affine(NamedTuple):
    """(p·X + q)/d."""

    p: int
    q: int
    d: int

    def text(self, x: str) -> str:
        g = gcd(gcd(self.p, self.q), self.d) or 1
        p, q, d = self.p // g, self.q // g, self.d // g
        if p == 0:
            return _frac(q, d)
        term = x if p == 1 else f"{p}·{x}"
        body = term if q == 0 else f"{term} + {q}" if q > 0 else f"{term} - {-q}"
        return body if d == 1 else f"({body})/{d}"


def _frac(q: int, d: int) -> str:
    return str(q // d) if q % d == 0 else f"{q}/{d}"


Size = Affine | str  # affine, or a formula with a floor or ceiling in it


def _step(x: Size, rule: AxisRule, rounding: str, letter: str) -> Size:
    if isinstance(rule, axis.Flat):
        return x
    if isinstance(rule, axis.Fixed):
        return Affine(0, rule.size, 1)
    if isinstance(x, Affine):
        if isinstance(rule, axis.Shift):
            return Affine(x.p, x.q + x.d * rule.delta, x.d)
        if isinstance(rule, axis.Scale):
            return Affine(x.p * rule.factor, x.q * rule.factor, x.d)
        if isinstance(rule, axis.Transposed):
            return Affine(x.p * rule.stride, x.q * rule.stride + x.d * (rule.f_eff + rule.outpad - rule.pad_total
                                                                        - rule.stride), x.d)
        if not rule.same and rounding == "exact":
            travel = rule.pad_begin + rule.pad_end - rule.f_eff + rule.stride
            return Affine(x.p, x.q + x.d * travel, x.d * rule.stride)
    inner = x.text(letter) if isinstance(x, Affine) else x
    if isinstance(rule, axis.Shift):
        return f"{inner} + {rule.delta}" if rule.delta >= 0 else f"{inner} - {-rule.delta}"
    if isinstance(rule, axis.Scale):
        return f"{rule.factor}·({inner})"
    if isinstance(rule, axis.Transposed):
        return f"({inner} - 1)·{rule.stride} + {rule.f_eff + rule.outpad - rule.pad_total}"
    if rule.same:
        return f"⌈{inner}/{rule.stride}⌉"
    travel = rule.pad_begin + rule.pad_end - rule.f_eff
    shifted = f"{inner} + {travel}" if travel > 0 else f"{inner} - {-travel}" if travel else inner
    bracket = ("⌈", "⌉") if rounding == "ceil" else ("⌊", "⌋")
    return f"{bracket[0]}({shifted})/{rule.stride}{bracket[1]} + 1"


class Formulas:
    """Each node's output height and width as formulas, walking the tree as the walker does."""

    def __init__(self, letters: tuple[str, str]) -> None:
        self.letters = letters
        self.outputs: dict[str, tuple[str, str]] = {}
        self.kept: dict[int, tuple[Size, Size]] = {}

    def run(self, root: SeqNode) -> None:
        self.seq(root, (Affine(1, 0, 1), Affine(1, 0, 1)))

    def node(self, node: Node, x: tuple[Size, Size]) -> tuple[Size, Size]:
        if isinstance(node, LayerNode):
            assert node.layer is not None
            rules = node.layer.axis_rules()
            y = (_step(x[0], rules[0], node.rounding.mode, self.letters[0]),
                 _step(x[1], rules[1], node.rounding.mode, self.letters[1]))
        elif isinstance(node, MergeNode):
            ends = [self.seq(b, x) for b in node.branches]
            for branch, end in zip(node.branches, ends):
                self.outputs[branch.path] = self._text(end)
            y = next((e for e in ends if e != (Affine(0, 1, 1), Affine(0, 1, 1))), ends[0])  # not a gate
            self.outputs[node.join_path] = self._text(y)
        elif node.kind == "side":
            self.outputs[node.path] = self._text(self.seq(node, x))
            if node.keep:
                self.kept[id(node)] = x  # as the walker keeps it: the trunk, which a side leaves unchanged
            return x
        else:
            y = self.seq(node, x)
        self.outputs[node.path] = self._text(y)
        if node.keep:
            self.kept[id(node)] = y
        return y

    def seq(self, node: SeqNode, x: tuple[Size, Size]) -> tuple[Size, Size]:
        if node.ref is not None:
            x = self.kept[id(node.ref)]
        for child in node.children:
            x = self.node(child, x)
        return x

    def _text(self, y: tuple[Size, Size]) -> tuple[str, str]:
        return tuple(v.text(letter) if isinstance(v, Affine) else v  # type: ignore[return-value]
                     for v, letter in zip(y, self.letters))


class Polynomial(NamedTuple):
    """c₀ + c₁·H + c₂·W + c₃·H·W, exactly."""

    c0: Fraction
    c1: Fraction
    c2: Fraction
    c3: Fraction

    @classmethod
    def through(cls, h: tuple[int, int], w: tuple[int, int], values: tuple[int, int, int, int]) -> Polynomial:
        """The one bilinear polynomial with these values at (h0, w0), (h0, w1), (h1, w0), (h1, w1)."""
        (h0, h1), (w0, w1) = h, w
        v00, v01, v10, v11 = (Fraction(v) for v in values)
        c3 = (v11 - v10 - v01 + v00) / ((h1 - h0) * (w1 - w0))
        c1 = (v10 - v00) / (h1 - h0) - c3 * w0
        c2 = (v01 - v00) / (w1 - w0) - c3 * h0
        c0 = v00 - c1 * h0 - c2 * w0 - c3 * h0 * w0
        return cls(c0, c1, c2, c3)

    def text(self, letters: tuple[str, str]) -> str:
        h, w = letters
        terms = [(self.c3, f"{h}·{w}"), (self.c1, h), (self.c2, w), (self.c0, "")]
        denominator = 1
        for c, _ in terms:
            denominator = denominator * c.denominator // gcd(denominator, c.denominator)
        parts = []
        for c, name in terms:
            n = int(c * denominator)
            if n == 0:
                continue
            magnitude = f"{abs(n):,}" if not name or abs(n) != 1 else ""
            term = f"{magnitude}·{name}" if magnitude and name else magnitude or name
            parts.append(("- " if n < 0 else "+ ") + term)
        if not parts:
            return "0"
        body = " ".join(parts)
        body = body[2:] if body.startswith("+ ") else "-" + body[2:]
        return body if denominator == 1 else f"({body})/{denominator:,}"


def sample_sizes(a: Answer) -> tuple[int, int] | None:
    """Two valid sizes of one residue class (where the polynomials hold), or None."""
    if a.modulus is None or a.smallest is None:
        return None
    return a.smallest, a.smallest + a.modulus


def _number(row: Row, field: str) -> int:
    return row.params if field == "params" else row.macs + row.train_macs if field == "macs" else row.activations


def _four(values: tuple[int, ...]) -> tuple[int, int, int, int]:
    a, b, c, d = values
    return a, b, c, d


def describe(root: SeqNode, letters: tuple[str, str], depth: int) -> Symbolic | None:
    """Everything the report says about a network read with letters for its sizes; None when no size
    works. Raises solve.TooManyClasses when the sizes split into too many classes to follow."""
    from cnncalc.diagnostics import DiagnosticSink
    from cnncalc.report import Symbolic
    from cnncalc.shape import Shape
    from cnncalc.solve import Solver, answer
    from cnncalc.walker import Walker
    h_state, w_state = Solver().run(root)
    sizes = (answer(h_state), answer(w_state))
    if sizes[0].none or sizes[1].none:
        return None
    formulas = Formulas(letters)
    formulas.run(root)
    samples = [sample_sizes(a) or (a.sizes[0], a.sizes[0]) for a in sizes]
    walks = []
    for h in samples[0]:
        for w in samples[1]:
            walker = Walker(DiagnosticSink(), False, lambda offset: 0)
            walker.walk(root, Shape((h, w, depth)))
            walks.append(walker.rows)
    params: dict[str, str] = {}
    macs: dict[str, str] = {}
    spread = all(a.modulus is not None for a in sizes)  # two sizes of a class on each axis
    totals: dict[str, str] = {}
    if spread:
        for i, row in enumerate(walks[0]):
            for table, field in ((params, "params"), (macs, "macs")):
                values = tuple(_number(rows[i], field) for rows in walks)
                if len(set(values)) > 1:
                    table[row.path] = Polynomial.through(samples[0], samples[1], _four(values)).text(letters)
        for field in ("params", "macs", "activations"):
            values = tuple(sum(_number(r, field) for r in rows if r.depth == 1) for rows in walks)
            totals[field] = Polynomial.through(samples[0], samples[1], _four(values)).text(letters)
    return Symbolic(letters, sizes, (samples[0][0], samples[1][0]), formulas.outputs, params, macs, totals)

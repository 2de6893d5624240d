"""Letters for input sizes (`input HxWx3`): every row's output as a formula in H and W, and the
totals as formulas, for the sizes `cnncalc solve` finds.

An output size along an axis is affine in the input size while every division is exact, so it is
written `(H - 7)/4`; a declared floor or ceil is kept as ⌊…⌋ or ⌈…⌉, with what stride-1 layers and
padding add kept as one number beside it (`⌊(H - 1)/2⌋ + 1`). Past limits.MAX_FORMULA_CHARS a
formula is `…`. While every size is affine, parameters and MACs are, on one residue class of
sizes, polynomials of degree at most one in each of H and W (a convolution's MACs grow with its
output's area, a fully connected layer's parameters with its input's): c₀ + c₁·H + c₂·W + c₃·H·W,
found exactly from the walk at four sizes of that class. Under a floor or ceiling they are step
functions: no formula, and the report names the totals that change with the size.
"""
from __future__ import annotations

from fractions import Fraction
from math import gcd
from typing import TYPE_CHECKING

from cnncalc import axis, limits
from cnncalc.axis import AxisRule
from cnncalc.record import NamedTuple
from cnncalc.shape import out_len
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
        return body if d == 1 else f"{body}/{d}" if q == 0 else f"({body})/{d}"


def _frac(q: int, d: int) -> str:
    return str(q // d) if q % d == 0 else f"{q}/{d}"


class Rounded(NamedTuple):
    """`text + offset`: a size with a floor, a ceiling or a product in it (`⌊(H - 1)/2⌋ + 1`). The
    offset is kept apart so that layers which only add to a size (stride-1 windows, padding) change
    a number, not the formula's nesting."""

    text: str
    offset: int

    def shown(self) -> str:
        o = self.offset
        return self.text if o == 0 else f"{self.text} + {o}" if o > 0 else f"{self.text} - {-o}"

    def operand(self) -> str:
        """As the operand of a division or product: bracketed when it is a sum."""
        return self.text if self.offset == 0 else f"({self.shown()})"


TOO_LONG = "…"  # past limits.MAX_FORMULA_CHARS, an affine one past its digits, or no closed form: not followed
Size = Affine | Rounded | str  # exact, with a rounding in it, or TOO_LONG


def _step(x: Size, rule: AxisRule, rounding: str, letter: str) -> Size:
    if isinstance(rule, axis.Flat):
        return x
    if isinstance(rule, axis.Coupled):  # (the solver refuses it on a map: here only after the map was flattened)
        return TOO_LONG
    if isinstance(rule, axis.Fixed):
        return Affine(0, rule.size, 1)
    if isinstance(rule, axis.Unit):
        return Affine(0, 1, 1)
    if isinstance(x, str):
        return x
    if isinstance(rule, axis.Scale) and rule.divisor > 1:  # floor(N·F/D): the product, then its floor over D
        scaled = _step(x, axis.Scale(rule.factor), rounding, letter)
        if isinstance(scaled, Affine) and scaled.d == 1 and scaled.p % rule.divisor == 0 == scaled.q % rule.divisor:
            return Affine(scaled.p // rule.divisor, scaled.q // rule.divisor, 1)
        if isinstance(scaled, Affine):
            scaled = Rounded(scaled.text(letter), 0)
        if isinstance(scaled, str):
            return scaled
        floored = Rounded(f"⌊{scaled.operand()}/{rule.divisor}⌋", 0)
        return floored if len(floored.shown()) <= limits.MAX_FORMULA_CHARS else TOO_LONG
    if isinstance(x, Affine):
        exact = _affine_step(x, rule, rounding)
        if exact is not None:
            return exact if max(abs(exact.p), abs(exact.q), exact.d).bit_length() <= _MAX_AFFINE_BITS else TOO_LONG
        g = gcd(gcd(x.p, x.q), x.d) or 1  # (3·H + 3)/3 is H + 1: a whole offset kept apart
        p, q, d = x.p // g, x.q // g, x.d // g
        x = Rounded(Affine(p, 0, 1).text(letter), q) if d == 1 else Rounded(x.text(letter), 0)
    rounded = _rounded_step(x, rule, rounding)
    return rounded if rounded is not None and len(rounded.shown()) <= limits.MAX_FORMULA_CHARS else TOO_LONG


_MAX_AFFINE_BITS = 3 * 64  # past this an exact formula has some 58 digits per coefficient: not worth showing


def _affine_step(x: Affine, rule: AxisRule, rounding: str) -> Affine | None:
    """The exact step, or None where a floor or ceiling enters the formula."""
    if isinstance(rule, axis.Shift):
        return Affine(x.p, x.q + x.d * rule.delta, x.d)
    if isinstance(rule, axis.Scale):
        return Affine(x.p * rule.factor, x.q * rule.factor, x.d)
    if isinstance(rule, axis.Transposed):
        return Affine(x.p * rule.stride, x.q * rule.stride + x.d * (rule.f_eff + rule.outpad - rule.pad_total
                                                                    - rule.stride), x.d)
    assert isinstance(rule, axis.Window)
    if x.p == 0 and x.d == 1 and (rounding != "exact" or rule.same):
        return Affine(0, _window(x.q, rule, rounding), 1)  # a size that no longer depends on the letter: a number
    if rule.same:
        return x if rule.stride == 1 else None
    if rule.stride == 1 or rounding == "exact":  # a division by 1 is exact under any rounding
        travel = rule.pad_begin + rule.pad_end - rule.f_eff + rule.stride
        return Affine(x.p, x.q + x.d * travel, x.d * rule.stride)
    return None


def _window(n: int, rule: axis.Window, rounding: str) -> int:
    """A window on a known size, by shape.py's rule (`same`: ceil(N/S))."""
    if rule.same:
        return -(-n // rule.stride)
    return out_len(n, rule.f_eff, rule.stride, rule.pad_begin, rule.pad_end, rounding == "ceil").value


def _rounded_step(x: Rounded, rule: AxisRule, rounding: str) -> Rounded | None:
    """The step with a rounding in the formula; None where no closed form is written."""
    if isinstance(rule, axis.Shift):
        return Rounded(x.text, x.offset + rule.delta)
    if isinstance(rule, axis.Scale):
        return Rounded(f"{rule.factor}·{x.operand()}", 0) if rule.factor != 1 else x
    if isinstance(rule, axis.Transposed):  # (N - 1)·S - P + F + A
        added = rule.f_eff + rule.outpad - rule.pad_total
        if rule.stride == 1:
            return Rounded(x.text, x.offset - 1 + added)
        return Rounded(f"{rule.stride}·{Rounded(x.text, x.offset - 1).operand()}", added)
    assert isinstance(rule, axis.Window)
    if rule.same:
        return x if rule.stride == 1 else Rounded(f"⌈{x.operand()}/{rule.stride}⌉", 0)
    travel = rule.pad_begin + rule.pad_end - rule.f_eff
    if rule.stride == 1:
        return Rounded(x.text, x.offset + travel + 1)
    bracket = ("⌈", "⌉") if rounding == "ceil" else ("⌊", "⌋")
    inner = Rounded(x.text, x.offset + travel).operand()
    if rounding == "ceil" and rule.pad_end >= rule.f_eff - rule.stride + 1:
        # PyTorch's ceil mode drops a last window that would start in the end padding (shape.out_len):
        # the windows that start before N + P_begin number ⌈(N + P_begin)/S⌉. That bound never cuts an
        # exact division (which keeps its value) while P_end < F; past that no single formula is written.
        if rule.pad_end >= rule.f_eff:
            return None
        start = Rounded(x.text, x.offset + rule.pad_begin).operand()
        return Rounded(f"min(⌈{inner}/{rule.stride}⌉ + 1, ⌈{start}/{rule.stride}⌉)", 0)
    return Rounded(f"{bracket[0]}{inner}/{rule.stride}{bracket[1]}", 1)


class Formulas:
    """Each node's output height and width as formulas, walking the tree as the walker does."""

    def __init__(self, letters: tuple[str, str]) -> None:
        self.letters = letters
        self.outputs: dict[str, tuple[str, str]] = {}
        self.kept: dict[int, tuple[Size, Size]] = {}
        self.exact = True  # every size affine in the letters: no floor or ceiling on the way

    def run(self, root: SeqNode) -> None:
        self.seq(root, (Affine(1, 0, 1), Affine(1, 0, 1)))

    def node(self, node: Node, x: tuple[Size, Size]) -> tuple[Size, Size]:
        if isinstance(node, LayerNode):
            assert node.layer is not None
            rules = node.layer.axis_rules()
            y = (_step(x[0], rules[0], node.rounding.mode, self.letters[0]),
                 _step(x[1], rules[1], node.rounding.mode, self.letters[1]))
            self.exact = self.exact and isinstance(y[0], Affine) and isinstance(y[1], Affine)
        elif isinstance(node, MergeNode):
            ends = [self.seq(b, x) for b in node.branches]
            for branch, end in zip(node.branches, ends):
                self.outputs[branch.path] = self._text(end)
            y = ends[0] if node.kind.sized_by_first else \
                next((e for e in ends if e != (Affine(0, 1, 1), Affine(0, 1, 1))), ends[0])  # not a gate
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
        return _shown(y[0], self.letters[0]), _shown(y[1], self.letters[1])


def _shown(size: Size, letter: str) -> str:
    return size.text(letter) if isinstance(size, Affine) else size.shown() if isinstance(size, Rounded) else size


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


def _total(top: list[Row], field: str) -> int:
    """A network total as `Totals` has it, from its top-level rows: inference MACs apart from a `side train`
    head's."""
    return sum(getattr(r, field) for r in top)


def _four(values: tuple[int, ...]) -> tuple[int, int, int, int]:
    a, b, c, d = values
    return a, b, c, d


def describe(root: SeqNode, letters: tuple[str, str], depth: int) -> Symbolic | None:
    """Everything the report says about a network read with letters for its sizes; None when no size
    works. Raises solve.NotFollowed when the sizes split into too many classes to follow."""
    from cnncalc.report import Symbolic
    from cnncalc.solve import Solver, answer
    h_state, w_state = Solver().run(root)
    sizes = (answer(h_state), answer(w_state))
    if sizes[0].none or sizes[1].none:
        return None
    formulas = Formulas(letters)
    formulas.run(root)
    # Parameters and MACs are polynomials in the letters only while every size is affine in them;
    # under a declared floor or ceiling they are step functions, and only the numbers at `at` are given.
    spread = formulas.exact and all(a.modulus is not None for a in sizes)  # two sizes of a class on each axis
    at = tuple(a.sizes[0] if a.sizes else a.smallest or 1 for a in sizes)
    if not spread:  # which totals change with the size: the smallest size against a far one
        near, far = (_walk(root, h, w, depth)[1] for h, w in (at, (_far(sizes[0]), _far(sizes[1]))))
        varying = tuple(f for f in _TOTALS if near.totals[f] != far.totals[f])
        return Symbolic(letters, sizes, (at[0], at[1]), formulas.outputs, {}, {}, {}, varying)
    samples = [sample_sizes(a) or (a.sizes[0], a.sizes[0]) for a in sizes]
    paths: list[str] = []
    walks: list[_Numbers] = []
    for h in samples[0]:
        for w in samples[1]:
            paths, numbers = _walk(root, h, w, depth)  # the same rows, in the same order, at every size
            walks.append(numbers)
    params: dict[str, str] = {}
    macs: dict[str, str] = {}
    for i, path in enumerate(paths):  # a number unknown in any of the walks (an error on the way) has no formula
        if not all(numbers.rows[i][0] for numbers in walks):
            continue
        for table, column in ((params, 1), (macs, 2)):
            values = tuple(numbers.rows[i][column] for numbers in walks)
            if len(set(values)) > 1:
                table[path] = Polynomial.through(samples[0], samples[1], _four(values)).text(letters)
    totals: dict[str, str] = {}
    if all(numbers.totals["params"] is not None for numbers in walks):
        for field in _TOTALS:
            values = tuple(numbers.totals[field] or 0 for numbers in walks)
            totals[field] = Polynomial.through(samples[0], samples[1], _four(values)).text(letters)
    return Symbolic(letters, sizes, (samples[0][0], samples[1][0]), formulas.outputs, params, macs, totals)


_TOTALS = ("params", "macs", "train_macs", "activations")


class _Numbers(NamedTuple):
    """What one walk at a size gives the formulas: per row (known, parameters, MACs as the table shows
    them), and the totals (None when a row could not be computed). Rows themselves are not kept: four
    walks of a 100k-layer network would hold 400k of them."""

    rows: list[tuple[bool, int, int]]
    totals: dict[str, int | None]


def _walk(root: SeqNode, h: int, w: int, depth: int) -> tuple[list[str], _Numbers]:
    from cnncalc.diagnostics import DiagnosticSink
    from cnncalc.shape import Shape
    from cnncalc.walker import Walker
    walker = Walker(DiagnosticSink(), False, lambda offset: 0)
    walker.walk(root, Shape((h, w, depth)))
    rows = walker.rows
    known = all(r.known for r in walker.top)
    totals = {field: _total(walker.top, field) if known else None for field in _TOTALS}
    return [r.path for r in rows], _Numbers([(r.known, r.params, r.macs + r.train_macs) for r in rows], totals)


def _far(a: Answer) -> int:
    """A valid size well past the smallest (the largest listed when only a few sizes work)."""
    if a.modulus is None or a.smallest is None:
        return a.sizes[-1]
    return a.smallest + a.modulus * max(1, 256 // a.modulus)

"""`cnncalc solve`: exactly which input sizes a network accepts, per spatial axis, derived by
arithmetic (never by trying sizes).

Along one axis, every size in the network is a function of the input size n. Split n into
residue classes n = M·t + r (t ≥ 0): on each class, each layer's output is an affine function
a·t + b of t, and the conditions — a division that must be exact (no rounding declared), an
output of at least 1, branches that must agree — are congruences on t (a class survives or not)
or lower bounds on t. A layer of stride s refines the classes by s (so M becomes a product of
strides); pieces are kept only while alive. Branches whose sizes grow at different rates agree at
one size at most: such sizes are kept as isolated points and followed through the rest of the
network numerically. The answer is eventually periodic: residues modulo M from some smallest
size on, plus possibly a few smaller sizes; or a finite list; or nothing.
"""
from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from math import gcd

from cnncalc import axis
from cnncalc.axis import AxisRule
from cnncalc.limits import MAX_CLASSES, MAX_MODULUS, MAX_SIZE
from cnncalc.record import NamedTuple
from cnncalc.shape import out_len, same_padding
from cnncalc.tree import LayerNode, MergeNode, Node, SeqNode


class NotFollowed(Exception):
    """The residue classes to follow would pass MAX_CLASSES (a spec with many roundings), or their
    period MAX_MODULUS (thousands of strides), or a layer couples the two axes (`axis.Coupled`): the
    message says which."""


class Piece(NamedTuple):
    """One residue class of input sizes, n = M·t + r for t ≥ low: the map's size here is a·t + b."""

    a: int
    b: int
    low: int
    why: str  # the layer whose condition set `low`


class State:
    """A map's size along one axis, for every input size still possible."""

    __slots__ = ("modulus", "pieces", "points", "flat")

    def __init__(self, modulus: int, pieces: dict[int, Piece], points: dict[int, int], flat: bool = False) -> None:
        self.modulus = modulus
        self.pieces = pieces  # residue r -> its piece (only the classes still alive)
        self.points = points  # an isolated input size -> the map's size there
        self.flat = flat  # a vector now: sizes along this axis no longer change

    def copy(self) -> State:
        return State(self.modulus, dict(self.pieces), dict(self.points), self.flat)

    def valid(self, n: int) -> bool:
        if n in self.points:
            return True
        piece = self.pieces.get(n % self.modulus)
        return piece is not None and (n - n % self.modulus) // self.modulus >= piece.low

    def size_at(self, n: int) -> int:
        if n in self.points:
            return self.points[n]
        piece = self.pieces[n % self.modulus]
        return piece.a * ((n - n % self.modulus) // self.modulus) + piece.b


class Condition(NamedTuple):
    """A layer that narrowed the sizes: where, and what it needs (`≡ 3 (mod 4)`, `≥ 67`)."""

    path: str
    text: str


START = State(1, {0: Piece(1, 0, 1, "the input")}, {})  # n = t, n ≥ 1


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def refine(state: State, k: int) -> State:
    """The same sizes over k times as many classes: class r splits into r + M·j, t = k·t' + j."""
    if k == 1:
        return state
    if len(state.pieces) * k > MAX_CLASSES:
        raise NotFollowed("its declared roundings split the sizes into more classes than cnncalc follows "
                             f"({MAX_CLASSES:,}); give fewer roundings")
    m = state.modulus
    if m * k > MAX_MODULUS:
        raise NotFollowed("its strides multiply to more than 2^64, the period cnncalc follows input sizes by")
    pieces = {r + m * j: Piece(p.a * k, p.a * j + p.b, max(_ceil_div(p.low - j, k), 0), p.why)
              for r, p in state.pieces.items() for j in range(k)}
    return State(m * k, pieces, dict(state.points), state.flat)


def common(states: list[State]) -> list[State]:
    """The states over one modulus, the least common multiple of theirs."""
    modulus = 1
    for s in states:
        modulus = modulus * s.modulus // gcd(modulus, s.modulus)
    return [refine(s, modulus // s.modulus) for s in states]


def require(state: State, minimum: int, why: str) -> State:
    """Only the input sizes where the map's size is at least `minimum`."""
    pieces = {}
    for r, p in state.pieces.items():
        if p.a == 0:
            if p.b >= minimum:
                pieces[r] = p
            continue
        low = _ceil_div(minimum - p.b, p.a)
        pieces[r] = p._replace(low=low, why=why) if low > p.low else p
    points = {n: size for n, size in state.points.items() if size >= minimum}
    return State(state.modulus, pieces, points, state.flat)


def restrict(state: State, by: State) -> State:
    """`state` at the input sizes valid for `by` too (a side head's, a merge input's conditions)."""
    a, b = common([state, by])
    pieces = {}
    for r, p in a.pieces.items():
        q = b.pieces.get(r)
        if q is not None:
            pieces[r] = p if p.low >= q.low else p._replace(low=q.low, why=q.why)
    points = {n: size for n, size in a.points.items() if b.valid(n)}
    for n in b.points:  # a point of `by` where `state` is still a whole class
        if n not in points and a.valid(n):
            points[n] = a.size_at(n)
    return State(a.modulus, pieces, points, a.flat)


def reaching(ref: State, x: State, offset: int, why: str) -> State:
    """`ref` at the input sizes where `x` is at least `offset` longer (`fit at`: x cropped from `offset` to ref's
    size must reach that far). Where x grows slower than ref only finitely many sizes work: kept as points."""
    a, b = common([ref, x])
    pieces: dict[int, Piece] = {}
    points = {n: size for n, size in a.points.items() if b.valid(n) and b.size_at(n) - size >= offset}
    for n in b.points:  # a point of x where ref is still a whole class
        if n not in points and a.valid(n) and b.size_at(n) - a.size_at(n) >= offset:
            points[n] = a.size_at(n)
    for r, p in a.pieces.items():
        q = b.pieces.get(r)
        if q is None:
            continue
        low, reason = (p.low, p.why) if p.low >= q.low else (q.low, q.why)
        grow, gap = q.a - p.a, q.b - p.b  # x - ref = grow·t + gap
        if grow == 0:
            if gap >= offset:
                pieces[r] = p._replace(low=low, why=reason)
        elif grow > 0:
            needed = _ceil_div(offset - gap, grow)
            pieces[r] = p._replace(low=needed, why=why) if needed > low else p._replace(low=low, why=reason)
        else:
            last = (gap - offset) // -grow  # the largest t that still reaches
            if last - low + 1 > MAX_CLASSES:
                raise NotFollowed(f"a crop's offset holds at more separate sizes than cnncalc follows "
                                     f"({MAX_CLASSES:,})")
            for t in range(low, last + 1):
                points[a.modulus * t + r] = p.a * t + p.b
    return State(a.modulus, pieces, points, a.flat)


# ---- one layer -----------------------------------------------------------------------------

def apply(state: State, rule: AxisRule, rounding: str, path: str) -> State:
    if state.flat:
        return state
    if isinstance(rule, axis.Coupled):
        raise NotFollowed(f"{path} ({rule.why}) sets one axis's size by the other's, which cnncalc does not "
                          f"follow axis by axis")
    if isinstance(rule, axis.Flat):
        return State(state.modulus, dict(state.pieces), dict(state.points), True)
    if isinstance(rule, axis.Unit):  # only the sizes where the map is 1: a class of constant 1, or one point
        pieces: dict[int, Piece] = {}
        points = {n: 1 for n, size in state.points.items() if size == 1}
        for r, p in state.pieces.items():
            if p.a == 0 and p.b == 1:
                pieces[r] = p
            elif p.a and (1 - p.b) % p.a == 0 and (1 - p.b) // p.a >= p.low:
                points[state.modulus * ((1 - p.b) // p.a) + r] = 1
        return State(state.modulus, pieces, points, True)
    if isinstance(rule, axis.Shift):
        if rule.at_least > 1:
            state = require(state, rule.at_least, path)
        moved = State(state.modulus, {r: p._replace(b=p.b + rule.delta) for r, p in state.pieces.items()},
                      {n: s + rule.delta for n, s in state.points.items()})
        return require(moved, 1, path) if rule.delta < 0 else moved
    if isinstance(rule, axis.Scale):
        scaled = State(state.modulus, {r: p._replace(a=p.a * rule.factor, b=p.b * rule.factor)
                                       for r, p in state.pieces.items()},
                       {n: s * rule.factor for n, s in state.points.items()})
        # floor(N·F/D), D > 1: floor(M/D) is a window of D at stride D, rounded down, which needs M >= D
        return scaled if rule.divisor == 1 else _window(scaled, _divided(rule.divisor), "floor", path)
    if isinstance(rule, axis.Fixed):
        needed = require(state, rule.at_least, path)
        return State(needed.modulus, {r: p._replace(a=0, b=rule.size) for r, p in needed.pieces.items()},
                     dict.fromkeys(needed.points, rule.size))
    if isinstance(rule, axis.Transposed):
        grown = State(state.modulus, {r: p._replace(a=p.a * rule.stride,
                                                    b=(p.b - 1) * rule.stride - rule.pad_total + rule.f_eff
                                                    + rule.outpad) for r, p in state.pieces.items()},
                      {n: (s - 1) * rule.stride - rule.pad_total + rule.f_eff + rule.outpad
                       for n, s in state.points.items()})
        return require(grown, 1, path)
    return _window(state, rule, rounding, path)


def _divided(divisor: int) -> axis.Window:
    """floor(M/D) as a window: (M - D)/D + 1, rounded down (a decimal scale's denominator)."""
    return axis.Window(divisor, divisor, 0, 0)


def _window(state: State, w: axis.Window, rounding: str, path: str) -> State:
    s = w.stride
    # Classes fine enough that a·t is a multiple of s on each: then the division splits cleanly.
    k = 1
    for p in state.pieces.values():
        k = k * (s // gcd(p.a, s)) // gcd(k, s // gcd(p.a, s)) if p.a else k
    fine = refine(state, k)
    pieces: dict[int, Piece] = {}
    points: dict[int, int] = {}
    for r, p in fine.pieces.items():
        a = p.a // s
        pad_begin, pad_end = w.pad_begin, w.pad_end
        if w.same:  # TensorFlow's padding to ceil(N/S): its total is constant on a fine class
            total = max((_ceil_div(p.b, s) - 1) * s + w.f_eff - p.b, 0)
            pad_begin, pad_end = total // 2, total - total // 2
        d = p.b - w.f_eff + pad_begin + pad_end  # the travel, less a·s·t
        if d % s == 0 or rounding == "floor":
            pieces[r] = Piece(a, d // s + 1, p.low, p.why)
        elif rounding == "ceil":
            q = _ceil_div(d, s)
            if q * s >= p.b + pad_begin:  # the last window would start in the end padding: dropped
                pieces[r] = Piece(a, q, p.low, p.why)
                if a and -q % a == 0 and -q // a >= p.low:  # where that leaves 0, PyTorch keeps 1
                    points[fine.modulus * (-q // a) + r] = 1
            else:
                pieces[r] = Piece(a, q + 1, p.low, p.why)
        # exact, inexact: the class is gone
    for n, size in state.points.items():
        value = _window_at(size, w, rounding)
        if value is not None:
            points[n] = value
    return require(State(fine.modulus, pieces, points), 1, path)


def _window_at(n: int, w: axis.Window, rounding: str) -> int | None:
    """The window's output at one size, as the walker computes it (None: an inexact division)."""
    top, bottom = same_padding(n, w.f_eff, w.stride) if w.same else (w.pad_begin, w.pad_end)
    size = out_len(n, w.f_eff, w.stride, top, bottom, rounding == "ceil")
    if not size.whole and rounding == "exact":
        return None
    return size.value


# ---- the network -----------------------------------------------------------------------------

class Solver:
    """Walks the resolved tree with a state per axis, noting the layers that narrow the sizes."""

    def __init__(self) -> None:
        self.conditions: tuple[list[Condition], list[Condition]] = ([], [])
        self.kept: dict[int, tuple[State, State]] = {}

    def run(self, root: SeqNode) -> tuple[State, State]:
        return self.seq(root, (START, START))

    def node(self, node: Node, states: tuple[State, State]) -> tuple[State, State]:
        if isinstance(node, LayerNode):
            assert node.layer is not None, "solve only networks that analysed"
            rules = node.layer.axis_rules()
            out = tuple(self._step(i, states[i], rules[i], node.rounding.mode, node.path) for i in (0, 1))
            if node.to is not None:  # `deconv … to @NAME`: NAME's size, where an output padding reaches it
                out = tuple(self._sized(i, self.kept[id(node.to)][i], out[i], rules[i], node.path) for i in (0, 1))
            result: tuple[State, State] = (out[0], out[1])
        elif isinstance(node, MergeNode):
            result = self.merge(node, states)
        elif node.kind == "side":
            head = self.seq(node, states)  # the head must work too; the trunk goes on from its input
            result = (restrict(states[0], head[0]), restrict(states[1], head[1]))
        else:
            result = self.seq(node, states)
        if node.keep:
            self.kept[id(node)] = result
        return result

    def _step(self, i: int, state: State, rule: AxisRule, rounding: str, path: str) -> State:
        after = apply(state, rule, rounding, path)
        self._note(i, state, after, path)
        return after

    def _sized(self, i: int, target: State, least: State, rule: AxisRule, path: str) -> State:
        """`to @NAME` along axis i: the target's size where it is `least` (the output without output padding) plus
        0 to the stride less 1 (the layer's own `reaching`, as arithmetic on the classes)."""
        assert isinstance(rule, axis.Transposed)
        below = reaching(target, least, 1 - rule.stride, path)  # target ≤ least + S - 1
        above = reaching(least, target, 0, path)  # target ≥ least
        after = restrict(below, above)
        self._note(i, least, after, path)
        return after

    def _note(self, i: int, before: State, after: State, path: str) -> None:
        """A condition of `path` when it narrowed the sizes along axis i."""
        narrowed = len(after.pieces) < len(before.pieces) * (after.modulus // before.modulus)
        if narrowed or any(p.why == path for p in after.pieces.values()) or len(after.points) < len(before.points):
            self.conditions[i].append(Condition(path, describe(after, i)))

    def seq(self, node: SeqNode, states: tuple[State, State]) -> tuple[State, State]:
        if node.ref is not None:
            kept = self.kept[id(node.ref)]
            states = (restrict(kept[0], states[0]), restrict(kept[1], states[1]))
        for child in node.children:
            states = self.node(child, states)
        return states

    def merge(self, node: MergeNode, states: tuple[State, State]) -> tuple[State, State]:
        ends = [self.seq(branch, states) for branch in node.branches]
        if node.kind.sized_by_first:  # the first branch's size, where every other branch works too
            first = ends[0]
            for end in ends[1:]:
                first = (restrict(first[0], end[0]), restrict(first[1], end[1]))
            if node.kind.offset is not None and len(ends) == 2:  # and the cropped branch reaches the offset
                reached = tuple(reaching(first[i], ends[1][i], node.kind.offset[i], node.path) for i in (0, 1))
                for i in (0, 1):
                    self._note(i, first[i], reached[i], node.path)
                first = (reached[0], reached[1])
            return first
        gate = node.kind.gates
        # a 1x1xC gate (1 on both axes at every size: a global pool's) is broadcast over the others, whose sizes agree
        gates = [gate and _constant_one(end[0]) and _constant_one(end[1]) for end in ends]
        return (self._join([e[0] for e in ends], gates, states[0], gate, node.path, 0),
                self._join([e[1] for e in ends], gates, states[1], gate, node.path, 1))

    def _join(self, ends: list[State], gates: list[bool], before: State, gating: bool, path: str, i: int) -> State:
        """The sizes of the branches that are not gates must agree; the gates' and the merge input's conditions
        still hold. A branch of a merge that broadcasts gates (`mul`, `add`…) that is 1 only at some sizes would be a
        gate there if it were 1 on the other axis at the same time: NotFollowed (the sizes that work are then no
        longer one set per axis)."""
        if any(e.flat for e in ends):
            return State(1, {}, {}, True) if not all(e.flat for e in ends) else ends[0]
        maps = [e for e, is_gate in zip(ends, gates) if not is_gate] or ends[:1]
        states = common([*maps, *(e for e, is_gate in zip(ends, gates) if is_gate), before])
        first, rest, conditions = states[0], states[1:len(maps)], states[len(maps):]
        pieces: dict[int, Piece] = {}
        points: dict[int, int] = {}
        narrowed = False
        for r, p in first.pieces.items():
            others = [s.pieces.get(r) for s in (*rest, *conditions)]
            if None in others:
                continue
            present = [q for q in others if q is not None]
            low, why = max((q.low, q.why) for q in (p, *present))
            branches = (p, *present[:len(rest)])
            if all((q.a, q.b) == (p.a, p.b) for q in branches):
                pieces[r] = Piece(p.a, p.b, low, why)
                continue
            narrowed = True
            # the branches differ: they can agree only where the first meets each other
            for t in _meetings(branches):
                if t >= low:
                    _gate_at(gating, [q.a * t + q.b for q in branches], path)
                    if len({q.a * t + q.b for q in branches}) == 1:
                        points[first.modulus * t + r] = p.a * t + p.b
            if gating:
                for t in {(1 - q.b) // q.a for q in branches if q.a and (1 - q.b) % q.a == 0}:
                    if t >= low:
                        _gate_at(gating, [q.a * t + q.b for q in branches], path)
        # the isolated sizes of any branch or gate (where the others may still be whole classes), where all agree
        for n in set(first.points).union(*(s.points for s in (*rest, *conditions))):
            if first.valid(n) and all(s.valid(n) for s in (*rest, *conditions)):
                sizes = [s.size_at(n) for s in (first, *rest)]
                _gate_at(gating, sizes, path)
                if len(set(sizes)) == 1:
                    points[n] = sizes[0]
        joined = State(first.modulus, pieces, points)
        if narrowed:
            self.conditions[i].append(Condition(path, describe(joined, i)))
        return joined


def _constant_one(state: State) -> bool:
    """Along this axis, the map is 1 at every size that works (and some size works)."""
    return not state.flat and bool(state.pieces or state.points) and \
        all((p.a, p.b) == (0, 1) for p in state.pieces.values()) and all(v == 1 for v in state.points.values())


def _meetings(branches: tuple[Piece, ...]) -> set[int]:
    """The t where the first size a·t + b meets each other: the only sizes where branches that differ can agree."""
    p = branches[0]
    return {(q.b - p.b) // (p.a - q.a) for q in branches[1:] if q.a != p.a and (q.b - p.b) % (p.a - q.a) == 0}


def _gate_at(gating: bool, sizes: list[int], path: str) -> None:
    """NotFollowed where the branches of a merge that broadcasts gates differ only by a 1: one of them is a gate at
    this size if it is 1 on the other axis too."""
    if gating and 1 in sizes and len(set(sizes)) == 2:
        raise NotFollowed(f"{path}: a branch is a 1x1 gate at some input sizes only, which ties the height and "
                          f"width that work together; cnncalc follows them axis by axis")


# ---- the answer ------------------------------------------------------------------------------

class Answer(NamedTuple):
    """The input sizes along one axis: from `smallest` on, exactly those ≡ one of `residues`
    (mod `modulus`); below it, `sizes`. A finite set has no modulus."""

    modulus: int | None
    residues: tuple[int, ...]
    smallest: int | None
    sizes: tuple[int, ...]

    @property
    def none(self) -> bool:
        return self.modulus is None and not self.sizes


def answer(state: State) -> Answer:
    if not state.pieces:
        return Answer(None, (), None, tuple(sorted(state.points)))
    m = state.modulus
    starts = {r: m * p.low + r for r, p in state.pieces.items()}
    period = _period(m, set(state.pieces))
    residues = tuple(sorted({r % period for r in state.pieces}))

    def valid(n: int) -> bool:
        return state.valid(n)

    # From the last class's first member on, every class is open; above the last stray point too.
    stray = [n for n in state.points if n % period not in residues]
    smallest = next_member(max(max(starts.values()), max(stray, default=0) + 1), period, residues)
    # Lower, member by member, while the members are valid (sizes between them are not: they are in no
    # class, and no stray point lies there); a bounded walk down a derived threshold.
    floor = max(1, smallest - MAX_WALK, max(stray, default=0) + 1)
    while True:
        lower = previous_member(smallest - 1, period, residues)
        if lower is None or lower < floor or not valid(lower):
            break
        smallest = lower
    below = sorted({n for r, first in starts.items() for n in range(first, smallest, m)}
                   | {n for n in state.points if n < smallest})
    return Answer(period, residues, smallest, tuple(below))


MAX_WALK = 1_000_000  # how far below the threshold the periodic part is extended


def previous_member(n: int, modulus: int, residues: tuple[int, ...]) -> int | None:
    """The largest size up to n whose residue is one of `residues` (sorted; None below 0). A bisection:
    the walk down in `answer` asks this up to MAX_WALK times, with thousands of residues."""
    base, offset = n - n % modulus, n % modulus
    at = bisect_right(residues, offset)
    found = base + residues[at - 1] if at else base - modulus + residues[-1]
    return found if found >= 0 else None


def next_member(n: int, modulus: int, residues: tuple[int, ...]) -> int:
    """The smallest size from n on whose residue is one of `residues` (sorted): class by class, never size
    by size (the modulus is a product of strides, 2^32 and more)."""
    base, offset = n - n % modulus, n % modulus
    at = bisect_left(residues, offset)
    return base + residues[at] if at < len(residues) else base + modulus + residues[0]

AXES = ("H", "W")


def describe(state: State, i: int) -> str:
    """The sizes still possible, in one line: `H ≡ 3 (mod 8), H ≥ 19`, `H ∈ {5, 7}`, `no H`."""
    a = answer(state)
    name = AXES[i]
    if a.none:
        return f"no {name}"
    if a.modulus is None:
        return f"{name} ∈ {{{', '.join(map(str, a.sizes))}}}"
    parts = []
    if a.modulus > 1:
        parts.append(f"{name} ≡ {', '.join(map(str, a.residues))} (mod {a.modulus})")
    first = min((*a.sizes, a.smallest or 0))
    if first > 1:
        parts.append(f"{name} ≥ {first}")
    return ", ".join(parts) or f"any {name}"


def _period(m: int, residues: set[int]) -> int:
    """The smallest d dividing m for which the residues mod m are a union of classes mod d.

    The divisors that qualify are the multiples of that d (the shifts keeping the residues form a
    subgroup), so d is reached from m by dividing out one prime factor at a time while the residues
    stay a union of classes: a few passes over the residues, never a walk over the divisors of m
    (a product of strides, 2^32 and more)."""
    period = m  # at most MAX_MODULUS (refine stops before)
    for p in _prime_factors(m):
        while period % p == 0 and all((r + period // p) % m in residues for r in residues):
            period //= p
    return period


@functools.lru_cache(maxsize=256)  # the modulus stays the same over most layers, each described
def _prime_factors(n: int) -> tuple[int, ...]:
    """The distinct primes of n by trial division: n is a product of strides and sizes, each at most
    MAX_SIZE, so the division never goes past the second-largest of them."""
    primes = []
    p = 2
    while p * p <= n and p <= MAX_SIZE:  # beyond, what is left is one factor (perhaps not prime: a longer period)
        if n % p == 0:
            primes.append(p)
            while n % p == 0:
                n //= p
        p += 1 if p == 2 else 2
    if n > 1:
        primes.append(n)
    return tuple(primes)

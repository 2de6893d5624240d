"""Receptive fields: the one home of their arithmetic (Araujo, Norris & Sim, "Computing Receptive
Fields of Convolutional Neural Networks", Distill 2019; google-research/receptive_field).

Per spatial axis the walk carries (r, S, P): a unit of the current map sees r input pixels, its
neighbour is S input pixels further, and unit i's window starts at input pixel -P + i·S (so its
centre is at -P + i·S + (r-1)/2). A layer moves it by a step (e, s, b) — its window spans e + 1
of its own input units, starts every s of them, the first at -b:

    r' = r + e·S        S' = S·s        P' = P + b·S

For a chain this is r = 1 + Σ(kₗ - 1)·Πsᵢ, dilation included in k. Upsampling layers have
fractional strides (a transposed convolution of stride s moves by 1/s), so values are exact
fractions, whole numbers in the common case. Branches that meet keep the largest field; they are
aligned when their strides and centres agree (W002 otherwise).
"""
from __future__ import annotations

from math import gcd

from cnncalc import TYPE_CHECKING
from cnncalc.limits import MAX_FIELD

if TYPE_CHECKING:
    from fractions import Fraction
    from typing import Union

    Number = Union[int, Fraction]  # noqa: UP007 - read by type checkers only
    Step = tuple[Number, Number, Number]  # extent - 1, stride, begin (padding), in the layer's input units
    Axis = tuple[Number, Number, Number]  # r, S, P, in the network input's pixels
    Field = tuple[Axis, Axis]  # height, width

START: Field = ((1, 1, 0), (1, 1, 0))  # a pixel of the input sees itself
SAME_STEPS: tuple[Step, Step] = ((0, 1, 0), (0, 1, 0))  # a layer that keeps every position where it is (activations, …)
_KEPT: Field = ((0, 1, 0), (0, 1, 0))  # a field relative to its entry that is the entry itself


def _fraction(numerator: Number, denominator: Number = 1) -> Fraction:
    """An exact fraction; `fractions` (with `decimal` behind it) is imported only by the networks that
    need one (upsampling, merges), off the start-up path of the rest."""
    from fractions import Fraction
    return Fraction(numerator) / denominator


def window(kernel: int, stride: int, begin: int, dilation: int = 1) -> Step:
    """A sliding window (convolution, pool): it spans D·(K-1) + 1 input units."""
    return dilation * (kernel - 1), stride, begin


def whole(extent: int) -> Step:
    """A layer whose one output sees the whole map (global pools, a fully connected layer on a volume)."""
    return extent - 1, 1, 0


def transposed(kernel: int, stride: int, pad: int, dilation: int = 1) -> Step:
    """A transposed convolution: output o reads inputs (o + p - D·(K-1))/s … (o + p)/s."""
    span = dilation * (kernel - 1)
    return _ratio(span, stride), _ratio(1, stride), _ratio(span - pad, stride)  # ints at stride 1


def adaptive(n_in: int, n_out: int) -> Step:
    """PyTorch's adaptive pooling: window i spans floor(i·N/out) … ceil((i+1)·N/out) - 1; with
    N = g·n and out = g·m (g their gcd) the widest spans ceil((n + m - 1)/m)."""
    g = gcd(n_in, n_out)
    n, m = n_in // g, n_out // g
    return -(-(n + m - 1) // m) - 1, n if m == 1 else _fraction(n, m), 0


def resample(n_in: int, n_out: int, bilinear: bool) -> Step:
    """PyTorch's resampling with scale s = n_in/n_out. Bilinear (align_corners=False) samples output o
    at (o + 1/2)·s - 1/2 between the two units around it: a window of two units centred there. Nearest
    reads unit floor(o·s), which for s = p/q is on average o·s - (q - 1)/(2q): one unit, placed there,
    as a transposed convolution of the same stride is (a U-Net's skip stays aligned with either)."""
    scale = n_in // n_out if n_in % n_out == 0 else _fraction(n_in, n_out)
    if not bilinear:
        q = 1 if type(scale) is int else scale.denominator
        return 0, scale, 0 if q == 1 else _fraction(q - 1, 2 * q)
    return 1, scale, _whole(1 - _fraction(scale, 2))


def compose(field: Field, steps: tuple[Step, Step]) -> Field | None:
    """The field after a layer's steps; None (unknown) beyond MAX_FIELD, where strides multiplied through a
    deep network would grow without end (each step multiplies the stride)."""
    if steps is SAME_STEPS:  # most layers (activations, norms): the field as it was
        return field
    along_h, along_w = field
    step_h, step_w = steps
    height = _axis(along_h, step_h)
    # a square layer on a square field (most of them): the width moves as the height does
    width = height if step_w == step_h and along_w == along_h else _axis(along_w, step_w)
    return None if height is None or width is None else (height, width)


def _axis(axis: Axis, step: Step) -> Axis | None:
    extent, stride, begin = step
    if extent == 0 and stride == 1 and begin == 0:  # most layers: no arithmetic (fractions after a resize)
        return axis
    r, s, p = axis
    r2, s2, p2 = r + extent * s, s * stride, p + begin * s
    if type(s2) is int and type(r2) is int and type(p2) is int:  # the common case
        return (r2, s2, p2) if -MAX_FIELD <= r2 <= MAX_FIELD and s2 <= MAX_FIELD and -MAX_FIELD <= p2 <= MAX_FIELD \
            else None
    return _within((_whole(r2), _whole(s2), _whole(p2)))


def _within(axis: Axis) -> Axis | None:
    """The axis if its numbers (a fraction's numerator and denominator alike) are within MAX_FIELD."""
    for value in axis:
        if type(value) is int:
            if abs(value) > MAX_FIELD:
                return None
        elif abs(value.numerator) > MAX_FIELD or value.denominator > MAX_FIELD:
            return None
    return axis


def _whole(value: Number) -> Number:
    """A fraction that came out whole, as an int: later arithmetic stays in whole numbers (a Fraction
    stays a Fraction however whole it is, and costs ten times an int)."""
    return value if type(value) is int or value.denominator != 1 else int(value)


def centre(axis: Axis) -> Number:
    """Where unit 0's window is centred, in input pixels: (r - 1)/2 - P."""
    return _half(_twice_centre(axis))


def _twice_centre(axis: Axis) -> Number:
    """2·centre = r - 1 - 2P: whole when r and P are, so centres compare without fractions."""
    r, _, p = axis
    return r - 1 - 2 * p


def _half(value: Number) -> Number:
    return value // 2 if isinstance(value, int) and value % 2 == 0 else _fraction(value, 2)


def widest(fields: list[Field], anchor: Field) -> Field:
    """The field of a merge's output: the largest receptive field of its branches, centred where the
    anchor branch's is, with its stride (when the branches are aligned, every branch's)."""
    return (_widest([f[0] for f in fields], anchor[0]), _widest([f[1] for f in fields], anchor[1]))


def _widest(axes: list[Axis], anchor: Axis) -> Axis:
    r = max(a[0] for a in axes)
    p = _half(r - 1 - _twice_centre(anchor))  # (r - 1)/2 - centre(anchor)
    return r, anchor[1], int(p) if p.denominator == 1 else p


def aligned(a: Field, b: Field) -> bool:
    return all(x[1] == y[1] and _twice_centre(x) == _twice_centre(y) for x, y in zip(a, b))


def describe(field: Field) -> str:
    """`every 2 pixels, centred at 0.5` (`every pixel` at stride 1) per axis (the same on both axes is said once)."""
    parts = [f"every {'pixel' if a[1] == 1 else f'{shown(a[1])} pixels'}, centred at {shown(centre(a))}"
             for a in field]
    return parts[0] if parts[0] == parts[1] else f"{parts[0]} (height), {parts[1]} (width)"


def relative(field: Field | None, entry: Field | None) -> Field | None:
    """`field` in terms of `entry`, the field a node started from: each axis (a, b, c) with
    r = r₀ + a·S₀, S = b·S₀, P = P₀ + c·S₀ — the same for every copy of the node, whatever its entry."""
    if field is None or entry is None:
        return None
    return (_relative(field[0], entry[0]), _relative(field[1], entry[1]))


def _relative(axis: Axis, entry: Axis) -> Axis:
    r0, s0, p0 = entry
    return _ratio(axis[0] - r0, s0), _ratio(axis[1], s0), _ratio(axis[2] - p0, s0)


def _ratio(a: Number, b: Number) -> Number:
    if type(a) is int and type(b) is int and a % b == 0:
        return a // b
    return _whole(_fraction(a, b))


def absolute(relative: Field | None, entry: Field | None) -> Field | None:
    """The inverse of `relative`: a node's row field, from its relative form and this copy's entry."""
    if relative is None or entry is None:
        return None
    if relative == _KEPT:  # a node that keeps its entry's field (activations, norms)
        return entry
    height = _absolute(relative[0], entry[0])
    # a square field through square layers (most networks): its width is its height
    width = height if relative[1] == relative[0] and entry[1] == entry[0] else _absolute(relative[1], entry[1])
    return None if height is None or width is None else (height, width)


def _absolute(relative: Axis, entry: Axis) -> Axis | None:
    a, b, c = relative
    if a == 0 and b == 1 and c == 0:  # no arithmetic, which matters once the entry holds fractions (after resizing)
        return entry
    r0, s0, p0 = entry
    r, s, p = r0 + a * s0, b * s0, p0 + c * s0
    if type(r) is int and type(s) is int and type(p) is int:
        return _within((r, s, p))  # the common case: no fractions to make whole
    return _within((_whole(r), _whole(s), _whole(p)))


def shown(value: Number) -> int | float:
    """A whole number as an int, a fraction as a float (JSON and tables)."""
    return int(value) if value.denominator == 1 else round(float(value), 4)

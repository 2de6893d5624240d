"""How a layer changes the size of a map along one spatial axis, as data: what `cnncalc solve`
reads to find every input size that works without trying any (cnncalc/solve.py). Each layer
states its rule beside its `out_shape` (`Layer.axis_rules`); the solver's arithmetic follows the
same formulas as shape.py, and the tests hold the two together by brute force."""
from __future__ import annotations

from cnncalc.record import NamedTuple


class Window(NamedTuple):
    """A sliding window: `(N - F_eff + P_begin + P_end)/S + 1`; `same` pads to `ceil(N/S)`."""

    f_eff: int
    stride: int
    pad_begin: int
    pad_end: int
    same: bool = False


class Transposed(NamedTuple):
    """A transposed convolution: `(N - 1)·S - P_total + F_eff + A`."""

    f_eff: int
    stride: int
    pad_total: int
    outpad: int


class Scale(NamedTuple):
    """`N·F` (upsampling); with a divisor D, `floor(N·F/D)` (a decimal factor, F/D in lowest terms)."""

    factor: int
    divisor: int = 1


class Fixed(NamedTuple):
    """A size that does not depend on the input's (resize, adaptive and global pools, centre crop),
    which may need the input to be at least so large."""

    size: int
    at_least: int = 1


class Shift(NamedTuple):
    """`N + delta` (zero padding adds, cropping removes), for an input of at least `at_least`
    (reflection padding mirrors rows the map must have)."""

    delta: int
    at_least: int = 1


class Flat(NamedTuple):
    """The map becomes a vector: the axis ends here (flatten, a fully connected layer on a volume)."""


class Unit(NamedTuple):
    """The map must be exactly 1 along the axis, which then ends (squeeze: 1x1xC becomes a vector)."""


class Coupled(NamedTuple):
    """The size along one axis depends on the other's (a window the map's width: `globalavgpool width`): not
    followed axis by axis, so `solve` and letters for the input's sizes say they cannot follow it (`why`)."""

    why: str


AxisRule = Window | Transposed | Scale | Fixed | Shift | Flat | Unit | Coupled
KEEP = Shift(0)

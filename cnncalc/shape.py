"""The `Shape` value and the one home of the output-size rule `(N - F_eff + 2P)/S + 1`."""
from __future__ import annotations

from cnncalc.record import NamedTuple


class Shape(NamedTuple):
    """A volume `H x W x C` (channels last, as the lecture writes it) or a flat vector `N`."""

    dims: tuple[int, ...]

    @classmethod
    def volume(cls, h: int, w: int, c: int) -> Shape:
        return cls((h, w, c))

    @classmethod
    def flat(cls, n: int) -> Shape:
        return cls((n,))

    @property
    def is_flat(self) -> bool:
        return len(self.dims) == 1

    @property
    def channels(self) -> int:
        """Depth of a volume; the length of a flat vector (what a batchnorm or fc sees)."""
        return self.dims[-1]

    @property
    def size(self) -> int:
        n = 1
        for d in self.dims:
            n *= d
        return n

    def with_channels(self, c: int) -> Shape:
        return Shape(self.dims[:-1] + (c,))

    def __str__(self) -> str:
        return "x".join(str(d) for d in self.dims)


def effective_kernel(kernel: int, dilation: int) -> int:
    """A dilated kernel spans `D*(F-1) + 1` input pixels."""
    return dilation * (kernel - 1) + 1


class AxisSize(NamedTuple):
    """The output length along one axis and how it was reached."""

    n: int
    f_eff: int
    pad_begin: int
    pad_end: int
    stride: int
    value: int

    @property
    def pad_total(self) -> int:
        return self.pad_begin + self.pad_end

    @property
    def span(self) -> int:
        """`N - F_eff + P_begin + P_end`: the distance the window travels."""
        return self.n - self.f_eff + self.pad_total

    @property
    def whole(self) -> bool:
        return self.span % self.stride == 0

    def arithmetic(self) -> str:
        """`(7 - 3 + 2·0)/3 + 1 = 2.33`: the working as the lecture writes it."""
        pad = f"2·{self.pad_begin}" if self.pad_begin == self.pad_end else f"{self.pad_begin} + {self.pad_end}"
        return (f"({self.n} - {self.f_eff} + {pad})/{self.stride} + 1 = "
                f"{format_ratio(self.span + self.stride, self.stride)}")


def out_len(n: int, f_eff: int, stride: int, pad_begin: int, pad_end: int, ceil: bool) -> AxisSize:
    """Output length of a sliding window: `(N - F_eff + P_begin + P_end)/S + 1`, floored, or with
    `ceil` PyTorch's `ceil_mode` rule: round up, but drop the extra last window if it would start
    inside the end padding (an exact division adds no window, so keeps its value)."""
    travel = n - f_eff + pad_begin + pad_end
    if ceil and travel % stride:
        value = -(-travel // stride) + 1
        if value > 1 and (value - 1) * stride >= n + pad_begin:
            value -= 1
    else:
        value = travel // stride + 1
    return AxisSize(n, f_eff, pad_begin, pad_end, stride, value)


def same_padding(n: int, f_eff: int, stride: int) -> tuple[int, int]:
    """TensorFlow's `same`: output `ceil(N/S)`; the odd extra pixel goes at the end."""
    out = -(-n // stride)
    total = max((out - 1) * stride + f_eff - n, 0)
    return total // 2, total - total // 2


def transposed_len(n: int, f_eff: int, stride: int, pad_total: int, outpad: int) -> int:
    """Transposed convolution: `(N - 1)*S - P_total + F_eff + A` (PyTorch's ConvTranspose2d)."""
    return (n - 1) * stride - pad_total + f_eff + outpad


def format_ratio(numerator: int, denominator: int) -> str:
    """A whole quotient as itself, otherwise up to two decimals (the lecture's 2.33, 112.5), in integers."""
    whole, rest = divmod(numerator, denominator)
    if rest == 0:
        return str(whole)
    sign = "-" if whole < 0 else ""
    if whole < 0:
        whole, rest = divmod(-numerator, denominator)
    for places in (2, 9):
        fraction = (rest * 10**places + denominator // 2) // denominator
        if fraction == 0:
            continue
        if fraction == 10**places:  # rounds up to the next whole number: show more places
            continue
        digits = f"{fraction:0{places}d}".rstrip("0")
        return f"{sign}{whole}.{digits}"
    return f"{sign}{whole}.{(rest * 10**12 // denominator):012d}".rstrip("0")

"""The `Shape` value and the one home of the output-size rule `(N - F_eff + 2P)/S + 1`."""
from __future__ import annotations

from typing import Literal, NamedTuple

Rounding = Literal["exact", "floor", "ceil"]


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
    pad_total: int
    stride: int
    value: int
    rounding: Rounding

    @property
    def span(self) -> int:
        """`N - F_eff + P_begin + P_end`: the distance the window travels."""
        return self.n - self.f_eff + self.pad_total

    @property
    def whole(self) -> bool:
        return self.span % self.stride == 0

    def arithmetic(self) -> str:
        """`(7 - 3 + 2·0)/3 + 1 = 2.33`: the working as the lecture writes it."""
        pad = f"2·{self.pad_total // 2}" if self.pad_total % 2 == 0 else str(self.pad_total)
        return (f"({self.n} - {self.f_eff} + {pad})/{self.stride} + 1 = "
                f"{format_ratio(self.span + self.stride, self.stride)}")


def out_len(n: int, f_eff: int, stride: int, pad_begin: int, pad_end: int, rounding: Rounding) -> AxisSize:
    """Output length of a sliding window: `(N - F_eff + P_begin + P_end)/S + 1`.

    With `ceil`, PyTorch's `ceil_mode` rule applies: round up, but drop the extra last window
    if it would start inside the end padding (an exact division adds no window, so keeps its
    value). `exact` and `floor` both floor the value; the caller decides whether an inexact
    division is an error.
    """
    pad_total = pad_begin + pad_end
    if rounding == "ceil" and (n - f_eff + pad_total) % stride:
        value = -((-(n - f_eff + pad_total)) // stride) + 1
        if value > 1 and (value - 1) * stride >= n + pad_begin:
            value -= 1
    else:
        value = (n - f_eff + pad_total) // stride + 1
    return AxisSize(n, f_eff, pad_total, stride, value, rounding)


def same_padding(n: int, f_eff: int, stride: int) -> tuple[int, int]:
    """TensorFlow's `same`: output `ceil(N/S)`; the odd extra pixel goes at the end."""
    out = -(-n // stride)
    total = max((out - 1) * stride + f_eff - n, 0)
    return total // 2, total - total // 2


def transposed_len(n: int, f_eff: int, stride: int, pad_total: int, outpad: int) -> int:
    """Transposed convolution: `(N - 1)*S - P_total + F_eff + A` (PyTorch's ConvTranspose2d)."""
    return (n - 1) * stride - pad_total + f_eff + outpad


def format_ratio(numerator: int, denominator: int) -> str:
    """A whole quotient as itself, otherwise up to two decimals (the lecture's 2.33, 112.5)."""
    whole, rest = divmod(numerator, denominator)
    if rest == 0:
        return str(whole)
    shown = f"{numerator / denominator:.2f}".rstrip("0")
    if shown.endswith("."):  # 1001.0000023 must not read as whole
        shown = f"{numerator / denominator:.9f}".rstrip("0")
    return shown

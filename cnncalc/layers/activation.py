"""Element-wise activations (and softmax over the channels). No parameters, no MACs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.arguments import RealKind, positional
from cnncalc.layers.base import Layer
from cnncalc.limits import MAX_REAL

if TYPE_CHECKING:
    import numpy as np


class ReLU(Layer):
    """max(0, x)."""

    keyword = "relu"
    example = "relu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x * (x > 0), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (itemsize + 1)  # the mask, the result


class LeakyReLU(Layer):
    """x for x > 0, slope·x otherwise."""

    keyword = "leakyrelu"
    example = "leakyrelu 0.1"
    slope: float = positional(RealKind(0, MAX_REAL), default=0.01)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.where(x > 0, x, x * self.slope), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (2 * itemsize + 1)  # the scaled copy, the mask, the result


class Sigmoid(Layer):
    """1 / (1 + e^-x)."""

    keyword = "sigmoid"
    example = "sigmoid"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        y = np.tanh(0.5 * x)
        y += 1
        y *= 0.5
        return y, 0  # = 1/(1 + e^-x), without overflow

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize


class Tanh(Layer):
    """tanh(x)."""

    keyword = "tanh"
    example = "tanh"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.tanh(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class GELU(Layer):
    """x·Φ(x), Φ the standard normal CDF (exact erf form)."""

    keyword = "gelu"
    example = "gelu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.gelu(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * (itemsize + 8 + itemsize)  # x/√2, erf in float64, the result


class Softmax(Layer):
    """e^x / Σ e^x over the channels (the last axis)."""

    keyword = "softmax"
    example = "softmax"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.softmax(x), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * _size(x) * itemsize + 2 * x[0] * itemsize


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n

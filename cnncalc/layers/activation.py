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


class LeakyReLU(Layer):
    """x for x > 0, slope·x otherwise."""

    keyword = "leakyrelu"
    example = "leakyrelu 0.1"
    slope: float = positional(RealKind(0, MAX_REAL), default=0.01)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        return x * ((x > 0) + self.slope * (x <= 0)), 0


class Sigmoid(Layer):
    """1 / (1 + e^-x)."""

    keyword = "sigmoid"
    example = "sigmoid"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return 0.5 * (1 + np.tanh(0.5 * x)), 0  # = 1/(1 + e^-x), without overflow


class Tanh(Layer):
    """tanh(x)."""

    keyword = "tanh"
    example = "tanh"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.tanh(x), 0


class GELU(Layer):
    """x·Φ(x), Φ the standard normal CDF (exact erf form)."""

    keyword = "gelu"
    example = "gelu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.gelu(x), 0


class Softmax(Layer):
    """e^x / Σ e^x over the channels (the last axis)."""

    keyword = "softmax"
    example = "softmax"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.softmax(x), 0

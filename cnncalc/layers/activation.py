"""Element-wise activations (and softmax over the last axis). No parameters, no MACs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import Layer, layer, positional

if TYPE_CHECKING:
    import numpy as np


@layer
class ReLU(Layer):
    """max(0, x)."""

    keyword = "relu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        return x * (x > 0), 0


@layer
class LeakyReLU(Layer):
    """x for x > 0, slope·x otherwise."""

    keyword = "leakyrelu"
    slope: float = positional("real", default=0.01, min=0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        return x * ((x > 0) + self.slope * (x <= 0)), 0


@layer
class Sigmoid(Layer):
    """1 / (1 + e^-x)."""

    keyword = "sigmoid"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return 0.5 * (1 + np.tanh(0.5 * x)), 0  # = 1/(1 + e^-x), without overflow


@layer
class Tanh(Layer):
    """tanh(x)."""

    keyword = "tanh"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.tanh(x), 0


@layer
class GELU(Layer):
    """x·Φ(x), Φ the standard normal CDF (exact erf form)."""

    keyword = "gelu"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.gelu(x), 0


@layer
class Softmax(Layer):
    """e^x / Σ e^x over the channels (the last axis)."""

    keyword = "softmax"

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.softmax(x), 0

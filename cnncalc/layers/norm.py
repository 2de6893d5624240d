"""Normalisation: local response normalisation (AlexNet) and batch normalisation."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.arguments import CHANNELS, RealKind, option
from cnncalc.layers.base import Layer, Params, ShapeContext, Working, thousands
from cnncalc.limits import MAX_REAL
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np

POSITIVE = RealKind(0, MAX_REAL)


class LRN(Layer):
    """AlexNet's LRN across channels: b = a / (k + alpha/size · Σ a²)^beta over `size` neighbours.

    The sum is scaled by alpha/size as in PyTorch's LocalResponseNorm and Caffe. No parameters.
    """

    keyword = "lrn"
    example = "lrn size 5"
    size: int = option(CHANNELS, default=5)
    alpha: float = option(POSITIVE, default=1e-4)
    beta: float = option(POSITIVE, default=0.75)
    k: float = option(POSITIVE, default=2.0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.lrn(x, self.size, self.alpha, self.beta, self.k), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        volume = _size(x) * itemsize
        return 4 * volume + volume // max(x[-1], 1) * self.size  # squares (padded), their sums, the result


class BatchNorm(Layer):
    """Inference-form batch normalisation per channel: gamma·(x - mean)/sqrt(var + eps) + beta.

    gamma and beta are learnable (2C); the running mean and variance are non-trainable (2C).
    """

    keyword = "batchnorm"
    aliases = ("bn",)
    example = "bn"
    eps: float = option(POSITIVE, default=1e-5)

    def params(self, x: Shape) -> Params:
        return Params(weights=x.channels, biases=x.channels, non_trainable=2 * x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        c = x.channels
        return Working(params=f"2·{c} = {thousands(2 * c)} learnable (gamma, beta); "
                              f"2·{c} = {thousands(2 * c)} running statistics (mean, var)")

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        c = x[-1]
        return {"gamma": (c,), "beta": (c,), "mean": (c,), "var": (c,)}

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.batch_norm(x, w["gamma"], w["beta"], w["mean"], w["var"], self.eps), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize + 4 * x[-1] * itemsize


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n

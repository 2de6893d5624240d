"""Normalisation: local response normalisation (AlexNet) and batch normalisation."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import Layer, Params, ShapeContext, layer, option, thousands
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np


@layer
class LRN(Layer):
    """AlexNet's LRN across channels: b = a / (k + alpha/size · Σ a²)^beta over `size` neighbours.

    The sum is scaled by alpha/size as in PyTorch's LocalResponseNorm and Caffe. No parameters.
    """

    keyword = "lrn"
    size: int = option("int", 5)
    alpha: float = option("real", 1e-4, min=0)
    beta: float = option("real", 0.75, min=0)
    k: float = option("real", 2.0, min=0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.lrn(x, self.size, self.alpha, self.beta, self.k), 0


@layer
class BatchNorm(Layer):
    """Inference-form batch normalisation per channel: gamma·(x - mean)/sqrt(var + eps) + beta.

    gamma and beta are learnable (2C); the running mean and variance are non-trainable (2C).
    """

    keyword = "batchnorm"
    aliases = ("bn",)
    eps: float = option("real", 1e-5, min=0)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return x

    def params(self, x: Shape) -> Params:
        return Params(weights=x.channels, biases=x.channels, non_trainable=2 * x.channels)

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        c = x[-1]
        return {"gamma": (c,), "beta": (c,), "mean": (c,), "var": (c,)}

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.batch_norm(x, w["gamma"], w["beta"], w["mean"], w["var"], self.eps), 0

    def explain(self, x: Shape, y: Shape) -> list[str]:
        c = x.channels
        return [f"params 2·{c} learnable (gamma, beta) = {thousands(2 * c)}; "
                f"2·{c} running statistics (mean, var) = {thousands(2 * c)}"]

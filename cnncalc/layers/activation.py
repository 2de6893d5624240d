"""Element-wise activations (and softmax over the last axis). No parameters, no MACs."""
from __future__ import annotations

from dataclasses import dataclass

from cnncalc.layers.base import Layer, positional


@dataclass(frozen=True)
class ReLU(Layer):
    """max(0, x)."""

    keyword = "relu"


@dataclass(frozen=True)
class LeakyReLU(Layer):
    """x for x > 0, slope·x otherwise."""

    keyword = "leakyrelu"
    slope: float = positional("real", default=0.01, min=0)


@dataclass(frozen=True)
class Sigmoid(Layer):
    """1 / (1 + e^-x)."""

    keyword = "sigmoid"


@dataclass(frozen=True)
class Tanh(Layer):
    """tanh(x)."""

    keyword = "tanh"


@dataclass(frozen=True)
class GELU(Layer):
    """x·Φ(x), Φ the standard normal CDF (exact erf form)."""

    keyword = "gelu"


@dataclass(frozen=True)
class Softmax(Layer):
    """e^x / Σ e^x over the channels (the last axis)."""

    keyword = "softmax"

"""Layer families and the one registry from spec keyword to layer class."""
from __future__ import annotations

from cnncalc.layers.activation import GELU, LeakyReLU, ReLU, Sigmoid, Softmax, Tanh
from cnncalc.layers.base import Layer, Params, Working
from cnncalc.layers.conv import Conv, Deconv, DWConv
from cnncalc.layers.linear import FC
from cnncalc.layers.norm import LRN, BatchNorm
from cnncalc.layers.pool import AvgPool, GlobalAvgPool, GlobalMaxPool, MaxPool
from cnncalc.layers.reshape import Dropout, Flatten, Identity

LAYER_CLASSES: tuple[type[Layer], ...] = (
    Conv, DWConv, Deconv, MaxPool, AvgPool, GlobalAvgPool, GlobalMaxPool, FC, Flatten,
    ReLU, LeakyReLU, Sigmoid, Tanh, GELU, Softmax, LRN, BatchNorm, Dropout, Identity,
)

REGISTRY: dict[str, type[Layer]] = {
    word: cls for cls in LAYER_CLASSES for word in (cls.keyword, *cls.aliases)
}

__all__ = ["LAYER_CLASSES", "REGISTRY", "Layer", "Params", "Working"]

"""Layer families and the one registry from spec keyword to layer class."""
from __future__ import annotations

from cnncalc.layers.activation import (
    CELU,
    ELU,
    GELU,
    SELU,
    HardShrink,
    HardSigmoid,
    HardSwish,
    HardTanh,
    LeakyReLU,
    LogSigmoid,
    LogSoftmax,
    Mish,
    PReLU,
    ReLU,
    ReLU6,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    SoftShrink,
    Softsign,
    Tanh,
    TanhShrink,
    Threshold,
)
from cnncalc.layers.base import Layer, Params, Working
from cnncalc.layers.conv import ChannelConv, Conv, Deconv, DWConv
from cnncalc.layers.linear import FC
from cnncalc.layers.norm import LRN, BatchNorm, GroupNorm, InstanceNorm, L2Norm, LayerNorm, Scale
from cnncalc.layers.pool import (
    AvgPool,
    ChannelAvgPool,
    ChannelMaxPool,
    GlobalAvgPool,
    GlobalMaxPool,
    LPPool,
    MaxPool,
)
from cnncalc.layers.reshape import Dropout, Flatten, Identity, Reshape, Squeeze, Unflatten
from cnncalc.layers.resize import (
    AdaptiveAvgPool,
    AdaptiveMaxPool,
    CenterCrop,
    CircularPad,
    Crop,
    PadChannels,
    Part,
    PixelShuffle,
    PixelUnshuffle,
    ReflectPad,
    Region,
    ReplicatePad,
    Resize,
    Shuffle,
    Slice,
    Upsample,
    ZeroPad,
)

LAYER_CLASSES: tuple[type[Layer], ...] = (
    Conv, DWConv, Deconv, ChannelConv, MaxPool, AvgPool, LPPool, GlobalAvgPool, GlobalMaxPool, ChannelAvgPool,
    ChannelMaxPool, AdaptiveAvgPool, AdaptiveMaxPool, FC,
    Flatten, Squeeze, Unflatten, Reshape, ReLU, ReLU6, LeakyReLU, PReLU, ELU, SELU, CELU, Sigmoid, HardSigmoid, Tanh,
    HardTanh, GELU, SiLU, HardSwish, Mish, Softplus, Softsign, LogSigmoid, Threshold, HardShrink, SoftShrink,
    TanhShrink, Softmax, LogSoftmax, LRN, L2Norm, BatchNorm, Scale,
    LayerNorm, GroupNorm, InstanceNorm, Dropout,
    Identity, Slice, Part, Shuffle, PixelShuffle, PixelUnshuffle, Upsample, Resize, ZeroPad, ReflectPad, ReplicatePad,
    CircularPad,
    PadChannels, Crop, CenterCrop, Region,
)

REGISTRY: dict[str, type[Layer]] = {
    word: cls for cls in LAYER_CLASSES for word in (cls.keyword, *cls.aliases)
}

# The kinds of layer a total may count alone (`expect total params in conv layers 760`; the lecture's `Total params
# in the CONV layers: 760`): the values of the classes' `family`.
FAMILIES = ("conv", "fc", "pool")

__all__ = ["FAMILIES", "LAYER_CLASSES", "REGISTRY", "Layer", "Params", "Working"]

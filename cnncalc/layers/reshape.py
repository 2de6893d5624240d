"""Layers that move or pass values without arithmetic: flatten, identity, dropout."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cnncalc.layers.base import Layer, ShapeContext, layer, positional
from cnncalc.shape import Shape

if TYPE_CHECKING:
    import numpy as np


@layer
class Flatten(Layer):
    """HxWxC -> H·W·C, in H, W, C order."""

    keyword = "flatten"

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.flat(x.size)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], rounding: str, naive: bool) -> tuple[np.ndarray, int]:
        return x.reshape(x.shape[0], -1), 0


@layer
class Identity(Layer):
    """Passes its input through: the empty branch of an `add`."""

    keyword = "identity"


@layer
class Dropout(Layer):
    """Zeroes a fraction `p` of activations in training; the identity at inference."""

    keyword = "dropout"
    p: float = positional("real", default=0.5, min=0, below=1)

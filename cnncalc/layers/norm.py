"""Normalisation: local response normalisation (AlexNet), the channels scaled to unit length, batch
normalisation, and the layer, group and instance norms. Their learnable parameters are a scale and a
shift per channel; no MACs."""
from __future__ import annotations

from math import isqrt

from cnncalc import TYPE_CHECKING, codes
from cnncalc.layers.arguments import (
    CHANNELS,
    MAP_SIZE,
    NOBIAS,
    Pair,
    RealKind,
    declared_inputs,
    flag,
    option,
    positional,
)
from cnncalc.layers.base import (
    BYTES_PER_VALUE,
    KEEPS_INPUT,
    KEEPS_NOTHING,
    Kept,
    Layer,
    Params,
    ShapeContext,
    Working,
    last_axis_flag,
    said_last_axis_of_a_map,
    said_written_size,
    thousands,
)
from cnncalc.limits import MAX_REAL
from cnncalc.shape import Shape

if TYPE_CHECKING:
    from typing import Any

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

    def kept(self, x: Shape, y: Shape) -> Kept:
        # PyTorch computes it from parts (F.local_response_norm): beside the input, the zero-padded
        # squares (C + size - 1 channels deep), the base of the power and the divisor.
        h, w = (1, 1) if x.is_flat else x.dims[:2]
        return Kept("input", (3 * x.channels + self.size - 1) * h * w * BYTES_PER_VALUE)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.lrn(x, self.size, self.alpha, self.beta, self.k), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        volume = _size(x) * itemsize
        return 4 * volume + volume // max(x[-1], 1) * self.size  # squares (padded), their sums, the result


class L2Norm(Layer):
    """The channels at each position (a vector's features) divided by their Euclidean length: x / max(||x||, eps)
    (PyTorch's F.normalize(x, dim=1); Keras' UnitNormalization, whose x / sqrt(max(Σx², 1e-12)) is eps 1e-6; ONNX's
    LpNormalization with p 2, eps 0; an embedding's last step). No parameters."""

    keyword = "l2norm"
    example = "l2norm"
    eps: float = option(POSITIVE, default=1e-12, doc="the least length divided by (PyTorch's default)")
    on_maps: bool = last_axis_flag("over the last axis as PyTorch's dim=-1: a vector only (E037 on a map)")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not self.on_maps:
            said_last_axis_of_a_map(ctx, x, "l2norm over the last axis (PyTorch's dim=-1)",
                                    "over the channels: `dim=1` (cnncalc's plain `l2norm`)")
        return x

    def kept(self, x: Shape, y: Shape) -> Kept:
        # PyTorch's x / x.norm(2, 1, keepdim=True).clamp_min(eps): beside the input, the norm and its clamped copy,
        # one value per position each
        positions = 1 if x.is_flat else x.dims[0] * x.dims[1]
        return Kept("input", 2 * positions * BYTES_PER_VALUE)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        length = np.sqrt(np.einsum("...c,...c->...", x, x))[..., None]
        with np.errstate(divide="ignore", invalid="ignore"):  # (eps 0 and a zero vector: NaN, as ONNX's)
            return x / np.maximum(length, np.asarray(self.eps, x.dtype)), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        volume = _size(x) * itemsize
        return volume + 2 * volume // max(x[-1], 1)  # the result; the lengths and their clamped copy


def learnt_flag(doc: str) -> Any:
    """The learnt parts of a normalisation (`learnt`: "gamma beta", one of them, or ""), by the words that leave
    them out: `noaffine`, `noscale` (no gamma), `noshift` (no beta)."""
    return flag({"noaffine": "", "noscale": "beta", "noshift": "gamma"}, default="gamma beta", doc=doc)


class BatchNorm(Layer):
    """Inference-form batch normalisation per channel: gamma·(x - mean)/sqrt(var + eps) + beta.

    gamma and beta are learnable (2C); the running mean and variance are non-trainable (2C).
    `noaffine` leaves gamma and beta out (Caffe's BatchNorm, whose Scale layer holds them), `noscale`
    gamma and `noshift` beta (Keras' `scale=False` and `center=False`);
    `counted` keeps one more statistic (Caffe's moving-average factor, Keras' Normalization count);
    `nostats` keeps none and normalises with the batch's own mean and variance, in inference too (PyTorch's
    `track_running_stats=False`).
    """

    keyword = "batchnorm"
    aliases = ("bn",)
    example = "bn"
    eps: float = option(POSITIVE, default=1e-5)
    learnt: str = learnt_flag("no gamma and beta (Caffe's BatchNorm); no gamma or no beta (Keras' scale=False, "
                              "center=False)")
    stats: str = flag({"counted": "counted", "nostats": "none"}, default="running",
                      doc="one more running statistic (Caffe's moving-average factor, Keras' count), or none: the "
                          "batch's own statistics (PyTorch's track_running_stats=False)")
    inputs: int | None = declared_inputs()
    takes: str | None = flag({"map": "map", "vector": "vector"}, default=None,
                             doc="a map only (PyTorch's BatchNorm2d, E034) or a vector only (BatchNorm1d, E037)")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if self.takes == "map" and x.is_flat:
            ctx.report(codes.E034, f"a batch norm of maps (PyTorch's BatchNorm2d) gets the vector {x}", arg="takes",
                       hint="use BatchNorm1d (`bn … vector`) after a flatten or a fully connected layer")
        elif self.takes == "vector" and not x.is_flat:
            ctx.report(codes.E037, f"a batch norm of vectors (PyTorch's BatchNorm1d) gets the map {x}", arg="takes",
                       hint="use BatchNorm2d (`bn … map`) after a convolution")
        return x

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", per_batch=2 * x.channels * BYTES_PER_VALUE)  # and the batch's mean and inverse deviation

    def params(self, x: Shape) -> Params:
        c = x.channels
        return Params(weights=c * ("gamma" in self.learnt), biases=c * ("beta" in self.learnt),
                      non_trainable=self._statistics(c))

    def _statistics(self, c: int) -> int:
        """The running statistics kept: a mean and a variance per channel, and Caffe's and Keras' count."""
        return 0 if self.stats == "none" else 2 * c + (self.stats == "counted")

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        c = x.channels
        learnt = self.learnt.split()
        learnable = (f"2·{c} = {thousands(2 * c)} learnable (gamma, beta)" if len(learnt) == 2
                     else f"{thousands(c)} learnable ({learnt[0]} only)" if learnt else "no gamma or beta")
        counted = self.stats == "counted"
        statistics = "no running statistics (the batch's own)" if self.stats == "none" else \
            f"2·{c}{' + 1' if counted else ''} = {thousands(self._statistics(c))} running statistics " \
            f"(mean, var{', count' if counted else ''})"
        return Working(params=f"{learnable}; {statistics}")

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        c = x[-1]
        shapes: dict[str, tuple[int, ...]] = dict.fromkeys(self.learnt.split(), (c,))
        if self.stats == "none":
            return shapes
        return shapes | {"mean": (c,), "var": (c,)} | ({"count": (1,)} if self.stats == "counted" else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        if self.stats == "none":  # each channel over the batch and its positions
            y = kernels.normalize(x, tuple(range(x.ndim - 1)), self.eps, naive)
            return (y * w["gamma"] if "gamma" in w else y) + w.get("beta", 0), 0
        one = w["mean"] * 0 + 1  # an absent gamma scales by 1, an absent beta shifts by 0
        return kernels.batch_norm(x, w.get("gamma", one), w.get("beta", one * 0), w["mean"], w["var"], self.eps), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize + 6 * x[-1] * itemsize


class Scale(Layer):
    """A learnt scale (and shift) per channel: gamma·x + beta (Caffe's Scale layer, which follows its
    BatchNorm). Params C, plus C with the shift (`nobias` leaves it out); with `one`, one learnt number for the
    whole map (mmdetection's Scale in a detection head, ReZero's alpha): 1, plus 1 with the shift."""

    keyword = "scale"
    example = "scale"
    bias: bool = flag(NOBIAS, default=True)
    inputs: int | None = declared_inputs()
    single: bool = flag({"one": True}, default=False, doc="one learnt number for all the values, not one per channel")

    def kept(self, x: Shape, y: Shape) -> Kept:
        """Its input serves only its weights' gradient (x times a learnt scale): a frozen one keeps nothing."""
        return KEEPS_NOTHING if self.frozen else KEEPS_INPUT

    def _learnt(self, channels: int) -> int:
        """How many scales (and shifts) it learns: one per channel, or one."""
        return 1 if self.single else channels

    def params(self, x: Shape) -> Params:
        n = self._learnt(x.channels)
        return Params(weights=n, biases=n if self.bias else 0)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        n = self._learnt(x.channels)
        scales = "1 scale" if self.single else f"{n} scales"
        return Working(params=scales + (f" + {n} shift{'s' * (n != 1)} = {thousands(2 * n)}" if self.bias else ""))

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        n = self._learnt(x[-1])
        shapes: dict[str, tuple[int, ...]] = {"gamma": (n,)}
        return shapes | ({"beta": (n,)} if self.bias else {})

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        y = x * w["gamma"]
        if self.bias:
            y += w["beta"]
        return y, 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class _Affine(Layer):
    """A normalisation with a learnt scale (gamma) and shift (beta) per channel, or one of them, or neither
    (`learnt`: the names of those it has)."""

    if TYPE_CHECKING:
        @property
        def learnt(self) -> str: ...  # each norm's argument, declared after its positional ones

    def _normalised(self, x: Shape) -> int:
        """The values one gamma (and one beta) is learnt for: a channel's (each channel has its own)."""
        return x.channels

    def _learnt_shape(self, x: tuple[int, ...]) -> tuple[int, ...]:
        """The shape of the gamma and beta arrays for a per-image input of shape `x` (one per channel)."""
        return (x[-1],)

    def params(self, x: Shape) -> Params:
        n = self._normalised(x)
        return Params(weights=n * ("gamma" in self.learnt), biases=n * ("beta" in self.learnt))

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        c = x.channels
        learnt = self.learnt.split()
        if not learnt:
            return Working(params="no affine part: 0")
        if len(learnt) == 1:
            return Working(params=f"{thousands(c)} ({learnt[0]} only)")
        return Working(params=f"2·{c} = {thousands(2 * c)} (gamma, beta)")

    def weight_shapes(self, x: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        return dict.fromkeys(self.learnt.split(), self._learnt_shape(x))

    def _scaled(self, y: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
        if "gamma" in w:
            y *= w["gamma"]
        if "beta" in w:
            y += w["beta"]
        return y

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 3 * _size(x) * itemsize


class LayerNorm(_Affine):
    """(x - mean)/sqrt(var + eps) over the channels at each position, then gamma·… + beta (ConvNeXt's
    channels-last LayerNorm; on a flat vector, over the vector); with `volume`, over each image's whole
    HxWxC volume, a gamma and a beta per value (PyTorch's `nn.LayerNorm([C, H, W])`)."""

    keyword = "layernorm"
    example = "layernorm eps 1e-6"
    eps: float = option(POSITIVE, default=1e-5)
    learnt: str = learnt_flag("no gamma and beta (PyTorch's elementwise_affine=False); no gamma or no beta (Keras' "
                              "scale=False, center=False; PyTorch's bias=False)")
    inputs: int | None = declared_inputs()
    on_maps: bool = last_axis_flag("over the last axis as PyTorch's nn.LayerNorm(N): a vector only (E037 on a map)")
    volume: bool = flag({"volume": True}, default=False,
                        doc="over each image's whole HxWxC volume, a gamma and a beta per value (PyTorch's "
                            "nn.LayerNorm([C, H, W]), Keras' LayerNormalization(axis=[1, 2, 3]))")
    size: Pair | None = option(MAP_SIZE, default=None, doc="the input's height and width, when written (nn.LayerNorm("
                                                       "[C, H, W])'s H and W): checked")

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if not self.on_maps:  # PyTorch's N x C x H x W: its last axis is the width, which it would normalise, or fail
            said_last_axis_of_a_map(ctx, x, "normalises the last axis (PyTorch's nn.LayerNorm)",
                                    "for the channels at each position: permute to channels-last, or "
                                    "`nn.GroupNorm(1, C)` for C, H and W together")
        said_written_size(ctx, x, self.size)
        return x

    def _normalised(self, x: Shape) -> int:
        """A channel's values, or with `volume` the whole volume's (a gamma and a beta per value)."""
        return x.size if self.volume else x.channels

    def _learnt_shape(self, x: tuple[int, ...]) -> tuple[int, ...]:
        return x if self.volume else (x[-1],)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        if not self.volume or x.is_flat or not self.learnt:
            return super().working(x, y, ctx)
        h, w, c = x.dims
        each = f"{h}·{w}·{c} = {thousands(x.size)}"
        if len(self.learnt.split()) == 1:
            return Working(params=f"{each} ({self.learnt} only, one per value)")
        return Working(params=f"2·{h}·{w}·{c} = {thousands(2 * x.size)} (gamma, beta: one per value)")

    def kept(self, x: Shape, y: Shape) -> Kept:
        positions = 1 if x.is_flat or self.volume else x.dims[0] * x.dims[1]
        return Kept("input", 2 * positions * BYTES_PER_VALUE)  # and each position's mean and inverse deviation

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        axes = tuple(range(1, x.ndim)) if self.volume else (-1,)
        return self._scaled(kernels.normalize(x, axes, self.eps, naive), w), 0


class GroupNorm(_Affine):
    """The channels cut into G groups; each group normalised over its channels and every position. A group of one
    value (G = C on a 1x1 map) is E034, as PyTorch refuses it; with `onevalue` it is allowed, as Keras builds it
    (each value its own mean: the output is the shift)."""

    keyword = "groupnorm"
    example = "groupnorm 32"
    groups: int = positional(CHANNELS)
    eps: float = option(POSITIVE, default=1e-5)
    learnt: str = learnt_flag("no gamma and beta (PyTorch's affine=False); no gamma or no beta (Keras' scale=False, "
                              "center=False)")
    inputs: int | None = declared_inputs()
    one_value: bool = flag({"onevalue": True}, default=False,
                           doc="groups of one value allowed (Keras'), not E034 (PyTorch refuses them)")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", 2 * self.groups * BYTES_PER_VALUE)  # and each group's mean and inverse deviation

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if x.channels % self.groups:
            ctx.report(codes.E033, f"{x.channels} channels do not split into {self.groups} equal groups "
                                   f"({x.channels}/{self.groups} = {x.channels / self.groups:g})", arg="groups",
                       hint=f"use a number of groups that divides {x.channels}, e.g. "
                            f"{_divisor_near(x.channels, self.groups)}")
            return None
        if x.size == self.groups and not self.one_value:
            ctx.report(codes.E034, f"groupnorm normalises each of its {self.groups} groups over its channels and "
                                   f"positions, but on {x} a group holds one value: every value would be its own mean "
                                   f"(PyTorch refuses it at batch 1, and makes every value 0 at a larger one)",
                       arg="groups", hint="use fewer groups, or normalise before the map shrinks to this (Keras allows "
                                          "it: `onevalue`)")
            return None
        return x

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        grouped = x.reshape(x.shape[0], -1, self.groups, x.shape[-1] // self.groups)
        return self._scaled(kernels.normalize(grouped, (1, 3), self.eps, naive).reshape(x.shape), w), 0


class InstanceNorm(_Affine):
    """Each channel of each image normalised over its positions; `affine` adds gamma and beta (PyTorch's
    InstanceNorm2d has none by default)."""

    keyword = "instancenorm"
    example = "instancenorm affine"
    spatial_input = True
    learnt: str = flag({"affine": "gamma beta"}, default="", doc="a learnt scale and shift per channel")
    eps: float = option(POSITIVE, default=1e-5)
    inputs: int | None = declared_inputs()

    def kept(self, x: Shape, y: Shape) -> Kept:
        # PyTorch runs it as a batch norm over N·C channels: a mean and an inverse deviation per channel
        # of each image, and with `affine` the scale repeated for every image.
        return Kept("input", (3 if self.learnt else 2) * x.channels * BYTES_PER_VALUE)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if x.dims[0] * x.dims[1] == 1:
            ctx.report(codes.E034, f"instancenorm normalises each channel over its positions, but the map {x} has "
                                   f"one: every value would be its own mean (PyTorch refuses it: more than one "
                                   f"spatial element expected)",
                       hint="normalise before the global pool, or use `batchnorm`")
            return None
        return x

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        positions = x.reshape(x.shape[0], -1, x.shape[-1])
        return self._scaled(kernels.normalize(positions, (1,), self.eps, naive).reshape(x.shape), w), 0


def _divisor_near(n: int, target: int) -> int:
    """The divisor of n nearest to target (below on a tie), found among n's divisors in sqrt(n) steps."""
    small = [d for d in range(1, isqrt(n) + 1) if n % d == 0]
    divisors = small + [n // d for d in small]
    return min(divisors, key=lambda d: (abs(d - target), d))


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n

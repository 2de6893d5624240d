"""Layers that pick, move or resample values without learnt weights: channel slices and shuffles,
upsampling and resizing (nearest or bilinear), adaptive pools, padding (zeros, reflected, replicated or
wrapped edges; zero channels), crops and regions. No
parameters, no MACs (element-wise and copying work is not a multiply-accumulate of the convention)."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, axis, codes, field, limits
from cnncalc.layers.arguments import (
    CHANNELS,
    CROPPING,
    NO_PAD,
    OFFSET,
    SCALE,
    SIZE,
    ChannelRange,
    Int,
    OpenPair,
    Pad,
    Pair,
    Ratio,
    declared_inputs,
    flag,
    option,
    positional,
)
from cnncalc.layers.base import A_VIEW, INDEX_BYTES, KEEPS_INPUT, KEEPS_NOTHING, Kept, Layer, ShapeContext, Working
from cnncalc.layers.window import window_output
from cnncalc.shape import Shape

if TYPE_CHECKING:
    from typing import ClassVar

    import numpy as np

    from cnncalc.axis import AxisRule
    from cnncalc.field import Step

# `aligned`: bilinear with the corner pixels' centres aligned (PyTorch's align_corners=True, as U-Nets use)
MODES = {"nearest": "nearest", "bilinear": "bilinear", "aligned": "aligned"}


class Slice(Layer):
    """Channels A … B-1 (0-based, half-open, as Python's slices): `slice 0:32`; `slice 32:` keeps
    channel 32 to the last (PyTorch's `x[:, 32:]`). With `inputs C`, only of C channels: a part of a split
    into listed sizes (`torch.split(x, [8, 8], 1)`), which the framework refuses unless they add up to C."""

    keyword = "slice"
    example = "slice 0:32"
    channels: OpenPair = positional(ChannelRange())
    inputs: int | None = declared_inputs()

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW  # a window of the input's storage

    def bounds(self, channels: int) -> Pair:
        """The channels kept, the end filled in from the input's depth when it was left out."""
        start, stop = self.channels
        return start, channels if stop is None else stop

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        start, stop = self.bounds(x.channels)
        written = f"slice {start}:{'' if self.channels[1] is None else stop}"
        if stop > x.channels:
            ctx.report(codes.E036, f"`{written}` asks for channels up to {stop - 1}, but the input "
                                   f"{x} has channels 0 to {x.channels - 1}", arg="channels",
                       hint=f"the end can be at most {x.channels}")
            return None
        if start >= stop:
            ctx.report(codes.E036, f"`{written}` starts at channel {start}, but the input {x} has channels 0 to "
                                   f"{x.channels - 1}: nothing is left", arg="channels",
                       hint=f"the start can be at most {x.channels - 1}")
            return None
        return x.with_channels(stop - start)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        start, stop = self.bounds(x.channels)
        return Working(f"{stop} - {start} = {stop - start} channels")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        start, stop = self.channels
        return x[..., start:stop].copy(), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        start, stop = self.bounds(x[-1])
        return _size(x[:-1]) * (stop - start) * itemsize


class Part(Layer):
    """Part I of the channels, in order. `part I of N`: of N equal parts (Caffe's Slice, NumPy's `split`; `part 2
    of 2` is the second half), the channels divisible by N (E033). `part I size S`: of parts of S channels, the last
    what is left (`torch.split(x, S, 1)[I - 1]`: channels (I-1)·S to min(I·S, C) - 1, E036 where none is left).
    `part I chunks N`: PyTorch's `x.chunk(N, 1)[I - 1]`, parts of ⌈C/N⌉ channels, the last what is left (as many
    as they make, which may be fewer than N: E036 past the last). With `of N` too, a split into parts of a size
    unpacked into N names, which PyTorch refuses unless the channels make N parts (E033 where they make another
    number)."""

    keyword = "part"
    example = "part 1 of 2"
    index: int = positional(CHANNELS, doc="which part, counted from 1")
    of: int | None = option(CHANNELS, default=None, called="number of parts",
                            doc="the number of parts N (written unless `size` or `chunks` is)")
    size: int | None = option(CHANNELS, default=None, doc="the channels of each part but the last (torch.split's "
                                                          "split_size)")
    chunks: int | None = option(CHANNELS, default=None, called="number of chunks",
                                doc="the chunks asked of torch.chunk: parts of ⌈C/N⌉ channels")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW  # a window of the input's storage

    def part_size(self, channels: int) -> int | None:
        """The channels of each part but the last, of an input of `channels`: `size`, or ⌈C/N⌉ for `chunks N`;
        None for N equal parts."""
        if self.chunks is not None:
            return -(-channels // self.chunks)
        return self.size

    def bounds(self, channels: int) -> Pair:
        """The channels kept, [start, stop), of an input of `channels` (its parts' count checked by `out_shape`)."""
        each = self.part_size(channels)
        if each is None:
            per = channels // self.parts
            return (self.index - 1) * per, self.index * per
        return (self.index - 1) * each, min(self.index * each, channels)

    def _made(self, channels: int, each: int) -> str:
        """How the parts are cut, for messages: `12 channels in parts of 5`, `5 channels in 2 chunks of 3`."""
        if self.chunks is None:
            return f"{channels} channels in parts of {each}"
        return f"{channels} channels in {self.chunks} chunk{'s' if self.chunks != 1 else ''} of {each} " \
               f"(⌈{channels}/{self.chunks}⌉)"

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if self.size is not None and self.chunks is not None:
            ctx.report(codes.E012, f"`part {self.index}` given both the parts' size ({self.size}) and a number of "
                                   f"chunks ({self.chunks}), which each set it", arg="chunks",
                       hint="keep `size` for torch.split(x, S, 1), `chunks` for x.chunk(N, 1)")
            return None
        if self.of is None and self.size is None and self.chunks is None:
            ctx.report(codes.E014, f"`part {self.index}` needs the number of parts or their size: "
                                   f"`part {self.index} of N`, `part {self.index} size S` or "
                                   f"`part {self.index} chunks N`",
                       arg="index", hint="write `part 1 of 2` for the first half")
            return None
        if self.of is not None and self.index > self.of:
            ctx.report(codes.E036, f"`part {self.index} of {self.of}` asks for a part past the last",
                       arg="index", hint=f"parts are counted from 1 to {self.of}")
            return None
        each = self.part_size(x.channels)
        if each is None:
            assert self.of is not None
            if x.channels % self.of:
                ctx.report(codes.E033, f"{x.channels} channels do not form {self.of} equal parts "
                                       f"({x.channels}/{self.of} = {x.channels / self.of:g})", arg="of",
                           hint="cut a channel count divisible by the number of parts, or write `chunks "
                                f"{self.of}` for PyTorch's x.chunk({self.of}, 1), whose last part is smaller")
                return None
            return x.with_channels(x.channels // self.of)
        made = -(-x.channels // each)  # the parts torch.split and torch.chunk make: the last one what is left
        if self.of is not None and made != self.of:
            ctx.report(codes.E033, f"{self._made(x.channels, each)} make {made} part{'s' if made != 1 else ''} "
                                   f"({x.channels}/{each} = {x.channels / each:g}, rounded up), not {self.of}",
                       arg="of", hint=f"{self.of} parts of {each} need {(self.of - 1) * each + 1} to "
                                      f"{self.of * each} channels" if self.chunks is None else
                       f"PyTorch unpacks x.chunk({self.chunks}, 1) into {self.of} names only where it makes "
                       f"{self.of} parts; read each part by its index, `part I chunks {self.chunks}`")
            return None
        if self.index > made:
            words = f"chunks {self.chunks}" if self.chunks is not None else f"size {each}"
            ctx.report(codes.E036, f"`part {self.index} {words}` starts at channel {(self.index - 1) * each}, but "
                                   f"the input {x} has channels 0 to {x.channels - 1}: {self._made(x.channels, each)} "
                                   f"make {made} part{'s' if made != 1 else ''}",
                       arg="index", hint=f"parts are counted from 1 to {made}")
            return None
        start, stop = self.bounds(x.channels)
        return x.with_channels(stop - start)

    @property
    def parts(self) -> int:
        """N of equal parts, once `out_shape` has found it written (what runs after it reads this)."""
        assert self.of is not None
        return self.of

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        each = self.part_size(x.channels)
        if each is None:
            return Working(f"{x.channels}/{self.parts} = {x.channels // self.parts} channels, part {self.index}")
        start, stop = self.bounds(x.channels)
        return Working(f"{self._made(x.channels, each)}: part {self.index} is {start} to {stop - 1}, "
                       f"{stop - start} channel{'s' if stop - start != 1 else ''}")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        channels = x.shape[-1]
        if self.chunks is not None:
            step = (channels + self.chunks - 1) // self.chunks  # torch.chunk's size, the ceiling of C/N
        else:
            step = channels // self.parts if self.size is None else self.size
        low = (self.index - 1) * step
        return x[..., low:low + step].copy(), 0  # (a slice past the end stops at it, as PyTorch's split and chunk)

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        start, stop = self.bounds(x[-1])
        return _size(x[:-1]) * (stop - start) * itemsize


class Shuffle(Layer):
    """ShuffleNet's channel shuffle: the channels as G groups of C/G, read group-interleaved (channel
    j·G + g of the output is channel g·C/G + j of the input)."""

    keyword = "shuffle"
    example = "shuffle 2"
    groups: int = positional(CHANNELS)

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if x.channels % self.groups:
            ctx.report(codes.E033, f"{x.channels} channels do not form {self.groups} equal groups "
                                   f"({x.channels}/{self.groups} = {x.channels / self.groups:g})", arg="groups",
                       hint="shuffle a channel count divisible by the number of groups")
            return None
        return x

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.channel_shuffle(x, self.groups, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class PadChannels(Layer):
    """Zero channels added before and after the input's: `padchannels 8` (8 each side), `padchannels 0 after 8`.
    The ResNet paper's option A shortcut for CIFAR, which widens an identity without parameters (PyTorch's
    `F.pad(x, (0, 0, 0, 0, 8, 8))`, ONNX's Pad on the channels' axis)."""

    keyword = "padchannels"
    example = "padchannels 8"
    spatial_input = True
    before: int = positional(Int(0, limits.MAX_CHANNELS), doc="zero channels before the input's")
    after: int | None = option(Int(0, limits.MAX_CHANNELS), default=None,
                               doc="zero channels after them, when not as many as before")

    @property
    def added(self) -> Pair:
        """The zero channels before and after the input's."""
        return self.before, self.before if self.after is None else self.after

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return x.with_channels(x.channels + sum(self.added))

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        before, after = self.added
        return Working(f"{before} + {x.channels} + {after} = {y.channels} channels")

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        return np.pad(x, ((0, 0), (0, 0), (0, 0), self.added)), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x[:-1]) * (x[-1] + sum(self.added)) * itemsize


# the order of a block's values among the channels: PyTorch's (`crd`, ONNX's CRD: channel c·r² + i·r + j) or, with
# `dcr`, TensorFlow's (ONNX's DCR, MATLAB's: channel (i·r + j)·C + c): the same sizes and counts, other places
ORDERS = {"dcr": "dcr"}


class PixelShuffle(Layer):
    """Sub-pixel upsampling (ESPCN; PyTorch's PixelShuffle, ONNX's DepthToSpace in CRD order): HxWx(C·r²)
    -> (r·H)x(r·W)xC, channel c·r² + i·r + j going to row offset i, column offset j; with `dcr`, channel
    (i·r + j)·C + c (TensorFlow's depth_to_space, ONNX's DCR, MATLAB's depthToSpace2dLayer). The channels must
    divide by r² (E033)."""

    keyword = "pixelshuffle"
    example = "pixelshuffle 2"
    spatial_input = True
    factor: int = positional(CHANNELS, doc="the upscale factor r")
    order: str = flag(ORDERS, default="crd", doc="TensorFlow's order of a block among the channels, (i·r + j)·C + c")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        r2 = self.factor * self.factor
        if x.channels % r2:
            ctx.report(codes.E033, f"{x.channels} channels do not divide by {self.factor}² = {r2}", arg="factor",
                       hint=f"give it a multiple of {r2} channels")
            return None
        return Shape.volume(x.dims[0] * self.factor, x.dims[1] * self.factor, x.channels // r2)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        r = self.factor
        return Working(f"{x.dims[0]}·{r} = {y.dims[0]}, {x.dims[1]}·{r} = {y.dims[1]}, "
                       f"{x.channels}/{r}² = {y.channels}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Scale(self.factor), axis.Scale(self.factor)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        # each output unit reads one input unit, the r·r of a block the same one: as nearest upsampling
        step = field.resample(x.dims[0], x.dims[0] * self.factor, False)
        return step, field.resample(x.dims[1], x.dims[1] * self.factor, False)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.pixel_shuffle(x, self.factor, naive, self.order == "dcr"), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class PixelUnshuffle(Layer):
    """Space to depth (PyTorch's PixelUnshuffle, `pixelshuffle` undone): (R·H)x(R·W)xC -> HxWx(C·R²), row offset i
    and column offset j of each RxR block going to channel c·R² + i·R + j; with `dcr`, channel (i·R + j)·C + c
    (TensorFlow's space_to_depth, ONNX's SpaceToDepth). The height and width must divide by R (E038): PyTorch
    rounds nothing here, whatever the network's rounding; with `floor` (MATLAB's spaceToDepthLayer) the rows and
    columns past the last whole block are dropped, said as any rounded division is."""

    keyword = "pixelunshuffle"
    example = "pixelunshuffle 2"
    spatial_input = True
    factor: int = positional(CHANNELS, doc="the downscale factor R")
    order: str = flag(ORDERS, default="crd", doc="TensorFlow's order of a block among the channels, (i·R + j)·C + c")
    # the expander's rounding for this layer: by default its division is never rounded, whatever the network's
    rounding: str = flag({"floor": "floor"}, default="exact", doc="the rows and columns past the last whole block "
                                                                  "dropped (MATLAB's), not E038")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        r = self.factor
        if ctx.rounding == "floor":  # an RxR window at stride R: its arithmetic, and its rounding said, as a pool's
            # (no stride or padding of its own to change: the fixes told are input sizes)
            return window_output(x, x.channels * r * r, (r, r), (r, r), NO_PAD, (1, 1), ctx, of_the_map=True,
                                 padded=False)
        uneven = [f"the {side} {n}" for side, n in zip(("height", "width"), x.dims[:2]) if n % r]
        if uneven:
            ctx.report(codes.E038, f"{' and '.join(uneven)} {'do' if len(uneven) > 1 else 'does'} not divide by {r}",
                       arg="factor", hint=f"give it a map whose height and width are multiples of {r}")
            return None
        return Shape.volume(x.dims[0] // r, x.dims[1] // r, x.channels * r * r)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        r = self.factor
        return Working(f"{x.dims[0]}/{r} = {y.dims[0]}, {x.dims[1]}/{r} = {y.dims[1]}, "
                       f"{x.channels}·{r}² = {y.channels}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        r = self.factor
        return axis.Window(r, r, 0, 0), axis.Window(r, r, 0, 0)  # an RxR window at stride R, exact (`rounding`)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return field.window(self.factor, self.factor, 0), field.window(self.factor, self.factor, 0)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        r = self.factor
        whole = x[:, :x.shape[1] // r * r, :x.shape[2] // r * r]  # (the blocks `floor` keeps: all, unless it drops)
        return kernels.pixel_unshuffle(whole, r, naive, self.order == "dcr"), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class Upsample(Layer):
    """Each pixel repeated (nearest) or interpolated (bilinear, PyTorch's align_corners=False; `aligned`,
    align_corners=True) F times along height and width: HxWxC -> (F·H)x(F·W)xC. A decimal F (`0.5`, `1.5`)
    gives floor(F·H) x floor(F·W), as PyTorch's `scale_factor` and ONNX's Resize scales do, and reads the
    input at the factor's steps (1/F apart), not at the sizes' ratio."""

    keyword = "upsample"
    example = "upsample 2 bilinear"
    spatial_input = True
    factor: tuple[Ratio, Ratio] = positional(SCALE, doc="F, AxB, or one decimal exact in binary (0.5, 1.5)")
    mode: str = flag(MODES, default="nearest")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def sizes(self, h: int, w: int) -> tuple[int, int]:
        """The output's height and width for an HxW input: floor(F·N), exact (F is a fraction of 2^k)."""
        (hn, hd), (wn, wd) = self.factor
        return h * hn // hd, w * wn // wd

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        h, w = self.sizes(x.dims[0], x.dims[1])
        if h < 1 or w < 1:
            ctx.report(codes.E031, f"{x.dims[0]}x{x.dims[1]} scaled by {SCALE.format(self.factor)} is {h}x{w}: "
                                   f"no pixel left", arg="factor", hint="scale a larger map, or by a larger factor")
            return None
        return Shape.volume(h, w, x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        shown = [f"{n}·{num}" if den == 1 else f"⌊{n}·{num / den!r}⌋" for n, (num, den) in zip(x.dims, self.factor)]
        return Working(f"{shown[0]} = {y.dims[0]}, {shown[1]} = {y.dims[1]}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        (hn, hd), (wn, wd) = self.factor
        return axis.Scale(hn, hd), axis.Scale(wn, wd)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        bilinear = self.mode != "nearest"
        h, w = self.sizes(x.dims[0], x.dims[1])
        return field.resample(x.dims[0], h, bilinear), field.resample(x.dims[1], w, bilinear)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        size = self.sizes(x.shape[1], x.shape[2])
        scale = (self.factor[0][1] / self.factor[0][0], self.factor[1][1] / self.factor[1][0])  # PyTorch's 1/F
        return kernels.resample(x, size, scale, self.mode, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        h, w = self.sizes(x[1], x[2])
        return 3 * x[0] * h * w * x[-1] * itemsize


class Resize(Layer):
    """To a given HxW, nearest or bilinear (PyTorch's interpolate with `size`, align_corners=False;
    `aligned`, align_corners=True)."""

    keyword = "resize"
    example = "resize 520x520 bilinear"
    spatial_input = True
    size: Pair = positional(SIZE)
    mode: str = flag(MODES, default="nearest")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(self.size[0], self.size[1], x.channels)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(self.size[0]), axis.Fixed(self.size[1])

    def steps(self, x: Shape) -> tuple[Step, Step]:
        bilinear = self.mode != "nearest"
        return field.resample(x.dims[0], self.size[0], bilinear), field.resample(x.dims[1], self.size[1], bilinear)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        scale = (x.shape[1] / self.size[0], x.shape[2] / self.size[1])
        return kernels.resample(x, self.size, scale, self.mode, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 3 * x[0] * self.size[0] * self.size[1] * x[-1] * itemsize


class _Adaptive(Layer):
    """PyTorch's adaptive pooling: output cell i covers input rows floor(i·N/out) to ceil((i+1)·N/out)."""

    spatial_input = True
    family = "pool"
    size: Pair = positional(SIZE)
    reduce: ClassVar[str] = "mean"

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        return Shape.volume(self.size[0], self.size[1], x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        h, w = x.dims[0], x.dims[1]
        oh, ow = self.size
        if h % oh == 0 and w % ow == 0:
            return Working(f"windows of {h}/{oh} = {h // oh} by {w}/{ow} = {w // ow}")
        return Working(f"windows from floor(i·{h}/{oh}) to ceil((i+1)·{h}/{oh}) by "
                       f"floor(j·{w}/{ow}) to ceil((j+1)·{w}/{ow})")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Fixed(self.size[0]), axis.Fixed(self.size[1])

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return field.adaptive(x.dims[0], self.size[0]), field.adaptive(x.dims[1], self.size[1])

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        from cnncalc import kernels
        return kernels.adaptive_pool2d(x, self.size, self.reduce, naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return 2 * x[0] * self.size[0] * self.size[1] * x[-1] * itemsize + _size(x) * itemsize


class AdaptiveAvgPool(_Adaptive):
    """Mean over PyTorch's adaptive windows, to a given HxW (VGG's head at any input size)."""

    keyword = "adaptiveavgpool"
    example = "adaptiveavgpool 7x7"
    reduce = "mean"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING if self.size == (1, 1) else KEEPS_INPUT  # to 1x1, PyTorch takes the `mean`


class AdaptiveMaxPool(_Adaptive):
    """Max over PyTorch's adaptive windows, to a given HxW."""

    keyword = "adaptivemaxpool"
    example = "adaptivemaxpool 1x1"
    reduce = "max"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return Kept("input", y.size * INDEX_BYTES)


class _Padding(Layer):
    """Rows and columns added around the map: `P` (every side), `AxB` (height, width) or `T,B,L,R`;
    the subclasses say with what (numpy's `np.pad` mode, the executor's witness)."""

    spatial_input = True
    fill: ClassVar[str] = "constant"
    pad: Pad = positional(CROPPING)

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_NOTHING  # its gradient needs only the sizes

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        p = self.pad
        return Shape.volume(x.dims[0] + p.top + p.bottom, x.dims[1] + p.left + p.right, x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        p = self.pad
        return Working(f"{x.dims[0]} + {p.top} + {p.bottom} = {y.dims[0]}, {x.dims[1]} + {p.left} + {p.right} = "
                       f"{y.dims[1]}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Shift(self.pad.top + self.pad.bottom), axis.Shift(self.pad.left + self.pad.right)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return (0, 1, self.pad.top), (0, 1, self.pad.left)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        import numpy as np
        p = self.pad
        return np.pad(x, ((0, 0), (p.top, p.bottom), (p.left, p.right), (0, 0)), mode=self.fill), 0  # type: ignore[call-overload]

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        p = self.pad
        return x[0] * (x[1] + p.top + p.bottom) * (x[2] + p.left + p.right) * x[3] * itemsize


class ZeroPad(_Padding):
    """Zeros around the map: `zeropad P` (every side), `AxB` (height, width) or `T,B,L,R`."""

    keyword = "zeropad"
    example = "zeropad 0,1,0,1"


class ReflectPad(_Padding):
    """The map mirrored at its edges, the edge itself not repeated (PyTorch's `ReflectionPad2d`, ONNX's
    `reflect`): each side's padding must be smaller than the map, as PyTorch requires."""

    keyword = "reflectpad"
    example = "reflectpad 3"
    fill = "reflect"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_INPUT  # PyTorch's backward reads the input (its gradient is scattered by index)

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        p = self.pad
        for side, size, n in (("top", p.top, x.dims[0]), ("bottom", p.bottom, x.dims[0]), ("left", p.left, x.dims[1]),
                              ("right", p.right, x.dims[1])):
            if size >= n:
                ctx.report(codes.E036, f"reflecting {size} {'rows' if side in ('top', 'bottom') else 'columns'} "
                                       f"at the {side} needs more than {size} of them, but the input {x} has {n}",
                           arg="pad", hint=f"pad at most {n - 1} by reflection, or use `replicatepad` or `zeropad`")
                return None
        return super().out_shape(x, ctx)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        p = self.pad
        return (axis.Shift(p.top + p.bottom, max(p.top, p.bottom) + 1),
                axis.Shift(p.left + p.right, max(p.left, p.right) + 1))


class ReplicatePad(_Padding):
    """The edge rows and columns repeated outwards (PyTorch's `ReplicationPad2d`, ONNX's `edge`)."""

    keyword = "replicatepad"
    example = "replicatepad 1"
    fill = "edge"

    def kept(self, x: Shape, y: Shape) -> Kept:
        return KEEPS_INPUT  # as reflection padding's


class CircularPad(_Padding):
    """The map wrapped around, as on a torus: the last rows above the first, the first columns after the last
    (PyTorch's `CircularPad2d` and `padding_mode='circular'`, ONNX's `wrap`). Each side's padding at most the map's
    size, as PyTorch requires (it wraps once). The receptive field is given as zero padding's: near an edge a unit
    sees the far side of the map too."""

    keyword = "circularpad"
    example = "circularpad 1"
    fill = "wrap"

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        p = self.pad
        for side, size, n in (("top", p.top, x.dims[0]), ("bottom", p.bottom, x.dims[0]), ("left", p.left, x.dims[1]),
                              ("right", p.right, x.dims[1])):
            if size > n:
                lines = "rows" if side in ("top", "bottom") else "columns"
                ctx.report(codes.E036, f"wrapping {size} {lines} around at the {side} needs {size} of them, but the "
                                       f"input {x} has {n}", arg="pad",
                           hint=f"pad at most {n} circularly (PyTorch wraps once), or use `zeropad`")
                return None
        return super().out_shape(x, ctx)

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        p = self.pad
        return (axis.Shift(p.top + p.bottom, max(p.top, p.bottom, 1)),
                axis.Shift(p.left + p.right, max(p.left, p.right, 1)))


class Crop(Layer):
    """Rows and columns removed from the edges: `crop P`, `AxB` or `T,B,L,R` (Keras' Cropping2D)."""

    keyword = "crop"
    example = "crop 4"
    spatial_input = True
    crop: Pad = positional(CROPPING)

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW  # a window of the input's storage

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        c = self.crop
        h, w = x.dims[0] - c.top - c.bottom, x.dims[1] - c.left - c.right
        if h < 1 or w < 1:
            ctx.report(codes.E036, f"cropping {c.top}+{c.bottom} rows and {c.left}+{c.right} columns from {x} "
                                   f"leaves {h}x{w}", arg="crop",
                       hint=f"crop fewer than {x.dims[0]} rows and {x.dims[1]} columns in all")
            return None
        return Shape.volume(h, w, x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        c = self.crop
        return Working(f"{x.dims[0]} - {c.top} - {c.bottom} = {y.dims[0]}, {x.dims[1]} - {c.left} - {c.right} = "
                       f"{y.dims[1]}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        return axis.Shift(-self.crop.top - self.crop.bottom), axis.Shift(-self.crop.left - self.crop.right)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return (0, 1, -self.crop.top), (0, 1, -self.crop.left)

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        c = self.crop
        return x[:, c.top:x.shape[1] - c.bottom, c.left:x.shape[2] - c.right].copy(), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return _size(x) * itemsize


class CenterCrop(Layer):
    """The central HxW (U-Net's skip connections): the offset is round((N - n)/2), as torchvision's
    center_crop computes it (Python's round: halves to even); with `floor`, (N - n)//2, as Keras'
    CenterCrop. With `resize`, an input smaller than HxW on a side is resized, as Keras' CenterCrop
    does (its smart resize): the largest central window of HxW's aspect ratio, bilinearly to HxW."""

    keyword = "centercrop"
    example = "centercrop 56x56"
    spatial_input = True
    size: Pair = positional(SIZE)
    floor: bool = flag({"floor": True}, default=False, doc="the offset rounded down (Keras'), not halves to even")
    resize: bool = flag({"resize": True}, default=False,
                        doc="an input smaller than HxW on a side resized to it (Keras' smart resize), not E036")

    def window(self, h: int, w: int) -> tuple[int, int, int, int]:
        """(top, left, height, width) of what an HxW input gives: its central HxW, or where it is smaller on a
        side (with `resize`) Keras' window of HxW's aspect ratio, int(w·H/W) by int(h·W/H) at most h by w."""
        height, width = self.size
        if self.resize and (h < height or w < width):
            rows, columns = max(min(h, w * height // width), 1), max(min(w, h * width // height), 1)
            return (h - rows) // 2, (w - columns) // 2, rows, columns
        if self.floor:
            return (h - height) // 2, (w - width) // 2, height, width
        return round((h - height) / 2), round((w - width) / 2), height, width

    def kept(self, x: Shape, y: Shape) -> Kept:
        if self.window(x.dims[0], x.dims[1])[2:] != self.size:
            return KEEPS_NOTHING  # resized: a map of its own, whose gradient needs only the sizes (as `resize`)
        return A_VIEW  # a window of the input's storage

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        if (self.size[0] > x.dims[0] or self.size[1] > x.dims[1]) and not self.resize:
            ctx.report(codes.E036, f"a central {self.size[0]}x{self.size[1]} does not fit in {x}", arg="size",
                       hint=f"crop to at most {x.dims[0]}x{x.dims[1]} (or resize a smaller input, as Keras' "
                            f"CenterCrop does: `resize`)")
            return None
        return Shape.volume(self.size[0], self.size[1], x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        top, left, rows, columns = self.window(x.dims[0], x.dims[1])
        kept = f"rows {top} to {top + rows - 1}, columns {left} to {left + columns - 1}"
        if (rows, columns) == self.size:
            return Working(kept)
        return Working(f"{x.dims[0]}x{x.dims[1]} is smaller than {y.dims[0]}x{y.dims[1]}: {kept} ({rows}x{columns}, "
                       f"the aspect ratio of {y.dims[0]}x{y.dims[1]}), resized to {y.dims[0]}x{y.dims[1]}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        least = (1, 1) if self.resize else self.size
        return axis.Fixed(self.size[0], least[0]), axis.Fixed(self.size[1], least[1])

    def steps(self, x: Shape) -> tuple[Step, Step]:
        top, left, rows, columns = self.window(x.dims[0], x.dims[1])
        if (rows, columns) == self.size:
            return (0, 1, -top), (0, 1, -left)
        (h_extent, h_stride, h_begin), (w_extent, w_stride, w_begin) = \
            field.resample(rows, self.size[0], True), field.resample(columns, self.size[1], True)
        return (h_extent, h_stride, h_begin - top), (w_extent, w_stride, w_begin - left)  # the window, then resized

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        top, left, rows, columns = self.window(x.shape[1], x.shape[2])
        window = x[:, top:top + rows, left:left + columns]
        if (rows, columns) == self.size:
            return window.copy(), 0
        from cnncalc import kernels
        scale = (rows / self.size[0], columns / self.size[1])
        return kernels.resample(window, self.size, scale, "bilinear", naive), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        resized = self.window(x[1], x[2])[2:] != self.size  # (then resampled: rows, then columns, as `resize`)
        return (3 if resized else 1) * x[0] * self.size[0] * self.size[1] * x[-1] * itemsize


class Region(Layer):
    """The HxW region from row T and column L, counted from 0 (`x[:, :, T:T + H, L:L + W]` with numbers, as
    PyTorch's newer ONNX exporter writes every crop: FCN's, U-Net's): `region 500x500 at 19x19`. A region past
    the map's edge is E036 (Python's slice would stop at the edge: a size the crop did not mean)."""

    keyword = "region"
    example = "region 56x56 at 4x4"
    spatial_input = True
    size: Pair = positional(SIZE)
    at: Pair = option(OFFSET, default=(0, 0), called="offset",
                      doc="its first row and column (TxL; T alone for both), counted from 0")

    def kept(self, x: Shape, y: Shape) -> Kept:
        return A_VIEW  # a window of the input's storage

    def out_shape(self, x: Shape, ctx: ShapeContext) -> Shape | None:
        (height, width), (top, left) = self.size, self.at
        if top + height > x.dims[0] or left + width > x.dims[1]:
            ctx.report(codes.E036, f"a {height}x{width} region at {top}x{left} (rows {top} to {top + height - 1}, "
                                   f"columns {left} to {left + width - 1}) does not fit in {x}", arg="size",
                       hint=f"the region must end by row {x.dims[0] - 1} and column {x.dims[1] - 1}")
            return None
        return Shape.volume(height, width, x.channels)

    def working(self, x: Shape, y: Shape, ctx: ShapeContext) -> Working:
        (height, width), (top, left) = self.size, self.at
        return Working(f"rows {top} to {top + height - 1}, columns {left} to {left + width - 1}")

    def axis_rules(self) -> tuple[AxisRule, AxisRule]:
        (height, width), (top, left) = self.size, self.at
        return axis.Fixed(height, top + height), axis.Fixed(width, left + width)

    def steps(self, x: Shape) -> tuple[Step, Step]:
        return (0, 1, -self.at[0]), (0, 1, -self.at[1])

    def run(self, x: np.ndarray, w: dict[str, np.ndarray], ceil: bool, naive: bool) -> tuple[np.ndarray, int]:
        (height, width), (top, left) = self.size, self.at
        return x[:, top:top + height, left:left + width].copy(), 0

    def workspace(self, x: tuple[int, ...], ceil: bool, itemsize: int) -> int:
        return x[0] * self.size[0] * self.size[1] * x[-1] * itemsize


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n

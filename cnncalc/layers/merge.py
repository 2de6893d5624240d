"""Merge kinds: how branches that start from one input are joined. One class per kind, each with
its input rule (what each branch receives), its shape rule on the branch shapes, its diagnostics
and its executor op; `MERGES` is the registry. None has parameters or MACs: element-wise work is
not a multiply-accumulate of the convention."""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, codes, field
from cnncalc.layers.base import INDEX_BYTES
from cnncalc.layers.resize import MODES
from cnncalc.limits import MAX_EXTENT
from cnncalc.record import Protocol
from cnncalc.shape import Shape, transposed_len

if TYPE_CHECKING:
    from typing import Any, ClassVar

    import numpy as np

    from cnncalc.codes import Code
    from cnncalc.field import Step
    from cnncalc.layers.base import Layer
    from cnncalc.layers.pool import MaxPool


class MergeContext(Protocol):
    """Where a merge rule reports: the walker points the caret at the merge."""

    def report(self, code: Code, message: str, hint: str | None = None, notes: tuple[str, ...] = ()) -> None: ...


Named = tuple[str, Shape]  # a branch's label (`branch 2`, `shortcut`) and its output


class MergeKind:
    """Base of merge kinds. Every branch receives the merge's input unless `branch_inputs` says otherwise."""

    keyword: ClassVar[str]
    example: ClassVar[str]
    takes_count: ClassVar[bool] = False  # `split N`
    takes_offset: ClassVar[bool] = False  # `fit at TxL`: an offset (rows, columns) after the word `at`
    divides_input: ClassVar[bool] = False  # branches receive parts of the input (`branch_inputs`), not all of it
    # what the backward pass keeps of the branches' outputs (cnncalc/training.py): "nothing"; "others", each
    # input kept for the others' gradients (a product); "all", every input, joined two at a time, and the K - 2
    # results between (a maximum: PyTorch's `torch.maximum(a, b)` keeps both to compare them)
    keeps: ClassVar[str] = "nothing"
    # the output's height and width are the first branch's, whatever the others' (`fit`): the branches need not
    # agree in size (`solve` and the symbolic sizes read this)
    sized_by_first: ClassVar[bool] = False
    # a 1x1xC (or HxWx1) branch is broadcast over the others, whose sizes agree (`mul`'s gate; an `add` of one,
    # W051): `solve` and the symbolic sizes read this
    gates: ClassVar[bool] = False
    modes: ClassVar[tuple[str, ...]] = ()  # the words the keyword may take before `{` (`resample bilinear`)
    # the layer whose arguments the keyword takes before `{` (`maxunpool 2x2 stride 2`: a `maxpool`'s)
    takes_window: ClassVar[str | None] = None
    mode: str | None = None  # the one this instance runs with (`with_mode`)
    offset: tuple[int, int] | None = None  # the offset this instance runs from (`at`)
    window: Layer | None = None  # the layer this instance runs with (`takes_window`)

    def __eq__(self, other: object) -> bool:
        """Kinds are values: equal with the same mode and offset (a report's rows compare after a pickle)."""
        return type(other) is type(self) and isinstance(other, MergeKind) and \
            (other.mode, other.offset) == (self.mode, self.offset)

    def __hash__(self) -> int:
        return hash((type(self), self.mode, self.offset))

    def with_mode(self, mode: str) -> MergeKind:
        """This kind running with one of its `modes`."""
        raise NotImplementedError

    def at(self, offset: tuple[int, int]) -> MergeKind:
        """This kind running from an offset (rows, columns), when it `takes_offset`."""
        raise NotImplementedError

    def windowed(self, window: Layer, ceil: bool, tiled: bool) -> MergeKind:
        """This kind running with the layer it `takes_window` of, built from the arguments written, the
        rounding decided for it (ceil, or floor), and whether its windows must tile the input (its own `exact`)."""
        raise NotImplementedError

    def window_text(self) -> str:
        """The window layer's arguments as written after the keyword (`2x2 stride 2`)."""
        assert self.window is not None
        return self.window.spec_text().removeprefix(self.window.keyword).strip()

    def branch_inputs(self, x: Shape, branches: int, count: int | None, ctx: MergeContext) -> list[Shape] | None:
        return [x] * branches

    def saved(self, sizes: list[int]) -> int:
        """Bytes per image its backward pass keeps besides branch tensors (PyTorch's), given the branches' sizes
        (0 for a branch that needs no gradient)."""
        return 0

    def viewed(self) -> int | None:
        """The branch whose tensor the output is a view of, as PyTorch slices it (the backward pass keeps that
        tensor, not the view: cnncalc/training.py); None for a merge that makes a tensor of its own."""
        return None

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        raise NotImplementedError

    def working(self, outs: list[Named], y: Shape) -> str | None:
        return None

    # ---- the executor's side -----------------------------------------------------------

    def split(self, x: np.ndarray, branches: int) -> list[np.ndarray]:
        return [x] * branches

    def field_steps(self, outs: list[Shape]) -> tuple[int, tuple[Step, Step]] | None:
        """When the output's values come from one branch alone, moved: that branch and the step that
        moves its receptive field (`fit`); None for a merge whose branches all reach the output."""
        return None

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        raise NotImplementedError

    def workspace(self, shapes: list[tuple[int, ...]], itemsize: int) -> int:
        """Bytes `run` allocates for branch outputs of these (batch) shapes: the joined output."""
        return max(_size(s) for s in shapes) * itemsize * 2 if shapes else 0


def _concat_shape(outs: list[Named], ctx: MergeContext, what: str) -> Shape | None:
    first_name, first = outs[0]
    for name, shape in outs[1:]:
        if shape.is_flat != first.is_flat or shape.dims[:-1] != first.dims[:-1]:
            ctx.report(codes.E050, f"{first_name} gives {first} but {name} gives {shape}; {what} needs equal "
                                   f"height and width", hint=_align_hint(first, shape))
            return None
    depth = sum(shape.channels for _, shape in outs)
    if depth > MAX_EXTENT:
        ctx.report(codes.E031, f"the concatenation would be {depth:,} deep, above cnncalc's limit of {MAX_EXTENT:,}",
                   hint="concatenate fewer or shallower maps")
        return None
    return first.with_channels(depth)


def _align_hint(a: Shape, b: Shape) -> str:
    if a.is_flat or b.is_flat:
        return "concatenate volumes with volumes and vectors with vectors"
    dh = a.dims[0] - b.dims[0]
    if dh > 0 and dh % 2 == 0 and a.dims[0] - b.dims[0] == a.dims[1] - b.dims[1]:
        return (f"the second branch is {dh} smaller: pad its filters by {dh // 2} more "
                f"(pad (F-1)/2 keeps HxW at stride 1)")
    return "keep height and width equal in every branch: pad (F-1)/2 at stride 1, and the same strides"


class Concat(MergeKind):
    """Joins along depth; heights and widths must agree."""

    keyword = "concat"
    example = "concat { conv 64 1x1 | conv 128 3x3 pad 1 }"

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        return _concat_shape(outs, ctx, "a concat")

    def working(self, outs: list[Named], y: Shape) -> str | None:
        return "depth " + " + ".join(str(s.channels) for _, s in outs) + f" = {y.channels}"

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return np.concatenate(arrays, axis=-1)

    def workspace(self, shapes: list[tuple[int, ...]], itemsize: int) -> int:
        return sum(_size(s) for s in shapes) * itemsize


def _one_branch(keyword: str, outs: list[Named], ctx: MergeContext) -> None:
    """W004: a value-by-value join of one branch is that branch (a residual's `| identity` left out?)."""
    if len(outs) == 1:
        ctx.report(codes.W004, f"`{keyword}` of one branch joins nothing: its output is that branch's",
                   hint="add the other branch (`| identity` for the merge's input), or write `residual { … }`")


class _ValueByValue(MergeKind):
    """Joins branches of one shape value by value (add, sub, avg, max, min): shapes must be equal, or one a
    1x1xC or HxWx1 gate broadcast over the others (W051), as the frameworks' element-wise operations do."""

    gates = True

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        _one_branch(self.keyword, outs, ctx)
        full_name, full = outs[0]
        for name, shape in outs[1:]:
            if shape == full:
                continue
            merged = _broadcast(full, shape)
            article = "an" if self.keyword[0] in "aeiou" else "a"
            if merged is None:
                ctx.report(codes.E051, f"{full_name} gives {full} but {name} gives {shape}; {article} "
                                       f"{self.keyword} needs equal shapes",
                           hint=_add_hint(full_name, full, name, shape))
                return None
            gate_name, gate = (full_name, full) if merged is shape else (name, shape)
            if merged is shape:
                full_name, full = name, shape
            ctx.report(codes.W051, f"{gate_name}'s {gate} is broadcast over {full_name}'s {full}, as PyTorch's and "
                                   f"Keras' element-wise operations do",
                       hint="a gate (squeeze-and-excitation's, spatial attention's) is multiplied: `mul { … }`")
        return full


class Add(_ValueByValue):
    """Adds element-wise; shapes must be equal."""

    keyword = "add"
    example = "add { conv 64 3x3 pad 1 | identity }"  # on a 64-deep input

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return _folded(np.add, arrays)


class Sub(_ValueByValue):
    """The first branch minus the second (Keras' Subtract, ONNX's Sub, PyTorch's `a - b`); shapes must be equal."""

    keyword = "sub"
    example = "sub { identity | avgpool 3x3 stride 1 pad 1 }"  # a map less its local mean

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        if len(outs) != 2:
            ctx.report(codes.E066, f"`sub` takes two branches, the first minus the second, not {len(outs)}",
                       hint="write `sub { a | b }`; for more, nest them: `sub { sub { a | b } | c }`")
            return None
        return super().out_shape(outs, ctx)

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return _folded(np.subtract, arrays)


class Avg(_ValueByValue):
    """The branches' mean, value by value (Keras' Average, ONNX's Mean); shapes must be equal."""

    keyword = "avg"
    example = "avg { conv 64 1x1 | conv 64 3x3 pad 1 }"

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        total = _folded(np.add, arrays)
        total /= len(arrays)
        return total


class Max(_ValueByValue):
    """The largest branch's value at each position (Keras' Maximum, ONNX's Max, Caffe's Eltwise MAX,
    `torch.maximum`); shapes must be equal."""

    keyword = "max"
    example = "max { conv 64 3x3 pad 1 | identity }"
    keeps = "all"  # the gradient goes to the branch that was largest: the backward pass compares them

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return _folded(np.maximum, arrays)


class Min(_ValueByValue):
    """The smallest branch's value at each position (Keras' Minimum, ONNX's Min, `torch.minimum`); shapes must
    be equal."""

    keyword = "min"
    example = "min { conv 64 3x3 pad 1 | identity }"
    keeps = "all"  # as `max`

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return _folded(np.minimum, arrays)


def _add_hint(first_name: str, a: Shape, other_name: str, b: Shape) -> str:
    if a.is_flat or b.is_flat:
        return "make both branches give the same shape"
    if a.dims[:2] == b.dims[:2]:
        return f"project {other_name} to {a.channels} channels: `conv {a.channels} 1x1`"
    if a.channels == b.channels:
        return (f"the branches downsample differently ({a.dims[0]}x{a.dims[1]} against {b.dims[0]}x{b.dims[1]}): "
                f"give them the same strides")
    stride = b.dims[0] // a.dims[0] if a.dims[0] and b.dims[0] % a.dims[0] == 0 else 1
    proj = f"conv {a.channels} 1x1" + (f" stride {stride}" if stride > 1 else "")
    where = "`shortcut { " + proj + " }`" if other_name == "shortcut" else f"`{proj}` on {other_name}"
    return f"add a projection: {where}"


class Mul(MergeKind):
    """Multiplies element-wise: equal shapes, or a gate `1x1xC` (per channel) or `HxWx1` (per position)
    broadcast over the other branch."""

    keyword = "mul"
    gates = True
    example = "mul { identity | globalavgpool ; conv 64 1x1 ; sigmoid }"
    keeps = "others"  # each branch's gradient is the others' product

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        _one_branch(self.keyword, outs, ctx)
        full_name, full = outs[0]
        for name, shape in outs[1:]:
            merged = _broadcast(full, shape)
            if merged is None:
                ctx.report(codes.E061, f"{full_name} gives {full} but {name} gives {shape}; a mul needs equal shapes "
                                       f"or a gate 1x1x{full.channels} or {full.dims[0]}x{full.dims[1]}x1"
                           if not full.is_flat else
                           f"{full_name} gives {full} but {name} gives {shape}; a mul needs equal shapes",
                           hint="end the gate branch with `globalavgpool` and a conv to the same channels (SE), "
                                "or give both branches the same shape")
                return None
            if merged is shape:
                full_name, full = name, shape
        return full

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        total = arrays[0]
        for a in arrays[1:]:
            total = np.multiply(total, a)  # broadcasts a gate over the other branch
        return total


def _folded(ufunc: Any, arrays: list[np.ndarray]) -> np.ndarray:
    """`ufunc` folded over the branches' arrays, left to right, into a new array of their broadcast shape (a gate
    1x1xC or HxWx1 spread over the others)."""
    import numpy as np
    out = np.empty(np.broadcast_shapes(*(a.shape for a in arrays)), dtype=np.result_type(*arrays))
    out[...] = arrays[0]
    for a in arrays[1:]:
        ufunc(out, a, out=out)
    return out


def _broadcast(a: Shape, b: Shape) -> Shape | None:
    """The product's shape, or None when the shapes do not broadcast under the rule."""
    if a == b:
        return a
    if a.is_flat or b.is_flat or len(a.dims) != len(b.dims):
        return None
    for gate, full in ((a, b), (b, a)):
        if gate.dims[:2] == (1, 1) and gate.channels == full.channels:
            return full
        if gate.channels == 1 and gate.dims[:2] == full.dims[:2]:
            return full
    return None


class Split(MergeKind):
    """`split N`: the input's channels cut into N equal parts, part i feeding branch i; the branch
    outputs are concatenated along depth (ShuffleNet v2)."""

    keyword = "split"
    example = "split 2 { identity | conv 58 1x1 }"
    takes_count = True
    divides_input = True

    def branch_inputs(self, x: Shape, branches: int, count: int | None, ctx: MergeContext) -> list[Shape] | None:
        n = count or branches
        if n != branches:
            ctx.report(codes.E062, f"`split {n}` cuts the channels into {n} parts but has {branches} "
                                   f"branch{'es' if branches != 1 else ''}",
                       hint=f"write {n} branches separated by `|`, or `split {branches}`")
            return None
        if x.is_flat or x.channels % n:
            ctx.report(codes.E062, f"{x.channels} channels do not split into {n} equal parts "
                                   f"({x.channels}/{n} = {x.channels / n:.4g})",
                       hint=f"split into a number of parts that divides {x.channels}")
            return None
        return [x.with_channels(x.channels // n)] * n

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        return _concat_shape(outs, ctx, "a split (its outputs are concatenated)")

    def working(self, outs: list[Named], y: Shape) -> str | None:
        return "depth " + " + ".join(str(s.channels) for _, s in outs) + f" = {y.channels}"

    def split(self, x: np.ndarray, branches: int) -> list[np.ndarray]:
        import numpy as np
        return list(np.split(x, branches, axis=-1))

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        return np.concatenate(arrays, axis=-1)

    def workspace(self, shapes: list[tuple[int, ...]], itemsize: int) -> int:
        return sum(_size(s) for s in shapes) * itemsize


class _ToReference(MergeKind):
    """X brought to REF's height and width (`fit`, `resample`): two branches of maps, the output X's channels on
    REF's height and width; E065 otherwise."""

    sized_by_first = True
    done: ClassVar[str]  # what happens to X, in E065's words: `fitted`, `resampled`

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        if len(outs) != 2 or any(shape.is_flat for _, shape in outs):
            given = ", ".join(f"{name} gives {shape}" for name, shape in outs)
            ctx.report(codes.E065, f"`{self.keyword}` takes two branches of maps, the reference and the map "
                                   f"{self.done} to it: {given}",
                       hint=f"write `{self.keyword} {{ @reference | identity }}`")
            return None
        (_, ref), (_, x) = outs
        return Shape.volume(ref.dims[0], ref.dims[1], x.channels)


class Fit(_ToReference):
    """`fit { REF | X }`: X zero-padded, or cropped where it is larger, to REF's height and width, the
    odd row and column at the bottom and right: U-Net's `F.pad(x1, [dX // 2, dX - dX // 2, dY // 2,
    dY - dY // 2])` with dY, dX what x2 has more, before `torch.cat([x2, x1], 1)`. Only REF's size is
    read; the output has X's channels. `fit at TxL { REF | X }` crops X from row T and column L instead
    (Caffe's Crop layer, `x[:, :, T:T + H, L:L + W]`): X must reach that far, else E036. `fit channels { REF | X }`
    also gives X REF's channels, zero channels after its own (ENet's and PyramidNet's shortcut, `torch.cat((x,
    torch.zeros(n, c_ref - c_x, h, w)), 1)`): X must not have more, else E065."""

    keyword = "fit"
    example = "fit { identity | conv 64 5x5 ; upsample 2 }"  # 16 -> 12 -> 24, cropped back to 16
    done = "fitted"
    takes_offset = True
    modes = ("channels",)

    def __init__(self, offset: tuple[int, int] | None = None, mode: str | None = None) -> None:
        self.offset = offset  # (rows, columns) cropped from the top and left; None: centred
        self.mode = mode  # "channels": REF's channels too

    def at(self, offset: tuple[int, int]) -> MergeKind:
        return Fit(offset, self.mode)

    def with_mode(self, mode: str) -> MergeKind:
        return Fit(self.offset, mode)

    def viewed(self) -> int | None:
        return None if self.offset is None else 1  # `x[:, :, t:t + h, l:l + w]`; padding makes a new tensor

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        y = super().out_shape(outs, ctx)
        if y is not None and self.mode == "channels":
            (_, ref), (name, x) = outs
            if x.channels > ref.channels:
                ctx.report(codes.E065, f"`fit channels` adds zero channels to {name}'s {x.channels} up to the "
                                       f"reference's {ref.channels}, but it has more",
                           hint="swap the branches (the reference first), or `slice` the map's channels first")
                return None
            y = Shape.volume(ref.dims[0], ref.dims[1], ref.channels)
        if y is None or self.offset is None:
            return y
        (_, ref), (name, x) = outs
        short = [f"{axis}: {x.dims[i]} < {ref.dims[i]} + {self.offset[i]}"
                 for i, axis in enumerate(("rows", "columns")) if x.dims[i] < ref.dims[i] + self.offset[i]]
        if short:
            ctx.report(codes.E036, f"`fit at {self.offset[0]}x{self.offset[1]}` crops {name}'s {x} to the "
                                   f"reference's {ref.dims[0]}x{ref.dims[1]} from row {self.offset[0]}, column "
                                   f"{self.offset[1]}, but it is too small ({'; '.join(short)})",
                       hint="a smaller offset, or `fit` alone, which pads what is missing")
            return None
        return y

    def working(self, outs: list[Named], y: Shape) -> str | None:
        (_, ref), (_, x) = outs
        if self.offset is not None:
            (t, left), (h, w) = self.offset, ref.dims[:2]
            return f"rows {t} to {t + h - 1} of {x.dims[0]}, columns {left} to {left + w - 1} of {x.dims[1]}"
        dy, dx = ref.dims[0] - x.dims[0], ref.dims[1] - x.dims[1]
        channels = f"; {ref.channels} - {x.channels} = {ref.channels - x.channels} zero channels after X's " \
            f"{x.channels}" if self.mode == "channels" else ""
        return (f"{ref.dims[0]} - {x.dims[0]} = {dy} rows: {dy // 2} at the top, {dy - dy // 2} at the bottom; "
                f"{ref.dims[1]} - {x.dims[1]} = {dx} columns: {dx // 2} left, {dx - dx // 2} right "
                f"(negative: cropped){channels}")

    def _top_left(self, ref: tuple[int, ...], x: tuple[int, ...]) -> tuple[int, int]:
        """Where X's first row and column land in the output (negative: cropped)."""
        if self.offset is not None:
            return -self.offset[0], -self.offset[1]
        return (ref[0] - x[0]) // 2, (ref[1] - x[1]) // 2

    def field_steps(self, outs: list[Shape]) -> tuple[int, tuple[Step, Step]] | None:
        ref, x = outs
        top, left = self._top_left(ref.dims, x.dims)
        return 1, ((0, 1, top), (0, 1, left))

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        import numpy as np
        ref, x = arrays
        n, h, w, c = x.shape
        height, width = ref.shape[1], ref.shape[2]
        top, left = self._top_left(ref.shape[1:3], x.shape[1:3])
        y = np.zeros((n, height, width, ref.shape[3] if self.mode == "channels" else c), dtype=x.dtype)
        rows, cols = min(h - max(-top, 0), height - max(top, 0)), min(w - max(-left, 0), width - max(left, 0))
        y[:, max(top, 0):max(top, 0) + rows, max(left, 0):max(left, 0) + cols, :c] = \
            x[:, max(-top, 0):max(-top, 0) + rows, max(-left, 0):max(-left, 0) + cols]
        return y


class Resample(_ToReference):
    """`resample [nearest|bilinear|aligned] { REF | X }`: X resampled to REF's height and width, nearest by
    default; bilinear is PyTorch's align_corners=False, `aligned` True: `F.interpolate(x, size=ref.shape[-2:])`,
    as segmentation heads return to the input's size whatever it is. Only REF's size is read; X's channels."""

    keyword = "resample"
    example = "resample bilinear { identity | conv 8 2x2 stride 2 }"  # 16 -> 8 -> back to 16
    done = "resampled"
    modes = tuple(MODES)

    def __init__(self, mode: str = "nearest") -> None:
        self.mode = mode

    def with_mode(self, mode: str) -> MergeKind:
        return _RESAMPLES[mode]

    def working(self, outs: list[Named], y: Shape) -> str | None:
        (_, ref), (_, x) = outs
        return f"{x.dims[0]}x{x.dims[1]} resampled ({self.mode}) to the reference's {ref.dims[0]}x{ref.dims[1]}"

    def field_steps(self, outs: list[Shape]) -> tuple[int, tuple[Step, Step]] | None:
        ref, x = outs
        bilinear = self.mode != "nearest"
        return 1, (field.resample(x.dims[0], ref.dims[0], bilinear), field.resample(x.dims[1], ref.dims[1], bilinear))

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        from cnncalc import kernels
        ref, x = arrays
        size = (ref.shape[1], ref.shape[2])
        return kernels.resample(x, size, (x.shape[1] / size[0], x.shape[2] / size[1]), str(self.mode))

    def workspace(self, shapes: list[tuple[int, ...]], itemsize: int) -> int:
        ref, x = shapes
        return 3 * x[0] * ref[1] * ref[2] * x[-1] * itemsize  # as the `resize` layer's


_RESAMPLES = {mode: Resample(mode) for mode in MODES}


class _WindowContext:
    """The unpooling's max pool, sized on REF by its own shape rule (its padding's limit, an empty output), with
    the rounding decided for it; what it reports is reported at the merge."""

    __slots__ = ("merge", "rounding")

    def __init__(self, merge: MergeContext, ceil: bool) -> None:
        self.merge, self.rounding = merge, "ceil" if ceil else "floor"

    rounding_source = "as the max pool that gave the indices rounds"
    rounding_stated = True

    def report(self, code: Code, message: str, arg: str | None = None, hint: str | None = None,
               notes: tuple[str, ...] = ()) -> None:
        self.merge.report(code, f"its max pool on the reference: {message}", hint, notes)

    def divided(self, height: tuple[int, int], width: tuple[int, int]) -> None:
        """(An answer judges the merge's output, not the pool's sizes.)"""

    def no_window(self) -> None:
        """(As `divided`.)"""


class MaxUnpool(MergeKind):
    """SegNet's upsampling: X's values put back where REF's maxima were in a max pool's windows, zeros elsewhere.
    `maxunpool KxK [stride S] [pad P] [dilation D] [floor|ceil|exact] { REF | X }` takes that pool's arguments; each
    value goes where REF's largest value was in its window (the first, row by row, as PyTorch's indices are):
    PyTorch's `F.max_unpool2d(x, indices, K, S, P, output_size=ref.shape[-2:])` with the indices of
    `F.max_pool2d(ref, K, S, P, return_indices=True)`. X must be the shape the pool gives REF (E067); the output
    has REF's shape. Where windows overlap (W067), the later window's value replaces an earlier one's at a shared
    place; PyTorch leaves which one undefined. With `exact` the windows must tile REF (E067 otherwise): PyTorch's
    `max_unpool2d` without `output_size` unpools to (h - 1)·S - 2P + K, REF's size only then; elsewhere its values
    land at other places, or it fails."""

    keyword = "maxunpool"
    example = "maxunpool 2x2 { identity | maxpool 2x2 ; conv 64 3x3 pad 1 }"  # on a 64-deep input
    sized_by_first = True
    takes_window = "maxpool"

    window: MaxPool | None

    def __init__(self, window: MaxPool | None = None, ceil: bool = False, tiled: bool = False) -> None:
        self.window, self.ceil, self.tiled = window, ceil, tiled

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MaxUnpool) and \
            (other.window, other.ceil, other.tiled) == (self.window, self.ceil, self.tiled)

    def __hash__(self) -> int:
        return hash((MaxUnpool, self.window, self.ceil, self.tiled))

    def windowed(self, window: Layer, ceil: bool, tiled: bool) -> MergeKind:
        from cnncalc.layers.pool import MaxPool
        assert isinstance(window, MaxPool)
        return MaxUnpool(window, ceil, tiled)

    def out_shape(self, outs: list[Named], ctx: MergeContext) -> Shape | None:
        if len(outs) != 2 or any(shape.is_flat for _, shape in outs):
            given = ", ".join(f"{name} gives {shape}" for name, shape in outs)
            ctx.report(codes.E065, f"`maxunpool` takes two branches of maps, the map that was max-pooled and the "
                                   f"values put back where its maxima were: {given}",
                       hint="write `maxunpool 2x2 { @before_the_pool | identity }`")
            return None
        assert self.window is not None
        (_, ref), (name, x) = outs
        pooled = self.window.out_shape(ref, _WindowContext(ctx, self.ceil))
        if pooled is None:
            return None
        if x != pooled:
            ctx.report(codes.E067, f"`maxunpool {self.window_text()}` puts back values where {ref}'s maxima were: "
                                   f"it takes the {pooled} that pool gives, but {name} gives {x}",
                       hint=f"unpool the map whose pooling gave {x}, or give {name} the pooled map's shape")
            return None
        if self.tiled and not self.tiles(ref, pooled, ctx):
            return None
        reach, step = self.window.reach(), self.window.step
        if reach[0] > step[0] or reach[1] > step[1]:
            ctx.report(codes.W067, f"`maxunpool {self.window_text()}`: its windows overlap ({reach[0]}x{reach[1]} at "
                                   f"stride {step[0]}x{step[1]}): where two windows' maxima are one place, PyTorch "
                                   f"keeps either value, which one undefined; `verify` keeps the later window's",
                       hint="a pool whose stride is its window (2x2 stride 2, SegNet's) puts each value in its own "
                            "place")
        return ref

    def tiles(self, ref: Shape, pooled: Shape, ctx: MergeContext) -> bool:
        """`exact`: whether the pool's windows tile REF, so that PyTorch's size without `output_size`, (h - 1)·S -
        2P + K, is REF's; E067 with that arithmetic where they do not."""
        from cnncalc.layers.window import resolve_pad
        assert self.window is not None
        w = self.window
        pad = resolve_pad(ref, w.kernel, w.step, w.dilation, w.pad)
        sides = []
        for p, s, (begin, end), k, n in zip(pooled.dims, w.step, ((pad.top, pad.bottom), (pad.left, pad.right)),
                                            w.reach(), ref.dims):
            padding = f"2·{begin}" if begin == end else f"({begin} + {end})"
            size = transposed_len(p, k, s, begin + end, 0)  # a transposed window's rule: PyTorch's unpooled size
            sides.append((f"({p} - 1)·{s} - {padding} + {k} = {size}", size, n))
        if all(size == n for _, size, n in sides):
            return True
        shown = f"{sides[0][1]}x{sides[1][1]}"
        ctx.report(codes.E067, f"`maxunpool {self.window_text()}` unpools to (h - 1)·S - 2P + K: {sides[0][0]} rows "
                               f"and {sides[1][0]} columns, {shown}, where the reference is {ref.dims[0]}x"
                               f"{ref.dims[1]}: the pool's windows do not tile it",
                   hint="PyTorch's max_unpool2d without output_size puts the values at other places there, or fails: "
                        "pass output_size=x.size() of the pooled map (and drop `exact`), or give the reference a "
                        "size the windows tile")
        return False

    def saved(self, sizes: list[int]) -> int:
        return sizes[1] * INDEX_BYTES  # the indices it computed (int64), where X's gradient is read back

    def working(self, outs: list[Named], y: Shape) -> str | None:
        (_, ref), (_, x) = outs
        return f"{x} placed at the maxima of `maxpool {self.window_text()}` windows of {ref}, zeros elsewhere"

    def field_steps(self, outs: list[Shape]) -> tuple[int, tuple[Step, Step]] | None:
        """X's values, each moved to a place in its window: X's field spread as a transposed window's (REF's values
        only choose the place; X was computed from them)."""
        assert self.window is not None
        (kh, kw), (sh, sw), pad, (dh, dw) = self.window.kernel, self.window.step, self.window.pad, \
            self.window.dilation
        return 1, (field.transposed(kh, sh, pad.top, dh), field.transposed(kw, sw, pad.left, dw))

    def run(self, arrays: list[np.ndarray]) -> np.ndarray:
        from cnncalc import kernels
        assert self.window is not None
        ref, x = arrays
        w = self.window
        pads = kernels.pads_for(w.pad, ref.shape[1:3], w.kernel, w.step, w.dilation)
        return kernels.max_unpool2d(ref, x, w.kernel, w.step, pads, w.dilation, self.ceil)

    def workspace(self, shapes: list[tuple[int, ...]], itemsize: int) -> int:
        ref, x = shapes
        taps = self.window.kernel[0] * self.window.kernel[1] if self.window is not None else 1
        return (_size(ref) + taps * _size(x)) * itemsize + 3 * _size(x) * 8  # padded REF, the taps, the indices


def _size(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


MERGES: dict[str, MergeKind] = {kind.keyword: kind for kind in (Concat(), Add(), Sub(), Avg(), Max(), Min(), Mul(),
                                                                 Split(), Fit(), _RESAMPLES["nearest"],
                                                                 MaxUnpool())}

"""The spec as written, as immutable named tuples (cheap to define and create).

Block definitions and calls, `repeat`, merges with their branches, integer expressions and
answers. Every node keeps its source span (character offsets). A `Line` whose text repeats an
earlier line verbatim may share that line's items: its `shift` says how far to move their spans.
`expand.py` turns the IR into the resolved tree (`tree.py`). Every notation (the spec language,
the lecture's, imported models) reads into this IR.
"""
from __future__ import annotations

from bisect import bisect_left

from cnncalc import TYPE_CHECKING
from cnncalc.diagnostics import Span
from cnncalc.limits import MAX_LITERAL_DIGITS
from cnncalc.record import NamedTuple, make

if TYPE_CHECKING:
    from collections.abc import Mapping

# ---- integer expressions -------------------------------------------------------------


class Num(NamedTuple):
    value: int
    span: Span


class Var(NamedTuple):
    name: str
    span: Span


class BinOp(NamedTuple):
    op: str  # + - * //
    left: Expr
    right: Expr
    span: Span


class Neg(NamedTuple):
    operand: Expr
    span: Span


class PairLit(NamedTuple):
    """`11x11` or `1x7`: a height and a width (a block argument may hold one)."""

    items: tuple[Expr, Expr]
    span: Span


Expr = Num | Var | BinOp | Neg | PairLit

# ---- layer argument values -----------------------------------------------------------


class Sides(NamedTuple):
    """`1,2,1,2`: padding or cropping per side (top, bottom, left, right)."""

    items: tuple[Expr, ...]
    span: Span


class Word(NamedTuple):
    """A bare word value (`same`, `bilinear`) or a flag (`nobias`, `ceil`)."""

    text: str
    span: Span


class Real(NamedTuple):
    text: str
    span: Span


class Range(NamedTuple):
    """`A:B`: channels A … B-1 (`slice`); `A:` (stop None) to the last channel."""

    start: Expr
    stop: Expr | None
    span: Span


class Volume(NamedTuple):
    """`11x11x3`: a kernel written with its depth, which must equal the input's."""

    items: tuple[Num, Num]
    depth: int
    span: Span


Value = Num | Var | BinOp | Neg | PairLit | Sides | Word | Real | Range | Volume


class Arg(NamedTuple):
    name: str  # the argument of the layer's schema it sets
    value: Value
    span: Span  # the option word and its value


# ---- items of a line -----------------------------------------------------------------


class LayerCall(NamedTuple):
    keyword: str
    args: tuple[Arg, ...]
    label: str | None
    span: Span
    valid: bool = True  # False when the layer could not be read (reported): its output is unknown
    rounding_by: str = ""  # the framework whose rule its `floor`/`ceil` is (Caffe pools up), not the author
    # True: `rounding_by` is a definition that rounds on purpose (torchvision's models as cnncalc writes them), so
    # its inexact divisions are notes, as in a spec that states its rounding, not warnings
    rounding_stated: bool = False
    shares: Ref | None = None  # `shares NAME`: the weights are those of the earlier layer NAME (counted there)
    to: Ref | None = None  # `deconv … to @NAME`: the output takes NAME's height and width (PyTorch's output_size)


class KwArg(NamedTuple):
    name: str
    value: Expr
    span: Span


class BlockCall(NamedTuple):
    block: str
    args: tuple[Expr, ...]
    kwargs: tuple[KwArg, ...]
    label: str | None
    span: Span


class Ref(NamedTuple):
    """`@NAME` at the start of a branch: the branch starts from NAME's output; also `shares NAME` after a layer, and
    `to @NAME` after a transposed convolution."""

    name: str
    span: Span


class Branch(NamedTuple):
    body: Seq
    ref: Ref | None
    name: str  # `1`, `2`, … or `body`/`shortcut`
    span: Span


class Merge(NamedTuple):
    """`concat { a | b }`, `add`, `mul`, `split N`; `residual { body } shortcut { proj }` is an add."""

    kind: str  # a key of layers.merge.MERGES, or `residual`
    arg: Expr | None  # split's N, or fit's offset after `at` (`19`, `19x20`)
    branches: tuple[Branch, ...]
    label: str | None
    span: Span
    mode: str | None = None  # one of the kind's `modes`, as written (`resample bilinear`)
    window: LayerCall | None = None  # the layer whose arguments the kind takes (`maxunpool 2x2`: a `maxpool 2x2`)


class Repeat(NamedTuple):
    times: Expr
    body: Seq
    label: str | None
    span: Span


class Side(NamedTuple):
    """`side { … }` (an extra output) or `side train { … }` (a training-only head)."""

    train: bool
    body: Seq
    label: str | None
    span: Span


Item = LayerCall | BlockCall | Merge | Repeat | Side

# ---- answers -------------------------------------------------------------------------

# The words an answer's counts follow, in any case, and the quantity each names (`MACs 105.4M`,
# `Parameters 34944`); every notation's reader reads them from here.
ANSWER_WORDS = {"params": "params", "parameters": "params", "weights": "weights", "biases": "biases", "macs": "macs",
                "memory": "memory", "connections": "connections"}
NOUNS = {"params": "parameter", "weights": "weight", "biases": "bias", "macs": "MAC",
         "memory": "memory", "filter_params": "per-filter parameter",
         "filter_weights": "per-filter weight",  # "the parameter count"; a filter's own (`filter params 76`)
         "filter_biases": "per-filter bias",  # a filter's bias: 1, or 0 for a layer without biases
         "connections": "connection",  # the LeNet paper's: each output value's inputs and bias, at every position
         "input_memory": "input value"}  # the values the line receives (`input memory 4096`), as `memory` its output's
PLURALS = {"params": "parameters", "weights": "weights", "biases": "biases", "macs": "MACs", "memory": "memory",
           "filter_params": "per-filter parameters", "filter_weights": "per-filter weights",
           "filter_biases": "per-filter biases",
           "connections": "connections", "input_memory": "input values"}  # "it has no biases"
COUNTED = tuple(NOUNS)  # the quantities an answer counts, each an Expectation field
FLOPS_HINT = ("FLOPs are 2·MACs in some sources and the MACs themselves in others (the ResNet paper's 3.6 billion "
              "FLOPs of its 34-layer net are multiply-adds): write the answer as MACs")  # so FLOPs are never judged


_BINARY_PREFIXES = {10**3: 2**10, 10**6: 2**20, 10**9: 2**30, 10**12: 2**40}  # KB as KiB, MB as MiB, …


class Count(NamedTuple):
    """A number in an answer: exact (`34944`, `34,944`) or rounded at the precision written (`62.4M`).

    Its value is `digits / 10**decimals * unit`, kept in integers: `62.4M` is 624, 1, 10**6.
    """

    digits: int
    decimals: int
    unit: int
    text: str
    span: Span
    in_bytes: bool = False  # written with `B` (`1.16MB`): a memory answer in bytes, not in values

    @property
    def exact(self) -> bool:
        return self.unit == 1 and self.decimals == 0

    def compare(self, actual: int) -> int:
        """The sign of `actual - value`, exactly."""
        difference = actual * _pow10(self.decimals) - self.digits * self.unit
        return int(difference > 0) - int(difference < 0)

    @property
    def amount(self) -> int:
        """The value as a whole number (a budget's limit; fractions of a unit truncated)."""
        return self.digits * self.unit // _pow10(self.decimals)

    def accepts_either(self, actual: int) -> bool:
        """`accepts`, or for a byte count its prefix read in powers of 1024 (`40KB` as 40,960 bytes, as many
        write KiB): an answer right under either reading is right. A budget reads KB as 1000 bytes."""
        binary = _BINARY_PREFIXES.get(self.unit) if self.in_bytes else None
        return self.accepts(actual) or (binary is not None and self._replace(unit=binary).accepts(actual))

    def accepts(self, actual: int) -> bool:
        """`35K` accepts 34,944 (34.944 rounds to 35 at 0 decimals); `34944` only itself.

        |actual/unit - digits/10^d| <= 0.5/10^d, multiplied through by 2·unit·10^d.
        """
        if self.exact:
            return actual == self.digits
        return abs(2 * (actual * _pow10(self.decimals) - self.digits * self.unit)) <= self.unit

    def agrees(self, other: Count) -> bool:
        """Whether one value could be both answers (`35K` and `34,944` can, `35K` and `36,944` cannot):
        their intervals meet, |a - b| <= half a's unit + half b's, in integers."""
        a = self.digits * self.unit * _pow10(other.decimals)
        b = other.digits * other.unit * _pow10(self.decimals)
        reach = (0 if self.exact else self.unit * _pow10(other.decimals)) + \
            (0 if other.exact else other.unit * _pow10(self.decimals))
        return abs(2 * (a - b)) <= reach

    def agrees_either(self, other: Count) -> bool:
        """`agrees`, or for a byte count its prefix read in powers of 1024 (`3KB` as 3,072 bytes)."""
        binary = _BINARY_PREFIXES.get(self.unit) if self.in_bytes else None
        return self.agrees(other) or (binary is not None and self._replace(unit=binary).agrees(other))

    def as_bytes(self, per_value: int) -> Count:
        """The count's values as bytes, `per_value` each (156 parameters as float32: 624 bytes)."""
        return self._replace(unit=self.unit * per_value, in_bytes=True)

    def significant(self) -> Count:
        """The count with its last zeros read as rounding, at two significant digits at least: `800K` is
        8.0·10⁵, an approximate `~35000` is 35·10³ (both as sizes and rough counts are quoted)."""
        digits, unit = self.digits, self.unit
        while digits % 10 == 0 and digits >= 100:
            digits, unit = digits // 10, unit * 10
        return self._replace(digits=digits, unit=unit)

    def approximate(self) -> Count:
        """The count said to be approximate (`~35000`): an exact one read at its rounding (`significant`), written
        with its `~` (so a converted spec says it too); one with a unit (`~35K`) is as written."""
        return self.significant()._replace(text=f"~{self.text}") if self.exact else self

    def near(self, actual: int) -> bool:
        """Within one unit of the last digit written (`106M` of 105,415,200)."""
        return abs(actual * _pow10(self.decimals) - self.digits * self.unit) <= self.unit


def _pow10(n: int) -> int:
    return int(10**n)


def compared(dims: tuple[int, ...], output: tuple[int, ...]) -> list[tuple[int, int, int]] | None:
    """The (index, written, output) pairs a shape answer is judged on; None when its form cannot fit.

    `55x55x96` against a volume; `5x5` against a volume's height and width (the lecture's "output
    is 5x5"); `4096` against a flat vector, or the depth of a 1x1xC volume (the same values); and
    a flat vector written as a volume or a column: `1x1x10` (the CS231n notes' "[1x1x10]" for the
    class scores), `3072x1` or `1x3072` (the lecture's "stretch to 3072 x 1")."""
    if len(dims) == len(output):
        return [(i, d, output[i]) for i, d in enumerate(dims)]
    if len(dims) == 2 and len(output) == 3:
        return [(0, dims[0], output[0]), (1, dims[1], output[1])]
    if len(dims) == 1 and len(output) == 3 and output[:2] == (1, 1):
        return [(2, dims[0], output[2])]
    if len(output) == 1 and (dims[:2] == (1, 1) if len(dims) == 3 else len(dims) == 2 and 1 in dims):
        return [(0, dims[-1] if len(dims) == 3 or dims[0] == 1 else dims[0], output[0])]
    return None


HWC, CHW = "hwc", "chw"  # the orders of a volume's sizes (ShapeAnswer.order)


class ShapeAnswer(NamedTuple):
    """`55x55x96`, `4096`, or `5x5` (the spatial part, or a single-depth output); no sizes (`invalid`,
    the lecture's "doesn't fit"): the answer that the line's division is not exact, and with `ratio`
    the value it gives (`2.33`, as the lecture writes `(7 - 3)/3 + 1 = 2.33`). With `axis`, one side of
    the output (`depth 96`, the CS231n notes' `D2 = 96`): `dims` holds that size alone."""

    dims: tuple[int, ...]
    text: str
    span: Span
    axis: int | None = None  # an index of SIDES
    ratio: tuple[int, int] | None = None  # `2.33`: (233, 100), the written digits over a power of ten
    # `size 32` (the lecture's `Output size: 32`, its `(N - F)/stride + 1`): one number that is the side of a
    # square output's height and width, or a vector's length
    square: bool = False
    # a padding asked as the one that would keep the window's output the size of its input (`What padding keeps the
    # output at 7x7? 1`), whatever padding the layer has
    kept: bool = False
    # the order of three sizes: HWC as cnncalc reads volumes (said so, or built from words: `28x28 with 8 channels`),
    # CHW written channels first and read so (`dims` hold it as HxWxC; `(CxHxW)` after it), or None, written bare in
    # the lecture's notation (`10x32x32`, `(10, 32, 32)`): read in the order of its network's input
    # (`Input.channels_first`)
    order: str | None = HWC
    # a layer's whole weights (`Weight shape: 96x3x11x11`, an FC layer's matrix `Weight matrix: 100x256`; the spec's
    # `weights 100x256`), not one filter's shape
    weights: bool = False

    def judged(self, output: tuple[int, ...]) -> tuple[int, ...]:
        """The sizes to judge against `output` (a volume, or another answer's height and width): a `square`
        answer's side twice for the height and width; for a 1x1xC volume, its values as `4096` answers those,
        unless the number is the side, 1."""
        if self.square and len(self.dims) == 1 and len(output) in (2, 3) and \
                (output[:2] != (1, 1) or self.dims == (1,)):
            return self.dims * 2
        return self.dims


def division_answer(text: str, span: Span) -> ShapeAnswer | None:
    """`2.33` as the value of `(N - F + 2P)/S + 1` that is not whole (the lecture's stride 3 on a 7x7
    input); `3.0` as the side 3; None when `text` is not a decimal of at most MAX_LITERAL_DIGITS digits."""
    whole, point, fraction = text.partition(".")
    if not (point and whole.isdigit() and fraction.isdigit() and whole.isascii() and fraction.isascii()) or \
            len(whole) + len(fraction) > MAX_LITERAL_DIGITS:
        return None
    if not int(fraction):
        side = int(whole)
        return ShapeAnswer((side, side), text, span) if side else None
    return ShapeAnswer((), text, span, ratio=(int(whole + fraction), 10 ** len(fraction)))


SIDES = ("height", "width", "depth")  # an output's sides, as answered one at a time (`-> depth 96`)


class Expectation(NamedTuple):
    shape: ShapeAnswer | None
    params: Count | None
    macs: Count | None
    span: Span
    weights: Count | None = None  # parameters without biases (the CS231n notes' "weights")
    memory: Count | None = None  # the values of the line's output (the CS231n notes' per-layer "memory")
    # one side of the output each, by `axis` (`-> depth 96`, `D2 = 96`); or, with no axis, a square output's side
    # answered above a volume that says another (`Output = 55 = (227-11)/4+1`, then `[54x54x96]`): both judged
    sides: tuple[ShapeAnswer, ...] = ()
    biases: Count | None = None  # the biases alone (`params` less `weights`)
    field: ShapeAnswer | None = None  # the receptive field of the line's output, `7` or `7x7` (`-> rf 7x7`)
    filter_params: Count | None = None  # one filter's parameters (`filter params 76`; a neuron's, for `fc`)
    filter_weights: Count | None = None  # one filter's weights, its bias left out (`filter weights 75`)
    padding: ShapeAnswer | None = None  # the zero padding of the line's sliding window on each side, `3` or `1x2`
    #   (rows, columns; `-> padding 3`, Ng's "What is the padding?" for a `same` convolution)
    received: ShapeAnswer | None = None  # the volume the line's first layer receives (`-> input 16x16x16`, a
    #   table's Input column)
    # no answer: an input stated before the line's layer, which is read as the network going on though the sheet
    # may mean an example of its own on that input (`Input volume: 7x7x3`, then `Second layer (POOL1): …`; lecture.py
    # `_went_on`, `_Net.reopens`): what rests on the difference is not judged (walker.py `Walker.restated`)
    restated: ShapeAnswer | None = None
    filter_shape: ShapeAnswer | None = None  # the shape of one filter of the line's layer, `11x11x3` (height, width,
    #   the depth it covers; `11x11` its height and width alone; `-> filter 11x11x3`, the lecture's `Filter shape:`)
    connections: Count | None = None  # the LeNet paper's connections: every output value's inputs and its bias
    filter_biases: Count | None = None  # one filter's biases (`filter biases 1`; 0 when the layer has none)
    input_memory: Count | None = None  # the values the line's first layer receives (`-> input memory 4096`)


def answered(shape: ShapeAnswer | None, counts: Mapping[str, Count | None], span: Span,
             sides: tuple[ShapeAnswer, ...] = (), field: ShapeAnswer | None = None,
             padding: ShapeAnswer | None = None, received: ShapeAnswer | None = None,
             filter_shape: ShapeAnswer | None = None) -> Expectation:
    """A line's answers from its counts by quantity (COUNTED): each reader collects them so, and none is
    left out on the way."""
    return Expectation(shape, counts.get("params"), counts.get("macs"), span, counts.get("weights"),
                       counts.get("memory"), sides, counts.get("biases"), field, counts.get("filter_params"),
                       counts.get("filter_weights"), padding, received, filter_shape=filter_shape,
                       connections=counts.get("connections"), filter_biases=counts.get("filter_biases"),
                       input_memory=counts.get("input_memory"))


# `expect total …`: memory is bytes, parameters plus activations; activations are the values of every layer's
# output per image, as the CS231n notes' "TOTAL memory" (a count in bytes: those values as float32)
TOTALS = ("params", "weights", "biases", "macs", "memory", "activations")


class TotalExpectation(NamedTuple):
    """`expect total params|macs|memory [in conv layers] [op] N`, `expect output HxWxC`."""

    quantity: str  # one of TOTALS, or output
    op: str  # == <= < >= >
    limit: Count | None
    shape: ShapeAnswer | None
    span: Span
    # a worked example's `Total params: …` written between layers: the layer above's whole count or the total
    # through it may be meant, as much as the network's
    between: bool = False
    family: str | None = None  # the total of one kind of layer only (`in conv layers`: layers.FAMILIES)
    # why the sheet leaves open which layers it sums, so that it is not judged: its network starts from an input stated
    # where the network above stands (`Input: 55x55x96` under CONV1's 55x55x96, then `POOL1: …`)
    unsure: str = ""
    # a count of parameters with the running statistics (Keras' "Total params", above its "Trainable params" and
    # "Non-trainable params"): `Totals.all_params`
    with_statistics: bool = False


def placed(totals: list[TotalExpectation], lines: list[Line]) -> tuple[TotalExpectation, ...]:
    """The totals of a network, each marked `between` when lines come both above and below it, when the line above
    answered its weights and its biases but not their sum (the worked example's `Weights: …`, `Biases: …`, `Total
    params: …` under its last layer), or when its reader marked it so (`How many parameters in total?`)."""
    if not lines or not totals:
        return tuple(totals)
    starts = [line.span.start + line.shift for line in lines]
    placed = []
    for t in totals:
        above = bisect_left(starts, t.span.start)
        said = lines[above - 1].expectation if above else None
        summed = said is not None and said.weights is not None and said.biases is not None and said.params is None
        placed.append(t._replace(between=t.between or summed or 0 < above < len(lines)))
    return tuple(placed)


# ---- structure -----------------------------------------------------------------------


class Line(NamedTuple):
    items: tuple[Item, ...]
    expectation: Expectation | None
    span: Span
    shift: int = 0  # add to every span inside (a line that repeats an earlier one shares its items)

    def repeated(self, shift: int) -> Line:
        """The same line written again `shift` characters later (the parser's cache of repeated lines)."""
        return make(Line, (self.items, self.expectation, self.span, shift))  # `Line(…)` without its call


class Seq(NamedTuple):
    lines: tuple[Line, ...]
    span: Span


class Param(NamedTuple):
    name: str
    default: Expr | None
    span: Span


class BlockDef(NamedTuple):
    name: str
    params: tuple[Param, ...]
    body: Seq
    span: Span  # the header `block NAME(...)`, where this one is written
    # add to every span in its parameters and body (a definition that repeats one an earlier file wrote shares its
    # parameters and body: the parser's cache of block definitions)
    shift: int = 0


class Input(NamedTuple):
    dims: tuple[int | str, ...]  # a letter is a symbolic size (`input HxWx3`)
    batch: int
    span: Span
    # counts answered for the input itself (`input 32x32x3 -> memory 3072 params 0`; a table's `| Input | (32,32,3)
    # | 3,072 | 0 |`): its values, and no parameters or MACs
    answers: Expectation | None = None
    # where an imported file's code gives the size (a PyTorch script's `net(torch.randn(2, 3, 32, 32))`, readers/
    # torch_inputs.py): said in note N074 when that size is the one used
    read_from: str = ""
    # written channels first (`Input: 3x32x32` in the lecture's notation, or said so): `dims` hold it as HxWxC, and
    # the volumes answered bare on its network are read channels first too (ShapeAnswer.order)
    channels_first: bool = False
    # why the depth in `dims` is only assumed (an exercise told by letters that says no depth, `N = 227, F = 11, K =
    # 96`: 1): what rests on it, a count, is not judged; empty when the depth is given
    depth_assumed: str = ""


class RoundingLine(NamedTuple):
    mode: str  # floor | ceil | exact
    span: Span
    by: str = ""  # a framework whose own rounding this is (an imported model): not the author's statement


class Network(NamedTuple):
    title: str | None
    input: Input | None
    rounding: RoundingLine | None
    body: Seq
    totals: tuple[TotalExpectation, ...]
    span: Span
    refers: bool = False  # a line may read an earlier one by name (`@NAME`): the expander keeps scopes' names
    beyond_limit: bool = False  # its file has more items written than the node limit (E058): not built


class Prose(NamedTuple):
    """A line the reader skipped as prose (the lecture's headings), reported as a note."""

    span: Span
    text: str


class File(NamedTuple):
    """Everything a source holds: blocks shared by its networks, the networks in order."""

    blocks: tuple[BlockDef, ...]
    networks: tuple[Network, ...]
    prose: tuple[Prose, ...] = ()

"""How a layer's arguments are written, converted and printed: the one argument schema.

A layer declares each argument as a class attribute: `positional(KIND)`, `option(KIND, default)`
or `flag({word: value}, default)`. A `Kind` knows how the parser reads the value (its `syntax`),
how the expander converts what was written into the layer's value with range checks
(`convert`), and how the value is written back (`format`): the one value formatter, so
`spec_text()` round-trips.
"""
from __future__ import annotations

from cnncalc import TYPE_CHECKING, limits
from cnncalc.record import NamedTuple

if TYPE_CHECKING:
    from typing import Any, ClassVar

_MISSING: Any = object()
Pair = tuple[int, int]
Ratio = tuple[int, int]  # a numerator and a denominator in lowest terms (a resampling factor: 3/2 is 1.5)
OpenPair = tuple[int, int | None]  # a channel range whose end may be left out (`slice 64:`)


class BadValue(Exception):
    """A written value outside what the argument accepts; `index` picks the item the caret points at."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.index = index


class Pad(NamedTuple):
    """Padding per side, or TensorFlow's `same` (resolved against the input size by the layer)."""

    top: int = 0
    bottom: int = 0
    left: int = 0
    right: int = 0
    same: bool = False


NO_PAD = Pad()


class Kind:
    """What values an argument takes. `syntax` tells the parser what to read: `int` (an integer
    expression), `pair` (`3`, `3x5`), `scale` (a pair, or a decimal: `0.5`), `sides` (`1`, `1x2`, `1,2,1,2`,
    plus words), `real`, `range` (`A:B`) or `word` (a flag)."""

    syntax: ClassVar[str]
    words: tuple[str, ...] = ()  # bare words accepted as the value (`same`, `valid`)

    def convert(self, raw: Any) -> Any:
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return str(value)


def _check(n: int, lo: int, hi: int, what: str, index: int | None = None) -> int:
    if n < lo:
        raise BadValue(f"{what} must be at least {lo:,}, got {n:,}", index)
    if n > hi:
        raise BadValue(f"{what} must be at most {hi:,}, got {n:,}", index)
    return n


class Int(Kind):
    syntax = "int"

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi

    def convert(self, raw: Any) -> int:
        if isinstance(raw, tuple):
            raise BadValue("is one whole number, not a pair `AxB`")
        return _check(raw, self.lo, self.hi, "it")


class PairKind(Kind):
    """One number for both axes, or `HxW`."""

    syntax = "pair"

    def __init__(self, lo: int, hi: int, *, both: bool = False) -> None:
        self.lo, self.hi = lo, hi
        self.both = both  # write both numbers even when equal (kernels: `3x3`, as the lecture does)

    def convert(self, raw: Any) -> Pair:
        if isinstance(raw, tuple):
            return (_check(raw[0], self.lo, self.hi, "the height", 0), _check(raw[1], self.lo, self.hi, "the width", 1))
        n = _check(raw, self.lo, self.hi, "it")
        return (n, n)

    def format(self, value: Pair) -> str:
        return str(value[0]) if value[0] == value[1] and not self.both else f"{value[0]}x{value[1]}"


class ScaleKind(Kind):
    """A resampling factor: a whole number, or `HxW` of them, or one decimal for both axes (`0.5`, `1.5`) whose
    value is exact in binary (a fraction of a power of two, at most limits.MAX_SCALE_DENOMINATOR): what PyTorch
    multiplies a size by in floating point, then floors, gives the same size as the exact product."""

    syntax = "scale"

    def convert(self, raw: Any) -> tuple[Ratio, Ratio]:
        if isinstance(raw, str):
            ratio = _decimal_ratio(raw)
            return ratio, ratio
        h, w = SIZE.convert(raw)
        return (h, 1), (w, 1)

    def format(self, value: tuple[Ratio, Ratio]) -> str:
        (hn, hd), (wn, wd) = value
        if hd == wd == 1:
            return SIZE.format((hn, wn))
        return repr(hn / hd)  # one factor (a decimal is written for both axes); exact: the denominator is 2^k


def scale_text(factor: float) -> str | None:
    """A framework's resampling factor as `upsample` takes it (`2`, `0.5`), or None when it takes no such factor
    (not exact in binary, at most 0, too large): the readers' one test."""
    if not isinstance(factor, (int, float)) or isinstance(factor, bool) or not 0 < factor <= limits.MAX_SIZE:
        return None
    numerator, denominator = float(factor).as_integer_ratio()
    if denominator > limits.MAX_SCALE_DENOMINATOR:
        return None
    return str(numerator) if denominator == 1 else repr(numerator / denominator)


def _decimal_ratio(text: str) -> Ratio:
    """`1.5` -> (3, 2); BadValue unless a plain decimal above 0, at most MAX_SIZE, exact in binary."""
    from math import gcd
    whole, _, part = text.partition(".")
    if len(text) > limits.MAX_REAL_CHARS or not (whole + part).isdigit() or not (whole + part).isascii():
        raise BadValue(f"`{text}` is not a factor: write a whole number or a decimal (`2`, `0.5`, `1.5`)")
    numerator, denominator = int(whole + part), 10 ** len(part)
    common = gcd(numerator, denominator) or 1
    numerator, denominator = numerator // common, denominator // common
    if numerator == 0 or numerator > limits.MAX_SIZE * denominator:
        raise BadValue(f"the factor must be above 0 and at most {limits.MAX_SIZE:,}, got {text}")
    if denominator & (denominator - 1):
        raise BadValue(f"the factor {text} is not exact in binary (PyTorch's floating-point size would not be "
                       f"the exact product); cnncalc takes a whole number, or halves, quarters… up to "
                       f"1/{limits.MAX_SCALE_DENOMINATOR:,}")
    if denominator > limits.MAX_SCALE_DENOMINATOR:
        raise BadValue(f"the factor {text} is finer than 1/{limits.MAX_SCALE_DENOMINATOR:,}, the finest cnncalc "
                       f"takes")
    return numerator, denominator


class Sides(Kind):
    """`P`, `HxW` or `T,B,L,R`; `same` and `valid` for padding."""

    syntax = "sides"

    def __init__(self, lo: int, hi: int, words: tuple[str, ...] = ()) -> None:
        self.lo, self.hi = lo, hi
        self.words = words

    def convert(self, raw: Any) -> Pad:
        if raw == "same":
            return Pad(same=True)
        if raw == "valid":
            return NO_PAD
        if isinstance(raw, tuple) and len(raw) == 4:
            t, b, left, r = (_check(v, self.lo, self.hi, side, i)
                             for i, (v, side) in enumerate(zip(raw, ("top", "bottom", "left", "right"))))
            return Pad(t, b, left, r)
        if isinstance(raw, tuple):
            h = _check(raw[0], self.lo, self.hi, "the height", 0)
            w = _check(raw[1], self.lo, self.hi, "the width", 1)
            return Pad(h, h, w, w)
        n = _check(raw, self.lo, self.hi, "it")
        return Pad(n, n, n, n)

    def format(self, value: Pad) -> str:
        if value.same:
            return "same"
        if value.top == value.bottom and value.left == value.right:
            return str(value.top) if value.top == value.left else f"{value.top}x{value.left}"
        return f"{value.top},{value.bottom},{value.left},{value.right}"


class RealKind(Kind):
    syntax = "real"

    def __init__(self, lo: float, hi: float, *, above: bool = False, below: bool = False) -> None:
        self.lo, self.hi, self.above, self.below = lo, hi, above, below

    def convert(self, raw: Any) -> float:
        text = str(raw).replace("_", "")
        if len(text) > limits.MAX_REAL_CHARS:
            raise BadValue(f"a number of at most {limits.MAX_REAL_CHARS} characters is expected")
        try:
            value = float(text)
        except ValueError:
            raise BadValue(f"`{raw}` is not a plain number; write e.g. `0.5`") from None
        if not ((value > self.lo) if self.above else (value >= self.lo)):
            raise BadValue(f"it must be {'above' if self.above else 'at least'} {self.lo:g}, got {value:g}")
        if (value >= self.hi) if self.below else (value > self.hi):
            raise BadValue(f"it must be {'below' if self.below else 'at most'} {self.hi:g}, got {value:g}")
        return value

    def format(self, value: float) -> str:
        return repr(value) if value != int(value) or abs(value) >= 1e16 else str(int(value))


class ChannelRange(Kind):
    """`A:B`, channels A … B-1 (0-based, half-open, as Python's slices); `A:` to the last channel."""

    syntax = "range"

    def convert(self, raw: Any) -> OpenPair:
        start, stop = raw
        _check(start, 0, limits.MAX_CHANNELS, "the first channel", 0)
        if stop is None:
            return (start, None)
        _check(stop, 1, limits.MAX_CHANNELS, "the end", 1)
        if stop <= start:
            raise BadValue(f"`{start}:{stop}` keeps no channel: the end must be above the start", 1)
        return (start, stop)

    def format(self, value: OpenPair) -> str:
        return f"{value[0]}:{'' if value[1] is None else value[1]}"


class WordKind(Kind):
    """A flag: bare words that set the argument (`nobias` -> False, `ceil` -> 'ceil')."""

    syntax = "word"

    def __init__(self, words: dict[str, Any]) -> None:
        self.mapping = words
        self.words = tuple(words)

    def convert(self, raw: Any) -> Any:
        return self.mapping[raw]

    def format(self, value: Any) -> str:
        return next(w for w, v in self.mapping.items() if v == value)


class Argument:
    """One argument of a layer: its name, kind, role and default (a field of the layer class)."""

    __slots__ = ("name", "kind", "role", "default", "names", "doc", "called")

    def __init__(self, kind: Kind, role: str, default: Any, names: tuple[str, ...], doc: str,
                 called: str = "") -> None:
        self.name = ""  # set from the attribute name when the layer class is built
        self.kind = kind
        self.role = role  # positional | option | flag
        self.default = default
        self.names = names  # extra option words (`padding` for `pad`)
        self.doc = doc
        self.called = called  # what messages call it, where its word is no noun (`at`: the offset)

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    @property
    def label(self) -> str:
        return self.called or self.name.replace("_", " ")


def positional(kind: Kind, *, default: Any = _MISSING, doc: str = "") -> Any:
    """An argument written bare, in order (`conv 96 11x11`)."""
    return Argument(kind, "positional", default, (), doc)


def option(kind: Kind, default: Any, *, names: tuple[str, ...] = (), doc: str = "", called: str = "") -> Any:
    """An argument written as its name and a value (`stride 4`); `names` adds aliases (`padding`); `called`, what
    messages call it where its word is no noun (`at 2x3`: the offset)."""
    return Argument(kind, "option", default, names, doc, called)


def flag(words: dict[str, Any], default: Any, *, doc: str = "") -> Any:
    """A bare word that sets the argument (`nobias` -> bias=False; `ceil` -> rounding='ceil')."""
    return Argument(WordKind(words), "flag", default, (), doc)


class Schema(NamedTuple):
    """A layer's arguments in declaration order, and the words that introduce them."""

    arguments: tuple[Argument, ...]
    positionals: tuple[Argument, ...]
    options: dict[str, Argument]  # option word (and aliases) -> argument
    flags: dict[str, Argument]  # flag word -> argument

    @classmethod
    def of(cls, arguments: tuple[Argument, ...]) -> Schema:
        return cls(arguments, tuple(a for a in arguments if a.role == "positional"),
                   {w: a for a in arguments if a.role == "option" for w in (a.name, *a.names)},
                   {w: a for a in arguments if a.role == "flag" for w in a.kind.words})

    def words(self) -> list[str]:
        """Every option and flag word, for suggestions and help."""
        return list(self.options) + list(self.flags)


def spec_text(keyword: str, schema: Schema, values: tuple[Any, ...]) -> str:
    """The layer in canonical syntax: positionals, then options and flags that differ from their defaults."""
    words = [keyword]
    for arg, value in zip(schema.arguments, values):
        if arg.role == "positional":
            if arg.required or value != arg.default:
                words.append(arg.kind.format(value))
        elif value != arg.default:
            if arg.role == "option":
                words.append(arg.name)
            words.append(arg.kind.format(value))
    return " ".join(words)


CHANNELS = Int(1, limits.MAX_CHANNELS)


def declared_inputs(what: str = "channels") -> Any:
    """`inputs N` (or `in N`): the input's size as a framework states it (PyTorch's `in_channels`,
    `in_features`, `num_features`), checked against what the layer receives (E017)."""
    kind = Int(1, limits.MAX_FLAT) if what == "values" else CHANNELS
    return option(kind, default=None, names=("in",), doc=f"the input's {what}, when written (checked)")
SIZE = PairKind(1, limits.MAX_SIZE)
SCALE = ScaleKind()
KERNEL = PairKind(1, limits.MAX_SIZE, both=True)
OFFSET = PairKind(0, limits.MAX_SIZE)
MAP_SIZE = PairKind(1, limits.MAX_SIZE, both=True)  # a map's height and width, both written (`size 32x32`)
PADDING = Sides(0, limits.MAX_SIZE, ("same", "valid"))
CROPPING = Sides(0, limits.MAX_SIZE)
ROUNDING_WORDS = {"floor": "floor", "ceil": "ceil", "exact": "exact"}
NOBIAS = {"nobias": False}

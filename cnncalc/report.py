"""What an analysis produces: rows, totals, answers and diagnostics. Data only: renderers format
it and nothing calls back into the layers. Built once by the pipeline, never mutated after."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter

from cnncalc import TYPE_CHECKING
from cnncalc.diagnostics import Diagnostic, Source, Span
from cnncalc.layers.base import BYTES_PER_VALUE, Layer, Working
from cnncalc.record import NamedTuple
from cnncalc.shape import Shape

if TYPE_CHECKING:
    from typing import Any

    from cnncalc.field import Field
    from cnncalc.layers.merge import MergeKind
    from cnncalc.solve import Answer as SolveAnswer
    from cnncalc.training import Training

class Doubt(NamedTuple):
    """What of a row rests on a guessed size or an unknown value, and why."""

    reason: str  # "it rests on the invalid stride at line 2", "line 3 could not be read"
    dims: tuple[bool, ...] | None  # per output dimension: unsure; None: the output is unknown
    params: bool  # the parameter count rests on it
    macs: bool
    # the row's own inexact division alone, on an input not in doubt: each unsure side is that division rounded
    # down or up (`Row.divided`), so an answer that is neither is wrong whichever rounding is meant
    own: bool = False
    # when inexact divisions alone put the output's height and width in doubt: the least and the most each can be,
    # whichever way each of those divisions is rounded (an answer outside is wrong under every rounding); else None
    sides: tuple[tuple[int, int], tuple[int, int]] | None = None
    # then, the most the row's weights, biases and MACs can be (its own counts, every division rounded down, are
    # the least); None when they cannot be followed so
    most: tuple[int, int, int] | None = None


class Row:
    """One layer, join or container, in walk order (a container before its contents)."""

    __slots__ = ("path", "name", "kind", "keyword", "op", "depth", "written", "shift", "input", "output", "weights",
                 "biases", "non_trainable", "macs", "train_macs", "activations", "rounded", "inputs", "branches",
                 "working", "doubt", "train", "known", "ref", "field", "layer", "merge", "divided", "empty", "shares")

    def __init__(self, path: str, name: str, kind: str, keyword: str, op: str, depth: int, span: Span,
                 input: Shape | None, inputs: tuple[str, ...], shift: int = 0) -> None:
        self.path = path
        self.name = name
        self.kind = kind  # layer, join, a merge (concat, add, …), or block, repeat, iteration, branch, side
        self.keyword = keyword  # the layer keyword (`conv`), the merge (`concat`) or the container kind
        self.op = op  # the layer in canonical spec syntax, or the container's description
        self.depth = depth
        self.written = span  # where the row's text is, as the parser read it (`span`: where it is in the file)
        self.shift = shift  # how far on its line is (a line written again shares the first one's items)
        self.input = input
        self.output: Shape | None = None
        self.weights = 0
        self.biases = 0
        self.non_trainable = 0
        self.macs = 0  # inference multiply-accumulates per image
        self.train_macs = 0  # MACs of training-only heads (`side train`)
        self.activations = 0
        self.rounded = False  # an inexact division settled by explicit rounding (N030)
        self.inputs = inputs  # paths of the rows that feed this one (`input` for the network's input)
        self.branches: tuple[str, ...] = ()  # a merge's branch paths
        self.working: Working | None = None  # the arithmetic (with --explain, and for answered lines)
        self.doubt: Doubt | None = None
        self.train = False  # inside a `side train` head
        self.known = True  # False when its numbers could not be computed (an unknown input)
        self.ref: str | None = None  # a branch that starts from this earlier row's output (`@NAME`)
        self.field: Field | None = None  # the receptive field of its output's units (cnncalc/field.py)
        self.layer: Layer | None = None  # a layer row's layer (its arguments: kernel, groups, …)
        self.merge: MergeKind | None = None  # a join row's merge kind, as it runs (`fit at 19x19`)
        # an inexact division's exact output height and width (numerator, denominator), when its output size
        # came from one (E030, N030, W030): (7 - 3)/3 + 1 is (7, 3)
        self.divided: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.empty = False  # no window fits its padded input (E031): "doesn't fit" answers it
        self.shares: str | None = None  # the path of the layer whose weights it uses (`shares NAME`), counted there

    @property
    def params(self) -> int:
        return self.weights + self.biases

    @property
    def span(self) -> Span:
        """Where it is written in the file: made when asked (a deep network's rows would each make one, and
        few are read)."""
        return self.written.shifted(self.shift)

    @property
    def inexact(self) -> bool:
        """Its output size came from an inexact division (E030, N030, W030)."""
        return self.divided is not None

    def moved(self, path: str, inputs: tuple[str, ...], branches: tuple[str, ...], field: Field | None,
              written: Span, shift: int) -> Row:
        """This row's copy at another path and place (a repeated iteration, block call or merge with the same
        input; `written` and `shift` as in `__init__`), with its receptive field from there: every slot set once,
        without `__init__`'s defaults (a replay copies a row per row it saves)."""
        row: Row = object.__new__(Row)  # one slot a statement: a tuple of them, unpacked, costs a sixth more
        row.path = path
        row.name = self.name
        row.kind = self.kind
        row.keyword = self.keyword
        row.op = self.op
        row.depth = self.depth
        row.written = written
        row.shift = shift
        row.input = self.input
        row.output = self.output
        row.weights = self.weights
        row.biases = self.biases
        row.non_trainable = self.non_trainable
        row.macs = self.macs
        row.train_macs = self.train_macs
        row.activations = self.activations
        row.rounded = self.rounded
        row.inputs = inputs
        row.branches = branches
        row.working = self.working
        row.doubt = self.doubt
        row.train = self.train
        row.known = self.known
        row.ref = self.ref
        row.field = field
        row.layer = self.layer
        row.merge = self.merge
        row.divided = self.divided
        row.empty = self.empty
        row.shares = self.shares
        return row

    @staticmethod
    def of_layer(path: str, name: str, keyword: str, op: str, depth: int, written: Span, shift: int, input: Shape,
                 source: str, output: Shape | None, counts: tuple[int, int, int], macs: int, train: bool,
                 activations: int, layer: Layer, working: Working | None, field: Field | None) -> Row:
        """A layer's row computed before on the same input (the walker's cache: most rows of a deep network),
        every slot set once, without `__init__`'s defaults (a 100,000-layer chain builds a row a layer)."""
        row: Row = object.__new__(Row)
        row.path = path
        row.name = name
        row.kind = "layer"
        row.keyword = keyword
        row.op = op
        row.depth = depth
        row.written = written
        row.shift = shift
        row.input = input
        row.output = output
        row.weights, row.biases, row.non_trainable = counts
        row.macs = 0 if train else macs
        row.train_macs = macs if train else 0
        row.activations = activations
        row.rounded = False
        row.inputs = (source,)
        row.branches = ()
        row.working = working
        row.doubt = None
        row.train = train
        row.known = True
        row.ref = None
        row.field = field
        row.layer = layer
        row.merge = None
        row.divided = None
        row.empty = False
        row.shares = None
        return row

    @property
    def is_container(self) -> bool:
        return self.kind not in ("layer", "join")

    def __reduce__(self) -> tuple[Callable[..., Row], tuple[Any, ...]]:
        """Pickled as its slots' values in order (what `check`'s workers send back for JSON, cnncalc/workers.py):
        a third less to write and a fifth less to read than the default's dictionary of slots."""
        return _row, _ROW_SLOTS(self)

    def __repr__(self) -> str:
        return f"<Row {self.path} {self.op} -> {self.output}>"


_ROW_SLOTS = attrgetter(*Row.__slots__)


def _row(*values: Any) -> Row:
    """A pickled row (`Row.__reduce__`)."""
    row: Row = object.__new__(Row)
    for slot, value in zip(Row.__slots__, values):
        setattr(row, slot, value)
    return row


class Answer(NamedTuple):
    """One answer written in the spec (a homework answer, a CI invariant) and its verdict."""

    span: Span
    label: str  # the line's name (`conv1`, `fc6`), or "" for a total
    path: str  # the row the answer is about
    quantity: str  # output | input | height | width | depth | receptive field | padding | params | weights | macs
    #   | memory | params per filter
    #   | weights per filter | filter shape | connections | total params
    #   | total macs | total memory | total activations | network output
    expected: str  # as written
    actual: str | None  # None when unknown
    verdict: str  # right | wrong | unchecked
    reason: str | None  # why wrong (a named slip) or why not checked
    working: tuple[str, ...]  # the arithmetic behind the actual value

    @property
    def ok(self) -> bool:
        return self.verdict != "wrong"


class Totals(NamedTuple):
    """Whole-network sums; None where a layer could not be computed (shown as `?`, never 0)."""

    params: int | None
    weights: int | None
    biases: int | None
    non_trainable: int | None
    macs: int | None  # inference
    train_macs: int | None  # training-only heads
    activations: int | None  # per image
    batch: int
    frozen: int | None = 0  # of `params`, those of `frozen` layers: not trainable

    @property
    def trainable(self) -> int | None:
        """The learnable parameters that are trained: all of them but the frozen layers'."""
        return None if self.params is None or self.frozen is None else self.params - self.frozen

    @property
    def untrained(self) -> int | None:
        """Non-trainable parameters as Keras and torchinfo count them: running statistics and frozen layers'."""
        return None if self.non_trainable is None or self.frozen is None else self.non_trainable + self.frozen

    @property
    def param_bytes(self) -> int | None:
        """Learnable and non-trainable parameters, float32."""
        if self.params is None or self.non_trainable is None:
            return None
        return (self.params + self.non_trainable) * BYTES_PER_VALUE

    @property
    def activation_bytes(self) -> int | None:
        """Every layer's output for the whole batch, float32."""
        return None if self.activations is None else self.activations * self.batch * BYTES_PER_VALUE

    @property
    def all_params(self) -> int | None:
        """Learnable plus non-trainable: Keras' "Total params"."""
        return None if self.params is None or self.non_trainable is None else self.params + self.non_trainable


def sum_rows(rows: Iterable[Row], batch: int) -> Totals:
    """The sums of some rows (the network's top-level rows, or one kind of layer's); unknown (None) when any of
    them could not be computed, and the MACs and activations unknown too when a layer's parameters are known but
    its output is not (an empty output, E031): never 0 for what was not computed."""
    weights = biases = non_trainable = macs = train_macs = activations = 0
    sized = True
    for r in rows:
        if not r.known:
            return Totals(None, None, None, None, None, None, None, batch)
        weights += r.weights
        biases += r.biases
        non_trainable += r.non_trainable
        macs += r.macs
        train_macs += r.train_macs
        activations += r.activations
        sized = sized and r.output is not None
    if not sized:
        return Totals(weights + biases, weights, biases, non_trainable, None, None, None, batch)
    return Totals(weights + biases, weights, biases, non_trainable, macs, train_macs, activations, batch)


class Output(NamedTuple):
    """An output of the network: the main one, and every `side` head."""

    path: str
    shape: Shape | None
    train: bool  # a training-only head


class Symbolic(NamedTuple):
    """A network read with letters for its input's height and width (`input HxWx3`): the sizes that
    work (`cnncalc solve`), each row's output as formulas, and parameters and MACs as polynomials
    in the letters. The report's rows and numbers are those at `at`, the smallest valid size."""

    letters: tuple[str, str]
    sizes: tuple[SolveAnswer, SolveAnswer]
    at: tuple[int, int]
    outputs: dict[str, tuple[str, str]]  # path -> height and width formulas
    params: dict[str, str]  # path -> a formula, for rows whose parameters depend on the sizes
    macs: dict[str, str]  # path -> a formula, for rows whose MACs depend on the sizes
    totals: dict[str, str]  # params, macs (inference), train_macs (side train heads), activations -> formulas
    varying: tuple[str, ...] = ()  # totals that change with the sizes but have no formula (a declared rounding)


class Report:
    """One network's analysis."""

    __slots__ = ("source", "network", "index", "input", "batch", "rows", "totals", "output", "outputs", "diagnostics",
                 "answers", "rounding", "span", "symbolic", "training", "__weakref__")

    def __init__(self, source: Source, network: str | None, index: int, input: Shape | None, batch: int,
                 rows: list[Row], totals: Totals, output: Shape | None, outputs: tuple[Output, ...],
                 diagnostics: tuple[Diagnostic, ...], answers: tuple[Answer, ...], rounding: str, span: Span,
                 symbolic: Symbolic | None = None, training: Training | None = None) -> None:
        self.source = source
        self.network = network  # the `network` title
        self.index = index  # its position in the file (several networks per file)
        self.input = input
        self.batch = batch
        self.rows = rows
        self.totals = totals
        self.output = output
        self.outputs = outputs
        self.diagnostics = source.locate(diagnostics)  # in line order, each with its line and column
        self.answers = answers
        self.rounding = rounding  # the rounding stated for the run (exact, floor or ceil)
        self.span = span  # the network's part of the source
        self.symbolic = symbolic  # letters for the input's sizes: the formulas (rows are at one valid size)
        self.training = training  # the memory of a training step, when asked for (`--train`)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def name(self) -> str:
        """The network's title, else the file's name."""
        return self.network or self.source.name

    @property
    def checks(self) -> tuple[Answer, ...]:
        """The answers that could be judged (right or wrong)."""
        return tuple(a for a in self.answers if a.verdict != "unchecked")

    def with_diagnostics(self, extra: list[Diagnostic]) -> Report:
        """A copy with more diagnostics (command-line budgets), in line order."""
        merged = tuple(sorted(self.diagnostics + tuple(extra), key=lambda d: d.span.start))
        return Report(self.source, self.network, self.index, self.input, self.batch, self.rows, self.totals,
                      self.output, self.outputs, merged, self.answers, self.rounding, self.span, self.symbolic,
                      self.training)

    def without_rows(self) -> Report:
        """A copy without the rows, for an output that reads only the diagnostics, answers and totals:
        what a worker process sends back (cnncalc/workers.py) is then a twentieth of the whole."""
        copy = Report.__new__(Report)
        for slot in Report.__slots__:
            if slot != "__weakref__":
                setattr(copy, slot, getattr(self, slot))
        copy.rows = []
        return copy

    def messages(self) -> list[str]:
        """Each diagnostic in one line: `FILE:LINE:COL: error[CODE]: message`."""
        return [f"{self.source.name}:{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message}"
                for d in self.diagnostics]

    # ---- in Python and notebooks (cnncalc/render/notebook.py) -------------------------------

    def __str__(self) -> str:
        """The table and totals (and any diagnostics), as `cnncalc FILE` prints them."""
        from cnncalc.render.notebook import text
        return text(self)

    def _repr_html_(self) -> str:
        """Jupyter's view: the picture, the table, the totals and the diagnostics."""
        from cnncalc.render.notebook import html
        return html(self)

    def to_dict(self) -> dict[str, Any]:
        """The network's JSON document (`--format json`), as Python values."""
        from cnncalc.render.notebook import document
        return document(self)

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame (ImportError naming pandas when it is not installed)."""
        from cnncalc.render.notebook import dataframe
        return dataframe(self)

    def __repr__(self) -> str:
        return f"<Report {self.name}: {len(self.rows)} rows, {len(self.diagnostics)} diagnostics>"

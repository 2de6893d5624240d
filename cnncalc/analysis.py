"""The pipeline in one call: text -> IR (a notation's reader) -> resolved tree -> walk -> answers
-> Report. The Python API and every command use it."""
from __future__ import annotations

import gc
import os

from cnncalc import TYPE_CHECKING, codes, ir, memo
from cnncalc.diagnostics import Diagnostic, DiagnosticSink, Source, Span
from cnncalc.expand import Expander, expand_blocks, network_rounding
from cnncalc.expectations import Checker
from cnncalc.files import read_source
from cnncalc.limits import MAX_BATCH, MAX_CHANNELS, MAX_MODEL_CHARS, MAX_SIZE
from cnncalc.notations import NOTATIONS, detect, read
from cnncalc.record import NamedTuple
from cnncalc.report import Doubt, Output, Report, Row, Symbolic, Totals, sum_rows
from cnncalc.shape import Shape
from cnncalc.tree import LayerNode, SeqNode, nodes
from cnncalc.walker import Walker

if TYPE_CHECKING:
    from typing import Any

    from cnncalc.equalities import Workings


class Analysis(NamedTuple):
    """A report and what the executor needs to run the same network: the resolved tree."""

    report: Report
    root: SeqNode | None


class Settings(NamedTuple):
    """What a run is told beside the text (command-line options, the API's keywords)."""

    rounding: str | None = None  # floor | ceil: settles inexact divisions, over the spec's `rounding` line
    lang: str | None = None  # a notation (cnncalc/notations.py); None: detected
    explain: bool = False  # fill every row's working
    batch: int | None = None  # over the spec's `batch`
    train: str | None = None  # sgd | momentum | adam: the memory of a training step (cnncalc/training.py)
    input: tuple[int, ...] | None = None  # the input's size (`--input HxWxC`): over the file's, or where it has none
    model: str | None = None  # which model of a PyTorch file (`--model ResNet50`): `model_expression` checked it


DEFAULTS = Settings()


def input_size(text: str) -> tuple[int, ...] | None:
    """`224x224x3` -> (224, 224, 3), `784` -> (784,): an input size as `--input` and the API take it."""
    parts = text.strip().lower().split("x")
    if len(parts) not in (1, 3) or not all(p.isdigit() and p.isascii() and len(p) <= 9 for p in parts):
        return None
    dims = tuple(int(p) for p in parts)
    limit = MAX_CHANNELS if len(dims) == 1 else MAX_SIZE
    if not all(1 <= d <= limit for d in dims[:2]) or not 1 <= dims[-1] <= MAX_CHANNELS:
        return None
    return dims


def model_expression(text: str) -> str | None:
    """`ResNet50`, `ResNet50()`, `VGG('VGG16')`, `models.resnet50(num_classes=10)`: the model of a PyTorch file as
    `--model` and the API take it (a name or a call, of at most MAX_MODEL_CHARS characters), as Python writes it;
    None when it is not one."""
    if len(text) > MAX_MODEL_CHARS:
        return None
    import ast  # only when asked: off the start-up path
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    called = tree.body.func if isinstance(tree.body, ast.Call) else tree.body
    while isinstance(called, ast.Attribute):
        called = called.value
    return ast.unparse(tree.body) if isinstance(called, ast.Name) else None


def analyze(path: str | os.PathLike[str], **settings: Any) -> Report:
    """Analyse the one network in a file (`cnncalc.analyze_all` for a file of several).

    Keywords (`Settings`): `rounding` ('floor' or 'ceil') overrides the spec's `rounding` line, as
    `--rounding` does; `lang` forces a notation (default: detected); `explain` fills every row's
    `working`; `batch` overrides the spec's batch; `train` ('sgd', 'momentum', 'adam') adds the
    memory of a training step; `input` ('224x224x3') gives the input's size, as `--input`; `model`
    ('ResNet50', "VGG('VGG16')") says which model of a PyTorch file, as `--model`. Problems in the
    spec are diagnostics in the report; this raises only for a file it cannot read
    (FileNotFoundError…), for keywords it does not know (TypeError) and for their bad values (ValueError).
    """
    reports = analyze_all(path, **settings)
    if len(reports) != 1:
        raise ValueError(f"{os.fspath(path)} holds {len(reports)} networks; use cnncalc.analyze_all")
    return reports[0]


def analyze_all(path: str | os.PathLike[str], **settings: Any) -> list[Report]:
    """Every network in a file, in order."""
    name = os.fspath(path)
    if not os.path.exists(name):
        raise FileNotFoundError(f"no file {name!r} (for spec text itself, use cnncalc.analyze_text)")
    if os.path.isdir(name):
        raise IsADirectoryError(f"{name!r} is a directory; give a file")
    text = read_source(name)
    return [a.report for a in run(text.text, name, _settings(settings), bad_byte=text.bad_byte)]


def analyze_text(text: str, name: str = "<string>", **settings: Any) -> Report:
    """Analyse spec text (the first network, when it holds several); keywords as for `analyze`."""
    if not isinstance(text, str):
        raise TypeError(f"analyze_text takes the text itself, not {type(text).__name__}; for a file use "
                        f"cnncalc.analyze(path)")
    return run(text, name, _settings(settings))[0].report


def _settings(given: dict[str, Any]) -> Settings:
    """The API's keywords, checked as the command line checks its options."""
    unknown = sorted(set(given) - set(Settings._fields))
    if unknown:
        raise TypeError(f"unknown keyword {unknown[0]!r}; cnncalc.analyze takes {', '.join(Settings._fields)}")
    settings = Settings(**given)
    if settings.rounding not in (None, "floor", "ceil"):
        raise ValueError(f"rounding={settings.rounding!r}: expected one of 'floor', 'ceil'")
    if settings.train is not None:
        from cnncalc.training import OPTIMIZERS  # only when asked: off the summary's start-up path
        if settings.train not in OPTIMIZERS:
            raise ValueError(f"train={settings.train!r}: expected one of {', '.join(map(repr, OPTIMIZERS))}")
    if settings.lang is not None and settings.lang not in NOTATIONS:
        raise ValueError(f"lang={settings.lang!r}: expected one of {', '.join(map(repr, NOTATIONS))}")
    if settings.batch is not None and not (isinstance(settings.batch, int) and 1 <= settings.batch <= MAX_BATCH):
        raise ValueError(f"batch={settings.batch!r}: expected a whole number from 1 to {MAX_BATCH:,}")
    if settings.model is not None:
        expression = model_expression(settings.model) if isinstance(settings.model, str) else None
        if expression is None:
            raise ValueError(f"model={settings.model!r}: expected a class or function of the file, or a call of one "
                             f"('ResNet50', \"VGG('VGG16')\"), of at most {MAX_MODEL_CHARS} characters")
        settings = settings._replace(model=expression)
    size: object = settings.input  # the API takes the text too: `input="224x224x3"`
    if isinstance(size, str):
        shape = input_size(size)
        if shape is None:
            raise ValueError(f"input={size!r}: expected HxWxC (224x224x3) or a vector's length (784)")
        settings = settings._replace(input=shape)
    return settings


def run(text: str, name: str, settings: Settings = DEFAULTS, *,
        bad_byte: tuple[int, int] | None = None) -> list[Analysis]:
    """Every network of a source: its report and resolved tree. The cyclic garbage collector pauses
    meanwhile (the trees are acyclic; on 100k-layer specs its passes cost as much as the analysis); the caches
    analyses share are trimmed after it (cnncalc/memo.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(text, name, settings._replace(lang=settings.lang or detect(text, name)), bad_byte)
    finally:
        memo.trim()
        if was_enabled:
            gc.enable()


def _run(text: str, name: str, settings: Settings, bad_byte: tuple[int, int] | None) -> list[Analysis]:
    source = Source(text, name)
    sink = DiagnosticSink()
    if bad_byte is not None:
        sink.add(codes.E005, f"byte 0x{bad_byte[1]:02X} is not UTF-8 text", Span(bad_byte[0], bad_byte[0] + 1),
                 hint="save the file as UTF-8")
    file = read(str(settings.lang), text, sink, settings.model)
    rounding = settings.rounding
    for prose in file.prose:
        sink.add(codes.N060, f"skipped as prose: {prose.text[:60]}", prose.span)
    if settings.lang == "lecture" and file.prose:
        _workings(text).check_prose([prose.span for prose in file.prose], sink)
    blocks = expand_blocks(file, sink)
    starts = [net.span.start for net in file.networks]
    file_diagnostics = sink.items
    analyses = []
    called: set[str] = set()
    for net in file.networks:
        net_sink = DiagnosticSink()
        expander = Expander(blocks, net_sink, source, network_rounding(net, rounding, text))
        root = expander.network(net)
        called |= expander.called
        analyses.append((net, root, net_sink, expander.frozen))
    for block in file.blocks:
        if block.name not in called and blocks.get(block.name) is block:
            sink.add(codes.W001, f"block `{block.name}` is never used", block.span,
                     hint=f"call it as `{block.name}(...)` or remove it")
    result = []
    for index, (net, root, net_sink, frozen) in enumerate(analyses):
        own = [d for d in file_diagnostics if _network_of(d.span.start, starts) == index]
        report = _walk(source, index, net, root, net_sink, rounding or (net.rounding.mode if net.rounding else "exact"),
                       settings, own, sink, frozen)
        result.append(Analysis(report, root))
    return result


def unreadable(name: str, message: str) -> Report:
    """The report of a file `check` found and could not read: E007 with the reading's message (`files.InputError`),
    and no network."""
    diagnostic = Diagnostic(codes.E007, message, Span(0, 0),
                            hint="fix or remove it; the other files are checked")
    return Report(Source("", name), None, 0, None, 1, [], Totals(None, None, None, None, None, None, None, 1), None,
                  (), (diagnostic,), (), "exact", Span(0, 0))


def _network_of(offset: int, starts: list[int]) -> int:
    index = 0
    for i, start in enumerate(starts):
        if offset >= start:
            index = i
    return index


def _walk(source: Source, index: int, net: ir.Network, root: SeqNode | None, sink: DiagnosticSink, rounding: str,
          settings: Settings, file_diagnostics: list[Diagnostic], file_sink: DiagnosticSink,
          frozen: bool = False) -> Report:
    x: Shape | None = None
    batch = settings.batch or 1
    unknown = guessed = None
    symbolic: Symbolic | None = None
    if settings.input is not None:
        net = net._replace(input=ir.Input(settings.input, net.input.batch if net.input else 1,
                                          net.input.span if net.input else Span(net.span.start, net.span.start),
                                          net.input.answers if net.input else None))
    elif net.input is not None and net.input.read_from:
        shown = "x".join(map(str, net.input.dims))
        sink.add(codes.N074, f"the input {shown} is read from {net.input.read_from}", net.input.span,
                 hint="give another with `--input HxWxC`")
    if net.input is not None:
        batch = settings.batch or net.input.batch
        if all(isinstance(d, int) for d in net.input.dims):
            x = Shape(tuple(int(d) for d in net.input.dims))
            if len(x.dims) == 3 and x.dims[0] <= 4 and x.dims[1] == x.dims[2] >= 8:  # (the lecture's N023 reads wider)
                h, _, c = x.dims
                sink.add(codes.W023, f"the input {x} reads as {h} row{'s' * (h != 1)} of {c} pixels with {c} channels",
                         net.input.span,
                         hint=f"for {c}x{c} pixels with {h} channel{'s' * (h != 1)} (channels first, as PyTorch writes "
                              f"it), write `{c}x{c}x{h}`")
        else:
            x, symbolic, unknown = _symbolic_input(net.input, root, sink)
            guessed = "the sizes being letters" if x is not None else None
    elif settings.lang not in ("spec", "lecture") and \
            any(d.code in (codes.E070, codes.E071, codes.E075) for d in file_diagnostics):
        unknown = "a file that could not be read"  # its error says why; no input to ask for
    elif settings.lang not in ("spec", "lecture"):
        notation = NOTATIONS[str(settings.lang)]
        sink.add(codes.E072, f"the {notation.title or notation.name} file does not give the input's size", Span(0, 0),
                 hint="give it with `--input HxWxC`, e.g. `--input 224x224x3` (or `--input 784` for a vector)"
                      + (f"; {notation.input_hint}" if notation.input_hint else ""))
        unknown = "the missing input"
    elif any(d.code is codes.E023 for d in file_diagnostics):
        unknown = "the input that could not be used"  # its E023 says why: the input is written, not missing
    elif net.body.lines:
        first = net.body.lines[0]
        item = first.items[0]
        sink.add(codes.E024, "this layer comes before any `input`: it has nothing to work on",
                 Span(item.span.start + first.shift, item.span.end + first.shift),
                 hint="start the network with `input HxWxC`, e.g. `input 227x227x3`")
        unknown = "the missing input"
    else:
        sink.add(codes.E020, "the network has no `input` line", Span(net.span.start, net.span.start),
                 hint="add `input HxWxC`, e.g. `input 227x227x3`")
        unknown = "the missing input"
    walker = Walker(sink, settings.explain, lambda offset: source.line_col(offset)[0])
    rows: list[Row] = []
    top: list[Row] = []  # the network's own rows (its lines' items), whose sums are its totals
    output: Shape | None = None
    output_doubt: Doubt | None = None
    main = ""
    if root is not None:
        flow = walker.walk(root, x, unknown, guessed)
        rows, top, output, output_doubt, main = walker.rows, walker.top, flow.shape, flow.doubt, flow.source
    # a network too large to build (E058) has no rows, and no totals either: not 0
    totals = sum_rows(top, batch) if root is not None else \
        Totals(None, None, None, None, None, None, None, batch)
    if frozen:  # some layer is: its parameters, and its copies', are not trained
        held = sum(r.params for r in rows if r.kind == "layer" and r.layer is not None and r.layer.frozen)
        totals = totals._replace(frozen=None if totals.params is None else held)
    workings = _workings(source.text) if settings.lang == "lecture" else None  # a student's, beside the answers
    assumed = net.input.depth_assumed if net.input is not None else ""
    checker = Checker(sink, workings.value_before if workings is not None else None, rows, assumed)
    if net.input is not None and net.input.answers is not None:
        checker.input(net.input.answers, x, guessed or unknown or assumed or None)
    for check, line_rows, received in walker.lines:
        checker.line(check, line_rows, received)
    if root is not None:
        # a network with no input and no layer read: its totals are not 0 but unknown (a sheet's layers under a
        # missing input were prose, and its right total was judged against 0)
        empty = Doubt(unknown, None, True, True) if unknown is not None and not top else None
        checker.totals(net.totals, totals, output, output_doubt, rows, top,
                       x.size if x is not None and guessed is None and unknown is None else None,
                       walker.went_on or empty)
    if workings is not None:
        workings.check(checker.answers, file_diagnostics + sink.items, sink)
    outputs = (Output(main, output, False), *walker.outputs)
    diagnostics = sorted(file_diagnostics + [_as_answered(d) if d.code in _ANSWERED and d.path in checker.confirmed
                                             else d for d in sink.items], key=lambda d: d.span.start)
    dropped = sink.dropped + (file_sink.dropped if index == 0 else 0)
    if dropped:
        dropped_errors = sink.dropped_errors + (file_sink.dropped_errors if index == 0 else 0)
        code = codes.E006 if dropped_errors else codes.W003
        diagnostics.append(Diagnostic(code, f"{dropped:,} more diagnostic{'s' * (dropped != 1)} not shown "
                                            f"({dropped_errors:,} of them errors; cnncalc keeps the first "
                                            f"{len(diagnostics):,})", Span(len(source.text), len(source.text))))
    answers = tuple(checker.answers)  # in walk order: a line in a repeat is judged once per iteration
    training = None
    if settings.train:
        from cnncalc.training import training_memory
        training = training_memory(rows, x, totals, settings.train)
    return Report(source, net.title, index, x, batch, rows, totals, output, outputs, tuple(diagnostics), answers,
                  rounding, net.span, symbolic, training)


def _workings(text: str) -> Workings:
    """A homework sheet's workings (`equalities`, with `fractions`: imported for the lecture's notation only)."""
    from cnncalc.equalities import Workings
    from cnncalc.markup import plain
    return Workings(text, plain)


_ANSWERED = {codes.E030: codes.N047, codes.E031: codes.N048}  # what a line answered `invalid` makes of them


def _as_answered(d: Diagnostic) -> Diagnostic:
    """An inexact division or an empty output whose line answers `invalid`: the answer is right, and the
    problem is a note."""
    return d._replace(code=_ANSWERED[d.code], message=f"{d.message}, as the answer says", hint=None)


def _built(root: SeqNode) -> bool:
    """Whether every layer of the tree could be built (what solving it needs)."""
    return all(node.layer is not None for node in nodes(root) if isinstance(node, LayerNode))


def _symbolic_input(given: ir.Input, root: SeqNode | None, sink: DiagnosticSink) -> tuple[Shape | None,
                                                                                         Symbolic | None, str | None]:
    """`input HxWx3`: the sizes that work; the walk then goes at the smallest, its numbers marked as
    resting on the letters, and the formulas come from four walks in that residue class."""
    from cnncalc.solve import NotFollowed
    from cnncalc.symbolic import describe
    if len(given.dims) != 3 or not isinstance(given.dims[2], int) or not all(
            isinstance(d, str) for d in given.dims[:2]):
        sink.add(codes.E023, "letters stand for the height and width only: `input HxWx3`", given.span,
                 hint="write the depth as a number")
        return None, None, "the symbolic input"
    if root is None or not _built(root):
        return None, None, "the symbolic input"  # the layer that could not be built is reported already
    try:
        symbolic = describe(root, (str(given.dims[0]), str(given.dims[1])), given.dims[2])
    except NotFollowed as e:
        sink.add(codes.E025, f"the input sizes cannot be followed for the formulas: {e}", given.span,
                 hint="give the sizes as numbers")
        return None, None, "the symbolic input"
    if symbolic is None:
        sink.add(codes.E025, "no input height and width work for this network (`cnncalc solve` says why)",
                 given.span, hint="change a stride, a padding or a kernel")
        return None, None, "the symbolic input"
    return Shape((*symbolic.at, given.dims[2])), symbolic, None

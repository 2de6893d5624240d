"""The pipeline in one call: text -> tokens -> IR -> concrete tree -> Report."""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import NamedTuple

from cnncalc.diagnostics import DiagnosticSink, Source, Span
from cnncalc.expand import SeqNode, expand
from cnncalc.parser import parse
from cnncalc.report import Report
from cnncalc.shape import Shape
from cnncalc.walker import Walker, check_totals, totals_of


def analyze(spec: str | os.PathLike[str], *, rounding: str | None = None, name: str | None = None) -> Report:
    """Analyse a spec given as text, or as a path (a `Path`, or a one-line string naming a file).

    `rounding` ('floor' or 'ceil') overrides the spec's `rounding` line, as `--rounding` does.
    Problems in the spec are diagnostics in the report; this raises only for a file it cannot read.
    """
    if isinstance(spec, os.PathLike) or ("\n" not in spec and os.path.isfile(spec)):
        path = Path(spec)
        return analyze_text(path.read_bytes().decode("utf-8", errors="replace"), name or str(path), rounding)
    return analyze_text(spec, name or "<string>", rounding)


class Analysis(NamedTuple):
    """A report and what the executor needs to run the same network: the concrete tree and the rounding."""

    report: Report
    root: SeqNode | None
    rounding: str


def analyze_text(text: str, name: str, rounding: str | None = None) -> Report:
    return prepare(text, name, rounding).report


def prepare(text: str, name: str, rounding: str | None = None) -> Analysis:
    """Analyse spec text; the cyclic garbage collector pauses meanwhile (the tree is acyclic,
    and on 100k-layer specs its passes over the live nodes cost as much as the analysis)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyze(text, name, rounding)
    finally:
        if was_enabled:
            gc.enable()


def _analyze(text: str, name: str, rounding: str | None) -> Analysis:
    source = Source(text, name)
    sink = DiagnosticSink()
    network = parse(text, sink)
    root = expand(network, sink)
    x = None
    batch = 1
    if network.input is not None:
        x, batch = Shape(network.input.shape), network.input.batch
    elif network.body.lines:
        first = network.body.lines[0].items[0]
        sink.add("E024", "this layer comes before any `input`: it has nothing to work on", first.span,
                 hint="start the spec with `input HxWxC`, e.g. `input 227x227x3`")
    else:
        sink.add("E020", "the spec has no `input` line", Span(0, 0), hint="add `input HxWxC`, e.g. `input 227x227x3`")
    mode = rounding or network.rounding or "exact"
    walker = Walker(sink, mode)
    output, rows = walker.walk(root, x) if root is not None else (None, [])
    totals = totals_of(rows, batch)
    if root is not None and not sink.has_errors:
        check_totals(network.totals, totals, output, sink)
    diagnostics = list(dict.fromkeys(sink.items))  # emission order: the parse by position, then the walk
    return Analysis(Report(source, network.name, x, batch, rows, totals, output, diagnostics), root, mode)

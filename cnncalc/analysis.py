"""The pipeline in one call: text -> tokens -> IR -> concrete tree -> Report."""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import NamedTuple

from cnncalc.diagnostics import Diagnostic, DiagnosticSink, Source, Span
from cnncalc.expand import SeqNode, expand
from cnncalc.lecture import FORMS, looks_like_lecture, remap, translate
from cnncalc.parser import parse
from cnncalc.report import Report
from cnncalc.shape import Shape
from cnncalc.walker import Walker, check_totals, totals_of


def analyze(spec: str | os.PathLike[str], *, rounding: str | None = None, name: str | None = None,
            lang: str | None = None) -> Report:
    """Analyse a spec given as text, or as a path (a `Path`, or a one-line string naming a file).

    `rounding` ('floor' or 'ceil') overrides the spec's `rounding` line, as `--rounding` does.
    `lang` is 'spec' or 'lecture' (the lecture's `[55x55x96] CONV1: ...` notation); by default
    it is detected. Problems in the spec are diagnostics in the report; this raises only for a
    file it cannot read.
    """
    if isinstance(spec, os.PathLike) or ("\n" not in spec and os.path.isfile(spec)):
        path = Path(spec)
        return analyze_text(path.read_bytes().decode("utf-8", errors="replace"), name or str(path), rounding, lang)
    return analyze_text(spec, name or "<string>", rounding, lang)


class Analysis(NamedTuple):
    """A report and what the executor needs to run the same network: the concrete tree and the rounding."""

    report: Report
    root: SeqNode | None
    rounding: str


def analyze_text(text: str, name: str, rounding: str | None = None, lang: str | None = None) -> Report:
    return prepare(text, name, rounding, lang).report


def prepare(text: str, name: str, rounding: str | None = None, lang: str | None = None) -> Analysis:
    """Analyse spec text; the cyclic garbage collector pauses meanwhile (the tree is acyclic,
    and on 100k-layer specs its passes over the live nodes cost as much as the analysis)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if lang == "lecture" or (lang is None and looks_like_lecture(text)):
            return _analyze_lecture(text, name, rounding)
        return _analyze(text, name, rounding)
    finally:
        if was_enabled:
            gc.enable()


def _analyze_lecture(text: str, name: str, rounding: str | None) -> Analysis:
    """Translate the lecture's notation, analyse, and point every diagnostic back at the student's text."""
    translation = translate(text)
    analysis = _analyze(translation.text, name, rounding)
    report = analysis.report
    unreadable = [Diagnostic("E060", "cannot read this line as the lecture's notation", span, hint=f"write e.g. {FORMS}")
                  for span in translation.unreadable]
    report.diagnostics = unreadable + [d._replace(span=remap(d.span, translation)) for d in report.diagnostics]
    for row in report.rows:
        row.span = remap(row.span, translation)
    report.checks = [c._replace(span=remap(c.span, translation)) for c in report.checks]
    report.source = Source(text, name)
    return analysis


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
    checks = walker.checks
    if root is not None and not sink.has_errors:
        checks = checks + check_totals(network.totals, totals, output, sink)
    diagnostics = list(dict.fromkeys(sink.items))  # emission order: the parse by position, then the walk
    report = Report(source, network.name, x, batch, rows, totals, output, diagnostics, checks)
    return Analysis(report, root, mode)

"""The one registry of output formats: which commands offer each, and the function that renders it.
Renderers yield lines; only the command writes them."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import import_module

from cnncalc import TYPE_CHECKING
from cnncalc.diagnostics import Policy
from cnncalc.record import NamedTuple

if TYPE_CHECKING:
    from cnncalc.report import Report


class Options(NamedTuple):
    """What a renderer may need to know about the run."""

    depth: int | None = None
    explain: bool = False
    width: int = 80
    color: bool = False
    policy: Policy = Policy()
    files: int = 1  # how many files were read (several reports may come from one file)
    command: str = "summary"
    columns: tuple[str, ...] | None = None  # the table's columns (`--columns`); None: the default ones


class Format(NamedTuple):
    name: str
    commands: tuple[str, ...]  # summary, check
    description: str
    render: str  # module:function taking (reports, options), imported when used
    check_reads_rows: bool = False  # `check` in this format reads every row (else its workers send reports without)

    def renderer(self) -> Callable[[Iterable[Report], Options], Iterator[str]]:
        module, _, function = self.render.partition(":")
        found: Callable[[Iterable[Report], Options], Iterator[str]] = getattr(import_module(module), function)
        return found


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("table", ("summary",), "the layer-by-layer table and the totals", "cnncalc.render.formats:table"),
    Format("text", ("check",), "one line per problem and a summary line", "cnncalc.render.formats:text"),
    Format("json", ("summary", "check"), "one document: every network's rows, totals, answers, diagnostics",
           "cnncalc.render.formats:json_", check_reads_rows=True),
    Format("markdown", ("summary", "check"), "a table fit for a pull-request comment (check: the problems)",
           "cnncalc.render.formats:markdown"),
    Format("csv", ("summary",), "the rows, one per line", "cnncalc.render.formats:csv"),
    Format("github", ("summary", "check"), "GitHub Actions annotations at file:line", "cnncalc.render.formats:github"),
    Format("junit", ("summary", "check"), "JUnit XML: a test case per network and per answer",
           "cnncalc.render.formats:junit"),
    Format("sarif", ("summary", "check"), "SARIF 2.1.0 for code scanning", "cnncalc.render.formats:sarif"),
    Format("svg", ("summary",), "a picture: each output volume as a box, branches side by side",
           "cnncalc.render.formats:svg"),
    Format("dot", ("summary",), "the graph for Graphviz (`dot -Tpng`)", "cnncalc.render.formats:dot"),
    Format("html", ("summary",), "one self-contained page: picture, table, totals, diagnostics",
           "cnncalc.render.formats:html"),
)}


def names(command: str) -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS.values() if command in f.commands)


def table(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.table import render_table
    for i, report in enumerate(reports):
        if i:
            yield ""
        yield from render_table(report, depth=o.depth, explain=o.explain, width=o.width, color=o.color,
                                columns=o.columns,
                                with_file=o.files > 1)


def text(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render import ci
    from cnncalc.render.rows import Tally
    tally = Tally(o.policy)
    if o.explain:
        for report in tally.counting(reports):
            yield from ci.explained(report, o.policy, o.color)
    else:
        yield from ci.lines(tally.counting(reports), o.policy)
    yield tally.summary(o.files)


def json_(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.machine import json_chunks
    from cnncalc.render.rows import Tally
    tally = Tally(o.policy)
    yield from json_chunks(tally.counting(reports), lambda: {"summary": {
        "files": o.files, "networks": tally.networks, "problems": tally.problems, **tally.verdicts}})


def markdown(reports: Iterable[Report], o: Options) -> Iterator[str]:
    if o.command == "check":
        from cnncalc.render import ci
        yield from ci.markdown(reports, o.policy, o.files)
        return
    from cnncalc.render.machine import markdown_chunks
    yield from markdown_chunks(reports, o.depth, with_file=o.files > 1)


def csv(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.machine import csv_chunks
    yield from csv_chunks(reports, o.depth)


def github(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render import ci
    yield from ci.github(reports, o.policy)


def junit(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render import ci
    yield from ci.junit(reports, o.policy)


def sarif(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render import ci
    yield from ci.sarif(reports, o.policy)


def svg(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.picture import svg as draw
    for report in reports:  # several networks: one drawing each, one after the other
        yield draw(report, o.depth)


def dot(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.picture import dot as graph
    for report in reports:
        yield from graph(report, o.depth)


def html(reports: Iterable[Report], o: Options) -> Iterator[str]:
    from cnncalc.render.html import page
    yield from page(reports, o.depth)

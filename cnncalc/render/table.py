"""The default view: a table that reads like the lecture's AlexNet breakdown, then the totals."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from cnncalc.field import shown
from cnncalc.layers.base import BYTES_PER_VALUE
from cnncalc.limits import MAX_TABLE_ROWS
from cnncalc.record import NamedTuple
from cnncalc.render.rows import (
    CONVENTIONS,
    count,
    human,
    human_bytes,
    output_formula,
    shape_text,
    share,
    totals_lines,
    verdict_counts,
    verdict_line,
    visible_rows,
)
from cnncalc.render.text import Column, Table, key_values, styled, wrap
from cnncalc.report import Report, Row


class _Cells(NamedTuple):
    """What a column's cell may read besides its row: how numbers are written, the total parameters,
    where the row's input comes from, and the batch."""

    number: Callable[[int | None], str]
    total: int | None
    source: str
    batch: int
    report: Report


def _symbolic(c: _Cells, which: str, r: Row) -> str | None:
    """A row's parameters or MACs as a formula in the input's letters, when they depend on them."""
    sym = c.report.symbolic
    if sym is None:
        return None
    return (sym.params if which == "params" else sym.macs).get(r.path)


def _macs(r: Row, c: _Cells) -> str:
    formula = _symbolic(c, "macs", r)
    if formula:
        return formula
    if not (r.known and (r.output is not None or r.is_container)):
        return "?"
    return c.number(r.macs + r.train_macs) + (" †" if r.train_macs and not r.macs else "")


def _field(r: Row, part: int) -> str:
    if r.field is None:
        return ""
    h, w = (shown(axis[part]) for axis in r.field)
    return str(h) if h == w else f"{h}x{w}"


def _layer_value(r: Row, name: str, square_once: bool = False) -> str:
    """A layer argument as written: a pair `AxB` (`3` for a square stride), else the number."""
    value = getattr(r.layer, name, None)
    if isinstance(value, tuple):
        return str(value[0]) if square_once and value[0] == value[1] else f"{value[0]}x{value[1]}"
    return "" if value is None else str(value)


def _groups(r: Row) -> str:
    if r.keyword == "dwconv" and r.input is not None:
        return str(r.input.channels)
    groups = getattr(r.layer, "groups", None)
    return "" if groups is None or r.keyword not in ("conv", "deconv") else str(groups)


# The table's columns (`--columns`): a header with its alignment and place in the width policy, and
# how a row's cell is written. The layer's name always comes first.
COLUMNS: dict[str, tuple[Column, Callable[[Row, _Cells], str]]] = {
    "op": (Column("Operation", wrap=True, drop=2, min_width=12), lambda r, c: r.op),
    "input": (Column("Input", right=True), lambda r, c: shape_text(r.input)),
    "output": (Column("Output", right=True), lambda r, c: output_formula(c.report, r.path, r.output)
               if c.report.symbolic else shape_text(r.output)),
    "kernel": (Column("Kernel", right=True), lambda r, c: _layer_value(r, "kernel")),
    "stride": (Column("Stride", right=True), lambda r, c: _layer_value(r, "step" if r.keyword.endswith("pool")
                                                                         else "stride", square_once=True)),
    "groups": (Column("Groups", right=True), lambda r, c: _groups(r)),
    "params": (Column("Params", right=True), lambda r, c: _symbolic(c, "params", r) or (
        c.number(r.params) if r.known or r.params else "?")),
    "percent": (Column("%", right=True, drop=1), lambda r, c: share(r.params, c.total)),
    "macs": (Column("MACs", right=True), _macs),
    "memory": (Column("Memory", right=True), lambda r, c: human_bytes(r.activations * c.batch * BYTES_PER_VALUE)
               if r.known else "?"),
    "rf": (Column("RF", right=True), lambda r, c: _field(r, 0)),
    "rfstride": (Column("Eff. stride", right=True), lambda r, c: _field(r, 1)),
    "rfpad": (Column("Eff. pad", right=True), lambda r, c: _field(r, 2)),
    "from": (Column("From", wrap=True, drop=1, min_width=10), lambda r, c: c.source),
}
DEFAULT_COLUMNS = ("op", "output", "params", "percent", "macs")  # and "from" when a row has a source


def render_table(report: Report, *, depth: int | None = None, explain: bool = False, width: int = 120,
                 color: bool = False, with_file: bool = False, columns: tuple[str, ...] | None = None) -> Iterator[str]:
    rows, depth_note = _rows(report, depth)
    title = report.name if not with_file or report.network is None else f"{report.source.name}: {report.network}"
    shown_input = shape_text(report.input) if report.symbolic is None else \
        f"{report.symbolic.letters[0]}x{report.symbolic.letters[1]}x{report.input.channels if report.input else '?'}"
    shown_input += f", batch {report.batch}" if report.batch != 1 else ""
    froms = [_from(r) for r in rows]
    names = columns or (DEFAULT_COLUMNS + (("from",) if any(froms) else ()))
    heading = f"{title} — input {shown_input}"
    # Narrower and narrower until it fits: whole numbers; then K/M/G; then one space per level of
    # nesting; then layer names cut with `…` (a name may be cut, a number never).
    for compact, indent, cut in ((False, 2, False), (True, 2, False), (True, 1, False), (True, 1, True)):
        table, train = _table(report, rows, froms, names, heading, explain, human if compact else count, indent)
        spare = width - table.fitted_width(width)
        if spare >= 0:
            break
        if cut:
            longest = max((len(c[0]) for c, _ in table.rows), default=0)
            table, train = _table(report, rows, froms, names, heading, explain, human, indent,
                                  max(longest + spare, 8))
    yield from table.render(width, color)
    yield ""
    yield from key_values(totals_lines(report), color, width)
    if report.answers:
        yield verdict_line(verdict_counts([report]))
    notes = [depth_note] if depth_note else []
    if compact:
        notes.append(f"Params and MACs in K (10³), M (10⁶), G (10⁹) to fit {width} columns; a wider terminal "
                     f"or `--format csv` shows them whole")
    if any(r.rounded for r in report.rows):
        notes.append("* output size rounded by an explicit `floor`/`ceil` (`--show-notes` says which)")
    if train:
        notes.append("† training-only MACs (a `side train` head): not in Total MACs")
    if {"rf", "rfstride", "rfpad"} & set(names):
        notes.append("RF: how many input pixels a unit sees; Eff. stride: how far apart neighbouring units "
                     "look; Eff. pad: how far before the first input pixel unit 0's window starts (HxW when "
                     "the axes differ)")
    notes.append(CONVENTIONS)
    for note in notes:
        for line in wrap(note, width):
            yield styled(line, "dim", color)


def _table(report: Report, rows: list[Row], froms: list[str], names: tuple[str, ...], title: str, explain: bool,
           number: Callable[[int | None], str], indent: int, name_width: int | None = None) -> tuple[Table, bool]:
    """The table's rows, numbers written by `number` (whole with separators, or K/M/G), `indent` spaces
    per level of nesting, names cut to `name_width`; and whether a training-only MAC count was marked."""
    table = Table([Column("Layer")] + [COLUMNS[n][0] for n in names], title)
    cells = [COLUMNS[n][1] for n in names]
    train = False
    for r, source in zip(rows, froms):
        name = " " * indent * (r.depth - 1) + r.name + (" *" if r.rounded and not r.is_container else "")
        if name_width is not None and len(name) > name_width:
            name = name[:name_width - 1] + "…"
        context = _Cells(number, report.totals.params, source, report.batch, report)
        train = train or bool(r.train_macs and not r.macs)
        style = "bold" if r.is_container and r.depth == 1 else "dim" if r.is_container else None
        table.add_row([name] + [cell(r, context) for cell in cells], style)
        if explain and r.working is not None:
            for what, text in zip(("out", "params", "macs"), r.working):
                if text is not None:
                    table.add_note(f"  {what} {text}")
    return table, train and "macs" in names


def _rows(report: Report, depth: int | None) -> tuple[list[Row], str | None]:
    """The rows to show: all of them down to `depth`; past MAX_TABLE_ROWS the deepest depth that fits."""
    rows = visible_rows(report, depth)
    if depth is not None or len(rows) <= MAX_TABLE_ROWS:
        return rows, None
    deepest = max(r.depth for r in rows)
    if deepest == 1:
        return rows, None
    for d in range(deepest - 1, 0, -1):
        fewer = visible_rows(report, d)
        if len(fewer) <= MAX_TABLE_ROWS or d == 1:  # the top level is shown however long it is
            return fewer, (f"showing {len(fewer):,} of {len(rows):,} rows (depth {d}); `--depth {deepest}` or "
                           f"`--format csv` shows them all")
    return rows, None


def _from(r: Row) -> str:
    """Where a row's input comes from, when it is not the row above: a join's branch ends, an `@NAME` branch."""
    if r.ref is not None:
        return f"@{r.ref}"
    if r.kind == "join":
        merge = r.path.rpartition(".")[0]
        return ", ".join(p[len(merge) + 1:] if p.startswith(merge + ".") else p for p in r.inputs)
    return ""

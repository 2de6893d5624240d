"""The default view: a table that reads like the lecture's AlexNet breakdown, then the totals."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from cnncalc.limits import MAX_TABLE_ROWS
from cnncalc.render.rows import (
    CONVENTIONS,
    count,
    human,
    shape_text,
    share,
    totals_lines,
    verdict_counts,
    verdict_line,
    visible_rows,
)
from cnncalc.render.text import Column, Table, key_values, styled, wrap
from cnncalc.report import Report, Row


def render_table(report: Report, *, depth: int | None = None, explain: bool = False, width: int = 120,
                 color: bool = False, with_file: bool = False) -> Iterator[str]:
    rows, depth_note = _rows(report, depth)
    title = report.name if not with_file or report.network is None else f"{report.source.name}: {report.network}"
    shown_input = shape_text(report.input) + (f", batch {report.batch}" if report.batch != 1 else "")
    froms = [_from(r) for r in rows]
    columns = [Column("Layer"), Column("Operation", wrap=True, drop=2, min_width=12), Column("Output", right=True),
               Column("Params", right=True), Column("%", right=True, drop=1), Column("MACs", right=True)]
    if any(froms):
        columns.append(Column("From", wrap=True, drop=1, min_width=10))
    heading = f"{title} — input {shown_input}"
    # Narrower and narrower until it fits: whole numbers; then K/M/G; then one space per level of
    # nesting; then layer names cut with `…` (a name may be cut, a number never).
    for compact, indent, cut in ((False, 2, False), (True, 2, False), (True, 1, False), (True, 1, True)):
        table, train = _table(rows, froms, columns, heading, report.totals.params, explain,
                              human if compact else count, indent)
        spare = width - table.fitted_width(width)
        if spare >= 0:
            break
        if cut:
            longest = max((len(c[0]) for c, _ in table.rows), default=0)
            table, train = _table(rows, froms, columns, heading, report.totals.params, explain, human, indent,
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
    notes.append(CONVENTIONS)
    for note in notes:
        for line in wrap(note, width):
            yield styled(line, "dim", color)


def _table(rows: list[Row], froms: list[str], columns: list[Column], title: str, total: int | None, explain: bool,
           number: Callable[[int | None], str], indent: int, name_width: int | None = None) -> tuple[Table, bool]:
    """The table's rows, numbers written by `number` (whole with separators, or K/M/G), `indent` spaces
    per level of nesting, names cut to `name_width`; and whether a training-only MAC count was marked."""
    table = Table(columns, title)
    train = False
    for r, source in zip(rows, froms):
        name = " " * indent * (r.depth - 1) + r.name + (" *" if r.rounded and not r.is_container else "")
        if name_width is not None and len(name) > name_width:
            name = name[:name_width - 1] + "…"
        macs = number(r.macs + r.train_macs) if r.known and (r.output is not None or r.is_container) else "?"
        if r.train_macs and not r.macs:
            macs += " †"
            train = True
        cells = [name, r.op, shape_text(r.output), number(r.params) if r.known or r.params else "?",
                 share(r.params, total), macs]
        if len(columns) == 7:
            cells.append(source)
        style = "bold" if r.is_container and r.depth == 1 else "dim" if r.is_container else None
        table.add_row(cells, style)
        if explain and r.working is not None:
            for what, text in zip(("out", "params", "macs"), r.working):
                if text is not None:
                    table.add_note(f"  {what} {text}")
    return table, train


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

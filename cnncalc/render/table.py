"""The default view: a table that reads like the lecture's AlexNet breakdown, then the totals."""
from __future__ import annotations

from collections.abc import Iterator

from cnncalc.limits import MAX_TABLE_ROWS
from cnncalc.render.rows import (
    CONVENTIONS,
    count,
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
    table = Table(columns, f"{title} — input {shown_input}")
    total = report.totals.params
    train = False
    for r, source in zip(rows, froms):
        name = "  " * (r.depth - 1) + r.name + (" *" if r.rounded and not r.is_container else "")
        macs = count(r.macs + r.train_macs) if r.known and (r.output is not None or r.is_container) else "?"
        if r.train_macs and not r.macs:
            macs += " †"
            train = True
        cells = [name, r.op, shape_text(r.output), count(r.params) if r.known or r.params else "?",
                 share(r.params, total), macs]
        if len(columns) == 7:
            cells.append(source)
        style = "bold" if r.is_container and r.depth == 1 else "dim" if r.is_container else None
        table.add_row(cells, style)
        if explain and r.working is not None:
            for what, text in zip(("out", "params", "macs"), r.working):
                if text is not None:
                    table.add_note(f"  {what} {text}")
    yield from table.render(width, color)
    yield ""
    yield from key_values(totals_lines(report), color)
    if report.answers:
        yield verdict_line(verdict_counts([report]))
    notes = [depth_note] if depth_note else []
    if any(r.rounded for r in report.rows):
        notes.append("* output size rounded by an explicit `floor`/`ceil` (`--show-notes` says which)")
    if train:
        notes.append("† training-only MACs (a `side train` head): not in Total MACs")
    notes.append(CONVENTIONS)
    for note in notes:
        for line in wrap(note, width):
            yield styled(line, "dim", color)


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

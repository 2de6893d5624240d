"""`cnncalc diff` as a table, markdown or JSON: what changed, where, and by how much."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cnncalc.diff import Diff, RowChange, TotalChange
from cnncalc.render.rows import count, human, human_bytes, percent, shape_list, shape_text
from cnncalc.render.text import Column, Table, styled

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "same": "dim"}


def visible(diff: Diff, show_all: bool) -> list[RowChange]:
    return [r for r in diff.rows if show_all or r.status != "same"]


def _cell(change: RowChange, field: str, number: Callable[[int | None], str]) -> str:
    """`a → b` when the field changed, the one value otherwise; `–` for a side that has no row."""
    def get(row: Any) -> str:
        if row is None:
            return "–"
        if field == "output":
            return shape_text(row.output)
        if field == "op":
            return str(row.op)
        return number(row.params if field == "params" else row.macs + row.train_macs)
    a, b = get(change.a), get(change.b)
    if change.status == "added":
        return b
    if change.status == "removed":
        return a
    return a if a == b else f"{a} → {b}"


def _delta(change: RowChange, field: str, number: Callable[[int | None], str]) -> str:
    def value(row: Any) -> int:
        return 0 if row is None else row.params if field == "params" else row.macs + row.train_macs
    d = value(change.b) - value(change.a)
    return "" if d == 0 else ("+" if d > 0 else "-") + number(abs(d))


def _status(change: RowChange) -> str:
    if change.status != "changed":
        return change.status
    names = {"op": "operation", "output": "output", "params": "params", "non_trainable": "running stats",
             "macs": "MACs"}
    return ", ".join(names[f] for f in change.changed)


def total_cells(t: TotalChange) -> tuple[str, str, str, str]:
    show = human_bytes if t.unit == "bytes" else human
    delta = t.delta
    change = "" if delta is None else ("" if delta == 0 else
                                       ("+" if delta > 0 else "-") + show(abs(delta)))
    pct = "" if delta is None or t.a is None or delta == 0 else percent(delta, t.a)
    return show(t.a), show(t.b), change, pct


def render_diff_table(diff: Diff, show_all: bool, width: int, color: bool) -> Iterator[str]:
    a, b = diff.a.source.name, diff.b.source.name
    columns = [Column("Layer"), Column("Changed", wrap=True, min_width=8),
               Column("Operation", wrap=True, drop=2, min_width=12), Column("Output", right=True),
               Column("Params", right=True), Column("Δ Params", right=True, drop=1), Column("MACs", right=True),
               Column("Δ MACs", right=True, drop=1)]
    rows = visible(diff, show_all)
    tables = []
    # Whole numbers, or K/M/G when that fits better: fitting above all, then the operation, then more
    # columns, then a readable "Changed" column.
    for number in (count, human):
        table = Table(columns, f"{a} → {b}")
        for r in rows:
            table.add_row([r.path, _status(r), _cell(r, "op", number), _cell(r, "output", number),
                           _cell(r, "params", number), _delta(r, "params", number), _cell(r, "macs", number),
                           _delta(r, "macs", number)], STYLE[r.status] if r.status != "changed" else None)
        kept, ws = table.widths(width)
        fits = table.fitted_width(width) <= width
        tables.append(((fits, 2 in kept, len(kept), ws[kept.index(1)] >= 20, number is count), table))
    table = max(tables, key=lambda scored: scored[0])[1]
    if table.rows:
        yield from table.render(width, color)
    else:
        yield styled("no row differs", "dim", color)
    yield ""
    totals = Table([Column("Total"), Column("before", right=True), Column("after", right=True),
                    Column("change", right=True), Column("%", right=True)])
    for t in diff.totals:
        totals.add_row([t.quantity, *total_cells(t)])
    yield from totals.render(width, color)
    changed = sum(1 for r in diff.rows if r.status != "same")
    yield styled("no differences" if not diff.differs else f"{changed} row{'s' * (changed != 1)} differ", "bold", color)


def render_diff_markdown(diff: Diff, show_all: bool) -> Iterator[str]:
    yield f"### `{diff.a.source.name}` → `{diff.b.source.name}`"
    yield ""
    yield "| Layer | Change | Operation | Output | Params | Δ params | MACs | Δ MACs |"
    yield "|---|---|---|---|---:|---:|---:|---:|"
    for r in visible(diff, show_all):
        op = _cell(r, "op", count).replace("|", "\\|")
        yield (f"| `{r.path}` | {_status(r)} | `{op}` | {_cell(r, 'output', count)} | {_cell(r, 'params', count)} | "
               f"{_delta(r, 'params', count)} | {_cell(r, 'macs', count)} | {_delta(r, 'macs', count)} |")
    yield ""
    yield "| Total | before | after | change | % |"
    yield "|---|---:|---:|---:|---:|"
    for t in diff.totals:
        yield f"| {t.quantity} | " + " | ".join(total_cells(t)) + " |"


def diff_document(diff: Diff, show_all: bool) -> dict[str, Any]:
    def side(row: Any) -> dict[str, Any] | None:
        return None if row is None else {"spec": row.op, "output": shape_list(row.output), "params": row.params,
                                         "non_trainable": row.non_trainable, "macs": row.macs + row.train_macs}
    return {
        "a": diff.a.source.name, "b": diff.b.source.name, "differs": diff.differs,
        "layers": [{"path": r.path, "status": r.status, "changed": list(r.changed), "a": side(r.a), "b": side(r.b)}
                   for r in visible(diff, show_all)],
        "totals": [{"quantity": t.quantity, "a": t.a, "b": t.b, "delta": t.delta, "unit": t.unit or "count"}
                   for t in diff.totals],
    }

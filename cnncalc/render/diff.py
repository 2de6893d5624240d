"""`cnncalc diff` as a table, markdown or JSON: what changed, where, and by how much."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cnncalc.diff import Diff, RowChange, TotalChange
from cnncalc.render.rows import count, human, human_bytes, percent, shape_list, shape_text
from cnncalc.render.text import Column, Table, styled

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "same": "dim"}


def visible(diff: Diff, show_all: bool) -> list[RowChange]:
    return [r for r in diff.rows if show_all or r.status != "same"]


def _cell(change: RowChange, field: str) -> str:
    """`a → b` when the field changed, the one value otherwise; `–` for a side that has no row."""
    def get(row: Any) -> str:
        if row is None:
            return "–"
        if field == "output":
            return shape_text(row.output)
        if field == "op":
            return str(row.op)
        return count(row.params if field == "params" else row.macs + row.train_macs)
    a, b = get(change.a), get(change.b)
    if change.status == "added":
        return b
    if change.status == "removed":
        return a
    return a if a == b else f"{a} → {b}"


def _delta(change: RowChange, field: str) -> str:
    def value(row: Any) -> int:
        return 0 if row is None else row.params if field == "params" else row.macs + row.train_macs
    d = value(change.b) - value(change.a)
    return "" if d == 0 else f"{d:+,}"


def _status(change: RowChange) -> str:
    if change.status != "changed":
        return change.status
    names = {"op": "operation", "output": "output", "params": "params", "non_trainable": "running stats",
             "macs": "MACs"}
    return "changed: " + ", ".join(names[f] for f in change.changed)


def total_cells(t: TotalChange) -> tuple[str, str, str, str]:
    show = human_bytes if t.unit == "bytes" else human
    delta = t.delta
    change = "" if delta is None else ("" if delta == 0 else
                                       ("+" if delta > 0 else "-") + show(abs(delta)))
    pct = "" if delta is None or t.a is None or delta == 0 else percent(delta, t.a)
    return show(t.a), show(t.b), change, pct


def render_diff_table(diff: Diff, show_all: bool, width: int, color: bool) -> Iterator[str]:
    a, b = diff.a.source.name, diff.b.source.name
    table = Table([Column("Layer"), Column("Change", wrap=True, min_width=8), Column("Operation", wrap=True, drop=2,
                                                                                     min_width=12),
                   Column("Output", right=True), Column("Params", right=True), Column("Δ Params", right=True),
                   Column("MACs", right=True), Column("Δ MACs", right=True)], f"{a} → {b}")
    for r in visible(diff, show_all):
        table.add_row([r.path, _status(r), _cell(r, "op"), _cell(r, "output"), _cell(r, "params"), _delta(r, "params"),
                       _cell(r, "macs"), _delta(r, "macs")], STYLE[r.status] if r.status != "changed" else None)
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
        op = _cell(r, "op").replace("|", "\\|")
        yield (f"| `{r.path}` | {_status(r)} | `{op}` | {_cell(r, 'output')} | {_cell(r, 'params')} | "
               f"{_delta(r, 'params')} | {_cell(r, 'macs')} | {_delta(r, 'macs')} |")
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

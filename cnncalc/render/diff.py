"""`cnncalc diff` as a table, markdown or JSON."""
from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cnncalc.diff import Diff, RowChange, TotalChange
from cnncalc.render.rows import shape_list, shape_text

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "same": "dim"}


def _pair(change: RowChange, attr: str) -> tuple[str, str]:
    def get(row: Any) -> str:
        if row is None:
            return ""
        value = getattr(row, attr)
        return shape_text(value) if attr == "output" else f"{value:,}"
    return get(change.a), get(change.b)


def _delta(change: RowChange, attr: str) -> str:
    a = getattr(change.a, attr) if change.a is not None else 0
    b = getattr(change.b, attr) if change.b is not None else 0
    return "" if a == b else f"{b - a:+,}"


def _percent(t: TotalChange) -> str:
    return "new" if t.percent is None and t.delta else ("" if t.percent is None else f"{t.percent:+.1f}%")


def visible(diff: Diff, show_all: bool) -> list[RowChange]:
    return [r for r in diff.rows if show_all or r.status != "same"]


def render_diff_table(diff: Diff, show_all: bool) -> RenderableType:
    a, b = diff.a.source.name, diff.b.source.name
    table = Table(title=f"{a} → {b}", title_justify="left", show_edge=False, pad_edge=False, header_style="bold")
    for name, justify in (("Layer", "left"), ("", "left"), ("Output", "right"), ("Params", "right"), ("Δ params", "right"),
                          ("MACs", "right"), ("Δ MACs", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in visible(diff, show_all):
        out_a, out_b = _pair(r, "output")
        pa, pb = _pair(r, "params")
        ma, mb = _pair(r, "macs")
        arrow = lambda x, y: x if x == y else f"{x or '–'} → {y or '–'}"  # noqa: E731
        table.add_row(r.path, Text(r.status, style=STYLE[r.status]), arrow(out_a, out_b), arrow(pa, pb),
                      _delta(r, "params"), arrow(ma, mb), _delta(r, "macs"))
    totals = Table.grid(padding=(0, 2))
    for _ in range(5):
        totals.add_column(justify="right")
    totals.add_row("Total", a, b, "change", "")
    for t in diff.totals:
        totals.add_row(t.quantity, f"{t.a:,}", f"{t.b:,}", f"{t.delta:+,}", _percent(t))
    verdict = Text("no differences" if not diff.differs else
                   f"{sum(1 for r in diff.rows if r.status != 'same')} row(s) differ", style="bold")
    return Group(table, Text(""), totals, verdict)


def render_diff_markdown(diff: Diff, show_all: bool) -> str:
    lines = [f"### `{diff.a.source.name}` → `{diff.b.source.name}`", "",
             "| Layer | Change | Output | Params | Δ params | MACs | Δ MACs |", "|---|---|---|---:|---:|---:|---:|"]
    for r in visible(diff, show_all):
        out_a, out_b = _pair(r, "output")
        pa, pb = _pair(r, "params")
        ma, mb = _pair(r, "macs")
        fmt = lambda x, y: x if x == y else f"{x or '–'} → {y or '–'}"  # noqa: E731
        lines.append(f"| `{r.path}` | {r.status} | {fmt(out_a, out_b)} | {fmt(pa, pb)} | {_delta(r, 'params')} | "
                     f"{fmt(ma, mb)} | {_delta(r, 'macs')} |")
    lines += ["", "| Total | before | after | change | % |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {t.quantity} | {t.a:,} | {t.b:,} | {t.delta:+,} | {_percent(t)} |" for t in diff.totals]
    return "\n".join(lines) + "\n"


def diff_document(diff: Diff, show_all: bool) -> dict[str, Any]:
    def side(row: Any) -> dict[str, Any] | None:
        return None if row is None else {"output": shape_list(row.output), "params": row.params,
                                         "non_trainable": row.non_trainable, "macs": row.macs, "spec": row.op}
    return {
        "a": diff.a.source.name, "b": diff.b.source.name, "differs": diff.differs,
        "layers": [{"path": r.path, "status": r.status, "a": side(r.a), "b": side(r.b)} for r in visible(diff, show_all)],
        "totals": {t.quantity: {"a": t.a, "b": t.b, "delta": t.delta, "percent": t.percent} for t in diff.totals},
    }

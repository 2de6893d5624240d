"""The default view: a rich table that reads like the lecture's AlexNet breakdown."""
from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cnncalc.report import Report
from cnncalc.render.rows import CONVENTIONS, human, human_bytes, shape_text, share, visible_rows


def render_table(report: Report, *, depth: int | None = None, explain: bool = False) -> RenderableType:
    rows = visible_rows(report, depth)
    total = report.totals.params
    show_from = any(r.kind == "join" for r in rows)
    title = report.network or report.source.name
    shown_input = shape_text(report.input) + (f", batch {report.batch}" if report.batch != 1 else "")
    table = Table(title=f"{title} — input {shown_input}", title_justify="left", show_edge=False,
                  pad_edge=False, header_style="bold")
    table.add_column("Layer", no_wrap=True)
    table.add_column("Operation")
    table.add_column("Output", justify="right", no_wrap=True)
    table.add_column("Params", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column("MACs", justify="right", no_wrap=True)
    if show_from:
        table.add_column("From")
    for r in rows:
        name = "  " * (r.depth - 1) + r.name + (" *" if r.rounded and not r.is_container else "")
        op = Text(r.op, style="dim" if r.is_container else "")
        cells: list[RenderableType] = [name, op, shape_text(r.output), f"{r.params:,}", share(r.params, total),
                                       f"{r.macs:,}"]
        if show_from:
            merge = r.path.rpartition(".")[0]
            cells.append(", ".join(_relative(p, merge) for p in r.inputs) if r.kind == "join" else "")
        table.add_row(*cells, style="bold" if r.is_container and r.depth == 1 else None)
        if explain and r.layer is not None and r.input is not None and r.output is not None:
            for line in r.layer.explain(r.input, r.output):
                table.add_row("", Text("  " + line, style="italic"), *[""] * (len(cells) - 2))
    t = report.totals
    totals = Table.grid(padding=(0, 2))
    totals.add_column()
    totals.add_column(justify="right")
    totals.add_row("Total params", f"{t.params:,}  ({human(t.params)})")
    if t.non_trainable:
        totals.add_row("Non-trainable (running stats)", f"{t.non_trainable:,}")
    totals.add_row("Total MACs", f"{t.macs:,}  ({human(t.macs)})")
    totals.add_row("Parameter memory", human_bytes(t.param_bytes))
    totals.add_row(f"Activation memory (batch {t.batch})", human_bytes(t.activation_bytes))
    totals.add_row("Output", shape_text(report.output))
    parts: list[RenderableType] = [table, Text(""), totals, Text(CONVENTIONS, style="dim")]
    if any(r.rounded for r in report.rows):
        parts.append(Text("* output size rounded by an explicit `floor`/`ceil` (see the notes)", style="dim"))
    return Group(*parts)


def _relative(path: str, merge: str) -> str:
    """A feeding row's path as seen from the merge: `body.bottleneck1.bn3` rather than the full path."""
    return path[len(merge) + 1:] if path.startswith(merge + ".") else path

"""Rendering for the executing commands: the verify table and document, output volumes as depth slices."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cnncalc.render.rows import shape_text, visible_rows
from cnncalc.report import Report

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.verify import Verification


def render_verification(report: Report, result: Verification, depth: int | None) -> RenderableType:
    shown = {r.path for r in visible_rows(report, depth)}
    table = Table(title=f"{report.network or report.source.name}: walker vs executor", title_justify="left",
                  show_edge=False, pad_edge=False, header_style="bold")
    for name, justify in (("Layer", "left"), ("Shape", "right"), ("Params (walker / arrays)", "right"),
                          ("MACs (walker / performed)", "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for c in result.comparisons:
        row, got = c.row, c.result
        if row.path not in shown:
            continue
        shape = shape_text(row.output)
        if got is not None and (row.output is None or got.shape != row.output.dims):
            shape += f" / {'x'.join(map(str, got.shape))}"
        params = f"{row.params:,} / {got.params:,}" if got else f"{row.params:,} / ?"
        macs = f"{row.macs:,} / {got.macs:,.0f}" if got else f"{row.macs:,} / ?"
        mark = Text("✓", style="green") if c.agrees else Text("✗ differs", style="bold red")
        table.add_row("  " * (row.depth - 1) + row.name, shape, params, macs, mark)
    layers = sum(1 for c in result.comparisons if c.row.kind == "layer")
    name = report.network or report.source.name
    verdict = (Text(f"{name}: {layers} layers: shapes, parameters and MACs agree; outputs finite.", style="green")
               if result.ok else Text(f"{name}: {len(result.diagnostics)} disagreement(s): a bug in cnncalc.",
                                      style="bold red"))
    return Group(table, verdict)


def verification_document(report: Report, result: Verification) -> dict[str, Any]:
    from cnncalc.render.machine import diagnostic_dict
    return {
        "file": report.source.name, "ok": result.ok, "verified": True,
        "layers": [{"path": c.row.path, "walker": {"output": list(c.row.output.dims) if c.row.output else None,
                                                   "params": c.row.params, "non_trainable": c.row.non_trainable,
                                                   "macs": c.row.macs},
                    "executor": None if c.result is None else {
                        "output": list(c.result.shape), "params": c.result.params,
                        "non_trainable": c.result.non_trainable, "macs": c.result.macs, "finite": c.result.finite},
                    "agrees": c.agrees} for c in result.comparisons],
        "diagnostics": [diagnostic_dict(report, d) for d in result.diagnostics],
    }


def render_volume(y: np.ndarray) -> RenderableType:
    """An output batch as the lecture prints it: one table per depth slice, `o[:,:,0]`, ..."""
    parts: list[RenderableType] = []
    for i, image in enumerate(y):
        prefix = f"o[{i}]" if len(y) > 1 else "o"
        if image.ndim == 1:
            parts.append(Text(f"{prefix} ({image.shape[0]} values)", style="bold"))
            parts.append(Text("  ".join(_number(v) for v in image)))
            continue
        parts.append(Text(f"{prefix}: {'x'.join(map(str, image.shape))}", style="bold"))
        for c in range(image.shape[-1]):
            parts.append(Text(f"{prefix}[:,:,{c}]"))
            table = Table(show_header=False, box=None, pad_edge=False)
            for _ in range(image.shape[1]):
                table.add_column(justify="right")
            for r in range(image.shape[0]):
                table.add_row(*(_number(v) for v in image[r, :, c]))
            parts.append(table)
    return Group(*parts)


def _number(v: float) -> str:
    """Whole numbers as integers (the lecture's examples); others to 6 significant digits."""
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else f"{v:.6g}"

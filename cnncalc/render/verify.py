"""Rendering for the executing commands: the verify table and document, output volumes as depth slices."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cnncalc import codes
from cnncalc.render.rows import shape_text, visible_rows
from cnncalc.render.text import Column, Table, styled
from cnncalc.report import Report

if TYPE_CHECKING:
    import numpy as np

    from cnncalc.verify import Verification


def render_verification(report: Report, result: Verification, depth: int | None, width: int,
                        color: bool) -> Iterator[str]:
    shown = {r.path for r in visible_rows(report, depth)}
    table = Table([Column("Layer"), Column("Shape", right=True), Column("Params (walker / arrays)", right=True),
                   Column("MACs (walker / performed)", right=True), Column("")],
                  f"{report.name}: walker vs executor")
    for c in result.comparisons:
        row, got = c.row, c.result
        if row.path not in shown:
            continue
        shape = shape_text(row.output)
        if got is not None and (row.output is None or got.shape != row.output.dims):
            shape += f" / {'x'.join(map(str, got.shape))}"
        params = f"{row.params:,} / {got.params:,}" if got else f"{row.params:,} / ?"
        macs = f"{row.macs + row.train_macs:,} / {got.macs:,.0f}" if got else f"{row.macs:,} / ?"
        verdict = "✓" if c.agrees else "✗ NaN/Inf" if c.counts_agree else "✗ differs"
        table.add_row(["  " * (row.depth - 1) + row.name, shape, params, macs, verdict])
    yield from table.render(width, color)
    layers = sum(1 for c in result.comparisons if c.row.kind == "layer")
    if result.ok:
        yield styled(f"{report.name}: {layers} layer{'s' * (layers != 1)}: shapes, parameters and MACs agree; "
                     f"outputs finite.", "green", color)
    else:
        n = sum(1 for d in result.diagnostics if d.code != codes.E904)
        unfinite = len(result.diagnostics) - n
        said = ([f"{n} disagreement{'s' * (n != 1)}: a bug in cnncalc"] if n else []) + \
            ([f"{unfinite} layer{'s' * (unfinite != 1)} gave NaN or Inf (E904 says why)"] if unfinite else [])
        yield styled(f"{report.name}: {'; '.join(said)}.", "bold red", color)


def verification_document(report: Report, result: Verification) -> dict[str, Any]:
    from cnncalc.render.machine import diagnostic_dict
    return {
        "file": report.source.name, "network": report.network, "ok": result.ok, "verified": True,
        "layers": [{"path": c.row.path, "walker": {"output": list(c.row.output.dims) if c.row.output else None,
                                                   "params": c.row.params, "non_trainable": c.row.non_trainable,
                                                   "macs": c.row.macs + c.row.train_macs},
                    "executor": None if c.result is None else {
                        "output": list(c.result.shape), "params": c.result.params,
                        "non_trainable": c.result.non_trainable, "macs": c.result.macs, "finite": c.result.finite},
                    "agrees": c.agrees} for c in result.comparisons],
        "diagnostics": [diagnostic_dict(report, d) for d in result.diagnostics],
    }


def render_volume(y: np.ndarray) -> Iterator[str]:
    """An output batch as the lecture prints it: one matrix per depth slice, `o[:,:,0]`, ..."""
    for i, image in enumerate(y):
        prefix = f"o[{i}]" if len(y) > 1 else "o"
        if image.ndim == 1:
            yield f"{prefix} ({image.shape[0]} values)"
            yield "  ".join(_number(v) for v in image)
            continue
        yield f"{prefix}: {'x'.join(map(str, image.shape))}"
        for c in range(image.shape[-1]):
            yield f"{prefix}[:,:,{c}]"
            cells = [[_number(v) for v in image[r, :, c]] for r in range(image.shape[0])]
            widths = [max(len(row[j]) for row in cells) for j in range(image.shape[1])]
            for row in cells:
                yield "  ".join(v.rjust(w) for v, w in zip(row, widths))


def _number(v: float) -> str:
    """Whole numbers as integers (the lecture's examples); others to 6 significant digits."""
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else f"{v:.6g}"

"""Machine formats: the JSON document, CSV and markdown. Same numbers as the table."""
from __future__ import annotations

import csv
import io
from typing import Any

from cnncalc.render.diagnostics import location
from cnncalc.render.rows import CONVENTIONS, shape_list, shape_text, share, visible_rows
from cnncalc.report import Report, Row


def row_dict(r: Row) -> dict[str, Any]:
    return {
        "path": r.path, "name": r.name, "op": r.layer.keyword if r.layer is not None else r.kind,
        "spec": r.op, "kind": r.kind, "depth": r.depth, "output": shape_list(r.output), "params": r.params,
        "weights": r.weights, "biases": r.biases, "non_trainable": r.non_trainable, "macs": r.macs,
        "activations": r.activations, "rounded": r.rounded, "inputs": r.inputs, "branches": r.branches,
    }


def json_document(report: Report) -> dict[str, Any]:
    t = report.totals
    return {
        "file": report.source.name,
        "network": report.network,
        "input": shape_list(report.input),
        "batch": report.batch,
        "layers": [row_dict(r) for r in report.rows],
        "output": shape_list(report.output),
        "totals": {"params": t.params, "non_trainable": t.non_trainable, "macs": t.macs,
                   "activations": t.activations, "param_bytes": t.param_bytes,
                   "activation_bytes": t.activation_bytes},
        "diagnostics": [diagnostic_dict(report, d) for d in report.diagnostics],
        "ok": report.ok,
    }


def diagnostic_dict(report: Report, d: Any) -> dict[str, Any]:
    line, col = location(d, report.source)
    return {"code": d.code, "severity": d.severity, "message": d.message, "hint": d.hint, "line": line,
            "column": col, "path": d.path, "notes": list(d.notes)}


def render_csv(report: Report, depth: int | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "path", "depth", "kind", "op", "output", "params", "weights", "biases",
                     "non_trainable", "macs", "activations"])
    for r in visible_rows(report, depth):
        writer.writerow([report.source.name, r.path, r.depth, r.kind, r.op, shape_text(r.output), r.params,
                         r.weights, r.biases, r.non_trainable, r.macs, r.activations])
    return out.getvalue()


def render_markdown(report: Report, depth: int | None = None) -> str:
    t = report.totals
    lines = [f"### {report.network or report.source.name} — input {shape_text(report.input)}", "",
             "| Layer | Operation | Output | Params | % | MACs |", "|---|---|---:|---:|---:|---:|"]
    for r in visible_rows(report, depth):
        name = "&nbsp;&nbsp;" * (r.depth - 1) + r.path.split(".")[-1] if r.depth > 1 else r.name
        op = r.op.replace("|", "\\|")
        lines.append(f"| {name} | `{op}` | {shape_text(r.output)} | {r.params:,} | {share(r.params, t.params)} "
                     f"| {r.macs:,} |")
    lines += ["", f"**Total params** {t.params:,} · **non-trainable** {t.non_trainable:,} · "
                  f"**MACs** {t.macs:,} · **parameter memory** {t.param_bytes:,} B · "
                  f"**activation memory** {t.activation_bytes:,} B (batch {t.batch})", "", f"_{CONVENTIONS}_", ""]
    return "\n".join(lines)

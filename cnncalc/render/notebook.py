"""What a `Report` shows of itself in Python and notebooks (`str`, `_repr_html_`, `to_dict`,
`to_dataframe`): the renderers the command line uses, called on one report."""
from __future__ import annotations

from html import escape
from typing import Any

from cnncalc.render.diagnostics import render_diagnostic
from cnncalc.render.html import section
from cnncalc.render.machine import network_document, row_dict
from cnncalc.render.rows import shape_text
from cnncalc.render.table import render_table
from cnncalc.report import Report

WIDTH = 100  # columns of `str(report)`: a notebook cell's usual width

# The page's style, kept inside the report's own element so it does not restyle the notebook.
STYLE = """
.cnncalc table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
.cnncalc th, .cnncalc td { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
.cnncalc td.n, .cnncalc th.n { text-align: right; font-variant-numeric: tabular-nums; }
.cnncalc tr.container td { color: #666; } .cnncalc tr.top td { font-weight: bold; }
.cnncalc .picture { overflow-x: auto; max-height: 40em; border: 1px solid #ddd; padding: 0.5em; }
.cnncalc .diagnostic { font-family: monospace; white-space: pre-wrap; margin: 0.4em 0; }
.cnncalc .error { color: #b00020; } .cnncalc .warning { color: #a15c00; } .cnncalc .note { color: #555; }
"""


def text(report: Report) -> str:
    """The diagnostics, then the table and totals, as `cnncalc FILE` prints them (no colour)."""
    problems = [render_diagnostic(d, report.source) for d in report.diagnostics if not d.code.quiet]
    return "\n".join([*problems, *render_table(report, width=WIDTH)])


def html(report: Report) -> str:
    """The picture, diagnostics, table and totals, styled within their own element."""
    return (f'<div class="cnncalc"><style>{STYLE}</style><h3>{escape(report.name)}</h3>'
            + "".join(section(report)) + "</div>")


def document(report: Report) -> dict[str, Any]:
    """The network's part of `--format json`, rows included."""
    doc, rows = network_document(report)
    doc["layers"] = [row_dict(r) for r in rows]
    return doc


def dataframe(report: Report) -> Any:
    """A pandas DataFrame, a row per layer and container, the CSV's columns and the receptive field."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("Report.to_dataframe needs pandas: pip install pandas (or use report.to_dict())") from None
    records = []
    for r in report.rows:
        h, w = r.field if r.field is not None else (None, None)
        records.append({
            "path": r.path, "depth": r.depth, "kind": r.kind, "op": r.op, "input": shape_text(r.input),
            "output": shape_text(r.output), "params": r.params if r.known else None,
            "weights": r.weights if r.known else None, "biases": r.biases if r.known else None,
            "non_trainable": r.non_trainable if r.known else None, "macs": r.macs if r.known else None,
            "train_macs": r.train_macs if r.known else None, "activations": r.activations if r.known else None,
            "receptive_field": f"{h[0]}x{w[0]}" if h and w else None,
        })
    return pd.DataFrame.from_records(records, index="path")

"""One self-contained HTML page per run (no network access needed, printable): per network the
picture, the table, the totals, the answers' verdicts, the diagnostics and the conventions."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from cnncalc.render.picture import svg
from cnncalc.render.rows import CONVENTIONS, count, output_formula, share, totals_lines, verdict_counts, verdict_line
from cnncalc.report import Report

STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
.picture { overflow-x: auto; border: 1px solid #ddd; padding: 0.5em; margin: 1em 0; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } th.n { text-align: right; }
tr.container td { color: #666; } tr.top td { font-weight: bold; color: #222; }
.diagnostic { font-family: monospace; white-space: pre-wrap; margin: 0.4em 0; }
.error { color: #b00020; } .warning { color: #a15c00; } .note { color: #555; }
.conventions { color: #666; font-size: 0.85em; max-width: 60em; }
@media print { .picture { overflow: visible; border: none; } body { margin: 1cm; } }
"""


def page(reports: Iterable[Report], depth: int | None = None) -> Iterator[str]:
    yield "<!DOCTYPE html>"
    yield '<html lang="en"><head><meta charset="utf-8">'
    yield "<title>cnncalc</title>"
    yield f"<style>{STYLE}</style></head><body>"
    for i, report in enumerate(reports):
        if i == 0:
            yield f"<h1>{escape(report.name)}</h1>"
        else:
            yield f"<h2>{escape(report.name)}</h2>"
        yield from section(report, depth)
    yield f'<p class="conventions">{escape(CONVENTIONS)}</p>'
    yield "</body></html>"


def section(report: Report, depth: int | None = None) -> Iterator[str]:
    """One network: what a notebook's `_repr_html_` shows."""
    yield f"<p>{escape(report.source.name)} — input {escape(output_formula(report, '', report.input))}</p>"
    yield f'<div class="picture">{svg(report, depth)}</div>'
    yield from diagnostics(report)
    yield "<table><thead><tr><th>Layer</th><th>Operation</th><th class=n>Output</th><th class=n>Params</th>" \
          "<th class=n>%</th><th class=n>MACs</th></tr></thead><tbody>"
    total = report.totals.params
    for r in report.rows:
        if depth is not None and r.depth > depth:
            continue
        cls = "top" if r.is_container and r.depth == 1 else "container" if r.is_container else ""
        indent = "&nbsp;" * 3 * (r.depth - 1)
        params = count(r.params) if r.known else "?"
        macs = count(r.macs + r.train_macs) if r.known else "?"
        yield (f'<tr class="{cls}"><td>{indent}{escape(r.name)}</td><td>{escape(r.op)}</td>'
               f"<td class=n>{escape(output_formula(report, r.path, r.output))}</td><td class=n>{params}</td>"
               f"<td class=n>{share(r.params, total)}</td><td class=n>{macs}</td></tr>")
    yield "</tbody></table>"
    totals = "".join(f"<tr><td>{escape(label)}</td><td class=n>{escape(value)}</td><td>{escape(note)}</td></tr>"
                     for label, value, note in totals_lines(report))
    yield f"<table>{totals}</table>"
    if report.answers:
        yield f"<p>{escape(verdict_line(verdict_counts([report])))}</p>"


def diagnostics(report: Report) -> Iterator[str]:
    for d in report.diagnostics:
        line, col = report.source.position(d)
        hint = f"\n  hint: {d.hint}" if d.hint else ""
        yield (f'<div class="diagnostic {d.severity}">{escape(report.source.name)}:{line}:{col}: '
               f"{d.severity}[{d.code}]: {escape(d.message)}{escape(hint)}</div>")

"""Machine formats: the JSON document (streamed, one row per line), CSV and markdown. Same
numbers as the table; `null` (JSON) and `?` (CSV, markdown) where a value is unknown, never 0."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as _string
from typing import Any

from cnncalc import __version__
from cnncalc.diagnostics import Diagnostic
from cnncalc.render.diagnostics import location
from cnncalc.render.rows import CONVENTIONS, count, shape_list, shape_text, share, totals_lines, visible_rows
from cnncalc.report import Answer, Report, Row
from cnncalc.shape import Shape

ROWS_PER_CHUNK = 512  # rows joined into one write


def row_dict(r: Row) -> dict[str, Any]:
    d: dict[str, Any] = {
        "path": r.path, "name": r.name, "kind": r.kind, "op": r.keyword, "spec": r.op, "depth": r.depth,
        "input": shape_list(r.input), "output": shape_list(r.output),
        "params": r.params if r.known else None, "weights": r.weights if r.known else None,
        "biases": r.biases if r.known else None, "non_trainable": r.non_trainable if r.known else None,
        "macs": r.macs if r.known else None, "train_macs": r.train_macs if r.known else None,
        "activations": r.activations if r.known else None, "rounded": r.rounded, "inputs": list(r.inputs),
        "branches": list(r.branches), "from": r.ref, "train": r.train,
    }
    if r.working is not None:
        d["working"] = {k: v for k, v in zip(("out", "params", "macs"), r.working) if v is not None}
    return d


class RowWriter:
    """`json.dumps(row_dict(r))` on one line, written directly: the standard encoder's per-object setup
    costs more than the row (a test holds the two equal on every shipped spec and fuzz case). Names,
    operations and shapes repeat across a deep network, so their JSON text is kept per writer."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.shapes: dict[Shape | None, str] = {None: "null"}

    def string(self, text: str) -> str:
        found = self.strings.get(text)
        if found is None:
            found = self.strings[text] = _string(text)
        return found

    def dims(self, shape: Shape | None) -> str:
        found = self.shapes.get(shape)
        if found is None:
            found = self.shapes[shape] = "[" + ", ".join(map(str, shape.dims)) + "]"  # type: ignore[union-attr]
        return found

    def row(self, r: Row) -> str:
        string = self.string
        if r.known:
            numbers = (f"{r.weights + r.biases}, \"weights\": {r.weights}, \"biases\": {r.biases}, "
                       f"\"non_trainable\": {r.non_trainable}, \"macs\": {r.macs}, \"train_macs\": {r.train_macs}, "
                       f"\"activations\": {r.activations}")
        else:
            numbers = ("null, \"weights\": null, \"biases\": null, \"non_trainable\": null, \"macs\": null, "
                       "\"train_macs\": null, \"activations\": null")
        text = (f"{{\"path\": {_string(r.path)}, \"name\": {string(r.name)}, \"kind\": {string(r.kind)}, "
                f"\"op\": {string(r.keyword)}, \"spec\": {string(r.op)}, \"depth\": {r.depth}, "
                f"\"input\": {self.dims(r.input)}, \"output\": {self.dims(r.output)}, \"params\": {numbers}, "
                f"\"rounded\": {_TRUTH[r.rounded]}, \"inputs\": [{', '.join(map(_string, r.inputs))}], "
                f"\"branches\": [{', '.join(map(_string, r.branches))}], "
                f"\"from\": {'null' if r.ref is None else _string(r.ref)}, \"train\": {_TRUTH[r.train]}")
        if r.working is None:
            return text + "}"
        working = ", ".join(f"{string(k)}: {_string(v)}" for k, v in zip(("out", "params", "macs"), r.working)
                            if v is not None)
        return f"{text}, \"working\": {{{working}}}}}"


_TRUTH = {True: "true", False: "false"}


def answer_dict(report: Report, a: Answer) -> dict[str, Any]:
    line, column = report.source.line_col(a.span.start)
    return {"line": line, "column": column, "label": a.label, "path": a.path, "quantity": a.quantity,
            "expected": a.expected, "actual": a.actual, "verdict": a.verdict, "reason": a.reason,
            "working": list(a.working)}


def diagnostic_dict(report: Report, d: Diagnostic) -> dict[str, Any]:
    line, col = location(d, report.source)
    return {"code": d.code, "severity": d.severity, "message": d.message, "hint": d.hint, "line": line,
            "column": col, "path": d.path, "notes": list(d.notes)}


def totals_dict(report: Report) -> dict[str, Any]:
    t = report.totals
    return {"params": t.params, "trainable": t.params, "non_trainable": t.non_trainable, "all_params": t.all_params,
            "macs": t.macs, "train_macs": t.train_macs, "activations": t.activations, "param_bytes": t.param_bytes,
            "activation_bytes": t.activation_bytes}


def verdict_counts(reports: Iterable[Report]) -> dict[str, int]:
    counts = {"answers": 0, "right": 0, "wrong": 0, "unchecked": 0}
    for report in reports:
        for a in report.answers:
            counts["answers"] += 1
            counts[a.verdict] += 1
    return counts


def network_document(report: Report) -> tuple[dict[str, Any], list[Row]]:
    """The network's document without its rows (streamed separately), and the rows."""
    return {
        "file": report.source.name, "network": report.network, "index": report.index,
        "input": shape_list(report.input), "batch": report.batch, "rounding": report.rounding,
        "layers": None,
        "output": shape_list(report.output),
        "outputs": [{"path": o.path, "shape": shape_list(o.shape), "train": o.train} for o in report.outputs],
        "totals": totals_dict(report),
        "expectations": [answer_dict(report, a) for a in report.answers],
        "verdicts": verdict_counts([report]),
        "diagnostics": [diagnostic_dict(report, d) for d in report.diagnostics],
        "ok": report.ok,
    }, report.rows


def json_chunks(reports: Iterable[Report], extra: dict[str, Any] | None = None) -> Iterator[str]:
    """`{"cnncalc": VERSION, "networks": [...], ...extra}` — the same shape for one network or many —
    written piece by piece, each row on a line of its own, so no 100k-row document is held whole."""
    yield '{"cnncalc": ' + json.dumps(__version__) + ', "networks": ['
    first = True
    for report in reports:
        doc, rows = network_document(report)
        text = json.dumps(doc, indent=2, ensure_ascii=False)
        head, _, tail = text.partition('"layers": null')
        yield ("" if first else ",\n") + _indent(head) + '"layers": ['
        writer = RowWriter()
        for start in range(0, len(rows), ROWS_PER_CHUNK):
            chunk = ",\n      ".join(map(writer.row, rows[start:start + ROWS_PER_CHUNK]))
            yield "      " + chunk + ("," if start + ROWS_PER_CHUNK < len(rows) else "")
        yield "    ]" + _indent(tail)
        first = False
    closing = "]"
    for key, value in (extra or {}).items():
        closing += f",\n  {json.dumps(key)}: " + _indent(json.dumps(value, indent=2, ensure_ascii=False))
    yield closing + "}"


def _indent(text: str) -> str:
    return text.replace("\n", "\n  ")


CSV_COLUMNS = ["file", "network", "path", "depth", "kind", "op", "output", "params", "weights", "biases",
               "non_trainable", "macs", "train_macs", "activations"]


def csv_chunks(reports: Iterable[Report], depth: int | None = None) -> Iterator[str]:
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    shapes: dict[Shape | None, str] = {}  # a deep network repeats a few shapes
    for report in reports:
        file, network = report.source.name, report.network or ""
        rows = visible_rows(report, depth)
        for start in range(0, len(rows), ROWS_PER_CHUNK):
            for r in rows[start:start + ROWS_PER_CHUNK]:
                if r.output not in shapes:
                    shapes[r.output] = shape_text(r.output)
            writer.writerows([file, network, r.path, r.depth, r.kind, r.op, shapes[r.output],
                              r.weights + r.biases, r.weights, r.biases, r.non_trainable, r.macs, r.train_macs,
                              r.activations] if r.known else
                             [file, network, r.path, r.depth, r.kind, r.op, shapes[r.output], *"???????"]
                             for r in rows[start:start + ROWS_PER_CHUNK])
            yield buffer.getvalue()[:-1]
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()[:-1]


def markdown_chunks(reports: Iterable[Report], depth: int | None = None, with_file: bool = False) -> Iterator[str]:
    for report in reports:
        title = report.name if not with_file or not report.network else f"{report.source.name}: {report.network}"
        yield f"### {title} — input {shape_text(report.input)}"
        yield ""
        yield "| Layer | Operation | Output | Params | % | MACs |"
        yield "|---|---|---:|---:|---:|---:|"
        for r in visible_rows(report, depth):
            name = "&nbsp;&nbsp;" * (r.depth - 1) + r.name
            op = r.op.replace("|", "\\|")
            known = r.known
            yield (f"| {name} | `{op}` | {shape_text(r.output)} | {count(r.params) if known else '?'} | "
                   f"{share(r.params, report.totals.params)} | {count(r.macs + r.train_macs) if known else '?'} |")
        yield ""
        yield " · ".join(f"**{label}** {value}" + (f" ({note})" if note else "")
                         for label, value, note in totals_lines(report))
        yield ""
        yield f"_{CONVENTIONS}_"
        yield ""

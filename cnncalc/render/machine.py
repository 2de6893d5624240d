"""Machine formats: the JSON document (streamed, one row per line), CSV and markdown. Same
numbers as the table; `null` (JSON) and `?` (CSV, markdown) where a value is unknown, never 0."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from cnncalc import __version__
from cnncalc.diagnostics import Diagnostic
from cnncalc.field import shown
from cnncalc.render.rows import (
    CONVENTIONS,
    count,
    shape_list,
    shape_text,
    share,
    totals_lines,
    verdict_counts,
    visible_rows,
)
from cnncalc.report import Answer, Report, Row
from cnncalc.shape import Shape

ROWS_PER_CHUNK = 512  # rows joined into one write
_KEPT = 4096  # kinds of row text a JSON writer keeps before it starts again

# ---- JSON text ---------------------------------------------------------------------------
# The document is written here rather than by `json`, whose import loads its decoder too: 1.6 ms,
# 4% of the whole summary's start-up (benchmarks/bench_cli.py). The text is what
# `json.dumps(value, ensure_ascii=False, separators=(", ", ": "))` gives, character for character
# (tests/test_fuzz.py holds the two equal on generated values).

_ESCAPES = {**{code: f"\\u{code:04x}" for code in range(0x20)}, ord("\""): "\\\"", ord("\\"): "\\\\",
            ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def json_string(text: str) -> str:
    """A JSON string: quotes, backslashes and control characters escaped, the rest as it is."""
    if text.isprintable() and "\"" not in text and "\\" not in text:  # no control character either
        return f"\"{text}\""
    return "\"" + text.translate(_ESCAPES) + "\""


def json_text(value: Any) -> str:
    """One value as JSON on one line: None, bools, ints, floats, strings, lists, tuples and dicts."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _FLOATS.get(value, "NaN" if value != value else float.__repr__(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(json_text, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json_key(k)}: {json_text(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _json_key(key: object) -> str:
    """Keys are strings in JSON; the others as `json` writes them (`1` -> `"1"`, `None` -> `"null"`)."""
    if isinstance(key, str):
        return json_string(key)
    if key is None or isinstance(key, (int, float)):
        return f"\"{json_text(key)}\""
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


if TYPE_CHECKING:
    from cnncalc.field import Field


def row_dict(r: Row) -> dict[str, Any]:
    h, w = r.field if r.field is not None else (None, None)
    d: dict[str, Any] = {
        "path": r.path, "name": r.name,
        "receptive_field": [shown(h[0]), shown(w[0])] if h and w else None,
        "effective_stride": [shown(h[1]), shown(w[1])] if h and w else None,
        "effective_padding": [shown(h[2]), shown(w[2])] if h and w else None,
        "inputs": list(r.inputs), "branches": list(r.branches), "from": r.ref,
        **({"shares": r.shares} if r.shares is not None else {}),  # (`shares NAME` rows only)
        "spec": r.op, "kind": r.kind, "op": r.keyword, "depth": r.depth,
        "input": shape_list(r.input), "output": shape_list(r.output),
        "params": r.params if r.known else None, "weights": r.weights if r.known else None,
        "biases": r.biases if r.known else None, "non_trainable": r.non_trainable if r.known else None,
        "macs": r.macs if r.known else None, "train_macs": r.train_macs if r.known else None,
        "activations": r.activations if r.known else None, "rounded": r.rounded, "train": r.train,
    }
    if r.working is not None:
        d["working"] = {k: v for k, v in zip(("out", "params", "macs"), r.working) if v is not None}
    return d


class RowWriter:
    """`json.dumps(row_dict(r))` on one line, written directly: the standard encoder's per-object setup
    costs more than the row (a test holds the two equal on every shipped spec and fuzz case). A deep
    network repeats a few kinds of row at different paths, so the text after the path, links and
    operation is kept per writer, keyed by everything it shows."""

    def __init__(self) -> None:
        self.tails: dict[tuple[object, ...], str] = {}
        self.fields: dict[Field | None, str] = {}  # rows after a conv often share its field

    def row(self, r: Row) -> str:
        key = (r.kind, r.keyword, r.depth, r.input, r.output, r.weights, r.biases, r.non_trainable, r.macs,
               r.train_macs, r.activations, r.rounded, r.train, r.known, r.working)
        tail = self.tails.get(key)
        if tail is None:
            if len(self.tails) >= _KEPT:  # one writer serves every network of a document: its memory stays flat
                self.tails.clear()
            tail = self.tails[key] = _tail(r)
        field = self.fields.get(r.field)
        if field is None:
            if len(self.fields) >= _KEPT:
                self.fields.clear()
            field = self.fields[r.field] = _field_json(r.field)
        inputs = r.inputs
        shares = "" if r.shares is None else f"\"shares\": {json_string(r.shares)}, "  # (`shares NAME` rows only)
        return (f"{{\"path\": {json_string(r.path)}, \"name\": {json_string(r.name)}, {field}, "
                f"\"inputs\": [{json_string(inputs[0]) if len(inputs) == 1 else ', '.join(map(json_string, inputs))}], "
                f"\"branches\": [{', '.join(map(json_string, r.branches)) if r.branches else ''}], "
                f"\"from\": {'null' if r.ref is None else json_string(r.ref)}, "
                f"{shares}\"spec\": {json_string(r.op)}, {tail}")


def _tail(r: Row) -> str:
    if r.known:
        numbers = (f"{r.weights + r.biases}, \"weights\": {r.weights}, \"biases\": {r.biases}, "
                   f"\"non_trainable\": {r.non_trainable}, \"macs\": {r.macs}, \"train_macs\": {r.train_macs}, "
                   f"\"activations\": {r.activations}")
    else:
        numbers = ("null, \"weights\": null, \"biases\": null, \"non_trainable\": null, \"macs\": null, "
                   "\"train_macs\": null, \"activations\": null")
    text = (f"\"kind\": {json_string(r.kind)}, \"op\": {json_string(r.keyword)}, "
            f"\"depth\": {r.depth}, \"input\": {_dims(r.input)}, \"output\": {_dims(r.output)}, "
            f"\"params\": {numbers}, \"rounded\": {_TRUTH[r.rounded]}, \"train\": {_TRUTH[r.train]}")
    if r.working is None:
        return text + "}"
    working = ", ".join(f"{json_string(k)}: {json_string(v)}" for k, v in zip(("out", "params", "macs"), r.working)
                        if v is not None)
    return f"{text}, \"working\": {{{working}}}}}"


def _dims(shape: Shape | None) -> str:
    return "null" if shape is None else "[" + ", ".join(map(str, shape.dims)) + "]"


_TRUTH = {True: "true", False: "false"}
_NO_FIELD = "\"receptive_field\": null, \"effective_stride\": null, \"effective_padding\": null"


def _field_json(field: Field | None) -> str:
    if field is None:
        return _NO_FIELD
    (r0, s0, p0), (r1, s1, p1) = field
    return (f"\"receptive_field\": [{shown(r0)}, {shown(r1)}], \"effective_stride\": [{shown(s0)}, {shown(s1)}], "
            f"\"effective_padding\": [{shown(p0)}, {shown(p1)}]")


def answer_dict(report: Report, a: Answer) -> dict[str, Any]:
    line, column = report.source.line_col(a.span.start)
    return {"line": line, "column": column, "label": a.label, "path": a.path, "quantity": a.quantity,
            "expected": a.expected, "actual": a.actual, "verdict": a.verdict, "reason": a.reason,
            "working": list(a.working)}


def diagnostic_dict(report: Report, d: Diagnostic) -> dict[str, Any]:
    line, col = report.source.position(d)
    return {"code": d.code, "severity": d.severity, "message": d.message, "hint": d.hint, "line": line,
            "column": col, "path": d.path, "notes": list(d.notes)}


def totals_dict(report: Report) -> dict[str, Any]:
    t = report.totals
    return {"params": t.params, "trainable": t.trainable, "frozen": t.frozen, "non_trainable": t.non_trainable,
            "all_params": t.all_params,
            "macs": t.macs, "train_macs": t.train_macs, "activations": t.activations, "param_bytes": t.param_bytes,
            "activation_bytes": t.activation_bytes}


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
        **({"symbolic": symbolic_dict(report)} if report.symbolic is not None else {}),
        **({"training": {**report.training._asdict(), "peak": report.training.peak}}
           if report.training is not None else {}),
        "ok": report.ok,
    }, report.rows


def symbolic_dict(report: Report) -> dict[str, Any]:
    """Letters for the input's sizes: the sizes that work, and the formulas (the rows are at `at`)."""
    from cnncalc.render.solve import answer_json
    sym = report.symbolic
    assert sym is not None
    return {"letters": list(sym.letters), **{k: answer_json(a) for k, a in zip(sym.letters, sym.sizes)},
            "at": list(sym.at), "outputs": {p: list(f) for p, f in sym.outputs.items()}, "params": sym.params,
            "macs": sym.macs, "totals": sym.totals, "varying": list(sym.varying)}


def json_chunks(reports: Iterable[Report], extra: Callable[[], dict[str, Any]] | None = None) -> Iterator[str]:
    """`{"cnncalc": VERSION, "networks": [...], ...extra()}` — the same shape for one network or many —
    written piece by piece: a field per line, and a list of objects (layers, outputs, answers,
    diagnostics) an object per line, so no 100k-row document is held whole or pretty-printed slowly."""
    yield "{\n  \"cnncalc\": " + json_string(__version__) + ",\n  \"networks\": ["
    first = True
    writer = RowWriter()  # networks share their kinds of row (a check over a repository's specs)
    for report in reports:
        doc, rows = network_document(report)
        yield ("" if first else ",\n") + "    {"
        first = False
        last = len(doc) - 1
        for i, (key, value) in enumerate(doc.items()):
            comma = "," if i < last else ""
            if key == "layers":
                yield from _list_of_objects(key, rows, writer.row, comma)
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                yield from _list_of_objects(key, value, json_text, comma)
            else:
                yield f"      {json_string(key)}: {json_text(value)}{comma}"
        yield "    }"
    closing = extra() if extra else {}
    yield "  ]" + "".join(f",\n  {json_string(key)}: {json_text(value)}" for key, value in closing.items())
    yield "}"


def _list_of_objects(key: str, items: list[Any], encode: Callable[[Any], str], comma: str) -> Iterator[str]:
    """`"key": [` and an object per line, a few hundred lines per chunk."""
    if not items:
        yield f"      {json_string(key)}: []{comma}"
        return
    yield f"      {json_string(key)}: ["
    for start in range(0, len(items), ROWS_PER_CHUNK):
        more = "," if start + ROWS_PER_CHUNK < len(items) else ""
        yield "        " + ",\n        ".join(map(encode, items[start:start + ROWS_PER_CHUNK])) + more
    yield f"      ]{comma}"


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

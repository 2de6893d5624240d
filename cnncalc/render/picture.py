"""Pictures of a network: an SVG in the style of the classic LeNet and AlexNet figures (each
output volume a box sized by its H, W and C on a compressed scale, labelled with its name,
operation and shape; branches side by side, merges, side heads and `@NAME` references drawn as
edges), and the same graph for Graphviz (`dot`). Both are built from the report's rows alone."""
from __future__ import annotations

import math
from collections.abc import Iterator
from html import escape

from cnncalc.layers.merge import MERGES as MERGE_KINDS
from cnncalc.record import NamedTuple
from cnncalc.render.rows import shape_text
from cnncalc.report import Report, Row
from cnncalc.shape import Shape

MAX_BOXES = 90  # boxes drawn before deeper containers are drawn as one box each
MAX_FRAMES = 4 * MAX_BOXES  # and frames around them (a block's, a repeat's, each iteration's)
MERGES = (*MERGE_KINDS, "residual")  # the container rows whose branches are drawn side by side
GROUPS = ("block", "repeat", "iteration")
COLOURS = {"conv": "#6b9bd1", "dwconv": "#7fb2e5", "deconv": "#9ec5ea", "maxpool": "#f2a65a", "avgpool": "#f5be87",
           "fc": "#a98bd4", "join": "#e07a7a", "container": "#c9c9c9"}
NORMS = ("batchnorm", "lrn", "layernorm", "groupnorm", "instancenorm")
GAP = 30  # between units, for the arrows
LINE = 13  # a label line


# ---- the structure, from the rows ------------------------------------------------------------

class Box(NamedTuple):
    row: Row  # a layer, a join, or a container drawn as one box
    folded: tuple[Row, ...] = ()  # element-wise layers after it, drawn as words under it (`+ bn, relu`)


class Seq(NamedTuple):
    units: list[Unit]


class Merge(NamedTuple):
    row: Row
    branches: list[tuple[Row, Seq]]
    join: Row


class Side(NamedTuple):
    row: Row
    head: Seq


class Group(NamedTuple):
    row: Row  # a block call or a repeat, drawn as a frame around its contents
    body: Seq


Unit = Box | Seq | Merge | Side | Group


# Layers that keep the shape and move nothing: folded into the box before them, as the classic
# figures draw "conv + ReLU" as one volume.
FOLDED = frozenset({"relu", "relu6", "leakyrelu", "prelu", "elu", "sigmoid", "hardsigmoid", "tanh", "gelu", "silu",
                    "hardswish", "mish", "softplus", "softsign", "hardtanh", "logsigmoid", "celu", "threshold",
                    "hardshrink", "softshrink", "tanhshrink", "dropout",
                    "identity", "batchnorm", "layernorm", "groupnorm", "instancenorm", "lrn"})


def structure(rows: list[Row], depth: int) -> Seq:
    """The rows as nested units; containers deeper than `depth` are one box each."""
    units, _ = _parse(rows, 0, 1, depth)
    return Seq(units)


def _fold(units: list[Unit]) -> list[Unit]:
    folded: list[Unit] = []
    for u in units:
        previous = folded[-1] if folded else None
        if isinstance(u, Box) and u.row.kind == "layer" and u.row.keyword in FOLDED and isinstance(previous, Box):
            folded[-1] = previous._replace(folded=(*previous.folded, u.row))
        else:
            folded.append(u)
    return folded


def _parse(rows: list[Row], i: int, level: int, depth: int) -> tuple[list[Unit], int]:
    units: list[Unit] = []
    while i < len(rows) and rows[i].depth >= level:
        r = rows[i]
        end = i + 1
        while end < len(rows) and rows[end].depth > r.depth:
            end += 1
        if r.kind in ("layer", "join") or r.depth >= depth:
            units.append(Box(r))
        elif r.kind in MERGES:
            branches = []
            j = i + 1
            join = rows[end - 1]
            while j < end - 1:
                branch = rows[j]
                stop = j + 1
                while stop < end - 1 and rows[stop].depth > branch.depth:
                    stop += 1
                inner, _ = _parse(rows[j + 1:stop], 0, branch.depth + 1, depth)
                branches.append((branch, Seq(inner)))
                j = stop
            units.append(Merge(r, branches, join))
        else:
            inner, _ = _parse(rows[i + 1:end], 0, r.depth + 1, depth)
            if r.kind == "side":
                units.append(Side(r, Seq(inner)))
            elif r.kind in GROUPS and r.depth > 0:
                units.append(Group(r, Seq(inner)))
            else:
                units.extend(inner)
        i = end
    return _fold(units), i


def drawing_depth(report: Report, depth: int | None) -> int:
    """`depth` if given, else the deepest level at which at most MAX_BOXES boxes are drawn, and at most MAX_FRAMES
    frames of the blocks, repeats and iterations around them (a `repeat 65536` of nothing drew 65,536 frames: 80 MB
    of SVG)."""
    if depth is not None:
        return depth
    deepest = max((r.depth for r in report.rows), default=1)
    for d in range(deepest, 0, -1):
        boxes = sum(1 for r in report.rows if r.depth <= d and (r.kind in ("layer", "join") or r.depth == d))
        frames = sum(1 for r in report.rows if r.depth < d and r.kind in GROUPS)
        if boxes <= MAX_BOXES and frames <= MAX_FRAMES:
            return d
    return 1


# ---- SVG ------------------------------------------------------------------------------------

def _scale(n: int, base: float, step: float, top: float) -> float:
    return min(base + step * math.log2(n + 1), top)


def _volume(shape: Shape | None) -> tuple[float, float, float]:
    """Front width (channels), front height (H) and slant (W) of a box, on compressed scales."""
    if shape is None:
        return 10.0, 20.0, 0.0
    if shape.is_flat:
        return 6.0, _scale(shape.dims[0], 10, 9, 150), 0.0
    h, w, c = shape.dims
    return _scale(c, 3, 4, 70), _scale(h, 8, 13, 150), _scale(w, 8, 13, 150) * 0.45


def _colour(r: Row) -> str:
    if r.keyword == "input":
        return "#eeeeee"
    if r.kind == "join":
        return COLOURS["join"]
    if r.kind != "layer":
        return COLOURS["container"]
    if r.keyword in NORMS:
        return "#b7c7a5"
    return COLOURS.get(r.keyword, "#8fc98f" if r.macs == 0 and r.params == 0 else "#d0d0d0")


class _Placed(NamedTuple):
    x: float
    y: float
    w: float
    h: float


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.boxes: dict[str, _Placed] = {}  # path -> where its box is (for references)
        self.refs: list[tuple[str, float, float]] = []  # referenced path -> where the branch starts

    def line(self, x1: float, y1: float, x2: float, y2: float, dashed: bool = False) -> None:
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        self.parts.append(f'<path d="M{x1:.1f},{y1:.1f} C{(x1 + x2) / 2:.1f},{y1:.1f} {(x1 + x2) / 2:.1f},{y2:.1f} '
                          f'{x2:.1f},{y2:.1f}" class="edge"{dash}/>')

    def text(self, x: float, y: float, text: str, cls: str) -> None:
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}">{escape(text)}</text>')


def _labels(box: Box) -> list[tuple[str, str]]:
    r = box.row
    op = r.op if len(r.op) <= 28 else r.op[:27] + "…"
    after = ", ".join(f.keyword for f in box.folded)
    if after:
        after = "+ " + (after if len(after) <= 28 else after[:27] + "…")
    shown = r.output if not box.folded else box.folded[-1].output
    return [(r.name, "name"), (op, "op"), *([(after, "op")] if after else []), (shape_text(shown), "shape")]


def _measure(unit: Unit) -> tuple[float, float, float]:
    """Width, height and the height of the trunk line (where edges enter and leave) of a unit."""
    if isinstance(unit, Box):
        fw, fh, slant = _volume(unit.row.output)
        labels = _labels(unit)
        width = max(fw + slant, max(len(t) for t, _ in labels) * 6.2)
        return width, fh + slant + len(labels) * LINE + 8, slant + fh / 2
    if isinstance(unit, Seq):
        if not unit.units:
            return 0.0, 0.0, 0.0
        sizes = [_measure(u) for u in unit.units if not isinstance(u, Side)]
        mid = max((m for _, _, m in sizes), default=0.0)
        below = max((h - m for _, h, m in sizes), default=0.0)
        width = sum(w for w, _, _ in sizes) + GAP * max(len(sizes) - 1, 0)
        heads = [_measure(u.head) for u in unit.units if isinstance(u, Side)]
        extra = max((h for _, h, _ in heads), default=0.0)
        return width, mid + below + (extra + 2 * GAP if heads else 0), mid
    if isinstance(unit, Group):
        w, h, m = _measure(unit.body)
        return w + 16, h + 2 * LINE + 10, m + 2 * LINE
    if isinstance(unit, Side):
        return _measure(unit.head)
    sizes = [_measure(seq) for _, seq in unit.branches]
    inner = max((w for w, _, _ in sizes), default=0.0) + 2 * GAP
    jw, jh, _ = _measure(Box(unit.join))
    height = sum(max(h, LINE * 2) for _, h, _ in sizes) + GAP * max(len(sizes) - 1, 0)
    return inner + jw, max(height, jh), max(height, jh) / 2


def _draw(unit: Unit, x: float, y: float, canvas: _Canvas) -> tuple[float, float]:
    """Draws the unit with its top-left at (x, y); returns its entry and exit points' height."""
    width, height, mid = _measure(unit)
    if isinstance(unit, Box):
        r = unit.row
        fw, fh, slant = _volume(r.output)
        bx = x + (width - fw - slant) / 2
        by = y + slant
        colour = _colour(r)
        canvas.parts.append(
            f'<g class="box"><title>{escape(r.path)}: {escape(r.op)} → {escape(shape_text(r.output))}</title>'
            f'<polygon points="{bx:.1f},{by:.1f} {bx + slant:.1f},{by - slant:.1f} {bx + fw + slant:.1f},'
            f'{by - slant:.1f} {bx + fw:.1f},{by:.1f}" fill="{colour}" class="top"/>'
            f'<polygon points="{bx + fw:.1f},{by:.1f} {bx + fw + slant:.1f},{by - slant:.1f} '
            f'{bx + fw + slant:.1f},{by + fh - slant:.1f} {bx + fw:.1f},{by + fh:.1f}" fill="{colour}" class="side"/>'
            f'<rect x="{bx:.1f}" y="{by:.1f}" width="{fw:.1f}" height="{fh:.1f}" fill="{colour}"/></g>')
        for folded in (r, *unit.folded):
            canvas.boxes[folded.path] = _Placed(bx, by, fw + slant, fh)
        for k, (text, cls) in enumerate(_labels(unit)):
            canvas.text(x + width / 2, y + slant + fh + LINE * (k + 1), text, cls)
        return y + mid, y + mid
    if isinstance(unit, Seq):
        cx = x
        entry = exit_ = y + mid
        previous: float | None = None
        head_y = y + height - (max((_measure(u.head)[1] for u in unit.units if isinstance(u, Side)), default=0.0))
        for u in unit.units:
            if isinstance(u, Side):
                _, _, hm = _measure(u.head)
                start = cx - GAP / 2 if previous is not None else cx
                canvas.line(start, y + mid, cx, head_y + hm, dashed=True)
                _draw(u.head, cx, head_y, canvas)
                canvas.text(cx, head_y - 4, "side head" + (" (training only)" if u.row.train else ""), "note")
                continue
            uw, _, um = _measure(u)
            uy = y + mid - um
            into, out = _draw(u, cx, uy, canvas)
            if previous is not None:
                canvas.line(cx - GAP, previous, cx, into)
            previous = out
            cx += uw + GAP
        return entry, exit_
    if isinstance(unit, Group):
        canvas.parts.append(f'<rect x="{x + 2:.1f}" y="{y + 2:.1f}" width="{width - 4:.1f}" height="{height - 4:.1f}" '
                            f'class="frame"/>')
        canvas.text(x + 8, y + LINE + 2, f"{unit.row.name}: {unit.row.op}", "frame-label")
        into, out = _draw(unit.body, x + 8, y + 2 * LINE + 6, canvas)
        canvas.line(x, into, x + 8, into)
        canvas.line(x + 8 + _measure(unit.body)[0], out, x + width, out)
        return into, out
    if isinstance(unit, Side):
        return _draw(unit.head, x, y, canvas)
    # a merge: branches one above the other, then the join
    jw, _, jm = _measure(Box(unit.join))
    inner = width - jw
    cy = y + (height - sum(max(_measure(s)[1], LINE * 2) for _, s in unit.branches)
              - GAP * max(len(unit.branches) - 1, 0)) / 2
    fork = y + mid
    ends = []
    for branch, seq in unit.branches:
        bw, bh, _ = _measure(seq)
        if seq.units:
            into, out = _draw(seq, x + GAP, cy, canvas)
            if branch.ref is None:
                canvas.line(x, fork, x + GAP, into)
            else:
                canvas.refs.append((branch.ref, x + GAP, into))
            if x + GAP + bw < x + inner - GAP:  # a shorter branch runs straight to the others' end first
                canvas.parts.append(f'<path d="M{x + GAP + bw:.1f},{out:.1f} H{x + inner - GAP:.1f}" class="plain"/>')
            canvas.line(x + inner - GAP, out, x + inner, y + mid)
        else:
            line_y = cy + LINE
            if branch.ref is None:
                canvas.line(x, fork, x + inner, y + mid)
            else:
                canvas.refs.append((branch.ref, x + inner, y + mid))
            canvas.text(x + inner / 2, line_y, f"{branch.name}" + (f" (from {branch.ref})" if branch.ref else ""),
                        "note")
        ends.append(cy)
        cy += max(bh, LINE * 2) + GAP
    _draw(Box(unit.join), x + inner, y + mid - jm, canvas)
    return fork, y + mid


STYLE = """
.edge { fill: none; stroke: #555; stroke-width: 1.2; marker-end: url(#arrow); }
.plain { fill: none; stroke: #555; stroke-width: 1.2; }
.box rect, .box polygon { stroke: #333; stroke-width: 0.8; }
.box .top { filter: brightness(1.15); } .box .side { filter: brightness(0.85); }
text { font-family: Helvetica, Arial, sans-serif; text-anchor: middle; }
.name { font-size: 11px; font-weight: bold; fill: #222; } .op { font-size: 9.5px; fill: #444; }
.shape { font-size: 10px; fill: #000; } .note { font-size: 10px; fill: #666; text-anchor: start; font-style: italic; }
.frame { fill: none; stroke: #999; stroke-dasharray: 5 4; rx: 6; }
.frame-label { font-size: 10px; fill: #555; text-anchor: start; } .title { font-size: 15px; font-weight: bold;
text-anchor: start; }
"""


def svg(report: Report, depth: int | None = None) -> str:
    """The whole drawing, as one SVG document."""
    seq = structure(report.rows, drawing_depth(report, depth))
    canvas = _Canvas()
    margin = 20.0
    title = f"{report.name} — input {shape_text(report.input)}"
    width, height, mid = _measure(seq)
    top = margin + 30
    # the input, drawn as the first box
    entry = Box(Row("input", "input", "layer", "input", "input", 0, report.span, None, ()))
    entry.row.output = report.input
    iw, _, im = _measure(entry)
    x0 = margin + iw + GAP
    offset = max(mid, im)
    _, first = _draw(entry, margin, top + offset - im, canvas)
    canvas.boxes["input"] = canvas.boxes.pop("input")
    into, _ = _draw(seq, x0, top + offset - mid, canvas) if seq.units else (first, first)
    if seq.units:
        canvas.line(x0 - GAP, first, x0, into)
    fh = _measure(entry)[1]
    low = top + offset + max(height - mid, fh - im) - 6  # reference edges run under the drawing
    for path, x, y in canvas.refs:
        inside = [p for k, p in canvas.boxes.items() if k == path or k.startswith(path + ".")]
        source = inside[-1] if inside else next((p for k, p in canvas.boxes.items() if path.startswith(k + ".")), None)
        if source is not None:
            sx, sy = source.x + source.w / 2, source.y + source.h
            canvas.parts.append(f'<path d="M{sx:.1f},{sy:.1f} C{sx:.1f},{low:.1f} {x:.1f},{low:.1f} {x:.1f},{y:.1f}" '
                                f'class="edge" stroke-dasharray="4 3"/>')
    total_w = x0 + width + margin
    total_h = low + 6 + margin + (20 if canvas.refs else 0)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0f}" height="{total_h:.0f}" '
            f'viewBox="0 0 {total_w:.0f} {total_h:.0f}" role="img">'
            f'<title>{escape(title)}</title><style>{STYLE}</style>'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>'
            f'<rect width="100%" height="100%" fill="white"/>'
            f'<text x="{margin}" y="{margin + 8}" class="title">{escape(title)}</text>'
            + "".join(canvas.parts) + "</svg>")


# ---- Graphviz --------------------------------------------------------------------------------

def dot(report: Report, depth: int | None = None) -> Iterator[str]:
    """The network as a Graphviz digraph: a node per drawn row (containers deeper than the drawing
    depth stand for their contents), an edge per input, dashed from an `@NAME` reference."""
    level = drawing_depth(report, depth)
    shown = [r for r in report.rows if r.depth <= level and (r.kind in ("layer", "join") or r.depth == level)]
    visible = {r.path for r in shown} | {"input"}

    def seen(path: str) -> str:
        while path not in visible and "." in path:
            path = path.rpartition(".")[0]
        return path if path in visible else "input"

    yield f'digraph "{_quote(report.name)}" {{'
    yield '  rankdir=LR; node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];'
    yield f'  "input" [label="input\\n{shape_text(report.input)}", fillcolor="#eeeeee"];'
    refs = {r.path: r.ref for r in report.rows if r.ref}
    for r in shown:
        label = f"{r.name}\\n{_quote(r.op)}\\n{shape_text(r.output)}"
        yield f'  "{_quote(r.path)}" [label="{label}", fillcolor="{_colour(r)}"];'
    for r in shown:
        for source in r.inputs:
            origin = seen(source)
            if origin == r.path:
                continue
            merge = r.path.rpartition(".")[0] if r.kind == "join" else None
            referenced = any(source == ref and (r.path.startswith(branch + ".") or branch.rpartition(".")[0] == merge)
                             for branch, ref in refs.items())
            style = f' [style=dashed, label="@{_quote(source)}"]' if referenced else ""
            yield f'  "{_quote(origin)}" -> "{_quote(r.path)}"{style};'
    yield "}"


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')

"""IR -> spec-language text: what `cnncalc convert` writes for any notation it reads. The text
parses back to the same IR (up to spans), so it analyses to the same numbers. With `keep_lines`,
each statement stays on its source line (a lecture listing converts line for line)."""
from __future__ import annotations

from cnncalc import ir
from cnncalc.diagnostics import Source
from cnncalc.tokens import UNIT_PREFIXES, count_from_text


def expr_text(e: ir.Value) -> str:
    if isinstance(e, ir.Num):
        return str(e.value)
    if isinstance(e, ir.Var):
        return e.name
    if isinstance(e, ir.Neg):
        return f"-{_operand(e.operand)}"
    if isinstance(e, ir.BinOp):
        return f"{_operand(e.left)} {e.op} {_operand(e.right, e.op in ('-', '//'))}"
    if isinstance(e, ir.PairLit):
        return f"{expr_text(e.items[0])}x{expr_text(e.items[1])}"
    if isinstance(e, ir.Volume):
        return f"{expr_text(e.items[0])}x{expr_text(e.items[1])}x{e.depth}"
    if isinstance(e, ir.Sides):
        return ",".join(expr_text(i) for i in e.items)
    if isinstance(e, ir.Range):
        return f"{expr_text(e.start)}:{'' if e.stop is None else expr_text(e.stop)}"
    return e.text


def _operand(e: ir.Expr, strict: bool = False) -> str:
    text = expr_text(e)
    return f"({text})" if isinstance(e, ir.BinOp) and (strict or e.op in ("+", "-")) else text


def item_text(item: ir.Item, indent: str = "") -> str:
    label = f"{item.label}: " if item.label else ""
    if isinstance(item, ir.LayerCall):
        return label + layer_text(item)
    if isinstance(item, ir.BlockCall):
        args = [expr_text(a) for a in item.args] + [f"{k.name}={expr_text(k.value)}" for k in item.kwargs]
        return f"{label}{item.block}({', '.join(args)})"
    if isinstance(item, ir.Repeat):
        return f"{label}repeat {expr_text(item.times)} {_braced(item.body, indent)}"
    if isinstance(item, ir.Side):
        return f"{label}side{' train' if item.train else ''} {_braced(item.body, indent)}"
    if item.kind == "residual":
        body, shortcut = item.branches
        text = f"{label}residual {_braced(body.body, indent)}"
        if shortcut.body.lines:
            text += f" shortcut {_braced(shortcut.body, indent)}"
        return text
    from cnncalc.layers.merge import MERGES
    at = " at" if item.kind in MERGES and MERGES[item.kind].takes_offset else ""
    count = f"{at} {expr_text(item.arg)}" if item.arg is not None else f" {item.mode}" if item.mode is not None else \
        layer_text(item.window).removeprefix(item.window.keyword) if item.window is not None else ""
    branches = [_branch(b, indent) for b in item.branches]
    one_line = f"{label}{item.kind}{count} {{ " + " | ".join(branches) + " }"
    if len(one_line) <= 100 and "\n" not in one_line:
        return one_line
    inner = indent + "    "
    return (f"{label}{item.kind}{count} {{\n{inner}" + f"\n{indent}  | ".join(
        _branch(b, inner) for b in item.branches) + f"\n{indent}}}")


def layer_text(call: ir.LayerCall) -> str:
    """The call in the spec language: its positional arguments first, in the schema's order (a reader may
    give them in the order written: the lecture's `F=5, K=8` is `conv 8 5x5`), then its options and flags."""
    words = [call.keyword]
    from cnncalc.layers import REGISTRY
    arguments = REGISTRY[call.keyword].schema.arguments if call.keyword in REGISTRY else ()
    order = {a.name: i for i, a in enumerate(arguments) if a.role == "positional"}
    for arg in sorted(call.args, key=lambda arg: order.get(arg.name, len(order))):  # (a stable sort)
        argument = next((a for a in arguments if a.name == arg.name), None)
        if argument is None or argument.role == "positional" or argument.role == "flag":
            words.append(expr_text(arg.value))
        else:
            words += [argument.name, expr_text(arg.value)]
    if call.shares is not None:
        words += ["shares", call.shares.name]
    if call.to is not None:
        words += ["to", f"@{call.to.name}"]
    return " ".join(words)


def _branch(branch: ir.Branch, indent: str) -> str:
    head = [f"@{branch.ref.name}"] if branch.ref is not None else []
    lines = [line_text(line, indent + "  ") for line in branch.body.lines]
    if not lines:
        return head[0] if head else "identity"
    if all("\n" not in text and "->" not in text for text in lines):
        return " ; ".join(head + lines)
    return f"\n{indent}  ".join([" ; ".join(head)] + lines if head else lines)


def _braced(seq: ir.Seq, indent: str) -> str:
    inner = indent + "  "
    lines = [line_text(line, inner) for line in seq.lines]
    one = " ; ".join(lines)
    if all("\n" not in text and "->" not in text for text in lines) and len(one) <= 80:
        return f"{{ {one} }}"
    return "{\n" + "\n".join(inner + text for text in lines) + f"\n{indent}}}"


def line_text(line: ir.Line, indent: str = "") -> str:
    text = " ; ".join(item_text(item, indent) for item in line.items)
    if line.expectation is not None:
        text += " -> " + answer_text(line.expectation)
    return text


def answer_text(e: ir.Expectation) -> str:
    parts = []
    if e.shape is not None:
        parts.append(shape_text(e.shape))
    counts = (("params", e.params), ("weights", e.weights), ("biases", e.biases), ("memory", e.memory),
              ("macs", e.macs), ("filter params", e.filter_params), ("filter weights", e.filter_weights),
              ("filter biases", e.filter_biases),
              ("connections", e.connections), ("input memory", e.input_memory))
    parts += [f"{word} {count_text(count)}" for word, count in counts if count is not None]
    parts += [shape_text(side) if side.axis is None else f"{ir.SIDES[side.axis]} {side.dims[0]}" for side in e.sides]
    if e.field is not None:
        parts.append(f"rf {e.field.text}")
    if e.received is not None:
        side = "" if e.received.axis is None else f"{ir.SIDES[e.received.axis]} "
        parts.append(f"input {side}{'x'.join(map(str, e.received.dims))}")
    if e.padding is not None:
        parts.append(f"padding {'x'.join(map(str, e.padding.dims))}")
    if e.filter_shape is not None:
        side = "" if e.filter_shape.axis is None else f"{ir.SIDES[e.filter_shape.axis]} "
        word = "weights" if e.filter_shape.weights else "filter"
        parts.append(f"{word} {side}{'x'.join(map(str, e.filter_shape.dims))}")
    return " ".join(parts)


def shape_text(shape: ir.ShapeAnswer) -> str:
    """An output answer as the spec language writes it, from its sizes (the lecture's `6@28x28`, `[28, 28, 6]`,
    `10x32x32 (CxHxW)` and an exercise's side `3` are read to them): `28x28x6`, `size 32` (`Output size: 32`, a
    side or a vector's length), `2.33` (a division's value), `invalid` (the lecture's "doesn't fit")."""
    if not shape.dims:
        return shape.text if shape.ratio else "invalid"
    return f"size {shape.dims[0]}" if shape.square else "x".join(map(str, shape.dims))


def count_text(count: ir.Count) -> str:
    """A count as the spec language writes it: as written when the spec reads that to the same count (`34,944`,
    `35K`, `~35000`), else from its value and the precision written (the lecture's `none`, `3.5 x 10^4`, `1.16
    MB` are words or spaced: `0`, `35K`, `1.16MB`; an approximate count keeps its `~`)."""
    approximate = count.text.startswith("~")
    read = count_from_text(count.text.removeprefix("~").replace(",", ""), count.span)
    if isinstance(read, ir.Count) and _value(read.approximate() if approximate else read) == _value(count):
        return count.text
    mantissa = str(count.digits).rjust(count.decimals + 1, "0")
    if count.decimals:
        mantissa = f"{mantissa[:-count.decimals]}.{mantissa[-count.decimals:]}"
    prefix = UNIT_PREFIXES.get(count.unit)
    if prefix is None:  # a power of ten no prefix names (`3.5e5` read as 35 ten-thousands)
        mantissa, prefix = f"{mantissa}e{len(str(count.unit)) - 1}", ""
    return f"{'~' * approximate}{mantissa}{prefix}{'B' * count.in_bytes}"


def _value(count: ir.Count) -> tuple[int, int, int, bool]:
    return count.digits, count.decimals, count.unit, count.in_bytes


def total_text(t: ir.TotalExpectation) -> str:
    if t.quantity == "output":
        assert t.shape is not None
        return f"expect output {shape_text(t.shape)}"
    assert t.limit is not None
    op = "" if t.op == "==" else f"{t.op} "
    family = "" if t.family is None else f"in {t.family} layers "
    statistics = "with statistics " if t.with_statistics else ""
    return f"expect total {t.quantity} {statistics}{family}{op}{count_text(t.limit)}"


def write_spec(file: ir.File, text: str | None = None) -> str:
    """The spec text of a file's IR; with the source `text`, each statement on its source line."""
    statements: list[tuple[int, str]] = []

    def add(offset: int, line: str) -> None:
        statements.append((offset, line))

    for block in file.blocks:
        params = ", ".join(p.name + (f"={expr_text(p.default)}" if p.default is not None else "") for p in block.params)
        add(block.span.start, f"block {block.name}({params}) " + _braced(block.body, ""))
    for index, net in enumerate(file.networks):
        if net.title or index:  # (a second network starts at its `network` line: a second `input` is E021)
            add(net.span.start, f"network {net.title or ''}".rstrip())
        if net.input is not None:
            dims = "x".join(str(d) for d in net.input.dims)
            answers = "" if net.input.answers is None else " -> " + answer_text(net.input.answers)
            add(max(net.input.span.start, net.span.start),  # (an input said again is the one above: its span)
                f"input {dims}" + (f" batch {net.input.batch}" if net.input.batch != 1 else "") + answers)
        if net.rounding is not None:
            add(net.rounding.span.start, f"rounding {net.rounding.mode}")
        for line in net.body.lines:
            add(line.span.start + line.shift, line_text(line))
        for total in net.totals:
            add(total.span.start, total_text(total))
    if text is None:  # in the IR's order (a graph reader's spans do not follow it)
        return "\n".join(s for _, s in statements) + "\n"
    out: list[str] = []
    source = Source(text, "")
    # by source line, and on one line in the IR's order: a line's repeated steps (`[CONV -> POOL] x 2`) share their
    # offsets, and sorted by offset were written each layer twice in a row, another network
    numbered = [(source.line_col(offset)[0] - 1, statement) for offset, statement in statements]
    for number, statement in sorted(numbered, key=lambda p: p[0]):
        while len(out) < number:
            out.append("")
        out.append(statement)
    total_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    while len(out) < total_lines:
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"

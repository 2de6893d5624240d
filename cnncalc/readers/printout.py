"""A printed model summary pasted as a network: Keras' `model.summary()`, torchinfo's and
torchsummary's tables, PyTorch's `print(model)`.

The tables hold each layer's output shape and parameter count but not its kernel, stride or padding,
so no shape can be computed from them: the reader says so once, and what to give cnncalc instead,
rather than reading the table as the spec language (an error per line). So does a printout of a
Module: its modules are listed as `__init__` made them, not as `forward` runs them.

A printout of an `nn.Sequential` (its containers all Sequentials) does give that order, and each
layer's arguments as their constructors take them (`Conv2d(3, 64, kernel_size=(3, 3), padding=(1,
1))`): it is turned into the Python it prints, line for line and character for character (a child's
`(name): ` becomes spaces, or a comma and spaces, so that every offset stays the printout's), and read
by the PyTorch reader with the layers' names bound to torch.nn's."""
from __future__ import annotations

import re

from cnncalc import codes, ir
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.notations import NOTATIONS
from cnncalc.readers.graph import cut_short

_TORCH = r"depth-idx|Conv2d-[0-9]|BatchNorm2d-[0-9]|Linear-[0-9]|Input size \(MB\)"
_OPENED = re.compile(r"[ \t]*(?P<cls>[A-Za-z_]\w*)\([ \t\r]*")  # `Sequential(` on a line of its own: a container
_CHILD = re.compile(r"(?P<indent>[ \t]*)(?P<label>\([^()\n]*\): )(?P<body>.*)")  # `  (conv1): Conv2d(…)`
_LEAF = re.compile(r"(?P<cls>[A-Za-z_]\w*)\(.*\)[ \t\r]*")  # `Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1))`
_CLOSED = re.compile(r"[ \t]*\)[ \t\r]*")  # (a line's end as Windows writes it, or spaces, after each)
# values a repr writes without quotes (Conv2d's `padding=same`, `padding_mode=reflect`)
_BARE = re.compile(r"=(same|valid|zeros|reflect|replicate|circular)(?=[,)])")


class _Unreadable(Exception):
    def __init__(self, message: str, start: int) -> None:
        super().__init__(message)
        self.message = message
        self.start = start


def read(text: str, sink: DiagnosticSink) -> ir.File:
    header = re.search(NOTATIONS["printout"].marker, text)  # its header row: `Layer (type)  Output Shape  Param #`
    span = Span(header.start(), header.end()) if header is not None else Span(0, min(1, len(text)))
    if header is not None and not header.group().lstrip(" \t|").startswith("Layer"):  # `  (conv1): Conv2d(…)`
        return _print_of_model(text, sink, span)
    if re.search(_TORCH, text):
        printed, instead = "torchinfo's or torchsummary's summary", "the PyTorch source of the model (a `.py` file)"
    else:
        printed, instead = "Keras' `model.summary()`", "the model as `model.to_json()` or its `.keras` file"
    sink.add(codes.E070, f"not supported: this is the printout of {printed}: it gives each layer's output "
                         f"shape and parameters, not its kernel, stride or padding, so nothing can be computed "
                         f"from it", span, hint=f"give cnncalc {instead} (docs/notations.md)")
    return ir.File((), (cut_short(text, span, "a printout"),))


def _print_of_model(text: str, sink: DiagnosticSink, span: Span) -> ir.File:
    """PyTorch's `print(model)`: an nn.Sequential's read as the Python it prints; a Module's is one E070."""
    try:
        source, names, labels = python_of(text)
    except _Unreadable as e:
        where = Span(e.start, e.start + 1) if e.start >= 0 else span
        sink.add(codes.E070, f"not supported: this is the printout of PyTorch's `print(model)`: {e.message}", where,
                 hint="give cnncalc the PyTorch source of the model (a `.py` file; docs/notations.md)")
        return ir.File((), (cut_short(text, where, "a printout"),))
    from cnncalc.readers import pytorch
    return pytorch.read_with_names(source, sink, names, labels)


def python_of(text: str) -> tuple[str, set[str], dict[tuple[int, int], str]]:
    """The Python an nn.Sequential's printout stands for, each line as long as the printout's (the lines around
    the printout blanked), the torch.nn names it uses, and each module's name by the (line, column) its class
    starts at; _Unreadable when it is not one or cnncalc cannot read it (`start` where, -1 at its first line)."""
    from cnncalc.readers.pytorch import NN_LAYERS
    lines = text.split("\n")
    out: list[str] = []
    names: set[str] = set()
    labels: dict[tuple[int, int], str] = {}
    children: list[int] = []  # per open container, how many children it has had
    state = "before"  # before the printout, inside it, after it
    offset = 0
    for number, line in enumerate(lines, 1):
        start, offset = offset, offset + len(line) + 1
        if state != "inside":
            opened = _OPENED.fullmatch(line)
            if state == "after" or opened is None:
                out.append(" " * len(line))  # prose around the printout, `>>> print(model)`: not read
                continue
            if opened.group("cls") != "Sequential":
                raise _Unreadable(f"it lists the modules of `{opened.group('cls')}` as `__init__` made them, not "
                                  f"the order `forward` runs them in (a module may run twice, a function of `torch` "
                                  f"not at all), so nothing can be computed from it (an nn.Sequential's printout "
                                  f"is read: its order is its own)", -1)
            state, children = "inside", [0]
            names.add("Sequential")
            out.append(line)
            continue
        if _CLOSED.fullmatch(line):
            children.pop()
            state = "inside" if children else "after"
            out.append(line)
            continue
        child = _CHILD.fullmatch(line)
        if child is None:
            if not line.strip():
                out.append(line)
                continue
            raise _Unreadable("a line that is not one of its modules", start + len(line) - len(line.lstrip()))
        body, label = child.group("body"), child.group("label")
        lead = "," if children[-1] else " "  # a comma before every child after a container's first
        children[-1] += 1
        at = start + len(child.group("indent")) + len(label)
        module = _OPENED.fullmatch(body) or _LEAF.fullmatch(body)
        if module is None:
            raise _Unreadable("a line that is not one of its modules", at)
        cls = module.group("cls")
        if module.re is _OPENED:
            if cls != "Sequential":
                raise _Unreadable(f"`{cls}` {label.strip(': ')} is a module whose `forward` the printout does not "
                                  f"give (only an nn.Sequential's order is its own)", at)
            children.append(0)
        if cls not in NN_LAYERS:
            raise _Unreadable(f"`{cls}` is not one of the torch.nn layers cnncalc reads, and a module of your own "
                              f"prints without its `forward`", at)
        names.add(cls)
        labels[(number, at - start)] = label[1:-3]  # `(conv1): ` -> conv1
        out.append(child.group("indent") + lead + " " * (len(label) - 1) + _quoted(body, at))
    if state == "before":
        raise _Unreadable("no `Sequential(` line starts it", -1)
    return "\n".join(out), names, labels


def _quoted(body: str, at: int) -> str:
    """A leaf's repr with its bare words quoted (`padding=same` -> `padding='same'`), as long as it was: the spaces
    after its commas give the room."""
    quoted = _BARE.sub(r"='\1'", body)
    extra = len(quoted) - len(body)
    while extra > 0:
        cut = quoted.rfind(", ")
        if cut < 0:
            raise _Unreadable("a layer written too tightly to read", at)
        quoted = quoted[:cut + 1] + quoted[cut + 2:]
        extra -= 1
    return quoted

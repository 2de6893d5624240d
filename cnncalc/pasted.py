"""Lines of PyTorch or MATLAB code pasted into a spec (`nn.Conv2d(3, 16, 3, stride=3, padding=1)`,
`convolution2dLayer(11,96,'Stride',[4 4])`). The parser asks here before lexing a line, so such a
line gets one E073 with the layer in the spec language instead of a run of E001s and a row named
`nn1`. The translation is the readers' own (imported only when such a line appears), so the hint
says what reading the code as its framework would give.
"""
from __future__ import annotations

import functools
import re

from cnncalc.diagnostics import Span
from cnncalc.record import NamedTuple

_CODE = r"""[ \t]*(?:(?P<target>[A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*)?(?P<code>
    (?P<pytorch>(?:torch\.)?nn\.[A-Z][A-Za-z0-9_]*[ \t]*\()
  | (?P<matlab>[a-z][A-Za-z0-9]*Layer(?=[ \t]*(?:[(;,%\r\n]|\Z)))
  | (?P<array>[\[\]][ \t]*;?(?=[ \t]*(?:%[^\n]*)?\r?(?:\n|\Z))))"""
_CONTINUATION_LINES = 20  # a call spread over more lines than this is not followed


class Pasted(NamedTuple):
    notation: str  # "PyTorch" or "MATLAB"
    start: int  # the code, without an assignment before it
    end: int  # where the next spec line starts
    spec: str | None  # the layer in the spec language, when the reader could translate it
    why_not: str  # else the reader's reason


def recognise(text: str, start: int) -> Pasted | None:
    """The pasted code that starts the line at `start`, or None for a spec line."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text.find("nn.", start, line_end) < 0 and text.find("Layer", start, line_end) < 0 and \
            text.find("[", start, line_end) < 0 and text.find("]", start, line_end) < 0:
        return None  # almost every line: decided without the pattern
    m = _code_pattern().match(text, start)
    if m is None:
        return None
    code_start = m.start("code")
    end = _call_end(text, code_start)
    source = text[code_start:end].rstrip()
    target = (m.group("target") or "").rpartition(".")[2]
    from cnncalc.readers.graph import NotReadable, spec_layer
    spec: str | None = None
    why_not = ""
    if m.group("array"):  # `layers = [` or `];` around a pasted MATLAB layer array
        return Pasted("MATLAB", code_start, min(_line_end(text, code_start) + 1, len(text)), None,
                      f"`{m.group('array').strip()}` {'opens' if '[' in m.group('array') else 'closes'} a MATLAB "
                      f"layer array (the layers in it are read one by one)")
    if m.group("pytorch"):
        from cnncalc.readers import pytorch
        notation = "PyTorch"
        try:
            spec = pytorch.layer_form(_without_python_tail(source))
        except NotReadable as e:
            why_not = e.message
    else:
        from cnncalc.readers import matlab
        notation = "MATLAB"
        if m.group("matlab") not in matlab.AUTO_NAMES:
            return None  # a block of the spec whose name ends in `Layer`
        try:
            spec, name = matlab.layer_form(source)
            target = name or target
        except NotReadable as e:
            why_not = e.message
    if spec is not None and not spec.startswith("input "):
        try:
            for part in spec.split(" ; "):
                spec_layer(part, Span(code_start, end))  # the hint must be a line the spec parser accepts
        except NotReadable as e:
            spec, why_not = None, e.message
        else:
            one_layer = ";" not in spec  # an nn.Sequential's layers stay unnamed: a label names one layer
            spec = f"{target}: {spec}" if one_layer and target.isidentifier() and target.isascii() else spec
    return Pasted(notation, code_start, min(end + 1, len(text)), spec, why_not)


@functools.cache
def _code_pattern() -> re.Pattern[str]:
    """Compiled on the first line that may be code, not at start-up."""
    return re.compile(_CODE, re.VERBOSE | re.ASCII)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _call_end(text: str, start: int) -> int:
    """The end of the line where the call's brackets close (a call may go over a few lines); the end
    of its first line when they do not close within a few lines (the spec lines after it stay read)."""
    first_end = text.find("\n", start)
    first_end = len(text) if first_end < 0 else first_end
    depth = 0
    pos = start
    for _ in range(_CONTINUATION_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        depth += sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")
        if depth <= 0:
            return end
        if end == len(text):
            break
        pos = end + 1
    return first_end


def _without_python_tail(source: str) -> str:
    """`nn.ReLU(),  # comment` -> `nn.ReLU()`: each line's comment, and the separator after the call
    (a line inside a list)."""
    if "#" in source:
        source = "\n".join(line.split("#", 1)[0] for line in source.split("\n"))
    return source.rstrip().rstrip(",;")

"""The lecture's own notation, read as written on a problem sheet:

    [227x227x3] INPUT
    [55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0
    [27x27x96] MAX POOL1: 3x3 filters at stride 2
    [27x27x96] NORM1: Normalization layer
    [4096] FC6: 4096 neurons

Each line is translated into one line of the spec language (so line numbers are kept), the
bracketed volume becoming the expectation it is: the student's answer. Every translated piece
remembers where it came from, so diagnostics point at what the student wrote.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from cnncalc.diagnostics import Span

_LINE = re.compile(r"\s*\[(?P<vol>[^\]]*)\]\s*(?P<rest>.*?)\s*$")
_LABELLED = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9 _-]*?)\s*:\s*(?P<body>.*)$")
_CONV = re.compile(r"(?P<n>\d+)\s+(?P<k>\d+(?:\s*x\s*\d+)?)\s+filters?\b(?P<opts>.*)$", re.I)
_POOL = re.compile(r"(?P<k>\d+(?:\s*x\s*\d+)?)\s+filters?\b(?P<opts>.*)$", re.I)
_STRIDE = re.compile(r"stride\s+(?P<v>\d+)", re.I)
_PAD = re.compile(r"pad(?:ding)?\s+(?P<v>\d+)", re.I)
_FC = re.compile(r"(?P<n>\d+)\s+(?:neurons|units|outputs)\b", re.I)
_NORM = re.compile(r"norm", re.I)

FORMS = ("[227x227x3] INPUT; [55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0; "
         "[27x27x96] MAX POOL1: 3x3 filters at stride 2; [27x27x96] NORM1: Normalization layer; "
         "[4096] FC6: 4096 neurons")


class Piece(NamedTuple):
    """Spec text [start, end) came from original text [orig_start, orig_end)."""

    start: int
    end: int
    orig_start: int
    orig_end: int


class Translation(NamedTuple):
    text: str
    pieces: list[Piece]
    line_starts: list[int]  # original offsets of each line, for spans no piece covers
    spec_line_starts: list[int]
    unreadable: list[Span]  # original spans of lines that are not the lecture's notation


def looks_like_lecture(text: str) -> bool:
    """The first line that is not blank or a comment starts with a bracketed volume."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped.startswith("[")
    return False


class _Line:
    """Builds one spec line and its pieces."""

    def __init__(self, spec_offset: int) -> None:
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.offset = spec_offset
        self.length = 0

    def add(self, text: str, orig: tuple[int, int] | None = None) -> None:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        if orig is not None:
            start = self.offset + self.length
            self.pieces.append(Piece(start, start + len(text), *orig))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def translate(text: str) -> Translation:
    out_lines: list[str] = []
    pieces: list[Piece] = []
    unreadable: list[Span] = []
    line_starts: list[int] = []
    spec_line_starts: list[int] = []
    offset = spec_offset = 0
    for raw in text.split("\n"):
        line_starts.append(offset)
        spec_line_starts.append(spec_offset)
        built = _translate_line(raw, offset, spec_offset)
        if built is None:
            stripped = raw.strip()
            if stripped and not stripped.startswith("#"):
                first = offset + len(raw) - len(raw.lstrip())
                unreadable.append(Span(first, offset + len(raw.rstrip())))
            spec = raw if not raw.strip() or raw.strip().startswith("#") else "# " + raw
        else:
            spec = built.text
            pieces += built.pieces
        out_lines.append(spec)
        offset += len(raw) + 1
        spec_offset += len(spec) + 1
    return Translation("\n".join(out_lines), pieces, line_starts, spec_line_starts, unreadable)


def _translate_line(raw: str, offset: int, spec_offset: int) -> _Line | None:
    m = _LINE.match(raw)
    if m is None:
        return None
    vol = m.group("vol").strip().replace(" ", "").lower()
    vol_span = (offset + m.start("vol"), offset + m.end("vol"))
    rest, rest_at = m.group("rest"), offset + m.start("rest")
    line = _Line(spec_offset)
    if rest.upper().startswith("INPUT"):
        line.add("input")
        line.add(vol, vol_span)
        return line
    labelled = _LABELLED.match(rest)
    if labelled is None:
        return None
    name = labelled.group("name")
    body, body_at = labelled.group("body"), rest_at + labelled.start("body")
    label = name.split()[-1].lower().replace("-", "_")
    line.add(label + ":", (rest_at, rest_at + len(name)))
    upper = name.upper()

    def span(match: re.Match[str], group: str) -> tuple[int, int]:
        return body_at + match.start(group), body_at + match.end(group)

    if "POOL" in upper:
        pool = _POOL.match(body)
        if pool is None:
            return None
        line.add("avgpool" if "AVG" in upper or "AVERAGE" in upper else "maxpool", (rest_at, rest_at + len(name)))
        line.add(_kernel(pool.group("k")), span(pool, "k"))
        _options(line, pool, body_at)
    elif (fc := _FC.match(body)) is not None:
        line.add("fc", (rest_at, rest_at + len(name)))
        line.add(fc.group("n"), span(fc, "n"))
    elif (conv := _CONV.match(body)) is not None:
        line.add("conv", (rest_at, rest_at + len(name)))
        line.add(conv.group("n"), span(conv, "n"))
        line.add(_kernel(conv.group("k")), span(conv, "k"))
        _options(line, conv, body_at)
    elif _NORM.search(body) or "NORM" in upper:
        line.add("lrn", (rest_at, rest_at + len(name)))
    elif body.strip().lower() in ("relu", "relu layer"):
        line.add("relu", (rest_at, rest_at + len(name)))
    else:
        return None
    line.add("->")
    line.add(vol, vol_span)
    return line


def _kernel(text: str) -> str:
    k = text.replace(" ", "").lower()
    return k if "x" in k else f"{k}x{k}"


def _options(line: _Line, match: re.Match[str], body_at: int) -> None:
    opts, opts_at = match.group("opts"), body_at + match.start("opts")
    for word, pattern in (("stride", _STRIDE), ("pad", _PAD)):
        found = pattern.search(opts)
        if found is not None:
            line.add(word, (opts_at + found.start(), opts_at + found.end()))
            line.add(found.group("v"), (opts_at + found.start("v"), opts_at + found.end("v")))


def remap(span: Span, t: Translation) -> Span:
    """A span in the translated text -> the span of the student's text it came from."""
    for piece in t.pieces:
        if piece.start <= span.start < max(piece.end, piece.start + 1):
            end_piece = next((p for p in t.pieces if p.start < span.end <= p.end), piece)
            return Span(piece.orig_start, max(end_piece.orig_end, piece.orig_start))
    line = max(i for i, s in enumerate(t.spec_line_starts) if s <= span.start) if t.spec_line_starts else 0
    return Span(t.line_starts[line], t.line_starts[line])

"""Spec text -> tokens, each carrying its source offsets. The lexer knows no layer names.

One compiled pattern scans the text in linear time. Kinds: NAME, NUMBER (`34944`, `62.4M`,
`0.5`, `1e-5`), DIMS (`11x11`, `227x227x3`; `X` and `×` read as `x`, the text normalised), TITLE
(the free text after `network`), BADNUMBER (digits glued to letters: the parser decides whether
that is an error, as `224xWx3` in an input is not), NEWLINE, EOF, and the punctuation strings
themselves.
"""
from __future__ import annotations

import re

from cnncalc import codes
from cnncalc.diagnostics import DiagnosticSink, Span
from cnncalc.limits import MAX_LINE_CHARS
from cnncalc.record import NamedTuple, make

_MASTER = re.compile(r"""[ \t\r\f\v]*(?:
    (?P<NEWLINE>\n)
  | (?P<NAME>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<NUM>[0-9](?:[A-Za-z0-9_.×]|(?<=[eE])[-+](?=[0-9]))*)
  | (?P<PUNCT>->|→|=>|<=|>=|==|//|[:;{}()|,=+\-*<>@\[\]~≈])
  | (?P<COMMENT>\#[^\n]*)
  | (?P<END>\Z)
  | (?P<BAD>.)
)""", re.VERBOSE | re.ASCII)
_DIMS = re.compile(r"[0-9]+(?:x[0-9]+)+")
_WRITTEN_DIMS = r"[0-9]+(?:[xX×][0-9]+)+"  # `55X55X96`, `55×55×96`; rare: compiled on first use (re's cache)
_NUMBER = re.compile(r"[0-9][0-9_]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?(?:[KMGT]i?B?|[kmgt]|B)?")
_TITLE = re.compile(r"[ \t]*([^\n#]*)")


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return make(Span, (self.start, self.end))  # `Span(start, end)`, without its call: read for most tokens


def lex_line(text: str, pos: int, out: list[Token], sink: DiagnosticSink) -> int:
    """Append the tokens of the line starting at `pos` (its NEWLINE, or EOF at the end) to `out`;
    return where the next line starts. Tokens are made with `record.make`, as `Token(...)` makes
    them, without its call: a spec's lines are lexed once each, and this is the loop they all go through.
    A line longer than `limits.MAX_LINE_CHARS` is E008 there, and lexed no further."""
    newline = text.find("\n", pos)
    if (newline if newline >= 0 else len(text)) - pos > MAX_LINE_CHARS:
        return _long_line(text, pos, newline, out, sink)
    append = out.append
    line_start = True  # only whitespace so far: a `network` here starts a title
    match = _MASTER.match
    while True:
        m = match(text, pos)
        assert m is not None  # the pattern always matches (END or BAD)
        kind = m.lastgroup
        pos = m.end()
        if kind == "NAME":
            word = m.group(kind)
            append(make(Token, ("NAME", word, pos - len(word), pos)))
            if line_start and word == "network" and not _label_follows(text, pos):
                title = _TITLE.match(text, pos)
                assert title is not None
                words = title.group(1).rstrip()
                append(Token("TITLE", words, title.start(1), title.start(1) + len(words)))
                pos = title.end()
            line_start = False
        elif kind == "NUM":
            blob = m.group(kind)
            start = pos - len(blob)
            if blob.isdigit():  # the common case, a NUMBER the patterns below would also say
                kind = "NUMBER"
            elif "x" in blob and _DIMS.fullmatch(blob):
                kind = "DIMS"
            elif _NUMBER.fullmatch(blob):
                kind = "NUMBER"
            elif re.fullmatch(_WRITTEN_DIMS, blob):
                kind, blob = "DIMS", blob.replace("X", "x").replace("×", "x")
            else:
                kind = "BADNUMBER"
            append(make(Token, (kind, blob, start, pos)))
            line_start = False
        elif kind == "PUNCT":
            punct = m.group(kind)
            append(make(Token, ("->" if punct in ("→", "=>") else punct, punct, pos - len(punct), pos)))  # `→`: `->`
            line_start = False
        elif kind == "NEWLINE":
            append(make(Token, ("NEWLINE", "\n", pos - 1, pos)))
            return pos
        elif kind == "END":
            append(Token("EOF", "", len(text), len(text)))
            return pos
        elif kind == "BAD":
            ch = m.group(kind)
            if ch != "\ufffd":  # a byte that was not UTF-8: E005 has said so, once for the file
                shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
                sink.add(codes.E001, f"unexpected character {shown}", Span(pos - 1, pos),
                         hint="comments start with `#`; shapes are written like `227x227x3`")
            line_start = False


def _long_line(text: str, pos: int, newline: int, out: list[Token], sink: DiagnosticSink) -> int:
    """The tokens of a line's first `MAX_LINE_CHARS` characters, then its end (the last token cut there is
    dropped): each token read costs some 150 bytes, and a 32 MiB line would hold millions."""
    cut = pos + MAX_LINE_CHARS
    sink.add(codes.E008, f"the line is longer than {MAX_LINE_CHARS:,} characters; the rest of it is not read",
             Span(cut, cut + 1), hint="split it: layers on a line of their own, or separated by `;` on a few lines")
    lex_line(text[:cut] + "\n", pos, out, sink)  # (a copy of what is read: at most 32 MiB once)
    out.pop()  # the newline added to end the copy
    if out and out[-1].start >= pos and out[-1].end == cut:
        out.pop()  # a token the cut may have split
    if newline < 0:
        out.append(Token("EOF", "", len(text), len(text)))
        return len(text)
    out.append(Token("NEWLINE", "\n", newline, newline + 1))
    return newline + 1


def _label_follows(text: str, pos: int) -> bool:
    """`network: conv ...` is a layer labelled `network`, not a title."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos < len(text) and text[pos] == ":"

"""Spec text -> tokens, each carrying its source span. The lexer knows no layer names."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from cnncalc.diagnostics import DiagnosticSink, Span

# Token kinds: NAME NUMBER DIMS NEWLINE EOF and the punctuation strings themselves.
PUNCTUATION = ("->", "<=", ">=", "==", "//", ":", ";", "{", "}", "(", ")", "|", ",", "=", "+", "-", "*", "<", ">")

_DIMS = re.compile(r"\d+(?:x\d+)+")
_NUMBER = re.compile(r"\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?(?:[KMGT]i?B?|B)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WORD_CHAR = re.compile(r"[A-Za-z0-9_.]")
_BLOB = re.compile(r"[A-Za-z0-9_.]+")


class Token(NamedTuple):
    kind: str
    text: str
    span: Span


def tokenize(text: str, sink: DiagnosticSink) -> list[Token]:
    return list(_tokens(text, sink))


def _tokens(text: str, sink: DiagnosticSink) -> Iterator[Token]:
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            yield Token("NEWLINE", "\n", Span(i, i + 1))
            i += 1
        elif ch in " \t\r\f\v":
            i += 1
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif ch.isdigit() and ch.isascii():
            token = _number(text, i, sink)
            yield token
            i = token.span.end
        elif (m := _NAME.match(text, i)) is not None:
            yield Token("NAME", m.group(), Span(i, m.end()))
            i = m.end()
        else:
            punct = next((p for p in PUNCTUATION if text.startswith(p, i)), None)
            if punct is not None:
                yield Token(punct, punct, Span(i, i + len(punct)))
                i += len(punct)
            else:
                shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
                sink.add("E001", f"unexpected character {shown}", Span(i, i + 1),
                         hint="comments start with `#`; shapes are written like `227x227x3`")
                i += 1
    yield Token("EOF", "", Span(n, n))


def _number_match(text: str, i: int) -> re.Match[str] | None:
    """A dims (`11x11`) or number (`62.4M`) literal that is not glued to further word characters."""
    for pattern in (_DIMS, _NUMBER):
        m = pattern.match(text, i)
        if m is not None and not _WORD_CHAR.match(text, m.end()):
            return m
    return None


def _number(text: str, i: int, sink: DiagnosticSink) -> Token:
    m = _number_match(text, i)
    if m is None:
        blob = _BLOB.match(text, i).group()  # type: ignore[union-attr]
        sink.add("E013", f"malformed number `{blob}`", Span(i, i + len(blob)),
                 hint="write sizes as `227x227x3`, counts as `34944`, `35K` or `62.4M`")
        return Token("BADNUMBER", blob, Span(i, i + len(blob)))
    kind = "DIMS" if "x" in m.group() else "NUMBER"
    return Token(kind, m.group(), Span(i, m.end()))

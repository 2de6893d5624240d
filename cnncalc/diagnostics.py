"""The one `Diagnostic` type, and source positions (character offsets; lines computed late)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from cnncalc.codes import CODES

Severity = Literal["error", "warning", "note"]


class Span(NamedTuple):
    """Half-open character range `[start, end)` in a source text."""

    start: int
    end: int

    def to(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


class Diagnostic(NamedTuple):
    code: str
    message: str
    span: Span
    hint: str | None = None
    path: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        return {"E": "error", "W": "warning", "N": "note"}[self.code[0]]  # type: ignore[return-value]


@dataclass
class Source:
    """A spec's text and name; maps offsets to 1-based line and column."""

    text: str
    name: str = "<string>"
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


class DiagnosticSink:
    """Collects diagnostics; stages report into it instead of raising on user input."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, span: Span, hint: str | None = None,
            path: str | None = None, notes: tuple[str, ...] = ()) -> None:
        if code not in CODES:
            raise ValueError(f"undefined diagnostic code {code}")  # a cnncalc bug, not a user error
        self.items.append(Diagnostic(code, message, span, hint, path, notes))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

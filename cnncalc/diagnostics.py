"""The one `Diagnostic` type, and source positions (character offsets; lines computed late)."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from cnncalc import TYPE_CHECKING
from cnncalc.codes import Code
from cnncalc.limits import MAX_DIAGNOSTICS
from cnncalc.record import NamedTuple

if TYPE_CHECKING:
    from cnncalc.codes import Severity


class Span(NamedTuple):
    """Half-open character range `[start, end)` in a source text."""

    start: int
    end: int

    def to(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))

    def shifted(self, by: int) -> Span:
        """The same text `by` characters further on (a line written again shares the first one's items)."""
        return self if not by else Span(self.start + by, self.end + by)


class Diagnostic(NamedTuple):
    code: Code
    message: str
    span: Span
    hint: str | None = None
    path: str | None = None
    notes: tuple[str, ...] = ()
    line: int = 0  # 1-based, set when the report is made (`Source.locate`); 0 before
    column: int = 0

    @property
    def severity(self) -> Severity:
        return self.code.severity


class Source:
    """A text and its name; maps offsets to 1-based line and column (the line table is built on first use)."""

    __slots__ = ("text", "name", "_starts")

    def __init__(self, text: str, name: str = "<string>") -> None:
        self.text = text
        self.name = name
        self._starts: list[int] | None = None

    def _line_starts(self) -> list[int]:
        """Offsets where lines start; only `\n` ends a line (as in the lexer), `\r` stays part of it."""
        if self._starts is None:
            self._starts = [0, *accumulate(len(line) + 1 for line in self.text.split("\n"))][:-1]
        return self._starts

    def line_col(self, offset: int) -> tuple[int, int]:
        starts = self._line_starts()
        line = max(bisect_right(starts, offset) - 1, 0)
        return line + 1, offset - starts[line] + 1

    def position(self, diag: Diagnostic) -> tuple[int, int]:
        """A diagnostic's line and column: its own when it carries them (a reader's), else from its span."""
        return (diag.line, diag.column) if diag.line else self.line_col(diag.span.start)

    def locate(self, diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
        """The diagnostics with their line and column filled in."""
        return tuple(d if d.line else d._replace(line=(where := self.line_col(d.span.start))[0], column=where[1])
                     for d in diagnostics)

    def line_text(self, line: int) -> str:
        starts = self._line_starts()
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:end if end >= 0 else len(self.text)].rstrip("\r")


class DiagnosticSink:
    """Collects diagnostics; stages report into it instead of raising on user input. It keeps the first
    MAX_DIAGNOSTICS and counts the rest, so a file of a million mistakes stays linear."""

    __slots__ = ("items", "errors", "dropped", "dropped_errors")

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        self.errors = 0
        self.dropped = 0
        self.dropped_errors = 0

    def add(self, code: Code, message: str, span: Span, hint: str | None = None,
            path: str | None = None, notes: tuple[str, ...] = ()) -> None:
        error = code.severity == "error"
        self.errors += error
        if len(self.items) >= MAX_DIAGNOSTICS:
            self.dropped += 1
            self.dropped_errors += error
            return
        self.items.append(Diagnostic(code, message, span, hint, path, notes))

    @property
    def total(self) -> int:
        """Every diagnostic added so far, kept or not: a stage compares it to see whether it reported."""
        return len(self.items) + self.dropped

    @property
    def full(self) -> bool:
        """Whether what is added now is only counted: a costly hint need not be worked out."""
        return len(self.items) >= MAX_DIAGNOSTICS


class Policy(NamedTuple):
    """Which diagnostics are shown and which fail a check."""

    strict: bool = False  # warnings and (undeclared) notes fail too
    show_notes: bool = False  # show notes that restate the spec's own declarations
    select: tuple[str, ...] = ()  # code prefixes to keep (empty: all)
    ignore: tuple[str, ...] = ()  # code prefixes to drop

    def selected(self, d: Diagnostic) -> bool:
        code = str(d.code)
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def shown(self, d: Diagnostic) -> bool:
        if not self.selected(d):
            return False
        if d.code.quiet:
            return self.show_notes or self.fails(d)
        return True

    def fails(self, d: Diagnostic) -> bool:
        if not self.selected(d):
            return False
        if d.severity == "error":
            return True
        return self.strict and not d.code.declared

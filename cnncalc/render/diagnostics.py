"""Diagnostics as text: `FILE:LINE:COL: error[CODE]: message`, the source line, a caret, notes, a hint."""
from __future__ import annotations

from cnncalc.diagnostics import Diagnostic, Source
from cnncalc.limits import MAX_SHOWN_LINE
from cnncalc.render.text import styled

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "note": "cyan"}


def _window(text: str, col: int, width: int) -> tuple[str, int, int]:
    """A long source line shown as a window around the caret (the column stays the real one in the head)."""
    width = min(width, MAX_SHOWN_LINE)
    if len(text) <= MAX_SHOWN_LINE:
        return text, col, width
    start = max(0, col - 1 - (MAX_SHOWN_LINE - width) // 2)
    end = min(len(text), start + MAX_SHOWN_LINE)
    shown = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return shown, col - start + (1 if start else 0), width


def one_line(diag: Diagnostic, source: Source) -> str:
    line, col = source.position(diag)
    return f"{source.name}:{line}:{col}: {diag.severity}[{diag.code}]: {diag.message}"


def render_diagnostic(diag: Diagnostic, source: Source, color: bool = False, full: bool = True) -> str:
    """The diagnostic with its source line and caret; `full=False` gives its first line only."""
    head = styled(one_line(diag, source), SEVERITY_STYLE[diag.severity], color)
    if not full:
        return head
    line, col = source.position(diag)
    text = source.line_text(line)
    gutter = str(line)
    end_line, end_col = source.line_col(max(diag.span.end - 1, diag.span.start))
    width = max(1, (end_col - col + 1) if end_line == line else len(text) - col + 1)
    text, col, width = _window(text, col, width)
    caret_pad = "".join("\t" if ch == "\t" else " " for ch in text[:col - 1])
    pad = " " * len(gutter)
    out = [head, f" {gutter} | {text}".rstrip(), f" {pad} | {caret_pad}{styled('^' * width, 'bold', color)}"]
    out += [f" {pad} = note: {note}" for note in diag.notes]
    if diag.hint:
        out.append(f" {pad} = hint: {diag.hint}")
    return "\n".join(out)

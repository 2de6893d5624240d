"""Diagnostics as text: `FILE:LINE:COL: error[CODE]: message`, the source line, a caret, a hint."""
from __future__ import annotations

from cnncalc.diagnostics import Diagnostic, Source


def location(diag: Diagnostic, source: Source) -> tuple[int, int]:
    return source.line_col(diag.span.start)


def render_diagnostic(diag: Diagnostic, source: Source) -> str:
    line, col = location(diag, source)
    text = source.line_text(line)
    head = f"{source.name}:{line}:{col}: {diag.severity}[{diag.code}]: {diag.message}"
    gutter = str(line)
    end_line, end_col = source.line_col(max(diag.span.end - 1, diag.span.start))
    width = max(1, (end_col - col + 1) if end_line == line else len(text) - col + 1)
    caret_pad = "".join("\t" if ch == "\t" else " " for ch in text[:col - 1])
    out = [head,
           f" {gutter} | {text}",
           f" {' ' * len(gutter)} | {caret_pad}{'^' * width}"]
    out += [f" {' ' * len(gutter)} = note: {note}" for note in diag.notes]
    if diag.hint:
        out.append(f" {' ' * len(gutter)} = hint: {diag.hint}")
    return "\n".join(out)


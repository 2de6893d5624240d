"""cnncalc: shapes, parameter counts and costs of convolutional networks, checked.

`cnncalc.analyze(path)` reads a file, `cnncalc.analyze_text(text)` a string; both return a
`Report` (docs/python.md). The names are imported on first use, so `import cnncalc` is cheap.
"""
from __future__ import annotations

# Not `typing.TYPE_CHECKING`: the modules a bare `cnncalc FILE` imports take this one and import from
# typing only under it, for their annotations: importing typing is 16M of the summary's 140M
# instructions (callgrind). Type checkers read any name TYPE_CHECKING as true.
TYPE_CHECKING = False

__version__ = "0.2.0"
__all__ = ["Answer", "Report", "Row", "Totals", "__version__", "analyze", "analyze_all", "analyze_text"]

if TYPE_CHECKING:
    from typing import Any

    from cnncalc.analysis import analyze, analyze_all, analyze_text
    from cnncalc.report import Answer, Report, Row, Totals


def __getattr__(name: str) -> Any:
    if name in ("analyze", "analyze_text", "analyze_all"):
        from cnncalc import analysis
        return getattr(analysis, name)
    if name in ("Report", "Row", "Totals", "Answer"):
        from cnncalc import report
        return getattr(report, name)
    raise AttributeError(f"module 'cnncalc' has no attribute {name!r}")

"""cnncalc: shapes, parameter counts and costs of convolutional networks, checked."""
from __future__ import annotations

from cnncalc.analysis import analyze
from cnncalc.report import Report, Row, Totals

__version__ = "0.1.0"
__all__ = ["analyze", "Report", "Row", "Totals", "__version__"]

"""Shared helpers: analyse text, and read diagnostics as (code, line, column)."""
from __future__ import annotations

from pathlib import Path

import pytest

import cnncalc
from cnncalc.analysis import Analysis
from cnncalc.analysis import run as run_source
from cnncalc.report import Report

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


def run(text: str, **kwargs: object) -> Report:
    return cnncalc.analyze_text(text if "\n" in text else text + "\n", **kwargs)  # type: ignore[arg-type]


def prepare(text: str, name: str = "t.spec", **kwargs: object) -> Analysis:
    """The first network's report and resolved tree (what the executor runs)."""
    return run_source(text, name, **kwargs)[0]  # type: ignore[arg-type]


def where(report: Report) -> list[tuple[str, int, int]]:
    """Each diagnostic as (code, line, column): tests speak in codes and positions."""
    return [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics]


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def row(report: Report, path: str):
    return next(r for r in report.rows if r.path == path)


@pytest.fixture
def spec_dir() -> Path:
    return SPECS

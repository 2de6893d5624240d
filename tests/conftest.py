"""Shared helpers: analyse text, read diagnostics as (code, line, column), the hypothesis
profiles, and the `--update-golden` flag for the golden-output files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import cnncalc
from cnncalc import memo
from cnncalc.analysis import Analysis, Settings
from cnncalc.analysis import run as run_source
from cnncalc.report import Report, Row

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Hypothesis: no deadlines (a wall-clock limit is a timed test); `ci` runs more examples, derandomized.
settings.register_profile("default", deadline=None, max_examples=100,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, max_examples=200, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the golden-output files in tests/golden from the current output.")


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """Each test starts on empty shared caches (cnncalc/memo.py): a test that changes a layer's rule must not
    read what the true rule gave an earlier test (tests/test_memo.py checks that they never change an answer)."""
    memo.clear()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def run(text: str, **kwargs: object) -> Report:
    return cnncalc.analyze_text(text if "\n" in text else text + "\n", **kwargs)  # type: ignore[arg-type]


def prepare(text: str, name: str = "t.spec", **kwargs: object) -> Analysis:
    """The first network's report and resolved tree (what the executor runs)."""
    return run_source(text, name, Settings(**kwargs))[0]  # type: ignore[arg-type]


def where(report: Report) -> list[tuple[str, int, int]]:
    """Each diagnostic as (code, line, column): tests speak in codes and positions."""
    return [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics]


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def errors(report: Report) -> list[tuple[str, int, int]]:
    """Like `where`, errors only."""
    return [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics if d.severity == "error"]


def row(report: Report, path: str) -> Row:
    return next(r for r in report.rows if r.path == path)

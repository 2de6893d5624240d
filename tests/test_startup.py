"""What the start-up path imports (benchmarks/profile_startup.py measures its cost): each module
named here was taken off it on purpose, so its return is a regression these tests catch."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = """
import contextlib, io, sys
from cnncalc.cli import run
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    run({args!r})
print(*sorted(sys.modules))
"""

NEVER = {"numpy", "rich", "dataclasses", "fractions", "decimal", "shutil", "difflib", "json", "locale",
         "cnncalc.readers", "cnncalc.executor", "cnncalc.training", "cnncalc.checking", "cnncalc.solve",
         "cnncalc.workers", "pickle", "multiprocessing"}


def imported(*args: str) -> set[str]:
    code = PROBE.format(args=list(args))
    return set(subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout.split())


@pytest.mark.parametrize("args", [("specs/alexnet.spec",), ("specs/resnet50.spec", "--format", "json"),
                                  ("check", "specs/alexnet.spec")])
def test_the_summary_imports_only_its_pipeline(args: tuple[str, ...]) -> None:
    needed = {"cnncalc.checking", "cnncalc.workers"} if args[0] == "check" else set()  # it collects, it may fork
    assert imported(*args) & (NEVER - needed) == set()


def test_help_and_version_import_no_layer() -> None:
    for args in (("--help",), ("--version",), ("check", "--help")):
        modules = imported(*args) - {"locale"}  # printing help translates click's headings (gettext)
        assert modules & (NEVER | {"cnncalc.layers", "cnncalc.report", "cnncalc.parser"}) == set(), args

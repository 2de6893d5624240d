"""What `cnncalc check` adds to analysis: finding spec files, budgets from the command line,
and deciding what counts as a problem."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import NamedTuple

from cnncalc.diagnostics import Diagnostic, Span
from cnncalc.report import Report


class Budgets(NamedTuple):
    params: int | None = None
    macs: int | None = None
    memory: int | None = None  # bytes: parameters plus activations


class MissingPath(Exception):
    """A path that is neither a file, a directory, nor a glob matching anything."""


def collect(paths: tuple[str, ...]) -> list[str]:
    """Files as given, directories searched for `*.spec`, globs expanded (for shells that don't)."""
    found: list[str] = []
    for path in paths:
        if path == "-" or os.path.isfile(path):
            found.append(path)
        elif os.path.isdir(path):
            found += sorted(str(p) for p in Path(path).rglob("*.spec") if p.is_file())
        elif glob.has_magic(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                raise MissingPath(f"{path!r} matches no file")
            found += matches
        else:
            raise MissingPath(f"{path!r} does not exist")
    return list(dict.fromkeys(found))


def apply_budgets(report: Report, budgets: Budgets) -> None:
    """A budget exceeded is error E045 with the figure and the limit."""
    t = report.totals
    memory = t.param_bytes + t.activation_bytes
    for what, actual, limit, unit in (("params", t.params, budgets.params, ""),
                                      ("MACs", t.macs, budgets.macs, ""),
                                      ("memory", memory, budgets.memory, " bytes")):
        if limit is not None and actual > limit:
            report.diagnostics.append(Diagnostic(
                "E045", f"{what} {actual:,}{unit} exceed the budget --max-{what.lower()} {limit:,}{unit} "
                        f"by {actual - limit:,} ({100 * (actual - limit) / limit:.1f}%)",
                Span(0, 0), hint=f"shrink the network or raise --max-{what.lower()}"))


def problems(report: Report, strict: bool) -> list[Diagnostic]:
    """The diagnostics that fail a check: errors; with --strict, warnings and notes too."""
    return [d for d in report.diagnostics if strict or d.severity == "error"]

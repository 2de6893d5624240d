"""What the command modules share: reading specs, common options, printing diagnostics."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from cnncalc.analysis import analyze_text
from cnncalc.report import Report

EXIT_OK, EXIT_ERRORS, EXIT_INTERNAL = 0, 1, 3  # usage errors exit 2, through click


def read_spec(path: str) -> tuple[str, str]:
    """The text and display name of a spec file, `-` for standard input."""
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace"), "<stdin>"
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace"), path
    except OSError as e:
        raise click.BadParameter(f"cannot read {path!r}: {e.strerror}", param_hint="FILE") from None


def load_reports(files: tuple[str, ...] | list[str], rounding: str | None, lang: str = "auto",
                 budgets: Any = None) -> list[Report]:
    reports = [analyze_text(*read_spec(f), rounding=rounding, lang=None if lang == "auto" else lang) for f in files]
    if budgets is not None:
        from cnncalc.checking import apply_budgets
        for report in reports:
            apply_budgets(report, budgets)
    return reports


def parse_size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A count or size option: `25M`, `4.1G`, `100MiB`, `1_000_000`."""
    if value is None:
        return None
    from cnncalc.tokens import parse_amount
    amount = parse_amount(value)
    if amount is None or amount < 0:
        raise click.BadParameter(f"{value!r} is not a number; write e.g. 25M, 4.1G or 100MiB")
    return amount


def budget_options(command: Any) -> Any:
    for name, text in (("--max-memory", "Fail when parameter plus activation memory (bytes, e.g. 100MiB) exceeds this."),
                       ("--max-macs", "Fail when the total MACs exceed this (e.g. 4.1G)."),
                       ("--max-params", "Fail when the learnable parameters exceed this (e.g. 25M).")):
        command = click.option(name, callback=parse_size, metavar="N", help=text)(command)
    return command


def budgets_of(max_params: int | None, max_macs: int | None, max_memory: int | None) -> Any:
    if max_params is None and max_macs is None and max_memory is None:
        return None
    from cnncalc.checking import Budgets
    return Budgets(max_params, max_macs, max_memory)


lang_option = click.option("--lang", type=click.Choice(["auto", "spec", "lecture"]), default="auto", show_default=True,
                           help="The input language: the spec language, or the lecture's `[55x55x96] CONV1: ...` "
                                "notation (auto: detected).")


def print_diagnostics(report: Report, color: bool, full_notes: bool = False, err: bool = True) -> None:
    """Errors and warnings with source line, caret and hint; notes in one line unless asked."""
    from cnncalc.render.diagnostics import render_diagnostic
    for d in report.diagnostics:
        text = render_diagnostic(d, report.source)
        if d.severity == "note" and not full_notes:
            text = text.partition("\n")[0]
        if color:
            style = {"error": "red", "warning": "yellow", "note": "cyan"}[d.severity]
            head, _, rest = text.partition("\n")
            text = click.style(head, fg=style, bold=True) + "\n" + rest
        click.echo(text, err=err)


def stdout_console() -> Any:
    from rich.console import Console
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
    return Console(width=width, highlight=False, soft_wrap=False, markup=False, emoji=False)


FORMATS = ("table", "json", "markdown", "csv", "github", "junit", "sarif")
rounding_option = click.option("--rounding", type=click.Choice(["floor", "ceil"]),
                               help="Settle inexact divisions for the whole run (a note instead of E030).")


def render_ci(fmt: str, reports: list[Report], strict: bool) -> str:
    from cnncalc.render import ci
    if fmt == "github":
        return ci.github(reports)
    if fmt == "junit":
        return ci.junit(reports, strict)
    return ci.sarif(reports)

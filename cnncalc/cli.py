"""Command line: arguments, choosing a renderer, exit codes (0 fine, 1 spec errors or failed
expectations, 2 usage). No arithmetic here."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from cnncalc.analysis import analyze_text
from cnncalc.report import Report

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class DefaultGroup(click.Group):
    """`cnncalc FILE...` means `cnncalc summary FILE...`; named commands work as usual."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["summary", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cnncalc")
def cli() -> None:
    """Compute and check the shapes, parameters and costs of convolutional networks.

    \b
    cnncalc specs/alexnet.spec            the layer-by-layer breakdown
    cnncalc specs/*.spec --format json    the same, machine-readable
    cnncalc explain E030                  what a diagnostic code means

    A bare FILE runs `summary`. Exit codes: 0 fine, 1 errors or failed expectations, 2 usage.
    """


def read_spec(path: str) -> tuple[str, str]:
    """The text and display name of a spec file, `-` for standard input."""
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace"), "<stdin>"
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace"), path
    except OSError as e:
        raise click.BadParameter(f"cannot read {path!r}: {e.strerror}", param_hint="FILE") from None


def load_reports(files: tuple[str, ...], rounding: str | None) -> list[Report]:
    return [analyze_text(*read_spec(f), rounding=rounding) for f in files]


def print_diagnostics(report: Report, color: bool, full_notes: bool = False) -> None:
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
        click.echo(text, err=True)


def stdout_console() -> Any:
    from rich.console import Console
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
    return Console(width=width, highlight=False, soft_wrap=False)


FORMATS = ("table", "json", "markdown", "csv")
rounding_option = click.option("--rounding", type=click.Choice(["floor", "ceil"]),
                               help="Settle inexact divisions for the whole run (a note instead of E030).")


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format; json prints one document per file (a list for several).")
@click.option("--explain", is_flag=True, help="Show the arithmetic behind every row.")
@click.option("--depth", type=click.IntRange(min=1), default=None,
              help="Collapse containers (blocks, concat, repeat) below this depth into one row.")
@rounding_option
def summary(files: tuple[str, ...], fmt: str, explain: bool, depth: int | None, rounding: str | None) -> None:
    """Print the layer-by-layer breakdown of each FILE (`-` reads standard input).

    Diagnostics go to standard error as FILE:LINE:COL: error[CODE]: message.
    """
    reports = load_reports(files, rounding)
    if fmt == "json":
        import json

        from cnncalc.render.machine import json_document
        docs = [json_document(r) for r in reports]
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, indent=2))
    else:
        color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
        console = stdout_console() if fmt == "table" else None
        for i, report in enumerate(reports):
            print_diagnostics(report, color, full_notes=explain)
            if fmt == "table":
                from cnncalc.render.table import render_table
                if i:
                    console.print()
                console.print(render_table(report, depth=depth, explain=explain))
            elif fmt == "markdown":
                from cnncalc.render.machine import render_markdown
                click.echo(render_markdown(report, depth))
            else:
                from cnncalc.render.machine import render_csv
                click.echo(render_csv(report, depth), nl=False)
    sys.exit(EXIT_OK if all(r.ok for r in reports) else EXIT_ERRORS)


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a diagnostic CODE (e.g. E030)."""
    from cnncalc.codes import CODES
    entry = CODES.get(code.upper())
    if entry is None:
        raise click.BadParameter(f"no diagnostic code {code!r}; see docs/diagnostics.md", param_hint="CODE")
    click.echo(f"{entry.code}: {entry.title}\n\n{entry.explanation}")


def main() -> None:
    """Console entry point: a bug in cnncalc gets one line and exit 3, never a traceback."""
    try:
        cli.main(prog_name="cnncalc")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as e:  # noqa: BLE001 - the last line of defence against tracebacks
        click.echo(f"cnncalc: internal error ({type(e).__name__}: {e}); this is a bug, please report it "
                   f"with the spec that caused it", err=True)
        sys.exit(EXIT_INTERNAL)

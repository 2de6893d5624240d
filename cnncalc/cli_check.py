"""`check`, `diff` and `convert`: the commands for CI and graders."""
from __future__ import annotations

import os
import sys

import click

from cnncalc.analysis import analyze_text
from cnncalc.cli_common import (EXIT_ERRORS, EXIT_OK, budget_options, budgets_of, lang_option, load_reports,
                                print_diagnostics, read_spec, render_ci, rounding_option, stdout_console)
from cnncalc.report import Report


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit", "sarif", "markdown"]),
              default="text", show_default=True, help="How to report the problems (docs/ci.md).")
@click.option("--strict", is_flag=True, help="Fail on warnings and notes too.")
@click.option("--explain", is_flag=True, help="Show each problem with its source line and working, and every "
                                                "checked answer with its arithmetic.")
@rounding_option
@lang_option
@budget_options
def check(paths: tuple[str, ...], fmt: str, strict: bool, explain: bool, rounding: str | None, lang: str,
          max_params: int | None, max_macs: int | None, max_memory: int | None) -> None:
    """Validate specs: files, directories (searched for *.spec) and globs.

    Prints one line per problem, FILE:LINE:COL: error[CODE]: message, and a summary line.
    Exit 1 when any spec has an error or a failed expectation (with --strict, also a warning
    or a note), 0 otherwise.
    """
    from cnncalc.checking import MissingPath, collect, problems
    from cnncalc.render import ci
    try:
        files = collect(paths)
    except MissingPath as e:
        raise click.BadParameter(str(e), param_hint="PATH") from None
    reports = load_reports(files, rounding, lang, budgets_of(max_params, max_macs, max_memory))
    failing = {r.source.name: problems(r, strict) for r in reports}
    if fmt == "text":
        for report in reports:
            if explain:
                print_diagnostics(report, sys.stdout.isatty() and "NO_COLOR" not in os.environ, full_notes=True,
                                  err=False)
                click.echo(render_checks(report))
            else:
                for d in report.diagnostics:
                    if strict or d.severity != "note":
                        click.echo(ci.line(report, d))
        click.echo(ci.summary(reports, failing))
    elif fmt == "json":
        import json

        from cnncalc.render.machine import json_document
        click.echo(json.dumps([json_document(r) for r in reports], indent=2))
    elif fmt == "markdown":
        click.echo(ci.markdown(reports, failing), nl=False)
    else:
        click.echo(render_ci(fmt, reports, strict))
    sys.exit(EXIT_ERRORS if any(failing.values()) else EXIT_OK)


def render_checks(report: Report) -> str:
    """Every expectation of a spec (a homework answer) with its verdict and working."""
    if not report.checks:
        return f"{report.source.name}: no answers written (add `-> 55x55x96` after a layer to check one)"
    wrong = sum(1 for c in report.checks if not c.ok)
    out = [f"{report.source.name}: {len(report.checks)} answer{'s' * (len(report.checks) != 1)} checked, "
           f"{wrong} wrong"]
    for c in report.checks:
        ln, _ = report.source.line_col(c.span.start)
        what = f"{c.path} {c.quantity}".strip()
        verdict = "ok" if c.ok else f"WRONG, computed {c.actual}"
        out.append(f"  line {ln}: {what} {c.expected}: {verdict}")
        out += [f"      {w}" for w in c.working]
    return "\n".join(out)


@click.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="List unchanged rows too.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the specs differ (as `git diff --exit-code`).")
@rounding_option
@lang_option
def diff(a: str, b: str, fmt: str, show_all: bool, exit_code: bool, rounding: str | None, lang: str) -> None:
    """Compare two specs layer by layer: output volume, parameters and MACs, and the totals.

    Exit 0 when both analyse (differences are the answer, as with `git diff`), 1 when either
    has errors; with --exit-code, also 1 when they differ.
    """
    from cnncalc.diff import diff_reports
    from cnncalc.render.diff import diff_document, render_diff_markdown, render_diff_table
    ra, rb = load_reports([a, b], rounding, lang)
    for report in (ra, rb):
        print_diagnostics(report, sys.stderr.isatty())
    if not (ra.ok and rb.ok):
        click.echo("cnncalc: not compared: a spec has errors", err=True)
        sys.exit(EXIT_ERRORS)
    result = diff_reports(ra, rb)
    if fmt == "json":
        import json
        click.echo(json.dumps(diff_document(result, show_all), indent=2))
    elif fmt == "markdown":
        click.echo(render_diff_markdown(result, show_all), nl=False)
    else:
        stdout_console().print(render_diff_table(result, show_all))
    sys.exit(EXIT_ERRORS if exit_code and result.differs else EXIT_OK)


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--output", "output_path", metavar="OUT", help="Write the spec here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def convert(file: str, output_path: str | None, force: bool) -> None:
    """Turn a spec in the lecture's notation into the spec language.

    `[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0` becomes
    `conv1: conv 96 11x11 stride 4 pad 0 -> 55x55x96`; line numbers are kept.
    """
    from cnncalc.lecture import looks_like_lecture, translate
    text, name = read_spec(file)
    if not looks_like_lecture(text):
        raise click.BadParameter(f"{name} is not in the lecture's notation (its first line does not start with "
                                 f"`[HxWxC]`)", param_hint="FILE")
    report = analyze_text(text, name, lang="lecture")
    unreadable = [d for d in report.diagnostics if d.code == "E060"]
    if unreadable:
        report.diagnostics = unreadable
        print_diagnostics(report, sys.stderr.isatty())
        sys.exit(EXIT_ERRORS)
    spec = translate(text).text
    spec = spec if spec.endswith("\n") else spec + "\n"
    if output_path is None:
        click.echo(spec, nl=False)
    else:
        from cnncalc.files import OutputError, write_new
        try:
            write_new(output_path, spec.encode("utf-8"), force)
        except OutputError as e:
            raise click.BadParameter(str(e), param_hint="--output") from None
    sys.exit(EXIT_OK)

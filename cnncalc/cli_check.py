"""`check`, `diff` and `convert`: the commands for CI and graders."""
from __future__ import annotations

import sys
from typing import Any

import click

from cnncalc.cli_common import (
    Command,
    FilePath,
    UsageError,
    Whole,
    analyses,
    batch_option,
    budget_options,
    check_stdin_once,
    complete_codes,
    input_option,
    lang_option,
    load,
    model_option,
    reports_of,
    rounding_option,
)
from cnncalc.commands import EXIT_ERRORS, EXIT_OK, budgets_of, print_diagnostics, settings
from cnncalc.limits import MAX_JOBS, MAX_TREE_DEPTH
from cnncalc.render.formats import names


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """`E03,N` (or the option given twice) -> ("E03", "N"): codes or prefixes, as ruff takes them."""
    if not value:
        return ()
    from cnncalc.codes import CODES
    parts = tuple(p.strip().upper() for item in value for p in item.split(",") if p.strip())
    for p in parts:
        if not any(code.startswith(p) for code in CODES):
            raise click.BadParameter(f"{p!r} matches no diagnostic code (codes look like E030, N030, W001)")
    return parts


@click.command(cls=Command)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(names("check")), default="text", show_default=True,
              help="How to report the problems and answers (docs/ci.md).")
@click.option("--strict", is_flag=True, help="Fail on warnings and notes too (not on notes that restate the "
                                             "spec's own declarations, such as its `rounding floor`).")
@click.option("--explain", is_flag=True, help="Show each problem with its source line and working, and every "
                                              "answer with its verdict and arithmetic.")
@click.option("--show-notes", is_flag=True, help="Also show notes that restate the spec's own declarations.")
@click.option("--select", callback=_codes, multiple=True, metavar="CODES", shell_complete=complete_codes,
              help="Only these codes or prefixes (E03,W); may be repeated.")
@click.option("--ignore", callback=_codes, multiple=True, metavar="CODES", shell_complete=complete_codes,
              help="Leave out these codes or prefixes (N,E045); may be repeated.")
@click.option("--output-file", type=FilePath(), metavar="OUT",
              help="Write the report (in --format) to OUT; the summary line still goes to the terminal.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--jobs", "-j", type=Whole(1, MAX_JOBS), default=None, metavar="N",
              help="Analyse the files in N processes (default: one per core from 16 files on, else one); the "
                   "output is the same in any case.")
@batch_option
@rounding_option
@lang_option
@input_option
@model_option
@budget_options
def check(paths: tuple[str, ...], fmt: str, strict: bool, explain: bool, show_notes: bool, select: tuple[str, ...],
          ignore: tuple[str, ...], output_file: str | None, force: bool, jobs: int | None, batch: int | None,
          rounding: str | None,
          lang: str, size: tuple[int, ...] | None, model: str | None,
          max_params: int | None, max_macs: int | None, max_memory: int | None) -> None:
    """Validate networks: files, directories and globs.

    Directories are searched for every file cnncalc reads as a network (`*.spec`, lecture-notation
    text, the other notations' files); other files are named as skipped. Prints one line per problem
    and a summary with the answers' verdicts. Exit 1 when any network has an error or a wrong answer
    (with --strict, also a warning or a note), 2 when no file was found.
    """
    from cnncalc.checking import MissingPath, collect
    from cnncalc.diagnostics import Policy
    from cnncalc.render.formats import FORMATS, Options
    from cnncalc.render.output import Output
    from cnncalc.render.rows import Tally
    check_stdin_once(paths)
    if output_file is not None:
        from cnncalc.files import OutputError, check_output
        try:
            check_output(output_file, force, paths)
        except OutputError as e:
            raise UsageError(str(e)) from None
    try:
        found = collect(paths)
    except MissingPath as e:
        raise UsageError(str(e)) from None
    out = Output()
    if found.skipped:
        shown = ", ".join(found.skipped[:5]) + (f" and {len(found.skipped) - 5} more" if len(found.skipped) > 5 else "")
        out.error(f"cnncalc: skipped {len(found.skipped)} file{'s' * (len(found.skipped) != 1)} that "
                  f"{'are' if len(found.skipped) != 1 else 'is'} not a network: {shown}")
    if not found.files:
        raise UsageError(f"no networks found in {', '.join(paths)} (looked for *.spec, lecture-notation .txt and "
                         f"the other notations' files)")
    policy = Policy(strict, show_notes, select, ignore)
    tally = Tally(policy)
    reports = tally.counting(reports_of(found.files, settings(rounding, lang, explain, batch, size=size, model=model),
                                        budgets_of(max_params, max_macs, max_memory), jobs,
                                        rows=FORMATS[fmt].check_reads_rows, found=found.searched))
    options = Options(explain=explain, width=out.width, color=out.color and output_file is None, policy=policy,
                      files=len(found.files), command="check")
    chunks = FORMATS[fmt].renderer()(reports, options)
    if output_file is not None:
        from cnncalc.files import OutputError, write_new
        try:
            write_new(output_file, (chunk + "\n" for chunk in chunks), force)
        except OutputError as e:
            raise UsageError(str(e)) from None
        out.write(tally.summary(len(found.files)))
    else:
        out.lines(chunks)
    sys.exit(EXIT_ERRORS if tally.problems else EXIT_OK)


@click.command(cls=Command)
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Words, or one JSON document: per network and axis {modulus, residues, smallest, sizes}.")
@rounding_option
@lang_option
@input_option
@model_option
def solve(files: tuple[str, ...], fmt: str, rounding: str | None, lang: str,
          size: tuple[int, ...] | None, model: str | None) -> None:
    """Which input heights and widths each network accepts, and which layer decides it.

    Exactly, by arithmetic: with no rounding declared every division must be exact, every output
    at least 1 and every merge must agree. The answer per axis is a set of residues modulo a
    product of strides from some smallest size on (AlexNet: H = 32k + 3 for k ≥ 2: 67, 99, …),
    plus any smaller sizes; or a finite list; or none. The input may give numbers or letters
    (`input HxWx3`). Exit 1 when a network has errors or accepts no size.
    """
    import json

    from cnncalc.render.output import Output
    from cnncalc.render.solve import answer_json, render_solve
    from cnncalc.solve import NotFollowed, Solver, answer
    from cnncalc.tree import LayerNode, nodes
    check_stdin_once(files)
    out = Output()
    documents = []
    failed = False
    for analysis in analyses(list(files), settings(rounding, lang, size=size, model=model)):
        report, root = analysis.report, analysis.root
        blocking = [d for d in report.diagnostics if d.severity == "error" and d.code not in SIZE_CODES]
        if root is None or blocking:
            print_diagnostics([report], out)
            out.error(f"cnncalc: {report.name}: not solved: the spec has errors")
            failed = True
            continue
        solver = Solver()
        try:
            h, w = solver.run(root)
        except NotFollowed as e:
            out.error(f"cnncalc: {report.name}: {e}")
            failed = True
            continue
        answers = (answer(h), answer(w))
        failed = failed or answers[0].none or answers[1].none
        letters = report.symbolic.letters if report.symbolic else ("H", "W")
        rounded = any(isinstance(node, LayerNode) and node.rounding.mode != "exact" for node in nodes(root))
        if fmt == "json":
            documents.append({"file": report.source.name, "network": report.network,
                              **{letter: answer_json(a) for letter, a in zip(letters, answers)},
                              "conditions": {letter: [{"path": c.path, "needs": c.text} for c in conditions]
                                             for letter, conditions in zip(letters, solver.conditions)}})
        else:
            out.lines(render_solve(report.name, rounded, answers, solver.conditions, letters))
    if fmt == "json":
        from cnncalc import __version__
        out.write(json.dumps({"cnncalc": __version__, "networks": documents}, indent=2, ensure_ascii=False))
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


SIZE_CODES = {"E023", "E025", "E030", "E031", "E036", "E040", "E041", "E042", "E043", "E044", "E050", "E051",
              "E061", "E068"}  # errors of the given size (or of answers about it), not of the network


@click.command(cls=Command)
@click.argument("a", metavar="A", type=FilePath())
@click.argument("b", metavar="B", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="List unchanged rows too.")
@click.option("--depth", type=Whole(1, MAX_TREE_DEPTH), default=None, metavar="N",
              help="Compare rows down to depth N (containers stand for their contents).")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the networks differ (as `git diff --exit-code`).")
@batch_option
@rounding_option
@lang_option
@input_option
@model_option
def diff(a: str, b: str, fmt: str, show_all: bool, depth: int | None, exit_code: bool, batch: int | None,
         rounding: str | None, lang: str, size: tuple[int, ...] | None, model: str | None) -> None:
    """Compare two networks layer by layer: operation, output volume, parameters and MACs, and the totals.

    Exit 0 when both analyse (differences are the answer, as with `git diff`), 1 when either
    has errors; with --exit-code, also 1 when they differ.
    """
    from cnncalc.diff import diff_reports
    from cnncalc.render.diff import diff_document, render_diff_markdown, render_diff_table
    from cnncalc.render.output import Output
    check_stdin_once((a, b))
    out = Output()
    ra, rb = (load([path], settings(rounding, lang, batch=batch, size=size, model=model))[0].report for path in (a, b))
    print_diagnostics([ra, rb], out)
    if not (ra.ok and rb.ok):
        out.error("cnncalc: not compared: a network has errors")
        sys.exit(EXIT_ERRORS)
    result = diff_reports(ra, rb, depth)
    if fmt == "json":
        import json
        out.write(json.dumps(diff_document(result, show_all), indent=2))
    elif fmt == "markdown":
        out.lines(render_diff_markdown(result, show_all))
    else:
        out.lines(render_diff_table(result, show_all, out.width, out.color))
    sys.exit(EXIT_ERRORS if exit_code and result.differs else EXIT_OK)


@click.command(cls=Command)
@click.argument("file", metavar="FILE", type=FilePath())
@click.option("--to", "target", type=click.Choice(["spec", "pytorch"]), default="spec", show_default=True,
              help="What to write: spec text, or a PyTorch nn.Module file.")
@click.option("--output", "output_path", metavar="OUT", type=FilePath(),
              help="Write here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@lang_option
@input_option
@model_option
def convert(file: str, target: str, output_path: str | None, force: bool, lang: str,
            size: tuple[int, ...] | None, model: str | None) -> None:
    """Turn a network in any notation into the spec language, or into PyTorch code.

    `[55x55x96] CONV1: 96 11x11 filters at stride 4, pad 0` becomes
    `conv1: conv 96 11x11 stride 4 pad 0 -> 55x55x96`; a lecture listing keeps its line numbers.
    `--to pytorch` writes an nn.Module whose parameters, output shape and MACs are cnncalc's
    (docs/notations.md); the network must analyse without errors.
    """
    from cnncalc.files import InputError, OutputError, check_output, read_source, write_new
    from cnncalc.render.output import Output
    if output_path is not None:
        try:
            check_output(output_path, force, (file,))
        except OutputError as e:
            raise UsageError(str(e)) from None
    try:
        source = read_source(file)
    except InputError as e:
        raise UsageError(str(e)) from None
    out = Output()
    text = _pytorch(source, lang, out, size, model) if target == "pytorch" else \
        _spec(source, lang, out, size, model)
    if output_path is None:
        out.write(text)
    else:
        try:
            write_new(output_path, text.encode("utf-8"), force)
        except OutputError as e:
            raise UsageError(str(e)) from None
    sys.exit(EXIT_OK)


def _spec(source: Any, lang: str, out: Any, size: tuple[int, ...] | None, model: str | None) -> str:
    """The spec text of a file in any notation; exits 1 on a part that could not be read, or when
    the input's size is known neither from the file nor from `--input`."""
    from cnncalc.diagnostics import DiagnosticSink
    from cnncalc.notations import detect, read
    from cnncalc.spec_writer import write_spec
    notation = detect(source.text, source.name) if lang == "auto" else lang
    sink = DiagnosticSink()
    parsed = read(notation, source.text, sink, model)
    from cnncalc import codes
    for unused in (d for d in sink.items if d.code is codes.W075):
        out.error(f"cnncalc: {unused.message}")
    errors = [d for d in sink.items if d.severity == "error"]
    if errors:
        from cnncalc.diagnostics import Source
        from cnncalc.render.diagnostics import render_diagnostic
        for d in errors:
            out.error(render_diagnostic(d, Source(source.text, source.name), out.err_color))
        out.error(f"cnncalc: not converted: {len(errors)} part{'s' * (len(errors) != 1)} could not be read")
        sys.exit(EXIT_ERRORS)
    if size is not None:
        from cnncalc.diagnostics import Span
        from cnncalc.ir import Input
        parsed = parsed._replace(networks=tuple(net._replace(input=Input(size, net.input.batch if net.input else 1,
                                                                         net.input.span if net.input else Span(0, 0)))
                                                for net in parsed.networks))
    if notation not in ("spec", "lecture") and any(net.input is None for net in parsed.networks):
        out.error(f"cnncalc: not converted: {source.name} does not give the input's size; add `--input HxWxC`, "
                  f"e.g. `--input 224x224x3`")
        sys.exit(EXIT_ERRORS)
    return write_spec(parsed, source.text if notation == "lecture" else None)


def _pytorch(source: Any, lang: str, out: Any, size: tuple[int, ...] | None, model: str | None) -> str:
    """PyTorch source for the file's network (as read once: standard input cannot be read again); exits 1 when it
    has errors or a layer PyTorch can't express."""
    from cnncalc.analysis import run
    from cnncalc.pytorch_writer import Unsupported, write_pytorch
    found = run(source.text, source.name, settings(None, lang, size=size, model=model), bad_byte=source.bad_byte)
    if len(found) != 1:
        raise UsageError(f"{source.name} holds {len(found)} networks; `--to pytorch` writes one (split the file)")
    report, root = found[0]
    print_diagnostics([report], out)
    if not report.ok or root is None:
        out.error("cnncalc: not converted: the network has errors")
        sys.exit(EXIT_ERRORS)
    try:
        return write_pytorch(report, root)
    except Unsupported as e:
        out.error(f"cnncalc: not converted: {e}")
        sys.exit(EXIT_ERRORS)

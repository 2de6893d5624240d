"""What the commands do, apart from their command line: reading files into reports, printing
diagnostics, the summary itself, exit codes and the guard against tracebacks. No click here, so
the plainest calls, `cnncalc FILE...` with no option or `--format F` alone, run without importing it (console.py):
click's import is 70 ms of a 100 ms summary on this machine (benchmarks/profile_startup.py)."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator

from cnncalc import TYPE_CHECKING
from cnncalc.render.output import Output, StreamWriteError

if TYPE_CHECKING:
    from typing import Any

    from cnncalc.analysis import Settings

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports an interrupted program (128 + SIGINT); never 1, "the spec failed"

COMMANDS = ("summary", "check", "solve", "diff", "convert", "verify", "run", "explain")
COMPLETION_VARIABLE = "_CNNCALC_COMPLETE"  # click's shell completion for the program `cnncalc`


def plain_summary(args: list[str]) -> tuple[list[str], str] | None:
    """The files and the output format of `cnncalc FILE...`, written with nothing else or with `--format F`
    once (`--format=F`; F one of the summary's formats): the summary with every other option at its default.
    None when click must read the arguments: another option, a format it does not know, `-` (standard
    input), a command's name, a pattern click would expand on Windows, shell completion."""
    if not args or COMPLETION_VARIABLE in os.environ or args[0] in COMMANDS:
        return None
    fmt = "table"  # (the summary's `--format` default, cli.py)
    if "--format" in args:
        at = args.index("--format")
        if at + 1 == len(args):
            return None
        fmt, args = args[at + 1], args[:at] + args[at + 2:]
    elif len(given := [arg for arg in args if arg.startswith("--format=")]) == 1:
        fmt, args = given[0].partition("=")[2], [arg for arg in args if arg != given[0]]
    if not args or any(arg.startswith("-") or not arg or any(c in arg for c in "*?[") for arg in args):
        return None
    from cnncalc.render.formats import names
    return (args, fmt) if fmt in names("summary") else None


def usage_line(message: str) -> str:
    """A usage problem as the user sees it: one line on standard error, then exit 2."""
    return f"cnncalc: error: {message}"


def guarded(command: Callable[[], int]) -> int:
    """A command run to its exit code: a bug in cnncalc gets one line and exit 3, never a traceback."""
    try:
        return command()
    except BrokenPipeError:  # the reader went away (`cnncalc … | head`): exit 1, as click does
        _quiet_stdout()
        return EXIT_ERRORS
    except StreamWriteError as e:
        return output_failed(str(e))
    except KeyboardInterrupt:
        say("")  # closes the terminal's ^C echo
        return EXIT_INTERRUPTED
    except MemoryError:
        say(usage_line("out of memory"))
        return EXIT_INTERNAL
    except Exception as e:  # noqa: BLE001 - the last line of defence against tracebacks
        say(f"cnncalc: internal error ({type(e).__name__}: {e}); this is a bug, please report it "
            f"with the input that caused it")
        return EXIT_INTERNAL


def output_failed(reason: str) -> int:
    """Standard output could not be written (a full disk, a closed descriptor): said, and exit 2."""
    say(usage_line(f"cannot write the output: {reason}"))
    return EXIT_USAGE


def say(line: str) -> None:
    """A line on standard error after what standard output holds; said as well as it can be (either may
    be the stream that failed)."""
    for stream, text in ((sys.stdout, ""), (sys.stderr, line + "\n")):
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            pass


def _quiet_stdout() -> None:
    """After a closed pipe (`cnncalc … | head`), make the interpreter's final flush silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def settings(rounding: str | None = None, lang: str = "auto", explain: bool = False, batch: int | None = None,
             train: str | None = None, size: tuple[int, ...] | None = None, model: str | None = None) -> Settings:
    """The options every analysing command shares, as the pipeline's `Settings`."""
    from cnncalc.analysis import Settings
    return Settings(rounding, None if lang == "auto" else lang, explain, batch, train, size, model)


def budgets_of(max_params: int | None, max_macs: int | None, max_memory: int | None) -> Any:
    """The budgets given, or None (then cnncalc.checking is not imported)."""
    if max_params is None and max_macs is None and max_memory is None:
        return None
    from cnncalc.checking import Budgets
    return Budgets(max_params, max_macs, max_memory)


def analyses(paths: list[str], settings: Settings) -> Iterator[Any]:
    """Every network of every file, as (report, tree) analyses, one file at a time; InputError when a
    file cannot be read."""
    for path in paths:
        yield from _file_analyses(path, settings)


def _file_analyses(path: str, settings: Settings) -> list[Any]:
    from cnncalc.analysis import run
    from cnncalc.files import read_source
    source = read_source(path)
    return run(source.text, source.name, settings, bad_byte=source.bad_byte)


def reports_of(paths: list[str], settings: Settings, budgets: Any, jobs: int | None = 1,
               rows: bool = True, found: frozenset[str] = frozenset()) -> Iterator[Any]:
    """The reports of every network, streamed (one file's analysis at a time), with budget checks;
    over many files in `jobs` worker processes (None: one per core; cnncalc/workers.py), the rows
    left out of what comes back unless `rows` (the output format reads them). InputError when a file
    cannot be read, except one of `found` (files a search found): its report is E007, and the rest go on."""
    workers = 1
    if jobs != 1 and "-" not in paths:  # standard input is the command's own
        from cnncalc.workers import workers_for
        workers = workers_for(jobs, len(paths))

    from cnncalc.files import InputError  # (read_source's module: imported for the first file anyway)

    def reports_of_file(path: str) -> list[Any]:
        try:
            return _reports_of_file(path, settings, budgets, rows or workers == 1)
        except InputError as e:
            if path not in found:
                raise
            from cnncalc.analysis import unreadable
            return [unreadable(path, str(e))]

    if workers == 1:
        return (report for path in paths for report in reports_of_file(path))
    from cnncalc.workers import in_parallel
    return in_parallel(paths, reports_of_file, workers)


def _reports_of_file(path: str, settings: Settings, budgets: Any, rows: bool) -> list[Any]:
    """One file's reports, with the budgets' diagnostics; without their rows unless `rows`."""
    reports = [analysis.report for analysis in _file_analyses(path, settings)]
    if budgets is not None and budgets.any:
        from cnncalc.checking import budget_diagnostics
        reports = [report.with_diagnostics(budget_diagnostics(report, budgets)) for report in reports]
    return reports if rows else [report.without_rows() for report in reports]


def announced(reports: Iterable[Any], out: Output, show_notes: bool) -> Iterator[Any]:
    """The reports, each one's diagnostics printed (on standard error) as it passes."""
    for report in reports:
        print_diagnostics([report], out, show_notes=show_notes)
        yield report


def print_diagnostics(reports: Iterable[Any], out: Output, *, full: bool = True, show_notes: bool = False) -> None:
    """Errors and warnings with source line, caret and hint on standard error; notes only with
    `show_notes`, in one line."""
    for report in reports:
        for d in report.diagnostics:
            if d.code.quiet and not show_notes:
                continue
            from cnncalc.render.diagnostics import render_diagnostic  # only with something to show
            out.error(render_diagnostic(d, report.source, out.err_color, full=full and d.severity != "note"))


def summarize(files: list[str], settings: Settings, *, fmt: str = "table", explain: bool = False,
              depth: int | None = None, show_notes: bool = False, columns: tuple[str, ...] | None = None,
              budgets: Any = None) -> int:
    """`cnncalc summary`: every file's breakdown written out as it is analysed; the exit code (0, or
    1 when a network has errors or failed answers, 2 when a file cannot be read)."""
    from cnncalc.diagnostics import Policy
    from cnncalc.files import InputError
    from cnncalc.render.formats import FORMATS, Options
    from cnncalc.render.rows import Tally
    out = Output()
    policy = Policy(show_notes=show_notes)
    tally = Tally(policy)
    reports = tally.counting(reports_of(files, settings, budgets))
    if fmt in ("table", "markdown", "csv"):
        reports = announced(reports, out, show_notes)
    options = Options(depth=depth, explain=explain, width=out.width, color=out.color, policy=policy,
                      files=len(files), command="summary", columns=columns)
    try:
        out.lines(FORMATS[fmt].renderer()(reports, options))
    except InputError as e:
        say(usage_line(str(e)))
        return EXIT_USAGE
    return EXIT_OK if tally.all_ok else EXIT_ERRORS


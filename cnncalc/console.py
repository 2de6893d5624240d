"""The console entry point (`cnncalc`, `python -m cnncalc`): the process belongs to one command.

The cycle collector is off from before the first import to the end. Importing click and cnncalc
builds tens of thousands of objects that all live to the end, and every 700 of them a young
collection walks the newest again: 2-3 ms of a 65 ms AlexNet summary here
(benchmarks/profile_startup.py, phase (3)). Commands make no cyclic garbage worth collecting (the
same reason `cli` pauses the collector for a command run inside a longer process).

The plainest calls, `cnncalc FILE...` with no option or with `--format F` alone, are the summary with
every other option at its default: they run without click (commands.plain_summary), whose import is
most of their time."""
from __future__ import annotations

import gc


def main() -> None:
    """Run the command line, flush the output and end the process at once with the command's exit
    code. os._exit skips the interpreter's teardown, which frees every module and object one at a
    time: 7.7 ms of a 48.9 ms AlexNet summary (benchmarks/profile_startup.py). Nothing is lost by
    it: cnncalc registers no exit handlers and closes every file it writes before the command
    returns."""
    gc.disable()
    import os
    try:
        code = _command()
    except KeyboardInterrupt:  # Ctrl-C before a command's guard is up (while importing): the guard's code
        code = 130  # commands.EXIT_INTERRUPTED, which may not be imported yet
    os._exit(code)


def _command() -> int:
    """The command's exit code, its output flushed."""
    import os
    import sys

    from cnncalc.commands import guarded, output_failed, plain_summary, settings, summarize
    if sys.stdout is None or sys.stderr is None:  # started with a descriptor closed (`cnncalc … >&-`): nowhere to say
        nowhere = open(os.devnull, "w")  # noqa: SIM115 - open to the end, which os._exit makes
        sys.stdout, sys.stderr = sys.stdout or nowhere, sys.stderr or nowhere
    plain = plain_summary(sys.argv[1:])
    if plain is None:
        from cnncalc.cli import run
        code = run()
    else:  # `cnncalc FILE... [--format F]`: the summary with its defaults, without importing click
        files, fmt = plain
        code = guarded(lambda: summarize(files, settings(), fmt=fmt))
    for stream in (sys.stdout, sys.stderr):  # what is still buffered
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a closed pipe (`cnncalc … | head`) is no error
            pass
        except OSError as e:  # a full disk: the command's output is lost, which the exit code must say
            if stream is sys.stdout:
                code = output_failed(e.strerror or str(e))
    return code

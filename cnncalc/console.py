"""The console entry point (`cnncalc`, `python -m cnncalc`): the process belongs to one command.

The cycle collector is off from before the first import to the end. Importing click and cnncalc
builds tens of thousands of objects that all live to the end, and every 700 of them a young
collection walks the newest again: 2-3 ms of a 65 ms AlexNet summary here
(benchmarks/profile_startup.py, phase (3)). Commands make no cyclic garbage worth collecting (the
same reason `cli` pauses the collector for a command run inside a longer process)."""
from __future__ import annotations

import gc


def main() -> None:
    """Run the command line, flush the output and end the process at once with the command's exit
    code. os._exit skips the interpreter's teardown, which frees every module and object one at a
    time: 7.7 ms of a 48.9 ms AlexNet summary (benchmarks/profile_startup.py). Nothing is lost by
    it: cnncalc registers no exit handlers and closes every file it writes before the command
    returns."""
    gc.disable()
    import contextlib
    import os
    import sys

    from cnncalc.cli import run
    code = run()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`cnncalc … | head`) is no error
            stream.flush()
    os._exit(code)

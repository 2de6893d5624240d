"""Where the AlexNet summary's time goes, by module: what is left after the start-up work.

(1) phases in one process, medians of fresh processes: `import cnncalc.commands`, the first run of
    `cnncalc specs/alexnet.spec` (the imports it triggers, the analysis, the table), a second run in
    the same process (the work alone, everything imported), and then `import click`, which that
    command no longer needs (console.py runs a bare `cnncalc FILE...` without it);
(2) `python -X importtime`: each module's own import time (medians), grouped: the interpreter's
    start-up, cnncalc's modules one by one, and the standard library cnncalc brings;
(3) the entry point: the summary through the console entry point (the cycle collector off before
    the first import; flush, then os._exit) against the same run with the collector left on, that
    run left to the interpreter's teardown (sys.exit), and the same summary through click
    (`cnncalc summary FILE`), medians of interleaved processes.

Run from any directory with the cnncalc to measure installed (`pip install .`):
python benchmarks/profile_startup.py [--runs N]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALEXNET = str(ROOT / "specs" / "alexnet.spec")

PHASES = f'''
import contextlib, gc, io, time
gc.disable()  # as the entry point does
t0 = time.perf_counter()
from cnncalc.commands import settings, summarize
times = [t0, time.perf_counter()]
for _ in range(2):
    with contextlib.redirect_stdout(io.StringIO()):
        summarize([{ALEXNET!r}], settings())
    times.append(time.perf_counter())
import click
times.append(time.perf_counter())
print(*(b - a for a, b in zip(times, times[1:])))
'''


def phases(runs: int, cwd: str) -> list[float]:
    samples = [[float(v) for v in subprocess.run([sys.executable, "-c", PHASES], cwd=cwd, check=True,
                                                  capture_output=True, text=True).stdout.split()]
               for _ in range(runs)]
    return [statistics.median(column) for column in zip(*samples)]


ENTRY = f'''
import sys
from cnncalc.console import main
sys.argv = ["cnncalc", {ALEXNET!r}]
main()
'''
COLLECTOR_ON = f'''
import os, sys
from cnncalc.commands import settings, summarize
code = summarize([{ALEXNET!r}], settings())
sys.stdout.flush()
os._exit(code)
'''
TEARDOWN = f'''
import gc, sys
gc.disable()
from cnncalc.commands import settings, summarize
sys.exit(summarize([{ALEXNET!r}], settings()))
'''
THROUGH_CLICK = f'''
import sys
from cnncalc.console import main
sys.argv = ["cnncalc", "summary", {ALEXNET!r}]
main()
'''


def exits(runs: int, cwd: str) -> list[float]:
    """Median wall times of the entry point, of the same run with the collector on, of the run ending
    through the teardown, and of the summary through click."""
    import time
    samples: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        for code, into in zip((ENTRY, COLLECTOR_ON, TEARDOWN, THROUGH_CLICK), samples):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
            into.append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


def import_times(runs: int, cwd: str) -> tuple[dict[str, float], set[str]]:
    """Median self time (µs) of every module imported by the summary, and those the interpreter's own
    start-up brings."""
    own: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", ENTRY], cwd=cwd,  # as the console script:
                             capture_output=True, text=True).stderr  # `-m cnncalc` would add runpy's imports
        for line in err.splitlines():
            if line.startswith("import time:") and "|" in line and "self [us]" not in line:
                self_us, _, name = line[len("import time:"):].split("|")
                own[name.strip()].append(int(self_us))
    startup_modules = set(subprocess.run([sys.executable, "-c", "import sys; print(*sys.modules)"], cwd=cwd,
                                         check=True, capture_output=True, text=True).stdout.split())
    return {name: statistics.median(v) for name, v in own.items()}, startup_modules


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
    with tempfile.TemporaryDirectory() as cwd:  # not the source tree: the installed cnncalc is measured
        commands_s, first_s, second_s, click_s = phases(runs, cwd)
        print(f"(1) phases, medians of {runs} processes")
        print(f"    import cnncalc.commands   {commands_s * 1000:6.1f} ms")
        print(f"    first run of the summary  {first_s * 1000:6.1f} ms  (imports it triggers, analysis, table)")
        print(f"    second run, same process  {second_s * 1000:6.1f} ms  (the work alone)")
        print(f"    import click afterwards   {click_s * 1000:6.1f} ms  (what a bare `cnncalc FILE` no longer imports)")
        times, startup_modules = import_times(runs, cwd)
        fast, collecting, slow, through_click = exits(runs, cwd)
    ours = {n: t for n, t in times.items() if n == "cnncalc" or n.startswith("cnncalc.")}
    brought = {n: t for n, t in times.items() if n not in ours and n not in startup_modules}
    print(f"(2) import time by module (python -X importtime, self, medians of {runs}; importtime adds its own cost)")
    before_cnncalc = sum(t for n, t in times.items() if n in startup_modules)
    print(f"    the interpreter's own start-up                {before_cnncalc / 1000:6.2f} ms")
    print(f"    cnncalc, {len(ours)} modules                          {sum(ours.values()) / 1000:6.2f} ms:")
    for name, t in sorted(ours.items(), key=lambda kv: -kv[1]):
        print(f"        {t / 1000:5.2f} ms  {name}")
    print(f"    the standard library cnncalc brings, {len(brought)} modules: {sum(brought.values()) / 1000:.2f} ms "
          f"({', '.join(sorted(brought)) or 'none'})")

    print(f"(3) the entry point, medians of {runs} interleaved processes: {fast * 1000:.1f} ms; with the cycle "
          f"collector on {collecting * 1000:.1f} ms ({(collecting - fast) * 1000:.1f} ms more); that run ending "
          f"through the interpreter's teardown instead of os._exit {slow * 1000:.1f} ms "
          f"({(slow - fast) * 1000:.1f} ms more); through click (`cnncalc summary FILE`) {through_click * 1000:.1f} ms "
          f"({(through_click - fast) * 1000:.1f} ms more)")


if __name__ == "__main__":
    main()

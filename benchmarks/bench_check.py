"""`cnncalc check` over 1,000 real specs in one process: time and peak memory, and whether memory
grows with the number of files (the same run over 100 and over 1,000 files). `check` forks a worker
per core from 16 files on (cnncalc/workers.py); the same run with `-j 1` is the one-process figure.

The specs are the shipped library (specs/*.spec: LeNet to ResNet-152 and U-Net) copied round-robin
into a temporary directory. `check` keeps, from file to file, the lines it parsed and what each layer
gave on each input (cnncalc/memo.py), which copies share whole: the same 1,000 files each at an input
size of its own (the k-th copy of a spec 32·k pixels wider and taller) are the figure where only lines
and layers are shared, not what they give. Runs are interleaved and medians compared (the machine is
shared).
Run: python benchmarks/bench_check.py [--quick]
"""
from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CNNCALC = str(BIN / "cnncalc") if (BIN / "cnncalc").exists() else shutil.which("cnncalc") or "cnncalc"


def fill(directory: Path, files: int, resized: bool = False) -> None:
    """`files` copies of the library's specs, round-robin; `resized`: the k-th copy of each at an input 32·k
    pixels wider and taller."""
    library = sorted((ROOT / "specs").glob("*.spec"))
    for i in range(files):
        spec = library[i % len(library)]
        text = spec.read_text()
        if resized:
            grown = 32 * (i // len(library))
            match = re.search(r"^input (\d+)x(\d+)x", text, flags=re.MULTILINE)
            if match is not None:
                sized = f"input {int(match[1]) + grown}x{int(match[2]) + grown}x"
                text = text[:match.start()] + sized + text[match.end():]
        (directory / f"{i:04}-{spec.name}").write_text(text)


def run_once(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{cmd} failed")
    return took, usage.ru_maxrss


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 7
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large, \
            tempfile.TemporaryDirectory() as resized:
        fill(Path(small), 100)
        fill(Path(large), 1_000)
        fill(Path(resized), 1_000, resized=True)
        commands = {
            "100 files": [CNNCALC, "check", small],
            "1,000 files": [CNNCALC, "check", large],
            "1,000 files, -j 1": [CNNCALC, "check", large, "-j", "1"],
            "resized, -j 1": [CNNCALC, "check", resized, "-j", "1"],
            "1,000 files, json": [CNNCALC, "check", large, "--format", "json"],
            "one file": [CNNCALC, "check", str(ROOT / "specs" / "alexnet.spec")],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        peaks = dict.fromkeys(commands, 0)
        for _ in range(runs):
            for key, cmd in commands.items():
                took, peak = run_once(cmd)
                times[key].append(took)
                peaks[key] = max(peaks[key], peak)
    print(f"cnncalc check over the shipped specs copied round-robin; medians of {runs} interleaved runs")
    for key in commands:
        print(f"    {key:<18} {statistics.median(times[key]):6.2f} s   peak {peaks[key] / 1024:5.0f} MiB")
    large_t, serial_t = statistics.median(times["1,000 files"]), statistics.median(times["1,000 files, -j 1"])
    print(f"    1,000 files: {large_t:.2f} s on {os.cpu_count()} cores, {serial_t:.2f} s in one process "
          f"(target <= 1.5 s), {statistics.median(times['resized, -j 1']):.2f} s each at its own input size; "
          f"memory {peaks['1,000 files'] / 1024:.0f} MiB against "
          f"{peaks['100 files'] / 1024:.0f} MiB for 100 files (target: no growth with the number of files)")


if __name__ == "__main__":
    main()

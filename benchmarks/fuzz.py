"""The long fuzz run: grammar-generated specs, lecture listings and mutated real files
(tests/grammar.py), each analysed and rendered in process in one output format (the formats in
turn, as one command would), one in ten also through the command line (`summary` and `check`)
with random options; and one case in eight an edited file of another notation (PyTorch, MATLAB,
Caffe, Keras: `tests.grammar.reader_case(seed)`), read with an input size, whose messages must show
values as the file writes them, never a reader's record. Each case has a time limit; the summary
counts cases, exceptions (with their first seeds, to reproduce: `tests.grammar.case(seed)`, or
`reader_case` for a seed one less than a multiple of 8), cases over 1 s (the slower of the in-process
run and each command), and the largest peak memory of a worker process.

Run: python benchmarks/fuzz.py [--cases 100000] [--start 0] [--workers 2]
"""
from __future__ import annotations

import argparse
import collections
import multiprocessing
import re
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_RECORDS = re.compile(r"object at 0x|Call\(name=|\(kind=|Message object|Span\(start=|<ast\.|'_[A-Z][A-Za-z]+'")
LIMIT_SECONDS = 20  # a case still running after this is a hang: stopped and counted
OPTIONS = [[], ["--format", "json"], ["--explain"], ["--depth", "2"], ["--format", "csv"], ["--rounding", "floor"],
           ["--show-notes"], ["--format", "markdown"], ["--max-params", "1M"], ["--lang", "lecture"]]


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def work(bounds: tuple[int, int]) -> dict[str, object]:
    from click.testing import CliRunner

    from cnncalc.analysis import Settings, run
    from cnncalc.cli import cli
    from cnncalc.render.formats import FORMATS, Options
    from tests.grammar import case, reader_case

    signal.signal(signal.SIGALRM, _alarm)
    runner = CliRunner()
    formats = list(FORMATS.values())
    highest = (0, -1)  # the worker's peak memory (KiB) and the case that reached it
    crashes: collections.Counter[str] = collections.Counter()
    first: dict[str, int] = {}
    slow: list[tuple[float, int, str]] = []
    kinds: collections.Counter[str] = collections.Counter()
    for seed in range(*bounds):
        reading = seed % 8 == 7
        if reading:
            name, text = reader_case(seed)
            kind = f"reader {name}"
        else:
            name = "fuzz.spec"
            kind, text = case(seed)
        kinds[kind.split()[0]] += 1
        took = 0.0
        signal.alarm(LIMIT_SECONDS)
        try:
            start = time.perf_counter()
            settings = Settings(explain=seed % 2 == 0, input=(32, 32, 3) if reading else None)
            reports = [a.report for a in run(text, name, settings)]
            for report in reports if reading else ():
                leaked = [d.message for d in report.diagnostics if _RECORDS.search(d.message)]
                if leaked:
                    raise AssertionError(f"a reader's record in a message: {leaked[0][:120]}")
            fmt = formats[seed % len(formats)]
            for _ in fmt.renderer()(reports, Options(explain=seed % 2 == 0,
                                                     command="check" if fmt.name == "text" else "summary")):
                pass
            took = time.perf_counter() - start
            if seed % 10 == 0 and not reading:
                options = OPTIONS[seed // 10 % len(OPTIONS)]
                for command in (["-"], ["check", "-"]):
                    start = time.perf_counter()
                    result = runner.invoke(cli, [*command, *options], input=text.encode("utf-8", "replace"))
                    took = max(took, time.perf_counter() - start)
                    if result.exit_code not in (0, 1, 2) or (result.exception is not None
                                                            and not isinstance(result.exception, SystemExit)):
                        raise RuntimeError(f"exit {result.exit_code}: {result.output[-200:]}")
        except Hang:
            crashes["hang"] += 1
            first.setdefault("hang", seed)
        except Exception as e:  # noqa: BLE001 - what the fuzzer is looking for
            frame = traceback.extract_tb(e.__traceback__)[-1]
            key = f"{type(e).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            crashes[key] += 1
            first.setdefault(key, seed)
        finally:
            signal.alarm(0)
        if took > 1:
            slow.append((round(took, 2), seed, kind))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if peak > highest[0]:
            highest = (peak, seed)
    return {"cases": bounds[1] - bounds[0], "crashes": crashes, "first": first, "slow": slow, "kinds": kinds,
            "peak": highest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    chunk = max(args.cases // (args.workers * 20), 1)
    bounds = [(s, min(s + chunk, args.start + args.cases)) for s in range(args.start, args.start + args.cases, chunk)]
    began = time.perf_counter()
    crashes: collections.Counter[str] = collections.Counter()
    first: dict[str, int] = {}
    slow: list[tuple[float, int, str]] = []
    kinds: collections.Counter[str] = collections.Counter()
    peak = (0, -1)
    cases = 0
    with multiprocessing.Pool(args.workers, maxtasksperchild=4) as pool:
        for result in pool.imap_unordered(work, bounds):
            cases += result["cases"]  # type: ignore[operator]
            crashes.update(result["crashes"])  # type: ignore[arg-type]
            for key, seed in result["first"].items():  # type: ignore[attr-defined]
                first[key] = min(first.get(key, seed), seed)
            slow += result["slow"]  # type: ignore[arg-type]
            kinds.update(result["kinds"])  # type: ignore[arg-type]
            peak = max(peak, result["peak"])  # type: ignore[type-var]
    print(f"fuzz: {cases:,} cases ({', '.join(f'{n:,} {k}' for k, n in sorted(kinds.items()))}) "
          f"in {time.perf_counter() - began:.0f} s on {args.workers} workers")
    print(f"  exceptions: {sum(crashes.values())}" + "".join(f"\n    {n} {key} (first seed {first[key]})"
                                                              for key, n in crashes.most_common()))
    print(f"  cases over 1 s: {len(slow)}" + "".join(f"\n    {t} s seed {s} ({k})" for t, s, k in sorted(slow)[-10:]))
    print(f"  largest peak memory of a worker: {peak[0] / 1024:.0f} MiB (reached at seed {peak[1]})")


if __name__ == "__main__":
    main()

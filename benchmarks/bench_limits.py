"""The limits at work: each bomb below is run through `cnncalc FILE` in a fresh process (a framework's
file with `--input 8x8x3`); the table shows what it is refused with, how long the whole command took,
and its peak memory, against `cnncalc` on AlexNet in the same run. Every limit is documented in docs/diagnostics.md.

Run: python benchmarks/bench_limits.py
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

BLOCKS_2_40 = "block b0() { relu }\n" + "".join(f"block b{i}() {{ b{i - 1}() ; b{i - 1}() }}\n" for i in range(1, 41))

# Other notations (the file's name says which): a reader's own bounds (docs/diagnostics.md, "Limits"). Each is
# (name, file, head, a line written `count` times with its number, count, tail), written a line at a time: a
# child's peak memory counts what this process holds when it starts one.
FRAMEWORK_BOMBS: list[tuple[str, str, str, str, int, str]] = [
    ("PyTorch: a loop of 200,000 turns in __init__", "bomb.py",
     "import torch.nn as nn\n\nclass Long(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
     "        self.body = nn.Sequential(nn.Conv2d(3, 8, 3))\n        for i in range(200_000):\n"
     "            self.body.append(nn.ReLU())\n    def forward(self, x):\n        return self.body(x)\n", "", 0, ""),
    ("PyTorch: a list of 10^9 layers", "bomb.py",
     "import torch.nn as nn\n\nmodel = nn.Sequential(*[nn.ReLU() for _ in range(10 ** 9)])\n", "", 0, ""),
    ("Caffe: 300,000 layers (20 MB)", "bomb.prototxt",
     'name: "b"\ninput: "data"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n',
     'layer {{ name: "r{}" type: "ReLU" bottom: "data" top: "data" }}\n', 300_000, ""),
    ("MATLAB: an array of 300,000 layers", "bomb.m",
     "layers = [\n    imageInputLayer([8 8 3])\n", "    reluLayer\n", 300_000, "];\n"),
    ("Keras: 300,000 layers (16 MB of JSON)", "bomb.json",
     '{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "InputLayer", "config": '
     '{"batch_input_shape": [null, 8, 8, 3], "name": "in"}}',
     ', {{"class_name": "ReLU", "config": {{"name": "r{}"}}}}', 300_000, "]}}"),
]

BOMBS: list[tuple[str, str]] = [
    ("repeat inside repeat, 10^12 layers", "input 8x8x3\nrepeat 1000000 { repeat 1000000 { relu } }\n"),
    ("nested repeats, 1,000 x 1,000", "input 8x8x3\nrepeat 1000 { repeat 1000 { relu } }\n"),
    ("block calling the previous twice, 2^40 layers", "input 8x8x3\n" + BLOCKS_2_40 + "b40()\n"),
    ("a 300,000-line file", "input 8x8x3\n" + "relu\n" * 300_000),
    ("2,000,000 blank lines", "input 8x8x3\n" + "\n" * 2_000_000),
    ("one line of 900,000 layers", "input 8x8x3\n" + "relu ; " * 900_000 + "relu\n"),
    ("260,000 layers on 13,000 distinct lines", "input 8x8x3\n" + "".join(
        f"a{i}: " + " ; ".join(["relu"] * 20) + "\n" for i in range(13_000))),
    ("braces nested 100,000 deep", "input 8x8x3\n" + "concat { " * 100_000 + "relu" + " }" * 100_000 + "\n"),
    ("a number of 100,000 digits", "input 8x8x3\nconv " + "9" * 100_000 + " 3x3\n"),
    ("an exponent in an answer", "input 8x8x3\nconv 8 3x3 -> params 1e999999999\n"),
    ("`pad 1` written 20,000 times", "input 8x8x3\nconv 8 3x3" + " pad 1" * 20_000 + "\n"),
    ("groups 1,000,000,000", "input 8x8x3\nconv 8 3x3 groups 1000000000\n"),
    ("an input of 2^20 x 2^20 x 2^24", "input 1048576x1048576x16777216\nconv 8 3x3\nfc 10\n"),
    ("100,000 errors", "input 8x8x3\n" + "conv -1 3x3\n" * 100_000),
    ("a 40 KB line of spaces (lecture notation)", "[227x227x3] INPUT\n[" + " " * 40_000 + "\n"),
    ("a table of 100,000 columns (lecture notation)",
     "| Layer | Output | " + "FLOPs | " * 100_000 + "\n|---|---|\n| INPUT | 8x8x3 |\n"),
    # a layer's unread statement confirmed after its input is restated, 20,000 times: each was looked for among
    # every passage of prose so far, and each line's name among every layer above (quadratic: over 2 minutes)
    ("20,000 unread layers, each after a restated input (lecture notation)",
     "Input: 32x32x3\n" + "Max-pool two by two, stride 2\nInput: 32x32x3\nFC(10) -> 10\n" * 20_000),
    # each `Same but …` is the exercise above with one value replaced: it grew by a comma each time (quadratic: 111 s)
    ("5,000 exercises each varying the one above (lecture notation)",
     "N = 7, F = 3, stride 2 => 3\n" + "Same but stride 1 => 5\nSame but stride 2 => 3\n" * 2_500),
    # each of these was quadratic in the line's length or the sheet's layers (the first took hours): a `,` or `;`
    # read the rest of the line for a "doesn't fit", a comma or an `and` skipped the run after it, a volume counted
    # the parentheses from the line's start, a layer's name was looked for among every layer above
    ("a line of 100,000 answers after an arrow (lecture notation)",
     "Input: 8x8x3\nCONV1: 8 3x3 filters, pad 1 -> " + "8x8x8, " * 100_000 + "\n"),
    ("a line of 100,000 commas, then one of 100,000 `and`s (lecture notation)",
     "Input: 8x8x3\nCONV1: 8 3x3 filters, pad 1 -> " + ", " * 100_000 + "\nCONV1: 8 3x3 filters\n" +
     "and " * 100_000 + "\n"),
    ("a line of 50,000 answered volumes (lecture notation)",
     "Input: 8x8x3\nCONV1: 8 3x3 filters, pad 1\n" + "Output: 8x8x8. " * 50_000 + "\n"),
    ("9,000 layers, each named anew (lecture notation, accepted)",
     "Input: 8x8x8\n" + "".join(f"CONV{i}: 8 3x3 filters, pad 1 -> 8x8x8\n" for i in range(9_000))),
    # a told problem's question was looked for after each comma by slicing the line to its `?` (quadratic: 4 s for
    # 20,000 commas)
    ("a told problem of 100,000 options, then its question (lecture notation)",
     "Consider an input of 32x32x3. We apply a conv layer with 10 filters of size 3x3" + ", stride 2" * 100_000 +
     ". What is the output volume? 28x28x10\n"),
    # and each `output` in it looked for a number after it to the line's end (quadratic: 1.2 s for 6,000)
    ("a told problem of 100,000 `output`s (lecture notation)",
     "Consider an input of 32x32x3. We apply a conv layer with 10 filters of size 3x3" + " output" * 100_000 +
     ". What is the output volume? 28x28x10\n"),
    ("a sheet of 1,000,000 lines (lecture notation)", "Input: 8x8x8\n" + "64 3x3 filters, pad 1\n" * 999_998),
    ("letters through 8 strided repeats (the solver's walk down)",
     "input HxWx3\nrepeat 8 { conv 7 2 stride 2 groups 3 ; maxpool 1x1 stride 8 floor }\n"),
    ("expression growth: 60 squarings", "block b(c) { conv c 1x1 }\ninput 4x4x4\nb(" + "2" + "*2" * 60 + ")\n"),
    # accepted, not refused: just under the node limit, every layer on a new volume (one channel more each time),
    # so neither the layer cache nor a repeat's replay helps: the slowest network the limits let through
    ("245,000 nodes, each on a new volume (accepted)",
     "input 8x8x1\nrepeat 35000 { concat { identity | conv 1 1x1 } }\n"),
]


def run_once(cmd: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    codes = sorted(set(re.findall(r"error\[(E\d+)\]", err)))
    exit_code = os.waitstatus_to_exitcode(status)
    return took, usage.ru_maxrss, f"exit {exit_code}, " + (", ".join(codes[:3]) or err.strip().splitlines()[-1][:50]
                                                           if err.strip() else "no error")


def main() -> None:
    runs = 3
    anchor = [run_once([CNNCALC, str(ROOT / "specs" / "alexnet.spec")]) for _ in range(runs)]
    print(f"anchor: cnncalc specs/alexnet.spec  {statistics.median(a[0] for a in anchor) * 1000:6.0f} ms  "
          f"{max(a[1] for a in anchor) / 1024:5.0f} MiB")
    print(f"{'input':<48} {'refused with':<28} {'time':>8} {'peak':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(name, "bomb.txt" if "lecture" in name else "bomb.spec", text, "", 0, "") for name, text in BOMBS]
        for name, file, head, line, count, tail in cases + FRAMEWORK_BOMBS:
            path = Path(tmp) / file
            with path.open("w", encoding="utf-8") as out:
                out.write(head)
                for i in range(count):
                    out.write(line.format(i))
                out.write(tail)
            options = [] if file.endswith((".spec", ".txt")) else ["--input", "8x8x3"]
            results = [run_once([CNNCALC, str(path), *options]) for _ in range(runs)]
            took = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            print(f"{name:<48} {results[0][2][:28]:<28} {took * 1000:6.0f} ms {peak / 1024:5.0f} MiB")
        for name, target in (("/dev/zero as FILE", "/dev/zero"), ("a directory as FILE", tmp)):
            took, peak, what = run_once([CNNCALC, target])
            print(f"{name:<48} {what[:28]:<28} {took * 1000:6.0f} ms {peak / 1024:5.0f} MiB")


if __name__ == "__main__":
    main()

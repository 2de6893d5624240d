"""The baseline for cnncalc's cost per layer: the least a calculator must do for a chain of
`conv N KxK [stride S] [pad P]` and `relu` layers (several per line, split at `;`): read each layer,
apply `(N - F + 2P)/S + 1`, count parameters and multiply-accumulates, and print the totals. No
diagnostics, no table, no checks. Run: python benchmarks/minimal_calculator.py FILE [--time]
"""
from __future__ import annotations

import sys
import time


def calculate(text: str) -> tuple[tuple[int, int, int], int, int, int]:
    h = w = c = 0
    params = macs = layers = 0
    for line in text.splitlines():
        for item in line.split(";"):
            words = item.split()
            if not words:
                continue
            if words[0] == "input":
                h, w, c = (int(v) for v in words[1].split("x"))
                continue
            layers += 1
            if words[0] == "relu":
                continue
            filters = int(words[1])
            k = int(words[2].split("x")[0])
            stride = int(words[words.index("stride") + 1]) if "stride" in words else 1
            pad = int(words[words.index("pad") + 1]) if "pad" in words else 0
            h = (h - k + 2 * pad) // stride + 1
            w = (w - k + 2 * pad) // stride + 1
            params += (k * k * c + 1) * filters
            macs += h * w * filters * k * k * c
            c = filters
    return (h, w, c), params, macs, layers


def main() -> None:
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        shape, params, macs, layers = calculate(f.read())
    took = time.perf_counter() - start
    if "--time" in sys.argv:
        print(f"{took:.6f}")
    else:
        print(f"{layers} layers, output {'x'.join(map(str, shape))}, params {params:,}, MACs {macs:,}")


if __name__ == "__main__":
    main()

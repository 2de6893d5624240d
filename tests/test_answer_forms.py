"""Answers as students write them, generated: a random layer (a convolution, a pool, an FC layer, an output-size
exercise), its right answers worked out here from the formulas — (N - F + 2P)/S + 1, (F·F·C + 1)·K, the
output's H·W·K·F·F·C multiply-accumulates — and written in the forms the lecture's notation reads. Every right
answer must be judged right with no error and none skipped as prose, and so must the spec `cnncalc convert`
writes of it; the same line with one number off by one must never pass (a wrong verdict, or an error that
fails the check)."""
from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

import cnncalc
from cnncalc.analysis import run
from cnncalc.diagnostics import DiagnosticSink
from cnncalc.lecture import read
from cnncalc.spec_writer import write_spec

Scenario = tuple[str, list[str]]


def _convolution_sizes(rng: random.Random) -> tuple[int, int, int, int, int, int, int]:
    """N, C, F, S, P, K and the output's side, the division exact: N = (out - 1)·S + F - 2P."""
    while True:
        f, s = rng.choice([1, 3, 5, 7, 11]), rng.choice([1, 1, 2, 3, 4])
        p, out = rng.randint(0, f // 2), rng.randint(1, 40)
        n = (out - 1) * s + f - 2 * p
        if 1 <= n <= 300:
            return n, rng.choice([1, 3, 8, 16]), f, s, p, rng.choice([1, 2, 6, 10, 32, 96]), out


def convolution(rng: random.Random) -> Scenario:
    n, c, f, s, p, k, o = _convolution_sizes(rng)
    weights = f * f * c * k
    params, macs, values, per_filter = weights + k, o * o * k * f * f * c, o * o * k, f * f * c + 1
    base = rng.choice([f"Input volume: {n}x{n}x{c}\n{k} {f}x{f} filters with stride {s}, pad {p}\n",
                       f"Input: {n}x{n}x{c}\nCONV1: {k} {f}x{f} filters at stride {s}, pad {p}\n",
                       f"Consider an input of size {n}x{n}x{c}. We apply a convolutional layer with {k} filters of "
                       f"size {f}x{f}, stride {s} and padding {p}.\n",
                       f"Input volume: {n}x{n}x{c}\n{k} {f}x{f}x{c} filters, stride {s}, zero-padding {p}\n",
                       f"Input volume: {n}x{n}x{c}\n{k} filters of size {f}x{f} with stride {s} and padding {p}\n",
                       f"Input: {n}x{n}x{c}\nConv layer: {k} filters, {f}x{f}, stride {s}, pad {p}\n",
                       f"Input volume: {n}x{n}x{c}\nCONV(K={k}, F={f}, S={s}, P={p})\n",
                       f"[{n}x{n}x{c}] INPUT\nCONV1: {k} {f}x{f} filters at stride {s}, pad {p}\n",
                       f"Input: {n}x{n}x{c}\nCONV1 ({k} {f}x{f} filters, stride {s}, pad {p})\n",
                       f"INPUT({n}x{n}x{c}) -> CONV({k} filters, {f}x{f}, stride {s}, pad {p})\n",
                       f"Input volume: {n}x{n}x{c}\nFirst layer (CONV1): {k} {f}x{f} filters applied at stride {s}, "
                       f"pad {p}\n",
                       f"Input {n}x{n}x{c}, conv layer with K={k}, F={f}, S={s}, P={p}.\n",
                       f"Input {n}x{n}x{c}, {k} {f}x{f} CONV filters with stride {s}, pad {p}.\n",
                       f"Input: {n}x{n}x{c}\nLayer 1: CONV with {k} filters {f}x{f}, stride {s}, pad {p}\n",
                       f"Input: {n}x{n}x{c}\nConv layer: {f}x{f}, {k} output channels, stride {s}, pad {p}\n",
                       f"Input: {n}x{n}x{c}\nA {f}x{f} convolution with {k} output channels, stride {s} and padding "
                       f"{p}.\n",
                       # one filter, its count unsaid, as the lecture's exercises state it
                       *([f"Input: {n}x{n}x{c}\na {f}x{f} filter with stride {s}, pad {p}\n",
                          f"Input: {n}x{n}x{c}\nfilter {f}x{f}, stride {s}, pad {p}\n",
                          f"Input volume: {n}x{n}x{c}\none {f}x{f} filter, stride {s}, pad {p}\n",
                          f"Input: {n}x{n}x{c}\nfilter of size {f}x{f} with stride {s} and pad {p}\n"]
                         if k == 1 else [])])
    return base, [
        f"Output volume: {o}x{o}x{k}", f"Output volume size: ({n} - {f} + 2*{p})/{s} + 1 = {o}, so {o}x{o}x{k}",
        f"The output is {o} by {o} by {k}", f"Output: [{o}, {o}, {k}]", f"Output size: {o}",
        f"Number of parameters: {params}", f"Parameters: ({f}*{f}*{c}+1)*{k} = {params:,}",
        f"Params: {weights} weights + {k} biases = {params}", f"Weights: {weights}", f"Biases: {k}",
        f"MACs: {macs}", f"Multiply-adds: {macs:,}", f"Parameters per filter: {per_filter}", f"Output: {values} values",
        f"Output: {o}*{o} = {o * o}", f"Total params: {params}", f"Q1. What is the output volume?\nA1. {o}x{o}x{k}",
        f"The number of parameters is {params}", f"Output: {o}x{o}x{k}, {params} params",
        f"Output: {o}x{o} with {k} channels", f"Output volume: {o}x{o}x{k} ({k} activation maps of {o}x{o})",
        f"Number of weights: {weights}; number of biases: {k}",
        f"Number of weights: {weights}, biases: {k}, total: {params}",
        f"Weights: {weights}, biases: {k}, total params: {params}", f"Params: {params}; overall MACs: {macs}",
        f"Output = {o}x{o}x{k} | params = {params} | MACs = {macs}", f"Params = {params} MACs = {macs}",
        f"Output: ({o}, {o}, {k}), params: {params}",
        f"Each filter has {f}*{f}*{c} + 1 = {per_filter} params, so {params} in total", f"- Output: {o}x{o}x{k}",
        f"Answer: {o}x{o}x{k}", f"Output shape: ({o}, {o}, {k})", f"Output volume = [{o}x{o}x{k}]",
        f"Params = {params} ({per_filter} per filter)", f"W2 = ({n} - {f} + 2*{p})/{s} + 1 = {o}", f"D2 = {k}",
        f"Output depth: {k}", f"How many parameters? {params}",
        f"Number of parameters = {k}*({f}*{f}*{c} + 1) = {params}", f"Output: {o} x {o} x {k} = {values:,} neurons",
        f"Activations: {values}", f"Output volume: {o}x{o}x{k}, MACs: {macs}",
        f"Output volume: {o}x{o}x{k} = {values:,} neurons", f"Params: {params} ({weights} weights and {k} biases)",
        f"Weights + biases = {weights} + {k} = {params}", f"Number of learnable parameters: {params}",
        f"Output: {o}x{o}x{k} (HxWxC)", f"Output: {k}x{o}x{o} (CxHxW)", f"Output: torch.Size([1, {k}, {o}, {o}])",
        f"Output: H={o}, W={o}, D={k}", f"MACs: {o}*{o}*{k}*{f}*{f}*{c} = {macs}", f"Memory: {values} values",
        f"Output: {k} feature maps of {o}x{o}", f"Output: {k}@{o}x{o}",
        f"Params: {params / 1000:.1f}K" if params >= 10000 else f"Params: {params}",
        f"MACs: {macs / 1e6:.2f}M" if macs >= 10**6 else f"MACs: {macs}",
        f"Number of weights: {f}*{f}*{c}*{k} = {weights}", f"Output width: {o}", f"H2 = {o}",
        f"Output volume: {o}x{o}x{k}\nParameters: {params}\nMACs: {macs}", f"Number of activation maps: {k}",
        f"How many activation maps does the layer produce? {k}", f"Feature maps: {k}",
        f"Memory for the parameters: {params * 4:,} bytes", f"Parameter memory: {params * 4} bytes",  # float32
        f"Parameters (without biases): {weights}", f"Params: {weights} (no bias)",
        f"Number of parameters: {f}*{f}*{c}*{k} = {weights} (ignoring biases)",
        f"Output size = floor(({n} - {f} + 2*{p})/{s}) + 1 = {o}, so the output is {o}x{o}x{k}",
        # (the biases added to the weights, then called parameters: all of them; a single bias is one filter's)
        *([f"Number of weights = {f}*{f}*{c}*{k} = {weights}, plus {k} biases = {params} parameters"] if k > 1 else []),
        # two answers on a line, a count said first or an output in a sentence (each a part of its own)
        f"{params} parameters; we get {o}x{o}x{k}", f"It has {params} parameters / output: {o}x{o}x{k}",
        f"We get {o}x{o}x{k}, and {params} learnable parameters", f"It outputs {o}x{o}x{k} and it has {params} params",
        f"Output size {o}x{o}x{k}, {params} parameters",
        # the answer alone on the line under its heading
        f"Number of parameters:\n{params}", f"Parameters:\n({f}*{f}*{c} + 1)*{k} = {params}",
        f"Output size:\n({n} - {f} + 2*{p})/{s} + 1 = {o}", f"Output volume size:\n{o}x{o}x{k}", f"Output size:\n{o}"]


def pool(rng: random.Random) -> Scenario:
    f, s, o, c = rng.choice([2, 3]), rng.choice([1, 2, 3]), rng.randint(1, 40), rng.choice([1, 3, 10, 64])
    n = (o - 1) * s + f
    base = rng.choice([f"Input volume: {n}x{n}x{c}\nMax pool {f}x{f} with stride {s}\n",
                       f"Input: {n}x{n}x{c}\nPOOL1: {f}x{f} filters at stride {s}\n",
                       f"Input {n}x{n}x{c}, max pool with {f}x{f} filters and stride {s}.\n",
                       f"Input volume {n}x{n}x{c}, pooling layer with F={f}, S={s}.\n",
                       f"An input of {n}x{n}x{c} goes through a {f}x{f} max pool with stride {s}.\n"])
    return base, [f"Output: {o}x{o}x{c}", "Parameters: 0", "Params: none", f"Output: {o}x{o}x{c}, no parameters",
                  f"Output volume: {o}x{o}x{c} (depth unchanged)", f"Output size: {o}", "Number of parameters: 0",
                  f"Output: ({n}-{f})/{s}+1 = {o}, so {o}x{o}x{c}", f"Output: {o * o * c} values"]


def fully_connected(rng: random.Random) -> Scenario:
    n, c, units = rng.randint(1, 20), rng.choice([1, 3, 10]), rng.choice([1, 10, 84, 100, 4096])
    weights = n * n * c * units
    base = rng.choice([f"Input volume: {n}x{n}x{c}\nFC layer with {units} neurons\n",
                       f"Input: {n}x{n}x{c}\nFC1: {units} neurons\n"])
    return base, [f"Output: {units}", f"Output: {units} neurons", f"Params: {n}*{n}*{c}*{units} + {units} = "
                  f"{weights + units}", f"Parameters: {weights + units:,}", f"Output: 1x1x{units}",
                  f"Output: (None, {units})", f"Weights: {weights}; biases: {units}",
                  f"Output volume: {units}, params {weights + units:,}", f"Params: ({n}*{n}*{c}+1)*{units} = "
                  f"{weights + units}", f"Parameters per neuron: {n * n * c + 1}",
                  f"Output: {units} neurons, {weights + units} params", f"A: Output: {units}", f"It outputs {units}.",
                  f"A: The output is a vector of {units} values.", f"Answer: it outputs {units}"]


def exercise(rng: random.Random) -> Scenario:
    n, _, f, s, p, _, o = _convolution_sizes(rng)
    return "", [f"input {n}x{n}, filter {f}x{f}, stride {s}, pad {p} => {o}x{o}",
                f"input {n}x{n}, filter {f}x{f}, stride {s}, pad {p} => output {o}x{o}",
                f"Input {n}x{n}, F={f}, S={s}, P={p} -> {o}", f"N = {n}, F = {f}, S = {s}, P = {p} => ({n} - {f} + "
                f"2*{p})/{s} + 1 = {o}", f"{n}x{n} input, {f}x{f} filter, stride {s}, pad {p}: {o}x{o} output",
                f"Input: {n}x{n}. Filter: {f}x{f}. Stride: {s}. Pad: {p}. Output: {o}x{o}",
                # one filter on one channel: F·F + 1 parameters
                f"input {n}x{n}, filter {f}x{f}, stride {s}, pad {p} => output {o}x{o}, params {f * f + 1}",
                f"input {n}x{n}, filter {f}x{f}, stride {s}, pad {p} => output {o}, {f * f + 1} params",
                f"N={n}, F={f}, S={s}, P={p}: (N-F+2P)/S+1 = {o}", f"N = {n}, F = {f}, S = {s}, P = {p}: {o}"]


def listing(rng: random.Random) -> Scenario:
    n, c, f, s, p, k, o = _convolution_sizes(rng)
    params, macs = (f * f * c + 1) * k, o * o * k * f * f * c
    described = f"{k} {f}x{f} filters at stride {s}, pad {p}"
    return "", [f"[{n}x{n}x{c}] INPUT\n[{o}x{o}x{k}] CONV1: {described}",
                f"[{n}x{n}x{c}] INPUT\n[{o}x{o}x{k}] CONV1: {described}, params {params}",
                f"INPUT: {n}x{n}x{c}\nCONV1: {k} {f}x{f} filters, stride {s}, pad {p} -> {o}x{o}x{k}, {params} params",
                f"input {n}x{n}x{c}\nconv {k} {f}x{f} stride {s} pad {p} -> {o}x{o}x{k} params {params} macs {macs}",
                f"| Layer | Description | Output volume | Params |\n|---|---|---|---|\n| INPUT | | {n}x{n}x{c} | |\n"
                f"| CONV1 | {described} | {o}x{o}x{k} | {params} |",
                f"| Layer | Filters | Kernel | Stride | Pad | Output | Params |\n|---|---|---|---|---|---|---|\n"
                f"| INPUT | | | | | {n}x{n}x{c} | |\n| CONV1 | {k} | {f}x{f} | {s} | {p} | {o}x{o}x{k} | {params} |",
                f"| Layer | Type | K | F | S | P | Output | Params |\n|---|---|---|---|---|---|---|---|\n"
                f"| data | input | | | | | {n}x{n}x{c} | |\n"
                f"| L1 | Conv | {k} | {f} | {s} | {p} | {o}x{o}x{k} | {params} |",
                f"| Layer | Type | Output | Params |\n|---|---|---|---|\n| INPUT | | {n}x{n}x{c} | |\n"
                f"| L1 | conv {f}x{f}, {k} filters, stride {s}, pad {p} | {o}x{o}x{k} | {params} |",
                f"| Layer | Description | Output volume | Params | MACs |\n|---|---|---|---|---|\n"
                f"| INPUT | | {n}x{n}x{c} | | |\n| CONV1 | {described} | {o}x{o}x{k} | {params} | {macs} |\n"
                f"| **Total** | | | {params} | {macs} |",
                f"| Layer | Description | Output volume | Params |\n|---|---|---|---|\n| INPUT | | {n}x{n}x{c} | |\n"
                f"| CONV1 | {described} | {o}x{o}x{k} | {params} |\n| Conv total | | | {params} |"]


def network(rng: random.Random) -> Scenario:
    """A convolution, a pool and an FC layer, answered below the listing by the layers' names."""
    n, c, f, s, p, k, o = _convolution_sizes(rng)
    while o < 3:
        n, c, f, s, p, k, o = _convolution_sizes(rng)
    pool_size, pool_stride = (2, 2) if o % 2 == 0 else (3, 2) if (o - 3) % 2 == 0 else (1, 1)
    pooled, units = (o - pool_size) // pool_stride + 1, rng.choice([10, 84, 100])
    first, last = (f * f * c + 1) * k, (pooled * pooled * k + 1) * units
    conv, pool, fc = rng.choice([("CONV1", "POOL1", "FC1"), ("L1", "L2", "L3")])  # names that say the kind, or not
    header = (f"Input: {n}x{n}x{c}\n{conv}: {k} {f}x{f} filters, stride {s}, pad {p}\n{pool}: {pool_size}x{pool_size} "
              f"max pool, stride {pool_stride}\n{fc}: {units} neurons\n")
    return header, [f"{conv} output: {o}x{o}x{k}", f"{pool} output: {pooled}x{pooled}x{k}", f"{fc} output: {units}",
                    f"{conv} params: {first}", f"{fc} params: {last:,}", f"{pool} params: 0",
                    f"Total params: {first + last}", f"What is the output volume of {pool}? {pooled}x{pooled}x{k}",
                    f"Number of parameters in {fc}: {last}", f"Output of {conv}: {o}x{o}x{k}, {first} params",
                    f"After {pool}: {pooled}x{pooled}x{k}", f"The network has {first + last} parameters",
                    f"{fc}: {units}, {last} params",
                    # one kind of layer's total: the CONV layer's own, the FC layer's, the pool's none
                    f"Total params in conv layers: {first}", f"Total parameters of the FC layers = {last:,}",
                    f"Total CONV params: {first}", f"Total params (conv layers): {first}",
                    f"Total: {last} params in the fully-connected layers", "Total params in the pooling layers: 0",
                    f"Total MACs in the CONV layers: {o * o * k * f * f * c}",
                    f"Total number of parameters in all conv layers = {first}",
                    f"Total MACs of the FC layers: {pooled * pooled * k * units:,}"]


def rectangle(rng: random.Random) -> Scenario:
    """A convolution on an input that is not square: its height and width worked out apart."""
    f, s = rng.choice([1, 3, 5]), rng.choice([1, 2])
    p, out_h, out_w = rng.randint(0, f // 2), rng.randint(1, 30), rng.randint(1, 30)
    h, w = max((out_h - 1) * s + f - 2 * p, 1), max((out_w - 1) * s + f - 2 * p, 1)
    out_h, out_w = (h - f + 2 * p) // s + 1, (w - f + 2 * p) // s + 1
    if (h - f + 2 * p) % s or (w - f + 2 * p) % s or out_h < 1 or out_w < 1:
        return rectangle(rng)
    c, k = rng.choice([1, 3]), rng.choice([4, 10])
    base = rng.choice([f"Input volume: {h}x{w}x{c}\n{k} {f}x{f} filters with stride {s}, pad {p}\n",
                       f"Input: {h}x{w}x{c}\nCONV1: {k} {f}x{f} filters at stride {s}, pad {p}\n"])
    return base, [f"Output volume: {out_h}x{out_w}x{k}", f"Output: [{out_h}, {out_w}, {k}]",
                  f"Number of parameters: {(f * f * c + 1) * k}", f"Output: {out_h} by {out_w} by {k}",
                  f"Output height: {out_h}", f"Output width: {out_w}", f"MACs: {out_h * out_w * k * f * f * c}",
                  f"Output: {out_h * out_w * k} values", f"H2 = {out_h}", f"W2 = ({w} - {f} + 2*{p})/{s} + 1 = {out_w}"]


def receptive(rng: random.Random) -> Scenario:
    """Three or four convolutions (stride 1, the size kept) and 2x2 pools (stride 2), their receptive fields worked
    out layer by layer: r = r_before + (F - 1)·j_before, j = j_before·S, from r = j = 1 at the input."""
    lines, forms, r, j, numbers = ["Input: 64x64x3"], [], 1, 1, {"CONV": 0, "POOL": 0}
    for _ in range(rng.randint(3, 4)):
        kind = rng.choice(["CONV", "CONV", "POOL"])
        numbers[kind] += 1
        name = f"{kind}{numbers[kind]}"
        if kind == "CONV":
            f, s = rng.choice([1, 3, 5, 7]), 1
            lines.append(f"{name}: {rng.choice([4, 8])} {f}x{f} filters, stride 1, pad {(f - 1) // 2}")
        else:
            f = s = 2
            lines.append(f"{name}: 2x2 max pool, stride 2")
        r, j = r + (f - 1) * j, j * s
        forms += [f"Receptive field of {name}: {r}x{r}", f"What is the receptive field of {name}? {r}x{r}",
                  f"The receptive field of {name} is {r}x{r}", f"Effective receptive field of {name} = {r}",
                  f"The effective receptive field of a {name} neuron is {r}x{r}", f"RF of {name}: {r}"]
    forms.append(f"Receptive field: {r}x{r}")  # the last layer's
    return "\n".join(lines) + "\n", forms


SCENARIOS: list[Callable[[random.Random], Scenario]] = [convolution, convolution, pool, fully_connected, exercise,
                                                         listing, network, rectangle, receptive]


def line_is_spec(text: str) -> bool:
    return text.startswith("input ")


@pytest.mark.parametrize("block", range(8))
def test_right_answers_are_right_and_one_off_never_passes(block: int) -> None:
    for seed in range(block * 100, block * 100 + 100):
        rng = random.Random(seed)
        base, forms = rng.choice(SCENARIOS)(rng)
        lines = rng.sample(forms, rng.choice([1, 1, 2, 4])) if base else [rng.choice(forms)]
        text = base + "\n".join(lines) + "\n"
        report = cnncalc.analyze_text(text, "hw.txt")
        # several lines may answer one quantity: the restatement is skipped (N060), and only then
        problems = [d.code for d in report.diagnostics if d.severity == "error" or (d.code == "N060" and
                                                                                     len(lines) == 1)]
        assert report.answers and problems == [] and {a.verdict for a in report.answers} == {"right"}, (seed, text)
        if base or not line_is_spec(lines[0]):  # `cnncalc convert` writes what is judged the same
            converted = write_spec(read(text, DiagnosticSink()), text)
            again = cnncalc.analyze_text(converted)
            assert sorted((a.quantity, a.verdict) for a in again.answers) == \
                sorted((a.quantity, a.verdict) for a in report.answers), (seed, text, converted)
        line = rng.choice([form for form in forms if re.search("[0-9]", form)])
        last = list(re.finditer(r"[0-9][0-9,]*", line))[-1]
        value = int(last.group().replace(",", ""))
        off = line[:last.start()] + str(value + (1 if value <= 1 or rng.random() < 0.5 else -1)) + line[last.end():]
        wrong = cnncalc.analyze_text(base + off + "\n", "hw.txt")
        assert any(d.severity == "error" for d in wrong.diagnostics), (seed, base + off)


def test_every_answer_of_a_line_is_judged_for_itself_never_dropped() -> None:
    # 6 5x5 filters on 28x28x1: weights 5·5·1·6 = 150, biases 6, params 156; output 24x24x6, MACs 24·24·6·25 =
    # 86,400. A total after the layer's counts on their line totals them (`total: 156` its params); these were
    # dropped unread, a wrong total passing (the reader of network totals cut the line at `, total` and kept the
    # first part), as was any count after an output's volume there (`Output: 24x24x6, total params: 150`)
    base = "Input 28x28x1, conv layer with 6 5x5 filters, no padding, stride 1.\n"
    judged = {"weights": "right", "biases": "right"}
    for line, verdicts in (("Number of weights: 150, biases: 6, total: 156", {**judged, "params": "right"}),
                           ("Number of weights: 150, biases: 6, total: 150", {**judged, "params": "wrong"}),
                           ("Weights: 150, biases: 6, total params: 155", {**judged, "params": "wrong"}),
                           ("weights 150, biases 6, total 157", {**judged, "params": "wrong"}),
                           ("Params: 156; overall MACs: 86,401", {"params": "right", "macs": "wrong"}),
                           ("Params: 156, total MACs: 86,400", {"params": "right", "macs": "right"})):
        report = cnncalc.analyze_text(base + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
        wrong = [{"params": "E041", "macs": "E042"}[q] for q, verdict in verdicts.items() if verdict == "wrong"]
        assert [d.code for d in report.diagnostics] == wrong, (line, report.messages())
    # answers between bars, or with no separator: each its own (the parameters were judged by the MACs' number, a
    # right count marked wrong); a volume in brackets before the counts (the line was prose, nothing judged)
    for line, verdicts in (("Params = 156 | MACs = 86400", {"params": "right", "macs": "right"}),
                           ("Params = 156 MACs = 86400", {"params": "right", "macs": "right"}),
                           ("Params: 157 MACs: 86,400", {"params": "wrong", "macs": "right"}),
                           ("Output = 24x24x6 | params = 156 | MACs = 86401",
                            {"output": "right", "params": "right", "macs": "wrong"}),
                           ("Output: (24, 24, 6), params: 156", {"output": "right", "params": "right"}),
                           ("Output: (24, 24, 7), params: 156", {"output": "wrong", "params": "right"}),
                           ("Params: 150 weights + 6 biases = 156", {**judged, "params": "right"}),
                           # each count of a list said with its own word is that count (the first was judged as
                           # all the parameters); alone, `760 weights` is said loosely of all of them
                           ("Params: 150 weights, 6 biases", judged), ("Params: 151 weights, 6 biases",
                                                                       {**judged, "weights": "wrong"}),
                           ("Parameters: 156 weights", {"params": "right"}),
                           ("Output dims = 24x24x6, # weights = 150, # biases = 6", {"output": "right", **judged}),
                           ("Params = (5*5+1)*6 weights and biases = 156", {"params": "right"})):
        report = cnncalc.analyze_text(base + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
        codes = {"output": "E040", "params": "E041", "weights": "E041", "biases": "E041", "macs": "E042"}
        wrong = [codes[q] for q, v in verdicts.items() if v == "wrong"]
        assert [d.code for d in report.diagnostics] == wrong, (line, report.messages())
    # the network's totals: after a first total, a count's head is the network's too (it was E060); LeNet-like: conv
    # 6 5x5 on 28x28x1 (156 params, 86,400 MACs), a 2x2 pool to 12x12x6, FC 10 on its 864 values (8,650, 8,640)
    lenet = base + "POOL1: 2x2 max pool, stride 2\nFC: 10 neurons\n"
    for line, verdicts in (("Total params: 8806; MACs: 95040", {"total params": "right", "total macs": "right"}),
                           ("Total params: 8806 | MACs: 95041", {"total params": "right", "total macs": "wrong"}),
                           ("Total params: 8807, total MACs: 95040", {"total params": "wrong", "total macs": "right"})):
        report = cnncalc.analyze_text(lenet + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
    # an answer on the line under a told problem's question, with its counts after the volume: a 2x2 max pool at
    # stride 2 on 32x32x64 gives 16x16x64 and has no parameters (it was E060, or prose: a wrong volume passed)
    told = "Q3. A 2x2 max pool with stride 2 is applied to a 32x32x64 volume. What is the output?\n"
    for line, verdicts in (("A3. 16x16x64, with 0 parameters", {"output": "right", "params": "right"}),
                           ("A3. 16x16x65, 0 params", {"output": "wrong", "params": "right"}),
                           ("A3. 16x16x64; 0 params, 1 MACs", {"output": "right", "params": "right", "macs": "wrong"})):
        report = cnncalc.analyze_text(told + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
    # a total after one filter's whole count is the layer's (26 per filter, 6 filters: 156); after a filter's weights,
    # its working says whose (a sum the filter's, 25 + 1 = 26; a product the layer's, 26·6 = 156), and a bare one is
    # E060: `total 26` was the filter's, so `total 156`, the layer's, was marked wrong
    per_filter = "params per filter"
    for line, verdicts in (("Each filter has 26 params; total 156", {per_filter: "right", "params": "right"}),
                           ("Each filter has 26 params, total: 157", {per_filter: "right", "params": "wrong"}),
                           ("Each filter has 25 weights, total = 25 + 1 = 26", {"weights per filter": "right",
                                                                                per_filter: "right"}),
                           ("Each filter has 25 weights, total = 26*6 = 156", {"weights per filter": "right",
                                                                               "params": "right"})):
        report = cnncalc.analyze_text(base + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
    for line in ("Each filter has 25 weights, total 26", "Each filter has 25 weights and 1 bias, total 156"):
        report = cnncalc.analyze_text(base + line + "\n", "hw.txt")
        assert [d.code for d in report.diagnostics] == ["E060"] and "total" not in {a.quantity for a in report.answers}
    # an answer under a question with an aside in parentheses: its counts each judged (the line was prose, 761 passed)
    asked = base + "Q: How many parameters does the layer have?\n"
    for line, verdicts in (("A: 156 (150 weights, 6 biases)", {**judged, "params": "right"}),
                           ("A: 157 (150 weights, 6 biases)", {**judged, "params": "wrong"})):
        report = cnncalc.analyze_text(asked + line + "\n", "hw.txt")
        assert {a.quantity: a.verdict for a in report.answers} == verdicts, (line, report.messages())
    # a total of more than the layer, or of what the line does not say: E060, not judged and not passed over
    # and two counts joined by a word that is no separator: the second's number was taken for the first (`Weights =
    # 150 with biases = 6` judged the weights as 6), or a count said with another's word
    for line, col, words in (
            ("Output: 24x24x6, total params: 150", 18, "does not understand `total params: 150` here"),
            ("MACs: 86,400, total: 1", 15, "cannot tell what `total: 1` totals"),
            ("Weights: 150, biases: 6, total params so far: 1", 26, "cannot tell what `total params so far: 1` totals"),
            ("Weights = 150 with biases = 6", 20, "which count `biases = 6` is beside the weight count"),
            ("Params = 156 where weights = 150", 20, "which count `weights = 150` is beside the parameter count"),
            ("Params: 156 MACs", 9, "this count is said to be parameters and MACs"),
            ("Output: 24x24 with 0 channels", 9, "`24x24 with a depth of 0` is not a volume"),  # (was judged 24x24)
            ("Output: 0 feature maps of 24x24", 9, "`24x24 with a depth of 0` is not a volume")):
        report = cnncalc.analyze_text(base + line + "\n", "hw.txt")
        errors = [d for d in report.diagnostics if d.severity == "error"]
        assert [(d.code, d.line, d.column) for d in errors] == [("E060", 2, col)], (line, report.messages())
        assert words in errors[0].message and errors[0].hint, (line, errors[0].message)


@pytest.mark.parametrize("block", range(3))
def test_problems_of_a_sheet_are_networks_of_their_own(block: int) -> None:
    for seed in range(block * 100, block * 100 + 100):
        rng = random.Random(seed)
        problems = []
        for number in range(1, rng.randint(2, 3) + 1):
            base, forms = rng.choice([convolution, pool, fully_connected, rectangle])(rng)
            heading = rng.choice([f"Problem {number}\n", f"{number}. ", f"## Problem {number}\n", f"Q{number}. "])
            problems.append(heading + base + "\n".join(rng.sample(forms, rng.choice([1, 2]))) + "\n")
        text = "\n".join(problems)
        reports = [analysis.report for analysis in run(text, "sheet.txt")]
        assert [d.code for r in reports for d in r.diagnostics if d.severity == "error"] == [], (seed, text)
        answers = [a.verdict for r in reports for a in r.answers]
        assert len(answers) >= len(problems) and set(answers) == {"right"}, (seed, text)


def _no_fit_sheet(rng: random.Random, exact: bool) -> str:
    """A layer whose division (N - F + 2P)/S is exact or not, answered "doesn't fit" in one of the ways the
    lecture and students write it."""
    while True:
        n, f, s, p = rng.randint(5, 60), rng.choice([3, 5, 7]), rng.choice([2, 3, 4]), rng.randint(0, 2)
        if n + 2 * p >= f and ((n - f + 2 * p) % s == 0) == exact:
            break
    value = f"{(n - f + 2 * p) / s + 1:.2f}".rstrip("0").rstrip(".")
    k = rng.choice([1, 10])
    base = rng.choice([f"input {n}x{n}, filter {f}x{f}, stride {s}, pad {p} => ", f"N = {n}, F = {f}, S = {s}, "
                       f"P = {p} => ", f"Input {n}x{n}, F={f}, S={s}, P={p} -> ",
                       f"Input volume: {n}x{n}x1\n{k} {f}x{f} filters with stride {s}, pad {p}\nOutput: ",
                       f"Input: {n}x{n}x3\nCONV1: {k} {f}x{f} filters at stride {s}, pad {p}\nOutput volume size: ",
                       f"Input: {n}x{n}x3\nCONV1: {k} {f}x{f} filters at stride {s}, pad {p} -> ",
                       f"Input: {n}x{n}x1\na {f}x{f} filter with stride {s}, pad {p}\nOutput size:\n"])
    answer = rng.choice(["doesn't fit", "doesn't fit!", "does not fit", "invalid", "not valid",
                         "not an integer, so it doesn't fit", f"({n} - {f} + 2*{p})/{s} + 1 = {value}, doesn't fit",
                         value, f"{value} (doesn't fit)", f"{value} => invalid", f"{value}, stride {s} won't work",
                         f"({n} - {f} + 2*{p})/{s} + 1 = {value} -> stride {s} does not fit", f"not possible ({value})",
                         f"{value} :-( stride {s} is not proper for N={n} and F={f}"] if not exact else
                        ["doesn't fit", "invalid", "not an integer, so it doesn't fit", "not an integer => invalid",
                         f"stride {s} does not work"])
    return base + answer + "\n"


def test_doesnt_fit_is_right_only_when_the_division_is_not_exact() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        text = _no_fit_sheet(rng, exact=False)
        report = cnncalc.analyze_text(text, "hw.txt")
        assert [d.code for d in report.diagnostics if d.severity == "error"] == [], (seed, text)
        assert [a.verdict for a in report.answers] == ["right"], (seed, text)
        text = _no_fit_sheet(rng, exact=True)
        assert any(d.severity == "error" for d in cnncalc.analyze_text(text, "hw.txt").diagnostics), (seed, text)

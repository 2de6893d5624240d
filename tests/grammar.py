"""A generator that knows the whole language, for fuzzing: every layer keyword with every option
form and extreme numbers, merges with references, blocks with pair arguments, repeats, side heads,
answers and totals in every form, titles and several networks; the lecture's notation; byte-
and token-level mutations of real files; and the other notations' test files (PyTorch, MATLAB,
Caffe, Keras) edited with their own punctuation and words (`reader_case`). Plain `random.Random`,
so a long run is fast and any case is reproduced from its seed (benchmarks/fuzz.py, tests/test_fuzz.py)."""
from __future__ import annotations

import random
from pathlib import Path

from cnncalc.layers import REGISTRY
from cnncalc.layers.merge import MERGES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "specs").glob("*.spec")) + sorted((ROOT / "docs" / "examples").rglob("*.spec")) + sorted(
    (ROOT / "docs" / "examples").rglob("*.txt"))

EXTREME = ["0", "1", "2", "3", "7", "64", "255", "1000", "65536", "1048576", "1048577", "16777216", "16777217",
           "4294967296", "999999999999999999", "1" + "0" * 40, "9" * 300, "00", "1_000", "1__0", "3_"]
# an exercise's answer as the value of its division (`2.33`, the lecture's stride 3 on a 7x7 input)
DIVIDED_ANSWERS = ["", "", " => 2.33", " => (7 - 3)/3 + 1 = 2.33", " => 2.33 (doesn't fit)", " => 3.0", " => 0.0",
                   " => 2.33, so 3", " => 1234567890123.4567890123", " => 2.33 (maybe)"]
COUNTS = ["34944", "34,944", "1,120", "35K", "62.4M", "1.1G", "0.5T", "1e6", "1e999999999", "1e-3", "100MiB",
          "4GiB", "12,34", "1,234,567", "9" * 50, "1.", ".5", "1e30", "1e31", "7B", "16.4MB", "3,040B", "1e999KB"]
WORDS = ["same", "valid", "nobias", "ceil", "floor", "exact", "exclude_pad", "widepad", "relu6", "x", "@", "#", "->",
         ";", "|", "{", "}", "(", ")", ",", ":", "=", "train", "shortcut", "batch", "\t", "é", "\x00", "\ufeff"]


class Grammar:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: list[str] = []
        self.written: list[tuple[str, str]] = []  # labelled layers: (name, text)
        self.blocks: list[tuple[str, int]] = []

    def number(self) -> str:
        r = self.rng.random()
        if r < 0.7:
            return str(self.rng.randint(1, 9))
        if r < 0.85:
            return self.rng.choice(EXTREME)
        if r < 0.95 and self.blocks:
            return self.rng.choice(["c", "c*2", "c//2", "s+1", "(c-1)*2", "k"])
        if r < 0.99:
            return self.rng.choice(["-1", "2*3", "(1+2)", "4//0", "1x7"])
        # long expressions, within the limit of operations and past it (each a level of the expression's tree)
        return self.rng.choice(["+".join(["1"] * self.rng.choice([256, 257, 3000])),
                                "-" * self.rng.choice([256, 257, 3000]) + "2", "(" * 64 + "1" + ")" * 64])

    def pair(self) -> str:
        return self.number() if self.rng.random() < 0.6 else f"{self.number()}x{self.number()}"

    def pad(self) -> str:
        return self.rng.choice([self.number(), self.pair(), "same", "valid",
                                ",".join(self.number() for _ in range(self.rng.choice([4, 4, 3, 5])))])

    def layer(self) -> str:
        keyword = self.rng.choice(sorted(REGISTRY))
        words = [keyword]
        for arg in REGISTRY[keyword].schema.arguments:
            if self.rng.random() < (0.9 if arg.required else 0.35):
                value = self.value(arg.kind.syntax, arg.kind.words)
                if arg.role == "option":
                    words.append(self.rng.choice((arg.name, *arg.names)))
                words.append(value)
        if self.rng.random() < 0.05:
            words.append(self.rng.choice(WORDS))
        if self.rng.random() < 0.03:
            words += ["pad", "1"] * self.rng.randint(2, 50)
        if self.rng.random() < 0.08:  # an earlier layer's weights (often a name written before: `shares fc1`)
            words += ["shares", self.rng.choice(self.names + ["missing", "shares", "1", ""])]
        if self.rng.random() < (0.3 if REGISTRY[keyword].sized_to else 0.01):  # sized to an earlier output (`to @x`)
            words += ["to", self.rng.choice([f"@{n}" for n in self.names] + ["@missing", "@", "x", "@image", ""])]
        return " ".join(words)

    def value(self, syntax: str, words: tuple[str, ...]) -> str:
        if syntax == "int":
            return self.number()
        if syntax == "scale":
            return self.rng.choice([self.pair(), self.pair(), "0.5", "1.5", "0.25", "2.0", "0.3", "0", "1e3",
                                    "0.0009765625"])
        if syntax == "pair":
            return self.pair()
        if syntax == "sides":
            return self.pad()
        if syntax == "real":
            return self.rng.choice(["0.5", "0", "1", "1e-5", "0.01", "2", "1e309", "-0.1", "1" * 40, "-3", "-1e309",
                                    "- 1"])
        if syntax == "range":
            return f"{self.number()}:{self.number() if self.rng.random() < 0.8 else ''}"
        return self.rng.choice(words or ("x",))

    def item(self, depth: int) -> str:
        label = ""
        if self.rng.random() < 0.3:
            name = self.rng.choice(["a", "b", "enc1", "up", "c1", "conv1", "x"]) + str(self.rng.randint(0, 3))
            self.names.append(name)
            label = f"{name}: "
        r = self.rng.random()
        if self.written and r < 0.05:  # a labelled layer written again, with its weights (`conv 4 1x1 shares fc1`)
            name, text = self.rng.choice(self.written)
            return label + f"{text} shares {name}"
        if depth > 3 or r < 0.55:
            text = self.layer()
            if label:
                self.written.append((label[:-2], text))
            return label + text
        if r < 0.7:
            kind = self.rng.choice(sorted(MERGES) + ["residual"])
            branches = [self.branch(depth + 1) for _ in range(self.rng.randint(1, 3))]
            if kind == "residual":
                text = f"residual {{ {branches[0]} }}"
                if self.rng.random() < 0.5:
                    text += f" shortcut {{ {self.branch(depth + 1)} }}"
                return label + text
            count = f" {self.number()}" if kind == "split" else ""
            if MERGES[kind].modes if kind in MERGES else False:
                count = self.rng.choice(["", *(f" {m}" for m in MERGES[kind].modes), " bicubic"])
            if MERGES[kind].takes_offset if kind in MERGES else False:  # `fit at 3`, `at 2x1`, `at -1`, `at x`
                count = self.rng.choice(["", f" at {self.number()}", f" at {self.number()}x{self.number()}", " at -1",
                                         " at", " at 1x2x3", " at 2 channels",
                                         *(f" {m}" for m in MERGES[kind].modes)])
            if MERGES[kind].takes_window if kind in MERGES else False:  # a max pool's arguments, some wrong
                count = self.rng.choice(["", " 2x2", " 2", f" {self.number()} stride {self.number()}", " 3 ceil",
                                         f" 3x3 stride 2 pad {self.number()}", " 2 dilation 2 floor", " 2x2 widepad",
                                         " 2x2 shares x", " 2x2 nobias", " 2x2x3", " stride 2", " 2x2 exact",
                                         f" 3x3 stride 2 pad {self.number()} exact", " 2 exact ceil"])
            return label + f"{kind}{count} {{ " + " | ".join(branches) + " }"
        if r < 0.78:
            return label + f"repeat {self.number()} {{ {self.branch(depth + 1)} }}"
        if r < 0.85:
            return label + f"side{self.rng.choice(['', ' train'])} {{ {self.branch(depth + 1)} }}"
        if self.blocks:
            name, arity = self.rng.choice(self.blocks)
            args = [self.number() for _ in range(self.rng.choice([arity, arity, arity + 1, max(arity - 1, 0)]))]
            if self.rng.random() < 0.2:
                args.append("s=2")
            return label + f"{name}({', '.join(args)})"
        return label + self.layer()

    def branch(self, depth: int) -> str:
        parts = []
        if self.names and self.rng.random() < 0.2:
            parts.append("@" + self.rng.choice(self.names + ["missing"]))
        parts += [self.item(depth) for _ in range(self.rng.randint(1, 2))]
        return " ; ".join(parts)

    def answer(self) -> str:
        parts = []
        if self.rng.random() < 0.1:
            parts.append(self.rng.choice(["output", "Shape:", "size =", "output params", "flops"]))
        if self.rng.random() < 0.6:
            parts.append(self.rng.choice([f"{self.number()}x{self.number()}x{self.number()}",
                                          f"{self.number()} x {self.number()} X {self.number()}",
                                          f"[{self.number()}x{self.number()}x{self.number()}]", "[", "]",
                                          f"{self.number()} x", f"{self.number()} x {self.number()} x",
                                          f"{self.number()}X{self.number()}×{self.number()}",
                                          f"{self.number()}x{self.number()}", self.number(), "invalid",
                                          "INVALID invalid", "2.33", "3.0", "0.5", f"{self.number()}.{self.number()}"]))
        if self.rng.random() < 0.1:
            parts += [self.rng.choice(["height", "width", "DEPTH", "depth ="]), self.rng.choice(["0", "7", "x", "1e3"])]
        if self.rng.random() < 0.05:
            parts += [self.rng.choice(["rf", "RF", "rf ="]), self.rng.choice(["7", "7x7", "0", "3x3x3", "x", "1e3"])]
        if self.rng.random() < 0.05:
            parts += [self.rng.choice(["padding", "PADDING", "padding :", "padding padding", "input", "INPUT =",
                                       "input input", "input depth", "input WIDTH =", "input depth input",
                                       "filter depth", "filter height :", "filter depth filter", "input memory",
                                       "INPUT MEMORY =", "input memory input memory", "input : memory"]),
                      self.rng.choice(["3", "1x2", "0", "3x3x3", "x", "1e3", "99999999999999999999", "8x8x3x2",
                                       "4.1K", "16KB", "~3072"])]
        if self.rng.random() < 0.05:
            parts += [self.rng.choice(["filter params", "filter weights", "filter biases", "Filter Parameters =",
                                       ", filter params", "filter", "filter macs", "filter params filter params 1"]),
                      self.rng.choice(COUNTS)]
        if self.rng.random() < 0.05:  # one filter's shape
            parts += [self.rng.choice(["filter", "FILTER =", "filter :", "filter filter", "weights", "WEIGHTS =",
                                       "weights filter", "filter 3x3x3 weights"]),
                      self.rng.choice(["5x5x3", "3x5x5", "5x5", "5", "75", "0x5x5", "5x5x3x2", "x", "1e3",
                                       "99999999999999999999x3", "10x256", "(10, 256)", "5x5x3x2x1"])]
        for word in ("params", "weights", "biases", "macs", "memory", "connections"):
            if self.rng.random() < 0.3:
                parts += [self.rng.choice([word, word.upper(), "MACs", "Parameters", f", {word}", f"{word} ="]),
                          self.rng.choice(["", "", "", "~", "≈", "~ ", "~~"]) + self.rng.choice(COUNTS)]
        return self.rng.choice([" -> ", " -> ", " => ", " → "]) + " ".join(parts or ["55x55x96"])

    def block(self) -> str:
        name = f"b{len(self.blocks)}"
        params = self.rng.choice(["c", "c, s=1", "c, k=3, s=1", ""])
        arity = len([p for p in params.split(",") if p.strip() and "=" not in p])
        body = "\n".join("  " + self.item(1) for _ in range(self.rng.randint(1, 3)))
        self.blocks.append((name, arity))
        return f"block {name}({params}) {{\n{body}\n}}"

    def network(self) -> str:
        lines = []
        if self.rng.random() < 0.5:
            lines.append("network " + self.rng.choice(["AlexNet", "ResNeXt-50 32x4d", "é 中文", "", "x # y"]))
        if self.rng.random() < 0.95:
            dims = self.rng.choice([f"{self.number()}x{self.number()}x{self.number()}", self.number(), "HxWx3",
                                    "224x224x3", "32x32x3", "7x7x1", f"{self.number()} x {self.number()} X 3",
                                    "32 x 32 x", "32 x H x 3"])
            lines.append(f"input {dims}" + (f" batch {self.number()}" if self.rng.random() < 0.1 else "") +
                         (" -> " + self.rng.choice(["memory 3072 params 0", "macs 0", "weights 1", "memory 3K",
                                                    "32x32x3", "depth 3", "filter params 1", "params"])
                          if self.rng.random() < 0.08 else ""))
        if self.rng.random() < 0.2:
            lines.append(f"rounding {self.rng.choice(['floor', 'ceil', 'exact', 'up'])}")
        for _ in range(self.rng.randint(1, 8)):
            line = " ; ".join(self.item(0) for _ in range(self.rng.randint(1, 2)))
            if self.rng.random() < 0.3:
                line += self.answer()
            if self.rng.random() < 0.05:  # an answer in a comment (W046), or a remark
                line += "  # " + self.rng.choice([self.answer().lstrip(" ->"), self.answer(), "3x3 conv", "params",
                                                   f"{self.number()} PARAMS", f"{self.number()}x{self.number()}  x"])
            lines.append(self.pasted() if self.rng.random() < 0.03 else line)
        for _ in range(self.rng.randint(0, 2)):
            lines.append(self.rng.choice([f"expect total params {self.rng.choice(COUNTS)}",
                                          f"expect total macs <= {self.rng.choice(COUNTS)}",
                                          f"expect total memory < {self.rng.choice(COUNTS)}",
                                          f"expect total activations {self.rng.choice(COUNTS)}",
                                          f"expect total weights {self.rng.choice(COUNTS)}",
                                          f"expect total biases >= {self.rng.choice(COUNTS)}",
                                          f"expect total params in {self.rng.choice(['conv', 'fc', 'pool', 'relu'])} "
                                          f"{self.rng.choice(['layers ', 'layer ', ''])}{self.rng.choice(COUNTS)}",
                                          f"expect total macs in conv layers <= {self.rng.choice(COUNTS)}",
                                          f"expect total params with {self.rng.choice(['statistics ', ''])}"
                                          f"{self.rng.choice(['in conv layers ', ''])}{self.rng.choice(COUNTS)}",
                                          f"expect output {self.number()}x{self.number()}x{self.number()}",
                                          f"expect output {self.number()} x {self.number()}"]))
        return "\n".join(lines)

    def pasted(self) -> str:
        """A line of PyTorch or MATLAB code pasted among spec lines, possibly continued on the next line."""
        n = self.number
        code = self.rng.choice([
            f"nn.Conv2d({n()}, {n()}, {n()}, stride={n()}, padding={self.rng.choice([n(), repr('same'), '(1, 2)'])})",
            f"nn.MaxPool2d({n()}, {n()}, ceil_mode=True)", f"MaxPool2d({n()}, ceil_mode=False)",
            f"torch.nn.Linear({n()}, {n()})", "nn.ReLU(inplace=True),",
            f"self.conv{n()} = nn.ConvTranspose2d({n()}, {n()},\n    {n()}, stride={n()})",
            f"convolution2dLayer({n()},{n()},'Stride',[{n()} {n()}],'Padding',[{n()} {n()} {n()} {n()}])",
            f"maxPooling2dLayer({n()},'Stride',{n()})", "reluLayer", f"imageInputLayer([{n()} {n()} {n()}])",
            f"fullyConnectedLayer({n()},'Name','fc{n()}');", "additionLayer(2)", f"nn.Conv2d({n()}, ",
        ])
        return code if self.rng.random() < 0.8 else f"{self.rng.choice(WORDS)}{code}"

    def spec(self) -> str:
        parts = [self.block() for _ in range(self.rng.randint(0, 2))]
        parts += [self.network() for _ in range(self.rng.choice([1, 1, 1, 2]))]
        text = "\n".join(parts) + "\n"
        r = self.rng.random()
        if r < 0.05:
            text = "\ufeff" + text
        elif r < 0.1:
            text = text.replace("\n", "\r\n")
        elif r < 0.15:
            text = text.rstrip("\n")
        return text


# how a count is said in a sentence (`There are 608 parameters in CONV1`, `We get 760 parameters`)
SAID_LEADS = ["There are ", "There is ", "So it is 8x8x8 and there are ", "", "We get ", "It has ", "This layer has ",
              "That gives us ", "So "]
SAID_TAILS = ["", " in the CONV1 layer", " in total", " in", ".", " for"]
SAID_OUTPUTS = ["We get an output of 8x8x8.", "which results in a 8x8x0 output",
                "It outputs 8 activation maps of size 8x8",
                "(32 - 5 + 2*2)/1 + 1 = 32, so the output is 32x32x10", "8 * 8 * 8 = 512 values in the output",
                "We get better results with a 64x64x3 input.", "It outputs 8 maps of", "giving 1e99x2",
                "CONV1 params: 608; output: 8x8x8", "Parameters: 0. Output: 4x4x8.", "Output: 8x8x8; params: 1; MACs:",
                "CONV1 params: 608; POOL1 output: 4x4x8", "Params: 0. This is smaller. Output: 4x4x0",
                "Conv: 5x5, 8 filters, pad 2 -> 8x8x8", "CONV: 8 3x3 filters, same -> 8x8x8",
                "Conv: 3x3 conv, 0 filters",
                "CONV1: 8 3x3 filters, same, same", "Filter shape: 5x5x3", "Each filter is 5x5x0.",
                "Each filter's shape is 8x3x5x5", "What is the size of each filter? 75", "Kernel shape: 5x5 x",
                "Shape of each filter: 99999999999x3", "Each filter has size",
                "C1 contains 156 trainable parameters, and 122,304 connections.", "Connections: 0", "and 5 connections"]


# what follows an exercise's arrow, its output and counts
EXERCISE_ANSWERS = [" -> 32x32x10, 760 params", " -> 32x32x10 (760 params)", " -> 32x32x10, params 760, ~0.8K",
                    " -> params 760 (~7K)", " -> params 760, ~", " -> 3x3, I think", " -> 3x3,",
                    " -> output 4x4", " -> 32x32x10, params: lots", ""]


def channels_first(rng: random.Random) -> str:
    """An input written channels first, or as a list, or saying its order (`Input: 3x32x32`, `(1, 28, 28)`)."""
    side = rng.choice(["32", "28", "7", "0"])
    sizes = [rng.choice(["3", "1", "64", "0", "99999999999"]), side, side]
    said = rng.choice(["", ")", "]", "] INPUT", ") image", " (CxHxW)", " (HxWxC)", " (", " (channels first)", "]) ",
                       " (C x H x W) (RGB)"])
    return rng.choice([
        rng.choice(["Input: ", "Input volume: ", "[", "Input: ("]) + rng.choice(["x", ", "]).join(sizes) + said,
        "Input: " + rng.choice(["(1, 3, 32, 32)", "[3, 32, 32]", "torch.Size([1, 3, 32, 32])", "1x3x32x32",
                                "(3, 32, 32", "(,)", "[]", "(32, 32)"])])


# bytes beside an output's volume, and answers' labels, as sheets write them
BYTES_ASIDES = ["1.16 MB", "290,400 values, 1.16 MB", "1.16 MB, 1.36 MB", "1e99 MB", "34,944 params, 0.14 MB", "0 B",
                "1.16MB, 290,000 values"]
LABELS = ["Spatial output size", "FC1 input size", "Params ->", "Output shape ->", "Total connections",
          "Memory of all activations", "Memory for all the parameters", "Activation memory (total)"]


# a volume written without `x`, as after `Answer:`
WRITTEN_VOLUMES = ["[32, 32, 10]", "(10, 32, 32)", "32 by 32 by 10", "[32, 32", "(0, 5)", "32 by", "32⋅32⋅10"]


def worked(rng: random.Random) -> str:
    """The lecture's worked examples: statements a line each, answers on the lines after, prose between;
    and its output-size exercises."""
    lines = []
    for _ in range(rng.randint(0, 2)):
        n, k = rng.randint(0, 40), rng.randint(0, 9)
        told_layer = rng.choice([f"use a convolutional layer with {rng.randint(0, 100)} filters that are each {k}x{k}",
                                 f"apply max pooling with a stride of {rng.randint(0, 3)} and a filter size of {k}",
                                 f"apply average pooling with a filter size of {k}", "apply max pooling"])
        told_answer = rng.choice(["", " 7,600", " 29x29x32", " 0.01", "\nAnswer: 7,600", "\nAnswer: 16x16x16",
                                  "\nA: ?"])
        lines.append(rng.choice([
            f"Assume, input image is {n}x{n} filter is {k}x{k}" + rng.choice(["", f" stride is {rng.randint(0, 4)}"]),
            f"e.g. input {n}x{n}, filter {k}x{k}, applied with **stride {rng.randint(1, 3)}, pad** with "
            f"**{rng.randint(0, 3)} pixel** => what is the output?",
            f"input {n}x{n}x{rng.randint(1, 4)}, filter {k}x{k}, stride {rng.choice(['2', 'two', ''])} => output "
            f"{rng.randint(0, 40)}x{rng.randint(1, 40)}",
            f"{rng.choice(['', 'Example ', 'e.g. '])}N = {n}, F = {k}, stride {rng.randint(0, 4)}"
            f"{rng.choice(['', ', 5 filters', ', K = 0', ', 0 filters', ', K = 2, 3 filters', ', filters'])}"
            f"{rng.choice(['', ': output 3', ': output', ':'])}"
            f"{rng.choice(['', ', P = 1', ', Q = 2', ':'])}"
            f"{rng.choice(['', ' => 3', ' => 3x3', ' => (7-3)/2+1 = 3', ' => doesnt fit', ' => about 3', ' => 0'])}"
            f"{rng.choice(DIVIDED_ANSWERS)}",
            f"input {n}x{n}, filter {k}x{k}, stride 2 => {rng.choice(['3', '3x3', '0x3', '99999999999', 'maybe 3'])}",
            f"input {n}x{n}, filter {k}x{k}, stride 2 gives {rng.choice(['a 3x3 output', 'an', 'gives', '0', ''])}",
            f"{rng.choice(['Given', 'Consider'])} an input of {n}x{n}x3 and {rng.choice(['10', '0', ''])} {k}x{k} "
            f"filters with stride {rng.randint(0, 3)}{rng.choice(['', ', the output is', ', which gives'])} "
            f"{rng.choice(['', '5x5x10', '5x5x10 or 6x6x10', '5x5x10 with 260 params', 'lots', '0x5'])}",
            f"Input {n}x{n}x3, {rng.choice(['', '2 filters ', '0 ', '99999999999 '])}{k}x{k}x3"
            f"{rng.choice([' filter', ' filters', ' kernels', ''])}, stride {rng.randint(0, 3)} => {k}x{k}x2",
            f"{n}x{n} input, {k}x{k} filter, pad {rng.randint(0, 2)} -> {rng.choice(['3x3 output', '3', 'output'])}",
            f"{rng.choice(['A ', 'An input of ', 'Given a ', 'a '])}{n}x{n}x3{rng.choice([' input', ''])}"
            f"{rng.choice([', ', ' with a '])}{k}x{k}{rng.choice(['x3', 'x0', ''])} filter"
            f"{rng.choice(['', ', 10 filters', ', 0 filters', ', 99999999999 filters'])}"
            f"{rng.choice([' at stride 2', ', stride 1', ', pad 2', ''])}"
            f"{rng.choice(EXERCISE_ANSWERS)}",
            f"Input: {n}x{n}. Filter: {k}x{k}. Stride: {rng.randint(0, 3)}. Output: {rng.choice(['3x3', '', '3'])}",
            # the exercise a line a part, a layer's options a line each under it
            f"Input{rng.choice([':', ' size:'])} {n}x{n}{rng.choice(['', 'x3', 'x0', '.'])}\n"
            + rng.choice(["", f"Number of filters: {rng.choice(['10', '0', '99999999999999999999'])}\n",
                          "10 filters\n"])
            + rng.choice([f"Filter: {k}x{k}", f"Filter size: {k}x{k}x3, stride 2", f"A {k}x{k} filter",
                          f"{k}x{k} kernel", f"CONV1: 10 {k}x{k} filters", "Filters: lots"]) + "\n"
            + "".join(rng.choice(["Stride: 2\n", f"Padding: {rng.randint(0, 3)}\n", "Pad = 1 pixel\n", "Stride: 0\n",
                                  "Stride: 99999999999999999999\n", "Dilation: 2\n"]) for _ in range(rng.randint(0, 4)))
            + rng.choice(["Output: 3x3", "Output: doesn't fit", "Params: 10", "Padding: 2", ""]),
            # a side before its working, a volume below it; bytes beside a volume
            f"{rng.choice(['Output', 'Output size', 'Output:'])} = {rng.choice(['55', '53', '0', '1' * 25])} = "
            f"{rng.choice(['(227-11)/4+1', '(227-11)/4-1', '(N-F)/stride+1', '', '(((('])}"
            f"{rng.choice(['', ' = (N-F)/stride+1', ', params 34944', ', params x'])}\n"
            f"{rng.choice(['', 'Output volume = [55x55x96]', 'Output volume = [54x54x96]', '[96x55x55]'])}",
            f"Output: 55x55x96 ({rng.choice(BYTES_ASIDES)})",
            f"{rng.choice(LABELS)}{rng.choice([': ', ' = ', ' '])}"
            f"{rng.choice(['32', '(32, 32, 10)', '20,490', 'x', ''])}",
            f"An input of {n}x{n}x3 and ten {k}x{k} filters, stride {rng.randint(0, 3)}. What is the output volume"
            f"{rng.choice(['?', ':', ''])}\n"  # a multiple-choice question, its options and the pick
            + "\n".join(f"{rng.choice(['(', ''])}{letter}{rng.choice([')', '.', ''])} "
                        f"{rng.choice(['3x3x10', '5x5x10', '3', 'x', '0x3x10', '99999999999'])}"
                        for letter in rng.choice(["ab", "abc", "abd", "ba", "abcdefghi"]))
            + f"\n{rng.choice(['Answer: ', 'Correct answer: ', 'My answer: ', 'Answer '])}"
            f"{rng.choice(['(b)', 'a', 'C', '(z)', '(a) 3x3x10', ''])}",
            f"{rng.choice(['Example N', 'N', 'e.g. N'])} = {n}, F = {k}{rng.choice([', P = 1', ', F = 2', ''])}:\n"
            + "\n".join(f"{rng.choice(['', '- ', '• '])}{rng.choice(CASE_LETTERS)}{rng.choice([' ', ''])}"
                        f"{rng.randint(0, 4)}{rng.choice([' => ', ' = > ', ': ', ' -> ', ' = '])}"
                        f"{rng.choice(['(7 - 3)/2 + 1 = 3', '3x3', '2.33', 'lots', '', '1e999', '3$$'])}"
                        for _ in range(rng.randint(0, 4))),
            f"N = {n}, F = {k}, S = {rng.randint(0, 3)}{rng.choice(['. Output: ', ', output: ', ': output '])}"
            f"{rng.choice(['3', '3x3', 'lots', '', '99999999999', '3?'])}",
            f"{rng.choice(['Input ', 'Input: ', ''])}{n}x{n}{rng.choice(['x3', 'x0', ''])}"
            f"{rng.choice(['', ' input'])}, F={k}, S={rng.randint(0, 3)}{rng.choice(['', ', P=1', ', N=7', ', K=4'])}"
            f"{rng.choice([' -> 28', ' => 3x3x4', ' -> 10.33', '', ':', ' -> 1e999'])}",
            f"{n}x{n} input, {k}x{k} filter, stride {rng.randint(0, 3)}"
            f"{rng.choice([': 3x3 output', ': 3', ':', ': output 3x3', ': ?', ': 1.5'])}",
            f"{rng.choice(['Consider an', 'An', 'Take an'])} input of size {n}x{n}x3. We apply "
            f"{rng.choice(['a convolutional layer with ', 'a ' + str(k) + 'x' + str(k) + ' conv with ', ''])}"
            f"{rng.randint(0, 40)} filters{rng.choice([' of size ' + str(k) + 'x' + str(k), '', ' of size 0x1'])}"
            f"{rng.choice([', stride 1 and no padding.', ', stride 2, padding 1.', ', padding same', ', stride'])}",
            f"{rng.choice(['If we convolve a', 'A', 'Suppose the input is', 'An image of'])} {n}x{n}x3"
            f"{rng.choice([' image with', ' input and', ' and we use', ''])} "
            f"{rng.choice(['six', '96', 'zero', '', 'thirty-two', 'one hundred and five', 'ninety ninety nine'])} "
            f"{rng.choice([f'{k}x{k} filters', f'filters of {k}x{k}'])}"
            + rng.choice([" (stride 1, no padding)", " with stride 4", "", " with a stride of two",
                          " with a stride of two and padding of one", " with a stride of ten", " stride of"]) +
            f"{rng.choice([', we get a 28x28x6 activation map.', ' give an output of 55x55x96.', '', ' obtain'])}",
            f"Suppose you have an input volume of dimension {n}x{n}x{rng.randint(0, 64)}. How many parameters would "
            f"{rng.choice(['a single', 'one', 'a', 'single'])} {k}x{k} {rng.choice(['convolutional ', ''])}"
            f"{rng.choice(['filter', 'kernel', 'filters'])} have (including the bias)?"
            f"{rng.choice([' 17', '', ' lots', ' 0'])}",
            f'You have an input volume that is {n}x{n}x8, and pad it using "pad=2{rng.choice([".", ""])}"'
            f'{rng.choice([".", ""])} What is the dimension of the resulting volume? {rng.choice(["19x19x8", ""])}',
            # the problem told inside its question
            f"{rng.choice(['How many parameters does', 'What is the output size of', 'Q: What is the output of'])} "
            f"a {k}x{k} conv layer with {rng.choice(['64', '0', '99999999999'])} filters"
            f"{rng.choice([' have', ''])} on a {n}x{n}x3 input?"
            f"{rng.choice([' 1792', ' 224x224x64', '', ' lots', ' A: 3x3', ' 1e999'])}",
            # the layer told before its input
            rng.choice(["A 2x2 max pool with stride 2", f"{k} 5x5 filters, stride 1,", "An FC layer with 10 outputs",
                        "A 0x2 max pool", "Dense layer with 99999999999 outputs"]) + " "
            f"{rng.choice(['is applied to', 'on', 'are applied to'])} a {n}x{n}x{rng.randint(0, 64)}"
            f"{rng.choice([' volume', ' input', ' volume volume', ''])}"
            f"{rng.choice(['.', ', the output is a 28x28x64 volume.', ' gives a 28x28x64 volume.', ''])}",
            # Ng's quizzes: the problem, then a question about it, answered after its `?` or on the next line
            f"{rng.choice(['You have an input volume that is', 'Suppose your input is a'])} "
            f"{n}x{n}x{rng.randint(0, 16)}"
            f"{rng.choice([' image', ''])}, and {told_layer}{rng.choice(['', ', using a stride of 2 and no padding'])}."
            f"{rng.choice([' What is the output volume?', ' How many parameters does this hidden layer have?', ''])}"
            f"{told_answer}",
            f"Suppose your input is a {n} by {n} {rng.choice(['color (RGB)', 'grayscale', 'RGB', ''])} image, and "
            f"{rng.choice(['you are not using a convolutional network', 'you use 3 filters'])}. If the first hidden "
            f"layer has {rng.choice(['100', '0', '99999999999999999999', 'two'])} "
            f"{rng.choice(['neurons', 'units'])}, each one "
            f"{rng.choice(['fully connected', 'fully-connected', 'dense'])} to the input, how many parameters does "
            f"this hidden layer have?{told_answer}",
            f"You have an input volume that is {n}x{n}x{rng.randint(0, 16)}, and "
            + rng.choice(['pad it using "pad=2"', "zero-pad it with 3 pixels", "pad it", "pad it using pad=0"]) +
            f"{rng.choice(['', ' and apply max pooling'])}. What is the dimension of the resulting volume (after "
            f"padding)?{rng.choice(['', ' 19x19x8', chr(10) + 'Answer: 19x19x8', chr(10) + 'Answer: 19'])}",
            # pools, 1x1 convolutions and the lecture's letters told after an input
            f"{rng.choice(['Input', 'Input volume', 'An input of', 'Q2. Input'])} {n}x{n}x{rng.randint(0, 64)}, "
            + rng.choice([f"max pool with {k}x{k} filters and stride 2", f"{k}x{k} max pooling with stride 2",
                          f"goes through a {k}x{k} avg pool", f"max pooling, window {k}x{k}, stride 1",
                          f"pooling layer with F={k}, S=2", f"conv layer with K=10, F={k}, S=1, P=2",
                          f"{rng.randint(0, 64)} {k}x{k} CONV filters", f"max pooling with K=3, F={k}",
                          f"conv with {k}x{k} filters and max pooling", f"10 filters with F={k}, S=1"]) + "."
            + rng.choice(["", " What is the output? 3x3", " How many parameters does this layer have? 760",
                          " How many parameters does this layer have (ignoring biases)? 750", " Output size? 3x3",
                          " Output volume size?\nA: 3x3", " Number of parameters? 760", " Params? 7 60"]),
            # the lecture's letters told before their input
            f"{rng.choice(['', 'Q2. ', 'A '])}{rng.choice(['Conv layer with K=10', 'Max pooling with', 'K=3'])}, "
            f"F={k}, S={rng.randint(0, 3)}{rng.choice(['', ', P=1'])} "
            f"{rng.choice(['on a', 'is applied to a', 'on', 'to an input of'])} {n}x{n}x{rng.randint(0, 9)}"
            f"{rng.choice([' input', ' volume', ' image', ''])}{rng.choice(['.', ' -> 14x14x6', '. Output: 3'])}",
            rng.choice(["## Problem 2", "Problem 3:", "Exercise 1", "### Task 4 (b)"])]))
        lines.append(rng.choice(["", "Padding: 3", "What is the padding? 1x2", "Zero padding = (7-1)/2 = 3",
                                 "What padding keeps the output at 7x7? 1", "How much padding preserves the size? 0",
                                 "Padding needed to preserve the spatial size: 1x99999999999999999999",
                                 "Pad: 3x3x3", "The padding is 99999999999999999999",
                                 "Parameters (without biases): 34,848", "Params: 760 (no bias)",
                                 "Params w/o bias: 0", "Number of parameters: 5*5*3*10 = 750 (ignoring biases)"]))
        lines.append(rng.choice([f"output is {rng.randint(0, 9)}x{rng.randint(1, 9)}", f"{n}x{n} output!", "",
                                 f"Receptive field after POOL{rng.randint(0, 2)}: {n}x{n}", "RF after CONV1: 3",
                                 "doesn't fit!", "Output: invalid", "it does not fit because", "cannot apply"]))
    for _ in range(rng.randint(1, 3)):
        lines.append(rng.choice(["Input: 227x227x3 images", "Input volume: 32x32x3", "Input: 0x5x3 images",
                                 "Input: 4096", "Input: 0 values", "Input: 99999999999999 (flattened)",
                                 f"Input volume: {rng.randint(1, 300)}x{rng.randint(1, 300)}x{rng.randint(1, 64)}",
                                 f"{rng.choice(['Input image: ', 'Input size = ', 'The input is ', 'Input of size '])}"
                                 f"{rng.randint(0, 64)} x {rng.randint(1, 64)}x"
                                 f"{rng.choice(['3', '3 (RGB)', '', '3 (', 'x'])}",
                                 f"{rng.choice(['Input: a ', 'The input is a ', 'Input: '])}{rng.randint(0, 64)}x"
                                 f"{rng.randint(0, 99999999999)}{rng.choice(['x3', 'x1', 'x0', ''])}"
                                 f"{rng.choice([' RGB', ' grayscale', ' colour', ' RGB grayscale', ''])}"
                                 f"{rng.choice([' image', ' images', ''])}{rng.choice(['.', '', '..'])}",
                                 channels_first(rng)]))
        for i in range(rng.randint(1, 4)):
            lines.append(rng.choice([
                f"{rng.choice(['First', 'Second', 'Next'])} layer (CONV{i}): {rng.randint(1, 400)} "
                f"{rng.randint(1, 11)}x{rng.randint(1, 11)}x3 filters applied at stride {rng.randint(0, 4)}",
                f"{rng.choice(['Second', 'Third'])} layer (POOL{i}): {rng.randint(1, 4)}x{rng.randint(1, 4)} filters "
                f"applied at stride {rng.randint(1, 3)}",
                f"{rng.randint(1, 20)} different {rng.randint(1, 7)}x{rng.randint(1, 7)} filters with stride "
                f"{rng.randint(1, 3)}, pad {rng.randint(0, 3)}",
                f"{rng.choice(['Max pooling with ', 'POOL layer: ', 'Then a ', '', 'avg pool '])}"
                f"{rng.randint(0, 4)}x{rng.randint(1, 4)}{rng.choice([' max pool', ' filters', ''])}"
                f"{rng.choice([', stride 2', ' and stride 0', ' at stride 2, no padding', ' reduces it', ''])}",
                "Pooling layer: F = 2, S = 2", "max pool with 2x2 filters and stride 2",
                f"{rng.choice(['', 'Next, a ', 'Finally, another ', 'Followed by a ', 'Q3. Next, '])}"
                f"Conv layer with 6 filters of 5x5, {rng.choice(['no padding', 'without zero-padding', 'no bias'])}",
                f"CONV{i}: 6 5x5 filters, {rng.choice(PADDINGS)}",
                f"CONV{i}: " + rng.choice(SIZE_FIRST) + rng.choice(['', ', stride 1', ' (stride 1)']),
                rng.choice(FLATTENS), rng.choice(UNNAMED),
                f"{rng.choice(['Apply ', 'CONV: ', ''])}{rng.randint(0, 12)} "
                f"{rng.choice(['5x5 filters', 'filters, 5x5'])}"
                f"{rng.choice([' (stride 1, pad 2)', ' (stride 1', ', pad 2)', ' -> 32x32x10 (750 params)', ''])}",
                "CONV: K=10, F=5, S=1, P=2", "CONV: K=10, K=3",
                f"CONV{i}{rng.choice([' (', ' ', ' - ', ' = ', ' layer: ', ' with ', ' has ', '('])}"
                f"{rng.choice(['10 5x5 filters, stride 1, pad 2', 'big 5 filters', 'K=10, F=5, S=1, P=2', ''])}"
                f"{rng.choice([')', '', '))', ') -> 32x32x10'])}",
                f"conv{i}-{rng.choice(['64', '128 conv3-128', ''])}",
                "Fourth layer (): nothing", "Fifth layer (WHAT1): is this", "7 different filters",
                f"S{i}: 2x2 {rng.choice(['max pool', 'average pooling', 'subsampling', ''])}, stride 2",
                f"C{i}: {rng.randint(0, 20)} 5x5 filters",
                f"CONV{i}: {rng.randint(0, 99)}@{rng.choice(['5x5', '5x5x3', '5', '0x5', '5x5x5x5'])}"
                f"{rng.choice([' filters', ', stride 2', ' kernels (pad 1)', ''])}",
                f"Layer {i}{rng.choice([': ', ' - ', ' = ', ' '])}{rng.choice(['CONV', 'max pool', 'FC', 'ReLU', 'x'])}"
                f"{rng.choice([' 96 11x11, stride 4', ', 3x3, stride 2', ' 4096', '', ', output 5x5'])}"
                f"{rng.choice([' -> 55x55x96', ', output 27x27x96', '. Output: 5x5x8. Params: 760', ''])}",
                f"CONV{i} (96 11x11 filters, stride 4){rng.choice([': 55x55x96', ':', ': 34,944 params', ''])}",
                f"CONV{i}: conv {rng.randint(0, 99)} {rng.choice(['11x11', '3', '5x5 5x5'])}, stride 4",
                f"CONV{i}: 8 filters{rng.choice([', ', ' '])}F{rng.choice(['=', ' = ', ': ', ''])}"
                f"{rng.choice(['3', 'x', '3x3', '', '0'])}{rng.choice([', S = 2', ', P = 1', ''])}"]))
            for _ in range(rng.randint(0, 3)):
                lines.append(rng.choice([
                    f"Output volume = [{rng.randint(1, 60)}x{rng.randint(1, 60)}x{rng.randint(1, 400)}]",
                    "Output volume size:", f"so {rng.randint(1, 40)}x{rng.randint(1, 40)}x10",
                    f"{rng.choice(['Answer', 'Resulting volume', 'Output volume', 'Ans'])}: "
                    f"{rng.choice(WRITTEN_VOLUMES)}",
                    f"{rng.choice(['# of parameters', '#params', '# Parameters', 'Number of learnable parameters'])}"
                    f"{rng.choice([': 760', ' = 750', '', ': lots'])}",
                    f"Output volume size: {rng.randint(0, 40)}*{rng.randint(0, 40)}"
                    f"{rng.choice(['*10', ' * 10 = 10240', '*', '*3*1', ' + 5', ''])}",
                    f"Number of parameters in this layer = (11*11*3+1)*96 = {rng.choice(['35K', '34944', '0', '1e5'])}",
                    "The number of parameters in this layer = 0", "Number of parameters in this layer = lots",
                    "Output = 55 = (227-11)/4+1 = (N-F)/stride+1", "After CONV1: 55x55x96", "",
                    f"After the {rng.choice(['', 'first ', 'last ', 'fifth '])}"
                    f"{rng.choice(['pool', 'conv layer', 'fc'])}{rng.choice([':', ',', ''])} "
                    f"{rng.choice(['the output is ', ''])}{rng.randint(0, 60)}x27x96",
                    "After POOL1, the output is 27x27x96", "After the pooling layer the volume is 13x13x256",
                    f"FC{i}: {rng.randint(0, 99)} neurons{rng.choice([', no bias', ' (no bias)', ', bias=False', ''])}"
                    f"{rng.choice(FC_COUNTS)}",
                    f"L{rng.randint(0, 3)}: {rng.choice(['8 3x3 filters', '2x2 max pool', '10 neurons', 'x'])}, "
                    f"stride {rng.randint(0, 3)}", f"L{rng.randint(0, 3)} {rng.choice(['params', 'output'])}: 5",
                    f"What is the output volume of L{rng.randint(0, 3)}? 4x4x8", "DW1: 3x3 depthwise, stride 1",
                    f"{rng.choice(['Output: ', f'CONV{i} -> ', 'POOL1 → '])}"
                    f"{rng.choice(['floor', 'ceil', 'floor(', ''])}((27-{rng.randint(0, 30)})/2)+1 = "
                    f"{rng.randint(0, 30)}{rng.choice(['', ', so 14x14x8'])}",
                    f"Output: {rng.randint(1, 30)}x{rng.randint(1, 30)}x8 (rounded {rng.choice(['down', 'up', ''])})",
                    # a working of several steps, true or not, its numbers up to the digits read and past them
                    f"{rng.choice(['Number of parameters in this layer: ', 'Params: ', f'CONV{i} params: '])}"
                    f"{rng.choice(['', 'each has ', '$'])}{working(rng)}"
                    + f" = {rng.choice(['', str(rng.randint(0, 10**6)), '76 + 1 = 77', '3.5K', '2.33'])}"
                    f"{rng.choice(['', ' params', '$', ', so 760'])}",
                    # a single number with a remark or a rounding after it, the output layer in words
                    f"{rng.choice(['Output size', 'Output spatial size', 'Output depth', 'output'])}: "
                    f"{rng.choice(['14', '14.5', '0', '1e9', ''])}{rng.choice(REMARKS_AFTER_A_NUMBER)}",
                    f"{rng.choice(SAID_LEADS + [f'CONV{i} has '])}"
                    f"{rng.choice(['608', '0', 'no', '1e99', ''])} {rng.choice(['learnable ', 'trainable ', ''])}"
                    f"{rng.choice(['parameters', 'params', 'weights', 'filters'])}"
                    f"{rng.choice(SAID_TAILS + [f' in CONV{i}', f' in total for CONV{i}', f' for POOL{i}.'])}",
                    f"The output is 8x8x8 and the number of parameters is {rng.choice(['608', 'lots', ''])}",
                    rng.choice(SAID_OUTPUTS),
                    f"{rng.choice(['MACs: ', 'Params: ', 'Total params: ', 'The network has ', 'Output: '])}"
                    f"{rng.choice(SPELLED_COUNTS)}{rng.choice(['', ' parameters', ' values'])}",
                    f"Layer {rng.randint(0, 5)}{rng.choice([' output', ' params', ''])}: "
                    f"{rng.choice(['16x16x10', '760', 'x'])}",
                    f"{rng.choice(['Output', 'Output layer', 'Output (FC)', 'FC7 (output)', 'OUTPUT', 'FC7 ()'])}: "
                    f"{rng.randint(0, 90)} {rng.choice(['neurons', 'units', 'classes'])}"
                    f"{rng.choice(['', ', params = 850', ', 850 params', ', params = 10,164', ', params ='])}",
                    f"{rng.choice(['CONV1 output: ', 'Output of POOL1: ', 'Output of : ', 'FC output: '])}"
                    f"{rng.randint(0, 60)}x{rng.randint(1, 60)}x96",
                    f"Layer {rng.randint(0, 3)} (CONV{i}): 8 3x3 filters at stride 1 {rng.choice(['→', '->', '=>'])}"
                    f" {rng.choice(['output ', 'shape: ', ''])}{rng.randint(0, 40)}x{rng.randint(1, 40)}x8",
                    f"After {rng.choice(['CONV', 'POOL', 'FC'])}{i}: {rng.randint(0, 60)}x{rng.randint(1, 60)}x96",
                    # a network as calls, on one line between arrows or a call per line
                    f"{rng.choice(['', 'Network: ', 'Architecture: ', '- '])}"
                    + rng.choice([' -> ', ' → ', ' => ', '->', ' ⇒ ']).join(
                        rng.choice(CALLS) for _ in range(rng.randint(1, 6))),
                    rng.choice(CALLS),
                    # answers below a listing, after the name of the layer they are about
                    f"{rng.choice(['CONV', 'POOL', 'FC', 'Conv', 'fc'])}{rng.choice([str(i), '1', '', ' 1'])}"
                    f"{rng.choice(NAMED_ANSWER_TAILS)}{rng.choice([': ', ' = ', ' ', ':'])}"
                    f"{rng.choice(['', 'output ', '~'])}{rng.randint(0, 60)}x{rng.randint(1, 60)}x{rng.randint(0, 99)}"
                    f"{rng.choice(COUNTS_AFTER_VOLUME)}",
                    f"Layer {rng.choice([str(i), '1', '2', '0', '99999999999'])}"
                    f"{rng.choice([' output: ', ': ', ' has ', ' parameters: ', ' -> ', ' '])}"
                    f"{rng.choice(['16x16x10', '760 parameters', '25,610', 'lots', '10, 25,610 params', ''])}",
                    f"Layer {i}: "
                    f"{rng.choice(['Fully connected, 10 outputs', 'Max pool 2x2, stride 2', 'Conv, 8 3x3'])}",
                    f"{rng.choice(['Output of layer ', 'Number of parameters in Layer ', 'What is the output of '])}"
                    f"{rng.choice(['layer ', ''])}"
                    f"{rng.choice([str(i), '1', '0', '99999999999'])}{rng.choice([': ', '? ', ' '])}"
                    f"{rng.choice(['16x16x10', '760', 'lots', ''])}",
                    f"{rng.choice(['Output of ', 'After ', ''])}{rng.choice(['CONV', 'POOL', 'FC'])}"
                    f"{rng.choice([str(i), ''])}{rng.choice([': ', ' params: ', ' output: ', ' has '])}"
                    f"{rng.choice(VOLUME_THEN_COUNT)}"
                    f"{rng.choice(WORKED_COUNTS)}"
                    f"{rng.choice(['', ' params', ' weights', ' params, 5 biases', ' MACs'])}",
                    f"{rng.choice(['CONV', 'POOL', 'FC'])}{rng.choice([i, 1])}: {rng.randint(0, 60)}x"
                    f"{rng.randint(1, 60)}{rng.choice(['x96', ' (8 channels)', ' filters', ''])}",
                    f"{rng.choice(['- ', '=> ', '* ', ''])}"
                    f"{rng.choice(COUNT_HEADS)}"
                    f"{rng.choice([': ', ' = ', ' '])}"
                    f"{rng.choice(WORKED_COUNTS)}{rng.choice(['', '', ' MACs', ' multiplications'])}",
                    f"({rng.choice(WORKED_COUNTS)}{rng.choice([' params', ' weights', ''])}"
                    f"{rng.choice([')', ') (with biases)', ' (with biases))', ''])}",
                    "Output: " + rng.choice(['7.5x7.5x20', '1.16x16x10', '32.x32', '.5x5', '4096', '4,096', '32!',
                                             '(32, 32, 10)', '10x32x32 (CxHxW)', '(C, H, W)', '[1, 2] (HWC)',
                                             'torch.Size([1, 10, 32, 32])', 'torch.Size([', '(None, 32, 32, 10)',
                                             '1x32x32x10', '0x1x1x1', '(2, 3, 4, 5)', 'torch.Size()', '(None,)',
                                             '6@28x28', '0@1x1', '6 @ 28x28x3', '6x(28x28)', '0 x (1 x 1)',
                                             '6x(28x28x3)', '28x28 with 8 channels',
                                             '28x28x6 (8 channels)', '8 feature maps of 28x28', '28x28 @ 0',
                                             '28x28, depth 99999999999', '28x28 feature maps, 8 of them',
                                             '55, 55, 96', '55 55 96', 'H=55, W=55, D=96', 'H: 55, H: 55',
                                             'H = W = 55, D = 96', 'H = H = 5', 'D = 96', 'W = (9-3)/2+1 = 4',
                                             'height 0, width 1', 'C = 3, W = 2', '1, 2, 3, 4, 5', ', ,', 'H=, W=',
                                             '28x28 by 8', '28 by 0', '1.5 by 2', 'by 8',
                                             '28x28x6 (6 filters, each 5x5)', '28x28x6 (from a 32x32 input',
                                             '28x28x6 (or 28x28x8)', '28x28 (from)', '32*32 = 1024', '32*32 = 1e9',
                                             '(32 − 5 + 2×2)/1 + 1 = 32', '(2x2 + 32 - 5)/1 + 1 = 0', '- 32x32x10',
                                             '32x32x10 - 10 filters', '(2x2 +', '5 + 2x2', '(3x3 - 99999999999)',
                                             '32x32 = 1024 positions, 760 params', '32*32 = ',
                                             '32x32x10 (32x32 per map)',
                                             '32x32x10, i.e. 8 activation maps of 32x32', '28x28 (0 depth slices)',
                                             '10240 neurons', '4096 neurons, 25,610 params', '9 units, lots',
                                             '1e999 values', '32x32x10, no parameters', '32x32x10 with no biases',
                                             '32x32x10, no', '32x32x10 and no no weights']),
                    f"{rng.choice(['Shape: ', 'After CONV1: ', 'Feature maps: '])}"
                    f"{rng.randint(0, 40)}x{rng.randint(1, 40)}{rng.choice([' (8 channels)', ', depth 6', ''])}",
                    f"{rng.choice(['W2', 'H2', 'D2', 'Output depth', 'Output width'])}"
                    f"{rng.choice([' = (32 - 5 + 4)/1 + 1 = ', ': ', ' = '])}"
                    f"{rng.choice(['32', '0', 'K', '32x', '1.5K'])}",
                    f"{rng.choice(['What is the output volume of ', 'Number of parameters in ', 'Params of '])}"
                    f"{rng.choice(['CONV1', 'POOL1', 'FC7', 'CONV1 and POOL1', 'the layer', ''])}"
                    f"{rng.choice(['? ', ': ', ' = '])}{rng.choice(['55x55x96', '4096', '0', '34,944', ''])}",
                    f"{rng.choice(['- ', '=> ', ''])}Output{rng.choice([': ', ' volume ', ' '])}"
                    f"{rng.randint(0, 60)}x{rng.randint(1, 60)}x{rng.randint(1, 400)}",
                    f"{rng.choice(['Q: ', 'Q3. ', '2) ', '(b) ', 'Question 1: ', ''])}"
                    f"{rng.choice(QUESTIONS)}?\n"
                    f"{rng.choice(BARE_ANSWERS)}",
                    f"{rng.choice(QUESTIONS)}"
                    f"{rng.choice(['?', '? ', '? A: ', ' of the 5x5 filter?'])}"
                    f"{rng.choice(['760', '32x32x10', 'about 760', 'Think.', '', '1.1G', '0x5'])}"]))
    return "\n".join(lines) + "\n"


APPROXIMATE_ANSWERS = [" (~35K params)", ", ~35000 params", " -> params ~35000", " (~)",
                       " (about 1 params, 2 MACs, 3 params)", ", ~ params", " -> params ~", " (34 944 params)",
                       " -> params 3.5 x 10^4", ", 1 000 000 params", " (params: 7*10**2)", " -> 1 234 567x8",
                       " -> rf 3", ", RF: 3x3 pixels", " -> depth 8 width 0", ", depth 3", " -> rf 3x3x3", " -> rf",
                       ", receptive field = 99999999999", " -> height: 2 height 2", " => rf 3 rf 3"]
UNNAMED = ["FC: 10 neurons", "Fully connected layer with 10 neurons", "FC layer: 0", "BN: Batch normalization",
           "Batch norm", "Dropout: 0.5", "Dropout (p = 0.5)", "Dropout (760 params)", "ReLU", "Softmax -> 10",
           "POOL1: 2x2 avg pool, stride 2", "POOL2: mean pooling 3x3", "BN2: batch norm", "FC: 99999999999 units",
           "Dropout 50%", "Fully connected layers see the whole volume", "ReLU: rectified linear unit",
           "POOL3: 3x3 filters at stride 2 (ceil mode)", "POOL4: 3x3 filters at stride 2, ceil_mode=True",
           "POOL5: 3x3 at stride 2 (rounded up) (floor)", "CONV7: 8 7x7 filters (same padding)",
           'CONV8: 8 7x7 "same" convolutions', "CONV9: 8 3x3 filters, same convolution, rounding down",
           "POOL6: 3x3 filters at stride 2 (ceil", "CONV10: 8 3x3 filters ('valid' padding)",
           "Global average pooling -> 1x1x64", "GAP: 1x1x0", "GMP -> 64", "Global max pooling: 99999999999x1",
           "POOL7: global average pool -> 1x1x8", "Layer 3: Global max pooling, stride 2",
           "UPCONV1: 8 2x2 filters at stride 2 -> 8x8x8", "DECONV2: 8 3x3 filters, stride 2, output padding 1",
           "UP1: transposed conv, 0 filters 3x3, output padding 9", "UP2: deconv, 8 filters",
           "CONVT3: 8 3x3 filters, pad same", "DWCONV1: 32 3x3 filters, pad 1 -> params 320", "DW2: 3x3, stride 2",
           "CONV_DW3: 0 3x3 filters", "UNPOOL1: 2x2 filters at stride 2 -> 8x8x16", "SEPCONV1: 8 3x3 filters",
           "ADAPTIVEPOOL1: 7x7 -> 7x7x8", "POOL5: adaptive max pool to 0x1", "Adaptive average pooling 7x7x7",
           "ROIPOOL1: 7x7 -> 7x7x8", "NORM2: Layer normalization -> params 16", "LN1 -> params 16",
           "Spatial pyramid pooling -> 1x1x64", "Some layer -> 760 params"]
# answers naming their layer by a part's letter, a place, a number among all or of a kind, or in the plural
REFERENCES = ["INPUT(9x9x3) -> [CONV(99999999999 filters, 3x3) -> RELU] x 64 -> FC(1)",
              "INPUT(9x9x3) -> [CONV(9 filters, 3x3) -> [9x9x9]] x 2 -> FC(1)", "[CONV(9 filters, 1x1) -> RELU]*2",
              "MACs of (a): 9", "(ii) CONV: 8 1x1 filters", "Output of part b = 9x9x8", "Params for (z): 99999999999",
              "(iv) Output of (iv): 1x1x1", "Params of the 1st conv: 9", "The 10th layer's output: 9x9x9",
              "First layer params = 9", "CONV layer 99999999999 params: 1", "0th layer output: 1",
              "Params in Layer #2: 9", "Params of conv layer 99999999999: 1", "Output of the bottleneck layer: 9x9x9",
              "Pool layer 0 output: 1x1x1", "Params of the conv layers: 9", "MACs of all FC layers = 1e9",
              "Params of the convs:", "Params of the layer before the pool: 9", "Output of the previous layer: 9x9x9",
              "Params of Conv 1: 9", "Params of pool 99999999999: 0", "Layer 2 params: 9", "4. FC 10 neurons",
              "FC 0 neurons: 9 params", "Output of the first ReLU: 9x9x9", "After the 10th sigmoid: 1",
              f"Params of layer {'9' * 4400}: 1", f"Conv {'9' * 4400} output: 9x9x9",
              "Input size of CONV1 = 9x9x9", "POOL1 receives a 0x0x0 volume.", "Input shape for FC9: 1e9",
              "CONV2 receives 1e99 values", "The input to POOL1 has 0 channels", "CONV9's input has 9.9K values.",
              "Input to CONV9: 99999999999 values\nCONV9: 1 1x1 filters", "The input of FC1 holds shape 0x0x0",
              "Input to POOL1: 9 values\nInput to POOL1: 9x9x9\nInput to POOL1: 0 feature maps",
              "(n_H, n_W, n_C) = (0, 99999999999, 9)", "n_H x n_W x n_C = 9 x 9", "(n_C, n_H, n_W) = 9x9x9x9",
              "POOL1 (after CONV9): 9x9x9", "CONV1 (cf. POOL1, FC9) params: 1e9", "Flattened CONV9 output: 1e99",
              "FC1 input (after flattening): 0x0x0", "CONV1 output after pooling: 9x9x9", "CONV1 output after: 9",
              "CONV2 in/out: 0x0x0 / 9x9x9", "CONV2 (input 9x9x9): 0", "CONV2 input -> output: 9 -> 9x9x9",
              "Output of POOL1 / input of CONV9: 9x9x9", "CONV2 takes a 0x0x0 input", "Going into FC9: 9",
              "FC1 fan-in: 99999999999", "CONV1 in_channels = 0", "FC9 has 1e9 outputs", "W shape: (3, 3, 3)",
              "Layer | Output | Params\nCONV1 | 9x9x9 | 9\nPOOL9 | 0 |", "CONV1 needs 9 mults",
              "Output of this layer: 9x9x9", "This layer's params: 99999999999", "Its output =", "H x W x D = 0x0x0",
              "C x H x W = 9x9x9x9", "CxHxW: 9", "Computation: 9 multiply-adds", "Conv 2 output: 9x9x9",
              "For Conv 99999999999, output: 1", "In layer 3 there are 9 parameters.", "For the 2nd conv, params =",
              "Operations:", "- 1.", "Weights (with bias): 9", "Weights: 9 (bias included)", "Weights w/o bias = 0",
              "It has 99999999999 weights (incl. biases).", "-> 9x9x9, 9 weights (+ bias)", "CONV1 out: 9x9x9",
              "POOL1 shape =", "FC1 #params: 1e9", "CONV9 has output 0x0x0", "Max pool output: 9x9x9",
              "The pool's output:", "Network total params = 9", "| Layer | Output | Params |\n|---|---|---|",
              "| CONV1 | 9x9x9 | 9 |", "| Conv 99999999999 | 1 | 1 |", "| Pool | 0x0x0 | |",
              "Output size after each layer:\n1) 9x9x9\n2) 0x0x0\n99999999999) 1", "Output sizes:",
              "We feed a 9x9 RGB image to the following network:", "max-pooling with window 2x2 and stride 2",
              "max pool, window size 0, stride 9", "CONV1 cost: 9 MACs", "POOL1 computational cost: 1e9 multiply-adds",
              "FC1 ops: MACs", "Output: 9x9x9, 9 multiply-adds", "CONV1: 1e9 multiply-accumulate operations",
              "-> 0x0x0 with 9 multiplications", "Output of layer 99999999999: 9x9x9, params 9", "Output 0: 9x9x9",
              "Params 99999999999: 1", "First layer: 9x9x9", "1st layer: 9 params", "Last layer: 0x0x0, 9 MACs",
              "CONV1", "For CONV9:", "**POOL1**", "Layer 2", "For the pool:", "Conv layer:", "Answers for conv 0:",
              "Depth after CONV1: 0", "Spatial size of POOL9's output: 9", "Shape of the output of layer 2: 9x9x9",
              "Output size of FC1: 1e9", "Output of CONV1: [9x9x9]", "After the pool the output is 0x0x0",
              "After max pooling the size is", "CONV1 has 99999999999 output channels", "Size after padding: 9x9x9",
              "Answer (params): 9", "Ans (number of MACs) = 0", "CONV1 | output 9x9x9 | params 0 | MACs:", "POOL1 |",
              "Answers:\n1) 9x9x9\n99999999999) 0", "CONV1 - params: 9 ✓", "POOL1 (MACs) = 0", "CONV1: (0x0x0)",
              "FC1 trainable params: 1e9 (correct)", "CONV1: 9x9x9 | 9 params",
              "What is the output of CONV1?\nThe output is 0x0x0.", "Q: CONV9 output\nA: 9x9x9", "Q1:\nA1: 9",
              "It needs 99999999999 MACs.", "Parameters in total = 1e9", "Total weights and biases: 9",
              "Sum: 0 params", "The network needs 9 multiply-adds in total.", "Final output size is 9x9x9",
              "Number of parameters in the network: 99999999999", "Total 1e9 params", "TOTAL 9",
              "Number of learnable parameters in the network: 9", "Parameters (whole network): 0",
              "CONV9 (K = 99999999999, F = 9, S = 0, P = 9): output 9x9x9, params 1e9", "CONV1 K=0, F=0 -> 0x0x0",
              "Layer 9 (CONV 9x9, 99999999999 filters): 9x9x9, 0 params", "Layer 1 (max pool 0x0) -> 9",
              "The output is 9x9x9 and it has 99999999999 learnable parameters.",
              "Fully connected layer with 99999999999 neurons: 1e9 params", "ReLU (no change): 0x0x0",
              "POOL9: max pool, F=0, S=99999999999 -> 9", "FC9: 9 -> 9 (params: (99999999999 + 1) x 9 = 0)",
              "It has 99999999999 weights and 0 biases, 1e9 in total.", "It gives 0x0x0 feature maps",
              "Consider the network below with a 0x0x0 input.", "Flattened input: 99999999999",
              "Input is flattened: 9*9*99999999999 = 1e9", "Input to this layer: 9,999,999,999,999",
              "The output is 9x9x9. It has 9*99999999999 + 9 = 0 parameters.",
              "Fully connected layer with 9 neurons: 99999999999*9 + 9 = 1e9 params",
              "So after CONV9 the output is 0x0x0.", "Therefore, we have 99999999999 parameters.", "Params - 1e9",
              "MACs — 99999999999", "All parameters: 0", "Then a 0x0 max-pooling layer with stride 99999999999.",
              "Flatten and a fully-connected layer with 99999999999 units.", "Next comes a dense layer of 0 units.",
              "Next comes a dense layer of 9 units.\n   Parameters: 1e9",
              "CONV9: 99999999999 filters 9x9, padding of 0 pixels on each side", "CONV1: 9 filters, kernel 0",
              "POOL9: max pool (0x0, stride 99999999999)", "FC9: 99999999999 output units with softmax activation",
              "Hidden layer: 9 neurons\nOutput layer: 99999999999 neurons\n  Params: 0",
              "CONV1 => 1e9 params", "CONV9.params = 99999999999", "CONV1.output = 0x0x0", "CONV9 (params) 1e9",
              "BN: 99999999999 params + 1e9 non-trainable", "BatchNorm: 0 parameters, plus 99999999999 running stats",
              "Layer 9\n- Type: Conv\n- Filters: 99999999999\n- Kernel size: 0\n- Stride: 1e9\n- Padding: same",
              "Layer 1 (Max pool)\n- Pool size: 0x0\n- Stride: 99999999999\n- Output: 9x9x9", "### FC9\n- Neurons: 0",
              "Network: Input 0x0x0 -> CONV(9 filters, 9x9) -> FC(99999999999)", "Input: 9 -> FC(0) -> FC(9)",
              "Output spatial dimension: 99999999999", "Output dimension: 0", "Height x width: 99999999999x0",
              "HxW = 1e9", "CONV9 height and width: 99999999999", "Width x height: 9x99999999999",
              "99999999999 weights + 1e9 biases = 0 params", "It has 0 weights + 9 biases = 99999999999 parameters.",
              "99999999999 filters x 1e9 = 9 params", "Output width and height: 9x99999999999",
              "Output: FC 99999999999 -> params = 0", "OUTPUT: FC(0), params = 1e9", "Output: Dense(99999999999)",
              "Classifier: FC 99999999999 -> params 0", "Final layer: FC(1e9)", "Head: Dense(0), params 99999999999",
              "The first convolutional layer uses 99999999999 filters of size 0x0 with stride 1e9 and padding 9.",
              "The ninth pooling layer uses a 99999999999x0 window.", "The last FC layer has 0 neurons.",
              "A 0x0 max pooling with stride 99999999999 gives 1e9x9x9.", "9 filters, giving 0x0x0 with 1e9 params",
              "The network takes a 99999999999x0x9 input.", "Then a 9x9 conv with 1e9 filters produces 9x9x0 output.",
              "Params: 99999999999 since pooling has no weights", "CONV9: 0 params, because 1e9", "Activation size: 0",
              "POOL9 activation size = 99999999999", "Activations: 0x0x99999999999",
              "FC: Linear(in=99999999999, out=0)", "CONV9: Conv2d(in=0, out=1e9, kernel_size=99999999999)",
              "FC9: 0 neurons (99999999999 inputs)", "FC1: 9 neurons (1e9 input features) -> params 0",
              "Params: 99999999999 = 0 × 1e9", "Params: 9 = 99999999999x99999999999x99999999999",
              "CONV9: 0 filters 9x9, pad 99999999999 (same) -> 0x0x0", "CONV1: 9 filters 0x0, pad 1e9 (valid padding)",
              "We have 99999999999x0x9.", "After this layer, the output is 0x99999999999x1e9.",
              "Does POOL9 have parameters? No", "Does CONV99999999999 have any weights? Yes", "Does it have params? no",
              "Each filter has 99999999999 parameters; 0 filters give 1e9.", "9 filters give 99999999999 parameters.",
              "Each filter has 0 weights, so the layer has 99999999999.",
              "Each activation map is 0x0, and there are 1e9 of them.",
              "Each feature map is 99999999999x9; there are 99999999999 such maps",
              "FC9: 99999999999-way softmax", "Softmax: 1e9 classes", "CONV9: 0x0x0 filters (99999999999 of them)",
              "CONV9: 99999999999 filters of size 0x0\n  with stride 1e9 and padding 99999999999",
              "CONV1: 9 filters\nstride 0, pad 99999999999",
              "Output: 99999999999 class scores", "Final output: 0 classes", "Layer 9 (FC): 99999999999 neurons",
              "W_out = 99999999999", "n_C = 0", "H2 = 99999999999, D2 = 9", "W2 = 1e9 and D2 = 0",
              "n_H = n_W = 1e9, n_C = 9", "Output shape: [1, 9, 99999999999, 99999999999]", "Output: (1, 0, 0, 9)",
              "Output: 9x9x9 (PyTorch order)", "Output layer params: 1e9", "The network gives 99999999999 outputs",
              "Layer 999 is a convolutional layer with 99999999999 filters of size 0x0.", "CONV1 params: 9 = 0 * 1e9",
              "Layer 1 is a max pooling layer with pool size 99999999999 and stride 0.",
              "Computational cost: 1e9 MACs", "CONV9 operations (MACs): 99999999999", "Total operations (MACs): 0",
              "The pooling layer output is 0x0x0", "Max-pool output = 9x9x9", "CONV1 feature maps: 99999999999",
              "CONV1 ==> 9x9x9", "POOL9 --> 0x0x0", "CONV1 FLOPs (MACs): 9", "CONV1 FLOPs: 1e9",
              "Compute for FC1: 9 MACs", "CONV1 activations: 0x0x0", "What does POOL1 output? 9x9x9",
              "What's the depth after CONV9? 0", "CONV1 [9x9x9] params: 1e9", "POOL1 reduces it to 0x0x0",
              "POOL9 halves the spatial size:", "CONV1 feature map size: 9x9", "POOL1 keeps the depth: 9x9x9",
              "First layer: .", "The 10th layer: !", "Output 1: .", "Params of the 99999999999th hidden layer: 9",
              "The hidden layer has 0 parameters.", "Output layer: 1e9 params", "Hidden layer:", "### CONV1",
              "## Layer 99999999999", "For POOL1:\nOutput: 9x9x9\n\nOutput: 0x0x0",
              "CONV1: 9*9*9 + 9 = 0 params", "CONV9 has (0 + 1)*99999999999 = 1e9 MACs", "POOL1: 9 params (9*0)",
              "CONV1: 9x9 = 9x9x9", "CONV1: ( = 9 params", "FC1: 9 / 0 = 9 weights", "CONV1 - 9 params",
              "POOL9 - 99999999999 MACs, 0 params", "FC1 learns 1e9 weights", "- 9 params", "CONV1 holds",
              "How many MACs does POOL9 need? nil", "How many params? none", "? zero",
              "[9x9x9] CONV1", "[0x0x0] POOL9:", "[99999999999x9x9] FC1", "[9x9x9]",
              "CONV1: 9 maps of 9x9", "POOL1: 99999999999 activation maps of size 0x0", "CONV1: 9 channels of",
              "The CONV1 layer output is 9x9x9", "CONV9 layer: 9 params", "CONV1 total: 0 MACs", "FC1 no. of weights",
              "The 99999999999th layer outputs 9x9x9", "The first layer gives a", "The CONV1 layer",
              "CONV1: ~9K MACs", "FC: about 1e9 params", "POOL9: approx. . 0 weights", "CONV1: ~ params"]
FLATTENS = ["Flatten", "Flatten layer", "Flatten: 512", "Output: $55 \\times 55 \\times 96$", "`Output: 55x55x96`",
            "Params: $34{,}944$", "Params: $1{,}2{,}3$", "Params: 34\\,944", "Params: {,}944", "99999{,}999{,}999",
            "For CONV1, the output volume is 0x0x0.", "In the first layer, there are 99999999999 parameters.",
            "The first layer's output volume is 55x55x96.", "Its output volume is 1x1x1.", "For POOL9, the output is",
            "In this layer, the output is 55x55x96 neurons", "-> 55x55x96 neurons, ~35K params",
            "__Params__: 760", "$$", "```", "Params: $760", "\\times\\cdot$`__",
            "Dense 10 (softmax)", "FC 4096 (ReLU)", "Dense 0 (relu)",
            "FC6 (softmax)", "Input image: 28x28x1 (MNIST)", "Input: 32x32 (CIFAR-10)", "Input: 32x32x3 (32x32x1)",
            "Input: 32x32 CIFAR-100 image", "Consider a CNN for 28x28 Fashion-MNIST digits.", "Input: 0x0 CIFAR-10",
            # the input's counts beside it or under it, a second colon before answers, answer labels, workings
            "Input: 32x32x3 -> 3072 values", "Input: 32x32x3 (3,072 numbers)", "Input: 9x9x9 -> memory 1e99",
            "Memory: 3072", "Input values: 99999999999", "Number of input values: 0", "Input: 3072 values",
            "Params: 0", "Values: 32*32*3 = 3072", "Input: 0x0x0, i.e. 0 values", "Input: 1x1x1 = 1.5 values",
            "CONV1: 32 3x3 filters, stride 1, pad 1: output 32x32x32", "FC: 10 neurons: params: 30730",
            "CONV2: 64 3x3 filters: stride 1, pad 1 -> 16x16x64", "CONV1: 32 filters: 3x3, pad 1: output 0x0",
            "Layer 1: Conv layer with 32 filters of 3x3, stride 2, padding 1.", "Layer 9: conv layer",
            "Answer: parameters = 30*30*32*10 + 10 = 288010.", "A: (128 + 2 - 3)/2 + 1 = 64.5 -> 64, so 64x64x32.",
            "Answer: 11*11*3*96 + 96 = 34944", "A: 1.5 -> 2", "(55 − 3)/2 + 1 = 27 → 27 × 27 × 96; no parameters",
            "floor((55-3)/2)+1 = 27 -> 0x0x0", "(1)/0 = 1 -> 1x1x1", "= 9.99999 -> 9",
            "S2: subsampling (2x2, stride 2)", "CONV1: convolution (6 filters, 5x5, stride 1)", "CONV1: conv (",
            "7. Output: 10 units (softmax) -> params 850", "Output: 10 units (x) -> params",
            "The input to our network is a 64x64 RGB image.", "Consider an input image of 1x1x1 passed through it.",
            "Add the input (skip connection) -> 56x56x64", "Residual block 2:", "+ identity shortcut", "Residual add",
            "Skip connection: add the block's input -> 0x0x0", "## Block 1", "conv_a: 64 3x3 filters, pad 1",
            "BN_a: batch norm", "Params of conv_a: 36,928", "Add the input -> 1", "Depthwise: 3x3, stride 1",
            "MACs of depthwise: 1", "MACs of pointwise: 9", "If the stride were 3:", "With 64 filters instead:",
            "Layer,Output,Params", "conv1,32x32x16,448", "A standard conv would have 18,496 parameters.",
            "model.add(Conv2D(32, (3, 3)))   # output (None, 30, 30, 32), params 896", "model.add(Flatten()) # 0",
            "x = layers.Conv2D(32, 3)(x)  # (None, 0, 30, 32)", "nn.Conv2d(1, 8, 3),  # -> 26x26x8, 80 params",
            "nn.Flatten(),  # -> 1352", "```python\nnn.Linear(1352, 10),  # -> 10, 1e99 params\n```", "# -> 1",
            "CONV1: 16 3x3 filters, pad 1 -> torch.Size([1, 16, 32, 32])", "-> shape (1, 16, 32, ",
            "Parameters of block 1: 37,568", "Input: W1 x H1 x D1 = 32 x 32 x 3", "K = 8 filters, F = 5",
            "Q4. Same layer but with P = 2.", "W2 = (32 - 5 + 4)/1 + 1 = 32",
            *REFERENCES,
            "Flatten -> 0", "Flatten (512 values)", "Flatten [1x1",
            "Flatten (", "FLATTEN1: 7x7", "Flatten the volume", "Flatten: 1.5", "Flatten to 99999999999999999",
            "Flatten:", "3. NORM1", "RELU2", "POOL3", "CONV9", "FC99999999999", "**NORM4**", "- NORM5:",
            "### Layer 1: CONV1\n- Filters: 96 filters of size 11x11x3, stride 4", "## Input\n227 × 227 × 3",
            "## POOL1\n- 3x3 max pooling, stride 2", "CONV2\n- 0 5x5 filters", "### FC9\n- 99999999999 neurons",
            "## Input\n\n\n0x0x0", "### CONV3\n- Filters: ", "### Layer 1:\n- 8 3x3 filters",
            "CONV4 — 8 3x3 filters — 0x0x0", "CONV5 – 8 3x3 filters, pad 1 – 760 params", "CONV6 —", "— CONV7 —",
            "CONV8: 8 3x3 filters ⇒ 32×32×8", "CONV9: input 32x32x3, 8 3x3 filters ⟶ 30x30x8",
            "CONV10: input 0x0x0, 8 3x3 filters", "CONV11: input 99999999999x3x3, 8 3x3 filters, pad 1",
            "The network takes a 32x32x3 image.", "The model takes as input a 0x0x0 volume",
            "The input to the network is a 32x32 RGB image.", "The network's input is a 0x0x0 volume",
            "Given an input volume of 32x32x3, apply the following:", "Let the input be 0x0x0.", "Image: 99999999999x3",
            "An input volume of 32x32 is given.", "C5: 120 fully connected units",
            "FC1: 120-unit fully connected layer", "maxpool (3x3, stride 2, pad 1): 56x56x64", "conv (3x3, 0): 9x9x0",
            "conv 3x3, 99999999999, stride 1 -> 3x3x3", "pool ((2x2)): 1x1x1", "CONV1: 8 3x3 filters (x2) -> 1x1x8",
            "2 x CONV3-64 -> 0x0x0", "CONV2: 8 3x3 filters (x99999999999)", "Params: 1 (twice)", "conv (x65)",
            "99999999999999999999 x conv 3x3, 8 filters", "W1 = 32, H1 = 32, D1 = 3", "W1 = H1 = 0, D1 = 99999999999",
            "Hyperparameters: K = 10, F = 5, S = 1, P = 2", "W1 = 32, W1 = 3, D1 = 3", "Network: input 0x0x0",
            "Input layer: 99999999999x9x9", "Example N = 7, F = 3:\nstride 3 => 2.33 => doesn't fit => 2",
            "stride 2 => (7 - 3)/2 + 1 => 3 => 4", "=> =>", "After pooling:\nOutput: 16x16x10",
            "Subsampled:\nAfter pooling:\nOutput: 1",
            "The pooling halves it:\nPOOL9: 2x2 max pool\nOutput: 0x0x0", "CONV1: 3x3 conv, 64 -> 1",
            "conv 1x1, 8 -> 2x2x8", "Conv2D(32, (3,3), padding='same') -> 8x8x32, 320 params, ~0.3K",
            "nn.MaxPool2d(2) -> 0x0x8", "Dense(99999999999) -> 1", "Conv2D(((( ->",
            "DepthwiseConv2D(3, depth_multiplier=0) -> 1x1x1", "DepthwiseConv2D(99999999999)",
            "Depthwise conv 3x3, pad 1 -> 8x8x8, params 80", "Conv dw 99999999999x3 -> 1", "dw dw dw 3x3 ->",
            "1x1 pointwise conv, 8 filters -> 8x8x8", "Branch 2: 1x1 conv, 8 filters -> 8x8x8",
            "CONV_3x3_reduce: 8 1x1 filters -> params 99999999999", "pool proj:", "Branch 99999999999999999999: 1",
            "Depthwise separable conv 3x3 -> 1", "Output: 55^2 x 96", "Output: 99999999999²×1", "Output: 0**2 * 3",
            "Params: 11^2*3*96 + 96", "Output: 5^2^2", "-> 16^2x10, params 760", "FC1: 784 -> 256, params 200,960",
            "FC2: 99999999999 -> 1", "FC3: 1 -> 99999999999 neurons", "Conv1: 3 -> 8, 3x3, pad 1 -> 8x8x8",
            "Conv2: 3x3, 99999999999 -> 0 channels", "Conv3: 8 -> 8 filters", "Step 1: conv 3x3, 8 filters",
            "Conv layer #1: 8 filters 3x3", "C1 (conv): 8 3x3 filters", "L1 - conv 3x3, 8 filters", "Step 2: pooling",
            "X9 (pool): -> 1", "# 1:", "Step 99999999999 - 1x1", "All convolutions use 'same' padding.",
            "Assume zero padding of 99999999999 for all 3x3 convolutions.", "All convs: pad 9999, 99999x1",
            "Padding is 'same' everywhere, 1x1 and 3x3.", "Ignore the bias terms.", "(ignore biases)",
            "Biases are included.", "Hidden layer 2: 128 neurons -> params 1",
            "Output layer: 10 neurons, softmax", "Input: 8x8x1, flattened to 64",
            "Input: 8x8x1 (flattened: 99999999999",
            "Input image 8x8 (grayscale), flattened to 1,000,000,000,000,000,000,000", "DW1: depthwise conv 0x0",
            "VGG-16, input 224x224x3", "conv3-64: output 224x224x64, params = 3*3 + 1 = 10",
            "maxpool: output 0x0x0", "CONV2: 8 filters 3x3 wibble, params = 3*3*3 + 1 = 28",
            "FC1: 120 -> params = 400*120 + = 48120", "FC1: 9 -> params = (((1 = 2",
            "FC2: 1 -> macs = 1*1 = 99999999999", "Consider a CNN for 0x0 grayscale images.",
            "Problem 3. A network for 99999999999x2 RGB images:",
            "FC2: a fully connected layer with 0 units", "(a) CONV: 8 filters, 3x3. Output: 32x32x8",
            "Given an input of 32x32x3 and 8 filters of 3x3.\nCONV1: 8 filters, 3x3 -> 30x30x8, params 224",
            "Input to POOL1: 16x16x10\nPOOL1: 2x2 max pool, stride 2", "Before FC: 0\nFC: 10 neurons",
            "Input to CONV9: 99999999999x1x1", "Conv layer 1: 8 3x3 filters\nPooling layer 1: 2x2, stride 2",
            "Layer 3: CONV with 8 filters of size 3x3\n  Input volume: 32x32x3\n  Output volume: 30x30x8",
            "POOL1 is a 3x3 max pool with stride 2 applied to the output of CONV1. What is its output?",
            "POOL2 is a 2x2 pool applied to CONV 9", "Weights: 34,848 (no biases)",
            "| Layer | Output | Params |\n|---|---|---|\n| Conv2d(3, 16, 3, padding=1) | 16x32x32 | 448 |",
            "| Layer | Output |\n|---|---|\n| nn.Linear(0, 99999999999) | 10 |", "| MaxPool2d( | 1x1x1 |",
            "| Layer | Output | Params |\n|---|---|---|\n| conv3-64 (x2) | 224x224x64 | 38,720 |\n"
            "| maxpool | 0x0x0 | 0 |",
            "| Input (x99999999999) | 8x8x3 |", "| 2 x maxpool | 1 |",
            "Layer 1 - Conv: 32 filters, 3x3, stride 1, same padding", "Layer 4 - Flatten", "Layer 4: Flatten",
            "Layer 9: Normalization", "Layer 6 - Dense: 10 units, softmax", "Layer 2 - : 0", "Layer 3 -",
            "Then we flatten the output.", "Apply batch normalization.", "Flattening", "and , we flatten",
            "Then max pooling is applied.", "Next we upsample by 99999999999.", "We global",
            "The pool outputs 0x0x0", "The conv layer gives a 99999999999x1x1 volume", "The fc outputs",
            "The first layer is a convolution with 8 3x3 filters, stride 1 and padding 1.",
            "The second layer is a 2x2 max pooling with stride 2.", "The last layer is a", "The eighth layer is",
            "The third layer is a fully connected layer with 99999999999 neurons", "3x3 conv, 64", "7x7 conv, 64, /2",
            "3x3 conv, 0, /0", "1x1 conv, 99999999999", "3x3 max pool, /2", "CONV1: 7x7 conv, 64, /2, pad 1",
            "7x7 conv, 64, /2 -> 112x112x64", "3x3 conv, 64 (", "pool, /2", "pool, /0 -> 1x1x1",
            "max pool, /99999999999", "POOL1: pool, /2 ->", "avg pool", "avg pool -> 0x0x0",
            "CONV2: 3x3 conv, 64 -> 56x56x64, params 36,928", "POOL1: max pool 3x3/2, pad 0",
            "CONV1: conv 7x7/2, 64 filters", "conv 7x7/0, 99999999999 filters", "7x7/99999999999 conv, 64",
            "POOL1: 3x3/2 max pool", "3x3/0 avg pool -> 1x1x1", "POOL1: maxpool 3x3, stride 2", "3x3/ max pool",
            "conv3-64", "conv3-64 -> 224x224x64, params 1,792", "conv0-0", "conv99999999999-3", "conv2-64",
            "maxpool", "max pool -> 0x0x0", "avg pool", "soft-max", "FC-4096 -> 4096", "FC-0", "Upsample x2",
            "2x upsampling", "Max Pool /99999999999", "Zero padding 0", "Crop 99999999999", "Resize 0x0", "Conv 1",
            "torch.Size([1, 6, 28, 28])", "torch.Size([0, 0, 0, 0])", "torch.Size([99999999999, 1])", "torch.Size([",
            "Output W = 0", "H_out = 0, W_out = 99999999999", "0 feature maps of 0x0", "Output memory: 1e99",
            "Output: 55 (width) x 27 (height) x 96 (depth)", "Output: 0 (C) x 0 (H) x 0 (W)", "Output: 5 (H) x",
            "Output: 5 (H) x 5 (H)", "Output: 55x55x96 | Params: 34,944", "Params: approx. 35,000", "Params: approx.",
            "Output width = 55, height = 55, depth = 96", "Output width: 0, output height: 0", "Output width = output",
            "conv3-64 -> 224x224x64", "conv0-0: 0x0x0", "CONV3-99999999999 → 1x1x1", "conv3-64 -> 5x5x5, 9 params",
            "| CONV1 | 3x5x5 | 1 |", "11x11 x 96", "- 2,752 params, 175,616 MACs", "34_944 params", "(7_220 params)",
            "1_2_3 params", "params: 760, 768K MACs, 9 values", "9_999_999_999_999_999_999 params, 0 MACs", "0_0 MACs",
            "nn.MaxPool2d(2, 1) (0 params)", "nn.Conv2d(3, 10, 5) (760 params, (", "760 params; 1_000 MACs and",
            # several answers on a line, and how they are told apart: bars, no separator, a total, a word between
            "Params = 760 | MACs = 768K", "Params = 760 MACs = 768K", "Weights: 750, biases: 10, total: 760",
            "Weights = 750 with biases = 10", "Params: 750 weights, 10 biases", "Output: (8, 8, 8), params: 608",
            "# weights = 1, # biases = 2", "Params: 760 MACs", "Weights: 1, total params so far: 2", "total: | 3 |",
            "Params: 760 (751 + 10)", "MACs: 7K (3*3*8*96)", "Params: 1 ((2 + 3)*4)", "Params: 0 (1 - 1)",
            "Output = 8x8x8 | params = 608 | MACs = ", "Params: 9 weights, total", "Weights: 1 | total 2 | total 3",
            # headings that state a layer, an input under a layer, MobileNet's abbreviations, a count's parts after
            # an arrow, LaTeX's arrows, a spaced tilde, numbers past the digits read, answers labelled after a full
            # stop, problems told in a sentence with their answers after them
            "### Layer 1: CONV (8 filters, 4x4, stride 2, pad 1)", "### CONV1: 99999999999 filters 4x4",
            "Layer 1: CONV(8 filters, 4x4, stride 2, pad 1): 1x1x1", "Layer 2: POOL (2x2, stride 2)\nInput: "
            "16x16x8\nOutput: 0x0x0", "## Layer 1: conv (\nInput: 1x1x1\nParams: 1",
            "PW conv 1x1, 64 filters -> 1x1x64, params 2,112", "DWConv 3x3 -> 0x0x0",
            "Conv pw 1x1, 99999999999 filters",
            "-> params 296 (288 weights + 8 biases)", "-> 8x8x8, params 296 (288 + 9)", "params 1 (1 weights + + 2 "
            "biases)", "-> params 1 (2 weights + 99999999999999999999 biases)", "$\\rightarrow$ $28 \\times 28$",
            "\\longrightarrow \\to \\approx", "MACs ~ 118K", "Params ~ ~ 1", "MACs $\\approx$ 1e99",
            "FC (99999999999999999999999 → 10) -> params 1", "Input: 9999999999999999999 values",
            "Pool: 2x2 -> 1000000000000000000000x14x6", "A3. 32x32x16", "A3) Output: 1", "Ans. 99999999999",
            "Q3. A 2x2 max pool with stride 2 follows. Output volume?", "There are 3*3*3*32 + 32 = 900 parameters.",
            "An input volume of 127x127x3 goes through a convolutional layer with 32 filters of size 3x3, stride 2 and "
            "no padding. The output volume is 63x63x32. The layer has 896 parameters.",
            "An input of 33x33x3 goes through a conv with 8 filters of size 3x3, stride 2x2, resulting in 0x0x8.",
            "An input of 32x32x3 goes through a conv with 8 filters of size 5x5 moving 2 pixels at a time.",
            "With stride 3, a 3x3 filter on a 7x7 input does not fit.", "CONV1: [1x1, 64] -> 56x56x64",
            "Output: W=32 H=0 D=99999999999", "W2=1 H2=1 W2=1", "H = 3 W = 3 = 4", "POOL1: (0, 16, 16)",
            "POOL1: 16·16·99999999999", "POOL1: 16x16x16 (same)", "POOL1 reduces 0x0x0 to 1x1x1",
            "POOL1: 99999999999x1x1 -> 1x1x1", "POOL1: [0x0x0] → 16x16x16, 1e999 params", "CONV1: 3x3x3 -> 0x0x0",
            "POOL1 maps 1x1x1 into 2x2x2", "POOL1: from 0x0 to 99999999999x1", "Input: 1x1x1 -> Output: 0x1x1.",
            "POOL1 -> 1x1x1, input 99999999999x1x1", "POOL1: 1x1x1, input 0x0x0", "Output: 1x1x1, input 1x1",
            "CONV1: 8 3x3 filters, pad 1: 0x0x0 -> 1x1x1", "POOL1: 2x2 max pool: 1x1 → 99999999999x1x1, 1 params",
            "0x0x0 -> CONV9: 8 3x3 filters -> 1x1x1", "99999999999x1 → POOL1 → 1x1x1", "1x1x1 -> CONV1:",
            "CONV1: 1e999 parameters (0 weights, 99999999999 biases)", "CONV1 has 1 params (", "CONV1 has depth 0",
            "CONV1 has a depth of 99999999999.", "CONV1 has an output depth of",
            "Each filter has 0 weights + 99999999999 bias", "It has 1e999 weights plus 1 biases + 2 weights",
            "Each filter has 1 parameters (0 weights + 1 bias", "It has 5 weights + 1 bias = ",
            "FC1: 0 -> 99999999999", "FC1 maps 1e999 to 10", "FC1: 0 inputs -> 1 outputs", "FC9 takes 1 inputs and",
            "Dense1 takes 99999999999 inputs and gives 0 outputs", "CONV1: 3 -> 0",
            "CONV1 padding: 99999999999", "CONV1's zero padding = 1e999", "CONV9 pad (each side): 0", "CONV1 pad (: 1",
            "CONV1: 0 params, 0x0x0", "POOL1: 1e9 params; 99999999999x1x1", "POOL1 keeps the depth: 0",
            "POOL9 preserves the same width at 99999999999",
            "Input: 9x9x1; 99999999999 filters 3x3, pad 1; params = 1e999", "Input: 1x1x1; 1 filters 1x1; number of",
            "Input: 0x0x0; 2 filters 9x9, stride 0; MACs: 99999999999; params =",
            "| Layer | In | Out |\n|---|---|---|\n| POOL9 | 0x0x0 | 99999999999x1x1 |\n| CONV1 | | 1e9 |",
            "| Layer | Input |\n|---|---|\n| CONV1 | 99999999999 |\n| FC | 1x1x0 |",
            "| Layer | Output size |\n|---|---|\n| CONV1 | 0 |",
            "| Layer | H | W | C |\n|---|---|---|---|\n| POOL1 | 0 | 1 |",
            "| Layer | Output (CxHxW) |\n|---|---|\n| CONV1 | 99999999999x1x1 |", "POOL1 height: 0, width: 1e9, depth:",
            "CONV9 output height: 99999999999, output width: 1",
            "Activation shape: (0, 1, 1), activation size: 1e999", "POOL1 output: 1x1x1, activation size:",
            "Output: 1x1x1, size: 99999999999", "Output: 0x0x0, numel = 1e9", "Output: 9x9x9, total size:",
            "Params: 448, i.e. 1e999", "MACs: 0 ie 99999999999K", "Params: 1, i.e.", "CONV1 filter: 0x0x99999999999",
            "Each CONV9 kernel is 1x1", "CONV1 filters are", "CONV2 RF: 99999999999x0", "Output: 1x1x1 & 1e999 params",
            "CONV1: 8 3x3 filters -> 0x1x1 (CxHxW)", "nn.Conv2d(3, 8, 3) -> (99999999999, 1, 1)", "-> 1x1x1 (C,",
            "nn.Conv2d(3, 8, 3) -> (8, 0, 0) (channels first)", "the first layer output volume: 0x0x0",
            "The 9th layer output depth: 99999999999", "The first layer performs 1e999 multiply-adds",
            "The second conv layer needs", "Depth: 16, input 0", "Output: 1x1x1, total: 99999999999",
            "This layer output: 0x0x0", "This layer receptive field: 99999999999", "POOL9 has an output of 1x1x0",
            "The 9th layer has an output volume of", "The second layer receptive field: 1e999",
            "FC9 outputs 99999999999 values", "The FC layer gives 0 scores", "Layer 0 has 1e999 outputs",
            "| Layer | Params (K) |\n|---|---|\n| CONV1 | 1e999 |\n| POOL9 | 0.0001 |",
            "CONV1: [0x1, 99999999999] -> 1", "CONV1: 64 1x1 filters -> 56x56x64 (1 weights + 1e999 biases)",
            "CONV1 sees a 0x5 region of the input",
            "A neuron in POOL9 sees a 99999999999x1 patch of the image.", "Each CONV1 unit looks at a 5x5 patch of",
            "A 0x0 filter on a 1x1 input gives 2.33, so",
            "Applying a 3x3 conv with 64 filters and padding 1 to 56x56x64 gives 1e999 params.",
            "We apply a 99999999999x1 filter to a 1x1x1 image, and it does not fit",
            "An input of 9x9x1 goes through a conv with 1 filters of size 5x5 with 99999999999 pixels of zero "
            "padding -> 1x1x1",
            "An input of 1x1x1 goes through a conv with 1 filters of size 1x1, padded with 0 zeros. Thus the output is "
            "1x1x1. In total there are 2 parameters.",
            "An input of 32x32x3 goes through a conv with 8 filters of size 3x3 and 5 learnable",
            "An input of 9x9x1 goes through a conv with 2 filters of size 3x3 and 9 params", "There are 1 * = 2 params",
            "The conv layer has 1 weights plus 2 biases, 3 parameters in all", "The FC layer has 0 weights and",
            "Weight shape: 96x3x11x11", "Kernel shape: (0, 3, 11, 11)", "Weights shape: [1, 1, 99999999999, 1]",
            "Weight shape: 4096x9216", "Weight shape: (", "Kernel shape: 3x3x3x3x3",
            # a working under a layer ending in a hanging word; volumes after `Size:`/`Shape:` with more after them;
            # a flatten numbered in words, global pools in one word, a count bare before a size, a dash after a
            # kind, a pool's kernel, a VGG name's options after a comma, an unread statement with an answer, a
            # numbered problem's input, answers listed by name, a number alone after an arrow, `After … we have`
            "conv1: 6 filters 5x5, stride 1, no padding", "  output = (28-5)/1+1 = 24 -> 24x24x6",
            "size: (28-5)/1+1 = 24 -> 24x24x6, params 156", "Shape: 24x24x6, 156 params", "Size: 0x0x0 I think",
            "layer 2: flatten => 1024", "Layer 9: Flatten -> 0", "GlobalAvgPool -> 1x1x64", "GlobalMaxPooling2D:",
            "GAP -> 2x1x64", "Conv(32, 3x3, s=1, p=1) -> 8x8x32", "conv (0, 3x3, stride 1) -> 1x1x1",
            "Conv: 32, 99999999999999999999x3", "maxpool — 2×2, stride 2", "max pool – 0x0", "conv — 16 filters",
            "Max pool, kernel 2, stride 2", "MaxPool kernel=0 stride=0", "Max pooling (kernel 2, stride 2)",
            "Max pooling (kernel", "conv3-64, pad 1: 32x32x64", "conv3-64, pad 0: 30x30x64", "conv3-0, pad 1:",
            "Conv: 64 3x3 filters, pad 1, pad 0: 30x30x64", "64 3x3 filters, pad 1, pad 0: 1792",
            "1) Input 39x39x3. Conv layer: 10 filters, 3x3, stride 1, no padding. Output?  37x37x10",
            "A conv layer has 10 filters of size 3x3, stride 1, no padding.", "(a) Output dimensions after each layer:",
            "- CONV1: 64x64x16", "- MAXPOOL9: 1x1x1", "- FC1: 16*16*32*100 + 100 = 819300", "Total: 826166",
            "Number of parameters per layer:", "CONV2 output: 32x32x32", "=> 10, params 5770", "-> 0", "=> 4",
            "10, params 5770", "After conv1 we have 55x55x96.", "After conv9 the volume is 1x1x1 and it has 0 params.",
            "Layer A: convolution, 16 filters of size 5x5, stride 1, padding 2", "Layer B: max pooling, 2x2, stride 2",
            "Layer C: fully connected, 10 outputs", "Output of layer B: 32x32x16", "Output of layer Z: 1x1x1",
            "Layer II: max pool 2x2, stride 2 -> 16x16x8", "Layer IX: FC 10 -> 10", "Output of layer 2: 10, 25 params",
            "Output of layer 9: 0 neurons", "Layer 2: 2x2 subsampling, stride 2", "Layer 2: LRN (n = 0)",
            "NORM2: local response normalization, size 99999999999999999999", "LRN2: size 3", "FC2 output: 11 neurons",
            "After FC2: 0 neurons", "up-conv 2x2, 512 filters, stride 2 -> 56x56x512", "2x2 up-convolution, 0 filters",
            "transposed conv 0x0, 4, stride 0", "Three 3x3 conv layers with 16 filters each, stride 1, pad 1",
            "99999999999999999999 conv layers, 3x3, 16 filters", "Two FC layers of 0 neurons", "Two conv layers each",
            "2. Conv (6 @ 5x5, stride 1, valid) -> 28x28x6 ; params: 156", "Conv (0 @ 0x0)", "NORM1: 27x27x96",
            "CONV1 (96 filters 11x11, stride 4, pad 0): (227-11)/4+1 = 55 => 55x55x96", "-> (9-3)/0+1 = 0, so 1x1x1",
            "The network takes a 128x128 RGB image.", "pool: global average", "| Conv1 | 5x5x16 | 1 | 2 | 64x64x16 |",
            "Stem: 7x7 conv, 64 filters, stride 2, padding 3", "Params: 9408 (no bias, BN follows)",
            "It has 34,944 parameters, about 35K.", "It has 1 parameters, which is a lot.", "conv: 26x26x8",
            "An input of 32x32x3 goes through a 5x5 conv with 10 filters, pad 2, then a 2x2 max pool, then fc (10).",
            "What is the final output volume?", "pool: 26/2 = 13 -> 13x13x8", "(d) A 1x1 convolution to 8 channels.",
            "Params conv2: 3*3*16*32 + 32 = 4,640", "Activations memory for conv9: 0 bytes = 0 KB",
            "conv1: 32 filters 3x3, padding = (F-1)/2 = 1, stride 1", "padding = (F-1)/0 = 99999999999999999999",
            "b) Number of weights: 7*7*3*64 = 9,408. Number of biases: 64. Total: 9,472.",
            "How many weights and biases does the layer have?", "Weights: 11*11*3*96 = 34,848. Biases: 96.",
            "Q: output of conv1? A: 32x32x16", "Q: output of conv0? A:", "-> output 48x48x32; #params = 320",
            "# of params: 0", "Consider a CNN with input 64 x 64 x 3 and the following layers:",
            "(a) Output size after each layer:", "  CONV: 64 x 64 x 8", "  POOL: 0 x 0 x 0", "  FC: 10",
            "(b) Parameters: CONV1 = 608, CONV2 = 1,168, FC = 40,970", "Parameters: FC = 1, FC = 2",
            # the fifty-fifth session's: a numbered layer's side then its volume, a heading with `Layer 1:` below, a
            # filter's counts then the layer's, an exercise's cases under its input and filter in words, layers
            # named by a letter, a count of filters after the options, a pool called with its side
            "Layer 1: (64 - 5 + 2*2)/1 + 1 = 64, so 64x64x16", "Layer 9: (0 - 5)/0 + 1 = 0, so 0x0x0",
            "(b) Number of parameters:", "Layer 1: 5*5*3*16 + 16 = 1216", "Layer 2: 0", "Layer 99999999999999999999: (",
            "Each filter has 7*7*3 = 147 weights and 1 bias, total = 148*10 = 1480.",
            "Each filter has 148 parameters, so 10 filters have 1480.", "so all 0 filters: 99999999999999999999 params",
            "An input of size 7x7x1, filter 3x3.", "7x7 input, 3x3 filter:", "(i) stride 1, no padding: output 5x5",
            "- S = 2, P = 1: 4x4", "(iii) stride 0, no padding: doesn't fit",
            "- stride 3, padding 99999999999999999999:", "Conv A: 3x3, 256 filters, stride 1, padding 1",
            "Conv B: 3x3, 0 filters", "Output of Conv B: 56x56x256", "Params of Conv Z: 1",
            "Conv 3x3, stride 1, 128 filters, pad 1 -> 16x16x128", "conv 0x0, stride 0, 0 filters",
            "Transposed conv 2x2, 128 filters, stride 2 -> 32x32x128 (params 2*2*256*128 + 128 = 131,200)",
            "input 64x64x3 -> conv(32, 3x3, s=1, p=1) -> maxpool(2) -> avgpool(3, 2) -> pool(0) -> fc(10)",
            "maxpool(99999999999999999999)", "maxpool(2, 0)",
            "| CONV1 (f=5, s=1, 8 filters) | (28, 28, 8) | 6272 | 608 |", "CONV1 (f=5, s=1, 0 filters, 9 filters)",
            "Each filter has 75 weights and 1 bias (760 params in all)",
            "Each filter has 0 weights and 0 biases; total 0",
            "Parameters: 25 weights and 1 bias per filter, 156 params in total",
            "Biases per filter: 99999999999999999999"]
SIZE_FIRST = ["5x5 conv, 6 filters", "conv 5x5, 6 filters", "5x5, 6 3x3 filters", "conv 6", "6 filters (5x5, stride 2)",
              "6 filters (5x5 pad 1", "6 filters (5x5 pad))", "depthwise 3x3", "3x3 depthwise conv", "depthwise",
              "0x3 depthwise", "3x3x3 depthwise filters", "conv, 6 filters 5x5", "conv layer with 6 5x5 filters",
              "convolution - 6 filters of 5x5", "conv, 5x5", "conv layer, 99999999999 5x5 filters", "conv - -6",
              "convolutional layer of 0 filters", "conv 6 5x5 filters follows.", "6 5x5 filters is applied next"]
FC_COUNTS = ["", ", params: 850", " -> 10", " with 850 params", " with params", " with 1e99 MACs"]
SPELLED_COUNTS = ["34.9 thousand", "105.4 million", "0.1 billion", "1 trillion", "thousand", "1e9 million", "2 Million"]
REMARKS_AFTER_A_NUMBER = [" (no padding)", ", rounded down", ", rounded up to 15", " (floor)", " (", " after flooring",
                          " ()", ", rounded down to", " (one per filter)"]
PADDINGS = ["same padding", "padding same", "padding 'valid", "same pad 1", "padding \"same\"", "pad 2, ReLU",
            "pad 1, no bias", "pad 1 (no bias)", "bias=False", "no bias, no bias", "(no padding)", "without biases",
            "pad 1, leaky ReLU, dropout 0.5", "pad 1 + Leaky-ReLU", "pad 1, BN, ReLU", "GELU, dropout (p = 0.2)",
            "pad 2 + tanh", "followed by", "pad 1 + ReLU -> 8x8x6", "relu relu"]
COUNT_HEADS = ["Parameters", "Params", "No. of weights", "MACs", "Multiply-adds", "FLOPs", "Memory", "Activations",
               "# of MACs", "# activations", "Operations", "Compute", "Cost", "Computation", "Compute the output",
               "Activation volume", "Biases", "Bias", "Bias terms", "Number of weights and biases",
               "Weights (including biases)", "Weights (", "Neurons", "Output neurons", "Total weights", "Total biases",
               "Output shape", "Output size", "Size of the output", "Out", "Output spatial size", "Spatial size",
               "Depth",
               "Output channels", "Number of output channels", "Multiplications", "Shape", "Feature maps", "Volume",
               "Number of channels in the output", "Each activation map is", "Output height and width",
               "The output has", "Activation map size",
               "Size", "A", "->", "Dimensions", "Overall params", "Sum of all parameters", "Total parameter count",
               "Params (total)", "Total", "In total", "The network has", "Total learnable parameters",
               "So the whole network has", "In total there are", "There are", "Grand total:", "Overall:",
               "Total (params):", "Total (", "Overall (MACs) =", "Overall, the model has",
               "The first conv layer has", "The second layer has", "Number of parameters in the last FC layer",
               "Memory of CONV1 output", "Number of values in CONV1's output", "Values in the output of CONV1",
               "Input to CONV1", "CONV2 input", "The input to POOL1 is", "FC1 receives", "Input to the first layer",
               "Output with stride 2", "What is the output if we use pad 1?", "Output (stride 99999999999)",
               "How many parameters with 64 filters?", "Output with 5x5 filters", "What is the output for a 9x9 input?",
               "Params if the input had 1 channel", "How many parameters does each of the 10 filters have?",
               "No", "It has no", "This layer has no", "CONV1 receptive field", "POOL1's effective receptive field",
               "Final output", "Network output", "The network outputs", "Output of the last layer", "After FC1",
               "Output before pooling", "Before POOL1", "Output after ReLU", "Output before the ReLU",
               "✓ Output", "Output: ~~55x55x96~~", "~~Params", "Params: ~~1~~ ~~",
               "Values",
               "The output of the first layer is", "The fifth pooling layer has", "The first hidden layer has",
               "After the second layer", "After the first layer, the output is", "After the ninth layer",
               "Overall", "Thus the entire", "There are 5 parameters in total and",
               "Receptive field", "RF", "Effective receptive field of CONV1", "Parameters per filter",
               "Number of parameters in each filter", "Weights per filter", "MACs per filter", "Params of a filter",
               "Each filter has", "Every kernel has", "Each filter has 76 params, so",
               "Total number of parameters in this layer", "Total params of CONV1", "Total MACs for the layer",
               "The number of parameters is", "The number of parameters of the layer is", "Params equals",
               "The total number of parameters is", "Total params in CONV1 and POOL9", "Total for",
               "Total params in conv layers", "Total params (FC layers)", "Total CONV params", "Total MACs in the "
               "fully-connected layers", "Total params in the hidden layers", "Total params in pool", "Total conv",
               "Number of activation maps", "Feature maps", "Activation maps", "Receptive field of CONV3",
               "The receptive field of CONV1 is", "The conv layer has", "I think it's", "I think the output is",
               "For POOL1 I got", "For CONV1, we get", "I got",
               "I got 0 for the output depth", "We get", "CONV1 has 760 params, POOL1 has", "I believe",
               "Each filter:", "Per filter:", "Per filter params:", "Each filter's params =", "One filter =",
               "CONV1 filter shape:", "Weight shape of POOL1:", "Shape of the weights:", "Filter shape of CONV9 =",
               "Each output neuron has", "Each neuron is connected to", "CONV1 depth:", "POOL9 width =",
               "Depth of CONV1:", "Width of CONV1 output:", "Size of POOL1:", "CONV1 volume:", "Width:", "Height =",
               "Depth of CONV1 input:", "Input depth of POOL1:", "CONV9 input width:", "Depth of the input to CONV1:",
               "Input to CONV1: depth", "Filter depth:", "Depth of each filter:", "Each filter's depth:",
               "Each filter has a depth of", "Depth of CONV1's filters:", "Kernel width =", "Width: 2 (window) and",
               "CONV1's output has", "The CONV9 output has depth", "FC1 weight matrix:",
               "Weight shape: (10,", "CONV1 output memory:", "CONV1 --", "POOL1 -- --"]
WORKED_COUNTS = ["760", "0!", "35K params", "many", "", "1.5e3", "34.944", "1.5B", "768,000", "1.16 MB", "40960 bytes",
                 "(5*5*3 + 1)*10", "5x5x3x10 + 10", "10·(75+1)", "760/0", "7/2", "10*" * 20 + "1", "((((1", "5*5*-3",
                 "(5*5*3 + 1)*10 (= 760)", "750 + 10 (with biases)", "1e9*1e9",
                 "35 K", "1.2MiB", "760 (= (5*5*3+1)*10)", "35K (34,944)", "456 (~0.5K)",
                 "456, ~0.5K", "456 (≈ 4.5K)", "(760)", "760 (", "760 ())", "1K (2K)",
                 "760 (750 weights + 10 biases)", "750 weights + 10 biases = 760",
                 "750 weights + 10 biases = lots parameters", ")760(", "~760", "about 800", "800 approx.", "~", "about",
                 "760 learnable parameters", "approx 0", "34 944", "3.4944e4", "3.5 x 10^4", "7.6*10**2", "1 2 3",
                 "999 9999", "1e999", "3.5 × 10^-4", "0 000", "34 944 000 000 000 000 000 000 000",
                 "760, MACs: 768K", "760 and MACs: lots", "760 (weights: 750, biases: 10)", "760 (750 weights, 10)",
                 "760 (params: 1)", "760; weights: 1; weights: 2", "760 / biases", "760 (, biases: 1)", "760 in total",
                 "760 total params", "760 in all!", "760 parameters overall", "in total",
                 "760 in total (76 per filter)", "76 per filter", "76 per filter, 760 total", "760, i.e. 76 per filter",
                 "76 params per filter, so 760", "760 (77 per filter)", "76 each, 760 in total", "per filter",
                 "76 per filter per filter", "75 weights per filter; 760", "76 per filter (760)", "1e9 per filter",
                 "(5*5*3 + 1)*10 (761)", "(5*5*3 + 1)*10 (760)", "5*5*3*10 (1K)", "760 (weights 751)",
                 "750 (weights only)", "760 (with biases).", "760 (weights only 750)", "760 (weights 1e999)",
                 "760 I think", "760, not sure", "760 but I am not sure", "760 (I also got 750)", "760 (could be 750)",
                 "760 (I also got 1e999)", "I think", "760 params, POOL1 has 0", "760 for POOL1",
                 "760 including biases", "750 w/o bias", "760 with the", "(5⋅5⋅3 + 1)∙10", "1e999 with bias",
                 "1.16 megabytes", "1.16M bytes", "1e999 million bytes", "3 Mb", "0 kibibyte", "bytes"]
CALLS = ["INPUT(32x32x3)", "INPUT [32x32x3]", "INPUT(0x1x1)", "CONV(10 filters, 5x5, stride 1, pad 2)", "CONV()",
         "CONV(lots of filters)", "CONV(10 filters, 5x5 (x3))", "POOL(2x2, stride 2)", "POOL(3x3, stride 2)", "FC(10)",
         "FC(0)", "RELU", "SOFTMAX", "CONV1(8 3x3 filters)", "convolution2dLayer(3, 8)", "DROPOUT(0.5)", "FC(10",
         "NORM", "[CONV -> RELU]*2", "POOL?", "CONV [8 3x3 filters, pad 1]"]
CASE_LETTERS = ["stride", "S =", "pad", "stride\n$$", "Same but stride", "Q2. Same with pad", "Same, but S ="]
# (a case under `Example N = 7, F = 3:`, `stride 2 => 3`, or an exercise varied: `Same but stride 3 => …`)
COUNTS_AFTER_VOLUME = ["", ", params 760", ", 760 params", ", 760 params, 1M MACs", " (760 params)", " volume",
                       " feature maps and 760 params", " volume with no parameters", ", 760 params in total",
                       " in total", ", 760 params (76 per filter)", " (76 per filter, 75 weights per filter)",
                       " (76 per filter, 76 per filter)", " (1 parameter)", ", 1 bias", " (no parameters)",
                       " (no params, no MACs)", ", no weights and no biases", " (no params, 0 MACs)", ", no params no",
                       " (no params or)", " (99999999999 parameter)", " (correct?)", " (?)", " (? 5)", " ((?)",
                       " (= 8192)", " (32*32*8 = 8192 values)", " (8192)", " (8)", ", 760", " (1e999)", " (= lots)",
                       " (32*32*8 = )", ", 0", " (3.5)", " = 8192 neurons, with 760 parameters",
                       ", which is 8192 neurons", ", so 8192 activations, 760 params", " = 8192 values = 8193 values",
                       ", 8 units", ", which is 1e999 neurons, 760 params", " = 3.5 values",
                       " = 99999999999999999999999999999999 neurons", " (28x28x8 without padding)",
                       " (or 0x0x8 with stride 2)", " (1e999x3 if no padding)"]
VOLUME_THEN_COUNT = ["", "32x32x8, ", "32x32x8; number of parameters: ", "32x32x8, params: ", "10, ", "10; params: ",
                     "output 10, ", "-> 10, "]  # an output (a volume or a vector) before the count
NAMED_ANSWER_TAILS = [" output", " params", "'s output", "'s", "", " out", " weights", "’s output", " ->", " →",
                      " has", " has 760 parameters and", " output dimensions", " with", " produces a", " outputs",
                      " has no parameters and", " has no", ": output volume"]
BARE_ANSWERS = ["32x32x10", "A: 760", "760", "doesnt fit", "maybe", "32 by 32 by 10", "**0**", "A1. 760", "A. 32x32x10",
                "Answer 2: 0", "(227-11)/4+1 = 55, so 55x55x96", "A1: = 1e999", "A)", "A2. (11*11*3 + 1) * 96 = 34,944",
                "so", "= 3 so", "Solution: doesnt fit", "I got 32x32x10 but I am not sure", "I got 32x32x10 for POOL1",
                "We get 32x32x10 after CONV1", "CONV1 has 760 params and POOL1 has 0.", "I think 760",
                "For CONV1 I got 1e999 params", "I got 0x0x0 for the output.",
                "Max pool 2x2 stride 2 on 32x32x16 gives 16x16x16", "1x1 conv with 32 filters on 56x56x64 has 2,080 "
                "params", "FC layer with 10 neurons on a 4x4x16 input: 1e999 params", "3x3 pool on 0x0x0: 760 params",
                "Total params: 512\nTrainable params: 480\nNon-trainable params: 32", "Trainable params: 1e999",
                "[CONV(8 3x3, pad 1) -> POOL(2x2, stride 2)] x 2", "CONV(0 3x3) -> POOL(2x2, stride 0)",
                "CONV1: 432 weights + 16 biases", "CONV1 = 1e999 weights + 16 biases = 448", "POOL1: 0", "CONV1 = 448",
                "Receptive field: 5x5x3", "RF of CONV1 = 3x3x99999999999", "Receptive field: 0x0x3",
                "Output (CxHxW): 10x32x32", "Output shape (N, C, H, W): (1, 10, 32, 32)", "Output [NHWC]: ("]
# (the line under a question)
QUESTIONS = ["What is the output volume", "How many parameters", "Number of parameters",
             "What is the total number of MACs", "Output volume size", "Total params",
             "How many parameters does the network have", "How many parameters in total", "How big is the output of",
             "What are the dimensions of the output of POOL1", "How many activation maps does CONV1 produce",
             "What is the receptive field of CONV1", "How many parameters in the hidden layers", "What is 2+2"]


def breakdown(rng: random.Random) -> str:
    """The CS231n notes' VGGNet breakdown, with slips."""
    n = rng.choice([224, 32, 7, 1, 0])
    memory = rng.choice(["150K", "3", "x"])
    lines = [f"INPUT: [{n}x{n}x{rng.choice([3, 1, 0])}]  memory:  {n}*{n}*3={memory}   weights: 0"]
    for _ in range(rng.randint(1, 8)):
        name = rng.choice([f"CONV{rng.choice([1, 3, 4, 0])}-{rng.choice([64, 128, 0])}", f"POOL{rng.choice([2, 3, 0])}",
                           "FC", "SOFTMAX", "NORM", "CONV3", ""])
        size = rng.choice([n, n // 2, 1])
        vol = rng.choice([f"{size}x{size}x64", "1x1x4096", "?", "", "4096", "x"])
        answers = rng.choice(["", f"memory:  {size}*{size}*64=800K", "weights: (3*3*64)*64 = 36,864",
                              "memory: 4096  weights: 4096*4096 = 16,777,216", "memory:", "weights: = lots",
                              "memory: 1 memory: 2", "with weights: 3"])
        lines.append(rng.choice([f"{name}: [{vol}]  {answers}", f"[{vol}] {name}", f"[{vol}] {name} {answers}"]))
    lines.append(rng.choice(["TOTAL params: 138M parameters", "TOTAL memory: 24M * 4 bytes ~= 93MB / image", "",
                             "Total params: 138M, total MACs: 15.5G", "Total: 1 params and 2 MACs, and",
                             "Total params: 1; total: lots", "The network has 5 parameters, 0 MACs and 7 biases",
                             "Total memory: 15.2M values", "Memory total: 58 MB", "Params total: 138M",
                             "Total activations = 1 + 2 = 3 neurons", "Total memory: 93MB / image",
                             "Total: 5 params in the CONV layers", "Total: 5 params in hidden layers and 3 MACs"]))
    return "\n".join(lines) + "\n"


def table(rng: random.Random) -> str:
    """A markdown table of answers: known, unknown and repeated columns, cells as people fill them, short rows."""
    columns = rng.sample(["Layer", "Description", "Output volume", "Params", "Weights", "MACs", "Memory", "FLOPs",
                          "H", "W", "C", "Depth",
                          "#", "Notes", "Output", "Params (K)", "MACs (M)", "Output (C x H x W)", "Biases",
                          "Activations", "Params (", "Output (HxWxC)", "# Parameters", "Filters", "Kernel size",
                          "Size", "Stride", "Pad", "K", "Padding", "F", "Activation shape", "Activation size",
                          "Input", "Input size", "Out channels", "Channels", "Output dims", "Num params",
                          "Trainable params", "# MACs", "Param total", "Out dims", "Layer (type)", "Config",
                          "Feature Maps", "Activation", "Maps", "Filter", "Filter shape", "Quantity", "Value", "CONV1",
                          "POOL1", "Answer", "Metric", "Weight shape", "Weight matrix", "Filter dims",
                          "Params per filter", "Connections", "Weights per filter", "RF", "Receptive field"],
                         rng.randint(1, 7))
    if columns[0] == "Layer" and rng.random() < 0.3:
        columns[0] = ""  # the layers' column without a header, as the deeplearning.ai course's table has it
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(rng.choice(["---", ":-:", "--:", "x"]) for _ in columns)
             + "|"]
    cells = {"Layer": ["INPUT", "CONV1", "MAX POOL1", "CONV3-64", "POOL2", "maxpool", "max pool", "pool0", "FC",
                       "CONV1: 96 11x11 filters at stride 4",
                       "", "NORM1: Normalization layer", "Input", "CONV1 (f=5, s=1)", "POOL1 (f=2, s=2)", "FC3",
                       "Softmax", "CONV2 (f=5)", "CONV1 (s=1)", "Input:", "CONV1:", ":", "C1", "S2", "F6", "Output",
                       "conv1: nn.Conv2d(3, 6, 5)"],
             "Filter": ["96 x 11x11", "96 @ 11x11", "11x11x3, 96", "3x3", "16 x 5x5x6", "5x5x6 x 16", "-", "0 x 0x0",
                        "99999999999 x 3x3", "3x3x99999999999", "big", "3x3, 2, 4", "x 3x3"],
             "Filter shape": ["96 x 11x11", "3x3", "11x11x3", "3x3x16", "0x3x3", "(3, 3, 3)", "lots"],
             "Filter dims": ["5x5x3", "-"], "Weight shape": ["16x3x3x3", "(10, 3072)", "3x3x3", "0x1"],
             "Weight matrix": ["10x256", "99999999999x1"], "RF": ["7x7", "0", "3x3x3", "big"],
             # a table of quantities and their values, or whose columns are layers (`| | CONV1 | POOL1 |`)
             "Quantity": ["Params", "Output", "MACs", "Total params", "Weights", "", "Output volume", "Params:"],
             "Metric": ["Params", "Output", "Year"], "Value": ["760", "32x32x10", "-", "", "761 (760)", "0"],
             "CONV1": ["760", "32x32x10", "", "0", "x"], "POOL1": ["0", "16x16x10", "-"], "Answer": ["760", "no"],
             "Feature Maps": ["6", "-", "0", "16", "99999999999", "x"], "Maps": ["1", ""],
             "Activation": ["tanh", "softmax", "-", "relu 3"],
             "Activation shape": ["(28,28,8)", "(120,1)", "(10, 1)", "(32,32,3)", "(0,1)", "(1,2,3,4)", "(5,5,16)"],
             "Description": ["96 11x11 filters at stride 4, pad 0", "3x3 filters at stride 2", "", "4096 neurons",
                             "Normalization layer", "lots of filters"],
             "Output volume": ["55x55x96", "[27x27x96]", "27 x 27 x 96", "55-by-55-by-96", "55 x 55 (x96)",
                              "55 - 55 - 96", "55/55/x", "0-by-0", "?", "", "0x5", "4096", "x", "**55x55x96**",
                               "[55, 55, 96]", "N/A", "—", "55x55, 96 channels", "H=55, W=55", "96@55x55",
                               "55x55 (0 maps)", "(1, 2, 3, 4, 5)",
                               "`4,096`", "5.5x55x96"],
             "Output": ["227x227x3", "1x1x4096", "-", "(4096,)", "(None, 10)", "(None,)"],
             "Filters": ["96", "-", "", "ten", "0", "99999999999"], "K": ["96", "3x3"],
             "Kernel size": ["11", "3x3", "-", "0", "big", "1x"], "Size": ["5x5", "5", "55x55x96"],
             "Stride": ["4", "2", "-", "two", "0"], "Pad": ["0", "2", "same", "valid", "-", "x"],
             "Padding": ["same", "1"], "F": ["3", "3x3"],
             "Input": ["227x227x3", "32x32x3", "8192", "0x3x3", "-", "(32, 32, 3)", "lots", "99999999999x2x2"]}
    cells["Layer"] += ["CONV (10 5x5 filters, stride 1, pad 2)", "CONV1 (96 11x11 filters at stride 4)", "FC (10)",
                       "Conv 5x5, 10 filters, pad 2", "Max pool 2x2 stride 2", "FC 4096", "Conv 0x5, ten filters",
                       "POOL (", "CONV ()", "FC1 (lots)", "FC 4096", "FC-4096", "FC 6", "Dense 10", "fc1000", "FC-",
                       "FC 99999999999", "Flatten", "ReLU", "Dropout", "Dense 0", "conv1 (Conv2D)", "pool1 (x) (y)",
                       "(Dense)"]
    for _ in range(rng.randint(0, 6)):
        row = [rng.choice(cells.get(c or "Layer", ["34,944", "(11*11*3+1)*96 = 34,944", "0", "?", "-", "lots", "",
                                                   "1e99", "35K", "= =", "**34,944**", "≈35K", "~", "**", "none",
                                                   "34.944", "(11*11*3+1)*96 (35K)", "(11*11*3+1)*96 (1)",
                                                   "34,944 (34,945)"]))
               for c in columns]
        if rng.random() < 0.1:
            row = row[:-1]
        lines.append("| " + " | ".join(row) + " |")
    r = rng.random()
    if r < 0.3:  # markdown's table without its outer bars
        lines = [line.strip(" |") for line in lines]
        lines[1] = rng.choice([lines[1].replace("x", "---"), " | ".join(["---"] * len(columns)), "---|", "----"])
    elif r < 0.5:  # a plain text table aligned by spaces
        gap = rng.choice(["  ", "    ", "\t", " ", "   "])
        lines = [gap.join(cell.strip() or rng.choice(["-", ""]) for cell in line.strip(" |").split("|"))
                 for line in lines]
        if not columns[0]:
            lines[0] = gap + lines[0]  # an indented header
    elif r < 0.65:  # pasted as CSV: cells quoted or not (a count's commas split it), quotes left open
        quote = rng.choice(['"', "", '"', "'"])
        lines = [",".join(f"{quote}{cell.strip()}{quote}" if "," in cell or rng.random() < 0.2 else cell.strip()
                          for cell in line.strip(" |").split("|")) for line in lines if "---" not in line]
        if rng.random() < 0.2:
            lines.append(rng.choice(['CONV1,"96 11x11', 'FC,",",",",', ",,,,", '"', 'conv1,"a""b",1']))
    return "\n".join(lines) + "\n"


# the words layer descriptions are made of, which the reader loops over (`10 filters, each of size of 5` hung it)
DESCRIPTION_WORDS = ("of", "each", "with", "a", "kernel", "filter", "filters", "spatial", "size", "extent", "stride",
                     "pad", "padding", "kernel_size", "=", ":", ",", "(", ")", "max", "pool", "pooling", "window",
                     "channels", "output", "input", "in", "out", "feature", "maps", "same", "no", "bias", "activation",
                     "layer", "conv", "transposed", "depthwise", "groups", "dilation", "'relu'", "'same'", "neurons",
                     "units", "in_channels", "out_channels", "filters=", "pool_size", "strides", "use_bias", "False",
                     "nn.Conv2d(", "Conv2D(", "MaxPool2d(", "Linear(", "F", "S", "K", "P", "at", "applied", "and",
                     "nn.BatchNorm2d(", "eps=", "momentum=", "affine=", "BatchNorm", "```", "self.conv1 =")


def described(rng: random.Random) -> str:
    """Layer descriptions made of the reader's own words, numbers and sizes in any order, under names of each kind
    (a generator of what a student might write, and of what the reader's loops must always get past)."""
    lines = [rng.choice(["Input: 32x32x3", "Input: 3x32x32", "[227x227x3] INPUT", "Input: (1, 28, 28)"])]
    for i in range(rng.randint(1, 4)):
        lead = rng.choice(["", "10 filters, ", "10 ", "kernel ", "max pool ", "10 output channels, ", "5x5 conv, ",
                           "nn.Conv2d(3, 10, ", "in_channels=3, ", "3 input channels, "])
        words = [rng.choice(DESCRIPTION_WORDS) if rng.random() < 0.7 else
                 rng.choice(["5", "5x5", "(5, 5)", "2", "0", "99999999999", "10", "3x3x3", "1e9"])
                 for _ in range(rng.randint(0, 10))]
        name = rng.choice(["CONV", "POOL", "FC", "DECONV", "DWCONV", "Layer ", "UPCONV", "MAXPOOL"])
        lines.append(f"{name}{i}: {lead}{' '.join(words)}{rng.choice(['', ' -> 32x32x10, 760 params', ')'])}")
        lines.append(rng.choice(["", "Output: 32x32x10", "Params: 760", "Output: (10, 32, 32)"]))
    return "\n".join(lines) + "\n"


WORKING_OPERATORS = ["*", " x ", " \\times ", "+", "/", "*"]


def working(rng: random.Random) -> str:
    """Arithmetic as a student writes it: small numbers, 7s (inexact divisions) and numbers of up to 35 digits
    (past the 30 read, and products past a float's range)."""
    if rng.random() < 0.2:  # a product past a float's range, divided inexactly
        return "*".join([str(10**30 - 2)] * rng.randint(1, 20)) + "/7"
    text = ""
    for k in range(rng.randint(1, 24)):
        number = rng.choice([rng.randint(0, 99), 10 ** rng.randint(1, 35) - 1, 7])
        text += f"{rng.choice(WORKING_OPERATORS) if k else ''}{number}"
    return text


def lecture(rng: random.Random) -> str:
    """A listing in the lecture's notation, with slips; or its worked examples, the notes' breakdown or a
    markdown table of answers."""
    if rng.random() < 0.1:
        return table(rng)
    if rng.random() < 0.1:
        return breakdown(rng)
    if rng.random() < 0.3:
        return worked(rng)
    if rng.random() < 0.15:
        return described(rng)
    lines = ["[227x227x3] INPUT"]
    for i in range(rng.randint(1, 8)):
        vol = rng.choice(["55x55x96", "27x27x96", "?", "", "4096", "13 x 13 x 256", "x", "1" * 30])
        body = rng.choice([
            f"CONV{i}: {rng.randint(1, 400)} {rng.randint(1, 11)}x{rng.randint(1, 11)} filters at stride "
            f"{rng.randint(1, 4)}, pad {rng.randint(0, 3)}",
            f"CONV{i}: 96 11x11x3 filters applied at stride 4 (760 params), dilation 2",
            f"MAX POOL{i}: {rng.randint(1, 3)}x{rng.randint(1, 3)} filters at stride 2",
            f"MAX POOL{i}: 3x3{rng.choice(['/2', ' / 0', '/', '/2/2', ', s2', ', s', ', p1, s99999999999', ''])}",
            f"NORM{i}: Normalization layer", f"FC{i}: {rng.randint(1, 5000)} neurons (class scores)",
            f"RELU{i}: ReLU", f"RELU{i}", "ReLU layer", "Batch norm", "relu the output", "GAP", "POOL",
            "Then a FC layer with 10 outputs follows.", "A max pooling layer with 2x2 window and stride 2 follows",
            "Next, follows", "Finally a", "Then a max pool 2x2 with stride 2 over 3 regions",
            "WHAT: is this", "CONV: ninety-six filters", f"FC{i}: 10 neurons -> params 1,234",
            f"Flatten => {rng.randint(0, 99999)}", "Flatten -> 8*8*512 = 32,768", "Flatten: 2*2 = 4,0", "Flatten => *",
            f"Dropout 0.5 => {rng.randint(1, 9)}x9x9", "Dropout = > 1x1x1", f"Dense({rng.randint(0, 99)}) -> 10",
            f"Upsample 2x => {rng.randint(1, 99)}x9x9", "MaxPool(2x2) => (9, 9, 9)",
            f"GMACs: {rng.choice(['0.105', '1e9', '99999999999', 'x'])}", "Total GFLOPs: 0.21", "MParams: 0.03M",
            f"Total FLOPs: {rng.randint(0, 10**12)}", "MMACs", "Sigmoid", f"Tanh -> {rng.randint(0, 99)}x9x9",
            "GELU activation =>", f"SWISH{i}: swish", "Sigmoid -> (9, 9, 9), params 0", "Hardsigmoid layer function",
            "Round down when the division is not exact.", "Assume ceil rounding for all pools.", "Use floor and ceil.",
            f"CONV{i}: 8 3x3 filters at stride 2 -> 9x9x8 (rounded down)", "Shape after FC1 = 10",
            "It has ~1.2K params.", "It has (3*3*3+1)*16 = 448 parameters.", "It requires 9 multiply-accumulates.",
            "It has 3x3x = 9 weights and biases.", "It needs (99999999999*99999999999) = 1 mult-adds.",
            "The first layer is a conv layer with 8 3x3 filters. Its output is 9x9x8. It has 9",
            "The second layer is 2x2 max pooling with stride 2. Output: (4, 4, 8). Params 0",
            f"Params: CONV{i} = {rng.randint(0, 9999)}; POOL1 = 0", "Outputs: CONV1: 9x9x8, FC9: 10, POOL1 = ",
            "Params: X1 = 5",
            "CONV1: 96 filters of size 11x11 with stride 4 and zero padding 0 -> macs 105M",
            f"CONV{i}: K={rng.randint(0, 99)}, F={rng.randint(0, 12)}, S={rng.randint(0, 4)}, P={rng.randint(0, 3)}",
            "CONV1: K=96, S=4", "CONV2: F = 3, K = 8, F = 3", "CONV3: 8 3x3 filters with zero-padding 1, S=2",
            f"CONV{i}: 8 3x3 filters" + rng.choice(APPROXIMATE_ANSWERS),
            f"3x3 conv, {rng.randint(0, 400)} filters (pad {rng.randint(0, 3)}): output 27x27x{rng.randint(0, 400)}",
            f"Filter concatenation: 27x27x({'+'.join(str(rng.randint(0, 999)) for _ in range(rng.randint(1, 5)))}) = "
            f"27x27x{rng.choice(['672', '0', '99999999999999999999', 'x'])}", "Concatenate all branches -> 13x13x9",
            "Depth concat:", "Inception module (3a):", "(not counting biases)", f"Branch {rng.randint(0, 9)}:",
            f"Branch {rng.randint(1, 4)}: 1x1 conv, {rng.randint(0, 99)} filters -> 27x27x{rng.randint(0, 99)}",
            "Path 2: 3x3 max pool, stride 1, pad 1", "Concatenated output: 27x27x99",
            f"CONV3-{rng.randint(0, 999)}: [27x27x64]  params: (3*3*3)*64 = 1,728",
            f"Q{i}. Same input, but {rng.randint(0, 99)} filters of size {rng.randint(0, 9)}x3, stride "
            f"{rng.randint(0, 4)}, pad {rng.randint(0, 3)}.", "VGG-16 parameters (not counting biases)",
            f"Problem {i} (ignore biases)"])
        lines.append(rng.choice(["", "", "", "- ", "1. ", "* "]) + rng.choice([
            f"[{vol}] {body}", f"{body} -> [{vol}]", f"{body} => {vol}", body.replace(":", f" [{vol}]:", 1),
            f"{body} -> ({vol.replace('x', ', ')})", f"{body} -> (None, {vol.replace('x', ',')}) (1 params)",
            f"{body} -> ({vol.split('x')[0]},)", f"{body} -> ({vol.replace('x', ', ')}",
            body.replace(":", f": [{vol}]", 1), f"[{vol}] ({rng.choice(['290,400 values', '1 params', 'x', ''])}) "
            f"{body}", f"[{vol}] (" + body]))
        if rng.random() < 0.2:
            lines.append(rng.choice(["Full AlexNet architecture:", "Input: 227x227x3 images", "", "# note",
                                     f"CONV{i}: {vol} -> 27x27x96", f"Input: {vol} -> Output: 13x13x256",
                                     f"POOL{i} reduces {vol} to 27x27x96", f"MAX POOL{i}: [{vol}] -> [27x27x96]",
                                     f"CONV{i} receives {rng.choice(['290,400', '69,984', '4.1K', 'x'])} values",
                                     f"The input to FC{i} has {rng.randint(0, 99999)} values",
                                     f"FC{i} takes {rng.randint(0, 99999)} inputs", f"CONV{i} in_channels = 96",
                                     f"CONV{i} depth: 96, POOL{i} depth: {rng.choice(['96', '48', 'x'])}",
                                     f"CONV{i} RF: 11; POOL{i} RF: {rng.randint(0, 20)}",
                                     "Layer | Output | Params", f"CONV{i} | {vol} | 34,944",
                                     f"Total {rng.choice(['params', 'parameters', 'number of MACs', 'memory'])}"
                                     f"{rng.choice([': ', ' = ', ' '])}"
                                     f"{rng.choice(['62.4M', '60,965,224', 'x', ''])}"]))
    return "\n".join(lines) + "\n"


def mutate(rng: random.Random, text: str) -> str:
    """Token- and byte-level edits of a real file."""
    if not text:
        return text
    r = rng.random()
    tokens = text.split(" ")
    if r < 0.3:
        i = rng.randrange(len(tokens))
        tokens[i] = rng.choice(WORDS + EXTREME + COUNTS + [tokens[rng.randrange(len(tokens))]])
        return " ".join(tokens)
    if r < 0.45:
        i = rng.randrange(len(tokens))
        del tokens[i]
        return " ".join(tokens)
    if r < 0.6:
        i = rng.randrange(len(tokens))
        tokens.insert(i, tokens[i] * rng.randint(2, 50))
        return " ".join(tokens)
    if r < 0.8:
        i = rng.randrange(len(text))
        return text[:i] + rng.choice(WORDS + ["\n", "{", "}", "x", "0", "9" * 20]) + text[i:]
    i = rng.randrange(len(text))
    j = min(len(text), i + rng.randint(1, 40))
    return text[:i] + text[j:]


NOTATION_FILES = sorted(p for p in (ROOT / "tests" / "fixtures" / "notations").iterdir()
                        if p.suffix in (".py", ".m", ".prototxt", ".json", ".txt"))
# the notations' own punctuation, words and values, inserted or written over
NOTATION_EDITS = [
    "(", ")", "[", "]", "{", "}", ",", ":", "=", '"', "'", "\n", "\t", "    ", "0", "-1", "1", "2", "3", "99999999999",
    "1e308", "1e-5", "0.5", "nan", "null", "None", "true", "True", "False", "\\", "#", "%", "...", "...\n", ";", "*",
    "**", "+", "-", "@", "1if", "[]", "{}", "()", "[1, [2]]", "(3, 3)", "x", "n", "k", "self", "self.", "x = ",
    "return ", "lambda", "def ", "class ", "if ", "else", "while ", "yield", "for i in range(3):", "nn.Conv2d(",
    "nn.Linear(", "nn.ReLU()", "nn.Sequential()", "F.relu(", "torch.cat(", "x.view(", "stride=2", "padding=1",
    "groups=2", "dilation=2", "layer {", "{ a: 1 }", 'type: "Convolution"', "top: ", "bottom: ", 'bottom: "x"',
    "num_output: ", "kernel_size: ", '"kernel_size": [0, 0]', '"filters": ', '"units": ', '"strides": [2, 2]',
    '"padding": "same"', '"trainable": false', "lr_mult: 0", "'WeightLearnRateFactor', 0", "requires_grad = False",
    ".requires_grad_(False)", "torchvision.models.resnet18(", "models.vgg16(", "nn.LazyConv2d(", "torch.stack([",
    ".mean(0)", "torch.maximum(", " - ", "d2l.Classifier", "model(torch.randn(1, 3, 32, 32))\n",
    "net(x)", "x = torch.randn(2, 3, 8, 8)\n", "summary(model, (3, 16, 16))\n", "from torchinfo import summary\n",
    "torch.onnx.export(model, ", "profile(model, inputs=(x,))", ".unsqueeze(0)", "h, w = ",
    '{"a": 1}', '{"class_name": "__keras_tensor__"}', "convolution2dLayer(", "reluLayer",
    "fullyConnectedLayer(", "layerGraph(", "connectLayers(", "additionLayer(2", "depthConcatenationLayer(",
    "'Stride',", "'Padding','same'", "'same'", "'valid'", "layers.Conv2D(", "keras.Input((", "model.add(",
    ".shape[-1]", "x = layers.Dense(4)(x)\n", "skips.append(x)\n", "break\n", "f\"{i}\"", ".trainable = False\n",
    "torch.split(x, 4, 1)", "spx[3]", "layers[-1] = ", "type(", "functools.partial(", ".func", "x[..., ::2, 1::2]",
    " and ", " or ", "split[0] += 1\n", "x[:, 0:4] += y\n", "F.upsample(", "F.upsample_bilinear(", "x[..., 0, 0]",
    "self.weight", "F.conv2d(x, self.weight, self.bias, 1, 1)", "torch.var_mean(w, dim=[1, 2, 3])",
    "F.batch_norm(w, None, None, training=True)", "class C(nn.Conv2d):\n    pass\n", "**args", "{**base, 'k': 1}",
    "[w * 2 for w in [1, 2] if w]", "args.pop('repeats')", "copy.deepcopy(", "0 < x <= 1", "math.ceil(", "return 3\n",
    "nn.Conv1d(1, 1, 3, padding=1)", ".squeeze(-1)", ".transpose(-1, -2)", ".permute(0, 2, 1)", ".view(b, 1, -1)",
    ".unsqueeze(1)", "layers.Conv1D(1, 3, padding='same')", "layers.Reshape((-1, 1))", "self.__setattr__('a', ",
    "backend.image_data_format()", "return_indices=True", "nn.MaxUnpool2d(2, 2)", "F.max_unpool2d(x, i, 2)",
    "output_size=x.size()", ", where1", "kept.pop()", "maxUnpooling2dLayer('Name', 'u')", "'HasUnpoolingOutputs', true",
    "'pool/indices'", "'u/size'", " / 255.0", " * (1.0 / 6.0)", "x + y", "ops.relu(", "tf.nn.relu(", "ops.mean(",
    "tf.reduce_mean(x, axis=[1, 2], keepdims=True)", '"function": "math.multiply"', '"function": "nn.relu"',
    '{"y": 3.0, "name": null}', '{"y": ["c", 0, 0]}', '"class_name": "TFOpLambda"', '"class_name": "TrueDivide"',
    '"axis": [1, 2]', "collections.namedtuple('S', ['k', 's'])", "re.split(r'(\\d.*)', ", "._replace(s=[1])",
    "(torch.autograd.Function)", ".apply(x)", "ctx.save_for_backward(x)", "map(", "stride=[2]",
    ".__new__.__defaults__ = ", "self.weight.size()[-2:]", "len(self.stride)",
    "nn.Parameter(torch.empty(8, 3, 3, 3))", "F.conv2d(x, self.weight, self.bias, 1, 1)", "torch.zeros(1, 5, 7, 7)",
    "class B(layers.Layer):\n", "(keras.Model):\n", "super().__init__()\n", "super(B, self).__init__(name='b')",
    "def call(self, x, training=None):\n", "def build(self, input_shape):\n", "self.add_weight(", "input_shape[-1]",
    "model.build((None, 8, 8, 3))\n", "model(tf.zeros((1, 8, 8, 3)))\n", "@property\n", "@staticmethod\n",
    " is None", " is not None", "tf.concat([x, y], axis=-1)", "self.stages.append(", "self(x)", "B()(x)",
    ", output_size=x.size()", ", output_size=input_size", "output_size=[4, 4]", "isinstance(op, layers.Dense)",
    "self.add_weight(shape=(4,))", " * self.gamma", "trainable=False"]


def reader_case(seed: int) -> tuple[str, str]:
    """(file name, text) of reader fuzz case `seed`: a notation's test file with a few insertions,
    overwrites, cuts and numbers replaced by extreme ones."""
    rng = random.Random(seed)
    path = rng.choice(NOTATION_FILES)
    text = path.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(text) + 1)
        r = rng.random()
        if r < 0.4:
            text = text[:at] + rng.choice(NOTATION_EDITS) + text[at:]
        elif r < 0.7:
            text = text[:at] + rng.choice(NOTATION_EDITS) + text[at + rng.randint(1, 30):]
        elif r < 0.85:
            text = text[:at] + text[at + rng.randint(1, 60):]
        else:
            digits = [i for i in range(len(text)) if text[i].isdigit() and (i == 0 or not text[i - 1].isdigit())]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(text) and text[j].isdigit():
                    j += 1
                text = text[:i] + rng.choice(EXTREME + ["-1", "1e309", "65537"]) + text[j:]
    return path.name, text


def case(seed: int) -> tuple[str, str]:
    """(kind, text) of fuzz case `seed`: a generated spec, a lecture listing, or a mutated real file."""
    rng = random.Random(seed)
    r = rng.random()
    if r < 0.55:
        return "grammar", Grammar(rng).spec()
    if r < 0.7:
        return "lecture", lecture(rng)
    path = rng.choice(SEEDS)
    text = path.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 4)):
        text = mutate(rng, text)
    return f"mutated {path.name}", text

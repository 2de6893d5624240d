"""Random chains of windowed layers (with an occasional two-branch concat), written as specs
without any `rounding`, and an oracle written here — independent of cnncalc's walker — for which
lines must be errors: every inexact division and every refusal, up to the first refusal (after
it the sizes are unknown, as they are to PyTorch, which stops there). Used by
tests/test_properties.py (this arithmetic as the oracle) and tests/test_torch.py (PyTorch's own
forward pass as the oracle)."""
from __future__ import annotations

from typing import NamedTuple

from hypothesis import strategies as st


class Window(NamedTuple):
    kind: str  # conv | maxpool | avgpool
    k: int
    s: int
    p: int
    d: int
    c: int  # conv output channels

    def text(self) -> str:
        if self.kind == "conv":
            return f"conv {self.c} {self.k}x{self.k} stride {self.s} pad {self.p} dilation {self.d}"
        dilation = f" dilation {self.d}" if self.kind == "maxpool" else ""
        return f"{self.kind} {self.k}x{self.k} stride {self.s} pad {self.p}{dilation}"


class Concat(NamedTuple):
    left: Window
    right: Window

    def text(self) -> str:
        return f"concat {{ {self.left.text()} | {self.right.text()} }}"


@st.composite
def window(draw: st.DrawFn) -> Window:
    kind = draw(st.sampled_from(["conv", "conv", "maxpool", "avgpool"]))
    k = draw(st.integers(1, 5))
    return Window(kind, k, draw(st.integers(1, 3)), draw(st.integers(0, 3)),
                  draw(st.integers(1, 2)) if kind != "avgpool" else 1, draw(st.integers(1, 4)))


@st.composite
def network(draw: st.DrawFn) -> tuple[int, int, list[Window | Concat]]:
    items: list[Window | Concat] = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 5)) == 0:
            items.append(Concat(draw(window()), draw(window())))
        else:
            items.append(draw(window()))
    return draw(st.integers(1, 48)), draw(st.integers(1, 3)), items


def spec(size: int, depth: int, items: list[Window | Concat]) -> str:
    """`input` on line 1, then one item per line: item i is on line i + 2."""
    return f"input {size}x{size}x{depth}\n" + "\n".join(item.text() for item in items) + "\n"


def window_out(n: int, w: Window) -> tuple[int | None, bool]:
    """(output size or None when refused, inexact) by the textbook rule, written out here."""
    if w.kind != "conv" and w.p > w.k // 2:
        return None, False  # PyTorch refuses pooling padding over half the window
    reach = w.d * (w.k - 1) + 1
    travel = n + 2 * w.p - reach
    if travel < 0:
        return None, False
    return travel // w.s + 1, travel % w.s != 0


def error_lines(size: int, items: list[Window | Concat]) -> set[int]:
    """The lines that must be errors: inexact divisions, and the first refusal."""
    lines: set[int] = set()
    n = size
    for i, item in enumerate(items):
        line = i + 2
        if isinstance(item, Window):
            out, inexact = window_out(n, item)
            if inexact:
                lines.add(line)
            if out is None:
                return lines | {line}
            n = out
        else:
            a, inexact_a = window_out(n, item.left)
            b, inexact_b = window_out(n, item.right)
            if inexact_a or inexact_b:
                lines.add(line)
            if a is None or b is None or a != b:
                return lines | {line}
            n = a
    return lines

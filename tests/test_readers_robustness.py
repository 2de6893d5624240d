"""Every reader meets extreme and wrong values with a located diagnostic, never an exception: each
number of each fixture replaced in turn by 0, -1, 10**30, 1e309 and a string, and each file cut
short at a few points."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnncalc import analyze_text

FIXTURES = Path(__file__).resolve().parent / "fixtures/notations"
TEXT_FIXTURES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".py", ".m", ".prototxt", ".json"))
REPLACEMENTS = ("0", "-1", "1" + "0" * 30, "1e309", '"x"')


def mutants(text: str) -> list[str]:
    numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", text))
    out = []
    for i, m in enumerate(numbers):
        value = REPLACEMENTS[i % len(REPLACEMENTS)]
        out.append(text[:m.start()] + value + text[m.end():])
    out += [text[:len(text) * k // 7] for k in range(1, 7)]
    return out


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_mutated_files_give_diagnostics_not_exceptions(path: Path) -> None:
    for text in mutants(path.read_text()):
        report = analyze_text(text, path.name, input="32x32x3")
        for d in report.diagnostics:
            assert d.line >= 1 and d.column >= 1 and d.message

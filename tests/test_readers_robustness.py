"""Every reader meets extreme and wrong values with a located diagnostic, never an exception: each
number of each fixture replaced in turn by 0, -1, 10**30, 1e309 and a string, and each file cut
short at a few points."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


_EDITS = ("(", ")", "[", "]", "{", "}", ",", ":", "=", '"', "\n", "0", "-1", "99999999999", "null", "true", "1e308",
          "nan", "\\", "#", "%", "...", "nn.Conv2d(", "layer {", 'type: "Convolution"', '"kernel_size": [0, 0]',
          "convolution2dLayer(", "Sequential(", 'bottom: "x"', '{"class_name": "__keras_tensor__"}', "1if")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXT_FIXTURES), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_EDITS), st.integers(0, 40)),
                                                 min_size=1, max_size=6))
def test_randomly_edited_files_give_diagnostics_not_exceptions(path: Path, edits: list[tuple[float, str, int]]) -> None:
    # Insertions of the notations' own punctuation and keywords, and deletions, anywhere in a fixture.
    text = path.read_text()
    for where, token, cut in edits:
        at = int(where * len(text))
        text = text[:at] + token + text[at + cut:] if cut % 2 else text[:at] + token + text[at:]
    report = analyze_text(text, path.name, input="32x32x3")
    assert all(d.line >= 1 and d.column >= 1 and d.message for d in report.diagnostics)


def test_a_keras_tensor_without_its_history_is_e071() -> None:
    # Found by the edit test above: a Keras 3 inbound tensor whose `config` was cut out raised KeyError.
    text = (FIXTURES / "residual_keras3.json").read_text()
    broken = text.replace('"__keras_tensor__", "config"', '"__keras_tensor__", "confix"', 1)
    assert broken != text
    report = analyze_text(broken, "model.json", input="32x32x3")
    assert [d.code for d in report.diagnostics] == ["E071"]
    assert "keras_history" in report.diagnostics[0].message


def test_python_warnings_from_reading_a_file_stay_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    import warnings
    # `1if` is a SyntaxWarning when Python compiles it; cnncalc reads the file and never runs it.
    text = "import torch.nn as nn\nk = 1if True else 2\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning that escaped would fail the analysis here
        report = analyze_text(text, "model.py", input="32x32x3")
    assert report.totals.params == 3 * 3 * 3 * 8 + 8  # (K·K·C_in + 1)·C_out
    assert capfd.readouterr().err == ""

"""`cnncalc verify` and `cnncalc run`: results, layouts, and bad input (never a traceback,
never a half-written or overwritten file)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT, SPECS
from tests.test_executor import BIAS, O_SLICES, W_SLICES, X_SLICES

CONV_SPEC = "input 5x5x3\nconv1: conv 2 3x3 stride 2 pad 1\n"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env={"COLUMNS": "140"})


def write(tmp: Path, name: str, content: str | dict | list) -> str:
    path = tmp / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_verify_table_and_json() -> None:
    result = invoke("verify", str(SPECS / "lenet5.spec"))
    assert result.exit_code == 0, result.output
    assert "shapes, parameters and MACs agree" in result.stdout
    doc = json.loads(invoke("verify", str(SPECS / "lenet5.spec"), "--format", "json").stdout)["networks"][0]
    assert doc["ok"] and all(layer["agrees"] for layer in doc["layers"])
    c1 = next(layer for layer in doc["layers"] if layer["path"] == "c1")
    assert c1["executor"] == {"output": [28, 28, 6], "params": 156, "non_trainable": 0,
                              "macs": 28 * 28 * 6 * 5 * 5 * 1, "finite": True}


def test_verify_refuses_a_spec_with_errors() -> None:
    result = invoke("verify", "-", input="input 7x7x3\nconv 1 3x3 stride 3\n")
    assert result.exit_code == 1 and "error[E030]" in result.stderr and "not verified" in result.stderr


def test_verify_says_a_networks_own_nan_apart_from_a_bug() -> None:
    # (Σ x³)^(1/3) of a window of the convolution's signed outputs: a cube root of a negative sum is NaN, as in
    # PyTorch. The counts agree (the row says NaN/Inf, not `differs`); E904 at the pool's line says why; exit 1.
    result = invoke("verify", "-", input="input 8x8x3\nconv 4 3x3\nlppool 2 p 3\n")
    assert result.exit_code == 1
    assert "<stdin>:3:1: error[E904]: lppool1: the output holds NaN or Inf on random input" in result.stderr
    assert "hint: a power-average pool of an odd or fractional power gives NaN where a value or a window's sum is " \
           "negative, as in PyTorch: pool after a ReLU, or use an even power" in " ".join(result.stderr.split())
    row = next(line for line in result.stdout.splitlines() if line.startswith("lppool1"))
    assert row.rstrip().endswith("✗ NaN/Inf") and "differs" not in result.stdout
    assert "1 layer gave NaN or Inf (E904 says why)." in result.stdout and "a bug in cnncalc" not in result.stdout


def test_run_with_the_lecture_layouts(tmp_path: Path) -> None:
    spec = write(tmp_path, "demo.spec", CONV_SPEC)
    x = write(tmp_path, "x.json", {"slices": X_SLICES})
    w = write(tmp_path, "w.json", {"conv1.weight": {"filters": W_SLICES}, "conv1.bias": BIAS})
    result = invoke("run", spec, "--input", x, "--weights", w)
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.stdout.splitlines()]
    assert ["o[:,:,0]"] in lines and ["o[:,:,1]"] in lines
    first = lines.index(["o[:,:,0]"])
    assert [list(map(int, row)) for row in lines[first + 1:first + 4]] == O_SLICES[0]
    second = lines.index(["o[:,:,1]"])
    assert [list(map(int, row)) for row in lines[second + 1:second + 4]] == O_SLICES[1]
    assert "seeded random" not in result.stderr


def test_run_writes_npy_and_json_without_overwriting(tmp_path: Path) -> None:
    spec = write(tmp_path, "demo.spec", CONV_SPEC)
    x = tmp_path / "x.npy"
    np.save(x, np.moveaxis(np.array(X_SLICES, float), 0, -1))
    out = tmp_path / "o.npy"
    result = invoke("run", spec, "--input", str(x), "--output", str(out))
    assert result.exit_code == 0
    assert "no weights given for conv1: seeded random (seed 0)" in result.stderr
    assert np.load(out).shape == (3, 3, 2)
    before = out.read_bytes()
    again = invoke("run", spec, "--input", str(x), "--output", str(out), "--seed", "9")
    assert again.exit_code == 2 and "not overwriting" in again.stderr
    assert out.read_bytes() == before
    assert invoke("run", spec, "--input", str(x), "--output", str(out), "--seed", "9", "--force").exit_code == 0
    assert out.read_bytes() != before
    js = tmp_path / "o.json"
    assert invoke("run", spec, "--input", str(x), "--output", str(js)).exit_code == 0
    assert json.loads(js.read_text())["shape"] == [3, 3, 2]
    assert not list(tmp_path.glob(".*.part"))


def test_bad_inputs_are_named_with_expected_and_given(tmp_path: Path) -> None:
    spec = write(tmp_path, "demo.spec", CONV_SPEC)
    cases = {
        "shape": (write(tmp_path, "a.json", [[1, 2], [3, 4]]), None,
                  "the input has shape (2, 2), but the network's input is 5x5x3: give (5, 5, 3), or (N, 5, 5, 3)"),
        "non-numeric": (write(tmp_path, "b.json", {"slices": [[[1, "two"]]]}), None,
                        'expected numbers, found "two" at [0][0][1]'),
        "not json": (write(tmp_path, "c.json", "[1, 2"), None, "not valid JSON"),
        "nan": (write(tmp_path, "d.json", {"slices": [[[0.0] * 5] * 5] * 3}).replace("d.json", "d.npy"), None,
                "holds nan at (0, 0, 0)"),
        "weight shape": (write(tmp_path, "e.json", {"slices": X_SLICES}),
                         write(tmp_path, "w1.json", {"conv1.weight": [[[[1.0]]]], "conv1.bias": [0, 0]}),
                         "`conv1.weight` has shape (1, 1, 1, 1), but conv needs (2, 3, 3, 3) (C_out, K_h, K_w, "
                         "C_in/groups)"),
        "missing bias": (write(tmp_path, "f.json", {"slices": X_SLICES}),
                         write(tmp_path, "w2.json", {"conv1.weight": {"filters": W_SLICES}}),
                         "weights for `conv1` are incomplete: conv1.bias not given"),
        "unknown key": (write(tmp_path, "g.json", {"slices": X_SLICES}),
                        write(tmp_path, "w3.json", {"conv.weight": [1]}),
                        "the weights name `conv.weight`, which is no layer's weight; did you mean `conv1.weight`?"),
    }
    nan = np.zeros((5, 5, 3))
    nan[0, 0, 0] = np.nan
    np.save(tmp_path / "d.npy", nan)
    for name, (x, w, message) in cases.items():
        args = ["run", spec, "--input", x] + (["--weights", w] if w else [])
        result = invoke(*args)
        assert result.exit_code == 2, (name, result.output)
        assert message in result.stderr.replace("\n", " ").replace("  ", " ") or message in result.stderr, \
            (name, result.stderr)
        assert "Traceback" not in result.output


def test_too_large_is_refused_before_allocating() -> None:
    result = invoke("verify", str(SPECS / "vgg16.spec"), "--batch", "64", "--max-memory", "1GiB")
    assert result.exit_code == 2
    assert "needs about" in result.stderr and "more than --max-memory 1.0 GiB" in result.stderr
    assert invoke("verify", str(SPECS / "lenet5.spec"), "--max-memory", "lots").exit_code == 2


def test_summary_commands_do_not_import_numpy() -> None:
    code = ("import sys; from cnncalc.cli import cli; from click.testing import CliRunner; "
            "CliRunner().invoke(cli, ['specs/resnet50.spec', '--format', 'json']); "
            "CliRunner().invoke(cli, ['explain', 'E030']); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

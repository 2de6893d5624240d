"""`cnncalc convert --to pytorch`: the file it writes builds, with PyTorch, a network whose parameter
count, output shape and MACs (FlopCounterMode) are cnncalc's, for every shipped spec and for networks
that use every layer keyword and merge kind. The PyTorch checks run where torch is installed (CI
installs torch==2.13.0); the rest need no PyTorch."""
from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cnncalc.analysis import Settings, run
from cnncalc.cli import cli
from cnncalc.layers import REGISTRY
from cnncalc.pytorch_writer import SPELLINGS, class_name, identifier, write_pytorch
from tests.torch_networks import NETWORKS

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted((ROOT / "specs").glob("*.spec"))


def exported(text: str, name: str = "t.spec", **settings: Any) -> tuple[Any, str]:
    analysis = run(text, name, Settings(**settings))[0]
    assert analysis.report.ok, [(d.code, d.message) for d in analysis.report.diagnostics]
    assert analysis.root is not None
    return analysis.report, write_pytorch(analysis.report, analysis.root)


def test_every_layer_keyword_has_a_pytorch_spelling() -> None:
    assert {cls.keyword for cls in REGISTRY.values()} == set(SPELLINGS)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_shipped_spec_exports_as_python_without_syntax_errors(path: Path) -> None:
    _, code = exported(path.read_text(), path.name)
    tree = ast.parse(code)
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    assert classes and classes[-1][0].isupper()


def test_names_are_python_identifiers() -> None:
    taken: set[str] = set()
    assert identifier("inception3a.1.conv1", taken) == "inception3a_1_conv1"
    assert identifier("1.conv1", taken) == "b1_conv1"
    assert identifier("class", taken) == "class_"
    assert identifier("training", taken) == "training_"  # an nn.Module attribute
    assert identifier("inception3a.1.conv1", taken) == "inception3a_1_conv1_2"
    assert class_name("U-Net") == "UNet" and class_name("resnet50") == "Resnet50" and class_name("3d") == "Net3d"


def test_blocks_become_classes_parameterised_by_what_differs_between_calls() -> None:
    text = ("input 32x32x3\nblock unit(c, s=1) { conv c 3x3 stride s pad 1 ; bn ; relu ; conv 2*c 1x1 }\n"
            "a: unit(8)\nb: unit(16)\nc: unit(32)\n")
    _, code = exported(text)
    assert "class Unit(nn.Module):" in code
    assert "def __init__(self, in_channels: int, c: int) -> None:" in code
    assert "nn.Conv2d(in_channels, c, kernel_size=3, padding=1)" in code
    assert "nn.Conv2d(c, 2 * c, kernel_size=1)" in code
    assert "self.a = Unit(in_channels=3, c=8)" in code and "self.c = Unit(in_channels=32, c=32)" in code


def test_references_and_side_heads_are_written_in_forward() -> None:
    text = ("input 16x16x3\nenc: conv 4 3x3 pad 1\ndown: maxpool 2 ; conv 8 3x3 pad 1\n"
            "up: deconv 4 2x2 stride 2 ; concat { @enc | identity }\naux: side train { globalavgpool ; fc 3 }\n")
    _, code = exported(text)
    assert "enc = x  # read later by @enc" in code
    assert "x = torch.cat([enc, x], 1)" in code
    assert "if self.training:  # aux: a training-only head" in code
    assert "return (x, *outputs) if outputs else x" in code


def test_convert_to_pytorch_writes_a_file_and_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "alexnet.py"
    runner = CliRunner()
    first = runner.invoke(cli, ["convert", str(ROOT / "specs/alexnet.spec"), "--to", "pytorch", "--output", str(out)])
    assert first.exit_code == 0, first.output
    assert "class AlexNet(nn.Module):" in out.read_text()
    again = runner.invoke(cli, ["convert", str(ROOT / "specs/alexnet.spec"), "--to", "pytorch", "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(cli, ["convert", str(ROOT / "specs/alexnet.spec"), "--to", "pytorch", "--output", str(out),
                                 "--force"])
    assert forced.exit_code == 0


def test_convert_to_pytorch_refuses_a_network_with_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spec"
    bad.write_text("input 32x32x3\nconv 16 3x3 stride 3 pad 1\n")  # (32 - 3 + 2)/3 + 1 = 11.33
    result = CliRunner().invoke(cli, ["convert", str(bad), "--to", "pytorch"])
    assert result.exit_code == 1
    assert "E030" in result.output and "not converted" in result.output


def test_convert_to_pytorch_refuses_an_unpooling_whose_pool_pads_unevenly(tmp_path: Path) -> None:
    # PyTorch's max pool pads evenly: padding written as its own step would move the indices off the map's places,
    # so a max unpooling by such a pool is not written (9x9 padded 1 at the top and left: (9 - 2 + 1)/2 + 1 = 5)
    spec = tmp_path / "uneven.spec"
    spec.write_text("input 9x9x3\nmaxunpool 2x2 pad 1,0,1,0 { identity | maxpool 2x2 pad 1,0,1,0 }\n")
    result = CliRunner().invoke(cli, ["convert", str(spec), "--to", "pytorch"])
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "not converted: a max unpooling whose pool pads unevenly or past half its window" in result.output
    assert "Traceback" not in result.output


# ---- with PyTorch ------------------------------------------------------------------------------

def _torch() -> Any:
    if os.environ.get("CNNCALC_REQUIRE_TORCH"):
        return __import__("torch")
    return pytest.importorskip("torch")


def build(code: str) -> Any:
    """The file's network class, as `python FILE` would define it."""
    torch = _torch()
    namespace: dict[str, Any] = {"__name__": "exported"}
    exec(compile(code, "exported.py", "exec"), namespace)
    return next(v for v in namespace.values() if isinstance(v, type) and issubclass(v, torch.nn.Module)
                and hasattr(v, "input_size"))


def torch_counts(code: str) -> tuple[int, tuple[int, ...], int]:
    """PyTorch's parameter count, output shape (C, H, W) and MACs (FlopCounterMode's FLOPs / 2), on the
    meta device: shapes and counts without arithmetic, so even U-Net takes a second."""
    torch = _torch()
    from torch.utils.flop_counter import FlopCounterMode
    network = build(code)
    with torch.device("meta"):
        model = network().eval()
        with FlopCounterMode(display=False) as counter:
            y = model(torch.zeros(1, *model.input_size))
    y = y[0] if isinstance(y, tuple) else y
    return sum(p.numel() for p in model.parameters()), tuple(y.shape[1:]), counter.get_total_flops() // 2


def nchw(dims: tuple[int, ...]) -> tuple[int, ...]:
    return dims if len(dims) == 1 else (dims[2], dims[0], dims[1])


@pytest.mark.torch
@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_shipped_spec_exported_to_pytorch_counts_what_cnncalc_counts(path: Path) -> None:
    report, code = exported(path.read_text(), path.name)
    params, shape, macs = torch_counts(code)
    assert report.output is not None
    assert (params, shape, macs) == (report.totals.params, nchw(report.output.dims), report.totals.macs)


@pytest.mark.torch
@pytest.mark.parametrize("dims, lines", NETWORKS)
def test_every_keyword_and_merge_exported_to_pytorch_counts_what_cnncalc_counts(dims: str, lines: str) -> None:
    report, code = exported(f"input {dims}\n{lines}\n")
    params, shape, macs = torch_counts(code)
    assert report.output is not None
    assert (params, shape, macs) == (report.totals.params, nchw(report.output.dims), report.totals.macs)


@pytest.mark.torch
def test_the_exported_file_runs_as_a_script(tmp_path: Path) -> None:
    import subprocess
    import sys
    _torch()
    _, code = exported((ROOT / "specs/lenet5.spec").read_text(), "lenet5.spec")
    script = tmp_path / "lenet5.py"
    script.write_text(code)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "61706"  # LeNet-5's parameters (LeCun et al. 1998, with full C3)

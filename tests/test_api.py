"""The Python API (docs/python.md): `analyze(path)` and `analyze_text(text)`, never guessing which
was meant, and a `Report` that shows itself as the table (`str`), as HTML in a notebook, as the
JSON document (`to_dict`) and as a DataFrame."""
from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cnncalc
from cnncalc.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ALEXNET = ROOT / "specs/alexnet.spec"


def test_a_file_and_its_text_give_the_same_numbers() -> None:
    from_file = cnncalc.analyze(ALEXNET)
    from_text = cnncalc.analyze_text(ALEXNET.read_text(), "alexnet.spec")
    assert from_file.totals == from_text.totals
    assert from_file.totals.params == 62_378_344  # the lecture's 62.4M, written out in specs/alexnet.spec


def test_no_guessing_between_a_path_and_text(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="analyze_text"):
        cnncalc.analyze("input 8x8x3\nconv 4 3x3\n")
    with pytest.raises(IsADirectoryError):
        cnncalc.analyze(tmp_path)
    with pytest.raises(TypeError, match=r"cnncalc\.analyze"):
        cnncalc.analyze_text(ALEXNET)  # type: ignore[arg-type]


def test_keywords_are_checked_as_the_options_are() -> None:
    with pytest.raises(TypeError, match="unknown keyword 'colour'"):
        cnncalc.analyze(ALEXNET, colour=True)
    with pytest.raises(ValueError, match="batch=0"):
        cnncalc.analyze(ALEXNET, batch=0)
    with pytest.raises(ValueError, match="train='rmsprop'"):
        cnncalc.analyze(ALEXNET, train="rmsprop")
    assert cnncalc.analyze(ALEXNET, batch=128).totals.batch == 128


def test_diagnostics_carry_line_and_column() -> None:
    r = cnncalc.analyze_text("input 32x32x3\nconv 16 3x3 stride 3 pad 1\n", "hw.spec")
    d = r.diagnostics[0]
    assert (d.code, d.line, d.column) == ("E030", 2, 13)  # the caret under `stride 3`
    assert r.messages()[0].startswith("hw.spec:2:13: error[E030]: conv1: (32 - 3 + 2·1)/3 + 1 = 11.33")


def test_str_is_the_table() -> None:
    text = str(cnncalc.analyze(ALEXNET))
    assert "conv1" in text and "55x55x96" in text and "34,944" in text  # (11·11·3 + 1)·96
    assert "Total params" in text and "62,378,344" in text


def test_the_notebook_view_has_the_picture_the_table_and_the_totals() -> None:
    page = cnncalc.analyze(ALEXNET)._repr_html_()
    assert page.startswith('<div class="cnncalc">') and "<svg" in page and "<table>" in page
    assert "62,378,344" in page
    assert "body {" not in page  # styles stay inside the report's element


def test_to_dict_is_the_json_document() -> None:
    ours = cnncalc.analyze(ALEXNET).to_dict()
    result = CliRunner().invoke(cli, ["summary", str(ALEXNET), "--format", "json"])
    assert ours == json.loads(result.output)["networks"][0]


def test_to_dataframe_builds_a_row_per_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    built: dict[str, Any] = {}

    class DataFrame:  # stands in for pandas, which the tests do not need
        @staticmethod
        def from_records(records: list[dict[str, Any]], index: str) -> dict[str, Any]:
            built.update(records=records, index=index)
            return built

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=DataFrame))
    cnncalc.analyze(ALEXNET).to_dataframe()
    conv1 = next(r for r in built["records"] if r["path"] == "conv1")
    assert built["index"] == "path"
    assert (conv1["output"], conv1["params"], conv1["macs"]) == ("55x55x96", 34_944, 105_415_200)  # 55²·96·363
    assert conv1["receptive_field"] == "11x11"


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        cnncalc.analyze(ALEXNET).to_dataframe()


def test_importing_cnncalc_is_cheap() -> None:
    import subprocess
    code = "import cnncalc, sys; print(sorted(m for m in ('numpy', 'click', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_reports_pickle_and_copy() -> None:
    # A report crosses processes (multiprocessing, a notebook's cache): codes come back as the constants
    import copy
    import pickle

    from cnncalc import analyze, codes
    report = analyze(ROOT / "docs" / "examples" / "stride3.spec")
    back = pickle.loads(pickle.dumps(report))
    assert back.totals == report.totals and [r.output for r in back.rows] == [r.output for r in report.rows]
    assert back.diagnostics[0].code is codes.CODES[report.diagnostics[0].code]
    assert copy.deepcopy(report).diagnostics[0].code.headline == report.diagnostics[0].code.headline

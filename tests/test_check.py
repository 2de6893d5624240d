"""`cnncalc check`, its CI formats, budgets, `diff`, `convert` and the lecture's notation."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from xml.etree import ElementTree as ET

from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT, SPECS, codes, run, where

HOMEWORK = ROOT / "docs" / "examples" / "alexnet-homework.txt"
WRONG = ROOT / "docs" / "examples" / "alexnet-homework-wrong.txt"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env={"COLUMNS": "140"})


# ---- lecture notation ------------------------------------------------------------------

def test_lecture_homework_names_exactly_the_two_wrong_answers() -> None:
    result = invoke("check", str(WRONG))
    assert result.exit_code == 1
    problems = [line for line in result.stdout.splitlines() if "error[" in line]
    assert problems == [
        f"{WRONG}:6:2: error[E040]: conv2: expected 26x26x256, computed 27x27x256",
        f"{WRONG}:12:2: error[E040]: pool3: expected 7x7x256, computed 6x6x256",
    ]
    assert result.stdout.splitlines()[-1] == "1 spec, 2 problems in 1 file"
    fixed = invoke("check", str(HOMEWORK))
    assert fixed.exit_code == 0 and fixed.stdout.strip() == "1 spec, no problems"


def test_lecture_notation_is_the_lecture_alexnet() -> None:
    r = run(HOMEWORK.read_text())
    assert r.ok and r.totals.params == 62_378_344  # the lecture's total, as for specs/alexnet.spec
    assert [c.expected for c in r.checks][:3] == ["55x55x96", "27x27x96", "27x27x96"]


def test_explain_shows_the_working_for_each_answer() -> None:
    out = invoke("check", str(WRONG), "--explain").stdout
    assert "13 answers checked, 2 wrong" in out  # CONV1 ... FC8: the INPUT line is given, not answered
    assert "line 6: conv2 output 26x26x256: WRONG, computed 27x27x256" in out
    assert "conv2: out (27 - 5 + 2·2)/1 + 1 = 27" in out
    assert "line 3: conv1 output 55x55x96: ok" in out and "conv1: out (227 - 11 + 2·0)/4 + 1 = 55" in out


def test_unreadable_lecture_line() -> None:
    r = run("[32x32x3] INPUT\n[32x32x10] CONV1: ten filters please\n")
    assert where(r) == [("E060", 2, 1)]
    assert r.diagnostics[0].message == "cannot read this line as the lecture's notation"
    assert r.diagnostics[0].hint.startswith("write e.g. [227x227x3] INPUT;")


def test_lecture_errors_point_at_the_students_text() -> None:
    r = run("[7x7x3] INPUT\n[3x3x10] CONV1: 10 3x3 filters at stride 3, pad 0\n")
    assert where(r) == [("E030", 2, 35)]  # the caret is under "stride 3" as written; no second error
    assert r.source.line_text(2)[34:42] == "stride 3"


def test_convert() -> None:
    result = invoke("convert", str(HOMEWORK))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2] == "conv1: conv 96 11x11 stride 4 pad 0 -> 55x55x96"
    assert lines[3] == "pool1: maxpool 3x3 stride 2 -> 27x27x96"
    assert lines[14] == "fc8: fc 1000 -> 1000"
    # The converted spec says the same as the original.
    assert run(result.stdout).ok
    assert invoke("convert", str(SPECS / "alexnet.spec")).exit_code == 2


# ---- check and its formats ---------------------------------------------------------------

def test_check_directories_globs_and_summary(tmp_path: Path) -> None:
    (tmp_path / "a.spec").write_text("input 8x8x3\nconv 4 3x3 -> 6x6x4\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.spec").write_text("input 7x7x3\nconv 4 3x3 stride 3\nmaxpol 2\n")
    (tmp_path / "notes.txt").write_text("not a spec")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "2 specs, 2 problems in 1 file"
    assert invoke("check", str(tmp_path / "*.spec")).exit_code == 0
    assert invoke("check", str(tmp_path / "missing.spec")).exit_code == 2
    assert invoke("check", str(tmp_path / "*.nothing")).exit_code == 2


def test_strict_fails_on_notes() -> None:
    assert invoke("check", str(SPECS / "zfnet.spec")).exit_code == 0
    strict = invoke("check", str(SPECS / "zfnet.spec"), "--strict")
    assert strict.exit_code == 1 and "note[N030]" in strict.stdout


def test_json_for_several_files_carries_every_diagnostic() -> None:
    result = invoke("check", str(WRONG), str(SPECS / "zfnet.spec"), "--format", "json")
    docs = json.loads(result.stdout)
    assert [d["file"] for d in docs] == [str(WRONG), str(SPECS / "zfnet.spec")]
    assert [x["code"] for x in docs[0]["diagnostics"]] == ["E040", "E040"]
    assert [x["code"] for x in docs[1]["diagnostics"]] == ["N030", "N030", "N030"]
    assert docs[0]["diagnostics"][0]["line"] == 6 and docs[0]["diagnostics"][0]["column"] == 2


def test_github_annotations_carry_file_line_and_column() -> None:
    out = invoke("check", str(WRONG), "--format", "github").stdout.splitlines()
    assert len(out) == 2
    m = re.fullmatch(r"::error file=(.*),line=(\d+),col=(\d+),title=E040::(.*)", out[0])
    assert m is not None
    assert m.group(1) == str(WRONG).replace(":", "%3A").replace(",", "%2C")
    assert (m.group(2), m.group(3)) == ("6", "2")
    assert m.group(4).startswith("conv2: expected 26x26x256, computed 27x27x256")


def test_junit_xml_structure() -> None:
    xml = invoke("check", str(WRONG), str(SPECS / "alexnet.spec"), "--format", "junit").stdout
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(WRONG), str(SPECS / "alexnet.spec")]
    total = failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert suite.get("errors") == "0"
        for case in cases:
            assert case.get("classname") == suite.get("name") and case.get("name")
            failure = case.find("failure")
            assert failure is None or failure.get("message")
        total += len(cases)
        failures += int(suite.get("failures"))
    assert (int(root.get("tests")), int(root.get("failures"))) == (total, failures)
    wrong = suites[0]
    failed = [c.get("name") for c in wrong.findall("testcase") if c.find("failure") is not None]
    assert failed == ["line 6: conv2 output = 26x26x256", "line 12: pool3 output = 7x7x256"]
    # One case for the spec itself plus one per expectation: AlexNet has 8 (5 shapes, 1 params, 2 totals).
    assert len(suites[1].findall("testcase")) == 1 + 8


def test_sarif_and_markdown() -> None:
    doc = json.loads(invoke("check", str(WRONG), "--format", "sarif").stdout)
    assert doc["version"] == "2.1.0"
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["E040", "E040"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (6, 2)
    md = invoke("check", str(WRONG), "--format", "markdown").stdout
    assert md.startswith("**cnncalc**: 1 spec, 2 problems in 1 file.")
    assert "| 6:2 | error | `E040` | conv2: expected 26x26x256, computed 27x27x256" in md


def test_budgets_from_the_command_line_and_the_spec() -> None:
    result = invoke("check", str(SPECS / "resnet50.spec"), "--max-params", "25M", "--max-macs", "4.1G")
    assert result.exit_code == 1
    # 25,557,032 - 25,000,000 = 557,032 over, 2.2% of the limit.
    assert (f"{SPECS / 'resnet50.spec'}:1:1: error[E045]: params 25,557,032 exceed the budget --max-params "
            f"25,000,000 by 557,032 (2.2%)") in result.stdout
    assert "MACs" not in result.stdout  # 4,089,184,256 <= 4.1G
    assert invoke("check", str(SPECS / "resnet50.spec"), "--max-params", "26M", "--max-memory", "1GiB").exit_code == 0
    assert invoke("check", str(SPECS / "lenet5.spec"), "--max-params", "lots").exit_code == 2
    r = run("input 8x8x3\nconv 4 3x3\nexpect total params <= 100\n")  # (27 + 1)*4 = 112
    assert codes(r) == ["E043"] and "expected total params <= 100, computed 112" in r.diagnostics[0].message


def test_check_is_fast_for_many_files(tmp_path: Path) -> None:
    for i in range(200):
        (tmp_path / f"n{i}.spec").write_text(f"input {32 + i}x{32 + i}x3\nconv 16 3x3 pad 1\nrelu\nmaxpool 2x2 ceil\n")
    start = time.perf_counter()
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 0 and result.stdout.strip() == "200 specs, no problems"
    assert time.perf_counter() - start < 10


# ---- diff ------------------------------------------------------------------------------

def test_diff_vgg16_d_against_c() -> None:
    result = invoke("diff", str(SPECS / "vgg16.spec"), str(SPECS / "vgg16_c.spec"), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [x["path"] for x in doc["layers"]] == ["conv3_3", "conv4_3", "conv5_3"]
    assert doc["layers"][0]["a"]["params"] == 3 * 3 * 256 * 256 + 256
    assert doc["layers"][0]["b"]["params"] == 256 * 256 + 256
    params = doc["totals"]["params"]
    assert params["delta"] == -(8 * 256 * 256 + 2 * 8 * 512 * 512)
    assert round(params["percent"], 2) == round(100 * params["delta"] / 138_357_544, 2)
    assert invoke("diff", str(SPECS / "vgg16.spec"), str(SPECS / "vgg16_c.spec"), "--exit-code").exit_code == 1
    same = invoke("diff", str(SPECS / "vgg16.spec"), str(SPECS / "vgg16.spec"), "--exit-code")
    assert same.exit_code == 0 and "no differences" in same.stdout


def test_diff_added_and_removed_rows(tmp_path: Path) -> None:
    a = tmp_path / "a.spec"
    b = tmp_path / "b.spec"
    a.write_text("input 8x8x3\nconv 4 3x3\nrelu\nfc 10\n")
    b.write_text("input 8x8x3\nconv 4 3x3\nbn\nrelu\nfc 10\n")
    doc = json.loads(invoke("diff", str(a), str(b), "--format", "json", "--all").stdout)
    assert [(x["path"], x["status"]) for x in doc["layers"]] == [
        ("conv1", "same"), ("bn1", "added"), ("relu1", "same"), ("fc1", "same")]
    md = invoke("diff", str(a), str(b), "--format", "markdown").stdout
    assert "| `bn1` | added | – → 6x6x4 | – → 8 |" in md


def test_diff_with_errors_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spec"
    bad.write_text("input 7x7x3\nconv 1 3x3 stride 3\n")
    assert invoke("diff", str(bad), str(SPECS / "lenet5.spec")).exit_code == 1


def test_convert_writes_a_new_file_only(tmp_path: Path) -> None:
    out = tmp_path / "alexnet.spec"
    assert invoke("convert", str(HOMEWORK), "--output", str(out)).exit_code == 0
    assert run(out.read_text()).totals.params == 62_378_344
    out.write_text("mine")
    again = invoke("convert", str(HOMEWORK), "--output", str(out))
    assert again.exit_code == 2 and "exists; not overwriting it" in again.stderr and out.read_text() == "mine"
    assert invoke("convert", str(HOMEWORK), "--output", str(out), "--force").exit_code == 0
    missing = invoke("convert", str(HOMEWORK), "--output", str(tmp_path / "no" / "such" / "dir.spec"))
    assert missing.exit_code == 2 and "cannot write there" in missing.stderr
    assert not list(tmp_path.glob(".*.part"))

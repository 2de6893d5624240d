"""`cnncalc check`, its CI formats, budgets, `diff`, `convert` and the lecture's notation."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT, SPECS, codes, run

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
        # (27 - 5 + 2·2)/1 + 1 = 27; 26 is that without the + 1
        f"{WRONG}:6:2: error[E040]: conv2: expected 26x26x256, computed 27x27x256; that leaves out the + 1: "
        "(27 - 5 + 2·2)/1 = 26",
        f"{WRONG}:12:2: error[E040]: pool3: expected 7x7x256, computed 6x6x256",
    ]
    assert result.stdout.splitlines()[-1] == "1 spec, 2 problems in 1 file; 13 answers: 11 right, 2 wrong"
    fixed = invoke("check", str(HOMEWORK))
    assert fixed.exit_code == 0 and fixed.stdout.strip() == "1 spec, no problems; 13 answers: 13 right, 0 wrong"


def test_lecture_notation_is_the_lecture_alexnet() -> None:
    r = run(HOMEWORK.read_text())
    assert r.ok and r.totals.params == 62_378_344  # the lecture's total, as for specs/alexnet.spec
    assert [c.expected for c in r.answers][:3] == ["55x55x96", "27x27x96", "27x27x96"]


def test_explain_shows_the_working_for_each_answer() -> None:
    out = invoke("check", str(WRONG), "--explain").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert f"{WRONG}: 13 answers: 11 right, 2 wrong" in lines  # CONV1 ... FC8: the INPUT line is given
    assert "line 6: conv2 output 26x26x256: WRONG, computed 27x27x256 (that leaves out the + 1: " \
        "(27 - 5 + 2·2)/1 = 26)" in lines
    assert "conv2: out (27 - 5 + 2·2)/1 + 1 = 27" in lines
    assert "line 3: conv1 output 55x55x96: right" in lines and "conv1: out (227 - 11 + 2·0)/4 + 1 = 55" in lines


def test_unreadable_lecture_line() -> None:
    r = run("[32x32x3] INPUT\n[32x32x10] CONV1: many filters please\n")
    errors = [(d.code, *r.source.line_col(d.span.start)) for d in r.diagnostics if d.severity == "error"]
    assert errors == [("E060", 2, 19)]  # the caret under the part not understood
    assert r.diagnostics[-1].message == "expected the number of filters, as in `96 11x11 filters`"
    assert [(a.verdict, a.reason) for a in r.answers] == [("unchecked", "it rests on line 2, which could not be read")]


def test_lecture_errors_point_at_the_students_text() -> None:
    r = run("[7x7x3] INPUT\n[3x3x10] CONV1: 10 3x3 filters at stride 3, pad 0\n")
    errors = [(d.code, *r.source.line_col(d.span.start)) for d in r.diagnostics if d.severity == "error"]
    assert errors == [("E030", 2, 35)]  # the caret is under "stride 3" as written; no second error
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
    # A spec converts to itself: the same numbers.
    again = invoke("convert", str(SPECS / "alexnet.spec"))
    assert again.exit_code == 0 and run(again.stdout).totals == run((SPECS / "alexnet.spec").read_text()).totals


# ---- check and its formats ---------------------------------------------------------------

def test_check_directories_globs_and_summary(tmp_path: Path) -> None:
    (tmp_path / "a.spec").write_text("input 8x8x3\nconv 4 3x3 -> 6x6x4\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.spec").write_text("input 7x7x3\nconv 4 3x3 stride 3\nmaxpol 2\n")
    (tmp_path / "notes.txt").write_text("not a spec")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "2 specs, 2 problems in 1 file; 1 answer: 1 right, 0 wrong"
    assert f"skipped 1 file that is not a network: {tmp_path / 'notes.txt'}" in result.stderr
    assert invoke("check", str(tmp_path / "*.spec")).exit_code == 0
    assert invoke("check", str(tmp_path / "missing.spec")).exit_code == 2
    assert invoke("check", str(tmp_path / "*.nothing")).exit_code == 2


def test_check_skips_text_that_only_mentions_the_lectures_words(tmp_path: Path) -> None:
    # Notes that talk about an output volume, and a list of references in brackets, hold no network;
    # a worked example beside them does: (32 + 2·2 - 5)/1 + 1 = 32.
    (tmp_path / "notes.txt").write_text("Output volume depends on the stride.\nNumber of parameters grows.\n")
    (tmp_path / "refs.txt").write_text("[1] LeCun et al. 1998: Gradient-based learning.\n[2] Krizhevsky: ImageNet.\n")
    (tmp_path / "hw.txt").write_text("Input volume: 32x32x3\n10 5x5 filters with stride 1, pad 2\n"
                                     "Output volume: 32x32x10\n")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "1 spec, no problems; 1 answer: 1 right, 0 wrong"
    assert f"skipped 2 files that are not a network: {tmp_path / 'notes.txt'}, {tmp_path / 'refs.txt'}" in \
        result.stderr


def test_strict_fails_on_warnings_not_on_the_specs_own_rounding(tmp_path: Path) -> None:
    # ZFNet states `rounding floor` and `ceil` itself: its N030 notes restate that, so they are no problem.
    assert invoke("check", str(SPECS / "zfnet.spec"), "--strict").exit_code == 0
    shown = invoke("check", str(SPECS / "zfnet.spec"), "--show-notes")
    assert shown.exit_code == 0 and shown.stdout.count("note[N030]") == 3
    unused = tmp_path / "unused.spec"
    unused.write_text("block b() { relu }\ninput 4x4x1\nrelu\n")
    assert invoke("check", str(unused)).exit_code == 0
    strict = invoke("check", str(unused), "--strict")
    assert strict.exit_code == 1 and "warning[W001]" in strict.stdout


def test_json_for_several_files_carries_every_diagnostic() -> None:
    result = invoke("check", str(WRONG), str(SPECS / "zfnet.spec"), "--format", "json")
    docs = json.loads(result.stdout)["networks"]
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
    assert [s.get("name") for s in suites] == [str(WRONG), f"{SPECS / 'alexnet.spec'}: AlexNet"]
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


def test_sarif_names_files_by_uri_references(tmp_path: Path) -> None:
    # RFC 3986: a space, `%` and the like are percent-encoded (they were written as they are: `we ird/a%.spec`
    # is no URI); an absolute path is a file: URI; columns count code points, as cnncalc's do.
    folder = tmp_path / "my nets"
    folder.mkdir()
    (folder / "50%,a.spec").write_text("input 7x7x3\nconv 1 3x3 stride 3\n")
    doc = json.loads(invoke("check", str(folder), "--format", "sarif").stdout)
    [result] = doc["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file://" + str(folder).replace(" ", "%20") + "/50%25%2Ca.spec"
    assert doc["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_and_markdown() -> None:
    doc = json.loads(invoke("check", str(WRONG), "--format", "sarif").stdout)
    assert doc["version"] == "2.1.0"
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["E040", "E040"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (6, 2)
    md = invoke("check", str(WRONG), "--format", "markdown").stdout
    assert md.startswith("**cnncalc**: 1 spec, 2 problems in 1 file; 13 answers: 11 right, 2 wrong.")
    assert "| 6:2 | error | `E040` | conv2: expected 26x26x256, computed 27x27x256" in md


@pytest.mark.parametrize("option, fix", [("--max-params", "write it without the B ('100M')"),
                                         ("--max-macs", "write it without the B ('100M')")])
def test_a_count_budget_in_bytes_is_a_usage_error(option: str, fix: str) -> None:
    # `--max-params 100MB` capped the count at 100,000,000 (138,357,544 parameters are 553 MB as float32)
    result = invoke("check", str(SPECS / "vgg16.spec"), option, "100MB")
    assert result.exit_code == 2
    assert f"'100MB' is bytes, and the count is not: {fix}; `--max-memory` takes bytes" in result.output
    assert "a billion is G ('7G')" in invoke("check", str(SPECS / "vgg16.spec"), option, "7B").output
    assert invoke("check", str(SPECS / "vgg16.spec"), "--max-memory", "1GB").exit_code == 0


def test_budgets_from_the_command_line_and_the_spec() -> None:
    result = invoke("check", str(SPECS / "resnet50.spec"), "--max-params", "25M", "--max-macs", "4.1G")
    assert result.exit_code == 1
    # 25,557,032 - 25,000,000 = 557,032 over, 2.2% of the limit; the caret on the spec's first line.
    assert (f"{SPECS / 'resnet50.spec'}:5:1: error[E045]: params 25.6M (25,557,032) exceed --max-params 25.0M "
            f"by 557.0K (+2.2%)") in result.stdout
    assert "MACs" not in result.stdout  # 4,089,184,256 <= 4.1G
    assert invoke("check", str(SPECS / "resnet50.spec"), "--max-params", "26M", "--max-memory", "1GiB").exit_code == 0
    assert invoke("check", str(SPECS / "lenet5.spec"), "--max-params", "lots").exit_code == 2
    r = run("input 8x8x3\nconv 4 3x3\nexpect total params <= 100\n")  # (27 + 1)*4 = 112
    assert codes(r) == ["E043"] and "expected total params <= 100, computed 112" in r.diagnostics[0].message


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_a_search_finds_and_cannot_read_is_e007_and_the_rest_are_checked(tmp_path: Path, jobs: str) -> None:
    # It stopped the whole run with exit 2 and no verdict for the other files (a CI job over a repository with one
    # dangling link learnt nothing). 20 good files: enough for `check` to fork its workers at -j 2.
    for i in range(20):
        (tmp_path / f"n{i:02}.spec").write_text("input 8x8x3\nconv 4 3x3 -> 6x6x4\n")  # (8 - 3)/1 + 1 = 6
    (tmp_path / "broken.spec").symlink_to(tmp_path / "gone.spec")
    (tmp_path / "large.spec").write_bytes(b"#" * (33 * 2**20))  # over MAX_FILE_BYTES, 32 MiB
    unreadable = ["broken.spec", "large.spec"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.spec")
        unreadable.append("pipe.spec")
    result = invoke("check", str(tmp_path), "-j", jobs)
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if "error[" in line]
    assert [line.split(":")[0] for line in errors] == [str(tmp_path / name) for name in unreadable]
    said = {  # each file's reason, in the words of the read that failed; 33 MiB is 33·2^20 = 34,603,008 bytes
        "broken.spec": f"cannot read '{tmp_path / 'broken.spec'}': No such file or directory",
        "large.spec": f"'{tmp_path / 'large.spec'}' is 34,603,008 bytes, more than cnncalc reads (33,554,432)",
        "pipe.spec": f"'{tmp_path / 'pipe.spec'}' is not a regular file (a device, FIFO or socket); give a file"}
    assert errors == [f"{tmp_path / name}:1:1: error[E007]: {said[name]}" for name in unreadable]
    assert result.stdout.splitlines()[-1] == (f"{20 + len(unreadable)} specs, {len(unreadable)} problems in "
                                              f"{len(unreadable)} files; 20 answers: 20 right, 0 wrong")
    # the same link named on the command line is a usage error, as any path that does not exist
    assert invoke("check", str(tmp_path / "broken.spec")).exit_code == 2


def test_check_many_files(tmp_path: Path) -> None:
    for i in range(200):
        (tmp_path / f"n{i}.spec").write_text(f"input {32 + i}x{32 + i}x3\nconv 16 3x3 pad 1\nrelu\nmaxpool 2x2 ceil\n")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 0 and result.stdout.strip() == "200 specs, no problems"


# ---- diff ------------------------------------------------------------------------------

def test_diff_vgg16_d_against_c() -> None:
    result = invoke("diff", str(SPECS / "vgg16.spec"), str(SPECS / "vgg16_c.spec"), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [x["path"] for x in doc["layers"]] == ["conv3_3", "conv4_3", "conv5_3"]
    assert doc["layers"][0]["a"]["params"] == 3 * 3 * 256 * 256 + 256
    assert doc["layers"][0]["b"]["params"] == 256 * 256 + 256
    params = next(t for t in doc["totals"] if t["quantity"] == "Trainable params")
    assert params["delta"] == -(8 * 256 * 256 + 2 * 8 * 512 * 512)
    assert params["a"] == 138_357_544
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
    assert "| `bn1` | added | `batchnorm` | 6x6x4 | 8 | +8 | 0 |  |" in md


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
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "markdown", "github"])
def test_check_keeps_no_report_once_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """A run over many files streams: when a file is analysed, the reports of the files before the
    previous one are gone (memory does not grow with the number of files)."""
    import weakref

    from cnncalc import analysis

    for i in range(6):
        (tmp_path / f"n{i}.spec").write_text(f"input 8x8x3\nconv {i + 1} 3x3 -> 6x6x{i + 1}\n")
    seen: list[weakref.ref] = []
    alive_before: list[int] = []
    real_run = analysis.run

    def tracking_run(*args: object, **kwargs: object) -> list:
        alive_before.append(sum(ref() is not None for ref in seen))
        result = real_run(*args, **kwargs)  # type: ignore[arg-type]
        seen.extend(weakref.ref(a.report) for a in result)
        return result

    monkeypatch.setattr(analysis, "run", tracking_run)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert len(alive_before) == 6 and max(alive_before) <= 1, alive_before


def test_a_budget_far_exceeded_says_how_many_times() -> None:
    # 62,378,344 / 2,000,000 = 31.18…: "31.1x the limit"; 1,135,256,096 is 13.5% over 1,000,000,000.
    result = CliRunner().invoke(cli, ["check", str(SPECS / "alexnet.spec"), "--max-params", "2M", "--max-macs", "1G"])
    assert "exceed --max-params 2.0M by 60.4M (31.1x the limit)" in result.output
    assert "exceed --max-macs 1.0G by 135.3M (+13.5%)" in result.output

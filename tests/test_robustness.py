"""Any input, any size: bounded numbers with located errors, limits decided before work, text as
people have it, files that are not files, outputs that are checked before any work, and the
grammar-aware fuzzer (a short run here; `python benchmarks/fuzz.py` runs 100,000 cases)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from cnncalc.analysis import DEFAULTS, analyze_text
from cnncalc.analysis import run as run_all
from cnncalc.cli import cli
from cnncalc.render.formats import FORMATS, Options
from tests.conftest import SPECS, codes, errors, run, where
from tests.grammar import case


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env={"COLUMNS": "100"})


# ---- numbers -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("conv 8 " + "9" * 5000 + " 3x3", "E013"),  # more digits than Python converts: refused as written
    ("conv 8 3x3 stride " + "1" * 19, "E013"),
    ("conv 16777217 3x3", "E013"),  # above 2^24 channels
    ("conv 8 3x3 pad 1048577", "E013"),
    ("repeat -1 { relu }", "E056"),
    ("repeat 400001 { relu }", "E056"),  # more iterations than the node limit
    ("repeat 1000 { repeat 1000 { relu } }", "E058"),  # sized before anything is built
    ("conv 8 3x3 -> params 1e999999999", "E013"),  # an exponent beyond the range, refused at once
    ("conv 8 3x3 -> params " + "9" * 100, "E013"),
    ("conv 8 3x3 -> macs 1.5e31", "E013"),
    ("dropout " + "1" * 40, "E013"),
])
def test_numbers_beyond_their_range_are_located_errors(text: str, code: str) -> None:
    r = run(f"input 8x8x8\n{text}\n")
    assert errors(r) and errors(r)[0][0] == code and errors(r)[0][1] == 2


def test_lecture_filter_sizes_are_digits_or_unreadable() -> None:
    # Found by benchmarks/fuzz.py (seed 44850): a count with thousands separators where a size goes.
    r = run("[227x227x3] INPUT\n[27x27x96] MAX POOL1: 1,234,567 filters at stride 2\n", lang="lecture")
    assert [c for c, _, _ in errors(r)] == ["E060"]


def test_expressions_are_bounded() -> None:
    r = run("block b(c) { conv c 1x1 }\ninput 4x4x4\nb(1000000*1000000*1000000)\n")
    assert codes(r) == ["E057"]
    assert "beyond cnncalc's range" in r.diagnostics[0].message
    r = run("block b(k) { conv k+1 1x1 }\ninput 4x4x4\nb(1x7)\n")
    assert codes(r) == ["E057"] and "pair" in r.diagnostics[0].message


def test_computed_sizes_are_bounded() -> None:
    # Doubling a side 33 times passes 2^32: refused where it happens, not carried on.
    r = run("input 8x8x1\nrepeat 33 { deconv 1 2x2 stride 2 }\n")
    assert [c for c, _, _ in errors(r)] == ["E031"]


@pytest.mark.parametrize("option", [["--max-params", "1e99999999"], ["--max-macs", "9" * 5000],
                                    ["--max-memory", "-5"], ["--depth", "9" * 5000], ["--depth", "0"]])
def test_options_out_of_range_are_usage_errors(option: list[str]) -> None:
    result = invoke(str(SPECS / "lenet5.spec"), *option)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.output) < 500  # a long value is shown shortened


def test_negative_budgets_say_must_be_positive() -> None:
    result = invoke(str(SPECS / "lenet5.spec"), "--max-params", "-5")
    assert "--max-params" in result.output and "must be positive" in result.output


# ---- limits decided before work -------------------------------------------------------------

def test_expansion_is_sized_before_building() -> None:
    # 2^40 nodes by calls and 2·10^6 by repeats: refused from the IR, nothing built, caret on the call site.
    blocks = "block b0() { relu }\n" + "".join(f"block b{i}() {{ b{i - 1}() ; b{i - 1}() }}\n" for i in range(1, 41))
    r = run("input 8x8x3\n" + blocks + "b40()\n")
    assert r.rows == [] and where(r)[-1] == ("E058", 43, 1)
    r = run("input 8x8x3\nrelu\nx: repeat 1000 { repeat 1000 { relu } }\n")
    assert r.rows == [] and where(r) == [("E058", 3, 1)]


def test_a_long_file_is_refused_at_the_line_that_crosses_the_limit() -> None:
    # Each line is 1 + 100,000·(1 + 1) = 200,001 nodes: the second line crosses the limit (250,000).
    r = run("input 8x8x3\n" + "repeat 100000 { relu }\n" * 5)
    assert r.rows == [] and where(r) == [("E058", 3, 1)]
    assert r.diagnostics[0].message.startswith("the network reaches 400,002 nodes here")
    # A line is sized once however often it is written, and the caret is on its item that crosses: 1 + 200,001
    # on line 2, then 200,003 after line 3's `relu` and 400,004 after its repeat.
    r = run("input 8x8x3\n" + "relu ; repeat 100000 { relu }\n" * 3)
    assert r.rows == [] and where(r) == [("E058", 3, 8)]
    assert r.diagnostics[0].message.startswith("the network reaches 400,004 nodes here")


def test_diagnostics_are_kept_to_a_thousand_and_the_rest_counted() -> None:
    # 16,000 `pad 1` (96,000 characters, a line within the limit): 15,999 repeats, each E012; linear, 1,000 kept,
    # the other 14,999 counted in one more
    r = run("input 8x8x3\nconv 4 3x3 " + "pad 1 " * 16000 + "\n")
    assert len(r.diagnostics) == 1001 and r.diagnostics[-1].code == "E006"
    assert r.diagnostics[-1].message.startswith("14,999 more diagnostics not shown")


def test_references_to_no_layer_past_the_kept_diagnostics_are_only_counted() -> None:
    # 3,000 `@NAME` and 3,000 `shares NAME` naming none of 500 layers: each kept one suggests a close name among 200
    # (a misspelt name, compared with every name of a large network each time, took 2 minutes for 50,000); those past
    # the thousand kept are counted without a message
    names = "".join(f"layer{i}: conv 3 1x1\n" for i in range(500))
    refs = "concat { @layr1 | identity }\n" * 3000 + "conv 3 1x1 shares layr2\n" * 3000
    r = run("input 8x8x3\n" + names + refs, lang="spec")
    assert len(r.diagnostics) == 1001 and r.diagnostics[-1].message.startswith("5,000 more diagnostics not shown")
    assert r.diagnostics[0].hint == "did you mean `layer1`?"


def test_long_lines_are_shown_as_a_window_around_the_caret() -> None:
    from cnncalc.render.diagnostics import render_diagnostic
    r = run("input 8x8x3\nconv 4 3x3 " + "relu ; " * 5000 + "strde 2\n")
    text = render_diagnostic(r.diagnostics[-1], r.source)
    assert max(len(line) for line in text.splitlines()) < 400 and "…" in text


# ---- text as people have it ----------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfinput 8x8x3\nconv 4 3x3\n",  # a UTF-8 byte-order mark
    b"input 8x8x3\r\nconv 4 3x3\r\n",  # CRLF
    b"input\t8x8x3\nconv\t4\t3x3\n",  # tabs
    b"input 8x8x3\nconv 4 3x3",  # no newline at the end
])
def test_text_as_people_have_it(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "net.spec"
    path.write_bytes(data)
    result = invoke("check", str(path))
    assert result.exit_code == 0 and result.stdout == "1 spec, no problems\n"


def test_bytes_that_are_not_utf8_and_nul_bytes_are_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "net.spec"
    path.write_bytes(b"input 8x8x3\nconv 4 3x3 \xff\xfe\nrelu\x00\n")
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:2:12: error[E005]: byte 0xFF is not UTF-8 text",
                                          f"{path}:3:5: error[E001]: unexpected character U+0000",
                                          "1 spec, 2 problems in 1 file"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: os.mkfifo(p), "is not a regular file"),
    (lambda p: None, "No such file"),
])
def test_files_that_are_not_files(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "thing"
    make(path)
    result = invoke(str(path))
    assert result.exit_code == 2 and message in result.stderr and "Usage:" not in result.output


def test_devices_are_refused_without_reading_them() -> None:
    result = invoke("/dev/zero")
    assert result.exit_code == 2 and "is not a regular file" in result.stderr


def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cnncalc import files
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.spec"
    path.write_text("input 8x8x3\n" + "relu\n" * 100)
    result = invoke(str(path))
    assert result.exit_code == 2 and "more than cnncalc reads (100)" in result.stderr


def test_a_file_read_whole_whatever_size_its_status_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the read is sized by the file's status (a buffer of the 32 MiB limit per file cost 30 µs); a file longer than
    # its status said (grown since, or /proc's, which say 0) is still read to its end and bounded by the limit
    from cnncalc import files
    path = tmp_path / "grown.spec"
    path.write_bytes(b"input 8x8x3\n" + b"relu\n" * 10)
    real_stat = os.stat

    def stale(name: str) -> os.stat_result:
        fields = list(real_stat(name))
        fields[6] = 3  # st_size: 3 bytes
        return os.stat_result(fields)
    monkeypatch.setattr(files.os, "stat", stale)
    assert files.read_bytes(str(path)) == path.read_bytes()
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 20)
    with pytest.raises(files.InputError, match="is more than 20 bytes"):
        files.read_bytes(str(path))


def test_files_of_too_many_lines_are_refused_before_they_are_read_as_text(tmp_path: Path) -> None:
    # 32 MiB of newlines took 166 s to read (a few µs a line, however short): at most 1,000,000 lines, the limit
    # of the whole file counted before it is decoded; a usage error on the command line, E007 in a search
    from cnncalc.limits import MAX_LINES
    path = tmp_path / "tall.spec"
    path.write_text("input 8x8x3\n" + "\n" * MAX_LINES)  # one line more than the limit
    result = invoke(str(path))
    assert result.exit_code == 2
    assert f"'{path}' has more than 1,000,000 lines, more than cnncalc reads" in result.stderr
    (tmp_path / "ok.spec").write_text("input 8x8x3\n" + "\n" * (MAX_LINES - 2) + "conv 4 3x3 -> 6x6x4")  # at it
    found = invoke("check", str(tmp_path))
    assert found.exit_code == 1
    assert f"{path}:1:1: error[E007]: '{path}' has more than 1,000,000 lines" in found.stdout
    assert found.stdout.splitlines()[-1] == "2 specs, 1 problem in 1 file; 1 answer: 1 right, 0 wrong"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.spec"
    path.write_text("input 8x8x3\n")
    path.chmod(0)
    assert invoke(str(path)).exit_code == 2


def test_standard_input_is_read_once() -> None:
    result = invoke("-", "-", input="input 8x8x3\nrelu\n")
    assert result.exit_code == 2 and "given more than once" in result.stderr


def test_the_python_api_does_not_guess_between_text_and_paths(tmp_path: Path) -> None:
    import cnncalc
    (tmp_path / "relu").write_text("not a spec")
    os.chdir(tmp_path)
    r = cnncalc.analyze_text("relu")  # text, even though a file of that name exists
    assert codes(r) == ["E024"]
    with pytest.raises(FileNotFoundError):
        cnncalc.analyze(tmp_path / "missing.spec")


# ---- outputs checked before any work ------------------------------------------------------

@pytest.fixture
def maxpool(tmp_path: Path) -> tuple[str, str]:
    spec = tmp_path / "pool.spec"
    spec.write_text("input 4x4x1\nmaxpool 2x2\n")
    x = tmp_path / "x.json"
    x.write_text("[[[1], [2], [3], [4]], [[5], [6], [7], [8]], [[9], [1], [2], [3]], [[4], [5], [6], [7]]]")
    return str(spec), str(x)


def test_output_paths_are_checked_before_computing(tmp_path: Path, maxpool: tuple[str, str]) -> None:
    spec, x = maxpool
    existing = tmp_path / "out.npy"
    existing.write_text("mine")
    dangling = tmp_path / "dangling.npy"
    dangling.symlink_to(tmp_path / "nowhere.npy")
    directory = tmp_path / "dir.npy"
    directory.mkdir()
    cases = [(existing, "exists"), (dangling, "symbolic link"), (directory, "directory"),
             (Path(x), "input of this command"), (tmp_path / "no" / "out.npy", "does not exist")]
    for path, message in cases:
        for extra in ([], ["--force"]):
            if path == existing and extra:
                continue  # the one case that may write
            result = invoke("run", spec, "--input", x, "--output", str(path), *extra)
            assert result.exit_code == 2 and message in result.stderr, (path, extra, result.output)
    assert existing.read_text() == "mine" and not list(tmp_path.glob(".*.part"))
    assert invoke("run", spec, "--input", x, "--output", str(existing), "--force").exit_code == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_device_or_fifo_is_never_replaced_even_with_force(tmp_path: Path, maxpool: tuple[str, str]) -> None:
    # Written beside it and renamed over it, a FIFO (or, for root, /dev/null) would become a plain file.
    spec, x = maxpool
    fifo = tmp_path / "out.npy"
    os.mkfifo(fifo)
    for command in (["run", spec, "--input", x], ["convert", spec]):
        result = invoke(*command, "--output", str(fifo), "--force")
        assert result.exit_code == 2 and "is not a regular file" in result.stderr, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and not list(tmp_path.glob(".*.part"))


def test_output_files_take_the_users_umask(tmp_path: Path, maxpool: tuple[str, str]) -> None:
    spec, x = maxpool
    old = os.umask(0o022)
    try:
        assert invoke("run", spec, "--input", x, "--output", str(tmp_path / "y.npy")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "y.npy").stat().st_mode) == 0o644


# ---- the fuzzer ----------------------------------------------------------------------------

@given(st.integers(0, 2**32))
@example(27105410)  # strides multiplied down a deep repeat: a receptive field of thousands of digits
def test_fuzz_cases_never_raise(seed: int) -> None:
    """A generated, lecture or mutated case: analysed, rendered in every format; nothing raises."""
    _, text = case(seed)
    reports = [a.report for a in run_all(text, "fuzz.spec")]
    for fmt in FORMATS.values():
        for _ in fmt.renderer()(reports, Options(explain=True, command="check" if fmt.name == "text" else "summary")):
            pass


@given(st.integers(0, 2**32), st.sampled_from([["--format", "json"], ["--explain"], ["--depth", "2"],
                                                ["--format", "csv"], ["--rounding", "floor"], ["--show-notes"]]))
@example(14409, ["--format", "json"])  # a line with no words after its bullet: IndexError, seeking a unit
def test_fuzz_cases_through_the_command_line(seed: int, options: list[str]) -> None:
    _, text = case(seed)
    for command in (["-"], ["check", "-"]):
        result = invoke(*command, *options, input=text.encode("utf-8", errors="replace"))
        assert (result.exit_code in (0, 1, 2) and result.exception is None) or isinstance(result.exception, SystemExit)


def test_a_bad_line_written_twice_is_an_error_at_both_places() -> None:
    # Identical lines share their parse (the line cache); each place still gets its own error.
    r = run("input 8x8x3\nconv 0 3x3\nconv 0 3x3\nconv -1 3x3\nconv -1 3x3\n")
    assert where(r) == [("E013", 2, 6), ("E013", 3, 6), ("E013", 4, 6), ("E013", 5, 6)]


def test_a_bad_line_is_an_error_once_at_each_place_not_at_each_iteration() -> None:
    # A failed layer's diagnostics are kept and said again where its line is written again (shifted), not
    # at each of a repeat's iterations (one place), nor under each call of a block (its body is one place).
    r = run("input 8x8x3\nrepeat 3 { conv -1 3x3 }\nrepeat 3 { conv -1 3x3 }\nblock b() { conv 0 1x1 }\nb()\nb()\n")
    assert where(r) == [("E013", 2, 17), ("E013", 3, 17), ("E013", 4, 18)]


def test_many_errors_are_kept_to_the_limit_and_counted() -> None:
    # 100,000 bad lines (benchmarks/bench_limits.py times them: once 15 s, counting lines from the start).
    r = run("input 8x8x3\n" + "conv -1 3x3\n" * 100_000)
    assert len(r.diagnostics) == 1_001 and r.diagnostics[-1].code == "E006"
    assert r.diagnostics[-1].message.startswith("99,000 more diagnostics not shown")


@pytest.mark.parametrize("line", [
    "a" + " " * 60_000 + "x",  # a word, then spaces: `[ \t]*[0-9]*[ \t]+` backtracked over them quadratically
    "CONV1" + " \t" * 30_000 + "x", "layer  " + "a " * 30_000, "---" + " " * 60_000 + "|x",
    "INPUT(1) -> " + "a " * 30_000 + "(", "a" + " a" * 30_000 + " -> CONV(1) -> FC(1) (",
    "Conv2D(" + "a " * 30_000 + "-",
    "filters on a 8x8 input " * 3_000,  # each input after a layer's words looks back 200 characters only
    # the values said after an output, again and again: read once, not once more for each (a recursion that failed)
    "Input: 227x227x3\nCONV1: 96 11x11 filters at stride 4\nOutput: 55x55x96" + ", 290,400 neurons" * 3_000,
])
def test_detection_and_the_lecture_reader_stay_linear_on_long_lines(line: str) -> None:
    # Not a timing: a pattern that backtracks quadratically takes minutes on a 60,000-character line (the
    # first line took 100 s in detection), a linear one milliseconds; the subprocess is given 30 s.
    import subprocess
    import sys
    code = "import sys; from cnncalc.analysis import analyze_text; analyze_text(sys.stdin.read(), 'x.txt')"
    subprocess.run([sys.executable, "-c", code], input=line + "\n", text=True, check=True, timeout=30)


def test_a_line_longer_than_the_limit_is_read_to_the_limit_and_said_so() -> None:
    # A 32 MiB line of `relu ; relu ; …` was lexed whole (some 150 bytes a token: gigabytes); a line is read up to
    # 100,000 characters, E008 there, and the lines after it as usual. `relu ; ` is 7 characters: relu i spans
    # 7i to 7i + 4, whole for 7i + 4 <= 100,000, i = 0 to 14,285: 14,286 of them, then the `fc 10` line
    from cnncalc import analyze_text
    from cnncalc.limits import MAX_LINE_CHARS
    line = "relu ; " * 20_000 + "relu"
    report = analyze_text("input 8x8x3\n" + line + "\nfc 10\n", "long.spec")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E008", 2, MAX_LINE_CHARS + 1)
    assert error.message == "the line is longer than 100,000 characters; the rest of it is not read"
    assert [r.op for r in report.rows].count("relu") == (MAX_LINE_CHARS - 4) // 7 + 1 == 14_286
    assert report.rows[-1].op == "fc 10" and report.totals.params == 8 * 8 * 3 * 10 + 10
    # a line of exactly the limit is read whole
    whole = "relu ; " * ((MAX_LINE_CHARS - 4) // 7) + "relu"
    whole += " " * (MAX_LINE_CHARS - len(whole))
    report = analyze_text("input 8x8x3\n" + whole + "\n", "whole.spec")
    assert report.ok and len(report.rows) == (MAX_LINE_CHARS - 4) // 7 + 1


def test_more_items_written_than_the_node_limit_stop_the_parse_there() -> None:
    # 5,000 distinct lines of 51 layers are 255,000 items: all were parsed into the IR (a few hundred bytes each:
    # 32 MiB of them took gigabytes) before the expander's E058. The parser stops at item 250,001: line
    # 250,000 // 51 = 4,901 of the layers (0-based, after the input line: line 4,903), its item 250,000 % 51 = 49,
    # at column len("a4901: ") + 7·49 + 1 = 351; no network of the file is built
    from cnncalc import analyze_text
    text = "input 8x8x3\n" + "".join(f"a{i}: " + " ; ".join(["relu"] * 51) + "\n" for i in range(5_000))
    report = analyze_text(text, "many.spec")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E058", 4_903, 351)
    assert error.message == ("the file has more than 250,000 layers and containers written out; cnncalc's limit is "
                             "250,000, and the rest of the file is not read")
    assert report.rows == [] and report.totals.params is None and report.output is None


def test_a_sheet_in_the_lecture_notation_is_read_up_to_its_line_limit() -> None:
    from cnncalc import analyze_text
    from cnncalc.limits import MAX_LECTURE_LINES
    # blank lines are not counted; the first line past the limit is E060, and nothing after it is read
    sheet = "Input: 8x8x3\n\n" + "ReLU\n\n" * (MAX_LECTURE_LINES - 1) + "FC: 10 neurons\nFC: 10 neurons\n"
    report = analyze_text(sheet, "hw.txt", lang="lecture")
    past = 2 + 2 * (MAX_LECTURE_LINES - 1) + 1  # the input, a blank, then a layer and a blank each: the first FC
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics
            if d.severity == "error"] == [("E060", past, 1)]
    assert f"more than {MAX_LECTURE_LINES:,} lines" in report.diagnostics[-1].message
    assert len(report.rows) == MAX_LECTURE_LINES - 1 and {r.op for r in report.rows} == {"relu"}


def test_a_sheet_in_the_lecture_notation_is_read_up_to_its_character_limit() -> None:
    # its reading takes some 10 µs a character on long lines: the first line past MAX_LECTURE_CHARS is E060, and the
    # text from it on is not read
    from cnncalc import analyze_text
    from cnncalc.limits import MAX_LECTURE_CHARS
    line = "ReLU  " + "x" * 90 + "\n"  # 97 characters
    fits = (MAX_LECTURE_CHARS - 13) // len(line)
    sheet = "Input: 8x8x3\n" + line * fits + "FC: 10 neurons\n" * 10
    report = analyze_text(sheet, "hw.txt", lang="lecture")
    past = sheet[:MAX_LECTURE_CHARS].count("\n") + 1  # the line the limit falls in: an FC
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics
            if d.severity == "error"] == [("E060", past, 1)]
    assert f"more than {MAX_LECTURE_CHARS:,} characters" in report.diagnostics[-1].message
    assert [r.op for r in report.rows].count("fc 10") == past - 2 - fits


def test_a_line_in_the_lecture_notation_past_its_character_limit_is_not_read() -> None:
    from cnncalc import analyze_text
    from cnncalc.limits import MAX_LECTURE_LINE_CHARS
    sheet = "Input: 8x8x3\nFC: 10 neurons  " + "#" * MAX_LECTURE_LINE_CHARS + "\nReLU\n"
    report = analyze_text(sheet, "hw.txt", lang="lecture")
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics
            if d.severity == "error"] == [("E060", 2, 1)]
    assert f"a line of more than {MAX_LECTURE_LINE_CHARS:,} characters is not read" in report.diagnostics[0].message
    assert [r.op for r in report.rows] == ["relu"]  # the line is not read; the next is


@pytest.mark.parametrize("line", ["First layer: .", "The 2nd layer: !", "Output 1: .", "POOL1 reduces it to .",
                                  "For:", "Q:", "Q: ?", "Answer ():", "CONV1 |", "CONV1 | output", "After", "After the",
                                  "Depth after:", "What does output?", "Compute for : MACs", "CONV1 [", "CONV1 [ ]",
                                  "✓", "(correct)", "Answers:\n1)", "Layer", "**", "CONV1 - ", "Total weights and"])
def test_a_lines_heading_with_nothing_after_it_never_raises(line: str) -> None:
    # a heading, a reference or a mark with nothing after it (`First layer: .` raised IndexError in `_place_headed`)
    for sheet in ("Input: 32x32x3\nconv 16 3x3 filters, stride 1, pad 1\n2x2 max pool, stride 2\n",
                  "Input: 32x32x3\nCONV1: 16 3x3 filters, stride 1, pad 1\nPOOL1: 2x2 max pool, stride 2\n", ""):
        for analysis in run_all(sheet + line + "\n", "hw.txt", DEFAULTS._replace(lang="lecture")):
            assert all(a.verdict in ("unchecked", "right", "wrong") for a in analysis.report.answers)


_JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-3, 70) | st.floats(allow_nan=False, width=32) |
                            st.sampled_from(["x", "w", "y", "?", ""]),
                            lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
                                st.sampled_from(["name", "shape", "values", "op", "inputs", "outputs", "attrs",
                                                 "names", "opset", "axes", "perm", "kernel_shape"]), inner,
                                max_size=6), max_leaves=20)


_TENSORS = st.sampled_from(["x", "w", "c", "y", "v", "z", ""])
_ONNX_NODES = st.fixed_dictionaries({
    "op": st.sampled_from(["Conv", "Unsqueeze", "Squeeze", "Reshape", "Gather", "Shape", "Concat", "MaxPool", "PRelu",
                           "GroupNormalization", "InstanceNormalization", "Transpose", "Resize", "Slice", "Pad", "Add",
                           "Mul", "BatchNormalization", "Gemm", "MatMul", "Constant", "Identity", "Cast",
                           "ConstantOfShape", "DepthToSpace", "Flatten", "Relu"]),
    "name": st.sampled_from(["n", ""]), "inputs": st.lists(_TENSORS, max_size=4),
    "outputs": st.lists(_TENSORS, min_size=1, max_size=2),
    "attrs": st.dictionaries(st.sampled_from(["axes", "perm", "kernel_shape", "strides", "pads", "group", "value",
                                              "value_dims", "num_groups", "axis", "to", "mode", "blocksize",
                                              "epsilon", "scales", "start", "end"]), _JSON_VALUES, max_size=4)})
_ONNX_INITIALIZERS = st.fixed_dictionaries(
    {"name": _TENSORS, "shape": st.lists(st.integers(0, 6), max_size=4)},
    optional={"values": st.lists(st.integers(-2, 6) | st.floats(-2, 2, width=32), max_size=6)})
_LISTING_LINES = st.one_of(st.tuples(st.sampled_from(["input", "initializer", "node", "output"]), _JSON_VALUES),
                           st.tuples(st.just("node"), _ONNX_NODES), st.tuples(st.just("initializer"),
                                                                              _ONNX_INITIALIZERS))


@given(st.lists(_LISTING_LINES, max_size=8))
@example([("initializer", {"name": "w"}),
          ("node", {"op": "Unsqueeze", "name": "u", "inputs": ["w"], "outputs": ["v"], "attrs": {"axes": [1]}})])
@example([("initializer", [1, 2])])
@example([("initializer", {"name": "w", "shape": [3], "values": [1, 2]})])
@example([("initializer", {"name": "w", "shape": [3, 4]}),
          ("node", {"op": "Shape", "name": "s", "inputs": ["w"], "outputs": ["v"], "attrs": {"start": "a"}})])
def test_an_onnx_listing_written_by_hand_never_raises(lines: list[tuple[str, object]]) -> None:
    # The ONNX reader reads the text `listing` makes of a .onnx file; written or edited by hand (`--lang onnx`) its
    # lines may lack a field or hold another type: E071 at the line, never a traceback (an initializer without its
    # shape, or one not a JSON object, a node without its inputs, and a Shape's `start` not a number were internal
    # errors)
    import json
    text = "input " + json.dumps({"name": "x", "shape": [1, 3, 8, 8]}) + "\n"
    text += "".join(f"{kind} {json.dumps(entry)}\n" for kind, entry in lines)
    report = analyze_text(text, "m.txt", lang="onnx")  # (raising is the failure)
    for fmt in FORMATS.values():
        for _ in fmt.renderer()([report], Options(command="summary")):
            pass


def test_a_saved_onnx_listing_is_read_as_onnx_without_its_package() -> None:
    # tests/fixtures/notations/small_net_onnx_listing.txt: the listing cnncalc made of a small model of ours exported
    # by PyTorch (conv 3->16 3x3 stride 2 without bias and its batch norm, folded into it; a residual pair of 3x3
    # convs; GroupNorm(4, 16); PReLU(16); ConvTranspose2d(16, 8, 2, stride 2); channel slices joined; MaxPool2d(3, 2, 1,
    # ceil_mode=True); Linear(2312, 10)). Detected by its header, read with no onnx package: parameters
    # (3·3·3·16 + 16) + 2·(3·3·16·16 + 16) + 2·16 + 16 + (16·8·2·2 + 8) + (2312·10 + 10) = 28,786 (PyTorch's 28,802
    # less the batch norm's 2·16 folded, plus the 16 biases folding gives); 32 -> 16 -> 32 -> (32 + 2 - 3)/2 + 1 =
    # 16.5, ceil 17 (its last window starts at 32, inside the padded input)
    path = Path(__file__).resolve().parent / "fixtures" / "notations" / "small_net_onnx_listing.txt"
    text = path.read_text(encoding="utf-8")
    from cnncalc.notations import detect
    assert detect(text, path.name) == "onnx"
    report = analyze_text(text, path.name)
    assert report.ok, report.messages()
    assert report.totals.params == (3 * 3 * 3 * 16 + 16) + 2 * (3 * 3 * 16 * 16 + 16) + 2 * 16 + 16 + \
        (16 * 8 * 2 * 2 + 8) + (2312 * 10 + 10) == 28786
    assert report.output is not None and report.output.dims == (10,)
    assert [r.output.dims for r in report.rows if r.keyword == "maxpool"] == [(17, 17, 8)]


def test_a_listing_line_without_a_field_is_e071_at_it() -> None:
    # a node without its `inputs` (line 3): E071 at the line's start, saying which field, and the network cut there
    text = ('# a listing\ninput {"name": "x", "shape": [1, 3, 8, 8]}\n'
            'node {"op": "Relu", "name": "r", "outputs": ["y"], "attrs": {}}\n')
    report = analyze_text(text, "m.txt", lang="onnx")
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("E071", 3, 1, "line 3 of the listing: the node's `inputs` is missing or not a list")]
    assert "onnx.checker.check_model" in (report.diagnostics[0].hint or "")

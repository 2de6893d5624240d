"""The command line: formats, exit codes, several files, stdin, usage errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cnncalc.cli import cli
from tests.conftest import ROOT, SPECS

ALEXNET = str(SPECS / "alexnet.spec")


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env={"COLUMNS": "140"})


def test_default_table_reads_like_the_lecture() -> None:
    result = invoke(ALEXNET)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("55x55x96", "27x27x96", "13x13x384", "6x6x256", "62,378,344", "34,944", "MACs are multiply"):
        assert text in out


def test_explain_shows_the_working() -> None:
    out = invoke(ALEXNET, "--explain").stdout
    assert "(227 - 11 + 2·0)/4 + 1 = 55" in out
    assert "(11·11·3 + 1)·96 = 34,944" in out


def test_json_document_carries_the_same_numbers() -> None:
    result = invoke(ALEXNET, "--format", "json")
    assert result.exit_code == 0
    top = json.loads(result.stdout)
    assert list(top) == ["cnncalc", "networks", "summary"] and len(top["networks"]) == 1
    doc = top["networks"][0]
    assert doc["file"] == ALEXNET and doc["network"] == "AlexNet" and doc["input"] == [227, 227, 3]
    assert doc["batch"] == 1 and doc["ok"] is True and doc["diagnostics"] == []
    layers = {layer["path"]: layer for layer in doc["layers"]}
    assert layers["conv1"]["output"] == [55, 55, 96] and layers["conv1"]["params"] == 34_944
    assert layers["conv1"]["weights"] == 11 * 11 * 3 * 96 and layers["conv1"]["biases"] == 96
    assert layers["pool3"]["output"] == [6, 6, 256] and layers["fc8"]["output"] == [1000]
    assert doc["totals"]["params"] == 62_378_344
    assert sum(layer["params"] for layer in doc["layers"] if layer["depth"] == 1) == doc["totals"]["params"]
    assert sum(layer["macs"] for layer in doc["layers"] if layer["depth"] == 1) == doc["totals"]["macs"]
    assert doc["totals"]["param_bytes"] == 62_378_344 * 4


def test_json_for_several_files_is_the_same_document_with_more_networks() -> None:
    result = invoke(ALEXNET, "-", "--format", "json", input="input 7x7x3\nconv 1 3x3 stride 3\n")
    assert result.exit_code == 1
    docs = json.loads(result.stdout)["networks"]
    assert [d["ok"] for d in docs] == [True, False]
    diag = docs[1]["diagnostics"][0]
    assert (diag["code"], diag["severity"], diag["line"], diag["column"]) == ("E030", "error", 2, 12)
    assert diag["hint"].startswith("use pad 1") and diag["path"] == "conv1"


def test_csv_and_markdown() -> None:
    csv_out = invoke(ALEXNET, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("file,network,path,depth")
    assert any(",AlexNet,conv1,1,layer,conv 96 11x11 stride 4,55x55x96,34944," in line for line in csv_out)
    md = invoke(ALEXNET, "--format", "markdown").stdout
    assert "| conv1 | `conv 96 11x11 stride 4` | 55x55x96 | 34,944 |" in md


def test_errors_exit_1_and_print_located_diagnostics() -> None:
    result = invoke("-", input="input 7x7x3\nconv 10 3x3 stride 3\n")
    assert result.exit_code == 1
    assert "<stdin>:2:13: error[E030]" in result.stderr


def test_rounding_option() -> None:
    result = invoke("-", "--rounding", "floor", input="input 7x7x3\nconv 10 3x3 stride 3\n")
    assert result.exit_code == 0 and result.stderr == ""  # the rounding was asked for: no noise
    shown = invoke("-", "--rounding", "floor", "--show-notes", input="input 7x7x3\nconv 10 3x3 stride 3\n")
    assert "note[N030]: conv1: (7 - 3 + 2·0)/3 + 1 = 2.33, rounded down to 2 (`--rounding floor` on the command " \
           "line)" in shown.stderr


def test_usage_errors_exit_2() -> None:
    assert invoke("no-such-file.spec").exit_code == 2
    assert invoke(ALEXNET, "--format", "yaml").exit_code == 2
    assert invoke().exit_code in (0, 2)  # bare `cnncalc` shows help


def test_explain_code() -> None:
    result = invoke("explain", "E030")
    assert result.exit_code == 0 and "invalid stride" in result.stdout
    assert invoke("explain", "E999").exit_code == 2


def test_explain_knows_every_layer_merge_structure_and_code() -> None:
    # `cnncalc explain zeropad` (and crop, centercrop, every layer with a required padding-like
    # argument) was an internal error: the absent default of a required argument was formatted.
    from cnncalc import codes
    from cnncalc.explain import STRUCTURES
    from cnncalc.layers import REGISTRY
    from cnncalc.layers.merge import MERGES
    topics = [*REGISTRY, *MERGES, *(word for word, _, _ in STRUCTURES),
              *(name for name in vars(codes) if name[:1] in "EWN" and name[1:].isdigit())]
    for topic in topics:
        result = invoke("explain", topic)
        assert result.exit_code == 0 and result.stdout.strip(), (topic, result.output)


def test_help_for_every_command() -> None:
    for command in cli.list_commands(None):  # type: ignore[arg-type]
        for spelling in ("--help", "-h"):
            result = invoke(command, spelling)
            assert result.exit_code == 0 and f" {command} [OPTIONS]" in result.stdout.splitlines()[0]
            assert "-h, --help " in result.stdout and "Show this message and exit." in result.stdout
    for spelling in ("--help", "-h"):  # the group's own, before any command
        result = invoke(spelling)
        assert result.exit_code == 0 and "Commands:" in result.stdout and "-h, --help  " in result.stdout
    # After an argument too: `--help` is the option, not a topic.
    assert invoke("explain", "E030", "--help").stdout.startswith("Usage: cli explain")


def test_shell_completion_as_click_provides_it() -> None:
    import os

    env = dict(os.environ, _CNNCALC_COMPLETE="bash_source")
    out = subprocess.run([sys.executable, "-m", "cnncalc"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0 and "_cnncalc_completion()" in out.stdout


# ---- shell completion, called as the shells call it ------------------------------------------

def _complete(shell: str, words: str) -> list[str]:
    """What `_CNNCALC_COMPLETE=<shell>_complete cnncalc` answers for the words typed so far (the last
    one being completed), as click's bash, zsh and fish scripts ask."""
    args = words.split(" ")
    current = args[-1] if shell == "fish" else str(len(args) - 1)  # fish passes the word, the others its index
    env = {"_CNNCALC_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": current}
    result = CliRunner().invoke(cli, [], env=env, prog_name="cnncalc")
    return result.output.splitlines()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_files_formats_and_codes(shell: str) -> None:
    def values(words: str) -> list[str]:
        lines = _complete(shell, words)
        if shell == "bash":  # type,value
            return [line.split(",", 1)[1] for line in lines]
        if shell == "zsh":  # type, value, help: three lines each
            return lines[1::3]
        return [line.split("\t")[0].split(",", 1)[-1] for line in lines]  # fish: type,value[\thelp]

    assert "specs/le" in values("cnncalc check specs/le")  # a file item: the shell completes the name
    assert "specs/al" in values("cnncalc specs/al")  # a bare FILE runs summary
    assert values("cnncalc check --format ") == ["text", "json", "markdown", "github", "junit", "sarif"]
    assert values("cnncalc --format ")[:2] == ["table", "json"]
    assert values("cnncalc explain E03") == ["E030", "E031", "E032", "E033", "E034", "E035", "E036", "E037", "E038"]
    assert "relu6" in values("cnncalc explain relu")
    assert values("cnncalc check --select E03,W00") == ["E03,W001", "E03,W002", "E03,W003", "E03,W004"]
    assert values("cnncalc check --rounding ") == ["floor", "ceil"]


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_every_library_table_fits_its_width_without_trailing_spaces(width: int) -> None:
    import cnncalc
    from cnncalc.render.table import render_table
    from tests.conftest import SPECS
    for path in sorted(SPECS.glob("*.spec")):
        for line in render_table(cnncalc.analyze(path), width=width):
            assert len(line) <= width and line == line.rstrip(), (path.name, line)


def test_a_narrow_table_writes_numbers_in_k_m_g_rather_than_cutting_them() -> None:
    from cnncalc.render.table import render_table
    from tests.conftest import SPECS, run
    lines = list(render_table(run((SPECS / "resnet50.spec").read_text()), width=60))
    conv1 = next(line for line in lines if line.startswith("conv1"))
    # conv1: 7·7·3·64 = 9,408 parameters, 112·112·64·7·7·3 = 118,013,952 MACs
    assert conv1.split("│")[2:] == ["   9.4K ", " 118.0M"]
    assert "Params and MACs in K (10³), M (10⁶), G (10⁹) to fit 60 columns" in " ".join(lines)


# ---- the console entry point: flushes, then os._exit with the command's code ------------------

def _entry(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cnncalc", *args], cwd=ROOT, capture_output=True, text=True)


def test_entry_point_writes_all_of_a_long_output_before_it_exits() -> None:
    out = _entry("specs/resnet152.spec", "--format", "json")
    document = json.loads(out.stdout)  # cut short, this would not parse
    assert out.returncode == 0 and out.stderr == ""
    # ResNet-152's parameter count, as torchvision's resnet152 reports it (He et al., table 1 architecture)
    assert document["networks"][0]["totals"]["params"] == 60_192_808


def test_entry_point_exit_codes_and_messages() -> None:
    errors = _entry("check", "docs/examples/stride3.spec")  # (7 - 3 + 2·0)/3 + 1 = 2.33: E030
    assert errors.returncode == 1 and "3:12: error[E030]" in errors.stdout + errors.stderr
    usage = _entry("specs/alexnet.spec", "--bogus")
    assert usage.returncode == 2 and "No such option" in usage.stderr


def test_entry_point_after_a_closed_pipe_says_nothing() -> None:
    # ResNet-152's JSON is some 400 KB, more than a pipe holds: the writer is still writing when the
    # reader goes away.
    reader = subprocess.Popen([sys.executable, "-m", "cnncalc", "specs/resnet152.spec", "--format", "json"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `| head -1` does
    reader.wait(timeout=60)
    assert reader.stderr.read().decode() == ""  # no traceback, no "Exception ignored"
    assert reader.returncode == 1  # click's code for a closed pipe


# ---- `cnncalc FILE...` alone: the summary without importing click -------------------------------

@pytest.mark.parametrize(("files", "code"), [
    (["specs/alexnet.spec"], 0),
    (["docs/examples/stride3.spec"], 1),  # (7 - 3 + 2·0)/3 + 1 = 2.33: E030
    (["specs/alexnet.spec", "docs/examples/stride3.spec", "specs/lenet5.spec"], 1),
    (["specs/alexnet.spec", "no-such-file.spec"], 2),  # a usage error after the first file's table
    # with `--format F` alone, anywhere among the files, as click reads it
    (["specs/alexnet.spec", "--format", "json"], 0),
    (["--format=csv", "specs/lenet5.spec", "docs/examples/stride3.spec"], 1),
    (["specs/lenet5.spec", "--format", "markdown", "specs/alexnet.spec"], 0),
    (["docs/examples/stride3.spec", "--format", "sarif"], 1),
    (["specs/lenet5.spec", "--format", "junit"], 0),
    (["specs/lenet5.spec", "--format", "github"], 0),
])
def test_bare_files_are_the_summary_command(files: list[str], code: int) -> None:
    bare, named = _entry(*files), _entry("summary", *files)  # a command's name: click reads the arguments
    assert (bare.returncode, bare.stdout, bare.stderr) == (named.returncode, named.stdout, named.stderr)
    assert bare.returncode == code


def test_bare_files_missing_file_is_a_usage_error() -> None:
    out = _entry("no-such-file.spec")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("cnncalc: error: ") and "no-such-file.spec" in out.stderr


def _imported(*args: str) -> set[str]:
    """The modules `python -m cnncalc ARGS` imports, or `python ARGS` when ARGS start with -c."""
    command = args if args[0] == "-c" else ("-m", "cnncalc", *args)
    out = subprocess.run([sys.executable, "-X", "importtime", *command], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr[-500:]  # 1: the spec has errors
    return {line.rpartition("|")[2].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}


def test_only_bare_files_skip_click() -> None:
    assert "click" not in _imported("specs/alexnet.spec", "specs/lenet5.spec")
    assert "click" not in _imported("specs/alexnet.spec", "--format", "json")
    assert "click" in _imported("specs/alexnet.spec", "--format", "json", "--depth", "1")
    assert "click" in _imported("summary", "specs/alexnet.spec")


def test_the_bare_summary_imports_no_typing_nor_contextlib() -> None:
    # Annotations only need them, and they are a tenth of the bare summary's instructions (typing 16M of
    # 140M under callgrind). An editable install's import hook may bring them with the interpreter.
    ours = _imported("specs/alexnet.spec", "docs/examples/stride3.spec") - _imported("-c", "import runpy")
    assert "cnncalc.walker" in ours
    assert not {"typing", "contextlib"} & ours


@pytest.mark.parametrize("args", [[], ["--help"], ["-"], ["a.spec", "-"], ["check", "a.spec"],
                                  ["a.spec", "--depth", "2"], ["specs/*.spec"], ["a[1].spec"], [""],
                                  # a format click must refuse, or say is missing; two of them; no file
                                  ["a.spec", "--format", "yaml"], ["a.spec", "--format"], ["--format", "json"],
                                  ["a.spec", "--format", "json", "--format", "csv"], ["a.spec", "--format=JSON"],
                                  ["a.spec", "--format", "json", "--explain"], ["a.spec", "--format", "-"]])
def test_bare_files_leaves_everything_else_to_click(args: list[str]) -> None:
    from cnncalc.commands import plain_summary
    assert plain_summary(args) is None


def test_bare_files_leaves_shell_completion_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    from cnncalc.commands import plain_summary
    assert plain_summary(["a.spec", "b.spec"]) == (["a.spec", "b.spec"], "table")
    assert plain_summary(["a.spec", "--format", "json", "b.spec"]) == (["a.spec", "b.spec"], "json")
    assert plain_summary(["--format=csv", "a.spec"]) == (["a.spec"], "csv")
    monkeypatch.setenv("_CNNCALC_COMPLETE", "bash_complete")
    assert plain_summary(["a.spec"]) is None


def test_bare_files_after_a_closed_pipe_says_nothing() -> None:
    # Five ResNet-152 tables (some 60 KB each) are more than a pipe holds.
    reader = subprocess.Popen([sys.executable, "-m", "cnncalc", *["specs/resnet152.spec"] * 5],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()
    reader.wait(timeout=60)
    assert reader.stderr.read().decode() == ""
    assert reader.returncode == 1  # as click's path ends


# ---- output that cannot be written: said in one line, never called a bug --------------------------

POSIX = pytest.mark.skipif(os.name != "posix", reason="closes descriptors and sends SIGINT as POSIX does")

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["specs/alexnet.spec"], ["specs/alexnet.spec", "--format", "json"],
                                  ["check", "specs/alexnet.spec"], ["--version"], ["--help"], ["explain", "E030"]])
def test_a_full_disk_is_a_usage_error_not_a_bug(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "cnncalc", *args], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
                             text=True)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines()[-1] == "cnncalc: error: cannot write the output: No space left on device"
    assert "internal error" not in out.stderr and "Traceback" not in out.stderr


@POSIX
@pytest.mark.parametrize(("args", "code"), [(["specs/alexnet.spec"], 0), (["docs/examples/stride3.spec"], 1),
                                            (["check", "docs/examples/stride3.spec"], 1), (["--version"], 0)])
def test_a_closed_standard_output_keeps_the_exit_code(args: list[str], code: int) -> None:
    out = subprocess.run([sys.executable, "-m", "cnncalc", *args], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: os.close(1))  # as the shell's `>&-`
    assert out.returncode == code
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr


@POSIX
def test_a_closed_standard_input_is_a_usage_error() -> None:
    out = subprocess.run([sys.executable, "-m", "cnncalc", "-"], cwd=ROOT, capture_output=True, text=True,
                         preexec_fn=lambda: os.close(0))  # as the shell's `<&-`
    assert out.returncode == 2
    assert out.stderr == "cnncalc: error: standard input is closed; give a file, or pipe the spec in\n"


# ---- a stream that is not UTF-8: the output is written, not an internal error ----------------------

@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_output_to_a_file_in_another_encoding_is_utf8(encoding: str) -> None:
    # Windows writes a redirected stream in its code page (cp1252), which has no box drawing.
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    out = subprocess.run([sys.executable, "-m", "cnncalc", "specs/alexnet.spec", "docs/examples/stride3.spec"],
                         cwd=ROOT, capture_output=True, env=env)
    assert out.returncode == 1  # stride3's E030
    assert "━" in out.stdout.decode("utf-8")
    assert "(7 - 3 + 2·0)/3 + 1 = 2.33" in out.stderr.decode("utf-8")


def test_a_terminal_that_cannot_show_a_character_gets_a_question_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from cnncalc.render.output import Output

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    raw = Terminal()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    out = Output()
    out.write("55×55×96 ━")
    out.out.flush()
    assert raw.getvalue() == b"55?55?96 ?\n"


# ---- Ctrl-C: exit 130 on every path, never 1 (a spec with errors) nor a traceback ----------------

@POSIX
@pytest.mark.parametrize("args", [["-"], ["summary", "-"], ["check", "-"], ["-", "--format", "json"]])
def test_ctrl_c_is_exit_130(args: list[str]) -> None:
    import signal
    import time
    # (SIGINT as a terminal delivers it: a shell's background job, as CI may be, starts its children ignoring it)
    reader = subprocess.Popen([sys.executable, "-m", "cnncalc", *args], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.5)  # started, and waiting for standard input (or still importing: the same code)
    reader.send_signal(signal.SIGINT)
    _, err = reader.communicate(timeout=60)
    assert reader.returncode == 130
    assert b"Traceback" not in err and b"Aborted" not in err

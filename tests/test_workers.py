"""`check --jobs`: the files analysed in forked worker processes give the serial run's output, byte
for byte, in every format; a worker's failure is the command's, and no process outlives the run."""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import cnncalc
from cnncalc import workers
from cnncalc.analysis import run
from cnncalc.cli import cli
from cnncalc.files import InputError
from cnncalc.render.formats import names
from tests.conftest import ROOT, SPECS

pytestmark = pytest.mark.skipif(workers.workers_for(2, workers.PARALLEL_FROM) == 1,
                                reason="no os.fork here: check runs serially")


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Networks that analyse, wrong answers, errors, warnings, notes, several networks in one file
    and the lecture's notation: every kind of report a run can stream."""
    for spec in sorted(SPECS.glob("*.spec"))[:12]:
        shutil.copy(spec, tmp_path / spec.name)
    for example in sorted((ROOT / "docs" / "examples").glob("*")):
        if example.is_file() and example.suffix in (".spec", ".txt"):
            shutil.copy(example, tmp_path / example.name)
    (tmp_path / "stride.spec").write_text("input 7x7x3\nconv 2 3x3 stride 3 -> 2x2x2\n")  # (7 - 3)/3 + 1 = 2.33
    (tmp_path / "two.spec").write_text("network a\ninput 8x8x3\nconv 4 3x3 -> 6x6x4\n"
                                       "network b\ninput 8x8x3\nconv 4 3x3 -> 7x7x4\n")  # 8 - 3 + 1 = 6
    (tmp_path / "typo.spec").write_text("input 8x8x3\ncnov 4 3x3\n")
    (tmp_path / "unused.spec").write_text("block b(n) { conv n 1x1 }\ninput 8x8x3\nrelu\n")
    return tmp_path


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args], env={"COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", names("check"))
def test_every_format_is_the_serial_runs_byte_for_byte(mixed: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    serial = _check(str(mixed), "--format", fmt, "-j", "1")
    monkeypatch.setattr(os, "fork", counted_fork)
    for jobs in ("2", "3"):
        assert _check(str(mixed), "--format", fmt, "-j", jobs) == serial
    assert len(forks) == 2 + 3  # the runs above were parallel, not serial again
    explained = _check(str(mixed), "--format", fmt, "--explain", "--strict", "--max-params", "1M", "-j", "2")
    assert explained == _check(str(mixed), "--format", fmt, "--explain", "--strict", "--max-params", "1M", "-j", "1")
    assert serial[0] == 1  # the wrong answers and the errors count in the exit code
    assert _no_children_left()


def test_the_default_is_parallel_from_enough_files(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    _check(str(mixed))
    assert len(forks) == 2
    few = sorted(mixed.iterdir())[:workers.PARALLEL_FROM - 1]
    _check(*map(str, few))
    assert len(forks) == 2  # fewer files: analysed in the command's own process
    _check(*map(str, few[:3]), "-j", "2")
    assert len(forks) == 4  # unless asked for
    _check(str(few[0]), "-j", "2")
    assert len(forks) == 4  # one file: nothing to share


def test_a_process_running_other_threads_stays_serial() -> None:
    import threading
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.workers_for(2, 100) == 1
    finally:
        stop.set()
        thread.join()
    assert workers.workers_for(2, 100) == 2


def test_an_unreadable_file_among_many_is_the_same_usage_error_or_e007(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"n{i:02}.spec").write_text(f"input {8 + i}x{8 + i}x3\nconv 4 3x3\n")
    with open(tmp_path / "n10.spec", "wb") as f:  # sparse: its size is refused before it is read
        f.truncate(40 * 2**20)
    named = [str(p) for p in sorted(tmp_path.glob("*.spec"))]  # as a shell expands `*.spec`: named by the user
    serial = _check(*named, "-j", "1")
    assert serial[0] == 2 and "n10.spec' is 41,943,040 bytes, more than cnncalc reads" in serial[2]
    assert _check(*named, "-j", "2") == serial
    # found by searching the directory: E007 at the file, the others checked, in one process and in workers alike
    searched = _check(str(tmp_path), "-j", "1")
    assert searched[0] == 1 and "n10.spec:1:1: error[E007]: " in searched[1] and searched[1].endswith(
        "20 specs, 1 problem in 1 file\n")
    assert _check(str(tmp_path), "-j", "2") == searched
    assert _no_children_left()


def test_jobs_has_bounds() -> None:
    for bad in ("0", "65", "two"):
        code, _, err = _check(str(SPECS / "alexnet.spec"), "-j", bad)
        assert code == 2 and "--jobs" in err


# ---- the mechanism itself ----------------------------------------------------------------

def _texts(count: int) -> list[str]:
    return [f"n{i}.spec" for i in range(count)]


def _analysed(path: str) -> list:
    size = 8 + int(path[1:].split(".")[0])
    return [a.report for a in run(f"input {size}x{size}x3\nconv 4 3x3\n", path)]


def _inputs(reports: Iterator) -> list:
    return [report.input.dims for report in reports]


def test_reports_come_in_file_order_whatever_the_workers() -> None:
    paths = _texts(23)
    expected = [(8 + i, 8 + i, 3) for i in range(23)]
    for jobs in (2, 3, 5):
        assert _inputs(workers.in_parallel(paths, _analysed, jobs)) == expected
    assert _no_children_left()


def _raising_at(name: str, error: Exception) -> Callable[[str], list]:
    """`_analysed`, except that the file `name` raises `error` (in the worker that reads it)."""
    def analysed(path: str) -> list:
        if path == name:
            raise error
        return _analysed(path)
    return analysed


def test_a_files_input_error_comes_back_when_its_file_is_reached() -> None:
    failing = _raising_at("n7.spec", InputError("cannot read 'n7.spec': Permission denied"))
    got: list = []
    with pytest.raises(InputError, match=r"n7\.spec': Permission denied"):
        for report in workers.in_parallel(_texts(12), failing, 3):
            got.append(report.input.dims)
    assert got == [(8 + i, 8 + i, 3) for i in range(7)]
    assert _no_children_left()


def test_a_bug_in_a_worker_is_named_with_its_type_and_message() -> None:
    buggy = _raising_at("n3.spec", ZeroDivisionError("division by zero"))
    with pytest.raises(workers.WorkerError, match=r"^ZeroDivisionError: division by zero$"):
        list(workers.in_parallel(_texts(8), buggy, 2))
    assert _no_children_left()


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    def dying(path: str) -> list:
        if path == "n5.spec":
            os._exit(9)
        return _analysed(path)

    with pytest.raises(workers.WorkerError, match="ended before sending its results"):
        list(workers.in_parallel(_texts(10), dying, 2))
    assert _no_children_left()


def test_stopping_early_leaves_no_process_behind() -> None:
    stream = workers.in_parallel(_texts(200), _analysed, 2)
    assert next(stream).input.dims == (8, 8, 3)
    stream.close()  # `cnncalc check … | head`: the command stops reading
    assert _no_children_left()


def test_a_row_crosses_a_pipe_whole() -> None:
    import pickle

    from cnncalc.report import Row
    report = cnncalc.analyze(SPECS / "googlenet.spec", explain=True)  # layers, merges, joins, working, fields
    again = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert len(again.rows) == len(report.rows) > 100
    for sent, got in zip(report.rows, again.rows):
        assert type(got) is Row and all(getattr(got, s) == getattr(sent, s) for s in Row.__slots__), sent.path


def test_rows_are_left_out_only_where_the_format_does_not_read_them() -> None:
    report = _analysed("n1.spec")[0]
    light = report.without_rows()
    assert light.rows == [] and len(report.rows) == 1  # the original is untouched
    assert (light.totals, light.diagnostics, light.answers, light.outputs) == \
           (report.totals, report.diagnostics, report.answers, report.outputs)
    from cnncalc.render.formats import FORMATS
    assert [f.name for f in FORMATS.values() if f.check_reads_rows] == ["json"]

"""`check` over many files on several cores: the command forks worker processes, worker k analyses
files k, k + jobs, k + 2·jobs, … and sends each file's reports back through its own pipe, and the
command reads them in file order. The output is the serial run's, byte for byte.

Why forks and pipes rather than `multiprocessing`: a fork inherits the imported modules and the
file list (nothing to start or send), `multiprocessing.pool` alone imports in about as long as
twenty small specs take to analyse, and a pipe bounds what is in flight: a worker that runs ahead
blocks once its pipe is full, so memory does not grow with the number of files. Where `os.fork` is
missing (Windows) or unsafe (macOS, or a process running other threads), the command stays serial.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from cnncalc.limits import MAX_JOBS

if TYPE_CHECKING:
    from cnncalc.report import Report

PARALLEL_FROM = 16  # fewer files than this are analysed in the command's own process (a fork costs a few ms)


class WorkerError(Exception):
    """A worker process failed: a bug met in it (its type and message), or the process was killed."""


def usable_cpus() -> int:
    """The cores this process may run on (its affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(jobs: int | None, files: int) -> int:
    """How many worker processes to fork for `files` files (`--jobs`, None: one per usable core from
    PARALLEL_FROM files on); 1 means none: the command analyses them itself."""
    if not hasattr(os, "fork") or sys.platform == "darwin" or (jobs is None and files < PARALLEL_FROM) or \
            files < 2 or _threaded():
        return 1
    return max(1, min(jobs if jobs is not None else usable_cpus(), MAX_JOBS, files))


def _threaded() -> bool:
    """Whether other threads run (`cli.run` called from a notebook's kernel, say): a fork copies only
    the calling thread, and a lock another one holds would stay held in the worker."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def in_parallel(paths: list[str], reports_of_file: Callable[[str], list[Report]], jobs: int) -> Iterator[Report]:
    """Every file's reports, in file order, each file analysed by `reports_of_file` in a worker. A
    file's exception comes back as the same exception when it is reached, for the exceptions the
    command reports (`InputError`, `MemoryError`); any other is a `WorkerError`."""
    sys.stdout.flush()  # a fork copies unwritten output: written once, here, not again by a worker
    sys.stderr.flush()
    readers: list[BinaryIO] = []
    children: list[int] = []
    finished = False
    try:
        for worker in range(jobs):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                try:
                    os.close(read_end)
                    for earlier in readers:
                        earlier.close()
                    _work(paths[worker::jobs], reports_of_file, write_end)
                finally:
                    os._exit(1)
            os.close(write_end)
            children.append(pid)
            readers.append(os.fdopen(read_end, "rb"))
        for index in range(len(paths)):
            yield from _received(readers[index % jobs])
        finished = True
    finally:
        for reader in readers:
            reader.close()  # a worker still writing gets a broken pipe and ends
        for pid in children:
            if not finished:
                _kill(pid)
            os.waitpid(pid, 0)


def _received(reader: BinaryIO) -> list[Report]:
    import pickle
    try:
        kind, value = pickle.load(reader)
    except (EOFError, pickle.UnpicklingError) as e:
        raise WorkerError(f"a worker process ended before sending its results ({type(e).__name__})") from None
    if kind == "reports":
        return list(value)
    if kind == "input":
        from cnncalc.files import InputError
        raise InputError(value)
    if kind == "memory":
        raise MemoryError
    raise WorkerError(value)


def _work(paths: list[str], reports_of_file: Callable[[str], list[Report]], write_end: int) -> None:
    """A worker's life: each of its files' outcome pickled down the pipe, then `os._exit`, so that
    nothing of the command (its buffers, its exit handlers) runs twice."""
    import pickle

    from cnncalc.files import InputError
    code = 0
    try:
        with os.fdopen(write_end, "wb") as pipe:
            for path in paths:
                outcome: tuple[str, object]
                try:
                    outcome = ("reports", reports_of_file(path))
                except InputError as e:
                    outcome = ("input", str(e))
                except MemoryError:
                    outcome = ("memory", None)
                except Exception as e:  # noqa: BLE001 - sent to the command, which reports it as a bug
                    outcome = ("bug", f"{type(e).__name__}: {e}")
                pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()
    except BaseException:  # noqa: BLE001 - a closed pipe (the command stopped early), Ctrl-C: end quietly
        code = 1
    os._exit(code)


def _kill(pid: int) -> None:
    import contextlib
    import signal
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)

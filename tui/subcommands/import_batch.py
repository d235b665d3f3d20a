"""The batch behind ``briefing import``: every input imported, each alone, on every core.

Inputs are imported in worker processes (one per usable core; in this process when
there is one input or one core), and the results come back in input order, so that
what is written, and which of two inputs with the same id is refused, never depends on
timing. Writing stays in this process: each transcript goes to a temporary file in the
output folder, is flushed to the disk (fsync) and renamed into place, so a file is
whole or absent even if the machine stops. A bad input, or a failed write, is reported
in one line and the batch goes on with the next.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tui.atomic import write_atomic
from tui.importer import Imported, ImportFailed, Options
from tui.importer.sources import MAX_BYTES, Raw, choose, import_raw, read
from tui.importer.sources.text import too_large
from tui.importer.sources.url import is_url

PICKED = (".txt", ".md", ".html", ".htm", ".pdf")
"""The files taken from a folder; anything else there is passed over."""
_DATE = re.compile(r"^date: (\S+)$", re.MULTILINE)
INPUT_LIMIT = 120.0
"""Seconds one input may take (beyond a URL's own timeout) before it is stopped."""


@dataclass(frozen=True, slots=True)
class Task:
    argument: str
    options: Options
    timeout: float
    data: bytes | None = None
    """Standard input, read once by this process: workers cannot read it."""


@dataclass(slots=True)
class Outcome:
    """One input's result: an import, or the one-line reason there is none."""

    name: str
    kind: str = ""
    result: Imported | None = None
    where: str = ""
    error: str = ""
    warnings: tuple[str, ...] = ()
    status: str = "failed"
    output: Path | None = None

    @property
    def date(self) -> str | None:
        found = _DATE.search(self.result.text) if self.result is not None else None
        return found.group(1) if found else None


def display(argument: str) -> str:
    return "<stdin>" if argument == "-" else argument


class _Stuck(BaseException):
    """Raised by the alarm: a BaseException, so that no ``except Exception`` in a parser
    takes it for a damaged file."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop the work inside after ``seconds`` (where an alarm can be set: the main thread
    of a process on a POSIX system, which a worker and the command both are)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Stuck

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def import_one(task: Task) -> Outcome:
    """Import one input; every failure becomes a message, never an exception, and an
    input that takes longer than :data:`INPUT_LIMIT` (a parser looping on a damaged
    file) is stopped, so that one file never hangs the batch."""
    limit = INPUT_LIMIT + task.timeout
    name = display(task.argument)
    outcome = Outcome(name, where=name)
    try:
        with _time_limit(limit):
            _import_into(outcome, task)
    except _Stuck:
        outcome.result = None
        outcome.error = f"stopped after {limit:g} s: reading it takes too long (a damaged file?)"
    if outcome.result is not None:
        outcome.status = "checked"
        outcome.warnings = tuple(note.render(name) for note in outcome.result.notes)
    return outcome


def _import_into(outcome: Outcome, task: Task) -> None:
    name = outcome.name
    try:
        if task.data is None:
            raw = read(task.argument, task.timeout)
        elif len(task.data) > MAX_BYTES:
            raise too_large(len(task.data))
        else:
            raw = Raw("-", task.data)
        outcome.kind = choose(raw).name
        outcome.result = import_raw(raw, task.options)
    except OSError as exc:
        outcome.error = f"cannot read it: {exc.strerror or exc}"
    except ImportFailed as exc:
        outcome.where = name if exc.line is None else f"{name}:{exc.line}"
        outcome.error = exc.message
    except Exception as exc:  # a bug must not stop the batch or print a traceback
        outcome.error = f"the importer failed on it ({type(exc).__name__}: {exc}); please report it"


def expand(arguments: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files, ``-`` and URLs as given; folders replaced by the files under them that the
    importer reads (:data:`PICKED`, hidden ones left alone), in name order. Returns the
    inputs and the arguments that give none, with why."""
    inputs: list[str] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for argument in arguments:
        path = Path(argument)
        if argument == "-" or is_url(argument) or not path.is_dir():
            found = [argument]
        else:
            found = _folder(path)
            if not found:
                problems.append((argument, f"no {', '.join(PICKED)} files in this folder"))
        for item in found:
            key = item if item == "-" or is_url(item) else os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                inputs.append(item)
    return inputs, problems


def _folder(folder: Path) -> list[str]:
    out = []
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and Path(file).suffix.lower() in PICKED:
                out.append(os.path.join(top, file))
    return out


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_start() -> None:
    """Ctrl-C is this process's to handle: a worker that took it too would print a
    traceback of its own and break the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_tasks(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    """The outcomes in input order; a process pool when there is more than one job."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        yield from map(import_one, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunk = max(1, min(8, len(tasks) // (jobs * 4)))
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start)
    try:
        yield from pool.map(import_one, tasks, chunksize=chunk)
    finally:  # stopped early (an interrupt, an output folder that cannot be made)
        pool.shutdown(wait=True, cancel_futures=True)


class FolderError(Exception):
    """The output folder cannot be made: nothing can be written, the batch stops."""


@dataclass
class Writer:
    """Writes the outcomes in input order; refuses the second input with an id already
    taken in this batch, and existing files, unless ``force``. The output folder is made
    at the first file to write, so a batch with nothing to write leaves no trace. With
    ``dry_run`` it refuses the same inputs and writes nothing."""

    folder: Path
    force: bool
    report: Callable[[str], None]
    dry_run: bool = False
    written: dict[str, str] = field(default_factory=dict)
    ready: bool = False

    def _prepare(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderError(f"cannot create the output folder: {exc.strerror or exc}") from None
        if not self.folder.is_dir():
            raise FolderError("cannot create the output folder: a file has its name")
        self.ready = True

    def write(self, outcome: Outcome) -> None:
        result = outcome.result
        assert result is not None
        if not self.ready and not self.dry_run:
            self._prepare()
        target = self.folder / f"{result.id}.yaml"
        first = self.written.get(result.id)
        if first is not None and not self.force:
            outcome.where = outcome.name
            outcome.error = (
                f"imports to {target.name}, as {first} does: not written "
                "(give it another --id, or --force to replace)"
            )
            outcome.status = "refused"
            return
        exists = first is None and not self.force and target.exists()
        if exists and self.dry_run:
            self.report(f"{target}: warning: already exists; writing it needs --force")
        elif exists:
            outcome.where = str(target)
            outcome.error = f"already exists (from {outcome.name}); use --force to replace it"
            outcome.status = "refused"
            return
        if self.dry_run:
            self.written[result.id] = outcome.name
            return
        try:
            write_atomic(target, result.text)
        except OSError as exc:
            outcome.where = str(target)
            outcome.error = f"cannot write it: {exc.strerror or exc}"
            outcome.status = "failed"
            return
        if first is not None:
            self.report(f"{outcome.name}: warning: replaced {target.name}, written from {first}")
        self.written[result.id] = outcome.name
        outcome.status = "written"
        outcome.output = target


class Progress:
    """``[ 120/1000] 118 imported, 2 failed  path`` on one line of a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.shown = False
        self.last = 0.0

    def update(self, done: int, failed: int, name: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        width = len(str(self.total))
        line = f"[{done:>{width}}/{self.total}] {done - failed} imported, {failed} failed  {name}"
        self.stream.write("\r\x1b[K" + line[:200])
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def progress_for(total: int) -> Progress:
    return Progress(total, sys.stderr, total > 1 and sys.stderr.isatty())

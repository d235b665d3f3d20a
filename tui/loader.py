"""Loading transcripts from bytes, files and folders into the model.

Every entry point returns problems instead of raising: a bad file is reported (with its
line and column, see :class:`tui.model.Problem`) and loading goes on with the next one.
A file whose problems are only warnings still loads.

Decisions worth knowing:

- Files above :data:`tui.yamlnodes.MAX_FILE_BYTES` (8 MiB) are refused with a
  ``too-large`` problem, before they are read: real briefings are far smaller, and the
  limit bounds both time and memory of a folder load.
- Problems about a file as a whole (unreadable, empty, too large) are placed at line 1,
  column 1, so every line of ``briefing check`` output has the same ``file:line:col``
  shape and an editor can jump to it. Only a folder problem (a symlink loop) has no line.
- Special files (FIFOs, devices) are refused rather than read, so a stray named pipe
  called ``x.yaml`` cannot hang a load.
- Folder walks skip hidden entries (``.git``, ``.venv``), follow symbolic links, report a
  link back to one of its own parent folders as a loop, and read a file reached by two
  routes only once.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.gcpause import collector_paused
from tui.model import Briefing, Corpus, Problem
from tui.transcript import Document, build
from tui.walk import SUFFIXES
from tui.yamlnodes import MAX_FILE_BYTES, compose

__all__ = [
    "MAX_FILE_BYTES",
    "LoadResult",
    "iter_transcript_files",
    "load_bytes",
    "load_file",
    "load_paths",
]


@dataclass(frozen=True)
class LoadResult:
    """A loaded corpus, every problem met on the way, and how many files were read."""

    corpus: Corpus
    problems: list[Problem]
    files: int

    @property
    def briefings(self) -> int:
        return len(self.corpus)


def _document(data: bytes, path: str) -> Document:
    with collector_paused():
        root, problems = compose(data, path)
        if root is None:
            return Document(None, problems)
        document = build(root, path, Path(path).stem, data)
    document.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if document.briefing is not None:
        document.briefing = replace(document.briefing, path=Path(path))
    return document


def load_bytes(data: bytes, path: str) -> tuple[Briefing | None, list[Problem]]:
    """Load one transcript from its bytes; ``path`` names it in problems (and gives the
    default id, its stem). Never raises for any input."""
    document = _document(data, path)
    return document.briefing, document.problems


def _file_problem(path: Path, code: str, message: str) -> Problem:
    return Problem(str(path), 1, 1, code, message)


def _os_problem(path: Path, error: OSError) -> Problem:
    if error.errno == errno.ELOOP:
        return _file_problem(path, "symlink-loop", "symbolic link loop; expected a file")
    if isinstance(error, PermissionError):
        return _file_problem(
            path, "unreadable", "cannot be read: permission denied; expected a readable file"
        )
    if isinstance(error, FileNotFoundError):
        return _file_problem(path, "not-found", "no such file; expected a transcript file")
    return _file_problem(path, "unreadable", f"cannot be read: {error.strerror or error}")


def _read(path: Path) -> bytes | Problem:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return _os_problem(path, error)
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                return _file_problem(path, "not-a-file", "is a folder; expected a transcript file")
            if not stat.S_ISREG(info.st_mode):
                return _file_problem(
                    path, "not-a-file", "is not a regular file (a pipe or device); expected a file"
                )
            if info.st_size > MAX_FILE_BYTES:
                return _file_problem(
                    path,
                    "too-large",
                    f"file is {info.st_size:,} bytes; transcripts are limited to "
                    f"{MAX_FILE_BYTES:,} bytes (8 MiB), so it was not read",
                )
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return _os_problem(path, error)


def _load_document(path: Path) -> Document:
    data = _read(path)
    if isinstance(data, Problem):
        return Document(None, [data])
    return _document(data, str(path))


def load_file(path: Path) -> tuple[Briefing | None, list[Problem]]:
    """Load one transcript file; problems name it as ``str(path)``."""
    document = _load_document(Path(path))
    return document.briefing, document.problems


def iter_transcript_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Every ``*.yaml``/``*.yml`` under ``paths`` (files given directly are taken as they
    are), in sorted order, plus problems met while walking (missing paths, unreadable
    folders, symlink loops)."""
    files: list[Path] = []
    problems: list[Problem] = []
    # Files and folders are recognised by (device, inode) from the stat the walk does
    # anyway: resolving every path with realpath cost a third of a second per start
    # on 10,000 briefings, and inodes see through symlinks and bind mounts alike.
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: Path, info: os.stat_result) -> None:
        identity = (info.st_dev, info.st_ino)
        if identity not in seen_files:
            seen_files.add(identity)
            files.append(path)

    def walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            reason = error.strerror or str(error)
            message = f"cannot open folder: {reason}"
            problems.append(Problem(str(folder), None, None, "unreadable-folder", message))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                info = os.stat(path)
            except OSError as error:
                if error.errno == errno.ELOOP:
                    problems.append(_loop(path))
                elif entry.name.endswith(SUFFIXES):
                    problems.append(_os_problem(path, error))
                continue
            if stat.S_ISDIR(info.st_mode):
                identity = (info.st_dev, info.st_ino)
                if identity in ancestors:
                    problems.append(_loop(path, ancestor=True))
                elif identity not in seen_dirs:
                    seen_dirs.add(identity)
                    walk(path, ancestors | {identity})
            elif entry.name.endswith(SUFFIXES):
                add(path, info)

    for root in paths:
        root = Path(root)
        try:
            info = os.stat(root)
        except OSError as error:
            if error.errno == errno.ELOOP:
                problems.append(_loop(root))
            else:
                problems.append(
                    Problem(str(root), None, None, "not-found", "no such file or folder")
                )
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity not in seen_dirs:
                seen_dirs.add(identity)
                walk(root, frozenset({identity}))
        else:
            add(root, info)
    return files, problems


def _loop(path: Path, *, ancestor: bool = False) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    if ancestor:
        why = f"points back to {target}, a folder that contains it"
    else:
        why = f"points to {target}, which never resolves (links lead to each other)"
    return Problem(str(path), None, None, "symlink-loop", f"symbolic link loop: {why}; skipped")


def load_paths(paths: Sequence[Path]) -> LoadResult:
    """Load every transcript under ``paths`` into one corpus.

    Corpus-level check: two files may not share an ``id``. The first file (in sorted
    order) keeps it; the second is reported, naming both files, and left out, so a
    reference always means one element.
    """
    files, problems = iter_transcript_files(paths)
    briefings: list[Briefing] = []
    owners: dict[str, Path] = {}
    for path in files:
        document = _load_document(path)
        problems.extend(document.problems)
        briefing = document.briefing
        if briefing is None:
            continue
        if briefing.id in owners:
            problems.append(
                Problem(
                    str(path),
                    document.id_line,
                    document.id_column,
                    "duplicate-id",
                    f"id {briefing.id!r} is also the id of {owners[briefing.id]}; expected "
                    f"ids unique in the corpus, so {path} was not loaded",
                )
            )
            continue
        owners[briefing.id] = path
        briefings.append(briefing)
    return LoadResult(Corpus.build(briefings), problems, len(files))

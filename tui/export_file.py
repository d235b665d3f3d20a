"""Writing exported quotes to files: atomically, and never over a file unasked.

Kept apart from the rendering in :mod:`tui.export` because it is the part that touches
the file system. The text goes to a temporary file in the destination folder, is flushed
to disk, and is then linked (or, when overwriting, renamed) into place, so anyone
reading the destination sees nothing, the old file, or the whole new one, and a failure
at any step leaves no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """A quote could not be written; the message names the path and the reason."""


class DestinationExists(ExportError):
    """The destination exists and the caller did not ask to overwrite it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists (choose another name, or overwrite it)")


def _file_mode() -> int:
    """The mode a new file gets under the process umask (mkstemp would give 0600)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_export(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically; return the path written.

    The text goes to a temporary file in the destination folder, is flushed to disk, and
    is then linked (or, with ``overwrite``, renamed) into place, so a reader of ``path``
    sees either nothing, the old file, or the whole new one. Linking refuses an existing
    name atomically; where the file system cannot link, an existence check and a rename
    stand in. Raises :class:`DestinationExists` or :class:`ExportError`; on any failure
    no temporary file is left behind.
    """
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if not overwrite and path.exists():
        raise DestinationExists(path)
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        # mkdir would say "File exists" or "Not a directory": name the culprit instead
        raise ExportError(f"cannot create folder {folder}: {blocker} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create folder {folder}: {_reason(error)}") from error
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(f"cannot write in {folder}: {_reason(error)}") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), _file_mode())
            os.fsync(handle.fileno())
        _place(temp, path, overwrite)
    except DestinationExists:
        temp.unlink(missing_ok=True)
        raise
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {_reason(error)}") from error
    _sync_folder(folder)
    return path


def _place(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError as error:
        raise DestinationExists(path) from error
    except OSError:
        # No hard links here (some network and FAT file systems): check, then rename.
        if path.exists():
            raise DestinationExists(path) from None
        os.replace(temp, path)
        return
    temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

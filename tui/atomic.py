"""Writing a file atomically: the one way the project replaces or creates a file.

The data goes to a temporary file in the destination folder (so the final rename never
crosses file systems), is flushed and fsynced, and is then linked (or, when replacing,
renamed) into place; the folder is fsynced last so the new name itself survives a crash.
Anyone reading the destination sees nothing, the old file, or the whole new one, and a
failure at any step leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class TemporaryFileError(OSError):
    """The temporary file could not be created in the destination folder."""


def write_atomic(path: Path, data: str | bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` (text as UTF-8 with ``\\n`` line ends) to ``path`` atomically.

    Without ``overwrite`` an existing ``path`` is never replaced: linking refuses an
    existing name atomically (:class:`FileExistsError`); where the file system cannot
    link, an existence check and a rename stand in. The folder must exist. Raises
    :class:`TemporaryFileError` when no temporary file can be made, :class:`OSError`
    for any later failure; either way no temporary file is left behind.
    """
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise TemporaryFileError(error.errno, error.strerror, error.filename) from error
    temp = Path(temp_name)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), _file_mode())
            os.fsync(handle.fileno())
        _place(temp, path, overwrite)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return path


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


def _place(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network and FAT file systems): check, then rename.
        if path.exists():
            raise FileExistsError(path) from None
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

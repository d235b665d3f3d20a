"""Writing exported quotes to files: atomically, and never over a file unasked.

Kept apart from the rendering in :mod:`tui.export` because it is the part that touches
the file system. The writing itself is :func:`tui.atomic.write_atomic` (temporary file in
the destination folder, fsync, link or rename, fsync of the folder); this module turns
its failures into messages that name the path and the reason.

When the reader is served in a browser (``briefing serve``), the server's disk is not the
reader's: the quote is sent to the browser as a download instead, under
:func:`download_name`.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from tui.atomic import TemporaryFileError, write_atomic


class ExportError(Exception):
    """A quote could not be written; the message names the path and the reason."""


class DestinationExists(ExportError):
    """The destination exists and the caller did not ask to overwrite it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists (choose another name, or overwrite it)")


def _reason(error: OSError, folder: Path | None = None) -> str:
    """Why an OS call failed, in words. "No such file or directory" while creating an
    entry in a folder that exists means the folder refuses new entries (``/proc``,
    ``/sys``, some network mounts), which is what the user needs to hear."""
    if error.errno == errno.ENOENT and folder is not None and folder.is_dir():
        return f"{folder} does not accept new files or folders"
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
        # name the first folder that could not be made, in the one that exists
        missing = folder
        while not missing.parent.exists() and missing.parent != missing:
            missing = missing.parent
        where = missing.parent
        raise ExportError(
            f"cannot create folder {missing} in {where}: {_reason(error, where)}"
        ) from error
    try:
        write_atomic(path, text, overwrite=overwrite)
    except FileExistsError as error:
        raise DestinationExists(path) from error
    except TemporaryFileError as error:
        raise ExportError(f"cannot write in {folder}: {_reason(error, folder)}") from error
    except OSError as error:
        raise ExportError(f"cannot write {path}: {_reason(error)}") from error
    return path


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def download_name(path: Path | str) -> str:
    """The name a quote is offered under when it is downloaded instead of written.

    Only the last part of ``path`` counts (the folders are on the server, not the
    reader's machine), and it is reduced to letters, digits, ``.``, ``-`` and ``_``: the
    name travels in an HTTP header, where quotes, semicolons or line breaks would end it
    early or split it. A name with nothing left is ``quote``.
    """
    name = _UNSAFE_IN_NAME.sub("-", Path(path).name).strip("-.")
    return name or "quote"

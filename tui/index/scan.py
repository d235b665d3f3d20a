"""Finding an archive's transcript files, and confirming cheaply that none of them changed.

Every search and every start first makes sure the index matches the files, so this runs
before each query and must cost far less than one. Two parts, both on plain strings and
``os`` calls (no :mod:`pathlib` object per file, no PyYAML, no read of the ``files`` table):

* :func:`walk` lists every transcript file with its *stamp* ``(size, mtime_ns, ctime_ns,
  inode)`` (the same files, order and problems as :func:`tui.loader.iter_transcript_files`,
  which it defers to for any archive that produces a problem), and the rows of a
  *snapshot*: per folder, the folder's own stamp and its transcripts' names and stamps.
* :func:`unchanged` compares the archive with the snapshot stored by the last complete
  refresh: one ``stat`` per folder and one per transcript, compared as packed bytes.
  Any difference at all (or any doubt) answers ``None``, and the caller does the full
  refresh, which compares every file with the ``files`` table as before.

What the shortcut trusts, exactly:

1. Adding, removing or renaming an entry in a folder changes that folder's mtime or
   ctime (POSIX). So a folder whose ``(device, inode, mtime_ns, ctime_ns)`` is unchanged
   holds the same names, and its transcripts are found under the names stored.
2. Writing a file, or touching it with any mtime (older, newer, restored), sets its
   ctime to the clock's time; replacing it gives another inode. So a transcript whose
   ``(size, mtime_ns, ctime_ns, inode)`` is unchanged has not been written since.
   Every transcript is stat-ed on every check: an edit in place, which leaves the
   folder's stamps alone, is always seen.
3. Within one tick of the filesystem's clock two writes can carry the same stamps (the
   "racy" case). A folder or file whose ctime lies less than :data:`RACY_NS` before the
   walk started (or after it: a clock that went back) is not trusted: its snapshot row
   is stored unusable, so the next refresh is a full one. A full refresh compares
   stamps with the ``files`` table, as it always did.

What it cannot see, like any stamp-based check: a change made with the clock set back
to reproduce a file's exact previous stamps; content changed underneath the filesystem
(another machine writing a network share with its own clock and no ctime updates). An
archive that produced any problem while walking (a loop, an unreadable folder, a broken
link that may come to life), a root that is a single file, or files waiting on a
duplicate id get no snapshot: every refresh there is a full one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.model import Problem
from tui.walk import SUFFIXES

Stamp = tuple[int, int, int, int]
"""``(size, mtime_ns, ctime_ns, inode)`` of a file."""

RACY_NS = 2_000_000_000
"""Stamps this close to the walk are not trusted: coarser than any filesystem's clock tick
(FAT's two seconds included)."""
_INODE_MASK = (1 << 63) - 1  # stamps are packed as signed 64-bit integers
_DIR_FD = os.stat in os.supports_dir_fd


def _pack(values: Sequence[int]) -> bytes:
    return array("q", values).tobytes()


@dataclass
class Walk:
    """What :func:`walk` found: files in walk order, problems, and the snapshot's rows."""

    files: dict[str, Stamp] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    folders: list[tuple[str, bytes, str, bytes]] = field(default_factory=list)
    trusted: bool = True


class _Doubt(Exception):
    """Something the quick walk does not handle: the loader's walk decides instead."""


def walk(roots: Sequence[Path | str], started_ns: int) -> Walk:
    """Every transcript file under ``roots`` with its stamp; ``started_ns`` is the wall
    clock (:func:`time.time_ns`) taken before the walk, for the racy rule above."""
    try:
        return _quick_walk(roots, started_ns)
    except _Doubt:
        return _loader_walk(roots)


def _quick_walk(roots: Sequence[Path | str], started_ns: int) -> Walk:
    found = Walk()
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    racy_from = started_ns - RACY_NS

    def visit(folder: str, ancestors: frozenset[tuple[int, int]], info: os.stat_result) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            raise _Doubt from error
        names: list[str] = []
        stamps: list[int] = []
        trusted = info.st_ctime_ns < racy_from
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            transcript = name.endswith(SUFFIXES)
            if not transcript and not entry.is_symlink() and not entry.is_dir():
                continue  # a plain file of another kind: nothing to read or follow
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError as error:
                raise _Doubt from error
            identity = (st.st_dev, st.st_ino)
            if stat.S_ISDIR(st.st_mode):
                if identity in ancestors:
                    raise _Doubt
                if identity not in seen_dirs:
                    seen_dirs.add(identity)
                    visit(path, ancestors | {identity}, st)
            elif transcript and identity not in seen_files:
                seen_files.add(identity)
                stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & _INODE_MASK)
                found.files[path] = stamp
                names.append(name)
                stamps.extend(stamp)
                trusted = trusted and st.st_ctime_ns < racy_from
        own = (info.st_dev, info.st_ino & _INODE_MASK, info.st_mtime_ns, info.st_ctime_ns)
        found.folders.append(
            (folder, _pack(own) if trusted else b"", "\0".join(names), _pack(stamps))
        )

    for root in roots:
        path = os.path.abspath(root)
        try:
            info = os.stat(path)
        except OSError as error:
            raise _Doubt from error
        if not stat.S_ISDIR(info.st_mode):
            raise _Doubt  # a single file: the loader's rules, no snapshot
        identity = (info.st_dev, info.st_ino)
        if identity not in seen_dirs:
            seen_dirs.add(identity)
            visit(path, frozenset({identity}), info)
    return found


def _loader_walk(roots: Sequence[Path | str]) -> Walk:
    """The loader's walk (its problems, worded once), stamped file by file; no snapshot."""
    from tui.loader import iter_transcript_files

    files, problems = iter_transcript_files([Path(root) for root in roots])
    found = Walk(problems=list(problems), trusted=False)
    for file in files:
        path = os.path.abspath(file)
        try:
            st = os.stat(path)
        except OSError as error:
            reason = error.strerror or str(error)
            found.problems.append(Problem(path, None, None, "unreadable", reason))
            continue
        found.files[path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & _INODE_MASK)
    return found


def _roots_key(roots: Sequence[Path | str]) -> str:
    return "\0".join(os.path.abspath(root) for root in roots)


def store_snapshot(conn: sqlite3.Connection, roots: Sequence[Path | str], found: Walk) -> None:
    """Replace the snapshot with ``found``'s folders (inside the caller's transaction)."""
    conn.execute("DELETE FROM snapshot")
    if not found.trusted:
        return
    conn.executemany(
        "INSERT INTO snapshot (folder, stamp, names, stamps) VALUES (?, ?, ?, ?)", found.folders
    )
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('snapshot_roots', ?)",
        (_roots_key(roots),),
    )


def unchanged(conn: sqlite3.Connection, roots: Sequence[Path | str]) -> int | None:
    """How many transcripts there are if every folder and file matches the snapshot;
    ``None`` at the first difference, or when there is no usable snapshot."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'snapshot_roots'").fetchone()
    if row is None or row[0] != _roots_key(roots):
        return None
    # Row by row, not fetched whole: at 100,000 files the names and stamps are ~7 MB,
    # and the reader runs this while it reads its lists, so they would add to its peak.
    rows = conn.execute("SELECT folder, stamp, names, stamps FROM snapshot")
    total = 0
    seen = False
    try:
        for folder, own, names, stamps in rows:
            seen = True
            if not own:
                return None
            info = os.stat(folder)
            now = (info.st_dev, info.st_ino & _INODE_MASK, info.st_mtime_ns, info.st_ctime_ns)
            if _pack(now) != own:
                return None
            if names:
                listed = names.split("\0")
                if _stamps(folder, listed) != stamps:
                    return None
                total += len(listed)
    except OSError:
        return None
    return total if seen else None


def _stamps(folder: str, names: list[str]) -> bytes:
    """The packed stamps of ``names`` in ``folder`` (symlinks followed, as the walk does)."""
    values = array("q")
    add = values.extend
    mask = _INODE_MASK
    if _DIR_FD:
        fd = os.open(folder, os.O_RDONLY)
        try:
            for name in names:
                st = os.stat(name, dir_fd=fd)
                add((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & mask))
        finally:
            os.close(fd)
    else:
        for name in names:
            st = os.stat(os.path.join(folder, name))
            add((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & mask))
    return values.tobytes()

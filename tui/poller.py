"""Noticing transcript files added, changed or removed while the reader runs.

The reader polls rather than subscribing to the operating system's file events: that
needs no new dependency, works the same on every platform and on network folders, and
costs little when done this way. A :class:`Poller` remembers each folder's mtime and each
transcript's size and ``mtime_ns``. A poll stats every known folder (adding, removing or
renaming a file changes its folder's mtime, so only a folder that changed is listed
again with :func:`os.scandir`) and then a bounded slice of the files, round-robin, for
edits in place (which leave the folder alone). So one poll does at most ``budget`` file
stats whatever the size of the archive, and an edit is noticed within
``files / budget`` polls.

The first poll only takes stock (no changes are reported); it lists every folder once,
as the index's own scan does. Nothing here parses a file or touches the index: the
reader hands what changed to :meth:`tui.library.Refreshing.refresh`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.plural import count
from tui.walk import SUFFIXES

DEFAULT_BUDGET = 1000
Signature = int
"""A file's size and mtime in one int (``size * 2**64 + mtime_ns``, exact for any mtime
of the last and next 292 years): a tuple of two ints took 80 bytes more per file, 8 MB
at 100,000 files, for as long as the reader runs."""


@dataclass(frozen=True, slots=True)
class Changes:
    """Absolute paths of transcript files added, changed and removed since the last poll."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            tuple(dict.fromkeys((*self.added, *other.added))),
            tuple(dict.fromkeys((*self.changed, *other.changed))),
            tuple(dict.fromkeys((*self.removed, *other.removed))),
        )

    @property
    def paths(self) -> frozenset[str]:
        return frozenset((*self.added, *self.changed, *self.removed))

    def summary(self) -> str:
        """ "2 briefings added, 1 changed, 1 removed" (only the parts that happened)."""
        parts = [
            (len(self.added), "added"),
            (len(self.changed), "changed"),
            (len(self.removed), "removed"),
        ]
        said: list[str] = []
        for number, what in parts:
            if number:
                said.append(f"{count(number, 'briefing') if not said else number} {what}")
        return ", ".join(said) if said else "No briefing files changed"


def _signature(info: os.stat_result) -> Signature:
    return (info.st_size << 64) + info.st_mtime_ns


class Poller:
    """Polls the transcript files under ``roots`` (folders or single files)."""

    def __init__(self, roots: Sequence[Path], budget: int = DEFAULT_BUDGET) -> None:
        self.roots = [os.path.abspath(root) for root in roots]
        self.budget = max(budget, 1)
        self._folders: dict[str, int] = {}  # folder -> mtime_ns at its last listing
        self._files: dict[str, Signature] = {}
        self._order: list[str] = []  # the files in the order edits are looked for
        self._next = 0
        self._started = False
        self.ready = False  # stock has been taken: later changes will be reported

    @property
    def files(self) -> int:
        """How many transcript files the poller knows of."""
        return len(self._files)

    def poll(self) -> Changes:
        """What changed since the last poll (nothing, on the first one)."""
        if not self._started:
            self._started = True
            self._take_stock()
            self.ready = True
            return Changes()
        added: dict[str, None] = {}
        changed: dict[str, None] = {}
        removed: dict[str, None] = {}
        for folder, mtime in list(self._folders.items()):
            try:
                now = os.stat(folder).st_mtime_ns
            except OSError:
                now = None
            if now != mtime:
                self._relist(folder, now, added, changed, removed)
        for root in self.roots:
            if root not in self._folders and root not in self._files:
                self._add_root(root, added)  # a root that appeared (or was recreated)
        self._look_for_edits(changed, removed, skip=added.keys() | changed.keys())
        return Changes(tuple(added), tuple(changed), tuple(removed))

    # --- listing ------------------------------------------------------------------------

    def _take_stock(self) -> None:
        found: dict[str, None] = {}
        for root in self.roots:
            self._add_root(root, found)

    def _add_root(self, root: str, added: dict[str, None]) -> None:
        try:
            info = os.stat(root)
        except OSError:
            return
        if stat.S_ISDIR(info.st_mode):
            self._walk(root, added)
        elif root.endswith(SUFFIXES):
            self._know(root, _signature(info), added)

    def _walk(self, top: str, added: dict[str, None]) -> None:
        """List ``top`` and every folder under it not yet known (no folder twice)."""
        pending = [top]
        while pending:
            folder = pending.pop()
            if folder in self._folders:
                continue
            try:
                mtime = os.stat(folder).st_mtime_ns
                entries = self._entries(folder)
            except OSError:
                continue
            self._folders[folder] = mtime
            for path, info in entries:
                if stat.S_ISDIR(info.st_mode):
                    pending.append(path)
                else:
                    self._know(path, _signature(info), added)

    @staticmethod
    def _entries(folder: str) -> list[tuple[str, os.stat_result]]:
        """The transcript files and subfolders of ``folder`` (hidden ones skipped)."""
        out: list[tuple[str, os.stat_result]] = []
        with os.scandir(folder) as scan:
            for entry in scan:
                if entry.name.startswith("."):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                if stat.S_ISDIR(info.st_mode) or entry.name.endswith(SUFFIXES):
                    out.append((entry.path, info))
        return out

    def _know(self, path: str, signature: Signature, added: dict[str, None]) -> None:
        # Interned: the index's summaries hold the same path, interned too, so the reader
        # keeps one string per file instead of two (11 MB at 100,000 files).
        path = sys.intern(path)
        if path not in self._files:
            self._order.append(path)
            added[path] = None
        self._files[path] = signature

    def _forget(self, path: str, removed: dict[str, None]) -> None:
        if self._files.pop(path, None) is not None:
            removed[path] = None
        self._order = [known for known in self._order if known != path]

    def _relist(
        self,
        folder: str,
        mtime: int | None,
        added: dict[str, None],
        changed: dict[str, None],
        removed: dict[str, None],
    ) -> None:
        """A folder's mtime moved: compare its entries with what was known of it."""
        try:
            entries = self._entries(folder) if mtime is not None else []
        except OSError:
            entries, mtime = [], None
        prefix = folder + os.sep
        inside = {path for path in self._files if os.path.dirname(path) == folder}
        subfolders = {path for path in self._folders if os.path.dirname(path) == folder}
        present = {path for path, _ in entries}
        for path in sorted(inside - present):
            self._forget(path, removed)
        for sub in sorted(subfolders - present):
            self._drop_tree(sub, removed)
        if mtime is None:
            self._drop_tree(folder, removed)
            return
        self._folders[folder] = mtime
        for path, info in entries:
            if stat.S_ISDIR(info.st_mode):
                if path not in self._folders and path.startswith(prefix):
                    self._walk(path, added)
            elif path not in self._files:
                self._know(path, _signature(info), added)
            elif self._files[path] != _signature(info):
                self._files[path] = _signature(info)
                changed[path] = None

    def _drop_tree(self, folder: str, removed: dict[str, None]) -> None:
        prefix = folder + os.sep
        for path in [p for p in self._files if p.startswith(prefix)]:
            self._forget(path, removed)
        for sub in [f for f in self._folders if f == folder or f.startswith(prefix)]:
            del self._folders[sub]

    def _look_for_edits(
        self, changed: dict[str, None], removed: dict[str, None], skip: Iterable[str]
    ) -> None:
        """Stat the next ``budget`` files, round-robin, for edits in place."""
        skipped = set(skip)
        total = len(self._order)
        for _ in range(min(self.budget, total)):
            if not self._order:
                return
            self._next %= len(self._order)
            path = self._order[self._next]
            self._next += 1
            if path in skipped:
                continue
            try:
                signature = _signature(os.stat(path))
            except OSError:
                self._forget(path, removed)
                self._next -= 1
                continue
            if signature != self._files.get(path):
                self._files[path] = signature
                changed[path] = None

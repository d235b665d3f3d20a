"""The walk over an archive's folders: which files are transcripts, what it can report.

Shared by the loader, the index's scan, the live-reload poller and every command that
says which folders it left out. A module of its own, without the loader's imports,
because the scan and the poller run before the reader's first frame and ``briefing
search`` runs in a few tens of milliseconds: importing the loader (and with it PyYAML,
about 11 ms) for a constant or a test of a problem's code cost both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Problem

SUFFIXES = (".yaml", ".yml")
"""A file is a transcript when its name ends in one of these."""

WALK_CODES = frozenset({"unreadable-folder", "symlink-loop", "not-found"})
"""The codes of problems of the walk itself, not of a file's content."""


def left_out(problem: Problem) -> bool:
    """True for a problem of the walk itself (a folder it cannot open, a path that does
    not exist, a link loop): a place whose transcripts, if any, were never seen. A result
    that leaves them out must say so, whatever the command."""
    return problem.line is None and problem.code in WALK_CODES

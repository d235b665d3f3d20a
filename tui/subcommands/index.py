"""``briefing index [PATH] [--rebuild] [--index FILE]``: build or update the index ahead of time.

The reader updates the index itself at start-up, but a first build of a large archive takes
a while; running this once (from cron, after a sync) makes the next start instant. The
progress line goes to stderr and only to a terminal, so logs stay clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.index import Index
from tui.library import Reading, Refreshing, RefreshStats
from tui.subcommands import PROG, add_archive_argument, add_index_argument, archive


def configure(parser: argparse.ArgumentParser) -> None:
    add_archive_argument(parser)
    parser.add_argument(
        "--rebuild", action="store_true", help="discard the index and read every file again"
    )
    add_index_argument(parser)


class ProgressLine:
    """``progress(done, total)`` drawing one updating line on stderr, if it is a terminal."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.active = sys.stderr.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if self.active and total:
            print(f"\r{PROG} {self.name}: indexing {done}/{total} files", end="", file=sys.stderr)
            self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def open_index(
    root: Path, index_file: Path | None, name: str, *, rebuild: bool = False
) -> tuple[Index, RefreshStats]:
    """Open and refresh the index of ``root``, printing progress and any notice to stderr."""
    index = Index(root.resolve(), index_file)
    return index, refresh(index, name, rebuild=rebuild)


def refresh(library: Refreshing, name: str, *, rebuild: bool = False) -> RefreshStats:
    """Bring ``library`` up to date, with a progress line and any notice on stderr."""
    line = ProgressLine(name)
    try:
        stats = library.refresh(line, rebuild=rebuild)
    finally:
        line.clear()
    if library.notice:
        print(f"{PROG} {name}: note: {library.notice}", file=sys.stderr)
    return stats


def report(library: Reading, stats: RefreshStats, where: str) -> int:
    """Print what the refresh did and every problem; 1 if any file is not searchable."""
    problems = library.problems()
    rate = stats.indexed / stats.seconds if stats.seconds > 0 else 0.0
    print(
        f"{stats.indexed} indexed, {stats.unchanged} unchanged, {stats.removed} removed, "
        f"{stats.failed} failed in {stats.seconds:.2f} s ({rate:.0f} files/s); index: {where}"
    )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"{PROG} index: {len(problems)} problem(s) above; those files are not searchable",
            file=sys.stderr,
        )
    return 1 if problems else 0


def run(args: argparse.Namespace) -> int:
    index, stats = open_index(archive(args.path), args.index, "index", rebuild=args.rebuild)
    try:
        if index.in_memory:
            # the files were read (and their problems are worth listing), but the point
            # of this command is an index kept for later: without one it failed
            report(index, stats, "not kept")
            kept = f"{PROG} index: nothing was kept: {index.path} cannot be written"
            print(kept, file=sys.stderr)
            return 1
        return report(index, stats, str(index.path))
    finally:
        index.close()

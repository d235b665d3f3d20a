"""Non-interactive subcommands of ``briefing``; one module each, imported on demand.

The arguments several commands share (the archive to read, the index file) are defined
here once, so they are spelled and explained the same way in every ``--help``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_archive_argument(parser: argparse.ArgumentParser, metavar: str = "path") -> None:
    """The optional folder or file of transcripts; ``None`` means the bundled ones."""
    parser.add_argument(
        "path",
        metavar=metavar,
        nargs="?",
        type=Path,
        default=None,
        help="folder or file of transcripts (default: the bundled transcripts)",
    )


def add_index_argument(parser: argparse.ArgumentParser) -> None:
    """``--index FILE``: the index database instead of the one in the cache folder."""
    parser.add_argument(
        "--index",
        type=Path,
        metavar="FILE",
        default=None,
        help="index file to use (default: one per archive in the user's cache folder)",
    )

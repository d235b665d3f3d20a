"""The ``briefing`` command line.

``briefing [PATH]`` opens the reader; ``briefing <subcommand> ...`` runs one of the
non-interactive tools. The parsers are built from the table in :mod:`tui.subcommands`,
whose entries import their module only when they are used, so ``briefing check`` never
pays for importing Textual and the reader never pays for the importer.

Exit codes: 0 success, 1 the tool ran and found a problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.subcommands import (
    PROG,
    SUBCOMMANDS,
    UsageError,
    add_archive_argument,
    add_index_argument,
    archive,
    bundled_transcripts,
)

__all__ = ["PROG", "archives_to_open", "bundled_transcripts", "main"]


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Read, search and quote press-briefing transcripts. "
            f"Subcommands: {', '.join(SUBCOMMANDS)} (see '{PROG} SUBCOMMAND --help')."
        ),
    )
    add_archive_argument(parser)
    add_index_argument(parser)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def archives_to_open(given: Path | None) -> list[Path]:
    """The archive named on the command line, else the settings' archives, else the
    bundled transcripts."""
    if given is None:
        from tui.config import load_config

        configured = load_config().archives  # its problems are the reader's notices
        if configured:
            return list(configured)
    return [archive(given)]


def _run_reader(args: argparse.Namespace) -> int:
    from tui import gcpause

    paths = archives_to_open(args.path)
    gcpause.hold_for_start()  # until the first screen is up: see tui.gcpause
    from tui.terminal_encoding import ensure_utf8

    warning = ensure_utf8(sys.stdout, sys.stderr)
    if warning is not None:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    from tui.app import run_reader  # Textual is imported only here

    index_path: Path | None = args.index
    return int(run_reader(paths, index_path))


def _usage_error(prog: str, error: UsageError) -> int:
    for line in error.args:
        print(f"{prog}: {line}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in SUBCOMMANDS:
        command = SUBCOMMANDS[arguments[0]]
        prog = f"{PROG} {command.name}"
        parser = argparse.ArgumentParser(prog=prog, description=command.help)
        command.configure(parser)
        # Options may stand between positional arguments (`search WORD --limit 1 DIR`).
        args = parser.parse_intermixed_args(arguments[1:])
        try:
            return int(command.run(args))
        except UsageError as error:
            return _usage_error(prog, error)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
    reader = _reader_parser()
    try:
        return _run_reader(reader.parse_args(arguments))
    except UsageError as error:
        return _usage_error(PROG, error)

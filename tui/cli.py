"""The ``briefing`` command line.

``briefing [PATH] [REFERENCE]`` opens the reader (at the reference, if one is given);
``briefing <subcommand> ...`` runs one of the non-interactive tools.

A reference and a path are told apart by their form alone, never by what is on disk
(:func:`tui.references.is_reference`): ``ID#q2.a1``, ``ID#q2``, ``ID#r1`` with an id
of letters, digits, ``.``, ``_`` and ``-`` is a reference; anything else, and anything
with a slash (``./odd#q1``), is a path. So ``briefing 2023-05-04-mfa#q2.a1`` and
``briefing transcripts/ 2023-05-04-mfa#q2.a1`` mean what they look like, in either order.

The parsers are built from the table in :mod:`tui.subcommands`,
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
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help="folder or file of transcripts (default: the archives of the settings, "
        "else the bundled transcripts)",
    )
    parser.add_argument(
        "reference",
        nargs="?",
        default=None,
        help="open the reader at this reference, e.g. 2017-10-11-shanghai#q2.a1 "
        "(ID#qN.aM, ID#qN or ID#rN; an argument with a slash is always a path)",
    )
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


def reader_targets(path: str | None, reference: str | None) -> tuple[Path | None, str | None]:
    """The archive and the reference of ``briefing [PATH] [REFERENCE]``, in either order;
    :class:`UsageError` for two of a kind."""
    from tui.references import is_reference  # the reader's alone: not paid by subcommands

    given = [argument for argument in (path, reference) if argument is not None]
    references = [argument for argument in given if is_reference(argument)]
    paths = [argument for argument in given if not is_reference(argument)]
    if len(references) > 1:
        raise UsageError("give one reference at a time")
    if len(paths) > 1:
        raise UsageError(
            f"{paths[1]}: not a reference (ID#qN.aM, ID#qN or ID#rN), and only one "
            "folder or file can be opened"
        )
    return (Path(paths[0]) if paths else None), (references[0] if references else None)


def _run_reader(args: argparse.Namespace) -> int:
    from tui import gcpause

    where, start = reader_targets(args.path, args.reference)
    paths = archives_to_open(where)
    gcpause.hold_for_start()  # until the first screen is up: see tui.gcpause
    from tui.terminal_encoding import ensure_utf8

    warning = ensure_utf8(sys.stdout, sys.stderr)
    if warning is not None:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    from tui.app import run_reader  # Textual is imported only here

    index_path: Path | None = args.index
    return int(run_reader(paths, index_path, start))


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

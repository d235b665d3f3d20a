"""The ``briefing`` command line.

``briefing [PATH]`` opens the reader; ``briefing <subcommand> ...`` runs one of the
non-interactive tools. Each subcommand lives in its own module under
``tui.subcommands`` and is imported only when it is used, so ``briefing check`` never
pays for importing Textual and the reader never pays for the importer.

Exit codes: 0 success, 1 the tool ran and found a problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from tui import __version__
from tui.subcommands import add_archive_argument, add_index_argument

# Subcommand name -> module under tui.subcommands. Each module defines HELP (one line),
# configure(parser) and run(args) -> int.
SUBCOMMANDS: dict[str, str] = {
    "check": "check",
    "export": "export",
    "import": "imports",
    "index": "index",
    "schema": "schema",
    "search": "search",
}

PROG = "briefing"


def bundled_transcripts() -> Path:
    """The transcripts shipped with the project (the default archive)."""
    return Path(__file__).resolve().parent.parent / "transcripts"


def _subcommand_module(name: str) -> ModuleType:
    return importlib.import_module(f"tui.subcommands.{SUBCOMMANDS[name]}")


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


def _run_reader(args: argparse.Namespace) -> int:
    from tui import gcpause

    gcpause.hold_for_start()  # until the first screen is up: see tui.gcpause
    from tui.terminal_encoding import ensure_utf8

    warning = ensure_utf8(sys.stdout, sys.stderr)
    if warning is not None:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    from tui.app import run_reader  # Textual is imported only here

    path: Path = args.path if args.path is not None else bundled_transcripts()
    if not path.exists():
        print(f"{PROG}: {path}: no such file or folder", file=sys.stderr)
        return 2
    index_path: Path | None = args.index
    return int(run_reader(path, index_path))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in SUBCOMMANDS:
        name = arguments[0]
        module = _subcommand_module(name)
        parser = argparse.ArgumentParser(prog=f"{PROG} {name}", description=module.HELP)
        module.configure(parser)
        # Options may stand between positional arguments (`search WORD --limit 1 DIR`).
        args = parser.parse_intermixed_args(arguments[1:])
        try:
            return int(module.run(args))
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
    reader = _reader_parser()
    return _run_reader(reader.parse_args(arguments))

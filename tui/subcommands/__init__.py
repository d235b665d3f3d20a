"""The non-interactive subcommands of ``briefing``: one table, one module each.

:data:`SUBCOMMANDS` is the registry :mod:`tui.cli` builds its argument parsers from. An
entry names the subcommand, says in one line what it does (the ``--help`` description),
and gives ``configure(parser)`` and ``run(args) -> int``. The built-in entries import
their module only when they are used, so ``briefing check`` never pays for importing
Textual and the reader never pays for the importer. Adding a subcommand is one module
with ``configure`` and ``run`` and one :func:`lazy` line below.

The arguments several commands share (the archive to read, the index file) and the rule
for the archive (given, or the bundled transcripts; one that does not exist is a usage
error, exit 2) are defined here once, so every command spells and applies them alike.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Problem

PROG = "briefing"


class UsageError(Exception):
    """A mistake on the command line; each argument is one line of the message (exit 2)."""


@dataclass(frozen=True, slots=True)
class Subcommand:
    """One ``briefing NAME ...`` command."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def lazy(name: str, module: str, help: str) -> Subcommand:
    """The subcommand whose ``configure`` and ``run`` are those of ``tui.subcommands.<module>``,
    imported on first use."""

    def configure(parser: argparse.ArgumentParser) -> None:
        importlib.import_module(f"tui.subcommands.{module}").configure(parser)

    def run(args: argparse.Namespace) -> int:
        return int(importlib.import_module(f"tui.subcommands.{module}").run(args))

    return Subcommand(name, help, configure, run)


SUBCOMMANDS: dict[str, Subcommand] = {
    command.name: command
    for command in (
        lazy(
            "check",
            "check",
            "Check transcripts (default: the bundled ones) and report every problem as "
            "file:line:col.",
        ),
        lazy(
            "cite",
            "cite",
            "Print the citation of an answer (or question, or remark) in APA, Chicago, MLA "
            "or as CSL-JSON.",
        ),
        lazy(
            "clips",
            "clips",
            "Clippings: collect answers with notes in named collections, list and export them.",
        ),
        lazy(
            "config",
            "config",
            "Print the settings file's path (config path) or the settings in effect (config show).",
        ),
        lazy(
            "export",
            "export",
            "Print or save a quote of an answer (or question, or remark) with its citation, "
            "or a whole briefing (Markdown, text, JSON, Akoma Ntoso XML).",
        ),
        lazy(
            "import",
            "imports",
            "Import briefing transcripts (text, HTML, PDF, URLs, folders) into checked "
            "transcripts.",
        ),
        lazy(
            "index",
            "index",
            "Build or update the search index of an archive (only changed files are re-read).",
        ),
        lazy(
            "schema",
            "schema",
            "Print the JSON Schema (draft 2020-12) of the transcript format, for editor "
            "validation.",
        ),
        lazy(
            "search",
            "search",
            'Search the archive\'s full text (words, "phrases", financ*, AND/OR/NOT, filters).',
        ),
        lazy(
            "serve",
            "serve",
            "Serve the reader to web browsers (needs the web extra: pip install 'briefing[web]').",
        ),
        lazy(
            "watch",
            "watch",
            "Saved searches: save a query by name, then list the hits added since last time.",
        ),
    )
}


def register(command: Subcommand) -> None:
    """Add ``command`` to :data:`SUBCOMMANDS` (a name already there is replaced)."""
    SUBCOMMANDS[command.name] = command


def bundled_transcripts() -> Path:
    """The transcripts shipped with the project (the default archive)."""
    return Path(__file__).resolve().parent.parent.parent / "transcripts"


def existing(paths: Iterable[Path]) -> list[Path]:
    """``paths``, all of which exist; else :class:`UsageError` naming each one missing."""
    paths = list(paths)
    missing = [path for path in paths if not path.exists() and not path.is_symlink()]
    if missing:
        raise UsageError(*(f"{path}: no such file or folder" for path in missing))
    return paths


def archive(path: Path | None) -> Path:
    """The archive a command reads: ``path``, or the bundled transcripts when it is None.

    One that does not exist raises :class:`UsageError`.
    """
    return existing([path if path is not None else bundled_transcripts()])[0]


def warn_left_out(command: str, problems: Iterable[Problem]) -> None:
    """On stderr, every place of the archive the command could not look into (a folder
    it cannot open, a link loop): a result without them must never pass for the whole
    archive. ``check`` and ``index`` list every problem anyway; the others call this."""
    from tui.walk import left_out

    for problem in problems:
        if left_out(problem):
            print(f"{PROG} {command}: {problem}; its transcripts are not searched", file=sys.stderr)


def write_output(command: str, text: str, output: Path, *, force: bool, what: str = "") -> int:
    """``-o FILE`` of an export-like command: 0 once written (said on stderr, ``what``
    before the path), 1 with the reason on stderr when not (a file that exists without
    ``--force``, a folder that cannot be made or written); never a partial file."""
    from tui.export_file import DestinationExists, ExportError, write_export

    try:
        written = write_export(output, text, overwrite=force)
    except DestinationExists as error:
        print(
            f"{command}: {error.path} already exists (use --force to overwrite it)",
            file=sys.stderr,
        )
        return 1
    except ExportError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 1
    print(f"{command}: wrote {what}{written.resolve()}", file=sys.stderr)
    return 0


def emit(command: str, text: str, output: Path | None, *, force: bool) -> int:
    """The text of an export-like command to stdout, or to ``output`` (:func:`write_output`)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    return write_output(command, text, output, force=force)


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


def _style_key(value: str) -> str:
    """``--style``'s check: a known citation style, else a usage error listing them."""
    from tui.citation import STYLES

    if value not in STYLES:
        raise argparse.ArgumentTypeError(
            f"unknown citation style {value!r}; known styles: {', '.join(STYLES)}"
        )
    return value


def add_style_argument(parser: argparse.ArgumentParser, help: str) -> None:
    """``--style STYLE``: a citation style of :data:`tui.citation.STYLES` (exit 2 if unknown)."""
    from tui.citation import DEFAULT_STYLE, STYLES

    parser.add_argument(
        "--style",
        "-s",
        type=_style_key,
        default=DEFAULT_STYLE,
        metavar="|".join(STYLES),
        help=help,
    )

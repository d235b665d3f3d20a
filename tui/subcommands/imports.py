"""``briefing import RAW...``: text copied from briefing pages to checked transcripts.

Every input is imported and checked before anything is written, so that a bad input
among several leaves the output folder as it was; each file is then written to a
temporary file in the same folder and renamed into place, so a file is either whole or
absent. Warnings go to standard error as ``file:line: warning: ...``, what was written
(or, with ``--dry-run``, what would be, with the word counts) to standard output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from tui.importer import Hint, Imported, ImportFailed, Options, import_bytes
from tui.importer.pipeline import VALID_ID

HELP = "Import briefing transcripts copied from web pages into checked transcript files."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "raw", nargs="+", metavar="RAW", help="text copied from a briefing page ('-': stdin)"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="folder to write <id>.yaml into (default: the current folder)",
    )
    parser.add_argument("--id", help="id (file name without .yaml) for a single input")
    parser.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar='"Name, role"',
        help="full name and role of a podium speaker, matched to labels by surname "
        "(MS. PSAKI -> Jen Psaki) or by role (THE PRESIDENT -> 'President ...'); "
        "'LABEL=Name, role' names a label outright; repeatable",
    )
    parser.add_argument(
        "--split-embedded",
        action="store_true",
        help="make a question printed inside an answer its own exchange",
    )
    parser.add_argument("--date", help="date held (YYYY-MM-DD) when the record gives none")
    parser.add_argument("--force", action="store_true", help="replace existing files")
    parser.add_argument(
        "--dry-run", action="store_true", help="import and check, print the counts, write nothing"
    )


def _error(where: str, message: str) -> None:
    print(f"{where}: error: {message}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Options | None:
    try:
        hints = tuple(Hint.parse(value) for value in args.speaker)
    except ValueError as exc:
        _error("briefing import", str(exc))
        return None
    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        _error("briefing import", f"--date {args.date!r}: expected a date as YYYY-MM-DD")
        return None
    return Options(hints, args.split_embedded, args.id, date)


def _read(raw: str) -> bytes:
    if raw == "-":
        return sys.stdin.buffer.read()
    return Path(raw).read_bytes()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _summary(name: str, result: Imported) -> str:
    counts = result.accounting
    dropped = ", ".join(f"{kind} {n}" for kind, n in counts.dropped.items() if n)
    checks = len(result.notes)
    return (
        f"{name}: {result.id}.yaml: {_count(result.speakers, 'speaker')}, "
        f"{_count(result.remarks, 'remark')}, {_count(result.exchanges, 'exchange')}, "
        f"{checks} to check\n"
        f"  words: {counts.body} in the body = {counts.labels} in speaker labels "
        f"+ {counts.written} written; none lost"
        + (f"\n  left out as not said: {dropped}" if dropped else "")
    )


def run(args: argparse.Namespace) -> int:
    options = _options(args)
    if options is None:
        return 2
    if args.id is not None and not VALID_ID.fullmatch(args.id):
        _error("briefing import", f"--id {args.id!r}: use only letters, digits, '-', '_' and '.'")
        return 2
    if args.id and len(args.raw) > 1:
        _error("briefing import", "--id names one transcript: give a single RAW file")
        return 2
    results: list[tuple[str, Imported]] = []
    failed = False
    for raw in args.raw:
        name = "<stdin>" if raw == "-" else raw
        try:
            result = import_bytes(_read(raw), raw, options)
        except OSError as exc:
            _error(name, f"cannot read it: {exc.strerror or exc}")
            failed = True
            continue
        except ImportFailed as exc:
            _error(name if exc.line is None else f"{name}:{exc.line}", exc.message)
            failed = True
            continue
        for note in result.notes:
            print(note.render(name), file=sys.stderr)
        results.append((name, result))
    ids = [r.id for _, r in results]
    for name, result in results:
        if ids.count(result.id) > 1:
            _error(name, f"another input imports to the same id {result.id!r}: rename one")
            failed = True
    if failed:
        print("briefing import: nothing was written", file=sys.stderr)
        return 1
    if args.dry_run:
        for name, result in results:
            print(_summary(name, result))
        return 0
    return _write_all(results, args.output, args.force)


def _write_all(results: list[tuple[str, Imported]], folder: Path, force: bool) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(str(folder), f"cannot create the output folder: {exc.strerror or exc}")
        return 1
    if not folder.is_dir():
        _error(str(folder), "the output folder is not a folder")
        return 1
    failed = False
    for name, result in results:
        target = folder / f"{result.id}.yaml"
        if target.exists() and not force:
            _error(str(target), f"already exists (from {name}); use --force to replace it")
            failed = True
    if failed:
        print("briefing import: nothing was written", file=sys.stderr)
        return 1
    for name, result in results:
        target = folder / f"{result.id}.yaml"
        try:
            _write_atomic(target, result.text)
        except OSError as exc:
            _error(str(target), f"cannot write it: {exc.strerror or exc}")
            return 1
        print(
            f"wrote {target} from {name}: {_count(result.exchanges, 'exchange')}, "
            f"{_count(result.remarks, 'remark')}, {result.accounting.written} words (none lost), "
            f"{len(result.notes)} to check"
        )
    return 0


def _write_atomic(target: Path, text: str) -> None:
    """Write to a temporary file beside ``target`` and rename it into place."""
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

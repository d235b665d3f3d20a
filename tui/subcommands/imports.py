"""``briefing import RAW...``: briefing pages (text, HTML, PDF, URLs, whole folders) to
checked transcripts.

Each input is imported and checked on its own (:mod:`tui.subcommands.import_batch`
runs them on every core) and written as soon as it is checked, whole or not at all: a
bad input gets one line, ``NAME: error: why``, and the others go on; the exit status is
1 when any input was not written. Warnings go to standard error as
``file:line: warning: ...``; what was written (or, with ``--dry-run``, what would be,
with the word counts) to standard output, as a table for several inputs or as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from tui.ids import NEW_ID_PATTERN
from tui.importer import Hint, ImportFailed, Options
from tui.importer.sources import MAX_BYTES, extract, read
from tui.importer.sources.url import TIMEOUT
from tui.subcommands import import_report as report
from tui.subcommands.import_batch import (
    PICKED,
    FolderError,
    Outcome,
    Task,
    Writer,
    display,
    expand,
    progress_for,
    run_tasks,
    usable_cores,
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "raw",
        nargs="+",
        metavar="RAW",
        help="a text, HTML or PDF file, an http(s):// URL, '-' for standard input, or a "
        f"folder (every {', '.join(PICKED)} file under it)",
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
    parser.add_argument(
        "--force", action="store_true", help="replace existing files (and earlier inputs' files)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="import and check, print the counts, write nothing"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the summary as JSON (for scripts)"
    )
    parser.add_argument(
        "--show-text",
        action="store_true",
        help="print the text read from each input (what warnings' line numbers count), "
        "write nothing",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="inputs imported at once (default: one per core)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"for each URL: seconds to wait and to download (default: {TIMEOUT:g}; "
        f"bodies over {MAX_BYTES // (1024 * 1024)} MB are refused)",
    )


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


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
    if args.id is not None and not NEW_ID_PATTERN.fullmatch(args.id):
        _error("briefing import", f"--id {args.id!r}: use only letters, digits, '-', '_' and '.'")
        return None
    if (args.jobs is not None and args.jobs < 1) or not args.timeout > 0:
        _error("briefing import", "--jobs and --timeout must be positive")
        return None
    return Options(hints, args.split_embedded, args.id, date)


def run(args: argparse.Namespace) -> int:
    options = _options(args)
    if options is None:
        return 2
    inputs, problems = expand(args.raw)
    if args.id and (len(args.raw) > 1 or len(inputs) > 1):
        _error("briefing import", "--id names one transcript: give a single RAW file")
        return 2
    for where, message in problems:
        _error(where, message)
    if args.show_text:
        return _show_text(inputs, args.timeout) or int(bool(problems))
    writer = Writer(args.output, args.force, _warn, dry_run=args.dry_run)
    tasks = [Task(raw, options, args.timeout, _stdin() if raw == "-" else None) for raw in inputs]
    outcomes: list[Outcome] = []
    progress = progress_for(len(tasks))
    try:
        for outcome in run_tasks(tasks, args.jobs or usable_cores()):
            progress.clear()
            for line in outcome.warnings:
                print(line, file=sys.stderr)
            if outcome.result is not None:
                writer.write(outcome)
            if outcome.error:
                _error(outcome.where, outcome.error)
            outcomes.append(outcome)
            failed = sum(o.status in ("failed", "refused") for o in outcomes)
            progress.update(len(outcomes), failed, outcome.name)
    except KeyboardInterrupt:
        progress.clear()
        print(f"briefing import: interrupted after {len(outcomes)} inputs", file=sys.stderr)
        return 130
    except BrokenProcessPool as exc:
        progress.clear()
        _error("briefing import", f"a worker process died ({exc}); {len(outcomes)} inputs done")
        return 1
    except FolderError as exc:
        progress.clear()
        _error(str(args.output), str(exc))
        print("briefing import: nothing was written", file=sys.stderr)
        return 1
    progress.clear()
    return _finish(outcomes, args, failed_arguments=len(problems))


def _stdin() -> bytes:
    return sys.stdin.buffer.read(MAX_BYTES + 1)


def _finish(outcomes: list[Outcome], args: argparse.Namespace, failed_arguments: int) -> int:
    bad = [o for o in outcomes if o.status in ("failed", "refused")]
    if args.json:
        print(report.as_json(outcomes, args.dry_run))
    elif len(outcomes) == 1 and not failed_arguments:
        (outcome,) = outcomes
        if outcome.result is not None and args.dry_run:
            print(report.counts(outcome.name, outcome.result))
        elif outcome.output is not None:
            print(report.wrote(outcome))
    elif outcomes:
        if args.dry_run:
            for outcome in outcomes:
                if outcome.result is not None:
                    print(report.counts(outcome.name, outcome.result))
        print(report.table(outcomes))
    if len(outcomes) == 1 and bad:
        print("briefing import: nothing was written", file=sys.stderr)
    elif bad:
        done = "failed" if args.dry_run else "not written"
        print(f"briefing import: {len(bad)} of {len(outcomes)} inputs {done}", file=sys.stderr)
    return 1 if bad or failed_arguments else 0


def _show_text(inputs: list[str], timeout: float) -> int:
    """Each input's text as the importer reads it: what warnings' line numbers count."""
    status = 0
    for argument in inputs:
        name = display(argument)
        try:
            source = extract(read(argument, timeout))
        except OSError as exc:
            _error(name, f"cannot read it: {exc.strerror or exc}")
            status = 1
            continue
        except ImportFailed as exc:
            _error(name, exc.message)
            status = 1
            continue
        if len(inputs) > 1:
            print(f"==> {name} ({source.kind}) <==")
        if source.text is not None:
            sys.stdout.write(source.text)
        else:
            sys.stdout.write((source.data or b"").decode("utf-8", errors="replace"))
    return status

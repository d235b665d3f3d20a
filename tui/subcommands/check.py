"""``briefing check [PATH...]``: load transcripts and report every problem.

Output is one ``file:line:col: message`` line per problem (the shape compilers use, so
editors and terminals can jump to it), sorted by file and position, then a summary
``N files, M briefings, K problems``. Warnings count as problems: ``check`` is the gate
before a transcript is committed, so it exits 1 on anything it would print.

A path that does not exist is a usage error (exit 2), not a problem of the corpus: a
typo on the command line should not read like a bad transcript.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tui.loader import load_paths
from tui.plural import count
from tui.subcommands import PROG, bundled_transcripts


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="transcript files or folders, searched recursively (default: bundled transcripts)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _readable(path: Path) -> Path:
    """The bundled folder relative to the current directory when it is below it."""
    relative = os.path.relpath(path)
    return Path(relative) if not relative.startswith("..") else path


def run(args: argparse.Namespace) -> int:
    given = list(args.paths) or [_readable(bundled_transcripts())]
    # A path that does not exist is a usage error (exit 2), but the others are still
    # checked: one mistyped name must not hide the problems of the rest.
    missing = [path for path in given if not path.exists() and not path.is_symlink()]
    for path in missing:
        print(f"{PROG} check: {path}: no such file or folder", file=sys.stderr)
    paths = [path for path in given if path not in missing]
    if not paths:
        return 2
    result = load_paths(paths)
    problems = sorted(result.problems, key=lambda p: (p.path, p.line or 0, p.column or 0))
    if args.json:
        document = {
            "files": result.files,
            "briefings": result.briefings,
            "problems": [problem.to_json() for problem in problems],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        totals = [count(result.files, "file"), count(result.briefings, "briefing")]
        print(", ".join([*totals, count(len(problems), "problem")]))
    return 2 if missing else 1 if problems else 0

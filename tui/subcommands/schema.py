"""``briefing schema``: print (or write) the JSON Schema of the transcript format.

Editors that speak the YAML language server validate a transcript as it is typed when
its first line is ``# yaml-language-server: $schema=transcript.schema.json``; this
command is how a user gets that file without digging into the installed package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.atomic import write_atomic
from tui.schema import schema_text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the schema to FILE instead of printing it",
    )


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    output: Path | None = args.output
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(output, text)
    except OSError as error:
        print(f"briefing schema: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {output}", file=sys.stderr)
    return 0

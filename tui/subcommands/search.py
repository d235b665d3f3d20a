"""``briefing search QUERY [PATH] [--json | --format csv|jsonl|md [-o FILE]] [--limit N]
[--relevance] [--index FILE]``.

The same results as the reader's search mode, for people at a shell and for scripts. The
index is brought up to date first (a no-op when nothing changed). Transcript text is
printed as the characters it is: control characters are shown as visible symbols, and
matches are emphasised (bold, underlined) only when stdout is a terminal.

``--format`` writes *every* hit (``--limit`` still limits when given) as data, through
the table of :mod:`tui.hits_export`; on a terminal the data is shown display-safe, in a
file or a pipe it is the transcript's exact text. No hit is exit 1 here too, after a
CSV's header row.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.hits_export import HIT_FORMATS, render_hits
from tui.library import Order, SearchHit, Searching
from tui.model import UNNAMED_ASKER
from tui.plural import count
from tui.query import QueryError
from tui.safetext import visible
from tui.subcommands import (
    PROG,
    add_archive_argument,
    add_index_argument,
    archive,
    warn_left_out,
    write_output,
)
from tui.subcommands.index import open_index
from tui.wrap import wrap_spans

EPILOG = """query language:
  budget deficit          both words (AND is implied)
  "belt and road"         a phrase
  financ*                 a prefix (at least 3 letters)
  tax OR tariff           either; NOT excludes; ( ) groups
  speaker:"Li Jun"        said by a speaker (part of a name is enough)
  asker:reuters           asked by an outlet or journalist, and the answers given
  from:2017 to:2019-06    dates as YYYY, YYYY-MM or YYYY-MM-DD
  briefing:2017-10        one briefing, by id or the start of its id
  clipped:yes             clipped answers (clipped:NAME: in collection NAME)
  note:lead               answers whose clipping note has the word"""

EMPHASIS = ("\x1b[1;4m", "\x1b[0m")
TABLE_LIMIT = 20


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("query", help="what to look for (see the query language below)")
    add_archive_argument(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the hits as JSON")
    output.add_argument(
        "--format",
        "-f",
        choices=list(HIT_FORMATS),
        default=None,
        help="every hit as data: "
        + ", ".join(f"{fmt.key} ({fmt.label})" for fmt in HIT_FORMATS.values()),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help=f"at most N hits (default {TABLE_LIMIT}; with --format, every hit)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, default=None, help="with --format: write FILE"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it already exists")
    parser.add_argument(
        "--relevance", action="store_true", help="best matches first instead of newest first"
    )
    add_index_argument(parser)


def emphasise(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> str:
    """``text[start:end]`` with the parts inside ``spans`` wrapped in ANSI emphasis."""
    out: list[str] = []
    position = start
    for span_start, span_end in spans:
        a, b = max(span_start, start), min(span_end, end)
        if a >= b:
            continue
        out.append(text[position:a])
        out.append(EMPHASIS[0] + text[a:b] + EMPHASIS[1])
        position = b
    out.append(text[position:end])
    return "".join(out)


def _person(hit: SearchHit) -> str:
    if hit.kind == "question":
        return f"{hit.person or UNNAMED_ASKER} (question)"
    return hit.person or ""


def print_table(hits: Sequence[SearchHit], terminal: bool) -> None:
    if terminal:
        import shutil  # only for a terminal's width: it imports three compression modules

        width = max(40, shutil.get_terminal_size((100, 24)).columns)
    else:
        width = 100
    for number, hit in enumerate(hits):
        if number:
            print()
        head = f"{hit.date.isoformat()}  {hit.ref}  {_person(hit)}"
        print(visible(head))
        snippet = visible(hit.snippet)
        for start, end in wrap_spans(snippet, width - 4):
            end = start + len(snippet[start:end].rstrip(" "))
            body = emphasise(snippet, hit.spans, start, end) if terminal else snippet[start:end]
            print("    " + body)


def to_json(hit: SearchHit) -> dict[str, object]:
    return {
        "briefing": hit.briefing_id,
        "title": hit.title,
        "date": hit.date.isoformat(),
        "ref": hit.ref,
        "kind": hit.kind,
        "person": hit.person,
        "role": hit.role,
        "snippet": hit.snippet,
        "spans": [list(span) for span in hit.spans],
        "terms": list(hit.terms),
    }


def run(args: argparse.Namespace) -> int:
    from tui.query import parse

    if not args.query.strip():
        print(f"{PROG} search: give something to search for", file=sys.stderr)
        return 2
    try:
        parse(args.query)
    except QueryError as error:  # a usage error, like a bad option: exit 2
        print(f"{PROG} search: {error}", file=sys.stderr)
        print(f"    {visible(args.query)}\n    {' ' * error.position}^", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 1:
        print(f"{PROG} search: --limit must be at least 1", file=sys.stderr)
        return 2
    if args.output is not None and args.format is None:
        print(f"{PROG} search: -o needs --format (csv, jsonl or md)", file=sys.stderr)
        return 2
    index, _ = open_index(archive(args.path), args.index, "search")
    try:
        warn_left_out("search", index.problems())
        order: Order = "relevance" if args.relevance else "newest"
        if args.format is not None:
            return write_data(index, args, order)
        limit = args.limit if args.limit is not None else TABLE_LIMIT
        return show(index, args.query, limit=limit, order=order, as_json=args.json)
    except QueryError as error:  # well formed, but clipped:/note: could not be read
        print(f"{PROG} search: {error.message}", file=sys.stderr)
        return 1
    finally:
        index.close()


def write_data(library: Searching, args: argparse.Namespace, order: Order) -> int:
    """Every hit (or ``--limit``) in ``--format``, to stdout or ``-o FILE``."""
    hits = library.search(args.query, limit=args.limit, order=order)
    if args.output is None:
        terminal = sys.stdout.isatty()
        sys.stdout.write(render_hits(hits, args.query, args.format, terminal=terminal))
        sys.stdout.flush()
    else:
        text = render_hits(hits, args.query, args.format)
        what = f"{count(len(hits), 'hit')} to "
        if write_output(f"{PROG} search", text, args.output, force=args.force, what=what):
            return 1
    if not hits:
        print(f"{PROG} search: no matches for {visible(args.query)}", file=sys.stderr)
        return 1
    return 0


def show(library: Searching, query: str, *, limit: int, order: Order, as_json: bool) -> int:
    """Print the hits of ``query`` as a table or JSON; with none, say so on stderr and
    return 1 (as grep does, so a script can tell "found" from "not found")."""
    hits = library.search(query, limit=limit, order=order)
    if as_json:
        print(json.dumps([to_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    elif hits:
        print_table(hits, sys.stdout.isatty())
    if not hits:
        print(f"{PROG} search: no matches for {visible(query)}", file=sys.stderr)
        return 1
    return 0

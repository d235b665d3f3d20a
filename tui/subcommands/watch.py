"""``briefing watch``: saved searches, and the hits each gained since it was last looked at.

::

    briefing watch add NAME QUERY [--replace]    save a query under a name
    briefing watch remove NAME                   forget it
    briefing watch list [--json]                 the saved searches
    briefing watch [NAME] [PATH] [--json] [--peek] [--limit N] [--index FILE]

The last form refreshes the archive's index (as ``search`` does), then shows for each
saved search (or the one named) the hits new since its last look in that archive, newest
first, and marks them seen unless ``--peek``. With one word it is a saved search's name
if there is one by that name, else the archive's path. Exit status: 0 when some hit is
new (so ``briefing watch && ...`` acts only then), 1 when none is or the store has a
problem, 2 for a usage mistake (a malformed query, a name taken or unknown).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.model import UNNAMED_ASKER
from tui.new_hits import Report
from tui.plural import count
from tui.query import QueryError
from tui.safetext import visible
from tui.saved_searches import (
    SavedSearch,
    SavedSearchError,
    SavedSearches,
    StoreProblem,
)
from tui.subcommands import PROG, UsageError, add_index_argument, archive

NAME = f"{PROG} watch"
USAGE = """briefing watch [NAME] [PATH] [--json] [--peek] [--limit N] [--index FILE]
       briefing watch add NAME QUERY [--replace]
       briefing watch remove NAME
       briefing watch list [--json]"""
EPILOG = """Without add, remove or list: the hits new since the last look at each saved search
(or NAME) in the archive (default: the bundled transcripts), newest first, then marked
seen. One word is a saved search's name if there is one, else the archive's path. The
first look in an archive records what it finds and lists nothing.

Saved searches are kept in the user's data folder; names are the same in every
archive, and what was seen is kept per archive.

Exit status: 0 when some hit is new, 1 when none is (or the store has a problem),
2 for a usage mistake. Every Monday at 8, by mail:
  0 8 * * 1  out=$(briefing watch ~/briefings) && echo "$out" | mail -s briefings me"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.usage = USAGE
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("words", nargs="*", metavar="NAME PATH", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    parser.add_argument(
        "--peek", action="store_true", help="show the new hits without marking them seen"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=100,
        metavar="N",
        help="show at most N new hits per saved search (default 100)",
    )
    parser.add_argument(
        "--replace", action="store_true", help="with add: replace a saved search of that name"
    )
    add_index_argument(parser)


def run(args: argparse.Namespace) -> int:
    words: list[str] = args.words
    store = SavedSearches()
    try:
        if words and words[0] == "add":
            return _add(store, words[1:], args.replace)
        if words and words[0] == "remove":
            _expect(words, 2, "remove NAME")
            gone = store.remove(words[1])
            print(f"removed {visible(gone.name)!r} ({visible(gone.query)})")
            return 0
        if words and words[0] == "list":
            _expect(words, 1, "list")
            return _list(store.all(), args.json)
        if args.limit < 0:
            raise UsageError("--limit must be 0 or more")
        return _look(store, words, args)
    except SavedSearchError as error:
        raise UsageError(str(error)) from error
    except StoreProblem as error:
        print(f"{NAME}: {error}", file=sys.stderr)
        return 1


def _expect(words: list[str], count: int, form: str) -> None:
    if len(words) != count:
        raise UsageError(f"expected: {NAME} {form}")


def _add(store: SavedSearches, words: list[str], replace: bool) -> int:
    if len(words) != 2:
        raise UsageError(f"expected: {NAME} add NAME QUERY (quote a query of several words)")
    name, query = words
    try:
        saved = store.add(name, query, replace=replace)
    except QueryError as error:
        print(f"{NAME}: {error}", file=sys.stderr)
        print(f"    {visible(query)}\n    {' ' * error.position}^", file=sys.stderr)
        return 2
    print(f"saved {visible(saved.name)!r}: {visible(saved.query)}")
    return 0


def _list(searches: list[SavedSearch], as_json: bool) -> int:
    if as_json:
        rows = [
            {"name": s.name, "query": s.query, "saved_at": s.saved_at.isoformat()} for s in searches
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not searches:
        print(f"no saved searches yet; add one with: {NAME} add NAME QUERY", file=sys.stderr)
        return 0
    width = max(len(visible(s.name)) for s in searches)
    for search in searches:
        print(f"{visible(search.name):<{width}}  {visible(search.query)}")
    return 0


def _look(store: SavedSearches, words: list[str], args: argparse.Namespace) -> int:
    if len(words) > 2:
        raise UsageError(f"expected: {NAME} [NAME] [PATH]")
    searches = store.all()
    name: str | None = None
    path: Path | None = None
    if len(words) == 2:
        name, path = words[0], Path(words[1])
    elif words:
        known = {s.name.lower() for s in searches}
        if words[0].lower() in known or not Path(words[0]).exists():
            name = words[0]
        else:
            path = Path(words[0])
    if name is not None:
        searches = [store.get(name)]
    root = archive(path)
    if not searches:
        print(f"{NAME}: no saved searches yet; add one: {NAME} add NAME QUERY", file=sys.stderr)
        if args.json:
            print("[]")
        return 1
    from tui.new_hits import look
    from tui.subcommands.index import open_index

    index, _ = open_index(root, args.index, "watch")
    try:
        reports = look(store, index, searches, peek=args.peek, limit=args.limit)
    finally:
        index.close()
    if args.json:
        print(json.dumps([to_json(report) for report in reports], ensure_ascii=False, indent=2))
    else:
        print_reports(reports, args.peek)
    for report in reports:
        if report.problem is not None:
            print(f"{NAME}: {report.problem}", file=sys.stderr)
    if any(report.problem for report in reports):
        return 1
    return 0 if any(report.new_count for report in reports) else 1


def to_json(report: Report) -> dict[str, object]:
    return {
        "name": report.search.name,
        "query": report.search.query,
        "archive": report.archive,
        "last_looked_at": report.last_looked.isoformat() if report.last_looked else None,
        "first_look": report.first_look,
        "hits_now": report.hits_now,
        "new_count": report.new_count,
        "marked_seen": report.marked,
        "problem": report.problem,
        "new": [
            {
                "date": new.hit.date.isoformat(),
                "briefing": new.hit.briefing_id,
                "title": new.hit.title,
                "ref": new.hit.ref,
                "kind": new.hit.kind,
                "speaker": new.hit.person,
                "role": new.hit.role,
                "text": new.hit.text,
                "url": new.url,
            }
            for new in report.new
        ],
    }


def _since(report: Report) -> str:
    if report.last_looked is None:
        return ""
    return f" since {report.last_looked.strftime('%Y-%m-%d %H:%M')} UTC"


def print_reports(reports: list[Report], peek: bool) -> None:
    for number, report in enumerate(reports):
        if number:
            print()
        head = f"{visible(report.search.name)}  ({visible(report.search.query)})"
        if not report.ran:
            print(f"{head}: cannot be run (the reason is below)")
            continue
        if report.first_look:
            seen = "recorded as seen" if report.marked else "not recorded (--peek)"
            print(
                f"{head}: first look in this archive, {count(report.hits_now, 'hit')} {seen}; "
                "hits added from now on will be listed"
            )
            continue
        print(f"{head}: {report.new_count} new{_since(report)}")
        for new in report.new:
            hit = new.hit
            who = hit.person or (UNNAMED_ASKER if hit.kind == "question" else "")
            role = f" ({hit.role})" if hit.role else ""
            print(f"  {hit.date.isoformat()}  {visible(hit.ref)}  {visible(who + role)}")
            print(f"      {visible(hit.text)}")
            if new.url:
                print(f"      {visible(new.url)}")
        if report.new_count > len(report.new):
            print(f"  … and {report.new_count - len(report.new)} more (--limit)")
    if peek:
        print("\n(--peek: nothing was marked as seen)")

"""``briefing clips new|add|list|remove|export``: the reader's clippings, from a shell.

The same database as the reader's ``c`` and ``C`` (:mod:`tui.clips.store`), so a
collection started in the reader can be exported by a script and the other way round.
The action is a positional word rather than an argparse sub-parser because the command
line parses options intermixed with positionals (``clips add Story REF --note x``),
which sub-parsers do not support.

Exit codes follow the README's rule: 2 for a mistake on the command line (a missing
argument, a name no collection may have), 1 when the command ran and found a problem (a
reference that does not exist, a name already taken, a file that exists without
``--force``, a locked or read-only database).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.clips.collection import FORMATS, STATUS_LABELS, check, render_collection
from tui.clips.opening import open_clips
from tui.clips.store import ClipsError, ClipStore, check_name
from tui.library import LoadFailed
from tui.model import Briefing
from tui.quote import quote_of
from tui.safetext import visible
from tui.subcommands import (
    PROG,
    UsageError,
    add_index_argument,
    add_style_argument,
    archive,
    emit,
)
from tui.wrap import truncate

NAME = f"{PROG} clips"
ACTIONS = {
    "new": ("NAME", "start an empty collection"),
    "add": ("NAME REF", "clip an answer (or question, or remark) into a collection"),
    "list": ("[NAME]", "the collections, or the clippings of one"),
    "remove": ("NAME REF", "take a clipping out of a collection"),
    "export": ("NAME", "write a collection as md, txt, json or csv"),
}
FIRST_WORDS = 60

EPILOG = "actions:\n" + "\n".join(
    f"  {action + ' ' + args:<17} {what}" for action, (args, what) in ACTIONS.items()
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("action", choices=list(ACTIONS), help="what to do (see below)")
    parser.add_argument("words", nargs="*", metavar="NAME/REF", help="the collection, a reference")
    parser.add_argument("--note", default="", help="add: a note kept with the clipping")
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="md", help="export: the format (default md)"
    )
    add_style_argument(parser, "export: also cite each clipping in STYLE (default: plain)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, default=None)
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        metavar="PATH",
        help="the transcripts REF is found in and clippings are checked against "
        "(default: the bundled transcripts)",
    )
    add_index_argument(parser)


def _words(args: argparse.Namespace) -> list[str]:
    wanted = ACTIONS[args.action][0].split()
    need = [w for w in wanted if not w.startswith("[")]
    words: list[str] = args.words
    if not len(need) <= len(words) <= len(wanted):
        usage = f"{NAME} {args.action} {ACTIONS[args.action][0]}"
        raise UsageError(f"expected: {usage}")
    return words


def _say(message: str) -> None:
    print(f"{NAME}: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    words = _words(args)
    if args.action in ("new", "add"):
        try:
            check_name(words[0])
        except ValueError as error:
            raise UsageError(str(error)) from error
    try:
        store = open_clips()
    except ClipsError as error:
        _say(str(error))
        return 1
    if store.notice:
        _say(f"note: {store.notice}")
    try:
        return ACTION_RUNNERS[args.action](store, words, args)
    except ClipsError as error:
        _say(str(error))
        return 1
    finally:
        store.close()


def _new(store: ClipStore, words: list[str], args: argparse.Namespace) -> int:
    made = store.create(words[0])
    _say(f"started the collection {made.name!r}")
    return 0


def _add(store: ClipStore, words: list[str], args: argparse.Namespace) -> int:
    from tui.subcommands.export import find_element, not_found

    name, reference = words[0], words[1].strip()
    if store.collection(name) is None:
        store.clippings(name)  # raises the "no collection" message
    path = archive(args.archive)
    corpus, element, problems = find_element(path, reference, "clips")
    briefing = corpus.get(reference.partition("#")[0])
    if element is None or briefing is None:
        print(not_found(reference, path, corpus, problems, NAME), file=sys.stderr)
        return 1
    clip = store.add(name, quote_of(briefing, element), args.note)
    _say(f"clipped {clip.ref} into {clip.collection!r} ({clip.position})")
    return 0


def _list(store: ClipStore, words: list[str], args: argparse.Namespace) -> int:
    if not words:
        collections = store.collections()
        for collection in collections:
            print(f"{visible(collection.name)}\t{collection.size}\t{collection.created}")
        if not collections:
            _say("no collections yet (start one with: briefing clips new NAME)")
        return 0
    for number, clip in enumerate(store.clippings(words[0]), 1):
        first = truncate(" ".join(clip.text.split()), FIRST_WORDS)
        print(f"{number}. {clip.ref}  {visible(clip.by)}  {clip.held}")
        print(f"   {visible(first)}")
        if clip.note:
            print(f"   note: {visible(clip.note)}")
    return 0


def _remove(store: ClipStore, words: list[str], args: argparse.Namespace) -> int:
    name, reference = words[0], words[1].strip()
    if not store.remove(name, reference):
        _say(f"{reference} is not in {name!r}")
        return 1
    _say(f"removed {reference} from {name!r}")
    return 0


def _export(store: ClipStore, words: list[str], args: argparse.Namespace) -> int:
    from tui.subcommands.index import open_index

    clippings = store.clippings(words[0])
    index, _ = open_index(archive(args.archive), args.index, "clips")

    def load(briefing_id: str) -> Briefing | None:
        try:
            return index.load(briefing_id)
        except LoadFailed:
            return None

    try:
        checked = check(clippings, load)
    finally:
        index.close()
    name = store.collection(words[0])
    text = render_collection(name.name if name else words[0], checked, args.format, args.style)
    drifted = [c for c in checked if c.status in STATUS_LABELS]
    for item in drifted:
        _say(f"warning: {item.clipping.ref}: {STATUS_LABELS[item.status]}")
    return emit(NAME, text, args.output, force=args.force)


ACTION_RUNNERS = {"new": _new, "add": _add, "list": _list, "remove": _remove, "export": _export}

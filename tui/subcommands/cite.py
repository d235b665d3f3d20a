"""``briefing cite REFERENCE [PATH] [--style plain|apa|chicago|mla|csl-json]``.

The citation alone, for pasting into a bibliography or a reference manager, in the style
asked for (default ``plain``: the citation fields every export carries). The reference is
found exactly as ``briefing export`` finds it (:func:`tui.subcommands.export.find_element`:
only the files that can hold it are parsed) and a missing one gets the same message, with
the nearest references. The text is printed display-safe (:func:`tui.safetext.visible`):
it goes to a terminal; ``csl-json`` is JSON, whose escapes already make it safe.
"""

from __future__ import annotations

import argparse
import sys

from tui.citation import STYLES, cite
from tui.safetext import visible_lines
from tui.subcommands import add_archive_argument, add_style_argument, archive

PROG = "briefing cite"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "reference",
        metavar="REFERENCE",
        help="what to cite, e.g. 2017-10-11-shanghai-belt-and-road#q2.a1 "
        "(an answer; <id>#q<N> is a question, <id>#r<N> a remark)",
    )
    add_archive_argument(parser, metavar="PATH")
    add_style_argument(
        parser,
        "the citation style: "
        + ", ".join(f"{style.key} ({style.label})" for style in STYLES.values())
        + "; default plain",
    )


def run(args: argparse.Namespace) -> int:
    from tui.subcommands.export import find_element, not_found

    path = archive(args.path)
    reference: str = args.reference.strip()
    corpus, element, problems = find_element(path, reference, "cite")
    briefing = corpus.get(reference.partition("#")[0])
    if element is None or briefing is None:
        print(not_found(reference, path, corpus, problems, PROG), file=sys.stderr)
        return 1
    text = cite(briefing, element.ref, args.style)
    sys.stdout.write(visible_lines(text).rstrip("\n") + "\n")
    sys.stdout.flush()
    return 0

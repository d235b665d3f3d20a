"""``briefing export REFERENCE``: the reader's quote, without the reader.

The command writes the same text as the reader's export dialog, to stdout unless ``-o``
names a file, so it composes with pipes and scripts. An answer is the usual target; a
question or a remark reference exports that element with the same citation.

Finding the reference is cheap in the common case: a briefing's id defaults to its file
name, so the file named like the reference's id is parsed first, and the whole archive is
read only when that fails (an id set inside the file, or a reference that does not
exist, where the archive is needed anyway to suggest the nearest valid references).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from tui.export import (
    FORMATS,
    DestinationExists,
    ExportError,
    ExportFormat,
    format_for_path,
    render,
    write_export,
)
from tui.model import Answer, Briefing, Corpus, Problem, Question, Remark
from tui.subcommands import add_archive_argument

HELP = "Print or save a quote of an answer (or question, or remark) with its citation."

PROG = "briefing export"
Element = Answer | Question | Remark


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "reference",
        metavar="REFERENCE",
        help="what to quote, e.g. 2017-10-11-shanghai-belt-and-road#q2.a1 "
        "(an answer; <id>#q<N> is a question, <id>#r<N> a remark)",
    )
    add_archive_argument(parser, metavar="PATH")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="md (Markdown, the default), txt or json; with -o, the file's extension "
        "chooses when this is not given",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, default=None, help="write to FILE"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it already exists")


def _elements(briefing: Briefing) -> list[Element]:
    return list(briefing.elements())


def _find_fast(path: Path, reference: str) -> tuple[Briefing, Element | None] | None:
    """Parse only the file(s) named like the reference's briefing id.

    Returns the briefing with the element (``None`` when the briefing exists but has no
    such element), or ``None`` when no file is named like the id.
    """
    from tui.loader import iter_transcript_files, load_file

    briefing_id = reference.partition("#")[0]
    files, _ = iter_transcript_files([path])
    for file in files:
        if Path(file).stem != briefing_id:
            continue
        briefing, _problems = load_file(Path(file))
        if briefing is not None and briefing.id == briefing_id:
            return briefing, briefing.find(reference)
    return None


def suggestions(corpus: Corpus, reference: str, limit: int = 5) -> list[str]:
    """The valid references nearest to ``reference``.

    When the briefing id is right, that briefing's own references come first (a wrong
    answer number is the usual slip); then the nearest across the whole archive, which
    catches a mistyped id.
    """
    briefing_id = reference.partition("#")[0]
    found: list[str] = []
    briefing = corpus.get(briefing_id)
    if briefing is not None:
        own = [element.ref for element in briefing.elements()]
        found += difflib.get_close_matches(reference, own, n=limit, cutoff=0.5)
        if not found:
            found += [answer.ref for answer in briefing.answers()][:limit]
    every = [element.ref for b in corpus.briefings for element in b.elements()]
    for match in difflib.get_close_matches(reference, every, n=limit, cutoff=0.6):
        if match not in found:
            found.append(match)
    if not found:
        ids = [b.id for b in corpus.briefings]
        for match in difflib.get_close_matches(briefing_id, ids, n=limit, cutoff=0.5):
            first = next(corpus.by_id[match].answers(), None)
            found.append(first.ref if first is not None else match)
    return found[:limit]


def _example(corpus: Corpus, reference: str) -> str:
    """A real answer reference: from the briefing named, if it exists, else any."""
    named = corpus.get(reference.partition("#")[0])
    for briefing in ((named,) if named is not None else ()) + corpus.briefings:
        for answer in briefing.answers():
            return answer.ref
    return "2017-10-11-shanghai-belt-and-road#q2.a1"


def _not_found(reference: str, path: Path, corpus: Corpus, problems: list[Problem]) -> str:
    lines = [f"{PROG}: no answer, question or remark {reference!r} in {path}"]
    nearest = suggestions(corpus, reference)
    if nearest:
        lines.append(f"  nearest: {', '.join(nearest)}")
    lines.append(
        f"  an answer reference looks like {_example(corpus, reference)} "
        "(<briefing id>#q<question>.a<answer>; #q<N> is a question, #r<N> a remark)"
    )
    briefing_id = reference.partition("#")[0]
    related = [p for p in problems if Path(p.path).stem == briefing_id]
    for problem in related:
        lines.append(f"  {problem}")
    others = len({p.path for p in problems}) - len({p.path for p in related})
    if others > 0:
        lines.append(f"  ({others} other file(s) could not be loaded; see 'briefing check {path}')")
    return "\n".join(lines)


def _choose_format(args: argparse.Namespace) -> ExportFormat:
    if args.format is not None:
        chosen: ExportFormat = args.format
        return chosen
    if args.output is not None:
        return format_for_path(args.output) or "md"
    return "md"


def run(args: argparse.Namespace) -> int:
    from tui.cli import bundled_transcripts

    path: Path = args.path if args.path is not None else bundled_transcripts()
    reference: str = args.reference.strip()
    if not path.exists():
        print(f"{PROG}: {path}: no such file or folder", file=sys.stderr)
        return 2
    found = _find_fast(path, reference)
    if found is None:
        from tui.loader import load_paths

        result = load_paths([path])
        resolved = result.corpus.resolve(reference)
        if resolved is None:
            print(_not_found(reference, path, result.corpus, result.problems), file=sys.stderr)
            return 1
        briefing, element = resolved
    else:
        briefing, maybe = found
        if maybe is None:
            # The briefing is right and the element is not: its own references are the
            # nearest, and reading the whole archive would only make the answer slower.
            print(_not_found(reference, path, Corpus.build([briefing]), []), file=sys.stderr)
            return 1
        element = maybe
    text = render(briefing, element, _choose_format(args))
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        written = write_export(args.output, text, overwrite=args.force)
    except DestinationExists as error:
        print(f"{PROG}: {error.path} already exists (use --force to overwrite it)", file=sys.stderr)
        return 1
    except ExportError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    print(f"{PROG}: wrote {written}", file=sys.stderr)
    return 0

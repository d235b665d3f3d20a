"""``briefing export REFERENCE``: the reader's quote, without the reader.

The command writes the same text as the reader's export dialog, to stdout unless ``-o``
names a file, so it composes with pipes and scripts. An answer is the usual target; a
question or a remark reference exports that element with the same citation.

A briefing id alone (``2017-10-11-shanghai``, no ``#``) exports the whole briefing, in the
formats of :data:`tui.export.BRIEFING_FORMATS` (Markdown, plain text, JSON, Akoma Ntoso
XML). The two cannot be confused: ``#`` is not a character of an id (:mod:`tui.ids`), and
every reference of a remark, question or answer has one.

Finding the reference parses only the files that can hold it: a briefing's id is its
file name unless an ``id:`` line says otherwise, and both are found in the raw bytes.
A reference that does not exist is answered from the few briefings whose ids are
nearest, never by parsing the whole archive.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from tui.config import for_command
from tui.export import (
    Scope,
    default_format,
    format_for_path,
    format_keys,
    formats,
    render,
    render_briefing,
)
from tui.ids import ID_CHARACTERS
from tui.model import Answer, Briefing, Corpus, Problem, Question, Remark
from tui.subcommands import (
    UsageError,
    add_archive_argument,
    add_style_argument,
    archive,
    emit,
    warn_left_out,
)

PROG = "briefing export"
Element = Answer | Question | Remark


def _listed(scope: Scope) -> str:
    """``md (Markdown, the default), txt (Plain text) or json (JSON)``, from the table."""
    named = [f"{fmt.key} ({fmt.label})" for fmt in formats(scope)]
    named[0] = named[0][:-1] + ", the default)"
    return ", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else named[0]


def _format_help() -> str:
    return (
        f"for an answer: {_listed('answer')}; for a whole briefing: {_listed('briefing')}; "
        "with -o, the file's extension chooses when this is not given"
    )


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "reference",
        metavar="REFERENCE",
        help="what to export, e.g. 2017-10-11-shanghai-belt-and-road#q2.a1 "
        "(an answer; <id>#q<N> is a question, <id>#r<N> a remark), or a briefing id "
        "alone (no #) for the whole briefing",
    )
    add_archive_argument(parser, metavar="PATH")
    parser.add_argument(
        "--format",
        "-f",
        choices=format_keys(),
        default=None,
        help=_format_help(),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, default=None, help="write to FILE"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it already exists")
    add_style_argument(parser, "also cite in STYLE (default: plain, the citation fields only)")


# A top-level ``id:`` line; read from the raw bytes so that finding a briefing whose id
# is not its file name needs no YAML parse of the whole archive.
_ID_LINE = re.compile(
    rb"""^id:[ \t]*['"]?([""" + ID_CHARACTERS.encode() + rb"""]+)['"]?[ \t]*(?:#.*)?$""", re.M
)


def _ids(files: list[Path]) -> dict[str, list[Path]]:
    """Every briefing id of the archive, from file names and ``id:`` lines, to its files."""
    ids: dict[str, list[Path]] = {}
    for file in files:
        ids.setdefault(file.stem, []).append(file)
        try:
            data = file.read_bytes()
        except OSError:
            continue
        for match in _ID_LINE.finditer(data):
            ids.setdefault(match.group(1).decode("ascii"), []).append(file)
    return ids


def find_element(
    path: Path, reference: str, command: str = "export"
) -> tuple[Corpus, Element | None, list[Problem]]:
    """The briefing of ``reference`` with the element, or the nearest briefings.

    Only the files that can hold the briefing (named like its id, or declaring it) are
    parsed; when none holds it, only the files of the few nearest ids are, to suggest
    references from, so a mistyped id costs a read of the raw bytes and a handful of
    parses, never a parse of the whole archive.
    """
    from tui.loader import iter_transcript_files, load_file

    briefing_id = reference.partition("#")[0]
    files, walk_problems = iter_transcript_files([path])
    warn_left_out(command, walk_problems)
    ids = _ids([Path(file) for file in files])
    wanted = ids.get(briefing_id)
    if wanted is None:
        near = difflib.get_close_matches(briefing_id, list(ids), n=5, cutoff=0.5)
        wanted = [file for ident in near for file in ids[ident]]
    briefings: list[Briefing] = []
    problems: list[Problem] = []
    for file in dict.fromkeys(wanted):
        briefing, found = load_file(file)
        problems += found
        if briefing is not None:
            briefings.append(briefing)
    corpus = Corpus.build(briefings)
    resolved = corpus.resolve(reference)
    return corpus, (resolved[1] if resolved else None), problems


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


def not_found(
    reference: str, path: Path, corpus: Corpus, problems: list[Problem], prog: str = PROG
) -> str:
    """Why ``reference`` was not found, with the nearest references and the files that
    failed to load (the message of ``briefing export`` and ``briefing cite``)."""
    lines = [f"{prog}: no answer, question or remark {reference!r} in {path}"]
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


def _no_briefing(briefing_id: str, path: Path, corpus: Corpus, problems: list[Problem]) -> str:
    lines = [f"{PROG}: no briefing {briefing_id!r} in {path}"]
    ids = [briefing.id for briefing in corpus.briefings]
    nearest = difflib.get_close_matches(briefing_id, ids, n=5, cutoff=0.5)
    if nearest:
        lines.append(f"  nearest: {', '.join(nearest)}")
    lines.append(
        "  a briefing id is a transcript's file name without .yaml (or its id: line); "
        "add #q<N>.a<M> to export one answer"
    )
    lines += [f"  {p}" for p in problems if Path(p.path).stem == briefing_id]
    return "\n".join(lines)


def _choose_format(args: argparse.Namespace, scope: Scope, default: str) -> str:
    keys = "|".join(fmt.key for fmt in formats(scope))
    if args.format is not None:
        chosen: str = args.format
        if chosen not in keys.split("|"):
            what = "one answer, question or remark" if scope == "answer" else "a whole briefing"
            raise UsageError(
                f"--format {chosen} does not write {what} (for that: --format {keys}); "
                "an answer reference has #, a briefing id has none"
            )
        return chosen
    if args.output is not None:
        implied = format_for_path(args.output, scope)
        if implied is None and args.output.suffix:
            # Writing Markdown into quote.docx would look like success and open as junk.
            known = ", ".join(ext for fmt in formats(scope) for ext in fmt.extensions)
            raise UsageError(
                f"{args.output}: no export format writes '{args.output.suffix}' files "
                f"(known: {known}); name the file with one of those, or give --format {keys}"
            )
        return implied or default
    return default


def _render(args: argparse.Namespace, path: Path, reference: str) -> str | None:
    """The text to write, or None after saying on stderr what was not found."""
    corpus, element, problems = find_element(path, reference)
    briefing_id, sep, _ = reference.partition("#")
    briefing = corpus.get(briefing_id)
    config = for_command(PROG)  # the user's default format and citation wording
    if not sep:
        if briefing is None:
            print(_no_briefing(briefing_id, path, corpus, problems), file=sys.stderr)
            return None
        keys = {fmt.key for fmt in formats("briefing")}
        default = config.export_format if config.export_format in keys else None
        fmt = _choose_format(args, "briefing", default or default_format("briefing"))
        return render_briefing(briefing, fmt)
    if element is None or briefing is None:
        print(not_found(reference, path, corpus, problems), file=sys.stderr)
        return None
    fmt = _choose_format(args, "answer", config.export_format)
    return render(briefing, element, fmt, args.style)


def run(args: argparse.Namespace) -> int:
    path = archive(args.path)
    reference: str = args.reference.strip()
    text = _render(args, path, reference)
    if text is None:
        return 1
    return emit(PROG, text, args.output, force=args.force)

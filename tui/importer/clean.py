"""First stage: bytes to cleaned, numbered lines, split into header and body paragraphs.

Everything that is not what was said is dropped here, and counted with its line, so
that the word accounting can say exactly what left the record and why: front matter,
time stamps (``11:09 A.M. CEST``), ``END`` lines, page numbers and page controls on
lines of their own (``Page 3 of 12``, ``View More``, ``Back to top``), a PDF's running
page headers, and the furniture :mod:`tui.importer.furniture` recognises. The header
(everything before the first speaker label) is handed to :mod:`tui.importer.meta` line
by line; the body is unwrapped into paragraphs that keep the source line where each
starts, for warnings (hard-wrapped text by :mod:`tui.importer.wrapped`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tui.importer.common import ImportFailed, Note, Para, words
from tui.importer.dates import parse_date_line
from tui.importer.furniture import (
    URL,
    Dropped,
    Ledger,
    classify,
    is_sign_off_place,
    running_headers,
    see_also,
    split_counter,
    structural,
    tail_footer,
)
from tui.importer.labels import colon_labels, match_label
from tui.importer.wrapped import Vocabulary, is_hard_wrapped, unwrap

__all__ = ["Dropped", "parse_date_line"]

Line = tuple[int, str]
"""A source line number (from 1) and the cleaned line; an empty text is a blank line."""

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " "})
_RUNS = re.compile(r"  +")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'$])")
TIME_STAMP = re.compile(
    r"\(?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?\)?"
)
_END = re.compile(rf"END\b\s*(?:{TIME_STAMP.pattern})?")
PAGE_ARTEFACT = re.compile(
    r"(?:Page|PAGE|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?|-\s*\d+\s*-|\d+\s*/\s*\d+"
    r"|View More|Back to top|Print this page|Share this page|Share|Print|Email|Tweet|"
    r"Related Articles|Skip to content|Skip to main content",
    re.IGNORECASE,
)
"""A whole line that is a page number, a PDF page header's number or a page control."""
_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)](?=[ A-Za-z\u4e00-\u9fff(])|[-*•·▪◦]\s|[a-z][.)]\s)")
LONG_LINE = 100
"""A block with a line longer than this was not wrapped: each line is its own paragraph."""


@dataclass(slots=True)
class Cleaned:
    """The record after the first stage."""

    front: dict[str, Any]
    header: list[Line]
    body: list[Para]
    body_words: list[str]
    labels: set[str]
    dropped: dict[str, int] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    dropped_lines: list[Dropped] = field(default_factory=list)
    """Every line left out, with its kind, for ``--dry-run`` to list."""
    every: list[Line] = field(default_factory=list)
    """All lines after front matter, furniture included: where dates are looked for."""


def decode(data: bytes) -> tuple[str, list[Note]]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    An empty or binary file is refused; bytes that are not UTF-8 are read as
    Windows-1252 (what copied web pages usually are) with a warning naming the first bad
    byte, because refusing would leave the user with nothing, while a warning points at
    what to check.
    """
    if not data.strip():
        raise ImportFailed("the file is empty: there is no transcript to import")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalise(data.decode("utf-16")), []
        except UnicodeDecodeError as exc:
            raise ImportFailed(f"the file starts like UTF-16 but is not: {exc.reason}") from None
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) // 20:
        raise ImportFailed("this looks like a binary file, not text: nothing was imported")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return _normalise(data.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start_of_line = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start_of_line : exc.start].decode("utf-8")) + 1
        text = data.decode("utf-8", errors=_FALLBACK)
        note = Note(
            line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02X} at column {column}); "
            "bytes that are not UTF-8 were read as Windows-1252: check accented letters, "
            "quotes and dashes",
        )
        return _normalise(text), [note]


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252 (Latin-1 where it has a gap).

    Byte by byte, so that the valid UTF-8 around them (curly quotes in a page that also
    has one stray 0x92) is kept as it is rather than turned into mojibake."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    out = []
    for byte in chunk:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out), error.end


_FALLBACK = "briefing-import-windows-1252"
codecs.register_error(_FALLBACK, _windows_1252)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """One line as text: no-break spaces made plain, Markdown escapes undone, runs of
    spaces (two after a full stop, Markdown's two-space line break) made one, trimmed."""
    return _RUNS.sub(" ", _ESCAPE.sub(r"\1", line.translate(_SPACES))).strip()


def front_matter(lines: list[str]) -> tuple[dict[str, Any], int, list[Note]]:
    """YAML front matter (``---`` ... ``---``) and the number of lines it takes."""
    if not lines or lines[0].strip() != "---":
        return {}, 0, []
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:end]))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 1
                return {}, end + 1, [Note(line, f"front matter is not valid YAML, ignored: {exc}")]
            if not isinstance(data, dict):
                return {}, end + 1, [Note(1, "front matter is not a mapping, ignored")]
            return {str(k): v for k, v in data.items()}, end + 1, []
    return {}, 0, []


def is_time_stamp(text: str) -> bool:
    return bool(TIME_STAMP.fullmatch(text) or _END.fullmatch(text))


def _furniture(lines: list[Line], known: set[str], ledger: Ledger) -> list[Line]:
    """Drop the page's furniture (see :mod:`tui.importer.furniture`), by line.

    Page counters and running headers go without a trace, because a page break is no
    paragraph break; every other dropped line leaves a blank line where it stood. Above
    the first speaker label, dates and posting lines are left to
    :mod:`tui.importer.meta`, which reads the heading."""
    removed = running_headers(lines)
    first = next((i for i, (_, t) in enumerate(lines) if t and match_label(t, known)), 0)
    out: list[Line] = []
    box = 0
    for index, (number, text) in enumerate(lines):
        if index in removed:
            ledger.drop(number, removed[index], text)
            continue
        counter, text = split_counter(text)
        if counter:
            ledger.drop(number, "page artefacts", counter)
        if not text:
            out.append((number, text))
            box = 0
            continue
        label = match_label(text, known)
        if label is not None and not URL.fullmatch(label.rest or "-") and not structural(text):
            box = 0
            out.append((number, text))
            continue
        box = box or see_also(lines, index)
        kind = "see also" if box else _line_kind(text, index >= first)
        box = max(0, box - 1)
        if kind is None:
            out.append((number, text))
        elif kind == "page artefacts":
            ledger.drop(number, kind, text)
        else:
            ledger.drop(number, kind, text)
            out.append((number, ""))
    return _tail_footer(out, known, ledger)


def _line_kind(text: str, in_body: bool) -> str | None:
    if is_time_stamp(text):
        return "time stamps"
    if PAGE_ARTEFACT.fullmatch(text):
        return "page artefacts"
    return classify(text, in_body)


def _tail_footer(lines: list[Line], known: set[str], ledger: Ledger) -> list[Line]:
    """The closing block of a page: after the last words said, a date alone or a site
    name with an empty colon (``Harbour Newsroom:``, shaped like a label but followed by
    nothing), or a place on the line just above a closing date (``Port Louis``, ``May 3, 2019``)
    is part of the footer too, unless it is the text of a label printed alone just
    before it."""
    end = len(lines)
    while end > 0:
        number, text = lines[end - 1]
        below = lines[end][1] if end < len(lines) else ""
        signed = is_sign_off_place(text) and parse_date_line(below) is not None
        if text and (not (tail_footer(text) or signed) or _upper_label(text, known)):
            break
        end -= 1
    spoken = [i for i in range(end) if lines[i][1]]
    if spoken and _label_only([lines[spoken[-1]][1]], known):
        # A label printed alone takes the next line as its text, whatever it looks like.
        end = next((i + 1 for i in range(end, len(lines)) if lines[i][1]), end)
    for index in range(end, len(lines)):
        number, text = lines[index]
        if text:
            ledger.drop(number, "footer", text)
            lines[index] = (number, "")
    return lines


def _upper_label(text: str, known: set[str]) -> bool:
    """An upper-case speaker label (``MR. ADEYEMI:``): never a site's name."""
    label = match_label(text, known)
    return label is not None and label.name.upper() == label.name


def clean(text: str) -> Cleaned:
    """Split the decoded record into front matter, header lines and body paragraphs."""
    raw = text.split("\n")
    front, skip, notes = front_matter(raw)
    ledger = Ledger()
    if skip:
        ledger.drop(1, "front matter", "\n".join(raw[:skip]))
    every = [(n, clean_line(x)) for n, x in enumerate(raw[skip:], start=skip + 1)]
    known = colon_labels(t for _, t in every)
    lines = _furniture(every, known, ledger)
    start = next((i for i, (_, t) in enumerate(lines) if t and match_label(t, known)), None)
    if start is None:
        raise ImportFailed(
            "no recognisable turns: no line starts with a speaker label such as "
            "'Q:', 'MS. PSAKI:' or 'Name: text'"
        )
    body_lines = _drop_running_headers(lines[start:], lines, known, ledger)
    body = paragraphs(body_lines, known)
    body_words = [w for p in body for w in words(p.text)]
    return Cleaned(
        front,
        lines[:start],
        body,
        body_words,
        known,
        ledger.counts,
        notes,
        ledger.lines,
        every,
    )


RUNNING_HEADER_REPEATS = 3
_SENTENCE_END = (".", "?", "!", ")", "”", '"', ":", "—", "-", "…")


def _drop_running_headers(
    body: list[Line], every: list[Line], known: set[str], ledger: Ledger
) -> list[Line]:
    """Take out the page headers a PDF repeats on every page (``DoD News Briefing ...``),
    leaving no blank line: a page break is no paragraph break.

    A line counts as one when the same text stands alone on a line at least
    :data:`RUNNING_HEADER_REPEATS` times, has three words or more, is no label and does
    not end like a sentence or a stage note, so ``(Laughter.)`` or ``Thank you.`` stay.
    """
    counts: dict[str, int] = {}
    for _, text in every:
        if text:
            counts[text] = counts.get(text, 0) + 1
    headers = {
        text
        for text, count in counts.items()
        if count >= RUNNING_HEADER_REPEATS
        and len(words(text)) >= 3
        and not text.endswith(_SENTENCE_END)
        and match_label(text, known) is None
    }
    out: list[Line] = []
    for number, text in body:
        if text in headers:
            ledger.drop(number, "page artefacts", text)
        else:
            out.append((number, text))
    return out


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for number, text in lines:
        if text:
            blocks[-1].append((number, text))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def paragraphs(lines: list[Line], known: set[str]) -> list[Para]:
    """Unwrap lines into paragraphs.

    Wrapped lines are joined with one space; a line that starts with a speaker label or
    a list item starts a new paragraph or a new line; in a block with any line longer
    than :data:`LONG_LINE` nothing was wrapped, so each line is a paragraph. A block
    that is hard-wrapped with no blank lines between paragraphs (a PDF's text) is split
    where :mod:`tui.importer.wrapped` sees paragraphs end. A label printed alone
    (``MS. PSAKI:`` then the text on the next line) joins its text.
    """
    out: list[Para] = []
    blocks = _blocks(lines)
    vocabulary: Vocabulary | None = None

    def starts_turn(text: str) -> bool:
        return match_label(text, known) is not None

    for block in blocks:
        if is_hard_wrapped(block, starts_turn):
            if vocabulary is None:
                vocabulary = Vocabulary([t for b in blocks for _, t in b])
            out.extend(unwrap(block, vocabulary, starts_turn))
            continue
        unwrapped = any(len(t) > LONG_LINE for _, t in block)
        current: tuple[int, list[str]] | None = None
        for number, text in block:
            label = match_label(text, known)
            if current is None or unwrapped or label is not None:
                if current is not None:
                    out.append(_para(current))
                current = (number, [text])
            elif _LIST_ITEM.match(text) and not _label_only(current[1], known):
                current[1].append("\n" + text)
            else:
                current[1].append(" " + text)
        if current is not None:
            out.append(_para(current))
    return _join_lone_labels(out, known)


def _label_only(pieces: list[str], known: set[str]) -> bool:
    label = match_label("".join(pieces).strip(), known)
    return label is not None and not label.rest


def _para(current: tuple[int, list[str]]) -> Para:
    number, pieces = current
    return Para(number, "".join(pieces).strip())


def _join_lone_labels(paras: list[Para], known: set[str]) -> list[Para]:
    out: list[Para] = []
    pending: Para | None = None
    for para in paras:
        if pending is not None:
            label = match_label(para.text, known)
            if label is None:
                para = Para(pending.line, f"{pending.text} {para.text}")
            else:
                out.append(pending)
            pending = None
        label = match_label(para.text, known)
        if label is not None and not label.rest:
            pending = para
            continue
        out.append(para)
    if pending is not None:
        out.append(pending)
    return out

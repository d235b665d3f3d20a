"""Bookmarks: answers the reader marked with ``m``, kept across runs in ``bookmarks.json``.

The file is the user's own data (:func:`tui.userdirs.data_dir`), and people edit such
files by hand: reorder them, delete one, paste one from a colleague. So reading is
tolerant and precise. A file that is not JSON, or not the expected shape, or an entry
without a usable reference, is reported as ``file:line:col: what is wrong``; every entry
that can be read is kept, each with its place in the file so a later check (a briefing
this archive does not have) can point at it too. A damaged file is never lost: before
the first write over it, its bytes are kept as ``bookmarks.json.bad``.

Each bookmark carries what the bookmarks screen lists (speaker, date, title, the first
words of the answer) as it was when marked, so listing them reads no transcript.

The file::

    {"version": 1, "bookmarks": [
      {"ref": "2017-10-11-shanghai#q2.a1", "speaker": "Li Jun", "date": "2017-10-11",
       "title": "Shanghai's bridgehead role", "words": "We take three measures: ..."}]}

A bare list of such entries is read too. Writes are atomic (:mod:`tui.atomic`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from tui.atomic import write_atomic
from tui.references import is_reference
from tui.userdirs import data_dir

FILE_NAME = "bookmarks.json"
VERSION = 1
WORDS = 12
"""Words of the answer kept with a bookmark (enough to recognise it in the list)."""

_FIELDS = ("speaker", "date", "title", "words")
_SPACE = re.compile(r"[ \t\n\r]*")


def bookmarks_path() -> Path:
    return data_dir() / FILE_NAME


def first_words(text: str, words: int = WORDS) -> str:
    """The start of an answer on one line, ``…`` where it was cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmarked answer (or question, or remark): its reference and how it is listed."""

    ref: str
    speaker: str = ""
    date: str = ""
    title: str = ""
    words: str = ""

    @property
    def briefing_id(self) -> str:
        return self.ref.partition("#")[0]


class _Shape(Exception):
    """The file is JSON but not the expected shape, at ``offset``."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _array(text: str, at: int) -> Iterator[tuple[int, object]]:
    """``(offset, value)`` of each element of the (valid) JSON array at ``at``."""
    decoder = json.JSONDecoder()
    at = _skip(text, at + 1)
    if text[at] == "]":
        return
    while True:
        value, end = decoder.raw_decode(text, at)
        yield at, value
        at = _skip(text, end)
        if text[at] != ",":
            return
        at = _skip(text, at + 1)


def _entries(text: str) -> list[tuple[int, object]]:
    """The bookmark entries of a valid JSON text, each with its offset; :class:`_Shape`
    when the text is not a list of them or an object holding one under ``bookmarks``."""
    at = _skip(text, 0)
    if text[at] == "[":
        return list(_array(text, at))
    if text[at] != "{":
        raise _Shape(at, 'expected an object with a "bookmarks" list')
    return _object_bookmarks(text, at)


def _object_bookmarks(text: str, at: int) -> list[tuple[int, object]]:
    decoder = json.JSONDecoder()
    found: list[tuple[int, object]] | None = None
    at = _skip(text, at + 1)
    while text[at] != "}":
        key, end = decoder.raw_decode(text, at)
        at = _skip(text, _skip(text, end) + 1)  # past the colon
        if key == "bookmarks":
            if text[at] != "[":
                raise _Shape(at, '"bookmarks" must be a list')
            found = list(_array(text, at))
        _value, end = decoder.raw_decode(text, at)
        at = _skip(text, end)
        if text[at] == ",":
            at = _skip(text, at + 1)
    if found is None:
        raise _Shape(0, 'expected an object with a "bookmarks" list')
    return found


def _place(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _bookmark(value: object) -> tuple[Bookmark | None, str | None]:
    """The bookmark an entry describes, and what is wrong with it (if anything)."""
    if not isinstance(value, dict):
        return None, 'a bookmark must be an object with a reference ("ref")'
    ref = value.get("ref")
    if not isinstance(ref, str) or not is_reference(ref.strip()):
        shown = json.dumps(ref, ensure_ascii=False) if ref is not None else "nothing"
        return None, f'"ref" must be a reference such as 2017-10-11-shanghai#q2.a1, not {shown}'
    fields: dict[str, str] = {}
    wrong = []
    for name in _FIELDS:
        item = value.get(name, "")
        if isinstance(item, str):
            fields[name] = item
        else:
            wrong.append(name)
    bookmark = Bookmark(ref.strip(), **fields)
    if wrong:
        return bookmark, f"{', '.join(wrong)} of {bookmark.ref} must be text; left empty"
    return bookmark, None


class Bookmarks:
    """The bookmarks of one file, as read, and the problems found reading it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[Bookmark] = []
        self.problems: list[str] = []
        self.places: dict[str, tuple[int, int]] = {}  # ref -> line, column in the file
        self._damaged: bytes | None = None  # the file as read, while it must be kept
        self._read()
        self._seen = self._stamp()

    @classmethod
    def load(cls) -> Bookmarks:
        """The user's bookmarks (:func:`bookmarks_path`)."""
        return cls(bookmarks_path())

    def _stamp(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def changed_on_disk(self) -> bool:
        """Whether the file changed since it was read or written here (edited by hand
        while the reader runs): then read it again rather than write over the edit."""
        return self._stamp() != self._seen

    def _problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}:{column}: {message}")

    def _read(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            self.problems.append(f"{self.path}: cannot be read ({error.strerror or error})")
            self._damaged = b""
            return
        try:
            text = data.decode("utf-8-sig")
            json.loads(text)  # valid JSON first: its errors carry line and column
            entries = _entries(text)
        except UnicodeDecodeError as error:
            self._problem(1, 1, f"not UTF-8 text (byte {error.start + 1})")
        except json.JSONDecodeError as error:
            self._problem(error.lineno, error.colno, f"not valid JSON ({error.msg})")
        except (_Shape, IndexError) as error:
            offset = error.offset if isinstance(error, _Shape) else 0
            self._problem(*_place(text, offset), str(error) or "not a list of bookmarks")
        else:
            self._take(text, entries)
        if self.problems:
            self._damaged = data

    def _take(self, text: str, entries: list[tuple[int, object]]) -> None:
        for offset, value in entries:
            bookmark, trouble = _bookmark(value)
            line, column = _place(text, offset)
            if trouble is not None:
                self._problem(line, column, trouble)
            if bookmark is None:
                continue
            if bookmark.ref in self.places:
                first = self.places[bookmark.ref][0]
                self._problem(line, column, f"{bookmark.ref} is already bookmarked on line {first}")
                continue
            self.places[bookmark.ref] = (line, column)
            self.items.append(bookmark)

    def unknown(self, known_ids: Collection[str]) -> list[str]:
        """``file:line:col`` lines for the bookmarks whose briefing is not in
        ``known_ids`` (another archive's, or a typo). They are kept, not dropped."""
        lines = []
        for bookmark in self.items:
            if bookmark.briefing_id not in known_ids:
                line, column = self.places.get(bookmark.ref, (1, 1))
                lines.append(
                    f"{self.path}:{line}:{column}: unknown reference {bookmark.ref} "
                    "(no such briefing in this archive)"
                )
        return lines

    def __contains__(self, ref: object) -> bool:
        return any(bookmark.ref == ref for bookmark in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def toggle(self, bookmark: Bookmark) -> bool:
        """Add ``bookmark``, or remove the one with its reference; True when added.
        Saves; raises :class:`OSError` when the file cannot be written (nothing changes)."""
        if bookmark.ref in self:
            self.remove(bookmark.ref)
            return False
        self._save([*self.items, bookmark])
        return True

    def remove(self, ref: str) -> None:
        """Delete the bookmark of ``ref`` and save (:class:`OSError` as :meth:`toggle`)."""
        self._save([bookmark for bookmark in self.items if bookmark.ref != ref])

    def _save(self, items: list[Bookmark]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._damaged is not None:
            backup = self.path.with_name(FILE_NAME + ".bad")
            if self._damaged:
                write_atomic(backup, self._damaged)
            elif self.path.exists():
                self.path.replace(backup)
        document = {"version": VERSION, "bookmarks": [asdict(item) for item in items]}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        write_atomic(self.path, text)
        self._seen = self._stamp()
        self._damaged = None
        self.items = items
        # the entries moved in the rewritten file: find them again there
        written = zip(items, _entries(text), strict=True)
        self.places = {item.ref: _place(text, at) for item, (at, _) in written}

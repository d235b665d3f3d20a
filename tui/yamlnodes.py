"""Reading untrusted YAML safely, and walking its nodes with their positions.

The loader works on PyYAML's *node* graph (``yaml.compose``) rather than on constructed
Python objects, for three reasons:

- every node carries its start mark, so each problem can name the exact line and column;
- composing never constructs anything, so a ``!!python/object`` tag is only a string on a
  node, which :meth:`NodeReader.check_tag` rejects;
- composing never expands aliases: ``*name`` becomes a second reference to the node
  already built, so a "billion laughs" document composes into a few dozen nodes. The walk
  then treats a node met twice as an alias and refuses it (transcripts have no use for
  anchors), so nothing is ever expanded and a cyclic alias cannot loop.

Before composing, :func:`precheck` refuses what is not a YAML transcript at all: files
above :data:`MAX_FILE_BYTES`, empty files, binary files (a NUL byte), UTF-16/32 and any
text that is not valid UTF-8, each located at a line and column.

Positions are reported 1-based; PyYAML's marks are 0-based and count characters (not
bytes), in both libyaml and the pure-Python parser.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.model import Problem, Severity

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest transcript accepted, in bytes (8 MiB).

A 300-exchange briefing with long answers is under 2 MB, so anything far bigger is a
dump, a log or a mistake. Refusing it up front (with a message naming the limit) keeps one
stray file from stalling a whole folder load, and bounds the memory of a load.
"""

_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_BYTE_OFFSETS = _LOADER is not yaml.SafeLoader  # libyaml reports reader errors in bytes

TAG = "tag:yaml.org,2002:"
STR = TAG + "str"
INT = TAG + "int"
FLOAT = TAG + "float"
BOOL = TAG + "bool"
NULL = TAG + "null"
TIMESTAMP = TAG + "timestamp"
SEQ = TAG + "seq"
MAP = TAG + "map"
_PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, SEQ, MAP})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def linecol(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte offset."""
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _char_linecol(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def precheck(data: bytes, path: str) -> Problem | None:
    """Refuse input that is too big, empty, binary or not UTF-8, before parsing it."""
    if len(data) > MAX_FILE_BYTES:
        return Problem(
            path,
            1,
            1,
            "too-large",
            f"file is {len(data):,} bytes; transcripts are limited to "
            f"{MAX_FILE_BYTES:,} bytes (8 MiB), so it was not read",
        )
    if not data.strip():
        return Problem(path, 1, 1, "empty", _EMPTY)
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            return Problem(
                path, 1, 1, "not-utf8", f"file is {name}; expected UTF-8 text (re-save it as UTF-8)"
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = linecol(data, nul)
        return Problem(
            path,
            line,
            column,
            "binary",
            f"NUL byte at byte offset {nul}: this is a binary file, "
            "expected a YAML transcript in UTF-8 text",
        )
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line, column = linecol(data, error.start)
            return Problem(
                path,
                line,
                column,
                "not-utf8",
                f"byte 0x{data[error.start]:02x} at byte offset {error.start} is not UTF-8; "
                "expected UTF-8 text (re-save the file as UTF-8)",
            )
    return None


_EMPTY = "file is empty; expected a transcript with title, date, speakers and exchanges"


def compose(data: bytes, path: str) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML document into nodes, turning every parser error into a Problem."""
    problem = precheck(data, path)
    if problem is not None:
        return None, [problem]
    try:
        node = yaml.compose(data, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, path)]
    except yaml.reader.ReaderError as error:
        character = error.character
        code = character if isinstance(character, int) else ord(str(character)[:1] or "?")
        if _BYTE_OFFSETS:
            line, column = linecol(data, error.position)
        else:
            line, column = _char_linecol(data.decode("utf-8"), error.position)
        return None, [
            Problem(
                path,
                line,
                column,
                "yaml-syntax",
                f"invalid YAML: character 0x{code:x} cannot appear in a "
                f"YAML file ({error.reason}); expected printable text",
            )
        ]
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return None, [Problem(path, 1, 1, "yaml-syntax", f"invalid YAML: {error}")]
    if node is None:
        return None, [Problem(path, 1, 1, "empty", _EMPTY)]
    return node, []


def _syntax_problem(error: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(error, yaml.composer.ComposerError) and "another document" in str(error.problem):
        message = "a second YAML document starts here; expected one briefing per file"
        return Problem(path, line, column, "yaml-syntax", message)
    message = f"invalid YAML: {error.problem or 'syntax error'}"
    context = error.context_mark
    if error.context and context is not None and context is not mark:
        message += f" ({error.context} at line {context.line + 1}, column {context.column + 1})"
    elif error.context:
        message += f" ({error.context})"
    return Problem(path, line, column, "yaml-syntax", message)


def describe(node: Node) -> str:
    """What a node is, in words, for "expected X, found Y" messages."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    if isinstance(node, SequenceNode):
        return "a list"
    tag, value = node.tag, str(node.value)
    if tag == NULL:
        return "nothing (an empty value)"
    if tag == BOOL:
        return f"the boolean {value!r} (put it in quotes to make it text)"
    if tag in (INT, FLOAT):
        return f"the number {value} (put it in quotes to make it text)"
    if tag == TIMESTAMP:
        return f"the date {value!r}"
    return f"the text {short(value)!r}"


def short(text: str, limit: int = 60) -> str:
    """A value cut to fit in a one-line message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a misspelt ``word``, if any is close."""
    options = list(choices)
    lowered = {choice.casefold(): choice for choice in options}
    if word.casefold() in lowered:
        return lowered[word.casefold()]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


@dataclass
class NodeReader:
    """Walks one document, collecting problems instead of stopping at the first.

    Each ``expect_*`` method returns the value when the node has the expected shape, and
    ``None`` (after recording a problem) when it has not, so the caller can carry on with
    the rest of the document.
    """

    path: str
    data: bytes = b""
    """The document's bytes, to locate an alias when one is found."""
    problems: list[Problem] = field(default_factory=list)
    suggested: set[str] = field(default_factory=set)
    """Keys offered as did-you-mean by the last :meth:`expect_mapping` call."""
    _seen: set[int] = field(default_factory=set)
    _alias_reported: bool = False

    def report(self, node: Node, code: str, message: str, severity: Severity = "error") -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, code, message, severity)
        )

    def visit(self, node: Node, where: str) -> bool:
        """Admit a node once; refuse aliases and tags that would construct objects."""
        if id(node) in self._seen:
            self._alias(node)
            return False
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(TAG, "!!", 1) if node.tag.startswith(TAG) else node.tag
            self.report(
                node,
                "bad-tag",
                f"{where}: the tag {tag!r} is not allowed; transcripts hold only plain "
                "text, dates, lists and mappings (nothing was constructed from it)",
            )
            return False
        return True

    def _alias(self, node: Node) -> None:
        """Report the first alias of the document, at the ``*name`` itself.

        The node graph no longer knows where the alias was written (it is the anchored
        node, met again), so the tokens are scanned for it; this happens only on this
        error path, once per file.
        """
        if self._alias_reported:
            return
        self._alias_reported = True
        name, mark = "", node.start_mark
        try:
            for token in yaml.scan(self.data, Loader=_LOADER):
                if isinstance(token, yaml.AliasToken):
                    name, mark = token.value, token.start_mark
                    break
        except yaml.YAMLError:
            pass
        self.problems.append(
            Problem(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "alias",
                f"alias *{name}: anchors and aliases (&name, *name) are not allowed in "
                "transcripts; expected each value written out where it is used",
            )
        )

    def sweep(self, node: Node) -> None:
        """Visit a subtree the format does not read (an unknown key's value) only to
        find aliases in it, so a "billion laughs" is named as such wherever it hides.
        Each node is entered once, so the cost is bounded by the composed size."""
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) in self._seen:
                self._alias(current)
                return
            self._seen.add(id(current))
            if isinstance(current, SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, MappingNode):
                for key, value in current.value:
                    stack.extend((key, value))

    def expect_mapping(
        self, node: Node, where: str, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, tuple[Node, Node]] | None:
        """The fields of a mapping by name, after checking keys against ``allowed``.

        Unknown keys get a did-you-mean; a missing required key is not reported when an
        unknown key was suggested in its place (one mistake, one message).
        """
        if not self.visit(node, where):
            return None
        if not isinstance(node, MappingNode):
            names = ", ".join(required or allowed)
            self.report(
                node,
                "wrong-type",
                f"{where}: expected a mapping with {names}, found {describe(node)}",
            )
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        self.suggested = suggested = set()
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.tag == STR):
                self.report(
                    key, "bad-key", f"{where}: expected a field name, found {describe(key)}"
                )
                continue
            name = key.value
            if name in fields:
                first = fields[name][0].start_mark
                self.report(
                    key,
                    "duplicate-key",
                    f"{where}: {short(name)!r} appears twice (first at line {first.line + 1}, "
                    f"column {first.column + 1}); expected each field once",
                )
            elif name in allowed:
                fields[name] = (key, value)
            else:
                guess = suggest(name, allowed)
                hint = f"did you mean {guess!r}? " if guess else ""
                if guess:
                    suggested.add(guess)
                self.sweep(value)
                self.report(
                    key,
                    "unknown-key",
                    f"{where}: unknown key {short(name)!r}; {hint}"
                    f"expected one of: {', '.join(allowed)}",
                )
        for name in required:
            if name not in fields and name not in suggested:
                self.report(node, "missing-key", f"{where}: missing required field {name!r}")
        return fields

    def expect_sequence(self, node: Node, where: str, what: str) -> list[Node] | None:
        if not self.visit(node, where):
            return None
        if not isinstance(node, SequenceNode):
            self.report(
                node, "wrong-type", f"{where}: expected a list of {what}, found {describe(node)}"
            )
            return None
        return list(node.value)

    def expect_text(self, node: Node, where: str) -> str | None:
        """Non-blank text, with surrounding blank lines and spaces removed."""
        if not self.visit(node, where):
            return None
        if not (isinstance(node, ScalarNode) and node.tag == STR):
            self.report(node, "wrong-type", f"{where}: expected text, found {describe(node)}")
            return None
        text = str(node.value).strip()
        if not text:
            self.report(node, "empty-text", f"{where}: is empty; expected some text")
            return None
        return text

    def expect_date(self, node: Node, where: str) -> dt.date | None:
        """An ISO calendar date, written plain (``2017-10-11``) or quoted."""
        if not self.visit(node, where):
            return None
        if not (isinstance(node, ScalarNode) and node.tag in (TIMESTAMP, STR)):
            self.report(
                node, "wrong-type", f"{where}: expected a date YYYY-MM-DD, found {describe(node)}"
            )
            return None
        value = str(node.value).strip()
        if not _DATE.fullmatch(value):
            self.report(
                node,
                "bad-date",
                f"{where}: {short(value)!r} is not a date; expected YYYY-MM-DD (e.g. 2017-10-11)",
            )
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            self.report(
                node,
                "bad-date",
                f"{where}: {value!r} is not a valid date ({error}); expected YYYY-MM-DD",
            )
            return None

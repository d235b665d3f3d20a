"""The search language, parsed into a tree of terms plus filters (dates, a briefing).

Syntax: words (``budget``), ``"phrases"``, prefixes (``financ*``, at least three letters
before the star, because a one- or two-letter prefix expands to thousands of words and
takes seconds), ``AND`` / ``OR`` / ``NOT`` in capitals (lower-case ``and`` is a word),
parentheses, and filters: ``speaker:``, ``asker:`` (a name or part of one, ``"Li Jun"`` in
quotes when it has a space), ``from:`` / ``to:`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
``briefing:`` (an id or the start of one), and the clippings filters ``note:WORD``
(answers whose clipping note has the word) and ``clipped:yes`` / ``clipped:NAME``
(answers clipped in any collection, or in collection NAME). Adjacent terms are joined by
``AND``; ``NOT`` binds tightest, then ``AND``, then ``OR``.

Parsing checks everything that can be wrong with a query, so anything malformed is a
:class:`QueryError` naming the column and the fix, and the tree it returns (:class:`Term`,
:class:`AllOf`, :class:`AnyOf`) always means something: no empty group, no ``NOT`` without
something to exclude from. The index turns that tree into its own syntax
(:mod:`tui.index.fts`), so this module knows nothing of SQLite. ``speaker:`` and ``asker:``
are terms on a field (so they combine with ``OR``/``NOT`` anywhere), while dates,
``briefing:`` and the clippings filters narrow the whole query and must stand at its top.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from tui.textmatch import is_ideographic, tokens

MIN_PREFIX = 3
MAX_DEPTH = 32
FILTERS = ("speaker", "asker", "from", "to", "briefing", "note", "clipped")
ANY_COLLECTION = "yes"
EXAMPLES = {"speaker": '"Li Jun"', "asker": '"Li Jun"', "note": "follow-up", "clipped": "yes"}
_FILTER = re.compile(r"([A-Za-z]+):(.*)\Z", re.DOTALL)
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\Z")


class QueryError(ValueError):
    """A malformed query; ``position`` is the 0-based offset of the offending part."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"column {position + 1}: {message}")
        self.message = message
        self.position = position


Person = Literal["speaker", "asker"]


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase as typed, in the text or, with ``person``, in who spoke or asked
    (``speaker:"Li Jun"``); ``prefix`` if it ended in ``*``. It always has searchable
    characters: the parser drops the others.
    """

    text: str
    prefix: bool = False
    person: Person | None = None


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of ``parts`` (at least one) and none of ``excluded``."""

    parts: tuple[Match, ...]
    excluded: tuple[Match, ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one of ``parts`` (at least two)."""

    parts: tuple[Match, ...]


Match = Term | AllOf | AnyOf


@dataclass(frozen=True, slots=True)
class ClipFilter:
    """``clipped:`` and ``note:``: clipped in ``collection`` (any when None), with a note
    that has every one of ``notes`` (words or prefixes, as :func:`tui.textmatch.match_spans`
    takes them)."""

    collection: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: ``match`` is ``None`` when only dates/briefing narrow the results."""

    text: str
    match: Match | None = None
    terms: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    briefing: str | None = None
    clips: ClipFilter | None = None

    @property
    def empty(self) -> bool:
        return self.match is None and not any(
            (self.date_from, self.date_to, self.briefing, self.clips)
        )


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "word", "phrase", "filter", "op", "(", ")"
    text: str
    pos: int
    name: str = ""  # filter name
    quoted: bool = False  # filter value given as a phrase


@dataclass
class _Node:
    kind: str  # "term", "and", "or", "not", "sql"
    pos: int
    match: Term | None = None
    term: str | None = None
    name: str = ""
    value: str = ""
    children: list[_Node] = field(default_factory=list)


def _lex(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(_Tok(ch, ch, i))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError('this quote is never closed; add a closing "', i)
            star = end + 1 < len(text) and text[end + 1] == "*"
            out.append(_Tok("phrase", text[i + 1 : end] + ("*" if star else ""), i))
            i = end + 1 + star
        else:
            start = i
            while i < len(text) and not text[i].isspace() and text[i] not in '()"':
                i += 1
            out.append(_word(text, start, text[start:i]))
            if out[-1].kind == "filter" and not out[-1].text:
                if i < len(text) and text[i] == '"':
                    end = text.find('"', i + 1)
                    if end < 0:
                        raise QueryError('this quote is never closed; add a closing "', i)
                    out[-1] = _Tok("filter", text[i + 1 : end], start, out[-1].name, True)
                    i = end + 1
                else:
                    name = out[-1].name
                    example = EXAMPLES.get(name, "2017-10")
                    raise QueryError(f"{name}: needs a value, e.g. {name}:{example}", start)
    return out


def _word(text: str, start: int, word: str) -> _Tok:
    if word in ("AND", "OR", "NOT"):
        return _Tok("op", word, start)
    match = _FILTER.match(word)
    if match:
        name = match.group(1).lower()
        if name in FILTERS:
            return _Tok("filter", match.group(2), start, name)
        import difflib  # only to suggest a filter for a mistyped one

        close = difflib.get_close_matches(name, FILTERS, n=1, cutoff=0.75)
        if close:
            raise QueryError(
                f"unknown filter '{match.group(1)}:'; did you mean '{close[0]}:'? "
                f"Filters: {', '.join(f + ':' for f in FILTERS)}",
                start,
            )
    return _Tok("word", word, start)


def _term(value: str, pos: int, person: Person | None = None) -> tuple[Term | None, str | None]:
    """The term for a word or phrase (``None`` if it has no searchable characters), and
    its form for highlighting (``None`` for a person: a name is not highlighted in text)."""
    prefix = value.endswith("*")
    body = value[:-1] if prefix else value
    if "*" in body:
        raise QueryError("'*' can only end a word, as in financ*", pos)
    found = tokens(body)
    if prefix and found and is_ideographic(found[-1][2]):
        # Every ideograph is a token of its own, so "王毅*" (words starting with 王毅)
        # is the phrase 王毅 itself, however short.
        prefix = False
    if prefix:
        last = found[-1][2] if found else ""
        if len(last) < MIN_PREFIX or not found or found[-1][1] != len(body):
            raise QueryError(
                f"'{value}' is too short a prefix: type at least {MIN_PREFIX} letters before "
                "'*' (fewer would match thousands of words)",
                pos,
            )
    if not found:
        return None, None
    term = Term(body, prefix, person)
    if person is not None:
        return term, None
    return term, body.strip() + ("*" if prefix else "")


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def _starts_operand(self, tok: _Tok | None) -> bool:
        return tok is not None and (tok.kind not in ("op", ")") or tok.text == "NOT")

    def _need_after(self, op: _Tok) -> None:
        if not self._starts_operand(self.peek()):
            raise QueryError(f"{op.text} needs a term after it", op.pos)

    def parse_or(self) -> _Node:
        first = self.peek()
        if first is not None and first.kind == "op" and first.text != "NOT":
            raise QueryError(f"{first.text} needs a term before it", first.pos)
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.i += 1
            self._need_after(tok)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else _Node("or", items[0].pos, children=items)

    def parse_and(self) -> _Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None:
            if tok.kind == "op" and tok.text == "AND":
                self.i += 1
                self._need_after(tok)
            elif not self._starts_operand(tok):
                break
            items.append(self.parse_unary())
        flat: list[_Node] = []
        for item in items:
            flat.extend(item.children if item.kind == "and" else [item])
        return flat[0] if len(flat) == 1 else _Node("and", flat[0].pos, children=flat)

    def parse_unary(self) -> _Node:
        tok = self.peek()
        assert tok is not None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError("the query is nested too deeply", tok.pos)
        try:
            if tok.kind == "op" and tok.text == "NOT":
                self.i += 1
                self._need_after(tok)
                return _Node("not", tok.pos, children=[self.parse_unary()])
            return self.parse_primary(tok)
        finally:
            self.depth -= 1

    def parse_primary(self, tok: _Tok) -> _Node:
        self.i += 1
        if tok.kind == "(":
            close = self.peek()
            if close is not None and close.kind == ")":
                raise QueryError("empty parentheses", tok.pos)
            if close is None:
                raise QueryError("this '(' is never closed; add a ')'", tok.pos)
            node = self.parse_or()
            end = self.peek()
            if end is None or end.kind != ")":
                raise QueryError("this '(' is never closed; add a ')'", tok.pos)
            self.i += 1
            return node
        if tok.kind == "filter":
            return self._filter(tok)
        match, term = _term(tok.text, tok.pos)
        return _Node("term", tok.pos, match=match, term=term)

    def _filter(self, tok: _Tok) -> _Node:
        person: Person | None = (
            "speaker" if tok.name == "speaker" else "asker" if tok.name == "asker" else None
        )
        if person is not None:
            match, _ = _term(tok.text, tok.pos, person)
            if match is None:
                raise QueryError(f"{tok.name}: needs a name with letters or digits", tok.pos)
            return _Node("term", tok.pos, match=match)
        return _Node("sql", tok.pos, name=tok.name, value=tok.text)


def _to_match(node: _Node) -> Match | None:
    """The tree without empty groups; raises where a part cannot stand where it is."""
    if node.kind == "term":
        return node.match
    if node.kind == "sql":
        raise QueryError(
            f"{node.name}: narrows the whole query and cannot stand inside OR or NOT", node.pos
        )
    if node.kind == "or":
        parts = [p for p in (_to_match(c) for c in node.children) if p is not None]
        return None if not parts else parts[0] if len(parts) == 1 else AnyOf(tuple(parts))
    children = node.children if node.kind == "and" else [node]
    positives = [p for c in children if c.kind != "not" and (p := _to_match(c)) is not None]
    negatives = [p for c in children if c.kind == "not" and (p := _to_match(c.children[0]))]
    if negatives and not positives:
        first = next(c for c in children if c.kind == "not")
        raise QueryError("NOT needs something to exclude from, as in: tax NOT vat", first.pos)
    if not positives:
        return None
    if len(positives) == 1 and not negatives:
        return positives[0]
    return AllOf(tuple(positives), tuple(negatives))


def _terms(node: _Node, out: list[str]) -> None:
    if node.kind == "term" and node.term:
        out.append(node.term)
    elif node.kind in ("and", "or"):
        for child in node.children:
            _terms(child, out)


def _date(value: str, pos: int, name: str) -> dt.date:
    match = _DATE.match(value)
    if match:
        year, month, day = match.groups()
        try:
            if day is not None:
                return dt.date(int(year), int(month), int(day))
            m = int(month) if month else (1 if name == "from" else 12)
            d = 1 if name == "from" else _days_in_month(int(year), m)
            return dt.date(int(year), m, d)
        except ValueError:
            pass
    raise QueryError(f"{name}: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'", pos)


def parse(text: str) -> Query:
    """Parse ``text``; raises :class:`QueryError`. An empty or blank query is ``empty``."""
    toks = _lex(text)
    if not toks:
        return Query(text)
    parser = _Parser(toks)
    root = parser.parse_or()
    if (extra := parser.peek()) is not None:
        raise QueryError("this ')' has no matching '('", extra.pos)
    top = root.children if root.kind == "and" else [root]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    to_pos = 0
    briefing: str | None = None
    rest: list[_Node] = []
    clips: list[_Node] = []
    for node in top:
        if node.kind != "sql":
            rest.append(node)
        elif node.name in ("note", "clipped"):
            clips.append(node)
        elif node.name == "briefing":
            if briefing is not None:
                raise QueryError("briefing: can be given only once", node.pos)
            briefing = node.value
        elif node.name == "from":
            day = _date(node.value, node.pos, "from")
            date_from = day if date_from is None else max(date_from, day)
        else:
            day = _date(node.value, node.pos, "to")
            date_to = day if date_to is None else min(date_to, day)
            to_pos = node.pos
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"to: {date_to} is before from: {date_from}", to_pos)
    match = _to_match(_Node("and", 0, children=rest)) if rest else None
    terms: list[str] = []
    for node in rest:
        _terms(node, terms)
    return Query(
        text, match, tuple(dict.fromkeys(terms)), date_from, date_to, briefing, _clips(clips)
    )


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def _clips(nodes: list[_Node]) -> ClipFilter | None:
    """The ``clipped:`` and ``note:`` filters together (``None`` when there are none)."""
    if not nodes:
        return None
    collection: str | None = None
    notes: list[str] = []
    for node in nodes:
        if node.name == "clipped":
            if collection is not None:
                raise QueryError("clipped: can be given only once", node.pos)
            collection = node.value.strip()
        else:
            _, word = _term(node.value, node.pos)
            if word is None:
                raise QueryError("note: needs a word with letters or digits", node.pos)
            notes.append(word)
    if collection is not None and collection.casefold() == ANY_COLLECTION:
        collection = None
    return ClipFilter(collection, tuple(notes))

"""A parsed query (:mod:`tui.query`) as an FTS5 expression for the index's full-text table.

This is the only place that writes FTS5 syntax. Every term becomes a string literal of its
search form (:func:`tui.textmatch.search_form`, the form the table indexes), with any
``"`` doubled, so nothing a user types can produce an FTS5 syntax error; a person's term
is restricted to the ``speaker`` or ``asker`` column (see :mod:`tui.index.schema`).
"""

from __future__ import annotations

from tui.query import AnyOf, Match, Term
from tui.textmatch import search_form


def literal(text: str, prefix: bool = False) -> str:
    """``text`` as an FTS5 string (a prefix query with ``prefix``)."""
    return '"' + search_form(text).replace('"', '""') + '"' + ("*" if prefix else "")


def compile_match(match: Match) -> str:
    """The FTS5 expression for ``match``; groups are parenthesised, so they nest as parsed."""
    if isinstance(match, Term):
        quoted = literal(match.text, match.prefix)
        return quoted if match.person is None else f"{match.person} : {quoted}"
    if isinstance(match, AnyOf):
        return f"({' OR '.join(compile_match(part) for part in match.parts)})"
    parts = [compile_match(part) for part in match.parts]
    expr = parts[0] if len(parts) == 1 else f"({' AND '.join(parts)})"
    if not match.excluded:
        return expr
    return f"({''.join([expr, *(f' NOT {compile_match(n)}' for n in match.excluded)])})"

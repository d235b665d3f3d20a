"""The search language: what each query means, and a clear message for each malformed one."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.index.fts import compile_match
from tui.index.schema import DDL
from tui.query import Query, QueryError, parse


def fts(query: Query) -> str | None:
    return None if query.match is None else compile_match(query.match)


@pytest.mark.parametrize(
    ("text", "fts5", "terms"),
    [
        ("budget", '"budget"', ("budget",)),
        ("budget deficit", '("budget" AND "deficit")', ("budget", "deficit")),
        ('"belt and road"', '"belt and road"', ("belt and road",)),
        ("financ*", '"financ"*', ("financ*",)),
        ('"belt and roa"*', '"belt and roa"*', ("belt and roa*",)),
        ("tax OR vat", '("tax" OR "vat")', ("tax", "vat")),
        ("tax AND vat", '("tax" AND "vat")', ("tax", "vat")),
        ("tax NOT vat", '("tax" NOT "vat")', ("tax",)),
        ("(tax OR duty) NOT vat", '(("tax" OR "duty") NOT "vat")', ("tax", "duty")),
        ("a OR b c", '("a" OR ("b" AND "c"))', ("a", "b", "c")),
        ("and or not", '("and" AND "or" AND "not")', ("and", "or", "not")),
        ('say "hi"', '("say" AND "hi")', ("say", "hi")),
        ('speaker:"Li Jun" tariffs', '(speaker : "Li Jun" AND "tariffs")', ("tariffs",)),
        ("asker:reuters", 'asker : "reuters"', ()),
        ("speaker:tan*", 'speaker : "tan"*', ()),
        ("NOT vat speaker:li", '(speaker : "li" NOT "vat")', ()),
        ("我们", '" 我  们 "', ("我们",)),
        ("covid-19", '"covid-19"', ("covid-19",)),
        ("http://example.org", '"http://example.org"', ("http://example.org",)),
    ],
)
def test_queries_become_quoted_fts5_expressions(text: str, fts5: str, terms: tuple[str]) -> None:
    query = parse(text)
    assert fts(query) == fts5
    assert query.terms == terms


def test_dates_accept_year_month_and_day_and_cover_whole_periods() -> None:
    query = parse("tax from:2019 to:2020-02")
    assert (query.date_from, query.date_to) == (dt.date(2019, 1, 1), dt.date(2020, 2, 29))
    query = parse("from:2019-03-05 to:2019-03-05")
    assert fts(query) is None
    assert (query.date_from, query.date_to) == (dt.date(2019, 3, 5), dt.date(2019, 3, 5))
    assert parse("from:2018 from:2019-06").date_from == dt.date(2019, 6, 1)


def test_briefing_filter_and_empty_queries() -> None:
    assert parse("budget briefing:2017-10").briefing == "2017-10"
    assert parse("   ").empty
    assert parse("").empty
    assert fts(parse("& —")) is None
    assert not parse("from:2020").empty


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ('"belt and road', 0, "quote is never closed"),
        ("(tax OR vat", 0, "'(' is never closed"),
        ("tax)", 3, "')' has no matching '('"),
        ("tax ()", 4, "empty parentheses"),
        ("tax AND", 4, "AND needs a term after it"),
        ("OR tax", 0, "OR needs a term before it"),
        ("tax OR", 4, "OR needs a term after it"),
        ("tax AND OR vat", 4, "AND needs a term after it"),
        ("NOT tax", 0, "NOT needs something to exclude from"),
        ("vat OR NOT tax", 7, "NOT needs something to exclude from"),
        ("tax NOT", 4, "NOT needs a term after it"),
        ("fi*", 0, "at least 3 letters before '*'"),
        ("tax a*", 4, "too short a prefix"),
        ("*", 0, "too short a prefix"),
        ("fin*ance", 0, "'*' can only end a word"),
        ("spaker:Li", 0, "did you mean 'speaker:'?"),
        ("speaker: tax", 0, 'speaker: needs a value, e.g. speaker:"Li Jun"'),
        ("from:", 0, "from: needs a value"),
        ('asker:"unclosed', 6, "quote is never closed"),
        ("from:2019-13", 0, "YYYY, YYYY-MM or YYYY-MM-DD, not '2019-13'"),
        ("to:yesterday", 0, "not 'yesterday'"),
        ("tax from:2021 to:2020", 14, "to: 2020-12-31 is before from: 2021-01-01"),
        ("tax OR from:2020", 7, "from: narrows the whole query"),
        ("NOT briefing:x tax", 4, "briefing: narrows the whole query"),
        ("briefing:a briefing:b", 11, "briefing: can be given only once"),
        ("speaker:—", 0, "speaker: needs a name"),
        ("(" * 40 + "x" + ")" * 40, 32, "nested too deeply"),
    ],
)
def test_malformed_queries_say_where_and_what(text: str, position: int, words: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert caught.value.position == position
    assert words in caught.value.message
    assert str(caught.value).startswith(f"column {position + 1}: ")


_ATOMS = st.sampled_from(
    [
        *("tax", "vat", "AND", "OR", "NOT", "(", ")", '"', "*", "fin*", "speaker:", "li", ":"),
        *("-", "from:2019", "to:2018", "briefing:x", "'", "{", "}", "^", "+", "NEAR", "a*"),
        *("\\", "我"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ATOMS, max_size=8), st.lists(st.booleans(), max_size=8))
def test_any_input_is_a_query_error_or_a_valid_fts5_expression(
    atoms: list[str], spaces: list[bool]
) -> None:
    text = "".join(a + (" " if i < len(spaces) and spaces[i] else "") for i, a in enumerate(atoms))
    try:
        query = parse(text)
    except QueryError:
        return
    if query.match is not None:
        conn = sqlite3.connect(":memory:")
        conn.executescript(DDL)
        conn.execute("SELECT rowid FROM elements_fts WHERE elements_fts MATCH ?", (fts(query),))

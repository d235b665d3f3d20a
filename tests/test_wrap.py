"""Wrapping and cutting by terminal cells, wide (CJK) text too: what the reader and
``briefing search`` both use."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.wrap import truncate, wrap_lines, wrap_spans


def test_truncate_ends_with_an_ellipsis_and_respects_wide_characters() -> None:
    assert truncate("Shanghai bridgehead", 10) == "Shanghai…"
    assert truncate("short", 10) == "short"
    assert truncate("上海市人民政府", 6) == "上海…"
    assert cell_len(truncate("上海市人民政府", 7)) <= 7


def test_wrap_breaks_at_spaces_and_keeps_words_whole() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = [text[a:b].rstrip() for a, b in wrap_spans(text, 10)]
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]


def test_wrap_folds_a_word_longer_than_the_line() -> None:
    url = "https://example.org/a/very/long/path"
    # after a separator where there is one in the line's second half, else at the edge
    assert [url[a:b] for a, b in wrap_spans(url, 10)] == [
        "https://",
        "example.",
        "org/a/very",
        "/long/path",
    ]


def test_wrap_chinese_between_characters_at_two_cells_each() -> None:
    text = "上海市政府新闻办公室举行新闻发布会"
    spans = wrap_spans(text, 9)  # an odd width: a wide character never straddles it
    lines = [text[a:b] for a, b in spans]
    assert "".join(lines) == text
    assert all(cell_len(line) <= 9 for line in lines)
    assert [cell_len(line) for line in lines[:-1]] == [8] * (len(lines) - 1)


def test_wrap_lines_keeps_single_line_breaks() -> None:
    text = "Measures:\n1. bonds;\n2. loans."
    assert [text[a:b] for a, b in wrap_lines(text, 40)] == ["Measures:", "1. bonds;", "2. loans."]


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from([*"ab cd  ef\u4e2d\u6587\uff01\u3002xyz-/", "é", "👍"]),
        max_size=200,
    ),
    st.integers(min_value=2, max_value=40),
)
def test_wrap_fits_the_width_and_loses_nothing(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    assert "".join(text[a:b] for a, b in spans) == text
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for a, b in spans:
        assert cell_len(text[a:b].rstrip()) <= width


def test_wrap_never_starts_a_chinese_line_with_closing_punctuation() -> None:
    text = "一二三四五。六七八九十，甲乙"
    lines = [text[a:b] for a, b in wrap_spans(text, 10)]  # five characters a line
    assert lines == ["一二三四", "五。六七八", "九十，甲乙"]


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from([*"中文新闻发布会", *"。，！」"]), min_size=1, max_size=120),
    st.integers(min_value=4, max_value=30),
)
def test_wrap_moves_closing_punctuation_off_line_starts(text: str, width: int) -> None:
    lines = [text[a:b] for a, b in wrap_spans(text, width)]
    assert "".join(lines) == text
    closing = "。，！」"
    for before, line in itertools.pairwise(lines):
        assert cell_len(line) <= width
        # a line starts with punctuation only when it went down with the one after it,
        # or when the line before could not give up its only character
        assert line[0] not in closing or line[1:2] in tuple(closing) or len(before) == 1


def test_a_long_address_breaks_after_a_separator_not_inside_a_word() -> None:
    url = "https://www.federalreserve.gov/mediacenter/files/FOMCpresconf20250319.pdf"
    lines = [url[a:b] for a, b in wrap_spans(url, 52)]
    assert "".join(lines) == url
    assert all(len(line) <= 52 for line in lines)
    assert all(line[-1] in "/-?&=#_." for line in lines[:-1])

"""Natural order of names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.sorting import natural_key


def test_numbers_in_names_sort_by_value() -> None:
    names = ["Outlet 10", "outlet 2", "Outlet 1", "Outlet 1a", "Channel 9", "Outlet"]
    assert sorted(names, key=natural_key) == [
        "Channel 9",
        "Outlet",
        "Outlet 1",
        "Outlet 1a",
        "outlet 2",
        "Outlet 10",
    ]


def test_chinese_names_and_full_width_digits_do_not_break_it() -> None:
    names = ["记者10", "记者2", "澎湃新闻", "记者１"]
    assert sorted(sorted(names, key=natural_key), key=natural_key) == sorted(names, key=natural_key)


@given(st.lists(st.text(max_size=12), max_size=20))
def test_any_names_sort_without_error_and_the_order_is_stable(names: list[str]) -> None:
    once = sorted(names, key=natural_key)
    assert sorted(once, key=natural_key) == once
    assert sorted(once) == sorted(names)

"""Back and forward like a browser; previews do not pile up; places are remembered."""

from __future__ import annotations

from tui.history import History, Place


def test_back_and_forward_walk_the_places_opened() -> None:
    history = History()
    for place in (Place("a"), Place("b", "b#q1.a1"), Place("c")):
        history.visit(place)
    assert history.back() == Place("b", "b#q1.a1")
    assert history.back() == Place("a")
    assert history.back() is None
    assert history.forward() == Place("b", "b#q1.a1")
    assert history.current == Place("b", "b#q1.a1")


def test_opening_from_the_middle_drops_what_was_ahead() -> None:
    history = History()
    for name in "abc":
        history.visit(Place(name))
    history.back()
    history.back()
    history.visit(Place("d"))
    assert not history.can_go_forward
    assert history.back() == Place("a")


def test_previews_replace_each_other_but_stay_when_something_is_opened() -> None:
    history = History()
    history.visit(Place("a"))
    history.visit(Place("b"), passing=True)
    history.visit(Place("c"), passing=True)
    history.visit(Place("d", "d#q2"))
    assert len(history) == 3
    assert history.back() == Place("c")
    assert history.back() == Place("a")


def test_opening_the_current_briefing_again_is_not_a_new_entry() -> None:
    history = History()
    history.visit(Place("a"), passing=True)
    history.visit(Place("a"))
    history.visit(Place("b"), passing=True)
    assert len(history) == 2  # "a" was opened for good: the preview of "b" did not replace it


def test_a_jump_inside_the_briefing_is_an_entry_of_its_own() -> None:
    history = History()
    history.visit(Place("a"))
    history.update(Place("a", "a#q1.a1", 30))
    history.visit(Place("a", "a#q9.a1"))
    assert history.back() == Place("a", "a#q1.a1", 30)


def test_the_last_place_in_each_briefing_is_kept() -> None:
    history = History()
    history.visit(Place("a"))
    history.update(Place("a", "a#q3.a1", 55))
    history.visit(Place("b"))
    history.update(Place("b", "b#q1.a1", 0))
    assert history.last_place("a") == Place("a", "a#q3.a1", 55)
    assert history.last_place("z") is None


def test_the_list_is_bounded() -> None:
    history = History(limit=3)
    for name in "abcde":
        history.visit(Place(name))
    assert len(history) == 3
    assert history.back() == Place("d")
    assert history.back() == Place("c")
    assert history.back() is None

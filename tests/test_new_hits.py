"""What counts as new for a saved search: hits whose reference and text were not among its
hits at the last look in the same archive, whatever the briefing's date or the index did.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from index_samples import SAMPLE, briefing

from tui.index import Index
from tui.new_hits import Report, count_new, look, mark_seen
from tui.saved_searches import SavedSearches, StoreProblem

if TYPE_CHECKING:
    from conftest import Archive


@pytest.fixture
def store() -> SavedSearches:
    return SavedSearches()


@pytest.fixture
def root(archive: Archive) -> Path:
    return archive(SAMPLE)


@pytest.fixture
def index(root: Path, tmp_path: Path) -> Index:
    index = Index(root, tmp_path / "cache" / "index.sqlite3")
    index.refresh()
    return index


def write(root: Path, doc: dict[str, Any]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"{doc['id']}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def once(store: SavedSearches, index: Index, name: str, *, peek: bool = False) -> Report:
    index.refresh()
    (report,) = look(store, index, [store.get(name)], peek=peek)
    return report


def refs(report: Report) -> list[str]:
    return [new.hit.ref for new in report.new]


def test_the_first_look_records_every_hit_and_lists_none(
    store: SavedSearches, index: Index
) -> None:
    store.add("budget", "budget")
    first = once(store, index, "budget")
    assert first.first_look and first.marked
    assert first.hits_now == 2  # an answer in one briefing, a question in another
    assert (first.new, first.new_count) == ((), 0)
    second = once(store, index, "budget")
    assert not second.first_look and second.last_looked is not None
    assert (second.new, second.hits_now) == ((), 2)


def test_an_added_briefing_is_new_once(store: SavedSearches, index: Index, root: Path) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    write(root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "The budget grows.")]))
    report = once(store, index, "budget")
    assert refs(report) == ["2024-01-09-new#q1.a1"]
    new = report.new[0].hit
    assert (new.person, new.text, new.date.isoformat()) == (
        "Li Jun",
        "The budget grows.",
        "2024-01-09",
    )
    assert once(store, index, "budget").new == ()


def test_an_old_dated_briefing_added_later_is_new(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    write(root, briefing("2001-05-02-old", "2001-05-02", [("Li Jun", "An old budget.")]))
    write(root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "A new budget.")]))
    report = once(store, index, "budget")
    assert refs(report) == ["2024-01-09-new#q1.a1", "2001-05-02-old#q1.a1"]  # newest first


def test_an_edited_answer_is_new_and_its_unchanged_neighbours_are_not(
    store: SavedSearches, index: Index, root: Path
) -> None:
    doc = briefing(
        "2023-02-01-two",
        "2023-02-01",
        [("Li Jun", "The budget is set."), ("Wang Yi", "The budget is fair.")],
    )
    path = write(root, doc)
    store.add("budget", "budget")
    once(store, index, "budget")
    doc["exchanges"][0]["answers"][1]["text"] = "The budget is fair and final."
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    report = once(store, index, "budget")
    assert refs(report) == ["2023-02-01-two#q1.a2"]
    assert report.new[0].hit.text == "The budget is fair and final."


def test_a_reindexed_or_rebuilt_index_brings_nothing_new(
    store: SavedSearches, index: Index, root: Path
) -> None:
    first = write(root, briefing("2023-02-01-am", "2023-02-01", [("Li Jun", "Budget.")]))
    write(root, briefing("2023-02-01-pm", "2023-02-01", [("Li Jun", "Budget.")]))
    store.add("budget", "budget")
    once(store, index, "budget")
    os.utime(first, ns=(1, 1))  # read again after its neighbour: other row ids, same hits
    assert index.refresh().indexed == 1
    assert once(store, index, "budget").new == ()
    for path in root.glob("*.yaml"):  # every file read again, unchanged
        os.utime(path, ns=(2, 2))
    stats = index.refresh()
    assert stats.indexed == 5
    assert once(store, index, "budget").new == ()
    index.refresh(rebuild=True)
    assert once(store, index, "budget").new == ()
    in_memory = Index(root, memory=True)
    in_memory.refresh()
    (report,) = look(store, in_memory, [store.get("budget")])
    assert report.new == ()


def test_a_deleted_briefing_is_dropped_and_counts_as_new_if_it_comes_back(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    gone = root / "2021-06-15-trade.yaml"
    text = gone.read_text(encoding="utf-8")
    gone.unlink()
    report = once(store, index, "budget")
    assert (report.new, report.hits_now) == ((), 1)
    gone.write_text(text, encoding="utf-8")
    assert refs(once(store, index, "budget")) == ["2021-06-15-trade#q1"]


def test_a_peek_marks_nothing(store: SavedSearches, index: Index, root: Path) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    write(root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "The budget grows.")]))
    peeked = once(store, index, "budget", peek=True)
    assert refs(peeked) == ["2024-01-09-new#q1.a1"] and not peeked.marked
    assert count_new(store, index, store.get("budget")) == 1
    assert refs(once(store, index, "budget")) == ["2024-01-09-new#q1.a1"]
    assert count_new(store, index, store.get("budget")) == 0


def test_what_was_seen_in_one_archive_says_nothing_of_another(
    store: SavedSearches, index: Index, archive: Archive, tmp_path: Path
) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    other_root = tmp_path / "other"
    write(other_root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "Budget.")]))
    other = Index(other_root, tmp_path / "cache" / "other.sqlite3")
    other.refresh()
    assert count_new(store, other, store.get("budget")) is None
    (report,) = look(store, other, [store.get("budget")])
    assert report.first_look
    assert count_new(store, index, store.get("budget")) == 0


def test_the_query_and_its_filters_decide_the_hits(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("li", "budget speaker:li from:2020")
    once(store, index, "li")
    write(root, briefing("2024-01-09-a", "2024-01-09", [("Li Jun", "Budget talk.")]))
    write(root, briefing("2024-01-10-b", "2024-01-10", [("Wang Yi", "Budget talk.")]))
    write(root, briefing("2019-01-10-c", "2019-01-10", [("Li Jun", "Budget talk.")]))
    assert refs(once(store, index, "li")) == ["2024-01-09-a#q1.a1"]


def test_the_limit_keeps_the_newest_and_counts_them_all(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    for day in range(1, 6):
        write(root, briefing(f"2024-01-0{day}-b", f"2024-01-0{day}", [("Li Jun", "Budget.")]))
    index.refresh()
    (report,) = look(store, index, [store.get("budget")], limit=2)
    assert refs(report) == ["2024-01-05-b#q1.a1", "2024-01-04-b#q1.a1"]
    assert report.new_count == 5


def test_a_new_hit_carries_its_briefings_source(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("budget", "budget")
    once(store, index, "budget")
    doc = briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "The budget grows.")])
    doc["source"] = "https://example.org/briefings/2024-01-09"
    write(root, doc)
    (new,) = once(store, index, "budget").new
    assert new.url == "https://example.org/briefings/2024-01-09"


def test_marking_seen_in_the_reader_records_the_current_hits(
    store: SavedSearches, index: Index, root: Path
) -> None:
    store.add("budget", "budget")
    assert mark_seen(store, index, store.get("budget")) == 2
    write(root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "The budget grows.")]))
    index.refresh()
    assert count_new(store, index, store.get("budget")) == 1


def test_a_look_that_cannot_be_recorded_still_shows_its_hits(
    store: SavedSearches, index: Index, root: Path
) -> None:
    import sqlite3

    store.add("budget", "budget")
    once(store, index, "budget")
    write(root, briefing("2024-01-09-new", "2024-01-09", [("Li Jun", "The budget grows.")]))
    index.refresh()
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        quick = SavedSearches(busy_timeout=0.1)
        (report,) = look(quick, index, [quick.get("budget")])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert refs(report) == ["2024-01-09-new#q1.a1"]
    assert not report.marked and report.problem is not None
    assert report.problem.startswith("'budget': not marked as seen: ")
    assert "locked" in report.problem
    assert count_new(store, index, store.get("budget")) == 1  # still new next time


def test_a_damaged_store_stops_the_look_and_is_kept(store: SavedSearches, index: Index) -> None:
    store.add("budget", "budget")
    searches = store.all()
    store.path.write_bytes(b"garbage " * 200)
    with pytest.raises(StoreProblem, match="damaged"):
        look(store, index, searches)
    assert store.path.read_bytes() == b"garbage " * 200


def test_a_saved_query_that_no_longer_parses_does_not_stop_the_others(
    store: SavedSearches, index: Index
) -> None:
    import sqlite3

    store.add("budget", "budget")
    store.add("broken", "placeholder")
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE searches SET query = 'tariffs NOT' WHERE name = 'broken'")
    conn.commit()
    conn.close()
    broken, budget = look(store, index, store.all())
    assert not broken.ran and not broken.marked
    assert broken.problem == (
        "'broken': its query cannot be run: column 9: NOT needs a term after it"
    )
    assert budget.ran and budget.marked and budget.hits_now == 2

"""The poller notices transcripts added, changed and removed, with bounded work per poll."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tui import poller as poller_module
from tui.poller import Changes, Poller

TEXT = "title: A briefing\n"


def write(path: Path, text: str = TEXT) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def touch_later(path: Path) -> None:
    """Move ``path``'s mtime on by a second (a filesystem may keep coarse times)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    write(folder / "a.yaml")
    write(folder / "2020" / "b.yml")
    write(folder / "notes.txt")
    write(folder / ".hidden.yaml")
    return folder


def test_the_first_poll_takes_stock_and_reports_nothing(root: Path) -> None:
    poller = Poller([root])
    assert not poller.ready
    assert not poller.poll()
    assert poller.ready
    assert poller.files == 2  # only transcripts, hidden ones skipped
    assert not poller.poll()


def test_a_file_added_changed_and_removed_is_reported_once_each(root: Path) -> None:
    poller = Poller([root])
    poller.poll()
    added = write(root / "c.yaml")
    touch_later(root)
    assert poller.poll() == Changes(added=(added,))
    write(root / "a.yaml", TEXT + "date: 2020-01-01\n")  # edited in place
    assert poller.poll() == Changes(changed=(str(root / "a.yaml"),))
    (root / "2020" / "b.yml").unlink()
    touch_later(root / "2020")
    assert poller.poll() == Changes(removed=(str(root / "2020" / "b.yml"),))
    assert not poller.poll()


def test_an_editor_saving_by_rename_is_a_change(root: Path) -> None:
    poller = Poller([root])
    poller.poll()
    write(root / "a.tmp", TEXT + "more: yes\n")
    os.replace(root / "a.tmp", root / "a.yaml")
    touch_later(root)
    assert poller.poll() == Changes(changed=(str(root / "a.yaml"),))


def test_folders_that_appear_or_vanish_bring_or_take_their_files(root: Path) -> None:
    poller = Poller([root])
    poller.poll()
    new = write(root / "2021" / "deep" / "d.yaml")
    touch_later(root)
    assert poller.poll() == Changes(added=(new,))
    shutil.rmtree(root / "2020")
    touch_later(root)
    assert poller.poll() == Changes(removed=(str(root / "2020" / "b.yml"),))


def test_ignored_files_are_never_reported(root: Path) -> None:
    poller = Poller([root])
    poller.poll()
    write(root / "more-notes.txt")
    write(root / ".draft.yaml")
    touch_later(root)
    assert not poller.poll()


def test_a_single_file_root_is_watched(root: Path) -> None:
    file = root / "a.yaml"
    poller = Poller([file])
    poller.poll()
    write(file, TEXT + "x: 1\n")
    assert poller.poll() == Changes(changed=(str(file),))
    file.unlink()
    assert poller.poll() == Changes(removed=(str(file),))
    again = write(file)
    assert poller.poll() == Changes(added=(again,))


def test_a_poll_stats_at_most_its_budget_of_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "big"
    for number in range(30):
        write(folder / f"{number:02}.yaml")
    poller = Poller([folder], budget=4)
    poller.poll()
    calls: list[str] = []
    real_stat = os.stat

    def counting_stat(path: str, *args: object, **kwargs: object) -> os.stat_result:
        calls.append(str(path))
        return real_stat(path)

    monkeypatch.setattr(poller_module.os, "stat", counting_stat)
    assert not poller.poll()
    files = [call for call in calls if call.endswith(".yaml")]
    assert len(files) == 4
    assert len(calls) == 5  # and the one folder
    # an edit in place is found within files / budget polls
    write(folder / "29.yaml", TEXT * 2)
    found = [poller.poll() for _ in range(30 // 4 + 1)]
    assert [c for c in found if c] == [Changes(changed=(str(folder / "29.yaml"),))]


def test_summary_says_what_happened_in_words() -> None:
    assert Changes(added=("a", "b"), changed=("c",)).summary() == "2 briefings added, 1 changed"
    assert Changes(removed=("a",)).summary() == "1 briefing removed"
    assert Changes(changed=("a",), removed=("b", "c")).summary() == (
        "1 briefing changed, 2 removed"
    )
    assert Changes().summary() == "No briefing files changed"

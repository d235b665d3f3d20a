"""The refresh's shortcut: an unchanged archive is confirmed from the stored snapshot, and
no change of any kind slips past it (a search never answers from a stale index).

Most tests lower :data:`tui.index.scan.RACY_NS` to zero, so that files written a moment
ago count as settled and the shortcut is really taken (by default anything younger than
two seconds is re-checked in full); :func:`next_tick` then makes sure each change lands
in a later tick of the filesystem's clock than the refresh before it, which is what the
default margin guarantees in real use.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import briefing

from tui.index import Index, scan
from tui.loader import iter_transcript_files

if TYPE_CHECKING:
    from conftest import Archive


def next_tick(folder: Path) -> None:
    """Return once the filesystem's clock has moved past every stamp under ``folder``."""
    newest = max(os.stat(p).st_ctime_ns for p in [folder, *folder.rglob("*")])
    probe = folder.parent / "tick-probe"
    while True:
        probe.write_bytes(b"")
        if os.stat(probe).st_ctime_ns > newest:
            probe.unlink()
            return
        time.sleep(0.001)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "RACY_NS", 0)


def confirmed(index: Index) -> int | None:
    with index.connection() as conn:
        return scan.unchanged(conn, [index.root])


def three(archive: Archive) -> Index:
    root = archive.tmp_path / "archive"
    archive.write(root / "2019", "a.yaml", briefing("a", "2019-01-01", [("Li Jun", "Alpha.")]))
    archive.write(root / "2019", "b.yaml", briefing("b", "2019-02-01", [("Li Jun", "Bravo.")]))
    archive.write(root / "2020", "c.yaml", briefing("c", "2020-01-01", [("Li Jun", "Charlie.")]))
    index = Index(root, archive.tmp_path / "index.sqlite3")
    index.refresh()
    next_tick(root)
    return index


def words(index: Index, *queries: str) -> dict[str, list[str]]:
    """Refresh, then search: what ``briefing search`` does."""
    index.refresh()
    return {q: [hit.briefing_id for hit in index.search(q)] for q in queries}


def test_an_unchanged_archive_is_confirmed_without_a_full_refresh(
    archive: Archive, settled: None
) -> None:
    index = three(archive)
    assert confirmed(index) == 3
    stats = index.refresh()
    assert (stats.indexed, stats.unchanged, stats.removed) == (0, 3, 0)


def test_an_edit_in_place_that_keeps_size_and_mtime_is_seen(
    archive: Archive, settled: None
) -> None:
    """The folder's stamps do not move on an edit in place; the file's ctime does."""
    index = three(archive)
    path = index.root / "2019" / "a.yaml"
    folder_before = os.stat(path.parent)
    before = os.stat(path)
    text = path.read_text(encoding="utf-8").replace("Alpha.", "Omega.")
    with open(path, "r+", encoding="utf-8") as handle:  # rewritten in place, same inode
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert os.stat(path.parent).st_mtime_ns == folder_before.st_mtime_ns
    assert confirmed(index) is None
    assert words(index, "omega", "alpha") == {"omega": ["a"], "alpha": []}


def test_a_file_touched_with_an_older_mtime_is_seen(archive: Archive, settled: None) -> None:
    index = three(archive)
    path = index.root / "2020" / "c.yaml"
    before = os.stat(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Charlie.", "Delta."), "utf-8")
    old = before.st_mtime_ns - 86_400 * 10**9
    os.utime(path, ns=(old, old))
    assert words(index, "delta", "charlie") == {"delta": ["c"], "charlie": []}


def test_deleted_renamed_and_added_files_and_folders_are_seen(
    archive: Archive, settled: None
) -> None:
    index = three(archive)
    root = index.root
    (root / "2019" / "a.yaml").unlink()
    assert words(index, "alpha") == {"alpha": []}
    next_tick(root)
    (root / "2019" / "b.yaml").rename(root / "2019" / "b.yaml.bak")  # no longer a transcript
    assert words(index, "bravo") == {"bravo": []}
    next_tick(root)
    (root / "2019" / "b.yaml.bak").rename(root / "2019" / "b2.yml")
    assert words(index, "bravo") == {"bravo": ["b"]}
    next_tick(root)
    new = root / "2021" / "spring"
    archive.write(new, "e.yaml", briefing("e", "2021-04-01", [("Li Jun", "Echo.")]))
    assert words(index, "echo") == {"echo": ["e"]}
    next_tick(root)
    (root / "2020").rename(root / "2020-moved")
    assert words(index, "charlie") == {"charlie": ["c"]}
    assert index.summary("c") is not None
    assert Path(index.summary("c").path).parent.name == "2020-moved"  # type: ignore[union-attr]


def test_a_file_added_to_a_folder_whose_mtime_is_then_restored_is_seen(
    archive: Archive, settled: None
) -> None:
    index = three(archive)
    folder = index.root / "2019"
    before = os.stat(folder)
    archive.write(folder, "f.yaml", briefing("f", "2019-03-01", [("Li Jun", "Foxtrot.")]))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(folder).st_mtime_ns == before.st_mtime_ns
    assert words(index, "foxtrot") == {"foxtrot": ["f"]}


def test_a_file_replaced_by_a_copy_with_the_same_stamps_is_seen(
    archive: Archive, settled: None
) -> None:
    """An atomic save: another file renamed over the old one, size and mtime copied."""
    index = three(archive)
    path = index.root / "2020" / "c.yaml"
    before = os.stat(path)
    spare = index.root.parent / "spare.yaml"
    spare.write_text(path.read_text(encoding="utf-8").replace("Charlie.", "Golfy."), "utf-8")
    os.utime(spare, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(spare, path)
    assert words(index, "golfy", "charlie") == {"golfy": ["c"], "charlie": []}


def test_a_change_behind_a_symlinked_folder_is_seen(archive: Archive, settled: None) -> None:
    outside = archive.tmp_path / "elsewhere"
    archive.write(outside, "h.yaml", briefing("h", "2018-01-01", [("Li Jun", "Hotel.")]))
    index = three(archive)
    (index.root / "linked").symlink_to(outside, target_is_directory=True)
    assert words(index, "hotel") == {"hotel": ["h"]}
    next_tick(outside)
    next_tick(index.root)
    assert confirmed(index) == 4
    path = outside / "h.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Hotel.", "India."), "utf-8")
    assert words(index, "india", "hotel") == {"india": ["h"], "hotel": []}


def test_recent_stamps_are_not_trusted(archive: Archive) -> None:
    """With the default margin, files written a moment ago leave no usable snapshot."""
    index = archive.indexed([briefing("a", "2019-01-01")])
    assert confirmed(index) is None
    assert index.refresh().unchanged == 1


def test_a_clock_that_went_back_makes_every_stamp_doubtful(archive: Archive) -> None:
    """Stamps later than the walk's own clock (a clock set back) are never trusted."""
    root = archive([briefing("a", "2019-01-01")])
    an_hour_ago = time.time_ns() - 3600 * 10**9
    found = scan.walk([root], an_hour_ago)
    assert found.files and found.folders
    assert all(stamp == b"" for _, stamp, _, _ in found.folders)


def test_a_stopped_refresh_or_a_duplicate_id_leaves_no_snapshot(
    archive: Archive, settled: None
) -> None:
    index = three(archive)
    archive.write(index.root / "2020", "dup.yaml", briefing("c", "2020-01-02"))
    index.refresh()
    next_tick(index.root)
    assert confirmed(index) is None  # the duplicate is read again at every refresh
    (index.root / "2020" / "dup.yaml").unlink()
    index.refresh()
    next_tick(index.root)
    assert confirmed(index) == 3
    archive.write(index.root / "2020", "j.yaml", briefing("j", "2020-05-01"))
    index.refresh(progress=lambda done, total: index._stop.set())
    assert confirmed(index) is None


def test_another_root_on_the_same_index_file_is_not_confirmed(
    archive: Archive, settled: None
) -> None:
    index = three(archive)
    other = Index(index.root / "2019", archive.tmp_path / "index.sqlite3")
    with other.connection() as conn:
        assert scan.unchanged(conn, [other.root]) is None


def test_the_walk_finds_what_the_loader_finds(archive: Archive) -> None:
    root = archive.tmp_path / "tree"
    doc = briefing("x", "2019-01-01")
    for name in ("b/one.yaml", "a/two.yml", "a/deeper/three.yaml", "four.yaml"):
        archive.write(root / Path(name).parent, Path(name).name, doc)
    archive.write(root, "notes.txt", "not a transcript")
    archive.write(root / ".hidden", "five.yaml", doc)
    archive.write(root, ".six.yaml", doc)
    (root / "again").symlink_to(root / "a", target_is_directory=True)
    (root / "seven.yaml").symlink_to(root / "four.yaml")
    found = scan.walk([root], time.time_ns())
    files, problems = iter_transcript_files([root])
    assert list(found.files) == [os.path.abspath(f) for f in files]
    assert found.problems == problems == []
    (root / "broken.yaml").symlink_to(root / "nowhere.yaml")
    found = scan.walk([root], time.time_ns())
    files, problems = iter_transcript_files([root])
    assert list(found.files) == [os.path.abspath(f) for f in files]
    assert found.problems == problems and problems
    assert not found.trusted

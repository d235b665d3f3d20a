"""The SQLite index as the reader's Library: what it answers, and incremental refreshes."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE, briefing

from tui.index import Index
from tui.index.store import cache_dir, default_index_path
from tui.library import LoadFailed

if TYPE_CHECKING:
    from conftest import Archive


BUNDLED = Path(__file__).resolve().parent.parent / "transcripts"


def test_summaries_are_newest_first_and_narrow_to_a_person(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    ids = [s.id for s in index.summaries()]
    assert ids == ["2021-06-15-trade", "2019-03-05-mfa", "2017-10-11-shanghai"]
    assert [s.id for s in index.summaries(speaker="li jun")] == ids[:2]
    assert [s.id for s in index.summaries(asker="stv")] == ids[2:]
    assert [s.id for s in index.summaries(speaker="li jun", asker="bloomberg")] == ids[:1]
    first = index.summaries()[-1]
    assert (first.title, first.questions, first.date.isoformat()) == (
        "Briefing 2017-10-11-shanghai",
        1,
        "2017-10-11",
    )
    assert Path(first.path).name == "2017-10-11-shanghai.yaml"


def test_summaries_share_the_values_briefings_have_in_common(archive: Archive) -> None:
    """The list holds every summary all along: a value many briefings share is one object."""
    docs = []
    for n, day in enumerate(["2020-01-02", "2020-01-02", "2020-01-03"]):
        doc = briefing(f"b{n}", day)
        doc.update(organizer="Ministry of Ports", location="Aldmouth", tags=["ports", "ferry"])
        docs.append(doc)
    index = archive.indexed(docs)
    first, second, third = sorted(index.summaries(), key=lambda s: s.id)
    assert first.organizer == "Ministry of Ports" and first.tags == ("ports", "ferry")
    assert first.organizer is third.organizer and first.location is third.location
    assert first.tags is third.tags
    assert first.date is second.date and first.date != third.date


def test_people_are_counted_across_briefings(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    speakers = {p.key: (p.name, p.count, p.briefings) for p in index.people("speaker")}
    assert speakers == {
        "li jun": ("Li Jun", 2, 2),
        "tang zhiping": ("Tang Zhiping", 1, 1),
        "wang sizheng": ("Wang Sizheng", 1, 1),
    }
    assert index.people("speaker")[0].key == "li jun"
    askers = {p.key: (p.name, p.count) for p in index.people("asker")}
    assert askers == {
        "stv": ("STV", 1),
        "howard schneider, reuters": ("Howard Schneider, Reuters", 1),
        "bloomberg": ("Bloomberg", 1),
    }


def test_exchanges_of_a_speaker_keep_each_briefings_role_oldest_first(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    found = index.exchanges_of("li jun", "speaker")
    assert [c.briefing.id for c in found] == ["2019-03-05-mfa", "2021-06-15-trade"]
    assert [c.exchange.answers[0].role for c in found] == ["spokesperson", "director general"]
    assert found[0].exchange.question.ref == "2019-03-05-mfa#q1"
    assert found[0].exchange.question.by == "Howard Schneider, Reuters"
    assert found[0].exchange.answers[0].ref == "2019-03-05-mfa#q1.a1"
    both = index.exchanges_of("tang zhiping", "speaker")[0].exchange
    assert [a.by for a in both.answers] == ["Tang Zhiping", "Wang Sizheng"]
    asked = index.exchanges_of("stv", "asker")
    assert [c.exchange.question.text for c in asked] == [
        "How will the Belt and Road change the city?"
    ]
    assert index.exchanges_of("nobody", "speaker") == []


def test_load_parses_the_file_and_reports_failures(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    loaded = index.load("2019-03-05-mfa")
    assert loaded.exchanges[0].answers[0].text.startswith("Tariffs hurt")
    with pytest.raises(LoadFailed, match="no briefing 'missing'"):
        index.load("missing")
    path = Path(index.summaries()[0].path)
    path.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(LoadFailed) as caught:
        index.load("2021-06-15-trade")
    assert caught.value.problems[0].path.endswith("2021-06-15-trade.yaml")
    assert caught.value.problems[0].line is not None


def test_problems_name_the_failed_files_with_locations(archive: Archive, tmp_path: Path) -> None:
    root = archive(SAMPLE[:1])
    archive.write(
        root, "broken.yaml", "title: Broken\ndate: 2020-01-01\nspeakers: []\nexchanges: [\n"
    )
    index = Index(root, tmp_path / "index.sqlite3")
    stats = index.refresh()
    assert (stats.indexed, stats.failed) == (1, 1)
    problems = index.problems()
    assert problems and all(p.path.endswith("broken.yaml") for p in problems)
    assert problems[0].line is not None
    assert [s.id for s in index.summaries()] == ["2017-10-11-shanghai"]


def test_refresh_rereads_only_changed_new_and_deleted_files(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    root = index.root
    changed = briefing(
        "2019-03-05-mfa", "2019-03-05", [("Li Jun", "Quotas replace the old duties entirely.")]
    )
    archive.write(root, "2019-03-05-mfa.yaml", changed)
    (root / "2017-10-11-shanghai.yaml").unlink()
    archive.write(root, "2022-01-01-new.yaml", briefing("2022-01-01-new", "2022-01-01"))
    progress: list[tuple[int, int]] = []
    stats = index.refresh(lambda done, total: progress.append((done, total)))
    assert (stats.indexed, stats.unchanged, stats.removed, stats.failed) == (2, 1, 1, 0)
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert [s.id for s in index.summaries()] == [
        "2022-01-01-new",
        "2021-06-15-trade",
        "2019-03-05-mfa",
    ]
    assert index.search("tariffs") == []  # the changed file's old text is gone
    assert [h.ref for h in index.search("quotas")] == ["2019-03-05-mfa#q1.a1"]
    assert index.search("financing") == []  # the deleted file's text is gone
    assert {p.key for p in index.people("speaker")} == {"li jun"}
    with index.connection() as conn:
        counts = dict(conn.execute("SELECT briefing_id, count(*) FROM elements GROUP BY 1"))
    assert counts == {"2022-01-01-new": 2, "2021-06-15-trade": 2, "2019-03-05-mfa": 2}
    assert index.refresh().unchanged == 3


def test_a_file_whose_id_changes_leaves_no_rows_under_the_old_id(archive: Archive) -> None:
    index = archive.indexed(SAMPLE[:1])
    archive.write(index.root, "2017-10-11-shanghai.yaml", briefing("renamed", "2017-10-11"))
    index.refresh()
    assert [s.id for s in index.summaries()] == ["renamed"]
    assert index.search("briefing:2017-10-11-shanghai") == []
    assert index.exchanges_of("tang zhiping", "speaker") == []


def test_a_duplicate_id_is_a_problem_until_the_first_file_goes(
    archive: Archive, tmp_path: Path
) -> None:
    root = archive(SAMPLE[:1])
    copy = briefing("2017-10-11-shanghai", "2017-10-11", [("Li Jun", "The copy speaks.")])
    archive.write(root, "z-copy.yaml", copy)
    index = Index(root, tmp_path / "index.sqlite3")
    index.refresh()
    assert [p.code for p in index.problems()] == ["duplicate-id"]
    assert "already used by" in index.problems()[0].message
    (root / "2017-10-11-shanghai.yaml").unlink()
    index.refresh()
    assert index.problems() == []
    assert [h.person for h in index.search("copy")] == ["Li Jun"]


def test_rebuild_reads_every_file_again(archive: Archive) -> None:
    index = archive.indexed(SAMPLE)
    stats = index.refresh(rebuild=True)
    assert (stats.indexed, stats.unchanged) == (3, 0)
    assert len(index.summaries()) == 3


def test_queries_run_from_another_thread_while_a_refresh_is_under_way(
    archive: Archive, tmp_path: Path
) -> None:
    docs = [briefing(f"b{i:03d}", f"2020-01-{i % 28 + 1:02d}") for i in range(30)]
    root = archive(docs)
    index = Index(root, tmp_path / "index.sqlite3")
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        reader = threading.Thread(target=lambda: seen.append(len(index.summaries())))
        reader.start()
        reader.join()

    index.refresh(progress)
    assert seen[0] == 0 and seen[-1] == 30
    assert seen == sorted(seen)


def test_the_default_index_lives_in_the_cache_folder_one_per_archive(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "briefing"
    first = default_index_path(tmp_path / "a")
    assert first.parent == tmp_path / "xdg" / "briefing"
    assert first != default_index_path(tmp_path / "b")
    assert first == default_index_path(tmp_path / "x" / ".." / "a")
    index = Index(archive(SAMPLE[:1]))
    index.refresh()
    assert index.path is not None and index.path.exists()
    assert index.path.parent == tmp_path / "xdg" / "briefing"


def test_the_bundled_transcripts_index_without_problems(tmp_path: Path) -> None:
    root = tmp_path / "bundled"
    shutil.copytree(BUNDLED, root)
    index = Index(root, tmp_path / "index.sqlite3")
    stats = index.refresh()
    files = sorted(root.rglob("*.yaml"))
    assert stats.indexed == len(files) and stats.failed == 0
    assert index.problems() == []
    assert len(index.summaries()) == len(files)
    shanghai = [s for s in index.summaries() if "shanghai" in s.id]
    assert shanghai and index.search(f'"belt and road" briefing:{shanghai[0].id}')


def test_a_file_changed_in_place_with_the_same_size_is_seen_by_its_mtime(archive: Archive) -> None:
    index = archive.indexed(SAMPLE[1:2])
    path = index.root / "2019-03-05-mfa.yaml"
    text = path.read_text(encoding="utf-8").replace("Tariffs hurt", "Imposts hurt")
    before = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == before.st_size
    assert index.refresh().indexed == 1
    assert [h.ref for h in index.search("tariffs")] == ["2019-03-05-mfa#q1"]
    assert [h.ref for h in index.search("imposts")] == ["2019-03-05-mfa#q1.a1"]


def test_a_speaker_counts_the_briefings_where_they_answered_not_only_attended(
    archive: Archive,
) -> None:
    """The palette and the all-briefings view must agree: a briefing where someone sat
    on the podium but answered nothing is not one of "their" briefings."""
    answered = briefing("one", "2020-01-01", [("Li Jun", "Yes.")])
    attended = briefing("two", "2020-01-02", [("Wang Sizheng", "No.")])
    attended["speakers"].append({"name": "Li Jun"})
    index = archive.indexed([answered, attended])
    li_jun = next(p for p in index.people("speaker") if p.key == "li jun")
    assert (li_jun.count, li_jun.briefings) == (1, 1)

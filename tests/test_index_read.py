"""Parsing ahead in a helper process gives exactly what parsing in-process gives."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import briefing

from tui.index.prefetch import CHUNK, Prefetcher

if TYPE_CHECKING:
    from conftest import Archive


@pytest.fixture
def sample_files(archive: Archive, tmp_path: Path) -> Callable[[int], list[str]]:
    """``sample_files(count)``: that many small briefings and one broken file."""

    def write(count: int) -> list[str]:
        paths = []
        for i in range(count):
            doc = briefing(f"b{i:03d}", "2020-01-01", [("Li Jun", f"Answer number {i}.")])
            paths.append(str(archive.write(tmp_path, f"b{i:03d}.yaml", doc)))
        paths.append(str(archive.write(tmp_path, "broken.yaml", "title: [unclosed\n")))
        return paths

    return write


def summary(loaded: list[tuple[str, object, list[object]]]) -> list[tuple[str, bool, int]]:
    return [(path, b is not None, len(problems)) for path, b, problems in loaded]


def test_the_helper_process_returns_the_same_briefings_in_order(
    sample_files: Callable[[int], list[str]],
) -> None:
    paths = sample_files(3 * CHUNK + 2)
    here = Prefetcher(paths, parallel=False)
    assert not here.parallel
    expected = list(here)
    helper = Prefetcher(paths, parallel=True)
    try:
        assert helper.parallel
        got = list(helper)
    finally:
        helper.close()
    assert summary(got) == summary(expected)
    assert [b for _, b, _ in got] == [b for _, b, _ in expected]
    assert summary(got)[-1] == (paths[-1], False, 1)


def test_the_helpers_never_import_a_tui_package_of_the_working_folder(
    sample_files: Callable[[int], list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m`` puts the working folder first on the path: a reader started in a
    project that has a ``tui`` package of its own must still run its own helpers."""
    paths = sample_files(3 * CHUNK)
    project = tmp_path / "project"
    (project / "tui").mkdir(parents=True)
    marker = tmp_path / "imported-the-wrong-tui"
    (project / "tui" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n", encoding="utf-8"
    )
    monkeypatch.chdir(project)
    helper = Prefetcher(paths, parallel=True)
    try:
        got = list(helper)
        assert helper.parallel  # the helpers ran to the end: none died at its start
    finally:
        helper.close()
    assert not marker.exists()
    assert summary(got) == summary(list(Prefetcher(paths, parallel=False)))


def test_a_helper_that_dies_is_replaced_by_parsing_in_process(
    sample_files: Callable[[int], list[str]],
) -> None:
    paths = sample_files(12 * CHUNK)
    helper = Prefetcher(paths, parallel=True)
    try:
        items = iter(helper)
        first = next(items)
        assert helper.helper_pid is not None
        os.kill(helper.helper_pid, signal.SIGTERM)
        rest = list(items)
    finally:
        helper.close()
    assert not helper.parallel
    assert summary([first, *rest]) == summary(list(Prefetcher(paths, parallel=False)))


@pytest.mark.parametrize("executable", ["/nonexistent/python", shutil.which("false") or "false"])
def test_a_helper_that_cannot_start_or_run_leaves_parsing_in_process(
    sample_files: Callable[[int], list[str]], monkeypatch: pytest.MonkeyPatch, executable: str
) -> None:
    paths = sample_files(3 * CHUNK)
    monkeypatch.setattr(sys, "executable", executable)
    helper = Prefetcher(paths, parallel=True)
    try:
        got = list(helper)
    finally:
        helper.close()
    assert not helper.parallel
    assert summary(got) == summary(list(Prefetcher(paths, parallel=False)))

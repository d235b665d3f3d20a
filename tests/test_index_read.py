"""Parsing ahead in a helper process gives exactly what parsing in-process gives."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from index_samples import briefing, write

from tui.index.prefetch import CHUNK, Prefetcher


def sample_files(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        doc = briefing(f"b{i:03d}", "2020-01-01", [("Li Jun", f"Answer number {i}.")])
        paths.append(str(write(tmp_path, f"b{i:03d}.yaml", doc)))
    paths.append(str(write(tmp_path, "broken.yaml", "title: [unclosed\n")))
    return paths


def summary(loaded: list[tuple[str, object, list[object]]]) -> list[tuple[str, bool, int]]:
    return [(path, b is not None, len(problems)) for path, b, problems in loaded]


def test_the_helper_process_returns_the_same_briefings_in_order(tmp_path: Path) -> None:
    paths = sample_files(tmp_path, 3 * CHUNK + 2)
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


def test_a_helper_that_dies_is_replaced_by_parsing_in_process(tmp_path: Path) -> None:
    paths = sample_files(tmp_path, 12 * CHUNK)
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, executable: str
) -> None:
    paths = sample_files(tmp_path, 3 * CHUNK)
    monkeypatch.setattr(sys, "executable", executable)
    helper = Prefetcher(paths, parallel=True)
    try:
        got = list(helper)
    finally:
        helper.close()
    assert not helper.parallel
    assert summary(got) == summary(list(Prefetcher(paths, parallel=False)))

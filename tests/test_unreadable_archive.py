"""Every command reports a folder it cannot read, the same way ``check`` does.

The suite runs as root, who reads every folder, so the commands run here as an ordinary
user in a user namespace (``unshare --user --map-user``), where a folder's owner bits are
all that count: exactly what a colleague meets in a partly locked archive.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE, briefing

if TYPE_CHECKING:
    from conftest import Archive

Run = Callable[..., subprocess.CompletedProcess[str]]
LOCKED_ID = "2020-02-02-locked"


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """``run(*args)``: ``briefing ARGS`` as an unprivileged user; its exit and output."""

    def as_user(*args: str) -> subprocess.CompletedProcess[str]:
        command = ["unshare", "--user", "--map-user=1000", sys.executable, "-m", "tui", *args]
        env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        assert "unshare:" not in result.stderr, f"cannot run as another user: {result.stderr}"
        return result

    return as_user


@pytest.fixture
def locked(archive: Archive, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """``(root, folder)``: an archive whose subfolder ``folder`` nobody may open."""
    root = archive(SAMPLE)
    folder = root / "locked"
    archive.write(
        folder, f"{LOCKED_ID}.yaml", briefing(LOCKED_ID, "2020-02-02", (("Li Jun", "Zanzibar."),))
    )
    folder.chmod(0)
    try:
        yield root, folder
    finally:
        folder.chmod(0o755)


def test_check_names_the_locked_folder(run: Run, locked: tuple[Path, Path]) -> None:
    root, folder = locked
    result = run("check", str(root))
    assert result.returncode == 1
    assert f"{folder}: cannot open folder: Permission denied" in result.stdout + result.stderr


def test_search_says_what_it_could_not_search(
    run: Run, locked: tuple[Path, Path], tmp_path: Path
) -> None:
    root, folder = locked
    result = run("search", "zanzibar", str(root), "--index", str(tmp_path / "i.sqlite3"))
    assert result.returncode == 1
    assert f"{folder}: cannot open folder: Permission denied" in result.stderr
    assert "not searched" in result.stderr
    found = run("search", "budget", str(root), "--index", str(tmp_path / "i.sqlite3"))
    assert found.returncode == 0 and "Li Jun" in found.stdout
    assert f"{folder}: cannot open folder: Permission denied" in found.stderr


def test_search_of_an_unreadable_archive_is_not_just_no_matches(
    run: Run, archive: Archive, tmp_path: Path
) -> None:
    root = archive(SAMPLE)
    root.chmod(0)
    try:
        result = run("search", "budget", str(root), "--index", str(tmp_path / "i.sqlite3"))
    finally:
        root.chmod(0o755)
    assert result.returncode == 1
    assert f"{root}: cannot open folder: Permission denied" in result.stderr


def test_export_names_the_folder_it_could_not_read(run: Run, locked: tuple[Path, Path]) -> None:
    root, folder = locked
    result = run("export", f"{LOCKED_ID}#q1.a1", str(root))
    assert result.returncode == 1
    assert f"{folder}: cannot open folder: Permission denied" in result.stderr


def test_index_names_the_locked_folder(run: Run, locked: tuple[Path, Path], tmp_path: Path) -> None:
    root, folder = locked
    result = run("index", str(root), "--index", str(tmp_path / "i.sqlite3"))
    assert result.returncode == 1
    assert f"{folder}: cannot open folder: Permission denied" in result.stderr

"""The atomic writer every file write goes through: whole file or nothing, never over a
file unasked, no temporary file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.atomic import TemporaryFileError, write_atomic


def test_writes_text_and_bytes_and_replaces_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_never_replaces_unasked(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(target, "lost\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "keep\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_failed_sync_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_missing_folder_is_a_temporary_file_error(tmp_path: Path) -> None:
    with pytest.raises(TemporaryFileError):
        write_atomic(tmp_path / "absent" / "notes.txt", "x")

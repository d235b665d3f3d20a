"""Writing quotes to files: atomic, never overwriting unasked, clean on failure.

The tests run as root, where permission bits do not stop a write, so "unwritable" is made
with things that fail for everyone: a destination under a regular file, a destination
that is a folder, and a disk that fills up during the write (simulated at fsync).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from quoting_samples import A1, sample_briefing

from tui.export import DestinationExists, ExportError, export, render, write_export


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_writes_the_rendered_quote_and_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "quote.md"
    written = export(sample_briefing(), A1, "md", target)
    assert written == target
    assert target.read_text(encoding="utf-8") == render(sample_briefing(), A1, "md")
    assert _leftovers(target.parent) == ["quote.md"]
    assert target.stat().st_mode & 0o777 != 0o600  # not the temporary file's private mode


def test_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "quote.txt"
    target.write_text("earlier work\n", encoding="utf-8")
    with pytest.raises(DestinationExists) as caught:
        write_export(target, "new text\n")
    assert caught.value.path == target
    assert str(target) in str(caught.value)
    assert target.read_text(encoding="utf-8") == "earlier work\n"
    assert _leftovers(tmp_path) == ["quote.txt"]
    write_export(target, "new text\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new text\n"
    assert _leftovers(tmp_path) == ["quote.txt"]


def test_without_hard_links_it_still_refuses_and_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "q.md"
    write_export(target, "one\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    with pytest.raises(DestinationExists):
        write_export(target, "two\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert _leftovers(tmp_path) == ["q.md"]


def test_destination_under_a_regular_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "exports" / "quote.md"
    with pytest.raises(ExportError) as caught:
        write_export(target, "text\n")
    message = str(caught.value)
    assert str(blocker / "exports") in message
    assert message.endswith(f"{blocker} is a file, not a folder")
    assert _leftovers(tmp_path) == ["notes.txt"]


def test_destination_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "quote.md"
    folder.mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        write_export(folder, "text\n", overwrite=True)
    assert _leftovers(folder) == []


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "quote.md"
    with pytest.raises(ExportError, match="No space left on device") as caught:
        write_export(target, "a long quote\n" * 1000)
    assert str(target) in str(caught.value)
    assert _leftovers(tmp_path) == []


def test_a_failed_overwrite_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "quote.md"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportError):
        write_export(target, "new\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == ["quote.md"]


def test_a_folder_that_refuses_new_folders_is_named_with_the_real_reason() -> None:
    # /proc exists and refuses every new entry, even to root, with "No such file or
    # directory": the message names the folder that could not be made, and where
    with pytest.raises(ExportError) as caught:
        write_export(Path("/proc/briefing-missing/deeper/quote.md"), "text")
    assert str(caught.value) == (
        "cannot create folder /proc/briefing-missing in /proc: "
        "/proc does not accept new files or folders"
    )


def test_a_folder_that_refuses_new_files_says_so() -> None:
    with pytest.raises(ExportError) as caught:
        write_export(Path("/proc/briefing-quote.md"), "text")
    assert str(caught.value) == "cannot write in /proc: /proc does not accept new files or folders"

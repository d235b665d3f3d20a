"""Choosing and running the platform clipboard command, with stub commands on PATH."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tui.clipboard import (
    OSC52_LIMIT,
    CopyReport,
    candidate_routes,
    copy_report,
    copy_text,
    fits_osc52,
    osc52_size,
)

CAT = shutil.which("cat") or "/bin/cat"
SLEEP = shutil.which("sleep") or "/bin/sleep"
TEXT = "> Quote with “curly” quotes and 李军\n"


def _stub(folder: Path, name: str, body: str) -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def _recording_stub(folder: Path, name: str) -> Path:
    out = folder / f"{name}.received"
    # PATH holds only the stubs, so the stubs name their own tools absolutely
    _stub(folder, name, f'echo "$*" > "{out}.args"\n{CAT} > "{out}"')
    return out


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def _env(bin_dir: Path, **extra: str) -> dict[str, str]:
    return {"PATH": str(bin_dir), **extra}


def test_wayland_uses_wl_copy(bin_dir: Path) -> None:
    wl = _recording_stub(bin_dir, "wl-copy")
    _recording_stub(bin_dir, "xclip")
    env = _env(bin_dir, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0")
    assert copy_text(TEXT, env=env, platform="linux") == "wl-copy"
    assert wl.read_text(encoding="utf-8") == TEXT
    assert not (bin_dir / "xclip.received").exists()


def test_x11_uses_xclip_with_the_clipboard_selection(bin_dir: Path) -> None:
    xclip = _recording_stub(bin_dir, "xclip")
    _recording_stub(bin_dir, "xsel")
    assert copy_text(TEXT, env=_env(bin_dir, DISPLAY=":0"), platform="linux") == "xclip"
    assert xclip.read_text(encoding="utf-8") == TEXT
    assert Path(f"{xclip}.args").read_text(encoding="utf-8") == "-selection clipboard\n"


def test_x11_falls_back_to_xsel(bin_dir: Path) -> None:
    xsel = _recording_stub(bin_dir, "xsel")
    assert copy_text(TEXT, env=_env(bin_dir, DISPLAY=":0"), platform="linux") == "xsel"
    assert Path(f"{xsel}.args").read_text(encoding="utf-8") == "--clipboard --input\n"


def test_a_failing_command_is_skipped(bin_dir: Path) -> None:
    _stub(bin_dir, "xclip", f"{CAT} >/dev/null; exit 1")
    xsel = _recording_stub(bin_dir, "xsel")
    assert copy_text(TEXT, env=_env(bin_dir, DISPLAY=":0"), platform="linux") == "xsel"
    assert xsel.read_text(encoding="utf-8") == TEXT


def test_a_hanging_command_times_out(bin_dir: Path) -> None:
    _stub(bin_dir, "xclip", f"exec {SLEEP} 30")
    env = _env(bin_dir, DISPLAY=":0")
    assert copy_text(TEXT, env=env, platform="linux", timeout=0.3) is None


def test_macos_uses_pbcopy(bin_dir: Path) -> None:
    pb = _recording_stub(bin_dir, "pbcopy")
    _recording_stub(bin_dir, "xclip")
    assert copy_text(TEXT, env=_env(bin_dir, DISPLAY=":0"), platform="darwin") == "pbcopy"
    assert pb.read_text(encoding="utf-8") == TEXT


def test_wsl_uses_clip_exe_in_utf16(bin_dir: Path) -> None:
    clip = _recording_stub(bin_dir, "clip.exe")
    env = _env(bin_dir, WSL_DISTRO_NAME="Ubuntu")
    assert copy_text(TEXT, env=env, platform="linux") == "clip.exe"
    assert clip.read_bytes().decode("utf-16") == TEXT


def test_no_display_and_no_command_means_no_route(bin_dir: Path) -> None:
    _recording_stub(bin_dir, "xclip")
    _recording_stub(bin_dir, "wl-copy")
    # a console or SSH session: X11 and Wayland commands would fail, so none is tried
    assert copy_text(TEXT, env=_env(bin_dir), platform="linux") is None
    assert not (bin_dir / "xclip.received").exists()
    empty = bin_dir.parent / "empty"
    empty.mkdir()
    assert copy_text(TEXT, env=_env(empty, DISPLAY=":0"), platform="linux") is None


def test_candidates_follow_the_session() -> None:
    names = [r.name for r in candidate_routes({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, "linux")]
    assert names[:3] == ["wl-copy", "xclip", "xsel"]
    assert [r.name for r in candidate_routes({}, "win32")] == ["clip.exe"]
    assert [r.name for r in candidate_routes({}, "darwin")] == ["pbcopy"]


def test_the_real_environment_is_used_by_default(
    bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xsel = _recording_stub(bin_dir, "xsel")
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.defpath)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert copy_text(TEXT, platform="linux") == "xsel"
    assert xsel.read_text(encoding="utf-8") == TEXT


def test_osc52_size_is_the_base64_length() -> None:
    import base64

    for text in ("", "a", "ab", "abc", "abcd", "我们会继续开放。", "x" * 1000):
        assert osc52_size(text) == len(base64.b64encode(text.encode("utf-8")))


def test_the_osc52_limit_is_at_the_boundary() -> None:
    fits = "a" * (OSC52_LIMIT // 4 * 3)
    assert osc52_size(fits) == OSC52_LIMIT
    assert fits_osc52(fits)
    assert not fits_osc52(fits + "a")


def test_copy_report_names_only_the_routes_taken() -> None:
    small, large = "a quote", "a" * (OSC52_LIMIT * 2)
    assert copy_report("x#q1.a1", small, None) == CopyReport(
        "Copied x#q1.a1 with its citation via the terminal (OSC 52)", copied=True
    )
    assert copy_report("x#q1.a1", small, "xclip").message.endswith(
        "via xclip and the terminal (OSC 52)"
    )
    by_command = copy_report("x#q1.a1", large, "xclip")
    assert by_command.copied
    assert "OSC 52" not in by_command.message
    assert "via xclip (0.2 MB: too large for the terminal's clipboard)" in by_command.message
    refused = copy_report("x#q1.a1", large, None)
    assert not refused.copied
    assert refused.message.startswith("Not copied: x#q1.a1 is 0.2 MB")

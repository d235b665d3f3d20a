"""The user's folders: the platform's by default, the environment's when it names one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import userdirs


def test_overrides_name_the_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(userdirs.CONFIG_ENV, str(tmp_path / "conf"))
    monkeypatch.setenv(userdirs.DATA_ENV, str(tmp_path / "data"))
    assert userdirs.config_dir() == tmp_path / "conf"
    assert userdirs.data_dir() == tmp_path / "data"


def test_defaults_follow_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(userdirs.CONFIG_ENV, raising=False)
    monkeypatch.delenv(userdirs.DATA_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    assert userdirs.config_dir() == tmp_path / "xc" / "briefing"
    assert userdirs.data_dir() == tmp_path / "xd" / "briefing"


def test_a_relative_override_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(userdirs.DATA_ENV, "relative/data")
    assert userdirs.data_dir().is_absolute()


def test_the_suite_never_touches_a_real_home(tmp_path: Path) -> None:
    # The autouse fixture in conftest points both folders into the test's tmp_path.
    assert userdirs.data_dir().is_relative_to(tmp_path)
    assert userdirs.config_dir().is_relative_to(tmp_path)

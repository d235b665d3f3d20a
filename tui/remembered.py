"""Choices the reader remembers between runs: the theme picked, the citation style, the
export format last used.

They are not settings the user writes (those are in ``config.toml``) but what the user
last chose, so the program owns the file: ``state.json`` in the user's data folder, one
JSON object of plain values. Writes are atomic (:mod:`tui.atomic`), so a crash leaves the
old file or the new one. A missing, unreadable or damaged file is never fatal: every read
then answers the default, :func:`problem` says what was wrong (for one notice), and the
damaged file is kept beside the new one as ``state.json.bad`` rather than overwritten.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TypeVar

from tui.atomic import write_atomic
from tui.userdirs import data_dir

FILE_NAME = "state.json"
T = TypeVar("T", str, int, float, bool)

_lock = threading.Lock()


def state_path() -> Path:
    """Where the remembered choices are kept."""
    return data_dir() / FILE_NAME


def _read(path: Path) -> tuple[dict[str, object], str | None]:
    """The stored object, and what was wrong with the file when it could not be used."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        return {}, f"{path}: cannot be read ({error}); remembered choices are reset"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return {}, f"{path}:{error.lineno}:{error.colno}: not valid JSON ({error.msg})"
    if not isinstance(value, dict):
        return {}, f"{path}:1:1: expected a JSON object of remembered choices"
    return value, None


def problem() -> str | None:
    """What is wrong with the file, in one line with its location, or None."""
    return _read(state_path())[1]


def recall(key: str, default: T) -> T:
    """The value remembered under ``key``, or ``default`` when there is none of that type."""
    value = _read(state_path())[0].get(key)
    if isinstance(value, type(default)) and not (
        isinstance(value, bool) and not isinstance(default, bool)
    ):
        return value
    return default


def remember(key: str, value: str | int | float | bool) -> None:
    """Keep ``value`` under ``key``. Raises :class:`OSError` when it cannot be written."""
    path = state_path()
    with _lock:
        stored, trouble = _read(path)
        if trouble is not None and path.exists():
            path.replace(path.with_name(FILE_NAME + ".bad"))
        stored[key] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(stored, ensure_ascii=False, indent=2, sort_keys=True) + "\n")

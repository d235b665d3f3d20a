"""Where the reader keeps what belongs to the user: settings and their own data.

Three kinds of file live outside the archive, each in the folder the platform gives it
(through ``platformdirs``, so Linux follows XDG, macOS ``~/Library``, Windows
``%APPDATA%``):

* **config** (``config.toml``): settings the user writes by hand;
* **data** (bookmarks, clippings, saved searches): what the user made while reading and
  must never lose, so not a cache;
* **cache** (the search index) stays in :mod:`tui.index.store`, because it can always be
  rebuilt.

``BRIEFING_CONFIG_DIR`` and ``BRIEFING_DATA_DIR`` override the first two, so a user can keep
several set-ups side by side (one per project) and tests never touch a real home folder.
Nothing here creates a folder: the writer that needs one creates it, so reading settings
never leaves an empty folder behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing"
CONFIG_ENV = "BRIEFING_CONFIG_DIR"
DATA_ENV = "BRIEFING_DATA_DIR"


def _override(variable: str) -> Path | None:
    """The folder an environment variable names, when it names an absolute path."""
    value = os.environ.get(variable, "")
    if value and Path(value).is_absolute():
        return Path(value)
    return None


def config_dir() -> Path:
    """The folder of ``config.toml``."""
    return _override(CONFIG_ENV) or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder of the user's own data: bookmarks, clippings, saved searches."""
    return _override(DATA_ENV) or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

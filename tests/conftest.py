"""Fixtures shared by the tests: archives written to tmp_path, apps, a settled pilot.

* ``user_dirs`` (autouse): the user's config and data folders, inside tmp_path, so no
  test reads or writes a real home folder (returns ``(config, data)``).
* ``archive``: a factory that writes small transcript archives as YAML under the test's
  temporary folder (``archive(docs)``, ``archive.corpus({id: doc})``,
  ``archive.write(folder, name, doc)``) and opens a refreshed index on one
  (``archive.indexed(docs)``), always on a database inside tmp_path, never the user's
  cache.
* ``reader_app``: the app factory, the reader on a given index recording its
  notifications through the public ``notify`` hook (``app.notes``).
* ``reader``: opens the real reader (real loader, real SQLite index) on a written corpus
  and yields ``(app, pilot, main screen)`` once it has settled (the app is
  ``reader_app``'s).
* ``settle``: lets every worker finish and the screen catch up.
* ``screen_app``: a plain app that pushes one screen and records what it is dismissed
  with (``app.results``) and every notification (``app.notes``).
* ``view_text``: the lines a Line API widget paints right now.

The briefings themselves (dicts of what a transcript says) are data and stay in the
``*_samples`` modules.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from reader_samples import CORPUS
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widgets import Static
from textual.worker import WorkerCancelled

import tui.app
from tui import userdirs
from tui.app import BriefingApp
from tui.index import Index

Doc = dict[str, Any]


class Archive:
    """Writes transcript archives under one temporary folder."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path

    @staticmethod
    def write(folder: Path, name: str, doc: Doc | str) -> Path:
        """One file: ``doc`` as YAML (or ``doc`` itself when it is already text)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        text = doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    def __call__(self, docs: Sequence[Doc]) -> Path:
        """``tmp_path/archive`` holding one file per briefing, named after its id."""
        root = self.tmp_path / "archive"
        root.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            self.write(root, f"{doc['id']}.yaml", doc)
        return root

    def corpus(self, briefings: dict[str, Doc]) -> Path:
        """``tmp_path/transcripts`` holding each briefing as ``<id>.yaml`` (key order kept)."""
        root = self.tmp_path / "transcripts"
        root.mkdir(parents=True, exist_ok=True)
        for briefing_id, data in briefings.items():
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            (root / f"{briefing_id}.yaml").write_text(text, encoding="utf-8")
        return root

    def indexed(self, docs: Sequence[Doc]) -> Index:
        """An index of ``self(docs)`` on a database inside tmp_path, refreshed."""
        index = Index(self(docs), self.tmp_path / "cache" / "index.sqlite3")
        index.refresh()
        return index


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Every test gets its own config and data folders, never the real home's."""
    config, data = tmp_path / "user-config", tmp_path / "user-data"
    monkeypatch.setenv(userdirs.CONFIG_ENV, str(config))
    monkeypatch.setenv(userdirs.DATA_ENV, str(data))
    return config, data


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path)


class RecordingReader(BriefingApp):
    """The reader, recording each notification's message through the public hook."""

    # A relative CSS_PATH is read next to the module defining the class: point at the app's.
    CSS_PATH = str(Path(tui.app.__file__).with_name("app.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


ReaderApp = Callable[[Index], RecordingReader]


@pytest.fixture
def reader_app() -> ReaderApp:
    """The app factory: ``reader_app(index)`` is the reader on ``index``, recording its
    notifications in ``app.notes``."""
    return RecordingReader


Settle = Callable[..., Awaitable[None]]


async def settle_pilot(pilot: Pilot[Any], delay: float = 0.2) -> None:
    """Let timers fire and every worker finish, then let the screen catch up.

    ``delay`` is time for timers the app sets itself (the list's preview delay, the
    search debounce), which no awaitable covers. A worker's result can start another
    worker (summaries -> open the first briefing), so this repeats until a round ends
    with no worker running; a worker cancelled while waited for was replaced by a newer
    one, which the next round waits for.
    """
    await pilot.pause(delay)
    for _ in range(5):
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break


@pytest.fixture
def settle() -> Settle:
    return settle_pilot


Reader = Callable[..., contextlib.AbstractAsyncContextManager[tuple[Any, Pilot[Any], Any]]]


@pytest.fixture
def reader(archive: Archive, reader_app: ReaderApp, tmp_path: Path) -> Reader:
    """``async with reader(briefings=None, size=(120, 40), extra=(), memory=False) as
    (app, pilot, screen)``; ``extra`` adds raw files (name, text) next to the briefings,
    ``memory`` runs the reader on the in-memory index (the one used when no file can be
    written) instead of an index file."""

    @contextlib.asynccontextmanager
    async def open_reader(
        briefings: dict[str, Doc] | None = None,
        size: tuple[int, int] = (120, 40),
        extra: Iterable[tuple[str, str]] = (),
        memory: bool = False,
    ) -> AsyncIterator[tuple[RecordingReader, Pilot[Any], Any]]:
        root = archive.corpus(CORPUS if briefings is None else briefings)
        for name, text in extra:
            (root / name).write_text(text, encoding="utf-8")
        index = Index(root, memory=True) if memory else Index(root, tmp_path / "index.sqlite")
        assert index.in_memory == memory
        app = reader_app(index)
        try:
            async with app.run_test(size=size) as pilot:
                await settle_pilot(pilot)
                yield app, pilot, app.main
        finally:
            index.close()

    return open_reader


class ScreenApp(App[None]):
    """Pushes one screen over a plain background and records results and notifications."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.dialog = screen
        self.results: list[Any] = []
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("background")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(message)
        super().notify(message, *args, **kwargs)


ScreenAppFactory = Callable[[Screen[Any]], ScreenApp]


@pytest.fixture
def screen_app() -> ScreenAppFactory:
    return ScreenApp


def _view_text(widget: ScrollView) -> str:
    lines = (widget.render_line(y).text for y in range(widget.scrollable_content_region.height))
    return "\n".join(line.rstrip() for line in lines)


ViewText = Callable[[ScrollView], str]


@pytest.fixture
def view_text() -> ViewText:
    return _view_text

"""Measurements read off a real terminal: start, opening a long briefing, ``j``, memory.

Each figure is taken the way a user meets it: the installed ``briefing`` command runs in
a 120x40 tmux pane and the clock stops when the expected text is on the captured screen.
The peer is :mod:`bench.bare_app`, started and driven the same way in the same run.

What "expected text" means is tied to what the reader shows, so the predicates are kept
here in one place: the conference list rows (``date  title…  12q``), and the Q&A view's
header and status line (the title, and the selected answer's reference ``id#q1.a1``).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench import report
from bench.bare_app import READY, step_text
from bench.report import Row
from bench.terminal import ScreenTimeout, SessionGone, Tmux, peak_rss_mb
from bench.workspace import Workspace

BARE = Path(__file__).resolve().parent / "bare_app.py"
STEPS = 30
MEASURES = {
    "start": "warm start to first paint (tmux 120x40, median)",
    "open": "open the 300-exchange briefing to first paint (median)",
    "scroll": f"one `j` step in the conference list, key to paint (median of {STEPS})",
    "rss": "peak RSS of the reader, corpus open (VmHWM)",
}
_DATED = re.compile(r"\d{4}-\d\d-\d\d")


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


def textual_version() -> str:
    try:
        return importlib.metadata.version("textual")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def skipped(group: str, why: str) -> list[Row]:
    return [report.not_measured(group, MEASURES[group], why)]


@dataclass(frozen=True)
class Entry:
    date: str
    id: str
    path: Path

    def words(self) -> int:
        return len(self.path.read_text("utf-8").split())

    def header(self) -> dict[str, object]:
        data = yaml.load(self.path.read_bytes(), Loader=yaml.CSafeLoader)
        return data if isinstance(data, dict) else {}


def listing(files: tuple[Path, ...]) -> list[Entry]:
    """The briefings newest first, by (date, id), as the conference list orders them."""
    entries = []
    for path in files:
        if _DATED.match(path.stem):
            entries.append(Entry(path.stem[:10], path.stem, path))
        else:
            data = Entry("", path.stem, path).header()
            entries.append(Entry(str(data.get("date")), str(data.get("id", path.stem)), path))
    return sorted(entries, key=lambda e: (e.date, e.id), reverse=True)


def opened(entry: Entry) -> Callable[[str], bool]:
    """True once the reader shows this briefing open.

    The status line names the selected answer by reference (``id#q1.a1``), and the Q&A
    header starts with the title; the list never shows a reference, so this cannot be
    fooled by the briefing's row merely being listed.
    """
    title = str(entry.header()["title"])[:20]
    return lambda screen: f"{entry.id}#" in screen and title in screen


class Session:
    """One private tmux server for every terminal figure of a run."""

    def __init__(self, ws: Workspace, runs: int) -> None:
        self.ws, self.runs = ws, runs
        self.tmux = Tmux()
        self.env = ws.env()
        self.order = listing(ws.files)
        self.live: str | None = None  # a reader on the corpus, kept for the memory figure

    def close(self) -> None:
        self.tmux.close()

    def measure(self, group: str) -> list[Row]:
        action = {"start": self.start, "open": self.open, "scroll": self.scroll, "rss": self.rss}
        try:
            return [action[group]()]
        except (ScreenTimeout, SessionGone, subprocess.CalledProcessError, OSError) as error:
            why = str(error).splitlines()[0][:200]
            if isinstance(error, ScreenTimeout):
                print(error.screen, file=sys.stderr)
            return skipped(group, why)

    def _reader(self, path: Path) -> list[str]:
        return [*self.ws.command(), str(path)]

    def _bare(self) -> list[str]:
        return [sys.executable, str(BARE)]

    def _start_bare(self) -> tuple[str, float]:
        """Start the bare app; its session name and seconds from launch to its line."""
        name, started = self.tmux.start(self._bare(), self.env)
        return name, self.tmux.wait_for(name, lambda s: READY in s, READY) - started

    def _warm_index(self, corpus: Path) -> None:
        """Build or refresh the index untimed, so the reader starts warm."""
        if importlib.util.find_spec("tui.subcommands.index") is not None:
            subprocess.run(
                [*self.ws.command(), "index", str(corpus)],
                env={**os.environ, **self.env},
                capture_output=True,
                check=True,
            )

    def _first_paint(self) -> Callable[[str], bool]:
        newest = self.order[0]
        title = str(newest.header()["title"])[:8]
        return lambda screen: newest.date in screen and title in screen

    def start(self) -> Row:
        self._warm_index(self.ws.corpus)
        painted = self._first_paint()
        ours, frames, bare = [], [], []
        for run in range(self.runs):
            name, launch = self._start_bare()
            bare.append(launch)
            self.tmux.kill(name)
            name, started = self.tmux.start(self._reader(self.ws.corpus), self.env)
            frame = self.tmux.wait_for(name, lambda s: bool(s.strip()), "any frame")
            frames.append(frame - started)
            ours.append(self.tmux.wait_for(name, painted, "newest briefing") - started)
            if run == self.runs - 1 and self.live is None:
                self.live = name
            else:
                self.tmux.kill(name)
        mine, theirs = report.median(ours), report.median(bare)
        return Row(
            "start",
            MEASURES["start"],
            f"{report.ms(mine)} (`briefing`, {self.ws.n:,} briefings; "
            f"first frame of any kind: {report.ms(report.median(frames))})",
            report.ms(theirs) + " (bare Textual app)",
            f"{mine / theirs:.2f}x the bare app",
            "<= 1.3x bare Textual",
            report.verdict(mine <= 1.3 * theirs, f"{mine / theirs:.2f}x"),
        )

    def _open_folder(self) -> tuple[Path, Entry, Entry]:
        """The long briefing between a newer and an older copy of a short one."""
        folder = self.ws.root / f"open-{self.ws.long_file.parents[2].name}"
        long_entry = Entry("", self.ws.long_file.stem, folder / self.ws.long_file.name)
        older = Entry("2010-01-01", "older", folder / "older.yaml")
        if not older.path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.ws.long_file, long_entry.path)
            organizer = str(long_entry.header().get("organizer"))
            short = next(
                e
                for e in self.order
                if organizer not in (text := e.path.read_text("utf-8"))
                and "\nlanguage: en\n" in text
            )
            for name, date in (("newer", "2030-01-01"), ("older", "2010-01-01")):
                text = re.sub(r"(?m)^date: .*$", f"date: {date}", short.path.read_text("utf-8"))
                (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        return folder, long_entry, older

    def _open_time(self, folder: Path, keys: tuple[str, ...], entry: Entry) -> float:
        """Start on ``folder``; once the newest is open, send ``keys``; wait for ``entry``."""
        name, _ = self.tmux.start(self._reader(folder), self.env)
        self.tmux.wait_for(
            name, opened(Entry("2030-01-01", "newer", folder / "newer.yaml")), "newer"
        )
        time.sleep(0.3)  # let the first frames settle before the clock starts
        sent = self.tmux.send(name, *keys)
        seen = self.tmux.wait_for(name, opened(entry), entry.id)
        self.tmux.kill(name)
        return seen - sent

    def open(self) -> Row:
        """From the list, ``j`` Enter on the long briefing; time until its text is shown.

        The same for a short briefing (``j j`` Enter, past the long one), side by side, shows
        whether opening cost grows with the briefing's length.
        """
        folder, long_entry, short_entry = self._open_folder()
        self._warm_index(folder)
        ours, short, bare = [], [], []
        for _ in range(self.runs):
            ours.append(self._open_time(folder, ("j", "Enter"), long_entry))
            short.append(self._open_time(folder, ("j", "j", "Enter"), short_entry))
            name, launch = self._start_bare()
            bare.append(launch)
            self.tmux.kill(name)
        mine, theirs = report.median(ours), report.median(bare)
        return Row(
            "open",
            MEASURES["open"],
            f"{report.ms(mine)} (`j` Enter to its text on screen; "
            f"a {short_entry.words():,}-word briefing: {report.ms(report.median(short))})",
            report.ms(theirs) + " (bare Textual app: launch to paint)",
            f"{mine / theirs:.2f}x the bare app's launch",
            "<= 150 ms",
            report.verdict(mine <= 0.150, f"{report.ms(mine)}, {mine / 0.150:.1f}x the target"),
        )

    def _steps(self, name: str, done: Callable[[int, str], bool]) -> list[float]:
        samples = []
        before = self.tmux.screen(name, styles=True)
        for step in range(1, STEPS + 1):
            sent = self.tmux.send(name, "j")
            deadline = sent + 10
            while time.perf_counter() < deadline:
                screen = self.tmux.screen(name, styles=True)
                if done(step, screen) and screen != before:
                    samples.append(time.perf_counter() - sent)
                    before = screen
                    break
                time.sleep(0.002)
            else:
                raise ScreenTimeout(f"step {step}", before)
        return samples

    def _ensure_live(self) -> None:
        """A reader on the corpus (the last start run's, or a new one if that one is gone)."""
        if self.live is not None and self.tmux.alive(self.live):
            return
        self._warm_index(self.ws.corpus)
        self.live, _ = self.tmux.start(self._reader(self.ws.corpus), self.env)
        self.tmux.wait_for(self.live, self._first_paint(), "newest briefing")

    def scroll(self) -> Row:
        self._ensure_live()
        assert self.live is not None
        self.tmux.wait_for(self.live, opened(self.order[0]), "the newest briefing open")
        self.tmux.settle(self.live)  # the whole list read, the first layout done
        ours = self._steps(self.live, lambda step, screen: True)
        try:  # the cursor rests: the briefing under it opens
            self.tmux.wait_for(self.live, opened(self.order[STEPS]), "the landing", timeout=5)
            landed = True
        except ScreenTimeout:
            landed = False
        name, _ = self._start_bare()
        bare = self._steps(name, lambda step, screen: step_text(step) in screen)
        self.tmux.kill(name)
        mine, theirs = report.median(ours), report.median(bare)
        note = "" if landed else "; the cursor did not end on the expected briefing"
        return Row(
            "scroll",
            MEASURES["scroll"],
            f"{report.ms(mine)} (p95 {report.ms(report.percentile(ours, 95))}){note}",
            report.ms(theirs) + " (bare app repainting a counter)",
            f"{mine / theirs:.2f}x the bare app",
            "keep up with key repeat (33 ms)",
            report.verdict(mine <= 0.033, f"{report.ms(mine)} per step"),
        )

    def rss(self) -> Row:
        self._ensure_live()
        assert self.live is not None
        self.tmux.send(self.live, "G")  # the oldest briefing: the whole list has been drawn
        time.sleep(1.0)
        mine = peak_rss_mb(self.tmux.pid(self.live))
        name, _ = self._start_bare()
        theirs = peak_rss_mb(self.tmux.pid(name))
        self.tmux.kill(name)
        return Row(
            "rss",
            MEASURES["rss"],
            f"{mine:,.0f} MB ({self.ws.n:,} briefings)",
            f"{theirs:,.0f} MB (bare Textual app)",
            f"{mine / theirs:.1f}x the bare app",
            "<= 150 MB",
            report.verdict(mine <= 150, f"{mine:,.0f} MB, {mine - 150:,.0f} MB over"),
        )

"""Profile what a missed benchmark target spends its time on (stdlib cProfile).

Usage: ``python bench/hotspots.py index|open|start|startup-data [-n 1000]``

- ``index``: a cold :class:`tui.index.Index` refresh of the first N generated briefings;
- ``open``: the reader (headless, 120x40) opening the 300-exchange briefing with Enter;
- ``start``: the reader (headless) from construction to the conference list filled;
- ``startup-data``: the library calls the reader makes at start on the warm index
  (summaries, people, refresh), each alone and then all at once in threads, as the
  reader's workers run them: cProfile sees one thread only, and at start the cost is
  these workers contending for the GIL with the first paint.

It prints the functions with the most own time, then the project's functions by
cumulative time, so an owner sees at once whether parsing, SQLite, layout or rendering
dominates. Headless runs skip the terminal, so the totals are lower than the tmux
figures of ``bench/run.py``; the proportions are what this is for.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.workspace import prepare


def _report(profile: cProfile.Profile, elapsed: float, title: str) -> None:
    print(f"{title}: {elapsed * 1000:,.0f} ms under the profiler")
    for order, pattern, count in (("tottime", "", 25), ("cumulative", "/tui/", 30)):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        if not pattern:
            stats.strip_dirs()
        stats.sort_stats(order).print_stats(*([pattern] if pattern else []), count)
        body = out.getvalue()
        print(body[body.find("   ncalls") :] if "   ncalls" in body else body)


def profile_index(files: Sequence[Path]) -> None:
    from tui.index import Index

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "corpus"
        root.mkdir()
        for number, path in enumerate(files):
            (root / f"{number:05d}-{path.name}").symlink_to(path)
        index = Index(root, Path(scratch) / "index.sqlite3")
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.runcall(index.refresh)
        elapsed = time.perf_counter() - started
        index.close()
    _report(profile, elapsed, f"cold index of {len(files):,} briefings")


async def _drive(folder: Path, keys: Sequence[str], profile: cProfile.Profile) -> float:
    from tui.app import BriefingApp
    from tui.index import Index

    index = Index(folder.resolve(), memory=True)
    index.refresh()
    app = BriefingApp(index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        started = time.perf_counter()
        profile.enable()
        await pilot.press(*keys)
        await pilot.pause(0.3)
        profile.disable()
        elapsed = time.perf_counter() - started
    index.close()
    return elapsed


async def _start(folder: Path, profile: cProfile.Profile) -> float:
    from tui.app import BriefingApp
    from tui.index import Index

    index = Index(folder.resolve(), memory=True)
    index.refresh()
    started = time.perf_counter()
    profile.enable()
    app = BriefingApp(index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        profile.disable()
        elapsed = time.perf_counter() - started
    index.close()
    return elapsed


def startup_data(corpus: Path) -> None:
    import threading

    from tui.index import Index
    from tui.loader import iter_transcript_files

    index = Index(corpus.resolve())
    index.refresh()  # warm, as after `briefing index`
    calls: dict[str, Callable[[], object]] = {
        "summaries()": index.summaries,
        "people('speaker')": lambda: index.people("speaker"),
        "people('asker')": lambda: index.people("asker"),
        "refresh() (warm)": index.refresh,
        "  of which iter_transcript_files": lambda: iter_transcript_files([corpus]),
    }
    for name, call in calls.items():
        started = time.perf_counter()
        call()
        print(f"alone       {name:34} {(time.perf_counter() - started) * 1000:7.0f} ms")
    done: dict[str, float] = {}
    origin = time.perf_counter()

    def run(name: str) -> None:
        calls[name]()
        done[name] = time.perf_counter() - origin

    threads = [threading.Thread(target=run, args=(name,)) for name in list(calls)[:4]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, seconds in sorted(done.items(), key=lambda item: item[1]):
        print(f"concurrent  {name:34} done at {seconds * 1000:5.0f} ms")
    index.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("index", "open", "start", "startup-data"))
    parser.add_argument("-n", type=int, default=1000, help="briefings (index: 1000)")
    parser.add_argument("--corpus-n", type=int, default=10_000, help="corpus to draw from")
    args = parser.parse_args(argv)
    ws = prepare(args.corpus_n, 1)
    profile = cProfile.Profile()
    if args.what == "index":
        profile_index(ws.files[: args.n])
    elif args.what == "open":
        folder = ws.root / f"open-{ws.long_file.parents[2].name}"
        if not folder.exists():
            parser.error("run `bench/run.py --only open` once first: it builds the folder")
        elapsed = asyncio.run(_drive(folder, ("j", "enter"), profile))
        _report(profile, elapsed, "open the 300-exchange briefing (headless, + 0.3 s idle)")
    elif args.what == "startup-data":
        os.environ.update(ws.env())
        startup_data(ws.corpus)
    else:
        elapsed = asyncio.run(_start(ws.corpus, profile))
        _report(profile, elapsed, f"start on {ws.n:,} briefings (headless, + 0.3 s idle)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

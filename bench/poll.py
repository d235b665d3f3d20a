"""What live reload's polling costs on a large archive.

Usage: ``python bench/poll.py [-n 10000] [--budget 1000]``

Writes ``n`` small files in year/month folders (the poller never parses them, so their
content does not matter), then times the first poll (taking stock: every folder listed),
a quiet poll (every folder stat'ed, ``budget`` files stat'ed), a poll after a file was
added, and how many polls an edit in place takes to be seen. The reader polls every
2 seconds in a worker thread, so a quiet poll's time is the cost that matters.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.poller import DEFAULT_BUDGET, Poller


def write_archive(root: Path, files: int) -> list[Path]:
    paths = []
    for number in range(files):
        folder = root / f"{2000 + number % 25}" / f"{number % 12 + 1:02}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"briefing-{number:05}.yaml"
        path.write_text(f"title: Briefing {number}\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(poller: Poller) -> float:
    start = time.perf_counter()
    poller.poll()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--budget", type=int, default=DEFAULT_BUDGET)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = write_archive(root, args.n)
        poller = Poller([root], budget=args.budget)
        first = timed(poller)
        quiet = statistics.median(timed(poller) for _ in range(20))
        added = root / "2001" / "01" / "new.yaml"
        added.write_text("title: New\n", encoding="utf-8")
        os.utime(added.parent, ns=(0, time.time_ns() + 1_000_000_000))
        after_add = timed(poller)
        paths[len(paths) // 2].write_text("title: Edited at length\n", encoding="utf-8")
        polls = 0
        while True:
            polls += 1
            if poller.poll() or polls > args.n:
                break
        print(f"files {args.n}, budget {args.budget} stats per poll")
        print(f"first poll (taking stock)  {first * 1000:8.1f} ms")
        print(f"quiet poll (median of 20)  {quiet * 1000:8.1f} ms")
        print(f"poll after one file added  {after_add * 1000:8.1f} ms")
        print(f"polls to see an edit       {polls:8d} (at most {-(-args.n // args.budget)})")


if __name__ == "__main__":
    main()

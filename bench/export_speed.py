"""Whole-briefing export speed: each format on a bundled and a generated briefing.

Usage: ``python bench/export_speed.py [--exchanges 300] [--runs 5]``.

Renders the largest bundled briefing and one generated briefing of ``--exchanges``
exchanges (the bench's vocabulary and sizes, deterministic) in every whole-briefing
format, and prints the median time and the size of each. The peer in the same run is
``json.dumps`` of the same briefing as data, the floor for writing the whole model out.
The dialog renders a whole briefing in a worker, so these times are never a pause of
the reader; ``briefing export ID`` pays them once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import briefing_yaml
from tui.cli import bundled_transcripts
from tui.document_json import briefing_to_data
from tui.export import formats, render_briefing
from tui.loader import load_bytes, load_file
from tui.model import Briefing


def _median_ms(work: Callable[[], str], runs: int) -> tuple[float, int]:
    times: list[float] = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(work().encode("utf-8"))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, size


def _largest_bundled() -> Briefing:
    path = max(bundled_transcripts().glob("*.yaml"), key=lambda p: p.stat().st_size)
    briefing, problems = load_file(path)
    if briefing is None:
        raise SystemExit(f"{path}: {problems[0]}")
    return briefing


def _generated(exchanges: int) -> Briefing:
    _, text = briefing_yaml(7, 1, exchanges=exchanges)
    briefing, problems = load_bytes(text.encode("utf-8"), "generated.yaml")
    if briefing is None:
        raise SystemExit(f"generated briefing: {problems[0]}")
    return briefing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--exchanges", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for briefing in (_largest_bundled(), _generated(args.exchanges)):
        _measure(briefing, args.runs)
    return 0


def _measure(briefing: Briefing, runs: int) -> None:
    words = sum(len(element.text.split()) for element in briefing.elements())
    print(f"{briefing.id}: {len(briefing.exchanges)} exchanges, {words:,} words")
    for fmt in formats("briefing"):
        ms, size = _median_ms(lambda key=fmt.key: render_briefing(briefing, key), runs)
        print(f"  {fmt.key:5} {ms:8.1f} ms  {size / 1024:8.0f} KiB  ({fmt.label})")
    data = briefing_to_data(briefing)
    ms, size = _median_ms(lambda: json.dumps(data, ensure_ascii=False), runs)
    print(f"  peer  {ms:8.1f} ms  {size / 1024:8.0f} KiB  (json.dumps of the data alone)")


if __name__ == "__main__":
    raise SystemExit(main())

"""Search results as data: 1,000 hits written as CSV, beside the bare query.

``briefing search QUERY --format csv`` and the reader's ``x`` run the query without a
limit and render every hit; what that adds to the query itself is reading each hit's whole
text and writing the CSV. Both sides fetch the same 1,000 hits of common words (newest
first) on the warm index, so the ratio is the cost of the export alone; the target is
that 1,000 hits are written well under a second.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence

from bench import report
from bench.measures import SearchIndex
from bench.report import Row
from bench.workspace import Workspace

HITS = 1000
WORDS = ("security", "cooperation", "trade", "government", "development")
TARGET_SECONDS = 0.5


def _best(action: Callable[[], object], repeats: int = 3) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return min(samples)


def measure(ws: Workspace, index: SearchIndex | None, why: str) -> list[Row]:
    """Median over :data:`WORDS` of (query + CSV of 1,000 hits) against the query alone."""
    name = f"CSV of {HITS:,} hits (search --format csv), median of {len(WORDS)} words"
    if index is None:
        return [report.not_measured("search", name, why)]
    try:
        render_hits = importlib.import_module("tui.hits_export").render_hits
    except ImportError as error:
        return [report.not_measured("search", name, f"tui.hits_export: {error}")]
    search: Callable[..., Sequence[object]] = index.search  # type: ignore[assignment]
    ours: list[float] = []
    bare: list[float] = []
    counts: list[int] = []
    for word in WORDS:
        counts.append(len(search(word, limit=HITS)))
        bare.append(_best(lambda word=word: search(word, limit=HITS)))
        ours.append(_best(lambda word=word: render_hits(search(word, limit=HITS), word, "csv")))
    mine, peer = report.median(ours), report.median(bare)
    fewest = min(counts)
    note = "" if fewest >= HITS else f" (a word had only {fewest:,} hits)"
    return [
        Row(
            "search",
            name,
            report.ms(mine) + note,
            report.ms(peer) + " (the same query, hits not written)",
            report.times(mine, peer),
            f"< {report.ms(TARGET_SECONDS)} for {HITS:,} hits",
            report.verdict(mine < TARGET_SECONDS, report.ms(mine)),
        )
    ]

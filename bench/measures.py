"""Measurements that need no terminal: loading, cold indexing and search latency.

Each function returns table rows (:mod:`bench.report`) with its figure beside a peer
timed in the same run. A module that has not landed yet, or a measurement that fails,
gives a row that says so instead of a number: the table never shows a figure that was
not measured.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import yaml

from bench import report
from bench.queries import Query, queries
from bench.report import Row
from bench.workspace import Workspace

LOAD_FILES = 1000
REPEATS = 3


def _median_time(action: Callable[[], object], repeats: int = REPEATS) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return report.median(samples)


def _bare_parse(files: tuple[Path, ...]) -> None:
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def measure_load(ws: Workspace) -> list[Row]:
    """Files per second through ``tui.loader.load_paths`` vs bare CSafeLoader."""
    files = ws.files[:LOAD_FILES]
    measure = f"load {len(files):,} briefings (files/s)"
    try:
        loader = importlib.import_module("tui.loader")
    except ImportError as error:
        return [report.not_measured("load", measure, f"tui.loader: {error}")]
    result = loader.load_paths(list(files))
    if result.problems:
        first = result.problems[0]
        return [report.not_measured("load", measure, f"{len(result.problems)} problems: {first}")]
    ours = _median_time(lambda: loader.load_paths(list(files)))
    peer = _median_time(lambda: _bare_parse(files))
    return [
        Row(
            "load",
            measure,
            report.rate(len(files), ours, "files") + " (tui.loader.load_paths)",
            report.rate(len(files), peer, "files") + " (yaml.load, CSafeLoader)",
            report.times(ours, peer),
        )
    ]


def build_index(ws: Workspace, corpus: Path) -> tuple[float, str]:
    """Run ``briefing index`` from an empty cache; return (seconds, error or "")."""
    ws.reset_cache()
    env = {**os.environ, **ws.env()}
    started = time.perf_counter()
    done = subprocess.run(
        [*ws.command(), "index", str(corpus)], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        return elapsed, (done.stderr.strip() or done.stdout.strip())[-300:]
    return elapsed, ""


def measure_index(ws: Workspace) -> list[Row]:
    """Cold ``briefing index`` of the corpus vs parsing every file with libyaml."""
    measure = f"cold index build, {ws.n:,} briefings"
    if importlib.util.find_spec("tui.subcommands.index") is None:
        return [report.not_measured("index", measure, "`briefing index` not available")]
    elapsed, error = build_index(ws, ws.corpus)
    if error:
        return [report.not_measured("index", measure, f"`briefing index` failed: {error}")]
    peer = _median_time(lambda: _bare_parse(ws.files), repeats=1)
    per_second = ws.n / elapsed
    return [
        Row(
            "index",
            measure,
            f"{per_second:,.0f} briefings/s ({elapsed:.1f} s, `briefing index`)",
            report.rate(ws.n, peer, "briefings") + f" ({peer:.1f} s, bare CSafeLoader parse)",
            report.times(elapsed, peer),
            ">= 200 briefings/s",
            report.verdict(
                per_second >= 200, f"{per_second:,.0f}/s, {1 - per_second / 200:.1%} short"
            ),
        )
    ]


def _grep(pattern: str, corpus: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["grep", "-ril", pattern, str(corpus)],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def _timed(action: Callable[[str], object], batch: Sequence[Query]) -> list[float]:
    samples = []
    for query in batch:
        started = time.perf_counter()
        action(query.text)
        samples.append(time.perf_counter() - started)
    return samples


def measure_search(ws: Workspace, index: SearchIndex | None, why: str) -> list[Row]:
    """p50/p95 of 50 searches (the first page, newest first) vs ``grep -ril``.

    Also timed, without a target: the per-month hit counts the reader draws as a
    sparkline for the same query, since the reader asks for both as you type.
    """
    measure = f"search p{{}}, {len(queries(ws.seed))} queries"
    if index is None:
        return [report.not_measured("search", measure.format(p), why) for p in (50, 95)]
    batch = queries(ws.seed)
    ours = _timed(index.search, batch)
    months = _timed(index.hits_per_month, batch)
    peer = [_grep(query.grep, ws.corpus) for query in batch]
    rows = []
    for p in (50, 95):
        mine, theirs = report.percentile(ours, p), report.percentile(peer, p)
        speedup = theirs / mine if mine > 0 else float("inf")
        ok = speedup >= 20 and (p != 95 or mine <= 0.050)
        target = ">= 20x faster than grep" + (", <= 50 ms" if p == 95 else "")
        miss = f"{report.ms(mine)}, {report.times(mine, theirs)} vs grep"
        slowest = max(zip(ours, batch, strict=True), key=lambda pair: pair[0])[1]
        note = f" (slowest: {slowest.kind} `{slowest.text}`)" if p == 95 else ""
        rows.append(
            Row(
                "search",
                measure.format(p),
                report.ms(mine) + note,
                report.ms(theirs) + " (`grep -ril`)",
                report.times(mine, theirs),
                target,
                report.verdict(ok, miss),
            )
        )
    mine, theirs = report.percentile(months, 95), report.percentile(peer, 95)
    rows.append(
        Row(
            "search",
            "hits per month (sparkline) p95, same queries",
            report.ms(mine),
            report.ms(theirs) + " (`grep -ril`)",
            report.times(mine, theirs),
        )
    )
    return rows


class SearchIndex(Protocol):
    def search(self, query: str) -> Sequence[object]: ...
    def hits_per_month(self, query: str) -> Sequence[object]: ...


def searcher(ws: Workspace) -> tuple[SearchIndex | None, str]:
    """The index's search over the warm index (what the reader runs per keystroke).

    The index is refreshed first, untimed: after the ``index`` group that finds nothing to
    do; alone (``--only search``) it builds the index.
    """
    try:
        index_module = importlib.import_module("tui.index")
    except ImportError as error:
        return None, f"tui.index: {error}"
    os.environ.update(ws.env())  # the same cache folder as `briefing index` used
    index = index_module.Index(ws.corpus.resolve())
    index.refresh()
    index_typed: SearchIndex = index
    return index_typed, ""

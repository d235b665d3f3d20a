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
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import yaml

from bench import report
from bench.queries import Query, filtered, queries
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
        _index_size(ws),
        Row(
            "index",
            measure,
            f"{per_second:,.0f} briefings/s ({elapsed:.1f} s, `briefing index`)",
            report.rate(ws.n, peer, "briefings") + f" ({peer:.1f} s, bare CSafeLoader parse)",
            report.times(elapsed, peer),
            f">= 800 briefings/s ({os.cpu_count()} cores)",
            report.verdict(
                per_second >= 800, f"{per_second:,.0f}/s, {1 - per_second / 800:.1%} short"
            ),
        ),
    ]


def _index_size(ws: Workspace) -> Row:
    """The index file (with its write-ahead log) beside the YAML it was built from."""
    files = [p for p in ws.cache_home.rglob("*.sqlite3*") if p.is_file()]
    ours = sum(p.stat().st_size for p in files)
    archive = sum(p.stat().st_size for p in ws.files)
    return Row(
        "index",
        f"index size, {ws.n:,} briefings",
        f"{ours / 1e6:,.0f} MB ({ours / ws.n / 1e3:,.1f} kB per briefing)",
        f"{archive / 1e6:,.0f} MB (the YAML files)",
        f"{ours / archive:.2f}x the archive",
    )


def _grep(pattern: str, corpus: Path, tool: str = "grep") -> float:
    """``grep -ril`` (or ``rg -il``) of the query's words over the corpus."""
    command = ["grep", "-ril"] if tool == "grep" else [tool, "-il"]
    started = time.perf_counter()
    subprocess.run([*command, pattern, str(corpus)], stdout=subprocess.DEVNULL, check=False)
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
    rg = shutil.which("rg")
    rg_times = [_grep(query.grep, ws.corpus, rg) for query in batch] if rg else []
    rows = []
    for p in (50, 95):
        mine, theirs = report.percentile(ours, p), report.percentile(peer, p)
        speedup = theirs / mine if mine > 0 else float("inf")
        ok = speedup >= 20 and (p != 95 or mine <= 0.050)
        target = ">= 20x faster than grep" + (", <= 50 ms" if p == 95 else "")
        miss = f"{report.ms(mine)}, {report.times(mine, theirs)} vs grep"
        slowest = max(zip(ours, batch, strict=True), key=lambda pair: pair[0])[1]
        note = f" (slowest: {slowest.kind} `{slowest.text}`)" if p == 95 else ""
        also = (
            f"; {report.ms(report.percentile(rg_times, p))} (`rg -il`)"
            if rg_times
            else "; rg not installed"
        )
        rows.append(
            Row(
                "search",
                measure.format(p),
                report.ms(mine) + note,
                report.ms(theirs) + " (`grep -ril`)" + also,
                report.times(mine, theirs),
                target,
                report.verdict(ok, miss),
            )
        )
    rows += _filtered(ws, index, rg)
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


def _filtered(ws: Workspace, index: SearchIndex, rg: str | None) -> list[Row]:
    """p50/p95 of the filtered queries (speaker:, asker:, from:/to:, briefing: with words),
    the kind that mixes a filter into the full-text match and can slow down at scale."""
    batch = filtered(ws.seed)
    ours = _timed(index.search, batch)
    peer = [_grep(query.grep, ws.corpus, rg or "grep") for query in batch]
    tool = "`rg -il`" if rg else "`grep -ril`"
    rows = []
    for p in (50, 95):
        mine, theirs = report.percentile(ours, p), report.percentile(peer, p)
        slowest = max(zip(ours, batch, strict=True), key=lambda pair: pair[0])[1]
        note = f" (slowest: `{slowest.text}`)" if p == 95 else ""
        rows.append(
            Row(
                "search",
                f"filtered search p{p}, {len(batch)} queries",
                report.ms(mine) + note,
                f"{report.ms(theirs)} ({tool} of the words alone)",
                report.times(mine, theirs),
                "<= 50 ms" if p == 95 else "—",
                report.verdict(mine <= 0.050, report.ms(mine)) if p == 95 else "no target",
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


# -- `briefing search` as a whole process -----------------------------------------------

PROCESS_KINDS = ("rare word", "common word", "phrase")
PROCESS_QUERIES = 3  # of each kind

FLOOR = """import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute(
    "SELECT e.briefing_id, b.title, b.date, e.ref, e.kind, e.by, e.role, e.text "
    "FROM elements e JOIN briefings b ON b.id = e.briefing_id "
    "JOIN elements_fts f ON f.rowid = e.rowid WHERE elements_fts MATCH ? "
    "ORDER BY f.rowid DESC LIMIT 20", (sys.argv[2],)).fetchall()
"""
"""The floor of any search process: Python starting, the index file opened and the same
full-text query (the first 20 hits, newest first) run and fetched; no freshness check,
no snippets, no output."""


def _process(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure_process(ws: Workspace, runs: int) -> list[Row]:
    """``briefing search QUERY PATH --limit 20`` from launch to exit, beside the floor
    process (:data:`FLOOR`), ``rg -il`` and ``grep -ril``, interleaved, on the warm index.

    Rare words, common words and phrases, a few of each; medians over queries and runs.
    """
    measure = "`briefing search` process, {kind}s (median)"
    try:
        from tui.index import Index, default_index_path
        from tui.index.fts import compile_match
        from tui.query import parse
    except ImportError as error:
        return [
            report.not_measured("process", measure.format(kind=k), str(error))
            for k in PROCESS_KINDS
        ]
    os.environ.update(ws.env())
    corpus = ws.corpus.resolve()
    Index(corpus).refresh()  # warm, untimed (a no-op after the index group)
    database = str(default_index_path(corpus))
    env = {**os.environ, **ws.env()}
    rg = shutil.which("rg")
    rows = []
    for kind in PROCESS_KINDS:
        batch = [q for q in queries(ws.seed) if q.kind == kind][:PROCESS_QUERIES]
        ours, floor, rgs, greps = [], [], [], []
        for _ in range(runs):
            for query in batch:
                match = parse(query.text).match
                assert match is not None
                ours.append(
                    _process(
                        [*ws.command(), "search", query.text, str(ws.corpus), "--limit", "20"], env
                    )
                )
                floor.append(
                    _process([sys.executable, "-c", FLOOR, database, compile_match(match)], env)
                )
                if rg is not None:
                    rgs.append(_process([rg, "-il", query.grep, str(ws.corpus)], env))
                greps.append(_process(["grep", "-ril", query.grep, str(ws.corpus)], env))
        mine, base = report.median(ours), report.median(floor)
        peers = f"{report.ms(base)} (floor: Python + open + the same query)"
        ratio = f"{mine / base:.2f}x the floor"
        misses = []
        if mine > 1.5 * base:
            misses.append(f"{mine / base:.2f}x the floor")
        if rgs:
            theirs = report.median(rgs)
            peers += f"; {report.ms(theirs)} (`rg -il`)"
            ratio += f"; {report.times(mine, theirs)} vs rg"
            if mine >= theirs:
                misses.append(f"{mine / theirs:.2f}x rg's time")
        else:
            peers += "; rg not installed: no rg figure (apt-get install ripgrep)"
        peers += f"; {report.ms(report.median(greps))} (`grep -ril`)"
        rows.append(
            Row(
                "process",
                measure.format(kind=kind),
                f"{report.ms(mine)} ({len(batch)} queries x {runs} runs)",
                peers,
                ratio,
                "<= 1.5x the floor; faster than rg",
                "met"
                if not misses and rgs
                else ("missed: " + ", ".join(misses) if misses else "floor met; rg not measured"),
            )
        )
    return rows

"""Saved searches: a look at one saved search beside a plain search of the same query.

A plain search stops after its first page of hits; a look reads every hit of the query
(to tell the new from the seen), reads and writes what was seen, and parses the briefings
of the new hits for their source. Each of the benchmark's 50 queries is saved, looked at
once (untimed: the first look only records), then ten of its hits are forgotten, as if
they had come in since, and the second look is timed. The peer is ``Index.search`` of the
same query on the same warm index, as the reader runs it per keystroke.

The end-to-end row runs the command a cron job runs, ``briefing watch NAME PATH`` (index
refresh included: 10,000 files are checked for changes), beside ``briefing search`` of
the same query, which refreshes the same way.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bench import report
from bench.queries import Query, queries
from bench.report import Row
from bench.workspace import Workspace

if TYPE_CHECKING:
    from tui.index import Index
    from tui.saved_searches import SavedSearches

FORGOTTEN = 10
CLI_RUNS = 3
CLI_QUERY = 20  # the first phrase of the 50: hits in a tenth of the briefings


def measure(ws: Workspace) -> list[Row]:
    measure_name = "look at a saved search p{}, 50 queries, 10 new hits each"
    try:
        from tui.index import Index
        from tui.saved_searches import SavedSearches
    except ImportError as error:
        return [report.not_measured("watch", measure_name.format(50), str(error))]
    os.environ.update(ws.env())
    batch = queries(ws.seed)
    with tempfile.TemporaryDirectory(dir=ws.root) as data:
        store = SavedSearches(Path(data) / "searches.sqlite3")
        index = Index(ws.corpus.resolve())
        try:
            index.refresh()
            ours, peers, sizes = _looks(store, index, batch)
        finally:
            index.close()
        cli = _cli(ws, Path(data), batch[CLI_QUERY])
    rows = []
    for p in (50, 95):
        mine, theirs = report.percentile(ours, p), report.percentile(peers, p)
        slowest = max(zip(ours, batch, sizes, strict=True), key=lambda item: item[0])
        note = f" (slowest: {slowest[1].kind} `{slowest[1].text}`, {slowest[2]:,} hits)"
        rows.append(
            Row(
                "watch",
                measure_name.format(p),
                report.ms(mine) + (note if p == 95 else ""),
                report.ms(theirs) + " (`Index.search`, first page, same query)",
                report.times(mine, theirs),
            )
        )
    rows.append(cli)
    return rows


def _looks(
    store: SavedSearches, index: Index, batch: Sequence[Query]
) -> tuple[list[float], list[float], list[int]]:
    from tui.new_hits import look as look_at

    ours: list[float] = []
    peers: list[float] = []
    sizes: list[int] = []
    for number, query in enumerate(batch):
        name = f"q{number}"
        saved = store.add(name, query.text, replace=True)
        look_at(store, index, [saved])  # the first look records every hit
        seen = index.watch(query.text, (), limit=0).keys
        forgotten = frozenset(sorted(seen)[FORGOTTEN:])
        store.mark_seen(name, index.archive, forgotten)
        started = time.perf_counter()
        (result,) = look_at(store, index, [saved])
        ours.append(time.perf_counter() - started)
        assert result.new_count == min(FORGOTTEN, len(seen)), (query.text, result.new_count)
        sizes.append(result.hits_now)
        started = time.perf_counter()
        index.search(query.text)
        peers.append(time.perf_counter() - started)
    return ours, peers, sizes


def _cli(ws: Workspace, data: Path, query: Query) -> Row:
    measure_name = f"`briefing watch NAME PATH`, query `{query.text}` (median of {CLI_RUNS})"
    env = {**os.environ, **ws.env(), "BRIEFING_DATA_DIR": str(data)}
    command = ws.command()
    name = "cli"
    subprocess.run(
        [*command, "watch", "add", name, query.text, "--replace"], env=env, capture_output=True
    )

    def timed(arguments: list[str]) -> tuple[float, str]:
        started = time.perf_counter()
        done = subprocess.run([*command, *arguments], env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        return elapsed, "" if done.returncode in (0, 1) else done.stderr.strip()[-200:]

    watch: list[float] = []
    search: list[float] = []
    for _ in range(CLI_RUNS):
        elapsed, error = timed(["watch", name, str(ws.corpus)])
        if error:
            return report.not_measured("watch", measure_name, f"`briefing watch` failed: {error}")
        watch.append(elapsed)
        elapsed, error = timed(["search", query.text, str(ws.corpus)])
        if error:
            return report.not_measured("watch", measure_name, f"`briefing search` failed: {error}")
        search.append(elapsed)
    mine, theirs = report.median(watch), report.median(search)
    return Row(
        "watch",
        measure_name,
        report.ms(mine),
        report.ms(theirs) + " (`briefing search` of the query, same archive)",
        report.times(mine, theirs),
    )

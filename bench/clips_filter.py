"""How to answer ``clipped:`` and ``note:``: a set of references, or ATTACH of the database.

Usage: ``python bench/clips_filter.py CORPUS INDEX [--clips 500] [--runs 5]``

CORPUS is a folder of transcripts (``bench/generate.py`` makes one) and INDEX its index
file (``briefing index CORPUS --index INDEX``). The script clips ``--clips`` random answers
into a scratch clippings database, then times the benchmark's 50 queries (see
``bench/queries.py``) four ways, median and p95 of each:

* plain: the query as typed, no clippings filter (the speed to keep);
* with ``clipped:yes`` through :meth:`tui.index.Index.search`, which reads the clippings
  (:mod:`tui.clips.matching`), turns their references into row ids and filters on those;
* the same filter with the clippings database ATTACHed to the index's connection and the
  query joined to its table by reference;
* ``clipped:yes`` alone (no words), both ways.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.queries import queries
from tui.clips.opening import open_clips
from tui.index import Index
from tui.index.fts import compile_match
from tui.query import parse
from tui.quote import quote_of


def _time(run: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return f"{name:<44} p50 {statistics.median(times):8.2f} ms   p95 {p95:8.2f} ms"


def _attached(conn: sqlite3.Connection, text: str) -> list[object]:
    """The newest-first query of ``text`` restricted by a join on the attached table."""
    parsed = parse(text)
    clip = " AND e.ref IN (SELECT ref FROM clips.clippings)"
    columns = "e.briefing_id, e.ref, e.text FROM elements e"
    if parsed.match is None:
        sql = f"SELECT {columns} WHERE 1{clip} ORDER BY e.rowid DESC LIMIT 50"
        return conn.execute(sql).fetchall()
    sql = (
        f"SELECT {columns} JOIN elements_fts f ON f.rowid = e.rowid "
        f"WHERE elements_fts MATCH ?{clip} ORDER BY f.rowid DESC LIMIT 50"
    )
    return conn.execute(sql, (compile_match(parsed.match),)).fetchall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("index", type=Path)
    parser.add_argument("--clips", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="clips-bench-"))
    os.environ["BRIEFING_DATA_DIR"] = str(scratch)
    index = Index(args.corpus, args.index)
    index.refresh()
    with index.connection() as conn:
        rows = conn.execute("SELECT briefing_id, ref FROM elements WHERE kind = 'answer'")
        answers = rows.fetchall()
    rng = random.Random(1)
    store = open_clips()
    for briefing_id, ref in rng.sample(answers, min(args.clips, len(answers))):
        briefing = index.load(briefing_id)
        element = briefing.find(ref)
        if element is not None:
            store.add("Bench", quote_of(briefing, element), "bench note", create=True)
    store.close()
    texts = [q.text for q in queries(1)]
    plain: list[float] = []
    via_set: list[float] = []
    via_attach: list[float] = []
    attach = sqlite3.connect(args.index)
    attach.execute("ATTACH DATABASE ? AS clips", (str(scratch / "clippings.sqlite3"),))
    for text in texts:
        plain += _time(lambda text=text: index.search(text), args.runs)
        via_set += _time(lambda text=text: index.search(f"{text} clipped:yes"), args.runs)
        via_attach += _time(lambda text=text: _attached(attach, text), args.runs)
    alone_set = _time(lambda: index.search("clipped:yes"), args.runs * 10)
    alone_attach = _time(lambda: _attached(attach, "clipped:yes"), args.runs * 10)
    print(f"{len(answers)} answers indexed, {args.clips} clipped; {len(texts)} queries")
    print(_summary("plain query (no clippings filter)", plain))
    print(_summary("query + clipped:yes, set of row ids", via_set))
    print(_summary("query + clipped:yes, ATTACH and join by ref", via_attach))
    print(_summary("clipped:yes alone, set of row ids", alone_set))
    print(_summary("clipped:yes alone, ATTACH and join by ref", alone_attach))
    index.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Measure the reader on one generated corpus and print the table for the README.

Usage: ``python bench/run.py [-n 10000 | --large] [--quick] [--only load,search,...]``

One run, one corpus: every figure is printed beside its peer measured in the same run
(bare libyaml, a bare Textual app, the floor of a search process, ``grep -ril`` and
``rg -il``), with the ratio and the target, because
on a shared 2-core machine only same-run ratios are comparable. The corpus is generated
once per (N, seed, generator version) and reused by later runs.

Groups, in the order they run (``--only`` takes any of them):
``load``, ``index`` (cold build; also leaves the warm index the reader starts
on), ``search`` (in-process, plus filtered queries and the CSV export of 1,000 hits),
``process`` (``briefing search`` as a whole process beside the floor, rg and grep),
``watch`` (a look at a saved search beside a plain search), ``import`` (1,000 generated
pages through ``briefing import``),
``start`` (warm start to first paint), ``open`` (300-exchange briefing), ``scroll``
(holding ``j`` in the conference list), ``rss`` (peak memory of the reader).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import hits_export, import_speed, measures, report, screens, watch_speed
from bench.report import Row
from bench.source_cli import use_source
from bench.workspace import (
    Workspace,
    byte_compile,
    export_commit,
    prepare,
    working_tree_label,
)

GROUPS = (
    "load",
    "index",
    "search",
    "process",
    "watch",
    "import",
    "start",
    "open",
    "scroll",
    "rss",
)
TERMINAL_GROUPS = ("start", "open", "scroll", "rss")
QUICK_N = 300
TARGET_N = 10_000
LARGE_N = 100_000


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None, help="briefings in the corpus (10000)")
    parser.add_argument(
        "--large",
        action="store_true",
        help=f"the {LARGE_N:,}-briefing run (generated once, ~5 min; the cold index ~3 min)",
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument(
        "--quick", action="store_true", help=f"small corpus ({QUICK_N}), fewer runs"
    )
    parser.add_argument("--only", default="", help="comma-separated groups: " + ",".join(GROUPS))
    parser.add_argument("--runs", type=int, default=None, help="terminal runs per figure (5)")
    parser.add_argument("--root", type=Path, default=None, help="scratch folder (system temp)")
    parser.add_argument("--corpus", type=Path, default=None, help="measure this folder instead")
    parser.add_argument(
        "--no-terminal", action="store_true", help="skip the measurements that need tmux"
    )
    parser.add_argument(
        "--commit", default=None, help="measure this commit (git archive) instead of the tree"
    )
    args = parser.parse_args(argv)
    only = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = sorted(set(only) - set(GROUPS))
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    args.groups = only or list(GROUPS)
    if args.large and args.n is not None:
        parser.error("--large is -n 100000: give one of them")
    if args.n is None:
        args.n = LARGE_N if args.large else QUICK_N if args.quick else TARGET_N
    if args.runs is None:
        args.runs = 3 if args.quick else 5
    if args.n < 1 or args.runs < 1:
        parser.error("-n and --runs must be at least 1")
    return args


def run_groups(ws: Workspace, groups: Sequence[str], runs: int, terminal: bool) -> list[Row]:
    rows: list[Row] = []
    session: screens.Session | None = None
    try:
        for group in groups:
            started = time.perf_counter()
            if group == "load":
                rows += measures.measure_load(ws)
            elif group == "index":
                rows += measures.measure_index(ws)
            elif group == "watch":
                rows += watch_speed.measure(ws)
            elif group == "import":
                rows += import_speed.measure(ws)
            elif group == "search":
                index, why = measures.searcher(ws)
                rows += measures.measure_search(ws, index, why)
                rows += hits_export.measure(ws, index, why)
            elif group == "process":
                rows += measures.measure_process(ws, runs)
            elif not terminal:
                rows += screens.skipped(group, "run without a terminal (--no-terminal)")
            elif not screens.tmux_available():
                rows += screens.skipped(group, "tmux is not installed")
            else:
                session = session or screens.Session(ws, runs)
                rows += session.measure(group)
            print(f"  {group}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:  # never leave a private tmux server (and a reader) behind, even on a crash
        if session is not None:
            session.close()
    return rows


def header(ws: Workspace, argv: Sequence[str], code: str) -> str:
    size = sum(p.stat().st_size for p in ws.files) / 1e6
    command = shlex.join(["python", "bench/run.py", *argv])
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    return (
        f"Command: `{command}`  \n"
        f"Machine: {machine}, Textual {screens.textual_version()}  \n"
        f"Code: {code}  \n"
        f"Corpus: {ws.n:,} generated briefings ({size:,.0f} MB, seed {ws.seed}); "
        f"long briefing: {ws.long_file.name} ({ws.long_file.stat().st_size / 1e3:,.0f} kB)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse(arguments)
    started = time.perf_counter()
    print(f"preparing a corpus of {args.n:,} briefings ...", file=sys.stderr)
    ws = prepare(args.n, args.seed, root=args.root, corpus=args.corpus)
    code = working_tree_label()
    if args.commit:
        source, code = export_commit(args.commit, ws.root)
        use_source(source)
        ws = dataclasses.replace(ws, source=source)
    byte_compile(ws)
    print(f"  ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    rows = run_groups(ws, args.groups, args.runs, terminal=not args.no_terminal)
    if ws.n not in (TARGET_N, LARGE_N):  # the targets are set for these two: say so
        rows = [
            dataclasses.replace(row, verdict=f"{row.verdict} (targets set for 10,000 and 100,000)")
            if row.verdict.startswith(("met", "missed"))
            else row
            for row in rows
        ]
    print(header(ws, arguments, code))
    print()
    print(report.markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

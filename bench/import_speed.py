"""Import speed: a folder of generated briefing pages through ``briefing import``.

Usage: ``python bench/import_speed.py [-n 1000] [--seed 1]`` (also the ``import`` group of
``bench/run.py``).

The pages are generated here, deterministically (page ``i`` depends only on the seed and
``i``): half plain text as copied from a browser, half saved HTML pages with a menu, a
banner, a footer and scripts around an article, in the labelling conventions the
importer reads, with the bench's vocabulary and sizes near real pressers (a median of
about 1,800 words). Each figure stands beside a peer timed in the same run: the whole
command on every core beside the same command with ``-j 1`` (interleaved, median of
three each), and the importer in one process beside a bare read and parse of the same
files (the floor for any importer).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import report
from bench.generate import Writer, answer_words, draw_date
from bench.report import Row
from bench.workspace import Workspace, default_root

RUNS = 3
"""Runs of the command each way; the medians are shown."""
IN_PROCESS = 200
"""Pages of each kind timed in this process (the command is timed on all of them)."""
_ROLES = ("Spokesperson", "Press Secretary", "Deputy Spokesperson", "Minister")


def page(seed: int, index: int) -> tuple[str, str, list[str]]:
    """Title, date line and paragraphs of page ``index``."""
    rng = random.Random(f"import-page:{seed}:{index}")
    writer = Writer(rng, "en", [])
    surname = writer.sentence(1, "").upper()
    honorific = rng.choice(("MS.", "MR.", "SPOKESPERSON"))
    label = f"{honorific} {surname}:"
    date = draw_date(rng)
    title = f"Press Briefing by {rng.choice(_ROLES)} {surname.title()}"
    paragraphs: list[str] = []
    opening = writer.text(rng.randint(60, 250), lists=False).split("\n\n")
    paragraphs.append(f"{label} {opening[0]}")
    paragraphs += opening[1:]
    for _ in range(rng.randint(4, 12)):
        paragraphs.append("Q: " + " ".join(writer.sentences(rng.randint(12, 60), "?")))
        answer = writer.text(answer_words(rng) // 2 + 40).split("\n\n")
        paragraphs.append(f"{label} {answer[0]}")
        paragraphs += answer[1:]
    return title, f"{date:%B} {date.day}, {date.year}", paragraphs


def as_text(title: str, date: str, paragraphs: list[str]) -> str:
    return f"{title}\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


def as_html(title: str, date: str, paragraphs: list[str]) -> str:
    menu = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
    body = [
        "<p>" + "<br>\n".join(html.escape(line) for line in text.split("\n")) + "</p>"
        for text in paragraphs
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | Ministry</title>"
        "<script>window.dataLayer = window.dataLayer || [];</script>"
        "<style>body { font-family: sans-serif }</style></head><body>"
        f'<header><a href="/">Ministry</a><nav><ul>{menu}</ul></nav></header>'
        f"<main><article><header><h1>{html.escape(title)}</h1><p>{date}</p></header>"
        + "\n".join(body)
        + "</article></main><footer><p>Copyright, terms of use, contact</p></footer>"
        "</body></html>\n"
    )


def generate(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` pages, even ones as ``.txt``, odd ones as ``.html``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        title, date, paragraphs = page(seed, index)
        if index % 2 == 0:
            path = folder / f"briefing-{index:04d}.txt"
            path.write_text(as_text(title, date, paragraphs), encoding="utf-8")
        else:
            path = folder / f"briefing-{index:04d}.html"
            path.write_text(as_html(title, date, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def pages_folder(root: Path, n: int, seed: int) -> tuple[Path, list[Path]]:
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
    folder = root / f"import-pages-n{n}-s{seed}-{digest}"
    paths = sorted(folder.glob("briefing-*")) if folder.exists() else []
    if len(paths) != n:
        shutil.rmtree(folder, ignore_errors=True)
        paths = generate(folder, n, seed)
    return folder, paths


def _command(command: list[str], folder: Path, out: Path, jobs: list[str]) -> tuple[float, str]:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "import", str(folder), "-o", str(out), "--json", *jobs],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        return elapsed, (done.stderr.strip().splitlines() or ["exit status"])[-1][-300:]
    return elapsed, ""


def _in_process(paths: Sequence[Path]) -> float:
    from tui.importer.sources import Raw, import_raw

    started = time.perf_counter()
    for path in paths:
        import_raw(Raw(str(path), path.read_bytes(), path.suffix))
    return time.perf_counter() - started


def _bare(paths: Sequence[Path]) -> float:
    from selectolax.lexbor import LexborHTMLParser

    started = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".html":
            tree = LexborHTMLParser(data)
            (tree.body or tree.root).text(separator="\n")  # type: ignore[union-attr]
        else:
            data.decode("utf-8").split("\n")
    return time.perf_counter() - started


def measure_import(command: list[str], root: Path, n: int, seed: int) -> list[Row]:
    folder, paths = pages_folder(root, n, seed)
    texts = [p for p in paths if p.suffix == ".txt"]
    htmls = [p for p in paths if p.suffix == ".html"]
    measure = f"import {n:,} pages ({len(texts):,} text, {len(htmls):,} HTML), files/s"
    out = root / "import-out"
    pools: list[float] = []
    singles: list[float] = []
    for _ in range(RUNS):  # interleaved, so that both suffer the same neighbours
        for jobs, times in (([], pools), (["-j", "1"], singles)):
            elapsed, error = _command(command, folder, out, jobs)
            if error:
                why = f"`briefing import {' '.join(jobs)}` failed: {error}"
                return [report.not_measured("import", measure, why)]
            times.append(elapsed)
    shutil.rmtree(out, ignore_errors=True)
    pool, single = report.median(pools), report.median(singles)
    rows = [
        Row(
            "import",
            measure,
            report.rate(n, pool, "files")
            + f" ({pool:.1f} s, `briefing import DIR`, all cores; median of {RUNS})",
            report.rate(n, single, "files") + f" ({single:.1f} s, the same with `-j 1`)",
            report.times(pool, single),
        )
    ]
    for kind, group in (("text", texts[:IN_PROCESS]), ("HTML", htmls[:IN_PROCESS])):
        timed = [(_in_process(group), _bare(group)) for _ in range(RUNS)]
        ours = report.median([a for a, _ in timed])
        peer = report.median([b for _, b in timed])
        peer_what = "read + selectolax parse + text" if kind == "HTML" else "read + decode + split"
        rows.append(
            Row(
                "import",
                f"import {len(group):,} {kind} pages in one process, files/s",
                report.rate(len(group), ours, "files")
                + f" (tui.importer.sources.import_raw, median of {RUNS})",
                report.rate(len(group), peer, "files") + f" (bare {peer_what})",
                report.times(ours, peer),
            )
        )
    return rows


PAGES = 1000


def measure(ws: Workspace) -> list[Row]:
    """The ``import`` group of ``bench/run.py``: 1,000 pages (fewer in a smaller run)."""
    return measure_import(ws.command(), ws.root, min(PAGES, ws.n), ws.seed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="pages (1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed (1)")
    parser.add_argument("--root", type=Path, default=None, help="scratch folder (system temp)")
    args = parser.parse_args(argv)
    root = args.root or default_root()
    root.mkdir(parents=True, exist_ok=True)
    script = Path(sys.executable).with_name("briefing")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "tui"]
    rows = measure_import(command, root, args.n, args.seed)
    print(f"Command: `python bench/import_speed.py {' '.join(argv or sys.argv[1:])}`".rstrip())
    print()
    print(report.markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Small transcript folders for the reader tests, and a way to open the reader on them.

The files are written as YAML into a temporary folder and read through the real loader
and the real SQLite index (on a database inside that folder, never the user's cache), so
the reader is tested the way it runs. Every person, outlet and date is distinct, so a
test can tell exactly which answers are on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import yaml
from textual.pilot import Pilot
from textual.scroll_view import ScrollView
from textual.worker import WorkerCancelled

from tui.app import BriefingApp
from tui.index import Index
from tui.screens.main import MainScreen

SHANGHAI: dict[str, Any] = {
    "title": "Shanghai's bridgehead role in the Belt and Road",
    "date": "2017-10-11",
    "organizer": "Shanghai Municipal Government Information Office",
    "location": "Shanghai",
    "fidelity": "highlights",
    "source": "https://example.org/shanghai",
    "tags": ["belt-and-road", "trade"],
    "speakers": [
        {"name": "Tang Zhiping", "role": "deputy secretary general"},
        {"name": "Wang Sizheng", "role": "inspector"},
        {"name": "Li Jun", "role": "deputy director, Financial Service Office"},
    ],
    "remarks": [{"by": "Tang Zhiping", "text": "Good afternoon. Welcome."}],
    "exchanges": [
        {
            "question": {"by": "STV", "text": "What does the plan change for ports?"},
            "answers": [{"by": "Tang Zhiping", "text": "Ports will be opened further."}],
        },
        {"remark": {"by": "Tang Zhiping", "text": "Next question, please."}},
        {
            "question": {"by": "China Business News", "text": "What about financing?"},
            "answers": [
                {"by": "Wang Sizheng", "text": "Financing comes first."},
                {
                    "by": "Li Jun",
                    "text": "We take three measures:\n1. bonds;\n2. loans;\n3. insurance."
                    "\n\nSecond, the currency.",
                },
            ],
        },
        {
            "question": {"text": "A question from an unnamed journalist about tariffs."},
            "answers": [{"by": "Tang Zhiping", "text": "Tariffs are not on the agenda."}],
        },
    ],
}

FINANCE: dict[str, Any] = {
    "title": "Financial opening of the free trade zone",
    "date": "2018-01-05",
    "organizer": "Shanghai Financial Service Office",
    "fidelity": "edited",
    "tags": ["finance"],
    "speakers": [{"name": "Li Jun", "role": "director, Financial Service Office"}],
    "exchanges": [
        {
            "question": {"by": "Reuters", "text": "When will foreign banks enter?"},
            "answers": [{"by": "Li Jun", "text": "Foreign banks are welcome this year."}],
        },
        {
            "question": {"by": "STV", "text": "And insurers?"},
            "answers": [{"by": "Li Jun", "text": "Insurers follow in the spring."}],
        },
    ],
}

DEFENSE: dict[str, Any] = {
    "title": "Defense press briefing on readiness",
    "date": "2008-03-10",
    "organizer": "Department of Defense",
    "fidelity": "verbatim",
    "tags": ["defense"],
    "speakers": [{"name": "Geoff Morrell", "role": "press secretary"}],
    "exchanges": [
        {
            "question": {"by": "Reuters", "text": "Is readiness improving?"},
            "answers": [{"by": "Geoff Morrell", "text": "Readiness is improving steadily."}],
        }
    ],
}

CORPUS = {
    "2017-10-11-shanghai": SHANGHAI,
    "2018-01-05-finance": FINANCE,
    "2008-03-10-defense": DEFENSE,
}


def write_corpus(folder: Path, briefings: dict[str, dict[str, Any]]) -> Path:
    """Write each briefing as ``<id>.yaml`` under ``folder/transcripts``."""
    root = folder / "transcripts"
    root.mkdir(parents=True, exist_ok=True)
    for briefing_id, data in briefings.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (root / f"{briefing_id}.yaml").write_text(text, encoding="utf-8")
    return root


def long_briefing(exchanges: int = 300, paragraphs: int = 10) -> dict[str, Any]:
    """A generated briefing with ``exchanges`` exchanges of ``paragraphs`` paragraphs."""
    words = [
        "trade",
        "finance",
        "ports",
        "bonds",
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "shanghai",
        "growth",
        "policy",
    ]

    def paragraph(seed: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(60))

    items = []
    for number in range(1, exchanges + 1):
        text = "\n\n".join(paragraph(number + p) for p in range(paragraphs))
        items.append(
            {
                "question": {"by": f"Outlet {number % 17}", "text": f"Question number {number}?"},
                "answers": [{"by": "Spokesperson", "text": f"Answer {number}.\n\n{text}"}],
            }
        )
    return {
        "title": "A very long briefing",
        "date": "2020-05-05",
        "speakers": [{"name": "Spokesperson", "role": "spokesperson"}],
        "exchanges": items,
    }


async def settle(pilot: Pilot[Any], delay: float = 0.2) -> None:
    """Let timers fire and every worker finish, then let the screen catch up.

    A worker's result can start another worker (summaries -> open the first briefing),
    so this repeats until a round ends with no worker running. A worker cancelled while
    waited for (a newer one replaced it) is not an error here.
    """
    await pilot.pause(delay)
    for _ in range(5):
        # A worker cancelled while waited for was replaced by a newer one: wait again.
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break


@contextlib.asynccontextmanager
async def reader(
    tmp_path: Path,
    briefings: dict[str, dict[str, Any]] | None = None,
    size: tuple[int, int] = (120, 40),
    extra: Iterable[tuple[str, str]] = (),
    memory: bool = False,
) -> AsyncIterator[tuple[BriefingApp, Pilot[Any], MainScreen]]:
    """Open the reader on a written corpus; ``extra`` adds raw files (name, text).

    ``memory`` runs it on the in-memory index (the one used when no file can be written)
    instead of an index file.
    """
    root = write_corpus(tmp_path, CORPUS if briefings is None else briefings)
    for name, text in extra:
        (root / name).write_text(text, encoding="utf-8")
    index = Index(root, memory=True) if memory else Index(root, tmp_path / "index.sqlite")
    assert index.in_memory == memory
    app = BriefingApp(index)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield app, pilot, app.main
    finally:
        index.close()


def view_text(widget: ScrollView) -> str:
    """The lines a Line API widget paints right now, as plain text."""
    lines = (widget.render_line(y).text for y in range(widget.scrollable_content_region.height))
    return "\n".join(line.rstrip() for line in lines)

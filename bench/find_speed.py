"""How long find (``f``) takes per key typed, on the longest briefings the reader meets.

``python bench/find_speed.py`` builds the Q&A document of a generated 300-exchange
briefing (about 8,000 blocks, the size the view is designed for) and of a Chinese one of
the same shape, and times :func:`tui.widgets.qa_document.mark_found` (every block
searched, as each key typed in the find bar does) for a few strings: a common word, a
phrase found nowhere, a word found nowhere, and a Chinese word. It prints the first run
(nothing folded yet) and the median of 14 more, in milliseconds. One key must stay
well under a frame (16 ms) for typing to feel immediate.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from reader_samples import long_briefing  # noqa: E402

from tui import finding  # noqa: E402
from tui.loader import load_bytes  # noqa: E402
from tui.widgets.qa_document import briefing_document, mark_found  # noqa: E402

RUNS = 15


def chinese(exchanges: int = 300, paragraphs: int = 10) -> dict[str, Any]:
    """The long briefing's shape, in Chinese sentences."""
    sentence = "我们欢迎外国银行来华投资，双方在贸易和金融领域的合作不断加深。"
    doc = long_briefing(exchanges, paragraphs)
    for item in doc["exchanges"]:
        item["answers"][0]["text"] = "\n\n".join(sentence * 4 for _ in range(paragraphs))
    return doc


def timings_ms(doc: Any, text: str) -> tuple[float, float]:
    """The first run (the first key typed after the briefing opened: nothing folded yet)
    and the median of the others (each further key)."""
    finding._folded.cache_clear()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        mark_found(doc, text)
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def main() -> None:
    import yaml

    for name, data, needles in (
        ("300 exchanges, English", long_briefing(), ["trade", "policy of", "zanzibar"]),
        ("300 exchanges, Chinese", chinese(), ["外国银行", "zanzibar"]),
    ):
        data = {**data, "date": dt.date(2020, 5, 5)}
        text = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
        briefing, problems = load_bytes(text, "bench.yaml")
        assert briefing is not None, problems
        doc = briefing_document(briefing)
        for needle in needles:
            first, then = timings_ms(doc, needle)
            print(
                f"{name} ({len(doc.blocks)} blocks): find {needle!r}: first key "
                f"{first:.1f} ms, each further key {then:.1f} ms, {len(doc.matches)} matches"
            )


if __name__ == "__main__":
    main()

"""The benchmark's result rows and their Markdown table.

Every figure is printed beside its peer measured in the same run, with the ratio and the
target, because the machine is shared and noisy: absolute numbers drift from run to run,
ratios against a peer that suffered the same noise do not.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One line of the table. ``verdict`` is "met", "missed by ...", "no target" or why not."""

    group: str
    measure: str
    ours: str
    peer: str
    ratio: str
    target: str = "—"
    verdict: str = "no target"


def not_measured(group: str, measure: str, why: str) -> Row:
    return Row(group, measure, "not measured", "—", "—", "—", f"not measured: {why}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def rate(count: int, seconds: float, unit: str) -> str:
    return f"{count / seconds:,.0f} {unit}/s"


def times(ours: float, peer: float) -> str:
    """``ours`` and ``peer`` are durations: say how many times slower or faster ours is."""
    if ours <= 0 or peer <= 0:
        return "—"
    if ours >= peer:
        return f"{ours / peer:.2f}x the peer's time"
    return f"{peer / ours:.1f}x faster"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: p95 of 50 queries is the 48th fastest, a real query's time."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def verdict(ok: bool, miss: str) -> str:
    return "met" if ok else f"missed: {miss}"


def markdown(rows: Sequence[Row]) -> str:
    header = "| measure | briefing | peer (same run) | ratio | target | verdict |"
    lines = [header, "| --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        cells = (r.measure, r.ours, r.peer, r.ratio, r.target, r.verdict)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)

"""What ``briefing import`` prints when it is done: per file, as a table, or as JSON.

One input gets the lines it always had (what was written, or with ``--dry-run`` the word
counts); several get a table, one row per input in the order given, and a count, so
that a folder of five hundred pages ends with what happened to each. ``--json`` prints
one object for scripts instead, with every field of the table and the words' accounting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from tui.importer import Imported
from tui.plural import count
from tui.subcommands.import_batch import Outcome


def left_out(result: Imported) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in result.accounting.dropped.items() if n)


def counts(name: str, result: Imported) -> str:
    """The ``--dry-run`` lines: what would be written and where every word went."""
    words = result.accounting
    dropped = left_out(result)
    return (
        f"{name}: {result.id}.yaml: {count(result.speakers, 'speaker')}, "
        f"{count(result.remarks, 'remark')}, {count(result.exchanges, 'exchange')}, "
        f"{len(result.notes)} to check\n"
        f"  date held: {_field(result, 'date')}; published: {_field(result, 'published')}\n"
        f"  words: {words.body} in the body = {words.labels} in speaker labels "
        f"+ {words.written} written; none lost"
        + (f"\n  left out as not said: {dropped}" if dropped else "")
        + "".join(f"\n    {d.line}: {d.kind}: {_short(d.text)}" for d in words.lines)
    )


def _field(result: Imported, key: str) -> str:
    m = re.search(rf"^{key}: (\S+)$", result.text, re.MULTILINE)
    return m.group(1) if m else "none"


def _short(text: str, width: int = 72) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def wrote(outcome: Outcome) -> str:
    result = outcome.result
    assert result is not None
    return (
        f"wrote {outcome.output} from {outcome.name}: {count(result.exchanges, 'exchange')}, "
        f"{count(result.remarks, 'remark')}, {result.accounting.written} words (none lost), "
        f"{len(result.notes)} to check"
    )


COLUMNS = ("file", "date", "exchanges", "speakers", "warnings", "status")


def _row(outcome: Outcome) -> tuple[str, ...]:
    result = outcome.result
    status = outcome.status
    if outcome.output is not None:
        status = f"written {outcome.output.name}"
    if result is None:
        return (outcome.name, "—", "—", "—", "—", status)
    return (
        outcome.name,
        outcome.date or "—",
        str(result.exchanges),
        str(result.speakers),
        str(len(result.notes)),
        status,
    )


def table(outcomes: Sequence[Outcome]) -> str:
    """The summary: numbers right-aligned, a total line below."""
    rows = [COLUMNS, *(_row(o) for o in outcomes)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if 2 <= i <= 4 else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    lines.append(total(outcomes))
    return "\n".join(lines)


def total(outcomes: Sequence[Outcome]) -> str:
    tally: dict[str, int] = {}
    for outcome in outcomes:
        tally[outcome.status] = tally.get(outcome.status, 0) + 1
    parts = [f"{n} {status}" for status, n in tally.items()]
    return f"{count(len(outcomes), 'input')}: " + ", ".join(parts)


def _entry(outcome: Outcome) -> dict[str, Any]:
    entry: dict[str, Any] = {"input": outcome.name, "kind": outcome.kind or None}
    entry["status"] = outcome.status
    entry["output"] = str(outcome.output) if outcome.output is not None else None
    entry["error"] = f"{outcome.where}: {outcome.error}" if outcome.error else None
    result = outcome.result
    if result is not None:
        words = result.accounting
        entry.update(
            id=result.id,
            date=outcome.date,
            exchanges=result.exchanges,
            remarks=result.remarks,
            speakers=result.speakers,
            warnings=list(outcome.warnings),
            words={
                "body": words.body,
                "labels": words.labels,
                "written": words.written,
                "left_out": {k: n for k, n in words.dropped.items() if n},
            },
        )
    return entry


def as_json(outcomes: Sequence[Outcome], dry_run: bool) -> str:
    tally = {"written": 0, "checked": 0, "refused": 0, "failed": 0}
    for outcome in outcomes:
        tally[outcome.status] = tally.get(outcome.status, 0) + 1
    document = {"dry_run": dry_run, **tally, "inputs": [_entry(o) for o in outcomes]}
    return json.dumps(document, ensure_ascii=False, indent=2)

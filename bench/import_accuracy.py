"""How well plain ``briefing import FILE`` attributes real transcripts.

``python bench/import_accuracy.py`` imports every raw sample in ``../shared/raw`` that has
a hand-checked transcript (``NAME.expected.yaml`` beside it, or one in
``tests/importer/expected/`` named by the sample's date and name), with no options at
all, and compares the two exchange by exchange: who asked, who answered (by canonical
name, in order) and the words. It prints one row per sample (exchanges matched of those
expected, the share of the expected words found in order, whether the date held is
right) and the overall share of exchanges attributed; then the same for the hand-written
variants in ``tests/importer/variants``, which no rule was worked out on.

An exchange counts as matched when an imported exchange has nearly the same question
(most of its words in common), the same asker (or none where none is expected) and the
same answerers in the same order. Remarks between exchanges (a moderator calling the
next asker, closing words) are not exchanges and are not counted; the hand-checked
transcripts may leave them out.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "raw"
EXPECTED = ROOT / "tests" / "importer" / "expected"
VARIANTS = ROOT / "tests" / "importer" / "variants"
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+")
SAME_QUESTION = 0.8
"""Share of words two question texts must share to be the same question."""


@dataclass(frozen=True, slots=True)
class Row:
    sample: str
    matched: int
    total: int
    full_names: int
    words: float
    date_right: bool
    error: str | None = None


def expected_for(raw: Path) -> Path | None:
    """The hand-checked transcript of a raw sample, if there is one."""
    beside = raw.with_name(f"{raw.stem}.expected.yaml")
    if beside.exists():
        return beside
    m = _ISO.search(raw.stem)
    if m is None:
        return None
    ident = "-".join(
        p
        for p in (m.group(0), raw.stem[: m.start()].strip("-"), raw.stem[m.end() :].strip("-"))
        if p
    )
    bundled = EXPECTED / f"{ident}.yaml"
    return bundled if bundled.exists() else None


def samples() -> list[tuple[Path, Path]]:
    out = []
    for raw in sorted(RAW.glob("*")):
        if raw.name.endswith(".expected.yaml") or raw.name == "README.md" or not raw.is_file():
            continue
        found = expected_for(raw)
        if found is not None:
            out.append((raw, found))
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


Exch = tuple[str | None, tuple[str, ...], list[str]]


def names(data: dict[str, Any]) -> dict[str, str]:
    """Every name and alias of the transcript's speakers -> the speaker's name."""
    canon: dict[str, str] = {}
    for speaker in data.get("speakers") or []:
        name = str(speaker["name"])
        for key in [name, *(speaker.get("aliases") or [])]:
            canon.setdefault(str(key).casefold(), name)
    return canon


def exchanges(data: dict[str, Any], canon: dict[str, str] | None = None) -> list[Exch]:
    """(asker, answerers by canonical name, question words) of every exchange."""
    canon = names(data) if canon is None else canon
    out: list[Exch] = []
    for item in data.get("exchanges") or []:
        if "question" not in item:
            continue
        question = item["question"]
        by = question.get("by")
        answers = tuple(
            canon.get(str(a.get("by")).casefold(), str(a.get("by"))) for a in item["answers"] or []
        )
        out.append((str(by) if by else None, answers, _words(str(question.get("text") or ""))))
    return out


def all_words(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for remark in data.get("remarks") or []:
        out += _words(str(remark["text"]))
    for item in data.get("exchanges") or []:
        if "question" in item:
            out += _words(str(item["question"].get("text") or ""))
            for answer in item["answers"] or []:
                out += _words(str(answer["text"]))
    return out


def _same_question(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return a == b
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= SAME_QUESTION * max(len(a), len(b))


def _same_asker(got: str | None, want: str | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return " ".join(got.split()).casefold() == " ".join(want.split()).casefold()


def as_expected(actual: dict[str, Any], expected: dict[str, Any]) -> dict[str, str]:
    """Each imported speaker's name -> the expected speaker it is: the one whose name or
    alias is the imported speaker's name or one of its aliases (a record that never
    prints a full name can only be named as it prints it)."""
    want = names(expected)
    out: dict[str, str] = {}
    for speaker in actual.get("speakers") or []:
        name = str(speaker["name"])
        keys = [name, *(speaker.get("aliases") or [])]
        found = next((want[k.casefold()] for k in keys if k.casefold() in want), name)
        for key in keys:
            out.setdefault(str(key).casefold(), found)
    return out


@dataclass(frozen=True, slots=True)
class Compared:
    matched: int
    total: int
    full_names: int
    words: float


def compare(actual: dict[str, Any], expected: dict[str, Any]) -> Compared:
    """Exchanges matched (same question, asker and answerers, a speaker known by its
    name or an alias), of those expected; of the matched, those whose answerers carry the
    expected names; the share of expected words found in order."""
    got, want = exchanges(actual, as_expected(actual, expected)), exchanges(expected)
    plain = exchanges(actual)
    matched = full = 0
    start = 0
    for asker, answerers, question in want:
        for index in range(start, len(got)):
            if _same_question(got[index][2], question):
                start = index + 1
                if _same_asker(got[index][0], asker) and got[index][1] == answerers:
                    matched += 1
                    full += plain[index][1] == answerers
                break
    a, e = all_words(actual), all_words(expected)
    matcher = difflib.SequenceMatcher(None, a, e, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return Compared(matched, len(want), full, same / len(e) if e else 1.0)


def measure(raw: Path, expected: Path) -> Row:
    import yaml

    from tui.importer import ImportFailed, import_bytes

    want = yaml.safe_load(expected.read_text(encoding="utf-8"))
    total = len(exchanges(want))
    try:
        result = import_bytes(raw.read_bytes(), raw.name)
    except ImportFailed as exc:
        return Row(raw.name, 0, total, 0, 0.0, False, exc.message)
    got = yaml.safe_load(result.text)
    c = compare(got, want)
    return Row(raw.name, c.matched, c.total, c.full_names, c.words, got["date"] == want["date"])


def measure_variant(path: Path, want: dict[str, Any]) -> Row:
    """A hand-written variant (``tests/importer/variants``): its exchanges as
    ``[asker, [answerers]]`` and its speakers' names, from ``expected.json``."""
    import yaml

    from tui.importer import ImportFailed, import_bytes

    total = len(want["exchanges"])
    try:
        result = import_bytes(path.read_bytes(), path.name)
    except ImportFailed as exc:
        return Row(path.name, 0, total, 0, -1.0, False, exc.message)
    got = yaml.safe_load(result.text)
    canon = names(got)
    found = [
        [item["question"].get("by"), [canon.get(str(a["by"]).casefold()) for a in item["answers"]]]
        for item in got.get("exchanges") or []
        if "question" in item
    ]
    matched = sum(1 for a, b in zip(found, want["exchanges"], strict=False) if a == b)
    full = matched if {s["name"] for s in got["speakers"]} >= set(want["speakers"]) else 0
    return Row(path.name, matched, total, full, -1.0, str(got["date"]) == want["date"])


def table(rows: list[Row]) -> str:
    width = max(len(r.sample) for r in rows)
    lines = [f"{'sample':<{width}}  exchanges  full names  words %  date", "-" * (width + 39)]
    for r in rows:
        exch = f"{r.matched}/{r.total}"
        date = "yes" if r.date_right else "NO"
        said = f"{100 * r.words:7.1f}" if r.words >= 0 else "      -"
        line = f"{r.sample:<{width}}  {exch:>9}  {r.full_names:>10}  {said}  {date}"
        if r.error:
            line += f"  (failed: {r.error})"
        lines.append(line)
    matched, total = sum(r.matched for r in rows), sum(r.total for r in rows)
    share = matched / total if total else 0.0
    full = sum(r.full_names for r in rows)
    lines.append("-" * (width + 39))
    lines.append(
        f"exchanges attributed: {matched}/{total} = {100 * share:.1f}% "
        f"({full} with the expected full names); "
        f"dates right: {sum(r.date_right for r in rows)}/{len(rows)}"
    )
    return "\n".join(lines)


def main() -> int:
    """``--source DIR`` measures the ``tui`` package of an exported tree (another commit)."""
    if len(sys.argv) == 3 and sys.argv[1] == "--source":
        sys.path.insert(0, str(ROOT))
        from bench.source_cli import use_source

        use_source(Path(sys.argv[2]))
    else:
        sys.path.insert(0, str(ROOT))
    found = samples()
    if not found:
        print(f"no raw samples with expected transcripts in {RAW}", file=sys.stderr)
        return 1
    print(table([measure(raw, expected) for raw, expected in found]))
    listed = VARIANTS / "expected.json"
    if listed.exists():
        wanted = json.loads(listed.read_text(encoding="utf-8"))
        print()
        print("Hand-written variants (tests/importer/variants; words are not compared):")
        print(
            table([measure_variant(VARIANTS / name, want) for name, want in sorted(wanted.items())])
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

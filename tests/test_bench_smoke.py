"""A small-N run of the benchmark: the generator's output is valid and every row is there.

The benchmark itself is not a test (speed is measured by ``make bench``, never asserted);
this only proves, on 20 briefings, that the generated corpus loads with zero problems,
is deterministic, has the shape the benchmark relies on, and that one run of the
measurements that need no terminal prints a table with a row for every figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate, run  # noqa: E402
from bench.workspace import prepare  # noqa: E402
from tui.loader import load_paths  # noqa: E402


def test_generated_briefings_load_without_problems(tmp_path: Path) -> None:
    paths = generate.generate(tmp_path, 20, seed=7)
    result = load_paths([tmp_path])
    assert [str(p) for p in result.problems] == []
    assert result.files == 20
    briefings = result.corpus.briefings
    assert len(briefings) == 20
    for briefing in briefings:
        assert 5 <= briefing.question_count <= 40
        assert briefing.speakers
    assert len({b.id for b in briefings}) == 20
    assert {p.parent.name for p in paths} <= {str(y) for y in range(2015, 2026)}


def test_generator_is_deterministic_and_prefix_stable(tmp_path: Path) -> None:
    first = generate.generate(tmp_path / "a", 5, seed=3)
    second = generate.generate(tmp_path / "b", 8, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second[:5]]
    other = generate.generate(tmp_path / "c", 5, seed=4)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_corpus_has_chinese_lists_and_unnamed_askers(tmp_path: Path) -> None:
    generate.generate(tmp_path, 120, seed=1)
    documents = [
        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in tmp_path.rglob("*.yaml")
    ]
    assert any(d["language"] == "zh-Hans" for d in documents)
    questions = [e["question"] for d in documents for e in d["exchanges"] if "question" in e]
    assert any("by" not in q for q in questions)
    answers = [a["text"] for d in documents for e in d["exchanges"] for a in e.get("answers", [])]
    assert any("\n1. " in a or a.startswith("1. ") for a in answers)
    assert len({s["name"] for d in documents for s in d["speakers"]}) > 50


def test_fixed_exchange_count_gives_the_long_briefing(tmp_path: Path) -> None:
    (path,) = generate.generate(tmp_path, 1, seed=1, exchanges=60)
    result = load_paths([path])
    assert result.problems == []
    assert result.corpus.briefings[0].question_count == 60


def test_generate_cli_writes_n_files(tmp_path: Path) -> None:
    assert generate.main([str(tmp_path), "-n", "3", "--seed", "2"]) == 0
    assert len(list(tmp_path.rglob("*.yaml"))) == 3


def test_quick_run_prints_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = prepare(20, 1, root=tmp_path)
    rows = run.run_groups(ws, run.GROUPS, runs=1, terminal=False)
    assert {row.group for row in rows} == set(run.GROUPS)
    measured = {row.group: row for row in rows if not row.verdict.startswith("not measured")}
    assert "files/s" in measured["load"].ours
    assert "briefings/s" in measured["index"].ours
    assert "ms" in measured["search"].ours
    assert "ms" in measured["watch"].ours
    assert "files/s" in measured["import"].ours
    assert run.main(["-n", "20", "--no-terminal", "--root", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    for row in rows:
        assert row.measure in printed
    assert "| measure | briefing | peer (same run) | ratio | target | verdict |" in printed

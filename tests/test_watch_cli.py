"""``briefing watch`` as a person or a cron job runs it: add, list, remove, look, --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from index_samples import SAMPLE, briefing

from tui.cli import main
from tui.saved_searches import SavedSearches

if TYPE_CHECKING:
    from conftest import Archive

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def root(archive: Archive) -> Path:
    return archive(SAMPLE)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "index.sqlite3"


def add_briefing(root: Path, doc: dict[str, Any]) -> None:
    (root / f"{doc['id']}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


def test_add_list_and_remove(capsys: Capture) -> None:
    assert main(["watch", "add", "tariffs", "tariff* NOT steel"]) == 0
    assert capsys.readouterr().out == "saved 'tariffs': tariff* NOT steel\n"
    assert main(["watch", "add", "budget", '"budget deficit"']) == 0
    capsys.readouterr()
    assert main(["watch", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        'budget   "budget deficit"',
        "tariffs  tariff* NOT steel",
    ]
    assert main(["watch", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(row["name"], row["query"]) for row in listed] == [
        ("budget", '"budget deficit"'),
        ("tariffs", "tariff* NOT steel"),
    ]
    assert main(["watch", "remove", "Tariffs"]) == 0
    assert capsys.readouterr().out == "removed 'tariffs' (tariff* NOT steel)\n"
    assert [s.name for s in SavedSearches().all()] == ["budget"]


def test_a_malformed_query_is_refused_with_its_column(capsys: Capture) -> None:
    assert main(["watch", "add", "roads", 'belt "and road']) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        'briefing watch: column 6: this quote is never closed; add a closing "',
        '    belt "and road',
        "         ^",
    ]
    assert SavedSearches().all() == []


def test_a_taken_name_needs_replace(capsys: Capture) -> None:
    assert main(["watch", "add", "budget", "budget"]) == 0
    assert main(["watch", "add", "Budget", "deficit"]) == 2
    assert "a saved search named 'budget' exists; give --replace" in capsys.readouterr().err
    assert main(["watch", "add", "Budget", "deficit", "--replace"]) == 0
    assert SavedSearches().get("budget").query == "deficit"


def test_an_unknown_name_exits_2_with_the_known_names(root: Path, capsys: Capture) -> None:
    assert main(["watch", "add", "budget", "budget"]) == 0
    assert main(["watch", "add", "trade", "trade"]) == 0
    capsys.readouterr()
    for argv in (["watch", "remove", "nope"], ["watch", "nope", str(root)], ["watch", "nope"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        known = "saved searches: budget, trade"
        assert err == f"briefing watch: no saved search named 'nope'; {known}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["watch", "add", "only-a-name"],
        ["watch", "remove"],
        ["watch", "list", "extra"],
        ["watch", "a", "b", "c"],
        ["watch", "add", "list", "budget"],
    ],
)
def test_usage_mistakes_exit_2(argv: list[str], capsys: Capture) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("briefing watch: ")


def test_watch_lists_new_hits_then_marks_them_seen(root: Path, db: Path, capsys: Capture) -> None:
    assert main(["watch", "add", "budget", "budget"]) == 0
    capsys.readouterr()
    assert main(["watch", str(root), "--index", str(db)]) == 1  # a first look: nothing new
    assert "first look in this archive, 2 hits recorded as seen" in capsys.readouterr().out
    doc = briefing("2001-05-02-old", "2001-05-02", [("Li Jun", "An old budget line.")])
    doc["source"] = "https://example.org/2001-05-02"
    add_briefing(root, doc)
    assert main(["watch", "budget", str(root), "--index", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("budget  (budget): 1 new since ")
    assert out[1:] == [
        "  2001-05-02  2001-05-02-old#q1.a1  Li Jun",
        "      An old budget line.",
        "      https://example.org/2001-05-02",
    ]
    assert main(["watch", "budget", str(root), "--index", str(db)]) == 1
    assert capsys.readouterr().out.startswith("budget  (budget): 0 new since ")


def test_json_for_scripts_and_peek(root: Path, db: Path, capsys: Capture) -> None:
    assert main(["watch", "add", "budget", "budget"]) == 0
    assert main(["watch", "add", "trade", "trade"]) == 0
    assert main(["watch", str(root), "--index", str(db), "--json"]) == 1
    first = json.loads(capsys.readouterr().out.split("\n", 2)[2])
    assert [(r["name"], r["first_look"], r["new"]) for r in first] == [
        ("budget", True, []),
        ("trade", True, []),
    ]
    add_briefing(root, briefing("2024-01-09-x", "2024-01-09", [("Wang Yi", "Trade, budget.")]))
    argv = ["watch", str(root), "--index", str(db), "--json"]
    assert main([*argv, "--peek"]) == 0
    peeked = json.loads(capsys.readouterr().out)
    assert main(argv) == 0
    looked = json.loads(capsys.readouterr().out)
    assert [r["marked_seen"] for r in peeked] == [False, False]
    assert [r["marked_seen"] for r in looked] == [True, True]
    for report in (peeked, looked):
        budget = report[0]
        assert budget["query"] == "budget" and budget["archive"] == str(root.resolve())
        assert budget["new_count"] == 1 and budget["hits_now"] == 3
        assert budget["last_looked_at"] is not None
        assert budget["new"] == [
            {
                "date": "2024-01-09",
                "briefing": "2024-01-09-x",
                "title": "Briefing 2024-01-09-x",
                "ref": "2024-01-09-x#q1.a1",
                "kind": "answer",
                "speaker": "Wang Yi",
                "role": None,
                "text": "Trade, budget.",
                "url": None,
            }
        ]
    assert main(argv) == 1
    assert [r["new_count"] for r in json.loads(capsys.readouterr().out)] == [0, 0]


def test_a_path_alone_is_the_archive_and_a_missing_one_a_usage_error(
    root: Path, db: Path, tmp_path: Path, capsys: Capture
) -> None:
    assert main(["watch", "add", "budget", "budget"]) == 0
    capsys.readouterr()
    assert main(["watch", str(root), "--index", str(db), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["archive"] == str(root.resolve())
    assert main(["watch", "budget", str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_without_saved_searches_watch_says_how_to_add_one(root: Path, capsys: Capture) -> None:
    assert main(["watch", str(root), "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert "no saved searches yet; add one: briefing watch add NAME QUERY" in err


def test_a_damaged_store_is_reported_and_kept(root: Path, capsys: Capture) -> None:
    path = SavedSearches().path
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not sqlite " * 100)
    for argv in (["watch", "list"], ["watch", "add", "x", "budget"], ["watch", str(root)]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"briefing watch: {path}: damaged (")
        assert err.count("\n") == 1
    assert path.read_bytes() == b"not sqlite " * 100


def test_a_saved_query_that_no_longer_parses_is_reported_and_the_rest_shown(
    root: Path, db: Path, capsys: Capture
) -> None:
    import sqlite3

    assert main(["watch", "add", "budget", "budget"]) == 0
    assert main(["watch", "add", "broken", "placeholder"]) == 0
    conn = sqlite3.connect(SavedSearches().path)
    conn.execute("UPDATE searches SET query = '(tariffs' WHERE name = 'broken'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["watch", str(root), "--index", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "broken  ((tariffs): cannot be run (the reason is below)" in out
    assert "budget  (budget): first look in this archive, 2 hits recorded as seen" in out
    assert err == (
        "briefing watch: 'broken': its query cannot be run: column 1: "
        "this '(' is never closed; add a ')'\n"
    )

"""``briefing index`` and ``briefing search`` as a person or a script runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE, briefing

from tui.cli import main
from tui.safetext import visible
from tui.subcommands.search import emphasise
from tui.wrap import wrap_spans

if TYPE_CHECKING:
    from conftest import Archive


@pytest.fixture
def root(archive: Archive) -> Path:
    return archive(SAMPLE)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "index.sqlite3"


def test_index_reports_what_it_did_and_then_only_changes(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(root), "--index", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("3 indexed, 0 unchanged, 0 removed, 0 failed in ")
    assert f"index: {db}" in out
    assert err == ""  # no progress line when stderr is not a terminal
    (root / "2019-03-05-mfa.yaml").unlink()
    assert main(["index", str(root), "--index", str(db)]) == 0
    assert capsys.readouterr().out.startswith("0 indexed, 2 unchanged, 1 removed, 0 failed")
    assert main(["index", str(root), "--index", str(db), "--rebuild"]) == 0
    assert capsys.readouterr().out.startswith("2 indexed, 0 unchanged, 0 removed, 0 failed")


def test_index_exits_1_and_lists_files_that_failed(
    archive: Archive, root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive.write(root, "bad.yaml", "title: No date\nspeakers: []\nexchanges: []\n")
    assert main(["index", str(root), "--index", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("3 indexed, 0 unchanged, 0 removed, 1 failed")
    assert "bad.yaml:" in err and "problem(s) above" in err


def test_index_that_cannot_be_kept_is_a_failure_not_a_success(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /proc refuses new files even to root: a place where nothing can be written
    where = Path("/proc/briefing-index.sqlite3")
    assert main(["index", str(root), "--index", str(where)]) == 1
    out, err = capsys.readouterr()
    assert "index: in memory" not in out
    assert f"briefing index: nothing was kept: {where} cannot be written" in err
    assert not where.exists()


def test_index_of_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_search_prints_a_plain_table_when_not_a_terminal(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "financ*", str(root), "--index", str(db)]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        "2017-10-11  2017-10-11-shanghai#q1.a1  Tang Zhiping",
        "    The Belt and Road strategy brings financing to Shanghai.",
        "",
        "2017-10-11  2017-10-11-shanghai#q1.a2  Wang Sizheng",
        "    Financial services will open further.",
    ]
    assert "\x1b" not in out


def test_search_json_limit_and_relevance(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["search", "budget OR tariffs", str(root), "--index", str(db), "--json"]
    assert main([*args, "--limit", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["ref"] for h in hits] == ["2021-06-15-trade#q1", "2019-03-05-mfa#q1"]
    assert hits[0] == {
        "briefing": "2021-06-15-trade",
        "title": "Briefing 2021-06-15-trade",
        "date": "2021-06-15",
        "ref": "2021-06-15-trade#q1",
        "kind": "question",
        "person": "Bloomberg",
        "role": None,
        "snippet": "What about the budget deficit?",
        "spans": [[15, 21]],
        "terms": ["budget", "tariffs"],
    }
    assert main([*args, "--relevance"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert sorted(h["ref"] for h in ranked) == sorted(
        ["2021-06-15-trade#q1", "2019-03-05-mfa#q1", "2019-03-05-mfa#q1.a1"]
    )


def test_search_with_a_malformed_query_exits_2_pointing_at_the_mistake(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "tax AND", str(root), "--index", str(db)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "briefing search: column 5: AND needs a term after it",
        "    tax AND",
        "        ^",
    ]
    assert not db.exists()  # nothing is indexed for a query that cannot run


def test_search_without_matches_says_so_and_exits_1_like_grep(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zebra", str(root), "--index", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "no matches for zebra" in err
    assert main(["search", "zebra", str(root), "--index", str(db), "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_an_empty_query_is_a_usage_error(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "  ", str(root), "--index", str(db)]) == 2
    assert "give something to search for" in capsys.readouterr().err


def test_search_shows_control_characters_as_symbols(
    archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = briefing("esc", "2020-01-01", [("Li Jun", "Tariffs \x1b]0;pwned\x07 rise.")])
    root = archive([doc])
    assert main(["search", "tariffs", str(root), "--index", str(tmp_path / "i.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Tariffs ␛]0;pwned␇ rise." in out


def test_terminal_helpers_keep_offsets_and_wrap_at_spaces() -> None:
    assert visible("a\x1bb\x7fc\x85") == "a␛b␡c\ufffd"
    text = "one two three four"
    assert emphasise(text, ((4, 7),), 0, len(text)) == "one \x1b[1;4mtwo\x1b[0m three four"
    assert emphasise(text, ((4, 7),), 8, len(text)) == "three four"
    assert [text[a:b].rstrip() for a, b in wrap_spans(text, 9)] == ["one two", "three", "four"]
    word = "abcdefghij"
    assert [word[a:b] for a, b in wrap_spans(word, 4)] == ["abcd", "efgh", "ij"]


def test_index_draws_a_progress_line_on_a_terminal_and_clears_it(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["index", str(root), "--index", str(db)]) == 0
    err = capsys.readouterr().err
    assert "\rbriefing index: indexing 0/3 files" in err
    assert "\rbriefing index: indexing 3/3 files" in err
    assert err.endswith("\r\x1b[K")


def test_options_may_stand_between_positional_arguments(
    root: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "financ*", "--limit", "1", str(root), "--index", str(db)]) == 0
    first = capsys.readouterr().out
    assert main(["search", "financ*", str(root), "--index", str(db), "--limit", "1"]) == 0
    assert capsys.readouterr().out == first
    assert first.strip()


SEARCH_IN_CHILD = """import atexit, json, sys
from tui.cli import main
atexit.register(lambda: print(json.dumps(sorted(
    name for name in ("textual", "rich.console", "yaml", "tui.loader", "tui.references")
    if name in sys.modules
)), file=sys.stderr))
raise SystemExit(main(sys.argv[1:]))
"""


def test_search_process_imports_only_what_it_needs(root: Path, db: Path) -> None:
    """A search from the shell is mostly start-up: it finds its hits on a warm index
    without Textual, PyYAML, the loader or the reader's reference parser being imported."""
    assert main(["index", str(root), "--index", str(db)]) == 0  # warm
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(
        [sys.executable, "-c", SEARCH_IN_CHILD, "search", "budget", str(root), "--index", str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "#q" in done.stdout  # it did find hits
    assert json.loads(done.stderr.splitlines()[-1]) == []

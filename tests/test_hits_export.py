"""Search results as data: CSV, JSON Lines and Markdown, from the index and from the command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from index_samples import briefing

from tui.cli import main
from tui.hits_export import FIELDS, HIT_FORMATS, render_hits
from tui.index import Index
from tui.library import SearchHit

if TYPE_CHECKING:
    from conftest import Archive

# Text a spreadsheet must get exactly: commas, quotes, a line break, a blank line,
# a control character, a bidi override, Markdown and Rich look-alikes, CJK.
TRICKY = (
    'The levy, as "agreed", stays.\nSecond line; 50% of [bold]ports[/].\n\n'
    "Escape \x1b]0;title\x07 here and \u202eright-to-left. 我们支持港口。 *levy* <b>x</b>"
)


def _docs() -> list[dict[str, Any]]:
    first = briefing(
        "2020-02-03-harbour",
        "2020-02-03",
        [("Ines Carvalho", TRICKY)],
        asker="Maritime Weekly",
        question="Will the levy change?",
        roles={"Ines Carvalho": "harbour commissioner, Port of Lisbon"},
    )
    first.update(organizer="Port Authority", source="https://example.org/port/2020-02-03")
    second = briefing(
        "2021-04-05-harbour",
        "2021-04-05",
        [("Tomas Reyes", "No new levy this year.")],
        asker=None,
        question="What about the levy on ferries?",
    )
    return [first, second]


@pytest.fixture
def index(archive: Archive) -> Index:
    return archive.indexed(_docs())


@pytest.fixture
def root(archive: Archive) -> Path:
    return archive(_docs())


def _expected(hit: SearchHit) -> dict[str, str]:
    """The record each format must carry, read from the hit's own fields."""
    return {
        "date": hit.date.isoformat(),
        "briefing": hit.briefing_id,
        "title": hit.title,
        "reference": hit.ref,
        "kind": hit.kind,
        "who": hit.person or "unnamed journalist",
        "role": hit.role or "",
        "organizer": hit.organizer or "",
        "text": hit.text,
        "url": hit.url or "",
    }


def test_hits_carry_the_whole_text_organizer_and_url(index: Index) -> None:
    hits = index.search("levy", limit=None)
    by_ref = {hit.ref: hit for hit in hits}
    answer = by_ref["2020-02-03-harbour#q1.a1"]
    assert answer.text == TRICKY
    assert answer.organizer == "Port Authority"
    assert answer.url == "https://example.org/port/2020-02-03"
    assert by_ref["2021-04-05-harbour#q1"].organizer is None


def test_csv_parses_back_to_the_index_hits_exactly(index: Index) -> None:
    hits = index.search("levy", limit=None)
    assert len(hits) == 4
    text = render_hits(hits, "levy", "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [_expected(hit) for hit in hits]
    assert text.startswith(",".join(FIELDS) + "\r\n")
    assert '"The levy, as ""agreed"", stays.\n' in text  # RFC 4180 quoting


def test_csv_with_no_hits_is_the_header_alone(index: Index) -> None:
    assert render_hits(index.search("nothingmatches", limit=None), "x", "csv") == (
        "date,briefing,title,reference,kind,who,role,organizer,text,url\r\n"
    )


def test_jsonl_is_one_object_per_line_with_the_exact_text(index: Index) -> None:
    hits = index.search("levy", limit=None)
    lines = render_hits(hits, "levy", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [_expected(hit) for hit in hits]


def test_on_a_terminal_the_data_is_display_safe_and_keeps_its_shape(index: Index) -> None:
    hits = index.search("levy", limit=None)
    text = render_hits(hits, "levy", "csv", terminal=True)
    assert "\x1b" not in text and "\u202e" not in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    answer = next(row for row in rows if row["reference"] == "2020-02-03-harbour#q1.a1")
    assert len(answer["text"]) == len(TRICKY)
    assert "␛]0;title␇" in answer["text"]


def test_markdown_lists_each_hit_with_its_citation_and_escapes_the_text(index: Index) -> None:
    hits = index.search("levy", limit=None)
    text = render_hits(hits, "levy", "md")
    assert text.startswith("# Search: levy\n\n4 hits.\n")
    assert "\x1b" not in text and "\u202e" not in text
    # newest first, in reading order: the question, then its answer
    assert "1. **2021-04-05, Briefing 2021-04-05-harbour (2021-04-05-harbour#q1)**" in text
    assert "2. **2021-04-05, Briefing 2021-04-05-harbour (2021-04-05-harbour#q1.a1)**" in text
    assert "   — unnamed journalist\n" in text
    assert (
        "   — Ines Carvalho, harbour commissioner, Port of Lisbon · Port Authority · "
        "<https://example.org/port/2020-02-03>" in text
    )
    assert r"\[bold\]ports\[/\]" in text and r"\*levy\*" in text and r"\<b\>" in text


def test_formats_come_from_one_table() -> None:
    assert list(HIT_FORMATS) == ["csv", "jsonl", "md"]
    with pytest.raises(ValueError, match="csv, jsonl, md"):
        render_hits([], "x", "xlsx")


# --- the command ----------------------------------------------------------------------------


def test_search_format_csv_writes_every_hit(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cache" / "search.sqlite3"
    assert main(["search", "levy", str(root), "--index", str(db), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert len(rows) == 4
    assert rows[-1]["text"] == TRICKY  # a pipe gets the exact text
    assert main(["search", "levy", str(root), "--index", str(db), "-f", "csv", "--limit", "1"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))) == 1


def test_search_format_to_a_file_and_no_overwrite_unasked(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cache" / "search.sqlite3"
    out = tmp_path / "hits.jsonl"
    args = ["search", "levy", str(root), "--index", str(db), "-f", "jsonl", "-o", str(out)]
    assert main(args) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert "wrote 4 hits to" in capsys.readouterr().err
    assert main(args) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


def test_search_format_with_no_hit_exits_1_after_the_header(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cache" / "search.sqlite3"
    assert main(["search", "zebra", str(root), "--index", str(db), "-f", "csv"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ",".join(FIELDS) + "\r\n"
    assert "no matches for zebra" in captured.err


def test_output_without_a_format_is_a_usage_error(root: Path, tmp_path: Path) -> None:
    assert main(["search", "levy", str(root), "-o", str(tmp_path / "x.csv")]) == 2


def test_json_and_format_together_are_a_usage_error(root: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["search", "levy", str(root), "--json", "-f", "csv"])
    assert exited.value.code == 2


@settings(max_examples=200, deadline=None)
@given(text=st.text(), title=st.text(min_size=1), who=st.none() | st.text())
def test_any_text_round_trips_through_csv_and_jsonl(text: str, title: str, who: str | None) -> None:
    hit = SearchHit(
        briefing_id="2020-01-01-x",
        title=title,
        date=dt.date(2020, 1, 1),
        ref="2020-01-01-x#q1.a1",
        kind="answer",
        person=who,
        role=None,
        snippet="",
        spans=(),
        terms=(),
        text=text,
    )
    (row,) = csv.DictReader(io.StringIO(render_hits([hit], "q", "csv"), newline=""))
    assert row["text"] == text and row["title"] == title and row["who"] == (who or "")
    (line,) = render_hits([hit], "q", "jsonl").splitlines()
    assert json.loads(line)["text"] == text

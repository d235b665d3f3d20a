"""Whole-briefing exports as documents: Markdown, plain text and JSON (the model as data)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from quoting_samples import (
    ASKER,
    BRIEFING_ID,
    CHINESE_ANSWER,
    GAO,
    LI,
    LOCATION,
    ORGANIZER,
    SOURCE,
    sample_briefing,
)

from tui.cli import bundled_transcripts
from tui.document_json import (
    DOCUMENT_FORMAT,
    DocumentError,
    briefing_from_data,
    briefing_from_json,
    briefing_to_data,
)
from tui.document_text import WIDTH
from tui.export import (
    BRIEFING_FORMATS,
    FORMATS,
    default_export_path,
    format_for_path,
    formats,
    render_briefing,
)
from tui.loader import load_file
from tui.model import Briefing
from tui.wrap import cells

BUNDLED = sorted(bundled_transcripts().glob("*.yaml"))


def _load(path: Path) -> Briefing:
    briefing, problems = load_file(path)
    assert briefing is not None, problems
    return briefing


# --- the table -------------------------------------------------------------------------


def test_whole_briefing_formats_are_a_table_of_their_own() -> None:
    assert [fmt.key for fmt in formats("briefing")] == ["md", "txt", "json", "akn"]
    assert [fmt.key for fmt in formats("answer")] == ["md", "txt", "json"]
    assert all(fmt.scope == "briefing" for fmt in BRIEFING_FORMATS.values())
    assert "akn" not in FORMATS  # an answer alone is not a debate record
    assert format_for_path(Path("x.xml"), "briefing") == "akn"
    assert format_for_path(Path("x.akn"), "briefing") == "akn"
    assert format_for_path(Path("x.xml")) is None
    assert default_export_path(sample_briefing(), None, "akn") == Path(
        "exports", f"{BRIEFING_ID}.xml"
    )


def test_an_unknown_whole_briefing_format_is_refused() -> None:
    with pytest.raises(ValueError, match="expected one of md, txt, json, akn"):
        render_briefing(sample_briefing(), "docx")


# --- Markdown --------------------------------------------------------------------------


def test_markdown_has_the_header_podium_and_every_exchange_in_order() -> None:
    md = render_briefing(sample_briefing(), "md")
    lines = md.splitlines()
    assert lines[0] == "# Trade & tariffs: the \\*new\\* rules"
    for field in (
        "- Held: 2019-03-05",
        "- Published: 2019-03-06",
        f"- Organizer: {ORGANIZER}",
        f"- Location: {LOCATION}",
        f"- Source: <{SOURCE}>",
        "- Fidelity: highlights (not a verbatim record)",
        f"- Briefing id: {BRIEFING_ID}",
    ):
        assert field in lines
    assert f"- {GAO.name}, {GAO.role}" in lines
    assert f"- {LI.name}, {LI.role}" in lines
    order = [
        "## Podium",
        "## Opening remarks",
        "Good afternoon.\\",  # a single line break of the record is a hard break
        "## Questions and answers",
        f"### Question 1, from {ASKER} (`{BRIEFING_ID}#q1`)",
        f"**Answer: {GAO.name}, {GAO.role}** (`{BRIEFING_ID}#q1.a1`):",
        f"**Answer: {LI.name}, {LI.role}** (`{BRIEFING_ID}#q1.a2`):",
        f"**Remark: {GAO.name}, {GAO.role}** (`{BRIEFING_ID}#r2`):",
        f"### Question 2, from an unnamed journalist (`{BRIEFING_ID}#q2`)",
        CHINESE_ANSWER,
    ]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)


def test_markdown_keeps_transcript_text_as_text() -> None:
    md = render_briefing(sample_briefing(), "md")
    assert "We have \\[bold\\]three\\[/\\] measures:\\" in md
    assert "\n1\\. lower tariffs on \\*machinery\\*;\\\n" in md
    assert "\n\\# This is not a heading, and\\_this\\_is\\_not\\_emphasis.\n" in md


def test_markdown_wraps_at_spaces_only() -> None:
    words = " ".join(f"word{n}" for n in range(60))
    address = "https://example.org/" + "a" * 120
    chinese = "我们" * 80
    briefing = sample_briefing()
    exchange = briefing.exchanges[0]
    long_answer = replace(exchange.answers[0], text=f"{words} {address}\n{chinese}")
    briefing = replace(briefing, items=(replace(exchange, answers=(long_answer,)),))
    md = render_briefing(briefing, "md")
    body = md[md.index("**Answer:") :].splitlines()[2:]
    assert body[-1] == chinese  # no space to break at: left for the renderer to wrap
    assert f"{address}\\" in body  # never cut inside an address
    wrapped = [line for line in body if line.startswith("word")]
    assert len(wrapped) > 1 and all(cells(line) <= WIDTH for line in wrapped)
    assert " ".join(wrapped).split() == words.split()


# --- plain text ------------------------------------------------------------------------


def test_plain_text_wraps_every_line_to_the_width() -> None:
    for path in BUNDLED:
        text = render_briefing(_load(path), "txt")
        too_wide = [line for line in text.splitlines() if cells(line) > WIDTH]
        assert too_wide == [], path.name


def test_plain_text_names_each_speaker_with_their_role_above_their_words() -> None:
    text = render_briefing(sample_briefing(), "txt")
    lines = text.splitlines()
    assert lines[0] == "Trade & tariffs: the *new* rules"
    assert lines[1] == "=" * len(lines[0])
    assert f"Location: {LOCATION}" in lines and f"Source: {SOURCE}" in lines
    assert "Fidelity: highlights (not a verbatim record)" in lines
    heading = f"Question 2, from an unnamed journalist [{BRIEFING_ID}#q2]"
    assert lines[lines.index(heading) + 1] == "    A question whose asker the record does not name."
    answer = lines.index(f"Answer from {LI.name}, {LI.role}") + 1
    assert lines[answer] == f"[{BRIEFING_ID}#q1.a2]"  # the heading wrapped before the reference
    assert lines[answer + 1] == "    I would add one point."
    # the record's line breaks are kept; the words are not escaped
    assert "    1. lower tariffs on *machinery*;" in lines


def test_plain_text_shows_control_characters_as_the_reader_does() -> None:
    briefing = sample_briefing()
    exchange = briefing.exchanges[1]
    answer = replace(exchange.answers[0], text="before\x1b]52;c;payload\x07after")
    text = render_briefing(replace(briefing, items=(replace(exchange, answers=(answer,)),)), "txt")
    assert "\x1b" not in text and "\x07" not in text
    assert "before␛]52;c;payload␇after" in text


# --- JSON: the model as data -----------------------------------------------------------

TOP_KEYS = [
    "format",
    "id",
    "title",
    "date",
    "published",
    "organizer",
    "location",
    "language",
    "source",
    "fidelity",
    "fidelity_note",
    "summary",
    "tags",
    "speakers",
    "remarks",
    "exchanges",
]


def test_json_keys_are_the_documented_ones() -> None:
    data = json.loads(render_briefing(sample_briefing(), "json"))
    assert list(data) == TOP_KEYS
    assert data["format"] == DOCUMENT_FORMAT == "briefing-document/1"
    assert data["speakers"][0] == {"name": GAO.name, "role": GAO.role, "aliases": list(GAO.aliases)}
    assert data["remarks"][0] == {
        "reference": f"{BRIEFING_ID}#r1",
        "number": 1,
        "by": GAO.name,
        "role": GAO.role,
        "text": "Good afternoon.\nWelcome to the briefing.",
    }
    first, remark, second = data["exchanges"]
    assert list(first) == ["question", "answers"]
    assert first["question"] == {
        "reference": f"{BRIEFING_ID}#q1",
        "number": 1,
        "by": ASKER,
        "asker": ASKER,
        "text": "What will change for exporters in 2019?",
    }
    assert [a["by"] for a in first["answers"]] == [GAO.name, LI.name]
    assert list(remark) == ["remark"]
    assert second["question"]["by"] is None
    assert second["question"]["asker"] == "unnamed journalist"
    assert data["fidelity_note"] == "highlights (not a verbatim record)"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_json_round_trips_every_bundled_briefing(path: Path) -> None:
    briefing = _load(path)
    assert briefing_from_json(render_briefing(briefing, "json")) == briefing


def test_json_round_trips_the_sample_and_a_bare_briefing() -> None:
    assert briefing_from_json(render_briefing(sample_briefing(), "json")) == sample_briefing()
    bare = replace(
        sample_briefing(None),
        published=None,
        organizer=None,
        location=None,
        language=None,
        source=None,
        remarks=(),
        items=(),
    )
    assert briefing_from_json(render_briefing(bare, "json")) == bare


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "briefing-document/9"}, "'format' must be 'briefing-document/1'"),
        ({"date": "2019-13-45"}, "'date' must be a date YYYY-MM-DD"),
        ({"title": None}, "'title' must be a string, not NoneType"),
        ({"fidelity": "rumour"}, "'fidelity' must be one of verbatim, edited, highlights"),
        ({"exchanges": {}}, "'exchanges' must be a list, not dict"),
        ({"tags": [1]}, "'tags' must be a list of strings"),
    ],
)
def test_a_damaged_document_is_refused_with_the_key_named(
    change: dict[str, object], message: str
) -> None:
    data = briefing_to_data(sample_briefing())
    data.update(change)
    with pytest.raises(DocumentError, match=message):
        briefing_from_data(data)


def test_a_damaged_exchange_is_refused_not_half_read() -> None:
    data = briefing_to_data(sample_briefing())
    data["exchanges"] = [{"question": {"reference": "x#q1", "number": "1", "text": "?"}}]
    with pytest.raises(DocumentError, match="'number' must be an integer, not str"):
        briefing_from_data(data)
    with pytest.raises(DocumentError, match="not JSON"):
        briefing_from_json("{")

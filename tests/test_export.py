"""The quote formats: exact content, citation fields, fidelity wording, escaping."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt
from quoting_samples import (
    A1,
    A2,
    ANSWER_TEXT,
    ASKER,
    BRIEFING_ID,
    LOCATION,
    ORGANIZER,
    Q1,
    Q2,
    Q2_A1,
    QUESTION_TEXT,
    REMARK_NEXT,
    REMARK_OPENING,
    SOURCE,
    TITLE,
    sample_briefing,
)

from tui.export import (
    FORMATS,
    default_export_path,
    escape_markdown,
    fidelity_wording,
    format_for_path,
    quote_of,
    render,
)
from tui.ids import slug
from tui.model import Answer


def test_markdown_is_exactly_the_quote_and_its_citation() -> None:
    expected = (
        "> Thank you for the question. We have \\[bold\\]three\\[/\\] measures:\\\n"
        "> 1\\. lower tariffs on \\*machinery\\*;\\\n"
        "> 2\\. faster customs \\<b\\>clearance\\</b\\>.\n"
        ">\n"
        "> \\# This is not a heading, and\\_this\\_is\\_not\\_emphasis.\n"
        "\n"
        "— Gao Feng, spokesperson, Ministry of Commerce\n"
        "\n"
        "- Briefing: Trade & tariffs: the \\*new\\* rules\n"
        "- Held: 2019-03-05\n"
        "- Organizer: Ministry of Commerce\n"
        "- Location: Beijing\n"
        f"- Source: <{SOURCE}>\n"
        "- Fidelity: highlights (not a verbatim record)\n"
        f"- Reference: {BRIEFING_ID}#q1.a1\n"
        "\n"
        f"In answer to a question from {ASKER} ({BRIEFING_ID}#q1):\n"
        "\n"
        f"> {QUESTION_TEXT}\n"
    )
    assert render(sample_briefing(), A1, "md") == expected


def test_plain_text_keeps_the_words_unchanged() -> None:
    expected = (
        f"{ANSWER_TEXT}\n"
        "\n"
        "— Gao Feng, spokesperson, Ministry of Commerce\n"
        "\n"
        f"Briefing: {TITLE}\n"
        "Held: 2019-03-05\n"
        f"Organizer: {ORGANIZER}\n"
        f"Location: {LOCATION}\n"
        f"Source: {SOURCE}\n"
        "Fidelity: highlights (not a verbatim record)\n"
        f"Reference: {BRIEFING_ID}#q1.a1\n"
        "\n"
        f"In answer to a question from {ASKER} ({BRIEFING_ID}#q1):\n"
        "\n"
        f"{QUESTION_TEXT}\n"
    )
    assert render(sample_briefing(), A1, "txt") == expected


def test_json_carries_every_field() -> None:
    data = json.loads(render(sample_briefing(), A1, "json"))
    assert data == {
        "kind": "answer",
        "reference": f"{BRIEFING_ID}#q1.a1",
        "text": ANSWER_TEXT,
        "by": "Gao Feng",
        "role": "spokesperson, Ministry of Commerce",
        "fidelity": "highlights",
        "fidelity_note": "highlights (not a verbatim record)",
        "briefing": {
            "id": BRIEFING_ID,
            "title": TITLE,
            "date": "2019-03-05",
            "published": "2019-03-06",
            "organizer": ORGANIZER,
            "location": LOCATION,
            "language": "en",
            "source": SOURCE,
        },
        "question": {
            "reference": f"{BRIEFING_ID}#q1",
            "asker": ASKER,
            "by": ASKER,
            "text": QUESTION_TEXT,
        },
    }


def _blockquote_text(markdown: str) -> tuple[str, set[str]]:
    """The text a CommonMark renderer shows for the first blockquote, and token types."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
    paragraphs: list[str] = []
    kinds: set[str] = set()
    for token in tokens[start + 1 : end]:
        kinds.add(token.type)
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            kinds.add(child.type)
            parts.append("\n" if child.type in ("hardbreak", "softbreak") else child.content)
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs), kinds


def test_markdown_renders_as_the_words() -> None:
    text, kinds = _blockquote_text(render(sample_briefing(), A1, "md"))
    assert text == ANSWER_TEXT
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "hardbreak"}


@pytest.mark.parametrize(
    "line",
    [
        "1) a list item",
        "- a bullet",
        "+ another",
        "===",
        "> not a quote",
        "`code` and ``more``",
        "[link](http://x.example) ![img](y.png)",
        "a | table | row",
        "~~struck~~",
        "&amp; &#65; stay entities",
        "    indented four",
        "back\\slash at the end\\",
        "## heading",
    ],
)
def test_escaped_line_renders_as_itself(line: str) -> None:
    text, kinds = _blockquote_text(f"> {escape_markdown(line)}\n")
    assert text == line.lstrip(" ")
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text"}


def test_escape_sequences_are_shown_not_sent() -> None:
    answer = Answer(f"{BRIEFING_ID}#q1.a1", 1, "Gao Feng", "Look \x1b]0;owned\x07 here\x1b[2J")
    briefing = sample_briefing()
    shown = "Look \u241b]0;owned\u2407 here\u241b[2J"
    for fmt in ("md", "txt"):
        out = render(briefing, answer, fmt)
        assert "\x1b" not in out and "\x07" not in out
    assert render(briefing, answer, "txt").startswith(shown + "\n")
    assert _blockquote_text(render(briefing, answer, "md"))[0] == shown
    assert json.loads(render(briefing, answer, "json"))["text"] == answer.text


@pytest.mark.parametrize(
    ("fidelity", "wording"),
    [
        ("highlights", "highlights (not a verbatim record)"),
        ("edited", "edited (an edited record, not verbatim)"),
        ("verbatim", "verbatim (a word-for-word record)"),
        (None, "not stated (the record does not say whether it is verbatim)"),
    ],
)
def test_fidelity_is_said_plainly_in_every_format(fidelity: str | None, wording: str) -> None:
    briefing = sample_briefing(fidelity)
    assert fidelity_wording(fidelity) == wording
    assert f"- Fidelity: {wording}\n" in render(briefing, A1, "md")
    assert f"\nFidelity: {wording}\n" in render(briefing, A1, "txt")
    assert json.loads(render(briefing, A1, "json"))["fidelity_note"] == wording


def test_unnamed_asker_and_second_speaker() -> None:
    briefing = sample_briefing()
    md = render(briefing, Q2_A1, "md")
    assert md.startswith(
        "> 我们会继续开放。\n\n— 李军, deputy director, Department of Foreign Trade\n"
    )
    assert f"In answer to a question from an unnamed journalist ({BRIEFING_ID}#q2):" in md
    data = json.loads(render(briefing, Q2_A1, "json"))
    assert data["question"]["asker"] == "unnamed journalist"
    assert data["question"]["by"] is None
    assert render(briefing, A2, "txt").startswith("I would add one point.\n\n— 李军, deputy")


def test_missing_optional_fields_are_left_out() -> None:
    bare = sample_briefing().__class__(
        id="bare", title="Bare", date=sample_briefing().date, speakers=sample_briefing().speakers
    )
    answer = Answer("bare#q1.a1", 1, "Gao Feng", "Yes.")
    txt = render(bare, answer, "txt")
    assert "Organizer" not in txt and "Location" not in txt and "Source" not in txt
    # the role comes from the briefing's speaker list when the answer does not carry it
    assert "— Gao Feng, spokesperson, Ministry of Commerce\n" in txt
    assert "Fidelity: not stated" in txt
    assert "In answer to" not in txt  # the answer is in no exchange of this briefing


def test_remarks_and_questions_can_be_quoted() -> None:
    briefing = sample_briefing()
    remark = render(briefing, REMARK_OPENING, "txt")
    assert remark.startswith(
        "Good afternoon.\nWelcome to the briefing.\n\n"
        "— Gao Feng, spokesperson, Ministry of Commerce\n"
    )
    assert f"Reference: {BRIEFING_ID}#r1\n" in remark
    assert "In answer to" not in remark
    question = quote_of(briefing, Q1)
    assert (question.kind, question.by, question.text) == ("question", ASKER, QUESTION_TEXT)
    assert render(briefing, Q2, "txt").startswith(
        f"{Q2.text}\n\n— Question from an unnamed journalist\n"
    )
    assert json.loads(render(briefing, REMARK_NEXT, "json"))["kind"] == "remark"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="md, txt, json"):
        render(sample_briefing(), A1, "docx")  # type: ignore[arg-type]


def test_default_export_path() -> None:
    briefing = sample_briefing()
    for fmt in FORMATS:
        assert str(default_export_path(briefing, A1, fmt)) == (
            f"exports/{BRIEFING_ID}-q1-a1-gao-feng.{fmt}"
        )
    chinese = default_export_path(briefing, Q2_A1, "md")
    assert chinese.parent.name == "exports"
    assert chinese.name.startswith(f"{BRIEFING_ID}-q2-a1-speaker-")
    assert chinese.name.endswith(".md") and chinese.name.isascii()
    # two different non-Latin names do not share a file name
    assert slug("李军") != slug("王思政")
    assert default_export_path(briefing, REMARK_NEXT, "txt").name == (
        f"{BRIEFING_ID}-r2-gao-feng.txt"
    )
    assert default_export_path(briefing, Q2, "json").name == (
        f"{BRIEFING_ID}-q2-unnamed-journalist.json"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Wang Sizheng", "wang-sizheng"),
        ("José  Müller-Łukasz", "jose-muller-ukasz"),
        ("Li Jun 李军", "li-jun"),
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_slug_is_ascii_safe(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_format_for_path() -> None:
    from pathlib import Path

    assert format_for_path(Path("a.MD")) == "md"
    assert format_for_path(Path("a.markdown")) == "md"
    assert format_for_path(Path("a.txt")) == "txt"
    assert format_for_path(Path("a.json")) == "json"
    assert format_for_path(Path("a.docx")) is None

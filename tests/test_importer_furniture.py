"""Page furniture left out, counted by kind and listed, on pages written for these tests;
and, for any text, no word leaves the record without being counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.importer import Imported, ImportFailed, import_text
from tui.importer.clean import clean
from tui.importer.common import words
from tui.importer.furniture import (
    classify,
    footer_kind,
    is_breadcrumb,
    is_editors_note,
    is_share_row,
    is_sign_off_place,
    running_headers,
)
from tui.importer.meta import read_meta
from tui.loader import load_bytes
from tui.model import Briefing


def imported(text: str) -> Imported:
    return import_text(text, "port.txt")


def load(result: Imported) -> Briefing:
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert [p for p in problems if p.severity == "error"] == []
    assert briefing is not None
    return briefing


def said(briefing: Briefing) -> str:
    return "\n".join(e.text for e in briefing.elements())


@pytest.mark.parametrize(
    "line",
    ["Home > Newsroom > Briefings", "Home » Ministers", "Start / Press / Transcripts / 2020"],
)
def test_breadcrumbs(line: str) -> None:
    assert is_breadcrumb(line)
    assert classify(line) == "navigation"


@pytest.mark.parametrize("line", ["3 > 2, he said", "Yes / no", "Home is where we start."])
def test_prose_is_no_breadcrumb(line: str) -> None:
    assert not is_breadcrumb(line)


def test_share_rows() -> None:
    assert is_share_row("Share: Facebook Twitter WhatsApp Email")
    assert is_share_row("Share this page")
    assert not is_share_row("Please share this with your families.")
    assert not is_share_row("Email")  # a page control, counted as such elsewhere


@pytest.mark.parametrize(
    "line",
    [
        "(Unofficial translation)",
        "[Transcript edited for length]",
        "(Check against delivery)",
        "Editor's note: the minister spoke in Portuguese.",
        "Check against delivery",
        "Unofficial translation",
        "E&OE",
    ],
)
def test_editors_notes(line: str) -> None:
    assert is_editors_note(line)


@pytest.mark.parametrize(
    "line",
    [
        "(Laughter.)",
        "(Inaudible.)",
        "(Applause.)",
        "[Crosstalk]",
        "The transcript.",
        "Check the recording of the vote, it is all there.",
    ],
)
def test_notes_about_the_room_are_speech(line: str) -> None:
    assert not is_editors_note(line)
    assert classify(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Posted on 4 April 2022", "footer"),
        ("Last updated: 2022-04-05", "footer"),
        ("Direct link: https://ports.example.org/news/4411", "footer"),
        ("https://ports.example.org/news/4411", "footer"),
        ("© 2022 Coastal Board. All rights reserved.", "footer"),
        ("Coastal Board Newsroom: https://ports.example.org", "footer"),
        ("Ends/Monday, April 4, 2022", "ends lines"),
        ("-ENDS-", "ends lines"),
        ("###", "ends lines"),
    ],
)
def test_footer_lines(line: str, kind: str) -> None:
    assert classify(line) == kind


def test_a_page_of_furniture_keeps_every_word_said() -> None:
    text = (
        "Home > Newsroom > Briefings\n"
        "Coastal Board briefing on the ferry strike\n"
        "4 April 2022\n\n"
        "MR. ADEYEMI: The ferries run again from Tuesday.\n\n"
        "See also\n"
        "Ferry timetable for the spring\n"
        "Strike talks resume at the port\n\n"
        "Q: Will fares rise?\n\n"
        "(Unofficial translation)\n\n"
        "MR. ADEYEMI: Not this year. (Laughter.)\n\n"
        "Share: Facebook Twitter Email\n"
        "Ends/Monday, April 4, 2022\n"
        "Coastal Board Newsroom:\n"
        "4 April 2022\n"
    )
    result = imported(text)
    briefing = load(result)
    assert said(briefing) == "The ferries run again from Tuesday.\nWill fares rise?\n" + (
        "Not this year. (Laughter.)"
    )
    listed = {(d.line, d.kind) for d in result.accounting.lines}
    assert {
        (1, "navigation"),
        (7, "see also"),
        (8, "see also"),
        (9, "see also"),
        (13, "editors' notes"),
        (17, "share buttons"),
        (18, "ends lines"),
        (19, "footer"),
        (20, "footer"),
    } <= listed
    counts = result.accounting
    raw = len(words(text))
    assert raw == counts.body + sum(counts.dropped.values())


def test_a_see_also_box_stops_at_a_speaker_label() -> None:
    text = (
        "Ports briefing\nMay 2, 2021\n\nMS. LINDQVIST: Opening.\n\n"
        "Related articles\nNew cranes for the north quay\n"
        "MS. LINDQVIST: And the cranes arrive in June.\n\nQ Thanks.\n"
    )
    briefing = load(imported(text))
    assert "And the cranes arrive in June." in said(briefing)
    assert "New cranes" not in said(briefing)


def test_a_line_that_starts_with_a_related_word_is_speech() -> None:
    text = (
        "Ports briefing\nMay 2, 2021\n\nMS. LINDQVIST: The dispute was\n"
        "related to the quay for a long time, and we\nsettled it.\n\nQ Thanks.\n"
    )
    assert "related to the quay" in said(load(imported(text)))


def test_a_label_with_only_an_address_after_the_last_turn_is_a_footer() -> None:
    text = (
        "Ports briefing\nMay 2, 2021\n\nMS. LINDQVIST: Opening.\n\nQ Thanks.\n\n"
        "MS. LINDQVIST: Welcome.\n\nPorts Newsroom: www.ports.example.org\n"
    )
    result = imported(text)
    assert said(load(result)).endswith("Welcome.")
    assert [d.kind for d in result.accounting.lines if d.line == 10] == ["footer"]


def test_a_running_header_glued_to_its_page_counter() -> None:
    lines = list(
        enumerate(
            [
                "Hearing of May 2, 2024 Harbour Committee DRAFT",
                "CHAIR NOVAK. We begin.",
                "Page 1 of 3Hearing of May 2, 2024 Harbour Committee DRAFT",
                "more words",
                "Page 2 of 3Hearing of May 2, 2024 Harbour Committee DRAFT",
                "Page 3 of 12 and then we stopped",
            ],
            start=1,
        )
    )
    assert sorted(running_headers(lines)) == [0, 2, 4]


def test_a_counter_at_the_end_of_a_repeated_header_too() -> None:
    lines = [
        (1, "Harbour Committee Hearing 3 / 9"),
        (2, "x"),
        (3, "Harbour Committee Hearing 4 / 9"),
    ]
    assert sorted(running_headers(lines)) == [0, 2]


def test_dry_run_lists_every_dropped_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(
        "Home > Newsroom\nFerry briefing\nJune 3, 2020\n\nMR. ADEYEMI: Hello.\n\n"
        "Q Why?\n\nMR. ADEYEMI: Because.\n\n-ENDS-\n",
        "utf-8",
    )
    assert main(["import", str(page), "--dry-run", "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "date held: 2020-06-03; published: none" in out
    assert "    1: navigation: Home > Newsroom" in out
    assert "    3: title and date: June 3, 2020" in out
    assert "    11: ends lines: -ENDS-" in out
    assert not (tmp_path / "out").exists()


LINES = [
    "MR. ADEYEMI: The ferries run.",
    "Q: Why?",
    "Q Fares?",
    "CHAIR NOVAK. We begin",
    "See also",
    "Related articles",
    "Home > Newsroom > Briefings",
    "Share: Facebook Twitter",
    "(Unofficial translation)",
    "(Laughter.)",
    "Ends/Monday, April 4, 2022",
    "Posted on 4 April 2022",
    "https://ports.example.org/x",
    "Ports Newsroom:",
    "Page 2 of 9Hearing Harbour Committee",
    "Hearing Harbour Committee",
    "4 April 2022",
    "11:09 A.M. CEST",
    "word-",
    "break and more text that goes on",
    "a line ending a sentence.",
    "",
]
line = st.one_of(
    st.sampled_from(LINES),
    st.text(alphabet="abcXY .:-—()>/\u00a0", max_size=24),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=40))
def test_cleaning_never_loses_a_word_it_does_not_count(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        cleaned = clean(text)
    except ImportFailed:
        return
    dropped = [d.text for d in cleaned.dropped_lines]
    assert sum(cleaned.dropped.values()) == sum(len(words(t)) for t in dropped)
    # Every letter and digit is kept or dropped (counted), none twice, none lost: a
    # hyphen taken from a line end joins two pieces of a word, and nothing else changes.
    kept = [t for _, t in cleaned.header] + [p.text for p in cleaned.body]
    assert sorted(re.findall(r"\w", text)) == sorted(re.findall(r"\w", "".join(kept + dropped)))
    assert cleaned.body_words == [w for p in cleaned.body for w in words(p.text)]
    # The heading goes to the metadata line by line, each line counted by kind.
    _, ledger, _ = read_meta(cleaned.front, cleaned.header, cleaned.every)
    heading = [w for _, t in cleaned.header for w in words(t)]
    in_order = sorted(ledger.lines, key=lambda d: d.line)
    assert [w for d in in_order for w in words(d.text)] == heading
    assert sum(ledger.counts.values()) == len(heading)


SCRAPED = """---
tags: statements
date: '2019-09-12'
modified_time: 2019-09-13 10:00:00-04:00
source_url: https://harbour.example.gov/briefings/2019/09/12/call-on-the-channel
published_time: 2019-09-12 21:40:00-04:00
title: "Press Call by the Harbour\\_Master on the Northern\\
  \\ Channel\\_Works"
---
 \nBy Telephone  \nPort Office

4:02 P.M. EDT

MR. WEILAND:  Thanks, all.  The channel \\[sic\\] reopens on the
\\*first\\* of October.  \nThat is the plan.

Q    Is that \\#final?

MR. WEILAND:  It is \\_final\\_.

4:10 P.M. EDT
"""


def test_scraped_front_matter_is_read_and_markdown_escapes_undone() -> None:
    result = imported(SCRAPED)
    briefing = load(result)
    assert briefing.title == "Press Call by the Harbour Master on the Northern Channel Works"
    assert str(briefing.date) == "2019-09-12" and str(briefing.published) == "2019-09-12"
    assert briefing.source == "https://harbour.example.gov/briefings/2019/09/12/call-on-the-channel"
    assert briefing.location == "By Telephone Port Office"
    assert said(briefing) == (
        "Thanks, all. The channel [sic] reopens on the *first* of October. That is the plan."
        "\nIs that #final?\nIt is _final_."
    )
    assert result.accounting.dropped["front matter"] > 0
    assert result.accounting.dropped["time stamps"] == 10


def test_bare_page_numbers_count_up_and_a_lone_number_stays() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nMS. LINDQVIST: How many boats were there?\n\n"
        "MR. ADEYEMI: Forty.\n\n2\n\nQ: And next year?\n\nMR. ADEYEMI: More.\n\n3\n"
    )
    cleaned = clean(text)
    assert [(d.line, d.text) for d in cleaned.dropped_lines] == [(8, "2"), (14, "3")]
    lone = clean("Ferry hearing\nMay 2, 2021\n\nQ: How many?\n\nMR. ADEYEMI:\n\n12\n")
    assert lone.body[-1].text == "MR. ADEYEMI: 12"


def test_closing_fields_after_the_last_words_said() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nMS. LINDQVIST: Opening.\n\nQ: Why?\n\n"
        "MS. LINDQVIST: Tags: we have none.\n\n(END)\n\nTags: ferries, harbour\n"
        "Source: Harbour Office\n"
    )
    result = imported(text)
    assert said(load(result)).endswith("Tags: we have none.")
    kinds = [(d.text, d.kind) for d in result.accounting.lines if d.line >= 10]
    assert kinds == [
        ("(END)", "ends lines"),
        ("Tags: ferries, harbour", "footer"),
        ("Source: Harbour Office", "footer"),
    ]


def test_a_concluding_mark_and_a_signed_off_place_and_date_close_the_page() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nMS. LINDQVIST: Opening.\n\nQ: Why?\n\n"
        "MS. LINDQVIST: Because the harbour is full.\n\nThank you all.\n\n(Concludes)\n\n"
        "Port of Spain\nMay 3, 2021\n"
    )
    result = imported(text)
    assert said(load(result)).endswith("Because the harbour is full.\n\nThank you all.")
    kinds = [(d.text, d.kind) for d in result.accounting.lines if d.line >= 10]
    assert kinds == [
        ("(Concludes)", "ends lines"),
        ("Port of Spain", "footer"),
        ("May 3, 2021", "footer"),
    ]


@pytest.mark.parametrize("line", ["[End of transcript]", "End of the briefing", "(CONCLUDED)"])
def test_closing_marks(line: str) -> None:
    assert footer_kind(line) == "ends lines"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Vila Nova de Gaia", True),
        ("Washington, D.C.", True),
        ("Thanks.", False),
        ("Goodbye everyone", False),
        ("See you in 2022", False),
    ],
)
def test_a_sign_off_place(line: str, place: bool) -> None:
    assert is_sign_off_place(line) is place


def test_closing_words_said_above_a_date_line_are_kept() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nMS. LINDQVIST: Opening.\n\nQ: Why?\n\n"
        "MS. LINDQVIST: It is late.\n\nThanks.\nMay 3, 2021\n"
    )
    assert said(load(imported(text))).endswith("Thanks.")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=30))
def test_any_page_with_furniture_imports_whole_or_is_refused(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        result = imported(text)
    except ImportFailed as failure:
        assert failure.message
        return
    counts = result.accounting
    assert counts.body == counts.labels + counts.written
    assert sum(counts.dropped.values()) == sum(len(words(d.text)) for d in counts.lines)
    load(result)


def test_a_date_said_after_a_label_alone_is_never_a_footer() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nQ: When do the ferries run again?\n\n"
        "MR. ADEYEMI:\n\nMarch 3, 2022.\n\nFerry Newsroom:\n"
    )
    result = imported(text)
    assert said(load(result)).endswith("March 3, 2022.")
    assert [(d.line, d.kind) for d in result.accounting.lines if d.line > 3] == [(10, "footer")]


def test_see_also_inside_a_wrapped_sentence_is_speech() -> None:
    text = (
        "Ferry hearing\nMay 2, 2021\n\nMS. LINDQVIST: We set out the plan in March.\n"
        "See also: the annex to the plan,\nwhich lists the berths.\n\nQ: Thanks.\n\n"
        "MS. LINDQVIST: See also: Berth map for 2021\n\nQ: Thanks again.\n"
    )
    briefing = load(imported(text))
    assert "See also: the annex to the plan, which lists the berths." in said(briefing)

"""Each import stage alone, on the smallest inputs that show its decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
import yaml

from tui.importer.clean import clean, decode, paragraphs, parse_date_line
from tui.importer.common import DraftSpeaker, ImportFailed
from tui.importer.embedded import embedded_start
from tui.importer.labels import match_label
from tui.importer.meta import read_meta
from tui.importer.speakers import Hint, cast, display
from tui.importer.write import quoted, scalar


@pytest.mark.parametrize(
    ("text", "name", "kind", "rest"),
    [
        ("Q    A couple of questions.", "Q", "question", "A couple of questions."),
        ("Q. Why?", "Q", "question", "Why?"),
        ("Q: Why?", "Q", "question", "Why?"),
        ("QUESTION: Why?", "QUESTION", "question", "Why?"),
        ("Question: Why?", "Question", "question", "Why?"),
        ("A: Because.", "A", "answer", "Because."),
        ("MS. PSAKI: Hi.", "MS. PSAKI", "name", "Hi."),
        ("MR KIRBY: Hi.", "MR KIRBY", "name", "Hi."),
        ("CHAIR POWELL. Thank you.", "CHAIR POWELL", "name", "Thank you."),
        ("THE PRESIDENT Hello.", "THE PRESIDENT", "name", "Hello."),
        ("China Business News Daily: What?", "China Business News Daily", "name", "What?"),
        ("Spokesperson Wang Wenbin: Hi.", "Spokesperson Wang Wenbin", "name", "Hi."),
        ("汪文斌：下午好。", "汪文斌", "name", "下午好。"),
        ("法新社记者：请问？", "法新社记者", "question", "请问？"),
        ("MS. PSAKI:", "MS. PSAKI", "name", ""),
    ],
)
def test_labels(text: str, name: str, kind: str, rest: str) -> None:
    label = match_label(text)
    assert label is not None
    assert (label.name, label.kind, label.rest) == (name, kind, rest)


@pytest.mark.parametrize(
    "text",
    [
        "A lot of people died this week.",
        "Q & A for resident journalists",
        "History shows us: If we allow an aggressor",
        "One other item for all of you: Today we also announced",
        "Finally: one more thing.",
        "Sorry, actual last thing: The Department of Education",
        "At 10:30 we met.",
        "NATO Allies agreed.",
    ],
)
def test_prose_is_not_a_label(text: str) -> None:
    assert match_label(text) is None


def test_a_known_label_is_recognised_without_its_colon() -> None:
    assert match_label("JOHNSON Yes.") is None
    label = match_label("JOHNSON Yes.", {"JOHNSON"})
    assert label is None  # one word alone is never a bare label
    assert match_label("SENATOR JOHNSON Yes.", {"SENATOR JOHNSON"}) is not None


def test_decode_refuses_empty_and_binary() -> None:
    with pytest.raises(ImportFailed, match="the file is empty"):
        decode(b" \n\t\n")
    with pytest.raises(ImportFailed, match="binary file"):
        decode(b"MZ\x00\x01\x02")


def test_decode_reads_bom_and_utf16() -> None:
    assert decode("\ufeffQ: x".encode())[0] == "Q: x"
    assert decode("Q: é\r\nA: y".encode("utf-16"))[0] == "Q: é\nA: y"


def test_decode_falls_back_to_windows_1252_with_the_first_bad_byte() -> None:
    text, notes = decode(b"line one\nQ: \x93quoted\x94")
    assert text == "line one\nQ: “quoted”"
    assert notes[0].line == 2
    assert "byte 0x93 at column 4" in notes[0].message


def test_unwrapping_keeps_source_lines_and_splits_unwrapped_blocks() -> None:
    lines = [(10, "MR. X: one"), (11, "two"), (12, ""), (13, "Q Why?")]
    assert [(p.line, p.text) for p in paragraphs(lines, set())] == [
        (10, "MR. X: one two"),
        (13, "Q Why?"),
    ]
    long = "x " * 60
    lines = [(1, f"MR. X: {long}".strip()), (2, "Lita."), (3, "Q Hi.")]
    assert [p.text for p in paragraphs(lines, set())][1:] == ["Lita.", "Q Hi."]


def test_clean_drops_front_matter_time_stamps_and_page_artefacts() -> None:
    text = (
        "---\ntitle: T\n---\n\n11:09 A.M. CEST\n\nMR. X: Hi.\n\nPage 2 of 3\n\n"
        "Q Why?\n\nEND 11:19 A.M. CEST\n"
    )
    cleaned = clean(text)
    assert cleaned.front == {"title": "T"}
    assert [p.text for p in cleaned.body] == ["MR. X: Hi.", "Q Why?"]
    assert cleaned.dropped == {
        "front matter": 2,
        "time stamps": 11,
        "page artefacts": 4,
    }


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Oct 31, 2017", dt.date(2017, 10, 31)),
        ("(March 9, 2025)", dt.date(2025, 3, 9)),
        ("Mon, 10 Mar 2008 17:45:00 -0500", dt.date(2008, 3, 10)),
        ("2021年4月1日", dt.date(2021, 4, 1)),
        ("2020-02-29", dt.date(2020, 2, 29)),
        ("Feb 30, 2020", None),
        ("Oct 31 was a day", None),
    ],
)
def test_date_lines(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


def test_meta_tells_date_held_from_date_published() -> None:
    header = [
        (1, "Home"),
        (2, "View More"),
        (3, "A title"),
        (4, "Jan 5, 2018"),
        (
            5,
            "The City Information Office held a press conference on December 28 on trade, "
            "its last of 2017. Following are the highlights:",
        ),
        (6, "Li Jun, deputy director, City Finance Office"),
    ]
    meta, dropped, notes = read_meta({}, header)
    assert (meta.title, meta.date, meta.published) == (
        "A title",
        dt.date(2017, 12, 28),
        dt.date(2018, 1, 5),
    )
    assert (meta.organizer, meta.fidelity) == ("City Information Office", "highlights")
    assert (
        meta.summary
        == "The City Information Office held a press conference on December 28 on trade, "
        "its last of 2017."
    )
    assert [(s.name, s.role) for s in meta.podium] == [
        ("Li Jun", "deputy director, City Finance Office")
    ]
    assert dropped["navigation"] == 3 and notes == []


def test_meta_reads_front_matter_and_location() -> None:
    front = {
        "title": "Press Gaggle by Press\u00a0Secretary",
        "date": "2021-07-07",
        "source_url": "https://www.whitehouse.gov/x",
        "published_time": dt.datetime(2021, 7, 8, 1, 0),
    }
    meta, _, _ = read_meta(
        front, [(10, "Aboard Air Force One"), (11, "En Route Crystal Lake, Illinois")]
    )
    assert meta.title == "Press Gaggle by Press Secretary"
    assert (meta.date, meta.published) == (dt.date(2021, 7, 7), dt.date(2021, 7, 8))
    assert meta.location == "Aboard Air Force One En Route Crystal Lake, Illinois"
    # an address says where the page was, not who held the briefing nor how faithful
    # the record is: neither is guessed from it
    assert (meta.organizer, meta.fidelity) == (None, None)
    assert meta.podium == []


def test_meta_takes_the_publisher_a_page_names() -> None:
    front = {"title": "Weekly briefing", "site_name": "Harbour\u00a0Authority  of Lune"}
    meta, _, _ = read_meta(front, [(1, "Weekly briefing")])
    assert meta.organizer == "Harbour Authority of Lune"


def test_speaker_hints_parse() -> None:
    assert Hint.parse("Jen Psaki, White House Press Secretary") == Hint(
        "Jen Psaki", "White House Press Secretary"
    )
    assert Hint.parse("MODERATOR=Vedant, moderator") == Hint("Vedant", "moderator", "MODERATOR")
    assert Hint.parse("Li Jun") == Hint("Li Jun")
    assert Hint.parse("MODERATOR:=Vedant") == Hint("Vedant", None, "MODERATOR")
    with pytest.raises(ValueError, match="expected 'Name, role'"):
        Hint.parse(" , role")


def _roles(
    labels: list[str], hints: Sequence[str] = (), podium: Sequence[DraftSpeaker] = ()
) -> dict[str, str]:
    found = [(match_label(f"{label}: x"), n) for n, label in enumerate(labels, start=1)]
    result = cast(
        [(lab, n) for lab, n in found if lab], list(podium), [Hint.parse(h) for h in hints], ""
    )
    return {k: v.speaker or f"asks as {v.asker}" for k, v in result.roles.items()}


def test_labels_match_hints_by_surname_role_and_label() -> None:
    roles = _roles(
        ["MS. PSAKI", "THE PRESIDENT", "MODERATOR", "SECRETARY GENERAL TANG", "Q"],
        [
            "Jen Psaki, Press Secretary",
            "Joe Biden, President of the United States",
            "MODERATOR=Vedant, host",
            "Tang Zhiping, deputy secretary general",
        ],
    )
    assert roles == {
        "MS. PSAKI": "Jen Psaki",
        "THE PRESIDENT": "Joe Biden",
        "MODERATOR": "Vedant",
        "SECRETARY GENERAL TANG": "Tang Zhiping",
        "Q": "asks as None",
    }


def test_abbreviated_titles_and_hyphenated_surnames_match_hints() -> None:
    roles = _roles(
        ["SEC. AUSTIN", "GEN. MILLEY", "MS. JEAN-PIERRE", "THE VICE PRESIDENT"],
        [
            "Lloyd Austin, Secretary of Defense",
            "Mark Milley, Chairman of the Joint Chiefs of Staff",
            "Karine Jean-Pierre, White House Press Secretary",
            "Kamala Harris, Vice President of the United States",
        ],
    )
    assert roles == {
        "SEC. AUSTIN": "Lloyd Austin",
        "GEN. MILLEY": "Mark Milley",
        "MS. JEAN-PIERRE": "Karine Jean-Pierre",
        "THE VICE PRESIDENT": "Kamala Harris",
    }


def test_a_podium_list_makes_every_other_label_an_asker() -> None:
    podium = [DraftSpeaker("Tang Zhiping", "deputy secretary general")]
    assert _roles(["STV", "Tang Zhiping", "Xinmin Evening Post"], podium=podium) == {
        "STV": "asks as STV",
        "Tang Zhiping": "Tang Zhiping",
        "Xinmin Evening Post": "asks as Xinmin Evening Post",
    }


def test_a_misspelt_label_joins_its_speaker() -> None:
    roles = _roles(["PRESIDENT ZELENSKYY", "PRESIDENT ZELENSKKY"])
    assert roles == {
        "PRESIDENT ZELENSKYY": "President Zelenskyy",
        "PRESIDENT ZELENSKKY": "President Zelenskyy",
    }
    assert display("VICE PRESIDENT HARRIS") == "Vice President Harris"


def test_embedded_question_starts_after_the_closing_thanks() -> None:
    text = (
        "3.Learn more. Thank you for your question! Six measures exist. "
        "What projects? Could you give details?"
    )
    assert (
        text[embedded_start(text) or 0 :]
        == "Six measures exist. What projects? Could you give details?"
    )
    assert embedded_start("We did it. Why? Because. What next?") == len("We did it. Why? Because. ")
    assert embedded_start("Is the interpretation happening?") is None
    assert embedded_start("We did it.") is None


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "yes",
        "a: b",
        "# not a comment",
        "x" * 200,
        "one\n\ntwo",
        " lead",
        "trail ",
        "tab\there",
        "\U000c422f",
        "line\u2028sep",
        'quote " and \\ slash',
        "- dash",
        "@at",
    ],
)
def test_every_scalar_reads_back_exactly(value: str) -> None:
    for block in (False, True):
        assert yaml.safe_load(f"key: {scalar(value, 0, block)}\n") == {"key": value}
    assert yaml.safe_load(f"- {quoted(value)}") == [value]


def test_long_text_is_a_literal_block() -> None:
    assert scalar("word " * 30 + "end", 4, block=True).startswith("|-\n      word")
    assert scalar("one\n\ntwo", 0) == "|-\n  one\n\n  two"


def test_running_page_headers_of_a_pdf_are_dropped() -> None:
    header = "DoD News Briefing with Press Secretary Morrell"
    text = (
        f"{header}\nMarch 10, 2008\n\nMR. MORRELL: Good afternoon.\n\n{header}\n\n"
        f"Q Why?\n(Laughter.)\n\n{header}\nPage 2\n\nMR. MORRELL: Because.\n(Laughter.)\n"
        "(Laughter.)\n"
    )
    cleaned = clean(text)
    assert cleaned.header[0] == (1, header)
    assert [p.text for p in cleaned.body] == [
        "MR. MORRELL: Good afternoon.",
        "Q Why? (Laughter.)",
        "MR. MORRELL: Because. (Laughter.) (Laughter.)",
    ]
    assert cleaned.dropped == {"page artefacts": 2 * 7 + 2}


def test_decode_keeps_valid_utf8_around_a_stray_windows_byte() -> None:
    text, notes = decode("“Quoted” and caf".encode() + b"\xe9 \x92")
    assert text == "“Quoted” and café ’"
    assert notes[0].message.startswith("the file is not UTF-8 (byte 0xE9 at column 17)")

"""Citations in named styles: the CSL-JSON data, each style against its manual, the API.

The expected APA, Chicago and MLA strings are the manuals' own example patterns with this
file's briefing put in, each pattern quoted beside its test; they are not output of the
code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from tui.citation import (
    DEFAULT_STYLE,
    STYLES,
    UnknownStyle,
    cite,
    remember_style,
    remembered_style,
)
from tui.csl import csl_item, csl_name
from tui.model import Answer, Briefing, Exchange, Question, Remark, Speaker
from tui.quote import quote_of

ID = "2022-09-14-coastal-plan"
TITLE = "Press Briefing on the Coastal Resilience Plan"
ORGANIZER = "Ministry of Coastal Affairs"
PLACE = "Lisbon"
URL = "https://example.org/briefings/2022-09-14"
ACCESSED = dt.date(2024, 2, 1)

OKAFOR = Speaker("Daniel R. Okafor", "minister of coastal affairs")
HOST = Speaker("Moderator")


def briefing(title: str = TITLE, source: str | None = URL) -> Briefing:
    question = Question(f"{ID}#q1", 1, "When will the sea wall be finished?", "Tidewater Radio")
    answer = Answer(f"{ID}#q1.a1", 1, OKAFOR.name, "By the end of next year.", OKAFOR.role)
    unnamed = Question(f"{ID}#q2", 2, "And the cost?", None)
    return Briefing(
        id=ID,
        title=title,
        date=dt.date(2022, 9, 14),
        speakers=(OKAFOR, HOST),
        remarks=(Remark(f"{ID}#r1", 1, "Moderator", "Good morning."),),
        items=(Exchange(question, (answer,)), Exchange(unnamed, ())),
        organizer=ORGANIZER,
        location=PLACE,
        source=source,
        language="en",
    )


# --- the data -------------------------------------------------------------------------


def test_csl_item_of_an_answer_is_a_speech_by_its_speaker() -> None:
    b = briefing()
    item = csl_item(quote_of(b, next(b.answers())), ACCESSED)
    day = {"date-parts": [[2022, 9, 14]]}
    assert item == {
        "id": f"{ID}#q1.a1",
        "type": "speech",
        "author": [{"family": "Okafor", "given": "Daniel R."}],
        "title": TITLE,
        "genre": "Speech transcript",
        "event": ORGANIZER,
        "event-place": PLACE,
        "publisher": ORGANIZER,
        "URL": URL,
        "language": "en",
        "event-date": day,
        "issued": day,
        "accessed": {"date-parts": [[2024, 2, 1]]},
    }


def test_csl_item_of_a_question_is_by_its_asker_and_unnamed_askers_are_left_out() -> None:
    b = briefing(source=None)
    named, unnamed = (e for e in b.elements() if isinstance(e, Question))
    assert csl_item(quote_of(b, named), ACCESSED)["author"] == [{"literal": "Tidewater Radio"}]
    item = csl_item(quote_of(b, unnamed), ACCESSED)
    assert "author" not in item
    assert "URL" not in item


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Ines Carvalho", {"family": "Carvalho", "given": "Ines"}),
        ("Ludwig van der Heide", {"family": "van der Heide", "given": "Ludwig"}),
        ("Samuel T. Brooks Jr.", {"family": "Brooks", "given": "Samuel T.", "suffix": "Jr."}),
        ("Senior Defense Official", {"literal": "Senior Defense Official"}),
        ("Interpreter", {"literal": "Interpreter"}),
        ("Priya Nair, Coastline Daily", {"literal": "Priya Nair, Coastline Daily"}),
        ("Harbour News Network", {"literal": "Harbour News Network"}),
        ("王海", {"literal": "王海"}),
    ],
)
def test_names_are_split_only_when_they_read_as_a_persons(name: str, parts: dict[str, str]) -> None:
    assert csl_name(name) == parts


# --- each style against its manual ------------------------------------------------------


def _answer_citation(style: str, title: str = TITLE) -> str:
    b = briefing(title)
    return cite(b, f"{ID}#q1.a1", style, ACCESSED)


def test_apa_7_speech_transcript() -> None:
    # APA 7, speech audio / transcript reference:
    #   Author, A. A. (Year, Month Day). Title of speech [Speech transcript]. Site Name. URL
    #   (King, M. L., Jr. (1963, August 28). I have a dream [Speech audio recording].
    #    American Rhetoric. https://www.americanrhetoric.com/speeches/mlkihaveadream.htm)
    assert _answer_citation("apa") == (
        "Okafor, D. R. (2022, September 14). Press Briefing on the Coastal Resilience Plan "
        "[Speech transcript]. Ministry of Coastal Affairs. https://example.org/briefings/2022-09-14"
    )


def test_chicago_17_speech_bibliography_entry() -> None:
    # CMOS 17, 14.221 (lectures and speeches), bibliography:
    #   Last, First. "Title." Type, Sponsor, Place, Month Day, Year. URL.
    #   (D'Erasmo, Stacy. "The Craft and Career of Writing." Lecture, Northwestern
    #    University, Evanston, IL, April 26, 2000.)
    assert _answer_citation("chicago") == (
        "Okafor, Daniel R. “Press Briefing on the Coastal Resilience Plan.” Speech transcript, "
        "Ministry of Coastal Affairs, Lisbon, September 14, 2022. "
        "https://example.org/briefings/2022-09-14."
    )


def test_mla_9_speech_works_cited_entry() -> None:
    # MLA 9, a speech or address (with the optional description after the title for a
    # work of an unexpected type), the publisher, the date and the place, then the URL:
    #   Last, First. "Title." Description. Sponsor, Day Mon. Year, Place, URL.
    #   (Atwood, Margaret. "Silencing the Scream." Boundaries of the Imagination Forum,
    #    MLA Convention, 29 Dec. 1993, Royal York Hotel, Toronto.)
    assert _answer_citation("mla") == (
        "Okafor, Daniel R. “Press Briefing on the Coastal Resilience Plan.” Speech transcript. "
        "Ministry of Coastal Affairs, 14 Sept. 2022, Lisbon, "
        "https://example.org/briefings/2022-09-14."
    )


@pytest.mark.parametrize("style", ["chicago", "mla"])
def test_a_title_ending_in_a_question_mark_keeps_it_and_takes_no_period(style: str) -> None:
    # Both manuals: a title's own ? stands in for the period, inside the quotation marks.
    text = _answer_citation(style, "Who Pays for the Sea Wall?")
    assert "“Who Pays for the Sea Wall?” Speech transcript" in text
    assert "?." not in text and "?”." not in text


def test_a_question_is_cited_with_its_asker_as_the_author_not_inverted() -> None:
    text = cite(briefing(), f"{ID}#q1", "apa", ACCESSED)
    assert text.startswith("Tidewater Radio. (2022, September 14). ")


def test_csl_json_style_is_the_item_itself() -> None:
    b = briefing()
    text = cite(b, f"{ID}#q1.a1", "csl-json", ACCESSED)
    assert json.loads(text) == [csl_item(quote_of(b, next(b.answers())), ACCESSED)]


def test_plain_style_is_the_citation_fields() -> None:
    text = cite(briefing(), f"{ID}#q1.a1", "plain", ACCESSED)
    lines = text.splitlines()
    assert lines[0] == "Daniel R. Okafor, minister of coastal affairs"
    assert f"Briefing: {TITLE}" in lines
    assert f"Reference: {ID}#q1.a1" in lines


# --- the API ----------------------------------------------------------------------------


def test_an_unknown_style_names_the_known_ones() -> None:
    with pytest.raises(UnknownStyle) as caught:
        cite(briefing(), f"{ID}#q1.a1", "harvard")
    assert "'harvard'" in str(caught.value)
    assert "plain, apa, chicago, mla, csl-json" in str(caught.value)


def test_an_unknown_reference_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match=r"#q9\.a1"):
        cite(briefing(), f"{ID}#q9.a1", "apa")


def test_the_remembered_style_defaults_to_plain_and_keeps_a_choice() -> None:
    assert DEFAULT_STYLE == "plain"
    assert remembered_style() == "plain"
    remember_style("mla")
    assert remembered_style() == "mla"
    with pytest.raises(UnknownStyle):
        remember_style("harvard")
    assert remembered_style() == "mla"


def test_a_remembered_style_no_longer_known_falls_back_to_plain() -> None:
    from tui.remembered import remember

    remember("citation_style", "vancouver")
    assert remembered_style() == "plain"


def test_styles_are_offered_in_order_with_labels() -> None:
    assert list(STYLES) == ["plain", "apa", "chicago", "mla", "csl-json"]
    assert all(style.label for style in STYLES.values())


def test_the_processor_is_imported_only_when_a_style_is_rendered() -> None:
    code = (
        "import sys, tui.export, tui.citation, tui.quote, tui.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('citeproc', 'lxml')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_an_ellipsis_ending_a_title_is_not_taken_for_a_doubled_period() -> None:
    # A period after an ellipsis makes four dots (CMOS 13.53), never fewer than three.
    text = _answer_citation("chicago", "The Sea Wall, and Then...")
    assert "“The Sea Wall, and Then....” Speech transcript" in text


@pytest.mark.parametrize(
    ("name", "aliases", "parts"),
    [
        # a Chinese or Korean name in its own script puts the family name first, and so
        # does its romanisation beside it
        ("Qiao Minfang", ("乔敏芳",), {"family": "Qiao", "given": "Minfang"}),
        ("Du Lan", ("杜兰",), {"family": "Du", "given": "Lan"}),
        ("Seo Jiwon", ("서지원",), {"family": "Seo", "given": "Jiwon"}),
        # four characters may be a Japanese name, given name first in English: not assumed
        ("Haruto Kimura", ("木村陽翔",), {"family": "Kimura", "given": "Haruto"}),
        ("Ines Carvalho", ("Carvalho",), {"family": "Carvalho", "given": "Ines"}),
    ],
)
def test_a_name_in_a_family_first_script_orders_its_romanisation(
    name: str, aliases: tuple[str, ...], parts: dict[str, str]
) -> None:
    assert csl_name(name, aliases) == parts

"""The date held and the posting date, on records written for these tests: other
offices, places and wording than the raw samples, in the date forms real pages use."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.importer import Imported, Options, import_text
from tui.importer.dates import (
    ends_date,
    find_dates,
    heading_date,
    is_posting_line,
    parse_date_line,
    posting_date,
    years,
)
from tui.importer.held import intro_date
from tui.loader import load_bytes
from tui.model import Briefing

BODY = "\n\nMS. OKAFOR: The harbour reopens on Monday.\n\nQ Thank you.\n\nMS. OKAFOR: Welcome.\n"


def imported(head: str, tail: str = "") -> Imported:
    return import_text(head + BODY + tail, "harbour.txt")


def load(result: Imported) -> Briefing:
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert [p for p in problems if p.severity == "error"] == []
    assert briefing is not None
    return briefing


def dates(head: str, tail: str = "") -> tuple[dt.date, dt.date | None]:
    briefing = load(imported(head, tail))
    return briefing.date, briefing.published


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Thursday, November 3, 2022, 10:05 a.m.", dt.date(2022, 11, 3)),
        ("Tues. Feb. 6, 2018", dt.date(2018, 2, 6)),
        ("Sept. 9, 2019", dt.date(2019, 9, 9)),
        ("27 June 2023", dt.date(2023, 6, 27)),
        ("Saturday 2 December 2023", dt.date(2023, 12, 2)),
        ("2019-07-30", dt.date(2019, 7, 30)),
        ("2016年3月5日", dt.date(2016, 3, 5)),
        ("(April 12, 2021)", dt.date(2021, 4, 12)),
        ("April 31, 2021", None),
        ("Monday was a long day", None),
        ("Harbour Statement 4", None),
    ],
)
def test_date_lines_in_the_forms_pages_print(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


def test_dates_inside_text_with_and_without_a_year() -> None:
    found = find_dates("Talks on 2 March, then more on Oct. 14, 2015 and 2020年5月1日.")
    assert [(f.year, f.month, f.day) for f in found] == [
        (None, 3, 2),
        (2015, 10, 14),
        (2020, 5, 1),
    ]
    assert find_dates("Maybe later, Mayor Diaz said 10 times.") == []


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted on March 3, 2021", dt.date(2021, 3, 3)),
        ("Updated: 2024-03-18", dt.date(2024, 3, 18)),
        ("Last updated 14 May 2019", dt.date(2019, 5, 14)),
        ("Release date: Friday, June 9, 2017", dt.date(2017, 6, 9)),
        ("2012/04/09", dt.date(2012, 4, 9)),
        ("2012-04-09 08:15", dt.date(2012, 4, 9)),
        ("2012-04-09", None),
        ("We posted on Monday.", None),
        ("Posted on 3 March 2021 by the press office", dt.date(2021, 3, 3)),
        ("Updated: March 3, 2021 10:15 AM ET", dt.date(2021, 3, 3)),
        ("Published on May 2, 2019, the report found that ferries ran late on most days.", None),
    ],
)
def test_posting_lines(line: str, date: dt.date | None) -> None:
    assert posting_date(line) == date


def test_ends_lines() -> None:
    assert ends_date("Ends/Tuesday, August 8, 2017") == (True, dt.date(2017, 8, 8))
    assert ends_date("- ENDS -") == (True, None)
    assert ends_date("Ends/whenever") == (False, None)
    assert ends_date("Ending soon") == (False, None)


def test_years_and_the_introductions_date() -> None:
    assert years("From 1998 to 2024, not 12345 nor 2024-03-18") == {1998, 2024}
    found = intro_date("The Port Authority held a briefing on 4 July about berths.")
    assert found is not None and (found.year, found.month, found.day) == (None, 7, 4)
    found = intro_date("Remarks by the Harbour Master at a media stand-up this morning (May 8):")
    assert found is not None and (found.month, found.day) == (5, 8)
    assert intro_date("The berths open on May 8 for small boats.") is None


def test_the_date_in_the_title_is_the_date_held_and_a_stamp_is_published() -> None:
    head = "Harbour Office Briefing on June 2, 2019\n\n2019-06-04 09:30"
    assert dates(head) == (dt.date(2019, 6, 2), dt.date(2019, 6, 4))


def test_a_stamp_on_the_day_held_is_not_written_twice() -> None:
    head = "Harbour Office Briefing on June 2, 2019\n\n2019/06/02"
    assert dates(head) == (dt.date(2019, 6, 2), None)


def test_a_weekday_date_line_with_a_time_is_the_date_held() -> None:
    head = "Harbour Office Briefing\nThursday, November 3, 2022, 10:05 a.m."
    assert dates(head) == (dt.date(2022, 11, 3), None)


def test_a_day_month_year_line_and_a_labelled_posting_date() -> None:
    head = "Harbour Office Briefing\n27 June 2023\nPublished: 28 June 2023"
    assert dates(head) == (dt.date(2023, 6, 27), dt.date(2023, 6, 28))


def test_a_date_line_is_published_when_the_introduction_says_when_it_was_held() -> None:
    head = (
        "Harbour plans for the winter\nNov 20, 2016\n\n"
        "The Coastal Board held a news conference on November 14 about its winter plans "
        "for the harbour and the ferries."
    )
    assert dates(head) == (dt.date(2016, 11, 14), dt.date(2016, 11, 20))


def test_a_date_without_a_year_takes_the_year_of_the_closing_line() -> None:
    head = (
        "Transcript of remarks by the Harbour Master\n\n"
        "Following is the transcript of remarks by the Harbour Master at a media stand-up "
        "this morning (August 8):"
    )
    assert dates(head, "\nEnds/Tuesday, August 8, 2017\n") == (dt.date(2017, 8, 8), None)


def test_a_closing_line_alone_gives_the_date_held() -> None:
    assert dates("Harbour Master's remarks", "\nEnds/Tuesday, August 8, 2017\n")[0] == (
        dt.date(2017, 8, 8)
    )


def test_a_year_the_record_does_not_print_is_never_used() -> None:
    head = (
        "Winter harbour plans\nJan 3, 2019\n\n"
        "The Coastal Board held a news conference on December 30 about its winter plans "
        "for the harbour and the ferries."
    )
    result = imported(head)
    briefing = load(result)
    # December 30 of 2019 would be after the page went up, and 2018 is printed nowhere.
    assert briefing.date != dt.date(2018, 12, 30)
    assert briefing.date == dt.date(2019, 1, 3)
    assert any("month-day 12-30, in no year it prints" in n.message for n in result.notes)
    assert "# check: the record says it was held on month-day 12-30" in result.text


def test_a_year_printed_elsewhere_in_the_record_is_used() -> None:
    head = (
        "Winter harbour plans\nJan 3, 2019\n\n"
        "The Coastal Board held a news conference on December 30 about its winter plans "
        "for 2018 and 2019."
    )
    assert dates(head) == (dt.date(2018, 12, 30), dt.date(2019, 1, 3))


def test_only_a_posting_date_is_used_as_the_date_held_with_a_check() -> None:
    result = imported("Harbour Office Briefing\nPosted on March 3, 2021")
    briefing = load(result)
    assert (briefing.date, briefing.published) == (dt.date(2021, 3, 3), dt.date(2021, 3, 3))
    assert "# check: the record gives only the day it was posted" in result.text


def test_todays_date_only_when_the_record_has_none() -> None:
    result = import_text(BODY.strip() + "\n", "harbour.txt")
    assert load(result).date == dt.date.today()
    assert any(n.message.startswith("no date found") for n in result.notes)
    dated = imported("Harbour Office Briefing\n2019-07-30")
    assert load(dated).date == dt.date(2019, 7, 30)
    assert not any(n.message.startswith("no date found") for n in dated.notes)


def test_front_matter_published_time_is_written_even_on_the_day_held() -> None:
    head = (
        "---\ntitle: Harbour call\ndate: '2020-10-02'\n"
        "published_time: 2020-10-02 18:00:00-04:00\n---\n\nBy Telephone"
    )
    assert dates(head) == (dt.date(2020, 10, 2), dt.date(2020, 10, 2))


def test_a_front_matter_date_the_title_contradicts_is_the_posting_date() -> None:
    head = "---\ntitle: Harbour Board Briefing on March 30, 2019\ndate: '2019-04-02'\n---\n"
    assert dates(head) == (dt.date(2019, 3, 30), dt.date(2019, 4, 2))
    same = "---\ntitle: Harbour Board Briefing on April 2, 2019\ndate: '2019-04-02'\n---\n"
    assert dates(same) == (dt.date(2019, 4, 2), None)


def test_a_page_given_a_published_date_from_outside() -> None:
    result = import_text(
        "Harbour Office Briefing\n12 May 2015" + BODY,
        "page.html",
        Options(front={"published": "2015-05-13"}),
    )
    briefing = load(result)
    assert (briefing.date, briefing.published) == (dt.date(2015, 5, 12), dt.date(2015, 5, 13))
    assert "\npublished: 2015-05-13\n" in result.text


def test_a_chinese_title_with_its_date() -> None:
    head = "2016年3月5日交通部发言人李明主持例行记者会"
    assert dates(head)[0] == dt.date(2016, 3, 5)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("February 21, 2023, 13:00, Valletta", dt.date(2023, 2, 21)),
        ("Date: Tuesday, 21 May 2024", dt.date(2024, 5, 21)),
        ("March 3, 2021 – Halifax, Nova Scotia", dt.date(2021, 3, 3)),
        ("March 3, 2021 was a long day for everyone in the harbour office", None),
        ("March 3rd the ferries stopped", None),
        ("Bergen, 12 September 2024", dt.date(2024, 9, 12)),
        ("Talks went on until 12 September 2024", None),
        ("Daily Harbour Briefing - 12 September 2024", None),
    ],
)
def test_heading_lines_that_open_with_a_date(line: str, date: dt.date | None) -> None:
    assert heading_date(line) == date


@pytest.mark.parametrize(
    ("line", "posting"),
    [
        ("Issued at HKT 18:30", True),
        ("Published", True),
        ("Updated: 9:15 am", True),
        ("Released at 10:30 tomorrow, the report says the harbour will close.", False),
        ("updated 9:15", False),
        ("Published reports say otherwise.", False),
    ],
)
def test_posting_lines_with_a_time_or_nothing(line: str, posting: bool) -> None:
    assert is_posting_line(line) is posting


def test_published_alone_makes_the_next_date_line_the_posting_date() -> None:
    head = (
        "Minister's remarks at the Port Forum\n"
        "From: Ministry of Harbours\n"
        "Delivered on: 3 July 2023\n"
        "Published\n"
        "4 July 2023"
    )
    result = imported(head)
    briefing = load(result)
    assert briefing.title == "Minister's remarks at the Port Forum"
    assert (briefing.date, briefing.published) == (dt.date(2023, 7, 3), dt.date(2023, 7, 4))


def test_a_heading_date_with_its_place_and_an_issued_at_footer() -> None:
    head = "Remarks by the Harbour Master\nFebruary 21, 2023, 13:00, Valletta"
    result = imported(head, "\nEnds/Tuesday, February 21, 2023\nIssued at HKT 18:30\n\nNNNN\n")
    briefing = load(result)
    assert briefing.date == dt.date(2023, 2, 21)
    assert briefing.title == "Remarks by the Harbour Master"
    assert list(briefing.elements())[-1].text == "Welcome."
    kinds = {(d.text, d.kind) for d in result.accounting.lines}
    assert ("Issued at HKT 18:30", "footer") in kinds and ("NNNN", "ends lines") in kinds


def test_a_hard_wrapped_heading_with_a_podium_line_and_an_opening_statement() -> None:
    head = (
        "News conference\n"
        "Ada Okafor, Governor of the Coastal Bank,\n"
        "Bergen, 12 September 2024\n"
        "Good afternoon, and welcome. The board today decided to keep the lending\n"
        "rate where it is, because wages are still rising faster than we had\n"
        "expected in June.\n"
        "We will meet again in October."
    )
    result = imported(head)
    briefing = load(result)
    assert briefing.title == "News conference"
    assert briefing.date == dt.date(2024, 9, 12)
    assert briefing.summary is not None
    assert "lending rate where it is" in briefing.summary
    assert briefing.summary.endswith("We will meet again in October.")
    kinds = [(d.line, d.kind) for d in result.accounting.lines]
    assert (2, "podium list") in kinds
    assert [line for line, kind in kinds if kind == "introduction"] == [4, 7]


def test_a_heading_block_with_name_office_title_place_and_date() -> None:
    head = (
        "Tomas Lindgren\nChief Press Officer\nWeekly Harbour Briefing\n"
        "Kuala Lumpur, Malaysia\n3 March 2017"
    )
    result = import_text(head + BODY.replace("OKAFOR", "LINDGREN"), "harbour.txt")
    briefing = load(result)
    assert (briefing.title, briefing.date) == ("Weekly Harbour Briefing", dt.date(2017, 3, 3))
    assert briefing.location == "Kuala Lumpur, Malaysia"
    speaker = briefing.speaker("Tomas Lindgren")
    assert speaker is not None and speaker.role == "Chief Press Officer"
    kinds = [(d.line, d.kind) for d in result.accounting.lines if d.line <= 2]
    assert kinds == [(1, "heading block"), (2, "heading block")]


def test_a_topic_index_in_the_heading_is_navigation_not_a_place() -> None:
    head = (
        "Weekly Harbour Briefing\n3 March 2017\nGdansk, Poland\n\nTopics:\nFisheries\n"
        "Winter ferries"
    )
    result = imported(head)
    assert load(result).location == "Gdansk, Poland"
    kinds = [(d.text, d.kind) for d in result.accounting.lines if d.line >= 5]
    assert kinds[:3] == [
        ("Topics:", "navigation"),
        ("Fisheries", "navigation"),
        ("Winter ferries", "navigation"),
    ]


def test_lines_above_a_title_that_are_no_name_and_office_stay_navigation() -> None:
    head = "Newsroom\nLatest releases\nWeekly Harbour Briefing\n3 March 2017"
    result = imported(head)
    assert load(result).title == "Weekly Harbour Briefing"
    assert [d.kind for d in result.accounting.lines if d.line <= 2] == ["navigation"] * 2


def test_a_location_field_gives_the_place() -> None:
    briefing = load(imported("Doorstop interview\nDate: Tuesday, 21 May 2024\nLocation: Tromsø"))
    assert (briefing.date, briefing.location) == (dt.date(2024, 5, 21), "Tromsø")


def test_a_title_printed_over_two_lines() -> None:
    head = (
        "Transport Ministry Spokesperson Lin Hao’s\n"
        "Regular Press Conference on March 2, 2021\n"
        "2021-03-02 21:10"
    )
    briefing = load(imported(head))
    assert briefing.title == (
        "Transport Ministry Spokesperson Lin Hao’s Regular Press Conference on March 2, 2021"
    )
    assert (briefing.date, briefing.published) == (dt.date(2021, 3, 2), None)
    two = load(imported("Harbour Office\nBriefing\nMarch 2, 2021"))
    assert two.title == "Briefing"


def test_the_title_again_in_another_language_is_no_introduction() -> None:
    head = (
        "2016年3月5日交通部发言人李明主持例行记者会\n\n"
        "Transport Ministry Spokesperson Li Ming’s\n"
        "Regular Press Conference on March 5, 2016"
    )
    result = imported(head)
    briefing = load(result)
    assert briefing.summary is None
    assert [(d.line, d.kind) for d in result.accounting.lines][:2] == [
        (1, "title and date"),
        (3, "title and date"),
    ]


def test_a_heading_with_weekday_date_time_and_a_room() -> None:
    line = "Thursday, November 3, 2022, 10:05 a.m. Briefing Room, Ministry of Harbours"
    assert heading_date(line) == dt.date(2022, 11, 3)
    assert dates(f"Press Conference by the Harbour Spokesperson\n{line}")[0] == (
        dt.date(2022, 11, 3)
    )

"""Conventions none of the raw samples has, on small inputs written for the purpose."""

from __future__ import annotations

import datetime as dt

import pytest
from importer_support import loaded as load
from importer_support import shape

from tui.importer import Hint, Imported, ImportFailed, Options, import_text
from tui.importer.common import DraftExchange, DraftSpeaker, Note, Part
from tui.importer.speakers import Role
from tui.importer.turns import Turn


def imported(text: str, *hints: str, name: str = "sample.txt", split: bool = False) -> Imported:
    options = Options(hints=tuple(Hint.parse(h) for h in hints), split_embedded=split)
    return import_text(text, name, options)


def test_chinese_turns_with_full_width_colons() -> None:
    text = (
        "外交部发言人汪文斌主持例行记者会\n2021年4月1日\n\n"
        "汪文斌：各位记者朋友，下午好。\n\n"
        "法新社记者：请问中方对此有何评论？\n\n"
        "汪文斌：我们已经多次表明立场。\n\n这是第二段。\n"
    )
    result = imported(text)
    briefing = load(result)
    assert briefing.date == dt.date(2021, 4, 1)
    assert briefing.language == "zh"
    assert shape(briefing) == [
        ("remark", "汪文斌", "各位记者朋友，下午好。"),
        (
            "q",
            "法新社记者",
            "请问中方对此有何评论？",
            (("汪文斌", "我们已经多次表明立场。\n\n这是第二段。"),),
        ),
    ]
    assert "汪文斌：" not in result.text  # the label is not part of the text
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_q_and_a_with_no_names_at_all() -> None:
    text = (
        "Press briefing\nMarch 3, 2020\n\n"
        "Q: What happened today?\nA: Nothing much.\n\nQ: And tomorrow?\nA: We will see.\n"
    )
    result = imported(text)
    assert shape(load(result)) == [
        ("q", None, "What happened today?", (("Official", "Nothing much."),)),
        ("q", None, "And tomorrow?", (("Official", "We will see."),)),
    ]
    assert any("labelled only 'A'" in n.message and n.line == 5 for n in result.notes)
    assert "# check: answers are labelled only 'A'" in result.text


def test_a_single_speaker_hint_names_the_a_label() -> None:
    text = "Briefing\nMarch 3, 2020\n\nQ. What happened?\n\nA. Nothing.\n"
    briefing = load(imported(text, "John Kirby, Pentagon Press Secretary"))
    assert shape(briefing) == [("q", None, "What happened?", (("John Kirby", "Nothing."),))]
    assert briefing.speakers[0].role == "Pentagon Press Secretary"


def test_question_labels_upper_and_title_case() -> None:
    text = (
        "Briefing\nJune 1, 2022\n\nQUESTION: How many were there?\n\nMR KIRBY: About ten.\n\n"
        "Question: And now?\n\nMR KIRBY: Eleven.\n"
    )
    assert shape(load(imported(text, "John Kirby, spokesman"))) == [
        ("q", None, "How many were there?", (("John Kirby", "About ten."),)),
        ("q", None, "And now?", (("John Kirby", "Eleven."),)),
    ]


def test_a_label_split_from_its_text_by_a_line_break() -> None:
    text = (
        "Briefing\nJune 1, 2022\n\nMR. KIRBY:\nGood afternoon, everyone.\n\nQ\n"
        "What about the ships?\n\nMR. KIRBY:\n\nThey sailed.\n"
    )
    briefing = load(imported(text))
    assert shape(briefing) == [
        ("remark", "Mr. Kirby", "Good afternoon, everyone."),
        ("q", None, "What about the ships?", (("Mr. Kirby", "They sailed."),)),
    ]


def test_labels_with_a_full_stop_and_without_any_mark() -> None:
    text = (
        "Press conference\nMay 4, 2022\n\nCHAIR POWELL. Good afternoon.\n\n"
        "Q. Thank you. What about rates?\n\nCHAIR POWELL They went up.\n"
    )
    briefing = load(imported(text, "Jerome Powell, Chair of the Federal Reserve"))
    assert shape(briefing) == [
        ("remark", "Jerome Powell", "Good afternoon."),
        ("q", None, "Thank you. What about rates?", (("Jerome Powell", "They went up."),)),
    ]


def test_spokesperson_label_and_outlets() -> None:
    text = (
        "Regular Press Conference\nJanuary 5, 2021\n\n"
        "Spokesperson Wang Wenbin: Good afternoon.\n\nAFP: Any comment?\n\n"
        "Wang Wenbin: No comment.\n"
    )
    result = imported(text)
    briefing = load(result)
    assert shape(briefing) == [
        ("remark", "Wang Wenbin", "Good afternoon."),
        ("q", "AFP", "Any comment?", (("Wang Wenbin", "No comment."),)),
    ]
    assert briefing.speakers[0].role == "Spokesperson"
    assert any("'AFP' could not be placed" in n.message for n in result.notes)


def test_one_word_outlets_in_a_record_of_title_case_labels() -> None:
    text = (
        "Regular Press Conference\nJanuary 5, 2021\n\n"
        "Spokesperson Zhao Lijian: Good afternoon.\n\n"
        "Bloomberg: Any comment on the talks?\n\nZhao Lijian: Our position is clear.\n\n"
        "Finally: one more thing.\n\nXinhua: A follow-up?\n\nZhao Lijian: No more.\n"
    )
    assert shape(load(imported(text))) == [
        ("remark", "Zhao Lijian", "Good afternoon."),
        (
            "q",
            "Bloomberg",
            "Any comment on the talks?",
            (("Zhao Lijian", "Our position is clear.\n\nFinally: one more thing."),),
        ),
        ("q", "Xinhua", "A follow-up?", (("Zhao Lijian", "No more."),)),
    ]


def test_moderator_calls_the_next_asker_and_stands_between_exchanges() -> None:
    text = (
        "Call\nJune 1, 2022\n\n"
        "MODERATOR: Welcome. Our first question goes to Jane Doe from Reuters.\n\n"
        "Q: Hello, what now?\n\nMR. SMITH: Now this.\n\n"
        "MODERATOR: Next, let's go to John Roe with The Times.\n\n"
        "Q: And then?\n\nMR. SMITH: Then that.\n\nMODERATOR: Thank you all.\n"
    )
    briefing = load(imported(text))
    assert shape(briefing) == [
        ("remark", "Moderator", "Welcome. Our first question goes to Jane Doe from Reuters."),
        ("q", "Jane Doe, Reuters", "Hello, what now?", (("Mr. Smith", "Now this."),)),
        ("remark", "Moderator", "Next, let's go to John Roe with The Times."),
        ("q", "John Roe, The Times", "And then?", (("Mr. Smith", "Then that."),)),
        ("remark", "Moderator", "Thank you all."),
    ]


def test_wrapped_lines_join_and_list_items_keep_their_breaks() -> None:
    text = (
        "Briefing\nJune 1, 2022\n\nMR. SMITH: We will do three things, as\nfollows:\n"
        "1. First thing\n2. Second thing\n- a bullet\n\nQ That is all?\n\nMR. SMITH: Yes.\n"
    )
    remark = load(imported(text)).remarks[0]
    assert (
        remark.text
        == "We will do three things, as follows:\n1. First thing\n2. Second thing\n- a bullet"
    )


def test_markdown_escapes_and_no_break_spaces() -> None:
    text = (
        "Briefing\nJune 1, 2022\n\n"
        "MR. SMITH:\u00a0 To forego \\[sic\\] \\*this\\*.  \nDone.\n\nQ\u00a0\u00a0 Thanks.\n"
    )
    briefing = load(imported(text))
    assert briefing.remarks[0].text == "To forego [sic] *this*. Done."


def test_a_missing_date_is_reported_and_marked_for_checking() -> None:
    result = imported("Q: What?\n\nMR. SMITH: Yes.\n", name="notes.txt")
    assert any(n.message.startswith("no date found") for n in result.notes)
    assert "# check: no date found in the record" in result.text
    dated = import_text(
        "Q: What?\n\nMR. SMITH: Yes.\n", "notes.txt", Options(date=dt.date(2020, 1, 2))
    )
    assert load(dated).date == dt.date(2020, 1, 2)


def test_a_title_case_label_that_is_only_one_word_stays_prose() -> None:
    text = (
        "Briefing\nJune 1, 2022\n\n"
        "MR. SMITH: Two things.\n\nFinally: one more.\n\nQ Fine?\n\nMR. SMITH: Yes.\n"
    )
    assert load(imported(text)).remarks[0].text == "Two things.\n\nFinally: one more."


def test_the_id_puts_the_date_first() -> None:
    text = "Q: What?\n\nMR. SMITH: Yes.\n"
    options = Options(date=dt.date(2020, 1, 2))
    assert (
        import_text(text, "defense-2020-01-02-smith.txt", options).id == "2020-01-02-defense-smith"
    )
    assert import_text(text, "Smith Briefing.txt", options).id == "2020-01-02-smith-briefing"
    assert import_text(text, "x.txt", Options(id="my-id")).id == "my-id"


def test_the_word_check_catches_a_lost_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.importer import attribute as stage
    from tui.importer import pipeline

    def losing(
        turns: list[Turn], roles: dict[str, Role], speakers: list[DraftSpeaker]
    ) -> tuple[list[Part], list[DraftExchange], list[Note]]:
        remarks, items, notes = stage.attribute(turns, roles, speakers)
        remarks[0].paras = remarks[0].paras[:-1]
        return remarks, items, notes

    monkeypatch.setattr(pipeline, "attribute", losing)
    text = "Briefing\nJune 1, 2022\n\nMR. SMITH: One.\n\nTwo.\n\nQ Fine?\n\nMR. SMITH: Yes.\n"
    with pytest.raises(ImportFailed) as failure:
        import_text(text, "x.txt")
    assert "('Two') of the body was lost" in failure.value.message
    assert failure.value.line == 6


def test_closing_thanks_are_remarks_but_a_long_answer_that_thanks_is_not() -> None:
    long_answer = "Thanks, Jim. " + "We are working on it every day. " * 8
    text = (
        "Briefing\nJune 1, 2022\n\nMS. SMITH: Hello.\n\nQ Why?\n\nMS. SMITH: Because.\n\n"
        f"MR. JONES: {long_answer.strip()}\n\nMS. SMITH: Thank you, all.\n"
    )
    items = shape(load(imported(text)))
    assert items[1] == (
        "q",
        None,
        "Why?",
        (("Ms. Smith", "Because."), ("Mr. Jones", long_answer.strip())),
    )
    assert items[2] == ("remark", "Ms. Smith", "Thank you, all.")


def test_an_asker_called_as_name_comma_outlet() -> None:
    text = (
        "Briefing\nMay 1, 2023\n\nMS. SINGH: Good afternoon. Let's go to Tara Copp, AP.\n\n"
        "Q: A question?\n\nSEC. AUSTIN: An answer.\n\nMS. SINGH: Okay. Jim Garamone, DoD News.\n\n"
        "Q: Another?\n\nSEC. AUSTIN: Yes. Thank you, Madam Secretary.\n\nQ: Last?\n\n"
        "SEC. AUSTIN: No.\n"
    )
    askers = [e.question.by for e in load(imported(text)).exchanges]
    assert askers == ["Tara Copp, AP", "Jim Garamone, DoD News", None]

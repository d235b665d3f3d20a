"""Conventions none of the raw samples has, on small inputs written for the purpose."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.importer import Hint, Imported, ImportFailed, Options, import_text
from tui.importer.common import DraftExchange, DraftSpeaker, Note, Part
from tui.importer.labels import colon_labels, match_label
from tui.importer.names import spelled, split_role, titled
from tui.importer.speakers import Role
from tui.importer.taking import decide, is_outlet
from tui.importer.turns import Turn
from tui.loader import load_bytes
from tui.model import Briefing, Exchange


def imported(text: str, *hints: str, name: str = "sample.txt", split: bool = False) -> Imported:
    options = Options(hints=tuple(Hint.parse(h) for h in hints), split_embedded=split)
    return import_text(text, name, options)


def load(result: Imported) -> Briefing:
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert problems == []
    assert briefing is not None
    return briefing


def shape(briefing: Briefing) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = [("remark", r.by, r.text) for r in briefing.remarks]
    for item in briefing.items:
        if isinstance(item, Exchange):
            answers = tuple((a.by, a.text) for a in item.answers)
            out.append(("q", item.question.by, item.question.text, answers))
        else:
            out.append(("remark", item.by, item.text))
    return out


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


# Label grammar: each family of tui.importer.conventions, on labels written for the test.


@pytest.mark.parametrize(
    ("text", "name", "kind", "rest"),
    [
        ("MR OKAFOR: We will see.", "MR OKAFOR", "name", "We will see."),
        ("MS. VANTERPOOL: Good day.", "MS. VANTERPOOL", "name", "Good day."),
        ("Q Why now?", "Q", "question", "Why now?"),
        ("Q: Why now?", "Q", "question", "Why now?"),
        ("A: Because.", "A", "answer", "Because."),
        ("QUESTION: Why now?", "QUESTION", "question", "Why now?"),
        ("Question: Why now?", "Question", "question", "Why now?"),
        ("Remark: That was my point.", "Remark", "question", "That was my point."),
        ("Reporter: Any update?", "Reporter", "question", "Any update?"),
        ("Journalist: Any update?", "Journalist", "question", "Any update?"),
        ("Lindqvist, Nordic Wire: Is it true?", "Lindqvist, Nordic Wire", "name", "Is it true?"),
        ("Ana Ruiz, Deputy Minister: It is.", "Ana Ruiz, Deputy Minister", "name", "It is."),
        ("Ivo Petrov (retranslated): Yes.", "Ivo Petrov", "name", "Yes."),
        ("Question (retranslated): And then?", "Question", "question", "And then?"),
        ("INTERPRETER: He says yes.", "INTERPRETER", "name", "He says yes."),
        ("GOVERNOR REYES. Thank you all.", "GOVERNOR REYES", "name", "Thank you all."),
        ("李明：大家好。", "李明", "name", "大家好。"),
        ("新华社记者:请问？", "新华社记者", "question", "请问？"),
        ("Maria Okonkwo\ufffd We agree.", "Maria Okonkwo", "name", "We agree."),
        ("Maria Okonkwoï¼š We agree.", "Maria Okonkwo", "name", "We agree."),
    ],
)
def test_label_shapes(text: str, name: str, kind: str, rest: str) -> None:
    label = match_label(text)
    assert label is not None
    assert (label.name, label.kind, label.rest) == (name, kind, rest)


def test_a_note_in_a_label_is_kept_apart_from_its_name() -> None:
    label = match_label("Ivo Petrov (retranslated): Yes.")
    assert label is not None
    assert (label.note, label.raw) == ("retranslated", "Ivo Petrov (retranslated):")


@pytest.mark.parametrize(
    "text",
    [
        "Finally: one more thing.",
        "A decision was made.",
        "Q and A follows.",
        "NEW DELHI. Talks began.",
    ],
)
def test_prose_is_no_label(text: str) -> None:
    assert match_label(text) is None


def test_upper_case_names_with_a_full_stop_count_once_the_record_uses_them() -> None:
    lines = [
        "GOVERNOR REYES. Good afternoon.",
        "LENA BRANDT. Lena Brandt with the Valley Herald. A question?",
        "GOVERNOR REYES. An answer.",
        "OTTO KRAUSE. One more?",
    ]
    known = colon_labels(lines)
    assert {"LENA BRANDT", "OTTO KRAUSE", "GOVERNOR REYES"} <= known
    assert match_label("LENA BRANDT. A question?") is None
    label = match_label("LENA BRANDT. A question?", known)
    assert label is not None and label.name == "LENA BRANDT"
    # Without a title or a repeat, two upper-case words and a full stop stay prose.
    assert not colon_labels(["NEW DELHI. The talks began.", "It rained."]) & {"NEW DELHI"}


# Names.


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("DR. OKONKWO-BELL", "Dr. Okonkwo-Bell"),
        ("O'NEILL", "O'Neill"),
        ("MCDONAGH", "McDonagh"),
        ("VAN DER BERG", "van der Berg"),
        ("SENATOR LUZ DA SILVA", "Senator Luz da Silva"),
        ("Tang Wei", "Tang Wei"),
    ],
)
def test_upper_case_names_keep_their_shape(label: str, name: str) -> None:
    assert titled(label) == name


def test_the_records_own_spelling_of_a_name_wins() -> None:
    assert spelled("Fiona Macleod", "As Fiona MacLeod said yesterday") == "Fiona MacLeod"
    assert spelled("Fiona Macleod", "nothing about her") == "Fiona Macleod"


@pytest.mark.parametrize(
    ("label", "split"),
    [
        ("President of Chile Ana Morales", ("Ana Morales", "President of Chile")),
        (
            "Prime Minister of the Republic of Palau Tomas Rengiil",
            ("Tomas Rengiil", "Prime Minister of the Republic of Palau"),
        ),
        ("Secretary for Transport and Housing", (None, "Secretary for Transport and Housing")),
        ("Spokesperson Hu Lan", ("Hu Lan", "Spokesperson")),
        ("Ana Ruiz, Deputy Minister", ("Ana Ruiz", "Deputy Minister")),
        ("Hu Lan", ("Hu Lan", None)),
    ],
)
def test_role_and_name_labels_split(label: str, split: tuple[str | None, str | None]) -> None:
    assert split_role(label) == split


def test_a_country_and_a_name_in_the_label_give_name_and_role() -> None:
    text = (
        "Joint statement to the press\nApril 2, 2019\n\n"
        "President of Chile Ana Morales: Welcome.\n\nQ: Will trade grow?\n\n"
        "President of Chile Ana Morales: It will.\n"
    )
    briefing = load(imported(text))
    speaker = briefing.speaker("Ana Morales")
    assert speaker is not None and speaker.role == "President of Chile"


# Who answers, from the record's structure.


def test_heading_block_name_gives_the_full_name() -> None:
    text = (
        "Weekly Briefing - March 3, 2019\n\nPriya Raman\nWeekly Briefing\nOttawa\n"
        "March 3, 2019\n\nMS RAMAN: Good morning.\n\nQUESTION: Any news on the bridge?\n\n"
        "MS RAMAN: Not yet.\n"
    )
    briefing = load(imported(text))
    assert shape(briefing) == [
        ("remark", "Priya Raman", "Good morning."),
        ("q", None, "Any news on the bridge?", (("Priya Raman", "Not yet."),)),
    ]
    speaker = briefing.speaker("Ms Raman")
    assert speaker is not None and speaker.name == "Priya Raman"


def test_a_labels_answer_to_the_principal_the_title_names() -> None:
    text = (
        "Government Spokesperson Lars Eriksen's Weekly Press Conference on June 2, 2021\n\n"
        "Q: Will the ferry run?\n\nA: It will.\n\nQ: When?\n\nA: On Monday.\n"
    )
    result = imported(text)
    briefing = load(result)
    assert [a.by for a in briefing.answers()] == ["Lars Eriksen", "Lars Eriksen"]
    speaker = briefing.speaker("Lars Eriksen")
    assert speaker is not None and speaker.role == "Government Spokesperson"
    assert not any("Official" in n.message for n in result.notes)


def test_outlets_ask_by_their_generic_words_and_the_name_between_them_answers() -> None:
    text = (
        "Regular Press Conference\nMay 5, 2021\n\n"
        "Nordic Broadcasting Corporation: Any comment on the vote?\n\n"
        "Elena Vasquez: We respect it.\n\nThe Harbour Gazette: And the port?\n\n"
        "Elena Vasquez: It stays open.\n\nValley Courier: One more?\n"
    )
    briefing = load(imported(text))
    assert shape(briefing) == [
        (
            "q",
            "Nordic Broadcasting Corporation",
            "Any comment on the vote?",
            (("Elena Vasquez", "We respect it."),),
        ),
        ("q", "The Harbour Gazette", "And the port?", (("Elena Vasquez", "It stays open."),)),
        ("q", "Valley Courier", "One more?", ()),
    ]


FED_LIKE = """Minutes Press Conference
June 4, 2024
GOVERNOR ABARA. Good afternoon. Rates stay where they are.
DAVID OYELARAN. Priya.
PRIYA NAIR. Priya Nair with the Coastal Times. Why hold now?
GOVERNOR ABARA. Because prices are calm.
PRIYA NAIR. And next month?
GOVERNOR ABARA. We will see.
DAVID OYELARAN. Tom.
TOM WESTBROOK. Tom Westbrook, Harbor Radio. What about jobs?
GOVERNOR ABARA. Jobs are fine.
DAVID OYELARAN. Sam.
SAM ODHIAMBO. Hi. Sam Odhiambo from Lakeside Daily. Is growth slowing?
GOVERNOR ABARA. A little.
"""


def test_a_moderator_found_by_turn_taking_calls_and_askers_name_their_outlet() -> None:
    result = imported(FED_LIKE)
    briefing = load(result)
    questions = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert questions == [
        ("Priya Nair, The Coastal Times", ["Governor Abara"]),
        ("Priya Nair, The Coastal Times", ["Governor Abara"]),
        ("Tom Westbrook, Harbor Radio", ["Governor Abara"]),
        ("Sam Odhiambo, Lakeside Daily", ["Governor Abara"]),
    ]
    remarks = [r.by for r in briefing.items if not isinstance(r, Exchange)]
    assert remarks == ["David Oyelaran", "David Oyelaran"]


def test_generic_asker_labels_ask_and_a_remark_is_a_journalists_turn() -> None:
    text = (
        "Briefing\nMay 1, 2020\n\nMINISTER HALVORSEN: Welcome.\n\n"
        "Reporter: Is the border open?\n\nMINISTER HALVORSEN: Partly.\n\n"
        "Remark: That is not an answer.\n\nMINISTER HALVORSEN: It is the one I have.\n"
    )
    briefing = load(imported(text))
    asked = [(e.question.by, e.question.text) for e in briefing.exchanges]
    assert asked == [(None, "Is the border open?"), (None, "That is not an answer.")]


def test_a_joint_news_conference_has_both_principals_answer_in_order() -> None:
    text = (
        "Joint press conference\nJuly 9, 2023\n\nPRIME MINISTER VOSS: Welcome.\n\n"
        "CHANCELLOR AMARI: Thank you.\n\nQ Will you sign the pact?\n\n"
        "PRIME MINISTER VOSS: Yes.\n\nCHANCELLOR AMARI: We will.\n"
    )
    briefing = load(imported(text))
    assert [a.by for a in briefing.exchanges[0].answers] == [
        "Prime Minister Voss",
        "Chancellor Amari",
    ]


def test_when_the_record_cannot_decide_it_says_so() -> None:
    text = "Interview\nMay 2, 2021\n\nAnna Berg: Why is the bridge closed?\n\nTom Lee: Repairs.\n"
    result = imported(text)
    briefing = load(result)
    assert shape(briefing) == [
        ("q", "Anna Berg", "Why is the bridge closed?", (("Tom Lee", "Repairs."),))
    ]
    warned = [n for n in result.notes if "could not be placed by the record" in n.message]
    assert {n.line for n in warned} == {4, 6}
    assert "# check: label 'Tom Lee' could not be placed by the record" in result.text


def test_joined_by_names_a_second_principal() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR. HALE: Good morning. I'm joined by Deputy Minister "
        "Sara Lind.\n\nQ Is the plan funded?\n\nDEPUTY MINISTER LIND: It is.\n"
    )
    briefing = load(imported(text))
    assert [a.by for a in briefing.answers()] == ["Sara Lind"]


# Askers.


def test_calls_name_the_next_asker() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR HALE: Nothing to open with. Let's go to Rafael.\n\n"
        "QUESTION: Is the plan funded?\n\nMR HALE: It is. Next, Ines Moreau at Le Journal.\n\n"
        "QUESTION: By whom?\n\nMR HALE: By the province.\n\nMODERATOR: Kenji.\n\n"
        "QUESTION: And the city?\n\nMR HALE: Not yet.\n"
    )
    briefing = load(imported(text))
    assert [e.question.by for e in briefing.exchanges] == [
        "Rafael",
        "Ines Moreau, Le Journal",
        "Kenji",
    ]


def test_an_asker_addressed_in_the_answer_asked_the_question() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR HALE: Let's go to Rafael.\n\nQUESTION: Funded?\n\n"
        "MR HALE: Yes.\n\nQUESTION: Fully?\n\nMR HALE: Well, Rafael – mostly.\n\n"
        "QUESTION: And the city?\n\nMR HALE: No.\n"
    )
    briefing = load(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Rafael", "Rafael", None]


def test_a_q_labelled_self_introduction_is_reported_not_used() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR HALE: Go ahead.\n\n"
        "Q Hi. Mona Diallo, Delta Radio. Is it funded?\n\nMR HALE: Yes.\n"
    )
    result = imported(text)
    assert load(result).exchanges[0].question.by is None
    assert any("name themselves" in n.message for n in result.notes)


# Records of other shapes.


def test_bilingual_turns_are_one_turn_each() -> None:
    text = (
        "外交部发言人华春莹主持例行记者会\n2020年3月2日\n\n"
        "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference\n\n"
        "法新社记者:请问有何评论?\n\nAFP: Any comment?\n\n"
        "华春莹:我们注意到了。\n\nHua Chunying: We have noted it.\n"
    )
    result = imported(text)
    briefing = load(result)
    assert shape(briefing) == [
        (
            "q",
            "AFP",
            "请问有何评论?\n\nAny comment?",
            (("Hua Chunying", "我们注意到了。\n\nWe have noted it."),),
        ),
    ]
    speaker = briefing.speaker("华春莹")
    assert speaker is not None and speaker.name == "Hua Chunying"
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_unlabelled_announcements_open_with_the_principal() -> None:
    text = (
        "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on May 9, 2024\n\n"
        "At the invitation of the Government of Peru, the Foreign Minister will visit Lima "
        "from May 12 to 15 and attend the regional forum there.\n\n"
        "Global Times: What is expected of the visit?\n\nLin Hao: Closer ties.\n"
    )
    briefing = load(imported(text))
    assert [(r.by, r.text[:20]) for r in briefing.remarks] == [("Lin Hao", "At the invitation of")]


def test_an_introduction_that_describes_the_briefing_stays_a_summary() -> None:
    text = (
        "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on May 9, 2024\n\n"
        "On the afternoon of May 9, Foreign Ministry Spokesperson Lin Hao held a regular "
        "press conference.\n\nQ: What is expected of the visit?\n\nA: Closer ties.\n"
    )
    briefing = load(imported(text))
    assert briefing.remarks == ()
    assert briefing.summary is not None and "held a regular" in briefing.summary


# Generated labelled text: a refusal or a transcript, and never a word lost.

_UPPER = st.from_regex(r"[A-Z]{2,9}", fullmatch=True)
_TITLE = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True)
_HAN = st.text(alphabet="王李张刘陈杨黄赵吴周", min_size=2, max_size=3)
_LABELS = st.one_of(
    st.sampled_from(["Q", "Q:", "A:", "QUESTION:", "Question:", "Remark:", "Reporter:"]),
    st.builds(lambda a: f"MR {a}:", _UPPER),
    st.builds(lambda a, b: f"{a} {b}:", _UPPER, _UPPER),
    st.builds(lambda a, b: f"{a} {b}.", _UPPER, _UPPER),
    st.builds(lambda a, b: f"{a} {b}:", _TITLE, _TITLE),
    st.builds(lambda a, b: f"{a}, {b} News:", _TITLE, _TITLE),
    st.builds(lambda a, b: f"{a} {b} (retranslated):", _TITLE, _TITLE),
    st.builds(lambda a: f"{a}：", _HAN),
    st.builds(lambda a: f"CHAIR {a}.", _UPPER),
)
_SPEECH = st.lists(
    st.sampled_from(["the", "rates", "will", "rise", "why", "now", "and", "not", "we", "see"]),
    min_size=1,
    max_size=12,
).map(lambda ws: " ".join(ws) + ("?" if len(ws) % 2 else "."))
_TURNS = st.lists(st.tuples(_LABELS, _SPEECH), min_size=1, max_size=10)


def _lower(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if w.isascii() and w.islower()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turns=_TURNS, blank=st.booleans())
def test_generated_labelled_text_is_imported_or_refused_and_loses_no_word(
    turns: list[tuple[str, str]], blank: bool
) -> None:
    separator = "\n\n" if blank else "\n"
    turns = [("MR HOST:", "welcome."), *turns]  # the body starts where a label surely is
    body = separator.join(f"{label} {speech}" for label, speech in turns)
    text = f"Briefing\nMarch 3, 2021\n\n{body}\n"
    try:
        result = import_text(text, "generated.txt")
    except ImportFailed as exc:
        assert exc.message
        return
    briefing = load(result)
    written = [w for e in briefing.elements() for w in _lower(e.text)]
    assert written == _lower(" ".join(speech for _, speech in turns))
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_a_role_label_takes_the_name_the_introduction_gives_the_role() -> None:
    text = (
        "Remarks at a media session\nMarch 8, 2020\n\nFollowing is the transcript of "
        "remarks by the Secretary for Transport and Housing, Dr Kelvin Ng, at a media "
        "session today:\n\nReporter: Will fares rise?\n\n"
        "Secretary for Transport and Housing: Not this year.\n"
    )
    briefing = load(imported(text))
    speaker = briefing.speaker("Secretary for Transport and Housing")
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Kelvin Ng", "Secretary for Transport and Housing")


def test_role_first_comma_labels_and_a_spokesperson_who_calls_on_people() -> None:
    text = (
        "Special briefing\nMay 12, 2022\n\n"
        "Ravi Menon, Official Spokesperson: Good evening. The Secretary is with us.\n\n"
        "Foreign Secretary, Leela Iyer: Thank you. Let me begin with the visit.\n\n"
        "Official Spokesperson, Ravi Menon: Thank you, ma'am. Anand.\n\n"
        "Anand: What was agreed on shipping?\n\n"
        "Foreign Secretary, Leela Iyer: A new corridor was agreed.\n\n"
        "Official Spokesperson, Ravi Menon: Kavya.\n\n"
        "Kavya: And on visas?\n\nForeign Secretary, Leela Iyer: Talks continue.\n"
    )
    briefing = load(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Anand", ["Leela Iyer"]), ("Kavya", ["Leela Iyer"])]
    menon = briefing.speaker("Ravi Menon")
    assert menon is not None and menon.role == "Official Spokesperson"


def test_an_asker_named_in_the_labels_note() -> None:
    text = (
        "Press conference\nJune 1, 2023\n\nPRIME MINISTER: Welcome.\n\n"
        "QUESTION (Ruth, Channel Five): Will you sign?\n\nPRIME MINISTER: Yes.\n\n"
        "QUESTION (retranslated): When?\n\nPRIME MINISTER: Soon.\n"
    )
    briefing = load(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Ruth, Channel Five", None]


def test_a_second_podium_speaker_who_calls_the_next_asker_does_not_answer() -> None:
    text = (
        "Press briefing\nOctober 3, 2023\n\nMS. OKORO: Good afternoon. I'm joined by "
        "Deputy Minister Tomas Berg.\n\nDEPUTY MINISTER BERG: Thanks, Ada.\n\n"
        "MS. OKORO: Go ahead, Nadia.\n\nQ Minister, on the budget?\n\n"
        "DEPUTY MINISTER BERG: It is ready.\n\nMS. OKORO: Thanks, Minister. Go ahead, Raj.\n\n"
        "Q Ada, on the strike?\n\nMS. OKORO: Talks go on.\n"
    )
    briefing = load(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Nadia", ["Tomas Berg"]), ("Raj", ["Ms. Okoro"])]


def test_heading_block_office_courtesy_titles_and_a_name_that_ends_a_turn() -> None:
    text = (
        "Omar Haddad\nAssistant Secretary\nDaily Press Briefing\nJune 2, 2017\n\n"
        "MR HADDAD: Nothing at the top today. Priti.\n\nQUESTION: Any news on the talks?\n\n"
        "MR HADDAD: None yet.\n\n"
        "Frau Greta Lindner, Official Spokesperson: One more thing to add.\n"
    )
    briefing = load(imported(text))
    haddad = briefing.speaker("Mr Haddad")
    assert haddad is not None
    assert (haddad.name, haddad.role) == ("Omar Haddad", "Assistant Secretary")
    assert [e.question.by for e in briefing.exchanges] == ["Priti"]
    assert briefing.speaker("Greta Lindner") is not None


def test_a_labels_with_two_principals_in_the_title_are_not_guessed() -> None:
    text = (
        "Joint press conference by Minister Ana Lopes and Minister Jan Vos\nMay 2, 2022\n\n"
        "Q: Will the treaty pass?\n\nA: It will.\n"
    )
    result = imported(text)
    assert [a.by for a in load(result).answers()] == ["Official"]
    assert any("labelled only 'A'" in n.message for n in result.notes)


def test_numbered_journalists_ask_and_numbered_speakers_are_placed_by_turn_taking() -> None:
    text = (
        "Briefing\nMay 2, 2022\n\nMINISTER ODUYA: Welcome.\n\nReporter 1: Is the road open?"
        "\n\nMINISTER ODUYA: Yes.\n\nReporter 2: And the bridge?\n\nMINISTER ODUYA: No.\n"
    )
    briefing = load(imported(text))
    assert [(e.question.text, [a.by for a in e.answers]) for e in briefing.exchanges] == [
        ("Is the road open?", ["Minister Oduya"]),
        ("And the bridge?", ["Minister Oduya"]),
    ]
    anonymous = (
        "Call\nMay 2, 2022\n\nSPEAKER 1: Why was the vote moved?\n\nSPEAKER 2: The hall "
        "flooded.\n\nSPEAKER 3: When is it now?\n\nSPEAKER 2: Friday.\n"
    )
    result = imported(anonymous)
    asked = [(e.question.by, [a.by for a in e.answers]) for e in load(result).exchanges]
    assert asked == [("Speaker 1", ["Speaker 2"]), ("Speaker 3", ["Speaker 2"])]


def test_a_courtesy_title_does_not_make_an_asker_answer() -> None:
    text = (
        "Remarks\nMay 2, 2022\n\nSECRETARY ALVES: Good morning.\n\n"
        "MR. KOWALCZYK: Madam Secretary, is the port safe?\n\nSECRETARY ALVES: It is.\n\n"
        "MS. ABENA: And the airport?\n\nSECRETARY ALVES: Also.\n"
    )
    briefing = load(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Mr. Kowalczyk", ["Secretary Alves"]), ("Ms. Abena", ["Secretary Alves"])]


def test_a_chinese_title_names_the_spokesperson_of_answer_labels() -> None:
    text = "外交部发言人林海主持例行记者会\n2021年4月1日\n\n问：有何评论？\n\n答：我们注意到了。\n"
    briefing = load(imported(text))
    assert [a.by for a in briefing.answers()] == ["林海"]
    speaker = briefing.speaker("林海")
    assert speaker is not None and speaker.role == "外交部发言人"


def test_turn_taking_alone() -> None:
    # A briefer who alternates with many askers, a moderator who calls between answers.
    order = ["B", "M", "X", "B", "M", "Y", "B", "X", "B", "M", "Z", "B"]
    texts = [
        "A long answer " * 8 if label == "B" else ("Y." if label == "M" else "Why?")
        for label in order
    ]
    sides = decide(order, {}, texts)
    assert sides.side == {"B": "answer", "M": "moderator", "X": "ask", "Y": "ask", "Z": "ask"}
    assert sides.guessed == {}
    # What one side is told spreads: a name beside outlets answers.
    spread = decide(["O1", "N", "O2", "N"], {"O1": "ask", "O2": "ask"}, ["?", ".", "?", "."])
    assert spread.side["N"] == "answer"
    # Two names alone: question marks decide, and it is said.
    guessed = decide(["P", "R", "P", "R"], {}, ["Why?", "Because.", "When?", "Soon."])
    assert guessed.side == {"P": "ask", "R": "answer"}
    assert set(guessed.guessed) == {"P", "R"}


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Xinjiang Evening News", True),
        ("Radio Caracas", True),
        ("Kyodo News Agency", True),
        ("The Harbour Gazette", True),
        ("人民日报", True),
        ("Lin Hao", False),
        ("Deputy Minister", False),
    ],
)
def test_outlets_by_generic_words(name: str, outlet: bool) -> None:
    assert is_outlet(name) is outlet

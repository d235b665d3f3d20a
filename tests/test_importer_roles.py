"""Who asks, who answers and who calls, from the record's structure, on hand-written
records in conventions and with names none of the samples has."""

from __future__ import annotations

import pytest
from importer_support import imported, loaded, shape

from tui.importer.taking import decide, is_outlet
from tui.model import Exchange

# Who answers, from the record's structure.


def test_heading_block_name_gives_the_full_name() -> None:
    text = (
        "Weekly Briefing - March 3, 2019\n\nPriya Raman\nWeekly Briefing\nOttawa\n"
        "March 3, 2019\n\nMS RAMAN: Good morning.\n\nQUESTION: Any news on the bridge?\n\n"
        "MS RAMAN: Not yet.\n"
    )
    briefing = loaded(imported(text))
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
    briefing = loaded(result)
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
    briefing = loaded(imported(text))
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
    briefing = loaded(result)
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
    briefing = loaded(imported(text))
    asked = [(e.question.by, e.question.text) for e in briefing.exchanges]
    assert asked == [(None, "Is the border open?"), (None, "That is not an answer.")]


def test_a_joint_news_conference_has_both_principals_answer_in_order() -> None:
    text = (
        "Joint press conference\nJuly 9, 2023\n\nPRIME MINISTER VOSS: Welcome.\n\n"
        "CHANCELLOR AMARI: Thank you.\n\nQ Will you sign the pact?\n\n"
        "PRIME MINISTER VOSS: Yes.\n\nCHANCELLOR AMARI: We will.\n"
    )
    briefing = loaded(imported(text))
    assert [a.by for a in briefing.exchanges[0].answers] == [
        "Prime Minister Voss",
        "Chancellor Amari",
    ]


def test_when_the_record_cannot_decide_it_says_so() -> None:
    text = "Interview\nMay 2, 2021\n\nAnna Berg: Why is the bridge closed?\n\nTom Lee: Repairs.\n"
    result = imported(text)
    briefing = loaded(result)
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
    briefing = loaded(imported(text))
    assert [a.by for a in briefing.answers()] == ["Sara Lind"]


# Askers.


def test_calls_name_the_next_asker() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR HALE: Nothing to open with. Let's go to Rafael.\n\n"
        "QUESTION: Is the plan funded?\n\nMR HALE: It is. Next, Ines Moreau at Le Journal.\n\n"
        "QUESTION: By whom?\n\nMR HALE: By the province.\n\nMODERATOR: Kenji.\n\n"
        "QUESTION: And the city?\n\nMR HALE: Not yet.\n"
    )
    briefing = loaded(imported(text))
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
    briefing = loaded(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Rafael", "Rafael", None]


def test_a_q_labelled_self_introduction_is_reported_not_used() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMR HALE: Go ahead.\n\n"
        "Q Hi. Mona Diallo, Delta Radio. Is it funded?\n\nMR HALE: Yes.\n"
    )
    result = imported(text)
    assert loaded(result).exchanges[0].question.by is None
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
    briefing = loaded(result)
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
    result = imported(text)
    briefing = loaded(result)
    assert [(r.by, r.text[:20]) for r in briefing.remarks] == [("Lin Hao", "At the invitation of")]
    # Said, so neither counted nor listed as left out.
    assert "introduction" not in result.accounting.dropped
    assert not [d for d in result.accounting.lines if d.kind == "introduction"]
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_an_introduction_that_describes_the_briefing_stays_a_summary() -> None:
    text = (
        "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on May 9, 2024\n\n"
        "On the afternoon of May 9, Foreign Ministry Spokesperson Lin Hao held a regular "
        "press conference.\n\nQ: What is expected of the visit?\n\nA: Closer ties.\n"
    )
    briefing = loaded(imported(text))
    assert briefing.remarks == ()
    assert briefing.summary is not None and "held a regular" in briefing.summary


def test_a_role_label_takes_the_name_the_introduction_gives_the_role() -> None:
    text = (
        "Remarks at a media session\nMarch 8, 2020\n\nFollowing is the transcript of "
        "remarks by the Secretary for Transport and Housing, Dr Kelvin Ng, at a media "
        "session today:\n\nReporter: Will fares rise?\n\n"
        "Secretary for Transport and Housing: Not this year.\n"
    )
    briefing = loaded(imported(text))
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
    briefing = loaded(imported(text))
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
    briefing = loaded(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Ruth, Channel Five", None]


def test_a_second_podium_speaker_who_calls_the_next_asker_does_not_answer() -> None:
    text = (
        "Press briefing\nOctober 3, 2023\n\nMS. OKORO: Good afternoon. I'm joined by "
        "Deputy Minister Tomas Berg.\n\nDEPUTY MINISTER BERG: Thanks, Ada.\n\n"
        "MS. OKORO: Go ahead, Nadia.\n\nQ Minister, on the budget?\n\n"
        "DEPUTY MINISTER BERG: It is ready.\n\nMS. OKORO: Thanks, Minister. Go ahead, Raj.\n\n"
        "Q Ada, on the strike?\n\nMS. OKORO: Talks go on.\n"
    )
    briefing = loaded(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Nadia", ["Tomas Berg"]), ("Raj", ["Ms. Okoro"])]


def test_heading_block_office_courtesy_titles_and_a_name_that_ends_a_turn() -> None:
    text = (
        "Omar Haddad\nAssistant Secretary\nDaily Press Briefing\nJune 2, 2017\n\n"
        "MR HADDAD: Nothing at the top today. Priti.\n\nQUESTION: Any news on the talks?\n\n"
        "MR HADDAD: None yet.\n\n"
        "Frau Greta Lindner, Official Spokesperson: One more thing to add.\n"
    )
    briefing = loaded(imported(text))
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
    assert [a.by for a in loaded(result).answers()] == ["Official"]
    assert any("labelled only 'A'" in n.message for n in result.notes)


def test_numbered_journalists_ask_and_numbered_speakers_are_placed_by_turn_taking() -> None:
    text = (
        "Briefing\nMay 2, 2022\n\nMINISTER ODUYA: Welcome.\n\nReporter 1: Is the road open?"
        "\n\nMINISTER ODUYA: Yes.\n\nReporter 2: And the bridge?\n\nMINISTER ODUYA: No.\n"
    )
    briefing = loaded(imported(text))
    assert [(e.question.text, [a.by for a in e.answers]) for e in briefing.exchanges] == [
        ("Is the road open?", ["Minister Oduya"]),
        ("And the bridge?", ["Minister Oduya"]),
    ]
    anonymous = (
        "Call\nMay 2, 2022\n\nSPEAKER 1: Why was the vote moved?\n\nSPEAKER 2: The hall "
        "flooded.\n\nSPEAKER 3: When is it now?\n\nSPEAKER 2: Friday.\n"
    )
    result = imported(anonymous)
    asked = [(e.question.by, [a.by for a in e.answers]) for e in loaded(result).exchanges]
    assert asked == [("Speaker 1", ["Speaker 2"]), ("Speaker 3", ["Speaker 2"])]


def test_a_courtesy_title_does_not_make_an_asker_answer() -> None:
    text = (
        "Remarks\nMay 2, 2022\n\nSECRETARY ALVES: Good morning.\n\n"
        "MR. KOWALCZYK: Madam Secretary, is the port safe?\n\nSECRETARY ALVES: It is.\n\n"
        "MS. ABENA: And the airport?\n\nSECRETARY ALVES: Also.\n"
    )
    briefing = loaded(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Mr. Kowalczyk", ["Secretary Alves"]), ("Ms. Abena", ["Secretary Alves"])]


def test_a_chinese_title_names_the_spokesperson_of_answer_labels() -> None:
    text = "外交部发言人林海主持例行记者会\n2021年4月1日\n\n问：有何评论？\n\n答：我们注意到了。\n"
    briefing = loaded(imported(text))
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


def test_a_named_askers_outlet_in_the_labels_note() -> None:
    text = (
        "Media availability\nMarch 4, 2021\n\nPremier Dana Whitfield: Good morning.\n\n"
        "Moderator: First question, Karen Liu.\n\nKaren Liu (City News): When?\n\n"
        "Premier Dana Whitfield: Next week.\n\nKaren Liu (City News): And then?\n\n"
        "Premier Dana Whitfield: We will see.\n"
    )
    briefing = loaded(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Karen Liu, City News"] * 2


def test_a_full_name_from_a_mention_in_the_transcript_is_flagged() -> None:
    text = (
        "Remarks\nMay 2, 2022\n\nGOVERNOR ISAKSEN: Welcome. I thank our host, the "
        "mayor of the city, Ruth Lindgren.\n\nMAYOR LINDGREN: Thank you, Governor.\n\n"
        "Q Is the dam safe?\n\nGOVERNOR ISAKSEN: Yes.\n"
    )
    result = imported(text)
    mayor = loaded(result).speaker("Mayor Lindgren")
    assert mayor is not None and mayor.name == "Ruth Lindgren"
    assert "# check: the full name is taken from a mention in the transcript" in result.text


def test_a_second_official_adding_a_word_still_answers() -> None:
    text = (
        "Background call\nJune 3, 2022\n\nMODERATOR: Let's go to Rosa Vidal with Radio "
        "Sur.\n\nQ Will the ministers meet?\n\nSENIOR OFFICIAL 1: Yes.\n\n"
        "SENIOR OFFICIAL 2: Briefly.\n\nPresident of the Republic Ivan Dobrev: And soon.\n"
    )
    briefing = loaded(imported(text))
    answers = [a.by for a in briefing.exchanges[0].answers]
    assert answers == ["Senior Official 1", "Senior Official 2", "Ivan Dobrev"]
    assert briefing.exchanges[0].question.by == "Rosa Vidal, Radio Sur"
    dobrev = briefing.speaker("Ivan Dobrev")
    assert dobrev is not None and dobrev.role == "President of the Republic"


def test_an_outlet_is_only_the_capitalised_words_after_the_name() -> None:
    text = (
        "Press conference\nJune 4, 2024\nGOVERNOR ABARA. Welcome.\n"
        "ANA REYES. Ana Reyes from Canal Sur and I wanted to ask about rates?\n"
        "GOVERNOR ABARA. They hold.\nANA REYES. Thanks. And next year?\nGOVERNOR ABARA. Also.\n"
    )
    briefing = loaded(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Ana Reyes", "Ana Reyes"]


def test_name_comma_outlet_go_ahead_calls_the_next_asker() -> None:
    text = (
        "Briefing\nMay 3, 2022\n\nMS. OKORO: Welcome. Lena Park, Metro Wire, go ahead.\n\n"
        "Q Is the line open?\n\nMS. OKORO: It is.\n"
    )
    briefing = loaded(imported(text))
    assert [e.question.by for e in briefing.exchanges] == ["Lena Park, Metro Wire"]

"""What the Q&A view shows for a briefing, a person, or a person across briefings."""

from __future__ import annotations

import datetime as dt

from tui.library import BriefingSummary, CrossExchange
from tui.model import Answer, Briefing, Exchange, Question, Remark, Speaker
from tui.widgets.qa_document import briefing_document, cross_document, mark_matches
from tui.widgets.qa_layout import Layout

ID = "2017-10-11-shanghai"


def sample() -> Briefing:
    q1 = Question(f"{ID}#q1", 1, "Ports?", "STV")
    a11 = Answer(f"{ID}#q1.a1", 1, "Tang Zhiping", "Ports open.", "deputy secretary general")
    q2 = Question(f"{ID}#q2", 2, "Financing?\n\nAnd \x1b[2J bonds?", None)
    a21 = Answer(f"{ID}#q2.a1", 1, "Wang Sizheng", "Financing first.", "inspector")
    a22 = Answer(f"{ID}#q2.a2", 2, "Li Jun", "Three measures:\n1. bonds;\n2. loans.", "director")
    return Briefing(
        id=ID,
        title="Shanghai [bold]briefing[/]",
        date=dt.date(2017, 10, 11),
        speakers=(
            Speaker("Tang Zhiping", "deputy secretary general"),
            Speaker("Wang Sizheng", "inspector"),
            Speaker("Li Jun", "director"),
        ),
        remarks=(Remark(f"{ID}#r1", 1, "Tang Zhiping", "Welcome.", "deputy secretary general"),),
        items=(
            Exchange(q1, (a11,)),
            Remark(f"{ID}#r2", 2, "Tang Zhiping", "Next question."),
            Exchange(q2, (a21, a22)),
        ),
        organizer="Information Office",
        location="Shanghai",
        fidelity="highlights",
        source="https://example.org/x",
    )


def texts(doc_blocks: list[object]) -> list[str]:
    return [block.text for block in doc_blocks if not block.blank]  # type: ignore[attr-defined]


def test_whole_briefing_in_reading_order_with_labels() -> None:
    doc = briefing_document(sample())
    lines = texts(doc.blocks)
    assert lines[:4] == [
        "Shanghai [bold]briefing[/]",
        "Held 2017-10-11 · Information Office · Shanghai",
        "Fidelity: highlights",
        "Source: https://example.org/x",
    ]
    order = [line for line in lines if line.split(" ")[0] in ("QUESTION", "ANSWER", "REMARK")]
    assert order == [
        "REMARK r1 · Tang Zhiping, deputy secretary general",
        "QUESTION q1 · STV",
        "ANSWER q1.a1 · Tang Zhiping, deputy secretary general",
        "REMARK r2 · Tang Zhiping",
        "QUESTION q2 · unnamed journalist",
        "ANSWER q2.a1 · Wang Sizheng, inspector",
        "ANSWER q2.a2 · Li Jun, director",
    ]
    assert doc.answers == [f"{ID}#q1.a1", f"{ID}#q2.a1", f"{ID}#q2.a2"]
    assert "And ␛[2J bonds?" in lines  # paragraphs split on blank lines; controls visible
    assert "Three measures:\n1. bonds;\n2. loans." in lines  # single breaks kept


def test_every_block_of_an_answer_carries_its_reference() -> None:
    doc = briefing_document(sample())
    first, end = doc.blocks_of(f"{ID}#q2.a2")
    assert {block.answer for block in doc.blocks[first:end]} == {f"{ID}#q2.a2"}
    assert doc.blocks[first].style == "qa--answer-label"
    assert doc.blocks[doc.context_of(first)].text == "QUESTION q2 · unnamed journalist"


def test_a_speaker_keeps_the_question_and_only_their_answers() -> None:
    doc = briefing_document(sample(), ("li jun", "speaker"), "Li Jun")
    lines = texts(doc.blocks)
    assert doc.answers == [f"{ID}#q2.a2"]
    assert "QUESTION q2 · unnamed journalist" in lines
    assert "QUESTION q1 · STV" not in lines
    assert not any(line.startswith("REMARK") for line in lines)
    assert "QUESTIONS AND ANSWERS · only where Li Jun answered (1 of 2)" in lines
    assert doc.narrowed


def test_an_asker_keeps_their_questions_with_every_answer() -> None:
    doc = briefing_document(sample(), ("stv", "asker"), "STV")
    assert doc.answers == [f"{ID}#q1.a1"]
    assert "QUESTIONS AND ANSWERS · only where STV asked (1 of 2)" in texts(doc.blocks)


def test_cross_document_heads_each_briefing_and_keeps_roles() -> None:
    briefing = sample()
    summary = BriefingSummary(ID, briefing.title, briefing.date, "x.yaml", 2)
    exchange = briefing.exchanges[1]
    other = BriefingSummary("2018-01-05-fin", "Finance", dt.date(2018, 1, 5), "y.yaml", 1)
    later = Exchange(
        Question("2018-01-05-fin#q1", 1, "Banks?", "Reuters"),
        (Answer("2018-01-05-fin#q1.a1", 1, "Li Jun", "Welcome.", "deputy mayor"),),
    )
    rows = [CrossExchange(summary, exchange), CrossExchange(other, later)]
    doc = cross_document(rows, ("li jun", "speaker"), "Li Jun")
    lines = texts(doc.blocks)
    assert lines[:2] == [
        "ALL BRIEFINGS · Li Jun",
        "2 questions answered in 2 briefings, oldest first",
    ]
    assert "2017-10-11 · Shanghai [bold]briefing[/]" in lines
    assert "2018-01-05 · Finance" in lines
    assert "ANSWER q2.a2 · Li Jun, director" in lines
    assert "ANSWER q1.a1 · Li Jun, deputy mayor" in lines
    assert doc.answers == [f"{ID}#q2.a2", "2018-01-05-fin#q1.a1"]


def test_matches_follow_the_index_tokenizer() -> None:
    doc = briefing_document(sample())
    mark_matches(doc, ("bond*",))
    found = [doc.blocks[block].text[start:end] for block, start, end in doc.matches]
    assert found == ["bonds", "bonds"]  # in the question and in Li Jun's answer
    mark_matches(doc, ())
    assert doc.matches == []


def test_layout_wraps_on_demand_and_ends_exact() -> None:
    doc = briefing_document(sample())
    layout = Layout(doc, 20)
    assert layout.wrapped == 0
    estimated = layout.total
    layout.through_line(5, step=2)
    assert layout.lines > 5 and not layout.complete
    assert layout.position(0) == (0, 0)
    first, _ = doc.blocks_of(f"{ID}#q2.a2")
    line = layout.line_of(first)
    assert line is not None and layout.position(line) == (first, 0)
    text_block = first + 1  # "Three measures:\n1. bonds;\n2. loans."
    assert layout.line_at(text_block, doc.blocks[text_block].text.index("2. loans")) == (
        layout.end_of(text_block) - 1
    )
    layout.extend(len(doc.blocks))
    assert layout.complete
    assert layout.total == layout.lines
    assert abs(layout.total - estimated) <= len(doc.blocks)  # the estimate was close
    assert Layout(doc, 0).line_of(3) is None  # no width (hidden): nothing to wrap


def test_cross_document_counts_in_the_singular_when_there_is_one() -> None:
    briefing = sample()
    summary = BriefingSummary(ID, briefing.title, briefing.date, "x.yaml", 2)
    doc = cross_document(
        [CrossExchange(summary, briefing.exchanges[1])], ("li jun", "speaker"), "Li Jun"
    )
    assert texts(doc.blocks)[1] == "1 question answered in 1 briefing, oldest first"


def test_clipping_notes_show_under_what_they_note() -> None:
    notes = {
        f"{ID}#q1.a1": [("Ports story", "lead\x1b[31m quote"), ("Other", "")],
        f"{ID}#q2": [("Ports story", "ask again")],
        f"{ID}#r1": [("Ports story", "[bold]opening[/]")],
    }
    doc = briefing_document(sample(), notes=notes)
    texts = [block.text for block in doc.blocks]
    note = texts.index("Note (Ports story): lead␛[31m quote")  # control shown, not obeyed
    assert texts[note - 2] == "Ports open."  # under the answer, after its blank line
    assert doc.blocks[note].style == "qa--note"
    assert doc.blocks[note].answer == f"{ID}#q1.a1"  # part of the answer: the cursor bar
    assert doc.blocks_of(f"{ID}#q1.a1")[1] > note
    assert "Note (Other): " not in " ".join(texts)  # an empty note is not shown
    asked = texts.index("Note (Ports story): ask again")
    assert texts[asked - 2] == "And ␛[2J bonds?"
    assert "Note (Ports story): [bold]opening[/]" in texts
    assert not any(block.style == "qa--note" for block in briefing_document(sample()).blocks)

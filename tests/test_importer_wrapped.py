"""A PDF's text layer (a hard line break at every printed line, no blank lines, a
running header glued to its page counter) back into paragraphs, on a record written for
these tests; and, for any wrapped block, unwrapping keeps every letter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.importer import import_text
from tui.importer.clean import clean
from tui.importer.common import Para
from tui.importer.furniture import split_counter
from tui.importer.wrapped import (
    Vocabulary,
    is_hard_wrapped,
    join_lines,
    starts_upper_label,
    unwrap,
)
from tui.loader import load_bytes

HEADER = "May 2, 2024 Harbour Committee Hearing DRAFT"
HEARING = f"""{HEADER}
Transcript of the Harbour Committee Hearing
May 2, 2024
CHAIR NOVAK. Good morning. The committee meets today to hear from the port
authority about the dredging of the northern channel, which has been
delayed twice since the spring, and about the cost of that delay to the
fishing fleet and to the ferry operators.
We will hear first from the harbour master and then take questions from
the members. Each member has five minutes.
Harbour master, please go ahead.
TOMAS WEILAND. Thank you, Chair. The dredging of the northern channel be-
gan in March and stopped in April when the second barge broke down. We
have since hired a replacement barge from a yard in the south, and work
will resume next week. The cost of the delay is about two million—
Page 1 of 2{HEADER}
most of it in overtime and barge hire. The fishing fleet has used the
southern channel in the meantime, which adds an hour to each trip.
Our re-entry plan is short-term, and the long-term plan comes in June.
CHAIR NOVAK. Thank you. Member Osei.
AMA OSEI. Thank you. How many boats have used the southern channel,
and has the re-
entry plan been shared with the fleet?
TOMAS WEILAND. About forty boats a day since the work began. The plan was
shared on Friday.
Page 2 of 2"""


def test_a_hearing_in_pdf_text_comes_out_one_paragraph_per_turn() -> None:
    cleaned = clean(HEARING)
    assert [p.text for p in cleaned.body] == [
        "CHAIR NOVAK. Good morning. The committee meets today to hear from the port "
        "authority about the dredging of the northern channel, which has been delayed "
        "twice since the spring, and about the cost of that delay to the fishing fleet "
        "and to the ferry operators.",
        "We will hear first from the harbour master and then take questions from the "
        "members. Each member has five minutes.",
        "Harbour master, please go ahead.",
        "TOMAS WEILAND. Thank you, Chair. The dredging of the northern channel began in "
        "March and stopped in April when the second barge broke down. We have since "
        "hired a replacement barge from a yard in the south, and work will resume next "
        "week. The cost of the delay is about two million—most of it in overtime and "
        "barge hire. The fishing fleet has used the southern channel in the meantime, "
        "which adds an hour to each trip. Our re-entry plan is short-term, and the "
        "long-term plan comes in June.",
        "CHAIR NOVAK. Thank you. Member Osei.",
        "AMA OSEI. Thank you. How many boats have used the southern channel, and has "
        "the re-entry plan been shared with the fleet?",
        "TOMAS WEILAND. About forty boats a day since the work began. The plan was shared "
        "on Friday.",
    ]
    assert not any(HEADER in p.text or "Page" in p.text for p in cleaned.body)
    kinds = [(d.line, d.kind) for d in cleaned.dropped_lines]
    assert (1, "page artefacts") in kinds and (15, "page artefacts") in kinds
    assert (25, "page artefacts") in kinds


def test_the_hearing_imports_with_its_date_and_no_word_lost() -> None:
    result = import_text(HEARING, "hearing.txt")
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert briefing is not None and problems == []
    assert briefing.title == "Transcript of the Harbour Committee Hearing"
    assert str(briefing.date) == "2024-05-02"
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_hyphens_at_line_ends() -> None:
    vocabulary = Vocabulary(["a nation-wide survey and the nationwide plan", "co-operate"])
    # Spelt elsewhere with its hyphen: kept.
    assert join_lines(["a nation-", "wide survey"], vocabulary) == "a nation-wide survey"
    # Spelt elsewhere only without it: a hyphen the line filler added, taken away.
    assert join_lines(["the un-", "known plan"], Vocabulary(["unknown"])) == "the unknown plan"
    # Spelt nowhere else: kept, since a hyphen can be part of a word.
    assert join_lines(["a follow-", "up call"], vocabulary) == "a follow-up call"
    # A hyphen alone, or a dash after a space, is no word break.
    assert join_lines(["yes -", "no"], vocabulary) == "yes - no"
    assert join_lines(["and then —", "well"], vocabulary) == "and then — well"
    assert join_lines(["and then—", "well"], vocabulary) == "and then—well"


def test_upper_case_labels_at_a_line_start() -> None:
    assert starts_upper_label("AMA OSEI. Thank you.")
    assert starts_upper_label("MR. DE VRIES: Thanks.")
    assert starts_upper_label("OSEI: Thanks.")
    assert not starts_upper_label("U.S. trade rose.")
    assert not starts_upper_label("OK. So we go.")
    assert not starts_upper_label("The NATO summit.")


def test_a_web_paragraph_with_a_list_is_no_pdf_text() -> None:
    block = [
        (1, "MR. SMITH: We will do three things, as"),
        (2, "follows:"),
        (3, "1. First thing"),
        (4, "2. Second thing"),
        (5, "- a bullet"),
    ]
    assert not is_hard_wrapped(block, lambda t: t.startswith("MR."))


def test_a_sentence_that_ends_a_full_line_does_not_end_its_paragraph() -> None:
    block = [
        (1, "ANNA BERG. The vessel left the quay at nine in the morning and it"),
        (2, "reached the outer harbour an hour later than we had all planned."),
        (3, "Then the wind turned and it came back to the quay before noon, as"),
        (4, "the pilot had asked. That was the end of it."),
        (5, "KARL DAHL. Thanks."),
    ]
    paras = unwrap(block, Vocabulary([t for _, t in block]), lambda t: False)
    assert [p.line for p in paras] == [1, 5]


words_st = st.text(alphabet="abcdefgh", min_size=1, max_size=9)
lines_st = st.lists(
    st.builds(
        lambda ws, end: " ".join(ws) + end,
        st.lists(words_st, min_size=1, max_size=12),
        st.sampled_from(["", ".", "-", "—", "?", ","]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=200)
@given(lines_st)
def test_unwrapping_keeps_every_letter_in_order(texts: list[str]) -> None:
    block = list(enumerate(texts, start=1))
    paras = unwrap(block, Vocabulary(texts), lambda t: False)
    assert all(isinstance(p, Para) for p in paras)
    before = "".join(re.findall(r"\w", "".join(texts)))
    assert "".join(re.findall(r"\w", "".join(p.text for p in paras))) == before
    assert [p.line for p in paras] == sorted({p.line for p in paras})


def test_a_page_counter_glued_to_the_next_pages_first_line() -> None:
    text = (
        "Hearing\nMay 2, 2024\n"
        "CHAIR NOVAK. The channel closed in April and the fleet has used the south\n"
        "Page 1 of 2channel since, which adds an hour to each trip for the boats\n"
        "and a good deal of fuel, which the owners have asked us to pay for, so\n"
        "we have written to the ministry.\n"
        "AMA OSEI. Thank you. What does that cost the fleet, in all, each month?\n"
        "CHAIR NOVAK. Nobody has worked it out yet.\nPage 2 of 2"
    )
    cleaned = clean(text)
    assert [p.text for p in cleaned.body] == [
        "CHAIR NOVAK. The channel closed in April and the fleet has used the south channel "
        "since, which adds an hour to each trip for the boats and a good deal of fuel, "
        "which the owners have asked us to pay for, so we have written to the ministry.",
        "AMA OSEI. Thank you. What does that cost the fleet, in all, each month?",
        "CHAIR NOVAK. Nobody has worked it out yet.",
    ]
    assert [(d.line, d.text) for d in cleaned.dropped_lines if d.kind == "page artefacts"] == [
        (4, "Page 1 of 2"),
        (9, "Page 2 of 2"),
    ]


def test_a_page_counter_alone_is_never_cut_into_a_counter_and_a_number() -> None:
    assert split_counter("Page 28 of 28") == ("", "Page 28 of 28")
    assert split_counter("Page 12 of 30.") == ("", "Page 12 of 30.")
    assert split_counter("Page 3 of 12Harbour") == ("Page 3 of 12", "Harbour")


def test_a_repeated_header_without_a_counter_does_not_break_a_paragraph() -> None:
    header = "Harbour Committee Public Hearing"
    lines = [
        "CHAIR NOVAK. The channel closed in April and the fleet has used the south",
        header,
        "channel since, which adds an hour to each trip for the boats and a good",
        "deal of fuel, which the owners have asked us to pay for, so we have written",
        header,
        "to the ministry about it, and we wait for its answer on the whole question.",
        "AMA OSEI. Thank you. What does that cost the fleet, in all, each month, and",
        "who pays for it when the ministry does not?",
        header,
        "CHAIR NOVAK. Nobody has worked it out yet.",
    ]
    cleaned = clean("Hearing\nMay 2, 2024\n" + "\n".join(lines))
    assert [p.text[:12] for p in cleaned.body] == ["CHAIR NOVAK.", "AMA OSEI. Th", "CHAIR NOVAK."]
    assert "ministry about it" in cleaned.body[0].text
    assert cleaned.dropped == {"page artefacts": 3 * 4}

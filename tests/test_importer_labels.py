"""The label grammar (one test per family of :mod:`tui.importer.conventions`) and the
names made of labels, on labels written for the tests with other names and outlets than
any sample's; and generated labelled text, which is imported or refused, never losing a
word."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import imported, loaded

from tui.importer import ImportFailed
from tui.importer.labels import colon_labels, match_label
from tui.importer.names import spelled, split_role, titled

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
    briefing = loaded(imported(text))
    speaker = briefing.speaker("Ana Morales")
    assert speaker is not None and speaker.role == "President of Chile"


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
        result = imported(text, "generated.txt")
    except ImportFailed as exc:
        assert exc.message
        return
    briefing = loaded(result)
    written = [w for e in briefing.elements() for w in _lower(e.text)]
    assert written == _lower(" ".join(speech for _, speech in turns))
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_a_record_whose_colons_were_mangled_imports_whole() -> None:
    text = (
        "Regular Press Conference\nMay 5, 2021\n\n"
        "Harbour Daily Newsï¼š Any comment on the port?\n\n"
        "Lin Haoï¼š We welcome it.\n\nValley Radioï¼š And the ferry?\n\nLin Haoï¼š Soon.\n"
    )
    result = imported(text)
    briefing = loaded(result)
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Harbour Daily News", ["Lin Hao"]), ("Valley Radio", ["Lin Hao"])]
    assert result.accounting.body == result.accounting.labels + result.accounting.written


def test_upper_case_labels_with_a_full_stop_alone_on_their_line() -> None:
    text = (
        "Press conference\nJune 4, 2024\n\nGOVERNOR ABARA.\nGood afternoon.\n\n"
        "LENA BRANDT.\nLena Brandt, the Valley Herald. Why hold?\n\nGOVERNOR ABARA.\n"
        "Prices are calm.\n\nLENA BRANDT.\nAnd next month?\n\nGOVERNOR ABARA.\nWe will see.\n"
    )
    briefing = loaded(imported(text))
    asked = [(e.question.by, [a.by for a in e.answers]) for e in briefing.exchanges]
    assert asked == [("Lena Brandt, The Valley Herald", ["Governor Abara"])] * 2


def test_a_note_long_enough_for_a_full_name_and_a_long_outlet() -> None:
    text = "Journalist (Rosalind Ekwueme-Baptiste, Northern Broadcasting Corporation): Why?"
    label = match_label(text)
    assert label is not None
    assert (label.name, label.kind) == ("Journalist", "question")
    assert label.note == "Rosalind Ekwueme-Baptiste, Northern Broadcasting Corporation"
    assert label.rest == "Why?"

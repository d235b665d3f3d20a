"""For any input, the importer returns a checked transcript or a clear refusal
(:class:`ImportFailed`), and never raises anything else."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.importer import ImportFailed, Options, import_bytes, import_text
from tui.loader import load_bytes

PIECES = [
    "Q",
    "Q:",
    "Q.",
    "A:",
    "QUESTION:",
    "MS. PSAKI:",
    "THE PRESIDENT:",
    "MODERATOR:",
    "CHAIR POWELL.",
    "Tang Zhiping:",
    "China Daily:",
    "汪文斌：",
    "记者：",
    "Tang Zhiping, deputy secretary general, Shanghai",
    "Oct 31, 2017",
    "11:09 A.M. CEST",
    "END 2:28 P.M. CEST",
    "---",
    "title: x",
    "Thank you for your question!",
    "Could you give us some details?",
    "Well, first, I would say so.",
    "Next, let's go to Michael Shear with The New York Times.",
    "Lita.",
    "1. First item",
    "- bullet",
    "(Laughter.)",
    "\\[sic\\]",
    "\u00a0",
    "  ",
    "",
    "\t",
    "#",
    ": ",
    "|",
    '"',
    "'",
    "\\",
]

line = st.one_of(
    st.sampled_from(PIECES),
    st.text(max_size=30),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(PIECES), st.text(max_size=20)),
)
documents = st.lists(line, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
@example("Q\n1. First item\n\nLita.", False)  # a list item after a label printed alone
@example("QUESTION: \n汪文斌：\nOct 31, 2017 \U000c422f", False)  # a character outside the BMP
@example("MR. X: a\x85b\u2028c\x00d\te \n\nQ why?", True)  # YAML line breaks, controls
def test_any_text_imports_or_is_refused_clearly(text: str, split: bool) -> None:
    options = Options(split_embedded=split, date=dt.date(2020, 1, 1))
    try:
        result = import_text(text, "fuzz.txt", options)
    except ImportFailed as refusal:
        assert refusal.message
        assert "importer bug" not in refusal.message
        assert "importer bug" not in refusal.message
        return
    _, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert [p for p in problems if p.severity == "error"] == []
    counts = result.accounting
    assert counts.body == counts.labels + counts.written


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_import_or_are_refused_clearly(data: bytes) -> None:
    try:
        import_bytes(data, "fuzz.bin")
    except ImportFailed as refusal:
        assert refusal.message
        assert "importer bug" not in refusal.message

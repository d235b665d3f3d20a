"""PDF files: the text layer imported like copied text; a scanned, encrypted or damaged
PDF refused in one line naming the file. The PDFs are made by the tests
(:mod:`pdf_writer`, and pypdf for the encrypted ones), never downloaded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_writer import pdf
from pypdf import PdfReader, PdfWriter

from tui.cli import main
from tui.importer import ImportFailed
from tui.importer.sources import Raw, extract, import_raw
from tui.loader import load_bytes, load_file

PAGES = [
    [
        "Ministry of Fisheries",
        "Press Conference",
        "March 3, 2021",
        "MR. HALVORSEN-DIAZ: Good afternoon. Today we open the northern quota",
        "to small boats, and the rest of the season follows.",
        "Q: Minister, when will the quota be reviewed?",
        "MR. HALVORSEN-DIAZ: Next spring, after the survey.",
        "1",
    ],
    [
        "Q: And the \u201cred list\u201d \u2014 will it change?",
        "MR. HALVORSEN-DIAZ: Not this year.",
        "2",
    ],
]


def raw(data: bytes, name: str = "briefing.pdf") -> Raw:
    return Raw(name, data, ".pdf")


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(PAGES))))
    writer.encrypt(user_password, "owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_layer_is_read_page_after_page() -> None:
    source = extract(raw(pdf(PAGES)))
    assert source.kind == "pdf" and source.text is not None
    lines = source.text.splitlines()
    assert lines[3] == "MR. HALVORSEN-DIAZ: Good afternoon. Today we open the northern quota"
    assert lines[7] == "Q: And the \u201cred list\u201d \u2014 will it change?"


def test_imported_pdf_joins_wrapped_lines_and_drops_page_numbers() -> None:
    result = import_raw(raw(pdf(PAGES), "fisheries-2021-03-03.pdf"))
    assert result.id == "2021-03-03-fisheries"
    assert result.exchanges == 2
    briefing, _ = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert briefing is not None
    assert [r.text for r in briefing.remarks] == [
        "Good afternoon. Today we open the northern quota to small boats, "
        "and the rest of the season follows."
    ]
    assert [a.text for e in briefing.exchanges for a in e.answers] == [
        "Next spring, after the survey.",
        "Not this year.",
    ]
    assert result.accounting.dropped["page numbers"] == 2


def test_only_a_number_alone_at_a_page_edge_is_a_page_number() -> None:
    pages = [["Page 4 of 9", "Q: How many ships?", "MR. OKAFOR: 12", "tonnes: 300", "- 5 -"]]
    source = extract(raw(pdf(pages)))
    assert source.text == "Q: How many ships?\nMR. OKAFOR: 12\ntonnes: 300\n"
    assert source.dropped == {"page numbers": 5}


def test_the_gap_between_paragraphs_is_kept() -> None:
    lines = [
        "MS. FERREIRA-NAKATA: First point, which runs over two",
        "lines of the page.",
        "",
        "Second point, a paragraph of its own.",
        "Q: Thank you.",
    ]
    result = import_raw(raw(pdf([lines]), "port-2022-01-05.pdf"))
    briefing, _ = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert briefing is not None
    assert [r.text for r in briefing.remarks] == [
        "First point, which runs over two lines of the page.\n\n"
        "Second point, a paragraph of its own."
    ]


def test_a_pdf_with_no_text_layer_is_refused() -> None:
    with pytest.raises(ImportFailed) as caught:
        extract(raw(pdf([[], []])))
    assert caught.value.message.startswith("no text layer (a scanned PDF?)")


def test_a_pdf_locked_with_a_password_is_refused() -> None:
    with pytest.raises(ImportFailed) as caught:
        extract(raw(encrypted("reader-secret")))
    assert caught.value.message == "the PDF is encrypted with a password: save a copy without one"


def test_a_pdf_encrypted_only_against_editing_is_read() -> None:
    source = extract(raw(encrypted("")))
    assert source.text is not None and "northern quota" in source.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n1 0 obj <<", "not a readable PDF"),
        (b"plain words, not a PDF", "not a PDF file (it does not start with %PDF-)"),
    ],
)
def test_a_damaged_pdf_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        extract(raw(data))
    assert caught.value.message.startswith(message)


def test_command_line_messages_name_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "fisheries-2021-03-03.pdf"
    good.write_bytes(pdf(PAGES))
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(pdf([[]]))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted("reader-secret"))
    out = tmp_path / "out"
    code = main(["import", str(scanned), str(good), str(locked), "-o", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{scanned}: error: no text layer (a scanned PDF?)" in err
    assert f"{locked}: error: the PDF is encrypted with a password" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["2021-03-03-fisheries.yaml"]
    briefing, problems = load_file(out / "2021-03-03-fisheries.yaml")
    assert problems == [] and briefing is not None
    assert (
        briefing.exchanges[1].question.text == "And the \u201cred list\u201d \u2014 will it change?"
    )


SMALL = pdf([["MR. TANAKA-ROSS: Hello there.", "Q: Why?"], ["MR. TANAKA-ROSS: Because."]])


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), max_size=20),
    st.integers(16, len(SMALL)),
)
def test_a_damaged_pdf_is_text_or_one_line_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    changes: list[tuple[int, int]],
    keep: int,
) -> None:
    caplog.clear()
    data = bytearray(SMALL)
    for at, byte in changes:
        data[at] = byte
    try:
        source = extract(raw(bytes(data[:keep])))
    except ImportFailed as failure:
        assert failure.message and "\n" not in failure.message
    else:
        assert source.text is not None
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # the library prints nothing
    assert [r.getMessage()[:80] for r in caplog.records] == []  # nor logs


def test_an_unknown_font_encoding_is_read_without_a_page_of_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    source = extract(raw(SMALL.replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX")))
    assert source.text is not None and "Hello there." in source.text
    assert [r.getMessage()[:80] for r in caplog.records] == []

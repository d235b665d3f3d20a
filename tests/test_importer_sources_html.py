"""Saved web pages: the main text as paragraphs and lines, furniture left out and counted,
the charset, title, published date and address from where pages keep them.

The pages are written by hand for these tests, with invented names and sites, in the
shapes real publishing systems use (a banner and menu, an article with its own header,
boxes beside the text, scripts), so that each rule is seen on text it was not written for.
"""

from __future__ import annotations

import codecs
from html import escape as html_escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from importer_support import RAW

from tui.importer import ImportFailed
from tui.importer.sources import Raw, choose, extract, import_raw
from tui.importer.sources.html import KIND as html_kind
from tui.loader import load_bytes

TRANSCRIPT = """
<p>MS. ORTEGA-VANCE: Good morning.<br>Two announcements today.</p>
<p>Q: Minister, what about the harbour <em>tariffs</em>?</p>
<p>MS. ORTEGA-VANCE: We will publish them on Friday.</p>
"""


def page(body: str, head: str = '<meta charset="utf-8"><title>Briefing | Ministry</title>') -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>{body}</body></html>"


def html(text: str, name: str = "page.html", **kw: str) -> Raw:
    return Raw(name, text.encode(kw.pop("encoding", "utf-8")), ".html", **kw)  # type: ignore[arg-type]


FULL = page(
    """
<header class="site"><a href="/">Ministry of Ports</a><nav><a>Home</a><a>Press</a></nav></header>
<main>
  <article>
    <header><h1>Daily  Press Briefing</h1><p>Tuesday, April 9, 2019</p></header>
    """
    + TRANSCRIPT
    + """
    <aside><h2>See also</h2><p>Earlier briefings on ports policy</p></aside>
    <footer><p>Ends</p></footer>
  </article>
</main>
<footer class="site"><p>Copyright Ministry of Ports</p></footer>
<script>window.track("page view");</script>
""",
    head='<meta charset="utf-8"><title>Daily Press Briefing | Ministry of Ports</title>'
    '<meta property="article:published_time" content="2019-04-10T08:00:00+02:00">'
    '<link rel="canonical" href="https://ports.example/press/2019/04/09/briefing">',
)


def test_main_text_keeps_paragraphs_and_line_breaks() -> None:
    source = extract(html(FULL))
    assert source.kind == "html"
    assert source.text is not None
    paragraphs = source.text.strip().split("\n\n")
    assert paragraphs == [
        "Daily Press Briefing",
        "Tuesday, April 9, 2019",
        "MS. ORTEGA-VANCE: Good morning.\nTwo announcements today.",
        "Q: Minister, what about the harbour tariffs?",
        "MS. ORTEGA-VANCE: We will publish them on Friday.",
        "Ends",
    ]


def test_furniture_is_left_out_and_counted_in_words() -> None:
    source = extract(html(FULL))
    assert source.dropped == {
        "page header and footer": 9,  # Ministry of Ports Home Press + Copyright Ministry of Ports
        "boxes beside the text": 7,
        "scripts and styles": 4,
    }


def test_metadata_from_the_heading_and_meta_tags() -> None:
    source = extract(html(FULL))
    assert source.front == {
        "title": "Daily Press Briefing",
        "published": "2019-04-10",
        "source_url": "https://ports.example/press/2019/04/09/briefing",
        "site_name": "Ministry of Ports",
    }


def test_title_falls_back_to_og_title_then_title_element() -> None:
    og = '<meta property="og:title" content="Remarks to the Press"><title>Site</title>'
    assert extract(html(page(TRANSCRIPT, head=og))).front["title"] == "Remarks to the Press"
    plain = extract(html(page(TRANSCRIPT, head="<title> Remarks  at Noon </title>")))
    assert plain.front["title"] == "Remarks at Noon"
    site = extract(html(page(TRANSCRIPT, head="<title>Harbour Office | Remarks on Tolls</title>")))
    assert site.front["title"] == "Remarks on Tolls"


def test_published_date_from_structured_data_or_a_time_element() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-11-30T09:00:00Z", "headline": "x"}</script>'
    )
    assert extract(html(page(TRANSCRIPT, head=ld))).front["published"] == "2021-11-30"
    timed = page(f'<article><time datetime="2018-02-01">1 Feb</time>{TRANSCRIPT}</article>')
    assert extract(html(timed)).front["published"] == "2018-02-01"


def test_text_outside_the_main_article_is_left_out_when_the_article_holds_most() -> None:
    links = "".join(f"<div><a>Story number {i}</a></div>" for i in range(4))
    source = extract(html(page(f"{links}<article>{TRANSCRIPT}</article>")))
    assert source.text is not None and "Story number" not in source.text
    assert source.dropped["page outside the main text"] == 12
    # ... but a small article among much other text is not taken for the page's text
    listing = extract(html(page(f"<article><p>Teaser</p></article>{TRANSCRIPT}")))
    assert listing.text is not None and "Teaser" in listing.text and "tariffs" in listing.text


def test_a_page_built_of_divs_drops_what_its_classes_name() -> None:
    body = (
        '<div id="breadcrumbs">Home &gt; Press &gt; Briefings</div>'
        '<div class="content layout-with-sidebar">' + TRANSCRIPT + '<div class="share_bar">'
        "Share on every network</div></div>"
        '<div class="site-footer">Contact us and legal notice</div>'
        '<div class="footnote">1. A footnote is text.</div>'
    )
    source = extract(html(page(body)))
    assert source.text is not None
    assert source.text.startswith("MS. ORTEGA-VANCE: Good morning.")  # the wrapper is read
    assert source.text.endswith("\n\n1. A footnote is text.\n")
    assert source.dropped == {
        "page navigation": 3,
        "boxes beside the text": 4,
        "page header and footer": 5,
    }


def test_lists_tables_hidden_elements_and_preformatted_text() -> None:
    body = (
        "<p>MR. ADEBAYO-KRUSE: Three points:</p><ol><li>ports</li><li>rail</li></ol>"
        "<table><tr><th>Item</th><td>Cost</td></tr><tr><td>Quay</td><td>12</td></tr></table>"
        '<div hidden>secret draft</div><p aria-hidden="true">icon</p>'
        '<div style="color: red; DISPLAY: none">mobile menu</div>'
        "<pre>line one\n  line two</pre>"
    )
    source = extract(html(page(body)))
    assert source.text == (
        "MR. ADEBAYO-KRUSE: Three points:\n\n- ports\n- rail\n\nItem Cost\nQuay 12\n\n"
        "line one\nline two\n"
    )
    assert source.dropped == {"hidden elements": 5}


def test_list_items_holding_paragraphs_and_tables_holding_blocks() -> None:
    body = (
        "<ul><li><p>first <b>point</b></p></li><li></li><li>second</li></ul>"
        "<table><tr><td><p>cell text</p></td></tr><tr><td>next row</td></tr></table>"
    )
    source = extract(html(page(body)))
    assert source.text == "- first point\n\n- second\n\ncell text\n\nnext row\n"


@pytest.mark.parametrize(
    ("head", "encoding", "server"),
    [
        ('<meta charset="windows-1251">', "cp1251", None),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-5">',
            "iso8859_5",
            None,
        ),
        ("", "koi8_r", "koi8-r"),  # the server's header, no meta tag
        ('<meta charset="koi8-r">', "cp1251", "windows-1251"),  # the server wins
    ],
)
def test_charset_from_the_meta_tag_or_the_server(
    head: str, encoding: str, server: str | None
) -> None:
    text = page("<p>ГОСПОЖА ИВАНОВА: Добрый день.</p>", head=head)
    source = extract(Raw("p.html", text.encode(encoding), ".html", "text/html", server))
    assert source.text == "ГОСПОЖА ИВАНОВА: Добрый день.\n"
    assert source.notes == ()


def test_byte_order_mark_wins_over_a_wrong_declaration() -> None:
    text = page("<p>M. DUBOIS : Très bien.</p>", head='<meta charset="iso-8859-1">')
    source = extract(Raw("p.html", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), ".html"))
    assert source.text == "M. DUBOIS : Très bien.\n"


def test_latin1_declaration_is_read_as_windows_1252_as_browsers_do() -> None:
    text = page("<p>MR. O\u2019NEILL: \u201cYes.\u201d</p>", head='<meta charset="ISO-8859-1">')
    source = extract(Raw("p.html", text.encode("cp1252"), ".html"))
    assert source.text == "MR. O\u2019NEILL: \u201cYes.\u201d\n"


def test_invisible_characters_are_not_copied() -> None:
    text = page("<p>MR. HOLM: The imple\u00admentation\u200b starts.</p>")
    assert extract(html(text)).text == "MR. HOLM: The implementation starts.\n"


def test_a_wrong_declaration_is_a_warning_not_a_failure() -> None:
    text = page("<p>MS. NØRGAARD: Hello.</p>", head='<meta charset="x-no-such-charset">')
    source = extract(Raw("p.html", text.encode("utf-8"), ".html"))
    assert source.text == "MS. NØRGAARD: Hello.\n"
    assert [n.message for n in source.notes] == [
        "the page's charset 'x-no-such-charset' is unknown; read as UTF-8"
    ]


def test_a_page_with_no_text_says_what_was_left_out() -> None:
    empty = page("<nav><a>Home</a> <a>About us</a></nav><script>var a = 1;</script>")
    with pytest.raises(ImportFailed) as caught:
        extract(html(empty))
    assert caught.value.message == (
        "the page has no text to import (left out: page navigation 3, scripts and styles 3)"
    )


def test_a_page_with_no_transcript_is_refused() -> None:
    with pytest.raises(ImportFailed, match="no recognisable turns"):
        import_raw(html(page("<p>Opening hours of the visitor centre.</p>")))


def test_binary_bytes_named_html_are_refused() -> None:
    raw = Raw("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ".html")
    with pytest.raises(ImportFailed, match="this looks like a binary file"):
        import_raw(raw)
    with pytest.raises(ImportFailed, match="binary file, not an HTML page"):
        html_kind.extract(raw)  # read as HTML all the same, it is refused


def test_imported_page_loads_and_accounts_for_every_word() -> None:
    result = import_raw(html(FULL, "daily-briefing.html"))
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert [p for p in problems if p.severity == "error"] == []
    assert briefing is not None
    assert briefing.title == "Daily Press Briefing"
    assert briefing.date.isoformat() == "2019-04-09"
    assert briefing.source == "https://ports.example/press/2019/04/09/briefing"
    assert [q.question.text for q in briefing.exchanges] == [
        "Minister, what about the harbour tariffs?"
    ]
    dropped = result.accounting.dropped
    assert dropped["page header and footer"] == 9 and dropped["boxes beside the text"] == 7


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (Raw("a.txt", b"<!doctype html><p>x</p>", ".txt"), "html"),  # first bytes decide
        (Raw("a.html", b"%PDF-1.4\n...", ".html"), "pdf"),
        (Raw("u", b"<p>x</p>", "", "text/html"), "html"),  # then the content type
        (Raw("u", b"Q: x", ".html", "text/plain"), "text"),
        (Raw("a.htm", b"<p>x</p>", ".htm"), "html"),  # then the extension
        (Raw("a.html", b"Q: x?\n\nMR. A: y.", ".html"), "text"),  # ... if it can be one
        (Raw("a.pdf", b"not a pdf", ".pdf"), "pdf"),
        (Raw("notes", b"Q: x", ""), "text"),  # else text
        (Raw("a.md", b"<p>x</p>", ".md"), "text"),
    ],
)
def test_the_registry_chooses_by_content_then_type_then_extension(raw: Raw, kind: str) -> None:
    assert choose(raw).name == kind


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<br>",
                "<div>",
                "</div>",
                "<nav>",
                "</nav>",
                "<li>",
                "<pre>",
                "<article>",
                "</article>",
                "<script>",
                "</script>",
                "<header>",
                "<td>",
                "<!--",
                "MR. KOWALSKI-BRANDT:",
                "Q:",
                " ",
                "\n",
                "words and more",
                "&amp;",
                "\x00",
                "é",
            ]
        ),
        max_size=40,
    )
)
def test_any_page_gives_text_or_a_clear_refusal(pieces: list[str]) -> None:
    raw = html(page("".join(pieces)))
    try:
        result = import_raw(raw)
    except ImportFailed as failure:
        assert failure.message
    else:
        words = result.accounting
        assert words.body == words.labels + words.written


def _as_page(text: str) -> bytes:
    """A page as a plain publishing system makes it: a paragraph per block, ``<br>`` per
    line break, and nothing else."""
    blocks = [b for b in text.strip("\n").split("\n\n") if b.strip()]
    body = "".join(
        "<p>" + "<br>\n".join(html_escape(line) for line in block.split("\n")) + "</p>\n"
        for block in blocks
    )
    return page(body, head='<meta charset="utf-8">').encode("utf-8")


@pytest.mark.parametrize("sample", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem)
def test_a_page_made_of_a_sample_imports_as_the_sample_does(sample: Path) -> None:
    try:
        expected = import_raw(Raw(sample.name, sample.read_bytes(), ".txt"))
    except ImportFailed as failure:  # then the page must fail the same way
        with pytest.raises(ImportFailed) as caught:
            import_raw(Raw(f"{sample.stem}.html", _as_page(sample.read_text("utf-8")), ".html"))
        assert caught.value.message == failure.message
        return
    actual = import_raw(Raw(f"{sample.stem}.html", _as_page(sample.read_text("utf-8")), ".html"))
    assert actual.text.split("\n", 1)[1] == expected.text.split("\n", 1)[1]
    assert actual.accounting == expected.accounting


def test_the_publisher_is_what_the_page_says_it_is() -> None:
    og = '<meta property="og:site_name" content="Office of the Harbour  Master"><title>x</title>'
    assert extract(html(page(TRANSCRIPT, head=og))).front["site_name"] == (
        "Office of the Harbour Master"
    )
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
        '{"@type": "Organization", "name": "Lune City Hall"}}</script>'
    )
    assert extract(html(page(TRANSCRIPT, head=ld))).front["site_name"] == "Lune City Hall"
    titled = page(TRANSCRIPT, head="<title>Remarks on the Toll Road Budget | Tolls Board</title>")
    assert extract(html(titled)).front["site_name"] == "Tolls Board"
    untitled = page(TRANSCRIPT, head="<title>Remarks on the Toll Road Budget</title>")
    assert "site_name" not in extract(html(untitled)).front

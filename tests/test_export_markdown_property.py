"""Property: whatever a transcript says, the Markdown quote renders as exactly those words."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from quoting_samples import BRIEFING_ID, sample_briefing

from tui.export import escape_markdown, render
from tui.model import Answer

ALPHABET = string.ascii_letters[:6] + string.digits[:3] + string.punctuation + " \n\t"


def _rendered(markdown: str) -> str:
    """The text CommonMark shows for a document of paragraphs (breaks as newlines)."""
    paragraphs = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "inline":
            parts = [
                "\n" if child.type in ("hardbreak", "softbreak") else child.content
                for child in token.children or []
            ]
            paragraphs.append("".join(parts))
        elif token.type not in ("paragraph_open", "paragraph_close"):
            raise AssertionError(f"rendered as {token.type}, not as text: {markdown!r}")
    return "\n\n".join(paragraphs)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=30), min_size=1, max_size=4))
def test_escaped_lines_render_as_themselves(lines: list[str]) -> None:
    kept = [line.strip(" \t") for line in "\n".join(lines).split("\n")]
    kept = [line for line in kept if line]
    if not kept:
        return
    markdown = "\\\n".join(escape_markdown(line) for line in kept) + "\n"
    assert _rendered(markdown) == "\n".join(kept)


def _blockquote(markdown: str) -> str:
    tokens = MarkdownIt("commonmark").parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
    inner = tokens[start + 1 : end]
    assert {t.type for t in inner} <= {"paragraph_open", "paragraph_close", "inline"}
    paragraphs = []
    for token in inner:
        if token.type == "inline":
            children = token.children or []
            assert {c.type for c in children} <= {"text", "hardbreak"}
            paragraphs.append(
                "".join("\n" if c.type == "hardbreak" else c.content for c in children)
            )
    return "\n\n".join(paragraphs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=200))
def test_an_answer_blockquote_keeps_words_paragraphs_and_lines(text: str) -> None:
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip(" \t") for line in block.split("\n")]
        if any(lines):
            paragraphs.append("\n".join(line for line in lines if line))
    if not paragraphs:
        return
    answer = Answer(f"{BRIEFING_ID}#q1.a1", 1, "Gao Feng", text)
    assert _blockquote(render(sample_briefing(), answer, "md")) == "\n\n".join(paragraphs)

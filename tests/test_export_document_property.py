"""Property: any briefing the loader accepts exports whole, in every format, without loss.

Transcripts are generated as data, written as YAML (control characters, bidi controls,
U+FFFE and the like as YAML escapes) and read by the real loader; whatever it accepts
must give well-formed, schema-valid Akoma Ntoso XML, Markdown holding every answer's
words in order, and JSON that reads back into the same briefing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from tui.document_json import briefing_from_json
from tui.export import render_briefing
from tui.loader import load_bytes
from tui.model import normalise_name
from tui.safetext import visible

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "akn" / "akomantoso30.xsd")))

# Everything a YAML file can spell: printable text plus controls, bidi and odd code points.
_CHAR = st.one_of(
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF),
    st.sampled_from("\x1b\x07\x00\x9b\x7f\u202e\u200b\ufffe\t\r *_[]<>&#`\\|~1."),
)
_TEXT = st.text(_CHAR, min_size=1, max_size=40).filter(lambda t: t.strip() != "")
_PARAGRAPHS = st.lists(_TEXT, min_size=1, max_size=3).map("\n\n".join)
_NAME = st.text(st.sampled_from("abcXYZ 中文-.\x1b\u202e"), min_size=1, max_size=10).filter(
    lambda n: n.strip() != ""
)


@st.composite
def transcripts(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(_NAME, min_size=1, max_size=3, unique_by=normalise_name))
    speakers = [{"name": name} for name in names]
    for speaker in speakers:
        if draw(st.booleans()):
            speaker["role"] = draw(_TEXT)

    def statement() -> dict[str, str]:
        return {"by": draw(st.sampled_from(names)), "text": draw(_PARAGRAPHS)}

    exchanges: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 4)) == 0:
            exchanges.append({"remark": statement()})
            continue
        question: dict[str, str] = {"text": draw(_PARAGRAPHS)}
        if draw(st.booleans()):
            question["by"] = draw(_TEXT)
        exchanges.append(
            {"question": question, "answers": [statement() for _ in range(draw(st.integers(0, 2)))]}
        )
    document: dict[str, Any] = {
        "title": draw(_TEXT),
        "date": "2021-06-07",
        "speakers": speakers,
        "exchanges": exchanges,
    }
    for key, value in (
        ("organizer", _TEXT),
        ("location", _TEXT),
        ("summary", _PARAGRAPHS),
        ("source", st.sampled_from(["https://example.org/x?a=1&b=2", "http://e.org/<p>"])),
        ("language", st.sampled_from(["en", "zh-Hans"])),
        ("fidelity", st.sampled_from(["verbatim", "edited", "highlights"])),
    ):
        if draw(st.booleans()):
            document[key] = draw(value)
    if draw(st.booleans()):
        document["remarks"] = [statement()]
    return document


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|\\$", re.M)


def _md_words(md: str) -> list[str]:
    """The words a Markdown renderer shows: escapes and hard-break backslashes removed."""
    return _MD_ESCAPE.sub(lambda m: m.group(1) or "", md).split()


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_any_loadable_briefing_exports_whole(document: dict[str, Any]) -> None:
    data = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
    briefing, problems = load_bytes(data, "generated.yaml")
    assume(briefing is not None)
    assert briefing is not None, problems

    xml = render_briefing(briefing, "akn")
    ET.fromstring(xml)  # well-formed
    if not SCHEMA.validate(etree.fromstring(xml.encode("utf-8"))):
        pytest.fail("\n".join(str(error) for error in SCHEMA.error_log))

    md_words = _md_words(render_briefing(briefing, "md"))
    for answer in briefing.answers():
        said = visible(answer.text.replace("\r\n", "\n")).split()
        assert _contains_run(md_words, said), answer.ref

    assert briefing_from_json(render_briefing(briefing, "json")) == briefing
    assert render_briefing(briefing, "txt").strip()

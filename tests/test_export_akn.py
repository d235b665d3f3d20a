"""Akoma Ntoso debate XML: valid against the standard's schema, and the structure it asks.

The schema is the OASIS one, kept unchanged in ``tests/akn/`` (see its README); lxml
validates. The structure tests check what the schema cannot: that every ``by`` and ``as``
points at a person or role in ``references``, that the words are the record's, and that
characters XML cannot carry are replaced visibly while the others come back exactly.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from quoting_samples import ANSWER_TEXT, ASKER, BRIEFING_ID, GAO, LI, ORGANIZER, sample_briefing

from tui.cli import bundled_transcripts
from tui.export import render_briefing
from tui.loader import load_file
from tui.model import Answer, Briefing, Exchange, Question, Remark, Speaker

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = {"a": NS}
SCHEMA_FILE = Path(__file__).parent / "akn" / "akomantoso30.xsd"
BUNDLED = sorted(bundled_transcripts().glob("*.yaml"))


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


def _valid(schema: etree.XMLSchema, xml: str) -> None:
    document = etree.fromstring(xml.encode("utf-8"))
    if not schema.validate(document):
        pytest.fail("\n".join(str(error) for error in schema.error_log))


def _tree(briefing: Briefing) -> ET.Element:
    return ET.fromstring(render_briefing(briefing, "akn"))


def _local(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _words(element: ET.Element) -> str:
    """The text of a speech as the record has it: ``p`` paragraphs, ``br`` line breaks."""
    paragraphs = []
    for p in element.findall("a:p", A):
        parts = [p.text or ""]
        parts += [f"\n{br.tail or ''}" for br in p.findall("a:br", A)]
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs)


# --- the schema ------------------------------------------------------------------------


def test_the_sample_is_valid(schema: etree.XMLSchema) -> None:
    _valid(schema, render_briefing(sample_briefing(), "akn"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_briefing_is_valid(schema: etree.XMLSchema, path: Path) -> None:
    briefing, problems = load_file(path)
    assert briefing is not None, problems
    _valid(schema, render_briefing(briefing, "akn"))


def test_the_schema_is_really_applied(schema: etree.XMLSchema) -> None:
    """A debate without its required ``name`` fails: validation is not a formality."""
    xml = render_briefing(sample_briefing(), "akn").replace(' name="pressBriefing"', "", 1)
    document = etree.fromstring(xml.encode("utf-8"))
    assert not schema.validate(document)
    assert "name" in str(schema.error_log)


# --- the structure the standard's documentation asks -----------------------------------


def test_debate_has_its_name_and_parts_in_order() -> None:
    root = _tree(sample_briefing())
    assert root.tag == f"{{{NS}}}akomaNtoso"
    (debate,) = list(root)
    assert _local(debate) == "debate" and debate.get("name") == "pressBriefing"
    assert [_local(child) for child in debate] == ["meta", "preface", "debateBody"]
    meta = debate.find("a:meta", A)
    assert meta is not None
    assert [_local(child) for child in meta] == ["identification", "references"]


def test_frbr_levels_have_their_required_children_in_order() -> None:
    identification = _tree(sample_briefing()).find("a:debate/a:meta/a:identification", A)
    assert identification is not None and identification.get("source") == "#source"
    work, expression, manifestation = list(identification)
    core = ["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"]
    assert [_local(e) for e in work] == [*core, "FRBRcountry", "FRBRname"]
    assert [_local(e) for e in expression] == [*core, "FRBRlanguage"]
    assert [_local(e) for e in manifestation] == core
    for level in (work, expression, manifestation):
        for tag in ("FRBRthis", "FRBRuri"):
            value = level.find(f"a:{tag}", A)
            assert value is not None and value.get("value", "").startswith("/akn/")
        date = level.find("a:FRBRdate", A)
        assert date is not None and date.get("date") and date.get("name")
        author = level.find("a:FRBRauthor", A)
        assert author is not None and author.get("href", "").startswith("#")
    assert work.find("a:FRBRdate", A).get("date") == "2019-03-05"  # type: ignore[union-attr]
    assert expression.find("a:FRBRdate", A).get("date") == "2019-03-06"  # type: ignore[union-attr]
    assert expression.find("a:FRBRlanguage", A).get("language") == "en"  # type: ignore[union-attr]


def _references(root: ET.Element) -> dict[str, ET.Element]:
    found = root.findall("a:debate/a:meta/a:references/*", A)
    return {element.get("eId", ""): element for element in found}


def test_every_by_and_as_names_a_person_or_role_in_references() -> None:
    root = _tree(sample_briefing())
    references = _references(root)
    speeches = [e for e in root.iter() if _local(e) in ("speech", "question", "answer")]
    assert len(speeches) == 7  # two remarks, two questions, three answers
    for speech in speeches:
        person = references[speech.get("by", "").removeprefix("#")]
        assert _local(person) == "TLCPerson"
        from_ = speech.find("a:from", A)
        assert from_ is not None and from_.text == person.get("showAs")
        if speech.get("as") is not None:
            assert _local(references[speech.get("as", "").removeprefix("#")]) == "TLCRole"
    for author in root.iter(f"{{{NS}}}FRBRauthor"):
        assert _local(references[author.get("href", "").removeprefix("#")]) == "TLCOrganization"
    assert references["organizer"].get("showAs") == ORGANIZER


def test_eids_are_unique_even_when_names_look_like_parts() -> None:
    """A speaker called "Q1" or "Opening" must not take the eId of a question or section."""
    briefing = sample_briefing()
    odd = (Speaker("Q1"), Speaker("Opening"), Speaker("Li-Jun", "spokesperson"))
    first = briefing.exchanges[0]
    answers = tuple(
        Answer(f"{BRIEFING_ID}#q1.a{n}", n, s.name, f"said by {s.name}", s.role)
        for n, s in enumerate(odd, 1)
    )
    briefing = replace(briefing, speakers=(*briefing.speakers, *odd))
    briefing = replace(briefing, items=(replace(first, answers=answers), *briefing.items[1:]))
    root = _tree(briefing)
    eids = [e.get("eId") for e in root.iter() if e.get("eId") is not None]
    assert len(eids) == len(set(eids))
    references = _references(root)
    for answer in root.iter(f"{{{NS}}}answer"):
        person = references[answer.get("by", "").removeprefix("#")]
        assert answer.find("a:from", A).text == person.get("showAs")  # type: ignore[union-attr]


def test_exchanges_are_questions_with_their_answers_and_remarks_between() -> None:
    root = _tree(sample_briefing())
    body = root.find("a:debate/a:debateBody", A)
    assert body is not None
    opening, exchanges = body.findall("a:debateSection", A)
    assert opening.get("name") == "openingRemarks"
    assert [_local(e) for e in opening] == ["heading", "speech"]
    assert [_local(e) for e in exchanges] == ["heading", "questions", "speech", "questions"]
    first = exchanges.findall("a:questions", A)[0]
    assert [_local(e) for e in first] == ["heading", "question", "answer", "answer"]
    question, gao, li = first[1:]
    assert question.find("a:from", A).text == ASKER  # type: ignore[union-attr]
    assert (question.get("eId"), gao.get("eId"), li.get("eId")) == ("q1", "q1.a1", "q1.a2")
    assert _words(gao) == ANSWER_TEXT
    references = _references(root)
    assert references[gao.get("as", "").removeprefix("#")].get("showAs") == GAO.role
    assert references[li.get("as", "").removeprefix("#")].get("showAs") == LI.role
    unnamed = exchanges.findall("a:questions", A)[1].find("a:question", A)
    assert unnamed is not None
    assert references[unnamed.get("by", "").removeprefix("#")].get("showAs") == (
        "unnamed journalist"
    )


def test_the_preface_carries_the_header() -> None:
    preface = _tree(sample_briefing()).find("a:debate/a:preface", A)
    assert preface is not None
    title = preface.find("a:longTitle/a:p/a:docTitle", A)
    assert title is not None and title.text == "Trade & tariffs: the *new* rules"
    date = preface.find("a:p/a:docDate", A)
    assert date is not None and date.get("date") == "2019-03-05"
    link = preface.find("a:p/a:a", A)
    assert link is not None and link.get("href") == sample_briefing().source
    texts = ["".join(p.itertext()) for p in preface.findall("a:p", A)]
    assert "Fidelity: highlights (not a verbatim record)" in texts
    assert "Location: Beijing" in texts


# --- characters ------------------------------------------------------------------------

HOSTILE = "ESC\x1b[2J BEL\x07 NUL\x00 C1\x9b31m DEL\x7f RLO\u202eevil\u202c ZW\u200bSP end\ufffe"


def _hostile_briefing() -> Briefing:
    speaker = Speaker("Mal\x1bory", "role\x07 with bell")
    question = Question("x#q1", 1, HOSTILE, "Outlet\u202e")
    answer = Answer("x#q1.a1", 1, speaker.name, f"line one\r\n{HOSTILE}\rlone CR", speaker.role)
    return Briefing(
        id="x",
        title=f"Title {HOSTILE}",
        date=dt.date(2020, 1, 2),
        speakers=(speaker,),
        remarks=(Remark("x#r1", 1, speaker.name, HOSTILE, speaker.role),),
        items=(Exchange(question, (answer,)),),
        source="https://example.org/a?b=1&c=<2>",
    )


def test_characters_xml_cannot_carry_are_replaced_visibly(schema: etree.XMLSchema) -> None:
    xml = render_briefing(_hostile_briefing(), "akn")
    _valid(schema, xml)
    for raw in ("\x1b", "\x07", "\x00", "\x9b", "\x7f", "\u202e", "\u200b", "\ufffe", "\r"):
        assert raw not in xml  # nothing a terminal would act on, nothing XML forbids
    root = ET.fromstring(xml)
    question = next(root.iter(f"{{{NS}}}question"))
    said = _words(question)
    assert said.startswith("ESC␛[2J BEL␇ NUL␀ ")  # forbidden: the reader's stand-ins
    # allowed but dangerous on a terminal: written as references, read back exactly
    assert "C1\x9b31m DEL\x7f RLO\u202eevil\u202c ZW\u200bSP end\ufffd" in said
    answer = next(root.iter(f"{{{NS}}}answer"))
    assert _words(answer).endswith("\rlone CR")  # a lone CR is kept, not read as a break
    assert answer.find("a:from", A).text == "Mal␛ory"  # type: ignore[union-attr]
    references = _references(root)
    role = references[answer.get("as", "").removeprefix("#")]
    assert role.get("showAs") == "role␇ with bell"


def test_the_same_briefing_exports_to_the_same_bytes() -> None:
    assert render_briefing(sample_briefing(), "akn") == render_briefing(sample_briefing(), "akn")


def test_what_the_record_does_not_say_is_not_invented(schema: etree.XMLSchema) -> None:
    bare = replace(
        sample_briefing(None), organizer=None, language=None, published=None, location=None
    )
    xml = render_briefing(bare, "akn")
    _valid(schema, xml)
    root = ET.fromstring(xml)
    assert root.find(".//a:FRBRcountry", A).get("value") == "zz"  # type: ignore[union-attr]
    assert root.find(".//a:FRBRlanguage", A).get("language") == "und"  # type: ignore[union-attr]
    organizer = _references(root)["organizer"]
    assert organizer.get("showAs") == "organizer not stated in the record"
    assert "place" not in _references(root)
    texts = ["".join(p.itertext()) for p in root.findall("a:debate/a:preface/a:p", A)]
    assert "Fidelity: not stated (the record does not say whether it is verbatim)" in texts

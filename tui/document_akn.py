"""A whole briefing as Akoma Ntoso 3.0 debate XML, for archive software that reads it.

Akoma Ntoso (OASIS LegalDocML) is the XML standard parliaments and archives use for
debate records, and a press briefing is one: people on a podium, questions from the
floor, answers. Writing it lets other software (SayIt, for one, imports Akoma Ntoso)
take a briefing in without knowing this project's format. The shape, element order and
attributes follow the standard's schema (``akomantoso30.xsd``, which the tests validate
every export against):

* ``akomaNtoso/debate[@name="pressBriefing"]``, then ``meta``: ``identification`` with
  ``FRBRWork``, ``FRBRExpression`` and ``FRBRManifestation`` (each with ``FRBRthis``,
  ``FRBRuri``, ``FRBRdate``, ``FRBRauthor``; the work its ``FRBRcountry``, the expression
  its ``FRBRlanguage``), and ``references``: a ``TLCPerson`` for each speaker and asker,
  a ``TLCRole`` for each role, ``TLCOrganization`` for the organizer and for the source of
  the markup, ``TLCLocation`` for the place.
* ``preface``: the title (``docTitle``), the date held (``docDate``), published date,
  organizer, location, source link, fidelity in words and the summary.
* ``debateBody``: a ``debateSection`` of opening remarks (a ``speech`` each) and one of
  questions and answers, where each exchange is a ``questions`` element holding its
  ``question`` and ``answer`` elements, and a remark between exchanges is a ``speech``.
  Every speech, question and answer has ``by="#person"`` (and ``as="#role"`` where the
  record gives a role) pointing at an ``eId`` in ``references``, a ``from`` with the name
  as printed, its paragraphs as ``p`` (a single line break as ``br``), and the project's
  reference as its ``eId`` (``q2.a1``).

What the format does not record is said, not invented: the country is ``zz`` (the ISO 3166
code for "unknown"), a missing language is ``und`` (ISO 639's "undetermined"), a missing
organizer a ``TLCOrganization`` whose ``showAs`` says it is not stated. The language tag is
written as the transcript gives it (BCP 47, such as ``en`` or ``zh-Hans``). The expression
and manifestation are dated by the transcript (published, else held), not by the export,
so the same transcript always exports to the same bytes.

Characters. The tree is built with :mod:`xml.etree.ElementTree`, which escapes ``<``,
``&`` and quotes. XML 1.0 cannot carry the other C0 control characters (ESC, BEL ...) at
all, not even as references, nor U+FFFE/U+FFFF: they are replaced, visibly, by the same
stand-ins the reader shows (:mod:`tui.safetext`: ESC as ``␛``, the others as ``�``).
Characters XML allows but a terminal or an editor would act on or hide (DEL, C1 controls,
bidirectional controls, zero-width characters, a lone carriage return) are kept exactly,
written as character references (``&#x202E;``), so the file is safe to print and a
parser still reads the original text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tui.ids import slug
from tui.model import UNNAMED_ASKER, Answer, Briefing, Question, Remark, normalise_name
from tui.quote import fidelity_wording
from tui.safetext import BIDI_CONTROLS, REPLACEMENT, ZERO_WIDTH

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
COUNTRY = "zz"
"""ISO 3166-1 "unknown": the transcript format records no country."""
UNDETERMINED_LANGUAGE = "und"
DEBATE_NAME = "pressBriefing"
SOURCE_NAME = "briefing, the transcript reader that wrote this file"
NO_ORGANIZER = "organizer not stated in the record"

# Not in XML 1.0's Char production: replaced by the reader's stand-in.
_FORBIDDEN: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
for _kept in (0x09, 0x0A, 0x0D):
    del _FORBIDDEN[_kept]
_FORBIDDEN.update({0xFFFE: REPLACEMENT, 0xFFFF: REPLACEMENT})
_SURROGATE = re.compile("[\ud800-\udfff]")

# Allowed by XML but acted on or hidden by terminals and editors: written as references.
_AS_REFERENCE = re.compile("[\r\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH)) + "]")
_NEEDS_STAND_IN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by visible stand-ins."""
    if _NEEDS_STAND_IN.search(text) is None:
        return text
    return _SURROGATE.sub(REPLACEMENT, text.translate(_FORBIDDEN))


def _reference(match: re.Match[str]) -> str:
    return f"&#x{ord(match.group()):X};"


class _Ids:
    """Unique ``eId`` values: the schema requires them unique in the whole document."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, wanted: str) -> str:
        base = re.sub(r"\s+", "-", wanted) or "id"
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


class _References:
    """The ``references`` block, filled as the body names people, roles and places."""

    def __init__(self, element: ET.Element, ids: _Ids) -> None:
        self.element = element
        self.ids = ids
        self.people: dict[str, str] = {}
        self.roles: dict[str, str] = {}

    def add(self, kind: str, wanted: str, show_as: str) -> str:
        eid = self.ids.new(wanted)
        tag = {"person": "TLCPerson", "role": "TLCRole"}.get(kind, f"TLC{kind.title()}")
        _add(self.element, tag, eId=eid, href=f"/ontology/{kind}/{eid}", showAs=show_as)
        return eid

    def person(self, name: str) -> str:
        key = normalise_name(name)
        if key not in self.people:
            self.people[key] = self.add("person", slug(name, fallback="person"), name)
        return self.people[key]

    def role(self, role: str) -> str:
        if role not in self.roles:
            self.roles[role] = self.add("role", slug(role, fallback="role"), role)
        return self.roles[role]


def _uris(briefing: Briefing) -> tuple[str, str]:
    work = f"/akn/{COUNTRY}/debate/{briefing.date.isoformat()}/{briefing.id}"
    return work, f"{work}/{briefing.language or UNDETERMINED_LANGUAGE}@"


def _frbr(
    parent: ET.Element, tag: str, this: str, uri: str, date: tuple[str, str], author: str
) -> ET.Element:
    element = _add(parent, tag)
    _add(element, "FRBRthis", value=this)
    _add(element, "FRBRuri", value=uri)
    _add(element, "FRBRdate", date=date[0], name=date[1])
    _add(element, "FRBRauthor", href=author)
    return element


def _identification(meta: ET.Element, briefing: Briefing) -> None:
    work, expression = _uris(briefing)
    held = (briefing.date.isoformat(), "held")
    dated = (briefing.published.isoformat(), "published") if briefing.published else held
    identification = _add(meta, "identification", source="#source")
    frbr_work = _frbr(identification, "FRBRWork", f"{work}/!main", work, held, "#organizer")
    _add(frbr_work, "FRBRcountry", value=COUNTRY)
    _add(frbr_work, "FRBRname", value=briefing.title)
    frbr_expression = _frbr(
        identification, "FRBRExpression", f"{expression}/!main", expression, dated, "#organizer"
    )
    _add(frbr_expression, "FRBRlanguage", language=briefing.language or UNDETERMINED_LANGUAGE)
    _frbr(
        identification,
        "FRBRManifestation",
        f"{expression}/!main.xml",
        f"{expression}.akn",
        dated,
        "#source",
    )


def _paragraphs(parent: ET.Element, text: str) -> None:
    """``text`` as ``p`` elements (blank-line paragraphs), single breaks as ``br``."""
    paragraphs = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip("\n"))
    written = 0
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        p = _add(parent, "p", lines[0])
        for line in lines[1:]:
            _add(p, "br").tail = xml_text(line)
        written += 1
    if not written:
        _add(parent, "p")  # a speech holds at least one block, even when the record is empty


def _speech(
    parent: ET.Element,
    tag: str,
    element: Remark | Question | Answer,
    name: str,
    by: str,
    role: str | None = None,
) -> None:
    attrs = {"by": f"#{by}", "eId": _eid(element.ref)}
    if role is not None:
        attrs["as"] = f"#{role}"
    speech = _add(parent, tag, **attrs)
    _add(speech, "from", name)
    _paragraphs(speech, element.text)


def _eid(ref: str) -> str:
    """The ``eId`` of a remark, question or answer: its reference after ``#`` (``q2.a1``)."""
    return ref.rpartition("#")[2]


class _Body:
    """Builds ``debateBody``, naming people and roles in ``references`` as it goes."""

    def __init__(self, briefing: Briefing, references: _References) -> None:
        self.briefing = briefing
        self.references = references

    def statement(self, parent: ET.Element, tag: str, element: Remark | Answer) -> None:
        speaker = self.briefing.speaker(element.by)
        name = speaker.name if speaker is not None else element.by
        role = element.role if element.role is not None else (speaker.role if speaker else None)
        role_id = self.references.role(role) if role else None
        _speech(parent, tag, element, name, self.references.person(name), role_id)

    def section(self, body: ET.Element, name: str, eid: str, heading: str) -> ET.Element:
        section = _add(body, "debateSection", name=name, eId=eid)
        _add(section, "heading", heading)
        return section

    def build(self, body: ET.Element) -> None:
        if self.briefing.remarks:
            opening = self.section(body, "openingRemarks", "opening", "Opening remarks")
            for remark in self.briefing.remarks:
                self.statement(opening, "speech", remark)
        exchanges = self.section(body, "questionsAndAnswers", "exchanges", "Questions and answers")
        for item in self.briefing.items:
            if isinstance(item, Remark):
                self.statement(exchanges, "speech", item)
                continue
            question = item.question
            group = _add(exchanges, "questions", eId=f"exchange-{_eid(question.ref)}")
            _add(group, "heading", f"Question {question.number}")
            asker = question.by or UNNAMED_ASKER
            _speech(group, "question", question, asker, self.references.person(asker))
            for answer in item.answers:
                self.statement(group, "answer", answer)


def _structural_ids(briefing: Briefing) -> set[str]:
    """The ``eId`` values the document's own parts take, kept from people and roles."""
    ids = {"source", "organizer", "place", "summary", "opening", "exchanges"}
    for element in briefing.elements():
        ids.add(_eid(element.ref))
    ids.update(f"exchange-{_eid(exchange.ref)}" for exchange in briefing.exchanges)
    return ids


def _preface(debate: ET.Element, briefing: Briefing) -> None:
    preface = _add(debate, "preface")
    long_title = _add(preface, "longTitle")
    _add(_add(long_title, "p"), "docTitle", briefing.title)
    _labelled(
        preface, "Held: ", "docDate", briefing.date.isoformat(), date=briefing.date.isoformat()
    )
    if briefing.published:
        published = briefing.published.isoformat()
        _labelled(preface, "Published: ", "date", published, date=published)
    if briefing.organizer:
        _labelled(preface, "Organizer: ", "organization", briefing.organizer, refersTo="#organizer")
    if briefing.location:
        _labelled(preface, "Location: ", "location", briefing.location, refersTo="#place")
    if briefing.source and re.fullmatch(r"https?://[^\s<>\"]+", briefing.source):
        _labelled(preface, "Source: ", "a", briefing.source, href=briefing.source)
    elif briefing.source:
        _add(preface, "p", f"Source: {briefing.source}")
    _add(preface, "p", f"Fidelity: {fidelity_wording(briefing.fidelity)}")
    if briefing.summary:
        _paragraphs(_add(preface, "container", name="summary", eId="summary"), briefing.summary)


def _labelled(parent: ET.Element, label: str, tag: str, text: str, **attrs: str) -> None:
    p = _add(parent, "p", label)
    _add(p, tag, text, **attrs)


def _organizations(references: ET.Element, briefing: Briefing) -> None:
    """The source of the markup, the organizer and the place: fixed ``eId`` values."""
    fixed = [
        ("TLCOrganization", "organization", "source", SOURCE_NAME),
        ("TLCOrganization", "organization", "organizer", briefing.organizer or NO_ORGANIZER),
    ]
    if briefing.location:
        fixed.append(("TLCLocation", "location", "place", briefing.location))
    for tag, kind, eid, show_as in fixed:
        _add(references, tag, eId=eid, href=f"/ontology/{kind}/{eid}", showAs=show_as)


def build_akn(briefing: Briefing) -> ET.Element:
    """The ``akomaNtoso`` element of ``briefing`` (see the module docstring)."""
    root = ET.Element("akomaNtoso", xmlns=AKN_NAMESPACE)
    debate = _add(root, "debate", name=DEBATE_NAME)
    meta = _add(debate, "meta")
    _identification(meta, briefing)
    ids = _Ids()
    ids.used.update(_structural_ids(briefing))
    references = _References(_add(meta, "references", source="#source"), ids)
    _organizations(references.element, briefing)
    for speaker in briefing.speakers:
        references.person(speaker.name)
        if speaker.role:
            references.role(speaker.role)
    _preface(debate, briefing)
    _Body(briefing, references).build(_add(debate, "debateBody"))
    return root


_INLINE = frozenset({"p", "from", "heading"})
"""Elements with mixed content: indenting inside them would add spaces to the words."""


def _indent(root: ET.Element) -> None:
    ET.indent(root, space="  ")
    for element in root.iter():
        if element.tag not in _INLINE:
            continue
        if element.text is not None and not element.text.strip():
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip():
                child.tail = None


def render_akn(briefing: Briefing) -> str:
    root = build_akn(briefing)
    _indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=True)
    # ElementTree writes every character XML allows as itself; the ones a terminal would
    # act on become references here, in the finished text, where only data can hold them.
    return _AS_REFERENCE.sub(_reference, text) + "\n"

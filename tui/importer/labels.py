"""Speaker labels at the start of a paragraph, in the conventions real transcripts use.

A label is recognised only at the start of a paragraph (or of a line, for records that
print one turn per line) and only in a shape that prose rarely takes:

- ``Q``, ``Q.``, ``Q:``, ``QUESTION:``, ``Question:``, ``问：`` ask; ``A:``, ``A.``,
  ``ANSWER:``, ``答：`` answer (a bare ``A`` is the article, never a label);
- upper-case names with a colon (``MS. PSAKI:``, ``MR KIRBY:``, ``THE PRESIDENT:``);
  with a full stop or with nothing at all only when the first word is a title or role
  (``CHAIR POWELL.``), or the label is already known from a colon form elsewhere;
- title-case names or outlets with a colon (``Tang Zhiping:``, ``China Business News
  Daily:``, ``Spokesperson Wang Wenbin:``); one word alone only when it is a role word
  or the record labels turns that way (see :func:`colon_labels`), so that ``Finally:
  ...`` stays prose;
- a run of Chinese characters with a full-width or ASCII colon (``汪文斌：``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["question", "answer", "name"]

_HONORIFIC_WORDS = """MR MR. MS MS. MRS MRS. MISS DR DR. THE AMBASSADOR SECRETARY GENERAL
    GEN GEN. ADMIRAL
    ADM ADM. VICE PRESIDENT CHAIR CHAIRMAN CHAIRWOMAN SENATOR SEN SEN. GOVERNOR GOV GOV.
    MAYOR PRIME MINISTER SPOKESPERSON SPOKESMAN SPOKESWOMAN DEPUTY PRESS DIRECTOR COLONEL COL
    COL. CAPTAIN CAPT CAPT. LT LT. LIEUTENANT MAJOR SPEAKER LEADER REPRESENTATIVE REP REP.
    ASSISTANT ATTORNEY COMMISSIONER PROFESSOR PROF PROF. JUDGE JUSTICE MADAM MADAME SIR
    LORD LADY KING QUEEN PRINCE FOREIGN DEFENSE STATE COUNSELOR COUNCILLOR FIRST SECOND
    SENIOR ADMINISTRATION OFFICIAL MODERATOR INTERPRETER PARTICIPANT REPORTER SUPERINTENDENT
    CHIEF COMMANDER SERGEANT SGT SGT. SEC SEC. AMB AMB. ACTING UNDER MAJ MAJ. BRIG BRIG.
    REAR VADM RADM HON HON. SECRETARY-GENERAL"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
"""Words that begin a label naming a person by title (upper case, as transcripts print)."""

ROLE_WORDS = frozenset(
    {
        "moderator",
        "interpreter",
        "participant",
        "reporter",
        "journalist",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "audience",
        "host",
        "chair",
        "chairman",
        "president",
        "question",
        "answer",
    }
)

QUESTION_WORDS = frozenset({"q", "question", "问", "reporter", "journalist", "记者"})
ANSWER_WORDS = frozenset({"a", "answer", "答"})


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a text.

    ``raw`` is the label as printed, separator included (``MS. PSAKI:``), so that the
    word accounting can add its words back; ``name`` is the label without separator.
    """

    raw: str
    name: str
    kind: LabelKind
    rest: str


_UW = r"[A-Z][A-Z'’\-]*\.?"
_UPPER_COLON = re.compile(rf"({_UW}(?:[ \t]+{_UW}){{0,5}})[ \t]*[:：](?=\s|$)")
_UPPER_STOP = re.compile(rf"({_UW}(?:[ \t]+{_UW}){{1,5}})\.(?=[ \t]+\S)")
_UPPER_BARE = re.compile(rf"({_UW}(?:[ \t]+{_UW}){{1,5}})[ \t]+(?=[A-Z][a-z\s]|[“\"(—–-])")
_MW = r"[A-Z][\w.’'&\-]*"
_LINK = r"(?:of|the|and|for|de|du|da|van|von|der|al|bin|on|in|&)"
_MIXED = re.compile(rf"({_MW}(?:[ \t]+(?:{_MW}|{_LINK}|[0-9][\w\-]*)){{0,6}})[ \t]*:(?=\s|$)")
_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff·]{0,14})[ \t]*[：:]")
_Q = re.compile(r"(Q|QUESTION|Question|问)[ \t]*[:：.](?=\s|$)|Q(?=\s+(?!&|and\b|[-–]\s*A\b)|$)")
_A = re.compile(r"(A|ANSWER|Answer)[ \t]*[:.](?=\s|$)|答[ \t]*[：:]")


def _letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)


def _make(text: str, end: int, name: str, kind: LabelKind) -> Label:
    return Label(raw=text[:end].rstrip(), name=name.strip(), kind=kind, rest=text[end:].strip())


def match_label(text: str, known: Iterable[str] = ()) -> Label | None:
    """The label at the start of ``text``, or ``None`` when the text starts with prose.

    ``known`` holds label names (compared case-insensitively) seen elsewhere in the
    record with a colon; they are recognised here in their other printed forms too.
    """
    known_keys = {k.casefold() for k in known}
    m = _Q.match(text)
    if m:
        return _make(text, m.end(), m.group(1) or "Q", "question")
    m = _A.match(text)
    if m:
        return _make(text, m.end(), m.group(1) or "答", "answer")
    m = _UPPER_COLON.match(text)
    if m and _letters(m.group(1)) >= 2:
        return _make(text, m.end(), m.group(1), _kind(m.group(1)))
    for pattern in (_UPPER_STOP, _UPPER_BARE):
        m = pattern.match(text)
        if m and _letters(m.group(1)) >= 2:
            name = m.group(1)
            first = name.split()[0]
            if first in HONORIFICS or name.casefold() in known_keys:
                return _make(text, m.end(), name, _kind(name))
    m = _MIXED.match(text)
    if m:
        name = m.group(1)
        parts = name.split()
        last_ok = parts[-1][:1].isupper() or parts[-1][:1].isdigit()
        single_ok = (
            len(parts) > 1 or parts[0].casefold() in ROLE_WORDS or name.casefold() in known_keys
        )
        if last_ok and single_ok and not name.endswith("."):
            return _make(text, m.end(), name, _kind(name))
    m = _CJK.match(text)
    if m:
        return _make(text, m.end(), m.group(1), _kind(m.group(1)))
    return None


def _kind(name: str) -> LabelKind:
    key = name.strip().casefold()
    if key in QUESTION_WORDS or key.endswith("记者"):
        return "question"
    if key in ANSWER_WORDS:
        return "answer"
    return "name"


_SINGLE = re.compile(r"([A-Z][\w’'\-]+)[ \t]*:(?=\s|$)")
_NOT_LABEL_WORDS = """finally however first second third fourth fifth next last note notes
    example update
    correction today yesterday tomorrow also additionally background context summary subject
    date time location source photo video watch read listen related topics tags editor
    transcript remarks statement announcement notice warning result results conclusion
    meanwhile moreover furthermore therefore thus still yes no well so now then here there
    why what how when where who which this that these those it he she they we you i
    again anyway actually basically look sorry okay ok please quote unquote"""
_NOT_LABELS = frozenset(_NOT_LABEL_WORDS.split())


def colon_labels(lines: Iterable[str]) -> set[str]:
    """Label names printed with a colon somewhere in the record (the reliable forms).

    Upper-case names always count. Where the record labels turns with title-case names
    of several words (``Tang Zhiping:``), one-word outlets in the same form count too
    (``Bloomberg:``, ``Xinhua:``), unless the word is one that starts prose
    (``Finally:``, ``Note:``).
    """
    found: set[str] = set()
    singles: set[str] = set()
    mixed = False
    for line in lines:
        text = line.strip()
        m = _UPPER_COLON.match(text)
        if m and _letters(m.group(1)) >= 2:
            found.add(m.group(1).strip())
            continue
        label = match_label(text)
        if label is not None and label.kind == "name" and len(label.name.split()) > 1:
            mixed = mixed or label.name.upper() != label.name
        single = _SINGLE.match(text)
        if single and single.group(1).casefold() not in _NOT_LABELS:
            singles.add(single.group(1))
    return found | singles if mixed else found

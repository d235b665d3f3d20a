"""Upper-case labels, as US government transcripts print them.

- with a colon: ``MS. PSAKI:``, ``MR KIRBY:`` (no full stop), ``THE PRESIDENT:``,
  ``DR. NUNEZ-SMITH:``, ``INTERPRETER:``;
- with a full stop (``CHAIR POWELL.``, ``HOWARD SCHNEIDER.``) or with nothing
  (``SENATOR JOHNSON Yes.``): shapes a sentence can take too, so they count only when
  the first word is a title or role, or the record shows the name is a label (see
  :func:`tui.importer.labels.colon_labels`, which finds the names a record prints
  again and again in that shape).
"""

from __future__ import annotations

import re

from tui.importer.conventions.base import COLON, NOTE, Convention, letters

UPPER = "A-ZÀ-ÖØ-Þ"
_UW = rf"[{UPPER}][{UPPER}'’\-]*\.?"
UPPER_NAME = rf"{_UW}(?:[ \t]+{_UW}){{0,5}}"
"""One to six upper-case words, each perhaps abbreviated (``MS.``, ``LT.``)."""

_HONORIFIC_WORDS = """MR MR. MS MS. MRS MRS. MISS DR DR. THE AMBASSADOR SECRETARY GENERAL
    GEN GEN. ADMIRAL
    ADM ADM. VICE PRESIDENT CHAIR CHAIRMAN CHAIRWOMAN SENATOR SEN SEN. GOVERNOR GOV GOV.
    MAYOR PRIME MINISTER SPOKESPERSON SPOKESMAN SPOKESWOMAN DEPUTY PRESS DIRECTOR COLONEL COL
    COL. CAPTAIN CAPT CAPT. LT LT. LIEUTENANT MAJOR SPEAKER LEADER REPRESENTATIVE REP REP.
    ASSISTANT ATTORNEY COMMISSIONER PROFESSOR PROF PROF. JUDGE JUSTICE MADAM MADAME SIR
    LORD LADY KING QUEEN PRINCE FOREIGN DEFENSE STATE COUNSELOR COUNCILLOR FIRST SECOND
    SENIOR ADMINISTRATION OFFICIAL MODERATOR INTERPRETER PARTICIPANT REPORTER SUPERINTENDENT
    CHIEF COMMANDER SERGEANT SGT SGT. SEC SEC. AMB AMB. ACTING UNDER MAJ MAJ. BRIG BRIG.
    REAR VADM RADM HON HON. SECRETARY-GENERAL CHANCELLOR PREMIER MINISTER"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
"""Words that begin a label naming a person by title (upper case, as transcripts print)."""


def _two_letters(name: str, known: frozenset[str]) -> bool:
    return letters(name) >= 2


def _titled_or_known(name: str, known: frozenset[str]) -> bool:
    return letters(name) >= 2 and (name.split()[0] in HONORIFICS or name.casefold() in known)


CONVENTIONS = (
    Convention(
        "upper case, colon",
        re.compile(rf"(?P<name>{UPPER_NAME}){NOTE}[ \t]*{COLON}(?=\s|$)"),
        accept=_two_letters,
    ),
    Convention(
        "upper case, full stop",
        re.compile(rf"(?P<name>{_UW}(?:[ \t]+{_UW}){{1,5}})\.(?=[ \t]+\S|$)"),
        accept=_titled_or_known,
    ),
    Convention(
        "upper case, no separator",
        re.compile(rf"(?P<name>{_UW}(?:[ \t]+{_UW}){{1,5}})[ \t]+(?=[A-Z][a-z\s]|[“\"(—–-])"),
        accept=_titled_or_known,
    ),
)

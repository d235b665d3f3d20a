"""Title-case labels with a colon: names, outlets, roles, and the two joined by a comma.

``Tang Zhiping:``, ``Xinhua News Agency:``, ``Spokesperson Wang Wenbin:``,
``Secretary for Food and Health:``, ``Shear, New York Times:`` (surname, outlet),
``Jane Roe, Deputy Minister:`` (name, role), ``Anna Berg (retranslated):``. One word
alone counts only when it is a role word or the record labels turns that way
(``Bloomberg:`` among ``Tang Zhiping:`` turns), so that ``Finally: ...`` stays prose.
"""

from __future__ import annotations

import re

from tui.importer.conventions.base import COLON, NOTE, Convention

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
        "minister",
        "secretary",
        "director",
        "ambassador",
        "governor",
        "mayor",
        "premier",
        "chancellor",
        "commissioner",
        "translator",
    }
)
"""Words that name what someone does at a briefing; a one-word label of these counts."""

_MW = r"[A-ZÀ-ÖØ-Þ][\w.’'&\-]*"
LINK = r"(?:of|the|and|for|de|du|da|van|von|der|al|bin|on|in|&|la|le|y|do|dos)"
_WORDS = rf"{_MW}(?:[ \t]+(?:{_MW}|{LINK}|[0-9][\w\-]*)){{0,7}}"


def _title_case(name: str, known: frozenset[str]) -> bool:
    head = name.split(",")[0]
    parts = head.split()
    last = name.split()[-1]
    if not (last[:1].isupper() or last[:1].isdigit()) or name.endswith("."):
        return False
    return (
        len(parts) > 1
        or "," in name
        or parts[0].casefold() in ROLE_WORDS
        or name.casefold() in known
    )


CONVENTIONS = (
    Convention(
        "title case, colon",
        re.compile(rf"(?P<name>{_WORDS}(?:,[ \t]+{_WORDS})?){NOTE}[ \t]*{COLON}(?=\s|$)"),
        accept=_title_case,
    ),
)

"""A quote's source as CSL-JSON: the data every named citation style is rendered from.

CSL-JSON is the citation data format of the Citation Style Language, read by Zotero,
Pandoc and every CSL processor, so ``briefing cite --style csl-json`` hands a reference
manager exactly what the APA, Chicago and MLA citations are built from. A briefing is a
``speech`` item:

========================  ============================================================
CSL variable              from
========================  ============================================================
``author``                who said the words (the asker of a question; none when the
                          record does not name the asker)
``title``                 the briefing's title
``genre``                 ``Speech transcript`` (the record is a transcript of spoken words)
``event``                 the organizer (who held the briefing, the event's host)
``event-place``           the location
``event-date``, ``issued``  the date held (a speech is dated by the day it was given)
``publisher``             the organizer (who published the record)
``URL``                   the source
``accessed``              the day the citation is made
========================  ============================================================

Names. A style prints "Psaki, J." or "Psaki, Jen", so a person's name is split into
family and given names: the last word is the family name (with the lower-case particles
before it, ``van``, ``de`` ..., and a generational suffix after it kept apart). What is
not a person's name in that form stays whole (a CSL ``literal``): one word, a name with a
comma (``Howard Schneider, Reuters``), a name in a script other than Latin, and a name
with a role or organisation word (``Senior Administration Official``, ``Bloomberg News``).
Names written family name first (``Wang Wenbin``) cannot be told from the spelling alone;
the speaker's aliases can tell: one that ends in the name's first word (``Spokesperson
Wang``, ``Mr. Wang``) shows that word is the family name, and so does one that writes the
name in Chinese characters or Korean Hangul, scripts that put the family name first. Without
such an alias the name is split like the others, and ``--style csl-json`` shows the data to
correct.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from tui.model import UNNAMED_ASKER
from tui.quote import Quote

GENRE = "Speech transcript"
"""How the styles describe the record (APA's bracketed description, Chicago's and MLA's
type of work)."""

PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le"}
)
"""Lower-case words that belong to the family name that follows them."""

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""Generational suffixes, kept apart from the family name."""

NOT_PERSONAL = frozenset(
    {
        # roles: a speaker the record names by function
        "official",
        "officials",
        "moderator",
        "interpreter",
        "translator",
        "participant",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "operator",
        "host",
        "staff",
        "audience",
        "member",
        "reporter",
        "journalist",
        "unnamed",
        # organisations: an outlet or office asking or answering
        "news",
        "press",
        "times",
        "post",
        "daily",
        "agency",
        "radio",
        "television",
        "tv",
        "network",
        "broadcasting",
        "media",
        "journal",
        "magazine",
        "herald",
        "tribune",
        "gazette",
        "wire",
        "service",
        "channel",
        "group",
        "office",
        "ministry",
        "department",
        "house",
        "council",
        "committee",
    }
)
"""Words that show a ``by`` names a role or an organisation, not a person (generic words)."""


def _latin(name: str) -> bool:
    return all(
        not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in name
    )


def _family_first_script(alias: str) -> bool:
    """An alias that is a Chinese name in Han characters (two or three: a one-character
    family name and a given name) or a Korean name in Hangul: both write the family name
    first, and their romanisation keeps that order. Four Han characters may be a Japanese
    name, which English usually writes given name first, so it proves nothing."""
    chars = alias.strip()
    if not 2 <= len(chars) <= 4:
        return False
    names = [unicodedata.name(char, "") for char in chars]
    if all(name.startswith("HANGUL SYLLABLE") for name in names):
        return True
    return len(chars) <= 3 and all(name.startswith("CJK UNIFIED IDEOGRAPH") for name in names)


def _family_first(words: list[str], aliases: tuple[str, ...]) -> bool:
    """Whether the aliases show the first word is the family name: one names the person by
    it (``Mr. Wang``), or one is the name in a script that writes the family name first."""
    first = words[0].casefold()
    return any(
        (len(alias.split()) > 1 and alias.split()[-1].casefold().strip(".,") == first)
        or (len(words) <= 3 and _family_first_script(alias))
        for alias in aliases
    )


def csl_name(name: str, aliases: tuple[str, ...] = ()) -> dict[str, str]:
    """The CSL name of ``name``: family and given parts, or the whole as a ``literal``.

    ``aliases`` are the other forms of the name the record uses (a speaker's ``aliases``).
    """
    words = name.split()
    lowered = {word.casefold().strip(".,()") for word in words}
    if len(words) < 2 or "," in name or not _latin(name) or lowered & NOT_PERSONAL:
        return {"literal": " ".join(words)}
    if _family_first(words, aliases):
        return {"family": words[0], "given": " ".join(words[1:])}
    suffix = ""
    if len(words) > 2 and words[-1].casefold() in SUFFIXES:
        suffix = words.pop()
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    parts = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if suffix:
        parts["suffix"] = suffix
    return parts


def _date(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(quote: Quote, accessed: dt.date | None = None) -> dict[str, object]:
    """The CSL-JSON item of ``quote``'s source; ``accessed`` defaults to today."""
    briefing = quote.briefing
    item: dict[str, object] = {"id": quote.reference, "type": "speech"}
    if quote.by and quote.by != UNNAMED_ASKER:
        speaker = briefing.speaker(quote.by) if quote.kind != "question" else None
        aliases = speaker.aliases if speaker is not None else ()
        item["author"] = [csl_name(speaker.name if speaker else quote.by, aliases)]
    item["title"] = briefing.title
    item["genre"] = GENRE
    optional: dict[str, str | None] = {
        "event": briefing.organizer,
        "event-place": briefing.location,
        "publisher": briefing.organizer,
        "URL": briefing.source,
        "language": briefing.language,
    }
    item.update({key: value for key, value in optional.items() if value})
    item["event-date"] = _date(briefing.date)
    item["issued"] = _date(briefing.date)
    item["accessed"] = _date(accessed or dt.date.today())
    return item

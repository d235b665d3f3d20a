"""People's names as a record gives them: labels shaped back into names, full names found
elsewhere in the record, and labels that hold a role and a name split into the two.

- An upper-case label keeps its shape in title case: ``NUNEZ-SMITH`` -> ``Nunez-Smith``,
  ``O'BRIEN`` -> ``O'Brien``, ``MCCARTHY`` -> ``McCarthy``, ``DE LA CRUZ`` ->
  ``de la Cruz``; where the record prints the same name in mixed case anywhere, that
  spelling wins (``MACLEOD`` and ``MacLeod`` in an answer).
- A label with one name word (``MR KIRBY``) takes the full name the record gives with
  that surname (``John Kirby`` in the heading block, ``Kamala Harris`` in an answer),
  when it gives exactly one.
- A role-and-name label is split at the last word of its role: ``President of Ukraine
  Volodymyr Zelenskyy`` (a role word, then ``of`` and the place, then the name),
  ``Spokesperson Wang Wenbin``, ``Secretary for Food and Health`` (a role, no name),
  ``Jane Roe, Deputy Minister`` (name, then role after a comma).
- A label that is only a role (``Secretary for Food and Health``) takes the name the
  record gives the role holder ("the Secretary ..., Professor Sophia Chan").
- :func:`speaker_named` puts these together for a label nothing else names; the title
  gives roles and titled aliases (:func:`title_role`, :func:`titled_aliases`).
"""

from __future__ import annotations

import re

from tui.importer.common import DraftSpeaker
from tui.importer.conventions.mixed import ROLE_WORDS
from tui.importer.conventions.upper import HONORIFICS

PARTICLES = frozenset(
    {
        "de",
        "la",
        "le",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "du",
        "dos",
        "das",
        "ter",
        "bin",
        "al",
        "y",
    }
)
"""Lower-case words inside names; first in a name they stay lower case too (``de la Cruz``)."""
_LINKS = frozenset({"of", "for", "the", "and", "on", "in", "to", "at", "&"})
ROLE_TITLES = (
    frozenset(w.casefold().rstrip(".") for w in HONORIFICS if w.isalpha() or w.endswith("."))
    | ROLE_WORDS
)
"""Words a role is made of when it opens a label (``Vice President``, ``Spokesperson``)."""


def _word(word: str, first: bool) -> str:
    if not any(ch.isalpha() for ch in word):
        return word
    lower = word.casefold()
    if lower in PARTICLES:
        return lower
    if "-" in word:
        return "-".join(_word(p, False) if p else p for p in word.split("-"))
    for mark in ("'", "’"):
        head, sep, tail = word.partition(mark)
        if sep and len(head) == 1 and tail:
            return head.upper() + sep + _word(tail, False)
    if lower.startswith("mc") and len(word) > 3:
        return "Mc" + word[2:3].upper() + word[3:].casefold()
    return word[:1].upper() + word[1:].casefold()


def titled(label: str) -> str:
    """An upper-case label in a name's usual shape; other labels as printed."""
    parts = label.split()
    if label.upper() != label or not any(ch.isalpha() and ch.isascii() for ch in label):
        return " ".join(parts)
    out = [_word(w, i == 0) for i, w in enumerate(parts)]
    if out and out[-1] in PARTICLES:
        out[-1] = out[-1].capitalize()
    return " ".join(out)


def spelled(name: str, texts: str) -> str:
    """``name`` as the record spells it in mixed case, if it does (``McKee``)."""
    parts = name.split()
    if not parts:
        return name
    pattern = r"\s+".join(re.escape(p) for p in parts)
    for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", texts, re.IGNORECASE):
        found = " ".join(m.group(0).split())
        shaped = all(w[:1].isupper() or w.casefold() in PARTICLES for w in found.split())
        if found.upper() != found and found.casefold() == name.casefold() and shaped:
            return found
    return name


def person_words(label: str) -> list[str]:
    """The label's words without leading titles: ``MS. PSAKI`` -> ``["psaki"]``."""
    parts = label.split()
    while parts and (
        parts[0].upper() in HONORIFICS or parts[0].casefold().rstrip(".") in ROLE_TITLES
    ):
        parts.pop(0)
    return [p.strip(".").casefold() for p in parts]


def split_role(label: str) -> tuple[str | None, str | None]:
    """(name, role) of a label that may hold both; ``(label, None)`` for a plain name.

    ``Jane Roe, Deputy Minister`` -> name, role; ``President of Ukraine Volodymyr
    Zelenskyy`` -> the name after the role and its ``of`` phrase; ``Secretary for Food
    and Health`` -> ``(None, role)``.
    """
    if "," in label:
        head, _, tail = (x.strip() for x in label.partition(","))
        if _role_like(head) and not _role_like(tail):
            return tail or None, head or None  # "Official Spokesperson, Ann Roy"
        return head or None, tail or None
    parts = label.split()
    cut = 0
    while cut < len(parts) and parts[cut].casefold().rstrip(".") in ROLE_TITLES:
        cut += 1
    if cut == 0:
        return label, None
    while cut < len(parts) and parts[cut].casefold() in _LINKS:
        cut += 1
        while cut < len(parts) and parts[cut].casefold() in _LINKS:
            cut += 1
        if cut < len(parts):
            cut += 1
    name = " ".join(parts[cut:]) or None
    return name, " ".join(parts[:cut])


COURTESY_TITLES = frozenset(
    [
        "shri",
        "sri",
        "smt",
        "shrimati",
        "kumari",
        "herr",
        "frau",
        "monsieur",
        "mme",
        "señor",
        "senor",
        "señora",
        "senora",
        "signor",
        "signora",
        "sig",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
    ]
)
"""Courtesy titles printed before a full name, which are no part of it (``Shri``, ``Frau``)."""


def without_courtesy(name: str) -> str:
    """``Shri Rakesh Menon`` -> ``Rakesh Menon``; a title before a surname alone stays
    (``Ms. Psaki``: without a first name the title is how the record names her)."""
    parts = name.split()
    while len(parts) > 2 and parts[0].casefold().rstrip(".") in COURTESY_TITLES:
        parts.pop(0)
    return " ".join(parts)


def _role_like(text: str) -> bool:
    return any(w.casefold().rstrip(".") in ROLE_WORDS for w in text.split())


def holder(role: str, texts: str) -> str | None:
    """The person the record names as holding a role: "the Secretary for Food and
    Health, Professor Sophia Chan" or "Sophia Chan, Secretary for Food and Health"."""
    pattern = re.escape(role).replace(r"\ ", r"\s+")
    after = re.compile(
        rf"{pattern}\s*,\s+(?:(?:[A-Z][a-z]+\.?)\s+)*?(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){{1,2}})\b"
    )
    for m in after.finditer(texts):
        words = m.group("name").split()
        while len(words) > 2 and (
            words[0].upper().rstrip(".") in HONORIFICS or words[0].casefold() in ROLE_TITLES
        ):
            words.pop(0)
        return " ".join(words)
    return None


_FULL = r"([A-Z][a-z’'\-]+(?:\s+[A-Z]\.)?)\s+"


def full_names(surname: str, texts: str) -> set[str]:
    """Every "First Surname" the texts print for a surname (titles are no first names)."""
    if len(surname) < 2 or not any(ch.isalpha() for ch in surname):
        return set()
    pattern = re.compile(rf"\b{_FULL}({re.escape(surname)})\b", re.IGNORECASE)
    found = set()
    for m in pattern.finditer(texts):
        first = m.group(1)
        if not first[:1].isupper() or m.group(2)[:1].islower():
            continue
        if first.upper().rstrip(".") in HONORIFICS or first.casefold() in ROLE_TITLES:
            continue
        if first.casefold() in _LINKS or first.casefold() in _NOT_FIRST:
            continue
        found.add(f"{first} {m.group(2)[:1].upper()}{m.group(2)[1:]}")
    return found


_NOT_FIRST = frozenset(
    [
        "thank",
        "thanks",
        "dear",
        "hello",
        "hi",
        "and",
        "but",
        "so",
        "yes",
        "no",
        "well",
        "okay",
        "madam",
        "sir",
        "mister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "today",
        "yesterday",
        "said",
        "says",
        "asked",
        "told",
        "when",
        "where",
        "with",
        "from",
        "about",
    ]
)


ANONYMOUS = re.compile(
    r"(?:(?:male|female|unidentified|unknown)\s+)?(?:speaker|participant|voice|person)"
    r"\s+(?:#?\d{1,3}|[A-Z])",
    re.IGNORECASE,
)
"""Labels a transcription service gives people it cannot name (``SPEAKER 2``); the word
"speaker" there is no title (``SPEAKER JOHNSON`` is one)."""

COURTESY = frozenset({"mr", "ms", "mrs", "miss", "dr", "sir", "madam", "madame", "mister", "the"})
"""Titles that are no role: ``MS. PSAKI`` has no role, ``SECRETARY KERRY`` has one."""


def has_role(text: str) -> bool:
    return any(w.casefold() in ROLE_WORDS or w.upper() in HONORIFICS for w in text.split())


SPOKEN = "\x00"
"""Where, in the record's text, the heading ends and what was said begins."""


def speaker_named(label: str, role: str | None, record: str) -> DraftSpeaker:
    """A speaker for a label nothing else names: the full name the record gives for its
    surname when it gives one, else the label in a name's shape; its role words as role."""
    if ANONYMOUS.fullmatch(label):
        return DraftSpeaker(titled(label), role)
    name, own = split_role(label)
    own_words = (own or "").split()
    while own_words and own_words[0].casefold().rstrip(".") in COURTESY:
        own_words.pop(0)  # "MS." is no role; "President of the Republic" keeps its "the"
    if role is None and own_words:
        role = titled(" ".join(own_words))
    if name:
        name = without_courtesy(name)
    rest = person_words(name or "")
    if name and len(rest) == 1:
        full = full_names(rest[0], record)
        if len(full) == 1:
            found = DraftSpeaker(full.pop(), role)
            heading = record.split(SPOKEN, 1)[0]
            if found.name not in heading:
                found.checks.append(
                    f"the full name is taken from a mention in the transcript (label {label!r})"
                )
            return found
    if name and (not own or (own_words and len(rest) > 1)):
        return DraftSpeaker(spelled(titled(name), record), role)
    if name is None and own:
        held = holder(titled(own), record)
        if held:
            return DraftSpeaker(held, titled(own))
    shown = spelled(titled(label), record)
    return DraftSpeaker(shown, role if role and role.casefold() != shown.casefold() else None)


_TITLE_WORD = (
    r"(?:Press|Secretary|Vice|President|Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|General|"
    r"Admiral|Senator|Governor|Mayor|Chair|Chairman|Prime|Minister|Deputy|Spokesperson)"
)


_COURTESY = r"(?:Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)"


def title_role(name: str, context: str) -> str | None:
    """The office the title gives a speaker: "by United States Trade Representative
    Ambassador Katherine Tai" -> "United States Trade Representative"."""
    parts = name.split()
    if len(parts) < 2 or not context:
        return None
    first, surname = re.escape(parts[0]), re.escape(parts[-1])
    pattern = re.compile(
        rf"\b(?:by|with|and)\s+((?:[A-Z][\w\-]*\s+){{1,6}}?)(?:{_COURTESY}\s+)?"
        rf"(?:{first}\s+)?{surname}\b"
    )
    m = pattern.search(context.split("\n")[0])
    return " ".join(m.group(1).split()) if m else None


def titled_aliases(name: str, context: str) -> list[str]:
    """How the title or introduction names a speaker with their title ("Press Secretary
    Jen Psaki", "President Trump"): kept as aliases, since readers search by them."""
    parts = name.split()
    if len(parts) < 2:
        return []
    first, surname = re.escape(parts[0]), re.escape(parts[-1])
    pattern = re.compile(rf"\b(?:{_TITLE_WORD}\s+){{1,3}}(?:{first}\s+)?{surname}\b")
    return [" ".join(m.group(0).split()) for m in pattern.finditer(context)]

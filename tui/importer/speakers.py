"""Third stage, first half: who each label is, and whether they ask or answer.

Decisions:

- A label answers when it names a podium speaker: one listed in the header ("Name,
  role" lines), one given with ``--speaker``, or any upper-case label in a record with
  no podium list (the White House convention: only ``Q`` asks). In a record with a
  podium list, every other label is an asker (the Shanghai convention: outlets ask).
- ``--speaker "Jen Psaki, White House Press Secretary"`` matches a label by surname:
  the label's words without titles (``MS.``, ``AMBASSADOR``, ``SECRETARY GENERAL``) must
  all be words of the name (``PSAKI`` in "Jen Psaki", ``TANG`` in "Tang Zhiping"); a
  label with no name left (``THE PRESIDENT``) matches a speaker whose role starts with
  its words ("President of the United States"); ``--speaker "MODERATOR=Vedant, moderator"``
  names the label outright. A close misspelling (``ZELENSKKY``) matches with a warning.
- Without ``--speaker``, a full name is taken from the title or introduction when it
  holds the label's surname after a first name ("Ambassador Katherine Tai"); otherwise
  the label in title case is the name, and every label form is kept as an alias.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from tui.importer.common import DraftSpeaker, Note
from tui.importer.labels import HONORIFICS, ROLE_WORDS, Label

GENERIC = frozenset(
    {
        "moderator",
        "senior administration official",
        "administration official",
        "senior state department official",
        "senior defense official",
        "official",
        "interpreter",
        "participant",
        "spokesperson",
        "audience member",
        "staff",
        "主持人",
    }
)
"""Labels that name a role, not a person: the same name in two briefings would merge."""


@dataclass(frozen=True, slots=True)
class Hint:
    """A ``--speaker`` value: ``Name, role`` or ``LABEL=Name, role``."""

    name: str
    role: str | None = None
    label: str | None = None

    @classmethod
    def parse(cls, value: str) -> Hint:
        label, sep, rest = value.partition("=")
        if not sep or "," in label:
            label, rest = "", value
        name, _, role = rest.partition(",")
        if not name.strip():
            raise ValueError(f"--speaker {value!r}: expected 'Name, role' or 'LABEL=Name, role'")
        return cls(name.strip(), role.strip() or None, label.strip().rstrip(":：").strip() or None)


@dataclass(frozen=True, slots=True)
class Role:
    """What a label does: ``speaker`` set means it answers, else it asks as ``asker``."""

    speaker: str | None = None
    asker: str | None = None
    check: str | None = None


@dataclass(slots=True)
class Cast:
    roles: dict[str, Role]
    speakers: list[DraftSpeaker]
    notes: list[Note]


def display(label: str) -> str:
    """A label as a name or alias: upper-case labels in title case, others as printed."""
    if label.upper() == label and any(ch.isalpha() and ch.isascii() for ch in label):
        return " ".join(w[:1] + w[1:].lower() if w[:1].isalpha() else w for w in label.split())
    return " ".join(label.split())


def name_words(label: str) -> list[str]:
    """The label's words without leading titles: ``MS. PSAKI`` -> ``["psaki"]``."""
    parts = label.split()
    while parts and parts[0].upper() in HONORIFICS:
        parts.pop(0)
    return [p.strip(".").casefold() for p in parts]


def _starts_with_role(label: str) -> bool:
    first = label.split()[0] if label.split() else ""
    return first.upper() in HONORIFICS or first.casefold() in ROLE_WORDS


class _Resolver:
    def __init__(self, podium: list[DraftSpeaker], hints: list[Hint], context: str) -> None:
        self.known: list[DraftSpeaker] = list(podium)
        self.hinted: dict[str, DraftSpeaker] = {}
        for hint in hints:
            speaker = DraftSpeaker(hint.name, hint.role)
            self.known.append(speaker)
            if hint.label:
                self.hinted[hint.label.casefold()] = speaker
        self.context = context
        self.notes: list[Note] = []

    def match(self, label: str, line: int) -> DraftSpeaker | None:
        key = " ".join(label.split()).casefold()
        if key in self.hinted:
            return self.hinted[key]
        for speaker in self.known:
            if speaker.name.casefold() == key:
                return speaker
        rest = name_words(label)
        if rest:
            for speaker in self.known:
                if set(rest) <= {w.casefold() for w in speaker.name.split()}:
                    return speaker
            for speaker in self.known:
                if rest[-1] == speaker.name.split()[-1].casefold():
                    return speaker
            for speaker in self.known:
                for word in speaker.name.split():
                    close = difflib.SequenceMatcher(None, rest[-1], word.casefold()).ratio()
                    if len(rest[-1]) > 3 and close >= 0.8:
                        _flag(
                            self.notes,
                            speaker,
                            line,
                            f"label {label!r} taken as {speaker.name} (misspelt?)",
                        )
                        return speaker
        else:
            words = [w.casefold() for w in label.split() if w.upper() != "THE"]
            for speaker in self.known:
                role = (speaker.role or "").casefold().split()
                if words and role[: len(words)] == words:
                    return speaker
        return None

    def from_context(self, label: str) -> DraftSpeaker | None:
        rest = name_words(label)
        if len(rest) != 1:
            return None
        pattern = re.compile(rf"\b([A-Z][a-z]+)\s+({re.escape(rest[0])})\b", re.IGNORECASE)
        for m in pattern.finditer(self.context):
            first = m.group(1)
            if first.upper() not in HONORIFICS and first[0].isupper():
                return DraftSpeaker(f"{first} {m.group(2)[:1].upper()}{m.group(2)[1:].lower()}")
        return None


def cast(
    labels: list[tuple[Label, int]],
    podium: list[DraftSpeaker],
    hints: list[Hint],
    context: str,
) -> Cast:
    """Decide the role of every distinct label (given with the line of its first use)."""
    resolver = _Resolver(podium, hints, context)
    roles: dict[str, Role] = {}
    chosen: dict[str, DraftSpeaker] = {s.name.casefold(): s for s in podium}
    notes = resolver.notes
    counts: dict[str, int] = {}
    for label, _ in labels:
        counts[label.name] = counts.get(label.name, 0) + 1
    unplaced: list[tuple[str, int]] = []
    seen: set[str] = set()
    mixed = any(
        label.kind == "name" and label.name.upper() != label.name and not _is_cjk(label.name)
        for label, _ in labels
    )
    for label, line in labels:
        if label.name in seen:
            continue
        seen.add(label.name)
        if label.kind == "question":
            bare = label.name.casefold() in {"q", "question", "问", "记者", "reporter"}
            roles[label.name] = Role(asker=None if bare else label.name)
            continue
        speaker = resolver.match(label.name, line)
        if speaker is None and label.kind == "answer":
            unmatched = [h for h in hints if not h.label]
            speaker = (
                DraftSpeaker(unmatched[0].name, unmatched[0].role) if len(unmatched) == 1 else None
            )
            if speaker is None:
                speaker = DraftSpeaker("Official")
                _flag(
                    notes,
                    speaker,
                    line,
                    f"answers are labelled only {label.name!r}: they are given to "
                    f"'Official'; name the speaker with --speaker '{label.name}=Name, role'",
                )
        if speaker is None and podium and not _starts_with_role(label.name):
            roles[label.name] = Role(asker=label.name)
            continue
        if speaker is None:
            speaker = resolver.from_context(label.name)
            if speaker is not None:
                speaker.checks.append(
                    f"the full name is taken from the title or introduction (label {label.name!r})"
                )
        if speaker is None:
            speaker = _unknown(label.name, line, notes, mixed, unplaced, roles)
            if speaker is None:
                continue
        speaker = chosen.setdefault(speaker.name.casefold(), speaker)
        _add_alias(speaker, label.name)
        if "moderator" in f"{label.name} {speaker.role or ''}".casefold() or label.name == "主持人":
            speaker.moderator = True
        resolver.known.append(speaker)
        if label.name.casefold() in GENERIC and speaker.name.casefold() == label.name.casefold():
            _flag(
                notes,
                speaker,
                line,
                f"generic label {label.name!r} will merge with every other "
                f"briefing's {display(label.name)}; name the person with "
                f"--speaker '{label.name}=Name, role' if the record says who it is",
            )
        roles[label.name] = Role(speaker=speaker.name)
    _place_rest(unplaced, roles, chosen, counts, notes)
    for hint in hints:
        if hint.name.casefold() not in chosen:
            notes.append(Note(None, f"--speaker {hint.name!r} matches no label in the record"))
    speakers = list(chosen.values())
    for speaker in speakers:
        speaker.role = speaker.role or _title_role(speaker.name, context)
        for alias in _titled(speaker.name, context):
            if alias.casefold() != speaker.name.casefold() and alias not in speaker.aliases:
                speaker.aliases.append(alias)
    return Cast(roles, speakers, notes)


_TITLE_WORD = (
    r"(?:Press|Secretary|Vice|President|Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|General|"
    r"Admiral|Senator|Governor|Mayor|Chair|Chairman|Prime|Minister|Deputy|Spokesperson)"
)


_COURTESY = r"(?:Ambassador|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)"


def _title_role(name: str, context: str) -> str | None:
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


def _titled(name: str, context: str) -> list[str]:
    """How the title or introduction names a speaker with their title ("Press Secretary
    Jen Psaki", "President Trump"): kept as aliases, since readers search by them."""
    parts = name.split()
    if len(parts) < 2:
        return []
    first, surname = re.escape(parts[0]), re.escape(parts[-1])
    pattern = re.compile(rf"\b(?:{_TITLE_WORD}\s+){{1,3}}(?:{first}\s+)?{surname}\b")
    return [" ".join(m.group(0).split()) for m in pattern.finditer(context)]


def _unknown(
    label: str,
    line: int,
    notes: list[Note],
    mixed: bool,
    unplaced: list[tuple[str, int]],
    roles: dict[str, Role],
) -> DraftSpeaker | None:
    """A speaker for a label nothing names, or ``None`` when it asks or is left for
    :func:`_place_rest`.

    Upper-case labels answer (the White House convention: only ``Q`` asks), except a
    bare upper-case word among title-case labels (``AFP:`` beside ``Wang Wenbin:``),
    which is an outlet. A label opening with a role (``Spokesperson Wang Wenbin``)
    answers, named without the role. Chinese labels answer unless they end in 记者.
    """
    upper = label.upper() == label and not _is_cjk(label)
    role_first = _starts_with_role(label)
    generic = label.casefold() in GENERIC
    if upper and mixed and not role_first and not generic:
        message = f"label {label!r} could not be placed: taken as an asker (an outlet?)"
        roles[label] = Role(asker=label, check=message)
        notes.append(Note(line, message))
        return None
    if not (upper or role_first or _is_cjk(label)):
        unplaced.append((label, line))
        return None
    if role_first and not upper and name_words(label):
        parts = label.split()
        cut = len(parts) - len(name_words(label))
        return DraftSpeaker(" ".join(parts[cut:]), " ".join(parts[:cut]).lower())
    speaker = DraftSpeaker(display(label))
    if upper and not role_first and not generic and len(label.split()) == 1:
        _flag(notes, speaker, line, f"label {label!r} could not be placed: taken as a speaker")
    return speaker


def _place_rest(
    unplaced: list[tuple[str, int]],
    roles: dict[str, Role],
    chosen: dict[str, DraftSpeaker],
    counts: dict[str, int],
    notes: list[Note],
) -> None:
    """Title-case labels in a record with no podium list: the most frequent answers."""
    if not unplaced:
        return
    top = None
    if not any(r.speaker for r in roles.values()):
        top = max(unplaced, key=lambda item: (counts.get(item[0], 0), -item[1]))[0]
    for name, line in unplaced:
        if name == top:
            speaker = chosen.setdefault(name.casefold(), DraftSpeaker(display(name)))
            _add_alias(speaker, name)
            roles[name] = Role(speaker=speaker.name)
            message = (
                f"label {name!r} could not be placed: taken as the speaker who answers, "
                "since it speaks most; use --speaker to say who answers"
            )
            _flag(notes, speaker, line, message)
        else:
            message = f"label {name!r} could not be placed: taken as an asker"
            roles[name] = Role(asker=name, check=message)
            notes.append(Note(line, message))


def _flag(notes: list[Note], speaker: DraftSpeaker, line: int, message: str) -> None:
    """Report ``message`` on stderr and as a ``# check:`` comment on the speaker."""
    notes.append(Note(line, message))
    if message not in speaker.checks:
        speaker.checks.append(message)


def _add_alias(speaker: DraftSpeaker, label: str) -> None:
    alias = display(label)
    if alias.casefold() != speaker.name.casefold() and alias not in speaker.aliases:
        speaker.aliases.append(alias)


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)

"""Third stage, first half: who each label is, and whether they ask or answer.

Decisions, from what the record says most plainly to what only its shape says:

- what the label says itself: ``Q``, ``Question``, ``Reporter``, ``Remark`` ask; ``A``
  answers (for the one principal the title names, else "Official" with a warning); a
  label naming a podium speaker answers: one listed in the header ("Name, role" lines),
  named in the title, a heading block or "I'm joined by ...", or given with
  ``--speaker`` (matched by surname, by role for ``THE PRESIDENT``, outright with
  ``LABEL=``; a close misspelling matches with a warning); a title or role first
  (``MS. PSAKI``, ``Spokesperson Wang``) answers; an outlet (:func:`taking.is_outlet`)
  asks; in a record with a podium list, every other label asks (outlets ask);
- then the turn-taking (:mod:`tui.importer.taking`) places the plain names: who
  alternates with many answers, who calls on people moderates, the others ask; what is
  still open is guessed with a warning;
- names (:mod:`tui.importer.names`): the full name the record gives anywhere for the
  label's surname or role, else the label in a name's shape; every label form is kept
  as an alias.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.importer.common import DraftSpeaker, Note
from tui.importer.labels import HONORIFICS, QUESTION_WORDS, ROLE_WORDS, Label
from tui.importer.names import (
    ANONYMOUS,
    COURTESY,
    ROLE_TITLES,
    SPOKEN,
    full_names,
    has_role,
    person_words,
    speaker_named,
    spelled,
    split_role,
    title_role,
    titled,
    titled_aliases,
)
from tui.importer.podium import principals as podium_of
from tui.importer.taking import Side, decide, is_outlet

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
    person: bool = False
    """The asker is a person the label names (``HOWARD SCHNEIDER.``), whose outlet the
    question may add ("Howard Schneider with Reuters")."""


@dataclass(slots=True)
class Cast:
    roles: dict[str, Role]
    speakers: list[DraftSpeaker]
    notes: list[Note]


display = titled
"""A label as a name or alias: upper-case labels in a name's shape, others as printed."""
name_words = person_words


def _starts_with_role(label: str) -> bool:
    """``THE PRESIDENT``, ``SECRETARY KERRY``, ``Spokesperson Wang``: not ``The Daily
    Post``, and not a courtesy title alone (``MS. PSAKI``), which any speaker may have."""
    parts = label.split()
    if len(parts) > 1 and parts[0].casefold() == "the":
        parts = parts[1:]
    first = parts[0] if parts else ""
    if first.casefold().rstrip(".") in COURTESY:
        return False  # "MR. DOOCY" may ask as well as answer: the turn-taking decides
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


def cast(
    labels: list[tuple[Label, int]],
    podium: list[DraftSpeaker],
    hints: list[Hint],
    context: str,
    texts: Sequence[str] = (),
    header: Sequence[str] = (),
) -> Cast:
    """Decide the role of every distinct label (``labels``: every turn's, in order).

    ``texts`` are the turns' texts (for turn-taking and for full names), ``header`` the
    record's lines above the transcript (heading block, title, introduction).
    """
    record = "\n".join([context, *header, SPOKEN, *texts])
    title = context.split("\n")[0]
    principals = podium_of(title, list(header), [context, *texts])
    for principal in principals:  # "President Trump" in a title: the first name if given
        full = full_names(principal.name, record) if " " not in principal.name else set()
        if len(full) == 1:
            principal.name = full.pop()
    resolver = _Resolver(podium, hints, context)
    resolver.known += principals  # after the hints: what the user says comes first
    roles: dict[str, Role] = {}
    chosen: dict[str, DraftSpeaker] = {s.name.casefold(): s for s in podium}
    notes = resolver.notes
    fixed: dict[str, Side] = {}
    found: dict[str, DraftSpeaker] = {}
    askers: dict[str, str | None] = {}
    first_line: dict[str, int] = {}
    for label, line in labels:
        name = label.name
        if name in first_line:
            continue
        first_line[name] = line
        if label.kind == "question":
            fixed[name] = "ask"
            askers[name] = None if name.casefold() in QUESTION_WORDS else name
            continue
        speaker = resolver.match(name, line)
        if speaker is None and label.kind == "answer":
            titled_ones = [p for p in principals if p.name.split()[-1] in title]
            speaker = _answerer(name, line, hints, titled_ones, notes)
        if speaker is not None:
            fixed[name], found[name] = "answer", speaker
            if speaker in principals and titled(name).casefold() != speaker.name.casefold():
                message = f"the full name is taken from the title or introduction (label {name!r})"
                if message not in speaker.checks and len(speaker.name.split()) > 1:
                    speaker.checks.append(message)
            continue
        person, role = split_role(name)
        if "," in name and role is not None:
            if is_outlet(role) or not has_role(role):
                fixed[name], askers[name] = "ask", f"{titled(person or '')}, {role}".strip(", ")
            else:
                fixed[name], found[name] = "answer", speaker_named(person or name, role, record)
            continue
        if ANONYMOUS.fullmatch(name):
            continue  # "SPEAKER 2": only the turn-taking can tell
        role_first = _starts_with_role(name)
        if (is_outlet(name) and not role_first) or (podium and not role_first):
            fixed[name], askers[name] = "ask", name
        elif "moderator" in name.casefold() or name == "主持人":
            fixed[name] = "moderator"
        elif role_first or name.casefold() in GENERIC:
            fixed[name] = "answer"
    order = [label.name for label, _ in labels]
    keep = frozenset(
        n for n, (label, _) in zip(order, labels, strict=True) if label.kind == "answer"
    ) | frozenset(n for n in order if n.casefold() in GENERIC and "moderator" not in n.casefold())
    sides = decide(order, fixed, list(texts) or [""] * len(order), keep)
    for name, line in first_line.items():
        side = sides.side[name]
        if side == "ask":
            shaped = spelled(titled(name), record) if len(name.split()) > 1 else name
            asker = askers.get(name, shaped)
            check = sides.guessed.get(name)
            if check:
                notes.append(Note(line, check))
            roles[name] = Role(asker=asker, check=check, person=name not in askers)
            continue
        speaker = found.get(name) or resolver.match(name, line) or speaker_named(name, None, record)
        speaker = chosen.setdefault(speaker.name.casefold(), speaker)
        _add_alias(speaker, name)
        if side == "moderator" or "moderator" in (speaker.role or "").casefold():
            speaker.moderator = True
        if name in sides.guessed:
            _flag(notes, speaker, line, sides.guessed[name])
        if name.casefold() in GENERIC and speaker.name.casefold() == name.casefold():
            _flag(
                notes,
                speaker,
                line,
                f"generic label {name!r} will merge with every other "
                f"briefing's {display(name)}; name the person with "
                f"--speaker '{name}=Name, role' if the record says who it is",
            )
        resolver.known.append(speaker)
        roles[name] = Role(speaker=speaker.name)
    for hint in hints:
        if hint.name.casefold() not in chosen:
            notes.append(Note(None, f"--speaker {hint.name!r} matches no label in the record"))
    speakers = list(chosen.values())
    for speaker in speakers:
        if not all(w.casefold().rstrip(".") in ROLE_TITLES for w in speaker.name.split()):
            speaker.role = speaker.role or title_role(speaker.name, context)
        for alias in titled_aliases(speaker.name, context):
            if alias.casefold() != speaker.name.casefold() and alias not in speaker.aliases:
                speaker.aliases.append(alias)
    return Cast(roles, speakers, notes)


NOT_ASKERS = re.compile(
    r"translat|interpret|inaudible|phone|off[- ]mic|cont|follow|in \w+$|^\W*$", re.IGNORECASE
)
"""Notes on an asker label that say how, not who: ``Q (retranslated)``, ``Q (via phone)``."""


def outlet_note(label: Label) -> str | None:
    """The outlet in a named asker's note: ``Jane Doe (Reuters):`` -> "Reuters"."""
    note = label.note
    if not note or NOT_ASKERS.search(note) or not note[:1].isupper():
        return None
    return note


def noted_asker(label: Label) -> str | None:
    """The asker a generic label's note names: ``QUESTION (Laura, BBC):`` -> "Laura, BBC"."""
    note = label.note
    if label.kind != "question" or not note or NOT_ASKERS.search(note):
        return None
    return note if note[:1].isupper() else None


def _answerer(
    label: str,
    line: int,
    hints: list[Hint],
    principals: list[DraftSpeaker],
    notes: list[Note],
) -> DraftSpeaker:
    """Who an ``A:`` label is: the one unlabelled hint, else the one principal the title
    names, else "Official" with a warning (two principals: the record cannot say)."""
    unmatched = [h for h in hints if not h.label]
    if len(unmatched) == 1:
        return DraftSpeaker(unmatched[0].name, unmatched[0].role)
    if len(principals) == 1:
        first = principals[0]
        return DraftSpeaker(first.name, first.role)
    speaker = DraftSpeaker("Official")
    _flag(
        notes,
        speaker,
        line,
        f"answers are labelled only {label!r}: they are given to "
        f"'Official'; name the speaker with --speaker '{label}=Name, role'",
    )
    return speaker


def _flag(notes: list[Note], speaker: DraftSpeaker, line: int, message: str) -> None:
    """Report ``message`` on stderr and as a ``# check:`` comment on the speaker."""
    notes.append(Note(line, message))
    if message not in speaker.checks:
        speaker.checks.append(message)


def _add_alias(speaker: DraftSpeaker, label: str) -> None:
    alias = display(label)
    if alias.casefold() != speaker.name.casefold() and alias not in speaker.aliases:
        speaker.aliases.append(alias)

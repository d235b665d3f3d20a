"""Third stage, attributing: turns into opening remarks, exchanges and remarks between.

Rules, in the order the transcript conventions give them:

- turns before the first question are the opening ``remarks``;
- a question turn opens an exchange; the podium turns after it are its answers, however
  many speakers give them;
- once a question has an answer, a moderator's turn, or a second turn in a row by the
  same speaker, is a remark between exchanges, and so is every podium turn after it
  until the next question (closing words, the moderator calling the next asker);
- the asker is named when the turn before the question announces them ("Next, let's go
  to Michael Shear with The New York Times.", "Let's go to Matt.", a moderator's whole
  turn "Howard."), when a generic label's note names them (``QUESTION (Laura, BBC):``),
  or when the label names them (``HOWARD SCHNEIDER.``): then the outlet they give as
  they start ("Howard Schneider with Reuters.") is added, "Howard Schneider, Reuters",
  and kept for their follow-ups. A ``Q`` whose text starts with a self-introduction
  keeps no ``by`` (the record labels it only as a question), with a warning;
- a question with no asker whose answer addresses, by name, someone the record calls
  on elsewhere ("..., Matt – ...") was asked by them;
- a moderator's turn never answers: it is a remark between exchanges, and so is another
  podium speaker's short turn that calls the next asker ("Thanks, Admiral. Go ahead,
  Steve.");
- after the record's last question, a podium turn that thanks everyone ("Thank you,
  all.", "Thanks, guys.") is closing words, a remark, and so is all that follows;
- a question turn whose later paragraph reads like an answer ("Well, first, I would say
  ...", with no question mark, after a paragraph that ends with one) is a speaker whose
  label the record left out: that paragraph and the rest go to the speaker who answered
  last, with a warning.
"""

from __future__ import annotations

import re

from tui.importer.common import DraftExchange, DraftSpeaker, ImportFailed, Note, Para, Part
from tui.importer.speakers import Role, noted_asker, outlet_note
from tui.importer.turns import Turn

_NAME = r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){0,2}"
_NAME2 = r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}"
_OW = r"[A-Z](?:[\w’'&\-]|\.(?=\w))*"
_OUTLET = rf"(?:[Tt]he\s+)?{_OW}(?:\s+(?:{_OW}|of|the|and|for|&))*"
_CALL = re.compile(
    rf"(?:go(?: over)? to|goes to|start with|turn to|call on|hear from|move to|next is|"
    rf"next up is|recognize)\s+"
    rf"(?P<name>{_NAME})(?:\s+(?:with|from|of|at)\s+|,\s+)(?P<outlet>{_OUTLET})"
)
_LEAD = r"(?:(?:Next|Okay|OK|All right|Now|Then|And|Next up),?\s+)?"
_GO = r"(?:,?\s+(?:go ahead|please|you're up|you’re up))?[.!]?"
_BARE_CALL = re.compile(
    rf"{_LEAD}(?:(?P<name>{_NAME})\s+(?:with|from|of|at)\s+(?P<outlet>{_OUTLET}){_GO}"
    rf"|(?P<name2>{_NAME2}),\s+(?P<outlet2>{_OUTLET}){_GO})"
)
_FIRST_NAME = re.compile(r"(?:Go ahead,\s+)?(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)?)[.!]")
_NOT_NAME_WORDS = """yes yeah yep no nope sure okay ok right good great thanks thank thankyou please
    next go sorry well alright all absolutely exactly correct certainly indeed fine
    hello hi bye goodbye agreed understood laughter inaudible end"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_SELF = re.compile(
    r"(?:I[’']m\s+|I am\s+|This is\s+)?(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}),\s+"
    r"(?:with\s+|from\s+)?(?P<outlet>[^.?!,]{2,40})\."
)
_OPENER = re.compile(
    r"(?:Well|Look|Sure|Yes|Yeah|No|Absolutely|Certainly|Of course|Thanks for|Thank you for|"
    r"I think|I would say|Great question|Good question)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?…])[”\")]?\s+(?=[A-Z“\"(])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s]


def _outlet(text: str) -> str:
    return text.strip().rstrip(".!")


_CALL_NAME = re.compile(
    rf"(?:go(?: over)? to|goes to|start with|turn to|call on|hear from|move to|next is|"
    rf"next up is|recognize)\s+(?P<name>{_NAME})[.!]?\s*$"
    rf"|(?:^|[.!?]\s+)Go ahead,\s+(?P<name2>{_NAME})[.!]?\s*$"
)


def announced(part: Part | None, calls_only: bool = False) -> str | None:
    """The asker a remark or answer calls on in its last paragraph, if it names one.

    ``calls_only``: the turn does nothing but call on people (a moderator's), so a name
    alone ("Howard.") is a call even as its only paragraph."""
    if part is None or not part.paras:
        return None
    last = part.paras[-1].text
    calls = list(_CALL.finditer(last))
    if calls:
        call = calls[-1]
        return f"{call.group('name')}, {_outlet(call.group('outlet'))}"
    named = _CALL_NAME.search(last)
    if named:
        name = named.group("name") or named.group("name2")
        if name.split()[0].casefold() not in _NOT_NAMES:
            return name
    tail = sentences(last)[-1] if last else ""
    bare = _BARE_CALL.fullmatch(tail)
    if bare:
        name = bare.group("name") or bare.group("name2")
        outlet = bare.group("outlet") or bare.group("outlet2")
        if name.split()[0].casefold() not in _NOT_NAMES:
            return f"{name}, {_outlet(outlet)}"
    first = _FIRST_NAME.fullmatch(last)
    own_paragraph = len(part.paras) > 1 or part.label == "" or calls_only
    said = sentences(last)
    if first is None and len(said) > 1 and said[-2].rstrip().endswith("."):
        # "... let's go right to questions. Sam.": a name alone ends the turn
        first = _FIRST_NAME.fullmatch(said[-1])
        own_paragraph = own_paragraph or first is not None
    if (
        first
        and own_paragraph
        and not any(w.casefold() in _NOT_NAMES for w in first.group("name").split())
    ):
        return first.group("name")
    return None


_OUTLET_AFTER = (
    r"\s*(?:,\s*|\s+(?:with|from|at|of|for)\s+)(?P<outlet>(?-i:(?:[Tt]he\s+)?"
    rf"{_OW}(?:\s+(?:{_OW}|of|the|and|for|&))*))(?=\s*[.,;!?]|\s*$)"
)


def introduced_outlet(text: str, name: str) -> str | None:
    """The outlet an asker the label names gives after their name at the start of the
    question: "Howard Schneider with Reuters." -> "Reuters"; "the Wall Street Journal"
    -> "The Wall Street Journal". The name may be shortened (Chris for Christopher)."""
    parts = [p for p in name.split() if p[:1].isupper()]
    if not parts:
        return None
    surname = re.escape(parts[-1])
    pattern = re.compile(rf"(?:[A-Z][\w’'\-]*\s+){{0,2}}{surname}{_OUTLET_AFTER}", re.IGNORECASE)
    for sentence in sentences(text)[:4]:
        m = pattern.search(sentence)
        if m:
            outlet = " ".join(m.group("outlet").split())
            if outlet[:1].isupper() or outlet.casefold().startswith("the "):
                return outlet[:1].upper() + outlet[1:]
    return None


def introduced(text: str) -> str | None:
    """ "Name, outlet." among a question's first sentences: the asker names themselves.

    This is reported, not used as ``by``: the record does not label the question with
    it, and the words stay the question's text."""
    for sentence in sentences(text)[:3]:
        m = _SELF.fullmatch(sentence.strip())
        if m and m.group("name").split()[0].casefold() not in _NOT_NAMES:
            return f"{m.group('name')}, {m.group('outlet').strip()}"
    return None


def _unlabelled_answer(paras: list[Para]) -> int | None:
    for k in range(1, len(paras)):
        before, text = paras[k - 1].text.rstrip('”") '), paras[k].text
        if before.endswith("?") and "?" not in text and _OPENER.match(text):
            return k
    return None


def attribute(
    turns: list[Turn], roles: dict[str, Role], speakers: list[DraftSpeaker]
) -> tuple[list[Part], list[DraftExchange], list[Note]]:
    """Build opening remarks and exchanges from turns whose labels have roles."""
    moderators = {s.name for s in speakers if s.moderator}
    remarks: list[Part] = []
    items: list[DraftExchange] = []
    notes: list[Note] = []
    current: DraftExchange | None = None
    closed = False
    previous: Part | None = None
    caller: Part | None = None  # the podium turn just before, which may call the next asker
    last_answerer: str | None = None
    orphans = ""
    flagged: set[str] = set()
    outlets: dict[str, str] = {}
    asks = [i for i, t in enumerate(turns) if roles[t.label.name].speaker is None]
    last_question = asks[-1] if asks else len(turns)
    for number, turn in enumerate(turns):
        role = roles[turn.label.name]
        if not turn.paras:
            notes.append(Note(turn.line, f"label {turn.label.raw!r} has no text after it"))
            if previous is not None:
                previous.tail = f"{previous.tail} {turn.label.raw}".strip()
            else:
                orphans = f"{orphans} {turn.label.raw}".strip()
            continue
        label = f"{orphans} {turn.label.raw}".strip()
        orphans = ""
        if role.speaker is None:
            paras = list(turn.paras)
            answer: Part | None = None
            k = _unlabelled_answer(paras) if last_answerer else None
            if k is not None and last_answerer is not None:
                answer = Part(last_answerer, paras[k:])
                message = (
                    f"a paragraph with no speaker label follows the question and reads like "
                    f"an answer: it is given to {last_answerer}"
                )
                answer.checks.append(message)
                notes.append(Note(paras[k].line, message))
                paras = paras[:k]
            by = role.asker or noted_asker(turn.label)
            by = by or announced(caller, caller is not None and caller.by in moderators)
            if role.person and role.asker and outlet_note(turn.label):
                outlets.setdefault(turn.label.name, outlet_note(turn.label) or "")
            if role.person and role.asker:
                opening = " ".join(p.text for p in paras[:3])  # lines a PDF left unjoined
                outlet = outlets.get(turn.label.name) or introduced_outlet(opening, role.asker)
                if outlet:
                    outlets[turn.label.name] = outlet
                    by = f"{role.asker}, {outlet}"
            question = Part(by, paras, label)
            named = introduced(paras[0].text) if by is None and paras else None
            if named:
                message = (
                    f"the asker seems to name themselves in the question ({named}); the "
                    "record labels it only as a question, so it has no 'by'"
                )
                question.checks.append(message)
                notes.append(Note(paras[0].line, message))
            if role.check and role.check not in flagged:
                flagged.add(role.check)
                question.checks.append(role.check)
            current = DraftExchange(question=question)
            items.append(current)
            closed = False
            caller = None
            previous = question
            if answer is not None:
                current.answers.append(answer)
                previous = answer
            continue
        part = Part(role.speaker, list(turn.paras), label)
        if current is None:
            remarks.append(part)
        elif (
            closed
            or part.by in moderators
            or (current.answers and _ends_exchange(part, current, previous, moderators))
            or (current.answers and number > last_question and _thanks_all(part))
        ):
            repeated = previous is not None and previous.by == part.by
            if repeated and not closed and part.by not in moderators:
                message = (
                    f"a second turn in a row by {part.by}, after the answer: taken as "
                    "a remark (closing words?), not a second answer"
                )
                part.checks.append(message)
                notes.append(Note(turn.line, message))
            items.append(DraftExchange(remark=part))
            closed = True
        else:
            current.answers.append(part)
        last_answerer = role.speaker
        previous = caller = part
    if orphans:
        raise ImportFailed("the speaker labels have no text after them: nothing to import")
    _addressed(items)
    notes += _unanswered(items)
    return remarks, items, notes


def _addressed(items: list[DraftExchange]) -> None:
    """A question with no asker whose answer addresses by name someone the record calls
    on elsewhere ("I think – and the Secretary said so, Matt – ...") was asked by them."""
    called = {
        i.question.by
        for i in items
        if i.question is not None and i.question.by and " " not in i.question.by
    }
    if not called:
        return
    for item in items:
        if item.question is None or item.question.by is not None or not item.answers:
            continue
        text = item.answers[0].text
        for name in sorted(called):
            if re.search(rf"(?:^|[,–—-]\s*){re.escape(name)}(?:\s*[,–—]|[.!?])", text):
                item.question.by = name
                break


def _unanswered(items: list[DraftExchange]) -> list[Note]:
    """Questions with no answer: cut off, asked again later, or the record ends."""
    notes: list[Note] = []
    for item in items:
        if item.question is not None and not item.answers:
            message = "this question gets no answer before the next turn asks or the record ends"
            item.question.checks.append(message)
            notes.append(Note(item.question.line, message))
    return notes


_THANKS_ALL = re.compile(
    r"(?:And\s+)?(?:Thank you|Thanks)\b"
    r"(?!\s+(?:very much\s+)?for\s+(?:the|your|this|that)\s+question)",
    re.IGNORECASE,
)


CLOSING_WORDS = 40
"""Closing words are short; a longer turn that thanks someone is still an answer."""


def _thanks_all(part: Part) -> bool:
    """Closing thanks: a short turn with a sentence that thanks the room (not for a
    question)."""
    if len(part.text.split()) > CLOSING_WORDS:
        return False
    return any(_THANKS_ALL.match(s) for p in part.paras for s in sentences(p.text))


def _ends_exchange(
    part: Part, current: DraftExchange, previous: Part | None, moderators: set[str]
) -> bool:
    if part.by in moderators:
        return True
    if previous is not None and previous is current.answers[-1] and previous.by == part.by:
        return True
    # Another podium speaker's short turn that calls the next asker hands over the floor.
    others = {a.by for a in current.answers}
    short = len(part.text.split()) <= CLOSING_WORDS
    return part.by not in others and short and announced(part) is not None

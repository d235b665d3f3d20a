"""Transcripts for the loader, check and schema tests: one good file, and every kind of
bad input with the exact problem (code, line, column, words of the message) it must get.

Line numbers below are counted in GOOD, which is kept short so they can be checked by eye.
"""

from __future__ import annotations

from dataclasses import dataclass

GOOD = """\
format: briefing-transcript/1
title: Shanghai's role in the Belt and Road
date: 2017-10-11
published: 2017-10-31
organizer: Shanghai Municipal Government Information Office
location: Shanghai
language: en
source: https://example.org/briefings/2017-10-11
fidelity: highlights
summary: |
  The office held a press conference on October 11.
tags: [belt-and-road, trade]
speakers:
  - name: Tang Zhiping
    role: deputy secretary general
    aliases: [Secretary General Tang]
  - name: Wang Sizheng
    role: inspector
remarks:
  - by: secretary general  tang
    text: Good morning.
exchanges:
  - question:
      by: STV
      text: A question for secretary general Tang.
    answers:
      - by: Tang Zhiping
        text: |
          It's a good question.

          1. First.
          2. Second.
      - by: Wang Sizheng
        text: I would add one thing.
  - remark:
      by: Tang Zhiping
      text: Next question, please.
  - question:
      text: A question whose asker the record does not name.
    answers: []
"""
"""A complete, valid transcript (line 20 is the opening remark's ``by``)."""


def good(briefing_id: str) -> str:
    """GOOD with an explicit id (one line more at the top)."""
    return f"id: {briefing_id}\n{GOOD}"


def replace_line(text: str, number: int, new: str) -> str:
    """``text`` with its line ``number`` (1-based) replaced by ``new`` (may be several)."""
    lines = text.splitlines(keepends=True)
    lines[number - 1] = new + "\n" if new else ""
    return "".join(lines)


@dataclass(frozen=True)
class Bad:
    """A bad file and the one problem it must produce."""

    name: str
    data: bytes
    code: str
    line: int | None
    column: int | None
    words: str
    only: bool = True
    """This is the file's only problem (no cascade of follow-on messages)."""


def _bad(name: str, text: str, code: str, line: int, column: int, words: str) -> Bad:
    return Bad(name, text.encode("utf-8"), code, line, column, words)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"

BOMB = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode()
    for i in range(8)
)
"""The classic "billion laughs": 9**9 strings if expanded."""

BAD: tuple[Bad, ...] = (
    _bad("syntax.yaml", "title: a: b\n", "yaml-syntax", 1, 9, "mapping values are not allowed"),
    _bad("top-list.yaml", "- title: x\n", "wrong-type", 1, 1, "expected a mapping with title"),
    _bad(
        "speaker-list.yaml",
        GOOD.replace(
            "  - name: Tang Zhiping\n    role: deputy secretary general\n"
            "    aliases: [Secretary General Tang]\n",
            "  - [Tang Zhiping]\n",
        ),
        "wrong-type",
        14,
        5,
        "speakers[1]: expected a mapping with name, found a list",
    ),
    _bad(
        "no-title.yaml",
        replace_line(GOOD, 2, ""),
        "missing-key",
        1,
        1,
        "missing required field 'title'",
    ),
    _bad("no-date.yaml", replace_line(GOOD, 3, ""), "missing-key", 1, 1, "field 'date'"),
    _bad(
        "no-speakers.yaml",
        GOOD[: GOOD.index("speakers:")] + GOOD[GOOD.index("remarks:") :],
        "missing-key",
        1,
        1,
        "field 'speakers'",
    ),
    _bad(
        "no-exchanges.yaml",
        GOOD[: GOOD.index("exchanges:")],
        "missing-key",
        1,
        1,
        "field 'exchanges'",
    ),
    _bad(
        "bad-date.yaml",
        replace_line(GOOD, 3, "date: 2017-13-45"),
        "bad-date",
        3,
        7,
        "'2017-13-45' is not a valid date (month must be in 1..12); expected YYYY-MM-DD",
    ),
    _bad(
        "unknown-speaker.yaml",
        replace_line(GOOD, 27, "      - by: Li Jun"),
        "unknown-speaker",
        27,
        13,
        "unknown speaker 'Li Jun'; expected one of the speakers: "
        "Tang Zhiping (also Secretary General Tang); Wang Sizheng",
    ),
    _bad(
        "answer-typo.yaml",
        replace_line(GOOD, 26, "    answer:"),
        "unknown-key",
        26,
        5,
        "unknown key 'answer'; did you mean 'answers'?",
    ),
    _bad(
        "empty-text.yaml",
        replace_line(GOOD, 21, '    text: ""'),
        "empty-text",
        21,
        11,
        "remarks[1].text: is empty; expected some text",
    ),
    _bad(
        "duplicate-speaker.yaml",
        replace_line(GOOD, 17, "  - name: tang  zhiping"),
        "duplicate-speaker",
        17,
        11,
        "'tang  zhiping' is already a name or alias of speaker 'Tang Zhiping' (line 14)",
    ),
    Bad(
        "latin1.yaml",
        GOOD.replace("Shanghai's", "Caf\u00e9").encode("latin-1"),
        "not-utf8",
        2,
        11,
        "byte 0xe9 at byte offset 40 is not UTF-8; expected UTF-8 text",
    ),
    Bad("empty.yaml", b"", "empty", 1, 1, "file is empty"),
    Bad("comments-only.yaml", b"# nothing here\n\n", "empty", 1, 1, "file is empty"),
    Bad("image.yaml", PNG, "binary", 3, 1, "NUL byte at byte offset 8: this is a binary file"),
    _bad(
        "python-tag.yaml",
        replace_line(GOOD, 2, 'title: !!python/object/apply:os.system ["echo owned"]'),
        "bad-tag",
        2,
        8,
        "the tag '!!python/object/apply:os.system' is not allowed",
    ),
    Bad(
        "bomb.yaml",
        BOMB,
        "alias",
        2,
        8,
        "alias *a: anchors and aliases (&name, *name) are not allowed",
        only=False,  # its keys a..i are unknown and title etc. are missing, too
    ),
)

"""A hand-built briefing for the quoting tests (export, clipboard, dialogs).

Built directly from the model rather than loaded, so these tests do not depend on the
loader, and written so that every field of a citation has a distinct, checkable value.
"""

from __future__ import annotations

import datetime as dt

from tui.model import Answer, Briefing, Exchange, Question, Remark, Speaker

BRIEFING_ID = "2019-03-05-trade-call"
TITLE = "Trade & tariffs: the *new* rules"
ORGANIZER = "Ministry of Commerce"
LOCATION = "Beijing"
SOURCE = "https://example.org/briefings/2019-03-05?lang=en"

ANSWER_TEXT = (
    "Thank you for the question. We have [bold]three[/] measures:\n"
    "1. lower tariffs on *machinery*;\n"
    "2. faster customs <b>clearance</b>.\n"
    "\n"
    "# This is not a heading, and_this_is_not_emphasis."
)
QUESTION_TEXT = "What will change for exporters in 2019?"
ASKER = "Howard Schneider, Reuters"
CHINESE_ANSWER = "我们会继续开放。"
CHINESE_QUESTION = "A question whose asker the record does not name."
OPENING = "Good afternoon.\nWelcome to the briefing."

GAO = Speaker("Gao Feng", "spokesperson, Ministry of Commerce", ("Spokesperson Gao",))
LI = Speaker("李军", "deputy director, Department of Foreign Trade")

REMARK_OPENING = Remark(f"{BRIEFING_ID}#r1", 1, "Gao Feng", OPENING, GAO.role)
Q1 = Question(f"{BRIEFING_ID}#q1", 1, QUESTION_TEXT, ASKER)
A1 = Answer(f"{BRIEFING_ID}#q1.a1", 1, "Gao Feng", ANSWER_TEXT, GAO.role)
A2 = Answer(f"{BRIEFING_ID}#q1.a2", 2, "李军", "I would add one point.", LI.role)
REMARK_NEXT = Remark(f"{BRIEFING_ID}#r2", 2, "Gao Feng", "Next question, please.", GAO.role)
Q2 = Question(f"{BRIEFING_ID}#q2", 2, CHINESE_QUESTION, None)
Q2_A1 = Answer(f"{BRIEFING_ID}#q2.a1", 1, "李军", CHINESE_ANSWER, LI.role)


def sample_briefing(fidelity: str | None = "highlights") -> Briefing:
    return Briefing(
        id=BRIEFING_ID,
        title=TITLE,
        date=dt.date(2019, 3, 5),
        speakers=(GAO, LI),
        remarks=(REMARK_OPENING,),
        items=(Exchange(Q1, (A1, A2)), REMARK_NEXT, Exchange(Q2, (Q2_A1,))),
        published=dt.date(2019, 3, 6),
        organizer=ORGANIZER,
        location=LOCATION,
        language="en",
        source=SOURCE,
        fidelity=fidelity,  # type: ignore[arg-type]
    )

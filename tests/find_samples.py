"""Briefings for the find, reference, history and bookmark tests: long enough that the
answers a test jumps between are screens apart, with words placed where a test knows."""

from __future__ import annotations

from typing import Any

FILLER = " ".join(["the", "port", "authority", "said", "shipping", "volumes", "rose", "again"] * 8)


def harbour(questions: int = 30, marked: tuple[int, ...] = (7, 19, 25)) -> dict[str, Any]:
    """``questions`` exchanges of four long paragraphs each; the answers to ``marked``
    questions mention Zanzibar in their third paragraph."""
    exchanges = []
    for number in range(1, questions + 1):
        third = "Trade with Zanzibar grew." if number in marked else FILLER
        text = "\n\n".join([f"Answer {number}.", FILLER, third, FILLER])
        exchanges.append(
            {
                "question": {"by": f"Outlet {number}", "text": f"Question {number}?"},
                "answers": [{"by": "Port Spokesperson", "text": text}],
            }
        )
    return {
        "title": "Harbour briefing",
        "date": "2019-06-01",
        "speakers": [{"name": "Port Spokesperson", "role": "spokesperson"}],
        "exchanges": exchanges,
    }


CHINESE: dict[str, Any] = {
    "title": "外交部例行记者会",
    "date": "2016-03-02",
    "language": "zh",
    "speakers": [{"name": "发言人", "role": "发言人"}],
    "exchanges": [
        {
            "question": {"by": "记者", "text": "外国银行何时进入？"},
            "answers": [{"by": "发言人", "text": "我们欢迎外国银行来华投资，外国银行是合作伙伴。"}],
        }
    ],
}

HARBOUR = "2019-06-01-harbour"
ZH = "2016-03-02-zh"

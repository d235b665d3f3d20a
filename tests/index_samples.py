"""Small archives for the index, query and search tests (the ``archive`` fixture in
conftest.py writes them as YAML into tmp_path).

Each briefing is built from a few keyword arguments so a test states only what it checks
(a date, a speaker, a word in an answer); the files go through the real loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def briefing(
    ident: str,
    date: str,
    answers: Sequence[tuple[str, str]] = (("Li Jun", "We discuss the budget."),),
    *,
    question: str = "What about it?",
    asker: str | None = "Reuters",
    title: str | None = None,
    roles: dict[str, str] | None = None,
    remark: str | None = None,
) -> dict[str, Any]:
    """A briefing dict: one exchange answered by ``answers`` (speaker, text) pairs."""
    names = list(dict.fromkeys(name for name, _ in answers)) or ["Moderator"]
    roles = roles or {}
    doc: dict[str, Any] = {
        "id": ident,
        "title": title or f"Briefing {ident}",
        "date": date,
        "speakers": [
            {"name": name, **({"role": roles[name]} if name in roles else {})} for name in names
        ],
        "exchanges": [
            {
                "question": {"text": question, **({"by": asker} if asker else {})},
                "answers": [{"by": name, "text": text} for name, text in answers],
            }
        ],
    }
    if remark is not None:
        doc["remarks"] = [{"by": names[0], "text": remark}]
    return doc


SAMPLE = (
    briefing(
        "2017-10-11-shanghai",
        "2017-10-11",
        [
            ("Tang Zhiping", "The Belt and Road strategy brings financing to Shanghai."),
            ("Wang Sizheng", "Financial services will open further."),
        ],
        asker="STV",
        question="How will the Belt and Road change the city?",
        roles={"Tang Zhiping": "deputy secretary general", "Wang Sizheng": "inspector"},
        remark="Good morning and welcome.",
    ),
    briefing(
        "2019-03-05-mfa",
        "2019-03-05",
        [("Li Jun", "Tariffs hurt both sides; the budget is balanced.")],
        asker="Howard Schneider, Reuters",
        question="Will tariffs rise?",
        roles={"Li Jun": "spokesperson"},
    ),
    briefing(
        "2021-06-15-trade",
        "2021-06-15",
        [("Li Jun", "Trade talks continue. 我们支持自由贸易。")],
        asker="Bloomberg",
        question="What about the budget deficit?",
        roles={"Li Jun": "director general"},
    ),
)

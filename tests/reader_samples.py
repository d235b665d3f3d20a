"""Small transcript folders for the reader tests.

The ``reader`` fixture (conftest.py) writes them as YAML into a temporary folder and
opens the real reader on them. Every person, outlet and date is distinct, so a test can
tell exactly which answers are on screen.
"""

from __future__ import annotations

from typing import Any

SHANGHAI: dict[str, Any] = {
    "title": "Shanghai's bridgehead role in the Belt and Road",
    "date": "2017-10-11",
    "organizer": "Shanghai Municipal Government Information Office",
    "location": "Shanghai",
    "fidelity": "highlights",
    "source": "https://example.org/shanghai",
    "tags": ["belt-and-road", "trade"],
    "speakers": [
        {"name": "Tang Zhiping", "role": "deputy secretary general"},
        {"name": "Wang Sizheng", "role": "inspector"},
        {"name": "Li Jun", "role": "deputy director, Financial Service Office"},
    ],
    "remarks": [{"by": "Tang Zhiping", "text": "Good afternoon. Welcome."}],
    "exchanges": [
        {
            "question": {"by": "STV", "text": "What does the plan change for ports?"},
            "answers": [{"by": "Tang Zhiping", "text": "Ports will be opened further."}],
        },
        {"remark": {"by": "Tang Zhiping", "text": "Next question, please."}},
        {
            "question": {"by": "China Business News", "text": "What about financing?"},
            "answers": [
                {"by": "Wang Sizheng", "text": "Financing comes first."},
                {
                    "by": "Li Jun",
                    "text": "We take three measures:\n1. bonds;\n2. loans;\n3. insurance."
                    "\n\nSecond, the currency.",
                },
            ],
        },
        {
            "question": {"text": "A question from an unnamed journalist about tariffs."},
            "answers": [{"by": "Tang Zhiping", "text": "Tariffs are not on the agenda."}],
        },
    ],
}

FINANCE: dict[str, Any] = {
    "title": "Financial opening of the free trade zone",
    "date": "2018-01-05",
    "organizer": "Shanghai Financial Service Office",
    "fidelity": "edited",
    "tags": ["finance"],
    "speakers": [{"name": "Li Jun", "role": "director, Financial Service Office"}],
    "exchanges": [
        {
            "question": {"by": "Reuters", "text": "When will foreign banks enter?"},
            "answers": [{"by": "Li Jun", "text": "Foreign banks are welcome this year."}],
        },
        {
            "question": {"by": "STV", "text": "And insurers?"},
            "answers": [{"by": "Li Jun", "text": "Insurers follow in the spring."}],
        },
    ],
}

DEFENSE: dict[str, Any] = {
    "title": "Defense press briefing on readiness",
    "date": "2008-03-10",
    "organizer": "Department of Defense",
    "fidelity": "verbatim",
    "tags": ["defense"],
    "speakers": [{"name": "Geoff Morrell", "role": "press secretary"}],
    "exchanges": [
        {
            "question": {"by": "Reuters", "text": "Is readiness improving?"},
            "answers": [{"by": "Geoff Morrell", "text": "Readiness is improving steadily."}],
        }
    ],
}

CORPUS = {
    "2017-10-11-shanghai": SHANGHAI,
    "2018-01-05-finance": FINANCE,
    "2008-03-10-defense": DEFENSE,
}


def long_briefing(exchanges: int = 300, paragraphs: int = 10) -> dict[str, Any]:
    """A generated briefing with ``exchanges`` exchanges of ``paragraphs`` paragraphs."""
    words = [
        "trade",
        "finance",
        "ports",
        "bonds",
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "shanghai",
        "growth",
        "policy",
    ]

    def paragraph(seed: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(60))

    items = []
    for number in range(1, exchanges + 1):
        text = "\n\n".join(paragraph(number + p) for p in range(paragraphs))
        items.append(
            {
                "question": {"by": f"Outlet {number % 17}", "text": f"Question number {number}?"},
                "answers": [{"by": "Spokesperson", "text": f"Answer {number}.\n\n{text}"}],
            }
        )
    return {
        "title": "A very long briefing",
        "date": "2020-05-05",
        "speakers": [{"name": "Spokesperson", "role": "spokesperson"}],
        "exchanges": items,
    }

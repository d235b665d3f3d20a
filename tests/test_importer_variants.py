"""Transcripts in conventions none of the samples uses, imported with no options.

The samples in ``../shared/raw`` are where the importer's rules were worked out; these
pages were written by hand afterwards, with other names, outlets, offices and labelling
habits, to see whether the rules describe how transcripts are written or only how the
samples are: a head of government's press conference with labels alone on their line
(``QUESTION (Name, Outlet):``), a city government's transcript labelled by office
(``Secretary for ...:``, ``Reporter:``) with the names in the introduction, a ministry's
``Official Spokesperson, Shri Name:`` and ``Question (Name, Outlet):``, a State
Department heading block with a briefer who calls on askers, and a foreign ministry's
``Press Secretary Name:`` with ``Name, Outlet:`` askers, and a midday briefing where a
second spokesperson takes one question and askers are ``Journalist (Name, Outlet):``
(written after the importer passed the first five). Each exchange's asker and
answerers, the speakers' names and roles, and the date held are checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.importer import Options, import_bytes
from tui.loader import load_bytes
from tui.model import Exchange

VARIANTS = Path(__file__).resolve().parent / "importer" / "variants"
EXPECTED: dict[str, Any] = json.loads((VARIANTS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_variant_imports_as_a_careful_reader_would(name: str) -> None:
    want = EXPECTED[name]
    result = import_bytes((VARIANTS / name).read_bytes(), name, Options())
    briefing, problems = load_bytes(result.text.encode("utf-8"), name)
    assert briefing is not None, problems
    assert briefing.date.isoformat() == want["date"]
    assert {s.name: s.role for s in briefing.speakers} == want["speakers"]
    exchanges = []
    for item in briefing.items:
        if isinstance(item, Exchange):
            answerers = []
            for answer in item.answers:
                speaker = briefing.speaker(answer.by)
                answerers.append(speaker.name if speaker is not None else answer.by)
            exchanges.append([item.question.by, answerers])
    assert exchanges == want["exchanges"]

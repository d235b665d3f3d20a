"""Briefing ids and slugs, defined once in tui.ids, and the counted noun of tui.plural."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tui
from tui.ids import ID_PATTERN, safe_id, slug
from tui.plural import noun_for

SCHEMA = Path(tui.__file__).parent / "transcript.schema.json"


def test_the_json_schema_states_the_same_id_pattern() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["id"]["pattern"] == f"^{ID_PATTERN.pattern}$"


@pytest.mark.parametrize("ident", ["2019-03-05-trade-call", "a.b_c-1", "X"])
def test_ids_that_are_valid(ident: str) -> None:
    assert ID_PATTERN.fullmatch(ident)


@pytest.mark.parametrize("ident", ["", "a b", "a/b", "é", "a#q1"])
def test_ids_that_are_not(ident: str) -> None:
    assert not ID_PATTERN.fullmatch(ident)


def test_safe_id_is_a_file_name_part() -> None:
    assert safe_id("../etc/passwd") == "-etc-passwd"
    assert safe_id("...") == "briefing"
    assert safe_id("2021-06-14-nato") == "2021-06-14-nato"


def test_slug_drops_accents_and_hashes_names_without_latin_letters() -> None:
    assert slug("Zoë Okafor-Brandt") == "zoe-okafor-brandt"
    assert slug("Пётр Иванов").startswith("speaker-")
    assert slug("Пётр Иванов") != slug("Иван Петров")


def test_the_noun_alone_agrees_with_the_count() -> None:
    assert [noun_for(n, "hit") for n in (0, 1, 7)] == ["hits", "hit", "hits"]
    assert noun_for(2, "person", "people") == "people"

"""The search language's ``note:`` and ``clipped:`` filters, parsed and run on the index."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE, briefing

from tui.clips.opening import open_clips
from tui.index import Index
from tui.model import Briefing
from tui.query import ClipFilter, QueryError, parse
from tui.quote import quote_of

if TYPE_CHECKING:
    from conftest import Archive

SHANGHAI_A1 = "2017-10-11-shanghai#q1.a1"
SHANGHAI_A2 = "2017-10-11-shanghai#q1.a2"
MFA_A1 = "2019-03-05-mfa#q1.a1"
TRADE_Q1 = "2021-06-15-trade#q1"


def test_parse_clipped_and_note() -> None:
    assert parse("clipped:yes").clips == ClipFilter(None, ())
    assert parse("clipped:YES").clips == ClipFilter(None, ())
    assert parse('tariffs clipped:"Trade story"').clips == ClipFilter("Trade story", ())
    query = parse('note:check note:"follow up" budget')
    assert query.clips == ClipFilter(None, ("check", "follow up"))
    assert query.terms == ("budget",)  # a note word is not highlighted in the text
    assert parse("note:financ*").clips == ClipFilter(None, ("financ*",))
    assert not parse("clipped:yes").empty


@pytest.mark.parametrize(
    ("query", "message", "column"),
    [
        ("clipped:a clipped:b", "clipped: can be given only once", 11),
        ("tax OR note:x1", "note: narrows the whole query", 8),
        ("NOT clipped:yes", "clipped: narrows the whole query", 5),
        ("note:", "note: needs a value, e.g. note:", 1),
        ("note:--", "note: needs a word", 1),
        ("note:fi*", "too short a prefix", 1),
        ("cliped:yes", "did you mean 'clipped:'", 1),
    ],
)
def test_malformed_clippings_filters(query: str, message: str, column: int) -> None:
    with pytest.raises(QueryError, match=message) as caught:
        parse(query)
    assert caught.value.position + 1 == column


@pytest.fixture
def index(archive: Archive) -> Index:
    return archive.indexed(SAMPLE)


def clip(index: Index, collection: str, ref: str, note: str = "") -> None:
    briefing_id = ref.partition("#")[0]
    loaded: Briefing = index.load(briefing_id)
    element = loaded.find(ref)
    assert element is not None
    store = open_clips()
    store.add(collection, quote_of(loaded, element), note, create=True)
    store.close()


def refs(index: Index, query: str) -> list[str]:
    return [hit.ref for hit in index.search(query)]


def test_clipped_finds_the_clipped_answers_in_any_or_one_collection(index: Index) -> None:
    clip(index, "Finance", SHANGHAI_A2)
    clip(index, "Tariffs", MFA_A1)
    clip(index, "Tariffs", TRADE_Q1)
    assert refs(index, "clipped:yes") == [TRADE_Q1, MFA_A1, SHANGHAI_A2]
    assert refs(index, "clipped:tariffs") == [TRADE_Q1, MFA_A1]
    assert refs(index, "budget clipped:Tariffs") == [TRADE_Q1, MFA_A1]
    assert refs(index, "budget clipped:Finance") == []
    assert refs(index, "financ* clipped:yes") == [SHANGHAI_A2]
    assert refs(index, "clipped:Nowhere") == []
    assert refs(index, "clipped:yes from:2019 to:2019") == [MFA_A1]


def test_note_finds_answers_by_the_words_of_their_note(index: Index) -> None:
    clip(index, "Finance", SHANGHAI_A1, "Lead quote; check the FIGURES")
    clip(index, "Finance", SHANGHAI_A2, "background only")
    clip(index, "Tariffs", MFA_A1, "lead for the tariffs piece")
    assert refs(index, "note:lead") == [MFA_A1, SHANGHAI_A1]
    assert refs(index, "note:figures") == [SHANGHAI_A1]  # case does not matter
    assert refs(index, "note:lead clipped:Tariffs") == [MFA_A1]
    assert refs(index, "note:lead note:check") == [SHANGHAI_A1]
    assert refs(index, 'note:"check the figures"') == [SHANGHAI_A1]
    assert refs(index, "note:back*") == [SHANGHAI_A2]
    assert refs(index, "note:lea") == []  # a word, not a part of one
    assert refs(index, "belt note:lead") == [SHANGHAI_A1]


def test_a_saved_search_with_the_filters_watches_only_those_clippings(index: Index) -> None:
    clip(index, "Tariffs", MFA_A1, "lead")
    scan = index.watch("clipped:tariffs", set())
    assert [hit.ref for hit in scan.new] == [MFA_A1]
    clip(index, "Tariffs", TRADE_Q1, "lead")
    again = index.watch("note:lead", scan.keys)
    assert [hit.ref for hit in again.new] == [TRADE_Q1]


def test_hits_per_month_honours_the_filters(index: Index) -> None:
    clip(index, "Tariffs", MFA_A1, "lead")
    assert index.hits_per_month("note:lead") == [("2019-03", 1)]
    assert index.hits_per_month("clipped:nowhere") == []


def test_a_clipping_whose_reference_left_the_archive_matches_nothing(
    archive: Archive, index: Index
) -> None:
    clip(index, "Story", MFA_A1, "lead")
    clip(index, "Story", SHANGHAI_A1, "lead")
    assert refs(index, "note:lead") == [MFA_A1, SHANGHAI_A1]
    (index.root / "2019-03-05-mfa.yaml").unlink()
    archive([briefing("2019-03-05-mfa-corrected", "2019-03-05", [("Li Jun", "Lead.")])])
    index.refresh()
    assert refs(index, "note:lead") == [SHANGHAI_A1]


def test_an_unreadable_clippings_database_is_a_sentence_not_a_crash(
    index: Index, user_dirs: tuple[object, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.clips import matching
    from tui.clips.store import ClipsBusy

    def busy(wanted: ClipFilter) -> frozenset[str]:
        raise ClipsBusy("the clippings database is locked by another program")

    monkeypatch.setattr(matching, "clipped_refs", busy)
    with pytest.raises(QueryError, match="locked by another program"):
        index.search("clipped:yes")
    with pytest.raises(QueryError, match="locked by another program"):
        index.watch("clipped:yes", set())
    assert refs(index, "budget")  # other searches are untouched

"""Search over the index: ordering, filters, prefixes, snippets with spans, hits per month."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from index_samples import SAMPLE, briefing

from tui.index import Index
from tui.library import SearchCancelled, SearchHit
from tui.query import QueryError
from tui.textmatch import match_spans, search_form, snippet, spans_by_tokens, term_tokens

if TYPE_CHECKING:
    from conftest import Archive


@pytest.fixture
def index(archive: Archive) -> Index:
    return archive.indexed(SAMPLE)


def refs(hits: list[SearchHit]) -> list[str]:
    return [hit.ref for hit in hits]


def marked(hit: SearchHit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.spans]


def test_newest_first_then_reading_order(index: Index) -> None:
    assert refs(index.search("budget")) == [
        "2021-06-15-trade#q1",
        "2019-03-05-mfa#q1.a1",
    ]
    assert refs(index.search("belt")) == [
        "2017-10-11-shanghai#q1",
        "2017-10-11-shanghai#q1.a1",
    ]


def test_relevance_order_ranks_by_bm25(archive: Archive) -> None:
    docs = [
        briefing("old", "2010-01-01", [("Li Jun", "Tariffs, tariffs and more tariffs.")]),
        briefing("new", "2020-01-01", [("Li Jun", "A long answer " * 30 + "on tariffs.")]),
    ]
    index = archive.indexed(docs)
    assert refs(index.search("tariffs")) == ["new#q1.a1", "old#q1.a1"]
    assert refs(index.search("tariffs", order="relevance")) == ["old#q1.a1", "new#q1.a1"]


def test_hits_carry_what_a_result_row_shows(index: Index) -> None:
    hit = index.search("financing")[0]
    assert (hit.briefing_id, hit.title, hit.date) == (
        "2017-10-11-shanghai",
        "Briefing 2017-10-11-shanghai",
        dt.date(2017, 10, 11),
    )
    assert (hit.kind, hit.person, hit.role) == (
        "answer",
        "Tang Zhiping",
        "deputy secretary general",
    )
    assert marked(hit) == ["financing"]
    question = index.search("rise")[0]
    assert (question.kind, question.person, question.role) == (
        "question",
        "Howard Schneider, Reuters",
        None,
    )
    remark = index.search("welcome")[0]
    assert (remark.kind, remark.ref) == ("remark", "2017-10-11-shanghai#r1")


def test_phrases_prefixes_and_boolean_operators(index: Index) -> None:
    assert refs(index.search('"belt and road strategy"')) == ["2017-10-11-shanghai#q1.a1"]
    assert refs(index.search('"road and belt"')) == []
    hits = index.search("financ*")
    assert refs(hits) == ["2017-10-11-shanghai#q1.a1", "2017-10-11-shanghai#q1.a2"]
    assert [marked(h) for h in hits] == [["financing"], ["Financial"]]
    assert hits[0].terms == ("financ*",)
    assert refs(index.search("tariffs OR trade")) == [
        "2021-06-15-trade#q1.a1",
        "2019-03-05-mfa#q1",
        "2019-03-05-mfa#q1.a1",
    ]
    assert refs(index.search("budget NOT deficit")) == ["2019-03-05-mfa#q1.a1"]
    assert refs(index.search("(tariffs OR trade) AND talks")) == ["2021-06-15-trade#q1.a1"]


def test_speaker_and_asker_filters(index: Index) -> None:
    assert refs(index.search('budget speaker:"Li Jun"')) == ["2019-03-05-mfa#q1.a1"]
    assert refs(index.search("speaker:wang")) == ["2017-10-11-shanghai#q1.a2"]
    assert refs(index.search("speaker:zheng*")) == []  # a prefix starts a word of the name
    assert refs(index.search("speaker:wang*")) == ["2017-10-11-shanghai#q1.a2"]
    assert refs(index.search("asker:reuters")) == ["2019-03-05-mfa#q1", "2019-03-05-mfa#q1.a1"]
    assert refs(index.search("budget NOT asker:reuters")) == ["2021-06-15-trade#q1"]


def test_date_and_briefing_filters(index: Index) -> None:
    assert refs(index.search("budget from:2020")) == ["2021-06-15-trade#q1"]
    assert refs(index.search("budget to:2019-03")) == ["2019-03-05-mfa#q1.a1"]
    assert refs(index.search("budget from:2019-03-06 to:2021-06-14")) == []
    assert refs(index.search("from:2019-03-05 to:2019-03-05")) == [
        "2019-03-05-mfa#q1",
        "2019-03-05-mfa#q1.a1",
    ]
    assert refs(index.search("briefing:2017")) == [
        "2017-10-11-shanghai#r1",
        "2017-10-11-shanghai#q1",
        "2017-10-11-shanghai#q1.a1",
        "2017-10-11-shanghai#q1.a2",
    ]
    assert refs(index.search("budget briefing:2019-03-05-mfa")) == ["2019-03-05-mfa#q1.a1"]
    assert index.search("budget briefing:nothing-like-this") == []


def test_a_briefing_filter_keeps_every_briefing_it_names_whatever_its_id(
    archive: Archive,
) -> None:
    """``briefing:`` narrows by id, and through the ids' dates by row id: briefings whose
    ids say nothing of their dates, or share a prefix across years, are all still found."""
    index = archive.indexed(
        [
            briefing("pressers-a", "2016-05-01", [("Li Jun", "Budget one.")]),
            briefing("pressers-b", "2023-02-01", [("Li Jun", "Budget two.")]),
            briefing("pressers-c", "2019-07-01", [("Li Jun", "Budget three.")]),
            briefing("other", "2019-07-02", [("Li Jun", "Budget four.")]),
        ]
    )
    found = [hit.briefing_id for hit in index.search("budget briefing:pressers")]
    assert found == ["pressers-b", "pressers-c", "pressers-a"]
    assert index.hits_per_month("budget briefing:pressers")[0] == ("2016-05", 1)
    assert [h.briefing_id for h in index.search("budget briefing:pressers from:2019")] == [
        "pressers-b",
        "pressers-c",
    ]
    assert index.search("budget briefing:pressers-b to:2022") == []


def test_limit_and_empty_queries(index: Index) -> None:
    assert len(index.search("briefing:2017", limit=2)) == 2
    assert index.search("") == [] and index.search("   ") == []
    assert index.search("zebra") == []


def test_malformed_queries_raise_query_error_not_sql_errors(index: Index) -> None:
    for bad in ('"open', "a AND", "fi*", "NOT x", "from:2020-02-30"):
        with pytest.raises(QueryError):
            index.search(bad)


def test_chinese_words_are_found_inside_sentences(index: Index) -> None:
    hits = index.search("支持")
    assert refs(hits) == ["2021-06-15-trade#q1.a1"]
    assert marked(hits[0]) == ["支持"]
    assert refs(index.search('"自由贸易"')) == ["2021-06-15-trade#q1.a1"]
    assert refs(index.search("贸自")) == []


def test_case_and_accents_are_ignored_and_word_boundaries_kept(archive: Archive) -> None:
    text = "The Café reopened; taxi fares rose."
    index = archive.indexed([briefing("c", "2020-01-01", [("Li Jun", text)])])
    assert [marked(h) for h in index.search("CAFE")] == [["Café"]]
    assert index.search("tax") == []
    assert [marked(h) for h in index.search("tax*")] == [["taxi"]]


def test_transcript_markup_stays_plain_text_in_snippets(archive: Archive) -> None:
    text = "[bold red]Tariffs[/] are <b>high</b> \x1b[31m today."
    index = archive.indexed([briefing("m", "2020-01-01", [("Li Jun", text)])])
    hit = index.search("tariffs")[0]
    assert hit.snippet == text
    assert marked(hit) == ["Tariffs"]


def test_hits_per_month_fill_the_months_between(index: Index) -> None:
    months = index.hits_per_month("budget")
    assert months[0] == ("2019-03", 1) and months[-1] == ("2021-06", 1)
    assert len(months) == 28 and sum(count for _, count in months) == 2
    assert index.hits_per_month("budget from:2020") == [("2021-06", 1)]
    assert index.hits_per_month("briefing:2019") == [("2019-03", 2)]
    assert index.hits_per_month("zebra") == [] and index.hits_per_month("") == []


def test_match_spans_follow_the_index_tokenizer() -> None:
    text = "Café prices, CAFE taxes; taxi fares.\nBelt  and\nroad."
    assert [text[a:b] for a, b in match_spans(text, ["cafe"])] == ["Café", "CAFE"]
    assert [text[a:b] for a, b in match_spans(text, ["tax"])] == []
    assert [text[a:b] for a, b in match_spans(text, ["tax*"])] == ["taxes", "taxi"]
    assert [text[a:b] for a, b in match_spans(text, ["belt and road"])] == ["Belt  and\nroad"]
    assert match_spans(text, []) == [] and match_spans(text, ["—"]) == []
    assert search_form("中国 ok") == " 中  国  ok"


def test_snippets_cut_long_text_around_the_first_match() -> None:
    text = "Opening words. " * 40 + "The tariff decision matters. " + "Closing words. " * 40
    excerpt, spans = snippet(text, ["tariff"])
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) <= 162
    assert [excerpt[a:b] for a, b in spans] == ["tariff"]
    short, spans = snippet("No match here\n\nat all.", ["zebra"])
    assert (short, spans) == ("No match here at all.", ())


_WORDS = st.sampled_from(["tax", "Tax", "taxes", "taxi", "belt", "and", "road", "a1", "x_y"])
_GAPS = st.sampled_from([" ", "  ", "\n", ", ", "-", "’", " — ", "_", "é", "9"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_WORDS, _GAPS), max_size=12),
    st.lists(st.sampled_from(["tax", "tax*", "belt and road", "and roa*", "a1", "x"]), min_size=1),
)
def test_the_fast_matcher_agrees_with_the_token_matcher(
    parts: list[tuple[str, str]], terms: list[str]
) -> None:
    text = "".join(word + gap for word, gap in parts)
    patterns = [p for p in (term_tokens(t) for t in terms) if p[0]]
    assert match_spans(text, terms) == spans_by_tokens(text, patterns)


def test_the_fast_matcher_is_used_for_english_text_with_typographic_punctuation() -> None:
    text = "We’ve said “tariffs” — twice."
    assert [text[a:b] for a, b in match_spans(text, ["tariff*", "we"])] == ["We", "tariffs"]


def test_a_query_nobody_waits_for_any_more_is_abandoned(archive: Archive) -> None:
    docs = [
        briefing(f"b{i:03d}", "2020-01-01", [("Li Jun", "Tariffs and budgets. " * 20)])
        for i in range(200)
    ]
    index = archive.indexed(docs)
    with pytest.raises(SearchCancelled):
        index.search("tariffs", should_stop=lambda: True)  # stale before it starts
    with pytest.raises(SearchCancelled):
        index.hits_per_month("tariffs", should_stop=lambda: True)
    calls: list[int] = []

    def stale_once_started() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(SearchCancelled):
        index.search("tariffs", order="relevance", limit=500, should_stop=stale_once_started)
    assert len(calls) == 3  # before starting, at SQLite's first poll (stop), and to confirm
    assert len(index.search("tariffs", limit=500, should_stop=lambda: False)) == 200
    assert index.hits_per_month("tariffs", should_stop=lambda: False) == [("2020-01", 200)]
    assert not index.in_memory and index.notice is None  # a cancelled query is not a failure


def test_a_cut_where_the_text_trails_off_is_marked_once() -> None:
    before = "padding " * 40
    text = before + "The rule has been… well, it has been debated. tariff " + "more words " * 30
    excerpt, _ = snippet(text, ["tariff"], width=60)
    assert "……" not in excerpt
    assert excerpt.count("…") <= 3
    trailing = "opening words " + "tariff talk has been... " + "rest of it " * 40
    short, _ = snippet(trailing, ["tariff"], width=40)
    assert not short.endswith("....") and "...…" not in short
    assert short.endswith(("…", "..."))


def test_speaker_filter_matches_a_chinese_name_and_a_short_chinese_prefix(
    archive: Archive,
) -> None:
    docs = [
        briefing(
            "mfa",
            "2022-08-19",
            [("汪文斌", "王毅国务委员在北京主持会议。")],
            asker="澎湃新闻",
        ),
        briefing("other", "2022-08-20", [("华春莹", "北京的天气很好。")]),
    ]
    index = archive.indexed(docs)
    assert refs(index.search("北京 speaker:汪文斌")) == ["mfa#q1.a1"]
    assert refs(index.search("asker:澎湃")) == ["mfa#q1", "mfa#q1.a1"]
    assert refs(index.search("王毅*")) == ["mfa#q1.a1"]
    with pytest.raises(QueryError, match="too short a prefix"):
        index.search("ab*")  # Latin prefixes still need three letters

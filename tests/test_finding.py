"""Find in the briefing: substring, any case, accents and Chinese; stepping and wrapping."""

from __future__ import annotations

from tui import finding


def test_a_substring_is_found_inside_words_in_any_case() -> None:
    text = "Tariffs and TARIFF rates; tarifa."
    assert finding.find_spans(text, finding.needle_of("tarif")) == [(0, 5), (12, 17), (26, 31)]


def test_accents_are_folded_and_spans_point_into_the_text_as_written() -> None:
    text = "L'été — ETE, e\u0301te\u0301"  # the last word written with combining accents
    spans = finding.find_spans(text, finding.needle_of("ÉTÉ"))
    assert [text[a:b] for a, b in spans] == ["été", "ETE", "e\u0301te\u0301"]


def test_chinese_characters_are_found_inside_a_sentence() -> None:
    text = "我们欢迎外国银行来华投资，外国银行是合作伙伴。"
    spans = finding.find_spans(text, finding.needle_of("外国银行"))
    assert spans == [(4, 8), (13, 17)]


def test_a_blank_find_finds_nothing() -> None:
    assert finding.find_all(["anything"], "   ") == []
    assert finding.find_all(["anything"], "") == []


def test_find_all_lists_matches_in_reading_order() -> None:
    texts = ["Ports and ports", "nothing", "Passports"]
    assert finding.find_all(texts, "PORT") == [(0, 0, 4), (0, 10, 14), (2, 4, 8)]


def test_matches_do_not_overlap() -> None:
    assert finding.find_spans("aaaa", "aa") == [(0, 2), (2, 4)]


def test_the_first_match_from_a_line_wraps_to_the_top_past_the_last() -> None:
    lines = [3, 10, 10, 42]
    assert finding.first_from(lines, 0) == (0, False)
    assert finding.first_from(lines, 10) == (1, False)
    assert finding.first_from(lines, 11) == (3, False)
    assert finding.first_from(lines, 43) == (0, True)


def test_stepping_wraps_both_ways_and_says_so() -> None:
    assert finding.step(5, 3, 1) == (4, False)
    assert finding.step(5, 4, 1) == (0, True)
    assert finding.step(5, 0, -1) == (4, True)
    assert finding.wrap_notice(1) != finding.wrap_notice(-1)


def test_the_counter_reads_like_less() -> None:
    assert finding.counter(2, 17) == "3/17"
    assert finding.counter(-1, 17) == "17 matches"
    assert finding.counter(-1, 1) == "1 match"
    assert finding.counter(-1, 0) == "no match"


def test_letters_that_fold_to_two_are_found_and_highlighted_whole() -> None:
    text = "Die Straße und das ﬁnale Wort"
    assert [text[a:b] for a, b in finding.find_spans(text, finding.needle_of("SS"))] == ["ß"]
    assert [text[a:b] for a, b in finding.find_spans(text, finding.needle_of("fin"))] == ["ﬁn"]
    later = "Straße, then strasse"  # offsets after a folded letter stay right
    spans = finding.find_spans(later, finding.needle_of("strasse"))
    assert [later[a:b] for a, b in spans] == ["Straße", "strasse"]

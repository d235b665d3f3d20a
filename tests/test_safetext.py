"""Display-safe text: one visible form for control, bidi and zero-width characters, and
the name key that ignores invisible characters."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tui.model import Briefing, Speaker
from tui.safetext import clean, clean_line, name_key, visible, visible_lines


def test_clean_replaces_every_control_with_a_visible_character() -> None:
    assert clean("a\x1b[31mb") == "a␛[31mb"
    assert clean("bell\x07") == "bell␇"
    assert clean("osc\x1b]52;c;ZXZpbA==\x07") == "osc␛]52;c;ZXZpbA==␇"
    assert clean("csi\x9b2J") == "csi\ufffd2J"
    assert clean("del\x7f") == "del␡"
    assert clean("rtl\u202eevil") == "rtl\ufffdevil"
    assert clean("tab\there") == "tab    here"
    assert clean("crlf\r\nnext") == "crlf\nnext"
    assert clean("lone\rreturn") == "lone␍return"
    assert clean("plain text, 中文") == "plain text, 中文"


@given(st.text())
def test_clean_never_leaves_a_control_character(text: str) -> None:
    cleaned = clean(text)
    for char in cleaned:
        assert char == "\n" or not (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0)


def test_clean_line_folds_breaks() -> None:
    assert clean_line("two\nlines\x1b") == "two lines␛"


def test_bidi_and_zero_width_characters_are_shown_and_cannot_reorder() -> None:
    for control in ("\u202a", "\u202b", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f"):
        assert visible(f"left{control}right") == "left\ufffdright"
    assert visible("Ma\u200bria") == "Ma\ufffdria"  # zero-width space
    assert visible("\ufeffTitle") == "\ufffdTitle"  # a BOM in the middle of a file
    assert visible("new\u2060line") == "new\ufffdline"  # word joiner


def test_joiners_that_spell_words_are_kept() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a ZWNJ inside a word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # a ZWJ emoji sequence
    assert visible(persian) == persian
    assert visible(family) == family


def test_files_keep_tabs_and_separators_but_read_crlf_as_one_break() -> None:
    assert visible_lines("a\tb\r\nc\u2028d\x85") == "a\tb\nc\u2028d\ufffd"
    assert clean("a\tb\u2028c\u2029d") == "a    b\nc\nd"


@given(st.text())
def test_visible_is_one_for_one_and_leaves_nothing_unsafe(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)  # offsets of search matches stay valid
    for original, char in zip(text, shown, strict=True):
        code = ord(char)
        assert char in "\t\n" or not (code < 0x20 or 0x7F <= code < 0xA0)
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b"
        if char != original:
            assert char == "\ufffd" or 0x2400 <= code <= 0x2421


def test_name_key_ignores_invisible_characters_case_spacing_and_composition() -> None:
    assert name_key("Zoë  Okafor") == name_key("zoe\u0308 okafor")  # combining diaeresis
    assert name_key("Zoë Oka\u200bfor") == name_key("ZOË OKAFOR")
    assert name_key("\u202eRavi Menon") == name_key("ravi menon")
    assert name_key("Ravi Menon") != name_key("Ravi Mennon")


def test_a_hidden_character_does_not_make_a_second_speaker() -> None:
    speaker = Speaker("Ingrid Solberg", "minister")
    briefing = Briefing(id="2020-01-01-x", title="T", date=dt.date(2020, 1, 1), speakers=(speaker,))
    assert briefing.speaker("Ingrid\u200b Solberg") == speaker


def test_the_speaker_filter_compares_typed_words_as_names_are_keyed() -> None:
    from tui.library import Person
    from tui.widgets.speaker_filter import build_rows

    zoe = Person(name_key("Zoë Okafor"), "Zoë Okafor", "speaker", 3, 2)
    rows = build_rows([zoe], [], "zoe\u0308 oka\u200bfor")  # decomposed, with a hidden space
    assert [row.person for row in rows if row.kind == "person"] == [zoe]

"""Every raw sample imports to the hand-checked transcript, loads with no problem, loses
no word, and reports the spots the hand check marked as uncertain."""

from __future__ import annotations

import collections
from pathlib import Path, PurePath

import pytest
from importer_support import (
    EXPECTED,
    RAW,
    ROOT,
    assert_same_record,
    attribution_errors,
    words_identical,
)

from tui.importer import Hint, Imported, Options, import_bytes
from tui.importer.common import words
from tui.loader import load_bytes, load_file
from tui.model import Briefing

# raw file -> (id, --speaker values): the hints give the full names the record's labels
# cannot (``MS. PSAKI`` is Jen Psaki); labels are matched to them by surname or role.
SAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "shanghai-2017-10-11-belt-and-road.txt": ("2017-10-11-shanghai-belt-and-road", ()),
    "whitehouse-2021-07-07-psaki-gaggle.txt": (
        "2021-07-07-whitehouse-psaki-gaggle",
        ("Jen Psaki, White House Press Secretary",),
    ),
    "whitehouse-2021-06-15-tai-press-call.txt": (
        "2021-06-15-whitehouse-tai-press-call",
        ("Vedant, moderator of the call",),
    ),
    "whitehouse-2021-06-14-nato-background-call.txt": (
        "2021-06-14-whitehouse-nato-background-call",
        (),
    ),
    "whitehouse-2024-02-17-harris-zelenskyy-joint-presser.txt": (
        "2024-02-17-whitehouse-harris-zelenskyy-joint-presser",
        (
            "Kamala Harris, Vice President of the United States",
            "Volodymyr Zelenskyy, President of Ukraine",
        ),
    ),
    "whitehouse-2025-03-09-af1-gaggle.txt": (
        "2025-03-09-whitehouse-af1-gaggle",
        (
            "Donald Trump, President of the United States",
            "Karoline Leavitt, White House Press Secretary",
        ),
    ),
    "defense-2008-03-10-morrell-briefing-excerpt.txt": (
        "2008-03-10-defense-morrell-briefing-excerpt",
        ("Geoff Morrell, Pentagon Press Secretary",),
    ),
}
PLAIN: dict[str, str] = {
    **{raw: ident for raw, (ident, _) in SAMPLES.items()},
    "fed-2025-03-19-powell-press-conference.txt": "2025-03-19-fed-powell-press-conference",
    "mfa-2010-10-26-ma-zhaoxu-excerpt.txt": "2010-10-26-mfa-ma-zhaoxu-excerpt",
    "mfa-2022-08-19-wang-wenbin-bilingual-excerpt.txt": (
        "2022-08-19-mfa-wang-wenbin-bilingual-excerpt"
    ),
    "mfa-2023-05-04-mao-ning-excerpt.txt": "2023-05-04-mfa-mao-ning-excerpt",
    "state-2015-10-14-kirby-briefing-excerpt.txt": "2015-10-14-state-kirby-briefing-excerpt",
}
"""Every raw sample -> its hand-checked transcript, imported with no options at all."""
WORDS_IDENTICAL = 0.99


def run(raw: str, split: bool = True) -> Imported:
    _, hints = SAMPLES[raw]
    options = Options(hints=tuple(Hint.parse(h) for h in hints), split_embedded=split)
    return import_bytes((RAW / raw).read_bytes(), raw, options)


def load(result: Imported) -> Briefing:
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert problems == []
    assert briefing is not None
    return briefing


def expected(ident: str, folder: Path = EXPECTED) -> Briefing:
    briefing, problems = load_file(folder / f"{ident}.yaml")
    assert problems == [], [str(p) for p in problems]
    assert briefing is not None
    return briefing


def test_every_raw_sample_has_a_case() -> None:
    assert sorted(p.name for p in RAW.glob("*.txt")) == sorted(PLAIN)


def hand_checked(raw: str) -> Briefing:
    """The expected transcript beside the raw file, else the bundled one."""
    beside = RAW / f"{PurePath(raw).stem}.expected.yaml"
    path = beside if beside.exists() else EXPECTED / f"{PLAIN[raw]}.yaml"
    briefing, problems = load_file(path)
    assert problems == [], [str(p) for p in problems]
    assert briefing is not None
    return briefing


@pytest.mark.parametrize("raw", sorted(PLAIN))
def test_plain_import_attributes_every_exchange(raw: str) -> None:
    """No options: every exchange's asker and answerers as the hand check has them, at
    least 99% of the words identical and in order, and the date held right."""
    result = import_bytes((RAW / raw).read_bytes(), raw)
    actual, want = load(result), hand_checked(raw)
    assert attribution_errors(actual, want) == []
    assert words_identical(actual, want) >= WORDS_IDENTICAL
    assert actual.date == want.date


@pytest.mark.parametrize("raw", sorted(SAMPLES))
def test_sample_matches_the_hand_checked_transcript(raw: str) -> None:
    ident, _ = SAMPLES[raw]
    result = run(raw)
    assert result.id == ident
    actual, want = load(result), expected(ident)
    assert_same_record(actual, want)
    assert {s.name for s in actual.speakers} == {s.name for s in want.speakers}
    for speaker in actual.speakers:
        hand_checked = want.speaker(speaker.name)
        assert hand_checked is not None
        assert set(speaker.aliases) == set(hand_checked.aliases), speaker.name
    assert actual.date == want.date
    assert actual.title == want.title
    # The bundled copy the reader opens on is the same transcript.
    assert_same_record(actual, expected(ident, ROOT / "transcripts"))


def test_split_embedded_reproduces_the_bundled_shanghai_transcript() -> None:
    result = run("shanghai-2017-10-11-belt-and-road.txt", split=True)
    bundled = expected("2017-10-11-shanghai-belt-and-road", ROOT / "transcripts")
    actual = load(result)
    assert_same_record(actual, bundled)
    assert (actual.date, actual.published) == (bundled.date, bundled.published)
    assert (actual.organizer, actual.fidelity) == (bundled.organizer, bundled.fidelity)


@pytest.mark.parametrize("raw", sorted(SAMPLES))
def test_no_word_is_lost(raw: str) -> None:
    result = run(raw)
    counts = result.accounting
    assert counts.body == counts.labels + counts.written
    briefing = load(result)
    texts = [e.text for e in briefing.elements()]
    written = [w for t in texts for w in words(t)]
    assert len(written) == counts.written
    # Nothing invented: every written word is in the raw file, as often as it is written.
    raw_words = collections.Counter(words((RAW / raw).read_text("utf-8").replace("\\", " ")))
    assert not collections.Counter(written) - raw_words
    # And the words left out are only those of the parts that are not what was said.
    assert sum(raw_words.values()) == counts.body + sum(counts.dropped.values())


def test_a_question_after_the_speakers_thanks_is_its_own_exchange_without_options() -> None:
    result = run("shanghai-2017-10-11-belt-and-road.txt", split=False)
    notes = [n for n in result.notes if "printed inside Li Jun's answer" in n.message]
    assert [n.line for n in notes] == [83]
    assert "split into its own exchange" in notes[0].message
    briefing = load(result)
    li_jun = [a for a in briefing.answers() if a.by == "Li Jun"]
    assert li_jun[0].text.endswith("Thank you for your question!")
    assert briefing.question_count == 4
    assert "# check: a question printed inside Li Jun's answer" in result.text


def _messages(raw: str) -> list[tuple[int | None, str]]:
    return [(n.line, n.message) for n in run(raw, split=False).notes]


def test_uncertain_spots_are_reported_where_the_hand_check_marks_them() -> None:
    psaki = _messages("whitehouse-2021-07-07-psaki-gaggle.txt")
    assert any(line == 99 and "no speaker label" in m for line, m in psaki)
    nato = _messages("whitehouse-2021-06-14-nato-background-call.txt")
    assert any(line == 15 and "generic label 'MODERATOR'" in m for line, m in nato)
    assert any(
        line == 21 and "generic label 'SENIOR ADMINISTRATION OFFICIAL'" in m for line, m in nato
    )
    assert any(line == 125 and "a second turn in a row" in m for line, m in nato)
    harris = _messages("whitehouse-2024-02-17-harris-zelenskyy-joint-presser.txt")
    assert any(line == 295 and "'PRESIDENT ZELENSKKY'" in m for line, m in harris)
    assert any(line == 237 and "generic label 'PARTICIPANT'" in m for line, m in harris)
    assert any(
        line == 327 and "name themselves in the question (Nina Kolomiiets, Inter channel)" in m
        for line, m in harris
    )
    unanswered = "this question gets no answer"
    assert [line for line, m in psaki if unanswered in m] == [347, 459, 461]
    defense = _messages("defense-2008-03-10-morrell-briefing-excerpt.txt")
    assert [line for line, m in defense if unanswered in m] == [17]


def test_generic_and_misspelt_labels_get_check_comments_in_the_yaml() -> None:
    text = run("whitehouse-2024-02-17-harris-zelenskyy-joint-presser.txt").text
    assert "  # check: label 'PRESIDENT ZELENSKKY' taken as Volodymyr Zelenskyy" in text
    assert "  # check: generic label 'PARTICIPANT'" in text
    nato = run("whitehouse-2021-06-14-nato-background-call.txt").text
    assert "  # check: generic label 'SENIOR ADMINISTRATION OFFICIAL'" in nato


def test_a_named_moderator_is_not_reported_as_generic() -> None:
    messages = _messages("whitehouse-2021-06-15-tai-press-call.txt")
    assert not any("generic" in m for _, m in messages)
    bare = import_bytes((RAW / "whitehouse-2021-06-15-tai-press-call.txt").read_bytes(), "tai.txt")
    assert any("generic label 'MODERATOR'" in n.message for n in bare.notes)


def test_without_hints_names_and_offices_come_from_the_title() -> None:
    raw = "whitehouse-2021-06-15-tai-press-call.txt"
    result = import_bytes((RAW / raw).read_bytes(), raw)
    tai = load(result).speaker("Ambassador Tai")
    assert tai is not None
    assert (tai.name, tai.role) == ("Katherine Tai", "United States Trade Representative")
    assert "# check: the full name is taken from the title or introduction" in result.text

"""A good transcript loads into the model exactly as the format describes it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml
from loader_samples import GOOD, good

from tui import yamlnodes
from tui.cli import bundled_transcripts
from tui.loader import iter_transcript_files, load_bytes, load_file, load_paths
from tui.model import Answer, Corpus, Exchange, Remark


def test_uses_libyaml_when_present() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert yamlnodes._LOADER is expected


def test_every_field_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2017-10-11-shanghai.yaml"
    path.write_text(GOOD, encoding="utf-8")
    briefing, problems = load_file(path)
    assert problems == []
    assert briefing is not None
    assert briefing.id == "2017-10-11-shanghai"  # default: the file name's stem
    assert briefing.path == path
    assert briefing.title == "Shanghai's role in the Belt and Road"
    assert briefing.date == dt.date(2017, 10, 11)
    assert briefing.published == dt.date(2017, 10, 31)
    assert briefing.organizer == "Shanghai Municipal Government Information Office"
    assert briefing.location == "Shanghai"
    assert briefing.language == "en"
    assert briefing.source == "https://example.org/briefings/2017-10-11"
    assert briefing.fidelity == "highlights"
    assert briefing.summary == "The office held a press conference on October 11."
    assert briefing.tags == ("belt-and-road", "trade")
    assert [s.name for s in briefing.speakers] == ["Tang Zhiping", "Wang Sizheng"]
    assert briefing.speakers[0].aliases == ("Secretary General Tang",)
    assert briefing.speakers[1].role == "inspector"


def test_structure_references_and_roles() -> None:
    briefing, problems = load_bytes(good("sh").encode(), "whatever.yaml")
    assert problems == []
    assert briefing is not None
    opening = briefing.remarks[0]
    # `by` written as an alias, in another case and spacing, reads as the canonical name
    assert opening == Remark(
        "sh#r1", 1, "Tang Zhiping", "Good morning.", "deputy secretary general"
    )
    first, between, second = briefing.items
    assert isinstance(first, Exchange) and isinstance(second, Exchange)
    assert first.question.ref == "sh#q1"
    assert first.question.by == "STV"
    assert first.answers == (
        Answer(
            "sh#q1.a1",
            1,
            "Tang Zhiping",
            "It's a good question.\n\n1. First.\n2. Second.",
            "deputy secretary general",
        ),
        Answer("sh#q1.a2", 2, "Wang Sizheng", "I would add one thing.", "inspector"),
    )
    assert between == Remark(
        "sh#r2", 2, "Tang Zhiping", "Next question, please.", "deputy secretary general"
    )
    assert second.question.ref == "sh#q2"
    assert second.question.by is None
    assert second.question.asker == "unnamed journalist"
    assert second.answers == ()


def test_references_resolve_both_ways(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(good("first"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(good("second"), encoding="utf-8")
    result = load_paths([tmp_path])
    assert result.problems == []
    elements = [(b, e) for b in result.corpus.briefings for e in b.elements()]
    assert len(elements) == 2 * 6  # r1, q1, q1.a1, q1.a2, r2, q2
    refs = [e.ref for _, e in elements]
    assert len(set(refs)) == len(refs)
    for briefing, element in elements:
        found = result.corpus.resolve(element.ref)
        assert found is not None
        assert found[0] is briefing
        assert found[1] is element
    assert result.corpus.resolve("first#q3") is None
    assert result.corpus.resolve("nobody#q1") is None


def test_bundled_references_resolve_both_ways() -> None:
    result = load_paths([bundled_transcripts()])
    assert result.problems == []
    assert result.briefings == result.files > 0
    for briefing in result.corpus.briefings:
        for element in briefing.elements():
            assert result.corpus.resolve(element.ref) == (briefing, element)


def test_speaker_index_merges_spellings_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(good("a"), encoding="utf-8")
    other = good("b").replace("name: Tang Zhiping", "name: tang   ZHIPING")
    other = other.replace("role: deputy secretary general", "role: director")
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    corpus: Corpus = load_paths([tmp_path]).corpus
    appearances = corpus.speakers["tang zhiping"]
    assert sorted((a.briefing_id, a.role, a.answers) for a in appearances) == [
        ("a", "deputy secretary general", 1),
        ("b", "director", 1),
    ]


def test_warning_only_file_still_loads() -> None:
    text = GOOD.replace("published: 2017-10-31", "published: 2017-10-01")
    briefing, problems = load_bytes(text.encode(), "early.yaml")
    assert briefing is not None
    assert [(p.code, p.severity, p.line, p.column) for p in problems] == [
        ("published-before-date", "warning", 4, 12)
    ]
    assert str(problems[0]).startswith("early.yaml:4:12: warning: published: 2017-10-01")


@pytest.mark.parametrize(
    ("old", "new", "code", "column", "words"),
    [
        (
            "format: briefing-transcript/1",
            "format: briefing-transcript/2",
            "bad-format",
            9,
            "'briefing-transcript/2' is not a format this version understands; "
            "expected briefing-transcript/1",
        ),
        ("language: en", "language: english!", "bad-language", 11, "a BCP 47 language tag"),
        (
            "source: https://example.org/briefings/2017-10-11",
            "source: ftp://x",
            "bad-source",
            9,
            "expected an http:// or https:// URL",
        ),
        (
            "fidelity: highlights",
            "fidelity: exact",
            "bad-fidelity",
            11,
            "expected 'verbatim' or 'edited' or 'highlights'",
        ),
        ("date: 2017-10-11", "date: 11/10/2017", "bad-date", 7, "expected YYYY-MM-DD"),
        ("date: 2017-10-11", "date: 2017-10-11 10:00:00", "bad-date", 7, "expected YYYY-MM-DD"),
        (
            "date: 2017-10-11",
            "date: [2017]",
            "wrong-type",
            7,
            "expected a date YYYY-MM-DD, found a list",
        ),
        (
            "title: Shanghai's role in the Belt and Road",
            "title: yes",
            "wrong-type",
            8,
            "expected text, found the boolean 'yes' (put it in quotes to make it text)",
        ),
        (
            "title: Shanghai's role in the Belt and Road",
            "title: 1984",
            "wrong-type",
            8,
            "found the number 1984",
        ),
        (
            "title: Shanghai's role in the Belt and Road",
            "title:",
            "wrong-type",
            7,
            "expected text, found nothing",
        ),
        (
            "tags: [belt-and-road, trade]",
            "tags: trade",
            "wrong-type",
            7,
            "expected a list of topics, found the text 'trade'",
        ),
        (
            "format: briefing-transcript/1",
            "Title: x",
            "unknown-key",
            1,
            "unknown key 'Title'; did you mean 'title'?",
        ),
        ("format: briefing-transcript/1", "1: x", "bad-key", 1, "expected a field name"),
    ],
)
def test_field_problems(old: str, new: str, code: str, column: int, words: str) -> None:
    text = GOOD.replace(old, new)
    line = text.splitlines().index(new) + 1
    briefing, problems = load_bytes(text.encode(), "f.yaml")
    assert briefing is None
    assert [(p.code, p.line, p.column) for p in problems] == [(code, line, column)]
    assert words in problems[0].message


def test_explicit_id_is_checked() -> None:
    _, problems = load_bytes(f"id: a b\n{GOOD}".encode(), "x.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("bad-id", 1, 5)]
    _, problems = load_bytes(GOOD.encode(), "my briefing.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("bad-id", 1, 1)]
    assert "expected an 'id:' field" in problems[0].message


def test_alias_clashing_with_another_speaker() -> None:
    text = GOOD.replace(
        "    role: inspector", "    role: inspector\n    aliases: [Secretary General Tang]"
    )
    _, problems = load_bytes(text.encode(), "clash.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("duplicate-speaker", 19, 15)]
    assert (
        "speakers[2].alias: 'Secretary General Tang' is already a name or alias of speaker "
        "'Tang Zhiping' (line 16)" in problems[0].message
    )


def test_duplicate_key_and_mixed_entry() -> None:
    text = GOOD.replace("location: Shanghai", "location: Shanghai\nlocation: Pudong").replace(
        "  - remark:\n", "  - answers: []\n    remark:\n"
    )
    _, problems = load_bytes(text.encode(), "x.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("duplicate-key", 7, 1),
        ("mixed-entry", 37, 5),
    ]
    assert "'location' appears twice (first at line 6, column 1)" in problems[0].message


def test_empty_speakers_and_entry_without_question() -> None:
    text = "title: t\ndate: 2017-10-11\nspeakers: []\nexchanges:\n  - answers: []\n"
    _, problems = load_bytes(text.encode(), "x.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("no-speakers", 3, 11),
        ("missing-key", 5, 5),
    ]
    assert "missing required field 'question' (or a 'remark')" in problems[1].message


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b/2.yaml", "a/z.yml", "a/y/1.yaml", "c.txt", ".git/x.yaml", "a.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")  # same file, read once
    files, problems = iter_transcript_files([tmp_path, tmp_path / "a.yaml"])
    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a/y/1.yaml",
        "a/z.yml",
        "a.yaml",
        "b/2.yaml",
    ]


def test_missing_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    files, problems = iter_transcript_files([tmp_path / "nope"])
    assert files == []
    assert [(p.code, p.line) for p in problems] == [("not-found", None)]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    briefing, problems = load_file(fifo)
    assert briefing is None
    assert [(p.code, p.line, p.column) for p in problems] == [("not-a-file", 1, 1)]


def test_utf8_byte_order_mark_is_accepted() -> None:
    briefing, problems = load_bytes(b"\xef\xbb\xbf" + GOOD.encode(), "bom.yaml")
    assert problems == []
    assert briefing is not None and briefing.title.startswith("Shanghai")

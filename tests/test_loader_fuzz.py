"""Property tests: no input makes the loader raise, and every valid transcript loads."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from loader_samples import GOOD

from tui.loader import load_bytes
from tui.model import Corpus, Exchange, Remark, normalise_name

_YAMLISH = st.sampled_from(
    [
        b"title: ",
        b"date: 2017-10-11\n",
        b"speakers:\n  - name: A\n",
        b"exchanges:\n",
        b"  - question: {text: q}\n    answers: []\n",
        b"- ",
        b"&a ",
        b"*a ",
        b"!!python/object:os.system ",
        b"!!binary ",
        b"[",
        b"]",
        b"{",
        b"}",
        b": ",
        b"\n",
        b"  ",
        b"'",
        b'"',
        b"|\n",
        b"---\n",
        b"\x00",
        b"\xff",
        b"\xe4\xb8\xad",
        b"\t",
        b"#",
        b"? ",
        b"%YAML 1.1\n",
        b"<<: ",
    ]
)
_ANY_BYTES = st.one_of(
    st.binary(max_size=400),
    st.lists(_YAMLISH, max_size=40).map(b"".join),
    st.lists(st.sampled_from(GOOD.encode().splitlines(keepends=True)), max_size=40).map(b"".join),
    st.tuples(st.integers(0, len(GOOD)), st.binary(max_size=8)).map(
        lambda cut: GOOD.encode()[: cut[0]] + cut[1] + GOOD.encode()[cut[0] :]
    ),
)


@settings(max_examples=400, deadline=None)
@given(_ANY_BYTES)
def test_any_bytes_give_a_briefing_or_problems(data: bytes) -> None:
    briefing, problems = load_bytes(data, "fuzz.yaml")
    errors = [p for p in problems if p.severity == "error"]
    assert (briefing is None) == bool(errors)
    for problem in problems:
        assert problem.path == "fuzz.yaml"
        assert problem.message
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1


_LETTERS = st.characters(
    min_codepoint=0x20,
    max_codepoint=0x9FFF,
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="\x85\ufeff",
)
_TEXT = st.text(_LETTERS, min_size=1, max_size=60).filter(lambda t: t.strip() != "")
_PARAGRAPHS = st.lists(_TEXT, min_size=1, max_size=3).map("\n\n".join)
_NAME = st.text(st.sampled_from("abcdefghij KLM中文"), min_size=1, max_size=12).filter(
    lambda n: n.strip() != ""
)


@st.composite
def transcripts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid transcript as a Python dict: distinct speakers, `by` always known."""
    names = draw(st.lists(_NAME, min_size=1, max_size=4, unique_by=normalise_name))
    speakers: list[dict[str, Any]] = []
    spellings: list[str] = []
    for name in names:
        speaker: dict[str, Any] = {"name": name}
        if draw(st.booleans()):
            speaker["role"] = draw(_TEXT)
        alias = f"Alias {name}"
        if draw(st.booleans()) and normalise_name(alias) not in map(normalise_name, names):
            speaker["aliases"] = [alias]
            spellings.append(alias)
        spellings.append(name)
        speakers.append(speaker)

    def statement() -> dict[str, str]:
        return {"by": draw(st.sampled_from(spellings)), "text": draw(_PARAGRAPHS)}

    exchanges: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.integers(0, 4)) == 0:
            exchanges.append({"remark": statement()})
            continue
        question: dict[str, str] = {"text": draw(_PARAGRAPHS)}
        if draw(st.booleans()):
            question["by"] = draw(_TEXT)
        answers = [statement() for _ in range(draw(st.integers(0, 3)))]
        exchanges.append({"question": question, "answers": answers})
    document: dict[str, Any] = {
        "format": "briefing-transcript/1",
        "id": draw(st.from_regex(r"[A-Za-z0-9._-]{1,20}", fullmatch=True)),
        "title": draw(_TEXT),
        "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))).isoformat(),
        "speakers": speakers,
        "exchanges": exchanges,
    }
    if draw(st.booleans()):
        document["remarks"] = [statement() for _ in range(draw(st.integers(1, 2)))]
    if draw(st.booleans()):
        document["tags"] = draw(st.lists(_TEXT, max_size=3))
    if draw(st.booleans()):
        document["fidelity"] = draw(st.sampled_from(["verbatim", "edited", "highlights"]))
    if draw(st.booleans()):
        document["language"] = draw(st.sampled_from(["en", "zh-Hans", "en-US", "yue-Hant-HK"]))
    if draw(st.booleans()):
        document["summary"] = draw(_PARAGRAPHS)
    return document


@settings(max_examples=150, deadline=None)
@given(transcripts(), st.booleans())
def test_valid_transcripts_load_and_round_trip(document: dict[str, Any], flow: bool) -> None:
    data = yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=70
    ).encode("utf-8")
    briefing, problems = load_bytes(data, "generated.yaml")
    assert problems == []
    assert briefing is not None
    assert briefing.id == document["id"]
    assert briefing.title == document["title"].strip()
    assert briefing.date.isoformat() == document["date"]
    assert [s.name for s in briefing.speakers] == [s["name"].strip() for s in document["speakers"]]
    assert briefing.tags == tuple(t.strip() for t in document.get("tags", []))
    assert briefing.fidelity == document.get("fidelity")

    def canonical(by: str) -> str:
        speaker = briefing.speaker(by)
        assert speaker is not None
        return speaker.name

    said = [(canonical(r["by"]), r["text"].strip()) for r in document.get("remarks", [])]
    assert [(r.by, r.text) for r in briefing.remarks] == said
    assert len(briefing.items) == len(document["exchanges"])
    for item, entry in zip(briefing.items, document["exchanges"], strict=True):
        if isinstance(item, Remark):
            assert (item.by, item.text) == (
                canonical(entry["remark"]["by"]),
                entry["remark"]["text"].strip(),
            )
            continue
        assert isinstance(item, Exchange)
        assert item.question.text == entry["question"]["text"].strip()
        asker = entry["question"].get("by")
        assert item.question.by == (asker.strip() if asker else None)
        assert [(a.by, a.text) for a in item.answers] == [
            (canonical(a["by"]), a["text"].strip()) for a in entry["answers"]
        ]
        for answer in item.answers:
            speaker = briefing.speaker(answer.by)
            assert speaker is not None and answer.role == speaker.role
    corpus = Corpus.build([briefing])
    for element in briefing.elements():
        assert corpus.resolve(element.ref) == (briefing, element)

"""The shipped JSON Schema and the loader agree: on every bundled transcript, and on
representative bad documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from loader_samples import GOOD

from tui.cli import bundled_transcripts, main
from tui.loader import load_bytes, load_file
from tui.schema import DRAFT, schema, schema_text


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML the way an editor's YAML 1.2 language server hands it to the schema:
    dates stay strings."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(text: str) -> list[str]:
    instance: Any = yaml.load(text, Loader=_EditorLoader)
    return [error.message for error in _validator().iter_errors(instance)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    document = schema()
    assert document["$schema"] == DRAFT
    Draft202012Validator.check_schema(document)
    assert json.loads(schema_text()) == document


def _bundled() -> list[Path]:
    folder = bundled_transcripts()
    return sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")])


def test_there_are_bundled_transcripts() -> None:
    assert _bundled(), f"no transcripts in {bundled_transcripts()}"


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: p.name)
def test_bundled_transcript_passes_schema_and_loader(path: Path) -> None:
    assert _errors(path.read_text(encoding="utf-8")) == []
    briefing, problems = load_file(path)
    assert [str(p) for p in problems] == []
    assert briefing is not None


def test_good_sample_passes_both() -> None:
    assert _errors(GOOD) == []
    assert load_bytes(GOOD.encode(), "good.yaml")[1] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: Shanghai's role in the Belt and Road\n", ""),
        ("date: 2017-10-11", "date: 2017-13-45"),
        ("date: 2017-10-11", "date: 11 October 2017"),
        ("    answers: []", "    answer: []"),
        ("    text: Good morning.", '    text: ""'),
        ("    text: Good morning.", "    text: '   '"),
        ("  - name: Wang Sizheng\n    role: inspector\n", "  - [Wang Sizheng]\n"),
        ("fidelity: highlights", "fidelity: exact"),
        ("format: briefing-transcript/1", "format: briefing-transcript/2"),
        ("language: en", "language: english!"),
        ("source: https://example.org/briefings/2017-10-11", "source: example.org"),
        ("tags: [belt-and-road, trade]", "tags: trade"),
        ("title: Shanghai's role in the Belt and Road", "title: 1984"),
        ("format: briefing-transcript/1", "id: a b"),
        ("  - remark:\n", "  - answers: []\n    remark:\n"),
        ("  - question:\n      by: STV\n", "  - question:\n      by: STV\n      when: now\n"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(old: str, new: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new)
    assert _errors(text), "the schema accepted it"
    briefing, problems = load_bytes(text.encode(), "bad.yaml")
    assert briefing is None
    assert problems


def test_empty_speakers_rejected_by_both() -> None:
    text = "title: t\ndate: 2017-10-11\nspeakers: []\nexchanges: []\n"
    assert _errors(text)
    assert load_bytes(text.encode(), "x.yaml")[0] is None


def test_briefing_schema_prints_the_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_briefing_schema_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "transcript.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert capsys.readouterr().out == ""


def test_briefing_schema_unwritable_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "-o", str(tmp_path / "missing" / "s.json")]) == 1
    assert "briefing schema: cannot write" in capsys.readouterr().err


def test_the_documented_example_passes_both() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text("utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example.startswith("# yaml-language-server: $schema=")
    assert _errors(example) == []
    briefing, problems = load_bytes(example.encode(), "2017-10-11-shanghai.yaml")
    assert problems == []
    assert briefing is not None
    assert briefing.find("2017-10-11-shanghai#q2.a1") is not None

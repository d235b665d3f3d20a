"""Adding an export format or a subcommand is one entry in one table.

A throwaway format registered here shows up in the export dialog, in ``briefing
export``'s ``--format`` choices and help, in the extension rule and in suggested file
names; a throwaway subcommand is parsed and run by ``briefing`` like the built-in ones.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, sample_briefing
from textual.widgets import Input, RadioButton, Static

from tui.cli import bundled_transcripts, main
from tui.export import FORMATS, Format, default_export_path, format_for_path, of_quote, register
from tui.screens.export import ExportScreen
from tui.subcommands import SUBCOMMANDS, Subcommand, UsageError
from tui.subcommands import register as register_subcommand

if TYPE_CHECKING:
    from conftest import ScreenAppFactory

SHANGHAI = bundled_transcripts() / "2017-10-11-shanghai-belt-and-road.yaml"
REFERENCE = "2017-10-11-shanghai-belt-and-road#q2.a1"


@pytest.fixture
def cite_format() -> Iterator[Format]:
    """A format one line long: ``cite <reference> by <speaker>``."""
    fmt = Format(
        "cite",
        "One-line citation",
        (".cite", ".citation"),
        of_quote(lambda quote: f"cite {quote.reference} by {quote.by}\n"),
    )
    register(fmt)
    yield fmt
    del FORMATS[fmt.key]


def test_a_registered_format_is_a_cli_choice_with_help(
    cite_format: Format, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "{md,txt,json,cite,akn}" in out  # answer formats, then whole-briefing ones
    assert "cite (One-line citation)" in out


def test_a_registered_format_renders_on_the_command_line(
    cite_format: Format, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", REFERENCE, str(SHANGHAI), "--format", "cite"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"cite {REFERENCE} by ") and printed.count("\n") == 1
    target = tmp_path / "quote.citation"  # the second extension chooses it too
    assert main(["export", REFERENCE, str(SHANGHAI), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == printed


def test_a_registered_format_names_files(cite_format: Format) -> None:
    assert format_for_path(Path("notes.CITE")) == "cite"
    assert format_for_path(Path("notes.cite.txt")) == "txt"
    assert default_export_path(sample_briefing(), A1, "cite").suffix == ".cite"


async def test_a_registered_format_is_offered_by_the_dialog(
    cite_format: Format, screen_app: ScreenAppFactory
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        buttons = app.dialog.query_one("#format").query(RadioButton)
        labels = [str(button.label) for button in buttons if button.display]
        assert labels == ["Markdown", "Plain text", "JSON", "One-line citation"]
        await pilot.click("#cite")
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input).value
        assert destination.endswith("-q1-a1-gao-feng.cite")
        preview = str(app.dialog.query_one("#preview", Static).content)
        assert preview == f"cite {A1.ref} by Gao Feng"


def test_an_unregistered_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", REFERENCE, str(SHANGHAI), "--format", "cite"])
    assert exited.value.code == 2
    assert "invalid choice: 'cite'" in capsys.readouterr().err


@pytest.fixture
def greet() -> Iterator[Subcommand]:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--name", required=True)

    def run(args: argparse.Namespace) -> int:
        if args.name == "nobody":
            raise UsageError("say who", "(a name, not nobody)")
        print(f"hello {args.name}")
        return 0

    command = Subcommand("greet", "Say hello to someone.", configure, run)
    register_subcommand(command)
    yield command
    del SUBCOMMANDS[command.name]


def test_a_registered_subcommand_is_parsed_and_run(
    greet: Subcommand, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["greet", "--name", "Ada Okoye"]) == 0
    assert capsys.readouterr().out == "hello Ada Okoye\n"
    assert main(["greet", "--name", "nobody"]) == 2
    assert capsys.readouterr().err == (
        "briefing greet: say who\nbriefing greet: (a name, not nobody)\n"
    )
    with pytest.raises(SystemExit):
        main(["greet", "--help"])
    assert "Say hello to someone." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "greet" in capsys.readouterr().out.split("Subcommands:")[1]


def test_a_missing_archive_is_a_usage_error_for_the_reader_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main([str(missing)]) == 2
    assert capsys.readouterr().err == f"briefing: {missing}: no such file or folder\n"


def test_subcommands_do_not_import_the_entry_module() -> None:
    modules = [f"tui.subcommands.{name}" for name in ("check", "export", "index", "schema")]
    modules.append("tui.subcommands.search")
    code = f"import sys; import {', '.join(modules)}; print('tui.cli' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_registered_citation_style_is_offered_everywhere(
    screen_app: ScreenAppFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.citation import STYLES, CitationStyle
    from tui.citation import register as register_style

    register_style(CitationStyle("initials", "Initials", lambda quote, _day: quote.by[:1]))
    try:
        assert main(["cite", REFERENCE, str(SHANGHAI), "--style", "initials"]) == 0
        assert capsys.readouterr().out == "W\n"  # Wang Sizheng answers q2
    finally:
        del STYLES["initials"]


def test_a_registered_hit_format_is_offered_by_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.hits_export import HIT_FORMATS, HitFormat
    from tui.hits_export import register as register_hits

    def refs(hits: object, _query: str, _terminal: bool) -> str:
        assert isinstance(hits, list)
        return "".join(f"{hit.ref}\n" for hit in hits)

    register_hits(HitFormat("refs", "References", ".refs", refs))
    try:
        db = tmp_path / "index.sqlite3"
        assert main(["search", "Belt", str(SHANGHAI), "--index", str(db), "-f", "refs"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines() and all("#" in line for line in out.splitlines())
    finally:
        del HIT_FORMATS["refs"]

"""Settings: config.toml read forgivingly, each mistake one line with the file's line.

Every bad case keeps the defaults for what is bad (and only that), and names the line the
mistake is on, counted here from the text the test wrote.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, Q2, sample_briefing
from reader_samples import DEFENSE, FINANCE

from tui import quote
from tui.cli import archives_to_open, bundled_transcripts, main
from tui.config import DEFAULT_EXPORT_FOLDER, config_path, default_keys, key_line, load_config
from tui.export import default_format
from tui.index import Index

if TYPE_CHECKING:
    from conftest import Archive

THEMES = {"textual-dark", "textual-light", "nord", "gruvbox"}


@pytest.fixture
def settings(user_dirs: tuple[Path, Path]) -> Iterator[Path]:
    """The settings file's path (not yet written); citation wording restored after."""
    old = quote.use_wording(quote.Wording())
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    yield path
    quote.use_wording(old)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of ``text`` containing ``needle``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_no_file_means_every_default_and_no_problem(settings: Path) -> None:
    config = load_config(themes=THEMES)
    assert config.problems == ()
    assert config.archives == ()
    assert config.theme is None
    assert config.export_folder == DEFAULT_EXPORT_FOLDER
    assert config.export_format == "md"
    assert config.export_format == default_format()  # the settings name the export's default
    assert config.keymap == {}
    assert config.wording == quote.Wording()
    assert config.source("theme") == "default"


def test_every_setting_is_read_and_marked_as_from_the_file(settings: Path) -> None:
    folder = settings.parent / "press"
    folder.mkdir()
    write(
        settings,
        f'archives = ["{folder}", "~"]\n'
        'theme = "nord"\n'
        "[export]\n"
        'folder = "quotes"\n'
        'format = "json"\n'
        "[keymap]\n"
        'export = "ctrl+e"\n'
        'quit = "q, ctrl+q"\n'
        "[citation]\n"
        'question_from = "Asked by"\n'
        'held = "Date"\n',
    )
    config = load_config(themes=THEMES)
    assert config.problems == ()
    assert config.archives == (folder, Path.home())
    assert config.theme == "nord"
    assert config.export_folder == settings.parent / "quotes"  # relative to the file
    assert config.export_format == "json"
    assert config.keymap == {"export": "ctrl+e", "quit": "q,ctrl+q"}
    assert config.wording.question_from == "Asked by"
    assert config.wording.held == "Date"
    assert config.wording.briefing == "Briefing"
    for key in ("archives", "theme", "export.folder", "keymap.export", "citation.held"):
        assert config.source(key) == "file", key
    assert config.source("citation.briefing") == "default"


def test_a_file_that_is_not_toml_names_its_line_and_column(settings: Path) -> None:
    text = 'theme = "nord"\n\n[export]\nformat = json\n'
    write(settings, text)
    config = load_config(themes=THEMES)
    assert config.theme is None  # nothing of a broken file is used
    (problem,) = config.problems
    assert problem.startswith(f"{settings}:4:")
    column = int(problem.split(":")[2])
    assert text.splitlines()[3][column - 1] == "j"
    assert "defaults are used" in problem


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ('theme = "nord"\n[export]\nfolder = 3\n', "folder = 3", "export.folder must be"),
        ("archives = 7\n", "archives = 7", "archives must be a list"),
        ('theme = "nord"\nkeymap = 3\n', "keymap = 3", "keymap must be a table"),
        ('[citation]\nheld = ""\n', "held", "citation.held must be a one-line text"),
        ('theme = "nord"\ncolour = "red"\n', "colour", "unknown setting 'colour'"),
        ('[export]\nfromat = "md"\n', "fromat", "(did you mean 'format'?)"),
        ('[keymap]\n\nexpot = "x"\n', "expot", "unknown action 'expot'"),
        ('[keymap]\n\nexport = ["e"]\n', "export", "keymap.export must be key names"),
        ('[keymap]\nexport = "ctrl e"\n', "export", "keymap.export must be key names"),
        ('[keymap]\nexport = "ctlr+e"\n', "export", "keymap.export must be key names"),
        ('\n\ntheme = "solarised-pink"\n', "theme", "unknown theme 'solarised-pink'"),
        ('[export]\n\nformat = "docx"\n', "format", "unknown export format 'docx'"),
        ('export.format = "docx"\n', "export.format", "unknown export format 'docx'"),
        ('[keymap]\n\nexport = "q"\n', "export", "key 'q' of 'export' is already 'quit''s"),
    ],
)
def test_each_bad_setting_names_its_line_and_keeps_the_default(
    settings: Path, text: str, needle: str, words: str
) -> None:
    write(settings, text)
    config = load_config(themes=THEMES)
    (problem,) = config.problems
    assert problem.startswith(f"{settings}:{line_of(text, needle)}:1: "), problem
    assert words in problem
    assert config.export_format == "md"
    assert config.keymap == {}
    assert config.wording == quote.Wording()
    assert config.archives == ()


def test_a_bad_setting_costs_only_itself(settings: Path) -> None:
    write(settings, 'theme = "nord"\n[keymap]\nexport = "q"\ncopy = "ctrl+y"\n')
    config = load_config(themes=THEMES)
    assert len(config.problems) == 1
    assert config.theme == "nord"
    assert config.keymap == {"copy": "ctrl+y"}


def test_keys_may_be_swapped_between_two_actions(settings: Path) -> None:
    write(settings, '[keymap]\nexport = "y"\ncopy = "e"\n')
    config = load_config()
    assert config.problems == ()
    assert config.keymap == {"export": "y", "copy": "e"}


def test_a_missing_archive_is_skipped_with_its_line(settings: Path) -> None:
    kept = settings.parent / "kept"
    kept.mkdir()
    text = f'theme = "nord"\narchives = ["{kept}", "nowhere"]\n'
    write(settings, text)
    config = load_config()
    assert config.archives == (kept,)
    (problem,) = config.problems
    assert problem.startswith(f"{settings}:2:1: archive 'nowhere': no such file or folder")


def test_themes_are_not_checked_without_a_list(settings: Path) -> None:
    write(settings, 'theme = "from-a-plugin"\n')
    assert load_config().theme == "from-a-plugin"


def test_a_file_that_is_not_utf8_is_one_problem(settings: Path) -> None:
    settings.write_bytes(b'theme = "\xff"\n')
    (problem,) = load_config().problems
    assert problem.startswith(f"{settings}:1:1: cannot be read")


def test_an_indented_key_is_located_by_its_column(settings: Path) -> None:
    write(settings, '[keymap]\n    expot = "x"\n')
    (problem,) = load_config().problems
    assert problem.startswith(f"{settings}:2:5: unknown action 'expot'")


def test_key_line_follows_tables_and_dotted_keys() -> None:
    text = 'a = 1\n[export]\n# folder = "x"\nfolder = "y"\n[keymap]\n"quit" = "q"\n'
    assert key_line(text, "export", "folder") == 4
    assert key_line(text, "keymap", "quit") == 6
    assert key_line(text, "", "a") == 1
    assert key_line("x = 1\nexport.format = 2\n", "export", "format") == 2


def test_citation_wording_changes_markdown_and_text_but_not_json(settings: Path) -> None:
    write(
        settings,
        '[citation]\nquestion_from = "Asked by"\nin_answer_to = "Replying to"\n'
        'reference = "Ref."\nsource = "Link"\n',
    )
    quote.use_wording(load_config().wording)
    answer = quote.quote_of(sample_briefing(), A1)
    markdown = quote.render_markdown(answer)
    assert "\nReplying to Howard Schneider, Reuters" in markdown
    assert f"- Ref.: {A1.ref}" in markdown
    assert "- Link: <https://example.org/" in markdown  # still a link
    assert "Reference:" not in markdown
    text = quote.render_text(quote.quote_of(sample_briefing(), Q2))
    assert "\n— Asked by " in text
    assert "Question from" not in text
    data = json.loads(quote.render_json(answer))
    assert data["reference"] == A1.ref


def test_config_path_prints_where_the_file_is(
    settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{settings}\n"


def test_config_show_prints_toml_with_each_value_s_origin(
    settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(settings, '[export]\nformat = "txt"\n[keymap]\nexport = "ctrl+e"\n')
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    shown = tomllib.loads(out)
    assert shown["export"]["format"] == "txt"
    assert shown["keymap"]["export"] == "ctrl+e"
    assert shown["keymap"]["quit"] == "q"
    assert set(shown["keymap"]) == set(default_keys())
    assert shown["citation"]["question_from"] == "Question from"
    assert 'format = "txt"  # file' in out
    assert 'folder = "exports"  # default' in out
    assert 'export = "ctrl+e"  # file' in out


def test_config_show_warns_on_stderr_with_the_line(
    settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(settings, '[export]\nformat = "txt"\n\n[keymap]\nnope = "z"\n')
    assert main(["config", "show"]) == 1
    captured = capsys.readouterr()
    assert f"briefing config: warning: {settings}:5:1: unknown action 'nope'" in captured.err
    assert 'format = "txt"  # file' in captured.out


def test_export_on_the_command_line_takes_the_default_format_from_the_file(
    settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(settings, '[export]\nformat = "json"\n')
    assert main(["export", "2017-10-11-shanghai-belt-and-road#q2.a1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference"] == "2017-10-11-shanghai-belt-and-road#q2.a1"


def test_briefing_without_a_path_opens_the_settings_archives(
    settings: Path, archive: Archive
) -> None:
    first = archive.corpus({"2018-01-05-finance": FINANCE})
    second = archive.tmp_path / "more"
    archive.write(second, "2008-03-10-defense.yaml", DEFENSE)
    assert archives_to_open(None) == [bundled_transcripts()]
    write(settings, f'archives = ["{first}", "{second}"]\n')
    assert archives_to_open(None) == [first, second]
    assert archives_to_open(second) == [second]  # a path given wins


def test_one_index_reads_every_archive_folder(archive: Archive) -> None:
    first = archive.corpus({"2018-01-05-finance": FINANCE})
    second = archive.tmp_path / "more"
    archive.write(second, "2008-03-10-defense.yaml", DEFENSE)
    index = Index(first, memory=True, more_roots=[second])
    try:
        index.refresh()
        assert [s.id for s in index.summaries()] == ["2018-01-05-finance", "2008-03-10-defense"]
    finally:
        index.close()

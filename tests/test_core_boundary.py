"""The core never imports Textual, so the command-line tools start fast and the core can
be used (and tested) without the UI.

Modules are discovered by walking the package on disk, so a core module added later is
covered without touching this test. The UI layer is excluded by name: ``tui.app``,
``tui.timer_guard`` (a fix to Textual itself), ``tui.typeahead`` (the App's key queue),
``tui.commands``, ``tui.screens.*`` and ``tui.widgets.*`` (and ``tui.__main__``, which
runs the command line when imported).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import tui

UI_MODULES = {"tui.app", "tui.commands", "tui.timer_guard", "tui.typeahead", "tui.__main__"}
UI_PACKAGES = ("tui.screens", "tui.widgets")


def core_modules() -> list[str]:
    root = Path(tui.__file__).resolve().parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name in UI_MODULES or any(
            name == package or name.startswith(package + ".") for package in UI_PACKAGES
        ):
            continue
        names.append(name)
    return names


PROBE = """
import importlib, json, sys
pulled = {}
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    if "textual" in sys.modules and not pulled:
        pulled = {"first": name}
print(json.dumps({"pulled": pulled, "textual": "textual" in sys.modules}))
"""


def test_discovery_finds_the_core_and_skips_the_ui() -> None:
    names = core_modules()
    for expected in ("tui", "tui.model", "tui.loader", "tui.cli", "tui.subcommands.check"):
        assert expected in names
    assert not [n for n in names if n in UI_MODULES or n.startswith(UI_PACKAGES)]


def test_core_modules_do_not_import_textual() -> None:
    names = core_modules()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(names)],
        capture_output=True,
        text=True,
        cwd=Path(tui.__file__).resolve().parent.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {"pulled": {}, "textual": False}, (
        f"{result['pulled'].get('first')} imports textual (directly or indirectly)"
    )


def test_the_reader_reaches_its_first_frame_without_pyyaml_exports_or_the_query_language() -> None:
    """What the first frame needs is imported before it; the loader (PyYAML) and the
    export formats (citation styles, XML) come later, from the workers and the keys that
    use them (docs/benchmarks.md has what each cost at start)."""
    probe = (
        "import json, sys, tui.app; "
        "print(json.dumps(sorted(m for m in ('yaml', 'tui.loader', 'tui.export', 'tui.query') "
        "if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=Path(tui.__file__).resolve().parent.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_search_on_an_unchanged_archive_reads_no_transcript_code(tmp_path: Path) -> None:
    """``briefing search`` is called by scripts and editors as a process: on an archive
    whose index is current it needs neither the loader nor PyYAML nor Textual."""
    archive = Path(tui.__file__).resolve().parent.parent / "transcripts"
    index = tmp_path / "index.sqlite3"
    probe = (
        "import json, sys\n"
        "from tui.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = ('yaml', 'tui.loader', 'tui.transcript', 'textual')\n"
        "print(json.dumps([code, sorted(m for m in heavy if m in sys.modules)]))\n"
    )
    argv = [sys.executable, "-c", probe, "search", "tariffs", str(archive), "--index", str(index)]
    first = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert json.loads(first.stdout.splitlines()[-1])[0] == 0, first.stderr  # builds the index
    again = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert json.loads(again.stdout.splitlines()[-1]) == [0, []], again.stderr

"""``briefing import`` on many inputs: folders searched, every input imported alone (in a
process pool or in this process, with the same result), written whole or not at all,
the same id never written twice, and a summary as a table or JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pdf_writer import pdf

from tui.cli import main
from tui.subcommands import import_batch
from tui.subcommands.import_batch import Progress, expand


def transcript(day: int, speaker: str = "MR. LINDGREN-OSEI") -> str:
    return (
        f"Harbour Briefing\nMay {day}, 2023\n\n{speaker}: Good morning.\n\n"
        f"Q: What about berth {day}?\n\n{speaker}: It opens soon.\n"
    )


def page(day: int) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav><main>"
        f"<h1>Harbour Briefing</h1><p>May {day}, 2023</p><p>MS. ACHTERBERG: Welcome.</p>"
        f"<p>Q: And the dredging?</p><p>MS. ACHTERBERG: Next week.</p></main></body></html>"
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    (root / "2023" / "may").mkdir(parents=True)
    (root / ".drafts").mkdir()
    (root / "harbour-2023-05-01.txt").write_text(transcript(1))
    (root / "2023" / "harbour-2023-05-02.html").write_text(page(2))
    (root / "2023" / "may" / "harbour-2023-05-03.md").write_text(transcript(3))
    (root / "2023" / "may" / "harbour-2023-05-04.pdf").write_bytes(
        pdf([transcript(4).splitlines()])
    )
    (root / "2023" / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    (root / ".drafts" / "harbour-2023-05-09.txt").write_text(transcript(9))
    (root / ".hidden.txt").write_text(transcript(8))
    return root


def test_folders_are_searched_for_the_files_the_importer_reads(folder: Path) -> None:
    inputs, problems = expand([str(folder), str(folder / "harbour-2023-05-01.txt"), "-"])
    assert [Path(p).relative_to(folder).as_posix() if p != "-" else p for p in inputs] == [
        "harbour-2023-05-01.txt",
        "2023/harbour-2023-05-02.html",
        "2023/may/harbour-2023-05-03.md",
        "2023/may/harbour-2023-05-04.pdf",
        "-",
    ]
    assert problems == []
    empty = folder / "2023" / "empty"
    empty.mkdir()
    assert expand([str(empty)]) == (
        [],
        [(str(empty), "no .txt, .md, .html, .htm, .pdf files in this folder")],
    )


def test_a_folder_is_imported_with_a_summary_table(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        f"2023-05-0{day}-harbour.yaml" for day in (1, 2, 3, 4)
    ]
    lines = stdout.splitlines()
    assert lines[0].split() == ["file", "date", "exchanges", "speakers", "warnings", "status"]
    first = lines[1].split()
    assert first[:5] == [str(folder / "harbour-2023-05-01.txt"), "2023-05-01", "1", "1", "0"]
    assert first[5:] == ["written", "2023-05-01-harbour.yaml"]
    assert lines[-1] == "4 inputs: 4 written"
    assert "\r" not in err  # no progress line when standard error is not a terminal


def test_pool_and_single_process_write_the_same_files(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, str(folder), "-o", str(tmp_path / "one"), "-j", "1")[0] == 0
    assert run(capsys, str(folder), "-o", str(tmp_path / "two"), "-j", "2")[0] == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert len(one) == 4 and one == two


def test_json_summary_for_scripts(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = folder / "2023" / "empty.txt"
    bad.write_text("\n")
    code, stdout, err = run(capsys, str(folder), "-o", str(tmp_path / "out"), "--json")
    assert code == 1
    document = json.loads(stdout)
    assert document["written"] == 4 and document["failed"] == 1 and document["dry_run"] is False
    by_name = {Path(e["input"]).name: e for e in document["inputs"]}
    html = by_name["harbour-2023-05-02.html"]
    assert html["kind"] == "html" and html["status"] == "written"
    assert html["date"] == "2023-05-02" and html["exchanges"] == 1 and html["speakers"] == 1
    assert html["output"] == str(tmp_path / "out" / "2023-05-02-harbour.yaml")
    assert html["words"]["left_out"]["page navigation"] == 1
    failed = by_name["empty.txt"]
    assert failed["status"] == "failed" and failed["output"] is None
    assert failed["error"] == f"{bad}: the file is empty: there is no transcript to import"
    assert f"{bad}: error: the file is empty" in err


def test_two_inputs_with_one_id_the_second_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "harbour-2023-05-01.txt"
    second = tmp_path / "b" / "harbour-2023-05-01.txt"
    first.write_text(transcript(1, "MR. FIRST"))
    second.write_text(transcript(1, "MS. SECOND"))
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(first), str(second), "-o", str(out), "-j", "2")
    assert code == 1
    assert f"{second}: error: imports to 2023-05-01-harbour.yaml, as {first} does" in err
    assert "First" in (out / "2023-05-01-harbour.yaml").read_text()
    assert "1 written, 1 refused" in stdout
    dry = tmp_path / "dry"
    code, stdout, err = run(capsys, str(first), str(second), "-o", str(dry), "--dry-run")
    assert code == 1  # a dry run refuses the same input
    assert f"{second}: error: imports to 2023-05-01-harbour.yaml, as {first} does" in err
    assert "1 checked, 1 refused" in stdout and not dry.exists()
    code, _, err = run(capsys, str(first), str(second), "-o", str(out), "--force")
    assert code == 0
    assert f"{second}: warning: replaced 2023-05-01-harbour.yaml, written from {first}" in err
    assert "Second" in (out / "2023-05-01-harbour.yaml").read_text()
    assert [p.name for p in out.iterdir()] == ["2023-05-01-harbour.yaml"]


def test_dry_run_of_a_batch_writes_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(capsys, str(folder), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0
    assert stdout.count("none lost") == 4
    assert stdout.splitlines()[-1] == "4 inputs: 4 checked"
    assert not (tmp_path / "out").exists()


def test_an_importer_bug_is_one_line_and_the_batch_goes_on(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = import_batch.import_raw

    def flaky(raw: import_batch.Raw, options: import_batch.Options) -> import_batch.Imported:
        if raw.name.endswith(".md"):
            raise RuntimeError("unexpected state")
        return real(raw, options)

    monkeypatch.setattr(import_batch, "import_raw", flaky)
    code, _, err = run(capsys, str(folder), "-o", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    md = folder / "2023" / "may" / "harbour-2023-05-03.md"
    assert (
        f"{md}: error: the importer failed on it (RuntimeError: unexpected state); "
        "please report it" in err
    )
    assert "Traceback" not in err
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_show_text_prints_what_the_line_numbers_count(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(capsys, str(folder / "2023" / "harbour-2023-05-02.html"), "--show-text")
    assert code == 0
    assert stdout.splitlines()[:3] == ["Harbour Briefing", "", "May 2, 2023"]


def test_progress_line_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream, enabled=True)
    progress.update(1, 0, "a.html")
    progress.update(3, 1, "c.pdf")
    progress.clear()
    assert stream.getvalue() == (
        "\r\x1b[K[1/3] 1 imported, 0 failed  a.html"
        "\r\x1b[K[3/3] 2 imported, 1 failed  c.pdf\r\x1b[K"
    )


def test_standard_input_among_files_in_the_pool(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(transcript(7).encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)
    text = folder / "harbour-2023-05-01.txt"
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, str(text), "-", "-o", str(out), "-j", "2", "--json")
    assert code == 0
    entries = json.loads(stdout)["inputs"]
    assert [(e["input"], e["date"]) for e in entries] == [
        (str(text), "2023-05-01"),
        ("<stdin>", "2023-05-07"),
    ]
    assert "from standard input." in (out / f"{entries[1]['id']}.yaml").read_text()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_batch_on_a_terminal_shows_progress_and_clears_it(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["import", str(folder), "-o", str(tmp_path / "out"), "-j", "1"]) == 0
    shown = terminal.getvalue()
    assert "\r\x1b[K[1/4] 1 imported, 0 failed  " in shown
    assert shown.endswith("\r\x1b[K")  # the summary is not printed over a progress line


def test_an_input_that_never_finishes_is_stopped_and_the_batch_goes_on(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = import_batch.import_raw

    def stuck(raw: import_batch.Raw, options: import_batch.Options) -> import_batch.Imported:
        if raw.name.endswith(".md"):
            while True:  # a parser looping on a damaged file, in pure Python
                pass
        return real(raw, options)

    monkeypatch.setattr(import_batch, "import_raw", stuck)
    monkeypatch.setattr(import_batch, "INPUT_LIMIT", 0.3)
    out = tmp_path / "out"
    code, _, err = run(capsys, str(folder), "-o", str(out), "-j", "1", "--timeout", "0.2")
    assert code == 1
    md = folder / "2023" / "may" / "harbour-2023-05-03.md"
    assert f"{md}: error: stopped after 0.5 s: reading it takes too long" in err
    assert len(list(out.iterdir())) == 3

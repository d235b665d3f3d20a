"""The corpus and scratch folders one benchmark run works in.

Generating 10,000 briefings takes a minute or two, so a corpus is generated once and
reused: its folder name carries N, the seed and a hash of the generator's source, so a
changed generator can never be measured against a stale corpus. A ``manifest.txt``
written last (one relative path per line, in generation order) marks the corpus complete
and lets "the first 1,000 briefings" be the same files in every run.

The reader's index cache is pointed (``XDG_CACHE_HOME``) at a folder of the workspace, so
a run never touches the user's own cache and a "cold" build really starts from nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import generate

LONG_EXCHANGES = 300


def generator_digest() -> str:
    here = Path(__file__).resolve().parent
    sources = ("generate.py", "corpus_data.py", "vocabulary.py")
    digest = hashlib.sha256()
    for name in sources:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:10]


@dataclass(frozen=True)
class Workspace:
    root: Path
    corpus: Path
    files: tuple[Path, ...]
    long_dir: Path
    long_file: Path
    n: int
    seed: int
    source: Path | None = None  # an exported commit to measure instead of the working tree

    def command(self) -> list[str]:
        """How to run ``briefing``: the installed script, or the exported commit."""
        if self.source is not None:
            runner = Path(__file__).resolve().parent / "source_cli.py"
            return [sys.executable, str(runner), str(self.source)]
        script = Path(sys.executable).with_name("briefing")
        return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]

    @property
    def cache_home(self) -> Path:
        """``XDG_CACHE_HOME`` for every process the benchmark starts."""
        return self.root / f"cache-n{self.n}-s{self.seed}"

    def env(self) -> dict[str, str]:
        return {"XDG_CACHE_HOME": str(self.cache_home)}

    def index_path(self, name: str) -> Path:
        return self.cache_home / f"{name}.sqlite3"

    def reset_cache(self) -> None:
        shutil.rmtree(self.cache_home, ignore_errors=True)
        self.cache_home.mkdir(parents=True)


def default_root() -> Path:
    return Path(tempfile.gettempdir()) / "briefing-bench"


def _ensure(folder: Path, n: int, seed: int, exchanges: int | None) -> tuple[Path, ...]:
    manifest = folder / "manifest.txt"
    if manifest.exists():
        return tuple(folder / line for line in manifest.read_text().splitlines() if line)
    shutil.rmtree(folder, ignore_errors=True)
    # The corpus proper lives one level down, so the manifest is not inside it.
    paths = generate.generate(folder / "briefings", n, seed, exchanges)
    manifest.write_text("".join(f"{p.relative_to(folder)}\n" for p in paths))
    return tuple(paths)


def prepare(n: int, seed: int, root: Path | None = None, corpus: Path | None = None) -> Workspace:
    """Generate (or reuse) the corpus of ``n`` briefings and the 300-exchange briefing."""
    root = root or default_root()
    root.mkdir(parents=True, exist_ok=True)
    digest = generator_digest()
    if corpus is not None:
        files = tuple(sorted(corpus.rglob("*.yaml")))
        corpus_dir = corpus
    else:
        folder = root / f"corpus-n{n}-s{seed}-{digest}"
        files = _ensure(folder, n, seed, None)
        corpus_dir = folder / "briefings"
    long_folder = root / f"long-s{seed}-{digest}"
    long_files = _ensure(long_folder, 1, seed, LONG_EXCHANGES)
    return Workspace(
        root=root,
        corpus=corpus_dir,
        files=files,
        long_dir=long_folder / "briefings",
        long_file=long_files[0],
        n=len(files),
        seed=seed,
    )


def export_commit(revision: str, root: Path) -> tuple[Path, str]:
    """``git archive`` a commit of this repository into ``root``; return (folder, label)."""
    repo = Path(__file__).resolve().parent.parent
    sha, subject = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%H%n%s", revision],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[:2]
    folder = root / f"src-{sha[:12]}"
    if not (folder / "tui").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", sha], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder, f"commit {sha[:12]} ({subject})"


def working_tree_label() -> str:
    repo = Path(__file__).resolve().parent.parent
    git = ["git", "-C", str(repo)]
    sha = subprocess.run([*git, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "tui"], capture_output=True, text=True)
    state = " with uncommitted changes under tui/" if dirty.stdout.strip() else ""
    return f"working tree at {sha.stdout.strip() or 'unknown'}{state}"


def byte_compile(ws: Workspace) -> None:
    """Write the bytecode cache of the code under test before anything is timed.

    A real install has it (pip compiles what it installs; an editable install writes it
    on its first run), but a machine that sets ``PYTHONDONTWRITEBYTECODE`` never writes
    it, and every start there compiled the reader's modules again: ~30 ms of the warm
    start that no user pays. Textual, in site-packages, is compiled already.
    """
    import compileall

    import tui

    package = ws.source / "tui" if ws.source is not None else Path(tui.__file__).parent
    compileall.compile_dir(str(package), quiet=1)

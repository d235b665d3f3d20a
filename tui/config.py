"""The user's settings: ``config.toml`` in :func:`tui.userdirs.config_dir`.

The file is written by hand, so it is read forgivingly: every setting has a default, and
a mistake (a file that is not TOML, a value of the wrong type, an unknown key, an action
or theme that does not exist, two actions given one key) costs only the setting it is in.
Each mistake is one line, ``file:line:col: what is wrong``, that the reader shows as a
notice and the command line prints as a warning; nothing here raises. TOML parse errors
carry their own line and column; for a value of the wrong type the line is found by
looking for the key in the text (:mod:`tomllib` keeps no positions).

:class:`Config` also records where each value came from (``"default"`` or ``"file"``),
for ``briefing config show``. Theme names are checked by the reader (they belong to
Textual, which this module does not import); the command line passes ``themes=None``.

The theme the user picks in the command palette is a remembered choice
(:mod:`tui.remembered`), not a setting: a ``theme`` in the file wins at start, the
remembered choice applies when the file names none.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from tui.keymap import KEYS
from tui.quote import Wording
from tui.userdirs import config_dir

FILE_NAME = "config.toml"
DEFAULT_EXPORT_FOLDER = Path("exports")
_MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
_KEY_NAME = re.compile(rf"^(?:(?:{'|'.join(_MODIFIERS)})\+)*(?:[A-Za-z0-9_]+|[^\s,+])$")


def config_path() -> Path:
    """Where the user's settings are read from."""
    return config_dir() / FILE_NAME


DEFAULT_EXPORT_FORMAT = "md"
"""The first of :data:`tui.export.FORMATS`, written out: the settings are read before the
reader's first frame, and importing the export formats (citation styles, Akoma Ntoso's
XML) for this one name cost about 17 ms there. A test checks the two agree."""


def _export_formats() -> list[str]:
    """The keys ``export.format`` may name (imported only when the file sets it)."""
    from tui.export import FORMATS

    return list(FORMATS)


@dataclass(frozen=True, slots=True)
class Config:
    """The effective settings; ``sources`` maps each dotted key to "default" or "file"."""

    archives: tuple[Path, ...] = ()
    theme: str | None = None
    export_folder: Path = DEFAULT_EXPORT_FOLDER
    export_format: str = DEFAULT_EXPORT_FORMAT
    keymap: Mapping[str, str] = field(default_factory=dict)  # action id -> keys, as set
    wording: Wording = field(default_factory=Wording)
    sources: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")


def default_keys() -> dict[str, str]:
    """Every binding id with its default keys, from :data:`tui.keymap.KEYS`."""
    return {key.id: key.keys for key in KEYS}


def key_line(text: str, table: str, key: str) -> int:
    """The 1-based line where ``key`` of ``[table]`` (``""``: top level) is set, else 1."""
    current = ""
    header = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
    for number, line in enumerate(text.splitlines(), start=1):
        found = header.match(line)
        if found:
            current = found.group(1).replace('"', "").replace(" ", "")
            continue
        name = re.match(r'^\s*("?)([^"=\s]+)\1\s*=', line)
        if name is None:
            continue
        dotted = name.group(2)
        if (current == table and dotted == key) or (
            current == "" and table and dotted == f"{table}.{key}"
        ):
            return number
    return 1


class _Reader:
    """Collects values and problems while one file is read."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[str] = []
        self.sources: dict[str, str] = {}

    def problem(self, table: str, key: str, message: str) -> None:
        line = key_line(self.text, table, key) if key else 1
        lines = self.text.splitlines()
        source = lines[line - 1] if line <= len(lines) else ""
        column = len(source) - len(source.lstrip()) + 1  # where the key starts
        self.problems.append(f"{self.path}:{line}:{column}: {message}")

    def string(self, data: Mapping[str, object], table: str, key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        name = f"{table}.{key}" if table else key
        if not isinstance(value, str) or not value.strip() or "\n" in value:
            self.problem(table, key, f"{name} must be a one-line text; the default is used")
            return None
        self.sources[name] = "file"
        return value

    def unknown(self, data: Mapping[str, object], table: str, known: Collection[str]) -> None:
        for key in data:
            if key not in known:
                name = f"{table}.{key}" if table else key
                hint = _did_you_mean(key, known)
                self.problem(table, key, f"unknown setting {name!r}{hint}; it is ignored")


def _did_you_mean(word: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _toml_error(path: Path, error: tomllib.TOMLDecodeError) -> str:
    """``file:line:col: message`` from tomllib's "message (at line L, column C)"."""
    text = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", text)
    if found:
        return f"{path}:{found[1]}:{found[2]}: {text[: found.start()]}; the defaults are used"
    return f"{path}:1:1: {text}; the defaults are used"


TOP_LEVEL = ("archives", "theme", "export", "keymap", "citation")


def load_config(path: Path | None = None, *, themes: Collection[str] | None = None) -> Config:
    """The settings in ``path`` (default :func:`config_path`); a missing file is no problem."""
    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems=(f"{path}:1:1: cannot be read ({error}); the defaults are used",))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(problems=(_toml_error(path, error),))
    return parse(data, path, text, themes=themes)


def parse(
    data: Mapping[str, object], path: Path, text: str, *, themes: Collection[str] | None = None
) -> Config:
    """The settings of parsed TOML ``data`` (``text`` locates problems)."""
    reader = _Reader(path, text)
    reader.unknown(data, "", TOP_LEVEL)
    archives = _archives(reader, data, path.parent)
    theme = reader.string(data, "", "theme")
    if theme is not None and themes is not None and theme not in themes:
        reader.sources.pop("theme")
        hint = _did_you_mean(theme, themes)
        reader.problem("", "theme", f"unknown theme {theme!r}{hint}; the default is used")
        theme = None
    export = _table(reader, data, "export")
    reader.unknown(export, "export", ("folder", "format"))
    folder = reader.string(export, "export", "folder")
    fmt = reader.string(export, "export", "format")
    if fmt is not None and fmt not in _export_formats():
        reader.sources.pop("export.format")
        keys = ", ".join(_export_formats())
        reader.problem("export", "format", f"unknown export format {fmt!r} (one of {keys})")
        fmt = None
    keymap = _keymap(reader, _table(reader, data, "keymap"))
    return Config(
        archives=archives,
        theme=theme,
        export_folder=_folder(folder, path.parent) if folder else DEFAULT_EXPORT_FOLDER,
        export_format=fmt or DEFAULT_EXPORT_FORMAT,
        keymap=keymap,
        wording=_wording(reader, _table(reader, data, "citation")),
        sources=reader.sources,
        problems=tuple(reader.problems),
    )


def _folder(value: str, base: Path) -> Path:
    """``~`` expanded; a relative folder is taken from the config file's folder."""
    folder = Path(value).expanduser()
    return folder if folder.is_absolute() else base / folder


def _table(reader: _Reader, data: Mapping[str, object], name: str) -> Mapping[str, object]:
    value = data.get(name, {})
    if isinstance(value, dict):
        return value
    reader.problem("", name, f"{name} must be a table ([{name}]); the defaults are used")
    return {}


def _archives(reader: _Reader, data: Mapping[str, object], base: Path) -> tuple[Path, ...]:
    value = data.get("archives")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        reader.problem("", "archives", "archives must be a list of folders; none is used")
        return ()
    kept: list[Path] = []
    for item in value:
        folder = _folder(item, base)
        if folder.exists():
            kept.append(folder)
        else:
            reader.problem("", "archives", f"archive {item!r}: no such file or folder; skipped")
    if kept:
        reader.sources["archives"] = "file"
    return tuple(kept)


def _keymap(reader: _Reader, table: Mapping[str, object]) -> dict[str, str]:
    """The overrides that can be applied: known actions, key names, no key taken twice."""
    defaults = default_keys()
    chosen: dict[str, str] = {}
    for action, keys in table.items():
        if action not in defaults:
            hint = _did_you_mean(action, defaults)
            reader.problem("keymap", action, f"unknown action {action!r}{hint}; it is ignored")
            continue
        names = [name.strip() for name in keys.split(",")] if isinstance(keys, str) else []
        if not names or not all(name and _KEY_NAME.match(name) for name in names):
            reader.problem(
                "keymap",
                action,
                f"keymap.{action} must be key names separated by commas "
                '("ctrl+e" or "x,ctrl+x"); the default is used',
            )
            continue
        chosen[action] = ",".join(names)
    while (clash := _clash({**defaults, **chosen}, chosen)) is not None:
        loser, name, winner = clash
        reader.problem(
            "keymap",
            loser,
            f"key {name!r} of {loser!r} is already {winner!r}'s; {loser!r} keeps its default",
        )
        del chosen[loser]
    for action in chosen:
        reader.sources[f"keymap.{action}"] = "file"
    return chosen


def _clash(effective: Mapping[str, str], chosen: Mapping[str, str]) -> tuple[str, str, str] | None:
    """The first key two actions hold: ``(action set in the file, key, other action)``."""
    owner: dict[str, str] = {}
    for action, keys in effective.items():
        for name in keys.split(","):
            other = owner.setdefault(name, action)
            if other != action:
                loser = action if action in chosen else other
                return loser, name, other if loser == action else action
    return None


def _wording(reader: _Reader, table: Mapping[str, object]) -> Wording:
    names = [item.name for item in fields(Wording)]
    reader.unknown(table, "citation", names)
    values = {name: reader.string(table, "citation", name) for name in names}
    return Wording(**{name: value for name, value in values.items() if value is not None})


def for_command(prog: str) -> Config:
    """The settings for a command-line tool: each problem is a warning on stderr, and the
    citation wording is applied."""
    import sys

    from tui.quote import use_wording

    config = load_config()
    for problem in config.problems:
        print(f"{prog}: warning: {problem}", file=sys.stderr)
    use_wording(config.wording)
    return config

"""``briefing config path|show``: where the settings file is, and what is in effect.

``show`` prints the effective settings as TOML a user can paste into the file, each line
marked with where its value came from (``# default`` or ``# file``), so a setting that
did not take (a typo, a wrong type) is seen at once; each problem is also a warning on
stderr with its line. Theme names are checked by the reader, which knows the themes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.config import Config, config_path, default_keys, for_command
from tui.quote import Wording

PROG = "briefing config"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        choices=["path", "show"],
        help="path: print the settings file's path; show: print the settings in effect",
    )


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (JSON's escapes, plus DEL, which TOML forbids raw)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _line(key: str, value: str, source: str) -> str:
    return f"{key} = {value}  # {source}"


def render(config: Config, path: Path) -> str:
    """The effective settings as commented TOML."""
    lines = [f"# Settings in effect. '# file': read from {path}; '# default': built in.", ""]
    archives = "[" + ", ".join(toml_string(str(p)) for p in config.archives) + "]"
    source = config.source("archives")
    if not config.archives:
        source = "default: the bundled transcripts"
    lines.append(_line("archives", archives, source))
    if config.theme is None:
        lines.append("# theme: not set (the theme last picked in the palette, else the default)")
    else:
        lines.append(_line("theme", toml_string(config.theme), config.source("theme")))
    lines += ["", "[export]"]
    folder = toml_string(str(config.export_folder))
    lines.append(_line("folder", folder, config.source("export.folder")))
    fmt = toml_string(config.export_format)
    lines.append(_line("format", fmt, config.source("export.format")))
    lines += ["", "[keymap]"]
    for action, keys in default_keys().items():
        chosen = config.keymap.get(action, keys)
        lines.append(_line(action, toml_string(chosen), config.source(f"keymap.{action}")))
    lines += ["", "[citation]"]
    for name in Wording.__dataclass_fields__:
        value = toml_string(getattr(config.wording, name))
        lines.append(_line(name, value, config.source(f"citation.{name}")))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    path = config_path()
    if args.what == "path":
        print(path)
        return 0
    config = for_command(PROG)
    sys.stdout.write(render(config, path))
    return 1 if config.problems else 0

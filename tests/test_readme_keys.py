"""The README's key table names every key of the reader, as the key map defines it."""

from __future__ import annotations

import re
from pathlib import Path

from tui.keymap import KEYS

README = Path(__file__).resolve().parent.parent / "README.md"
# Textual's names for the keys that are punctuation, as a reader types them
TYPED = {"question_mark": "?", "exclamation_mark": "!", "slash": "/", "number_sign": "#"}


def key_table() -> set[str]:
    """Every `code` span in the rows of the README's table of keys."""
    text = README.read_text(encoding="utf-8")
    start = text.index("| key |")
    rows = text[start:].split("\n\n", 1)[0]
    return set(re.findall(r"`([^`]+)`", "\n".join(row.split("|")[1] for row in rows.splitlines())))


def test_every_key_of_the_reader_is_in_the_readme() -> None:
    documented = key_table()
    missing = [
        key.keys
        for key in KEYS
        if TYPED.get(first := key.keys.split(",")[0], first) not in documented
    ]
    assert not missing, f"keys missing from the README's key table: {missing}"

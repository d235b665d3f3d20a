"""Under a locale that cannot encode the reader's text, output switches to UTF-8, once,
with a warning; under a UTF-8 locale nothing changes."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from tui.terminal_encoding import PROBE, ensure_utf8


def stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="backslashreplace")


def test_a_utf8_stream_is_left_alone() -> None:
    out = stream("utf-8")
    assert ensure_utf8(out) is None
    assert out.encoding == "utf-8"
    assert out.errors == "backslashreplace"


def test_a_latin1_stream_switches_to_utf8_and_the_warning_names_what_was_found() -> None:
    out, err = stream("latin-1"), stream("utf-8")
    warning = ensure_utf8(out, err)
    assert warning is not None
    assert "latin-1" in warning
    assert "UTF-8" in warning
    assert out.encoding == "utf-8"
    out.write(PROBE)
    out.flush()
    assert out.buffer.getvalue().decode("utf-8") == PROBE  # type: ignore[attr-defined]


def test_the_reader_command_warns_and_draws_utf8_under_a_latin1_locale() -> None:
    """The real entry point, with Python told to use Latin-1 for its streams: the check
    runs before Textual is imported, so it is seen without a terminal."""
    probe = (
        "import sys\n"
        "from tui.terminal_encoding import ensure_utf8\n"
        "w = ensure_utf8(sys.stdout, sys.stderr)\n"
        "print(w is not None, sys.stderr.encoding)\n"
        "sys.stderr.write('\\u2502 \\u6c6a\\n')\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=True)
    assert done.stdout.decode("utf-8").split() == ["True", "utf-8"]
    assert done.stderr.decode("utf-8") == "│ 汪\n"

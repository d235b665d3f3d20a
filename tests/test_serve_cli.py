"""``briefing serve`` on the command line: its arguments, and every way it can refuse to
start, each one line and an exit status, never a traceback.

The server itself is not started here (the browser test does that); where a run gets as
far as starting it, a stand-in records what it was given.
"""

from __future__ import annotations

import shlex
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tui.cli import bundled_transcripts, main
from tui.subcommands import serve

SHANGHAI = bundled_transcripts() / "2017-10-11-shanghai-belt-and-road.yaml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another program is listening on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


class StandInServer:
    """Records the command and address it would serve, instead of serving."""

    started: ClassVar[list[StandInServer]] = []

    def __init__(self, command: str, where: serve.Listening) -> None:
        self.command = command
        self.where = where

    def serve(self) -> None:
        StandInServer.started.append(self)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> list[StandInServer]:
    StandInServer.started = []
    monkeypatch.setattr(serve, "web_server", StandInServer)
    return StandInServer.started


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["serve", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("port", ["0", "65536", "-1", "eighty", "80.5"])
def test_a_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", port])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --port" in err
    assert "is not a port number (1-65535)" in err
    assert "Traceback" not in err


def test_a_port_in_use_is_one_line_and_exit_1(
    taken_port: int, capsys: pytest.CaptureFixture[str], stand_in: list[StandInServer]
) -> None:
    code, out, err = _run(capsys, str(SHANGHAI), "--port", str(taken_port))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f"briefing serve: cannot listen on 127.0.0.1 port {taken_port}: the port is in use "
        "(by another program, or another briefing serve); choose another with --port"
    ]
    assert stand_in == []


def test_a_port_taken_between_the_check_and_the_start_is_told_the_same_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """aiohttp raises OSError from inside ``serve()`` when it loses the race."""

    class LosesTheRace(StandInServer):
        def serve(self) -> None:
            raise OSError(98, "Address already in use")

    monkeypatch.setattr(serve, "web_server", LosesTheRace)
    port = free_port()
    index = str(tmp_path / "index.sqlite")
    code, _, err = _run(capsys, str(SHANGHAI), "--port", str(port), "--index", index)
    assert code == 1
    assert f"cannot listen on 127.0.0.1 port {port}: the port is in use" in err
    assert "Traceback" not in err


def test_without_the_web_extra_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    code, out, err = _run(capsys)
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "briefing serve: serving the reader in a browser needs the web extra: "
        "pip install 'briefing[web]' (in a clone of the project: pip install -e '.[web]')"
    ]


def test_help_works_without_the_web_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--help"])
    assert exited.value.code == 0
    assert "--host" in capsys.readouterr().out


def test_a_missing_archive_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: list[StandInServer]
) -> None:
    code, _, err = _run(capsys, str(tmp_path / "nowhere"), "--port", str(free_port()))
    assert code == 2
    assert err.strip() == f"briefing serve: {tmp_path / 'nowhere'}: no such file or folder"
    assert stand_in == []


def test_by_default_it_serves_this_machine_only_with_the_reader_per_visitor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: list[StandInServer]
) -> None:
    index = tmp_path / "index.sqlite"
    port = free_port()
    code, _, err = _run(capsys, str(SHANGHAI), "--port", str(port), "--index", str(index))
    assert code == 0
    assert err == ""
    (server,) = stand_in
    assert (server.where.host, server.where.port) == ("127.0.0.1", port)
    assert server.where.local_only
    assert serve.banner(server.where) == (
        f"Serving the reader at http://127.0.0.1:{port} "
        "(this machine only; --host 0.0.0.0 to share)"
    )
    # each visitor's process is this Python running the reader on the archive and index,
    # the working folder kept off its import path (-P)
    assert shlex.split(server.command) == [
        sys.executable,
        "-P",
        "-m",
        "tui",
        str(SHANGHAI),
        "--index",
        str(index),
    ]
    assert index.exists()  # brought up to date before anyone connects


def test_sharing_on_every_address_warns_that_there_is_no_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: list[StandInServer]
) -> None:
    port = free_port()
    index = str(tmp_path / "index.sqlite")
    code, _, err = _run(
        capsys, str(SHANGHAI), "--host", "0.0.0.0", "--port", str(port), "--index", index
    )
    assert code == 0
    (server,) = stand_in
    assert not server.where.local_only
    (warning,) = err.splitlines()
    assert warning.startswith("briefing serve: warning: listening on 0.0.0.0")
    assert f"anyone who reaches port {port} can read every transcript in {SHANGHAI}" in warning
    assert "no password" in warning
    assert "--host 127.0.0.1" in warning
    # 0.0.0.0 is no address to open: the banner names the machine instead
    assert serve.banner(server.where).startswith(
        f"Serving the reader at http://{socket.gethostname()}:{port} (shared"
    )


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("0.0.0.0", False)],
)
def test_which_hosts_count_as_this_machine_only(host: str, local: bool) -> None:
    assert serve.resolve(host, 8000).local_only is local


def test_an_ipv6_host_is_bracketed_in_the_address() -> None:
    where = serve.Listening("::1", 8000, ((socket.AF_INET6, ("::1", 8000, 0, 0)),))
    assert where.local_only
    assert where.url == "http://[::1]:8000"


def test_the_page_loads_nothing_from_elsewhere() -> None:
    """The page served is the project's: scripts, styles and the socket are relative."""
    page = (serve.PAGE_FOLDER / "app_index.html").read_text(encoding="utf-8")
    assert "http://" not in page
    assert "https://" not in page
    assert 'src="static/js/textual.js"' in page


def test_the_server_is_textual_serve_with_the_project_page(tmp_path: Path) -> None:
    """The real server object (not started): the page folder and the address given."""
    where = serve.resolve("127.0.0.1", 8124)
    server: Any = serve.web_server("true", where)
    assert (server.host, server.port, server.command) == ("127.0.0.1", 8124, "true")
    assert Path(server.templates_path) == serve.PAGE_FOLDER


def test_the_reader_command_never_runs_a_tui_package_of_the_working_folder(
    tmp_path: Path,
) -> None:
    """The server may run in a project of the user's that has a ``tui`` package; ``python
    -m`` would put that folder first on the path and run it instead of the reader."""
    import subprocess

    project = tmp_path / "project"
    (project / "tui").mkdir(parents=True)
    marker = tmp_path / "imported-the-wrong-tui"
    (project / "tui" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8"
    )
    argv = [*shlex.split(serve.reader_command(bundled_transcripts(), None)), "--help"]
    done = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "usage: briefing" in done.stdout
    assert not marker.exists()


def test_the_closed_loop_message_of_a_stopped_visitor_pipe_is_dropped_and_nothing_else() -> None:
    """Ctrl+C: a quitting visitor's pipe transport collected after the loop closed must
    not print a traceback under a clean stop; every other unraisable error still shows."""
    seen: list[BaseException | None] = []
    hook = serve.quiet_closed_loop(lambda unraisable: seen.append(unraisable.exc_value))

    class Unraisable:
        def __init__(self, obj: object, error: BaseException) -> None:
            self.object = obj
            self.exc_value = error
            self.exc_type = type(error)
            self.exc_traceback = None
            self.err_msg = None

    class _UnixWritePipeTransport:  # named as asyncio's, whose __del__ raised it
        def finalize(self) -> None: ...

    pipe = _UnixWritePipeTransport()
    closed = RuntimeError("Event loop is closed")
    hook(Unraisable(pipe.finalize, closed))  # type: ignore[arg-type]
    assert seen == []
    other = RuntimeError("something else")
    hook(Unraisable(pipe.finalize, other))  # type: ignore[arg-type]
    hook(Unraisable(object(), closed))  # type: ignore[arg-type]
    assert seen == [other, closed]

"""``briefing serve [PATH] [--host H] [--port N]``: the reader in a web browser.

textual-serve (the optional extra ``briefing[web]``) runs a small web server whose page
is a terminal (xterm.js). Every browser tab that opens it gets a reader of its own: the
server starts one ``briefing PATH`` process per connection, so visitors never share a
screen or a cursor. In that process Textual's web driver stands in for the terminal, and
the export dialog sends a download instead of writing on the server's disk, and a copy
goes to the browser's clipboard (see :mod:`tui.screens.export`).

Decisions:

* It listens on 127.0.0.1 unless told otherwise: there is no login, and whoever reaches
  the port reads the whole archive, so sharing is asked for (``--host 0.0.0.0``) and
  warned about.
* The address is tried before the server starts, so a port in use is one line (exit 1,
  like any problem found while running) instead of aiohttp's traceback after a banner;
  a failure between the try and the start is caught and told the same way.
* The index is brought up to date once, here, before anyone connects: the readers then
  find it current, instead of every new tab refreshing the same file at once.
* The page is the project's own (``tui/web/app_index.html``): it loads no web font from
  the internet, and its addresses are relative to the one the visitor used (textual-serve
  writes its bind address into its page, and 0.0.0.0 is no address a browser can reach).

textual-serve is imported only when the command runs, so the rest of the program (and
``briefing serve --help``) works without the extra.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import shlex
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.subcommands import PROG, UsageError, add_archive_argument, add_index_argument, archive

if TYPE_CHECKING:
    from textual_serve.server import Server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE_FOLDER = Path(__file__).resolve().parent.parent / "web"
INSTALL_HINT = "pip install 'briefing[web]' (in a clone of the project: pip install -e '.[web]')"


def port_number(text: str) -> int:
    """``--port``: a TCP port, 1 to 65535 (argparse turns the error into exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    add_archive_argument(parser)
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0: every address of this machine, to share the reader)",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"port to listen on (default: {DEFAULT_PORT})",
    )
    add_index_argument(parser)


@dataclass(frozen=True, slots=True)
class Listening:
    """Where the server will listen: the host as given, the port, and what it resolves to."""

    host: str
    port: int
    addresses: tuple[tuple[socket.AddressFamily, tuple[Any, ...]], ...]
    """Each (family, socket address) the server binds: ``("127.0.0.1", 8000)`` and so on."""

    @property
    def local_only(self) -> bool:
        """Whether every address is a loopback one (reachable from this machine only)."""
        return all(_is_loopback(str(address[0])) for _, address in self.addresses)

    @property
    def url(self) -> str:
        """The address to open: the host as given, or this machine's name for "every
        address" (0.0.0.0 or ::, which a browser cannot reach)."""
        host = self.host
        if all(_is_unspecified(str(address[0])) for _, address in self.addresses):
            host = socket.gethostname()
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_loopback(text: str) -> bool:
    ip = _ip(text)
    return ip is not None and ip.is_loopback


def _is_unspecified(text: str) -> bool:
    ip = _ip(text)
    return ip is not None and ip.is_unspecified


def resolve(host: str, port: int) -> Listening:
    """The addresses ``host`` stands for; an unknown name is a usage error."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise UsageError(
            f"--host {host}: not an address of this machine ({error.strerror})"
        ) from None
    addresses = tuple(dict.fromkeys((family, address) for family, _, _, _, address in infos))
    return Listening(host, port, addresses)


def try_listen(where: Listening) -> None:
    """Bind each address the server will listen on, and let go at once.

    Raises the :class:`OSError` the server would meet (a port in use, a port that needs
    root, an address that is not this machine's). The sockets are set up as asyncio sets
    up the server's, so a port the server could take is never refused here.
    """
    for family, address in where.addresses:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            probe.bind(address)


def why_not(error: OSError, where: Listening) -> str:
    """The one line that says why the server cannot listen, and what to do."""
    place = f"{where.host} port {where.port}"
    if error.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {place}: the port is in use (by another program, or another "
            "briefing serve); choose another with --port"
        )
    if error.errno == errno.EACCES:
        return f"cannot listen on {place}: permission denied (choose a port above 1023)"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {place}: {where.host} is not an address of this machine"
    return f"cannot listen on {place}: {error.strerror or error}"


def banner(where: Listening) -> str:
    """The line printed as the server starts."""
    if where.local_only:
        return f"Serving the reader at {where.url} (this machine only; --host 0.0.0.0 to share)"
    return f"Serving the reader at {where.url} (shared: reachable from other machines)"


def sharing_warning(where: Listening, root: Path) -> str:
    return (
        f"{PROG} serve: warning: listening on {where.host}, which other machines can reach: "
        f"anyone who reaches port {where.port} can read every transcript in {root}, with no "
        "password. Share only on a network you trust; --host 127.0.0.1 keeps it on this machine."
    )


def reader_command(root: Path, index_file: Path | None) -> str:
    """The shell command the server runs for each visitor: this program's reader.

    The same Python runs it (``-m tui`` is ``briefing``), so it works from a virtual
    environment that is not on the PATH; ``-P`` keeps the working folder off the path, so
    a ``tui`` package of the user's own there is never run instead.
    """
    argv = [sys.executable, "-P", "-m", "tui", str(root)]
    if index_file is not None:
        argv += ["--index", str(index_file.resolve())]
    return shlex.join(argv)


def require_web() -> None:
    """Without the web extra, a :class:`UsageError` that says how to install it."""
    try:
        import aiohttp  # noqa: F401
        import textual_serve.server  # noqa: F401
    except ImportError:
        raise UsageError(
            f"serving the reader in a browser needs the web extra: {INSTALL_HINT}"
        ) from None


def web_server(command: str, where: Listening) -> Server:
    """textual-serve's server running ``command`` per visitor, with this program's page,
    its banner instead of textual-serve's logo, and a log of warnings only."""
    from aiohttp import web
    from textual_serve.server import Server

    class ReaderServer(Server):
        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING, format=f"{PROG} serve: %(message)s")

        async def on_startup(self, app: web.Application) -> None:
            print(banner(where), flush=True)
            print("Press Ctrl+C to stop.", flush=True)

    return ReaderServer(
        command, host=where.host, port=where.port, title=PROG, templates_path=PAGE_FOLDER
    )


def quiet_closed_loop(
    fallback: Callable[[sys.UnraisableHookArgs], object],
) -> Callable[[sys.UnraisableHookArgs], None]:
    """An unraisable-exception hook that drops one known message of shutting down.

    When Ctrl+C stops the server, aiohttp closes the event loop while a visitor's reader
    process (already told to quit) may still have its pipe transport alive; when that is
    collected, asyncio's ``__del__`` asks the closed loop to run its last callback and
    Python prints "Exception ignored in ... RuntimeError: Event loop is closed" with a
    traceback, after a clean stop. That one case (a subprocess or pipe transport, that
    message) is dropped; anything else goes to ``fallback`` as before.
    """

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        owner = getattr(unraisable.object, "__self__", unraisable.object)
        transport = type(owner).__name__.endswith(("SubprocessTransport", "PipeTransport"))
        closed = (
            isinstance(unraisable.exc_value, RuntimeError)
            and str(unraisable.exc_value) == "Event loop is closed"
        )
        if not (transport and closed):
            fallback(unraisable)

    return hook


def run(args: argparse.Namespace) -> int:
    require_web()
    root = archive(args.path).resolve()
    where = resolve(args.host, args.port)
    try:
        try_listen(where)
    except OSError as error:
        print(f"{PROG} serve: {why_not(error, where)}", file=sys.stderr)
        return 1
    if not where.local_only:
        print(sharing_warning(where, root), file=sys.stderr)

    from tui.subcommands.index import open_index

    index, _ = open_index(root, args.index, "serve")
    index.close()

    server = web_server(reader_command(root, args.index), where)
    sys.unraisablehook = quiet_closed_loop(sys.unraisablehook)
    try:
        server.serve()
    except OSError as error:
        print(f"{PROG} serve: {why_not(error, where)}", file=sys.stderr)
        return 1
    return 0

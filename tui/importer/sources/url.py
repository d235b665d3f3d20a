"""``http://`` and ``https://`` inputs, fetched with the standard library.

A fetch never hangs and never fills the memory: every wait on the server is bounded by
the timeout and so is the whole download, the body is read in pieces and refused past
:data:`~tui.importer.sources.base.MAX_BYTES` (at once when the server announces more),
and redirects are followed (urllib's limit of 10). No compression is asked for; a body
compressed all the same is inflated, within the same limit. The content type the server sends
chooses how the body is read (HTML, PDF or text); the final address after redirects is
the transcript's ``source``.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import zlib
from email.message import Message
from typing import IO

from tui.importer.common import ImportFailed
from tui.importer.sources.base import MAX_BYTES, Raw, suffix_of

TIMEOUT = 30.0
"""Seconds allowed for the server to answer, and for the whole download."""
USER_AGENT = "briefing-import/0.1 (press-briefing transcript importer)"
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_CHUNK = 64 * 1024


def is_url(raw: str) -> bool:
    return raw[:8].lower().startswith(("http://", "https://"))


def _limit() -> str:
    return f"{MAX_BYTES // (1024 * 1024)} MB"


def _timed_out(timeout: float) -> ImportFailed:
    return ImportFailed(f"no answer within {timeout:g} s (timed out)")


def _read(response: http.client.HTTPResponse, timeout: float, started: float) -> bytes:
    announced = response.headers.get("Content-Length")
    if announced and announced.strip().isdigit() and int(announced) > MAX_BYTES:
        raise ImportFailed(
            f"the server would send {int(announced) / 1e6:.0f} MB, more than the {_limit()} limit"
        )
    body = bytearray()
    while True:
        chunk = response.read1(_CHUNK)
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > MAX_BYTES:
            raise ImportFailed(f"the server sent more than the {_limit()} limit")
        if time.monotonic() - started > timeout:
            raise _timed_out(timeout)


class _WebOnly(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to ``http(s)://`` addresses only (urllib would go to ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise ImportFailed(f"the server redirects to {newurl!r}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnly)


def fetch(url: str, timeout: float = TIMEOUT) -> Raw:
    """The body at ``url`` with its content type; :class:`ImportFailed` for any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    started = time.monotonic()
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = _read(response, timeout, started)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise ImportFailed(f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timed_out(timeout) from None
        raise ImportFailed(f"cannot fetch it: {exc.reason}") from None
    except TimeoutError:
        raise _timed_out(timeout) from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise ImportFailed(f"cannot fetch it: {exc or type(exc).__name__}") from None
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    charset = headers.get_content_charset()
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        data = _inflate(data, encoding)
    return Raw(url, data, suffix_of(final), content_type, charset, final)


def _inflate(data: bytes, encoding: str) -> bytes:
    """A compressed body (sent although none was asked for), inflated no further than
    the size limit, so that a small bomb cannot fill the memory."""
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error as exc:
        raise ImportFailed(f"the server's {encoding} body is damaged ({exc})") from None
    if len(out) > MAX_BYTES:
        raise ImportFailed(f"the server sent more than the {_limit()} limit, compressed")
    return out

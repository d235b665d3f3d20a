"""``http(s)://`` inputs against a server on 127.0.0.1 in a thread: HTML, PDF and text
chosen by the content type, redirects followed, and a 404, a server that does not
answer, one that trickles, and one that sends too much, each refused in one line.

Every request the tests make goes to that local server, and every handler stops by
itself: the slow ones wait on an event the fixture sets when the test ends.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pdf_writer import pdf

from tui.cli import main
from tui.importer import ImportFailed
from tui.importer.sources import MAX_BYTES, import_input, read
from tui.loader import load_file

PAGE = (
    b"<!doctype html><html><head><title>Noon Briefing</title></head><body><nav>Menu</nav>"
    b"<article><h1>Noon Briefing</h1><p>May 5, 2020</p>"
    b"<p>MS. ABERNATHY-SOL: Good afternoon.</p><p>Q: Any news on the bridge?</p>"
    b"<p>MS. ABERNATHY-SOL: Not yet.</p></article></body></html>"
)
TEXT = b"Evening Briefing\nJune 2, 2020\n\nMR. VOSS: Hello.\n\nQ: Why?\n\nMR. VOSS: Because.\n"
PDF = pdf(
    [
        ["Morning Briefing", "July 3, 2020", "MR. IKEDA-LUND: Welcome.", "Q: When?"],
        ["MR. IKEDA-LUND: Soon."],
    ]
)
STOP = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send(self, status: int, body: bytes, content_type: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/press/noon-briefing":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/files/evening":
            self.send(200, TEXT, "text/plain; charset=utf-8")
        elif self.path == "/download?id=7":
            self.send(200, PDF, "application/pdf")
        elif self.path == "/old-address":
            self.send_response(301)
            self.send_header("Location", "/press/noon-briefing")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/zipped":
            body = gzip.compress(TEXT)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/bomb":  # 21 MB of text in 20 kB
            body = gzip.compress(b"Q: " + b"a" * (MAX_BYTES + 10))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/briefing.txt")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/silent":
            STOP.wait(5)  # answers nothing until the client gave up (or the test ended)
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                if STOP.wait(0.05):
                    break
                self.wfile.write(b"Q: more? " * 10)
        elif self.path == "/announced":
            self.send(200, b"Q: a few bytes", "text/plain", length=50 * 1024 * 1024)
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"Q: again. " * 6_554
            try:
                for _ in range(MAX_BYTES // len(chunk) + 50):
                    self.wfile.write(chunk)
            except OSError:  # the client hung up, as it should
                pass
        else:
            self.send(404, b"<h1>Not Found</h1>", "text/html")


@pytest.fixture
def server() -> Iterator[str]:
    STOP.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        STOP.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_html_page_by_its_content_type(server: str) -> None:
    result = import_input(f"{server}/press/noon-briefing")
    assert result.id == "2020-05-05-noon-briefing"
    assert result.exchanges == 1
    assert f"source: {server}/press/noon-briefing" in result.text
    assert result.accounting.dropped["page navigation"] == 1


def test_redirect_is_followed_and_the_final_address_kept(server: str) -> None:
    raw = read(f"{server}/old-address")
    assert raw.url == f"{server}/press/noon-briefing"
    assert raw.content_type == "text/html" and raw.charset == "utf-8"


def test_pdf_and_text_by_their_content_type(server: str) -> None:
    pdf_result = import_input(f"{server}/download?id=7")
    assert pdf_result.exchanges == 1 and "date: 2020-07-03" in pdf_result.text
    text_result = import_input(f"{server}/files/evening")
    assert text_result.exchanges == 1 and "date: 2020-06-02" in text_result.text
    zipped = import_input(f"{server}/zipped")  # compressed although not asked to be
    assert zipped.text.split("\n", 1)[1] == text_result.text.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/nowhere", "the server answered 404 Not Found"),
        ("/announced", "the server would send 52 MB, more than the 20 MB limit"),
        ("/endless", "the server sent more than the 20 MB limit"),
        ("/bomb", "the server sent more than the 20 MB limit, compressed"),
        (
            "/to-ftp",
            "the server redirects to 'ftp://127.0.0.1/briefing.txt', which is not a web address",
        ),
    ],
)
def test_refusals(server: str, path: str, message: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_input(f"{server}{path}")
    assert caught.value.message == message


@pytest.mark.parametrize("path", ["/silent", "/trickle"])
def test_a_server_that_is_too_slow_times_out(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(ImportFailed) as caught:
        import_input(f"{server}{path}", timeout=0.5)
    assert caught.value.message == "no answer within 0.5 s (timed out)"
    assert time.monotonic() - started < 3


def test_nothing_listening_is_a_clear_message() -> None:
    with pytest.raises(ImportFailed, match=r"^cannot fetch it: .*refused"):
        import_input("http://127.0.0.1:9/briefing", timeout=2)


def test_a_batch_of_urls_goes_on_past_the_bad_ones(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    urls = [f"{server}/nowhere", f"{server}/press/noon-briefing", f"{server}/silent"]
    code = main(["import", *urls, "-o", str(out), "--timeout", "0.5", "-j", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{server}/nowhere: error: the server answered 404 Not Found" in captured.err
    assert f"{server}/silent: error: no answer within 0.5 s (timed out)" in captured.err
    assert "Traceback" not in captured.err
    assert [p.name for p in out.iterdir()] == ["2020-05-05-noon-briefing.yaml"]
    briefing, problems = load_file(out / "2020-05-05-noon-briefing.yaml")
    assert problems == [] and briefing is not None
    assert "3 inputs: 2 failed, 1 written" in captured.out

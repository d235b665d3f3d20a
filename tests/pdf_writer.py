"""A tiny PDF writer for the importer's tests: pages of text lines in a standard font.

The tests make their PDFs here rather than keeping binary files or downloading any: a
page is a list of lines set in Helvetica with WinAnsi encoding (Latin letters, curly
quotes and dashes), one text object per page, and a page with no lines is a page with
no text layer at all, as a scanned page is.
"""

from __future__ import annotations

from collections.abc import Sequence


def _literal(text: str) -> bytes:
    """A PDF string literal: WinAnsi bytes, with ``\\``, ``(`` and ``)`` escaped."""
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for byte in raw:
        if byte in b"\\()":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += f"\\{byte:03o}".encode("ascii")
        else:
            out.append(byte)
    return bytes(out + b")")


def _content(lines: Sequence[str]) -> bytes:
    if not lines:
        return b"q 0.5 g 72 72 468 648 re f Q\n"  # a grey box: something drawn, no text
    ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
    for line in lines:
        ops.append(_literal(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF document whose page ``i`` shows ``pages[i]``, one line each."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, lines in enumerate(pages):
        stream = _content(lines)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)

"""Saved web pages and fetched HTML: the page's main text as paragraphs, its metadata aside.

Parsed with selectolax (Lexbor, the HTML standard's own parsing rules, so the tree is
the one a browser builds; MIT licence; measured in ``docs/import.md``). The text is
what a reader of the page sees, laid out as the cleaner expects copied text to be:

- block elements (``p``, ``div``, headings, list items, table rows ...) end a line, and
  those that are not list items or table rows also end a paragraph; ``<br>`` ends a
  line, so ``<br><br>`` leaves a blank line between paragraphs, as on screen;
- page furniture is left out and counted, in words, by kind: navigation, the page's
  banner and footer (a ``header`` or ``footer`` outside any article or section: an
  article's own header holds its title and date and is kept), boxes beside the text
  (``aside``), buttons, hidden elements, scripts and styles, and elements whose class or
  id names one of these (``breadcrumbs``, ``site-footer``, ``share-bar``) unless they
  hold half the page's words; and when one ``main``, ``article`` or ``role="main"``
  element holds most of the text, everything outside it;
- the title (the main text's first ``h1``, else ``og:title``, else ``<title>``), the
  published date (``article:published_time`` and the other usual meta tags, else the
  structured data's ``datePublished``, else the first ``<time datetime>``) and the
  page's address become metadata.

The charset is the byte order mark's, else the server's, else the page's own ``<meta>``
declaration, else UTF-8 with the importer's Windows-1252 fallback.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborAttributes, LexborHTMLParser, LexborNode

from tui.importer.clean import decode
from tui.importer.common import ImportFailed, Note, words
from tui.importer.sources.base import Kind, Raw, SourceText
from tui.safetext import ZERO_WIDTH

_MAGIC = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(rb"<(?:[A-Za-z][A-Za-z0-9]*[\s/>]|!--|!doctype)", re.IGNORECASE)
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
"""Labels the HTML standard reads as Windows-1252, as browsers do."""

_BLOCK_NAMES = (
    "address article blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend main "
    "menu ol p pre section summary table tbody tfoot thead ul"
)
BLOCKS = frozenset(_BLOCK_NAMES.split())
LINES = frozenset({"li", "tr"})
"""Block elements that end a line but not a paragraph."""
CELLS = frozenset({"td", "th"})
SECTIONS = frozenset({"article", "main", "section"})
REGIONS = frozenset({"article", "main"})

FURNITURE = {
    "nav": "page navigation",
    "aside": "boxes beside the text",
    "button": "buttons",
    "select": "buttons",
    "script": "scripts and styles",
    "style": "scripts and styles",
    "noscript": "scripts and styles",
    "template": "scripts and styles",
    "svg": "scripts and styles",
    "iframe": "scripts and styles",
    "object": "scripts and styles",
}
ROLES = {
    "navigation": "page navigation",
    "complementary": "boxes beside the text",
    "banner": "page header and footer",
    "contentinfo": "page header and footer",
}
HINTS = {
    **dict.fromkeys(
        ("nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "skip"),
        "page navigation",
    ),
    **dict.fromkeys(("footer", "copyright"), "page header and footer"),
    **dict.fromkeys(
        ("sidebar", "related", "share", "sharing", "social", "cookie", "cookies"),
        "boxes beside the text",
    ),
}
"""Words of a class or id (split at spaces, ``-`` and ``_``) that name page furniture."""
_TOKEN = re.compile(r"[\s_-]+")
PAGE_EDGES = frozenset({"header", "footer"})
OUTSIDE = "page outside the main text"
PUBLISHED = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]*)"')
"""The published date in a page's structured data (JSON-LD), read without parsing it."""
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')
"""The publisher's name in a page's structured data (JSON-LD), read without parsing it."""
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_INVISIBLE = str.maketrans("", "", "\u00ad" + "".join(ZERO_WIDTH))
"""Soft hyphens and zero-width spaces: a browser shows none of them, and a copy has none."""


def magic(head: bytes) -> bool:
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    return _MAGIC.match(head) is not None


def page_text(raw: Raw) -> tuple[str, list[Note]]:
    """The page as text, in the charset it is in (see the module's docstring)."""
    data = raw.data
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom) or (codec == "utf-16" and data.startswith(codecs.BOM_UTF16_BE)):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise ImportFailed("this looks like a binary file, not an HTML page")
    found = _DECLARED.search(data[:4096])
    declared = (found.group(1) or found.group(2)).decode("ascii") if found else None
    for origin, label in (("the server's", raw.charset), ("the page's", declared)):
        if not label:
            continue
        name = _LABELS.get(label.lower(), label)
        if name.lower().startswith("utf-16"):  # only a byte order mark can say so
            name = "utf-8"
        try:
            return data.decode(name), []
        except LookupError:
            note = f"{origin} charset {label!r} is unknown; read as UTF-8"
        except UnicodeDecodeError:
            note = f"the page is not in {origin} charset {label!r}; read as UTF-8"
        text, notes = decode(data)
        return text, [Note(None, note), *notes]
    return decode(data)


@dataclass
class _Walk:
    """The text of the page as paragraphs of lines, each paragraph with its region."""

    paras: list[tuple[int | None, list[str]]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    region: int | None = None
    marker: str = ""
    dropped: dict[str, int] = field(default_factory=dict)
    headings: list[tuple[int | None, str]] = field(default_factory=list)
    times: list[tuple[int | None, str]] = field(default_factory=list)

    def newline(self) -> None:
        line = "".join(self.line).translate(_INVISIBLE)
        self.lines.append(_SPACE.sub(" ", line).strip())
        self.line = []

    def paragraph(self) -> None:
        if self.line:
            self.newline()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        while self.lines and not self.lines[0]:
            self.lines.pop(0)
        if self.lines:
            self.paras.append((self.region, self.lines))
        self.lines = []

    def drop(self, kind: str, count: int) -> None:
        self.dropped[kind] = self.dropped.get(kind, 0) + count


def word_count(node: LexborNode) -> int:
    return len(words(node.text(deep=True, separator=" ")))


def _hinted(attrs: LexborAttributes) -> str | None:
    """The kind of furniture a class or id names (``site-footer``, ``breadcrumbs``)."""
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold()
    if not names.strip():
        return None
    for token in _TOKEN.split(names):
        if token in HINTS:
            return HINTS[token]
    return None


def _furniture(node: LexborNode, tag: str, in_section: int) -> str | None:
    kind = FURNITURE.get(tag)
    if kind is not None:
        return kind
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return "hidden elements"
    style = attrs.get("style")
    if style and _NOT_SHOWN.search(style):
        return "hidden elements"
    role = attrs.get("role")
    if role in ROLES:
        return ROLES[role]
    if tag in PAGE_EDGES and not in_section:
        return "page header and footer"
    return None


def _leave_out(node: LexborNode, tag: str, in_section: int, total: int) -> tuple[str, int] | None:
    """What kind of furniture ``node`` is, with its words, or None to read it.

    An element is furniture by its tag or role, or by a class or id that names it, but
    one that holds half the page's words is read whatever its class says: a page's text
    wrapped in ``<div class="content has-sidebar">`` is still its text."""
    kind = _furniture(node, tag, in_section)
    if kind is not None:
        return kind, word_count(node)
    kind = _hinted(node.attrs)
    if kind is None:
        return None
    count = word_count(node)
    return (kind, count) if count * 2 < total else None


def walk(root: LexborNode) -> _Walk:
    """Depth first, with an explicit stack: a page nested thousands deep is still read."""
    out = _Walk()
    total = word_count(root)
    in_section = 0
    pre = 0
    stack: list[tuple[LexborNode, bool, int | None]] = [(root, False, None)]
    while stack:
        node, leaving, region = stack.pop()
        if node.is_text_node:
            text = node.text_content or ""
            if out.marker and text.strip():  # a list item's "- " goes before its first words
                out.line.append(out.marker)
                out.marker = ""
            if pre:
                first, *rest = text.split("\n")
                out.line.append(first)
                for piece in rest:
                    out.newline()
                    out.line.append(piece)
            else:
                out.line.append(text)
            continue
        if not node.is_element_node:
            continue
        tag = node.tag or ""
        if leaving:
            if tag in BLOCKS:
                out.paragraph()
            elif tag in LINES and out.line:
                out.newline()
            out.marker = ""
            in_section -= tag in SECTIONS
            pre -= tag == "pre"
            out.region = region
            continue
        furniture = _leave_out(node, tag, in_section, total)
        if furniture is not None:
            out.drop(*furniture)
            continue
        if tag == "br":
            out.newline()
            continue
        if tag in BLOCKS:
            out.paragraph()
        elif tag in LINES:
            if out.line:
                out.newline()
            if tag == "li":
                out.marker = "- "
        elif tag in CELLS and out.line:
            out.line.append(" ")
        if tag == "h1":
            out.headings.append((out.region, node.text(deep=True)))
        elif tag == "time" and node.attrs.get("datetime"):
            out.times.append((out.region, node.attrs.get("datetime") or ""))
        stack.append((node, True, out.region))
        in_section += tag in SECTIONS
        pre += tag == "pre"
        if (tag in REGIONS or node.attrs.get("role") == "main") and out.region is None:
            out.region = node.mem_id
        stack.extend((child, False, None) for child in reversed(list(node.iter(True))))
    out.paragraph()
    return out


def _main_text(found: _Walk) -> tuple[list[list[str]], int | None]:
    """The paragraphs of the region holding most of the words, when it holds at least
    half of them (one article among a page of links is not the page's text)."""
    every = [lines for _, lines in found.paras]
    if len({region for region, _ in found.paras}) <= 1:  # nothing to choose between
        return every, found.paras[0][0] if found.paras else None
    counts: dict[int | None, int] = {}
    for region, lines in found.paras:
        counts[region] = counts.get(region, 0) + sum(len(words(x)) for x in lines)
    total = sum(counts.values())
    regions = [(n, r) for r, n in counts.items() if r is not None]
    best = max(regions, key=lambda pair: pair[0])[1] if regions else None
    if best is None or counts[best] * 2 < total:
        return every, None
    if total > counts[best]:
        found.dropped[OUTSIDE] = total - counts[best]
    return [lines for region, lines in found.paras if region == best], best


def _meta(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return " ".join((node.attrs.get("content") or "").split()) if node is not None else ""


def _site_name_off(title: str) -> str:
    """``Press Briefing, May 5 | Ministry of Ports`` without the site's name: of the parts
    a ``|`` separates, the longest."""
    return max(title.split("|"), key=lambda part: len(part.strip()))


def _site_name(tree: LexborHTMLParser) -> str:
    """Who publishes the page, as the page itself says: its ``og:site_name``, the
    publisher of its structured data, or the shortest part of a ``Title | Site`` title
    (the part :func:`_site_name_off` leaves out). Empty when the page does not say."""
    name = _meta(tree, 'meta[property="og:site_name"]')
    if name:
        return name
    for script in tree.css('script[type="application/ld+json"]'):
        found = _LD_PUBLISHER.search(script.text(deep=True))
        if found:
            return " ".join(found.group(1).split())
    title_node = tree.css_first("title")
    parts = [p.strip() for p in (title_node.text(deep=True) if title_node else "").split("|")]
    parts = [p for p in parts if p]
    if len(parts) >= 2:
        return " ".join(min(parts, key=len).split())
    return ""


def _front(tree: LexborHTMLParser, found: _Walk, region: int | None, raw: Raw) -> dict[str, str]:
    front: dict[str, str] = {}
    heading = next((text for r, text in found.headings if r == region), None)
    if heading is None and found.headings:
        heading = found.headings[0][1]
    title_node = tree.css_first("title")
    for title in (
        heading,
        _meta(tree, 'meta[property="og:title"]'),
        _site_name_off(title_node.text(deep=True)) if title_node is not None else "",
    ):
        if title and title.split():
            front["title"] = " ".join(title.split())
            break
    dates = [_meta(tree, selector) for selector in PUBLISHED]
    for script in tree.css('script[type="application/ld+json"]'):
        dates += _LD_PUBLISHED.findall(script.text(deep=True))
    dates += [value for r, value in found.times if r == region]
    for value in dates:
        match = _ISO_DATE.match(value.strip())
        if match:
            front["published"] = match.group(0)
            break
    link = tree.css_first('link[rel="canonical"]')
    for url in (
        raw.url,
        link.attrs.get("href") if link is not None else None,
        _meta(tree, 'meta[property="og:url"]'),
    ):
        if url and url.startswith(("http://", "https://")):
            front["source_url"] = url
            break
    site = _site_name(tree)
    if site:
        front["site_name"] = site
    return front


def extract(raw: Raw) -> SourceText:
    text, notes = page_text(raw)
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    if root is None:
        raise ImportFailed("the page has no body: there is no transcript to import")
    found = walk(root)
    paras, region = _main_text(found)
    dropped = {kind: n for kind, n in found.dropped.items() if n}
    if not any(words(line) for lines in paras for line in lines):
        left = ", ".join(f"{kind} {n}" for kind, n in dropped.items())
        raise ImportFailed(
            "the page has no text to import" + (f" (left out: {left})" if left else "")
        )
    body = "\n\n".join("\n".join(lines) for lines in paras) + "\n"
    front = _front(tree, found, region, raw)
    return SourceText("html", text=body, front=front, dropped=dropped, notes=tuple(notes))


KIND = Kind(
    name="html",
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    content_types=("text/html", "application/xhtml+xml"),
    magic=magic,
    extract=extract,
    fits=lambda head: _TAG.search(head) is not None,
)

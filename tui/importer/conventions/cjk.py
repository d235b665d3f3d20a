"""Chinese labels: a run of Chinese characters and a colon, full-width or ASCII
(``汪文斌：``, ``澎湃新闻记者:``); a label ending in 记者 (journalist) asks."""

from __future__ import annotations

import re

from tui.importer.conventions.base import COLON, NOTE, Convention

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"

CONVENTIONS = (
    Convention(
        "Chinese, colon",
        re.compile(rf"(?P<name>[{_HAN}][{_HAN}·]{{0,14}}){NOTE}[ \t]*{COLON}"),
    ),
)

"""The speaker-label conventions the importer reads, one small module per family.

A transcript marks each turn with a label at the start of a paragraph, and each
publisher has its house style: ``Q:`` / ``A:``, ``MS. PSAKI:``, ``CHAIR POWELL.``,
``Xinhua News Agency:``, ``Surname, Outlet:``, ``汪文斌：``. Each family is a
:class:`Convention` (a pattern and a test of the name it captures), and
:data:`REGISTRY` lists them in the order they are tried, most specific first, so a new
house style is one new module and one line here, not branches spread over the stages.
"""

from __future__ import annotations

from tui.importer.conventions import cjk, generic, mixed, upper
from tui.importer.conventions.base import COLON, Convention, Found

REGISTRY: tuple[Convention, ...] = (
    *generic.CONVENTIONS,
    *upper.CONVENTIONS,
    *mixed.CONVENTIONS,
    *cjk.CONVENTIONS,
)
"""Every label convention, in the order :func:`tui.importer.labels.match_label` tries them."""

__all__ = ["COLON", "REGISTRY", "Convention", "Found"]

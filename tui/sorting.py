"""Names in the order people expect: "Outlet 2" before "Outlet 10".

A plain string sort puts "Outlet 10" between "Outlet 1" and "Outlet 2", which reads as a
bug in a list of outlets, channels or rooms. :func:`natural_key` compares runs of digits
by their value and everything else case-blind.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key: digit runs by value, other text case-folded; ties keep a total order."""
    parts = _DIGITS.split(text.casefold())
    return tuple((1, int(part)) if index % 2 else (0, part) for index, part in enumerate(parts))

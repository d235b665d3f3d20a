"""Which files are transcripts: the names ending in ``.yaml`` or ``.yml``.

One rule shared by the loader, the index's scan and the live-reload poller. It has a
module of its own because the last two run before the reader's first frame, and
importing the loader for a constant would pull in PyYAML (about 11 ms) on that path.
"""

from __future__ import annotations

SUFFIXES = (".yaml", ".yml")

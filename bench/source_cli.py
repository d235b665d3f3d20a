"""Run ``briefing`` from an exported source tree: ``python bench/source_cli.py SRC ARGS...``.

``bench/run.py --commit REV`` measures one commit, exported with ``git archive``, so the
table names exactly the code it timed even while the working tree is being edited. The
project is installed in editable mode, and the editable finder would import ``tui`` from
the working tree whatever ``sys.path`` says; :func:`use_source` removes that finder first.
"""

from __future__ import annotations

import sys
from pathlib import Path


def use_source(source: Path) -> None:
    """Make ``import tui`` load from ``source`` in this process."""
    sys.meta_path[:] = [
        finder
        for finder in sys.meta_path
        if not getattr(finder, "__module__", "").startswith("__editable__")
    ]
    sys.path.insert(0, str(source))
    for name in [m for m in sys.modules if m == "tui" or m.startswith("tui.")]:
        del sys.modules[name]


if __name__ == "__main__":
    use_source(Path(sys.argv[1]))
    from tui.cli import main

    sys.argv = ["briefing", *sys.argv[2:]]
    raise SystemExit(main())

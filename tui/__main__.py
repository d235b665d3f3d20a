"""``python -m tui`` behaves exactly like the ``briefing`` command."""

from tui.cli import main

raise SystemExit(main())

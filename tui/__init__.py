"""briefing: a terminal reader for press-briefing transcripts.

The package is split in layers. The *core* (``model``, ``loader``, ``transcript``,
``schema``, the text rules ``safetext``, ``wrap``, ``ids``, ``plural`` and ``atomic``,
``library``, the index and search, ``export``, ``importer``, ``subcommands``) never
imports Textual, so the command-line tools and the tests can use it without paying for
the UI. The *UI* (``app``, ``screens``, ``widgets``, ``commands``) builds on the core.
docs/architecture.md describes the layers, the seams between them, and where to add an
import convention, an export format, a view, a search backend or a subcommand.
"""

__version__ = "0.1.0"

"""briefing: a terminal reader for press-briefing transcripts.

The package is split in two layers. The *core* (``model``, ``loader``, ``refs``,
``schema``, ``index``, ``search``, ``export``, ``importer``) never imports Textual, so the
command-line tools and the tests can use it without paying for the UI. The *UI*
(``app``, ``screens``, ``widgets``, ``commands``) builds on the core.
"""

__version__ = "0.1.0"

"""Clippings: answers (or questions, or remarks) kept in named collections, with a note.

:mod:`tui.clips.store` keeps them in SQLite so that no crash loses one, and
:mod:`tui.clips.opening` opens that database whatever state it is in;
:mod:`tui.clips.collection` renders a collection for a story (Markdown, text, JSON, CSV)
and says which clippings the transcript has changed since; :mod:`tui.clips.matching`
answers the search language's ``note:`` and ``clipped:`` filters. None of it imports
Textual: the reader's screens and ``briefing clips`` share it.
"""

"""``briefing import``: from text copied off a briefing page to a checked transcript.

A core package (no Textual), built as small stages that each can be tested alone:
:mod:`clean` (decode, front matter, artefacts, unwrapping), :mod:`meta` (title, dates,
organizer, location, fidelity, podium), :mod:`labels` with the registry of labelling
conventions in :mod:`conventions`, and :mod:`turns` (speaker labels, turns; a bilingual
record's paired turns in :mod:`bilingual`; unlabelled opening announcements in
:mod:`opening`), :mod:`speakers` with :mod:`podium`, :mod:`taking` and :mod:`names` (who
each label is, who asks, who answers, who calls), :mod:`attribute` (exchanges, askers),
:mod:`embedded` (questions printed inside answers), :mod:`write` (YAML for people) and
:mod:`pipeline`, which runs them and checks that no word was lost.
"""

from tui.importer.common import ImportFailed, Note
from tui.importer.pipeline import Accounting, Imported, Options, import_bytes, import_text
from tui.importer.speakers import Hint

__all__ = [
    "Accounting",
    "Hint",
    "ImportFailed",
    "Imported",
    "Note",
    "Options",
    "import_bytes",
    "import_text",
]

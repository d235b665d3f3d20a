"""The JSON Schema of the transcript format, shipped inside the package.

The schema is a data file (``transcript.schema.json``) rather than a Python literal so
that ``briefing schema`` prints it byte for byte, editors can be pointed at a copy, and
the test suite can validate the bundled transcripts with it. It describes shape and
types; the loader checks what a schema cannot (speaker references, unique names and
ids), so the loader stays the authority and the schema an early, as-you-type check.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, cast

SCHEMA_FILE = "transcript.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_text() -> str:
    """The schema exactly as shipped."""
    return resources.files("tui").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The schema as a JSON object."""
    return cast(dict[str, Any], json.loads(schema_text()))

"""The bundled transcripts: they load cleanly, both copies agree, and no word is lost.

Each bundled transcript is a hand-checked reading of one raw published page in
``../shared/raw``; the same file, with a deeper schema path on its first line, is the
importer's expected output under ``tests/importer/expected``. These tests hold that
promise in place:

- every raw page has exactly one transcript, bundled and expected alike;
- each copy loads with no problem at all (not even a warning), and the two copies give
  the same briefing;
- the words of each raw page's body, in order, are exactly the words of the transcript's
  remarks, questions and answers: nothing lost, nothing added, nothing moved.

What counts as the body is spelled out per page in :data:`SAMPLES` rather than computed
by a general cleaner, so that this check stays independent of the importer it judges. A
page's body runs from the first line matching ``first`` up to (not including) the first
later line matching ``end`` (to the end of the page when ``end`` is ``None``): that cuts
off navigation, front matter, title and date lines, the location line, the opening time
stamp (all above ``first``), the closing time stamp or ``END`` line and anything after it.
Inside the body, the turn label at the start of a line (``label``, e.g. ``MS. PSAKI:``,
``Q``) is removed, because the transcript keeps it as ``by`` rather than as text, and
Markdown escapes (``\\[sic\\]``) are undone. Words are whitespace-separated, so
punctuation, quotes and dashes must match too; non-breaking spaces count as whitespace.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tui.loader import load_file
from tui.model import Briefing, Exchange

REPO = Path(__file__).resolve().parents[1]
RAW = REPO.parent / "shared" / "raw"
BUNDLED = REPO / "transcripts"
EXPECTED = REPO / "tests" / "importer" / "expected"

SCHEMA_LINE = {
    BUNDLED: "# yaml-language-server: $schema=../tui/transcript.schema.json",
    EXPECTED: "# yaml-language-server: $schema=../../../tui/transcript.schema.json",
}


@dataclass(frozen=True)
class Sample:
    """One raw page and the explicit rules that cut its body out.

    ``drop`` removes whole lines inside the body that are not speech (a PDF's running
    page header); ``join_broken`` joins a line that ends in a hyphen or a dash to the
    next with no space, as a PDF's hard line breaks are undone in the transcript.
    """

    raw: str
    first: str
    end: str | None
    label: str
    drop: str | None = None
    join_broken: bool = False


SAMPLES: dict[str, Sample] = {
    # Navigation, title, date, intro and the "Name, title" lines come before the first
    # question; labels are the outlets and the five officials.
    "2017-10-11-shanghai-belt-and-road": Sample(
        raw="shanghai-2017-10-11-belt-and-road.txt",
        first=r"^STV: ",
        end=None,
        label=(
            r"^(STV|China Business News Daily|Xinmin Evening Post"
            r"|Tang Zhiping|Wang Sizheng|Li Jun|Fu Guoqing|Shen Weihua):"
        ),
    ),
    "2021-06-15-whitehouse-tai-press-call": Sample(
        raw="whitehouse-2021-06-15-tai-press-call.txt",
        first=r"^MODERATOR: Good morning",
        end=r"^11:19 A\.M\. CEST$",
        label=r"^(MODERATOR:|AMBASSADOR TAI:|Q(?=\s))",
    ),
    "2021-07-07-whitehouse-psaki-gaggle": Sample(
        raw="whitehouse-2021-07-07-psaki-gaggle.txt",
        first=r"^MS\. PSAKI:",
        end=r"^11:31 A\.M\. CDT$",
        label=r"^(MS\. PSAKI:|Q(?=\s))",
    ),
    "2021-06-14-whitehouse-nato-background-call": Sample(
        raw="whitehouse-2021-06-14-nato-background-call.txt",
        first=r"^MODERATOR: Good afternoon",
        end=r"^3:32 P\.M\. CEST$",
        label=r"^(MODERATOR:|SENIOR ADMINISTRATION OFFICIAL:|Q(?=\s))",
    ),
    "2024-02-17-whitehouse-harris-zelenskyy-joint-presser": Sample(
        raw="whitehouse-2024-02-17-harris-zelenskyy-joint-presser.txt",
        first=r"^VICE PRESIDENT HARRIS:",
        end=r"^\s*END\s",
        label=(
            r"^(VICE PRESIDENT HARRIS:|PRESIDENT ZELENSKYY:|PRESIDENT ZELENSKKY:"
            r"|INTERPRETER:|PARTICIPANT:|Q(?=\s))"
        ),
    ),
    # Labels are indented on some lines, so the label pattern allows leading space.
    "2025-03-09-whitehouse-af1-gaggle": Sample(
        raw="whitehouse-2025-03-09-af1-gaggle.txt",
        first=r"^\s*THE PRESIDENT:",
        end=r"^END\s",
        label=r"^\s*(THE PRESIDENT:|MS\. LEAVITT:|Q(?=\s))",
    ),
    # PDF text: a running header glued to the page number ("Page 1 of 28March 19, ...")
    # inside the body, and hard line breaks that split words at hyphens and dashes. The
    # moderator's calls ("MICHELLE SMITH. Howard.") only name the next asker, and one
    # reporter's "Thank you." has no answer: both are left out of the transcript (its
    # comments say so).
    "2025-03-19-fed-powell-press-conference": Sample(
        raw="fed-2025-03-19-powell-press-conference.txt",
        first=r"^CHAIR POWELL\. Good afternoon",
        end=None,
        label=r"^[A-Z][A-Z’' -]+\. ",
        drop=(
            r"^(Page \d+ of \d+(March 19, 2025 Chair Powell’s Press Conference FINAL)?"
            r"|MICHELLE SMITH\. .*|CHRISTOPHER RUGABER\. Thank you\.)$"
        ),
        join_broken=True,
    ),
    # Language menu, title and posting time above the first turn; "Q:" and "A:" labels.
    "2010-10-26-mfa-ma-zhaoxu-excerpt": Sample(
        raw="mfa-2010-10-26-ma-zhaoxu-excerpt.txt",
        first=r"^Q: ",
        end=None,
        label=r"^(Q|A): ",
    ),
    # The two unlabelled announcements open the body; outlets and the spokesperson label
    # the turns.
    "2023-05-04-mfa-mao-ning-excerpt": Sample(
        raw="mfa-2023-05-04-mao-ning-excerpt.txt",
        first=r"^At the invitation of King",
        end=None,
        label=r"^(Xinhua News Agency|Yonhap News Agency|Mao Ning): ",
    ),
    # Bilingual: titles in both languages and a video caption above the first turn; each
    # turn in Chinese (ASCII colon, no space) and then in English.
    "2022-08-19-mfa-wang-wenbin-bilingual-excerpt": Sample(
        raw="mfa-2022-08-19-wang-wenbin-bilingual-excerpt.txt",
        first=r"^澎湃新闻记者:",
        end=None,
        label=r"^(澎湃新闻记者|The Paper|汪文斌|Wang Wenbin): ?",
    ),
    # The heading block and the time stamp come before the first turn.
    "2015-10-14-state-kirby-briefing-excerpt": Sample(
        raw="state-2015-10-14-kirby-briefing-excerpt.txt",
        first=r"^MR KIRBY: ",
        end=None,
        label=r"^(MR KIRBY|QUESTION): ",
    ),
    # The two mailing-list header lines (title, sending date) come before the first turn.
    "2008-03-10-defense-morrell-briefing-excerpt": Sample(
        raw="defense-2008-03-10-morrell-briefing-excerpt.txt",
        first=r"^MR\. MORRELL:",
        end=None,
        label=r"^(MR\. MORRELL:|Q(?=\s))",
    ),
}

IDS = sorted(SAMPLES)
MARKDOWN_ESCAPE = re.compile(r"\\([\[\]*])")


def raw_body_words(sample: Sample) -> list[str]:
    """The words of a raw page's body, in order, by the rules stated in the module doc."""
    path = RAW / sample.raw
    assert path.is_file(), f"raw page {path} is missing: these tests read ../shared/raw"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if re.search(sample.first, line))
    stop = len(lines)
    if sample.end is not None:
        stop = next(n for n in range(start + 1, len(lines)) if re.search(sample.end, lines[n]))
    text = ""
    for line in lines[start:stop]:
        if sample.drop and re.match(sample.drop, line):
            continue
        turn_starts = re.match(sample.label, line) is not None
        joined = sample.join_broken and text.endswith(("-", "—")) and not turn_starts
        text += ("" if joined else "\n") + re.sub(sample.label, "", line)
    return MARKDOWN_ESCAPE.sub(r"\1", text).split()


def transcript_texts(briefing: Briefing) -> list[str]:
    """Every remark, question and answer text, in document order."""
    texts = [remark.text for remark in briefing.remarks]
    for item in briefing.items:
        if isinstance(item, Exchange):
            texts.append(item.question.text)
            texts.extend(answer.text for answer in item.answers)
        else:
            texts.append(item.text)
    return texts


def transcript_words(briefing: Briefing) -> list[str]:
    return [word for text in transcript_texts(briefing) for word in text.split()]


def load_clean(path: Path) -> Briefing:
    briefing, problems = load_file(path)
    assert problems == [], "\n".join(str(problem) for problem in problems)
    assert briefing is not None
    return briefing


def test_every_raw_page_has_one_transcript_in_both_places() -> None:
    raw_pages = {path.name for path in RAW.glob("*.txt")}
    assert raw_pages == {sample.raw for sample in SAMPLES.values()}
    assert {path.stem for path in BUNDLED.glob("*.yaml")} == set(SAMPLES)
    assert {path.stem for path in EXPECTED.glob("*.yaml")} == set(SAMPLES)


@pytest.mark.parametrize("ident", IDS)
def test_both_copies_load_cleanly_and_agree(ident: str) -> None:
    bundled = load_clean(BUNDLED / f"{ident}.yaml")
    expected = load_clean(EXPECTED / f"{ident}.yaml")
    assert bundled.id == ident
    assert bundled == expected


@pytest.mark.parametrize("ident", IDS)
@pytest.mark.parametrize("folder", [BUNDLED, EXPECTED], ids=["bundled", "expected"])
def test_header_names_schema_and_source(ident: str, folder: Path) -> None:
    lines = (folder / f"{ident}.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_LINE[folder]
    assert lines[1].startswith("# Transcribed from ")
    assert "checked by hand against it" in lines[1]


@pytest.mark.parametrize("ident", IDS)
def test_no_word_lost_or_added(ident: str) -> None:
    raw = raw_body_words(SAMPLES[ident])
    written = transcript_words(load_clean(BUNDLED / f"{ident}.yaml"))
    lost = Counter(raw) - Counter(written)
    added = Counter(written) - Counter(raw)
    assert (lost, added) == (Counter(), Counter()), f"lost {dict(lost)}, added {dict(added)}"
    assert raw == written, "same words, but not in the order of the page"


def _statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    statements = list(document.get("remarks") or [])
    for item in document["exchanges"]:
        statements.extend([item["remark"]] if "remark" in item else item["answers"])
    return statements


@pytest.mark.parametrize("ident", IDS)
def test_by_fields_use_canonical_names(ident: str) -> None:
    # The loader accepts aliases; the shared conventions ask for the canonical name, so
    # this reads the file as written rather than the resolved model.
    with (BUNDLED / f"{ident}.yaml").open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    names = {speaker["name"] for speaker in document["speakers"]}
    assert {statement["by"] for statement in _statements(document)} <= names


@pytest.mark.parametrize("ident", IDS)
def test_text_is_normalised(ident: str) -> None:
    # Wrapped lines joined with one space, paragraphs split by exactly one blank line,
    # non-breaking spaces and Markdown escapes gone.
    for text in transcript_texts(load_clean(BUNDLED / f"{ident}.yaml")):
        assert text == text.strip()
        assert "\xa0" not in text
        assert "  " not in text
        assert "\n\n\n" not in text
        assert not re.search(r" \n|\n ", text)
        assert not MARKDOWN_ESCAPE.search(text)


@pytest.mark.parametrize("ident", [ident for ident in IDS if "-whitehouse-" in ident])
def test_white_house_metadata_matches_front_matter(ident: str) -> None:
    # The scraper's front matter is the page's own title, date and address; its title
    # uses non-breaking spaces, which the conventions turn into ordinary ones.
    page = (RAW / SAMPLES[ident].raw).read_text(encoding="utf-8")
    front = yaml.safe_load(page.split("---\n")[1])
    briefing = load_clean(BUNDLED / f"{ident}.yaml")
    assert briefing.title == front["title"].replace("\xa0", " ")
    assert briefing.date.isoformat() == str(front["date"])
    assert briefing.source == front["source_url"]
    assert briefing.fidelity == "verbatim"


def test_shanghai_speakers_and_title_are_the_pages_own() -> None:
    lines = (RAW / SAMPLES["2017-10-11-shanghai-belt-and-road"].raw).read_text("utf-8").splitlines()
    briefing = load_clean(BUNDLED / "2017-10-11-shanghai-belt-and-road.yaml")
    assert [speaker.label() for speaker in briefing.speakers] == [
        line for line in lines if line.split(",")[0] in {s.name for s in briefing.speakers}
    ]
    assert briefing.title in lines
    assert (briefing.date.isoformat(), str(briefing.published)) == ("2017-10-11", "2017-10-31")
    assert briefing.fidelity == "highlights"

"""The 50 search queries of the benchmark and the ``grep -ril`` command for each.

Ten of each kind a journalist types: rare words (a few dozen hits in 10,000 briefings),
common words (hits in most briefings, where ranking every hit would be the cost), quoted
phrases, three-letter prefixes, and filtered queries. Rare words are drawn from the
generator's vocabulary by rank, so they exist in the corpus in known proportion.

The peer is ``grep -ril`` over the same files with the query's words as a fixed string.
It is generous to grep: grep answers "which files contain this text" (no ranking, no
snippets, no speaker or date filter, a prefix matched anywhere in a word), while the
index returns the first page of ranked, located, highlighted results.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench import corpus_data as cd
from bench import generate


@dataclass(frozen=True)
class Query:
    kind: str
    text: str  # as typed into the reader's search box
    grep: str  # the fixed string grep looks for


def queries(seed: int) -> list[Query]:
    words, _ = generate.vocabulary()
    out: list[Query] = []
    for rank in range(20_000, 120_000, 10_000):
        out.append(Query("rare word", words[rank], words[rank]))
    for word in (
        "security",
        "cooperation",
        "trade",
        "government",
        "development",
        "important",
        "economic",
        "question",
        "policy",
        "support",
    ):
        out.append(Query("common word", word, word))
    for phrase in [t.phrase for t in cd.TOPICS][:10]:
        out.append(Query("phrase", f'"{phrase}"', phrase))
    for prefix in ("sec", "coo", "tra", "fin", "dev", "inv", "cli", "nuc", "mar", "reg"):
        out.append(Query("prefix", f"{prefix}*", prefix))
    pool = cd.speaker_pool(seed)
    # Officials with a spaced (pinyin or English) name, from the offices that brief most.
    people = [
        p
        for office in ("mfa", "whitehouse", "state", "scio", "defense")
        for p in pool[office]
        if " " in p.name
    ]
    filters = (
        ("trade", f'speaker:"{people[0].name}"'),
        ("security", f'speaker:"{people[45].name}"'),
        ("climate", "asker:Reuters"),
        ("sanctions", 'asker:"Associated Press"'),
        ("investment", "from:2019-01-01 to:2019-12-31"),
        ("pandemic", "from:2020-01-01"),
        ("tariffs", "to:2016-12-31"),
        ("nuclear", f'speaker:"{people[100].name}" from:2018-01-01'),
        ("energy", "asker:Bloomberg to:2021-06-30"),
        ("migration", "from:2024-01-01 to:2024-03-31"),
    )
    for word, where in filters:
        out.append(Query("filter", f"{word} {where}", word))
    return out


def filtered(seed: int) -> list[Query]:
    """The ten filtered queries of :func:`queries` and four narrowed to ``briefing:``
    (an id prefix: a year, a month, an office's day), each with words."""
    out = [query for query in queries(seed) if query.kind == "filter"]
    for word, where in (
        ("security", "briefing:2019"),
        ("trade", "briefing:2021-06"),
        ('"belt and road"', "briefing:2017"),
        ("cooperation", "briefing:2024-01"),
    ):
        out.append(Query("filter", f"{word} {where}", word.strip('"')))
    return out

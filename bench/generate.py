"""Generate a deterministic corpus of realistic synthetic briefings as transcript YAML.

Usage: ``python bench/generate.py OUT_DIR -n N [--seed S] [--exchanges K]``

Why synthetic: the benchmark needs an archive the size of a newsroom's decade (10,000
briefings, tens of millions of words) that anyone can rebuild bit for bit. Sizes follow
the real figures: foreign-ministry pressers around 1,800 words, White House briefings
near 9,000, 5 to 40 exchanges, answers of 150 to 800 words. Words follow a Zipf-like law
over a 120,000-word vocabulary, so search meets both very common and very rare words;
topic phrases peak in their own years, so "hits over time" has a shape.

Briefing ``i`` depends only on ``(seed, i)``: the first 1,000 files of a 10,000 corpus are
the 1,000-file corpus, and a run can be resumed or extended. The speaker pool (a few
hundred invented people whose roles change over the decade) depends only on the seed.
YAML is written by hand (quoted scalars, literal blocks) because ``yaml.dump`` would be the
slowest part of building 10,000 files; the smoke test proves the output loads cleanly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus_data as cd
from bench import vocabulary as voc

VOCAB_SIZE = 120_000
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)


@functools.cache
def vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Words by rank and their cumulative Zipf-Mandelbrot weights (fixed, seed-independent)."""
    words = list(dict.fromkeys(voc.COMMON + voc.DOMAIN))
    seen = set(words)
    rng = random.Random(20240601)
    while len(words) < VOCAB_SIZE:
        parts = rng.choices(voc.SYLLABLES, k=rng.choice((2, 2, 3, 3, 4)))
        word = "".join(parts) + rng.choice(voc.CODAS)
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = (1.0 / (rank + 2.7) ** 1.02 for rank in range(len(words)))
    return tuple(words), tuple(itertools.accumulate(weights))


@functools.cache
def chinese_vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    words = tuple(dict.fromkeys(voc.CHINESE_WORDS))
    weights = (1.0 / (rank + 1.5) for rank in range(len(words)))
    return words, tuple(itertools.accumulate(weights))


class Writer:
    """Draws sentences, paragraphs and numbered lists for one briefing."""

    def __init__(self, rng: random.Random, language: str, phrases: Sequence[str]) -> None:
        self.rng = rng
        self.chinese = language == "zh-Hans"
        self.words, self.cum = chinese_vocabulary() if self.chinese else vocabulary()
        self.phrases = list(phrases)

    def sentence(self, n: int, end: str = ".") -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        if self.chinese:
            return "".join(words) + ("？" if end == "?" else "。")
        if self.phrases and self.rng.random() < 0.25:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(self.phrases))
        text = " ".join(words)
        return text[0].upper() + text[1:] + end

    def sentences(self, total: int, end: str = ".") -> list[str]:
        out: list[str] = []
        while total > 0:
            n = min(total, self.rng.randint(8, 28))
            out.append(self.sentence(max(n, 3), end))
            total -= n
        return out

    def text(self, words: int, *, lists: bool = True, end: str = ".") -> str:
        """``words`` words in paragraphs of 2 to 6 sentences; sometimes a numbered list."""
        sentences = self.sentences(words, end)
        paragraphs: list[str] = []
        while sentences:
            take = self.rng.randint(2, 6)
            chunk, sentences = sentences[:take], sentences[take:]
            if lists and len(chunk) >= 3 and self.rng.random() < 0.08:
                chunk = [f"{k}. {s}" for k, s in enumerate(chunk, 1)]
                paragraphs.append("\n".join(chunk))
            else:
                paragraphs.append(("" if self.chinese else " ").join(chunk))
        return "\n\n".join(paragraphs)


def answer_words(rng: random.Random) -> int:
    """150 to 800 words, most answers short: 150 plus an exponential tail, capped."""
    return 150 + min(650, int(rng.expovariate(1 / 115)))


def draw_date(rng: random.Random) -> dt.date:
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
    if day.weekday() >= 5:  # briefings are held on weekdays
        day -= dt.timedelta(days=day.weekday() - 4)
    return day


def draw_topics(rng: random.Random, year: int) -> list[cd.Topic]:
    """One to three topics, favouring those whose peak year is near the briefing's."""
    weights = [0.05 + 2.0 ** -abs(year - t.peak) for t in cd.TOPICS]
    count = rng.choice((1, 1, 2, 2, 3))
    return list(dict.fromkeys(rng.choices(cd.TOPICS, weights=weights, k=count)))


def q(value: str) -> str:
    """A YAML double-quoted scalar; JSON string syntax is a subset of it."""
    return json.dumps(value, ensure_ascii=False)


def block(text: str, indent: str) -> str:
    """A literal block (``|-``): paragraphs and list line breaks kept exactly."""
    lines = [indent + line if line else "" for line in text.split("\n")]
    return "|-\n" + "\n".join(lines)


@dataclass(frozen=True)
class Spoken:
    by: str
    text: str


def briefing_yaml(seed: int, index: int, exchanges: int | None = None) -> tuple[str, str]:
    """Return ``(relative path, YAML text)`` of briefing ``index`` of the corpus ``seed``."""
    rng = random.Random(f"{seed}/{index}")
    pool = cd.speaker_pool(seed)
    office = rng.choices(cd.OFFICES, weights=[o.weight for o in cd.OFFICES])[0]
    day = draw_date(rng)
    language = "zh-Hans" if rng.random() < office.chinese_share else "en"
    topics = draw_topics(rng, day.year)
    writer = Writer(rng, language, [t.phrase for t in topics])
    chinese = language == "zh-Hans"

    speakers = cd.podium(rng, pool, office, day, chinese)
    names = [s.name for s in speakers]
    official = [s for s in speakers if not s.moderator]
    moderator = next((s for s in speakers if s.moderator), None)

    target = int(rng.lognormvariate(0, 0.35) * office.median_words)
    opening: list[Spoken] = []
    if rng.random() < 0.5:
        opening.append(Spoken(official[0].name, writer.text(rng.randint(60, 300))))
    # An exchange averages about 400 words (a 20-80 word question, 1.14 answers of ~270,
    # topic phrases and the odd remark between exchanges).
    spare = target - (len(opening[0].text.split()) if opening else 0)
    count = exchanges if exchanges is not None else max(5, min(40, round(spare / 400)))

    lines = ["format: briefing-transcript/1"]
    title = cd.title(rng, office, day, official[0], topics, chinese)
    lines += [f"title: {q(title)}", f"date: {day.isoformat()}"]
    if rng.random() < 0.7:
        published = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 7, 20)))
        lines.append(f"published: {published.isoformat()}")
    lines += [f"organizer: {q(office.name)}", f"location: {q(office.location)}"]
    lines.append(f"language: {language}")
    ident = f"{day.isoformat()}-{office.slug}-{index:05d}"
    if rng.random() < 0.8:
        lines.append(f"source: {q(office.source + ident)}")
    fidelity = rng.choices(("verbatim", "edited", "highlights"), weights=(6, 3, 1))[0]
    lines.append(f"fidelity: {fidelity}")
    if rng.random() < 0.4:
        lines.append(f"summary: {block(writer.text(rng.randint(40, 120), lists=False), '  ')}")
    lines.append("tags: [" + ", ".join(q(t.tag) for t in topics) + "]")

    lines += ["", "speakers:"]
    for s in speakers:
        lines.append(f"  - name: {q(s.name)}")
        if s.role:
            lines.append(f"    role: {q(s.role)}")
        if s.aliases:
            lines.append("    aliases: [" + ", ".join(q(a) for a in s.aliases) + "]")
    if opening:
        lines += ["", "remarks:"]
        for spoken in opening:
            lines += [f"  - by: {q(spoken.by)}", f"    text: {block(spoken.text, '      ')}"]

    lines += ["", "exchanges:" if count else "exchanges: []"]
    for number in range(count):
        asker = cd.asker(rng, chinese)
        lines.append("  - question:")
        if asker is not None:
            lines.append(f"      by: {q(asker)}")
        question = writer.text(rng.randint(20, 80), lists=False, end="?")
        lines.append(f"      text: {block(question, '        ')}")
        answers = rng.choices((0, 1, 2), weights=(3, 80, 17))[0]
        if not answers:
            lines.append("    answers: []")
        else:
            lines.append("    answers:")
        for k in range(answers):
            speaker = official[0] if k == 0 and rng.random() < 0.7 else rng.choice(official)
            by = rng.choice(speaker.aliases) if speaker.aliases and rng.random() < 0.2 else None
            lines.append(f"      - by: {q(by or speaker.name)}")
            lines.append(f"        text: {block(writer.text(answer_words(rng)), '          ')}")
        if number + 1 < count and rng.random() < 0.12:
            who = moderator or official[0]
            said = rng.choice(cd.INTERJECTIONS_ZH if chinese else cd.INTERJECTIONS)
            if rng.random() < 0.3:
                said = writer.text(rng.randint(20, 60), lists=False)
            lines += ["  - remark:", f"      by: {q(who.name)}", f"      text: {q(said)}"]
    if moderator is not None and rng.random() < 0.5:
        closing = cd.INTERJECTIONS_ZH[-1] if chinese else cd.INTERJECTIONS[-1]
        lines += ["  - remark:", f"      by: {q(moderator.name)}", f"      text: {q(closing)}"]
    assert len(set(names)) == len(names)
    return f"{day.year}/{ident}.yaml", "\n".join(lines) + "\n"


def generate(
    out: Path, n: int, seed: int = 1, exchanges: int | None = None, start: int = 0
) -> list[Path]:
    """Write briefings ``start .. start+n-1`` under ``out``; return their paths."""
    paths: list[Path] = []
    for index in range(start, start + n):
        relative, text = briefing_yaml(seed, index, exchanges)
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the briefings into")
    parser.add_argument("-n", type=int, default=1000, help="number of briefings (1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument(
        "--exchanges", type=int, default=None, help="fixed number of exchanges per briefing"
    )
    args = parser.parse_args(argv)
    if args.n < 0 or (args.exchanges is not None and args.exchanges < 0):
        parser.error("-n and --exchanges must not be negative")
    paths = generate(args.out, args.n, args.seed, args.exchanges)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} briefings, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

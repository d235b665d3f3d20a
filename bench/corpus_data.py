"""Who holds the synthetic briefings, who speaks, who asks, and what they are about.

Kept apart from the text generator so the shape of the archive (offices and their share of
it, the speaker pool and its careers, topics and their peak years) can be read in one
place. Office sizes follow real figures: a foreign ministry holds a short presser nearly
every working day (median about 1,800 words), the White House fewer and far longer ones
(near 9,000 words).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from bench import vocabulary as voc


@dataclass(frozen=True)
class Office:
    slug: str
    name: str
    name_zh: str
    location: str
    median_words: int
    weight: float
    chinese_share: float
    source: str
    staff: int
    podium: tuple[int, int]
    moderator_share: float
    role_word: str


OFFICES = (
    Office(
        "mfa",
        "Ministry of Foreign Affairs of the People's Republic of China",
        "外交部",
        "Beijing",
        1800,
        0.45,
        0.15,
        "https://www.fmprc.example/briefings/",
        40,
        (1, 1),
        0.0,
        "Spokesperson",
    ),
    Office(
        "whitehouse",
        "The White House",
        "白宫",
        "James S. Brady Press Briefing Room",
        9000,
        0.12,
        0.0,
        "https://www.whitehouse.example/briefing-room/",
        45,
        (1, 3),
        0.2,
        "Secretary",
    ),
    Office(
        "state",
        "U.S. Department of State",
        "美国国务院",
        "Washington, D.C.",
        6000,
        0.12,
        0.0,
        "https://www.state.example/briefings/",
        55,
        (1, 2),
        0.1,
        "Spokesperson",
    ),
    Office(
        "defense",
        "U.S. Department of Defense",
        "美国国防部",
        "The Pentagon",
        5000,
        0.08,
        0.0,
        "https://www.defense.example/transcripts/",
        55,
        (1, 3),
        0.3,
        "Secretary",
    ),
    Office(
        "scio",
        "State Council Information Office",
        "国务院新闻办公室",
        "Beijing",
        4000,
        0.13,
        0.4,
        "https://www.scio.example/xwfbh/",
        80,
        (2, 5),
        0.9,
        "Director",
    ),
    Office(
        "shanghai",
        "Shanghai Municipal Government Information Office",
        "上海市政府新闻办",
        "Shanghai",
        3000,
        0.10,
        0.3,
        "https://www.shanghai.example/press/",
        60,
        (2, 5),
        0.9,
        "Director",
    ),
)


@dataclass(frozen=True)
class Topic:
    tag: str
    phrase: str
    label: str
    label_zh: str
    peak: int


TOPICS = tuple(
    Topic(tag, phrase, label, zh, peak)
    for tag, phrase, label, zh, peak in (
        ("belt-and-road", "belt and road", "the Belt and Road Initiative", "一带一路", 2017),
        ("supply-chains", "supply chain resilience", "supply chains", "供应链", 2021),
        ("climate", "climate change", "climate and energy", "气候变化", 2019),
        ("trade", "trade deficit", "trade", "贸易", 2018),
        ("human-rights", "human rights", "human rights", "人权", 2016),
        ("south-china-sea", "South China Sea", "maritime issues", "南海", 2016),
        ("taiwan", "one China principle", "cross-strait relations", "台湾问题", 2022),
        ("fta", "free trade agreement", "free trade agreements", "自由贸易协定", 2015),
        ("debt", "debt relief", "development finance", "债务减免", 2020),
        ("peace-talks", "peace talks", "regional security", "和谈", 2023),
        ("order", "rules-based order", "international order", "国际秩序", 2024),
        ("cooperation", "win-win cooperation", "economic cooperation", "合作共赢", 2019),
        ("security", "national security", "national security", "国家安全", 2020),
        ("export-controls", "export controls", "technology and export controls", "出口管制", 2023),
        ("covid-19", "public health emergency", "the pandemic response", "疫情防控", 2020),
        ("investment", "foreign direct investment", "investment", "外商投资", 2018),
        ("carbon", "carbon neutrality", "carbon neutrality", "碳中和", 2021),
        ("korea", "the Korean Peninsula", "the Korean Peninsula", "朝鲜半岛", 2018),
        ("nonproliferation", "nuclear non-proliferation", "arms control", "核不扩散", 2015),
        ("ceasefire", "the ceasefire agreement", "the ceasefire", "停火协议", 2025),
    )
)

INTERJECTIONS = (
    "Next question, please.",
    "Go ahead.",
    "We have time for two more questions.",
    "Let's go to the phones.",
    "Thank you. That concludes today's briefing.",
)
INTERJECTIONS_ZH = (
    "请下一位记者提问。",
    "请提问。",
    "最后两个问题。",
    "今天的发布会到此结束，谢谢大家。",
)

OUTLETS_ZH = (
    "新华社",
    "中央广播电视总台",
    "人民日报",
    "凤凰卫视",
    "环球时报",
    "中国日报",
    "澎湃新闻",
)


@dataclass(frozen=True)
class Person:
    """An invented official with a career: roles by the day they began, within a tenure."""

    name: str
    surname: str
    office: str
    start: dt.date
    end: dt.date
    roles: tuple[tuple[dt.date, str], ...]
    aliased: bool

    def role_on(self, day: dt.date) -> str:
        current = self.roles[0][1]
        for since, role in self.roles:
            if since <= day:
                current = role
        return current


@dataclass(frozen=True)
class Seat:
    """A speaker as one briefing lists them."""

    name: str
    role: str | None
    aliases: tuple[str, ...] = ()
    moderator: bool = False


def _person(rng: random.Random, office: Office, taken: set[str]) -> Person:
    chinese_office = office.chinese_share > 0
    while True:
        if chinese_office and rng.random() < 0.25:
            surname = rng.choice(voc.CHINESE_SURNAMES)
            name = surname + "".join(rng.choices(voc.CHINESE_GIVEN, k=rng.choice((1, 2))))
        elif chinese_office and rng.random() < 0.9:
            surname = rng.choice(voc.SURNAMES[:20])
            name = f"{surname} {rng.choice(voc.GIVEN_CHINESE)}"
        else:
            surname = rng.choice(voc.SURNAMES[20:])
            name = f"{rng.choice(voc.GIVEN_ENGLISH)} {surname}"
        if name not in taken:
            taken.add(name)
            break
    span = (dt.date(2025, 12, 31) - dt.date(2014, 1, 1)).days
    start = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(span - 400))
    end = min(dt.date(2025, 12, 31), start + dt.timedelta(days=rng.randint(700, 3000)))
    templates = rng.sample(voc.ROLE_TEMPLATES, k=rng.randint(1, 3))
    steps = sorted(rng.sample(range((end - start).days), k=len(templates) - 1))
    since = [start] + [start + dt.timedelta(days=d) for d in steps]
    roles = tuple((d, t.format(org=office.name)) for d, t in zip(since, templates, strict=True))
    return Person(name, surname, office.slug, start, end, roles, rng.random() < 0.3)


@functools.cache
def speaker_pool(seed: int) -> dict[str, tuple[Person, ...]]:
    """A few hundred recurring people, by office; depends only on the seed."""
    rng = random.Random(f"pool/{seed}")
    taken: set[str] = set()
    return {o.slug: tuple(_person(rng, o, taken) for _ in range(o.staff)) for o in OFFICES}


def podium(
    rng: random.Random,
    pool: dict[str, tuple[Person, ...]],
    office: Office,
    day: dt.date,
    chinese: bool,
) -> list[Seat]:
    """The speakers of one briefing: people in office that day, with that day's roles."""
    staff = pool[office.slug]
    active = [p for p in staff if p.start <= day <= p.end]
    if not active:
        active = sorted(
            staff, key=lambda p: min(abs((p.start - day).days), abs((p.end - day).days))
        )[:3]
    count = min(len(active), rng.randint(*office.podium))
    people = rng.sample(active, k=count)
    surnames = [p.surname for p in people]
    seats: list[Seat] = []
    for person in people:
        aliases: tuple[str, ...] = ()
        if person.aliased and surnames.count(person.surname) == 1 and " " in person.name:
            aliases = (f"{office.role_word} {person.surname}",)
        role = person.role_on(day)
        if chinese:
            role = f"{office.name_zh}{rng.choice(('发言人', '新闻司司长', '副主任', '主任'))}"
        seats.append(Seat(person.name, role, aliases))
    if rng.random() < office.moderator_share:
        role = "主持人" if chinese else "moderator of the briefing"
        seats.insert(0, Seat("Moderator", role, ("主持人",) if chinese else (), moderator=True))
    return seats


def title(
    rng: random.Random, office: Office, day: dt.date, lead: Seat, topics: list[Topic], zh: bool
) -> str:
    topic = topics[0]
    when = f"{day:%B} {day.day}, {day.year}"
    if zh:
        if office.slug == "mfa":
            return (
                f"{office.name_zh}发言人{lead.name}{day.year}年{day.month}月{day.day}日例行记者会"
            )
        return f"{office.name_zh}就{topic.label_zh}举行新闻发布会"
    if office.slug == "mfa":
        return f"Foreign Ministry Spokesperson {lead.name}'s Regular Press Conference on {when}"
    if office.slug == "whitehouse":
        return rng.choice(
            (
                f"Press Briefing by {lead.name}",
                f"Press Gaggle by {lead.name} Aboard Air Force One",
                f"On-the-Record Press Call on {topic.label}",
            )
        )
    if office.slug == "state":
        return f"Department Press Briefing – {when}"
    if office.slug == "defense":
        return rng.choice((f"{lead.name} Holds a Press Briefing", f"Briefing on {topic.label}"))
    return f"Press conference on {topic.label} ({office.location})"


def asker(rng: random.Random, chinese: bool) -> str | None:
    """An outlet, a named journalist of an outlet, or nobody (the record does not say)."""
    roll = rng.random()
    if roll < 0.2:
        return None
    outlet = rng.choice(OUTLETS_ZH if chinese else voc.OUTLETS)
    if roll < 0.8:
        return outlet
    if chinese or rng.random() < 0.2:
        name = rng.choice(voc.CHINESE_SURNAMES) + rng.choice(voc.CHINESE_GIVEN)
    else:
        name = f"{rng.choice(voc.GIVEN_ENGLISH)} {rng.choice(voc.SURNAMES[20:])}"
    return f"{name}, {outlet}"

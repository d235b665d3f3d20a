"""Word lists and name pools behind the synthetic corpus.

The generator draws from these lists rather than from real transcripts so the corpus can
be as large as a decade of archives without shipping one, and so no invented sentence is
ever attributed to a real official: every person is made up from name parts, while the
offices and outlets are the kind a newsroom actually follows (they shape the asker and
organizer columns, not what anyone says).

The English head of the vocabulary is real words in rough frequency order, so common
queries ("trade", "security") hit the way they would in a real archive; the long tail is
made of pronounceable invented words, so rare-word queries have few, known hits.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# Function words and the most frequent words of spoken English, most frequent first.
COMMON = _words(
    """
the of and to a in that is we it for on this with as be are have not our will
i you they at by but from has what which there about all more their can would
been was one so also do if very an its people these us some those other up time
said new just think know because when who out make very country countries
"""
)

# Words of diplomacy, trade, security and government: the middle of the distribution.
DOMAIN = _words(
    """
question cooperation relations development security economic international
government president minister policy trade side issue important support
situation meeting region visit state national global work china united states
parties talks peace agreement process efforts world partners relationship
dialogue sovereignty stability measures president’s ministry foreign affairs
investment economy growth market tariffs sanctions military defense forces
alliance energy climate change health pandemic vaccine supply chain technology
infrastructure project projects initiative belt road financing financial bank
law rule rules human rights democracy election congress administration budget
taxes jobs workers families inflation prices oil gas nuclear weapons missile
treaty council summit leaders delegation ambassador embassy consulate citizens
safety travel border migration refugees humanitarian aid assistance funding
reform opening innovation enterprises companies industry manufacturing exports
imports consumption services digital data cyber internet platform standards
environment emissions carbon green renewable water food agriculture farmers
education students universities culture tourism exchanges media journalists
press freedom information transparency responsibility commitment principle
position concern concerns interests stance response statement announcement
report reports comment comments details plan plans strategy framework mechanism
negotiation negotiations consensus differences dispute disputes resolution
maritime sea island islands territorial waters navigation patrol exercise
exercises deployment troops ceasefire conflict war attack attacks violence
terrorism counterterrorism intelligence investigation court justice police
regulation regulations approval license review oversight accountability
partnership partnership’s neighbors neighboring bilateral multilateral regional
organization united nations wto imf g20 asean apec brics nato union european
africa asia pacific latin america middle east gulf europe russia japan korea
india pakistan australia canada mexico brazil germany france britain italy
iran israel ukraine taiwan hong kong xinjiang tibet beijing washington moscow
brussels tokyo seoul delhi shanghai london paris berlin geneva new york
"""
)

# Multi-word expressions injected as units, so phrase queries have real hits that rise
# and fall with the topic's year (see generate.TOPICS).
PHRASES = (
    "belt and road",
    "supply chain resilience",
    "climate change",
    "trade deficit",
    "human rights",
    "South China Sea",
    "one China principle",
    "free trade agreement",
    "debt relief",
    "peace talks",
    "rules-based order",
    "win-win cooperation",
    "national security",
    "export controls",
    "public health emergency",
    "foreign direct investment",
    "carbon neutrality",
    "the Korean Peninsula",
    "nuclear non-proliferation",
    "the ceasefire agreement",
)

SYLLABLES = _words(
    """
ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no
nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo
bran cor dal fen gor hal jun kel lin mor nar pol quin ros sel tam ver wil xan yor zan
"""
)

CODAS = ("", "n", "r", "s", "l", "t", "m", "x", "nd", "rt", "ll", "sh", "ck", "ng")

# Common Chinese words (two characters mostly) for the zh-Hans briefings.
CHINESE_WORDS = _words(
    """
我们 中国 合作 发展 问题 国家 关系 双方 国际 安全 经济 政府 世界 和平 地区
支持 坚持 推动 加强 共同 重要 原则 立场 主权 领土 稳定 对话 协商 会议 访问
领导人 外交部 发言人 记者 提问 回答 表示 认为 希望 有关 方面 情况 工作 政策
贸易 投资 市场 开放 改革 创新 技术 产业 企业 能源 气候 变化 环境 绿色 卫生
疫情 疫苗 人民 社会 历史 文化 教育 交流 友好 伙伴 战略 全面 深化 互利 共赢
一带一路 多边 主义 联合国 组织 机制 框架 倡议 建设 项目 基础 设施 金融 银行
美国 日本 韩国 俄罗斯 欧洲 非洲 亚洲 东盟 台湾 香港 新疆 西藏 南海 岛屿 海上
军事 演习 导弹 核 武器 制裁 关税 谈判 协议 共识 分歧 争端 解决 和平 发展 进程
"""
)

SURNAMES = _words(
    """
Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo
Smith Johnson Brown Miller Davis Garcia Rodriguez Wilson Anderson Taylor Thomas Moore
Martin Jackson Thompson White Harris Clark Lewis Walker Hall Young Allen King Wright
Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker
"""
)

GIVEN_CHINESE = _words(
    """
Wei Fang Min Jing Lei Jun Yan Hong Ping Gang Tao Ming Hua Xin Yu Bin Chao Hui Kai Qiang
Ning Lan Feng Jie Liang Shu Wen Zhiping Guoqing Sizheng Jianguo Xiaoming Haiyan Yufei
"""
)

GIVEN_ENGLISH = _words(
    """
James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Karen Daniel Nancy Matthew Lisa Anthony Betty
Mark Margaret Paul Sandra Steven Ashley Andrew Kimberly Joshua Emily Kevin Donna Brian
"""
)

CHINESE_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
CHINESE_GIVEN = "伟芳敏静磊军燕红平刚涛明华新宇斌超辉凯强宁兰峰杰亮淑文志国建"

OUTLETS = """
Reuters|AFP|Associated Press|Bloomberg|CCTV|Xinhua News Agency|China Daily|Global Times|
NHK|Kyodo News|Yonhap|TASS|RIA Novosti|BBC|CNN|Fox News|NBC News|CBS News|ABC News|
The New York Times|The Washington Post|The Wall Street Journal|Financial Times|
The Guardian|Al Jazeera|Deutsche Welle|Le Monde|Nikkei|South China Morning Post|
Phoenix TV|China Review News|Shenzhen TV|STV|The Paper|Caixin|CGTN|Politico|Axios|
NPR|PBS NewsHour|EFE|ANSA|Anadolu Agency|Press Trust of India|Dawn|Straits Times
""".replace("\n", "").split("|")

ROLE_TEMPLATES = (
    "spokesperson, {org}",
    "deputy spokesperson, {org}",
    "director general, information department, {org}",
    "deputy director general, {org}",
    "press secretary, {org}",
    "principal deputy press secretary, {org}",
    "senior official, {org}",
    "assistant secretary, {org}",
    "under secretary for policy, {org}",
    "director, office of public affairs, {org}",
    "vice minister, {org}",
    "chief economist, {org}",
)

"""Words as search sees them: one tokenizer shared by the index, the query and the highlighter.

SQLite's ``unicode61`` tokenizer splits on anything that is not a letter or a digit, folds
case and strips diacritics. It keeps a run of Chinese or Japanese characters as a single
token, which would make a two-character word inside a sentence unfindable, so the index
stores a *search form* of each text with a space around every ideograph or kana: each
character becomes a token and a word becomes a phrase of consecutive characters.

The highlighter (:func:`match_spans`) re-implements the same tokenization in Python so that
the words highlighted in a snippet or in an opened briefing are the words the index matched;
the text shown is always the original text, and spans are offsets into it (no markup).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

_CJK_RANGES = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0002ffff"  # extensions B and beyond
)


# The two patterns are compiled on first use, not on import: compiling them costs a few
# milliseconds that the reader's first frame and a search process would otherwise pay
# before they need them.
@functools.cache
def _cjk() -> re.Pattern[str]:
    return re.compile(f"([{_CJK_RANGES}])")


@functools.cache
def _token() -> re.Pattern[str]:
    # A token: one ideograph/kana, or a run of other letters and digits (underscore is a
    # separator for unicode61, so it is excluded from \w here).
    return re.compile(f"[{_CJK_RANGES}]|(?:(?![{_CJK_RANGES}])[^\\W_])+")


def search_form(text: str) -> str:
    """The text as the full-text index stores it: every ideograph/kana its own token."""
    # split() keeps each ideograph as its own piece without a Python call per match
    # (re.sub with a template was a third of the indexing time on Chinese text).
    cjk = _cjk()
    return " ".join(cjk.split(text)) if cjk.search(text) else text


def is_ideographic(token: str) -> bool:
    """Whether ``token`` is made of ideographs or kana (each is a token of its own)."""
    return bool(token) and _cjk().fullmatch(token[0]) is not None


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a token, as ``unicode61 remove_diacritics 2``."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` for every token of ``text``."""
    return [(m.start(), m.end(), fold(m.group())) for m in _token().finditer(text)]


def term_tokens(term: str) -> tuple[list[str], bool]:
    """The folded tokens of a search term and whether its last token is a prefix."""
    prefix = term.endswith("*")
    words = [folded for _, _, folded in tokens(term.rstrip("*"))]
    return words, prefix


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the search terms occur in ``text``: sorted, non-overlapping ``(start, end)``.

    A term is a word (``budget``), a prefix (``financ*``) or a phrase of several words
    (``belt and road``); matching ignores case and accents and respects word boundaries,
    exactly like the index. The reader uses this to highlight matches in an opened
    briefing and to step through them with ``n``/``N``.
    """
    patterns = [p for p in (term_tokens(t) for t in terms) if p[0]]
    if not patterns:
        return []
    fast = _ascii_pattern(tuple((tuple(words), prefix) for words, prefix in patterns))
    if fast is not None and _ascii_words_only(text):
        return _merge([(m.start(), m.start() + len(m.group(1))) for m in fast.finditer(text)])
    return spans_by_tokens(text, patterns)


def spans_by_tokens(text: str, patterns: Sequence[tuple[list[str], bool]]) -> list[tuple[int, int]]:
    """The reference matcher: token by token, for any script (see :func:`match_spans`)."""
    toks = tokens(text)
    spans: list[tuple[int, int]] = []
    for i in range(len(toks)):
        best_end = -1
        for words, prefix in patterns:
            end = _match_at(toks, i, words, prefix)
            if end is not None:
                best_end = max(best_end, end)
        if best_end >= 0:
            spans.append((toks[i][0], best_end))
    return _merge(spans)


_ALNUM = "A-Za-z0-9"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_words_only(text: str) -> bool:
    """True when every letter and digit of ``text`` is ASCII (curly quotes and dashes are
    fine): then a token is exactly a run of ``[A-Za-z0-9]`` and folding is lower-casing."""
    return text.isascii() or not any(ch.isalnum() for ch in set(_NON_ASCII.findall(text)))


@functools.lru_cache(maxsize=64)
def _ascii_pattern(patterns: tuple[tuple[tuple[str, ...], bool], ...]) -> re.Pattern[str] | None:
    """One regex doing what the token loop does, for ASCII terms over ASCII words.

    Opening a long briefing with highlights runs this over every paragraph, and the token
    loop costs ~0.2 ms per kilobyte. The lookahead makes every token start a candidate, as
    the loop does, so overlapping terms still merge into one span.
    """
    if not all(word.isascii() for words, _ in patterns for word in words):
        return None
    alternatives = []
    for words, prefix in sorted(patterns, key=lambda p: -len(p[0])):
        body = f"[^{_ALNUM}]+".join(re.escape(word) for word in words)
        tail = f"[{_ALNUM}]*" if prefix else f"(?![{_ALNUM}])"
        alternatives.append(body + tail)
    return re.compile(f"(?<![{_ALNUM}])(?=({'|'.join(alternatives)}))", re.IGNORECASE | re.ASCII)


def _match_at(
    toks: Sequence[tuple[int, int, str]], i: int, words: Sequence[str], prefix: bool
) -> int | None:
    if i + len(words) > len(toks):
        return None
    last = len(words) - 1
    for j, word in enumerate(words):
        folded = toks[i + j][2]
        if folded == word or (j == last and prefix and folded.startswith(word)):
            continue
        return None
    return toks[i + last][1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_WS = re.compile(r"\s+")


def _anchor(text: str, terms: Sequence[str]) -> int:
    """Offset of the first match, found without tokenizing the whole text when possible.

    Answers run to thousands of words and a results page holds dozens of them, so the
    common case (ASCII terms) is a C-speed regex search for each term's first word; the
    match is confirmed on the excerpt anyway. Other terms take the exact, slower route.
    """
    firsts: list[str] = []
    for term in terms:
        words, prefix = term_tokens(term)
        if not words:
            continue
        if not all(w.isascii() for w in words):
            spans = match_spans(text, terms)
            return spans[0][0] if spans else 0
        tail = "" if prefix and len(words) == 1 else r"(?![^\W_])"
        firsts.append(r"(?<![^\W_])" + re.escape(words[0]) + tail)
    if not firsts:
        return 0
    found = re.search("|".join(firsts), text, re.IGNORECASE)
    if found is None:
        spans = match_spans(text, terms)
        return spans[0][0] if spans else 0
    return found.start()


def snippet(
    text: str, terms: Sequence[str], width: int = 160
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of ``text`` around its first match, with the match spans in it.

    Whitespace (paragraph breaks included) is collapsed to single spaces so a snippet fits a
    list row; the cut falls on word boundaries and is marked with an ellipsis.
    """
    anchor = _anchor(text, terms)
    start = max(0, anchor - width // 3)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and anchor - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    excerpt = _WS.sub(" ", text[start:end]).strip()
    # A cut is marked once: not again where the text itself trails off there ("been…").
    if start > 0 and not excerpt.startswith(("…", "...")):
        excerpt = "…" + excerpt
    if end < len(text) and not excerpt.endswith(("…", "...")):
        excerpt += "…"
    return excerpt, tuple(match_spans(excerpt, terms))

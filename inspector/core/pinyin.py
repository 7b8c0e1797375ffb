"""Pinyin keys of Chinese names: how names sort, and how ``czhk`` finds 常州华科.

The keys are computed once, when a name is written (``EnterpriseService``, the roster import, the
demo generator, migration 0012), and stored beside it with an index, so a search or a sort never
converts text at query time. pypinyin converts phrase-aware: 重庆 is chongqing and 长沙 changsha,
while 行 in 银行 reads hang. Its dictionaries take about 0.4 s to load, so it is imported on first use,
not when the app starts.

Keys are lower-case ASCII: each Chinese character gives its syllable (full key) and the syllable's
first letter (initials); Latin letters and digits are kept as they are (lower-cased, full-width
forms folded), in both keys; anything else (spaces, brackets, punctuation) is left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK ideographs (basic block, Extension A, compatibility, Extensions B–F) and 〇.
_HAN_RUN = re.compile("([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]+)")
_KEPT = re.compile("[a-z0-9]+")
_QUERY = re.compile("[a-z]+")
_QUERY_SEPARATORS = re.compile("[\\s']+")  # "chang zhou", "xi'an"


def pinyin_keys(text: str) -> tuple[str, str]:
    """``(initials, full)`` of ``text``: 常州华科ABC化工 → ("czhkabchg", "changzhouhuakeabchuagong")."""
    from pypinyin import Style, lazy_pinyin  # loaded on first use: its dictionaries are large

    initials: list[str] = []
    full: list[str] = []
    for i, run in enumerate(_HAN_RUN.split(unicodedata.normalize("NFKC", text))):
        if i % 2:  # a run of Chinese characters: converted as a whole, so phrases pick the reading
            for syllable in lazy_pinyin(run, style=Style.TONE, errors="ignore"):
                letters = _toneless(syllable)
                if letters:
                    initials.append(letters[0])
                    full.append(letters)
        else:
            for word in _KEPT.findall(run.lower()):
                initials.append(word)
                full.append(word)
    return "".join(initials), "".join(full)


@lru_cache(maxsize=2048)
def _toneless(syllable: str) -> str:
    """cháng → chang, lǜ → lv. pypinyin's own toneless style is a third slower than this cache
    (the migration converts every registered name at once)."""
    bare = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    return "".join(_KEPT.findall(bare))


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """For sorting names in memory the way the stored keys sort them in SQL: pinyin, then the text."""
    return pinyin_keys(text)[1], text


def pinyin_query(text: str) -> str | None:
    """The lower-case pinyin a search text spells (``CZHK`` → "czhk", "chang zhou" → "changzhou"),
    or None when it is not letters only (Chinese, a credit code, an address number)."""
    letters = _QUERY_SEPARATORS.sub("", unicodedata.normalize("NFKC", text).strip().lower())
    return letters if letters and _QUERY.fullmatch(letters) and letters.isascii() else None


def prefix_end(prefix: str) -> str:
    """The smallest string after every string that starts with ``prefix`` (for a range scan of an
    index: ``prefix <= key < prefix_end(prefix)``); keys and queries are ASCII."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)

"""A page's language from its text, for pages whose markup does not declare it.

Cheap on purpose: the script decides for the languages a script names (kana,
Hangul, Arabic, ...); for Latin script, the language whose commonest function
words make up the largest share of the first few hundred words wins, and only
when it wins clearly. Undecided is None, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from services.cleaner.metakeys import SCRIPTS, STOPWORDS

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 3000
#: The best language must hold at least this share of the sampled words ...
_MIN_SHARE = 0.12
#: ... and this many times the share of the runner-up.
_MARGIN = 1.5
_UKRAINIAN = frozenset("іїєґ")


def _by_script(sample: str) -> str | None:
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for char in letters:
        point = ord(char)
        for lang, first, last in SCRIPTS:
            if first <= point <= last:
                counts[lang] += 1
                break
    if not counts:
        return None
    lang, count = counts.most_common(1)[0]
    if counts["ja"] and counts["ja"] * 10 >= count:  # kana among Han characters
        lang, count = "ja", count + counts["ja"]
    if count * 2 < len(letters):
        return None
    if lang == "ru" and any(c in _UKRAINIAN for c in sample.lower()):
        return "uk"
    return lang


def guess_language(paragraphs: Sequence[str]) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text does not say clearly."""
    sample = " ".join(paragraphs)[:_SAMPLE_CHARS]
    by_script = _by_script(sample)
    if by_script is not None:
        return by_script
    words = _WORD.findall(sample.lower())
    if len(words) < 20:
        return None
    shares = sorted(((sum(w in stop for w in words) / len(words), lang)
                     for lang, stop in STOPWORDS.items()), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= _MIN_SHARE and best >= _MARGIN * second else None

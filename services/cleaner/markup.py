"""The page parsed once: the lxml tree every later step reads, and the texts of its links.

trafilatura, the metadata reader and the boilerplate pass all need the parsed
page; parsing is a fifth of the cost of cleaning a page, so it happens here,
once, with trafilatura's own loader (encoding repair and the same parser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from trafilatura.utils import load_html

_WORD = re.compile(r"\w+")
_URLISH = re.compile(r"\s*(https?://|www\.)", re.IGNORECASE)
#: Links shorter than this many words are menus and buttons; paragraphs that
#: short are judged by the line patterns instead.
MIN_LINK_WORDS = 3


def parse_html(html: str) -> HtmlElement | None:
    """The page's element tree, or None when the text is not HTML."""
    try:
        tree = load_html(html)
    except (TypeError, ValueError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def words(text: str) -> int:
    """Words, or an estimate for scripts written without spaces (a word per 7 characters)."""
    return max(len(text.split()), len(text) // 7)


def text_key(text: str) -> str:
    """Lower-cased words of ``text`` joined by single spaces: punctuation and spacing ignored."""
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class LinkIndex:
    """Keys (see :func:`text_key`) of the page's link texts, to tell a link from a sentence."""

    keys: frozenset[str]
    #: The first :data:`MIN_LINK_WORDS` words of every key, to skip hopeless candidates.
    starts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, keys: set[str]) -> LinkIndex:
        """An index of ``keys``."""
        starts = {" ".join(k.split()[:MIN_LINK_WORDS]) for k in keys}
        return cls(frozenset(keys), frozenset(starts))

    def covers(self, paragraph: str, slack: int = 4, share: float = 0.6) -> bool:
        """True when the paragraph is a link's text, give or take ``slack`` words at either end.

        A label before the link ("Read more:", "Also on example.com") or a tag
        after it ("[VIDEO]") is the slack; the link itself must hold at least
        ``share`` of the paragraph's words.
        """
        if not self.keys:
            return False
        words = text_key(paragraph).split()
        need = max(MIN_LINK_WORDS, int(share * len(words) + 0.999))
        for head in range(min(slack, len(words) - need) + 1):
            if " ".join(words[head : head + MIN_LINK_WORDS]) not in self.starts:
                continue
            for tail in range(min(slack, len(words) - head - need) + 1):
                if " ".join(words[head : len(words) - tail]) in self.keys:
                    return True
        return False


def _site_of(host: str) -> str:
    """The host without a leading "www." (or "m."): links between the two are internal."""
    host = host.lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            return host[len(prefix):]
    return host


def link_index(tree: HtmlElement, url: str | None = None) -> LinkIndex:
    """Texts of the page's links to other pages of the same site.

    Promotions of the site's other stories are what the index is for; links
    elsewhere (sources, products, social networks) and in-page anchors (a
    contents list) are left out, as are link texts that are bare URLs.
    """
    site = _site_of(urlsplit(url).hostname or "") if url else ""
    keys = set()
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or "#" in href or href.startswith(("mailto:", "javascript:", "tel:")):
            continue
        if "//" in href[:8]:  # absolute: same site only
            host = href.split("/", 3)[2].rsplit("@", 1)[-1].split(":", 1)[0]
            if not site or _site_of(host) != site:
                continue
        text = anchor.text_content()
        key = text_key(text)
        if key.count(" ") >= MIN_LINK_WORDS - 1 and not _URLISH.match(text):
            keys.add(key)
    return LinkIndex.of(keys)

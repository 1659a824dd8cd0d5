"""Learning each site's template: paragraphs that recur across many pages of one site.

Boilerplate that a site repeats on page after page is the strongest signal
there is, and a streaming cleaner sees many pages per site. For every site the
memory keeps a window of the most recent pages (their paragraph fingerprints)
and counts, per fingerprint, on how many distinct pages of the window it
occurs. A paragraph is template when it occurs on at least ``min_pages``
distinct pages *and* on at least the share of the window's pages that the
site's age asks for.

Why both: a quote or a stock phrase ("did not respond to a request for
comment") can recur on a few pages of a site, but not on a third of all its
pages, while a donation appeal or a newsletter prompt is on nearly every page.
Why the share depends on age: on a young site a share says little. The first
pages the cleaner sees of a site are often one story and its follow-ups, which
repeat a background paragraph on most of them (4 of 6 is 67 %). So the share
asked for starts at (nearly) every page and falls linearly to ``min_share`` as
the window fills up to ``mature_pages``: a site's template, on every page,
is learnt after ``min_pages`` pages all the same, while a paragraph that skips
some pages has to wait until the site has shown enough of its other stories.
The first page of a new site is cleaned by the rules only.

This module is pure; :mod:`services.cleaner.template_store` persists the
observations so the memory survives restarts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsflow.ids import content_hash, url_host
from newsflow.messages import CleanArticle, RemovedBlock

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")

#: Pages per site the memory looks back over.
DEFAULT_WINDOW = 500


def fingerprint(paragraph: str) -> str:
    """A paragraph's identity up to case, spacing and digits ("Updated 14:05" ~ "Updated 9:30")."""
    norm = _DIGITS.sub("0", _SPACE.sub(" ", paragraph.casefold()).strip())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def site_of(article: CleanArticle) -> str:
    """The key template memory is kept under: the article's host (the raw topic's key)."""
    return url_host(article.url)


@dataclass(frozen=True, slots=True)
class Observation:
    """The distinct paragraph fingerprints of one page of one site."""

    site: str
    article_id: str
    fingerprints: frozenset[str]


@dataclass
class SiteMemory:
    """The recent pages of one site and how often each fingerprint occurs among them."""

    window: int = DEFAULT_WINDOW
    pages: deque[Observation] = field(default_factory=deque)
    seen: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)

    def observe(self, obs: Observation) -> bool:
        """Add a page; a page already in the window (a redelivery) is not counted twice."""
        if obs.article_id in self.seen:
            return False
        self.pages.append(obs)
        self.seen.add(obs.article_id)
        self.counts.update(obs.fingerprints)
        while len(self.pages) > self.window:
            old = self.pages.popleft()
            self.seen.discard(old.article_id)
            self.counts.subtract(old.fingerprints)
            for fp in old.fingerprints:
                if self.counts[fp] <= 0:
                    del self.counts[fp]
        return True


@dataclass(frozen=True)
class TemplateRule:
    """The thresholds that make a recurring paragraph template (see the module docstring)."""

    min_pages: int = 4
    min_share: float = 0.3
    mature_pages: int = 50

    def share(self, pages: int) -> float:
        """The share of ``pages`` recent pages a template paragraph must be on.

        1.0 for a site with no history, falling linearly to ``min_share`` at
        ``mature_pages`` pages and staying there.
        """
        young = max(0.0, 1.0 - pages / self.mature_pages) if self.mature_pages > 0 else 0.0
        return self.min_share + (1.0 - self.min_share) * young

    def is_template(self, count: int, pages: int) -> bool:
        """Whether a fingerprint seen on ``count`` of ``pages`` recent pages is template."""
        return count >= self.min_pages and count >= self.share(pages) * pages


class TemplateMemory:
    """Per-site template memory; one cleaner worker holds the sites of its partitions."""

    def __init__(self, rule: TemplateRule = TemplateRule(), window: int = DEFAULT_WINDOW) -> None:
        self.rule = rule
        self.window = window
        self._sites: dict[str, SiteMemory] = {}

    def __contains__(self, site: object) -> bool:
        return site in self._sites

    def clear(self) -> None:
        """Forget every site (their observations stay in the store, if there is one)."""
        self._sites.clear()

    def load(self, site: str, observations: Iterable[Observation]) -> None:
        """Restore a site's memory from persisted observations, oldest first."""
        memory = self._sites.setdefault(site, SiteMemory(window=self.window))
        for obs in observations:
            memory.observe(obs)

    def apply(self, article: CleanArticle, *, remove: bool = True
              ) -> tuple[CleanArticle, Observation | None]:
        """Observe ``article`` and drop its template paragraphs.

        Returns the article (unchanged when ``remove`` is false or nothing is
        template) and the new observation to persist, or None for a page already
        observed. An article is never emptied: if every paragraph looks like
        template, the page is kept as the rules left it.
        """
        site = site_of(article)
        memory = self._sites.setdefault(site, SiteMemory(window=self.window))
        fps = [fingerprint(p) for p in article.paragraphs]
        obs = Observation(site, article.article_id, frozenset(fps))
        new = memory.observe(obs)
        pages = len(memory.pages)
        template = [self.rule.is_template(memory.counts[fp], pages) for fp in fps]
        if not remove or not any(template) or all(template):
            return article, obs if new else None
        kept = [p for p, t in zip(article.paragraphs, template, strict=True) if not t]
        removed = [RemovedBlock(kind="template", sha256=content_hash(p), length=len(p))
                   for p, t in zip(article.paragraphs, template, strict=True) if t]
        cleaned = article.model_copy(update={
            "paragraphs": kept, "text": "\n".join(kept), "removed": [*article.removed, *removed]})
        return cleaned, obs if new else None

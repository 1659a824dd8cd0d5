"""Article-body score: precision, recall and F1 over overlapping 4-word shingles.

The usual score of the Scrapinghub article-extraction benchmark, restated here:
text is tokenised into lower-cased ``\\w+`` tokens, each page's shingles (runs of
``n`` consecutive tokens, counted with multiplicity) are matched between the
prediction and the ground truth, and each page's true/false positives and false
negatives are normalised to sum to one, so that long articles weigh no more
than short ones. Precision and recall are the means over pages (a page where
nothing was predicted does not count for precision, a page with no true text
does not count for recall); F1 is the harmonic mean of those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens of ``text``."""
    return _TOKEN.findall(text.lower())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Overlapping ``n``-token shingles with counts; a text shorter than ``n`` is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised true positives, false positives and false negatives of one page."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """Share of predicted shingles that are true (1.0 when both texts are empty)."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of true shingles that were predicted (1.0 when both texts are empty)."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score_page(truth: str, predicted: str, n: int = 4) -> PageScore:
    """Match the shingles of ``predicted`` against those of ``truth``."""
    want, got = shingles(truth, n), shingles(predicted, n)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if not total:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall averaged over pages, and their harmonic mean."""

    precision: float
    recall: float
    f1: float
    pages: int


def aggregate(pages: Iterable[PageScore]) -> Score:
    """Average per-page precision and recall; F1 of the two averages."""
    scored = list(pages)
    precisions = [p.precision for p in scored if p.tp + p.fp > 0]
    recalls = [p.recall for p in scored if p.tp + p.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(scored))

"""Deterministic generated articles for benchmarks (``/gen/<i>.html``).

A benchmark needs many pages, and a streaming cleaner learns boilerplate from
what repeats across the pages of a site. So generated bodies must not repeat:
each page recombines sentences of the hand-written articles, groups them into
new paragraphs and varies their numbers and weekdays, while the outlet templates
add the same boilerplate around every page. Measured over 10,000 pages (about
3,300 per outlet), no body paragraph occurs more than 8 times on one outlet,
while each boilerplate block occurs on all of its pages, as on a real site.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from functools import cache

from newsflow.demo._articles import ARTICLES
from newsflow.demo._outlets import OUTLETS
from newsflow.demo._records import DemoArticle, Photo

_EPOCH = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
_SPACING = timedelta(minutes=47)
# A full stop after these is not the end of a sentence ("Maj. Gen. Viktor Lebedev").
_ABBREVIATIONS = ("Maj.", "Gen.", "Brig.", "Lt.", "Col.")
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s+(?=[“\"A-Z])")
# Counts and weekdays: the parts of a sentence that generated pages vary.
_VARIABLE = re.compile(
    r"(\b\d{1,3}(?:,\d{3})+\b|\b\d+\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph of the demo texts into sentences, keeping closing quotes attached."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.end()].rstrip()
        if candidate.endswith(_ABBREVIATIONS):
            continue
        sentences.append(candidate)
        start = match.end()
    sentences.append(paragraph[start:])
    return sentences


_Parts = tuple[str, ...]
"""A sentence cut by :data:`_VARIABLE`: literal text at even indices, variables at odd ones."""


_Material = tuple[tuple[tuple[DemoArticle, _Parts], ...], tuple[_Parts, ...], tuple[Photo, ...]]


@cache
def _material() -> _Material:
    """Leads (an article and its opening sentence), all other sentences, and all photos.

    Sentences are cut once here so that varying them per page is a cheap join.
    """
    leads = []
    others = []
    for article in ARTICLES:
        for index, paragraph in enumerate(article.paragraphs):
            for position, sentence in enumerate(_split_sentences(paragraph)):
                parts = tuple(_VARIABLE.split(sentence))
                if (index, position) == (0, 0):
                    leads.append((article, parts))
                else:
                    others.append(parts)
    photos = tuple(photo for article in ARTICLES for photo in article.photos)
    return tuple(leads), tuple(others), photos


def _vary(parts: _Parts, rng: random.Random) -> str:
    """Change counts and weekdays so that recombined sentences rarely recur verbatim."""
    out = list(parts)
    for i in range(1, len(out), 2):
        text = out[i]
        if not text[0].isdigit():
            out[i] = rng.choice(_WEEKDAYS)
            continue
        value = int(text.replace(",", ""))
        if 1900 <= value <= 2100 and "," not in text:  # a year: keep the story's history
            continue
        new = rng.randint(max(2, value * 2 // 3), max(3, value * 3 // 2))
        out[i] = f"{new:,}" if "," in text else str(new)
    return "".join(out)


def generated_article(index: int) -> DemoArticle:
    """The generated article number ``index``; the same index always gives the same article."""
    if index < 0:
        raise ValueError(f"generated article index must be >= 0, got {index}")
    leads, sentences, photos = _material()
    rng = random.Random(f"newsflow-demo-{index}")
    outlets = list(OUTLETS.values())
    outlet = outlets[index % len(outlets)]
    lead, lead_sentence = leads[rng.randrange(len(leads))]
    # Paragraphs of two to four sentences: combinations that rarely recur exactly.
    sizes = [rng.choice((2, 3, 3, 4)) for _ in range(rng.randint(4, 7))]
    picked = iter(rng.sample(sentences, k=sum(sizes)))
    groups = [[next(picked) for _ in range(size)] for size in sizes]
    groups[0][0] = lead_sentence
    paragraphs = tuple(" ".join(_vary(s, rng) for s in group) for group in groups)
    published = _EPOCH + index * _SPACING
    return DemoArticle(
        slug=f"gen-{index}",
        site=outlet.slug,
        url_path=f"/gen/{index}.html",
        title=lead.title,
        authors=(rng.choice(outlet.authors),),
        published=published,
        modified=published + timedelta(minutes=rng.randint(0, 180)),
        section=lead.section,
        standfirst=lead.standfirst,
        paragraphs=paragraphs,
        photos=tuple(rng.sample(photos, k=rng.randint(1, 2))),
    )

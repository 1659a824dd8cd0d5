"""The extractor's stage core: one clean article in, its events and annotations out.

Plain, typed and deterministic: the same article gives the same events and ids
(only ``extracted_at`` differs). Knows nothing of Kafka.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsflow.messages import Annotations, CleanArticle, Event
from services.extractor.coder import CODER, ArticleCoder
from services.extractor.entities import recognise, to_entities
from services.extractor.participants import ParticipantFinder
from services.extractor.quotes import QuoteFinder
from services.extractor.sentences import split_sentences

#: Languages the rules are written for; other articles get annotations without events.
LANGUAGES = frozenset({"en"})


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor makes of one article."""

    events: list[Event]
    annotations: Annotations


def extract(article: CleanArticle, *, extracted_at: datetime) -> Extraction:
    """Code ``article`` into events, entities and quotes.

    ``extracted_at`` must be timezone-aware. Articles in a language other than
    English (when the cleaner names one) yield no events, entities or quotes,
    only the sentence count.
    """
    if extracted_at.tzinfo is None or extracted_at.utcoffset() is None:
        raise ValueError("extracted_at must be timezone-aware")
    sentences = split_sentences(article.text)
    if article.language is not None and article.language.lower()[:2] not in LANGUAGES:
        return Extraction(events=[], annotations=_annotations(article, extracted_at,
                                                              len(sentences)))
    table = recognise(sentences)
    finder = ParticipantFinder()
    participants = {s.id: finder.find(s, table.mentions.get(s.id, [])) for s in sentences}
    quotes = QuoteFinder(article.text, sentences, participants)
    attributions = quotes.attribute()
    events = ArticleCoder(article, sentences, participants, attributions, extracted_at).events()
    annotations = Annotations(
        article_id=article.article_id,
        extracted_at=extracted_at,
        sentences=len(sentences),
        entities=to_entities(table),
        quotes=quotes.quotes(attributions),
        event_ids=[e.event_id for e in events],
        coder=CODER,
    )
    return Extraction(events=events, annotations=annotations)


def _annotations(article: CleanArticle, extracted_at: datetime, sentences: int) -> Annotations:
    return Annotations(article_id=article.article_id, extracted_at=extracted_at,
                       sentences=sentences, entities=[], quotes=[], event_ids=[], coder=CODER)

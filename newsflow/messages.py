"""Versioned message models, one per topic.

These pydantic models are the contract between services. Their JSON Schemas are
written to ``schemas/`` (``newsflow schemas``) for downstream consumers; a test
fails when a model and its published schema drift apart. Kafka metadata
(topic, partition, offset) never goes inside a message: it rides beside it in
:class:`newsflow.runtime.Envelope`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from newsflow import topics


class Message(BaseModel):
    """Base for every topic's value: frozen, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def encode(self) -> bytes:
        """Serialise to the JSON bytes that go on the wire."""
        return self.model_dump_json(by_alias=True).encode("utf-8")


# --------------------------------------------------------------------- raw


class ArticleUrl(Message):
    """An article URL a feed listed and the ledger had not seen, on ``news.articles.urls.v1``.

    The fetcher's own work queue between finding URLs and fetching them: keyed by
    host, so that whichever fetcher owns the host's partition fetches it.
    """

    schema_: Literal["news.articles.urls.v1"] = Field(topics.ARTICLE_URLS, alias="schema")
    article_id: str = Field(description="Hash of the canonical URL.")
    url: str = Field(description="Canonical URL of the article as found in the feed.")
    feed_id: str = Field(description="Id of the feed (from the feeds file) that listed the URL.")
    found_at: AwareDatetime
    feed_title: str | None = Field(None, description="Entry title given by the feed, if any.")
    feed_published: AwareDatetime | None = Field(None, description="Entry date in the feed.")
    fetch_url: str | None = Field(
        None, description="Where to fetch it, when a redirect from another host led there "
        "(the message is then keyed by this URL's host).")
    hops: int = Field(0, ge=0, description="Redirects to other hosts followed so far.")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RawArticle(Message):
    """A fetched article page, as published by the fetcher on ``news.articles.raw.v1``."""

    schema_: Literal["news.articles.raw.v1"] = Field(topics.RAW_ARTICLES, alias="schema")
    article_id: str = Field(description="Hash of the canonical URL; stable across refetches.")
    url: str = Field(description="Canonical URL of the article as found in the feed.")
    final_url: str = Field(description="URL after redirects.")
    feed_id: str = Field(description="Id of the feed (from the feeds file) that listed the URL.")
    fetched_at: AwareDatetime
    status: int = Field(description="HTTP status of the final response.")
    content_type: str | None = None
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="Response headers of note (etag, last-modified, content-language).",
    )
    html: str = Field(description="Decoded page body, capped at the configured size.")
    truncated: bool = Field(False, description="True when the body hit the size cap.")
    feed_title: str | None = Field(None, description="Entry title given by the feed, if any.")
    feed_published: AwareDatetime | None = Field(None, description="Entry date in the feed.")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# ------------------------------------------------------------------- clean


class RemovedBlock(Message):
    """One block the cleaner removed, recorded so a user can audit the decision."""

    kind: str = Field(description="Kind of boilerplate, e.g. donation_appeal, author_bio.")
    sha256: str = Field(description="Short hash of the removed text.")
    length: int = Field(description="Length of the removed text in characters.")


class CleanArticle(Message):
    """Main text and metadata of one article, on ``news.articles.clean.v1``."""

    schema_: Literal["news.articles.clean.v1"] = Field(topics.CLEAN_ARTICLES, alias="schema")
    article_id: str
    url: str
    canonical_url: str | None = Field(None, description="Canonical URL declared by the page.")
    feed_id: str
    site: str | None = Field(None, description="Site name (og:site_name or the host).")
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    language: str | None = Field(None, description="ISO 639-1 code, when known.")
    text: str = Field(description="Main text, paragraphs joined by newlines.")
    paragraphs: list[str]
    removed: list[RemovedBlock] = Field(default_factory=list)
    fetched_at: AwareDatetime
    cleaned_at: AwareDatetime
    cleaner: str = Field(description="Cleaner name and version.")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# ------------------------------------------------------------------ events


class Actor(Message):
    """A participant in an event, coded after CAMEO actor codes."""

    text: str = Field(description="The mention as written in the sentence.")
    name: str = Field(description="Canonical name (e.g. 'Russia', 'Dmitry Peskov').")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code.")
    sector: str | None = Field(None, description="CAMEO sector: GOV, MIL, COP, REB, CVL, ...")


class Span(Message):
    """A piece of text and its character offsets in the article's ``text``."""

    text: str
    start: int
    end: int


class Location(Message):
    """A place resolved against the offline gazetteer."""

    text: str = Field(description="The place as written.")
    geonameid: int | None = None
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code.")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: Literal["city", "admin1", "region", "country", "place"] | None = Field(
        None,
        description="What kind of place: a populated place (city, town), a first-level "
        "subdivision (state, province), another named region, a whole country, or a place "
        "the gazetteer does not hold (named in the text; no id or coordinates).",
    )
    inferred: bool = Field(
        False,
        description="The event's clause names no place: the location is one its sentence "
        "names elsewhere, or the one the article last gave events of the same parties.",
    )


class Modality(Message):
    """How the article presents the event."""

    negated: bool = False
    hypothetical: bool = Field(False, description="Conditional or future: 'will strike ... if'.")
    claim: Literal["asserted", "alleged"] = "asserted"
    claimed_by: str | None = Field(None, description="Who alleges it, for alleged events.")
    historical: bool = Field(False, description="Reported history, not news of the day.")


class Evidence(Message):
    """The sentence an event was read from."""

    sentence: str
    sentence_id: int = Field(description="1-based index of the sentence in the article.")
    start: int = Field(description="Offset of the sentence in the article's text.")
    end: int
    in_lead: bool = Field(description="True when the sentence is among the article's first three.")
    in_quote: bool = Field(description="True when the trigger sits inside quotation marks.")


class Coder(Message):
    """Which coder produced the event."""

    name: str
    version: str


class Event(Message):
    """One coded event, on ``news.events.v1`` keyed by article id (after GDELT 2.0/CAMEO)."""

    schema_: Literal["news.events.v1"] = Field(topics.EVENTS, alias="schema")
    event_id: str = Field(description="Hash of the article id and the event's content.")
    article_id: str
    source_url: str
    published_at: AwareDatetime | None
    extracted_at: AwareDatetime
    event_date: date
    date_precision: Literal["day", "month", "publication_date"]
    actor: list[Actor]
    target: list[Actor]
    cameo_code: str = Field(description="Full CAMEO code as a string; leading zeros matter.")
    cameo_root: str = Field(
        description="Two-digit CAMEO root code, or a named newsflow extension "
        "('EVAC': evacuation of civilians, which CAMEO lacks)."
    )
    cameo_base: str = Field(description="Three-digit CAMEO base code.")
    plover: str = Field(description="PLOVER event category (e.g. ASSAULT, THREATEN).")
    quad_class: int = Field(ge=1, le=4, description="1 verbal coop .. 4 material conflict.")
    goldstein: float = Field(ge=-10, le=10)
    trigger: Span
    modality: Modality
    location: Location | None = None
    evidence: Evidence
    confidence: float = Field(ge=0, le=1)
    coder: Coder

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Mention(Message):
    """One mention of an entity in the article text."""

    text: str
    start: int
    end: int


class Entity(Message):
    """A named entity with its canonical name and every mention."""

    name: str
    kind: Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER"]
    country: str | None = None
    sector: str | None = None
    role: str | None = Field(None, description="Title or role, e.g. 'Kremlin spokesman'.")
    mentions: list[Mention]


class Quote(Message):
    """A direct or reported quote attributed to a speaker."""

    text: str
    kind: Literal["direct", "reported"]
    speaker: str | None
    speaker_role: str | None = None
    sentence_id: int
    start: int
    end: int


class Annotations(Message):
    """Per-article record of entities, quotes and event ids, on ``news.articles.annotations.v1``."""

    schema_: Literal["news.articles.annotations.v1"] = Field(topics.ANNOTATIONS, alias="schema")
    article_id: str
    extracted_at: AwareDatetime
    sentences: int
    entities: list[Entity]
    quotes: list[Quote]
    event_ids: list[str]
    coder: Coder

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# -------------------------------------------------------------- dead letter


class DeadLetter(Message):
    """A message a stage could not process, on ``news.<stage>.dlq``: the original and why."""

    schema_: Literal["newsflow.deadletter.v1"] = Field("newsflow.deadletter.v1", alias="schema")
    stage: str
    source_topic: str | None = Field(None, description="Topic the message came from, if any.")
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    value: str = Field(description="The original message (or the failing input) as text.")
    error_type: str
    reason: str
    error: str
    failed_at: datetime

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


#: Model of each topic's value, for decoding and for the published schemas.
TOPIC_MODELS: dict[str, type[Message]] = {
    topics.ARTICLE_URLS: ArticleUrl,
    topics.RAW_ARTICLES: RawArticle,
    topics.CLEAN_ARTICLES: CleanArticle,
    topics.EVENTS: Event,
    topics.ANNOTATIONS: Annotations,
}

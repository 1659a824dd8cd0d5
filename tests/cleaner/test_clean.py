"""clean(): a whole page in, a clean article out, or a rejection with a reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsflow.errors import ConfigError, Rejected
from newsflow.messages import RawArticle
from services.cleaner.clean import CLEANER, CleanOptions, clean, disabled_from

URL = "https://northgazette.example/news/2026/05/ferry-strike"
STORY = [
    "Ferry crews on the northern islands walked out on Friday morning after talks over a new "
    "rota broke down late on Thursday, leaving hundreds of passengers stranded.",
    "The union said its members would stay off work until Monday unless the operator dropped "
    "plans to cut rest days between long shifts during the summer season.",
    "The operator said it had offered a pay rise of 4 percent and two extra days of leave, and "
    "called the strike premature while talks were still going on.",
    "Island councils opened school halls for passengers who could not find rooms, and a "
    "private boat company added three crossings to the mainland on Saturday.",
]


def raw(html: str, url: str = URL, **extra: object) -> RawArticle:
    """A fetched page at ``url``."""
    fields: dict[str, object] = {"article_id": "id1", "url": url, "final_url": url,
                                 "feed_id": "f", "status": 200, "html": html,
                                 "fetched_at": datetime(2026, 5, 8, 12, tzinfo=UTC), **extra}
    return RawArticle.model_validate(fields)


def page(body: list[str], head: str = "", lang: str = "en", top: str = "") -> str:
    """A news page with ``body`` as the story's paragraphs."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<html lang="{lang}"><head><title>Ferry crews strike | North Gazette</title>
{head}</head><body><header><a href="/">North Gazette</a><nav><a href="/news">News</a></nav>
</header><main><article><h1>Ferry crews strike over summer rota</h1>
<h2 class="standfirst">Hundreds stranded as talks break down</h2>{top}
<div class="story">{paragraphs}</div></article></main>
<footer><p>North Gazette, Harbour Road</p></footer></body></html>"""


HEAD = (
    '<meta property="og:site_name" content="North Gazette">'
    '<meta name="description" content="Hundreds stranded as talks break down">'
    '<link rel="canonical" href="https://northgazette.example/news/2026/05/ferry-strike">'
    '<script type="application/ld+json">'
    + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                  "headline": "Ferry crews strike over summer rota",
                  "datePublished": "2026-05-08T07:45:00+01:00",
                  "dateModified": "2026-05-08T10:15:00+01:00",
                  "author": [{"@type": "Person", "name": "Ruth Meier"},
                             {"@type": "Person", "name": "Jonas Holm"}],
                  "publisher": {"@type": "Organization", "name": "North Gazette"}})
    + "</script>"
)


def test_a_news_page_becomes_a_clean_article() -> None:
    now = datetime(2026, 5, 8, 13, tzinfo=UTC)
    article = clean(raw(page(STORY, HEAD)), now=now)
    assert article.paragraphs == STORY
    assert article.text == "\n".join(STORY)
    assert article.title == "Ferry crews strike over summer rota"
    assert article.authors == ["Ruth Meier", "Jonas Holm"]
    bst = timezone(timedelta(hours=1))
    assert article.published_at == datetime(2026, 5, 8, 7, 45, tzinfo=bst)
    assert article.updated_at == datetime(2026, 5, 8, 10, 15, tzinfo=bst)
    assert article.language == "en"
    assert article.site == "North Gazette"
    assert article.canonical_url == URL
    assert article.cleaned_at == now and article.cleaner == CLEANER
    assert "trafilatura" in CLEANER


def test_the_headline_and_standfirst_set_as_headings_are_not_body_text() -> None:
    article = clean(raw(page(["Ferry crews strike over summer rota",
                              "Hundreds stranded as talks break down", *STORY], HEAD)))
    assert article.paragraphs == STORY
    assert {r.kind for r in article.removed} == {"headline"}


def test_a_lead_that_the_description_repeats_is_kept() -> None:
    head = f'<meta name="description" content="{STORY[0]}">'
    assert clean(raw(page(STORY, head))).paragraphs == STORY


def test_dates_from_the_dateline_when_the_markup_has_none() -> None:
    stamps = ["May 8, 2026 7:45am BST", "Updated: May 8, 2026 10:15am BST"]
    article = clean(raw(page([*stamps, *STORY])))
    bst = timezone(timedelta(hours=1))
    assert article.paragraphs == STORY
    assert article.published_at == datetime(2026, 5, 8, 7, 45, tzinfo=bst)
    assert article.updated_at == datetime(2026, 5, 8, 10, 15, tzinfo=bst)


def test_the_feed_fills_in_what_the_page_lacks() -> None:
    when = datetime(2026, 5, 8, 6, tzinfo=UTC)
    article = clean(raw(page(STORY).replace("<title>Ferry crews strike | North Gazette</title>",
                                            "").replace("<h1>Ferry crews strike over summer "
                                                        "rota</h1>", ""),
                        feed_published=when, feed_title="Ferries stop"))
    assert article.published_at == when
    assert article.site == "northgazette.example"


def test_the_text_says_which_language_it_is_in() -> None:
    assert clean(raw(page(STORY, HEAD, lang="de"))).language == "en"


def test_an_undeclared_language_comes_from_the_header_when_the_text_is_unclear() -> None:
    short = ["Fähren stehen still " * 12]
    article = clean(raw(page(short, lang=""), headers={"content-language": "de-CH"}),
                    CleanOptions(min_text_chars=10))
    assert article.language == "de"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("\x00\x01\x02 binary \xff\xfe", "no_main_text"),
        ("just some words, not a page", "no_main_text"),
        ("<html><body><p>Too short.</p></body></html>", "too_short"),
    ],
)
def test_pages_without_an_article_are_rejected_with_a_reason(html: str, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        clean(raw(html))
    assert caught.value.reason == reason


def test_the_minimum_length_is_an_option() -> None:
    html = page(["Ferry crews walked out on Friday after talks broke down on Thursday night."])
    with pytest.raises(Rejected):
        clean(raw(html))
    assert clean(raw(html), CleanOptions(min_text_chars=20)).paragraphs


def test_disabled_from_names_kinds_to_keep() -> None:
    options = disabled_from(["stamp", "related"])
    assert options.disabled_kinds == frozenset({"stamp", "related"})
    article = clean(raw(page(["May 8, 2026 7:45am BST", *STORY])), options)
    assert article.paragraphs[0] == "May 8, 2026 7:45am BST"


def test_lone_surrogates_do_not_cost_their_paragraphs() -> None:
    # half an emoji cut off, as a bad JSON escape leaves it; a whole pair stays one character
    broken = [p[:30] + "\ud83d" + p[30:] for p in STORY[:3]]
    paired = STORY[3] + " \ud83d\ude97"
    article = clean(raw(page([*broken, paired], HEAD)))
    assert article.paragraphs == [*(p[:30] + "\ufffd" + p[30:] for p in STORY[:3]),
                                  STORY[3] + " \U0001f697"]
    article.encode()  # and the message is valid UTF-8 on the wire


def test_a_bare_date_in_the_markup_takes_the_time_of_the_dateline_of_that_day() -> None:
    head = ('<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "datePublished": "2026-05-08"}) + "</script>")
    article = clean(raw(page(["May 8, 2026 7:45am BST", *STORY], head)))
    assert article.paragraphs == STORY
    assert article.published_at == datetime(2026, 5, 8, 7, 45, tzinfo=timezone(timedelta(hours=1)))


def test_an_unknown_kind_to_keep_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"unknown kinds \['subscriptions'\]"):
        disabled_from(["stamp", "subscriptions"])


@pytest.mark.parametrize(("byline", "names"), [
    ("By Tessa Lindgren and Omar Haddad", ["Tessa Lindgren", "Omar Haddad"]),
    ("Von Greta Vogel und Paul Brandt", ["Greta Vogel", "Paul Brandt"]),
    ("By Tessa Lindgren | Islands Correspondent", ["Tessa Lindgren"]),
])
def test_a_byline_paragraph_names_the_authors_when_the_markup_does_not(
        byline: str, names: list[str]) -> None:
    article = clean(raw(page([byline, *STORY])))
    assert article.authors == names
    assert article.paragraphs == STORY  # the byline itself is not body text
    assert "author_bio" in {r.kind for r in article.removed}


def test_the_markup_s_authors_win_over_a_byline_paragraph() -> None:
    article = clean(raw(page(["By Tessa Lindgren", *STORY], head=HEAD)))
    assert article.authors == ["Ruth Meier", "Jonas Holm"]


def test_a_story_opening_with_by_is_not_a_byline() -> None:
    opening = ("By Friday evening, the operator had offered to restore one rest day, and the "
               "union said it would put the offer to its members.")
    article = clean(raw(page([opening, *STORY])))
    assert article.authors == []
    assert article.paragraphs[0] == opening

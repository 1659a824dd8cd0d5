"""Each kind of boilerplate leaves the article, in its own container or as plain body paragraphs.

Every case runs :func:`clean` on a whole page of a fictional local paper: once
with the boilerplate in a container of its own (an ``<aside>``, a
``<figcaption>``, a bio box), once written as ``<p>`` inside the article body,
where trafilatura keeps it. The story's paragraphs must all survive, the
boilerplate must not, and a removal inside the body is recorded under its kind.
Switching the kind off (``CleanOptions.disabled_kinds``) leaves it in place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from newsflow.ids import content_hash
from newsflow.messages import CleanArticle, RawArticle
from services.cleaner.clean import CleanOptions, clean
from services.cleaner.patterns import KINDS

URL = "https://valleyledger.example/2026/03/harlow-reservoir-repairs"
TITLE = "Harlow reservoir to close for nine months of repairs"
AUTHOR = "Tomas Berg"
STORY = (
    "The regional water board voted on Thursday to close the Harlow reservoir for repairs "
    "after engineers found cracks in its northern wall.",
    "Board chair Ines Vogel said the closure would last at least nine months and that the "
    "town would draw its water from two wells in the meantime.",
    "Engineers first noticed seepage in the spring, and a survey in August confirmed three "
    "cracks more than a metre long below the waterline.",
    "Farmers downstream have asked the board to guarantee their irrigation quotas through the "
    "summer, a request Vogel said would be considered at next month's meeting.",
    "The repairs are expected to cost 14 million euros, most of it covered by a national "
    "infrastructure fund set up after the floods of 2021.",
    "Residents can follow the work at two public meetings a month in the town hall, the board "
    "said, and the first is planned for the second week of April.",
)


@dataclass(frozen=True)
class Case:
    """One kind of boilerplate: its texts, as body paragraphs and in its own container."""

    kind: str
    texts: tuple[str, ...]  # what must leave the article
    body: str  # the same texts as plain paragraphs in the body
    container: str  # the same texts in their own container
    where: str = "end"  # where the body paragraphs stand: top, middle or end


def _p(*texts: str) -> str:
    return "\n".join(f"<p>{t}</p>" for t in texts)


DONATION = (
    "Dear reader,",
    "Our reporters cover the valley's councils, courts and schools, and that work is paid for "
    "by readers like you, not by a billionaire owner.",
    "Please support our journalism with a monthly gift from just €3.",
    "Maybe later",
)
BIO = (
    "About the author",
    f"{AUTHOR} is a senior correspondent for the Valley Ledger, covering energy, water and the "
    "environment. He joined the paper in 2019 after a decade at a wire service.",
)
TEASER = f"{AUTHOR} is a senior correspondent for the Valley Ledger, covering energy, water ..."
SUBSCRIPTION = (
    "Sign up for the Morning Ledger newsletter and get the valley's top stories every weekday.",
    "Already a subscriber? Log in to keep reading.",
    "Get the Ledger app for breaking news alerts from the valley.",
)
CAPTIONS = (
    "Workers inspect the northern wall of the Harlow reservoir in August. "
    "Photo: Lena Ortiz/Valley Ledger",
    "A pumping station below the dam on Tuesday [Marek Hill/AFP]",
)
AUDIO = ("🔊 Voice is AI-generated. Some names may be mispronounced.",
         "Listen to this article (4 min)")
STAMPS = ("March 3, 2026 9:40am", "Updated: March 3, 2026 4:12pm")
MOST_READ = ("Council approves new bus routes for the valley",
             "Ski season opens early after November snow")
READ_MORE = "Harlow farmers ask the board for irrigation guarantees"
SHARE = ("Share this article",
         "Follow us on Facebook and Instagram for the latest from the valley.")
COOKIE = ("We use cookies to give you the best experience on our website. By continuing to "
          "browse, you agree to our cookie policy.")

AGENCY_CREDITS = (
    "Divers check the intake tower of the Harlow reservoir on Wednesday. (AP Photo/Rosa Mendel)",
    "Photo courtesy of Harlow Water Board",
    "Photograph by Lena Ortiz for The Valley Ledger",
)
PHOTOGRAPHER = ("Lena Ortiz is a freelance photographer based in Harlow who has documented the "
                "valley's rivers and reservoirs since 2015.")
BEFORE_YOU_GO = (
    "Before you go: the Valley Ledger runs as a nonprofit, and it keeps its reporting free "
    "because people who read it give what they can.",
    "Give now",
)
NONPROFIT = ("As a reader-supported newsroom, the Valley Ledger depends on gifts, and every "
             "one made this month is doubled by a local foundation: donate now.")
BRIEFING = "Have the Evening Ledger digest land in your inbox at six every night."
PASS_ON = ("Share this article with your neighbours", "Follow our live updates on the repairs")
LEGAL = ("© 2026 Valley Ledger Media. All rights reserved.",
         "This material may not be published, broadcast, rewritten or redistributed.")
# the same kinds in other wordings, languages and places
AUDIO_ANEW = ("Listen to article · 4 min", "This article is available to listen to.",
              "Audio is generated automatically.")
APP = ("Never miss a story from the valley. Download our free app.",)
WRITE_IN = ("Do you have a story to share? Email the Ledger at desk@valleyledger.example.",)
UPDATE_NOTE = ("This story was updated at 4:30 p.m. to include the board's vote.",)
LIVE = ("This page will update automatically.",)
FOLLOW_ES = ("Síguenos en Instagram y Facebook para más noticias del valle.",)
READERS_LIKE_YOU = ("No owner or advertiser pays for this reporting, only readers like you.",)
PRESS_TRAILER = (
    "About Harlow Pumps Ltd",
    "Harlow Pumps Ltd is a family company that builds pumps for water boards. Founded in 1961, "
    "it employs 240 people in the valley.",
    "Forward-looking statements",
    "This release contains forward-looking statements that involve risks and uncertainties; "
    "readers should not place undue reliance on them.",
    "Media contact: Jo Marsh, +44 20 7946 0111",
    "SOURCE Harlow Pumps Ltd",
)
# short labels, in English and other languages, and a plain list of tags under a tail heading
TAGS = ("Related Topics", "Dams", "Infrastructure funding", "Engineering")
FOTO_CREDITS = ("Foto: dpa", "Bild: picture alliance / dpa")
SHARE_BUTTONS = ("Click to share on WhatsApp (Opens in new window)", "Artikel teilen")
BRIEF = ("Want more from the valley? Get the Morning Ledger every weekday at 6 a.m.",)
REPUBLISHED = ("This article is republished from The Harlow Courier under a Creative Commons "
               "license. Read the original article.",)
STANDARDS = ("Our Standards: The Ledger Principles.",)
AD_LABEL = ("Anzeige",)

CASES = (
    Case("donation_appeal", DONATION, _p(*DONATION),
         f'<aside class="donate">{_p(*DONATION)}<a href="/donate">Donate</a></aside>'),
    Case("author_bio", (*BIO, TEASER),
         _p(*BIO) + f'\n<p>{TEASER} <a href="/authors/tomas-berg">Read more</a></p>',
         f'<div class="author-bio"><h3>{BIO[0]}</h3><p>{BIO[1]}</p></div>'),
    Case("subscription", SUBSCRIPTION, _p(*SUBSCRIPTION),
         f'<div class="newsletter-signup">{_p(*SUBSCRIPTION)}'
         '<form action="/newsletter"><input type="email" name="email"></form></div>',
         where="middle"),
    Case("photo_credit", CAPTIONS, _p(*CAPTIONS),
         "".join(f'<figure><img src="/img/{i}.jpg" alt=""><figcaption>{c}</figcaption></figure>'
                 for i, c in enumerate(CAPTIONS)),
         where="middle"),
    Case("audio_notice", AUDIO, _p(*AUDIO),
         f'<div class="audio-player"><button>{AUDIO[1]}</button><p>{AUDIO[0]}</p></div>',
         where="top"),
    Case("navigation", ("Skip to main content", "Environment"),
         _p("Skip to main content", "Environment"),
         '<a class="skip-link" href="#content">Skip to main content</a>'
         '<div class="section-label"><a href="/environment">Environment</a></div>',
         where="top"),
    Case("stamp", STAMPS, _p(*STAMPS),
         f'<div class="dates"><time datetime="2026-03-03T09:40:00+01:00">{STAMPS[0]}</time>'
         f'<span class="updated">{STAMPS[1]}</span></div>',
         where="top"),
    Case("related", ("Most read", *MOST_READ),
         _p("Most read") + "".join(f'<p><a href="/2026/03/{i}">{t}</a></p>'
                                   for i, t in enumerate(MOST_READ)),
         '<aside class="most-read"><h2>Most read</h2><ul>'
         + "".join(f'<li><a href="/2026/03/{i}">{t}</a></li>' for i, t in enumerate(MOST_READ))
         + "</ul></aside>"),
    Case("related", (f"Read more: {READ_MORE}",),
         f'<p>Read more: <a href="/2026/02/farmers">{READ_MORE}</a></p>',
         f'<aside class="read-more"><p>Read more: <a href="/2026/02/farmers">{READ_MORE}</a>'
         "</p></aside>",
         where="middle"),
    Case("related", ("Related Topics",),
         _p("Related Topics") + '<ul><li><a href="/topics/water">Water</a></li>'
         '<li><a href="/topics/harlow">Harlow</a></li></ul>',
         '<div class="related-topics"><h2>Related Topics</h2><ul>'
         '<li><a href="/topics/water">Water</a></li></ul></div>'),
    Case("source_line", ("Source: Valley Ledger and news agencies",),
         _p("Source: Valley Ledger and news agencies"),
         '<div class="article-source"><p>Source: Valley Ledger and news agencies</p></div>'),
    Case("site_name", ("Ledger",), _p("Ledger"),
         '<div class="brand-sign-off"><span>Valley Ledger</span></div>'),
    Case("share_prompt", SHARE, _p(*SHARE),
         f'<div class="share-tools"><span>{SHARE[0]}</span><a href="https://facebook.example/">'
         f"Facebook</a><p>{SHARE[1]}</p></div>"),
    Case("cookie_notice", (COOKIE,), _p(COOKIE),
         f'<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p>'
         "<button>Accept</button></div>",
         where="top"),
    Case("headline", (TITLE,), _p(TITLE), "", where="top"),
    Case("photo_credit", AGENCY_CREDITS, _p(*AGENCY_CREDITS),
         "".join(f'<figure><img src="/img/c{i}.jpg" alt=""><figcaption>{c}</figcaption></figure>'
                 for i, c in enumerate(AGENCY_CREDITS)),
         where="middle"),
    Case("author_bio", (PHOTOGRAPHER,), _p(PHOTOGRAPHER),
         f'<div class="photographer-bio"><p>{PHOTOGRAPHER}</p></div>'),
    Case("author_bio", (TEASER,), f'<p>{TEASER} <a href="/authors/tomas-berg">Read more</a></p>',
         f'<div class="author-teaser"><p>{TEASER} <a href="/authors/tomas-berg">Read more</a>'
         "</p></div>"),
    Case("donation_appeal", BEFORE_YOU_GO, _p(*BEFORE_YOU_GO),
         f'<aside class="donate">{_p(BEFORE_YOU_GO[0])}<a href="/donate">{BEFORE_YOU_GO[1]}</a>'
         "</aside>"),
    Case("donation_appeal", (NONPROFIT,), _p(NONPROFIT),
         f'<aside class="donate-inline">{_p(NONPROFIT)}</aside>', where="middle"),
    Case("subscription", (BRIEFING,), _p(BRIEFING),
         f'<div class="newsletter-promo">{_p(BRIEFING)}</div>', where="middle"),
    Case("share_prompt", PASS_ON, _p(*PASS_ON),
         f'<div class="share-tools">{_p(*PASS_ON)}</div>'),
    Case("legal", LEGAL, _p(*LEGAL), f'<div class="copyright">{_p(*LEGAL)}</div>'),
    Case("audio_notice", AUDIO_ANEW, _p(*AUDIO_ANEW),
         f'<div class="audio-player">{_p(*AUDIO_ANEW)}</div>', where="top"),
    Case("subscription", APP, _p(*APP), f'<div class="app-promo">{_p(*APP)}</div>',
         where="middle"),
    Case("author_bio", WRITE_IN, _p(*WRITE_IN), f'<div class="tips-box">{_p(*WRITE_IN)}</div>'),
    Case("stamp", UPDATE_NOTE, _p(*UPDATE_NOTE),
         f'<div class="update-note">{_p(*UPDATE_NOTE)}</div>'),
    Case("navigation", LIVE, _p(*LIVE), f'<div class="live-notice">{_p(*LIVE)}</div>',
         where="top"),
    Case("share_prompt", FOLLOW_ES, _p(*FOLLOW_ES),
         f'<div class="social-follow">{_p(*FOLLOW_ES)}</div>'),
    Case("donation_appeal", READERS_LIKE_YOU, _p(*READERS_LIKE_YOU),
         f'<aside class="support">{_p(*READERS_LIKE_YOU)}</aside>', where="middle"),
    Case("press_boilerplate", PRESS_TRAILER, _p(*PRESS_TRAILER),
         f'<div class="press-boilerplate">{_p(*PRESS_TRAILER)}</div>'),
    Case("related", TAGS, _p(*TAGS),
         f'<div class="tags"><h3>{TAGS[0]}</h3><ul>'
         + "".join(f"<li>{t}</li>" for t in TAGS[1:]) + "</ul></div>"),
    Case("photo_credit", FOTO_CREDITS, _p(*FOTO_CREDITS),
         "".join(f'<figure><img src="/img/f{i}.jpg" alt=""><figcaption>{c}</figcaption></figure>'
                 for i, c in enumerate(FOTO_CREDITS)),
         where="middle"),
    Case("share_prompt", SHARE_BUTTONS, _p(*SHARE_BUTTONS),
         '<div class="sharing">' + "".join(f'<a href="#share-{i}">{t}</a>'
                                           for i, t in enumerate(SHARE_BUTTONS)) + "</div>"),
    Case("subscription", BRIEF, _p(*BRIEF), f'<div class="promo">{_p(*BRIEF)}</div>',
         where="middle"),
    Case("source_line", REPUBLISHED, _p(*REPUBLISHED),
         f'<div class="republish-note">{_p(*REPUBLISHED)}</div>'),
    Case("legal", STANDARDS, _p(*STANDARDS), f'<div class="standards">{_p(*STANDARDS)}</div>'),
    Case("navigation", AD_LABEL, _p(*AD_LABEL),
         f'<div class="ad-slot"><span>{AD_LABEL[0]}</span></div>', where="middle"),
)


def page(body: str = "", container: str = "", where: str = "end") -> str:
    """A whole article page of the Valley Ledger with ``body`` inside the story's text."""
    paragraphs = [f"<p>{p}</p>" for p in STORY]
    position = {"top": 0, "middle": 3, "end": len(paragraphs)}[where]
    paragraphs.insert(position, body)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
          "datePublished": "2026-03-03T09:40:00+01:00",
          "author": {"@type": "Person", "name": AUTHOR},
          "publisher": {"@type": "Organization", "name": "Valley Ledger"}}
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Valley Ledger</title>
<meta property="og:site_name" content="Valley Ledger">
<link rel="canonical" href="{URL}">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">Valley Ledger</a>
<nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/environment">Environment</a>
</nav></header>
<main id="content"><article>
<h1>{TITLE}</h1>
<div class="byline">By <a rel="author" href="/authors/tomas-berg">{AUTHOR}</a></div>
<div class="article-body">
{chr(10).join(paragraphs)}
</div>
{container}
</article></main>
<footer><p>Valley Ledger, 4 Mill Street, Harlow</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def run(html: str, options: CleanOptions = CleanOptions()) -> CleanArticle:
    """Clean ``html`` as if fetched from :data:`URL`."""
    raw = RawArticle(article_id="a1", url=URL, final_url=URL, feed_id="test",
                     fetched_at=datetime(2026, 3, 3, 12, tzinfo=UTC), status=200, html=html)
    return clean(raw, options)


def _ids(case: Case) -> str:
    return f"{case.kind}:{case.texts[0][:24]}"


def _story_kept(article: CleanArticle) -> None:
    for paragraph in STORY:
        assert paragraph in article.paragraphs, f"story paragraph lost: {paragraph[:50]!r}"


def _gone(article: CleanArticle, text: str) -> bool:
    return all(text not in p for p in article.paragraphs)


def test_the_page_alone_is_the_story() -> None:
    article = run(page())
    assert article.paragraphs == list(STORY)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_in_the_body_it_is_removed_and_recorded(case: Case) -> None:
    article = run(page(body=case.body, where=case.where))
    _story_kept(article)
    for text in case.texts:
        assert _gone(article, text), f"{case.kind} left in the body: {text!r}"
    kinds = {r.kind for r in article.removed}
    assert case.kind in kinds, f"no {case.kind} recorded, only {kinds}"
    for block in article.removed:
        assert len(block.sha256) == 16 and block.length > 0


@pytest.mark.parametrize("case", [c for c in CASES if c.container], ids=_ids)
def test_in_its_own_container_it_is_removed(case: Case) -> None:
    article = run(page(container=case.container))
    _story_kept(article)
    for text in case.texts:
        assert _gone(article, text), f"{case.kind} left from its container: {text!r}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_switched_off_it_stays(case: Case) -> None:
    article = run(page(body=case.body, where=case.where),
                  CleanOptions(disabled_kinds=frozenset({case.kind})))
    _story_kept(article)
    assert case.kind not in {r.kind for r in article.removed}
    for text in case.texts:
        if case.kind == "related" and text in MOST_READ:
            continue  # links to other stories are "related" whichever rule finds them
        assert any(text in p for p in article.paragraphs), f"{case.kind} removed while off"


def test_every_kind_tested_can_be_switched_off() -> None:
    assert {c.kind for c in CASES} <= set(KINDS)
    assert {"template", "site_name"} <= set(KINDS)


def test_a_removal_records_the_hash_and_length_of_what_went() -> None:
    article = run(page(body=_p("Source: Valley Ledger and news agencies")))
    [block] = [r for r in article.removed if r.kind == "source_line"]
    text = "Source: Valley Ledger and news agencies"
    assert block.sha256 == content_hash(text) and block.length == len(text)


REPORTING = (
    "Dear readers of the parish newsletter were told in January that the bridge would reopen "
    "by Easter, a promise the council has since withdrawn.",
    "Residents have pledged to support the rebuilding and to donate materials, and a local "
    "builder said he would contribute two weeks of work for free.",
    "The charity said donations had reached 2 million euros since the flood, and that it would "
    "support 40 families with rent until the summer.",
    "Support for the new dam has grown to 61 percent, according to a poll published on Monday, "
    "up from 48 percent a year ago.",
    "Asked whether the town could fund the work alone, the mayor said: “We will need everyone "
    "to support us, today and for years to come.”",
    "Volunteers at the food bank said they had signed up 300 new donors in a week and that "
    "their newsletter now reaches every household in the valley.",
    "Share prices at X fell sharply on Monday after the company reported a loss.",
    "Follow the signs at the station to reach the temporary bus stop on Mill Street.",
    "Listen to them, the protesters shouted as police moved in.",
    "The names of the victims may not be published under state law until their families "
    "have been told.",
    "Brokers may earn a commission on each sale under the new rules.",
    "By using the site, more than two million people shared their location with the company.",
    "Photo identification will be required at every polling station from May.",
    "Please support our campaign, the organisers wrote in a letter to the council.",
)


DATELINES = ("HARLOW, Netherlands —", "MILLBROOK (AP) —")


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_dateline_opening_the_first_paragraph_goes_and_the_sentence_stays(
        dateline: str) -> None:
    html = page().replace(f"<p>{STORY[0]}</p>", f"<p>{dateline} {STORY[0]}</p>")
    article = run(html)
    assert article.paragraphs == list(STORY)
    assert [r.length for r in article.removed if r.kind == "stamp"] == [len(dateline)]
    kept = run(html, CleanOptions(disabled_kinds=frozenset({"stamp"})))
    assert kept.paragraphs[0] == f"{dateline} {STORY[0]}"


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_dateline_in_its_own_element_goes(dateline: str) -> None:
    html = page().replace(f"<p>{STORY[0]}</p>",
                          f'<p><span class="dateline">{dateline}</span> {STORY[0]}</p>')
    article = run(html)
    assert article.paragraphs == list(STORY)
    place = dateline.rstrip(" —")
    html = page().replace(f"<p>{STORY[0]}</p>",
                          f'<div class="dateline">{place}</div><p>{STORY[0]}</p>')
    assert run(html).paragraphs == list(STORY)


def test_a_dash_later_in_the_first_sentence_is_not_a_dateline() -> None:
    first = ("HARLOW residents — most of them farmers — packed the town hall on Thursday to hear "
             "the board explain the repairs.")
    article = run(page().replace(f"<p>{STORY[0]}</p>", f"<p>{first}</p>"))
    assert article.paragraphs[0] == first


@pytest.mark.parametrize("word", ["NATO", "UEFA", "OPEC"])
def test_an_acronym_opening_the_first_paragraph_is_not_a_dateline(word: str) -> None:
    first = f"{word} — The alliance of water boards said on Thursday it would help pay for the "
    first += "repairs to the Harlow reservoir."
    article = run(page().replace(f"<p>{STORY[0]}</p>", f"<p>{first}</p>"))
    assert article.paragraphs[0] == first
    assert "stamp" not in {r.kind for r in article.removed}


def test_a_short_place_named_again_in_the_story_is_a_dateline() -> None:
    first = f"OSTEN — {STORY[0]}"
    second = "The wells that will supply Osten and its villages were tested in January."
    html = page().replace(f"<p>{STORY[0]}</p>", f"<p>{first}</p><p>{second}</p>")
    article = run(html)
    assert article.paragraphs[:2] == [STORY[0], second]
    assert [r.length for r in article.removed if r.kind == "stamp"] == [len("OSTEN —")]


def test_reporting_about_support_and_donations_is_kept() -> None:
    article = run(page(body=_p(*REPORTING), where="middle"))
    _story_kept(article)
    for paragraph in REPORTING:
        assert paragraph in article.paragraphs, f"reporting removed: {paragraph[:50]!r}"
    assert not {r.kind for r in article.removed} & {"donation_appeal", "subscription"}


def test_a_sentence_with_a_link_in_it_is_reporting() -> None:
    sentence = ("It follows months of protests over the rising cost of water in the valley.")
    linked = ('<p>It follows <a href="/2026/01/protests">months of protests over the rising '
              "cost of water in the valley</a>.</p>")
    article = run(page(body=linked, where="middle"))
    _story_kept(article)
    assert sentence in article.paragraphs


def test_a_table_whose_cells_are_links_is_content() -> None:
    table = ('<table><tr><th>Well</th><th>Depth</th></tr>'
             '<tr><td><a href="/wells/north-field-well">North Field well</a></td><td>80 m</td></tr>'
             '<tr><td><a href="/wells/old-mill-well">Old Mill well</a></td><td>65 m</td></tr>'
             "</table>")
    article = run(page(body=table, where="end"))
    _story_kept(article)
    assert any("North Field well" in p for p in article.paragraphs)
    assert any("Old Mill well" in p for p in article.paragraphs)

"""Metadata from JSON-LD, meta tags, <time> and the page's text, in that order of trust."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.cleaner.dates import parse_iso, parse_text, read_stamp
from services.cleaner.language import guess_language
from services.cleaner.metadata import clean_authors, read_metadata

JSONLD = """<html lang="en-GB"><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Bridge to reopen",
  "datePublished": "2026-03-04T09:30:00+01:00", "dateModified": "2026-03-04T12:00:00+01:00",
  "author": [{"@type": "Person", "name": "Maria Lind"}, {"@type": "Organization", "name": "HH"}],
  "publisher": {"@type": "Organization", "name": "Harbour Herald"}}]}</script>
<meta property="article:published_time" content="2020-01-01T00:00:00Z">
<link rel="canonical" href="https://hh.example/bridge"></head><body></body></html>"""
PLUS_ONE = timezone(timedelta(hours=1))
MINUS_FIVE = timezone(timedelta(hours=-5))


def test_jsonld_wins_over_meta_tags() -> None:
    meta = read_metadata(JSONLD)
    assert meta.published_at == datetime(2026, 3, 4, 9, 30, tzinfo=PLUS_ONE)
    assert meta.updated_at == datetime(2026, 3, 4, 12, 0, tzinfo=PLUS_ONE)
    assert meta.title == "Bridge to reopen"
    assert meta.authors == ["Maria Lind"]
    assert meta.site == "Harbour Herald"
    assert meta.language == "en"
    assert meta.canonical_url == "https://hh.example/bridge"


def test_meta_tags_then_time_element() -> None:
    page = ('<html><head><meta property="og:site_name" content="Valley Post">'
            '<meta property="og:title" content="Rain"></head>'
            '<body><time datetime="2026-02-01T08:00:00">1 Feb</time></body></html>')
    meta = read_metadata(page)
    assert meta.published_at == datetime(2026, 2, 1, 8, tzinfo=UTC)
    assert meta.site == "Valley Post" and meta.title == "Rain"


def test_authors_are_people_not_agencies_or_the_site() -> None:
    got = clean_authors(["By Maria Lind and Tom Okafor", "AFP staff", "Harbour Herald",
                         "Reuters"], {"harbour herald"})
    assert got == ["Maria Lind", "Tom Okafor"]


# ------------------------------------------------------------------ order of trust

SOURCES = {
    "jsonld": '<script type="application/ld+json">{}</script>',
    "meta": '<meta property="article:published_time" content="2026-03-02T10:00:00+02:00">'
            '<meta property="article:modified_time" content="2026-03-02T11:00:00+02:00">',
    "time": '<time class="published" datetime="2026-03-03T10:00:00+03:00">3 March</time>'
            '<time class="updated" datetime="2026-03-03T11:00:00+03:00">later</time>',
    "text": '<p class="article-date">Published March 4, 2026 10:00am EST</p>'
            '<p class="article-date">Updated March 4, 2026 11:00am EST</p>',
}
JSONLD_DATES = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                           "headline": "Dam works", "datePublished": "2026-03-01T10:00:00Z",
                           "dateModified": "2026-03-01T11:00:00Z"})
EXPECTED = {
    "jsonld": (datetime(2026, 3, 1, 10, tzinfo=UTC), datetime(2026, 3, 1, 11, tzinfo=UTC)),
    "meta": (datetime(2026, 3, 2, 10, tzinfo=timezone(timedelta(hours=2))),
             datetime(2026, 3, 2, 11, tzinfo=timezone(timedelta(hours=2)))),
    "time": (datetime(2026, 3, 3, 10, tzinfo=timezone(timedelta(hours=3))),
             datetime(2026, 3, 3, 11, tzinfo=timezone(timedelta(hours=3)))),
    "text": (datetime(2026, 3, 4, 10, tzinfo=MINUS_FIVE),
             datetime(2026, 3, 4, 11, tzinfo=MINUS_FIVE)),
}


def _page(sources: list[str]) -> str:
    head = "".join(SOURCES[s].format(JSONLD_DATES) for s in sources if s in ("jsonld", "meta"))
    body = "".join(SOURCES[s] for s in sources if s in ("time", "text"))
    return f"<html><head>{head}</head><body><article>{body}<p>Text.</p></article></body></html>"


@pytest.mark.parametrize("best", list(SOURCES))
def test_each_source_wins_over_the_less_trusted_ones(best: str) -> None:
    order = list(SOURCES)
    meta = read_metadata(_page(order[order.index(best):]))
    assert (meta.published_at, meta.updated_at) == EXPECTED[best]


def test_a_bare_date_gives_way_to_a_timestamp_of_the_same_day() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-02"})
    page = (f'<html><head><script type="application/ld+json">{ld}</script>'
            '<meta property="article:published_time" content="2026-03-02T10:00:00+02:00">'
            "</head><body></body></html>")
    assert read_metadata(page).published_at == EXPECTED["meta"][0]


def test_a_bare_date_of_another_day_keeps_its_rank() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-05"})
    page = (f'<html><head><script type="application/ld+json">{ld}</script>'
            '<meta property="article:published_time" content="2026-03-02T10:00:00+02:00">'
            "</head><body></body></html>")
    # the page writes its times at +02:00, so its bare date is a day there
    assert read_metadata(page).published_at == datetime(2026, 3, 5,
                                                         tzinfo=timezone(timedelta(hours=2)))


def test_a_naive_timestamp_takes_the_zone_the_page_uses_elsewhere() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-02T09:00:00"})
    page = (f'<html><head><script type="application/ld+json">{ld}</script>'
            '<meta property="article:modified_time" content="2026-03-02T10:00:00+01:00">'
            '<meta property="article:published_time" content="2026-03-02T09:00:00+01:00">'
            "</head><body></body></html>")
    assert read_metadata(page).published_at == datetime(2026, 3, 2, 9, tzinfo=PLUS_ONE)


# ------------------------------------------------------------------ dates as written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 1, 2022 11:05am", datetime(2022, 4, 1, 11, 5, tzinfo=UTC)),
        ("Updated: April 2, 2022 1:44pm", datetime(2022, 4, 2, 13, 44, tzinfo=UTC)),
        ("Published Mar 11, 2026 at 7:40pm MSK",
         datetime(2026, 3, 11, 19, 40, tzinfo=timezone(timedelta(hours=3)))),
        ("Nov 19, 2019 at 3:00 PM EST", datetime(2019, 11, 19, 15, tzinfo=MINUS_FIVE)),
        ("on 5 July 2023 at 14:00 CEST",
         datetime(2023, 7, 5, 14, tzinfo=timezone(timedelta(hours=2)))),
        ("22 de janeiro de 2018 às 0:13", datetime(2018, 1, 22, 0, 13, tzinfo=UTC)),
        ("19.11.2019 10:30", datetime(2019, 11, 19, 10, 30, tzinfo=UTC)),
        ("2019-11-19 10:00 GMT+3", datetime(2019, 11, 19, 10, tzinfo=timezone(timedelta(hours=3)))),
        ("Tue., Nov. 19, 2019", datetime(2019, 11, 19, tzinfo=UTC)),
    ],
)
def test_dates_in_text_with_their_zones(text: str, expected: datetime) -> None:
    assert parse_text(text) == expected


def test_us_eastern_time_follows_daylight_saving() -> None:
    summer = parse_text("July 4, 2025 9:00 a.m. ET")
    winter = parse_text("Jan. 4, 2025 9:00 a.m. ET")
    assert summer is not None and winter is not None
    assert summer.utcoffset() == timedelta(hours=-4)
    assert winter.utcoffset() == timedelta(hours=-5)


def test_a_date_without_a_zone_takes_the_default_given() -> None:
    assert parse_text("March 3, 2026 9:40am", PLUS_ONE) == datetime(2026, 3, 3, 9, 40,
                                                                    tzinfo=PLUS_ONE)


@pytest.mark.parametrize("value", ["2019-11-19T10:30:00.000Z", "2019-11-19 10:30:00 +0000",
                                   "20191119T1030Z"])
def test_iso_timestamps_as_markup_writes_them(value: str) -> None:
    assert parse_iso(value) == datetime(2019, 11, 19, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("value", ["", "yesterday", "2019-13-45", None, 20191119])
def test_not_a_timestamp(value: object) -> None:
    assert parse_iso(value) is None


# ------------------------------------------------------------------ authors


def test_an_author_given_by_reference_is_found() -> None:
    ld = json.dumps({"@graph": [
        {"@type": "NewsArticle", "headline": "Dam", "author": {"@id": "#p1"}},
        {"@type": "Person", "@id": "#p1", "name": "Ines Vogel"}]})
    page = f'<html><head><script type="application/ld+json">{ld}</script></head></html>'
    assert read_metadata(page).authors == ["Ines Vogel"]


def test_a_desk_in_the_markup_gives_way_to_the_byline() -> None:
    page = ('<html><head><meta name="author" content="By AFP staff"></head><body>'
            '<div class="byline">By <a rel="author" href="/a/ana">Ana Ruiz</a></div>'
            "</body></html>")
    assert read_metadata(page).authors == ["Ana Ruiz"]


def test_a_readers_name_on_a_comment_is_not_an_author() -> None:
    page = ('<html><body><article><p>Text.</p></article><div class="comments">'
            '<div class="comment"><span class="comment-author">Jo Bloggs</span></div></div>'
            "</body></html>")
    assert read_metadata(page).authors == []


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["Sarah E. Needleman"], ["Sarah E. Needleman"]),
        (["LISA MASCARO and ERIC TUCKER"], ["Lisa Mascaro", "Eric Tucker"]),
        (["By Ann Lee Monday, November 18, 2019"], ["Ann Lee"]),
        (["Analysis by Chris Cole"], ["Chris Cole"]),
        (["Texto: Maria Souza"], ["Maria Souza"]),
        (["Canadian Press", "The Russian", "USA TODAY", "Staff Reports", "admin"], []),
        (["Jan van Dijk; Ruth Meier"], ["Jan van Dijk", "Ruth Meier"]),
    ],
)
def test_author_names_are_cleaned(raw: list[str], names: list[str]) -> None:
    assert clean_authors(raw, {"valley ledger"}) == names


# ------------------------------------------------------------------ the rest


def test_title_without_the_site_name_and_canonical_resolved() -> None:
    page = ('<html><head><meta property="og:site_name" content="Valley Ledger">'
            '<meta property="og:title" content="Dam works begin | Valley Ledger">'
            '<link rel="canonical" href="/2026/03/dam"></head></html>')
    meta = read_metadata(page, url="https://valleyledger.example/x?utm=1")
    assert meta.title == "Dam works begin"
    assert meta.canonical_url == "https://valleyledger.example/2026/03/dam"


def test_title_from_the_headline_when_the_markup_has_none() -> None:
    meta = read_metadata("<html><body><h1>Dam works begin</h1><p>Text.</p></body></html>")
    assert meta.title == "Dam works begin"


@pytest.mark.parametrize(("attrs", "lang"), [('lang="en-GB"', "en"), ('lang="pt_BR"', "pt"),
                                              ('lang="x"', None), ("", None)])
def test_language_from_the_markup(attrs: str, lang: str | None) -> None:
    assert read_metadata(f"<html {attrs}><body><p>x</p></body></html>").language == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council said on Monday that the bridge would reopen in the spring, and that "
         "the cost of the repairs was higher than it had expected.", "en"),
        ("Der Stadtrat hat am Montag beschlossen, dass die Brücke im Frühjahr wieder für den "
         "Verkehr geöffnet wird, und die Kosten sind höher als erwartet.", "de"),
        ("A prefeitura disse na segunda-feira que a ponte será reaberta na primavera e que o "
         "custo das obras foi maior do que o esperado pela cidade.", "pt"),
        ("市議会は月曜日、橋を春に再開すると発表した。", "ja"),
        ("Городской совет заявил в понедельник, что мост откроют весной.", "ru"),
        ("Bridge reopens", None),
    ],
)
def test_language_from_the_text(text: str, lang: str | None) -> None:
    assert guess_language([text]) == lang


def test_placeholder_dates_are_no_date() -> None:
    page = ('<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z">'
            '</head><body><time datetime="2026-02-01T08:00:00Z">1 Feb</time></body></html>')
    meta = read_metadata(page)
    assert meta.published_at == datetime(2026, 2, 1, 8, tzinfo=UTC)


# ------------------------------------------------------------------ authors, robustly


def _ld_page(ld: str, head: str = "", body: str = "") -> str:
    return (f'<html><head><script type="application/ld+json">{ld}</script>{head}</head>'
            f"<body>{body}</body></html>")


def test_jsonld_with_raw_control_characters_keeps_its_author() -> None:
    # a tab and a newline typed into the JSON strings: strict JSON rejects the whole script
    ld = ('{"@type": "NewsArticle", "headline": "Tide gauges\tfail",\n'
          '"author": {"@type": "Person", "name": "Oskar\tLindqvist\n"}}')
    page = _ld_page(ld, body='<div class="byline">By Metro Desk</div>')
    meta = read_metadata(page)
    assert meta.authors == ["Oskar Lindqvist"]
    assert meta.title == "Tide gauges fail"


def test_jsonld_in_a_cdata_wrapper_is_read() -> None:
    ld = '//<![CDATA[\n{"@type": "NewsArticle", "author": {"name": "Petra Novak"}}\n//]]>'
    assert read_metadata(_ld_page(ld)).authors == ["Petra Novak"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Marisol EchevarriaView More Articles", ["Marisol Echevarria"]),
        ("More articles by Tobias Brenner", ["Tobias Brenner"]),
        ("Kwame Asante | See all stories", ["Kwame Asante"]),
        ("By Ilse Marten See all posts by this author", ["Ilse Marten"]),
        ("Ruth OkonkwoRead more", ["Ruth Okonkwo"]),
        ("View all articles", []),
    ],
)
def test_link_labels_glued_to_a_name_are_stripped(byline: str, names: list[str]) -> None:
    page = f'<html><body><div class="author-box">{byline}</div><p>Text.</p></body></html>'
    assert read_metadata(page).authors == names


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("Bill Press", True),
        ("Emily Post", True),
        ("John Daily", True),
        ("Harriet Times", True),
        ("Thomas More", True),
        ("By AFP staff", False),
        ("Staff Reporter", False),
        ("Reuters", False),
        ("The Editorial Board", False),
        ("Weekly Post", False),
        ("Associated Press", False),
        ("Valley Ledger", False),  # the site's own name
    ],
)
def test_junk_is_judged_on_the_whole_name(raw: str, kept: bool) -> None:
    assert clean_authors([raw], {"valley ledger"}) == ([raw] if kept else [])


@pytest.mark.parametrize("name", ["김민지", "陈静怡", "佐藤花子"])
def test_a_name_written_without_spaces_counts_only_from_an_author_field(name: str) -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": name}},
                    ensure_ascii=False)
    assert read_metadata(_ld_page(ld)).authors == [name]
    meta_tag = f'<html><head><meta name="author" content="{name}"></head></html>'
    assert read_metadata(meta_tag).authors == [name]
    # the same word in a byline's free text may be anything
    byline = f'<html><body><div class="byline">{name}</div></body></html>'
    assert read_metadata(byline).authors == []
    assert clean_authors([name], set()) == []


# ------------------------------------------------------------------ dates without a zone


def test_a_bare_date_takes_the_zone_of_the_pages_updated_time() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-05",
                     "dateModified": "2026-03-06T08:15:00-05:00"})
    meta = read_metadata(_ld_page(ld))
    assert meta.published_at == datetime(2026, 3, 5, tzinfo=MINUS_FIVE)
    assert meta.published_day_only and not meta.updated_day_only


def test_a_naive_timestamp_takes_the_zone_written_in_the_page_text() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-05T14:20:00"})
    body = '<p class="article-date">Updated March 6, 2026 9:00am CET</p>'
    meta = read_metadata(_ld_page(ld, body=body))
    assert meta.published_at == datetime(2026, 3, 5, 14, 20, tzinfo=PLUS_ONE)
    assert meta.updated_at == datetime(2026, 3, 6, 9, tzinfo=PLUS_ONE)


def test_a_bare_date_gives_way_to_the_time_of_day_in_the_page_text() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-05"})
    body = '<span class="publish-date">March 5, 2026, 6:40 PM EST</span>'
    meta = read_metadata(_ld_page(ld, body=body))
    assert meta.published_at == datetime(2026, 3, 5, 18, 40, tzinfo=MINUS_FIVE)
    assert not meta.published_day_only


def test_with_no_zone_anywhere_a_bare_date_is_the_start_of_its_day_in_utc() -> None:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-05"})
    meta = read_metadata(_ld_page(ld))
    assert meta.published_at == datetime(2026, 3, 5, tzinfo=UTC)
    assert meta.published_day_only and meta.zone is None


@pytest.mark.parametrize(
    ("text", "timed", "zoned"),
    [("March 5, 2026", False, False), ("March 5, 2026 6:40pm", True, False),
     ("March 5, 2026 6:40pm EST", True, True), ("2026-03-05 10:00 GMT+3", True, True)],
)
def test_a_text_date_says_what_was_written(text: str, timed: bool, zoned: bool) -> None:
    stamp = read_stamp(text)
    assert stamp is not None and (stamp.timed, stamp.zoned) == (timed, zoned)

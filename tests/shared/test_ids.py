"""Canonical URLs and deterministic ids."""

from newsflow.ids import article_id, canonical_url, event_id, url_host


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert (
        canonical_url("HTTPS://News.Example.com:443/a/b?utm_source=rss&b=2&a=1&fbclid=x#top")
        == "https://news.example.com/a/b?a=1&b=2"
    )


def test_canonical_url_keeps_non_default_port_and_gives_root_path() -> None:
    assert canonical_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/"


def test_article_id_is_stable_across_spellings() -> None:
    a = article_id("https://example.com/story?utm_medium=email")
    b = article_id("https://EXAMPLE.com/story#comments")
    assert a == b
    assert a != article_id("https://example.com/other-story")
    assert len(a) == 32


def test_event_id_depends_on_article_and_content() -> None:
    assert event_id("a1", "190", "RUS") == event_id("a1", "190", "RUS")
    assert event_id("a1", "190", "RUS") != event_id("a2", "190", "RUS")
    assert event_id("a1", "190", "RUS") != event_id("a1", "195", "RUS")


def test_url_host() -> None:
    assert url_host("https://Sub.Example.org/x") == "sub.example.org"

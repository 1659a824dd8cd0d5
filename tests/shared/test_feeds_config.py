"""The feeds file: valid files load, bad files fail naming the file and the field."""

from pathlib import Path

import pytest

from newsflow.errors import ConfigError
from newsflow.feeds import FeedKind, load_feeds, parse_feeds


def test_valid_file_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n"
        "  - {id: a, url: 'https://a.example/rss', kind: rss}\n"
        "  - {id: b, url: 'https://b.example/sitemap.xml', kind: sitemap,"
        " poll_interval: 60, enabled: false}\n"
    )
    feeds = load_feeds(path)
    assert [f.id for f in feeds] == ["a", "b"]
    assert feeds[0].kind is FeedKind.RSS and feeds[0].poll_interval == 900 and feeds[0].enabled
    assert feeds[1].poll_interval == 60 and not feeds[1].enabled


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("feeds:\n  - {id: a, url: 'ftp://x', kind: rss}\n", "feeds[0].url"),
        ("feeds:\n  - {id: a, url: 'http://x', kind: podcast}\n", "feeds[0].kind"),
        ("feeds:\n  - {id: a, url: 'http://x', kind: rss, poll_interval: -1}\n",
         "feeds[0].poll_interval"),
        ("feeds:\n  - {id: a, url: 'http://x', kind: rss, colour: red}\n", "feeds[0].colour"),
        ("feeds:\n  - {url: 'http://x', kind: rss}\n", "feeds[0].id"),
        ("feeds:\n  - {id: a, url: 'http://x', kind: rss}\n"
         "  - {id: a, url: 'http://y', kind: rss}\n", "duplicate feed id 'a'"),
        ("feeds: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "'feeds' list"),
    ],
)
def test_bad_file_names_file_and_field(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_feeds(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read feeds file"):
        load_feeds(tmp_path / "nope.yaml")


def test_shipped_feeds_file_is_valid(repo_root: Path) -> None:
    assert load_feeds(repo_root / "config" / "feeds.yaml")


def test_parse_feeds_source_name() -> None:
    with pytest.raises(ConfigError, match=r"^inline: "):
        parse_feeds("feeds: 3", source="inline")

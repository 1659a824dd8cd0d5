"""Several fetcher processes split the feeds by host, with no coordination."""

from newsflow.feeds import Feed, FeedKind
from newsflow.ids import url_host
from services.fetcher.service import shard_of


def test_every_host_has_exactly_one_shard_and_it_is_stable() -> None:
    feeds = [Feed(id=f"f{i}", url=f"https://site{i % 40}.example/rss/{i}", kind=FeedKind.RSS)
             for i in range(200)]
    shards = 3
    owners: dict[str, set[int]] = {}
    for feed in feeds:
        owners.setdefault(url_host(feed.url), set()).add(shard_of(url_host(feed.url), shards))
    assert all(len(s) == 1 for s in owners.values())  # a host's feeds stay together
    assert {next(iter(s)) for s in owners.values()} == {0, 1, 2}  # and all shards get work
    assert shard_of("site7.example", 3) == shard_of("site7.example", 3)

"""Deterministic ids and URL canonicalisation.

``article_id`` derives from the canonical URL and ``event_id`` from the article
and the event's content, so that redelivery and re-fetching produce the same
ids and the store's upserts make no second row.
"""

import functools
import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Normalise ``url`` so that one article has one spelling.

    Lower-cases scheme and host, drops default ports, fragments and tracking
    parameters (``utm_*``, ``fbclid``, ...), sorts the remaining query and
    gives an empty path as ``/``.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    query.sort()
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


@functools.lru_cache(maxsize=65536)
def url_host(url: str) -> str:
    """The lower-cased host of ``url`` (the partition key for per-site work).

    Cached: the fetcher asks it of each URL several times (queue, pacing, keys).
    """
    return (urlsplit(url).hostname or "").lower()


def _digest(*parts: str) -> str:
    """sha256 over the parts, each followed by a unit separator (one call: events ask it
    often)."""
    return hashlib.sha256(("\x1f".join(parts) + "\x1f").encode("utf-8")).hexdigest()[:32]


def article_id(url: str) -> str:
    """Id of the article at ``url``: a hash of its canonical URL."""
    return _digest("article", canonical_url(url))


def event_id(article: str, *content: str) -> str:
    """Id of an event: a hash of its article id and the parts that make it distinct."""
    return _digest("event", article, *content)


def content_hash(text: str) -> str:
    """Short stable hash of a text block (used to audit removed boilerplate)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
